//! Snapshots of exactly what people read: the text and Markdown output of the binary.
//!
//! - `rule_<id>`: what `check` prints for each of the rule's firing fixtures
//!   (`tests/fixtures/rules/<id>/fires-*.txt`), one snapshot per rule of the registry: a new rule
//!   without a snapshot fails, and so does a snapshot whose rule is gone. `rule_<id>_markdown` and
//!   `rule_<id>_zh-CN`: the same for the first rule of each family, as Markdown and in Chinese.
//!   A fixture of several named inputs (`=== input: /etc/my.cnf ===`) stands for those files at
//!   those paths; see [`check_fixture`].
//! - The others: whole scenarios (a 3707 transcript, a replica, secrets, text that is not MySQL).
//!
//! Review: `cargo insta review` (install with `cargo install --locked cargo-insta`), or without it
//! `INSTA_UPDATE=always cargo test -p mysql-advisor` and `git diff` the `.snap` files. Read every
//! changed snapshot as a user would: the excerpt and its line numbers, the message, the fix.

use crate::support::*;
use advisor::{Input, Lang, Options, RuleInfo, render};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// Runs the binary and returns what it printed; the run must succeed (exit 0 or 1) with nothing
/// on stderr.
fn shown(args: &[&str]) -> String {
    let o = run(args);
    assert!(matches!(code(&o), 0 | 1), "{args:?}: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn snap(name: &str, args: &[&str]) {
    let description = format!("mysql-advisor {}", args.join(" "));
    insta::with_settings!({ description => description, omit_expression => true }, {
        insta::assert_snapshot!(name, shown(args));
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

// ---------------------------------------------------------------------------------------------
// One snapshot per rule.

const RULE_FIXTURES: &str = "tests/fixtures/rules";

/// The rule's `fires-*.txt` fixtures, relative to the workspace root, by name.
fn firing_fixtures(rule: &str) -> Vec<String> {
    let dir = root().join(RULE_FIXTURES).join(rule);
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    v.retain(|n| n.starts_with("fires-") && n.ends_with(".txt"));
    v.sort();
    v.into_iter().map(|n| format!("{RULE_FIXTURES}/{rule}/{n}")).collect()
}

/// A fixture's inputs, split at its `=== input: <name> ===` lines as
/// `crates/advisor/tests/it/rule_fixtures.rs` does (text before the first marker is `input 1`);
/// `None` when it has no marker (the file itself is the one input).
fn named_inputs(text: &str) -> Option<Vec<(String, String)>> {
    let marker = |l: &str| l.trim_end().strip_prefix("=== input: ")?.strip_suffix(" ===").map(str::to_owned);
    if !text.lines().any(|l| marker(l).is_some()) {
        return None;
    }
    let mut inputs = Vec::new();
    let mut name = String::from("input 1");
    let mut buf = String::new();
    for line in text.split_inclusive('\n') {
        if let Some(next) = marker(line) {
            if !buf.trim().is_empty() {
                inputs.push((name, std::mem::take(&mut buf)));
            }
            buf.clear();
            name = next;
        } else {
            buf.push_str(line);
        }
    }
    if !buf.trim().is_empty() {
        inputs.push((name, buf));
    }
    Some(inputs)
}

/// How a rule's fixtures are checked: the command-line options and what they mean to the core.
struct Variant {
    /// Appended to `rule_<id>` in the snapshot's name.
    suffix: &'static str,
    args: &'static [&'static str],
    lang: Lang,
    markdown: bool,
}

const TEXT: Variant = Variant { suffix: "", args: &[], lang: Lang::En, markdown: false };
const MARKDOWN: Variant =
    Variant { suffix: "_markdown", args: &["--format", "markdown"], lang: Lang::En, markdown: true };
const CHINESE: Variant =
    Variant { suffix: "_zh-CN", args: &["--lang", "zh-CN"], lang: Lang::ZhCn, markdown: false };

/// What `check` prints for these files, computed the way `check` does (`Input::from_bytes` named by
/// the path, `analyze_with`, the renderer without colour), for inputs whose names are paths the
/// test cannot create (`/etc/my.cnf`). [`check_fixture`] keeps this honest: on every fixture of
/// one input it must equal the binary's output.
fn printed_by_check(inputs: &[(String, String)], v: &Variant) -> String {
    let inputs: Vec<Input> =
        inputs.iter().map(|(name, text)| Input::from_bytes(name, text.as_bytes())).collect();
    let report = advisor::analyze_with(&inputs, &Options { lang: v.lang });
    if v.markdown {
        render::markdown(&report) + "\n"
    } else {
        render::text(&report, &render::TextOptions { color: false })
    }
}

/// `check` on one fixture, below the command line that prints it. A fixture of one input is given
/// to the binary by its path. One of several named inputs stands for those files at those paths
/// (`/etc/systemd/system/mysqld.service` and `/etc/my.cnf`): the core reads meaning into the paths
/// (a system unit, an environment file), so they are analysed in-process under exactly those names.
fn check_fixture(fixture: &str, v: &Variant) -> String {
    let text = std::fs::read_to_string(root().join(fixture)).expect("read fixture");
    let inputs = named_inputs(&text);
    let mut args = vec!["check"];
    let (out, comment) = match &inputs {
        None => {
            args.push(fixture);
            args.extend_from_slice(v.args);
            let out = shown(&args);
            let same = printed_by_check(&[(fixture.to_owned(), text)], v);
            assert_eq!(out, same, "{fixture}: the binary's output is not what printed_by_check computes");
            (out, String::new())
        }
        Some(inputs) => {
            args.extend(inputs.iter().map(|(name, _)| name.as_str()));
            args.extend_from_slice(v.args);
            let file_name = Path::new(fixture).file_name().and_then(|n| n.to_str()).unwrap_or(fixture);
            (printed_by_check(inputs, v), format!("  # the inputs of {file_name}"))
        }
    };
    format!("$ mysql-advisor {}{comment}\n{out}", args.join(" "))
}

/// The rule's snapshot: `check` on each of its firing fixtures.
fn rule_snapshot(rule: &RuleInfo, v: &Variant) -> Result<(), String> {
    let fixtures = firing_fixtures(rule.id);
    if fixtures.is_empty() {
        return Err(format!("{}: no {RULE_FIXTURES}/{}/fires-*.txt", rule.id, rule.id));
    }
    let runs: Vec<String> = fixtures.iter().map(|f| check_fixture(f, v)).collect();
    // The finding's heading: `error[id]:` in text, ``### error `id`:`` in Markdown.
    let tag = if v.markdown { format!("`{}`:", rule.id) } else { format!("[{}]:", rule.id) };
    if let Some((quiet, _)) = fixtures.iter().zip(&runs).find(|(_, out)| !out.contains(&tag)) {
        return Err(format!("{}: does not fire on {quiet}", rule.id));
    }
    let name = format!("rule_{}{}", rule.id, v.suffix);
    let description = format!("{}: {}", rule.id, rule.name);
    catch_unwind(AssertUnwindSafe(|| {
        insta::with_settings!({ description => description, omit_expression => true }, {
            insta::assert_snapshot!(name.as_str(), runs.join("\n"));
        });
    }))
    .map_err(|_| format!("{name}: new or changed snapshot (see above)"))
}

/// Every rule's snapshot is checked before the test fails, so one run shows (and, with
/// `INSTA_UPDATE`, writes) them all.
fn all_rule_snapshots(rules: &[RuleInfo], v: &Variant) {
    let problems: Vec<String> = rules.iter().filter_map(|r| rule_snapshot(r, v).err()).collect();
    assert!(problems.is_empty(), "rule snapshots:\n{}", problems.join("\n"));
}

/// The first rule of each family, in registry order.
fn one_per_family() -> Vec<RuleInfo> {
    let mut firsts: Vec<RuleInfo> = Vec::new();
    for r in advisor::rules(Lang::En) {
        if !firsts.iter().any(|f| f.family == r.family) {
            firsts.push(r);
        }
    }
    firsts
}

#[test]
fn every_rule_as_text() {
    all_rule_snapshots(&advisor::rules(Lang::En), &TEXT);
}

#[test]
fn one_rule_per_family_as_markdown() {
    all_rule_snapshots(&one_per_family(), &MARKDOWN);
}

#[test]
fn one_rule_per_family_in_chinese() {
    all_rule_snapshots(&one_per_family(), &CHINESE);
}

/// A `rule_*` snapshot whose rule is gone (or no longer first of its family) is stale.
#[test]
fn no_rule_snapshot_without_its_rule() {
    let mut expected: Vec<String> =
        advisor::rules(Lang::En).iter().map(|r| format!("rule_{}", r.id)).collect();
    for r in one_per_family() {
        expected.push(format!("rule_{}_markdown", r.id));
        expected.push(format!("rule_{}_zh-CN", r.id));
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let stale: Vec<String> = std::fs::read_dir(&dir)
        .expect("snapshots directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| Some(n.strip_prefix("it__snapshots__")?.strip_suffix(".snap")?.to_owned()))
        .filter(|n| n.starts_with("rule_") && !expected.contains(n))
        .collect();
    assert!(stale.is_empty(), "stale snapshots in {}: {stale:?}", dir.display());
}
