# restart messages (zh-CN)

## 规则名称与标题
restart-unsupervised.name = mysqld 未由守护进程管理（未设置 MYSQLD_PARENT_PID）
restart-unsupervised.passed-title = mysqld 运行时已设置 MYSQLD_PARENT_PID
restart-unsupervised.title = 未设置 MYSQLD_PARENT_PID：克隆后的自动重启会以 ERROR 3707 失败
restart-parent-mismatch.name = MYSQLD_PARENT_PID 与 mysqld 的父进程不一致
restart-parent-mismatch.passed-title = MYSQLD_PARENT_PID 与 mysqld 的父进程一致
restart-parent-mismatch.title = MYSQLD_PARENT_PID 不是 mysqld 父进程的 PID
restart-exit16-ignored.name = 退出码 16 不会被重启
restart-exit16-ignored.passed-title = 退出码 16 会被重启
restart-exit16-ignored.title = mysqld 以退出码 16 退出后无人拉起：克隆后服务器将保持停止状态
restart-ignored-setting.name = 与重启相关的 unit 配置行被 systemd 忽略
restart-ignored-setting.passed-title = 与重启相关的 unit 行都被 systemd 接受
restart-ignored-setting.title = systemd 忽略了一行看起来是为重启而写的配置
restart-ignored-setting.message = {line}（{place}）不会生效：{reason}。
restart-ignored-setting.passed = unit 中没有与重启相关的配置行被 systemd 忽略。
restart-environment-file.name = EnvironmentFile= 可能覆盖 MYSQLD_PARENT_PID
restart-environment-file.passed-title = 没有未给出的 EnvironmentFile= 能覆盖 MYSQLD_PARENT_PID
restart-environment-file.title = 未提供内容的 EnvironmentFile= 可能覆盖 MYSQLD_PARENT_PID
restart-environment-file.message = EnvironmentFile={path} 在 mysqld 启动时读取，晚于 Environment=，其中的赋值会覆盖 Environment=；输入中没有该文件的内容。仅就已提供的内容而言：{now} 请把该文件作为另一个输入（命名为 {path}）粘贴进来以确认。
restart-environment-file.optional = 路径前的 "-" 表示该文件也可能不存在；不存在时它不产生任何影响。
restart-environment-file.passed = 没有内容未知、且可能改变 MYSQLD_PARENT_PID 的 EnvironmentFile=。
restart-environment-file.fix = 查看 {path}
restart-environment-file.fix-reason = 只读取文件内容；请把输出粘贴到这里。
restart-notify-access.name = Type=notify 配合包装进程时需要 NotifyAccess=all
restart-notify-access.passed-title = NotifyAccess= 与 mysqld 的启动方式相符
restart-notify-access.title = mysqld 的 READY=1 被丢弃：主进程是包装进程
restart-notify-access.message = 在 Type=notify 下，systemd 只接受主进程发来的就绪通知（NotifyAccess={access}）。这里的主进程是 {wrapper} 而不是 mysqld，因此 mysqld 的 READY=1 会被丢弃：每一次启动（包括 RESTART 或克隆之后的那次启动）都会停留在 "activating"，直到启动超时将其杀掉（TimeoutSec=0 时则永远等待）。要么让包装脚本用 exec 启动 mysqld，要么设置 NotifyAccess=all。
restart-notify-access.passed = mysqld 本身就是主进程，或 systemd 接受整个服务内任意进程的通知。
restart-notify-access.fix = {unit} 的 drop-in：NotifyAccess=all
restart-notify-access.fix-reason = 接受服务内任意进程的通知；在包装脚本里 exec mysqld 是更干净的做法。
restart-start-timeout.name = Type=notify 下的启动超时是有限值
restart-start-timeout.passed-title = 克隆后的启动有足够时间完成恢复
restart-start-timeout.title = 克隆后的启动可能被 TimeoutStartSec 杀掉
restart-start-timeout.message = 该 unit 为 Type=notify，启动超时为 {timeout}。RESTART 或克隆之后的启动是一次普通启动；克隆之后还要对克隆来的数据做 InnoDB 崩溃恢复，耗时可能远超平时。若未能及时收到 READY=1，systemd 会杀掉 mysqld 并判定启动失败。Oracle 官方的 unit 使用 TimeoutSec=0（Ubuntu 为 infinity）。
restart-start-timeout.passed = 没有启动超时（TimeoutStartSec=0 或 infinity），或 unit 不是 Type=notify。
restart-start-timeout.fix = {unit} 的 drop-in：取消启动超时
restart-start-timeout.fix-reason = 之后如果启动卡住，会一直等到有人手动停止；如果更倾向于有上限，可改为一个足够长的有限值。
restart-on-crash.name = 重启策略在崩溃后也会重启
restart-on-crash.passed-title = 重启策略适合崩溃的情况
restart-on-crash.title = Restart= 在 mysqld 崩溃后也会将其重启
restart-on-crash.message = Restart={restart} 会在退出码 16（RESTART、克隆）之后重启 mysqld，也会在崩溃之后重启（被信号终止、core dump、未列在 RestartPreventExitStatus= 中的非正常退出码）。Oracle 和 Ubuntu 的软件包都是这样配置的，可以保证服务尽快恢复。也有团队希望崩溃后的实例保持停止，先排查原因再启动；他们使用 Restart=no 加 RestartForceExitStatus=16，这样只有 RESTART 和克隆会自动重启。两种方式对克隆都有效，请有意识地选择。
restart-on-crash.passed = Restart= 不会在 mysqld 崩溃后重启它。
restart-on-crash.na = 不适用（mysqld_safe 自己会在崩溃后重启，或不支持克隆）。
restart-on-crash.fix = 另一种做法：只在退出码 16 时重启
restart-on-crash.fix-reason = 改变崩溃后的行为：崩溃后服务器将保持停止，直到手动启动。

restart-start-limit.name = 启动频率限制可能拒绝克隆后的重启
restart-start-limit.passed-title = 启动次数限制给克隆后的重启留有余地
restart-start-limit.title = systemd 的启动频率限制可能让 mysqld 在克隆后保持停止
restart-start-limit.message-hit = systemctl show 显示 Result=start-limit-hit：由于在 StartLimitIntervalSec= 时间窗口内启动过于频繁，systemd 拒绝启动 {unit}。RESTART 或克隆之后的启动与其他启动一样计数；在计数器被重置之前，没有任何机制会再启动 mysqld。
restart-start-limit.message-tight = StartLimitIntervalSec={interval} 内最多允许 StartLimitBurst={burst} 次启动：服务器最初的启动、一次手动重启再加上 RESTART 或克隆之后的自动启动，就可能超出限制。此时 systemd 会拒绝启动（start-limit-hit），mysqld 将保持停止。
restart-start-limit.passed = 没有过紧的启动频率限制，也没有报告 start-limit-hit。
restart-start-limit.fix-reset = 重置 {unit} 的启动频率计数并启动它
restart-start-limit.fix-dropin = {unit} 的 drop-in：恢复 systemd 默认的启动频率限制
restart-start-limit.fix-defaults = systemd 的默认值：10 秒内最多启动 5 次
restart-start-limit.fix-reason = 反复崩溃的服务器会被重启更多次。

## 通用短语
restart.na-no-unit = 输入中没有 systemd unit。
restart.default-value = {value}（默认值）
restart.consequence-fails = 因此 RESTART 和 CLONE INSTANCE（不带 DATA DIRECTORY）会以 ERROR 3707（mysqld is not managed by supervisor process）失败；克隆完成后服务器会记录 MY-013462 并以退出码 0 自行关闭。
restart.consequence-stays-off = {policy} 不会重启正常退出（退出码 0），因此服务器会保持停止。克隆的数据是完整的：手动启动 mysqld 即可完成克隆。
restart.consequence-comes-back = {policy} 对正常退出（退出码 0）也会重启，因此 mysqld 会重新启动并完成克隆；但该语句仍会报 ERROR 3707，期间服务器处于停止状态。
restart.consequence-maybe = 这项检查可能以 ERROR 3707 失败；请把它改成确定可行的配置，而不要依赖运气。
restart.consequence-stays-down = mysqld 会接受 RESTART 或克隆的重启请求并以退出码 16 退出，但没有任何进程再把它拉起：服务器会一直停止，直到有人手动启动。
restart.consequence-after-fix = （修好 MYSQLD_PARENT_PID 之后这一点才会显现；下面的修复同时处理两者。）
restart.ignored-hint = {place} 看起来是想设置它，但 systemd 忽略了这一行：{reason}。
restart.ignored-commented = 这一行是注释（以 # 或 ; 开头）
restart.ignored-wrong-section = {key}= 应写在 [Service] 中，但这一行位于 [{section}]，systemd 会忽略它
restart.ignored-outside = 这一行出现在任何节标题之前，systemd 会忽略节外的赋值
restart.ignored-misspelt = systemd 不认识键 {key}=（是否想写 {suggestion}=？），只在 journal 里记一条警告就跳过了这一行
restart.ignored-invalid = {value} 不是 {key}= 的合法取值，systemd 忽略这一行并保留之前的值
restart.ignored-duplicate-exec = 在没有先写一行空的 ExecStart= 的情况下出现第二个 ExecStart=，systemd 会拒绝加载该 unit（只有 Type=oneshot 允许多个）

## 父进程
restart.parent-pid1 = systemd（PID 1）
restart.exit16-fragment = 所给的 unit 中没有 ExecStart= 行：如果这只是 unit 的一部分，请粘贴完整内容（`systemctl cat mysqld`）。
restart.chain = mysqld 的启动链：{chain}。
restart.chain-execs = {name}（exec）
restart.parent-user-manager = 用户的 systemd --user 管理器（不是 PID 1）
restart.parent-reparented = PID 1（mysqld 以守护进程方式运行后被重新挂到 PID 1 下）
restart.parent-reparented-user = 用户的 systemd --user 管理器（mysqld 守护进程化后被重新挂到它下面）
restart.parent-wrapper = 包装进程 {name}
restart.parent-mysqld-safe = mysqld_safe
restart.parent-container-pid1 = 容器之外（mysqld 是 PID 1，所以 getppid() 返回 0）
restart.parent-container-init = 容器的 init 进程（tini，PID 1）
restart.parent-script = 脚本 {path} 或 systemd，取决于脚本是否用 exec 启动 mysqld
restart.parent-shell = shell 或 systemd，取决于所用的 shell
restart.parent-unknown = 未知
restart.expected-user-manager = 用户管理器的 PID
restart.expected-wrapper = 包装进程的 PID（每次启动都会变）

## 检查通过或失败的原因
restart.why-check-matches = MYSQLD_PARENT_PID={value}（{at}）等于 mysqld 父进程的 PID：父进程是 {parent}。
restart.why-check-mysqld-safe = mysqld_safe 以 "env MYSQLD_PARENT_PID=$$ mysqld …"（即它自己的 PID）启动 mysqld，并在其以 16 退出时再次启动，与 unit 中的设置无关。
restart.why-check-oracle = Oracle 镜像的 entrypoint 从 /proc/$$/stat 的第 4 个字段设置 MYSQLD_PARENT_PID，然后 exec mysqld，因此 atoi(MYSQLD_PARENT_PID) 等于 getppid()。
restart.why-check-missing = mysqld 的环境中没有 MYSQLD_PARENT_PID（只有 [Service] 中的 Environment=、EnvironmentFile= 或命令行能设置它）。只有当该变量已设置、且其值经 atoi() 后等于 getppid()（这里是 {parent} 的 PID）时，mysqld 才认为自己受管理。
restart.why-check-missing-dockerhub = Docker Hub 官方镜像（mysql）从不设置 MYSQLD_PARENT_PID：其 entrypoint 最后执行 exec "$@"，mysqld 成为 PID 1，getppid() = 0，但没有这个变量，mysqld 就不认为自己受管理。
restart.why-check-unset = UnsetEnvironment= 把 MYSQLD_PARENT_PID 从 mysqld 的环境中删除了（它在 Environment= 和 EnvironmentFile= 之后生效）。
restart.why-check-mismatch = MYSQLD_PARENT_PID={value}（{at}）经 atoi() 得到 {atoi}，但 mysqld 的父进程是 {parent}，应当为 {expected}。
restart.why-check-no-expansion = MYSQLD_PARENT_PID={value}（{at}）：systemd 不会展开 Environment= 中的变量，mysqld 看到的就是这段原文，atoi() 得到 {atoi}；而 mysqld 的父进程是 {parent}。
restart.why-check-own-pid = 包装脚本先 export MYSQLD_PARENT_PID=$$ 再 exec mysqld：exec 之后 $$ 就是 mysqld 自己的 PID，永远不会等于其父进程的 PID。
restart.why-check-user-literal = 这是一个用户级 unit：mysqld 的父进程是 {parent}。MYSQLD_PARENT_PID={value}（{at}）只有在用户管理器的 PID 恰好是这个值时才匹配，而管理器重启（登录会话、重启机器）后 PID 就会变化。
restart.why-check-opaque = MYSQLD_PARENT_PID 在服务启动时才计算出来（{value}），本工具无法求值。
restart.why-check-script-unknown = ExecStart= 运行的是脚本 {path}：如果脚本以 "exec mysqld …" 结尾，mysqld 的父进程是 systemd（PID 1）；如果不带 exec 直接运行 mysqld，父进程就是脚本所在的 shell，MYSQLD_PARENT_PID=1 就不匹配。
restart.why-check-shell = ExecStart= 在 "sh -c" 中不带 exec 地运行 mysqld：bash 可能会用最后一条简单命令替换自身，其他 shell 未经验证，而且重定向或 trap 会阻止这种优化；父进程不能保证是 PID 1。
restart.why-check-image-unknown = 本工具不了解镜像 {image} 的 entrypoint：无法判断它是否设置 MYSQLD_PARENT_PID。
restart.why-check-unknown = 输入中看不出 mysqld 是如何启动的。

## 退出码 16 是否会被重启
restart.why-16-prevented = RestartPreventExitStatus= 中列出了 16：systemd 最先检查它，即使 RestartForceExitStatus= 也列了 16，退出码 16 也永远不会被重启。
restart.why-16-forced = RestartForceExitStatus= 中列出了 16：无论 Restart= 如何设置，systemd 都会在退出码 16 后重启。
restart.why-16-oneshot = Type=oneshot 且 SuccessExitStatus= 中包含 16：oneshot 服务的正常退出永远不会被重启，即使设置了 RestartForceExitStatus=16。
restart.why-16-yes = Restart={restart} 会在 mysqld 以退出码 16（非正常退出码）退出时将其重启。
restart.why-16-clean = SuccessExitStatus= 把 16 视为正常退出，而 Restart={restart} 不会在正常退出后重启。
restart.why-16-no = Restart={restart} 从不因退出码而重启（只针对信号、超时或 watchdog）。
restart.why-16-default = unit 中没有有效的 Restart= 行，因此使用 systemd 的默认值 Restart=no，且 RestartForceExitStatus= 中没有 16。
restart.why-16-mysqld-safe = mysqld 以 16 退出时，mysqld_safe 会再次启动它。
restart.why-16-script-loop = 包装脚本带有循环，会在退出码 16 之后再次启动 mysqld。
restart.why-16-container-yes = 重启策略 {policy} 会在 mysqld 以 16 退出时重新启动容器。
restart.why-16-container-no = 重启策略 {policy} 不会在容器退出后重新启动它。
restart.why-16-unknown = 输入中看不出退出码 16 之后由谁重启 mysqld。

## 结论
restart.verdict-works = 克隆后的自动重启可以成功。{why}
restart.verdict-fails = 克隆后的自动重启会以 ERROR 3707 失败，服务器随后自行关闭（克隆的数据是完整的）。{why}
restart.verdict-stays-down = mysqld 会接受克隆的重启请求，但没有任何进程再把它拉起：克隆后它会保持停止。{why}
restart.verdict-unknown = 仅凭输入无法判断克隆后的自动重启能否成功。
restart.verdict-unknown-no-input = 输入中没有任何内容说明 mysqld 由谁管理。
restart.verdict-fails-observed = 重启失败了：输入中出现了 ERROR 3707 / MY-013462。克隆本身已经完成；启动 mysqld 以完成克隆，然后检查 performance_schema.clone_status。
restart.verdict-mariadb = MariaDB 没有 RESTART 语句，也没有克隆插件：克隆重启的问题不适用。
restart.verdict-no-clone = MySQL {version} 没有克隆插件（8.0.17 起才有）：克隆重启的问题不适用。
restart.verdict-no-restart = MySQL {version} 既没有 RESTART 语句（8.0.4 起才有），也没有克隆插件（8.0.17 起才有）：克隆重启的问题不适用。
restart.na-restart-still = 这个版本已有 RESTART 语句，它要通过同样的 supervisor 检查；仅就 RESTART 而言：
restart.label-flavor = 服务器是 MariaDB
restart.label-version = 服务器版本
restart.caveat-timeout = Type=notify 下启动超时为 {timeout}：克隆后的启动要做恢复，超过这个时间就会被杀掉。
restart.observed-16-down = systemctl show 显示：mysqld 上一次以退出码 16（RESTART 或克隆）退出，当前 unit 状态为 {state}：没有任何机制再启动它。
restart.label-observed-16 = 以 16 退出后保持停止
restart.caveat-notify = Type=notify 且主进程是 {wrapper}，又没有设置 NotifyAccess=all：mysqld 的 READY=1 会被丢弃，因此在 systemd 看来克隆后的那次启动不会完成（见 restart-notify-access）。
restart.caveat-observed = 输入中的 ERROR 3707 / MY-013462 说明之前有一次重启失败；按现在提供的配置，检查可以通过。如果配置是在那次失败之后修改的，请重启一次 mysqld，使其带着新的环境变量运行。
restart.missing-supervisor =
    请粘贴以下命令的输出：
    ```sh
    systemctl cat mysqld
    ```
    （Debian/Ubuntu 上为 `systemctl cat mysql`），或启动 mysqld 的 `docker run` 命令 / compose 服务 / Kubernetes spec。
restart.missing-script =
    请粘贴包装脚本，即以下命令的输出：
    ```sh
    cat {path}
    ```
restart.missing-execstart =
    请粘贴 unit 的 ExecStart= 行，见以下命令的输出：
    ```sh
    systemctl cat mysqld
    ```
restart.missing-entrypoint =
    请粘贴镜像的 entrypoint 脚本：以下命令的输出
    ```sh
    docker inspect -f '{{{{json .Config.Entrypoint}}}}' <image>
    ```
    以及对应的文件。
restart.missing-policy =
    请粘贴 `docker run` 命令或 compose 服务（其中的重启策略），或以下命令的输出：
    ```sh
    docker inspect -f '{{{{.HostConfig.RestartPolicy.Name}}}}' <container>
    ```
restart.missing-env-file =
    请粘贴以下命令的输出，以确认其中是否设置了 MYSQLD_PARENT_PID：
    ```sh
    cat {path}
    ```
restart.assume-env-file = 假定 {path} 没有设置 MYSQLD_PARENT_PID。
restart.assume-system = 假定这是系统级 unit（`systemctl`，而不是 `systemctl --user`）。
restart.assume-unit-name = 输入中没有给出 unit 名称；假定为 {unit}。
restart.assume-dockerhub-env = 假定容器启动时没有加 -e MYSQLD_PARENT_PID（该镜像自身从不设置它）。

## 修复
restart.dropin-howto =
    执行：{edit}
    然后粘贴下面的 [Service] 各行（或把本文件保存到所示路径，再执行：{reload}）。
restart.dropin-restart-note = 环境变量和命令行在 mysqld 启动时读取：下次克隆之前需执行一次 {restart}（请安排停机窗口）。
restart.dropin-unit-assumed = 输入中没有 unit 名称：假定为 {unit}（Debian/Ubuntu 的软件包使用 mysql.service）。
restart.fix-dropin = {unit} 的 drop-in（{path}）
restart.fix-dropin-reason = 在 {unit} 下次启动时生效：克隆前需重启一次该服务。
restart.fix-effective = 应用 drop-in 之后 {unit} 的实际生效配置
restart.fix-effective-reason = 用于核对：daemon-reload 之后，`systemctl show {unit} -p Type,ExecStart,Environment,Restart,RestartForceExitStatus,RestartPreventExitStatus` 应输出这些值。
restart.fix-script = 让 {path} 用 exec 启动 mysqld
restart.fix-script-where = {place}：把启动 mysqld 的那一行替换为
restart.fix-script-generic = 在 {path} 末尾使用 exec，让 mysqld 取代 shell，从而保持 systemd 为其父进程：
restart.fix-script-reason = 不带 exec 时 shell 一直是 mysqld 的父进程；带 exec 时 mysqld 接替 shell 的位置（以及它的父进程）。
restart.fix-container = 容器 {name}：重启策略与 MYSQLD_PARENT_PID
restart.fix-container-reason = 修改环境变量需要重新创建容器；克隆后容器以 16 退出，由重启策略再次启动。
restart.fix-docker-run = 在 docker run 命令中加入（需重新创建容器）：
restart.fix-docker-update = 或者只修改现有容器的重启策略：
restart.fix-entrypoint = 另一种做法：仿照 Oracle 镜像，用 entrypoint 设置 MYSQLD_PARENT_PID
restart.fix-entrypoint-script = parent-pid-entrypoint.sh（需加可执行权限）：/proc/$$/stat 的第 4 个字段就是父进程 PID，而每次 exec 都不改变 PID
restart.fix-entrypoint-run = 然后用它启动镜像；--entrypoint 会清除镜像的 CMD，所以要重新传入 mysqld
restart.fix-entrypoint-run-title = 另一种做法，第 2 步：用这个 entrypoint 重新创建容器
restart.fix-entrypoint-reason = 无论是否使用 --init 都有效（读取的是真实的父进程 PID）；需要重新创建容器。
restart.fix-k8s-env = 在容器 {name} 中加入：

## 证据标签
restart.label-execstart = mysqld 在这里启动
restart.label-execstart-no-var = mysqld 在这里启动，没有设置 MYSQLD_PARENT_PID
restart.label-value = MYSQLD_PARENT_PID 在这里设置
restart.label-parent = 这一行决定了 mysqld 的父进程
restart.label-reparented = mysqld 守护进程化（重新挂到 PID 1 下）
restart.label-script = 包装脚本
restart.label-script-launch = 脚本在这里启动 mysqld
restart.label-unset = 删除了 MYSQLD_PARENT_PID
restart.label-ignored = 被 systemd 忽略：{reason}
restart.label-image = 镜像
restart.label-entrypoint-log = entrypoint 日志行（可据此识别镜像）
restart.label-container = 容器定义
restart.label-prevent = RestartPreventExitStatus= 中包含 16
restart.label-force = RestartForceExitStatus= 中包含 16
restart.label-success = SuccessExitStatus= 中包含 16
restart.label-restart = 重启策略
restart.label-policy = 容器重启策略
restart.label-no-restart = 没有 Restart= 行：默认值为 no
restart.label-no-policy = 没有重启策略：默认值为 no
restart.label-observed = 重启在这里失败
restart.label-env-file = 输入中没有其内容
restart.label-type-notify = Type=notify
restart.label-wrapper = 主进程：{wrapper}
restart.label-set-here = 在这里设置（{place}）
restart.label-start-limit = 启动频率限制
restart.label-start-limit-hit = systemd 在这里拒绝了启动
restart.label-timeout = 启动超时
restart.label-timeout-default = Type=notify 且没有 TimeoutStartSec=（默认 90 秒）

## 参考
restart.ref-restart = MySQL 参考手册：RESTART 语句
restart.ref-clone = MySQL 参考手册：克隆远程数据
restart.ref-systemd-service = systemd.service(5)：Restart=、RestartForceExitStatus=
