//! The hand-written JSON of `Report::to_json` is byte for byte serde_json's pretty output of the
//! report's `Serialize` derive (the contract of `docs/report-schema.md`): on every fixture, in both
//! languages, on all fixtures at once, and on inputs full of characters that need escaping.

use advisor::{Input, Lang, Options, Report};

fn same(r: &Report, what: &str) {
    let ours = r.to_json();
    let serde = serde_json::to_string_pretty(r).expect("serialises");
    if ours != serde {
        let at = ours.bytes().zip(serde.bytes()).take_while(|(a, b)| a == b).count();
        panic!(
            "{what}: differs at byte {at}: ours {:?} / serde {:?}",
            &ours[at..(at + 80).min(ours.len())],
            &serde[at..(at + 80).min(serde.len())]
        );
    }
}

fn fixtures() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("fixtures").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                out.push((p.display().to_string(), t));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_in_both_languages() {
    let all = fixtures();
    assert!(all.len() > 200, "{} fixtures", all.len());
    for lang in Lang::ALL {
        let opts = Options { lang };
        for (name, text) in &all {
            same(&advisor::analyze_with(&[Input::new(name, text)], &opts), name);
        }
        let inputs: Vec<Input> = all.iter().map(|(n, t)| Input::new(n, t)).collect();
        same(&advisor::analyze_with(&inputs, &opts), "all fixtures at once");
    }
}

#[test]
fn characters_that_need_escaping() {
    let mut text = String::from("ExecStart=/usr/sbin/mysqld \"--x=\\\\\" \u{1}\u{8}\u{c}\u{7f}\t中😀\r\n");
    text.extend((0u8..0x20).map(char::from));
    text.push_str(
        "\nERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n",
    );
    same(&advisor::analyze(&[Input::new("na\"me\\\u{2}.txt", &text)]), "escapes");
}
