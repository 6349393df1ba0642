//! SQL's secrets, read as tokens over the whole text (a statement may run over many lines):
//! `IDENTIFIED [WITH plugin] BY [PASSWORD] <s>`, `IDENTIFIED WITH plugin AS <s>`,
//! `… REPLACE <s>`, `SET PASSWORD [FOR user] = <s>` or `= PASSWORD(<s>)`, `PASSWORD(<s>)`,
//! `OLD_PASSWORD(<s>)`. A string `<s>` may carry an introducer (`N'x'`, `_utf8mb4'x'`) and be
//! followed by adjacent strings (`'a' 'b'`, concatenated by the server); between words there may
//! be blanks, line breaks, `->` prompts and comments. Where a string belongs and a bare word stands
//! (`IDENTIFIED BY S3cret`, a syntax error the server echoes back), the word is masked.

use super::{Scan, is_key_byte, is_quote, quoted_end_line, word_at};

/// How far the next token is looked for (blanks, line breaks, comments).
const LOOKAHEAD: usize = 4096;

pub(super) fn run(s: &mut Scan<'_>) {
    let mut from = 0;
    while from < s.n.len()
        && let Some(p) = super::finders().identified.find(&s.n[from..]).map(|p| p + from)
    {
        from = p + 10;
        if p > 0 && is_key_byte(s.n[p - 1]) || !word_at(&s.n, p, b"identified") {
            continue;
        }
        from = from.max(identified(s, p + 10));
    }
    let mut from = 0;
    while from < s.n.len()
        && let Some(p) = super::finders().password.find(&s.n[from..]).map(|p| p + from)
    {
        from = p + 8;
        let n = &s.n;
        if !word_at(n, p, b"password") {
            continue;
        }
        // `OLD_PASSWORD(` is a word of its own; `x_password` is a key (see `lines`).
        let old = p >= 4 && &n[p - 4..p] == b"old_" && !(p > 4 && is_key_byte(n[p - 5]));
        if p > 0 && is_key_byte(n[p - 1]) && !old {
            continue;
        }
        let j = next_token(n, p + 8);
        if j < n.len() && n[j] == b'(' {
            // `PASSWORD('x')`, `OLD_PASSWORD('x')`.
            let k = next_token(n, j + 1);
            from = from.max(strings(s, k).unwrap_or(k));
            continue;
        }
        // `SET PASSWORD [FOR user] = …`.
        if preceded_by_set(n, p) {
            from = from.max(set_password(s, j));
        }
    }
}

/// After `IDENTIFIED` (at `i`): returns where reading stopped.
fn identified(s: &mut Scan<'_>, i: usize) -> usize {
    let n = &s.n;
    let mut i = next_token(n, i);
    if word_at(n, i, b"with") {
        i = next_token(n, i + 4);
        // The plugin: quoted or a bare word.
        if i < n.len() && is_quote(n[i]) {
            i = (quoted_end_line(n, i) + 1).min(n.len());
        } else {
            while i < n.len() && is_key_byte(n[i]) {
                i += 1;
            }
        }
        i = next_token(n, i);
    }
    if word_at(n, i, b"by") {
        i = next_token(n, i + 2);
        if word_at(n, i, b"random") {
            return i;
        }
        if word_at(n, i, b"password") {
            i = next_token(n, i + 8);
        }
    } else if word_at(n, i, b"as") {
        i = next_token(n, i + 2);
    } else {
        return i;
    }
    let after = match strings(s, i) {
        Some(end) => end,
        None => return bare_word(s, i),
    };
    replace(s, after)
}

/// `REPLACE <s>` at the next token after `i`, if any.
fn replace(s: &mut Scan<'_>, i: usize) -> usize {
    let n = &s.n;
    let j = next_token(n, i);
    if word_at(n, j, b"replace") {
        let k = next_token(n, j + 7);
        return strings(s, k).unwrap_or(k);
    }
    i
}

/// `SET PASSWORD` whose `PASSWORD` is followed by the token at `j`: `[FOR user] = <s>` or
/// `= PASSWORD(<s>)`, then `REPLACE <s>`.
fn set_password(s: &mut Scan<'_>, j: usize) -> usize {
    let n = &s.n;
    let limit = (j + 512).min(n.len());
    let Some(eq) = n[j..limit].iter().position(|&c| c == b'=' || c == b';').map(|p| p + j) else { return j };
    if n[eq] != b'=' {
        return eq;
    }
    let mut i = next_token(n, eq + 1);
    if word_at(n, i, b"password") {
        i = next_token(n, i + 8);
        if i < n.len() && n[i] == b'(' {
            i = next_token(n, i + 1);
        }
    }
    match strings(s, i) {
        Some(end) => replace(s, end),
        None => i,
    }
}

/// Whether `SET` (and blanks) come just before `p`.
fn preceded_by_set(n: &[u8], p: usize) -> bool {
    let mut i = p;
    let stop = p.saturating_sub(64);
    while i > stop && n[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    i >= 3 && &n[i - 3..i] == b"set" && (i == 3 || !is_key_byte(n[i - 4])) && i < p
}

/// One or more adjacent string literals from `i` (each maybe with an introducer): masks their
/// contents and returns the index after the last, or `None` when there is no string at `i`.
fn strings(s: &mut Scan<'_>, mut i: usize) -> Option<usize> {
    let mut end = None;
    while let Some(q) = literal_start(&s.n, i) {
        let close = quoted_end_line(&s.n, q);
        s.push(q + 1..close);
        let after = (close + 1).min(s.n.len());
        end = Some(after);
        i = next_token(&s.n, after);
    }
    end
}

/// The quote of a string literal starting at `i`: `'x'`, `"x"`, `N'x'`, `X'…'`, `B'…'`,
/// `_charset'x'`.
fn literal_start(n: &[u8], i: usize) -> Option<usize> {
    let c = *n.get(i)?;
    if c == b'\'' || c == b'"' {
        return Some(i);
    }
    if matches!(c, b'n' | b'x' | b'b') && n.get(i + 1) == Some(&b'\'') {
        return Some(i + 1);
    }
    if c == b'_' {
        let mut j = i + 1;
        while j < n.len() && j < i + 32 && (n[j].is_ascii_alphanumeric() || n[j] == b'_') {
            j += 1;
        }
        if j > i + 1 && n.get(j).is_some_and(|&q| q == b'\'' || q == b'"') {
            return Some(j);
        }
    }
    None
}

/// A bare word where a string belongs: masked (the server echoes it in `near '…'`).
fn bare_word(s: &mut Scan<'_>, i: usize) -> usize {
    let n = &s.n;
    let mut e = i;
    while e < n.len() && !n[e].is_ascii_whitespace() && !matches!(n[e], b';' | b',' | b')' | b'(') {
        e += 1;
    }
    // Only where a statement ends after it (not prose such as "identified by its name").
    let k = super::skip_ws(n, e, n.len());
    let ends = k >= n.len() || matches!(n[k], b';' | b',' | b')' | b'\n' | b'\'' | b'"');
    if e > i && ends && !matches!(n[i], b'@' | b'\\' | b'$') {
        s.push(i..e);
    }
    e
}

/// The first token at or after `i`: blanks, line breaks and `-- ` / `#` comments skipped
/// (bounded).
fn next_token(n: &[u8], i: usize) -> usize {
    let limit = (i + LOOKAHEAD).min(n.len());
    let mut j = i;
    while j < limit {
        match n[j] {
            c if c.is_ascii_whitespace() => j += 1,
            b'-' if n.get(j + 1) == Some(&b'-') && n.get(j + 2).is_none_or(|c| c.is_ascii_whitespace()) => {
                j = memchr::memchr(b'\n', &n[j..limit]).map_or(limit, |p| j + p);
            }
            _ => break,
        }
    }
    j
}
