//! `mysqld-auto.cnf`: the JSON file in the data directory that `SET PERSIST` and
//! `SET PERSIST_ONLY` write, and that the server applies at startup after every option file and the
//! command line (unless `persisted_globals_load=OFF`).
//!
//! Two layouts exist (8.0 `sql/persisted_variable.cc`):
//! - version 1 (8.0.11 – 8.0.28): `{"Version": 1, "mysql_server": {"var": {"Value": "…",
//!   "Metadata": {…}}, …, "mysql_server_static_options": {"ro_var": {…}}}}`;
//! - version 2 (8.0.29+): `{"Version": 2, "mysql_dynamic_parse_early_variables": {…},
//!   "mysql_dynamic_variables": {…}, "mysql_static_parse_early_variables": {…},
//!   "mysql_static_variables": {…}, "mysql_sensitive_variables": {… encrypted …}}`.
//!
//! Rather than depend on one layout, the scanner records every object that has a `"Value"` member as
//! a variable named by its key, and takes the enclosing object's key as its section; a section
//! whose name contains `static` holds read-only variables (persisted with `PERSIST_ONLY` or
//! `PERSIST_AS_READONLY`).
//!
//! The JSON scanner is small, iterative (an explicit stack, no recursion), keeps byte ranges, and
//! never fails: unexpected tokens become problems and the scan goes on.

use crate::i18n::k;
use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Label, Parsed, Problem};
use crate::syntax::prompt;
use crate::text::TextRange;

/// One persisted variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PersistedVar {
    /// The name as written (the server writes it in lower case).
    pub name: String,
    /// The key's text, inside the quotes.
    pub name_range: TextRange,
    /// The `Value` member, decoded; `None` when it is `null` or missing.
    pub value: Option<String>,
    /// The value's text (inside the quotes for a string).
    pub value_range: Option<TextRange>,
    /// The enclosing section (`mysql_dynamic_variables`, `mysql_server_static_options`…; empty at
    /// the top level).
    pub section: String,
    /// True in a `static` section: a read-only variable, applied only at the next start.
    pub read_only: bool,
    /// `Metadata.User`, `Metadata.Host`, `Metadata.Timestamp` (microseconds since the epoch).
    pub user: Option<String>,
    pub host: Option<String>,
    pub timestamp: Option<u64>,
    /// From the key to the end of the value.
    pub range: TextRange,
}

/// The parse of one `mysqld-auto.cnf`.
#[derive(Clone, Debug, Default)]
pub(crate) struct AutoCnf {
    /// The `Version` member (1 or 2 so far).
    pub version: Option<u32>,
    pub version_range: Option<TextRange>,
    /// Variables in file order.
    pub vars: Vec<PersistedVar>,
    /// True when the file holds an encrypted `mysql_sensitive_variables` section (its values cannot
    /// be read here).
    pub encrypted_sensitive: bool,
    /// True when the top-level object was closed.
    pub complete: bool,
}

impl AutoCnf {
    /// The last variable named `name` (ASCII case-insensitive; `-` and `_` equivalent).
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub fn var(&self, name: &str) -> Option<&PersistedVar> {
        let want = name.replace('-', "_");
        self.vars.iter().rev().find(|v| v.name.replace('-', "_").eq_ignore_ascii_case(&want))
    }
}

/// Claims a `mysqld-auto.cnf` starting at line `i`: a line starting with `{` whose first key is
/// `Version`, `mysql_server` or a `mysql_…_variables` section, or any `{` line after a prompt that
/// prints `mysqld-auto.cnf` (or at the start of an input named so). The document runs to the line
/// that closes the top-level object; it stops early (with a problem) at a prompt or a line that
/// cannot continue JSON.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i).trim_start_ws();
    if !line.starts_with('{') {
        return None;
    }
    let named = hint.command.is_some_and(|c| c.contains("mysqld-auto.cnf"))
        || (hint.at_input_start && src.name.ends_with("mysqld-auto.cnf"));
    if !named && !first_key_is_persisted(src, i) {
        return None;
    }
    let (doc, problems, end) = parse(src, i);
    let label = Label {
        key: k::OPTIONS_LABEL_AUTO_CNF,
        args: vec![
            ("count", doc.vars.len().to_string()),
            ("version", doc.version.map(|v| v.to_string()).unwrap_or_else(|| "?".to_owned())),
        ],
    };
    let from_cmd = hint
        .command
        .and_then(|c| c.split_whitespace().find(|w| w.ends_with("mysqld-auto.cnf")))
        .map(|w| w.trim_matches(['"', '\'']).to_owned());
    let name = from_cmd.or_else(|| src.name.ends_with("mysqld-auto.cnf").then(|| src.name.to_owned()));
    Some(Claim {
        kind: DocKind::MysqldAutoCnf,
        end,
        name,
        label: Some(label),
        parsed: Parsed::AutoCnf(doc),
        problems,
    })
}

/// True when the first JSON key within the next few lines names a `mysqld-auto.cnf` member.
fn first_key_is_persisted(src: &Source<'_>, i: usize) -> bool {
    for j in i..(i + 3).min(src.lines.len()) {
        let l = src.line(j);
        if let Some(q) = l.find('"') {
            let rest = &l[q + 1..];
            let key = rest.split('"').next().unwrap_or("");
            return key == "Version"
                || key == "mysql_server"
                || (key.starts_with("mysql_") && key.ends_with("_variables"));
        }
    }
    false
}

/// A JSON token with its byte range.
#[derive(Debug)]
#[allow(dead_code, reason = "token payloads are kept for Debug output in parser tests")]
enum Tok {
    Open(bool),  // `{` (true) or `[`
    Close(bool), // `}` (true) or `]`
    Colon,
    Comma,
    /// A string: its decoded text; the range is inside the quotes.
    Str(String),
    /// A number, `true`, `false` or `null`, as written.
    Lit(String),
    /// Anything else (one character).
    Bad(char),
}

/// The tokens of one line, one at a time (a 16 MB line of `[` is never held as a token list:
/// issue 18). An unterminated string runs to the end of the line.
struct Tokens<'a> {
    line: &'a str,
    base: u32,
    k: usize,
}

impl Iterator for Tokens<'_> {
    type Item = (Tok, TextRange);

    fn next(&mut self) -> Option<(Tok, TextRange)> {
        let (line, base) = (self.line, self.base);
        let b = line.as_bytes();
        let at = |s: usize, e: usize| TextRange::new(base + s as u32, base + e as u32);
        let k = &mut self.k;
        while *k < b.len() && matches!(b[*k], b' ' | b'\t' | b'\r') {
            *k += 1;
        }
        let s = *k;
        let c = *b.get(s)?;
        let one = |tok: Tok, k: &mut usize| {
            *k += 1;
            Some((tok, at(s, s + 1)))
        };
        match c {
            b'{' | b'[' => one(Tok::Open(c == b'{'), k),
            b'}' | b']' => one(Tok::Close(c == b'}'), k),
            b':' => one(Tok::Colon, k),
            b',' => one(Tok::Comma, k),
            b'"' => {
                let start = s + 1;
                let mut e = start;
                while e < b.len() && b[e] != b'"' {
                    e += if b[e] == b'\\' { 2 } else { 1 };
                }
                let e = e.min(b.len());
                let raw = line.get(start..e).unwrap_or("");
                *k = e + 1;
                Some((Tok::Str(unescape(raw)), at(start, e)))
            }
            c if c.is_ascii_alphanumeric() || c == b'-' || c == b'+' || c == b'.' => {
                while *k < b.len() && (b[*k].is_ascii_alphanumeric() || b"-+.".contains(&b[*k])) {
                    *k += 1;
                }
                Some((Tok::Lit(line[s..*k].to_owned()), at(s, *k)))
            }
            _ => {
                let ch = line[s..].chars().next().unwrap_or('?');
                *k += ch.len_utf8();
                Some((Tok::Bad(ch), at(s, s + ch.len_utf8())))
            }
        }
    }
}

/// Decodes JSON string escapes; an invalid escape is kept as written, a lone surrogate becomes U+FFFD.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16) {
                    Ok(cp) if hex.len() == 4 => {
                        for _ in 0..4 {
                            chars.next();
                        }
                        let mut cp = cp;
                        if (0xD800..0xDC00).contains(&cp) {
                            // A high surrogate: combine with a following `\uDC00`–`\uDFFF`.
                            let rest = chars.as_str();
                            if let Some(lo) = rest.strip_prefix("\\u").and_then(|r| r.get(..4))
                                && let Ok(lo) = u32::from_str_radix(lo, 16)
                                && (0xDC00..0xE000).contains(&lo)
                            {
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                for _ in 0..6 {
                                    chars.next();
                                }
                            }
                        }
                        out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                    }
                    _ => out.push_str("\\u"),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Where the scanner is inside a container.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Key,
    Colon,
    Value,
    CommaOrClose,
}

/// An open container on the stack.
#[derive(Debug)]
struct Frame {
    object: bool,
    /// The member key this container is the value of.
    key: Option<(String, TextRange)>,
    expect: Expect,
    /// The member key being read.
    pending: Option<(String, TextRange)>,
    /// A `Value` member seen in this object.
    value: Option<(Option<String>, TextRange)>,
    user: Option<String>,
    host: Option<String>,
    timestamp: Option<u64>,
}

impl Frame {
    fn new(object: bool, key: Option<(String, TextRange)>) -> Frame {
        Frame {
            object,
            key,
            expect: if object { Expect::Key } else { Expect::Value },
            pending: None,
            value: None,
            user: None,
            host: None,
            timestamp: None,
        }
    }
}

/// True when a line can continue a JSON document (pretty-printed or not).
fn json_continuation(t: &str) -> bool {
    match t.bytes().next() {
        None => true,
        Some(c) => b"{}[]\",:-0123456789tfn".contains(&c),
    }
}

/// Deepest nesting kept on the stack (`mysqld-auto.cnf` nests four deep); deeper containers are
/// counted, not kept, so 16 MB of `[` costs no memory per bracket (issue 18: it took 3.4 GB).
const MAX_DEPTH: usize = 64;

/// Parses the JSON document starting at line `i`; returns the parse, its problems and the end line.
///
/// Grammar: standard JSON (RFC 8259) values, any whitespace, one top-level object, strings on one
/// line. Members are interpreted as described in the module docs; other members are skipped.
fn parse(src: &Source<'_>, i: usize) -> (AutoCnf, Vec<Problem>, usize) {
    let mut doc = AutoCnf::default();
    let mut problems: Vec<Problem> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut started = false;
    // Containers open past [`MAX_DEPTH`], counted, not kept.
    let mut too_deep = 0usize;
    let mut end = i + 1;
    let n = src.lines.len();
    let mut j = i;
    let mut bad_reported = 0usize;
    'lines: while j < n {
        let line = src.line(j);
        if j > i && (prompt::command(line).is_some() || !json_continuation(line.trim_start_ws())) {
            break;
        }
        let base = src.lines.get(j).map(|l| l.range.start).unwrap_or(0);
        end = j + 1;
        for (tok, r) in (Tokens { line, base, k: 0 }) {
            if started && stack.is_empty() {
                // Text after the closing brace on the same line: ignore.
                break 'lines;
            }
            let mut unexpected = false;
            if too_deep > 0 {
                // Inside containers nested past [`MAX_DEPTH`]: only their nesting is followed.
                match tok {
                    Tok::Open(_) => too_deep += 1,
                    Tok::Close(_) => too_deep -= 1,
                    _ => {}
                }
                continue;
            }
            match tok {
                Tok::Open(_) if stack.len() >= MAX_DEPTH => {
                    too_deep = 1;
                    unexpected = true;
                }
                Tok::Open(object) => {
                    // Always push, so that the matching close pops this container.
                    let key = match stack.last_mut() {
                        None => None,
                        Some(top) if top.expect == Expect::Value => {
                            top.expect = Expect::CommaOrClose;
                            top.pending.take()
                        }
                        Some(top) => {
                            unexpected = true;
                            top.pending.take()
                        }
                    };
                    started = true;
                    stack.push(Frame::new(object, key));
                }
                Tok::Close(_) => match stack.pop() {
                    Some(f) => close_frame(f, &mut stack, &mut doc),
                    None => unexpected = true,
                },
                Tok::Colon => match stack.last_mut() {
                    Some(top) if top.expect == Expect::Colon => top.expect = Expect::Value,
                    _ => unexpected = true,
                },
                Tok::Comma => match stack.last_mut() {
                    Some(top) if top.expect == Expect::CommaOrClose => {
                        top.expect = if top.object { Expect::Key } else { Expect::Value }
                    }
                    _ => unexpected = true,
                },
                Tok::Str(s) => {
                    let depth = stack.len();
                    match stack.last_mut() {
                        Some(top) if top.object && top.expect == Expect::Key => {
                            top.pending = Some((s, r));
                            top.expect = Expect::Colon;
                        }
                        Some(top) if top.expect == Expect::Value => {
                            scalar(top, depth, Some(s), r, &mut doc);
                        }
                        _ => unexpected = true,
                    }
                }
                Tok::Lit(l) => {
                    let depth = stack.len();
                    match stack.last_mut() {
                        Some(top) if top.expect == Expect::Value => {
                            let v = if l == "null" { None } else { Some(l) };
                            scalar(top, depth, v, r, &mut doc);
                        }
                        _ => unexpected = true,
                    }
                }
                Tok::Bad(_) => unexpected = true,
            }
            if unexpected && bad_reported < 3 {
                bad_reported += 1;
                problems.push(Problem {
                    key: k::OPTIONS_PROBLEM_JSON_UNEXPECTED,
                    args: vec![("token", src.slice(r).chars().take(20).collect())],
                    range: r,
                });
            }
        }
        if started && stack.is_empty() {
            doc.complete = true;
            break;
        }
        j += 1;
    }
    if !doc.complete {
        let r = src.lines_range(i, end);
        problems.push(Problem { key: k::OPTIONS_PROBLEM_JSON_UNTERMINATED, args: vec![], range: r });
        // Keep what was read: close the open frames innermost first.
        while let Some(f) = stack.pop() {
            close_frame(f, &mut stack, &mut doc);
        }
    }
    (doc, problems, end.max(i + 1))
}

/// A scalar member or element of `top` (at stack depth `depth`).
fn scalar(top: &mut Frame, depth: usize, v: Option<String>, r: TextRange, doc: &mut AutoCnf) {
    top.expect = Expect::CommaOrClose;
    let Some((key, _)) = top.pending.take() else { return };
    let in_metadata = top.key.as_ref().is_some_and(|(k, _)| k == "Metadata");
    match key.as_str() {
        "Version" if depth == 1 => {
            doc.version = v.as_deref().and_then(|s| s.parse().ok());
            doc.version_range = Some(r);
        }
        "Value" => top.value = Some((v, r)),
        "User" if in_metadata => top.user = v,
        "Host" if in_metadata => top.host = v,
        "Timestamp" if in_metadata => top.timestamp = v.and_then(|s| s.parse().ok()),
        "mysql_sensitive_variables_blob" | "file_key" | "master_key_id" => doc.encrypted_sensitive = true,
        _ => {}
    }
}

/// Finishes a popped container: a `Metadata` object hands its fields to its parent; an object with
/// a `Value` member becomes a variable.
fn close_frame(f: Frame, stack: &mut [Frame], doc: &mut AutoCnf) {
    let Some((key, key_range)) = f.key else { return };
    if key == "Metadata" {
        if let Some(parent) = stack.last_mut() {
            parent.user = f.user;
            parent.host = f.host;
            parent.timestamp = f.timestamp;
        }
        return;
    }
    if key == "mysql_sensitive_variables" {
        doc.encrypted_sensitive = true;
    }
    let Some((value, value_range)) = f.value else { return };
    let section = stack.last().and_then(|p| p.key.as_ref()).map(|(k, _)| k.clone()).unwrap_or_default();
    let read_only = section.contains("static");
    doc.vars.push(PersistedVar {
        name: key,
        name_range: key_range,
        value,
        value_range: Some(value_range),
        read_only,
        section,
        user: f.user,
        host: f.host,
        timestamp: f.timestamp,
        range: key_range.cover(value_range),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;
    use crate::i18n::Key;
    use crate::syntax::document::Document;

    fn split(name: &str, text: &str) -> Vec<Document> {
        detect::split(&Source::new(0, name, text))
    }

    fn auto(d: &Document) -> &AutoCnf {
        match &d.parsed {
            Parsed::AutoCnf(a) => a,
            other => panic!("not mysqld-auto.cnf: {other:?}"),
        }
    }

    const V2_COMPACT: &str = r#"{"Version": 2, "mysql_static_variables": {"relay_log_recovery": {"Value": "ON", "Metadata": {"Host": "localhost", "User": "root", "Timestamp": 1700000000123456}}}, "mysql_dynamic_variables": {"sync_relay_log": {"Value": "1", "Metadata": {"Host": "", "User": "root", "Timestamp": 1700000000000001}}}}"#;

    #[test]
    fn version2_compact() {
        let d = split("input 1", V2_COMPACT);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DocKind::MysqldAutoCnf);
        let a = auto(&d[0]);
        assert_eq!(a.version, Some(2));
        assert!(a.complete);
        assert_eq!(a.vars.len(), 2);
        let rr = a.var("relay_log_recovery").unwrap();
        assert_eq!(rr.value.as_deref(), Some("ON"));
        assert!(rr.read_only);
        assert_eq!(rr.user.as_deref(), Some("root"));
        assert_eq!(rr.timestamp, Some(1700000000123456));
        let srl = a.var("sync-relay-log").unwrap();
        assert!(!srl.read_only);
        assert_eq!(srl.section, "mysql_dynamic_variables");
        let src = Source::new(0, "x", V2_COMPACT);
        assert_eq!(src.slice(srl.name_range), "sync_relay_log");
        assert_eq!(src.slice(srl.value_range.unwrap()), "1");
        assert!(d[0].problems.is_empty(), "{:?}", d[0].problems);
    }

    #[test]
    fn version1_pretty_with_static_options() {
        let text = "$ sudo cat /var/lib/mysql/mysqld-auto.cnf | python3 -m json.tool\n{\n    \"Version\": 1,\n    \"mysql_server\": {\n        \"sync_binlog\": {\n            \"Value\": \"0\",\n            \"Metadata\": {\n                \"Timestamp\": 1591234567890123,\n                \"User\": \"root\",\n                \"Host\": \"localhost\"\n            }\n        },\n        \"mysql_server_static_options\": {\n            \"relay_log_info_repository\": {\n                \"Value\": \"TABLE\",\n                \"Metadata\": {\n                    \"Timestamp\": 1591234567890124,\n                    \"User\": \"root\",\n                    \"Host\": \"localhost\"\n                }\n            }\n        }\n    }\n}\nmysql> SELECT 1;\n";
        let d = split("input 1", text);
        assert_eq!(d[0].kind, DocKind::MysqldAutoCnf);
        assert_eq!((d[0].line_start, d[0].line_end), (2, 24));
        let a = auto(&d[0]);
        assert_eq!(a.version, Some(1));
        let names: Vec<(&str, bool)> = a.vars.iter().map(|v| (v.name.as_str(), v.read_only)).collect();
        assert_eq!(names, [("sync_binlog", false), ("relay_log_info_repository", true)]);
        assert_eq!(a.vars[1].section, "mysql_server_static_options");
    }

    #[test]
    fn other_json_is_not_claimed() {
        let d = split("input 1", "{\"name\": \"x\", \"Value\": 1}\n");
        assert!(d.iter().all(|d| d.kind != DocKind::MysqldAutoCnf));
        // Unless the prompt says it is mysqld-auto.cnf.
        let d = split("input 1", "$ cat /data/mysqld-auto.cnf\n{\"x\": {\"y\": {\"Value\": \"1\"}}}\n");
        assert_eq!(d[0].kind, DocKind::MysqldAutoCnf);
        assert_eq!(d[0].name.as_deref(), Some("/data/mysqld-auto.cnf"));
        assert_eq!(auto(&d[0]).vars[0].section, "x");
    }

    #[test]
    fn broken_json_is_reported_and_kept() {
        let text = "{\"Version\": 2, \"mysql_dynamic_variables\": {\"sync_binlog\": {\"Value\": \"1\" \"Metadata\": {}}, \n\"innodb_flush_log_at_trx_commit\": {\"Value\": \"2\"\nmysql> select 1;\n";
        let d = split("input 1", text);
        assert_eq!(d[0].kind, DocKind::MysqldAutoCnf);
        assert_eq!(d[0].line_end, 2);
        let keys: Vec<Key> = d[0].problems.iter().map(|p| p.key).collect();
        assert!(keys.contains(&k::OPTIONS_PROBLEM_JSON_UNEXPECTED), "{keys:?}");
        assert!(keys.contains(&k::OPTIONS_PROBLEM_JSON_UNTERMINATED), "{keys:?}");
        let a = auto(&d[0]);
        assert_eq!(a.var("sync_binlog").and_then(|v| v.value.as_deref()), Some("1"));
        assert_eq!(a.var("innodb_flush_log_at_trx_commit").and_then(|v| v.value.as_deref()), Some("2"));
    }

    #[test]
    fn escapes_null_and_sensitive() {
        let text = r#"{"Version": 2, "mysql_dynamic_variables": {"init_connect": {"Value": "SET NAMES \"utf8mb4\" \u00e9\ud83d\ude00"}, "x": {"Value": null}}, "mysql_sensitive_variables": {"master_key_id": "k", "mysql_sensitive_variables_blob": "AbC="}}"#;
        let a_docs = split("input 1", text);
        let a = auto(&a_docs[0]);
        assert_eq!(a.vars[0].value.as_deref(), Some("SET NAMES \"utf8mb4\" é😀"));
        assert_eq!(a.vars[1].value, None);
        assert!(a.encrypted_sensitive);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let mut text = String::from("{\"Version\": 2, \"a\": ");
        for _ in 0..100_000 {
            text.push_str("[{\"b\": ");
        }
        let d = split("input 1", &text);
        assert_eq!(d[0].kind, DocKind::MysqldAutoCnf);
        for t in [
            "{\"Version\"",
            "{\"Version\": }}}]]",
            "{\"Version\": \"\\u12\"",
            "{\"Version\":1,\"mysql_server\":{\"a\":{\"Value\":\"\\",
        ] {
            let _ = split("input 1", t);
        }
    }
}
