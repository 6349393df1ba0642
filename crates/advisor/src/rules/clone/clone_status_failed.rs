//! `clone-status-failed`: the last clone failed (`clone_status.STATE = Failed`, `ERROR_NO` ≠ 0, or
//! a clone error number answered the statement) — explain the error number in plain words
//! (`mysql-facts.md` §2.2, §3, §4). Also: `clone_status` still `In Progress` after a failed restart.

use crate::i18n::{Key, k};
use crate::text::TrimWs;

use super::compat::{self, Compat};
use super::errors::{self, DonorError, SysConfig};
use super::{donor_list, fixes, reference, urls};
use crate::facts::{Facts, Loc, Version};
use crate::report::{Evidence, Finding, Fix, Severity};
use crate::rules::{Ctx, Outcome};

declare_rule! {
    /// See the docs beside this file.
    CloneStatusFailed { id: "clone-status-failed", family: Clone, docs: "clone_status_failed" }
}

/// Where a failure was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum From {
    /// The `clone_status` row.
    Status,
    /// A client error line.
    ClientError,
}

/// One failed clone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Failure {
    pub code: u32,
    pub message: String,
    pub from: From,
    /// The primary line (`STATE`/`ERROR_NO` fields, or the error line).
    pub at: Loc,
    /// Further lines: `ERROR_NO`, `ERROR_MESSAGE`, the same error as a client error.
    pub more: Vec<(Loc, Key)>,
    /// The `clone_progress` stage that failed, and its row.
    pub stage: Option<(String, Loc)>,
    /// `clone_status.SOURCE` (`host:port`).
    pub source: Option<String>,
    /// Whether the recipient's own data had already been removed: `Some(false)` when `DROP DATA`
    /// never started or the clone went to a separate `DATA DIRECTORY`, `Some(true)` when `DROP
    /// DATA` had started, `None` when the input does not show it.
    pub dropped: Option<bool>,
}

/// What the rule found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Seen {
    pub failures: Vec<Failure>,
    /// `clone_status` reads `In Progress` and a failed restart (3707 / MY-013462) is in the input.
    pub pending_restart: Option<Loc>,
}

/// The predicate.
pub(crate) fn detect(f: &Facts) -> Seen {
    let mut seen = Seen::default();
    if let Some(st) = &f.clone.status {
        let state = f.clone.state();
        let failed_state = state.as_ref().is_some_and(|s| s.value.trim_ws().eq_ignore_ascii_case("Failed"));
        let err = f.clone.error_no();
        let code = err.as_ref().map(|e| e.value).unwrap_or(0);
        if failed_state || code != 0 {
            let at = state.map(|s| s.at).or(err.as_ref().map(|e| e.at)).unwrap_or(st.at);
            let mut more = Vec::new();
            if let Some(e) = &err
                && e.at != at
            {
                more.push((e.at, k::CLONE_STATUS_FAILED_EV_ERROR_NO));
            }
            let msg = st.get("ERROR_MESSAGE");
            if let Some(m) = &msg {
                more.push((m.at, k::CLONE_STATUS_FAILED_EV_ERROR_MESSAGE));
            }
            let stage = f
                .clone
                .progress
                .iter()
                .find(|r| r.get("STATE").is_some_and(|s| s.value.trim_ws().eq_ignore_ascii_case("Failed")))
                .and_then(|r| r.get("STAGE").map(|s| (s.value.trim_ws().to_owned(), r.at)));
            let to_dir =
                st.get("DESTINATION").is_some_and(|d| d.value.contains('/') || d.value.contains('\\'));
            let dropped = if to_dir {
                Some(false)
            } else {
                f.clone.stage("DROP DATA").and_then(|r| r.get("STATE")).map(|s| {
                    let v = s.value.trim_ws();
                    !(v.eq_ignore_ascii_case("Not Started") || v.is_empty())
                })
            };
            seen.failures.push(Failure {
                code,
                message: msg.map(|m| m.value.to_owned()).unwrap_or_default(),
                from: From::Status,
                at,
                more,
                stage,
                source: st.get("SOURCE").map(|s| s.value.trim_ws().to_owned()).filter(|s| !s.is_empty()),
                dropped,
            });
        } else if state.as_ref().is_some_and(|s| s.value.trim_ws().eq_ignore_ascii_case("In Progress")) {
            let restart_failed = f.client_errors.iter().any(|e| e.code == errors::ER_RESTART_SERVER_FAILED)
                || f.log_events.iter().any(errors::is_clone_shutdown);
            if restart_failed {
                seen.pending_restart = state.map(|s| s.at);
            }
        }
    }
    let status_code = seen.failures.first().map(|x| x.code);
    for e in &f.client_errors {
        if !errors::is_clone_client_error(e.code, &e.message) {
            continue;
        }
        if Some(e.code) == status_code {
            if let Some(first) = seen.failures.first_mut() {
                first.more.push((e.at, k::CLONE_STATUS_FAILED_EV_CLIENT_ERROR));
            }
            continue;
        }
        if errors::is_prerequisite(e.code, &e.message) {
            continue;
        }
        seen.failures.push(Failure {
            code: e.code,
            message: e.message.clone(),
            from: From::ClientError,
            at: e.at,
            more: Vec::new(),
            stage: None,
            source: None,
            dropped: None,
        });
    }
    seen
}

impl CloneStatusFailed {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let seen = detect(cx.facts);
        for failure in &seen.failures {
            out.push(report_failure(cx, failure));
        }
        if let Some(at) = seen.pending_restart {
            out.push(report_pending(cx, at));
        }
        if !seen.failures.is_empty() || seen.pending_restart.is_some() {
            return Outcome::fired();
        }
        match cx.facts.clone.state() {
            Some(s) => {
                Outcome::passed(cx.fmt(k::CLONE_STATUS_FAILED_NOTE_STATE, &[("state", s.value.trim_ws())]))
            }
            None => Outcome::unknown(cx.t(k::CLONE_STATUS_FAILED_NOTE_NONE)),
        }
    }
}

/// The explanation and fixes for one error number.
pub(crate) fn explain(cx: &Ctx<'_>, code: u32, message: &str, source: Option<&str>) -> (String, Vec<Fix>) {
    let code_s = code.to_string();
    let mut fixes = Vec::new();
    // Errors whose explanation adds to the server's own message.
    let quoted = |key| cx.fmt(key, &[("message", message)]);
    let text = match code {
        errors::ER_CLONE_DONOR => match errors::donor_error(message) {
            DonorError::ConnectFailed { detail, .. } => {
                cx.fmt(k::CLONE_STATUS_FAILED_ERR_3862_CONNECT, &[("detail", &detail)])
            }
            DonorError::Inner { errno: 1524, .. } => {
                fixes.push(fixes::install_plugin(cx, true));
                cx.t(k::CLONE_STATUS_FAILED_ERR_3862_PLUGIN)
            }
            DonorError::Inner { errno: 1227, detail } => {
                fixes.push(fixes::grant(cx, "BACKUP_ADMIN", true));
                cx.fmt(k::CLONE_STATUS_FAILED_ERR_3862_PRIVILEGE, &[("detail", &detail)])
            }
            DonorError::Inner { errno, detail } => cx.fmt(
                k::CLONE_STATUS_FAILED_ERR_3862_OTHER,
                &[("errno", &errno.to_string()), ("detail", &detail)],
            ),
            DonorError::Other(detail) => cx.fmt(k::CLONE_STATUS_FAILED_ERR_3862, &[("detail", &detail)]),
        },
        errors::ER_CLONE_DONOR_VERSION => explain_versions(cx, message),
        3863 => quoted(k::CLONE_STATUS_FAILED_ERR_3863),
        3865 => quoted(k::CLONE_STATUS_FAILED_ERR_3865),
        3866 => quoted(k::CLONE_STATUS_FAILED_ERR_3866),
        3867 => quoted(k::CLONE_STATUS_FAILED_ERR_3867),
        3868 => quoted(k::CLONE_STATUS_FAILED_ERR_3868),
        3870 => quoted(k::CLONE_STATUS_FAILED_ERR_3870),
        3871 => quoted(k::CLONE_STATUS_FAILED_ERR_3871),
        3872 => quoted(k::CLONE_STATUS_FAILED_ERR_3872),
        3873 => quoted(k::CLONE_STATUS_FAILED_ERR_3873),
        3874 => quoted(k::CLONE_STATUS_FAILED_ERR_3874),
        3875 => quoted(k::CLONE_STATUS_FAILED_ERR_3875),
        3633 => quoted(k::CLONE_STATUS_FAILED_ERR_3633),
        3634 => quoted(k::CLONE_STATUS_FAILED_ERR_3634),
        errors::ER_CLONE_SYS_CONFIG => match errors::sys_config(message) {
            SysConfig::NotInList { donor, list } => {
                if let Some((h, p)) = donor_list::split_donor(&donor) {
                    let current = cx.facts.setting("clone_valid_donor_list").map(|s| s.value);
                    let current = current.as_deref().or(Some(list.as_str()));
                    fixes.push(fixes::donor_list(cx, &donor_list::with_donor(current, &h, &p), false));
                }
                cx.fmt(k::CLONE_STATUS_FAILED_ERR_3869_NOT_FOUND, &[("donor", &donor), ("list", &list)])
            }
            SysConfig::InvalidFormat => cx.t(k::CLONE_STATUS_FAILED_ERR_3869_FORMAT),
            SysConfig::Other => cx.fmt(k::CLONE_STATUS_FAILED_ERR_3869, &[("message", message)]),
        },
        errors::ER_CLONE_NETWORK_PACKET => {
            fixes.push(fixes::max_packet(cx));
            let (need, cur) = errors::packet_sizes(message).unwrap_or((fixes::MIN_PACKET, 0));
            cx.fmt(
                k::CLONE_STATUS_FAILED_ERR_3957,
                &[("need", &need.to_string()), ("current", &cur.to_string())],
            )
        }
        errors::ER_PLUGIN_IS_NOT_LOADED => {
            fixes.push(fixes::install_plugin(cx, false));
            cx.t(k::CLONE_STATUS_FAILED_ERR_1524)
        }
        errors::ER_SPECIFIC_ACCESS_DENIED => {
            fixes.push(fixes::grant(cx, "CLONE_ADMIN", false));
            fixes.push(fixes::grant(cx, "BACKUP_ADMIN", true));
            cx.fmt(k::CLONE_STATUS_FAILED_ERR_1227, &[("message", message)])
        }
        errors::ER_QUERY_INTERRUPTED => {
            fixes.push(fixes::retry_clone(cx, source));
            cx.t(k::CLONE_STATUS_FAILED_ERR_1317)
        }
        _ if errors::is_recovery_failed(code, message) => {
            fixes.push(fixes::retry_clone(cx, source));
            cx.t(k::CLONE_STATUS_FAILED_ERR_RECOVERY)
        }
        _ => cx.fmt(k::CLONE_STATUS_FAILED_ERR_OTHER, &[("code", &code_s), ("message", message)]),
    };
    (text, fixes)
}

fn explain_versions(cx: &Ctx<'_>, message: &str) -> String {
    let Some((d, r)) = errors::version_mismatch(message) else {
        return cx.t(k::CLONE_STATUS_FAILED_ERR_3864);
    };
    let args = [("donor", d.as_str()), ("recipient", r.as_str())];
    match (Version::parse(&d), Version::parse(&r)) {
        (Some(dv), Some(rv)) => match compat::compat(dv, rv) {
            Compat::SeriesDiffer => cx.fmt(k::CLONE_STATUS_FAILED_ERR_3864_SERIES, &args),
            Compat::PatchBeforeBackport => cx.fmt(k::CLONE_STATUS_FAILED_ERR_3864_PATCH, &args),
            _ => cx.fmt(k::CLONE_STATUS_FAILED_ERR_3864_VERSIONS, &args),
        },
        _ => cx.fmt(k::CLONE_STATUS_FAILED_ERR_3864_VERSIONS, &args),
    }
}

fn report_failure(cx: &Ctx<'_>, fl: &Failure) -> Finding {
    let code_s = fl.code.to_string();
    let name = errors::name(fl.code).unwrap_or(if errors::is_recovery_failed(fl.code, &fl.message) {
        "ER_INTERNAL_ERROR"
    } else {
        "?"
    });
    let (explanation, mut fixes) = explain(cx, fl.code, &fl.message, fl.source.as_deref());
    let mut parts = Vec::new();
    let lead = match fl.from {
        From::Status => k::CLONE_STATUS_FAILED_MSG_STATUS,
        From::ClientError => k::CLONE_STATUS_FAILED_MSG_CLIENT,
    };
    parts.push(cx.fmt(lead, &[("code", &code_s), ("name", name)]));
    parts.push(explanation);
    if let Some((stage, _)) = &fl.stage {
        parts.push(cx.fmt(k::CLONE_STATUS_FAILED_MSG_STAGE, &[("stage", stage)]));
    }
    if fl.from == From::Status {
        parts.push(cx.t(match fl.dropped {
            Some(false) => k::CLONE_STATUS_FAILED_MSG_DATA_KEPT,
            Some(true) => k::CLONE_STATUS_FAILED_MSG_DATA_DROPPED,
            None => k::CLONE_STATUS_FAILED_MSG_DATA_UNKNOWN,
        }));
    }
    let mut evidence: Vec<Evidence> = Vec::new();
    let primary = match fl.from {
        From::Status => k::CLONE_STATUS_FAILED_EV_STATE,
        From::ClientError => k::CLONE_STATUS_FAILED_EV_CLIENT_ERROR,
    };
    evidence.push(cx.evidence(fl.at, cx.t(primary)));
    for (at, key) in &fl.more {
        evidence.push(cx.evidence(*at, cx.t(*key)));
    }
    if let Some((_, at)) = &fl.stage {
        evidence.push(cx.evidence(*at, cx.t(k::CLONE_STATUS_FAILED_EV_STAGE)));
    }
    if fixes.is_empty() {
        fixes.push(super::check_status_fix(cx));
    }
    let title = match fl.from {
        From::Status => cx.fmt(k::CLONE_STATUS_FAILED_TITLE, &[("code", &code_s)]),
        From::ClientError => cx.fmt(k::CLONE_STATUS_FAILED_TITLE_CLIENT, &[("code", &code_s)]),
    };
    Finding {
        rule: CloneStatusFailed::ID,
        severity: Severity::Error,
        title,
        message: parts.join("\n\n"),
        channel: None,
        evidence: super::dedup_evidence(evidence),
        evidence_omitted: 0,
        fixes,
        references: vec![
            reference(cx, k::CLONE_REF_FAILURE, urls::FAILURE),
            reference(cx, k::CLONE_REF_STATUS_TABLE, urls::STATUS_TABLE),
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
            reference(cx, k::CLONE_REF_ERRORS, urls::ERRORS),
        ],
    }
}

fn report_pending(cx: &Ctx<'_>, at: Loc) -> Finding {
    Finding {
        rule: CloneStatusFailed::ID,
        severity: Severity::Info,
        title: cx.t(k::CLONE_STATUS_FAILED_TITLE_PENDING),
        message: cx.t(k::CLONE_STATUS_FAILED_MSG_PENDING),
        channel: None,
        evidence: vec![cx.evidence(at, cx.t(k::CLONE_STATUS_FAILED_EV_PENDING))],
        evidence_omitted: 0,
        fixes: vec![super::check_status_fix(cx)],
        references: vec![
            reference(cx, k::CLONE_REF_MONITORING, urls::MONITORING),
            reference(cx, k::CLONE_REF_REMOTE, urls::REMOTE),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{ClientErrorEvent, Record, Valued};
    use crate::text::TextRange;

    fn at(n: u32) -> Loc {
        Loc { input: 0, range: TextRange::new(n, n + 1) }
    }

    fn status(state: &str, err: &str, msg: &str) -> Record {
        let mut r = Record { at: at(0), ..Record::default() };
        r.fields.insert("STATE".into(), Valued::new(state.into(), at(1)));
        r.fields.insert("ERROR_NO".into(), Valued::new(err.into(), at(2)));
        r.fields.insert("ERROR_MESSAGE".into(), Valued::new(msg.into(), at(3)));
        r.fields.insert("SOURCE".into(), Valued::new("db1:3306".into(), at(4)));
        r
    }

    fn stage(name: &str, state: &str, n: u32) -> Record {
        let mut r = Record { at: at(n), ..Record::default() };
        r.fields.insert("STAGE".into(), Valued::new(name.into(), at(n)));
        r.fields.insert("STATE".into(), Valued::new(state.into(), at(n)));
        r
    }

    fn client(code: u32, msg: &str, n: u32) -> ClientErrorEvent {
        ClientErrorEvent { at: at(n), code, sqlstate: Some("HY000".into()), message: msg.into() }
    }

    #[test]
    fn completed_is_not_a_failure() {
        let mut f = Facts::default();
        f.clone.status = Some(status("Completed", "0", ""));
        assert_eq!(detect(&f), Seen::default());
    }

    #[test]
    fn failed_status_with_stage_and_merged_client_error() {
        let mut f = Facts::default();
        f.clone.status =
            Some(status("Failed", "3862", "Clone Donor Error: 1524 : Plugin 'clone' is not loaded."));
        f.clone.progress = vec![stage("DROP DATA", "Completed", 10), stage("FILE COPY", "Failed", 11)];
        f.client_errors.push(client(3862, "Clone Donor Error: 1524 : Plugin 'clone' is not loaded.", 20));
        let s = detect(&f);
        assert_eq!(s.failures.len(), 1);
        let fl = &s.failures[0];
        assert_eq!(fl.code, 3862);
        assert_eq!(fl.from, From::Status);
        assert_eq!(fl.at, at(1));
        assert_eq!(fl.stage.as_ref().map(|x| x.0.as_str()), Some("FILE COPY"));
        assert!(fl.more.iter().any(|(l, k)| *l == at(20) && *k == k::CLONE_STATUS_FAILED_EV_CLIENT_ERROR));
        assert_eq!(fl.source.as_deref(), Some("db1:3306"));
        assert_eq!(fl.dropped, Some(true), "DROP DATA had completed");
        f.clone.progress = vec![stage("DROP DATA", "Not Started", 10)];
        assert_eq!(detect(&f).failures[0].dropped, Some(false));
        f.clone.progress.clear();
        assert_eq!(detect(&f).failures[0].dropped, None);
    }

    #[test]
    fn error_no_without_failed_state_counts() {
        let mut f = Facts::default();
        f.clone.status = Some(status("In Progress", "1317", "Query execution was interrupted"));
        assert_eq!(detect(&f).failures.len(), 1);
    }

    #[test]
    fn client_errors_split_between_rules() {
        let mut f = Facts::default();
        f.client_errors.push(client(
            3875,
            "The clone operation cannot be executed when Group Replication is running.",
            1,
        ));
        f.client_errors.push(client(
            3869,
            "Clone system configuration: h:1 is not found in clone_valid_donor_list: ",
            2,
        ));
        f.client_errors.push(client(1524, "Plugin 'clone' is not loaded", 3));
        f.client_errors.push(client(1062, "Duplicate entry", 4));
        let s = detect(&f);
        assert_eq!(s.failures.iter().map(|x| x.code).collect::<Vec<_>>(), vec![3875]);
    }

    #[test]
    fn in_progress_after_failed_restart() {
        let mut f = Facts::default();
        f.clone.status = Some(status("In Progress", "0", ""));
        assert_eq!(detect(&f).pending_restart, None);
        f.client_errors.push(client(
            3707,
            "Restart server failed (mysqld is not managed by supervisor process).",
            9,
        ));
        assert_eq!(detect(&f).pending_restart, Some(at(1)));
    }
}
