//! The supervisord case of the launch model: a `[program:…]` section (`runtime-and-launchers.md`
//! §9.1, from supervisor's source: `Supervisor/supervisor`, `supervisor/process.py`
//! `get_execv_args` / `_spawn_as_child`, `supervisor/options.py`, `supervisor/datatypes.py`).
//!
//! - supervisord splits `command=` with `shlex` and runs it with `fork()` + `execve()`, no shell:
//!   it is mysqld's parent unless the command is a shell or a wrapper that stays.
//! - Its expansions (`%(here)s`, `%(program_name)s`, `%(ENV_X)s`…) never give its own PID, so no
//!   `environment=` value can equal it, except a literal that happens to be its PID: `1` when it
//!   runs as a container's main process (`nodaemon=true`) — the model says "cannot tell" there.
//! - The working form is `command=/bin/sh -c 'MYSQLD_PARENT_PID=$PPID exec /usr/sbin/mysqld …'`:
//!   the shell's `$PPID` is supervisord, and `exec` keeps it as mysqld's parent.
//! - Exit 16: `autorestart=unexpected` (the default) restarts an exit code not in `exitcodes=`
//!   (default `0`; `0,2` before 4.0.0 — neither lists 16); `true` always; `false` never.

use super::command::{self as supervisor, Mode, PidExpr, Program as Prog};
use super::services::SupervisordProgram;
use super::{
    CheckWhy, Exit16Why, Expected, Link, Model, Parent, PidOrigin, PidValue, ScriptInfo, Supervisor, Tri,
    apply_script_value, decide_check, is_mariadb, launcher_expected, launcher_parent, script_parent,
};
use crate::facts::{Facts, Valued};
use crate::text::TrimWs;

/// The supervisord case.
pub(super) fn supervisord(f: &Facts, p: &SupervisordProgram) -> Model {
    let mut m = Model::new(Supervisor::Supervisord { program: p.name.clone(), file: p.file.clone() });
    let mut value = p.env("MYSQLD_PARENT_PID").map(|v| PidValue {
        expr: PidExpr::Literal(v.value.clone()),
        origin: PidOrigin::SupervisordEnv,
        at: Some(v.at),
    });
    let mut shell_exec = None;
    m.chain.push(Link { name: "supervisord".into(), execs: false, at: Some(p.section) });
    if let Some(cmd) = p.get("command") {
        let words = crate::syntax::shell::values(&cmd.value.replace('\n', " "), Mode::SystemdExec);
        let l = supervisor::analyze_words(&words);
        m.mariadb = is_mariadb(f, Some(&l));
        if let Some(v) = l.env_value("MYSQLD_PARENT_PID") {
            value = Some(PidValue {
                expr: PidExpr::Literal(v.to_owned()),
                origin: PidOrigin::CommandLine,
                at: Some(cmd.at),
            });
        }
        let mut script = None;
        m.parent = match (&l.program, &l.forking) {
            (Prog::MysqldSafe, _) => Parent::MysqldSafe { at: Some(cmd.at) },
            (_, Some(w)) => Parent::Wrapper { name: w.clone(), at: Some(cmd.at), shell: false },
            (Prog::Mysqld | Prog::Mariadbd, None) if l.daemonize == Some(true) => {
                Parent::Reparented { at: Some(cmd.at) }
            }
            (Prog::Mysqld | Prog::Mariadbd, None) => Parent::Launcher { name: "supervisord".into() },
            (Prog::ShellString, None) => match l.shell.as_deref() {
                Some(s) => {
                    apply_script_value(&mut value, s, Some(cmd.at));
                    shell_exec = s.launch.as_ref().map(|x| x.exec);
                    launcher_parent(script_parent(s, Some(cmd.at), true, "sh -c"), "supervisord")
                }
                None => Parent::Unknown,
            },
            (Prog::Other(path), None) => match f.containers.script(path) {
                Some(file) => {
                    let s = file.script.clone();
                    apply_script_value(&mut value, &s, Some(file.at));
                    shell_exec = s.launch.as_ref().map(|x| x.exec);
                    let parent =
                        launcher_parent(script_parent(&s, Some(file.at), false, path), "supervisord");
                    script = Some(ScriptInfo {
                        path: path.clone(),
                        at: file.at,
                        text: file.text.clone(),
                        script: s,
                    });
                    parent
                }
                None => Parent::UnknownScript { path: path.clone(), at: Some(cmd.at) },
            },
            // `"$@"` as supervisord's command runs nothing known.
            (Prog::Nothing | Prog::Args, None) => Parent::Unknown,
        };
        let s = script.as_ref().map(|si| (si.path.as_str(), &si.script, si.at));
        m.chain.extend(super::command_links(&l, Some(cmd.at), s));
        m.script = script;
        m.exec = Some((cmd.clone(), l));
    }
    if let Parent::MysqldSafe { at } = m.parent {
        value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at });
    }
    m.expected = launcher_expected(&m.parent);
    m.value = value;
    let (check, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), shell_exec);
    (m.check, m.check_why) = (check, why);
    // A literal equal to 1 is supervisord's PID only when it is a container's main process.
    let as_pid1 =
        p.nodaemon.as_ref().is_some_and(|n| crate::base::parse_bool(n.value.trim_ws()) == Some(true));
    if m.check_why == CheckWhy::Mismatch
        && m.expected == Some(Expected::Launcher)
        && as_pid1
        && matches!(m.value.as_ref().map(|v| &v.expr), Some(PidExpr::Literal(x)) if supervisor::atoi(x) == 1)
    {
        (m.check, m.check_why) = (Tri::Unknown, CheckWhy::LauncherLiteral);
    }
    let (e16, why16) = match &m.parent {
        Parent::MysqldSafe { .. } => (Tri::Yes, Exit16Why::MysqldSafe),
        _ => supervisord_restarts(p, 16),
    };
    (m.exit16, m.exit16_why) = (e16, why16);
    m
}

/// supervisord's decision after the program exits with `code`.
pub(crate) fn supervisord_restarts(p: &SupervisordProgram, code: i64) -> (Tri, Exit16Why) {
    let autorestart = p.get("autorestart").cloned();
    let exitcodes = p.get("exitcodes").cloned();
    let why = Exit16Why::Supervisord { autorestart: autorestart.clone(), exitcodes: exitcodes.clone() };
    let mode = autorestart
        .as_ref()
        .map(|a| a.value.trim_ws().to_ascii_lowercase())
        .unwrap_or_else(|| "unexpected".into());
    let yes = match mode.as_str() {
        "unexpected" => {
            let listed = match &exitcodes {
                Some(e) => codes(e).contains(&code),
                None => code == 0,
            };
            !listed
        }
        other => match crate::base::parse_bool(other) {
            Some(b) => b,
            None => return (Tri::Unknown, why),
        },
    };
    (if yes { Tri::Yes } else { Tri::No }, why)
}

fn codes(v: &Valued<String>) -> Vec<i64> {
    v.value.split(',').filter_map(|c| c.trim_ws().parse::<i64>().ok()).collect()
}
