//! Facts from mysql client output, version lines, error logs, client errors and statements:
//! the server version and flavour, runtime variables, replication channels, clone status, events.

use super::{Facts, Loc, Valued};
use crate::document::Document;
use crate::source::Source;
use std::collections::BTreeMap;

/// A row of named fields, each with where it was read. Keys are column names as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Record {
    pub fields: BTreeMap<String, Valued<String>>,
    /// The whole row (all its lines).
    pub at: Loc,
}

impl Record {
    /// The field named `name` (exact, then ASCII case-insensitive).
    pub fn get(&self, name: &str) -> Option<&Valued<String>> {
        self.fields
            .get(name)
            .or_else(|| self.fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v))
    }
    /// The first present field among `names` (e.g. the 8.0.22+ name, then the legacy one).
    pub fn get_any(&self, names: &[&str]) -> Option<&Valued<String>> {
        names.iter().find_map(|n| self.get(n))
    }
}

/// Which statement produced a replica-status row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StatusDialect {
    /// `SHOW REPLICA STATUS` (8.0.22+): `Replica_IO_Running`, `Source_Host`…
    Replica,
    /// `SHOW SLAVE STATUS`: `Slave_IO_Running`, `Master_Host`…
    Slave,
}

/// One replication channel, merged from every source that mentions it (matched by channel name;
/// `""` is the default channel).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Channel {
    /// The channel name (`""` for the default channel).
    pub name: String,
    /// The `SHOW REPLICA/SLAVE STATUS` row, if given.
    pub status: Option<Record>,
    /// Which names the status row used.
    pub dialect: Option<StatusDialect>,
    /// The `replication_connection_configuration` row, if given.
    pub connection: Option<Record>,
    /// The `replication_applier_configuration` row, if given.
    pub applier: Option<Record>,
}

impl Channel {
    /// A status field by its SHOW REPLICA STATUS name, falling back to the SHOW SLAVE STATUS name
    /// (`mysql-facts.md` §9), e.g. `status_field("Replica_IO_Running")`.
    pub fn status_field(&self, modern: &str) -> Option<&Valued<String>> {
        let st = self.status.as_ref()?;
        st.get(modern).or_else(|| legacy_column(modern).and_then(|l| st.get(l)))
    }
    /// `Auto_Position` from the status row or `AUTO_POSITION` from performance_schema.
    pub fn auto_position(&self) -> Option<Valued<bool>> {
        let v = self
            .connection
            .as_ref()
            .and_then(|c| c.get("AUTO_POSITION"))
            .or_else(|| self.status_field("Auto_Position"))?;
        super::settings::parse_bool(&v.value).map(|b| Valued::new(b, v.at))
    }
    /// `GTID_ONLY` from `replication_connection_configuration` (no status column has it).
    pub fn gtid_only(&self) -> Option<Valued<bool>> {
        let v = self.connection.as_ref()?.get("GTID_ONLY")?;
        super::settings::parse_bool(&v.value).map(|b| Valued::new(b, v.at))
    }
    /// `REQUIRE_ROW_FORMAT` from `replication_applier_configuration`.
    pub fn require_row_format(&self) -> Option<Valued<bool>> {
        let v = self.applier.as_ref()?.get("REQUIRE_ROW_FORMAT")?;
        super::settings::parse_bool(&v.value).map(|b| Valued::new(b, v.at))
    }
}

/// The SHOW SLAVE STATUS name for a SHOW REPLICA STATUS column, when they differ (§9).
pub(crate) fn legacy_column(modern: &str) -> Option<&'static str> {
    Some(match modern {
        "Replica_IO_State" => "Slave_IO_State",
        "Source_Host" => "Master_Host",
        "Source_User" => "Master_User",
        "Source_Port" => "Master_Port",
        "Source_Log_File" => "Master_Log_File",
        "Read_Source_Log_Pos" => "Read_Master_Log_Pos",
        "Relay_Source_Log_File" => "Relay_Master_Log_File",
        "Replica_IO_Running" => "Slave_IO_Running",
        "Replica_SQL_Running" => "Slave_SQL_Running",
        "Exec_Source_Log_Pos" => "Exec_Master_Log_Pos",
        "Source_SSL_Allowed" => "Master_SSL_Allowed",
        "Source_SSL_CA_File" => "Master_SSL_CA_File",
        "Source_SSL_CA_Path" => "Master_SSL_CA_Path",
        "Source_SSL_Cert" => "Master_SSL_Cert",
        "Source_SSL_Cipher" => "Master_SSL_Cipher",
        "Source_SSL_Key" => "Master_SSL_Key",
        "Seconds_Behind_Source" => "Seconds_Behind_Master",
        "Source_SSL_Verify_Server_Cert" => "Master_SSL_Verify_Server_Cert",
        "Source_Server_Id" => "Master_Server_Id",
        "Source_UUID" => "Master_UUID",
        "Source_Info_File" => "Master_Info_File",
        "Replica_SQL_Running_State" => "Slave_SQL_Running_State",
        "Source_Retry_Count" => "Master_Retry_Count",
        "Source_Bind" => "Master_Bind",
        "Source_SSL_Crl" => "Master_SSL_Crl",
        "Source_SSL_Crlpath" => "Master_SSL_Crlpath",
        "Source_TLS_Version" => "Master_TLS_Version",
        "Source_public_key_path" => "Master_public_key_path",
        "Get_Source_public_key" => "Get_master_public_key",
        _ => return None,
    })
}

/// `performance_schema.clone_status` (one row) and `clone_progress` (one row per stage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CloneInfo {
    pub status: Option<Record>,
    pub progress: Vec<Record>,
}

/// One error-log line (MySQL 8 format `TIME THREAD [LEVEL] [MY-NNNNNN] [SUBSYSTEM] message`, or
/// the 5.7 format `TIME THREAD [Level] message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LogEvent {
    pub at: Loc,
    pub time: Option<String>,
    /// `ERROR`, `Warning`, `Note`, `System` as printed.
    pub level: Option<String>,
    /// `MY-013462`, as printed.
    pub code: Option<String>,
    pub subsystem: Option<String>,
    pub message: String,
}

/// A client error line: `ERROR 3707 (HY000): Restart server failed (…).`
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ClientErrorEvent {
    pub at: Loc,
    pub code: u32,
    pub sqlstate: Option<String>,
    pub message: String,
}

/// A `CHANGE REPLICATION SOURCE TO` / `CHANGE MASTER TO` statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ChangeSourceStmt {
    pub at: Loc,
    /// True for `CHANGE MASTER TO` / `MASTER_*` spelling.
    pub legacy: bool,
    /// Options by upper-case name as written (`SOURCE_AUTO_POSITION`, `MASTER_HOST`, `GTID_ONLY`),
    /// values unquoted. Passwords are kept only as `***`.
    pub options: Vec<(String, Valued<String>)>,
    /// `FOR CHANNEL 'x'`, if present.
    pub channel: Option<Valued<String>>,
}

/// Fills `server`, `runtime_variables`, `channels`, `clone`, `log_events`, `client_errors` and
/// `change_sources` from the documents.
pub(crate) fn collect(_f: &mut Facts, _sources: &[Source<'_>], _docs: &[Document]) {
    // TODO(mysql-output owner).
}
