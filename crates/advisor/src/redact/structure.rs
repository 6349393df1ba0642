//! Secrets that YAML and JSON structure carries over several lines:
//!
//! - a Kubernetes `env:` item whose `name:` is a secret name: its `value:` is masked wherever it
//!   sits in the item — after `name:`, before it, past a comment, as a block scalar, in flow style
//!   (`{name: X, value: y}`) or in `kubectl get pod -o json` (`{"name": "X", "value": "y"}`);
//! - a list that runs a MySQL client one word per item (`command:` ↵ `- mysqladmin` ↵ `- -pX`,
//!   or `docker inspect`'s `"Test": [` ↵ `"mysqladmin",` ↵ `"-pX"`): its `-p…`/`--password=…`
//!   items.

use super::lines::{arg, block_header, block_scalar};
use super::{Scan, is_key_byte, is_quote, is_secret_name, next_line, quoted_end, skip_ws};

/// How many lines an item is looked for around its `name:`.
const ITEM_LINES: usize = 16;

pub(super) fn run(s: &mut Scan<'_>) {
    let mut list: Option<List> = None;
    let mut at = 0;
    while let Some((a, e, next)) = next_line(&s.n, at) {
        at = next;
        env_names(s, a, e);
        list = list_item(s, a, e, list);
    }
}

/// A list whose items are a client's words: its items' column and syntax.
#[derive(Clone, Copy, PartialEq, Eq)]
struct List {
    col: usize,
    yaml: bool,
}

/// One line for the client-list form; returns the list still open after it.
fn list_item(s: &mut Scan<'_>, a: usize, e: usize, open: Option<List>) -> Option<List> {
    let n = &s.n;
    let t = skip_ws(n, a, e);
    if t >= e || n[t] == b'#' {
        return open; // blank or a comment
    }
    let col = t - a;
    let (yaml, mut is, mut ie) = if n[t] == b'-' && n.get(t + 1) == Some(&b' ') {
        let v = skip_ws(n, t + 2, e);
        (true, v, e)
    } else if n[t] == b'"' {
        let close = quoted_end(n, t, e);
        let rest = skip_ws(n, close + 1, e);
        if close >= e || !(rest == e || (n[rest] == b',' && skip_ws(n, rest + 1, e) == e)) {
            return open.filter(|l| l.yaml && col > l.col);
        }
        (false, t + 1, close)
    } else {
        // Not an item: a YAML list ends at a line indented at most as much as its items.
        return open.filter(|l| (l.yaml && col > l.col) || (!l.yaml && n[t] != b']' && n[t] != b'}'));
    };
    let mut quoted = !yaml;
    if yaml && is < ie && is_quote(n[is]) {
        let close = quoted_end(n, is, ie);
        quoted = true;
        ie = close;
        is += 1;
    }
    while ie > is && n[ie - 1].is_ascii_whitespace() {
        ie -= 1;
    }
    let here = List { col, yaml };
    if open == Some(here) {
        arg(s, is, ie, quoted);
    }
    if is_client(&s.n[is..ie]) { Some(here) } else { open.filter(|l| *l == here) }
}

/// A client's program word alone: `mysqladmin`, `/usr/bin/mysql`.
fn is_client(w: &[u8]) -> bool {
    let base = w.rsplit(|&c| c == b'/').next().unwrap_or(w);
    !base.is_empty()
        && base.iter().all(|&c| is_key_byte(c))
        && super::lines::CLIENTS.iter().any(|c| base.starts_with(c.as_bytes()))
}

/// `name: SECRET_NAME` on line `a..e` (YAML, flow or JSON): masks the item's `value`.
fn env_names(s: &mut Scan<'_>, a: usize, e: usize) {
    let mut from = a;
    while from < e
        && let Some(p) = super::finders().name.find(&s.n[from..e]).map(|p| p + from)
    {
        from = p + 4;
        let n = &s.n;
        if p > a && (is_key_byte(n[p - 1]) && n[p - 1] != b'-')
            || n.get(p + 4).is_some_and(|&c| is_key_byte(c))
        {
            continue;
        }
        let json = p > a && n[p - 1] == b'"';
        let mut i = p + 4 + usize::from(json && n.get(p + 4) == Some(&b'"'));
        i = skip_ws(n, i, e);
        if i >= e || n[i] != b':' {
            continue;
        }
        i = skip_ws(n, i + 1, e);
        // The name: quoted, or a plain word up to `,` `}` or the line's end.
        let (vs, ve) = if i < e && is_quote(n[i]) {
            (i + 1, quoted_end(n, i, e))
        } else {
            let end =
                n[i..e].iter().position(|&c| matches!(c, b',' | b'}' | b' ' | b'#')).map_or(e, |x| x + i);
            (i, end)
        };
        if ve <= vs || !is_secret_name(&s.text[vs..ve]) || !s.text[vs..ve].bytes().all(is_key_byte) {
            continue;
        }
        // Flow style: an unclosed `{` shortly before the name on this line.
        let back = p.saturating_sub(4096).max(a);
        if let Some(open) = n[back..p].iter().rposition(|&c| c == b'{').map(|x| x + back)
            && !n[open..p].contains(&b'}')
        {
            let close = n[p..e].iter().position(|&c| c == b'}').map_or(e, |x| x + p);
            from = from.max(close);
            values_in(s, open + 1, close, true);
            continue;
        }
        let (ws, we) = if json { json_item(n, a, e) } else { yaml_item(n, a, p) };
        values_in(s, ws, we, false);
        // One block or JSON item per line.
        break;
    }
}

/// The lines of the JSON object around line `a..e`: back to a line ending with `{`, on to a line
/// starting with `}` (bounded).
fn json_item(n: &[u8], a: usize, e: usize) -> (usize, usize) {
    let mut start = a;
    for _ in 0..ITEM_LINES {
        if start == 0 {
            break;
        }
        let pa = super::line_start(n, start - 1);
        let line = n[pa..start - 1].trim_ascii();
        start = pa;
        if line.ends_with(b"{") {
            break;
        }
    }
    let mut end = e;
    let mut at = e + 1;
    for _ in 0..ITEM_LINES {
        let Some((la, le, next)) = next_line(n, at) else { break };
        end = le;
        if n[la..le].trim_ascii_start().starts_with(b"}") {
            break;
        }
        at = next;
    }
    (start, end)
}

/// The lines of the YAML sequence item whose key `name` is at `p`: back to its `- ` line, on
/// while lines are indented at least as much as its keys (comments and blank lines included).
fn yaml_item(n: &[u8], a: usize, p: usize) -> (usize, usize) {
    let col = p - a;
    let indent = |la: usize, le: usize| n[la..le].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    let mut start = a;
    let trimmed_here = skip_ws(n, a, p);
    if !(n[trimmed_here] == b'-' && trimmed_here + 2 <= p) {
        let mut cur = a;
        for _ in 0..ITEM_LINES {
            if cur == 0 {
                break;
            }
            let pa = super::line_start(n, cur - 1);
            let pe = cur - 1 - usize::from(cur >= 2 && n[cur - 2] == b'\r');
            cur = pa;
            let ind = indent(pa, pe);
            let body = &n[pa + ind..pe];
            if body.is_empty() || body[0] == b'#' {
                continue;
            }
            if body.starts_with(b"- ") && ind + 2 == col {
                start = pa;
                break;
            }
            if ind != col {
                break;
            }
            start = pa;
        }
    }
    let mut end = super::line_end(n, p);
    let mut at = end + 1;
    for _ in 0..ITEM_LINES {
        let Some((la, le, next)) = next_line(n, at) else { break };
        let ind = indent(la, le);
        let body = &n[la + ind..le];
        if !(body.is_empty() || body[0] == b'#' || ind >= col) {
            break;
        }
        end = le;
        at = next;
    }
    (start, end)
}

/// Masks the value of every `value` key in `ws..we`.
fn values_in(s: &mut Scan<'_>, ws: usize, we: usize, flow: bool) {
    let mut from = ws;
    while from < we
        && let Some(p) = super::finders().value.find(&s.n[from..we]).map(|p| p + from)
    {
        from = p + 5;
        let n = &s.n;
        if p > ws && is_key_byte(n[p - 1]) || n.get(p + 5).is_some_and(|&c| is_key_byte(c)) {
            continue; // `valueFrom`
        }
        let mut i = p + 5 + usize::from(n.get(p + 5) == Some(&b'"'));
        i = skip_ws(n, i, we);
        if i >= we || n[i] != b':' {
            continue;
        }
        i = skip_ws(n, i + 1, we);
        if i >= we || n[i] == b'\n' {
            continue;
        }
        if is_quote(n[i]) {
            let close = super::quoted_end_line(n, i);
            from = from.max(close);
            s.push(i + 1..close);
        } else if (n[i] == b'|' || n[i] == b'>') && block_header(&n[i..(i + 64).min(we)]) {
            let (la, le) = (super::line_start(n, p), super::line_end(n, p));
            from = from.max(le);
            block_scalar(s, la, le);
        } else {
            let le = if flow { we } else { super::line_end(n, i) };
            let mut end = if flow {
                n[i..le].iter().position(|&c| matches!(c, b',' | b'}')).map_or(le, |x| x + i)
            } else {
                le
            };
            from = from.max(end);
            while end > i && n[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            s.push(i..end);
        }
    }
}
