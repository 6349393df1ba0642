//! The systemd case of the launch model: a unit (with drop-ins and pasted `EnvironmentFile=` files)
//! and what its last `ExecStart=` runs (`systemd-and-peers.md` B.1.2, B.2, B.4).

use super::command::{self as supervisor, Launch, Mode, PidExpr, Program};
use super::{
    Exit16Why, Expected, Model, Parent, PidOrigin, PidValue, ScriptInfo, Supervisor, Tri, apply_script_value,
    decide_check, is_mariadb, script_parent,
};
use crate::facts::unit::UnitFacts;
use crate::facts::{Facts, Valued};

/// False for a unit that clearly runs something else (`nginx.service` pasted by mistake): its
/// `ExecStart=` names a program that is neither a MySQL server, `mysqld_safe`, a shell, a launcher
/// nor a script, and nothing in the unit's name or command mentions MySQL.
/// `launch` is the last `ExecStart=` analysed ([`exec_launch`]).
pub(super) fn may_run_mysqld(u: &UnitFacts, launch: Option<&Launch>) -> bool {
    let (Some(e), Some(l)) = (u.exec_start.last(), launch) else { return true };
    let Program::Other(path) = &l.program else { return true };
    let text = format!("{} {}", u.name.as_deref().unwrap_or(""), e.value).to_ascii_lowercase();
    let looks_script = path.ends_with(".sh") || !path.contains('/') || l.forking.is_some();
    looks_script || ["mysql", "maria", "percona", "mysqld"].iter().any(|k| text.contains(k))
}

/// The systemd case.
#[cfg(test)]
pub(crate) fn systemd(f: &Facts, u: &UnitFacts) -> Model {
    systemd_with(f, u, exec_launch(u))
}

/// How the unit's last `ExecStart=` reaches its program.
pub(super) fn exec_launch(u: &UnitFacts) -> Option<Launch> {
    let e = u.exec_start.last()?;
    Some(supervisor::analyze_command(&supervisor::systemd_command(&e.value), Mode::SystemdExec))
}

/// The systemd case, with the last `ExecStart=` already analysed (`launch`).
pub(super) fn systemd_with(f: &Facts, u: &UnitFacts, launch: Option<Launch>) -> Model {
    let mut m = Model::new(Supervisor::Systemd { name: u.name.clone(), user: u.user_unit });
    let user = u.user_unit == Some(true);
    m.assumed_system = u.user_unit.is_none();
    let manager = if user { Expected::UserManager } else { Expected::One };

    // Command line.
    let exec = u.exec_start.last().cloned();
    m.mariadb = is_mariadb(f, launch.as_ref());

    // Effective environment: Environment= < EnvironmentFile= (pasted) ; UnsetEnvironment= last;
    // then what the command line / script sets at exec time.
    let mut value: Option<PidValue> = u.env("MYSQLD_PARENT_PID").map(|e| PidValue {
        expr: PidExpr::Literal(e.value.clone()),
        origin: PidOrigin::Environment,
        at: Some(e.at),
    });
    for ef in &u.environment_files {
        match f.containers.env_file(&ef.value) {
            Some(file) => {
                for (n, v) in &file.env {
                    if n == "MYSQLD_PARENT_PID" {
                        let (v, at) = (v.value.clone(), v.at);
                        value = Some(PidValue {
                            expr: PidExpr::Literal(v),
                            origin: PidOrigin::EnvironmentFile {
                                path: ef.value.trim_start_matches('-').to_owned(),
                            },
                            at: Some(at),
                        });
                    }
                }
            }
            None => m.unseen_env_files.push(ef.clone()),
        }
    }
    if let Some(un) = u
        .unset_environment
        .iter()
        .find(|v| v.value == "MYSQLD_PARENT_PID" || v.value.starts_with("MYSQLD_PARENT_PID="))
    {
        value = None;
        m.unset_at = Some(un.at);
    }

    let daemonize_setting = f
        .setting("daemonize")
        .filter(|s| s.origin != crate::facts::Origin::Default && s.as_bool() == Some(true))
        .and_then(|s| s.at);
    let forking_type = u.service_type.as_ref().filter(|t| t.value == "forking").map(|t| t.at);

    // Parent, and the value as changed by the command line or a script.
    let mut shell_exec: Option<bool> = None;
    if let (Some(e), Some(l)) = (&exec, &launch) {
        if let Some(v) = l.env_value("MYSQLD_PARENT_PID") {
            value = Some(PidValue {
                expr: PidExpr::Literal(v.to_owned()),
                origin: PidOrigin::CommandLine,
                at: Some(e.at),
            });
        }
        m.parent = match (&l.program, &l.forking) {
            (Program::MysqldSafe, _) => Parent::MysqldSafe { at: Some(e.at) },
            (_, Some(w)) => Parent::Wrapper { name: w.clone(), at: Some(e.at), shell: false },
            (Program::Mysqld | Program::Mariadbd, None) => {
                if l.daemonize == Some(true) {
                    Parent::Reparented { at: Some(e.at) }
                } else if l.daemonize.is_none() && daemonize_setting.is_some() {
                    Parent::Reparented { at: daemonize_setting }
                } else if let Some(at) = forking_type {
                    Parent::Reparented { at: Some(at) }
                } else {
                    Parent::Manager
                }
            }
            (Program::ShellString, None) => match l.shell.as_deref() {
                Some(s) => {
                    let p = script_parent(s, Some(e.at), true, "sh -c");
                    apply_script_value(&mut value, s, Some(e.at));
                    shell_exec = s.launch.as_ref().map(|x| x.exec);
                    p
                }
                None => Parent::Unknown,
            },
            (Program::Other(path), None) => match f.containers.script(path) {
                Some(file) => {
                    let s = file.script.clone();
                    let p = script_parent(&s, Some(file.at), false, path);
                    apply_script_value(&mut value, &s, Some(file.at));
                    shell_exec = s.launch.as_ref().map(|x| x.exec);
                    m.script = Some(ScriptInfo {
                        path: path.clone(),
                        at: file.at,
                        text: file.text.clone(),
                        script: s,
                    });
                    p
                }
                None => Parent::UnknownScript { path: path.clone(), at: Some(e.at) },
            },
            (Program::Nothing | Program::Args, None) => Parent::Unknown,
        };
    }
    if let Parent::MysqldSafe { .. } = m.parent {
        value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at: m.parent_at() });
    }
    m.expected = match &m.parent {
        Parent::Manager | Parent::Reparented { .. } => Some(manager),
        Parent::Wrapper { shell: true, .. } => Some(Expected::ShellPid),
        Parent::Wrapper { shell: false, .. } => Some(Expected::WrapperPid),
        Parent::MysqldSafe { .. } => Some(Expected::ShellPid),
        _ => None,
    };
    m.value = value;
    let (check, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), shell_exec);
    m.check = check;
    m.check_why = why;

    // Exit 16.
    let (e16, why16) = match &m.parent {
        Parent::MysqldSafe { .. } => (Tri::Yes, Exit16Why::MysqldSafe),
        _ if m.script.as_ref().is_some_and(|si| {
            si.script.loops_on_16 && !si.script.launch.as_ref().is_some_and(|x| x.exec)
        }) =>
        {
            (Tri::Yes, Exit16Why::ScriptLoop)
        }
        _ => systemd_restarts(u, 16),
    };
    m.exit16 = e16;
    m.exit16_why = why16;
    if let (Some(e), Some(l)) = (&exec, &launch) {
        let manager = if user { "systemd --user" } else { "systemd" };
        m.chain.push(super::Link { name: manager.into(), execs: false, at: None });
        let script = m.script.as_ref().map(|si| (si.path.as_str(), &si.script, si.at));
        m.chain.extend(super::command_links(l, Some(e.at), script));
    }
    m.exec = exec.zip(launch);
    m
}

/// systemd's decision for the main process exiting with `code` (B.1.2), with the line that decides.
pub(crate) fn systemd_restarts(u: &UnitFacts, code: u32) -> (Tri, Exit16Why) {
    if let Some(p) = u.restart_prevent.code(code) {
        return (Tri::No, Exit16Why::Prevented { at: p.at });
    }
    let clean = code == 0 || u.success_exit.code(code).is_some();
    let oneshot = u.service_type.as_ref().is_some_and(|t| t.value == "oneshot");
    if let Some(fz) = u.restart_force.code(code) {
        if oneshot && clean {
            let at = u.success_exit.code(code).map(|c| c.at).unwrap_or(fz.at);
            return (Tri::No, Exit16Why::OneshotClean { at });
        }
        return (Tri::Yes, Exit16Why::Forced { at: fz.at });
    }
    let clean_at = u.success_exit.code(code).map(|c| c.at);
    let restart = u.restart.clone();
    let r = restart.as_ref().map(|r| r.value.as_str()).unwrap_or("no");
    let yes = match r {
        "always" => true,
        "on-success" => clean,
        "on-failure" => !clean,
        _ => false, // no, on-abnormal, on-abort, on-watchdog: an exit code is never restarted
    };
    (if yes { Tri::Yes } else { Tri::No }, Exit16Why::Table { restart, clean_at })
}

/// True when `Restart=` also restarts after crashes (signals, core dumps).
pub(crate) fn restarts_crashes(u: &UnitFacts) -> Option<&Valued<String>> {
    u.restart
        .as_ref()
        .filter(|r| matches!(r.value.as_str(), "always" | "on-failure" | "on-abnormal" | "on-abort"))
}
