//! MySQL Shell transcripts, ERROR 3707 as every client prints it, and Group Replication clone
//! recovery logs (`runtime-and-launchers.md` §4–§6): which documents each fixture gives.

use crate::support::{check, shown};
use advisor::{DocKind, Lang, Options, Report, render};

fn fixture(area: &str, name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{area}/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn kinds(r: &Report) -> Vec<DocKind> {
    r.documents.iter().map(|d| d.kind).collect()
}

/// The labels of the documents of `kind`.
fn labels(r: &Report, kind: DocKind) -> Vec<&str> {
    r.documents.iter().filter(|d| d.kind == kind).map(|d| d.label.as_str()).collect()
}

#[test]
fn shell_transcripts_are_one_document_each() {
    for name in [
        "cluster-addinstance-timeout.txt",
        "cluster-addinstance-success.txt",
        "replicaset-addinstance-timeout.txt",
        "configure-instance-3707.txt",
    ] {
        let r = check(&fixture("shell", name));
        assert_eq!(kinds(&r), [DocKind::Mysqlsh], "{name}: {:?}", r.documents);
    }
    let r = check(&fixture("shell", "cluster-addinstance-timeout.txt"));
    assert_eq!(labels(&r, DocKind::Mysqlsh), ["MySQL Shell cluster.addInstance"]);
    let d = &r.documents[0];
    assert_eq!((d.line_start, d.line_end), (3, 43));
}

#[test]
fn shell_3707_reaches_the_clone_rules() {
    // dba.configureInstance's failed remote restart is a 3707 like any other: the restart rules
    // read it (the report names ER_RESTART_SERVER_FAILED's finding).
    let with_shell = check(&fixture("shell", "configure-instance-3707.txt"));
    let plain =
        check("ERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n");
    let ids = |r: &Report| r.findings.iter().map(|f| f.rule.to_string()).collect::<Vec<_>>();
    assert!(!ids(&plain).is_empty());
    for id in ids(&plain) {
        assert!(ids(&with_shell).contains(&id), "{id} missing: {:?}", ids(&with_shell));
    }
}

#[test]
fn shell_sql_mode_3707_is_a_client_error() {
    let r = check(&fixture("shell", "sql-mode-3707.txt"));
    assert_eq!(kinds(&r), [DocKind::ClientError]);
    assert!(labels(&r, DocKind::ClientError)[0].contains("3707"));
}

#[test]
fn every_client_prints_3707_its_own_way() {
    for (name, code) in [
        ("mysql-cli-batch.txt", "3707"),
        ("mysql-cli-source-file.txt", "3707"),
        ("mysqltest-result.txt", "3707"),
        ("connector-j.txt", "3707"),
        ("pymysql.txt", "3707"),
        ("mysqlclient.txt", "3707"),
        ("mysqlclient-old.txt", "3707"),
        ("sqlalchemy-pymysql.txt", "3707"),
        ("mysql-connector-python.txt", "3707"),
        ("go-driver.txt", "3707"),
        ("go-driver-v1.6.txt", "3707"),
        ("node-mysql2.txt", "3707"),
        ("dbeaver.txt", "3707"),
        ("dbeaver-de.txt", "3707"),
        ("dbeaver-es.txt", "3707"),
        ("workbench.txt", "3707"),
        ("workbench-action-output.txt", "3707"),
        ("app-log.txt", "3707"),
        ("dbeaver-1524.txt", "1524"),
        ("workbench-3869.txt", "3869"),
        ("pymysql-3862.txt", "3862"),
        ("near-miss-lost-connection.txt", "2013"),
    ] {
        let r = check(&fixture("clients", name));
        let errs = labels(&r, DocKind::ClientError);
        assert_eq!(errs.len(), 1, "{name}: {:?}", r.documents);
        assert!(errs[0].starts_with(&format!("client error {code}:")), "{name}: {}", errs[0]);
        if code == "3707" {
            assert!(errs[0].contains("Restart server failed (mysqld is not managed"), "{name}: {}", errs[0]);
        }
    }
    // The interactive session: 3707, then the lost connection and the failed reconnect.
    let r = check(&fixture("clients", "mysql-cli-interactive.txt"));
    let errs = labels(&r, DocKind::ClientError);
    assert!(errs[0].starts_with("client error 3707:"), "{errs:?}");
    assert!(errs.iter().any(|l| l.starts_with("client error 2013:")), "{errs:?}");
}

#[test]
fn node_error_object_is_one_document() {
    let r = check(&fixture("clients", "node-mysql2.txt"));
    assert_eq!(kinds(&r), [DocKind::ClientError]);
    let d = &r.documents[0];
    assert_eq!((d.line_start, d.line_end), (2, 14));
}

#[test]
fn jdbc_stack_is_left_to_the_error_line() {
    let r = check(&fixture("clients", "connector-j.txt"));
    assert_eq!(r.documents[0].kind, DocKind::ClientError);
    assert_eq!((r.documents[0].line_start, r.documents[0].line_end), (1, 1));
}

/// "error 3707 means …" in prose is not an error: only a client's own format (or a known message
/// inside an application's log line) is. Documentation that quotes the message is left alone.
#[test]
fn prose_about_3707_is_not_a_client_error() {
    let r = check(&fixture("clients", "near-miss-prose.txt"));
    assert!(!kinds(&r).contains(&DocKind::ClientError), "{:?}", r.documents);
    assert!(!kinds(&r).contains(&DocKind::Mysqlsh));
}

#[test]
fn group_replication_clone_logs_are_error_logs() {
    for name in ["clone-recovery-3707.log", "clone-recovery-restarted.log"] {
        let r = check(&fixture("group-replication", name));
        assert_eq!(kinds(&r), [DocKind::ErrorLog], "{name}");
    }
}

#[test]
fn secrets_in_client_and_shell_inputs_are_never_shown() {
    for (area, name) in [
        ("clients", "mysql-cli-interactive.txt"),
        ("clients", "mysql-cli-batch.txt"),
        ("clients", "workbench-action-output.txt"),
        ("clients", "syntax-error-secret.txt"),
    ] {
        let text = fixture(area, name);
        assert!(text.contains("S3cret"), "{name} holds no secret");
        for lang in [Lang::En, Lang::ZhCn] {
            let r = advisor::analyze_with(&[advisor::Input::new(name, text.as_str())], &Options { lang });
            let json = serde_json::to_string(&r).unwrap();
            for (what, out) in [("text", shown(&r)), ("markdown", render::markdown(&r)), ("json", json)] {
                assert!(!out.contains("S3cret"), "{name}: the secret leaks in {what}:\n{out}");
            }
        }
    }
    // The syntax error's echo is masked in its label.
    let r = check(&fixture("clients", "syntax-error-secret.txt"));
    assert!(labels(&r, DocKind::ClientError)[0].contains("near '****' at line 1"));
}

#[test]
fn streamed_scanner_keeps_the_group_replication_clone_lines() {
    let log = fixture("group-replication", "clone-recovery-3707.log");
    let tl = advisor::logscan::scan(log.as_bytes());
    let codes: Vec<String> = tl.events.iter().filter_map(|e| e.code_str()).collect();
    for want in ["MY-013470", "MY-013471", "MY-013462", "MY-013465", "MY-010910"] {
        assert!(codes.iter().any(|c| c == want), "{want} not kept: {codes:?}");
    }
    // The excerpt the scanner hands to `analyze` is still an error log.
    let r = advisor::analyze(&[tl.to_input("mysqld.log")]);
    assert!(kinds(&r).contains(&DocKind::ErrorLog));
}
