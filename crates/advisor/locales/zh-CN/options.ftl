# options messages (zh-CN): 选项文件、my_print_defaults、mysqld-auto.cnf 与生效配置。

## 文档标签
options.label-file = 选项文件 {name}，选项组 {groups}
options.label-snippet = 选项文件，选项组 {groups}
options.label-includes-only = 选项文件 {name}（只有 !include 行：{includes} 条）
options.label-includes-only-unnamed = 选项文件（只有 !include 行：{includes} 条）
options.label-no-groups = 选项文件 {name}（没有 [group] 选项组头）
options.label-no-groups-unnamed = 选项文件（没有 [group] 选项组头）
options.label-print-defaults = my_print_defaults 输出，共 {count} 个选项
options.label-print-defaults-groups = my_print_defaults {groups} 输出，共 {count} 个选项
options.label-auto-cnf = mysqld-auto.cnf（SET PERSIST，格式版本 {version}），共 {count} 个持久化变量

## 语法问题（解析器已跳过并继续）
options.problem-group-unclosed = “{line}”：选项组头缺少右方括号“]”。MySQL 会因 “Wrong group definition in config file” 拒绝启动。
options.problem-group-name = “{line}”：不是合法的选项组名。
options.problem-directive = “{line}”：未知指令；只有 !include FILE 和 !includedir DIR 两种。
options.problem-key = “{line}”：不是选项行（选项名由字母、数字、“-”和“_”组成，后面可跟“= 值”）。
options.problem-no-group = “{key}” 出现在任何 [group] 选项组头之前。MySQL 会拒绝这样的文件（“Found option without preceding group in config file”）。
options.problem-prefix-value-ignored = “{key}={value}”：skip- 或 disable- 前缀的选项会忽略所给的值，该选项总是被设为 OFF。
options.problem-json-unexpected = JSON 中出现意外的 “{token}”；已尽量读取文件其余部分。
options.problem-json-unterminated = JSON 在右花括号之前就结束了：文件被截断或只粘贴了一部分。mysqld-auto.cnf 格式错误时服务器会拒绝启动。

## 配置解析说明
options.note-suffix-ambiguous = 选项文件中有多个实例的选项组（{suffixes}），但 mysqld 命令行上没有找到 --defaults-group-suffix，因此这些选项组都未计入。请粘贴 unit（systemctl cat）以确定是哪个实例。
options.note-suffix-unresolved = mysqld 由模板 unit 以 --defaults-group-suffix={suffix} 启动，但实例名未知，因此无法确定各实例的选项组（[mysqld@…]）归属。请粘贴带实例名的 systemctl cat 输出（systemctl cat mysqld@实例名）。
options.note-group-ignored-version = 版本为 {version} 的服务器不会读取以下选项组（服务器只读取与自身版本系列相同的 [mysqld-X.Y] 选项组），其中的选项未计入：{groups}。
options.note-group-ignored = 本服务器不会读取以下选项组（属于其他实例的组后缀，或另一种服务器发行版），其中的选项未计入：{groups}。
options.note-group-assumed-version = 服务器版本未知，因此假定以下选项组与之匹配并计入了其中的选项：{groups}。请粘贴 `mysqld --version` 或 `SELECT VERSION()` 的输出以便确认。
options.note-group-assumed-suffix = 本实例的 --defaults-group-suffix 未知，因此假定以下选项组属于本实例并计入了其中的选项：{groups}。请粘贴 unit（systemctl cat）以便确认。
options.note-group-assumed-flavor = 以下选项组只有 MariaDB 会读取；服务器发行版未知，因此假定为 MariaDB 并计入了其中的选项：{groups}。
options.note-group-series-assumed = 服务器版本未知，而选项文件中有多个版本系列的 [mysqld-X.Y] 选项组：已计入假定版本 {version} 对应的选项组，以下选项组未计入：{groups}。请粘贴 `mysqld --version` 或 `SELECT VERSION()` 的输出以便确认。
options.note-server-option-in-other-group = “{key}” 位于 {file} 的 {group} 选项组中，mysqld 不读取该组，因此它对服务器不起作用。请把它移到 [mysqld] 组。
options.note-print-defaults-groups-unknown = 没有粘贴 my_print_defaults 的命令行，因此将其输出视为 mysqld 读取的选项组（my_print_defaults mysqld server）。
options.note-log-bin-basename = {file} 中的 “{key} = {value}” 并不会关闭二进制日志：log-bin 的值是文件名，二进制日志会被命名为 “{value}.000001”，二进制日志仍为 ON。要关闭请使用 skip-log-bin（或 disable-log-bin）。
options.note-persist-not-loaded = persisted_globals_load 为 OFF，服务器不会读取 mysqld-auto.cnf：其中 {count} 个持久化的值未计入。
options.note-persist-encrypted = mysqld-auto.cnf 中包含加密的敏感变量（mysql_sensitive_variables），此处无法读取它们的值。
options.note-include-missing = {file} 中有 “{directive}”，但没有提供它所包含的文件，其中的配置未知。请一并粘贴，例如以下命令的输出：{command}
options.note-exec-var-unknown = ExecStart= 向 mysqld 传入了 ${var}，它来自未提供的 EnvironmentFile=：其中的选项未知。请一并粘贴该文件（或 `systemctl show -p Environment` 的输出）。
options.note-no-defaults = mysqld 以 --no-defaults 启动：不读取任何选项文件，因此所给的选项文件均未计入。
options.note-defaults-file = mysqld 以 --defaults-file={path} 启动：只读取该文件（及其包含的文件）。请确认 {files} 就是这个文件，否则其中的配置不会生效。
