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
    let mut i = 0;
    while i < len {
        match n[i] {
            b'\\' => {
                let nl = match (n.get(i + 1), n.get(i + 2)) {
                    (Some(b'\n'), _) => 2,
                    (Some(b'\r'), Some(b'\n')) => 3,
                    _ => 0,
                };
                if nl > 0 {
                    n[i..i + nl].fill(b' ');
                    i += nl;
                    continue;
                }
            }
            b'\n' => {
                let mut j = i + 1;
                while j < len && (n[j] == b' ' || n[j] == b'\t') {
                    j += 1;
                }
                let p = &n[j..];
                let prompt = [&b"->"[..], b"'>", b"\">", b"`>", b"/*>"].into_iter().find(|w| {
                    p.starts_with(w) && matches!(p.get(w.len()), None | Some(b' ' | b'\r' | b'\n'))
                });
                if let Some(w) = prompt {
                    if i > 0 && n[i - 1] == b'\r' {
                        n[i - 1] = b' ';
                    }
                    n[i] = b' ';
                    n[j..j + w.len()].fill(b' ');
                    i = j + w.len();
                    continue;
                }
            }
            0xC2 if n.get(i + 1) == Some(&0xA0) => {
                n[i..i + 2].fill(b' ');
                i += 2;
                continue;
            }
            0xE2 | 0xE3 if i + 2 < len => {
                let (b1, b2) = (n[i + 1], n[i + 2]);
                let space = match n[i] {
                    0xE2 => {
                        (b1 == 0x80 && ((0x80..=0x8A).contains(&b2) || b2 == 0xAF))
                            || (b1 == 0x81 && b2 == 0x9F)
                    }
                    _ => b1 == 0x80 && b2 == 0x80,
                };
                if space {
                    n[i..i + 3].fill(b' ');
                    i += 3;
                    continue;
                }
            }
            b'/' if n.get(i + 1) == Some(&b'*') => {
                // A short comment on one line, with no quote in it (so a string is never cut).
                let limit = (i + 512).min(len);
                let mut j = i + 2;
                let mut close = None;
                while j + 1 < limit {
                    match n[j] {
                        b'\n' | b'\'' | b'"' | b'`' => break,
                        b'*' if n[j + 1] == b'/' => {
                            close = Some(j + 2);
                            break;
                        }
                        _ => j += 1,
                    }
                }
                if let Some(e) = close {
                    n[i..e].fill(b' ');
                    i = e;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
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
