//! `journalctl` output: the service manager's unit messages (how mysqld's main process ended,
//! restarts scheduled or refused, jobs) and mysqld's own error-log lines as the journal shows them.
//!
//! Grammar (`runtime-and-launchers.md` §1.1; `man/journalctl.xml`):
//!
//! ```text
//! journal  = line { line } ;
//! line     = marker | catalog | entry | cat ;
//! marker   = "-- " ( "Logs begin at" | "Journal begins at" | "Boot " | "Reboot --" | "No entries --" ) … ;
//! catalog  = "--" [ " " text ] ;                                  (`-x`: `-- Subject: …`, `-- The result is failed.`)
//! entry    = time WS [ host WS ] ident [ "[" PID "]" ] ":" WS message ;
//! time     = MON WS DD WS HH:MM:SS[.us]                          (short, short-precise; MON may be
//!                                                                   localised: `9月`, `dic`, `févr.`)
//!          | YYYY-MM-DD "T" HH:MM:SS[.us] ZONE                   (short-iso, short-iso-precise)
//!          | DOW WS YYYY-MM-DD WS HH:MM:SS[.us] WS ZONE         (short-full)
//!          | "[" WS* SECONDS "." US "]"                          (short-monotonic)
//!          | SECONDS "." US ;                                    (short-unix)
//! cat      = message ;                                            (`-o cat`: the message alone)
//! ```
//!
//! Messages read (§1.2; `U` is a unit name, matched case-insensitively where real logs differ):
//! `U: Main process exited, code=C, status=N[/NAME]` (v219: lower-case `main`), `U: Failed with
//! result 'R'.`, `U: Unit entered failed state.` / `Unit U entered failed state.` / `U failed.`,
//! `U: Service hold-off time over, scheduling restart.` / `… RestartSec=… expired, scheduling
//! restart.` / `… has no hold-off time …` / v219 `U holdoff time over, scheduling restart.`,
//! `U: Scheduled restart job, restart counter is at N.`, `U: Start request repeated too quickly.`
//! / v219 `start request repeated too quickly for U`, `U: Deactivated successfully.` / `U:
//! Succeeded.`, `U: Start operation timed out. Terminating.` (any case), and the job messages
//! `Stopped D.`, `Starting D...`, `Started D.`, `Failed to start D.` where D is the description
//! or, in newer versions, `U - Description`. Unit messages count only from `systemd` (PID 1 or a
//! user manager `systemd[12109]`) or, in `-o cat`, from a line without prefix. Lines from
//! `mysqld`, `mariadbd`, `mysqld_safe` are parsed as error-log lines (`syntax::misc`).
//!
//! Claims: one line only when it is unmistakable (a `systemd[N]:` entry with a unit message, or
//! `U: Main process exited, …` alone); otherwise two or more journal lines in a row. A run never
//! starts at a line the error-log parser takes (a pure mysqld log, prefixed or not, stays an
//! error log); inside a journal run such lines are kept, as entries, and reach the error-log facts
//! through [`Journal::log`].

use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax::document::{Claim, DocKind, Hint, Parsed};
use crate::syntax::misc::{self, LogLine, Spanned};
use crate::text::TextRange;

/// A journal that starts with mysqld's own lines is told from a syslog-prefixed error log within
/// this many lines.
const DECIDE_WITHIN: usize = 16;

/// Unit type suffixes (`systemd.unit(5)`).
const UNIT_SUFFIXES: &[&str] = &[
    ".service",
    ".socket",
    ".target",
    ".scope",
    ".slice",
    ".mount",
    ".timer",
    ".path",
    ".device",
    ".swap",
    ".automount",
];

/// The parse of a journal excerpt.
#[derive(Clone, Debug, Default)]
pub(crate) struct Journal {
    pub lines: Vec<JournalLine>,
    /// mysqld's error-log lines among them, in order (also referenced by [`What::Log`]).
    pub log: Vec<LogLine>,
    /// The unit the excerpt is about: `journalctl -u U` before it, else the first unit a message
    /// names.
    pub unit: Option<String>,
}

/// One journal line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JournalLine {
    /// The whole line.
    pub range: TextRange,
    pub prefix: Option<Prefix>,
    /// The message (after the prefix; the whole line in `-o cat`).
    pub message: Spanned,
    pub what: What,
}

/// `Jan 31 01:37:15 host systemd[1]:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// The timestamp as printed (any output mode).
    pub time: Spanned,
    pub host: Option<Spanned>,
    /// The syslog identifier (`systemd`, `mysqld`, `mysql-systemd-start`).
    pub ident: Spanned,
    pub pid: Option<u32>,
    /// The whole prefix, up to and including the colon.
    pub range: TextRange,
}

/// What a line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum What {
    /// `-- Logs begin at …`, `-- Journal begins at …`, `-- Boot …`, `-- Reboot --`, `-- No entries --`.
    Marker,
    /// `-x` catalog text (`-- Subject: Unit mysqld.service has failed`).
    Catalog,
    /// A unit message from the service manager.
    Unit(UnitMessage),
    /// A mysqld error-log line: index into [`Journal::log`].
    Log(usize),
    /// Anything else (another daemon, a message not followed).
    Other,
}

/// A unit message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnitMessage {
    /// The unit the message names, when it does (job messages name only the description, except
    /// `Started mysql.service - Desc.`).
    pub unit: Option<Spanned>,
    pub event: Event,
}

/// The unit messages followed (§1.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Event {
    /// `Main process exited, code=…, status=…`.
    MainExited(ExitDetail),
    /// `Failed with result 'R'.`
    FailedWithResult(String),
    /// `Unit entered failed state.`, `U failed.`
    EnteredFailed,
    /// `… scheduling restart.` (hold-off over, RestartSec expired, no hold-off time).
    SchedulingRestart,
    /// `Scheduled restart job, restart counter is at N.`
    RestartJob { counter: Option<u32> },
    /// `Start request repeated too quickly.`
    StartLimit,
    /// `Deactivated successfully.` / `Succeeded.`
    Deactivated,
    /// `Start operation timed out. Terminating.`
    StartTimedOut,
    /// `Stopped D.`
    Stopped { description: String },
    /// `Starting D...`
    Starting { description: String },
    /// `Started D.`
    Started { description: String },
    /// `Failed to start D.`
    FailedToStart { description: String },
}

/// How a process ended, as `systemd` prints it: `code=exited, status=16/n/a` (journal),
/// `code=exited, status=16` / `code=killed, signal=TERM` (`systemctl status`), or
/// `ExecMainCode=`/`ExecMainStatus=` (`systemctl show`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ExitDetail {
    pub code: ExitCode,
    /// The exit status (`exited`) or signal number, when printed as a number.
    pub status: Option<i32>,
    /// The signal name (`TERM`, `SEGV`) for `killed`/`dumped`, when printed.
    pub signal: Option<String>,
}

/// `code=` of an exit (`sigchld_code_to_string`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExitCode {
    Exited,
    Killed,
    Dumped,
}

impl ExitDetail {
    /// Parses `code=exited, status=16/n/a`, `code=exited, status=0/SUCCESS`,
    /// `code=killed, signal=TERM`, `code=dumped, status=6/ABRT` (the text after `exited, `/`(`).
    pub(crate) fn parse(s: &str) -> Option<ExitDetail> {
        let rest = s.trim_ws().strip_prefix("code=")?;
        let (code, rest) = rest.split_once(',')?;
        let code = match code.trim_ws() {
            "exited" => ExitCode::Exited,
            "killed" => ExitCode::Killed,
            "dumped" => ExitCode::Dumped,
            _ => return None,
        };
        let rest = rest.trim_ws();
        let value = rest.split([')', ',', ' ']).next().unwrap_or("");
        let (status, signal) = if let Some(v) = value.strip_prefix("status=") {
            let (num, name) = v.split_once('/').unwrap_or((v, ""));
            let num = num.parse::<i32>().ok();
            let name = name.trim_end_matches('.');
            let named = !name.is_empty() && name != "n/a" && code != ExitCode::Exited;
            (num, named.then(|| name.to_owned()))
        } else if let Some(v) = value.strip_prefix("signal=") {
            match v.parse::<i32>() {
                Ok(n) => (Some(n), None),
                Err(_) => (None, Some(v.trim_start_matches("SIG").to_owned())),
            }
        } else {
            return None;
        };
        if status.is_none() && signal.is_none() {
            return None;
        }
        Some(ExitDetail { code, status, signal })
    }
}

/// True for a unit name (`mysql.service`, `mysqld@a.service`).
pub(crate) fn is_unit_name(s: &str) -> bool {
    UNIT_SUFFIXES.iter().any(|suf| s.len() > suf.len() && s.ends_with(suf))
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"@-_.:\\".contains(&b))
}

/// Claims a journal starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    if let Some(l) = misc::parse_log_line(src, i)
        && (l.syslog_prefix.is_none() || !systemd_ahead(src, i))
    {
        return None;
    }
    let first = shape(src.line(i))?;
    let unmistakable = match first {
        Shape::Entry { systemd, .. } => systemd && unit_message(message_of(src.line(i))).is_some(),
        Shape::Cat => {
            let t = src.line(i).trim_ws();
            unit_message(t).is_some_and(|m| matches!(m.1, Event::MainExited(_)))
        }
        _ => false,
    };
    let end = run_end(src, i);
    if !unmistakable && end - i < 2 {
        return None;
    }
    let mut doc = parse(src, i, end);
    doc.unit = hint.command.and_then(unit_from_journalctl).or_else(|| {
        doc.lines.iter().find_map(|l| match &l.what {
            What::Unit(m) => m.unit.as_ref().map(|u| u.text.clone()),
            _ => None,
        })
    });
    Some(Claim {
        kind: DocKind::Journal,
        end,
        name: doc.unit.clone(),
        label: None,
        parsed: Parsed::Journal(doc),
        problems: Vec::new(),
    })
}

/// A journal that starts with mysqld's lines: true when, within [`DECIDE_WITHIN`] prefixed lines
/// from `i`, a `systemd` entry or a marker shows that this is `journalctl` output rather than a
/// syslog-prefixed error log. Bounded, so that declining costs O(1) lines.
fn systemd_ahead(src: &Source<'_>, i: usize) -> bool {
    let end = src.lines.len().min(i + DECIDE_WITHIN);
    for j in i..end {
        match shape(src.line(j)) {
            Some(Shape::Entry { systemd: true }) | Some(Shape::Marker) => return true,
            Some(Shape::Entry { systemd: false }) => {}
            _ => return false,
        }
    }
    false
}

/// `journalctl -u mysql` / `--unit=mysql.service` → `mysql.service`.
fn unit_from_journalctl(cmd: &str) -> Option<String> {
    let mut words = cmd.split_whitespace();
    words.by_ref().find(|w| w.ends_with("journalctl"))?;
    let mut next_is_unit = false;
    for w in words {
        let u = if next_is_unit {
            w
        } else if let Some(u) = w.strip_prefix("--unit=") {
            u
        } else if let Some(u) = w.strip_prefix("-u").filter(|u| !u.is_empty()) {
            u
        } else {
            next_is_unit = w == "-u" || w == "--unit";
            continue;
        };
        let u = u.trim_matches(['\'', '"']);
        if u.is_empty() {
            return None;
        }
        return Some(if u.contains('.') { u.to_owned() } else { format!("{u}.service") });
    }
    None
}

/// One past the last line of the journal run starting at `i` (ends at a blank line or a line of
/// another kind).
pub(crate) fn run_end(src: &Source<'_>, i: usize) -> usize {
    // Bare error-log lines belong to a journal only in `-o cat` (no prefixes); after prefixed
    // entries they start an error log of their own.
    let cat = !is_entry(src.line(i));
    let mut j = i;
    while j < src.lines.len() {
        let line = src.line(j);
        let t = line.trim_ws();
        if j > i && (t == "--" || t.starts_with("-- ")) {
            // `-x` catalog text belongs to the run it is in.
            j += 1;
            continue;
        }
        if t.is_empty() || (shape(line).is_none() && !(cat && is_log(src, j))) {
            break;
        }
        j += 1;
    }
    j.max(i + 1)
}

fn is_log(src: &Source<'_>, i: usize) -> bool {
    misc::parse_log_line(src, i).is_some()
}

/// True when line `i` is a journal entry with a prefix (`systemctl status` uses it to find the
/// journal tail after the blank line).
pub(crate) fn is_entry(line: &str) -> bool {
    matches!(shape(line), Some(Shape::Entry { .. }))
}

/// Parses lines `start..end` (grammar in the module docs).
pub(crate) fn parse(src: &Source<'_>, start: usize, end: usize) -> Journal {
    let mut doc = Journal::default();
    for j in start..end.min(src.lines.len()) {
        let line = src.line(j);
        let t = line.trim_ws();
        if t.is_empty() {
            continue;
        }
        let range = src.lines[j].range;
        let mk = |what: What, prefix: Option<Prefix>, msg: &str| JournalLine {
            range,
            prefix,
            message: spanned(src, j, msg),
            what,
        };
        if let Some(rest) = t.strip_prefix("--") {
            let what = if is_marker(rest) { What::Marker } else { What::Catalog };
            doc.lines.push(mk(what, None, t));
            continue;
        }
        if let Some(p) = split_prefix(t) {
            let prefix = Prefix {
                time: spanned(src, j, p.time),
                host: p.host.map(|h| spanned(src, j, h)),
                ident: spanned(src, j, p.ident),
                pid: p.pid.and_then(|s| s.parse().ok()),
                range: src.range_in_line(j, p.whole),
            };
            let base = p.ident.rsplit('/').next().unwrap_or(p.ident);
            let what = if base == "systemd" {
                match unit_message(p.message) {
                    Some((unit, event)) => {
                        What::Unit(UnitMessage { unit: unit.map(|u| spanned(src, j, u)), event })
                    }
                    None => What::Other,
                }
            } else if matches!(base, "mysqld" | "mariadbd" | "mysqld_safe" | "mysqld-debug") {
                doc.log.push(misc::parse_log_body(src, j, p.whole, p.message));
                What::Log(doc.log.len() - 1)
            } else {
                What::Other
            };
            doc.lines.push(mk(what, Some(prefix), p.message));
            continue;
        }
        if let Some(l) = misc::parse_log_line(src, j) {
            doc.log.push(l);
            doc.lines.push(mk(What::Log(doc.log.len() - 1), None, t));
            continue;
        }
        let what = match unit_message(t) {
            Some((unit, event)) => What::Unit(UnitMessage { unit: unit.map(|u| spanned(src, j, u)), event }),
            None => What::Other,
        };
        doc.lines.push(mk(what, None, t));
    }
    doc
}

fn spanned(src: &Source<'_>, i: usize, s: &str) -> Spanned {
    Spanned { text: s.to_owned(), range: src.range_in_line(i, s) }
}

fn is_marker(rest: &str) -> bool {
    let r = rest.trim_start_ws();
    ["Logs begin at", "Journal begins at", "Boot ", "Reboot --", "No entries --"]
        .iter()
        .any(|m| r.starts_with(m))
}

/// The shape of a line, for claiming.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `-- Logs begin at …` and the other markers, or `-x` catalog text.
    Marker,
    /// A prefixed entry; `systemd` when the identifier is `systemd`.
    Entry { systemd: bool },
    /// `-o cat`: a unit message alone.
    Cat,
}

fn shape(line: &str) -> Option<Shape> {
    let t = line.trim_ws();
    if t.starts_with("-- ")
        && (is_marker(&t[2..]) || t.starts_with("-- Subject:") || t.starts_with("-- Defined-By:"))
    {
        return Some(Shape::Marker);
    }
    if t.starts_with("--") && (t.len() == 2 || t.starts_with("-- ")) {
        // Other catalog lines count only inside a run; alone they could be SQL comments.
        return None;
    }
    if let Some(p) = split_prefix(t) {
        return Some(Shape::Entry { systemd: p.ident.rsplit('/').next() == Some("systemd") });
    }
    unit_message(t).map(|_| Shape::Cat)
}

/// The message of a prefixed line (the whole line without a prefix).
fn message_of(line: &str) -> &str {
    let t = line.trim_ws();
    split_prefix(t).map(|p| p.message).unwrap_or(t)
}

struct RawPrefix<'a> {
    whole: &'a str,
    time: &'a str,
    host: Option<&'a str>,
    ident: &'a str,
    pid: Option<&'a str>,
    message: &'a str,
}

/// Splits `TIME [HOST] IDENT[PID]: message`.
fn split_prefix(t: &str) -> Option<RawPrefix<'_>> {
    let after_time = time_end(t)?;
    let time = t.get(..after_time)?;
    let rest = t.get(after_time..)?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let (a, rest_a) = word(rest)?;
    let (host, ident_word, rest) = match ident(a) {
        Some(_) => (None, a, rest_a),
        None => {
            let (b, rest_b) = word(rest_a)?;
            ident(b)?;
            (Some(a), b, rest_b)
        }
    };
    let (name, pid) = ident(ident_word)?;
    let message = rest.trim_start_ws();
    let whole_end = ident_word.as_ptr() as usize - t.as_ptr() as usize + ident_word.len();
    Some(RawPrefix { whole: t.get(..whole_end)?, time, host, ident: name, pid, message })
}

/// `ident[pid]:` or `ident:` → (ident, pid).
fn ident(w: &str) -> Option<(&str, Option<&str>)> {
    let w = w.strip_suffix(':')?;
    if let Some(inner) = w.strip_suffix(']') {
        let open = inner.rfind('[')?;
        let pid = inner.get(open + 1..)?;
        let name = inner.get(..open)?;
        if name.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return Some((name, Some(pid)));
    }
    if w.is_empty() || w.contains(['[', ']']) || w.ends_with(':') {
        return None;
    }
    Some((w, None))
}

/// The next word and the text after it.
fn word(t: &str) -> Option<(&str, &str)> {
    let t = t.trim_start_ws();
    if t.is_empty() {
        return None;
    }
    let end = t.find([' ', '\t']).unwrap_or(t.len());
    Some((t.get(..end)?, t.get(end..)?))
}

/// The byte length of a leading journal timestamp, in any of the `short*` forms.
fn time_end(t: &str) -> Option<usize> {
    let off = |s: &str| s.as_ptr() as usize - t.as_ptr() as usize + s.len();
    // `[  123.456789]` (short-monotonic).
    if let Some(inner) = t.strip_prefix('[') {
        let close = inner.find(']')?;
        let v = inner.get(..close)?.trim_ws();
        return is_decimal(v).then_some(close + 2);
    }
    let (w0, r0) = word(t)?;
    // `1706664835.123456` (short-unix).
    if is_decimal(w0) && w0.contains('.') {
        return Some(off(w0));
    }
    // `2024-01-31T01:37:15+0000` (short-iso, short-iso-precise).
    if is_date(w0) && w0.as_bytes().get(10) == Some(&b'T') && is_clock(w0.get(11..19).unwrap_or("")) {
        return Some(off(w0));
    }
    let (w1, r1) = word(r0)?;
    let (w2, r2) = word(r1)?;
    // `Wed 2024-01-31 01:37:15 UTC` (short-full).
    if is_date(w1) && w1.len() == 10 && is_clock(w2) {
        let (w3, _) = word(r2)?;
        let zone_ok = w3.len() <= 6 && w3.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-:".contains(&b));
        return (w0.chars().count() <= 4 && zone_ok).then(|| off(w3));
    }
    // `Jan 31 01:37:15` / `9月 26 00:26:53` / `févr. 13 09:44:27` (short, short-precise).
    let day_ok = (1..=2).contains(&w1.len()) && w1.bytes().all(|b| b.is_ascii_digit());
    let month_ok = (1..=6).contains(&w0.chars().count()) && !w0.contains([':', '[', ']', '=']);
    (day_ok && month_ok && is_clock(w2)).then(|| off(w2))
}

fn is_decimal(s: &str) -> bool {
    let (a, b) = s.split_once('.').unwrap_or((s, "0"));
    !a.is_empty()
        && !b.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// `HH:MM:SS[.ffffff]`.
fn is_clock(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 8
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit()
        && b[5] == b':'
        && b[6].is_ascii_digit()
        && b[7].is_ascii_digit()
        && (b.len() == 8 || (b[8] == b'.' && b.len() > 9 && b[9..].iter().all(u8::is_ascii_digit)))
}

/// Reads a unit message (§1.2): the unit it names (a sub-slice of `msg`) and the event.
pub(crate) fn unit_message(msg: &str) -> Option<(Option<&str>, Event)> {
    let msg = msg.trim_ws();
    // `U: body`.
    if let Some((u, body)) = msg.split_once(": ")
        && is_unit_name(u)
        && let Some(e) = unit_body(body.trim_ws())
    {
        return Some((Some(u), e));
    }
    // v219 forms.
    if let Some(rest) = msg.strip_prefix("Unit ")
        && let Some(u) = rest.strip_suffix(" entered failed state.")
        && is_unit_name(u)
    {
        return Some((Some(u), Event::EnteredFailed));
    }
    if let Some(u) = msg.strip_prefix("start request repeated too quickly for ") {
        let u = u.trim_end_matches('.');
        if is_unit_name(u) {
            return Some((Some(u), Event::StartLimit));
        }
    }
    for tail in [" holdoff time over, scheduling restart.", " has no holdoff time, scheduling restart."] {
        if let Some(u) = msg.strip_suffix(tail)
            && is_unit_name(u)
        {
            return Some((Some(u), Event::SchedulingRestart));
        }
    }
    if let Some(u) = msg.strip_suffix(" failed.")
        && is_unit_name(u)
    {
        return Some((Some(u), Event::EnteredFailed));
    }
    // Job messages.
    type Job = fn(String) -> Event;
    let jobs: [(&str, &str, Job); 4] = [
        ("Failed to start ", ".", |d| Event::FailedToStart { description: d }),
        ("Starting ", "...", |d| Event::Starting { description: d }),
        ("Started ", ".", |d| Event::Started { description: d }),
        ("Stopped ", ".", |d| Event::Stopped { description: d }),
    ];
    for (head, tail, make) in jobs {
        if let Some(d) = msg.strip_prefix(head).and_then(|r| r.strip_suffix(tail)) {
            let d = d.trim_ws();
            if d.is_empty() {
                return None;
            }
            // `Started mysql.service - MySQL Community Server.` (newer versions).
            let unit = d.split_once(" - ").map(|(u, _)| u).filter(|u| is_unit_name(u));
            return Some((unit, make(d.to_owned())));
        }
    }
    None
}

/// The text after `U: `.
fn unit_body(body: &str) -> Option<Event> {
    let lower = body.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("main process exited, ") {
        let start = body.len() - rest.len();
        return ExitDetail::parse(body.get(start..)?).map(Event::MainExited);
    }
    if let Some(r) = body.strip_prefix("Failed with result '").and_then(|r| r.strip_suffix("'.")) {
        return Some(Event::FailedWithResult(r.to_owned()));
    }
    if body == "Unit entered failed state." {
        return Some(Event::EnteredFailed);
    }
    if let Some(r) = body.strip_prefix("Scheduled restart job, restart counter is at ") {
        return Some(Event::RestartJob { counter: r.trim_end_matches('.').parse().ok() });
    }
    if body.starts_with("Service ") && body.ends_with(", scheduling restart.") {
        return Some(Event::SchedulingRestart);
    }
    if body == "Start request repeated too quickly." {
        return Some(Event::StartLimit);
    }
    if body == "Deactivated successfully." || body == "Succeeded." {
        return Some(Event::Deactivated);
    }
    if lower.starts_with("start operation timed out") {
        return Some(Event::StartTimedOut);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str) -> Option<Claim> {
        let s = Source::new(0, "x", text);
        recognize(&s, 0, &Hint { command: None, at_input_start: true })
    }

    fn events(text: &str) -> Vec<Event> {
        let c = claim(text).expect("claim");
        let Parsed::Journal(j) = c.parsed else { panic!("journal") };
        j.lines
            .into_iter()
            .filter_map(|l| match l.what {
                What::Unit(m) => Some(m.event),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn prefixes_in_every_short_mode() {
        for line in [
            "Jan 31 01:37:15 db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "Jan 31 01:37:15.123456 db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "2024-01-31T01:37:15+0000 db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "2024-01-31T01:37:15.123456+00:00 db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "Wed 2024-01-31 01:37:15 UTC db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "Jan 31 01:37:15 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "9月 26 00:26:53 db1 systemd[1]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "févr. 13 09:44:27 db1 systemd[12109]: mysql.service: Main process exited, code=exited, status=16/n/a",
            "mysql.service: Main process exited, code=exited, status=16/n/a",
        ] {
            let ev = events(line);
            assert_eq!(
                ev,
                [Event::MainExited(ExitDetail { code: ExitCode::Exited, status: Some(16), signal: None })],
                "{line}"
            );
        }
    }

    #[test]
    fn messages_of_every_version() {
        let text = "\
Jan 31 01:37:15 h systemd[1]: mysqld.service: main process exited, code=killed, status=15/TERM
Jan 31 01:37:15 h systemd[1]: Unit mysqld.service entered failed state.
Jan 31 01:37:15 h systemd[1]: mysqld.service failed.
Jan 31 01:37:15 h systemd[1]: mysqld.service holdoff time over, scheduling restart.
Jan 31 01:37:15 h systemd[1]: start request repeated too quickly for mysqld.service
Jan 31 01:37:15 h systemd[1]: mysql.service: Failed with result 'start-limit-hit'.
Jan 31 01:37:15 h systemd[1]: mysql.service: Scheduled restart job, restart counter is at 3.
Jan 31 01:37:15 h systemd[1]: mysql.service: Service RestartSec=5s expired, scheduling restart.
Jan 31 01:37:15 h systemd[1]: mysql.service: start operation timed out. Terminating.
Jan 31 01:37:15 h systemd[1]: mysql.service: Succeeded.
Jan 31 01:37:15 h systemd[1]: Started mysql.service - MySQL Community Server.
Jan 31 01:37:15 h systemd[1]: Failed to start MySQL Server.
Jan 31 01:37:15 h systemd[1]: mysql.service: Consumed 1.234s CPU time.
";
        let ev = events(text);
        assert_eq!(ev.len(), 12);
        assert_eq!(
            ev[0],
            Event::MainExited(ExitDetail {
                code: ExitCode::Killed,
                status: Some(15),
                signal: Some("TERM".into())
            })
        );
        assert_eq!(ev[1], Event::EnteredFailed);
        assert_eq!(ev[2], Event::EnteredFailed);
        assert_eq!(ev[3], Event::SchedulingRestart);
        assert_eq!(ev[4], Event::StartLimit);
        assert_eq!(ev[5], Event::FailedWithResult("start-limit-hit".into()));
        assert_eq!(ev[6], Event::RestartJob { counter: Some(3) });
        assert_eq!(ev[7], Event::SchedulingRestart);
        assert_eq!(ev[8], Event::StartTimedOut);
        assert_eq!(ev[9], Event::Deactivated);
        assert!(matches!(ev[10], Event::Started { .. }));
        assert!(matches!(ev[11], Event::FailedToStart { .. }));
        let s = Source::new(0, "x", text);
        let Parsed::Journal(j) =
            recognize(&s, 0, &Hint { command: None, at_input_start: true }).expect("c").parsed
        else {
            panic!()
        };
        let What::Unit(m) = &j.lines[10].what else { panic!() };
        assert_eq!(m.unit.as_ref().map(|u| u.text.as_str()), Some("mysql.service"));
        assert_eq!(j.unit.as_deref(), Some("mysqld.service"));
    }

    #[test]
    fn mysqld_lines_inside_a_journal_are_error_log_lines() {
        let text = "\
Jan 31 01:37:10 db1 systemd[1]: Started MySQL Community Server.
Jan 31 01:37:14 db1 mysqld[840]: 2024-01-31T01:37:14.000000Z 0 [ERROR] [MY-013462] [Server] Clone: Restart server failed.
9月 31 01:37:14 db1 mysqld[840]: 2024-01-31T01:37:14.000000Z 0 [System] [MY-010910] [Server] Shutdown complete.
";
        let c = claim(text).expect("claim");
        assert_eq!(c.end, 3);
        let Parsed::Journal(j) = c.parsed else { panic!() };
        assert_eq!(j.log.len(), 2);
        assert_eq!(j.log[0].code.as_ref().map(|c| c.text.as_str()), Some("MY-013462"));
        assert_eq!(j.log[1].code.as_ref().map(|c| c.text.as_str()), Some("MY-010910"));
    }

    #[test]
    fn one_line_claims_and_near_misses() {
        // Unmistakable alone.
        assert!(claim("Jan 31 01:37:15 db1 systemd[1]: Stopped MySQL Community Server.\n").is_some());
        assert!(claim("mysql.service: Main process exited, code=exited, status=0/SUCCESS\n").is_some());
        // Not alone.
        assert!(claim("Started MySQL Community Server.\n").is_none());
        assert!(claim("Jan 31 01:37:15 db1 sshd[912]: Accepted publickey for root\n").is_none());
        assert!(claim("Jan 31 01:37:15 db1 systemd[1]: Reloading.\n").is_none());
        // A pure mysqld log stays an error log, prefixed or not; with systemd's lines soon after
        // it is a journal.
        let mysqld = "Jan 31 01:37:15 db1 mysqld[840]: 2024-01-31T01:37:14Z 0 [Note] x\n";
        assert!(claim(&mysqld.repeat(3)).is_none());
        let c = claim(&format!("{mysqld}Jan 31 01:37:15 db1 systemd[1]: Stopped X.\n")).expect("journal");
        assert_eq!(c.end, 2);
        // Bare error-log lines after prefixed entries are not the journal's.
        let c = claim(
            "Jan 31 01:37:15 h systemd[1]: Stopped X.\n2024-01-31T01:37:14.1Z 0 [ERROR] [MY-013462] [Server] x\n",
        );
        assert_eq!(c.map(|c| c.end), Some(1));
        assert!(claim("2024-01-31T01:37:14.1Z 0 [ERROR] [MY-013462] [Server] systemd said no\n").is_none());
        // Two cat job lines.
        assert!(claim("Stopped MySQL Community Server.\nStarting MySQL Community Server...\n").is_some());
        // Markers and catalog text.
        let c = claim("-- Logs begin at Mon 2024-01-29 10:00:00 UTC, end at Wed 2024-01-31 01:40:00 UTC. --\nJan 31 01:37:15 h systemd[1]: Stopped X.\n-- Subject: Unit x\n-- \n-- The result is done.\n").expect("c");
        assert_eq!(c.end, 5);
    }

    #[test]
    fn exit_details() {
        let d = |s| ExitDetail::parse(s);
        assert_eq!(
            d("code=exited, status=16"),
            Some(ExitDetail { code: ExitCode::Exited, status: Some(16), signal: None })
        );
        assert_eq!(
            d("code=exited, status=0/SUCCESS)"),
            Some(ExitDetail { code: ExitCode::Exited, status: Some(0), signal: None })
        );
        assert_eq!(
            d("code=dumped, signal=SEGV)"),
            Some(ExitDetail { code: ExitCode::Dumped, status: None, signal: Some("SEGV".into()) })
        );
        assert_eq!(d("code=odd, status=1"), None);
        assert_eq!(unit_from_journalctl("journalctl -u mysql --no-pager"), Some("mysql.service".into()));
        assert_eq!(
            unit_from_journalctl("sudo journalctl --unit=mysqld.service"),
            Some("mysqld.service".into())
        );
    }
}
