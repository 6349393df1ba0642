//! `restart-parent-mismatch`: `MYSQLD_PARENT_PID` is set, but not to mysqld's parent PID (a
//! forking wrapper, a user unit, `$$` before `exec`, an unexpanded `$VAR`), or the parent depends
//! on the shell (`sh -c` without `exec`).

use super::{Ctx, explain, finding};
use crate::facts::launch::{CheckWhy, Model, Parent, Tri};
use crate::i18n::k;
use crate::report::{Finding, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_parent_mismatch.en.md`.
    RestartParentMismatch { id: "restart-parent-mismatch", family: Restart, docs: "restart_parent_mismatch" }
}

/// The predicate, with the severity: an error when the check certainly fails, a warning when it
/// holds only by chance or depends on the shell.
pub(crate) fn fires(m: &Model) -> Option<Severity> {
    if !m.applies() {
        return None;
    }
    match (&m.check, &m.check_why) {
        (Tri::No, CheckWhy::Mismatch | CheckWhy::OwnPid) => Some(Severity::Error),
        (_, CheckWhy::UserLiteral) => Some(Severity::Warning),
        _ if matches!(m.parent, Parent::ShellNotGuaranteed { .. }) && m.value.is_some() => {
            Some(Severity::Warning)
        }
        _ => None,
    }
}

impl RestartParentMismatch {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let m = cx.restart_model();
        let Some(sev) = fires(m) else {
            return match m.check {
                Tri::Yes => Outcome::passed(explain::check_sentence(cx, m)),
                _ => Outcome::not_applicable(explain::check_sentence(cx, m)),
            };
        };
        let mut msg = explain::check_sentence(cx, m);
        msg.push_str(super::sentence_gap(cx));
        if sev == Severity::Error {
            msg.push_str(&explain::fails_consequence(cx, m));
        } else {
            msg.push_str(&cx.t(k::RESTART_CONSEQUENCE_MAYBE));
        }
        let mut ev = Vec::new();
        if let Some(at) = m.value.as_ref().and_then(|v| v.at) {
            ev.push(cx.evidence(at, cx.t(k::RESTART_LABEL_VALUE)));
        }
        if let Some((e, _)) = &m.exec
            && !ev.iter().any(|x| x.range == e.at.range && x.input == e.at.input)
        {
            ev.push(cx.evidence(e.at, cx.t(k::RESTART_LABEL_PARENT)));
        }
        if let Parent::Reparented { at: Some(at) } = &m.parent {
            ev.push(cx.evidence(*at, cx.t(k::RESTART_LABEL_REPARENTED)));
        }
        if let Some(si) = &m.script
            && let Some(l) = &si.script.launch
        {
            ev.push(cx.evidence(si.loc(l.start, l.end), cx.t(k::RESTART_LABEL_SCRIPT_LAUNCH)));
        }
        let fixes = super::fixes(cx, m);
        out.push(finding(cx, Self::ID, sev, msg, ev, fixes));
        Outcome::fired()
    }
}
