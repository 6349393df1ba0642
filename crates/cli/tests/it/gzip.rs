//! `check mysqld.log-20240312.gz`: a gzip input is recognised by its magic bytes (not its name),
//! decompressed while read, and analysed like the plain text; a cut-short one keeps what came
//! before with a note; a bomb streams with bounded memory.

use crate::biglog::{TempDir, peak_rss_kib, write_log};
use crate::support::*;
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).expect("compress");
    e.finish().expect("compress")
}

/// What must not change between a plain input and its gzip: verdicts and findings with their
/// evidence lines and excerpts (the input's name may differ).
fn essence(r: &serde_json::Value) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let ev: Vec<serde_json::Value> = f["evidence"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| serde_json::json!([e["line_start"], e["line_end"], e["excerpt"]]))
                .collect();
            serde_json::json!({ "rule": f["rule"], "severity": f["severity"], "message": f["message"], "evidence": ev })
        })
        .collect();
    serde_json::json!({ "verdicts": r["verdicts"], "findings": findings })
}

fn json_of(path: &Path) -> serde_json::Value {
    json(&[path.to_str().expect("UTF-8 temp path")])
}

#[test]
fn a_gzip_log_gives_the_plain_logs_findings_whatever_its_name() {
    let plain = std::fs::read(root().join(ERROR_LOG_3707)).expect("fixture");
    let want = essence(&json(&[ERROR_LOG_3707]));
    assert!(want["findings"].as_array().is_some_and(|f| !f.is_empty()));
    let dir = TempDir::new("gzip-names");
    // A rotated log, and the same bytes named `.log`: the magic decides, not the name.
    for name in ["mysqld.log-20240312.gz", "error.log"] {
        let p = dir.0.join(name);
        std::fs::write(&p, gz(&plain)).expect("write");
        let r = json_of(&p);
        assert_eq!(essence(&r), want, "{name}");
        assert_eq!(r["inputs"][0]["bytes"].as_u64(), Some(plain.len() as u64), "decompressed: {name}");
        assert!(
            r["notes"].as_array().is_some_and(|n| n.iter().all(|n| !n.as_str().unwrap().contains("gzip")))
        );
    }
    // Several members (`cat a.gz b.gz`), cut at a line.
    let cut = plain.iter().take(plain.len() / 2).rposition(|&b| b == b'\n').expect("a line") + 1;
    let p = dir.0.join("two-members.gz");
    std::fs::write(&p, [gz(&plain[..cut]), gz(&plain[cut..])].concat()).expect("write");
    assert_eq!(essence(&json_of(&p)), want, "multi-member");
    // A plain file named `.gz` is read as text.
    let p = dir.0.join("not-compressed.log.gz");
    std::fs::write(&p, &plain).expect("write");
    assert_eq!(essence(&json_of(&p)), want, "plain .gz");
    // Standard input too.
    let o = run_with(bin(), &["check", "--format", "json", "--fail-on", "never", "-"], Some(&gz(&plain)));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(essence(&r), want, "stdin");
}

#[test]
fn a_cut_short_gzip_is_analysed_as_far_as_it_goes_with_a_note() {
    let mut text = std::fs::read(root().join(ERROR_LOG_3707)).expect("fixture");
    let tail_start = text.len();
    for i in 0..20_000 {
        text.extend_from_slice(
            format!("2024-05-02T10:00:{:02}.000000Z 0 [Warning] [MY-010055] [Server] IP address '10.0.3.{}' could not be resolved: Name or service not known\n", i % 60, i % 250)
                .as_bytes(),
        );
    }
    let z = gz(&text);
    let dir = TempDir::new("gzip-cut");
    let p = dir.0.join("mysqld.log-20240312.gz");
    std::fs::write(&p, &z[..z.len() / 2]).expect("write");
    let path = p.to_str().unwrap();
    let o = run(&["check", "--format", "json", path]);
    assert_eq!(code(&o), 1, "an error finding (exit 1), not an unreadable input (exit 2): {}", stderr(&o));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert!(r["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "clone-restart-failed"));
    let bytes = r["inputs"][0]["bytes"].as_u64().unwrap();
    assert!(bytes > tail_start as u64 && bytes < text.len() as u64, "{bytes}");
    let note = r["notes"][0].as_str().expect("a note first");
    assert!(note.contains("mysqld.log-20240312.gz: the gzip stream is corrupt or cut short"), "{note}");
    // Both languages, in the text output too.
    let o = run(&["check", "--lang", "zh-CN", "--color", "never", path]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("gzip 数据流已损坏或不完整"), "{}", stdout(&o));
}

#[test]
fn garbage_after_the_magic_is_an_unreadable_input() {
    let dir = TempDir::new("gzip-garbage");
    let p = dir.0.join("error.log");
    std::fs::write(&p, b"\x1f\x8b this is not a gzip stream\n").expect("write");
    let o = run(&["check", p.to_str().unwrap()]);
    assert_eq!(code(&o), 2, "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("cannot read") && err.contains("gzip magic bytes"), "{err}");
    assert!(o.stdout.is_empty());
}

/// Gzips `src` into `dst` a chunk at a time.
fn gzip_file(src: &Path, dst: &Path) {
    let mut r = std::fs::File::open(src).expect("open");
    let mut e =
        GzEncoder::new(BufWriter::new(std::fs::File::create(dst).expect("create")), Compression::fast());
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = r.read(&mut buf).expect("read");
        if n == 0 {
            break;
        }
        e.write_all(&buf[..n]).expect("write");
    }
    e.finish().expect("finish").flush().expect("flush");
}

#[test]
fn a_big_gzip_log_streams_with_real_line_numbers() {
    let dir = TempDir::new("gzip-big");
    let log = dir.0.join("big.log");
    let clone_line = write_log(&log, 20);
    let p = dir.0.join("mysqld.log-20240312.gz");
    gzip_file(&log, &p);
    drop(std::fs::remove_file(&log));
    assert!(
        std::fs::metadata(&p).unwrap().len() < advisor::logscan::STREAM_THRESHOLD,
        "smaller than the threshold"
    );
    let r = json_of(&p);
    assert_eq!(r["verdicts"]["clone_restart"], "fails");
    let hit = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["evidence"].as_array().into_iter().flatten())
        .any(|e| e["line_start"].as_u64() == Some(clone_line));
    assert!(hit, "evidence at the decompressed file's line {clone_line}");
    assert!(r["inputs"][0]["name"].as_str().unwrap().contains("excerpt"), "streamed, not held whole");
    assert!(r["notes"][0].as_str().unwrap().contains("Scanned"));
}

#[test]
fn a_gzip_bomb_streams_with_bounded_memory() {
    // 64 MiB of zeros in ~64 KiB: eight times the stream threshold, and no line ends at all.
    const MIB: usize = 64;
    let dir = TempDir::new("gzip-bomb");
    let p = dir.0.join("error.log");
    let mut e =
        GzEncoder::new(BufWriter::new(std::fs::File::create(&p).expect("create")), Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..MIB {
        e.write_all(&zeros).expect("write");
    }
    e.finish().expect("finish").flush().expect("flush");
    let compressed = std::fs::metadata(&p).unwrap().len();
    assert!(compressed < 1 << 20, "{compressed}");
    let path = p.to_str().unwrap();
    let r = json(&[path]);
    assert!(r["inputs"][0]["name"].as_str().unwrap().contains("excerpt"), "streamed, never held whole");
    // The input is the (decompressed) file; only its excerpt was analysed.
    assert_eq!(r["inputs"][0]["bytes"].as_u64(), Some((MIB as u64) << 20));
    assert!(r["inputs"][0]["excerpt_bytes"].as_u64().unwrap() < 1 << 20);
    let notes: Vec<&str> = r["notes"].as_array().unwrap().iter().filter_map(|n| n.as_str()).collect();
    assert!(
        notes.iter().any(|n| n.contains("Scanned 64.0 MiB") || n.contains("Scanned 64 MiB")),
        "{notes:?}"
    );
    if let Some(kib) = peak_rss_kib(&["check", "--format", "json", path]) {
        eprintln!("gzip bomb: peak RSS {kib} KiB for {MIB} MiB decompressed");
        assert!(kib * 1024 < ((MIB as u64) << 20) / 2, "peak RSS {kib} KiB");
    } else {
        eprintln!("/usr/bin/time not found: peak RSS not checked");
    }
}
