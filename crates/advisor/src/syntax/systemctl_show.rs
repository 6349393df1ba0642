//! `systemctl show UNIT…` output: the unit as systemd loaded it (already merged).
//!
//! Grammar (`src/shared/bus-print-properties.c`, `src/systemctl/systemctl-show.c`):
//!
//! ```text
//! output   = unit { blank unit } ;                     (several units are separated by a blank line)
//! unit     = { property } ;
//! property = Name "=" value EOL ;                      (Name: an ASCII letter, then letters/digits)
//! exec     = "{ " field { " ; " field } " }" ;         (ExecStart=, ExecStartEx=, ExecStartPre=, …)
//! field    = "path=" p | "argv[]=" argv | "ignore_errors=" yes|no | "flags=" f | "start_time=[" t "]"
//!          | "stop_time=[" t "]" | "pid=" n | "code=" c | "status=" n["/" SIG] ;
//! statuses = { number | signal-name } ;                 (RestartForceExitStatus=16, SuccessExitStatus=75 250 KILL)
//! argv     = the arguments joined by " " ;             (strv_join: no quoting, no escapes)
//! env      = { shell-quoted "NAME=value" } ;           (Environment=A=1 "B=x y")
//! envfile  = path [" (ignore_errors=yes|no)"] ;       (EnvironmentFiles=, one line per file)
//! ```
//!
//! Empty properties are omitted unless `--all` was given, so an absent property means "empty",
//! not "unknown". A run is claimed only when it clearly is `systemctl show` output: at least two
//! known property names and either a property only `show` prints (`Id=`, `MainPID=`,
//! `TimeoutStartUSec=`, …) or an `ExecStart={ path=… }` block, or a `systemctl show` prompt before it.

use crate::i18n::k;
use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Label, Parsed, Problem};
use crate::syntax::shell::{self, Mode};
use crate::text::TextRange;

/// A run is claimed only if it is clearly `show` output within this many lines.
const DECIDE_WITHIN: usize = 16;

/// Property names that unit files also use (still printed by `show`).
const COMMON: &[&str] = &[
    "Type",
    "Restart",
    "NotifyAccess",
    "PIDFile",
    "RemainAfterExit",
    "ExecStart",
    "ExecStartPre",
    "ExecStartPost",
    "ExecReload",
    "ExecStop",
    "ExecStopPost",
    "Environment",
    "UnsetEnvironment",
    "User",
    "Group",
    "RestartPreventExitStatus",
    "RestartForceExitStatus",
    "SuccessExitStatus",
    "StartLimitBurst",
    "StartLimitAction",
    "LimitNOFILE",
    "KillMode",
    "KillSignal",
    "Description",
    "Requires",
    "Wants",
    "After",
    "Before",
    "WantedBy",
    "Documentation",
    "Slice",
    "RestartMode",
    "PrivateTmp",
    "WorkingDirectory",
];

/// Property names only `systemctl show` prints (never in a unit file).
const SHOW_ONLY: &[&str] = &[
    "Id",
    "Names",
    "MainPID",
    "ControlPID",
    "ExecMainPID",
    "ExecMainCode",
    "ExecMainStatus",
    "ExecMainStartTimestamp",
    "ExecMainExitTimestamp",
    "NRestarts",
    "Result",
    "LoadState",
    "ActiveState",
    "SubState",
    "FragmentPath",
    "DropInPaths",
    "UnitFileState",
    "UnitFilePreset",
    "TimeoutStartUSec",
    "TimeoutStopUSec",
    "TimeoutAbortUSec",
    "RestartUSec",
    "RuntimeMaxUSec",
    "WatchdogUSec",
    "EnvironmentFiles",
    "StartLimitIntervalUSec",
    "InvocationID",
    "ControlGroup",
    "ActiveEnterTimestamp",
    "InactiveExitTimestamp",
    "StatusText",
    "StatusErrno",
    "MemoryCurrent",
    "TasksCurrent",
    "CPUUsageNSec",
    "ExecStartEx",
    "ExecStartPreEx",
    "ExecStartPostEx",
    "CanStart",
    "CanStop",
    "CanReload",
    "Transient",
    "Perpetual",
    "NeedDaemonReload",
];

/// The parse of `systemctl show` output.
#[derive(Clone, Debug, Default)]
pub(crate) struct ShowDoc {
    /// One entry per unit shown (blank-line separated), in order.
    pub units: Vec<ShowUnit>,
    /// The command of the prompt before the document (`systemctl --user show mysqld`), if any.
    pub command: Option<String>,
}

/// The properties of one unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ShowUnit {
    pub props: Vec<Prop>,
    pub range: TextRange,
}

/// One `Name=value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prop {
    pub name: String,
    pub value: String,
    pub name_range: TextRange,
    pub value_range: TextRange,
    /// The whole line (trimmed).
    pub range: TextRange,
}

impl ShowUnit {
    /// The last line of property `name`.
    pub fn get(&self, name: &str) -> Option<&Prop> {
        self.props.iter().rev().find(|p| p.name == name)
    }
    /// Every line of property `name` (exec commands and `EnvironmentFiles=` repeat).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Prop> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }
    /// The unit's name: `Id=`, else the first of `Names=`, else the file name of `FragmentPath=`.
    pub fn unit_name(&self) -> Option<String> {
        if let Some(p) = self.get("Id").filter(|p| !p.value.is_empty()) {
            return Some(p.value.clone());
        }
        if let Some(n) = self.get("Names").and_then(|p| p.value.split_whitespace().next()) {
            return Some(n.to_owned());
        }
        self.get("FragmentPath").and_then(|p| crate::syntax::systemd::unit_name_from_path(&p.value))
    }
}

/// An exec command block (`ExecStart={ path=… ; argv[]=… ; … }`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ExecCommand {
    pub path: String,
    /// The command line as configured (unexpanded: `$MYSQLD_OPTS` stays).
    pub argv: String,
    /// `ignore_errors=yes` (a `-` prefix in the unit).
    pub ignore_errors: bool,
    /// `ExecStartEx=` flags (`ignore-failure`, `privileged`, …).
    pub flags: Vec<String>,
    /// `code=exited|killed|dumped` of the last run.
    pub code: Option<String>,
    /// `status=N[/SIG]` of the last run.
    pub status: Option<String>,
    pub pid: Option<String>,
}

impl ExecCommand {
    /// The command line with the unit-file prefixes it implies (`-` for ignore_errors, `@` when
    /// `path` differs from `argv[0]`, `+` for the `privileged` flag).
    pub fn as_unit_line(&self) -> String {
        let mut prefix = String::new();
        if self.ignore_errors || self.flags.iter().any(|f| f == "ignore-failure") {
            prefix.push('-');
        }
        if self.flags.iter().any(|f| f == "privileged") {
            prefix.push('+');
        }
        let argv0 = shell::words(&self.argv, Mode::Argv).next().map(|w| w.value).unwrap_or_default();
        if !self.path.is_empty() && argv0 != self.path {
            return format!("{prefix}@{} {}", self.path, self.argv);
        }
        if self.argv.is_empty() { format!("{prefix}{}", self.path) } else { format!("{prefix}{}", self.argv) }
    }
}

const EXEC_FIELDS: &[&str] =
    &["path", "argv[]", "ignore_errors", "flags", "start_time", "stop_time", "pid", "code", "status"];

/// Parses an exec block; `None` when the value is not `{ … }`.
pub(crate) fn parse_exec(value: &str) -> Option<ExecCommand> {
    let inner = value.trim_ws().strip_prefix('{')?.strip_suffix('}')?.trim_ws();
    // Split on " ; " but glue back pieces that do not start a known field (an argument `;`).
    let mut fields: Vec<String> = Vec::new();
    for piece in inner.split(" ; ") {
        let starts_field = piece.split_once('=').is_some_and(|(k, _)| EXEC_FIELDS.contains(&k.trim_ws()));
        match fields.last_mut() {
            Some(last) if !starts_field => {
                last.push_str(" ; ");
                last.push_str(piece);
            }
            _ => fields.push(piece.to_owned()),
        }
    }
    let mut c = ExecCommand::default();
    for f in &fields {
        let Some((k, v)) = f.split_once('=') else { continue };
        let v = v.trim_ws();
        match k.trim_ws() {
            "path" => c.path = v.to_owned(),
            "argv[]" => c.argv = v.to_owned(),
            "ignore_errors" => c.ignore_errors = v == "yes",
            "flags" => c.flags = v.split_whitespace().map(str::to_owned).collect(),
            "pid" => c.pid = Some(v.to_owned()),
            "code" => c.code = Some(v.to_owned()),
            "status" => c.status = Some(v.to_owned()),
            _ => {}
        }
    }
    Some(c)
}

/// `EnvironmentFiles=/etc/sysconfig/mysql (ignore_errors=yes)` → (`/etc/sysconfig/mysql`, true).
pub(crate) fn parse_env_file(value: &str) -> (String, bool) {
    let v = value.trim_ws();
    if let Some(i) = v.rfind(" (ignore_errors=") {
        let flag = v.get(i + 16..).unwrap_or("");
        return (v.get(..i).unwrap_or(v).to_owned(), flag.starts_with("yes"));
    }
    (v.to_owned(), false)
}

/// `Name=value` where Name is an ASCII letter followed by letters and digits.
fn prop_name(line: &str) -> Option<&str> {
    let eq = line.find('=')?;
    let name = line.get(..eq)?;
    let mut chars = name.chars();
    if !chars.next()?.is_ascii_alphabetic() || !chars.all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(name)
}

fn is_known(name: &str) -> bool {
    COMMON.contains(&name) || SHOW_ONLY.contains(&name)
}

/// Claims `systemctl show` output starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let first = prop_name(src.line(i))?;
    if !is_known(first) {
        return None;
    }
    let n = src.lines.len();
    let mut j = i;
    let mut end = i;
    let (mut known, mut show_only, mut exec_block) = (0usize, 0usize, false);
    let by_prompt = hint.command.is_some_and(|c| c.contains("systemctl") && c.contains(" show"));
    let mut clear = false;
    while j < n {
        let line = src.line(j);
        if line.trim_ws().is_empty() {
            // Another unit follows only if the next line is a property again.
            let next = j + 1;
            if next < n && prop_name(src.line(next)).is_some_and(is_known) {
                j += 1;
                continue;
            }
            break;
        }
        let Some(name) = prop_name(line) else { break };
        if is_known(name) {
            known += 1;
        }
        if SHOW_ONLY.contains(&name) {
            show_only += 1;
        }
        if line.get(name.len() + 1..).is_some_and(|v| v.starts_with("{ ")) {
            exec_block = true;
        }
        j += 1;
        end = j;
        clear = clear || (known >= 2 && (show_only >= 1 || exec_block)) || (by_prompt && known >= 1);
        // Decide within the first lines, so that long runs of `Key=value` that are not `show`
        // output are not rescanned from every line (linear time overall).
        if !clear && j - i >= DECIDE_WITHIN {
            return None;
        }
    }
    if !clear || end <= i {
        return None;
    }
    let mut problems = Vec::new();
    let mut doc = parse(src, i, end, &mut problems);
    doc.command = hint.command.map(str::to_owned);
    let unit = doc
        .units
        .iter()
        .find_map(ShowUnit::unit_name)
        .or_else(|| hint.command.and_then(crate::syntax::systemd::unit_from_command).map(|(u, _)| u));
    let count: usize = doc.units.iter().map(|u| u.props.len()).sum();
    let label = match &unit {
        Some(u) if doc.units.len() <= 1 => Label {
            key: k::SYSTEMD_LABEL_SHOW,
            args: vec![("unit", u.clone()), ("count", count.to_string())],
        },
        _ => Label {
            key: k::SYSTEMD_LABEL_SHOW_UNITS,
            args: vec![("units", doc.units.len().to_string()), ("count", count.to_string())],
        },
    };
    Some(Claim {
        kind: DocKind::SystemctlShow,
        end,
        name: unit,
        label: Some(label),
        parsed: Parsed::Show(doc),
        problems,
    })
}

/// Parses lines `start..end` (grammar in the module docs).
pub(crate) fn parse(src: &Source<'_>, start: usize, end: usize, problems: &mut Vec<Problem>) -> ShowDoc {
    let mut doc = ShowDoc::default();
    let mut cur = ShowUnit::default();
    for j in start..end.min(src.lines.len()) {
        let line = src.line(j);
        let t = line.trim_ws();
        if t.is_empty() {
            if !cur.props.is_empty() {
                doc.units.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let Some(name) = prop_name(t) else { continue };
        let value = t.get(name.len() + 1..).unwrap_or("");
        let range = src.range_in_line(j, t);
        cur.range = if cur.props.is_empty() { range } else { cur.range.cover(range) };
        if value.starts_with('{') && parse_exec(value).is_none() {
            problems.push(Problem {
                key: k::SYSTEMD_PROBLEM_SHOW_EXEC,
                args: vec![("line", src.lines[j].number.to_string()), ("name", name.to_owned())],
                range,
            });
        }
        cur.props.push(Prop {
            name: name.to_owned(),
            value: value.to_owned(),
            name_range: src.range_in_line(j, name),
            value_range: if value.is_empty() {
                TextRange::empty(range.end)
            } else {
                src.range_in_line(j, value)
            },
            range,
        });
    }
    if !cur.props.is_empty() {
        doc.units.push(cur);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOW: &str = "Type=notify\nRestart=on-failure\nNotifyAccess=main\nRestartUSec=100ms\n\
TimeoutStartUSec=infinity\nRestartForceExitStatus=16\nSuccessExitStatus=75 250 KILL\nMainPID=4242\n\
ExecStart={ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld $MYSQLD_OPTS ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n\
Environment=MYSQLD_PARENT_PID=1 \"A=b c\"\nEnvironmentFiles=/etc/sysconfig/mysql (ignore_errors=yes)\nId=mysqld.service\n";

    #[test]
    fn claims_and_parses_show_output() {
        let text = format!("{SHOW}\n[mysqld]\n");
        let s = Source::new(0, "x", &text);
        let c = recognize(&s, 0, &Hint { command: None, at_input_start: true }).expect("claim");
        assert_eq!(c.end, 12);
        assert_eq!(c.name.as_deref(), Some("mysqld.service"));
        let Parsed::Show(doc) = c.parsed else { panic!("show") };
        let u = &doc.units[0];
        let exec = parse_exec(&u.get("ExecStart").expect("exec").value).expect("block");
        assert_eq!(exec.path, "/usr/sbin/mysqld");
        assert_eq!(exec.argv, "/usr/sbin/mysqld $MYSQLD_OPTS");
        assert_eq!(exec.as_unit_line(), "/usr/sbin/mysqld $MYSQLD_OPTS");
        assert_eq!(
            shell::values(&u.get("Environment").expect("env").value, Mode::Show),
            ["MYSQLD_PARENT_PID=1", "A=b c"]
        );
        assert_eq!(
            parse_env_file(&u.get("EnvironmentFiles").expect("f").value),
            ("/etc/sysconfig/mysql".to_owned(), true)
        );
    }

    #[test]
    fn does_not_claim_unit_like_lines_or_option_files() {
        let hint = Hint { command: None, at_input_start: true };
        let s = Source::new(0, "x", "Type=notify\nRestart=on-failure\nExecStart=/usr/sbin/mysqld\n");
        assert!(recognize(&s, 0, &hint).is_none());
        let s = Source::new(0, "x", "datadir=/var/lib/mysql\nuser=mysql\n");
        assert!(recognize(&s, 0, &hint).is_none());
        let hint = Hint { command: Some("systemctl show -p Restart mysqld"), at_input_start: false };
        let s = Source::new(0, "x", "Restart=on-failure\n");
        assert!(recognize(&s, 0, &hint).is_some());
    }

    #[test]
    fn exec_ex_flags_and_odd_arguments() {
        let e = parse_exec("{ path=/bin/sh ; argv[]=sh -c a ; b ; flags=ignore-failure ; start_time=[n/a] }")
            .expect("block");
        assert_eq!(e.argv, "sh -c a ; b");
        assert_eq!(e.as_unit_line(), "-@/bin/sh sh -c a ; b");
        assert!(parse_exec("{ path=/x").is_none());
    }
}
