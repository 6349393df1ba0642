//! Option files, `my_print_defaults` output and `mysqld-auto.cnf`, as the report shows them:
//! recognised documents (kind, lines, label, problems) and notes on how settings were resolved.

use crate::support::{check, check_many, recognised};
use advisor::{DocKind, DocumentInfo, Lang, Options, Report, analyze_with};

const UBUNTU: &str = include_str!("../../../../tests/fixtures/options/ubuntu-mysqld.cnf");
const DEBIAN: &str = include_str!("../../../../tests/fixtures/options/debian-my.cnf");
const REPLICA: &str = include_str!("../../../../tests/fixtures/options/replica-crash-safe.cnf");
const QUIRKY: &str = include_str!("../../../../tests/fixtures/options/quirky.cnf");
const PRINT_DEFAULTS: &str = include_str!("../../../../tests/fixtures/options/my_print_defaults.txt");
const AUTO_PRETTY: &str = include_str!("../../../../tests/fixtures/options/mysqld-auto-v2-pretty.cnf");
const AUTO_COMPACT: &str = include_str!("../../../../tests/fixtures/options/mysqld-auto-v2-compact.cnf");
const AUTO_V1: &str = include_str!("../../../../tests/fixtures/options/mysqld-auto-v1.cnf");
const TRANSCRIPT: &str = include_str!("../../../../tests/fixtures/options/transcript.txt");

fn of_kind(r: &Report, kind: DocKind) -> Vec<&DocumentInfo> {
    r.documents.iter().filter(|d| d.kind == kind).collect()
}

fn lines(d: &DocumentInfo) -> (u32, u32) {
    (d.line_start, d.line_end)
}

fn notes_containing<'a>(r: &'a Report, needle: &str) -> Vec<&'a str> {
    r.notes.iter().map(String::as_str).filter(|n| n.contains(needle)).collect()
}

#[test]
fn ubuntu_mysqld_cnf_is_one_option_file_without_the_header_comments() {
    let r = check_many(&[("/etc/mysql/mysql.conf.d/mysqld.cnf", UBUNTU)]);
    let files = of_kind(&r, DocKind::OptionFile);
    assert_eq!(files.len(), 1, "{:#?}", r.documents);
    // From the [mysqld] header to the last option line; the leading comment block is not part of it.
    assert_eq!(lines(files[0]), (15, 77));
    assert_eq!(files[0].label, "option file /etc/mysql/mysql.conf.d/mysqld.cnf, groups [mysqld]");
    assert!(files[0].problems.is_empty(), "{:?}", files[0].problems);
    assert!(of_kind(&r, DocKind::Unrecognized).is_empty(), "{:#?}", r.documents);
}

#[test]
fn pasted_option_file_without_a_name_is_labelled_by_its_groups() {
    let r = check(REPLICA);
    let files = of_kind(&r, DocKind::OptionFile);
    assert_eq!(files.len(), 1, "{:#?}", r.documents);
    assert_eq!(lines(files[0]), (2, 41));
    assert_eq!(files[0].label, "option file, groups [mysqld], [mysqld-8.0], [mysqld-5.7], [client]");
    // No version anywhere and groups for two series: the assumed version's series is counted and
    // one note says which group was left out.
    let n = notes_containing(&r, "several release series");
    assert_eq!(n.len(), 1, "{:?}", r.notes);
    assert!(n[0].contains("[mysqld-5.7] (input 1"), "{}", n[0]);
    assert!(!n[0].contains("[mysqld-8.0]"), "{}", n[0]);
}

#[test]
fn includedir_lines_are_noted_until_the_files_are_given() {
    let r = check_many(&[("/etc/mysql/my.cnf", DEBIAN)]);
    let files = of_kind(&r, DocKind::OptionFile);
    assert_eq!(files.len(), 1);
    assert_eq!(lines(files[0]), (21, 22));
    assert_eq!(files[0].label, "option file /etc/mysql/my.cnf (only !include lines, 2)");
    let missing = notes_containing(&r, "were not given");
    assert_eq!(missing.len(), 2, "{:?}", r.notes);
    assert!(missing.iter().any(|n| n.contains("cat /etc/mysql/mysql.conf.d/*.cnf")));

    // With the included file given as its own input, only the other directory is still missing.
    let r = check_many(&[("/etc/mysql/my.cnf", DEBIAN), ("/etc/mysql/mysql.conf.d/mysqld.cnf", UBUNTU)]);
    let missing = notes_containing(&r, "were not given");
    assert_eq!(missing.len(), 1, "{:?}", r.notes);
    assert!(missing[0].contains("!includedir /etc/mysql/conf.d/"));
    assert_eq!(of_kind(&r, DocKind::OptionFile).len(), 2);
}

#[test]
fn quirky_file_with_crlf_tabs_quotes_and_prefixes_parses_cleanly() {
    let r = check_many(&[("my.ini", QUIRKY)]);
    let files = of_kind(&r, DocKind::OptionFile);
    assert_eq!(files.len(), 1, "{:#?}", r.documents);
    assert_eq!(lines(files[0]), (2, 22));
    assert_eq!(files[0].label, "option file my.ini, groups [mysqld], [mysqld_safe], [mysqldump]");
    assert!(files[0].problems.is_empty(), "{:?}", files[0].problems);
}

#[test]
fn malformed_lines_in_a_named_file_are_problems_in_both_languages() {
    let text = "sql_mode = ''\n[mysqld\n[mysqld]\nskip-log-bin = 1\nnot an option\n{\"Version\": 2}\n";
    let inputs = [advisor::Input::new("/etc/my.cnf", text)];
    for lang in Lang::ALL {
        let r = analyze_with(&inputs, &Options { lang });
        let files = of_kind(&r, DocKind::OptionFile);
        assert_eq!(files.len(), 1, "{:#?}", r.documents);
        assert_eq!(files[0].problems.len(), 5, "{:?}", files[0].problems);
        assert!(
            files[0].problems.iter().all(|p| !p.starts_with("options.")),
            "untranslated: {:?}",
            files[0].problems
        );
        if lang == Lang::ZhCn {
            assert!(files[0].problems[0].contains("选项组"), "{}", files[0].problems[0]);
        }
    }
}

#[test]
fn my_print_defaults_output_after_a_prompt() {
    let r = check(PRINT_DEFAULTS);
    let docs = of_kind(&r, DocKind::MyPrintDefaults);
    assert_eq!(docs.len(), 1, "{:#?}", r.documents);
    assert_eq!(lines(docs[0]), (2, 12));
    assert_eq!(docs[0].label, "my_print_defaults [mysqld] output, options: 11");
    assert_eq!(r.documents.len(), 1, "{:#?}", r.documents);
    // The masked password stays masked in the label and nowhere else shows it.
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("secret"));
}

#[test]
fn mysqld_auto_cnf_pretty_compact_and_version_1() {
    let r = check_many(&[("mysqld-auto.cnf", AUTO_PRETTY)]);
    let d = of_kind(&r, DocKind::MysqldAutoCnf);
    assert_eq!(d.len(), 1, "{:#?}", r.documents);
    assert_eq!(lines(d[0]), (1, 41));
    assert_eq!(d[0].label, "mysqld-auto.cnf (SET PERSIST, format version 2), persisted variables: 4");

    // Pasted without a name, on one line: recognised from its first key.
    let r = check(AUTO_COMPACT);
    let d = of_kind(&r, DocKind::MysqldAutoCnf);
    assert_eq!(d.len(), 1);
    assert_eq!(lines(d[0]), (1, 1));
    assert!(d[0].label.contains("persisted variables: 4"), "{}", d[0].label);
    assert!(d[0].problems.is_empty());

    let r = check(AUTO_V1);
    let d = of_kind(&r, DocKind::MysqldAutoCnf);
    assert_eq!(d.len(), 1);
    assert!(d[0].label.contains("format version 1), persisted variables: 2"), "{}", d[0].label);

    let r = analyze_with(&[advisor::Input::new("x", AUTO_V1)], &Options { lang: Lang::ZhCn });
    assert!(of_kind(&r, DocKind::MysqldAutoCnf)[0].label.contains("持久化变量"));
}

#[test]
fn truncated_mysqld_auto_cnf_is_reported() {
    let cut = &AUTO_PRETTY[..AUTO_PRETTY.find("\"mysql_dynamic_parse_early_variables\"").unwrap()];
    let text = format!("$ cat /var/lib/mysql/mysqld-auto.cnf\n{cut}$ echo done\ndone\n");
    let r = check(&text);
    let d = of_kind(&r, DocKind::MysqldAutoCnf);
    assert_eq!(d.len(), 1, "{:#?}", r.documents);
    assert_eq!(lines(d[0]), (2, 31));
    assert!(d[0].problems.iter().any(|p| p.contains("closing brace")), "{:?}", d[0].problems);
}

#[test]
fn transcript_mixing_prompts_files_json_and_print_defaults() {
    let r = check(TRANSCRIPT);
    let kinds: Vec<(DocKind, u32, u32)> = r
        .documents
        .iter()
        .filter(|d| d.kind != DocKind::ClientError)
        .map(|d| (d.kind, d.line_start, d.line_end))
        .collect();
    assert_eq!(
        kinds,
        [(DocKind::OptionFile, 2, 11), (DocKind::MysqldAutoCnf, 13, 13), (DocKind::MyPrintDefaults, 15, 21)],
        "{:#?}",
        r.documents
    );
    assert_eq!(
        r.documents[0].label,
        "option file /etc/mysql/mysql.conf.d/mysqld.cnf, groups [mysqld], [mysqld-8.0]"
    );
}

#[test]
fn systemd_units_and_other_bracketed_text_are_not_option_files() {
    let unit = "[Unit]\nDescription=MySQL Server\n[Service]\nExecStart=/usr/sbin/mysqld\n[Install]\nWantedBy=multi-user.target\n";
    let r = check(unit);
    assert!(of_kind(&r, DocKind::OptionFile).is_empty(), "{:#?}", r.documents);
    let r = check("[2024-05-01 10:00:00] started\n[INFO] ok = yes\n");
    assert!(of_kind(&r, DocKind::OptionFile).is_empty(), "{:#?}", r.documents);
    let r = check("{\"name\": \"not persisted\", \"items\": [1, 2]}\n");
    assert!(of_kind(&r, DocKind::MysqldAutoCnf).is_empty(), "{:#?}", r.documents);
}

#[test]
fn option_file_followed_by_a_unit_without_a_prompt_stops_before_the_unit() {
    let text = "[mysqld]\nsync_relay_log = 1\n\n# /etc/systemd/system/mysqld.service\n[Service]\nExecStart=/usr/sbin/mysqld\n";
    let r = check(text);
    let files = of_kind(&r, DocKind::OptionFile);
    assert_eq!(files.len(), 1);
    assert_eq!(lines(files[0]), (1, 2));
}

#[test]
fn log_bin_off_trap_and_persist_not_loaded_are_noted() {
    let r = check_many(&[
        ("my.cnf", "[mysqld]\nlog_bin = OFF\npersisted_globals_load = 0\n"),
        ("mysqld-auto.cnf", AUTO_COMPACT),
    ]);
    assert_eq!(notes_containing(&r, "OFF.000001").len(), 1, "{:?}", r.notes);
    assert_eq!(notes_containing(&r, "persisted_globals_load is OFF").len(), 1, "{:?}", r.notes);
}

#[test]
fn spans_lie_inside_the_input_for_odd_text() {
    for text in [
        "[mysqld]\r\nk = 'v\r\n",
        "[mysqld]\n\t\t\n= =\n",
        "{\"Version\": 2, \"mysql_dynamic_variables\": {\"a\": {\"Value\": \"\\u00",
        "--a\n--b=\n--=c\n",
        "x would have been started with the following arguments:\n",
        "[mysqld]\n!include\n!includedir   \n",
    ] {
        let r = check(text);
        for d in &r.documents {
            assert!(d.range.end as usize <= text.len(), "{text:?}: {d:?}");
            assert!(d.line_start <= d.line_end);
        }
    }
}

/// What the report says about a mixed paste: documents (kind, lines, label, problems) and notes,
/// in both languages.
#[test]
fn documents_and_notes_snapshot() {
    let inputs = [
        advisor::Input::new("transcript.txt", TRANSCRIPT),
        advisor::Input::new("/etc/mysql/my.cnf", DEBIAN),
        advisor::Input::new("replica.cnf", REPLICA),
        advisor::Input::new("my.ini", QUIRKY),
        advisor::Input::new("auto", AUTO_V1),
        advisor::Input::new(
            "broken.cnf",
            "log_error = x\n[mysqld\n[mysqld]\nskip-log-bin = 1\nlog_bin = 0\n",
        ),
    ];
    for lang in Lang::ALL {
        let out = recognised(&analyze_with(&inputs, &Options { lang }), |_| true);
        insta::assert_snapshot!(format!("options_documents_{}", lang.tag()), out);
    }
}
