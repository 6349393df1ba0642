//! mysql client output, version lines, error logs, client errors and CHANGE statements: the
//! documents found (kinds, line ranges, labels) and what the report says about the server.

use crate::support::{check, check_many, recognised};
use advisor::{DocKind, DocumentInfo, Report};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/mysql/", $name))
    };
}

/// (kind, first line, last line) of every recognised document.
fn docs(r: &Report) -> Vec<(DocKind, u32, u32)> {
    r.documents
        .iter()
        .filter(|d| d.kind != DocKind::Unrecognized)
        .map(|d| (d.kind, d.line_start, d.line_end))
        .collect()
}

fn only(r: &Report, kind: DocKind) -> &DocumentInfo {
    let all: Vec<_> = r.documents.iter().filter(|d| d.kind == kind).collect();
    assert_eq!(all.len(), 1, "{:#?}", r.documents);
    all[0]
}

#[test]
fn replica_status_8_0_36_single_channel() {
    let t = fixture!("replica-status-8.0.36.txt");
    let r = check(t);
    // Prompt on line 1; the `\G` block runs to the summary line (65).
    assert_eq!(docs(&r), vec![(DocKind::ReplicaStatus, 2, 65)]);
    let d = only(&r, DocKind::ReplicaStatus);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.label, "SHOW REPLICA STATUS, default channel");
    assert_eq!(r.server.channels, vec![String::new()]);
}

#[test]
fn replica_status_two_channels() {
    let r = check(fixture!("replica-status-2-channels.txt"));
    assert_eq!(docs(&r), vec![(DocKind::ReplicaStatus, 2, 128)]);
    assert_eq!(only(&r, DocKind::ReplicaStatus).label, "SHOW REPLICA STATUS, 2 channels");
    assert_eq!(r.server.channels, vec!["east".to_owned(), "west".to_owned()]);
}

#[test]
fn slave_status_5_7_vertical_and_8_0_table() {
    let r = check(fixture!("slave-status-5.7.44.txt"));
    assert_eq!(docs(&r), vec![(DocKind::ReplicaStatus, 2, 62)]);
    assert_eq!(only(&r, DocKind::ReplicaStatus).label, "SHOW SLAVE STATUS, default channel");

    // Table form, 60 wide columns, a GTID set cell spanning three lines per row.
    let t = fixture!("slave-status-table-2-channels.txt");
    let r = check(t);
    let d = only(&r, DocKind::ReplicaStatus);
    assert_eq!((d.line_start, d.line_end), (2, t.lines().count() as u32));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.label, "SHOW SLAVE STATUS, 2 channels");
    assert_eq!(r.server.channels, vec![String::new(), "west".to_owned()]);
}

#[test]
fn show_variables_tables_give_version_and_flavor() {
    let r = check(fixture!("show-variables-relay.txt"));
    assert_eq!(docs(&r), vec![(DocKind::ShowVariables, 2, 17), (DocKind::ShowVariables, 20, 28)]);
    assert_eq!(r.documents[0].label, "SHOW VARIABLES, 11 variables");
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
    assert_eq!(r.server.flavor.as_deref(), Some("mysql"));
}

#[test]
fn performance_schema_channel_tables_merge_with_status() {
    let r = check_many(&[
        ("status", fixture!("replica-status-2-channels.txt")),
        ("conn", fixture!("connection-configuration.txt")),
        ("applier", fixture!("applier-configuration.txt")),
    ]);
    let kinds: Vec<_> = docs(&r).into_iter().map(|d| d.0).collect();
    assert_eq!(
        kinds,
        vec![DocKind::ReplicaStatus, DocKind::ConnectionConfiguration, DocKind::ApplierConfiguration]
    );
    // Merged by name: still two channels.
    assert_eq!(r.server.channels, vec!["east".to_owned(), "west".to_owned()]);
    let conn = only(&r, DocKind::ConnectionConfiguration);
    assert_eq!((conn.line_start, conn.line_end), (2, 58));
    assert_eq!(conn.label, "performance_schema.replication_connection_configuration, 2 channel rows");
    let app = only(&r, DocKind::ApplierConfiguration);
    assert_eq!((app.line_start, app.line_end), (2, 8));
}

#[test]
fn clone_tables() {
    let r = check(fixture!("clone-status-in-progress.txt"));
    let d = only(&r, DocKind::CloneStatus);
    assert_eq!((d.line_start, d.line_end), (2, 15));
    assert_eq!(d.label, "performance_schema.clone_status: In Progress");

    let r = check(fixture!("clone-status-failed.txt"));
    assert_eq!(only(&r, DocKind::CloneStatus).label, "performance_schema.clone_status: Failed");

    let r = check(fixture!("clone-progress.txt"));
    let d = only(&r, DocKind::CloneProgress);
    assert_eq!((d.line_start, d.line_end), (2, 13));
    assert_eq!(d.label, "performance_schema.clone_progress, 7 stages");
}

#[test]
fn error_log_around_a_clone_is_one_document_with_the_version() {
    let t = fixture!("error-log-clone-3707.txt");
    let r = check(t);
    let n = t.lines().count() as u32;
    assert_eq!(docs(&r), vec![(DocKind::ErrorLog, 1, n)]);
    assert_eq!(only(&r, DocKind::ErrorLog).label, format!("error log, {n} lines, 1 at ERROR level"));
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
    assert_eq!(r.server.flavor.as_deref(), Some("mysql"));
}

#[test]
fn journald_and_5_7_logs() {
    let r = check(fixture!("error-log-restart-journald.txt"));
    assert_eq!(docs(&r), vec![(DocKind::ErrorLog, 1, 4)]);
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));

    // 5.7: the `Version: '…'` line after `ready for connections.` belongs to the log.
    let r = check(fixture!("error-log-5.7.txt"));
    assert_eq!(docs(&r), vec![(DocKind::ErrorLog, 1, 5)]);
    assert_eq!(r.server.version.as_deref(), Some("5.7.44"));
    assert_eq!(r.server.flavor.as_deref(), Some("mysql"));
}

#[test]
fn clone_session_transcript() {
    let r = check(fixture!("clone-session.txt"));
    let kinds: Vec<_> = docs(&r);
    assert!(kinds.contains(&(DocKind::ClientError, 5, 5)), "{kinds:?}");
    assert!(kinds.contains(&(DocKind::ClientError, 7, 7)), "{kinds:?}");
    assert!(kinds.contains(&(DocKind::ClientError, 9, 9)), "{kinds:?}");
    assert!(kinds.contains(&(DocKind::VariableQuery, 14, 19)), "{kinds:?}");
    // `Query OK` answers are recognised too, labelled with their statement.
    let ok = r.documents.iter().find(|d| d.line_start == 2).unwrap();
    assert_eq!(ok.kind, DocKind::QueryResult);
    assert_eq!(ok.label, "Query OK for SET GLOBAL clone_valid_donor_list = '10.0.0.11:3306';");
    let e = r.documents.iter().find(|d| d.line_start == 5).unwrap();
    assert!(e.label.starts_with("client error 3707: Restart server failed"), "{}", e.label);
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
}

#[test]
fn version_lines_server_beats_client() {
    let r = check(fixture!("version-lines.txt"));
    assert_eq!(docs(&r), vec![(DocKind::MysqldVersion, 2, 2), (DocKind::MysqldVersion, 4, 4)]);
    assert_eq!(r.documents[0].label, "/usr/sbin/mysqld version 8.0.36-0ubuntu0.22.04.1");
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));

    let percona =
        "mysqld  Ver 8.0.35-27 for Linux on x86_64 (Percona Server (GPL), Release 27, Revision 2f8eeab2)\n";
    let r = check(percona);
    assert_eq!(r.server.flavor.as_deref(), Some("percona"));
    assert_eq!(r.server.version.as_deref(), Some("8.0.35"));

    let maria = "mysqld  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)\n";
    assert_eq!(check(maria).server.flavor.as_deref(), Some("mariadb"));

    // The runtime VERSION() wins over the binary on disk (an upgrade not yet restarted).
    let r = check_many(&[("bin", percona), ("session", fixture!("clone-session.txt"))]);
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
}

#[test]
fn change_source_statements_are_recognised_and_passwords_never_shown() {
    let t = fixture!("change-source.txt");
    let r = check(t);
    let d = only(&r, DocKind::ChangeReplicationSource);
    assert_eq!((d.line_start, d.line_end), (1, 9));
    assert_eq!(d.label, "CHANGE REPLICATION SOURCE TO statement for channel 'east'");
    // The statement typed at the prompt is read as a whole: the answer names its start.
    let ok = r.documents.iter().find(|d| d.line_start == 14).unwrap();
    assert!(ok.label.starts_with("Query OK for CHANGE MASTER TO MASTER_HOST='10.0.2.11'"), "{}", ok.label);
    assert!(!ok.label.contains("0ld-secret"));
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("Repl-Pa55!"));
    assert!(!json.contains("0ld-secret"));
}

#[test]
fn labels_exist_in_chinese() {
    let inputs = [advisor::Input::new("x", fixture!("replica-status-2-channels.txt"))];
    let r = advisor::analyze_with(&inputs, &advisor::Options { lang: advisor::Lang::ZhCn });
    assert_eq!(r.documents[0].label, "SHOW REPLICA STATUS，2 个通道");
}

#[test]
fn crlf_and_tabs_are_handled() {
    let t = fixture!("clone-status-in-progress.txt").replace('\n', "\r\n");
    let r = check(&t);
    assert_eq!(only(&r, DocKind::CloneStatus).label, "performance_schema.clone_status: In Progress");
    let b = "mysql> SHOW VARIABLES LIKE 'sync_relay_log'\nVariable_name\tValue\nsync_relay_log\t1\n";
    let r = check(b);
    assert_eq!(docs(&r), vec![(DocKind::ShowVariables, 2, 3)]);
}

/// What the core finds in every fixture, as one readable snapshot.
#[test]
fn documents_of_every_fixture_snapshot() {
    let fixtures: &[(&str, &str)] = &[
        ("replica-status-8.0.36.txt", fixture!("replica-status-8.0.36.txt")),
        ("replica-status-2-channels.txt", fixture!("replica-status-2-channels.txt")),
        ("slave-status-5.7.44.txt", fixture!("slave-status-5.7.44.txt")),
        ("slave-status-table-2-channels.txt", fixture!("slave-status-table-2-channels.txt")),
        ("show-variables-relay.txt", fixture!("show-variables-relay.txt")),
        ("connection-configuration.txt", fixture!("connection-configuration.txt")),
        ("applier-configuration.txt", fixture!("applier-configuration.txt")),
        ("clone-status-in-progress.txt", fixture!("clone-status-in-progress.txt")),
        ("clone-status-failed.txt", fixture!("clone-status-failed.txt")),
        ("clone-progress.txt", fixture!("clone-progress.txt")),
        ("error-log-clone-3707.txt", fixture!("error-log-clone-3707.txt")),
        ("error-log-restart-journald.txt", fixture!("error-log-restart-journald.txt")),
        ("error-log-5.7.txt", fixture!("error-log-5.7.txt")),
        ("clone-session.txt", fixture!("clone-session.txt")),
        ("version-lines.txt", fixture!("version-lines.txt")),
        ("change-source.txt", fixture!("change-source.txt")),
    ];
    let mut out = String::new();
    for (name, text) in fixtures {
        out.push_str(&format!("== {name}\n"));
        out.push_str(&recognised(&check_many(&[(name, text)]), |_| true));
    }
    insta::assert_snapshot!(out);
}

/// Installed server packages tell the version (and flavour) where nothing else does: `rpm -qa`,
/// `yum list installed`, `dpkg -l`, `apt list --installed` (issue 13). Client and library packages,
/// and a removed package (`rc`), say nothing about the server.
#[test]
fn package_lists_give_the_version() {
    let text = fixture!("package-versions.txt");
    let r = check(text);
    let lines: Vec<u32> =
        r.documents.iter().filter(|d| d.kind == DocKind::MysqldVersion).map(|d| d.line_start).collect();
    assert_eq!(lines, [5, 7, 11, 13], "server packages only: {:?}", r.documents);
    let rpm = check(
        "$ rpm -qa | grep -i mysql\nmysql-community-client-8.0.16-2.el7.x86_64\nmysql-community-server-8.0.16-2.el7.x86_64\n",
    );
    assert_eq!(rpm.server.version.as_deref(), Some("8.0.16"));
    assert_eq!(rpm.verdicts.clone_restart, advisor::CloneRestart::NotApplicable);
    let percona = check("percona-server-server-8.0.36-28.1.el8.x86_64\n");
    assert_eq!(percona.server.flavor.as_deref(), Some("percona"));
    let maria = check("ii  mariadb-server  1:10.11.6-0+deb12u1  amd64  MariaDB database server binaries\n");
    assert_eq!(
        (maria.server.flavor.as_deref(), maria.server.version.as_deref()),
        (Some("mariadb"), Some("10.11.6"))
    );
    // Near misses: a removed package, a client, a library, prose.
    for t in [
        "rc  mysql-server-8.0  8.0.36-0ubuntu0.22.04.1  amd64  MySQL database server binaries\n",
        "mysql-community-client-8.0.16-2.el7.x86_64\n",
        "mysql-community-libs-8.0.16-2.el7.x86_64\n",
        "I upgraded mysql-server to 8.0.16 yesterday\n",
    ] {
        assert_eq!(check(t).server.version, None, "{t}");
    }
    // A running server's own version outranks the package.
    let both = check_many(&[
        ("rpm", "mysql-community-server-8.0.16-2.el7.x86_64\n"),
        (
            "sql",
            "mysql> SELECT VERSION();\n+-----------+\n| VERSION() |\n+-----------+\n| 8.0.36    |\n+-----------+\n1 row in set (0.00 sec)\n",
        ),
    ]);
    assert_eq!(both.server.version.as_deref(), Some("8.0.36"));
}
