# options messages (en)
