//! `analyze` on every fixture under `tests/fixtures/` (read at bench time) and on a generated
//! 5,000-line transcript mixing units, option files, `\G` outputs and error logs.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/tgt-perf cargo bench -p advisor --bench analyze
//! cargo bench -p advisor --bench analyze -- rules/        # a subset (criterion filter)
//! ```
//!
//! After criterion's own output, a summary table gives the median of `ANALYZE_BENCH_RUNS`
//! (default 51) timed runs per fixture with `std::time::Instant`, the slowest fixtures, and the
//! 5,000-line mix: the figures `docs/PERFORMANCE.md` quotes.

use advisor::{Input, analyze};
use criterion::{Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every text fixture, sorted by path (relative to `tests/fixtures`).
fn fixtures() -> Vec<(String, String)> {
    let root = fixtures_dir();
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                let name = p.strip_prefix(&root).unwrap_or(&p).to_string_lossy().into_owned();
                out.push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out.sort();
    out
}

/// A transcript of exactly `n` lines: the fixtures of every area in turn, each after a shell or
/// mysql prompt, the way a DBA pastes a long terminal session.
fn mix(fx: &[(String, String)], n: usize) -> String {
    let mut out = String::new();
    let mut lines = 0;
    let pick: Vec<&(String, String)> =
        fx.iter().filter(|(name, _)| !name.starts_with("logscan/") && !name.starts_with("cli/")).collect();
    'outer: loop {
        for (name, text) in &pick {
            let prompt = if name.ends_with(".service") || name.ends_with(".conf") {
                format!("$ cat /etc/systemd/system/{}\n", name.rsplit('/').next().unwrap_or(name))
            } else if name.ends_with(".cnf") {
                format!("$ cat /etc/mysql/{}\n", name.rsplit('/').next().unwrap_or(name))
            } else {
                String::new()
            };
            for l in prompt.lines().chain(text.lines()).chain(std::iter::once("")) {
                out.push_str(l);
                out.push('\n');
                lines += 1;
                if lines == n {
                    break 'outer;
                }
            }
        }
        if pick.is_empty() {
            break;
        }
    }
    out
}

fn median_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let fx = fixtures();
    assert!(!fx.is_empty(), "no fixtures under {}", fixtures_dir().display());
    let big = mix(&fx, 5000);
    let runs: usize = std::env::var("ANALYZE_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(51);

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(800))
        .configure_from_args();
    {
        let mut g = c.benchmark_group("analyze");
        for (name, text) in &fx {
            let inputs = [Input::new(name.clone(), text.clone())];
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(name.as_str(), |b| b.iter(|| black_box(analyze(black_box(&inputs)))));
        }
        let inputs = [Input::new("mix-5000", big.clone())];
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(3));
        g.bench_function("mix-5000-lines", |b| b.iter(|| black_box(analyze(black_box(&inputs)))));
        g.finish();
    }
    c.final_summary();

    // The summary the docs quote.
    let mut rows: Vec<(Duration, &str, usize)> = fx
        .iter()
        .map(|(name, text)| {
            let inputs = [Input::new(name.clone(), text.clone())];
            (
                median_of(runs, || drop(black_box(analyze(black_box(&inputs))))),
                name.as_str(),
                text.lines().count(),
            )
        })
        .collect();
    let mut all: Vec<Duration> = rows.iter().map(|r| r.0).collect();
    all.sort();
    let under_1ms = all.iter().filter(|d| **d < Duration::from_millis(1)).count();
    println!();
    println!("== analyze, median of {runs} runs per fixture ==");
    println!(
        "fixtures: {}   median {:.1} µs   p90 {:.1} µs   max {:.1} µs   under 1 ms: {under_1ms}/{}",
        all.len(),
        all[all.len() / 2].as_secs_f64() * 1e6,
        all[all.len() * 9 / 10].as_secs_f64() * 1e6,
        all[all.len() - 1].as_secs_f64() * 1e6,
        all.len()
    );
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    println!("slowest:");
    for (d, name, lines) in rows.iter().take(8) {
        println!("  {:>9.1} µs  {lines:>4} lines  {name}", d.as_secs_f64() * 1e6);
    }
    let scenarios: Vec<&(Duration, &str, usize)> =
        rows.iter().filter(|r| r.1.starts_with("rules/")).collect();
    if !scenarios.is_empty() {
        let worst = scenarios.iter().map(|r| r.0).max().unwrap_or_default();
        println!(
            "rule scenarios (tests/fixtures/rules/*/*): {}   slowest {:.1} µs",
            scenarios.len(),
            worst.as_secs_f64() * 1e6
        );
    }
    // Linearity: the mix and the slowest fixture at 1x, 2x, 4x their size.
    for (label, text) in [
        ("mix-1250", mix(&fx, 1250)),
        (rows[0].1, fx.iter().find(|f| f.0 == rows[0].1).map(|f| f.1.clone()).unwrap_or_default()),
    ] {
        let mut line = format!("scaling {label}:");
        for k in [1usize, 2, 4] {
            let inputs = [Input::new("x", text.repeat(k))];
            let d = median_of(5, || drop(black_box(analyze(black_box(&inputs)))));
            line.push_str(&format!("  x{k} {:.2} ms", d.as_secs_f64() * 1e3));
        }
        println!("{line}");
    }
    let inputs = [Input::new("mix-5000", big.clone())];
    let d = median_of(runs.min(21), || drop(black_box(analyze(black_box(&inputs)))));
    println!(
        "mix: {} lines, {} bytes   median {:.2} ms   ({:.1} µs per line)",
        big.lines().count(),
        big.len(),
        d.as_secs_f64() * 1e3,
        d.as_secs_f64() * 1e6 / big.lines().count() as f64
    );
}
