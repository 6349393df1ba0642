#![no_main]
//! `analyze` over several inputs describing one server: the bytes are cut into up to 5 inputs at
//! each `\x00\x00` pair; the first byte of each piece picks its name (a file name changes how some
//! documents are recognised: `my.cnf`, `x.service`, `mysqld-auto.cnf`).

use advisor::{Input, analyze};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "input 1",
    "my.cnf",
    "mysqld.service",
    "override.conf",
    "mysqld-auto.cnf",
    "replica-status.txt",
    "error.log",
    "docker-compose.yml",
];

fuzz_target!(|data: &[u8]| {
    let mut inputs = Vec::new();
    let mut rest = data;
    while inputs.len() < 5 {
        let (piece, tail) = match rest.windows(2).position(|w| w == b"\0\0") {
            Some(p) => (&rest[..p], Some(&rest[p + 2..])),
            None => (rest, None),
        };
        let name = NAMES[usize::from(piece.first().copied().unwrap_or(0)) % NAMES.len()];
        inputs.push(Input::from_bytes(name, piece.get(1..).unwrap_or(&[])));
        match tail {
            Some(t) => rest = t,
            None => break,
        }
    }
    let report = analyze(&inputs);
    for d in &report.documents {
        let text = inputs[d.input].text();
        assert!(
            text.get(d.range.start as usize..d.range.end as usize).is_some(),
            "document range outside its input"
        );
    }
    for f in &report.findings {
        for e in &f.evidence {
            let text = inputs.get(e.input).map(Input::text).expect("evidence names an input that exists");
            assert!(e.range.end as usize <= text.len(), "evidence outside its input in {}", f.rule);
        }
    }
    assert!(report.to_json().starts_with('{'));
});
