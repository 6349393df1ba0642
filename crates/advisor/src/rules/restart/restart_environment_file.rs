//! `restart-environment-file`: an `EnvironmentFile=` whose contents are not in the input can
//! override `MYSQLD_PARENT_PID` (it is read after `Environment=` and wins).

use super::{Ctx, explain, finding};
use crate::facts::launch::PidOrigin;
use crate::i18n::k;
use crate::report::{Finding, Fix, FixTarget, Severity};
use crate::rules::Outcome;

declare_rule! {
    /// See `restart_environment_file.en.md`.
    RestartEnvironmentFile { id: "restart-environment-file", family: Restart, docs: "restart_environment_file" }
}

impl RestartEnvironmentFile {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let m = cx.restart_model();
        if !m.is_systemd() || !m.applies() {
            return Outcome::not_applicable(cx.t(k::RESTART_NA_NO_UNIT));
        }
        // The command line, a script or mysqld_safe set the variable after the environment files.
        let overridden = m.value.as_ref().is_some_and(|v| {
            matches!(v.origin, PidOrigin::CommandLine | PidOrigin::Script | PidOrigin::MysqldSafe)
        });
        if overridden || m.unseen_env_files.is_empty() {
            return Outcome::passed(cx.t(k::RESTART_ENVIRONMENT_FILE_PASSED));
        }
        let now = explain::check_sentence(cx, m);
        for ef in &m.unseen_env_files {
            let path = ef.value.trim_start_matches('-');
            let optional = ef.value.starts_with('-');
            let mut msg = cx.fmt(k::RESTART_ENVIRONMENT_FILE_MESSAGE, &[("path", path), ("now", &now)]);
            if optional {
                msg.push_str(super::sentence_gap(cx));
                msg.push_str(&cx.t(k::RESTART_ENVIRONMENT_FILE_OPTIONAL));
            }
            let fix = Fix::display_only(
                FixTarget::Shell,
                cx.fmt(k::RESTART_ENVIRONMENT_FILE_FIX, &[("path", path)]),
                format!("cat {path}\n"),
            )
            .because(cx.t(k::RESTART_ENVIRONMENT_FILE_FIX_REASON));
            let ev = vec![cx.evidence(ef.at, cx.t(k::RESTART_LABEL_ENV_FILE))];
            out.push(finding(cx, Self::ID, Severity::Info, msg, ev, vec![fix]));
        }
        Outcome::fired()
    }
}
