//! `restart-on-crash` (info): the unit's `Restart=` also restarts mysqld after crashes. Explains
//! the alternative of restarting only on exit code 16 (`Restart=no` + `RestartForceExitStatus=16`).

use super::dropin::{DropIn, Op, unit_name};
use super::{Ctx, finding};
use crate::facts::launch as model;
use crate::i18n::k;
use crate::report::{Finding, Fix, FixTarget, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_on_crash.en.md`.
    RestartOnCrash { id: "restart-on-crash", family: Restart, docs: "restart_on_crash" }
}

impl RestartOnCrash {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let (u, m) = match super::systemd(cx) {
            Ok(x) => x,
            Err(na) => return na,
        };
        if !m.applies() || matches!(m.parent, model::Parent::MysqldSafe { .. }) {
            return Outcome::not_applicable(cx.t(k::RESTART_ON_CRASH_NA));
        }
        let Some(r) = model::restarts_crashes(u) else {
            return Outcome::passed(cx.t(k::RESTART_ON_CRASH_PASSED));
        };
        let msg = cx.fmt(k::RESTART_ON_CRASH_MESSAGE, &[("restart", &r.value)]);
        let ev = vec![cx.evidence(r.at, cx.t(k::RESTART_LABEL_RESTART))];
        let (unit, unit_assumed) = unit_name(u);
        let mut ops = Vec::new();
        if u.restart_prevent.code(16).is_some() {
            ops.push(Op::prevent_without_16(u));
        }
        if u.restart_force.code(16).is_none() {
            ops.push(Op::Force16);
        }
        let d = DropIn { unit, unit_assumed, user: m.is_user(), ops };
        let mut text = d.text(cx.lang);
        text.push_str("Restart=no\n");
        let fix = Fix::display_only(FixTarget::SystemdDropin, cx.t(k::RESTART_ON_CRASH_FIX), text)
            .because(cx.t(k::RESTART_ON_CRASH_FIX_REASON));
        out.push(finding(cx, Self::ID, Severity::Info, msg, ev, vec![fix]));
        Outcome::fired()
    }
}
