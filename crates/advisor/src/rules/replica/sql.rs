//! Statements and variable names as the detected MySQL version spells them
//! (`mysql-facts.md` §8.1, §8.2).
//!
//! - `START`/`STOP REPLICA` from 8.0.22, `SLAVE` before (and only `REPLICA` on 8.4, which removed
//!   the old words);
//! - `CHANGE REPLICATION SOURCE TO … SOURCE_*` from 8.0.23, `CHANGE MASTER TO … MASTER_*` before;
//! - `replica_*` / `sync_source_info` variable names from 8.0.26, `slave_*` / `sync_master_info`
//!   before;
//! - `SET PERSIST` from 8.0; on 5.7 `SET GLOBAL` (and the option file, or the value is lost at
//!   the next restart).
//!
//! Every statement carries `FOR CHANNEL '…'` when the channel has a name.
//!
//! MariaDB (a version 10.x and later here: MySQL has no such release, and `has_persist` already
//! draws the same line) spells them its own way, in every release from 10.0: `STOP SLAVE 'name'`
//! / `START SLAVE 'name'` / `CHANGE MASTER 'name' TO` for a named connection (`FOR CHANNEL` only
//! from 10.7), `slave_*` variable names, `SHOW ALL SLAVES STATUS`, no `SET PERSIST`
//! (<https://mariadb.com/kb/en/show-replica-status/>, <https://mariadb.com/kb/en/change-master-to/>,
//! <https://mariadb.com/kb/en/multi-source-replication/>).

use crate::facts::Version;

/// A `CHANGE REPLICATION SOURCE TO` option, by meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChangeOpt {
    /// `SOURCE_AUTO_POSITION` / `MASTER_AUTO_POSITION`.
    AutoPosition,
    /// `REQUIRE_ROW_FORMAT` (8.0.19+).
    RequireRowFormat,
    /// `GTID_ONLY` (8.0.27+).
    GtidOnly,
}

/// Which replication threads a START/STOP statement names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Threads {
    Both,
    Sql,
}

/// True for MariaDB's versions (10.x and later; MySQL has none).
pub(crate) fn mariadb(v: Version) -> bool {
    v.major >= 10
}

/// `REPLICA` or `SLAVE`.
fn replica_word(v: Version) -> &'static str {
    if v.at_least(8, 0, 22) && !mariadb(v) { "REPLICA" } else { "SLAVE" }
}

/// MariaDB's connection name after `SLAVE` / `MASTER` (` 'x'`), or nothing for the default one.
fn connection(channel: &str) -> String {
    if channel.is_empty() { String::new() } else { format!(" {}", quote(channel)) }
}

/// A string literal: single quotes, with `'` and `\` escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// ` FOR CHANNEL 'x'`, or nothing for the default channel.
pub(crate) fn for_channel(channel: &str) -> String {
    if channel.is_empty() { String::new() } else { format!(" FOR CHANNEL {}", quote(channel)) }
}

/// `STOP REPLICA [SQL_THREAD] [FOR CHANNEL 'x'];`
pub(crate) fn stop(v: Version, channel: &str, threads: Threads) -> String {
    let t = if threads == Threads::Sql { " SQL_THREAD" } else { "" };
    if mariadb(v) {
        return format!("STOP SLAVE{}{t};", connection(channel));
    }
    format!("STOP {}{t}{};", replica_word(v), for_channel(channel))
}

/// `START REPLICA [SQL_THREAD] [FOR CHANNEL 'x'];`
pub(crate) fn start(v: Version, channel: &str, threads: Threads) -> String {
    let t = if threads == Threads::Sql { " SQL_THREAD" } else { "" };
    if mariadb(v) {
        return format!("START SLAVE{}{t};", connection(channel));
    }
    format!("START {}{t}{};", replica_word(v), for_channel(channel))
}

/// `START REPLICA UNTIL SQL_AFTER_MTS_GAPS [FOR CHANNEL 'x'];`
pub(crate) fn start_until_gaps(v: Version, channel: &str) -> String {
    format!("START {} UNTIL SQL_AFTER_MTS_GAPS{};", replica_word(v), for_channel(channel))
}

/// The option's name for `v`.
fn opt_name(v: Version, o: ChangeOpt) -> &'static str {
    match o {
        ChangeOpt::AutoPosition if v.at_least(8, 0, 23) => "SOURCE_AUTO_POSITION",
        ChangeOpt::AutoPosition => "MASTER_AUTO_POSITION",
        ChangeOpt::RequireRowFormat => "REQUIRE_ROW_FORMAT",
        ChangeOpt::GtidOnly => "GTID_ONLY",
    }
}

/// `CHANGE REPLICATION SOURCE TO A = 1, B = 1 [FOR CHANNEL 'x'];` (or `CHANGE MASTER TO` before
/// 8.0.23).
pub(crate) fn change(v: Version, channel: &str, opts: &[(ChangeOpt, &str)]) -> String {
    debug_assert!(!mariadb(v), "MariaDB has none of these options: use change_use_gtid");
    let head = if v.at_least(8, 0, 23) { "CHANGE REPLICATION SOURCE TO" } else { "CHANGE MASTER TO" };
    let body: Vec<String> = opts.iter().map(|(o, val)| format!("{} = {val}", opt_name(v, *o))).collect();
    format!("{head} {}{};", body.join(", "), for_channel(channel))
}

/// MariaDB's `CHANGE MASTER ['x'] TO MASTER_USE_GTID = slave_pos;`: the connection keeps its
/// position as a GTID in `mysql.gtid_slave_pos`, updated in the applied transaction.
pub(crate) fn change_use_gtid(channel: &str) -> String {
    format!("CHANGE MASTER{} TO MASTER_USE_GTID = slave_pos;", connection(channel))
}

/// The variable's name on `v` (canonical names are the current ones; MariaDB keeps `slave_*`).
pub(crate) fn var(v: Version, canonical: &str) -> String {
    if v.at_least(8, 0, 26) && !mariadb(v) {
        return canonical.to_owned();
    }
    match canonical {
        "sync_source_info" => "sync_master_info".to_owned(),
        "log_replica_updates" => "log_slave_updates".to_owned(),
        c => match c.strip_prefix("replica_") {
            Some(rest) => format!("slave_{rest}"),
            None => c.replace("_replica_", "_slave_"),
        },
    }
}

/// True when `SET PERSIST` exists (8.0+).
/// `SET PERSIST` exists: MySQL 8.0 and later (9.x included); not 5.7, not MariaDB (10.x, 11.x).
pub(crate) fn has_persist(v: Version) -> bool {
    (8..10).contains(&v.major)
}

/// `SET PERSIST name = value;` (`SET GLOBAL` on 5.7). `value` is written as given (quote strings
/// yourself).
pub(crate) fn set_persist(v: Version, canonical: &str, value: &str) -> String {
    let kw = if has_persist(v) { "PERSIST" } else { "GLOBAL" };
    format!("SET {kw} {} = {value};", var(v, canonical))
}

/// An option-file block: `[mysqld]` then `name = value` lines.
pub(crate) fn cnf_block(v: Version, lines: &[(&str, &str)]) -> String {
    let mut out = String::from("[mysqld]\n");
    for (name, value) in lines {
        out.push_str(&format!("{} = {value}\n", var(v, name)));
    }
    out
}

/// Every setting the replica checks read (8.0.26 names), in the order the query lists them, each
/// with whether it is an item of the crash-safe recipe: a server whose input shows one of those
/// but nothing of replication is checked as a conditional replica. `version`, `log_bin` and
/// `replica_parallel_type` alone do not make it one (every option file has `log_bin`).
pub(crate) const CHECKED: &[(&str, bool)] = &[
    ("version", false),
    ("gtid_mode", true),
    ("enforce_gtid_consistency", true),
    ("sync_relay_log", true),
    ("innodb_flush_log_at_trx_commit", true),
    ("relay_log_recovery", true),
    ("relay_log_info_repository", true),
    ("master_info_repository", true),
    ("replica_parallel_workers", true),
    ("replica_parallel_type", false),
    ("replica_preserve_commit_order", true),
    ("log_bin", false),
    ("log_replica_updates", true),
    ("sync_binlog", true),
];

/// What MariaDB's checks read: durability, relay-log recovery, the GTID position tables'
/// engines (`gtid_pos_auto_engines`, 10.3.1+) and the parallel applier.
pub(crate) const CHECKED_MARIADB: &[&str] = &[
    "version",
    "innodb_flush_log_at_trx_commit",
    "log_bin",
    "log_slave_updates",
    "sync_binlog",
    "relay_log_recovery",
    "gtid_pos_auto_engines",
    "slave_parallel_threads",
    "slave_parallel_mode",
];

/// The query that shows every setting the replica checks read, spelled for `v`.
pub(crate) fn settings_query(v: Version) -> String {
    if mariadb(v) {
        let list: Vec<String> = CHECKED_MARIADB.iter().map(|n| quote(n)).collect();
        return format!("SHOW GLOBAL VARIABLES WHERE Variable_name IN ({});", list.join(", "));
    }
    let list: Vec<String> = CHECKED
        .iter()
        .map(|(n, _)| n)
        .filter(|n| !(v.at_least(8, 3, 0) && n.ends_with("_info_repository")))
        // 5.6 has neither (slave_parallel_type from 5.7.2, slave_preserve_commit_order from 5.7.5).
        .filter(|n| {
            v.at_least(5, 7, 5) || !matches!(**n, "replica_parallel_type" | "replica_preserve_commit_order")
        })
        .map(|n| quote(&var(v, n)))
        .collect();
    format!("SHOW GLOBAL VARIABLES WHERE Variable_name IN ({});", list.join(", "))
}

/// The query that shows each channel's `AUTO_POSITION` and `GTID_ONLY` (8.0.27+), and
/// `REQUIRE_ROW_FORMAT` (8.0.19+).
pub(crate) fn channel_config_query(v: Version) -> String {
    if mariadb(v) {
        return gtid_pos_engine_query();
    }
    // performance_schema's replication tables exist from 5.7.2; before, the status shows
    // Auto_Position.
    if !v.at_least(5, 7, 2) {
        return status_query(v);
    }
    let mut q = String::from("SELECT c.CHANNEL_NAME, c.AUTO_POSITION");
    if v.at_least(8, 0, 27) {
        q.push_str(", c.GTID_ONLY");
    }
    if v.at_least(8, 0, 19) {
        q.push_str(
            ", a.REQUIRE_ROW_FORMAT\n  FROM performance_schema.replication_connection_configuration c\n  JOIN performance_schema.replication_applier_configuration a USING (CHANNEL_NAME)\\G",
        );
    } else {
        q.push_str("\n  FROM performance_schema.replication_connection_configuration c\\G");
    }
    q
}

/// The status of one channel: `SHOW REPLICA STATUS FOR CHANNEL 'x'\\G`; MariaDB:
/// `SHOW SLAVE 'x' STATUS\\G`.
pub(crate) fn status_query_for(v: Version, channel: &str) -> String {
    if mariadb(v) {
        return format!("SHOW SLAVE{} STATUS\\G", connection(channel));
    }
    format!("SHOW {} STATUS{}\\G", replica_word(v), for_channel(channel))
}

/// MariaDB: the storage engine of `mysql.gtid_slave_pos` and of the per-engine tables
/// `gtid_pos_auto_engines` creates (`mysql.gtid_slave_pos_InnoDB`…).
pub(crate) fn gtid_pos_engine_query() -> String {
    "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES\n  WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME LIKE 'gtid\\_slave\\_pos%';"
        .to_owned()
}

/// `SHOW REPLICA STATUS\G` or `SHOW SLAVE STATUS\G`; MariaDB: `SHOW ALL SLAVES STATUS\G`, every
/// connection with its name.
pub(crate) fn status_query(v: Version) -> String {
    if mariadb(v) {
        return "SHOW ALL SLAVES STATUS\\G".to_owned();
    }
    format!("SHOW {} STATUS\\G", replica_word(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V5_7: Version = Version::new(5, 7, 44);
    const V8_0_21: Version = Version::new(8, 0, 21);
    const V8_0_22: Version = Version::new(8, 0, 22);
    const V8_0_36: Version = Version::new(8, 0, 36);
    const V8_4: Version = Version::new(8, 4, 3);

    #[test]
    fn start_stop_words_follow_the_version() {
        assert_eq!(stop(V8_0_21, "", Threads::Both), "STOP SLAVE;");
        assert_eq!(stop(V8_0_22, "", Threads::Both), "STOP REPLICA;");
        assert_eq!(start(V8_4, "s1", Threads::Sql), "START REPLICA SQL_THREAD FOR CHANNEL 's1';");
        assert_eq!(start_until_gaps(V5_7, ""), "START SLAVE UNTIL SQL_AFTER_MTS_GAPS;");
    }

    #[test]
    fn change_statement_follows_the_version() {
        assert_eq!(
            change(V8_0_22, "", &[(ChangeOpt::AutoPosition, "1")]),
            "CHANGE MASTER TO MASTER_AUTO_POSITION = 1;"
        );
        assert_eq!(
            change(V8_0_36, "it's", &[(ChangeOpt::RequireRowFormat, "1"), (ChangeOpt::GtidOnly, "1")]),
            "CHANGE REPLICATION SOURCE TO REQUIRE_ROW_FORMAT = 1, GTID_ONLY = 1 FOR CHANNEL 'it''s';"
        );
        assert!(!change(V8_4, "", &[(ChangeOpt::AutoPosition, "1")]).contains("MASTER"));
    }

    #[test]
    fn variable_names_follow_the_version() {
        assert_eq!(var(Version::new(8, 0, 25), "replica_parallel_workers"), "slave_parallel_workers");
        assert_eq!(var(Version::new(8, 0, 26), "replica_parallel_workers"), "replica_parallel_workers");
        assert_eq!(var(V5_7, "log_replica_updates"), "log_slave_updates");
        assert_eq!(var(V5_7, "sync_source_info"), "sync_master_info");
        assert_eq!(var(V5_7, "sync_relay_log"), "sync_relay_log");
        assert_eq!(set_persist(V5_7, "sync_relay_log", "1"), "SET GLOBAL sync_relay_log = 1;");
        assert_eq!(set_persist(V8_4, "sync_relay_log", "1"), "SET PERSIST sync_relay_log = 1;");
    }

    #[test]
    fn mariadb_spells_statements_its_own_way() {
        let m = Version::new(10, 11, 6);
        assert_eq!(stop(m, "", Threads::Both), "STOP SLAVE;");
        assert_eq!(stop(m, "east", Threads::Sql), "STOP SLAVE 'east' SQL_THREAD;");
        assert_eq!(start(m, "it's", Threads::Both), "START SLAVE 'it''s';");
        assert_eq!(change_use_gtid("east"), "CHANGE MASTER 'east' TO MASTER_USE_GTID = slave_pos;");
        assert_eq!(change_use_gtid(""), "CHANGE MASTER TO MASTER_USE_GTID = slave_pos;");
        assert_eq!(var(m, "log_replica_updates"), "log_slave_updates");
        assert_eq!(set_persist(m, "sync_binlog", "1"), "SET GLOBAL sync_binlog = 1;");
        assert_eq!(status_query(m), "SHOW ALL SLAVES STATUS\\G");
        assert_eq!(status_query_for(m, "east"), "SHOW SLAVE 'east' STATUS\\G");
        assert_eq!(status_query_for(V8_0_36, "east"), "SHOW REPLICA STATUS FOR CHANNEL 'east'\\G");
        let q = settings_query(m);
        assert!(
            q.contains("'gtid_pos_auto_engines'") && !q.contains("gtid_mode") && !q.contains("repository")
        );
        assert!(channel_config_query(m).contains(r"gtid\_slave\_pos%"));
    }

    #[test]
    fn queries_drop_what_the_version_lacks() {
        assert!(!settings_query(V8_4).contains("relay_log_info_repository"));
        assert!(settings_query(V8_0_36).contains("'relay_log_info_repository'"));
        assert!(settings_query(V5_7).contains("'slave_parallel_workers'"));
        assert!(!channel_config_query(V8_0_22).contains("GTID_ONLY"));
        assert_eq!(status_query(V5_7), "SHOW SLAVE STATUS\\G");
    }
}
