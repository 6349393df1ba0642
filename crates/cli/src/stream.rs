//! Large error logs: read an input whole when it is small, stream it through
//! [`advisor::logscan`] when it is large and looks like an error log, and map the report's line
//! numbers back to the real file.
//!
//! An input is streamed when its first [`STREAM_THRESHOLD`] bytes fill up (the file or pipe is at
//! least that large) and its first 64 KiB are mostly error-log lines
//! ([`logscan::looks_like_error_log`]). Only the scanner's kept lines reach the analysis (as an
//! excerpt input); memory stays bounded whatever the input's size: the threshold's buffer, one
//! 1 MiB read buffer and the scanner's own bound ([`logscan::Limits::memory_bound`]).

use advisor::i18n::k;
use advisor::logscan::{self, STREAM_THRESHOLD, Scanner, Timeline};
use advisor::{Input, Lang, Report};
use std::io::{self, IsTerminal, Read, Write};
use std::time::{Duration, Instant};

/// Bytes of the head sniffed by [`logscan::looks_like_error_log`].
const SNIFF: usize = 64 << 10;
/// Bytes per read once streaming.
const CHUNK: usize = 1 << 20;

/// One input as read: whole, or streamed through the scanner.
pub enum Content {
    /// Small, or not an error log: the bytes, for the core to decode.
    Whole(Vec<u8>),
    /// A large error log: what the scanner kept.
    Streamed(Timeline),
}

/// Reads `r` (named `name`; `size` when known, for the progress line): whole below
/// [`STREAM_THRESHOLD`] or when the head does not look like an error log, streamed otherwise.
pub fn read(mut r: impl Read, name: &str, size: Option<u64>, lang: Lang) -> io::Result<Content> {
    let threshold = usize::try_from(STREAM_THRESHOLD).unwrap_or(usize::MAX);
    let mut buf = Vec::new();
    (&mut r).take(STREAM_THRESHOLD).read_to_end(&mut buf)?;
    let head = buf.get(..SNIFF.min(buf.len())).unwrap_or(&[]);
    if buf.len() < threshold || !logscan::looks_like_error_log(head) {
        r.read_to_end(&mut buf)?;
        return Ok(Content::Whole(buf));
    }
    let mut progress = Progress::new(name, size, lang);
    let mut sc = Scanner::new();
    sc.feed(&buf);
    drop(buf);
    progress.update(sc.bytes_fed());
    let mut chunk = vec![0u8; CHUNK];
    loop {
        match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                sc.feed(chunk.get(..n).unwrap_or(&[]));
                progress.update(sc.bytes_fed());
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                progress.clear();
                return Err(e);
            }
        }
    }
    progress.clear();
    Ok(Content::Streamed(sc.finish()))
}

/// A progress line on stderr, drawn only when stderr is a terminal and the total is known, at most
/// ten times a second.
struct Progress {
    on: bool,
    drawn: bool,
    name: String,
    total: u64,
    lang: Lang,
    last: Option<Instant>,
}

impl Progress {
    fn new(name: &str, size: Option<u64>, lang: Lang) -> Progress {
        let on = size.is_some() && io::stderr().is_terminal();
        Progress { on, drawn: false, name: name.to_owned(), total: size.unwrap_or(0), lang, last: None }
    }

    fn update(&mut self, done: u64) {
        if !self.on || self.last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) {
            return;
        }
        self.last = Some(Instant::now());
        let percent = (done.min(self.total) * 100).checked_div(self.total).unwrap_or(100);
        let msg = self.lang.fmt(
            k::LOGSCAN_PROGRESS,
            &[
                ("done", &logscan::format_bytes(done)),
                ("total", &logscan::format_bytes(self.total)),
                ("percent", &percent.to_string()),
            ],
        );
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{}: {msg}", self.name);
        let _ = err.flush();
        self.drawn = true;
    }

    fn clear(&mut self) {
        if self.drawn {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

/// A streamed input's place in the report: its index, its name as given, and the scan.
pub struct Streamed {
    pub input: usize,
    pub name: String,
    pub timeline: Timeline,
}

impl Streamed {
    /// The excerpt input for the analysis, and what maps its lines back to the file's.
    pub fn new(input: usize, timeline: Timeline, name: &str, lang: Lang) -> (Input, Streamed) {
        let input_value = timeline.to_input(timeline.excerpt_name(name, lang));
        (input_value, Streamed { input, name: name.to_owned(), timeline })
    }
}

/// Rewrites `report` for the streamed inputs: evidence and documents get the real files' line
/// numbers ([`logscan::remap_excerpt_lines`]), and each scan's summary and notes go first in
/// `report.notes`.
pub fn apply(report: &mut Report, streamed: &[Streamed]) {
    if streamed.is_empty() {
        return;
    }
    let lang = report.lang;
    for s in streamed {
        let lines: Vec<u64> = s.timeline.events.iter().map(|e| e.line).collect();
        logscan::remap_excerpt_lines(report, s.input, &s.timeline.to_log_excerpt(), &lines);
    }
    let mut notes = Vec::new();
    for s in streamed {
        let name = &s.name;
        notes.push(format!("{name}: {}", s.timeline.summary(lang)));
        notes.extend(s.timeline.notes(lang).into_iter().map(|n| format!("{name}: {n}")));
    }
    notes.append(&mut report.notes);
    report.notes = notes;
}

#[cfg(test)]
mod tests {
    use super::*;
    use advisor::Evidence;
    use advisor::text::TextRange;

    const NOISE: &str = "2024-05-01T10:00:00.000000Z 0 [Warning] [MY-010055] [Server] IP address '10.0.0.9' could not be resolved: Name or service not known\n";
    const CLONE: &str = "2024-05-01T10:04:14.000000Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n";

    #[test]
    fn small_inputs_are_read_whole() {
        let text = format!("{NOISE}{CLONE}");
        match read(text.as_bytes(), "x", None, Lang::En).unwrap() {
            Content::Whole(b) => assert_eq!(b, text.as_bytes()),
            Content::Streamed(_) => panic!("streamed a small input"),
        }
    }

    #[test]
    fn large_non_logs_are_read_whole() {
        let text = "[mysqld]\nserver_id = 1\n".repeat((STREAM_THRESHOLD as usize / 24) + 10);
        match read(text.as_bytes(), "x", None, Lang::En).unwrap() {
            Content::Whole(b) => assert_eq!(b.len(), text.len()),
            Content::Streamed(_) => panic!("streamed an option file"),
        }
    }

    #[test]
    fn large_logs_stream_and_lines_map_back() {
        let noise_lines = STREAM_THRESHOLD as usize / NOISE.len() + 1000;
        let mut text = NOISE.repeat(noise_lines);
        text.push_str(CLONE);
        text.push_str(&NOISE.repeat(10));
        let Content::Streamed(tl) = read(text.as_bytes(), "big.log", None, Lang::En).unwrap() else {
            panic!("not streamed")
        };
        let clone_line = noise_lines as u32 + 1;
        assert_eq!(tl.lines, noise_lines as u64 + 11);
        let (input, s) = Streamed::new(0, tl, "big.log", Lang::En);
        let mut report = advisor::analyze(&[input]);
        apply(&mut report, &[s]);
        let f = report.findings.iter().find(|f| f.rule == "clone-restart-failed").expect("clone finding");
        assert!(f.evidence.iter().any(|e| e.line_start == clone_line && e.excerpt.contains("MY-013462")));
        assert!(report.notes.first().is_some_and(|n| n.starts_with("big.log: Scanned")));
    }

    #[test]
    fn evidence_over_lines_apart_in_the_file_is_split() {
        let mut text = NOISE.repeat(STREAM_THRESHOLD as usize / NOISE.len() + 10);
        text.push_str(CLONE);
        text.push_str(&NOISE.repeat(5));
        text.push_str(CLONE);
        text.push_str(CLONE);
        let Content::Streamed(tl) = read(text.as_bytes(), "big.log", None, Lang::En).unwrap() else {
            panic!("not streamed")
        };
        let total = tl.lines as u32;
        let excerpt = tl.to_log_excerpt();
        let lines: Vec<u64> = tl.events.iter().map(|e| e.line).collect();
        let e = Evidence {
            input: 0,
            input_name: "x".into(),
            range: TextRange::new(3, excerpt.len() as u32 - 1),
            line_start: 1,
            line_end: 3,
            excerpt: excerpt.trim_end_matches('\n').to_owned(),
            label: "here".into(),
        };
        let (input, _) = Streamed::new(0, tl, "big.log", Lang::En);
        let mut report = advisor::analyze(&[input]);
        report.findings.truncate(1);
        report.findings[0].evidence = vec![e];
        logscan::remap_excerpt_lines(&mut report, 0, &excerpt, &lines);
        let pieces = &report.findings[0].evidence;
        assert_eq!(pieces.len(), 2);
        assert_eq!((pieces[0].line_start, pieces[0].line_end), (total - 7, total - 7));
        assert_eq!((pieces[1].line_start, pieces[1].line_end), (total - 1, total));
        assert_eq!(pieces[0].range.start, 3);
        assert_eq!(&excerpt[pieces[1].range.start as usize..][..4], "2024");
        assert_eq!(pieces[1].excerpt.lines().count(), 2);
        assert!(pieces.iter().all(|p| p.label == "here"));
    }
}
