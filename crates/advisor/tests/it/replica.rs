//! Replica crash safety (issue 4): every rule fires on realistic fixtures and stays quiet on
//! near-misses, in 5.7 `SHOW SLAVE STATUS` and 8.0/8.4 `SHOW REPLICA STATUS` names, `\G` and table
//! form, one and several channels; the manual's recipe on 8.0.36 is `yes`; and every fix, taken
//! from the report, applied to the input and analysed again, clears its finding.

use crate::support::{check, check_many, shown};
use advisor::{Applicability, CrashSafe, Finding, Fix, FixTarget, Input, Lang, Options, Report, Severity};
use std::collections::BTreeMap;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/replica/", $name))
    };
}

const RECIPE: &str = fixture!("recipe-8.0.36.txt");
const RECIPE_2CH_TABLE: &str = fixture!("recipe-8.0.36-2ch-table.txt");
const UNSAFE_57: &str = fixture!("unsafe-5.7.44-slave-status.txt");
const UNSAFE_57_TABLE: &str = fixture!("unsafe-5.7.44-2ch-table.txt");
const UNSAFE_80: &str = fixture!("unsafe-8.0.36-2ch.txt");
const PURGED: &str = fixture!("purged-8.0.36.txt");
const REMOVED_84: &str = fixture!("removed-8.4.3.txt");
const REMOVED_84_LOOSE: &str = fixture!("removed-8.4.3-loose.txt");
const SAFE_57: &str = fixture!("safe-5.7.44.txt");
const STATUS_ONLY: &str = fixture!("status-only-8.0.36.txt");
const SOURCE_VARS: &str = fixture!("source-variables-8.0.36.txt");
const REVERTS_80: &str = fixture!("reverts-at-restart-8.0.36.txt");
const REVERTS_57: &str = fixture!("reverts-at-restart-5.7.44.txt");
const PENDING: &str = fixture!("recovery-pending-restart-8.0.36.txt");
const RECIPE_8026: &str = fixture!("recipe-8.0.26.txt");
const UNSAFE_80_TABLE: &str = fixture!("unsafe-8.0.36-2ch-table.txt");
const SAFE_57_TABLE: &str = fixture!("safe-5.7.44-2ch-table.txt");
const HEALTHY: &str = fixture!("healthy-8.0.36.txt");
const VARIABLES_ONLY: &str = fixture!("variables-only-8.0.36.txt");

const RULES: [&str; 11] = [
    "replica-gtid-off",
    "replica-auto-position",
    "replica-gtid-only",
    "replica-sync-relay-log",
    "replica-innodb-flush",
    "replica-info-repository",
    "replica-relay-log-recovery",
    "replica-mts-gaps",
    "replica-sync-binlog",
    "replica-threads-stopped",
    "replica-source-purged",
];

fn replica_findings(r: &Report) -> Vec<&Finding> {
    r.findings.iter().filter(|f| f.rule.starts_with("replica-")).collect()
}

fn fired<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn keys(r: &Report) -> Vec<(String, Option<String>)> {
    let mut v: Vec<_> = replica_findings(r).iter().map(|f| (f.rule.to_owned(), f.channel.clone())).collect();
    v.sort();
    v.dedup();
    v
}

fn channels(r: &Report, rule: &str) -> Vec<Option<String>> {
    fired(r, rule).iter().map(|f| f.channel.clone()).collect()
}

// ---------------------------------------------------------------------------------------------
// The recipe: yes, no warnings.

#[test]
fn manual_recipe_on_8_0_36_is_crash_safe_with_no_warnings() {
    for text in [RECIPE, RECIPE_2CH_TABLE] {
        let r = check(text);
        assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
        assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
        assert_eq!(
            r.verdicts.replica_crash_safe,
            CrashSafe::Yes,
            "{:#?}",
            r.verdict_notes.replica_crash_safe
        );
        let note = &r.verdict_notes.replica_crash_safe;
        assert!(note.missing.is_empty() && note.assumptions.is_empty(), "{note:#?}");
        for c in r.checks.iter().filter(|c| c.rule.starts_with("replica-")) {
            assert!(
                matches!(c.status, advisor::CheckStatus::Passed | advisor::CheckStatus::NotApplicable),
                "{}: {:?} {}",
                c.rule,
                c.status,
                c.note
            );
        }
    }
    assert_eq!(check(RECIPE_2CH_TABLE).server.channels, vec!["east".to_owned(), "west".to_owned()]);
}

#[test]
fn the_recipe_split_over_several_inputs_is_crash_safe_too() {
    // The same session pasted as separate inputs: the option file, the status, p_s.
    let (head, rest) = RECIPE.split_at(RECIPE.find("mysql> SHOW REPLICA STATUS").expect("status in fixture"));
    let r = check_many(&[("replica.cnf + version", head), ("session", rest)]);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
}

#[test]
fn safe_5_7_in_slave_names_is_crash_safe_without_gtid_only() {
    let r = check(SAFE_57);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
    let gtid_only = r.checks.iter().find(|c| c.rule == "replica-gtid-only").expect("ran");
    assert_eq!(gtid_only.status, advisor::CheckStatus::NotApplicable);
}

// ---------------------------------------------------------------------------------------------
// Each rule fires, and near-misses do not.

#[test]
fn crash_unsafe_5_7_slave_status_g() {
    let r = check(UNSAFE_57);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    for rule in [
        "replica-gtid-off",
        "replica-sync-relay-log",
        "replica-innodb-flush",
        "replica-relay-log-recovery",
        "replica-mts-gaps",
        "replica-sync-binlog",
    ] {
        assert_eq!(fired(&r, rule).len(), 1, "{rule}: {:#?}", replica_findings(&r));
    }
    // both repositories are FILE
    assert_eq!(fired(&r, "replica-info-repository").len(), 2);
    // 5.7: no GTID_ONLY, threads run, nothing purged; auto-position is folded into gtid-off
    for rule in
        ["replica-gtid-only", "replica-threads-stopped", "replica-source-purged", "replica-auto-position"]
    {
        assert!(fired(&r, rule).is_empty(), "{rule}");
    }
    // 5.7 spelling everywhere
    let all: String =
        replica_findings(&r).iter().flat_map(|f| f.fixes.iter().map(|x| x.text.as_str())).collect();
    assert!(all.contains("CHANGE MASTER TO MASTER_AUTO_POSITION = 1;"), "{all}");
    assert!(
        all.contains("STOP SLAVE;") && all.contains("SET GLOBAL slave_preserve_commit_order = ON;"),
        "{all}"
    );
    assert!(!all.contains("PERSIST") && !all.contains("REPLICA") && !all.contains("replica_"), "{all}");
    // the relay_log_recovery evidence points at the my.cnf line
    let ev = &fired(&r, "replica-relay-log-recovery")[0].evidence[0];
    assert_eq!(ev.excerpt.trim(), "relay_log_recovery = OFF");
    assert_eq!(ev.line_start, ev.line_end);
}

#[test]
fn crash_unsafe_5_7_table_two_channels() {
    let r = check(UNSAFE_57_TABLE);
    assert_eq!(r.server.channels, vec!["a".to_owned(), "b".to_owned()]);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    assert_eq!(channels(&r, "replica-mts-gaps"), vec![Some("a".to_owned()), Some("b".to_owned())]);
    // b: Connecting with 2003 → receiver down, explained
    let stopped = fired(&r, "replica-threads-stopped");
    assert_eq!(stopped.len(), 1);
    assert_eq!(stopped[0].channel.as_deref(), Some("b"));
    assert!(stopped[0].message.contains("2003") && stopped[0].message.contains("CR_CONN_HOST_ERROR"));
    assert!(stopped[0].message.contains("channel 'b'"));
    assert!(stopped[0].evidence.iter().any(|e| e.excerpt.contains("Connecting")));
    // per-channel fixes name the channel
    let until = &fired(&r, "replica-mts-gaps")[1].fixes[1].text;
    assert_eq!(
        until,
        "START SLAVE UNTIL SQL_AFTER_MTS_GAPS FOR CHANNEL 'b';\nSTART SLAVE FOR CHANNEL 'b';\n"
    );
    assert!(fired(&r, "replica-info-repository").iter().all(|f| f.severity == Severity::Warning));
}

#[test]
fn crash_unsafe_8_0_36_two_channels_g() {
    let r = check(UNSAFE_80);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    assert_eq!(channels(&r, "replica-auto-position"), vec![Some("west".to_owned())]);
    assert_eq!(channels(&r, "replica-gtid-only"), vec![Some("east".to_owned())]);
    assert_eq!(channels(&r, "replica-mts-gaps"), vec![Some("west".to_owned())]);
    assert_eq!(channels(&r, "replica-threads-stopped"), vec![Some("west".to_owned())]);
    for rule in [
        "replica-sync-relay-log",
        "replica-innodb-flush",
        "replica-relay-log-recovery",
        "replica-sync-binlog",
    ] {
        assert_eq!(fired(&r, rule).len(), 1, "{rule}");
    }
    for rule in ["replica-gtid-off", "replica-info-repository", "replica-source-purged"] {
        assert!(fired(&r, rule).is_empty(), "{rule}");
    }
    let west = fired(&r, "replica-auto-position")[0];
    assert_eq!(
        west.fixes[0].text,
        "STOP REPLICA FOR CHANNEL 'west';\nCHANGE REPLICATION SOURCE TO SOURCE_AUTO_POSITION = 1, REQUIRE_ROW_FORMAT = 1, GTID_ONLY = 1 FOR CHANNEL 'west';\nSTART REPLICA FOR CHANNEL 'west';\n"
    );
    let east = fired(&r, "replica-gtid-only")[0];
    assert!(east.fixes[0].text.contains("REQUIRE_ROW_FORMAT = 1, GTID_ONLY = 1 FOR CHANNEL 'east';"));
    let stopped = fired(&r, "replica-threads-stopped")[0];
    assert!(stopped.message.contains("1062") && stopped.message.contains("ER_DUP_ENTRY"));
    assert_eq!(stopped.severity, Severity::Error);
    // sync_relay_log on a multi-threaded replica says so
    assert!(fired(&r, "replica-sync-relay-log")[0].message.contains("4 parallel workers"));
    let rec = fired(&r, "replica-relay-log-recovery")[0];
    assert_eq!(rec.fixes[0].target, FixTarget::MyCnf);
    assert_eq!(rec.fixes[0].applicability, Applicability::NeedsReview);
    assert!(rec.fixes[0].reason.as_deref().is_some_and(|r| r.contains("restart")));
}

#[test]
fn table_form_gives_the_same_answers_as_vertical_form() {
    let g = check(UNSAFE_80);
    let t = check(UNSAFE_80_TABLE);
    assert_eq!(keys(&g), keys(&t));
    assert_eq!(t.verdicts.replica_crash_safe, CrashSafe::No);
    // 5.7 names, table form, two channels, done right
    let r = check(SAFE_57_TABLE);
    assert_eq!(r.server.channels, vec!["a".to_owned(), "b".to_owned()]);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
}

#[test]
fn source_purged_points_to_clone_restart_checks() {
    let r = check(PURGED);
    let purged = fired(&r, "replica-source-purged");
    assert_eq!(purged.len(), 1);
    assert!(
        purged[0].message.contains("Will a clone's automatic restart work?")
            && purged[0].message.contains("3707")
    );
    let fix = &purged[0].fixes[0];
    assert_eq!(fix.applicability, Applicability::DisplayOnly);
    assert!(fix.text.contains("CLONE INSTANCE FROM 'clone_user'@'db1.example.com':3307"), "{}", fix.text);
    assert!(fix.text.contains("clone_valid_donor_list = 'db1.example.com:3307'"));
    let stopped = fired(&r, "replica-threads-stopped");
    assert!(stopped[0].message.contains("13114"));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    // near-miss: the same server with the receiver running
    let r = check(RECIPE);
    assert!(fired(&r, "replica-source-purged").is_empty());
}

#[test]
fn repository_variables_on_8_4() {
    let r = check(REMOVED_84);
    let f = fired(&r, "replica-info-repository");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert!(f[0].message.contains("loose-"));
    assert_eq!(f[0].evidence[0].excerpt.trim(), "relay_log_info_repository = TABLE");
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    // near miss: loose- prefix
    let r = check(REMOVED_84_LOOSE);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes);
}

#[test]
fn deprecated_repository_line_on_8_0_36_is_info_only() {
    let text = RECIPE.replace("read_only = ON", "read_only = ON\nmaster_info_repository = TABLE");
    let r = check(&text);
    let f = fired(&r, "replica-info-repository");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Info);
    assert!(f[0].fixes[0].text.contains("-master_info_repository = TABLE"));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes);
}

#[test]
fn every_rule_fires_somewhere_and_has_a_near_miss() {
    let bad = [UNSAFE_57, UNSAFE_57_TABLE, UNSAFE_80, PURGED, REMOVED_84];
    let good = [RECIPE, RECIPE_2CH_TABLE, SAFE_57, REMOVED_84_LOOSE];
    for rule in RULES {
        assert!(bad.iter().any(|t| !fired(&check(t), rule).is_empty()), "{rule} never fires");
        for t in good {
            assert!(fired(&check(t), rule).is_empty(), "{rule} fires on a near-miss");
        }
    }
}

#[test]
fn not_a_replica_and_status_only_are_unknown_and_say_what_to_paste() {
    // A source's settings: the recipe is checked anyway, each finding a condition.
    let r = check(SOURCE_VARS);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
    assert_eq!(
        keys(&r),
        [("replica-relay-log-recovery".to_owned(), None), ("replica-sync-relay-log".to_owned(), None)]
    );
    assert!(
        replica_findings(&r)
            .iter()
            .all(|f| f.severity == Severity::Warning && f.message.starts_with("If this server is a replica"))
    );
    let note = &r.verdict_notes.replica_crash_safe;
    assert!(note.summary.contains("Not crash-safe if it replicates: 2 items"), "{note:#?}");
    assert!(note.missing[0].contains("SHOW REPLICA STATUS\\G"), "{note:#?}");

    let r = check(STATUS_ONLY);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    let note = &r.verdict_notes.replica_crash_safe;
    assert!(note.missing.iter().any(|m| m.contains("'sync_relay_log'")), "{note:#?}");
    assert!(note.missing.iter().any(|m| m.contains("GTID_ONLY")), "{note:#?}");
    // no version: the assumption is spelled out, and the column names narrow it down
    assert!(
        note.assumptions.iter().any(|a| a.contains("assumed 8.0.45") && a.contains("8.0.27")),
        "{note:#?}"
    );
    assert!(note.assumptions.iter().any(|a| a.contains("8.0.22 or later")), "{note:#?}");
}

#[test]
fn chinese_report_is_chinese() {
    let r = advisor::analyze_with(&[Input::new("input 1", UNSAFE_80)], &Options { lang: Lang::ZhCn });
    let f = r.findings.iter().find(|f| f.rule == "replica-auto-position").expect("fires");
    assert!(f.message.contains("通道 'west'"), "{}", f.message);
    assert!(f.title.contains("按文件位点复制"), "{}", f.title);
    assert!(r.verdict_notes.replica_crash_safe.summary.contains("崩溃安全"));
    // SQL stays SQL
    assert!(f.fixes[0].text.contains("CHANGE REPLICATION SOURCE TO SOURCE_AUTO_POSITION = 1"));
}

#[test]
fn a_change_statement_shows_a_replica_and_counts_as_the_channel_configuration() {
    // a CHANGE statement run after SHOW REPLICA STATUS overrides what the row showed
    let stmt = "mysql> CHANGE REPLICATION SOURCE TO SOURCE_AUTO_POSITION = 1, REQUIRE_ROW_FORMAT = 1, GTID_ONLY = 1 FOR CHANNEL 'west';\nQuery OK, 0 rows affected (0.01 sec)\n";
    let r = check_many(&[("status", UNSAFE_80), ("later", stmt)]);
    assert!(fired(&r, "replica-auto-position").is_empty(), "{:#?}", fired(&r, "replica-auto-position"));
    // alone, a statement is enough to judge the input as a replica's
    let cnf = "[mysqld]\ngtid_mode = ON\nenforce_gtid_consistency = ON\n";
    let r = check_many(&[
        ("my.cnf", cnf),
        (
            "change",
            "CHANGE MASTER TO MASTER_HOST='10.0.0.11', MASTER_AUTO_POSITION=0 FOR CHANNEL 'legacy';\n",
        ),
    ]);
    assert_eq!(channels(&r, "replica-auto-position"), vec![Some("legacy".to_owned())]);
    assert_eq!(fired(&r, "replica-relay-log-recovery").len(), 1, "unset in my.cnf: OFF by default");
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
}

#[test]
fn purged_logs_in_the_error_log_alone_are_enough() {
    let log = "2024-06-11T10:20:05.118233Z 12 [ERROR] [MY-013114] [Repl] Replica I/O for channel '': Got fatal error 1236 from source when reading data from binary log: 'Cannot replicate because the source purged required binary logs. Replicate the missing transactions from elsewhere, or provision a new replica from backup.', Error_code: MY-013114\n";
    let r = check(log);
    let f = fired(&r, "replica-source-purged");
    assert_eq!(f.len(), 1, "{:#?}", r.documents);
    assert_eq!(f[0].evidence[0].line_start, 1);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    // a line about something else is not
    let r = check(
        "2024-06-11T10:20:05.118233Z 12 [ERROR] [MY-013114] [Repl] Replica I/O for channel '': Got fatal error 1236 from source when reading data from binary log: 'log event entry exceeded max_allowed_packet', Error_code: MY-013114\n",
    );
    assert!(fired(&r, "replica-source-purged").is_empty());
}

#[test]
fn good_now_but_bad_after_a_restart_is_not_crash_safe() {
    let r = check(REVERTS_80);
    let gtid = fired(&r, "replica-gtid-off");
    assert_eq!(gtid.len(), 1, "{:#?}", replica_findings(&r));
    assert_eq!(gtid[0].severity, Severity::Error);
    assert!(gtid[0].message.contains("MY-010530"));
    assert_eq!(gtid[0].fixes[0].text, "SET PERSIST gtid_mode = ON;\n");
    let srl = fired(&r, "replica-sync-relay-log");
    assert_eq!(srl.len(), 1);
    assert!(
        srl[0].message.contains("sync_relay_log = 1") && srl[0].message.contains("10000 again"),
        "{}",
        srl[0].message
    );
    assert_eq!(srl[0].evidence[0].excerpt.trim(), "sync_relay_log = 10000");
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    // 5.7: SET GLOBAL would not help; only the option file is offered
    let r = check(REVERTS_57);
    let srl = fired(&r, "replica-sync-relay-log");
    assert_eq!(srl.len(), 1);
    assert!(srl[0].fixes.iter().all(|f| f.target == FixTarget::MyCnf), "{:#?}", srl[0].fixes);
}

#[test]
fn relay_log_recovery_pending_restart_is_fine_for_the_next_start() {
    let r = check(PENDING);
    assert!(fired(&r, "replica-relay-log-recovery").is_empty());
    let c = r.checks.iter().find(|c| c.rule == "replica-relay-log-recovery").expect("ran");
    assert!(c.note.contains("next restart"), "{}", c.note);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
}

#[test]
fn recipe_on_8_0_26_needs_no_gtid_only() {
    let r = check(RECIPE_8026);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
}

#[test]
fn mariadb_never_gets_mysql_recipe_items() {
    // A 5.7 replica's input relabelled MariaDB: no GTID_ONLY, repositories, gtid_mode…; its own
    // recipe (no Using_Gtid column in a MySQL-shaped status row: unknown, what to paste named).
    let text = UNSAFE_57.replace(
        "5.7.44-log for Linux on x86_64 (MySQL Community Server - GPL)",
        "10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)",
    );
    let r = check(&text);
    assert!(
        replica_findings(&r).iter().all(|f| matches!(f.rule, "replica-innodb-flush" | "replica-sync-binlog")),
        "{:#?}",
        replica_findings(&r)
    );
    assert_no_mysql_only_names(&r);
    // The two durability items are warnings (issue 15: a "no" rests on an error), and the status
    // row cannot say how each connection keeps its position: unknown, and the summary counts them.
    let note = &r.verdict_notes.replica_crash_safe;
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown, "{note:#?}");
    assert!(
        note.summary.contains("2 items") && !note.summary.contains("nothing shown is wrong"),
        "{note:#?}"
    );
    assert!(note.missing.iter().any(|m| m.contains("SHOW ALL SLAVES STATUS")), "{note:#?}");
}

// ---------------------------------------------------------------------------------------------
// MariaDB's own recipe: each connection's position as a GTID in a transactional table.

const MARIA_SAFE: &str = fixture!("mariadb-10.6.19-safe.txt");
const MARIA_FILE_POS: &str = fixture!("mariadb-10.6.19-2conn-file-position.txt");
const MARIA_CURRENT_POS: &str = fixture!("mariadb-10.6.19-2conn-current-pos.txt");
const MARIA_ARIA: &str = fixture!("mariadb-10.6.19-aria-gtid-pos.txt");
const MARIA_DURABILITY: &str = fixture!("mariadb-10.6.19-unsafe-durability.txt");
const MARIA_STATUS_ONLY: &str = fixture!("mariadb-status-only.txt");

/// Names MySQL has and MariaDB does not: never in a MariaDB fix or message.
const MYSQL_ONLY_NAMES: &[&str] = &[
    "relay_log_info_repository",
    "master_info_repository",
    "GTID_ONLY",
    "gtid_mode",
    "SOURCE_AUTO_POSITION",
    "MASTER_AUTO_POSITION",
    "REQUIRE_ROW_FORMAT",
    "PERSIST",
    "CHANGE REPLICATION SOURCE",
    "REPLICA STATUS",
    "FOR CHANNEL",
    "replica_preserve_commit_order",
    "performance_schema",
];

fn assert_no_mysql_only_names(r: &Report) {
    for f in replica_findings(r) {
        for x in &f.fixes {
            for name in MYSQL_ONLY_NAMES {
                assert!(!x.text.contains(name), "{}: fix names {name}:\n{}", f.rule, x.text);
            }
        }
        for name in MYSQL_ONLY_NAMES {
            assert!(!f.message.contains(name), "{}: message names {name}: {}", f.rule, f.message);
        }
    }
    let note = &r.verdict_notes.replica_crash_safe;
    for m in note.missing.iter().chain(&note.assumptions) {
        for name in MYSQL_ONLY_NAMES {
            assert!(!m.contains(name), "missing/assumption names {name}: {m}");
        }
    }
}

#[test]
fn mariadb_with_gtid_positions_in_innodb_is_crash_safe() {
    let r = check(MARIA_SAFE);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
    let note = &r.verdict_notes.replica_crash_safe;
    assert!(note.summary.contains("MariaDB 10.6.19"), "{}", note.summary);
    assert!(note.missing.is_empty() && note.assumptions.is_empty(), "{note:#?}");
    for id in ["replica-mariadb-position-file", "replica-mariadb-gtid-pos-engine"] {
        let c = r.checks.iter().find(|c| c.rule == id).expect("ran");
        assert_eq!(c.status, advisor::CheckStatus::Passed, "{id}: {}", c.note);
    }
    // MySQL's items do not exist there: not applicable, never unknown or fired
    for id in
        ["replica-gtid-only", "replica-info-repository", "replica-gtid-off", "replica-relay-log-recovery"]
    {
        let c = r.checks.iter().find(|c| c.rule == id).expect("ran");
        assert_eq!(c.status, advisor::CheckStatus::NotApplicable, "{id}");
    }
    // relay_log_recovery = OFF is MySQL's item: MariaDB with GTID re-fetches its relay logs anyway
    assert!(fired(&r, "replica-relay-log-recovery").is_empty());
}

#[test]
fn mariadb_current_pos_is_a_gtid_position_too_and_the_engine_is_an_assumption() {
    let r = check(MARIA_CURRENT_POS);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
    let note = &r.verdict_notes.replica_crash_safe;
    assert_eq!(note.assumptions.len(), 1, "{note:#?}");
    assert!(note.assumptions[0].contains("gtid_slave_pos"), "{}", note.assumptions[0]);
    assert_eq!(r.server.channels, vec!["db-east".to_owned(), "db-west".to_owned()]);
}

#[test]
fn mariadb_connection_by_file_position_is_not_crash_safe() {
    let r = check(MARIA_FILE_POS);
    assert_eq!(keys(&r), [("replica-mariadb-position-file".to_owned(), Some("db-west".to_owned()))]);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    let f = fired(&r, "replica-mariadb-position-file")[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.fixes[0].text,
        "STOP SLAVE 'db-west';\nCHANGE MASTER 'db-west' TO MASTER_USE_GTID = slave_pos;\nSTART SLAVE 'db-west';\n"
    );
    assert!(f.references.iter().all(|x| x.url.starts_with("https://mariadb.com/kb/")), "{:#?}", f.references);
    assert_no_mysql_only_names(&r);
    let zh = advisor::analyze_with(&[Input::new("m", MARIA_FILE_POS)], &Options { lang: Lang::ZhCn });
    assert!(zh.verdict_notes.replica_crash_safe.summary.contains("MariaDB 崩溃安全方案"));
}

#[test]
fn mariadb_gtid_position_in_aria_is_not_crash_safe() {
    let r = check(MARIA_ARIA);
    assert_eq!(keys(&r), [("replica-mariadb-gtid-pos-engine".to_owned(), None)]);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    let f = fired(&r, "replica-mariadb-gtid-pos-engine")[0];
    assert!(f.message.contains("mysql.gtid_slave_pos (Aria)"), "{}", f.message);
    assert_eq!(
        f.fixes[0].text,
        "STOP SLAVE;\nSET SESSION sql_log_bin = 0;\nALTER TABLE mysql.gtid_slave_pos ENGINE = InnoDB;\nSET SESSION sql_log_bin = 1;\nSTART SLAVE;\n"
    );
    assert_no_mysql_only_names(&r);
}

#[test]
fn mariadb_durability_items_count_in_its_verdict() {
    let r = check(MARIA_DURABILITY);
    assert_eq!(
        keys(&r),
        [("replica-innodb-flush".to_owned(), None), ("replica-sync-binlog".to_owned(), None)]
    );
    // Both are warnings: crash-safe with two caveats (issue 15: a "no" rests on an error).
    let note = &r.verdict_notes.replica_crash_safe;
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{note:#?}");
    assert_eq!(note.caveats.len(), 2, "{note:#?}");
    assert!(note.summary.contains("MariaDB") && note.summary.contains("2 items"), "{note:#?}");
    assert_no_mysql_only_names(&r);
}

#[test]
fn mariadb_status_alone_is_told_by_its_columns_and_asks_for_mariadb_queries() {
    let r = check(MARIA_STATUS_ONLY);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    // the durability settings are not shown: unknown, with MariaDB's query to paste
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
    let note = &r.verdict_notes.replica_crash_safe;
    assert!(note.missing.iter().any(|m| m.contains("'gtid_pos_auto_engines'")), "{note:#?}");
    assert!(note.assumptions.iter().any(|m| m.contains("10.11.0")), "{note:#?}");
    assert_no_mysql_only_names(&r);
}

#[test]
fn mariadb_fixes_applied_clear_their_findings() {
    // the connection's fix: its CHANGE MASTER pasted after the status
    let r = check(MARIA_FILE_POS);
    let f = fired(&r, "replica-mariadb-position-file")[0];
    let after = check_many(&[("m", MARIA_FILE_POS), ("fix.sql", &f.fixes[0].text)]);
    assert!(replica_findings(&after).is_empty(), "{:#?}", replica_findings(&after));
    assert_eq!(
        after.verdicts.replica_crash_safe,
        CrashSafe::Yes,
        "{:#?}",
        after.verdict_notes.replica_crash_safe
    );
    // the engine's fix: the table now InnoDB
    let r = check(MARIA_ARIA);
    let f = fired(&r, "replica-mariadb-gtid-pos-engine")[0];
    assert!(f.fixes[0].text.contains("ENGINE = InnoDB"));
    let fixed = MARIA_ARIA.replace("| gtid_slave_pos | Aria   |", "| gtid_slave_pos | InnoDB |");
    let after = check(&fixed);
    assert!(replica_findings(&after).is_empty(), "{:#?}", replica_findings(&after));
    assert_eq!(after.verdicts.replica_crash_safe, CrashSafe::Yes);
    // the durability fixes, applied as their text says (SET GLOBAL + the option file)
    let applied = apply_every_fix(&[("mariadb-10.6.19-unsafe-durability", MARIA_DURABILITY)], Some(true));
    assert!(applied >= 2, "only {applied} fixes applied");
}

// ---------------------------------------------------------------------------------------------
// Fixes, applied and analysed again, clear their findings.

/// A mysql table of `SHOW GLOBAL VARIABLES` rows: what the server shows once the fix is applied
/// (for option-file fixes: after the restart the fix calls for).
fn variables_table(vars: &BTreeMap<String, String>) -> String {
    let w1 = vars.keys().map(String::len).max().unwrap_or(0).max("Variable_name".len());
    let w2 = vars.values().map(String::len).max().unwrap_or(0).max("Value".len());
    let sep = format!("+{}+{}+\n", "-".repeat(w1 + 2), "-".repeat(w2 + 2));
    let mut s = String::from("mysql> SHOW GLOBAL VARIABLES;\n");
    s.push_str(&sep);
    s.push_str(&format!("| {:w1$} | {:w2$} |\n", "Variable_name", "Value"));
    s.push_str(&sep);
    for (k, v) in vars {
        s.push_str(&format!("| {k:w1$} | {v:w2$} |\n"));
    }
    s.push_str(&sep);
    s.push_str(&format!("{} rows in set (0.00 sec)\n", vars.len()));
    s
}

/// `SET PERSIST x = v;` / `SET PERSIST_ONLY` / `SET GLOBAL` → (keyword, x, v).
fn parse_set(line: &str) -> Option<(&'static str, String, String)> {
    let l = line.trim().strip_suffix(';')?;
    let (kw, rest) = ["PERSIST_ONLY", "PERSIST", "GLOBAL"].iter().find_map(|k| {
        l.strip_prefix("SET ")
            .and_then(|r| r.strip_prefix(k))
            .and_then(|r| r.strip_prefix(' '))
            .map(|r| (*k, r))
    })?;
    let (k, v) = rest.split_once('=')?;
    Some((kw, k.trim().to_owned(), v.trim().trim_matches('\'').to_owned()))
}

/// The `mysqld-auto.cnf` (version 2) that `SET PERSIST` / `SET PERSIST_ONLY` write.
fn auto_cnf(dynamic: &BTreeMap<String, String>, static_: &BTreeMap<String, String>) -> String {
    let section = |m: &BTreeMap<String, String>| {
        m.iter()
            .map(|(k, v)| format!("\"{k}\": {{\"Value\": \"{v}\", \"Metadata\": {{\"Host\": \"localhost\", \"User\": \"root\", \"Timestamp\": 1718100000000000}}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{{\"Version\": 2, \"mysql_static_variables\": {{{}}}, \"mysql_dynamic_variables\": {{{}}}}}\n",
        section(static_),
        section(dynamic)
    )
}

/// Applies one fix, as its text says, to the inputs; returns the new inputs.
fn apply(inputs: &[(String, String)], fix: &Fix, shows_runtime: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = inputs.to_vec();
    let mut vars = BTreeMap::new();
    match fix.target {
        FixTarget::MyCnf => {
            let mut cnf = String::new();
            for line in fix.text.lines() {
                if let Some(del) = line.strip_prefix('-') {
                    // diff-style removal: delete that line wherever it is
                    for (_, text) in out.iter_mut() {
                        let kept: Vec<&str> = text.lines().filter(|l| l.trim() != del.trim()).collect();
                        *text = kept.join("\n") + "\n";
                    }
                } else if !line.trim_start().starts_with('#') {
                    cnf.push_str(line);
                    cnf.push('\n');
                    if let Some((k, v)) = line.split_once('=') {
                        vars.insert(k.trim().to_owned(), v.trim().to_owned());
                    }
                }
            }
            if !cnf.trim().is_empty() {
                out.push(("my.cnf (fix)".to_owned(), cnf));
            }
            if !shows_runtime {
                vars.clear();
            }
        }
        FixTarget::Sql => {
            let mut stmts = String::new();
            let (mut dynamic, mut static_) = (BTreeMap::new(), BTreeMap::new());
            for line in fix.text.lines() {
                if let Some((kw, k, v)) = parse_set(line) {
                    match kw {
                        "PERSIST" => dynamic.insert(k.clone(), v.clone()),
                        "PERSIST_ONLY" => static_.insert(k.clone(), v.clone()),
                        _ => None,
                    };
                    vars.insert(k, v);
                } else if line.trim_start().to_ascii_uppercase().starts_with("CHANGE ") {
                    stmts.push_str(line);
                    stmts.push('\n');
                }
            }
            if !stmts.is_empty() {
                out.push(("fix.sql".to_owned(), stmts));
            }
            if !dynamic.is_empty() || !static_.is_empty() {
                out.push(("mysqld-auto.cnf".to_owned(), auto_cnf(&dynamic, &static_)));
            }
        }
        _ => panic!("unexpected fix target {:?}", fix.target),
    }
    if !vars.is_empty() {
        out.push(("SHOW VARIABLES after the fix".to_owned(), variables_table(&vars)));
    }
    out
}

fn analyse(inputs: &[(String, String)]) -> Report {
    let v: Vec<(&str, &str)> = inputs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    check_many(&v)
}

/// Applies every fix of every replica finding of each case to its input (on 5.7, `SET GLOBAL`
/// with its option-file companion), re-analyses, and checks that the finding is gone and nothing
/// new fired; returns how many fixes were applied. `runtime`: apply SQL fixes as `SHOW VARIABLES`
/// results (`None`: when the input shows `SHOW VARIABLES`).
fn apply_every_fix(cases: &[(&str, &str)], runtime: Option<bool>) -> usize {
    let mut applied = 0;
    for (name, text) in cases {
        let inputs = vec![((*name).to_owned(), (*text).to_owned())];
        let before = analyse(&inputs);
        let shows_runtime =
            runtime.unwrap_or_else(|| before.documents.iter().any(|d| d.kind.as_str() == "show-variables"));
        let before_keys = keys(&before);
        assert!(!before_keys.is_empty(), "{name}: nothing to fix");
        for f in replica_findings(&before) {
            for fix in f.fixes.iter().filter(|x| x.applicability != Applicability::DisplayOnly) {
                // On 5.7 `SET GLOBAL` is lost at the next restart: the finding offers it together
                // with the option-file fix, and both are applied.
                let mut applied_inputs = apply(&inputs, fix, shows_runtime);
                if fix.text.starts_with("SET GLOBAL ") {
                    let cnf = f
                        .fixes
                        .iter()
                        .find(|x| x.target == FixTarget::MyCnf)
                        .expect("5.7 option-file companion");
                    applied_inputs = apply(&applied_inputs, cnf, false);
                }
                let after = analyse(&applied_inputs);
                let still: Vec<_> = fired(&after, f.rule)
                    .into_iter()
                    .filter(|g| g.channel == f.channel && g.title == f.title)
                    .collect();
                assert!(
                    still.is_empty(),
                    "{name}: fix {:?} of {} ({:?}) did not clear it:\n{}\n{:#?}",
                    fix.title,
                    f.rule,
                    f.channel,
                    fix.text,
                    still
                );
                // The option-file fix of gtid-off turns GTIDs on; switching channels to
                // auto-positioning is the next step its reason names, so that may surface.
                let follow_up = |k: &(String, Option<String>)| {
                    f.rule == "replica-gtid-off"
                        && fix.target == FixTarget::MyCnf
                        && k.0 == "replica-auto-position"
                };
                let new: Vec<_> =
                    keys(&after).into_iter().filter(|k| !before_keys.contains(k) && !follow_up(k)).collect();
                assert!(
                    new.is_empty(),
                    "{name}: fix {:?} of {} brought new findings {new:?}\n{}",
                    fix.title,
                    f.rule,
                    fix.text
                );
                applied += 1;
            }
        }
    }
    applied
}

#[test]
fn every_fix_applied_clears_its_finding_and_breaks_nothing() {
    let deprecated = RECIPE.replace("read_only = ON", "read_only = ON\nrelay_log_info_repository = TABLE");
    let applied = apply_every_fix(
        &[
            ("unsafe-5.7.44-slave-status", UNSAFE_57),
            ("unsafe-5.7.44-2ch-table", UNSAFE_57_TABLE),
            ("unsafe-8.0.36-2ch", UNSAFE_80),
            ("removed-8.4.3", REMOVED_84),
            ("deprecated-8.0.36", &deprecated),
            ("reverts-8.0.36", REVERTS_80),
            ("reverts-5.7.44", REVERTS_57),
        ],
        None,
    );
    assert!(applied >= 25, "only {applied} fixes applied");
}

#[test]
fn all_fixes_together_make_the_8_0_36_replica_crash_safe() {
    let mut inputs = vec![("unsafe-8.0.36-2ch".to_owned(), UNSAFE_80.to_owned())];
    let before = analyse(&inputs);
    for f in replica_findings(&before) {
        // the first applicable fix of each finding
        if let Some(fix) = f.fixes.iter().find(|x| x.applicability != Applicability::DisplayOnly) {
            inputs = apply(&inputs, fix, true);
        }
    }
    // the applier error of 'west' is display-only (fix the cause by hand): simulate it
    inputs.push((
        "after START REPLICA".to_owned(),
        UNSAFE_80[UNSAFE_80.find("mysql> SHOW REPLICA STATUS").expect("status")..]
            .split("mysql> SELECT")
            .next()
            .expect("status block")
            .replace("Replica_SQL_Running: No", "Replica_SQL_Running: Yes")
            .replace("Last_SQL_Errno: 1062", "Last_SQL_Errno: 0")
            .replace("Auto_Position: 0", "Auto_Position: 1"),
    ));
    let after = analyse(&inputs);
    assert!(replica_findings(&after).is_empty(), "{:#?}", replica_findings(&after));
    assert_eq!(
        after.verdicts.replica_crash_safe,
        CrashSafe::Yes,
        "{:#?}",
        after.verdict_notes.replica_crash_safe
    );
}

// ---------------------------------------------------------------------------------------------
// What a user sees.

#[test]
fn snapshot_of_a_crash_unsafe_replica() {
    for lang in [Lang::En, Lang::ZhCn] {
        let r = advisor::analyze_with(&[Input::new("replica.txt", UNSAFE_80)], &Options { lang });
        insta::assert_snapshot!(format!("unsafe_8_0_36_two_channels_{}", lang.tag()), shown(&r));
    }
}

// ---------------------------------------------------------------------------------------------
// Settings without a replica status (issue 14).

#[test]
fn a_healthy_replica_is_crash_safe() {
    let r = check(HEALTHY);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
    // the same variables without the status: nothing wrong, but not yet known to be a replica's
    let vars = &HEALTHY[..HEALTHY.find("mysql> SHOW REPLICA STATUS").expect("status")];
    let r = check(vars);
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
}

#[test]
fn variables_alone_give_conditional_findings_and_plain_durability() {
    let r = check(VARIABLES_ONLY);
    assert_eq!(
        keys(&r),
        [
            ("replica-innodb-flush".to_owned(), None),
            ("replica-relay-log-recovery".to_owned(), None),
            ("replica-sync-binlog".to_owned(), None),
            ("replica-sync-relay-log".to_owned(), None),
        ]
    );
    for f in replica_findings(&r) {
        assert_eq!(f.severity, Severity::Warning, "{}", f.rule);
        let conditional = f.message.starts_with("If this server is a replica — or becomes one after a clone");
        let durability = matches!(f.rule, "replica-innodb-flush" | "replica-sync-binlog");
        assert_eq!(conditional, !durability, "{}: {}", f.rule, f.message);
        assert!(!f.fixes.is_empty(), "{}", f.rule);
    }
    let sb = fired(&r, "replica-sync-binlog");
    assert_eq!(sb[0].title, "sync_binlog is 0, not 1, with the binary log on");
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
    let note = &r.verdict_notes.replica_crash_safe;
    assert!(note.summary.contains("Not crash-safe if it replicates: 4 items"), "{note:#?}");
    assert!(!note.summary.contains("(s)"));
    assert!(note.missing[0].contains("SHOW REPLICA STATUS"), "{note:#?}");
    // one item: singular
    let one = "$ mysql -e 'SHOW GLOBAL VARIABLES LIKE \"relay_log_recovery\"'\nVariable_name\tValue\nrelay_log_recovery\tOFF\n";
    let r = check(one);
    assert!(
        r.verdict_notes.replica_crash_safe.summary.contains("if it replicates: 1 item "),
        "{}",
        r.verdict_notes.replica_crash_safe.summary
    );
    let zh = advisor::analyze_with(&[Input::new("vars", VARIABLES_ONLY)], &Options { lang: Lang::ZhCn });
    assert!(zh.verdict_notes.replica_crash_safe.summary.contains("有 4 项未满足"));
    let f = zh.findings.iter().find(|f| f.rule == "replica-sync-relay-log").expect("fires");
    assert!(f.message.starts_with("如果这台服务器是从库"), "{}", f.message);
}

#[test]
fn variables_that_show_nothing_of_the_recipe_stay_out_of_it() {
    // a restart question's option file: server_id and log_bin are on every server
    let r = check("$ cat /etc/my.cnf\n[mysqld]\nserver_id = 1\nlog_bin = binlog\ndatadir = /var/lib/mysql\n");
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert!(r.verdict_notes.replica_crash_safe.summary.contains("does not show a replica"));
}

#[test]
fn conditional_sync_binlog_is_named_for_the_server_not_a_replica() {
    let text = include_str!("../../../../tests/fixtures/comparison/source-8.0.36.tsv");
    for (lang, bad, good) in [
        (Lang::En, "Replica's binary log", "Binary log not synced"),
        (Lang::ZhCn, "从库 binlog", "二进制日志未同步落盘"),
    ] {
        let r = advisor::analyze_with(&[Input::new("vars", text)], &Options { lang });
        let note = &r.verdict_notes.replica_crash_safe;
        let f = r.findings.iter().find(|f| f.rule == "replica-sync-binlog").expect("fires");
        assert!(note.reasons.iter().any(|x| x.contains(good)), "{note:#?}");
        assert!(note.reasons.iter().chain(note.evidence.iter().map(|e| &e.label)).all(|x| !x.contains(bad)));
        assert!(
            f.fixes
                .iter()
                .all(|x| x.reason.as_deref().is_none_or(|r| !r.contains("replica") && !r.contains("从库")))
        );
    }
}

#[test]
fn mariadb_variables_get_the_durability_checks_only() {
    let text = include_str!("../../../../tests/fixtures/comparison/mariadb-10.11.6.tsv");
    let r = check(text);
    assert_eq!(keys(&r), [("replica-sync-binlog".to_owned(), None)]);
    let f = &fired(&r, "replica-sync-binlog")[0];
    // MariaDB has no SET PERSIST; its own documentation, not MySQL's manual
    assert!(f.fixes.iter().all(|x| !x.text.contains("PERSIST")), "{:#?}", f.fixes);
    assert!(f.fixes.iter().any(|x| x.text.starts_with("SET GLOBAL sync_binlog = 1;")), "{:#?}", f.fixes);
    assert!(f.references.iter().all(|x| x.url.starts_with("https://mariadb.com/kb/")), "{:#?}", f.references);
    // nothing shows whether it replicates: conditional, MariaDB's status query first
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
    let note = &r.verdict_notes.replica_crash_safe;
    assert!(note.summary.contains("if it replicates: 1 item "), "{}", note.summary);
    assert!(note.missing[0].contains("SHOW ALL SLAVES STATUS"), "{note:#?}");
    assert_no_mysql_only_names(&r);
}

#[test]
fn conditional_fixes_applied_clear_their_findings_and_break_nothing() {
    let applied = apply_every_fix(
        &[
            ("variables-only-8.0.36", VARIABLES_ONLY),
            (
                "comparison/replica-5.7.44",
                include_str!("../../../../tests/fixtures/comparison/replica-5.7.44.tsv"),
            ),
            (
                "comparison/source-8.0.36",
                include_str!("../../../../tests/fixtures/comparison/source-8.0.36.tsv"),
            ),
        ],
        Some(true),
    );
    assert!(applied >= 10, "only {applied} fixes applied");
}

// ---------------------------------------------------------------------------------------------
// Every version boundary: a fixture each, the verdict a DBA would give, and no fix, missing query
// or assumption naming a statement or variable the version does not have.

/// Which names exist in which MySQL versions: `(name, first version, first version without it)`.
/// Sources: `mysql-facts.md` §8.1 (8.0.22 `SHOW REPLICA STATUS`/`START REPLICA`, 8.0.23
/// `CHANGE REPLICATION SOURCE TO`/`SOURCE_*`, 8.0.26 `replica_*`/`sync_source_info`, 8.0.27
/// `GTID_ONLY`), §8.2 (8.4.0 removes `SHOW SLAVE STATUS`, `START/STOP SLAVE`, `CHANGE MASTER TO`
/// and the `MASTER_*` options; 8.3 removes the `*_info_repository` variables); the MySQL 5.7
/// manual's option tables (`slave_parallel_type` 5.7.2, `slave_preserve_commit_order` 5.7.5,
/// `gtid_mode` `OFF_PERMISSIVE`/`ON_PERMISSIVE` and `enforce_gtid_consistency = WARN` 5.7.6,
/// `FOR CHANNEL` 5.7.6, the performance_schema replication tables 5.7.2); the 5.6 manual
/// (`relay_log_info_repository` 5.6.2, `MASTER_AUTO_POSITION` 5.6.5, `SQL_AFTER_MTS_GAPS` 5.6.6);
/// the 8.0 manual (`SET PERSIST` 8.0.0, `REQUIRE_ROW_FORMAT` 8.0.19).
type Release = (u16, u16, u16);

const NAMES: &[(&str, Release, Release)] = &[
    ("SHOW REPLICA STATUS", (8, 0, 22), (99, 0, 0)),
    ("START REPLICA", (8, 0, 22), (99, 0, 0)),
    ("STOP REPLICA", (8, 0, 22), (99, 0, 0)),
    ("SHOW SLAVE STATUS", (5, 0, 0), (8, 4, 0)),
    ("START SLAVE", (5, 0, 0), (8, 4, 0)),
    ("STOP SLAVE", (5, 0, 0), (8, 4, 0)),
    ("CHANGE MASTER TO", (5, 0, 0), (8, 4, 0)),
    ("MASTER_AUTO_POSITION", (5, 6, 5), (8, 4, 0)),
    ("CHANGE REPLICATION SOURCE TO", (8, 0, 23), (99, 0, 0)),
    ("SOURCE_AUTO_POSITION", (8, 0, 23), (99, 0, 0)),
    ("replica_parallel_workers", (8, 0, 26), (99, 0, 0)),
    ("replica_parallel_type", (8, 0, 26), (99, 0, 0)),
    ("replica_preserve_commit_order", (8, 0, 26), (99, 0, 0)),
    ("log_replica_updates", (8, 0, 26), (99, 0, 0)),
    ("sync_source_info", (8, 0, 26), (99, 0, 0)),
    ("slave_parallel_type", (5, 7, 2), (99, 0, 0)),
    ("slave_preserve_commit_order", (5, 7, 5), (99, 0, 0)),
    ("GTID_ONLY", (8, 0, 27), (99, 0, 0)),
    ("REQUIRE_ROW_FORMAT", (8, 0, 19), (99, 0, 0)),
    ("SET PERSIST", (8, 0, 0), (99, 0, 0)),
    ("relay_log_info_repository", (5, 6, 2), (8, 3, 0)),
    ("master_info_repository", (5, 6, 2), (8, 3, 0)),
    ("OFF_PERMISSIVE", (5, 7, 6), (99, 0, 0)),
    ("ON_PERMISSIVE", (5, 7, 6), (99, 0, 0)),
    ("enforce_gtid_consistency = WARN", (5, 7, 6), (99, 0, 0)),
    ("FOR CHANNEL", (5, 7, 6), (99, 0, 0)),
    ("performance_schema.replication_", (5, 7, 2), (99, 0, 0)),
    ("SQL_AFTER_MTS_GAPS", (5, 6, 6), (99, 0, 0)),
    ("skip_slave_start", (5, 0, 0), (8, 4, 0)),
    ("skip-slave-start", (5, 0, 0), (8, 4, 0)),
];

/// The statements and option lines a user would paste from the report: fix texts, the queries
/// in the verdict's missing list and assumptions, and each check's note (comment lines skipped).
fn pasteable(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for f in replica_findings(r) {
        for x in &f.fixes {
            out.extend(
                x.text
                    .lines()
                    // comments, and an option file's `-name = value` removal lines (taking out a
                    // name the version no longer has is what such a fix is for)
                    .filter(|l| !l.trim_start().starts_with('-') && !l.trim_start().starts_with('#'))
                    .map(|l| format!("{}: {l}", f.rule)),
            );
        }
    }
    let note = &r.verdict_notes.replica_crash_safe;
    for m in &note.missing {
        // "… Run: <query>"
        if let Some((_, q)) = m.split_once("Run: ") {
            out.push(format!("missing: {q}"));
        }
    }
    out
}

fn parse_version(v: &str) -> Release {
    let mut it = v.split(['.', '-']).map(|p| p.parse::<u16>().unwrap_or(0));
    (it.next().unwrap_or(0), it.next().unwrap_or(0), it.next().unwrap_or(0))
}

#[test]
fn every_version_boundary_gets_only_names_that_exist_there() {
    let cases: &[(&str, &str, &str, CrashSafe)] = &[
        ("5.6.51", "unsafe-5.6.51-slave-status", fixture!("unsafe-5.6.51-slave-status.txt"), CrashSafe::No),
        ("5.7.44", "unsafe-5.7.44-slave-status", UNSAFE_57, CrashSafe::No),
        ("5.7.44", "safe-5.7.44", SAFE_57, CrashSafe::Yes),
        ("8.0.22", "unsafe-8.0.22-2ch", fixture!("unsafe-8.0.22-2ch.txt"), CrashSafe::No),
        ("8.0.23", "unsafe-8.0.23-2ch", fixture!("unsafe-8.0.23-2ch.txt"), CrashSafe::No),
        ("8.0.25", "unsafe-8.0.25-2ch", fixture!("unsafe-8.0.25-2ch.txt"), CrashSafe::No),
        ("8.0.26", "unsafe-8.0.26-2ch", fixture!("unsafe-8.0.26-2ch.txt"), CrashSafe::No),
        ("8.0.26", "recipe-8.0.26", RECIPE_8026, CrashSafe::Yes),
        ("8.0.27", "unsafe-8.0.27-2ch", fixture!("unsafe-8.0.27-2ch.txt"), CrashSafe::No),
        ("8.0.36", "unsafe-8.0.36-2ch", UNSAFE_80, CrashSafe::No),
        ("8.4.3", "removed-8.4.3", REMOVED_84, CrashSafe::No),
        ("9.1.0", "unsafe-9.1.0-2ch", fixture!("unsafe-9.1.0-2ch.txt"), CrashSafe::No),
        (
            "8.0.36",
            "unsafe-percona-8.0.36-28-2ch",
            fixture!("unsafe-percona-8.0.36-28-2ch.txt"),
            CrashSafe::No,
        ),
    ];
    for (version, name, text, verdict) in cases {
        let r = check(text);
        assert_eq!(r.server.version.as_deref(), Some(*version), "{name}");
        assert_eq!(
            r.verdicts.replica_crash_safe, *verdict,
            "{name}: {:#?}",
            r.verdict_notes.replica_crash_safe
        );
        let v = parse_version(version);
        let lines = pasteable(&r);
        assert!(
            *verdict == CrashSafe::Yes || !replica_findings(&r).is_empty(),
            "{name}: no finding to check"
        );
        for line in &lines {
            for (needle, from, until) in NAMES {
                if line.contains(needle) {
                    assert!(
                        *from <= v && v < *until,
                        "{name} ({version}): {needle:?} exists only in [{from:?}, {until:?}) but is suggested:\n{line}"
                    );
                }
            }
        }
    }
    // Percona Server: told by its version comment, the same recipe as MySQL of its version.
    let p = check(fixture!("unsafe-percona-8.0.36-28-2ch.txt"));
    assert_eq!(p.server.flavor.as_deref(), Some("percona"));
    assert_eq!(keys(&p), keys(&check(UNSAFE_80)));
}

#[test]
fn version_boundaries_pick_the_statement_spelling_of_their_release() {
    let fix_texts = |text: &str| -> String {
        let r = check(text);
        replica_findings(&r)
            .iter()
            .flat_map(|f| f.fixes.iter().map(|x| x.text.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let t22 = fix_texts(fixture!("unsafe-8.0.22-2ch.txt"));
    assert!(t22.contains("CHANGE MASTER TO MASTER_AUTO_POSITION = 1 FOR CHANNEL 'west';"), "{t22}");
    assert!(t22.contains("STOP REPLICA FOR CHANNEL 'west';"), "{t22}");
    let t23 = fix_texts(fixture!("unsafe-8.0.23-2ch.txt"));
    assert!(
        t23.contains("CHANGE REPLICATION SOURCE TO SOURCE_AUTO_POSITION = 1 FOR CHANNEL 'west';"),
        "{t23}"
    );
    let t25 = fix_texts(fixture!("unsafe-8.0.25-2ch.txt"));
    assert!(
        t25.contains("slave_preserve_commit_order") && !t25.contains("replica_preserve_commit_order"),
        "{t25}"
    );
    let t26 = fix_texts(fixture!("unsafe-8.0.26-2ch.txt"));
    assert!(t26.contains("replica_preserve_commit_order") && !t26.contains("GTID_ONLY"), "{t26}");
    let t27 = fix_texts(fixture!("unsafe-8.0.27-2ch.txt"));
    assert!(t27.contains("GTID_ONLY = 1"), "{t27}");
    // 5.6: no online path to GTIDs, in the message either
    let r56 = check(fixture!("unsafe-5.6.51-slave-status.txt"));
    let m = &fired(&r56, "replica-gtid-off")[0].message;
    assert!(!m.contains("OFF_PERMISSIVE") && m.contains("5.7.6"), "{m}");
    let t56 = fix_texts(fixture!("unsafe-5.6.51-slave-status.txt"));
    assert!(
        t56.contains("START SLAVE UNTIL SQL_AFTER_MTS_GAPS;") && !t56.contains("SET GLOBAL gtid_mode"),
        "{t56}"
    );
}

#[test]
fn fixes_at_each_version_boundary_applied_clear_their_findings() {
    let applied = apply_every_fix(
        &[
            ("unsafe-5.6.51-slave-status", fixture!("unsafe-5.6.51-slave-status.txt")),
            ("unsafe-8.0.22-2ch", fixture!("unsafe-8.0.22-2ch.txt")),
            ("unsafe-8.0.23-2ch", fixture!("unsafe-8.0.23-2ch.txt")),
            ("unsafe-8.0.25-2ch", fixture!("unsafe-8.0.25-2ch.txt")),
            ("unsafe-8.0.26-2ch", fixture!("unsafe-8.0.26-2ch.txt")),
            ("unsafe-8.0.27-2ch", fixture!("unsafe-8.0.27-2ch.txt")),
            ("unsafe-9.1.0-2ch", fixture!("unsafe-9.1.0-2ch.txt")),
            ("unsafe-percona-8.0.36-28-2ch", fixture!("unsafe-percona-8.0.36-28-2ch.txt")),
        ],
        None,
    );
    assert!(applied >= 40, "only {applied} fixes applied");
}

// ---------------------------------------------------------------------------------------------
// Settings from everywhere (issue 14, item 2): each source feeds the replica checks, and the
// evidence points into the document that set the value.

macro_rules! source_fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/replica/sources/", $name))
    };
}

/// The kind of the document holding `line` of the first input.
fn kind_at(r: &Report, line: u32) -> String {
    r.documents
        .iter()
        .find(|d| d.input == 0 && d.line_start <= line && line <= d.line_end)
        .map(|d| d.kind.as_str().to_owned())
        .unwrap_or_default()
}

/// The kind of the document where `rule`'s first evidence is.
fn evidence_kind(r: &Report, rule: &str) -> String {
    let f = fired(r, rule);
    let f = f.first().unwrap_or_else(|| panic!("{rule} does not fire: {:#?}", replica_findings(r)));
    kind_at(r, f.evidence.first().expect("evidence").line_start)
}

#[test]
fn settings_from_every_source_feed_the_replica_checks_with_provenance() {
    let cases: &[(&str, &str, &str)] = &[
        ("my_print_defaults", source_fixture!("my-print-defaults-8.0.36.txt"), "my-print-defaults"),
        ("mysqld-auto.cnf", source_fixture!("mysqld-auto-cnf-8.0.36.txt"), "mysqld-auto-cnf"),
        ("ExecStart=", source_fixture!("execstart-mysqld-opts.txt"), "systemctl-cat"),
        ("compose command:", source_fixture!("compose-command-8.0.36.txt"), "container"),
        ("Kubernetes args:", source_fixture!("statefulset-5.7.44-args-configmap.txt"), "container"),
    ];
    for (what, text, kind) in cases {
        let r = check(text);
        assert_eq!(
            r.verdicts.replica_crash_safe,
            CrashSafe::No,
            "{what}: {:#?}",
            r.verdict_notes.replica_crash_safe
        );
        assert_eq!(evidence_kind(&r, "replica-relay-log-recovery"), *kind, "{what}");
        assert_eq!(evidence_kind(&r, "replica-sync-relay-log"), *kind, "{what}");
    }
    // `docker run`: the definition is the prompt line itself (the document is the id it printed)
    let r = check(source_fixture!("docker-run-8.0.36.txt"));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    for rule in ["replica-relay-log-recovery", "replica-sync-relay-log"] {
        assert!(fired(&r, rule)[0].evidence[0].excerpt.starts_with("$ docker run"), "{rule}");
    }
    // `$MYSQLD_OPTS` expanded from the unit's Environment=: its line, not ExecStart='s
    let r = check(source_fixture!("execstart-mysqld-opts.txt"));
    let f = fired(&r, "replica-innodb-flush")[0];
    assert!(f.evidence[0].excerpt.contains("Environment=MYSQLD_OPTS"), "{:#?}", f.evidence);
}

#[test]
fn a_5_7_statefulset_with_args_and_a_configmap_cnf_is_not_crash_safe_with_each_item_cited() {
    let r = check(source_fixture!("statefulset-5.7.44-args-configmap.txt"));
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No, "{:#?}", r.verdict_notes.replica_crash_safe);
    let doc = r.documents.iter().find(|d| d.kind.as_str() == "option-file").expect("the ConfigMap's my.cnf");
    assert!(doc.label.contains("ConfigMap mysql-conf, key replica.cnf"), "{}", doc.label);
    // server options from the container's args, file/position settings from the ConfigMap
    assert_eq!(evidence_kind(&r, "replica-relay-log-recovery"), "container");
    assert_eq!(evidence_kind(&r, "replica-innodb-flush"), "option-file");
    assert_eq!(channels(&r, "replica-info-repository").len(), 2);
    for f in fired(&r, "replica-info-repository") {
        assert_eq!(kind_at(&r, f.evidence[0].line_start), "option-file");
        // 5.7: no SET PERSIST; the fix is the option file
        assert!(f.fixes.iter().all(|x| !x.text.contains("PERSIST")));
    }
    let reasons = &r.verdict_notes.replica_crash_safe.reasons;
    for item in ["Relay log recovery off", "InnoDB log not flushed at commit", "relay_log_info_repository"] {
        assert!(reasons.iter().any(|x| x.contains(item)), "{item}: {reasons:#?}");
    }
}

#[test]
fn near_misses_a_configmap_that_is_not_a_cnf_and_a_commented_out_option() {
    let r = check(source_fixture!("configmap-not-a-cnf.txt"));
    assert!(replica_findings(&r).is_empty(), "{:#?}", replica_findings(&r));
    assert!(r.documents.iter().all(|d| d.kind.as_str() != "option-file"));
    let r = check(source_fixture!("option-file-commented-out.txt"));
    assert!(
        fired(&r, "replica-relay-log-recovery").is_empty() && fired(&r, "replica-sync-relay-log").is_empty()
    );
}

/// MariaDB calls a replication channel a connection (multi-source replication,
/// `connection_name`): its reports say "connection" / "复制连接" everywhere — messages, fixes,
/// verdicts, document labels, the server line — in the JSON, text and Markdown, and never
/// "channel" / "通道". A MySQL replica keeps "channel".
#[test]
fn mariadb_reports_say_connection_never_channel() {
    for text in
        [MARIA_SAFE, MARIA_FILE_POS, MARIA_CURRENT_POS, MARIA_ARIA, MARIA_DURABILITY, MARIA_STATUS_ONLY]
    {
        for (lang, channel, connection) in
            [(Lang::En, "channel", "connection"), (Lang::ZhCn, "通道", "复制连接")]
        {
            let r = advisor::analyze_with(&[Input::new("maria.txt", text)], &Options { lang });
            // The JSON's texts (field names such as `channels` are the schema's), not counting the
            // MySQL-only checks, which are not applicable and keep their MySQL titles.
            let mut texts = Vec::new();
            let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
            let na: Vec<usize> = (0..r.checks.len())
                .filter(|&i| r.checks[i].status == advisor::CheckStatus::NotApplicable)
                .collect();
            fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
                match v {
                    serde_json::Value::String(s) => out.push(s.clone()),
                    serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                    serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                    _ => {}
                }
            }
            for (key, value) in json.as_object().unwrap() {
                match (key.as_str(), value) {
                    ("checks", serde_json::Value::Array(checks)) => checks
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| !na.contains(i))
                        .for_each(|(_, c)| strings(c, &mut texts)),
                    _ => strings(value, &mut texts),
                }
            }
            let outputs = [
                texts.join("\n"),
                advisor::render::text(&r, &advisor::render::TextOptions { color: false }),
                advisor::render::markdown(&r),
            ];
            for out in &outputs {
                let lower = out.to_lowercase();
                assert!(!lower.contains(channel), "{lang:?}: {channel:?} in\n{out}");
                assert!(lower.contains(connection), "{lang:?}: no {connection:?} in\n{out}");
            }
        }
    }
    // The near-miss: MySQL's two-channel replica still names channels.
    let r = check(UNSAFE_80);
    assert!(r.findings.iter().any(|f| f.message.contains("channel '")), "{:#?}", r.findings);
    assert!(!r.to_json().contains("connection '"));
}
