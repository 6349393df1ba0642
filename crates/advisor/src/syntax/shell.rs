//! Shell words: the one lexer for every command line the advisor reads — `ExecStart=` and
//! `Environment=` values, wrapper scripts and `sh -c` strings, `docker run` lines, `systemctl show`
//! values, `ps` command lines.
//!
//! Every [`Word`] carries its raw span (quotes and escapes included: `&text[raw]` is the word as
//! written) and its decoded value (quotes removed, escapes decoded). The lexer never fails and
//! never panics: an unterminated quote, a trailing backslash or an unknown escape gives the word a
//! [`Problem`] and a best-effort value, and lexing carries on. One pass, linear time, no recursion
//! (command substitutions nest through an explicit stack).
//!
//! The grammars, one per [`Mode`]:
//!
//! ```text
//! SystemdExec, SystemdEnv   (extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE), src/basic/extract-word.c)
//!   blank   = " " | "\t" | "\n" | "\r"
//!   word    = { char | quoted | escape }+
//!   quoted  = "'" { char | escape } "'" | '"' { char | escape } '"'   (anywhere in a word; ' and " alike)
//!   escape  = "\" ( a b f n r t v s \ " ' | x HH | u HHHH | U HHHHHHHH | OOO )   (cunescape_one, no NUL)
//!   SystemdExec only: a word written `\;` is `;` (config_parse_exec: a lone `;` separates commands)
//! Sh        (POSIX sh, XCU 2.2-2.3: token recognition)
//!   blank   = " " | "\t" | "\r" | VT | FF | other Unicode white space (pasted text, CRLF)
//!   op      = "\n" | ";" | "&&" | "||" | "|" | "&" | [digits] ("<" | ">" | ">>" | ">&" | "<&" | "<>" | ">|" | "<<" | "<<-")
//!   comment = "#" … end of line                        (at the start of a token only)
//!   word    = { char | "\" char | "'" … "'" | '"' { char | "\" ($ ` " \ newline) | subst } '"' | subst }+
//!   subst   = "$(" … ")" | "${" … "}" | "`" … "`"      (kept as written, nested through a stack)
//!   "\" newline is removed (a line continuation), also with blanks between them
//! Show      (systemctl show's string lists: shell_maybe_quote(s, 0), src/basic/escape.c)
//!   blank   = " " | "\t";  "…" honours \" \\ \$ \` and C escapes (\n \t \a … \OOO); '…' is literal;
//!   "\" char outside quotes is char
//! Argv      (argv joined by spaces: `ps` command lines, systemctl show's `argv[]=` (strv_join))
//!   blank   = Unicode white space; no quotes, no escapes
//! ```
//!
//! systemd.syntax(7) says a quote may open only at the start of a word; systemd's own parser
//! (`extract_first_word`, whose tests take `yay'foo'bar` to `yayfoobar`) accepts one anywhere, and
//! so does this lexer.

use crate::text::TextRange;

/// Which grammar to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// systemd's `ExecStart=` command lines (systemd.service(5) "Command lines").
    SystemdExec,
    /// systemd's `Environment=` / `UnsetEnvironment=` lists (systemd.exec(5)).
    SystemdEnv,
    /// POSIX sh: wrapper scripts, `sh -c` strings, `docker run` lines. The only mode with
    /// operators and comments.
    Sh,
    /// `systemctl show`'s `Environment=` / `UnsetEnvironment=` values.
    Show,
    /// An argv joined by spaces: `ps` output, `systemctl show`'s `argv[]=`.
    Argv,
}

/// What is wrong with a word (its value is still given, best effort).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A quote (or, in [`Mode::Sh`], a `$(`, `${` or backquote) still open at the end of the text;
    /// the word runs to the end.
    Unterminated,
    /// A `\` with nothing after it (kept in the value).
    TrailingBackslash,
    /// systemd: a `\` sequence that is not one of its C escapes; kept as written, as systemd does
    /// on its relaxed retry (`ExecStart=` warns and goes on, `Environment=` drops the rest).
    BadEscape,
}

/// One word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word as written, quotes and escapes included.
    pub raw: TextRange,
    /// The decoded value.
    pub value: String,
    /// The first problem found in the word, if any.
    pub problem: Option<Problem>,
}

/// A [`Mode::Sh`] operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// A newline (not one removed by a `\` continuation).
    Newline,
    /// `;`
    Semi,
    /// `&&`
    AndIf,
    /// `||`
    OrIf,
    /// `|`
    Pipe,
    /// `&`
    Amp,
    /// A redirection operator with its file-descriptor number (`>`, `2>&`, `<<`); its target is
    /// the next word.
    Redirect,
}

/// One token: a word, or (in [`Mode::Sh`]) an operator or a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    Word(Word),
    Op(Op, TextRange),
    /// `# …` up to (not including) the end of the line.
    Comment(TextRange),
}

/// The lexer: an iterator of [`Token`]s over one text.
///
/// # Example
///
/// ```text
/// let w: Vec<String> = words("mysqld '--a=b c' \\\n  --x", Mode::Sh).map(|w| w.value).collect();
/// assert_eq!(w, ["mysqld", "--a=b c", "--x"]);
/// ```
pub(crate) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    offset: u32,
    mode: Mode,
}

/// The words of `text` (operators and comments dropped); spans are relative to `text`.
pub(crate) fn words(text: &str, mode: Mode) -> impl Iterator<Item = Word> + '_ {
    Lexer::new(text, mode).filter_map(|t| match t {
        Token::Word(w) => Some(w),
        _ => None,
    })
}

/// The decoded values of the words of `text`.
pub(crate) fn values(text: &str, mode: Mode) -> Vec<String> {
    words(text, mode).map(|w| w.value).collect()
}

impl<'a> Lexer<'a> {
    /// Lexes `text`; spans are relative to it.
    pub(crate) fn new(text: &'a str, mode: Mode) -> Lexer<'a> {
        Lexer::at(text, 0, mode)
    }

    /// Lexes `text`, which starts at byte `offset` of its input: spans are `offset`-based.
    pub(crate) fn at(text: &'a str, offset: u32, mode: Mode) -> Lexer<'a> {
        Lexer { text, pos: 0, offset, mode }
    }

    fn range(&self, start: usize, end: usize) -> TextRange {
        let at = |i: usize| self.offset.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        TextRange::new(at(start), at(end))
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn is_blank(&self, c: char) -> bool {
        match self.mode {
            Mode::SystemdExec | Mode::SystemdEnv => matches!(c, ' ' | '\t' | '\n' | '\r'),
            Mode::Sh => {
                matches!(c, ' ' | '\t' | '\r' | '\x0b' | '\x0c') || (!c.is_ascii() && c.is_whitespace())
            }
            Mode::Show => matches!(c, ' ' | '\t'),
            Mode::Argv => c.is_whitespace(),
        }
    }

    /// In [`Mode::Sh`], the end of a line continuation starting at the `\` at `i`: `\` newline,
    /// with blanks (a pasted `\ ` or a CRLF) allowed between them.
    fn continuation(&self, i: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let mut j = i + 1;
        while matches!(b.get(j), Some(b' ' | b'\t' | b'\r')) {
            j += 1;
        }
        (b.get(j) == Some(&b'\n')).then_some(j + 1)
    }

    /// A [`Mode::Sh`] operator or comment at `start`, if one starts there.
    fn sh_operator(&mut self, start: usize) -> Option<Token> {
        let b = self.text.as_bytes();
        let next = b.get(start + 1).copied();
        let (op, len) = match b.get(start).copied()? {
            b'\n' => (Op::Newline, 1),
            b';' => (Op::Semi, 1),
            b'&' if next == Some(b'&') => (Op::AndIf, 2),
            b'&' => (Op::Amp, 1),
            b'|' if next == Some(b'|') => (Op::OrIf, 2),
            b'|' => (Op::Pipe, 1),
            b'<' | b'>' => (Op::Redirect, redirect_len(b, start)),
            b'#' => {
                let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |k| start + k);
                self.pos = end;
                return Some(Token::Comment(self.range(start, end)));
            }
            b'0'..=b'9' => {
                // A file-descriptor number right before a redirection (`2>&1`).
                let digits = b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
                let at = start + digits;
                if !matches!(b.get(at), Some(b'<' | b'>')) {
                    return None;
                }
                (Op::Redirect, digits + redirect_len(b, at))
            }
            _ => return None,
        };
        self.pos = start + len;
        Some(Token::Op(op, self.range(start, start + len)))
    }

    fn word(&mut self, start: usize) -> Word {
        let mut out = Vec::new();
        let mut problem = None;
        let end = match self.mode {
            Mode::SystemdExec | Mode::SystemdEnv => self.systemd_word(start, &mut out, &mut problem),
            Mode::Sh => self.sh_word(start, &mut out, &mut problem),
            Mode::Show => self.show_word(start, &mut out, &mut problem),
            Mode::Argv => {
                let mut i = start;
                while let Some(c) = self.char_at(i).filter(|&c| !self.is_blank(c)) {
                    i += c.len_utf8();
                }
                out.extend_from_slice(&self.text.as_bytes()[start..i]);
                i
            }
        };
        // Never stall, whatever a mode did.
        let end = end.max(start + self.char_at(start).map_or(1, char::len_utf8)).min(self.text.len());
        self.pos = end;
        let mut value =
            String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        if self.mode == Mode::SystemdExec && self.text.get(start..end) == Some("\\;") {
            value = ";".to_owned();
            problem = None;
        }
        Word { raw: self.range(start, end), value, problem }
    }

    /// extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE), relaxed like its retry with
    /// EXTRACT_CUNESCAPE_RELAX: an unknown escape is kept as written.
    fn systemd_word(&self, start: usize, out: &mut Vec<u8>, problem: &mut Option<Problem>) -> usize {
        let b = self.text.as_bytes();
        let mut quote: Option<u8> = None;
        let mut i = start;
        while i < b.len() {
            let c = b[i];
            if quote.is_none() && matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            match c {
                b'\'' | b'"' if quote.is_none() => {
                    quote = Some(c);
                    i += 1;
                }
                _ if quote == Some(c) => {
                    quote = None;
                    i += 1;
                }
                b'\\' => match cunescape(&b[i + 1..]) {
                    Some((decoded, len)) => {
                        decoded.push_to(out);
                        i += 1 + len;
                    }
                    None => {
                        out.push(b'\\');
                        i += 1;
                        match self.char_at(i) {
                            None => {
                                problem.get_or_insert(Problem::TrailingBackslash);
                            }
                            Some(n) => {
                                problem.get_or_insert(Problem::BadEscape);
                                out.extend_from_slice(&b[i..i + n.len_utf8()]);
                                i += n.len_utf8();
                            }
                        }
                    }
                },
                _ => i = copy_char(self.text, i, out),
            }
        }
        if quote.is_some() {
            problem.get_or_insert(Problem::Unterminated);
        }
        i
    }

    fn sh_word(&self, start: usize, out: &mut Vec<u8>, problem: &mut Option<Problem>) -> usize {
        let b = self.text.as_bytes();
        let mut i = start;
        while let Some(c) = self.char_at(i) {
            if self.is_blank(c) || matches!(c, '\n' | ';' | '&' | '|' | '<' | '>') {
                break;
            }
            match c {
                '\'' => match memchr::memchr(b'\'', &b[i + 1..]) {
                    Some(k) => {
                        out.extend_from_slice(&b[i + 1..i + 1 + k]);
                        i += k + 2;
                    }
                    None => {
                        out.extend_from_slice(&b[i + 1..]);
                        problem.get_or_insert(Problem::Unterminated);
                        i = b.len();
                    }
                },
                '"' => i = self.sh_dquote(i + 1, out, problem),
                '\\' => {
                    if let Some(n) = self.continuation(i) {
                        i = n;
                        continue;
                    }
                    match self.char_at(i + 1) {
                        Some(n) => {
                            out.extend_from_slice(&b[i + 1..i + 1 + n.len_utf8()]);
                            i += 1 + n.len_utf8();
                        }
                        None => {
                            out.push(b'\\');
                            problem.get_or_insert(Problem::TrailingBackslash);
                            i += 1;
                        }
                    }
                }
                '$' | '`' if starts_subst(b, i) => i = self.copy_subst(i, out, problem),
                _ => i = copy_char(self.text, i, out),
            }
        }
        i
    }

    /// Inside `"…"` from `i` (after the quote) to after the closing quote.
    fn sh_dquote(&self, mut i: usize, out: &mut Vec<u8>, problem: &mut Option<Problem>) -> usize {
        let b = self.text.as_bytes();
        while i < b.len() {
            match b[i] {
                b'"' => return i + 1,
                b'\\' => match b.get(i + 1) {
                    Some(&n @ (b'$' | b'`' | b'"' | b'\\')) => {
                        out.push(n);
                        i += 2;
                    }
                    Some(b'\n') => i += 2,
                    _ => {
                        out.push(b'\\');
                        i += 1;
                    }
                },
                b'$' | b'`' if starts_subst(b, i) => i = self.copy_subst(i, out, problem),
                _ => i = copy_char(self.text, i, out),
            }
        }
        problem.get_or_insert(Problem::Unterminated);
        b.len()
    }

    /// Copies a `$(…)`, `${…}` or `` `…` `` starting at `i` as written; returns its end.
    /// Nesting (parentheses, quotes, inner substitutions) is tracked with an explicit stack of
    /// the closing bytes expected.
    fn copy_subst(&self, i: usize, out: &mut Vec<u8>, problem: &mut Option<Problem>) -> usize {
        let b = self.text.as_bytes();
        let mut stack: Vec<u8> = Vec::new();
        let mut j = match b[i] {
            b'`' => {
                stack.push(b'`');
                i + 1
            }
            _ => {
                stack.push(if b.get(i + 1) == Some(&b'(') { b')' } else { b'}' });
                i + 2
            }
        };
        while j < b.len() {
            let Some(&top) = stack.last() else { break };
            let c = b[j];
            match top {
                b'"' => match c {
                    b'"' => {
                        stack.pop();
                    }
                    b'\\' => j += 1,
                    b'$' | b'`' if starts_subst(b, j) => {
                        if c == b'$' {
                            stack.push(if b[j + 1] == b'(' { b')' } else { b'}' });
                            j += 1;
                        } else {
                            stack.push(b'`');
                        }
                    }
                    _ => {}
                },
                b'`' => match c {
                    b'`' => {
                        stack.pop();
                    }
                    b'\\' => j += 1,
                    _ => {}
                },
                _ => match c {
                    _ if c == top => {
                        stack.pop();
                    }
                    b'\'' => j = memchr::memchr(b'\'', &b[j + 1..]).map_or(b.len(), |k| j + 1 + k),
                    b'"' => stack.push(b'"'),
                    b'`' => stack.push(b'`'),
                    b'\\' => j += 1,
                    b'$' if matches!(b.get(j + 1), Some(b'(' | b'{')) => {
                        stack.push(if b[j + 1] == b'(' { b')' } else { b'}' });
                        j += 1;
                    }
                    b'(' if top == b')' => stack.push(b')'),
                    _ => {}
                },
            }
            j += 1;
            if stack.is_empty() {
                break;
            }
        }
        let end = j.min(b.len());
        if !stack.is_empty() {
            problem.get_or_insert(Problem::Unterminated);
        }
        out.extend_from_slice(&b[i..end]);
        end
    }

    /// shell_maybe_quote()'s output, read back.
    fn show_word(&self, start: usize, out: &mut Vec<u8>, problem: &mut Option<Problem>) -> usize {
        let b = self.text.as_bytes();
        let mut quote: Option<u8> = None;
        let mut i = start;
        while i < b.len() {
            let c = b[i];
            match quote {
                None => match c {
                    b' ' | b'\t' => break,
                    b'"' | b'\'' => {
                        quote = Some(c);
                        i += 1;
                    }
                    b'\\' => match self.char_at(i + 1) {
                        Some(n) => {
                            out.extend_from_slice(&b[i + 1..i + 1 + n.len_utf8()]);
                            i += 1 + n.len_utf8();
                        }
                        None => {
                            out.push(b'\\');
                            problem.get_or_insert(Problem::TrailingBackslash);
                            i += 1;
                        }
                    },
                    _ => i = copy_char(self.text, i, out),
                },
                Some(q) if c == q => {
                    quote = None;
                    i += 1;
                }
                Some(b'"') if c == b'\\' => {
                    let rest = &b[i + 1..];
                    match rest.first() {
                        Some(&n @ (b'"' | b'\\' | b'$' | b'`')) => {
                            out.push(n);
                            i += 2;
                        }
                        // cescape_char(): control characters and invalid bytes.
                        Some(b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'0'..=b'3') => {
                            match cunescape(rest) {
                                Some((decoded, len)) => {
                                    decoded.push_to(out);
                                    i += 1 + len;
                                }
                                None => {
                                    out.push(b'\\');
                                    i += 1;
                                }
                            }
                        }
                        _ => {
                            out.push(b'\\');
                            i += 1;
                        }
                    }
                }
                Some(_) => i = copy_char(self.text, i, out),
            }
        }
        if quote.is_some() {
            problem.get_or_insert(Problem::Unterminated);
        }
        i
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        // Each turn moves `pos` forward by at least one character.
        loop {
            let c = self.char_at(self.pos)?;
            if self.is_blank(c) {
                self.pos += c.len_utf8();
                continue;
            }
            if self.mode == Mode::Sh
                && c == '\\'
                && let Some(n) = self.continuation(self.pos)
            {
                self.pos = n;
                continue;
            }
            break;
        }
        let start = self.pos;
        if self.mode == Mode::Sh
            && let Some(t) = self.sh_operator(start)
        {
            return Some(t);
        }
        Some(Token::Word(self.word(start)))
    }
}

/// Length of the redirection operator at `i` (a `<` or `>`).
fn redirect_len(b: &[u8], i: usize) -> usize {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'<'), Some(b'<'), Some(b'-')) => 3,
        (Some(b'<'), Some(b'<' | b'&' | b'>'), _) | (Some(b'>'), Some(b'>' | b'&' | b'|'), _) => 2,
        _ => 1,
    }
}

/// A `$(`, `${` or `` ` `` at `i`.
fn starts_subst(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(b'`') => true,
        Some(b'$') => matches!(b.get(i + 1), Some(b'(' | b'{')),
        _ => false,
    }
}

/// Copies the character at `i` (whole, even if multi-byte); returns the index after it.
fn copy_char(text: &str, i: usize, out: &mut Vec<u8>) -> usize {
    let n = text.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
    let end = (i + n).min(text.len());
    out.extend_from_slice(&text.as_bytes()[i..end]);
    end.max(i + 1)
}

/// What a C escape stands for: a character, or (`\xHH`, `\OOO`) a raw byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decoded {
    Char(char),
    Byte(u8),
}

impl Decoded {
    fn push_to(self, out: &mut Vec<u8>) {
        match self {
            Decoded::Char(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Decoded::Byte(b) => out.push(b),
        }
    }
}

/// systemd's `cunescape_one()` (src/basic/escape.c) for the text after a `\`: the decoded
/// character or byte and how many bytes the escape used. NUL is refused, as are octal values
/// above 255 and invalid code points.
fn cunescape(rest: &[u8]) -> Option<(Decoded, usize)> {
    let c = *rest.first()?;
    let simple = match c {
        b'a' => Some(0x07),
        b'b' => Some(0x08),
        b'f' => Some(0x0c),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(0x0b),
        b's' => Some(b' '),
        b'\\' | b'"' | b'\'' => Some(c),
        _ => None,
    };
    if let Some(b) = simple {
        return Some((Decoded::Byte(b), 1));
    }
    let number = |len: usize, radix: u32| -> Option<u32> {
        rest.get(1..1 + len)?.iter().try_fold(0u32, |n, &d| Some(n * radix + char::from(d).to_digit(radix)?))
    };
    match c {
        b'x' => {
            let v = number(2, 16).filter(|&v| v != 0)?;
            Some((Decoded::Byte(v as u8), 3))
        }
        b'u' => {
            let v = number(4, 16).filter(|&v| v != 0)?;
            Some((Decoded::Char(char::from_u32(v)?), 5))
        }
        b'U' => {
            let v = number(8, 16).filter(|&v| v != 0 && unichar_is_valid(v))?;
            Some((Decoded::Char(char::from_u32(v)?), 9))
        }
        b'0'..=b'7' => {
            let digits = rest.get(..3)?;
            let v = digits.iter().try_fold(0u32, |n, &d| Some(n * 8 + char::from(d).to_digit(8)?))?;
            (v != 0 && v <= 255).then_some((Decoded::Byte(v as u8), 3))
        }
        _ => None,
    }
}

/// systemd's `unichar_is_valid()` (src/basic/utf8.c).
fn unichar_is_valid(ch: u32) -> bool {
    ch < 0x11_0000
        && (ch & 0xFFFF_F800) != 0xD800
        && !(0xFDD0..=0xFDEF).contains(&ch)
        && (ch & 0xFFFE) != 0xFFFE
}

#[cfg(test)]
pub(crate) mod tests;
