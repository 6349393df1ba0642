//! systemd unit files and drop-ins as written on disk, and `systemctl cat` output.
//!
//! The parser follows systemd's own reader (`config_parse` / `parse_line` in
//! `src/shared/conf-parser.c`, systemd.syntax(7)):
//!
//! ```text
//! file       = { line } ;
//! line       = blank | comment | section | assignment | malformed ;
//! comment    = [ws] ("#" | ";") any          (whole-line only: "#" after a value is part of the value)
//! section    = "[" name "]"                   (unknown names warn; "X-" names are ignored silently)
//! assignment = key [ws] "=" [ws] value        (whitespace around "=" ignored; value trimmed)
//! ```
//!
//! A line ending in an unescaped backslash continues on the next line: the backslash becomes a
//! space and the next line is appended verbatim; comment lines between are skipped (they do not
//! end the continuation). A trailing `\\` is an escaped backslash, not a continuation.
//! Malformed lines (no `=`, `=` first, a broken section header, an assignment before any section)
//! become [`Problem`]s and parsing carries on.
//!
//! `systemctl cat` output (`src/systemctl/systemctl-cat.c`): every file follows a `# /path` header;
//! the first file of a unit has no blank line before its header, each drop-in has one; units are
//! separated by a blank line; `# Unit X is masked.`, `# Unit X could not be loaded.` and the
//! four-line `# Warning: X changed on disk …` block may appear between them.
//!
//! Extents: a document stops before a shell or mysql prompt, before a section header that is not a
//! unit section (`[mysqld]`, `[client]`: option-file groups start with a lower-case letter), before
//! result tables and before any other line that is neither a comment nor `Key=value` (unless the
//! line after it continues the unit, in which case it is a malformed line inside the unit).
//! An input whose *name* looks like a unit or drop-in is taken whole.

use crate::i18n::{Key, k};
use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Label, Parsed, Problem};
use crate::syntax::prompt;
use crate::text::TextRange;

/// Unit sections systemd knows (a document may start at one of these).
pub(crate) const KNOWN_SECTIONS: &[&str] = &[
    "Unit",
    "Service",
    "Install",
    "Socket",
    "Mount",
    "Automount",
    "Swap",
    "Target",
    "Path",
    "Timer",
    "Slice",
    "Scope",
];

/// Unit type suffixes.
const UNIT_SUFFIXES: &[&str] = &[
    ".service",
    ".socket",
    ".timer",
    ".mount",
    ".automount",
    ".swap",
    ".target",
    ".path",
    ".slice",
    ".scope",
];

/// One or more unit files: a unit file or drop-in on its own, or the files of `systemctl cat`.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnitSet {
    /// The files in the order shown.
    pub files: Vec<UnitFileSyntax>,
    /// `systemctl cat` notes (masked units, warnings) in order.
    pub notes: Vec<CatNote>,
    /// True for `systemctl cat` output.
    pub from_cat: bool,
    /// The command of the prompt before the document (`systemctl --user cat mysqld`), if any.
    pub command: Option<String>,
}

/// A note line (or block) in `systemctl cat` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CatNote {
    pub kind: CatNoteKind,
    /// The unit the note is about (`mysqld.service`).
    pub unit: String,
    pub range: TextRange,
}

/// What a [`CatNote`] says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CatNoteKind {
    /// `# Unit X is masked.`
    Masked,
    /// `# Unit X could not be loaded.`
    NotLoaded,
    /// `# Warning: X changed on disk, the version systemd has loaded is outdated.` (+ 3 lines)
    ChangedOnDisk,
}

/// One unit file or drop-in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct UnitFileSyntax {
    /// The path, from a `systemctl cat` header, the input name, or a `cat PATH` command.
    pub path: Option<String>,
    /// The `# /path` header line (`systemctl cat`).
    pub header: Option<TextRange>,
    /// True when the path says drop-in (`…/X.service.d/*.conf`, `override.conf`).
    pub dropin: bool,
    /// The lines of the file (header included).
    pub range: TextRange,
    /// 0-based index of the first and one past the last line (header included).
    pub lines: (usize, usize),
    /// Section headers in order.
    pub sections: Vec<Section>,
    /// Assignments in order (continuations joined).
    pub entries: Vec<Entry>,
    /// Comment lines in order (commented-out `#Key=value` lines are kept parsed).
    pub comments: Vec<Comment>,
}

/// A `[Section]` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Section {
    /// Name without brackets.
    pub name: String,
    /// False for an unknown or malformed section (systemd ignores its assignments).
    pub valid: bool,
    /// The header line (trimmed).
    pub range: TextRange,
}

/// One `Key=value` assignment as systemd reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Index into [`UnitFileSyntax::sections`]; `None` before any section.
    pub section: Option<usize>,
    pub key: String,
    /// The value after `=`, trimmed; continuation lines joined (the backslash becomes a space).
    pub value: String,
    pub key_range: TextRange,
    /// The value, from its first byte on the first line to its last byte on the last line.
    pub value_range: TextRange,
    /// The whole assignment (all its lines, trimmed).
    pub range: TextRange,
    /// Number of physical lines spanned (> 1 with continuations; skipped comments included).
    pub line_count: usize,
}

/// A whole-line comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Comment {
    /// The section in effect.
    pub section: Option<usize>,
    pub range: TextRange,
    /// When the comment is a commented-out assignment (`#Environment=MYSQLD_PARENT_PID=1`).
    pub directive: Option<CommentedDirective>,
}

/// A commented-out `Key=value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CommentedDirective {
    pub key: String,
    pub value: String,
    pub key_range: TextRange,
    pub value_range: TextRange,
}

impl UnitFileSyntax {
    /// The section name of an entry (`None` before any section).
    pub fn section_of(&self, e: &Entry) -> Option<&Section> {
        e.section.and_then(|i| self.sections.get(i))
    }
    /// The unit this file belongs to (`mysqld.service` for `/x/mysqld.service.d/override.conf`).
    pub fn unit_name(&self) -> Option<String> {
        self.path.as_deref().and_then(unit_name_from_path)
    }
}

/// systemd's whitespace.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn trim(s: &str) -> &str {
    // Bytes: the set is ASCII, so this equals `s.trim_matches(is_ws)`, without decoding chars.
    let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let start = s.bytes().position(|b| !ws(&b)).unwrap_or(s.len());
    let end = s.bytes().rposition(|b| !ws(&b)).map_or(start, |i| i + 1).max(start);
    &s[start..end]
}

/// True when the line ends in an unescaped backslash (systemd's escape tracking).
pub(crate) fn ends_in_continuation(s: &str) -> bool {
    let n = s.bytes().rev().take_while(|&b| b == b'\\').count();
    n % 2 == 1
}

/// The unit name a path belongs to: the file name of a unit, or the `X.service` of
/// `…/X.service.d/*.conf`.
pub(crate) fn unit_name_from_path(path: &str) -> Option<String> {
    let path = path.trim_end_matches('/');
    let mut parts = path.rsplit('/');
    let base = parts.next()?;
    if has_unit_suffix(base) {
        return Some(base.to_owned());
    }
    if base.ends_with(".conf") {
        let dir = parts.next()?;
        let unit = dir.strip_suffix(".d")?;
        if has_unit_suffix(unit) {
            return Some(unit.to_owned());
        }
    }
    None
}

fn has_unit_suffix(s: &str) -> bool {
    UNIT_SUFFIXES.iter().any(|suf| s.len() > suf.len() && s.ends_with(suf))
}

/// True when a path (or input name) is a drop-in: `…/X.<type>.d/*.conf` or `override.conf`.
pub(crate) fn path_is_dropin(path: &str) -> bool {
    let path = path.replace('\\', "/");
    if path == "override.conf" {
        return true;
    }
    path.ends_with(".conf") && unit_name_from_path(&path).is_some()
}

/// True when an input name looks like a unit file or drop-in.
pub(crate) fn name_looks_like_unit(name: &str) -> bool {
    let name = trim(name);
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    has_unit_suffix(base) || path_is_dropin(name)
}

/// True for a user-manager path (`/etc/systemd/user/`, `~/.config/systemd/user/`,
/// `/usr/lib/systemd/user/`, …).
pub(crate) fn path_is_user(path: &str) -> bool {
    path.contains("/systemd/user/") || path.contains("/systemd/user.control/")
}

/// `# /path` header of `systemctl cat`: returns the path.
pub(crate) fn cat_header(line: &str) -> Option<&str> {
    let t = trim(line);
    let rest = t.strip_prefix('#')?;
    let path = rest.strip_prefix(' ').unwrap_or(rest);
    if !path.starts_with('/') || path.contains(char::is_whitespace) {
        return None;
    }
    let base = path.rsplit('/').next().unwrap_or("");
    if has_unit_suffix(base) || (base.ends_with(".conf") && unit_name_from_path(path).is_some()) {
        Some(path)
    } else {
        None
    }
}

/// `# Unit X is masked.` / `# Unit X could not be loaded.` / `# Warning: X changed on disk…`.
fn cat_note(line: &str) -> Option<(CatNoteKind, &str)> {
    let t = trim(line);
    if let Some(rest) = t.strip_prefix("# Unit ") {
        if let Some(u) = rest.strip_suffix(" is masked.") {
            return Some((CatNoteKind::Masked, u));
        }
        if let Some(u) = rest.strip_suffix(" could not be loaded.") {
            return Some((CatNoteKind::NotLoaded, u));
        }
    }
    if let Some(rest) = t.strip_prefix("# Warning: ")
        && let Some(i) = rest.find(" changed on disk")
    {
        return Some((CatNoteKind::ChangedOnDisk, rest.get(..i).unwrap_or("")));
    }
    None
}

/// The lines after `# Warning: … changed on disk` that belong to the warning block.
fn is_warning_followup(line: &str) -> bool {
    let t = trim(line);
    t.starts_with("# This output shows the current version")
        || t.starts_with("# If fragments or drop-ins were added or removed")
        || t.starts_with("# Run 'systemctl")
}

/// `[Name]` → `Name` (the trimmed line must start with `[`; `None` when it does not end with `]`).
fn section_name(t: &str) -> Option<&str> {
    t.strip_prefix('[')?.strip_suffix(']')
}

/// A section a unit document may start at: known, or `X-…`.
fn is_start_section(name: &str) -> bool {
    KNOWN_SECTIONS.contains(&name) || (name.starts_with("X-") && name.len() > 2)
}

/// A section that may continue a unit (unknown but unit-like: starts upper-case, e.g. a misspelt
/// `[Servcie]`). Option-file groups (`[mysqld]`, `[client]`, `[mysqld-8.0]`) are lower-case.
fn is_unit_like_section(name: &str) -> bool {
    is_start_section(name)
        || (name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && name.chars().any(|c| c.is_ascii_lowercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// A `Key=` line as it could appear in a unit: key of letters, digits, `_`, `-`, `.`, starting with
/// a letter.
fn assignment_key(t: &str) -> Option<&str> {
    let eq = t.find('=')?;
    let key = trim(t.get(..eq)?);
    let mut chars = key.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    if key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
        Some(key)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    Comment,
    /// `# /path` header, a cat note or a warning line: ends a plain unit body.
    CatMarker,
    Prompt,
    UnitSection,
    OtherSection,
    Assignment,
    Other,
}

fn classify(line: &str) -> Kind {
    let t = trim(line);
    if t.is_empty() {
        return Kind::Blank;
    }
    if t.starts_with('#') || t.starts_with(';') {
        if cat_header(t).is_some() || cat_note(t).is_some() {
            return Kind::CatMarker;
        }
        return Kind::Comment;
    }
    if prompt::command(line).is_some() {
        return Kind::Prompt;
    }
    if t.starts_with('[') {
        return match section_name(t) {
            Some(n) if is_unit_like_section(n) => Kind::UnitSection,
            _ => Kind::OtherSection,
        };
    }
    if assignment_key(t).is_some() {
        return Kind::Assignment;
    }
    Kind::Other
}

/// How many lines past a malformed line [`body_end`] looks for the unit to go on.
const LOOK_AHEAD: usize = 16;

/// Finds where a unit body starting at `start` ends (exclusive), per the module's extent rules.
/// With `whole`, the rest of the input is taken.
fn body_end(src: &Source<'_>, start: usize, whole: bool) -> usize {
    let n = src.lines.len();
    if whole {
        return n;
    }
    let mut j = start;
    let mut last = None::<usize>;
    let mut continued = false;
    while j < n {
        let line = src.line(j);
        let kind = classify(line);
        if continued {
            // Comments are skipped; anything else (even a blank line) is appended.
            last = Some(j);
            if !matches!(kind, Kind::Comment | Kind::CatMarker) {
                continued = ends_in_continuation(line);
            }
            j += 1;
            continue;
        }
        match kind {
            Kind::Blank => {}
            Kind::Comment => last = Some(j),
            Kind::CatMarker | Kind::Prompt | Kind::OtherSection => break,
            Kind::UnitSection => last = Some(j),
            Kind::Assignment => {
                // After a blank line, `datadir=/x` or `bind-address=…` (an option file pasted
                // without its group header) is not a unit key: systemd keys are CamelCase.
                let after_blank = j > start && classify(src.line(j - 1)) == Kind::Blank;
                let unit_key = assignment_key(trim(line)).is_some_and(|k| {
                    k.starts_with("X-")
                        || (k.starts_with(|c: char| c.is_ascii_uppercase())
                            && k.chars().all(|c| c.is_ascii_alphanumeric()))
                });
                if after_blank && !unit_key {
                    break;
                }
                last = Some(j);
                continued = ends_in_continuation(line);
            }
            Kind::Other => {
                // A malformed line inside the unit (a packaging template's `@SYSTEMD_START_ONLY@`,
                // a stray word) when the unit clearly goes on after it: the next line that is not
                // blank or a comment, within a few lines, is a unit key or section. One line the
                // parser does not understand never ends the unit (issue 13).
                let goes_on = (j + 1..n.min(j + 1 + LOOK_AHEAD))
                    .map(|k| classify(src.line(k)))
                    .find(|k| !matches!(k, Kind::Blank | Kind::Comment))
                    .is_some_and(|k| matches!(k, Kind::Assignment | Kind::UnitSection));
                if !goes_on || last.is_none() {
                    break;
                }
                last = Some(j);
                continued = ends_in_continuation(line);
            }
        }
        j += 1;
    }
    last.map_or(start, |l| l + 1)
}

/// A physical line's contribution to a logical (continued) line.
struct Segment {
    joined_start: usize,
    src_start: u32,
    len: usize,
}

fn map_start(segs: &[Segment], k: usize) -> u32 {
    let seg = segs.iter().rev().find(|s| s.joined_start <= k);
    match seg {
        Some(s) => s.src_start + (k - s.joined_start).min(s.len) as u32,
        None => segs.first().map_or(0, |s| s.src_start),
    }
}

fn map_end(segs: &[Segment], k: usize) -> u32 {
    let seg = segs.iter().rev().find(|s| s.joined_start < k).or_else(|| segs.first());
    match seg {
        Some(s) => s.src_start + k.saturating_sub(s.joined_start).min(s.len) as u32,
        None => 0,
    }
}

fn problem(key: Key, src: &Source<'_>, range: TextRange, extra: &[(&'static str, String)]) -> Problem {
    let mut args = vec![("line", src.index_map.line(range.start).to_string())];
    args.extend(extra.iter().cloned());
    Problem { key, args, range }
}

/// Parses lines `start..end` as one unit file (grammar in the module docs).
pub(crate) fn parse_file(
    src: &Source<'_>,
    start: usize,
    end: usize,
    problems: &mut Vec<Problem>,
) -> UnitFileSyntax {
    let mut f =
        UnitFileSyntax { lines: (start, end), range: src.lines_range(start, end), ..Default::default() };
    let mut section: Option<usize> = None;
    let mut joined = String::new();
    let mut segs: Vec<Segment> = Vec::new();
    let mut first_line = 0usize;
    let mut pending = false;
    let end = end.min(src.lines.len());
    for j in start..end {
        let raw = src.line(j);
        let line_start = src.lines[j].range.start;
        let t = trim(raw);
        if t.starts_with('#') || t.starts_with(';') {
            let range = src.range_in_line(j, t);
            let directive = commented_directive(src, j, t);
            f.comments.push(Comment { section, range, directive });
            continue;
        }
        if !pending {
            if t.is_empty() {
                continue;
            }
            joined.clear();
            segs.clear();
            first_line = j;
        }
        let cont = ends_in_continuation(raw);
        segs.push(Segment { joined_start: joined.len(), src_start: line_start, len: raw.len() });
        if cont {
            // The backslash becomes a space.
            joined.push_str(raw.get(..raw.len() - 1).unwrap_or(""));
            joined.push(' ');
        } else {
            joined.push_str(raw);
        }
        if cont && j + 1 < end {
            pending = true;
            continue;
        }
        if cont {
            let r = src.lines_range(first_line, j + 1);
            problems.push(problem(k::SYSTEMD_PROBLEM_DANGLING_CONTINUATION, src, r, &[]));
        }
        pending = false;
        let lines = j + 1 - first_line;
        finish_logical(src, &mut f, &mut section, &joined, &segs, lines, problems);
    }
    f
}

fn finish_logical(
    src: &Source<'_>,
    f: &mut UnitFileSyntax,
    section: &mut Option<usize>,
    joined: &str,
    segs: &[Segment],
    line_count: usize,
    problems: &mut Vec<Problem>,
) {
    let lead = joined.len() - joined.trim_start_matches(is_ws).len();
    let l = trim(joined);
    let l_end = lead + l.len();
    let whole = TextRange::new(map_start(segs, lead), map_end(segs, l_end));
    if l.starts_with('[') {
        match section_name(l) {
            Some(name) if !name.is_empty() && !name.contains(['[', ']']) => {
                let valid = is_start_section(name);
                if !valid {
                    problems.push(problem(
                        k::SYSTEMD_PROBLEM_UNKNOWN_SECTION,
                        src,
                        whole,
                        &[("section", name.to_owned())],
                    ));
                }
                f.sections.push(Section { name: name.to_owned(), valid, range: whole });
            }
            _ => {
                problems.push(problem(k::SYSTEMD_PROBLEM_BAD_SECTION, src, whole, &[("text", l.to_owned())]));
                f.sections.push(Section { name: l.to_owned(), valid: false, range: whole });
            }
        }
        *section = Some(f.sections.len() - 1);
        return;
    }
    let Some(eq) = l.find('=') else {
        problems.push(problem(k::SYSTEMD_PROBLEM_MISSING_EQUALS, src, whole, &[("text", l.to_owned())]));
        return;
    };
    let key_raw = l.get(..eq).unwrap_or("");
    let key = trim(key_raw);
    if key.is_empty() {
        problems.push(problem(k::SYSTEMD_PROBLEM_MISSING_KEY, src, whole, &[]));
        return;
    }
    let after = l.get(eq + 1..).unwrap_or("");
    let value = after.trim_start_matches(is_ws);
    let key_off = lead + (key_raw.len() - key_raw.trim_start_matches(is_ws).len());
    let key_range = TextRange::new(map_start(segs, key_off), map_end(segs, key_off + key.len()));
    let val_off = lead + eq + 1 + (after.len() - value.len());
    let value_range = if value.is_empty() {
        TextRange::empty(whole.end)
    } else {
        TextRange::new(map_start(segs, val_off), map_end(segs, val_off + value.len()))
    };
    if section.is_none() {
        problems.push(problem(k::SYSTEMD_PROBLEM_OUTSIDE_SECTION, src, whole, &[("key", key.to_owned())]));
    }
    f.entries.push(Entry {
        section: *section,
        key: key.to_owned(),
        value: value.to_owned(),
        key_range,
        value_range,
        range: whole,
        line_count,
    });
}

/// `#Key=value` / `; Key = value` with a key that looks like a systemd key (`[A-Za-z][A-Za-z0-9]*`).
fn commented_directive(src: &Source<'_>, j: usize, t: &str) -> Option<CommentedDirective> {
    let body = t.trim_start_matches(['#', ';']).trim_start_matches(is_ws);
    let eq = body.find('=')?;
    let key_raw = body.get(..eq)?;
    let key = trim(key_raw);
    let mut chars = key.chars();
    if !chars.next()?.is_ascii_uppercase() || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let value = trim(body.get(eq + 1..)?);
    Some(CommentedDirective {
        key: key.to_owned(),
        value: value.to_owned(),
        key_range: src.range_in_line(j, key),
        value_range: src.range_in_line(j, value),
    })
}

/// The path a shell command shows (`cat /etc/systemd/system/x.service`, `sudo less …`), when it
/// looks like a unit or drop-in.
fn path_from_command(cmd: &str) -> Option<String> {
    prompt::viewed_paths(cmd, true).find(|w| name_looks_like_unit(w)).map(str::to_owned)
}

/// The unit of a `systemctl cat|show|status|edit UNIT` command (`mysqld` → `mysqld.service`), and
/// whether it has `--user`.
pub(crate) fn unit_from_command(cmd: &str) -> Option<(String, bool)> {
    let words: Vec<&str> = cmd.split_whitespace().collect();
    let pos = words.iter().position(|w| *w == "systemctl")?;
    let rest = words.get(pos + 1..)?;
    let user = rest.contains(&"--user");
    let mut verb_seen = false;
    let mut skip_next = false;
    for w in rest {
        if skip_next {
            skip_next = false;
            continue;
        }
        if w.starts_with('-') {
            // Options with a separate argument.
            skip_next = matches!(*w, "-p" | "--property" | "-H" | "--host" | "-M" | "--machine");
            continue;
        }
        if !verb_seen {
            verb_seen = true;
            continue;
        }
        if w.starts_with('|') || *w == "|" {
            break;
        }
        let name = if has_unit_suffix(w) { (*w).to_owned() } else { format!("{w}.service") };
        return Some((name, user));
    }
    None
}

/// Claims a unit file, a drop-in or `systemctl cat` output starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    let t = trim(line);
    if cat_header(t).is_some() || cat_note(t).is_some() {
        return Some(claim_cat(src, i, hint));
    }
    if let Some(path) = edit_header(t) {
        return Some(claim_edit(src, i, path, hint));
    }
    let named = hint.at_input_start && name_looks_like_unit(src.name) && first_section_is_unit(src, i);
    if named {
        return Some(claim_file(src, i, hint, true));
    }
    if t.starts_with('[') && section_name(t).is_some_and(is_start_section) {
        return Some(claim_file(src, i, hint, false));
    }
    None
}

/// True unless the first section header within the next lines is an option-file group
/// (`[mysqld]`): a file named like a unit that holds a `my.cnf` is not a unit. Bounded look-ahead.
fn first_section_is_unit(src: &Source<'_>, i: usize) -> bool {
    let end = src.lines.len().min(i.saturating_add(200));
    for j in i..end {
        let t = trim(src.line(j));
        if t.starts_with('[') {
            return section_name(t).is_some_and(is_unit_like_section);
        }
    }
    true
}

/// `### Editing /etc/systemd/system/x.service.d/override.conf` (the buffer `systemctl edit` opens).
fn edit_header(t: &str) -> Option<&str> {
    let path = t.strip_prefix("### Editing ")?.trim_ws();
    name_looks_like_unit(path).then_some(path)
}

const EDIT_DISCARD: &str = "### Lines below this comment will be discarded";

/// The `systemctl edit` buffer: the editable part between the `### Editing` header and the
/// "discarded" marker is the drop-in; the commented copy of the unit below the marker is part of
/// the document but not parsed (systemd discards it).
fn claim_edit(src: &Source<'_>, i: usize, path: &str, hint: &Hint<'_>) -> Claim {
    let n = src.lines.len();
    let limit = body_end_edit(src, i + 1);
    let marker = (i + 1..limit).find(|&k| trim(src.line(k)).starts_with(EDIT_DISCARD));
    let body_stop = marker.unwrap_or(limit);
    let mut end = body_stop.max(i + 1);
    if let Some(m) = marker {
        // The listing: comment and blank lines after the marker.
        end = m + 1;
        let mut k = m + 1;
        while k < n {
            let t = trim(src.line(k));
            if t.is_empty() {
                k += 1;
                continue;
            }
            if !t.starts_with('#') {
                break;
            }
            k += 1;
            end = k;
        }
    }
    let mut problems = Vec::new();
    let mut file = parse_file(src, i + 1, body_stop, &mut problems);
    file.path = Some(path.to_owned());
    file.dropin = path_is_dropin(path);
    file.header = Some(src.range_in_line(i, trim(src.line(i))));
    file.lines = (i, body_stop.max(i + 1));
    file.range = src.lines_range(i, body_stop.max(i + 1));
    let unit = file.unit_name();
    let base = path.rsplit('/').next().unwrap_or(path).to_owned();
    let label = match (&unit, file.dropin) {
        (Some(u), true) => {
            Label { key: k::SYSTEMD_LABEL_DROPIN, args: vec![("path", base), ("unit", u.clone())] }
        }
        (Some(u), false) => Label { key: k::SYSTEMD_LABEL_UNIT, args: vec![("unit", u.clone())] },
        (None, _) => Label { key: k::SYSTEMD_LABEL_DROPIN_UNNAMED, args: vec![("path", base)] },
    };
    Claim {
        kind: DocKind::SystemdUnit,
        end,
        name: unit,
        label: Some(label),
        parsed: Parsed::Units(UnitSet {
            files: vec![file],
            notes: vec![],
            from_cat: false,
            command: hint.command.map(str::to_owned),
        }),
        problems,
    }
}

/// Where the editable part of a `systemctl edit` buffer ends when there is no marker: the unit
/// body rules, but `###` lines are comments.
fn body_end_edit(src: &Source<'_>, start: usize) -> usize {
    // Bounded search for the marker (linear time even with many `### Editing` lines).
    let n = src.lines.len().min(start.saturating_add(EDIT_MAX_LINES));
    for j in start..n {
        let line = src.line(j);
        if trim(line).starts_with(EDIT_DISCARD) {
            return j + 1;
        }
        if matches!(classify(line), Kind::Prompt | Kind::OtherSection | Kind::CatMarker) {
            break;
        }
    }
    body_end(src, start, false).max(start)
}

/// How far the `systemctl edit` marker is looked for.
const EDIT_MAX_LINES: usize = 2000;

/// The `[Unit]` `Description=`, shortened, to label a unit whose name is unknown.
fn description(f: &UnitFileSyntax) -> Option<String> {
    let e = f
        .entries
        .iter()
        .rev()
        .find(|e| e.key == "Description" && f.section_of(e).is_some_and(|s| s.name == "Unit"))?;
    let d = e.value.trim_ws();
    if d.is_empty() {
        return None;
    }
    let mut out: String = d.chars().take(60).collect();
    if out.len() < d.len() {
        out.push('…');
    }
    Some(out)
}

fn claim_file(src: &Source<'_>, i: usize, hint: &Hint<'_>, whole: bool) -> Claim {
    let end = body_end(src, i, whole).max(i + 1);
    let mut problems = Vec::new();
    let mut file = parse_file(src, i, end, &mut problems);
    let path = if name_looks_like_unit(src.name) && whole {
        Some(src.name.to_owned())
    } else {
        hint.command.and_then(path_from_command)
    };
    file.dropin = path.as_deref().is_some_and(path_is_dropin);
    file.path = path;
    let unit = file.unit_name().or_else(|| hint.command.and_then(unit_from_command).map(|(u, _)| u));
    let label = if file.dropin {
        let base = file.path.as_deref().and_then(|p| p.rsplit(['/', '\\']).next()).unwrap_or("").to_owned();
        match &unit {
            Some(u) => {
                Label { key: k::SYSTEMD_LABEL_DROPIN, args: vec![("path", base), ("unit", u.clone())] }
            }
            None => Label { key: k::SYSTEMD_LABEL_DROPIN_UNNAMED, args: vec![("path", base)] },
        }
    } else {
        match &unit {
            Some(u) => Label { key: k::SYSTEMD_LABEL_UNIT, args: vec![("unit", u.clone())] },
            None => match description(&file) {
                Some(d) => Label { key: k::SYSTEMD_LABEL_UNIT_DESCRIBED, args: vec![("description", d)] },
                None => Label { key: k::SYSTEMD_LABEL_UNIT_UNNAMED, args: vec![] },
            },
        }
    };
    Claim {
        kind: DocKind::SystemdUnit,
        end,
        name: unit,
        label: Some(label),
        parsed: Parsed::Units(UnitSet {
            files: vec![file],
            notes: vec![],
            from_cat: false,
            command: hint.command.map(str::to_owned),
        }),
        problems,
    }
}

fn claim_cat(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Claim {
    let n = src.lines.len();
    let mut set = UnitSet { from_cat: true, command: hint.command.map(str::to_owned), ..Default::default() };
    let mut problems = Vec::new();
    let mut j = i;
    let mut end = i + 1;
    while j < n {
        let line = src.line(j);
        let t = trim(line);
        if t.is_empty() {
            j += 1;
            continue;
        }
        if let Some((kind, unit)) = cat_note(t) {
            let mut last = j;
            if kind == CatNoteKind::ChangedOnDisk {
                while last + 1 < n && is_warning_followup(src.line(last + 1)) {
                    last += 1;
                }
            }
            let range = src.lines_range(j, last + 1);
            if kind != CatNoteKind::ChangedOnDisk {
                let key = if kind == CatNoteKind::Masked {
                    k::SYSTEMD_PROBLEM_MASKED
                } else {
                    k::SYSTEMD_PROBLEM_NOT_LOADED
                };
                problems.push(problem(key, src, range, &[("unit", unit.to_owned())]));
            }
            set.notes.push(CatNote { kind, unit: unit.to_owned(), range });
            j = last + 1;
            end = j;
            continue;
        }
        if let Some(path) = cat_header(t) {
            let body_start = j + 1;
            let body_stop = body_end(src, body_start, false).max(body_start);
            let mut file = parse_file(src, body_start, body_stop, &mut problems);
            file.path = Some(path.to_owned());
            file.dropin = path_is_dropin(path);
            file.header = Some(src.range_in_line(j, t));
            file.lines = (j, body_stop);
            file.range = src.lines_range(j, body_stop);
            set.files.push(file);
            j = body_stop;
            end = j;
            continue;
        }
        break;
    }
    let label = cat_label(&set);
    let name = set.files.iter().find(|f| !f.dropin).and_then(|f| f.unit_name());
    Claim {
        kind: DocKind::SystemctlCat,
        end: end.max(i + 1),
        name,
        label: Some(label),
        parsed: Parsed::Units(set),
        problems,
    }
}

/// Most unit names a `systemctl cat` document's label lists.
const MAX_LABEL_UNITS: usize = 10;

/// The units shown, in order, each with its number of drop-ins.
pub(crate) fn units_in(set: &UnitSet) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for f in &set.files {
        let name = f.unit_name().unwrap_or_default();
        if f.dropin
            && let Some(last) = out.iter_mut().rev().find(|(u, _)| *u == name || dropin_applies(&name, u))
        {
            last.1 += 1;
            continue;
        }
        out.push((name, usize::from(f.dropin)));
    }
    out
}

/// True when drop-ins of unit `dir_unit` apply to `unit` (same name, or the template
/// `foo@.service` for the instance `foo@bar.service`).
pub(crate) fn dropin_applies(dir_unit: &str, unit: &str) -> bool {
    if dir_unit == unit {
        return true;
    }
    if let Some((prefix, suffix)) = dir_unit.split_once("@.")
        && let Some((uprefix, usuffix)) = unit.split_once('@')
    {
        return uprefix == prefix && usuffix.rsplit('.').next() == Some(suffix);
    }
    false
}

fn cat_label(set: &UnitSet) -> Label {
    let units = units_in(set);
    match units.as_slice() {
        [] => match set.notes.first() {
            Some(n) if n.kind == CatNoteKind::Masked => {
                Label { key: k::SYSTEMD_LABEL_CAT_MASKED, args: vec![("unit", n.unit.clone())] }
            }
            _ => Label { key: k::SYSTEMD_LABEL_CAT_EMPTY, args: vec![] },
        },
        [(u, 0)] => Label { key: k::SYSTEMD_LABEL_CAT, args: vec![("unit", u.clone())] },
        [(u, 1)] => Label { key: k::SYSTEMD_LABEL_CAT_DROPIN, args: vec![("unit", u.clone())] },
        [(u, d)] => Label {
            key: k::SYSTEMD_LABEL_CAT_DROPINS,
            args: vec![("unit", u.clone()), ("count", d.to_string())],
        },
        many => {
            // The first names only: the label gives the count, and a `systemctl cat` of
            // thousands of units must not make a label of megabytes (issue 18).
            let mut names: Vec<&str> = many.iter().take(MAX_LABEL_UNITS).map(|(u, _)| u.as_str()).collect();
            if many.len() > MAX_LABEL_UNITS {
                names.push("…");
            }
            Label {
                key: k::SYSTEMD_LABEL_CAT_UNITS,
                args: vec![("count", many.len().to_string()), ("units", names.join(", "))],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::document::Hint;

    fn src(text: &str) -> Source<'_> {
        Source::new(0, "input 1", text)
    }

    fn parse_all(text: &str) -> (UnitFileSyntax, Vec<Problem>) {
        let s = src(text);
        let mut p = Vec::new();
        let f = parse_file(&s, 0, s.lines.len(), &mut p);
        (f, p)
    }

    #[test]
    fn continuation_skips_comments_and_respects_escaped_backslash() {
        let text = "[Service]\nEnvironment=A=1 \\\n# comment\n  B=2\nExecStart=/bin/echo a\\\\\nX=y\n";
        let (f, p) = parse_all(text);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(f.entries.len(), 3);
        assert_eq!(f.entries[0].key, "Environment");
        assert_eq!(f.entries[0].value, "A=1    B=2");
        assert_eq!(f.entries[0].line_count, 3);
        assert_eq!(crate::text::slice(text, f.entries[0].value_range), "A=1 \\\n# comment\n  B=2");
        assert_eq!(f.entries[1].value, "/bin/echo a\\\\");
        assert_eq!(f.entries[2].key, "X");
        assert_eq!(f.comments.len(), 1);
    }

    #[test]
    fn no_inline_comments_and_spaces_around_equals() {
        let text = "[Service]\nLimitNOFILE = 10000 # max\n\t ;Restart=always\n";
        let (f, _) = parse_all(text);
        assert_eq!(f.entries[0].key, "LimitNOFILE");
        assert_eq!(f.entries[0].value, "10000 # max");
        assert_eq!(crate::text::slice(text, f.entries[0].key_range), "LimitNOFILE");
        assert_eq!(crate::text::slice(text, f.entries[0].value_range), "10000 # max");
        let d = f.comments[0].directive.as_ref().expect("commented directive");
        assert_eq!((d.key.as_str(), d.value.as_str()), ("Restart", "always"));
    }

    #[test]
    fn malformed_lines_become_problems() {
        let (f, p) = parse_all("Type=simple\n[Service\n[Servcie]\nnonsense\n=x\n[Service]\nUser=mysql\n");
        let keys: Vec<Key> = p.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                k::SYSTEMD_PROBLEM_OUTSIDE_SECTION,
                k::SYSTEMD_PROBLEM_BAD_SECTION,
                k::SYSTEMD_PROBLEM_UNKNOWN_SECTION,
                k::SYSTEMD_PROBLEM_MISSING_EQUALS,
                k::SYSTEMD_PROBLEM_MISSING_KEY
            ]
        );
        assert_eq!(f.entries.len(), 2);
        assert_eq!(f.entries[0].section, None);
        assert_eq!(f.section_of(&f.entries[1]).map(|s| s.name.as_str()), Some("Service"));
        assert!(p[3].args.contains(&("line", "4".to_owned())));
    }

    #[test]
    fn dangling_continuation_at_end() {
        let (f, p) = parse_all("[Service]\nExecStart=/x \\");
        assert_eq!(f.entries[0].value, "/x");
        assert_eq!(p[0].key, k::SYSTEMD_PROBLEM_DANGLING_CONTINUATION);
    }

    #[test]
    fn extent_stops_at_prompt_table_and_option_group() {
        let text = "[Service]\nExecStart=/usr/sbin/mysqld\n\n[mysqld]\ndatadir=/x\n";
        let s = src(text);
        let hint = Hint { command: None, at_input_start: true };
        let c = recognize(&s, 0, &hint).expect("claim");
        assert_eq!(c.end, 2);
        let text = "[Service]\nUser=mysql\n$ mysql -e 'select 1'\n";
        let s = src(text);
        assert_eq!(recognize(&s, 0, &hint).expect("claim").end, 2);
        let text = "[Service]\nUser=mysql\n+-----+\n| a |\n";
        let s = src(text);
        assert_eq!(recognize(&s, 0, &hint).expect("claim").end, 2);
        assert!(recognize(&src("[mysqld]\nuser=mysql\n"), 0, &hint).is_none());
        assert!(recognize(&src("[client]\n"), 0, &hint).is_none());
    }

    #[test]
    fn option_lines_after_a_blank_line_end_the_unit() {
        let hint = Hint { command: None, at_input_start: true };
        let s = src("[Service]\nUser=mysql\n\ndatadir=/var/lib/mysql\nbind-address=0.0.0.0\n");
        assert_eq!(recognize(&s, 0, &hint).expect("claim").end, 2);
        // Without the blank line it is (a misspelt key) inside the unit.
        let s = src("[Service]\nUser=mysql\nenvironment=A=1\n\nX-Foo=1\nRestart=always\n");
        assert_eq!(recognize(&s, 0, &hint).expect("claim").end, 6);
    }

    #[test]
    fn malformed_line_inside_unit_is_kept() {
        let s = src("[Service]\nUser=mysql\noops no equals\nGroup=mysql\n");
        let hint = Hint { command: None, at_input_start: true };
        let c = recognize(&s, 0, &hint).expect("claim");
        assert_eq!(c.end, 4);
        assert_eq!(c.problems.len(), 1);
    }

    #[test]
    fn cat_output_with_dropins_and_notes() {
        let text = "# Warning: mysqld.service changed on disk, the version systemd has loaded is outdated.\n\
# This output shows the current version of the unit's original fragment and drop-in files.\n\
# If fragments or drop-ins were added or removed, they are not properly reflected in this output.\n\
# Run 'systemctl daemon-reload' to reload units.\n\
# /usr/lib/systemd/system/mysqld.service\n[Service]\nExecStart=/usr/sbin/mysqld\n\n\
# /etc/systemd/system/mysqld.service.d/override.conf\n[Service]\nRestart=always\n\n\
# Unit foo.service is masked.\n[mysqld]\nuser=mysql\n";
        let s = src(text);
        let hint = Hint { command: Some("systemctl cat mysqld foo"), at_input_start: false };
        let c = recognize(&s, 0, &hint).expect("claim");
        assert_eq!(c.kind, DocKind::SystemctlCat);
        assert_eq!(c.end, 13);
        let Parsed::Units(set) = c.parsed else { panic!("units") };
        assert_eq!(set.files.len(), 2);
        assert!(!set.files[0].dropin && set.files[1].dropin);
        assert_eq!(set.files[1].unit_name().as_deref(), Some("mysqld.service"));
        assert_eq!(set.notes.len(), 2);
        assert_eq!(set.notes[1].kind, CatNoteKind::Masked);
        assert_eq!(c.label.expect("label").key, k::SYSTEMD_LABEL_CAT_DROPIN);
    }

    #[test]
    fn systemctl_edit_buffer() {
        let text = "### Editing /etc/systemd/system/mysqld.service.d/override.conf\n\
### Anything between here and the comment below will become the new contents of the file\n\n\
[Service]\nEnvironment=MYSQLD_PARENT_PID=1\n\n\
### Lines below this comment will be discarded\n\n\
### /usr/lib/systemd/system/mysqld.service\n# [Service]\n# Restart=on-failure\n\n$ ls\n";
        let s = src(text);
        let c = recognize(&s, 0, &Hint { command: None, at_input_start: true }).expect("claim");
        assert_eq!(c.kind, DocKind::SystemdUnit);
        assert_eq!(c.end, 11);
        let Parsed::Units(set) = c.parsed else { panic!("units") };
        let f = &set.files[0];
        assert!(f.dropin);
        assert_eq!(f.entries.len(), 1);
        assert!(f.comments.iter().all(|c| c.directive.is_none()), "the listing is not parsed");
        assert_eq!(c.label.expect("label").key, k::SYSTEMD_LABEL_DROPIN);
    }

    #[test]
    fn named_file_holding_an_option_file_is_not_a_unit() {
        let s = Source::new(0, "override.conf", "# x\n[mysqld]\nuser=mysql\n");
        assert!(recognize(&s, 0, &Hint { command: None, at_input_start: true }).is_none());
        let s = Source::new(0, "override.conf", "# x\n[Service]\nUser=mysql\n");
        assert_eq!(recognize(&s, 0, &Hint { command: None, at_input_start: true }).expect("unit").end, 3);
        assert!(!path_is_dropin("/etc/mysql/conf.d/override.conf"));
        assert!(path_is_dropin("/etc/systemd/system/mysqld.service.d/override.conf"));
    }

    #[test]
    fn names_paths_and_commands() {
        assert!(name_looks_like_unit("mysqld.service"));
        assert!(name_looks_like_unit("/etc/systemd/system/mysqld.service.d/override.conf"));
        assert!(name_looks_like_unit("override.conf"));
        assert!(!name_looks_like_unit("my.cnf"));
        assert!(!name_looks_like_unit("/etc/mysql/conf.d/mysqld.conf"));
        assert_eq!(
            unit_name_from_path("/etc/systemd/system/mysql@a.service.d/10-x.conf").as_deref(),
            Some("mysql@a.service")
        );
        assert_eq!(unit_from_command("sudo systemctl cat mysqld"), Some(("mysqld.service".into(), false)));
        assert_eq!(
            unit_from_command("systemctl --user show -p Restart mysql.service"),
            Some(("mysql.service".into(), true))
        );
        assert_eq!(
            path_from_command("sudo cat /lib/systemd/system/mysql.service").as_deref(),
            Some("/lib/systemd/system/mysql.service")
        );
        assert!(dropin_applies("mysqld@.service", "mysqld@replica.service"));
        assert!(!dropin_applies("mysqld@.service", "mysqld.service"));
        assert!(cat_header("# /etc/my.cnf").is_none());
        assert!(path_is_user("/home/a/.config/systemd/user/mysqld.service"));
    }

    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("[Service]".to_owned()),
            Just("[Unit]".to_owned()),
            Just("[mysqld]".to_owned()),
            Just("# /etc/systemd/system/a.service.d/x.conf".to_owned()),
            Just("# Unit a.service is masked.".to_owned()),
            Just("### Editing /etc/systemd/system/a.service.d/override.conf".to_owned()),
            Just("### Lines below this comment will be discarded".to_owned()),
            Just("Environment=\"A=b c\" D=\\".to_owned()),
            Just("ExecStart=/usr/sbin/mysqld \\".to_owned()),
            Just("#Restart=always".to_owned()),
            Just("$ systemctl cat a".to_owned()),
            Just("".to_owned()),
            Just("\\".to_owned()),
            Just("=".to_owned()),
            "[ -~\u{e9}\u{4e2d}\t\\\\]{0,12}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.join("\n"))
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_stay_inside(text in pieces(), crlf in proptest::bool::ANY) {
            let text = if crlf { text.replace('\n', "\r\n") } else { text };
            for name in ["input 1", "x.service"] {
                let s = Source::new(0, name, &text);
                let docs = crate::detect::split(&s);
                for d in &docs {
                    proptest::prop_assert!(d.range.end as usize <= text.len());
                    if let Parsed::Units(set) = &d.parsed {
                        for f in &set.files {
                            for e in &f.entries {
                                proptest::prop_assert!(d.range.start <= e.range.start && e.range.end <= d.range.end);
                                proptest::prop_assert!(e.key_range.end <= e.range.end);
                                proptest::prop_assert!(e.value_range.start >= e.key_range.end);
                                if e.line_count == 1 {
                                    proptest::prop_assert!(crate::text::slice(&text, e.key_range) == e.key);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
