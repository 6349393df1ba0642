//! Sentences, evidence and fixes for the launchers other than systemd and containers
//! (supervisord, runit / daemontools / s6, OpenRC, SysV init, Windows, a shell loop), from the
//! launch model's decisions (`facts::launch`). Every fix here is the launcher's file or section,
//! complete and ready to paste (`FixTarget::LauncherFile` with the file's path), or a command.

use super::Ctx;
use crate::facts::launch::{CheckWhy, Exit16Why, Model, Parent, Program, Supervisor, Tri};
use crate::i18n::k;
use crate::report::{Evidence, Fix, FixTarget};
use crate::text::TrimWs;

/// True when the model's supervisor is one of this module's launchers.
pub(crate) fn is_launcher(m: &Model) -> bool {
    matches!(
        m.supervisor,
        Supervisor::Supervisord { .. }
            | Supervisor::RunScript { .. }
            | Supervisor::OpenRc { .. }
            | Supervisor::SysV { .. }
            | Supervisor::Windows { .. }
            | Supervisor::ShellLoop { .. }
    )
}

/// The launcher's name for messages (`supervisord`, `runsv`, `supervise-daemon`…).
fn launcher_name(m: &Model) -> String {
    match &m.supervisor {
        Supervisor::Supervisord { .. } => "supervisord".into(),
        Supervisor::RunScript { daemon, .. } => (*daemon).into(),
        Supervisor::OpenRc { supervised: true, .. } => "supervise-daemon".into(),
        Supervisor::OpenRc { .. } => "start-stop-daemon".into(),
        Supervisor::SysV { path } | Supervisor::ShellLoop { path } => path.clone(),
        _ => String::new(),
    }
}

/// The variable is missing where mysqld runs (under one of these launchers).
pub(crate) fn missing_sentence(cx: &Ctx<'_>, m: &Model, args: &[(&str, &str)]) -> String {
    let launcher = launcher_name(m);
    let mut a: Vec<(&str, &str)> = args.to_vec();
    a.push(("launcher", &launcher));
    match &m.supervisor {
        Supervisor::Supervisord { .. } => cx.fmt(k::LAUNCHERS_WHY_MISSING_SUPERVISORD, &a),
        Supervisor::RunScript { .. } => cx.fmt(k::LAUNCHERS_WHY_MISSING_RUN, &a),
        _ => cx.fmt(k::LAUNCHERS_WHY_MISSING, &a),
    }
}

/// The check sentences of this module's `CheckWhy` values.
pub(crate) fn check_sentence(cx: &Ctx<'_>, m: &Model, args: &[(&str, &str)]) -> String {
    match &m.check_why {
        CheckWhy::LauncherLiteral => cx.fmt(k::LAUNCHERS_WHY_CHECK_LITERAL, args),
        CheckWhy::WindowsMonitor => cx.t(k::LAUNCHERS_WHY_CHECK_WINDOWS),
        CheckWhy::WindowsNoMonitor { at } => {
            cx.fmt(k::LAUNCHERS_WHY_CHECK_NO_MONITOR, &[("place", &cx.place(*at))])
        }
        CheckWhy::CannotTell { at } => {
            cx.fmt(k::LAUNCHERS_WHY_CHECK_CANNOT_TELL, &[("place", &cx.place(*at))])
        }
        _ => String::new(),
    }
}

/// The exit-16 sentences of this module's `Exit16Why` values.
pub(crate) fn exit16_sentence(cx: &Ctx<'_>, m: &Model) -> String {
    match &m.exit16_why {
        Exit16Why::Supervisord { autorestart, exitcodes } => {
            let a = autorestart.as_ref().map(|a| a.value.trim_ws().to_owned());
            let e = exitcodes.as_ref().map(|e| e.value.trim_ws().to_owned());
            let a_text =
                a.clone().unwrap_or_else(|| cx.fmt(k::RESTART_DEFAULT_VALUE, &[("value", "unexpected")]));
            let e_text = e.unwrap_or_else(|| cx.t(k::LAUNCHERS_EXITCODES_DEFAULT));
            let args = [("autorestart", a_text.as_str()), ("exitcodes", e_text.as_str())];
            match m.exit16 {
                Tri::Yes if a.as_deref().is_some_and(|a| a != "unexpected") => {
                    cx.fmt(k::LAUNCHERS_WHY_16_SUPERVISORD_ALWAYS, &args)
                }
                Tri::Yes => cx.fmt(k::LAUNCHERS_WHY_16_SUPERVISORD_UNEXPECTED, &args),
                Tri::No if a.as_deref().is_some_and(|a| a != "unexpected") => {
                    cx.fmt(k::LAUNCHERS_WHY_16_SUPERVISORD_NEVER, &args)
                }
                Tri::No => cx.fmt(k::LAUNCHERS_WHY_16_SUPERVISORD_EXPECTED, &args),
                Tri::Unknown => cx.fmt(k::LAUNCHERS_WHY_16_SUPERVISORD_UNKNOWN, &args),
            }
        }
        Exit16Why::RunAgain { daemon } => cx.fmt(k::LAUNCHERS_WHY_16_RUN_AGAIN, &[("daemon", daemon)]),
        Exit16Why::OpenRc { at: Some(_) } => cx.t(k::LAUNCHERS_WHY_16_OPENRC_SUPERVISED),
        Exit16Why::OpenRc { at: None } => cx.t(k::LAUNCHERS_WHY_16_OPENRC_UNSUPERVISED),
        Exit16Why::Unsupervised => cx.t(k::LAUNCHERS_WHY_16_UNSUPERVISED),
        Exit16Why::WindowsMonitor if m.exit16 == Tri::Yes => cx.t(k::LAUNCHERS_WHY_16_WINDOWS),
        Exit16Why::WindowsMonitor => cx.t(k::LAUNCHERS_WHY_16_NO_MONITOR),
        Exit16Why::LoopStops { at } => cx.fmt(k::LAUNCHERS_WHY_16_LOOP_STOPS, &[("place", &cx.place(*at))]),
        Exit16Why::LoopCannotTell { at } => {
            cx.fmt(k::LAUNCHERS_WHY_16_LOOP_CANNOT_TELL, &[("place", &cx.place(*at))])
        }
        _ => String::new(),
    }
}

/// The lines that decide exit 16.
pub(crate) fn exit16_evidence(cx: &Ctx<'_>, m: &Model) -> Vec<Evidence> {
    let label = || cx.t(k::LAUNCHERS_LABEL_EXIT16);
    match &m.exit16_why {
        Exit16Why::Supervisord { autorestart, exitcodes } => {
            autorestart.iter().chain(exitcodes.iter()).map(|v| cx.evidence(v.at, label())).collect()
        }
        Exit16Why::OpenRc { at: Some(at) } => vec![cx.evidence(*at, label())],
        Exit16Why::LoopStops { at } | Exit16Why::LoopCannotTell { at } => vec![cx.evidence(*at, label())],
        _ => Vec::new(),
    }
}

/// A shell word, quoted for `sh` when it needs it (inside a single-quoted `sh -c` string: double
/// quotes, with `"`, `\`, `$` and `` ` `` escaped).
fn sh_word(w: &str) -> String {
    let plain = !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b));
    if plain {
        return w.to_owned();
    }
    let mut s = String::from("\"");
    for c in w.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            s.push('\\');
        }
        if c == '\'' {
            // Inside the single-quoted `-c` string a `'` ends it: close, escape, reopen.
            s.push_str("'\\''");
            continue;
        }
        s.push(c);
    }
    s.push('"');
    s
}

/// mysqld's own command (the server and its arguments) from the model's command line.
fn server_words(m: &Model) -> Option<Vec<String>> {
    let (_, l) = m.exec.as_ref()?;
    let words = match l.program {
        Program::Mysqld | Program::Mariadbd => l.server_cmd.clone(),
        Program::ShellString => l.shell.as_ref()?.launch.as_ref()?.launch.server_cmd.clone(),
        _ => return None,
    };
    (!words.is_empty()).then_some(words)
}

/// The reason, plus a note when the text holds a secret (the report shows it masked: the user
/// keeps their own value there).
fn reason(cx: &Ctx<'_>, key: crate::i18n::Key, text: &str) -> String {
    let mut r = cx.t(key);
    if !crate::redact::spans(text).is_empty() {
        r.push_str(super::sentence_gap(cx));
        r.push_str(&cx.t(k::LAUNCHERS_FIX_MASKED));
    }
    r
}

/// The fixes for this module's launchers.
pub(crate) fn fixes(cx: &Ctx<'_>, m: &Model) -> Vec<Fix> {
    match &m.supervisor {
        Supervisor::Supervisord { program, .. } => supervisord_fix(cx, m, program).into_iter().collect(),
        Supervisor::RunScript { path, .. } => run_fix(cx, m, path).into_iter().collect(),
        Supervisor::Windows { service } => windows_fix(cx, m, service.as_deref()).into_iter().collect(),
        Supervisor::OpenRc { path, .. } => openrc_fix(cx, m, path).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `[program:NAME]` rewritten: `command=/bin/sh -c 'MYSQLD_PARENT_PID=$PPID exec …'`, and 16 out
/// of `exitcodes=` (or `autorestart=unexpected` instead of `false`).
fn supervisord_fix(cx: &Ctx<'_>, m: &Model, program: &str) -> Option<Fix> {
    let p = cx.facts.services.programs.iter().find(|p| p.name == program)?;
    let base = p.section.range.start as usize;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let rel =
        |v: &crate::facts::Valued<String>| (v.at.range.start as usize - base, v.at.range.end as usize - base);
    if m.check != Tri::Yes {
        let words = server_words(m)?;
        let cmd = p.get("command")?;
        let server: Vec<String> = words.iter().map(|w| sh_word(w)).collect();
        let (a, b) = rel(cmd);
        edits.push((a, b, format!("command=/bin/sh -c 'MYSQLD_PARENT_PID=$PPID exec {}'", server.join(" "))));
        // `environment=` stays as written: the shell's assignment overrides what it sets, and a
        // secret there (masked in the report) is not rewritten.
    }
    if m.exit16 == Tri::No {
        if let Some(ar) = p.get("autorestart").filter(|a| a.value.trim_ws() != "unexpected") {
            let (a, b) = rel(ar);
            edits.push((a, b, "autorestart=unexpected".into()));
        }
        if let Some(ec) = p.get("exitcodes") {
            let kept: Vec<&str> =
                ec.value.split(',').map(str::trim_ws).filter(|c| c.parse::<i64>().ok() != Some(16)).collect();
            let (a, b) = rel(ec);
            edits.push((
                a,
                b,
                if kept.is_empty() { String::new() } else { format!("exitcodes={}", kept.join(",")) },
            ));
        }
    }
    if edits.is_empty() {
        return None;
    }
    let mut text = p.text.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (a, b, new) in edits {
        if a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
            let (a, b) = if new.is_empty() && text[b..].starts_with('\n') { (a, b + 1) } else { (a, b) };
            text.replace_range(a..b, &new);
        }
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Some(
        Fix::needs_review(
            FixTarget::LauncherFile,
            cx.fmt(k::LAUNCHERS_FIX_SUPERVISORD, &[("program", program), ("file", &p.file)]),
            text,
        )
        .because(reason(cx, k::LAUNCHERS_FIX_SUPERVISORD_REASON, &p.text))
        .file(p.file.clone()),
    )
}

/// The `run` file with its server line replaced by `exec env MYSQLD_PARENT_PID=$PPID …`.
fn run_fix(cx: &Ctx<'_>, m: &Model, path: &str) -> Option<Fix> {
    if m.check == Tri::Yes || matches!(m.check_why, CheckWhy::CannotTell { .. }) {
        return None;
    }
    let sf = cx.facts.services.files.iter().find(|f| f.name == path)?;
    let l = sf.script.launch.as_ref()?;
    if matches!(m.parent, Parent::MysqldSafe { .. }) {
        return None;
    }
    // The statement's words as written, without `exec`, `MYSQLD_PARENT_PID=…`, a bare `env`, `&`.
    let stmt_text = if sf.execline {
        crate::facts::launch::execline_command(&sf.text)
    } else {
        sf.text.get(l.start..l.end)?.to_owned()
    };
    let mut kept: Vec<String> = Vec::new();
    for (raw, value) in crate::facts::launch::sh_words(&stmt_text) {
        if value == "exec" && kept.is_empty() || value.starts_with("MYSQLD_PARENT_PID=") || raw == "&" {
            continue;
        }
        kept.push(raw.to_owned());
    }
    if kept.first().is_some_and(|w| w == "env" || w.ends_with("/env")) {
        kept.remove(0);
    }
    let line = format!("exec env MYSQLD_PARENT_PID=$PPID {}", kept.join(" "));
    let text = if sf.execline {
        format!("#!/bin/sh\nexec 2>&1\n{line}\n")
    } else {
        let mut t = String::with_capacity(sf.text.len() + 40);
        t.push_str(sf.text.get(..l.start)?);
        let lead = sf.text.get(l.start..l.end)?.len() - sf.text.get(l.start..l.end)?.trim_start().len();
        t.push_str(sf.text.get(l.start..l.start + lead)?);
        t.push_str(&line);
        t.push_str(sf.text.get(l.end..)?);
        t
    };
    Some(
        Fix::needs_review(
            FixTarget::LauncherFile,
            cx.fmt(k::LAUNCHERS_FIX_RUN, &[("path", path)]),
            text.clone(),
        )
        .because(reason(cx, k::LAUNCHERS_FIX_RUN_REASON, &text))
        .file(path.to_owned()),
    )
}

/// `sc config` with the service's command line without `--no-monitor` / `--gdb`.
fn windows_fix(cx: &Ctx<'_>, m: &Model, service: Option<&str>) -> Option<Fix> {
    if m.check == Tri::Yes {
        return None;
    }
    let (bin, _) = m.exec.as_ref()?;
    let kept: Vec<&str> = bin
        .value
        .split(' ')
        .filter(|w| *w != "--no-monitor" && *w != "--gdb" && !w.starts_with("--gdb="))
        .collect();
    let svc = service.unwrap_or("MySQL");
    let path = kept.join(" ").replace('"', "\\\"");
    let text = format!("sc config {svc} binPath= \"{path}\"\nsc stop {svc}\nsc start {svc}\n");
    Some(
        Fix::needs_review(FixTarget::Shell, cx.fmt(k::LAUNCHERS_FIX_WINDOWS, &[("service", svc)]), text)
            .because(cx.t(k::LAUNCHERS_FIX_WINDOWS_REASON)),
    )
}

/// The OpenRC service script with `supervisor=supervise-daemon` and mysqld run by
/// `command="/bin/sh"` + `command_args="-c 'MYSQLD_PARENT_PID=\$PPID exec …'"` (openrc-run
/// `eval`s the command line, so the `\$` keeps `$PPID` for the shell that supervise-daemon starts);
/// `command_background=` and `pidfile=` lines go (supervise-daemon keeps its own pid file and needs
/// mysqld in the foreground).
fn openrc_fix(cx: &Ctx<'_>, m: &Model, path: &str) -> Option<Fix> {
    if m.check == Tri::Yes && m.exit16 == Tri::Yes {
        return None;
    }
    if matches!(m.parent, Parent::MysqldSafe { .. }) {
        return None;
    }
    let sf = cx.facts.services.files.iter().find(|f| f.name == path)?;
    let server: Vec<String> = server_words(m)?.iter().map(|w| sh_word(w)).collect();
    let mut out = String::with_capacity(sf.text.len() + 80);
    let mut wrote = false;
    for line in sf.text.split_inclusive('\n') {
        let t = line.trim_start();
        let key = t.split('=').next().unwrap_or("");
        let top = !line.starts_with([' ', '\t']) && t.contains('=');
        if top
            && matches!(
                key,
                "supervisor" | "command_args" | "command_background" | "pidfile" | "supervise_daemon_args"
            )
        {
            continue;
        }
        if top && key == "command" {
            if !wrote {
                out.push_str("supervisor=supervise-daemon\ncommand=\"/bin/sh\"\n");
                out.push_str(&format!(
                    "command_args=\"-c 'MYSQLD_PARENT_PID=\\$PPID exec {}'\"\n",
                    server.join(" ").replace('"', "\\\"")
                ));
                wrote = true;
            }
            continue;
        }
        out.push_str(line);
    }
    if !wrote {
        return None;
    }
    Some(
        Fix::needs_review(
            FixTarget::LauncherFile,
            cx.fmt(k::LAUNCHERS_FIX_OPENRC, &[("path", path)]),
            out.clone(),
        )
        .because(reason(cx, k::LAUNCHERS_FIX_OPENRC_REASON, &out))
        .file(path.to_owned()),
    )
}
