# journal, systemctl status (zh-CN)
doc.journal = journalctl 日志 {name}
doc.systemctl-status = systemctl status {name}
