//! Documents: the recognised parts of an input, each with its kind, line range and parse.

use crate::text::TextRange;
use serde::Serialize;

/// What kind of text a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A systemd unit file or drop-in, as written on disk.
    SystemdUnit,
    /// `systemctl cat` output: the unit and its drop-ins, each after a `# /path` header.
    SystemctlCat,
    /// `systemctl show` output (`Key=value` properties).
    SystemctlShow,
    /// A MySQL option file (`my.cnf`).
    OptionFile,
    /// `my_print_defaults` output (`--key=value` lines).
    MyPrintDefaults,
    /// `mysqld-auto.cnf`, the JSON written by `SET PERSIST`.
    MysqldAutoCnf,
    /// `SHOW [GLOBAL] VARIABLES` output.
    ShowVariables,
    /// `SHOW REPLICA STATUS` / `SHOW SLAVE STATUS` output.
    ReplicaStatus,
    /// `performance_schema.replication_connection_configuration` rows.
    ConnectionConfiguration,
    /// `performance_schema.replication_applier_configuration` rows.
    ApplierConfiguration,
    /// `performance_schema.clone_status` rows.
    CloneStatus,
    /// `performance_schema.clone_progress` rows.
    CloneProgress,
    /// `SELECT @@var, VERSION()…` results.
    VariableQuery,
    /// Any other mysql client result set.
    QueryResult,
    /// `mysqld --version` (or `mysql --version`) output.
    MysqldVersion,
    /// MySQL error-log lines.
    ErrorLog,
    /// A client error line (`ERROR 3707 (HY000): …`).
    ClientError,
    /// A `CHANGE REPLICATION SOURCE TO` / `CHANGE MASTER TO` statement.
    ChangeReplicationSource,
    /// Container definitions: `docker run`, compose files, entrypoint output.
    Container,
    /// Text that was not recognised.
    Unrecognized,
}

impl DocKind {
    /// The JSON name (kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::SystemdUnit => "systemd-unit",
            DocKind::SystemctlCat => "systemctl-cat",
            DocKind::SystemctlShow => "systemctl-show",
            DocKind::OptionFile => "option-file",
            DocKind::MyPrintDefaults => "my-print-defaults",
            DocKind::MysqldAutoCnf => "mysqld-auto-cnf",
            DocKind::ShowVariables => "show-variables",
            DocKind::ReplicaStatus => "replica-status",
            DocKind::ConnectionConfiguration => "connection-configuration",
            DocKind::ApplierConfiguration => "applier-configuration",
            DocKind::CloneStatus => "clone-status",
            DocKind::CloneProgress => "clone-progress",
            DocKind::VariableQuery => "variable-query",
            DocKind::QueryResult => "query-result",
            DocKind::MysqldVersion => "mysqld-version",
            DocKind::ErrorLog => "error-log",
            DocKind::ClientError => "client-error",
            DocKind::ChangeReplicationSource => "change-replication-source",
            DocKind::Container => "container",
            DocKind::Unrecognized => "unrecognized",
        }
    }
}

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
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// A syntax problem: a catalog key plus arguments, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub key: &'static str,
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
    /// Nothing parsed (unrecognised text).
    None,
}
