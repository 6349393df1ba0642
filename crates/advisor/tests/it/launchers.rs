//! The launchers other than systemd and containers (issue 13, part A): supervisord, runit /
//! daemontools / s6 `run` files, OpenRC, SysV init scripts, Windows services and shell loops.
//! Each fixture in `tests/fixtures/launchers/` gets the verdict a DBA expects, near-misses
//! included; every launcher-file fix, pasted in place of the file or section it replaces, makes
//! the verdict `works` with no finding left or added.

use crate::rule_fixtures::fixture_inputs;
use advisor::{CloneRestart, FixTarget, Input, Report, Severity, analyze};

fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/launchers")
}

fn load(name: &str) -> Vec<Input> {
    let text = std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    fixture_inputs(&text)
}

fn why(r: &Report) -> String {
    format!("{:#?}", r.verdict_notes.clone_restart)
}

/// Every fixture and its verdict, with the restart rules that fire.
const CASES: &[(&str, CloneRestart, &[&str])] = &[
    ("supervisord-default-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("supervisord-sh-ppid-exec.txt", CloneRestart::Works, &[]),
    ("supervisord-literal-env.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("supervisord-docker-nodaemon-literal-1.txt", CloneRestart::Unknown, &[]),
    ("supervisord-env-ppid-not-expanded.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("supervisord-exitcodes-16.txt", CloneRestart::StaysDown, &["restart-exit16-ignored"]),
    ("supervisord-autorestart-false.txt", CloneRestart::StaysDown, &["restart-exit16-ignored"]),
    ("supervisord-sh-without-exec.txt", CloneRestart::Unknown, &["restart-parent-mismatch"]),
    ("supervisord-password-env.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("runit-run-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("runit-run-ppid.txt", CloneRestart::Works, &[]),
    ("runit-run-own-pid.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("runit-run-no-exec.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("daemontools-run-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("s6-overlay-with-contenv-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("s6-execline-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("openrc-supervise-daemon-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("openrc-supervise-daemon-sh-ppid.txt", CloneRestart::Works, &[]),
    (
        "openrc-start-stop-daemon.txt",
        CloneRestart::Fails,
        &["restart-unsupervised", "restart-exit16-ignored"],
    ),
    ("openrc-env-literal.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("sysv-mysql-server.txt", CloneRestart::Works, &[]),
    ("sysv-direct-background.txt", CloneRestart::Fails, &["restart-unsupervised", "restart-exit16-ignored"]),
    ("sysv-eval.txt", CloneRestart::Unknown, &[]),
    ("sysv-two-branches.txt", CloneRestart::Unknown, &[]),
    ("windows-service.txt", CloneRestart::Works, &[]),
    (
        "windows-service-no-monitor.txt",
        CloneRestart::Fails,
        &["restart-unsupervised", "restart-exit16-ignored"],
    ),
    ("windows-my-ini.txt", CloneRestart::Works, &[]),
    (
        "windows-my-ini-no-monitor.txt",
        CloneRestart::Fails,
        &["restart-unsupervised", "restart-exit16-ignored"],
    ),
    ("loop-restarts-on-16.txt", CloneRestart::Works, &[]),
    ("loop-if-ne-16.txt", CloneRestart::Works, &[]),
    ("loop-breaks-on-16.txt", CloneRestart::StaysDown, &["restart-exit16-ignored"]),
    ("loop-no-var.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("loop-flag-variable.txt", CloneRestart::Unknown, &[]),
    ("supervisord-log-restarted.txt", CloneRestart::Works, &[]),
    // "expected" alone does not say what follows: autorestart=true restarts even an expected exit.
    ("supervisord-log-exit16-expected.txt", CloneRestart::Unknown, &[]),
];

fn restart_rules(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.rule).filter(|id| id.starts_with("restart-")).collect()
}

#[test]
fn every_fixture_gets_its_verdict() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .map(|rd| rd.flatten().filter_map(|e| e.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.sort();
    let listed: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    for n in &names {
        assert!(listed.contains(&n.as_str()), "{n} has no expected verdict in CASES");
    }
    let mut wrong = Vec::new();
    for (name, verdict, rules) in CASES {
        let r = analyze(&load(name));
        let got = restart_rules(&r);
        if r.verdicts.clone_restart != *verdict || got != *rules {
            wrong.push(format!(
                "{name}: {:?} {:?}, expected {verdict:?} {rules:?}\n{}",
                r.verdicts.clone_restart,
                got,
                why(&r)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// Replaces what a launcher-file fix stands for: a `[program:…]` section inside the input named by
/// the fix (the section's header through the line before the next header), else the whole input.
fn apply(inputs: &[Input], file: &str, text: &str) -> Vec<Input> {
    let mut out = Vec::new();
    let mut found = false;
    for i in inputs {
        if i.name() != file {
            out.push(i.clone());
            continue;
        }
        found = true;
        let old = i.text();
        let header = text.lines().next().unwrap_or("");
        let new = match (header.starts_with("[program:"), old.find(header)) {
            (true, Some(start)) => {
                let rest = &old[start + header.len()..];
                let end = rest
                    .match_indices("\n[")
                    .next()
                    .map(|(k, _)| start + header.len() + k + 1)
                    .unwrap_or(old.len());
                format!("{}{}{}", &old[..start], text, &old[end..])
            }
            _ => text.to_owned(),
        };
        out.push(Input::new(file, new));
    }
    if !found {
        out.push(Input::new(file, text));
    }
    out
}

#[test]
fn every_launcher_fix_works_when_pasted() {
    let mut applied = 0;
    for (name, verdict, _) in CASES {
        if *verdict == CloneRestart::Works || *verdict == CloneRestart::Unknown {
            continue;
        }
        let inputs = load(name);
        let before = analyze(&inputs);
        let fixes: Vec<_> = before
            .findings
            .iter()
            .flat_map(|f| f.fixes.iter())
            .filter(|x| x.target == FixTarget::LauncherFile)
            .cloned()
            .collect();
        let Some(fix) = fixes.first() else { continue };
        let file = fix.file_name.clone().expect("a launcher-file fix names its file");
        let after = analyze(&apply(&inputs, &file, &fix.text));
        assert_eq!(
            after.verdicts.clone_restart,
            CloneRestart::Works,
            "{name}: after pasting\n{}\n{}",
            fix.text,
            why(&after)
        );
        let errors: Vec<_> =
            after.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.rule).collect();
        assert!(
            restart_rules(&after).is_empty(),
            "{name}: still {:?} after\n{}",
            restart_rules(&after),
            fix.text
        );
        assert!(
            errors.iter().all(|e| before.findings.iter().any(|f| f.rule == *e)),
            "{name}: the fix added {errors:?}"
        );
        applied += 1;
    }
    assert!(applied >= 10, "only {applied} launcher fixes applied");
}

#[test]
fn supervisord_fix_keeps_the_users_arguments() {
    let r = analyze(&load("supervisord-default-no-var.txt"));
    let fix =
        r.findings.iter().flat_map(|f| &f.fixes).find(|x| x.target == FixTarget::LauncherFile).expect("fix");
    assert_eq!(fix.file_name.as_deref(), Some("/etc/supervisor/conf.d/mysqld.conf"));
    assert!(
        fix.text.contains(
            "command=/bin/sh -c 'MYSQLD_PARENT_PID=$PPID exec /usr/sbin/mysqld --defaults-file=/etc/mysql/my.cnf --user=mysql'"
        ),
        "{}",
        fix.text
    );
    assert!(fix.text.contains("stopwaitsecs=600"), "the other lines stay: {}", fix.text);
}

#[test]
fn run_fix_keeps_the_shebang_and_the_lines_above() {
    let r = analyze(&load("runit-run-no-var.txt"));
    let fix =
        r.findings.iter().flat_map(|f| &f.fixes).find(|x| x.target == FixTarget::LauncherFile).expect("fix");
    assert!(fix.text.starts_with("#!/bin/sh\n"), "{}", fix.text);
    assert!(fix.text.contains("install -d -o mysql -g mysql /run/mysqld"));
    assert!(
        fix.text.contains(
            "exec env MYSQLD_PARENT_PID=$PPID chpst -u mysql /usr/sbin/mysqld --datadir=/var/lib/mysql"
        ),
        "{}",
        fix.text
    );
}

#[test]
fn cannot_tell_names_the_line_where_the_analysis_stopped() {
    let r = analyze(&load("sysv-eval.txt"));
    let note = &r.verdict_notes.clone_restart;
    assert!(note.reasons.iter().any(|s| s.contains("/etc/init.d/mysql:14")), "{}", why(&r));
    let r = analyze(&load("sysv-two-branches.txt"));
    assert!(
        r.verdict_notes.clone_restart.reasons.iter().any(|s| s.contains("/etc/init.d/mysql:13")),
        "{}",
        why(&r)
    );
    let r = analyze(&load("loop-flag-variable.txt"));
    assert!(
        r.verdict_notes.clone_restart.reasons.iter().any(|s| s.contains("mysqld-loop.sh:")),
        "{}",
        why(&r)
    );
}

#[test]
fn the_launch_chain_is_shown() {
    let r = analyze(&load("supervisord-sh-ppid-exec.txt"));
    let chain = &r.verdict_notes.clone_restart.reasons[0];
    assert!(chain.contains("supervisord → sh -c (exec) → mysqld"), "{chain}");
    let r = analyze(&load("runit-run-ppid.txt"));
    let chain = &r.verdict_notes.clone_restart.reasons[0];
    assert!(chain.contains("runsv → /etc/sv/mysql/run (exec)"), "{chain}");
}

/// The Windows fix is `sc config NAME binPath= "…"`: its command line, put where `sc qc` shows
/// `BINARY_PATH_NAME`, makes the service work.
#[test]
fn windows_fix_restores_the_monitor() {
    let inputs = load("windows-service-no-monitor.txt");
    let r = analyze(&inputs);
    let fix = r.findings.iter().flat_map(|f| &f.fixes).find(|x| x.target == FixTarget::Shell).expect("fix");
    let line = fix.text.lines().next().unwrap_or("");
    let quoted = line.split_once("binPath= \"").map(|(_, r)| r).unwrap_or("");
    let binary = quoted.strip_suffix('"').unwrap_or(quoted).replace("\\\"", "\"");
    assert!(!binary.contains("--no-monitor") && binary.contains("mysqld.exe"), "{}", fix.text);
    let text = inputs[0].text();
    let old = text.lines().find(|l| l.contains("BINARY_PATH_NAME")).unwrap_or("");
    let new_line = format!("        BINARY_PATH_NAME   : {binary}");
    let after = analyze(&[Input::new(inputs[0].name(), text.replace(old, &new_line))]);
    assert_eq!(after.verdicts.clone_restart, CloneRestart::Works, "{}\n{}", fix.text, why(&after));
    assert!(restart_rules(&after).is_empty());
}
