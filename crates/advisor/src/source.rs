//! The inputs: [`Input`] as a front end gives it, and [`Source`], one input prepared for analysis
//! (its text, lines and line index).

use crate::text::{self, Line, LineIndex, TextRange};
use std::cell::Cell;

/// One piece of text to analyse: a pasted block, a file, a dropped file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    name: String,
    text: String,
    lossy: bool,
}

impl Input {
    /// An input from text. A leading byte-order mark is removed.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Input {
        let mut text = text.into();
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        Input { name: name.into(), text, lossy: false }
    }

    /// An input from raw bytes: a BOM is removed and invalid UTF-8 is replaced (U+FFFD); the report
    /// then carries a note saying so.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Input {
        let (text, lossy) = text::decode_lossy(bytes);
        Input { name: name.into(), text, lossy }
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The (decoded) text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when invalid UTF-8 was replaced while decoding.
    pub fn was_lossy(&self) -> bool {
        self.lossy
    }
}

/// An input with its lines split, shared by every parser.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    /// Index of the input in the `analyze` call.
    pub index: usize,
    /// The input's name (a file name, or "input 1").
    pub name: &'a str,
    /// The decoded text.
    pub text: &'a str,
    /// Its lines.
    pub lines: Vec<Line>,
    /// Offset → line/column.
    pub index_map: LineIndex,
    /// Where its secrets are (sorted, disjoint byte ranges): every excerpt is masked by these.
    pub secrets: Vec<std::ops::Range<usize>>,
    /// Each line's prompt command (`syntax::prompt::at`), computed once on first use: the
    /// splitter and three fact scans ask it of every line.
    pub prompts: std::cell::OnceCell<Vec<Option<TextRange>>>,
    /// The highest line index handed out by [`Source::line`] and [`Source::lines_range`]: how far
    /// the splitter and its recognisers have read, so that a re-analysis knows which of the last
    /// run's documents no edit after that line can change (`crate::Analyzer`).
    pub reach: Cell<usize>,
}

impl<'a> Source<'a> {
    pub fn new(index: usize, name: &'a str, text: &'a str) -> Source<'a> {
        Source::with_secrets(index, name, text, crate::redact::spans(text))
    }
    /// A source whose secrets (`redact::spans(text)`) are already known.
    pub fn with_secrets(
        index: usize,
        name: &'a str,
        text: &'a str,
        secrets: Vec<std::ops::Range<usize>>,
    ) -> Source<'a> {
        Source {
            index,
            name,
            text,
            lines: text::split_lines(text),
            index_map: LineIndex::new(text),
            secrets,
            prompts: std::cell::OnceCell::new(),
            reach: Cell::new(0),
        }
    }
    /// The text of line `i` (0-based index into `lines`).
    pub fn line(&self, i: usize) -> &'a str {
        self.reached(i);
        let line = self.lines.get(i).map(|l| text::slice(self.text, l.range)).unwrap_or("");
        tick(line.len());
        line
    }
    /// Records that line `i` was read.
    #[inline]
    fn reached(&self, i: usize) {
        if i > self.reach.get() {
            self.reach.set(i);
        }
    }
    /// The text of a range.
    pub fn slice(&self, r: TextRange) -> &'a str {
        text::slice(self.text, r)
    }
    /// The byte range covering lines `start..end` (0-based, exclusive end), without the final terminator.
    pub fn lines_range(&self, start: usize, end: usize) -> TextRange {
        if start >= end || start >= self.lines.len() {
            let at = self.lines.get(start).map(|l| l.range.start).unwrap_or(self.text.len() as u32);
            return TextRange::empty(at);
        }
        let last = end.min(self.lines.len()) - 1;
        self.reached(last);
        TextRange::new(self.lines[start].range.start, self.lines[last].range.end)
    }
    /// The range of `sub`, which must be a sub-slice of line `i`'s text.
    pub fn range_in_line(&self, i: usize, sub: &str) -> TextRange {
        let line = self.line(i);
        let start = self.lines.get(i).map(|l| l.range.start).unwrap_or(0);
        text::subslice_range(line, sub, start)
    }
}

thread_local! {
    static LINES: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

/// Records that a parser asked for a line of `len` bytes (called by [`Source::line`], and by the
/// launch model for each script statement it reads); the fuzz targets and
/// the hostile-input tests read the count through `fuzzing::work`.
#[inline]
pub(crate) fn tick(len: usize) {
    LINES.with(|c| c.set(c.get().wrapping_add(1)));
    BYTES.with(|c| c.set(c.get().wrapping_add(len as u64)));
}

/// Work done on this thread since the last [`reset_work`]: `(lines, bytes)` handed to parsers.
pub fn work() -> (u64, u64) {
    (LINES.with(Cell::get), BYTES.with(Cell::get))
}

/// Resets this thread's work counters.
pub fn reset_work() {
    LINES.with(|c| c.set(0));
    BYTES.with(|c| c.set(0));
}
