//! What the input shows *happened*, read from the observations (`facts::observed`), the client
//! errors and the error log: whether mysqld passed the supervisor check, and what its supervisor
//! did after an exit with code 16. Observation outranks the configuration's prediction
//! ([`super::model`]); where the two disagree, `restart-evidence-conflict` says so.
//!
//! Facts followed (`mysql-facts.md` §1.1, §1.4, §2.1; `runtime-and-launchers.md` §1.3, §3, §4.3, §7):
//! - mysqld exits with code 16 only after `RESTART` (or a clone) passed `is_mysqld_managed()`;
//! - after a clone whose restart failed it logs MY-013462 and shuts down cleanly (exit 0); the
//!   client gets ERROR 3707; a plain `RESTART` that fails leaves the server running;
//! - managed ⇔ `atoi(MYSQLD_PARENT_PID) == getppid()` (a parent outside the PID namespace is 0);
//! - after exit 16 the journal shows `Scheduled restart job` (restarted), `Start request repeated
//!   too quickly` (refused), or only `Failed with result` / `Deactivated` (nothing restarts it);
//!   `docker ps` shows `Restarting (16)` or `Exited (16)`.
//!
//! A pure function of the facts; every conclusion keeps the lines it rests on.

use crate::facts::Facts;
use crate::facts::Loc;
use crate::facts::observed::{Ending, Observer, SupervisorEvent};

/// What decided the observed supervisor check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CheckSeen {
    /// mysqld exited with code 16: `RESTART` or a clone passed the check.
    Exit16,
    /// ERROR 3707 (`Restart server failed (mysqld is not managed by supervisor process)`).
    Error3707,
    /// MY-013462, `Clone shutting down server as RESTART failed`.
    ShutdownTrace,
    /// A clean exit (code 0, `Deactivated successfully`, `Exited (0)`, `Completed`) after a clone.
    CleanExitAfterClone,
    /// The running mysqld's parent and `MYSQLD_PARENT_PID` (from `/proc` or `ps`).
    Process { ppid: u32, value: Option<String> },
}

/// The observed supervisor check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Check {
    pub managed: bool,
    pub why: CheckSeen,
    /// The lines it rests on, most telling first.
    pub at: Vec<Loc>,
}

/// What happened after an exit with code 16.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum After16 {
    /// A restart was scheduled or the server was started again.
    Restarted,
    /// The supervisor refused to start it (`Start request repeated too quickly`).
    Refused,
    /// The unit or container stayed down.
    StayedDown,
}

/// Everything observed that bears on the `clone_restart` question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Seen {
    pub check: Option<Check>,
    /// What followed exit 16, with the exit's line and the deciding line.
    pub after16: Option<(After16, Vec<Loc>)>,
    /// A MySQL Shell waited for the server to come back and gave up (`… timeout`, MYSQLSH 51156).
    pub shell_timeout: Option<Loc>,
    /// A clean exit seen without anything showing a clone before it (a normal stop, or the clone's
    /// statement is not in the input).
    pub clean_exit: Option<Loc>,
}

/// Reads what happened.
pub(crate) fn of(f: &Facts) -> Seen {
    let o = &f.observed;
    let mut seen = Seen::default();

    // Exits, in input order, with the supervisor events after each.
    let mut events: Vec<(Loc, Option<&Ending>, Option<&SupervisorEvent>, Observer)> = Vec::new();
    events.extend(o.exits.iter().map(|e| (e.at, Some(&e.ending), None, e.by)));
    events.extend(o.supervisor.iter().map(|s| (s.at, None, Some(&s.event), s.by)));
    crate::sort::sort_by_key(&mut events, |e| (e.0.input, e.0.range.start));

    let clone_seen = clone_evidence(f);
    let mut exit16: Option<Loc> = None;
    let mut clean: Option<Loc> = None;
    for (i, (at, ending, event, _)) in events.iter().enumerate() {
        match (ending, event) {
            (Some(Ending::Exited(16)), _) => {
                exit16 = Some(*at);
                let after = &events[i + 1..];
                let decided = after.iter().find_map(|(a, _, ev, _)| match ev {
                    Some(SupervisorEvent::RestartScheduled { .. } | SupervisorEvent::Started) => {
                        Some((After16::Restarted, *a))
                    }
                    Some(SupervisorEvent::StartLimitHit) => Some((After16::Refused, *a)),
                    _ => None,
                });
                let down = after.iter().find_map(|(a, _, ev, _)| match ev {
                    Some(SupervisorEvent::Deactivated | SupervisorEvent::Failed { .. }) => Some(*a),
                    _ => None,
                });
                seen.after16 = match (decided, down) {
                    (Some((what, a)), _) => Some((what, vec![*at, a])),
                    (None, Some(a)) => Some((After16::StayedDown, vec![*at, a])),
                    (None, None) => seen.after16.take(),
                };
            }
            (Some(Ending::Exited(0)), _) | (None, Some(SupervisorEvent::Deactivated)) => clean = Some(*at),
            _ => {}
        }
    }
    // Container state: the last exit code, and whether the runtime is restarting it.
    for c in &o.containers {
        let Some(code) = &c.exit_code else { continue };
        let status = c.status.as_ref().map(|s| s.value.to_ascii_lowercase()).unwrap_or_default();
        match code.value {
            16 => {
                exit16 = Some(code.at);
                let restarted = status.starts_with("restarting")
                    || status.starts_with("up")
                    || status.starts_with("running")
                    || c.restart_count.as_ref().is_some_and(|n| n.value > 0);
                let down = status.starts_with("exited") || status.starts_with("terminated");
                if restarted {
                    seen.after16 = Some((After16::Restarted, vec![code.at]));
                } else if down {
                    seen.after16 = Some((After16::StayedDown, vec![code.at]));
                }
            }
            0 => clean = Some(code.at),
            _ => {}
        }
    }

    // The supervisor check, most direct evidence first: the process itself, then exit 16 (only a
    // managed server exits 16), then the failure's own traces.
    if let Some(c) = process_check(f) {
        seen.check = Some(c);
    } else if let Some(at) = exit16 {
        seen.check = Some(Check { managed: true, why: CheckSeen::Exit16, at: vec![at] });
    } else if let Some(e) = f.client_errors.iter().find(|e| e.code == 3707) {
        seen.check = Some(Check { managed: false, why: CheckSeen::Error3707, at: vec![e.at] });
    } else if let Some(at) = shutdown_trace(f) {
        seen.check = Some(Check { managed: false, why: CheckSeen::ShutdownTrace, at: vec![at] });
    } else if let (Some(at), Some(clone_at)) = (clean, clone_seen) {
        seen.check =
            Some(Check { managed: false, why: CheckSeen::CleanExitAfterClone, at: vec![at, clone_at] });
    }
    if seen.check.as_ref().is_none_or(|c| c.why != CheckSeen::CleanExitAfterClone) && clone_seen.is_none() {
        seen.clean_exit = clean;
    }
    seen.shell_timeout = o.shell.iter().find_map(|s| match s.event {
        crate::facts::observed::ShellEvent::RestartTimeout
        | crate::facts::observed::ShellEvent::Error51156 => Some(s.at),
        _ => None,
    });
    seen
}

/// The running server's parent against its `MYSQLD_PARENT_PID` (the `atoi(value) == getppid()`
/// rule; an unset variable is not managed).
fn process_check(f: &Facts) -> Option<Check> {
    let m = f.observed.managed()?;
    let mut at = vec![m.process_at];
    at.push(m.parent_pid_var.as_ref().map_or(m.environ_at, |v| v.at));
    Some(Check {
        managed: m.managed,
        why: CheckSeen::Process { ppid: m.ppid, value: m.parent_pid_var.map(|v| v.value) },
        at,
    })
}

/// MY-013462 in the error log.
fn shutdown_trace(f: &Facts) -> Option<Loc> {
    f.log_events
        .iter()
        .find(|e| e.code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("MY-013462")))
        .map(|e| e.at)
}

/// Something showing that a clone ran: a `CLONE` statement, a clone's error-log lines, ERROR
/// 3707, or a MySQL Shell clone.
fn clone_evidence(f: &Facts) -> Option<Loc> {
    f.clone_scan
        .clones
        .first()
        .map(|s| s.at)
        .or_else(|| f.client_errors.iter().find(|e| e.code == 3707).map(|e| e.at))
        .or_else(|| shutdown_trace(f))
        .or_else(|| {
            f.observed.shell.iter().find_map(|s| match s.event {
                crate::facts::observed::ShellEvent::RestartExpected
                | crate::facts::observed::ShellEvent::StageRestartCompleted => Some(s.at),
                _ => None,
            })
        })
}
