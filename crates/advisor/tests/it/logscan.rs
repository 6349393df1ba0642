//! The streaming error-log scanner: chunking, line ends, bad bytes, huge lines, bounded memory,
//! and the excerpt reaching the rules.

use advisor::logscan::{EventKind, Limits, Scanner, Timeline, scan};
use advisor::{Input, analyze};
use proptest::prelude::*;

const REALISTIC: &str = include_str!("../../../../tests/fixtures/logscan/realistic-8.0.log");
const MIXED: &str = include_str!("../../../../tests/fixtures/logscan/mixed-5.7-mariadb-journald.log");

fn scan_chunked(bytes: &[u8], cuts: &[usize]) -> Timeline {
    let mut s = Scanner::new();
    let mut at = 0;
    for &c in cuts {
        let c = c.min(bytes.len());
        if c > at {
            s.feed(&bytes[at..c]);
            at = c;
        }
    }
    s.feed(&bytes[at..]);
    s.finish()
}

fn kinds_lines(tl: &Timeline) -> Vec<(EventKind, u64)> {
    tl.events.iter().map(|e| (e.kind, e.line)).collect()
}

#[test]
fn realistic_log_kinds_lines_offsets_and_times() {
    use EventKind::*;
    let tl = scan(REALISTIC.as_bytes());
    let want = vec![
        (Startup, 1),
        (Ready, 6),
        (Replication, 9),
        (Replication, 10),
        (Replication, 12),
        (Replication, 13),
        (Clone, 14),
        (Clone, 15),
        (Clone, 16),
        (Clone, 17),
        (Clone, 18),
        (Clone, 19),
        (Shutdown, 20),
        (Shutdown, 21),
        (Startup, 22),
        (Clone, 23),
        (Clone, 24),
        (Clone, 25),
        (Ready, 26),
        (Crash, 27),
        (Startup, 32),
        (Recovery, 33),
        (Recovery, 34),
        (Recovery, 36),
        (Ready, 37),
    ];
    assert_eq!(kinds_lines(&tl), want);
    assert_eq!(tl.lines, 37);
    assert_eq!(tl.bytes, REALISTIC.len() as u64);
    assert_eq!(tl.dropped(), 0);
    let lines: Vec<&str> = REALISTIC.lines().collect();
    for e in &tl.events {
        // The offset is where the line starts, and the text is the whole line.
        assert!(REALISTIC[e.offset as usize..].starts_with(&e.text), "{e:?}");
        assert_eq!(lines[e.line as usize - 1], e.text);
        assert!(!e.truncated);
    }
    let clone = tl.events.iter().find(|e| e.code == Some(13462)).unwrap();
    assert_eq!(clone.time.as_deref(), Some("2024-05-01T10:04:14.020518Z"));
    assert_eq!(clone.level, Some(advisor::logscan::Level::Error));
    assert_eq!(clone.code_str().as_deref(), Some("MY-013462"));
    assert!(clone.message().starts_with("Clone shutting down server as RESTART failed"));
    let crash = tl.events.iter().find(|e| e.kind == Crash).unwrap();
    assert_eq!(crash.time.as_deref(), Some("2024-05-02T04:11:09Z"));
    assert_eq!(crash.code, None);
    let counts: Vec<(EventKind, u64)> = tl.counts.iter().map(|c| (c.kind, c.seen)).collect();
    assert_eq!(
        counts,
        vec![
            (Clone, 9),
            (Startup, 3),
            (Ready, 3),
            (Shutdown, 2),
            (Crash, 1),
            (Recovery, 3),
            (Replication, 4)
        ]
    );
}

#[test]
fn older_formats_syslog_and_mysqld_safe() {
    use EventKind::*;
    let tl = scan(MIXED.as_bytes());
    let got: Vec<(EventKind, u64, Option<&str>)> =
        tl.events.iter().map(|e| (e.kind, e.line, e.time.as_deref())).collect();
    let want = vec![
        (Startup, 1, Some("2024-03-02T08:00:00.000000Z")),
        (Startup, 2, Some("2024-03-02T08:00:00.123456Z")),
        (Recovery, 4, Some("2024-03-02T08:00:00.200000Z")),
        (Recovery, 5, Some("2024-03-02T08:00:00.200100Z")),
        (Recovery, 6, Some("2024-03-02T08:00:01.000000Z")),
        (Ready, 8, Some("2024-03-02T08:00:01.901233Z")),
        (Replication, 10, Some("2024-03-02T09:00:00.000000Z")),
        (Replication, 11, Some("2024-03-02T09:00:00.100000Z")),
        (Crash, 12, Some("2024-03-02 10:00:00")),
        (Crash, 14, None),
        (Shutdown, 17, Some("2024-03-02T10:00:01.000000Z")),
        (Startup, 18, Some("2024-03-02 11:00:00")),
        (Ready, 20, Some("2024-03-02 11:00:01")),
        (Shutdown, 21, Some("2024-03-02 12:00:00")),
        (Shutdown, 22, Some("2024-03-02 12:00:02")),
        (Restart, 23, Some("2024-05-01T11:02:10.421180Z")),
        (Shutdown, 24, Some("2024-05-01T11:02:12.702314Z")),
        (Startup, 26, Some("2024-05-01T11:02:13.015520Z")),
        (Ready, 27, Some("2024-05-01T11:02:14.801133Z")),
    ];
    assert_eq!(got, want);
}

#[test]
fn crlf_gives_the_same_events_without_carriage_returns() {
    let crlf = REALISTIC.replace('\n', "\r\n");
    let a = scan(REALISTIC.as_bytes());
    let b = scan(crlf.as_bytes());
    assert_eq!(kinds_lines(&a), kinds_lines(&b));
    assert_eq!(b.crlf_lines, 37);
    assert_eq!(a.crlf_lines, 0);
    for (x, y) in a.events.iter().zip(&b.events) {
        assert_eq!(x.text, y.text);
        assert_eq!(x.message(), y.message());
    }
    // A chunk boundary between `\r` and `\n` changes nothing.
    let cut = crlf.find("\r\n").unwrap() + 1;
    assert_eq!(scan_chunked(crlf.as_bytes(), &[cut]), b);
}

#[test]
fn invalid_utf8_is_replaced_and_counted_and_a_bom_is_skipped() {
    let mut bytes = b"\xEF\xBB\xBF2024-05-01T10:00:00.0Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1\n".to_vec();
    bytes.extend_from_slice(b"2024-05-01T10:00:01.0Z 0 [ERROR] [MY-010045] [Server] bad \xFF\xFE bytes\n");
    bytes.extend_from_slice(b"noise \xC3\x28 not kept\n");
    let tl = scan(&bytes);
    assert_eq!(tl.events.len(), 2);
    assert!(tl.events[0].text.starts_with("2024-05-01T10:00:00.0Z"));
    assert_eq!(tl.events[0].kind, EventKind::Startup);
    assert_eq!(tl.events[1].kind, EventKind::Error);
    assert_eq!(tl.events[1].message(), "bad \u{FFFD}\u{FFFD} bytes");
    assert_eq!(tl.lossy_lines, 1);
    assert!(tl.notes(advisor::Lang::En).iter().any(|n| n.contains("U+FFFD")));
    assert!(tl.notes(advisor::Lang::ZhCn).iter().any(|n| n.contains("UTF-8")));
}

#[test]
fn a_16_mib_line_without_newline_is_cut_with_bounded_memory() {
    let limits = Limits::default();
    let mut s = Scanner::with_limits(limits);
    s.feed(b"2024-05-01T10:00:00.0Z 0 [Note] [MY-010051] [Server] small\n");
    s.feed(b"2024-05-01T10:04:14.0Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.");
    let mb = vec![b'x'; 1 << 20];
    let mut peak = 0;
    for _ in 0..16 {
        s.feed(&mb);
        peak = peak.max(s.memory_in_use());
    }
    assert!(peak <= limits.memory_bound(), "{peak} > {}", limits.memory_bound());
    assert!(peak < 1 << 20, "the line buffer must not grow with the line: {peak}");
    let total = s.bytes_fed();
    let tl = s.finish();
    assert_eq!(tl.bytes, total);
    assert_eq!(tl.lines, 2);
    assert_eq!(tl.long_lines, 1);
    assert_eq!(tl.first_long_line, Some(2));
    assert!(tl.longest_line > 16 << 20);
    let e = &tl.events[0];
    assert_eq!(e.kind, EventKind::Clone);
    assert!(e.truncated);
    assert!(e.text.len() <= limits.max_event_text);
    let notes = tl.notes(advisor::Lang::En);
    assert!(notes.iter().any(|n| n.contains("cut") && n.contains("line 2")), "{notes:?}");
    // The same line in one chunk, with a newline: the same result.
    let mut one = b"2024-05-01T10:00:00.0Z 0 [Note] [MY-010051] [Server] small\n".to_vec();
    one.extend_from_slice(b"2024-05-01T10:04:14.0Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.");
    one.extend(std::iter::repeat_n(b'x', 16 << 20));
    assert_eq!(scan(&one).events, tl.events);
}

/// A flood of one kind keeps its head and tail; other kinds are not pushed out.
#[test]
fn floods_are_bounded_per_kind() {
    let limits = Limits { keep_head: 10, keep_tail: 10, ..Limits::default() };
    let mut s = Scanner::with_limits(limits);
    for i in 0..50_000u32 {
        let line = format!(
            "2024-05-01T10:00:00.{i:06}Z 12 [ERROR] [MY-010584] [Repl] Replica SQL for channel '': Worker 1 failed executing transaction, Error_code: MY-001062\n"
        );
        s.feed(line.as_bytes());
        if i == 25_000 {
            s.feed(b"2024-05-01T10:04:14.0Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.\n");
        }
    }
    assert!(s.memory_in_use() <= limits.memory_bound());
    let tl = s.finish();
    assert_eq!(tl.events.len(), 21);
    assert_eq!(tl.seen(), 50_001);
    assert_eq!(tl.dropped(), 49_980);
    assert!(tl.events.iter().any(|e| e.kind == EventKind::Clone && e.line == 25_002));
    assert!(tl.events.windows(2).all(|w| w[0].line < w[1].line));
    let notes = tl.notes(advisor::Lang::ZhCn);
    assert!(notes.iter().any(|n| n.contains("49980") && n.contains("复制")), "{notes:?}");
}

/// A MY-013462 deep inside a large log reaches the clone rules through the excerpt, and the
/// evidence maps back to the original line.
#[test]
fn excerpt_round_trips_through_analyze() {
    let mut s = Scanner::new();
    let noise = "2024-05-01T10:00:00.000000Z 0 [Note] [MY-010914] [Server] Aborted connection 311 to db: 'app' user: 'app' host: '10.0.0.7' (Got an error reading communication packets).\n";
    let block: String = noise.repeat(1000);
    for _ in 0..60 {
        s.feed(block.as_bytes());
    }
    s.feed(b"2024-05-01T10:04:14.020518Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n");
    for _ in 0..60 {
        s.feed(block.as_bytes());
    }
    assert!(s.bytes_fed() > 16 << 20);
    let tl = s.finish();
    assert_eq!(tl.events.len(), 1);
    let report = analyze(&[tl.to_input("big-error.log")]);
    let f = report.findings.iter().find(|f| f.rule == "clone-restart-failed").expect("clone-restart-failed");
    let ev = f.evidence.first().unwrap();
    assert!(ev.excerpt.contains("MY-013462"));
    assert_eq!(tl.original_line(ev.line_start), Some(60_001));
    assert!(report.documents.iter().any(|d| d.kind == advisor::DocKind::ErrorLog));
    // Together with other pasted inputs, as the CLI and web pass it.
    let both = analyze(&[Input::new("unit", "[Service]\nExecStart=/usr/sbin/mysqld\n"), tl.to_input("log")]);
    assert!(both.findings.iter().any(|f| f.rule == "clone-restart-failed"));
}

#[test]
fn the_excerpt_of_the_realistic_log_is_read_as_error_log_lines() {
    let tl = scan(REALISTIC.as_bytes());
    let ex = tl.to_log_excerpt();
    assert_eq!(ex.lines().count(), tl.events.len());
    let report = analyze(&[Input::new("x", ex)]);
    assert_eq!(report.server.version.as_deref(), Some("8.0.36"));
    assert!(report.findings.iter().any(|f| f.rule == "clone-restart-failed"));
    assert!(tl.excerpt_name("error.log", advisor::Lang::En).contains("25 of 37"));
}

fn mangled() -> Vec<u8> {
    let mut v =
        REALISTIC.replace("2024-05-01T10:00:00.118301Z", "2024-05-01T10:00:00.118301Z\r").into_bytes();
    v.extend_from_slice(
        b"2024-05-03T00:00:00.0Z 0 [ERROR] [MY-010045] [Server] caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xFF\n",
    );
    v.extend_from_slice(MIXED.as_bytes());
    v.extend_from_slice(b"2024-05-03T00:00:01.0Z 0 [System] [MY-010910] [Server] no newline at end");
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Chunk boundaries anywhere (inside lines, `\r\n`, UTF-8 sequences) give the same timeline
    /// as one chunk.
    #[test]
    fn chunking_does_not_change_the_timeline(mut cuts in proptest::collection::vec(0usize..20_000, 0..40)) {
        let bytes = mangled();
        cuts.sort_unstable();
        let whole = scan(&bytes);
        prop_assert_eq!(scan_chunked(&bytes, &cuts), whole);
    }

    /// Tiny limits and random bytes: no panic, the bound holds, counts add up.
    #[test]
    fn random_bytes_with_tiny_limits(data in proptest::collection::vec(any::<u8>(), 0..4000), step in 1usize..300) {
        let limits = Limits { max_line: 64, max_event_text: 40, keep_head: 2, keep_tail: 2 };
        let mut s = Scanner::with_limits(limits);
        for c in data.chunks(step) {
            s.feed(c);
            prop_assert!(s.memory_in_use() <= limits.memory_bound());
        }
        let tl = s.finish();
        prop_assert_eq!(tl.bytes, data.len() as u64);
        prop_assert!(tl.events.len() as u64 + tl.dropped() == tl.seen());
        for e in &tl.events {
            prop_assert!(e.text.len() <= limits.max_event_text);
            prop_assert!(e.message_at <= e.text.len());
        }
    }
}

#[test]
fn every_byte_position_as_a_single_cut() {
    let bytes = mangled();
    let whole = scan(&bytes);
    for cut in (0..bytes.len()).step_by(7) {
        assert_eq!(scan_chunked(&bytes, &[cut]), whole, "cut at {cut}");
    }
    // One byte at a time.
    let mut s = Scanner::new();
    for b in &bytes {
        s.feed(std::slice::from_ref(b));
    }
    assert_eq!(s.finish(), whole);
}

/// The page's scan worker sends its timeline to the page as JSON: it must come back identical
/// (every field, every event, the limits), for a log with long lines, bad bytes and floods too.
#[test]
fn a_timeline_round_trips_through_json() {
    let mut bytes = REALISTIC.as_bytes().to_vec();
    bytes.extend_from_slice(MIXED.as_bytes());
    bytes.extend_from_slice(b"2024-05-01T10:00:00Z 0 [ERROR] [MY-010000] [Server] bad \xff byte\n");
    bytes.extend(std::iter::repeat_n(b'x', 70 * 1024));
    bytes.push(b'\n');
    for cuts in [&[][..], &[1, 7, 4096][..]] {
        let tl = scan_chunked(&bytes, cuts);
        assert!(tl.events.len() > 10 && tl.long_lines == 1 && tl.lossy_lines == 1, "{tl:?}");
        let json = serde_json::to_string(&tl).unwrap();
        let back: Timeline = serde_json::from_str(&json).unwrap();
        assert_eq!(back, tl);
    }
}
