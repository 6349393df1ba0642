//! Shared helpers: analyse text the way users give it.

use advisor::{Input, Report, analyze};

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
