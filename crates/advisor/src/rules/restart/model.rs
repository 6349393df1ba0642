//! The supervisor model: will mysqld pass `is_mysqld_managed()`, and will exit code 16 be
//! restarted? A pure function of [`Facts`]; every rule of the family and the verdict read it.
//!
//! Facts followed (cited in the rules' docs):
//! - `mysql-facts.md` §1.1: managed ⇔ `MYSQLD_PARENT_PID` is set and `atoi(value) == getppid()`
//!   (no special case for 1); §1.6 `--daemonize` re-parents to PID 1 / the nearest subreaper;
//!   §1.7 launchers and wrappers; §2.1 a failed check on a clone logs MY-013462 and shuts down
//!   with exit code 0; §5 `mysqld_safe`; §6 Docker images.
//! - `systemd-and-peers.md` B.1.2: `RestartPreventExitStatus=` → `RestartForceExitStatus=` (also
//!   with `Restart=no`; not for a clean exit of `Type=oneshot`) → the `Restart=` table, where
//!   `SuccessExitStatus=` makes a code clean; B.2 `Environment=` does no variable expansion and
//!   `EnvironmentFile=` overrides it; B.4 parentage (system units: PID 1; user units: the user
//!   manager).

use crate::facts::container::{ContainerDef, ContainerSource, ImageFamily};
use crate::facts::launch::Mode;
use crate::facts::launch::{self as supervisor, Launch, PidExpr, Program, Script};
use crate::facts::unit::UnitFacts;
use crate::facts::{Facts, Loc, Valued};

/// Yes / no / cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tri {
    Yes,
    No,
    Unknown,
}

/// Which supervisor the input describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Supervisor {
    /// A systemd unit (`user`: `None` when the input does not say; a system unit is assumed).
    Systemd { name: Option<String>, user: Option<bool> },
    /// A container.
    Container { source: ContainerSource, family: Option<ImageFamily> },
    /// Only the image's entrypoint log lines were seen.
    ContainerLog { family: ImageFamily },
    /// Nothing that describes a supervisor.
    None,
}

/// mysqld's parent process, as far as the input shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Parent {
    /// The service manager started mysqld directly or through launchers that `exec`
    /// (PID 1 for a system unit, the user manager for a user unit).
    Manager,
    /// mysqld daemonizes (`--daemonize`, `daemonize` in my.cnf, or `Type=forking`): re-parented to
    /// PID 1 (system) or the user manager (a subreaper).
    Reparented { at: Option<Loc> },
    /// A process that forks mysqld and waits: `sudo`, `timeout`…, or a script without `exec`.
    Wrapper { name: String, at: Option<Loc>, shell: bool },
    /// `mysqld_safe`: sets the variable to its own PID and restarts on 16.
    MysqldSafe { at: Option<Loc> },
    /// A wrapper script whose text is not in the input.
    UnknownScript { path: String, at: Option<Loc> },
    /// `sh -c "…"` whose mysqld command has no `exec`: depends on the shell.
    ShellNotGuaranteed { at: Option<Loc> },
    /// In a container mysqld is PID 1: its parent is outside the PID namespace, `getppid()` is 0.
    ContainerPid1,
    /// In a container started with `--init`: tini is PID 1 and mysqld's parent.
    ContainerInit { at: Option<Loc> },
    /// Cannot tell.
    Unknown,
}

/// Where the effective `MYSQLD_PARENT_PID` comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PidOrigin {
    /// `Environment=` in the unit.
    Environment,
    /// A pasted `EnvironmentFile=` file.
    EnvironmentFile { path: String },
    /// `env NAME=…` / `NAME=… cmd` on the command line.
    CommandLine,
    /// A wrapper script or `sh -c` string.
    Script,
    /// The container's environment (`-e`, `environment:`, `env:`).
    ContainerEnv,
    /// Oracle's image entrypoint (from `/proc/$$/stat`).
    OracleEntrypoint,
    /// `mysqld_safe` (its own PID).
    MysqldSafe,
}

/// The effective `MYSQLD_PARENT_PID`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PidValue {
    pub expr: PidExpr,
    pub origin: PidOrigin,
    pub at: Option<Loc>,
}

/// Why the check passes, fails or cannot be decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CheckWhy {
    /// The variable matches mysqld's parent.
    Matches,
    /// `mysqld_safe` sets it itself.
    MysqldSafe,
    /// Oracle's image sets it itself.
    OracleImage,
    /// The variable is not set where mysqld runs.
    Missing,
    /// Set, but to a value that is not mysqld's parent PID.
    Mismatch,
    /// `export MYSQLD_PARENT_PID=$$` followed by `exec`: mysqld's own PID.
    OwnPid,
    /// A user unit with a literal PID: right only while the user manager has that PID.
    UserLiteral,
    /// A value computed at run time that the model cannot evaluate.
    Opaque,
    /// The parent is not known (wrapper script not pasted, `sh -c` without `exec`, unknown image).
    ParentUnknown,
    /// Nothing describes the supervisor.
    NoInput,
}

/// Why exit code 16 is (not) restarted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Exit16Why {
    /// `RestartPreventExitStatus=` lists 16 (wins over everything).
    Prevented { at: Loc },
    /// `RestartForceExitStatus=` lists 16.
    Forced { at: Loc },
    /// `Type=oneshot` with 16 made clean by `SuccessExitStatus=`: never restarted.
    OneshotClean { at: Loc },
    /// Decided by `Restart=` (`None`: the default `no`); `clean_at`: the `SuccessExitStatus=` line
    /// that makes 16 a clean exit.
    Table { restart: Option<Valued<String>>, clean_at: Option<Loc> },
    /// `mysqld_safe` loops on exit 16.
    MysqldSafe,
    /// The wrapper script loops on exit 16.
    ScriptLoop,
    /// The container restart policy (`None`: the default).
    ContainerPolicy { policy: Option<Valued<String>>, default: &'static str },
    /// Not known (no supervisor input, or only log lines).
    Unknown,
}

/// The whole analysis.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub supervisor: Supervisor,
    pub parent: Parent,
    /// What PID the variable must hold, as text for messages (`1`, `0`, `the user manager's PID`).
    pub expected: Option<Expected>,
    pub value: Option<PidValue>,
    pub check: Tri,
    pub check_why: CheckWhy,
    pub exit16: Tri,
    pub exit16_why: Exit16Why,
    /// `EnvironmentFile=` entries whose contents are not in the input (they may override the variable).
    pub unseen_env_files: Vec<Valued<String>>,
    /// The `ExecStart=` (or container command) line and its analysis.
    pub exec: Option<(Valued<String>, Launch)>,
    /// A pasted wrapper script that was analysed.
    pub script: Option<ScriptInfo>,
    /// The variable removed by `UnsetEnvironment=`.
    pub unset_at: Option<Loc>,
    /// MariaDB (no RESTART statement, no clone plugin).
    pub mariadb: bool,
    /// True when a system unit was assumed because the input does not say.
    pub assumed_system: bool,
}

/// A pasted wrapper script and its analysis.
#[derive(Clone, Debug)]
pub(crate) struct ScriptInfo {
    /// The path as the unit / container names it.
    pub path: String,
    /// The whole pasted input.
    pub at: Loc,
    pub text: String,
    pub script: Script,
}

impl ScriptInfo {
    /// The location of a byte range of the script text.
    pub fn loc(&self, start: usize, end: usize) -> Loc {
        let b = self.at.range.start;
        Loc { input: self.at.input, range: crate::text::TextRange::new(b + start as u32, b + end as u32) }
    }
}

/// The PID `MYSQLD_PARENT_PID` must equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    /// PID 1 (systemd, tini).
    One,
    /// 0: mysqld is PID 1 of a container.
    Zero,
    /// The user manager's PID (changes at each start of the manager).
    UserManager,
    /// The wrapper shell's PID (`$$` in the script).
    ShellPid,
    /// The forking wrapper's PID (changes at every start).
    WrapperPid,
}

impl Model {
    fn new(supervisor: Supervisor) -> Model {
        Model {
            supervisor,
            parent: Parent::Unknown,
            expected: None,
            value: None,
            check: Tri::Unknown,
            check_why: CheckWhy::NoInput,
            exit16: Tri::Unknown,
            exit16_why: Exit16Why::Unknown,
            unseen_env_files: Vec::new(),
            exec: None,
            script: None,
            unset_at: None,
            mariadb: false,
            assumed_system: false,
        }
    }

    /// The systemd unit, when the supervisor is one.
    pub fn is_systemd(&self) -> bool {
        matches!(self.supervisor, Supervisor::Systemd { .. })
    }

    /// True for a user unit.
    pub fn is_user(&self) -> bool {
        matches!(self.supervisor, Supervisor::Systemd { user: Some(true), .. })
    }
}

/// Builds the model from the facts.
pub(crate) fn build(f: &Facts) -> Model {
    if let Some(u) = &f.unit {
        // The command line is analysed once for both questions (a 16 MB `sh -c` costs a pass).
        let launch = exec_launch(u);
        if may_run_mysqld(u, launch.as_ref()) {
            return systemd_with(f, u, launch);
        }
    }
    if let Some(c) = f.containers.server() {
        return container(f, c);
    }
    if let Some(fam) = &f.containers.log_family {
        return container_log(fam);
    }
    let mut m = Model::new(Supervisor::None);
    m.mariadb = is_mariadb(f, None);
    m
}

/// False for a unit that clearly runs something else (`nginx.service` pasted by mistake): its
/// `ExecStart=` names a program that is neither a MySQL server, `mysqld_safe`, a shell, a launcher
/// nor a script, and nothing in the unit's name or command mentions MySQL.
/// `launch` is the last `ExecStart=` analysed ([`exec_launch`]).
fn may_run_mysqld(u: &UnitFacts, launch: Option<&Launch>) -> bool {
    let (Some(e), Some(l)) = (u.exec_start.last(), launch) else { return true };
    let Program::Other(path) = &l.program else { return true };
    let text = format!("{} {}", u.name.as_deref().unwrap_or(""), e.value).to_ascii_lowercase();
    let looks_script = path.ends_with(".sh") || !path.contains('/') || l.forking.is_some();
    looks_script || ["mysql", "maria", "percona", "mysqld"].iter().any(|k| text.contains(k))
}

fn is_mariadb(f: &Facts, launch: Option<&Launch>) -> bool {
    let flavor = f.server.flavor.as_ref().is_some_and(|v| v.value.as_str() == "mariadb");
    flavor || launch.is_some_and(|l| l.program == Program::Mariadbd)
}

/// The systemd case.
#[cfg(test)]
pub(crate) fn systemd(f: &Facts, u: &UnitFacts) -> Model {
    systemd_with(f, u, exec_launch(u))
}

/// How the unit's last `ExecStart=` reaches its program.
fn exec_launch(u: &UnitFacts) -> Option<Launch> {
    let e = u.exec_start.last()?;
    Some(supervisor::analyze_command(&supervisor::systemd_command(&e.value), Mode::SystemdExec))
}

/// The systemd case, with the last `ExecStart=` already analysed (`launch`).
fn systemd_with(f: &Facts, u: &UnitFacts, launch: Option<Launch>) -> Model {
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
            (Program::Nothing, None) => Parent::Unknown,
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
    m.exec = exec.zip(launch);
    m
}

impl Model {
    fn parent_at(&self) -> Option<Loc> {
        match &self.parent {
            Parent::Reparented { at }
            | Parent::Wrapper { at, .. }
            | Parent::MysqldSafe { at }
            | Parent::UnknownScript { at, .. }
            | Parent::ShellNotGuaranteed { at }
            | Parent::ContainerInit { at } => *at,
            _ => None,
        }
    }
}

fn script_parent(s: &Script, at: Option<Loc>, dash_c: bool, name: &str) -> Parent {
    let Some(l) = &s.launch else {
        return if dash_c { Parent::Unknown } else { Parent::UnknownScript { path: name.to_owned(), at } };
    };
    if l.launch.program == Program::MysqldSafe {
        return Parent::MysqldSafe { at };
    }
    if let Some(w) = &l.launch.forking {
        return Parent::Wrapper { name: w.clone(), at, shell: false };
    }
    if l.background {
        return Parent::Wrapper { name: name.to_owned(), at, shell: true };
    }
    if l.exec {
        return Parent::Manager;
    }
    if dash_c {
        // bash may exec the final simple command of a -c string itself; other shells: not verified.
        return Parent::ShellNotGuaranteed { at };
    }
    Parent::Wrapper { name: name.to_owned(), at, shell: true }
}

fn apply_script_value(value: &mut Option<PidValue>, s: &Script, at: Option<Loc>) {
    if let Some((expr, _, _)) = &s.parent_pid {
        *value = Some(PidValue { expr: expr.clone(), origin: PidOrigin::Script, at });
    }
}

/// Compares the value with the parent. `shell_exec`: whether the wrapper shell `exec`s mysqld.
pub(crate) fn decide_check(
    parent: &Parent,
    expected: Option<Expected>,
    value: Option<&PidValue>,
    shell_exec: Option<bool>,
) -> (Tri, CheckWhy) {
    match parent {
        Parent::MysqldSafe { .. } => return (Tri::Yes, CheckWhy::MysqldSafe),
        Parent::UnknownScript { .. } | Parent::ShellNotGuaranteed { .. } | Parent::Unknown => {
            // Even without knowing the parent: no variable at all fails.
            if value.is_none() && !matches!(parent, Parent::Unknown) {
                return (Tri::No, CheckWhy::Missing);
            }
            return (Tri::Unknown, CheckWhy::ParentUnknown);
        }
        _ => {}
    }
    let Some(v) = value else { return (Tri::No, CheckWhy::Missing) };
    let Some(exp) = expected else { return (Tri::Unknown, CheckWhy::ParentUnknown) };
    match &v.expr {
        PidExpr::Literal(s) => {
            let n = supervisor::atoi(s);
            match exp {
                Expected::One if n == 1 => (Tri::Yes, CheckWhy::Matches),
                Expected::Zero if n == 0 => (Tri::Yes, CheckWhy::Matches),
                Expected::UserManager if n > 1 => (Tri::Unknown, CheckWhy::UserLiteral),
                _ => (Tri::No, CheckWhy::Mismatch),
            }
        }
        // `$$` of a shell: right when the shell stays as the parent, mysqld's own PID after `exec`.
        PidExpr::ShellPid => match (exp, shell_exec) {
            (Expected::ShellPid, _) => (Tri::Yes, CheckWhy::Matches),
            (_, Some(true)) => (Tri::No, CheckWhy::OwnPid),
            _ => (Tri::No, CheckWhy::Mismatch),
        },
        // `$PPID` / `/proc/$$/stat` field 4: the shell's parent, right after `exec`.
        PidExpr::ShellParent => match exp {
            Expected::One | Expected::Zero | Expected::UserManager => (Tri::Yes, CheckWhy::Matches),
            _ => (Tri::No, CheckWhy::Mismatch),
        },
        PidExpr::Other(_) => (Tri::Unknown, CheckWhy::Opaque),
    }
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

fn container_family(c: &ContainerDef) -> Option<ImageFamily> {
    c.family().map(|f| f.value)
}

/// The container case (§6).
pub(crate) fn container(f: &Facts, c: &ContainerDef) -> Model {
    let mut family = container_family(c);
    if family.is_none_or(|x| x == ImageFamily::Other)
        && let Some(lf) = &f.containers.log_family
    {
        family = Some(lf.value);
    }
    let mut m = Model::new(Supervisor::Container { source: c.source, family });
    m.mariadb = family == Some(ImageFamily::MariaDb) || is_mariadb(f, None);
    let init_at = c.init.as_ref().filter(|i| i.value).map(|i| i.at);
    let pid1_parent = || match init_at {
        Some(at) => (Parent::ContainerInit { at: Some(at) }, Expected::One),
        None => (Parent::ContainerPid1, Expected::Zero),
    };
    let env_value = c.env("MYSQLD_PARENT_PID").map(|v| PidValue {
        expr: PidExpr::Literal(v.value.clone()),
        origin: PidOrigin::ContainerEnv,
        at: Some(v.at),
    });

    // A replaced entrypoint decides by itself.
    if let Some(ep) = &c.entrypoint {
        let cmdline = match &c.command {
            Some(cmd) => format!("{} {}", ep.value, cmd.value),
            None => ep.value.clone(),
        };
        let l = supervisor::analyze_command(&cmdline, Mode::Sh);
        let (parent, exp) = pid1_parent();
        let mut value = env_value.clone();
        match (&l.program, &l.forking) {
            (Program::Mysqld | Program::Mariadbd, None) if l.daemonize != Some(true) => {
                m.parent = parent;
                m.expected = Some(exp);
            }
            (Program::MysqldSafe, _) => m.parent = Parent::MysqldSafe { at: Some(ep.at) },
            (Program::Other(path), None) => match f.containers.script(path) {
                Some(file) => {
                    let s = file.script.clone();
                    let p = script_parent(&s, Some(file.at), false, path);
                    apply_script_value(&mut value, &s, Some(file.at));
                    m.parent = match p {
                        Parent::Manager => parent,
                        other => other,
                    };
                    m.expected = match &m.parent {
                        Parent::ContainerPid1 | Parent::ContainerInit { .. } => Some(exp),
                        Parent::Wrapper { shell: true, .. } => Some(Expected::ShellPid),
                        _ => None,
                    };
                    let exec = s.launch.as_ref().map(|x| x.exec);
                    m.script = Some(ScriptInfo {
                        path: path.clone(),
                        at: file.at,
                        text: file.text.clone(),
                        script: s,
                    });
                    m.value = value;
                    let (ck, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), exec);
                    m.check = ck;
                    m.check_why = why;
                    set_policy(&mut m, c);
                    return m;
                }
                None => m.parent = Parent::UnknownScript { path: path.clone(), at: Some(ep.at) },
            },
            (_, Some(w)) => {
                m.parent = Parent::Wrapper { name: w.clone(), at: Some(ep.at), shell: false };
                m.expected = Some(Expected::WrapperPid);
            }
            _ => m.parent = Parent::Unknown,
        }
        if let Parent::MysqldSafe { at } = m.parent {
            value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at });
        }
        m.value = value;
        let (ck, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), None);
        m.check = ck;
        m.check_why = why;
        set_policy(&mut m, c);
        return m;
    }

    match family {
        Some(ImageFamily::Oracle) => {
            let (parent, exp) = pid1_parent();
            m.parent = parent;
            m.expected = Some(exp);
            m.value = Some(PidValue {
                expr: PidExpr::ShellParent,
                origin: PidOrigin::OracleEntrypoint,
                at: c.image.as_ref().map(|i| i.at),
            });
            m.check = Tri::Yes;
            m.check_why = CheckWhy::OracleImage;
        }
        Some(ImageFamily::DockerHub) => {
            let (parent, exp) = pid1_parent();
            m.parent = parent;
            m.expected = Some(exp);
            m.value = env_value;
            let (ck, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), None);
            m.check = ck;
            m.check_why = why;
        }
        _ => {
            m.parent = Parent::Unknown;
            m.value = env_value;
            m.check = Tri::Unknown;
            m.check_why = CheckWhy::ParentUnknown;
        }
    }
    set_policy(&mut m, c);
    m
}

fn set_policy(m: &mut Model, c: &ContainerDef) {
    if let Parent::MysqldSafe { .. } = m.parent {
        m.exit16 = Tri::Yes;
        m.exit16_why = Exit16Why::MysqldSafe;
        return;
    }
    let (yes, default) = container_restarts(c);
    m.exit16 = if yes { Tri::Yes } else { Tri::No };
    m.exit16_why = Exit16Why::ContainerPolicy { policy: c.restart.clone(), default };
}

/// Whether the container is restarted after its main process exits with 16, and the default
/// policy name used when none is written.
pub(crate) fn container_restarts(c: &ContainerDef) -> (bool, &'static str) {
    match c.source {
        ContainerSource::Kubernetes => {
            let controller = c.kind.as_deref().is_some_and(|k| k != "Pod");
            let p = c.restart.as_ref().map(|r| r.value.as_str()).unwrap_or("Always");
            (controller || p == "Always" || p == "OnFailure", "Always")
        }
        _ => {
            let p = c
                .restart
                .as_ref()
                .map(|r| r.value.trim_matches(['"', '\'']).to_owned())
                .unwrap_or_else(|| "no".into());
            let yes = p == "always" || p == "unless-stopped" || p.starts_with("on-failure");
            (yes, "no")
        }
    }
}

fn container_log(fam: &Valued<ImageFamily>) -> Model {
    let mut m = Model::new(Supervisor::ContainerLog { family: fam.value });
    match fam.value {
        ImageFamily::Oracle => {
            m.parent = Parent::ContainerPid1;
            m.expected = Some(Expected::Zero);
            m.value = Some(PidValue {
                expr: PidExpr::ShellParent,
                origin: PidOrigin::OracleEntrypoint,
                at: Some(fam.at),
            });
            m.check = Tri::Yes;
            m.check_why = CheckWhy::OracleImage;
        }
        ImageFamily::DockerHub => {
            m.parent = Parent::ContainerPid1;
            m.expected = Some(Expected::Zero);
            m.check = Tri::No;
            m.check_why = CheckWhy::Missing;
        }
        ImageFamily::MariaDb => m.mariadb = true,
        _ => {}
    }
    m
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::facts::unit::{EnvVar, StatusSet};

    pub(crate) fn at(n: u32) -> Loc {
        Loc { input: 0, range: crate::text::TextRange::new(n, n + 1) }
    }
    pub(crate) fn v(s: &str) -> Valued<String> {
        Valued::new(s.to_owned(), at(0))
    }
    pub(crate) fn unit(exec: &str, restart: Option<&str>, env: Option<&str>) -> UnitFacts {
        UnitFacts {
            name: Some("mysqld.service".into()),
            user_unit: Some(false),
            service_type: Some(v("notify")),
            exec_start: vec![v(exec)],
            environment: env
                .map(|e| vec![EnvVar { name: "MYSQLD_PARENT_PID".into(), value: e.into(), at: at(5) }])
                .unwrap_or_default(),
            restart: restart.map(v),
            ..UnitFacts::default()
        }
    }
    pub(crate) fn codes(list: &[u32]) -> StatusSet {
        StatusSet { codes: list.iter().map(|c| Valued::new(*c, at(9))).collect(), ..StatusSet::default() }
    }
    fn model(u: UnitFacts) -> Model {
        let f = Facts { unit: Some(u.clone()), ..Facts::default() };
        systemd(&f, &u)
    }

    #[test]
    fn seed_unit_fails_the_check() {
        let m = model(unit("/usr/sbin/mysqld", Some("on-failure"), None));
        assert_eq!((m.check, &m.check_why), (Tri::No, &CheckWhy::Missing));
        assert_eq!(m.exit16, Tri::Yes);
    }

    #[test]
    fn oracle_units_work() {
        let mut u = unit("/usr/sbin/mysqld $MYSQLD_OPTS", Some("on-failure"), Some("1"));
        u.restart_prevent = codes(&[1]);
        let m = model(u.clone());
        assert_eq!((m.check, m.exit16), (Tri::Yes, Tri::Yes));
        u.restart_force = codes(&[16]);
        assert_eq!(model(u).exit16_why, Exit16Why::Forced { at: at(9) });
    }

    #[test]
    fn atoi_edge_cases_in_environment() {
        for (val, ok) in
            [(" 1", Tri::Yes), ("1abc", Tri::Yes), ("0x1", Tri::No), ("", Tri::No), ("$MANAGERPID", Tri::No)]
        {
            let m = model(unit("/usr/sbin/mysqld", Some("always"), Some(val)));
            assert_eq!(m.check, ok, "value {val:?}");
        }
    }

    #[test]
    fn systemd_restart_order() {
        let base = unit("/usr/sbin/mysqld", None, Some("1"));
        assert_eq!(systemd_restarts(&base, 16).0, Tri::No);
        let mut u = base.clone();
        u.restart_force = codes(&[16]);
        assert_eq!(systemd_restarts(&u, 16).0, Tri::Yes, "Force works with Restart=no");
        u.restart_prevent = codes(&[16]);
        assert_eq!(systemd_restarts(&u, 16).0, Tri::No, "Prevent wins over Force");
        let mut u = base.clone();
        u.restart = Some(v("on-failure"));
        u.success_exit = codes(&[16]);
        assert_eq!(systemd_restarts(&u, 16).0, Tri::No, "SuccessExitStatus makes 16 clean");
        u.restart = Some(v("on-success"));
        assert_eq!(systemd_restarts(&u, 16).0, Tri::Yes);
        for r in ["on-abnormal", "on-abort", "on-watchdog", "no"] {
            let mut u = base.clone();
            u.restart = Some(v(r));
            assert_eq!(systemd_restarts(&u, 16).0, Tri::No, "{r}");
        }
        let mut u = base.clone();
        u.service_type = Some(v("oneshot"));
        u.success_exit = codes(&[16]);
        u.restart_force = codes(&[16]);
        assert_eq!(systemd_restarts(&u, 16).0, Tri::No, "oneshot exception");
    }

    #[test]
    fn parents() {
        let m = model(unit("/usr/bin/sudo -u mysql /usr/sbin/mysqld", Some("on-failure"), Some("1")));
        assert_eq!(m.check_why, CheckWhy::Mismatch);
        let m =
            model(unit("/usr/bin/numactl --interleave=all /usr/sbin/mysqld", Some("on-failure"), Some("1")));
        assert_eq!(m.check, Tri::Yes);
        let m = model(unit("/usr/bin/mysqld_safe", None, None));
        assert_eq!((m.check, m.exit16), (Tri::Yes, Tri::Yes));
        let m = model(unit("/opt/start.sh", Some("on-failure"), Some("1")));
        assert_eq!(m.check, Tri::Unknown);
        assert!(matches!(m.parent, Parent::UnknownScript { .. }));
        let m = model(unit("/bin/sh -c '/usr/sbin/mysqld --user=mysql'", Some("on-failure"), Some("1")));
        assert_eq!(m.check, Tri::Unknown);
        let m = model(unit("/bin/sh -c 'exec /usr/sbin/mysqld --user=mysql'", Some("on-failure"), Some("1")));
        assert_eq!(m.check, Tri::Yes);
        let mut u = unit("/usr/sbin/mysqld", Some("on-failure"), Some("1"));
        u.user_unit = Some(true);
        assert_eq!(model(u).check_why, CheckWhy::Mismatch, "user units are not PID 1");
        let u = unit(
            "/bin/sh -c 'export MYSQLD_PARENT_PID=$$PPID; exec /usr/sbin/mysqld'",
            Some("on-failure"),
            None,
        );
        let mut uu = u.clone();
        uu.user_unit = Some(true);
        assert_eq!(model(uu).check, Tri::Yes);
        let mut u = unit(
            "/usr/sbin/mysqld --daemonize --pid-file=/run/mysqld/mysqld.pid",
            Some("on-failure"),
            Some("1"),
        );
        u.service_type = Some(v("forking"));
        let m = model(u);
        assert!(matches!(m.parent, Parent::Reparented { .. }));
        assert_eq!(m.check, Tri::Yes);
    }
}
