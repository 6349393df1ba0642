//! Compiled-in defaults of the variables the rules read, by version.
//!
//! Sources: `../shared/reference/mysql-facts.md` §8 (8.0.45 `sys_vars.cc` and the 8.0 manual's
//! history notes). A variable missing here has no known default: rules must treat it as unknown.

use crate::base::Version;

/// The default value of `name` (canonical name, see [`super::settings::canonical_name`]) on
/// `version`, as the server would show it in `SHOW VARIABLES`; `None` when unknown or when the
/// variable does not exist on that version.
pub(crate) fn default_for(name: &str, v: Version) -> Option<&'static str> {
    let at_least = |a, b, c| v.at_least(a, b, c);
    if v.major >= 10 {
        return mariadb_default(name);
    }
    Some(match name {
        "sync_relay_log" => "10000",
        // Deprecated in 8.0 (help text of 8.0.45); still listed in the 9.5 manual (§8.2).
        "sync_relay_log_info" => "10000",
        "sync_source_info" => "10000",
        // 1 from 5.7.7; 0 before (5.6).
        "sync_binlog" => {
            if at_least(5, 7, 7) {
                "1"
            } else {
                "0"
            }
        }
        "innodb_flush_log_at_trx_commit" => "1",
        "relay_log_recovery" => "OFF",
        "relay_log_purge" => "ON",
        "gtid_mode" => "OFF",
        "enforce_gtid_consistency" => "OFF",
        // FILE before 8.0.2 (manual); TABLE from 8.0.2; gone (per third-party notes) from 8.3.
        "relay_log_info_repository" | "master_info_repository" => {
            if at_least(8, 3, 0) {
                return None;
            } else if at_least(8, 0, 2) {
                "TABLE"
            } else {
                "FILE"
            }
        }
        "replica_parallel_workers" => {
            if at_least(8, 0, 27) {
                "4"
            } else {
                "0"
            }
        }
        "replica_preserve_commit_order" => {
            if at_least(8, 0, 27) {
                "ON"
            } else {
                "OFF"
            }
        }
        "replica_parallel_type" => {
            if at_least(8, 0, 27) {
                "LOGICAL_CLOCK"
            } else {
                "DATABASE"
            }
        }
        // 8.0.3 turned binary logging and log_slave_updates on by default; 5.7 had both off.
        "log_replica_updates" => {
            if at_least(8, 0, 3) {
                "ON"
            } else {
                "OFF"
            }
        }
        "log_bin" => {
            if at_least(8, 0, 3) {
                "ON"
            } else {
                "OFF"
            }
        }
        "binlog_format" => "ROW",
        // Deprecated in 8.2.0 and removed in 8.4.0 (§8, optvar-changes-8-4).
        "binlog_transaction_dependency_tracking" => {
            if at_least(8, 4, 0) {
                return None;
            } else {
                "COMMIT_ORDER"
            }
        }
        "skip_replica_start" => "OFF",
        "replica_checkpoint_period" => "300",
        "replica_checkpoint_group" => "512",
        "replica_transaction_retries" => "10",
        "source_verify_checksum" => "OFF",
        "replica_sql_verify_checksum" => "ON",
        "clone_valid_donor_list" => "",
        "max_allowed_packet" => {
            if at_least(8, 0, 3) {
                "67108864"
            } else {
                "4194304"
            }
        }
        _ => return None,
    })
}

/// MariaDB's compiled-in defaults (10.x/11.x; MariaDB's system-variable pages): no binary log,
/// `sync_binlog = 0`, `log_slave_updates = OFF`; it has no `gtid_mode`, no repositories, no
/// `replica_preserve_commit_order` (its parallel applier commits in order).
fn mariadb_default(name: &str) -> Option<&'static str> {
    Some(match name {
        "sync_relay_log" | "sync_relay_log_info" | "sync_source_info" => "10000",
        "sync_binlog" => "0",
        "innodb_flush_log_at_trx_commit" => "1",
        "relay_log_recovery" | "log_bin" | "log_replica_updates" | "skip_replica_start" => "OFF",
        "relay_log_purge" => "ON",
        "replica_parallel_workers" => "0",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_version() {
        let v5_7 = Version::new(5, 7, 44);
        let v8_0_26 = Version::new(8, 0, 26);
        let v8_0_27 = Version::new(8, 0, 27);
        let v8_4 = Version::new(8, 4, 3);
        assert_eq!(default_for("replica_parallel_workers", v8_0_26), Some("0"));
        assert_eq!(default_for("replica_parallel_workers", v8_0_27), Some("4"));
        assert_eq!(default_for("replica_preserve_commit_order", v8_0_26), Some("OFF"));
        assert_eq!(default_for("replica_parallel_type", v8_0_27), Some("LOGICAL_CLOCK"));
        assert_eq!(default_for("relay_log_info_repository", v5_7), Some("FILE"));
        assert_eq!(default_for("relay_log_info_repository", v8_0_26), Some("TABLE"));
        assert_eq!(default_for("relay_log_info_repository", v8_4), None);
        assert_eq!(default_for("log_bin", v5_7), Some("OFF"));
        assert_eq!(default_for("log_replica_updates", v8_0_26), Some("ON"));
        assert_eq!(default_for("binlog_transaction_dependency_tracking", v8_4), None);
        assert_eq!(default_for("sync_relay_log", v8_4), Some("10000"));
        assert_eq!(default_for("relay_log_recovery", v8_4), Some("OFF"));
        assert_eq!(default_for("no_such_variable", v8_4), None);
        assert_eq!(default_for("sync_binlog", Version::new(5, 6, 51)), Some("0"));
        assert_eq!(default_for("sync_binlog", v5_7), Some("1"));
        let maria = Version::new(10, 11, 6);
        assert_eq!(default_for("sync_binlog", maria), Some("0"));
        assert_eq!(default_for("log_bin", maria), Some("OFF"));
        assert_eq!(default_for("gtid_mode", maria), None);
        assert_eq!(default_for("relay_log_info_repository", maria), None);
    }
}
