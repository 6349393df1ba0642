//! Secret masking: passwords never appear in evidence, exports, JSON or Markdown.
//!
//! [`mask`] replaces every secret it recognises with `****` and keeps every other byte as it was.
//! It works line by line (a secret never spans lines), in linear time, and never fails.
//!
//! Recognised forms (keys are case-insensitive):
//! - **key/value**: a key that is `password`, `password1`…`password3`, or ends in `_password`,
//!   `-password`, `.password`, `_passwd`, `_pwd` (also `authentication_string`), followed by `=`,
//!   a table cell separator `|`, or `:` where a key can start (the line's start, a JSON key, after
//!   `{`, `,` or `- `; so prose like "name or password: check …" is left alone), then the value.
//!   This covers option files (`password = "x"`, `loose-password=x`, `replication_password=x`),
//!   `my_print_defaults` (`--password=x`), SQL (`SOURCE_PASSWORD = 'x'`, `MASTER_PASSWORD='x'`,
//!   `PASSWORD='x'` in `START REPLICA`), environment lines (`Environment=MYSQL_ROOT_PASSWORD=x`, `-e MYSQL_PWD=x`), compose/YAML
//!   (`MYSQL_ROOT_PASSWORD: x`), `\G` rows (`User_password: x`), table rows and JSON
//!   (`"password": "x"`, `"x_password": {"Value": "x"}` as `mysqld-auto.cnf` writes it).
//!   A quoted value is masked inside its quotes. An unquoted value runs to the end of the line when
//!   the key starts the line (option files: values may hold spaces), otherwise to the next space,
//!   quote, `,`, `;`, `)`, `}`, `]` or `&`. Keys naming a setting rather than a secret
//!   (`mysql_native_password`, `validate_password`, `MYSQL_ALLOW_EMPTY_PASSWORD`,
//!   `disconnect_on_expired_password`…) and `using password: YES` are left alone, as are values that
//!   are only a shell variable (`$MYSQL_PWD`, `${PASS}`).
//! - **SQL**: `IDENTIFIED BY 'x'`, `IDENTIFIED WITH plugin BY 'x'`, `IDENTIFIED BY PASSWORD 'x'`,
//!   `IDENTIFIED WITH plugin AS 'hash'`, `… REPLACE 'old'`, `SET PASSWORD [FOR u] = 'x'`.
//! - **command lines** of MySQL clients (a word starting with `mysql`, `mariadb`, `xtrabackup`,
//!   `mariabackup`, `innobackupex`, `mydumper` or `myloader` earlier on the line): `-pSECRET`,
//!   `-p'SECRET'` (not `-p` alone, which prompts, and not `-P3306`, the port), `--pass=SECRET` (the
//!   clients accept abbreviations of `--password`), and
//!   `user:secret@host` URIs (`mysqlsh root:x@db:3306`).
//! - **URLs** with credentials anywhere: `scheme://user:secret@host`.
//! - **Kubernetes** `env:` items: `- name: MYSQL_ROOT_PASSWORD` followed by `value: x`, and the
//!   JSON form (`"name": "MYSQL_ROOT_PASSWORD",` followed by `"value": "x"`).
//!
//! Not recognised: a secret split over two lines (`IDENTIFIED BY` at the end of one line and the
//! string on the next), `--password secret` (ambiguous: the MySQL clients read `secret` as a
//! database name), and passwords in free text.

use crate::text::TrimWs;

use std::borrow::Cow;
use std::ops::Range;

/// Words that start a MySQL client's command line (lower case).
const CLIENTS: &[&str] =
    &["mysql", "mariadb", "xtrabackup", "mariabackup", "innobackupex", "mydumper", "myloader"];

/// Which of the words the forms need occur in the first line of `l` (lower case): `pass`,
/// `pwd`, `authentication_string` ([`T_PW`]), `identified` ([`T_IDENTIFIED`]), `://`
/// ([`T_URL`]), a client's name ([`T_CLIENT`]); and where that line's `\n` is. One byte loop
/// that skips bytes no word starts with through a table, so that text without secrets costs one
/// cheap pass even in unoptimised builds.
fn triggers(l: &[u8]) -> (u8, Option<usize>) {
    // Bytes that start a trigger word, and the newline.
    const START: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        let firsts = b"pai:mx\n";
        while k < firsts.len() {
            t[firsts[k] as usize] = true;
            k += 1;
        }
        t
    };
    let mut found = 0;
    let mut i = 0;
    while i < l.len() {
        if !START[usize::from(l[i])] {
            i += 1;
            continue;
        }
        if l[i] == b'\n' {
            return (found, Some(i));
        }
        let (bit, words): (u8, &[&[u8]]) = match (l[i], l.get(i + 1).copied().unwrap_or(0)) {
            (b'p', b'a') => (T_PW, &[b"pass"]),
            (b'p', b'w') => (T_PW, &[b"pwd"]),
            (b'a', b'u') => (T_PW, &[b"authentication_string"]),
            (b'i', b'd') => (T_IDENTIFIED, &[b"identified"]),
            (b':', b'/') => (T_URL, &[b"://"]),
            (b'm', b'y') => (T_CLIENT, &[b"mysql", b"mydumper", b"myloader"]),
            (b'm', b'a') => (T_CLIENT, &[b"mariadb", b"mariabackup"]),
            (b'x', b't') => (T_CLIENT, &[b"xtrabackup"]),
            (b'i', b'n') => (T_CLIENT, &[b"innobackupex"]),
            _ => {
                i += 1;
                continue;
            }
        };
        if found & bit == 0 && words.iter().any(|w| l[i..].starts_with(w)) {
            found |= bit;
        }
        i += 1;
    }
    (found, None)
}

const T_PW: u8 = 1;
const T_IDENTIFIED: u8 = 2;
const T_URL: u8 = 4;
const T_CLIENT: u8 = 8;

/// The replacement for a secret.
pub(crate) const MASK: &str = "****";

/// Masks secrets in `text` (one or more lines). Returns the input unchanged (borrowed) when there
/// is nothing to mask.
pub(crate) fn mask(text: &str) -> Cow<'_, str> {
    let spans = secret_spans(text);
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in spans {
        out.push_str(text.get(at..r.start).unwrap_or(""));
        out.push_str(MASK);
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    Cow::Owned(out)
}

/// True when `text` holds a secret that [`mask`] would mask.
pub(crate) fn contains_secret(text: &str) -> bool {
    !secret_spans(text).is_empty()
}

/// Byte ranges of the secrets in `text`, sorted and disjoint.
fn secret_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    // One lower-case copy (same byte offsets), scanned once: only lines holding a trigger word
    // are looked at further (most lines of a paste hold none).
    let lower = text.to_ascii_lowercase();
    let lb = lower.as_bytes();
    // A line's end without the `\r` of a CRLF line.
    let content_end =
        |start: usize, end: usize| if end > start && lb[end - 1] == b'\r' { end - 1 } else { end };
    let mut start = 0;
    while start < lb.len() {
        let (found, nl) = triggers(&lb[start..]);
        let next = nl.map_or(lb.len(), |i| start + i);
        if found != 0 {
            let (s0, e0) = (start, content_end(start, next));
            let (content, lower_line) = (&text[s0..e0], &lower[s0..e0]);
            let before = spans.len();
            line_spans(content, lower_line, found, &mut spans);
            for r in &mut spans[before..] {
                r.start += s0;
                r.end += s0;
            }
            // Kubernetes: `- name: MYSQL_ROOT_PASSWORD` then `value: secret` on the next line.
            if is_k8s_secret_name(lower_line) && next < lb.len() {
                let s1 = next + 1;
                let e1 = content_end(s1, memchr::memchr(b'\n', &lb[s1..]).map_or(lb.len(), |i| s1 + i));
                if let Some(r) = k8s_value(&text[s1..e1]) {
                    spans.push(r.start + s1..r.end + s1);
                }
            }
        }
        start = next + 1;
    }
    crate::sort::sort_by_key(&mut spans, |r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    // Already masked values stay as they are (so masking is idempotent and `Borrowed` when clean).
    merged.retain(|r| text.get(r.clone()).is_some_and(|s| s != MASK));
    merged
}

/// `name: X_PASSWORD` (a Kubernetes `env:` item), whose value follows on the next line.
fn is_k8s_secret_name(lower: &str) -> bool {
    let t = lower.trim_start_ws();
    let t = t.strip_prefix("- ").unwrap_or(t).trim_start_ws();
    // YAML `name: X`, or JSON `"name": "X",` (`kubectl get pod -o json`).
    let Some(name) = t.strip_prefix("name:").or_else(|| t.strip_prefix("\"name\":")) else { return false };
    let name = name.trim_ws().trim_end_matches(',').trim_ws().trim_matches(|c| c == '"' || c == '\'');
    let word = ["password", "passwd", "pwd"].into_iter().find(|w| name.ends_with(w));
    word.is_some_and(|w| name.bytes().all(is_key_byte) && is_secret_key(name.as_bytes(), w.as_bytes()))
}

/// The value of a `value: x` line (inside quotes when quoted).
fn k8s_value(line: &str) -> Option<Range<usize>> {
    let b = line.as_bytes();
    let i = skip_ws(b, 0);
    let rest = line.get(i..)?;
    let key = if rest.starts_with("value:") {
        6
    } else if rest.starts_with("\"value\":") {
        8
    } else {
        return None;
    };
    let v = skip_ws(b, i + key);
    if v >= b.len() {
        return None;
    }
    if is_quote(b[v]) {
        let end = quoted_end(b, v);
        return (end > v + 1).then_some(v + 1..end);
    }
    let mut e = b.len();
    while e > v && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (e > v && !is_var_ref(&b[v..e])).then_some(v..e)
}

/// Secrets in one line (without terminator; `lower` is its ASCII lower case), as ranges into `line`.
/// `found` is [`triggers`] of the line: each form runs only when its words occur.
fn line_spans(line: &str, lower: &str, found: u8, out: &mut Vec<Range<usize>>) {
    let b = line.as_bytes();
    let has_pw = found & T_PW != 0;
    if has_pw {
        key_values(line, lower, out);
    }
    if found & T_IDENTIFIED != 0 {
        identified(b, lower, out);
    }
    if has_pw && lower.contains("set password") {
        set_password(b, lower, out);
    }
    if found & T_URL != 0 {
        urls(b, lower, out);
    }
    if found & T_CLIENT != 0
        && let Some(at) = client_command(lower)
    {
        command_line(b, at, out);
    }
}

fn is_key_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.'
}

fn is_quote(c: u8) -> bool {
    c == b'\'' || c == b'"' || c == b'`'
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Normalised key: lower case, `-` → `_`, leading dashes and `loose_` removed.
fn normalise_key(key: &[u8]) -> String {
    let s: String =
        key.iter().map(|&c| if c == b'-' { '_' } else { c.to_ascii_lowercase() as char }).collect();
    let s = s.trim_start_matches('_');
    s.strip_prefix("loose_").unwrap_or(s).to_owned()
}

/// Keys that end like a password key but name a setting, not a secret.
fn is_setting_key(key: &str) -> bool {
    const EXACT: &[&str] = &[
        "mysql_native_password",
        "sha256_password",
        "caching_sha2_password",
        "validate_password",
        "mysql_clear_password",
        "skip_password",
        "password_history",
    ];
    const SUFFIX: &[&str] = &[
        "empty_password",
        "random_root_password",
        "random_password",
        "onetime_password",
        "expired_password",
        "identified_by_password",
    ];
    EXACT.contains(&key) || SUFFIX.iter().any(|s| key.ends_with(s))
}

/// True for a value that is only a shell variable reference (`$X`, `${X}`).
fn is_var_ref(v: &[u8]) -> bool {
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

/// The end of a quoted string whose opening quote is at `open`: the index of the closing quote, or
/// `len` when it is not closed on this line. Backslash escapes and doubled quotes (SQL) are skipped.
fn quoted_end(b: &[u8], open: usize) -> usize {
    let q = b[open];
    let mut i = open + 1;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
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

/// Pushes the span of a quoted string's contents (opening quote at `open`); returns the index after
/// the closing quote.
fn push_quoted(b: &[u8], open: usize, out: &mut Vec<Range<usize>>) -> usize {
    let end = quoted_end(b, open);
    if end > open + 1 {
        out.push(open + 1..end);
    }
    (end + 1).min(b.len())
}

/// `key = value`, `key: value`, `| key | value |` with a password-like key.
fn key_values(line: &str, ls: &str, out: &mut Vec<Range<usize>>) {
    let b = line.as_bytes();
    let l = ls.as_bytes();
    let first = skip_ws(b, 0);
    let mut words = Finder::new(&["password", "passwd", "pwd", "authentication_string"]);
    let mut from = 0;
    while let Some((word_start, mut end)) = words.next(ls, from) {
        from = end;
        // `password1`..`password3` (multi-factor authentication options).
        if l[end - 1] == b'd' && end < l.len() && matches!(l[end], b'1'..=b'3') {
            end += 1;
        }
        if end < l.len() && (l[end].is_ascii_alphanumeric() || l[end] == b'_') {
            continue; // `password_history`, `passwords`: not the end of the key
        }
        // The separator (checked before looking left, which keeps the scan linear).
        let mut i = end;
        let key_quote = b.get(i).copied().filter(|&c| is_quote(c));
        if key_quote.is_some() {
            i += 1; // JSON key `"password"`
        }
        i = skip_ws(b, i);
        let Some(&sep) = b.get(i) else { continue };
        let table = sep == b'|';
        if !(sep == b'=' || sep == b':' || table)
            || (sep == b':' && b.get(i + 1) == Some(&b'/'))
            || (sep == b'=' && b.get(i + 1) == Some(&b'='))
        {
            continue;
        }
        let mut ks = word_start;
        while ks > 0 && is_key_byte(l[ks - 1]) {
            ks -= 1;
        }
        let word = &l[word_start..end];
        if !is_secret_key(&l[ks..end], word) || l[..ks].ends_with(b"using ") {
            continue; // "(using password: YES)"
        }
        // What opens just before the key: a quote makes an unquoted value run to the matching quote.
        let opener = if ks > 0 && is_quote(b[ks - 1]) { Some(b[ks - 1]) } else { None };
        if key_quote.is_some() && key_quote != opener {
            continue;
        }
        // `key: value` only where a key can start: the line's start (`\G` rows, YAML), a JSON key,
        // `{`/`,`/`- ` before it, or `@password :=`. Prose such as "name or password: check …" is
        // left alone.
        if sep == b':' && ks != first && opener.is_none() {
            let prev = b[..ks].iter().rposition(|c| !c.is_ascii_whitespace()).map(|p| b[p]);
            if !matches!(prev, Some(b'{' | b',' | b'-' | b'@')) {
                continue;
            }
        }
        i += 1;
        if sep == b':' && b.get(i) == Some(&b'=') {
            i += 1; // `:=`
        }
        i = skip_ws(b, i);
        if i >= b.len() {
            continue;
        }
        if is_quote(b[i]) {
            from = push_quoted(b, i, out).max(from);
            continue;
        }
        if b[i] == b'{' {
            // mysqld-auto.cnf: `"x_password": {"Value": "secret", …}`
            let close = l[i..].iter().position(|&c| c == b'}').map(|p| p + i).unwrap_or(l.len());
            from = from.max(close);
            if let Some(v) = find(ls.get(..close).unwrap_or(""), "\"value\"", i) {
                let j = skip_ws(b, v + 7);
                if b.get(j) == Some(&b':') {
                    let j = skip_ws(b, j + 1);
                    if b.get(j).is_some_and(|&c| is_quote(c)) {
                        from = push_quoted(b, j, out).max(from);
                    }
                }
            }
            continue;
        }
        let dashed = l[ks..].starts_with(b"--");
        let value_end = if table {
            b[i..].iter().position(|&c| c == b'|').map(|p| p + i).unwrap_or(b.len())
        } else if let Some(q) = opener {
            b[i..].iter().position(|&c| c == q).map(|p| p + i).unwrap_or(b.len())
        } else if ks == first && !dashed {
            b.len()
        } else {
            b[i..]
                .iter()
                .position(|&c| {
                    c.is_ascii_whitespace()
                        || matches!(c, b'\'' | b'"' | b',' | b';' | b'(' | b')' | b'&' | b'}' | b']')
                })
                .map(|p| p + i)
                .unwrap_or(b.len())
        };
        // Never scan the same value twice (keeps the whole line linear).
        from = from.max(value_end);
        let mut ve = value_end;
        while ve > i && b[ve - 1].is_ascii_whitespace() {
            ve -= 1;
        }
        // `PASSWORD('x')` is a function call (see `set_password`), not the value.
        let call = b.get(value_end) == Some(&b'(');
        if ve > i && !call && !is_var_ref(&b[i..ve]) {
            out.push(i..ve);
        }
    }
}

/// Whether `key` (ending with the matched `word`, both lower case) names a secret.
fn is_secret_key(key: &[u8], word: &[u8]) -> bool {
    let before = key.len().saturating_sub(word.len());
    let sep = before.checked_sub(1).and_then(|i| key.get(i)).copied();
    let shape = if word == b"authentication_string" {
        true
    } else if word.starts_with(b"password") {
        // `password`, `--password`, `x_password`, `x-password`, `x.password`
        key[..before].iter().all(|&c| c == b'-') || matches!(sep, Some(b'_' | b'-' | b'.'))
    } else {
        // `pwd`/`passwd` only as a suffix (`MYSQL_PWD`, not `PWD`, `OLDPWD`, `--pwd`).
        matches!(sep, Some(b'_' | b'-')) && key[..before].iter().any(|&c| c != b'-' && c != b'_')
    };
    if !shape {
        return false;
    }
    let key = normalise_key(key);
    !key.is_empty() && !is_setting_key(&key)
}

/// Finds the next occurrence of any of a few needles, remembering each needle's next position so
/// that repeated calls (with a non-decreasing `from`) stay linear.
struct Finder<'n> {
    needles: &'n [&'n str],
    /// Per needle: not searched yet (`None`), none left (`Some(None)`), or the next position.
    next: Vec<Option<Option<usize>>>,
}

impl<'n> Finder<'n> {
    fn new(needles: &'n [&'n str]) -> Finder<'n> {
        Finder { needles, next: vec![None; needles.len()] }
    }

    fn next(&mut self, hay: &str, from: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (k, needle) in self.needles.iter().enumerate() {
            match self.next[k] {
                Some(Some(p)) if p >= from => {}
                Some(None) => {}
                _ => self.next[k] = Some(find(hay, needle, from)),
            }
            if let Some(Some(p)) = self.next[k]
                && best.is_none_or(|(s, _)| p < s)
            {
                best = Some((p, p + needle.len()));
            }
        }
        best
    }
}

/// The first `needle` in `hay` at or after `from` (std's substring search: fast even unoptimised).
fn find(hay: &str, needle: &str, from: usize) -> Option<usize> {
    match hay.get(from..) {
        Some(rest) => rest.find(needle).map(|p| p + from),
        // Not a char boundary (never expected: positions come from ASCII bytes); search bytes.
        None => {
            let (h, n) = (hay.as_bytes(), needle.as_bytes());
            if from >= h.len() || n.is_empty() {
                return None;
            }
            h[from..].windows(n.len()).position(|w| w == n).map(|p| p + from)
        }
    }
}

fn word_at(l: &[u8], i: usize, word: &[u8]) -> bool {
    l.get(i..i + word.len()) == Some(word) && !l.get(i + word.len()).is_some_and(|&c| is_key_byte(c))
}

/// `IDENTIFIED [WITH plugin] BY [PASSWORD] 'x' [REPLACE 'y']`, `IDENTIFIED WITH plugin AS 'hash'`.
fn identified(b: &[u8], ls: &str, out: &mut Vec<Range<usize>>) {
    let l = ls.as_bytes();
    let mut from = 0;
    while let Some(p) = find(ls, "identified", from) {
        from = p + 10;
        if p > 0 && is_key_byte(l[p - 1]) || !word_at(l, p, b"identified") {
            continue;
        }
        let mut i = skip_ws(b, p + 10);
        if word_at(l, i, b"with") {
            i = skip_ws(b, i + 4);
            // The plugin: quoted or a bare word.
            if i < b.len() && is_quote(b[i]) {
                i = (quoted_end(b, i) + 1).min(b.len());
            } else {
                while i < b.len() && is_key_byte(b[i]) {
                    i += 1;
                }
            }
            i = skip_ws(b, i);
        }
        if word_at(l, i, b"by") {
            i = skip_ws(b, i + 2);
            if word_at(l, i, b"password") {
                i = skip_ws(b, i + 8);
            }
        } else if word_at(l, i, b"as") {
            i = skip_ws(b, i + 2);
        } else {
            continue;
        }
        from = from.max(i);
        if i < b.len() && is_quote(b[i]) {
            i = push_quoted(b, i, out);
            from = from.max(i);
            let j = skip_ws(b, i);
            if word_at(l, j, b"replace") {
                let k = skip_ws(b, j + 7);
                if k < b.len() && is_quote(b[k]) {
                    push_quoted(b, k, out);
                }
            }
        }
    }
}

/// `SET PASSWORD [FOR user] = 'x'` and `= PASSWORD('x')`.
fn set_password(b: &[u8], ls: &str, out: &mut Vec<Range<usize>>) {
    let l = ls.as_bytes();
    let mut from = 0;
    while let Some(p) = find(ls, "set password", from) {
        from = p + 12;
        let Some(eq) = l[from..].iter().position(|&c| c == b'=').map(|e| e + from) else { break };
        from = eq + 1;
        let mut i = skip_ws(b, eq + 1);
        if word_at(l, i, b"password") {
            i = skip_ws(b, i + 8);
            if b.get(i) == Some(&b'(') {
                i = skip_ws(b, i + 1);
            }
        }
        if i < b.len() && is_quote(b[i]) {
            push_quoted(b, i, out);
        }
    }
}

/// `scheme://user:secret@host`.
fn urls(b: &[u8], ls: &str, out: &mut Vec<Range<usize>>) {
    let mut from = 0;
    while let Some(p) = find(ls, "://", from) {
        let auth_start = p + 3;
        let auth_end = b[auth_start..]
            .iter()
            .position(|&c| {
                c.is_ascii_whitespace() || matches!(c, b'/' | b'?' | b'#' | b'"' | b'\'' | b'>' | b'<')
            })
            .map(|e| e + auth_start)
            .unwrap_or(b.len());
        from = auth_end.max(auth_start);
        let auth = &b[auth_start..auth_end];
        let Some(at) = auth.iter().rposition(|&c| c == b'@') else { continue };
        let Some(colon) = auth[..at].iter().position(|&c| c == b':') else { continue };
        let (s, e) = (auth_start + colon + 1, auth_start + at);
        if e > s && !is_var_ref(&b[s..e]) {
            out.push(s..e);
        }
    }
}

/// Where the first MySQL client command word of the line ends, if any.
fn client_command(ls: &str) -> Option<usize> {
    let l = ls.as_bytes();
    let mut i = 0;
    while i < l.len() {
        // The start of a word: after whitespace, a quote, `=`, `/` (a path) or at the line start;
        // and every client's name starts with `m`, `x` or `i`.
        let starts = matches!(l[i], b'm' | b'x' | b'i')
            && (i == 0 || matches!(l[i - 1], b' ' | b'\t' | b'"' | b'\'' | b'=' | b'/' | b'(' | b';' | b'`'));
        if starts && CLIENTS.iter().any(|p| l[i..].starts_with(p.as_bytes())) {
            let end = l[i..].iter().position(|&c| c.is_ascii_whitespace()).map(|e| e + i).unwrap_or(l.len());
            return Some(end);
        }
        i += 1;
    }
    None
}

/// For `--pass=x` … `--passwor=x` (abbreviations of `--password`), the index of the `=`.
fn abbreviated_password(tok: &[u8]) -> Option<usize> {
    let eq = tok.iter().position(|&c| c == b'=')?;
    let name = tok[..eq].to_ascii_lowercase();
    (name.len() >= 6 && b"--password".starts_with(&name)).then_some(eq)
}

/// `-pSECRET`, `-p'SECRET'`, `--pass=SECRET` and `user:secret@host` after a client command word.
fn command_line(b: &[u8], from: usize, out: &mut Vec<Range<usize>>) {
    let mut i = from;
    while i < b.len() {
        if !(b[i] == b' ' || b[i] == b'\t') {
            i += 1;
            continue;
        }
        let tok_start = skip_ws(b, i);
        if tok_start >= b.len() {
            break;
        }
        // An argument may be quoted as a whole: `"-psecret"`.
        let (opener, t) =
            if is_quote(b[tok_start]) { (Some(b[tok_start]), tok_start + 1) } else { (None, tok_start) };
        let tok_end = b[t..]
            .iter()
            .position(|&c| match opener {
                Some(q) => c == q,
                None => c.is_ascii_whitespace(),
            })
            .map(|e| e + t)
            .unwrap_or(b.len());
        let tok = &b[t..tok_end];
        if tok.len() > 2 && tok.starts_with(b"-p") {
            let v = t + 2;
            if is_quote(b[v]) {
                push_quoted(b, v, out);
            } else if !is_var_ref(&b[v..tok_end]) {
                out.push(v..tok_end);
            }
        } else if let Some(eq) = abbreviated_password(tok) {
            // `--pass=x`: the clients accept any unambiguous prefix of `--password`.
            let v = t + eq + 1;
            if v < tok_end && is_quote(b[v]) {
                push_quoted(b, v, out);
            } else if v < tok_end && !is_var_ref(&b[v..tok_end]) {
                out.push(v..tok_end);
            }
        } else if !tok.starts_with(b"-") || tok.starts_with(b"--uri=") {
            // `user:secret@host` (mysqlsh URI without a scheme).
            let uri = tok.strip_prefix(b"--uri=").unwrap_or(tok);
            let base = t + (tok.len() - uri.len());
            if !uri.windows(3).any(|w| w == b"://")
                && let (Some(colon), Some(at)) =
                    (uri.iter().position(|&c| c == b':'), uri.iter().rposition(|&c| c == b'@'))
            {
                let user = &uri[..colon];
                if colon < at
                    && !user.is_empty()
                    && user.iter().all(|&c| is_key_byte(c))
                    && at + 1 < uri.len()
                    && !is_var_ref(&uri[colon + 1..at])
                {
                    out.push(base + colon + 1..base + at);
                }
            }
        }
        i = tok_end.max(tok_start + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> String {
        mask(s).into_owned()
    }

    #[track_caller]
    fn unchanged(s: &str) {
        assert!(matches!(mask(s), Cow::Borrowed(_)), "expected no change in {s:?}, got {:?}", m(s));
        assert!(!contains_secret(s));
    }

    #[test]
    fn option_file_forms() {
        assert_eq!(m("password=secret"), "password=****");
        assert_eq!(m("password = secret"), "password = ****");
        assert_eq!(m("password = \"s3 cr#t\""), "password = \"****\"");
        assert_eq!(m("password='x'"), "password='****'");
        assert_eq!(m("  password\t=\tsecret  "), "  password\t=\t****  ");
        assert_eq!(m("loose-password=secret"), "loose-password=****");
        assert_eq!(m("loose_password = secret"), "loose_password = ****");
        assert_eq!(m("replication_password=secret"), "replication_password=****");
        assert_eq!(m("report-password = secret"), "report-password = ****");
        assert_eq!(m("PASSWORD=Secret"), "PASSWORD=****");
        assert_eq!(
            m("password1=a\npassword2=b\npassword3=c"),
            "password1=****\npassword2=****\npassword3=****"
        );
        // Values may hold spaces in option files: all of it is masked.
        assert_eq!(m("password = two words"), "password = ****");
    }

    #[test]
    fn keeps_other_lines_and_crlf_byte_for_byte() {
        let t = "[client]\r\nuser=root\r\npassword=hunter2\r\nport=3306\r\n";
        assert_eq!(m(t), "[client]\r\nuser=root\r\npassword=****\r\nport=3306\r\n");
        let t = "[mysqld]\nserver_id=2\n\n[client]\npassword = x\n";
        assert_eq!(m(t), "[mysqld]\nserver_id=2\n\n[client]\npassword = ****\n");
    }

    #[test]
    fn my_print_defaults_and_command_line_long_option() {
        assert_eq!(m("--password=secret"), "--password=****");
        assert_eq!(m("--loose-password=secret"), "--loose-password=****");
        assert_eq!(
            m("ExecStartPost=/usr/bin/mysqladmin --user=root --password=secret ping"),
            "ExecStartPost=/usr/bin/mysqladmin --user=root --password=**** ping"
        );
        assert_eq!(m("mysql --password='a b' -e 'select 1'"), "mysql --password='****' -e 'select 1'");
    }

    #[test]
    fn sql_forms() {
        assert_eq!(
            m("CREATE USER 'rpl'@'%' IDENTIFIED BY 'S3cret!';"),
            "CREATE USER 'rpl'@'%' IDENTIFIED BY '****';"
        );
        assert_eq!(
            m("ALTER USER root@localhost identified with mysql_native_password by \"x\";"),
            "ALTER USER root@localhost identified with mysql_native_password by \"****\";"
        );
        assert_eq!(
            m("CREATE USER u IDENTIFIED WITH 'caching_sha2_password' BY 'p''q';"),
            "CREATE USER u IDENTIFIED WITH 'caching_sha2_password' BY '****';"
        );
        assert_eq!(
            m("GRANT ALL ON *.* TO u IDENTIFIED BY PASSWORD '*AB12';"),
            "GRANT ALL ON *.* TO u IDENTIFIED BY PASSWORD '****';"
        );
        assert_eq!(
            m("CREATE USER u IDENTIFIED WITH caching_sha2_password AS '$A$005$xyz'"),
            "CREATE USER u IDENTIFIED WITH caching_sha2_password AS '****'"
        );
        assert_eq!(
            m("ALTER USER USER() IDENTIFIED BY 'new' REPLACE 'old';"),
            "ALTER USER USER() IDENTIFIED BY '****' REPLACE '****';"
        );
        assert_eq!(
            m("CLONE INSTANCE FROM 'donor'@'db1':3306 IDENTIFIED BY 'pw';"),
            "CLONE INSTANCE FROM 'donor'@'db1':3306 IDENTIFIED BY '****';"
        );
        assert_eq!(m("SET PASSWORD FOR 'u'@'%' = 'x';"), "SET PASSWORD FOR 'u'@'%' = '****';");
        assert_eq!(m("SET PASSWORD = PASSWORD('x');"), "SET PASSWORD = PASSWORD('****');");
        assert_eq!(m("SET PASSWORD = 'x';"), "SET PASSWORD = '****';");
        assert_eq!(
            m(
                "CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', SOURCE_USER='rpl', SOURCE_PASSWORD='pw', SOURCE_AUTO_POSITION=1;"
            ),
            "CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', SOURCE_USER='rpl', SOURCE_PASSWORD='****', SOURCE_AUTO_POSITION=1;"
        );
        assert_eq!(m("  SOURCE_PASSWORD = 'pw',"), "  SOURCE_PASSWORD = '****',");
        assert_eq!(
            m("CHANGE MASTER TO MASTER_PASSWORD='pw', MASTER_USER='r'"),
            "CHANGE MASTER TO MASTER_PASSWORD='****', MASTER_USER='r'"
        );
        assert_eq!(m("START REPLICA USER='rpl' PASSWORD='pw';"), "START REPLICA USER='rpl' PASSWORD='****';");
        assert_eq!(
            m("mysql> CREATE USER a IDENTIFIED BY 'x'; CREATE USER b IDENTIFIED BY 'y';"),
            "mysql> CREATE USER a IDENTIFIED BY '****'; CREATE USER b IDENTIFIED BY '****';"
        );
    }

    #[test]
    fn short_password_option_on_client_command_lines() {
        assert_eq!(m("mysql -uroot -psecret -e 'SELECT 1'"), "mysql -uroot -p**** -e 'SELECT 1'");
        assert_eq!(m("$ mysqldump -h db1 -P3306 -pS3cr3t db"), "$ mysqldump -h db1 -P3306 -p**** db");
        assert_eq!(
            m("ExecStartPost=/usr/bin/mysqladmin -uroot -p'a b' ping"),
            "ExecStartPost=/usr/bin/mysqladmin -uroot -p'****' ping"
        );
        assert_eq!(
            m("docker exec db mysql -uroot -p\"x\" -e 'x'"),
            "docker exec db mysql -uroot -p\"****\" -e 'x'"
        );
        assert_eq!(
            m(
                "ExecStart={ path=/usr/bin/mysql ; argv[]=/usr/bin/mysql -uroot -phunter2 ; ignore_errors=no }"
            ),
            "ExecStart={ path=/usr/bin/mysql ; argv[]=/usr/bin/mysql -uroot -p**** ; ignore_errors=no }"
        );
        // `-port` is a password (the classic mistake), on a mysql command line.
        assert_eq!(m("mysql -port=3306"), "mysql -p****");
        assert_eq!(m("mariadb-dump -p1234 db"), "mariadb-dump -p**** db");
        assert_eq!(m("xtrabackup --backup -uroot -pabc"), "xtrabackup --backup -uroot -p****");
        assert_eq!(m("mysql --user=root --pass=abc db"), "mysql --user=root --pass=**** db");
        assert_eq!(m("mysqldump --passwo='a b' db"), "mysqldump --passwo='****' db");
        unchanged("mysql --pa=x --port=3306 --passive");
    }

    #[test]
    fn short_option_near_misses() {
        unchanged("mysql -uroot -p -e 'SELECT 1'");
        unchanged("mysql -h db1 -P3306 -u root -p mydb");
        unchanged("mysql -uroot -p$MYSQL_ROOT_PASSWORD");
        unchanged("mysql -uroot -p${PASS}");
        unchanged("mkdir -pv /var/lib/mysql-files");
        unchanged("install -d -m 0750 -o mysql -g mysql -p /run/mysqld");
        unchanged("ssh -p2222 db1");
        unchanged("docker run -p3306:3306 mysql:8.0");
        unchanged("ExecStartPre=/usr/bin/mkdir -p /run/mysqld");
    }

    #[test]
    fn uris() {
        assert_eq!(m("mysql://root:secret@db1:3306/app"), "mysql://root:****@db1:3306/app");
        assert_eq!(
            m("DATABASE_URL=mysql+pymysql://app:p%40ss@db/app?x=1"),
            "DATABASE_URL=mysql+pymysql://app:****@db/app?x=1"
        );
        assert_eq!(
            m("see https://dev.mysql.com/doc/refman/8.0/en/clone-plugin.html"),
            "see https://dev.mysql.com/doc/refman/8.0/en/clone-plugin.html"
        );
        assert_eq!(m("mysqlsh root:secret@db1:3306 --sql"), "mysqlsh root:****@db1:3306 --sql");
        assert_eq!(m("mysqlsh --uri=root:secret@db1"), "mysqlsh --uri=root:****@db1");
        unchanged("mysqlx://root@db1:33060");
        unchanged("mysqlsh root@db1:3306");
        unchanged("mysql> CLONE INSTANCE FROM 'donor'@'db1':3306 IDENTIFIED BY RANDOM PASSWORD;");
    }

    #[test]
    fn environment_and_yaml() {
        assert_eq!(m("Environment=MYSQL_ROOT_PASSWORD=secret"), "Environment=MYSQL_ROOT_PASSWORD=****");
        assert_eq!(m("Environment=\"MYSQL_PWD=a b\" \"X=1\""), "Environment=\"MYSQL_PWD=****\" \"X=1\"");
        assert_eq!(m("Environment=MYSQL_PWD=x TZ=UTC"), "Environment=MYSQL_PWD=**** TZ=UTC");
        assert_eq!(
            m("docker run -e MYSQL_ROOT_PASSWORD=secret -d mysql:8.0"),
            "docker run -e MYSQL_ROOT_PASSWORD=**** -d mysql:8.0"
        );
        assert_eq!(m("      MYSQL_ROOT_PASSWORD: secret"), "      MYSQL_ROOT_PASSWORD: ****");
        assert_eq!(m("      MYSQL_PASSWORD: \"s e\""), "      MYSQL_PASSWORD: \"****\"");
        assert_eq!(m("      - MYSQL_ROOT_PASSWORD=secret"), "      - MYSQL_ROOT_PASSWORD=****");
        assert_eq!(m("      - \"MYSQL_ROOT_PASSWORD=sec ret\""), "      - \"MYSQL_ROOT_PASSWORD=****\"");
        assert_eq!(m("MYSQL_PWD=secret"), "MYSQL_PWD=****");
        let k8s = "        env:\n        - name: MYSQL_ROOT_PASSWORD\n          value: \"s3cret\"\n        - name: MYSQL_PWD\n          value: plain pw\n        - name: TZ\n          value: UTC\n";
        assert_eq!(
            m(k8s),
            "        env:\n        - name: MYSQL_ROOT_PASSWORD\n          value: \"****\"\n        - name: MYSQL_PWD\n          value: ****\n        - name: TZ\n          value: UTC\n"
        );
        unchanged("        - name: MYSQL_ALLOW_EMPTY_PASSWORD\n          value: \"yes\"\n");
        unchanged("        - name: MYSQL_ROOT_PASSWORD\n          valueFrom:\n            secretKeyRef:\n");
        // `kubectl get pod -o json`.
        assert_eq!(
            m("    {\n        \"name\": \"MYSQL_ROOT_PASSWORD\",\n        \"value\": \"s3 cret\"\n    },"),
            "    {\n        \"name\": \"MYSQL_ROOT_PASSWORD\",\n        \"value\": \"****\"\n    },"
        );
        unchanged("        \"name\": \"MYSQL_DATABASE\",\n        \"value\": \"app\"\n");
    }

    #[test]
    fn mysql_output_forms() {
        assert_eq!(m("            User_password: secret"), "            User_password: ****");
        assert_eq!(m("| replication_password | secret |"), "| replication_password | **** |");
        assert_eq!(
            m("  authentication_string: *6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9"),
            "  authentication_string: ****"
        );
        assert_eq!(
            m(
                r#"{"Version": 2, "mysql_server": {"x_password": {"Value": "secret", "Metadata": {"User": "root"}}}}"#
            ),
            r#"{"Version": 2, "mysql_server": {"x_password": {"Value": "****", "Metadata": {"User": "root"}}}}"#
        );
        assert_eq!(m(r#"  "password": "secret","#), r#"  "password": "****","#);
        assert_eq!(m(r#"{user: root, password: secret}"#), r#"{user: root, password: ****}"#);
        assert_eq!(m("  - password: secret"), "  - password: ****");
        assert_eq!(m("SET @password := 'x';"), "SET @password := '****';");
    }

    #[test]
    fn setting_names_and_prose_are_not_secrets() {
        unchanged("default_authentication_plugin=mysql_native_password");
        unchanged("mysql_native_password=ON");
        unchanged("loose-validate_password=FORCE_PLUS_PERMANENT");
        unchanged("validate_password.policy = MEDIUM");
        unchanged("validate_password_length=8");
        unchanged("| disconnect_on_expired_password | ON |");
        unchanged("default_password_lifetime = 0");
        unchanged("password_history = 5");
        unchanged("old_passwords=0");
        unchanged("      MYSQL_ALLOW_EMPTY_PASSWORD: \"yes\"");
        unchanged("      MYSQL_RANDOM_ROOT_PASSWORD: yes");
        unchanged("      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db_root");
        unchanged("Environment=MYSQL_ROOT_PASSWORD=$ROOTPW");
        unchanged("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)");
        unchanged("mysql: [Warning] Using a password on the command line interface can be insecure.");
        unchanged("Enter password: ");
        unchanged("the source refused the replication user's name or password: check SOURCE_USER");
        unchanged("Error: wrong password: try again");
        unchanged("password=");
        unchanged("PWD=/home/dba");
        unchanged("OLDPWD=/root");
        unchanged("passwd: files systemd");
        unchanged("[mysqld]\nserver_id=1\nrelay_log_recovery=ON\n");
        unchanged("");
    }

    #[test]
    fn masking_is_idempotent() {
        for s in ["password=****", "mysql -p****", "mysql://u:****@h", "IDENTIFIED BY '****'"] {
            unchanged(s);
        }
    }

    #[test]
    fn the_report_says_when_it_masked_something() {
        let r = crate::analyze(&[
            crate::Input::new("my.cnf", "[client]\npassword=hunter2\n"),
            crate::Input::new("clean.cnf", "[mysqld]\nserver_id=2\n"),
        ]);
        let masked: Vec<_> = r.notes.iter().filter(|n| n.contains("****")).collect();
        assert_eq!(masked.len(), 1, "{:?}", r.notes);
        assert!(masked[0].contains("my.cnf"));
        assert!(!r.to_json().contains("hunter2"));
        let r = crate::analyze_with(
            &[crate::Input::new("my.cnf", "password=x\n")],
            &crate::Options { lang: crate::Lang::ZhCn },
        );
        assert!(r.notes.iter().any(|n| n.contains("密码")), "{:?}", r.notes);
    }

    #[test]
    fn no_form_leaks_through_analysis_or_rendering() {
        // (input, secret): every form above, as a user would paste it.
        let cases = [
            ("[client]\npassword = \"Opt1on-S3cret\"\n", "Opt1on-S3cret"),
            ("[mysqld]\nloose-replication_password=Repl-S3cret\n", "Repl-S3cret"),
            ("--password=Mpd-S3cret\n--port=3306\n", "Mpd-S3cret"),
            ("mysql> CREATE USER 'r'@'%' IDENTIFIED BY 'Sql-S3cret';\n", "Sql-S3cret"),
            (
                "mysql> CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', SOURCE_PASSWORD='Src-S3cret';\n",
                "Src-S3cret",
            ),
            ("CHANGE MASTER TO MASTER_HOST='db1', MASTER_PASSWORD='Mst-S3cret';\n", "Mst-S3cret"),
            (
                "[Service]\nExecStart=/usr/sbin/mysqld\nExecStartPost=/usr/bin/mysqladmin -uroot -pCmd-S3cret ping\n",
                "Cmd-S3cret",
            ),
            (
                "[Service]\nEnvironment=MYSQL_ROOT_PASSWORD=Env-S3cret\nExecStart=/usr/sbin/mysqld\n",
                "Env-S3cret",
            ),
            ("services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: Yml-S3cret\n", "Yml-S3cret"),
            ("$ mysqlsh mysql://root:Url-S3cret@db1:3306\n", "Url-S3cret"),
        ];
        for (text, secret) in cases {
            for lang in crate::Lang::ALL {
                let r = crate::analyze_with(&[crate::Input::new("pasted", text)], &crate::Options { lang });
                let outputs = [
                    r.to_json(),
                    crate::render::markdown(&r),
                    crate::render::text(&r, &crate::render::TextOptions::default()),
                ];
                for out in outputs {
                    assert!(!out.contains(secret), "{secret} leaked:\n{out}");
                }
                assert_eq!(r.notes.iter().filter(|n| n.contains("****")).count(), 1, "{text}: {:?}", r.notes);
            }
        }
    }

    #[test]
    fn scrub_masks_every_quoted_text() {
        let mut r = crate::analyze(&[crate::Input::new("a", "[client]\npassword=hunter2\n")]);
        r.notes.push("password=hunter2".into());
        crate::report::scrub(&mut r);
        assert!(!r.to_json().contains("hunter2"));
    }

    #[test]
    fn hostile_lines_stay_fast() {
        // Each pattern, repeated on one 1 MB line, must be masked in linear time; a quadratic scan
        // would take minutes here.
        let patterns = [
            "password=",
            "x_password=$password=",
            "x-password-",
            "password ",
            "\"x_password\": {",
            "mysql -p",
            " -p'",
            "a:b@",
            "://a:b@",
            "identified by '",
            "identified with ",
            "set password ",
            "IDENTIFIED BY PASSWORD ",
            "| password ",
            "pwd=",
        ];
        for p in patterns {
            let line = p.repeat(1_000_000 / p.len());
            let t = std::time::Instant::now();
            let _ = mask(&line);
            let _ = contains_secret(&line);
            assert!(t.elapsed().as_secs() < 10, "{p:?} took {:?}", t.elapsed());
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(s in proptest::prelude::any::<String>()) {
            let out = mask(&s);
            proptest::prop_assert_eq!(out.lines().count(), s.lines().count());
            proptest::prop_assert_eq!(contains_secret(&s), matches!(out, Cow::Owned(_)));
        }

        #[test]
        fn never_panics_and_only_touches_lines_with_secrets(
            s in "(password|pwd|-p|mysql|://|@|:|=|'|\"| |x|\n|\r|IDENTIFIED BY|\u{e9}){0,40}"
        ) {
            let out = mask(&s);
            let (a, b): (Vec<&str>, Vec<&str>) = (s.split('\n').collect(), out.split('\n').collect());
            proptest::prop_assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(&b) {
                if !contains_secret(x) {
                    proptest::prop_assert_eq!(x, y);
                } else {
                    proptest::prop_assert!(y.contains(MASK));
                }
            }
        }
    }
}
