//! The OpenRC case of the launch model: a service script (`#!/sbin/openrc-run`) with `command=`,
//! `command_args=`, `command_user=` and, or not, `supervisor=supervise-daemon`
//! (`runtime-and-launchers.md` §9.3; OpenRC's `src/supervise-daemon/supervise-daemon.c`, read at
//! commit `026472ce`): supervise-daemon forks twice, its supervising process forks and execs the
//! command (so it is mysqld's parent), and after `waitpid` returns for the child it respawns it
//! whatever the exit status — exit 0 and 16 alike — unless `respawn_max` respawns happened within
//! `respawn_period`; `-e VAR=VALUE` (`supervise_daemon_args`) is `putenv` in supervise-daemon
//! before the fork. Without `supervisor=`, `start-stop-daemon` starts the daemon and nothing
//! restarts it.
//!
//! Not verified: whether variables exported by the service script itself reach the command
//! (openrc-run's environment filtering) — only `-e` is read.

use super::command::{Mode, PidExpr};
use super::services::ServiceFile;
use super::{
    CheckWhy, Exit16Why, Expected, Link, Model, Parent, PidOrigin, PidValue, Supervisor, Tri, decide_check,
};
use crate::facts::{Facts, Loc, Valued};
use crate::syntax::shell::values;
use crate::text::TrimWs;

/// The top-level `name=value` assignments of the script, each with its line.
fn variables(sf: &ServiceFile) -> Vec<(String, Valued<String>)> {
    let mut out = Vec::new();
    let mut off = 0usize;
    for line in sf.text.split_inclusive('\n') {
        let start = off;
        off += line.len();
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let t = line.trim_ws();
        let Some((n, v)) = super::command::assignment(t) else { continue };
        let v = values(v, Mode::Sh).join(" ");
        let base = sf.at.range.start;
        let at = Loc {
            input: sf.at.input,
            range: crate::text::TextRange::new(
                base + start as u32,
                base + (start + line.trim_end_ws().len()) as u32,
            ),
        };
        out.push((n.to_owned(), Valued::new(v, at)));
    }
    out
}

/// The OpenRC case.
pub(super) fn openrc(f: &Facts, sf: &ServiceFile) -> Model {
    let vars = variables(sf);
    let get = |n: &str| vars.iter().rev().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    let sup = get("supervisor").filter(|s| s.value.trim_ws() == "supervise-daemon");
    let mut m = Model::new(Supervisor::OpenRc { path: sf.name.clone(), supervised: sup.is_some() });
    let Some(cmd) = get("command") else {
        (m.check, m.check_why) = (Tri::Unknown, CheckWhy::ParentUnknown);
        return m;
    };
    let args = get("command_args").map(|a| a.value).unwrap_or_default();
    let mut words = vec![cmd.value.clone()];
    words.extend(values(&args, Mode::Sh));
    let l = super::command::analyze_words(&words);
    m.mariadb = super::is_mariadb(f, Some(&l));
    // `-e NAME=VALUE` / `--env NAME=VALUE` in supervise_daemon_args.
    let mut value = None;
    if let Some(sda) = get("supervise_daemon_args") {
        let w = values(&sda.value, Mode::Sh);
        for (k, t) in w.iter().enumerate() {
            let v = if t == "-e" || t == "--env" {
                w.get(k + 1).map(String::as_str)
            } else {
                t.strip_prefix("--env=")
            };
            if let Some((n, val)) = v.and_then(|v| v.split_once('='))
                && n == "MYSQLD_PARENT_PID"
            {
                value = Some(PidValue {
                    expr: PidExpr::Literal(val.to_owned()),
                    origin: PidOrigin::CommandLine,
                    at: Some(sda.at),
                });
            }
        }
    }
    if let Some(v) = l.env_value("MYSQLD_PARENT_PID") {
        value = Some(PidValue {
            expr: PidExpr::Literal(v.to_owned()),
            origin: PidOrigin::CommandLine,
            at: Some(cmd.at),
        });
    }
    let mut shell_exec = None;
    let name = if sup.is_some() { "supervise-daemon" } else { "start-stop-daemon" };
    m.chain.push(Link { name: "openrc-run".into(), execs: false, at: None });
    m.chain.push(Link { name: name.into(), execs: false, at: sup.as_ref().map(|s| s.at) });
    m.chain.extend(super::command_links(&l, Some(cmd.at), None));
    m.parent = match (&l.program, sup.is_some()) {
        (super::command::Program::MysqldSafe, _) => Parent::MysqldSafe { at: Some(cmd.at) },
        (super::command::Program::ShellString, true) => match l.shell.as_deref() {
            Some(s) => {
                super::apply_script_value(&mut value, s, Some(cmd.at));
                shell_exec = s.launch.as_ref().map(|x| x.exec);
                super::launcher_parent(super::script_parent(s, Some(cmd.at), true, "sh -c"), name)
            }
            None => Parent::Unknown,
        },
        (_, true) if l.forking.is_none() => Parent::Launcher { name: name.into() },
        (_, true) => {
            Parent::Wrapper { name: l.forking.clone().unwrap_or_default(), at: Some(cmd.at), shell: false }
        }
        // start-stop-daemon --background: the daemon is left to init.
        (_, false) => Parent::Reparented { at: Some(cmd.at) },
    };
    if let Parent::MysqldSafe { at } = m.parent {
        value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at });
    }
    m.expected = super::launcher_expected(&m.parent);
    if matches!(m.parent, Parent::Reparented { .. }) {
        m.expected = Some(Expected::One);
    }
    m.value = value;
    (m.check, m.check_why) = decide_check(&m.parent, m.expected, m.value.as_ref(), shell_exec);
    (m.exit16, m.exit16_why) = match (&m.parent, &sup) {
        (Parent::MysqldSafe { .. }, _) => (Tri::Yes, Exit16Why::MysqldSafe),
        (_, Some(s)) => (Tri::Yes, Exit16Why::OpenRc { at: Some(s.at) }),
        (_, None) => (Tri::No, Exit16Why::OpenRc { at: None }),
    };
    m.exec = Some((cmd, l));
    m
}
