//! Shared helpers: analyse text the way users give it, and show the report the way they read it.

use advisor::{DocKind, Input, Report, analyze, render};
use std::fmt::Write;

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

/// What the report recognised, in one shape for every area's snapshot: each document of a kind
/// `keep` accepts as `input:lines kind | label` with its parse problems (`    ! …`), then what the
/// server looks like (the parts that are known), then the report's notes. The renderers show the
/// same under "Recognised" and "Notes", among everything else.
pub fn recognised(r: &Report, keep: impl Fn(DocKind) -> bool) -> String {
    let mut out = String::new();
    for d in r.documents.iter().filter(|d| keep(d.kind)) {
        let input = r.inputs.get(d.input).map_or("?", |i| i.name.as_str());
        let (start, end, kind) = (d.line_start, d.line_end, d.kind.as_str());
        let _ = writeln!(out, "{input}:{start}-{end} {kind} | {}", d.label);
        for p in &d.problems {
            let _ = writeln!(out, "    ! {p}");
        }
    }
    let s = &r.server;
    let mut server = Vec::new();
    let build: Vec<&str> = s.flavor.iter().chain(&s.version).map(String::as_str).collect();
    if !build.is_empty() {
        server.push(build.join(" "));
    }
    server.extend(s.unit.iter().map(|u| format!("unit {u}")));
    if !s.channels.is_empty() {
        let names: Vec<String> = s.channels.iter().map(|c| format!("'{c}'")).collect();
        server.push(format!("channels {}", names.join(", ")));
    }
    if !server.is_empty() {
        let _ = writeln!(out, "server: {}", server.join(" · "));
    }
    for n in &r.notes {
        let _ = writeln!(out, "note: {n}");
    }
    out
}

/// Every file under `tests/fixtures`: its path there (`/`-separated) and its bytes, sorted by path.
#[allow(dead_code)]
pub fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let root = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures"));
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                out.push((p.strip_prefix(&root).unwrap_or(&p).to_string_lossy().into_owned(), bytes));
            }
        }
    }
    out.sort();
    out
}
