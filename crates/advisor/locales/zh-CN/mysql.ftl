# mysql messages (zh-CN)
mysql.doc.replica-status-empty = {statement}：空结果集（未配置复制通道）
mysql.doc.replica-status-default = {statement}，默认通道
mysql.doc.replica-status-channel = {statement}，通道 '{channel}'
mysql.doc.replica-status-many = {statement}，{count} 个通道
mysql.doc.show-variables = SHOW VARIABLES，{count} 个变量
mysql.doc.channel-table = performance_schema.{table}，{count} 行通道配置
mysql.doc.clone-status = performance_schema.clone_status
mysql.doc.clone-status-state = performance_schema.clone_status：{state}
mysql.doc.clone-progress = performance_schema.clone_progress，{count} 个阶段
mysql.doc.variable-query = SELECT {columns}
mysql.doc.query-result = 查询结果，{count} 行
mysql.problem.cell-count = 该表格行有 {found} 个单元格，但表头有 {expected} 列；已尽量按现有内容读取。
mysql.problem.stray-line = 这一行不是 \G 输出中的 "Name: value" 字段，已跳过。
