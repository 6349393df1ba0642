# core messages (zh-CN)
#
# 术语表（Glossary）— 每个概念只用一个词，适用于本语言的所有目录与规则文档
# （en 的 core.ftl 有同一张表；tests/it/registry.rs 检查 zh-CN 一侧）：
#   克隆             clone 操作（CLONE INSTANCE / CLONE LOCAL）；插件称“克隆插件”
#   捐赠方 / 接收方   donor / recipient
#   崩溃安全         crash-safe（不写英文 crash-safe）
#   从库 / 主库       replica / source（不用“副本”）；变量、语句、列名保持原文
#   守护进程         supervisor：在退出码 16 之后重新拉起 mysqld 的进程（systemd、mysqld_safe……）
#   unit / drop-in   systemd 的原词，不译作“单元”
#   输入             一段粘贴的文本或一个文件；位置写作“输入 1，第 12 行”
#   通道             复制通道；未命名的通道称“默认通道”
core.note-lossy = 输入“{input}”不是有效的 UTF-8；无效字节已替换为 U+FFFD。
doc.systemd-unit = systemd unit {name}
doc.systemctl-cat = systemctl cat {name}
doc.systemctl-show = systemctl show {name}
doc.option-file = 选项文件 {name}
doc.my-print-defaults = my_print_defaults 输出 {name}
doc.mysqld-auto-cnf = mysqld-auto.cnf（SET PERSIST）{name}
doc.show-variables = SHOW VARIABLES {name}
doc.replica-status = SHOW REPLICA STATUS {name}
doc.connection-configuration = performance_schema.replication_connection_configuration {name}
doc.applier-configuration = performance_schema.replication_applier_configuration {name}
doc.clone-status = performance_schema.clone_status {name}
doc.clone-progress = performance_schema.clone_progress {name}
doc.variable-query = SELECT @@变量 {name}
doc.query-result = 查询结果 {name}
doc.mysqld-version = 版本信息 {name}
doc.error-log = 错误日志 {name}
doc.client-error = 客户端错误 {name}
doc.change-replication-source = CHANGE REPLICATION SOURCE 语句 {name}
doc.container = 容器定义 {name}
doc.unrecognized = 未识别 {name}
core.note-findings-omitted = 另有 {count} 条 `{rule}` 发现（每个复制通道或位置一条）未列入本报告；仅显示前 {kept} 条。
core.note-findings-omitted-one = 另有 1 条 `{rule}` 发现（每个复制通道或位置一条）未列入本报告；仅显示前 {kept} 条。
core.note-documents-omitted = 输入“{input}”中另有 {count} 个文档未列入文档列表；仅列出前 {kept} 个。
core.note-documents-omitted-one = 输入“{input}”中另有 1 个文档未列入文档列表；仅列出前 {kept} 个。
core.reason-omitted = ……另有 {count} 条理由，已略去。
core.reason-omitted-one = ……另有 1 条理由，已略去。
core.verdict-warnings-only = 无法确定：不利的发现都只是警告，没有错误（见发现的问题）。
