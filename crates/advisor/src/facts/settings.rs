//! Effective settings with provenance and precedence.
//!
//! Precedence, highest first: runtime (`SHOW VARIABLES`, `SELECT @@x`) > persisted
//! (`mysqld-auto.cnf`) > command line (`ExecStart=` arguments) > option files (later group/line
//! wins) > the version's compiled-in default ([`super::defaults`]).
//!
//! Names are canonical: lower case, `-` → `_`, `loose_` stripped, and deprecated aliases mapped to
//! their current name (`slave_parallel_workers` → `replica_parallel_workers`). The name as written
//! is kept in [`Assignment::raw_name`] so fixes can speak the user's (or the version's) dialect.

use super::defaults::default_for;
use super::version::Version;
use super::{Facts, Loc};
use crate::document::Document;
use crate::source::Source;
use std::collections::BTreeMap;

/// Where a value came from, lowest precedence first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Origin {
    /// The version's compiled-in default.
    Default,
    /// An option file (`my.cnf`, `my_print_defaults` output).
    OptionFile,
    /// The mysqld command line (`ExecStart=` arguments).
    CommandLine,
    /// `mysqld-auto.cnf` (`SET PERSIST`).
    Persisted,
    /// The running server (`SHOW VARIABLES`, `SELECT @@x`).
    Runtime,
}

/// One assignment of a setting, as seen in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assignment {
    /// Canonical name.
    pub name: String,
    /// The name as written (`slave-parallel-workers`, `loose_sync_relay_log`).
    pub raw_name: String,
    /// The decoded value (quotes removed; `skip-x` gives `OFF`; a bare boolean option gives `ON`).
    pub value: String,
    pub origin: Origin,
    pub at: Loc,
    /// For option files: the group (`mysqld`, `mysqld-8.0`, `server`…).
    pub group: Option<String>,
}

/// A setting's effective value and how it got there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Setting {
    /// Canonical name.
    pub name: String,
    /// Effective value.
    pub value: String,
    /// Where the effective value came from.
    pub origin: Origin,
    /// Where it was set (`None` for a default).
    pub at: Option<Loc>,
    /// The assignment that set it (`None` for a default).
    pub assignment: Option<Assignment>,
    /// Every assignment seen, lowest precedence first (the last is the effective one).
    pub history: Vec<Assignment>,
}

impl Setting {
    /// `ON/OFF/1/0/TRUE/FALSE/YES/NO` (case-insensitive) as a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        parse_bool(&self.value)
    }
    /// A number with an optional `K/M/G/T` suffix (powers of 1024).
    pub fn as_u64(&self) -> Option<u64> {
        parse_size(&self.value)
    }
}

/// All settings seen, by canonical name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Settings {
    map: BTreeMap<String, Vec<Assignment>>,
}

impl Settings {
    /// Records an assignment. Assignments of equal origin keep input order (later wins).
    pub fn push(&mut self, a: Assignment) {
        self.map.entry(a.name.clone()).or_default().push(a);
    }

    /// The effective setting for `name` (any spelling), falling back to `version`'s default.
    pub fn effective(&self, name: &str, version: Version) -> Option<Setting> {
        let canon = canonical_name(name);
        match self.map.get(&canon) {
            Some(list) if !list.is_empty() => {
                let mut history = list.clone();
                // Stable: equal origins keep their order, so the last one wins.
                history.sort_by_key(|a| a.origin);
                let top = history.last().cloned().expect("non-empty");
                Some(Setting {
                    name: canon,
                    value: top.value.clone(),
                    origin: top.origin,
                    at: Some(top.at),
                    assignment: Some(top),
                    history,
                })
            }
            _ => default_for(&canon, version).map(|v| Setting {
                name: canon,
                value: v.to_owned(),
                origin: Origin::Default,
                at: None,
                assignment: None,
                history: Vec::new(),
            }),
        }
    }

    /// Every assignment of `name` (any spelling), in input order.
    pub fn assignments(&self, name: &str) -> &[Assignment] {
        self.map.get(&canonical_name(name)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// All canonical names seen.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

/// Canonical form of a variable or option name: trimmed, lower case, `-` → `_`, without a `loose_`
/// prefix, deprecated aliases mapped to current names.
pub(crate) fn canonical_name(name: &str) -> String {
    let mut n = name.trim().to_ascii_lowercase().replace('-', "_");
    if let Some(rest) = n.strip_prefix("loose_") {
        n = rest.to_owned();
    }
    if let Some(new) = alias(&n) {
        return new.to_owned();
    }
    n
}

/// Deprecated names and their current spelling (8.0.26 renames; `mysql-facts.md` §8.1).
fn alias(n: &str) -> Option<&'static str> {
    Some(match n {
        "slave_parallel_workers" => "replica_parallel_workers",
        "slave_parallel_type" => "replica_parallel_type",
        "slave_preserve_commit_order" => "replica_preserve_commit_order",
        "log_slave_updates" => "log_replica_updates",
        "skip_slave_start" => "skip_replica_start",
        "slave_net_timeout" => "replica_net_timeout",
        "sync_master_info" => "sync_source_info",
        "master_verify_checksum" => "source_verify_checksum",
        "slave_sql_verify_checksum" => "replica_sql_verify_checksum",
        "slave_checkpoint_group" => "replica_checkpoint_group",
        "slave_checkpoint_period" => "replica_checkpoint_period",
        "slave_pending_jobs_size_max" => "replica_pending_jobs_size_max",
        "slave_transaction_retries" => "replica_transaction_retries",
        "slave_skip_errors" => "replica_skip_errors",
        "slave_exec_mode" => "replica_exec_mode",
        "slave_type_conversions" => "replica_type_conversions",
        "slave_load_tmpdir" => "replica_load_tmpdir",
        "slave_max_allowed_packet" => "replica_max_allowed_packet",
        "slave_compressed_protocol" => "replica_compressed_protocol",
        "slave_allow_batching" => "replica_allow_batching",
        "init_slave" => "init_replica",
        "log_slow_slave_statements" => "log_slow_replica_statements",
        _ => return None,
    })
}

/// Parses MySQL booleans: `ON/OFF/1/0/TRUE/FALSE/YES/NO`, case-insensitive.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_uppercase().as_str() {
        "ON" | "1" | "TRUE" | "YES" => Some(true),
        "OFF" | "0" | "FALSE" | "NO" => Some(false),
        _ => None,
    }
}

/// Parses a number with an optional `K/M/G/T/P/E` suffix (powers of 1024, case-insensitive).
pub(crate) fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim();
    let (num, mult) = match t.chars().last()? {
        'k' | 'K' => (&t[..t.len() - 1], 1u64 << 10),
        'm' | 'M' => (&t[..t.len() - 1], 1u64 << 20),
        'g' | 'G' => (&t[..t.len() - 1], 1u64 << 30),
        't' | 'T' => (&t[..t.len() - 1], 1u64 << 40),
        'p' | 'P' => (&t[..t.len() - 1], 1u64 << 50),
        'e' | 'E' => (&t[..t.len() - 1], 1u64 << 60),
        _ => (t, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mult)
}

/// Adds option-file, `mysqld-auto.cnf` and command-line assignments, and the runtime variables
/// collected by `mysql::collect`, to `f.settings`.
pub(crate) fn collect(f: &mut Facts, _sources: &[Source<'_>], _docs: &[Document]) {
    // TODO(options owner): option files, my_print_defaults, mysqld-auto.cnf, group selection.
    for a in f.runtime_variables.clone() {
        f.settings.push(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_names() {
        assert_eq!(canonical_name("loose-sync-relay-log"), "sync_relay_log");
        assert_eq!(canonical_name("Slave_Parallel_Workers"), "replica_parallel_workers");
    }

    #[test]
    fn sizes_and_bools() {
        assert_eq!(parse_size("2M"), Some(2 << 20));
        assert_eq!(parse_size("64k"), Some(64 << 10));
        assert_eq!(parse_size("abc"), None);
        assert_eq!(parse_bool("on"), Some(true));
        assert_eq!(parse_bool("FALSE"), Some(false));
    }

    #[test]
    fn runtime_beats_option_file_and_default_applies() {
        let mut s = Settings::default();
        let loc = Loc::default();
        let mk = |origin, v: &str| Assignment {
            name: "sync_relay_log".into(),
            raw_name: "sync_relay_log".into(),
            value: v.into(),
            origin,
            at: loc,
            group: None,
        };
        s.push(mk(Origin::Runtime, "1"));
        s.push(mk(Origin::OptionFile, "0"));
        let v = Version::new(8, 0, 36);
        assert_eq!(s.effective("sync-relay-log", v).unwrap().value, "1");
        assert_eq!(s.effective("relay_log_recovery", v).unwrap().origin, Origin::Default);
    }
}
