//! Replica crash safety: can this replica recover by itself after an unexpected halt and carry
//! on without losing or repeating transactions? (`mysql-facts.md` §2.3, §8, §9.)
//!
//! The recipe is the manual's "most resilient" one (§8.3): `gtid_mode=ON` with auto-positioning
//! and `GTID_ONLY` per channel, `sync_relay_log=1`, `innodb_flush_log_at_trx_commit=1`,
//! `relay_log_info_repository=TABLE` (8.0), `relay_log_recovery=ON`; plus what the input shows
//! going wrong (a multi-threaded applier with gaps, a binary log not synced, stopped threads, purged
//! source logs).
//!
//! Each rule splits a pure judgement ([`State`] per item, read by [`verdict`]) from reporting.
//! [`model`] decides whether the input shows a replica and which values are known; [`sql`] spells
//! statements for the detected version; [`errors`] explains replication error numbers.

mod errors;
pub(crate) mod model;
pub(crate) mod sql;

mod auto_position;
mod gtid_off;
mod gtid_only;
mod info_repository;
mod innodb_flush;
mod mts_gaps;
mod relay_log_recovery;
mod source_purged;
mod sync_binlog;
mod sync_relay_log;
mod threads_stopped;

mod mariadb_gtid_pos_engine;
mod mariadb_position;

use super::{Ctx, Outcome, Rule};
use crate::facts::{Loc, Origin, Setting};
use crate::i18n::{Key, k};
use crate::report::{CrashSafe, Evidence, Finding, Fix, FixTarget, Reference, Severity, VerdictNote};
use model::{Replica, Scope, Val};

/// One list of this family's rules, in report order: each rule, and `=> items` for the rules that
/// judge recipe items for the verdict. It gives [`RULES`] and [`ITEMS`], which therefore agree.
macro_rules! family {
    ($($module:ident :: $rule:ident $(=> $items:ident)?),* $(,)?) => {
        /// This family's rules, in report order.
        pub(crate) const RULES: &[&dyn Rule] = &[$(&$module::$rule),*];
        /// Every rule's items, for the verdict.
        const ITEMS: &[for<'a> fn(&Replica<'a>, &mut dyn FnMut(Item<'a>))] = &[$($($module::$items,)?)*];
    };
}

family! {
    gtid_off::ReplicaGtidOff => items,
    auto_position::ReplicaAutoPosition => items,
    gtid_only::ReplicaGtidOnly => items,
    sync_relay_log::ReplicaSyncRelayLog => items,
    innodb_flush::ReplicaInnodbFlush => items,
    info_repository::ReplicaInfoRepository => items,
    relay_log_recovery::ReplicaRelayLogRecovery => items,
    mts_gaps::ReplicaMtsGaps => items,
    sync_binlog::ReplicaSyncBinlog => items,
    threads_stopped::ReplicaThreadsStopped,
    source_purged::ReplicaSourcePurged => items,
    mariadb_position::ReplicaMariadbPositionFile => items,
    mariadb_gtid_pos_engine::ReplicaMariadbGtidPosEngine => items,
}

/// The state of one recipe item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    Good,
    Bad,
    /// The input cannot decide; what would.
    Unknown(Missing),
    /// Does not apply (e.g. `GTID_ONLY` before 8.0.27).
    NotApplicable,
}

/// What to paste to decide an unknown item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Missing {
    Settings,
    Status,
    ChannelConfig,
}

/// One recipe item, judged.
#[derive(Clone, Debug)]
pub(crate) struct Item<'a> {
    pub rule: &'static str,
    pub state: State,
    /// The channel, for per-channel items.
    pub channel: Option<&'a str>,
    /// The main evidence, when there is some.
    pub at: Option<Loc>,
    /// What the item is about when one rule judges several things (a variable name).
    pub subject: Option<&'static str>,
}

impl<'a> Item<'a> {
    fn new(rule: &'static str, state: State, channel: Option<&'a str>, at: Option<Loc>) -> Item<'a> {
        Item { rule, state, channel, at, subject: None }
    }
}

/// One item per channel (or one for the replica when no channel is shown), as `judge` decides it.
fn channel_items<'a>(
    r: &Replica<'a>,
    rule: &'static str,
    judge: impl Fn(Option<&model::ChannelView<'a>>) -> (State, Option<Loc>),
    out: &mut dyn FnMut(Item<'a>),
) {
    for c in r.channel_slots() {
        let (state, at) = judge(c);
        out(Item::new(rule, state, c.map(|c| c.name), at));
    }
}

/// The replica (MySQL, Percona Server or MariaDB), or the outcome to return when there is none.
fn replica<'b, 'a>(cx: &'b Ctx<'a>) -> Result<&'b Replica<'a>, Outcome> {
    match cx.replica_scope() {
        Scope::Replica(r) => Ok(r),
        Scope::NotReplica => Err(Outcome::not_applicable(cx.t(k::REPLICA_NA_NOT_REPLICA))),
        Scope::GroupReplication => Err(Outcome::not_applicable(cx.t(k::REPLICA_NA_GROUP_REPLICATION))),
    }
}

/// A MySQL (or Percona Server) replica, for the items of MySQL's recipe; MariaDB has none of
/// them (`gtid_mode`, `GTID_ONLY`, the repositories…) and its own recipe (`mariadb_*`).
fn mysql_replica<'b, 'a>(cx: &'b Ctx<'a>) -> Result<&'b Replica<'a>, Outcome> {
    let r = replica(cx)?;
    if r.mariadb { Err(Outcome::not_applicable(cx.t(k::REPLICA_NA_MARIADB))) } else { Ok(r) }
}

/// A MariaDB replica, for MariaDB's own recipe.
fn mariadb_replica<'b, 'a>(cx: &'b Ctx<'a>) -> Result<&'b Replica<'a>, Outcome> {
    let r = replica(cx)?;
    if r.mariadb { Ok(r) } else { Err(Outcome::not_applicable(cx.t(k::REPLICA_NA_NOT_MARIADB))) }
}

/// The server, for the durability checks, which matter on any server (MariaDB's included).
fn server<'b, 'a>(cx: &'b Ctx<'a>) -> Result<&'b Replica<'a>, Outcome> {
    replica(cx)
}

/// MariaDB's `SHOW REPLICA STATUS` page (its columns, `Using_Gtid`, multi-source connections).
const MARIADB_SHOW_STATUS: &str = "https://mariadb.com/kb/en/show-replica-status/";

/// "the default channel" / "channel 'x'".
fn channel_label(cx: &Ctx<'_>, name: &str) -> String {
    // MariaDB's word is "connection" (multi-source replication).
    match (name.is_empty(), is_mariadb(cx)) {
        (true, false) => cx.t(k::REPLICA_CHANNEL_DEFAULT),
        (false, false) => cx.fmt(k::REPLICA_CHANNEL_NAMED, &[("name", name)]),
        (true, true) => cx.t(k::REPLICA_CONNECTION_DEFAULT),
        (false, true) => cx.fmt(k::REPLICA_CONNECTION_NAMED, &[("name", name)]),
    }
}

/// Whether the replica shown is a MariaDB one (by its flavour, version or columns).
pub(crate) fn is_mariadb(cx: &Ctx<'_>) -> bool {
    matches!(cx.replica_scope(), Scope::Replica(r) if r.mariadb)
}

/// The version as the messages show it: `8.0.36`, or `8.0.45 (assumed)`.
fn version_label(cx: &Ctx<'_>, r: &Replica<'_>) -> String {
    let v = r.version.to_string();
    if r.version_known { v } else { cx.fmt(k::REPLICA_VERSION_ASSUMED, &[("version", &v)]) }
}

/// How a value came to be: "set to X" or "not set, so the default X of V applies".
fn describe(cx: &Ctx<'_>, r: &Replica<'_>, val: &Val) -> String {
    match val {
        Val::Set(s) => {
            cx.fmt(k::REPLICA_HOW_SET, &[("value", &s.value), ("origin", &origin_label(cx, s.origin))])
        }
        Val::Default(s) => {
            cx.fmt(k::REPLICA_HOW_DEFAULT, &[("value", &s.value), ("version", &version_label(cx, r))])
        }
        Val::Unknown => cx.t(k::REPLICA_HOW_UNKNOWN),
    }
}

fn origin_label(cx: &Ctx<'_>, o: Origin) -> String {
    cx.t(match o {
        Origin::Default => k::REPLICA_ORIGIN_DEFAULT,
        Origin::OptionFile => k::REPLICA_ORIGIN_OPTION_FILE,
        Origin::CommandLine => k::REPLICA_ORIGIN_COMMAND_LINE,
        Origin::Persisted => k::REPLICA_ORIGIN_PERSISTED,
        Origin::Runtime => k::REPLICA_ORIGIN_RUNTIME,
    })
}

/// Evidence for a setting: where the effective value was set, then what it overrides.
fn setting_evidence(cx: &Ctx<'_>, s: &Setting) -> Vec<Evidence> {
    let mut out = Vec::new();
    if let Some(a) = &s.assignment {
        out.push(
            cx.evidence(a.at, cx.fmt(k::REPLICA_EV_SET_HERE, &[("name", &a.raw_name), ("value", &a.value)])),
        );
    }
    let n = s.history.len();
    for a in s.history.iter().take(n.saturating_sub(1)).rev() {
        if Some(a.at) == s.at {
            continue;
        }
        out.push(
            cx.evidence(
                a.at,
                cx.fmt(k::REPLICA_EV_OVERRIDDEN, &[("name", &a.raw_name), ("value", &a.value)]),
            ),
        );
    }
    out
}

/// Evidence for a value, when it has a location.
fn val_evidence(cx: &Ctx<'_>, v: &Val) -> Vec<Evidence> {
    match v {
        Val::Set(s) => setting_evidence(cx, s),
        _ => Vec::new(),
    }
}

/// The rules of MySQL's recipe, which MariaDB does not have (checked by `mysql_replica`).
const MYSQL_ONLY: &[&str] = &[
    gtid_off::ReplicaGtidOff::ID,
    auto_position::ReplicaAutoPosition::ID,
    gtid_only::ReplicaGtidOnly::ID,
    sync_relay_log::ReplicaSyncRelayLog::ID,
    info_repository::ReplicaInfoRepository::ID,
    relay_log_recovery::ReplicaRelayLogRecovery::ID,
    mts_gaps::ReplicaMtsGaps::ID,
    source_purged::ReplicaSourcePurged::ID,
];

/// Rules about durability, which matter on any server: reported plainly when nothing shows
/// whether the server replicates.
const DURABILITY: &[&str] = &[innodb_flush::ReplicaInnodbFlush::ID, sync_binlog::ReplicaSyncBinlog::ID];

/// `one` for a count of 1, `other` otherwise, formatted with `{count}`.
fn plural(cx: &Ctx<'_>, n: usize, one: Key, other: Key) -> String {
    cx.fmt(if n == 1 { one } else { other }, &[("count", &n.to_string())])
}

/// A finding with its title (`<rule>.title`) and a message, both formatted with `args`.
fn finding(
    cx: &Ctx<'_>,
    rule: &'static str,
    severity: Severity,
    message_key: Key,
    args: &[(&str, &str)],
    channel: Option<&str>,
) -> Finding {
    let mut severity = severity;
    let mut message = cx.fmt(message_key, args);
    // Nothing shows whether the server replicates: a finding of the recipe is a condition, and
    // no more than a warning. Durability matters on any server and is said plainly.
    if let Scope::Replica(r) = cx.replica_scope()
        && r.conditional
        && !DURABILITY.contains(&rule)
    {
        severity = severity.max(Severity::Warning);
        message = cx.fmt(k::REPLICA_CONDITIONAL, &[("message", &message)]);
    }
    Finding {
        rule,
        severity,
        title: cx.fmt(crate::i18n::dynamic(format_args!("{rule}.title")), args),
        message,
        channel: channel.map(str::to_owned),
        evidence: Vec::new(),
        evidence_omitted: 0,
        fixes: Vec::new(),
        references: Vec::new(),
    }
}

/// The manual page `page` for the replica's release series.
fn doc(cx: &Ctx<'_>, r: &Replica<'_>, title_key: Key, page: &str) -> Reference {
    let series = if r.version.at_least(8, 4, 0) {
        "8.4"
    } else if r.version.at_least(8, 0, 0) {
        "8.0"
    } else {
        "5.7"
    };
    cx.reference(title_key, &format!("https://dev.mysql.com/doc/refman/{series}/en/{page}"))
}

/// MariaDB's documentation of a durability variable, when the server is MariaDB.
fn mariadb_page(cx: &Ctx<'_>, var: &str) -> Option<&'static str> {
    if !matches!(cx.replica_scope(), Scope::Replica(r) if r.mariadb) {
        return None;
    }
    Some(match var {
        "sync_binlog" => "https://mariadb.com/kb/en/replication-and-binary-log-system-variables/#sync_binlog",
        _ => "https://mariadb.com/kb/en/innodb-system-variables/#innodb_flush_log_at_trx_commit",
    })
}

/// The manual's crash-safety page, cited by every rule.
fn doc_halt(cx: &Ctx<'_>, r: &Replica<'_>) -> Reference {
    doc(cx, r, k::REPLICA_REF_HALT, "replication-solutions-unexpected-replica-halt.html")
}

/// How a per-channel rule ends: fired when any channel fired, else unknown (naming what is
/// missing) when a channel could not be judged, else passed with `passed`.
fn per_channel_outcome(
    cx: &Ctx<'_>,
    r: &Replica<'_>,
    fired: bool,
    unknown: Option<Missing>,
    passed: Key,
) -> Outcome {
    if fired {
        Outcome::fired()
    } else if let Some(m) = unknown {
        self::unknown(cx, r, m)
    } else {
        Outcome::passed(cx.t(passed))
    }
}

/// An `Unknown` outcome naming what is missing.
fn unknown(cx: &Ctx<'_>, r: &Replica<'_>, m: Missing) -> Outcome {
    Outcome::unknown(missing_text(cx, r, m))
}

fn missing_text(cx: &Ctx<'_>, r: &Replica<'_>, m: Missing) -> String {
    match m {
        Missing::Settings => {
            cx.fmt(k::REPLICA_MISSING_SETTINGS, &[("query", &sql::settings_query(r.version))])
        }
        Missing::Status => cx.fmt(k::REPLICA_MISSING_STATUS, &[("query", &sql::status_query(r.version))]),
        Missing::ChannelConfig if r.mariadb => {
            cx.fmt(k::REPLICA_MISSING_GTID_POS_ENGINE, &[("query", &sql::gtid_pos_engine_query())])
        }
        Missing::ChannelConfig => {
            cx.fmt(k::REPLICA_MISSING_CHANNEL_CONFIG, &[("query", &sql::channel_config_query(r.version))])
        }
    }
}

/// A global setting rule: `good` judges the value; the fix sets `good_value` (`SET PERSIST`, plus
/// the option file on 5.7 where nothing persists).
struct GlobalSpec {
    rule: &'static str,
    var: &'static str,
    good_value: &'static str,
    severity: Severity,
    good: fn(&Val) -> Option<bool>,
    /// Why the `SET PERSIST` fix needs a review (`<rule>.fix-reason`).
    fix_reason: Key,
    /// The manual page's title (`<rule>.ref`) and address under `…/refman/<series>/en/`.
    ref_title: Key,
    ref_page: &'static str,
}

fn global_state(r: &Replica<'_>, spec: &GlobalSpec) -> (State, Val, Option<Setting>) {
    let v = r.val(spec.var);
    let state = match (spec.good)(&v) {
        Some(true) => {
            // Good now, but will the next start (a crash included) bring the bad value back?
            if let Some(next) = reverts(r, spec.var, spec.good) {
                return (State::Bad, v, Some(next));
            }
            State::Good
        }
        Some(false) => State::Bad,
        None => State::Unknown(Missing::Settings),
    };
    (state, v, None)
}

/// The startup configuration's value when the running server has a good value but the
/// configuration (option file, command line, `mysqld-auto.cnf`) would start it with a bad one.
fn reverts(r: &Replica<'_>, var: &str, good: fn(&Val) -> Option<bool>) -> Option<Setting> {
    let Val::Set(now) = r.val(var) else { return None };
    if now.origin != Origin::Runtime {
        return None;
    }
    let next = r.next_start(var);
    let Val::Set(conf) = &next else { return None };
    (conf.origin != Origin::Runtime && good(&next) == Some(false)).then(|| conf.clone())
}

/// Evidence and message arguments for a value that reverts at the next start.
fn reverts_evidence(cx: &Ctx<'_>, next: &Setting, now: &Val) -> Vec<Evidence> {
    let mut ev = Vec::new();
    if let Some(a) = &next.assignment {
        ev.push(
            cx.evidence(
                a.at,
                cx.fmt(k::REPLICA_EV_NEXT_START, &[("name", &a.raw_name), ("value", &a.value)]),
            ),
        );
    }
    if let Some(at) = now.setting().and_then(|s| s.at) {
        ev.push(
            cx.evidence(at, cx.fmt(k::REPLICA_EV_RUNTIME, &[("value", now.value().unwrap_or_default())])),
        );
    }
    ev
}

/// Reports a global setting rule. `extra` adds message arguments; `message_key` picks the text.
fn global_check(
    cx: &Ctx<'_>,
    r: &Replica<'_>,
    out: &mut Vec<Finding>,
    spec: &GlobalSpec,
    message_key: Key,
    extra: &[(&str, &str)],
) -> Outcome {
    let (state, v, next) = global_state(r, spec);
    match state {
        State::Good => {
            return Outcome::passed(
                cx.fmt(k::REPLICA_PASSED_SETTING, &[("name", spec.var), ("how", &describe(cx, r, &v))]),
            );
        }
        State::Unknown(m) => return unknown(cx, r, m),
        State::NotApplicable => return Outcome::not_applicable(String::new()),
        State::Bad => {}
    }
    let how = describe(cx, r, &v);
    let value = match &next {
        Some(n) => n.value.clone(),
        None => v.value().unwrap_or_default().to_owned(),
    };
    let now = v.value().unwrap_or_default().to_owned();
    let origin = next.as_ref().map(|n| origin_label(cx, n.origin)).unwrap_or_default();
    let version = version_label(cx, r);
    let mut args: Vec<(&str, &str)> = vec![
        ("name", spec.var),
        ("value", &value),
        ("now", &now),
        ("origin", &origin),
        ("how", &how),
        ("version", &version),
        ("good", spec.good_value),
    ];
    args.extend_from_slice(extra);
    let key = if next.is_some() { k::REPLICA_MESSAGE_REVERTS } else { message_key };
    let mut f = finding(cx, spec.rule, spec.severity, key, &args, None);
    f.evidence = match &next {
        Some(n) => reverts_evidence(cx, n, &v),
        None => val_evidence(cx, &v),
    };
    let set = sql::set_persist(r.version, spec.var, spec.good_value);
    // On 5.7, SET GLOBAL does not fix a value that reverts at restart: only the option file does.
    if sql::has_persist(r.version) || next.is_none() {
        f.fixes.push(
            Fix::needs_review(
                FixTarget::Sql,
                cx.fmt(
                    k::REPLICA_FIX_SET_PERSIST,
                    &[("name", &sql::var(r.version, spec.var)), ("value", spec.good_value)],
                ),
                format!("{set}\n"),
            )
            .because(cx.t(spec.fix_reason)),
        );
    }
    if !sql::has_persist(r.version) {
        f.fixes.push(
            Fix::needs_review(
                FixTarget::MyCnf,
                cx.t(k::REPLICA_FIX_CNF_57),
                sql::cnf_block(r.version, &[(spec.var, spec.good_value)]),
            )
            .because(cx.t(k::REPLICA_FIX_REASON_CNF_57)),
        );
    }
    if let Some(page) = mariadb_page(cx, spec.var) {
        // MariaDB's own documentation, not MySQL's manual.
        f.references.push(cx.reference(spec.ref_title, page));
    } else {
        f.references.push(doc_halt(cx, r));
        f.references.push(doc(cx, r, spec.ref_title, spec.ref_page));
    }
    out.push(f);
    Outcome::fired()
}

/// `STOP` / `CHANGE … SOURCE_AUTO_POSITION = 1[, REQUIRE_ROW_FORMAT = 1, GTID_ONLY = 1]` / `START`
/// for one channel: what the recipe wants of a channel, in run order, spelled for the version.
/// `GTID_ONLY` (8.0.27+) is added unless already on, with `REQUIRE_ROW_FORMAT` unless already on.
fn channel_recipe_steps(r: &Replica<'_>, ch: Option<&model::ChannelView<'_>>) -> String {
    use sql::{ChangeOpt, Threads};
    let v = r.version;
    let name = ch.map(|c| c.name).unwrap_or("");
    let mut opts = vec![(ChangeOpt::AutoPosition, "1")];
    let has_gtid_only = ch.is_some_and(model::ChannelView::shows_gtid_only_column) || r.at_least(8, 0, 27);
    if has_gtid_only && !ch.and_then(model::ChannelView::gtid_only).is_some_and(|g| g.value) {
        if !ch.and_then(model::ChannelView::require_row_format).is_some_and(|g| g.value) {
            opts.push((ChangeOpt::RequireRowFormat, "1"));
        }
        opts.push((ChangeOpt::GtidOnly, "1"));
    }
    format!(
        "{}\n{}\n{}\n",
        sql::stop(v, name, Threads::Both),
        sql::change(v, name, &opts),
        sql::start(v, name, Threads::Both)
    )
}

/// True when [`channel_recipe_steps`] adds `GTID_ONLY` for this channel.
fn recipe_adds_gtid_only(r: &Replica<'_>, ch: Option<&model::ChannelView<'_>>) -> bool {
    (ch.is_some_and(model::ChannelView::shows_gtid_only_column) || r.at_least(8, 0, 27))
        && !ch.and_then(model::ChannelView::gtid_only).is_some_and(|g| g.value)
}

/// An item's name in the verdict's reasons (`<rule>.name`); when nothing shows a replica, the
/// durability items are named for the server (`<rule>.name-server`), not for a replica.
fn item_name(cx: &Ctx<'_>, r: &Replica<'_>, rule: &'static str) -> String {
    if r.conditional && rule == sync_binlog::ReplicaSyncBinlog::ID {
        return cx.t(k::REPLICA_SYNC_BINLOG_NAME_SERVER);
    }
    cx.t(crate::i18n::dynamic(format_args!("{rule}.name")))
}

/// The verdict made to agree with this family's findings ([`crate::report::agree`]).
pub(crate) fn agree(
    lang: crate::i18n::Lang,
    v: CrashSafe,
    note: &mut VerdictNote,
    findings: &[Finding],
) -> CrashSafe {
    use crate::report::Lean;
    let lean = match v {
        CrashSafe::Yes => Lean::Positive,
        CrashSafe::No => Lean::Negative,
        CrashSafe::Unknown => Lean::Open,
    };
    let ours = findings.iter().filter(|f| RULES.iter().any(|r| r.id() == f.rule));
    match crate::report::agree(lang, lean, note, ours, |_| false) {
        Lean::Open if lean != Lean::Open => CrashSafe::Unknown,
        _ => v,
    }
}

/// The verdict `replica_crash_safe`. A bad item counts against it only when its rule reported it
/// as an error; an item reported as a warning qualifies a "yes" (a caveat, added by [`agree`]).
pub(crate) fn verdict(cx: &Ctx<'_>, findings: &[Finding]) -> (CrashSafe, VerdictNote) {
    use crate::report::{MAX_EVIDENCE, MAX_REASONS};
    let mut note = VerdictNote::default();
    let r = match cx.replica_scope() {
        Scope::Replica(r) => r,
        other => {
            let key = match other {
                Scope::GroupReplication => k::REPLICA_VERDICT_GROUP_REPLICATION,
                _ => k::REPLICA_VERDICT_NOT_REPLICA,
            };
            note.summary = cx.t(key);
            let v = cx.facts.version_or_assumed();
            if matches!(other, Scope::NotReplica) {
                note.missing.push(cx.fmt(k::REPLICA_MISSING_STATUS, &[("query", &sql::status_query(v))]));
                note.missing.push(cx.fmt(k::REPLICA_MISSING_SETTINGS, &[("query", &sql::settings_query(v))]));
                note.missing.push(if sql::mariadb(v) {
                    cx.fmt(k::REPLICA_MISSING_GTID_POS_ENGINE, &[("query", &sql::gtid_pos_engine_query())])
                } else {
                    cx.fmt(k::REPLICA_MISSING_CHANNEL_CONFIG, &[("query", &sql::channel_config_query(v))])
                });
            }
            return (CrashSafe::Unknown, note);
        }
    };
    // One reason and one piece of evidence per bad item and stopped channel, up to the report's
    // bounds; the rest are counted, not built, and the items are judged one rule at a time, never
    // all held or sorted at once (issue 18: hundreds of thousands of channels).
    let mut bad = 0usize;
    let mut qualified = 0usize;
    let mut missing: Vec<Missing> = Vec::new();
    let mut reasons_left_out = 0usize;
    let mut judge_item = |i: Item<'_>| {
        // MariaDB has none of MySQL's recipe items; its own are judged by the `mariadb_*` rules.
        if r.mariadb && MYSQL_ONLY.contains(&i.rule) {
            return;
        }
        match i.state {
            State::Bad
                if findings.iter().any(|f| {
                    f.rule == i.rule
                        && f.severity == Severity::Error
                        && (i.channel.is_none() || f.channel.as_deref() == i.channel)
                }) =>
            {
                bad += 1
            }
            State::Bad => qualified += 1,
            State::Unknown(m) => {
                if !missing.contains(&m) {
                    missing.push(m);
                }
                return;
            }
            _ => return,
        }
        if note.reasons.len() >= MAX_REASONS {
            reasons_left_out += 1;
        } else {
            let title = item_name(cx, r, i.rule);
            note.reasons.push(match (&i.channel, i.subject) {
                (Some(c), _) => {
                    cx.fmt(k::REPLICA_REASON_CHANNEL, &[("rule", &title), ("channel", &channel_label(cx, c))])
                }
                (None, Some(subject)) => {
                    cx.fmt(k::REPLICA_REASON_CHANNEL, &[("rule", &title), ("channel", subject)])
                }
                (None, None) => title,
            });
        }
        if let Some(at) = i.at {
            if note.evidence.len() < MAX_EVIDENCE {
                note.evidence.push(cx.evidence(at, item_name(cx, r, i.rule)));
            } else {
                note.evidence_omitted += 1;
            }
        }
    };
    for f in ITEMS {
        f(r, &mut judge_item);
    }
    for (ch, which) in threads_stopped::stopped_channels(r) {
        if note.reasons.len() >= MAX_REASONS {
            reasons_left_out += 1;
            continue;
        }
        note.reasons.push(
            cx.fmt(k::REPLICA_REASON_STOPPED, &[("channel", &channel_label(cx, ch)), ("threads", &which)]),
        );
    }
    if reasons_left_out > 0 {
        note.reasons.push(plural(cx, reasons_left_out, k::CORE_REASON_OMITTED_ONE, k::CORE_REASON_OMITTED));
    }
    crate::sort::sort(&mut missing);
    for m in &missing {
        note.missing.push(missing_text(cx, r, *m));
    }
    if !r.version_known {
        let key = if r.mariadb { k::REPLICA_ASSUMED_MARIADB } else { k::REPLICA_ASSUMED };
        note.assumptions.push(cx.fmt(key, &[("version", &r.version.to_string())]));
        if r.channels
            .iter()
            .any(|c| c.channel.and_then(|c| c.dialect) == Some(crate::facts::mysql::StatusDialect::Replica))
        {
            note.assumptions.push(cx.t(k::REPLICA_ASSUMED_REPLICA_NAMES));
        }
    }
    if mariadb_gtid_pos_engine::engine_assumed(r) {
        note.assumptions
            .push(cx.fmt(k::REPLICA_ASSUMED_GTID_POS_INNODB, &[("query", &sql::gtid_pos_engine_query())]));
    }
    if r.conditional {
        // Never more certain than the findings: they are conditions, so the verdict is unknown,
        // and the first thing to paste is whether the server replicates.
        let bad = bad + qualified;
        note.summary = if bad > 0 {
            plural(cx, bad, k::REPLICA_VERDICT_CONDITIONAL_ONE, k::REPLICA_VERDICT_CONDITIONAL_OTHER)
        } else {
            cx.t(k::REPLICA_VERDICT_NOT_REPLICA)
        };
        let status = missing_text(cx, r, Missing::Status);
        note.missing.retain(|m| *m != status);
        note.missing.insert(0, status);
        return (CrashSafe::Unknown, note);
    }
    let verdict = if bad > 0 {
        // Every item not met is counted (and listed); the errors among them decide.
        let n = bad + qualified;
        note.summary = if r.mariadb {
            plural(cx, n, k::REPLICA_VERDICT_NO_MARIADB_ONE, k::REPLICA_VERDICT_NO_MARIADB_OTHER)
        } else {
            plural(cx, n, k::REPLICA_VERDICT_NO_ONE, k::REPLICA_VERDICT_NO_OTHER)
        };
        CrashSafe::No
    } else if !missing.is_empty() {
        note.summary = match qualified {
            0 => cx.t(k::REPLICA_VERDICT_UNKNOWN),
            // Warnings met and items missing: never "nothing shown is wrong".
            1 => cx.t(k::REPLICA_VERDICT_UNKNOWN_QUALIFIED_ONE),
            n => cx.fmt(k::REPLICA_VERDICT_UNKNOWN_QUALIFIED_OTHER, &[("count", &n.to_string())]),
        };
        CrashSafe::Unknown
    } else if qualified > 0 {
        let version = version_label(cx, r);
        let count = qualified.to_string();
        let args: &[(&str, &str)] = &[("version", &version), ("count", &count)];
        let key = match (r.mariadb, qualified == 1) {
            (false, true) => k::REPLICA_VERDICT_YES_BUT_ONE,
            (false, false) => k::REPLICA_VERDICT_YES_BUT_OTHER,
            (true, true) => k::REPLICA_VERDICT_YES_BUT_MARIADB_ONE,
            (true, false) => k::REPLICA_VERDICT_YES_BUT_MARIADB_OTHER,
        };
        note.summary = cx.fmt(key, args);
        CrashSafe::Yes
    } else {
        let key = if r.mariadb { k::REPLICA_VERDICT_YES_MARIADB } else { k::REPLICA_VERDICT_YES };
        note.summary = cx.fmt(key, &[("version", &version_label(cx, r))]);
        CrashSafe::Yes
    };
    (verdict, note)
}

#[cfg(test)]
mod tests;
