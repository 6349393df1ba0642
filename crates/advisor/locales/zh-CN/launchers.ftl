# 其他启动方式：supervisord、runit / daemontools / s6、OpenRC、SysV、Windows（zh-CN）
doc.supervisord-conf = supervisord 配置 {name}
doc.service-script = {kind} 服务脚本 {name}
doc.windows-service = Windows 服务 {name}
launchers.parent-launcher = {name}（它自己启动 mysqld 并等待其退出）
launchers.parent-windows-monitor = mysqld 自己的监控进程（Windows）
launchers.expected-launcher = 监管进程的 PID，只有它运行后才知道
launchers.why-missing-supervisord = mysqld 运行时没有设置 MYSQLD_PARENT_PID。supervisord 不经 shell 直接启动命令，所以 mysqld 的父进程是 supervisord；supervisord 的展开变量都不能给出它自己的 PID，因此该变量必须由 shell 设置：command=/bin/sh -c 'MYSQLD_PARENT_PID=$PPID exec /usr/sbin/mysqld …'。
launchers.why-missing-run = mysqld 运行时没有设置 MYSQLD_PARENT_PID。{launcher} 运行 ./run，并在它退出时重新运行；使用 exec 后 mysqld 取代 run 脚本，{launcher} 仍是它的父进程，即 $PPID：在 run 文件中写 exec env MYSQLD_PARENT_PID=$PPID …。
launchers.why-missing = mysqld 运行时没有设置 MYSQLD_PARENT_PID，因此 mysqld 不算受管（检查条件是 atoi(MYSQLD_PARENT_PID) == getppid()；这里的父进程是 {parent}）。
launchers.why-check-literal = MYSQLD_PARENT_PID={value}（{at}）是固定数字，而 mysqld 的父进程是 supervisord：只有 supervisord 以 PID 1 运行（容器的主进程，nodaemon=true）时才相等。仅凭配置无法判断。
launchers.why-check-windows = 在 Windows 上不比较该变量：mysqld 在自己的监控进程下运行，监控进程即为监管者（没有 --no-monitor，也没有 --gdb）。
launchers.why-check-no-monitor = mysqld 以 --no-monitor 或 --gdb 运行（{place}）：在 Windows 上这会关闭监控进程，mysqld 永远不算受管，RESTART 或克隆后的重启会以 ERROR 3707 失败。
launchers.why-check-cannot-tell = 无法判断：脚本在 {place} 之后无法继续分析（eval、保存在变量中的命令，或以不同方式启动 mysqld 的多个分支）。
launchers.exitcodes-default = 0（默认值；supervisor 4.0 之前为 0,2）
launchers.why-16-supervisord-unexpected = autorestart={autorestart}，exitcodes={exitcodes}：16 不是预期的退出码，所以 supervisord 会在退出码 16 后重新启动 mysqld。
launchers.why-16-supervisord-expected = autorestart={autorestart}，exitcodes={exitcodes}：16 被列为预期退出码，所以 supervisord 不会在退出码 16 后重新启动 mysqld。
launchers.why-16-supervisord-always = autorestart={autorestart}：mysqld 任何退出（包括 16）后 supervisord 都会重新启动它。
launchers.why-16-supervisord-never = autorestart={autorestart}：mysqld 退出后 supervisord 永远不会重新启动它。
launchers.why-16-supervisord-unknown = autorestart={autorestart} 不是 supervisord 接受的值（true、false 或 unexpected）：无法判断退出码 16 之后会发生什么。
launchers.why-16-run-again = {daemon} 在 ./run 任何退出（包括 16）后都会重新运行它（s6-supervise：除非 ./finish 以 125 退出）。
launchers.why-16-openrc-supervised = supervisor=supervise-daemon 会在 mysqld 任何退出（包括 16）后重新启动它，直到在 respawn_period 内重启次数达到 respawn_max。
launchers.why-16-openrc-unsupervised = 没有 supervisor=supervise-daemon 时，OpenRC 通过 start-stop-daemon 启动 mysqld，退出后没有任何进程重新启动它。
launchers.why-16-unsupervised = 启动脚本在后台启动 mysqld 后就不再管它：退出码 16 之后没有任何进程重新启动它（mysql.server 使用 mysqld_safe，会重新启动）。
launchers.why-16-windows = mysqld 以退出码 16 退出时，监控进程会重新启动它。
launchers.why-16-no-monitor = 没有监控进程，退出码 16 之后没有任何进程重新启动 mysqld。
launchers.why-16-loop-stops = 脚本的循环在退出码 16 之后结束（{place}），因此不会重新启动 mysqld。
launchers.why-16-loop-cannot-tell = 无法判断脚本的循环在退出码 16 之后做什么：无法分析它的判断条件（{place}）。
launchers.label-exit16 = 决定退出码 16 之后的行为
launchers.fix-supervisord = 替换 {file} 中的 [program:{program}]
launchers.fix-supervisord-reason = supervisord 运行一个 shell，由它把 MYSQLD_PARENT_PID 设为其父进程（$PPID：supervisord），再用你的参数 exec mysqld，这样 supervisord 仍是 mysqld 的父进程；退出码 16 不是预期退出码。然后运行：supervisorctl reread && supervisorctl update
launchers.fix-run = 替换 {path}
launchers.fix-run-reason = run 文件以 exec 启动 mysqld，并把 MYSQLD_PARENT_PID 设为 shell 的父进程，即重新运行 ./run 的监管进程；其他行保持不变。监管进程在下次启动 ./run 时使用新文件。
launchers.fix-windows = 让服务 {service} 带监控进程启动
launchers.fix-windows-reason = 去掉 --no-monitor 和 --gdb 后，由监控进程运行 mysqld，并在 RESTART 或克隆后重新启动它。
launchers.fix-masked = 显示为 **** 的值是输入中的机密：请在那里保留你自己的值。
launchers.fix-openrc = 替换 {path}
launchers.fix-openrc-reason = supervise-daemon 启动一个 shell，由它把 MYSQLD_PARENT_PID 设为其父进程（$PPID：supervise-daemon），再用你的参数 exec mysqld；mysqld 每次退出后 supervise-daemon 都会重新启动它。openrc-run 会对 command_args 求值，因此 \$PPID 原样传给 shell。然后运行：rc-service mysql restart
doc.supervisord-log = supervisord 日志 {name}
