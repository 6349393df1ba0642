//! Entry points for the fuzz targets (`fuzz/`) and the robustness tests (`tests/it/hostile.rs`).
//!
//! **Not a stable API**: hidden from the docs, may change with the parsers. Every function here
//! checks the parsers' contracts and panics when one is broken, so that a fuzzer reports it:
//! - a recogniser that claims line `i` claims at least that line (`end > i`) and no line past the input;
//! - every problem's byte range lies inside the input, on character boundaries;
//! - the splitter's documents are in order, do not overlap, cover whole lines, and together with the
//!   gaps between them reproduce the input byte for byte (the splitter is lossless);
//! - the documents' line numbers agree with their byte ranges.
//!
//! It also exposes a deterministic work measure ([`work`]): the number of lines and bytes the
//! parsers asked the [`Source`] for, so tests can check that analysis is linear without timing it.

use crate::text::TrimWs;

use crate::detect;
use crate::source::Source;
use crate::syntax;
use crate::syntax::document::DocKind;
use crate::syntax::document::{Claim, Hint, Recognizer};
use crate::text::TextRange;

/// A recogniser (one per syntax module), for the per-parser fuzz targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parser {
    /// `syntax::image`: Dockerfiles and scripts shown by `cat` (or pasted whole).
    Image,
    /// `syntax::systemd`: unit files and `systemctl cat` output.
    Systemd,
    /// `syntax::systemctl_show`.
    SystemctlShow,
    /// `syntax::auto_cnf`: `mysqld-auto.cnf`.
    AutoCnf,
    /// `syntax::mysql_output`: result sets (table, `\G`, `-B`).
    MysqlOutput,
    /// `syntax::systemctl_status`.
    SystemctlStatus,
    /// `syntax::journal`: `journalctl` output.
    Journal,
    /// `syntax::misc`: error logs, client errors, version lines, CHANGE … SOURCE statements.
    Misc,
    /// `syntax::container_state`: docker ps, docker inspect, kubectl describe pod / get pod.
    ContainerState,
    /// `syntax::container`: docker run, compose files.
    Container,
    /// `syntax::option_file`: `my.cnf`, `my_print_defaults`.
    OptionFile,
    /// `syntax::process`: `ps`, `pstree`, `/proc/<pid>/status|stat|environ`.
    Process,
    /// `syntax::mysqlsh`: MySQL Shell transcripts and one-line Shell errors.
    Mysqlsh,
    /// `syntax::launcher`: supervisord files.
    Supervisord,
    /// `syntax::launcher`: service scripts (runit, s6, OpenRC, SysV).
    ServiceScript,
    /// `syntax::launcher`: `sc qc` output.
    WindowsService,
    /// `syntax::launcher`: supervisord's log.
    SupervisordLog,
}

impl Parser {
    /// Every parser, in the splitter's priority order.
    pub const ALL: [Parser; 17] = [
        Parser::Image,
        Parser::Systemd,
        Parser::ServiceScript,
        Parser::SystemctlShow,
        Parser::AutoCnf,
        Parser::Process,
        Parser::ContainerState,
        Parser::MysqlOutput,
        Parser::Mysqlsh,
        Parser::SystemctlStatus,
        Parser::Journal,
        Parser::SupervisordLog,
        Parser::Misc,
        Parser::Container,
        Parser::WindowsService,
        Parser::Supervisord,
        Parser::OptionFile,
    ];

    /// The parser for a byte (fuzz targets pick one from their first input byte).
    pub fn from_byte(b: u8) -> Parser {
        Parser::ALL[usize::from(b) % Parser::ALL.len()]
    }

    fn recognizer(self) -> Recognizer {
        match self {
            Parser::Image => syntax::image::recognize,
            Parser::Systemd => syntax::systemd::recognize,
            Parser::SystemctlShow => syntax::systemctl_show::recognize,
            Parser::AutoCnf => syntax::auto_cnf::recognize,
            Parser::MysqlOutput => syntax::mysql_output::recognize,
            Parser::SystemctlStatus => syntax::systemctl_status::recognize,
            Parser::Journal => syntax::journal::recognize,
            Parser::Misc => syntax::misc::recognize,
            Parser::ContainerState => syntax::container_state::recognize,
            Parser::Container => syntax::container::recognize,
            Parser::OptionFile => syntax::option_file::recognize,
            Parser::Process => syntax::process::recognize,
            Parser::Mysqlsh => syntax::mysqlsh::recognize,
            Parser::Supervisord => syntax::launcher::recognize_supervisord,
            Parser::ServiceScript => syntax::launcher::recognize_script,
            Parser::WindowsService => syntax::launcher::recognize_sc,
            Parser::SupervisordLog => syntax::launcher::recognize_supervisord_log,
        }
    }
}

/// Runs one recogniser over `text` the way the splitter does (ask at a line; after a claim, carry on
/// after it; else at the next line), but with no other recogniser in front of it, so it sees text
/// the others would have taken. Each line is tried with and without `command` as the prompt hint,
/// and as the input's start. Checks the claim contract (see the module doc); panics on a violation.
/// Returns the number of documents claimed.
pub fn recognize_all(parser: Parser, text: &str, command: Option<&str>) -> usize {
    let src = Source::new(0, "fuzz", text);
    let n = src.lines.len();
    let rec = parser.recognizer();
    let mut claims = 0;
    let mut i = 0;
    while i < n {
        let mut next = i + 1;
        for (cmd, at_start) in [(None, i == 0), (command, false)] {
            let hint = Hint { command: cmd, at_input_start: at_start };
            if let Some(c) = rec(&src, i, &hint) {
                check_claim(&src, i, &c, parser);
                claims += 1;
                if cmd.is_none() {
                    next = c.end.max(i + 1);
                }
            }
        }
        i = next;
    }
    claims
}

fn check_claim(src: &Source<'_>, i: usize, c: &Claim, parser: Parser) {
    assert!(c.end > i, "{parser:?} claimed line {i} with end {} (must be > start)", c.end);
    assert!(
        c.end <= src.lines.len(),
        "{parser:?} claimed past the input: end {} > {} lines",
        c.end,
        src.lines.len()
    );
    for p in &c.problems {
        check_range(src.text, p.range, &format!("{parser:?} problem {:?}", p.key));
    }
}

fn check_range(text: &str, r: TextRange, what: &str) {
    assert!(r.start <= r.end, "{what}: inverted range {r:?}");
    assert!(r.end as usize <= text.len(), "{what}: range {r:?} past the end ({} bytes)", text.len());
    assert!(text.get(r.to_usize()).is_some(), "{what}: range {r:?} not on char boundaries");
}

/// One document as the splitter found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Its kind.
    pub kind: DocKind,
    /// Its bytes (whole lines, without the last line's terminator).
    pub range: TextRange,
    /// First and last line, 1-based.
    pub lines: (u32, u32),
}

/// Prompt hints the recognisers look at (one per input kind that reads them); a per-parser fuzz
/// target's first input byte picks one.
const FUZZ_COMMANDS: &[&str] = &[
    "SHOW REPLICA STATUS\\G",
    "SHOW GLOBAL VARIABLES LIKE '%relay%';",
    "SELECT * FROM performance_schema.replication_connection_configuration\\G",
    "systemctl cat mysqld",
    "systemctl show mysqld",
    "cat /etc/mysql/my.cnf",
    "my_print_defaults mysqld",
    "cat /var/lib/mysql/mysqld-auto.cnf",
    "mysql -B -e 'SHOW VARIABLES'",
    "docker run -d mysql:8.0",
    "cat docker-entrypoint.sh",
    "cat Dockerfile",
    "docker ps -a",
    "docker inspect mysql",
    "kubectl describe pod mysql-0",
    "kubectl get pod mysql-0 -o yaml",
    "journalctl -u mysql --no-pager",
    "systemctl status mysql",
    "cluster.addInstance('root@db2:3306', {recoveryMethod:'clone'})",
    "rs.add_instance('admin:pw@db3:3306')",
    "dba.configureInstance('root@db2:3306', {restart: true})",
    "ps -ef | grep mysqld",
    "pstree -ap",
    "tr '\\0' '\\n' < /proc/840/environ",
    "cat /proc/1/status",
    "cat /proc/840/stat",
    "env",
    "",
];

/// One per-parser fuzz target: the first byte picks a prompt hint, the rest is the text, and
/// [`recognize_all`] runs `parser` alone over it. Every `fuzz/fuzz_targets/parse_*.rs` is this.
pub fn fuzz_one(parser: Parser, data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let cmd = FUZZ_COMMANDS[usize::from(first) % FUZZ_COMMANDS.len()];
    recognize_all(parser, &text, Some(cmd));
}

/// Splits `text` into documents and checks the splitter's contract (see the module doc): in order,
/// no overlap, whole lines, line numbers agreeing with the ranges, and the documents plus the gaps
/// between them reproduce `text` byte for byte. Panics on a violation.
pub fn split_checked(text: &str) -> Vec<Doc> {
    let src = Source::new(0, "fuzz", text);
    let docs = detect::split(&src);
    let mut out = Vec::with_capacity(docs.len());
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0usize;
    for d in &docs {
        check_range(text, d.range, &format!("document {:?}", d.kind));
        for p in &d.problems {
            check_range(text, p.range, &format!("{:?} problem {:?}", d.kind, p.key));
        }
        let (s, e) = (d.range.start as usize, d.range.end as usize);
        assert!(s >= at, "document {:?} at {s} overlaps the previous one (ends at {at})", d.kind);
        assert!(
            s == 0 || text.as_bytes().get(s - 1) == Some(&b'\n'),
            "document {:?} starts mid-line at {s}",
            d.kind
        );
        let tail = text.get(e..).unwrap_or("");
        assert!(
            tail.is_empty() || tail.starts_with('\n') || tail.starts_with("\r\n"),
            "document {:?} ends mid-line at {e}",
            d.kind
        );
        assert_eq!(
            src.index_map.line(d.range.start),
            d.line_start,
            "{:?}: line_start disagrees with its range",
            d.kind
        );
        assert!(d.line_start <= d.line_end, "{:?}: lines {}..{}", d.kind, d.line_start, d.line_end);
        rebuilt.push_str(&text[at..s]);
        rebuilt.push_str(&text[s..e]);
        at = e;
        out.push(Doc { kind: d.kind, range: d.range, lines: (d.line_start, d.line_end) });
    }
    rebuilt.push_str(&text[at..]);
    assert!(rebuilt == text, "documents and gaps do not reproduce the input");
    // Gaps hold nothing but blank lines, prompts and comments.
    let mut at = 0usize;
    for d in &docs {
        for line in text[at..d.range.start as usize].lines() {
            let t = line.trim_ws();
            let skippable = t.is_empty()
                || syntax::prompt::command(line).is_some()
                || t.starts_with('#')
                || t.starts_with(';')
                || t.starts_with("--");
            assert!(skippable, "a gap before {:?} holds text no document covers: {line:?}", d.kind);
        }
        at = d.range.end as usize;
    }
    out
}

/// The raw lines, checked: [`crate::text::split_lines`] ranges plus terminators reproduce the
/// text byte for byte, and each content range excludes `\n` and a `\r` before it.
pub fn lines_checked(text: &str) -> usize {
    let lines = crate::text::split_lines(text);
    let mut at = 0u32;
    for l in &lines {
        assert_eq!(l.full.start, at, "line {} does not start where the previous ended", l.number);
        assert_eq!(l.range.start, l.full.start);
        assert!(l.range.end <= l.full.end);
        let content = crate::text::slice(text, l.range);
        assert!(!content.contains('\n'), "line {} holds a newline", l.number);
        at = l.full.end;
    }
    assert_eq!(at as usize, text.len(), "lines do not cover the text");
    lines.len()
}

pub use crate::source::{reset_work, work};

/// The page's examples that the browser's speed test repeats (`xtask/src/e2e.rs`, which keeps its
/// own copy: xtask does not link the core).
const TRANSCRIPT_PARTS: [&str; 5] = [
    include_str!("../../../web/examples/clone-3707.txt"),
    include_str!("../../../web/examples/docker-official.txt"),
    include_str!("../../../web/examples/healthy.txt"),
    include_str!("../../../web/examples/replica-crash-unsafe.txt"),
    include_str!("../../../web/examples/stays-down.txt"),
];

/// The browser speed test's transcript, `lines` lines long: the page's examples, each after a
/// `$ cat part-N.txt` prompt, repeated. For the keystroke example and the incremental test.
pub fn long_transcript(lines: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    'outer: for i in 0.. {
        for ex in TRANSCRIPT_PARTS {
            for l in std::iter::once(format!("$ cat part-{i}.txt")).chain(ex.lines().map(str::to_owned)) {
                out.push_str(&l);
                out.push('\n');
                n += 1;
                if n == lines {
                    break 'outer;
                }
            }
        }
    }
    out
}

/// The examples [`long_transcript`] repeats.
pub fn transcript_parts() -> &'static [&'static str] {
    &TRANSCRIPT_PARTS
}
