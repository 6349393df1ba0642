//! Behaviour of the command line: exit codes, inputs, errors, languages, colour, secrets.

use crate::support::*;
use std::io::Read;
use std::process::Stdio;

fn max_severity(report: &serde_json::Value) -> Option<u8> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| match f["severity"].as_str() {
            Some("error") => 0,
            Some("warning") => 1,
            Some("info") => 2,
            other => panic!("unexpected severity {other:?}"),
        })
        .min()
}

#[test]
fn help_documents_commands_and_exit_codes() {
    for flag in ["--help", "-h"] {
        let o = run(&[flag]);
        assert_eq!(code(&o), 0);
        let out = stdout(&o);
        for want in ["check", "explain", "rules", "--format", "--fail-on", "--lang", "Exit codes", "  2  "] {
            assert!(out.contains(want), "{want:?} missing from help:\n{out}");
        }
    }
    // Help after a command works too.
    assert_eq!(code(&run(&["check", "--help"])), 0);
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), format!("mysql-advisor {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_command_is_a_usage_error_with_the_help() {
    let o = run(&[]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("Exit codes"));
}

#[test]
fn the_3707_transcript_is_an_error_and_fails_the_run() {
    let report = json(&[T3707]);
    assert_eq!(max_severity(&report), Some(0), "expected an error finding: {report:#}");
    assert_eq!(report["verdicts"]["clone_restart"], "fails", "{:#}", report["verdict_notes"]);
    let o = run(&["check", T3707]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(o.stderr.is_empty());
    assert!(stdout(&o).contains("error["));
}

#[test]
fn fail_on_levels_follow_the_worst_finding() {
    for files in [&[T3707][..], &[NOT_MYSQL], &[REPLICA_CNF, REPLICA_STATUS], &[SECRETS_UNIT], &[LATIN1]] {
        let worst = max_severity(&json(files));
        for (level, threshold) in [("error", 0), ("warning", 1), ("info", 2)] {
            let mut args = vec!["check", "--fail-on", level];
            args.extend_from_slice(files);
            let want = if worst.is_some_and(|w| w <= threshold) { 1 } else { 0 };
            assert_eq!(code(&run(&args)), want, "{files:?} --fail-on {level} (worst {worst:?})");
        }
        let mut args = vec!["check", "--fail-on", "never"];
        args.extend_from_slice(files);
        assert_eq!(code(&run(&args)), 0, "{files:?} --fail-on never");
        // The default is `error`.
        let mut args = vec!["check"];
        args.extend_from_slice(files);
        assert_eq!(code(&run(&args)), if worst == Some(0) { 1 } else { 0 }, "{files:?} default");
    }
}

#[test]
fn text_without_findings_exits_zero() {
    let o = run(&["check", NOT_MYSQL]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("Not recognised") || out.contains("Nothing was recognised"), "{out}");
}

#[test]
fn reads_stdin_without_files_and_with_dash() {
    let text = std::fs::read(root().join(T3707)).unwrap();
    let from_file = json(&[T3707]);
    for args in [
        &["check", "--format", "json", "--fail-on", "never"][..],
        &["check", "-", "--format=json", "--fail-on=never"],
    ] {
        let o = run_with(bin(), args, Some(&text));
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let from_stdin: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(from_stdin["inputs"][0]["name"], "<stdin>");
        assert_eq!(from_stdin["findings"], from_file["findings"].clone().tap_names("<stdin>"));
        assert_eq!(from_stdin["verdicts"], from_file["verdicts"]);
    }
}

/// Replaces every `input_name` in a findings array (stdin and file differ only by name).
trait TapNames {
    fn tap_names(self, name: &str) -> serde_json::Value;
}

impl TapNames for serde_json::Value {
    fn tap_names(mut self, name: &str) -> serde_json::Value {
        fn walk(v: &mut serde_json::Value, name: &str) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m.iter_mut() {
                        if k == "input_name" {
                            *x = serde_json::Value::String(name.to_owned());
                        } else {
                            walk(x, name);
                        }
                    }
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, name)),
                _ => {}
            }
        }
        walk(&mut self, name);
        self
    }
}

#[test]
fn several_files_are_one_server() {
    let r = json(&[ORACLE_RPM, ERROR_LOG_3707, CLONE_SESSION]);
    let names: Vec<&str> =
        r["inputs"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, [ORACLE_RPM, ERROR_LOG_3707, CLONE_SESSION]);
    let docs_inputs: std::collections::BTreeSet<u64> =
        r["documents"].as_array().unwrap().iter().map(|d| d["input"].as_u64().unwrap()).collect();
    assert_eq!(docs_inputs.into_iter().collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn unreadable_file_is_one_line_and_exit_2() {
    let o = run(&["check", "no-such-file.cnf"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert_eq!(
        stderr(&o),
        "mysql-advisor: error: cannot read 'no-such-file.cnf': No such file or directory\n"
    );
    // A directory, after a readable file: still an error, nothing printed on stdout.
    let o = run(&["check", NOT_MYSQL, "tests"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert_eq!(stderr(&o), "mysql-advisor: error: cannot read 'tests': Is a directory\n");
}

#[test]
fn usage_errors_are_one_line_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["check", "--frmat", "json"], "unknown option '--frmat'; did you mean '--format'?"),
        (&["check", "--format", "yaml", NOT_MYSQL], "invalid value 'yaml' for '--format'"),
        (&["check", "--fail-on"], "option '--fail-on' needs a value"),
        (&["check", "--lang", "fr", NOT_MYSQL], "invalid value 'fr' for '--lang'"),
        (&["chekc"], "unknown command 'chekc'; did you mean 'check'?"),
        (&["explain"], "explain needs a rule id"),
        (&["rules", "extra"], "unexpected argument 'extra'"),
    ];
    for (args, want) in cases {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("mysql-advisor: error: "), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn rules_lists_every_rule_and_explain_shows_docs() {
    let o = run(&["rules", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!rules.is_empty(), "no rules registered");
    let text = stdout(&run(&["rules"]));
    for r in &rules {
        let id = r["id"].as_str().unwrap();
        assert!(["restart", "clone", "replica"].contains(&r["family"].as_str().unwrap()), "{r}");
        assert!(text.lines().any(|l| l.starts_with(id)), "{id} missing from `rules`:\n{text}");
        let o = run(&["explain", id]);
        assert_eq!(code(&o), 0, "explain {id}");
        let docs = stdout(&o);
        assert!(docs.starts_with(&format!("{id} (")), "{docs}");
        assert!(docs.len() > id.len() + 40, "explain {id} shows no docs:\n{docs}");
    }
    let md = stdout(&run(&["rules", "--format", "markdown"]));
    assert!(md.starts_with("| id | family | name |\n| --- | --- | --- |\n"));
}

#[test]
fn explain_unknown_rule_suggests_the_closest() {
    let o = run(&["rules", "--format", "json"]);
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let id = rules[0]["id"].as_str().unwrap();
    // Swap two letters in the middle.
    let mut typo: Vec<char> = id.chars().collect();
    let m = typo.len() / 2;
    typo.swap(m, m + 1);
    let typo: String = typo.into_iter().collect();
    let o = run(&["explain", &typo]);
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), format!("mysql-advisor: error: unknown rule '{typo}'; did you mean '{id}'?\n"));
    let o = run(&["explain", "completely-unrelated-words"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), "mysql-advisor: error: unknown rule 'completely-unrelated-words'\n");
}

#[test]
fn piped_output_and_no_color_have_no_escape_codes() {
    // stdout is a pipe here: `auto` means no colour.
    let o = run(&["check", T3707]);
    assert!(!o.stdout.contains(&0x1b));
    let mut cmd = bin();
    cmd.env("NO_COLOR", "1");
    let o = run_with(cmd, &["check", T3707, "--color", "auto"], None);
    assert!(!o.stdout.contains(&0x1b));
    let o = run(&["check", T3707, "--color", "never"]);
    assert!(!o.stdout.contains(&0x1b));
    // Forced colour does colour.
    let o = run(&["check", T3707, "--color", "always"]);
    assert!(stdout(&o).contains("\x1b[1;31m"));
    // JSON and Markdown never have escapes.
    for f in ["json", "markdown"] {
        let o = run(&["check", T3707, "--color", "always", "--format", f]);
        assert!(!o.stdout.contains(&0x1b), "{f}");
    }
}

#[test]
fn chinese_from_the_flag_and_from_the_environment() {
    let o = run(&["check", T3707, "--lang", "zh-CN"]);
    let out = stdout(&o);
    assert!(out.contains("克隆完成后的自动重启能成功吗？"), "{out}");
    let mut cmd = bin();
    cmd.env("LANG", "zh_CN.UTF-8");
    let out = stdout(&run_with(cmd, &["check", T3707], None));
    assert!(out.contains("从库是崩溃安全的吗？"), "{out}");
    // LC_ALL wins over LANG; --lang wins over both.
    let mut cmd = bin();
    cmd.env("LANG", "zh_CN.UTF-8").env("LC_ALL", "C.UTF-8");
    let out = stdout(&run_with(cmd, &["check", T3707], None));
    assert!(out.contains("Is the replica crash-safe?"), "{out}");
    let mut cmd = bin();
    cmd.env("LC_ALL", "zh_CN.UTF-8");
    let out = stdout(&run_with(cmd, &["check", T3707, "--lang", "en"], None));
    assert!(out.contains("Is the replica crash-safe?"), "{out}");
    // The last --lang wins.
    let out = stdout(&run(&["check", T3707, "--lang", "en", "--lang", "zh-CN"]));
    assert!(out.contains("从库是崩溃安全的吗？"), "{out}");
    // Errors speak the language too.
    let o = run(&["check", "nope.cnf", "--lang", "zh-CN"]);
    assert!(stderr(&o).starts_with("mysql-advisor: 错误: 无法读取 'nope.cnf'"), "{}", stderr(&o));
    let json = stdout(&run(&["check", T3707, "--lang", "zh-CN", "--format", "json"]));
    assert!(json.contains("\"lang\": \"zh-CN\""));
}

#[test]
fn secrets_never_reach_any_output() {
    let secrets = ["b@ckup pass#1", "Dump3r!", "RootS3cret", "EnvS3cret", "Cl0ne-S3cret", "clone-pass"];
    for format in ["text", "json", "markdown"] {
        for lang in ["en", "zh-CN"] {
            let o = run(&[
                "check",
                SECRETS_CNF,
                SECRETS_UNIT,
                T3707,
                CLONE_SESSION,
                "--format",
                format,
                "--lang",
                lang,
            ]);
            let out = stdout(&o);
            for s in secrets {
                assert!(!out.contains(s), "{s:?} leaked in {format}/{lang}:\n{out}");
            }
        }
    }
    let r = json(&[SECRETS_CNF, NOT_MYSQL]);
    let notes: Vec<&str> = r["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(
        notes.iter().any(|n| n.contains(SECRETS_CNF) && n.contains("****")),
        "no note about masking: {notes:?}"
    );
    assert!(!notes.iter().any(|n| n.contains(NOT_MYSQL)), "{notes:?}");
}

#[test]
fn invalid_utf8_is_decoded_with_a_note() {
    let r = json(&[LATIN1]);
    let notes = r["notes"].to_string();
    assert!(notes.contains("UTF-8"), "{notes}");
    assert!(r["documents"][0]["kind"] == "option-file", "{:#}", r["documents"]);
}

#[test]
fn a_closed_pipe_is_success() {
    // Big enough that the output cannot fit in the pipe's buffer.
    let unit = std::fs::read_to_string(root().join(T3707)).unwrap();
    let big = unit.repeat(400);
    let mut cmd = bin();
    cmd.args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(big.as_bytes());
    });
    // Read a little, then hang up.
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    let _ = out.read(&mut first);
    drop(out);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    writer.join().unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {err}");
    assert_eq!(err, "");
}

/// Runs `args` in a pseudo-terminal (util-linux `script`), so stdin and stdout are terminals.
fn in_terminal(args: &str, no_color: bool) -> (i32, String) {
    let cmdline = format!("'{}' {args}", env!("CARGO_BIN_EXE_mysql-advisor"));
    let mut c = std::process::Command::new("script");
    c.args(["-qec", &cmdline, "/dev/null"]).current_dir(root()).stdin(Stdio::null());
    for k in ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "CLICOLOR_FORCE"] {
        c.env_remove(k);
    }
    c.env("TERM", "xterm");
    if no_color {
        c.env("NO_COLOR", "1");
    }
    let o = c.output().expect("util-linux `script` runs the binary in a terminal");
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n"))
}

#[test]
fn on_a_terminal_colour_is_on_unless_no_color() {
    let (code, out) = in_terminal(&format!("check {T3707}"), false);
    assert_eq!(code, 1);
    assert!(out.contains("\x1b[1;31m"), "{out}");
    let (code, out) = in_terminal(&format!("check {T3707}"), true);
    assert_eq!(code, 1);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.contains("error[restart-unsupervised]"), "{out}");
}

#[test]
fn a_terminal_on_stdin_and_no_file_is_a_usage_error() {
    let (code, out) = in_terminal("check", false);
    assert_eq!(code, 2);
    assert_eq!(
        out.trim_end(),
        "mysql-advisor: error: no input: give FILE arguments or pipe text on standard input (see 'mysql-advisor --help')"
    );
}

#[test]
fn outputs_are_the_core_renderers_verbatim() {
    // The page's "copy as Markdown" and the CLI print the same text for the same input.
    let bytes = std::fs::read(root().join(T3707)).unwrap();
    for lang in advisor::Lang::ALL {
        let report =
            advisor::analyze_with(&[advisor::Input::from_bytes(T3707, &bytes)], &advisor::Options { lang });
        let md = stdout(&run(&["check", T3707, "--format", "markdown", "--lang", lang.tag()]));
        assert_eq!(md, advisor::render::markdown(&report) + "\n");
        let text = stdout(&run(&["check", T3707, "--lang", lang.tag()]));
        assert_eq!(text, advisor::render::text(&report, &advisor::render::TextOptions { color: false }));
        let json = stdout(&run(&["check", T3707, "--format", "json", "--lang", lang.tag()]));
        assert_eq!(json, report.to_json() + "\n");
    }
}

#[test]
fn a_mistaken_argument_never_echoes_a_secret() {
    let cases: &[(&[&str], &str)] = &[
        (&["check", "--password=S3cret", NOT_MYSQL], "unknown option '--password=****'"),
        (&["check", NOT_MYSQL, "-pS3cret"], "unknown option '-p****'"),
        (&["-vpS3cret", "check"], "unknown option '-vp****'"),
        (&["check", "--pass=S3cret"], "unknown option '--pass=****'"),
        (&["check", "--format", "-pS3cret"], "invalid value '-p****' for '--format'"),
        (&["check", "--", "password=S3cret.cnf"], "cannot read 'password=****"),
        (&["rules", "--password=S3cret"], "unknown option '--password=****'"),
    ];
    for (args, want) in cases {
        for lang in ["en", "zh-CN"] {
            let mut cmd = bin();
            cmd.env("LANG", if lang == "en" { "C.UTF-8" } else { "zh_CN.UTF-8" });
            let o = run_with(cmd, args, None);
            assert_eq!(code(&o), 2, "{args:?}");
            let err = stderr(&o);
            assert!(!err.contains("S3cret"), "{args:?} {lang}: {err}");
            assert!(o.stdout.is_empty(), "{args:?}");
            if lang == "en" {
                assert!(err.contains(want), "{args:?}: {err}");
            } else {
                assert!(err.starts_with("mysql-advisor: 错误: "), "{args:?}: {err}");
            }
        }
    }
}

/// Runs `mysql-advisor ARGS` through `sh -c` with `redirect` applied first (`exec <&-`…).
fn in_shell(redirect: &str, args: &str) -> std::process::Output {
    let script = format!("{redirect}; exec '{}' {args}", env!("CARGO_BIN_EXE_mysql-advisor"));
    let mut c = std::process::Command::new("sh");
    c.args(["-c", &script]).current_dir(root());
    for k in ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "TERM"] {
        c.env_remove(k);
    }
    c.output().expect("sh runs the binary")
}

#[test]
fn a_closed_stdin_is_an_io_error() {
    for args in ["check -", "check", "check --format json -"] {
        let o = in_shell("exec <&-", args);
        assert_eq!(code(&o), 2, "{args}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args}: {}", stdout(&o));
        assert_eq!(stderr(&o), "mysql-advisor: error: cannot read '-': standard input is closed\n", "{args}");
    }
    let o = in_shell("exec <&-", "check - --lang zh-CN");
    assert_eq!(stderr(&o), "mysql-advisor: 错误: 无法读取 '-'：标准输入已关闭\n");
    // A file read first does not hide it.
    let o = in_shell("exec <&-", &format!("check {NOT_MYSQL} -"));
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    // An empty stdin (`< /dev/null`) is not closed: an empty report, exit 0.
    let o = in_shell("exec </dev/null", "check -");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(code(&run(&["check", "-"])), 0, "Stdio::null is an empty input");
}

#[test]
fn a_read_error_on_stdin_is_exit_2() {
    // A directory on standard input: read(2) fails with EISDIR.
    let o = in_shell("exec </", "check -");
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert_eq!(stderr(&o), "mysql-advisor: error: cannot read '-': Is a directory\n");
}

#[test]
fn markdown_and_text_never_carry_terminal_controls() {
    let dir = crate::biglog::TempDir::new("controls");
    let path = dir.0.join("evil-\u{1b}[31m.cnf");
    // A replica setting that fires, with an ESC sequence, a BEL, a NUL, DEL, a C1 CSI and bidi
    // overrides and isolates on the evidence line.
    let evil =
        "relay_log_recovery = OFF # \u{1b}[31mred\u{7}\u{0}\u{7f}\u{9b}2J \u{202e}txt.exe\u{2066}x\u{2069}\n";
    std::fs::write(&path, format!("[mysqld]\nserver_id = 2\nrelay_log_info_repository = TABLE\n{evil}"))
        .expect("write");
    let path = path.to_str().expect("UTF-8 path");
    let controls = ['\u{1b}', '\u{7}', '\u{0}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}'];
    for lang in ["en", "zh-CN"] {
        for format in ["markdown", "text"] {
            let o = run(&["check", path, "--format", format, "--lang", lang, "--color", "never"]);
            let out = stdout(&o);
            assert!(out.contains("relay_log_recovery = OFF"), "{format}/{lang}: the line is shown:\n{out}");
            for c in controls {
                assert!(!out.contains(c), "{format}/{lang}: {c:?} in\n{out}");
            }
            assert!(out.contains("␛[31mred␇"), "{format}/{lang}: shown as pictures:\n{out}");
        }
    }
}
