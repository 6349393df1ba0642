//! The normalised copy of a text that the masking forms read: byte for byte the same offsets as
//! the original, so that what is found there is an exact place in the original.
//!
//! - ASCII upper case → lower case;
//! - a line continuation (`\` at a line's end: systemd units, shell, Dockerfiles) → spaces, so a
//!   continued command or `Environment=` is one logical line;
//! - the `mysql` client's continuation prompts at a line's start (`    -> `, `    '> `, `    "> `,
//!   `` `> ``, `/*> `) and the line break before them → spaces, so a wrapped statement is one line;
//! - Unicode spaces (U+00A0 no-break, U+2000–U+200A, U+202F, U+205F, U+3000) → ASCII spaces;
//! - a `/* … */` comment within one line and without quotes in it → spaces (`IDENTIFIED/**/BY`).

/// The normalised copy of `text` (same length).
pub(super) fn normalise(text: &str) -> Vec<u8> {
    let mut n = text.as_bytes().to_ascii_lowercase();
    let len = n.len();
    // Continuations, prompts and comments start at `\`, `\n` or `/`: only those bytes are looked at.
    let mut i = 0;
    while let Some(p) = memchr::memchr3(b'\\', b'\n', b'/', &n[i..]) {
        i += p;
        i = match n[i] {
            b'\\' => continuation(&mut n, i),
            b'\n' => prompt(&mut n, i),
            _ => comment(&mut n, i),
        };
    }
    // Unicode spaces start with 0xC2, 0xE2 or 0xE3.
    let mut i = 0;
    while let Some(p) = memchr::memchr3(0xC2, 0xE2, 0xE3, &n[i..]) {
        i += p;
        let w = match (n[i], n.get(i + 1).copied(), n.get(i + 2).copied()) {
            (0xC2, Some(0xA0), _) => 2,
            (0xE2, Some(0x80), Some(b2)) if (0x80..=0x8A).contains(&b2) || b2 == 0xAF => 3,
            (0xE2, Some(0x81), Some(0x9F)) | (0xE3, Some(0x80), Some(0x80)) => 3,
            _ => 1,
        };
        if w > 1 {
            n[i..i + w].fill(b' ');
        }
        i += w;
    }
    debug_assert_eq!(n.len(), len);
    n
}

/// `\` at `i`: a continuation when a line break follows. Returns where to go on.
fn continuation(n: &mut [u8], i: usize) -> usize {
    let nl = match (n.get(i + 1), n.get(i + 2)) {
        (Some(b'\n'), _) => 2,
        (Some(b'\r'), Some(b'\n')) => 3,
        _ => 0,
    };
    n[i..i + nl].fill(b' ');
    i + nl.max(1)
}

/// `\n` at `i`: joined to the next line when that starts with a `mysql` continuation prompt.
fn prompt(n: &mut [u8], i: usize) -> usize {
    let len = n.len();
    let mut j = i + 1;
    while j < len && (n[j] == b' ' || n[j] == b'\t') {
        j += 1;
    }
    let p = &n[j..];
    let prompt = [&b"->"[..], b"'>", b"\">", b"`>", b"/*>"]
        .into_iter()
        .find(|w| p.starts_with(w) && matches!(p.get(w.len()), None | Some(b' ' | b'\r' | b'\n')))
        .map(<[u8]>::len);
    let Some(w) = prompt else { return i + 1 };
    if i > 0 && n[i - 1] == b'\r' {
        n[i - 1] = b' ';
    }
    n[i] = b' ';
    n[j..j + w].fill(b' ');
    j + w
}

/// `/` at `i`: a short `/* … */` comment on one line, with no quote in it (so a string is never
/// cut), becomes blanks.
fn comment(n: &mut [u8], i: usize) -> usize {
    if n.get(i + 1) != Some(&b'*') {
        return i + 1;
    }
    let limit = (i + 512).min(n.len());
    let mut j = i + 2;
    while j + 1 < limit {
        match n[j] {
            b'\n' | b'\'' | b'"' | b'`' => break,
            b'*' if n[j + 1] == b'/' => {
                n[i..j + 2].fill(b' ');
                return j + 2;
            }
            _ => j += 1,
        }
    }
    i + 1
}

#[cfg(test)]
mod tests {
    use super::normalise;

    fn n(s: &str) -> String {
        String::from_utf8(normalise(s)).unwrap()
    }

    #[test]
    fn same_length_and_joined() {
        for s in [
            "a \\\nb",
            "a\\\r\nb",
            "x\n    -> y",
            "x\r\n    -> y",
            "a\u{a0}b\u{3000}c",
            "a/**/b",
            "a/* 'x' */b",
        ] {
            assert_eq!(normalise(s).len(), s.len(), "{s:?}");
        }
        assert_eq!(n("A \\\nB"), "a   b");
        assert_eq!(n("x\n    -> y"), "x        y");
        assert_eq!(n("x\n    ->\n"), "x       \n");
        assert_eq!(n("identified/**/by"), "identified    by");
        assert_eq!(n("a/* 'x' */b"), "a/* 'x' */b");
        assert_eq!(n("/etc/mysql/*.cnf"), "/etc/mysql/*.cnf");
        assert_eq!(n("a\u{a0}b"), "a  b");
        // A prompt-like word inside a line is not a prompt.
        assert_eq!(n("a -> b"), "a -> b");
    }
}
