//! `systemctl status UNIT` output: the unit's state now, how its main process last ended, its
//! processes, and the journal tail.
//!
//! Grammar (`runtime-and-launchers.md` §2.1; `systemctl-show.c` `print_status_info()`):
//!
//! ```text
//! status   = header { field | more } [ blank ] [ journal ] [ "Hint: " … ] ;
//! header   = [ glyph WS ] UNIT [ " - " DESCRIPTION ] ;          (glyph: ● ○ × * ↻ …; before v248 always ●)
//! field    = WS* LABEL ":" WS value ;                            (labels right-aligned to 11 columns
//!                                                                   since ~v230, two columns less before)
//! more     = WS+ text ;                                          (Drop-In files `└─override.conf`,
//!                                                                   the CGroup tree, a wrapped value)
//! Loaded   = state [ " (" PATH "; " enablement [ "; " ["vendor "] "preset: " p ] ")" ] ;
//! Active   = state " (" sub ")" [ " (Result: " r ")" ] [ " since " time "; " relative ] ;
//! Main PID = PID " (" ( comm | "code=" c ", " ( "status=" N ["/" NAME] | "signal=" SIG ) ) ")" [ ";" … ] ;
//! Process  = PID WS ExecX "=" command " (" exit ")" ;
//! CGroup   = PATH , then tree lines: [ "│" WS ]* ( "├─" | "└─" ) ( PID WS command | sub-cgroup ) ;
//! ```
//!
//! The journal tail after the blank line is read by `syntax::journal`. A document is claimed only
//! when a header is followed by a `Loaded:` line.
//!
//! The CGroup tree nests *control groups*, not processes (systemd-cgls): the processes of one
//! cgroup are printed side by side (a `sh` wrapper and its `mysqld` child are siblings), so the
//! tree never says which process is another's parent and [`CgroupProcess`] has no parent.

use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, DocKind, Hint, Parsed};
use crate::syntax::journal::{self, ExitDetail, Journal};
use crate::syntax::misc::Spanned;
use crate::text::TextRange;

/// The glyphs before the unit name (§2.1; `*` is the ASCII fallback).
const GLYPHS: &[&str] = &["●", "○", "×", "*", "↻", "✗", "◆"];

/// The parse of one unit's `systemctl status`.
#[derive(Clone, Debug, Default)]
pub(crate) struct StatusDoc {
    /// The unit (`mysql.service`).
    pub unit: Spanned,
    pub description: Option<Spanned>,
    pub glyph: Option<String>,
    /// Every `Label: value` line, in order (value without its continuation lines).
    pub fields: Vec<Field>,
    pub loaded: Option<Loaded>,
    /// Drop-in directories and their files (`Drop-In:`).
    pub dropins: Vec<Spanned>,
    pub active: Option<Active>,
    pub main_pid: Option<MainPid>,
    /// `Process:` lines (ExecStartPre=, ExecStartPost=, …).
    pub processes: Vec<ProcessLine>,
    /// `Status: "…"` (the sd_notify text), unquoted.
    pub status_text: Option<Spanned>,
    /// The processes in the CGroup tree.
    pub cgroup: Vec<CgroupProcess>,
    /// The journal tail.
    pub journal: Option<Journal>,
    /// The whole header line.
    pub header: TextRange,
}

/// One `Label: value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub label: Spanned,
    pub value: Spanned,
    /// The whole line.
    pub range: TextRange,
}

/// `Loaded: loaded (/lib/systemd/system/mysql.service; enabled; preset: enabled)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Loaded {
    /// `loaded`, `not-found`, `masked`.
    pub state: String,
    /// The unit file.
    pub path: Option<Spanned>,
    /// `enabled`, `disabled`, `static`.
    pub enablement: Option<String>,
    /// `vendor preset:` / `preset:` value.
    pub preset: Option<String>,
    pub range: TextRange,
}

/// `Active: failed (Result: exit-code) since …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Active {
    /// `active`, `activating`, `failed`, `inactive`, …
    pub state: String,
    /// `running`, `auto-restart`, `dead`, …
    pub sub: Option<String>,
    /// `(Result: r)`, printed only when r is not `success`.
    pub result: Option<String>,
    /// The time after `since`, as printed.
    pub since: Option<String>,
    pub range: TextRange,
}

/// `Main PID: 840 (mysqld)` / `Main PID: 840 (code=exited, status=16)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MainPid {
    pub pid: u32,
    /// The process name while it runs.
    pub comm: Option<String>,
    /// How it ended, when it did.
    pub exit: Option<ExitDetail>,
    pub range: TextRange,
}

/// `Process: 812 ExecStartPre=/usr/share/mysql/mysql-systemd-start pre (code=exited, status=0/SUCCESS)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProcessLine {
    pub pid: u32,
    /// `ExecStartPre=/usr/share/mysql/mysql-systemd-start pre`.
    pub command: String,
    pub exit: Option<ExitDetail>,
    pub range: TextRange,
}

/// A process line of the CGroup tree: `└─840 /usr/sbin/mysqld`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CgroupProcess {
    pub pid: u32,
    pub command: Spanned,
    pub range: TextRange,
}

/// `● mysql.service - MySQL Community Server` → (glyph, unit, description).
fn header(t: &str) -> Option<(Option<&str>, &str, Option<&str>)> {
    let t = t.trim_ws();
    let mut glyph = None;
    let mut rest = t;
    for g in GLYPHS {
        if let Some(r) = t.strip_prefix(g)
            && r.starts_with(' ')
        {
            glyph = Some(*g);
            rest = r.trim_start_ws();
            break;
        }
    }
    let (unit, desc) = match rest.split_once(" - ") {
        Some((u, d)) => (u, Some(d.trim_ws())),
        None => (rest, None),
    };
    journal::is_unit_name(unit).then_some((glyph, unit, desc))
}

/// `  Main PID: 840 (mysqld)` → (`Main PID`, `840 (mysqld)`).
fn label(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start_ws();
    let (l, v) = t.split_once(':')?;
    if !(v.is_empty() || v.starts_with(' ')) || l.is_empty() || l.len() > 14 {
        return None;
    }
    let mut chars = l.chars();
    if !chars.next()?.is_ascii_uppercase() || !chars.all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
    {
        return None;
    }
    Some((l, v.trim_ws()))
}

/// Claims `systemctl status` output starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, _hint: &Hint<'_>) -> Option<Claim> {
    let (_, unit, _) = header(src.line(i))?;
    if i + 1 >= src.lines.len() || label(src.line(i + 1)).map(|(l, _)| l) != Some("Loaded") {
        return None;
    }
    let (doc, end) = parse(src, i);
    let _ = unit;
    Some(Claim {
        kind: DocKind::SystemctlStatus,
        end,
        name: Some(doc.unit.text.clone()),
        label: None,
        parsed: Parsed::SystemctlStatus(Box::new(doc)),
        problems: Vec::new(),
    })
}

/// Parses the status starting at header line `i`; returns it and one past its last line.
pub(crate) fn parse(src: &Source<'_>, i: usize) -> (StatusDoc, usize) {
    let n = src.lines.len();
    let mut doc = StatusDoc { header: src.lines[i].range, ..StatusDoc::default() };
    if let Some((glyph, unit, desc)) = header(src.line(i)) {
        doc.glyph = glyph.map(str::to_owned);
        doc.unit = spanned(src, i, unit);
        doc.description = desc.map(|d| spanned(src, i, d));
    }
    let mut j = i + 1;
    let mut current: Option<String> = None;
    while j < n {
        let line = src.line(j);
        let t = line.trim_ws();
        if t.is_empty() {
            break;
        }
        if let Some((l, v)) = label(line) {
            field(src, j, l, v, &mut doc);
            current = Some(l.to_owned());
            j += 1;
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            break;
        }
        // A continuation line: a drop-in file, a tree line, a wrapped value.
        match current.as_deref() {
            Some("Drop-In") => {
                let f = t.trim_start_matches(['└', '├', '─', '│', ' ']);
                if !f.is_empty() {
                    doc.dropins.push(spanned(src, j, f));
                }
            }
            Some("CGroup") => {
                if let Some(p) = tree_process(src, j, t) {
                    doc.cgroup.push(p);
                }
            }
            _ => {}
        }
        j += 1;
    }
    let mut end = j;
    // The journal tail: after the blank line, or right after the fields when a paste lost it.
    let mut k = j;
    while k < n && k <= j + 1 && src.line(k).trim_ws().is_empty() {
        k += 1;
    }
    if k < n && journal::is_entry(src.line(k)) {
        let tail_end = journal::run_end(src, k);
        doc.journal = Some(journal::parse(src, k, tail_end));
        end = tail_end;
        if end < n && src.line(end).trim_ws().starts_with("Hint: Some lines were ellipsized") {
            end += 1;
        }
    }
    (doc, end.max(i + 1))
}

fn spanned(src: &Source<'_>, i: usize, s: &str) -> Spanned {
    Spanned { text: s.to_owned(), range: src.range_in_line(i, s) }
}

fn field(src: &Source<'_>, j: usize, l: &str, v: &str, doc: &mut StatusDoc) {
    let range = src.range_in_line(j, src.line(j).trim_ws());
    doc.fields.push(Field { label: spanned(src, j, l), value: spanned(src, j, v), range });
    match l {
        "Loaded" => {
            let (state, rest) = v.split_once(" (").unwrap_or((v, ""));
            let inner = rest.strip_suffix(')').unwrap_or(rest);
            let mut parts = inner.split("; ");
            let path = parts.next().filter(|p| p.starts_with('/')).map(|p| spanned(src, j, p));
            let enablement = parts.next().map(str::to_owned);
            let preset = parts.find_map(|p| {
                p.strip_prefix("vendor preset: ").or_else(|| p.strip_prefix("preset: ")).map(str::to_owned)
            });
            doc.loaded = Some(Loaded { state: state.trim_ws().to_owned(), path, enablement, preset, range });
        }
        "Drop-In" if !v.is_empty() => doc.dropins.push(spanned(src, j, v)),
        "Active" => {
            let (head, since) = match v.split_once(" since ") {
                Some((h, s)) => (h, Some(s.split(';').next().unwrap_or(s).trim_ws().to_owned())),
                None => (v, None),
            };
            let mut words = head.splitn(2, ' ');
            let state = words.next().unwrap_or("").to_owned();
            let rest = words.next().unwrap_or("");
            let mut sub = None;
            let mut result = None;
            for group in rest.split('(').skip(1) {
                let g = group.split(')').next().unwrap_or("").trim_ws();
                if let Some(r) = g.strip_prefix("Result: ") {
                    result = Some(r.to_owned());
                } else if sub.is_none() && !g.is_empty() {
                    sub = Some(g.to_owned());
                }
            }
            doc.active = Some(Active { state, sub, result, since, range });
        }
        "Main PID" => {
            let main = v.split(';').next().unwrap_or(v);
            if let Some((pid, detail)) = pid_and_paren(main) {
                let exit = ExitDetail::parse(detail);
                let comm = if exit.is_none() { Some(detail.to_owned()) } else { None };
                doc.main_pid = Some(MainPid { pid, comm, exit, range });
            }
        }
        "Process" => {
            let (pid_s, rest) = v.split_once(' ').unwrap_or((v, ""));
            if let Ok(pid) = pid_s.parse() {
                let (command, exit) = match rest.rfind(" (code=") {
                    Some(p) => {
                        (rest.get(..p).unwrap_or(rest), ExitDetail::parse(rest.get(p + 2..).unwrap_or("")))
                    }
                    None => (rest, None),
                };
                doc.processes.push(ProcessLine { pid, command: command.trim_ws().to_owned(), exit, range });
            }
        }
        "Status" => {
            let s = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(v);
            doc.status_text = Some(spanned(src, j, s));
        }
        _ => {}
    }
}

/// `840 (mysqld)` → (840, `mysqld`).
fn pid_and_paren(v: &str) -> Option<(u32, &str)> {
    let (pid, rest) = v.trim_ws().split_once(' ')?;
    let pid = pid.parse().ok()?;
    let inner = rest.trim_ws().strip_prefix('(')?;
    let inner = inner.rfind(')').and_then(|p| inner.get(..p)).unwrap_or(inner);
    Some((pid, inner))
}

/// `├─830 /bin/sh /usr/bin/mysqld_safe` (after any `│ ` of outer levels).
fn tree_process(src: &Source<'_>, j: usize, t: &str) -> Option<CgroupProcess> {
    let rest = t.trim_start_matches(['│', ' ']);
    let rest = rest
        .strip_prefix("├─")
        .or_else(|| rest.strip_prefix("└─"))
        .or_else(|| rest.strip_prefix("|-"))
        .or_else(|| rest.strip_prefix("`-"))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !rest.get(digits..)?.starts_with(' ') {
        return None;
    }
    let pid = rest.get(..digits)?.parse().ok()?;
    let command = rest.get(digits..)?.trim_ws();
    Some(CgroupProcess { pid, command: spanned(src, j, command), range: src.range_in_line(j, t) })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEW: &str = "\
× mysql.service - MySQL Community Server
     Loaded: loaded (/lib/systemd/system/mysql.service; enabled; preset: enabled)
    Drop-In: /etc/systemd/system/mysql.service.d
             └─override.conf
     Active: activating (auto-restart) (Result: exit-code) since Wed 2024-01-31 01:37:15 UTC; 3s ago
    Process: 812 ExecStartPre=/usr/share/mysql/mysql-systemd-start pre (code=exited, status=0/SUCCESS)
   Main PID: 840 (code=exited, status=16)
     Status: \"Server shutdown complete\"
        CPU: 1.234s

Jan 31 01:37:15 db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a
Jan 31 01:37:15 db1 systemd[1]: mysql.service: Failed with result 'exit-code'.

mysql> select 1;
";

    #[test]
    fn new_layout() {
        let s = Source::new(0, "x", NEW);
        let c = recognize(&s, 0, &Hint { command: None, at_input_start: true }).expect("claim");
        assert_eq!(c.end, 12);
        let Parsed::SystemctlStatus(d) = c.parsed else { panic!() };
        assert_eq!(d.unit.text, "mysql.service");
        assert_eq!(d.glyph.as_deref(), Some("×"));
        let l = d.loaded.as_ref().expect("loaded");
        assert_eq!(l.path.as_ref().map(|p| p.text.as_str()), Some("/lib/systemd/system/mysql.service"));
        assert_eq!(l.preset.as_deref(), Some("enabled"));
        assert_eq!(
            d.dropins.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(),
            ["/etc/systemd/system/mysql.service.d", "override.conf"]
        );
        let a = d.active.as_ref().expect("active");
        assert_eq!(
            (a.state.as_str(), a.sub.as_deref(), a.result.as_deref()),
            ("activating", Some("auto-restart"), Some("exit-code"))
        );
        let m = d.main_pid.as_ref().expect("main");
        assert_eq!(m.pid, 840);
        assert_eq!(m.exit.as_ref().and_then(|e| e.status), Some(16));
        assert_eq!(d.processes[0].command, "ExecStartPre=/usr/share/mysql/mysql-systemd-start pre");
        assert_eq!(d.status_text.as_ref().map(|s| s.text.as_str()), Some("Server shutdown complete"));
        assert_eq!(d.journal.as_ref().map(|j| j.lines.len()), Some(2));
    }

    #[test]
    fn old_layout_running_with_a_wrapper() {
        let text = "\
● mysqld.service - MySQL Server
   Loaded: loaded (/usr/lib/systemd/system/mysqld.service; enabled; vendor preset: disabled)
   Active: active (running) since Wed 2024-01-31 01:37:15 CST; 6h ago
 Main PID: 830 (mysqld_safe)
   CGroup: /system.slice/mysqld.service
           ├─830 /bin/sh /usr/bin/mysqld_safe --basedir=/usr
           └─1040 /usr/sbin/mysqld --basedir=/usr --datadir=/var/lib/mysql
";
        let s = Source::new(0, "x", text);
        let c = recognize(&s, 0, &Hint { command: None, at_input_start: true }).expect("claim");
        assert_eq!(c.end, 7);
        let Parsed::SystemctlStatus(d) = c.parsed else { panic!() };
        assert_eq!(d.loaded.as_ref().and_then(|l| l.preset.as_deref()), Some("disabled"));
        assert_eq!(d.main_pid.as_ref().and_then(|m| m.comm.as_deref()), Some("mysqld_safe"));
        assert_eq!(d.cgroup.iter().map(|p| p.pid).collect::<Vec<_>>(), [830, 1040]);
        assert_eq!(d.cgroup[1].command.text, "/usr/sbin/mysqld --basedir=/usr --datadir=/var/lib/mysql");
    }

    #[test]
    fn near_misses() {
        let hint = Hint { command: None, at_input_start: true };
        let s = Source::new(0, "x", "● mysql.service - MySQL\nsomething else\n");
        assert!(recognize(&s, 0, &hint).is_none());
        let s = Source::new(0, "x", "mysql - the client\n   Loaded: x\n");
        assert!(recognize(&s, 0, &hint).is_none());
    }
}
