//! The replica as the checks see it: whether the input shows a replica at all, each setting with
//! whether its value is actually known, and each replication channel merged with the
//! `CHANGE REPLICATION SOURCE` statements that name it.
//!
//! **Known vs. assumed.** A setting assigned anywhere in the input is known. An unset setting takes
//! the default of the detected (or assumed) version, but only when the input shows the server's
//! settings at all (an option file, `mysqld-auto.cnf`, `SHOW VARIABLES`…): a lone
//! `SHOW REPLICA STATUS` says nothing about `sync_relay_log`, so it stays unknown.

use crate::text::TrimWs;

use crate::facts::settings::parse_bool;
use crate::facts::{ChangeSourceStmt, Channel, Facts, Flavor, Loc, Origin, Setting, Valued, Version};

/// Options and variables that only a replica sets (their presence makes the input a replica's).
const REPLICA_SETTINGS: &[&str] = &[
    "relay_log_recovery",
    "sync_relay_log",
    "relay_log_info_repository",
    "master_info_repository",
    "replica_parallel_workers",
    "replica_parallel_type",
    "replica_preserve_commit_order",
    "skip_replica_start",
    "sync_relay_log_info",
    "sync_source_info",
    "replicate_do_db",
    "replicate_ignore_db",
    "replicate_do_table",
    "replicate_ignore_table",
    "replicate_wild_do_table",
    "replicate_wild_ignore_table",
];

/// Of [`REPLICA_SETTINGS`], those whose non-default runtime value shows a replica.
const RUNTIME_SIGNS: &[&str] = &[
    "relay_log_recovery",
    "sync_relay_log",
    "skip_replica_start",
    "replicate_do_db",
    "replicate_ignore_db",
    "replicate_do_table",
    "replicate_ignore_table",
    "replicate_wild_do_table",
    "replicate_wild_ignore_table",
];

/// What the input is, for the replica checks.
pub(crate) enum Scope<'a> {
    /// Nothing shows a replica.
    NotReplica,
    /// Only Group Replication channels.
    GroupReplication,
    /// A replica (MySQL, Percona Server or MariaDB: see [`Replica::mariadb`]).
    Replica(Replica<'a>),
}

/// A replica's facts, ready for the checks.
pub(crate) struct Replica<'a> {
    pub facts: &'a Facts,
    /// Detected, or assumed (see `version_known`).
    pub version: Version,
    pub version_known: bool,
    /// Asynchronous channels (Group Replication channels are left out), in input order.
    pub channels: Vec<ChannelView<'a>>,
    /// True when the input shows any server setting (so unset ones take their defaults).
    pub settings_shown: bool,
    /// True when nothing shows whether the server replicates, but its settings are shown: every
    /// finding is then conditional ("if this server is a replica — or becomes one after a clone"),
    /// and the verdict stays unknown.
    pub conditional: bool,
    /// What shows this is a replica.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub because: Vec<Loc>,
    /// MariaDB: its own GTIDs (`gtid_slave_pos`, `MASTER_USE_GTID`), its own recipe; the MySQL
    /// items (`gtid_mode`, `GTID_ONLY`, the repositories…) do not exist there.
    pub mariadb: bool,
}

/// The version assumed for MariaDB when the input names the flavour but not the version: the
/// 10.11 long-term series (10.x and later are what the statements' spelling keys on).
pub(crate) const MARIADB_ASSUMED: Version = Version::new(10, 11, 0);

/// MariaDB's `Using_Gtid` / `MASTER_USE_GTID`: where a connection keeps its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UseGtid {
    /// `No`: the source's file and position, in `relay-log.info` / `master.info`.
    No,
    /// `Slave_Pos`: `gtid_slave_pos`, stored in `mysql.gtid_slave_pos`.
    SlavePos,
    /// `Current_Pos`: `gtid_current_pos` (the slave position, or the server's own binary log's
    /// when newer).
    CurrentPos,
}

impl UseGtid {
    fn parse(v: &str) -> Option<UseGtid> {
        let v = v.trim_ws().trim_matches(['\'', '"']);
        if v.eq_ignore_ascii_case("no") {
            Some(UseGtid::No)
        } else if v.eq_ignore_ascii_case("slave_pos") {
            Some(UseGtid::SlavePos)
        } else if v.eq_ignore_ascii_case("current_pos") {
            Some(UseGtid::CurrentPos)
        } else {
            None
        }
    }
}

/// A setting's value, and whether it is known.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    /// Assigned in the input.
    Set(Setting),
    /// Not assigned; the version's default applies (the input shows other settings).
    Default(Setting),
    /// Not assigned and the input shows no settings (or the default is unknown).
    Unknown,
}

impl Val {
    pub fn value(&self) -> Option<&str> {
        self.setting().map(|s| s.value.as_str())
    }
    pub fn setting(&self) -> Option<&Setting> {
        match self {
            Val::Set(s) | Val::Default(s) => Some(s),
            Val::Unknown => None,
        }
    }
    /// `ON/OFF/1/0…` as a boolean; `None` when unknown or not a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        self.value().and_then(parse_bool)
    }
    /// A number; `None` when unknown or not a number.
    pub fn as_u64(&self) -> Option<u64> {
        self.setting().and_then(Setting::as_u64)
    }
    /// Upper-case value.
    pub fn upper(&self) -> Option<String> {
        self.value().map(|v| v.trim_ws().trim_matches(['\'', '"']).to_ascii_uppercase())
    }
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn is_default(&self) -> bool {
        matches!(self, Val::Default(_))
    }
}

/// One replication channel: its status / performance_schema rows and the statements naming it.
pub(crate) struct ChannelView<'a> {
    pub name: &'a str,
    pub channel: Option<&'a Channel>,
    pub stmts: Vec<&'a ChangeSourceStmt>,
}

impl<'a> ChannelView<'a> {
    /// A `SHOW REPLICA STATUS` field (legacy names understood).
    pub fn status(&self, modern: &str) -> Option<Valued<&'a str>> {
        self.channel.and_then(|c| c.status_field(modern))
    }

    /// True when a status row was given.
    pub fn has_status(&self) -> bool {
        self.channel.is_some_and(|c| c.status.is_some())
    }

    /// The last value of a statement option among `names`.
    fn stmt_opt(&self, names: &[&str]) -> Option<Valued<bool>> {
        let mut best: Option<Valued<bool>> = None;
        for s in &self.stmts {
            for (k, v) in &s.options {
                if names.iter().any(|n| k.eq_ignore_ascii_case(n))
                    && let Some(b) = parse_bool(&v.value)
                    && best.as_ref().is_none_or(|x| x.at <= v.at)
                {
                    best = Some(Valued::new(b, v.at));
                }
            }
        }
        best
    }

    /// The latest (by position in the input) of several sources of one boolean.
    fn latest(cands: impl IntoIterator<Item = Option<Valued<bool>>>) -> Option<Valued<bool>> {
        cands.into_iter().flatten().max_by_key(|v| v.at)
    }

    /// `Auto_Position` / `AUTO_POSITION` / `SOURCE_AUTO_POSITION` — whichever comes last in the
    /// input (a statement pasted after the status row was run after it).
    pub fn auto_position(&self) -> Option<Valued<bool>> {
        let from_status =
            self.status("Auto_Position").and_then(|v| parse_bool(v.value).map(|b| Valued::new(b, v.at)));
        // `Channel::auto_position` prefers the performance_schema row over the status row.
        let from_conn = self.channel.and_then(Channel::auto_position);
        Self::latest([
            from_status,
            from_conn,
            self.stmt_opt(&["SOURCE_AUTO_POSITION", "MASTER_AUTO_POSITION"]),
        ])
    }

    /// MariaDB: `Using_Gtid` from the status row or `MASTER_USE_GTID` from a statement, whichever
    /// comes last in the input.
    pub fn use_gtid(&self) -> Option<Valued<UseGtid>> {
        let from_status =
            self.status("Using_Gtid").and_then(|v| UseGtid::parse(v.value).map(|u| Valued::new(u, v.at)));
        let mut best = from_status;
        for s in &self.stmts {
            for (k, v) in &s.options {
                if k.eq_ignore_ascii_case("MASTER_USE_GTID")
                    && let Some(u) = UseGtid::parse(&v.value)
                    && best.as_ref().is_none_or(|b| b.at <= v.at)
                {
                    best = Some(Valued::new(u, v.at));
                }
            }
        }
        best
    }

    /// `GTID_ONLY` from performance_schema or a statement.
    pub fn gtid_only(&self) -> Option<Valued<bool>> {
        Self::latest([self.channel.and_then(Channel::gtid_only), self.stmt_opt(&["GTID_ONLY"])])
    }

    /// `REQUIRE_ROW_FORMAT` from performance_schema or a statement.
    pub fn require_row_format(&self) -> Option<Valued<bool>> {
        Self::latest([
            self.channel.and_then(Channel::require_row_format),
            self.stmt_opt(&["REQUIRE_ROW_FORMAT"]),
        ])
    }

    /// True when the input shows the `GTID_ONLY` column (so the server is 8.0.27+).
    pub fn shows_gtid_only_column(&self) -> bool {
        self.channel.and_then(|c| c.connection.as_ref()).is_some_and(|r| r.get("GTID_ONLY").is_some())
    }

    /// Where the channel is best shown: its status row, its configuration row, or a statement.
    pub fn anchor(&self) -> Option<Loc> {
        let c = self.channel;
        c.and_then(|c| c.status.as_ref().map(|r| r.at))
            .or_else(|| c.and_then(|c| c.connection.as_ref().map(|r| r.at)))
            .or_else(|| c.and_then(|c| c.applier.as_ref().map(|r| r.at)))
            .or_else(|| self.stmts.first().map(|s| s.at))
    }
}

/// Error-log lines only a replica writes (`Replica I/O for channel '…'`, 5.7's `Slave SQL for
/// channel '…'`, `Slave I/O thread: …`).
fn is_replica_log_line(message: &str) -> bool {
    ["Replica I/O", "Replica SQL", "Slave I/O", "Slave SQL"].iter().any(|p| message.contains(p))
}

fn is_group_replication(name: &str) -> bool {
    name.starts_with("group_replication_")
}

/// Decides whether the input shows a replica, and builds its view.
pub(crate) fn scope(facts: &Facts) -> Scope<'_> {
    let mut version = facts.version_or_assumed();
    let mut version_known = facts.version_known();
    // The flavour, the version, or columns only MariaDB's SHOW SLAVE STATUS prints.
    let maria = facts.server.flavor.as_ref().is_some_and(|f| f.value == Flavor::MariaDb)
        || (version_known && version.major >= 10)
        || facts.channels.iter().any(|c| {
            c.status
                .as_ref()
                .is_some_and(|r| crate::facts::MARIADB_STATUS_COLUMNS.iter().any(|col| r.get(col).is_some()))
        });
    if maria && version.major < 10 {
        version = MARIADB_ASSUMED;
        version_known = false;
    }
    let mut channels: Vec<ChannelView<'_>> = Vec::with_capacity(facts.channels.len());
    let mut because = Vec::with_capacity(facts.channels.len());
    let mut saw_gr = false;
    for c in &facts.channels {
        if is_group_replication(&c.name) {
            saw_gr = true;
            continue;
        }
        let view = ChannelView { name: &c.name, channel: Some(c), stmts: Vec::new() };
        if let Some(at) = view.anchor() {
            because.push(at);
        }
        channels.push(view);
    }
    // Built only when statements are to be placed (a table of channels needs none).
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    if !facts.change_sources.is_empty() {
        index.reserve(channels.len());
        for (i, v) in channels.iter().enumerate() {
            index.entry(v.name).or_insert(i);
        }
    }
    for s in &facts.change_sources {
        let name = s.channel.as_ref().map_or("", |c| c.value.as_str());
        if is_group_replication(name) {
            continue;
        }
        because.push(s.at);
        // Channels by name: one search per statement made thousands of channels quadratic (issue 18).
        match index.get(name) {
            Some(&i) => channels[i].stmts.push(s),
            None => {
                index.insert(name, channels.len());
                channels.push(ChannelView { name, channel: None, stmts: vec![s] });
            }
        }
    }
    for name in REPLICA_SETTINGS {
        let all = facts.settings.assignments(name);
        // A variable listed twice at runtime: the last value listed is the server's.
        let last_runtime = all.iter().rposition(|a| a.origin == Origin::Runtime);
        for (n, a) in all.iter().enumerate() {
            if a.origin == Origin::Runtime && Some(n) != last_runtime {
                continue;
            }
            let default = crate::facts::defaults::default_for(&a.name, version);
            let meaningful = match a.origin {
                // Every server shows these at runtime: only a deliberate replica-side value counts
                // (a source's SHOW VARIABLES with replica_parallel_workers = 0 is not a replica).
                Origin::Runtime if !RUNTIME_SIGNS.contains(name) => false,
                Origin::Runtime => {
                    let v = a.value.trim_ws();
                    !v.is_empty() && default.is_none_or(|d| !d.eq_ignore_ascii_case(v))
                }
                _ => true,
            };
            if meaningful {
                because.push(a.at);
            }
        }
    }
    for e in &facts.log_events {
        if is_replica_log_line(&e.message) {
            because.push(e.at);
        }
    }
    let conditional = because.is_empty();
    if conditional && (saw_gr || !shows_recipe_settings(facts)) {
        return if saw_gr { Scope::GroupReplication } else { Scope::NotReplica };
    }
    crate::sort::sort(&mut because);
    because.dedup();
    Scope::Replica(Replica {
        facts,
        version,
        version_known,
        channels,
        settings_shown: settings_shown(facts),
        conditional,
        because,
        mariadb: maria,
    })
}

/// True when the input shows a setting of the recipe (`sql::CHECKED`), or a complete `SHOW
/// VARIABLES`: when nothing shows whether the server replicates, the recipe is then checked anyway,
/// each finding conditional ("if this server is a replica…"). `server_id` and `log_bin` alone do
/// not count: every option file has them, and a restart question should not turn into a
/// replication review.
fn shows_recipe_settings(facts: &Facts) -> bool {
    facts.runtime_variables.len() >= FULL_SHOW_VARIABLES
        || super::sql::CHECKED.iter().any(|(n, recipe)| *recipe && !facts.settings.assignments(n).is_empty())
        || !facts.gtid_pos_tables.is_empty()
}

/// A full `SHOW VARIABLES` lists several hundred variables; a filtered one (`LIKE '%relay%'`) a
/// handful, and then an absent variable says nothing.
const FULL_SHOW_VARIABLES: usize = 200;

/// True when an unset setting may be taken to have its default: the input shows the server's
/// configuration (an option file or `mysqld-auto.cnf`) or a complete `SHOW VARIABLES`. A systemd
/// command line or a filtered `SHOW VARIABLES` alone does not count.
fn settings_shown(facts: &Facts) -> bool {
    let configured = facts.settings.names().any(|n| {
        facts
            .settings
            .assignments(n)
            .iter()
            .any(|a| matches!(a.origin, Origin::OptionFile | Origin::Persisted))
    });
    configured || facts.runtime_variables.len() >= FULL_SHOW_VARIABLES
}

impl<'a> Replica<'a> {
    /// The effective value of a setting now (runtime first), with whether it is known.
    pub fn val(&self, name: &str) -> Val {
        match self.facts.setting(name) {
            Some(s) if s.origin != Origin::Default => Val::Set(s),
            Some(s) if self.settings_shown => Val::Default(s),
            _ => Val::Unknown,
        }
    }

    /// The value the server will have at its next start: for options read only at startup
    /// (`relay_log_recovery`), the startup configuration (`mysqld-auto.cnf`, command line, option
    /// files) outranks what the running server shows.
    pub fn next_start(&self, name: &str) -> Val {
        let now = self.val(name);
        let Val::Set(s) = &now else { return now };
        let startup = s.history.iter().rev().find(|a| a.origin != Origin::Runtime);
        match startup {
            Some(a) if s.origin == Origin::Runtime => Val::Set(Setting {
                name: s.name.clone(),
                value: a.value.to_string(),
                origin: a.origin,
                at: Some(a.at),
                assignment: Some(a.clone()),
                history: s.history.clone(),
            }),
            _ => now,
        }
    }

    /// The runtime value, when it differs from the next-start value.
    pub fn pending_restart(&self, name: &str) -> Option<Setting> {
        let Val::Set(next) = self.next_start(name) else { return None };
        let Val::Set(now) = self.val(name) else { return None };
        (now.origin == Origin::Runtime && !now.value.eq_ignore_ascii_case(&next.value)).then_some(now)
    }

    /// `gtid_mode` is `ON`: `Some(true)`, another value: `Some(false)`, unknown: `None`.
    pub fn gtid_on(&self) -> Option<bool> {
        self.val("gtid_mode").upper().map(|v| v == "ON")
    }

    /// `log_bin` is on (`Some(true)`), off, or unknown (`None`).
    pub fn binlog_on(&self) -> Option<bool> {
        match self.val("log_bin") {
            Val::Unknown => None,
            v => v.value().map(|s| parse_bool(s).unwrap_or(!s.trim_ws().is_empty())),
        }
    }

    /// True/false when the replica writes a binary log of what it applies (`log_bin` and
    /// `log_replica_updates` both on); `None` when unknown.
    pub fn writes_binlog(&self) -> Option<bool> {
        let log_bin = self.binlog_on();
        let updates = self.val("log_replica_updates").as_bool();
        match (log_bin, updates) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        }
    }

    /// The number of applier workers (`replica_parallel_workers`), when known.
    pub fn workers(&self) -> Option<u64> {
        self.val("replica_parallel_workers").as_u64()
    }

    /// Commit order preserved by the multi-threaded applier: `replica_preserve_commit_order=ON`
    /// with `replica_parallel_type=LOGICAL_CLOCK` (and, before 8.0.19, a binary log with
    /// `log_replica_updates`).
    pub fn commit_order_preserved(&self) -> Option<bool> {
        let preserve = self.val("replica_preserve_commit_order").as_bool()?;
        if !preserve {
            return Some(false);
        }
        // From 8.3 the type variable is gone in some builds and LOGICAL_CLOCK is the only type.
        let ty = self.val("replica_parallel_type").upper();
        if let Some(t) = ty
            && t != "LOGICAL_CLOCK"
        {
            return Some(false);
        }
        if !self.version.at_least(8, 0, 19) {
            return self.writes_binlog();
        }
        Some(true)
    }

    /// Channels to judge one by one. With none shown, one unnamed placeholder (`None`).
    pub fn channel_slots(&self) -> Vec<Option<&ChannelView<'a>>> {
        if self.channels.is_empty() { vec![None] } else { self.channels.iter().map(Some).collect() }
    }

    /// True when the (detected or assumed) version is at least `a.b.c`.
    pub fn at_least(&self, a: u16, b: u16, c: u16) -> bool {
        self.version.at_least(a, b, c)
    }
}

#[cfg(test)]
pub(crate) mod testkit {
    //! Builders for unit tests: `Facts` values made by hand, without the parsers.
    use crate::facts::mysql::{Record, StatusDialect};
    use crate::facts::{Assignment, ChangeSourceStmt, Channel, Facts, Loc, Origin, Valued, Version};
    use crate::text::TextRange;

    /// A location unique per `n` (input 0, bytes n..n+1).
    pub fn loc(n: u32) -> Loc {
        Loc { input: 0, range: TextRange::new(n, n + 1) }
    }

    pub struct F {
        pub facts: Facts,
        next: u32,
    }

    impl F {
        pub fn new() -> F {
            F { facts: Facts::default(), next: 0 }
        }
        fn at(&mut self) -> Loc {
            self.next += 10;
            loc(self.next)
        }
        pub fn version(mut self, a: u16, b: u16, c: u16) -> F {
            let at = self.at();
            self.facts.server.version = Some(Valued::new(Version::new(a, b, c), at));
            self
        }
        pub fn set(mut self, origin: Origin, raw: &str, value: &str) -> F {
            let at = self.at();
            self.facts.settings.push(Assignment {
                name: crate::facts::settings::canonical_name(raw).into(),
                raw_name: raw.into(),
                value: value.into(),
                origin,
                at,
                group: (origin == Origin::OptionFile).then(|| "mysqld".into()),
            });
            self
        }
        pub fn cnf(self, raw: &str, value: &str) -> F {
            self.set(Origin::OptionFile, raw, value)
        }
        pub fn var(self, raw: &str, value: &str) -> F {
            self.set(Origin::Runtime, raw, value)
        }
        fn record(&mut self, fields: &[(&str, &str)]) -> Record {
            let at = self.at();
            let mut r = Record { at, ..Record::default() };
            for (k, v) in fields {
                let at = self.at();
                r.fields.insert((*k).to_owned(), Valued::new((*v).to_owned(), at));
            }
            r
        }
        fn channel_mut(&mut self, name: &str) -> &mut Channel {
            if !self.facts.channels.iter().any(|c| c.name == name) {
                self.facts.channels.push(Channel { name: name.to_owned(), ..Channel::default() });
            }
            self.facts.channels.iter_mut().find(|c| c.name == name).expect("just added")
        }
        /// A SHOW REPLICA STATUS (or SHOW SLAVE STATUS when a field starts with `Slave_`) row.
        pub fn status(mut self, name: &str, fields: &[(&str, &str)]) -> F {
            let mut all: Vec<(&str, &str)> = fields.to_vec();
            all.push(("Channel_Name", name));
            let legacy = fields.iter().any(|(k, _)| k.starts_with("Slave_") || k.starts_with("Master_"));
            let r = self.record(&all);
            let c = self.channel_mut(name);
            c.status = Some(Box::new(r));
            c.dialect = Some(if legacy { StatusDialect::Slave } else { StatusDialect::Replica });
            self
        }
        pub fn connection(mut self, name: &str, fields: &[(&str, &str)]) -> F {
            let r = self.record(fields);
            self.channel_mut(name).connection = Some(Box::new(r));
            self
        }
        pub fn applier(mut self, name: &str, fields: &[(&str, &str)]) -> F {
            let r = self.record(fields);
            self.channel_mut(name).applier = Some(Box::new(r));
            self
        }
        pub fn change(mut self, channel: Option<&str>, opts: &[(&str, &str)]) -> F {
            let at = self.at();
            let mut options = Vec::new();
            for (k, v) in opts {
                let a = self.at();
                options.push(((*k).to_owned(), Valued::new((*v).to_owned(), a)));
            }
            let ch = channel.map(|c| {
                let a = self.at();
                Valued::new(c.to_owned(), a)
            });
            let legacy = opts.iter().any(|(k, _)| k.starts_with("MASTER_"));
            self.facts.change_sources.push(ChangeSourceStmt { at, legacy, options, channel: ch });
            self
        }
        /// The manual's full recipe on 8.0.36, one channel.
        pub fn recipe(name: &str) -> F {
            F::new()
                .version(8, 0, 36)
                .cnf("gtid_mode", "ON")
                .cnf("enforce_gtid_consistency", "ON")
                .cnf("sync_relay_log", "1")
                .cnf("relay_log_recovery", "ON")
                .cnf("innodb_flush_log_at_trx_commit", "1")
                .status(
                    name,
                    &[
                        ("Replica_IO_Running", "Yes"),
                        ("Replica_SQL_Running", "Yes"),
                        ("Auto_Position", "1"),
                        ("Last_IO_Errno", "0"),
                        ("Last_SQL_Errno", "0"),
                    ],
                )
                .connection(name, &[("CHANNEL_NAME", name), ("AUTO_POSITION", "1"), ("GTID_ONLY", "1")])
                .applier(name, &[("CHANNEL_NAME", name), ("REQUIRE_ROW_FORMAT", "YES")])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::F;
    use super::*;

    #[test]
    fn nothing_shown_is_not_a_replica() {
        let f = F::new().version(8, 0, 36).var("server_id", "1").cnf("log_bin", "mysql-bin");
        assert!(matches!(scope(&f.facts), Scope::NotReplica));
    }

    #[test]
    fn recipe_settings_without_a_replica_are_checked_conditionally() {
        let f = F::new().version(8, 0, 36).var("sync_relay_log", "10000").var("relay_log_recovery", "OFF");
        let Scope::Replica(r) = scope(&f.facts) else { panic!("conditional replica expected") };
        assert!(r.conditional && r.channels.is_empty());
        let f = F::new().version(8, 0, 36).var("sync_relay_log", "1");
        let Scope::Replica(r) = scope(&f.facts) else { panic!("replica expected") };
        assert!(!r.conditional);
    }

    #[test]
    fn runtime_values_every_server_has_do_not_make_a_replica() {
        let f = F::new()
            .version(8, 0, 36)
            .var("replica_parallel_workers", "0")
            .var("master_info_repository", "FILE");
        assert!(matches!(scope(&f.facts), Scope::Replica(Replica { conditional: true, .. })));
        let f = F::new().version(8, 0, 36).var("sync_relay_log", "1");
        assert!(matches!(scope(&f.facts), Scope::Replica(_)));
    }

    #[test]
    fn replica_settings_or_rows_make_a_replica() {
        let f = F::new().var("relay_log_recovery", "ON");
        assert!(matches!(scope(&f.facts), Scope::Replica(_)));
        let f = F::new().cnf("sync_relay_log", "10000");
        assert!(matches!(scope(&f.facts), Scope::Replica(_)));
        let f = F::new().status("", &[("Slave_IO_Running", "Yes")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!("replica expected") };
        assert_eq!(r.channels.len(), 1);
        assert!(!r.settings_shown);
        assert!(matches!(r.val("sync_relay_log"), Val::Unknown));
        let f = F::new().change(Some("ch1"), &[("SOURCE_AUTO_POSITION", "1")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!("replica expected") };
        assert_eq!(r.channels[0].name, "ch1");
        assert_eq!(r.channels[0].auto_position().map(|v| v.value), Some(true));
    }

    #[test]
    fn group_replication_and_mariadb_are_out_of_scope() {
        let f = F::new().status("group_replication_applier", &[("Replica_IO_Running", "Yes")]);
        assert!(matches!(scope(&f.facts), Scope::GroupReplication));
        let f = F::new().version(10, 11, 6).status("", &[("Slave_IO_Running", "Yes")]);
        assert!(matches!(scope(&f.facts), Scope::Replica(Replica { mariadb: true, conditional: false, .. })));
    }

    #[test]
    fn mariadb_is_told_by_its_status_columns_and_keeps_its_position_by_gtid() {
        let f = F::new().status("db1", &[("Slave_IO_Running", "Yes"), ("Using_Gtid", "Slave_Pos")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!("replica expected") };
        assert!(r.mariadb && !r.version_known && r.version == MARIADB_ASSUMED);
        assert_eq!(r.channels[0].use_gtid().map(|v| v.value), Some(UseGtid::SlavePos));
        let f = F::new()
            .status("db1", &[("Slave_IO_Running", "Yes"), ("Using_Gtid", "No")])
            .change(Some("db1"), &[("MASTER_USE_GTID", "slave_pos")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!("replica expected") };
        assert_eq!(r.channels[0].use_gtid().map(|v| v.value), Some(UseGtid::SlavePos));
        let f = F::new().status("", &[("Slave_IO_Running", "Yes"), ("Using_Gtid", "Current_Pos")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!("replica expected") };
        assert_eq!(r.channels[0].use_gtid().map(|v| v.value), Some(UseGtid::CurrentPos));
    }

    #[test]
    fn later_statement_overrides_status_row() {
        let f = F::new().status("", &[("Auto_Position", "0")]).change(None, &[("MASTER_AUTO_POSITION", "1")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.channels[0].auto_position().map(|v| v.value), Some(true));
        let f = F::new().change(None, &[("MASTER_AUTO_POSITION", "1")]).status("", &[("Auto_Position", "0")]);
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.channels[0].auto_position().map(|v| v.value), Some(false));
    }

    #[test]
    fn defaults_apply_only_when_settings_are_shown() {
        let f = F::new().version(8, 0, 26).cnf("relay_log_recovery", "ON");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert!(r.val("replica_parallel_workers").is_default());
        assert_eq!(r.workers(), Some(0));
        let f = F::new().version(8, 0, 27).cnf("relay_log_recovery", "ON");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.workers(), Some(4));
        assert_eq!(r.commit_order_preserved(), Some(true));
    }

    #[test]
    fn a_filtered_show_variables_leaves_absent_variables_unknown() {
        let f = F::new().version(8, 0, 36).var("relay_log_recovery", "ON").var("sync_relay_log", "1");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert!(matches!(r.val("gtid_mode"), Val::Unknown));
        assert_eq!(r.val("sync_relay_log").as_u64(), Some(1));
        // with an option file, unset means default
        let f = F::new().version(8, 0, 36).var("relay_log_recovery", "ON").cnf("server_id", "2");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.val("gtid_mode").value(), Some("OFF"));
        // a complete SHOW VARIABLES too
        let mut f = F::new().version(8, 0, 36).var("relay_log_recovery", "ON");
        for k in 0..FULL_SHOW_VARIABLES {
            f = f.var(&format!("some_variable_{k}"), "x");
        }
        let names: Vec<String> = f.facts.settings.names().map(str::to_owned).collect();
        for n in names {
            f.facts.runtime_variables.extend(f.facts.settings.assignments(&n).iter().cloned());
        }
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert!(r.val("gtid_mode").is_default());
    }

    #[test]
    fn next_start_prefers_startup_configuration() {
        let f = F::new().var("relay_log_recovery", "OFF").cnf("relay_log_recovery", "ON");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.val("relay_log_recovery").as_bool(), Some(false));
        assert_eq!(r.next_start("relay_log_recovery").as_bool(), Some(true));
        assert!(r.pending_restart("relay_log_recovery").is_some());
    }

    #[test]
    fn binlog_writing() {
        let f = F::new().version(8, 0, 36).cnf("log-bin", "mysql-bin").cnf("relay_log_recovery", "ON");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.writes_binlog(), Some(true));
        let f = F::new().version(5, 7, 44).cnf("relay_log_recovery", "ON");
        let Scope::Replica(r) = scope(&f.facts) else { panic!() };
        assert_eq!(r.writes_binlog(), Some(false));
    }
}
