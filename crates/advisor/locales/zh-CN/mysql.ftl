# mysql messages (zh-CN)
