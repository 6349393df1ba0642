//! Shared helpers: analyse text the way users give it, and show the report the way they read it.

use advisor::{Input, Report, analyze, render};

/// Analyses one pasted text.
#[allow(dead_code)]
pub fn check(text: &str) -> Report {
    analyze(&[Input::new("input 1", text)])
}

/// Analyses several named inputs together.
#[allow(dead_code)]
pub fn check_many(inputs: &[(&str, &str)]) -> Report {
    let v: Vec<Input> = inputs.iter().map(|(n, t)| Input::new(*n, *t)).collect();
    analyze(&v)
}

/// The report as `mysql-advisor check` prints it (the text renderer, no colour): the only way a
/// snapshot here shows findings.
pub fn shown(r: &Report) -> String {
    render::text(r, &render::TextOptions { color: false })
}
