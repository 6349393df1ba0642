//! Effective settings with provenance and precedence.
//!
//! Precedence, highest first: runtime (`SHOW VARIABLES`, `SELECT @@x`) > persisted
//! (`mysqld-auto.cnf`) > command line (`ExecStart=` arguments) > option files (later group/line
//! wins) > the version's compiled-in default ([`super::defaults`]).
//!
//! Names are canonical: lower case, `-` → `_`, `loose_` stripped, and deprecated aliases mapped to
//! their current name (`slave_parallel_workers` → `replica_parallel_workers`). The name as written
//! is kept in [`Assignment::raw_name`] so fixes can speak the user's (or the version's) dialect.
//!
//! Which option-file groups count: mysqld reads `[mysqld]`, `[server]` and `[mysqld-X.Y]` for its
//! own release series `X.Y`; with `--defaults-group-suffix=S` also the same groups with `S`
//! appended (`[mysqld@replica1]`). MariaDB also reads `[mariadb]`, `[mariadbd]`, `[client-server]`,
//! `[galera]` and `[mariadb-X.Y]`. When the version, flavour or suffix is unknown, the groups that
//! depend on it are included and a note says so ([`Settings::notes`]).
//!
//! Several option files are applied in input order (the order MySQL reads them in — `/etc/my.cnf`,
//! `/etc/mysql/my.cnf`, `~/.my.cnf`, and `!include`d files at the directive — cannot be recovered
//! from pasted text).

use crate::i18n::{Key, k};
use crate::text::TrimWs;

use super::defaults::default_for;
use super::{Facts, Loc};
use crate::base::{Flavor, Version};
use crate::source::Source;
use crate::syntax::document::{DocKind, Document, Label, Parsed};
use crate::syntax::option_file::{self, OptionFile, OptionSyntax};
use crate::syntax::shell::{self, Mode};
use crate::text::{Interner, Shared, TextRange};
use std::collections::{HashMap, HashSet};

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
    pub name: Shared,
    /// The name as written (`slave-parallel-workers`, `loose_sync_relay_log`).
    pub raw_name: Shared,
    /// The decoded value (quotes removed; `skip-x` gives `OFF`; a bare boolean option gives `ON`).
    pub value: Shared,
    pub origin: Origin,
    pub at: Loc,
    /// For option files: the group (`mysqld`, `mysqld-8.0`, `server`…).
    pub group: Option<Shared>,
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
    /// True when nothing in the input set it: the value is the version's compiled-in default.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn is_default(&self) -> bool {
        self.origin == Origin::Default
    }
    /// The name as the effective assignment wrote it (`slave_parallel_workers`), else the canonical name.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn raw_name(&self) -> &str {
        self.assignment.as_ref().map(|a| &*a.raw_name).unwrap_or(&self.name)
    }
    /// The assignment the effective one overrides (the next lower in precedence or earlier in the
    /// same origin), for "overridden here" evidence.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn overrides(&self) -> Option<&Assignment> {
        let n = self.history.len();
        if n < 2 { None } else { self.history.get(n - 2) }
    }
    /// Every assignment the effective one overrides, lowest precedence first.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn overridden(&self) -> &[Assignment] {
        let n = self.history.len();
        self.history.get(..n.saturating_sub(1)).unwrap_or(&[])
    }
    /// The first assignment seen (lowest precedence, earliest), for "first set here" evidence.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn first_set(&self) -> Option<&Assignment> {
        self.history.first()
    }
    /// The last assignment of `origin`, if any.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn last_of(&self, origin: Origin) -> Option<&Assignment> {
        self.history.iter().rev().find(|a| a.origin == origin)
    }
    /// What the server is configured to start with: the highest-precedence assignment that is not
    /// a runtime value (persisted, command line or option file), if any.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn configured(&self) -> Option<&Assignment> {
        self.history.iter().rev().find(|a| a.origin != Origin::Runtime)
    }
    /// The configured assignment when it differs from the runtime value: the running server does not
    /// (yet) use it — it takes effect at the next restart (or was changed at runtime since).
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn pending_restart(&self) -> Option<&Assignment> {
        let runtime = self.last_of(Origin::Runtime)?;
        let conf = self.configured()?;
        if same_value(&runtime.value, &conf.value) { None } else { Some(conf) }
    }
    /// True when the value equals `other` as MySQL compares settings (booleans and sizes by meaning,
    /// other text ASCII case-insensitively).
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn is(&self, other: &str) -> bool {
        same_value(&self.value, other)
    }
}

/// All settings seen, by canonical name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Settings {
    map: HashMap<Shared, Vec<Assignment>>,
    /// One copy of each name, value and group seen (issue 18: repeated groups repeat them).
    strings: Interner,
    /// Notes about how the settings were resolved (assumed groups, missing includes…).
    notes: Vec<Label>,
    /// Notes about option-file group selection (recomputed when the group suffix becomes known).
    group_notes: Vec<Label>,
    /// The group suffix used to select option-file groups (`@replica1`), once known.
    suffix: Option<String>,
    /// Option-file groups mysqld reads, in input order (for fixes: where to add a line).
    server_groups: Vec<GroupRef>,
}

/// An option-file group that mysqld reads: where a `my-cnf` fix can add a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GroupRef {
    /// The file's path or name, when the input tells.
    pub path: Option<Shared>,
    /// The group name, lower case (`mysqld`, `mysqld-8.0`, `server`).
    pub group: Shared,
    /// The `[group]` header.
    pub header: Loc,
    /// The group's last option line (or the header when it has none): add new lines after it.
    pub last_line: Loc,
}

impl Settings {
    /// Records an assignment. Assignments of equal origin keep input order (later wins).
    pub fn push(&mut self, a: Assignment) {
        self.map.entry(a.name.clone()).or_default().push(a);
    }

    /// The effective setting for `name` (any spelling), falling back to `version`'s default.
    pub fn effective(&self, name: &str, version: Version) -> Option<Setting> {
        self.effective_where(name, version, |_| true)
    }

    /// The setting the server would start with after a restart: like [`Settings::effective`] but
    /// ignoring runtime values (`SHOW VARIABLES`). Read-only variables changed in an option file
    /// show their new value here.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn effective_at_start(&self, name: &str, version: Version) -> Option<Setting> {
        self.effective_where(name, version, |a| a.origin != Origin::Runtime)
    }

    fn effective_where(
        &self,
        name: &str,
        version: Version,
        keep: impl Fn(&Assignment) -> bool,
    ) -> Option<Setting> {
        let canon = canonical_name(name);
        let mut history: Vec<Assignment> = self
            .map
            .get(canon.as_str())
            .map(|l| l.iter().filter(|a| keep(a)).cloned().collect())
            .unwrap_or_default();
        // Stable: equal origins keep their order, so the last one wins.
        crate::sort::sort_by_key(&mut history, |a| a.origin);
        match history.last().cloned() {
            Some(top) => Some(Setting {
                name: canon,
                value: top.value.to_string(),
                origin: top.origin,
                at: Some(top.at),
                assignment: Some(top),
                history,
            }),
            None => default_for(&canon, version).map(|v| Setting {
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
        self.map.get(canonical_name(name).as_str()).map(Vec::as_slice).unwrap_or(&[])
    }

    /// All canonical names seen (in no particular order).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(|k| &**k)
    }

    /// True when some assignment of `origin` was seen (e.g. whether any option file was given).
    pub fn has_origin(&self, origin: Origin) -> bool {
        self.map.values().flatten().any(|a| a.origin == origin)
    }

    /// Notes for the report about how settings were resolved (catalog key and arguments).
    pub fn notes(&self) -> impl Iterator<Item = &Label> {
        self.group_notes.iter().chain(self.notes.iter())
    }

    /// Where a fix should add an option: the last `[mysqld]` group mysqld reads (else the last
    /// `[server]` or other group it reads), in the last option file given. `None` when no option
    /// file with such a group was given (a fix then shows a new `[mysqld]` section).
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn fix_target(&self) -> Option<&GroupRef> {
        self.server_groups
            .iter()
            .rev()
            .find(|g| &*g.group == "mysqld")
            .or_else(|| self.server_groups.iter().rev().find(|g| &*g.group == "server"))
            .or_else(|| self.server_groups.last())
    }

    /// Every option-file group mysqld reads, in input order.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn server_groups(&self) -> &[GroupRef] {
        &self.server_groups
    }

    /// The option-file group suffix in use (`@replica1`), when known.
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn group_suffix(&self) -> Option<&str> {
        self.suffix.as_deref()
    }

    fn note(&mut self, key: Key, args: Vec<(&'static str, String)>) {
        let l = Label { key, args };
        if !self.notes.contains(&l) {
            self.notes.push(l);
        }
    }

    fn retain(&mut self, keep: impl Fn(&Assignment) -> bool) {
        for list in self.map.values_mut() {
            list.retain(&keep);
        }
        self.map.retain(|_, l| !l.is_empty());
    }
}

/// True when two setting values mean the same: both booleans, both sizes, or equal text (ASCII
/// case-insensitive, trimmed).
#[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
pub(crate) fn same_value(a: &str, b: &str) -> bool {
    if let (Some(x), Some(y)) = (parse_bool(a), parse_bool(b)) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (parse_size(a), parse_size(b)) {
        return x == y;
    }
    a.trim_ws().eq_ignore_ascii_case(b.trim_ws())
}

/// Canonical form of a variable or option name: trimmed, lower case, `-` → `_`, without a `loose_`
/// prefix, deprecated aliases mapped to current names.
pub(crate) fn canonical_name(name: &str) -> String {
    let mut n = name.trim_ws().to_ascii_lowercase().replace('-', "_");
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
        // Further 8.0.26 renames (8.0 manual; not listed in `mysql-facts.md`).
        "rpl_stop_slave_timeout" => "rpl_stop_replica_timeout",
        "sql_slave_skip_counter" => "sql_replica_skip_counter",
        "pseudo_slave_mode" => "pseudo_replica_mode",
        "show_slave_auth_info" => "show_replica_auth_info",
        _ => return None,
    })
}

pub(crate) use crate::base::parse_bool;

/// Parses a number with an optional `K/M/G/T/P/E` suffix (powers of 1024, case-insensitive).
pub(crate) fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim_ws();
    let (num, mult) = match t.chars().last()? {
        'k' | 'K' => (&t[..t.len() - 1], 1u64 << 10),
        'm' | 'M' => (&t[..t.len() - 1], 1u64 << 20),
        'g' | 'G' => (&t[..t.len() - 1], 1u64 << 30),
        't' | 'T' => (&t[..t.len() - 1], 1u64 << 40),
        'p' | 'P' => (&t[..t.len() - 1], 1u64 << 50),
        'e' | 'E' => (&t[..t.len() - 1], 1u64 << 60),
        _ => (t, 1),
    };
    num.trim_ws().parse::<u64>().ok()?.checked_mul(mult)
}

/// Whether mysqld reads an option-file group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GroupUse {
    /// Read.
    Read,
    /// Not read by mysqld (a client group, another series, another instance's suffix, the other flavour).
    Ignored,
    /// `[mysqld-X.Y]` with the version unknown: included, assuming it matches.
    AssumedVersion,
    /// `[mysqld@x]` with no `--defaults-group-suffix` seen: included, assuming it is this instance's.
    AssumedSuffix,
    /// A MariaDB-only group with the flavour unknown: included, assuming MariaDB.
    AssumedFlavor,
}

/// Whether mysqld (of `version` and `flavor`, started with group suffix `suffix`) reads `group`
/// (lower case). `None` means unknown.
pub(crate) fn mysqld_group_use(
    group: &str,
    version: Option<Version>,
    flavor: Option<Flavor>,
    suffix: Option<&str>,
) -> GroupUse {
    let (base, via_suffix) = match suffix {
        Some(sfx)
            if !sfx.is_empty() && group.len() > sfx.len() && group.ends_with(&sfx.to_ascii_lowercase()) =>
        {
            (&group[..group.len() - sfx.len()], GroupUse::Read)
        }
        Some(_) => (group, GroupUse::Read),
        None => match group.split_once('@') {
            Some((b, s)) if !s.is_empty() => (b, GroupUse::AssumedSuffix),
            _ => (group, GroupUse::Read),
        },
    };
    if suffix.is_some() && base.contains('@') {
        // Another instance's group.
        return GroupUse::Ignored;
    }
    let combine = |u: GroupUse| if u == GroupUse::Read { via_suffix } else { u };
    match base {
        "mysqld" | "server" => return combine(GroupUse::Read),
        "mariadb" | "mariadbd" | "client-server" | "galera" => {
            return combine(match flavor {
                Some(Flavor::MariaDb) => GroupUse::Read,
                Some(_) => GroupUse::Ignored,
                None => GroupUse::AssumedFlavor,
            });
        }
        _ => {}
    }
    for (stem, mariadb_only) in [("mysqld-", false), ("mariadb-", true), ("mariadbd-", true)] {
        let Some(series) = base.strip_prefix(stem) else { continue };
        if !option_file::is_series(series) {
            return GroupUse::Ignored;
        }
        if mariadb_only && matches!(flavor, Some(Flavor::MySql | Flavor::Percona)) {
            return GroupUse::Ignored;
        }
        let by_version = match version {
            Some(v) if v.series() == series => GroupUse::Read,
            Some(_) => GroupUse::Ignored,
            None => GroupUse::AssumedVersion,
        };
        if by_version == GroupUse::Read && mariadb_only && flavor.is_none() {
            return combine(GroupUse::AssumedFlavor);
        }
        return combine(by_version);
    }
    GroupUse::Ignored
}

/// True for groups that only a server reads (used to say "this group is not read" only where a
/// user might expect it to be).
fn is_server_group(base: &str) -> bool {
    let base = base.split('@').next().unwrap_or(base);
    matches!(base, "mysqld" | "server" | "mariadb" | "mariadbd" | "client-server" | "galera")
        || ["mysqld-", "mariadb-", "mariadbd-"].iter().any(|s| base.starts_with(s))
}

/// Adds option-file, `mysqld-auto.cnf` and command-line assignments, and the runtime variables
/// collected by `mysql::collect`, to `f.settings`.
///
/// Runs before the unit is known, so `[mysqld@suffix]` groups are included on assumption here;
/// [`collect_command_line`] re-selects them once `ExecStart=` shows the suffix.
pub(crate) fn collect(f: &mut Facts, sources: &[Source<'_>], docs: &[Document]) {
    for a in f.runtime_variables.clone() {
        f.settings.push(a);
    }
    collect_option_files(f, sources, docs);
    collect_persisted(f, docs);
    note_missing_includes(f, sources, docs);
}

/// The option-file assignments mysqld reads, in input order, with group selection notes.
fn collect_option_files(f: &mut Facts, sources: &[Source<'_>], docs: &[Document]) {
    let detected = f.server.version.as_ref().map(|v| v.value);
    let flavor = f.server.flavor.as_ref().map(|v| v.value);
    let suffix = f.settings.suffix.clone();
    // Groups of several instances (`[mysqld@a]`, `[mysqld@b]`) with the suffix unknown: include
    // none of them. Groups of several release series with the version unknown: use the series of
    // the assumed version rather than letting the last one win.
    let mut suffixes: Vec<String> = Vec::new();
    let mut series: Vec<String> = Vec::new();
    for d in docs {
        let Parsed::OptionFile(of) = &d.parsed else { continue };
        for g in &of.groups {
            let (base, sfx) = g.name.split_once('@').unwrap_or((&*g.name, ""));
            if suffix.is_none() && !sfx.is_empty() && is_server_group(base) {
                let s = format!("@{sfx}");
                if !suffixes.contains(&s) {
                    suffixes.push(s);
                }
            }
            if let Some(x) = base.strip_prefix("mysqld-").filter(|x| option_file::is_series(x))
                && !series.iter().any(|s| s == x)
            {
                series.push(x.to_owned());
            }
        }
    }
    let ambiguous = suffixes.len() > 1;
    let several_series = detected.is_none() && series.len() > 1;
    let version = if several_series { Some(crate::base::ASSUMED) } else { detected };
    let mut group_notes: Vec<Label> = Vec::new();
    if ambiguous {
        group_notes.push(Label {
            key: k::OPTIONS_NOTE_SUFFIX_AMBIGUOUS,
            args: vec![("suffixes", suffixes.join(", "))],
        });
    }
    // Groups per note kind, each as "[group] (file)", so that one note lists them all.
    // (`seen` keeps the check for an item already listed constant-time with thousands of groups.)
    let mut listed: Vec<(Key, Vec<String>)> = Vec::new();
    let mut seen: HashSet<(Key, String)> = HashSet::new();
    let mut list = |key: Key, item: String| {
        if !seen.insert((key, item.clone())) {
            return;
        }
        match listed.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(item),
            None => listed.push((key, vec![item])),
        }
    };
    let mut server_groups: Vec<GroupRef> = Vec::new();
    let mut misplaced: Vec<Label> = Vec::new();
    let mut misplaced_seen: HashSet<Vec<(&'static str, String)>> = HashSet::new();
    for d in docs {
        let Parsed::OptionFile(of) = &d.parsed else { continue };
        let file = doc_display_name(sources, d, of);
        if of.syntax == OptionSyntax::File {
            // Each group's last entry, from one pass over the entries (issue 18: one scan per
            // group made 80,000 repeated `[mysqld]` groups quadratic).
            let mut last_entry: Vec<Option<TextRange>> = vec![None; of.groups.len()];
            for e in &of.entries {
                if let Some(slot) = e.group.and_then(|gi| last_entry.get_mut(gi as usize)) {
                    *slot = Some(e.range);
                }
            }
            let path: Option<Shared> = of.path.as_deref().or(d.name.as_deref()).map(Shared::from);
            for (gi, g) in of.groups.iter().enumerate() {
                let usage = mysqld_group_use(&g.name, version, flavor, suffix.as_deref());
                if usage == GroupUse::Ignored || (ambiguous && usage == GroupUse::AssumedSuffix) {
                    continue;
                }
                let last = last_entry[gi].unwrap_or(g.header);
                server_groups.push(GroupRef {
                    path: path.clone(),
                    group: g.name.clone(),
                    header: Loc { input: d.input, range: g.header },
                    last_line: Loc { input: d.input, range: last },
                });
            }
        }
        if of.syntax == OptionSyntax::PrintDefaults {
            let reads =
                |g: &str| mysqld_group_use(g, version, flavor, suffix.as_deref()) != GroupUse::Ignored;
            collect_print_defaults(f, sources, d, of, reads, &mut list);
            continue;
        }
        for e in &of.entries {
            let Some(group) = of.group_of(e) else { continue };
            let mut usage = mysqld_group_use(group, version, flavor, suffix.as_deref());
            if usage == GroupUse::AssumedSuffix && ambiguous {
                usage = GroupUse::Ignored;
            }
            let item = format!("[{group}] ({file})");
            match usage {
                GroupUse::Read => {}
                GroupUse::Ignored => {
                    let canon = canonical_name(&e.option);
                    if !is_server_group(group)
                        && !is_mysqld_multi_group(group)
                        && SERVER_ONLY.contains(&canon.as_str())
                    {
                        let l = Label {
                            key: k::OPTIONS_NOTE_SERVER_OPTION_IN_OTHER_GROUP,
                            args: vec![
                                ("key", e.key.to_string()),
                                ("group", format!("[{group}]")),
                                ("file", file.clone()),
                            ],
                        };
                        if misplaced_seen.insert(l.args.clone()) {
                            misplaced.push(l);
                        }
                    }
                    if is_server_group(group) && !(ambiguous && group.contains('@')) {
                        let base = group.split('@').next().unwrap_or(group);
                        let key = match version {
                            Some(_) if base.contains('.') => k::OPTIONS_NOTE_GROUP_IGNORED_VERSION,
                            _ => k::OPTIONS_NOTE_GROUP_IGNORED,
                        };
                        list(key, item);
                    }
                    continue;
                }
                GroupUse::AssumedVersion => list(k::OPTIONS_NOTE_GROUP_ASSUMED_VERSION, item),
                GroupUse::AssumedSuffix => list(k::OPTIONS_NOTE_GROUP_ASSUMED_SUFFIX, item),
                GroupUse::AssumedFlavor => list(k::OPTIONS_NOTE_GROUP_ASSUMED_FLAVOR, item),
            }
            push_option(f, d.input, e, Origin::OptionFile, Some(group.to_owned()), &file);
        }
    }
    let version_text = version.map(|v| v.to_string()).unwrap_or_default();
    for (key, items) in listed {
        let key = if several_series && key == k::OPTIONS_NOTE_GROUP_IGNORED_VERSION {
            k::OPTIONS_NOTE_GROUP_SERIES_ASSUMED
        } else {
            key
        };
        group_notes
            .push(Label { key, args: vec![("groups", items.join(", ")), ("version", version_text.clone())] });
    }
    group_notes.extend(misplaced);
    f.settings.group_notes = group_notes;
    f.settings.server_groups = server_groups;
}

/// Server variables that only mysqld reads (the ones the rules judge): set in a client or
/// `mysqld_safe` group they do nothing, which is worth saying.
const SERVER_ONLY: &[&str] = &[
    "sync_relay_log",
    "sync_relay_log_info",
    "sync_source_info",
    "sync_binlog",
    "innodb_flush_log_at_trx_commit",
    "relay_log_recovery",
    "relay_log_purge",
    "relay_log_info_repository",
    "master_info_repository",
    "gtid_mode",
    "enforce_gtid_consistency",
    "replica_parallel_workers",
    "replica_parallel_type",
    "replica_preserve_commit_order",
    "log_replica_updates",
    "binlog_format",
    "server_id",
    "clone_valid_donor_list",
    "persisted_globals_load",
    "daemonize",
];

/// `[mysqld1]`, `[mysqld2]`…: instances started by `mysqld_multi`.
fn is_mysqld_multi_group(g: &str) -> bool {
    g.strip_prefix("mysqld").is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
}

/// `my_print_defaults` output: the groups were chosen on its command line. When they include a
/// group mysqld reads (or are unknown), the options count as option-file assignments.
fn collect_print_defaults(
    f: &mut Facts,
    sources: &[Source<'_>],
    d: &Document,
    of: &OptionFile,
    reads: impl Fn(&str) -> bool,
    list: &mut impl FnMut(Key, String),
) {
    let groups = &of.requested_groups;
    let server = groups.is_empty() || groups.iter().any(|g| reads(g));
    if !server {
        return;
    }
    if groups.is_empty() {
        list(k::OPTIONS_NOTE_PRINT_DEFAULTS_GROUPS_UNKNOWN, doc_display_name(sources, d, of));
    }
    let group = if groups.len() == 1 { groups.first().cloned() } else { None };
    let file = doc_display_name(sources, d, of);
    for e in &of.entries {
        push_option(f, d.input, e, Origin::OptionFile, group.clone(), &file);
    }
}

/// A short name for notes: the document's path, else `input:line` where it starts.
fn doc_display_name(sources: &[Source<'_>], d: &Document, of: &OptionFile) -> String {
    of.path.clone().or_else(|| d.name.clone()).unwrap_or_else(|| {
        let input =
            sources.get(d.input).map(|s| s.name.to_owned()).unwrap_or_else(|| format!("#{}", d.input + 1));
        format!("{input}:{}", d.line_start)
    })
}

/// Pushes one option (file line, `my_print_defaults` line or command-line argument).
fn push_option(
    f: &mut Facts,
    input: usize,
    e: &option_file::Entry,
    origin: Origin,
    group: Option<String>,
    file: &str,
) {
    let name = canonical_name(&e.option);
    let mut value: &str = &e.value;
    if name == "log_bin" && e.prefix.is_none() {
        // `log-bin[=basename]` turns binary logging on whatever the value: `log_bin = OFF` names
        // the files `OFF.000001`. Only `skip-log-bin` / `disable-log-bin` turn it off.
        if let Some(v) = e.raw_value.as_deref().filter(|v| parse_bool(v).is_some()) {
            f.settings.note(
                k::OPTIONS_NOTE_LOG_BIN_BASENAME,
                vec![("value", v.to_owned()), ("file", file.to_owned()), ("key", e.key.to_string())],
            );
        }
        value = "ON";
    }
    let s = &mut f.settings.strings;
    let a = Assignment {
        name: s.get(&name),
        raw_name: s.get(&e.key),
        value: s.get(value),
        origin,
        at: Loc { input, range: e.range },
        group: group.map(|g| s.get(&g)),
    };
    f.settings.push(a);
}

/// `mysqld-auto.cnf` variables as persisted assignments, unless `persisted_globals_load` is OFF.
fn collect_persisted(f: &mut Facts, docs: &[Document]) {
    let v = f.version_or_assumed();
    // Read-only: a runtime value shows how the server was started; otherwise the configuration.
    let load = f.settings.effective_where("persisted_globals_load", v, |a| a.origin != Origin::Persisted);
    let disabled = load.as_ref().is_some_and(|s| s.as_bool() == Some(false));
    for d in docs {
        let Parsed::AutoCnf(ac) = &d.parsed else { continue };
        if disabled {
            f.settings.note(k::OPTIONS_NOTE_PERSIST_NOT_LOADED, vec![("count", ac.vars.len().to_string())]);
            continue;
        }
        if ac.encrypted_sensitive {
            f.settings.note(k::OPTIONS_NOTE_PERSIST_ENCRYPTED, vec![]);
        }
        for var in &ac.vars {
            let Some(value) = var.value.clone() else { continue };
            f.settings.push(Assignment {
                name: canonical_name(&var.name).into(),
                raw_name: var.name.as_str().into(),
                value: value.into(),
                origin: Origin::Persisted,
                at: Loc { input: d.input, range: var.range },
                group: None,
            });
        }
    }
}

/// Notes `!include` / `!includedir` targets that are not among the inputs.
fn note_missing_includes(f: &mut Facts, sources: &[Source<'_>], docs: &[Document]) {
    let mut names: Vec<&str> = sources.iter().map(|s| s.name).collect();
    for d in docs {
        if let Some(n) = d.name.as_deref() {
            names.push(n);
        }
    }
    for d in docs {
        let Parsed::OptionFile(of) = &d.parsed else { continue };
        for inc in &of.includes {
            let found = if inc.dir {
                let dir = inc.path.trim_end_matches('/');
                names
                    .iter()
                    .any(|n| n.strip_prefix(dir).is_some_and(|r| r.starts_with('/') && r.ends_with(".cnf")))
            } else {
                names.iter().any(|n| *n == inc.path)
            };
            if found {
                continue;
            }
            let (directive, command) = if inc.dir {
                let dir = inc.path.trim_end_matches('/');
                (format!("!includedir {}", inc.path), format!("cat {dir}/*.cnf"))
            } else {
                (format!("!include {}", inc.path), format!("cat {}", inc.path))
            };
            f.settings.note(
                k::OPTIONS_NOTE_INCLUDE_MISSING,
                vec![
                    ("directive", directive),
                    ("file", doc_display_name(sources, d, of)),
                    ("command", command),
                ],
            );
        }
    }
}

/// Options of the mysqld command line that choose option files rather than set variables.
const FILE_OPTIONS: &[&str] = &[
    "defaults_file",
    "defaults_extra_file",
    "defaults_group_suffix",
    "no_defaults",
    "print_defaults",
    "login_path",
    "no_login_paths",
];

/// `mysqld_safe` options that it keeps for itself (not passed to mysqld).
const SAFE_ONLY_OPTIONS: &[&str] = &[
    "mysqld",
    "mysqld_version",
    "ledir",
    "malloc_lib",
    "nice",
    "timezone",
    "syslog",
    "syslog_tag",
    "core_file_size",
    "flush_caches",
    "numa_interleave",
    "skip_kill_mysqld",
];

/// Adds the mysqld options on the unit's `ExecStart=` as [`Origin::CommandLine`] assignments,
/// re-selects option-file groups when `--defaults-group-suffix` is given, and drops option files
/// when `--no-defaults` is. Call after `unit::collect`.
pub(crate) fn collect_command_line(f: &mut Facts, sources: &[Source<'_>], docs: &[Document]) {
    let found = unit_command_line(f, sources).or_else(|| container_command_line(f, sources));
    let Some((args, env_missing)) = found else { return };
    apply_command_line(f, sources, docs, &args, env_missing);
}

/// The mysqld arguments of the unit's last `ExecStart=` that runs mysqld (or `mysqld_safe`), with
/// `$VAR`s expanded from `Environment=` and pasted `EnvironmentFile=` files; and whether some
/// `EnvironmentFile=` was not pasted.
fn unit_command_line(f: &Facts, sources: &[Source<'_>]) -> Option<(Vec<Arg>, bool)> {
    let unit = f.unit.as_ref()?;
    let instance = unit
        .name
        .as_deref()
        .and_then(|n| n.split_once('@'))
        .map(|(_, r)| r.rsplit_once('.').map(|(i, _)| i).unwrap_or(r).to_owned())
        .filter(|i| !i.is_empty());
    let mut env: Vec<(String, String, Loc)> =
        unit.environment.iter().map(|e| (e.name.clone(), e.value.clone(), e.at)).collect();
    // systemd: values from EnvironmentFile= override Environment= (later files win).
    let mut env_missing = false;
    for ef in &unit.environment_files {
        match f.containers.env_file(&ef.value) {
            Some(pf) => env.extend(pf.env.iter().map(|(n, v)| (n.clone(), v.value.clone(), v.at))),
            None => env_missing = true,
        }
    }
    // The last ExecStart= that runs mysqld (ExecStartPre= lines are not in `exec_start`).
    let mut cmd: Option<Vec<Arg>> = None;
    for es in &unit.exec_start {
        let args = exec_args(sources, &es.value, es.at, &env, instance.as_deref());
        if let Some(k) = args.iter().position(|a| is_mysqld_program(&a.text)) {
            let safe = is_mysqld_safe(&args[k].text);
            cmd = Some(
                args.into_iter()
                    .skip(k + 1)
                    .map(|mut a| {
                        a.safe = safe;
                        a
                    })
                    .collect(),
            );
        }
    }
    cmd.map(|c| (c, env_missing))
}

/// The mysqld arguments of the server container's command (`docker run … mysql:8.0 --x=y`,
/// compose `command:`, Kubernetes `args:`): the entrypoint passes arguments starting with `-` to
/// mysqld, and a command starting with `mysqld` is mysqld's own command line.
fn container_command_line(f: &Facts, sources: &[Source<'_>]) -> Option<(Vec<Arg>, bool)> {
    let def = f.containers.server()?;
    let cmd = def.command.as_ref()?;
    let v = cmd.value.trim_ws();
    let args: Vec<Arg> = if let Some(list) = v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        // A YAML/JSON list: `["--a=1", "--b"]`.
        list.split(',')
            .map(|w| w.trim_ws().trim_matches(['"', '\'']))
            .filter(|w| !w.is_empty())
            .map(|w| Arg { text: w.to_owned(), at: cmd.at, unresolved: None, safe: false })
            .collect()
    } else {
        exec_args(sources, &cmd.value, cmd.at, &[], None)
    };
    let first = args.first()?;
    if is_mysqld_program(&first.text) {
        let safe = is_mysqld_safe(&first.text);
        let rest = args
            .into_iter()
            .skip(1)
            .map(|mut a| {
                a.safe = safe;
                a
            })
            .collect();
        return Some((rest, false));
    }
    if first.text.starts_with('-') { Some((args, false)) } else { None }
}

/// Records the mysqld arguments: option-file options (`--defaults-group-suffix`, `--no-defaults`,
/// `--defaults-file`) change how option files are read; the others are command-line assignments.
fn apply_command_line(
    f: &mut Facts,
    sources: &[Source<'_>],
    docs: &[Document],
    args: &[Arg],
    env_missing: bool,
) {
    let mut entries: Vec<(option_file::Entry, Loc)> = Vec::new();
    let mut suffix: Option<String> = None;
    let mut no_defaults = false;
    let mut defaults_file: Option<String> = None;
    for a in args {
        if let Some(var) = &a.unresolved {
            if env_missing {
                f.settings.note(k::OPTIONS_NOTE_EXEC_VAR_UNKNOWN, vec![("var", var.clone())]);
            }
            continue;
        }
        let Some(rest) = a.text.strip_prefix("--") else { continue };
        let (key, value) = match rest.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (rest, None),
        };
        let (loose, prefix, option) = option_file::split_key(key);
        if FILE_OPTIONS.contains(&option.as_str()) {
            match option.as_str() {
                "defaults_group_suffix" => suffix = value.map(str::to_owned),
                "no_defaults" => no_defaults = true,
                "defaults_file" => defaults_file = value.map(str::to_owned),
                _ => {}
            }
            continue;
        }
        if a.safe && SAFE_ONLY_OPTIONS.contains(&option.as_str()) {
            continue;
        }
        let decoded = value.map(str::to_owned);
        let effective = match (prefix, decoded.as_deref()) {
            (Some(option_file::Prefix::Skip | option_file::Prefix::Disable), _) => "OFF".to_owned(),
            (Some(option_file::Prefix::Enable), Some("0")) => "OFF".to_owned(),
            (Some(option_file::Prefix::Enable), _) | (_, None) => "ON".to_owned(),
            (_, Some(v)) => v.to_owned(),
        };
        let entry = option_file::Entry {
            group: None,
            key: key.into(),
            key_range: a.at.range,
            option: option.into(),
            loose,
            prefix,
            raw_value: decoded.map(Shared::from),
            value_range: None,
            value: effective.into(),
            range: a.at.range,
        };
        entries.push((entry, a.at));
    }
    // Re-select option-file groups with the suffix now known.
    let unresolved =
        suffix.as_ref().filter(|s| s.contains('%') || s.contains('$') || s.as_str() == "@").cloned();
    if let Some(raw) = unresolved {
        // `--defaults-group-suffix=@%I` in a template unit whose instance is unknown.
        let had_ambiguous = f.settings.group_notes.iter().any(|l| l.key == k::OPTIONS_NOTE_SUFFIX_AMBIGUOUS);
        f.settings.group_notes.retain(|l| l.key != k::OPTIONS_NOTE_SUFFIX_AMBIGUOUS);
        if had_ambiguous
            || f.settings.group_notes.iter().any(|l| l.key == k::OPTIONS_NOTE_GROUP_ASSUMED_SUFFIX)
        {
            f.settings.note(k::OPTIONS_NOTE_SUFFIX_UNRESOLVED, vec![("suffix", raw)]);
        }
    }
    let suffix = suffix.filter(|s| !s.contains('%') && !s.contains('$') && s.len() > 1);
    if suffix.is_some() && suffix != f.settings.suffix {
        f.settings.suffix = suffix;
        f.settings.retain(|a| a.origin != Origin::OptionFile);
        // Keep notes that are not about option files' content order; re-collect the files.
        let keep: Vec<Label> =
            f.settings.notes.iter().filter(|l| l.key != k::OPTIONS_NOTE_LOG_BIN_BASENAME).cloned().collect();
        f.settings.notes = keep;
        collect_option_files(f, sources, docs);
    }
    if no_defaults && f.settings.has_origin(Origin::OptionFile) {
        f.settings.retain(|a| a.origin != Origin::OptionFile);
        f.settings.group_notes.clear();
        f.settings.server_groups.clear();
        f.settings.note(k::OPTIONS_NOTE_NO_DEFAULTS, vec![]);
    }
    if let Some(path) = defaults_file {
        let other: Vec<String> = docs
            .iter()
            .filter(|d| d.kind == DocKind::OptionFile)
            .filter_map(|d| d.name.clone())
            .filter(|n| n.starts_with('/') && *n != path)
            .collect();
        if !other.is_empty() {
            f.settings.note(k::OPTIONS_NOTE_DEFAULTS_FILE, vec![("path", path), ("files", other.join(", "))]);
        }
    }
    let file = "ExecStart".to_owned();
    for (e, at) in entries {
        push_option(f, at.input, &e, Origin::CommandLine, None, &file);
    }
    // `persisted_globals_load=OFF` on the command line: mysqld-auto.cnf is not read.
    let off = f
        .settings
        .assignments("persisted_globals_load")
        .iter()
        .any(|a| a.origin == Origin::CommandLine && parse_bool(&a.value) == Some(false));
    if off && f.settings.has_origin(Origin::Persisted) {
        let n = f.settings.map.values().flatten().filter(|a| a.origin == Origin::Persisted).count();
        f.settings.retain(|a| a.origin != Origin::Persisted);
        f.settings.note(k::OPTIONS_NOTE_PERSIST_NOT_LOADED, vec![("count", n.to_string())]);
    }
}

/// One word of an `ExecStart=` command line, after quote removal and variable expansion.
#[derive(Clone, Debug)]
struct Arg {
    text: String,
    at: Loc,
    /// `$VAR` / `${VAR}` not defined by the unit's `Environment=`.
    unresolved: Option<String>,
    /// The program is `mysqld_safe`.
    safe: bool,
}

fn is_mysqld_program(word: &str) -> bool {
    let w = word.trim_start_matches(['@', '-', '+', '!', ':']);
    let base = w.rsplit('/').next().unwrap_or(w);
    matches!(
        base,
        "mysqld"
            | "mysqld-debug"
            | "mariadbd"
            | "mysqld.exe"
            | "mysqld_safe"
            | "mariadbd-safe"
            | "mariadb-safe"
    )
}

fn is_mysqld_safe(word: &str) -> bool {
    word.ends_with("mysqld_safe") || word.ends_with("-safe")
}

/// The arguments of an `ExecStart=` value as systemd builds them: the words of
/// [`Mode::SystemdExec`] (quotes, C escapes); in each decoded word the specifiers `%i`/`%I` (the
/// instance name) and `%%` (`%`; others are kept); then the environment (systemd.service(5)
/// "Command lines"): a word that is only `$VAR` becomes the variable's value split at white space
/// (located at its `Environment=` line), `${VAR}` — and `$VAR` inside a longer word — its value,
/// `$$` a `$`. A `systemctl show` value (`{ path=… ; argv[]=… ; … }`) is reduced to its `argv[]`
/// part. Arguments are located at their raw words when the value is written verbatim in the input
/// (see [`verbatim_at`]), else at `at`.
fn exec_args(
    sources: &[Source<'_>],
    value: &str,
    at: Loc,
    env: &[(String, String, Loc)],
    instance: Option<&str>,
) -> Vec<Arg> {
    let (line, line_off) = match value.find("argv[]=") {
        Some(k) => {
            let v = &value[k + "argv[]=".len()..];
            (v.get(..v.find(" ;").unwrap_or(v.len())).unwrap_or(v), k + "argv[]=".len())
        }
        None => (value, 0),
    };
    let base = verbatim_at(sources, at, value).map(|b| b + line_off as u32);
    let arg = |text: String, at: Loc, unresolved: Option<String>| Arg { text, at, unresolved, safe: false };
    let mut out = Vec::new();
    for w in shell::words(line, Mode::SystemdExec) {
        let wat = match base {
            Some(b) => Loc { input: at.input, range: TextRange::new(b + w.raw.start, b + w.raw.end) },
            None => at,
        };
        let word = specifiers(&w.value, instance);
        let lookup = |name: &str| env.iter().rev().find(|(n, _, _)| n == name);
        // `$VAR` alone: its value split at white space.
        let alone = word.strip_prefix('$').filter(|n| !n.is_empty() && n.bytes().all(is_name_byte));
        if let Some(name) = alone {
            match lookup(name) {
                Some((_, val, vat)) => {
                    out.extend(val.split_whitespace().map(|x| arg(x.to_owned(), *vat, None)));
                }
                None => out.push(arg(String::new(), wat, Some(name.to_owned()))),
            }
            continue;
        }
        let (text, unset) = expand_in_word(&word, |n| lookup(n).map(|(_, v, _)| v.as_str()));
        match unset {
            Some(name) if text.is_empty() => out.push(arg(text, wat, Some(name))),
            _ => out.push(arg(text, wat, None)),
        }
    }
    out
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where `value` starts in its input, when it is written there verbatim: the value of a one-line
/// `ExecStart=…` entry (the tail of `at`), a container command, or the `argv[]=` field of a
/// `systemctl show` line (`at` is the property line there).
fn verbatim_at(sources: &[Source<'_>], at: Loc, value: &str) -> Option<u32> {
    let text = sources.get(at.input)?.slice(at.range);
    if text.ends_with(value) {
        return Some(at.range.end - value.len() as u32);
    }
    let k = text.find("argv[]=")? + "argv[]=".len();
    text.get(k..)?.starts_with(value).then(|| at.range.start + k as u32)
}

/// systemd's specifiers in a decoded word: `%i` and `%I` become the instance name (kept as written
/// without one), `%%` a `%`; any other `%` is kept.
fn specifiers(word: &str, instance: Option<&str>) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    while let Some(k) = rest.find('%') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        match after.as_bytes().first() {
            Some(b'i') => out.push_str(instance.unwrap_or("%i")),
            Some(b'I') => out.push_str(instance.unwrap_or("%I")),
            Some(b'%') => out.push('%'),
            _ => {
                out.push('%');
                rest = after;
                continue;
            }
        }
        rest = &after[1..];
    }
    out.push_str(rest);
    out
}

/// `${VAR}` and `$VAR` inside a word replaced by their values (nothing when unset), `$$` by `$`.
/// Returns the text and the last variable that was not set.
fn expand_in_word<'e>(word: &str, lookup: impl Fn(&str) -> Option<&'e str>) -> (String, Option<String>) {
    let mut out = String::with_capacity(word.len());
    let mut unset = None;
    let mut rest = word;
    while let Some(k) = rest.find('$') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        if let Some(r) = after.strip_prefix('$') {
            out.push('$');
            rest = r;
            continue;
        }
        let (name, len) = match after.strip_prefix('{') {
            Some(r) => {
                let e = r.find('}').unwrap_or(r.len());
                (&r[..e], (e + 2).min(after.len()))
            }
            None => {
                let e = after.bytes().position(|b| !is_name_byte(b)).unwrap_or(after.len());
                (&after[..e], e)
            }
        };
        if name.is_empty() {
            out.push('$');
            rest = after;
            continue;
        }
        match lookup(name) {
            Some(v) => out.push_str(v),
            None => unset = Some(name.to_owned()),
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    (out, unset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;
    use crate::facts::Valued;
    use crate::facts::unit::{EnvVar, UnitFacts};

    #[test]
    fn canonical_names() {
        assert_eq!(canonical_name("loose-sync-relay-log"), "sync_relay_log");
        assert_eq!(canonical_name("Slave_Parallel_Workers"), "replica_parallel_workers");
        assert_eq!(canonical_name("maximum-sort-buffer-size"), "maximum_sort_buffer_size");
    }

    #[test]
    fn sizes_and_bools() {
        assert_eq!(parse_size("2M"), Some(2 << 20));
        assert_eq!(parse_size("64k"), Some(64 << 10));
        assert_eq!(parse_size("abc"), None);
        assert_eq!(parse_bool("on"), Some(true));
        assert_eq!(parse_bool("FALSE"), Some(false));
        assert!(same_value("1G", "1073741824"));
        assert!(same_value("on", "1"));
        assert!(!same_value("TABLE", "FILE"));
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
        assert!(s.effective("relay_log_recovery", v).unwrap().is_default());
        let at_start = s.effective_at_start("sync_relay_log", v).unwrap();
        assert_eq!(at_start.value, "0");
        let eff = s.effective("sync_relay_log", v).unwrap();
        assert_eq!(eff.pending_restart().map(|a| &*a.value), Some("0"));
        assert_eq!(eff.overrides().map(|a| a.origin), Some(Origin::OptionFile));
    }

    /// Builds facts from named inputs (and an optional unit) the way `analyze` does.
    fn facts(inputs: &[(&str, &str)], unit: Option<UnitFacts>) -> Facts {
        let sources: Vec<Source<'_>> =
            inputs.iter().enumerate().map(|(i, (n, t))| Source::new(i, n, t)).collect();
        let docs: Vec<Document> = sources.iter().flat_map(detect::split).collect();
        let mut f = Facts::default();
        super::super::mysql::collect(&mut f, &sources, &docs);
        collect(&mut f, &sources, &docs);
        if let Some(u) = unit {
            f.unit = Some(u);
        }
        collect_command_line(&mut f, &sources, &docs);
        f
    }

    fn value(f: &Facts, name: &str) -> (String, Origin) {
        let s = f.setting(name).unwrap_or_else(|| panic!("no setting {name}"));
        (s.value, s.origin)
    }

    fn note_keys(f: &Facts) -> Vec<Key> {
        f.settings.notes().map(|n| n.key).collect()
    }

    const CNF: &str = "[mysqld]\nsync_relay_log = 100\nrelay-log-recovery\nslave-parallel-workers=8\n\
        innodb_buffer_pool_size = 2G\nskip-log-bin\n\n[mysqld-8.0]\nsync_relay_log=1\n\n\
        [mysqld-5.7]\nsync_relay_log=5\n\n[client]\nsync_binlog=0\n\n[server]\nloose-enable-gtid-mode\n";

    #[test]
    fn option_file_groups_and_later_lines_win() {
        let f = facts(&[("my.cnf", CNF)], None);
        // Version unknown and groups of two series: the assumed version's series (8.0) is used.
        assert_eq!(value(&f, "sync_relay_log").0, "1");
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_GROUP_SERIES_ASSUMED));
        // One series only: it is assumed to match.
        let f1 = facts(&[("my.cnf", "[mysqld]\nsync_relay_log=100\n[mysqld-5.7]\nsync_relay_log=5\n")], None);
        assert_eq!(value(&f1, "sync_relay_log").0, "5");
        let n: Vec<&Label> =
            f1.settings.notes().filter(|n| n.key == k::OPTIONS_NOTE_GROUP_ASSUMED_VERSION).collect();
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].args[0], ("groups", "[mysqld-5.7] (my.cnf)".to_owned()));
        assert_eq!(value(&f, "relay_log_recovery").0, "ON");
        let w = f.setting("replica_parallel_workers").unwrap();
        assert_eq!(w.value, "8");
        assert_eq!(w.raw_name(), "slave-parallel-workers");
        assert_eq!(w.assignment.as_ref().and_then(|a| a.group.as_deref()), Some("mysqld"));
        assert_eq!(f.setting("innodb_buffer_pool_size").unwrap().as_u64(), Some(2 << 30));
        assert_eq!(value(&f, "log_bin").0, "OFF");
        // [client] is not read by mysqld.
        assert_eq!(f.setting("sync_binlog").unwrap().origin, Origin::Default);
        // [server] is, with loose-enable- handled.
        assert_eq!(value(&f, "gtid_mode").0, "ON");
    }

    #[test]
    fn series_groups_follow_the_known_version() {
        let mut f = Facts::default();
        f.server.version = Some(Valued::new(Version::new(8, 0, 36), Loc::default()));
        let src = [Source::new(0, "my.cnf", CNF)];
        let docs: Vec<Document> = src.iter().flat_map(detect::split).collect();
        collect(&mut f, &src, &docs);
        let s = f.setting("sync_relay_log").unwrap();
        assert_eq!(s.value, "1");
        assert_eq!(s.assignment.as_ref().and_then(|a| a.group.as_deref()), Some("mysqld-8.0"));
        assert_eq!(s.overrides().map(|a| &*a.value), Some("100"));
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_GROUP_IGNORED_VERSION));
        assert!(!note_keys(&f).contains(&k::OPTIONS_NOTE_GROUP_ASSUMED_VERSION));
        let mut f = Facts::default();
        f.server.version = Some(Valued::new(Version::new(5, 7, 44), Loc::default()));
        collect(&mut f, &src, &docs);
        assert_eq!(f.setting("sync_relay_log").unwrap().value, "5");
    }

    #[test]
    fn persisted_overrides_files_and_runtime_overrides_persisted() {
        let auto = r#"{"Version": 2, "mysql_static_variables": {"relay_log_recovery": {"Value": "OFF", "Metadata": {"Host": "localhost", "User": "root", "Timestamp": 1}}}, "mysql_dynamic_variables": {"sync_relay_log": {"Value": "1", "Metadata": {"Host": "", "User": "root", "Timestamp": 2}}}}"#;
        let f = facts(&[("my.cnf", CNF), ("mysqld-auto.cnf", auto)], None);
        assert_eq!(value(&f, "relay_log_recovery"), ("OFF".into(), Origin::Persisted));
        let s = f.setting("sync_relay_log").unwrap();
        assert_eq!((s.value.as_str(), s.origin), ("1", Origin::Persisted));
        // [mysqld] 100, [mysqld-8.0] 1 (the assumed 8.0 series), then the persisted 1.
        assert_eq!(s.history.len(), 3);
        // persisted_globals_load=OFF in the option file: mysqld-auto.cnf is not read.
        let cnf = "[mysqld]\npersisted_globals_load = OFF\nrelay_log_recovery = ON\n";
        let f = facts(&[("my.cnf", cnf), ("mysqld-auto.cnf", auto)], None);
        assert_eq!(value(&f, "relay_log_recovery"), ("ON".into(), Origin::OptionFile));
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_PERSIST_NOT_LOADED));
    }

    #[test]
    fn missing_includes_are_noted_unless_given() {
        let main = "[mysqld]\nsync_binlog=1\n!includedir /etc/mysql/conf.d/\n";
        let f = facts(&[("/etc/mysql/my.cnf", main)], None);
        let n: Vec<&Label> =
            f.settings.notes().filter(|n| n.key == k::OPTIONS_NOTE_INCLUDE_MISSING).collect();
        assert_eq!(n.len(), 1);
        assert!(n[0].args.iter().any(|(k, v)| *k == "command" && v == "cat /etc/mysql/conf.d/*.cnf"));
        let f = facts(
            &[("/etc/mysql/my.cnf", main), ("/etc/mysql/conf.d/replica.cnf", "[mysqld]\nsync_relay_log=1\n")],
            None,
        );
        assert!(!note_keys(&f).contains(&k::OPTIONS_NOTE_INCLUDE_MISSING));
        assert_eq!(value(&f, "sync_relay_log").0, "1");
    }

    fn unit_with(exec: &str, name: Option<&str>, env: &[(&str, &str)]) -> UnitFacts {
        UnitFacts {
            name: name.map(str::to_owned),
            exec_start: vec![Valued::new(exec.to_owned(), Loc::default())],
            environment: env
                .iter()
                .map(|(n, v)| EnvVar { name: (*n).to_owned(), value: (*v).to_owned(), at: Loc::default() })
                .collect(),
            ..UnitFacts::default()
        }
    }

    #[test]
    fn command_line_beats_option_files() {
        let cnf = "[mysqld]\nsync_relay_log=100\ndaemonize=OFF\n";
        let u = unit_with(
            "/usr/sbin/mysqld --daemonize --pid-file=/run/mysqld/mysqld.pid --sync-relay-log=1 $MYSQLD_OPTS --defaults-file=/etc/my.cnf",
            Some("mysqld.service"),
            &[("MYSQLD_OPTS", "--skip-log-bin --relay_log_recovery=ON")],
        );
        let f = facts(&[("/etc/my.cnf", cnf)], Some(u));
        assert_eq!(value(&f, "sync_relay_log"), ("1".into(), Origin::CommandLine));
        assert_eq!(value(&f, "daemonize"), ("ON".into(), Origin::CommandLine));
        assert_eq!(value(&f, "log_bin"), ("OFF".into(), Origin::CommandLine));
        assert_eq!(value(&f, "relay_log_recovery"), ("ON".into(), Origin::CommandLine));
        assert_eq!(value(&f, "pid_file").0, "/run/mysqld/mysqld.pid");
        // --defaults-file is not a setting.
        assert!(f.settings.assignments("defaults_file").is_empty());
    }

    #[test]
    fn group_suffix_from_exec_start_selects_instance_groups() {
        let cnf = "[mysqld]\nsync_relay_log=100\n[mysqld@replica1]\nsync_relay_log=1\n[mysqld@replica2]\nsync_relay_log=2\n";
        // Without the unit: two instances' groups, neither is included.
        let f = facts(&[("my.cnf", cnf)], None);
        assert_eq!(value(&f, "sync_relay_log").0, "100");
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_SUFFIX_AMBIGUOUS));
        let u = unit_with(
            "/usr/sbin/mysqld --defaults-group-suffix=@%I $MYSQLD_OPTS",
            Some("mysqld@replica2.service"),
            &[],
        );
        let f = facts(&[("my.cnf", cnf)], Some(u));
        let s = f.setting("sync_relay_log").unwrap();
        assert_eq!(
            (s.value.as_str(), s.assignment.as_ref().and_then(|a| a.group.as_deref())),
            ("2", Some("mysqld@replica2"))
        );
        assert_eq!(f.settings.group_suffix(), Some("@replica2"));
        assert!(!note_keys(&f).contains(&k::OPTIONS_NOTE_SUFFIX_AMBIGUOUS));
        // One instance's group and no unit: included on assumption.
        let f = facts(&[("my.cnf", "[mysqld]\nsync_relay_log=100\n[mysqld@r]\nsync_relay_log=1\n")], None);
        assert_eq!(value(&f, "sync_relay_log").0, "1");
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_GROUP_ASSUMED_SUFFIX));
    }

    #[test]
    fn no_defaults_drops_option_files_and_show_format_is_read() {
        let u = unit_with(
            "{ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld --no-defaults --sync-binlog=0 ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }",
            None,
            &[],
        );
        let f = facts(&[("my.cnf", "[mysqld]\nsync_relay_log=1\n")], Some(u));
        assert_eq!(f.setting("sync_relay_log").unwrap().origin, Origin::Default);
        assert_eq!(value(&f, "sync_binlog"), ("0".into(), Origin::CommandLine));
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_NO_DEFAULTS));
    }

    #[test]
    fn exec_start_spans_point_at_the_argument() {
        let text = "[Service]\nExecStart=/usr/sbin/mysqld --sync-relay-log=1\n";
        let src = [Source::new(0, "u", text)];
        let value = "/usr/sbin/mysqld --sync-relay-log=1";
        let start = text.find(value).unwrap() as u32;
        let at = Loc { input: 0, range: TextRange::new(start, start + value.len() as u32) };
        let args = exec_args(&src, value, at, &[], None);
        assert_eq!(args.len(), 2);
        assert_eq!(src[0].slice(args[1].at.range), "--sync-relay-log=1");
        let args =
            exec_args(&src, "\"/usr/sbin/mysqld\" '--a=b c' \\\"x %% %i", Loc::default(), &[], Some("inst"));
        let t: Vec<&str> = args.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(t, ["/usr/sbin/mysqld", "--a=b c", "\"x", "%", "inst"]);
    }

    #[test]
    fn exec_start_words_follow_systemd() {
        let env = [("A".to_owned(), "x  y".to_owned(), Loc::default())];
        let t = |v: &str| -> Vec<String> {
            exec_args(&[], v, Loc::default(), &env, Some("i1")).into_iter().map(|a| a.text).collect()
        };
        // C escapes; `\;` is a literal `;`; quotes do not stop expansion (it runs on the decoded words).
        assert_eq!(
            t(r#"/bin/x \x41\t \; '$A' "${A}" a$$b"#),
            ["/bin/x", "A\t", ";", "x", "y", "x  y", "a$b"]
        );
        // `%i` in a quoted word, `%%`.
        assert_eq!(t("\"--suffix=@%i %%\""), ["--suffix=@i1 %"]);
    }

    #[test]
    fn exec_start_spans_in_show_and_multiline_values() {
        // `systemctl show`: the words are located in the `argv[]=` field, not at `path=`.
        let text = "ExecStart={ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld --x=1 ; ignore_errors=no }";
        let src = [Source::new(0, "u", text)];
        let at = Loc { input: 0, range: TextRange::new(0, text.len() as u32) };
        let args = exec_args(&src, "/usr/sbin/mysqld --x=1", at, &[], None);
        let k = text.find("argv[]=").unwrap() as u32 + 7;
        assert_eq!(args[0].at.range, TextRange::new(k, k + 16));
        assert_eq!(src[0].slice(args[1].at.range), "--x=1");
        // A value joined from continuation lines is not in the input verbatim: the whole entry.
        let text = "ExecStart=/usr/sbin/mysqld \\\n  --x=1";
        let src = [Source::new(0, "u", text)];
        let at = Loc { input: 0, range: TextRange::new(0, text.len() as u32) };
        let args = exec_args(&src, "/usr/sbin/mysqld    --x=1", at, &[], None);
        assert!(args.iter().all(|a| a.at == at));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        /// Where the old splitter was right (no `$` inside quotes or glued to a quote, no escapes
        /// but `\\`, `\"` and `\'`), the lexer-based one gives the same arguments and spans.
        #[test]
        fn exec_start_matches_old_split_exec(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "/usr/sbin/mysqld", "--a=1", "-x", "é", "中文", "=", "_", " ", "  ", "\t", "%i", "%I",
                "%%", "%x", "%é", " $A ", " $B ", " $UNDEF ", "${A}", "${UNDEF}", " --x=$B ",
                " --y=${A}z ", "'a b'", "\"c d\"", "'%i e'", "\"%%\"", "''", "\"\"", "\\\\", "\\\"",
                "\\'",
            ]),
            0..14,
        ), inst in proptest::option::of("[a-z0-9]{1,3}")) {
            let value = pieces.concat();
            let src = [Source::new(0, "u", &value)];
            let at = Loc { input: 0, range: TextRange::new(0, value.len() as u32) };
            let env = [
                ("A".to_owned(), "x y".to_owned(), Loc { input: 0, range: TextRange::new(0, 1) }),
                ("B".to_owned(), "1".to_owned(), Loc { input: 0, range: TextRange::new(0, 2) }),
            ];
            let new: Vec<(String, Loc, Option<String>)> = exec_args(&src, &value, at, &env, inst.as_deref())
                .into_iter()
                .map(|a| (a.text, a.at, a.unresolved))
                .collect();
            let old: Vec<(String, Loc, Option<String>)> =
                crate::syntax::shell::tests::old::split_exec(&src, &value, at, &env, inst.as_deref())
                    .into_iter()
                    .map(|a| (a.text, a.at, a.unresolved))
                    .collect();
            proptest::prop_assert_eq!(new, old, "{:?}", value);
        }
    }

    /// Found by the `analyze` fuzz target: `%` before a multi-byte character stepped into it.
    #[test]
    fn exec_start_percent_before_multibyte_char() {
        let value = "/usr/sbin/mysqld --defaults-group-suffix=@%\u{FFFD} %é%% $MYSQLD_OPTS";
        let src = [Source::new(0, "u", value)];
        let at = Loc { input: 0, range: TextRange::new(0, value.len() as u32) };
        let args = exec_args(&src, value, at, &[], None);
        let t: Vec<&str> = args.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(t, ["/usr/sbin/mysqld", "--defaults-group-suffix=@%\u{FFFD}", "%é%", ""]);
        for a in &args {
            assert!(value.get(a.at.range.to_usize()).is_some(), "{:?} not on char boundaries", a.at.range);
        }
    }

    #[test]
    fn group_use_table() {
        let v80 = Some(Version::new(8, 0, 36));
        assert_eq!(mysqld_group_use("mysqld", v80, None, None), GroupUse::Read);
        assert_eq!(mysqld_group_use("mysqld-8.0", v80, None, None), GroupUse::Read);
        assert_eq!(mysqld_group_use("mysqld-8.4", v80, None, None), GroupUse::Ignored);
        assert_eq!(mysqld_group_use("mysqld-8.4", None, None, None), GroupUse::AssumedVersion);
        assert_eq!(mysqld_group_use("client", v80, None, None), GroupUse::Ignored);
        assert_eq!(mysqld_group_use("mysqld_safe", v80, None, None), GroupUse::Ignored);
        assert_eq!(mysqld_group_use("mysqld@a", v80, None, Some("@a")), GroupUse::Read);
        assert_eq!(mysqld_group_use("mysqld-8.0@a", v80, None, Some("@a")), GroupUse::Read);
        assert_eq!(mysqld_group_use("mysqld@b", v80, None, Some("@a")), GroupUse::Ignored);
        assert_eq!(mysqld_group_use("server@a", v80, None, None), GroupUse::AssumedSuffix);
        assert_eq!(mysqld_group_use("mariadb", v80, Some(Flavor::MySql), None), GroupUse::Ignored);
        assert_eq!(mysqld_group_use("mariadb", None, Some(Flavor::MariaDb), None), GroupUse::Read);
        assert_eq!(mysqld_group_use("mariadb", None, None, None), GroupUse::AssumedFlavor);
        assert_eq!(
            mysqld_group_use("mariadb-10.11", Some(Version::new(10, 11, 6)), Some(Flavor::MariaDb), None),
            GroupUse::Read
        );
        assert_eq!(mysqld_group_use("mysqld1", v80, None, None), GroupUse::Ignored);
    }

    #[test]
    fn log_bin_with_a_boolean_value_still_enables_binary_logging() {
        let f = facts(&[("my.cnf", "[mysqld]\nlog_bin = OFF\n")], None);
        assert_eq!(value(&f, "log_bin").0, "ON");
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_LOG_BIN_BASENAME));
        let f = facts(&[("my.cnf", "[mysqld]\nlog-bin = mysql-bin\n")], None);
        assert_eq!(value(&f, "log_bin").0, "ON");
        assert!(!note_keys(&f).contains(&k::OPTIONS_NOTE_LOG_BIN_BASENAME));
    }

    #[test]
    fn my_print_defaults_for_client_groups_is_not_a_server_setting() {
        let f = facts(&[("x", "$ my_print_defaults client\n--sync-binlog=0\n--port=3307\n")], None);
        assert_eq!(f.setting("sync_binlog").unwrap().origin, Origin::Default);
        let f = facts(&[("x", "$ my_print_defaults mysqld\n--sync-binlog=0\n--port=3307\n")], None);
        let s = f.setting("sync_binlog").unwrap();
        assert_eq!((s.value.as_str(), s.origin), ("0", Origin::OptionFile));
        assert_eq!(s.assignment.unwrap().group.as_deref(), Some("mysqld"));
        let f = facts(&[("x", "--sync-binlog=0\n--port=3307\n")], None);
        assert_eq!(value(&f, "sync_binlog").0, "0");
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_PRINT_DEFAULTS_GROUPS_UNKNOWN));
    }

    const REPLICA: &str = include_str!("../../../../tests/fixtures/options/replica-crash-safe.cnf");
    const QUIRKY: &str = include_str!("../../../../tests/fixtures/options/quirky.cnf");
    const TRANSCRIPT: &str = include_str!("../../../../tests/fixtures/options/transcript.txt");
    const AUTO_PRETTY: &str = include_str!("../../../../tests/fixtures/options/mysqld-auto-v2-pretty.cnf");
    const AUTO_V1: &str = include_str!("../../../../tests/fixtures/options/mysqld-auto-v1.cnf");

    /// Facts for `inputs` with a known version (as if `SELECT VERSION()` had been pasted) and
    /// optional runtime variables.
    fn facts_at(inputs: &[(&str, &str)], v: Version, runtime: &[(&str, &str)]) -> Facts {
        let sources: Vec<Source<'_>> =
            inputs.iter().enumerate().map(|(i, (n, t))| Source::new(i, n, t)).collect();
        let docs: Vec<Document> = sources.iter().flat_map(detect::split).collect();
        let mut f = Facts::default();
        f.server.version = Some(Valued::new(v, Loc::default()));
        for (n, val) in runtime {
            f.runtime_variables.push(Assignment {
                name: canonical_name(n).into(),
                raw_name: (*n).into(),
                value: (*val).into(),
                origin: Origin::Runtime,
                at: Loc::default(),
                group: None,
            });
        }
        collect(&mut f, &sources, &docs);
        collect_command_line(&mut f, &sources, &docs);
        f
    }

    #[test]
    fn replica_fixture_on_8_0() {
        let f = facts_at(&[("/etc/my.cnf.d/replica.cnf", REPLICA)], Version::new(8, 0, 36), &[]);
        assert_eq!(value(&f, "sync_relay_log"), ("1".into(), Origin::OptionFile));
        assert_eq!(value(&f, "relay_log_recovery").0, "ON");
        // [mysqld-5.7] is not read by 8.0: workers stay 8.
        assert_eq!(value(&f, "replica_parallel_workers").0, "8");
        let t = f.setting("replica_parallel_type").unwrap();
        assert_eq!((t.value.as_str(), t.raw_name()), ("LOGICAL_CLOCK", "slave_parallel_type"));
        let r = f.setting("relay_log_info_repository").unwrap();
        assert_eq!((r.value.as_str(), r.raw_name()), ("TABLE", "loose-relay_log_info_repository"));
        assert_eq!(value(&f, "clone_valid_donor_list").0, "db-src-01.example.net:3306");
        assert_eq!(value(&f, "log_bin").0, "ON");
        assert_eq!(value(&f, "log_replica_updates").0, "ON");
        // Not set anywhere: the 8.0.36 default.
        assert_eq!(value(&f, "relay_log_purge"), ("ON".into(), Origin::Default));
        // Evidence: the assignment points at its own line of the file.
        let src = Source::new(0, "x", REPLICA);
        let at = f.setting("sync_relay_log").unwrap().at.unwrap();
        assert_eq!(src.slice(at.range), "sync_relay_log                  = 1");
        assert_eq!(src.index_map.line(at.range.start), 22);
        // On 5.7 the [mysqld-5.7] group is read and the 8.0 one is not.
        let f = facts_at(&[("replica.cnf", REPLICA)], Version::new(5, 7, 44), &[]);
        assert_eq!(value(&f, "replica_parallel_workers").0, "0");
        assert_eq!(f.setting("replica_parallel_type").unwrap().origin, Origin::Default);
    }

    #[test]
    fn quirky_fixture_values() {
        let f = facts_at(&[("my.ini", QUIRKY)], Version::new(8, 0, 36), &[]);
        assert_eq!(f.setting("innodb_buffer_pool_size").unwrap().as_u64(), Some(1 << 30));
        assert_eq!(f.setting("innodb_log_file_size").unwrap().as_u64(), Some(512 << 20));
        assert_eq!(value(&f, "tmpdir").0, "/var/tmp/my sql");
        assert_eq!(value(&f, "init_connect").0, "SET NAMES utf8mb4 # not a comment");
        assert_eq!(value(&f, "secure_file_priv").0, "C:\\mysql\\files");
        assert_eq!(value(&f, "skip_name_resolve").0, "ON");
        assert_eq!(value(&f, "log_bin").0, "OFF");
        assert_eq!(value(&f, "performance_schema").0, "OFF");
        assert_eq!(value(&f, "event_scheduler").0, "ON");
        assert_eq!(value(&f, "skip_replica_start").0, "ON");
        assert_eq!(value(&f, "maximum_sort_buffer_size").0, "4M");
        assert_eq!(f.setting("sort_buffer_size"), None);
        let s = f.setting("sync_relay_log").unwrap();
        assert_eq!(s.value, "1000");
        assert_eq!(s.overrides().map(|a| &*a.value), Some("1"));
        assert_eq!(s.first_set().map(|a| &*a.value), Some("1"));
        // [mysqld_safe] and [mysqldump] are not read by mysqld.
        assert!(f.settings.assignments("nice").is_empty());
        assert_eq!(f.setting("max_allowed_packet").unwrap().origin, Origin::Default);
    }

    #[test]
    fn transcript_precedence_persisted_over_files_and_runtime_over_all() {
        let f = facts_at(&[("input 1", TRANSCRIPT)], Version::new(8, 0, 36), &[]);
        let rr = f.setting("relay_log_recovery").unwrap();
        assert_eq!((rr.value.as_str(), rr.origin), ("ON", Origin::Persisted));
        // The file line, then the my_print_defaults line, then the persisted value.
        let origins: Vec<Origin> = rr.history.iter().map(|a| a.origin).collect();
        assert_eq!(origins, [Origin::OptionFile, Origin::OptionFile, Origin::Persisted]);
        assert_eq!(value(&f, "sync_relay_log"), ("1".into(), Origin::OptionFile));
        let f =
            facts_at(&[("input 1", TRANSCRIPT)], Version::new(8, 0, 36), &[("relay_log_recovery", "OFF")]);
        let rr = f.setting("relay_log_recovery").unwrap();
        assert_eq!((rr.value.as_str(), rr.origin), ("OFF", Origin::Runtime));
        // The running server still has OFF: the persisted ON applies at the next restart.
        assert_eq!(rr.pending_restart().map(|a| (&*a.value, a.origin)), Some(("ON", Origin::Persisted)));
        assert_eq!(
            f.settings.effective_at_start("relay_log_recovery", Version::new(8, 0, 36)).unwrap().value,
            "ON"
        );
    }

    #[test]
    fn persisted_fixtures_v2_and_v1() {
        let f = facts_at(&[("mysqld-auto.cnf", AUTO_PRETTY)], Version::new(8, 0, 36), &[]);
        assert_eq!(value(&f, "relay_log_recovery"), ("ON".into(), Origin::Persisted));
        assert_eq!(value(&f, "max_connections").0, "500");
        let src = Source::new(0, "x", AUTO_PRETTY);
        let at = f.setting("sync_relay_log").unwrap().at.unwrap();
        assert!(src.slice(at.range).starts_with("sync_relay_log\": {"));
        assert!(src.slice(at.range).ends_with("\"Value\": \"1"));
        let f = facts_at(&[("mysqld-auto.cnf", AUTO_V1)], Version::new(8, 0, 20), &[]);
        assert_eq!(value(&f, "sync_binlog"), ("0".into(), Origin::Persisted));
        assert_eq!(value(&f, "relay_log_info_repository"), ("FILE".into(), Origin::Persisted));
    }

    #[test]
    fn environment_file_options_are_expanded_when_pasted() {
        use crate::facts::container::PastedFile;
        let env_text = "# options for mysqld\nMYSQLD_OPTS=\"--sync-relay-log=1 --skip-log-bin\"\n";
        let sources = [Source::new(0, "/etc/sysconfig/mysql", env_text)];
        let mut f = Facts::default();
        let mut u = unit_with("/usr/sbin/mysqld $MYSQLD_OPTS", Some("mysqld.service"), &[]);
        u.environment_files = vec![Valued::new("-/etc/sysconfig/mysql".to_owned(), Loc::default())];
        f.unit = Some(u.clone());
        f.containers.env_files.push(PastedFile {
            name: "/etc/sysconfig/mysql".to_owned(),
            at: Loc { input: 0, range: TextRange::new(0, env_text.len() as u32) },
            text: env_text.to_owned(),
            script: Default::default(),
            env: crate::facts::container::env_assignments(env_text, 0),
        });
        collect_command_line(&mut f, &sources, &[]);
        let s = f.setting("sync_relay_log").unwrap();
        assert_eq!((s.value.as_str(), s.origin), ("1", Origin::CommandLine));
        assert_eq!(
            sources[0].slice(s.at.unwrap().range),
            "MYSQLD_OPTS=\"--sync-relay-log=1 --skip-log-bin\""
        );
        assert_eq!(value(&f, "log_bin").0, "OFF");
        assert!(!note_keys(&f).contains(&k::OPTIONS_NOTE_EXEC_VAR_UNKNOWN));
        // Not pasted: the options are unknown, and the report says where they would come from.
        let mut f = Facts { unit: Some(u), ..Facts::default() };
        collect_command_line(&mut f, &sources, &[]);
        assert_eq!(f.setting("sync_relay_log").unwrap().origin, Origin::Default);
        assert!(note_keys(&f).contains(&k::OPTIONS_NOTE_EXEC_VAR_UNKNOWN));
    }

    #[test]
    fn container_command_arguments_are_mysqld_options() {
        use crate::facts::container::{ContainerDef, ContainerSource};
        let def = |cmd: &str| ContainerDef {
            source: ContainerSource::Compose,
            name: Some("db".to_owned()),
            at: Loc::default(),
            image: Some(Valued::new("mysql:8.0.36".to_owned(), Loc::default())),
            restart: None,
            env: Vec::new(),
            env_files: Vec::new(),
            entrypoint: None,
            command: Some(Valued::new(cmd.to_owned(), Loc::default())),
            init: None,
            kind: None,
            share_pid: None,
            source_text: None,
        };
        for cmd in [
            "--relay-log-recovery=ON --sync-relay-log=1",
            "mysqld --relay_log_recovery=ON --sync_relay_log=1",
            "[\"--relay-log-recovery=ON\", \"--sync-relay-log=1\"]",
        ] {
            let mut f = Facts::default();
            f.containers.defs.push(def(cmd));
            collect_command_line(&mut f, &[], &[]);
            assert_eq!(value(&f, "relay_log_recovery"), ("ON".into(), Origin::CommandLine), "{cmd}");
            assert_eq!(value(&f, "sync_relay_log"), ("1".into(), Origin::CommandLine), "{cmd}");
        }
        // A command that is not mysqld's (a shell wrapper) is not read as options.
        let mut f = Facts::default();
        f.containers.defs.push(def("bash -c 'sleep 5; exec mysqld --sync-relay-log=1'"));
        collect_command_line(&mut f, &[], &[]);
        assert_eq!(f.setting("sync_relay_log").unwrap().origin, Origin::Default);
    }

    /// Facts built exactly as `analyze` builds them.
    fn built(inputs: &[(&str, &str)]) -> Facts {
        let sources: Vec<Source<'_>> =
            inputs.iter().enumerate().map(|(i, (n, t))| Source::new(i, n, t)).collect();
        let docs: Vec<Document> = sources.iter().flat_map(detect::split).collect();
        Facts::build(&sources, &docs)
    }

    #[test]
    fn end_to_end_with_a_pasted_template_unit() {
        let unit = "$ systemctl cat mysqld@replica2\n# /usr/lib/systemd/system/mysqld@.service\n[Unit]\nDescription=MySQL Server\n\n[Service]\nType=notify\nUser=mysql\nExecStart=/usr/sbin/mysqld --defaults-group-suffix=@%I --sync-binlog=0 $MYSQLD_OPTS\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-failure\n";
        let cnf = "[mysqld]\nsync_relay_log=100\n[mysqld@replica1]\nsync_relay_log=1\n[mysqld@replica2]\nsync_relay_log=2\n";
        let f = built(&[("unit", unit), ("/etc/my.cnf", cnf)]);
        let Some(u) = f.unit.as_ref() else { panic!("unit not collected") };
        assert!(!u.exec_start.is_empty());
        let s = f.setting("sync_binlog").unwrap();
        assert_eq!((s.value.as_str(), s.origin), ("0", Origin::CommandLine));
        // The evidence is the argument itself when the unit collector keeps the line's range.
        let text =
            f.setting("sync_binlog").unwrap().at.map(|l| Source::new(0, "u", unit).slice(l.range).to_owned());
        assert!(text.as_deref().is_some_and(|t| t.contains("--sync-binlog=0")), "{text:?}");
        if u.name.as_deref().is_some_and(|n| n.contains("replica2")) {
            assert_eq!(value(&f, "sync_relay_log").0, "2");
            assert_eq!(f.settings.group_suffix(), Some("@replica2"));
        } else {
            // Instance unknown: `@%I` cannot be resolved, so no instance group is chosen.
            assert_eq!(value(&f, "sync_relay_log").0, "100");
        }
    }

    #[test]
    fn server_options_in_client_groups_are_noted_and_fix_target_found() {
        let cnf = "[client]\nsocket=/x.sock\n[mysqld_safe]\nrelay_log_recovery = ON\n[mysqld]\nserver_id=2\nsync_binlog=1\n[mysqldump]\nmax_allowed_packet=64M\n[mysqld1]\nsync_binlog=0\n";
        let f = facts(&[("/etc/my.cnf", cnf)], None);
        let n: Vec<&Label> =
            f.settings.notes().filter(|n| n.key == k::OPTIONS_NOTE_SERVER_OPTION_IN_OTHER_GROUP).collect();
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].args[0], ("key", "relay_log_recovery".to_owned()));
        assert_eq!(n[0].args[1], ("group", "[mysqld_safe]".to_owned()));
        assert_eq!(f.setting("relay_log_recovery").unwrap().origin, Origin::Default);
        let t = f.settings.fix_target().unwrap();
        assert_eq!((t.path.as_deref(), &*t.group), (Some("/etc/my.cnf"), "mysqld"));
        let src = Source::new(0, "x", cnf);
        assert_eq!(src.slice(t.header.range), "[mysqld]");
        assert_eq!(src.slice(t.last_line.range), "sync_binlog=1");
        // No option file: no target.
        assert!(facts(&[("x", "hello\n")], None).settings.fix_target().is_none());
    }

    #[test]
    fn template_unit_without_instance_leaves_instance_groups_unattributed() {
        let cnf = "[mysqld]\nsync_relay_log=100\n[mysqld@replica1]\nsync_relay_log=1\n[mysqld@replica2]\nsync_relay_log=2\n";
        let u = unit_with(
            "/usr/sbin/mysqld --defaults-group-suffix=@%I $MYSQLD_OPTS",
            Some("mysqld@.service"),
            &[],
        );
        let f = facts(&[("my.cnf", cnf)], Some(u));
        assert_eq!(value(&f, "sync_relay_log").0, "100");
        let keys = note_keys(&f);
        assert!(keys.contains(&k::OPTIONS_NOTE_SUFFIX_UNRESOLVED), "{keys:?}");
        assert!(!keys.contains(&k::OPTIONS_NOTE_SUFFIX_AMBIGUOUS), "{keys:?}");
        assert!(!keys.contains(&k::OPTIONS_NOTE_GROUP_IGNORED), "{keys:?}");
        assert_eq!(f.settings.group_suffix(), None);
    }
}
