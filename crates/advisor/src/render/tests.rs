//! Renderer tests over a hand-built report (independent of what the rules currently find).

use super::*;
use crate::base::DocKind;
use crate::report::*;
use crate::text::TextRange;

fn ev(input: usize, name: &str, start: u32, excerpt: &str, label: &str) -> Evidence {
    let n = excerpt.split('\n').count() as u32;
    Evidence {
        input,
        input_name: name.into(),
        range: TextRange::new(0, excerpt.len() as u32),
        line_start: start,
        line_end: start + n - 1,
        excerpt: excerpt.into(),
        label: label.into(),
    }
}

fn sample(lang: Lang) -> Report {
    Report {
        schema_version: 1,
        lang,
        verdicts: Verdicts { clone_restart: CloneRestart::Fails, replica_crash_safe: CrashSafe::Unknown },
        verdict_notes: VerdictNotes {
            clone_restart: VerdictNote {
                summary: "The supervisor check fails.".into(),
                reasons: vec!["MYSQLD_PARENT_PID is not set.".into()],
                missing: vec![],
                assumptions: vec!["MySQL 8.0 assumed.".into()],
                evidence: vec![ev(0, "mysqld.service", 7, "ExecStart=/usr/sbin/mysqld", "started here")],
                evidence_omitted: 0,
                ..Default::default()
            },
            replica_crash_safe: VerdictNote {
                summary: "Not enough input.".into(),
                reasons: vec![],
                missing: vec!["SHOW REPLICA STATUS\\G".into()],
                assumptions: vec![],
                evidence: vec![],
                evidence_omitted: 0,
                ..Default::default()
            },
        },
        findings: vec![
            Finding {
                rule: "some-info",
                severity: Severity::Info,
                title: "An info".into(),
                message: "Just so you know.".into(),
                channel: Some(String::new()),
                evidence: vec![],
                evidence_omitted: 0,
                fixes: vec![],
                references: vec![],
            },
            Finding {
                rule: "restart-unsupervised",
                severity: Severity::Error,
                title: "mysqld is not supervised".into(),
                message: "RESTART needs a supervisor.\nSecond line.".into(),
                channel: None,
                evidence: vec![
                    ev(
                        0,
                        "mysqld.service",
                        9,
                        "[Service]\r\nExecStart=/usr/sbin/mysqld\r\n\r\nType=notify",
                        "here",
                    ),
                    ev(1, "evil", 1, "a\x1b[31mb", ""),
                ],
                evidence_omitted: 0,
                fixes: vec![
                    Fix::needs_review(
                        FixTarget::SystemdDropin,
                        "Set the variable".into(),
                        "[Service]\nEnvironment=MYSQLD_PARENT_PID=1\n".into(),
                    )
                    .because("Needs a restart.".into())
                    .file("/etc/systemd/system/mysqld.service.d/supervisor.conf".into()),
                ],
                references: vec![Reference {
                    title: "RESTART".into(),
                    url: "https://dev.mysql.com/doc/".into(),
                }],
            },
        ],
        checks: vec![
            Check {
                rule: "restart-unsupervised",
                status: CheckStatus::Fired,
                title: "t".into(),
                note: String::new(),
            },
            Check {
                rule: "a-passed",
                status: CheckStatus::Passed,
                title: "Passed one".into(),
                note: String::new(),
            },
            Check {
                rule: "b-unknown",
                status: CheckStatus::Unknown,
                title: "Unknown one".into(),
                note: "paste X".into(),
            },
            Check {
                rule: "c-na",
                status: CheckStatus::NotApplicable,
                title: "NA".into(),
                note: String::new(),
            },
        ],
        documents: vec![
            DocumentInfo {
                input: 0,
                kind: DocKind::SystemdUnit,
                label: "systemd unit mysqld.service".into(),
                line_start: 1,
                line_end: 12,
                range: TextRange::new(0, 10),
                problems: vec!["odd line 4".into()],
            },
            DocumentInfo {
                input: 1,
                kind: DocKind::Unrecognized,
                label: "not recognised".into(),
                line_start: 2,
                line_end: 3,
                range: TextRange::new(0, 10),
                problems: vec![],
            },
        ],
        inputs: vec![
            InputInfo {
                name: "mysqld.service".into(),
                lines: 12,
                bytes: 100,
                excerpt_lines: None,
                excerpt_bytes: None,
            },
            InputInfo { name: "evil".into(), lines: 3, bytes: 10, excerpt_lines: None, excerpt_bytes: None },
        ],
        server: ServerSummary {
            flavor: Some("mysql".into()),
            version: Some("8.0.36".into()),
            unit: Some("mysqld.service".into()),
            channels: vec![String::new()],
            channels_omitted: 0,
        },
        notes: vec!["A note.".into()],
    }
}

#[test]
fn text_shows_verdicts_first_then_findings_by_severity() {
    let t = text(&sample(Lang::En), &TextOptions::default());
    let q = t.find("Will a clone's automatic restart work?").expect("verdict question");
    let err = t.find("error[restart-unsupervised]: mysqld is not supervised").expect("error heading");
    let info = t.find("info[some-info]: An info (the default channel)").expect("info heading");
    assert!(q < err && err < info, "{t}");
    assert!(t.contains("fails (ERROR 3707)"));
    assert!(t.contains("  To decide, paste:\n    - SHOW REPLICA STATUS\\G\n"));
    assert!(t.contains("    mysqld.service:7  started here"));
    assert!(t.ends_with("1 error, 1 info\n"), "{t}");
}

#[test]
fn text_evidence_has_a_gutter_with_line_numbers() {
    let t = text(&sample(Lang::En), &TextOptions::default());
    let want = "   --> mysqld.service:9-12  here\n     |\n   9 | [Service]\n  10 | ExecStart=/usr/sbin/mysqld\n  11 |\n  12 | Type=notify\n     |\n";
    assert!(t.contains(want), "{t}");
    assert!(!t.contains('\r'));
}

#[test]
fn text_fix_is_paste_ready_and_labelled() {
    let t = text(&sample(Lang::En), &TextOptions::default());
    assert!(t.contains("  = Fix (systemd drop-in, review first): Set the variable\n"), "{t}");
    assert!(t.contains("      Needs a restart.\n"));
    assert!(t.contains("      File: /etc/systemd/system/mysqld.service.d/supervisor.conf\n"));
    assert!(t.contains("\n        [Service]\n        Environment=MYSQLD_PARENT_PID=1\n"));
    assert!(t.contains("  = References:\n      RESTART: https://dev.mysql.com/doc/\n"));
}

#[test]
fn text_lists_documents_notes_and_checks() {
    let t = text(&sample(Lang::En), &TextOptions::default());
    assert!(
        t.contains("Recognised:\n  mysqld.service:1-12  systemd-unit  systemd unit mysqld.service\n"),
        "{t}"
    );
    assert!(
        t.contains(
            "systemd unit mysqld.service\n                                     parse problem: odd line 4\n"
        ),
        "{t}"
    );
    assert!(t.contains("Not recognised: evil:2-3\n"));
    assert!(
        t.contains("Server: mysql 8.0.36 · unit mysqld.service · channels: the default channel\n"),
        "{t}"
    );
    assert!(t.contains("Notes:\n  - A note.\n"));
    assert!(t.contains("Passed (1):\n  ✔ a-passed   Passed one\n"), "{t}");
    assert!(t.contains("  ? b-unknown  Unknown one — paste X\n"));
    assert!(t.contains("Not applicable: 1\n"));
}

#[test]
fn text_colour_only_when_asked_and_input_cannot_inject_escapes() {
    let r = sample(Lang::En);
    let plain = text(&r, &TextOptions { color: false });
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("a␛[31mb"), "{plain}");
    let colored = text(&r, &TextOptions { color: true });
    assert!(colored.contains("\x1b[1;31merror[restart-unsupervised]\x1b[0m"));
    // The only escapes are ours: the input's ESC is still shown as a picture.
    assert!(colored.contains("a␛[31mb"));
}

#[test]
fn text_in_chinese() {
    let t = text(&sample(Lang::ZhCn), &TextOptions::default());
    assert!(t.contains("克隆完成后的自动重启能成功吗？"));
    assert!(t.contains("错误[restart-unsupervised]"));
    assert!(t.contains("  = 修复（systemd drop-in，应用前请先确认）：Set the variable\n"), "{t}");
    assert!(t.contains("  = 参考资料：\n"));
    assert!(t.ends_with("1 个错误，1 条提示\n"), "{t}");
}

#[test]
fn text_of_an_empty_report() {
    let r = crate::analyze(&[]);
    let t = text(&r, &TextOptions::default());
    assert!(t.contains("No input was given."));
    assert!(t.contains("No problems found."));
}

#[test]
fn markdown_has_table_fences_and_escapes() {
    let mut r = sample(Lang::En);
    r.findings[1].fixes[0].text = "```\nx\n".into();
    r.documents[0].label = "a | b".into();
    let md = markdown(&r);
    assert!(md.starts_with("# mysql-advisor report\n\n| Question | Answer |\n| --- | --- |\n"));
    assert!(md.contains("| Will a clone's automatic restart work? | **fails (ERROR 3707)** (`fails`) |"));
    assert!(md.contains("### error `restart-unsupervised`: mysqld is not supervised\n"));
    assert!(md.contains("`mysqld.service` lines 9–12 — here\n\n```text\n 9 | [Service]\n10 | ExecStart=/usr/sbin/mysqld\n11 | \n12 | Type=notify\n```\n"), "{md}");
    // A fence longer than the backticks inside.
    assert!(md.contains("````ini\n```\nx\n````\n"), "{md}");
    assert!(md.contains("File: `/etc/systemd/system/mysqld.service.d/supervisor.conf`"));
    assert!(md.contains("References: [RESTART](https://dev.mysql.com/doc/)"));
    assert!(
        md.contains("**Fix:** Set the variable *(systemd drop-in, review first)* — Needs a restart.\n"),
        "{md}"
    );
    assert!(
        md.contains("| `mysqld.service` | 1–12 | `systemd-unit` | a \\| b<br>⚠ parse problem: odd line 4 |"),
        "{md}"
    );
    assert!(md.contains("**Not recognised:** `evil` lines 2–3"));
    assert!(!md.ends_with("\n\n"));
}

#[test]
fn markdown_in_chinese() {
    let md = markdown(&sample(Lang::ZhCn));
    assert!(md.starts_with("# mysql-advisor 诊断报告"));
    assert!(md.contains("| 问题 | 结论 |"));
    assert!(md.contains("**证据**"));
}

#[test]
fn long_excerpts_are_shortened_for_display_only() {
    let mut r = sample(Lang::En);
    let long_line = "x".repeat(5000);
    let many: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
    r.findings[1].evidence = vec![ev(0, "big", 1, &long_line, ""), ev(0, "many", 101, &many.join("\n"), "")];
    let t = text(&r, &TextOptions::default());
    assert!(t.contains(&format!("  1 | {}…\n", "x".repeat(400))), "{t}");
    assert!(!t.contains(&"x".repeat(401)));
    assert!(t.contains("  124 | line 23\n    … | …\n  197 | line 96\n"), "{t}");
    assert!(t.contains("  200 | line 99\n"));
    assert!(!t.contains("line 24\n"));
    let md = markdown(&r);
    assert!(md.contains("124 | line 23\n  … | …\n197 | line 96\n"), "{md}");
    // The JSON keeps everything.
    assert!(r.to_json().contains(&long_line));
}

#[test]
fn markdown_drops_terminal_controls_like_text() {
    let mut r = sample(Lang::En);
    let nasty = "x = 1 # \x1b[31mred\x07 \u{202E}gnp.exe\u{2066}i\u{2069} \0\x7f\u{9b}";
    r.findings[0].evidence.push(ev(1, "evil\x1b]0;title\x07", 4, nasty, "label \u{202D}lr"));
    r.notes.push("note \x1b[2J".into());
    let controls = ['\x1b', '\x07', '\0', '\x7f', '\u{9b}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2069}'];
    let md = markdown(&r);
    let plain = text(&r, &TextOptions { color: false });
    for out in [&md, &plain] {
        assert!(
            out.contains("x = 1 # ␛[31mred␇ \u{FFFD}gnp.exe\u{FFFD}i\u{FFFD} ␀\u{FFFD}\u{FFFD}"),
            "{out}"
        );
        assert!(out.contains("evil␛]0;title␇"), "{out}");
        for c in controls {
            assert!(!out.contains(c), "{c:?} in {out}");
        }
    }
    // Tabs and line breaks are text, not controls.
    assert_eq!(clean("a\tb\nc"), "a\tb\nc");
    assert!(matches!(clean("plain"), std::borrow::Cow::Borrowed(_)));
}
