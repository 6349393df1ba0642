# ui messages (en)
