# systemd messages (en)
