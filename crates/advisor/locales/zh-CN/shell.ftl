# MySQL Shell 输出与组复制克隆恢复 (zh-CN)
doc.mysqlsh = MySQL Shell 输出 {name}
shell.doc.operation = MySQL Shell {operation}
# 克隆属于组复制分布式恢复时，手动启动服务器后该做什么（runtime-and-launchers.md §5.4：
# 手册 “Cloning for Distributed Recovery”；§4.3：Shell 的 rescan 建议）。供重启结论的说明与修复使用。
shell.gr-after-manual-start-on-boot = 这次克隆是组复制的分布式恢复。若 group_replication_start_on_boot=ON（且其他组复制设置写在配置文件或 SET PERSIST 中），服务器启动后该成员会自动重新加入组。
shell.gr-after-manual-start-manual = 这次克隆是组复制的分布式恢复。若 group_replication_start_on_boot=OFF，服务器启动后需执行 START GROUP_REPLICATION：该成员不会自动重新加入组。
shell.rescan-advice = 手动启动服务器后，请在 MySQL Shell 中执行 <Cluster>.rescan()（{instance}），使集群元数据纳入该成员，正如 Shell 的警告所说。
