//! Compiled-in defaults of the variables the rules read, by version.
//!
//! Sources: `../shared/reference/mysql-facts.md` §8 (8.0.45 `sys_vars.cc` and the 8.0 manual's
//! history notes). A variable missing here has no known default: rules must treat it as unknown.

use super::version::Version;

/// The default value of `name` (canonical name, see [`super::settings::canonical_name`]) on
/// `version`, as the server would show it in `SHOW VARIABLES`; `None` when unknown or when the
/// variable does not exist on that version.
pub(crate) fn default_for(name: &str, v: Version) -> Option<&'static str> {
    let at_least = |a, b, c| v.at_least(a, b, c);
    Some(match name {
        "sync_relay_log" => "10000",
        "sync_relay_log_info" => "10000",
        "sync_source_info" => "10000",
        "sync_binlog" => "1",
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
        "log_replica_updates" => "ON",
        "log_bin" => "ON",
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
