# replica messages (zh-CN)
