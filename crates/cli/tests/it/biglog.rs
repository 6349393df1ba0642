//! `check big-error.log`: a large error log is streamed through the scanner (bounded memory),
//! and evidence shows the real file's line numbers.

use crate::support::*;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Noise: realistic, uninteresting MySQL 8.0 lines.
const NOISE: [&str; 4] = [
    "[Warning] [MY-010055] [Server] IP address '10.0.3.17' could not be resolved: Name or service not known",
    "[Note] [MY-010914] [Server] Aborted connection 48213 to db: 'app' user: 'app' host: '10.0.3.17' (Got an error reading communication packets).",
    "[Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'",
    "[Note] [MY-011953] [InnoDB] Page cleaner took 4312ms to flush 2000 and evict 0 pages",
];

/// The clone's end, from the fixture `error-log-clone-3707.txt`: the restart failed (MY-013462,
/// what the client saw as ERROR 3707), the server shut down and was started by hand.
const CLONE: &str = include_str!("../../../../tests/fixtures/mysql/error-log-clone-3707.txt");

/// A temporary directory, removed on drop.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    pub(crate) fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("mysql-advisor-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes a log of about `mib` MiB at `path`: noise, the clone sequence in the middle, more noise.
/// Returns the line number (1-based) of the MY-013462 line.
pub(crate) fn write_log(path: &Path, mib: u64) -> u64 {
    let mut w = BufWriter::new(std::fs::File::create(path).expect("create log"));
    let target = mib << 20;
    let (mut bytes, mut line, mut clone_line) = (0u64, 0u64, 0u64);
    let mut i = 0u64;
    while bytes < target {
        if clone_line == 0 && bytes >= target / 2 {
            for l in CLONE.lines() {
                line += 1;
                if l.contains("[MY-013462]") {
                    clone_line = line;
                }
                writeln!(w, "{l}").expect("write");
                bytes += l.len() as u64 + 1;
            }
            continue;
        }
        let (s, us) = (i / 1000, i % 1000);
        let l = format!(
            "2024-05-01T{:02}:{:02}:{:02}.{us:03}000Z {} {}",
            (s / 3600) % 24,
            (s / 60) % 60,
            s % 60,
            i % 97,
            NOISE[(i % 4) as usize]
        );
        writeln!(w, "{l}").expect("write");
        bytes += l.len() as u64 + 1;
        line += 1;
        i += 1;
    }
    w.flush().expect("flush");
    clone_line
}

/// Peak RSS (KiB) of `mysql-advisor args` under `/usr/bin/time -v`, when that tool exists.
pub(crate) fn peak_rss_kib(args: &[&str]) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = Command::new(time)
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_mysql-advisor"))
        .args(args)
        .current_dir(root())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
}

#[test]
fn a_big_error_log_is_streamed_with_real_line_numbers_and_bounded_memory() {
    let dir = TempDir::new("biglog");
    let log = dir.0.join("big-error.log");
    let clone_line = write_log(&log, 24);
    let size = std::fs::metadata(&log).expect("stat").len();
    assert!(size >= advisor::logscan::STREAM_THRESHOLD * 2, "the log is big enough to stream");
    let path = log.to_str().expect("UTF-8 temp path");

    // JSON: the finding, its evidence at the real line, the scan's summary in `notes`.
    let o = run(&["check", "--format", "json", path]);
    assert_eq!(code(&o), 1, "an error finding: exit 1; stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "no progress line when stderr is not a terminal: {}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(r["verdicts"]["clone_restart"], "fails");
    let findings = r["findings"].as_array().expect("findings");
    let f = findings.iter().find(|f| f["rule"] == "clone-restart-failed").expect("clone-restart-failed");
    let ev = f["evidence"].as_array().expect("evidence");
    let e = ev
        .iter()
        .find(|e| e["excerpt"].as_str().is_some_and(|x| x.contains("[MY-013462]")))
        .expect("MY-013462");
    assert_eq!(e["line_start"].as_u64(), Some(clone_line), "the real line in the file");
    assert!(e["input_name"].as_str().is_some_and(|n| n.contains("big-error.log") && n.contains("excerpt")));
    // Every evidence line number in the report is a real line holding that text.
    let text = std::fs::read_to_string(&log).expect("read log back");
    let file_lines: Vec<&str> = text.lines().collect();
    let all_ev = findings
        .iter()
        .flat_map(|f| f["evidence"].as_array().into_iter().flatten())
        .chain(r["verdict_notes"]["clone_restart"]["evidence"].as_array().into_iter().flatten());
    let mut checked = 0;
    for e in all_ev {
        let (a, b) = (e["line_start"].as_u64().unwrap() as usize, e["line_end"].as_u64().unwrap() as usize);
        let want = file_lines[a - 1..b].join("\n");
        assert_eq!(e["excerpt"].as_str(), Some(want.as_str()), "evidence {a}-{b} is the file's text");
        checked += 1;
    }
    assert!(checked >= 2);
    let notes: Vec<&str> = r["notes"].as_array().expect("notes").iter().filter_map(|n| n.as_str()).collect();
    assert!(
        notes.iter().any(|n| n.contains("big-error.log") && n.contains("Scanned") && n.contains("lines")),
        "{notes:?}"
    );
    // The input is described as the file; the excerpt's size beside it.
    assert_eq!(r["inputs"].as_array().map(Vec::len), Some(1));
    let input = &r["inputs"][0];
    assert_eq!(input["bytes"].as_u64(), Some(size), "the file's bytes");
    assert_eq!(input["lines"].as_u64(), Some(file_lines.len() as u64), "the file's lines");
    assert!(input["excerpt_bytes"].as_u64().unwrap() < 64 << 10, "only the excerpt is analysed");
    let kept = input["excerpt_lines"].as_u64().unwrap();
    assert!(kept > 0 && kept < 1000, "{kept}");
    // Every range is in the file: within its evidence's lines, and the text it points at.
    let bytes = text.as_bytes();
    let mut starts = vec![0usize];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let all_ev = findings
        .iter()
        .flat_map(|f| f["evidence"].as_array().into_iter().flatten())
        .chain(r["verdict_notes"]["clone_restart"]["evidence"].as_array().into_iter().flatten());
    for e in all_ev {
        let (a, b) =
            (e["range"]["start"].as_u64().unwrap() as usize, e["range"]["end"].as_u64().unwrap() as usize);
        let (first, last) =
            (e["line_start"].as_u64().unwrap() as usize, e["line_end"].as_u64().unwrap() as usize);
        assert!(starts[first - 1] <= a && a <= b && b < starts[last], "{e}");
        let excerpt = e["excerpt"].as_str().unwrap();
        assert!(excerpt.contains(std::str::from_utf8(&bytes[a..b]).unwrap()), "{e}");
    }
    for d in r["documents"].as_array().unwrap() {
        let a = d["range"]["start"].as_u64().unwrap() as usize;
        assert_eq!(a, starts[d["line_start"].as_u64().unwrap() as usize - 1], "{d}");
    }
    drop(file_lines);
    drop(text);

    // Text and markdown show the same real line number.
    let o = run(&["check", "--color", "never", path]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains(&format!("{clone_line} | ")), "text gutter shows line {clone_line}:\n{out}");
    assert!(out.contains("Scanned"), "text shows the scan's summary");
    let o = run(&["check", "--format", "markdown", "--lang", "zh-CN", path]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains(&clone_line.to_string()));

    // Standard input streams the same way.
    let o = run_with(bin(), &["check", "--format", "json", "-"], Some(&std::fs::read(&log).unwrap()));
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let hit = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["evidence"].as_array().into_iter().flatten())
        .any(|e| e["line_start"].as_u64() == Some(clone_line));
    assert!(hit, "stdin: evidence at the real line");

    // Memory: far below the file's size (reading it whole would hold it, and its analysis more).
    // Measured against the same binary on a one-line log, so that the binary's own pages (tens of
    // MB unoptimised) do not count.
    let small = dir.0.join("small-error.log");
    std::fs::write(&small, "2024-03-12T10:44:51.330071Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1\n").unwrap();
    let base = peak_rss_kib(&["check", "--format", "json", small.to_str().unwrap()]);
    if let (Some(kib), Some(base)) = (peak_rss_kib(&["check", "--format", "json", path]), base) {
        let grown = kib.saturating_sub(base) * 1024;
        assert!(grown < size / 2, "peak RSS grew {grown} bytes ({base} → {kib} KiB) for a {size}-byte log");
    } else {
        eprintln!("/usr/bin/time not found: peak RSS not checked");
    }
}

#[test]
fn a_small_error_log_is_read_whole() {
    let dir = TempDir::new("smalllog");
    let log = dir.0.join("error.log");
    let clone_line = write_log(&log, 1);
    let r = json(&[log.to_str().unwrap()]);
    let name = r["inputs"][0]["name"].as_str().unwrap();
    assert!(!name.contains("excerpt"), "{name}");
    assert!(r["inputs"][0]["lines"].as_u64().unwrap() > 5000);
    let f = r["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "clone-restart-failed").unwrap();
    assert!(f["evidence"].as_array().unwrap().iter().any(|e| e["line_start"].as_u64() == Some(clone_line)));
    assert!(
        !r["notes"].as_array().unwrap().iter().any(|n| n.as_str().is_some_and(|n| n.contains("Scanned")))
    );
}
