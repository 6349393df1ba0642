# mysql messages (zh-CN)
mysql.doc.replica-status-empty = {statement}：空结果集（未配置复制通道）
mysql.doc.replica-status-default = {statement}，默认通道
mysql.doc.replica-status-channel = {statement}，通道 '{channel}'
mysql.doc.replica-status-many = {statement}，{count} 个通道
mysql.doc.replica-status-default-connection = {statement}，默认复制连接
mysql.doc.replica-status-connection = {statement}，复制连接 '{channel}'
mysql.doc.replica-status-many-connections = {statement}，{count} 个复制连接
mysql.doc.show-variables = SHOW VARIABLES，{count} 个变量
mysql.doc.channel-table = performance_schema.{table}，{count} 行通道配置
mysql.doc.channel-table-one = performance_schema.{table}，1 行通道配置
mysql.doc.clone-status = performance_schema.clone_status
mysql.doc.clone-status-state = performance_schema.clone_status：{state}
mysql.doc.clone-progress = performance_schema.clone_progress，{count} 个阶段
mysql.doc.variable-query = SELECT {columns}
mysql.doc.query-result = 查询结果，{count} 行
mysql.problem.cell-count = 该表格行有 {found} 个单元格，但表头有 {expected} 列；已尽量按现有内容读取。
mysql.problem.stray-line = 这一行不是 \G 输出中的 "Name: value" 字段，已跳过。
mysql.doc.server-version = {program} 版本 {version}
mysql.doc.client-version = {program} 客户端版本 {version}
mysql.doc.package-version = 已安装的软件包 {program} {version}
mysql.doc.error-log = 错误日志，{count} 行（{errors} 条 ERROR）
mysql.doc.client-error = 客户端错误 {code}：{message}
mysql.doc.change-source = {statement} 语句
mysql.doc.change-source-channel = {statement} 语句，通道 '{channel}'
mysql.problem.option-without-value = 选项 {option} 的 "=" 后面没有值。
mysql.problem.option-syntax = "{word}" 不是选项赋值（NAME = value），已跳过。
mysql.problem.unterminated = 该语句没有以 ";" 或 \G 结尾；已读取到此处为止。
mysql.doc.query-ok = Query OK（语句执行成功，无结果集）
mysql.doc.query-ok-for = {statement} 执行成功（Query OK）
mysql.problem.duplicate-variable = {name} 在这里再次出现；以最后列出的值为准。
mysql.problem.more-notes = ……还有 {count} 处与上面的提示相同。
mysql.problem.value-with-tab = {name} 的值含有制表符（客户端会打印成 \t）；该值一直读到行尾。
mysql.problem.cut-off = 表格似乎在这里被截断：最后这一行没有值。上面的变量已读取。
