//! `restart-evidence-conflict` (warning): what the input shows happened contradicts what the
//! configuration shown predicts — the running mysqld is not the one the pasted unit, drop-in or
//! container definition would start (edited after the last start, not loaded, another file).

use super::{Ctx, explain, finding};
use crate::facts::launch::seen::{After16, CheckSeen, Seen};
use crate::facts::launch::{Model, Supervisor, Tri};
use crate::i18n::{Key, k};
use crate::report::{Evidence, Finding, Fix, FixTarget, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_evidence_conflict.en.md`.
    RestartEvidenceConflict { id: "restart-evidence-conflict", family: Restart, docs: "restart_evidence_conflict" }
}

/// A contradiction: the message key and the observation's sentence.
pub(crate) struct Conflict {
    pub key: Key,
    pub seen: String,
}

/// The predicate: every point where the observation and the prediction disagree.
pub(crate) fn conflicts(cx: &Ctx<'_>, m: &Model, seen: &Seen) -> Vec<Conflict> {
    let mut out = Vec::new();
    if !m.applies() || matches!(m.supervisor, Supervisor::None) {
        return out;
    }
    if let Some(c) = &seen.check {
        let key = match (m.check, c.managed) {
            (Tri::Yes, false) => Some(k::RESTART_EVIDENCE_CONFLICT_CHECK_MANAGED),
            (Tri::No, true) => Some(k::RESTART_EVIDENCE_CONFLICT_CHECK_UNMANAGED),
            _ => None,
        };
        if let Some(key) = key {
            out.push(Conflict { key, seen: explain::seen_check_sentence(cx, c) });
        }
    }
    if let Some((what, at)) = &seen.after16 {
        let key = match (m.exit16, what) {
            (Tri::Yes, After16::StayedDown) => Some(k::RESTART_EVIDENCE_CONFLICT_EXIT16_YES),
            (Tri::No, After16::Restarted) => Some(k::RESTART_EVIDENCE_CONFLICT_EXIT16_NO),
            _ => None,
        };
        if let Some(key) = key {
            out.push(Conflict { key, seen: explain::seen_16_sentence(cx, what, at) });
        }
    }
    out
}

impl RestartEvidenceConflict {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let m = cx.restart_model();
        let seen = cx.restart_seen();
        if seen.check.is_none() && seen.after16.is_none() {
            return Outcome::not_applicable(cx.t(k::RESTART_EVIDENCE_CONFLICT_NA));
        }
        let found = conflicts(cx, m, seen);
        if found.is_empty() {
            return Outcome::passed(cx.t(k::RESTART_EVIDENCE_CONFLICT_PASSED));
        }
        let systemd = m.is_systemd();
        let mut msg = String::new();
        for c in &found {
            if !msg.is_empty() {
                msg.push_str(super::sentence_gap(cx));
            }
            msg.push_str(&cx.fmt(c.key, &[("seen", &c.seen)]));
        }
        msg.push_str(super::sentence_gap(cx));
        // A failure seen at the last clone does not decide the verdict (see `explain::verdict`).
        let history = seen.after16.is_none()
            && seen.check.as_ref().is_some_and(|c| {
                !c.managed
                    && matches!(
                        c.why,
                        CheckSeen::Error3707 | CheckSeen::ShutdownTrace | CheckSeen::CleanExitAfterClone
                    )
            });
        msg.push_str(&cx.t(if history {
            k::RESTART_EVIDENCE_CONFLICT_WHY_HISTORY
        } else if systemd {
            k::RESTART_EVIDENCE_CONFLICT_WHY_SYSTEMD
        } else {
            k::RESTART_EVIDENCE_CONFLICT_WHY_OTHER
        }));
        out.push(finding(cx, Self::ID, Severity::Warning, msg, evidence(cx, m, seen), vec![fix(cx, m)]));
        Outcome::fired()
    }
}

/// The prediction's lines (the value, the exit-16 decider), then the observation's.
fn evidence(cx: &Ctx<'_>, m: &Model, seen: &Seen) -> Vec<Evidence> {
    let mut ev = Vec::new();
    let predicted = cx.t(k::RESTART_EVIDENCE_CONFLICT_LABEL_PREDICTED);
    if let Some(at) = m.value.as_ref().and_then(|v| v.at) {
        ev.push(cx.evidence(at, predicted.clone()));
    } else if let Some((e, _)) = &m.exec {
        ev.push(cx.evidence(e.at, predicted.clone()));
    }
    if seen.after16.is_some() {
        for mut e in super::exit16_evidence(cx, m) {
            e.label = predicted.clone();
            ev.push(e);
        }
    }
    let label = cx.t(k::RESTART_EVIDENCE_CONFLICT_LABEL_SEEN);
    for at in seen.check.iter().flat_map(|c| &c.at).chain(seen.after16.iter().flat_map(|(_, at)| at)) {
        if !ev.iter().any(|e| e.input == at.input && e.range == at.range) {
            ev.push(cx.evidence(*at, label.clone()));
        }
    }
    ev
}

/// Load the unit and restart mysqld once (systemd), or restart the server from its definition.
fn fix(cx: &Ctx<'_>, m: &Model) -> Fix {
    let text = match (&cx.facts.unit, m.is_systemd()) {
        (Some(u), true) => {
            let (unit, _) = super::dropin::unit_name(u);
            let sc = if m.is_user() { "systemctl --user" } else { "sudo systemctl" };
            format!("{sc} daemon-reload\n{sc} restart {unit}\n")
        }
        _ => match cx.facts.containers.server().and_then(|c| c.name.clone()) {
            Some(name) => format!("docker restart {name}\n"),
            None => "# restart mysqld from its current definition\n".to_owned(),
        },
    };
    Fix::needs_review(FixTarget::Shell, cx.t(k::RESTART_EVIDENCE_CONFLICT_FIX), text)
        .because(cx.t(k::RESTART_EVIDENCE_CONFLICT_FIX_REASON))
}
