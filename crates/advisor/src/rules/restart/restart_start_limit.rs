//! `restart-start-limit`: the unit's start limit can refuse the start after a clone
//! (`start-limit-hit`), or already did (`systemctl show` says so).

use crate::text::TrimWs;

use super::dropin::unit_name;
use super::model;
use super::{Ctx, Rule, finding};
use crate::facts::Loc;
use crate::facts::unit::{UnitFacts, parse_timespan};
use crate::i18n::Lang;
use crate::report::{Applicability, Finding, Fix, FixTarget, Severity};
use crate::rules::{Family, Outcome};

/// See `restart_start_limit.en.md`.
pub(crate) struct RestartStartLimit;

/// Intervals at least this long make a small burst a risk for the start after a clone (µs).
const LONG_INTERVAL_US: u64 = 300 * 1_000_000;

/// Why the rule fires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Why {
    /// `systemctl show` reports `Result=start-limit-hit`.
    Hit { at: Loc },
    /// `StartLimitBurst=` ≤ 2 within a long `StartLimitIntervalSec=`.
    Tight { burst: u32, interval: String, at: Vec<Loc> },
}

/// The predicate.
pub(crate) fn fires(u: &UnitFacts) -> Option<Why> {
    if let Some(r) = u.runtime.result.as_ref().filter(|r| r.value == "start-limit-hit") {
        return Some(Why::Hit { at: r.at });
    }
    let burst = u.start_limit_burst.as_ref()?;
    let n: u32 = burst.value.trim_ws().parse().ok()?;
    let iv = u.start_limit_interval.as_ref()?;
    let us = parse_timespan(&iv.value)?;
    // 0 disables the limit; a burst of 0 is treated by systemd as "no limit" too.
    if us == 0 || n == 0 || n > 2 || us < LONG_INTERVAL_US {
        return None;
    }
    Some(Why::Tight { burst: n, interval: iv.value.clone(), at: vec![burst.at, iv.at] })
}

impl Rule for RestartStartLimit {
    fn id(&self) -> &'static str {
        "restart-start-limit"
    }
    fn family(&self) -> Family {
        Family::Restart
    }
    fn docs(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => include_str!("restart_start_limit.en.md"),
            Lang::ZhCn => include_str!("restart_start_limit.zh-CN.md"),
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
        if m.mariadb {
            return Outcome::not_applicable(cx.t("restart.verdict-mariadb"));
        }
        let Some(why) = fires(u) else {
            return Outcome::passed(cx.t("restart-start-limit.passed"));
        };
        let (unit, _) = unit_name(u);
        let sc = if u.user_unit == Some(true) { "systemctl --user" } else { "sudo systemctl" };
        let (msg, ev, fix) = match why {
            Why::Hit { at } => (
                cx.fmt("restart-start-limit.message-hit", &[("unit", &unit)]),
                vec![cx.evidence(at, cx.t("restart.label-start-limit-hit"))],
                Fix {
                    target: FixTarget::Shell,
                    title: cx.fmt("restart-start-limit.fix-reset", &[("unit", &unit)]),
                    text: format!("{sc} reset-failed {unit}\n{sc} start {unit}\n"),
                    applicability: Applicability::Safe,
                    reason: None,
                    file_name: None,
                },
            ),
            Why::Tight { burst, interval, at } => (
                cx.fmt(
                    "restart-start-limit.message-tight",
                    &[("burst", &burst.to_string()), ("interval", &interval)],
                ),
                at.into_iter().map(|l| cx.evidence(l, cx.t("restart.label-start-limit"))).collect(),
                Fix {
                    target: FixTarget::SystemdDropin,
                    title: cx.fmt("restart-start-limit.fix-dropin", &[("unit", &unit)]),
                    text: format!(
                        "# {sc} edit {unit}\n# {}\n[Unit]\nStartLimitIntervalSec=10s\nStartLimitBurst=5\n",
                        cx.t("restart-start-limit.fix-defaults")
                    ),
                    applicability: Applicability::NeedsReview,
                    reason: Some(cx.t("restart-start-limit.fix-reason")),
                    file_name: Some(
                        super::dropin::DropIn {
                            unit: unit.clone(),
                            unit_assumed: false,
                            user: u.user_unit == Some(true),
                            ops: Vec::new(),
                        }
                        .path(),
                    ),
                },
            ),
        };
        out.push(finding(cx, self.id(), Severity::Warning, msg, ev, vec![fix]));
        Outcome::fired()
    }
}
