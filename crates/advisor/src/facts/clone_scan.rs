//! What a clone session shows beyond the server's state, read from the pasted lines and result
//! sets: the `CLONE` / `RESTART` statements typed at a prompt (which statement a 3707 answered), the
//! second `RESTART` warning, and plugin lists (`SHOW PLUGINS`, `INFORMATION_SCHEMA.PLUGINS`).
//!
//! Accepted statement grammar (case-insensitive, over at most [`MAX_STMT_LINES`] lines, the first
//! after a `mysql>`-style prompt or at the start of a line, the rest after `->` prompts or bare):
//!
//! ```text
//! CLONE INSTANCE FROM 'user'@'host':port [IDENTIFIED BY '…'] [DATA DIRECTORY [=] 'dir'] [REQUIRE [NO] SSL]
//! CLONE LOCAL DATA DIRECTORY [=] 'dir'
//! RESTART
//! ```
//!
//! Linear in the input; never panics on odd text.

use crate::text::TrimWs;

use super::Loc;
use crate::source::Source;
use crate::syntax::document::{Document, Parsed};
use crate::syntax::mysql_output::{Form, ResultSet};
use crate::text::{after_ci, find_ci};

/// Longest statement followed, in lines.
pub(crate) const MAX_STMT_LINES: usize = 12;

/// What a typed statement was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StmtKind {
    /// `CLONE INSTANCE FROM …` (remote).
    CloneInstance,
    /// `CLONE LOCAL DATA DIRECTORY …`.
    CloneLocal,
    /// `RESTART`.
    Restart,
    /// Any other command at a prompt.
    Other,
}

/// A statement typed at a prompt (or a bare `CLONE` line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Stmt {
    pub kind: StmtKind,
    /// All its lines.
    pub at: Loc,
    /// `DATA DIRECTORY` given (a remote clone then neither replaces the data nor restarts).
    pub data_directory: bool,
    /// The donor `host` and `port` of `CLONE INSTANCE FROM 'u'@'host':port`.
    pub donor: Option<(String, String)>,
    /// The statement text (lines joined, at most [`MAX_TEXT`] bytes).
    pub text: String,
}

/// Longest statement text kept.
pub(crate) const MAX_TEXT: usize = 512;

impl Stmt {
    /// True for statements that only make sense when clone is used: `INSTALL PLUGIN clone`, anything
    /// naming `mysql_clone`, `clone_valid_donor_list` or the `clone_status` / `clone_progress` tables.
    pub(crate) fn mentions_clone(&self) -> bool {
        matches!(self.kind, StmtKind::CloneInstance | StmtKind::CloneLocal)
            || [
                "INSTALL PLUGIN clone",
                "mysql_clone",
                "clone_valid_donor_list",
                "clone_status",
                "clone_progress",
            ]
            .iter()
            .any(|k| find_ci(&self.text, k).is_some())
    }
}

/// Everything this module reads.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scan {
    /// Every command typed at a prompt and every bare `CLONE` statement, in input order.
    pub stmts: Vec<Stmt>,
    /// The `CLONE` statements among them.
    pub clones: Vec<Stmt>,
    /// Lines with the second `RESTART` warning, `Restart server failed (Restart server failed)`.
    pub restart_warning: Vec<Loc>,
    /// The clone plugin as plugin lists show it.
    pub plugin: PluginView,
}

/// The clone plugin in the pasted plugin lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PluginView {
    /// The `clone` row: its status (`ACTIVE`, `DISABLED`…) and where.
    pub clone: Option<(String, Loc)>,
    /// A list that would show `clone` if it were installed, and does not: a full list (it shows
    /// `InnoDB` or `binlog`) or a query filtered on `clone` that returned nothing.
    pub absent_in: Option<Loc>,
}

impl Scan {
    pub(crate) fn of(sources: &[Source<'_>], docs: &[Document]) -> Scan {
        let mut s = Scan::default();
        for src in sources {
            scan_lines(src, &mut s);
        }
        s.clones = s
            .stmts
            .iter()
            .filter(|st| matches!(st.kind, StmtKind::CloneInstance | StmtKind::CloneLocal))
            .cloned()
            .collect();
        s.plugin = plugin_view(sources, docs);
        s
    }

    /// The statement a client error at `at` answered: the last statement before it in the same
    /// input.
    pub(crate) fn statement_before(&self, at: Loc) -> Option<&Stmt> {
        self.stmts.iter().rev().find(|st| st.at.input == at.input && st.at.range.end <= at.range.start)
    }
}

/// The second `RESTART` warning's text.
const RESTART_WARNING: &str = "Restart server failed (Restart server failed)";

fn scan_lines(src: &Source<'_>, out: &mut Scan) {
    let n = src.lines.len();
    // One search of the whole text spares one per line (issue 17, item 4).
    let warned = memchr::memmem::find(src.text.as_bytes(), RESTART_WARNING.as_bytes()).is_some();
    let mut i = 0usize;
    while i < n {
        let line = src.line(i);
        if warned && line.contains(RESTART_WARNING) {
            out.restart_warning.push(Loc { input: src.index, range: src.lines[i].range });
        }
        let prompt = crate::syntax::prompt::at(src, i);
        // Most lines: no prompt, and no statement `statement_kind` could call a clone (its first
        // byte is not `C` or `R`): skipped after one trim (issue 17, item 4).
        if prompt.is_none()
            && !matches!(
                line.trim_start_ws().as_bytes().first().map(u8::to_ascii_uppercase),
                Some(b'C' | b'R')
            )
        {
            i += 1;
            continue;
        }
        let is_continuation = line.trim_start_ws().starts_with("->");
        let text = match prompt {
            Some(cmd) if !is_continuation => cmd,
            Some(_) => {
                i += 1;
                continue;
            }
            None => line.trim_ws(),
        };
        let kind = statement_kind(text);
        if prompt.is_none() && !matches!(kind, StmtKind::CloneInstance | StmtKind::CloneLocal) {
            i += 1;
            continue;
        }
        if prompt.is_some() && text.is_empty() {
            i += 1;
            continue;
        }
        // Gather the statement up to its terminator.
        let mut full = text.to_owned();
        let mut end = i + 1;
        while end < n && end - i < MAX_STMT_LINES && !terminated(&full) && kind != StmtKind::Restart {
            let next = src.line(end);
            let cont = if next.trim_start_ws().starts_with("->") {
                crate::syntax::prompt::at(src, end).unwrap_or("")
            } else if prompt.is_none() && !next.trim_ws().is_empty() && looks_like_clause(next) {
                next.trim_ws()
            } else {
                break;
            };
            full.push(' ');
            full.push_str(cont);
            end += 1;
        }
        let at = Loc { input: src.index, range: src.lines_range(i, end) };
        let (data_directory, donor) = match kind {
            StmtKind::CloneInstance => (find_ci(&full, "DATA DIRECTORY").is_some(), donor_of(&full)),
            StmtKind::CloneLocal => (true, None),
            _ => (false, None),
        };
        let mut text = full;
        if text.len() > MAX_TEXT {
            let mut cut = MAX_TEXT;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        out.stmts.push(Stmt { kind, at, data_directory, donor, text });
        i = end;
    }
}

fn terminated(s: &str) -> bool {
    let t = s.trim_end_ws();
    t.ends_with(';') || t.ends_with("\\G") || t.ends_with("\\g")
}

/// A bare continuation line of a `CLONE` statement.
fn looks_like_clause(line: &str) -> bool {
    let u = line.trim_start_ws().to_ascii_uppercase();
    ["IDENTIFIED", "DATA DIRECTORY", "REQUIRE", "FROM"].iter().any(|k| u.starts_with(k))
}

/// Classifies a statement by its first words.
pub(crate) fn statement_kind(text: &str) -> StmtKind {
    // Runs on every line: reject at the first byte, and compare without allocating.
    let t = text.trim_start_ws();
    if !matches!(t.as_bytes().first().map(u8::to_ascii_uppercase), Some(b'C' | b'R')) {
        return StmtKind::Other;
    }
    let mut words = t.split_ascii_whitespace().map(|w| w.trim_end_matches(';'));
    let (a, b) = (words.next(), words.next());
    let is = |w: Option<&str>, s: &str| w.is_some_and(|w| w.eq_ignore_ascii_case(s));
    if is(a, "CLONE") && is(b, "INSTANCE") {
        StmtKind::CloneInstance
    } else if is(a, "CLONE") && is(b, "LOCAL") {
        StmtKind::CloneLocal
    } else if (is(a, "RESTART") && b.is_none()) || is(a, "RESTART\\G") {
        StmtKind::Restart
    } else {
        StmtKind::Other
    }
}

/// `… FROM 'user'@'host':port …` → (`host`, `port`).
pub(crate) fn donor_of(stmt: &str) -> Option<(String, String)> {
    let from = after_ci(stmt, " FROM ")?;
    let at = from.find('@')?;
    let rest = from.get(at + 1..)?.trim_start_ws();
    let (host, after) = match rest.chars().next()? {
        q @ ('\'' | '"' | '`') => {
            let body = &rest[1..];
            let close = body.find(q)?;
            (&body[..close], &body[close + 1..])
        }
        _ => {
            let stop = rest.find([':', ' ', '\t']).unwrap_or(rest.len());
            (&rest[..stop], &rest[stop..])
        }
    };
    let after = after.trim_start_ws().strip_prefix(':')?.trim_start_ws();
    let port: String = after.chars().take_while(char::is_ascii_digit).collect();
    if host.is_empty() || port.is_empty() {
        return None;
    }
    Some((host.to_owned(), port))
}

/// Reads the plugin lists among the result sets.
fn plugin_view(sources: &[Source<'_>], docs: &[Document]) -> PluginView {
    let mut view = PluginView::default();
    for d in docs {
        let Parsed::Result(rs) = &d.parsed else { continue };
        let text = sources.iter().find(|s| s.index == d.input).map_or("", |s| s.text);
        let doc_at = Loc { input: d.input, range: d.range };
        let Some((name_col, status_col)) = plugin_columns(rs) else {
            // `Empty set` after a query on the plugin table filtered on clone.
            if rs.form == Form::Empty && filters_clone_plugin(rs.command.as_deref()) {
                view.absent_in.get_or_insert(doc_at);
            }
            continue;
        };
        let mut full = false;
        let mut found = false;
        for row in &rs.rows {
            let Some(name) = rs.get(row, name_col) else { continue };
            let n = rs.value(name, text).trim_ws();
            if n.eq_ignore_ascii_case("clone") {
                let status = rs
                    .get(row, status_col)
                    .map(|s| rs.value(s, text).trim_ws().to_owned())
                    .unwrap_or_default();
                view.clone = Some((status, Loc { input: d.input, range: row.range }));
                found = true;
            }
            if n.eq_ignore_ascii_case("InnoDB") || n.eq_ignore_ascii_case("binlog") {
                full = true;
            }
        }
        let filtered_on_clone = filters_clone_plugin(rs.command.as_deref());
        if !found && (full || (filtered_on_clone && rs.rows.is_empty())) {
            view.absent_in.get_or_insert(doc_at);
        }
    }
    view
}

/// (`PLUGIN_NAME`, `PLUGIN_STATUS`) for `INFORMATION_SCHEMA.PLUGINS`, (`Name`, `Status`) for `SHOW PLUGINS`.
fn plugin_columns(rs: &ResultSet) -> Option<(&'static str, &'static str)> {
    if rs.has_column("PLUGIN_NAME") {
        return Some(("PLUGIN_NAME", "PLUGIN_STATUS"));
    }
    let show_plugins = rs.command.as_deref().is_some_and(|c| find_ci(c, "SHOW PLUGINS").is_some());
    if rs.has_column("Name") && rs.has_column("Status") && (rs.has_column("Library") || show_plugins) {
        return Some(("Name", "Status"));
    }
    None
}

fn filters_clone_plugin(cmd: Option<&str>) -> bool {
    let Some(c) = cmd else { return false };
    find_ci(c, "PLUGINS").is_some() && find_ci(c, "clone").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Scan {
        let src = Source::new(0, "t", text);
        let docs = crate::detect::split(&src);
        Scan::of(std::slice::from_ref(&src), &docs)
    }

    #[test]
    fn statements_at_prompts() {
        let s = scan(
            "mysql> CLONE INSTANCE FROM 'clone_user'@'db1.example.com':3306\n    -> IDENTIFIED BY 'secret';\nERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).\n",
        );
        assert_eq!(s.clones.len(), 1);
        let c = &s.clones[0];
        assert_eq!(c.kind, StmtKind::CloneInstance);
        assert!(!c.data_directory);
        assert_eq!(c.donor, Some(("db1.example.com".into(), "3306".into())));
        // Two lines: the prompt line and its continuation.
        assert_eq!(c.at.range.start, 0);
        assert!(c.at.range.end > 60);
    }

    #[test]
    fn data_directory_and_local_and_restart() {
        let s = scan(
            "mysql> CLONE INSTANCE FROM clone@10.0.0.5:3306 IDENTIFIED BY 'x' DATA DIRECTORY = '/data/c';\nmysql> CLONE LOCAL DATA DIRECTORY '/d';\nmysql> RESTART;\n",
        );
        assert_eq!(s.clones.len(), 2);
        assert!(s.clones[0].data_directory);
        assert_eq!(s.clones[0].donor, Some(("10.0.0.5".into(), "3306".into())));
        assert_eq!(s.clones[1].kind, StmtKind::CloneLocal);
        assert_eq!(s.stmts.last().map(|x| x.kind), Some(StmtKind::Restart));
    }

    #[test]
    fn bare_statement_and_kinds() {
        let s = scan("CLONE INSTANCE FROM 'u'@'h':3306\nIDENTIFIED BY 'p';\n");
        assert_eq!(s.clones.len(), 1);
        assert_eq!(statement_kind("restart;"), StmtKind::Restart);
        assert_eq!(statement_kind("RESTART something"), StmtKind::Other);
        assert_eq!(statement_kind("clone"), StmtKind::Other);
        assert_eq!(donor_of("CLONE INSTANCE FROM 'u'@'h'"), None);
        assert_eq!(donor_of("x"), None);
    }

    #[test]
    fn restart_warning_line() {
        let s = scan("| Error | 3707 | Restart server failed (Restart server failed). |\n");
        assert_eq!(s.restart_warning.len(), 1);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: no panic, every statement inside the input, in order.
        #[test]
        fn scan_never_panics(text in "(mysql> |    -> |CLONE INSTANCE FROM |'u'@'h':|3306|RESTART;|DATA DIRECTORY|\\\\G|;|\r\n|\n|é|[ -~]){0,60}") {
            let src = Source::new(0, "p", &text);
            let docs = crate::detect::split(&src);
            let s = Scan::of(std::slice::from_ref(&src), &docs);
            for st in &s.stmts {
                prop_assert!(st.at.range.end as usize <= text.len());
                prop_assert!(st.text.len() <= MAX_TEXT);
            }
            let _ = donor_of(&text);
        }
    }
}
