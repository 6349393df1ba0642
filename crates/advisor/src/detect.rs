//! Detection and splitting: finds the documents in an input.
//!
//! Users paste whatever their terminal shows: prompts, commands, several outputs one after
//! another. The splitter walks the lines once. At each line it skips blanks and shell or mysql
//! prompts (remembering the last command as a hint), then asks each recogniser, in priority order,
//! whether a document of its kind starts here. The first that claims the line decides the kind and
//! how many lines the document spans; the walk carries on after it. Lines nobody claims are
//! gathered into `Unrecognized` documents.
//!
//! **Invariant:** every claim covers at least one line, so the walk ends after at most one step per
//! line (linear time when each recogniser is linear in what it claims).

use crate::text::TrimWs;

use crate::source::Source;
use crate::syntax;
use crate::syntax::document::{DocKind, Document, Hint, Parsed, Recognizer};
use crate::text::TextRange;

/// The recognisers, in priority order. Each module's `recognize` must only claim a line that
/// clearly starts its kind.
const RECOGNIZERS: &[Recognizer] = &[
    // First: a whole input that is a service script (runit, s6, OpenRC, SysV: by its `#!` line, its
    // path or its LSB header), before anything reads its lines one by one — and before the generic
    // shell script below.
    syntax::launcher::recognize_script,
    // Claims only the lines after `$ cat x.sh` (a script's lines would look like other kinds), a
    // whole input that is a shell script, and Dockerfiles (`FROM` at column 0 with other
    // instructions).
    syntax::image::recognize,
    syntax::systemd::recognize,
    syntax::systemctl_show::recognize,
    syntax::auto_cnf::recognize,
    // Before result sets and option files: claims only `ps`/`pstree` shapes, `/proc` files, and
    // `NAME=value` runs after a `/proc/<pid>/environ` prompt or holding a process's variables.
    syntax::process::recognize,
    // Before `container`: it claims `kubectl get pod -o yaml` (spec and status) from the spec reader.
    syntax::container_state::recognize,
    syntax::mysql_output::recognize,
    // Before `misc`: a Shell transcript holds `ERROR: …` and `Restart server failed` lines that
    // `misc` would take one by one as client errors.
    syntax::mysqlsh::recognize,
    syntax::systemctl_status::recognize,
    syntax::journal::recognize,
    // Before `misc`: a supervisord log line is not an error-log line.
    syntax::launcher::recognize_supervisord_log,
    syntax::misc::recognize,
    syntax::container::recognize,
    syntax::launcher::recognize_sc,
    // Before option files: `[program:mysqld]` is a supervisord section, not a my.cnf group.
    syntax::launcher::recognize_supervisord,
    syntax::option_file::recognize,
];

/// Splits one input into documents.
pub(crate) fn split(src: &Source<'_>) -> Vec<Document> {
    let mut docs = Vec::new();
    split_from(src, &Resume::START, &mut docs, None);
    docs
}

/// The splitter's state before a line where no unrecognised run is open: what it needs to go on
/// from there ([`split_from`]), and what it had read by then.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resume {
    /// The line (0-based).
    pub line: usize,
    /// How many documents of the input come before it.
    pub docs: usize,
    /// The highest line read before it ([`Source::reach`]): the documents before `line` depend on
    /// no line after this one.
    pub reach: usize,
    /// The last prompt's command, as a range of the text.
    pub command: Option<TextRange>,
    /// Nothing but blanks and comments before it.
    pub at_start: bool,
}

impl Resume {
    /// The start of an input.
    pub const START: Resume = Resume { line: 0, docs: 0, reach: 0, command: None, at_start: true };
}

/// [`split`] from a point a previous split recorded (`from`), appending to `docs` (which holds the
/// `from.docs` documents before it); with `marks`, records a [`Resume`] before every line where it
/// could go on from. From the same text, `split_from(src, mark, docs[..mark.docs])` gives what
/// `split(src)` gives.
pub(crate) fn split_from(
    src: &Source<'_>,
    from: &Resume,
    docs: &mut Vec<Document>,
    mut marks: Option<&mut Vec<Resume>>,
) {
    let n = src.lines.len();
    let mut i = from.line;
    let mut command: Option<&str> = from.command.map(|r| src.slice(r));
    let mut at_start = from.at_start;
    let mut unrec_start: Option<usize> = None;
    let mut steps = 0usize;
    src.reach.set(src.reach.get().max(from.reach));
    while i < n {
        steps += 1;
        debug_assert!(steps <= n + 1);
        if unrec_start.is_none()
            && let Some(m) = marks.as_deref_mut()
        {
            m.push(Resume {
                line: i,
                docs: docs.len(),
                reach: src.reach.get(),
                command: command.map(|c| crate::text::subslice_range(src.text, c, 0)),
                at_start,
            });
        }
        let line = src.line(i);
        if line.trim_ws().is_empty() {
            flush_unrecognized(src, docs, &mut unrec_start, i);
            i += 1;
            continue;
        }
        if let Some(cmd) = syntax::prompt::at(src, i) {
            flush_unrecognized(src, docs, &mut unrec_start, i);
            command = Some(cmd);
            at_start = false;
            i += 1;
            continue;
        }
        let hint = Hint { command, at_input_start: at_start };
        let claim = RECOGNIZERS.iter().find_map(|r| r(src, i, &hint));
        match claim {
            Some(c) => {
                flush_unrecognized(src, docs, &mut unrec_start, i);
                let end = c.end.clamp(i + 1, n);
                let range = src.lines_range(i, end);
                docs.push(Document {
                    input: src.index,
                    kind: c.kind,
                    range,
                    line_start: src.lines[i].number,
                    line_end: src.lines[end - 1].number,
                    name: c.name,
                    label: c.label,
                    parsed: c.parsed,
                    problems: c.problems,
                });
                command = None;
                at_start = false;
                i = end;
            }
            None => {
                let t = line.trim_start_ws();
                let comment = t.starts_with('#') || t.starts_with(';') || t.starts_with("--");
                if !comment {
                    at_start = false;
                    if unrec_start.is_none() {
                        unrec_start = Some(i);
                    }
                } else {
                    flush_unrecognized(src, docs, &mut unrec_start, i);
                }
                i += 1;
            }
        }
    }
    flush_unrecognized(src, docs, &mut unrec_start, n);
}

fn flush_unrecognized(src: &Source<'_>, docs: &mut Vec<Document>, start: &mut Option<usize>, end: usize) {
    let Some(s) = start.take() else { return };
    if end <= s {
        return;
    }
    docs.push(Document {
        input: src.index,
        kind: DocKind::Unrecognized,
        range: src.lines_range(s, end),
        line_start: src.lines[s].number,
        line_end: src.lines[end - 1].number,
        name: None,
        label: None,
        parsed: Parsed::None,
        problems: Vec::new(),
    });
}
