//! `restart-start-limit`: the unit's start limit can refuse the start after a clone
//! (`start-limit-hit`), or already did (`systemctl show` says so).

use crate::i18n::k;
use crate::text::TrimWs;

use super::dropin::unit_name;
use super::{Ctx, finding};
use crate::facts::Loc;
use crate::facts::unit::{UnitFacts, parse_timespan};
use crate::report::{Finding, Fix, FixTarget, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_start_limit.en.md`.
    RestartStartLimit { id: "restart-start-limit", family: Restart, docs: "restart_start_limit" }
}

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

impl RestartStartLimit {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let (u, m) = match super::systemd(cx) {
            Ok(x) => x,
            Err(na) => return na,
        };
        if !m.applies() {
            return Outcome::not_applicable(cx.t(k::RESTART_VERDICT_MARIADB));
        }
        let Some(why) = fires(u) else {
            return Outcome::passed(cx.t(k::RESTART_START_LIMIT_PASSED));
        };
        let (unit, _) = unit_name(u);
        let sc = if u.user_unit == Some(true) { "systemctl --user" } else { "sudo systemctl" };
        let (msg, ev, fix) = match why {
            Why::Hit { at } => (
                cx.fmt(k::RESTART_START_LIMIT_MESSAGE_HIT, &[("unit", &unit)]),
                vec![cx.evidence(at, cx.t(k::RESTART_LABEL_START_LIMIT_HIT))],
                Fix::safe(
                    FixTarget::Shell,
                    cx.fmt(k::RESTART_START_LIMIT_FIX_RESET, &[("unit", &unit)]),
                    format!("{sc} reset-failed {unit}\n{sc} start {unit}\n"),
                ),
            ),
            Why::Tight { burst, interval, at } => (
                cx.fmt(
                    k::RESTART_START_LIMIT_MESSAGE_TIGHT,
                    &[("burst", &burst.to_string()), ("interval", &interval)],
                ),
                at.into_iter().map(|l| cx.evidence(l, cx.t(k::RESTART_LABEL_START_LIMIT))).collect(),
                Fix::needs_review(
                    FixTarget::SystemdDropin,
                    cx.fmt(k::RESTART_START_LIMIT_FIX_DROPIN, &[("unit", &unit)]),
                    format!(
                        "# {sc} edit {unit}\n# {}\n[Unit]\nStartLimitIntervalSec=10s\nStartLimitBurst=5\n",
                        cx.t(k::RESTART_START_LIMIT_FIX_DEFAULTS)
                    ),
                )
                .because(cx.t(k::RESTART_START_LIMIT_FIX_REASON))
                .file(
                    super::dropin::DropIn {
                        unit: unit.clone(),
                        unit_assumed: false,
                        user: u.user_unit == Some(true),
                        ops: Vec::new(),
                    }
                    .path(),
                ),
            ),
        };
        out.push(finding(cx, Self::ID, Severity::Warning, msg, ev, vec![fix]));
        Outcome::fired()
    }
}
