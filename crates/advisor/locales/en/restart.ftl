# restart messages (en)
