# options messages (zh-CN)
