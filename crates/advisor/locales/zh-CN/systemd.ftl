# systemd messages (zh-CN)
