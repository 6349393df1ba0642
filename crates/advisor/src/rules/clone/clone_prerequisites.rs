//! `clone-prerequisites`: what a remote clone needs on the recipient (`mysql-facts.md` §2.1, §3.2):
//! the clone plugin loaded, `clone_valid_donor_list` naming the donor in the exact format,
//! `max_allowed_packet` ≥ 2 MiB (donor too), and donor/recipient versions that pass the check.
//!
//! Unknown is not missing: a setting that is not in the input, or an option file that does not load
//! the plugin (it may be installed with `INSTALL PLUGIN`), never fires on its own.

use crate::i18n::k;
use crate::text::TrimWs;

use super::donor_list::{self, ListProblem};
use super::{clone_intent, errors, fixes, reference, urls};
use crate::facts::clone_scan::{Scan, StmtKind};
use crate::facts::settings::Origin;
use crate::facts::{ClientErrorEvent, Facts, Loc, Setting};
use crate::report::{Evidence, Finding, Fix, Severity};
use crate::rules::{Ctx, Outcome};

/// The query that shows whether the clone plugin is loaded.
const PLUGIN_QUERY: &str =
    "SELECT PLUGIN_NAME, PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'clone';";
/// The query that shows `clone_valid_donor_list` (and the other clone settings).
const DONOR_LIST_QUERY: &str = "SHOW VARIABLES LIKE 'clone%';";

declare_rule! {
    /// See the docs beside this file.
    ClonePrerequisites { id: "clone-prerequisites", family: Clone, docs: "clone_prerequisites" }
}

impl ClonePrerequisites {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let scan = &cx.facts.clone_scan;
        let intent = clone_intent(cx, scan).is_some();
        // What could not be checked, and the query that would show it.
        let mut unknown = Vec::new();
        let mut queries: Vec<&str> = Vec::new();
        let before = out.len();

        match plugin(cx.facts, scan) {
            PluginState::Missing(m) => out.push(report_plugin(cx, &m, intent)),
            PluginState::Loaded => {}
            PluginState::Unknown => {
                unknown.push(cx.t(k::CLONE_PREREQUISITES_MISSING_PLUGIN));
                queries.push(PLUGIN_QUERY);
            }
        }
        let remote = scan.clones.iter().find(|s| s.kind == StmtKind::CloneInstance && s.donor.is_some());
        let donor = remote.and_then(|s| s.donor.clone().map(|d| (d, s.at)));
        let mut list_idx = None;
        match donor_list_state(cx.facts, donor.as_ref().map(|(d, _)| (d.0.as_str(), d.1.as_str()))) {
            ListState::Problem(p) => {
                out.push(report_list(cx, &p, donor.as_ref(), remote.is_some()));
                list_idx = Some(out.len() - 1);
            }
            ListState::Ok => {}
            ListState::Unknown => {
                unknown.push(cx.t(k::CLONE_PREREQUISITES_MISSING_DONOR_LIST));
                queries.push(DONOR_LIST_QUERY);
            }
        }
        if let Some(e) = unreported_error(cx.facts, errors::ER_CLONE_SYS_CONFIG) {
            match list_idx.and_then(|i| out.get_mut(i)) {
                Some(f) => f.evidence.push(cx.evidence(e.at, cx.t(k::CLONE_PREREQUISITES_EV_ERROR))),
                None => out.push(report_3869(cx, e)),
            }
        }
        if let Some(((host, port), at)) = &donor
            && port == X_PROTOCOL_PORT
        {
            out.push(report_x_port(cx, host, *at));
        }
        match packet(cx.facts) {
            PacketState::Small(s) => out.push(report_packet(cx, &s, intent)),
            PacketState::Ok => {}
            PacketState::Unknown => {}
        }
        if let Some(e) = unreported_error(cx.facts, errors::ER_CLONE_NETWORK_PACKET) {
            out.push(report_packet_error(cx, e));
        }
        if let Some(e) = unreported_error(cx.facts, errors::ER_CLONE_DONOR_VERSION) {
            out.push(report_versions(cx, e));
        }

        if out.len() > before {
            return Outcome::fired();
        }
        if unknown.is_empty() {
            Outcome::passed(cx.t(k::CLONE_PREREQUISITES_NOTE_OK))
        } else {
            let sep = if cx.lang == crate::i18n::Lang::ZhCn { "；" } else { "; " };
            let (missing, query) = (unknown.join(sep), queries.join("\n"));
            Outcome::unknown(
                cx.fmt(k::CLONE_PREREQUISITES_NOTE_UNKNOWN, &[("missing", &missing), ("query", &query)]),
            )
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plugin

/// Evidence that the clone plugin is not loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PluginMissing {
    /// `ERROR 1524 … Plugin 'clone' is not loaded`.
    pub error: Option<Loc>,
    /// MY-011034 "Clone plugin cannot be loaded."
    pub log: Option<Loc>,
    /// A plugin list without `clone`.
    pub absent_in: Option<Loc>,
    /// A `clone` row whose status is not `ACTIVE`.
    pub inactive: Option<(String, Loc)>,
    /// `clone=OFF` / `skip-clone`.
    pub disabled_by: Option<Loc>,
    /// `plugin_load(_add)` lines that do not load `mysql_clone.so`.
    pub load_lines: Vec<Loc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PluginState {
    Missing(PluginMissing),
    Loaded,
    Unknown,
}

/// The plugin predicate. Loaded wins: an `ACTIVE` row, `clone_status` rows or clone variables seen
/// at runtime prove the plugin is there.
pub(crate) fn plugin(f: &Facts, scan: &Scan) -> PluginState {
    let active_row = scan.plugin.clone.as_ref().is_some_and(|(s, _)| s.eq_ignore_ascii_case("ACTIVE"));
    let runtime_var =
        f.runtime_variables.iter().any(|a| a.name.starts_with("clone_") && a.origin == Origin::Runtime);
    if active_row || f.clone.status.is_some() || !f.clone.progress.is_empty() || runtime_var {
        return PluginState::Loaded;
    }
    let mut m = PluginMissing::default();
    let status_code = status_failure_code(f);
    m.error = f
        .client_errors
        .iter()
        .find(|e| e.code == errors::ER_PLUGIN_IS_NOT_LOADED && errors::names_clone_plugin(&e.message))
        .filter(|_| status_code != Some(errors::ER_PLUGIN_IS_NOT_LOADED))
        .map(|e| e.at);
    m.log = f.log_events.iter().find(|e| e.has_code(errors::LOG_PLUGIN_NOT_LOADED)).map(|e| e.at);
    m.absent_in = scan.plugin.absent_in;
    m.inactive = scan.plugin.clone.clone().filter(|(s, _)| !s.eq_ignore_ascii_case("ACTIVE"));
    m.disabled_by = f
        .setting("clone")
        .filter(|s| s.origin != Origin::Default && s.value.trim_ws().eq_ignore_ascii_case("OFF"))
        .and_then(|s| s.at);
    if m.error.is_none()
        && m.log.is_none()
        && m.absent_in.is_none()
        && m.inactive.is_none()
        && m.disabled_by.is_none()
    {
        return PluginState::Unknown;
    }
    let loads = ["plugin_load_add", "plugin_load"]
        .iter()
        .flat_map(|n| f.settings.assignments(n))
        .any(|a| donor_list::loads_clone(&a.value));
    if !loads {
        m.load_lines = ["plugin_load_add", "plugin_load"]
            .iter()
            .flat_map(|n| f.settings.assignments(n))
            .filter(|a| a.origin != Origin::Default)
            .map(|a| a.at)
            .collect();
    }
    PluginState::Missing(m)
}

fn report_plugin(cx: &Ctx<'_>, m: &PluginMissing, intent: bool) -> Finding {
    let mut ev: Vec<Evidence> = Vec::new();
    let mut parts = vec![cx.t(k::CLONE_PREREQUISITES_MSG_PLUGIN)];
    if let Some(at) = m.error {
        ev.push(cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_1524)));
    }
    if let Some(at) = m.log {
        ev.push(cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_PLUGIN_LOG)));
    }
    if let Some(at) = m.absent_in {
        ev.push(cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_PLUGIN_ABSENT)));
    }
    if let Some((status, at)) = &m.inactive {
        ev.push(cx.evidence(*at, cx.fmt(k::CLONE_PREREQUISITES_EV_PLUGIN_INACTIVE, &[("status", status)])));
    }
    if let Some(at) = m.disabled_by {
        ev.push(cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_PLUGIN_OFF)));
        parts.push(cx.t(k::CLONE_PREREQUISITES_MSG_PLUGIN_OFF));
    }
    for at in &m.load_lines {
        ev.push(cx.evidence(*at, cx.t(k::CLONE_PREREQUISITES_EV_PLUGIN_LOAD)));
    }
    if !m.load_lines.is_empty() {
        parts.push(cx.t(k::CLONE_PREREQUISITES_MSG_PLUGIN_LOAD));
    }
    parts.push(cx.t(k::CLONE_PREREQUISITES_MSG_PLUGIN_DONOR));
    let severity = if intent || m.error.is_some() { Severity::Error } else { Severity::Warning };
    finding(
        severity,
        cx.t(k::CLONE_PREREQUISITES_TITLE_PLUGIN),
        parts,
        ev,
        vec![fixes::install_plugin(cx, false), fixes::plugin_load_add(cx)],
        vec![
            reference(cx, k::CLONE_REF_INSTALL, urls::INSTALL),
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// clone_valid_donor_list

/// A donor-list problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ListIssue {
    pub setting: Setting,
    pub kind: ListKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListKind {
    /// Unusable (empty or malformed).
    Bad(ListProblem),
    /// Well-formed, but without the donor of the `CLONE INSTANCE` statement.
    DonorMissing { donor: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListState {
    Problem(Box<ListIssue>),
    Ok,
    Unknown,
}

/// The donor-list predicate. `donor` is the `CLONE INSTANCE` statement's `host` and `port`.
pub(crate) fn donor_list_state(f: &Facts, donor: Option<(&str, &str)>) -> ListState {
    let Some(s) = f.setting("clone_valid_donor_list").filter(|s| s.origin != Origin::Default) else {
        return ListState::Unknown;
    };
    match donor_list::parse(&s.value) {
        Err(p) => ListState::Problem(Box::new(ListIssue { setting: s, kind: ListKind::Bad(p) })),
        Ok(list) => match donor {
            Some((h, p)) if !donor_list::contains(&list, h, p) => {
                let kind = ListKind::DonorMissing { donor: format!("{h}:{p}") };
                ListState::Problem(Box::new(ListIssue { setting: s, kind }))
            }
            _ => ListState::Ok,
        },
    }
}

fn report_list(
    cx: &Ctx<'_>,
    issue: &ListIssue,
    donor: Option<&((String, String), Loc)>,
    remote: bool,
) -> Finding {
    let value = issue.setting.value.clone();
    let title = match &issue.kind {
        ListKind::Bad(ListProblem::Empty) => k::CLONE_PREREQUISITES_TITLE_LIST_EMPTY,
        ListKind::Bad(_) => k::CLONE_PREREQUISITES_TITLE_LIST_FORMAT,
        ListKind::DonorMissing { .. } => k::CLONE_PREREQUISITES_TITLE_LIST,
    };
    let (msg, severity, fix_value, placeholder) = match &issue.kind {
        ListKind::Bad(ListProblem::Empty) => {
            let sev = if remote { Severity::Error } else { Severity::Warning };
            (cx.t(k::CLONE_PREREQUISITES_MSG_LIST_EMPTY), sev, None, true)
        }
        ListKind::Bad(ListProblem::Whitespace) => (
            cx.fmt(k::CLONE_PREREQUISITES_MSG_LIST_SPACE, &[("value", &value)]),
            Severity::Error,
            donor_list::repaired(&value),
            false,
        ),
        ListKind::Bad(ListProblem::MissingPort { entry }) => (
            cx.fmt(k::CLONE_PREREQUISITES_MSG_LIST_PORT, &[("value", &value), ("entry", entry)]),
            Severity::Error,
            donor_list::repaired(&value),
            false,
        ),
        ListKind::Bad(ListProblem::BadPort { entry }) => (
            cx.fmt(k::CLONE_PREREQUISITES_MSG_LIST_BAD_PORT, &[("value", &value), ("entry", entry)]),
            Severity::Error,
            donor_list::repaired(&value),
            false,
        ),
        ListKind::Bad(ListProblem::MissingHost { entry }) => (
            cx.fmt(k::CLONE_PREREQUISITES_MSG_LIST_HOST, &[("value", &value), ("entry", entry)]),
            Severity::Error,
            donor_list::repaired(&value),
            false,
        ),
        ListKind::DonorMissing { donor } => (
            cx.fmt(k::CLONE_PREREQUISITES_MSG_LIST_DONOR, &[("value", &value), ("donor", donor)]),
            Severity::Error,
            None,
            false,
        ),
    };
    // With a known donor, the fix names it; otherwise a placeholder (or the repaired list).
    let fix_value = match donor {
        Some(((h, p), _)) => {
            let current = fix_value.as_deref().or(Some(value.as_str()));
            Some(donor_list::with_donor(current, h, p))
        }
        None => fix_value,
    };
    let (fix_value, placeholder) = match fix_value {
        Some(v) => (v, placeholder && donor.is_none()),
        None => ("donor.example.com:3306".to_owned(), true),
    };
    let mut ev = Vec::new();
    if let Some(at) = issue.setting.at {
        ev.push(cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_LIST)));
    }
    if let Some((_, at)) = donor {
        ev.push(cx.evidence(*at, cx.t(k::CLONE_PREREQUISITES_EV_STATEMENT)));
    }
    finding(
        severity,
        cx.t(title),
        vec![msg, cx.t(k::CLONE_PREREQUISITES_MSG_LIST_FORMAT)],
        ev,
        vec![fixes::donor_list(cx, &fix_value, placeholder)],
        vec![
            reference(cx, k::CLONE_REF_VARIABLES, urls::VARIABLES),
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
        ],
    )
}

fn report_3869(cx: &Ctx<'_>, e: &ClientErrorEvent) -> Finding {
    let (text, fixes) = super::clone_status_failed::explain(cx, e.code, &e.message, None);
    let fixes =
        if fixes.is_empty() { vec![fixes::donor_list(cx, "donor.example.com:3306", true)] } else { fixes };
    finding(
        Severity::Error,
        cx.t(k::CLONE_PREREQUISITES_TITLE_LIST),
        vec![text, cx.t(k::CLONE_PREREQUISITES_MSG_LIST_FORMAT)],
        vec![cx.evidence(e.at, cx.t(k::CLONE_PREREQUISITES_EV_ERROR))],
        fixes,
        vec![
            reference(cx, k::CLONE_REF_VARIABLES, urls::VARIABLES),
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// max_allowed_packet

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PacketState {
    Small(Box<Setting>),
    Ok,
    Unknown,
}

/// The packet predicate: an explicitly set value below 2 MiB (defaults are 64 MiB in 8.0).
pub(crate) fn packet(f: &Facts) -> PacketState {
    let Some(s) = f.setting("max_allowed_packet").filter(|s| s.origin != Origin::Default) else {
        return PacketState::Unknown;
    };
    match s.as_u64() {
        Some(v) if v < fixes::MIN_PACKET => PacketState::Small(Box::new(s)),
        Some(_) => PacketState::Ok,
        None => PacketState::Unknown,
    }
}

fn report_packet(cx: &Ctx<'_>, s: &Setting, intent: bool) -> Finding {
    let ev = s.at.map(|at| vec![cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_PACKET))]).unwrap_or_default();
    finding(
        if intent { Severity::Error } else { Severity::Warning },
        cx.t(k::CLONE_PREREQUISITES_TITLE_PACKET),
        vec![cx.fmt(
            k::CLONE_PREREQUISITES_MSG_PACKET,
            &[("value", s.value.trim_ws()), ("min", &fixes::MIN_PACKET.to_string())],
        )],
        ev,
        vec![fixes::max_packet(cx), fixes::max_packet_cnf(cx)],
        vec![
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
            reference(cx, k::CLONE_REF_LIMITATIONS, urls::LIMITATIONS),
        ],
    )
}

fn report_packet_error(cx: &Ctx<'_>, e: &ClientErrorEvent) -> Finding {
    let (text, fixes) = super::clone_status_failed::explain(cx, e.code, &e.message, None);
    finding(
        Severity::Error,
        cx.t(k::CLONE_PREREQUISITES_TITLE_PACKET),
        vec![text],
        vec![cx.evidence(e.at, cx.t(k::CLONE_PREREQUISITES_EV_ERROR))],
        fixes,
        vec![
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
            reference(cx, k::CLONE_REF_LIMITATIONS, urls::LIMITATIONS),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// Donor port

/// `mysqlx_port`'s default. CLONE needs the classic protocol port (manual, "Cloning Remote Data").
pub(crate) const X_PROTOCOL_PORT: &str = "33060";

fn report_x_port(cx: &Ctx<'_>, host: &str, at: Loc) -> Finding {
    finding(
        Severity::Warning,
        cx.t(k::CLONE_PREREQUISITES_TITLE_X_PORT),
        vec![cx.fmt(k::CLONE_PREREQUISITES_MSG_X_PORT, &[("host", host)])],
        vec![cx.evidence(at, cx.t(k::CLONE_PREREQUISITES_EV_STATEMENT))],
        Vec::new(),
        vec![reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE)],
    )
}

// ---------------------------------------------------------------------------------------------
// Versions

fn report_versions(cx: &Ctx<'_>, e: &ClientErrorEvent) -> Finding {
    let (text, fixes) = super::clone_status_failed::explain(cx, e.code, &e.message, None);
    finding(
        Severity::Error,
        cx.t(k::CLONE_PREREQUISITES_TITLE_VERSIONS),
        vec![text, cx.t(k::CLONE_PREREQUISITES_MSG_VERSIONS_RULE)],
        vec![cx.evidence(e.at, cx.t(k::CLONE_PREREQUISITES_EV_ERROR))],
        fixes,
        vec![
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
            reference(cx, k::CLONE_REF_LIMITATIONS, urls::LIMITATIONS),
        ],
    )
}

// ---------------------------------------------------------------------------------------------

/// `ERROR_NO` of a failed `clone_status` (that failure is `clone-status-failed`'s).
fn status_failure_code(f: &Facts) -> Option<u32> {
    let failed = f.clone.state().is_some_and(|s| s.value.trim_ws().eq_ignore_ascii_case("Failed"));
    let code = f.clone.error_no().map(|e| e.value).unwrap_or(0);
    (failed || code != 0).then_some(code)
}

/// The first client error `code` not already reported by `clone-status-failed`.
fn unreported_error(f: &Facts, code: u32) -> Option<&ClientErrorEvent> {
    if status_failure_code(f) == Some(code) {
        return None;
    }
    f.client_errors.iter().find(|e| e.code == code)
}

fn finding(
    severity: Severity,
    title: String,
    parts: Vec<String>,
    evidence: Vec<Evidence>,
    fixes: Vec<Fix>,
    references: Vec<crate::report::Reference>,
) -> Finding {
    Finding {
        rule: ClonePrerequisites::ID,
        severity,
        title,
        message: parts.join("\n\n"),
        channel: None,
        evidence,
        evidence_omitted: 0,
        fixes,
        references,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::settings::Assignment;
    use crate::facts::{Record, Valued};
    use crate::text::TextRange;

    fn at(n: u32) -> Loc {
        Loc { input: 0, range: TextRange::new(n, n + 1) }
    }

    fn set(f: &mut Facts, name: &str, value: &str, origin: Origin, n: u32) {
        f.settings.push(Assignment {
            name: name.into(),
            raw_name: name.into(),
            value: value.into(),
            origin,
            at: at(n),
            group: Some("mysqld".into()),
        });
    }

    #[test]
    fn plugin_unknown_is_not_missing() {
        let mut f = Facts::default();
        assert_eq!(plugin(&f, &Scan::default()), PluginState::Unknown);
        // An option file that does not load it proves nothing (INSTALL PLUGIN persists).
        set(&mut f, "plugin_load_add", "semisync_source.so", Origin::OptionFile, 1);
        assert_eq!(plugin(&f, &Scan::default()), PluginState::Unknown);
    }

    #[test]
    fn plugin_missing_from_error_or_list_and_loaded_wins() {
        let mut f = Facts::default();
        set(&mut f, "plugin_load_add", "semisync_source.so", Origin::OptionFile, 1);
        f.client_errors.push(ClientErrorEvent {
            at: at(5),
            code: 1524,
            sqlstate: Some("HY000".into()),
            message: "Plugin 'clone' is not loaded".into(),
        });
        let PluginState::Missing(m) = plugin(&f, &Scan::default()) else { panic!("missing expected") };
        assert_eq!(m.error, Some(at(5)));
        assert_eq!(m.load_lines, vec![at(1)]);

        let mut scan = Scan::default();
        scan.plugin.clone = Some(("ACTIVE".into(), at(9)));
        assert_eq!(plugin(&f, &scan), PluginState::Loaded);

        let mut f = Facts::default();
        let mut scan = Scan::default();
        scan.plugin.absent_in = Some(at(3));
        assert!(matches!(plugin(&f, &scan), PluginState::Missing(_)));
        f.clone.status = Some(Record::default());
        assert_eq!(plugin(&f, &scan), PluginState::Loaded);
    }

    #[test]
    fn donor_lists() {
        let mut f = Facts::default();
        // The compiled-in default (empty) is not evidence.
        assert_eq!(donor_list_state(&f, None), ListState::Unknown);
        set(&mut f, "clone_valid_donor_list", "", Origin::Runtime, 1);
        assert!(matches!(
            donor_list_state(&f, None),
            ListState::Problem(b) if matches!(b.kind, ListKind::Bad(ListProblem::Empty))
        ));
        let mut f = Facts::default();
        set(&mut f, "clone_valid_donor_list", "db1:3306", Origin::Persisted, 1);
        assert_eq!(donor_list_state(&f, None), ListState::Ok);
        assert_eq!(donor_list_state(&f, Some(("db1", "3306"))), ListState::Ok);
        assert!(matches!(
            donor_list_state(&f, Some(("db2", "3306"))),
            ListState::Problem(b) if matches!(b.kind, ListKind::DonorMissing { .. })
        ));
        set(&mut f, "clone_valid_donor_list", "db1:3306, db2:3306", Origin::Runtime, 2);
        assert!(matches!(
            donor_list_state(&f, None),
            ListState::Problem(b) if matches!(b.kind, ListKind::Bad(ListProblem::Whitespace))
        ));
    }

    #[test]
    fn clone_off_disables_the_plugin() {
        let mut f = Facts::default();
        set(&mut f, "clone", "OFF", Origin::OptionFile, 4);
        let PluginState::Missing(m) = plugin(&f, &Scan::default()) else { panic!("missing expected") };
        assert_eq!(m.disabled_by, Some(at(4)));
        let mut f = Facts::default();
        set(&mut f, "clone", "FORCE_PLUS_PERMANENT", Origin::OptionFile, 4);
        assert_eq!(plugin(&f, &Scan::default()), PluginState::Unknown);
    }

    #[test]
    fn packets() {
        let mut f = Facts::default();
        assert_eq!(packet(&f), PacketState::Unknown);
        set(&mut f, "max_allowed_packet", "1M", Origin::OptionFile, 1);
        assert!(matches!(packet(&f), PacketState::Small(_)));
        set(&mut f, "max_allowed_packet", "2097152", Origin::Runtime, 2);
        assert_eq!(packet(&f), PacketState::Ok);
    }

    #[test]
    fn errors_owned_by_status_are_skipped() {
        let mut f = Facts::default();
        f.client_errors.push(ClientErrorEvent {
            at: at(1),
            code: 3957,
            sqlstate: None,
            message: String::new(),
        });
        assert!(unreported_error(&f, 3957).is_some());
        let mut r = Record::default();
        r.fields.insert("STATE".into(), Valued::new("Failed".into(), at(2)));
        r.fields.insert("ERROR_NO".into(), Valued::new("3957".into(), at(3)));
        f.clone.status = Some(r);
        assert!(unreported_error(&f, 3957).is_none());
    }
}
