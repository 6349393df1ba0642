//! The restart family end to end: verdicts on the real unit files of the reference, the seed case
//! and its fix applied as a drop-in, containers, and the text users see.

use crate::rule_fixtures::fixture_inputs;
use crate::support::{check, check_many, shown};
use advisor::{
    Applicability, CloneRestart, Finding, FixTarget, Input, Lang, Options, Report, analyze, analyze_with,
};

const SEED: &str = include_str!("../../../../tests/fixtures/restart/seed-handwritten.service");
const ORACLE_RPM: &str = include_str!("../../../../tests/fixtures/restart/oracle-rpm-mysqld.txt");
const ORACLE_DEB: &str = include_str!("../../../../tests/fixtures/restart/oracle-deb-mysql.txt");
const UBUNTU: &str = include_str!("../../../../tests/fixtures/restart/ubuntu-mysql.txt");
const PERCONA: &str = include_str!("../../../../tests/fixtures/restart/percona-deb-mysql.txt");
const MARIADB: &str = include_str!("../../../../tests/fixtures/restart/mariadb.txt");
const FORKING: &str = include_str!("../../../../tests/fixtures/restart/legacy-forking.txt");
const FORKING_NO_VAR: &str = include_str!("../../../../tests/fixtures/restart/legacy-forking-no-var.txt");
const MYSQLD_SAFE: &str = include_str!("../../../../tests/fixtures/restart/percona-legacy-mysqld-safe.txt");

fn verdict(r: &Report) -> CloneRestart {
    r.verdicts.clone_restart
}

fn rule<'a>(r: &'a Report, id: &str) -> Option<&'a Finding> {
    r.findings.iter().find(|f| f.rule == id)
}

fn fixture(text: &str) -> Report {
    analyze(&fixture_inputs(text))
}

/// The seed: a hand-written unit with `Restart=on-failure` and no `MYSQLD_PARENT_PID`.
#[test]
fn seed_fails_and_its_dropin_makes_it_work() {
    let name = "/etc/systemd/system/mysqld.service";
    let r = check_many(&[(name, SEED)]);
    assert_eq!(verdict(&r), CloneRestart::Fails, "{:#?}", r.verdict_notes.clone_restart);
    let f = rule(&r, "restart-unsupervised").expect("restart-unsupervised fires on the seed");
    // The evidence points at the ExecStart= line of the input.
    assert_eq!(f.evidence[0].input_name, name);
    assert_eq!(f.evidence[0].line_start, 9);
    assert!(f.evidence[0].excerpt.contains("ExecStart=/usr/sbin/mysqld"));
    // Take the drop-in from the report and apply it as a second input named by its file name.
    let fix = f.fixes.iter().find(|x| x.file_name.is_some()).expect("a drop-in with a file name");
    assert_eq!(fix.target, FixTarget::SystemdDropin);
    assert_eq!(fix.file_name.as_deref(), Some("/etc/systemd/system/mysqld.service.d/override.conf"));
    assert!(fix.text.contains("sudo systemctl edit mysqld.service"));
    assert!(fix.text.contains("sudo systemctl daemon-reload"));
    let file = fix.file_name.clone().unwrap_or_default();
    let r2 = check_many(&[(name, SEED), (&file, &fix.text)]);
    assert_eq!(verdict(&r2), CloneRestart::Works, "{:#?}", r2.verdict_notes.clone_restart);
    assert!(rule(&r2, "restart-unsupervised").is_none());
    assert!(rule(&r2, "restart-parent-mismatch").is_none());
    assert!(rule(&r2, "restart-exit16-ignored").is_none());
    // The effective settings after the fix are shown too.
    let eff =
        f.fixes.iter().find(|x| x.applicability == Applicability::DisplayOnly).expect("effective settings");
    assert!(eff.text.contains("Environment=MYSQLD_PARENT_PID=1"));
    assert!(eff.text.contains("Restart=on-failure"));
}

/// The same seed pasted without a name: the unit name is assumed and said so.
#[test]
fn seed_without_a_name_assumes_mysqld_service() {
    let r = check(SEED);
    assert_eq!(verdict(&r), CloneRestart::Fails);
    assert!(r.verdict_notes.clone_restart.assumptions.iter().any(|a| a.contains("mysqld.service")));
}

/// What a user sees for the seed, in both languages.
#[test]
fn seed_finding_text_snapshot() {
    for lang in Lang::ALL {
        let r = analyze_with(&[Input::new("/etc/systemd/system/mysqld.service", SEED)], &Options { lang });
        assert!(rule(&r, "restart-unsupervised").is_some());
        insta::assert_snapshot!(format!("seed_finding_{}", lang.tag()), shown(&r));
    }
}

#[test]
fn packaged_units_work() {
    for (name, text) in
        [("oracle rpm", ORACLE_RPM), ("oracle deb", ORACLE_DEB), ("ubuntu", UBUNTU), ("percona", PERCONA)]
    {
        let r = check(text);
        assert_eq!(verdict(&r), CloneRestart::Works, "{name}: {:#?}", r.verdict_notes.clone_restart);
        for id in ["restart-unsupervised", "restart-parent-mismatch", "restart-exit16-ignored"] {
            assert!(rule(&r, id).is_none(), "{name}: {id} fired");
        }
    }
}

/// Oracle's own `mysqld.service.in`, before CMake fills it in: the `@SYSTEMD_START_ONLY@` line is
/// a parse problem, never the end of the unit (issue 13) — ExecStart=, Restart= and Environment=
/// after it count.
#[test]
fn a_packaging_template_line_does_not_end_the_unit() {
    let text = include_str!("../../../../tests/fixtures/systemd/oracle-mysqld.service.in");
    let r = check(text);
    assert_eq!(verdict(&r), CloneRestart::Works, "{:#?}", r.verdict_notes.clone_restart);
    assert!(rule(&r, "restart-exit16-ignored").is_none());
    let doc = &r.documents[0];
    assert_eq!((doc.line_start, doc.line_end), (3, 45), "one unit, to its last line");
    assert!(doc.problems.iter().any(|p| p.contains("@SYSTEMD_START_ONLY@")), "{:?}", doc.problems);
    // Near miss: prose after a unit, with no unit line after it, is not taken into the unit.
    let r = check("[Service]\nExecStart=/usr/sbin/mysqld\nthen I ran it and\nit failed again\n");
    let doc = &r.documents[0];
    assert_eq!(doc.line_end, 2, "{:?}", r.documents);
}

/// A unit without ExecStart= may be a fragment: its missing Restart= is reported as a warning that
/// says so, never as an error beside an `unknown` verdict (issue 13).
#[test]
fn a_fragment_without_execstart_is_not_asserted() {
    let r = check("[Service]\nType=notify\nUser=mysql\nLimitNOFILE=10000\n");
    assert_eq!(verdict(&r), CloneRestart::Unknown);
    let f = rule(&r, "restart-exit16-ignored").expect("still worth saying");
    assert_eq!(f.severity, advisor::Severity::Warning);
    assert!(f.message.contains("ExecStart="), "{}", f.message);
    assert!(r.findings.iter().all(|f| f.severity != advisor::Severity::Error), "{:?}", r.findings);
    // Near miss: with its ExecStart= the unit is whole, and the missing Restart= is an error.
    let r = check("[Service]\nType=notify\nExecStart=/usr/sbin/mysqld\nEnvironment=MYSQLD_PARENT_PID=1\n");
    assert_eq!(verdict(&r), CloneRestart::StaysDown);
    assert_eq!(rule(&r, "restart-exit16-ignored").map(|f| f.severity), Some(advisor::Severity::Error));
}

#[test]
fn oracle_rpm_environment_file_is_an_assumption_until_pasted() {
    let r = check(ORACLE_RPM);
    let note = &r.verdict_notes.clone_restart;
    assert!(note.assumptions.iter().any(|a| a.contains("/etc/sysconfig/mysql")));
    assert!(rule(&r, "restart-environment-file").is_some());
    // Pasted with a wrong value, the file decides.
    let r = check_many(&[("input 1", ORACLE_RPM), ("/etc/sysconfig/mysql", "MYSQLD_PARENT_PID=0\n")]);
    assert_eq!(verdict(&r), CloneRestart::Fails);
    let f = rule(&r, "restart-parent-mismatch").expect("the env file overrides Environment=");
    assert_eq!(f.evidence[0].input_name, "/etc/sysconfig/mysql");
}

#[test]
fn legacy_units() {
    assert_eq!(verdict(&check(FORKING)), CloneRestart::Works);
    let r = check(FORKING_NO_VAR);
    assert_eq!(verdict(&r), CloneRestart::Fails);
    assert!(rule(&r, "restart-unsupervised").is_some());
    let r = check(MYSQLD_SAFE);
    assert_eq!(verdict(&r), CloneRestart::Works, "mysqld_safe sets the variable itself");
    assert!(rule(&r, "restart-unsupervised").is_none());
}

#[test]
fn mariadb_is_not_applicable() {
    let r = check(MARIADB);
    assert_eq!(verdict(&r), CloneRestart::NotApplicable);
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("restart-")));
    for c in r.checks.iter().filter(|c| c.rule.starts_with("restart-")) {
        assert_eq!(c.status, advisor::CheckStatus::NotApplicable, "{}", c.rule);
    }
    assert!(r.verdict_notes.clone_restart.evidence[0].excerpt.contains("mariadbd"));
}

/// Before 8.0.17 there is no clone plugin, before 8.0.4 no RESTART: the question does not arise,
/// and no restart rule may assert anything (issue 13). 8.0.4–8.0.16 still say what RESTART would do.
#[test]
fn versions_without_clone_are_not_applicable() {
    let unit = "[Service]\nExecStart=/usr/sbin/mysqld\nRestart=on-failure\n";
    let with_version = |v: &str| check_many(&[("unit", unit), ("version", v)]);
    let r = with_version("/usr/sbin/mysqld  Ver 8.0.16 for Linux on x86_64 (MySQL Community Server - GPL)\n");
    assert_eq!(verdict(&r), CloneRestart::NotApplicable);
    let note = &r.verdict_notes.clone_restart;
    assert!(note.summary.contains("8.0.16"), "{}", note.summary);
    assert!(
        note.reasons.iter().any(|x| x.contains("MYSQLD_PARENT_PID")),
        "RESTART still needs it: {note:#?}"
    );
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("restart-")), "{:?}", r.findings);
    let r = with_version("/usr/sbin/mysqld  Ver 5.7.44 for Linux on x86_64 (MySQL Community Server (GPL))\n");
    assert_eq!(verdict(&r), CloneRestart::NotApplicable);
    assert!(r.verdict_notes.clone_restart.summary.contains("RESTART"));
    assert!(r.verdict_notes.clone_restart.reasons.is_empty(), "5.7 has no RESTART either");
    // Near misses: 8.0.17 clones; the same unit is judged.
    let r = with_version("/usr/sbin/mysqld  Ver 8.0.17 for Linux on x86_64 (MySQL Community Server - GPL)\n");
    assert_eq!(verdict(&r), CloneRestart::Fails);
    assert!(rule(&r, "restart-unsupervised").is_some());
}

#[test]
fn observed_3707_without_supervisor_input_fails() {
    let r = check(
        "mysql> CLONE INSTANCE FROM 'clone'@'db1':3306 IDENTIFIED BY 'x';\nERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n",
    );
    assert_eq!(verdict(&r), CloneRestart::Fails);
    assert!(!r.verdict_notes.clone_restart.missing.is_empty());
    let r = check(
        "2024-05-02T08:20:11.123456Z 9 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n",
    );
    assert_eq!(verdict(&r), CloneRestart::Fails);
}

#[test]
fn nothing_to_go_on_is_unknown_with_what_to_paste() {
    let r = check("hello\n");
    assert_eq!(verdict(&r), CloneRestart::Unknown);
    assert!(r.verdict_notes.clone_restart.missing.iter().any(|m| m.contains("systemctl cat")));
}

#[test]
fn restart_policy_table() {
    let unit = |restart: &str| {
        format!(
            "[Service]\nType=notify\nExecStart=/usr/sbin/mysqld\nEnvironment=MYSQLD_PARENT_PID=1\nTimeoutSec=0\n{restart}\n"
        )
    };
    for (lines, want) in [
        ("Restart=no", CloneRestart::StaysDown),
        ("Restart=no\nRestartForceExitStatus=16", CloneRestart::Works),
        ("Restart=on-failure", CloneRestart::Works),
        ("Restart=on-failure\nSuccessExitStatus=16", CloneRestart::StaysDown),
        ("Restart=on-failure\nSuccessExitStatus=16\nRestartForceExitStatus=16", CloneRestart::Works),
        ("Restart=on-abnormal", CloneRestart::StaysDown),
        ("Restart=on-abort", CloneRestart::StaysDown),
        ("Restart=on-success", CloneRestart::StaysDown),
        ("Restart=always", CloneRestart::Works),
        ("Restart=always\nRestartPreventExitStatus=16\nRestartForceExitStatus=16", CloneRestart::StaysDown),
        ("Restart=sometimes", CloneRestart::StaysDown),
        ("Restart=always\nRestart=sometimes", CloneRestart::Works),
    ] {
        let r = check_many(&[("/etc/systemd/system/mysqld.service", &unit(lines))]);
        assert_eq!(verdict(&r), want, "{lines:?}");
    }
}

#[test]
fn every_exit16_fix_works_when_applied() {
    for lines in [
        "Restart=no",
        "Restart=on-abnormal",
        "Restart=on-failure\nSuccessExitStatus=16",
        "Restart=always\nRestartPreventExitStatus=1 16",
    ] {
        let unit = format!(
            "[Service]\nType=notify\nExecStart=/usr/sbin/mysqld\nEnvironment=MYSQLD_PARENT_PID=1\nTimeoutSec=0\n{lines}\n"
        );
        let name = "/etc/systemd/system/mysqld.service";
        let r = check_many(&[(name, &unit)]);
        let f = rule(&r, "restart-exit16-ignored").expect("fires");
        let fix = f.fixes.iter().find(|x| x.file_name.is_some()).expect("drop-in");
        let file = fix.file_name.clone().unwrap_or_default();
        let r2 = check_many(&[(name, &unit), (&file, &fix.text)]);
        assert_eq!(verdict(&r2), CloneRestart::Works, "{lines:?} + {}", fix.text);
    }
}

#[test]
fn wrappers() {
    let unit = |exec: &str| {
        format!("[Service]\nExecStart={exec}\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-failure\n")
    };
    let name = "/etc/systemd/system/mysqld.service";
    for (exec, want) in [
        ("/usr/bin/numactl --interleave=all /usr/sbin/mysqld", CloneRestart::Works),
        ("/usr/bin/env LD_PRELOAD=/usr/lib64/libjemalloc.so.2 /usr/sbin/mysqld", CloneRestart::Works),
        ("/usr/bin/sudo -u mysql /usr/sbin/mysqld", CloneRestart::Fails),
        ("/usr/bin/timeout 30d /usr/sbin/mysqld", CloneRestart::Fails),
        ("/bin/sh -c 'exec /usr/sbin/mysqld --user=mysql'", CloneRestart::Works),
        ("/bin/sh -c '/usr/sbin/mysqld --user=mysql'", CloneRestart::Unknown),
        ("/usr/local/bin/start-mysql.sh", CloneRestart::Unknown),
    ] {
        let r = check_many(&[(name, &unit(exec))]);
        assert_eq!(verdict(&r), want, "{exec}: {:#?}", r.verdict_notes.clone_restart);
    }
    // The unknown script: say what to paste.
    let r = check_many(&[(name, &unit("/usr/local/bin/start-mysql.sh"))]);
    assert!(
        r.verdict_notes.clone_restart.missing.iter().any(|m| m.contains("cat /usr/local/bin/start-mysql.sh"))
    );
    // Pasted without exec: fails, with the exec line as the fix.
    let script = "#!/bin/sh\nulimit -n 65535\n/usr/sbin/mysqld --defaults-file=/etc/my.cnf\n";
    let r = check_many(&[
        (name, &unit("/usr/local/bin/start-mysql.sh")),
        ("/usr/local/bin/start-mysql.sh", script),
    ]);
    assert_eq!(verdict(&r), CloneRestart::Fails);
    let f = rule(&r, "restart-parent-mismatch").expect("fires");
    assert!(f.fixes.iter().any(|x| x.text.contains("exec /usr/sbin/mysqld --defaults-file=/etc/my.cnf")));
}

#[test]
fn user_units_need_the_managers_pid() {
    let text = include_str!("../../../../tests/fixtures/rules/restart-parent-mismatch/fires-user-unit.txt");
    let r = check(text);
    assert_eq!(verdict(&r), CloneRestart::Fails);
    let f = rule(&r, "restart-parent-mismatch").expect("fires");
    let fix = f.fixes.iter().find(|x| x.file_name.is_some()).expect("drop-in");
    assert!(fix.text.contains("systemctl --user edit mysqld.service"), "{}", fix.text);
    assert!(fix.text.contains("export MYSQLD_PARENT_PID=$$PPID; exec /opt/mysql/8.0.36/bin/mysqld"));
}

#[test]
fn containers() {
    let r = check("docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:8.0");
    assert_eq!(verdict(&r), CloneRestart::Fails);
    let f = rule(&r, "restart-unsupervised").expect("Docker Hub image never sets it");
    assert!(f.fixes.iter().any(|x| x.text.contains("-e MYSQLD_PARENT_PID=0") && x.text.contains("--restart=unless-stopped")));
    let r = check("docker run -d --restart=always -e MYSQLD_PARENT_PID=0 mysql:8.0");
    assert_eq!(verdict(&r), CloneRestart::Works);
    let r = check("docker run -d --init --restart=always -e MYSQLD_PARENT_PID=0 mysql:8.0");
    assert_eq!(verdict(&r), CloneRestart::Fails, "with --init tini is the parent: 1, not 0");
    let r = check("docker run -d mysql/mysql-server:8.0");
    assert_eq!(verdict(&r), CloneRestart::StaysDown, "Oracle's image passes the check; default policy no");
    let r = check("docker run -d --restart on-failure mysql/mysql-server:8.0");
    assert_eq!(verdict(&r), CloneRestart::Works);
    let r = check(
        "services:\n  db:\n    image: mysql:8.4\n    restart: always\n    environment:\n      MYSQLD_PARENT_PID: \"0\"\n",
    );
    assert_eq!(verdict(&r), CloneRestart::Works);
    let r = check(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n      - name: mysql\n        image: mysql:8.0\n",
    );
    assert_eq!(verdict(&r), CloneRestart::Fails);
    // The entrypoint alternative from the fix, applied: works with and without --init.
    let f = rule(&check("docker run -d --restart=always mysql:8.0"), "restart-unsupervised")
        .cloned()
        .expect("fires");
    let alt = f.fixes.iter().find(|x| x.text.contains("/proc/$$/stat")).expect("entrypoint alternative");
    let script: String = alt
        .text
        .lines()
        .skip_while(|l| !l.starts_with("#!"))
        .take_while(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    for init in ["", "--init "] {
        let run = format!(
            "docker run -d {init}--restart=always -v $PWD/parent-pid-entrypoint.sh:/usr/local/bin/parent-pid-entrypoint.sh:ro --entrypoint parent-pid-entrypoint.sh mysql:8.0 mysqld"
        );
        let r = check_many(&[("run.txt", &run), ("parent-pid-entrypoint.sh", &script)]);
        assert_eq!(verdict(&r), CloneRestart::Works, "{init}{:#?}", r.verdict_notes.clone_restart);
    }
    let r = check("docker run -d --restart=always percona/percona-server:8.0");
    assert_eq!(verdict(&r), CloneRestart::Unknown);
    assert!(!r.verdict_notes.clone_restart.missing.is_empty());
    let r = check(
        "[Entrypoint] MySQL Docker Image 8.0.32-1.2.11-server\n[Entrypoint] Starting MySQL 8.0.32-1.2.11-server\n",
    );
    assert_eq!(verdict(&r), CloneRestart::Unknown, "policy unknown");
}

#[test]
fn rule_fixtures_are_realistic_inputs() {
    // Fires on every fires-* fixture of the family (the registry-wide test checks this too; this
    // one also checks that fixes carry paste-ready text).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules");
    for id in ["restart-unsupervised", "restart-parent-mismatch", "restart-exit16-ignored"] {
        let Ok(rd) = std::fs::read_dir(root.join(id)) else { panic!("no fixtures for {id}") };
        for e in rd.flatten() {
            let p = e.path();
            if !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("fires-")) {
                continue;
            }
            let r = fixture(&std::fs::read_to_string(&p).unwrap_or_default());
            let f = rule(&r, id).unwrap_or_else(|| panic!("{id} did not fire on {}", p.display()));
            assert!(!f.evidence.is_empty(), "{id}: no evidence on {}", p.display());
            assert!(f.fixes.iter().all(|x| !x.text.trim().is_empty()), "{id}: empty fix on {}", p.display());
        }
    }
}

#[test]
fn systemctl_show_runtime_state_is_used() {
    let show = "Type=notify\nExecStart={ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=exited ; status=16 }\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-abnormal\nExecMainCode=1\nExecMainStatus=16\nActiveState=inactive\nResult=success\n";
    let r = check(&format!("$ systemctl show mysqld\n{show}"));
    assert_eq!(verdict(&r), CloneRestart::StaysDown, "{:#?}", r.verdict_notes.clone_restart);
    assert!(r.verdict_notes.clone_restart.reasons.iter().any(|x| x.contains("exited with code 16")));
    let r = check(
        "$ systemctl show mysqld -p Result\nType=notify\nExecStart={ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld }\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-failure\nResult=start-limit-hit\n",
    );
    assert!(rule(&r, "restart-start-limit").is_some());
}

#[test]
fn daemonize_from_my_cnf_reparents_to_pid_1() {
    let unit = "[Service]\nType=simple\nExecStart=/usr/sbin/mysqld --pid-file=/run/mysqld/mysqld.pid\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-failure\n";
    let cnf = "[mysqld]\ndaemonize=ON\ndatadir=/var/lib/mysql\n";
    let r = check_many(&[("/etc/systemd/system/mysqld.service", unit), ("/etc/my.cnf", cnf)]);
    assert_eq!(verdict(&r), CloneRestart::Works);
    assert!(
        r.verdict_notes.clone_restart.summary.contains("re-parented"),
        "{}",
        r.verdict_notes.clone_restart.summary
    );
    // A user unit that daemonizes: re-parented to the user manager (a subreaper), not PID 1.
    let user = "[Service]\nType=forking\nExecStart=/usr/sbin/mysqld --daemonize\nEnvironment=MYSQLD_PARENT_PID=1\nRestart=on-failure\n";
    let r = check_many(&[("/home/dba/.config/systemd/user/mysqld.service", user)]);
    assert_eq!(verdict(&r), CloneRestart::Fails, "{:#?}", r.verdict_notes.clone_restart);
}

/// Apply every drop-in a restart rule offers (as another input named by `Fix.file_name`), analyse
/// again: the finding is gone, and no other restart error appears.
#[test]
fn every_dropin_fix_clears_its_finding() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules");
    let mut applied = 0;
    for r in advisor::rules(Lang::En).into_iter().filter(|r| r.id.starts_with("restart-")) {
        let Ok(rd) = std::fs::read_dir(root.join(r.id)) else { continue };
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("fires-")) {
                continue;
            }
            let mut inputs = fixture_inputs(&std::fs::read_to_string(&p).unwrap_or_default());
            let before = analyze(&inputs);
            let Some(f) = rule(&before, r.id) else { continue };
            let Some(fix) = f.fixes.iter().find(|x| x.file_name.is_some()) else { continue };
            // A launcher's file replaces the input of that name; a drop-in is added.
            let file = fix.file_name.clone().unwrap_or_default();
            inputs.retain(|i| i.name() != file);
            inputs.push(Input::new(file, fix.text.clone()));
            let after = analyze(&inputs);
            assert!(
                rule(&after, r.id).is_none(),
                "{} still fires on {} after\n{}",
                r.id,
                p.display(),
                fix.text
            );
            let errors_before =
                before.findings.iter().filter(|f| f.severity == advisor::Severity::Error).count();
            let errors_after =
                after.findings.iter().filter(|f| f.severity == advisor::Severity::Error).count();
            assert!(errors_after <= errors_before, "{}: the fix added errors on {}", r.id, p.display());
            applied += 1;
        }
    }
    assert!(applied >= 8, "only {applied} drop-ins applied");
}

#[test]
fn a_unit_that_runs_something_else_is_not_judged() {
    let r = check_many(&[(
        "/lib/systemd/system/nginx.service",
        "[Service]\nType=forking\nExecStart=/usr/sbin/nginx -g 'daemon on;'\nRestart=on-failure\n",
    )]);
    assert_eq!(verdict(&r), CloneRestart::Unknown);
    assert!(
        r.findings.iter().all(|f| !f.rule.starts_with("restart-")),
        "{:?}",
        r.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
    );
}
