//! `Analyzer` (the page's re-analysis after each edit) gives the report `analyze_with` gives:
//! random inserts, deletes and replacements at random places (across documents, lines, prompts),
//! in sequence, over the scenarios, the page's examples, a long transcript and every rule's
//! fixtures; the serialised JSON is compared.

use advisor::fuzzing::{long_transcript, transcript_parts};
use advisor::{Analyzer, Input, Lang, Options, analyze_with};
use proptest::prelude::*;

/// The texts edited: the scenarios and the examples, two transcripts, every rule fixture.
fn corpus() -> &'static [String] {
    static C: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut out: Vec<String> = transcript_parts().iter().map(|s| s.to_string()).collect();
        out.push(long_transcript(400));
        out.push(long_transcript(1500));
        out.extend(
            crate::support::fixture_files()
                .into_iter()
                .filter(|(p, _)| {
                    p.starts_with("scenarios/") || p.starts_with("rules/") || p.starts_with("images/")
                })
                .map(|(_, b)| String::from_utf8_lossy(&b).into_owned()),
        );
        out
    })
}

/// What an edit inserts: characters, line breaks, prompts, lines that start documents, secrets
/// (one whose value occurs elsewhere: `part`, `mysql`), lines of the examples.
const PIECES: &[&str] = &[
    "0",
    "x",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "é",
    "#",
    "$ cat part-9.txt\n",
    "mysql> ",
    "mysql> SHOW REPLICA STATUS\\G\n",
    "    -> ",
    "[Service]\n",
    "[mysqld]\n",
    "[Unit]\nDescription=x\n",
    "ExecStart=/usr/sbin/mysqld\n",
    "Restart=on-failure\n",
    "password=part\n",
    "MYSQL_ROOT_PASSWORD=mysql\n",
    "IDENTIFIED BY 'cat'",
    "CLONE INSTANCE FROM 'donor'@'h':3306 IDENTIFIED BY 'Sx9';\n",
    "*************************** 1. row ***************************\n",
    "+------+\n| a |\n+------+\n",
    "2024-05-01T10:00:00.000000Z 0 [ERROR] [MY-013462] [Server] x\n",
    "#!/bin/sh\n",
    "FROM mysql:8.0\n",
    "services:\n  db:\n",
    "- name: MYSQL_PASSWORD\n  value: part\n",
];

#[derive(Clone, Debug)]
enum Edit {
    /// At a fraction of the text (0..1000 ‰), insert a piece.
    Insert(u16, usize),
    /// Delete from a fraction, up to `len` bytes.
    Delete(u16, u16),
    /// Replace up to `len` bytes at a fraction with a piece.
    Replace(u16, u16, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0u16..=1000, 0..PIECES.len()).prop_map(|(at, p)| Edit::Insert(at, p)),
        (0u16..=1000, 1u16..400).prop_map(|(at, len)| Edit::Delete(at, len)),
        (0u16..=1000, 1u16..60, 0..PIECES.len()).prop_map(|(at, len, p)| Edit::Replace(at, len, p)),
    ]
}

/// The char boundary at or before `permille` of `text`.
fn place(text: &str, permille: u16) -> usize {
    let mut at = text.len() * permille as usize / 1000;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, e: &Edit) {
    let end_of = |text: &String, at: usize, len: u16| {
        let mut end = (at + len as usize).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        end
    };
    match *e {
        Edit::Insert(at, p) => {
            let at = place(text, at);
            text.insert_str(at, PIECES[p]);
        }
        Edit::Delete(at, len) => {
            let at = place(text, at);
            let end = end_of(text, at, len);
            text.replace_range(at..end, "");
        }
        Edit::Replace(at, len, p) => {
            let at = place(text, at);
            let end = end_of(text, at, len);
            text.replace_range(at..end, PIECES[p]);
        }
    }
}

fn check(analyzer: &mut Analyzer, inputs: &[Input], lang: Lang) -> Result<(), TestCaseError> {
    let options = Options { lang };
    let kept = analyzer.analyze(inputs, &options).to_json();
    let fresh = analyze_with(inputs, &options).to_json();
    prop_assert!(
        kept == fresh,
        "the Analyzer's report differs from analyze_with's:\n{}",
        first_difference(&kept, &fresh)
    );
    Ok(())
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
    let show = |s: &str| s.lines().skip(at.saturating_sub(3)).take(8).collect::<Vec<_>>().join("\n");
    format!("at line {at}:\n--- Analyzer\n{}\n--- analyze_with\n{}", show(a), show(b))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    /// One input, edited several times in a row.
    #[test]
    fn one_input_edited(which in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..5)) {
        let corpus = corpus();
        let mut text = corpus[which.index(corpus.len())].clone();
        let mut analyzer = Analyzer::default();
        check(&mut analyzer, &[Input::new("input 1", text.as_str())], Lang::En)?;
        for e in &edits {
            apply(&mut text, e);
            check(&mut analyzer, &[Input::new("input 1", text.as_str())], Lang::En)?;
        }
    }

    /// Two inputs, one of them edited; the language switched; an input removed and added back.
    #[test]
    fn several_inputs(
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<bool>(), edit()), 1..4),
    ) {
        let corpus = corpus();
        let mut texts = [corpus[a.index(corpus.len())].clone(), corpus[b.index(corpus.len())].clone()];
        let mut analyzer = Analyzer::default();
        let inputs = |t: &[String; 2]| vec![Input::new("my.cnf", t[0].as_str()), Input::new("input 2", t[1].as_str())];
        check(&mut analyzer, &inputs(&texts), Lang::En)?;
        for (k, (second, e)) in edits.iter().enumerate() {
            apply(&mut texts[usize::from(*second)], e);
            let lang = if k % 2 == 1 { Lang::ZhCn } else { Lang::En };
            check(&mut analyzer, &inputs(&texts), lang)?;
        }
        // The second input cleared, then back; the inputs swapped.
        check(&mut analyzer, &inputs(&texts)[..1], Lang::En)?;
        check(&mut analyzer, &inputs(&texts), Lang::En)?;
        let mut swapped = inputs(&texts);
        swapped.reverse();
        check(&mut analyzer, &swapped, Lang::En)?;
    }
}

/// The page's keystrokes on the 5,000-line transcript: typing at the end, in the middle, at the
/// start, a line break, undoing back to the text before.
#[test]
fn keystrokes_on_the_long_transcript() {
    let base = long_transcript(5000);
    let mut analyzer = Analyzer::default();
    let options = Options::default();
    let run = |analyzer: &mut Analyzer, text: &str| {
        let inputs = [Input::new("input 1", text)];
        assert_eq!(analyzer.analyze(&inputs, &options).to_json(), analyze_with(&inputs, &options).to_json());
    };
    run(&mut analyzer, &base);
    let mid = base[..base.len() / 2].rfind('\n').unwrap_or(0) + 1;
    let mut text = base.clone();
    for k in 0..3 {
        text.push_str(&k.to_string());
        run(&mut analyzer, &text);
    }
    for (at, s) in [(mid, "7"), (mid + 1, "\n"), (0, "x"), (mid, "password=part\n")] {
        text.insert_str(at, s);
        run(&mut analyzer, &text);
    }
    run(&mut analyzer, &base);
}
