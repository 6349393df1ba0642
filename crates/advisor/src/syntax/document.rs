//! Documents: the recognised parts of an input, each with its kind, line range and parse, and
//! what a recogniser returns when it claims lines ([`Claim`], with the [`Hint`] it was given).

pub(crate) use crate::base::DocKind;
use crate::i18n::Key;
use crate::source::Source;
use crate::text::TextRange;

/// A recognised part of one input.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    /// Index of the input.
    pub input: usize,
    /// What it is.
    pub kind: DocKind,
    /// Bytes covered (whole lines).
    pub range: TextRange,
    /// First and last line (1-based, inclusive).
    pub line_start: u32,
    pub line_end: u32,
    /// A short name: the unit path, the table, the query.
    pub name: Option<String>,
    /// A custom label (catalog key and arguments), e.g. `doc.units` with `{unit}` and `{dropins}`.
    /// Without one the label is `doc.<kind>` with `{name}`.
    pub label: Option<Label>,
    /// The parse.
    pub parsed: Parsed,
    /// Syntax problems (the parser carried on past them), as catalog-rendered text is produced later:
    /// each is a catalog key and its arguments.
    pub problems: Vec<Problem>,
}

/// A catalog key and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    pub key: Key,
    pub args: Vec<(&'static str, String)>,
}

/// A syntax problem: a catalog key plus arguments, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub key: Key,
    pub args: Vec<(&'static str, String)>,
    pub range: TextRange,
}

/// The parse of a document. Each syntax module owns its variant's type.
#[derive(Clone, Debug)]
pub(crate) enum Parsed {
    /// A unit file, a drop-in, or `systemctl cat` output (one or more files).
    Units(crate::syntax::systemd::UnitSet),
    /// `systemctl show` output.
    Show(crate::syntax::systemctl_show::ShowDoc),
    /// An option file or `my_print_defaults` output.
    OptionFile(crate::syntax::option_file::OptionFile),
    /// `mysqld-auto.cnf`.
    AutoCnf(crate::syntax::auto_cnf::AutoCnf),
    /// A mysql client result set (table or `\G`).
    Result(crate::syntax::mysql_output::ResultSet),
    /// Error-log lines.
    ErrorLog(crate::syntax::misc::ErrorLog),
    /// A client error.
    ClientError(crate::syntax::misc::ClientError),
    /// A version line.
    Version(crate::syntax::misc::VersionLine),
    /// A CHANGE REPLICATION SOURCE / CHANGE MASTER statement.
    Statement(crate::syntax::misc::ChangeSource),
    /// Container definitions.
    Container(crate::syntax::container::ContainerDoc),
    /// A Dockerfile.
    Dockerfile(Box<crate::syntax::image::DockerfileDoc>),
    /// A shell script shown by `cat` in a transcript.
    Script(crate::syntax::image::ScriptDoc),
    /// A process view: `ps`, `pstree`, `/proc/<pid>/status|stat|environ`.
    Process(crate::syntax::process::ProcessDoc),
    /// Container state: `docker ps`, `docker inspect`, `kubectl describe pod` / `get pod`.
    ContainerState(crate::syntax::container_state::StateDoc),
    /// A MySQL Shell transcript.
    Shell(crate::syntax::mysqlsh::ShellDoc),
    /// `journalctl` output.
    Journal(crate::syntax::journal::Journal),
    /// `systemctl status` output.
    SystemctlStatus(Box<crate::syntax::systemctl_status::StatusDoc>),
    /// A supervisord configuration file.
    Supervisord(crate::syntax::launcher::SupervisordConf),
    /// supervisord's log lines.
    SupervisordLog(crate::syntax::launcher::SupervisordLog),
    /// A service script (its text is analysed by the launch model).
    ServiceScript(crate::syntax::launcher::ServiceScript),
    /// `sc qc` output.
    WindowsService(crate::syntax::launcher::ScQc),
    /// Nothing parsed (unrecognised text).
    None,
}

impl Parsed {
    /// The MySQL error-log lines of a document: an error log's, and mysqld's lines inside a
    /// journal or a `systemctl status` journal tail (so the error-log facts see them all).
    pub(crate) fn log_lines(&self) -> &[crate::syntax::misc::LogLine] {
        match self {
            Parsed::ErrorLog(log) => &log.lines,
            Parsed::Journal(j) => &j.log,
            Parsed::SystemctlStatus(s) => s.journal.as_ref().map(|j| j.log.as_slice()).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// What a recogniser returns when a document of its kind starts at the given line.
#[derive(Debug)]
pub(crate) struct Claim {
    pub kind: DocKind,
    /// One past the last line (0-based index into `Source::lines`); must be > start.
    pub end: usize,
    pub name: Option<String>,
    /// Optional custom label (see [`Document::label`]).
    pub label: Option<Label>,
    pub parsed: Parsed,
    pub problems: Vec<Problem>,
}

/// Context for recognisers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hint<'a> {
    /// The command of the last prompt line seen before this point (`systemctl cat mysqld`,
    /// `SHOW REPLICA STATUS\G`), if any, and not yet consumed by a document.
    pub command: Option<&'a str>,
    /// True when nothing but blanks and comments precede this line in the input: the document may
    /// be the whole file (an input named `my.cnf` or `x.service`).
    pub at_input_start: bool,
}

pub(crate) type Recognizer = fn(&Source<'_>, usize, &Hint<'_>) -> Option<Claim>;
