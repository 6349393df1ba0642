//! The page's keystroke, natively: the 5,000-line transcript of the browser test (the page's
//! examples after `$ cat part-N.txt` prompts), analysed once, then again after one character typed
//! at the end and one in the middle. For profiling (`docs/PERFORMANCE.md`, "keystroke"):
//!
//! ```text
//! cargo build --release -p advisor --example keystroke
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='keystroke::edit_*' \
//!     target/release/examples/keystroke
//! target/release/examples/keystroke time         # wall-clock medians of 51 runs
//! ```

use advisor::fuzzing::long_transcript;
use advisor::{Analyzer, Input, Options, analyze_with};
use std::hint::black_box;
use std::time::Instant;

fn inputs(text: &str) -> Vec<Input> {
    vec![Input::new("input 1", text)]
}

/// The measured re-analysis (callgrind collects inside this function only): by the page's
/// `Analyzer`, or afresh (`analyze_with`) with `FRESH=1`.
#[inline(never)]
fn edit(analyzer: &mut Analyzer, text: &str) -> advisor::Report {
    if fresh() {
        analyze_with(&inputs(text), &Options::default())
    } else {
        analyzer.analyze(&inputs(text), &Options::default())
    }
}

fn fresh() -> bool {
    std::env::var_os("FRESH").is_some()
}

fn main() {
    let base = long_transcript(5000);
    let mid = base[..base.len() / 2].rfind('\n').unwrap_or(0) + 1;
    let at_end = format!("{base}0");
    let in_middle = format!("{}0{}", &base[..mid], &base[mid..]);
    if let Some(path) =
        std::env::args().nth(2).filter(|_| std::env::args().nth(1).as_deref() == Some("write"))
    {
        std::fs::write(path, &base).expect("write");
        return;
    }
    let mut analyzer = Analyzer::default();
    black_box(analyzer.analyze(&inputs(&base), &Options::default()));
    if std::env::args().nth(1).as_deref() == Some("time") {
        for (what, text) in [("end", &at_end), ("middle", &in_middle)] {
            let mut v: Vec<f64> = (0..51)
                .map(|_| {
                    // The text before the keystroke, then the keystroke, timed.
                    black_box(analyzer.analyze(&inputs(&base), &Options::default()));
                    let t = Instant::now();
                    black_box(edit(&mut analyzer, text));
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            v.sort_by(f64::total_cmp);
            let how = if fresh() { "analyze_with" } else { "Analyzer" };
            println!("keystroke at the {what} ({how}): median of 51 {:.2} ms", v[25]);
        }
        return;
    }
    let arg = std::env::args().nth(1);
    let report = edit(&mut analyzer, if arg.as_deref() == Some("middle") { &in_middle } else { &at_end });
    let text = if arg.as_deref() == Some("middle") { &in_middle } else { &at_end };
    assert_eq!(report.to_json(), analyze_with(&inputs(text), &Options::default()).to_json());
}
