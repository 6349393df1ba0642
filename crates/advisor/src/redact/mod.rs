//! Secret masking: passwords never appear in evidence, exports, JSON or Markdown.
//!
//! Two lines of defence:
//!
//! 1. **Places** ([`spans`]): each syntax a DBA pastes is read for the values it marks as secret,
//!    over the whole text, not line by line, so a value on the line after its key is found:
//!    - **keys** ([`keys::is_secret_name`]): `password`, `password1`…`3`, names ending in
//!      `_password`, `_passwd`, `_pwd`, `_pass` (`MYSQL_ROOT_PASSWORD`, `REPLICATION_PASS`), in
//!      camelCase (`rootPassword`), `authentication_string`, `…secret`, `…secret_id`/`_key`,
//!      `…token`; option prefixes (`loose-`, `skip-`, `enable-`…) and leading dashes ignored;
//!      names of settings (`mysql_native_password`, `validate_password…`,
//!      `MYSQL_ALLOW_EMPTY_PASSWORD`…) are not secrets. Their values in option files, `KEY=value`
//!      (environment, `docker -e`, `Environment=`), `key: value` (YAML, `\G` rows, JSON, flow
//!      mappings), table cells, `mysqld-auto.cnf` objects (`Value` before or after `Metadata`),
//!      YAML block scalars (`KEY: >-` and the lines under it), an option-file line without `=`
//!      (`password S3cret`) and a value on the next line after `KEY =` (`SOURCE_PASSWORD=` ↵ `'x'`);
//!    - **SQL** ([`sql`]): `IDENTIFIED [WITH p] BY [PASSWORD] …`, `… AS …`, `REPLACE …`,
//!      `SET PASSWORD [FOR u] = …`, `PASSWORD(…)`, `OLD_PASSWORD(…)`, `OPTIONS (… PASSWORD …)`;
//!      string literals with introducers (`N'x'`, `_utf8mb4'x'`), adjacent literals, comments,
//!      line breaks and `->` continuation prompts between the words, and a bare word where a
//!      string belongs (a syntax error the server echoes);
//!    - **command lines** of MySQL clients (a word starting with `mysql`, `mariadb`,
//!      `xtrabackup`, `mariabackup`, `innobackupex`, `mydumper`, `myloader`, also as a path, after
//!      `|`, `$(`, or as a variable `$MYSQL`): `-pSECRET`, bundled `-vvpSECRET`, `-p` then a `\`
//!      continuation, `--pass…=SECRET`, `user:secret@host`;
//!    - **URLs**: `scheme://user:secret@host`;
//!    - **structure** ([`structure`]): a Kubernetes `env:` item whose `name:` is a secret name
//!      masks its `value:` wherever it is in the item (before, after, past a comment, in flow style
//!      `{name: …, value: …}`, in `kubectl -o json`); a YAML or JSON list that starts a client
//!      (`- mysqladmin`, `"mysqladmin",`) masks its `-p…` items.
//!
//!    Line continuations (`\` ↵), the `mysql>` client's `->` prompts, `/* */` comments and Unicode
//!    spaces are read through a normalised copy of the text with the same byte offsets
//!    ([`norm`]), so spans are exact places in the original.
//! 2. **Values** ([`values::Values`]): every value found by 1 is masked wherever else it appears
//!    — an error echoing it (`near 'S3cret'`), a file name, a label — within the same text
//!    ([`spans`]) and, for a report, across every input and every string of the report
//!    ([`crate::report::scrub`]).
//!
//! Not recognised: `--password secret` (ambiguous: the MySQL clients read `secret` as a database
//! name) and passwords in free text with no key. Everything runs in linear time and never fails.

use std::borrow::Cow;
use std::ops::Range;

mod keys;
mod lines;
mod norm;
mod sql;
mod structure;
#[cfg(test)]
mod tests;
mod values;

pub(crate) use keys::is_secret_name;
pub(crate) use values::Values;

/// The replacement for a secret.
pub(crate) const MASK: &str = "****";

/// Masks secrets in `text` (one or more lines). Returns the input unchanged (borrowed) when there
/// is nothing to mask.
pub(crate) fn mask(text: &str) -> Cow<'_, str> {
    let s = spans(text);
    apply(text, &s)
}

/// True when `text` holds a secret that [`mask`] would mask.
#[cfg(test)]
pub(crate) fn contains_secret(text: &str) -> bool {
    !structural(text).is_empty()
}

/// Byte ranges of the secrets in `text`, sorted and disjoint: the places each syntax marks, and
/// every other occurrence of the values found there.
pub(crate) fn spans(text: &str) -> Vec<Range<usize>> {
    let found = structural(text);
    if found.is_empty() {
        return found;
    }
    let values = Values::of(text, &found);
    let mut all = found;
    values.find(text, &mut all);
    merge(text, all)
}

/// The values (texts) of `spans` in `text`, for [`Values`].
pub(crate) fn values_of<'t>(text: &'t str, spans: &'t [Range<usize>]) -> impl Iterator<Item = &'t str> + 't {
    spans.iter().filter_map(move |r| text.get(r.clone()))
}

/// `text` with `spans` (sorted, disjoint ranges of `text`) replaced by [`MASK`].
pub(crate) fn apply<'t>(text: &'t str, spans: &[Range<usize>]) -> Cow<'t, str> {
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in spans {
        if r.start < at {
            continue;
        }
        out.push_str(text.get(at..r.start).unwrap_or(""));
        out.push_str(MASK);
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    Cow::Owned(out)
}

/// `text[range]`, masked by `spans` of the whole `text` (sorted, disjoint): what an excerpt of a
/// source shows. A secret cut by the range's edge is masked all the same.
pub(crate) fn apply_within(text: &str, range: Range<usize>, spans: &[Range<usize>]) -> String {
    let part = text.get(range.clone()).unwrap_or("");
    // The first span that ends after the range starts.
    let first = spans.partition_point(|r| r.end <= range.start);
    let inside: Vec<Range<usize>> = spans[first..]
        .iter()
        .take_while(|r| r.start < range.end)
        .map(|r| r.start.max(range.start) - range.start..r.end.min(range.end) - range.start)
        .filter(|r| part.is_char_boundary(r.start) && part.is_char_boundary(r.end))
        .collect();
    apply(part, &inside).into_owned()
}

/// The structural places (1. above), sorted and disjoint.
fn structural(text: &str) -> Vec<Range<usize>> {
    if !may_hold_secret(text) {
        return Vec::new();
    }
    let mut scan = Scan::new(text);
    lines::run(&mut scan);
    sql::run(&mut scan);
    structure::run(&mut scan);
    merge(text, scan.out)
}

/// Whether `text` holds any word every form needs (a key word, `identified`, `://`, a client's
/// name): one pass of one automaton, so that the many short texts without any (most of a report's
/// strings, most lines) cost no normalised copy.
fn may_hold_secret(text: &str) -> bool {
    type Ac = Option<aho_corasick::AhoCorasick>;
    fn build<W: AsRef<[u8]>>(words: impl IntoIterator<Item = W>) -> Ac {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(words).ok()
    }
    static WORDS: std::sync::OnceLock<[Ac; 3]> = std::sync::OnceLock::new();
    let [keys, args, clients] = WORDS.get_or_init(|| {
        [
            build(lines::KEY_WORDS.iter().copied().chain([&b"identified"[..], b"://"])),
            // What a client's command line needs besides its name: `-p…` (maybe bundled after
            // options without a value: `-vvp…`) or `user:…@host`.
            {
                let bundled = lines::NO_VALUE.iter().map(|&c| vec![c, b'p']);
                build([b"-p".to_vec(), b"@".to_vec()].into_iter().chain(bundled))
            },
            build(lines::CLIENTS),
        ]
    });
    let hit = |ac: &Ac| ac.as_ref().is_none_or(|ac| ac.is_match(text));
    hit(keys) || (hit(args) && hit(clients))
}

/// Sorts and merges ranges, widens them to char boundaries, and drops those that are already
/// masks (only `*` and blanks) (so masking is idempotent and `Borrowed` when clean).
pub(super) fn merge(text: &str, mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    for r in &mut spans {
        r.end = r.end.min(text.len());
        r.start = r.start.min(r.end);
        while !text.is_char_boundary(r.start) {
            r.start -= 1;
        }
        while !text.is_char_boundary(r.end) {
            r.end += 1;
        }
    }
    spans.retain(|r| r.start < r.end);
    crate::sort::sort_by_key(&mut spans, |r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    // A secret over a line break (a value continued with `\`) is masked line by line, so that
    // masking never joins lines: excerpts keep their line numbers.
    let mut lines: Vec<Range<usize>> = Vec::with_capacity(merged.len());
    for r in merged {
        let mut at = r.start;
        for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[r.clone()]) {
            let end = r.start + nl;
            let end = if end > at && text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end };
            lines.push(at..end);
            at = r.start + nl + 1;
        }
        lines.push(at..r.end);
    }
    lines.retain(|r| {
        r.start < r.end
            && text.get(r.clone()).is_some_and(|s| !s.bytes().all(|c| c == b'*' || c.is_ascii_whitespace()))
    });
    lines
}

/// One text being scanned: the original, its normalised copy (same offsets) and what was found.
pub(super) struct Scan<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its bytes.
    pub o: &'a [u8],
    /// [`norm::normalise`]d: ASCII lower case, continuations and prompts as spaces.
    pub n: Vec<u8>,
    /// Secret ranges found so far (unsorted, may overlap).
    pub out: Vec<Range<usize>>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Scan<'a> {
        Scan { text, o: text.as_bytes(), n: norm::normalise(text), out: Vec::new() }
    }

    /// Pushes a non-empty range that is not only a shell variable reference.
    pub fn push(&mut self, r: Range<usize>) {
        if r.start < r.end && !is_var_ref(&self.o[r.clone()]) {
            self.out.push(r);
        }
    }
}

/// The logical line of `n` starting at `at`: `(start, end, next)`, `end` without the terminator
/// (nor a `\r` before it), `next` where the following line starts; `None` past the end. In the
/// normalised text a continued line is one logical line.
pub(super) fn next_line(n: &[u8], at: usize) -> Option<(usize, usize, usize)> {
    if at >= n.len() {
        return None;
    }
    let end = memchr::memchr(b'\n', &n[at..]).map_or(n.len(), |p| at + p);
    let ce = if end > at && n[end - 1] == b'\r' { end - 1 } else { end };
    Some((at, ce, end + 1))
}

/// Substring finders, built once per process (building one costs more than a short search).
pub(super) struct Finders {
    pub url: memchr::memmem::Finder<'static>,
    pub identified: memchr::memmem::Finder<'static>,
    pub password: memchr::memmem::Finder<'static>,
    pub name: memchr::memmem::Finder<'static>,
    pub value: memchr::memmem::Finder<'static>,
    /// [`lines::KEY_WORDS`], in order.
    pub keys: [memchr::memmem::Finder<'static>; 5],
}

/// The [`Finders`].
pub(super) fn finders() -> &'static Finders {
    static F: std::sync::OnceLock<Finders> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        use memchr::memmem::Finder;
        Finders {
            url: Finder::new(b"://"),
            identified: Finder::new(b"identified"),
            password: Finder::new(b"password"),
            name: Finder::new(b"name"),
            value: Finder::new(b"value"),
            keys: lines::KEY_WORDS.map(Finder::new),
        }
    })
}

/// Key bytes: letters, digits, `_`, `-`, `.`.
pub(super) fn is_key_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.'
}

pub(super) fn is_quote(c: u8) -> bool {
    c == b'\'' || c == b'"' || c == b'`'
}

/// Skips spaces and tabs (and a stray `\r`) from `i`, up to `end`.
pub(super) fn skip_ws(b: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && matches!(b[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i
}

/// True for a value that is only a shell variable reference (`$X`, `${X}`).
pub(super) fn is_var_ref(v: &[u8]) -> bool {
    let Some(rest) = v.strip_prefix(b"$") else { return false };
    let name = match rest.strip_prefix(b"{") {
        Some(r) => match r.strip_suffix(b"}") {
            Some(n) => n,
            None => return false,
        },
        None => rest,
    };
    !name.is_empty() && name.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// The end of a quoted string whose opening quote is at `open`: the index of the closing quote,
/// or `end` when it is not closed before it. Backslash escapes and doubled quotes (SQL) are skipped.
pub(super) fn quoted_end(b: &[u8], open: usize, end: usize) -> usize {
    let q = b[open];
    let mut i = open + 1;
    while i < end {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == q {
            if i + 1 < end && b[i + 1] == q {
                i += 2;
                continue;
            }
            return i;
        }
        i += 1;
    }
    end
}

/// [`quoted_end`] within the quote's line: the closing quote, or the line's end (without `\r`).
pub(super) fn quoted_end_line(b: &[u8], open: usize) -> usize {
    let q = b[open];
    let mut i = open + 1;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            return if b[i - 1] == b'\r' && i - 1 > open { i - 1 } else { i };
        }
        if c == b'\\' && b.get(i + 1) != Some(&b'\n') {
            i += 2;
            continue;
        }
        if c == q {
            if b.get(i + 1) == Some(&q) {
                i += 2;
                continue;
            }
            return i;
        }
        i += 1;
    }
    b.len()
}

/// Word `word` (lower case) at `i` of `l`, not followed by a key byte.
pub(super) fn word_at(l: &[u8], i: usize, word: &[u8]) -> bool {
    l.get(i..i + word.len()) == Some(word) && !l.get(i + word.len()).is_some_and(|&c| is_key_byte(c))
}

/// The start of the line holding `i` (after its `\n`).
pub(super) fn line_start(b: &[u8], i: usize) -> usize {
    memchr::memrchr(b'\n', &b[..i]).map_or(0, |p| p + 1)
}

/// The end of the line holding `i` (its `\n`, or the text's end), without a `\r`.
pub(super) fn line_end(b: &[u8], i: usize) -> usize {
    let e = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
    if e > i && b[e - 1] == b'\r' { e - 1 } else { e }
}
