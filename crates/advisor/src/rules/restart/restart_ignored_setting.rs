//! `restart-ignored-setting`: a line that looks meant to configure the restart is ignored by
//! systemd (commented out, wrong section, misspelt key, invalid value, second `ExecStart=`).

use super::{Ctx, explain, finding, unit_fixes};
use crate::facts::launch::Supervisor;
use crate::facts::unit::{Ignored, IgnoredReason};
use crate::i18n::k;
use crate::report::{Finding, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_ignored_setting.en.md`.
    RestartIgnoredSetting { id: "restart-ignored-setting", family: Restart, docs: "restart_ignored_setting" }
}

/// Keys that decide the clone restart.
const KEYS: &[&str] = &[
    "Environment",
    "EnvironmentFile",
    "UnsetEnvironment",
    "ExecStart",
    "Type",
    "Restart",
    "RestartPreventExitStatus",
    "RestartForceExitStatus",
    "SuccessExitStatus",
    "NotifyAccess",
    "TimeoutStartSec",
    "TimeoutSec",
    "StartLimitBurst",
    "StartLimitIntervalSec",
];

/// The predicate: does this ignored line matter for the restart?
pub(crate) fn relevant(ig: &Ignored) -> bool {
    let key = match &ig.reason {
        IgnoredReason::Misspelt { suggestion } => suggestion.as_str(),
        _ => ig.key.as_str(),
    };
    if !KEYS.contains(&key) {
        return false;
    }
    key != "Environment" || ig.value.contains("MYSQLD_PARENT_PID")
}

/// An ignored line does not matter when the unit sets the same thing elsewhere
/// (`#Restart=always` next to `Restart=on-failure`, or a drop-in that sets what a misspelt line
/// meant): not worth a warning. Invalid values and a second `ExecStart=` always matter.
pub(crate) fn superseded(ig: &Ignored, u: &crate::facts::unit::UnitFacts) -> bool {
    let key = match &ig.reason {
        IgnoredReason::Commented | IgnoredReason::WrongSection { .. } => ig.key.as_str(),
        IgnoredReason::Misspelt { suggestion } => suggestion.as_str(),
        IgnoredReason::InvalidValue | IgnoredReason::DuplicateExecStart => return false,
    };
    match key {
        "Environment" => u.env("MYSQLD_PARENT_PID").is_some(),
        "Restart" => u.restart.is_some(),
        "Type" => u.service_type.is_some(),
        "NotifyAccess" => u.notify_access.is_some(),
        "TimeoutStartSec" | "TimeoutSec" => u.timeout_start.is_some(),
        "ExecStart" => !u.exec_start.is_empty(),
        "RestartForceExitStatus" => !u.restart_force.codes.is_empty(),
        "RestartPreventExitStatus" => !u.restart_prevent.codes.is_empty(),
        "SuccessExitStatus" => !u.success_exit.codes.is_empty(),
        "EnvironmentFile" => !u.environment_files.is_empty(),
        _ => false,
    }
}

impl RestartIgnoredSetting {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let Some(u) = &cx.facts.unit else {
            return Outcome::not_applicable(cx.t(k::RESTART_NA_NO_UNIT));
        };
        let m = cx.restart_model();
        if !m.applies() || !matches!(m.supervisor, Supervisor::Systemd { .. }) {
            return Outcome::not_applicable(cx.t(k::RESTART_NA_NO_UNIT));
        }
        let mut fired = false;
        for ig in u.ignored.iter().filter(|i| relevant(i) && !superseded(i, u)) {
            let reason = explain::ignored_reason(cx, ig);
            let line = format!("{}={}", ig.key, ig.value);
            let msg = cx.fmt(
                k::RESTART_IGNORED_SETTING_MESSAGE,
                &[("line", &line), ("place", &cx.place(ig.at)), ("reason", &reason)],
            );
            let ev = vec![cx.evidence(ig.at, cx.fmt(k::RESTART_LABEL_IGNORED, &[("reason", &reason)]))];
            out.push(finding(cx, Self::ID, Severity::Warning, msg, ev, unit_fixes(cx, m)));
            fired = true;
        }
        if fired { Outcome::fired() } else { Outcome::passed(cx.t(k::RESTART_IGNORED_SETTING_PASSED)) }
    }
}
