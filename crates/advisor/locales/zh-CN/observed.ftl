# 运行时观察到的事实（journal、systemctl、/proc、容器、MySQL Shell）以及它们如何决定 clone_restart 结论
# （rules/restart/seen.rs；runtime-and-launchers.md §1.3、§3、§4.3、§7）。

restart.seen-check-exit16 = mysqld 以退出码 16 退出（{place}）：只有通过监管检查的服务器才会以 16 退出，所以它当时是受监管的。
restart.seen-check-3707 = 服务器返回了 ERROR 3707（{place}）：执行该语句时它不受监管进程管理。
restart.seen-check-trace = 错误日志中有 MY-013462（{place}）：克隆后的重启没有通过监管检查，服务器随后自行关闭。
restart.seen-check-clean = mysqld 在克隆（{clone}）之后正常退出（{place}）：这正是重启失败（ERROR 3707、MY-013462）之后的正常关闭。
restart.seen-check-process-managed = 正在运行的 mysqld 的父进程 PID 为 {ppid}，其 MYSQLD_PARENT_PID 为 {value}（{place}）：两者一致，因此它受监管。
restart.seen-check-process-unmanaged = 正在运行的 mysqld 的父进程 PID 为 {ppid}，但其 MYSQLD_PARENT_PID 为 {value}（{place}）：mysqld 用 atoi({value}) = {atoi} 与父进程 PID 比较，因此它不受监管。
restart.seen-check-process-unset = 正在运行的 mysqld 的父进程 PID 为 {ppid}，其环境中没有 MYSQLD_PARENT_PID（{place}）：它不受监管。
restart.seen-16-restarted = 以退出码 16 退出后，监管进程重新启动了它（{place}）。
restart.seen-16-refused = 以退出码 16 退出后，监管进程拒绝再次启动它：触发了启动频率限制（{place}）。
restart.seen-16-down = 以退出码 16 退出后，没有任何进程再启动它（{place}）。
restart.seen-shell-timeout = MySQL Shell 在克隆后等待服务器恢复，最终放弃（{place}）。可能的原因：重启没有通过监管检查（ERROR 3707，随后正常关闭）；或者没有任何进程在退出码 16 之后重启它；或者服务器启动耗时超过 dba.restartWaitTimeout（默认 60 秒）。
restart.seen-clean-exit = mysqld 正常退出（{place}），但输入中没有显示此前有克隆：正常停止看起来也是这样。
restart.verdict-fails-seen = 克隆后的自动重启会失败：{why}
restart.verdict-works-seen = 克隆后的自动重启可以成功：{why}
restart.verdict-stays-down-seen = mysqld 会接受克隆的重启请求，但之后保持停止：{why}
restart.verdict-unknown-timeout = 克隆后服务器没有恢复，输入中看不出原因。
restart.missing-after-timeout = 该实例自克隆以来的错误日志（或 `journalctl -u mysqld --since "-1h"`）：其中有 MY-013462 说明重启没有通过监管检查；有退出码 16 说明没有进程重启它。
restart.label-seen-check = 观察到：监管检查
restart.label-seen-16 = 观察到：退出码 16 之后
restart.label-seen-timeout = 观察到：服务器没有恢复

restart-evidence-conflict.name = 观察结果与配置矛盾
restart-evidence-conflict.passed-title = 观察结果与配置一致
restart-evidence-conflict.title = 实际发生的情况与所给配置矛盾
restart-evidence-conflict.check-managed = 按所给配置，mysqld 应当通过监管检查；但观察到的情况并非如此。{seen}
restart-evidence-conflict.check-unmanaged = 按所给配置，mysqld 应当无法通过监管检查；但观察到的情况并非如此。{seen}
restart-evidence-conflict.exit16-yes = 按所给配置，mysqld 以退出码 16 退出后会被重启；但观察到的情况并非如此。{seen}
restart-evidence-conflict.exit16-no = 按所给配置，mysqld 以退出码 16 退出后不会被重启；但观察到的情况并非如此。{seen}
restart-evidence-conflict.why-systemd = 正在运行的服务并不是按所给配置启动的：配置在上次启动之后被修改过，或者 systemd 还没有加载它（没有执行`systemctl daemon-reload`），或者粘贴的文件并不是正在使用的那个（另一个 unit、另一个 drop-in、另一台主机）。结论以观察结果为准。
restart-evidence-conflict.why-other = 正在运行的服务器并不是按所给配置启动的：配置在上次启动之后被修改过，或者粘贴的配置并不是正在使用的那个。结论以观察结果为准。
restart-evidence-conflict.fix = 加载配置并重启一次 mysqld，使它按配置运行
restart-evidence-conflict.fix-reason = 重启 mysqld 会中断客户端连接，请在维护窗口进行。之后用 `systemctl show mysqld -p Environment,NRestarts` 和 `tr '\0' '\n' < /proc/$(pidof mysqld)/environ` 再检查一次。
restart-evidence-conflict.passed = 观察到的情况与配置一致。
restart-evidence-conflict.na = 没有可与配置比较的运行时观察结果。
restart-evidence-conflict.label-predicted = 配置预测
restart-evidence-conflict.label-seen = 观察到
restart-evidence-conflict.why-history = 失败发生在上一次克隆时；所给配置现在可以通过检查。如果配置是之后修改的，只有在执行 `systemctl daemon-reload` 并重启一次 mysqld 之后，systemd（或容器运行时）才会按它启动 mysqld——在此之前，下一次克隆仍会以同样的方式失败。结论以所给配置为准，并附上这一说明。
