# replica messages (en)
