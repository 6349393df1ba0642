//! Browser end-to-end tests (placeholder until the page exists).
use crate::Ctx;

pub fn run_all(_ctx: &Ctx) -> Vec<(String, Result<(), String>)> {
    Vec::new()
}
