//! Hostile inputs through the binary (issue 7): each is written to a temporary file and checked
//! with `mysql-advisor check FILE --format json`. The process must finish on its own (no signal,
//! no panic), exit 0 or 1 (never 2: the file is readable, so there is no usage or I/O error), and
//! print one valid JSON report that names the file.
//!
//! The core's own hostile suite (`crates/advisor/tests/it/hostile.rs`) checks the reports in depth;
//! here the point is the whole path: reading bytes, decoding, rendering, exit codes.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MB: usize = 1 << 20;

/// A scratch directory for this test binary's files, removed and recreated per run.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mysql-advisor-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 8);
    while out.len() < n {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(n);
    out
}

/// Runs `check FILE --format json` on `bytes` written to `name`; returns the parsed report.
fn check_file(name: &str, bytes: &[u8], extra: &[&str]) -> serde_json::Value {
    let path = scratch().join(name);
    std::fs::write(&path, bytes).expect("write hostile file");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mysql-advisor"));
    cmd.arg("check").arg(&path).args(["--format", "json"]).args(extra);
    for k in ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "TERM", "CLICOLOR_FORCE"] {
        cmd.env_remove(k);
    }
    cmd.stdin(Stdio::null());
    let started = Instant::now();
    let out = cmd.output().expect("run mysql-advisor");
    let took = started.elapsed();
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    assert!(code.is_some(), "{name}: killed by a signal ({:?}); stderr:\n{stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{name}: panicked:\n{stderr}");
    assert!(matches!(code, Some(0 | 1)), "{name}: exit {code:?} (want 0 or 1); stderr:\n{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{name}: stdout is not UTF-8: {e}"));
    let report: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{name}: stdout is not one JSON value: {e}"));
    assert!(report["verdicts"]["clone_restart"].is_string(), "{name}: no verdicts");
    assert!(report["findings"].is_array() && report["documents"].is_array(), "{name}: not a report");
    let inputs = report["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 1, "{name}");
    assert_eq!(inputs[0]["bytes"].as_u64(), Some(decoded_len(bytes)), "{name}: byte count");
    // Generous: the release binary takes well under a second for these; a debug build under load
    // is an order of magnitude slower. This only catches hangs and blow-ups.
    assert!(took < Duration::from_secs(120), "{name}: took {took:?}");
    report
}

/// The length of the text the core analyses (a BOM dropped, invalid UTF-8 replaced).
fn decoded_len(bytes: &[u8]) -> u64 {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(b).len() as u64
}

fn notes(r: &serde_json::Value) -> Vec<String> {
    r["notes"]
        .as_array()
        .map(|a| a.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[test]
fn sixteen_mb_on_one_line() {
    let mut text = b"[mysqld]\nsync_relay_log=".to_vec();
    text.extend(std::iter::repeat_n(b'x', 16 * MB));
    text.push(b'\n');
    let r = check_file("long.cnf", &text, &[]);
    assert!(!r["documents"].as_array().expect("documents").is_empty());
}

#[test]
fn sixteen_mb_of_open_brackets() {
    check_file("brackets.txt", &vec![b'['; 16 * MB], &[]);
}

#[test]
fn thousands_of_continuations() {
    let mut unit = String::from("[Service]\nExecStart=/usr/sbin/mysqld \\\n");
    for i in 0..10_000 {
        unit.push_str(&format!("  --opt-{i}=1 \\\n"));
    }
    unit.push_str("  --last\nRestart=on-failure\n");
    check_file("mysqld.service", unit.as_bytes(), &[]);
    let mut cnf = String::from("[mysqld]\ninit_connect = x \\\n");
    for _ in 0..10_000 {
        cnf.push_str("  y \\\n");
    }
    check_file("my.cnf", cnf.as_bytes(), &[]);
}

#[test]
fn hundreds_of_thousands_of_vertical_rows() {
    let mut text = String::from("mysql> SHOW REPLICA STATUS\\G\n");
    for n in 1..=200_000 {
        text.push_str(&format!(
            "*************************** {n}. row ***************************\n      Channel_Name: ch{n}\nReplica_IO_Running: Yes\n"
        ));
    }
    let r = check_file("status.txt", text.as_bytes(), &[]);
    let kinds: Vec<&str> =
        r["documents"].as_array().expect("documents").iter().filter_map(|d| d["kind"].as_str()).collect();
    assert!(kinds.contains(&"replica-status"), "{kinds:?}");
}

#[test]
fn a_table_100_000_columns_wide() {
    let cols = 100_000;
    let border = format!("+{}", "---+".repeat(cols));
    let header: String =
        std::iter::once("|".to_owned()).chain((0..cols).map(|i| format!(" c{} |", i % 10))).collect();
    let row = format!("|{}", " v |".repeat(cols));
    let text = format!("{border}\n{header}\n{border}\n{row}\n{border}\n1 row in set (0.00 sec)\n");
    check_file("wide.txt", text.as_bytes(), &[]);
}

#[test]
fn random_binary_nul_bytes_and_invalid_utf8() {
    let r = check_file("random.bin", &random_bytes(4 * MB, 42), &[]);
    assert!(
        notes(&r).iter().any(|n| n.contains("random.bin")),
        "no note about replaced bytes: {:?}",
        notes(&r)
    );
    check_file("nuls.bin", &vec![0u8; 4 * MB], &[]);
    let mut latin1 = b"[mysqld]\n# r\xe9plica\nsync_binlog = 1\xff\n".to_vec();
    latin1.extend_from_slice(b"\x80\xbf\n");
    let r = check_file("latin1.cnf", &latin1, &["--lang", "zh-CN"]);
    assert!(notes(&r).iter().any(|n| n.contains("latin1.cnf")), "no note: {:?}", notes(&r));
}

#[test]
fn crlf_and_a_bom() {
    let fixture = include_str!("../../../tests/fixtures/options/replica-crash-safe.cnf");
    let lf = check_file("lf.cnf", fixture.as_bytes(), &[]);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(fixture.replace('\n', "\r\n").as_bytes());
    let crlf = check_file("crlf.cnf", &bytes, &[]);
    assert_eq!(lf["verdicts"], crlf["verdicts"]);
    let rules = |r: &serde_json::Value| -> Vec<String> {
        let mut v: Vec<String> = r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["rule"].as_str().map(str::to_owned))
            .collect();
        v.sort();
        v
    };
    assert_eq!(rules(&lf), rules(&crlf), "CRLF and a BOM change the findings");
}

#[test]
fn a_mix_of_everything() {
    let mut bytes = b"\xEF\xBB\xBF[Service]\r\nExecStart=/usr/sbin/mysqld \\\r\n".to_vec();
    bytes.extend_from_slice(&random_bytes(64 * 1024, 9));
    bytes.extend_from_slice(b"\0\0\n*************************** 1. row ***************************\n");
    bytes.extend_from_slice(&vec![b'['; MB]);
    bytes.extend_from_slice(b"\n| a | b |\n\xff\xfe\n[mysqld]\nsync_relay_log=1\r\n");
    bytes.extend_from_slice("\\\n".repeat(5_000).as_bytes());
    check_file("mix.txt", &bytes, &[]);
    check_file("mix.txt", &bytes, &["--lang", "zh-CN", "--fail-on", "info"]);
}
