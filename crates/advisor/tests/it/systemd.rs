//! systemd inputs: unit files, drop-ins, `systemctl cat`, `systemctl show` — documents, labels,
//! problems and the unit name in the report.

use crate::support::{check, check_many, recognised};
use advisor::{DocKind, DocumentInfo, Input, Lang, Options, Report, analyze_with};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../../../tests/fixtures/systemd/", $name))
    };
}

fn is_systemd(kind: DocKind) -> bool {
    matches!(kind, DocKind::SystemdUnit | DocKind::SystemctlCat | DocKind::SystemctlShow)
}

fn systemd_docs(r: &Report) -> Vec<&DocumentInfo> {
    r.documents.iter().filter(|d| is_systemd(d.kind)).collect()
}

fn spans(r: &Report) -> Vec<(usize, DocKind, u32, u32)> {
    systemd_docs(r).iter().map(|d| (d.input, d.kind, d.line_start, d.line_end)).collect()
}

/// Every vendor unit, named as installed: one document covering the whole file.
#[test]
fn vendor_units_named_as_installed_are_whole_documents() {
    let cases: &[(&str, &str, &str)] = &[
        ("/usr/lib/systemd/system/mysqld.service", fixture!("oracle-rpm-mysqld.service"), "mysqld.service"),
        (
            "/usr/lib/systemd/system/mysqld@.service",
            fixture!("oracle-rpm-mysqld@.service"),
            "mysqld@.service",
        ),
        ("/lib/systemd/system/mysql.service", fixture!("oracle-deb-mysql.service"), "mysql.service"),
        ("/lib/systemd/system/mysql.service", fixture!("ubuntu-mysql.service"), "mysql.service"),
        ("/lib/systemd/system/mysql.service", fixture!("percona-deb-mysql.service"), "mysql.service"),
        ("/usr/lib/systemd/system/mariadb.service", fixture!("mariadb.service"), "mariadb.service"),
        ("/usr/lib/systemd/system/mysqld.service", fixture!("forking-daemonize.service"), "mysqld.service"),
    ];
    for (name, text, unit) in cases {
        let r = check_many(&[(name, text)]);
        let lines = text.lines().count() as u32;
        assert_eq!(r.documents.len(), 1, "{name}: {:?}", r.documents);
        let d = &r.documents[0];
        assert_eq!((d.kind, d.line_start, d.line_end), (DocKind::SystemdUnit, 1, lines), "{name}");
        assert_eq!(d.label, format!("systemd unit {unit}"));
        assert!(d.problems.is_empty(), "{name}: {:?}", d.problems);
        assert_eq!(r.server.unit.as_deref(), Some(*unit));
    }
}

/// Pasted without a name, a unit starts at its first section (leading comments are not part of it).
#[test]
fn pasted_units_start_at_the_first_section() {
    let r = check(fixture!("oracle-rpm-mysqld.service"));
    assert_eq!(spans(&r), [(0, DocKind::SystemdUnit, 8, 50)]);
    assert_eq!(
        r.documents.iter().find(|d| d.kind == DocKind::SystemdUnit).map(|d| d.label.as_str()),
        Some("systemd unit \"MySQL Server\"")
    );
    assert_eq!(r.server.unit, None);
    let r = check(fixture!("mariadb.service"));
    assert_eq!(spans(&r), [(0, DocKind::SystemdUnit, 8, 48)]);
}

#[test]
fn systemctl_cat_with_two_dropins() {
    let r = check(fixture!("cat-two-dropins.txt"));
    assert_eq!(spans(&r), [(0, DocKind::SystemctlCat, 2, 40)]);
    let d = systemd_docs(&r)[0];
    assert_eq!(d.label, "systemctl cat mysqld.service + 2 drop-ins");
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(r.server.unit.as_deref(), Some("mysqld.service"));
    // Nothing left over: the prompts are not documents.
    assert!(r.documents.iter().all(|d| d.kind != DocKind::Unrecognized), "{:?}", r.documents);

    let zh = analyze_with(
        &[Input::new("input 1", fixture!("cat-two-dropins.txt"))],
        &Options { lang: Lang::ZhCn },
    );
    assert_eq!(systemd_docs(&zh)[0].label, "systemctl cat mysqld.service + 2 个 drop-in");
}

#[test]
fn systemctl_show_output() {
    let r = check(fixture!("show-mysqld.txt"));
    let lines = fixture!("show-mysqld.txt").lines().count() as u32;
    assert_eq!(spans(&r), [(0, DocKind::SystemctlShow, 2, lines)]);
    let d = systemd_docs(&r)[0];
    assert_eq!(d.label, format!("systemctl show mysqld.service ({} properties)", lines - 1));
    assert_eq!(r.server.unit.as_deref(), Some("mysqld.service"));
}

/// A terminal transcript: status output, `systemctl cat`, a my.cnf and a query. The cat document
/// ends before the next prompt; the my.cnf group is not a unit section.
#[test]
fn transcript_mixing_prompts_and_outputs() {
    let text = fixture!("transcript.txt");
    let r = check(text);
    assert_eq!(spans(&r), [(0, DocKind::SystemctlCat, 9, 39)]);
    assert_eq!(systemd_docs(&r)[0].label, "systemctl cat mysql.service + 1 drop-in");
    assert_eq!(r.server.unit.as_deref(), Some("mysql.service"));
    // The `[mysqld]` group (line 41) and the table (46–50) belong to other documents.
    assert!(
        r.documents.iter().all(|d| d.line_end < 41 || d.line_start > 40 || d.kind != DocKind::SystemctlCat)
    );
}

#[test]
fn user_unit_and_masked_unit() {
    let r = check(fixture!("user-unit-cat.txt"));
    assert_eq!(spans(&r), [(0, DocKind::SystemctlCat, 2, 13)]);
    assert_eq!(r.server.unit.as_deref(), Some("mysqld-sandbox.service"));

    let r = check("$ systemctl cat mysqld\n# Unit mysqld.service is masked.\n$ date\n");
    assert_eq!(spans(&r), [(0, DocKind::SystemctlCat, 2, 2)]);
    let d = systemd_docs(&r)[0];
    assert_eq!(d.label, "systemctl cat: mysqld.service is masked");
    assert_eq!(d.problems.len(), 1);
    assert!(d.problems[0].contains("masked"), "{:?}", d.problems);
}

/// A unit and its drop-in as two inputs: two documents, the drop-in labelled as such.
#[test]
fn dropin_as_a_second_input() {
    let r = check_many(&[
        ("mysqld.service", fixture!("handwritten-seed.service")),
        ("/etc/systemd/system/mysqld.service.d/override.conf", fixture!("seed-fix-override.conf")),
    ]);
    assert_eq!(spans(&r), [(0, DocKind::SystemdUnit, 1, 15), (1, DocKind::SystemdUnit, 1, 3)]);
    assert_eq!(systemd_docs(&r)[1].label, "systemd drop-in override.conf for mysqld.service");
    assert_eq!(r.server.unit.as_deref(), Some("mysqld.service"));
    let r = check_many(&[
        ("input 1", fixture!("handwritten-seed.service")),
        ("input 2", fixture!("seed-fix-override.conf")),
    ]);
    assert_eq!(spans(&r), [(0, DocKind::SystemdUnit, 1, 15), (1, DocKind::SystemdUnit, 1, 3)]);
}

#[test]
fn syntax_problems_are_reported_with_line_numbers() {
    let r = check_many(&[("/etc/systemd/system/mysqld.service", fixture!("ignored-lines.service"))]);
    let d = systemd_docs(&r)[0];
    assert_eq!(d.problems.len(), 1, "{:?}", d.problems);
    assert!(
        d.problems[0].starts_with("line 2:") && d.problems[0].contains("Environment="),
        "{:?}",
        d.problems
    );
    let r = check("[Service]\nExecStart=/usr/sbin/mysqld\nRestart on-failure\nUser=mysql\n");
    let d = systemd_docs(&r)[0];
    assert_eq!((d.line_start, d.line_end), (1, 4));
    assert_eq!(d.problems.len(), 1);
    assert!(d.problems[0].contains("line 3"), "{:?}", d.problems);
    let zh = analyze_with(&[Input::new("x", "[Servcie]\nRestart=always\n")], &Options { lang: Lang::ZhCn });
    // `[Servcie]` is not a known section, so nothing starts a unit here.
    assert!(systemd_docs(&zh).is_empty());
    let zh = analyze_with(
        &[Input::new("x", "[Service]\nUser=mysql\n[Servcie]\nRestart=always\n")],
        &Options { lang: Lang::ZhCn },
    );
    let d = systemd_docs(&zh)[0];
    assert_eq!((d.line_start, d.line_end), (1, 4));
    assert!(d.problems[0].contains("未知的节 [Servcie]"), "{:?}", d.problems);
}

#[test]
fn crlf_bom_and_tabs_keep_the_same_documents() {
    for text in [fixture!("cat-two-dropins.txt"), fixture!("transcript.txt"), fixture!("show-mysqld.txt")] {
        let base = spans(&check(text));
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(spans(&check(&crlf)), base);
        let bom = format!("\u{FEFF}{text}");
        assert_eq!(spans(&check(&bom)), base);
        let r = advisor::analyze(&[Input::from_bytes("input 1", crlf.as_bytes())]);
        assert_eq!(spans(&r), base);
    }
    let tabs: String = fixture!("oracle-deb-mysql.service")
        .lines()
        .map(|l| format!("\t{}\n", l.replacen('=', " \t= ", 1)))
        .collect();
    let r = check_many(&[("mysql.service", &tabs)]);
    assert_eq!(spans(&r), [(0, DocKind::SystemdUnit, 1, 26)]);
    assert!(systemd_docs(&r)[0].problems.is_empty());
}

/// Things that look a bit like units but are not.
#[test]
fn near_misses_are_not_systemd() {
    let mycnf = "[mysqld]\ndatadir=/var/lib/mysql\nsocket=/var/lib/mysql/mysql.sock\n\n[client]\nuser=root\n";
    assert!(systemd_docs(&check(mycnf)).is_empty());
    assert!(systemd_docs(&check_many(&[("my.cnf", mycnf)])).is_empty());
    assert!(systemd_docs(&check_many(&[("/etc/mysql/conf.d/override.cnf", mycnf)])).is_empty());
    // Key=value lines without show-only properties or a `systemctl show` prompt are not `show`.
    assert!(systemd_docs(&check("Type=notify\nRestart=on-failure\n")).is_empty());
    assert!(systemd_docs(&check("MYSQLD_OPTS=--skip-grant-tables\nLD_PRELOAD=/x.so\n")).is_empty());
    // A comment that mentions a path is not a `systemctl cat` header.
    assert!(systemd_docs(&check("# /etc/my.cnf\n[mysqld]\nuser=mysql\n")).is_empty());
}

#[test]
fn a_unit_followed_by_an_option_file_is_not_swallowed() {
    let text =
        "[Service]\nExecStart=/usr/sbin/mysqld\nEnvironment=MYSQLD_PARENT_PID=1\n\n[mysqld]\nserver_id=2\n";
    let r = check(text);
    assert_eq!(spans(&r), [(0, DocKind::SystemdUnit, 1, 3)]);
    let text = "[Service]\nExecStart=/usr/sbin/mysqld\nmysql> SHOW REPLICA STATUS\\G\n";
    assert_eq!(spans(&check(text)), [(0, DocKind::SystemdUnit, 1, 2)]);
}

/// Never panics on odd input, and spans stay inside the input.
#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        "[Service]\n\\",
        "[Service]\nExecStart=\\\n",
        "# /etc/systemd/system/x.service\n",
        "# /etc/systemd/system/x.service.d/a.conf\n\n\n",
        "ExecStart={ path=/x ; argv[]=\nId=x.service\nMainPID=1\n",
        "[Service]\nEnvironment=\"A=\\x\" 'B\n",
        "[Service]\nEnvironment=\\u12\n",
        "[X-Foo]\n=\n[\n]\n[Service]]\n",
        "# Warning: x.service changed on disk, the version systemd has loaded is outdated.\n",
        "[Unit]\n\u{0}\u{FFFD}=\u{1F600}\n",
    ];
    for t in odd {
        let r = check(t);
        for d in &r.documents {
            assert!(d.range.end as usize <= t.len(), "{t:?}");
        }
        let r = check_many(&[("x.service", t)]);
        assert!(!r.documents.is_empty() || t.trim().is_empty());
    }
}

/// What the report says about every systemd fixture: documents, labels, problems, unit name.
#[test]
fn documents_of_every_systemd_fixture_snapshot() {
    let cases: &[(&str, &str)] = &[
        ("/usr/lib/systemd/system/mysqld.service", fixture!("oracle-rpm-mysqld.service")),
        ("input 1", fixture!("oracle-rpm-mysqld@.service")),
        ("input 1", fixture!("oracle-deb-mysql.service")),
        ("input 1", fixture!("ubuntu-mysql.service")),
        ("input 1", fixture!("percona-deb-mysql.service")),
        ("input 1", fixture!("mariadb.service")),
        ("input 1", fixture!("forking-daemonize.service")),
        ("input 1", fixture!("cat-two-dropins.txt")),
        ("input 1", fixture!("show-mysqld.txt")),
        ("input 1", fixture!("transcript.txt")),
        ("input 1", fixture!("user-unit-cat.txt")),
        ("/etc/systemd/system/mysqld.service", fixture!("ignored-lines.service")),
        ("override.conf", fixture!("seed-fix-override.conf")),
    ];
    for lang in Lang::ALL {
        let mut out = String::new();
        for (name, text) in cases {
            let r = analyze_with(&[Input::new(*name, *text)], &Options { lang });
            out.push_str(&format!("== {name} ({} lines)\n", text.lines().count()));
            // Only the systemd documents: the other kinds belong to other areas' snapshots.
            out.push_str(&recognised(&r, is_systemd));
        }
        insta::assert_snapshot!(format!("systemd_documents_{}", lang.tag()), out);
    }
}
