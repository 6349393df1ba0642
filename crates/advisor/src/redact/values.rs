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
    /// A few values: one substring finder each (building an automaton costs more than searching
    /// a short text a few times).
    few: Vec<memchr::memmem::Finder<'static>>,
    /// More: one automaton.
    ac: Option<AhoCorasick>,
}

/// Up to this many values are looked for one by one.
const FEW: usize = 8;

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
        if patterns.len() <= FEW {
            // Longest first, so that a value containing another is found whole.
            patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
            let few =
                patterns.iter().map(|p| memchr::memmem::Finder::new(p.as_bytes()).into_owned()).collect();
            return Values { few, ac: None };
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        Values { few: Vec::new(), ac }
    }

    /// The values at `spans` of `text`.
    pub fn of(text: &str, spans: &[Range<usize>]) -> Values {
        Values::new(super::values_of(text, spans))
    }

    /// True when there is nothing to look for.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.ac.is_none() && self.few.is_empty()
    }

    /// Pushes the places of every value in `hay` (whole words only) onto `out`.
    pub fn find(&self, hay: &str, out: &mut Vec<Range<usize>>) {
        let whole_word = |s: usize, e: usize| {
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let (first, last) = (hay[s..e].chars().next(), hay[s..e].chars().next_back());
            !(alnum(first) && alnum(hay[..s].chars().next_back())
                || alnum(last) && alnum(hay[e..].chars().next()))
        };
        for f in &self.few {
            let n = f.needle().len();
            // Matches of one value never overlap: each is a new place (`merge` unites values').
            let mut at = 0;
            while let Some(p) = f.find(&hay.as_bytes()[at..]) {
                let s = at + p;
                if hay.is_char_boundary(s) && hay.is_char_boundary(s + n) && whole_word(s, s + n) {
                    out.push(s..s + n);
                }
                at = s + n.max(1);
            }
        }
        let Some(ac) = &self.ac else { return };
        for m in ac.find_iter(hay) {
            if whole_word(m.start(), m.end()) {
                out.push(m.range());
            }
        }
    }

    /// `s` with every value masked.
    pub fn mask<'t>(&self, s: &'t str) -> Cow<'t, str> {
        let mut found = Vec::new();
        self.find(s, &mut found);
        if found.is_empty() {
            return Cow::Borrowed(s);
        }
        let merged = super::merge(s, found);
        super::apply(s, &merged)
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
        // More than a few values: the automaton, same answers.
        let many: Vec<String> = (0..20).map(|i| format!("Secret{i:02}x")).collect();
        let v = Values::new(many.iter().map(String::as_str));
        assert_eq!(v.mask("a Secret07x b Secret19x Secret19xy"), "a **** b **** Secret19xy");
    }
}
