//! What was *observed* at run time, kept apart from what the configuration predicts: how mysqld
//! exited, whether its supervisor restarted it (or refused to), its real parent and environment,
//! what a MySQL Shell saw, a container's state. The `clone_restart` verdict reads these first.
//!
//! Each syntax module that reads run-time output (the journal, `systemctl status`, `systemctl
//! show`'s runtime properties, process views, container state, MySQL Shell transcripts) fills
//! its part here, in input order, each observation with the lines it was read from.
//!
//! Facts followed (`runtime-and-launchers.md`): exit 16 means the supervisor check passed
//! (mysql-facts §1.4); exit 0 right after a clone means it failed (MY-013462, a clean shutdown,
//! §2.1); a start-limit hit after 16 means the restart was refused (§1.3); a PPID of 0 is a
//! parent outside the PID namespace (§3).

use super::{Loc, Valued};

/// Which tool printed an observation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Observer {
    /// `journalctl` output.
    Journal,
    /// `systemctl status`.
    SystemctlStatus,
    /// `systemctl show` runtime properties.
    SystemctlShow,
    /// `ps`, `pstree`, `/proc/<pid>/…`.
    Process,
    /// `docker ps`, `docker inspect`.
    Docker,
    /// `kubectl describe pod`, `kubectl get pod -o yaml|json`.
    Kubernetes,
    /// A MySQL Shell transcript.
    Shell,
}

/// How a process ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    /// `code=exited, status=N`: exit code N.
    Exited(i32),
    /// `code=killed, signal=S` / `status=15/TERM`: killed by a signal (its name).
    Killed(String),
    /// `code=dumped`: killed by a signal, with a core dump.
    Dumped(String),
}

impl Ending {
    /// The exit code, for a normal exit.
    pub fn code(&self) -> Option<i32> {
        match self {
            Ending::Exited(c) => Some(*c),
            _ => None,
        }
    }
}

/// mysqld's main process ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Exit {
    pub ending: Ending,
    /// The unit or container it belonged to, when the output names it.
    pub owner: Option<String>,
    pub at: Loc,
    pub by: Observer,
}

/// What the supervisor did (or said) after an exit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SupervisorEvent {
    /// `Scheduled restart job, restart counter is at N` / `scheduling restart`, a container
    /// `Restarting (N)`, a Kubernetes restart count above 0: a restart was scheduled.
    RestartScheduled { counter: Option<u32> },
    /// `Start request repeated too quickly` / `Result: start-limit-hit`: the restart was refused.
    StartLimitHit,
    /// `Deactivated successfully` / `Succeeded`: the unit stopped after a clean exit, and nothing
    /// restarts it.
    Deactivated,
    /// `Failed with result 'R'`.
    Failed { result: String },
    /// `Started …` / `Starting …` / `Active: active (running)`.
    Started,
    /// `Stopped …` (a stop job: somebody stopped it).
    Stopped,
    /// `Failed to start …`.
    FailedToStart,
    /// `Start operation timed out`.
    StartTimedOut,
}

/// One supervisor event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Supervised {
    pub event: SupervisorEvent,
    pub owner: Option<String>,
    pub at: Loc,
    pub by: Observer,
}

/// A process seen in a process view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Process {
    pub pid: u32,
    /// The parent PID (0: outside the PID namespace).
    pub ppid: Option<u32>,
    /// The command (name or whole command line, as the view shows it).
    pub command: String,
    pub at: Loc,
}

impl Process {
    /// True for the server (`mysqld`, `mysqld-debug`, `mariadbd`), not `mysqld_safe`.
    pub fn is_server(&self) -> bool {
        let first = self.command.split_whitespace().next().unwrap_or("");
        let base = first.rsplit('/').next().unwrap_or(first).trim_matches(['(', ')', '[', ']']);
        matches!(base, "mysqld" | "mysqld-debug" | "mariadbd")
    }
}

/// A process's environment (`/proc/<pid>/environ`, `docker inspect` `Config.Env`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Environ {
    /// The PID, when the command shows it (`/proc/840/environ`).
    pub pid: Option<u32>,
    pub vars: Vec<(String, Valued<String>)>,
    pub at: Loc,
}

impl Environ {
    /// The last value of `name`.
    pub fn var(&self, name: &str) -> Option<&Valued<String>> {
        self.vars.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// What a MySQL Shell transcript showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ShellEvent {
    /// `NOTE: A server restart is expected to happen as part of the clone process.`
    RestartExpected,
    /// `** Stage RESTART: Completed`.
    StageRestartCompleted,
    /// `* Waiting for server restart... ready`.
    RestartReady,
    /// `* Waiting for server restart... timeout` / `error`.
    RestartTimeout,
    /// `* <host:port> has restarted, waiting for clone to finish...`.
    HasRestarted,
    /// `Timeout waiting for server to restart (MYSQLSH 51156)`.
    Error51156,
    /// The operation and, for a Cluster, the advice to call `<Cluster>.rescan()`.
    Operation { name: String },
    /// `Clone process has finished`.
    CloneFinished,
}

/// One MySQL Shell event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShellSeen {
    pub event: ShellEvent,
    /// The instance (`host:port`) the event names, when it does.
    pub instance: Option<String>,
    pub at: Loc,
}

/// A container's state (`docker ps`, `docker inspect`, `kubectl`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ContainerState {
    pub name: Option<String>,
    /// `running`, `exited`, `restarting`, `Terminated`, `Waiting` (as printed).
    pub status: Option<Valued<String>>,
    /// The last exit code (`Exited (16)`, `State.ExitCode`, `Last State: … Exit Code`).
    pub exit_code: Option<Valued<i32>>,
    /// `RestartCount`, `Restart Count:`.
    pub restart_count: Option<Valued<u32>>,
    /// The restart policy (`HostConfig.RestartPolicy.Name`, `restartPolicy`).
    pub policy: Option<Valued<String>>,
    /// The Kubernetes reason (`Completed`, `Error`, `CrashLoopBackOff`, `OOMKilled`).
    pub reason: Option<Valued<String>>,
    pub at: Loc,
    pub by: Option<Observer>,
}

/// A unit's state as `systemctl status` (`Active:`) or `systemctl show` (`ActiveState=`,
/// `SubState=`, `Result=`, `NRestarts=`) printed it: a snapshot, where the journal gives history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnitState {
    /// The unit (`mysql.service`), when the output names it.
    pub name: Option<String>,
    /// `active`, `activating`, `failed`, `inactive`, … (as printed).
    pub active: Option<String>,
    /// `running`, `auto-restart`, `dead`, … (as printed).
    pub sub: Option<String>,
    /// `exit-code`, `start-limit-hit`, `success`, … (`systemctl status` omits `success`).
    pub result: Option<String>,
    /// `NRestarts=` (`systemctl show` only).
    pub restarts: Option<u32>,
    /// The main PID: running (`Main PID: 840 (mysqld)`, `MainPID=840`) or, after an exit, the
    /// last one (`ExecMainPID=`).
    pub main_pid: Option<u32>,
    /// The `sd_notify` status text (`Status: "…"`, `StatusText=`).
    pub status_text: Option<String>,
    pub at: Loc,
    pub by: Observer,
}

/// Everything observed at run time, in input order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Observed {
    pub exits: Vec<Exit>,
    pub supervisor: Vec<Supervised>,
    pub processes: Vec<Process>,
    pub environs: Vec<Environ>,
    pub shell: Vec<ShellSeen>,
    pub containers: Vec<ContainerState>,
    /// Unit state snapshots (`systemctl status`, `systemctl show`).
    pub units: Vec<UnitState>,
}

impl Observed {
    /// True when nothing was observed.
    pub fn is_empty(&self) -> bool {
        self.exits.is_empty()
            && self.supervisor.is_empty()
            && self.processes.is_empty()
            && self.environs.is_empty()
            && self.shell.is_empty()
            && self.containers.is_empty()
            && self.units.is_empty()
    }

    /// The server process: the last `mysqld` seen.
    pub fn server_process(&self) -> Option<&Process> {
        self.processes.iter().rev().find(|p| p.is_server())
    }

    /// The server's environment: the one for the server's PID, else the only one seen.
    pub fn server_environ(&self) -> Option<&Environ> {
        let pid = self.server_process().map(|p| p.pid);
        self.environs
            .iter()
            .rev()
            .find(|e| e.pid.is_some() && e.pid == pid)
            .or_else(|| if self.environs.len() == 1 { self.environs.first() } else { None })
    }
}
