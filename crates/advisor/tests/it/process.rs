//! Process views (`ps`, `pstree`, `/proc/<pid>/status|stat|environ`): which documents each
//! fixture gives, the near-misses that are not process views, and secrets in environments.

use advisor::{DocKind, Input, Lang, Options, analyze, analyze_with, render};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/process/{name}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).into_owned()
}

/// The kinds and labels of the documents a fixture gives (unrecognised parts included).
fn docs(name: &str) -> Vec<(DocKind, String)> {
    let r = analyze(&[Input::new(name, fixture(name))]);
    r.documents.iter().map(|d| (d.kind, d.label.clone())).collect()
}

fn kinds(name: &str) -> Vec<DocKind> {
    docs(name).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn ps_forms_are_process_lists() {
    for (name, label) in [
        ("ps-ef-grep-systemd.txt", "ps: mysqld PID 840, parent 1 (2 processes)"),
        ("ps-ef-grep-mysqld-safe.txt", "ps: mysqld PID 990, parent 820 (3 processes)"),
        ("ps-ef-full.txt", "ps: mysqld PID 840, parent 1 (8 processes)"),
        ("ps-aux.txt", "ps: mysqld PID 840, parent ? (1 processes)"),
        ("ps-aux-header.txt", "ps: mysqld PID 840, parent ? (3 processes)"),
        ("ps-o-pid-ppid-cmd.txt", "ps: mysqld PID 840, parent 1 (1 processes)"),
        ("ps-o-user-args-unknown-column.txt", "ps: mysqld PID 2240, parent 2231 (1 processes)"),
        ("ps-axjf-forest.txt", "ps: mysqld PID 990, parent 820 (5 processes)"),
        ("ps-ef-forest.txt", "ps: mysqld PID 2240, parent 2231 (3 processes)"),
    ] {
        assert_eq!(docs(name), [(DocKind::ProcessList, label.to_owned())], "{name}");
    }
}

#[test]
fn an_unknown_ps_column_is_a_problem_not_a_failure() {
    let r = analyze(&[Input::new("x", fixture("ps-o-user-args-unknown-column.txt"))]);
    let d = &r.documents[0];
    assert_eq!(d.problems.len(), 1, "{:?}", d.problems);
    assert!(d.problems[0].contains("\"P\""), "{:?}", d.problems);
}

#[test]
fn ps_and_environ_in_one_paste() {
    assert_eq!(
        docs("ps-ef-grep-wrapper.txt"),
        [
            (DocKind::ProcessList, "ps: mysqld PID 2240, parent 2231 (3 processes)".to_owned()),
            (DocKind::ProcEnviron, "/proc/2240/environ: 7 variables".to_owned()),
        ]
    );
}

#[test]
fn pstree_forms() {
    for (name, label) in [
        ("pstree-p.txt", "pstree: mysqld PID 840, parent 1 (7 processes)"),
        ("pstree-p-wrapper.txt", "pstree: mysqld PID 2240, parent 2231 (3 processes)"),
        ("pstree-ap.txt", "pstree: mysqld PID 990, parent 820 (5 processes)"),
        ("pstree-ascii.txt", "pstree: mysqld PID 840, parent 1 (7 processes)"),
    ] {
        assert_eq!(docs(name), [(DocKind::ProcessList, label.to_owned())], "{name}");
    }
}

#[test]
fn proc_status_and_stat() {
    assert_eq!(
        docs("proc-status-container-pid1.txt"),
        [(DocKind::ProcStatus, "/proc/1/status: mysqld, parent 0".to_owned())]
    );
    assert_eq!(
        docs("proc-status-host-view.txt"),
        [(DocKind::ProcStatus, "/proc/48213/status: mysqld, parent 48190".to_owned())]
    );
    assert_eq!(
        docs("proc-stat-comm-space.txt"),
        [
            (DocKind::ProcStatus, "/proc/2231/stat: start mysql.sh, parent 1".to_owned()),
            (DocKind::ProcStatus, "/proc/2240/stat: mysqld, parent 2231".to_owned()),
        ]
    );
}

#[test]
fn environ_forms() {
    for (name, label) in [
        ("environ-tr-systemd.txt", "/proc/840/environ: 10 variables"),
        ("environ-xargs-no-parent-pid.txt", "/proc/2240/environ: 7 variables"),
        ("environ-strings.txt", "/proc/840/environ: 5 variables"),
        ("environ-raw-nul.txt", "/proc/840/environ: 5 variables"),
        ("environ-run-on.txt", "/proc/840/environ: 7 variables"),
        ("environ-root-password.txt", "/proc/1/environ: 8 variables"),
        ("environ-no-prompt.txt", "process environment (/proc/<pid>/environ): 6 variables"),
    ] {
        assert_eq!(docs(name), [(DocKind::ProcEnviron, label.to_owned())], "{name}");
    }
    // The run-on split is a guess, and the report says so.
    let r = analyze(&[Input::new("x", fixture("environ-run-on.txt"))]);
    assert!(r.documents[0].problems.iter().any(|p| p.contains("guess")), "{:?}", r.documents[0].problems);
}

#[test]
fn near_misses_are_not_process_views() {
    for name in ["near-miss-env.txt", "near-miss-top.txt", "near-miss-netstat.txt", "near-miss-sysconfig.txt"]
    {
        let k = kinds(name);
        assert!(
            !k.iter().any(|k| matches!(k, DocKind::ProcessList | DocKind::ProcStatus | DocKind::ProcEnviron)),
            "{name}: {k:?}"
        );
    }
    // A pasted `/etc/sysconfig/mysql` stays an environment file, whatever its lines.
    let text = "LANG=C\nPATH=/usr/bin\nHOME=/var/lib/mysql\nMYSQLD_PARENT_PID=1\n";
    let r = analyze(&[Input::new("/etc/sysconfig/mysql", text)]);
    assert!(r.documents.iter().all(|d| d.kind != DocKind::ProcEnviron), "{:?}", r.documents);
}

#[test]
fn secrets_in_environments_and_command_lines_never_leave_masked() {
    let ps = "$ ps -ef | grep mysql\n\
              root  3000  2900  0 10:05 pts/0  00:00:00 mysql -uroot -pS3cretPs\n\
              root  3001  2900  0 10:05 pts/0  00:00:00 /usr/bin/mysqladmin -uroot -pS3cretAdm shutdown\n";
    let runon = "$ cat /proc/1/environ\nHOSTNAME=db1MYSQL_ROOT_PASSWORD=S3cretRunOnHOME=/var/lib/mysql\n";
    let nul = "$ cat /proc/1/environ\nPATH=/bin\0MYSQL_PWD=S3cretNul\0HOME=/root\0\n";
    let inputs = [
        Input::new("environ", fixture("environ-root-password.txt")),
        Input::new("ps", ps),
        Input::new("run-on", runon),
        Input::new("nul", nul),
    ];
    let secrets =
        ["S3cr3t-R00t!", "app-Pa55", "r3pl-pass", "S3cretPs", "S3cretAdm", "S3cretRunOn", "S3cretNul"];
    for lang in [Lang::En, Lang::ZhCn] {
        let r = analyze_with(&inputs, &Options { lang });
        let outputs = [
            r.to_json(),
            render::markdown(&r),
            render::text(&r, &render::TextOptions { color: false }),
            render::text(&r, &render::TextOptions { color: true }),
        ];
        for out in &outputs {
            for s in secrets {
                assert!(!out.contains(s), "{lang:?}: secret {s} leaked:\n{out}");
            }
        }
    }
}
