//! Snapshots of exactly what people read: the text and Markdown output of the binary.
//! Update with `INSTA_UPDATE=always cargo test -p mysql-advisor`, then *read* the `.snap` files.

use crate::support::*;

fn snap(name: &str, args: &[&str]) {
    let o = run(args);
    assert!(matches!(code(&o), 0 | 1), "{args:?}: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    let description = format!("mysql-advisor {}", args.join(" "));
    insta::with_settings!({ description => description, omit_expression => true }, {
        insta::assert_snapshot!(name, stdout(&o));
    });
}

#[test]
fn text_3707_transcript() {
    snap("text_3707_transcript", &["check", T3707]);
}

#[test]
fn text_3707_transcript_zh() {
    snap("text_3707_transcript_zh", &["check", T3707, "--lang", "zh-CN"]);
}

#[test]
fn markdown_3707_transcript() {
    snap("markdown_3707_transcript", &["check", T3707, "--format", "markdown"]);
}

#[test]
fn text_oracle_rpm_unit_with_error_log() {
    snap("text_oracle_rpm_unit_with_error_log", &["check", ORACLE_RPM, ERROR_LOG_3707]);
}

#[test]
fn text_replica() {
    snap("text_replica", &["check", REPLICA_CNF, REPLICA_STATUS]);
}

#[test]
fn markdown_replica_zh() {
    snap(
        "markdown_replica_zh",
        &["check", REPLICA_CNF, REPLICA_STATUS, "--format", "markdown", "--lang", "zh-CN"],
    );
}

#[test]
fn text_secrets() {
    snap("text_secrets", &["check", SECRETS_CNF, SECRETS_UNIT]);
}

#[test]
fn text_not_mysql() {
    snap("text_not_mysql", &["check", NOT_MYSQL, LATIN1]);
}

#[test]
fn rules_list() {
    snap("rules_list", &["rules"]);
}
