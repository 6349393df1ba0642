//! Facts: one normalised view of the server, built from every document of every input.
//!
//! Rules read facts, never documents. Every fact keeps where it came from ([`Loc`]) so that a
//! finding can point at the exact lines.

pub(crate) mod clone_scan;
pub(crate) mod container;
pub(crate) mod container_state;
pub(crate) mod defaults;
pub(crate) mod journal;
pub(crate) mod launch;
pub(crate) mod mysql;
pub(crate) mod observed;
pub(crate) mod process;
pub(crate) mod settings;
pub(crate) mod shell;
pub(crate) mod unit;

use crate::source::Source;
use crate::syntax::document::Document;

pub(crate) use crate::base::{Flavor, Loc, Valued, Version};
/// The columns that name a replica status MariaDB's, for the rules (which read facts, not syntax).
pub(crate) use crate::syntax::mysql_output::MARIADB_STATUS_COLUMNS;
#[cfg(test)]
pub(crate) use mysql::Record;
pub(crate) use mysql::{ChangeSourceStmt, Channel, ClientErrorEvent, CloneInfo, LogEvent};
pub(crate) use settings::{Assignment, Origin, Setting, Settings};

/// The server as far as the input shows it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Server {
    /// MySQL, Percona Server or MariaDB, with the evidence that decided it.
    pub flavor: Option<Valued<Flavor>>,
    /// The version, from the most authoritative input that shows it
    /// (runtime `SELECT VERSION()` / `SHOW VARIABLES` over `mysqld --version` over log lines).
    pub version: Option<Valued<Version>>,
}

/// Everything known about the server.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub server: Server,
    /// Runtime variables as read from `SHOW VARIABLES` / `SELECT @@x` (collected by `mysql`,
    /// merged into `settings` by `settings`).
    pub runtime_variables: Vec<Assignment>,
    /// Effective settings with provenance and precedence.
    pub settings: Settings,
    /// The merged systemd unit, when one was given.
    pub unit: Option<unit::UnitFacts>,
    /// Replication channels (from SHOW REPLICA STATUS and performance_schema tables).
    pub channels: Vec<Channel>,
    /// Clone status and progress.
    pub clone: CloneInfo,
    /// Error-log events, in input order.
    pub log_events: Vec<LogEvent>,
    /// Client errors (`ERROR 3707 (HY000): …`), in input order.
    pub client_errors: Vec<ClientErrorEvent>,
    /// CHANGE REPLICATION SOURCE / CHANGE MASTER statements.
    pub change_sources: Vec<ChangeSourceStmt>,
    /// MariaDB: the storage engine of `mysql.gtid_slave_pos` and its per-engine siblings, from a
    /// result with `TABLE_NAME` and `ENGINE` columns (`information_schema.TABLES`): table name, engine.
    pub gtid_pos_tables: Vec<(String, Valued<String>)>,
    /// Container definitions, entrypoint log evidence, pasted wrapper scripts and environment files.
    pub containers: container::Containers,
    /// What was observed at run time (exits, restarts, processes, environments, MySQL Shell,
    /// container state), apart from what the configuration predicts.
    pub observed: observed::Observed,
    /// Statements typed at a prompt, the second `RESTART` warning, plugin lists.
    pub clone_scan: clone_scan::Scan,
    /// Other launchers: supervisord programs, service scripts, Windows services.
    pub services: launch::Services,
}

impl Facts {
    /// Builds the facts from all documents. Order matters: `mysql` first (version, runtime
    /// variables), then `settings` (needs the version for `[mysqld-X.Y]` groups and defaults), then
    /// `unit` (may read settings such as `daemonize`).
    pub(crate) fn build(sources: &[Source<'_>], docs: &[Document]) -> Facts {
        let mut f = Facts::default();
        mysql::collect(&mut f, sources, docs);
        // Needs the error-log events (Group Replication clone recovery).
        shell::collect(&mut f, sources, docs);
        settings::collect(&mut f, sources, docs);
        unit::collect(&mut f, sources, docs);
        container::collect(&mut f, sources, docs);
        launch::collect_services(&mut f, sources, docs);
        process::collect(&mut f, sources, docs);
        // After `container` (adds the definitions `docker inspect` / a pod's spec show).
        container_state::collect(&mut f, docs);
        // Run-time observations: the journal, `systemctl status`, `systemctl show`'s runtime properties.
        journal::collect(&mut f, sources, docs);
        // Needs the unit's ExecStart= (mysqld options, --defaults-group-suffix), pasted
        // EnvironmentFile= files and container commands.
        settings::collect_command_line(&mut f, sources, docs);
        f.clone_scan = clone_scan::Scan::of(sources, docs);
        f
    }

    /// The effective value of a setting: the highest-precedence assignment, else the default of
    /// the detected version (or of the assumed version when none was detected). Alias-aware.
    pub(crate) fn setting(&self, name: &str) -> Option<Setting> {
        self.settings.effective(name, self.version_or_assumed())
    }

    /// The detected version, or the version assumed when none is known.
    pub(crate) fn version_or_assumed(&self) -> Version {
        self.server.version.as_ref().map(|v| v.value).unwrap_or(crate::base::ASSUMED)
    }

    /// True when the version was detected rather than assumed.
    pub(crate) fn version_known(&self) -> bool {
        self.server.version.is_some()
    }
}
