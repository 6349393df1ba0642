# replica messages (zh-CN)

## Scope and shared words
replica.na-not-replica = 输入中看不出这是一台从库：没有 SHOW REPLICA STATUS 结果、没有通道配置、没有 CHANGE REPLICATION SOURCE 语句，也没有只有从库才会设置的参数。
replica.mariadb-ref-change-master = MariaDB：CHANGE MASTER TO
replica.mariadb-ref-gtid = MariaDB：全局事务 ID（GTID）
replica.mariadb-ref-show-slave-status = MariaDB：SHOW REPLICA STATUS
replica.ev-table-engine = {table} 使用 {engine}
replica.ev-using-gtid = {channel} 保存位置的方式（Using_Gtid）
replica.assumed-gtid-pos-innodb = 按 MariaDB 安装包创建时的情况，假定 mysql.gtid_slave_pos 使用 InnoDB。可用以下语句确认：{query}
replica.missing-gtid-pos-engine = MariaDB 的 GTID 位置表所用的存储引擎。请运行：{query}
replica.verdict-yes-mariadb = 在 MariaDB {version} 上是崩溃安全的：每个复制连接都以 GTID 形式把位置保存在事务型表中，持久性参数也都满足。
replica.verdict-yes-but-mariadb-one = 在 MariaDB {version} 上是崩溃安全的，但有 1 项未满足：它是警告，不是错误（见附加条件）。
replica.verdict-yes-but-mariadb-other = 在 MariaDB {version} 上是崩溃安全的，但有 {count} 项未满足：它们是警告，不是错误（见附加条件）。
replica.verdict-no-mariadb-other = 不是崩溃安全的：MariaDB 崩溃安全方案中有 {count} 项未满足。
replica.verdict-no-mariadb-one = 不是崩溃安全的：MariaDB 崩溃安全方案中有 1 项未满足。
replica.na-not-mariadb = 这是针对 MariaDB 的检查；这台服务器是 MySQL（或 Percona Server），检查的是 MySQL 的方案。
replica.na-mariadb = 这是 MariaDB，没有这个参数：适用的是它自己的方案（每个复制连接以 GTID 形式把位置保存在 mysql.gtid_slave_pos 中，见 Using_Gtid），由 MariaDB 的检查负责。
replica.na-group-replication = 输入中只有组复制（Group Replication）通道；它们的恢复由组负责，不适用这套配置方案。
replica.channel-default = 默认通道
replica.channel-named = 通道 '{name}'
# MariaDB 对复制通道的叫法（多源复制：connection_name、default_master_connection）。
replica.connection-default = 默认复制连接
replica.connection-named = 复制连接 '{name}'
replica.channel-unknown = 错误日志中提到的通道
replica.version-assumed = {version}（假定）
replica.how-set = 设置为 {value}（来自{origin}）
replica.how-default = 未设置，按 {version} 的默认值：{value}
replica.how-unknown = 输入中未显示
replica.origin-default = 编译默认值
replica.origin-option-file = 配置文件
replica.origin-command-line = mysqld 命令行
replica.origin-persisted = mysqld-auto.cnf
replica.origin-runtime = 运行中的实例
replica.ev-set-here = 此处设置 {name} = {value}
replica.ev-overridden = 此处设置 {name} = {value}，已被覆盖
replica.ev-auto-position = {channel} 的自动定位
replica.ev-gtid-only = {channel} 的 GTID_ONLY
replica.ev-require-row-format = {channel} 的 REQUIRE_ROW_FORMAT
replica.ev-runtime = 运行中的实例仍是 {value}
replica.ev-next-start = {name} = {value}：下次启动时使用的值
replica.ev-running = 线程状态：{value}
replica.ev-errno = 错误 {code}
replica.ev-error-text = 错误信息
replica.ref-halt = MySQL 手册：Handling an Unexpected Halt of a Replica（从库意外停止的处理）
replica.ref-change-source = MySQL 手册：CHANGE REPLICATION SOURCE TO
replica.missing-settings =
    实例参数。请执行：
    ```sql
    {query}
    ```
replica.missing-status =
    每个通道的状态。请执行：
    ```sql
    {query}
    ```
replica.missing-channel-config =
    每个通道的 AUTO_POSITION、GTID_ONLY 和 REQUIRE_ROW_FORMAT。请执行：
    ```sql
    {query}
    ```
replica.passed-setting = {name}：{how}。
replica.fix-set-persist = 立即设置 {name} = {value}，并在重启后保留
replica.fix-cnf-57 = 重启后保留该值（写入配置文件）
replica.fix-reason-cnf-57 = 与上面的 SET GLOBAL 一起使用：写入配置文件的 [mysqld] 组，否则下次重启后该值就会丢失：这台服务器自身无法持久保存 SET GLOBAL 的值。
replica.message-reverts = 运行中的实例 {name} = {now}，但启动配置设置为 {value}（来自{origin}）：下次重启后（包括崩溃后的重启）又会变回 {value}。SET PERSIST 会把 {good} 写入 mysqld-auto.cnf，其优先级高于配置文件；也可以直接修改配置文件。

## Verdict
replica.verdict-not-replica = 无法判断：输入中看不出是从库。请粘贴从库上以下命令的输出。
replica.verdict-group-replication = 无法判断：只有组复制通道，异步从库的崩溃安全方案不适用。
replica.verdict-no-one = 不是崩溃安全的：手册的崩溃安全配置方案中有 1 项未满足。
replica.verdict-no-other = 不是崩溃安全的：手册的崩溃安全配置方案中有 {count} 项未满足。
replica.verdict-conditional-one = 无法判断：输入中有这台服务器的参数，但看不出它是否在复制。如果它是从库，则不是崩溃安全的：有 1 项未满足（见发现的问题）。
replica.verdict-conditional-other = 无法判断：输入中有这台服务器的参数，但看不出它是否在复制。如果它是从库，则不是崩溃安全的：有 {count} 项未满足（见发现的问题）。
replica.conditional = 如果这台服务器是从库（或克隆后成为从库）：{message}
replica.verdict-unknown = 无法判断：已显示的部分没有问题，但崩溃安全方案中有些项目输入中没有（见“缺少的信息”）。
replica.verdict-unknown-qualified-one = 无法判断：崩溃安全方案中有 1 项未满足（警告，见附加条件），另有一些项目输入中没有（见“缺少的信息”）。
replica.verdict-unknown-qualified-other = 无法判断：崩溃安全方案中有 {count} 项未满足（警告，见附加条件），另有一些项目输入中没有（见“缺少的信息”）。
replica.verdict-yes = 在 {version} 上是崩溃安全的：手册配置方案的每一项都已满足。
replica.verdict-yes-but-one = 在 {version} 上是崩溃安全的，但手册配置方案中有 1 项未满足：它是警告，不是错误（见附加条件）。
replica.verdict-yes-but-other = 在 {version} 上是崩溃安全的，但手册配置方案中有 {count} 项未满足：它们是警告，不是错误（见附加条件）。
replica.reason-channel = {rule}（{channel}）
replica.reason-stopped = {channel} 的复制没有在运行（{threads} 线程）；这不是配置问题，但从库当前没有在复制。
replica.assumed = 输入中没有版本信息：假定为 {version}。其他版本的差异：8.0.27 之前 replica_parallel_workers 默认为 0（单线程回放）、replica_preserve_commit_order 默认为 OFF，且没有 GTID_ONLY；8.0.23 之前语句写作 CHANGE MASTER TO … MASTER_*，8.0.22 之前写作 START/STOP SLAVE；从 8.3 起 relay_log_info_repository 和 master_info_repository 已不存在。粘贴 SELECT VERSION(); 的结果即可确定。
replica.assumed-mariadb = 输入中没有版本号，只有 MariaDB 的状态列：假定为 MariaDB {version}。建议的语句从 10.0 起可用；gtid_pos_auto_engines 从 10.3.1 起才有；从 10.10 起新建的复制连接默认以 GTID 形式保存位置。粘贴 SELECT VERSION(); 的结果可得到确切判断。
replica.assumed-replica-names = 状态输出使用 SHOW REPLICA STATUS 的列名，说明实例为 8.0.22 或更高版本。

## Error numbers (Last_IO_Errno / Last_SQL_Errno)
replica.errno-unknown = 不在本工具的错误表中；请查看 Last_IO_Error / Last_SQL_Error，以及 *_Error_Timestamp 列所示时间前后的错误日志。
replica.errno-1007 = 回放线程要创建的库在从库上已存在：从库数据已不一致（有人直接写了从库，或事务被重复执行）。
replica.errno-1008 = 回放线程要删除的库在从库上不存在：从库数据已不一致。
replica.errno-1032 = 主库更新或删除的行在从库上找不到：数据已不一致（崩溃后丢了事务，或有人写了从库）。不要盲目跳过：先校验数据（pt-table-checksum）或重建从库。
replica.errno-1045 = 主库拒绝了复制账号的用户名或密码：检查 SOURCE_USER / SOURCE_PASSWORD 以及主库上的账号。
replica.errno-1050 = 回放线程要创建的表在从库上已存在：从库数据已不一致。
replica.errno-1062 = 回放线程要插入的行在从库上已存在：某个事务被执行了两次（非崩溃安全的从库崩溃后很典型），或有人写了从库。不要盲目跳过。
replica.errno-1130 = 主库不允许从库所在主机连接：复制账号的主机部分不匹配。
replica.errno-1146 = 主库修改的表在从库上不存在：从库数据已不一致，或过滤规则不同。
replica.errno-1205 = 回放时锁等待超时；回放线程会重试 replica_transaction_retries 次后停止。检查从库上的长事务。
replica.errno-1213 = 回放时发生死锁；会重试 replica_transaction_retries 次后停止。
replica.errno-1236 = 主库无法发送从库请求的 binlog：最常见的是主库已清除了从库仍需要的 binlog（见 replica-source-purged）；也可能是文件缺失、事件损坏或 max_allowed_packet 太小。
replica.errno-1593 = 从库致命错误，常见原因是主从的 server_id 或 server_uuid 相同（例如拷贝数据目录时带上了同一个 auto.cnf）。
replica.errno-1594 = 回放线程读取 relay log 失败：relay log 已损坏或被截断，常见于未设置 sync_relay_log = 1 时发生崩溃。relay_log_recovery = ON 会在下次启动时丢弃 relay log 并重新拉取。
replica.errno-1595 = IO 线程写 relay log 失败（磁盘满、权限问题）。
replica.errno-1871 = 启动时无法读取连接元数据仓库（崩溃后常见，尤其是 master_info_repository = FILE 时）。
replica.errno-1872 = 启动时无法读取回放元数据仓库（崩溃后常见，尤其是 relay_log_info_repository = FILE 或 relay log 损坏时）。relay_log_recovery = ON 可以避免大部分此类问题。
replica.errno-2003 = 从库连不上主库的主机和端口（主库宕机、主机或端口写错、防火墙）。IO 线程会每隔 SOURCE_CONNECT_RETRY 秒重试。
replica.errno-2005 = 主库主机名无法解析（DNS）。
replica.errno-2013 = 读取过程中与主库的连接断开（网络、主库重启或网络超时参数）。
replica.errno-2026 = 与主库建立 TLS 连接失败（证书、TLS 版本、加密套件）。
replica.errno-2061 = 主库账号使用 caching_sha2_password，而连接既没有用 TLS 也不允许获取 RSA 公钥：设置 SOURCE_SSL = 1 或 GET_SOURCE_PUBLIC_KEY = 1（8.0.23 之前为 GET_MASTER_PUBLIC_KEY）。
replica.errno-13114 = 8.0 中读取主库 binlog 发生致命错误时的错误号；错误信息里带着主库的错误（通常是 1236）。如果提示主库已清除所需的 binlog，见 replica-source-purged。

## replica-gtid-off
replica-gtid-off.name = 未开启 GTID
replica-gtid-off.passed-title = GTID 已开启
replica-gtid-off.title = gtid_mode 为 {value}，不是 ON
replica-gtid-off.message = gtid_mode {how}。没有 GTID 时，从库意外停止后重启只能依靠保存的文件位点找回复制位置，而崩溃可能让位点落后或超前于实际数据；开启 GTID 并使用自动定位后，从库会向主库精确请求自己还没有执行的事务。手册的崩溃安全方案第一项就是 gtid_mode = ON。先设置 enforce_gtid_consistency = ON，再在拓扑中的每台实例上逐步切换（OFF → OFF_PERMISSIVE → ON_PERMISSIVE → ON）。
replica-gtid-off.message-restart = gtid_mode {how}。没有 GTID 时，意外停止后重启的从库只能依靠保存的文件位点找到继续的位置，而崩溃可能让位点落后或超前于数据；有了 GTID 和自动定位，它会向主库准确请求自己还没有执行的事务。手册的崩溃安全方案第一项就是 gtid_mode = ON。在 {version} 上 gtid_mode 不能在运行时修改（5.7.6 起才可以）：需要停止写入，并以 gtid_mode = ON、enforce_gtid_consistency = ON、开启 binlog 和 log_slave_updates 的配置同时重启拓扑中的所有实例。
replica-gtid-off.step-every-server = 在拓扑中的每台实例上执行，每一步在所有实例上完成后再进行下一步。
replica-gtid-off.step-warn = 让业务运行一段时间，检查错误日志中是否有违反 GTID 一致性的语句；改掉之后再设为 ON。
replica-gtid-off.step-all-servers = 上一步在所有实例上完成之后：
replica-gtid-off.step-wait = 等待下面的值在每台实例上都变为 0：
replica-gtid-off.fix-online = 在线开启 GTID，然后让每个通道使用自动定位
replica-gtid-off.fix-online-reason = 会改变所有实例的复制方式：每一步都要在所有实例上完成后再做下一步；从库使用自动定位之前，主库必须已是 gtid_mode = ON。
replica-gtid-off.fix-cnf = 在配置文件中保持 GTID 开启
replica-gtid-off.fix-cnf-reason = 启动时读取，需要重启。通过重启切换意味着停止写入并同时重启拓扑中的所有实例；否则请使用在线步骤。之后再把每个通道切换为自动定位（replica-auto-position）。
replica-gtid-off.ref = MySQL 手册：Enabling GTID Transactions Online（在线开启 GTID）
replica-gtid-off.message-reverts = 运行中的实例 gtid_mode = ON，但启动配置设置为 {value}（来自{origin}）：下次重启后（包括崩溃后的重启）GTID 又会关闭，使用自动定位的通道将无法启动（MY-010530）。
replica-gtid-off.fix-keep = 让 gtid_mode = ON 在重启后保持
replica-gtid-off.fix-keep-reason = 确认配置文件中不再设置其他值，或者 mysqld-auto.cnf（SET PERSIST）会覆盖它。

## replica-auto-position
replica-auto-position.name = 通道未使用自动定位
replica-auto-position.passed-title = 通道使用自动定位
replica-auto-position.title = 按文件位点复制（Auto_Position = 0）
replica-auto-position.message = GTID 已开启，但{channel} 的 Auto_Position = 0：意外停止后，它会从保存的主库 binlog 文件和位点继续，而不是向主库请求自己缺少的事务。自动定位是崩溃安全方案中 GTID 一项在每个通道上的要求。
replica-auto-position.na-gtid-off = gtid_mode 不是 ON，见 replica-gtid-off（其修复步骤已包含自动定位）。
replica-auto-position.fix = 将{channel}切换为自动定位
replica-auto-position.fix-reason = 会短暂停止该通道。主库必须是 gtid_mode = ON，且从库的 gtid_executed 必须已包含它执行过的全部事务。
replica-auto-position.fix-reason-gtid-only = 会短暂停止该通道。主库必须是 gtid_mode = ON，且从库的 gtid_executed 必须已包含它执行过的全部事务。同时会设置 GTID_ONLY = 1（8.0.27 起方案对每个通道的要求）和 REQUIRE_ROW_FORMAT = 1，后者会拒绝基于语句的事件：主库必须使用 ROW 格式。
replica-auto-position.passed = 输入中的每个通道都使用自动定位。

## replica-gtid-only
replica-gtid-only.name = 通道未启用 GTID_ONLY
replica-gtid-only.passed-title = 通道为 GTID_ONLY
replica-gtid-only.title = 未启用 GTID_ONLY
replica-gtid-only.message = {channel} 已使用 GTID 和自动定位，但 GTID_ONLY = 0，每个事务仍会持久化文件位点。设置 GTID_ONLY = 1（8.0.27 及以上）后从库只依赖 GTID，这是手册中最稳健方案的一部分。
replica-gtid-only.message-rrf = {channel} 已使用 GTID 和自动定位，但 GTID_ONLY = 0，每个事务仍会持久化文件位点。GTID_ONLY = 1（8.0.27 及以上，手册最稳健方案的一部分）还要求该通道 REQUIRE_ROW_FORMAT = 1，而输入中看不到已设置。
replica-gtid-only.fix = 为{channel}启用 GTID_ONLY
replica-gtid-only.fix-reason = 会短暂停止该通道。此后 SHOW REPLICA STATUS 中该通道的文件位点不再实时更新。
replica-gtid-only.fix-reason-rrf = 会短暂停止该通道。REQUIRE_ROW_FORMAT = 1 会让通道拒绝基于语句的事件：主库必须使用 ROW 格式记录 binlog。此后文件位点不再实时更新。
replica-gtid-only.na = GTID_ONLY 不适用：需要 8.0.27 及以上版本、GTID 和自动定位。
replica-gtid-only.passed = 输入中的每个通道都已启用 GTID_ONLY。

## replica-sync-relay-log
replica-sync-relay-log.name = relay log 未同步落盘
replica-sync-relay-log.passed-title = 中继日志已同步
replica-sync-relay-log.title = sync_relay_log 为 {value}，不是 1
replica-sync-relay-log.message = sync_relay_log {how}。IO 线程已写入 relay log 的事件在意外停止时可能丢失，重启后 relay log 与保存的位点对不上。手册的方案要求 sync_relay_log = 1。
replica-sync-relay-log.message-mta = sync_relay_log {how}。IO 线程已写入 relay log 的事件在意外停止时可能丢失，重启后 relay log 与保存的位点对不上。该从库使用 {workers} 个并行回放线程：在这种情况下，如果 relay log 中无法补齐事务序列的空洞，恢复就会失败。手册的方案要求 sync_relay_log = 1。
replica-sync-relay-log.fix-reason = 每次写 relay log 都要同步一次：从库磁盘 I/O 会增加。
replica-sync-relay-log.ref = MySQL 手册：sync_relay_log

## replica-innodb-flush
replica-innodb-flush.name = 提交时未刷 InnoDB 日志
replica-innodb-flush.passed-title = InnoDB 日志在提交时刷盘
replica-innodb-flush.title = innodb_flush_log_at_trx_commit 为 {value}，不是 1
replica-innodb-flush.message = innodb_flush_log_at_trx_commit {how}。从库已提交的事务（以及与之一起保存的回放位点）在崩溃时可能丢失（设为 0 时 mysqld 崩溃就会丢，设为 2 时操作系统崩溃或断电会丢）。手册的方案保持默认值 1。
replica-innodb-flush.message-server = innodb_flush_log_at_trx_commit 为 {how}。这台服务器已提交的事务可能在崩溃时丢失（为 0 时 mysqld 崩溃即可能丢失；为 2 时操作系统崩溃或断电时丢失）——任何服务器都是如此；在从库上，随之保存的已应用位置也会丢失。默认值 1 在每次提交时刷新 InnoDB 日志。
replica-innodb-flush.fix-reason = 每次提交刷一次日志：从库磁盘 I/O 会增加。
replica-innodb-flush.ref = MySQL 手册：innodb_flush_log_at_trx_commit

## replica-info-repository
replica-info-repository.name = 复制元数据仓库
replica-info-repository.passed-title = 元数据存储是崩溃安全的
replica-info-repository.title = {name}：非崩溃安全、已弃用或已移除
replica-info-repository.message-file = {name} {how}。使用 FILE 时，从库的位点与事务分开写入文件，崩溃后可能与数据不一致，导致事务被跳过或重复执行。TABLE（8.0.2 起的默认值）把位点与事务一起存入 InnoDB。
replica-info-repository.message-deprecated = 配置中设置了 {name}，但该变量从 8.0.23 起已弃用（本实例：{version}），TABLE 既是唯一合理的值也是默认值。请删除这一行：后续版本中该变量已被移除，残留的配置行会导致实例无法启动。
replica-info-repository.message-removed = 配置中设置了 {name}，但 {version} 已没有这个变量（据发布说明在 8.3 移除）。遇到未知选项时，除非写成 loose- 前缀，mysqld 会拒绝启动：下一次重启（崩溃后重启，或克隆结束后的自动重启）将会失败。
replica-info-repository.fix-table = 设置 {name} = TABLE
replica-info-repository.fix-table-reason = 启动时读取：需要重启 mysqld。从库启动时会把现有的 FILE 仓库转换过去。
replica-info-repository.fix-remove = 从配置文件中删除 {name}
replica-info-repository.fix-remove-header = 在配置文件中删除以下行（TABLE 是默认值）：
replica-info-repository.fix-remove-reason = 修改配置文件，并在方便时重启 mysqld。
replica-info-repository.fix-find = 找到设置 {name} 的地方（配置文件、mysqld-auto.cnf、命令行）并删除。
replica-info-repository.ref = MySQL 手册：Relay Log and Replication Metadata Repositories
replica-info-repository.passed = 元数据仓库为 TABLE。
replica-info-repository.passed-removed = 该版本已没有仓库相关变量，且配置中没有设置。

## replica-relay-log-recovery
replica-relay-log-recovery.name = 未开启 relay log 恢复
replica-relay-log-recovery.passed-title = 中继日志恢复已开启
replica-relay-log-recovery.title = relay_log_recovery 为 OFF
replica-relay-log-recovery.message = relay_log_recovery {how}。这样从库意外停止后，会继续使用可能不完整或已损坏的 relay log。设为 ON 时，启动时会丢弃这些 relay log，从最后执行的位置重新向主库拉取；对多线程回放的从库，还会先补齐空洞。该变量运行时只读：需写入配置文件并重启。
replica-relay-log-recovery.message-pending = 下次启动时 relay_log_recovery {how}，虽然运行中的实例显示为 ON：下次重启（包括崩溃后的重启）时它会是 OFF。该变量运行时只读：请在配置文件中设置。
replica-relay-log-recovery.passed-pending = 启动配置中 relay_log_recovery 为 ON（运行中的实例仍显示 {value}，下次重启后生效）。
replica-relay-log-recovery.fix = 在配置文件中开启 relay_log_recovery
replica-relay-log-recovery.fix-persist-only = 或者持久化到下次启动
replica-relay-log-recovery.fix-reason = 运行时只读：mysqld 下次重启后生效。
replica-relay-log-recovery.ref = MySQL 手册：relay_log_recovery

## replica-mts-gaps
replica-mts-gaps.name = 意外停止后的空洞（多线程回放）
replica-mts-gaps.passed-title = 停机后没有空洞
replica-mts-gaps.title = {workers} 个并行回放线程、按文件位点复制、未保持提交顺序：意外停止后会有空洞
replica-mts-gaps.message = {channel} 使用 {workers} 个并行回放线程、按文件位点复制且不保持提交顺序，意外停止后可能出现后面的事务已执行、前面的事务却未执行的情况（空洞）。relay_log_recovery 为 OFF，重启时没有机制补齐：需要先手工执行 {until} 再继续复制。请开启提交顺序保持，更好的做法是使用 GTID 自动定位。
replica-mts-gaps.message-recovery-on = {channel} 使用 {workers} 个并行回放线程、按文件位点复制且不保持提交顺序，意外停止可能留下空洞。relay_log_recovery = ON 会在下次启动时补齐空洞（效果同 {until}），前提是 relay log 在意外停止中完好保留（sync_relay_log = 1）。保持提交顺序则可以从根本上避免空洞。
replica-mts-gaps.fix-order = 多线程回放时保持提交顺序
replica-mts-gaps.fix-order-reason = 会短暂停止所有回放线程；worker 需等待前面的事务先提交，可能降低吞吐。
replica-mts-gaps.fix-order-reason-old = 会短暂停止所有回放线程。8.0.19 之前还要求开启 log_bin 和 log_slave_updates。
replica-mts-gaps.fix-until = relay_log_recovery 为 OFF 时意外停止后：先补齐空洞，再继续复制
replica-mts-gaps.fix-until-reason = 仅在意外停止后、做任何其他操作之前执行：它会执行缺失的事务直到不再有空洞，然后停止。
replica-mts-gaps.ref = MySQL 手册：Replication and Transaction Inconsistencies
replica-mts-gaps.passed = 不会出现空洞：单线程回放、已保持提交顺序，或使用 GTID 自动定位。

## replica-sync-binlog
replica-sync-binlog.name = 从库 binlog 未同步落盘
replica-sync-binlog.passed-title = 从库的二进制日志已同步
replica-sync-binlog.title = 记录所执行事务的从库上 sync_binlog 为 {value}，不是 1
replica-sync-binlog.message = 该从库会把执行的事务写入自己的 binlog（log_bin 与 {updates}），但 sync_binlog {how}。崩溃时 binlog 可能丢失 InnoDB 已保留的事务，导致从库的 binlog（它的下级从库和故障切换都要读取）缺少这些事务。
replica-sync-binlog.title-server = 二进制日志已开启，但 sync_binlog 为 {value}，不是 1
replica-sync-binlog.message-server = 二进制日志已开启（log_bin），但 sync_binlog 为 {how}。崩溃时二进制日志可能丢失 InnoDB 已保留的事务：这台服务器的从库和基于时间点的恢复都会缺少这些事务，从库可能与之不一致。任何写二进制日志的服务器都是如此。
replica-sync-binlog.na-no-binlog = 该从库不把执行的事务写入 binlog。
replica-sync-binlog.na-no-binlog-server = 二进制日志未开启（log_bin）：这台服务器没有需要同步的二进制日志。
replica-sync-binlog.fix-reason = 每个提交组同步一次 binlog：从库磁盘 I/O 会增加。
replica-sync-binlog.name-server = 二进制日志未同步落盘
replica-sync-binlog.fix-reason-server = 每个提交组同步一次二进制日志：这台服务器的磁盘 I/O 会增加。
replica-sync-binlog.ref = MySQL 手册：sync_binlog

## replica-threads-stopped
replica-threads-stopped.name = 复制线程未运行
replica-threads-stopped.passed-title = 复制线程正在运行
replica-threads-stopped.title = 复制{threads}未运行
replica-threads-stopped.message =
    {channel} 上，{threads}未运行。
    {details}
replica-threads-stopped.both = IO 线程和 SQL（回放）线程都
replica-threads-stopped.io = IO（接收）线程
replica-threads-stopped.sql = SQL（回放）线程
replica-threads-stopped.errno = {field} {code}（{symbol}）：{explanation}
replica-threads-stopped.no-error = 没有记录错误：线程是被停止的（STOP REPLICA、skip_replica_start），或从未启动。
replica-threads-stopped.fix = 查看错误并处理原因，然后启动该通道
replica-threads-stopped.fix-comment = 处理完上面显示的错误原因之后：
replica-threads-stopped.fix-reason = 不处理原因就启动，会以同样的错误再次停止；跳过事务会掩盖数据不一致。
replica-threads-stopped.ref = MySQL 手册：SHOW REPLICA STATUS
replica-threads-stopped.passed = 输入中的每个通道两个线程都在运行。
replica-threads-stopped.passed-connections = 输入中的每个复制连接两个线程都在运行。

## replica-source-purged
replica-source-purged.name = 主库已清除所需的 binlog
replica-source-purged.passed-title = 主库仍保留从库需要的二进制日志
replica-source-purged.title = 主库已清除该从库需要的 binlog
replica-source-purged.message = 主库上已经没有包含 {channel} 尚未接收事务的 binlog，从库无法通过复制追上：需要从主库或其他从库重建它。常用的方法是克隆（CLONE INSTANCE）；克隆最后会重启 mysqld，只有 mysqld 由守护进程管理时才能成功，否则会报 ERROR 3707，实例停机。请先确认这台实例在克隆之后能够自动重启：粘贴这里启动 mysqld 的方式（例如 `systemctl cat mysqld`），“克隆之后的自动重启能成功吗？”的结论会给出答案。可考虑在主库上调大 binlog_expire_logs_seconds。
replica-source-purged.step-plugin = 在从库（接收方）上执行；捐赠方也需要克隆插件以及具有 BACKUP_ADMIN 权限的用户。
replica-source-purged.step-clone = 会替换本实例的全部数据，然后重启 mysqld（没有守护进程时报 ERROR 3707）：
replica-source-purged.step-after = 重启后，使用自动定位：
replica-source-purged.fix-clone = 用克隆重建从库
replica-source-purged.fix-clone-reason = 会替换本实例上的所有表。请先确认克隆之后的自动重启能够成功（restart-unsupervised、clone-restart-failed）。
replica-source-purged.fix-backup = 用备份重建从库
replica-source-purged.fix-backup-text = 克隆插件需要 8.0.17 或更高版本：恢复一份主库的新备份（mysqldump --source-data / --master-data，或物理备份），并把从库指向对应的位置。
replica-source-purged.ref = MySQL 手册：Cloning for Replication
replica-source-purged.passed = 没有通道显示主库已清除其所需的 binlog。
replica-source-purged.passed-connections = 没有复制连接显示主库已清除其所需的 binlog。

## replica-mariadb-position-file
replica-mariadb-position-file.name = 复制连接把位置保存在文件中
replica-mariadb-position-file.passed-title = 复制连接以 GTID 形式保存位置
replica-mariadb-position-file.title = 按文件位点复制（Using_Gtid: No）
replica-mariadb-position-file.message = {channel} 的 Using_Gtid 为 No，它的位置是主库 binlog 的文件名和偏移量，保存在 relay-log.info 中，而该文件与所执行的事务分开写入：崩溃后从库可能把某个事务再执行一次，或者跳过一个事务。使用 MASTER_USE_GTID = slave_pos 时，位置是 GTID，与事务一起写入 mysql.gtid_slave_pos；重启时从库会丢弃中继日志，从该 GTID 重新拉取。
replica-mariadb-position-file.fix = 将{channel}切换为 GTID 位置
replica-mariadb-position-file.fix-reason = 会短暂停止该复制连接；主库必须是 MariaDB 10.0 或更高版本。从 MariaDB 主库复制时，即使按文件位点复制，从库也会记录 gtid_slave_pos：STOP SLAVE 之后先确认 SELECT @@gtid_slave_pos 不为空，否则先用主库上的 BINLOG_GTID_POS() 设置它。
replica-mariadb-position-file.passed = 输入中的每个复制连接都以 GTID 形式保存位置（Using_Gtid 为 Slave_Pos 或 Current_Pos）。

## replica-mariadb-gtid-pos-engine
replica-mariadb-gtid-pos-engine.name = GTID 位置表不是事务型的
replica-mariadb-gtid-pos-engine.passed-title = GTID 位置表是事务型的
replica-mariadb-gtid-pos-engine.title = GTID 位置保存在非事务型表中
replica-mariadb-gtid-pos-engine.message = 从库的 GTID 位置保存在 {tables} 中。该引擎不会把位置与它所记录的 InnoDB 事务一起提交，崩溃后位置可能落后或超前于数据，从库会把某个事务再执行一次或者跳过一个事务。
replica-mariadb-gtid-pos-engine.fix = 把 GTID 位置表改为 InnoDB
replica-mariadb-gtid-pos-engine.fix-reason = 会短暂停止复制。sql_log_bin = 0 使这次修改不写入这台服务器的二进制日志（它的下级从库有自己的表）。若数据分布在多个引擎中，也可以用 gtid_pos_auto_engines 为每个引擎各建一张表。
replica-mariadb-gtid-pos-engine.passed = 输入中的每张 GTID 位置表都使用事务型引擎。
replica-mariadb-gtid-pos-engine.passed-assumed = 输入中看不到 mysql.gtid_slave_pos 的引擎；安装包创建的是 InnoDB 表。可用以下语句确认：{query}
replica-mariadb-gtid-pos-engine.na = 没有复制连接以 GTID 形式保存位置；见 replica-mariadb-position-file。
replica-mariadb-gtid-pos-engine.ref = MariaDB：mysql.gtid_slave_pos 表
