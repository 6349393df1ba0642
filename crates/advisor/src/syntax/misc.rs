//! Small line-oriented kinds: `mysqld --version` / `mysql --version` lines, MySQL error-log lines
//! (8.0, 5.7, MariaDB, syslog/journald-prefixed), client errors (`ERROR 3707 (HY000): …`), and
//! `CHANGE REPLICATION SOURCE TO` / `CHANGE MASTER TO` statements.

use crate::i18n::k;
use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Label, Parsed, Problem};
use crate::text::TextRange;

/// Longest statement followed, in lines.
const MAX_STATEMENT_LINES: usize = 200;

/// A string and where it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Spanned {
    pub text: String,
    pub range: TextRange,
}

impl Spanned {
    fn of(src: &Source<'_>, i: usize, s: &str) -> Spanned {
        Spanned { text: s.to_owned(), range: src.range_in_line(i, s) }
    }
}

// ---------------------------------------------------------------------------------------------
// Error log

/// One error-log line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LogLine {
    /// The whole line.
    pub range: TextRange,
    /// `May 01 10:00:00 db1 mysqld[1234]:` (syslog / journald prefix), if any.
    pub syslog_prefix: Option<Spanned>,
    /// `2024-05-01T10:00:00.123456Z` / `2024-05-01 10:00:00`.
    pub time: Option<Spanned>,
    /// The thread id field.
    pub thread: Option<Spanned>,
    /// `ERROR`, `Warning`, `Note`, `System` as printed.
    pub level: Option<Spanned>,
    /// `MY-013462`.
    pub code: Option<Spanned>,
    /// `Server`, `InnoDB`, `Repl`…
    pub subsystem: Option<Spanned>,
    pub message: Spanned,
    /// The server version this line announces (`starting as process`, `ready for connections`).
    pub version: Option<Spanned>,
    /// The text after the version on a `ready for connections` line (`MySQL Community Server - GPL.`)
    /// or the program name on a `starting as process` line: flavour evidence.
    pub version_comment: Option<String>,
}

/// Consecutive error-log lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct ErrorLog {
    pub lines: Vec<LogLine>,
}

/// A client error.
#[derive(Clone, Debug, Default)]
pub(crate) struct ClientError {
    pub range: TextRange,
    pub code: u32,
    pub sqlstate: Option<Spanned>,
    pub message: Spanned,
    /// The statement that produced it, when a prompt line preceded it.
    pub command: Option<String>,
}

/// A version line: `/usr/sbin/mysqld  Ver 8.0.36-0ubuntu0.22.04.1 for Linux on x86_64 ((Ubuntu))`.
#[derive(Clone, Debug, Default)]
pub(crate) struct VersionLine {
    pub range: TextRange,
    /// The program as printed (`/usr/sbin/mysqld`, `mysql`, `mariadbd`).
    pub program: Spanned,
    /// True for a client (`mysql`, `mariadb`): it says nothing certain about the server.
    pub client: bool,
    /// The server version (for an old client, the `Distrib` version).
    pub version: Spanned,
    /// The rest of the line (`for Linux on x86_64 (Percona Server (GPL), Release 27, …)`).
    pub rest: String,
    /// True for an installed package's line (`rpm -qa`, `dpkg -l`, `yum list installed`,
    /// `apt list --installed`): what is installed, not necessarily what runs.
    pub package: bool,
}

/// A CHANGE REPLICATION SOURCE / CHANGE MASTER statement.
#[derive(Clone, Debug, Default)]
pub(crate) struct ChangeSource {
    pub range: TextRange,
    /// `CHANGE MASTER TO` spelling.
    pub legacy: bool,
    /// Options in order: name upper-cased, value unquoted (passwords as `***`), each with the range
    /// of `NAME = value`.
    pub options: Vec<(Spanned, Spanned)>,
    /// `FOR CHANNEL 'x'`.
    pub channel: Option<Spanned>,
}

/// Claims one of this module's kinds starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    if let Some(v) = parse_version_line(src, i).or_else(|| parse_package_line(src, i)) {
        let label = Label {
            key: if v.package {
                k::MYSQL_DOC_PACKAGE_VERSION
            } else if v.client {
                k::MYSQL_DOC_CLIENT_VERSION
            } else {
                k::MYSQL_DOC_SERVER_VERSION
            },
            args: vec![("program", v.program.text.clone()), ("version", v.version.text.clone())],
        };
        return Some(Claim {
            kind: DocKind::MysqldVersion,
            end: i + 1,
            name: Some(v.version.text.clone()),
            label: Some(label),
            parsed: Parsed::Version(v),
            problems: Vec::new(),
        });
    }
    if parse_log_line(src, i).is_some() {
        let mut lines = Vec::new();
        let mut j = i;
        while j < src.lines.len() {
            if let Some(l) = parse_log_line(src, j) {
                lines.push(l);
            } else if let Some(l) = version_continuation(src, j) {
                // 5.7 prints `Version: '5.7.44-log'  socket: …` on its own line after
                // `ready for connections.`
                lines.push(l);
            } else {
                break;
            }
            j += 1;
        }
        let errors = lines
            .iter()
            .filter(|l| l.level.as_ref().is_some_and(|v| v.text.eq_ignore_ascii_case("ERROR")))
            .count();
        let label = Label {
            key: k::MYSQL_DOC_ERROR_LOG,
            args: vec![("count", lines.len().to_string()), ("errors", errors.to_string())],
        };
        return Some(Claim {
            kind: DocKind::ErrorLog,
            end: j,
            name: None,
            label: Some(label),
            parsed: Parsed::ErrorLog(ErrorLog { lines }),
            problems: Vec::new(),
        });
    }
    let client = parse_node_error(src, i).or_else(|| parse_client_error(src, i).map(|e| (e, i + 1)));
    if let Some((mut e, end)) = client {
        e.command = hint.command.map(|c| crate::redact::mask(c).into_owned());
        let label = Label {
            key: k::MYSQL_DOC_CLIENT_ERROR,
            args: vec![
                ("code", e.code.to_string()),
                ("message", label_message(&e.message.text, hint.command)),
            ],
        };
        return Some(Claim {
            kind: DocKind::ClientError,
            end,
            name: Some(e.code.to_string()),
            label: Some(label),
            parsed: Parsed::ClientError(e),
            problems: Vec::new(),
        });
    }
    if change_keyword(line.trim_start_ws()).is_some() {
        let (stmt, end, problems) = parse_change_source(src, i, src.lines.len());
        let statement: String =
            if stmt.legacy { "CHANGE MASTER TO".into() } else { "CHANGE REPLICATION SOURCE TO".into() };
        let label = match &stmt.channel {
            Some(c) => Label {
                key: k::MYSQL_DOC_CHANGE_SOURCE_CHANNEL,
                args: vec![("statement", statement), ("channel", c.text.clone())],
            },
            None => Label { key: k::MYSQL_DOC_CHANGE_SOURCE, args: vec![("statement", statement)] },
        };
        return Some(Claim {
            kind: DocKind::ChangeReplicationSource,
            end,
            name: None,
            label: Some(label),
            parsed: Parsed::Statement(stmt),
            problems,
        });
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Version lines

/// Parses a version line.
///
/// Grammar: `PROGRAM WS+ "Ver" WS+ VERSION [WS+ "Distrib" WS+ VERSION ","] WS+ "for" REST` where
/// PROGRAM's file name is `mysqld`, `mysqld-debug`, `mariadbd`, `mysql`, `mariadb` (`.exe`
/// allowed). For a client the `Distrib` version (5.7 and MariaDB clients) is the server release;
/// `mysql  Ver 8.0.36 for …` (8.0+ clients) carries it directly.
pub(crate) fn parse_version_line(src: &Source<'_>, i: usize) -> Option<VersionLine> {
    let line = src.line(i);
    let t = line.trim_ws();
    let mut words = t.split_whitespace();
    let program = words.next()?;
    if words.next()? != "Ver" {
        return None;
    }
    let base = program.rsplit(['/', '\\']).next().unwrap_or(program);
    let base = base.strip_suffix(".exe").unwrap_or(base);
    let client = match base {
        "mysqld" | "mysqld-debug" | "mariadbd" | "mysqld_safe" => false,
        "mysql" | "mariadb" => true,
        _ => return None,
    };
    let ver_pos = t.find(" Ver ")? + 5;
    let after = t.get(ver_pos..)?.trim_start_ws();
    let mut vs = after.split_whitespace();
    let mut version = vs.next()?.trim_end_matches(',');
    if vs.next() == Some("Distrib")
        && let Some(d) = vs.next()
    {
        version = d.trim_end_matches(',');
    }
    crate::base::Version::parse(version)?;
    let rest_start = after.find(version).map(|p| p + version.len()).unwrap_or(0);
    let rest = after.get(rest_start..).unwrap_or("").trim_start_matches(',').trim_ws().to_owned();
    Some(VersionLine {
        range: src.lines[i].range,
        program: Spanned::of(src, i, program),
        client,
        version: Spanned::of(src, i, version),
        rest,
        package: false,
    })
}

/// Server packages whose version is the server's: MySQL (Oracle's and the distributions'),
/// Percona Server, MariaDB, GreatSQL. Client, common and library packages say nothing about the
/// server. Names are compared lower-cased, up to a `-X.Y` series suffix (`mysql-server-8.0`).
const SERVER_PACKAGES: &[&str] = &[
    "mysql-community-server",
    "mysql-commercial-server",
    "mysql-server",
    "mysql-server-core",
    "mysql-community-server-core",
    "mysql-commercial-server-core",
    "percona-server-server",
    "percona-server-server-57",
    "percona-server-server-5.7",
    "mariadb-server",
    "mariadb-server-core",
    "greatsql-server",
];

/// An installed server package with its version, as package tools print it:
/// - `rpm -qa`: `mysql-community-server-8.0.16-2.el7.x86_64` (name-version-release.arch);
/// - `dpkg -l`: `ii  mysql-server-8.0  8.0.36-0ubuntu0.22.04.1  amd64  MySQL database server …`;
/// - `yum list installed` / `dnf list installed`: `mysql-community-server.x86_64  8.0.36-1.el8  @repo`;
/// - `apt list --installed`: `mysql-server-8.0/jammy-updates,now 8.0.36-0ubuntu0.22.04.1 amd64 [installed]`.
///
/// The version may carry a Debian epoch (`1:10.11.6-0+deb12u1`), which is dropped.
pub(crate) fn parse_package_line(src: &Source<'_>, i: usize) -> Option<VersionLine> {
    let line = src.line(i);
    let t = line.trim_ws();
    let words: Vec<&str> = t.split_whitespace().take(6).collect();
    let (name, version) = match words.as_slice() {
        // dpkg -l: status, name, version, arch, description…
        // (`ii`: installed; `rc`: removed, only its configuration left — not installed.)
        [status, name, version, _arch, _, ..] if status.len() == 2 && status.as_bytes()[1] == b'i' => {
            (name.split(':').next().unwrap_or(name), *version)
        }
        // yum/dnf list installed: name.arch, version-release, repository.
        [name_arch, version, repo] if repo.starts_with('@') || repo.starts_with("installed") => {
            (name_arch.rsplit_once('.').map(|(n, _)| n).unwrap_or(name_arch), *version)
        }
        // apt list --installed: name/suites version arch [installed…]
        [name_suite, version, _arch, flag, ..]
            if name_suite.contains('/') && flag.starts_with("[installed") =>
        {
            (name_suite.split('/').next().unwrap_or(name_suite), *version)
        }
        // rpm -qa: one word, name-version-release.arch.
        [nevra] => rpm_nevra(nevra)?,
        _ => return None,
    };
    if !is_server_package(name) {
        return None;
    }
    let version = version.rsplit_once(':').map(|(_, v)| v).unwrap_or(version);
    crate::base::Version::parse(version)?;
    Some(VersionLine {
        range: src.lines[i].range,
        program: Spanned::of(src, i, name),
        client: false,
        version: Spanned::of(src, i, version),
        // The package name tells the flavour (`percona-server-server`, `MariaDB-server`).
        rest: name.to_owned(),
        package: true,
    })
}

/// `mysql-community-server-8.0.16-2.el7.x86_64` → (`mysql-community-server`, `8.0.16-2.el7.x86_64`):
/// the name ends before the first `-` followed by a digit and a dot-separated version.
fn rpm_nevra(w: &str) -> Option<(&str, &str)> {
    let arch_ok =
        [".x86_64", ".aarch64", ".noarch", ".i686", ".ppc64le", ".s390x"].iter().any(|a| w.ends_with(a));
    if !arch_ok {
        return None;
    }
    let bytes = w.as_bytes();
    let k = (1..bytes.len()).find(|&k| {
        bytes[k - 1] == b'-'
            && bytes[k].is_ascii_digit()
            && crate::base::Version::parse(&w[k..]).is_some()
            && w[k..].split('-').next().is_some_and(|v| v.contains('.'))
    })?;
    Some((&w[..k - 1], &w[k..]))
}

fn is_server_package(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    // `mysql-server-8.0`, `mariadb-server-10.5`: a series suffix.
    let base = match n.rsplit_once('-') {
        Some((b, s)) if s.contains('.') && s.bytes().all(|c| c.is_ascii_digit() || c == b'.') => b.to_owned(),
        _ => n.clone(),
    };
    SERVER_PACKAGES.contains(&n.as_str()) || SERVER_PACKAGES.contains(&base.as_str())
}

// ---------------------------------------------------------------------------------------------
// Error-log lines

/// Parses one error-log line.
///
/// Grammar:
/// ```text
/// line     = [syslog] (mysql8 | mysql57 | mariadb | bare)
/// syslog   = MON DD HH:MM:SS HOST PROG "[" PID "]:"       ; journald/syslog, or
///          | ISO-TIME HOST PROG "[" PID "]:"              ; journalctl -o short-iso
/// mysql8   = TIME WS THREAD WS "[" LEVEL "]" WS "[" MY-N "]" WS "[" SUBSYS "]" WS MESSAGE
/// mysql57  = TIME WS THREAD WS "[" LEVEL "]" WS MESSAGE
/// mariadb  = DATE WS HH:MM:SS WS THREAD WS "[" LEVEL "]" WS MESSAGE
/// safe     = TIME WS "mysqld_safe" WS MESSAGE                  ; subsystem `mysqld_safe`, no level
/// bare     = PATH " (mysqld " VERSION ") starting as process " PID …   ; no timestamp
/// ```
/// After a syslog prefix any message counts (the program must be `mysqld`, `mariadbd` or
/// `mysqld_safe`). The version is taken from `… (mysqld 8.0.36) starting as process …` and
/// `ready for connections. Version: '8.0.36' …` messages.
pub(crate) fn parse_log_line(src: &Source<'_>, i: usize) -> Option<LogLine> {
    if i >= src.lines.len() {
        return None;
    }
    let line = src.line(i);
    let t = line.trim_start_ws();
    // Container entrypoint lines (`… [Note] [Entrypoint]: …`) belong to `syntax::container`.
    if t.contains("[Entrypoint]") {
        return None;
    }
    let mut out = LogLine { range: src.lines[i].range, ..LogLine::default() };
    let mut rest = t;
    if let Some((prefix, after)) = syslog_prefix(t) {
        out.syslog_prefix = Some(Spanned::of(src, i, prefix));
        rest = after.trim_start_ws();
    }
    if let Some(r) = mysql_line(src, i, rest, &mut out) {
        rest = r;
    } else if out.syslog_prefix.is_none() && !is_bare_startup(rest) {
        return None;
    }
    let msg = rest.trim_end_ws();
    out.message = Spanned::of(src, i, msg);
    announce_version(src, i, msg, &mut out);
    Some(out)
}

/// Parses the message of a journal line written by mysqld (`syntax::journal` has already split off
/// the journal prefix `prefix`, which may be in a form [`parse_log_line`] does not know: a
/// localised month, `short-full`, no host). `body` is the rest of the line. As after any syslog
/// prefix, every message counts.
pub(crate) fn parse_log_body(src: &Source<'_>, i: usize, prefix: &str, body: &str) -> LogLine {
    let mut out = LogLine { range: src.lines[i].range, ..LogLine::default() };
    out.syslog_prefix = Some(Spanned::of(src, i, prefix));
    let rest = mysql_line(src, i, body, &mut out).unwrap_or(body);
    let msg = rest.trim_end_ws();
    out.message = Spanned::of(src, i, msg);
    announce_version(src, i, msg, &mut out);
    out
}

/// The untimestamped `Version: '5.7.44-log'  socket: '…'  port: 3306  MySQL Community Server (GPL)`
/// line that 5.7 prints after `ready for connections.`
fn version_continuation(src: &Source<'_>, i: usize) -> Option<LogLine> {
    let t = src.line(i).trim_ws();
    if !t.starts_with("Version: '") {
        return None;
    }
    let mut out = LogLine { range: src.lines[i].range, ..LogLine::default() };
    out.message = Spanned::of(src, i, t);
    announce_version(src, i, t, &mut out);
    out.version.is_some().then_some(out)
}

/// `May 01 10:00:00 db1 mysqld[1234]:` or `2024-05-01T10:00:00+0000 db1 mysqld[1234]:`.
fn syslog_prefix(t: &str) -> Option<(&str, &str)> {
    let colon = t.find("]: ")?;
    let head = t.get(..colon + 2)?;
    let open = head.rfind('[')?;
    let prog_start = head.get(..open)?.rfind(' ')? + 1;
    let prog = head.get(prog_start..open)?;
    let prog = prog.rsplit('/').next().unwrap_or(prog);
    if !matches!(prog, "mysqld" | "mariadbd" | "mysqld_safe" | "mysqld-debug") {
        return None;
    }
    let pid = head.get(open + 1..colon)?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first = head.split_whitespace().next()?;
    let month = matches!(
        first,
        "Jan" | "Feb" | "Mar" | "Apr" | "May" | "Jun" | "Jul" | "Aug" | "Sep" | "Oct" | "Nov" | "Dec"
    );
    if !(month || is_iso_date(first)) {
        return None;
    }
    Some((head, t.get(colon + 2..)?))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// The timestamped MySQL/MariaDB forms; returns the message.
fn mysql_line<'a>(src: &Source<'_>, i: usize, t: &'a str, out: &mut LogLine) -> Option<&'a str> {
    let (time, rest) = split_word(t)?;
    if !is_iso_date(time) {
        return None;
    }
    let (time, rest) = if time.len() == 10 {
        // MariaDB / 5.6: `2024-05-01 10:00:00`.
        let (clock, rest) = split_word(rest)?;
        if !(clock.len() >= 8 && clock.as_bytes().get(2) == Some(&b':')) {
            return None;
        }
        let whole = t.get(..(clock.as_ptr() as usize - t.as_ptr() as usize) + clock.len())?;
        (whole, rest)
    } else if time.as_bytes().get(10) == Some(&b'T') {
        (time, rest)
    } else {
        return None;
    };
    out.time = Some(Spanned::of(src, i, time));
    let mut rest = rest;
    // `TIME mysqld_safe Starting mysqld daemon …` (mysqld_safe writes into the same log).
    if let Some((w, r)) = split_word(rest)
        && w == "mysqld_safe"
    {
        out.subsystem = Some(Spanned::of(src, i, w));
        return Some(r);
    }
    // Thread id (absent in some MariaDB lines).
    if let Some((th, r)) = split_word(rest)
        && th.bytes().all(|b| b.is_ascii_digit())
    {
        out.thread = Some(Spanned::of(src, i, th));
        rest = r;
    }
    let (level, r) = bracket(rest)?;
    out.level = Some(Spanned::of(src, i, level));
    rest = r;
    if let Some((code, r)) = bracket(rest)
        && code.starts_with("MY-")
    {
        out.code = Some(Spanned::of(src, i, code));
        rest = r;
        if let Some((sub, r)) = bracket(rest) {
            out.subsystem = Some(Spanned::of(src, i, sub));
            rest = r;
        }
    }
    Some(rest)
}

fn split_word(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_start_ws();
    if t.is_empty() {
        return None;
    }
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    Some((t.get(..end)?, t.get(end..)?.trim_start_ws()))
}

/// `[x] rest` → (`x`, `rest`).
fn bracket(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_start_ws();
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    let word = inner.get(..close)?;
    if word.is_empty() || word.len() > 24 || word.contains(' ') {
        return None;
    }
    Some((word, inner.get(close + 1..)?.trim_start_ws()))
}

/// `/usr/sbin/mysqld (mysqld 8.0.36) starting as process 1234 …` without a timestamp.
fn is_bare_startup(t: &str) -> bool {
    startup_version(t).is_some()
}

/// The version in `… (mysqld 8.0.36) starting as process …` / `(server 10.11.6-MariaDB…) starting as process`.
fn startup_version(msg: &str) -> Option<(&str, &str)> {
    let k = msg.find(") starting as process")?;
    let head = msg.get(..k)?;
    let open = head.rfind('(')?;
    let inner = head.get(open + 1..)?;
    let (prog, ver) = inner.split_once(' ')?;
    crate::base::Version::parse(ver)?;
    Some((prog, ver))
}

fn announce_version(src: &Source<'_>, i: usize, msg: &str, out: &mut LogLine) {
    if let Some((prog, ver)) = startup_version(msg) {
        out.version = Some(Spanned::of(src, i, ver));
        // The program name (`mysqld`, `mariadbd`, `server`) says nothing reliable about the flavour;
        // the version string itself may (`10.11.6-MariaDB`).
        let _ = prog;
        return;
    }
    if let Some(k) = msg.find("Version: '") {
        let after = msg.get(k + 10..).unwrap_or("");
        if let Some(close) = after.find('\'') {
            let ver = after.get(..close).unwrap_or("");
            if crate::base::Version::parse(ver).is_some() {
                out.version = Some(Spanned::of(src, i, ver));
                // After `port: 3306  ` comes the version comment.
                let tail = after.get(close + 1..).unwrap_or("");
                let comment = match tail.find("port: ") {
                    Some(p) => {
                        let t2 = tail.get(p + 6..).unwrap_or("");
                        t2.trim_start_matches(|c: char| c.is_ascii_digit()).trim_ws()
                    }
                    None => tail.trim_ws(),
                };
                out.version_comment = Some(comment.to_owned());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Client errors

/// Parses a client error line, whatever client printed it (`runtime-and-launchers.md` §6).
///
/// Grammar (`MSG` is the server's message; `N` the error number, `S` the SQLSTATE):
/// ```text
/// mysql     = ("ERROR" | "Error") [":"] WS N [WS "(" S ")"] [WS "at line" WS N [WS "in file:" WS '…']] ":" WS MSG
///                                   ; the mysql client (interactive, batch), MySQL Shell SQL mode,
///                                   ; go-sql-driver (`Error 3707 (HY000): …`, `Error 3707: …` before v1.7.0)
/// mysqltest = "ERROR" WS S ":" WS MSG                       ; `.result` files; N from MSG (known texts only)
/// dbeaver   = PREFIX WS "[" N "]" [WS "[" S "]"] ":" WS MSG  ; PREFIX names SQL: `SQL Error`, `SQL-Fehler`, `Error SQL`
/// workbench = … "Error Code: " N "." WS MSG [WS DURATION " sec"]   ; anywhere in an Action Output row
/// python    = … CLASS ("Error: " | "Error) ") "(" N ", " QUOTED ")"   ; PyMySQL, mysqlclient, SQLAlchemy's wrapper
///           | … CLASS "Error: " N " (" S "): " MSG                     ; mysql.connector
/// jdbc      = … CLASS "Exception: " MSG      ; CLASS names SQL (`java.sql.SQLException`); N from MSG
/// applog    = (DIGIT | "[") … LEVEL … "Restart server failed (" … ")"   ; an application's log line
/// ```
/// A message alone gives a number only for known texts (`Restart server failed (` → 3707): a
/// line that merely mentions "error 3707" in prose is not an error (see the near-miss fixtures).
/// Multi-line forms (Node's inspected error object) are read by [`parse_node_error`].
pub(crate) fn parse_client_error(src: &Source<'_>, i: usize) -> Option<ClientError> {
    let line = src.line(i);
    let t = line.trim_ws();
    let found = mysql_cli_error(t)
        .or_else(|| mysqltest_error(t))
        .or_else(|| dbeaver_error(t))
        .or_else(|| workbench_error(t))
        .or_else(|| python_error(t))
        .or_else(|| jdbc_error(t))
        .or_else(|| app_log_error(t))?;
    Some(found.into_error(src, i))
}

/// A client error found in a line: sub-slices of the line.
struct Found<'a> {
    code: u32,
    sqlstate: Option<&'a str>,
    message: &'a str,
}

impl Found<'_> {
    fn into_error(self, src: &Source<'_>, i: usize) -> ClientError {
        ClientError {
            range: src.lines[i].range,
            code: self.code,
            sqlstate: self.sqlstate.map(|s| Spanned::of(src, i, s)),
            message: Spanned::of(src, i, self.message),
            command: None,
        }
    }
}

/// Error numbers by their symbolic names (`ER_RESTART_SERVER_FAILED`), for clients that print the
/// name (Node's mysql2 `code:`); the clone errors are the ones the clone rules read
/// (`mysql-facts.md` §3).
const ERROR_NAMES: &[(&str, u32)] = &[
    ("ER_PLUGIN_IS_NOT_LOADED", 1524),
    ("ER_RESTART_SERVER_FAILED", 3707),
    ("ER_CLONE_DONOR", 3862),
    ("ER_CLONE_PROTOCOL", 3863),
    ("ER_CLONE_DONOR_VERSION", 3864),
    ("ER_CLONE_OS", 3865),
    ("ER_CLONE_PLATFORM", 3866),
    ("ER_CLONE_CHARSET", 3867),
    ("ER_CLONE_CONFIG", 3868),
    ("ER_CLONE_SYS_CONFIG", 3869),
    ("ER_CLONE_PLUGIN_MATCH", 3870),
    ("ER_CLONE_LOOPBACK", 3871),
    ("ER_CLONE_ENCRYPTION", 3872),
    ("ER_CLONE_DISK_SPACE", 3873),
    ("ER_CLONE_IN_PROGRESS", 3874),
    ("ER_CLONE_DISALLOWED", 3875),
];

/// The number of an error name (`ER_RESTART_SERVER_FAILED` → 3707).
pub(crate) fn code_by_name(name: &str) -> Option<u32> {
    ERROR_NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The number of a server message whose client printed no number (Connector/J, mysqltest): only
/// texts that belong to one error. `Restart server failed (%s).` is ER_RESTART_SERVER_FAILED
/// (mysql-facts §1.2).
fn code_by_message(msg: &str) -> Option<u32> {
    msg.starts_with("Restart server failed (").then_some(3707)
}

fn error_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    Some((s.get(..digits)?.parse().ok()?, s.get(digits..)?))
}

fn is_sqlstate(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The mysql client's grammar (also MySQL Shell SQL mode and go-sql-driver).
fn mysql_cli_error(t: &str) -> Option<Found<'_>> {
    let rest = t.strip_prefix("ERROR").or_else(|| t.strip_prefix("Error"))?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with(' ') {
        return None;
    }
    let (code, after) = error_number(rest.trim_start_ws())?;
    let mut r = after.trim_start_ws();
    let mut sqlstate = None;
    if let Some(inner) = r.strip_prefix('(') {
        let close = inner.find(')')?;
        let st = inner.get(..close)?;
        if is_sqlstate(st) {
            sqlstate = Some(st);
        }
        r = inner.get(close + 1..)?.trim_start_ws();
    }
    if let Some(after) = r.strip_prefix("at line") {
        r = after.trim_start_ws().trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_ws();
        if let Some(after) = r.strip_prefix("in file:") {
            r = after.find(':').and_then(|p| after.get(p..)).unwrap_or(after);
        }
    }
    let message = r.strip_prefix(':')?.trim_ws();
    Some(Found { code, sqlstate, message })
}

/// mysqltest's `ERROR HY000: MSG`.
fn mysqltest_error(t: &str) -> Option<Found<'_>> {
    let rest = t.strip_prefix("ERROR ")?;
    let (st, msg) = rest.split_once(": ")?;
    if !is_sqlstate(st) || st.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let message = msg.trim_ws();
    Some(Found { code: code_by_message(message)?, sqlstate: Some(st), message })
}

/// DBeaver's `SQL Error [3707] [HY000]: MSG` and its translations.
fn dbeaver_error(t: &str) -> Option<Found<'_>> {
    let open = t.find(" [")?;
    let prefix = &t[..open];
    let names_sql = prefix.contains("SQL") || prefix.contains("错误");
    if !names_sql || prefix.len() > 32 || prefix.bytes().any(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (code, after) = error_number(&t[open + 2..])?;
    let mut r = after.strip_prefix(']')?;
    let mut sqlstate = None;
    if let Some(inner) = r.strip_prefix(" [") {
        let close = inner.find(']')?;
        let st = &inner[..close];
        if is_sqlstate(st) {
            sqlstate = Some(st);
        }
        r = &inner[close + 1..];
    }
    let message = r.strip_prefix(':')?.trim_ws();
    Some(Found { code, sqlstate, message })
}

/// MySQL Workbench's `Error Code: 3707. MSG`, alone or inside an Action Output row
/// (`12:01:02  CLONE INSTANCE …  Error Code: 3707. MSG  0.123 sec`).
fn workbench_error(t: &str) -> Option<Found<'_>> {
    let p = t.find("Error Code: ")?;
    let (code, after) = error_number(&t[p + 12..])?;
    let mut message = after.strip_prefix('.')?.trim_ws();
    // The row's duration column.
    if let Some(m) = message.strip_suffix(" sec") {
        let cut = m.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        if cut.len() < m.len() && cut.ends_with(|c: char| c.is_whitespace()) {
            message = cut.trim_ws();
        }
    }
    Some(Found { code, sqlstate: None, message })
}

/// Python drivers: `pymysql.err.OperationalError: (3707, 'MSG')`, `MySQLdb.OperationalError: …`,
/// `_mysql_exceptions.OperationalError: …`, SQLAlchemy's `(pymysql.err.OperationalError) (3707,
/// 'MSG')`, and mysql.connector's `mysql.connector.errors.DatabaseError: 3707 (HY000): MSG`.
fn python_error(t: &str) -> Option<Found<'_>> {
    let mut from = 0;
    // The first `…Error: ` / `…Error) ` followed by a number.
    while let Some(p) = t[from..].find("Error") {
        let at = from + p + 5;
        from = at;
        let rest = &t[at..];
        let Some(r) = rest.strip_prefix(": ").or_else(|| rest.strip_prefix(") ")) else { continue };
        if let Some(inner) = r.strip_prefix('(') {
            let Some((code, after)) = error_number(inner) else { continue };
            let Some(q) = after.strip_prefix(", ") else { continue };
            let Some(quote) = q.chars().next().filter(|c| *c == '\'' || *c == '"') else { continue };
            let body = &q[1..];
            let close = format!("{quote})");
            let end = body.rfind(close.as_str()).unwrap_or(body.len());
            return Some(Found { code, sqlstate: None, message: body[..end].trim_ws() });
        }
        // mysql.connector: the class is dotted.
        let class_start = t[..at].rfind([' ', '(']).map_or(0, |s| s + 1);
        if !t[class_start..at].contains('.') {
            continue;
        }
        let Some((code, after)) = error_number(r) else { continue };
        let Some(inner) = after.strip_prefix(" (") else { continue };
        let Some((st, msg)) = inner.split_once("): ") else { continue };
        if is_sqlstate(st) {
            return Some(Found { code, sqlstate: Some(st), message: msg.trim_ws() });
        }
    }
    None
}

/// Connector/J: `java.sql.SQLException: MSG` (also after `Caused by: ` or a log prefix). The
/// message carries no number: only known texts count.
fn jdbc_error(t: &str) -> Option<Found<'_>> {
    let p = t.find("Exception: ")?;
    let class_start = t[..p].rfind([' ', '(', '\t']).map_or(0, |s| s + 1);
    let class = &t[class_start..p];
    if !(class.contains("SQL") || class.starts_with("com.mysql.")) {
        return None;
    }
    let message = t[p + 11..].trim_ws();
    Some(Found { code: code_by_message(message)?, sqlstate: None, message })
}

/// An application's log line holding the 3707 message: it starts with a timestamp or a `[`
/// field and names a level before the message (`2024-05-01 10:00:00.123 ERROR [main] … Restart
/// server failed (mysqld is not managed by supervisor process).`). Prose quoting the message is
/// left alone.
fn app_log_error(t: &str) -> Option<Found<'_>> {
    let p = t.find("Restart server failed (")?;
    let head = &t[..p];
    let starts_like_log = t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with('[');
    let level = ["ERROR", "Error", "error", "WARN", "FATAL", "SEVERE"].iter().any(|l| head.contains(l));
    if !starts_like_log || !level {
        return None;
    }
    let rest = &t[p..];
    let end = rest.find(')').map_or(rest.len(), |c| c + 1);
    let end = if rest[end..].starts_with('.') { end + 1 } else { end };
    Some(Found { code: 3707, sqlstate: None, message: &rest[..end] })
}

/// Node's mysql2 error as `console.log`/`util.inspect` prints it: `Error: MSG`, stack lines
/// (`    at …`), then the object's fields up to the closing `}`:
/// ```text
/// Error: MSG
///     at … {
///   code: 'ER_RESTART_SERVER_FAILED',
///   errno: 3707,
///   sqlState: 'HY000',
///   sqlMessage: 'MSG'
/// }
/// ```
/// The block is one client error (number from `errno:`, else from the `code:` name). Returns it
/// and one past the block's last line; `None` when no `errno:`/`code: 'ER_…'` field follows (or,
/// for a bare stack through `mysql2`, when the message is not one of the known texts).
pub(crate) fn parse_node_error(src: &Source<'_>, i: usize) -> Option<(ClientError, usize)> {
    const MAX_BLOCK: usize = 60;
    let t = src.line(i).trim_ws();
    let msg = t.strip_prefix("Uncaught ").unwrap_or(t).strip_prefix("Error: ")?;
    let msg = msg.strip_suffix(" {").unwrap_or(msg).trim_ws();
    let mut code = None;
    let mut name_code = None;
    let mut sqlstate = None;
    let mut in_fields = t.ends_with('{');
    let mut mysql_stack = false;
    let mut j = i + 1;
    let n = src.lines.len().min(i + MAX_BLOCK);
    while j < n {
        let l = src.line(j).trim_ws();
        if l.starts_with("at ") {
            in_fields |= l.ends_with('{');
            mysql_stack |= l.contains("mysql2") || l.contains("node_modules/mysql/");
            j += 1;
            continue;
        }
        if l == "}" && in_fields {
            j += 1;
            break;
        }
        // Only the fields of mysql2's error object, and only inside it (after a `{`).
        let Some((key, value)) = l.split_once(": ") else { break };
        const FIELDS: &[&str] = &["code", "errno", "sql", "sqlState", "sqlMessage", "fatal", "index"];
        if !in_fields || !FIELDS.contains(&key) {
            break;
        }
        let value = value.trim_end_matches(',').trim_matches(['\'', '"']);
        match key {
            "errno" => code = value.parse::<u32>().ok(),
            "code" => name_code = code_by_name(value),
            "sqlState" => sqlstate = Some(value).filter(|s| is_sqlstate(s)),
            _ => {}
        }
        j += 1;
    }
    // Without the object's fields, a stack through the driver and a known message still say it.
    let code = code.or(name_code).or_else(|| if mysql_stack { code_by_message(msg) } else { None })?;
    let sqlstate = sqlstate.map(|s| Spanned::of(src, src_line_of(src, i, j, s), s));
    Some((
        ClientError {
            range: src.lines_range(i, j),
            code,
            sqlstate,
            message: Spanned::of(src, i, msg),
            command: None,
        },
        j,
    ))
}

/// The line in `i..j` that `s` (a sub-slice of one of them) is on.
fn src_line_of(src: &Source<'_>, i: usize, j: usize, s: &str) -> usize {
    let at = s.as_ptr() as usize;
    (i..j)
        .find(|&k| {
            let l = src.line(k);
            let p = l.as_ptr() as usize;
            p <= at && at <= p + l.len()
        })
        .unwrap_or(i)
}

/// The message as a document label shows it: masked, and a syntax error's echo of the statement
/// (`… near 'S3cret' at line 1`) replaced by `****` when the statement typed at the prompt held a
/// password (`IDENTIFIED BY`, `PASSWORD`) that the masker did not find in the echo: an unquoted
/// password is echoed bare, out of the context that would let the masker recognise it.
pub(crate) fn label_message(msg: &str, command: Option<&str>) -> String {
    let masked = crate::redact::mask(msg);
    let secret_typed = command.is_some_and(|c| {
        crate::text::find_ci(c, "identified").is_some() || crate::text::find_ci(c, "password").is_some()
    });
    let Some(p) = masked.find(" near '").filter(|_| secret_typed) else { return masked.into_owned() };
    let rest = &masked[p + 7..];
    if rest.contains(crate::redact::MASK) {
        return masked.into_owned();
    }
    let tail = rest.rfind("' at line").map_or("'", |q| &rest[q..]);
    format!("{} near '{}{}", &masked[..p], crate::redact::MASK, tail)
}

// ---------------------------------------------------------------------------------------------
// CHANGE REPLICATION SOURCE TO / CHANGE MASTER TO

/// `Some(legacy)` when `t` starts with `CHANGE REPLICATION SOURCE TO` / `CHANGE MASTER TO`
/// (case-insensitive, any spacing).
pub(crate) fn change_keyword(t: &str) -> Option<bool> {
    let mut w = t.split_whitespace().map(|s| s.to_ascii_uppercase());
    if w.next()? != "CHANGE" {
        return None;
    }
    match w.next()?.as_str() {
        // MariaDB names a connection between the words: `CHANGE MASTER 'db-east' TO`.
        "MASTER" => {
            let mut n = w.next()?;
            if n.starts_with(['\'', '"', '`']) {
                n = w.next()?;
            }
            (n.trim_end_matches(';') == "TO").then_some(true)
        }
        "REPLICATION" => {
            if w.next()? != "SOURCE" {
                return None;
            }
            (w.next()? == "TO").then_some(false)
        }
        _ => None,
    }
}

/// True for option names that hold a password (their values are never kept).
pub(crate) fn is_password_option(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    u == "SOURCE_PASSWORD" || u == "MASTER_PASSWORD" || u.ends_with("_PASSWORD")
}

/// Parses a CHANGE statement starting at line `i` (before line `limit`), with or without mysql
/// prompts (`mysql> `, `    -> ` are stripped), ending at `;`/`\G`/`\g` outside quotes, a blank
/// line, or a line that does not continue an option list.
///
/// Grammar:
/// ```text
/// stmt    = "CHANGE" ("REPLICATION" "SOURCE" | "MASTER") "TO" option ("," option)*
///           ["FOR" "CHANNEL" string] [";" | "\G"]
/// option  = NAME "=" value
/// value   = "'" … "'" | '"' … '"' | "(" … ")" | word [ "@" string ]   ; '' and \' escapes in strings
/// ```
/// Password options (`SOURCE_PASSWORD`, `MASTER_PASSWORD`…) keep their range but their value is
/// replaced by `***`.
pub(crate) fn parse_change_source(
    src: &Source<'_>,
    i: usize,
    limit: usize,
) -> (ChangeSource, usize, Vec<Problem>) {
    let limit = limit.min(src.lines.len()).min(i + MAX_STATEMENT_LINES);
    // Collect the statement's tokens line by line (prompts stripped), keeping absolute offsets.
    let mut toks: Vec<Tok> = Vec::new();
    let mut j = i;
    let mut terminated = false;
    let mut problems = Vec::new();
    let mut in_quote: Option<(u8, usize, u32)> = None; // (quote, token index, start offset)
    while j < limit {
        let line = src.line(j);
        if j > i && line.trim_ws().is_empty() && in_quote.is_none() {
            break;
        }
        let body = strip_prompt(line);
        let base = src.range_in_line(j, body).start;
        if j > i && in_quote.is_none() && !continues_statement(body, toks.last()) {
            break;
        }
        if tokenize(body, base, &mut toks, &mut in_quote) {
            terminated = true;
            j += 1;
            break;
        }
        j += 1;
    }
    let end = j.max(i + 1);
    let range = src.lines_range(i, end);
    let mut stmt = ChangeSource { range, ..ChangeSource::default() };
    let text = src.text;
    let word = |t: &Tok| -> String { text.get(t.range.to_usize()).unwrap_or("").to_ascii_uppercase() };
    // Skip the keywords.
    let mut k = 0usize;
    while k < toks.len() {
        let w = word(&toks[k]);
        k += 1;
        if w == "MASTER" {
            stmt.legacy = true;
        }
        // MariaDB's connection name: `CHANGE MASTER 'db-east' TO`.
        if toks[k - 1].kind == TokKind::Str {
            stmt.channel = Some(Spanned { text: toks[k - 1].value(text), range: toks[k - 1].range });
        }
        if w == "TO" {
            break;
        }
    }
    while k < toks.len() {
        let t = &toks[k];
        let w = word(t);
        if t.kind == TokKind::Word && w == "FOR" {
            if toks.get(k + 1).is_some_and(|n| word(n) == "CHANNEL")
                && let Some(c) = toks.get(k + 2)
            {
                stmt.channel = Some(Spanned { text: c.value(text), range: c.range });
            }
            break;
        }
        if t.kind != TokKind::Word {
            k += 1;
            continue;
        }
        // NAME = value
        if toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Eq) {
            let name = Spanned { text: w.clone(), range: t.range };
            let mut vend = k + 2;
            let mut value = String::new();
            let mut vrange = TextRange::empty(t.range.end);
            // A value is everything up to the next top-level comma or FOR.
            while let Some(v) = toks.get(vend) {
                if v.kind == TokKind::Comma || (v.kind == TokKind::Word && word(v) == "FOR") {
                    break;
                }
                value.push_str(&v.value(text));
                vrange = if vrange.is_empty() { v.range } else { vrange.cover(v.range) };
                vend += 1;
            }
            if vend == k + 2 {
                problems.push(Problem {
                    key: k::MYSQL_PROBLEM_OPTION_WITHOUT_VALUE,
                    args: vec![("option", w.clone())],
                    range: t.range,
                });
            }
            if is_password_option(&w) {
                value = "***".to_owned();
            }
            stmt.options.push((name, Spanned { text: value, range: vrange }));
            k = vend;
        } else {
            problems.push(Problem {
                key: k::MYSQL_PROBLEM_OPTION_SYNTAX,
                args: vec![("word", w)],
                range: t.range,
            });
            k += 1;
        }
    }
    if !terminated {
        problems.push(Problem {
            key: k::MYSQL_PROBLEM_UNTERMINATED,
            args: vec![],
            range: TextRange::empty(range.end),
        });
    }
    // Thousands of one-option statements are common (one per channel): no spare capacity.
    stmt.options.shrink_to_fit();
    (stmt, end, problems)
}

/// `mysql> ` / `-> ` prompts removed.
fn strip_prompt(line: &str) -> &str {
    crate::syntax::prompt::command(line).unwrap_or(line)
}

/// Whether a line continues a statement whose last token is `last`: after a comma, `=` or the
/// `TO` keyword anything does; otherwise the line must start with an option (`NAME =`), `FOR`, `,`
/// or a terminator.
fn continues_statement(body: &str, last: Option<&Tok>) -> bool {
    let t = body.trim_start_ws();
    if matches!(last.map(|l| l.kind), Some(TokKind::Comma | TokKind::Eq) | None) {
        return true;
    }
    let up = t.to_ascii_uppercase();
    if up.starts_with("FOR ")
        || up == "FOR"
        || t.starts_with(',')
        || t.starts_with(';')
        || t.starts_with("\\G")
    {
        return true;
    }
    let name_len = t.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    name_len > 0 && t.get(name_len..).is_some_and(|r| r.trim_start_ws().starts_with('='))
        || up.starts_with("TO ")
        || up.starts_with("SOURCE TO")
        || up == "TO"
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokKind {
    Word,
    Str,
    Eq,
    Comma,
    Group,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: TokKind,
    /// For strings: including the quotes.
    range: TextRange,
}

impl Tok {
    fn value(&self, text: &str) -> String {
        let s = text.get(self.range.to_usize()).unwrap_or("");
        if self.kind != TokKind::Str || s.len() < 2 {
            return s.to_owned();
        }
        let q = s.as_bytes()[0] as char;
        let inner = s.get(1..s.len() - 1).unwrap_or("");
        let mut out = String::with_capacity(inner.len());
        let mut it = inner.chars().peekable();
        while let Some(c) = it.next() {
            if c == '\\' {
                if let Some(n) = it.next() {
                    out.push(n);
                }
            } else if c == q && it.peek() == Some(&q) {
                it.next();
                out.push(q);
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// Tokenises one line's statement text into `toks`; returns true at a terminator. A quoted string
/// may continue over lines (`in_quote` carries it).
fn tokenize(body: &str, base: u32, toks: &mut Vec<Tok>, in_quote: &mut Option<(u8, usize, u32)>) -> bool {
    let b = body.as_bytes();
    let mut p = 0usize;
    let mut depth = 0usize;
    while p < b.len() {
        if let Some((q, idx, _start)) = *in_quote {
            // Find the closing quote.
            let mut k = p;
            let mut closed = None;
            while k < b.len() {
                if b[k] == b'\\' {
                    k += 2;
                    continue;
                }
                if b[k] == q {
                    if b.get(k + 1) == Some(&q) {
                        k += 2;
                        continue;
                    }
                    closed = Some(k);
                    break;
                }
                k += 1;
            }
            let end = closed.map(|c| c + 1).unwrap_or(b.len()).min(b.len());
            if let Some(t) = toks.get_mut(idx) {
                t.range = t.range.cover(TextRange::new(base + p as u32, base + end as u32));
            }
            p = end;
            if closed.is_some() {
                *in_quote = None;
            }
            continue;
        }
        let c = b[p];
        match c {
            b' ' | b'\t' | b'\r' => p += 1,
            b';' => return true,
            b'\\' if matches!(b.get(p + 1), Some(b'G' | b'g')) => return true,
            b'=' => {
                toks.push(Tok {
                    kind: TokKind::Eq,
                    range: TextRange::new(base + p as u32, base + p as u32 + 1),
                });
                p += 1;
            }
            b',' if depth == 0 => {
                toks.push(Tok {
                    kind: TokKind::Comma,
                    range: TextRange::new(base + p as u32, base + p as u32 + 1),
                });
                p += 1;
            }
            b'\'' | b'"' | b'`' => {
                let start = base + p as u32;
                toks.push(Tok { kind: TokKind::Str, range: TextRange::new(start, start + 1) });
                *in_quote = Some((c, toks.len() - 1, start));
                p += 1;
            }
            b'(' => {
                // A parenthesised list: one token up to the matching `)` on this line.
                let mut k = p;
                let mut d = 0usize;
                while k < b.len() {
                    match b[k] {
                        b'(' => d += 1,
                        b')' => {
                            d = d.saturating_sub(1);
                            if d == 0 {
                                k += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    k += 1;
                }
                toks.push(Tok {
                    kind: TokKind::Group,
                    range: TextRange::new(base + p as u32, base + k as u32),
                });
                p = k;
                depth = 0;
            }
            b'-' if b.get(p + 1) == Some(&b'-') => break, // `-- comment`
            b'#' => break,
            _ => {
                let mut k = p;
                while k < b.len()
                    && !matches!(
                        b[k],
                        b' ' | b'\t' | b'\r' | b'=' | b',' | b';' | b'\'' | b'"' | b'(' | b'\\'
                    )
                {
                    k += 1;
                }
                if k == p {
                    k += 1;
                }
                toks.push(Tok {
                    kind: TokKind::Word,
                    range: TextRange::new(base + p as u32, base + k as u32),
                });
                p = k;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str) -> Option<Claim> {
        let src = Source::new(0, "t", text);
        recognize(&src, 0, &Hint { command: None, at_input_start: true })
    }

    #[test]
    fn version_lines() {
        let cases = [
            (
                "/usr/sbin/mysqld  Ver 8.0.36-0ubuntu0.22.04.1 for Linux on x86_64 ((Ubuntu))",
                "8.0.36-0ubuntu0.22.04.1",
                false,
            ),
            (
                "mysqld  Ver 8.0.35-27 for Linux on x86_64 (Percona Server (GPL), Release 27, Revision 2f8eeab2)",
                "8.0.35-27",
                false,
            ),
            (
                "mysqld  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)",
                "10.11.6-MariaDB-0+deb12u1",
                false,
            ),
            ("mysql  Ver 8.4.0 for Linux on x86_64 (MySQL Community Server - GPL)", "8.4.0", true),
            ("mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper", "5.7.44", true),
        ];
        for (line, ver, client) in cases {
            let c = claim(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(c.kind, DocKind::MysqldVersion);
            let Parsed::Version(v) = c.parsed else { panic!() };
            assert_eq!(v.version.text, ver);
            assert_eq!(&line[v.version.range.to_usize()], ver);
            assert_eq!(v.client, client);
        }
        assert!(claim("mysqld is running").is_none());
    }

    #[test]
    fn error_log_block_and_formats() {
        let t = "2024-05-01T10:00:00.123456Z 0 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n\
2024-05-01T10:00:01.000000Z 0 [Note] InnoDB: 5.7 style\n\
May 01 10:00:00 db1 mysqld[1234]: 2024-05-01T10:00:02.000000Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1234\n\
2024-05-01 10:00:03 0 [Note] Server socket created on IP: '::'.\n\
not a log line\n";
        let c = claim(t).unwrap();
        assert_eq!(c.kind, DocKind::ErrorLog);
        assert_eq!(c.end, 4);
        let Parsed::ErrorLog(log) = c.parsed else { panic!() };
        let l0 = &log.lines[0];
        assert_eq!(l0.level.as_ref().unwrap().text, "ERROR");
        assert_eq!(l0.code.as_ref().unwrap().text, "MY-013462");
        assert_eq!(l0.subsystem.as_ref().unwrap().text, "Server");
        assert!(l0.message.text.starts_with("Clone shutting down"));
        assert_eq!(&t[l0.code.as_ref().unwrap().range.to_usize()], "MY-013462");
        assert_eq!(log.lines[1].level.as_ref().unwrap().text, "Note");
        assert!(log.lines[1].code.is_none());
        let l2 = &log.lines[2];
        assert!(l2.syslog_prefix.is_some());
        assert_eq!(l2.version.as_ref().unwrap().text, "8.0.36");
        assert_eq!(log.lines[3].time.as_ref().unwrap().text, "2024-05-01 10:00:03");
        let t = "2024-05-01T10:00:00.000000Z mysqld_safe Starting mysqld daemon with databases from /var/lib/mysql\n";
        let Parsed::ErrorLog(log) = claim(t).unwrap().parsed else { panic!() };
        assert_eq!(log.lines[0].subsystem.as_ref().unwrap().text, "mysqld_safe");
        assert!(log.lines[0].message.text.starts_with("Starting mysqld daemon"));
    }

    #[test]
    fn ready_for_connections_gives_version_and_comment() {
        let t = "2024-05-01T10:00:05.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.35-27'  socket: '/var/lib/mysql/mysql.sock'  port: 3306  Percona Server (GPL), Release 27, Revision 2f8eeab2.\n";
        let Parsed::ErrorLog(log) = claim(t).unwrap().parsed else { panic!() };
        assert_eq!(log.lines[0].version.as_ref().unwrap().text, "8.0.35-27");
        assert!(log.lines[0].version_comment.as_ref().unwrap().starts_with("Percona Server"));
        // The bare startup line counts too.
        assert!(claim("/usr/sbin/mysqld (mysqld 8.0.36) starting as process 1234").is_some());
    }

    #[test]
    fn client_errors() {
        let c =
            claim("ERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).")
                .unwrap();
        let Parsed::ClientError(e) = c.parsed else { panic!() };
        assert_eq!(e.code, 3707);
        assert_eq!(e.sqlstate.unwrap().text, "HY000");
        assert!(e.message.text.starts_with("Restart server failed"));
        let Parsed::ClientError(e) =
            claim("ERROR 2013 (HY000) at line 1: Lost connection to MySQL server during query")
                .unwrap()
                .parsed
        else {
            panic!()
        };
        assert_eq!(e.code, 2013);
        assert!(e.message.text.starts_with("Lost connection"));
        let Parsed::ClientError(e) = claim("Error 3707: Restart server failed").unwrap().parsed else {
            panic!()
        };
        assert!(e.sqlstate.is_none());
        assert!(claim("ERROR: No query specified").is_none());
        assert!(claim("Errors are bad: 1").is_none());
    }

    #[test]
    fn change_source_multi_line_masks_password() {
        let t = "CHANGE REPLICATION SOURCE TO\n  SOURCE_HOST = 'db-src.example', SOURCE_PORT=3306,\n  SOURCE_USER='repl',\n  SOURCE_PASSWORD='s3cr''et',\n  SOURCE_AUTO_POSITION = 1,\n  IGNORE_SERVER_IDS = (1, 2)\n  FOR CHANNEL 'ch-a';\nSELECT 1;\n";
        let c = claim(t).unwrap();
        assert_eq!(c.kind, DocKind::ChangeReplicationSource);
        assert_eq!(c.end, 7);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let Parsed::Statement(s) = c.parsed else { panic!() };
        assert!(!s.legacy);
        let get = |n: &str| s.options.iter().find(|(k, _)| k.text == n).map(|(_, v)| v.clone());
        assert_eq!(get("SOURCE_HOST").unwrap().text, "db-src.example");
        assert_eq!(&t[get("SOURCE_HOST").unwrap().range.to_usize()], "'db-src.example'");
        assert_eq!(get("SOURCE_PORT").unwrap().text, "3306");
        assert_eq!(get("SOURCE_PASSWORD").unwrap().text, "***");
        assert_eq!(get("SOURCE_AUTO_POSITION").unwrap().text, "1");
        assert_eq!(get("IGNORE_SERVER_IDS").unwrap().text, "(1, 2)");
        assert_eq!(s.channel.unwrap().text, "ch-a");
        assert!(!format!("{:?}", s.options).contains("s3cr"));
    }

    #[test]
    fn change_master_with_prompts_and_unterminated() {
        let t = "CHANGE MASTER TO MASTER_HOST='h',\n    -> MASTER_PASSWORD=\"pw\",\n    -> MASTER_AUTO_POSITION=1;\n";
        let Parsed::Statement(s) = claim(t).unwrap().parsed else { panic!() };
        assert!(s.legacy);
        assert_eq!(s.options.len(), 3);
        assert_eq!(s.options[1].1.text, "***");
        let c = claim("CHANGE MASTER TO MASTER_AUTO_POSITION=1\nsomething else\n").unwrap();
        assert_eq!(c.end, 1);
        assert_eq!(c.problems.len(), 1);
    }

    #[test]
    fn mariadb_change_master_names_its_connection_before_to() {
        let Parsed::Statement(s) =
            claim("CHANGE MASTER 'db-east' TO MASTER_USE_GTID = slave_pos;\n").unwrap().parsed
        else {
            panic!()
        };
        assert!(s.legacy);
        assert_eq!(s.channel.unwrap().text, "db-east");
        assert_eq!(s.options[0].0.text, "MASTER_USE_GTID");
        assert_eq!(s.options[0].1.text, "slave_pos");
        assert_eq!(change_keyword("CHANGE MASTER \"x\" TO"), Some(true));
        assert_eq!(change_keyword("CHANGE MASTER 'x' FROM"), None);
    }
}
