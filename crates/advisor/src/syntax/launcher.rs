//! Launchers other than systemd and containers: supervisord configuration files, service scripts
//! (runit / daemontools / s6 `run` files, OpenRC service scripts, SysV init scripts) and the
//! Windows service configuration as `sc qc` prints it.
//!
//! Accepted grammar:
//! - **supervisord** (`supervisord.conf`, `conf.d/*.conf`; Python's `RawConfigParser` as supervisor's
//!   `UnhosedConfigParser` configures it): `[section]` headers, `key = value` or `key: value`, a line
//!   that starts with white space continues the previous value, whole-line comments start with `;`
//!   or `#`, an inline comment is `;` or `#` after white space. The recogniser claims from a
//!   `[program:…]`, `[supervisord]`, `[supervisorctl]`, `[unix_http_server]`, `[inet_http_server]`,
//!   `[include]`, `[group:…]`, `[eventlistener:…]`, `[fcgi-program:…]` or `[rpcinterface:…]`
//!   header to the last line of that shape.
//! - **service scripts**: a whole input whose first line is `#!/sbin/openrc-run`,
//!   `#!/command/execlineb`, `#!/command/with-contenv …`, or whose input name is a supervision
//!   `run` file (`…/sv/<name>/run`, `…/service/<name>/run`, `…/s6…/run`), or an init script
//!   (`/etc/init.d/…`, `/etc/rc.d/…`, `mysql.server`, or a `### BEGIN INIT INFO` block). The text
//!   is analysed by the launch model (`facts::launch`), not here.
//! - **supervisord's log** (`%(asctime)s %(levelname)s %(message)s`, levels `CRIT ERRO WARN INFO
//!   DEBG TRAC BLAT`): consecutive lines such as `2024-05-01 10:00:00,123 WARN exited: mysqld (exit
//!   status 16; not expected)`, `INFO spawned: 'mysqld' with pid 1234`, `INFO gave up: mysqld
//!   entered FATAL state, too many start retries too quickly`, `… (terminated by SIGKILL)`.
//! - **`sc qc NAME`**: `[SC] QueryServiceConfig SUCCESS`, then `KEY : value` lines
//!   (`SERVICE_NAME: MySQL80`, `BINARY_PATH_NAME   : "C:\…\mysqld.exe" --defaults-file=… MySQL80`).
//!
//! Nothing here fails or panics; every loop advances one line per step.

use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, DocKind, Hint, Label, Parsed};
use crate::text::TextRange;

/// One `key = value` entry of a supervisord section (continuation lines joined with `\n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The key, lower-cased as `RawConfigParser` does.
    pub key: String,
    /// The value with inline comments removed, continuation lines joined with `\n`.
    pub value: String,
    /// The key's line through the value's last continuation line.
    pub range: TextRange,
}

/// One `[section]` of a supervisord file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Section {
    /// The name between the brackets (`program:mysqld`).
    pub name: String,
    /// The header line.
    pub header: TextRange,
    /// The header through the section's last non-blank line.
    pub range: TextRange,
    pub entries: Vec<Entry>,
}

impl Section {
    /// The last entry named `key` (supervisord keeps the last one).
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.key == key)
    }
    /// `program:NAME` → `NAME`.
    pub fn program(&self) -> Option<&str> {
        self.name.strip_prefix("program:").map(str::trim_ws)
    }
}

/// A supervisord configuration file (or the part of an input that is one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SupervisordConf {
    pub sections: Vec<Section>,
    /// The file's path when the transcript shows the command that printed it
    /// (`$ cat /etc/supervisor/conf.d/mysqld.conf`).
    pub path: Option<String>,
}

/// One event of supervisord's log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SupervisordEvent {
    /// `exited: NAME (exit status N; expected|not expected)`.
    Exited { code: i32 },
    /// `exited: NAME (terminated by SIGX)` / `stopped: NAME (terminated by SIGX)`.
    Killed { signal: String, stopped: bool },
    /// `spawned: 'NAME' with pid N`.
    Spawned,
    /// `gave up: NAME entered FATAL state, …`.
    GaveUp,
}

/// supervisord's log lines about programs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SupervisordLog {
    /// Each event with its program name and line.
    pub events: Vec<(SupervisordEvent, String, TextRange)>,
}

/// The message of a supervisord log line (after the date, time and level), if it is one.
fn log_message(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    // `YYYY-MM-DD HH:MM:SS,mmm LEVEL message`
    if b.len() < 29 || b[4] != b'-' || b[10] != b' ' || b[19] != b',' || b[23] != b' ' {
        return None;
    }
    if !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let rest = line.get(24..)?;
    let (level, msg) = rest.split_once(' ')?;
    matches!(level, "CRIT" | "ERRO" | "WARN" | "INFO" | "DEBG" | "TRAC" | "BLAT").then_some(msg)
}

fn log_event(msg: &str) -> Option<(SupervisordEvent, String)> {
    if let Some(r) = msg.strip_prefix("exited: ").or_else(|| msg.strip_prefix("stopped: ")) {
        let stopped = msg.starts_with("stopped: ");
        let (name, rest) = r.split_once(" (")?;
        if let Some(code) = rest.strip_prefix("exit status ") {
            let n: String = code.chars().take_while(char::is_ascii_digit).collect();
            return Some((SupervisordEvent::Exited { code: n.parse().ok()? }, name.to_owned()));
        }
        let sig = rest.strip_prefix("terminated by ")?;
        let sig: String = sig.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        return Some((SupervisordEvent::Killed { signal: sig, stopped }, name.to_owned()));
    }
    if let Some(r) = msg.strip_prefix("spawned: '") {
        let (name, _) = r.split_once('\'')?;
        return Some((SupervisordEvent::Spawned, name.to_owned()));
    }
    if let Some(r) = msg.strip_prefix("gave up: ") {
        let (name, _) = r.split_once(' ')?;
        return Some((SupervisordEvent::GaveUp, name.to_owned()));
    }
    None
}

/// Claims consecutive supervisord log lines from one that is about a program.
pub(crate) fn recognize_supervisord_log(src: &Source<'_>, i: usize, _hint: &Hint<'_>) -> Option<Claim> {
    log_message(src.line(i)).and_then(log_event)?;
    let n = src.lines.len();
    let mut doc = SupervisordLog::default();
    let mut j = i;
    while j < n {
        let Some(msg) = log_message(src.line(j)) else { break };
        if let Some((ev, name)) = log_event(msg) {
            doc.events.push((ev, name, src.lines[j].range));
        }
        j += 1;
    }
    Some(Claim {
        kind: DocKind::SupervisordLog,
        end: j,
        name: doc.events.first().map(|e| e.1.clone()),
        label: None,
        parsed: Parsed::SupervisordLog(doc),
        problems: Vec::new(),
    })
}

/// What kind of service script an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScriptKind {
    /// A runit `run` file (`/etc/sv/…/run`, `/etc/service/…/run` under `runsvdir`).
    Runit,
    /// A daemontools `run` file (`/service/…/run`, `/etc/daemontools/…`).
    Daemontools,
    /// An s6 `run` file (`/etc/s6/…/run`, `…/s6-rc.d/…/run`, `#!/command/execlineb`,
    /// `#!/command/with-contenv`).
    S6,
    /// An OpenRC service script (`#!/sbin/openrc-run`).
    OpenRc,
    /// A SysV init script (`/etc/init.d/mysql`, `mysql.server`, `### BEGIN INIT INFO`).
    SysV,
}

impl ScriptKind {
    /// The name used in labels and messages.
    pub fn name(self) -> &'static str {
        match self {
            ScriptKind::Runit => "runit",
            ScriptKind::Daemontools => "daemontools",
            ScriptKind::S6 => "s6",
            ScriptKind::OpenRc => "OpenRC",
            ScriptKind::SysV => "SysV init",
        }
    }
}

/// A whole input that is a service script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ServiceScript {
    pub kind: ScriptKind,
    /// True for an execline script (`#!/command/execlineb`, `#!/bin/execlineb`).
    pub execline: bool,
}

/// `sc qc` output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ScQc {
    /// `SERVICE_NAME`.
    pub service: Option<(String, TextRange)>,
    /// `BINARY_PATH_NAME`: the command line, and its line.
    pub binary_path: Option<(String, TextRange)>,
}

/// What the kind of a service script input is, from its name and first line.
pub(crate) fn script_kind(name: &str, first: &str) -> Option<ServiceScript> {
    let shebang = first.trim_ws();
    let execline = shebang.starts_with("#!") && shebang.contains("execlineb");
    if shebang.starts_with("#!") && shebang.contains("openrc-run") {
        return Some(ServiceScript { kind: ScriptKind::OpenRc, execline: false });
    }
    if execline || (shebang.starts_with("#!") && shebang.contains("with-contenv")) {
        return Some(ServiceScript { kind: ScriptKind::S6, execline });
    }
    let n = name.replace('\\', "/");
    // A bare name (`run`, as a user may label any input) counts only with a script's first line.
    let scriptish = shebang.starts_with('#') || n.contains('/');
    if (n.ends_with("/run") || n == "run") && scriptish {
        let kind = if n.contains("s6") {
            ScriptKind::S6
        } else if n.starts_with("/service/") || n.contains("daemontools") {
            ScriptKind::Daemontools
        } else {
            ScriptKind::Runit
        };
        return Some(ServiceScript { kind, execline });
    }
    if n.starts_with("/etc/init.d/") || n.starts_with("/etc/rc.d/") || n.ends_with("mysql.server") {
        return Some(ServiceScript { kind: ScriptKind::SysV, execline: false });
    }
    None
}

/// Claims a whole input that is a service script (at its first line only).
pub(crate) fn recognize_script(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    if !hint.at_input_start || src.lines.is_empty() {
        return None;
    }
    let first = src.line(0);
    let mut kind = script_kind(src.name, first);
    if kind.is_none() && first.starts_with("#!") {
        // An init script by its LSB header (bounded look-ahead: the header sits at the top).
        let n = src.lines.len().min(40);
        if (0..n).any(|j| src.line(j).trim_ws() == "### BEGIN INIT INFO") {
            kind = Some(ServiceScript { kind: ScriptKind::SysV, execline: false });
        }
    }
    let kind = kind?;
    if i > 0 && !first.trim_ws().is_empty() && !first.starts_with('#') {
        return None;
    }
    let name = src.name.to_owned();
    Some(Claim {
        kind: DocKind::ServiceScript,
        end: src.lines.len(),
        name: Some(name.clone()),
        label: Some(Label {
            key: crate::i18n::k::DOC_SERVICE_SCRIPT,
            args: vec![("name", name), ("kind", kind.kind.name().to_owned())],
        }),
        parsed: Parsed::ServiceScript(kind),
        problems: Vec::new(),
    })
}

const SECTIONS: &[&str] = &[
    "program:",
    "supervisord]",
    "supervisorctl]",
    "unix_http_server]",
    "inet_http_server]",
    "include]",
    "group:",
    "eventlistener:",
    "fcgi-program:",
    "rpcinterface:",
];

fn header(line: &str) -> Option<&str> {
    let t = line.trim_ws();
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    Some(inner)
}

fn is_supervisord_header(line: &str) -> bool {
    let t = line.trim_ws();
    t.strip_prefix('[').is_some_and(|r| SECTIONS.iter().any(|s| r.starts_with(s))) && t.ends_with(']')
}

/// Claims a supervisord configuration from one of its section headers.
pub(crate) fn recognize_supervisord(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    if !is_supervisord_header(src.line(i)) {
        return None;
    }
    let (mut conf, end) = parse_supervisord(src, i);
    // The file a viewing command printed (`cat PATH`, `sudo less PATH`).
    conf.path = hint.command.and_then(|c| {
        crate::syntax::prompt::viewed_paths(c, false).find(|w| w.contains('/')).map(str::to_owned)
    });
    let name = conf.sections.iter().find_map(|s| s.program().map(str::to_owned));
    Some(Claim {
        kind: DocKind::SupervisordConf,
        end,
        name,
        label: Some(Label {
            key: crate::i18n::k::DOC_SUPERVISORD_CONF,
            args: vec![("name", src.name.to_owned())],
        }),
        parsed: Parsed::Supervisord(conf),
        problems: Vec::new(),
    })
}

/// Removes an inline comment (`;` or `#` after white space).
fn strip_inline_comment(v: &str) -> &str {
    let b = v.as_bytes();
    for k in 1..b.len() {
        if (b[k] == b';' || b[k] == b'#') && (b[k - 1] == b' ' || b[k - 1] == b'\t') {
            return &v[..k];
        }
    }
    v
}

/// Parses supervisord sections from line `i` (a header); returns them and one past the last line
/// claimed. Stops at a line that is neither blank, a comment, a header, an entry nor a
/// continuation — or at a non-supervisord header (`[mysqld]` of a pasted my.cnf).
pub(crate) fn parse_supervisord(src: &Source<'_>, i: usize) -> (SupervisordConf, usize) {
    let n = src.lines.len();
    let mut conf = SupervisordConf::default();
    let mut j = i;
    let mut end = i + 1;
    while j < n {
        let line = src.line(j);
        let t = line.trim_ws();
        let lr = src.lines[j].range;
        if t.is_empty() || t.starts_with(';') || t.starts_with('#') {
            j += 1;
            continue;
        }
        if let Some(name) = header(line) {
            if !is_supervisord_header(line) {
                break;
            }
            conf.sections.push(Section {
                name: name.trim_ws().to_owned(),
                header: lr,
                range: lr,
                entries: Vec::new(),
            });
            j += 1;
            end = j;
            continue;
        }
        let Some(sec) = conf.sections.last_mut() else { break };
        let continuation = line.starts_with([' ', '\t']);
        if continuation && let Some(e) = sec.entries.last_mut() {
            e.value.push('\n');
            e.value.push_str(strip_inline_comment(t).trim_end_ws());
            e.range = TextRange::new(e.range.start, lr.end);
            sec.range = TextRange::new(sec.range.start, lr.end);
            j += 1;
            end = j;
            continue;
        }
        let sep = match (t.find('='), t.find(':')) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let key = t[..sep].trim_ws().to_ascii_lowercase();
        if key.is_empty() || key.contains(' ') {
            break;
        }
        let value = strip_inline_comment(t[sep + 1..].trim_ws()).trim_end_ws().to_owned();
        sec.entries.push(Entry { key, value, range: lr });
        sec.range = TextRange::new(sec.range.start, lr.end);
        j += 1;
        end = j;
    }
    (conf, end)
}

/// supervisord's `environment=` value (`dict_of_key_value_pairs`: `KEY="val",KEY2='v2',K3=v3`):
/// each name, its value with one pair of quotes removed, and the value's byte range within `text`.
pub(crate) fn environment_pairs(text: &str) -> Vec<(String, String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut k = 0usize;
    while k < b.len() {
        while k < b.len() && (b[k] == b',' || b[k].is_ascii_whitespace()) {
            k += 1;
        }
        let name_start = k;
        while k < b.len() && b[k] != b'=' && b[k] != b',' {
            k += 1;
        }
        if k >= b.len() || b[k] != b'=' {
            continue;
        }
        let name = text[name_start..k].trim_ws().to_owned();
        k += 1;
        let vstart = k;
        let mut quote: Option<u8> = None;
        while k < b.len() {
            match (quote, b[k]) {
                (None, b'"' | b'\'') => quote = Some(b[k]),
                (Some(q), c) if c == q => quote = None,
                (None, b',') => break,
                _ => {}
            }
            k += 1;
        }
        let raw = text[vstart..k].trim_ws();
        let value = if raw.len() >= 2
            && ((raw.starts_with('"') && raw.ends_with('"'))
                || (raw.starts_with('\'') && raw.ends_with('\'')))
        {
            &raw[1..raw.len() - 1]
        } else {
            raw
        };
        out.push((name, value.to_owned(), vstart..k));
    }
    out
}

/// Claims `sc qc` output (also `sc query`'s, which has no `BINARY_PATH_NAME`) from its
/// `[SC] QueryServiceConfig` line or a `SERVICE_NAME:` line, through its `KEY : value` lines; the
/// next `SERVICE_NAME:` or `[SC]` line starts another document.
pub(crate) fn recognize_sc(src: &Source<'_>, i: usize, _hint: &Hint<'_>) -> Option<Claim> {
    let t = src.line(i).trim_ws();
    let sc = t.starts_with("[SC] QueryServiceConfig");
    if !sc && !t.starts_with("SERVICE_NAME:") {
        return None;
    }
    let n = src.lines.len();
    let mut doc = ScQc::default();
    let mut j = i + 1;
    if !sc {
        j = i;
    }
    let mut end = i + 1;
    while j < n {
        let line = src.line(j);
        let t = line.trim_ws();
        let lr = src.lines[j].range;
        if t.is_empty() {
            j += 1;
            continue;
        }
        if j > i && (t.starts_with("SERVICE_NAME:") || t.starts_with("[SC]")) {
            break;
        }
        let Some((k, v)) = t.split_once(':') else { break };
        let key = k.trim_ws();
        if key.is_empty() || !key.bytes().all(|c| c.is_ascii_uppercase() || c == b'_') {
            // A continuation of DEPENDENCIES (`: name`) has an empty key.
            if key.is_empty() {
                j += 1;
                end = j;
                continue;
            }
            break;
        }
        let v = v.trim_ws();
        match key {
            "SERVICE_NAME" => doc.service = Some((v.to_owned(), lr)),
            "BINARY_PATH_NAME" => doc.binary_path = Some((v.to_owned(), lr)),
            _ => {}
        }
        j += 1;
        end = j;
    }
    Some(Claim {
        kind: DocKind::WindowsService,
        end,
        name: doc.service.as_ref().map(|s| s.0.clone()),
        label: None,
        parsed: Parsed::WindowsService(doc),
        problems: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> SupervisordConf {
        let src = Source::new(0, "supervisord.conf", text);
        parse_supervisord(&src, 0).0
    }

    #[test]
    fn supervisord_sections_entries_and_continuations() {
        let c = parse(
            "[program:mysqld]\ncommand=/usr/sbin/mysqld ; the server\n   --user=mysql\nautorestart = unexpected\nexitcodes: 0,2\n\n[mysqld]\nx=1\n",
        );
        assert_eq!(c.sections.len(), 1);
        let s = &c.sections[0];
        assert_eq!(s.program(), Some("mysqld"));
        assert_eq!(s.get("command").map(|e| e.value.as_str()), Some("/usr/sbin/mysqld\n--user=mysql"));
        assert_eq!(s.get("exitcodes").map(|e| e.value.as_str()), Some("0,2"));
    }

    #[test]
    fn environment_values() {
        let v = environment_pairs("A=\"1\",MYSQLD_PARENT_PID='2', C=3,D=\"x,y\"");
        let got: Vec<(&str, &str)> = v.iter().map(|(n, v, _)| (n.as_str(), v.as_str())).collect();
        assert_eq!(got, [("A", "1"), ("MYSQLD_PARENT_PID", "2"), ("C", "3"), ("D", "x,y")]);
        for t in ["", ",", "=", "A", "A=\"", "=x,=y", "é=é"] {
            let _ = environment_pairs(t);
        }
    }

    #[test]
    fn supervisord_log_lines() {
        let ev = |l: &str| log_message(l).and_then(log_event);
        assert_eq!(
            ev("2024-05-01 10:00:00,123 WARN exited: mysqld (exit status 16; not expected)"),
            Some((SupervisordEvent::Exited { code: 16 }, "mysqld".into()))
        );
        assert_eq!(
            ev("2024-05-01 10:00:01,200 INFO spawned: 'mysqld' with pid 4242"),
            Some((SupervisordEvent::Spawned, "mysqld".into()))
        );
        assert_eq!(
            ev(
                "2024-05-01 10:00:09,001 INFO gave up: mysqld entered FATAL state, too many start retries too quickly"
            ),
            Some((SupervisordEvent::GaveUp, "mysqld".into()))
        );
        assert!(matches!(
            ev("2024-05-01 10:00:00,123 WARN exited: mysqld (terminated by SIGKILL; not expected)"),
            Some((SupervisordEvent::Killed { .. }, _))
        ));
        assert_eq!(ev("2024-05-01 10:00:00,123 INFO success: mysqld entered RUNNING state"), None);
        assert_eq!(ev("2024-05-01T10:00:00.123Z 0 [System] [MY-010116] [Server] x"), None);
    }

    #[test]
    fn script_kinds() {
        assert_eq!(script_kind("/etc/sv/mysql/run", "#!/bin/sh").map(|k| k.kind), Some(ScriptKind::Runit));
        assert_eq!(script_kind("input 1", "#!/sbin/openrc-run").map(|k| k.kind), Some(ScriptKind::OpenRc));
        assert!(script_kind("input 1", "#!/command/execlineb -P").is_some_and(|k| k.execline));
        assert_eq!(
            script_kind("/etc/s6-overlay/s6-rc.d/mysql/run", "#!/command/with-contenv sh").map(|k| k.kind),
            Some(ScriptKind::S6)
        );
        assert_eq!(script_kind("/etc/init.d/mysql", "#!/bin/sh").map(|k| k.kind), Some(ScriptKind::SysV));
        assert_eq!(script_kind("/usr/local/bin/start.sh", "#!/bin/sh"), None);
    }
}
