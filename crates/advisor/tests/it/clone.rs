//! The clone rules over realistic pastes: 3707 after CLONE and after RESTART, failed and completed
//! `clone_status`, MariaDB and old MySQL, and the prerequisites (plugin, donor list, packet size).

use crate::support::{check, check_many, shown};
use advisor::{Applicability, Finding, FixTarget, Input, Lang, Options, Report, Severity, analyze_with};

const CLONE_3707: &str = include_str!("../../../../tests/fixtures/clone/clone_3707.txt");
const RESTART_3707: &str = include_str!("../../../../tests/fixtures/clone/restart_3707.txt");
const ERROR_ALONE: &str = include_str!("../../../../tests/fixtures/clone/error_3707_alone.txt");
const DATA_DIR: &str = include_str!("../../../../tests/fixtures/clone/clone_data_directory.txt");
const DONOR_PLUGIN: &str = include_str!("../../../../tests/fixtures/clone/status_failed_donor_plugin.txt");
const INTERRUPTED: &str = include_str!("../../../../tests/fixtures/clone/status_failed_interrupted.txt");
const COMPLETED: &str = include_str!("../../../../tests/fixtures/clone/status_completed.txt");
const IN_PROGRESS: &str = include_str!("../../../../tests/fixtures/clone/status_in_progress_after_3707.txt");
const MARIADB_CLONE: &str = include_str!("../../../../tests/fixtures/clone/mariadb_clone.txt");
const MARIADB_UNIT: &str = include_str!("../../../../tests/fixtures/clone/mariadb_unit.txt");
const MYSQL_8016: &str = include_str!("../../../../tests/fixtures/clone/mysql_8_0_16_clone.txt");
const BAD_CNF: &str = include_str!("../../../../tests/fixtures/clone/prereq_bad.cnf");
const PLUGIN_1524: &str = include_str!("../../../../tests/fixtures/clone/plugin_1524.txt");
const PREREQ_OK: &str = include_str!("../../../../tests/fixtures/clone/prereq_ok.txt");
const NOT_LISTED: &str = include_str!("../../../../tests/fixtures/clone/donor_not_listed.txt");
const UNIT: &str = include_str!("../../../../tests/fixtures/clone/mysqld.service");

fn fired<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn one<'a>(r: &'a Report, rule: &str) -> &'a Finding {
    let v = fired(r, rule);
    assert_eq!(v.len(), 1, "{rule}: expected one finding, got {:#?}", r.findings);
    v[0]
}

fn lines(f: &Finding) -> Vec<(u32, u32)> {
    f.evidence.iter().map(|e| (e.line_start, e.line_end)).collect()
}

fn status<'a>(r: &'a Report, rule: &str) -> &'a advisor::Check {
    r.checks.iter().find(|c| c.rule == rule).expect("rule ran")
}

// ---------------------------------------------------------------------------------------------
// clone-restart-failed

#[test]
fn clone_3707_says_the_clone_succeeded_and_the_server_must_be_started() {
    let r = check(CLONE_3707);
    let f = one(&r, "clone-restart-failed");
    assert_eq!(f.severity, Severity::Error);
    // The 3707 line, the MY-013462 line, the CLONE statement (two lines).
    let ev = lines(f);
    assert!(ev.contains(&(6, 6)), "{ev:?}");
    assert!(ev.contains(&(10, 10)), "{ev:?}");
    assert!(ev.contains(&(4, 5)), "{ev:?}");
    assert!(f.message.contains("The clone itself succeeded"), "{}", f.message);
    assert!(f.message.contains("exit code 0"));
    assert!(f.message.contains("Completed"));
    assert!(f.message.contains("In Progress"));
    // No unit in the input: the start command is generic and display-only; the check is read-only.
    let start = f.fixes.iter().find(|x| x.target == FixTarget::Shell).expect("start fix");
    assert_eq!(start.applicability, Applicability::DisplayOnly);
    let sql = f.fixes.iter().find(|x| x.target == FixTarget::Sql).expect("status check");
    assert!(sql.text.contains("performance_schema.clone_status"));
    assert_eq!(sql.applicability, Applicability::Safe);
    // The password typed in CLONE INSTANCE never reaches the report.
    assert!(!r.to_json().contains("S3cret"), "password leaked");
    // Nothing else in the clone family fires on a successful clone.
    assert!(fired(&r, "clone-status-failed").is_empty());
}

#[test]
fn clone_3707_with_the_unit_names_the_start_command_and_the_supervisor_findings() {
    let r = check_many(&[("/etc/systemd/system/mysqld.service", UNIT), ("terminal", CLONE_3707)]);
    let f = one(&r, "clone-restart-failed");
    let start = f.fixes.iter().find(|x| x.target == FixTarget::Shell).expect("start fix");
    assert_eq!(start.text, "sudo systemctl start mysqld.service");
    assert_eq!(start.applicability, Applicability::Safe);
    let restart_rules: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("restart-") && f.severity != Severity::Info)
        .map(|f| f.rule)
        .collect();
    assert!(!restart_rules.is_empty(), "the restart family should explain the unit");
    for id in restart_rules {
        assert!(f.message.contains(id), "message should point at {id}: {}", f.message);
    }
    assert!(f.message.contains("sudo systemctl start mysqld.service"));
    // The verdict in words, never its JSON name or value (issue 15).
    assert!(
        f.message.contains("next in-place clone's automatic restart: fails (ERROR 3707)"),
        "says the verdict: {}",
        f.message
    );
    assert!(!f.message.contains("clone_restart"), "no internal name: {}", f.message);
}

/// Issue 15, points 4 and 5: the commands in the message are code blocks (in every renderer), and
/// "start the server" and "check that the clone completed" are steps 1 and 2, not alternatives.
#[test]
fn clone_3707_commands_are_code_blocks_and_its_fixes_are_ordered_steps() {
    use advisor::render::markup::{Block, blocks};
    for lang in Lang::ALL {
        let inputs =
            [Input::new("/etc/systemd/system/mysqld.service", UNIT), Input::new("terminal", CLONE_3707)];
        let r = analyze_with(&inputs, &Options { lang });
        let f = one(&r, "clone-restart-failed");
        let code: Vec<String> = blocks(&f.message)
            .into_iter()
            .filter_map(|b| match b {
                Block::Code { code, .. } => Some(code),
                Block::Text(_) => None,
            })
            .collect();
        assert_eq!(
            code,
            [
                "sudo systemctl start mysqld.service",
                "SELECT STATE, ERROR_NO FROM performance_schema.clone_status;"
            ],
            "{lang:?}"
        );
        let steps: Vec<(Option<u32>, FixTarget)> = f.fixes.iter().map(|x| (x.step, x.target)).collect();
        assert_eq!(steps, [(Some(1), FixTarget::Shell), (Some(2), FixTarget::Sql)]);
        assert!(r.to_json().contains("\"step\": 2"));
        let md = advisor::render::markdown(&r);
        assert!(md.contains("```sh\nsudo systemctl start mysqld.service\n```"), "{md}");
        // The "to decide, paste" queries are code blocks too, inside their list item.
        assert!(md.contains("  ```sql\n  SHOW REPLICA STATUS\\G\n  ```"), "{md}");
        let text = advisor::render::text(&r, &Default::default());
        assert!(text.contains("\n      sudo systemctl start mysqld.service\n"), "{text}");
        assert!(!text.contains("```"), "{text}");
    }
    // No unit: the usual ways to start mysqld, as code, not a sentence.
    let r = check(CLONE_3707);
    let f = one(&r, "clone-restart-failed");
    assert!(f.message.contains("```sh\n# start mysqld the way it is normally started"), "{}", f.message);
}

#[test]
fn restart_statement_3707_is_a_warning_and_the_server_still_runs() {
    let r = check(RESTART_3707);
    let f = one(&r, "clone-restart-failed");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("leaves the server running"), "{}", f.message);
    let ev = lines(f);
    assert!(ev.contains(&(1, 1)) && ev.contains(&(2, 2)) && ev.contains(&(8, 8)), "{ev:?}");
    assert!(f.fixes.iter().all(|x| x.target != FixTarget::Shell), "no start command: it is running");
}

#[test]
fn a_bare_3707_describes_both_cases() {
    let r = check(ERROR_ALONE);
    let f = one(&r, "clone-restart-failed");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("If it answered a RESTART statement"));
    assert!(f.message.contains("MY-013462"));
}

#[test]
fn data_directory_clone_never_restarts_so_nothing_fires() {
    let r = check(DATA_DIR);
    assert!(fired(&r, "clone-restart-failed").is_empty());
    assert!(fired(&r, "clone-status-failed").is_empty());
    assert_eq!(status(&r, "clone-status-failed").status, advisor::CheckStatus::Passed);
}

/// What a user sees for the 3707 case with the unit pasted too, in both languages.
#[test]
fn clone_3707_text_snapshot() {
    for lang in Lang::ALL {
        let inputs =
            [Input::new("/etc/systemd/system/mysqld.service", UNIT), Input::new("terminal", CLONE_3707)];
        let r = analyze_with(&inputs, &Options { lang });
        assert_eq!(fired(&r, "clone-restart-failed").len(), 1);
        insta::assert_snapshot!(format!("clone_3707_{}", lang.tag()), shown(&r));
    }
}

// ---------------------------------------------------------------------------------------------
// clone-status-failed

#[test]
fn donor_without_the_plugin_is_explained_with_the_donor_fix() {
    let r = check(DONOR_PLUGIN);
    let f = one(&r, "clone-status-failed");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.title.contains("3862"));
    assert!(f.message.contains("ER_CLONE_DONOR"));
    assert!(f.message.contains("The donor does not have the clone plugin"), "{}", f.message);
    assert_eq!(lines(f)[0], (5, 5), "primary evidence is the STATE line");
    // No clone_progress pasted: whether the old data is still there is said to depend on the stage.
    assert!(f.message.contains("depends on the stage"), "{}", f.message);
    let fix = &f.fixes[0];
    assert_eq!(fix.text, "INSTALL PLUGIN clone SONAME 'mysql_clone.so';");
    assert!(fix.title.contains("donor"));
    // The recipient's plugin is evidently loaded (clone_status exists): no prerequisite finding.
    assert!(fired(&r, "clone-prerequisites").is_empty());
}

#[test]
fn interrupted_clone_names_the_failed_stage_and_offers_a_retry() {
    let r = check(INTERRUPTED);
    let f = one(&r, "clone-status-failed");
    assert!(f.message.contains("FILE COPY"), "{}", f.message);
    assert!(f.message.contains("interrupted"));
    // DROP DATA had completed: the recipient's own data is gone, and the message says so.
    assert!(f.message.contains("DROP DATA stage had started"), "{}", f.message);
    assert!(lines(f).contains(&(14, 14)), "the FILE COPY row: {:?}", lines(f));
    // Table form puts STATE, ERROR_NO and ERROR_MESSAGE on one line: shown once.
    assert_eq!(lines(f).iter().filter(|l| **l == (5, 5)).count(), 1);
    let retry = f.fixes.iter().find(|x| x.text.starts_with("CLONE INSTANCE")).expect("retry");
    assert!(retry.text.contains("'db1.example.com':3306"), "{}", retry.text);
    assert_eq!(retry.applicability, Applicability::DisplayOnly);
}

#[test]
fn completed_status_is_a_pass() {
    let r = check(COMPLETED);
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("clone-")), "{:#?}", r.findings);
    assert_eq!(status(&r, "clone-status-failed").status, advisor::CheckStatus::Passed);
}

#[test]
fn in_progress_after_a_failed_restart_is_info_to_start_the_server() {
    let r = check(IN_PROGRESS);
    let f = one(&r, "clone-status-failed");
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(lines(f), vec![(7, 7)]);
    assert!(f.message.contains("not a failure"));
    // The restart rule shows the same line as secondary evidence.
    let rf = one(&r, "clone-restart-failed");
    assert!(lines(rf).contains(&(7, 7)));
}

#[test]
fn clone_errors_from_the_client_are_explained() {
    let r = check(
        "mysql> CLONE INSTANCE FROM 'clone_user'@'db1':3306 IDENTIFIED BY 'x';\nERROR 3875 (HY000): The clone operation cannot be executed when Group Replication is running.\n",
    );
    let f = one(&r, "clone-status-failed");
    assert!(f.title.contains("3875"));
    assert!(f.message.contains("Group Replication"));
    assert_eq!(lines(f), vec![(2, 2)]);

    let r = check(
        "ERROR 3864 (HY000): Clone Donor MySQL version: 8.0.36 is different from Recipient MySQL version 8.0.35.\n",
    );
    // 3864 is a prerequisite: reported once, by clone-prerequisites, with the 8.0 patch rule.
    assert!(fired(&r, "clone-status-failed").is_empty());
    let f = one(&r, "clone-prerequisites");
    assert!(f.message.contains("8.0.37"), "{}", f.message);
    assert!(f.message.contains("8.0.36") && f.message.contains("8.0.35"));
}

// ---------------------------------------------------------------------------------------------
// clone-unsupported

#[test]
fn mariadb_with_a_clone_statement_is_unsupported() {
    let r = check(MARIADB_CLONE);
    let f = one(&r, "clone-unsupported");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("mariabackup"));
    assert!(f.message.contains("#4248"), "PR status is dated: {}", f.message);
    assert!(f.fixes.iter().any(|x| x.text.contains("mariabackup --backup")));
    assert_eq!(lines(f), vec![(2, 2), (3, 3)]);
}

#[test]
fn mariadb_unit_alone_does_not_fire() {
    let r = check(MARIADB_UNIT);
    assert!(fired(&r, "clone-unsupported").is_empty());
    let c = status(&r, "clone-unsupported");
    assert_eq!(c.status, advisor::CheckStatus::NotApplicable);
    assert!(c.note.contains("MariaDB"));
}

#[test]
fn mysql_before_8_0_17_cannot_clone() {
    let r = check(MYSQL_8016);
    let f = one(&r, "clone-unsupported");
    assert!(f.title.contains("8.0.16"));
    assert!(f.message.contains("8.0.17"));
    let r = check(&MYSQL_8016.replace("8.0.16", "8.0.17"));
    assert!(fired(&r, "clone-unsupported").is_empty());
}

// ---------------------------------------------------------------------------------------------
// clone-prerequisites

#[test]
fn malformed_donor_list_and_small_packet_in_my_cnf() {
    let r = check_many(&[("/etc/my.cnf", BAD_CNF)]);
    let v = fired(&r, "clone-prerequisites");
    assert_eq!(v.len(), 2, "{v:#?}");
    let list = v.iter().find(|f| f.title.contains("malformed")).expect("list finding");
    assert_eq!(lines(list), vec![(4, 4)]);
    assert_eq!(
        list.fixes[0].text,
        "SET PERSIST clone_valid_donor_list = 'db1.example.com:3306,db2.example.com:3306';"
    );
    let packet = v.iter().find(|f| f.title.contains("max_allowed_packet")).expect("packet finding");
    assert_eq!(lines(packet), vec![(5, 5)]);
    assert!(packet.message.contains("donor"));
    assert!(packet.fixes.iter().any(|x| x.text == "SET PERSIST max_allowed_packet = 67108864;"));
    assert!(packet.fixes.iter().any(|x| x.target == FixTarget::MyCnf && x.text.contains("[mysqld]")));
    // plugin-load-add without mysql_clone.so alone proves nothing: no plugin finding.
    assert!(v.iter().all(|f| !f.title.contains("plugin")));
}

#[test]
fn plugin_not_loaded_from_1524_and_an_empty_plugin_query() {
    let r = check(PLUGIN_1524);
    let f = one(&r, "clone-prerequisites");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(lines(f), vec![(2, 2), (4, 4)]);
    assert_eq!(f.fixes[0].text, "INSTALL PLUGIN clone SONAME 'mysql_clone.so';");
    assert!(f.fixes.iter().any(|x| x.text == "[mysqld]\nplugin-load-add=mysql_clone.so"));
    assert!(fired(&r, "clone-status-failed").is_empty(), "1524 is reported once");
}

#[test]
fn valid_list_active_plugin_and_listed_donor_pass() {
    let r = check(PREREQ_OK);
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("clone-")), "{:#?}", r.findings);
    assert_eq!(status(&r, "clone-prerequisites").status, advisor::CheckStatus::Passed);
}

#[test]
fn donor_missing_from_the_list_and_applying_the_fix_clears_it() {
    let r = check(NOT_LISTED);
    let f = one(&r, "clone-prerequisites");
    assert_eq!(lines(f), vec![(5, 5), (9, 9), (10, 10)]);
    let fix = &f.fixes[0];
    assert_eq!(fix.text, "SET PERSIST clone_valid_donor_list = 'db2.example.com:3306,db1.example.com:3306';");
    assert!(fired(&r, "clone-status-failed").is_empty(), "3869 is reported once");

    // Apply the fix to the pasted runtime value (and drop the old error) and analyse again.
    let fixed = NOT_LISTED
        .replace(
            "| clone_valid_donor_list | db2.example.com:3306 |",
            "| clone_valid_donor_list | db2.example.com:3306,db1.example.com:3306 |",
        )
        .lines()
        .filter(|l| !l.starts_with("ERROR 3869"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = check(&fixed);
    assert!(fired(&r, "clone-prerequisites").is_empty(), "{:#?}", r.findings);
}

#[test]
fn empty_donor_list_with_a_remote_clone_is_an_error() {
    let text = "mysql> SHOW VARIABLES LIKE 'clone_valid_donor_list';\n+------------------------+-------+\n| Variable_name          | Value |\n+------------------------+-------+\n| clone_valid_donor_list |       |\n+------------------------+-------+\n1 row in set (0.00 sec)\n\nmysql> CLONE INSTANCE FROM 'clone_user'@'db1.example.com':3306 IDENTIFIED BY 'x';\n";
    let r = check(text);
    let f = one(&r, "clone-prerequisites");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.title.contains("empty"));
    assert_eq!(f.fixes[0].text, "SET PERSIST clone_valid_donor_list = 'db1.example.com:3306';");
}

// ---------------------------------------------------------------------------------------------
// Both languages

#[test]
fn every_clone_text_is_translated() {
    let inputs: &[&[(&str, &str)]] = &[
        &[("/etc/systemd/system/mysqld.service", UNIT), ("t", CLONE_3707)],
        &[("t", RESTART_3707)],
        &[("t", ERROR_ALONE)],
        &[("t", DONOR_PLUGIN)],
        &[("t", INTERRUPTED)],
        &[("t", IN_PROGRESS)],
        &[("t", MARIADB_CLONE)],
        &[("t", MYSQL_8016)],
        &[("/etc/my.cnf", BAD_CNF)],
        &[("t", PLUGIN_1524)],
        &[("t", NOT_LISTED)],
    ];
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for set in inputs {
        let v: Vec<Input> = set.iter().map(|(n, t)| Input::new(*n, *t)).collect();
        let r = analyze_with(&v, &Options { lang: Lang::ZhCn });
        let mine: Vec<&Finding> = r.findings.iter().filter(|f| f.rule.starts_with("clone-")).collect();
        assert!(!mine.is_empty(), "nothing fired for {:?}", set[0].0);
        for f in mine {
            for text in [&f.title, &f.message] {
                assert!(cjk(text), "untranslated: {text}");
            }
            for e in &f.evidence {
                assert!(cjk(&e.label) || e.label.is_ascii(), "{}", e.label);
            }
            for x in &f.fixes {
                assert!(cjk(&x.title), "untranslated fix title: {}", x.title);
            }
        }
    }
}

#[test]
fn started_since_and_completed_leaves_only_the_supervisor() {
    let text = format!("{CLONE_3707}\n$ sudo systemctl start mysqld\n{COMPLETED}");
    let r = check(&text);
    let f = one(&r, "clone-restart-failed");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("the clone is done"), "{}", f.message);
    assert!(f.fixes.iter().all(|x| x.target != FixTarget::Shell), "already started");
    assert!(f.evidence.iter().any(|e| e.label.contains("completed")));
    assert!(fired(&r, "clone-status-failed").is_empty());
}

#[test]
fn x_protocol_port_as_donor_port_is_a_warning() {
    let r = check("mysql> CLONE INSTANCE FROM 'clone_user'@'db1.example.com':33060 IDENTIFIED BY 'x';\n");
    let f = one(&r, "clone-prerequisites");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("db1.example.com:33060"));
    assert_eq!(lines(f), vec![(1, 1)]);
    let r = check("mysql> CLONE INSTANCE FROM 'clone_user'@'db1.example.com':3306 IDENTIFIED BY 'x';\n");
    assert!(fired(&r, "clone-prerequisites").is_empty());
}

#[test]
fn crlf_and_tabs_give_the_same_findings() {
    let crlf = CLONE_3707.replace('\n', "\r\n").replace("    -> ", "\t-> ");
    let r = check(&crlf);
    let f = one(&r, "clone-restart-failed");
    let ev = lines(f);
    assert!(ev.contains(&(6, 6)) && ev.contains(&(10, 10)) && ev.contains(&(4, 5)), "{ev:?}");
    assert!(f.evidence.iter().all(|e| e.excerpt.lines().all(|l| !l.contains('\r'))));
}
