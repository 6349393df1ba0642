//! `restart-environment-file`: an `EnvironmentFile=` whose contents are not in the input can
//! override `MYSQLD_PARENT_PID` (it is read after `Environment=` and wins).

use super::model::{self, PidOrigin};
use super::{Ctx, Rule, explain, finding};
use crate::i18n::Lang;
use crate::report::{Applicability, Finding, Fix, FixTarget, Severity};
use crate::rules::{Family, Outcome};

/// See `restart_environment_file.en.md`.
pub(crate) struct RestartEnvironmentFile;

impl Rule for RestartEnvironmentFile {
    fn id(&self) -> &'static str {
        "restart-environment-file"
    }
    fn family(&self) -> Family {
        Family::Restart
    }
    fn docs(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => include_str!("restart_environment_file.en.md"),
            Lang::ZhCn => include_str!("restart_environment_file.zh-CN.md"),
        }
    }
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let m = model::build(cx.facts);
        if !m.is_systemd() || m.mariadb {
            return Outcome::not_applicable(cx.t("restart.na-no-unit"));
        }
        // The command line, a script or mysqld_safe set the variable after the environment files.
        let overridden = m.value.as_ref().is_some_and(|v| {
            matches!(v.origin, PidOrigin::CommandLine | PidOrigin::Script | PidOrigin::MysqldSafe)
        });
        if overridden || m.unseen_env_files.is_empty() {
            return Outcome::passed(cx.t("restart-environment-file.passed"));
        }
        let now = explain::check_sentence(cx, &m);
        for ef in &m.unseen_env_files {
            let path = ef.value.trim_start_matches('-');
            let optional = ef.value.starts_with('-');
            let mut msg = cx.fmt("restart-environment-file.message", &[("path", path), ("now", &now)]);
            if optional {
                msg.push_str(super::sentence_gap(cx));
                msg.push_str(&cx.t("restart-environment-file.optional"));
            }
            let fix = Fix {
                target: FixTarget::Shell,
                title: cx.fmt("restart-environment-file.fix", &[("path", path)]),
                text: format!("cat {path}\n"),
                applicability: Applicability::DisplayOnly,
                reason: Some(cx.t("restart-environment-file.fix-reason")),
                file_name: None,
            };
            let ev = vec![cx.evidence(ef.at, cx.t("restart.label-env-file"))];
            out.push(finding(cx, self.id(), Severity::Info, msg, ev, vec![fix]));
        }
        Outcome::fired()
    }
}
