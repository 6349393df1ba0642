//! The journal, `systemctl status` and `systemctl show`'s runtime properties: which documents
//! each fixture is read as (near-misses included), mysqld's lines in a journal reaching the
//! error-log rules, and secrets never shown.

use crate::support::check;
use advisor::{DocKind, Input, analyze, render};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/journal/", $name))
    };
}

fn kinds(text: &str) -> Vec<(DocKind, u32, u32)> {
    check(text).documents.iter().map(|d| (d.kind, d.line_start, d.line_end)).collect()
}

#[test]
fn journals_in_every_format() {
    use DocKind::Journal;
    for (name, text, lines) in [
        ("A", fixture!("seq-a-managed-exit-16-restart.txt"), (2, 11)),
        ("B", fixture!("seq-b-unmanaged-clone-exit-0.txt"), (2, 8)),
        ("B v245", fixture!("seq-b-unmanaged-clone-succeeded-v245.txt"), (2, 5)),
        ("start limit", fixture!("seq-start-limit-after-16.txt"), (2, 9)),
        ("always", fixture!("restart-always-after-exit-0.txt"), (2, 5)),
        ("short-iso", fixture!("short-iso.txt"), (2, 8)),
        ("cat", fixture!("cat-mode.txt"), (2, 8)),
        ("v219", fixture!("rhel7-v219.txt"), (2, 9)),
        ("zh-CN", fixture!("zh-cn-months.txt"), (2, 7)),
    ] {
        assert_eq!(kinds(text), [(Journal, lines.0, lines.1)], "{name}");
    }
}

#[test]
fn systemctl_status_and_show() {
    use DocKind::{SystemctlShow, SystemctlStatus};
    for (name, text, kind, lines) in [
        ("new", fixture!("status-new-auto-restart.txt"), SystemctlStatus, (2, 15)),
        ("old", fixture!("status-old-v219.txt"), SystemctlStatus, (2, 15)),
        ("inactive", fixture!("status-inactive-after-clone.txt"), SystemctlStatus, (2, 15)),
        ("running", fixture!("status-running-wrapper.txt"), SystemctlStatus, (2, 15)),
        ("show", fixture!("show-runtime.txt"), SystemctlShow, (2, 12)),
        ("show limit", fixture!("show-runtime-start-limit.txt"), SystemctlShow, (2, 10)),
        ("show running", fixture!("show-runtime-running.txt"), SystemctlShow, (2, 9)),
    ] {
        assert_eq!(kinds(text), [(kind, lines.0, lines.1)], "{name}");
    }
}

#[test]
fn near_misses_are_not_journals() {
    let k = kinds(fixture!("near-miss-error-log-mentions-systemd.txt"));
    assert_eq!(k, [(DocKind::ErrorLog, 1, 2)]);
    let k = kinds(fixture!("near-miss-other-daemon.txt"));
    assert_eq!(k, [(DocKind::Unrecognized, 1, 1)]);
}

#[test]
fn mysqld_lines_in_a_journal_reach_the_clone_rules() {
    let r = check(fixture!("seq-b-unmanaged-clone-exit-0.txt"));
    assert!(r.findings.iter().any(|f| f.rule == "clone-restart-failed"), "{:#?}", r.findings);
    let r = check(fixture!("restart-always-after-exit-0.txt"));
    assert!(r.findings.iter().any(|f| f.rule == "clone-restart-failed"));
}

#[test]
fn secrets_in_a_journal_or_a_cgroup_tree_are_never_shown() {
    let text = "\
$ systemctl status mysql
● mysql.service - MySQL Community Server
     Loaded: loaded (/lib/systemd/system/mysql.service; enabled; preset: enabled)
     Active: active (running) since Wed 2024-01-31 01:37:18 UTC; 1min ago
   Main PID: 1840 (mysqld)
     CGroup: /system.slice/mysql.service
             ├─1830 /bin/sh -c MYSQL_PWD=Hunter2a mysql -uroot -pHunter2b -e 'select 1'
             └─1840 /usr/sbin/mysqld --password=Hunter2c

Jan 31 01:37:18 db2 systemd[1]: Started MySQL Community Server.
Jan 31 01:37:19 db2 mysql-init[1830]: MYSQL_ROOT_PASSWORD=Hunter2d
Jan 31 01:37:19 db2 mysqld[1840]: 2024-01-31T01:37:19.000000Z 0 [Note] [MY-000000] [Server] mysql -uroot -pHunter2e
";
    let r = analyze(&[Input::new("input 1", text)]);
    let outputs = [
        render::text(&r, &render::TextOptions { color: false }),
        render::markdown(&r),
        serde_json::to_string(&r).expect("json"),
    ];
    for out in outputs {
        assert!(!out.contains("Hunter2"), "a secret is shown:\n{out}");
    }
}
