//! MySQL option files (`my.cnf`, `my.ini`, `conf.d/*.cnf`) and `my_print_defaults` /
//! `mysqld --print-defaults` output.
//!
//! The grammar follows what `mysys/my_default.cc` and `my_getopt.cc` accept (see [`parse_line`]).
//! The parse is lossless: every group header, key and value keeps its byte range, so findings can
//! point at the exact line, and fixes can repeat the user's spelling (`slave-parallel-workers`,
//! `loose_sync_relay_log`).
//!
//! # Known problems
//! - Unique prefixes of option names (`innodb_buffer_pool=1G` for `innodb_buffer_pool_size`),
//!   which `my_getopt` may accept, are kept as written, not expanded.
//! - Whether an option is boolean is not known here: a bare key always gives `ON`, which is what
//!   MySQL does for boolean options; for others (a bare `log-error`) the server uses a default.
//! - Included files are not read (they are not in the input); `facts::settings` notes them.
//! - `[mysqld_multi]` instance groups (`[mysqld1]`) are recognised but not attributed to an instance.

use crate::i18n::{Key, k};
use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Label, Parsed, Problem};
use crate::syntax::prompt;
use crate::text::{Interner, Shared, TextRange};

/// Which syntax the document was written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum OptionSyntax {
    /// An option file: `[group]` headers and `key = value` lines.
    #[default]
    File,
    /// `my_print_defaults` output: one `--key=value` per line, groups already resolved.
    PrintDefaults,
}

/// A `[group]` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Group {
    /// The group name, trimmed and lower-cased (`mysqld`, `mysqld-8.0`, `mysqld@replica1`).
    pub name: Shared,
    /// The whole `[…]` header.
    pub header: TextRange,
    /// The name inside the brackets.
    pub name_range: TextRange,
}

/// A special prefix of an option name (`my_getopt`'s `special_opt_prefix`, after `loose-`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prefix {
    /// `skip-x`: sets boolean `x` to OFF (any value is ignored).
    Skip,
    /// `enable-x`: sets `x` to ON (`enable-x=0` sets it OFF).
    Enable,
    /// `disable-x`: sets `x` to OFF (any value is ignored).
    Disable,
    /// `maximum-x=N`: the upper limit a session may set `x` to; not a value of `x`.
    Maximum,
}

/// One option line (`key`, `key = value`) or `my_print_defaults` line (`--key=value`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Index into [`OptionFile::groups`]; `None` before any group, and for `my_print_defaults`.
    /// (`u32`: an entry is repeated per option line, issue 18.)
    pub group: Option<u32>,
    /// The key as written, trimmed (`loose-skip-slave-start`, `innodb_buffer_pool_size`).
    pub key: Shared,
    pub key_range: TextRange,
    /// The option it sets: `loose-` and any special prefix removed, lower case, `-` → `_`
    /// (`slave_start` for `skip-slave-start`). With [`Prefix::Maximum`] the whole name is kept
    /// (`maximum_sort_buffer_size`): it is a limit, not a value of the option.
    pub option: Shared,
    /// `loose-` was written: an unknown option is a warning, not a startup failure.
    pub loose: bool,
    pub prefix: Option<Prefix>,
    /// The value as written after `=` (trimmed, comment removed, quotes kept); `None` for a bare key.
    pub raw_value: Option<Shared>,
    pub value_range: Option<TextRange>,
    /// The value the option takes: quotes removed and escapes decoded; `OFF` for `skip-`/`disable-`,
    /// `ON` for `enable-` and for a bare key.
    pub value: Shared,
    /// From the key to the end of the value (comment excluded).
    pub range: TextRange,
}

/// An `!include FILE` or `!includedir DIR` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Include {
    /// True for `!includedir`.
    pub dir: bool,
    /// The path as written (trimmed).
    pub path: String,
    /// The whole directive.
    pub range: TextRange,
    /// The group the directive appears in (MySQL reads the included file at that point).
    pub group: Option<usize>,
}

/// The parse of an option file or `my_print_defaults` output.
#[derive(Clone, Debug, Default)]
pub(crate) struct OptionFile {
    pub syntax: OptionSyntax,
    /// The file's path or name when the input tells (input name, `cat /etc/my.cnf` prompt).
    pub path: Option<String>,
    pub groups: Vec<Group>,
    /// Option lines, in order.
    pub entries: Vec<Entry>,
    pub includes: Vec<Include>,
    /// For `my_print_defaults`: the groups named on its command line (`my_print_defaults mysqld
    /// server`), lower case; empty when unknown.
    pub requested_groups: Vec<String>,
}

impl OptionFile {
    /// The group of an entry (lower case), if any.
    pub fn group_of(&self, e: &Entry) -> Option<&str> {
        e.group.and_then(|g| self.groups.get(g as usize)).map(|g| &*g.name)
    }
}

/// Section names of systemd units: an option-file scan stops there (the unit recogniser runs first,
/// but a pasted unit may directly follow an option file).
const SYSTEMD_SECTIONS: &[&str] = &[
    "unit",
    "service",
    "install",
    "socket",
    "timer",
    "mount",
    "path",
    "slice",
    "scope",
    "automount",
    "swap",
];

/// Whether `name` (a group name, lower case) is a group some MySQL, Percona or MariaDB program reads.
pub(crate) fn is_known_group(name: &str) -> bool {
    let base = name.split('@').next().unwrap_or(name);
    const KNOWN: &[&str] = &[
        "mysqld",
        "server",
        "client",
        "mysql",
        "mysqld_safe",
        "safe_mysqld",
        "mysqldump",
        "mysqladmin",
        "mysqlcheck",
        "mysqlimport",
        "mysqlshow",
        "mysqlbinlog",
        "mysqlslap",
        "mysqlpump",
        "mysql_upgrade",
        "mysqld_multi",
        "mysqlhotcopy",
        "mysql_install_db",
        "myisamchk",
        "myisampack",
        "mysqlsh",
        "mysqlx",
        "mysqlrouter",
        "embedded",
        "xtrabackup",
        "innobackupex",
        "mariadb",
        "mariadbd",
        "mariadb-client",
        "client-mariadb",
        "client-server",
        "mariadb-backup",
        "mariabackup",
        "mariadb-dump",
        "galera",
        "sst",
    ];
    if KNOWN.contains(&base) {
        return true;
    }
    // `[mysqld-8.0]`, `[mariadb-10.11]`, `[mysqld1]` (mysqld_multi instances).
    for stem in ["mysqld-", "mariadb-", "mariadbd-", "server-"] {
        if let Some(rest) = base.strip_prefix(stem)
            && is_series(rest)
        {
            return true;
        }
    }
    base.strip_prefix("mysqld").is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
}

/// `X.Y` with numeric parts.
pub(crate) fn is_series(s: &str) -> bool {
    let mut it = s.split('.');
    let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) else { return false };
    !a.is_empty()
        && !b.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
}

/// True when `name` looks like an option file's name (`my.cnf`, `/etc/mysql/conf.d/x.cnf`, `my.ini`).
pub(crate) fn is_option_file_name(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
    (base.ends_with(".cnf") && base != "mysqld-auto.cnf") || base == "my.ini" || base.ends_with(".my.ini")
}

/// The file named by a prompt command that prints a file (`cat /etc/mysql/my.cnf`,
/// `sudo less /etc/my.cnf.d/server.cnf`), when that file is an option file.
pub(crate) fn file_from_command(cmd: &str) -> Option<&str> {
    let mut words = cmd.split_whitespace();
    let first = words.next()?;
    let tools = [
        "cat",
        "less",
        "more",
        "head",
        "tail",
        "bat",
        "batcat",
        "grep",
        "egrep",
        "sed",
        "awk",
        "type",
        "Get-Content",
        "gc",
    ];
    let first = if first == "sudo" || first == "doas" { words.next()? } else { first };
    if !tools.contains(&first) {
        return None;
    }
    cmd.split_whitespace()
        .map(|w| w.trim_matches(['"', '\'']))
        .rfind(|w| is_option_file_name(w) && !w.starts_with('-'))
}

fn input_name_hint<'a>(src: &Source<'a>, hint: &Hint<'a>) -> (Option<String>, bool) {
    if let Some(cmd) = hint.command
        && let Some(p) = file_from_command(cmd)
    {
        return (Some(p.to_owned()), true);
    }
    if hint.at_input_start && is_option_file_name(src.name) {
        return (Some(src.name.to_owned()), true);
    }
    (None, false)
}

/// The name of a Kubernetes ConfigMap key whose literal block starts at line `i` (the key's line
/// is the one before the block's first non-blank line): `ConfigMap mysql-conf, key replica.cnf`.
fn configmap_key(src: &Source<'_>, i: usize) -> Option<String> {
    let first = src.line(i);
    if !first.starts_with([' ', '\t']) {
        return None;
    }
    let k = (i.saturating_sub(5)..i).rev().find(|&j| !src.line(j).trim_ws().is_empty())?;
    if !crate::syntax::container::cnf_block_follows(src, k) {
        return None;
    }
    let key = src.line(k).trim_ws().split_once(':')?.0.trim_matches(['"', '\'']).to_owned();
    // The resource's `metadata: name:` above, within its YAML document.
    let mut name = None;
    for j in (0..k).rev().take(200) {
        let l = src.line(j);
        if l.trim_end_ws() == "---" || l.starts_with("apiVersion:") {
            break;
        }
        if l.starts_with("  name:") && name.is_none() {
            name = l.split_once(':').map(|(_, v)| v.trim_ws().trim_matches(['"', '\'']).to_owned());
        }
    }
    Some(match name {
        Some(n) => format!("ConfigMap {n}, key {key}"),
        None => format!("ConfigMap key {key}"),
    })
}

/// Claims an option file or `my_print_defaults` output starting at line `i`.
///
/// An option file is claimed when line `i` is a `[group]` header naming a group a MySQL program
/// reads, an `!include`/`!includedir` line, or — when the input is named `*.cnf`/`my.ini` (or the
/// prompt before it printed such a file) — any option-file line. The document ends at the last
/// option-file line before a prompt, a result table, a systemd section or other non-option text
/// (trailing comments and blank lines are left to the splitter).
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    if let Some(c) = recognize_print_defaults(src, i, hint) {
        return Some(c);
    }
    let (mut path, whole_file) = input_name_hint(src, hint);
    if path.is_none() {
        path = configmap_key(src, i);
    }
    let first = src.line(i).trim_ws();
    let starts = match classify(first) {
        Shape::Header(name) => {
            let n = name.trim_ws().to_ascii_lowercase();
            is_known_group(&n) || (whole_file && !SYSTEMD_SECTIONS.contains(&n.as_str()))
        }
        Shape::Include => true,
        Shape::Entry => whole_file,
        Shape::Other | Shape::Comment | Shape::Blank => false,
    };
    if !starts {
        return None;
    }
    let (doc, problems, end) = parse_file(src, i, whole_file);
    let mut doc = doc;
    doc.path = path;
    let label = file_label(&doc);
    Some(Claim {
        kind: DocKind::OptionFile,
        end,
        name: doc.path.clone(),
        label: Some(label),
        parsed: Parsed::OptionFile(doc),
        problems,
    })
}

fn file_label(doc: &OptionFile) -> Label {
    let mut groups: Vec<String> = Vec::new();
    for g in &doc.groups {
        let s = format!("[{}]", g.name);
        if !groups.contains(&s) {
            groups.push(s);
        }
    }
    let groups = groups.join(", ");
    let includes = doc.includes.len().to_string();
    match (&doc.path, groups.is_empty(), doc.includes.is_empty()) {
        (Some(p), false, _) => {
            Label { key: k::OPTIONS_LABEL_FILE, args: vec![("name", p.clone()), ("groups", groups)] }
        }
        (None, false, _) => Label { key: k::OPTIONS_LABEL_SNIPPET, args: vec![("groups", groups)] },
        (Some(p), true, false) => Label {
            key: k::OPTIONS_LABEL_INCLUDES_ONLY,
            args: vec![("name", p.clone()), ("includes", includes)],
        },
        (None, true, false) => {
            Label { key: k::OPTIONS_LABEL_INCLUDES_ONLY_UNNAMED, args: vec![("includes", includes)] }
        }
        (Some(p), true, true) => Label { key: k::OPTIONS_LABEL_NO_GROUPS, args: vec![("name", p.clone())] },
        (None, true, true) => Label { key: k::OPTIONS_LABEL_NO_GROUPS_UNNAMED, args: vec![] },
    }
}

/// The rough shape of a trimmed line, for recognition.
enum Shape<'a> {
    Blank,
    Comment,
    Header(&'a str),
    Include,
    Entry,
    Other,
}

fn classify(t: &str) -> Shape<'_> {
    if t.is_empty() {
        return Shape::Blank;
    }
    if t.starts_with('#') || t.starts_with(';') {
        return Shape::Comment;
    }
    if let Some(rest) = t.strip_prefix('[') {
        return match rest.find(']') {
            Some(j) if valid_group_name(&rest[..j]) => Shape::Header(&rest[..j]),
            _ => Shape::Other,
        };
    }
    if let Some(rest) = t.strip_prefix('!') {
        let word = rest.split_whitespace().next().unwrap_or("");
        return if (word == "include" || word == "includedir") && rest.len() > word.len() {
            Shape::Include
        } else {
            Shape::Other
        };
    }
    let body = strip_end_comment(t);
    let key = body.split('=').next().unwrap_or("").trim_ws();
    if plausible_key(key) { Shape::Entry } else { Shape::Other }
}

fn valid_group_name(s: &str) -> bool {
    let s = s.trim_ws();
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.@".contains(&b))
}

/// A key an option file could hold: `[A-Za-z0-9_.-]`, starting with a letter or digit, and not a
/// systemd-style `CamelCase` key (MySQL option names are lower case with `_`/`-`).
fn plausible_key(k: &str) -> bool {
    let Some(first) = k.bytes().next() else { return false };
    if !first.is_ascii_alphanumeric() || k.len() > 128 {
        return false;
    }
    if !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.') {
        return false;
    }
    let camel = first.is_ascii_uppercase() && !k.contains(['_', '-']);
    !camel
}

/// What MySQL's `remove_end_comment` keeps: the text before the first `#` that is outside quotes.
/// (Inside quotes a backslash protects the next character.)
pub(crate) fn strip_end_comment(s: &str) -> &str {
    let b = s.as_bytes();
    let mut quote: u8 = 0;
    let mut escape = false;
    for (k, &c) in b.iter().enumerate() {
        if (c == b'\'' || c == b'"') && !escape {
            if quote == 0 {
                quote = c;
            } else if quote == c {
                quote = 0;
            }
        } else if quote == 0 && c == b'#' {
            return &s[..k];
        }
        escape = quote != 0 && c == b'\\' && !escape;
    }
    s
}

/// Decodes an option value as MySQL does: surrounding matching quotes removed, then the escapes
/// `\b \t \n \r \s \\ \" \'` decoded; any other `\x` is kept as written.
pub(crate) fn decode_value(v: &str) -> String {
    let b = v.as_bytes();
    let inner = if b.len() >= 2 && (b[0] == b'\'' || b[0] == b'"') && b[b.len() - 1] == b[0] {
        &v[1..v.len() - 1]
    } else {
        v
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            None => out.push('\\'),
            Some(n) => {
                chars.next();
                match n {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    's' => out.push(' '),
                    '\\' | '"' | '\'' => out.push(n),
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
        }
    }
    out
}

/// Real option names that begin with a special prefix word: they are matched before prefixes are
/// stripped (`my_getopt` tries the exact name first), so `skip-name-resolve` sets
/// `skip_name_resolve`, not `name_resolve = OFF`.
const PREFIXED_REAL_NAMES: &[&str] = &[
    "skip_replica_start",
    "skip_slave_start",
    "skip_name_resolve",
    "skip_networking",
    "skip_external_locking",
    "skip_show_database",
    "skip_grant_tables",
    "skip_host_cache",
    "skip_character_set_client_handshake",
    "skip_stack_trace",
    "skip_new",
];

/// Splits a key into `(loose, prefix, option)`; see [`Entry::option`].
pub(crate) fn split_key(key: &str) -> (bool, Option<Prefix>, String) {
    let mut n = key.trim_ws().to_ascii_lowercase().replace('-', "_");
    let mut loose = false;
    if let Some(rest) = n.strip_prefix("loose_") {
        loose = true;
        n = rest.to_owned();
    }
    if PREFIXED_REAL_NAMES.contains(&n.as_str()) {
        return (loose, None, n);
    }
    for (word, p) in [("skip_", Prefix::Skip), ("enable_", Prefix::Enable), ("disable_", Prefix::Disable)] {
        if let Some(rest) = n.strip_prefix(word)
            && !rest.is_empty()
        {
            return (loose, Some(p), rest.to_owned());
        }
    }
    if n.starts_with("maximum_") && n.len() > "maximum_".len() {
        return (loose, Some(Prefix::Maximum), n);
    }
    (loose, None, n)
}

/// The value an option takes given its prefix and written value (see [`Entry::value`]).
fn effective_value(prefix: Option<Prefix>, decoded: Option<&str>) -> String {
    match (prefix, decoded) {
        (Some(Prefix::Skip | Prefix::Disable), _) => "OFF".to_owned(),
        (Some(Prefix::Enable), Some(v)) if v.trim_ws() == "0" => "OFF".to_owned(),
        (Some(Prefix::Enable), _) => "ON".to_owned(),
        (_, None) => "ON".to_owned(),
        (_, Some(v)) => v.to_owned(),
    }
}

/// One parsed line of an option file.
enum LineParse {
    Blank,
    Comment,
    Header(Group),
    Include {
        dir: bool,
        path: String,
        range: TextRange,
    },
    Entry(Entry),
    /// A line that is not option-file syntax, with the problem key if it is reported.
    Bad(Key),
}

/// Parses one line of an option file.
///
/// Grammar (after leading whitespace):
/// - empty → blank; `#…` or `;…` → comment;
/// - `[name]` → group header (`name` trimmed; anything after `]` ignored); `[` without `]` is bad;
/// - `!include PATH`, `!includedir DIR` → include directives; any other `!…` is bad;
/// - otherwise an option: the text before the first unquoted `#` (an end-of-line comment), split at
///   the first `=` into key and value, both trimmed (spaces and tabs); no `=` → a bare key.
///   The key is `[A-Za-z0-9_.-]+`; `-` and `_` are equivalent; an optional `loose-` then an optional
///   `skip-`/`enable-`/`disable-`/`maximum-` prefix. A value in matching `'…'` or `"…"` has its
///   quotes removed; escapes `\b \t \n \r \s \\ \" \'` are decoded.
fn parse_line(src: &Source<'_>, j: usize, strings: &mut Interner) -> LineParse {
    let raw = src.line(j);
    let t = raw.trim_ws();
    if t.is_empty() {
        return LineParse::Blank;
    }
    if t.starts_with('#') || t.starts_with(';') {
        return LineParse::Comment;
    }
    if let Some(rest) = t.strip_prefix('[') {
        let Some(close) = rest.find(']') else { return LineParse::Bad(k::OPTIONS_PROBLEM_GROUP_UNCLOSED) };
        let inner = &rest[..close];
        let name = inner.trim_ws();
        if !valid_group_name(name) {
            return LineParse::Bad(k::OPTIONS_PROBLEM_GROUP_NAME);
        }
        let header = src.range_in_line(j, &t[..close + 2]);
        return LineParse::Header(Group {
            name: strings.get(&name.to_ascii_lowercase()),
            header,
            name_range: src.range_in_line(j, name),
        });
    }
    if let Some(rest) = t.strip_prefix('!') {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        let path = rest[word_end..].trim_ws();
        if (word == "include" || word == "includedir") && !path.is_empty() {
            return LineParse::Include {
                dir: word == "includedir",
                path: path.to_owned(),
                range: src.range_in_line(j, t),
            };
        }
        return LineParse::Bad(k::OPTIONS_PROBLEM_DIRECTIVE);
    }
    let body = strip_end_comment(t).trim_end_ws();
    if body.is_empty() {
        return LineParse::Comment;
    }
    let (key, value) = match body.find('=') {
        Some(k) => (body[..k].trim_ws(), Some(body[k + 1..].trim_ws())),
        None => (body, None),
    };
    if !plausible_key(key) {
        return LineParse::Bad(k::OPTIONS_PROBLEM_KEY);
    }
    let (loose, prefix, option) = split_key(key);
    let decoded = value.map(decode_value);
    let key_range = src.range_in_line(j, key);
    let value_range = value.map(|v| {
        if v.is_empty() {
            // An empty value sits right after the `=`.
            let eq = src.range_in_line(j, body).start + body.find('=').unwrap_or(0) as u32 + 1;
            TextRange::empty(eq)
        } else {
            src.range_in_line(j, v)
        }
    });
    let range = key_range.cover(value_range.unwrap_or(key_range));
    LineParse::Entry(Entry {
        group: None,
        key: strings.get(key),
        key_range,
        option: strings.get(&option),
        loose,
        prefix,
        raw_value: value.map(|v| strings.get(v)),
        value_range,
        value: strings.get(&effective_value(prefix, decoded.as_deref())),
        range,
    })
}

/// Parses an option file from line `i`; returns the parse, its problems and the end line
/// (exclusive). In `whole_file` mode (the input is known to be an option file) malformed lines are
/// problems and the scan goes on; otherwise the scan stops at the first line that is not option
/// syntax. The scan always stops at a prompt or a systemd section header.
fn parse_file(src: &Source<'_>, i: usize, whole_file: bool) -> (OptionFile, Vec<Problem>, usize) {
    let mut doc = OptionFile::default();
    let mut problems = Vec::new();
    let mut end = i + 1;
    let mut current: Option<usize> = None;
    let mut reported_groupless = false;
    // Keys and values repeat (issue 18: a `[mysqld]` group repeated 800,000 times): one copy each.
    let mut strings = Interner::default();
    let n = src.lines.len();
    let mut j = i;
    // An indented block (a ConfigMap's `my.cnf: |`) ends where the indentation drops.
    let block_indent = src.line(i).len() - src.line(i).trim_start_ws().len();
    while j < n {
        let raw = src.line(j);
        if j > i && prompt::command(raw).is_some() {
            break;
        }
        if j > i
            && block_indent > 0
            && !raw.trim_ws().is_empty()
            && raw.len() - raw.trim_start_ws().len() < block_indent
        {
            break;
        }
        let t = raw.trim_start_ws();
        // A result table or `\G` row separator is never option syntax: the file has ended.
        if j > i && (t.starts_with("+-") || t.starts_with('|') || t.starts_with("***")) {
            break;
        }
        match parse_line(src, j, &mut strings) {
            LineParse::Blank | LineParse::Comment => {}
            LineParse::Header(g) => {
                if j > i && SYSTEMD_SECTIONS.contains(&&*g.name) {
                    break;
                }
                if !whole_file && !is_known_group(&g.name) && !looks_like_group(&g.name) {
                    break;
                }
                doc.groups.push(g);
                current = Some(doc.groups.len() - 1);
                end = j + 1;
            }
            LineParse::Include { dir, path, range } => {
                doc.includes.push(Include { dir, path, range, group: current });
                end = j + 1;
            }
            LineParse::Entry(mut e) => {
                e.group = current.and_then(|c| u32::try_from(c).ok());
                if current.is_none() && !reported_groupless {
                    reported_groupless = true;
                    problems.push(Problem {
                        key: k::OPTIONS_PROBLEM_NO_GROUP,
                        args: vec![("key", e.key.to_string())],
                        range: e.range,
                    });
                }
                if let (Some(Prefix::Skip | Prefix::Disable), Some(v)) = (e.prefix, &e.raw_value) {
                    problems.push(Problem {
                        key: k::OPTIONS_PROBLEM_PREFIX_VALUE_IGNORED,
                        args: vec![
                            ("key", e.key.to_string()),
                            ("value", crate::redact::mask(v).into_owned()),
                        ],
                        range: e.range,
                    });
                }
                doc.entries.push(e);
                end = j + 1;
            }
            LineParse::Bad(key) => {
                if !whole_file {
                    break;
                }
                let line = src.lines.get(j).map(|l| l.range).unwrap_or_default();
                let text = crate::redact::mask(src.line(j).trim_ws()).into_owned();
                problems.push(Problem { key, args: vec![("line", text)], range: line });
                end = j + 1;
            }
        }
        j += 1;
    }
    (doc, problems, end.max(i + 1))
}

/// A group name that is plausible inside an option file already claimed (an unknown tool's group
/// such as `[mysqld_exporter]` or `[client-mariadb]`): lower case with `_`/`-`.
fn looks_like_group(name: &str) -> bool {
    name.starts_with("mysql") || name.starts_with("maria") || name.starts_with("client") || name.contains('_')
}

/// `--name` or `--name=value` with a plausible option name.
fn print_defaults_line(t: &str) -> Option<(&str, Option<&str>)> {
    let rest = t.strip_prefix("--")?;
    let (name, value) = match rest.find('=') {
        Some(k) => (&rest[..k], Some(&rest[k + 1..])),
        None => (rest, None),
    };
    if !plausible_key(name) {
        return None;
    }
    Some((name, value))
}

/// True when `cmd` runs `my_print_defaults` or `mysqld --print-defaults`.
fn is_print_defaults_command(cmd: &str) -> bool {
    cmd.contains("my_print_defaults") || cmd.contains("--print-defaults")
}

/// The groups named on a `my_print_defaults` command line (`my_print_defaults -s mysqld server`).
pub(crate) fn requested_groups(cmd: &str) -> Vec<String> {
    let mut words = cmd.split_whitespace();
    if !words.by_ref().any(|w| w.ends_with("my_print_defaults")) {
        return Vec::new();
    }
    words
        .take_while(|w| {
            !w.starts_with('|') && !w.starts_with('>') && !w.starts_with(';') && !w.starts_with('&')
        })
        .filter(|w| !w.starts_with('-'))
        .map(|w| w.trim_matches(['"', '\'']).to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Claims `my_print_defaults` output (`--key=value` lines; at least two, or one after a
/// `my_print_defaults` prompt) or `mysqld --print-defaults` output
/// (`mysqld would have been started with the following arguments:` and one line of arguments).
fn recognize_print_defaults(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let t = src.line(i).trim_ws();
    let from_cmd = hint.command.is_some_and(is_print_defaults_command);
    let mut doc = OptionFile { syntax: OptionSyntax::PrintDefaults, ..OptionFile::default() };
    if let Some(cmd) = hint.command {
        doc.requested_groups = requested_groups(cmd);
    }
    if t.ends_with("would have been started with the following arguments:") {
        // `mysqld --print-defaults`: the arguments follow on the next line, space-separated.
        let j = i + 1;
        let args = src.line(j);
        if args.trim_start_ws().starts_with("--") {
            let mut rest = args;
            while let Some(w) = next_word(&mut rest) {
                if let Some(e) = print_defaults_entry(src, j, w) {
                    doc.entries.push(e);
                }
            }
            return Some(print_defaults_claim(doc, j + 1));
        }
        return Some(print_defaults_claim(doc, i + 1));
    }
    print_defaults_line(t)?;
    let next_is = print_defaults_line(src.line(i + 1).trim_ws()).is_some();
    if !from_cmd && !next_is {
        return None;
    }
    let mut j = i;
    while j < src.lines.len() {
        let line = src.line(j).trim_ws();
        if print_defaults_line(line).is_none() {
            break;
        }
        if let Some(e) = print_defaults_entry(src, j, line) {
            doc.entries.push(e);
        }
        j += 1;
    }
    Some(print_defaults_claim(doc, j.max(i + 1)))
}

/// Splits off the next whitespace-separated word of `rest` (a sub-slice, so spans stay exact).
fn next_word<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let s = rest.trim_start_ws();
    if s.is_empty() {
        *rest = s;
        return None;
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let (w, tail) = s.split_at(end);
    *rest = tail;
    Some(w)
}

/// One `--key[=value]` word of line `j` (`w` must be a sub-slice of that line).
fn print_defaults_entry(src: &Source<'_>, j: usize, w: &str) -> Option<Entry> {
    let (name, value) = print_defaults_line(w)?;
    let (loose, prefix, option) = split_key(name);
    let key_range = src.range_in_line(j, name);
    let value_range = value
        .map(|v| if v.is_empty() { TextRange::empty(key_range.end + 1) } else { src.range_in_line(j, v) });
    Some(Entry {
        group: None,
        key: name.into(),
        key_range,
        option: option.into(),
        loose,
        prefix,
        raw_value: value.map(Shared::from),
        value_range,
        // my_print_defaults prints values already unquoted and unescaped.
        value: effective_value(prefix, value).into(),
        range: key_range.cover(value_range.unwrap_or(key_range)),
    })
}

fn print_defaults_claim(doc: OptionFile, end: usize) -> Claim {
    let count = doc.entries.len().to_string();
    let label = if doc.requested_groups.is_empty() {
        Label { key: k::OPTIONS_LABEL_PRINT_DEFAULTS, args: vec![("count", count)] }
    } else {
        let groups = doc.requested_groups.iter().map(|g| format!("[{g}]")).collect::<Vec<_>>().join(", ");
        Label {
            key: k::OPTIONS_LABEL_PRINT_DEFAULTS_GROUPS,
            args: vec![("count", count), ("groups", groups)],
        }
    };
    Claim {
        kind: DocKind::MyPrintDefaults,
        end,
        name: None,
        label: Some(label),
        parsed: Parsed::OptionFile(doc),
        problems: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;
    use crate::syntax::document::Document;

    fn docs(name: &str, text: &str) -> Vec<Document> {
        let src = Source::new(0, name, text);
        detect::split(&src)
    }

    fn only_file(d: &Document) -> &OptionFile {
        match &d.parsed {
            Parsed::OptionFile(f) => f,
            other => panic!("not an option file: {other:?}"),
        }
    }

    #[test]
    fn parses_groups_keys_values_and_prefixes() {
        let text = "# comment\n[mysqld]\nuser\t= mysql\nskip-log-bin\nloose_sync-relay-log = 1 # crash safe\n\
                    enable-named-pipe\nmaximum-sort_buffer_size=1M\nskip-name-resolve\n\n[client]\nsocket=\"/run/my sql.sock\"\n";
        let d = docs("input 1", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].kind, DocKind::OptionFile);
        assert_eq!(d[0].line_start, 2);
        assert_eq!(d[0].line_end, 11);
        let f = only_file(&d[0]);
        assert_eq!(f.groups.iter().map(|g| &*g.name).collect::<Vec<_>>(), ["mysqld", "client"]);
        let e: Vec<(&str, &str, Option<Prefix>, bool)> =
            f.entries.iter().map(|e| (&*e.option, &*e.value, e.prefix, e.loose)).collect();
        assert_eq!(
            e,
            [
                ("user", "mysql", None, false),
                ("log_bin", "OFF", Some(Prefix::Skip), false),
                ("sync_relay_log", "1", None, true),
                ("named_pipe", "ON", Some(Prefix::Enable), false),
                ("maximum_sort_buffer_size", "1M", Some(Prefix::Maximum), false),
                ("skip_name_resolve", "ON", None, false),
                ("socket", "/run/my sql.sock", None, false),
            ]
        );
        // Spans: key and value ranges point at the text as written.
        let src = Source::new(0, "x", text);
        let sr = &f.entries[2];
        assert_eq!(src.slice(sr.key_range), "loose_sync-relay-log");
        assert_eq!(src.slice(sr.value_range.unwrap()), "1");
        assert_eq!(src.slice(f.groups[1].header), "[client]");
        assert_eq!(src.slice(f.entries[6].value_range.unwrap()), "\"/run/my sql.sock\"");
        assert_eq!(f.group_of(&f.entries[6]), Some("client"));
    }

    #[test]
    fn comments_quotes_and_escapes_follow_mysql() {
        assert_eq!(strip_end_comment("a = b # c"), "a = b ");
        assert_eq!(strip_end_comment("a = 'b # c' # d"), "a = 'b # c' ");
        assert_eq!(strip_end_comment("a = \"x\\\" # y\" #z"), "a = \"x\\\" # y\" ");
        assert_eq!(decode_value("'C:\\\\data\\\\mysql'"), "C:\\data\\mysql");
        assert_eq!(decode_value("a\\sb\\tc\\q"), "a b\tc\\q");
        assert_eq!(decode_value("'unbalanced"), "'unbalanced");
        assert_eq!(decode_value("\"\""), "");
    }

    #[test]
    fn crlf_tabs_and_odd_spacing() {
        let text = "[mysqld]\r\n\tsync_relay_log\t=\t1\r\n  relay_log_recovery   =   ON  \r\n;old = 1\r\n";
        let d = docs("input 1", text);
        assert_eq!(d.len(), 1);
        let f = only_file(&d[0]);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(&*f.entries[0].value, "1");
        assert_eq!(&*f.entries[1].value, "ON");
        assert_eq!(d[0].line_end, 3);
    }

    #[test]
    fn does_not_claim_other_bracketed_text() {
        for text in
            ["[Service]\nExecStart=/usr/sbin/mysqld\n", "[1/3] Building\nfoo\n", "[WARN] something = x\n"]
        {
            let d = docs("input 1", text);
            assert!(d.iter().all(|d| d.kind != DocKind::OptionFile), "{text:?} → {d:?}");
        }
        // But an input named *.cnf is an option file from its first option line.
        let d = docs("replica.cnf", "[mysqld_custom]\nfoo=1\n");
        assert_eq!(d[0].kind, DocKind::OptionFile);
    }

    #[test]
    fn stops_at_prompts_tables_and_units() {
        let text = "[mysqld]\nsync_relay_log=1\n# trailing\nmysql> SHOW VARIABLES LIKE 'x';\n+---+\n";
        let d = docs("input 1", text);
        assert_eq!(d[0].kind, DocKind::OptionFile);
        assert_eq!((d[0].line_start, d[0].line_end), (1, 2));
        let text = "[mysqld]\nsync_relay_log=1\n[Service]\nRestart=always\n";
        let d = docs("input 1", text);
        assert_eq!((d[0].line_start, d[0].line_end), (1, 2));
        let text = "[mysqld]\nsync_relay_log=1\nthis is prose, not an option\n";
        let d = docs("input 1", text);
        assert_eq!((d[0].line_start, d[0].line_end), (1, 2));
        assert_eq!(d[1].kind, DocKind::Unrecognized);
    }

    #[test]
    fn cat_output_ends_at_a_result_table_even_without_a_prompt() {
        let text = "$ cat /etc/my.cnf\n[mysqld]\nsync_binlog = 1\n+---------------+-------+\n| Variable_name | Value |\n";
        let d = docs("input 1", text);
        assert_eq!(d[0].kind, DocKind::OptionFile);
        assert_eq!((d[0].line_start, d[0].line_end), (2, 3));
        assert!(d[0].problems.is_empty());
    }

    #[test]
    fn whole_file_reports_malformed_lines_and_goes_on() {
        let text = "log_error=/var/log/x.log\n[mysqld\n[mysqld]\nbad key = 1\n!frobnicate x\nsync_binlog=1\n";
        let d = docs("/etc/my.cnf", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].name.as_deref(), Some("/etc/my.cnf"));
        let keys: Vec<Key> = d[0].problems.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                k::OPTIONS_PROBLEM_NO_GROUP,
                k::OPTIONS_PROBLEM_GROUP_UNCLOSED,
                k::OPTIONS_PROBLEM_KEY,
                k::OPTIONS_PROBLEM_DIRECTIVE
            ]
        );
        let f = only_file(&d[0]);
        assert_eq!(&*f.entries.last().unwrap().option, "sync_binlog");
    }

    #[test]
    fn includes_are_recorded() {
        let text = "# The MySQL database server configuration file.\n!includedir /etc/mysql/conf.d/\n!includedir /etc/mysql/mysql.conf.d/\n";
        let d = docs("input 1", text);
        let od: Vec<&Document> = d.iter().filter(|d| d.kind == DocKind::OptionFile).collect();
        assert_eq!(od.len(), 1);
        let f = only_file(od[0]);
        assert_eq!(f.includes.len(), 2);
        assert!(f.includes[0].dir);
        assert_eq!(f.includes[1].path, "/etc/mysql/mysql.conf.d/");
        assert_eq!((od[0].line_start, od[0].line_end), (2, 3));
    }

    #[test]
    fn cat_prompt_names_the_file() {
        let text = "$ sudo cat /etc/mysql/mysql.conf.d/mysqld.cnf\n[mysqld]\npid-file = /var/run/mysqld/mysqld.pid\n";
        let d = docs("input 1", text);
        assert_eq!(d[0].name.as_deref(), Some("/etc/mysql/mysql.conf.d/mysqld.cnf"));
    }

    #[test]
    fn my_print_defaults_output() {
        let text = "$ my_print_defaults mysqld\n--datadir=/var/lib/mysql\n--skip-log-bin\n--password=*****\n";
        let d = docs("input 1", text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DocKind::MyPrintDefaults);
        let f = only_file(&d[0]);
        assert_eq!(f.requested_groups, ["mysqld"]);
        assert_eq!(&*f.entries[1].option, "log_bin");
        assert_eq!(&*f.entries[1].value, "OFF");
        // Without the prompt, two lines are needed.
        assert!(docs("input 1", "--datadir=/x\n").iter().all(|d| d.kind != DocKind::MyPrintDefaults));
        assert_eq!(docs("input 1", "--datadir=/x\n--port=3307\n")[0].kind, DocKind::MyPrintDefaults);
        // `-- comment` is SQL, not an option.
        assert!(docs("input 1", "-- a\n-- b\n").iter().all(|d| d.kind != DocKind::MyPrintDefaults));
    }

    #[test]
    fn mysqld_print_defaults_output() {
        let text = "/usr/sbin/mysqld would have been started with the following arguments:\n--user=mysql --sync-relay-log=1 --daemonize\n";
        let d = docs("input 1", text);
        assert_eq!(d.len(), 1);
        let f = only_file(&d[0]);
        let names: Vec<&str> = f.entries.iter().map(|e| &*e.option).collect();
        assert_eq!(names, ["user", "sync_relay_log", "daemonize"]);
        let src = Source::new(0, "x", text);
        assert_eq!(src.slice(f.entries[1].value_range.unwrap()), "1");
    }

    #[test]
    fn known_groups() {
        for g in [
            "mysqld",
            "mysqld-8.0",
            "mysqld@replica1",
            "server@a",
            "client",
            "mysqld_safe",
            "mariadb-10.11",
            "mysqld2",
        ] {
            assert!(is_known_group(g), "{g}");
        }
        for g in ["service", "unit", "mysqld-x", "foo", "1/3"] {
            assert!(!is_known_group(g), "{g}");
        }
    }

    #[test]
    fn never_panics_on_odd_lines() {
        for text in [
            "[",
            "[]",
            "!",
            "!include",
            "=",
            "= x",
            "a=",
            "'",
            "[mysqld]\n=\n\\",
            "[mysqld]\nk='\\",
            "[mysqld]\n\u{FFFD}=1\n",
        ] {
            let _ = docs("my.cnf", text);
            let _ = docs("input 1", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Any mix of option-file fragments parses without panicking, and every span of every
        /// option-file document lies inside that document.
        #[test]
        fn spans_stay_inside_documents(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "[mysqld]", "[client]", "[mysqld-8.0]", "[", "]", "!include /x", "!includedir ", "k = v",
                    "skip-", "loose-", "maximum-", "'", "\"", "\\", "#", ";", "=", " ", "\t", "\r\n", "\n",
                    "--a=b", "x would have been started with the following arguments:", "é", "$ cat my.cnf",
                    "{\"Version\": 2", "}", "mysql> ", "| a |", "+--+",
                ]),
                0..60,
            ),
            named in proptest::bool::ANY,
        ) {
            let text: String = parts.concat();
            let src = Source::new(0, if named { "my.cnf" } else { "input 1" }, &text);
            for d in detect::split(&src) {
                proptest::prop_assert!(d.range.end as usize <= text.len());
                if let Parsed::OptionFile(f) = &d.parsed {
                    let inside = |r: TextRange| r.start >= d.range.start && r.end <= d.range.end;
                    for e in &f.entries {
                        proptest::prop_assert!(inside(e.range) && inside(e.key_range), "{e:?} in {d:?}");
                        if let Some(v) = e.value_range {
                            proptest::prop_assert!(inside(v));
                        }
                    }
                    for g in &f.groups {
                        proptest::prop_assert!(inside(g.header) && inside(g.name_range));
                    }
                }
            }
        }
    }
}
