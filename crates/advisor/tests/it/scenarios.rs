//! Whole-terminal scenarios: what a DBA pastes during a real incident (units, `mysql>` sessions,
//! error logs, container logs, noise), analysed end to end. Each scenario asserts the verdicts, the
//! rules that fire (and important ones that must not), the documents recognised, the key fix texts,
//! and that no password from the input survives into the JSON report.
//!
//! Fixtures: `tests/fixtures/scenarios/<name>.txt`, several inputs per file introduced by
//! `=== input: <name> ===` lines (see `rule_fixtures::fixture_inputs`).
//!
//! `SCENARIO_DUMP=1 cargo test -p advisor --test it scenarios -- --nocapture` prints every report
//! (JSON in English, titles/messages/fixes in Chinese) for review.

use crate::rule_fixtures::fixture_inputs;
use advisor::{
    CloneRestart, CrashSafe, DocKind, Finding, FixTarget, Input, Lang, Options, Report, analyze_with,
};

macro_rules! scenario {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../../tests/fixtures/scenarios/", $name, ".txt")))
    };
}

const CLONE_3707: (&str, &str) = scenario!("clone-3707");
const DOCKER_HUB_3707: (&str, &str) = scenario!("docker-hub-3707");
const ORACLE_IMAGE_OK: (&str, &str) = scenario!("oracle-image-ok");
const CRASH_UNSAFE_REPLICA: (&str, &str) = scenario!("crash-unsafe-replica");
const HEALTHY: (&str, &str) = scenario!("healthy");
const LEGACY_57_SLAVE: (&str, &str) = scenario!("legacy-57-slave");
const PERCONA_MYSQLD_SAFE: (&str, &str) = scenario!("percona-mysqld-safe");
const USER_UNIT: (&str, &str) = scenario!("user-unit");
const WRAPPER_SCRIPT: (&str, &str) = scenario!("wrapper-script");
const SYSTEMCTL_SHOW_ONLY: (&str, &str) = scenario!("systemctl-show-only");
const MARIADB: (&str, &str) = scenario!("mariadb");
const MESSY: (&str, &str) = scenario!("messy-transcript");

const ALL: &[(&str, &str)] = &[
    CLONE_3707,
    DOCKER_HUB_3707,
    ORACLE_IMAGE_OK,
    CRASH_UNSAFE_REPLICA,
    HEALTHY,
    LEGACY_57_SLAVE,
    PERCONA_MYSQLD_SAFE,
    USER_UNIT,
    WRAPPER_SCRIPT,
    SYSTEMCTL_SHOW_ONLY,
    MARIADB,
    MESSY,
];

fn inputs(text: &str) -> Vec<Input> {
    fixture_inputs(text)
}

fn run(text: &str, lang: Lang) -> Report {
    analyze_with(&inputs(text), &Options { lang })
}

fn en(text: &str) -> Report {
    run(text, Lang::En)
}

fn fired(r: &Report) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = r.findings.iter().map(|f| f.rule).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn find<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

fn first<'a>(r: &'a Report, rule: &str) -> &'a Finding {
    find(r, rule).into_iter().next().unwrap_or_else(|| panic!("{rule} did not fire; fired: {:?}", fired(r)))
}

fn assert_fires(r: &Report, rules: &[&str]) {
    let f = fired(r);
    let missing: Vec<&&str> = rules.iter().filter(|x| !f.contains(x)).collect();
    assert!(missing.is_empty(), "expected {missing:?} to fire; fired: {f:?}");
}

fn assert_quiet(r: &Report, rules: &[&str]) {
    let f = fired(r);
    let extra: Vec<&&str> = rules.iter().filter(|x| f.contains(x)).collect();
    assert!(extra.is_empty(), "expected {extra:?} not to fire; fired: {f:?}");
}

/// Index of the input named `name`.
fn input_ix(r: &Report, name: &str) -> usize {
    r.inputs.iter().position(|i| i.name == name).unwrap_or_else(|| panic!("no input {name}"))
}

/// 1-based line number of the first line of input `name` in `text` containing `needle`.
fn line_of(text: &str, input: &str, needle: &str) -> u32 {
    let v = inputs(text);
    let inp = v.iter().find(|i| i.name() == input).unwrap_or_else(|| panic!("no input {input}"));
    let n = inp
        .text()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {input}"));
    n as u32 + 1
}

/// The documents of input `ix` as (kind, first line, last line).
fn docs(r: &Report, ix: usize) -> Vec<(DocKind, u32, u32)> {
    r.documents.iter().filter(|d| d.input == ix).map(|d| (d.kind, d.line_start, d.line_end)).collect()
}

/// Asserts a document of `kind` spans exactly `from..=to` in input `ix`.
fn assert_doc(r: &Report, ix: usize, kind: DocKind, from: u32, to: u32) {
    let d = docs(r, ix);
    assert!(d.contains(&(kind, from, to)), "expected {kind:?} at {from}..={to} in input {ix}; got {d:?}");
}

/// Unrecognised lines of input `ix`, as text.
fn unrecognized(r: &Report, text: &str, ix: usize) -> Vec<String> {
    let v = inputs(text);
    let lines: Vec<&str> = v[ix].text().lines().collect();
    r.documents
        .iter()
        .filter(|d| d.input == ix && d.kind == DocKind::Unrecognized)
        .flat_map(|d| {
            (d.line_start..=d.line_end).filter_map(|n| lines.get(n as usize - 1).map(|s| s.to_string()))
        })
        .collect()
}

/// Every secret in `secrets` is absent from the JSON in both languages.
fn assert_no_secrets(text: &str, secrets: &[&str]) {
    for lang in Lang::ALL {
        let json = run(text, lang).to_json();
        for s in secrets {
            assert!(text.contains(s), "test bug: {s:?} is not in the fixture");
            assert!(!json.contains(s), "secret {s:?} leaked into the {lang:?} JSON");
        }
    }
}

fn all_fix_texts(r: &Report, rule: &str) -> String {
    find(r, rule)
        .iter()
        .flat_map(|f| f.fixes.iter())
        .map(|x| x.text.as_str())
        .collect::<Vec<_>>()
        .join("\n---\n")
}

#[test]
fn dump_for_review() {
    if std::env::var_os("SCENARIO_DUMP").is_none() {
        return;
    }
    let only = std::env::var("SCENARIO_DUMP").unwrap_or_default();
    // `SCENARIO_DUMP=/path/to/file.txt` dumps that file instead.
    let extra = std::fs::read_to_string(&only).ok().map(|t| (only.as_str(), t));
    let list: Vec<(&str, &str)> = match &extra {
        Some((n, t)) => vec![(*n, t.as_str())],
        None => ALL.to_vec(),
    };
    for (name, text) in &list {
        if !only.is_empty() && only != "1" && only != *name {
            continue;
        }
        let r = en(text);
        println!("################ {name} (en)\n{}", r.to_json());
        let z = run(text, Lang::ZhCn);
        println!("################ {name} (zh-CN)");
        println!(
            "verdicts: {} / {}",
            z.verdict_notes.clone_restart.summary, z.verdict_notes.replica_crash_safe.summary
        );
        for f in &z.findings {
            println!("== [{}] {} — {}\n{}", f.severity.as_str(), f.rule, f.title, f.message);
            for x in &f.fixes {
                println!("  -- fix ({}) {}: {:?}\n{}", x.target.as_str(), x.title, x.reason, x.text);
            }
        }
    }
}

/// Lines of unrecognised text that would matter if they had been missed.
const IMPORTANT: &[&str] = &[
    "[Service]",
    "ExecStart=",
    "Environment=",
    "Restart=",
    "ERROR 3707",
    "[MY-013462]",
    "CLONE INSTANCE",
    "STATE",
    "Replica_IO_Running",
    "Slave_IO_Running",
    "Auto_Position",
    "| Variable_name",
    "| gtid_mode",
    "| sync_relay_log",
    "| relay_log_recovery",
    "GTID_ONLY",
    "REQUIRE_ROW_FORMAT",
    "[mysqld]",
    "Ver 8.",
    "Ver 5.",
    "[Entrypoint]",
    "docker run",
    "--restart",
    "community-server",
];

/// Nothing important was left "not recognised", in any input.
fn assert_nothing_important_unrecognized(r: &Report, text: &str) {
    for ix in 0..r.inputs.len() {
        for line in unrecognized(r, text, ix) {
            for k in IMPORTANT {
                assert!(!line.contains(k), "input {ix}: important line left unrecognised: {line:?}");
            }
        }
    }
}

/// Properties every scenario has: secrets masked, both languages agree on the verdicts, rule ids
/// and evidence lines, the Chinese texts are Chinese, and evidence excerpts quote the input.
fn assert_common(text: &str, secrets: &[&str]) {
    assert_no_secrets(text, secrets);
    let e = en(text);
    let z = run(text, Lang::ZhCn);
    assert_eq!(e.verdicts, z.verdicts, "verdicts differ between languages");
    let ids = |r: &Report| r.findings.iter().map(|f| (f.rule, f.channel.clone())).collect::<Vec<_>>();
    assert_eq!(ids(&e), ids(&z), "findings differ between languages");
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (fe, fz) in e.findings.iter().zip(&z.findings) {
        assert!(
            cjk(&fz.title) && cjk(&fz.message),
            "{}: zh-CN title/message not translated: {} / {}",
            fz.rule,
            fz.title,
            fz.message
        );
        assert!(!cjk(&fe.title) && !cjk(&fe.message), "{}: Chinese in the English text", fe.rule);
        let lines =
            |f: &Finding| f.evidence.iter().map(|v| (v.input, v.line_start, v.line_end)).collect::<Vec<_>>();
        assert_eq!(lines(fe), lines(fz), "{}: evidence differs between languages", fe.rule);
        assert_eq!(fe.fixes.len(), fz.fixes.len(), "{}: fixes differ between languages", fe.rule);
    }
    // Evidence points at the lines it quotes.
    let v = inputs(text);
    for f in &e.findings {
        for ev in &f.evidence {
            assert!(
                ev.line_start >= 1 && ev.line_start <= ev.line_end,
                "{}: bad evidence lines {ev:?}",
                f.rule
            );
            let src: Vec<&str> = v[ev.input].text().lines().collect();
            let quoted: Vec<&str> = ev.excerpt.lines().collect();
            let want = &src[(ev.line_start - 1) as usize..(ev.line_end as usize).min(src.len())];
            assert_eq!(
                quoted.len(),
                want.len(),
                "{}: excerpt {:?} vs lines {}-{}",
                f.rule,
                ev.excerpt,
                ev.line_start,
                ev.line_end
            );
            for (q, w) in quoted.iter().zip(want) {
                // Masked secrets aside, the excerpt is the line.
                if !q.contains("****") {
                    assert_eq!(
                        q.trim_end(),
                        w.trim_end(),
                        "{}: excerpt does not match line {}",
                        f.rule,
                        ev.line_start
                    );
                }
            }
        }
    }
}

/// The drop-in a finding proposes.
fn dropin(f: &Finding) -> &advisor::Fix {
    f.fixes
        .iter()
        .find(|x| x.target == FixTarget::SystemdDropin && x.file_name.is_some())
        .unwrap_or_else(|| panic!("{}: no drop-in fix in {:#?}", f.rule, f.fixes))
}

// ---------------------------------------------------------------------------------------------
// clone-3707

#[test]
fn clone_3707_verdicts_rules_and_documents() {
    let text = CLONE_3707.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Fails);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Unknown);
    assert_fires(&r, &["restart-unsupervised", "clone-restart-failed"]);
    assert_quiet(
        &r,
        &[
            "restart-parent-mismatch",
            "restart-exit16-ignored",
            "restart-start-timeout",
            "restart-notify-access",
            "clone-unsupported",
            "clone-prerequisites",
        ],
    );
    // Nothing about replication: no replica was pasted.
    assert!(fired(&r).iter().all(|id| !id.starts_with("replica-")), "{:?}", fired(&r));
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
    assert_eq!(r.server.unit.as_deref(), Some("mysqld.service"));

    let unit = input_ix(&r, "/etc/systemd/system/mysqld.service");
    let term = input_ix(&r, "terminal");
    let second = input_ix(&r, "second session (watching the clone)");
    assert_doc(&r, unit, DocKind::SystemdUnit, 1, 18);
    let e3707 = line_of(text, "terminal", "ERROR 3707");
    assert_doc(&r, term, DocKind::ClientError, e3707, e3707);
    let log_a = line_of(text, "terminal", "provisioning: Started");
    let log_b = line_of(text, "terminal", "[MY-010910]");
    assert_doc(&r, term, DocKind::ErrorLog, log_a, log_b);
    let sel = line_of(text, "terminal", "| @@version");
    assert!(
        docs(&r, term).iter().any(|d| d.0 == DocKind::VariableQuery && d.1 <= sel && sel <= d.2),
        "{:?}",
        docs(&r, term)
    );
    assert_doc(&r, second, DocKind::CloneStatus, 2, 15);
    assert_nothing_important_unrecognized(&r, text);

    // restart-unsupervised points at the ExecStart= line of the hand-written unit.
    let f = first(&r, "restart-unsupervised");
    let exec = line_of(text, "/etc/systemd/system/mysqld.service", "ExecStart=");
    assert_eq!((f.evidence[0].input, f.evidence[0].line_start), (unit, exec), "{:?}", f.evidence);
    // The drop-in: the unit name from the input, the variable, the reload.
    let d = dropin(f);
    assert_eq!(d.file_name.as_deref(), Some("/etc/systemd/system/mysqld.service.d/override.conf"));
    assert!(d.text.contains("[Service]\nEnvironment=MYSQLD_PARENT_PID=1\n"), "{}", d.text);
    assert!(d.text.contains("systemctl edit mysqld.service"), "{}", d.text);
    assert!(d.text.contains("daemon-reload"), "{}", d.text);
    // The merged effective settings after the fix are shown too.
    assert!(
        f.fixes
            .iter()
            .any(|x| x.text.contains("Environment=MYSQLD_PARENT_PID=1")
                && x.text.contains("Restart=on-failure")),
        "{:#?}",
        f.fixes
    );

    // clone-restart-failed: the 3707 line, the MY-013462 line, the statement, clone_status.
    let f = first(&r, "clone-restart-failed");
    let at =
        |ix: usize, n: u32| f.evidence.iter().any(|e| e.input == ix && e.line_start <= n && n <= e.line_end);
    assert!(at(term, e3707), "{:?}", f.evidence);
    assert!(at(term, line_of(text, "terminal", "[MY-013462]")), "{:?}", f.evidence);
    assert!(at(term, line_of(text, "terminal", "CLONE INSTANCE")), "{:?}", f.evidence);
    assert!(
        at(second, line_of(text, "second session (watching the clone)", "In Progress")),
        "{:?}",
        f.evidence
    );
    assert!(f.message.contains("exit code 0"), "{}", f.message);
    assert!(f.fixes.iter().any(|x| x.text.contains("systemctl start mysqld.service")), "{:#?}", f.fixes);
    assert!(f.fixes.iter().any(|x| x.text.contains("performance_schema.clone_status")), "{:#?}", f.fixes);
}

#[test]
fn clone_3707_applying_the_dropin_makes_the_next_clone_work() {
    let text = CLONE_3707.1;
    let r = en(text);
    let d = dropin(first(&r, "restart-unsupervised"));
    let mut v = inputs(text);
    v.push(Input::new(d.file_name.clone().unwrap_or_default(), d.text.clone()));
    let after = analyze_with(&v, &Options::default());
    assert_eq!(after.verdicts.clone_restart, CloneRestart::Works, "{:#?}", after.verdict_notes.clone_restart);
    assert_quiet(&after, &["restart-unsupervised", "restart-parent-mismatch", "restart-exit16-ignored"]);
    // The 3707 in the pasted history is still explained (start the server, check clone_status).
    assert_fires(&after, &["clone-restart-failed"]);
}

#[test]
fn every_scenario_masks_secrets_and_agrees_across_languages() {
    let secrets: &[(&str, &[&str])] = &[
        ("clone-3707", &["Kl0n3-Me!2024"]),
        ("docker-hub-3707", &["St4ge-r00t-pw", "cl0ne-Stage#77"]),
        ("oracle-image-ok", &["Or4cle-img-pw", "Kl0n3-Me!2024"]),
        ("mariadb", &["m4ria-cl0ne"]),
        ("messy-transcript", &["Kl0n3-Me!2024"]),
    ];
    for (name, text) in ALL {
        let s = secrets.iter().find(|(n, _)| n == name).map(|(_, s)| *s).unwrap_or(&[]);
        assert_common(text, s);
        // Every scenario reads like a real incident: it is recognised, not guessed at.
        let r = en(text);
        assert_nothing_important_unrecognized(&r, text);
    }
}

// ---------------------------------------------------------------------------------------------
// docker-hub-3707

#[test]
fn docker_hub_image_fails_and_the_fix_is_for_the_container() {
    let text = DOCKER_HUB_3707.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Fails);
    assert_fires(&r, &["restart-unsupervised", "clone-restart-failed"]);
    assert_quiet(&r, &["restart-parent-mismatch", "clone-unsupported", "clone-prerequisites"]);
    let image = line_of(text, "terminal", "mysql:8.0.36 --server-id");
    let f = first(&r, "restart-unsupervised");
    assert_eq!(f.evidence[0].line_start, image, "{:?}", f.evidence);
    assert!(f.message.contains("Docker Hub"), "{}", f.message);
    // The fix is for the container, not for systemd.
    assert!(f.fixes.iter().all(|x| x.target == FixTarget::Shell), "{:#?}", f.fixes);
    assert!(f.fixes.iter().any(|x| x.text.contains("MYSQLD_PARENT_PID")), "{:#?}", f.fixes);
    // The server is started with docker, and nothing talks about systemd in a container.
    let c = first(&r, "clone-restart-failed");
    assert!(c.fixes.iter().any(|x| x.text.contains("docker start mysql-stage-replica")), "{:#?}", c.fixes);
    for f in &r.findings {
        assert!(
            !f.message.contains("systemd") && !f.message.contains("systemctl"),
            "{}: mentions systemd in a container: {}",
            f.rule,
            f.message
        );
    }
    // Documents: the docker run with its continuation lines and id, the 3707, the logs.
    let term = input_ix(&r, "terminal");
    let id = line_of(text, "terminal", "4f1e9c7b2d0a6e3f8c5b");
    assert_doc(&r, term, DocKind::Container, 2, id);
    let e3707 = line_of(text, "terminal", "ERROR 3707");
    assert_doc(&r, term, DocKind::ClientError, e3707, e3707);
    let d = docs(&r, term);
    let shut = line_of(text, "terminal", "[MY-013462]");
    assert!(d.iter().any(|x| x.0 == DocKind::ErrorLog && x.1 <= shut && shut <= x.2), "{d:?}");
    let ep = line_of(text, "terminal", "Switching to dedicated user");
    assert!(d.iter().any(|x| x.0 == DocKind::Container && x.1 <= ep && ep <= x.2), "{d:?}");
}

// ---------------------------------------------------------------------------------------------
// oracle-image-ok

#[test]
fn oracle_image_works_and_nothing_fires() {
    let text = ORACLE_IMAGE_OK.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Works, "{:#?}", r.verdict_notes.clone_restart);
    assert_quiet(
        &r,
        &[
            "restart-unsupervised",
            "restart-parent-mismatch",
            "restart-exit16-ignored",
            "clone-restart-failed",
            "clone-status-failed",
        ],
    );
    assert!(r.findings.iter().all(|f| f.severity != advisor::Severity::Error), "{:?}", fired(&r));
    let term = input_ix(&r, "terminal");
    let image = line_of(text, "terminal", "community-server:8.0.36");
    assert_doc(&r, term, DocKind::Container, 2, image + 1);
    let done = line_of(text, "terminal", "| Completed");
    assert!(
        docs(&r, term).iter().any(|x| x.0 == DocKind::CloneStatus && x.1 <= done && done <= x.2),
        "{:?}",
        docs(&r, term)
    );
}

// ---------------------------------------------------------------------------------------------
// crash-unsafe-replica

#[test]
fn crash_unsafe_replica_two_channels() {
    let text = CRASH_UNSAFE_REPLICA.1;
    let r = en(text);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Unknown);
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
    let mut ch = r.server.channels.clone();
    ch.sort();
    assert_eq!(ch, ["billing", "orders"]);
    assert_fires(
        &r,
        &[
            "replica-auto-position",
            "replica-sync-relay-log",
            "replica-relay-log-recovery",
            "replica-gtid-only",
        ],
    );
    // GTIDs on, durable InnoDB and binlog, commit order preserved: these must stay quiet.
    assert_quiet(
        &r,
        &[
            "replica-gtid-off",
            "replica-innodb-flush",
            "replica-sync-binlog",
            "replica-mts-gaps",
            "replica-threads-stopped",
            "replica-source-purged",
        ],
    );
    // Auto-position: only channel billing, with 8.0.36 syntax and the channel in every statement.
    let ap = find(&r, "replica-auto-position");
    assert_eq!(ap.iter().map(|f| f.channel.as_deref()).collect::<Vec<_>>(), [Some("billing")]);
    let fix = all_fix_texts(&r, "replica-auto-position");
    let stop = fix.find("STOP REPLICA FOR CHANNEL 'billing';").expect(&fix);
    let change = fix.find("CHANGE REPLICATION SOURCE TO SOURCE_AUTO_POSITION = 1").expect(&fix);
    let start = fix.find("START REPLICA FOR CHANNEL 'billing';").expect(&fix);
    assert!(stop < change && change < start, "{fix}");
    assert!(!fix.contains("MASTER_") && !fix.contains("SLAVE"), "{fix}");
    let bill_pos = line_of(text, "mysql session", "Auto_Position: 0");
    let mentions_billing = |n: u32| ap[0].evidence.iter().any(|e| e.line_start <= n && n <= e.line_end);
    let pfs_billing = line_of(text, "mysql session", "| billing      | 0");
    assert!(mentions_billing(bill_pos) || mentions_billing(pfs_billing), "{:?}", ap[0].evidence);
    // sync_relay_log: dynamic → SET PERSIST; relay_log_recovery: read-only → option file + restart.
    assert!(all_fix_texts(&r, "replica-sync-relay-log").contains("SET PERSIST sync_relay_log = 1"));
    let rec = first(&r, "replica-relay-log-recovery");
    assert!(
        rec.fixes.iter().any(|x| x.target == FixTarget::MyCnf && x.text.contains("relay_log_recovery = ON")),
        "{:#?}",
        rec.fixes
    );
    assert!(!all_fix_texts(&r, "replica-relay-log-recovery").contains("SET GLOBAL"), "read-only at runtime");
    let line = line_of(text, "mysql session", "| relay_log_recovery");
    assert_eq!(rec.evidence[0].line_start, line);
    // Documents.
    let cnf = input_ix(&r, "/etc/my.cnf");
    let sess = input_ix(&r, "mysql session");
    assert!(docs(&r, cnf).iter().any(|d| d.0 == DocKind::OptionFile), "{:?}", docs(&r, cnf));
    let rs = line_of(text, "mysql session", "1. row");
    let rs_end = line_of(text, "mysql session", "2 rows in set");
    assert_doc(&r, sess, DocKind::ReplicaStatus, rs, rs_end);
    let d = docs(&r, sess);
    for k in [DocKind::ShowVariables, DocKind::ConnectionConfiguration, DocKind::ApplierConfiguration] {
        assert!(d.iter().any(|x| x.0 == k), "{k:?} missing: {d:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// healthy

#[test]
fn healthy_deb_unit_and_recipe_replica_is_clean() {
    let text = HEALTHY.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Works, "{:#?}", r.verdict_notes.clone_restart);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::Yes, "{:#?}", r.verdict_notes.replica_crash_safe);
    // The manual's full recipe on 8.0.36: no warnings and no errors at all.
    let bad: Vec<_> =
        r.findings.iter().filter(|f| f.severity != advisor::Severity::Info).map(|f| f.rule).collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(r.server.unit.as_deref(), Some("mysql.service"));
    let term = input_ix(&r, "terminal");
    let cat_a = line_of(text, "terminal", "# /lib/systemd/system/mysql.service");
    let cat_b = line_of(text, "terminal", "Environment=MYSQLD_PARENT_PID=1");
    assert_doc(&r, term, DocKind::SystemctlCat, cat_a, cat_b);
    let v = line_of(text, "terminal", "Ver 8.0.36");
    assert_doc(&r, term, DocKind::MysqldVersion, v, v);
    let d = docs(&r, term);
    for k in [DocKind::ReplicaStatus, DocKind::ShowVariables, DocKind::ConnectionConfiguration] {
        assert!(d.iter().any(|x| x.0 == k), "{k:?} missing: {d:?}");
    }
    // Passed checks are listed as such.
    for id in
        ["replica-gtid-only", "replica-sync-relay-log", "replica-relay-log-recovery", "restart-unsupervised"]
    {
        let c = r.checks.iter().find(|c| c.rule == id).expect(id);
        assert_eq!(c.status, advisor::CheckStatus::Passed, "{id}: {:?}", c);
    }
}

// ---------------------------------------------------------------------------------------------
// legacy-57-slave

#[test]
fn legacy_57_slave_uses_57_names_in_fixes() {
    let text = LEGACY_57_SLAVE.1;
    let r = en(text);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    assert_eq!(r.server.version.as_deref(), Some("5.7.44"));
    assert_fires(
        &r,
        &[
            "replica-gtid-off",
            "replica-info-repository",
            "replica-sync-relay-log",
            "replica-relay-log-recovery",
            "replica-innodb-flush",
            "replica-sync-binlog",
        ],
    );
    // gtid_mode OFF: auto-position is not the question yet; single-threaded: no MTS gaps.
    assert_quiet(
        &r,
        &["replica-auto-position", "replica-gtid-only", "replica-mts-gaps", "replica-threads-stopped"],
    );
    // Both repositories, each pointing at its own SHOW VARIABLES row.
    let repo = find(&r, "replica-info-repository");
    for var in ["| master_info_repository", "| relay_log_info_repository"] {
        let n = line_of(text, "terminal", var);
        assert!(repo.iter().any(|f| f.evidence.iter().any(|e| e.line_start == n)), "{var}: {:?}", repo);
    }
    // Every fix speaks 5.7: no REPLICA/SOURCE statements, no SET PERSIST, no replica_* variables.
    for f in &r.findings {
        for x in &f.fixes {
            for bad in [
                "START REPLICA",
                "STOP REPLICA",
                "CHANGE REPLICATION SOURCE",
                "SOURCE_AUTO_POSITION",
                "SET PERSIST",
                "GTID_ONLY",
                "replica_parallel",
                "log_replica_updates",
            ] {
                assert!(!x.text.contains(bad), "{}: 5.7 fix contains {bad}: {}", f.rule, x.text);
            }
        }
    }
    assert!(all_fix_texts(&r, "replica-gtid-off").contains("CHANGE MASTER TO MASTER_AUTO_POSITION = 1"));
    let term = input_ix(&r, "terminal");
    let a = line_of(text, "terminal", "1. row");
    let b = line_of(text, "terminal", "1 row in set");
    assert_doc(&r, term, DocKind::ReplicaStatus, a, b);
    let v = line_of(text, "terminal", "Ver 5.7.44");
    assert_doc(&r, term, DocKind::MysqldVersion, v, v);
}

#[test]
fn legacy_57_messages_use_57_variable_names() {
    // On 5.7 the variable is log_slave_updates; messages should name what the server has.
    let r = en(LEGACY_57_SLAVE.1);
    for f in &r.findings {
        assert!(!f.message.contains("log_replica_updates"), "{}: {}", f.rule, f.message);
    }
}

// ---------------------------------------------------------------------------------------------
// percona-mysqld-safe

#[test]
fn percona_mysqld_safe_works() {
    let text = PERCONA_MYSQLD_SAFE.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Works, "{:#?}", r.verdict_notes.clone_restart);
    assert_eq!(r.server.flavor.as_deref(), Some("percona"));
    assert_eq!(r.server.version.as_deref(), Some("8.0.35"));
    assert_quiet(
        &r,
        &["restart-unsupervised", "restart-parent-mismatch", "restart-exit16-ignored", "restart-on-crash"],
    );
    assert!(
        r.verdict_notes.clone_restart.summary.contains("mysqld_safe"),
        "{}",
        r.verdict_notes.clone_restart.summary
    );
    let term = input_ix(&r, "terminal");
    let a = line_of(text, "terminal", "# /usr/lib/systemd/system/mysqld.service");
    let b = line_of(text, "terminal", "PrivateTmp=false");
    assert_doc(&r, term, DocKind::SystemctlCat, a, b);
}

// ---------------------------------------------------------------------------------------------
// user-unit

#[test]
fn user_unit_parent_is_the_user_manager() {
    let text = USER_UNIT.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Fails, "{:#?}", r.verdict_notes.clone_restart);
    assert_fires(&r, &["restart-parent-mismatch", "clone-restart-failed"]);
    // Restart=on-failure restarts 16: a partial `systemctl show -p MainPID,NRestarts` must not
    // make the unit look like it has no Restart= at all.
    assert_quiet(&r, &["restart-exit16-ignored", "restart-unsupervised"]);
    let f = first(&r, "restart-parent-mismatch");
    let env = line_of(text, "terminal", "Environment=MYSQLD_PARENT_PID=1");
    assert!(f.evidence.iter().any(|e| e.line_start == env), "{:?}", f.evidence);
    let term = input_ix(&r, "terminal");
    let e = line_of(text, "terminal", "ERROR 3707");
    assert_doc(&r, term, DocKind::ClientError, e, e);
    assert_doc(&r, term, DocKind::SystemctlCat, 2, line_of(text, "terminal", "WantedBy=default.target"));
}

// ---------------------------------------------------------------------------------------------
// wrapper-script

#[test]
fn wrapper_without_exec_fails_and_the_fix_is_exec() {
    let text = WRAPPER_SCRIPT.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Fails);
    assert_fires(&r, &["restart-parent-mismatch", "restart-notify-access"]);
    assert_quiet(&r, &["restart-unsupervised", "restart-exit16-ignored"]);
    let script = input_ix(&r, "/usr/local/sbin/mysqld-numa.sh");
    let n = line_of(text, "/usr/local/sbin/mysqld-numa.sh", "/usr/sbin/mysqld");
    let f = first(&r, "restart-parent-mismatch");
    assert!(f.evidence.iter().any(|e| e.input == script && e.line_start == n), "{:?}", f.evidence);
    let fix = all_fix_texts(&r, "restart-parent-mismatch");
    assert!(
        fix.contains(
            "exec /usr/bin/numactl --interleave=all /usr/sbin/mysqld --defaults-file=/etc/my.cnf \"$@\""
        ),
        "{fix}"
    );
}

// ---------------------------------------------------------------------------------------------
// systemctl-show-only

#[test]
fn systemctl_show_without_environment_fails() {
    let text = SYSTEMCTL_SHOW_ONLY.1;
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Fails);
    assert_fires(&r, &["restart-unsupervised"]);
    assert_quiet(&r, &["restart-exit16-ignored", "restart-parent-mismatch", "restart-start-timeout"]);
    let term = input_ix(&r, "terminal");
    assert_doc(&r, term, DocKind::SystemctlShow, 2, line_of(text, "terminal", "StartLimitAction=none"));
    let f = first(&r, "restart-unsupervised");
    assert_eq!(f.evidence[0].line_start, line_of(text, "terminal", "ExecStart={"));
    // The drop-in goes next to the unit systemd loaded (FragmentPath), named as systemd calls it.
    let d = dropin(f);
    assert_eq!(d.file_name.as_deref(), Some("/etc/systemd/system/mysqld.service.d/override.conf"));
    assert!(d.text.contains("Environment=MYSQLD_PARENT_PID=1"), "{}", d.text);
}

// ---------------------------------------------------------------------------------------------
// mariadb

#[test]
fn mariadb_has_no_clone_and_no_restart_statement() {
    let text = MARIADB.1;
    let r = en(text);
    assert_eq!(r.server.flavor.as_deref(), Some("mariadb"));
    assert_eq!(r.server.version.as_deref(), Some("10.11.6"));
    assert_fires(&r, &["clone-unsupported"]);
    // MariaDB has no MYSQLD_PARENT_PID check: no restart-family error, and no crash-safety verdict
    // built on MySQL's recipe.
    assert_quiet(
        &r,
        &[
            "restart-unsupervised",
            "restart-parent-mismatch",
            "restart-exit16-ignored",
            "clone-restart-failed",
        ],
    );
    assert_ne!(r.verdicts.clone_restart, CloneRestart::Fails);
    assert_ne!(r.verdicts.replica_crash_safe, CrashSafe::No);
    let f = first(&r, "clone-unsupported");
    let clone = line_of(text, "terminal", "CLONE INSTANCE");
    assert!(f.evidence.iter().any(|e| e.line_start == clone), "{:?}", f.evidence);
    assert!(
        f.message.contains("mariabackup") || f.fixes.iter().any(|x| x.text.contains("mariabackup")),
        "{}",
        f.message
    );
    let term = input_ix(&r, "terminal");
    assert_doc(&r, term, DocKind::SystemctlCat, 2, line_of(text, "terminal", "LimitNOFILE=32768"));
}

// ---------------------------------------------------------------------------------------------
// messy-transcript

#[test]
fn messy_transcript_finds_everything_among_the_noise() {
    let text = MESSY.1;
    assert!(text.lines().count() > 1000);
    let r = en(text);
    assert_eq!(r.verdicts.clone_restart, CloneRestart::Fails);
    assert_eq!(r.verdicts.replica_crash_safe, CrashSafe::No);
    assert_eq!(r.server.version.as_deref(), Some("8.0.36"));
    assert_eq!(r.server.unit.as_deref(), Some("mysqld.service"));
    assert_fires(
        &r,
        &[
            "restart-unsupervised",
            "clone-restart-failed",
            "replica-threads-stopped",
            "replica-source-purged",
            "replica-sync-relay-log",
            "replica-relay-log-recovery",
        ],
    );
    assert_quiet(
        &r,
        &[
            "replica-gtid-off",
            "replica-auto-position",
            "replica-innodb-flush",
            "replica-sync-binlog",
            "clone-unsupported",
        ],
    );
    let name = "terminal (db-replica-03, 2024-06-11)";
    let ix = input_ix(&r, name);
    let l = |s: &str| line_of(text, name, s);
    assert_doc(
        &r,
        ix,
        DocKind::SystemctlCat,
        l("# /etc/systemd/system/mysqld.service"),
        l("WantedBy=multi-user.target"),
    );
    let v = l("Ver 8.0.36");
    assert_doc(&r, ix, DocKind::MysqldVersion, v, v);
    assert_doc(&r, ix, DocKind::ClientError, l("ERROR 3707"), l("ERROR 3707"));
    let d = docs(&r, ix);
    let inside = |k: DocKind, n: u32| d.iter().any(|x| x.0 == k && x.1 <= n && n <= x.2);
    assert!(inside(DocKind::OptionFile, l("clone_valid_donor_list = db-primary")), "{d:?}");
    assert!(inside(DocKind::ReplicaStatus, l("Last_IO_Errno: 13114")), "{d:?}");
    assert!(inside(DocKind::ShowVariables, l("| sync_relay_log ")), "{d:?}");
    assert!(inside(DocKind::ErrorLog, l("[MY-013462]")), "{d:?}");
    assert!(inside(DocKind::ErrorLog, l("[MY-013114]")), "{d:?}");
    assert!(inside(DocKind::CloneStatus, l("| Completed")), "{d:?}");
    // The clone completed after the manual start: the 3707 finding says so and is not an error.
    let c = first(&r, "clone-restart-failed");
    assert!(c.evidence.iter().any(|e| e.line_start == l("| Completed")), "{:?}", c.evidence);
    // The purged-binlog finding points the reader to the clone checks (that is when 3707 bites).
    let p = first(&r, "replica-source-purged");
    assert!(p.message.contains("clone") || p.message.contains("CLONE"), "{}", p.message);
    // Linear: a thousand lines analyse quickly even in a debug build.
    let t = std::time::Instant::now();
    let _ = en(text);
    assert!(t.elapsed() < std::time::Duration::from_secs(2), "{:?}", t.elapsed());
}
