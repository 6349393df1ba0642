//! Sentences for the model's decisions (catalog-rendered) and the `clone_restart` verdict.

use crate::i18n::k;
use crate::text::TrimWs;

use super::Ctx;
use crate::facts::Loc;
use crate::facts::container::ImageFamily;
use crate::facts::launch::NotApplicable;
use crate::facts::launch::seen::{After16, Check, CheckSeen, Seen};
use crate::facts::launch::{self as supervisor, PidExpr};
use crate::facts::launch::{CheckWhy, Exit16Why, Expected, Model, Parent, PidOrigin, Supervisor, Tri};
use crate::report::{CloneRestart, VerdictNote};

/// Who mysqld's parent is, as a phrase.
pub(crate) fn parent_phrase(cx: &Ctx<'_>, m: &Model) -> String {
    match &m.parent {
        Parent::Manager if m.is_user() => cx.t(k::RESTART_PARENT_USER_MANAGER),
        Parent::Manager => cx.t(k::RESTART_PARENT_PID1),
        Parent::Reparented { .. } if m.is_user() => cx.t(k::RESTART_PARENT_REPARENTED_USER),
        Parent::Reparented { .. } => cx.t(k::RESTART_PARENT_REPARENTED),
        Parent::Wrapper { name, .. } => cx.fmt(k::RESTART_PARENT_WRAPPER, &[("name", name)]),
        Parent::MysqldSafe { .. } => cx.t(k::RESTART_PARENT_MYSQLD_SAFE),
        Parent::ContainerPid1 => cx.t(k::RESTART_PARENT_CONTAINER_PID1),
        Parent::ContainerInit { .. } => cx.t(k::RESTART_PARENT_CONTAINER_INIT),
        Parent::UnknownScript { path, .. } => cx.fmt(k::RESTART_PARENT_SCRIPT, &[("path", path)]),
        Parent::ShellNotGuaranteed { .. } => cx.t(k::RESTART_PARENT_SHELL),
        Parent::Launcher { name } => cx.fmt(k::LAUNCHERS_PARENT_LAUNCHER, &[("name", name)]),
        Parent::WindowsMonitor => cx.t(k::LAUNCHERS_PARENT_WINDOWS_MONITOR),
        Parent::CannotTell { .. } => cx.t(k::IMAGES_PARENT_CANNOT_TELL),
        Parent::Unknown => cx.t(k::RESTART_PARENT_UNKNOWN),
    }
}

/// The value as written, for messages.
pub(crate) fn value_text(m: &Model) -> String {
    match m.value.as_ref().map(|v| &v.expr) {
        Some(PidExpr::Literal(s)) => s.clone(),
        Some(PidExpr::ShellPid) => "$$".into(),
        Some(PidExpr::ShellParent) => "$PPID".into(),
        Some(PidExpr::Other(s)) => s.clone(),
        None => String::new(),
    }
}

/// The value mysqld would need, as text.
pub(crate) fn expected_text(cx: &Ctx<'_>, m: &Model) -> String {
    match m.expected {
        Some(Expected::One) => "1".into(),
        Some(Expected::Zero) => "0".into(),
        Some(Expected::UserManager) => cx.t(k::RESTART_EXPECTED_USER_MANAGER),
        Some(Expected::ShellPid) => "$$".into(),
        Some(Expected::WrapperPid) => cx.t(k::RESTART_EXPECTED_WRAPPER),
        Some(Expected::Launcher) => cx.t(k::LAUNCHERS_EXPECTED_LAUNCHER),
        None => "?".into(),
    }
}

/// Where the value was set (`mysqld.service:14`), or empty.
pub(crate) fn value_place(cx: &Ctx<'_>, m: &Model) -> String {
    m.value.as_ref().and_then(|v| v.at).map(|at| cx.place(at)).unwrap_or_default()
}

/// One sentence on the supervisor check.
pub(crate) fn check_sentence(cx: &Ctx<'_>, m: &Model) -> String {
    let parent = parent_phrase(cx, m);
    let value = value_text(m);
    let at = value_place(cx, m);
    let atoi = match m.value.as_ref().map(|v| &v.expr) {
        Some(PidExpr::Literal(s)) => supervisor::atoi(s).to_string(),
        _ => String::new(),
    };
    let expected = expected_text(cx, m);
    let args: &[(&str, &str)] =
        &[("parent", &parent), ("value", &value), ("at", &at), ("atoi", &atoi), ("expected", &expected)];
    match &m.check_why {
        CheckWhy::Matches => cx.fmt(k::RESTART_WHY_CHECK_MATCHES, args),
        CheckWhy::MysqldSafe => cx.t(k::RESTART_WHY_CHECK_MYSQLD_SAFE),
        CheckWhy::OracleImage => cx.t(k::RESTART_WHY_CHECK_ORACLE),
        CheckWhy::Missing => match &m.supervisor {
            Supervisor::Container { family: Some(ImageFamily::DockerHub), .. }
                if m.parent == Parent::ContainerPid1 && m.script.is_none() =>
            {
                cx.t(k::RESTART_WHY_CHECK_MISSING_DOCKERHUB)
            }
            Supervisor::ContainerLog { family: ImageFamily::DockerHub } => {
                cx.t(k::RESTART_WHY_CHECK_MISSING_DOCKERHUB)
            }
            _ if m.unset_at.is_some() => cx.t(k::RESTART_WHY_CHECK_UNSET),
            Supervisor::Container { .. } if !matches!(m.parent, Parent::CannotTell { .. }) => {
                cx.fmt(k::IMAGES_WHY_CHECK_MISSING_CONTAINER, args)
            }
            _ if matches!(m.parent, Parent::CannotTell { .. }) => cx.fmt(
                k::IMAGES_WHY_CHECK_MISSING_STOPPED,
                &[("stopped", &super::image_fix::stopped_sentence(cx, m))],
            ),
            _ if super::launchers::is_launcher(m) => super::launchers::missing_sentence(cx, m, args),
            _ => cx.fmt(k::RESTART_WHY_CHECK_MISSING, args),
        },
        CheckWhy::Mismatch => {
            let origin_env = m.value.as_ref().is_some_and(|v| v.origin == PidOrigin::Environment);
            if origin_env && value.contains('$') {
                cx.fmt(k::RESTART_WHY_CHECK_NO_EXPANSION, args)
            } else {
                cx.fmt(k::RESTART_WHY_CHECK_MISMATCH, args)
            }
        }
        CheckWhy::OwnPid => cx.t(k::RESTART_WHY_CHECK_OWN_PID),
        CheckWhy::UserLiteral => cx.fmt(k::RESTART_WHY_CHECK_USER_LITERAL, args),
        CheckWhy::Opaque => cx.fmt(k::RESTART_WHY_CHECK_OPAQUE, args),
        CheckWhy::ParentUnknown => match &m.parent {
            Parent::UnknownScript { path, .. } => {
                cx.fmt(k::RESTART_WHY_CHECK_SCRIPT_UNKNOWN, &[("path", path)])
            }
            Parent::ShellNotGuaranteed { .. } => cx.t(k::RESTART_WHY_CHECK_SHELL),
            Parent::CannotTell { .. } => super::image_fix::stopped_sentence(cx, m),
            _ => match &m.supervisor {
                Supervisor::Container { .. } => {
                    let image = cx
                        .facts
                        .containers
                        .server()
                        .and_then(|c| c.image.as_ref())
                        .map(|i| i.value.clone())
                        .unwrap_or_default();
                    cx.fmt(k::RESTART_WHY_CHECK_IMAGE_UNKNOWN, &[("image", &image)])
                }
                _ => cx.t(k::RESTART_WHY_CHECK_UNKNOWN),
            },
        },
        CheckWhy::NoInput => cx.t(k::RESTART_WHY_CHECK_UNKNOWN),
        CheckWhy::LauncherLiteral
        | CheckWhy::WindowsMonitor
        | CheckWhy::WindowsNoMonitor { .. }
        | CheckWhy::CannotTell { .. } => super::launchers::check_sentence(cx, m, args),
    }
}

/// One sentence on whether exit code 16 is restarted.
pub(crate) fn exit16_sentence(cx: &Ctx<'_>, m: &Model) -> String {
    match &m.exit16_why {
        Exit16Why::Prevented { .. } => cx.t(k::RESTART_WHY_16_PREVENTED),
        Exit16Why::Forced { .. } => cx.t(k::RESTART_WHY_16_FORCED),
        Exit16Why::OneshotClean { .. } => cx.t(k::RESTART_WHY_16_ONESHOT),
        Exit16Why::Table { restart, clean_at } => {
            let r = restart.as_ref().map(|r| r.value.as_str()).unwrap_or("no");
            if restart.is_none() {
                cx.t(k::RESTART_WHY_16_DEFAULT)
            } else if clean_at.is_some() && m.exit16 == Tri::No {
                cx.fmt(k::RESTART_WHY_16_CLEAN, &[("restart", r)])
            } else if m.exit16 == Tri::Yes {
                cx.fmt(k::RESTART_WHY_16_YES, &[("restart", r)])
            } else {
                cx.fmt(k::RESTART_WHY_16_NO, &[("restart", r)])
            }
        }
        Exit16Why::MysqldSafe => cx.t(k::RESTART_WHY_16_MYSQLD_SAFE),
        Exit16Why::ScriptLoop => cx.t(k::RESTART_WHY_16_SCRIPT_LOOP),
        Exit16Why::ContainerPolicy { policy, default } => {
            let p = policy
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_else(|| cx.fmt(k::RESTART_DEFAULT_VALUE, &[("value", default)]));
            if m.exit16 == Tri::Yes {
                cx.fmt(k::RESTART_WHY_16_CONTAINER_YES, &[("policy", &p)])
            } else {
                cx.fmt(k::RESTART_WHY_16_CONTAINER_NO, &[("policy", &p)])
            }
        }
        Exit16Why::Unknown => cx.t(k::RESTART_WHY_16_UNKNOWN),
        Exit16Why::Supervisord { .. }
        | Exit16Why::RunAgain { .. }
        | Exit16Why::OpenRc { .. }
        | Exit16Why::Unsupervised
        | Exit16Why::WindowsMonitor
        | Exit16Why::LoopStops { .. }
        | Exit16Why::LoopCannotTell { .. } => super::launchers::exit16_sentence(cx, m),
    }
}

/// Client error 3707 or error-log MY-013462 in the input.
pub(crate) fn observed_failure(cx: &Ctx<'_>) -> Option<Loc> {
    let f = cx.facts;
    f.client_errors.iter().find(|e| e.code == 3707).map(|e| e.at).or_else(|| {
        f.log_events
            .iter()
            .find(|e| e.code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("MY-013462")))
            .map(|e| e.at)
    })
}

/// The launch chain as one sentence (`How mysqld is started: systemd → sh -c → mysqld.`), when the
/// input shows more than mysqld itself. A link that replaces itself (`exec`) is marked.
pub(crate) fn chain_sentence(cx: &Ctx<'_>, m: &Model) -> Option<String> {
    if m.chain.len() < 2 {
        return None;
    }
    let links: Vec<String> = m
        .chain
        .iter()
        .map(|l| if l.execs { cx.fmt(k::RESTART_CHAIN_EXECS, &[("name", &l.name)]) } else { l.name.clone() })
        .collect();
    Some(cx.fmt(k::RESTART_CHAIN, &[("chain", &links.join(" → "))]))
}

/// The note of a `not-applicable` verdict: why the question does not arise, the line that shows it,
/// and for 8.0.4–8.0.16 (which have `RESTART` but no clone) what the launch model says about
/// `RESTART`.
fn not_applicable(cx: &Ctx<'_>, m: &Model, na: NotApplicable, note: &mut VerdictNote) {
    match na {
        NotApplicable::MariaDb { at } => {
            note.summary = cx.t(k::RESTART_VERDICT_MARIADB);
            note.evidence.push(cx.evidence(at, cx.t(k::RESTART_LABEL_FLAVOR)));
        }
        NotApplicable::NoClone { version, at } => {
            let v = version.to_string();
            let has_restart = version >= crate::facts::launch::FIRST_RESTART;
            let key = if has_restart { k::RESTART_VERDICT_NO_CLONE } else { k::RESTART_VERDICT_NO_RESTART };
            note.summary = cx.fmt(key, &[("version", &v)]);
            note.evidence.push(cx.evidence(at, cx.t(k::RESTART_LABEL_VERSION)));
            if has_restart && !matches!(m.supervisor, Supervisor::None) {
                note.reasons.push(cx.t(k::RESTART_NA_RESTART_STILL));
                note.reasons.extend(chain_sentence(cx, m));
                note.reasons.push(check_sentence(cx, m));
                note.reasons.push(exit16_sentence(cx, m));
            }
        }
    }
}

/// The verdict and its note.
pub(crate) fn verdict(cx: &Ctx<'_>, m: &Model) -> (CloneRestart, VerdictNote) {
    let mut note = VerdictNote::default();
    let observed = observed_failure(cx);
    if let Some(na) = m.not_applicable {
        not_applicable(cx, m, na, &mut note);
        return (CloneRestart::NotApplicable, note);
    }
    let seen = cx.restart_seen();
    // The observation decides where the configuration cannot, or where the two disagree; where
    // they agree, the configuration's explanation stays (it says why), with the observation added.
    let check_differs = seen.check.as_ref().is_some_and(|c| match m.check {
        // A failure seen at the last clone (ERROR 3707, MY-013462, its clean exit) beside a
        // configuration that passes: most often the configuration was fixed since. The prediction
        // stays, with a caveat, and `restart-evidence-conflict` asks to load it and restart.
        Tri::Yes => {
            !c.managed
                && !matches!(
                    c.why,
                    CheckSeen::Error3707 | CheckSeen::ShutdownTrace | CheckSeen::CleanExitAfterClone
                )
        }
        Tri::No => c.managed,
        Tri::Unknown => {
            !matches!(m.supervisor, Supervisor::None)
                || !matches!(c.why, CheckSeen::Error3707 | CheckSeen::ShutdownTrace)
        }
    });
    let after16_differs = seen.check.as_ref().is_some_and(|c| c.managed)
        && seen.after16.as_ref().is_some_and(|(what, _)| match m.exit16 {
            Tri::Yes => *what != After16::Restarted,
            Tri::No => *what == After16::Restarted,
            Tri::Unknown => true,
        });
    if check_differs || after16_differs {
        return seen_verdict(cx, m, seen);
    }
    if let Supervisor::Operator { kind, at } = &m.supervisor {
        return super::image_fix::operator_verdict(cx, m, *kind, *at);
    }
    if let Supervisor::None = m.supervisor {
        note.missing.push(cx.t(k::RESTART_MISSING_SUPERVISOR));
        if let Some(at) = observed {
            note.summary = cx.t(k::RESTART_VERDICT_FAILS_OBSERVED);
            note.evidence.push(cx.evidence(at, cx.t(k::RESTART_LABEL_OBSERVED)));
            return (CloneRestart::Fails, note);
        }
        note.summary = cx.t(k::RESTART_VERDICT_UNKNOWN_NO_INPUT);
        shell_timeout_note(cx, seen, &mut note);
        return (CloneRestart::Unknown, note);
    }

    let check = check_sentence(cx, m);
    let e16 = exit16_sentence(cx, m);
    let verdict = match (m.check, m.exit16) {
        (Tri::No, _) => CloneRestart::Fails,
        (Tri::Yes, Tri::No) => CloneRestart::StaysDown,
        (Tri::Yes, Tri::Yes) => CloneRestart::Works,
        _ => CloneRestart::Unknown,
    };
    note.summary = match verdict {
        CloneRestart::Works => cx.fmt(k::RESTART_VERDICT_WORKS, &[("why", &check)]),
        CloneRestart::Fails => cx.fmt(k::RESTART_VERDICT_FAILS, &[("why", &check)]),
        CloneRestart::StaysDown => cx.fmt(k::RESTART_VERDICT_STAYS_DOWN, &[("why", &e16)]),
        CloneRestart::Unknown | CloneRestart::NotApplicable => cx.t(k::RESTART_VERDICT_UNKNOWN),
    };
    if let Some(chain) = chain_sentence(cx, m) {
        note.reasons.push(chain);
    }
    note.reasons.push(check);
    if verdict == CloneRestart::Fails {
        note.reasons.push(fails_consequence(cx, m));
    }
    note.reasons.push(e16);

    // Evidence: the ExecStart / container line, the value, the exit-16 decider.
    if let Some((e, _)) = &m.exec {
        note.evidence.push(cx.evidence(e.at, cx.t(k::RESTART_LABEL_EXECSTART)));
    } else if let Some(c) = cx.facts.containers.server() {
        note.evidence.push(cx.evidence(c.at, cx.t(k::RESTART_LABEL_CONTAINER)));
    }
    if let Some(at) = m.value.as_ref().and_then(|v| v.at)
        && !note.evidence.iter().any(|e| e.range == at.range && e.input == at.input)
    {
        note.evidence.push(cx.evidence(at, cx.t(k::RESTART_LABEL_VALUE)));
    }
    note.evidence.extend(super::exit16_evidence(cx, m));

    // What would decide (or confirm) it.
    match &m.parent {
        Parent::UnknownScript { path, .. } => {
            note.missing.push(cx.fmt(k::RESTART_MISSING_SCRIPT, &[("path", path)]))
        }
        Parent::Unknown if m.is_systemd() => note.missing.push(cx.t(k::RESTART_MISSING_EXECSTART)),
        _ => {}
    }
    if let Supervisor::Container { family, .. } = &m.supervisor
        && m.check == Tri::Unknown
        && !matches!(family, Some(ImageFamily::DockerHub | ImageFamily::Oracle))
    {
        note.missing.push(cx.t(k::RESTART_MISSING_ENTRYPOINT));
    }
    if let (Supervisor::Container { .. }, Some(c)) = (&m.supervisor, cx.facts.containers.server())
        && m.check_why == CheckWhy::Missing
    {
        for ef in &c.env_files {
            note.assumptions.push(cx.fmt(k::RESTART_ASSUME_ENV_FILE, &[("path", &ef.value)]));
        }
    }
    super::image_fix::container_notes(cx, m, &mut note);
    if let Supervisor::ContainerLog { .. } = &m.supervisor {
        note.missing.push(cx.t(k::RESTART_MISSING_POLICY));
        if m.check == Tri::No {
            note.assumptions.push(cx.t(k::RESTART_ASSUME_DOCKERHUB_ENV));
        }
    }
    for ef in &m.unseen_env_files {
        let path = ef.value.trim_start_matches('-');
        let overridden = m.value.as_ref().is_some_and(|v| {
            matches!(v.origin, PidOrigin::CommandLine | PidOrigin::Script | PidOrigin::MysqldSafe)
        });
        if !overridden {
            note.missing.push(cx.fmt(k::RESTART_MISSING_ENV_FILE, &[("path", path)]));
            note.assumptions.push(cx.fmt(k::RESTART_ASSUME_ENV_FILE, &[("path", path)]));
        }
    }
    if m.is_systemd() && m.assumed_system {
        note.assumptions.push(cx.t(k::RESTART_ASSUME_SYSTEM));
    }
    if let Some(u) = &cx.facts.unit {
        let (name, assumed) = super::dropin::unit_name(u);
        if assumed {
            note.assumptions.push(cx.fmt(k::RESTART_ASSUME_UNIT_NAME, &[("unit", &name)]));
        }
        if let Some(w) = super::restart_notify_access::fires(m, u) {
            note.reasons.push(cx.fmt(k::RESTART_CAVEAT_NOTIFY, &[("wrapper", &w)]));
        }
        if verdict == CloneRestart::Works
            && let Some(t) = super::restart_start_timeout::finite_timeout(u)
        {
            note.reasons.push(cx.fmt(
                k::RESTART_CAVEAT_TIMEOUT,
                &[("timeout", &super::restart_start_timeout::timeout_text(cx, &t))],
            ));
        }
    }
    if let Some(u) = &cx.facts.unit {
        let rt = &u.runtime;
        let exited_16 = rt.exec_main_status.as_ref().is_some_and(|s| s.value.trim_ws() == "16")
            && rt
                .exec_main_code
                .as_ref()
                .is_none_or(|c| c.value.trim_ws() == "1" || c.value.trim_ws() == "exited");
        if let (true, Some(state)) = (exited_16, rt.active_state.as_ref())
            && matches!(state.value.as_str(), "inactive" | "failed")
        {
            note.reasons.push(cx.fmt(k::RESTART_OBSERVED_16_DOWN, &[("state", &state.value)]));
            note.evidence.push(cx.evidence(state.at, cx.t(k::RESTART_LABEL_OBSERVED_16)));
        }
    }
    if let Some(at) = observed {
        note.evidence.push(cx.evidence(at, cx.t(k::RESTART_LABEL_OBSERVED)));
        if verdict != CloneRestart::Fails {
            note.reasons.push(cx.t(k::RESTART_CAVEAT_OBSERVED));
        }
    }
    // Observations that agree with the prediction confirm it.
    if let Some(c) =
        seen.check.as_ref().filter(|c| !matches!(c.why, CheckSeen::Error3707 | CheckSeen::ShutdownTrace))
    {
        note.reasons.push(seen_check_sentence(cx, c));
        note.evidence.extend(c.at.iter().map(|at| cx.evidence(*at, cx.t(k::RESTART_LABEL_SEEN_CHECK))));
    }
    if let Some((what, at)) = &seen.after16 {
        note.reasons.push(seen_16_sentence(cx, what, at));
        note.evidence.extend(at.iter().map(|a| cx.evidence(*a, cx.t(k::RESTART_LABEL_SEEN_16))));
    }
    if verdict == CloneRestart::Unknown {
        shell_timeout_note(cx, seen, &mut note);
    }
    (verdict, note)
}

/// A MySQL Shell that gave up waiting: what it can mean, and the one input that tells.
fn shell_timeout_note(cx: &Ctx<'_>, seen: &Seen, note: &mut VerdictNote) {
    let Some(at) = seen.shell_timeout else { return };
    note.summary = cx.t(k::RESTART_VERDICT_UNKNOWN_TIMEOUT);
    note.reasons.insert(0, cx.fmt(k::RESTART_SEEN_SHELL_TIMEOUT, &[("place", &cx.place(at))]));
    note.evidence.insert(0, cx.evidence(at, cx.t(k::RESTART_LABEL_SEEN_TIMEOUT)));
    note.missing.insert(0, cx.t(k::RESTART_MISSING_AFTER_TIMEOUT));
}

/// The sentence for the observed supervisor check.
pub(crate) fn seen_check_sentence(cx: &Ctx<'_>, c: &Check) -> String {
    let place = c.at.first().map(|at| cx.place(*at)).unwrap_or_default();
    match &c.why {
        CheckSeen::Exit16 => cx.fmt(k::RESTART_SEEN_CHECK_EXIT16, &[("place", &place)]),
        CheckSeen::Error3707 => cx.fmt(k::RESTART_SEEN_CHECK_3707, &[("place", &place)]),
        CheckSeen::ShutdownTrace => cx.fmt(k::RESTART_SEEN_CHECK_TRACE, &[("place", &place)]),
        CheckSeen::CleanExitAfterClone => {
            let clone = c.at.get(1).map(|at| cx.place(*at)).unwrap_or_default();
            cx.fmt(k::RESTART_SEEN_CHECK_CLEAN, &[("place", &place), ("clone", &clone)])
        }
        CheckSeen::Process { ppid, value } => {
            let place = c.at.iter().map(|at| cx.place(*at)).collect::<Vec<_>>().join(", ");
            let ppid = ppid.to_string();
            match value {
                None => cx.fmt(k::RESTART_SEEN_CHECK_PROCESS_UNSET, &[("ppid", &ppid), ("place", &place)]),
                Some(v) if c.managed => cx.fmt(
                    k::RESTART_SEEN_CHECK_PROCESS_MANAGED,
                    &[("ppid", &ppid), ("value", v), ("place", &place)],
                ),
                Some(v) => cx.fmt(
                    k::RESTART_SEEN_CHECK_PROCESS_UNMANAGED,
                    &[
                        ("ppid", &ppid),
                        ("value", v),
                        ("atoi", &supervisor::atoi(v).to_string()),
                        ("place", &place),
                    ],
                ),
            }
        }
    }
}

/// The sentence for what followed exit code 16.
pub(crate) fn seen_16_sentence(cx: &Ctx<'_>, what: &After16, at: &[Loc]) -> String {
    let place = at.last().map(|a| cx.place(*a)).unwrap_or_default();
    let key = match what {
        After16::Restarted => k::RESTART_SEEN_16_RESTARTED,
        After16::Refused => k::RESTART_SEEN_16_REFUSED,
        After16::StayedDown => k::RESTART_SEEN_16_DOWN,
    };
    cx.fmt(key, &[("place", &place)])
}

/// The verdict when the input shows what happened: the observation decides, the configuration
/// fills in only what was not observed.
fn seen_verdict(cx: &Ctx<'_>, m: &Model, seen: &Seen) -> (CloneRestart, VerdictNote) {
    let mut note = VerdictNote::default();
    let Some(c) = &seen.check else { return (CloneRestart::Unknown, note) };
    let check = seen_check_sentence(cx, c);
    note.reasons.push(check.clone());
    for at in &c.at {
        note.evidence.push(cx.evidence(*at, cx.t(k::RESTART_LABEL_SEEN_CHECK)));
    }
    let known = !matches!(m.supervisor, Supervisor::None);
    let verdict = if !c.managed {
        if known {
            note.reasons.push(fails_consequence(cx, m));
        }
        note.summary = cx.fmt(k::RESTART_VERDICT_FAILS_SEEN, &[("why", &check)]);
        CloneRestart::Fails
    } else if let Some((what, at)) = &seen.after16 {
        let s16 = seen_16_sentence(cx, what, at);
        note.reasons.push(s16.clone());
        for a in at.iter().skip(1).chain(at.first().filter(|_| at.len() == 1)) {
            note.evidence.push(cx.evidence(*a, cx.t(k::RESTART_LABEL_SEEN_16)));
        }
        if *what == After16::Restarted {
            note.summary = cx.fmt(k::RESTART_VERDICT_WORKS_SEEN, &[("why", &s16)]);
            CloneRestart::Works
        } else {
            note.summary = cx.fmt(k::RESTART_VERDICT_STAYS_DOWN_SEEN, &[("why", &s16)]);
            CloneRestart::StaysDown
        }
    } else {
        let e16 = exit16_sentence(cx, m);
        note.reasons.push(e16.clone());
        note.evidence.extend(super::exit16_evidence(cx, m));
        match m.exit16 {
            Tri::Yes => {
                note.summary = cx.fmt(
                    k::RESTART_VERDICT_WORKS_SEEN,
                    &[("why", &format!("{check}{}{e16}", super::sentence_gap(cx)))],
                );
                CloneRestart::Works
            }
            Tri::No => {
                note.summary = cx.fmt(k::RESTART_VERDICT_STAYS_DOWN_SEEN, &[("why", &e16)]);
                CloneRestart::StaysDown
            }
            Tri::Unknown => {
                note.summary = cx.t(k::RESTART_VERDICT_UNKNOWN);
                if !known {
                    note.missing.push(cx.t(k::RESTART_MISSING_SUPERVISOR));
                }
                CloneRestart::Unknown
            }
        }
    };
    if let Some(at) = seen.shell_timeout {
        note.reasons.push(cx.fmt(k::RESTART_SEEN_SHELL_TIMEOUT, &[("place", &cx.place(at))]));
        note.evidence.push(cx.evidence(at, cx.t(k::RESTART_LABEL_SEEN_TIMEOUT)));
    }
    if !matches!(c.why, CheckSeen::Process { .. })
        && cx.facts.observed.processes.is_empty()
        && verdict == CloneRestart::Fails
        && !known
    {
        note.missing.push(cx.t(k::RESTART_MISSING_SUPERVISOR));
    }
    (verdict, note)
}

/// Why systemd ignores a line (B.2).
pub(crate) fn ignored_reason(cx: &Ctx<'_>, ig: &crate::facts::unit::Ignored) -> String {
    use crate::facts::unit::IgnoredReason as R;
    let key = ig.key.as_str();
    match &ig.reason {
        R::Commented => cx.t(k::RESTART_IGNORED_COMMENTED),
        R::WrongSection { section: Some(s) } => {
            cx.fmt(k::RESTART_IGNORED_WRONG_SECTION, &[("key", key), ("section", s)])
        }
        R::WrongSection { section: None } => cx.fmt(k::RESTART_IGNORED_OUTSIDE, &[("key", key)]),
        R::Misspelt { suggestion } => {
            cx.fmt(k::RESTART_IGNORED_MISSPELT, &[("key", key), ("suggestion", suggestion)])
        }
        R::InvalidValue => cx.fmt(k::RESTART_IGNORED_INVALID, &[("key", key), ("value", &ig.value)]),
        R::DuplicateExecStart => cx.t(k::RESTART_IGNORED_DUPLICATE_EXEC),
    }
}

/// What happens when the check fails: ERROR 3707, MY-013462, exit code 0 — and whether the
/// supervisor brings the server back after that clean exit (`Restart=always`, `on-success`, a
/// container policy `always`/`unless-stopped`).
pub(crate) fn fails_consequence(cx: &Ctx<'_>, m: &Model) -> String {
    let mut s = cx.t(k::RESTART_CONSEQUENCE_FAILS);
    let policy_and_back: Option<(String, bool)> = if let Some(u) = &cx.facts.unit {
        if matches!(m.parent, Parent::MysqldSafe { .. }) {
            None
        } else {
            let back = crate::facts::launch::systemd_restarts(u, 0).0 == Tri::Yes;
            Some((format!("Restart={}", u.restart.as_ref().map(|r| r.value.as_str()).unwrap_or("no")), back))
        }
    } else {
        cx.facts.containers.server().map(|c| {
            let p = c.restart.as_ref().map(|r| r.value.trim_matches(['"', '\'']).to_owned());
            let back = match c.source {
                crate::facts::container::ContainerSource::Kubernetes => {
                    let p = p.as_deref().unwrap_or("Always");
                    p == "Always" || c.kind.as_deref().is_some_and(|k| k != "Pod")
                }
                _ => matches!(p.as_deref(), Some("always" | "unless-stopped")),
            };
            let shown = match c.source {
                crate::facts::container::ContainerSource::Kubernetes => {
                    format!("restartPolicy: {}", p.as_deref().unwrap_or("Always"))
                }
                _ => format!("--restart={}", p.as_deref().unwrap_or("no")),
            };
            (shown, back)
        })
    };
    if let Some((policy, back)) = policy_and_back {
        s.push_str(super::sentence_gap(cx));
        let key = if back { k::RESTART_CONSEQUENCE_COMES_BACK } else { k::RESTART_CONSEQUENCE_STAYS_OFF };
        s.push_str(&cx.fmt(key, &[("policy", &policy)]));
    }
    s
}
