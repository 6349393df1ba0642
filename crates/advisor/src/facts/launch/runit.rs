//! The runit / daemontools / s6 case of the launch model: a `run` file (`runtime-and-launchers.md`
//! §9.2). runsv(8) "restarts ./run" after it exits (after `./finish`, if any); daemontools'
//! supervise(8) "restarts ./run if ./run exits"; s6-supervise(8) restarts it unless `./finish`
//! exits 125. So every exit code, 16 included, is restarted. `run` must `exec` mysqld (directly or
//! through chain loaders: `chpst`, `setuidgid`, `envdir`, `s6-setuidgid`, `s6-envdir`,
//! `with-contenv`), so that the supervisor process stays mysqld's parent, and set
//! `MYSQLD_PARENT_PID=$PPID` (the shell's parent: that supervisor).

use super::command::PidExpr;
use super::services::ServiceFile;
use super::{
    CheckWhy, Exit16Why, Link, Model, Parent, PidOrigin, PidValue, Supervisor, Tri, apply_script_value,
    decide_check, is_mariadb, launcher_expected, launcher_parent, script_parent, script_stop,
};
use crate::facts::{Facts, Valued};
use crate::syntax::launcher::ScriptKind;

/// The supervisor process that runs `./run`.
pub(super) fn daemon(kind: ScriptKind) -> &'static str {
    match kind {
        ScriptKind::Daemontools => "supervise",
        ScriptKind::S6 => "s6-supervise",
        _ => "runsv",
    }
}

/// The `run` file case.
pub(super) fn run_script(f: &Facts, sf: &ServiceFile) -> Model {
    let name = daemon(sf.kind);
    let mut m = Model::new(Supervisor::RunScript { daemon: name, path: sf.name.clone() });
    m.chain.push(Link { name: name.into(), execs: false, at: None });
    script_model(f, &mut m, sf, name);
    m.exit16 = Tri::Yes;
    m.exit16_why = Exit16Why::RunAgain { daemon: name };
    m
}

/// Parent, value and check for a script run by a supervisor process `name` that forks it.
pub(super) fn script_model(f: &Facts, m: &mut Model, sf: &ServiceFile, name: &str) {
    let s = &sf.script;
    if let Some(at) = script_stop(s, sf.at) {
        m.parent = Parent::Unknown;
        (m.check, m.check_why) = (Tri::Unknown, CheckWhy::CannotTell { at });
        // The stop line stands for the command line: the verdict's evidence points at it.
        let l =
            s.launch.as_ref().map(|l| l.launch.clone()).unwrap_or_else(|| super::command::analyze_words(&[]));
        m.exec = Some((Valued::new(String::new(), at), l));
        return;
    }
    let Some(l) = &s.launch else {
        m.parent = Parent::Unknown;
        (m.check, m.check_why) = (Tri::Unknown, CheckWhy::ParentUnknown);
        return;
    };
    let at = loc(sf, l.start, l.end);
    m.mariadb = is_mariadb(f, Some(&l.launch));
    let mut value = None;
    apply_script_value(&mut value, s, Some(at));
    if let (Some(v), Some((_, a, b))) = (&mut value, &s.parent_pid) {
        v.at = Some(loc(sf, *a, *b));
    }
    m.parent = launcher_parent(script_parent(s, Some(at), false, &sf.name), name);
    if let Parent::MysqldSafe { at } = m.parent {
        value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at });
    }
    m.expected = launcher_expected(&m.parent);
    m.value = value;
    (m.check, m.check_why) = decide_check(&m.parent, m.expected, m.value.as_ref(), Some(l.exec));
    m.chain.push(Link { name: sf.name.clone(), execs: l.exec && !l.background, at: Some(at) });
    m.chain.extend(super::command_links(&l.launch, Some(at), None));
    m.exec = Some((
        Valued::new(sf.text.get(l.start..l.end).unwrap_or("").trim().to_owned(), at),
        l.launch.clone(),
    ));
}

fn loc(sf: &ServiceFile, a: usize, b: usize) -> crate::facts::Loc {
    let base = sf.at.range.start;
    crate::facts::Loc {
        input: sf.at.input,
        range: crate::text::TextRange::new(base + a as u32, base + b as u32),
    }
}
