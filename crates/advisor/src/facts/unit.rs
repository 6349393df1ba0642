//! The merged systemd unit: main file plus drop-ins in order, with resets (or `systemctl show`).
//!
//! Contract between the systemd parser (which fills it) and the restart rules (which read it).
//! Values are systemd's *effective* values after applying every file in order — `systemctl cat`
//! order, then drop-ins given as separate inputs in input order — with systemd's semantics:
//! empty assignments reset lists (`Environment=`, `ExecStart=`, `*ExitStatus=`, `EnvironmentFile=`),
//! an invalid `Restart=` value is ignored (the previous value stays), later assignments win.

use super::{Facts, Loc, Valued};
use crate::document::Document;
use crate::source::Source;

/// One file that went into the merged unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnitFile {
    /// `/etc/systemd/system/mysqld.service`, from a `systemctl cat` header, the input name, or a
    /// `# /path` comment; `None` when unknown.
    pub path: Option<String>,
    /// True for a drop-in (`…/X.service.d/*.conf`, or a file holding only overrides after the main one).
    pub dropin: bool,
    /// The file's lines.
    pub at: Loc,
}

/// One `Key=value` line as systemd reads it (continuations joined).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Directive {
    /// Section without brackets (`Service`).
    pub section: String,
    /// Key as written (`Environment`).
    pub key: String,
    /// Value after the `=`, whitespace-trimmed, continuations joined with a space.
    pub value: String,
    /// Index into [`UnitFacts::files`].
    pub file: usize,
    /// The whole directive (all continuation lines).
    pub at: Loc,
    /// The value part only.
    pub value_at: Loc,
}

/// One effective environment variable from `Environment=`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EnvVar {
    pub name: String,
    pub value: String,
    /// The `Environment=` line that set it.
    pub at: Loc,
}

/// An exit-status list (`SuccessExitStatus=`, `RestartPreventExitStatus=`, `RestartForceExitStatus=`)
/// after merging and resets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StatusSet {
    /// Numeric exit codes, each with the line that added it.
    pub codes: Vec<Valued<u32>>,
    /// Signal names without `SIG` (`TERM`), each with the line that added it.
    pub signals: Vec<Valued<String>>,
    /// The lines that assigned this list (including resets), in order.
    pub lines: Vec<Loc>,
}

impl StatusSet {
    /// The entry for exit code `code`, if listed.
    pub fn code(&self, code: u32) -> Option<&Valued<u32>> {
        self.codes.iter().find(|c| c.value == code)
    }
}

/// Why systemd ignores a line that looks like it was meant to matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum IgnoredReason {
    /// `#Environment=MYSQLD_PARENT_PID=1` — a comment.
    Commented,
    /// A known `[Service]` key in another section (`[Unit]`, `[Install]`) or before any section.
    WrongSection { section: Option<String> },
    /// An unknown key close to a known one (`Enviroment=` → `Environment`).
    Misspelt { suggestion: String },
    /// A value systemd rejects (e.g. `Restart=sometimes`), so the previous value stays.
    InvalidValue,
    /// A second `ExecStart=` without a reset on a non-oneshot service (systemd refuses the unit).
    DuplicateExecStart,
}

/// A line systemd ignores, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: IgnoredReason,
    pub at: Loc,
}

/// The effective `[Service]` (and `[Unit]` start-limit) settings of the mysqld unit.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnitFacts {
    /// The unit name (`mysqld.service`, `mysql@replica.service`), when known.
    pub name: Option<String>,
    /// `Some(true)` for a user unit (`~/.config/systemd/user`, `/etc/systemd/user`, `systemctl --user`),
    /// `Some(false)` for a system unit, `None` when the input does not say.
    pub user_unit: Option<bool>,
    /// True when built from `systemctl show` (already merged by systemd).
    pub from_show: bool,
    /// The files, in the order they were applied.
    pub files: Vec<UnitFile>,
    /// Every directive of every section, in application order.
    pub directives: Vec<Directive>,
    /// `Type=` (default `simple` when absent).
    pub service_type: Option<Valued<String>>,
    /// Effective `ExecStart=` command lines (after resets), as written (prefixes such as `+`, `-`, `@` kept).
    pub exec_start: Vec<Valued<String>>,
    /// Effective `Environment=` variables (later assignments of a name replace earlier ones).
    pub environment: Vec<EnvVar>,
    /// Effective `EnvironmentFile=` entries (a leading `-` kept).
    pub environment_files: Vec<Valued<String>>,
    /// `UnsetEnvironment=` entries.
    pub unset_environment: Vec<Valued<String>>,
    /// The last *valid* `Restart=` value (`None` = default `no`).
    pub restart: Option<Valued<String>>,
    pub restart_prevent: StatusSet,
    pub restart_force: StatusSet,
    pub success_exit: StatusSet,
    /// `TimeoutStartSec=` or `TimeoutSec=`, whichever applies last.
    pub timeout_start: Option<Valued<String>>,
    pub notify_access: Option<Valued<String>>,
    pub pid_file: Option<Valued<String>>,
    pub user: Option<Valued<String>>,
    pub restart_sec: Option<Valued<String>>,
    /// `StartLimitBurst=` / `StartLimitIntervalSec=` (also the old `[Service]` spelling `StartLimitInterval=`).
    pub start_limit_burst: Option<Valued<String>>,
    pub start_limit_interval: Option<Valued<String>>,
    /// Lines systemd ignores that look meant (commented out, wrong section, misspelt, invalid).
    pub ignored: Vec<Ignored>,
}

impl UnitFacts {
    /// The effective value of environment variable `name`.
    pub fn env(&self, name: &str) -> Option<&EnvVar> {
        self.environment.iter().rev().find(|e| e.name == name)
    }
}

/// Builds `f.unit` from unit files, `systemctl cat` and `systemctl show` documents.
pub(crate) fn collect(_f: &mut Facts, _sources: &[Source<'_>], _docs: &[Document]) {
    // TODO(systemd owner).
}
