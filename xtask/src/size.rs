//! `cargo xtask size`: the page's weight — raw and gzipped sizes of the wasm, the JS glue and the
//! single file — checked against the ceiling, with the goal reported. `cargo xtask test` runs the
//! same check as a step after `dist`, so a build above the ceiling fails the test run.
//!
//! Gzip is measured at level 9 (what a web server's static gzip typically ships; the figure a
//! user downloads when the page is hosted). The single file itself is what a user saves or opens
//! from disk; its gzipped size is the budget's measure.

use crate::Ctx;
use std::path::Path;

/// The goal: the single file, gzipped, at most this many bytes (450 KB; issue 17, which replaced
/// issue 6's 300 KB: users open the page from disk or an intranet, where a hand-written decoder
/// costs more than the bytes it saves). docs/PERFORMANCE.md says where the bytes are.
pub const SINGLE_FILE_GZIP_GOAL: usize = 450 * 1000;

/// Enforced: above this the size check fails (`cargo xtask size`, and a step of `cargo xtask
/// test`). Not the goal: with the browser's own DEFLATE instead of the hand-written LZMA decoder
/// and code-section splitter (issue 17), the page's wasm — grown by the launchers and replica
/// evidence since the goal was set (hosted wasm gzipped 389.6 KB on 2026-12-02, 581.8 KB on
/// 2026-12-05) — makes the single file 576.6 KB gzipped, and 601.3 KB with the same day's MariaDB
/// recipe, code blocks with Copy and verdict caveats. docs/PERFORMANCE.md has the measurements and
/// what was tried; the ceiling keeps ~24 KB of headroom so growth is still caught.
pub const SINGLE_FILE_GZIP_CEILING: usize = 625 * 1000;

/// One measured artefact.
pub struct Measured {
    pub what: String,
    pub raw: usize,
    pub gzip: usize,
}

/// Gzipped size of `bytes` at level 9.
pub fn gzip_len(bytes: &[u8]) -> usize {
    crate::dist::gzip(bytes).len()
}

fn measure(what: impl Into<String>, bytes: &[u8]) -> Measured {
    Measured { what: what.into(), raw: bytes.len(), gzip: gzip_len(bytes) }
}

/// Measures Trunk's `dist/` (wasm, glue) and the single file. Errors name what is missing.
pub fn measure_all(ctx: &Ctx) -> Result<Vec<Measured>, String> {
    let d = crate::dist::read_trunk_dist(&ctx.trunk_dist())?;
    let single_path = ctx.single_file();
    let single = std::fs::read(&single_path)
        .map_err(|e| format!("{}: {e} (run `cargo xtask dist` first)", single_path.display()))?;
    Ok(vec![
        measure(format!("dist/{} (wasm)", wasm_name(&ctx.trunk_dist())), &d.wasm),
        measure(format!("dist/{} (JS glue)", d.glue_name), d.glue.as_bytes()),
        measure("dist/index.html", d.html.as_bytes()),
        measure("target/dist/mysql-advisor.html (single file)", &single),
    ])
}

fn wasm_name(dir: &Path) -> String {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .find(|n| n.ends_with("_bg.wasm"))
        .unwrap_or_else(|| "?_bg.wasm".to_owned())
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1000.0)
}

/// The report as printed: one row per artefact, then the budget line.
pub fn table(rows: &[Measured]) -> String {
    let mut s = format!("{:<48} {:>12} {:>12}\n", "artefact", "raw", "gzip -9");
    for r in rows {
        s.push_str(&format!("{:<48} {:>12} {:>12}\n", r.what, kb(r.raw), kb(r.gzip)));
    }
    s
}

/// Ok with a one-line summary when the single file is within [`SINGLE_FILE_GZIP_CEILING`], else an
/// error naming the figures. The summary also says whether the goal is met.
pub fn check_budget(rows: &[Measured]) -> Result<String, String> {
    check_against(rows, SINGLE_FILE_GZIP_CEILING, SINGLE_FILE_GZIP_GOAL)
}

fn check_against(rows: &[Measured], ceiling: usize, goal: usize) -> Result<String, String> {
    let single = rows.iter().find(|r| r.what.contains("single file")).ok_or("single file not measured")?;
    let goal_note = if single.gzip <= goal {
        format!("the {} goal is met ({} to spare)", kb(goal), kb(goal - single.gzip))
    } else {
        format!("the {} goal is not met yet (+{})", kb(goal), kb(single.gzip - goal))
    };
    let line = format!("single file {} gzipped, ceiling {}; {goal_note}", kb(single.gzip), kb(ceiling));
    if single.gzip <= ceiling { Ok(line) } else { Err(format!("over the size ceiling: {line}")) }
}

/// `cargo xtask size`: prints the table and fails above the budget.
pub fn cmd_size(ctx: &Ctx) -> Result<(), String> {
    let rows = measure_all(ctx)?;
    print!("{}", table(&rows));
    let line = check_budget(&rows)?;
    println!("{line}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(what: &str, gzip: usize) -> Measured {
        Measured { what: what.into(), raw: gzip * 3, gzip }
    }

    #[test]
    fn the_ceiling_fails_above_it_and_the_goal_is_reported() {
        let ok = check_against(&[row("x (single file)", 500)], 500, 300).unwrap();
        assert!(ok.contains("0.3 KB goal is not met yet (+0.2 KB)"), "{ok}");
        let met = check_against(&[row("x (single file)", 200)], 500, 300).unwrap();
        assert!(met.contains("goal is met (0.1 KB to spare)"), "{met}");
        let e = check_against(&[row("x (single file)", 501)], 500, 300).unwrap_err();
        assert!(e.contains("over the size ceiling") && e.contains("0.5 KB"), "{e}");
        assert!(check_budget(&[row("wasm", 1)]).is_err(), "no single file measured is an error");
        const { assert!(SINGLE_FILE_GZIP_GOAL <= SINGLE_FILE_GZIP_CEILING) };
        // The enforced ceiling, and the goal reported beside it.
        assert!(check_budget(&[row("x (single file)", 625_000)]).is_ok());
        assert!(check_budget(&[row("x (single file)", 625_001)]).is_err());
        assert!(check_budget(&[row("x (single file)", 450_001)]).unwrap().contains("not met yet"));
    }

    #[test]
    fn gzip_shrinks_repetitive_input_and_table_lists_every_row() {
        let text = "[mysqld]\nserver_id = 1\n".repeat(1000);
        let n = gzip_len(text.as_bytes());
        assert!(n > 20 && n < text.len() / 20, "{n}");
        let t = table(&[row("a.wasm", 2000), row("b (single file)", 3000)]);
        assert!(t.contains("a.wasm") && t.contains("2.0 KB") && t.contains("b (single file)"), "{t}");
    }
}
