//! Large error logs: read an input whole when it is small, stream it through
//! [`advisor::logscan`] when it is large and looks like an error log, and map the report's line
//! numbers back to the real file.
//!
//! An input is streamed when its first [`STREAM_THRESHOLD`] bytes fill up (the file or pipe is at
//! least that large) and its first 64 KiB are mostly error-log lines
//! ([`logscan::looks_like_error_log`]). Only the scanner's kept lines reach the analysis (as an
//! excerpt input); memory stays bounded whatever the input's size: the threshold's buffer, one
//! 1 MiB read buffer and the scanner's own bound ([`logscan::Limits::memory_bound`]).
//!
//! An input that starts with the gzip magic bytes (`1f 8b`, whatever its name) is decompressed
//! while it is read ([`flate2::read::MultiGzDecoder`]: rotated logs are sometimes several members
//! concatenated) and then treated like a plain input by its decompressed bytes. Its decompressed
//! size is never trusted: a gzip input is held whole only below the threshold, and anything larger
//! is streamed (even when its head is not an error log), so a gzip bomb costs time, not memory. A
//! corrupt or cut-short stream ends the read with a note ([`Loaded::note`]); what was decompressed
//! before the error is analysed. Only when nothing could be decompressed is it an unreadable input.

use advisor::i18n::k;
use advisor::logscan::{self, STREAM_THRESHOLD, Scanner, Timeline};
use advisor::{Input, Lang, Report};
use flate2::read::MultiGzDecoder;
use std::cell::Cell;
use std::io::{self, IsTerminal, Read, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Bytes of the head sniffed by [`logscan::looks_like_error_log`].
const SNIFF: usize = 64 << 10;
/// Bytes per read once streaming.
const CHUNK: usize = 1 << 20;
/// The first two bytes of every gzip member (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// One input as read: whole, or streamed through the scanner.
pub enum Content {
    /// Small, or not an error log: the bytes, for the core to decode.
    Whole(Vec<u8>),
    /// A large error log: what the scanner kept.
    Streamed(Timeline),
}

/// One input as read, and what the report should say about the reading.
pub struct Loaded {
    pub content: Content,
    /// Set when a gzip stream was corrupt or cut short: the note for the report.
    pub note: Option<String>,
}

/// What the source reader saw, shared with the reading loop through the decoder: the bytes it
/// gave (for the progress line, which counts the file's bytes, not the decompressed ones) and
/// whether it failed (an I/O error, as opposed to a corrupt gzip stream).
#[derive(Default)]
struct Tally {
    raw: Cell<u64>,
    failed: Cell<bool>,
}

/// The source reader, counting into a [`Tally`].
struct Tallied<R> {
    inner: R,
    tally: Rc<Tally>,
}

impl<R: Read> Read for Tallied<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.tally.raw.set(self.tally.raw.get() + n as u64);
                Ok(n)
            }
            Err(e) => {
                if e.kind() != io::ErrorKind::Interrupted {
                    self.tally.failed.set(true);
                }
                Err(e)
            }
        }
    }
}

/// Reads `r` (named `name`; `size` when known, for the progress line): whole below
/// [`STREAM_THRESHOLD`] or when the head does not look like an error log, streamed otherwise;
/// decompressed first when it starts with the gzip magic bytes.
pub fn read(r: impl Read, name: &str, size: Option<u64>, lang: Lang) -> io::Result<Loaded> {
    let threshold = usize::try_from(STREAM_THRESHOLD).unwrap_or(usize::MAX);
    read_with(r, name, size, lang, threshold)
}

/// [`read`] with the threshold as a parameter (the tests use a small one).
fn read_with(
    mut r: impl Read,
    name: &str,
    size: Option<u64>,
    lang: Lang,
    threshold: usize,
) -> io::Result<Loaded> {
    // Peek at the magic without losing it: the two bytes go back in front of the rest.
    let mut magic = Vec::with_capacity(2);
    (&mut r).take(2).read_to_end(&mut magic)?;
    let tally = Rc::new(Tally::default());
    let gzip = magic == GZIP_MAGIC;
    let source = Tallied { inner: io::Cursor::new(magic).chain(r), tally: Rc::clone(&tally) };
    let reading = Reading { name, size, lang, threshold, gzip, tally: &tally };
    if gzip { reading.run(MultiGzDecoder::new(source)) } else { reading.run(source) }
}

/// One input being read.
struct Reading<'a> {
    name: &'a str,
    size: Option<u64>,
    lang: Lang,
    threshold: usize,
    gzip: bool,
    tally: &'a Tally,
}

impl Reading<'_> {
    /// A read error: a corrupt gzip stream (`Ok`, the read stops there) or an I/O error (`Err`).
    fn corrupt(&self, e: io::Error) -> io::Result<()> {
        if self.gzip && !self.tally.failed.get() { Ok(()) } else { Err(e) }
    }

    fn note(&self, corrupt: bool, decompressed: u64) -> Option<String> {
        corrupt.then(|| {
            self.lang
                .fmt(k::GZIP_CORRUPT, &[("name", self.name), ("size", &logscan::format_bytes(decompressed))])
        })
    }

    fn run(&self, mut r: impl Read) -> io::Result<Loaded> {
        let mut buf = Vec::new();
        // On an error `read_to_end` keeps what it read: a cut-short gzip keeps its decompressed head.
        let mut corrupt = false;
        if let Err(e) = (&mut r).take(self.threshold as u64).read_to_end(&mut buf) {
            self.corrupt(e)?;
            corrupt = true;
        }
        if corrupt && buf.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidData, self.lang.t(k::GZIP_NOT_GZIP)));
        }
        let full = buf.len() >= self.threshold;
        let head = buf.get(..SNIFF.min(buf.len())).unwrap_or(&[]);
        // A decompressed input is never held whole above the threshold (a gzip bomb streams).
        if !full || (!self.gzip && !logscan::looks_like_error_log(head)) {
            if full {
                r.read_to_end(&mut buf)?;
            }
            let note = self.note(corrupt, buf.len() as u64);
            return Ok(Loaded { content: Content::Whole(buf), note });
        }
        let mut progress = Progress::new(self.name, self.size, self.lang);
        let mut sc = Scanner::new();
        sc.feed(&buf);
        drop(buf);
        progress.update(self.tally.raw.get());
        let mut chunk = vec![0u8; CHUNK];
        loop {
            match r.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => {
                    sc.feed(chunk.get(..n).unwrap_or(&[]));
                    progress.update(self.tally.raw.get());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    progress.clear();
                    self.corrupt(e)?;
                    corrupt = true;
                    break;
                }
            }
        }
        progress.clear();
        let note = self.note(corrupt, sc.bytes_fed());
        Ok(Loaded { content: Content::Streamed(sc.finish()), note })
    }
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
        Progress {
            on,
            drawn: false,
            name: crate::args::shown(name),
            total: size.unwrap_or(0),
            lang,
            last: None,
        }
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

/// Rewrites `report` for the streamed inputs: each is described as the real file — evidence and
/// documents with its line numbers and byte offsets, `inputs[]` with its size and the excerpt's
/// ([`Timeline::remap_report`]) —, and each scan's summary and notes go first in `report.notes`.
pub fn apply(report: &mut Report, streamed: &[Streamed]) {
    if streamed.is_empty() {
        return;
    }
    let lang = report.lang;
    for s in streamed {
        s.timeline.remap_report(report, s.input);
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
        match read(text.as_bytes(), "x", None, Lang::En).unwrap().content {
            Content::Whole(b) => assert_eq!(b, text.as_bytes()),
            Content::Streamed(_) => panic!("streamed a small input"),
        }
    }

    #[test]
    fn large_non_logs_are_read_whole() {
        let text = "[mysqld]\nserver_id = 1\n".repeat((STREAM_THRESHOLD as usize / 24) + 10);
        match read(text.as_bytes(), "x", None, Lang::En).unwrap().content {
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
        let Content::Streamed(tl) = read(text.as_bytes(), "big.log", None, Lang::En).unwrap().content else {
            panic!("not streamed")
        };
        let clone_line = noise_lines as u32 + 1;
        assert_eq!(tl.lines, noise_lines as u64 + 11);
        let (input, s) = Streamed::new(0, tl, "big.log", Lang::En);
        let mut report = advisor::analyze(&[input]);
        apply(&mut report, &[s]);
        let f = report.findings.iter().find(|f| f.rule == "clone-restart-failed").expect("clone finding");
        let e = f.evidence.iter().find(|e| e.excerpt.contains("MY-013462")).expect("clone evidence");
        assert_eq!(e.line_start, clone_line);
        // Its range is the file's bytes of that line; the input is the file.
        let at = NOISE.len() * noise_lines;
        assert_eq!(&text[e.range.start as usize..e.range.end as usize], CLONE.trim_end());
        assert_eq!(e.range.start as usize, at);
        let info = &report.inputs[0];
        assert_eq!((info.bytes, info.lines), (text.len() as u64, clone_line + 10));
        assert!(info.excerpt_bytes.is_some_and(|b| b < 64 << 10));
        assert!(report.notes.first().is_some_and(|n| n.starts_with("big.log: Scanned")));
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn whole(l: Loaded) -> Vec<u8> {
        match l.content {
            Content::Whole(b) => b,
            Content::Streamed(_) => panic!("streamed"),
        }
    }

    #[test]
    fn gzip_is_recognised_by_its_magic_and_decompressed() {
        let text = format!("{NOISE}{CLONE}");
        let l = read(&gz(text.as_bytes())[..], "x.log", None, Lang::En).unwrap();
        assert!(l.note.is_none());
        assert_eq!(whole(l), text.as_bytes());
        // Several members, one after the other (`cat a.gz b.gz`).
        let two = [gz(NOISE.as_bytes()), gz(CLONE.as_bytes())].concat();
        assert_eq!(whole(read(&two[..], "x", None, Lang::En).unwrap()), text.as_bytes());
        // Not gzip: bytes as they are, short ones too.
        for plain in [&b""[..], b"\x1f", b"\x1f\x8c", NOISE.as_bytes()] {
            assert_eq!(whole(read(plain, "x.gz", None, Lang::En).unwrap()), plain);
        }
    }

    #[test]
    fn a_gzip_input_is_never_held_whole_above_the_threshold() {
        // A small bomb: 16 MiB of zeros (16 KiB compressed), with a 64 KiB threshold.
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..16 {
            e.write_all(&zeros).unwrap();
        }
        let bomb = e.finish().unwrap();
        assert!(bomb.len() < 64 << 10);
        let l = read_with(&bomb[..], "bomb.gz", None, Lang::En, 64 << 10).unwrap();
        let Content::Streamed(tl) = l.content else { panic!("held whole") };
        assert_eq!(tl.bytes, 16 << 20);
        assert!(l.note.is_none());
        // Just below the threshold: whole; at it: streamed, though it is no error log.
        let text = "[mysqld]\n".repeat(100);
        let l = read_with(&gz(text.as_bytes())[..], "x", None, Lang::En, text.len() + 1).unwrap();
        assert_eq!(whole(l).len(), text.len());
        let l = read_with(&gz(text.as_bytes())[..], "x", None, Lang::En, text.len()).unwrap();
        assert!(matches!(l.content, Content::Streamed(_)));
    }

    #[test]
    fn a_cut_short_gzip_keeps_what_came_before_with_a_note() {
        let text = format!("{CLONE}{}", NOISE.repeat(2000));
        let z = gz(text.as_bytes());
        let cut = &z[..z.len() / 2];
        let l = read(cut, "x.gz", None, Lang::En).unwrap();
        let note = l.note.clone().expect("a note");
        assert!(note.starts_with("x.gz: the gzip stream is corrupt or cut short"), "{note}");
        let b = whole(l);
        assert!(!b.is_empty() && text.as_bytes().starts_with(&b));
        // Streamed the same way (a small threshold).
        let l = read_with(cut, "x.gz", None, Lang::En, 4096).unwrap();
        assert!(l.note.is_some());
        let Content::Streamed(tl) = l.content else { panic!("not streamed") };
        assert!(tl.events.iter().any(|e| e.text.contains("MY-013462")));
        // A bad checksum: everything decompressed, then the note.
        let mut bad = z.clone();
        let at = bad.len() - 8;
        bad[at] ^= 0xff;
        let l = read(&bad[..], "x.gz", None, Lang::En).unwrap();
        assert!(l.note.is_some());
        assert_eq!(whole(l), text.as_bytes());
    }

    #[test]
    fn garbage_after_the_magic_is_unreadable_and_io_errors_stay_errors() {
        let e = read(&b"\x1f\x8bnot really gzip at all"[..], "x", None, Lang::En).err().expect("an error");
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("gzip"), "{e}");
        // An I/O error of the source is not a corrupt stream.
        struct Failing(Vec<u8>);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() {
                    return Err(io::Error::other("disk on fire"));
                }
                let n = buf.len().min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0.drain(..n);
                Ok(n)
            }
        }
        let z = gz(NOISE.repeat(100).as_bytes());
        let e = read(Failing(z[..z.len() / 2].to_vec()), "x", None, Lang::En).err().expect("an error");
        assert_eq!(e.to_string(), "disk on fire");
    }

    #[test]
    fn evidence_over_lines_apart_in_the_file_is_split() {
        let mut text = NOISE.repeat(STREAM_THRESHOLD as usize / NOISE.len() + 10);
        text.push_str(CLONE);
        text.push_str(&NOISE.repeat(5));
        text.push_str(CLONE);
        text.push_str(CLONE);
        let Content::Streamed(tl) = read(text.as_bytes(), "big.log", None, Lang::En).unwrap().content else {
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
