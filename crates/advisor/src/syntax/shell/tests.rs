//! Tests of the shell lexer: each mode's edge cases, invariants on arbitrary input, and property
//! tests against copies of the five splitters it replaced (kept here only, frozen as they were).

use super::*;

/// The splitters the lexer replaced, as they were (for the comparison tests only).
#[allow(dead_code, clippy::all)]
pub(crate) mod old {
    use crate::facts::Loc;
    use crate::source::Source;
    use crate::text::TextRange;

    /// `facts::settings::Arg` as it was.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub(crate) struct Arg {
        pub text: String,
        pub at: Loc,
        pub unresolved: Option<String>,
        pub safe: bool,
    }

    /// `facts::unit::EnvItem` as it was.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub(crate) enum EnvItem {
        Assign(String, String),
        Invalid(String),
        SyntaxError(String),
    }

    /// `rules::restart::supervisor::words`.
    pub(crate) fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut in_word = false;
        let mut quote: Option<char> = None;
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match quote {
                Some(q) => {
                    if c == q {
                        quote = None;
                    } else if c == '\\' && q == '"' {
                        if let Some(n) = chars.next() {
                            cur.push(n);
                        }
                    } else {
                        cur.push(c);
                    }
                }
                None => {
                    if c.is_whitespace() {
                        if in_word {
                            out.push(std::mem::take(&mut cur));
                            in_word = false;
                        }
                    } else if c == '\'' || c == '"' {
                        quote = Some(c);
                        in_word = true;
                    } else if c == '\\' {
                        if let Some(n) = chars.next()
                            && n != '\n'
                        {
                            cur.push(n);
                            in_word = true;
                        }
                    } else {
                        cur.push(c);
                        in_word = true;
                    }
                }
            }
        }
        if in_word {
            out.push(cur);
        }
        out
    }

    /// `syntax::systemctl_show::shell_words`.
    pub(crate) fn shell_words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut in_word = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ' ' | '\t' => {
                    if in_word {
                        out.push(std::mem::take(&mut cur));
                        in_word = false;
                    }
                }
                '"' => {
                    in_word = true;
                    while let Some(d) = chars.next() {
                        match d {
                            '"' => break,
                            '\\' => match chars.peek() {
                                Some(&e @ ('"' | '\\' | '$' | '`')) => {
                                    cur.push(e);
                                    chars.next();
                                }
                                _ => cur.push('\\'),
                            },
                            _ => cur.push(d),
                        }
                    }
                }
                '\'' => {
                    in_word = true;
                    for d in chars.by_ref() {
                        if d == '\'' {
                            break;
                        }
                        cur.push(d);
                    }
                }
                '\\' => {
                    in_word = true;
                    if let Some(e) = chars.next() {
                        cur.push(e);
                    }
                }
                _ => {
                    in_word = true;
                    cur.push(c);
                }
            }
        }
        if in_word {
            out.push(cur);
        }
        out
    }

    /// `syntax::container::spanned_words`.
    pub(crate) fn spanned_words(s: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut start: Option<usize> = None;
        let mut quote: Option<char> = None;
        let mut it = s.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            match quote {
                Some(q) => {
                    if c == q {
                        quote = None;
                    } else {
                        cur.push(c);
                    }
                }
                None if c.is_whitespace() => {
                    if let Some(st) = start.take() {
                        out.push((std::mem::take(&mut cur), st, k));
                    }
                }
                None => {
                    if c == '\\' && it.peek().is_none_or(|(_, n)| n.is_whitespace()) {
                        // A line continuation: ends the word like whitespace.
                        it.next();
                        if let Some(st) = start.take() {
                            out.push((std::mem::take(&mut cur), st, k));
                        }
                        continue;
                    }
                    start.get_or_insert(k);
                    if c == '\'' || c == '"' {
                        quote = Some(c);
                    } else if c == '\\' {
                        if let Some((_, n)) = it.next() {
                            cur.push(n);
                        }
                    } else {
                        cur.push(c);
                    }
                }
            }
        }
        if let Some(st) = start {
            out.push((cur, st, s.len()));
        }
        out
    }

    /// `facts::unit::split_environment` (with `env_name_ok` and `unescape`).
    pub(crate) fn split_environment(value: &str) -> Vec<EnvItem> {
        let mut out = Vec::new();
        let chars: Vec<char> = value.chars().collect();
        let mut i = 0usize;
        let n = chars.len();
        loop {
            while i < n && matches!(chars[i], ' ' | '\t' | '\n' | '\r') {
                i += 1;
            }
            if i >= n {
                break;
            }
            let word_start = i;
            let mut word = String::new();
            let mut quote: Option<char> = None;
            let mut error = false;
            while i < n {
                let c = chars[i];
                if quote.is_none() && matches!(c, ' ' | '\t' | '\n' | '\r') {
                    break;
                }
                if c == '\\' {
                    match unescape(&chars, i + 1) {
                        Some((ch, next)) => {
                            word.push(ch);
                            i = next;
                            continue;
                        }
                        None => {
                            error = true;
                            break;
                        }
                    }
                }
                match quote {
                    Some(q) if c == q => quote = None,
                    None if c == '"' || c == '\'' => quote = Some(c),
                    _ => word.push(c),
                }
                i += 1;
            }
            if error || quote.is_some() {
                let rest: String = chars.get(word_start..).unwrap_or(&[]).iter().collect();
                out.push(EnvItem::SyntaxError(rest));
                break;
            }
            let word = word.replace("%%", "%");
            match word.split_once('=') {
                Some((name, v)) if env_name_ok(name) => {
                    out.push(EnvItem::Assign(name.to_owned(), v.to_owned()))
                }
                _ => out.push(EnvItem::Invalid(word)),
            }
        }
        out
    }
    fn env_name_ok(name: &str) -> bool {
        let mut chars = name.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    }
    fn unescape(chars: &[char], i: usize) -> Option<(char, usize)> {
        let c = *chars.get(i)?;
        let simple = match c {
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\u{b}'),
            's' => Some(' '),
            '\\' | '"' | '\'' => Some(c),
            _ => None,
        };
        if let Some(ch) = simple {
            return Some((ch, i + 1));
        }
        let digits = |start: usize, len: usize, radix: u32| -> Option<(char, usize)> {
            let s: String = chars.get(start..start + len)?.iter().collect();
            let v = u32::from_str_radix(&s, radix).ok()?;
            Some((char::from_u32(v)?, start + len))
        };
        match c {
            'x' => digits(i + 1, 2, 16),
            'u' => digits(i + 1, 4, 16),
            'U' => digits(i + 1, 8, 16),
            '0'..='7' => digits(i, 3, 8),
            _ => None,
        }
    }

    /// `rules::restart::supervisor::statements` (a sixth quote-aware scanner, of statements).
    pub(crate) fn statements(text: &str) -> Vec<(usize, usize)> {
        use crate::text::TrimWs;
        let mut out = Vec::new();
        let b = text.as_bytes();
        let mut start = 0usize;
        let mut i = 0usize;
        let mut quote: Option<u8> = None;
        let mut comment = false;
        let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
            if text.get(s..e).is_some_and(|t| !t.trim_ws().is_empty()) {
                out.push((s, e));
            }
        };
        while i < b.len() {
            let c = b[i];
            if comment {
                if c == b'\n' {
                    comment = false;
                    push(&mut out, start, i);
                    start = i + 1;
                }
                i += 1;
                continue;
            }
            match quote {
                Some(q) => {
                    if c == b'\\' && q == b'"' {
                        i += 2;
                        continue;
                    }
                    if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    b'\'' | b'"' => quote = Some(c),
                    b'\\' => {
                        i += 2;
                        continue;
                    }
                    b'#' if i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == b';' => {
                        push(&mut out, start, i);
                        comment = true;
                        start = i;
                    }
                    b'\n' | b';' => {
                        push(&mut out, start, i);
                        start = i + 1;
                    }
                    b'&' | b'|' if b.get(i + 1) == Some(&c) => {
                        push(&mut out, start, i);
                        start = i + 2;
                        i += 2;
                        continue;
                    }
                    _ => {}
                },
            }
            i += 1;
        }
        if !comment {
            push(&mut out, start, b.len());
        }
        out.into_iter().map(|(s, e)| (s.min(b.len()), e.min(b.len()))).collect()
    }

    /// `facts::settings::split_exec`.
    pub(crate) fn split_exec(
        sources: &[Source<'_>],
        value: &str,
        at: Loc,
        env: &[(String, String, Loc)],
        instance: Option<&str>,
    ) -> Vec<Arg> {
        // Map offsets in `value` to the input when `at` covers exactly that text.
        let base = sources.get(at.input).and_then(|s| {
            let text = s.slice(at.range);
            text.find(value).map(|k| at.range.start + k as u32)
        });
        let mut v = value;
        let mut offset = 0usize;
        if let Some(k) = v.find("argv[]=") {
            offset = k + "argv[]=".len();
            v = &v[offset..];
            if let Some(e) = v.find(" ;") {
                v = &v[..e];
            }
        }
        let loc_of = |s: usize, e: usize| match base {
            Some(b) => Loc {
                input: at.input,
                range: TextRange::new(b + (offset + s) as u32, b + (offset + e) as u32),
            },
            None => at,
        };
        let mut out = Vec::new();
        let bytes = v.as_bytes();
        let mut k = 0usize;
        while k < bytes.len() {
            while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            if k >= bytes.len() {
                break;
            }
            let start = k;
            let mut word = String::new();
            let mut quote: Option<u8> = None;
            let mut single_var: Option<String> = None;
            while k < bytes.len() {
                let c = bytes[k];
                if quote.is_none() && c.is_ascii_whitespace() {
                    break;
                }
                match c {
                    b'"' | b'\'' if quote.is_none() => quote = Some(c),
                    q if Some(q) == quote => quote = None,
                    b'\\' if k + 1 < bytes.len() => {
                        k += 1;
                        let ch = v[k..].chars().next().unwrap_or(' ');
                        word.push(ch);
                        k += ch.len_utf8();
                        continue;
                    }
                    b'%' if k + 1 < bytes.len() => {
                        match bytes[k + 1] {
                            b'i' => word.push_str(instance.unwrap_or("%i")),
                            b'I' => word.push_str(instance.unwrap_or("%I")),
                            b'%' => word.push('%'),
                            other if other.is_ascii() => {
                                word.push('%');
                                word.push(other as char);
                            }
                            _ => {
                                // `%` before a multi-byte character: keep both; the character is read
                                // whole on the next turn (stepping over one byte would split it).
                                word.push('%');
                                k += 1;
                                continue;
                            }
                        }
                        k += 2;
                        continue;
                    }
                    b'$' if quote != Some(b'\'') => {
                        let rest = &v[k + 1..];
                        let (name, len, braced) = if let Some(r) = rest.strip_prefix('{') {
                            let e = r.find('}').unwrap_or(r.len());
                            (&r[..e], e + 2, true)
                        } else {
                            let e = rest
                                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                                .unwrap_or(rest.len());
                            (&rest[..e], e, false)
                        };
                        if !name.is_empty() {
                            k = (k + 1 + len).min(bytes.len());
                            match env.iter().rev().find(|(n, _, _)| n == name) {
                                Some((_, val, vat)) if !braced && word.is_empty() && quote.is_none() => {
                                    // `$VAR` alone: its value splits into words, located at the Environment= line.
                                    for w in val.split_whitespace() {
                                        out.push(Arg {
                                            text: w.to_owned(),
                                            at: *vat,
                                            unresolved: None,
                                            safe: false,
                                        });
                                    }
                                    single_var = Some(String::new());
                                }
                                Some((_, val, _)) => word.push_str(val),
                                None => single_var = Some(name.to_owned()),
                            }
                            continue;
                        }
                        word.push('$');
                    }
                    _ => {
                        let ch = v[k..].chars().next().unwrap_or(' ');
                        word.push(ch);
                        k += ch.len_utf8();
                        continue;
                    }
                }
                k += 1;
            }
            match single_var {
                Some(name) if word.is_empty() => {
                    if !name.is_empty() {
                        out.push(Arg {
                            text: String::new(),
                            at: loc_of(start, k),
                            unresolved: Some(name),
                            safe: false,
                        });
                    }
                }
                _ => out.push(Arg { text: word, at: loc_of(start, k), unresolved: None, safe: false }),
            }
        }
        out
    }
}

fn toks(text: &str, mode: Mode) -> Vec<Token> {
    Lexer::new(text, mode).collect()
}

/// (value, raw text) of each word.
fn wr(text: &str, mode: Mode) -> Vec<(String, String)> {
    words(text, mode).map(|w| (w.value, crate::text::slice(text, w.raw).to_owned())).collect()
}

fn problems(text: &str, mode: Mode) -> Vec<Option<Problem>> {
    words(text, mode).map(|w| w.problem).collect()
}

fn op(o: Op, s: u32, e: u32) -> Token {
    Token::Op(o, TextRange::new(s, e))
}

fn word(value: &str, s: u32, e: u32) -> Token {
    Token::Word(Word { raw: TextRange::new(s, e), value: value.to_owned(), problem: None })
}

const SYSTEMD: [Mode; 2] = [Mode::SystemdExec, Mode::SystemdEnv];

#[test]
fn systemd_quotes_anywhere_and_empty_quotes() {
    for m in SYSTEMD {
        assert_eq!(values("a \"b c\" 'd e'", m), ["a", "b c", "d e"]);
        // extract_first_word's own test: quotes may open inside a word.
        assert_eq!(values("yay'foo'bar", m), ["yayfoobar"]);
        assert_eq!(wr("-N ''", m), [("-N".into(), "-N".into()), (String::new(), "''".into())]);
        assert_eq!(values("\"a'b\" 'c\"d'", m), ["a'b", "c\"d"]);
        // CRLF and tabs are blanks.
        assert_eq!(values("a\tb\r\n", m), ["a", "b"]);
    }
}

#[test]
fn systemd_c_escapes() {
    let m = Mode::SystemdEnv;
    assert_eq!(values(r"\n\t\s\\\'\x41\101\u00e9\U0001F4A9", m), ["\n\t \\'AAé💩"]);
    // Escapes apply inside both kinds of quotes.
    assert_eq!(values(r#""a\"b" 'c\'d' "\x41""#, m), ["a\"b", "c'd", "A"]);
    // `\xHH` and `\OOO` are bytes: two of them make one UTF-8 character.
    assert_eq!(values(r"\xc3\xa9 \303\251", m), ["é", "é"]);
    // A byte that is not UTF-8 becomes U+FFFD (the input itself is decoded the same way).
    assert_eq!(values(r"\xff", m), ["\u{FFFD}"]);
    for bad in [r"\x00", r"\000", r"\777", r"\u0000", r"\U0000FFFF", r"\UD800", r"\q", r"\x4", r"\xg1"] {
        let w: Vec<Word> = words(bad, m).collect();
        assert_eq!(w.len(), 1, "{bad}");
        assert_eq!(w[0].problem, Some(Problem::BadEscape), "{bad}");
        assert_eq!(w[0].value, bad, "{bad}: kept as written (systemd's relaxed retry)");
    }
    // The relaxed retry keeps an escaped blank in the word (extract_first_word's test).
    assert_eq!(values(r"fooo\ bar quux", m), [r"fooo\ bar", "quux"]);
}

#[test]
fn systemd_problems_and_semicolon() {
    for m in SYSTEMD {
        let w: Vec<Word> = words("a \"b c", m).collect();
        assert_eq!((w[1].value.as_str(), w[1].problem), ("b c", Some(Problem::Unterminated)));
        assert_eq!(w[1].raw, TextRange::new(2, 6));
        assert_eq!(problems("foo\\", m), [Some(Problem::TrailingBackslash)]);
        assert_eq!(values("foo\\", m), ["foo\\"]);
        assert_eq!(values("'", m), [""]);
        assert_eq!(problems("'", m), [Some(Problem::Unterminated)]);
    }
    // `\;` is a literal `;` argument on a command line; Environment= has no such escape.
    assert_eq!(values("/bin/echo \\; ;", Mode::SystemdExec), ["/bin/echo", ";", ";"]);
    assert_eq!(problems("\\;", Mode::SystemdExec), [None]);
    assert_eq!(problems("\\;", Mode::SystemdEnv), [Some(Problem::BadEscape)]);
}

#[test]
fn systemd_spans_are_exact_with_multibyte_text_and_offsets() {
    let text = "é \"中 文\" x=\\x41";
    let got: Vec<(String, TextRange)> = Lexer::at(text, 100, Mode::SystemdExec)
        .map(|t| match t {
            Token::Word(w) => (w.value, w.raw),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(got[0], ("é".into(), TextRange::new(100, 102)));
    assert_eq!(got[1], ("中 文".into(), TextRange::new(103, 112)));
    assert_eq!(got[2], ("x=A".into(), TextRange::new(113, 119)));
}

#[test]
fn sh_words_operators_and_comments() {
    let t = "a;b && c || d | e & f\n";
    assert_eq!(
        toks(t, Mode::Sh),
        [
            word("a", 0, 1),
            op(Op::Semi, 1, 2),
            word("b", 2, 3),
            op(Op::AndIf, 4, 6),
            word("c", 7, 8),
            op(Op::OrIf, 9, 11),
            word("d", 12, 13),
            op(Op::Pipe, 14, 15),
            word("e", 16, 17),
            op(Op::Amp, 18, 19),
            word("f", 20, 21),
            op(Op::Newline, 21, 22),
        ]
    );
    // `#` starts a comment only at the start of a token.
    assert_eq!(
        toks("a#b # c d\ne", Mode::Sh),
        [word("a#b", 0, 3), Token::Comment(TextRange::new(4, 9)), op(Op::Newline, 9, 10), word("e", 10, 11)]
    );
    assert_eq!(toks(";#x", Mode::Sh), [op(Op::Semi, 0, 1), Token::Comment(TextRange::new(1, 3))]);
    // Redirections, with their descriptor numbers; `>&` is not a background `&`.
    assert_eq!(
        toks("mysqld 2>&1 >>/log <in 12", Mode::Sh),
        [
            word("mysqld", 0, 6),
            op(Op::Redirect, 7, 10),
            word("1", 10, 11),
            op(Op::Redirect, 12, 14),
            word("/log", 14, 18),
            op(Op::Redirect, 19, 20),
            word("in", 20, 22),
            word("12", 23, 25),
        ]
    );
}

#[test]
fn sh_quotes_and_escapes_follow_posix() {
    let m = Mode::Sh;
    // In "…", `\` escapes only $ ` " \ and newline.
    assert_eq!(values(r#""a\$b\"c\\d\e\`f""#, m), ["a$b\"c\\d\\e`f"]);
    assert_eq!(values("\"a\\\nb\"", m), ["ab"]);
    // '…' is literal; quotes join with what is around them.
    assert_eq!(values(r"'a\b'c'd'", m), [r"a\bcd"]);
    assert_eq!(values(r"a\ b \'x\' \;", m), ["a b", "'x'", ";"]);
    assert_eq!(wr("''", m), [(String::new(), "''".into())]);
    assert_eq!(wr("x '' y", m)[1], (String::new(), "''".into()));
}

#[test]
fn sh_line_continuations() {
    let m = Mode::Sh;
    assert_eq!(values("a \\\n  b", m), ["a", "b"]);
    assert_eq!(values("a\\\nb", m), ["ab"]);
    // A CRLF, or blanks pasted after the backslash, still continue the line.
    assert_eq!(values("a \\\r\n b \\  \n c", m), ["a", "b", "c"]);
    assert!(!toks("a \\\r\n b", m).iter().any(|t| matches!(t, Token::Op(..))));
    // CRLF line ends: `\r` is a blank, the `\n` ends the statement.
    assert_eq!(toks("exec x\r\n", m), [word("exec", 0, 4), word("x", 5, 6), op(Op::Newline, 7, 8)]);
}

#[test]
fn sh_substitutions_are_one_word_kept_as_written() {
    let m = Mode::Sh;
    let t = "X=$(cat /proc/$$/stat | cut -d' ' -f4); exec mysqld";
    let w: Vec<Token> = toks(t, m);
    assert_eq!(w[0], word("X=$(cat /proc/$$/stat | cut -d' ' -f4)", 0, 38));
    assert_eq!(w[1], op(Op::Semi, 38, 39));
    assert_eq!(
        values("\"$(echo \"a b\")\" `a; b` ${A:-${B}} $((1+(2)))", m),
        ["$(echo \"a b\")", "`a; b`", "${A:-${B}}", "$((1+(2)))"]
    );
    assert_eq!(values("$A \"$B\" $", m), ["$A", "$B", "$"]);
}

#[test]
fn sh_problems() {
    let m = Mode::Sh;
    for (t, v) in [("'abc", "abc"), ("\"abc", "abc"), ("$(abc", "$(abc"), ("`ab", "`ab"), ("a\"$(b", "a$(b")]
    {
        let w: Vec<Word> = words(t, m).collect();
        assert_eq!(w.len(), 1, "{t}");
        assert_eq!((w[0].value.as_str(), w[0].problem), (v, Some(Problem::Unterminated)), "{t}");
        assert_eq!(w[0].raw, TextRange::new(0, t.len() as u32), "{t}");
    }
    assert_eq!(wr("abc\\", m), [("abc\\".into(), "abc\\".into())]);
    assert_eq!(problems("abc\\", m), [Some(Problem::TrailingBackslash)]);
}

#[test]
fn sh_unicode_blanks_and_multibyte_words() {
    assert_eq!(values("中文\u{a0}é\u{3000}x", Mode::Sh), ["中文", "é", "x"]);
    assert_eq!(wr("'é' \"中\"", Mode::Sh), [("é".into(), "'é'".into()), ("中".into(), "\"中\"".into())]);
}

#[test]
fn show_reads_shell_maybe_quote() {
    let m = Mode::Show;
    assert_eq!(values("MYSQLD_PARENT_PID=1 \"A=b c\"", m), ["MYSQLD_PARENT_PID=1", "A=b c"]);
    assert_eq!(values(r#""A=x\"y\\z\$w\`v""#, m), ["A=x\"y\\z$w`v"]);
    // Control characters come as C escapes; anything else after `\` is kept.
    assert_eq!(values(r#""A=1\n2\t3\001" "B=\q\x""#, m), ["A=1\n2\t3\u{1}", r"B=\q\x"]);
    assert_eq!(values(r"'a\b' c\ d", m), [r"a\b", "c d"]);
    assert_eq!(problems("\"A=b", m), [Some(Problem::Unterminated)]);
    assert_eq!(wr("\"\"", m), [(String::new(), "\"\"".into())]);
    assert_eq!(values("a\u{a0}b c", m), ["a\u{a0}b", "c"]);
}

#[test]
fn argv_is_a_plain_split() {
    let m = Mode::Argv;
    assert_eq!(
        values("/usr/sbin/mysqld --a=\"b c\" 'x' \\y", m),
        ["/usr/sbin/mysqld", "--a=\"b", "c\"", "'x'", "\\y"]
    );
    assert_eq!(wr(" é\t中 \r\n", m), [("é".into(), "é".into()), ("中".into(), "中".into())]);
    assert!(problems("\"", m).iter().all(Option::is_none));
}

#[test]
fn pathological_inputs_stay_linear() {
    let big = |s: &str| s.repeat(20_000);
    for t in
        [big("$("), big("\\"), big("'"), big("\""), big("`"), big("${"), big("a\\\n"), big("2>"), big("#\n")]
    {
        for m in [Mode::SystemdExec, Mode::SystemdEnv, Mode::Sh, Mode::Show, Mode::Argv] {
            let n = Lexer::new(&t, m).count();
            assert!(n <= t.len());
        }
    }
}

const MODES: [Mode; 5] = [Mode::SystemdExec, Mode::SystemdEnv, Mode::Sh, Mode::Show, Mode::Argv];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any text: no panic; tokens in order, inside the text, on character boundaries; a word's raw
    /// text lexed alone gives the same word back.
    #[test]
    fn arbitrary_text_lexes_losslessly(s in "[ -~\\t\\n\\r'\"\\\\$`(){};&|<>#é中\u{a0}]{0,80}") {
        for m in MODES {
            let mut prev_end = 0usize;
            for t in Lexer::at(&s, 7, m) {
                let r = match &t {
                    Token::Word(w) => w.raw,
                    Token::Op(_, r) | Token::Comment(r) => *r,
                };
                let local = (r.start as usize - 7)..(r.end as usize - 7);
                proptest::prop_assert!(local.start >= prev_end && local.start < local.end, "{m:?} {s:?} {t:?}");
                prev_end = local.end;
                let raw = s.get(local.clone());
                proptest::prop_assert!(raw.is_some(), "{m:?} {s:?}: {local:?} not on char boundaries");
                if let Token::Word(w) = &t {
                    let raw = raw.unwrap_or("");
                    let again: Vec<Word> = words(raw, m).collect();
                    proptest::prop_assert_eq!(again.len(), 1, "{:?} {:?} {:?}", m, s, raw);
                    proptest::prop_assert_eq!(&again[0].value, &w.value);
                    proptest::prop_assert_eq!(again[0].problem, w.problem);
                }
            }
        }
    }
}

/// Generated inputs on which an old splitter was right: pieces concatenated.
pub(crate) mod inputs {
    use proptest::prelude::*;

    pub(super) fn concat(pieces: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
        proptest::collection::vec(pieces, 0..14).prop_map(|v| v.concat())
    }

    pub(super) fn plain() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9/=._:@,+-]{1,5}|é|中文|\\$HOME".prop_map(String::from)
    }

    fn blank() -> impl Strategy<Value = String> {
        prop_oneof![Just(" "), Just("  "), Just("\t")].prop_map(String::from)
    }

    fn inside(extra: &'static [&'static str]) -> impl Strategy<Value = String> {
        let extra: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
        proptest::collection::vec(prop_oneof![plain(), blank(), proptest::sample::select(extra)], 0..5)
            .prop_map(|v| v.concat())
    }

    /// POSIX-sh words as `supervisor::words` read them right: no operators or comments, in "…"
    /// only the escapes POSIX has, no substitutions.
    pub(crate) fn sh() -> impl Strategy<Value = String> {
        concat(prop_oneof![
            plain(),
            blank(),
            inside(&["\"", "\\"]).prop_map(|s| format!("'{s}'")),
            inside(&["'", "\\$", "\\\"", "\\\\", "\\`", "$"]).prop_map(|s| format!("\"{s}\"")),
            "\\\\[a-zé'\" \\\\$#;&|<>]".prop_map(String::from),
            Just("\\\n".to_owned()),
        ])
    }

    /// `docker run` text as `container::spanned_words` read it right: no backslash inside quotes,
    /// continuations after a blank.
    pub(super) fn docker() -> impl Strategy<Value = String> {
        concat(prop_oneof![
            plain(),
            blank(),
            inside(&["\"", "\\"]).prop_map(|s| format!("'{s}'")),
            inside(&["'", "$"]).prop_map(|s| format!("\"{s}\"")),
            "\\\\[a-zé'\"$#;&|<>\\\\]".prop_map(String::from),
            Just(" \\\n".to_owned()),
        ])
    }

    /// `systemctl show` lists as `systemctl_show::shell_words` read them right: in "…" no C
    /// escape of a control character.
    pub(super) fn show() -> impl Strategy<Value = String> {
        concat(prop_oneof![
            plain(),
            Just(" ".to_owned()),
            Just("\t".to_owned()),
            inside(&["\"", "\\"]).prop_map(|s| format!("'{s}'")),
            inside(&["'", "\\$", "\\\"", "\\\\", "\\`", "\\z", "\\x", "$"]).prop_map(|s| format!("\"{s}\"")),
            "\\\\[a-zé'\" \\\\$]".prop_map(String::from),
        ])
    }

    /// `Environment=` values as `unit::split_environment` read them right: escapes that decode to
    /// a character (no NUL, no octal above 255, no `\xHH` above 0x7f), unknown escapes, stray
    /// quotes, trailing backslashes.
    pub(super) fn env() -> impl Strategy<Value = String> {
        let esc = proptest::sample::select(vec![
            r"\n",
            r"\t",
            r"\s",
            r"\\",
            r#"\""#,
            r"\'",
            r"\a",
            r"\v",
            r"\x41",
            r"\x7f",
            r"\101",
            r"\177",
            r"\u00e9",
            r"\u4e2d",
            r"\U0001F600",
            r"\q",
            r"\ ",
            r"\%",
            r"\$",
        ])
        .prop_map(String::from);
        concat(prop_oneof![
            plain(),
            Just(" ".to_owned()),
            Just("\t".to_owned()),
            Just("=".to_owned()),
            Just("%%".to_owned()),
            Just("A=".to_owned()),
            Just("\"".to_owned()),
            Just("'".to_owned()),
            esc,
            Just("\\".to_owned()),
        ])
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

    #[test]
    fn sh_matches_old_supervisor_words(s in inputs::sh()) {
        proptest::prop_assert_eq!(values(&s, Mode::Sh), old::words(&s), "{:?}", s);
    }

    #[test]
    fn sh_matches_old_container_spanned_words(s in inputs::docker()) {
        let new: Vec<(String, usize, usize)> =
            words(&s, Mode::Sh).map(|w| (w.value, w.raw.start as usize, w.raw.end as usize)).collect();
        proptest::prop_assert_eq!(new, old::spanned_words(&s), "{:?}", s);
    }

    #[test]
    fn show_matches_old_shell_words(s in inputs::show()) {
        proptest::prop_assert_eq!(values(&s, Mode::Show), old::shell_words(&s), "{:?}", s);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

    #[test]
    fn systemd_env_matches_old_split_environment(s in inputs::env()) {
        use crate::facts::unit::{EnvItem, environment_items};
        let new: Vec<old::EnvItem> = environment_items(&s)
            .into_iter()
            .map(|i| match i {
                EnvItem::Assign(n, v) => old::EnvItem::Assign(n, v),
                EnvItem::Invalid(w) => old::EnvItem::Invalid(w),
                EnvItem::SyntaxError(w) => old::EnvItem::SyntaxError(w),
            })
            .collect();
        proptest::prop_assert_eq!(new, old::split_environment(&s), "{:?}", s);
    }
}
