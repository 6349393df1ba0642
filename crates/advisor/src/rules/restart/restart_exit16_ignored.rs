//! `restart-exit16-ignored`: nothing restarts mysqld when it exits with code 16 (systemd's
//! `RestartPreventExitStatus=` → `RestartForceExitStatus=` → `Restart=` order, or the container
//! restart policy), so the server stays down after RESTART or a clone.

use super::{Ctx, exit16_evidence, explain, finding};
use crate::facts::launch::{Exit16Why, Model, Supervisor, Tri};
use crate::i18n::k;
use crate::report::{Finding, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_exit16_ignored.en.md`.
    RestartExit16Ignored { id: "restart-exit16-ignored", family: Restart, docs: "restart_exit16_ignored" }
}

/// The predicate.
pub(crate) fn fires(m: &Model) -> bool {
    m.applies() && m.exit16 == Tri::No && !matches!(m.supervisor, Supervisor::None)
}

impl RestartExit16Ignored {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let m = cx.restart_model();
        if !fires(m) {
            return match m.exit16 {
                Tri::Yes => Outcome::passed(explain::exit16_sentence(cx, m)),
                _ => Outcome::unknown(explain::exit16_sentence(cx, m)),
            };
        }
        let mut msg = explain::exit16_sentence(cx, m);
        msg.push_str(super::sentence_gap(cx));
        msg.push_str(&cx.t(k::RESTART_CONSEQUENCE_STAYS_DOWN));
        if m.check == Tri::No {
            msg.push_str(super::sentence_gap(cx));
            msg.push_str(&cx.t(k::RESTART_CONSEQUENCE_AFTER_FIX));
        }
        let mut ev = exit16_evidence(cx, m);
        if ev.is_empty() {
            if let Some((e, _)) = &m.exec {
                ev.push(cx.evidence(e.at, cx.t(k::RESTART_LABEL_NO_RESTART)));
            } else if let Some(c) = cx.facts.containers.server() {
                ev.push(cx.evidence(c.at, cx.t(k::RESTART_LABEL_NO_POLICY)));
            }
        }
        // A unit without ExecStart= whose decision rests on the absence of Restart= may be a
        // fragment (a drop-in, a cut paste): say so, and do not assert more than the verdict,
        // which stays unknown (issue 13).
        let fragment = m.is_systemd()
            && m.exec.is_none()
            && matches!(m.exit16_why, Exit16Why::Table { restart: None, clean_at: None });
        let severity = if fragment {
            msg.push_str(super::sentence_gap(cx));
            msg.push_str(&cx.t(k::RESTART_EXIT16_FRAGMENT));
            Severity::Warning
        } else {
            Severity::Error
        };
        let fixes = super::fixes(cx, m);
        out.push(finding(cx, Self::ID, severity, msg, ev, fixes));
        Outcome::fired()
    }
}
