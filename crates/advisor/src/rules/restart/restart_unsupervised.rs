//! `restart-unsupervised`: `MYSQLD_PARENT_PID` is not set where mysqld runs, so the supervisor
//! check fails (ERROR 3707, MY-013462, shutdown with exit code 0).

use super::{Ctx, explain, finding};
use crate::facts::launch::{CheckWhy, Model, Supervisor, Tri};
use crate::i18n::k;
use crate::report::{Finding, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_unsupervised.en.md`.
    RestartUnsupervised { id: "restart-unsupervised", family: Restart, docs: "restart_unsupervised" }
}

/// The predicate: the variable is missing where mysqld runs.
pub(crate) fn fires(m: &Model) -> bool {
    m.applies()
        && m.check == Tri::No
        && matches!(m.check_why, CheckWhy::Missing | CheckWhy::WindowsNoMonitor { .. })
}

impl RestartUnsupervised {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let m = cx.restart_model();
        if matches!(m.supervisor, Supervisor::None) {
            return Outcome::unknown(cx.t(k::RESTART_MISSING_SUPERVISOR));
        }
        if !fires(m) {
            return match m.check {
                Tri::Yes => Outcome::passed(explain::check_sentence(cx, m)),
                _ => Outcome::not_applicable(explain::check_sentence(cx, m)),
            };
        }
        let mut msg = explain::check_sentence(cx, m);
        msg.push_str(super::sentence_gap(cx));
        msg.push_str(&explain::fails_consequence(cx, m));
        let mut ev = Vec::new();
        if let Some((e, _)) = &m.exec {
            ev.push(cx.evidence(e.at, cx.t(k::RESTART_LABEL_EXECSTART_NO_VAR)));
        }
        if let Some(at) = m.unset_at {
            ev.push(cx.evidence(at, cx.t(k::RESTART_LABEL_UNSET)));
        }
        if let Some(u) = &cx.facts.unit {
            for ig in u.ignored.iter().filter(|i| i.value.contains("MYSQLD_PARENT_PID")) {
                let reason = explain::ignored_reason(cx, ig);
                msg.push_str(super::sentence_gap(cx));
                msg.push_str(
                    &cx.fmt(k::RESTART_IGNORED_HINT, &[("place", &cx.place(ig.at)), ("reason", &reason)]),
                );
                ev.push(cx.evidence(ig.at, cx.fmt(k::RESTART_LABEL_IGNORED, &[("reason", &reason)])));
            }
        }
        if let Some(c) = cx.facts.containers.server() {
            ev.push(
                cx.evidence(c.image.as_ref().map(|i| i.at).unwrap_or(c.at), cx.t(k::RESTART_LABEL_IMAGE)),
            );
        } else if let Some(lf) = &cx.facts.containers.log_family {
            ev.push(cx.evidence(lf.at, cx.t(k::RESTART_LABEL_ENTRYPOINT_LOG)));
        }
        if let Some(si) = &m.script {
            ev.push(cx.evidence(si.at, cx.t(k::RESTART_LABEL_SCRIPT)));
        }
        let fixes = super::fixes(cx, m);
        out.push(finding(cx, Self::ID, Severity::Error, msg, ev, fixes));
        Outcome::fired()
    }
}
