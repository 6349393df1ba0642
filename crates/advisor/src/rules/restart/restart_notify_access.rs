//! `restart-notify-access`: `Type=notify` with a wrapper as the main process and no
//! `NotifyAccess=all`: mysqld's `READY=1` is dropped and the start (also the one after a clone)
//! never completes.

use super::dropin::{DropIn, Op, unit_name};
use super::model::{self, Model, Parent};
use super::{Ctx, Rule, finding};
use crate::facts::unit::UnitFacts;
use crate::i18n::Lang;
use crate::report::{Applicability, Finding, Fix, FixTarget, Severity};
use crate::rules::{Family, Outcome};

/// See `restart_notify_access.en.md`.
pub(crate) struct RestartNotifyAccess;

/// The predicate: the wrapper's name when mysqld is not the main process of a `Type=notify`
/// unit that only accepts notifications from the main process.
pub(crate) fn fires(m: &Model, u: &UnitFacts) -> Option<String> {
    let notify = u.service_type.as_ref().is_some_and(|t| t.value == "notify");
    let all = u.notify_access.as_ref().is_some_and(|n| n.value == "all");
    if !notify || all || m.mariadb {
        return None;
    }
    match &m.parent {
        Parent::Wrapper { name, .. } => Some(name.clone()),
        Parent::MysqldSafe { .. } => Some("mysqld_safe".into()),
        Parent::ShellNotGuaranteed { .. } => Some("sh -c".into()),
        _ => None,
    }
}

impl Rule for RestartNotifyAccess {
    fn id(&self) -> &'static str {
        "restart-notify-access"
    }
    fn family(&self) -> Family {
        Family::Restart
    }
    fn docs(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => include_str!("restart_notify_access.en.md"),
            Lang::ZhCn => include_str!("restart_notify_access.zh-CN.md"),
        }
    }
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let Some(u) = &cx.facts.unit else {
            return Outcome::not_applicable(cx.t("restart.na-no-unit"));
        };
        let m = model::build(cx.facts);
        if !m.is_systemd() {
            return Outcome::not_applicable(cx.t("restart.na-no-unit"));
        }
        let Some(wrapper) = fires(&m, u) else {
            return Outcome::passed(cx.t("restart-notify-access.passed"));
        };
        let na = u.notify_access.as_ref().map(|n| n.value.clone()).unwrap_or_else(|| "main".into());
        let msg = cx.fmt("restart-notify-access.message", &[("wrapper", &wrapper), ("access", &na)]);
        let mut ev = Vec::new();
        if let Some(t) = &u.service_type {
            ev.push(cx.evidence(t.at, cx.t("restart.label-type-notify")));
        }
        if let Some((e, _)) = &m.exec {
            ev.push(cx.evidence(e.at, cx.fmt("restart.label-wrapper", &[("wrapper", &wrapper)])));
        }
        if let Some(n) = &u.notify_access {
            ev.push(cx.evidence(n.at, cx.fmt("restart.label-set-here", &[("place", &cx.place(n.at))])));
        }
        let (unit, unit_assumed) = unit_name(u);
        let d = DropIn { unit, unit_assumed, user: m.is_user(), ops: vec![Op::NotifyAll] };
        let path = d.path();
        let fix = Fix {
            target: FixTarget::SystemdDropin,
            title: cx.fmt("restart-notify-access.fix", &[("unit", &d.unit)]),
            text: d.text(cx.lang),
            applicability: Applicability::NeedsReview,
            reason: Some(cx.t("restart-notify-access.fix-reason")),
            file_name: Some(path),
        };
        out.push(finding(cx, self.id(), Severity::Warning, msg, ev, vec![fix]));
        Outcome::fired()
    }
}
