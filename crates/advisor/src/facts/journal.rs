//! Run-time observations from the journal, `systemctl status` and `systemctl show`'s runtime
//! properties: how mysqld's main process ended ([`Exit`]), what the service manager did next
//! ([`Supervised`]), the unit's state ([`UnitState`]) and the processes of its cgroup.
//!
//! Facts followed (`runtime-and-launchers.md`):
//! - §1.2: the journal's unit messages. `… scheduling restart.` followed by `Scheduled restart
//!   job, restart counter is at N.` is one restart (one event, with the counter, covering both
//!   lines); `Starting D...` followed by `Started D.` is one start; `Start request repeated too
//!   quickly` and `Failed with result 'start-limit-hit'` give one `StartLimitHit` (plus the
//!   `Failed`); v219's `Unit U entered failed state.` / `U failed.` give `Failed` with an empty
//!   result (unknown) unless a `Failed with result` for the unit came just before.
//! - §1.3: job messages (`Started D.`) name only the description: their owner is the unit the
//!   nearest earlier unit message named, else the excerpt's unit (`journalctl -u U`, else the
//!   first unit any line names).
//! - §2.1: `systemctl status` is a snapshot after its journal tail: the tail's events come first,
//!   then the snapshot's (`Main PID:` exit, `Active:`), each skipped when the tail already says
//!   the same (the tail's last exit for the unit is the same; an event of the same kind follows
//!   the tail's last exit). `Active: activating (auto-restart)` → `RestartScheduled`,
//!   `(Result: start-limit-hit)` (v219: `start-limit`) →
//!   `StartLimitHit`, `failed (Result: r)` → `Failed`, `active (running)` → `Started`,
//!   `inactive (dead)` → no event (the state is kept in [`UnitState`]).
//! - §2.2: `systemctl show`: `ExecMainCode=` 1/2/3 (exited/killed/dumped) with `ExecMainStatus=`
//!   is an exit (0: none, e.g. while running); `NRestarts=N` > 0 → `RestartScheduled { N }`;
//!   `Result=start-limit-hit` → `StartLimitHit`; `ActiveState=failed` with another result →
//!   `Failed`. The numeric codes are Linux's `CLD_*` values (§2.2 says they were not re-read in a
//!   header).

use crate::redact;
use crate::source::Source;
use crate::syntax::document::{Document, Parsed};
use crate::syntax::journal::{Event, ExitCode, ExitDetail, Journal, What};
use crate::syntax::systemctl_show::ShowUnit;
use crate::syntax::systemctl_status::StatusDoc;

use super::observed::{Ending, Exit, Observed, Observer, Process, Supervised, SupervisorEvent, UnitState};
use super::{Facts, Loc};

/// Fills `f.observed` (exits, supervisor events, unit states, processes) from journals,
/// `systemctl status` and `systemctl show` documents, in input order.
pub(crate) fn collect(f: &mut Facts, _sources: &[Source<'_>], docs: &[Document]) {
    for d in docs {
        match &d.parsed {
            Parsed::Journal(j) => journal(&mut f.observed, d.input, j, j.unit.as_deref()),
            Parsed::SystemctlStatus(s) => status(&mut f.observed, d.input, s),
            Parsed::Show(show) => {
                for u in &show.units {
                    show_unit(&mut f.observed, d.input, u);
                }
            }
            _ => {}
        }
    }
}

fn journal(obs: &mut Observed, input: usize, j: &Journal, default_unit: Option<&str>) {
    let mut last_unit: Option<String> = default_unit.map(str::to_owned);
    // The supervisor event a `Starting D...` line just pushed: a `Started D.` right after it (for
    // the same unit) is the same start.
    let mut starting: Option<usize> = None;
    for line in &j.lines {
        let What::Unit(m) = &line.what else { continue };
        let pending = starting.take();
        if let Some(u) = &m.unit {
            last_unit = Some(u.text.clone());
        }
        let owner = last_unit.clone();
        let at = Loc { input, range: line.range };
        let by = Observer::Journal;
        match &m.event {
            Event::MainExited(d) => {
                if let Some(ending) = ending(d) {
                    obs.exits.push(Exit { ending, owner, at, by });
                }
            }
            Event::FailedWithResult(r) => {
                if r == "start-limit-hit"
                    && !last_is(obs, &owner, |e| matches!(e, SupervisorEvent::StartLimitHit))
                {
                    push(obs, SupervisorEvent::StartLimitHit, &owner, at, by);
                }
                push(obs, SupervisorEvent::Failed { result: r.clone() }, &owner, at, by);
            }
            Event::EnteredFailed => {
                if !last_is(obs, &owner, |e| matches!(e, SupervisorEvent::Failed { .. })) {
                    push(obs, SupervisorEvent::Failed { result: String::new() }, &owner, at, by);
                }
            }
            Event::SchedulingRestart => {
                push(obs, SupervisorEvent::RestartScheduled { counter: None }, &owner, at, by)
            }
            Event::RestartJob { counter } => {
                if let Some(last) = last_of(obs, &owner)
                    && last.event == (SupervisorEvent::RestartScheduled { counter: None })
                    && last.at.input == input
                {
                    last.event = SupervisorEvent::RestartScheduled { counter: *counter };
                    last.at.range = last.at.range.cover(line.range);
                } else {
                    push(obs, SupervisorEvent::RestartScheduled { counter: *counter }, &owner, at, by);
                }
            }
            Event::StartLimit => push(obs, SupervisorEvent::StartLimitHit, &owner, at, by),
            Event::Deactivated => push(obs, SupervisorEvent::Deactivated, &owner, at, by),
            Event::StartTimedOut => push(obs, SupervisorEvent::StartTimedOut, &owner, at, by),
            Event::Stopped { .. } => push(obs, SupervisorEvent::Stopped, &owner, at, by),
            Event::Starting { .. } => {
                push(obs, SupervisorEvent::Started, &owner, at, by);
                starting = Some(obs.supervisor.len() - 1);
            }
            Event::Started { .. } => {
                if let Some(last) = pending.and_then(|k| obs.supervisor.get_mut(k))
                    && last.owner == owner
                {
                    last.at.range = last.at.range.cover(line.range);
                } else {
                    push(obs, SupervisorEvent::Started, &owner, at, by);
                }
            }
            Event::FailedToStart { .. } => push(obs, SupervisorEvent::FailedToStart, &owner, at, by),
        }
    }
}

fn status(obs: &mut Observed, input: usize, s: &StatusDoc) {
    let owner = Some(s.unit.text.clone()).filter(|u| !u.is_empty());
    let (tail_exits, tail_events) = (obs.exits.len(), obs.supervisor.len());
    if let Some(j) = &s.journal {
        journal(obs, input, j, owner.as_deref());
    }
    // The tail's events of the current cycle (after its last exit for the unit): the snapshot
    // restates them.
    let cut = obs.exits[tail_exits..].iter().rev().find(|e| e.owner == owner).map_or(0, |e| e.at.range.start);
    let current: Vec<std::mem::Discriminant<SupervisorEvent>> = obs.supervisor[tail_events..]
        .iter()
        .filter(|e| e.owner == owner && e.at.range.start >= cut)
        .map(|e| std::mem::discriminant(&e.event))
        .collect();
    let by = Observer::SystemctlStatus;
    // The exit the snapshot shows, unless the tail's last exit for the unit is the same one.
    if let Some(m) = &s.main_pid
        && let Some(d) = &m.exit
        && let Some(ending) = ending(d)
    {
        let tail_same = obs.exits[tail_exits..]
            .iter()
            .rev()
            .find(|e| e.owner == owner)
            .is_some_and(|e| e.ending == ending);
        if !tail_same {
            obs.exits.push(Exit { ending, owner: owner.clone(), at: Loc { input, range: m.range }, by });
        }
    }
    if let Some(a) = &s.active {
        let at = Loc { input, range: a.range };
        let mut events = Vec::new();
        if a.sub.as_deref() == Some("auto-restart") {
            events.push(SupervisorEvent::RestartScheduled { counter: None });
        }
        match a.result.as_deref() {
            // v219 prints `start-limit`.
            Some("start-limit-hit" | "start-limit") => events.push(SupervisorEvent::StartLimitHit),
            Some(r) if a.state == "failed" => events.push(SupervisorEvent::Failed { result: r.to_owned() }),
            _ => {}
        }
        if a.state == "active" && a.sub.as_deref() == Some("running") {
            events.push(SupervisorEvent::Started);
        }
        for e in events {
            if !current.contains(&std::mem::discriminant(&e)) {
                push(obs, e, &owner, at, by);
            }
        }
    }
    let at = s.active.as_ref().map(|a| a.range).unwrap_or(s.header);
    obs.units.push(UnitState {
        name: owner.clone(),
        active: s.active.as_ref().map(|a| a.state.clone()),
        sub: s.active.as_ref().and_then(|a| a.sub.clone()),
        result: s.active.as_ref().and_then(|a| a.result.clone()),
        restarts: None,
        main_pid: s.main_pid.as_ref().map(|m| m.pid),
        status_text: s.status_text.as_ref().map(|t| t.text.clone()),
        at: Loc { input, range: at },
        by,
    });
    // Processes: the CGroup tree (whole command lines), and the running main PID when the tree
    // does not list it. The tree nests cgroups, not processes: no parent is known.
    for p in &s.cgroup {
        obs.processes.push(Process {
            pid: p.pid,
            ppid: None,
            command: redact::mask(&p.command.text).into_owned(),
            at: Loc { input, range: p.range },
        });
    }
    if let Some(m) = &s.main_pid
        && let Some(comm) = &m.comm
        && !s.cgroup.iter().any(|p| p.pid == m.pid)
    {
        obs.processes.push(Process {
            pid: m.pid,
            ppid: None,
            command: comm.clone(),
            at: Loc { input, range: m.range },
        });
    }
}

fn show_unit(obs: &mut Observed, input: usize, u: &ShowUnit) {
    let get = |n: &str| u.get(n).map(|p| p.value.trim().to_owned()).filter(|v| !v.is_empty());
    let runtime = ["ActiveState", "SubState", "Result", "NRestarts", "MainPID", "ExecMainCode"];
    if !runtime.iter().any(|n| u.get(n).is_some()) {
        return;
    }
    let owner = u.unit_name();
    let by = Observer::SystemctlShow;
    let range_of = |n: &str| u.get(n).map(|p| p.range);
    let unit_at = Loc { input, range: range_of("ActiveState").unwrap_or(u.range) };
    // The last exit: ExecMainCode= 1 exited, 2 killed, 3 dumped (0: none).
    if let (Some(code), Some(status)) =
        (get("ExecMainCode"), get("ExecMainStatus").and_then(|s| s.parse::<i32>().ok()))
    {
        let code = match code.as_str() {
            "1" => Some(ExitCode::Exited),
            "2" => Some(ExitCode::Killed),
            "3" => Some(ExitCode::Dumped),
            _ => None,
        };
        if let Some(code) = code {
            let d = ExitDetail { code, status: Some(status), signal: None };
            let mut range = range_of("ExecMainCode").unwrap_or(u.range);
            if let Some(r) = range_of("ExecMainStatus") {
                range = range.cover(r);
            }
            if let Some(ending) = ending(&d) {
                obs.exits.push(Exit { ending, owner: owner.clone(), at: Loc { input, range }, by });
            }
        }
    }
    let restarts = get("NRestarts").and_then(|n| n.parse::<u32>().ok());
    if let Some(n) = restarts.filter(|n| *n > 0) {
        let at = Loc { input, range: range_of("NRestarts").unwrap_or(u.range) };
        push(obs, SupervisorEvent::RestartScheduled { counter: Some(n) }, &owner, at, by);
    }
    let result = get("Result");
    let active = get("ActiveState");
    let result_at = Loc { input, range: range_of("Result").unwrap_or(u.range) };
    match result.as_deref() {
        Some("start-limit-hit" | "start-limit") => {
            push(obs, SupervisorEvent::StartLimitHit, &owner, result_at, by)
        }
        Some(r) if r != "success" && active.as_deref() == Some("failed") => {
            push(obs, SupervisorEvent::Failed { result: r.to_owned() }, &owner, result_at, by)
        }
        _ => {}
    }
    let main_pid = get("MainPID")
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| *p != 0)
        .or_else(|| get("ExecMainPID").and_then(|p| p.parse::<u32>().ok()).filter(|p| *p != 0));
    obs.units.push(UnitState {
        name: owner,
        active,
        sub: get("SubState"),
        result,
        restarts,
        main_pid,
        status_text: get("StatusText"),
        at: unit_at,
        by,
    });
}

fn push(obs: &mut Observed, event: SupervisorEvent, owner: &Option<String>, at: Loc, by: Observer) {
    obs.supervisor.push(Supervised { event, owner: owner.clone(), at, by });
}

/// How far back the last event of a unit is looked for (linear time on hostile input: a journal of
/// thousands of distinct units; in real journals the unit's last event is a few lines back).
const LOOKBACK: usize = 64;

fn last_of<'a>(obs: &'a mut Observed, owner: &Option<String>) -> Option<&'a mut Supervised> {
    obs.supervisor.iter_mut().rev().take(LOOKBACK).find(|s| s.owner == *owner)
}

fn last_is(obs: &Observed, owner: &Option<String>, f: impl Fn(&SupervisorEvent) -> bool) -> bool {
    obs.supervisor.iter().rev().take(LOOKBACK).find(|s| s.owner == *owner).is_some_and(|s| f(&s.event))
}

/// The [`Ending`] of an exit detail; signals by name (`TERM`), numbers mapped on Linux.
fn ending(d: &ExitDetail) -> Option<Ending> {
    let signal = || d.signal.clone().or_else(|| d.status.map(signal_name));
    match d.code {
        ExitCode::Exited => d.status.map(Ending::Exited),
        ExitCode::Killed => signal().map(Ending::Killed),
        ExitCode::Dumped => signal().map(Ending::Dumped),
    }
}

/// Linux signal numbers (x86/arm; `signal(7)`) to names; others as the number.
fn signal_name(n: i32) -> String {
    const NAMES: [&str; 32] = [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
        "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];
    usize::try_from(n)
        .ok()
        .and_then(|i| NAMES.get(i))
        .filter(|s| !s.is_empty())
        .map(|s| (*s).to_owned())
        .unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;
    use SupervisorEvent::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../../../tests/fixtures/journal/", $name))
        };
    }

    fn observed(text: &str) -> Observed {
        let sources = [Source::new(0, "t", text)];
        let docs: Vec<Document> = sources.iter().flat_map(detect::split).collect();
        Facts::build(&sources, &docs).observed
    }

    fn exits(o: &Observed) -> Vec<(Ending, Option<&str>, Observer)> {
        o.exits.iter().map(|e| (e.ending.clone(), e.owner.as_deref(), e.by)).collect()
    }

    fn events(o: &Observed) -> Vec<SupervisorEvent> {
        o.supervisor.iter().map(|s| s.event.clone()).collect()
    }

    fn line(text: &str, at: Loc) -> &str {
        &text[at.range.to_usize()]
    }

    const MYSQL: Option<&str> = Some("mysql.service");

    #[test]
    fn sequence_a_exit_16_then_restart() {
        let text = fixture!("seq-a-managed-exit-16-restart.txt");
        let o = observed(text);
        assert_eq!(exits(&o), [(Ending::Exited(16), MYSQL, Observer::Journal)]);
        assert_eq!(
            events(&o),
            [
                Started,
                Failed { result: "exit-code".into() },
                RestartScheduled { counter: Some(1) },
                Stopped,
                Started
            ]
        );
        assert!(o.supervisor.iter().all(|s| s.owner.as_deref() == MYSQL));
        // The merged restart covers both lines; the merged start `Starting…`/`Started…` too.
        let restart = line(text, o.supervisor[2].at);
        assert!(
            restart.contains("RestartSec=100ms expired") && restart.contains("counter is at 1"),
            "{restart}"
        );
        assert!(line(text, o.supervisor[4].at).ends_with("Started MySQL Community Server."));
        assert!(o.units.is_empty());
    }

    #[test]
    fn sequence_b_clean_exit_after_a_clone() {
        for text in [
            fixture!("seq-b-unmanaged-clone-exit-0.txt"),
            fixture!("seq-b-unmanaged-clone-succeeded-v245.txt"),
        ] {
            let o = observed(text);
            assert!(o.exits.is_empty());
            assert_eq!(events(&o), [Started, Deactivated]);
        }
        let o = observed(fixture!("restart-always-after-exit-0.txt"));
        assert_eq!(events(&o), [Deactivated, RestartScheduled { counter: Some(1) }, Started]);
    }

    #[test]
    fn restart_refused_by_the_start_limit() {
        let o = observed(fixture!("seq-start-limit-after-16.txt"));
        assert_eq!(exits(&o), [(Ending::Exited(16), MYSQL, Observer::Journal)]);
        assert_eq!(
            events(&o),
            [
                Failed { result: "exit-code".into() },
                RestartScheduled { counter: Some(5) },
                Stopped,
                StartLimitHit,
                Failed { result: "exit-code".into() },
                FailedToStart,
            ]
        );
    }

    #[test]
    fn other_formats_read_the_same() {
        let a = events(&observed(fixture!("seq-a-managed-exit-16-restart.txt")));
        for text in [fixture!("short-iso.txt"), fixture!("cat-mode.txt")] {
            let o = observed(text);
            assert_eq!(exits(&o), [(Ending::Exited(16), MYSQL, Observer::Journal)]);
            assert_eq!(events(&o), a[1..]);
        }
        let o = observed(fixture!("zh-cn-months.txt"));
        assert_eq!(exits(&o), [(Ending::Exited(16), MYSQL, Observer::Journal)]);
        let o = observed(fixture!("rhel7-v219.txt"));
        assert_eq!(exits(&o), [(Ending::Exited(16), Some("mysqld.service"), Observer::Journal)]);
        assert_eq!(
            events(&o),
            [Failed { result: String::new() }, RestartScheduled { counter: None }, Stopped, Started]
        );
    }

    #[test]
    fn status_snapshots() {
        let o = observed(fixture!("status-new-auto-restart.txt"));
        // The tail's exit is the Main PID's: one exit, from the journal.
        assert_eq!(exits(&o), [(Ending::Exited(16), MYSQL, Observer::Journal)]);
        assert_eq!(
            events(&o),
            [Started, Failed { result: "exit-code".into() }, RestartScheduled { counter: None }]
        );
        assert_eq!(o.supervisor[2].by, Observer::SystemctlStatus);
        let u = &o.units[0];
        assert_eq!(
            (u.active.as_deref(), u.sub.as_deref(), u.result.as_deref(), u.main_pid),
            (Some("activating"), Some("auto-restart"), Some("exit-code"), Some(840))
        );

        let o = observed(fixture!("status-old-v219.txt"));
        assert_eq!(exits(&o), [(Ending::Exited(16), Some("mysqld.service"), Observer::Journal)]);
        assert_eq!(events(&o), [Failed { result: String::new() }, StartLimitHit, FailedToStart]);
        assert_eq!(o.units[0].result.as_deref(), Some("start-limit"));
        // Without the tail, the snapshot alone.
        let text = fixture!("status-old-v219.txt");
        let o = observed(&text[..text.find("\n\n").expect("blank") + 1]);
        assert_eq!(exits(&o), [(Ending::Exited(16), Some("mysqld.service"), Observer::SystemctlStatus)]);
        assert_eq!(events(&o), [StartLimitHit]);

        let text = fixture!("status-inactive-after-clone.txt");
        let o = observed(text);
        assert_eq!(exits(&o), [(Ending::Exited(0), MYSQL, Observer::SystemctlStatus)]);
        assert!(line(text, o.exits[0].at).starts_with("Main PID: 2290"));
        assert_eq!(events(&o), [Started, Deactivated]);
        assert_eq!(
            (o.units[0].active.as_deref(), o.units[0].sub.as_deref()),
            (Some("inactive"), Some("dead"))
        );

        let o = observed(fixture!("status-running-wrapper.txt"));
        assert!(o.exits.is_empty());
        let procs: Vec<(u32, Option<u32>, bool)> =
            o.processes.iter().map(|p| (p.pid, p.ppid, p.is_server())).collect();
        assert_eq!(procs, [(14917, None, false), (16340, None, true)]);
        assert_eq!(o.server_process().map(|p| p.pid), Some(16340));
        assert_eq!(events(&o), [Started]);
    }

    #[test]
    fn show_runtime_properties() {
        let text = fixture!("show-runtime.txt");
        let o = observed(text);
        assert_eq!(exits(&o), [(Ending::Exited(0), MYSQL, Observer::SystemctlShow)]);
        assert_eq!(line(text, o.exits[0].at), "ExecMainCode=1\nExecMainStatus=0");
        assert!(o.supervisor.is_empty());
        let u = &o.units[0];
        assert_eq!((u.active.as_deref(), u.restarts, u.main_pid), (Some("inactive"), Some(0), Some(2290)));
        assert_eq!(u.status_text.as_deref(), Some("Server shutdown complete"));

        let o = observed(fixture!("show-runtime-start-limit.txt"));
        assert_eq!(exits(&o), [(Ending::Exited(16), MYSQL, Observer::SystemctlShow)]);
        assert_eq!(events(&o), [RestartScheduled { counter: Some(5) }, StartLimitHit]);

        // Running: ExecMainCode=0 is no exit.
        let o = observed(fixture!("show-runtime-running.txt"));
        assert!(o.exits.is_empty());
        assert_eq!(events(&o), [RestartScheduled { counter: Some(1) }]);
        assert_eq!(o.units[0].main_pid, Some(1840));

        // Configuration-only `show` output observes nothing.
        let o = observed("Id=mysql.service\nRestart=on-failure\nRestartUSec=100ms\n");
        assert!(o.is_empty());
        // Killed by a signal number.
        let o = observed(
            "Id=mysql.service\nExecMainCode=2\nExecMainStatus=9\nActiveState=failed\nResult=signal\n",
        );
        assert_eq!(exits(&o), [(Ending::Killed("KILL".into()), MYSQL, Observer::SystemctlShow)]);
        assert_eq!(events(&o), [Failed { result: "signal".into() }]);
    }
}
