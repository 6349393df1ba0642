# clone messages (en)
