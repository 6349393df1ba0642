//! Every rule in the registry has at least one fixture that fires and one near-miss that does not.
//!
//! Layout: `tests/fixtures/rules/<rule-id>/fires-*.txt` and `quiet-*.txt`. A fixture may hold several
//! inputs, each introduced by a line `=== input: <name> ===` (text before the first marker is an input
//! named `input 1`).

use advisor::{Input, Lang, analyze, rules};
use std::path::{Path, PathBuf};

pub fn fixture_inputs(text: &str) -> Vec<Input> {
    let mut inputs = Vec::new();
    let mut name = String::from("input 1");
    let mut buf = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if let Some(rest) = t.strip_prefix("=== input: ").and_then(|r| r.strip_suffix(" ===")) {
            if !buf.trim().is_empty() {
                inputs.push(Input::new(name.clone(), std::mem::take(&mut buf)));
            }
            buf.clear();
            name = rest.to_owned();
        } else {
            buf.push_str(line);
        }
    }
    if !buf.trim().is_empty() {
        inputs.push(Input::new(name, buf));
    }
    inputs
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules")
}

fn files(rule: &str, prefix: &str) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir().join(rule)) else { return Vec::new() };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .collect();
    v.sort();
    v
}

#[test]
fn every_rule_fires_on_its_fixtures_and_not_on_its_near_misses() {
    let mut problems = Vec::new();
    for r in rules(Lang::En) {
        let fires = files(r.id, "fires-");
        let quiet = files(r.id, "quiet-");
        if fires.is_empty() {
            problems.push(format!("{}: no fires-*.txt fixture", r.id));
        }
        if quiet.is_empty() {
            problems.push(format!("{}: no quiet-*.txt near-miss", r.id));
        }
        for p in fires {
            let report = analyze(&fixture_inputs(&std::fs::read_to_string(&p).unwrap_or_default()));
            if !report.findings.iter().any(|f| f.rule == r.id) {
                problems.push(format!("{}: did not fire on {}", r.id, p.display()));
            }
        }
        for p in quiet {
            let report = analyze(&fixture_inputs(&std::fs::read_to_string(&p).unwrap_or_default()));
            if report.findings.iter().any(|f| f.rule == r.id) {
                problems.push(format!("{}: fired on near-miss {}", r.id, p.display()));
            }
        }
    }
    assert!(problems.is_empty(), "rule fixture problems:\n{}", problems.join("\n"));
}
