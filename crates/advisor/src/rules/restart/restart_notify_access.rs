//! `restart-notify-access`: `Type=notify` with a wrapper as the main process and no
//! `NotifyAccess=all`: mysqld's `READY=1` is dropped and the start (also the one after a clone)
//! never completes.

use super::dropin::Op;
use super::{Ctx, finding};
use crate::facts::launch::{Model, Parent};
use crate::facts::unit::UnitFacts;
use crate::i18n::k;
use crate::report::{Finding, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_notify_access.en.md`.
    RestartNotifyAccess { id: "restart-notify-access", family: Restart, docs: "restart_notify_access" }
}

/// The predicate: the wrapper's name when mysqld is not the main process of a `Type=notify`
/// unit that only accepts notifications from the main process.
pub(crate) fn fires(m: &Model, u: &UnitFacts) -> Option<String> {
    let notify = u.service_type.as_ref().is_some_and(|t| t.value == "notify");
    let all = u.notify_access.as_ref().is_some_and(|n| n.value == "all");
    if !notify || all || !m.applies() {
        return None;
    }
    match &m.parent {
        Parent::Wrapper { name, .. } => Some(name.clone()),
        Parent::MysqldSafe { .. } => Some("mysqld_safe".into()),
        Parent::ShellNotGuaranteed { .. } => Some("sh -c".into()),
        _ => None,
    }
}

impl RestartNotifyAccess {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let (u, m) = match super::systemd(cx) {
            Ok(x) => x,
            Err(na) => return na,
        };
        let Some(wrapper) = fires(m, u) else {
            return Outcome::passed(cx.t(k::RESTART_NOTIFY_ACCESS_PASSED));
        };
        let na = u.notify_access.as_ref().map(|n| n.value.clone()).unwrap_or_else(|| "main".into());
        let msg = cx.fmt(k::RESTART_NOTIFY_ACCESS_MESSAGE, &[("wrapper", &wrapper), ("access", &na)]);
        let mut ev = Vec::new();
        if let Some(t) = &u.service_type {
            ev.push(cx.evidence(t.at, cx.t(k::RESTART_LABEL_TYPE_NOTIFY)));
        }
        if let Some((e, _)) = &m.exec {
            ev.push(cx.evidence(e.at, cx.fmt(k::RESTART_LABEL_WRAPPER, &[("wrapper", &wrapper)])));
        }
        if let Some(n) = &u.notify_access {
            ev.push(cx.evidence(n.at, cx.fmt(k::RESTART_LABEL_SET_HERE, &[("place", &cx.place(n.at))])));
        }
        let fix = super::one_op_dropin(
            cx,
            u,
            m,
            Op::NotifyAll,
            k::RESTART_NOTIFY_ACCESS_FIX,
            k::RESTART_NOTIFY_ACCESS_FIX_REASON,
        );
        out.push(finding(cx, Self::ID, Severity::Warning, msg, ev, vec![fix]));
        Outcome::fired()
    }
}
