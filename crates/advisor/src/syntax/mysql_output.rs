//! mysql client result sets: table form (`+---+` borders), vertical `\G` form, and `mysql -B`
//! tab-separated output, plus the `N rows in set` / `Empty set` summary line.
//!
//! Every result set is normalised to rows of named fields, each field keeping the byte range of
//! its name (the header cell, or the name before the colon in `\G` form) and of its value. The
//! kind of result (SHOW VARIABLES, SHOW REPLICA STATUS, a performance_schema table…) is decided
//! from the columns, and from the echoed command (`mysql> SHOW REPLICA STATUS\G`) when the columns
//! alone cannot tell.

use crate::i18n::k;
use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Label, Parsed, Problem};
use crate::text::TextRange;
use std::collections::HashMap;

/// Longest logical row (in physical lines) followed in table form when a cell holds newlines.
const MAX_ROW_LINES: usize = 256;

/// Columns only MariaDB's replica status prints (`Connection_name` in SHOW ALL SLAVES STATUS;
/// `Using_Gtid` and `Gtid_IO_Pos` in SHOW SLAVE STATUS too): what names the flavour of a status
/// without a version, for its label here and for the replica rules' recipe.
pub(crate) const MARIADB_STATUS_COLUMNS: [&str; 3] = ["Connection_name", "Using_Gtid", "Gtid_IO_Pos"];

/// How the result set was printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Form {
    /// `+---+` borders and `| a | b |` rows.
    #[default]
    Table,
    /// `\G`: `*** 1. row ***` headers and `Name: value` lines.
    Vertical,
    /// `mysql -B`: a tab-separated header line, then tab-separated rows.
    Tabs,
    /// Only a summary line (`Empty set (0.00 sec)`).
    Empty,
    /// `Query OK, N rows affected (0.01 sec)`: a statement that returns no result set.
    Ok,
}

/// One field of a row: which column, and the value in this row.
///
/// Slim on purpose (issue 18: a 16 MB table of channels has millions of cells): the name is an
/// index into [`ResultSet::columns`] and the value is read from the input by its range, except
/// when the printed text had to be decoded (`\G` continuation lines, `-B` escapes); read it with
/// [`ResultSet::value`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    /// Index of the column in [`ResultSet::columns`].
    pub col: u32,
    /// Where the name is (the header cell in table form).
    pub name_range: TextRange,
    /// Where the value is (may span several lines).
    pub value_range: TextRange,
    /// Index of the decoded value in `ResultSet::decoded`, or [`RAW`] when the value is the
    /// input's text at `value_range`.
    decoded: u32,
    /// True when the value printed as `NULL`.
    pub null: bool,
}

/// [`Field::decoded`] of a value that is the input's text.
const RAW: u32 = u32::MAX;

/// One row: its fields are `ResultSet::fields[start..end]` (see [`ResultSet::fields`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Row {
    /// The row's lines (the `*** N. row ***` header included in `\G` form).
    pub range: TextRange,
    start: u32,
    end: u32,
}

/// The `N rows in set (0.00 sec)` / `Empty set` line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    pub rows: u64,
    pub warnings: u64,
    pub range: TextRange,
}

/// The parse of one result set.
#[derive(Clone, Debug, Default)]
pub(crate) struct ResultSet {
    pub form: Form,
    /// What the result is (one of the result-set kinds of [`DocKind`]).
    pub kind: Option<DocKind>,
    /// The echoed command, when a prompt line preceded the output.
    pub command: Option<String>,
    /// Column names in order (the union over rows in `\G` form).
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// Every row's fields, one after the other.
    cells: Vec<Field>,
    /// Values that differ from the input's text (joined continuation lines, decoded escapes).
    decoded: Vec<String>,
    pub summary: Option<Summary>,
}

impl ResultSet {
    /// The document kind (`QueryResult` when unclassified).
    pub fn doc_kind(&self) -> DocKind {
        self.kind.unwrap_or(DocKind::QueryResult)
    }
    /// True when a column of this name exists (ASCII case-insensitive).
    pub fn has_column(&self, name: &str) -> bool {
        self.columns.iter().any(|c| c.eq_ignore_ascii_case(name))
    }
    /// The fields of `row`, in printed order.
    pub fn fields(&self, row: &Row) -> &[Field] {
        self.cells.get(row.start as usize..row.end as usize).unwrap_or(&[])
    }
    /// The column name of `f`.
    pub fn name(&self, f: &Field) -> &str {
        self.columns.get(f.col as usize).map(String::as_str).unwrap_or("")
    }
    /// The value of `f`: trimmed; in `\G` form continuation lines are joined with `\n`; `-B`
    /// escapes (`\n`, `\t`, `\\`, `\0`) decoded. `text` is the input's text.
    pub fn value<'a>(&'a self, f: &Field, text: &'a str) -> &'a str {
        match self.decoded.get(f.decoded as usize) {
            Some(d) => d,
            None => crate::text::slice(text, f.value_range),
        }
    }
    /// The field of `row` named `name` (exact, then ASCII case-insensitive).
    pub fn get(&self, row: &Row, name: &str) -> Option<&Field> {
        let fields = self.fields(row);
        fields
            .iter()
            .find(|f| self.name(f) == name)
            .or_else(|| fields.iter().find(|f| self.name(f).eq_ignore_ascii_case(name)))
    }
    /// Appends a field to the row being built (the last of `rows`); `decoded` is the value when
    /// it differs from the input's text.
    fn push_field(
        &mut self,
        col: usize,
        name_range: TextRange,
        value_range: TextRange,
        decoded: Option<String>,
        null: bool,
    ) {
        let decoded = match decoded {
            Some(d) => {
                self.decoded.push(d);
                (self.decoded.len() - 1) as u32
            }
            None => RAW,
        };
        self.cells.push(Field { col: col as u32, name_range, value_range, decoded, null });
    }
    /// Starts a row whose fields are pushed next.
    fn start_row(&mut self, range: TextRange) {
        let at = self.cells.len() as u32;
        self.rows.push(Row { range, start: at, end: at });
    }
    /// Ends the last row after its fields.
    fn end_row(&mut self) {
        let at = self.cells.len() as u32;
        if let Some(r) = self.rows.last_mut() {
            r.end = at;
        }
    }
}

/// Claims a result set starting at line `i`: a `+---+` border followed by a `| … |` header, a
/// `*** 1. row ***` header, a `-B` header line (only after a prompt, or with known column names),
/// a `\G` field block right after a `\G` command, or a lone `Empty set` line.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    let t = line.trim_ws();
    let mut problems = Vec::new();
    let (mut rs, end) = if is_border(t) && src.line(i + 1).trim_start_ws().starts_with('|') {
        parse_table(src, i, &mut problems)
    } else if row_header_number(t).is_some() {
        parse_vertical(src, i, &mut problems)
    } else if let Some(s) = summary(t) {
        let rs = ResultSet {
            form: Form::Empty,
            summary: Some(Summary { range: src.lines[i].range, ..s }),
            ..ResultSet::default()
        };
        (rs, i + 1)
    } else if t.starts_with("Query OK") {
        let rs = ResultSet {
            form: Form::Ok,
            summary: Some(Summary { rows: 0, warnings: 0, range: src.lines[i].range }),
            ..ResultSet::default()
        };
        // `Rows matched: 1  Changed: 1  Warnings: 0` may follow an UPDATE.
        let extra = src.line(i + 1).trim_start_ws().starts_with("Rows matched:");
        (rs, i + 1 + usize::from(extra && i + 1 < src.lines.len()))
    } else if headerless_vertical_start(src, i, hint) {
        parse_vertical(src, i, &mut problems)
    } else if tab_header(src, i, hint) || headerless_variables_start(src, i, hint) {
        parse_tabs(src, i, &mut problems)
    } else {
        return None;
    };
    if end <= i {
        return None;
    }
    let command = full_command(src, i, hint);
    let cmd = command.as_deref();
    rs.kind = Some(if rs.form == Form::Ok { DocKind::QueryResult } else { classify(&rs.columns, cmd) });
    if rs.form == Form::Tabs && cmd.is_none() && headerless_variables_start(src, i, hint) {
        rs.kind = Some(DocKind::ShowVariables);
    }
    rs.command = command.clone();
    if rs.form == Form::Tabs && rs.kind == Some(DocKind::ShowVariables) && !rs.has_column("Variable_name") {
        headerless_variables(src, i, &mut rs);
    }
    if rs.kind == Some(DocKind::ShowVariables) {
        note_duplicates(src, &rs, &mut problems);
    }
    rs.cells.shrink_to_fit();
    rs.rows.shrink_to_fit();
    let label = label(&rs, src.text);
    Some(Claim {
        kind: rs.doc_kind(),
        end,
        name: cmd.map(|c| c.trim_end_matches(';').trim_end_matches("\\G").trim_ws().to_owned()),
        label,
        parsed: Parsed::Result(rs),
        problems,
    })
}

// ---------------------------------------------------------------------------------------------
// Classification

/// Decides what a result set is from its columns, then from the command.
///
/// Columns: `Variable_name`+`Value` → SHOW VARIABLES; `Replica_IO_Running`/`Slave_IO_Running` →
/// replica status; `CHANNEL_NAME` with `AUTO_POSITION`/`GTID_ONLY`/`HOST` → connection
/// configuration, with `REQUIRE_ROW_FORMAT`/`DESIRED_DELAY` → applier configuration; `STAGE`+`STATE`
/// → clone_progress; `STATE` with `ERROR_NO`/`SOURCE`/`DESTINATION` → clone_status;
/// `VARIABLE_NAME`+`VARIABLE_VALUE` (performance_schema `global_variables`, `session_variables`,
/// `persisted_variables`) → SHOW VARIABLES as well; any `@@x` or
/// `VERSION()` column → a variable query. `SHOW STATUS` (also two columns `Variable_name`, `Value`)
/// is told apart by its command.
pub(crate) fn classify(columns: &[String], command: Option<&str>) -> DocKind {
    let by_cmd = command.and_then(classify_command);
    let has = |n: &str| columns.iter().any(|c| c.eq_ignore_ascii_case(n));
    let by_cols = if has("Replica_IO_Running") || has("Slave_IO_Running") {
        Some(DocKind::ReplicaStatus)
    } else if has("CHANNEL_NAME") && (has("AUTO_POSITION") || has("GTID_ONLY") || has("HOST")) {
        Some(DocKind::ConnectionConfiguration)
    } else if has("CHANNEL_NAME") && (has("REQUIRE_ROW_FORMAT") || has("DESIRED_DELAY")) {
        Some(DocKind::ApplierConfiguration)
    } else if has("STAGE") && has("STATE") {
        Some(DocKind::CloneProgress)
    } else if has("STATE") && (has("ERROR_NO") || has("SOURCE") || has("DESTINATION")) {
        Some(DocKind::CloneStatus)
    } else if has("Variable_name") && (has("Value") || has("VARIABLE_VALUE")) {
        // SHOW STATUS prints the same columns.
        if by_cmd == Some(DocKind::QueryResult) { None } else { Some(DocKind::ShowVariables) }
    } else if columns.iter().any(|c| is_variable_column(c)) {
        Some(DocKind::VariableQuery)
    } else {
        None
    };
    by_cols.or(by_cmd).unwrap_or(DocKind::QueryResult)
}

/// True for `@@x`, `@@global.x`, `VERSION()` columns.
pub(crate) fn is_variable_column(c: &str) -> bool {
    let c = c.trim_ws();
    c.starts_with("@@") || c.eq_ignore_ascii_case("version()")
}

/// The kind a command produces, when it says so.
fn classify_command(cmd: &str) -> Option<DocKind> {
    let u: String = cmd.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_uppercase();
    let u = shell_statement(&u);
    let u = u.trim_end_matches(';').trim_end_matches("\\G").trim_end_matches("\\g").trim_ws();
    if u.starts_with("SHOW REPLICA STATUS")
        || u.starts_with("SHOW SLAVE STATUS")
        || u.starts_with("SHOW ALL SLAVES STATUS")
        || u.starts_with("SHOW ALL REPLICAS STATUS")
    {
        return Some(DocKind::ReplicaStatus);
    }
    if u.starts_with("SHOW ") && u.contains("VARIABLES") {
        return Some(DocKind::ShowVariables);
    }
    if u.starts_with("SHOW ") && u.contains("STATUS") {
        return Some(DocKind::QueryResult);
    }
    if u.contains("REPLICATION_CONNECTION_CONFIGURATION") {
        return Some(DocKind::ConnectionConfiguration);
    }
    if u.contains("REPLICATION_APPLIER_CONFIGURATION") {
        return Some(DocKind::ApplierConfiguration);
    }
    if u.contains("CLONE_STATUS") {
        return Some(DocKind::CloneStatus);
    }
    if u.contains("CLONE_PROGRESS") {
        return Some(DocKind::CloneProgress);
    }
    if u.starts_with("SELECT") && (u.contains("@@") || u.contains("VERSION()")) && !u.contains(" FROM ") {
        return Some(DocKind::VariableQuery);
    }
    None
}

/// The statement echoed before line `i`: the `mysql>` line and its `->` continuations joined with
/// spaces (the splitter's hint holds only the last prompt line), secrets masked. Falls back to the
/// hint.
fn full_command(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<String> {
    let last = hint.command?;
    let mut parts: Vec<&str> = Vec::new();
    let mut k = i;
    while k > 0 && i - k < 64 {
        k -= 1;
        let line = src.line(k);
        let Some(cmd) = crate::syntax::prompt::command(line) else { break };
        parts.push(cmd);
        if !line.trim_start_ws().starts_with("->") {
            break;
        }
    }
    let joined = if parts.first() != Some(&last) {
        last.to_owned()
    } else {
        parts.reverse();
        parts.join(" ")
    };
    // Commands reach labels and names: never keep a password (`IDENTIFIED BY '…'`, `SOURCE_PASSWORD`).
    Some(crate::redact::mask(&joined).into_owned())
}

/// The first words of a statement, for a label (at most 60 characters, `…` when cut).
fn short_statement(cmd: &str) -> String {
    let one: String = cmd.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= 60 {
        return one;
    }
    let mut s: String = one.chars().take(59).collect();
    s.push('…');
    s
}

/// For a shell command (`mysql -uroot -p -e "SHOW …"`, `sudo mysql --execute='…'`), the statement
/// it runs; otherwise the command itself. `u` is upper-cased.
fn shell_statement(u: &str) -> &str {
    let first = u.split_whitespace().find(|w| *w != "SUDO").unwrap_or("");
    let prog = first.rsplit('/').next().unwrap_or(first);
    if !(prog == "MYSQL" || prog == "MARIADB") {
        return u;
    }
    // The quoted argument (`-e "…"`, `-NBe '…'`, `--execute="…"`), else what follows `-e `.
    if let Some(q) = u.find(['"', '\'']) {
        let quote = u.as_bytes()[q] as char;
        let inner = u.get(q + 1..).unwrap_or("");
        return inner.split(quote).next().unwrap_or(inner);
    }
    match u.find(" -E ").map(|p| p + 4).or_else(|| u.find("--EXECUTE=").map(|p| p + 10)) {
        Some(p) => u.get(p..).unwrap_or(u),
        None => u,
    }
}

fn label(rs: &ResultSet, text: &str) -> Option<Label> {
    if rs.form == Form::Ok {
        return Some(match rs.command.as_deref().map(short_statement).filter(|c| !c.is_empty()) {
            Some(stmt) => Label { key: k::MYSQL_DOC_QUERY_OK_FOR, args: vec![("statement", stmt)] },
            None => Label { key: k::MYSQL_DOC_QUERY_OK, args: vec![] },
        });
    }
    let n = rs.rows.len();
    let count = n.to_string();
    let kind = rs.doc_kind();
    Some(match kind {
        DocKind::ReplicaStatus => {
            let legacy = rs.has_column("Slave_IO_Running")
                || rs.command.as_deref().is_some_and(|c| c.to_ascii_uppercase().contains("SLAVE"));
            let stmt = if legacy { "SHOW SLAVE STATUS" } else { "SHOW REPLICA STATUS" };
            // MariaDB names its channels connections (multi-source replication).
            let mariadb = MARIADB_STATUS_COLUMNS.iter().any(|c| rs.has_column(c));
            let (default, named, many) = if mariadb {
                (
                    k::MYSQL_DOC_REPLICA_STATUS_DEFAULT_CONNECTION,
                    k::MYSQL_DOC_REPLICA_STATUS_CONNECTION,
                    k::MYSQL_DOC_REPLICA_STATUS_MANY_CONNECTIONS,
                )
            } else {
                (
                    k::MYSQL_DOC_REPLICA_STATUS_DEFAULT,
                    k::MYSQL_DOC_REPLICA_STATUS_CHANNEL,
                    k::MYSQL_DOC_REPLICA_STATUS_MANY,
                )
            };
            match n {
                0 => Label { key: k::MYSQL_DOC_REPLICA_STATUS_EMPTY, args: vec![("statement", stmt.into())] },
                1 => {
                    let ch = rs
                        .rows
                        .first()
                        .and_then(|r| rs.get(r, "Channel_Name").or_else(|| rs.get(r, "Connection_name")))
                        .map(|f| rs.value(f, text).to_owned());
                    match ch.filter(|c| !c.is_empty()) {
                        Some(c) => {
                            Label { key: named, args: vec![("statement", stmt.into()), ("channel", c)] }
                        }
                        None => Label { key: default, args: vec![("statement", stmt.into())] },
                    }
                }
                _ => Label { key: many, args: vec![("statement", stmt.into()), ("count", count)] },
            }
        }
        DocKind::ShowVariables => Label { key: k::MYSQL_DOC_SHOW_VARIABLES, args: vec![("count", count)] },
        DocKind::ConnectionConfiguration | DocKind::ApplierConfiguration => {
            let table = if kind == DocKind::ConnectionConfiguration {
                "replication_connection_configuration"
            } else {
                "replication_applier_configuration"
            };
            let key = if count == "1" { k::MYSQL_DOC_CHANNEL_TABLE_ONE } else { k::MYSQL_DOC_CHANNEL_TABLE };
            Label { key, args: vec![("table", table.into()), ("count", count)] }
        }
        DocKind::CloneStatus => {
            let state = rs
                .rows
                .first()
                .and_then(|r| rs.get(r, "STATE"))
                .map(|f| rs.value(f, text).to_owned())
                .unwrap_or_default();
            if state.is_empty() {
                Label { key: k::MYSQL_DOC_CLONE_STATUS, args: vec![] }
            } else {
                Label { key: k::MYSQL_DOC_CLONE_STATUS_STATE, args: vec![("state", state)] }
            }
        }
        DocKind::CloneProgress => Label { key: k::MYSQL_DOC_CLONE_PROGRESS, args: vec![("count", count)] },
        DocKind::VariableQuery => {
            let cols = rs.columns.join(", ");
            Label { key: k::MYSQL_DOC_VARIABLE_QUERY, args: vec![("columns", cols)] }
        }
        _ => Label { key: k::MYSQL_DOC_QUERY_RESULT, args: vec![("count", count)] },
    })
}

// ---------------------------------------------------------------------------------------------
// Summary lines

/// Parses `N rows in set (0.00 sec)`, `1 row in set, 1 warning (0.00 sec)`, `Empty set (0.00 sec)`,
/// `Empty set, 2 warnings (0.01 sec)`.
fn summary(t: &str) -> Option<Summary> {
    let (rows, rest) = if let Some(rest) = t.strip_prefix("Empty set") {
        (0u64, rest)
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let n: u64 = t.get(..digits)?.parse().ok()?;
        let rest = t.get(digits..)?;
        let rest = rest.strip_prefix(" rows in set").or_else(|| rest.strip_prefix(" row in set"))?;
        (n, rest)
    };
    let rest = rest.trim_start_ws();
    let mut warnings = 0;
    let rest = if let Some(w) = rest.strip_prefix(',') {
        let w = w.trim_start_ws();
        let d = w.bytes().take_while(u8::is_ascii_digit).count();
        warnings = w.get(..d).and_then(|s| s.parse().ok()).unwrap_or(0);
        w.get(d..)
            .unwrap_or("")
            .trim_start_ws()
            .trim_start_matches("warnings")
            .trim_start_matches("warning")
            .trim_start_ws()
    } else {
        rest
    };
    if !(rest.is_empty() || rest.starts_with('(')) {
        return None;
    }
    Some(Summary { rows, warnings, range: TextRange::default() })
}

// ---------------------------------------------------------------------------------------------
// Table form

fn is_border(t: &str) -> bool {
    t.len() >= 3 && t.starts_with('+') && t.ends_with('+') && t.bytes().all(|b| b == b'+' || b == b'-')
}

/// Column widths (display columns between `+`s) of a border line.
fn border_widths(t: &str) -> Vec<usize> {
    let inner = t.strip_prefix('+').and_then(|s| s.strip_suffix('+')).unwrap_or("");
    inner.split('+').map(str::len).collect()
}

/// Parses a table-form result set starting at border line `i`.
///
/// Grammar (lines):
/// ```text
/// border   = "+" ("-"+ "+")+
/// header   = "|" (" " name " " "|")+
/// row      = "|" (" " cell " " "|")+          ; a cell may hold newlines: the row then spans
///                                             ; lines until one ends with "|"
/// table    = border header border row* border? summary?
/// summary  = N "row(s) in set" [", " N " warning(s)"] " (" time ")" | "Empty set" …
/// ```
/// Cells are split on `|`; when a row has more `|` than columns (a value containing `|`), the
/// border's column widths are used instead (display width: East Asian wide characters count two).
/// A cell reading `NULL` is null. Rows with the wrong number of cells become problems.
fn parse_table(src: &Source<'_>, i: usize, problems: &mut Vec<Problem>) -> (ResultSet, usize) {
    let n = src.lines.len();
    let widths = border_widths(src.line(i).trim_ws());
    let mut rs = ResultSet { form: Form::Table, ..ResultSet::default() };
    let mut header: Vec<(&str, TextRange)> = Vec::new();
    let mut j = i + 1;
    // Header line.
    if j < n {
        header = split_row(src, j, j + 1, &widths).0;
        j += 1;
    }
    rs.columns = header.iter().map(|(s, _)| (*s).to_owned()).collect();
    // Separator after the header.
    if j < n && is_border(src.line(j).trim_ws()) {
        j += 1;
    }
    while j < n {
        let t = src.line(j).trim_ws();
        if is_border(t) {
            j += 1;
            // A closing border: a summary may follow.
            if j < n
                && let Some(s) = summary(src.line(j).trim_ws())
            {
                rs.summary = Some(Summary { range: src.lines[j].range, ..s });
                j += 1;
            }
            if j < n && src.line(j).trim_start_ws().starts_with('|') {
                continue;
            }
            break;
        }
        if !t.starts_with('|') {
            break;
        }
        // A logical row: until a line ending in `|`.
        let mut k = j;
        while k < n && k - j < MAX_ROW_LINES && !src.line(k).trim_end_ws().ends_with('|') {
            let next = src.line(k + 1).trim_ws();
            if k + 1 >= n || is_border(next) || next.is_empty() {
                break;
            }
            k += 1;
        }
        let end = (k + 1).min(n);
        let (cells, range) = split_row(src, j, end, &widths);
        if cells.len() != header.len() {
            problems.push(Problem {
                key: k::MYSQL_PROBLEM_CELL_COUNT,
                args: vec![("found", cells.len().to_string()), ("expected", header.len().to_string())],
                range,
            });
        }
        rs.start_row(range);
        for (col, ((_, nr), (val, vr))) in header.iter().zip(cells.iter()).enumerate() {
            rs.push_field(col, *nr, *vr, None, *val == "NULL");
        }
        rs.end_row();
        j = end;
    }
    if rs.summary.is_none()
        && j < n
        && let Some(s) = summary(src.line(j).trim_ws())
    {
        rs.summary = Some(Summary { range: src.lines[j].range, ..s });
        j += 1;
    }
    (rs, j.max(i + 1))
}

/// Splits the row on lines `start..end` into trimmed cells with their ranges.
fn split_row<'a>(
    src: &Source<'a>,
    start: usize,
    end: usize,
    widths: &[usize],
) -> (Vec<(&'a str, TextRange)>, TextRange) {
    let range = src.lines_range(start, end);
    let text = src.slice(range);
    let body = text.trim_ws();
    let base = range.start + (text.len() - text.trim_start_ws().len()) as u32;
    let inner = body.strip_prefix('|').unwrap_or(body);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let inner_off = base + u32::from(body.starts_with('|'));
    let pieces: Vec<&str> = inner.split('|').collect();
    let mut cells = Vec::new();
    if pieces.len() > widths.len() && !widths.is_empty() && end == start + 1 {
        // A value holds `|`: cut by display width instead.
        let mut pos = 0usize; // byte offset in `inner`
        for (k, w) in widths.iter().enumerate() {
            let rest = inner.get(pos..).unwrap_or("");
            let mut width = 0usize;
            let mut cut = rest.len();
            for (bi, ch) in rest.char_indices() {
                if width >= *w {
                    cut = bi;
                    break;
                }
                width += char_width(ch);
            }
            let cell = rest.get(..cut).unwrap_or("");
            cells.push(trimmed(cell, inner_off + pos as u32));
            pos += cut;
            // Skip the separator.
            if k + 1 < widths.len() && inner.get(pos..).is_some_and(|r| r.starts_with('|')) {
                pos += 1;
            }
        }
        return (cells, range);
    }
    let mut off = 0usize;
    for p in pieces {
        cells.push(trimmed(p, inner_off + off as u32));
        off += p.len() + 1;
    }
    (cells, range)
}

fn trimmed(cell: &str, start: u32) -> (&str, TextRange) {
    let lead = cell.len() - cell.trim_start_ws().len();
    let t = cell.trim_ws();
    let s = start + lead as u32;
    (t, TextRange::new(s, s + t.len() as u32))
}

/// Approximate terminal width of a character (East Asian wide and fullwidth count two), as the
/// mysql client pads table cells.
fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

// ---------------------------------------------------------------------------------------------
// Vertical form

/// `*************************** 1. row ***************************` → 1.
fn row_header_number(t: &str) -> Option<u64> {
    let rest = t.strip_prefix("***")?.trim_start_matches('*').trim_ws();
    let rest = rest.strip_suffix("***")?.trim_end_matches('*').trim_ws();
    let num = rest.strip_suffix(". row")?;
    num.trim_ws().parse().ok()
}

/// A `\G` field line: `   Name: value` → (colon byte column, name, value). The name has no
/// whitespace and is not a UUID (a GTID-set continuation line such as `3e11fa47-…:1-5,`).
fn field_line(line: &str) -> Option<(usize, &str, &str)> {
    let colon = line.find(':')?;
    let head = line.get(..colon)?;
    let name = head.trim_start_ws();
    if name.is_empty() || name.chars().any(char::is_whitespace) {
        return None;
    }
    if looks_like_uuid(name) {
        return None;
    }
    let after = line.get(colon + 1..)?;
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let value = after.strip_prefix(' ').unwrap_or(after);
    Some((colon, name, value))
}

/// Lines that clearly start another kind of document (so they cannot continue a `\G` value):
/// an error-log timestamp, a client error, `Query OK`, an option-file group, a `# /path` header.
fn other_document_starts(t: &str) -> bool {
    let b = t.as_bytes();
    let timestamp = b.len() >= 11
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b' ');
    let client_error = t.strip_prefix("ERROR ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    timestamp
        || client_error
        || t.starts_with("Query OK")
        || t.starts_with("# /")
        || (t.starts_with('[') && t.ends_with(']') && !t.contains(' '))
}

fn looks_like_uuid(s: &str) -> bool {
    s.len() >= 32 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') && s.contains('-')
}

/// A `\G` block without the `*** 1. row ***` header: only right after a `\G` command, or when the
/// first field is a replica-status or channel-table anchor.
fn headerless_vertical_start(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> bool {
    let Some((_, name, _)) = field_line(src.line(i)) else { return false };
    let after_g = hint.command.is_some_and(|c| c.trim_end_ws().trim_end_matches(';').ends_with("\\G"));
    let anchor = matches!(name, "Replica_IO_State" | "Slave_IO_State" | "CHANNEL_NAME");
    // The next line must be a field line aligned on the same colon, to be sure.
    let aligned = field_line(src.line(i + 1)).zip(field_line(src.line(i))).is_some_and(|(a, b)| a.0 == b.0);
    (after_g || anchor) && aligned
}

/// Parses a `\G` result set starting at line `i` (a row header, or the first field line).
///
/// Grammar (lines):
/// ```text
/// vertical = (rowhdr? field+)+ summary?
/// rowhdr   = "*"+ " " N ". row " "*"+
/// field    = " "* name ":" (" " value)?     ; names right-aligned: every field of a row has its
///                                           ; colon in the same column
/// cont     = any other non-blank line       ; continues the previous value (GTID sets, errors)
/// ```
/// A blank line ends the result set unless the next non-blank line is a field or row header of the
/// same block. A prompt line, a border or a summary line ends it too.
fn parse_vertical(src: &Source<'_>, i: usize, problems: &mut Vec<Problem>) -> (ResultSet, usize) {
    let n = src.lines.len();
    let mut rs = ResultSet { form: Form::Vertical, ..ResultSet::default() };
    let mut j = i;
    let mut colon_col: Option<usize> = None;
    // The row being read is the last of `rs.rows`.
    let mut cur = false;
    // Column name → index in `rs.columns` (a hostile block may have thousands of names).
    let mut col_of: HashMap<&str, usize> = HashMap::new();
    while j < n {
        let line = src.line(j);
        let t = line.trim_ws();
        let lr = src.lines[j].range;
        if row_header_number(t).is_some() {
            rs.end_row();
            rs.start_row(lr);
            cur = true;
            colon_col = None;
            j += 1;
            continue;
        }
        if let Some(s) = summary(t) {
            rs.summary = Some(Summary { range: lr, ..s });
            j += 1;
            break;
        }
        if t.is_empty() {
            // Look past blank lines: does the block go on?
            let mut k = j;
            while k < n && src.line(k).trim_ws().is_empty() {
                k += 1;
            }
            let next = src.line(k);
            let goes_on = k < n
                && (row_header_number(next.trim_ws()).is_some()
                    || field_line(next).is_some_and(|(c, _, _)| Some(c) == colon_col));
            if goes_on && cur {
                j = k;
                continue;
            }
            break;
        }
        if crate::syntax::prompt::command(line).is_some() || is_border(t) || other_document_starts(t) {
            break;
        }
        let field = field_line(line).filter(|(c, _, _)| colon_col.is_none_or(|cc| *c == cc));
        let row_has_fields = cur && rs.rows.last().is_some_and(|r| r.start < rs.cells.len() as u32);
        match field {
            Some((c, name, value)) => {
                colon_col = Some(c);
                if !cur {
                    rs.start_row(lr);
                    cur = true;
                }
                let name_range = src.range_in_line(j, name);
                let v = value.trim_end_ws();
                let value_range = src.range_in_line(j, v);
                let col = *col_of.entry(name).or_insert_with(|| {
                    rs.columns.push(name.to_owned());
                    rs.columns.len() - 1
                });
                rs.push_field(col, name_range, value_range, None, v == "NULL");
                if let Some(row) = rs.rows.last_mut() {
                    row.range = row.range.cover(lr);
                }
            }
            None if row_has_fields => {
                // A continuation of the previous value.
                let piece = t;
                let pr = src.range_in_line(j, piece);
                if let Some(f) = rs.cells.last().copied() {
                    let before = rs.value(&f, src.text);
                    let mut v = String::with_capacity(before.len() + 1 + piece.len());
                    v.push_str(before);
                    if !v.is_empty() {
                        v.push('\n');
                    }
                    v.push_str(piece);
                    let range = if f.value_range.is_empty() && v.len() == piece.len() {
                        pr
                    } else {
                        f.value_range.cover(pr)
                    };
                    let d = if f.decoded == RAW {
                        rs.decoded.push(v);
                        (rs.decoded.len() - 1) as u32
                    } else {
                        rs.decoded[f.decoded as usize] = v;
                        f.decoded
                    };
                    if let Some(last) = rs.cells.last_mut() {
                        *last = Field { value_range: range, decoded: d, null: false, ..f };
                    }
                }
                if let Some(row) = rs.rows.last_mut() {
                    row.range = row.range.cover(lr);
                }
            }
            _ => {
                if cur && j > i {
                    problems.push(Problem { key: k::MYSQL_PROBLEM_STRAY_LINE, args: vec![], range: lr });
                    j += 1;
                    continue;
                }
                break;
            }
        }
        j += 1;
    }
    rs.end_row();
    (rs, j.max(i + 1))
}

// ---------------------------------------------------------------------------------------------
// Tab-separated (`mysql -B`)

fn tab_header(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> bool {
    let line = src.line(i);
    if !line.contains('\t') {
        return false;
    }
    let cols: Vec<&str> = line.split('\t').collect();
    let names_ok = cols.iter().all(|c| {
        let c = c.trim_ws();
        !c.is_empty() && !c.contains(' ') && !c.contains('=')
    });
    if !names_ok || cols.len() < 2 {
        return false;
    }
    let next = src.line(i + 1);
    let same = i + 1 < src.lines.len() && next.split('\t').count() == cols.len();
    let owned: Vec<String> = cols.iter().map(|c| c.trim_ws().to_owned()).collect();
    let known = classify(&owned, None) != DocKind::QueryResult;
    let after_select = hint.command.is_some_and(|c| {
        let u = c.trim_start_ws().to_ascii_uppercase();
        u.starts_with("SELECT") || u.starts_with("SHOW") || u.contains("MYSQL ")
    });
    same && (known || after_select)
}

/// Notes per kind of problem a long table may repeat, before one note counts the rest.
const NOTES_PER_KIND: usize = 10;

/// `mysql -N -e 'SHOW VARIABLES'` pasted without its command: no header, and each of the first
/// lines (three, or all there are) is `lower_snake_name<TAB>value`, one name with an underscore.
fn headerless_variables_start(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> bool {
    if hint.command.is_some() || (i > 0 && src.line(i - 1).contains('\t')) {
        return false;
    }
    let row = |j: usize| {
        let line = src.line(j);
        let Some((name, _)) = line.split_once('\t') else { return false };
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && name.as_bytes()[0].is_ascii_lowercase()
    };
    let n = src.lines.len();
    let rows = (i..n.min(i + 3)).take_while(|&j| row(j)).count();
    let underscore = (i..i + rows).any(|j| src.line(j).split('\t').next().is_some_and(|n| n.contains('_')));
    rows >= 3.min(n - i) && rows >= 2 && underscore
}

/// A variable listed twice (two pastes run together, or an edited dump): the last value counts, as
/// the settings model reads the rows in order; a note says so. One pass with a set of names.
fn note_duplicates(src: &Source<'_>, rs: &ResultSet, problems: &mut Vec<Problem>) {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::with_capacity(rs.rows.len());
    let (mut noted, mut more) = (0usize, 0usize);
    for row in &rs.rows {
        let Some(f) = rs.get(row, "Variable_name") else { continue };
        let name = rs.value(f, src.text);
        if !name.is_empty() && !seen.insert(name) {
            if noted < NOTES_PER_KIND {
                noted += 1;
                problems.push(Problem {
                    key: k::MYSQL_PROBLEM_DUPLICATE_VARIABLE,
                    args: vec![("name", name.to_owned())],
                    range: row.range,
                });
            } else {
                more += 1;
            }
        }
    }
    if let Some(last) = rs.rows.last() {
        more_notes(problems, noted + more, last.range);
    }
}

/// Parses `mysql -B` output: a header line of tab-separated names, then rows with the same number
/// of tab-separated values, escapes `\n \t \\ \0` decoded, `NULL` null. Ends at the first line with
/// another number of fields.
///
/// Two columns (`Variable_name`, `Value`): a row with more fields holds a raw tab in its value (the
/// client escapes it as `\t`; an editor or a copy may not): the value runs to the end of the line,
/// with a note. A last line without a tab is a table cut off mid-row: kept, with a note.
fn parse_tabs(src: &Source<'_>, i: usize, problems: &mut Vec<Problem>) -> (ResultSet, usize) {
    let n = src.lines.len();
    let header_line = src.line(i);
    let header: Vec<(&str, TextRange)> =
        header_line.split('\t').map(|c| (c.trim_ws(), src.range_in_line(i, c.trim_ws()))).collect();
    let mut rs = ResultSet {
        form: Form::Tabs,
        columns: header.iter().map(|(c, _)| (*c).to_owned()).collect(),
        ..ResultSet::default()
    };
    let mut j = i + 1;
    let mut tab_notes = 0usize;
    while j < n {
        let line = src.line(j);
        let mut parts: Vec<&str> = line.split('\t').collect();
        if header.len() == 2 && parts.len() > 2 && !parts[0].is_empty() {
            let (name, value) = line.split_once('\t').expect("has a tab");
            parts = vec![name, value];
            if tab_notes < NOTES_PER_KIND {
                problems.push(Problem {
                    key: k::MYSQL_PROBLEM_VALUE_WITH_TAB,
                    args: vec![("name", name.to_owned())],
                    range: src.lines[j].range,
                });
            }
            tab_notes += 1;
        }
        if parts.len() != header.len() {
            more_notes(problems, tab_notes, src.lines[j - 1].range);
            // The input's last line (blank lines aside), looked at only near the end: O(1).
            let last = n - j <= 3 && (j + 1..n).all(|l| src.line(l).trim_ws().is_empty());
            if header.len() == 2 && parts.len() == 1 && last && !line.trim_ws().is_empty() && j > i + 1 {
                problems.push(Problem {
                    key: k::MYSQL_PROBLEM_CUT_OFF,
                    args: vec![],
                    range: src.lines[j].range,
                });
                j += 1;
            }
            break;
        }
        rs.start_row(src.lines[j].range);
        for (col, ((_, nr), v)) in header.iter().zip(parts.iter()).enumerate() {
            rs.push_field(col, *nr, src.range_in_line(j, v), unescape_tabs(v), *v == "NULL");
        }
        rs.end_row();
        j += 1;
    }
    if j == n {
        more_notes(problems, tab_notes, src.lines[j - 1].range);
    }
    (rs, j)
}

/// "… and N more" after the first [`NOTES_PER_KIND`] of `count` notes of one kind.
fn more_notes(problems: &mut Vec<Problem>, count: usize, range: TextRange) {
    if count > NOTES_PER_KIND {
        problems.push(Problem {
            key: k::MYSQL_PROBLEM_MORE_NOTES,
            args: vec![("count", (count - NOTES_PER_KIND).to_string())],
            range,
        });
    }
}

/// `mysql -N -B -e "SHOW VARIABLES …"` prints no header: the first line is a variable too.
fn headerless_variables(src: &Source<'_>, i: usize, rs: &mut ResultSet) {
    if rs.columns.len() != 2 {
        return;
    }
    let line = src.line(i);
    let mut parts = line.split('\t');
    let (Some(n), Some(v)) = (parts.next(), parts.next()) else { return };
    // The header line is the first row: its fields go first, every row's names become empty
    // ranges at the row's start.
    let old_rows = std::mem::take(&mut rs.rows);
    let old_cells = std::mem::take(&mut rs.cells);
    let line_range = src.lines[i].range;
    rs.start_row(line_range);
    for (col, text) in [n, v].into_iter().enumerate() {
        let null = text == "NULL";
        rs.push_field(
            col,
            TextRange::empty(line_range.start),
            src.range_in_line(i, text),
            unescape_tabs(text),
            null,
        );
    }
    rs.end_row();
    for row in old_rows {
        rs.start_row(row.range);
        for f in old_cells.get(row.start as usize..row.end as usize).unwrap_or(&[]) {
            rs.cells.push(Field { name_range: TextRange::empty(row.range.start), ..*f });
        }
        rs.end_row();
    }
    rs.columns = vec!["Variable_name".to_owned(), "Value".to_owned()];
}

/// The decoded value of a `-B` cell, `None` when it holds no escape (the input's text is the value).
fn unescape_tabs(v: &str) -> Option<String> {
    if !v.contains('\\') {
        return None;
    }
    let mut out = String::with_capacity(v.len());
    let mut it = v.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('0') => out.push('\0'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::document::Hint;

    fn parse(text: &str, command: Option<&str>) -> Option<(ResultSet, usize, Vec<Problem>)> {
        let src = Source::new(0, "t", text);
        let hint = Hint { command, at_input_start: true };
        let c = recognize(&src, 0, &hint)?;
        match c.parsed {
            Parsed::Result(rs) => Some((rs, c.end, c.problems)),
            _ => None,
        }
    }

    /// The value of field `k` of row `r`.
    fn val<'a>(rs: &'a ResultSet, text: &'a str, r: usize, k: usize) -> &'a str {
        rs.value(&rs.fields(&rs.rows[r])[k], text)
    }

    /// The value of the field of row `r` named `name`.
    fn named<'a>(rs: &'a ResultSet, text: &'a str, r: usize, name: &str) -> &'a str {
        rs.value(rs.get(&rs.rows[r], name).unwrap(), text)
    }

    fn cell<'a>(text: &'a str, f: &Field) -> (&'a str, &'a str) {
        (&text[f.name_range.to_usize()], &text[f.value_range.to_usize()])
    }

    #[test]
    fn table_with_spaces_null_empty_and_summary() {
        let t = "+---------------+-------+------+\n\
                 | Variable_name | Value | x    |\n\
                 +---------------+-------+------+\n\
                 | a b           |       | NULL |\n\
                 | sync_relay_log| 10000 | 中文 |\n\
                 +---------------+-------+------+\n\
                 2 rows in set, 1 warning (0.00 sec)\n\
                 \n\
                 trailing\n";
        let (rs, end, problems) = parse(t, None).unwrap();
        assert_eq!(end, 7);
        assert!(problems.is_empty());
        assert_eq!(rs.kind, Some(DocKind::ShowVariables));
        assert_eq!(rs.columns, vec!["Variable_name", "Value", "x"]);
        assert_eq!(rs.rows.len(), 2);
        let r0 = &rs.rows[0];
        assert_eq!(val(&rs, t, 0, 0), "a b");
        assert_eq!(val(&rs, t, 0, 1), "");
        assert!(rs.fields(r0)[2].null);
        assert_eq!(cell(t, &rs.fields(&rs.rows[1])[1]), ("Value", "10000"));
        assert_eq!(cell(t, &rs.fields(&rs.rows[1])[2]).1, "中文");
        let s = rs.summary.unwrap();
        assert_eq!((s.rows, s.warnings), (2, 1));
    }

    #[test]
    fn table_value_with_pipe_uses_widths() {
        let t = "+---+-------+\n| a | b     |\n+---+-------+\n| 1 | x|y z |\n+---+-------+\n";
        let (rs, _, problems) = parse(t, None).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(val(&rs, t, 0, 1), "x|y z");
    }

    #[test]
    fn table_cell_spanning_lines() {
        let t = "+------------------+-------------------+---------------+\n\
| Slave_IO_Running | Executed_Gtid_Set | Auto_Position |\n\
+------------------+-------------------+---------------+\n\
| Yes              | 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n\
4f3c8a10-71ca-11e1-9e33-c80aa9429562:1-10 |             1 |\n\
+------------------+-------------------+---------------+\n\
1 row in set (0.00 sec)\n";
        let (rs, end, _) = parse(t, None).unwrap();
        assert_eq!(end, 7);
        assert_eq!(rs.kind, Some(DocKind::ReplicaStatus));
        let f = named(&rs, t, 0, "Executed_Gtid_Set");
        assert!(f.starts_with("3e11fa47") && f.ends_with(":1-10"));
        assert_eq!(named(&rs, t, 0, "Auto_Position"), "1");
    }

    #[test]
    fn vertical_with_continuations_and_channels() {
        let t = "*************************** 1. row ***************************\n\
\x20            Replica_IO_State: Waiting for source to send event\n\
\x20          Replica_IO_Running: Yes\n\
\x20                  Last_Error: \n\
\x20           Executed_Gtid_Set: 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n\
4f3c8a10-71ca-11e1-9e33-c80aa9429562:1-10\n\
\x20                Channel_Name: a\n\
*************************** 2. row ***************************\n\
\x20          Replica_IO_Running: No\n\
\x20                Channel_Name: b\n\
2 rows in set (0.00 sec)\n\
mysql> next\n";
        let (rs, end, problems) = parse(t, Some("SHOW REPLICA STATUS\\G")).unwrap();
        assert!(problems.is_empty());
        assert_eq!(end, 11);
        assert_eq!(rs.rows.len(), 2);
        assert_eq!(rs.kind, Some(DocKind::ReplicaStatus));
        let r0 = &rs.rows[0];
        assert_eq!(named(&rs, t, 0, "Last_Error"), "");
        let g = rs.get(r0, "Executed_Gtid_Set").unwrap();
        assert_eq!(rs.value(g, t).lines().count(), 2);
        assert!(t[g.value_range.to_usize()].ends_with("c80aa9429562:1-10"));
        assert_eq!(cell(t, rs.get(r0, "Channel_Name").unwrap()), ("Channel_Name", "a"));
        assert_eq!(named(&rs, t, 1, "Channel_Name"), "b");
    }

    #[test]
    fn empty_set_takes_kind_from_command() {
        let (rs, end, _) = parse("Empty set (0.00 sec)\n", Some("SHOW REPLICA STATUS\\G")).unwrap();
        assert_eq!(end, 1);
        assert_eq!(rs.kind, Some(DocKind::ReplicaStatus));
        assert!(rs.rows.is_empty());
        assert_eq!(rs.summary.unwrap().rows, 0);
    }

    #[test]
    fn classification_by_columns_and_command() {
        let c = |v: &[&str], cmd| classify(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>(), cmd);
        assert_eq!(c(&["Variable_name", "Value"], Some("SHOW GLOBAL STATUS")), DocKind::QueryResult);
        assert_eq!(c(&["Variable_name", "Value"], None), DocKind::ShowVariables);
        assert_eq!(c(&["VARIABLE_NAME", "VARIABLE_VALUE"], None), DocKind::ShowVariables);
        assert_eq!(c(&["CHANNEL_NAME", "GTID_ONLY"], None), DocKind::ConnectionConfiguration);
        assert_eq!(c(&["CHANNEL_NAME", "REQUIRE_ROW_FORMAT"], None), DocKind::ApplierConfiguration);
        assert_eq!(c(&["STATE", "ERROR_NO"], None), DocKind::CloneStatus);
        assert_eq!(c(&["STAGE", "STATE"], None), DocKind::CloneProgress);
        assert_eq!(c(&["@@global.gtid_mode"], None), DocKind::VariableQuery);
        assert_eq!(c(&["VERSION()"], None), DocKind::VariableQuery);
        assert_eq!(
            c(&["STATE"], Some("select state from performance_schema.clone_status;")),
            DocKind::CloneStatus
        );
        assert_eq!(c(&["a"], None), DocKind::QueryResult);
        assert_eq!(
            c(&["Variable_name", "Value"], Some("mysql -uroot -p -e \"SHOW GLOBAL STATUS LIKE 'x'\"")),
            DocKind::QueryResult
        );
        assert_eq!(c(&[], Some("sudo mysql --execute='SHOW REPLICA STATUS\\G'")), DocKind::ReplicaStatus);
    }

    #[test]
    fn tab_separated() {
        let t = "Variable_name\tValue\nsync_relay_log\t1\nrelay_log\tx\\ty\n";
        let (rs, end, _) = parse(t, None).unwrap();
        assert_eq!(end, 3);
        assert_eq!(rs.form, Form::Tabs);
        assert_eq!(val(&rs, t, 1, 1), "x\ty");
    }

    #[test]
    fn headerless_tab_variables_after_a_show_command() {
        let t = "sync_relay_log\t1\nrelay_log_recovery\tON\n";
        let (rs, end, _) = parse(t, Some("mysql -NBe \"SHOW GLOBAL VARIABLES LIKE '%relay%'\"")).unwrap();
        assert_eq!(end, 2);
        assert_eq!(rs.kind, Some(DocKind::ShowVariables));
        assert_eq!(rs.rows.len(), 2);
        assert_eq!(named(&rs, t, 0, "Variable_name"), "sync_relay_log");
        assert_eq!(named(&rs, t, 1, "Value"), "ON");
    }

    #[test]
    fn vertical_multi_line_error_with_colons() {
        let t = "*************************** 1. row ***************************\n\
\x20    Last_SQL_Errno: 1062\n\
\x20    Last_SQL_Error: Coordinator stopped because there were error(s) in the worker(s).\n\
Query: 'INSERT INTO t VALUES (1)'\n\
Error_code: MY-001062\n\
\x20      Channel_Name: \n\
1 row in set (0.00 sec)\n";
        let (rs, end, problems) = parse(t, None).unwrap();
        assert!(problems.is_empty());
        assert_eq!(end, 7);
        let e = named(&rs, t, 0, "Last_SQL_Error");
        assert_eq!(e.lines().count(), 3);
        assert!(e.ends_with("Error_code: MY-001062"));
        assert_eq!(rs.columns, vec!["Last_SQL_Errno", "Last_SQL_Error", "Channel_Name"]);
    }

    #[test]
    fn query_ok_lines() {
        let (rs, end, _) = parse(
            "Query OK, 1 row affected (0.01 sec)\nRows matched: 1  Changed: 1  Warnings: 0\nx\n",
            Some("UPDATE t SET a=1;"),
        )
        .unwrap();
        assert_eq!((rs.form, end), (Form::Ok, 2));
        assert_eq!(rs.kind, Some(DocKind::QueryResult));
    }

    #[test]
    fn multi_line_prompt_command_is_joined() {
        let t = "mysql> SELECT STATE\n    -> FROM performance_schema.clone_status;\n+-------+\n| STATE |\n+-------+\n| Completed |\n+-------+\n";
        let src = Source::new(0, "t", t);
        let hint = Hint { command: Some("FROM performance_schema.clone_status;"), at_input_start: false };
        let c = recognize(&src, 2, &hint).unwrap();
        assert_eq!(c.kind, DocKind::CloneStatus);
        let Parsed::Result(rs) = c.parsed else { panic!() };
        assert_eq!(rs.command.as_deref(), Some("SELECT STATE FROM performance_schema.clone_status;"));
    }

    #[test]
    fn commands_are_masked() {
        let t = "mysql> CHANGE REPLICATION SOURCE TO SOURCE_PASSWORD='hunter2';\nQuery OK, 0 rows affected (0.01 sec)\n";
        let src = Source::new(0, "t", t);
        let hint = Hint {
            command: Some("CHANGE REPLICATION SOURCE TO SOURCE_PASSWORD='hunter2';"),
            at_input_start: false,
        };
        let c = recognize(&src, 1, &hint).unwrap();
        assert!(!format!("{:?}", c).contains("hunter2"));
    }

    #[test]
    fn never_claims_plain_text() {
        assert!(parse("hello world\n", None).is_none());
        assert!(parse("Key: value\nOther: x\n", None).is_none());
        assert!(parse("+---+\n", None).is_none());
    }
}
