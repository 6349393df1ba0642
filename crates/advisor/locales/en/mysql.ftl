# mysql messages (en)
