# clone messages (zh-CN)
