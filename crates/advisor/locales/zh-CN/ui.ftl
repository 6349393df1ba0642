# ui messages (zh-CN)
