//! One input prepared for analysis: its text, lines and line index.

use crate::text::{self, Line, LineIndex, TextRange};

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
}

impl<'a> Source<'a> {
    pub fn new(index: usize, name: &'a str, text: &'a str) -> Source<'a> {
        Source { index, name, text, lines: text::split_lines(text), index_map: LineIndex::new(text) }
    }
    /// The text of line `i` (0-based index into `lines`).
    pub fn line(&self, i: usize) -> &'a str {
        let line = self.lines.get(i).map(|l| text::slice(self.text, l.range)).unwrap_or("");
        crate::fuzzing::tick(line.len());
        line
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
        TextRange::new(self.lines[start].range.start, self.lines[last].range.end)
    }
    /// The range of `sub`, which must be a sub-slice of line `i`'s text.
    pub fn range_in_line(&self, i: usize, sub: &str) -> TextRange {
        let line = self.line(i);
        let start = self.lines.get(i).map(|l| l.range.start).unwrap_or(0);
        text::subslice_range(line, sub, start)
    }
}
