//! docs/COMPARISON.md (issue 14): every durability or replication warning pt-variable-advisor
//! gives on a dump of `tests/fixtures/comparison/`, as the doc records it, has a counterpart in our
//! report for that dump.

use crate::support::check;

const DOC: &str = include_str!("../../../../docs/COMPARISON.md");

fn dump(name: &str) -> &'static str {
    match name {
        "replica-8.0.36.tsv" => include_str!("../../../../tests/fixtures/comparison/replica-8.0.36.tsv"),
        "source-8.0.36.tsv" => include_str!("../../../../tests/fixtures/comparison/source-8.0.36.tsv"),
        "replica-5.7.44.tsv" => include_str!("../../../../tests/fixtures/comparison/replica-5.7.44.tsv"),
        "mariadb-10.11.6.tsv" => include_str!("../../../../tests/fixtures/comparison/mariadb-10.11.6.tsv"),
        "healthy-8.0.36.tsv" => include_str!("../../../../tests/fixtures/comparison/healthy-8.0.36.tsv"),
        other => panic!("COMPARISON.md names an unknown dump {other}"),
    }
}

/// The rows between the `pt-warnings` markers: (dump, their rule, our rule).
fn recorded() -> Vec<(String, String, String)> {
    let begin = DOC.find("<!-- pt-warnings: begin -->").expect("begin marker");
    let end = DOC.find("<!-- pt-warnings: end -->").expect("end marker");
    DOC[begin..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> =
                l.trim_matches('|').split('|').map(|c| c.trim().trim_matches('`').to_owned()).collect();
            assert_eq!(cells.len(), 3, "{l}");
            (cells[0].clone(), cells[1].clone(), cells[2].clone())
        })
        .collect()
}

#[test]
fn every_pt_variable_advisor_warning_has_a_counterpart() {
    let rows = recorded();
    assert!(rows.len() >= 6, "{rows:?}");
    for (name, theirs, ours) in rows {
        let r = check(dump(&name));
        assert!(
            r.findings.iter().any(|f| f.rule == ours),
            "{name}: pt-variable-advisor's {theirs} has no {ours} in our report: {:#?}",
            r.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_healthy_dump_gives_no_finding() {
    let r = check(dump("healthy-8.0.36.tsv"));
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("replica-")), "{:#?}", r.findings);
}
