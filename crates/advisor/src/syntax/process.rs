//! Process views people paste: `ps` (any column set), `pstree -p`/`-ap`/`-A`, `/proc/<pid>/status`,
//! `/proc/<pid>/stat` and `/proc/<pid>/environ` (`runtime-and-launchers.md` §3).
//!
//! Grammar (procps-ng and psmisc sources **not verified**; the shapes are the common ones, §3):
//!
//! ```text
//! ps       = [ header ] row { row } ;
//! header   = column { column } ;                  (PID, PPID, CMD, COMMAND, ARGS, UID, USER, %CPU, …)
//! row      = field { field } command ;            (one whitespace-separated field per column; the
//!                                                  command column takes the words left over, so it
//!                                                  may hold spaces; `\_ ` forest marks are dropped)
//! headless = ef-row | aux-row ;                   (after `$ ps -ef | grep mysqld`, or alone when the
//!                                                  command names mysqld: UID PID PPID C STIME TTY
//!                                                  TIME CMD / USER PID %CPU %MEM VSZ RSS TTY STAT
//!                                                  START TIME COMMAND)
//! pstree   = line { line } ;                      (a node's parent is the nearest node to its left
//!                                                  on the tree: `name(pid)` chains for `-p`,
//!                                                  `name,pid args` for `-ap`; `{name}` threads are
//!                                                  skipped; box drawing or `-A`'s `---`, `|-`, `` `- ``)
//! status   = { [ "/proc/" pid "/status:" ] Key ":" ws value } ;   (Name, Pid, PPid, NSpid)
//! stat     = pid " (" comm ") " state " " ppid { " " field } ;   (comm may hold spaces and ")":
//!                                                  split after the LAST ")")
//! environ  = { NAME "=" value ( NUL | "^@" | EOL ) } ;   (`tr '\0' '\n'`, `xargs -0 -n1`,
//!                                                  `strings`, a raw `cat`; a raw `cat` whose NULs
//!                                                  were lost is one run-on line, split before each
//!                                                  `[A-Z_][A-Z0-9_]*=` as a guess, with a problem)
//! ```
//!
//! An environment is claimed after a prompt whose command names `/proc/<pid>/environ` (the PID is
//! taken from it), or, with no prompt, as a run of at least three `NAME=value` lines holding at
//! least two variables a process environment has and an environment file does not (`PATH`,
//! `HOME`, `INVOCATION_ID`, `MYSQLD_PARENT_PID`…). The output of `env` or `printenv` after a prompt
//! is not a process's environment (it is the shell's), so it is not claimed.

use crate::i18n::k;
use crate::text::{TextRange, TrimWs};

use crate::source::Source;
use crate::syntax::document::{Claim, DocKind, Hint, Label, Parsed, Problem};

/// Which view a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum View {
    /// `ps` output.
    Ps,
    /// `pstree -p` / `-ap`.
    Pstree,
    /// `/proc/<pid>/status`.
    Status,
    /// `/proc/<pid>/stat`.
    Stat,
    /// `/proc/<pid>/environ`.
    Environ,
}

/// One process as a view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Proc {
    pub pid: u32,
    /// The parent PID, when the view shows it (`ps aux` does not).
    pub ppid: Option<u32>,
    /// The command (a name, or a whole command line), forest marks removed.
    pub command: String,
    pub command_range: TextRange,
    /// `NSpid:` of `/proc/<pid>/status`: the PID in each nested PID namespace, outermost first.
    pub nspid: Vec<u32>,
    /// The line(s) it was read from.
    pub range: TextRange,
}

/// One `NAME=value` of an environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Var {
    pub name: String,
    pub value: String,
    pub name_range: TextRange,
    pub value_range: TextRange,
}

/// The parse of a process view.
#[derive(Clone, Debug)]
pub(crate) struct ProcessDoc {
    pub view: View,
    /// The PID named by the prompt's `/proc/<pid>/…` path.
    pub pid: Option<u32>,
    /// `ps`'s column names (empty for headerless rows and other views).
    pub columns: Vec<String>,
    /// The processes, in order (threads excluded).
    pub procs: Vec<Proc>,
    /// The environment's variables, in order (`View::Environ` only).
    pub vars: Vec<Var>,
    /// True when the environment was split heuristically (a run-on line).
    pub guessed_split: bool,
}

impl ProcessDoc {
    fn new(view: View, hint: &Hint<'_>) -> ProcessDoc {
        ProcessDoc {
            view,
            pid: hint.command.and_then(|c| proc_path(c).and_then(|(p, _)| p)),
            columns: Vec::new(),
            procs: Vec::new(),
            vars: Vec::new(),
            guessed_split: false,
        }
    }
}

/// Claims a process view starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    // Every form starts with a printable ASCII byte or a box-drawing character; most lines of
    // other kinds are rejected by the cheap checks of each form below.
    let file = hint.command.and_then(proc_path).map(|(_, f)| f);
    if let Some(c) = environ(src, i, hint, file) {
        return Some(c);
    }
    if file == Some(ProcFile::Environ) || hint.command.is_some_and(is_env_command) {
        return None;
    }
    if let Some(c) = status(src, i, hint, file) {
        return Some(c);
    }
    if let Some(c) = stat(src, i, hint, file) {
        return Some(c);
    }
    let first = first_word(hint.command.unwrap_or(""));
    if line.trim_start_ws().is_empty() || matches!(first, "top" | "htop" | "atop") {
        return None;
    }
    if let Some(c) = ps(src, i, hint, first == "ps" || pipes_ps(hint.command)) {
        return Some(c);
    }
    pstree(src, i, hint, first == "pstree")
}

// ---------------------------------------------------------------------------------------------
// Prompt commands

/// Which `/proc` file a command reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProcFile {
    Environ,
    Status,
    Stat,
}

/// The PID and file of the first `/proc/<pid>/<file>` in a command (`tr '\0' '\n' <
/// /proc/840/environ`, `cat /proc/$(pidof mysqld)/status`: no PID).
pub(crate) fn proc_path(cmd: &str) -> Option<(Option<u32>, ProcFile)> {
    let at = cmd.find("/proc/")?;
    let rest = &cmd[at + 6..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let pid = if digits > 0 && rest.as_bytes().get(digits) == Some(&b'/') {
        rest[..digits].parse::<u32>().ok()
    } else {
        None
    };
    let file = |name: &str| {
        let mut from = 0;
        while let Some(p) = rest[from..].find(name) {
            let end = from + p + name.len();
            if !rest.as_bytes().get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                return true;
            }
            from = end;
        }
        false
    };
    let f = if file("/environ") {
        ProcFile::Environ
    } else if file("/status") {
        ProcFile::Status
    } else if file("/stat") {
        ProcFile::Stat
    } else {
        return None;
    };
    Some((pid, f))
}

/// The first word of a command, after `sudo`.
fn first_word(cmd: &str) -> &str {
    let mut w = cmd.split_whitespace().skip_while(|w| *w == "sudo" || *w == "doas");
    w.next().unwrap_or("")
}

/// `… | ps …` or `ps … | grep …`: some stage of the pipeline is `ps`.
fn pipes_ps(cmd: Option<&str>) -> bool {
    cmd.is_some_and(|c| c.split(['|', ';', '&']).any(|stage| first_word(stage) == "ps"))
}

/// `env`, `printenv`, `set`, `export -p`: the shell's own environment, not a process's.
fn is_env_command(cmd: &str) -> bool {
    matches!(first_word(cmd), "env" | "printenv" | "set" | "export" | "declare")
}

// ---------------------------------------------------------------------------------------------
// ps

/// Column names `ps` prints (procps-ng `-o` headers), upper case. Unknown names are read as one
/// word each, with a problem.
const KNOWN_COLUMNS: &[&str] = &[
    "UID",
    "USER",
    "RUSER",
    "EUSER",
    "RUID",
    "EUID",
    "SUID",
    "FUID",
    "GID",
    "GROUP",
    "RGROUP",
    "EGROUP",
    "PID",
    "PPID",
    "PGID",
    "PGRP",
    "SID",
    "SESS",
    "TPGID",
    "TGID",
    "LWP",
    "SPID",
    "TID",
    "NLWP",
    "THCNT",
    "TTY",
    "TT",
    "STAT",
    "S",
    "C",
    "CP",
    "STIME",
    "START",
    "TIME",
    "ELAPSED",
    "ETIME",
    "ETIMES",
    "CMD",
    "COMMAND",
    "ARGS",
    "COMM",
    "UCMD",
    "UCOMM",
    "%CPU",
    "%MEM",
    "VSZ",
    "VSIZE",
    "RSS",
    "RSZ",
    "SZ",
    "NI",
    "PRI",
    "F",
    "WCHAN",
    "ADDR",
    "PSR",
    "CLS",
    "RTPRIO",
    "POL",
    "LABEL",
    "UNIT",
    "UUNIT",
    "SLICE",
    "CGROUP",
    "NS",
    "PIDNS",
    "MNTNS",
    "IPCNS",
    "NETNS",
    "USERNS",
    "UTSNS",
    "MACHINE",
    "SEAT",
    "OWNER",
    "STARTED",
    "LSTART",
    "MAJFL",
    "MINFL",
    "TRS",
    "DRS",
    "SIZE",
    "SHARE",
    "BLOCKED",
    "CAUGHT",
    "IGNORED",
    "PENDING",
    "SIZE",
    "ENVIRONMENT",
];

/// Columns whose value may hold spaces: the command (the words left over).
fn is_command_column(c: &str) -> bool {
    matches!(c, "CMD" | "COMMAND" | "ARGS" | "COMM" | "UCMD" | "UCOMM")
}

/// Columns `ps` prints as several words (`lstart`: `Fri Dec  4 19:13:43 2026`).
fn column_words(c: &str) -> usize {
    if c == "STARTED" || c == "LSTART" { 5 } else { 1 }
}

fn looks_like_column(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && b.len() <= 16
        && (b[0].is_ascii_uppercase() || b[0] == b'%')
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'%' | b'_' | b'-' | b'+'))
}

/// A `ps` header: upper-case column names, `PID` and a command column among them.
fn ps_header(line: &str) -> Option<Vec<&str>> {
    let t = line.trim_ws();
    if t.len() > 512 || !t.contains("PID") {
        return None;
    }
    let cols: Vec<&str> = t.split_whitespace().collect();
    if cols.len() < 2 || !cols.iter().all(|c| looks_like_column(c)) {
        return None;
    }
    if !cols.contains(&"PID") || !cols.iter().any(|c| is_command_column(c)) {
        return None;
    }
    // `top`'s task list (`PR`, `VIRT`, `RES`, `SHR`, `TIME+`) is not `ps` output.
    if cols.iter().any(|c| matches!(*c, "TIME+" | "VIRT" | "RES" | "SHR" | "PR")) {
        return None;
    }
    Some(cols)
}

/// The whitespace-separated fields of a line, as byte ranges into it.
fn fields(line: &str) -> Vec<(usize, usize)> {
    fields_upto(line, usize::MAX)
}

/// The first `max` fields of a line.
fn fields_upto(line: &str, max: usize) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < max {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let s = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        out.push((s, i));
    }
    out
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_float(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().any(|b| b.is_ascii_digit())
}

/// `00:00:05`, `1-02:03:04`, `0:05`.
fn is_cpu_time(s: &str) -> bool {
    let t = s.rsplit('-').next().unwrap_or(s);
    let parts: Vec<&str> = t.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The shape of a headerless row: which fields are the PID, the PPID and where the command starts.
#[derive(Clone, Copy)]
struct Shape {
    pid: usize,
    ppid: Option<usize>,
    command: usize,
}

/// `UID PID PPID C STIME TTY TIME CMD` (`ps -ef`).
const EF: Shape = Shape { pid: 1, ppid: Some(2), command: 7 };
/// `USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND` (`ps aux`).
const AUX: Shape = Shape { pid: 1, ppid: None, command: 10 };

fn headerless_shape(line: &str) -> Option<Shape> {
    // Cheap rejections first: this runs on every line nobody else claimed.
    if line.starts_with([' ', '\t']) || !line.contains(':') {
        return None;
    }
    let f = fields_upto(line, 11);
    let w = |k: usize| f.get(k).map(|&(s, e)| &line[s..e]).unwrap_or("");
    if f.len() >= 8 && num(w(1)).is_some() && num(w(2)).is_some() && num(w(3)).is_some() && is_cpu_time(w(6))
    {
        return Some(EF);
    }
    if f.len() >= 11
        && num(w(1)).is_some()
        && is_float(w(2))
        && is_float(w(3))
        && num(w(4)).is_some()
        && num(w(5)).is_some()
        && is_cpu_time(w(9))
    {
        return Some(AUX);
    }
    None
}

fn names_server(cmd: &str) -> bool {
    cmd.contains("mysqld") || cmd.contains("mariadbd")
}

/// The command text with `ps`'s forest marks (`\_ `, `|`) and surrounding blanks removed.
fn strip_forest(cmd: &str) -> &str {
    let mut t = cmd.trim_ws();
    loop {
        let u = t.trim_start_matches(['|', ' ', '\t']);
        let u = u.strip_prefix("\\_").unwrap_or(u).trim_start_ws();
        if u.len() == t.len() {
            return t;
        }
        t = u;
    }
}

/// One row read against `cols` (word counts per column; `cmd` the command column's index).
fn ps_row(src: &Source<'_>, j: usize, layout: &Layout) -> Option<Proc> {
    let line = src.line(j);
    let f = fields(line);
    // Fields before the command column, and after it.
    let before: usize = layout.words[..layout.command].iter().sum();
    let after: usize = layout.words[layout.command + 1..].iter().sum();
    if f.len() < before + after + 1 {
        // An empty command is allowed only when the command column is last and
        // everything else is there (a zombie's name is never empty, but `ps -o comm=` can be).
        if !(after == 0 && f.len() == before) {
            return None;
        }
    }
    let field_of = |col: usize| -> Option<&str> {
        let start: usize = layout.words[..col].iter().sum();
        if col > layout.command {
            let from_end: usize = layout.words[col..].iter().sum();
            let k = f.len().checked_sub(from_end)?;
            return f.get(k).map(|&(s, e)| &line[s..e]);
        }
        f.get(start).map(|&(s, e)| &line[s..e])
    };
    let pid = num(field_of(layout.pid)?)?;
    let ppid = match layout.ppid {
        Some(c) => Some(num(field_of(c)?)?),
        None => None,
    };
    let base = src.lines[j].range.start;
    let (cmd, command_range) = if f.len() > before + after {
        let s = f[before].0;
        let e = f[f.len() - after - 1].1;
        let c = strip_forest(&line[s..e]);
        (c, src.range_in_line(j, c))
    } else {
        ("", TextRange::empty(base + line.len() as u32))
    };
    let range = src.range_in_line(j, line.trim_ws());
    Some(Proc { pid, ppid, command: cmd.to_owned(), command_range, nspid: Vec::new(), range })
}

/// Where the columns that matter are, and how many words each takes.
struct Layout {
    words: Vec<usize>,
    pid: usize,
    ppid: Option<usize>,
    command: usize,
}

fn layout_of(cols: &[&str]) -> Option<Layout> {
    let pid = cols.iter().position(|c| *c == "PID")?;
    let ppid = cols.iter().position(|c| *c == "PPID");
    // The command column: the last one that is (ps prints `args` last in every standard format).
    let command = cols.iter().rposition(|c| is_command_column(c))?;
    Some(Layout { words: cols.iter().map(|c| column_words(c)).collect(), pid, ppid, command })
}

fn shape_layout(s: Shape) -> Layout {
    let n = s.command + 1;
    Layout { words: vec![1; n], pid: s.pid, ppid: s.ppid, command: s.command }
}

fn ps(src: &Source<'_>, i: usize, hint: &Hint<'_>, by_prompt: bool) -> Option<Claim> {
    let line = src.line(i);
    let mut doc = ProcessDoc::new(View::Ps, hint);
    let mut problems = Vec::new();
    let (layout, first_row) = if let Some(cols) = ps_header(line) {
        let layout = layout_of(&cols)?;
        for c in &cols {
            if !KNOWN_COLUMNS.contains(c) {
                problems.push(Problem {
                    key: k::PROCESS_PROBLEM_UNKNOWN_COLUMN,
                    args: vec![("column", (*c).to_owned())],
                    range: src.range_in_line(i, c),
                });
            }
        }
        doc.columns = cols.iter().map(|c| (*c).to_owned()).collect();
        (layout, i + 1)
    } else {
        let shape = headerless_shape(line)?;
        if !by_prompt {
            // Alone, a headerless row is claimed only when it is clearly about the server.
            let f = fields_upto(line, shape.command + 1);
            let cmd = f.get(shape.command).map(|&(s, _)| &line[s..]).unwrap_or("");
            if !names_server(cmd) {
                return None;
            }
        }
        (shape_layout(shape), i)
    };
    let mut j = first_row;
    while j < src.lines.len() {
        match ps_row(src, j, &layout) {
            Some(p) => doc.procs.push(p),
            None => break,
        }
        j += 1;
    }
    let end = j.max(i + 1);
    Some(claim(DocKind::ProcessList, end, doc, problems))
}

// ---------------------------------------------------------------------------------------------
// pstree

/// A character that draws the tree (box drawing, or `-A`'s ASCII), or a blank.
fn is_connector(c: char) -> bool {
    matches!(c, ' ' | '\t' | '-' | '+' | '|' | '`') || ('\u{2500}'..='\u{257F}').contains(&c)
}

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// One node of a tree line.
struct Node<'a> {
    /// Column (in characters) where its name starts.
    col: usize,
    name: &'a str,
    pid: Option<u32>,
    /// `-a`: the arguments after the name.
    args: &'a str,
    thread: bool,
}

/// The nodes of one `pstree` line, left to right. Linear in the line.
fn tree_nodes(line: &str) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        while k < chars.len() && is_connector(chars[k].1) {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let col = k;
        let start = chars[k].0;
        // Scan the token: it ends at `(digits)`, at a blank or box character, or at a `,digits`
        // followed by a blank or the end (`-a`).
        let mut m = k;
        let mut node = None;
        while m < chars.len() {
            let c = chars[m].1;
            if c == ' ' || c == '\t' || is_box(c) {
                break;
            }
            if c == '(' && m > k {
                let mut d = m + 1;
                while d < chars.len() && chars[d].1.is_ascii_digit() {
                    d += 1;
                }
                if d > m + 1 && d < chars.len() && chars[d].1 == ')' {
                    let name = &line[start..chars[m].0];
                    let pid = line[chars[m + 1].0..chars[d].0].parse().ok();
                    node = Some((Node { col, name, pid, args: "", thread: name.starts_with('{') }, d + 1));
                    break;
                }
            }
            m += 1;
        }
        if let Some((n, next)) = node {
            out.push(n);
            k = next;
            continue;
        }
        // `-a`: `name,pid args` (one node per line, the rest is its command line).
        let tok_end = chars.get(m).map_or(line.len(), |c| c.0);
        let tok = &line[start..tok_end];
        let (name, pid) = match tok.rsplit_once(',') {
            Some((n, p)) if !n.is_empty() && num(p).is_some() => (n, num(p)),
            _ => (tok, None),
        };
        let args = line[tok_end..].trim_ws();
        out.push(Node { col, name, pid, args, thread: name.starts_with('{') });
        break;
    }
    out
}

/// A line that starts a tree without a prompt: `name(pid)` then a connector (`systemd(1)─┬─…`,
/// `systemd(1)---mysqld(840)`), or `name,pid …` followed by an indented `├─`/`|-` line.
fn starts_tree(src: &Source<'_>, i: usize) -> bool {
    let line = src.line(i);
    if line.starts_with([' ', '\t']) || line.len() > 64 * 1024 {
        return false;
    }
    let chain = line.contains('─') || line.contains("---") || line.contains("-+-");
    if !chain && !continues_tree(src.line(i + 1)) {
        return false;
    }
    let nodes = tree_nodes(line);
    let Some(first) = nodes.first() else { return false };
    if first.pid.is_none() || first.col != 0 {
        return false;
    }
    if nodes.len() >= 2 && nodes[1].pid.is_some() {
        let between = &line[first.name.len()..];
        return between.contains('─') || between.contains("---") || between.contains("-+-");
    }
    if first.args.is_empty() && !line.contains(',') {
        return false;
    }
    let next = src.line(i + 1).trim_start_ws();
    next.starts_with(['├', '└', '│', '|', '`'])
}

/// A line that continues a tree: blanks and connectors, then a node.
fn continues_tree(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']);
    t.starts_with(['├', '└', '│', '|', '`'])
}

fn pstree(src: &Source<'_>, i: usize, hint: &Hint<'_>, by_prompt: bool) -> Option<Claim> {
    if !by_prompt && !starts_tree(src, i) {
        return None;
    }
    let first = src.line(i);
    if by_prompt && tree_nodes(first).is_empty() {
        return None;
    }
    let mut doc = ProcessDoc::new(View::Pstree, hint);
    // Nodes to the left of the current one: (column, pid); a node's parent is the last one whose
    // column is smaller.
    let mut stack: Vec<(usize, Option<u32>)> = Vec::new();
    let mut j = i;
    let mut any_pid = false;
    while j < src.lines.len() {
        let line = src.line(j);
        if j > i && (line.trim_ws().is_empty() || !(continues_tree(line) || starts_tree(src, j))) {
            break;
        }
        for n in tree_nodes(line) {
            while stack.last().is_some_and(|&(c, _)| c >= n.col) {
                stack.pop();
            }
            if n.thread {
                continue;
            }
            // The root's parent is not shown.
            let ppid = stack.last().and_then(|&(_, p)| p);
            stack.push((n.col, n.pid));
            let Some(pid) = n.pid else { continue };
            any_pid = true;
            let command =
                if n.args.is_empty() { n.name.to_owned() } else { format!("{} {}", n.name, n.args) };
            let s = src.range_in_line(j, n.name);
            let command_range = if n.args.is_empty() { s } else { s.cover(src.range_in_line(j, n.args)) };
            doc.procs.push(Proc {
                pid,
                ppid,
                command,
                command_range,
                nspid: Vec::new(),
                range: src.range_in_line(j, line.trim_ws()),
            });
        }
        j += 1;
    }
    let mut problems = Vec::new();
    if !any_pid {
        problems.push(Problem {
            key: k::PROCESS_PROBLEM_PSTREE_NO_PIDS,
            args: Vec::new(),
            range: src.range_in_line(i, first.trim_ws()),
        });
    }
    Some(claim(DocKind::ProcessList, j.max(i + 1), doc, problems))
}

// ---------------------------------------------------------------------------------------------
// /proc/<pid>/status and /proc/<pid>/stat

/// `[/proc/840/status:]Key:\tvalue` → (prefix pid, key, value).
fn status_line(line: &str) -> Option<(Option<u32>, &str, &str)> {
    let mut t = line.trim_end_ws();
    let mut prefix = None;
    if let Some(rest) = t.strip_prefix("/proc/") {
        let (p, r) = rest.split_once("/status:")?;
        prefix = Some(num(p)?);
        t = r;
    }
    let (key, value) = t.split_once(':')?;
    let ok = !key.is_empty()
        && key.len() <= 32
        && key.as_bytes()[0].is_ascii_alphabetic()
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !ok || !(value.is_empty() || value.starts_with(['\t', ' '])) {
        return None;
    }
    Some((prefix, key, value.trim_ws()))
}

fn status(src: &Source<'_>, i: usize, hint: &Hint<'_>, file: Option<ProcFile>) -> Option<Claim> {
    let (_, key, _) = status_line(src.line(i))?;
    let by_prompt = file == Some(ProcFile::Status);
    if !by_prompt {
        // Alone: `Name:` with `PPid:` within the next lines (proc(5) prints Name first and PPid
        // within the first ten lines).
        if key != "Name" {
            return None;
        }
        let found = (i + 1..(i + 10).min(src.lines.len()))
            .map_while(|j| status_line(src.line(j)))
            .any(|(_, k, _)| k == "PPid");
        if !found {
            return None;
        }
    }
    let mut doc = ProcessDoc::new(View::Status, hint);
    let mut cur: Option<(Option<u32>, Proc)> = None;
    let mut j = i;
    let empty = |at: u32| Proc {
        pid: 0,
        ppid: None,
        command: String::new(),
        command_range: TextRange::empty(at),
        nspid: Vec::new(),
        range: TextRange::empty(at),
    };
    let finish = |cur: Option<(Option<u32>, Proc)>, doc: &mut ProcessDoc| {
        if let Some((prefix, mut p)) = cur {
            if p.pid == 0 {
                p.pid = prefix.or(doc.pid).unwrap_or(0);
            }
            if p.pid != 0 {
                doc.procs.push(p);
            }
        }
    };
    while j < src.lines.len() {
        let line = src.line(j);
        let Some((prefix, key, value)) = status_line(line) else { break };
        let at = src.lines[j].range.start;
        let new_record = match &cur {
            None => true,
            Some((p, _)) => key == "Name" || (prefix.is_some() && *p != prefix),
        };
        if new_record {
            finish(cur.take(), &mut doc);
            cur = Some((prefix, empty(at)));
        }
        if let Some((_, p)) = cur.as_mut() {
            let r = src.range_in_line(j, line.trim_ws());
            p.range = if p.range.is_empty() { r } else { p.range.cover(r) };
            match key {
                "Name" => {
                    p.command = value.to_owned();
                    p.command_range = src.range_in_line(j, value);
                }
                "Pid" => p.pid = num(value).unwrap_or(0),
                "PPid" => p.ppid = num(value),
                "NSpid" => p.nspid = value.split_whitespace().filter_map(num).collect(),
                _ => {}
            }
        }
        j += 1;
    }
    finish(cur, &mut doc);
    Some(claim(DocKind::ProcStatus, j.max(i + 1), doc, Vec::new()))
}

/// `840 (mysqld) S 1 840 840 0 -1 …` → pid, comm (its range in `line`), state, ppid, how many
/// fields follow the comm.
fn stat_line(line: &str) -> Option<(u32, &str, u32, usize)> {
    let t = line.trim_ws();
    let (pid, rest) = t.split_once(" (")?;
    let pid = num(pid)?;
    let close = rest.rfind(')')?;
    let comm = &rest[..close];
    let after = rest[close + 1..].trim_ws();
    let mut w = after.split_whitespace();
    let state = w.next()?;
    if state.len() != 1 || !"RSDZTtWXxKPI".contains(state) {
        return None;
    }
    let ppid = num(w.next()?)?;
    let more =
        w.take(64).filter(|f| f.strip_prefix('-').unwrap_or(f).bytes().all(|b| b.is_ascii_digit())).count();
    Some((pid, comm, ppid, more))
}

fn stat(src: &Source<'_>, i: usize, hint: &Hint<'_>, file: Option<ProcFile>) -> Option<Claim> {
    let (_, _, _, more) = stat_line(src.line(i))?;
    if file != Some(ProcFile::Stat) && more < 10 {
        return None;
    }
    let mut doc = ProcessDoc::new(View::Stat, hint);
    let mut j = i;
    while j < src.lines.len() {
        let line = src.line(j);
        let Some((pid, comm, ppid, _)) = stat_line(line) else { break };
        doc.procs.push(Proc {
            pid,
            ppid: Some(ppid),
            command: comm.to_owned(),
            command_range: src.range_in_line(j, comm),
            nspid: Vec::new(),
            range: src.range_in_line(j, line.trim_ws()),
        });
        j += 1;
    }
    Some(claim(DocKind::ProcStatus, j.max(i + 1), doc, Vec::new()))
}

// ---------------------------------------------------------------------------------------------
// /proc/<pid>/environ

/// A run of `NAME=value` lines with no prompt is decided within this many lines.
const DECIDE_WITHIN: usize = 32;

/// Variables a process's environment has and an environment file does not set.
const PROCESS_VARS: &[&str] = &[
    "PATH",
    "HOME",
    "HOSTNAME",
    "LANG",
    "USER",
    "LOGNAME",
    "SHELL",
    "PWD",
    "TERM",
    "SHLVL",
    "MYSQLD_PARENT_PID",
    "NOTIFY_SOCKET",
    "INVOCATION_ID",
    "JOURNAL_STREAM",
    "MANAGERPID",
    "SYSTEMD_EXEC_PID",
    "LISTEN_PID",
    "LISTEN_FDS",
    "MEMORY_PRESSURE_WATCH",
    "container",
    "_",
];

/// Of [`PROCESS_VARS`], those an environment file practically never sets: one must be there.
const STRONG_VARS: &[&str] = &[
    "PATH",
    "HOSTNAME",
    "LOGNAME",
    "SHLVL",
    "PWD",
    "NOTIFY_SOCKET",
    "INVOCATION_ID",
    "JOURNAL_STREAM",
    "MANAGERPID",
    "SYSTEMD_EXEC_PID",
    "_",
];

/// Names the run-on split prefers when a run of capitals ends with one of them (`XTERMHOME=`).
const SPLIT_NAMES: &[&str] = &[
    "PATH",
    "HOME",
    "HOSTNAME",
    "LANG",
    "LC_ALL",
    "USER",
    "LOGNAME",
    "SHELL",
    "PWD",
    "TERM",
    "SHLVL",
    "TZ",
    "MYSQLD_PARENT_PID",
    "MYSQL_ROOT_PASSWORD",
    "MYSQL_PASSWORD",
    "MYSQL_PWD",
    "MYSQL_USER",
    "MYSQL_DATABASE",
    "MYSQL_HOME",
    "NOTIFY_SOCKET",
    "INVOCATION_ID",
    "JOURNAL_STREAM",
    "MANAGERPID",
    "SYSTEMD_EXEC_PID",
];

/// `NAME=` at the start of `s`: the name.
fn var_name(s: &str) -> Option<&str> {
    let eq = s.find('=')?;
    let name = &s[..eq];
    let b = name.as_bytes();
    let ok = !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
    ok.then_some(name)
}

/// Splits a line into its NUL-separated pieces (`\0`, or `^@` as `cat -v` shows it).
fn nul_pieces(line: &str) -> impl Iterator<Item = &str> {
    line.split('\0').flat_map(|p| p.split("^@")).filter(|p| !p.trim_ws().is_empty())
}

fn has_nul(line: &str) -> bool {
    line.contains('\0') || line.contains("^@")
}

/// The run-on split points of `s` (a raw environ whose NULs were lost): byte offsets where a
/// `NAME=` starts after the first. Linear: each `=` walks back over capitals only.
fn run_on_splits(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let Some(first) = var_name(s) else { return Vec::new() };
    let mut out = Vec::new();
    let mut floor = first.len() + 1; // a split must leave the previous name its `=`
    let mut e = floor;
    while let Some(p) = s[e..].find('=') {
        let eq = e + p;
        let mut st = eq;
        while st > floor
            && (b[st - 1].is_ascii_uppercase() || b[st - 1].is_ascii_digit() || b[st - 1] == b'_')
        {
            st -= 1;
        }
        let run = &s[st..eq];
        let name_start = match SPLIT_NAMES.iter().filter(|n| run.ends_with(*n)).map(|n| n.len()).max() {
            Some(l) => eq - l,
            None => st + run.bytes().take_while(u8::is_ascii_digit).count(),
        };
        if name_start < eq && (b[name_start].is_ascii_uppercase() || b[name_start] == b'_') {
            out.push(name_start);
            floor = eq + 1;
        }
        e = eq + 1;
    }
    out
}

fn environ(src: &Source<'_>, i: usize, hint: &Hint<'_>, file: Option<ProcFile>) -> Option<Claim> {
    let line = src.line(i);
    let by_prompt = file == Some(ProcFile::Environ);
    if !by_prompt && hint.command.is_some() {
        // After a prompt, only a command that names `/proc/<pid>/environ` prints a process's
        // environment (`env` and `printenv` print the shell's).
        return None;
    }
    let t = line.trim_ws();
    if t.is_empty() {
        return None;
    }
    let nul = has_nul(t);
    let first = var_name(t);
    if !nul && first.is_none() {
        return None;
    }
    // Alone, a run starts with a process variable or an upper-case name (option-file lines are
    // lower case: rejected here, without looking ahead).
    let upper = |n: &str| PROCESS_VARS.contains(&n) || n.bytes().all(|b| !b.is_ascii_lowercase());
    if !by_prompt && !nul && !first.is_some_and(upper) {
        return None;
    }
    if !by_prompt {
        // An input named as an environment file is one, whatever its lines.
        if src.name.starts_with("/etc/sysconfig/")
            || src.name.starts_with("/etc/default/")
            || src.name.ends_with(".env")
        {
            return None;
        }
        // Alone: at least three variables (lines, or NUL-separated pieces, or a run-on line)
        // with two a process environment has; decided within the first lines of a run.
        // An environment file: a comment before the run, or quoted values (a process's
        // environment is printed raw).
        let comment_before = i > 0 && src.line(i - 1).trim_start_ws().starts_with('#');
        if comment_before {
            return None;
        }
        let mut quoted = false;
        let mut names: Vec<&str> = Vec::new();
        if nul {
            names.extend(nul_pieces(t).filter_map(var_name));
        } else {
            let splits = run_on_splits(t);
            if splits.len() >= 2 {
                let mut at = 0;
                for &s in splits.iter().chain(std::iter::once(&t.len())) {
                    names.extend(var_name(&t[at..s]));
                    at = s;
                }
            } else {
                for j in i..(i + DECIDE_WITHIN).min(src.lines.len()) {
                    let l = src.line(j).trim_ws();
                    match var_name(l) {
                        Some(n) => {
                            quoted |= l[n.len() + 1..].starts_with(['"', '\'']);
                            names.push(n);
                        }
                        None => break,
                    }
                }
            }
        }
        let known = names.iter().filter(|n| PROCESS_VARS.contains(n)).count();
        let strong = names.iter().any(|n| STRONG_VARS.contains(n));
        if names.len() < 3 || known < 2 || !strong || quoted {
            return None;
        }
    }
    let mut doc = ProcessDoc::new(View::Environ, hint);
    let mut problems = Vec::new();
    let mut j = i;
    while j < src.lines.len() {
        let line = src.line(j);
        let t = line.trim_ws();
        if t.is_empty() || (j > i && !has_nul(t) && var_name(t).is_none()) {
            break;
        }
        if has_nul(t) {
            for piece in nul_pieces(t) {
                push_var(src, j, piece.trim_ws(), &mut doc.vars);
            }
        } else if j == i && !next_is_var(src, j + 1) && run_on_splits(t).len() >= 2 {
            let splits = run_on_splits(t);
            let mut at = 0;
            for &s in splits.iter().chain(std::iter::once(&t.len())) {
                push_var(src, j, &t[at..s], &mut doc.vars);
                at = s;
            }
            doc.guessed_split = true;
            problems.push(Problem {
                key: k::PROCESS_PROBLEM_RUN_ON,
                args: vec![("line", src.lines[j].number.to_string())],
                range: src.range_in_line(j, t),
            });
        } else {
            push_var(src, j, t, &mut doc.vars);
        }
        j += 1;
    }
    if doc.vars.is_empty() {
        return None;
    }
    Some(claim(DocKind::ProcEnviron, j.max(i + 1), doc, problems))
}

fn next_is_var(src: &Source<'_>, j: usize) -> bool {
    j < src.lines.len() && var_name(src.line(j).trim_ws()).is_some()
}

fn push_var(src: &Source<'_>, j: usize, piece: &str, vars: &mut Vec<Var>) {
    let Some(name) = var_name(piece) else { return };
    let value = &piece[name.len() + 1..];
    let name_range = src.range_in_line(j, name);
    let value_range =
        if value.is_empty() { TextRange::empty(name_range.end + 1) } else { src.range_in_line(j, value) };
    vars.push(Var { name: name.to_owned(), value: value.to_owned(), name_range, value_range });
}

// ---------------------------------------------------------------------------------------------

fn claim(kind: DocKind, end: usize, doc: ProcessDoc, problems: Vec<Problem>) -> Claim {
    let label = label(&doc);
    let name = match doc.view {
        View::Ps => Some("ps".to_owned()),
        View::Pstree => Some("pstree".to_owned()),
        View::Status | View::Stat | View::Environ => doc.pid.map(|p| p.to_string()),
    };
    Claim { kind, end, name, label: Some(label), parsed: Parsed::Process(doc), problems }
}

fn label(doc: &ProcessDoc) -> Label {
    let count = doc.procs.len().to_string();
    match doc.view {
        View::Ps | View::Pstree => {
            let tool = if doc.view == View::Ps { "ps" } else { "pstree" };
            let server = doc.procs.iter().find(|p| {
                let first = p.command.split_whitespace().next().unwrap_or("");
                let base = first.rsplit('/').next().unwrap_or(first);
                matches!(base, "mysqld" | "mariadbd" | "mysqld-debug")
            });
            match server {
                Some(p) => Label {
                    key: k::PROCESS_LABEL_LIST_SERVER,
                    args: vec![
                        ("tool", tool.to_owned()),
                        ("count", count),
                        ("pid", p.pid.to_string()),
                        ("ppid", p.ppid.map_or_else(|| "?".to_owned(), |v| v.to_string())),
                    ],
                },
                None => Label {
                    key: k::PROCESS_LABEL_LIST,
                    args: vec![("tool", tool.to_owned()), ("count", count)],
                },
            }
        }
        View::Status | View::Stat => {
            let file = if doc.view == View::Status { "status" } else { "stat" };
            let p = doc.procs.first();
            Label {
                key: k::PROCESS_LABEL_PROC,
                args: vec![
                    ("file", file.to_owned()),
                    ("pid", p.map(|p| p.pid).or(doc.pid).map_or_else(|| "?".to_owned(), |v| v.to_string())),
                    ("name", p.map_or_else(|| "?".to_owned(), |p| p.command.clone())),
                    ("ppid", p.and_then(|p| p.ppid).map_or_else(|| "?".to_owned(), |v| v.to_string())),
                ],
            }
        }
        View::Environ => {
            let count = doc.vars.len().to_string();
            match doc.pid {
                Some(pid) => Label {
                    key: k::PROCESS_LABEL_ENVIRON,
                    args: vec![("pid", pid.to_string()), ("count", count)],
                },
                None => Label { key: k::PROCESS_LABEL_ENVIRON_NO_PID, args: vec![("count", count)] },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, command: Option<&str>) -> Option<(ProcessDoc, usize, Vec<Problem>)> {
        let s = Source::new(0, "input 1", text);
        let c = recognize(&s, 0, &Hint { command, at_input_start: command.is_none() })?;
        let Parsed::Process(doc) = c.parsed else { panic!("a process view") };
        Some((doc, c.end, c.problems))
    }

    fn procs(doc: &ProcessDoc) -> Vec<(u32, Option<u32>, &str)> {
        doc.procs.iter().map(|p| (p.pid, p.ppid, p.command.as_str())).collect()
    }

    #[test]
    fn ps_with_a_header_reads_the_command_with_its_spaces() {
        let text = "UID          PID    PPID  C STIME TTY          TIME CMD\n\
                    mysql        840       1  2 Mar11 ?        01:12:09 /usr/sbin/mysqld --user=mysql  --x\n\
                    \n";
        let (doc, end, problems) = parse(text, None).expect("claim");
        assert_eq!(end, 2);
        assert!(problems.is_empty());
        assert_eq!(procs(&doc), [(840, Some(1), "/usr/sbin/mysqld --user=mysql  --x")]);
        let s = Source::new(0, "x", text);
        assert_eq!(s.slice(doc.procs[0].command_range), "/usr/sbin/mysqld --user=mysql  --x");
    }

    #[test]
    fn ps_columns_in_any_order_and_lstart() {
        let text = "  PID COMMAND                      PPID\n  840 /usr/sbin/mysqld --a --b         1\n";
        let (doc, _, _) = parse(text, None).expect("claim");
        assert_eq!(procs(&doc), [(840, Some(1), "/usr/sbin/mysqld --a --b")]);
        let text = "  PID  PPID                  STARTED CMD\n  840     1 Fri Dec  4 19:13:43 2026 mysqld\n";
        let (doc, _, _) = parse(text, None).expect("claim");
        assert_eq!(procs(&doc), [(840, Some(1), "mysqld")]);
    }

    #[test]
    fn forest_marks_are_dropped() {
        let text = "  PPID   PID  PGID   SID TTY   TPGID STAT   UID   TIME COMMAND\n   820   990   820   820 ?        -1 Sl      27  52:13  \\_ /usr/sbin/mysqld\n";
        let (doc, _, _) = parse(text, None).expect("claim");
        assert_eq!(procs(&doc), [(990, Some(820), "/usr/sbin/mysqld")]);
    }

    #[test]
    fn headerless_rows_need_a_prompt_or_mysqld() {
        let row = "root      2231     1  0 09:58 ?        00:00:00 /bin/sh /usr/local/bin/start.sh\n";
        assert!(parse(row, None).is_none());
        let (doc, _, _) = parse(row, Some("ps -ef | grep start")).expect("claim");
        assert_eq!(procs(&doc), [(2231, Some(1), "/bin/sh /usr/local/bin/start.sh")]);
        let mysqld = "mysql      840     1  0 09:58 ?        00:00:05 /usr/sbin/mysqld\n";
        assert!(parse(mysqld, None).is_some());
        // `top`'s task list and a netstat line are not `ps`.
        assert!(
            parse("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n", None)
                .is_none()
        );
        assert!(parse("tcp6  0  0 :::3306  :::*  LISTEN  840/mysqld\n", Some("netstat -tlnp")).is_none());
    }

    #[test]
    fn pstree_parents_come_from_the_columns() {
        let text = "systemd(1)─┬─agetty(780)\n           ├─mysqld(840)─┬─{mysqld}(845)\n           │             └─{mysqld}(846)\n           └─sshd(905)───sshd(24012)\n";
        let (doc, end, _) = parse(text, None).expect("claim");
        assert_eq!(end, 4);
        assert_eq!(
            procs(&doc),
            [
                (1, None, "systemd"),
                (780, Some(1), "agetty"),
                (840, Some(1), "mysqld"),
                (905, Some(1), "sshd"),
                (24012, Some(905), "sshd")
            ]
        );
        let ascii = "systemd(1)-+-systemd-journal(500)\n           `-sh(830)---mysqld(840)\n";
        let (doc, _, _) = parse(ascii, None).expect("claim");
        assert_eq!(
            procs(&doc),
            [
                (1, None, "systemd"),
                (500, Some(1), "systemd-journal"),
                (830, Some(1), "sh"),
                (840, Some(830), "mysqld")
            ]
        );
    }

    #[test]
    fn pstree_with_arguments() {
        let text = "systemd,1 --system\n  ├─mysqld_safe,820 /usr/bin/mysqld_safe\n  │   └─mysqld,990 --user=mysql\n  │       └─{mysqld},995\n  └─sshd,905 -D\n";
        let (doc, _, _) = parse(text, None).expect("claim");
        assert_eq!(
            procs(&doc),
            [
                (1, None, "systemd --system"),
                (820, Some(1), "mysqld_safe /usr/bin/mysqld_safe"),
                (990, Some(820), "mysqld --user=mysql"),
                (905, Some(1), "sshd -D")
            ]
        );
        let (_, _, problems) = parse("systemd─┬─mysqld───37*[{mysqld}]\n", Some("pstree")).expect("claim");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn status_and_stat() {
        let (doc, _, _) = parse("Name:\tmysqld\nPid:\t1\nPPid:\t0\nNSpid:\t48213\t1\n", None).expect("claim");
        assert_eq!(procs(&doc), [(1, Some(0), "mysqld")]);
        assert_eq!(doc.procs[0].nspid, [48213, 1]);
        let (doc, _, _) = parse("PPid:\t1\n", Some("grep PPid /proc/840/status")).expect("claim");
        assert_eq!(procs(&doc), [(840, Some(1), "")]);
        assert!(parse("PPid:\t1\n", None).is_none());
        let stat = "2231 (start) mysql.sh) S 1 2231 2231 0 -1 4194560 1411 2896 0 0 0 0 0 0 20 0 1 0\n";
        let (doc, _, _) = parse(stat, None).expect("claim");
        assert_eq!(procs(&doc), [(2231, Some(1), "start) mysql.sh")]);
        assert!(parse("1 (x) S 0\n", None).is_none());
        assert!(parse("1 (x) S 0\n", Some("cat /proc/1/stat")).is_some());
    }

    #[test]
    fn environ_forms_and_pid() {
        let cmd = Some("tr '\\0' '\\n' < /proc/840/environ");
        let (doc, end, _) = parse("LANG=C\nMYSQLD_PARENT_PID=1\n\nx\n", cmd).expect("claim");
        assert_eq!((doc.pid, end), (Some(840), 2));
        assert_eq!(doc.vars[1].name, "MYSQLD_PARENT_PID");
        let (doc, _, _) = parse("A=1\0B=x y\0\0", Some("cat /proc/self/environ")).expect("claim");
        assert_eq!(doc.pid, None);
        let got: Vec<(&str, &str)> = doc.vars.iter().map(|v| (v.name.as_str(), v.value.as_str())).collect();
        assert_eq!(got, [("A", "1"), ("B", "x y")]);
        let text = "MYSQLD_PARENT_PID=1HOME=/var/lib/mysqlLANG=CTERM=XTERMPATH=/bin\n";
        let (doc, _, problems) = parse(text, Some("cat /proc/9/environ")).expect("claim");
        let got: Vec<(&str, &str)> = doc.vars.iter().map(|v| (v.name.as_str(), v.value.as_str())).collect();
        assert_eq!(
            got,
            [
                ("MYSQLD_PARENT_PID", "1"),
                ("HOME", "/var/lib/mysql"),
                ("LANG", "C"),
                ("TERM", "XTERM"),
                ("PATH", "/bin")
            ]
        );
        assert!(doc.guessed_split && problems.len() == 1);
        let s = Source::new(0, "x", text);
        assert_eq!(s.slice(doc.vars[0].value_range), "1");
    }

    #[test]
    fn environ_near_misses() {
        let env = "SHELL=/bin/bash\nPATH=/usr/bin\nHOME=/root\nUSER=root\n";
        assert!(parse(env, Some("env")).is_none());
        assert!(parse(env, Some("printenv")).is_none());
        assert!(parse(env, None).is_some());
        // An environment file: quoted values, or no variable only a process has.
        assert!(parse("MYSQLD_OPTS=\"--x\"\nPATH=/bin\nHOME=/root\nLANG=C\n", None).is_none());
        assert!(parse("MYSQLD_OPTS=--x\nLANG=C\nHOME=/root\nMYSQLD_PARENT_PID=1\n", None).is_none());
        assert!(parse("datadir=/var/lib/mysql\nuser=mysql\nport=3306\n", None).is_none());
        let s = Source::new(0, "/etc/default/mysql", env);
        assert!(recognize(&s, 0, &Hint { command: None, at_input_start: true }).is_none());
    }

    #[test]
    fn proc_paths() {
        assert_eq!(proc_path("tr '\\0' '\\n' < /proc/840/environ"), Some((Some(840), ProcFile::Environ)));
        assert_eq!(proc_path("cat /proc/$(pidof mysqld)/status"), Some((None, ProcFile::Status)));
        assert_eq!(proc_path("cut -d' ' -f4 /proc/1/stat"), Some((Some(1), ProcFile::Stat)));
        assert_eq!(proc_path("cat /proc/1/statm"), None);
        assert_eq!(proc_path("ps -ef"), None);
    }
}
