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

use super::launch::atoi;
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
    /// `docker ps`, `docker inspect`.
    Docker,
    /// `kubectl describe pod`, `kubectl get pod -o yaml|json`.
    Kubernetes,
    /// supervisord's log.
    Supervisord,
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
    #[cfg(test)]
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

/// `NSpid:` of `/proc/<pid>/status`: the process's PID in each nested PID namespace, outermost
/// first (`48213\t1`: PID 1 of a container, seen from the host; `runtime-and-launchers.md` §3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NsPids {
    pub pid: u32,
    pub pids: Vec<u32>,
    pub at: Loc,
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
    /// `* Waiting for clone to finish...`: the Shell watched a clone (§4.2).
    WaitingForClone,
    /// `NOTE: <instance> is being cloned from <donor>`.
    BeingCloned { donor: String },
    /// `** Stage <name>: <state>` for stages other than a completed RESTART (`DROP DATA`,
    /// `FILE COPY`, …).
    Stage { name: String, state: String },
    /// `NOTE: <instance> is shutting down...` (the server said ER_SERVER_SHUTDOWN).
    ShuttingDown,
    /// `NOTE: Connection to server lost, restart probably in progress...`.
    ConnectionLost,
    /// `WARNING: Clone process appears to have finished and tried to restart the MySQL server, but
    /// it has not yet started back up.` (§4.3).
    NotBackUp,
    /// `Please make sure the MySQL server at '<instance>' is restarted and call <Cluster>.rescan()`
    /// (`cluster: true`, §4.3 a) or `… is properly restarted. The operation will be reverted…`
    /// (`cluster: false`: ReplicaSet, read replicas, ClusterSet, §4.3 b).
    RescanAdvice { cluster: bool },
    /// `Reverting topology changes...` (ReplicaSet after a restart timeout).
    Reverting,
    /// Another Shell error, `(MYSQLSH <code>)` (51156 is [`ShellEvent::Error51156`]).
    ShellError { code: u32 },
    /// `Please restart MySQL manually` after `dba.configureInstance`'s remote restart failed (§4.4).
    RestartManually,
}

/// One MySQL Shell event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShellSeen {
    pub event: ShellEvent,
    /// The instance (`host:port`) the event names, when it does.
    pub instance: Option<String>,
    pub at: Loc,
}

/// A step of a Group Replication distributed recovery by clone, from the error log
/// (`runtime-and-launchers.md` §5.1; ids from `messages_to_error_log.txt`, per-release ids NOT
/// verified).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum GrCloneStep {
    /// MY-013469 (threshold) / MY-013470 (purged): "This member will start distributed recovery
    /// using clone."
    Chosen,
    /// MY-013471 "Distributed recovery will transfer data using: Cloning from a remote group donor."
    Cloning,
    /// MY-013464 "There was an issue when configuring the remote cloning process: …".
    PrepareError,
    /// MY-013465 "There was an issue when cloning from another server: Error number: N …"; the
    /// number when the line gives it (3707: the clone's RESTART failed, §5.2).
    CloneError { code: Option<u32> },
    /// MY-013472: fell back to incremental recovery.
    Fallback,
    /// MY-013473: no fallback, the member leaves the group.
    NoFallback,
}

/// One Group Replication clone-recovery line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GrCloneSeen {
    pub step: GrCloneStep,
    pub at: Loc,
}

/// A container's state (`docker ps`, `docker inspect`, `kubectl`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ContainerState {
    pub name: Option<String>,
    /// Docker: `State.Status` (`running`, `exited`, `restarting`, `created`, `paused`, `dead`; a
    /// `docker ps` STATUS is mapped to these). Kubernetes: `Running`, `Waiting`, `Terminated`.
    pub status: Option<Valued<String>>,
    /// The last exit code (`Exited (16)`, `State.ExitCode`, `Last State: … Exit Code`).
    pub exit_code: Option<Valued<i32>>,
    /// `RestartCount`, `Restart Count:`.
    pub restart_count: Option<Valued<u32>>,
    /// The restart policy (`HostConfig.RestartPolicy.Name`, `restartPolicy`).
    pub policy: Option<Valued<String>>,
    /// The Kubernetes reason (`Completed`, `Error`, `CrashLoopBackOff`, `OOMKilled`): the current
    /// state's.
    pub reason: Option<Valued<String>>,
    /// The image (`IMAGE`, `Config.Image`, `Image:`, `image:`).
    pub image: Option<Valued<String>>,
    /// The Kubernetes last state's reason (`Last State: Terminated` … `Reason: Completed`), apart
    /// from the current state's `reason`.
    pub last_reason: Option<Valued<String>>,
    pub at: Loc,
    pub by: Option<Observer>,
}

/// The supervisor check as observed ([`Observed::managed`]), with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Managed {
    /// `atoi(MYSQLD_PARENT_PID) == ppid` with the variable set.
    pub managed: bool,
    /// The server's PID and its parent's.
    pub pid: u32,
    pub ppid: u32,
    /// `MYSQLD_PARENT_PID`'s value where it was read; `None` when the environment does not set it.
    pub parent_pid_var: Option<Valued<String>>,
    /// Where the parent PID was read.
    pub process_at: Loc,
    /// The environment (the whole document).
    pub environ_at: Loc,
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
    /// `NSpid:` lists from `/proc/<pid>/status` (added with the process views).
    pub nspids: Vec<NsPids>,
    pub shell: Vec<ShellSeen>,
    pub containers: Vec<ContainerState>,
    /// Group Replication distributed-recovery-by-clone lines from the error log (§5). When any is
    /// `Chosen` or `Cloning`, the clone (and its restart) belonged to a GR distributed recovery:
    /// after a manual start the member rejoins by itself only with
    /// `group_replication_start_on_boot=ON`, else `START GROUP_REPLICATION`; under the Shell,
    /// `<Cluster>.rescan()` (§5.4; catalog `shell.gr-after-manual-start-*`, `shell.rescan-advice`).
    pub group_replication: Vec<GrCloneSeen>,
    /// Unit state snapshots (`systemctl status`, `systemctl show`).
    pub units: Vec<UnitState>,
}

impl Observed {
    /// True when nothing was observed.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.exits.is_empty()
            && self.supervisor.is_empty()
            && self.processes.is_empty()
            && self.environs.is_empty()
            && self.shell.is_empty()
            && self.containers.is_empty()
            && self.group_replication.is_empty()
            && self.units.is_empty()
    }

    /// True when the error log shows the clone was a Group Replication distributed recovery.
    pub fn gr_clone_recovery(&self) -> bool {
        self.group_replication.iter().any(|g| matches!(g.step, GrCloneStep::Chosen | GrCloneStep::Cloning))
    }

    /// The server process: the last `mysqld` seen.
    pub fn server_process(&self) -> Option<&Process> {
        self.processes.iter().rev().find(|p| p.is_server())
    }

    /// Whether the server process is managed by the supervisor check mysqld makes (mysql-facts
    /// §1.1; `runtime-and-launchers.md` §3): managed ⇔ `MYSQLD_PARENT_PID` is set in its
    /// environment and `atoi(value) == getppid()`. An unset variable is not managed; a PPID of 0
    /// (a parent outside the PID namespace: a container's PID 1) compares the same way, so `0`,
    /// an empty value or garbage (atoi gives 0) is managed there. `None` when the server's parent
    /// PID or its environment was not observed.
    pub fn managed(&self) -> Option<Managed> {
        let server = self.server_process()?;
        // The parent may come from another view of the same PID (`ps aux` has no PPID column,
        // `/proc/<pid>/status` does).
        let with_ppid = self.processes.iter().rev().find(|p| p.pid == server.pid && p.ppid.is_some())?;
        let ppid = with_ppid.ppid?;
        let environ = self.server_environ()?;
        let value = environ.var("MYSQLD_PARENT_PID").cloned();
        let managed = value.as_ref().is_some_and(|v| atoi(&v.value) == i64::from(ppid));
        Some(Managed {
            managed,
            pid: server.pid,
            ppid,
            parent_pid_var: value,
            process_at: with_ppid.at,
            environ_at: environ.at,
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextRange;

    fn at(n: u32) -> Loc {
        Loc { input: 0, range: TextRange::new(n, n + 1) }
    }

    /// An environment for the tests: its PID and variables.
    type Env<'a> = Option<(Option<u32>, &'a [(&'a str, &'a str)])>;

    fn observed(procs: &[(u32, Option<u32>, &str)], env: Env<'_>) -> Observed {
        let mut o = Observed::default();
        for (i, &(pid, ppid, command)) in procs.iter().enumerate() {
            o.processes.push(Process { pid, ppid, command: command.to_owned(), at: at(i as u32) });
        }
        if let Some((pid, vars)) = env {
            let vars =
                vars.iter().map(|(n, v)| ((*n).to_owned(), Valued::new((*v).to_owned(), at(100)))).collect();
            o.environs.push(Environ { pid, vars, at: at(99) });
        }
        o
    }

    fn managed(o: &Observed) -> Option<bool> {
        o.managed().map(|m| m.managed)
    }

    #[test]
    fn systemd_unit_sets_one_and_is_the_parent() {
        let o =
            observed(&[(840, Some(1), "/usr/sbin/mysqld")], Some((Some(840), &[("MYSQLD_PARENT_PID", "1")])));
        let m = o.managed().expect("decidable");
        assert!(m.managed);
        assert_eq!((m.pid, m.ppid), (840, 1));
        assert_eq!(m.parent_pid_var.map(|v| v.value), Some("1".to_owned()));
    }

    #[test]
    fn a_wrapper_shell_is_the_parent() {
        let o = observed(
            &[
                (2231, Some(1), "/bin/sh /usr/local/bin/start-mysql.sh"),
                (2240, Some(2231), "/usr/sbin/mysqld"),
            ],
            Some((Some(2240), &[("MYSQLD_PARENT_PID", "1")])),
        );
        assert_eq!(managed(&o), Some(false));
    }

    #[test]
    fn container_pid_1_without_the_variable_is_not_managed() {
        let o = observed(&[(1, Some(0), "mysqld")], Some((Some(1), &[("HOME", "/var/lib/mysql")])));
        let m = o.managed().expect("decidable");
        assert!(!m.managed);
        assert!(m.parent_pid_var.is_none());
        // With the variable set to 0, empty or garbage, atoi gives 0: the parent outside the
        // namespace compares equal.
        for v in ["0", "", "garbage", " 0x1"] {
            let o = observed(&[(1, Some(0), "mysqld")], Some((Some(1), &[("MYSQLD_PARENT_PID", v)])));
            assert_eq!(managed(&o), Some(true), "{v:?}");
        }
    }

    #[test]
    fn mysqld_safe_sets_its_own_pid() {
        let o = observed(
            &[
                (820, Some(1), "/bin/sh /usr/bin/mysqld_safe"),
                (990, Some(820), "/usr/sbin/mysqld --basedir=/usr"),
            ],
            Some((Some(990), &[("MYSQLD_PARENT_PID", "820")])),
        );
        assert_eq!(managed(&o), Some(true));
    }

    #[test]
    fn garbage_and_atoi_prefixes() {
        let procs = [(840, Some(1), "/usr/sbin/mysqld")];
        for (v, want) in [("abc", false), (" 1abc", true), ("+1", true), ("$MANAGERPID", false), ("01", true)]
        {
            let o = observed(&procs, Some((Some(840), &[("MYSQLD_PARENT_PID", v)])));
            assert_eq!(managed(&o), Some(want), "{v:?}");
        }
    }

    #[test]
    fn undecidable_without_parent_or_environment() {
        assert_eq!(managed(&observed(&[(840, Some(1), "/usr/sbin/mysqld")], None)), None);
        let env = Some((Some(840), &[("MYSQLD_PARENT_PID", "1")][..]));
        assert_eq!(managed(&observed(&[(840, None, "/usr/sbin/mysqld")], env)), None);
        // `ps aux` (no PPID) plus `/proc/840/status` (PPid): the parent comes from the latter.
        let o = observed(&[(840, Some(1), "mysqld"), (840, None, "/usr/sbin/mysqld")], env);
        assert_eq!(managed(&o), Some(true));
    }
}
