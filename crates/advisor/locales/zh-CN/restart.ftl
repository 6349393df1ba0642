# restart messages (zh-CN)
