//! MySQL Shell (`mysqlsh`) transcripts: AdminAPI clone provisioning and the Shell's error forms.
//!
//! What the Shell prints is taken from `runtime-and-launchers.md` §4 (source: `mysql/mysql-shell`):
//! the restart NOTE (wrapped at ~80 columns, so it is matched on whitespace-normalised text across
//! lines, §4.1), the clone monitor's lines (§4.2), the timeout WARNING and its advice, `Reverting
//! topology changes...` and `(MYSQLSH 51156)` (§4.3), `dba.configureInstance`'s failed remote
//! restart (§4.4) and a raw MySQL error in JS, Python and log form (§4.5). Spinner frames end in
//! `\r` (`* Waiting for server restart... | \r`), so only the text after a line's last `\r` counts.
//!
//! A transcript starts at a line only the Shell prints (see [`starts_transcript`]), or at any line
//! right after a Shell prompt whose command is an AdminAPI call (`cluster.addInstance(…)`,
//! `dba.configure_instance(…)`). It runs to the next prompt, the next error-log line, or two
//! blank lines in a row. A one-line Shell error (`ClassicSession.runSql: … (MySQL Error 3707)`,
//! `mysqlsh.DBError: MySQL Error (3707): …`) is a document of one line.
//!
//! SQL mode's `ERROR: 3707 (HY000): …` on its own stays a `client-error` document (as before);
//! inside a transcript it is one of the transcript's [`ShellDoc::errors`].

use crate::source::Source;
use crate::syntax::document::{Claim, DocKind, Hint, Label, Parsed};
use crate::syntax::misc::{self, ClientError, Spanned};
use crate::text::{TextRange, TrimWs};

/// One line (or wrapped paragraph) the Shell printed that says what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ShellLineKind {
    /// The AdminAPI operation: `Cluster.addInstance` from an error's prefix, or the call as typed
    /// at the prompt (`cluster.addInstance`).
    Operation { name: String },
    /// `NOTE: A server restart is expected to happen as part of the clone process. …`
    RestartExpected,
    /// `* Waiting for clone to finish...`
    WaitingForClone,
    /// `NOTE: <instance> is being cloned from <donor>`
    BeingCloned { donor: String },
    /// `** Stage <name>: <state>` (RESTART included).
    Stage { name: String, state: String },
    /// `NOTE: <instance> is shutting down...`
    ShuttingDown,
    /// `NOTE: Connection to server lost, restart probably in progress...`
    ConnectionLost,
    /// `* Waiting for server restart... ready|timeout|error`: the last word.
    RestartWait { outcome: String },
    /// `* <instance> has restarted, waiting for clone to finish...`
    HasRestarted,
    /// `* Clone process has finished: <size> transferred …`
    CloneFinished,
    /// `WARNING: Clone process appears to have finished and tried to restart the MySQL server, but
    /// it has not yet started back up.`
    NotBackUp,
    /// `Please make sure the MySQL server at '<instance>' is restarted and call <Cluster>.rescan()`
    /// (`cluster`), or `… is properly restarted. The operation will be reverted…` (ReplicaSet,
    /// read replicas, ClusterSet: not `cluster`).
    RescanAdvice { cluster: bool },
    /// `Reverting topology changes...`
    Reverting,
    /// `… (MYSQLSH <code>)`: a Shell error (51156: timeout waiting for the server to restart).
    ShellError { code: u32 },
    /// `Please restart MySQL manually …` (after a failed remote restart, §4.4).
    RestartManually,
}

/// One event line with its range (a wrapped paragraph covers all its lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShellLine {
    pub kind: ShellLineKind,
    /// The `host:port` the line names, when it does.
    pub instance: Option<String>,
    pub range: TextRange,
}

/// A MySQL Shell transcript.
#[derive(Clone, Debug, Default)]
pub(crate) struct ShellDoc {
    /// Event lines, in order.
    pub lines: Vec<ShellLine>,
    /// MySQL errors the Shell printed (`MySQL Error 3707 (HY000): …`, `ERROR: 3707 (HY000): …`,
    /// `… (MySQL Error 3707)`, `DBError: MySQL Error (3707): …`): client errors like any other.
    pub errors: Vec<ClientError>,
}

/// Longest wrapped paragraph followed, in lines.
const MAX_PARAGRAPH: usize = 6;

/// AdminAPI calls whose output this module reads (camelCase for JS, snake_case for Python).
const ADMIN_CALLS: &[&str] = &[
    ".addInstance(",
    ".add_instance(",
    ".rejoinInstance(",
    ".rejoin_instance(",
    ".addReplicaInstance(",
    ".add_replica_instance(",
    ".createReplicaCluster(",
    ".create_replica_cluster(",
    ".configureInstance(",
    ".configure_instance(",
    ".configureReplicaSetInstance(",
    ".configure_replica_set_instance(",
    ".rescan(",
];

/// Claims a MySQL Shell transcript (or a one-line Shell error) starting at line `i`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let t = visible(src.line(i));
    let after_admin = hint.command.is_some_and(is_admin_call);
    let transcript = after_admin || starts_transcript(t);
    if !transcript && !is_one_line_error(t) {
        return None;
    }
    let end = if transcript { transcript_end(src, i) } else { i + 1 };
    let mut doc = parse(src, i, end);
    if let Some(cmd) = hint.command.filter(|c| is_admin_call(c)) {
        let (name, instance) = call_of(cmd);
        // The prompt line is not part of the document; its range is still the command's own.
        let range = crate::text::subslice_range(src.text, cmd, 0);
        doc.lines.insert(0, ShellLine { kind: ShellLineKind::Operation { name }, instance, range });
    }
    let op = doc.lines.iter().find_map(|l| match &l.kind {
        ShellLineKind::Operation { name } => Some(name.clone()),
        _ => None,
    });
    let label = op
        .as_ref()
        .map(|o| Label { key: crate::i18n::k::SHELL_DOC_OPERATION, args: vec![("operation", o.clone())] });
    Some(Claim {
        kind: DocKind::Mysqlsh,
        end,
        name: op,
        label,
        parsed: Parsed::Shell(doc),
        problems: Vec::new(),
    })
}

/// The text a terminal shows of a line: what follows its last `\r` (spinner frames), trimmed.
fn visible(line: &str) -> &str {
    let t = line.trim_end_ws();
    let t = t.rsplit('\r').find(|s| !s.trim_ws().is_empty()).unwrap_or(t);
    t.trim_ws()
}

/// True for an AdminAPI call typed at a prompt.
fn is_admin_call(cmd: &str) -> bool {
    ADMIN_CALLS.iter().any(|c| cmd.contains(c))
}

/// `cluster.addInstance('root@db2:3306', {…})` → (`cluster.addInstance`, `db2:3306`). The
/// instance is the first quoted argument after its last `@` (a `user:password@` part is dropped).
fn call_of(cmd: &str) -> (String, Option<String>) {
    let open = cmd.find('(').unwrap_or(cmd.len());
    let head = cmd[..open].trim_ws();
    let name = head.rsplit(|c: char| c.is_whitespace() || c == '=').next().unwrap_or(head).to_owned();
    let args = &cmd[open..];
    let instance = args
        .char_indices()
        .find(|(_, c)| *c == '\'' || *c == '"')
        .and_then(|(q, c)| {
            let rest = &args[q + 1..];
            rest.find(c).map(|e| &rest[..e])
        })
        .map(|s| s.rsplit('@').next().unwrap_or(s))
        .filter(|s| !s.is_empty() && s.len() < 256 && !s.contains(char::is_whitespace))
        .map(str::to_owned);
    (name, instance)
}

/// Lines only MySQL Shell prints, that can start a transcript (§4.2–§4.4).
fn starts_transcript(t: &str) -> bool {
    const STARTS: &[&str] = &[
        "NOTE: A server restart is expected",
        "Clone based state recovery is now in progress",
        "Monitoring recovery process of the new cluster member",
        "Monitoring Clone based state recovery of the new member",
        "Waiting for recovery process of the new cluster member",
        "* Waiting for clone to finish",
        "* Waiting for server restart...",
        "* Clone process has finished",
        "** Stage ",
        "** Clone Transfer",
        "WARNING: Clone process appears to have finished",
        "A new instance will be added to the InnoDB cluster",
        "Validating instance configuration at ",
        "ERROR: Remote restart of MySQL server failed",
        "Reverting topology changes...",
    ];
    if STARTS.iter().any(|s| t.starts_with(s)) {
        return true;
    }
    if let Some(rest) = t.strip_prefix("NOTE: ") {
        return rest.contains(" is being cloned from ");
    }
    false
}

/// A Shell error on a line of its own: `X.y: … (MYSQLSH N)`, `X.y: … (MySQL Error N)`,
/// `…DBError: MySQL Error (N): …`.
fn is_one_line_error(t: &str) -> bool {
    mysqlsh_code(t).is_some() || js_error(t).is_some() || py_error(t).is_some()
}

/// One past the last line of the transcript starting at `i`: it stops before a prompt, an
/// error-log line or a second blank line in a row; trailing blank lines are left out.
fn transcript_end(src: &Source<'_>, i: usize) -> usize {
    let n = src.lines.len();
    let mut last = i;
    let mut blanks = 0;
    let mut j = i + 1;
    while j < n {
        let line = src.line(j);
        if line.trim_ws().is_empty() {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            j += 1;
            continue;
        }
        if crate::syntax::prompt::command(line).is_some() || misc::parse_log_line(src, j).is_some() {
            break;
        }
        blanks = 0;
        last = j;
        j += 1;
    }
    last + 1
}

/// Parses lines `start..end` of a transcript.
///
/// Grammar (each line after dropping spinner frames up to its last `\r`; `INST` = `host:port`):
/// ```text
/// note     = "NOTE: A server restart is expected to happen as part of the clone process." …  ; may wrap
///          | "NOTE: " INST " is being cloned from " INST
///          | "NOTE: " INST " is shutting down..."
///          | "NOTE: Connection to server lost, restart probably in progress..."
/// progress = "* Waiting for clone to finish..." | "** Stage " NAME ": " STATE
///          | "* Waiting for server restart... " ("ready" | "timeout" | "error")
///          | "* " INST " has restarted, waiting for clone to finish..."
///          | "* Clone process has finished: " …
/// advice   = "WARNING: Clone process appears to have finished …"                           ; may wrap
///          | "Please make sure the MySQL server at '" INST "' is " ("restarted and call <Cluster>.rescan()" | "properly restarted.") …
///          | "Reverting topology changes..." | "Please restart MySQL manually" …
/// error    = [ "ERROR: " ] CLASS "." METHOD ": " MESSAGE " (MYSQLSH " N ")" [ " (" TYPE ")" ]
///          | … "MySQL Error " N [ " (" SQLSTATE ")" ] ": " MESSAGE        ; AdminAPI and log form
///          | CLASS "." METHOD ": " MESSAGE " (MySQL Error " N ")"           ; JS mode
///          | … "DBError: MySQL Error (" N "): " MESSAGE                      ; Python mode
///          | "ERROR: " N " (" SQLSTATE ")" [ " at line " N ] ": " MESSAGE     ; SQL mode
/// ```
/// Any other line is kept as text (validation output, tables, progress bars).
pub(crate) fn parse(src: &Source<'_>, start: usize, end: usize) -> ShellDoc {
    let mut doc = ShellDoc::default();
    let mut i = start;
    while i < end {
        let raw = src.line(i);
        let t = visible(raw);
        let range = src.lines[i].range;
        let mut next = i + 1;
        let mut push = |kind: ShellLineKind, instance: Option<&str>, range: TextRange| {
            doc.lines.push(ShellLine { kind, instance: instance.map(str::to_owned), range });
        };
        if t.starts_with("NOTE: A server restart is expected") {
            let (text, e) = paragraph(src, i, end);
            if text.starts_with("NOTE: A server restart is expected to happen as part of the clone process") {
                push(ShellLineKind::RestartExpected, None, src.lines_range(i, e));
                next = e;
            }
        } else if t.starts_with("WARNING: Clone process appears to have finished") {
            let (text, e) = paragraph(src, i, end);
            if text.contains("tried to restart the MySQL server") {
                push(ShellLineKind::NotBackUp, None, src.lines_range(i, e));
                next = e;
            }
        } else if let Some(rest) = t.strip_prefix("Please make sure the MySQL server at '") {
            let (text, e) = paragraph(src, i, end);
            let inst = rest.split('\'').next().filter(|s| !s.is_empty());
            let cluster = text.contains(".rescan()");
            if cluster || text.contains("is properly restarted") {
                push(ShellLineKind::RescanAdvice { cluster }, inst, src.lines_range(i, e));
                next = e;
            }
        } else if let Some(rest) = t.strip_prefix("NOTE: ") {
            if let Some((inst, donor)) = rest.split_once(" is being cloned from ") {
                let kind = ShellLineKind::BeingCloned { donor: donor.trim_ws().to_owned() };
                push(kind, Some(inst.trim_ws()), range);
            } else if let Some(inst) = rest.strip_suffix(" is shutting down...") {
                push(ShellLineKind::ShuttingDown, Some(inst.trim_ws()), range);
            } else if rest.starts_with("Connection to server lost") {
                push(ShellLineKind::ConnectionLost, None, range);
            }
        } else if t.starts_with("* Waiting for clone to finish") {
            push(ShellLineKind::WaitingForClone, None, range);
        } else if let Some(rest) = t.strip_prefix("* Waiting for server restart...") {
            let outcome = rest.trim_ws();
            if matches!(outcome, "ready" | "timeout" | "error") {
                push(ShellLineKind::RestartWait { outcome: outcome.to_owned() }, None, range);
            }
        } else if let Some(rest) = t.strip_prefix("* Clone process has finished") {
            let _ = rest;
            push(ShellLineKind::CloneFinished, None, range);
        } else if let Some(rest) = t.strip_prefix("* ")
            && let Some(inst) = rest.strip_suffix(" has restarted, waiting for clone to finish...")
        {
            push(ShellLineKind::HasRestarted, Some(inst.trim_ws()), range);
        } else if let Some(rest) = t.strip_prefix("** Stage ")
            && let Some((name, state)) = rest.split_once(": ")
        {
            let kind =
                ShellLineKind::Stage { name: name.trim_ws().to_owned(), state: state.trim_ws().to_owned() };
            push(kind, None, range);
        } else if t.starts_with("Reverting topology changes") {
            push(ShellLineKind::Reverting, None, range);
        } else if t.starts_with("Please restart MySQL manually") {
            push(ShellLineKind::RestartManually, None, range);
        }
        // Errors may share a line with nothing else, or end a paragraph: look at every line.
        if let Some(code) = mysqlsh_code(t) {
            if let Some(op) = operation_prefix(t) {
                push(ShellLineKind::Operation { name: op.to_owned() }, None, range);
            }
            push(ShellLineKind::ShellError { code }, None, range);
        }
        if let Some(e) = mysql_error(src, i, t) {
            if let Some(op) = operation_prefix(t).filter(|_| js_error(t).is_some()) {
                push(ShellLineKind::Operation { name: op.to_owned() }, None, range);
            }
            doc.errors.push(e);
        }
        i = next.max(i + 1);
    }
    doc
}

/// The whitespace-normalised text of the paragraph starting at line `i` (at most
/// [`MAX_PARAGRAPH`] lines; it ends at a blank line or a line starting a new message) and one
/// past its last line.
fn paragraph(src: &Source<'_>, i: usize, end: usize) -> (String, usize) {
    let mut text = String::new();
    let mut j = i;
    while j < end && j < i + MAX_PARAGRAPH {
        let t = visible(src.line(j));
        let new_message = ["NOTE:", "WARNING:", "ERROR:", "* ", "** ", "Please ", "Reverting topology"]
            .iter()
            .any(|p| t.starts_with(p));
        if t.is_empty() || (j > i && new_message) {
            break;
        }
        for w in t.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(w);
        }
        j += 1;
    }
    (text, j.max(i + 1))
}

/// `(MYSQLSH 51156)` in a line: the code.
fn mysqlsh_code(t: &str) -> Option<u32> {
    let p = t.find("(MYSQLSH ")?;
    let rest = &t[p + 9..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 || !rest[digits..].starts_with(')') {
        return None;
    }
    rest[..digits].parse().ok()
}

/// `Cluster.addInstance: …` / `ERROR: Cluster.addInstance: …` → `Cluster.addInstance`.
fn operation_prefix(t: &str) -> Option<&str> {
    let t = t.strip_prefix("ERROR: ").unwrap_or(t);
    let (head, _) = t.split_once(": ")?;
    let (class, method) = head.split_once('.')?;
    let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (word(class) && word(method) && class.as_bytes()[0].is_ascii_uppercase()).then_some(head)
}

/// JS mode: `ClassicSession.runSql: MESSAGE (MySQL Error 3707)` → (code, message).
fn js_error(t: &str) -> Option<(u32, &str)> {
    let head = operation_prefix(t)?;
    let body = t[t.find(head)? + head.len()..].strip_prefix(": ")?;
    let body = body.strip_suffix(')')?;
    let p = body.rfind(" (MySQL Error ")?;
    let code = body[p + 14..].parse().ok()?;
    Some((code, body[..p].trim_ws()))
}

/// Python mode: `mysqlsh.DBError: MySQL Error (3707): MESSAGE` → (code, message).
fn py_error(t: &str) -> Option<(u32, &str)> {
    let p = t.find("DBError: MySQL Error (")?;
    let rest = &t[p + 22..];
    let (code, msg) = rest.split_once("): ")?;
    Some((code.parse().ok()?, msg.trim_ws()))
}

/// A MySQL error as the Shell prints it (any of the forms in [`parse`]'s grammar).
fn mysql_error(src: &Source<'_>, i: usize, t: &str) -> Option<ClientError> {
    let make = |code: u32, sqlstate: Option<&str>, msg: &str| ClientError {
        range: src.lines[i].range,
        code,
        sqlstate: sqlstate.map(|s| Spanned { text: s.to_owned(), range: src.range_in_line(i, s) }),
        message: Spanned { text: msg.to_owned(), range: src.range_in_line(i, msg) },
        command: None,
    };
    if let Some((code, msg)) = js_error(t).or_else(|| py_error(t)) {
        return Some(make(code, None, msg));
    }
    // AdminAPI / log form: `… MySQL Error 3707 (HY000): MESSAGE`.
    if let Some(p) = t.find("MySQL Error ") {
        let rest = &t[p + 12..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=5).contains(&digits) {
            let code = rest[..digits].parse().ok()?;
            let mut r = &rest[digits..];
            let mut state = None;
            if let Some(inner) = r.strip_prefix(" (")
                && let Some(close) = inner.find(')')
                && close == 5
            {
                state = Some(&inner[..5]);
                r = &inner[6..];
            }
            if let Some(msg) = r.strip_prefix(": ") {
                return Some(make(code, state, msg.trim_ws()));
            }
        }
    }
    // SQL mode: `ERROR: 3707 (HY000): MESSAGE`, the mysql client's grammar.
    if t.starts_with("ERROR: ") || t.starts_with("ERROR ") {
        return misc::parse_client_error(src, i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_after(cmd: Option<&str>, text: &str) -> Option<Claim> {
        let src = Source::new(0, "t", text);
        recognize(&src, 0, &Hint { command: cmd, at_input_start: true })
    }

    fn doc(c: Claim) -> ShellDoc {
        match c.parsed {
            Parsed::Shell(d) => d,
            _ => panic!("not a shell doc"),
        }
    }

    const TIMEOUT: &str = "\
Clone based state recovery is now in progress.

NOTE: A server restart is expected to happen as part of the clone process. If the
server does not support the RESTART command or does not come back after a while,
you may need to manually start it back.

* Waiting for clone to finish...
NOTE: db2:3306 is being cloned from db1:3306
** Stage DROP DATA: Completed
** Clone Transfer
    FILE COPY  ############################################################  100%  Completed
** Stage RESTART: Completed
NOTE: db2:3306 is shutting down...

* Waiting for server restart... | \r* Waiting for server restart... / \r* Waiting for server restart... timeout
WARNING: Clone process appears to have finished and tried to restart the MySQL server, but it has not yet started back up.

Please make sure the MySQL server at 'db2:3306' is restarted and call <Cluster>.rescan() to complete the process. To increase the timeout, change shell.options[\"dba.restartWaitTimeout\"].
ERROR: Cluster.addInstance: Timeout waiting for server to restart (MYSQLSH 51156)
";

    #[test]
    fn cluster_timeout_transcript() {
        let c = claim_after(None, TIMEOUT).expect("claimed");
        assert_eq!(c.kind, DocKind::Mysqlsh);
        let src = Source::new(0, "t", TIMEOUT);
        assert_eq!(c.end, src.lines.len());
        let d = doc(c);
        let kinds: Vec<&ShellLineKind> = d.lines.iter().map(|l| &l.kind).collect();
        assert!(kinds.contains(&&ShellLineKind::RestartExpected), "{kinds:?}");
        assert!(kinds.contains(&&ShellLineKind::RestartWait { outcome: "timeout".into() }));
        assert!(kinds.contains(&&ShellLineKind::RescanAdvice { cluster: true }));
        assert!(kinds.contains(&&ShellLineKind::ShellError { code: 51156 }));
        assert!(kinds.contains(&&ShellLineKind::Operation { name: "Cluster.addInstance".into() }));
        assert!(kinds.contains(&&ShellLineKind::Stage { name: "RESTART".into(), state: "Completed".into() }));
        let note = d.lines.iter().find(|l| l.kind == ShellLineKind::RestartExpected).unwrap();
        assert!(src.slice(note.range).ends_with("manually start it back."));
        let cloned = d.lines.iter().find(|l| matches!(l.kind, ShellLineKind::BeingCloned { .. })).unwrap();
        assert_eq!(cloned.instance.as_deref(), Some("db2:3306"));
        assert!(d.errors.is_empty());
    }

    #[test]
    fn prompt_command_names_the_operation_and_instance() {
        let text = "A new instance will be added to the InnoDB cluster.\n";
        let c = claim_after(Some("cluster.addInstance('root@db2:3306', {recoveryMethod:'clone'})"), text)
            .unwrap();
        let d = doc(c);
        assert_eq!(d.lines[0].kind, ShellLineKind::Operation { name: "cluster.addInstance".into() });
        assert_eq!(d.lines[0].instance.as_deref(), Some("db2:3306"));
        // Any line after an AdminAPI call is the Shell's.
        assert!(
            claim_after(Some("rs.add_instance(\"admin:pw@db3:3306\")"), "Adding instance...\n").is_some()
        );
        assert!(claim_after(Some("SELECT 1"), "Adding instance...\n").is_none());
    }

    #[test]
    fn errors_in_every_mode() {
        let cases = [
            (
                "ERROR: Remote restart of MySQL server failed: MySQL Error 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).",
                3707,
                Some("HY000"),
            ),
            (
                "ClassicSession.runSql: Restart server failed (mysqld is not managed by supervisor process). (MySQL Error 3707)",
                3707,
                None,
            ),
            (
                "mysqlsh.DBError: MySQL Error (3707): ClassicSession.run_sql: Restart server failed (mysqld is not managed by supervisor process).",
                3707,
                None,
            ),
        ];
        for (line, code, state) in cases {
            let c = claim_after(None, line).unwrap_or_else(|| panic!("{line}"));
            let d = doc(c);
            assert_eq!(d.errors.len(), 1, "{line}");
            let e = &d.errors[0];
            assert_eq!(e.code, code);
            assert_eq!(e.sqlstate.as_ref().map(|s| s.text.as_str()), state);
            assert!(e.message.text.contains("Restart server failed"), "{line}");
            assert_eq!(&line[e.message.range.to_usize()], e.message.text);
        }
        // SQL mode alone stays a client error (misc claims it).
        assert!(claim_after(None, "ERROR: 3707 (HY000): Restart server failed (x).").is_none());
    }

    #[test]
    fn near_misses() {
        for t in [
            "NOTE: this is a note",
            "* Waiting for the bus",
            "Error 3707: Restart server failed",
            "The clone process has finished.",
            "Please make sure you have a backup.",
        ] {
            assert!(claim_after(None, t).is_none(), "{t}");
        }
    }

    #[test]
    fn replicaset_advice_and_reverting() {
        let t = "WARNING: Clone process appears to have finished and tried to restart the MySQL server, but it has not yet started back up.\n\nPlease make sure the MySQL server at 'db3:3306' is properly restarted. The operation will be reverted, but you may retry adding the instance after restarting it. \nReverting topology changes...\nERROR: ReplicaSet.addInstance: Timeout waiting for server to restart (MYSQLSH 51156)\n";
        let d = doc(claim_after(None, t).unwrap());
        let kinds: Vec<&ShellLineKind> = d.lines.iter().map(|l| &l.kind).collect();
        assert!(kinds.contains(&&ShellLineKind::RescanAdvice { cluster: false }), "{kinds:?}");
        assert!(kinds.contains(&&ShellLineKind::Reverting));
        assert!(kinds.contains(&&ShellLineKind::NotBackUp));
        let adv = d.lines.iter().find(|l| matches!(l.kind, ShellLineKind::RescanAdvice { .. })).unwrap();
        assert_eq!(adv.instance.as_deref(), Some("db3:3306"));
    }
}
