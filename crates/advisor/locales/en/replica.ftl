# replica messages (en)

## Scope and shared words
replica.na-not-replica = The input shows no replica: no SHOW REPLICA STATUS row, no channel configuration, no CHANGE REPLICATION SOURCE statement and no replica-only setting.
replica.mariadb-ref-change-master = MariaDB: CHANGE MASTER TO
replica.mariadb-ref-gtid = MariaDB: Global Transaction ID
replica.mariadb-ref-show-slave-status = MariaDB: SHOW REPLICA STATUS
replica.ev-table-engine = {table} uses {engine}
replica.ev-using-gtid = where {channel} keeps its position (Using_Gtid)
replica.assumed-gtid-pos-innodb = mysql.gtid_slave_pos is taken to be InnoDB, as a packaged MariaDB install creates it. Check with: {query}
replica.missing-gtid-pos-engine = The storage engine of MariaDB's GTID position tables. Run: {query}
replica.verdict-yes-mariadb = Crash-safe on MariaDB {version}: every connection keeps its position as a GTID in a transactional table, and the durability settings are met.
replica.verdict-yes-but-mariadb-one = Crash-safe on MariaDB {version}, but 1 item is not met: a warning, not an error (see the caveat).
replica.verdict-yes-but-mariadb-other = Crash-safe on MariaDB {version}, but {count} items are not met: warnings, not errors (see the caveats).
replica.verdict-no-mariadb-other = Not crash-safe: {count} items of MariaDB's crash-safe recipe are not met.
replica.verdict-no-mariadb-one = Not crash-safe: 1 item of MariaDB's crash-safe recipe is not met.
replica.na-not-mariadb = A MariaDB check; this server is MySQL (or Percona Server), whose recipe is checked instead.
replica.na-mariadb = This is MariaDB, which has no such setting: its own recipe applies (each connection's position as a GTID in mysql.gtid_slave_pos, Using_Gtid), checked by the MariaDB checks.
replica.na-group-replication = Only Group Replication channels are shown; their recovery is handled by the group, not by this recipe.
replica.channel-default = the default channel
replica.channel-named = channel '{name}'
# MariaDB's own word for a replication channel (multi-source replication: `connection_name`,
# `default_master_connection`).
replica.connection-default = the default connection
replica.connection-named = connection '{name}'
replica.channel-unknown = a channel named in the error log
replica.version-assumed = {version} (assumed)
replica.how-set = set to {value} ({origin})
replica.how-default = not set, so the default of {version} applies: {value}
replica.how-unknown = not shown in the input
replica.origin-default = compiled-in default
replica.origin-option-file = option file
replica.origin-command-line = mysqld command line
replica.origin-persisted = mysqld-auto.cnf
replica.origin-runtime = running server
replica.ev-set-here = {name} = {value} set here
replica.ev-overridden = {name} = {value} set here, overridden
replica.ev-auto-position = auto-positioning of {channel}
replica.ev-gtid-only = GTID_ONLY of {channel}
replica.ev-require-row-format = REQUIRE_ROW_FORMAT of {channel}
replica.ev-runtime = the running server still has {value}
replica.ev-next-start = {name} = {value}: what the next start uses
replica.ev-running = thread state: {value}
replica.ev-errno = error {code}
replica.ev-error-text = the error text
replica.ref-halt = MySQL manual: Handling an Unexpected Halt of a Replica
replica.ref-change-source = MySQL manual: CHANGE REPLICATION SOURCE TO
replica.missing-settings =
    The server's settings. Run:
    ```sql
    {query}
    ```
replica.missing-status =
    Each channel's status. Run:
    ```sql
    {query}
    ```
replica.missing-channel-config =
    Each channel's AUTO_POSITION, GTID_ONLY and REQUIRE_ROW_FORMAT. Run:
    ```sql
    {query}
    ```
replica.passed-setting = {name} is {how}.
replica.fix-set-persist = Set {name} = {value} now and for later restarts
replica.fix-cnf-57 = Keep the value across restarts (in the option file)
replica.fix-reason-cnf-57 = Apply it together with the SET GLOBAL above: add it to the [mysqld] group of the option file, or the value is lost at the next restart: this server cannot persist a SET GLOBAL itself.
replica.message-reverts = The running server has {name} = {now}, but the startup configuration sets {value} ({origin}): after the next restart — a crash included — it is {value} again. SET PERSIST writes {good} to mysqld-auto.cnf, which overrides option files; or correct the option file.

## Verdict
replica.verdict-not-replica = Unknown: the input does not show a replica. Paste what the replica's terminal shows (below).
replica.verdict-group-replication = Unknown: only Group Replication channels are shown; the asynchronous replica recipe does not apply to them.
replica.verdict-no-one = Not crash-safe: 1 item of the manual's crash-safe recipe is not met.
replica.verdict-no-other = Not crash-safe: {count} items of the manual's crash-safe recipe are not met.
replica.verdict-conditional-one = Unknown: the input shows this server's settings but not whether it replicates. Not crash-safe if it replicates: 1 item (see the findings).
replica.verdict-conditional-other = Unknown: the input shows this server's settings but not whether it replicates. Not crash-safe if it replicates: {count} items (see the findings).
replica.conditional = If this server is a replica — or becomes one after a clone: {message}
replica.verdict-unknown = Unknown: nothing shown is wrong, but some items of the crash-safe recipe are not shown (see what is missing).
replica.verdict-unknown-qualified-one = Unknown: 1 item of the crash-safe recipe is not met (a warning, see the caveat), and others are not shown (see what is missing).
replica.verdict-unknown-qualified-other = Unknown: {count} items of the crash-safe recipe are not met (warnings, see the caveats), and others are not shown (see what is missing).
replica.verdict-yes = Crash-safe on {version}: every item of the manual's recipe is met.
replica.verdict-yes-but-one = Crash-safe on {version}, but 1 item of the manual's recipe is not met: a warning, not an error (see the caveat).
replica.verdict-yes-but-other = Crash-safe on {version}, but {count} items of the manual's recipe are not met: warnings, not errors (see the caveats).
replica.reason-channel = {rule} ({channel})
replica.reason-stopped = Replication is not running on {channel} ({threads} thread); this is not a configuration problem but the replica is not replicating now.
replica.assumed = No version in the input: assumed {version}. What changes on other releases: before 8.0.27 replica_parallel_workers defaults to 0 (single-threaded), replica_preserve_commit_order to OFF and GTID_ONLY does not exist; before 8.0.23 the statements are CHANGE MASTER TO … MASTER_*, before 8.0.22 START/STOP SLAVE; from 8.3 relay_log_info_repository and master_info_repository no longer exist. Paste SELECT VERSION(); to be exact.
replica.assumed-mariadb = No version in the input, only MariaDB's status columns: MariaDB {version} assumed. The statements suggested work from 10.0; gtid_pos_auto_engines exists from 10.3.1; a new connection keeps its position as a GTID by default from 10.10. Paste SELECT VERSION(); to be exact.
replica.assumed-replica-names = The status uses SHOW REPLICA STATUS column names, so the server is 8.0.22 or later.

## Error numbers (Last_IO_Errno / Last_SQL_Errno)
replica.errno-unknown = not in this tool's table; read Last_IO_Error / Last_SQL_Error and the error log around the time shown in the *_Error_Timestamp column.
replica.errno-1007 = the applier tried to create a database that already exists on the replica: the replica has diverged (written to directly, or a transaction applied twice).
replica.errno-1008 = the applier tried to drop a database that does not exist on the replica: the replica has diverged.
replica.errno-1032 = a row the source updated or deleted does not exist on the replica: the data has diverged (a lost transaction after a crash, or writes on the replica). Do not skip it blindly: compare the data (pt-table-checksum) or re-provision.
replica.errno-1045 = the source refused the replication user's name or password: check SOURCE_USER / SOURCE_PASSWORD and the account on the source.
replica.errno-1050 = the applier tried to create a table that already exists on the replica: the replica has diverged.
replica.errno-1062 = the applier tried to insert a row that already exists on the replica: a transaction was applied twice (typical after a crash of a replica that is not crash-safe) or someone wrote on the replica. Do not skip it blindly.
replica.errno-1130 = the source does not let the replica's host connect: the replication account's host part does not match.
replica.errno-1146 = a table the source changed does not exist on the replica: the replica has diverged or filters differ.
replica.errno-1205 = a lock wait timed out while applying; the applier retries up to replica_transaction_retries times before it stops. Look for long transactions on the replica.
replica.errno-1213 = a deadlock while applying; it is retried up to replica_transaction_retries times before the applier stops.
replica.errno-1236 = the source cannot send the binary log the replica asks for: most often it purged logs the replica still needs (see replica-source-purged); also a missing file, a corrupt event or a too-small max_allowed_packet.
replica.errno-1593 = a fatal replica error, often equal server_id or server_uuid on source and replica (for example a copied data directory with the same auto.cnf).
replica.errno-1594 = the applier could not read the relay log: it is corrupt or truncated, typical after a crash without sync_relay_log = 1. relay_log_recovery = ON discards the relay logs and fetches them again at the next start.
replica.errno-1595 = the receiver could not write the relay log (disk full, permissions).
replica.errno-1871 = the connection metadata repository could not be read at startup (after a crash, often with master_info_repository = FILE).
replica.errno-1872 = the applier metadata repository could not be read at startup (after a crash, often with relay_log_info_repository = FILE or damaged relay logs). relay_log_recovery = ON avoids most of these.
replica.errno-2003 = the replica cannot reach the source's host and port (source down, wrong host or port, firewall). The receiver keeps retrying every SOURCE_CONNECT_RETRY seconds.
replica.errno-2005 = the source's host name does not resolve (DNS).
replica.errno-2013 = the connection to the source was lost while reading (network, source restart, or net timeouts).
replica.errno-2026 = the TLS connection to the source failed (certificates, TLS versions, ciphers).
replica.errno-2061 = the source's account uses caching_sha2_password and the connection is neither TLS nor allowed to fetch the RSA key: set SOURCE_SSL = 1 or GET_SOURCE_PUBLIC_KEY = 1 (GET_MASTER_PUBLIC_KEY before 8.0.23).
replica.errno-13114 = 8.0's number for a fatal error while reading the source's binary log; the text carries the source's error (often 1236). If it says the source purged required binary logs, see replica-source-purged.

## replica-gtid-off
replica-gtid-off.name = GTIDs are off
replica-gtid-off.passed-title = GTIDs are on
replica-gtid-off.title = gtid_mode is {value}, not ON
replica-gtid-off.message = gtid_mode is {how}. Without GTIDs a replica restarted after a halt must find its place from stored file positions, which a crash can leave behind or ahead of the data; with GTIDs and auto-positioning it asks the source for exactly the transactions it has not applied. The manual's crash-safe recipe starts with gtid_mode = ON. Move step by step (OFF → OFF_PERMISSIVE → ON_PERMISSIVE → ON), on every server of the topology, after enforce_gtid_consistency = ON.
replica-gtid-off.message-restart = gtid_mode is {how}. Without GTIDs a replica restarted after a halt must find its place from stored file positions, which a crash can leave behind or ahead of the data; with GTIDs and auto-positioning it asks the source for exactly the transactions it has not applied. The manual's crash-safe recipe starts with gtid_mode = ON. On {version} gtid_mode cannot change at runtime (that came in 5.7.6): stop writes and restart every server of the topology together with gtid_mode = ON and enforce_gtid_consistency = ON, the binary log and log_slave_updates on.
replica-gtid-off.step-every-server = Run on every server of the topology, one step at a time on all servers before the next.
replica-gtid-off.step-warn = Run the workload for a while and check the error log for GTID-unsafe statements; fix them before ON.
replica-gtid-off.step-all-servers = Only when the previous step is done on all servers:
replica-gtid-off.step-wait = Wait until this shows 0 on every server:
replica-gtid-off.fix-online = Turn GTIDs on online, then auto-position each channel
replica-gtid-off.fix-online-reason = Changes replication on every server: every step must be done on all servers before the next, and the source needs gtid_mode = ON before any replica uses auto-positioning.
replica-gtid-off.fix-cnf = Keep GTIDs on in the option file
replica-gtid-off.fix-cnf-reason = Read at startup: a restart is needed. Switching by restart means stopping writes and restarting every server of the topology together; otherwise use the online steps. Then switch each channel to auto-positioning (replica-auto-position).
replica-gtid-off.ref = MySQL manual: Enabling GTID Transactions Online
replica-gtid-off.message-reverts = The running server has gtid_mode = ON, but the startup configuration sets {value} ({origin}): after the next restart — a crash included — GTIDs are off again, and channels with auto-positioning refuse to start (MY-010530).
replica-gtid-off.fix-keep = Keep gtid_mode = ON across restarts
replica-gtid-off.fix-keep-reason = Check that the option file no longer sets another value, or that mysqld-auto.cnf (SET PERSIST) overrides it.

## replica-auto-position
replica-auto-position.name = Channel does not auto-position
replica-auto-position.passed-title = Channels auto-position
replica-auto-position.title = Replicates by file position (Auto_Position = 0)
replica-auto-position.message = GTIDs are on, but {channel} has Auto_Position = 0: after a halt it resumes from the stored source log file and position instead of asking the source for the transactions it lacks. Auto-positioning is the per-channel half of the GTID item of the crash-safe recipe.
replica-auto-position.na-gtid-off = gtid_mode is not ON; see replica-gtid-off (its fix includes auto-positioning).
replica-auto-position.fix = Switch {channel} to auto-positioning
replica-auto-position.fix-reason = Stops the channel briefly. The source must have gtid_mode = ON, and the replica's gtid_executed must already contain everything it applied.
replica-auto-position.fix-reason-gtid-only = Stops the channel briefly. The source must have gtid_mode = ON and the replica's gtid_executed must contain everything it applied. It also sets GTID_ONLY = 1 (the recipe's per-channel item from 8.0.27) with REQUIRE_ROW_FORMAT = 1, which refuses statement-based events: the source must log in ROW format.
replica-auto-position.passed = Every channel shown uses auto-positioning.

## replica-gtid-only
replica-gtid-only.name = Channel is not GTID_ONLY
replica-gtid-only.passed-title = Channels are GTID_ONLY
replica-gtid-only.title = GTID_ONLY is off
replica-gtid-only.message = {channel} uses GTIDs and auto-positioning but GTID_ONLY = 0, so it still persists file positions for every transaction. With GTID_ONLY = 1 (8.0.27 and later) the replica relies on GTIDs alone, which the manual lists in its most resilient recipe.
replica-gtid-only.message-rrf = {channel} uses GTIDs and auto-positioning but GTID_ONLY = 0, so it still persists file positions for every transaction. GTID_ONLY = 1 (8.0.27 and later, in the manual's most resilient recipe) also needs REQUIRE_ROW_FORMAT = 1 on the channel, which is not shown as set.
replica-gtid-only.fix = Make {channel} GTID_ONLY
replica-gtid-only.fix-reason = Stops the channel briefly. File positions in SHOW REPLICA STATUS are no longer kept up to date for this channel.
replica-gtid-only.fix-reason-rrf = Stops the channel briefly. REQUIRE_ROW_FORMAT = 1 makes the channel refuse statement-based events: the source must log in ROW format. File positions are no longer kept up to date.
replica-gtid-only.na = GTID_ONLY does not apply: it needs 8.0.27 or later, GTIDs and auto-positioning.
replica-gtid-only.passed = Every channel shown uses GTID_ONLY.

## replica-sync-relay-log
replica-sync-relay-log.name = Relay log not synced
replica-sync-relay-log.passed-title = The relay log is synced
replica-sync-relay-log.title = sync_relay_log is {value}, not 1
replica-sync-relay-log.message = sync_relay_log is {how}. Events the receiver wrote to the relay log can be lost in a halt, so after a restart the relay log and the stored positions disagree. The manual's recipe sets sync_relay_log = 1.
replica-sync-relay-log.message-mta = sync_relay_log is {how}. Events the receiver wrote to the relay log can be lost in a halt, so after a restart the relay log and the stored positions disagree. This replica applies with {workers} parallel workers: there, recovery fails when gaps in the sequence of transactions cannot be filled from the relay log. The manual's recipe sets sync_relay_log = 1.
replica-sync-relay-log.fix-reason = One sync per relay-log write: more disk I/O on the replica.
replica-sync-relay-log.ref = MySQL manual: sync_relay_log

## replica-innodb-flush
replica-innodb-flush.name = InnoDB log not flushed at commit
replica-innodb-flush.passed-title = The InnoDB log is flushed at commit
replica-innodb-flush.title = innodb_flush_log_at_trx_commit is {value}, not 1
replica-innodb-flush.message = innodb_flush_log_at_trx_commit is {how}. Transactions the replica committed (and its applied position stored with them) can be lost in a crash (with 0, even in a mysqld crash; with 2, in an OS crash or power loss). The manual's recipe keeps the default, 1.
replica-innodb-flush.message-server = innodb_flush_log_at_trx_commit is {how}. Transactions this server committed can be lost in a crash (with 0, even in a mysqld crash; with 2, in an OS crash or power loss) — on any server; on a replica, its applied position is lost with them. The default, 1, flushes the InnoDB log at each commit.
replica-innodb-flush.fix-reason = One log flush per commit: more disk I/O on the replica.
replica-innodb-flush.ref = MySQL manual: innodb_flush_log_at_trx_commit

## replica-info-repository
replica-info-repository.name = Metadata repositories
replica-info-repository.passed-title = Metadata repositories are crash-safe
replica-info-repository.title = {name}: not crash-safe, deprecated or removed
replica-info-repository.message-file = {name} is {how}. With FILE, the replica's positions are written to a file separately from the transactions, so after a crash they may not match the data and transactions can be skipped or applied twice. TABLE (the default from 8.0.2) stores them in InnoDB with the transaction.
replica-info-repository.message-deprecated = {name} is set in the configuration, but it is deprecated from 8.0.23 (this server: {version}) and TABLE is the only sensible value and the default. Remove the line: the variable is gone in later releases, where a leftover line stops the server from starting.
replica-info-repository.message-removed = {name} is set in the configuration, but it no longer exists on {version} (removed in 8.3, per the release notes). mysqld refuses to start on an unknown option unless it is written with the loose- prefix: the next restart — after a crash, or the automatic restart of a clone — fails.
replica-info-repository.fix-table = Set {name} = TABLE
replica-info-repository.fix-table-reason = Read at startup: restart mysqld. The replica converts the existing FILE repository when it starts.
replica-info-repository.fix-remove = Remove {name} from the option file
replica-info-repository.fix-remove-header = In the option file, delete these lines (TABLE is the default):
replica-info-repository.fix-remove-reason = Edit the option file and restart mysqld when convenient.
replica-info-repository.fix-find = Find where {name} is set (option files, mysqld-auto.cnf, the command line) and remove it.
replica-info-repository.ref = MySQL manual: Relay Log and Replication Metadata Repositories
replica-info-repository.passed = The metadata repositories are TABLE.
replica-info-repository.passed-removed = The repository variables no longer exist on this release and are not set.

## replica-relay-log-recovery
replica-relay-log-recovery.name = Relay log recovery off
replica-relay-log-recovery.passed-title = Relay log recovery is on
replica-relay-log-recovery.title = relay_log_recovery is OFF
replica-relay-log-recovery.message = relay_log_recovery is {how}. After a halt the replica then trusts relay logs that may be incomplete or corrupt. With ON, at startup it discards them and fetches again from the source from the last applied position — and, for a multi-threaded replica, fills gaps first. The variable is read-only at runtime: set it in the option file and restart.
replica-relay-log-recovery.message-pending = relay_log_recovery is {how} for the next start, although the running server shows ON: at the next restart (after a crash, too) it will be OFF. The variable is read-only at runtime: set it in the option file.
replica-relay-log-recovery.passed-pending = relay_log_recovery is ON in the startup configuration (the running server still shows {value}; it takes effect at the next restart).
replica-relay-log-recovery.fix = Turn relay_log_recovery on in the option file
replica-relay-log-recovery.fix-persist-only = Or persist it for the next start
replica-relay-log-recovery.fix-reason = Read-only at runtime: takes effect at the next restart of mysqld.
replica-relay-log-recovery.ref = MySQL manual: relay_log_recovery

## replica-mts-gaps
replica-mts-gaps.name = Gaps after a halt (multi-threaded applier)
replica-mts-gaps.passed-title = No gaps after a halt
replica-mts-gaps.title = {workers} parallel workers, file positions, commit order not preserved: gaps after a halt
replica-mts-gaps.message = {channel} applies with {workers} parallel workers, replicates by file position and does not preserve commit order, so after a halt some later transactions may be applied while earlier ones are not (gaps). relay_log_recovery is OFF, so nothing fills them at restart: you would have to run {until} by hand before replicating on. Preserve commit order, or better, use GTID auto-positioning.
replica-mts-gaps.message-recovery-on = {channel} applies with {workers} parallel workers, replicates by file position and does not preserve commit order, so a halt can leave gaps. relay_log_recovery = ON fills them at the next start (as {until} would), provided the relay log survived the halt (sync_relay_log = 1). Preserving commit order avoids the gaps altogether.
replica-mts-gaps.fix-order = Preserve commit order on the multi-threaded applier
replica-mts-gaps.fix-order-reason = Stops every applier thread briefly; workers wait for earlier transactions to commit first, which can lower throughput.
replica-mts-gaps.fix-order-reason-old = Stops every applier thread briefly. Before 8.0.19 it also needs log_bin and log_slave_updates on.
replica-mts-gaps.fix-until = After a halt with relay_log_recovery OFF: fill the gaps, then replicate on
replica-mts-gaps.fix-until-reason = Only after a halt, before anything else: it applies the missing transactions up to the point where no gaps remain, then stops.
replica-mts-gaps.ref = MySQL manual: Replication and Transaction Inconsistencies
replica-mts-gaps.passed = No gaps expected: single-threaded applier, commit order preserved, or GTID auto-positioning.

## replica-sync-binlog
replica-sync-binlog.name = Replica's binary log not synced
replica-sync-binlog.passed-title = The replica's binary log is synced
replica-sync-binlog.title = sync_binlog is {value}, not 1, on a replica that logs what it applies
replica-sync-binlog.message = This replica writes what it applies to its own binary log (log_bin and {updates}), but sync_binlog is {how}. A crash can then lose transactions from the binary log that InnoDB kept, so the replica's binary log — what its own replicas and a failover read — misses them.
replica-sync-binlog.title-server = sync_binlog is {value}, not 1, with the binary log on
replica-sync-binlog.message-server = The binary log is on (log_bin), but sync_binlog is {how}. A crash can then lose transactions from the binary log that InnoDB kept: this server's replicas and a point-in-time recovery miss them, and a replica of it may diverge. That holds on any server that writes a binary log.
replica-sync-binlog.na-no-binlog = The replica writes no binary log of what it applies.
replica-sync-binlog.na-no-binlog-server = The binary log is off (log_bin): this server writes none to sync.
replica-sync-binlog.fix-reason = One binary-log sync per commit group: more disk I/O on the replica.
replica-sync-binlog.name-server = Binary log not synced
replica-sync-binlog.fix-reason-server = One binary-log sync per commit group: more disk I/O on this server.
replica-sync-binlog.ref = MySQL manual: sync_binlog

## replica-threads-stopped
replica-threads-stopped.name = Replication thread not running
replica-threads-stopped.passed-title = Replication threads are running
replica-threads-stopped.title = Replication {threads} not running
replica-threads-stopped.message =
    On {channel}, the {threads} not running.
    {details}
replica-threads-stopped.both = receiver (IO) and applier (SQL) threads are
replica-threads-stopped.io = receiver (IO) thread is
replica-threads-stopped.sql = applier (SQL) thread is
replica-threads-stopped.errno = {field} {code} ({symbol}): {explanation}
replica-threads-stopped.no-error = No error is recorded: the thread was stopped (STOP REPLICA, skip_replica_start) or never started.
replica-threads-stopped.fix = Look at the error, fix its cause, then start the channel
replica-threads-stopped.fix-comment = after fixing the cause of the error shown above:
replica-threads-stopped.fix-reason = Starting without fixing the cause stops again with the same error; skipping transactions hides divergence.
replica-threads-stopped.ref = MySQL manual: SHOW REPLICA STATUS
replica-threads-stopped.passed = Every channel shown has both threads running.
replica-threads-stopped.passed-connections = Every connection shown has both threads running.

## replica-source-purged
replica-source-purged.name = Source purged needed binary logs
replica-source-purged.passed-title = The source still has the binary logs the replica needs
replica-source-purged.title = The source purged binary logs this replica needs
replica-source-purged.message = The source no longer has the binary logs with transactions {channel} has not received. The replica cannot catch up by replicating: re-provision it from the source or another replica. A clone (CLONE INSTANCE) is the usual way; it ends by restarting mysqld, which works only when a supervisor manages mysqld — otherwise it fails with ERROR 3707 and the server stays down. First check that a clone's automatic restart works on this server: paste how mysqld is started here (for example `systemctl cat mysqld`), and the verdict "Will a clone's automatic restart work?" answers it. Consider a longer binlog_expire_logs_seconds on the source.
replica-source-purged.step-plugin = On the replica (recipient); the donor needs the clone plugin and a user with BACKUP_ADMIN.
replica-source-purged.step-clone = Replaces all data on this server, then restarts mysqld (ERROR 3707 without a supervisor):
replica-source-purged.step-after = After the restart, with auto-positioning:
replica-source-purged.fix-clone = Re-provision the replica with a clone
replica-source-purged.fix-clone-reason = Replaces every table on this server. Check first that the automatic restart after a clone will work (restart-unsupervised, clone-restart-failed).
replica-source-purged.fix-backup = Re-provision the replica from a backup
replica-source-purged.fix-backup-text = The clone plugin needs 8.0.17 or later: restore a fresh backup of the source (mysqldump --source-data / --master-data, or a physical backup) and point the replica at its position.
replica-source-purged.ref = MySQL manual: Cloning for Replication
replica-source-purged.passed = No channel shows that the source purged logs it needs.
replica-source-purged.passed-connections = No connection shows that the source purged logs it needs.

## replica-mariadb-position-file
replica-mariadb-position-file.name = Connection keeps its position in a file
replica-mariadb-position-file.passed-title = Connections keep their position as a GTID
replica-mariadb-position-file.title = Replicates by file position (Using_Gtid: No)
replica-mariadb-position-file.message = {channel} has Using_Gtid: No, so its position is the source's binary log file and offset, kept in relay-log.info, which is written apart from the transactions it applies: after a crash the replica can apply a transaction again or skip one. With MASTER_USE_GTID = slave_pos the position is a GTID stored in mysql.gtid_slave_pos in the same transaction, and at restart the replica drops its relay logs and fetches again from that GTID.
replica-mariadb-position-file.fix = Switch {channel} to GTID positions
replica-mariadb-position-file.fix-reason = Stops the connection briefly; the source must be MariaDB 10.0 or later. A replica of a MariaDB source records gtid_slave_pos even while it replicates by file position: check after STOP SLAVE that SELECT @@gtid_slave_pos is not empty, else set it from BINLOG_GTID_POS() on the source first.
replica-mariadb-position-file.passed = Every connection shown keeps its position as a GTID (Using_Gtid: Slave_Pos or Current_Pos).

## replica-mariadb-gtid-pos-engine
replica-mariadb-gtid-pos-engine.name = GTID position table is not transactional
replica-mariadb-gtid-pos-engine.passed-title = GTID position tables are transactional
replica-mariadb-gtid-pos-engine.title = GTID position kept in a non-transactional table
replica-mariadb-gtid-pos-engine.message = The replica's GTID position is stored in {tables}. That engine does not commit the position together with the InnoDB transaction it records, so a crash can leave the position behind or ahead of the data, and the replica applies a transaction again or skips one.
replica-mariadb-gtid-pos-engine.fix = Move the GTID position tables to InnoDB
replica-mariadb-gtid-pos-engine.fix-reason = Stops replication briefly. sql_log_bin = 0 keeps the change out of this server's binary log (its own replicas have their own table). With tables in several engines, gtid_pos_auto_engines can create one per engine instead.
replica-mariadb-gtid-pos-engine.passed = Every GTID position table shown uses a transactional engine.
replica-mariadb-gtid-pos-engine.passed-assumed = The engine of mysql.gtid_slave_pos is not shown; a packaged install creates it in InnoDB. Check with: {query}
replica-mariadb-gtid-pos-engine.na = No connection keeps its position as a GTID; see replica-mariadb-position-file.
replica-mariadb-gtid-pos-engine.ref = MariaDB: mysql.gtid_slave_pos Table
