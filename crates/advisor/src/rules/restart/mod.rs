//! The restart family: the supervisor model behind `RESTART` and a clone's automatic restart, its
//! rules, and the `clone_restart` verdict.
//!
//! [`crate::facts::launch`] decides (pure, from facts); [`explain`] turns decisions into catalog sentences;
//! [`dropin`] plans the fix; each rule file reports one problem.

pub(crate) mod dropin;
pub(crate) mod explain;
pub(crate) mod image_fix;
pub(crate) mod launchers;

mod restart_environment_file;
mod restart_evidence_conflict;
mod restart_exit16_ignored;
mod restart_ignored_setting;
mod restart_notify_access;
mod restart_on_crash;
mod restart_parent_mismatch;
mod restart_start_limit;
mod restart_start_timeout;
mod restart_unsupervised;

use super::{Ctx, Outcome, Rule};
use crate::facts::launch::{self as model, Model, Tri};
use crate::facts::unit::UnitFacts;
use crate::i18n::{Key, k};
use crate::report::{
    Applicability, CloneRestart, Evidence, Finding, Fix, FixTarget, Reference, Severity, VerdictNote,
};

/// This family's rules, in report order.
pub(crate) const RULES: &[&dyn Rule] = &[
    &restart_unsupervised::RestartUnsupervised,
    &restart_parent_mismatch::RestartParentMismatch,
    &restart_evidence_conflict::RestartEvidenceConflict,
    &restart_exit16_ignored::RestartExit16Ignored,
    &restart_ignored_setting::RestartIgnoredSetting,
    &restart_environment_file::RestartEnvironmentFile,
    &restart_notify_access::RestartNotifyAccess,
    &restart_start_timeout::RestartStartTimeout,
    &restart_start_limit::RestartStartLimit,
    &restart_on_crash::RestartOnCrash,
];

/// Findings of another family that `clone_restart` also rests on: the failed restart seen after
/// a clone.
const ALSO: &[&str] = &["clone-restart-failed"];

/// Notes that say the verdict may not hold: an `EnvironmentFile=` not shown may set
/// `MYSQLD_PARENT_PID` (or change it).
const DOUBTS: &[&str] = &[restart_environment_file::RestartEnvironmentFile::ID];

/// The verdict made to agree with this question's findings ([`crate::report::agree`]).
pub(crate) fn agree(
    lang: crate::i18n::Lang,
    v: CloneRestart,
    note: &mut VerdictNote,
    findings: &[Finding],
) -> CloneRestart {
    use crate::report::Lean;
    let lean = match v {
        CloneRestart::Works => Lean::Positive,
        CloneRestart::Fails | CloneRestart::StaysDown => Lean::Negative,
        CloneRestart::Unknown => Lean::Open,
        CloneRestart::NotApplicable => return v,
    };
    let ours = findings.iter().filter(|f| RULES.iter().any(|r| r.id() == f.rule) || ALSO.contains(&f.rule));
    match crate::report::agree(lang, lean, note, ours, |r| DOUBTS.contains(&r)) {
        Lean::Open if lean != Lean::Open => CloneRestart::Unknown,
        _ => v,
    }
}

/// The verdict this family decides, with its explanation.
pub(crate) fn verdict(cx: &Ctx<'_>) -> (CloneRestart, VerdictNote) {
    let m = cx.restart_model();
    explain::verdict(cx, m)
}

/// The outcome of every restart rule where the clone-restart question does not arise (the
/// verdict's `not-applicable`), with the verdict's reason.
pub(crate) fn not_applicable(cx: &Ctx<'_>) -> Option<Outcome> {
    let m = cx.restart_model();
    m.not_applicable?;
    let (_, note) = explain::verdict(cx, m);
    Some(Outcome::not_applicable(note.summary))
}

/// The unit and the model when mysqld runs under a systemd unit; else the outcome of a rule that
/// does not apply (the guard every unit-only rule starts with).
pub(crate) fn systemd<'b>(cx: &'b Ctx<'_>) -> Result<(&'b UnitFacts, &'b Model), Outcome> {
    let m = cx.restart_model();
    match &cx.facts.unit {
        Some(u) if m.is_systemd() => Ok((u, m)),
        _ => Err(Outcome::not_applicable(cx.t(k::RESTART_NA_NO_UNIT))),
    }
}

/// The complete drop-in that applies one `op` to the unit, as a fix to review (with its file name).
pub(crate) fn one_op_dropin(
    cx: &Ctx<'_>,
    u: &UnitFacts,
    m: &Model,
    op: dropin::Op,
    title: Key,
    reason: Key,
) -> Fix {
    let (unit, unit_assumed) = dropin::unit_name(u);
    let d = dropin::DropIn { unit, unit_assumed, user: m.is_user(), ops: vec![op] };
    Fix::needs_review(FixTarget::SystemdDropin, cx.fmt(title, &[("unit", &d.unit)]), d.text(cx.lang))
        .because(cx.t(reason))
        .file(d.path())
}

/// Builds a finding with the rule's catalog title.
pub(crate) fn finding(
    cx: &Ctx<'_>,
    rule: &'static str,
    severity: Severity,
    message: String,
    evidence: Vec<Evidence>,
    fixes: Vec<Fix>,
) -> Finding {
    Finding {
        rule,
        severity,
        title: cx.t(crate::i18n::dynamic(format_args!("{rule}.title"))),
        message,
        channel: None,
        evidence,
        evidence_omitted: 0,
        fixes,
        references: references(cx),
    }
}

/// The references every restart finding carries.
pub(crate) fn references(cx: &Ctx<'_>) -> Vec<Reference> {
    vec![
        cx.reference(k::RESTART_REF_RESTART, "https://dev.mysql.com/doc/refman/8.0/en/restart.html"),
        cx.reference(
            k::RESTART_REF_CLONE,
            "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-remote.html",
        ),
        cx.reference(
            k::RESTART_REF_SYSTEMD_SERVICE,
            "https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html",
        ),
    ]
}

/// The fixes for a systemd unit: the complete drop-in (with `file_name`), the effective settings
/// after it (display only), and the wrapper-script change when a script must `exec` mysqld.
pub(crate) fn unit_fixes(cx: &Ctx<'_>, m: &Model) -> Vec<Fix> {
    let mut out = Vec::new();
    let Some(u) = &cx.facts.unit else { return out };
    if let Some(d) = dropin::plan(m, u) {
        let path = d.path();
        out.push(
            Fix::needs_review(
                FixTarget::SystemdDropin,
                cx.fmt(k::RESTART_FIX_DROPIN, &[("unit", &d.unit), ("path", &path)]),
                d.text(cx.lang),
            )
            .because(cx.fmt(k::RESTART_FIX_DROPIN_REASON, &[("unit", &d.unit)]))
            .file(path),
        );
        let after = d.apply(u);
        out.push(
            Fix::display_only(
                FixTarget::SystemdDropin,
                cx.fmt(k::RESTART_FIX_EFFECTIVE, &[("unit", &d.unit)]),
                dropin::effective_text(&after),
            )
            .because(cx.fmt(k::RESTART_FIX_EFFECTIVE_REASON, &[("unit", &d.unit)])),
        );
    }
    out.extend(script_fixes(cx, m));
    out
}

/// The wrapper-script fix (pasted script, or a generic one for a script not in the input).
pub(crate) fn script_fixes(cx: &Ctx<'_>, m: &Model) -> Vec<Fix> {
    let mut out = Vec::new();
    if m.check == Tri::Yes {
        return out;
    }
    if let Some((at, new)) = dropin::script_fix(m) {
        let path = m.script.as_ref().map(|s| s.path.clone()).unwrap_or_default();
        let text = format!("# {}\n{new}\n", cx.fmt(k::RESTART_FIX_SCRIPT_WHERE, &[("place", &cx.place(at))]));
        out.push(
            Fix::needs_review(FixTarget::Shell, cx.fmt(k::RESTART_FIX_SCRIPT, &[("path", &path)]), text)
                .because(cx.t(k::RESTART_FIX_SCRIPT_REASON)),
        );
    } else if let model::Parent::UnknownScript { path, .. } = &m.parent {
        out.push(
            Fix::display_only(
                FixTarget::Shell,
                cx.fmt(k::RESTART_FIX_SCRIPT, &[("path", path)]),
                format!(
                    "# {}\nexec /usr/sbin/mysqld \"$@\"\n",
                    cx.fmt(k::RESTART_FIX_SCRIPT_GENERIC, &[("path", path)])
                ),
            )
            .because(cx.t(k::RESTART_FIX_SCRIPT_REASON)),
        );
    }
    out
}

/// The fixes for whatever launches mysqld: the unit's drop-in, a launcher's file, the container.
pub(crate) fn fixes(cx: &Ctx<'_>, m: &Model) -> Vec<Fix> {
    if m.is_systemd() {
        unit_fixes(cx, m)
    } else if launchers::is_launcher(m) {
        launchers::fixes(cx, m)
    } else {
        container_fixes(cx, m)
    }
}

/// The fix for a container: restart policy and `MYSQLD_PARENT_PID` where the image does not set it.
pub(crate) fn container_fixes(cx: &Ctx<'_>, m: &Model) -> Vec<Fix> {
    // The user's own file or command rebuilt, where it is in the input, replaces the generic
    // snippet (the entrypoint alternative below stays).
    let rebuilt = image_fix::launcher_fixes(cx, m);
    let Some(c) = cx.facts.containers.server() else { return Vec::new() };
    let need_env = m.check == Tri::No;
    let need_policy = m.exit16 == Tri::No;
    if !need_env && !need_policy {
        return Vec::new();
    }
    let pid = match m.expected {
        Some(model::Expected::One) => "1",
        _ => "0",
    };
    let name = c.name.clone().unwrap_or_else(|| "mysql".into());
    use crate::facts::container::ContainerSource as S;
    let text = match c.source {
        S::DockerRun => {
            let mut t = String::new();
            let mut flags = Vec::new();
            if need_env {
                flags.push(format!("-e MYSQLD_PARENT_PID={pid}"));
            }
            if need_policy {
                flags.push("--restart=unless-stopped".to_owned());
            }
            t.push_str(&format!("# {}\n", cx.t(k::RESTART_FIX_DOCKER_RUN)));
            t.push_str(&format!("docker run {} …\n", flags.join(" ")));
            if need_policy {
                t.push_str(&format!("# {}\n", cx.t(k::RESTART_FIX_DOCKER_UPDATE)));
                t.push_str(&format!("docker update --restart=unless-stopped {name}\n"));
            }
            t
        }
        S::Compose => {
            let mut t = format!("services:\n  {name}:\n");
            if need_policy {
                t.push_str("    restart: unless-stopped\n");
            }
            if need_env {
                t.push_str(&format!("    environment:\n      MYSQLD_PARENT_PID: \"{pid}\"\n"));
            }
            t
        }
        S::Dockerfile => format!("ENV MYSQLD_PARENT_PID={pid}\n"),
        S::Kubernetes => {
            let mut t = String::new();
            if need_policy {
                t.push_str("spec:\n  restartPolicy: Always\n");
            }
            if need_env {
                t.push_str(&format!(
                    "# {}\nenv:\n- name: MYSQLD_PARENT_PID\n  value: \"{pid}\"\n",
                    cx.fmt(k::RESTART_FIX_K8S_ENV, &[("name", &name)])
                ));
            }
            t
        }
    };
    let mut out = if rebuilt.is_empty() {
        // Where the command is not in the input (`docker inspect` shows the container), the
        // flags are shown to add to it: for illustration, not to paste as it is.
        let applicability =
            if text.contains('…') { Applicability::DisplayOnly } else { Applicability::NeedsReview };
        vec![
            Fix::new(
                applicability,
                FixTarget::Shell,
                cx.fmt(k::RESTART_FIX_CONTAINER, &[("name", &name)]),
                text,
            )
            .because(cx.t(k::RESTART_FIX_CONTAINER_REASON)),
        ]
    } else {
        rebuilt
    };
    let dockerhub = c.family().is_some_and(|f| f.value == crate::facts::container::ImageFamily::DockerHub);
    if need_env && dockerhub && c.entrypoint.is_none() {
        let image = c.image.as_ref().map(|i| i.value.clone()).unwrap_or_else(|| "mysql:8.0".into());
        // The script is a file of its own: `#!` must be its first line (a line before it is an
        // exec format error when the kernel runs it as an entrypoint).
        let script = format!(
            "#!/bin/sh\n# {}\nexport MYSQLD_PARENT_PID=$(cut -d' ' -f4 /proc/$$/stat)\nexec docker-entrypoint.sh \"$@\"\n",
            cx.t(k::RESTART_FIX_ENTRYPOINT_SCRIPT),
        );
        out.push(
            Fix::display_only(FixTarget::Shell, cx.t(k::RESTART_FIX_ENTRYPOINT), script)
                .because(cx.t(k::RESTART_FIX_ENTRYPOINT_REASON)),
        );
        // The user's own `docker run` with the entrypoint mounted, where it is in the input.
        let flags = "-v \"$PWD/parent-pid-entrypoint.sh:/usr/local/bin/parent-pid-entrypoint.sh:ro\" --entrypoint parent-pid-entrypoint.sh ";
        let run = c
            .source_text
            .as_ref()
            .filter(|st| st.how == crate::facts::container::Insert::RunOption)
            .and_then(|st| entrypoint_run(&st.text, st.insert, flags))
            .unwrap_or_else(|| format!("docker run … {flags}{image} mysqld\n"));
        out.push(
            Fix::display_only(
                FixTarget::Shell,
                cx.t(k::RESTART_FIX_ENTRYPOINT_RUN_TITLE),
                format!("# {}\n{run}", cx.t(k::RESTART_FIX_ENTRYPOINT_RUN)),
            )
            .because(cx.t(k::RESTART_FIX_ENTRYPOINT_REASON)),
        );
    }
    out
}

/// The user's `docker run` (`text`, the image at `insert`) with `flags` before the image, and
/// `mysqld` after it when no argument follows (`--entrypoint` clears the image's CMD; the image's
/// entrypoint puts `mysqld` before arguments that start with `-` itself).
fn entrypoint_run(text: &str, insert: usize, flags: &str) -> Option<String> {
    let (head, tail) = (text.get(..insert)?, text.get(insert..)?);
    let body = tail.trim_end();
    let rest = body.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    let args = rest.replace("\\\n", " ");
    let mut out = format!("{head}{flags}{body}");
    if args.trim().is_empty() {
        out.push_str(" mysqld");
    }
    out.push('\n');
    Some(out)
}

/// Evidence for the lines of the unit that decide the restart of exit 16.
pub(crate) fn exit16_evidence(cx: &Ctx<'_>, m: &Model) -> Vec<Evidence> {
    use model::Exit16Why as W;
    match &m.exit16_why {
        W::Prevented { at } => vec![cx.evidence(*at, cx.t(k::RESTART_LABEL_PREVENT))],
        W::Forced { at } => vec![cx.evidence(*at, cx.t(k::RESTART_LABEL_FORCE))],
        W::OneshotClean { at } => vec![cx.evidence(*at, cx.t(k::RESTART_LABEL_SUCCESS))],
        W::Table { restart, clean_at } => {
            let mut v = Vec::new();
            if let Some(r) = restart {
                v.push(cx.evidence(r.at, cx.t(k::RESTART_LABEL_RESTART)));
            }
            if let Some(c) = clean_at {
                v.push(cx.evidence(*c, cx.t(k::RESTART_LABEL_SUCCESS)));
            }
            v
        }
        W::ContainerPolicy { policy: Some(p), .. } => vec![cx.evidence(p.at, cx.t(k::RESTART_LABEL_POLICY))],
        W::Supervisord { .. } | W::OpenRc { .. } | W::LoopStops { .. } | W::LoopCannotTell { .. } => {
            launchers::exit16_evidence(cx, m)
        }
        _ => Vec::new(),
    }
}

/// What goes between two sentences: a space in English, nothing in Chinese.
pub(crate) fn sentence_gap(cx: &Ctx<'_>) -> &'static str {
    match cx.lang {
        crate::i18n::Lang::En => " ",
        crate::i18n::Lang::ZhCn => "",
    }
}
