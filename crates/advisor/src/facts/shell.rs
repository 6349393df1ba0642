//! MySQL Shell observations and Group Replication clone recovery.
//!
//! From each `mysqlsh` document: the Shell events into `Observed.shell`, and the MySQL errors the
//! Shell printed (`MySQL Error 3707 (HY000): …`, JS/Python/SQL modes) into `Facts.client_errors`,
//! so the clone rules see a 3707 whatever printed it (`runtime-and-launchers.md` §4.5, §6).
//! From the error-log events: the Group Replication distributed-recovery-by-clone lines (§5.1)
//! into `Observed.group_replication`.

use super::observed::{GrCloneSeen, GrCloneStep, ShellEvent, ShellSeen};
use super::{ClientErrorEvent, Facts, Loc};
use crate::source::Source;
use crate::syntax::document::{Document, Parsed};
use crate::syntax::mysqlsh::ShellLineKind;

/// Fills `f.observed.shell`, `f.observed.group_replication` and the Shell's client errors. Runs
/// after `mysql::collect` (it reads `f.log_events`).
pub(crate) fn collect(f: &mut Facts, _sources: &[Source<'_>], docs: &[Document]) {
    let before = f.client_errors.len();
    for d in docs {
        let Parsed::Shell(doc) = &d.parsed else { continue };
        let loc = |r| Loc { input: d.input, range: r };
        for l in &doc.lines {
            let event = match &l.kind {
                ShellLineKind::Operation { name } => ShellEvent::Operation { name: name.clone() },
                ShellLineKind::RestartExpected => ShellEvent::RestartExpected,
                ShellLineKind::WaitingForClone => ShellEvent::WaitingForClone,
                ShellLineKind::BeingCloned { donor } => ShellEvent::BeingCloned { donor: donor.clone() },
                ShellLineKind::Stage { name, state } => {
                    if name.eq_ignore_ascii_case("RESTART") && state.eq_ignore_ascii_case("Completed") {
                        ShellEvent::StageRestartCompleted
                    } else {
                        ShellEvent::Stage { name: name.clone(), state: state.clone() }
                    }
                }
                ShellLineKind::ShuttingDown => ShellEvent::ShuttingDown,
                ShellLineKind::ConnectionLost => ShellEvent::ConnectionLost,
                // `error` counts as not coming back, like `timeout` (§4.1: the spinner's `done`).
                ShellLineKind::RestartWait { outcome } if outcome == "ready" => ShellEvent::RestartReady,
                ShellLineKind::RestartWait { .. } => ShellEvent::RestartTimeout,
                ShellLineKind::HasRestarted => ShellEvent::HasRestarted,
                ShellLineKind::CloneFinished => ShellEvent::CloneFinished,
                ShellLineKind::NotBackUp => ShellEvent::NotBackUp,
                ShellLineKind::RescanAdvice { cluster } => ShellEvent::RescanAdvice { cluster: *cluster },
                ShellLineKind::Reverting => ShellEvent::Reverting,
                ShellLineKind::ShellError { code: 51156 } => ShellEvent::Error51156,
                ShellLineKind::ShellError { code } => ShellEvent::ShellError { code: *code },
                ShellLineKind::RestartManually => ShellEvent::RestartManually,
            };
            f.observed.shell.push(ShellSeen { event, instance: l.instance.clone(), at: loc(l.range) });
        }
        for e in &doc.errors {
            f.client_errors.push(ClientErrorEvent {
                at: loc(e.range),
                code: e.code,
                sqlstate: e.sqlstate.as_ref().map(|s| s.text.clone()),
                message: e.message.text.clone(),
            });
        }
    }
    if f.client_errors.len() > before {
        crate::sort::sort_by_key(&mut f.client_errors, |e| (e.at.input, e.at.range.start));
    }
    for e in &f.log_events {
        if let Some(step) = gr_step(e.code.as_deref(), &e.message) {
            f.observed.group_replication.push(GrCloneSeen { step, at: e.at });
        }
    }
}

/// The Group Replication clone-recovery step of an error-log line, by its id or (when the id was
/// cut off) its text (§5.1).
fn gr_step(code: Option<&str>, message: &str) -> Option<GrCloneStep> {
    let id = code.map(|c| c.trim_start_matches("MY-").trim_start_matches('0'));
    let by_id = match id {
        Some("13469" | "13470") => Some(GrCloneStep::Chosen),
        Some("13471") if message.contains("Cloning from a remote group donor") => Some(GrCloneStep::Cloning),
        Some("13464") => Some(GrCloneStep::PrepareError),
        Some("13465") => Some(GrCloneStep::CloneError { code: error_number(message) }),
        Some("13472") => Some(GrCloneStep::Fallback),
        Some("13473") => Some(GrCloneStep::NoFallback),
        _ => None,
    };
    if by_id.is_some() || code.is_some() {
        return by_id;
    }
    if message.contains("will start distributed recovery using clone") {
        Some(GrCloneStep::Chosen)
    } else if message
        .contains("Distributed recovery will transfer data using: Cloning from a remote group donor")
    {
        Some(GrCloneStep::Cloning)
    } else if message.contains("There was an issue when cloning from another server") {
        Some(GrCloneStep::CloneError { code: error_number(message) })
    } else if message.contains("distributed recovery cannot be executed. The member will now leave the group")
    {
        Some(GrCloneStep::NoFallback)
    } else {
        None
    }
}

/// `… Error number: 3707 Error message: …` → 3707.
fn error_number(message: &str) -> Option<u32> {
    let rest = &message[message.find("Error number: ")? + 14..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest.get(..digits)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;

    fn facts(text: &str) -> (Facts, String) {
        let src = Source::new(0, "t", text);
        let docs = detect::split(&src);
        let f = Facts::build(std::slice::from_ref(&src), &docs);
        (f, text.to_owned())
    }

    fn events(f: &Facts) -> Vec<&ShellEvent> {
        f.observed.shell.iter().map(|s| &s.event).collect()
    }

    #[test]
    fn cluster_timeout_fills_shell_events_with_lines() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/shell/cluster-addinstance-timeout.txt"
        ))
        .unwrap();
        let (f, t) = facts(&text);
        let ev = events(&f);
        for want in [
            ShellEvent::Operation { name: "cluster.addInstance".into() },
            ShellEvent::RestartExpected,
            ShellEvent::ShuttingDown,
            ShellEvent::RestartTimeout,
            ShellEvent::NotBackUp,
            ShellEvent::RescanAdvice { cluster: true },
            ShellEvent::Error51156,
            ShellEvent::Operation { name: "Cluster.addInstance".into() },
        ] {
            assert!(ev.contains(&&want), "{want:?} not in {ev:?}");
        }
        // The server never came back: no RESTART stage, no `ready`.
        assert!(!ev.contains(&&ShellEvent::RestartReady));
        assert!(!ev.contains(&&ShellEvent::StageRestartCompleted));
        let first = &f.observed.shell[0];
        assert_eq!(first.instance.as_deref(), Some("db2:3306"));
        assert!(t[first.at.range.to_usize()].starts_with("cluster.addInstance("));
        let timeout = f.observed.shell.iter().find(|s| s.event == ShellEvent::RestartTimeout).unwrap();
        assert!(t[timeout.at.range.to_usize()].ends_with("timeout"));
        let err = f.observed.shell.iter().find(|s| s.event == ShellEvent::Error51156).unwrap();
        assert!(t[err.at.range.to_usize()].contains("MYSQLSH 51156"));
    }

    #[test]
    fn shell_3707_becomes_a_client_error() {
        let text = " MySQL  db1:3306 ssl  JS > dba.configureInstance('root@db2:3306', {restart: true})\n\
Configuring instance...\n\
The instance 'db2:3306' was configured to be used in an InnoDB cluster.\n\
Restarting MySQL...\n\
ERROR: Remote restart of MySQL server failed: MySQL Error 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n\
Please restart MySQL manually (check https://dev.mysql.com/doc/refman/en/restart.html for more details).\n";
        let (f, t) = facts(text);
        assert_eq!(f.client_errors.len(), 1);
        let e = &f.client_errors[0];
        assert_eq!(e.code, 3707);
        assert_eq!(e.sqlstate.as_deref(), Some("HY000"));
        assert!(t[e.at.range.to_usize()].starts_with("ERROR: Remote restart"));
        assert!(events(&f).contains(&&ShellEvent::RestartManually));
        assert!(events(&f).contains(&&ShellEvent::Operation { name: "dba.configureInstance".into() }));
    }

    #[test]
    fn group_replication_clone_recovery() {
        let text = "2024-05-01T10:00:00.000000Z 12 [Warning] [MY-013469] [Repl] Plugin group_replication reported: 'This member will start distributed recovery using clone. It is due to the number of missing transactions being higher than the configured threshold of 1000.'\n\
2024-05-01T10:00:01.000000Z 12 [System] [MY-013471] [Repl] Plugin group_replication reported: 'Distributed recovery will transfer data using: Cloning from a remote group donor.'\n\
2024-05-01T10:00:40.000000Z 40 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n\
2024-05-01T10:00:40.100000Z 40 [ERROR] [MY-013465] [Repl] Plugin group_replication reported: 'There was an issue when cloning from another server: Error number: 3707 Error message: Restart server failed (mysqld is not managed by supervisor process).'\n";
        let (f, t) = facts(text);
        assert!(f.observed.gr_clone_recovery());
        let steps: Vec<&GrCloneStep> = f.observed.group_replication.iter().map(|g| &g.step).collect();
        assert_eq!(
            steps,
            [&GrCloneStep::Chosen, &GrCloneStep::Cloning, &GrCloneStep::CloneError { code: Some(3707) }]
        );
        assert!(t[f.observed.group_replication[2].at.range.to_usize()].contains("MY-013465"));
        // Incremental recovery is not a clone.
        let (f, _) = facts(
            "2024-05-01T10:00:01.000000Z 12 [System] [MY-013471] [Repl] Plugin group_replication reported: 'Distributed recovery will transfer data using: Incremental recovery from a group donor'\n",
        );
        assert!(!f.observed.gr_clone_recovery());
    }
}
