//! A streaming scanner for MySQL error logs of any size (sans-IO).
//!
//! Error logs run to gigabytes. [`Scanner`] reads one in chunks of any size, split anywhere (inside
//! a line, inside a UTF-8 sequence), keeps only the lines that matter — clone, restart, startup and
//! shutdown, replication, crash and InnoDB crash recovery, plus other `[ERROR]` lines — and gives
//! a [`Timeline`] of typed [`Event`]s with their timestamps, byte offsets and line numbers.
//!
//! ```
//! use advisor::logscan::{EventKind, Scanner};
//! let log = b"2024-05-01T10:00:00.1Z 0 [Note] [MY-010051] [Server] Event Scheduler: scheduler thread started\n\
//! 2024-05-01T10:04:14.0Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n";
//! let mut sc = Scanner::new();
//! for chunk in log.chunks(7) {
//!     sc.feed(chunk);
//! }
//! assert_eq!(sc.bytes_fed(), log.len() as u64);
//! let tl = sc.finish();
//! assert_eq!(tl.events.len(), 1);
//! assert_eq!(tl.events[0].kind, EventKind::Clone);
//! assert_eq!(tl.events[0].line, 2);
//! // The kept lines, as text the normal analysis understands:
//! let report = advisor::analyze(&[tl.to_input("error.log")]);
//! assert!(report.findings.iter().any(|f| f.rule == "clone-restart-failed"));
//! ```
//!
//! # Memory
//! Bounded, whatever the input: the scanner holds at most [`Limits::max_line`] bytes of the line
//! in progress (a longer line is cut, counted and noted, and its end is skipped), and per
//! [`EventKind`] the first [`Limits::keep_head`] and the last [`Limits::keep_tail`] events, each at
//! most [`Limits::max_event_text`] bytes; the events in between are counted, not kept.
//!
//! # Speed
//! Lines are found with `memchr`. The common case — an uninteresting line — costs a walk over its
//! fixed-format head (`TIME THREAD [Level] [MY-NNNNNN] [Subsystem]`), a lookup of the message id
//! and a first-byte dispatch on the message; only unstructured lines (stack traces, crash
//! banners) are searched with `memmem`. Nothing is decoded or allocated for a line that is not
//! kept. See `docs/PERFORMANCE.md` for figures beside `grep -F -f` ([`grep_patterns`]).
//!
//! # Accepted line shapes
//! ```text
//! line    = [syslog] (mysql8 | mysql57 | mariadb | safe | raw)
//! syslog  = MON DD HH:MM:SS HOST PROG "[" PID "]: "  |  ISO-TIME HOST PROG "[" PID "]: "
//! mysql8  = ISO-TIME WS THREAD WS "[" LEVEL "]" WS "[MY-" DIGITS "]" WS "[" SUBSYS "]" WS MESSAGE
//! mysql57 = ISO-TIME WS THREAD WS "[" LEVEL "]" WS MESSAGE          ; 5.7 prefixes InnoDB: messages
//! mariadb = DATE WS HH:MM:SS WS [THREAD WS] "[" LEVEL "]" WS MESSAGE
//! safe    = ISO-TIME WS "mysqld_safe" WS MESSAGE
//! raw     = anything else (crash banners `… UTC - mysqld got signal 11 ;`, assertion lines)
//! ```
//! A line ends at `\n`; a `\r` before it is dropped; a BOM at the start of the input is skipped.

use crate::i18n::{Lang, k};
use crate::source::Input;
use memchr::{memchr, memchr_iter, memmem};
use serde::Serialize;
use std::collections::VecDeque;
use std::ops::Range;

/// Limits that bound the scanner's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Limits {
    /// Bytes of one line kept for classification; the rest of a longer line is skipped (counted
    /// and noted).
    pub max_line: usize,
    /// Bytes of one kept line stored in its [`Event`].
    pub max_event_text: usize,
    /// Events kept from the start of the log, per kind.
    pub keep_head: usize,
    /// Events kept from the end of the log, per kind.
    pub keep_tail: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_line: 64 * 1024, max_event_text: 2 * 1024, keep_head: 250, keep_tail: 250 }
    }
}

impl Limits {
    /// The most bytes the scanner holds at once under these limits: the line buffer plus, per
    /// kind, `keep_head + keep_tail` events of at most `max_event_text` bytes of input each.
    pub fn memory_bound(&self) -> u64 {
        // 64 bytes for the time string.
        let per_event = self.max_event_text as u64 + std::mem::size_of::<Event>() as u64 + 64;
        self.max_line as u64
            + EventKind::ALL.len() as u64 * (self.keep_head + self.keep_tail) as u64 * per_event
    }
}

/// What an event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A clone trace: `MY-013457/013458/013459/013460/013462/011977/011976/013272/013270/013271/
    /// 013273/011034/012556/013529`, `Clone …` messages.
    Clone,
    /// A restart was requested: `MY-011086 Received RESTART`, `Received signal SIGUSR2`,
    /// `mysqld restarted` (mysqld_safe).
    Restart,
    /// The server starts: `MY-010116 … starting as process`, `Starting MariaDB`, mysqld_safe's
    /// `Starting mysqld daemon`.
    Startup,
    /// The server is up: `MY-010931 ready for connections`.
    Ready,
    /// The server stops: `MY-013172 Received SHUTDOWN`, `MY-010910 Shutdown complete`,
    /// `Normal shutdown`, mysqld_safe's `mysqld from pid file … ended`.
    Shutdown,
    /// An abnormal end: `mysqld got signal N`, `Assertion failure`, `Aborting`.
    Crash,
    /// InnoDB crash recovery: `Database was not shutdown normally`, `Starting crash recovery`,
    /// `Apply batch completed`.
    Recovery,
    /// Replication: receiver/applier thread errors and state changes (`MY-010584`, `MY-013114`
    /// with error 1236, `Replica I/O` / `Slave SQL` messages, relay-log recovery, `[Repl]` errors).
    Replication,
    /// Any other `[ERROR]` line.
    Error,
}

impl EventKind {
    /// Every kind, in display order.
    pub const ALL: [EventKind; 9] = [
        EventKind::Clone,
        EventKind::Restart,
        EventKind::Startup,
        EventKind::Ready,
        EventKind::Shutdown,
        EventKind::Crash,
        EventKind::Recovery,
        EventKind::Replication,
        EventKind::Error,
    ];

    /// The stable id (`clone`, `restart`, …), as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Clone => "clone",
            EventKind::Restart => "restart",
            EventKind::Startup => "startup",
            EventKind::Ready => "ready",
            EventKind::Shutdown => "shutdown",
            EventKind::Crash => "crash",
            EventKind::Recovery => "recovery",
            EventKind::Replication => "replication",
            EventKind::Error => "error",
        }
    }

    /// The kind's name in `lang` (`logscan.kind-<id>`).
    pub fn label(self, lang: Lang) -> String {
        lang.t(match self {
            EventKind::Clone => k::LOGSCAN_KIND_CLONE,
            EventKind::Restart => k::LOGSCAN_KIND_RESTART,
            EventKind::Startup => k::LOGSCAN_KIND_STARTUP,
            EventKind::Ready => k::LOGSCAN_KIND_READY,
            EventKind::Shutdown => k::LOGSCAN_KIND_SHUTDOWN,
            EventKind::Crash => k::LOGSCAN_KIND_CRASH,
            EventKind::Recovery => k::LOGSCAN_KIND_RECOVERY,
            EventKind::Replication => k::LOGSCAN_KIND_REPLICATION,
            EventKind::Error => k::LOGSCAN_KIND_ERROR,
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A line's severity, as printed in `[…]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// `[ERROR]`.
    Error,
    /// `[Warning]`.
    Warning,
    /// `[Note]`.
    Note,
    /// `[System]` (MySQL 8).
    System,
}

impl Level {
    #[inline(always)]
    fn parse(w: &[u8]) -> Option<Level> {
        let lower = |c: u8| c.to_ascii_lowercase();
        match (w.first().copied().map(lower), w.len()) {
            (Some(b'e'), 5) if w.eq_ignore_ascii_case(b"error") => Some(Level::Error),
            (Some(b'w'), 7) if w.eq_ignore_ascii_case(b"warning") => Some(Level::Warning),
            (Some(b'w'), 4) if w.eq_ignore_ascii_case(b"warn") => Some(Level::Warning),
            (Some(b'n'), 4) if w.eq_ignore_ascii_case(b"note") => Some(Level::Note),
            (Some(b'i'), 4) if w.eq_ignore_ascii_case(b"info") => Some(Level::Note),
            (Some(b's'), 6) if w.eq_ignore_ascii_case(b"system") => Some(Level::System),
            _ => None,
        }
    }
}

/// One kept line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Event {
    /// What it is about.
    pub kind: EventKind,
    /// The MySQL timestamp (`2024-05-01T10:04:14.020518Z`, `2024-05-01 10:00:03`), else the
    /// syslog one (`May 01 11:02:10`), else the time of a crash banner.
    pub time: Option<String>,
    /// The level, when printed.
    pub level: Option<Level>,
    /// The message id (`13462` for `MY-013462`).
    pub code: Option<u32>,
    /// The whole line: decoded (invalid UTF-8 replaced), secrets masked, at most
    /// [`Limits::max_event_text`] bytes, without the line end.
    pub text: String,
    /// Where the message starts in `text` (after time, thread, level, id and subsystem).
    pub message_at: usize,
    /// Byte offset of the line's start in the input.
    pub offset: u64,
    /// The line's length in the input, in bytes, without its `\n` (nor the `\r` before it, unless
    /// the line was longer than [`Limits::max_line`]).
    pub len: u64,
    /// 1-based line number in the input.
    pub line: u64,
    /// True when `text` is shorter than the line.
    pub truncated: bool,
}

impl Event {
    /// The message (the text after the line's head).
    pub fn message(&self) -> &str {
        self.text.get(self.message_at..).unwrap_or("")
    }

    /// The message id as printed (`MY-013462`).
    pub fn code_str(&self) -> Option<String> {
        self.code.map(|c| format!("MY-{c:06}"))
    }
}

/// How many events of one kind were seen and kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct KindCount {
    /// The kind.
    pub kind: EventKind,
    /// Events seen in the whole input.
    pub seen: u64,
    /// Events kept in [`Timeline::events`].
    pub kept: u64,
}

/// What the scanner found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Timeline {
    /// The kept events, in input order.
    pub events: Vec<Event>,
    /// Per kind (only kinds seen at least once), in [`EventKind::ALL`] order.
    pub counts: Vec<KindCount>,
    /// Bytes scanned.
    pub bytes: u64,
    /// Lines scanned (a last line without `\n` counts).
    pub lines: u64,
    /// Lines longer than [`Limits::max_line`] (cut for classification).
    pub long_lines: u64,
    /// The first such line (1-based).
    pub first_long_line: Option<u64>,
    /// The longest line, in bytes.
    pub longest_line: u64,
    /// Kept lines that were not valid UTF-8.
    pub lossy_lines: u64,
    /// Lines that ended with `\r\n`.
    pub crlf_lines: u64,
    /// The limits the scan ran with.
    pub limits: Limits,
}

impl Timeline {
    /// Events seen but not kept (the middle of a kind that overflowed its head and tail).
    pub fn dropped(&self) -> u64 {
        self.counts.iter().map(|c| c.seen - c.kept).sum()
    }

    /// Events seen in total.
    pub fn seen(&self) -> u64 {
        self.counts.iter().map(|c| c.seen).sum()
    }

    /// The kept lines, one per event in input order, each ended by `\n`: text the core's
    /// error-log parser reads, so [`crate::analyze`] sees the events. Line `k` (0-based) of the
    /// excerpt is `events[k]`; see [`Timeline::original_line`].
    pub fn to_log_excerpt(&self) -> String {
        let mut out = String::with_capacity(self.events.iter().map(|e| e.text.len() + 1).sum());
        for e in &self.events {
            out.push_str(&e.text);
            out.push('\n');
        }
        out
    }

    /// The excerpt as an [`Input`] named `name`, ready for [`crate::analyze`].
    pub fn to_input(&self, name: impl Into<String>) -> Input {
        Input::new(name, self.to_log_excerpt())
    }

    /// The 1-based line in the scanned input of the excerpt's 1-based line `excerpt_line`
    /// (evidence in a report over [`Timeline::to_input`] points into the excerpt).
    pub fn original_line(&self, excerpt_line: u32) -> Option<u64> {
        let i = (excerpt_line as usize).checked_sub(1)?;
        self.events.get(i).map(|e| e.line)
    }

    /// Rewrites `report` — an analysis with [`Timeline::to_input`] as input `input` — so that this
    /// input is described as the scanned file, not the excerpt: evidence and documents get the
    /// file's line numbers (as [`remap_excerpt_lines`] does) and their `range` the file's byte
    /// offsets, and `report.inputs[input]` gives the file's `lines` and `bytes`, the excerpt's in
    /// `excerpt_lines` and `excerpt_bytes`.
    ///
    /// A range inside a line keeps its columns when the kept line is the file's line byte for
    /// byte (same length: not cut, no invalid UTF-8 replaced, no secret masked into another
    /// length); otherwise it widens to the whole line. Offsets past `u32::MAX` (a file over
    /// 4 GiB) are capped at `u32::MAX`, like line numbers.
    pub fn remap_report(&self, report: &mut crate::report::Report, input: usize) {
        self.excerpt_map().remap_report(report, input, &self.to_log_excerpt());
    }

    /// Where each line of [`Timeline::to_log_excerpt`] is in the scanned file, and the file's
    /// size: what a front end keeps beside the excerpt to export a report that describes the file
    /// ([`ExcerptMap::remap_report`]).
    pub fn excerpt_map(&self) -> ExcerptMap {
        ExcerptMap {
            lines: self.events.iter().map(|e| e.line).collect(),
            places: self
                .events
                .iter()
                .map(|e| [e.offset, e.len, u64::from(!e.truncated && e.text.len() as u64 == e.len)])
                .collect(),
            file_lines: self.lines,
            file_bytes: self.bytes,
        }
    }

    /// A name for [`Timeline::to_input`] that says the input is an excerpt of `name`.
    pub fn excerpt_name(&self, name: &str, lang: Lang) -> String {
        lang.fmt(
            k::LOGSCAN_EXCERPT_NAME,
            &[("name", name), ("kept", &self.events.len().to_string()), ("lines", &self.lines.to_string())],
        )
    }

    /// One sentence: bytes, lines, events seen and kept.
    pub fn summary(&self, lang: Lang) -> String {
        lang.fmt(
            k::LOGSCAN_SUMMARY,
            &[
                ("size", &format_bytes(self.bytes)),
                ("lines", &self.lines.to_string()),
                ("seen", &self.seen().to_string()),
                ("kept", &self.events.len().to_string()),
            ],
        )
    }

    /// What the reader should know about this scan: events dropped per kind, cut lines, invalid
    /// UTF-8, nothing found.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.counts.is_empty() {
            out.push(lang.t(k::LOGSCAN_NOTE_NOTHING));
        }
        for c in self.counts.iter().filter(|c| c.seen > c.kept) {
            out.push(lang.fmt(
                k::LOGSCAN_NOTE_DROPPED,
                &[
                    ("dropped", &(c.seen - c.kept).to_string()),
                    ("seen", &c.seen.to_string()),
                    ("kind", &c.kind.label(lang)),
                    ("head", &self.limits.keep_head.to_string()),
                    ("tail", &self.limits.keep_tail.to_string()),
                ],
            ));
        }
        if self.long_lines > 0 {
            out.push(lang.fmt(
                k::LOGSCAN_NOTE_LONG_LINES,
                &[
                    ("count", &self.long_lines.to_string()),
                    ("max", &format_bytes(self.limits.max_line as u64)),
                    ("line", &self.first_long_line.unwrap_or(0).to_string()),
                    ("longest", &format_bytes(self.longest_line)),
                ],
            ));
        }
        if self.lossy_lines > 0 {
            out.push(lang.fmt(k::LOGSCAN_NOTE_LOSSY, &[("count", &self.lossy_lines.to_string())]));
        }
        out
    }
}

/// Where the lines of a scanned log's excerpt are in the file ([`Timeline::excerpt_map`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExcerptMap {
    /// The file's 1-based line of each excerpt line.
    pub lines: Vec<u64>,
    /// Per excerpt line: the file offset of its first byte, its length in the file (without the
    /// line end), and 1 when the excerpt's line is the file's byte for byte (columns map one to
    /// one), else 0.
    pub places: Vec<[u64; 3]>,
    /// The file's lines.
    pub file_lines: u64,
    /// The file's bytes (decompressed, for a `.gz` log).
    pub file_bytes: u64,
}

impl ExcerptMap {
    /// Rewrites `report` — an analysis with `excerpt` (the text this map describes) as input
    /// `input` — so that this input is described as the scanned file, not the excerpt: evidence
    /// and documents get the file's line numbers (as [`remap_excerpt_lines`] does) and their
    /// `range` the file's byte offsets, and `report.inputs[input]` gives the file's `lines` and
    /// `bytes`, the excerpt's in `excerpt_lines` and `excerpt_bytes`.
    ///
    /// A range inside a line keeps its columns when the kept line is the file's line byte for
    /// byte (same length: not cut, no invalid UTF-8 replaced); otherwise it widens to the whole
    /// line. Offsets past `u32::MAX` (a file over 4 GiB) are capped at `u32::MAX`, like line
    /// numbers. A map that does not fit the excerpt (not one place per line) maps line numbers
    /// only.
    pub fn remap_report(&self, report: &mut crate::report::Report, input: usize, excerpt: &str) {
        let places: Vec<FilePlace> =
            self.places.iter().map(|p| FilePlace { offset: p[0], len: p[1], exact: p[2] != 0 }).collect();
        let fits = places.len() == self.lines.len();
        remap(report, input, excerpt, &self.lines, fits.then_some(&places[..]));
        if let Some(info) = report.inputs.get_mut(input).filter(|_| fits) {
            info.excerpt_lines = Some(info.lines);
            info.excerpt_bytes = Some(info.bytes);
            info.lines = u32::try_from(self.file_lines).unwrap_or(u32::MAX);
            info.bytes = self.file_bytes;
        }
    }
}

/// Rewrites `report` so that evidence and documents in input `input` — the excerpt of a scanned
/// log (`excerpt` is its text, as [`Timeline::to_input`] made it) — carry the scanned file's line
/// numbers: `file_lines[i]` is the file's line of the excerpt's line `i + 1`. Evidence over
/// excerpt lines that are not neighbours in the file is split into one piece per run of
/// neighbours, so that a numbered excerpt never shows a wrong number. Numbers past `u32::MAX` are
/// capped. The CLI uses it for streamed logs, the page for exports of a dropped log's excerpt.
///
/// Byte ranges stay the excerpt's: the page, which keeps only the line numbers, uses this;
/// [`Timeline::remap_report`] also maps the ranges and the input's size.
pub fn remap_excerpt_lines(
    report: &mut crate::report::Report,
    input: usize,
    excerpt: &str,
    file_lines: &[u64],
) {
    remap(report, input, excerpt, file_lines, None);
}

/// Where an excerpt line is in the scanned file.
#[derive(Clone, Copy)]
struct FilePlace {
    /// The line's first byte.
    offset: u64,
    /// Its length, without the line end.
    len: u64,
    /// The excerpt's line is the file's, byte for byte (columns map one to one).
    exact: bool,
}

/// [`remap_excerpt_lines`], and with `places` (one per excerpt line) the ranges too.
fn remap(
    report: &mut crate::report::Report,
    input: usize,
    excerpt: &str,
    file_lines: &[u64],
    places: Option<&[FilePlace]>,
) {
    let mut starts = Vec::with_capacity(file_lines.len());
    let mut at = 0u32;
    for line in excerpt.split_terminator('\n') {
        starts.push((at, at.saturating_add(u32::try_from(line.len()).unwrap_or(u32::MAX))));
        at = at.saturating_add(u32::try_from(line.len()).unwrap_or(u32::MAX)).saturating_add(1);
    }
    let map = LineMap { file_lines, starts, places };
    let fix = |list: &mut Vec<crate::report::Evidence>| {
        let old = std::mem::take(list);
        for e in old {
            if e.input == input {
                list.extend(map.evidence(e));
            } else {
                list.push(e);
            }
        }
    };
    for f in &mut report.findings {
        fix(&mut f.evidence);
    }
    fix(&mut report.verdict_notes.clone_restart.evidence);
    fix(&mut report.verdict_notes.replica_crash_safe.evidence);
    for d in report.documents.iter_mut().filter(|d| d.input == input) {
        d.range = map.range(d.line_start, d.line_end, d.range);
        d.line_start = map.line(d.line_start).unwrap_or(d.line_start);
        d.line_end = map.line(d.line_end).unwrap_or(d.line_end).max(d.line_start);
    }
}

/// An excerpt's lines: the file's line of each, each one's byte range in the excerpt, and (to map
/// ranges) where each is in the file.
struct LineMap<'a> {
    file_lines: &'a [u64],
    starts: Vec<(u32, u32)>,
    places: Option<&'a [FilePlace]>,
}

impl LineMap<'_> {
    /// The file's line of excerpt line `l` (1-based), capped at `u32::MAX`.
    fn line(&self, l: u32) -> Option<u32> {
        let i = (l as usize).checked_sub(1)?;
        self.file_lines.get(i).map(|&n| u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// `r`, a range over the excerpt's lines `first..=last` (1-based), as file offsets; unchanged
    /// without places. Columns are kept on an exact line, else the range widens to its whole line.
    fn range(&self, first: u32, last: u32, r: crate::text::TextRange) -> crate::text::TextRange {
        let at = |l: u32| {
            let i = (l as usize).checked_sub(1)?;
            Some((*self.places?.get(i)?, *self.starts.get(i)?))
        };
        let (Some((fp, (fs, fe))), Some((lp, (ls, le)))) = (at(first), at(last)) else { return r };
        let start = if fp.exact { fp.offset + u64::from(r.start.clamp(fs, fe) - fs) } else { fp.offset };
        let end = if lp.exact { lp.offset + u64::from(r.end.clamp(ls, le) - ls) } else { lp.offset + lp.len };
        let cap = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        crate::text::TextRange::new(cap(start), cap(end))
    }

    /// `e` with the file's line numbers, split where the file's lines are not consecutive.
    fn evidence(&self, e: crate::report::Evidence) -> Vec<crate::report::Evidence> {
        let lines: Vec<&str> = e.excerpt.split('\n').collect();
        let n = e.line_end.checked_sub(e.line_start).map(|d| d as usize + 1);
        let orig: Option<Vec<u32>> = (e.line_start..=e.line_end).map(|l| self.line(l)).collect();
        let (Some(orig), Some(true)) = (orig, n.map(|n| n == lines.len())) else {
            // Not the shape expected: map the ends only.
            let mut e = e;
            e.range = self.range(e.line_start, e.line_end, e.range);
            e.line_start = self.line(e.line_start).unwrap_or(e.line_start);
            e.line_end = self.line(e.line_end).unwrap_or(e.line_end).max(e.line_start);
            return vec![e];
        };
        let mut out = Vec::new();
        let mut first = 0usize;
        for i in 0..orig.len() {
            let run_ends = orig.get(i + 1).is_none_or(|next| Some(*next) != orig[i].checked_add(1));
            if !run_ends {
                continue;
            }
            let (xs, xe) = (e.line_start + first as u32, e.line_start + i as u32);
            let range = |l: u32| (l as usize).checked_sub(1).and_then(|i| self.starts.get(i)).copied();
            let lo = range(xs).map_or(e.range.start, |r| r.0.max(e.range.start));
            let hi = range(xe).map_or(e.range.end, |r| r.1.min(e.range.end));
            out.push(crate::report::Evidence {
                input: e.input,
                input_name: e.input_name.clone(),
                range: self.range(xs, xe, crate::text::TextRange::new(lo, hi)),
                line_start: orig[first],
                line_end: orig[i],
                excerpt: lines[first..=i].join("\n"),
                label: e.label.clone(),
            });
            first = i + 1;
        }
        out
    }
}

/// `1234 B`, `12.3 KiB`, `1.2 MiB`, `3.40 GiB` (rounded half up; integer arithmetic only).
pub fn format_bytes(n: u64) -> String {
    const K: u64 = 1024;
    if n < K {
        format!("{n} B")
    } else if n < K * K {
        format!("{} KiB", decimal(n, K, 1))
    } else if n < K * K * K {
        format!("{} MiB", decimal(n, K * K, 1))
    } else {
        format!("{} GiB", decimal(n, K * K * K, 2))
    }
}

/// `num / den` with `places` decimals, rounded half up: `decimal(1536, 1024, 1)` is `1.5`.
/// Integer arithmetic, so the page's wasm carries no float formatting code.
pub fn decimal(num: u64, den: u64, places: u32) -> String {
    let scale = 10u128.pow(places);
    let den = u128::from(den.max(1));
    let v = (u128::from(num) * scale * 2 + den) / (den * 2);
    let (whole, frac) = (v / scale, v % scale);
    if places == 0 { whole.to_string() } else { format!("{whole}.{frac:0width$}", width = places as usize) }
}

// ---------------------------------------------------------------------------------------------
// What matters

/// Message ids and their kinds (`mysql-facts.md` §3.3 for clone/restart/shutdown; MY-010584 and
/// MY-013114 are the applier and receiver error lines; MY-013836 relay-log recovery with
/// GTID_ONLY, MY-010530 auto-position without GTIDs (§8)). MY-013464/013465 and MY-013469–013473
/// are Group Replication's distributed recovery by clone (`runtime-and-launchers.md` §5.1): kept
/// as clone lines, so a big log still says the clone belonged to a GR recovery.
const CODES: &[(u32, EventKind)] = &[
    (10116, EventKind::Startup),
    (10530, EventKind::Replication),
    (10584, EventKind::Replication),
    (10910, EventKind::Shutdown),
    (10931, EventKind::Ready),
    (11034, EventKind::Clone),
    (11086, EventKind::Restart),
    (11976, EventKind::Clone),
    (11977, EventKind::Clone),
    (12556, EventKind::Clone),
    (13114, EventKind::Replication),
    (13172, EventKind::Shutdown),
    (13270, EventKind::Clone),
    (13271, EventKind::Clone),
    (13272, EventKind::Clone),
    (13273, EventKind::Clone),
    (13457, EventKind::Clone),
    (13458, EventKind::Clone),
    (13459, EventKind::Clone),
    (13460, EventKind::Clone),
    (13462, EventKind::Clone),
    (13464, EventKind::Clone),
    (13465, EventKind::Clone),
    (13469, EventKind::Clone),
    (13470, EventKind::Clone),
    (13471, EventKind::Clone),
    (13472, EventKind::Clone),
    (13473, EventKind::Clone),
    (13529, EventKind::Clone),
    (13836, EventKind::Replication),
];

/// Message beginnings (after the head; a 5.7 `InnoDB: ` prefix is skipped), grouped by first
/// byte so that a message is compared with at most a handful. Within a group the first match
/// wins.
const PREFIXES: &[(u8, &[(&str, EventKind)])] = &[
    (
        b'A',
        &[
            ("Apply batch completed", EventKind::Recovery),
            ("Assertion failure", EventKind::Crash),
            ("Aborting", EventKind::Crash),
        ],
    ),
    (
        b'C',
        &[
            ("Clone ", EventKind::Clone),
            ("Clone:", EventKind::Clone),
            ("Crash recovery", EventKind::Recovery),
        ],
    ),
    (b'D', &[("Database was not shutdown normally", EventKind::Recovery)]),
    (
        b'E',
        &[
            ("Error reading relay log", EventKind::Replication),
            ("Error reading packet from server", EventKind::Replication),
            ("Error running query", EventKind::Replication),
            ("Error on the relay log recovery", EventKind::Replication),
        ],
    ),
    (b'N', &[("Normal shutdown", EventKind::Shutdown)]),
    (b'P', &[("Plugin Clone", EventKind::Clone)]),
    (
        b'R',
        &[
            ("Received RESTART", EventKind::Restart),
            ("Received signal SIGUSR2", EventKind::Restart),
            ("Received SHUTDOWN", EventKind::Shutdown),
            ("Replica I/O", EventKind::Replication),
            ("Replica SQL", EventKind::Replication),
            ("Replica: ", EventKind::Replication),
            ("Relay log recovery", EventKind::Replication),
        ],
    ),
    (
        b'S',
        &[
            ("Slave I/O", EventKind::Replication),
            ("Slave SQL", EventKind::Replication),
            ("Slave: ", EventKind::Replication),
            ("Starting crash recovery", EventKind::Recovery),
            ("Starting MariaDB", EventKind::Startup),
            ("Starting mysqld daemon", EventKind::Startup),
        ],
    ),
    (
        b'm',
        &[
            ("mysqld from pid file", EventKind::Shutdown),
            ("mysqld restarted", EventKind::Restart),
            ("mysqld got signal", EventKind::Crash),
        ],
    ),
];

/// Searched anywhere in a message that starts with a program path or name (`/usr/sbin/mysqld:
/// ready for connections.`), and in unstructured lines.
const CONTAINS: &[(&str, EventKind)] = &[
    ("got signal", EventKind::Crash),
    ("Assertion failure", EventKind::Crash),
    ("starting as process", EventKind::Startup),
    ("ready for connections", EventKind::Ready),
    ("Shutdown complete", EventKind::Shutdown),
    ("Normal shutdown", EventKind::Shutdown),
];

/// The fixed strings the scanner looks for, one per line: the message ids as printed
/// (`[MY-013462]`), the message beginnings, the phrases and `[ERROR]`. `grep -F -f` over these
/// selects a superset of the scanner's lines (it is the benchmark's yardstick).
pub fn grep_patterns() -> Vec<String> {
    let mut v: Vec<String> = CODES.iter().map(|(c, _)| format!("[MY-{c:06}]")).collect();
    v.extend(PREFIXES.iter().flat_map(|(_, g)| g.iter()).map(|(p, _)| (*p).to_owned()));
    v.extend(CONTAINS.iter().map(|(p, _)| (*p).to_owned()));
    v.push("[ERROR]".to_owned());
    crate::sort::sort(&mut v);
    v.dedup();
    v
}

#[inline(always)]
fn by_code(code: u32) -> Option<EventKind> {
    CODES.binary_search_by_key(&code, |(c, _)| *c).ok().and_then(|i| CODES.get(i)).map(|(_, k)| *k)
}

#[inline(always)]
fn by_prefix(msg: &[u8]) -> Option<EventKind> {
    let msg = msg.strip_prefix(b"InnoDB: ").unwrap_or(msg);
    let first = *msg.first()?;
    let (_, group) = PREFIXES.iter().find(|(b, _)| *b == first)?;
    group.iter().find(|(p, _)| msg.starts_with(p.as_bytes())).map(|(_, k)| *k)
}

/// Precompiled searchers for [`CONTAINS`].
struct Matchers {
    contains: Vec<(memmem::Finder<'static>, EventKind)>,
    syslog_end: memmem::Finder<'static>,
}

impl Matchers {
    fn new() -> Matchers {
        Matchers {
            contains: CONTAINS.iter().map(|(p, k)| (memmem::Finder::new(p.as_bytes()), *k)).collect(),
            syslog_end: memmem::Finder::new(b"]: "),
        }
    }

    fn by_contains(&self, hay: &[u8]) -> Option<EventKind> {
        self.contains.iter().find(|(f, _)| f.find(hay).is_some()).map(|(_, k)| *k)
    }
}

/// The parsed head of a line.
#[derive(Default, Debug)]
struct Head {
    time: Option<Range<usize>>,
    level: Option<Level>,
    code: Option<u32>,
    subsystem: Option<Range<usize>>,
    /// Where the message starts.
    msg: usize,
    /// True when the line has the `TIME … [Level]` shape (or is a mysqld_safe line).
    structured: bool,
}

/// What [`classify`] decided.
#[derive(Debug)]
struct Hit {
    kind: EventKind,
    head: Head,
}

#[inline(always)]
fn is_digit(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_digit)
}

#[inline(always)]
fn skip_ws(b: &[u8], mut p: usize) -> usize {
    while matches!(b.get(p), Some(b' ' | b'\t')) {
        p += 1;
    }
    p
}

#[inline(always)]
fn token_end(b: &[u8], mut p: usize) -> usize {
    while let Some(&c) = b.get(p) {
        if c == b' ' || c == b'\t' {
            break;
        }
        p += 1;
    }
    p
}

/// `YYYY-MM-DD` at `p`.
#[inline(always)]
fn iso_date_at(b: &[u8], p: usize) -> bool {
    let d = |i: usize| is_digit(b.get(p + i));
    d(0) && d(1)
        && d(2)
        && d(3)
        && b.get(p + 4) == Some(&b'-')
        && d(5)
        && d(6)
        && b.get(p + 7) == Some(&b'-')
        && d(8)
        && d(9)
}

#[inline(always)]
fn month_at(b: &[u8], p: usize) -> bool {
    const MONTHS: [&[u8; 3]; 12] =
        [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];
    match b.get(p..p + 4) {
        Some([x, y, z, b' ']) if x.is_ascii_uppercase() => MONTHS.iter().any(|m| m == &&[*x, *y, *z]),
        _ => false,
    }
}

/// `[word]` at `p` (word at most `max` bytes, no space): the word's range and the index after `]`.
#[inline(always)]
fn bracket_at(b: &[u8], p: usize, max: usize) -> Option<(Range<usize>, usize)> {
    if b.get(p) != Some(&b'[') {
        return None;
    }
    let window = b.get(p + 1..(p + 2 + max).min(b.len()))?;
    let close = window.iter().position(|&c| c == b']')?;
    let word = p + 1..p + 1 + close;
    let w = b.get(word.clone())?;
    if w.is_empty() || w.contains(&b' ') {
        return None;
    }
    Some((word, p + 2 + close))
}

/// `PROG[PID]: ` ending a syslog prefix that starts at `p`; returns the index after it.
fn syslog_end(m: &Matchers, b: &[u8], p: usize) -> Option<usize> {
    let window = b.get(p..(p + 160).min(b.len()))?;
    let k = m.syslog_end.find(window)?;
    let head = window.get(..k)?;
    let open = memchr::memrchr(b'[', head)?;
    let pid = head.get(open + 1..)?;
    if pid.is_empty() || !pid.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let before = head.get(..open)?;
    let prog_start = memchr::memrchr(b' ', before).map(|i| i + 1)?;
    let prog = before.get(prog_start..)?;
    let prog = prog.rsplit(|&c| c == b'/').next().unwrap_or(prog);
    if !matches!(prog, b"mysqld" | b"mariadbd" | b"mysqld_safe" | b"mysqld-debug") {
        return None;
    }
    Some(p + k + 3)
}

/// Reads the head of a line (see the module doc's grammar). Never fails: an unstructured line
/// gets `structured = false` and its message is the rest of the line.
#[inline(always)]
fn parse_head(m: &Matchers, b: &[u8]) -> Head {
    let mut h = Head::default();
    let mut p = skip_ws(b, 0);
    let mut syslog_time = None;
    if month_at(b, p) {
        match syslog_end(m, b, p) {
            Some(e) => {
                syslog_time = Some(p..(p + 15).min(b.len()));
                p = skip_ws(b, e);
            }
            None => {
                h.msg = p;
                return h;
            }
        }
    }
    for _ in 0..2 {
        if !iso_date_at(b, p) {
            h.msg = p;
            h.time = syslog_time;
            return h;
        }
        let t_end = token_end(b, p);
        let time;
        if t_end - p == 10 {
            // MariaDB / 5.6: `2024-05-01 10:00:00`.
            let c = skip_ws(b, t_end);
            let c_end = token_end(b, c);
            if !(c_end - c >= 8 && b.get(c + 2) == Some(&b':')) {
                h.msg = p;
                h.time = syslog_time;
                return h;
            }
            time = p..c_end;
        } else if b.get(p + 10) == Some(&b'T') {
            time = p..t_end;
        } else {
            h.msg = p;
            h.time = syslog_time;
            return h;
        }
        if time.len() > 40 {
            h.msg = p;
            h.time = syslog_time;
            return h;
        }
        h.time = Some(time.clone());
        p = skip_ws(b, time.end);
        let w_end = token_end(b, p);
        let word = b.get(p..w_end).unwrap_or(b"");
        if !word.is_empty() && word.iter().all(u8::is_ascii_digit) {
            p = skip_ws(b, w_end);
            break;
        }
        if word == b"mysqld_safe" {
            h.msg = skip_ws(b, w_end);
            h.structured = true;
            return h;
        }
        if b.get(p) == Some(&b'[') {
            break;
        }
        // `journalctl -o short-iso`: `ISO-TIME HOST PROG[PID]: ` then the MySQL line.
        if syslog_time.is_none()
            && let Some(e) = syslog_end(m, b, p)
        {
            syslog_time = Some(time);
            p = skip_ws(b, e);
            continue;
        }
        // A timestamped banner (`2024-05-01T10:00:00Z UTC - mysqld got signal 11 ;`).
        h.msg = p;
        return h;
    }
    if h.time.is_none() {
        h.time = syslog_time;
    }
    let Some((lvl, after)) = bracket_at(b, p, 12) else {
        h.msg = p;
        return h;
    };
    h.level = b.get(lvl).and_then(Level::parse);
    h.structured = true;
    p = skip_ws(b, after);
    if b.get(p..p + 4) == Some(b"[MY-")
        && let Some((code, after)) = bracket_at(b, p, 12)
    {
        let digits = b.get(code.start + 3..code.end).unwrap_or(b"");
        if !digits.is_empty() && digits.len() <= 9 && digits.iter().all(u8::is_ascii_digit) {
            h.code = Some(digits.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')));
        }
        p = skip_ws(b, after);
        if let Some((sub, after)) = bracket_at(b, p, 24) {
            h.subsystem = Some(sub);
            p = skip_ws(b, after);
        }
    }
    h.msg = p;
    h
}

/// Whether a line matters, and as what. `b` is the line without its end.
#[inline(always)]
fn classify(m: &Matchers, b: &[u8]) -> Option<Hit> {
    let head = parse_head(m, b);
    let msg = b.get(head.msg..).unwrap_or(b"");
    let mut kind = head.code.and_then(by_code).or_else(|| by_prefix(msg));
    if kind.is_none() {
        let named =
            matches!(msg.first(), Some(b'/')) || msg.starts_with(b"mysqld") || msg.starts_with(b"mariadbd");
        if !head.structured || named {
            kind = m.by_contains(msg);
        }
    }
    if kind.is_none() && head.level == Some(Level::Error) {
        let repl = head.subsystem.as_ref().and_then(|r| b.get(r.clone())) == Some(b"Repl");
        kind = Some(if repl { EventKind::Replication } else { EventKind::Error });
    }
    kind.map(|kind| Hit { kind, head })
}

// ---------------------------------------------------------------------------------------------
// The scanner

/// A chunked, bounded-memory error-log scanner. Feed it bytes with [`Scanner::feed`], then call
/// [`Scanner::finish`]. The result does not depend on how the input was cut into chunks.
pub struct Scanner {
    limits: Limits,
    m: Matchers,
    fed: u64,
    lines: u64,
    /// A line is in progress (its start was fed, its end not yet).
    in_line: bool,
    /// The in-progress line's first bytes (at most `max_line`).
    partial: Vec<u8>,
    /// The in-progress line's length so far.
    partial_len: u64,
    /// The in-progress line's start offset.
    partial_start: u64,
    head: Vec<Vec<Event>>,
    tail: Vec<VecDeque<Event>>,
    seen: [u64; EventKind::ALL.len()],
    long_lines: u64,
    first_long_line: Option<u64>,
    longest_line: u64,
    lossy_lines: u64,
    crlf_lines: u64,
}

impl Default for Scanner {
    fn default() -> Scanner {
        Scanner::new()
    }
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner").field("fed", &self.fed).field("lines", &self.lines).finish_non_exhaustive()
    }
}

impl Scanner {
    /// A scanner with the default [`Limits`].
    pub fn new() -> Scanner {
        Scanner::with_limits(Limits::default())
    }

    /// A scanner with the given limits.
    pub fn with_limits(limits: Limits) -> Scanner {
        let n = EventKind::ALL.len();
        Scanner {
            limits,
            m: Matchers::new(),
            fed: 0,
            lines: 0,
            in_line: false,
            // Allocated once, never grown past `max_line`.
            partial: Vec::with_capacity(limits.max_line),
            partial_len: 0,
            partial_start: 0,
            head: (0..n).map(|_| Vec::new()).collect(),
            tail: (0..n).map(|_| VecDeque::new()).collect(),
            seen: [0; EventKind::ALL.len()],
            long_lines: 0,
            first_long_line: None,
            longest_line: 0,
            lossy_lines: 0,
            crlf_lines: 0,
        }
    }

    /// Bytes fed so far (for a progress bar: divide by the file's size).
    pub fn bytes_fed(&self) -> u64 {
        self.fed
    }

    /// Complete lines scanned so far.
    pub fn lines_seen(&self) -> u64 {
        self.lines
    }

    /// Events found so far (kept or not).
    pub fn events_seen(&self) -> u64 {
        self.seen.iter().sum()
    }

    /// Bytes the scanner holds now: the line buffer's capacity plus the kept events' texts (and
    /// their fixed size). Never more than [`Limits::memory_bound`].
    pub fn memory_in_use(&self) -> u64 {
        let ev = |e: &Event| {
            (e.text.capacity() + e.time.as_ref().map_or(0, String::capacity) + std::mem::size_of::<Event>())
                as u64
        };
        self.partial.capacity() as u64
            + self.head.iter().flatten().map(ev).sum::<u64>()
            + self.tail.iter().flatten().map(ev).sum::<u64>()
    }

    /// Scans the next bytes of the input. A chunk may end anywhere.
    pub fn feed(&mut self, chunk: &[u8]) {
        let base = self.fed;
        self.fed += chunk.len() as u64;
        let mut rest_at = 0usize;
        if self.in_line {
            match memchr(b'\n', chunk) {
                None => {
                    self.append_partial(chunk);
                    return;
                }
                Some(nl) => {
                    self.append_partial(chunk.get(..nl).unwrap_or(b""));
                    self.end_partial();
                    rest_at = nl + 1;
                }
            }
        }
        let rest = chunk.get(rest_at..).unwrap_or(b"");
        let max = self.limits.max_line;
        let mut start = 0usize;
        for nl in memchr_iter(b'\n', rest) {
            let line = rest.get(start..nl).unwrap_or(b"");
            let kept = line.get(..max.min(line.len())).unwrap_or(b"");
            self.on_line(kept, base + (rest_at + start) as u64, line.len() as u64);
            start = nl + 1;
        }
        if start < rest.len() {
            self.in_line = true;
            self.partial.clear();
            self.partial_len = 0;
            self.partial_start = base + (rest_at + start) as u64;
            self.append_partial(rest.get(start..).unwrap_or(b""));
        }
    }

    /// Ends the scan (a last line without `\n` counts) and returns the timeline.
    pub fn finish(mut self) -> Timeline {
        if self.in_line {
            self.end_partial();
        }
        let mut events: Vec<Event> = Vec::new();
        let mut counts = Vec::new();
        for k in EventKind::ALL {
            let i = k.index();
            let head = std::mem::take(&mut self.head[i]);
            let tail = std::mem::take(&mut self.tail[i]);
            let kept = (head.len() + tail.len()) as u64;
            if self.seen[i] > 0 {
                counts.push(KindCount { kind: k, seen: self.seen[i], kept });
            }
            events.extend(head);
            events.extend(tail);
        }
        crate::sort::sort_by_key(&mut events, |e| e.offset);
        Timeline {
            events,
            counts,
            bytes: self.fed,
            lines: self.lines,
            long_lines: self.long_lines,
            first_long_line: self.first_long_line,
            longest_line: self.longest_line,
            lossy_lines: self.lossy_lines,
            crlf_lines: self.crlf_lines,
            limits: self.limits,
        }
    }

    fn append_partial(&mut self, b: &[u8]) {
        let room = self.limits.max_line.saturating_sub(self.partial.len());
        self.partial.extend_from_slice(b.get(..room.min(b.len())).unwrap_or(b""));
        self.partial_len += b.len() as u64;
    }

    fn end_partial(&mut self) {
        let buf = std::mem::take(&mut self.partial);
        self.on_line(&buf, self.partial_start, self.partial_len);
        self.partial = buf;
        self.partial.clear();
        self.in_line = false;
        self.partial_len = 0;
    }

    /// One line: `b` is its first (at most `max_line`) bytes, `len` its full length without `\n`.
    #[inline(always)]
    fn on_line(&mut self, b: &[u8], offset: u64, len: u64) {
        self.lines += 1;
        if len > self.longest_line {
            self.longest_line = len;
        }
        let cut = len > b.len() as u64;
        if cut {
            self.long_lines += 1;
            self.first_long_line.get_or_insert(self.lines);
        }
        let (mut b, mut len) = (b, len);
        if !cut && let Some(s) = b.strip_suffix(b"\r") {
            b = s;
            len -= 1;
            self.crlf_lines += 1;
        }
        if offset == 0
            && let Some(s) = b.strip_prefix(b"\xEF\xBB\xBF")
        {
            b = s;
        }
        let Some(hit) = classify(&self.m, b) else { return };
        self.keep(hit, b, (offset, len), cut);
    }

    /// Counts the event, and keeps it if its kind has room; `at` is the line's offset and length.
    fn keep(&mut self, hit: Hit, b: &[u8], at: (u64, u64), cut: bool) {
        let i = hit.kind.index();
        self.seen[i] += 1;
        let to_head = self.head[i].len() < self.limits.keep_head;
        if !to_head && self.limits.keep_tail == 0 {
            return;
        }
        let ev = self.event(hit, b, at, cut);
        if to_head {
            self.head[i].push(ev);
        } else {
            let tail = &mut self.tail[i];
            if tail.len() >= self.limits.keep_tail {
                tail.pop_front();
            }
            tail.push_back(ev);
        }
    }

    fn event(&mut self, hit: Hit, b: &[u8], (offset, len): (u64, u64), cut: bool) -> Event {
        let mut end = b.len().min(self.limits.max_event_text);
        // Back up to a UTF-8 boundary when the cap cuts a sequence.
        while end > 0 && end < b.len() && b.get(end).is_some_and(|c| c & 0xC0 == 0x80) {
            end -= 1;
        }
        let truncated = cut || end < b.len();
        let kept = b.get(..end).unwrap_or(b"");
        if std::str::from_utf8(kept).is_err() {
            self.lossy_lines += 1;
        }
        let msg_at = hit.head.msg.min(end);
        let head_text = String::from_utf8_lossy(kept.get(..msg_at).unwrap_or(b""));
        let msg_text = String::from_utf8_lossy(kept.get(msg_at..).unwrap_or(b""));
        let msg_text = crate::redact::mask(&msg_text).into_owned();
        let mut text = String::with_capacity(head_text.len() + msg_text.len());
        text.push_str(&head_text);
        let message_at = text.len();
        text.push_str(&msg_text);
        // Replacement characters (3 bytes each) or masking may have grown it.
        let hard_cap = self.limits.max_event_text;
        if text.len() > hard_cap {
            let mut c = hard_cap;
            while !text.is_char_boundary(c) {
                c -= 1;
            }
            text.truncate(c);
        }
        text.shrink_to_fit();
        let message_at = message_at.min(text.len());
        let time = hit.head.time.and_then(|r| b.get(r)).map(|t| String::from_utf8_lossy(t).into_owned());
        Event {
            kind: hit.kind,
            time,
            level: hit.head.level,
            code: hit.head.code,
            text,
            message_at,
            offset,
            len,
            line: self.lines,
            truncated,
        }
    }
}

/// Inputs at least this large are better streamed through a [`Scanner`] than analysed whole
/// (the CLI for a file, the web page for a dropped file), when they look like an error log.
pub const STREAM_THRESHOLD: u64 = 8 << 20;

/// True when most of the complete lines in `head` (the first few KiB of an input) are error-log
/// lines, so that streaming the input through a [`Scanner`] loses nothing but noise.
pub fn looks_like_error_log(head: &[u8]) -> bool {
    let m = Matchers::new();
    let (mut lines, mut log) = (0u32, 0u32);
    let mut start = 0;
    for nl in memchr_iter(b'\n', head).take(64) {
        let line = head.get(start..nl).unwrap_or(b"");
        start = nl + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        lines += 1;
        let h = parse_head(&m, line.strip_suffix(b"\r").unwrap_or(line));
        if h.structured || h.time.is_some() {
            log += 1;
        }
    }
    lines > 0 && log * 4 >= lines * 3
}

/// Streams `reader` through a [`Scanner`] in 1 MiB reads, calling `progress` with the bytes read
/// so far after each read. For the CLI (`File`, stdin); the web page calls [`Scanner::feed`] with
/// `Blob.slice` chunks instead.
pub fn scan_read<R: std::io::Read>(
    mut reader: R,
    mut progress: impl FnMut(u64),
) -> std::io::Result<Timeline> {
    let mut s = Scanner::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                s.feed(buf.get(..n).unwrap_or(b""));
                progress(s.bytes_fed());
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(s.finish())
}

/// Scans a whole byte slice in one go (tests, small inputs).
pub fn scan(bytes: &[u8]) -> Timeline {
    let mut s = Scanner::new();
    s.feed(bytes);
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remapped_reports_carry_the_files_lines_and_split_at_gaps() {
        let mut log = String::new();
        for i in 0..3000 {
            log.push_str(&format!(
                "2024-05-01T10:00:{:02}.000000Z 0 [Note] [MY-010914] [Server] Aborted connection {i}.\n",
                i % 60
            ));
        }
        log.push_str("2024-05-01T10:04:14.020518Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n");
        let tl = scan(log.as_bytes());
        let excerpt = tl.to_log_excerpt();
        let lines: Vec<u64> = tl.events.iter().map(|e| e.line).collect();
        let mut report = crate::analyze(&[tl.to_input("x")]);
        let before = report.clone();
        remap_excerpt_lines(&mut report, 0, &excerpt, &lines);
        let ev: Vec<&crate::report::Evidence> = report.findings.iter().flat_map(|f| &f.evidence).collect();
        assert!(ev.iter().any(|e| e.line_start == 3001 && e.excerpt.contains("MY-013462")), "{ev:#?}");
        assert!(report.documents.iter().all(|d| d.line_end >= d.line_start));
        // Another input's evidence is left alone.
        let mut other = before.clone();
        remap_excerpt_lines(&mut other, 1, &excerpt, &lines);
        assert_eq!(other.to_json(), before.to_json());
    }

    /// `(start, end)` of each line of `log` (1-based by index + 1), without `\n` or `\r\n`.
    fn line_spans(log: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, b) in log.iter().enumerate() {
            if *b == b'\n' {
                let end = if i > start && log[i - 1] == b'\r' { i - 1 } else { i };
                out.push((start, end));
                start = i + 1;
            }
        }
        out
    }

    #[test]
    fn a_remapped_report_describes_the_file_with_its_offsets() {
        const CLONE: &str = "2024-05-01T10:04:14.020518Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.";
        for (lossy, eol) in [(false, "\n"), (false, "\r\n"), (true, "\n")] {
            let mut log = Vec::new();
            for i in 0..3000 {
                let l = format!(
                    "2024-05-01T10:00:{:02}.000000Z 0 [Note] [MY-010914] [Server] Aborted connection {i}.{eol}",
                    i % 60
                );
                log.extend_from_slice(l.as_bytes());
            }
            log.extend_from_slice(CLONE.as_bytes());
            if lossy {
                log.extend_from_slice(b" \xff"); // invalid UTF-8: the kept line is not the file's
            }
            log.extend_from_slice(eol.as_bytes());
            log.extend_from_slice(b"2024-05-01T10:05:00.000000Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1\n");
            let tl = scan(&log);
            let excerpt = tl.to_log_excerpt();
            let mut report = crate::analyze(&[tl.to_input("x")]);
            tl.remap_report(&mut report, 0);
            let info = &report.inputs[0];
            assert_eq!((u64::from(info.lines), info.bytes), (3002, log.len() as u64));
            assert_eq!(info.excerpt_lines, Some(tl.events.len() as u32));
            assert_eq!(info.excerpt_bytes, Some(excerpt.len() as u64));
            let spans = line_spans(&log);
            let ev: Vec<&crate::report::Evidence> = report
                .findings
                .iter()
                .flat_map(|f| &f.evidence)
                .chain(&report.verdict_notes.clone_restart.evidence)
                .collect();
            let clone = ev.iter().find(|e| e.excerpt.contains("MY-013462")).expect("clone evidence");
            assert_eq!(clone.line_start, 3001);
            for e in &ev {
                // The range lies in the evidence's lines of the file, and is that text.
                let (first, last) = (spans[e.line_start as usize - 1], spans[e.line_end as usize - 1]);
                let (a, b) = (e.range.start as usize, e.range.end as usize);
                assert!(first.0 <= a && a <= b && b <= last.1, "{e:?}");
                let text = String::from_utf8_lossy(&log[a..b]);
                assert!(e.excerpt.contains(&*text), "{text:?} not in {e:?}");
            }
            if lossy {
                // Not the file's bytes: the whole line.
                let (a, b) = spans[3000];
                assert_eq!((clone.range.start as usize, clone.range.end as usize), (a, b));
            }
            for d in &report.documents {
                let (a, _) = spans[d.line_start as usize - 1];
                assert_eq!(d.range.start as usize, a, "{d:?}");
                assert!(d.range.end as usize <= spans[d.line_end as usize - 1].1, "{d:?}");
            }
        }
    }

    fn kind(line: &str) -> Option<EventKind> {
        classify(&Matchers::new(), line.as_bytes()).map(|h| h.kind)
    }

    #[test]
    fn classifies_mysql8_lines_by_id() {
        let l = "2024-05-01T10:04:14.020518Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.";
        let h = classify(&Matchers::new(), l.as_bytes()).unwrap();
        assert_eq!(h.kind, EventKind::Clone);
        assert_eq!(h.head.code, Some(13462));
        assert_eq!(h.head.level, Some(Level::Error));
        assert_eq!(&l[h.head.time.clone().unwrap()], "2024-05-01T10:04:14.020518Z");
        assert_eq!(&l[h.head.subsystem.clone().unwrap()], "Server");
        assert!(l[h.head.msg..].starts_with("Clone shutting"));
        assert_eq!(
            kind(
                "2024-05-01T10:00:00.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections."
            ),
            Some(EventKind::Ready)
        );
        assert_eq!(
            kind(
                "2024-05-01T11:02:10.421180Z 11 [System] [MY-011086] [Server] Received RESTART from user root."
            ),
            Some(EventKind::Restart)
        );
        assert_eq!(
            kind(
                "2024-05-01T10:00:00.000000Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed."
            ),
            None
        );
        assert_eq!(
            kind(
                "2024-05-01T10:00:00.000000Z 0 [Note] [MY-010051] [Server] Event Scheduler: scheduler thread started"
            ),
            None
        );
        // Any other [ERROR]; a [Repl] error is replication.
        assert_eq!(
            kind("2024-05-01T10:00:00.000000Z 0 [ERROR] [MY-010045] [Server] Event Scheduler: x"),
            Some(EventKind::Error)
        );
        assert_eq!(
            kind(
                "2024-05-01T10:00:00.000000Z 12 [ERROR] [MY-010596] [Repl] Error reading relay log event for channel '': slave SQL thread was killed"
            ),
            Some(EventKind::Replication)
        );
    }

    #[test]
    fn classifies_text_forms() {
        let cases = [
            (
                "2024-05-01T10:00:00.123456Z 0 [Note] /usr/sbin/mysqld (mysqld 5.7.44-log) starting as process 1234 ...",
                Some(EventKind::Startup),
            ),
            (
                "2024-05-01T10:00:01.901233Z 0 [Note] /usr/sbin/mysqld: ready for connections.",
                Some(EventKind::Ready),
            ),
            (
                "2024-05-01T10:00:01.0Z 0 [Note] InnoDB: Database was not shutdown normally!",
                Some(EventKind::Recovery),
            ),
            ("2024-05-01T10:00:01.0Z 0 [Note] InnoDB: Starting crash recovery.", Some(EventKind::Recovery)),
            ("2024-05-01T10:00:01.0Z 0 [Note] InnoDB: Apply batch completed", Some(EventKind::Recovery)),
            ("2024-05-01T10:00:01.0Z 0 [Note] InnoDB: PUNCH HOLE support available", None),
            (
                "2024-05-01T10:00:01.0Z 5 [ERROR] Slave I/O for channel '': Got fatal error 1236 from master when reading data from binary log",
                Some(EventKind::Replication),
            ),
            (
                "2024-05-01T10:00:01.0Z 0 [Note] Received signal SIGUSR2. Restarting mysqld (Version 8.0.36)",
                Some(EventKind::Restart),
            ),
            (
                "2024-05-01 10:00:03 0 [Note] Starting MariaDB 10.11.6-MariaDB-0+deb12u1 source revision as process 1",
                Some(EventKind::Startup),
            ),
            (
                "2024-05-01 10:00:03 0 [Note] /usr/sbin/mariadbd (initiated by: unknown): Normal shutdown",
                Some(EventKind::Shutdown),
            ),
            ("2024-05-01 10:00:03 0 [Note] Server socket created on IP: '::'.", None),
            (
                "2024-05-01T10:00:00.000000Z mysqld_safe mysqld from pid file /var/run/mysqld/mysqld.pid ended",
                Some(EventKind::Shutdown),
            ),
            (
                "2024-05-01T10:00:00.000000Z mysqld_safe Starting mysqld daemon with databases from /var/lib/mysql",
                Some(EventKind::Startup),
            ),
            ("2024-05-01T10:00:00Z UTC - mysqld got signal 11 ;", Some(EventKind::Crash)),
            ("10:00:00 UTC - mysqld got signal 6 ;", Some(EventKind::Crash)),
            (
                "2024-05-01 10:00:00 0x7f12 InnoDB: Assertion failure in thread 1 in file row0sel.cc line 5",
                Some(EventKind::Crash),
            ),
            ("Thread pointer: 0x0", None),
            ("", None),
            (
                "May 01 11:02:10 db2 mysqld[40121]: 2024-05-01T11:02:10.421180Z 11 [System] [MY-011086] [Server] Received RESTART from user root.",
                Some(EventKind::Restart),
            ),
            (
                "2024-05-01T11:02:10+0000 db2 mysqld[40121]: 2024-05-01T11:02:10.421180Z 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete",
                Some(EventKind::Shutdown),
            ),
            ("May 01 11:02:10 db2 sshd[1]: Accepted publickey for root", None),
        ];
        for (line, want) in cases {
            assert_eq!(kind(line), want, "{line}");
        }
    }

    #[test]
    fn syslog_time_used_when_no_mysql_time() {
        let tl =
            scan(b"May 01 11:02:10 db2 mysqld[4]: /usr/sbin/mysqld (mysqld 8.0.36) starting as process 4\n");
        assert_eq!(tl.events.len(), 1);
        assert_eq!(tl.events[0].time.as_deref(), Some("May 01 11:02:10"));
        let tl = scan(b"May 01 11:02:10 db2 mysqld[4]: 2024-05-01T11:02:10.1Z 0 [System] [MY-010116] [Server] x starting as process 4\n");
        assert_eq!(tl.events[0].time.as_deref(), Some("2024-05-01T11:02:10.1Z"));
    }

    #[test]
    fn heads_and_tails_are_kept_per_kind_and_counted() {
        let limits = Limits { keep_head: 2, keep_tail: 3, ..Limits::default() };
        let mut s = Scanner::with_limits(limits);
        let mut text = String::new();
        for i in 0..20 {
            text.push_str(&format!(
                "2024-05-01T10:00:{:02}.0Z 0 [ERROR] [MY-010045] [Server] e{i}\n",
                i % 60
            ));
        }
        text.push_str("2024-05-01T10:01:00.0Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.\n");
        s.feed(text.as_bytes());
        let tl = s.finish();
        let msgs: Vec<&str> = tl.events.iter().map(|e| e.message()).collect();
        assert_eq!(msgs[..5], ["e0", "e1", "e17", "e18", "e19"]);
        assert_eq!(tl.events[5].kind, EventKind::Clone);
        assert_eq!(tl.events[5].line, 21);
        assert_eq!(tl.dropped(), 15);
        assert_eq!(tl.seen(), 21);
        let notes = tl.notes(Lang::En);
        assert!(notes.iter().any(|n| n.contains("15")), "{notes:?}");
    }

    #[test]
    fn sniffing_and_reading() {
        assert!(looks_like_error_log(
            b"2024-05-01T10:00:00.0Z 0 [Note] [MY-010051] [Server] x\n2024-05-01 10:00:03 0 [Note] y\n"
        ));
        assert!(!looks_like_error_log(b"[Service]\nExecStart=/usr/sbin/mysqld\n"));
        assert!(!looks_like_error_log(b""));
        let log = b"2024-05-01T10:04:14.0Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.\n";
        let mut seen = Vec::new();
        let tl = scan_read(&log[..], |n| seen.push(n)).unwrap();
        assert_eq!(tl.events.len(), 1);
        assert_eq!(seen, vec![log.len() as u64]);
    }

    #[test]
    fn format_bytes_units() {
        assert_eq!(format_bytes(12), "12 B");
        assert_eq!(format_bytes(2048), "2.0 KiB");
        assert_eq!(format_bytes(200 * 1024 * 1024), "200.0 MiB");
        assert_eq!(format_bytes(1023), "1023 B");
        assert_eq!(format_bytes(1075), "1.0 KiB");
        assert_eq!(format_bytes(1997), "2.0 KiB");
        assert_eq!(format_bytes(3 * (1 << 30) + (1 << 29)), "3.50 GiB");
        assert_eq!(decimal(1536, 1024, 1), "1.5");
        assert_eq!(decimal(2049, 1000, 0), "2");
        assert_eq!(decimal(2500, 1000, 0), "3");
        assert_eq!(decimal(7, 0, 1), "7.0");
    }

    #[test]
    fn patterns_cover_every_table() {
        let p = grep_patterns();
        assert!(p.contains(&"[MY-013462]".to_owned()));
        assert!(p.contains(&"ready for connections".to_owned()));
        assert!(p.contains(&"[ERROR]".to_owned()));
        // Prefix groups are keyed by their first byte.
        assert!(PREFIXES.iter().all(|(b, g)| g.iter().all(|(p, _)| p.as_bytes()[0] == *b)));
        // The code table is sorted (binary search).
        assert!(CODES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
