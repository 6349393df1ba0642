//! The second line of defence: a value once found as a secret is masked wherever else it appears
//! — the server echoing it (`near 'S3cret' at line 1`), a file named after it, a label, a fix.
//!
//! Each value is looked for as written and as the program reading it would see it (backslash
//! escapes and SQL's doubled quotes undone, shell quotes removed, `%XX` decoded), as a whole word:
//! `S3cret` is masked in `'S3cret'` and `x=S3cret.cnf`, not inside `S3crets`. Values shorter than
//! [`MIN_CHARS`] are masked only where they were found (three characters occur by chance in any
//! text); on hostile inputs only the first [`MAX_BYTES`] of values are looked for elsewhere.
//! One Aho–Corasick automaton (BurntSushi's `aho-corasick`) finds them all in one pass.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

/// Shortest value (in characters) masked wherever it appears.
const MIN_CHARS: usize = 4;
/// Most bytes of values looked for elsewhere.
const MAX_BYTES: usize = 256 * 1024;

/// The secret values of an analysis, to mask wherever they appear.
#[derive(Default)]
pub(crate) struct Values {
    ac: Option<AhoCorasick>,
}

impl Values {
    /// The values `found` (texts of secret places), with their decoded forms.
    pub fn new<'a>(found: impl IntoIterator<Item = &'a str>) -> Values {
        let mut seen: HashSet<String> = HashSet::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut bytes = 0;
        'all: for v in found {
            for w in variants(v) {
                if w.chars().count() < MIN_CHARS || w.bytes().all(|c| c == b'*') || seen.contains(&w) {
                    continue;
                }
                if bytes + w.len() > MAX_BYTES {
                    break 'all;
                }
                bytes += w.len();
                seen.insert(w.clone());
                patterns.push(w);
            }
        }
        if patterns.is_empty() {
            return Values::default();
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        Values { ac }
    }

    /// The values at `spans` of `text`.
    pub fn of(text: &str, spans: &[Range<usize>]) -> Values {
        Values::new(super::values_of(text, spans))
    }

    /// True when there is nothing to look for.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.ac.is_none()
    }

    /// Pushes the places of every value in `hay` (whole words only) onto `out`.
    pub fn find(&self, hay: &str, out: &mut Vec<Range<usize>>) {
        let Some(ac) = &self.ac else { return };
        for m in ac.find_iter(hay) {
            let (s, e) = (m.start(), m.end());
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let first = hay[s..e].chars().next();
            let last = hay[s..e].chars().next_back();
            if alnum(first) && alnum(hay[..s].chars().next_back()) {
                continue;
            }
            if alnum(last) && alnum(hay[e..].chars().next()) {
                continue;
            }
            out.push(s..e);
        }
    }

    /// `s` with every value masked.
    pub fn mask<'t>(&self, s: &'t str) -> Cow<'t, str> {
        let mut found = Vec::new();
        self.find(s, &mut found);
        super::apply(s, &found)
    }
}

/// `v` and the forms a program would read it in.
fn variants(v: &str) -> Vec<String> {
    let v = v.trim();
    let mut out = vec![v.to_owned()];
    if v.contains('\\') {
        let mut u = String::with_capacity(v.len());
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                if let Some(d) = it.next() {
                    u.push(d);
                }
            } else {
                u.push(c);
            }
        }
        out.push(u);
    }
    if v.contains("''") || v.contains("\"\"") {
        out.push(v.replace("''", "'").replace("\"\"", "\""));
    }
    if v.contains(['\'', '"']) {
        out.push(v.replace(['\'', '"'], ""));
    }
    if v.contains('%') {
        out.push(percent_decode(v));
    }
    out
}

/// `%XX` sequences decoded (invalid UTF-8 replaced).
fn percent_decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::Values;

    #[test]
    fn whole_words_and_decoded_forms() {
        let v = Values::new(["S3cret", "p%40ss", "a\\'b", "abc"]);
        assert_eq!(v.mask("near 'S3cret' at line 1"), "near '****' at line 1");
        assert_eq!(v.mask("password=S3cret.cnf"), "password=****.cnf");
        assert_eq!(v.mask("S3crets and xS3cret"), "S3crets and xS3cret");
        assert_eq!(v.mask("user p@ss"), "user ****");
        assert_eq!(v.mask("a'b"), "a'b", "3 characters: not looked for elsewhere");
        assert_eq!(v.mask("abc"), "abc");
        assert!(Values::new(["abc", "****"]).is_empty());
    }
}
