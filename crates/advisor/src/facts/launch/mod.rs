//! The launch model: how mysqld is started, by whom, with what environment, and what happens when
//! it exits. The supervisor model: will mysqld pass `is_mysqld_managed()`, and will exit code 16 be
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

use crate::facts::container::{ContainerSource, ImageFamily, OperatorKind};
pub(crate) mod command;
mod container;
mod openrc;
mod runit;
pub(crate) mod seen;
mod services;
mod shell_loop;
mod supervisord;
mod systemd;
mod sysv;
mod windows;

pub(crate) use services::{Services, collect as collect_services, execline_command, sh_words};

#[cfg(test)]
pub(crate) use systemd::systemd;
pub(crate) use systemd::{restarts_crashes, systemd_restarts};

use crate::facts::{Facts, Flavor, Loc, Valued, Version};
pub(crate) use command::*;
use command::{self as supervisor};

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
    /// A supervisord `[program:…]` section (`file`: the input that holds it).
    Supervisord { program: String, file: String },
    /// A runit / daemontools / s6 `run` file (`daemon`: `runsv`, `supervise`, `s6-supervise`).
    RunScript { daemon: &'static str, path: String },
    /// An OpenRC service script; `supervised`: `supervisor=supervise-daemon`.
    OpenRc { path: String, supervised: bool },
    /// A SysV init script (`/etc/init.d/mysql`, `mysql.server`).
    SysV { path: String },
    /// mysqld on Windows (a service as `sc qc` shows it, or a my.ini on Windows paths).
    Windows { service: Option<String> },
    /// A pasted shell script that starts mysqld in a loop itself.
    ShellLoop { path: String },
    /// A MySQL operator's custom resource: the operator builds the pods and handles the clone.
    Operator { kind: OperatorKind, at: Loc },
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
    /// In a container started with `--init`, or whose entrypoint is an init (`tini`,
    /// `dumb-init`): the init is PID 1 and mysqld's parent.
    ContainerInit { at: Option<Loc> },
    /// The supervisor process itself forks and execs mysqld (supervisord, runsv, supervise-daemon).
    Launcher { name: String },
    /// Windows: mysqld's own monitor process (it starts the server as its child).
    WindowsMonitor,
    /// The analysis of a script stopped before it could tell how mysqld is started (branches
    /// that start it differently, a function not defined in the script): `at` is that statement.
    CannotTell { at: Option<Loc>, why: StopWhy },
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
    /// supervisord's `environment=`.
    SupervisordEnv,
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
    /// A literal PID under supervisord: right only while supervisord has that PID (PID 1 as a
    /// container's main process, `nodaemon=true`).
    LauncherLiteral,
    /// Windows: the monitor process makes mysqld managed (the variable is not compared).
    WindowsMonitor,
    /// Windows: `--no-monitor` or `--gdb` (at `at`): no monitor, so never managed.
    WindowsNoMonitor { at: Loc },
    /// The script could not be followed past `at` (`eval`, a command in a variable, two branches
    /// that start mysqld differently).
    CannotTell { at: Loc },
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
    /// supervisord's `autorestart=` (`None`: the default `unexpected`) and `exitcodes=` (`None`:
    /// the default `0`).
    Supervisord { autorestart: Option<Valued<String>>, exitcodes: Option<Valued<String>> },
    /// runsv / supervise / s6-supervise start `./run` again after any exit.
    RunAgain { daemon: &'static str },
    /// OpenRC: `supervisor=supervise-daemon` respawns after any exit (`at`: that line), up to
    /// `respawn_max` times in `respawn_period`; without it (`at: None`) nothing restarts.
    OpenRc { at: Option<Loc> },
    /// A SysV script that starts mysqld in the background without a supervisor.
    Unsupervised,
    /// Windows: the monitor starts mysqld again after exit 16.
    WindowsMonitor,
    /// The script's loop ends after exit 16 (at `at`).
    LoopStops { at: Loc },
    /// The script's loop could not be followed (at `at`).
    LoopCannotTell { at: Loc },
    /// Not known (no supervisor input, or only log lines).
    Unknown,
}

/// One process on the way from whoever starts mysqld to mysqld itself: the launch chain
/// (`systemd → /usr/local/bin/start.sh → mysqld`, `tini → docker-entrypoint.sh → gosu → mysqld`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// The program as the input names it (`systemd`, `supervisord`, `/usr/local/bin/start.sh`,
    /// `gosu`, `mysqld`).
    pub name: String,
    /// True when it replaces itself with the next link (`exec`, `gosu`, `chpst`…): it keeps its PID
    /// and its parent. False when it starts the next link as a child and stays its parent.
    pub execs: bool,
    /// Where the input shows it.
    pub at: Option<Loc>,
}

/// The whole analysis.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    pub supervisor: Supervisor,
    /// The launch chain, from the supervisor (first) to mysqld (last); empty when the input does not
    /// show how mysqld is started.
    pub chain: Vec<Link>,
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
    /// Why the clone-restart question does not arise for this server, when it does not.
    pub not_applicable: Option<NotApplicable>,
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
    /// The supervisor process's PID (supervisord, runsv, supervise-daemon): known only at run time.
    Launcher,
}

impl Model {
    fn new(supervisor: Supervisor) -> Model {
        Model {
            supervisor,
            chain: Vec::new(),
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
            not_applicable: None,
            assumed_system: false,
        }
    }

    /// False when the clone-restart question does not arise ([`NotApplicable`]).
    pub fn applies(&self) -> bool {
        self.not_applicable.is_none()
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

/// The first MySQL release with the clone plugin: "MySQL Server's clone plugin is available from
/// MySQL 8.0.17" (`runtime-and-launchers.md` §10; MySQL Shell's `k_mysql_clone_plugin_initial_version`).
pub(crate) const FIRST_CLONE: Version = Version::new(8, 0, 17);
/// The first release with the `RESTART` statement: 8.0.4, a release candidate (WL#9809; MySQL
/// Shell: "RESTART is only available in 8.0.4, but the command is only supported in 8.0.11 or
/// higher" — `runtime-and-launchers.md` §10). The 8.0.4 release note itself was not read.
pub(crate) const FIRST_RESTART: Version = Version::new(8, 0, 4);

/// Why the clone-restart question does not arise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotApplicable {
    /// MariaDB: no `RESTART` statement and no released clone plugin (`mysql-facts.md` §7.5).
    MariaDb { at: Loc },
    /// MySQL or Percona Server before 8.0.17: no clone plugin (and before 8.0.4 no `RESTART`).
    NoClone { version: Version, at: Loc },
}

/// True when `v` has no clone plugin. A series without a patch level (`8.0` from an image tag
/// `mysql:8.0`, read as 8.0.0) is not enough to say so: 8.0.0 was never a GA release.
pub(crate) fn lacks_clone(v: Version) -> bool {
    v < FIRST_CLONE && !(v.major == 8 && v.minor == 0 && v.patch == 0)
}

/// Whether the clone-restart question arises for the server the input shows: MariaDB (from the
/// version, the unit's `mariadbd` / description / name, or the image) or a version without clone.
pub(crate) fn not_applicable(f: &Facts) -> Option<NotApplicable> {
    if let Some(fl) = &f.server.flavor {
        if fl.value == Flavor::MariaDb {
            return Some(NotApplicable::MariaDb { at: fl.at });
        }
    } else if let Some(at) = mariadb_hint(f) {
        return Some(NotApplicable::MariaDb { at });
    }
    let v = f.server.version.as_ref()?;
    lacks_clone(v.value).then_some(NotApplicable::NoClone { version: v.value, at: v.at })
}

/// MariaDB named where no version line says which server it is: the unit runs `mariadbd` (or
/// `mariadbd-safe`), or its description says MariaDB; the container runs a `mariadb` image, or its
/// log is MariaDB's entrypoint.
fn mariadb_hint(f: &Facts) -> Option<Loc> {
    if let Some(u) = &f.unit {
        let by_exec = u.exec_start.iter().find(|e| {
            e.value.split_whitespace().any(|w| matches!(basename(w), "mariadbd" | "mariadbd-safe"))
        });
        if let Some(e) = by_exec {
            return Some(e.at);
        }
        let described = u.directives.iter().find(|d| {
            d.section == "Unit" && d.key == "Description" && d.value.to_ascii_lowercase().contains("mariadb")
        });
        if let Some(d) = described {
            return Some(d.value_at);
        }
    }
    if let Some(fam) =
        f.containers.server().and_then(|c| c.family()).filter(|fam| fam.value == ImageFamily::MariaDb)
    {
        return Some(fam.at);
    }
    f.containers.log_family.as_ref().filter(|fam| fam.value == ImageFamily::MariaDb).map(|fam| fam.at)
}

/// True when the input shows MariaDB (no RESTART statement, no clone plugin).
pub(crate) fn is_mariadb(f: &Facts, launch: Option<&Launch>) -> bool {
    let flavor = f.server.flavor.as_ref().is_some_and(|v| v.value.as_str() == "mariadb");
    flavor || launch.is_some_and(|l| l.program == Program::Mariadbd)
}

/// What the configuration predicts.
fn predict(f: &Facts) -> Model {
    if let Some(u) = &f.unit {
        // The command line is analysed once for both questions (a 16 MB `sh -c` costs a pass).
        let launch = systemd::exec_launch(u);
        if systemd::may_run_mysqld(u, launch.as_ref()) {
            return systemd::systemd_with(f, u, launch);
        }
    }
    // supervisord before containers: a container often runs supervisord, which runs mysqld.
    if let Some(p) = f.services.server_program() {
        return supervisord::supervisord(f, p);
    }
    if let Some(c) = f.containers.server().filter(|c| c.is_mysql() || f.containers.operator.is_none()) {
        return container::container(f, c);
    }
    if let Some(op) = &f.containers.operator {
        return container::operator(f, op);
    }
    if let Some(sf) = f.services.files.first() {
        return match sf.kind {
            crate::syntax::launcher::ScriptKind::OpenRc => openrc::openrc(f, sf),
            crate::syntax::launcher::ScriptKind::SysV => sysv::sysv(f, sf),
            _ => runit::run_script(f, sf),
        };
    }
    if let Some(m) = windows::windows(f) {
        return m;
    }
    if let Some(m) = shell_loop::shell_loop(f) {
        return m;
    }
    if let Some(fam) = &f.containers.log_family {
        return container::container_log(fam);
    }
    let mut m = Model::new(Supervisor::None);
    m.mariadb = is_mariadb(f, None);
    m
}

/// Builds the model from the facts, with whether the question arises at all.
pub(crate) fn build(f: &Facts) -> Model {
    let mut m = predict(f);
    m.not_applicable = not_applicable(f);
    if matches!(m.not_applicable, Some(NotApplicable::MariaDb { .. })) {
        m.mariadb = true;
    }
    if m.mariadb && m.not_applicable.is_none() {
        // `mariadbd` on the command line, or a MariaDB image: the launch analysis saw it.
        let at = m.exec.as_ref().map(|(e, _)| e.at).or_else(|| f.containers.server().map(|c| c.at));
        if let Some(at) = at {
            m.not_applicable = Some(NotApplicable::MariaDb { at });
        }
    }
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
            | Parent::CannotTell { at, .. }
            | Parent::ContainerInit { at } => *at,
            _ => None,
        }
    }
}

/// The links a command line adds to the chain after its launcher (`at`: the line): its exec-ing
/// launchers, a forking wrapper, a `sh -c` string or a script (with `script`, what the script runs),
/// and the server program. `mysqld_safe` starts mysqld as its child.
pub(crate) fn command_links(l: &Launch, at: Option<Loc>, script: Option<(&str, &Script, Loc)>) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    if let Some(init) = &l.init {
        out.push(Link { name: init.clone(), execs: false, at });
    }
    for name in &l.launchers {
        if name != "exec" {
            out.push(Link { name: name.clone(), execs: true, at });
        }
    }
    if let Some(w) = &l.forking {
        out.push(Link { name: w.clone(), execs: false, at });
    }
    let inner = |s: &Script, name: String, at: Option<Loc>, out: &mut Vec<Link>| match &s.launch {
        // Where the analysis stopped, the chain stops at the script.
        Some(x) if !x.launch.program_is_unknown() && s.stopped.is_none() => {
            out.push(Link { name, execs: x.exec && !x.background, at });
            out.extend(command_links(&x.launch, at, None));
        }
        _ => out.push(Link { name, execs: false, at }),
    };
    match &l.program {
        Program::Mysqld | Program::Mariadbd => {
            let name =
                l.server_cmd.first().map(|p| basename(p).to_owned()).unwrap_or_else(|| "mysqld".into());
            out.push(Link { name, execs: false, at });
        }
        Program::MysqldSafe => {
            out.push(Link { name: "mysqld_safe".into(), execs: false, at });
            out.push(Link { name: "mysqld".into(), execs: false, at });
        }
        Program::ShellString => {
            if let Some(s) = l.shell.as_deref() {
                inner(s, "sh -c".into(), at, &mut out);
            }
        }
        Program::Other(path) => match script {
            Some((_, s, sat)) => inner(s, path.clone(), Some(sat), &mut out),
            None => out.push(Link { name: path.clone(), execs: false, at }),
        },
        Program::Nothing | Program::Args => {}
    }
    out
}

/// A supervisor that forks and execs its command (supervisord, runsv, supervise-daemon): `p`, the
/// parent a command or script gives, with a "manager" parent meaning the supervisor itself.
pub(super) fn launcher_parent(p: Parent, name: &str) -> Parent {
    match p {
        Parent::Manager => Parent::Launcher { name: name.to_owned() },
        other => other,
    }
}

/// What `MYSQLD_PARENT_PID` must hold for a parent under a forking supervisor.
pub(super) fn launcher_expected(p: &Parent) -> Option<Expected> {
    match p {
        Parent::Launcher { .. } => Some(Expected::Launcher),
        Parent::Wrapper { shell: true, .. } | Parent::MysqldSafe { .. } => Some(Expected::ShellPid),
        Parent::Wrapper { shell: false, .. } => Some(Expected::WrapperPid),
        Parent::Reparented { .. } => Some(Expected::One),
        _ => None,
    }
}

/// The script's stop: the first statement it cannot follow, or a second statement that starts the
/// server (two branches) — as a location in `at`'s input (`base`: the script's first byte).
pub(super) fn script_stop(s: &Script, base: Loc) -> Option<Loc> {
    let loc = |(a, b): (usize, usize)| Loc {
        input: base.input,
        range: crate::text::TextRange::new(base.range.start + a as u32, base.range.start + b as u32),
    };
    if let Some(op) = s.opaque
        && s.starts.first().is_none_or(|first| op.0 <= first.0)
    {
        return Some(loc(op));
    }
    s.differs.map(loc)
}

pub(super) fn script_parent(s: &Script, at: Option<Loc>, dash_c: bool, name: &str) -> Parent {
    if let Some(stop) = &s.stopped {
        let at = at.map(|a| Loc {
            input: a.input,
            range: crate::text::TextRange::new(
                a.range.start + stop.start as u32,
                a.range.start + stop.end as u32,
            ),
        });
        return Parent::CannotTell { at, why: stop.why.clone() };
    }
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

pub(super) fn apply_script_value(value: &mut Option<PidValue>, s: &Script, at: Option<Loc>) {
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
        Parent::UnknownScript { .. }
        | Parent::ShellNotGuaranteed { .. }
        | Parent::CannotTell { .. }
        | Parent::Unknown => {
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
            Expected::One | Expected::Zero | Expected::UserManager | Expected::Launcher => {
                (Tri::Yes, CheckWhy::Matches)
            }
            _ => (Tri::No, CheckWhy::Mismatch),
        },
        PidExpr::Other(_) => (Tri::Unknown, CheckWhy::Opaque),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::facts::unit::{EnvVar, StatusSet, UnitFacts};

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
