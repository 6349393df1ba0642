//! Images, entrypoints, Kubernetes and operators in the launch model (issue 13, part B): each
//! fixture's verdict, its near-misses, the line where a script's analysis stopped, and every fix
//! applied back to the input.

use crate::rule_fixtures::fixture_inputs;
use advisor::{CloneRestart, FixTarget, Input, Report, analyze};

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/images").join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The fixture's inputs: a `*.yaml` file is one input named by its file name.
fn inputs(name: &str) -> Vec<Input> {
    let text = fixture(name);
    if name.ends_with(".yaml") { vec![Input::new(name, text)] } else { fixture_inputs(&text) }
}

fn report(name: &str) -> Report {
    analyze(&inputs(name))
}

fn restart_rules(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.rule).filter(|id| id.starts_with("restart-")).collect()
}

/// Every fixture with the verdict a DBA expects, and the restart rules that fire.
const CASES: &[(&str, CloneRestart, &[&str])] = &[
    ("dockerhub-entrypoint.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("dockerfile-base-dockerhub.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("oracle-entrypoint.txt", CloneRestart::Works, &[]),
    ("oracle-entrypoint-2020.txt", CloneRestart::Works, &[]),
    ("custom-own-pid.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("bitnami-run-sh.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("tini-dockerhub.txt", CloneRestart::Fails, &["restart-unsupervised"]),
    ("tini-oracle.txt", CloneRestart::Works, &[]),
    ("dumb-init-env1.txt", CloneRestart::Works, &[]),
    ("dumb-init-env0.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("docker-run-init.txt", CloneRestart::Works, &[]),
    ("docker-run-plain.txt", CloneRestart::Fails, &["restart-unsupervised", "restart-exit16-ignored"]),
    ("compose-init-zero.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("transcript-cat.txt", CloneRestart::Fails, &["restart-parent-mismatch"]),
    ("k8s-statefulset.yaml", CloneRestart::Fails, &["restart-unsupervised"]),
    ("k8s-pod-never.yaml", CloneRestart::StaysDown, &["restart-exit16-ignored"]),
    ("k8s-flow-env.yaml", CloneRestart::Works, &[]),
    ("k8s-valuefrom.yaml", CloneRestart::Unknown, &[]),
    ("k8s-share-pid.yaml", CloneRestart::Works, &[]),
    ("innodbcluster.yaml", CloneRestart::Works, &[]),
    ("innodbcluster-router-image.yaml", CloneRestart::Works, &[]),
    ("innodbcluster-custom-image.yaml", CloneRestart::Unknown, &[]),
    ("percona-async.yaml", CloneRestart::Works, &[]),
    ("percona-gr.yaml", CloneRestart::Unknown, &[]),
    ("pxc.yaml", CloneRestart::Unknown, &[]),
    ("branches.txt", CloneRestart::Unknown, &[]),
    ("function-defined.txt", CloneRestart::Works, &[]),
];

#[test]
fn every_fixture_gets_its_verdict() {
    let mut bad = Vec::new();
    for (name, want, rules) in CASES {
        let r = report(name);
        let got = r.verdicts.clone_restart;
        let fired = restart_rules(&r);
        if got != *want || fired != *rules {
            bad.push(format!(
                "{name}: {got:?} {fired:?}, want {want:?} {rules:?}\n  {:#?}",
                r.verdict_notes.clone_restart.summary
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Applies a fix to the inputs: a launcher file replaces the input of that name, or the section
/// of a transcript it rebuilds, or is added; a shell command replaces the input that holds the
/// `docker run` command.
fn apply(inputs: &[(String, String)], fix: &advisor::Fix, original: Option<&str>) -> Vec<Input> {
    let mut out: Vec<(String, String)> = inputs.to_vec();
    match fix.target {
        FixTarget::LauncherFile => {
            let file = fix.file_name.clone().expect("a launcher file fix names its file");
            if let Some(i) = out.iter_mut().find(|i| i.0 == file) {
                i.1 = fix.text.clone();
            } else if let Some(orig) = original
                && let Some(i) = out.iter_mut().find(|i| i.1.contains(orig))
            {
                i.1 = i.1.replace(orig, &fix.text);
            } else {
                out.push((file, fix.text.clone()));
            }
        }
        FixTarget::Shell => {
            let i = out.iter_mut().find(|i| i.1.contains("docker run")).expect("the docker run input");
            i.1 = fix.text.clone();
        }
        other => panic!("unexpected fix target {other:?}"),
    }
    out.into_iter().map(|(n, t)| Input::new(n, t)).collect()
}

/// The fixture's inputs as (name, text).
fn pairs(name: &str) -> Vec<(String, String)> {
    let text = fixture(name);
    if name.ends_with(".yaml") {
        return vec![(name.to_owned(), text)];
    }
    let mut out = Vec::new();
    let mut cur = (String::from("input 1"), String::new());
    for line in text.split_inclusive('\n') {
        if let Some(n) = line.trim_end().strip_prefix("=== input: ").and_then(|r| r.strip_suffix(" ===")) {
            if !cur.1.trim().is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur = (n.to_owned(), String::new());
        } else {
            cur.1.push_str(line);
        }
    }
    if !cur.1.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Every fix emitted on a fixture, applied as printed: the finding is gone, the verdict works,
/// nothing new fires.
#[test]
fn every_fix_applies_and_works() {
    let mut bad = Vec::new();
    let mut applied = 0;
    for (name, _, _) in CASES {
        let ins = pairs(name);
        let r = report(name);
        let before = restart_rules(&r);
        for f in r.findings.iter().filter(|f| f.rule.starts_with("restart-")) {
            for fix in
                f.fixes.iter().filter(|x| matches!(x.target, FixTarget::LauncherFile | FixTarget::Shell))
            {
                if fix.target == FixTarget::Shell && !fix.text.starts_with("docker run") {
                    continue;
                }
                assert!(!fix.text.contains('…'), "{name}: a fix with a placeholder:\n{}", fix.text);
                let original = transcript_section(&ins, fix);
                let fixed = apply(&ins, fix, original.as_deref());
                let r2 = analyze(&fixed);
                applied += 1;
                let after = restart_rules(&r2);
                if r2.verdicts.clone_restart != CloneRestart::Works
                    || after.contains(&f.rule)
                    || after.iter().any(|a| !before.contains(a))
                {
                    bad.push(format!(
                        "{name}: fix {:?} gives {:?} {after:?}: {}\n{}",
                        fix.title,
                        r2.verdicts.clone_restart,
                        r2.verdict_notes.clone_restart.summary,
                        fix.text
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
    assert!(applied >= 8, "only {applied} fixes were applied");
}

/// For a transcript, the script section a launcher-file fix rebuilds: the lines after `cat PATH`
/// up to the next prompt.
fn transcript_section(ins: &[(String, String)], fix: &advisor::Fix) -> Option<String> {
    let file = fix.file_name.as_deref()?;
    if ins.iter().any(|i| i.0 == file) {
        return None;
    }
    let base = file.rsplit('/').next().unwrap_or(file);
    for i in ins {
        let lines: Vec<&str> = i.1.split_inclusive('\n').collect();
        let Some(k) = lines.iter().position(|l| l.trim_end().ends_with(&format!("cat {base}"))) else {
            continue;
        };
        let end = lines
            .iter()
            .skip(k + 1)
            .position(|l| (l.starts_with('[') && l.contains("]# ")) || l.starts_with("$ "))
            .map(|p| k + 1 + p);
        return Some(lines[k + 1..end.unwrap_or(lines.len())].concat());
    }
    None
}

#[test]
fn the_stopped_line_is_named() {
    let r = report("branches.txt");
    let note = &r.verdict_notes.clone_restart;
    assert!(
        note.reasons.iter().any(|s| s.contains("/usr/local/bin/start-mysql.sh:10")),
        "{:#?}",
        note.reasons
    );
    let r = report("bitnami-run-sh.txt");
    let note = &r.verdict_notes.clone_restart;
    assert!(note.summary.contains("exec_as_user"), "{:#?}", note.summary);
    assert!(note.missing.iter().any(|m| m.contains("exec_as_user")));
    assert!(note.assumptions.iter().any(|a| a.contains("EXEC")), "{:#?}", note.assumptions);
}

#[test]
fn the_chain_goes_through_the_init_and_the_entrypoint() {
    let r = report("tini-dockerhub.txt");
    let chain = r.verdict_notes.clone_restart.reasons.first().cloned().unwrap_or_default();
    assert!(chain.contains("tini → docker-entrypoint.sh (exec) → mysqld"), "{chain}");
    // tini forks: mysqld's parent is PID 1, so the variable must be 1.
    let f = r.findings.iter().find(|f| f.rule == "restart-unsupervised").expect("fires");
    assert!(f.fixes.iter().any(|x| x.text.contains("MYSQLD_PARENT_PID=$PPID")));
}

#[test]
fn operators_say_what_they_do_about_3707() {
    let r = report("percona-async.yaml");
    assert!(r.verdict_notes.clone_restart.summary.contains("3707"));
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("restart-")));
    let r = report("pxc.yaml");
    assert!(r.verdict_notes.clone_restart.summary.contains("Galera"));
}

#[test]
fn image_tags_give_versions() {
    for (image, want) in [
        ("mysql:5.7", Some("5.7.0")),
        ("mysql:8.0.16", Some("8.0.16")),
        ("percona/percona-server:8.0.36", Some("8.0.36")),
        ("mariadb:10.11", Some("10.11.0")),
        ("bitnami/mysql:8.0", None),
        ("mysql:8.0", None),
        ("nginx:1.25.3", None),
    ] {
        let r = analyze(&[Input::new("run", format!("docker run -d --restart=always {image}\n"))]);
        assert_eq!(r.server.version.as_deref(), want, "{image}");
    }
    let r = analyze(&[Input::new("run", "docker run -d mariadb:10.11\n")]);
    assert_eq!(r.server.flavor.as_deref(), Some("mariadb"));
    // A runtime version wins over the tag.
    let r = analyze(&[
        Input::new("run", "docker run -d mysql:8.0.16\n"),
        Input::new(
            "v",
            "$ mysqld --version\n/usr/sbin/mysqld  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)\n",
        ),
    ]);
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
}

#[test]
fn documents_are_recognised() {
    let r = report("transcript-cat.txt");
    let kinds: Vec<&str> = r.documents.iter().map(|d| d.kind.as_str()).collect();
    assert!(kinds.contains(&"dockerfile") && kinds.contains(&"shell-script"), "{kinds:?}");
    let r = report("dockerhub-entrypoint.txt");
    assert!(r.documents.iter().any(|d| d.kind.as_str() == "dockerfile"));
}

/// A script that starts mysqld with an assignment prefix and no `exec`: the fix is
/// `exec env NAME=value cmd` (`exec NAME=value cmd` is not sh).
#[test]
fn an_assignment_prefix_gets_exec_env() {
    let unit = "[Service]\nType=simple\nExecStart=/opt/mysql/start.sh\nRestart=on-failure\n";
    let script = "#!/bin/sh\nulimit -n 65535\nMYSQLD_PARENT_PID=1 /usr/sbin/mysqld --user=mysql\n";
    let r = analyze(&[
        Input::new("/etc/systemd/system/mysqld.service", unit),
        Input::new("/opt/mysql/start.sh", script),
    ]);
    let fixes: Vec<&str> = r.findings.iter().flat_map(|f| f.fixes.iter().map(|x| x.text.as_str())).collect();
    assert!(fixes.iter().any(|t| t.contains("exec env MYSQLD_PARENT_PID=1 /usr/sbin/mysqld")), "{fixes:#?}");
    assert!(!fixes.iter().any(|t| t.contains("exec MYSQLD_PARENT_PID=")), "{fixes:#?}");
}
