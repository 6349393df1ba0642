# clone messages (zh-CN)

# --- shared -------------------------------------------------------------------------------------
clone.ref-remote = MySQL 手册：克隆远程数据（Cloning Remote Data）
clone.ref-restart = MySQL 手册：RESTART 语句
clone.ref-monitoring = MySQL 手册：监控克隆操作
clone.ref-failure = MySQL 手册：远程克隆失败的处理
clone.ref-status-table = MySQL 手册：clone_status 表
clone.ref-errors = MySQL 错误码参考（服务端错误）
clone.ref-install = MySQL 手册：安装克隆插件
clone.ref-variables = MySQL 手册：克隆相关系统变量
clone.ref-limitations = MySQL 手册：克隆插件的限制
clone.ref-clone-plugin = MySQL 手册：克隆插件（Clone Plugin）
clone.ref-mariabackup = MariaDB：mariabackup 概述
clone.ref-mariadb-pr = MariaDB/server PR #4248（MDEV-36733，本地克隆）

clone.fix-start.title = 启动服务器（首次启动会完成克隆）
clone.fix-start.generic =
    # 按平时的方式启动 mysqld，例如：
    sudo systemctl start mysqld      # 或 mysql / mysql@<instance>
    docker start <container>         # 容器
clone.fix-start.generic-reason = 输入中看不出 mysqld 是如何运行的，请选择与你的环境相符的那一行。
clone.fix-check-status.title = 确认克隆已完成
clone.fix-install.title = 立即加载克隆插件（重启后依然有效）
clone.fix-install-donor.title = 在捐赠方（donor）上加载克隆插件
clone.fix-plugin-load.title = 或者在配置文件中让每次启动都加载
clone.fix-plugin-load.reason = 只在服务器启动时读取；INSTALL PLUGIN 已经会永久注册插件，二者选其一即可。
clone.fix-donor-list.title = 在接收方把捐赠方加入 clone_valid_donor_list
clone.fix-donor-list.reason = 会替换整个列表：请保留你还需要的其他捐赠方。对下一次 CLONE 生效，无需重启。
clone.fix-donor-list.reason-placeholder = 请把 donor.example.com:3306 换成捐赠方的主机名和经典协议端口，写法须与 CLONE INSTANCE FROM 中完全一致。
clone.fix-packet.title = 调大 max_allowed_packet（在捐赠方和接收方都执行）
clone.fix-packet.reason = 对新连接生效；两台服务器都要执行，因为捐赠方同样至少需要 2 MiB。
clone.fix-packet-cnf.title = 或者写入配置文件
clone.fix-packet-cnf.reason = 启动时读取；上面的 SET PERSIST 已经能在重启后保留。
clone.fix-grant.title = 给执行 CLONE 的账号授予 {privilege}（接收方）
clone.fix-grant-donor.title = 在捐赠方给克隆用户授予 {privilege}
clone.fix-grant.reason = 'clone_user'@'%' 只是占位符：请换成报错信息或 CLONE INSTANCE FROM 中的账号。
clone.fix-retry.title = 重新执行克隆
clone.fix-retry.reason = 原地克隆会替换本服务器上的全部数据并重启服务器。请填写用户名和密码。

# --- clone-restart-failed -------------------------------------------------------------------------
clone-restart-failed.name = 克隆后的自动重启失败（ERROR 3707）
clone-restart-failed.passed-title = 未见克隆重启失败（ERROR 3707）
clone-restart-failed.title = 克隆本身已成功，但服务器没有重启，而是关闭了
clone-restart-failed.title-restart = RESTART 失败：mysqld 不受守护进程（supervisor）管理
clone-restart-failed.title-unknown = ERROR 3707：服务器无法自行重启
clone-restart-failed.note-none = 输入中没有 ERROR 3707，也没有 MY-013462 日志。
clone-restart-failed.msg-clone =
    克隆本身已经成功：捐赠方的数据已完整复制，失败的只是最后的自动重启。由于重启检查没有通过，服务器自行关闭（错误日志 MY-013462），退出码为 0，属于正常退出，所以 systemd 不会把它拉起来，即使配置了 Restart=on-failure 也不会。在有人手动启动之前，它会一直处于停止状态。
    现在启动它：
    ```sh
    {start}
    ```
clone-restart-failed.msg-clone-container =
    克隆本身已经成功：捐赠方的数据已完整复制，失败的只是最后的自动重启。由于重启检查没有通过，服务器自行关闭（错误日志 MY-013462），退出码为 0，属于正常退出，容器也随之停止。重启策略为 on-failure 或 no 时，容器正常退出后不会被重新拉起（always 和 unless-stopped 会）。如果它还没有重新运行，现在启动它：
    ```sh
    {start}
    ```
clone-restart-failed.msg-clone-short = 克隆本身已成功，但它的自动重启失败了：服务器以退出码 0 自行关闭，并且没有被重新拉起。
clone-restart-failed.msg-started-completed = 其后贴出的 clone_status 显示 Completed：服务器之后已经启动过，克隆已经完成。剩下的是修好守护进程配置，让下一次克隆能自动重启。
clone-restart-failed.msg-started-failed = 其后贴出的 clone_status 显示 Failed：服务器之后已经启动过，但克隆的恢复失败了（见 clone-status-failed）。守护进程配置仍需修复，让下一次克隆能自动重启。
clone-restart-failed.ev-completed = 之后已启动：克隆已完成
clone-restart-failed.ev-failed = 之后已启动：恢复失败
clone-restart-failed.msg-check =
    首次启动会完成克隆（执行恢复）。之后检查：
    ```sql
    SELECT STATE, ERROR_NO FROM performance_schema.clone_status;
    ```
    结果应为 Completed，ERROR_NO 为 0。在首次启动完成恢复之前，它显示 In Progress，这是正常现象，并不是失败。
clone-restart-failed.msg-restart =
    RESTART 语句被拒绝，因为 mysqld 不受守护进程管理（MYSQLD_PARENT_PID 没有设置为 mysqld 父进程的 PID）。什么都没有发生：与克隆不同，RESTART 失败时服务器会继续运行。之后执行 SHOW WARNINGS 还会看到第二条消息 "Restart server failed (Restart server failed)."，说的是同一个失败。
    克隆的自动重启走的是同一个检查：在这台服务器上执行原地 CLONE INSTANCE，数据复制完成后服务器会关闭，并且一直停着。
clone-restart-failed.msg-unknown =
    如果这个错误是原地 CLONE INSTANCE（没有 DATA DIRECTORY）返回的：克隆本身已成功，随后服务器以退出码 0 自行关闭，并一直停止到有人启动它。启动它：
    ```sh
    {start}
    ```
    如果是 RESTART 语句返回的：什么都没有发生，服务器仍在运行。
    错误日志可以区分这两种情况：只有克隆才会写 MY-013462 "Clone shutting down server as RESTART failed"。
clone-restart-failed.msg-internal = 报错原因是 "Internal operation failure"：守护进程检查已经通过，但 mysqld 无法向自己发送重启信号（Windows 上是 SetEvent 失败，见错误日志中的 MY-013181）。这不是守护进程配置的问题，请查看该时间点附近的错误日志。
clone-restart-failed.msg-in-progress = 输入中的 clone_status 仍为 In Progress：克隆的恢复步骤还没有执行，因为克隆之后服务器还没有启动过（或者这段输出是在它停止之前获取的）。
clone-restart-failed.msg-supervisor = 为了下次克隆能自动重启，需要修好守护进程配置，让退出码 16 触发重启：见本报告中的 {rules}。
clone-restart-failed.msg-supervisor-unknown = 为了下次克隆能自动重启，守护进程必须把 MYSQLD_PARENT_PID 设为 mysqld 父进程的 PID，并在退出码为 16 时重启服务。请贴出 unit 文件（`systemctl cat {unit}`）以获得确切的 drop-in：重启相关的检查和关于克隆自动重启的结论会指出需要修改的地方。
clone-restart-failed.msg-verdict = 按照贴出的守护进程配置，下一次原地克隆的自动重启：{verdict}。
clone-restart-failed.ev-error-clone = 克隆返回的错误
clone-restart-failed.ev-error-restart = RESTART 返回的错误
clone-restart-failed.ev-error = 错误
clone-restart-failed.ev-shutdown-log = 服务器在此处自行关闭（MY-013462）
clone-restart-failed.ev-clean-exit = 克隆之后服务器在此处正常退出（退出码 0）
clone-restart-failed.ev-statement = 收到该错误的语句
clone-restart-failed.ev-restart-warning = 第二条警告，只有 RESTART 语句才会产生
clone-restart-failed.ev-in-progress = 仍为 In Progress：恢复尚未执行

# --- clone-status-failed --------------------------------------------------------------------------
clone-status-failed.name = 上一次克隆失败（clone_status）
clone-status-failed.passed-title = 上一次克隆没有失败
clone-status-failed.title = 上一次克隆失败，ERROR {code}
clone-status-failed.title-client = CLONE 失败，ERROR {code}
clone-status-failed.title-pending = 克隆正在等待服务器启动
clone-status-failed.note-state = clone_status 显示 {state}。
clone-status-failed.note-none =
    输入中没有 clone_status。请执行：
    ```sql
    SELECT * FROM performance_schema.clone_status\G
    ```
clone-status-failed.msg-status = performance_schema.clone_status 记录上一次克隆失败，ERROR_NO 为 {code}（{name}）。
clone-status-failed.msg-client = CLONE 语句失败，ERROR {code}（{name}）。
clone-status-failed.msg-stage = 失败发生在 {stage} 阶段（clone_progress）。
clone-status-failed.msg-data-kept = 接收方自己的数据没有被改动（克隆在 DROP DATA 阶段之前就失败了，或者是克隆到单独的目录）。排除原因后重新执行 CLONE。
clone-status-failed.msg-data-dropped = 注意：DROP DATA 阶段已经开始，接收方原有的用户数据和二进制日志已被删除（不会保留），克隆了一部分的数据也已回滚。这台服务器现在可能没有任何用户数据：排除原因后重新克隆，或者从备份恢复。
clone-status-failed.msg-data-unknown = 接收方原有数据是否还在取决于失败的阶段：在 DROP DATA 之前失败则数据不受影响；DROP DATA 一旦开始，数据就会被删除（不会保留），服务器上不再有用户数据。clone_progress 可以看出是哪种情况（SELECT STAGE, STATE FROM performance_schema.clone_progress;）。
clone-status-failed.msg-pending =
    clone_status 显示 In Progress，同时输入中显示克隆后的重启失败了（ERROR 3707 / MY-013462）。这不是失败：克隆到数据目录之后，状态会一直保持 In Progress，直到服务器下一次启动完成恢复。克隆之后服务器还没有启动过（或者这段输出是在它停止之前获取的）。
    启动服务器，然后再次查询 clone_status：应为 Completed，ERROR_NO 为 0。
clone-status-failed.ev-state = clone_status 的 STATE
clone-status-failed.ev-error-no = ERROR_NO
clone-status-failed.ev-error-message = ERROR_MESSAGE
clone-status-failed.ev-client-error = 同一个错误在客户端的显示
clone-status-failed.ev-stage = 失败的阶段
clone-status-failed.ev-pending = In Progress：恢复尚未执行
clone-status-failed.err-3862-connect = 接收方无法连接到捐赠方（{detail}）。请检查 CLONE INSTANCE FROM 中的主机和端口（须是 3306 这样的经典协议端口，不能是 mysqlx_port，也不支持经过 MySQL Router）、两台服务器之间的网络和防火墙，以及捐赠方上克隆用户的用户名和密码。
clone-status-failed.err-3862-plugin = 捐赠方没有加载克隆插件（它返回了 1524 "Plugin 'clone' is not loaded"）。两台服务器都需要这个插件：请在捐赠方安装。
clone-status-failed.err-3862-privilege = 捐赠方拒绝了克隆用户（{detail}）。捐赠方上的克隆用户需要 BACKUP_ADMIN 权限。
clone-status-failed.err-3862-other = 捐赠方报告 ERROR {errno}：{detail}。请在捐赠方排查（它的错误日志中有对应的 MY-013272 记录）。
clone-status-failed.err-3862 = 捐赠方报告了错误：{detail}。详情见捐赠方的错误日志（MY-013272 / MY-013270）。
clone-status-failed.err-3863 = 接收方收到了捐赠方的意外响应（{message}）。通常是双方的克隆协议不一致（版本不匹配）或连接被中断；请检查两边的错误日志（MY-013271）。
clone-status-failed.err-3864 = 捐赠方和接收方的版本不允许克隆。8.0 内两者必须是同一个版本，或者都是 8.0.37 及以上；从 8.1 开始只要 major.minor 系列相同即可；不同系列之间（8.0 ↔ 8.4）一律不行。
clone-status-failed.err-3864-series = 捐赠方 {donor} 和接收方 {recipient} 属于不同的发布系列。克隆只能在同一系列内进行（例如 8.4.0 和 8.4.11）；8.0 与 8.4 之间、8.4 与 9.x 之间都不能克隆。请先把一方升级到另一方的系列。
clone-status-failed.err-3864-patch = 捐赠方 {donor} 和接收方 {recipient} 是不同的 8.0 版本。8.0 内克隆要求版本完全相同，除非两者都是 8.0.37 及以上。请把两边升级到同一版本，或都升级到 8.0.37 及以上。
clone-status-failed.err-3864-versions = 捐赠方 {donor}，接收方 {recipient}：克隆的版本检查不接受这一组合。8.0 内两者必须版本相同或都是 8.0.37 及以上；从 8.1 开始 major.minor 相同即可。
clone-status-failed.err-3865 = 捐赠方和接收方运行在不同的操作系统上（version_compile_os）：{message}。克隆要求两边操作系统相同。
clone-status-failed.err-3866 = 捐赠方和接收方的构建平台不同（version_compile_machine）：{message}。克隆要求两边硬件平台相同。
clone-status-failed.err-3867 = 捐赠方使用的某个排序规则（collation）在接收方不可用：{message}。
clone-status-failed.err-3868 = 某个必须一致的参数在捐赠方和接收方不同：{message}。请在接收方把它设为捐赠方的值（innodb_page_size 只能在初始化数据目录时指定）。
clone-status-failed.err-3869 = 克隆系统配置问题：{message}。
clone-status-failed.err-3869-not-found = 捐赠方 {donor} 不在接收方的 clone_valid_donor_list 中（列表："{list}"）。这项检查在建立任何连接之前进行：接收方只会从列表中的捐赠方克隆，写法必须是 host:port。
clone-status-failed.err-3869-format = clone_valid_donor_list 的取值格式不对。它必须是逗号分隔的 host:port 条目，任何位置都不能有空格，每个条目都要有十进制端口，例如 'db1.example.com:3306,10.0.0.7:3306'。
clone-status-failed.err-3870 = 捐赠方上启用的某个插件在接收方没有启用：{message}。请先在接收方安装同样的插件。
clone-status-failed.err-3871 = CLONE INSTANCE 指向的是本服务器自己。不能通过回环连接克隆到当前数据目录；本地复制请用 CLONE LOCAL DATA DIRECTORY，或者从另一台服务器克隆。
clone-status-failed.err-3872 = 捐赠方有加密表，克隆只能通过 SSL 连接传输它们。请为克隆连接配置 SSL，不要使用 REQUIRE NO SSL。
clone-status-failed.err-3873 = 接收方磁盘空间不足：{message}。请释放空间，或用 DATA DIRECTORY 克隆到另一个文件系统。
clone-status-failed.err-3874 = 已经有另一个克隆在运行。等它结束（clone_status 显示 Completed 或 Failed）后再试。
clone-status-failed.err-3875 = 由于接收方正在运行组复制（Group Replication），克隆被拒绝（{message}）。组复制在分布式恢复中会自己调用克隆；如果要手动克隆，请先停止组复制（STOP GROUP_REPLICATION）。
clone-status-failed.err-3633 = 克隆期间捐赠方或接收方执行了 DDL（{message}）。请在业务较空闲、没有 DDL 的时候重新克隆。
clone-status-failed.err-3634 = 同时进行的克隆操作过多（{message}）。请等其他克隆结束。
clone-status-failed.err-3957 = max_allowed_packet 对克隆来说太小：至少需要 {need} 字节（2 MiB），当前值为 {current}。这个下限对捐赠方和接收方都适用。
clone-status-failed.err-1524 = 接收方没有加载克隆插件。请安装（捐赠方也需要）。
clone-status-failed.err-1227 = 账号缺少克隆所需的权限（{message}）。克隆到数据目录需要接收方账号有 CLONE_ADMIN；捐赠方上的克隆用户需要 BACKUP_ADMIN（本地执行 CLONE … DATA DIRECTORY 也需要）。
clone-status-failed.err-1317 = 克隆被中断：语句被 kill，或者克隆过程中服务器停止或崩溃（崩溃会以这种方式记录）。请重新执行克隆。
clone-status-failed.err-recovery = 数据已经传输完成，但克隆后首次启动时的恢复失败了（"Recovery failed. Please Retry Clone"）。服务器已回到原来的数据。请查看那次启动的错误日志找出原因，然后重新克隆。
clone-status-failed.err-other = ERROR {code}：{message}。请在 MySQL 错误码参考中查询该错误号。

# --- clone-unsupported ----------------------------------------------------------------------------
clone-unsupported.name = 该服务器不支持克隆
clone-unsupported.passed-title = 这台服务器可以克隆
clone-unsupported.note-ok = MySQL {version} 自带克隆插件。
clone-unsupported.note-unknown =
    输入中没有服务器版本。请执行：
    ```sql
    SELECT VERSION();
    ```
    或在服务器主机上执行：
    ```sh
    mysqld --version
    ```
clone-unsupported.note-mariadb-unused = MariaDB 没有克隆插件，但输入中没有用到克隆。
clone-unsupported.note-old-unused = 这个版本没有克隆插件，但输入中没有用到克隆。
clone-unsupported.title-mariadb = MariaDB 没有 CLONE：请使用 mariabackup
clone-unsupported.msg-mariadb =
    这台服务器是 MariaDB，而 MariaDB 没有正式发布的克隆插件：CLONE INSTANCE、克隆插件（mysql_clone.so）、clone_valid_donor_list 和 performance_schema.clone_status 在 MariaDB 上都不存在，RESTART 语句也没有。在本工具所依据的资料收集时，MariaDB 的克隆功能（MDEV-36733，PR MariaDB/server#4248）仍是一个未合并的 PR，而且只支持本地克隆；请自行确认它的最新状态。
    复制一台 MariaDB 服务器请使用 mariabackup（备份、prepare、copy-back），然后从它记录的位点搭建复制。
clone-unsupported.fix-mariabackup.title = 用 mariabackup 复制服务器
clone-unsupported.fix-mariabackup.reason = 这只是一个大纲：路径、认证方式（配置文件或 --user）以及在主机之间拷贝备份的方式取决于你的环境。
clone-unsupported.title-old = MySQL {version} 没有克隆插件
clone-unsupported.msg-old = 克隆插件从 MySQL {first} 开始提供；这台服务器是 {version}。请先升级（如果捐赠方和接收方可能处于不同的 8.0 版本，请升级到 8.0.37 及以上），或者用其他方式复制数据（物理备份或逻辑导出）。
clone-unsupported.ev-server = 服务器版本
clone-unsupported.ev-intent = 此处用到了克隆

# --- clone-prerequisites --------------------------------------------------------------------------
clone-prerequisites.name = 克隆前提条件（插件、捐赠方列表、包大小、版本）
clone-prerequisites.passed-title = 满足克隆的前提条件
clone-prerequisites.missing-plugin = 克隆插件是否已加载
clone-prerequisites.missing-donor-list = clone_valid_donor_list
clone-prerequisites.note-ok = 输入中能看到的前提条件都已满足。
clone-prerequisites.note-unknown =
    无法检查：{missing}。请执行：
    ```sql
    {query}
    ```
clone-prerequisites.title-plugin = 克隆插件未加载
clone-prerequisites.msg-plugin = 没有克隆插件时，CLONE 会报 ERROR 1524 "Plugin 'clone' is not loaded"，performance_schema.clone_status 和 clone_* 变量也都不存在。
clone-prerequisites.msg-plugin-off = 选项 clone=OFF（或 skip-clone）会阻止插件在启动时激活：请删除它。
clone-prerequisites.msg-plugin-load = 配置文件中也没有加载它（plugin-load-add / plugin-load 中没有 mysql_clone.so）。
clone-prerequisites.msg-plugin-donor = 捐赠方同样需要这个插件；否则克隆会报 ERROR 3862 "… 1524 : Plugin 'clone' is not loaded"。
clone-prerequisites.ev-1524 = ERROR 1524：插件未加载
clone-prerequisites.ev-plugin-log = 插件加载失败（MY-011034）
clone-prerequisites.ev-plugin-absent = 插件列表中没有克隆插件（clone）
clone-prerequisites.ev-plugin-inactive = 克隆插件已安装，但状态为 {status}
clone-prerequisites.ev-plugin-off = clone=OFF 禁用了插件
clone-prerequisites.ev-plugin-load = 没有加载 mysql_clone.so
clone-prerequisites.title-list-empty = clone_valid_donor_list 为空：不允许任何捐赠方
clone-prerequisites.title-list-format = clone_valid_donor_list 格式错误
clone-prerequisites.title-list = clone_valid_donor_list 不允许该捐赠方
clone-prerequisites.msg-list-empty = clone_valid_donor_list 为空，这台服务器无法从任何捐赠方克隆：每次 CLONE INSTANCE 都会在建立连接之前报 ERROR 3869。这个列表只在接收方需要；如果这台服务器只做捐赠方，可以忽略。
clone-prerequisites.msg-list-space = clone_valid_donor_list = '{value}' 中含有空白字符，服务器会拒绝（ERROR 3869 "Invalid Format"）。
clone-prerequisites.msg-list-port = clone_valid_donor_list = '{value}'：条目 '{entry}' 没有 :port。每个条目都必须带端口，否则永远匹配不上。
clone-prerequisites.msg-list-bad-port = clone_valid_donor_list = '{value}'：'{entry}' 中的端口不是十进制数字。
clone-prerequisites.msg-list-host = clone_valid_donor_list = '{value}'：条目 '{entry}' 没有主机名。
clone-prerequisites.msg-list-donor = clone_valid_donor_list = '{value}' 中没有 {donor}，也就是 CLONE INSTANCE FROM 中的捐赠方：克隆会在建立连接之前报 ERROR 3869。
clone-prerequisites.msg-list-format = 格式：逗号分隔的 host:port 条目，不能有空格，端口为十进制，主机名写法与 CLONE INSTANCE FROM 中一致，例如 'db1.example.com:3306,10.0.0.7:3306'。
clone-prerequisites.ev-list = clone_valid_donor_list 在此设置
clone-prerequisites.ev-statement = CLONE 语句及其捐赠方
clone-prerequisites.ev-error = 错误
clone-prerequisites.title-packet = max_allowed_packet 低于克隆所需的 2 MiB
clone-prerequisites.msg-packet = max_allowed_packet 为 {value}；克隆要求接收方和捐赠方都至少为 {min} 字节（2 MiB），否则会报 ERROR 3957。
clone-prerequisites.ev-packet = max_allowed_packet 在此设置
clone-prerequisites.title-x-port = 捐赠方端口看起来是 X Protocol 端口
clone-prerequisites.msg-x-port = CLONE INSTANCE FROM 中写的是 {host}:33060，这是 mysqlx_port 的默认值。克隆使用经典 MySQL 协议连接，不支持 X Protocol 端口（也不支持 MySQL Router）：语句和 clone_valid_donor_list 中都请使用捐赠方的经典端口，通常是 3306。
clone-prerequisites.title-versions = 捐赠方与接收方的版本无法克隆
clone-prerequisites.msg-versions-rule = 规则：major.minor 系列必须相同；在 8.0 内还必须是同一个版本，除非两者都是 8.0.37 及以上。请升级到满足规则的组合后再克隆。
