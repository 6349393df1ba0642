# logscan: 流式错误日志扫描 (zh-CN)
logscan.kind-clone = 克隆
logscan.kind-restart = 重启
logscan.kind-startup = 启动
logscan.kind-ready = 开始接受连接
logscan.kind-shutdown = 关闭
logscan.kind-crash = 崩溃
logscan.kind-recovery = 崩溃恢复
logscan.kind-replication = 复制
logscan.kind-error = 其他错误
logscan.summary = 已扫描 {size}（{lines} 行）：发现 {seen} 个事件，保留 {kept} 个。
logscan.progress = 已扫描 {done} / {total}（{percent}%）
logscan.cancelled = 扫描已在 {done} 处取消；时间线只包含日志的这一部分。
logscan.note-nothing = 未发现克隆、重启、启动、关闭、复制、崩溃、崩溃恢复或错误相关的日志行。
logscan.note-dropped = “{kind}”类事件共 {seen} 个，其中 {dropped} 个未保留：每类只保留最前面的 {head} 个和最后的 {tail} 个。
logscan.note-long-lines = 有 {count} 行超过 {max}，已被截断（第一处在第 {line} 行；最长一行为 {longest}）。
logscan.note-lossy = 保留的日志行中有 {count} 行不是有效的 UTF-8，无效字节已替换为 U+FFFD。
logscan.excerpt-name = {name}（摘录：{lines} 行中的 {kept} 行）
