//! The forms read along one logical line (continuations joined): `key = value` in every syntax,
//! MySQL client command lines, URLs with credentials. A value may start on the next line
//! (`SOURCE_PASSWORD=` ↵ `'x'`), and a `mysqld-auto.cnf` object or a YAML block scalar may run
//! over several lines: those are followed across lines, bounded.

use super::{Scan, is_key_byte, is_quote, is_secret_name, quoted_end, skip_ws};

/// Words that start a MySQL client's command line (lower case).
pub(super) const CLIENTS: &[&str] =
    &["mysql", "mariadb", "xtrabackup", "mariabackup", "innobackupex", "mydumper", "myloader"];

/// Words found inside every secret key (lower case), see [`super::keys`].
pub(super) const KEY_WORDS: &[&[u8]; 5] = &[b"pass", b"pwd", b"secret", b"token", b"authentication_string"];

/// How far a value is looked for past its key's line, and how far an object is followed.
const LOOKAHEAD: usize = 4096;

/// Every logical line.
pub(super) fn run(s: &mut Scan<'_>) {
    let mut block_until = 0;
    let mut at = 0;
    while let Some((a, e, next)) = super::next_line(&s.n, at) {
        at = next;
        let found = triggers(&s.n[a..e]);
        if found & T_KEY != 0 {
            key_values(s, a, e, &mut block_until);
        }
        if found & T_URL != 0 {
            urls(s, a, e);
        }
        if found & T_CLIENT != 0
            && let Some(at) = client_command(&s.n, a, e)
        {
            command_line(s, at, e);
        }
    }
}

const T_KEY: u8 = 1;
const T_URL: u8 = 2;
const T_CLIENT: u8 = 4;

/// Which of the forms' words occur in `l` (normalised): a key word, `://`, a client's name (or a
/// `$` that may name one). One pass that skips bytes no word starts with through a table.
fn triggers(l: &[u8]) -> u8 {
    const START: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        let firsts = b"pastmxi:";
        while k < firsts.len() {
            t[firsts[k] as usize] = true;
            k += 1;
        }
        t
    };
    let mut found = 0;
    for i in 0..l.len() {
        if !START[usize::from(l[i])] {
            continue;
        }
        let r = &l[i..];
        found |= match (l[i], l.get(i + 1).copied().unwrap_or(0)) {
            (b'p', b'a') if r.starts_with(b"pass") => T_KEY,
            (b'p', b'w') if r.starts_with(b"pwd") => T_KEY,
            (b's', b'e') if r.starts_with(b"secret") => T_KEY,
            (b't', b'o') if r.starts_with(b"token") => T_KEY,
            (b'a', b'u') if r.starts_with(b"authentication_string") => T_KEY,
            (b':', b'/') if r.starts_with(b"://") => T_URL,
            (b'm', b'y' | b'a') | (b'x', b't') | (b'i', b'n')
                if CLIENTS.iter().any(|c| r.starts_with(c.as_bytes())) =>
            {
                T_CLIENT
            }
            _ => 0,
        };
        if found == T_KEY | T_URL | T_CLIENT {
            break;
        }
    }
    found
}

/// `key = value`, `key: value`, `| key | value |`, `"key": {…"Value": "x"}`, `key: >-` ↵ lines,
/// `password value` (an option-file line without `=`) with a secret key, on line `a..e`.
fn key_values(s: &mut Scan<'_>, a: usize, e: usize, block_until: &mut usize) {
    let first = skip_ws(&s.n, a, e);
    let mut from = a;
    let mut next = [None; KEY_WORDS.len()];
    loop {
        // The next key word at or after `from` (each finder is re-run only when passed).
        let mut best: Option<usize> = None;
        for (k, f) in super::finders().keys.iter().enumerate() {
            if next[k].is_none_or(|p| p < from) {
                next[k] = f.find(&s.n[from..e]).map(|p| p + from).or(Some(usize::MAX));
            }
            if let Some(p) = next[k].filter(|&p| p != usize::MAX) {
                best = Some(best.map_or(p, |b| b.min(p)));
            }
        }
        let Some(word) = best else { break };
        let n = &s.n;
        // The whole key around the word (never left of what was already read: linear).
        let mut ks = word;
        while ks > from && is_key_byte(n[ks - 1]) {
            ks -= 1;
        }
        let mut ke = word + 1;
        while ke < e && is_key_byte(n[ke]) {
            ke += 1;
        }
        from = ke;
        if ks < *block_until {
            continue; // inside a block scalar or an object already read
        }
        // `(using password: YES)`.
        if n[..ks].ends_with(b"using ") {
            continue;
        }
        let key = &s.text[ks..ke];
        if !is_secret_name(key) {
            continue;
        }
        // The separator.
        let mut i = ke;
        let key_quote = (i < e && is_quote(n[i])).then(|| n[i]);
        if key_quote.is_some() {
            i += 1; // JSON key `"password"`
        }
        i = skip_ws(n, i, e);
        let opener = (ks > a && is_quote(n[ks - 1])).then(|| n[ks - 1]);
        if key_quote.is_some() && key_quote != opener {
            continue;
        }
        // A JSON key's quotes are closed: its value is not inside them.
        let json_key = key_quote.is_some();
        let opener = if json_key { None } else { opener };
        let sep = if i < e { n[i] } else { b'\n' };
        let prev = n[a..ks].iter().rposition(|c| !c.is_ascii_whitespace()).map(|p| n[a + p]);
        match sep {
            b'=' if n.get(i + 1) != Some(&b'=') => {}
            b':' if n.get(i + 1) != Some(&b'/') => {
                // `key: value` only where a key can start: the line's start (`\G` rows, YAML), a
                // JSON key, after `{`, `,`, `- ` or `@` (`@password := 'x'`). Prose such as "name
                // or password: check …" is left alone.
                if ks != first
                    && opener.is_none()
                    && !json_key
                    && !matches!(prev, Some(b'{' | b',' | b'-' | b'@'))
                {
                    continue;
                }
            }
            b'|' => {}
            _ => {
                no_separator(s, e, first, ks, ke, prev);
                continue;
            }
        }
        let table = sep == b'|';
        i += 1;
        if sep == b':' && n.get(i) == Some(&b'=') {
            i += 1; // `:=`
        }
        i = skip_ws(n, i, e);
        if i >= e {
            // Nothing after `key =` on this line: a string on the next one (`SOURCE_PASSWORD=` ↵
            // `'x'`) is the value. YAML `key:` then a nested mapping is not.
            let j = next_token(n, e);
            if j < n.len() && is_quote(n[j]) {
                let close = super::quoted_end_line(n, j);
                s.push(j + 1..close);
            } else if sep == b':' && j < n.len() && n[j] == b'{' {
                *block_until = object_values(s, j);
            }
            continue;
        }
        if is_quote(n[i]) && opener.is_none() {
            let close = quoted_end(n, i, e);
            s.push(i + 1..close);
            from = from.max((close + 1).min(e));
            continue;
        }
        if n[i] == b'{' {
            // mysqld-auto.cnf: `"x_password": {"Value": "secret", "Metadata": {…}}`, either order.
            let end = object_values(s, i);
            *block_until = end;
            from = from.max(end.min(e));
            continue;
        }
        if sep == b':' && !table && (n[i] == b'|' || n[i] == b'>') && block_header(&n[i..e]) {
            *block_until = block_scalar(s, a, e);
            continue;
        }
        let line_key = ks == first || (first < ks && n[first] == b'-' && skip_ws(n, first + 1, ks) == ks);
        let flow = sep == b':' && matches!(prev, Some(b'{' | b','));
        let value_end = if table {
            memchr::memchr(b'|', &n[i..e]).map_or(e, |p| p + i)
        } else if let Some(q) = opener {
            // `"MYSQL_PWD=a b"`, `["MYSQL_ROOT_PASSWORD=x"]`: to the quote that opened the word.
            let mut j = i;
            while j < e && n[j] != q {
                j += if n[j] == b'\\' { 2 } else { 1 };
            }
            j.min(e)
        } else if flow {
            n[i..e].iter().position(|&c| matches!(c, b',' | b'}' | b']')).map_or(e, |p| p + i)
        } else if line_key && !n[ks..].starts_with(b"--") {
            // Option files, YAML, `\G` rows: the value is the rest of the line.
            e
        } else {
            shell_word_end(n, i, e)
        };
        from = from.max(value_end);
        let mut ve = value_end;
        while ve > i && n[ve - 1].is_ascii_whitespace() {
            ve -= 1;
        }
        // `PASSWORD('x')` is a function call (see `sql`), not the value.
        let v = &n[i..ve];
        if v.starts_with(b"password(") || v.starts_with(b"old_password(") {
            continue;
        }
        s.push(i..ve);
    }
}

/// A key with no `=`, `:` or `|` after it: an option-file line `password S3cret` (the line is the
/// key and one word), or SQL's `OPTIONS (…, PASSWORD 'x')`.
fn no_separator(s: &mut Scan<'_>, e: usize, first: usize, ks: usize, ke: usize, prev: Option<u8>) {
    let n = &s.n;
    let v = skip_ws(n, ke, e);
    if v == ke || v >= e {
        return;
    }
    if matches!(prev, Some(b'(' | b',')) && is_quote(n[v]) {
        let close = quoted_end(n, v, e);
        s.push(v + 1..close);
        return;
    }
    // A Dockerfile's legacy `ENV MYSQL_PASSWORD the value`: the rest of the line.
    let head = &n[first..ks];
    let dockerfile_env = head.len() > 3
        && head[..3].eq_ignore_ascii_case(b"env")
        && head[3..].iter().all(|c| c.is_ascii_whitespace());
    if ks != first && !dockerfile_env {
        return;
    }
    let end = {
        let mut x = e;
        while x > v && n[x - 1].is_ascii_whitespace() {
            x -= 1;
        }
        x
    };
    let one_word = !n[v..end].iter().any(|c| c.is_ascii_whitespace());
    let word = &n[first..ke];
    let option_name = word.iter().all(|&c| is_key_byte(c)) && !word.starts_with(b"-");
    if dockerfile_env {
        s.push(v..end);
        return;
    }
    if one_word && option_name && !matches!(n[v], b'(' | b'#' | b';') {
        s.push(v..end);
    }
}

/// The end of an unquoted shell word starting at `i`: the first blank outside quotes (a word may
/// hold quoted parts: `abc'd e'f`), or `e`.
fn shell_word_end(n: &[u8], mut i: usize, e: usize) -> usize {
    let mut quote: Option<u8> = None;
    while i < e {
        let c = n[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, b' ' | b'\t' | b'\r' | b'\n') => return i,
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None if c == b'\\' => i += 1,
            None => {}
        }
        i += 1;
    }
    e
}

/// The first byte after `i` that is not blank or a line break (bounded).
fn next_token(n: &[u8], i: usize) -> usize {
    let limit = (i + LOOKAHEAD).min(n.len());
    let mut j = i;
    while j < limit && n[j].is_ascii_whitespace() {
        j += 1;
    }
    j
}

/// A YAML block scalar header: `|`, `>`, with `-`/`+` and an indentation digit, then nothing (or
/// a comment).
pub(super) fn block_header(v: &[u8]) -> bool {
    let rest = &v[1..];
    let rest = rest.strip_prefix(b"-").or_else(|| rest.strip_prefix(b"+")).unwrap_or(rest);
    let rest = if rest.first().is_some_and(u8::is_ascii_digit) { &rest[1..] } else { rest };
    let rest = rest.iter().position(|c| !c.is_ascii_whitespace()).map_or(&[][..], |p| &rest[p..]);
    rest.is_empty() || rest[0] == b'#'
}

/// Masks the lines of a block scalar whose header ends line `a..e`: every following line indented
/// more than the key's line (and blank lines between). Returns where the block ends.
pub(super) fn block_scalar(s: &mut Scan<'_>, a: usize, e: usize) -> usize {
    let n = &s.n;
    let indent = n[a..e].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    let mut at = e;
    let mut end = e;
    let mut spans = Vec::new();
    while at < n.len() {
        let ls = at + 1;
        if ls > n.len() {
            break;
        }
        let le = super::line_end(n, ls.min(n.len()));
        let body = &n[ls..le];
        let ind = body.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        if ind == body.len() {
            at = memchr::memchr(b'\n', &n[ls..]).map_or(n.len(), |p| ls + p);
            continue; // blank
        }
        if ind <= indent {
            break;
        }
        spans.push(ls + ind..le);
        end = le;
        at = memchr::memchr(b'\n', &n[ls..]).map_or(n.len(), |p| ls + p);
    }
    for r in spans {
        s.push(r);
    }
    end
}

/// An object opening at `open` (`{`): masks the string value of every `"Value"`/`value` key at its
/// first level. Returns the index after its closing brace (bounded).
fn object_values(s: &mut Scan<'_>, open: usize) -> usize {
    let n = &s.n;
    let limit = (open + LOOKAHEAD).min(n.len());
    let mut depth = 0usize;
    let mut i = open;
    let mut found = Vec::new();
    while i < limit {
        match n[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    i += 1;
                    break;
                }
            }
            b'"' => {
                let close = quoted_end(n, i, limit);
                if depth == 1 && &n[i + 1..close] == b"value" {
                    let mut j = close + 1;
                    while j < limit && n[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if j < limit && n[j] == b':' {
                        j += 1;
                        while j < limit && n[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        if j < limit && n[j] == b'"' {
                            let vc = quoted_end(n, j, limit);
                            found.push(j + 1..vc);
                            i = vc + 1;
                            continue;
                        }
                    }
                }
                i = close + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    for r in found {
        s.push(r);
    }
    i
}

/// `scheme://user:secret@host` on line `a..e`.
fn urls(s: &mut Scan<'_>, a: usize, e: usize) {
    let mut from = a;
    while let Some(p) = super::finders().url.find(&s.n[from..e]).map(|p| p + from) {
        let auth_start = p + 3;
        let n = &s.n;
        let auth_end = n[auth_start..e]
            .iter()
            .position(|&c| {
                c.is_ascii_whitespace() || matches!(c, b'/' | b'?' | b'#' | b'"' | b'\'' | b'>' | b'<')
            })
            .map_or(e, |x| x + auth_start);
        from = auth_end.max(auth_start);
        let auth = &n[auth_start..auth_end];
        let Some(at) = auth.iter().rposition(|&c| c == b'@') else { continue };
        let Some(colon) = auth[..at].iter().position(|&c| c == b':') else { continue };
        s.push(auth_start + colon + 1..auth_start + at);
    }
}

/// Where the first MySQL client command word of line `a..e` ends, if any: a word starting with a
/// client's name, also after a path `/`, a pipe, `$(`, a backquote, or as a variable (`$MYSQL`,
/// `${MYSQL_CMD}`).
pub(super) fn client_command(n: &[u8], a: usize, e: usize) -> Option<usize> {
    let mut i = a;
    while i < e {
        let starts = matches!(n[i], b'm' | b'x' | b'i')
            && (i == a
                || matches!(
                    n[i - 1],
                    b' ' | b'\t'
                        | b'"'
                        | b'\''
                        | b'='
                        | b'/'
                        | b'('
                        | b';'
                        | b'`'
                        | b'|'
                        | b'&'
                        | b'$'
                        | b'{'
                        | b'!'
                        | b'['
                        | b','
                ));
        if starts && CLIENTS.iter().any(|p| n[i..e].starts_with(p.as_bytes())) {
            let end = n[i..e].iter().position(|c| c.is_ascii_whitespace()).map_or(e, |x| x + i);
            return Some(end);
        }
        i += 1;
    }
    None
}

/// Short options of the MySQL clients that take no value: they may be bundled before `-p`
/// (`-vvpSECRET`).
pub(super) const NO_VALUE: &[u8] = b"ABCEGHLNXVbcfiknqrstvw#?";

/// `-pSECRET`, `-p'SECRET'`, bundled `-vpSECRET`, `-p` `\` ↵ `SECRET`, `--pass=SECRET` and
/// `user:secret@host` in the words from `from` to `e`.
fn command_line(s: &mut Scan<'_>, from: usize, e: usize) {
    let mut i = from;
    while i < e {
        let n = &s.n;
        if !n[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let tok_start = skip_ws(n, i, e);
        if tok_start >= e {
            break;
        }
        // An argument may be quoted as a whole: `"-psecret"`.
        let (opener, t) =
            if is_quote(n[tok_start]) { (Some(n[tok_start]), tok_start + 1) } else { (None, tok_start) };
        let tok_end = match opener {
            Some(q) => n[t..e].iter().position(|&c| c == q).map_or(e, |x| x + t),
            None => shell_word_end(n, t, e),
        };
        i = tok_end.max(tok_start + 1);
        arg(s, t, tok_end, opener.is_some());
    }
}

/// One argument `t..end` of a client's command line.
pub(super) fn arg(s: &mut Scan<'_>, t: usize, end: usize, quoted: bool) {
    let n = &s.n;
    let tok = &n[t..end];
    if tok.len() >= 2 && tok[0] == b'-' && tok[1] != b'-' {
        // Short options, maybe bundled: `-p…` or `-vvp…`.
        let mut k = 1;
        while k < tok.len() && NO_VALUE.contains(&s.o[t + k]) {
            k += 1;
        }
        if k >= tok.len() || s.o[t + k] != b'p' {
            return;
        }
        let v = t + k + 1;
        if v >= end {
            // `-p` then a continuation with the value at the next line's start: `-p\` ↵ `SECRET`.
            let o = s.o;
            let joined = o.get(v) == Some(&b'\\')
                && (o.get(v + 1) == Some(&b'\n')
                    || (o.get(v + 1) == Some(&b'\r') && o.get(v + 2) == Some(&b'\n')));
            if joined {
                let w = v + if o[v + 1] == b'\n' { 2 } else { 3 };
                if w < o.len() && !o[w].is_ascii_whitespace() {
                    let we = shell_word_end(n, w, n.len());
                    s.push(w..trim_quote(n, w, we, quoted));
                }
            }
            return;
        }
        if is_quote(n[v]) {
            let close = quoted_end(n, v, end);
            s.push(v + 1..close);
        } else if !is_port_mapping(&n[v..end]) {
            s.push(v..trim_quote(n, v, end, quoted));
        }
        return;
    }
    if let Some(eq) = abbreviated_password(tok) {
        // `--pass=x`: the clients accept any unambiguous prefix of `--password`.
        let v = t + eq + 1;
        if v < end && is_quote(n[v]) {
            let close = quoted_end(n, v, end);
            s.push(v + 1..close);
        } else if v < end {
            s.push(v..trim_quote(n, v, end, quoted));
        }
        return;
    }
    if !tok.starts_with(b"-") || tok.starts_with(b"--uri=") {
        // `user:secret@host` (mysqlsh URI without a scheme).
        let uri = tok.strip_prefix(b"--uri=").unwrap_or(tok);
        let base = t + (tok.len() - uri.len());
        if super::finders().url.find(uri).is_none()
            && let (Some(colon), Some(at)) =
                (uri.iter().position(|&c| c == b':'), uri.iter().rposition(|&c| c == b'@'))
        {
            let user = &uri[..colon];
            if colon < at && !user.is_empty() && user.iter().all(|&c| is_key_byte(c)) && at + 1 < uri.len() {
                s.push(base + colon + 1..base + at);
            }
        }
    }
}

/// An unquoted value's end without a closing quote that belongs to an enclosing string
/// (`--health-cmd="mysqladmin … -pSECRET"`): a trailing quote with no partner in the value.
fn trim_quote(n: &[u8], v: usize, end: usize, quoted: bool) -> usize {
    if quoted || end <= v {
        return end;
    }
    let last = n[end - 1];
    if is_quote(last) && n[v..end].iter().filter(|&&c| c == last).count() % 2 == 1 { end - 1 } else { end }
}

/// `3306:3306`, `127.0.0.1:3306:3306` (`docker run -p`), not a password.
fn is_port_mapping(v: &[u8]) -> bool {
    v.contains(&b':') && v.iter().all(|&c| c.is_ascii_digit() || c == b':' || c == b'.')
}

/// For `--pass=x` … `--password=x` (prefixes of `--password`), the index of the `=`.
fn abbreviated_password(tok: &[u8]) -> Option<usize> {
    let eq = tok.iter().position(|&c| c == b'=')?;
    let name = &tok[..eq];
    (name.len() >= 6 && b"--password".starts_with(name)).then_some(eq)
}
