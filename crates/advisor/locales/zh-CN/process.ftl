# process views: ps, pstree, /proc/<pid>/status|stat|environ (zh-CN)
doc.process-list = 进程列表 {name}
doc.proc-status = /proc/<pid>/status {name}
doc.proc-environ = 进程环境变量 {name}
process.label-list = {tool}：{count} 个进程
process.label-list-server = {tool}：mysqld PID {pid}，父进程 {ppid}（共 {count} 个进程）
process.label-proc = /proc/{pid}/{file}：{name}，父进程 {ppid}
process.label-environ = /proc/{pid}/environ：{count} 个变量
process.label-environ-no-pid = 进程环境变量（/proc/<pid>/environ）：{count} 个变量
process.problem-unknown-column = 未知的 ps 列“{column}”：每行按一个词读取。
process.problem-run-on = 第 {line} 行：环境变量粘贴时丢失了 NUL 分隔符，已在每个 NAME= 之前按猜测拆分。请粘贴 tr '\0' '\n' < /proc/<pid>/environ 的输出以确认。
process.problem-pstree-no-pids = pstree 输出中没有 PID：请运行 pstree -p（或 -ap）查看每个进程的父进程。
