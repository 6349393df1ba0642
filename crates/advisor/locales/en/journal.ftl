# journal, systemctl status (en)
doc.journal = journal {name}
doc.systemctl-status = systemctl status {name}
