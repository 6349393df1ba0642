//! `clone-restart-failed`: ERROR 3707 or MY-013462 seen — the clone's automatic restart failed and
//! the server shut itself down (`mysql-facts.md` §1.2, §2.1, §2.2).

use crate::i18n::k;
use crate::text::TrimWs;

use super::{StartHow, check_status_fix, errors, reference, restart_findings, urls};
use crate::facts::clone_scan::{Scan, StmtKind};
use crate::facts::{Facts, Loc};
use crate::report::{Evidence, Finding, Severity};
use crate::rules::{Ctx, Outcome};

declare_rule! {
    /// See the docs beside this file.
    CloneRestartFailed { id: "clone-restart-failed", family: Clone, docs: "clone_restart_failed" }
}

/// Which statement the 3707 answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// An in-place `CLONE INSTANCE` (MY-013462 logged, or the statement shown): the server is down.
    Clone,
    /// The `RESTART` statement: nothing happened, the server still runs.
    RestartStatement,
    /// Only the error line: either.
    Unknown,
}

/// What the input shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Seen {
    pub case: Case,
    /// The 3707 lines.
    pub errors: Vec<Loc>,
    /// MY-013462 lines.
    pub shutdown_logs: Vec<Loc>,
    /// The clean exit right after the clone as a supervisor or container runtime observed it.
    pub clean_exit: Option<Loc>,
    /// The statement that got the 3707, when shown.
    pub statement: Option<Loc>,
    /// `Internal operation failure` instead of `not managed by supervisor process`.
    pub internal_failure: bool,
    /// `clone_status` still `In Progress`.
    pub status_in_progress: Option<Loc>,
    /// `clone_status` pasted after the error in the same input, reading `Completed` (`true`) or
    /// `Failed` (`false`): the server has been started since and recovery has run.
    pub started_since: Option<(Loc, bool)>,
}

/// The predicate: `None` when neither 3707, MY-013462 nor `clean_exit` (the clean exit right
/// after a clone that a supervisor or container runtime observed: the same shutdown, seen from
/// outside) is in the input.
pub(crate) fn detect(f: &Facts, scan: &Scan, clean_exit: Option<Loc>) -> Option<Seen> {
    let errs: Vec<_> =
        f.client_errors.iter().filter(|e| e.code == errors::ER_RESTART_SERVER_FAILED).collect();
    let logs: Vec<Loc> = f.log_events.iter().filter(|e| errors::is_clone_shutdown(e)).map(|e| e.at).collect();
    if errs.is_empty() && logs.is_empty() && clean_exit.is_none() {
        return None;
    }
    let mut statement = None;
    let mut by_stmt = None;
    for e in &errs {
        if let Some(st) = scan.statement_before(e.at) {
            statement = Some(st.at);
            by_stmt = Some(match st.kind {
                StmtKind::CloneInstance if !st.data_directory => Case::Clone,
                StmtKind::Restart => Case::RestartStatement,
                _ => Case::Unknown,
            });
        }
    }
    let status_in_progress =
        f.clone.state().filter(|s| s.value.trim_ws().eq_ignore_ascii_case("In Progress")).map(|s| s.at);
    let last_seen =
        errs.iter().map(|e| e.at).chain(logs.iter().copied()).max_by_key(|l| (l.input, l.range.start));
    let started_since = f.clone.state().and_then(|s| {
        let v = s.value.trim_ws();
        let done = if v.eq_ignore_ascii_case("Completed") {
            true
        } else if v.eq_ignore_ascii_case("Failed") {
            false
        } else {
            return None;
        };
        let after = last_seen.is_some_and(|l| l.input == s.at.input && l.range.end <= s.at.range.start);
        after.then_some((s.at, done))
    });
    let case = if !logs.is_empty() || clean_exit.is_some() || by_stmt == Some(Case::Clone) {
        Case::Clone
    } else if by_stmt == Some(Case::RestartStatement) || !scan.restart_warning.is_empty() {
        Case::RestartStatement
    } else if status_in_progress.is_some() {
        Case::Clone
    } else {
        Case::Unknown
    };
    Some(Seen {
        case,
        errors: errs.iter().map(|e| e.at).collect(),
        shutdown_logs: logs,
        clean_exit,
        statement,
        internal_failure: errs.iter().any(|e| e.message.contains("Internal operation failure")),
        status_in_progress,
        started_since,
    })
}

impl CloneRestartFailed {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let scan = &cx.facts.clone_scan;
        let clean_exit = cx
            .restart_seen()
            .check
            .as_ref()
            .filter(|c| c.why == crate::facts::launch::seen::CheckSeen::CleanExitAfterClone)
            .and_then(|c| c.at.first().copied());
        let Some(seen) = detect(cx.facts, scan, clean_exit) else {
            return Outcome::not_applicable(cx.t(k::CLONE_RESTART_FAILED_NOTE_NONE));
        };
        let finding = report(cx, &seen, scan, &restart_findings(out));
        out.push(finding);
        Outcome::fired()
    }
}

/// The instance a MySQL Shell `Cluster` operation was adding or rejoining, when the input shows one.
fn shell_cluster_instance(cx: &Ctx<'_>) -> Option<String> {
    use crate::facts::observed::ShellEvent;
    let shell = &cx.facts.observed.shell;
    let cluster = shell
        .iter()
        .any(|s| matches!(&s.event, ShellEvent::Operation { name } if name.to_ascii_lowercase().starts_with("cluster.")));
    if !cluster {
        return None;
    }
    shell.iter().find_map(|s| s.instance.clone()).or_else(|| Some(String::from("?")))
}

fn report(cx: &Ctx<'_>, seen: &Seen, scan: &Scan, restart_rules: &[&str]) -> Finding {
    let start = StartHow::of(cx);
    // A code block in the message (issue 15): the command, or the usual ways to start mysqld.
    let start_cmd = start.command().unwrap_or_else(|| cx.t(k::CLONE_FIX_START_GENERIC));
    let unit = cx.facts.unit.as_ref().and_then(|u| u.name.clone()).unwrap_or_else(|| "mysqld".to_owned());
    let mut parts = Vec::new();
    let (mut severity, title_key) = match seen.case {
        Case::Clone => (Severity::Error, k::CLONE_RESTART_FAILED_TITLE),
        Case::RestartStatement => (Severity::Warning, k::CLONE_RESTART_FAILED_TITLE_RESTART),
        Case::Unknown => (Severity::Error, k::CLONE_RESTART_FAILED_TITLE_UNKNOWN),
    };
    let started = seen.started_since.filter(|_| seen.case != Case::RestartStatement);
    match (seen.case, started) {
        (_, Some((_, completed))) => {
            // The server was started after the shutdown: only the supervisor is left to fix.
            severity = Severity::Warning;
            parts.push(cx.t(k::CLONE_RESTART_FAILED_MSG_CLONE_SHORT));
            let key = if completed {
                k::CLONE_RESTART_FAILED_MSG_STARTED_COMPLETED
            } else {
                k::CLONE_RESTART_FAILED_MSG_STARTED_FAILED
            };
            parts.push(cx.t(key));
        }
        (Case::Clone, None) => {
            let key = if matches!(start, StartHow::Docker { .. }) {
                k::CLONE_RESTART_FAILED_MSG_CLONE_CONTAINER
            } else {
                k::CLONE_RESTART_FAILED_MSG_CLONE
            };
            parts.push(cx.fmt(key, &[("start", &start_cmd)]));
            parts.push(cx.t(k::CLONE_RESTART_FAILED_MSG_CHECK));
        }
        // With "Internal operation failure" the supervisor check passed: msg-internal says so below.
        (Case::RestartStatement, None) if !seen.internal_failure => {
            parts.push(cx.t(k::CLONE_RESTART_FAILED_MSG_RESTART))
        }
        (Case::RestartStatement, None) => {}
        (Case::Unknown, None) => {
            parts.push(cx.fmt(k::CLONE_RESTART_FAILED_MSG_UNKNOWN, &[("start", &start_cmd)]));
            parts.push(cx.t(k::CLONE_RESTART_FAILED_MSG_CHECK));
        }
    }
    if seen.internal_failure {
        parts.push(cx.t(k::CLONE_RESTART_FAILED_MSG_INTERNAL));
    }
    // After a manual start: a Group Replication member's way back into the group, and the
    // Shell's rescan (runtime-and-launchers.md §4.3, §5.4).
    if seen.case != Case::RestartStatement && started.is_none() {
        if cx.facts.observed.gr_clone_recovery() {
            let on_boot = cx.facts.setting("group_replication_start_on_boot");
            let manual = on_boot.is_some_and(|s| crate::base::parse_bool(&s.value) == Some(false));
            parts.push(cx.t(if manual {
                k::SHELL_GR_AFTER_MANUAL_START_MANUAL
            } else {
                k::SHELL_GR_AFTER_MANUAL_START_ON_BOOT
            }));
        }
        if let Some(instance) = shell_cluster_instance(cx) {
            parts.push(cx.fmt(k::SHELL_RESCAN_ADVICE, &[("instance", &instance)]));
        }
    }
    if seen.status_in_progress.is_some() && seen.case != Case::RestartStatement {
        parts.push(cx.t(k::CLONE_RESTART_FAILED_MSG_IN_PROGRESS));
    }
    if restart_rules.is_empty() {
        parts.push(cx.fmt(k::CLONE_RESTART_FAILED_MSG_SUPERVISOR_UNKNOWN, &[("unit", &unit)]));
    } else {
        let rules = super::join_ids(cx.lang, restart_rules);
        parts.push(cx.fmt(k::CLONE_RESTART_FAILED_MSG_SUPERVISOR, &[("rules", &rules)]));
    }
    let (verdict, _) = crate::rules::restart::verdict(cx);
    use crate::report::CloneRestart as V;
    // The verdict in words, never its JSON value (issue 15).
    let said = match verdict {
        V::Works => Some(k::RENDER_CLONE_RESTART_WORKS),
        V::Fails => Some(k::RENDER_CLONE_RESTART_FAILS),
        V::StaysDown => Some(k::RENDER_CLONE_RESTART_STAYS_DOWN),
        V::Unknown | V::NotApplicable => None,
    };
    if let Some(key) = said {
        parts.push(cx.fmt(k::CLONE_RESTART_FAILED_MSG_VERDICT, &[("verdict", &cx.t(key))]));
    }

    let mut evidence: Vec<Evidence> = Vec::new();
    let err_label = match seen.case {
        Case::Clone => k::CLONE_RESTART_FAILED_EV_ERROR_CLONE,
        Case::RestartStatement => k::CLONE_RESTART_FAILED_EV_ERROR_RESTART,
        Case::Unknown => k::CLONE_RESTART_FAILED_EV_ERROR,
    };
    for at in &seen.errors {
        evidence.push(cx.evidence(*at, cx.t(err_label)));
    }
    for at in &seen.shutdown_logs {
        evidence.push(cx.evidence(*at, cx.t(k::CLONE_RESTART_FAILED_EV_SHUTDOWN_LOG)));
    }
    if let Some(at) = seen.clean_exit {
        evidence.push(cx.evidence(at, cx.t(k::CLONE_RESTART_FAILED_EV_CLEAN_EXIT)));
    }
    if let Some(at) = seen.statement {
        evidence.push(cx.evidence(at, cx.t(k::CLONE_RESTART_FAILED_EV_STATEMENT)));
    }
    for at in &scan.restart_warning {
        evidence.push(cx.evidence(*at, cx.t(k::CLONE_RESTART_FAILED_EV_RESTART_WARNING)));
    }
    if let Some(at) = seen.status_in_progress {
        evidence.push(cx.evidence(at, cx.t(k::CLONE_RESTART_FAILED_EV_IN_PROGRESS)));
    }
    if let Some((at, completed)) = started {
        let key =
            if completed { k::CLONE_RESTART_FAILED_EV_COMPLETED } else { k::CLONE_RESTART_FAILED_EV_FAILED };
        evidence.push(cx.evidence(at, cx.t(key)));
    }

    let mut fixes = Vec::new();
    if seen.case != Case::RestartStatement && started.is_none() {
        // Two steps in this order, not alternatives: the first start finishes the clone, then
        // clone_status says whether it completed (issue 15).
        fixes.push(start.fix(cx).step(1));
        fixes.push(check_status_fix(cx).step(2));
    }

    Finding {
        rule: CloneRestartFailed::ID,
        severity,
        title: cx.t(title_key),
        message: parts.join("\n\n"),
        channel: None,
        evidence: super::dedup_evidence(evidence),
        evidence_omitted: 0,
        fixes,
        references: vec![
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
            reference(cx, k::CLONE_REF_RESTART, urls::RESTART),
            reference(cx, k::CLONE_REF_MONITORING, urls::MONITORING),
            reference(cx, k::CLONE_REF_FAILURE, urls::FAILURE),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{ClientErrorEvent, LogEvent, Record, Valued};
    use crate::source::Source;
    use crate::text::TextRange;

    fn at(start: u32, end: u32) -> Loc {
        Loc { input: 0, range: TextRange::new(start, end) }
    }

    fn err3707(loc: Loc, reason: &str) -> ClientErrorEvent {
        ClientErrorEvent {
            at: loc,
            code: 3707,
            sqlstate: Some("HY000".into()),
            message: format!("Restart server failed ({reason})."),
        }
    }

    fn log(code: Option<&str>, msg: &str) -> LogEvent {
        LogEvent {
            at: at(0, 10),
            time: None,
            level: Some("ERROR".into()),
            code: code.map(str::to_owned),
            subsystem: Some("Server".into()),
            message: msg.into(),
        }
    }

    fn scan_of(text: &str) -> Scan {
        let src = Source::new(0, "t", text);
        let docs = crate::detect::split(&src);
        Scan::of(std::slice::from_ref(&src), &docs)
    }

    #[test]
    fn nothing_seen_is_none() {
        assert_eq!(detect(&Facts::default(), &Scan::default(), None), None);
        let mut f = Facts::default();
        f.client_errors.push(ClientErrorEvent {
            at: at(0, 1),
            code: 3869,
            sqlstate: None,
            message: "x".into(),
        });
        assert_eq!(detect(&f, &Scan::default(), None), None);
    }

    #[test]
    fn log_line_alone_means_clone() {
        let mut f = Facts::default();
        f.log_events.push(log(
            Some("MY-013462"),
            "Clone shutting down server as RESTART failed. Please start server to complete clone operation.",
        ));
        let s = detect(&f, &Scan::default(), None).unwrap();
        assert_eq!(s.case, Case::Clone);
        assert_eq!(s.shutdown_logs.len(), 1);
    }

    #[test]
    fn error_alone_is_unknown_and_statement_decides() {
        let text = "mysql> RESTART;\nERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n";
        let mut f = Facts::default();
        f.client_errors.push(err3707(at(16, 100), "mysqld is not managed by supervisor process"));
        assert_eq!(detect(&f, &Scan::default(), None).unwrap().case, Case::Unknown);
        let s = detect(&f, &scan_of(text), None).unwrap();
        assert_eq!(s.case, Case::RestartStatement);
        assert!(s.statement.is_some());
        assert!(!s.internal_failure);
    }

    #[test]
    fn clone_statement_decides_and_data_directory_does_not() {
        let text = "mysql> CLONE INSTANCE FROM 'u'@'db1':3306 IDENTIFIED BY 'p';\nERROR 3707 (HY000): Restart server failed (Internal operation failure).\n";
        let mut f = Facts::default();
        let off = text.find("ERROR").unwrap() as u32;
        f.client_errors.push(err3707(at(off, off + 10), "Internal operation failure"));
        let s = detect(&f, &scan_of(text), None).unwrap();
        assert_eq!(s.case, Case::Clone);
        assert!(s.internal_failure);

        let text = "mysql> CLONE INSTANCE FROM 'u'@'db1':3306 IDENTIFIED BY 'p' DATA DIRECTORY '/d';\nERROR 3707 (HY000): x\n";
        let off = text.find("ERROR").unwrap() as u32;
        f.client_errors[0].at = at(off, off + 10);
        assert_eq!(detect(&f, &scan_of(text), None).unwrap().case, Case::Unknown);
    }

    #[test]
    fn restart_warning_or_in_progress_status() {
        let mut f = Facts::default();
        f.client_errors.push(err3707(at(200, 210), "mysqld is not managed by supervisor process"));
        let s =
            detect(&f, &scan_of("| Error | 3707 | Restart server failed (Restart server failed). |\n"), None)
                .unwrap();
        assert_eq!(s.case, Case::RestartStatement);

        let mut rec = Record::default();
        rec.fields.insert("STATE".into(), Valued::new("In Progress".into(), at(5, 9)));
        f.clone.status = Some(rec);
        let s = detect(&f, &Scan::default(), None).unwrap();
        assert_eq!(s.case, Case::Clone);
        assert_eq!(s.status_in_progress, Some(at(5, 9)));
        assert_eq!(s.started_since, None);
    }

    #[test]
    fn status_after_the_error_means_the_server_was_started() {
        let mut f = Facts::default();
        f.client_errors.push(err3707(at(10, 20), "mysqld is not managed by supervisor process"));
        let mut rec = Record::default();
        rec.fields.insert("STATE".into(), Valued::new("Completed".into(), at(50, 59)));
        f.clone.status = Some(rec.clone());
        assert_eq!(detect(&f, &Scan::default(), None).unwrap().started_since, Some((at(50, 59), true)));
        // Before the error (an earlier clone's status): says nothing about this one.
        rec.fields.insert("STATE".into(), Valued::new("Completed".into(), at(0, 5)));
        f.clone.status = Some(rec.clone());
        assert_eq!(detect(&f, &Scan::default(), None).unwrap().started_since, None);
        rec.fields.insert("STATE".into(), Valued::new("Failed".into(), at(50, 59)));
        f.clone.status = Some(rec);
        assert_eq!(detect(&f, &Scan::default(), None).unwrap().started_since, Some((at(50, 59), false)));
    }
}
