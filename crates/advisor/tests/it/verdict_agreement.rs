//! Issue 15: a verdict agrees with its findings, over every fixture (`tests/fixtures/**`).
//!
//! For every report: a `no` / `fails` / `stays-down` rests on an error of its question that it cites
//! (its rule in `rests_on`, its primary evidence in `evidence`); every warning of the question is
//! a caveat or cited; every cited line exists in its input; a tentative verdict has a caveat that
//! says why, with its line cited.

use crate::rule_fixtures::fixture_inputs;
use advisor::{Family, Finding, Input, Lang, Report, Severity, VerdictNote, analyze_with, rules};

/// Every fixture as its inputs (`=== input: … ===` splits a `.txt`), sorted by path.
pub fn all_fixtures() -> Vec<(String, Vec<Input>)> {
    let out: Vec<(String, Vec<Input>)> = crate::support::fixture_files()
        .into_iter()
        .map(|(name, bytes)| {
            let inputs = match std::str::from_utf8(&bytes) {
                Ok(t) if name.ends_with(".txt") => fixture_inputs(t),
                _ => vec![Input::from_bytes(name.clone(), &bytes)],
            };
            (name, inputs)
        })
        .collect();
    assert!(out.len() > 100, "fixtures not found under tests/fixtures");
    out
}

fn question_rules(family: Family) -> Vec<&'static str> {
    let mut v: Vec<&'static str> =
        rules(Lang::En).into_iter().filter(|r| r.family == family).map(|r| r.id).collect();
    if family == Family::Restart {
        v.push("clone-restart-failed");
    }
    v
}

fn cites(note: &VerdictNote, f: &Finding) -> bool {
    note.rests_on.contains(&f.rule)
        && f.evidence.first().is_none_or(|e| {
            note.evidence.iter().any(|n| n.input == e.input && n.range == e.range)
                || note.evidence_omitted > 0
        })
}

/// What is wrong with one verdict of `report`, as sentences (empty when it agrees).
fn disagreements(
    report: &Report,
    value: &str,
    negative: bool,
    note: &VerdictNote,
    family: Family,
) -> Vec<String> {
    let ours = question_rules(family);
    let fs: Vec<&Finding> = report.findings.iter().filter(|f| ours.contains(&f.rule)).collect();
    let mut out = Vec::new();
    if negative && !fs.iter().any(|f| f.severity == Severity::Error && cites(note, f)) {
        out.push(format!("`{value}` cites no error of its question"));
    }
    for f in fs.iter().filter(|f| f.severity == Severity::Warning) {
        if !note.caveats.iter().any(|c| c.rule == f.rule) && !cites(note, f) {
            out.push(format!("warning {} is neither a caveat nor cited by `{value}`", f.rule));
        }
    }
    if note.tentative {
        if !note.caveats.iter().any(|c| c.may_not_hold) {
            out.push(format!("`{value}` is tentative without saying why"));
        }
        for c in note.caveats.iter().filter(|c| c.may_not_hold) {
            if !fs.iter().any(|f| f.rule == c.rule && cites(note, f)) {
                out.push(format!("`{value}` does not cite the line of its caveat {}", c.rule));
            }
        }
    }
    for e in &note.evidence {
        let lines = report.inputs.get(e.input).map_or(0, |i| i.excerpt_lines.unwrap_or(i.lines));
        if e.line_start == 0 || e.line_start > e.line_end || e.line_end > lines.max(1) {
            out.push(format!(
                "`{value}` cites {}:{}-{} (the input has {lines} lines)",
                e.input_name, e.line_start, e.line_end
            ));
        }
    }
    out
}

/// Every disagreement in one report.
pub fn report_disagreements(report: &Report) -> Vec<String> {
    let v = &report.verdicts;
    let cr = v.clone_restart.as_str();
    let rs = v.replica_crash_safe.as_str();
    let mut out = disagreements(
        report,
        cr,
        matches!(cr, "fails" | "stays-down"),
        &report.verdict_notes.clone_restart,
        Family::Restart,
    );
    out.extend(disagreements(
        report,
        rs,
        rs == "no",
        &report.verdict_notes.replica_crash_safe,
        Family::Replica,
    ));
    out
}

#[test]
fn every_verdict_agrees_with_its_findings_over_every_fixture() {
    let mut problems = Vec::new();
    for (name, inputs) in all_fixtures() {
        for lang in [Lang::En, Lang::ZhCn] {
            let report = analyze_with(&inputs, &advisor::Options { lang });
            for p in report_disagreements(&report) {
                problems.push(format!("{name} ({}): {p}", lang.tag()));
            }
        }
    }
    assert!(problems.is_empty(), "{} disagreements:\n{}", problems.len(), problems.join("\n"));
}

fn fixture(name: &str) -> Report {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/verdicts/").to_owned() + name;
    advisor::analyze(&fixture_inputs(&std::fs::read_to_string(&p).expect("fixture")))
}

#[test]
fn a_replica_with_only_warnings_is_crash_safe_with_caveats() {
    let r = fixture("replica-two-warnings-8.0.36.txt");
    assert_eq!(r.verdicts.replica_crash_safe.as_str(), "yes");
    let n = &r.verdict_notes.replica_crash_safe;
    let rules: Vec<&str> = n.caveats.iter().map(|c| c.rule).collect();
    assert_eq!(rules, ["replica-sync-relay-log", "replica-innodb-flush"]);
    assert!(n.caveats.iter().all(|c| !c.may_not_hold) && !n.tentative);
    // Near miss: an error beside the warnings decides `no`, and the verdict cites it.
    let r = fixture("replica-warnings-and-error-8.0.36.txt");
    assert_eq!(r.verdicts.replica_crash_safe.as_str(), "no");
    let n = &r.verdict_notes.replica_crash_safe;
    assert!(n.rests_on.contains(&"replica-relay-log-recovery"), "{:?}", n.rests_on);
    assert!(n.caveats.is_empty());
}

#[test]
fn a_timeout_warning_qualifies_works() {
    let r = fixture("works-but-start-timeout.txt");
    assert_eq!(r.verdicts.clone_restart.as_str(), "works");
    let n = &r.verdict_notes.clone_restart;
    assert_eq!(n.caveats.len(), 1, "{:?}", n.caveats);
    assert_eq!(n.caveats[0].rule, "restart-start-timeout");
    assert!(!n.caveats[0].may_not_hold);
    // Near miss: TimeoutStartSec=infinity, no warning, no caveat.
    let r = fixture("works-no-caveat.txt");
    assert_eq!(r.verdicts.clone_restart.as_str(), "works");
    assert!(r.verdict_notes.clone_restart.caveats.is_empty());
}

#[test]
fn an_environment_file_not_shown_makes_fails_tentative_and_is_cited() {
    let r = fixture("envfile-may-set-pid.txt");
    assert_eq!(r.verdicts.clone_restart.as_str(), "fails");
    let n = &r.verdict_notes.clone_restart;
    assert!(n.tentative);
    assert!(n.caveats.iter().any(|c| c.rule == "restart-environment-file" && c.may_not_hold));
    assert!(
        n.evidence.iter().any(|e| e.excerpt.contains("EnvironmentFile=-/etc/sysconfig/mysql")),
        "{:#?}",
        n.evidence
    );
    assert!(n.rests_on.contains(&"restart-unsupervised"), "{:?}", n.rests_on);
    // Near miss: the file is pasted and does not set the variable: a plain, certain `fails`.
    let r = fixture("envfile-shown-fails.txt");
    assert_eq!(r.verdicts.clone_restart.as_str(), "fails");
    let n = &r.verdict_notes.clone_restart;
    assert!(!n.tentative && n.caveats.is_empty(), "{:?}", n.caveats);
}
