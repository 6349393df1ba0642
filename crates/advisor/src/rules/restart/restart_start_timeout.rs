//! `restart-start-timeout`: `Type=notify` with a finite start timeout. The start after a clone
//! runs InnoDB recovery on the cloned data; systemd kills a start that takes longer.

use super::dropin::Op;
use super::{Ctx, finding};
use crate::facts::Loc;
use crate::facts::unit::UnitFacts;
use crate::i18n::k;
use crate::report::{Finding, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_start_timeout.en.md`.
    RestartStartTimeout { id: "restart-start-timeout", family: Restart, docs: "restart_start_timeout" }
}

/// systemd's built-in `DefaultTimeoutStartSec=` (seconds).
const DEFAULT_TIMEOUT: u64 = 90;

/// The finite start timeout of a `Type=notify` unit: text for messages, the line (`None` for the
/// default), and seconds when known.
pub(crate) fn finite_timeout(u: &UnitFacts) -> Option<(String, Option<Loc>, Option<u64>)> {
    let notify = u.service_type.as_ref().is_some_and(|t| t.value == "notify");
    if !notify {
        return None;
    }
    let default = || Some((format!("{DEFAULT_TIMEOUT}s"), None, Some(DEFAULT_TIMEOUT)));
    match &u.timeout_start {
        None => default(),
        // systemd ignores a malformed value: the default applies.
        Some(v) => match crate::facts::unit::parse_timespan(&v.value) {
            None => default(),
            Some(0 | u64::MAX) => None,
            Some(us) => Some((v.value.clone(), Some(v.at), Some(us / 1_000_000))),
        },
    }
}

/// The timeout as shown to users (`90s (default)` when not set).
pub(crate) fn timeout_text(cx: &Ctx<'_>, t: &(String, Option<Loc>, Option<u64>)) -> String {
    if t.1.is_none() { cx.fmt(k::RESTART_DEFAULT_VALUE, &[("value", &t.0)]) } else { t.0.clone() }
}

impl RestartStartTimeout {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let (u, m) = match super::systemd(cx) {
            Ok(x) => x,
            Err(na) => return na,
        };
        if !m.applies() {
            return Outcome::not_applicable(cx.t(k::RESTART_VERDICT_MARIADB));
        }
        let Some(t) = finite_timeout(u) else {
            return Outcome::passed(cx.t(k::RESTART_START_TIMEOUT_PASSED));
        };
        let text = timeout_text(cx, &t);
        let at = t.1;
        let msg = cx.fmt(k::RESTART_START_TIMEOUT_MESSAGE, &[("timeout", &text)]);
        let mut ev = Vec::new();
        match at {
            Some(at) => ev.push(cx.evidence(at, cx.t(k::RESTART_LABEL_TIMEOUT))),
            None => {
                if let Some(t) = &u.service_type {
                    ev.push(cx.evidence(t.at, cx.t(k::RESTART_LABEL_TIMEOUT_DEFAULT)));
                }
            }
        }
        let fix = super::one_op_dropin(
            cx,
            u,
            m,
            Op::NoStartTimeout,
            k::RESTART_START_TIMEOUT_FIX,
            k::RESTART_START_TIMEOUT_FIX_REASON,
        );
        out.push(finding(cx, Self::ID, Severity::Warning, msg, ev, vec![fix]));
        Outcome::fired()
    }
}
