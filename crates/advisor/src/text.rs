//! Text primitives: byte ranges, line splitting, line/column lookup and lossy decoding.
//!
//! **Invariant:** every range is a `u32` byte range into the decoded text of one [`crate::Input`];
//! line and column numbers are computed on demand from a [`LineIndex`].

use serde::Serialize;

/// A half-open byte range `start..end` into an input's text. May be empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TextRange {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl TextRange {
    /// A range from `start` to `end`. `end` is clamped to be at least `start`.
    pub fn new(start: u32, end: u32) -> TextRange {
        TextRange { start, end: end.max(start) }
    }
    /// An empty range at `offset`.
    pub fn empty(offset: u32) -> TextRange {
        TextRange { start: offset, end: offset }
    }
    /// Length in bytes.
    pub fn len(self) -> u32 {
        self.end - self.start
    }
    /// True when the range is empty.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
    /// The range as `usize` bounds, for slicing.
    pub fn to_usize(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// A sub-range given relative to this range's start.
    pub fn sub(self, rel_start: usize, rel_end: usize) -> TextRange {
        let s = self.start.saturating_add(rel_start as u32).min(self.end);
        let e = self.start.saturating_add(rel_end as u32).min(self.end).max(s);
        TextRange { start: s, end: e }
    }
}

/// One line of an input: its content range (without the line terminator) and 1-based number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line's content, without `\n` or `\r\n`.
    pub range: TextRange,
    /// The content plus the terminator (if any).
    pub full: TextRange,
    /// 1-based line number within its input.
    pub number: u32,
}

/// Splits `text` into lines. `\n` and `\r\n` end a line; a final line without terminator is kept;
/// an empty text has no lines. Linear time.
pub fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0usize;
    let mut number = 1u32;
    while start < bytes.len() {
        let nl = memchr_nl(&bytes[start..]).map(|i| start + i);
        let (content_end, full_end) = match nl {
            Some(i) => {
                let ce = if i > start && bytes[i - 1] == b'\r' { i - 1 } else { i };
                (ce, i + 1)
            }
            None => (bytes.len(), bytes.len()),
        };
        lines.push(Line {
            range: TextRange::new(start as u32, content_end as u32),
            full: TextRange::new(start as u32, full_end as u32),
            number,
        });
        number = number.saturating_add(1);
        start = full_end;
    }
    lines
}

fn memchr_nl(hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == b'\n')
}

/// Maps byte offsets to 1-based line and column numbers (columns in bytes).
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0u32];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { starts }
    }
    /// 1-based line number of `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    /// 1-based (line, column) of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts[(line - 1) as usize];
        (line, offset - start + 1)
    }
    /// Byte offset where 1-based `line` starts (clamped).
    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line.max(1) - 1) as usize;
        *self.starts.get(i).unwrap_or_else(|| self.starts.last().expect("never empty"))
    }
    /// Number of lines (a text without a trailing newline still counts its last line).
    pub fn len(&self) -> usize {
        self.starts.len()
    }
    /// Always false: an index has at least one line start.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Decodes bytes for analysis: strips a UTF-8 BOM and replaces invalid UTF-8 sequences with U+FFFD.
/// Returns the text and whether anything had to be replaced.
pub fn decode_lossy(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

/// Returns `s[range]`, or `""` when the range is out of bounds or not on char boundaries.
pub fn slice(s: &str, range: TextRange) -> &str {
    s.get(range.to_usize()).unwrap_or("")
}

/// The range of `inner` within `outer`, when `inner` is a sub-slice of `outer`
/// (pointer arithmetic; no search).
pub fn subslice_range(outer: &str, inner: &str, outer_start: u32) -> TextRange {
    let o = outer.as_ptr() as usize;
    let i = inner.as_ptr() as usize;
    if i < o || i + inner.len() > o + outer.len() {
        return TextRange::empty(outer_start);
    }
    let s = (i - o) as u32 + outer_start;
    TextRange::new(s, s + inner.len() as u32)
}

/// `str::trim`, `trim_start` and `trim_end` with the same result, faster on the usual ASCII
/// text: leading and trailing ASCII whitespace is skipped byte by byte, and only when a non-ASCII
/// byte is left at an end does the Unicode-aware trim run (for U+00A0, U+3000 and the like).
/// The parsers trim every line several times; this took ~15 % of `analyze` on a long transcript.
pub(crate) trait TrimWs {
    /// Same as `str::trim`.
    fn trim_ws(&self) -> &str;
    /// Same as `str::trim_start`.
    fn trim_start_ws(&self) -> &str;
    /// Same as `str::trim_end`.
    fn trim_end_ws(&self) -> &str;
}

/// `char::is_whitespace` for ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
fn ascii_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

impl TrimWs for str {
    fn trim_ws(&self) -> &str {
        self.trim_start_ws().trim_end_ws()
    }

    fn trim_start_ws(&self) -> &str {
        let start = self.bytes().position(|b| !ascii_ws(b)).unwrap_or(self.len());
        let t = &self[start..];
        if t.as_bytes().first().is_some_and(|&b| b >= 0x80) { t.trim_start() } else { t }
    }

    fn trim_end_ws(&self) -> &str {
        let end = self.bytes().rposition(|b| !ascii_ws(b)).map_or(0, |i| i + 1);
        let t = &self[..end];
        if t.as_bytes().last().is_some_and(|&b| b >= 0x80) { t.trim_end() } else { t }
    }
}

/// The byte offset of `needle` in `hay`, ASCII case-insensitive.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..=h.len() - n.len()).find(|&i| hay.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The text after `needle` (ASCII case-insensitive).
pub(crate) fn after_ci<'a>(hay: &'a str, needle: &str) -> Option<&'a str> {
    let i = find_ci(hay, needle)?;
    hay.get(i + needle.len()..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_handle_crlf_and_missing_final_newline() {
        let t = "a\r\nbb\nccc";
        let l = split_lines(t);
        assert_eq!(l.len(), 3);
        assert_eq!(slice(t, l[0].range), "a");
        assert_eq!(slice(t, l[1].range), "bb");
        assert_eq!(slice(t, l[2].range), "ccc");
        assert_eq!(l[2].number, 3);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn line_index_maps_offsets() {
        let idx = LineIndex::new("ab\ncd\n");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(4), (2, 2));
        assert_eq!(idx.line_start(2), 3);
    }

    #[test]
    fn decode_strips_bom_and_flags_invalid() {
        assert_eq!(decode_lossy(b"\xEF\xBB\xBFx"), ("x".to_owned(), false));
        let (s, lossy) = decode_lossy(b"a\xffb");
        assert!(lossy);
        assert_eq!(s, "a\u{FFFD}b");
    }
}

#[cfg(test)]
mod trim_tests {
    use super::TrimWs;
    use proptest::prelude::*;

    #[test]
    fn agrees_with_std_on_edge_cases() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\t\n\x0b\x0c\r a b \r\n",
            "\u{a0}x\u{3000}",
            " \u{85}y\u{2028} ",
            "中文 ",
            "\u{a0}",
            " \u{3000} ",
        ] {
            assert_eq!(s.trim_ws(), s.trim(), "{s:?}");
            assert_eq!(s.trim_start_ws(), s.trim_start(), "{s:?}");
            assert_eq!(s.trim_end_ws(), s.trim_end(), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_std(s in "[ \\t\\n\\r\\x0b\\x0ca中\u{a0}\u{3000}\u{85}]{0,12}") {
            prop_assert_eq!(s.trim_ws(), s.trim());
            prop_assert_eq!(s.trim_start_ws(), s.trim_start());
            prop_assert_eq!(s.trim_end_ws(), s.trim_end());
        }
    }
}

/// Shared, immutable text: names and values repeated many times (option names, group names,
/// `ON`) are held once per distinct string (issue 18: 800,000 repeated `[mysqld]` groups).
pub(crate) type Shared = std::rc::Rc<str>;

/// Hands out one [`Shared`] per distinct string (the core is single-threaded).
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner(std::collections::HashSet<Shared>);

impl Interner {
    /// The shared copy of `s`, made on first use.
    pub fn get(&mut self, s: &str) -> Shared {
        if let Some(x) = self.0.get(s) {
            return x.clone();
        }
        let x: Shared = s.into();
        self.0.insert(x.clone());
        x
    }
}
