//! The clone family: what happened to a `CLONE INSTANCE` (3707 and the shutdown that follows it,
//! a `Failed` `clone_status`), whether this server can clone at all, and whether the next clone's
//! prerequisites hold. Facts: `mysql-facts.md` §2 (clone and restart), §3 (error numbers), §4
//! (`clone_status` / `clone_progress`), §7.5 (MariaDB).
//!
//! Who reports what, so that each piece of evidence is reported once:
//! - `clone-restart-failed`: ERROR 3707 / MY-013462 (the server shut down after a successful clone).
//! - `clone-status-failed`: a `Failed` `clone_status` row (any `ERROR_NO`), clone error numbers seen
//!   as client errors unless they are a prerequisite below, and `In Progress` after a failed restart.
//! - `clone-prerequisites`: configuration that makes the next clone fail (plugin, donor list,
//!   `max_allowed_packet`, versions), including the client errors that name one (1524 for the
//!   clone plugin, 3869, 3957, 3864) when no `clone_status` row already reports the same failure.
//! - `clone-unsupported`: MariaDB, MySQL before 8.0.17.
//!
//! The supervisor itself (why the restart failed, the drop-in that fixes it) belongs to the restart
//! family (`restart-*` rules and the `clone_restart` verdict); these rules refer to it by id.

use crate::i18n::{Key, k};
use crate::text::TrimWs;

pub(crate) mod compat;
pub(crate) mod donor_list;
pub(crate) mod errors;
pub(crate) mod fixes;

mod clone_prerequisites;
mod clone_restart_failed;
mod clone_status_failed;
mod clone_unsupported;

use super::{Ctx, Rule};
use crate::facts::Loc;
use crate::report::{Fix, FixTarget, Reference};

/// This family's rules, in report order.
pub(crate) const RULES: &[&dyn Rule] = &[
    &clone_restart_failed::CloneRestartFailed,
    &clone_status_failed::CloneStatusFailed,
    &clone_unsupported::CloneUnsupported,
    &clone_prerequisites::ClonePrerequisites,
];

/// Documentation links (MySQL 8.0 Reference Manual; the same pages exist for 8.4 and 9.x).
pub(crate) mod urls {
    pub const CLONE_PLUGIN: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin.html";
    pub const INSTALL: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-installation.html";
    pub const REMOTE: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-remote.html";
    pub const MONITORING: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-monitoring.html";
    pub const FAILURE: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-failure-handling.html";
    pub const VARIABLES: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-options-variables.html";
    pub const LIMITATIONS: &str = "https://dev.mysql.com/doc/refman/8.0/en/clone-plugin-limitations.html";
    pub const RESTART: &str = "https://dev.mysql.com/doc/refman/8.0/en/restart.html";
    pub const STATUS_TABLE: &str =
        "https://dev.mysql.com/doc/refman/8.0/en/performance-schema-clone-status-table.html";
    pub const ERRORS: &str = "https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html";
    pub const MARIABACKUP: &str = "https://mariadb.com/kb/en/mariabackup-overview/";
    pub const MARIADB_PR: &str = "https://github.com/MariaDB/server/pull/4248";
}

/// A reference link with a title from this family's catalog.
pub(crate) fn reference(cx: &Ctx<'_>, key: Key, url: &str) -> Reference {
    cx.reference(key, url)
}

/// How to start the server again, as precisely as the input tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum StartHow {
    /// A systemd unit (`user` for `systemctl --user`).
    Systemd { unit: String, user: bool },
    /// A container by name (`docker start`), or a compose service.
    Docker { name: String, compose: bool },
    /// Nothing says how mysqld is run.
    Unknown,
}

impl StartHow {
    pub(crate) fn of(cx: &Ctx<'_>) -> StartHow {
        if let Some(u) = &cx.facts.unit
            && let Some(name) = u.name.as_deref().filter(|n| !n.trim_ws().is_empty())
        {
            return StartHow::Systemd { unit: name.trim_ws().to_owned(), user: u.user_unit == Some(true) };
        }
        if let Some(c) = cx.facts.containers.server() {
            use crate::facts::container::ContainerSource;
            if let Some(name) = c.name.as_deref().filter(|n| !n.trim_ws().is_empty()) {
                match c.source {
                    ContainerSource::DockerRun => {
                        return StartHow::Docker { name: name.trim_ws().to_owned(), compose: false };
                    }
                    ContainerSource::Compose => {
                        return StartHow::Docker { name: name.trim_ws().to_owned(), compose: true };
                    }
                    ContainerSource::Kubernetes | ContainerSource::Dockerfile => {}
                }
            }
        }
        StartHow::Unknown
    }

    /// The command, or `None` when unknown.
    pub(crate) fn command(&self) -> Option<String> {
        match self {
            StartHow::Systemd { unit, user: false } => Some(format!("sudo systemctl start {unit}")),
            StartHow::Systemd { unit, user: true } => Some(format!("systemctl --user start {unit}")),
            StartHow::Docker { name, compose: false } => Some(format!("docker start {name}")),
            StartHow::Docker { name, compose: true } => Some(format!("docker compose start {name}")),
            StartHow::Unknown => None,
        }
    }

    /// A paste-ready fix that starts the server.
    pub(crate) fn fix(&self, cx: &Ctx<'_>) -> Fix {
        match self.command() {
            Some(cmd) => Fix::safe(FixTarget::Shell, cx.t(k::CLONE_FIX_START_TITLE), cmd),
            None => Fix::display_only(
                FixTarget::Shell,
                cx.t(k::CLONE_FIX_START_TITLE),
                cx.t(k::CLONE_FIX_START_GENERIC),
            )
            .because(cx.t(k::CLONE_FIX_START_GENERIC_REASON)),
        }
    }
}

/// The read-only query that shows whether the clone finished (§4).
pub(crate) const CHECK_STATUS_SQL: &str = "SELECT STATE, ERROR_NO, ERROR_MESSAGE, SOURCE, END_TIME\n  FROM performance_schema.clone_status;\nSELECT STAGE, STATE, END_TIME\n  FROM performance_schema.clone_progress;";

/// A fix that runs [`CHECK_STATUS_SQL`].
pub(crate) fn check_status_fix(cx: &Ctx<'_>) -> Fix {
    Fix::safe(FixTarget::Sql, cx.t(k::CLONE_FIX_CHECK_STATUS_TITLE), CHECK_STATUS_SQL.to_owned())
}

/// True when the input shows that clone is used or meant to be used here: a `CLONE` statement,
/// `clone_status` / `clone_progress` rows, clone errors or clone log lines, or clone settings.
/// Returns the first piece of evidence.
pub(crate) fn clone_intent(cx: &Ctx<'_>, scan: &crate::facts::clone_scan::Scan) -> Option<Loc> {
    if let Some(s) = scan.stmts.iter().find(|s| s.mentions_clone()) {
        return Some(s.at);
    }
    let f = cx.facts;
    if let Some(st) = &f.clone.status {
        return Some(st.at);
    }
    if let Some(p) = f.clone.progress.first() {
        return Some(p.at);
    }
    if let Some(e) = f.client_errors.iter().find(|e| errors::is_clone_client_error(e.code, &e.message)) {
        return Some(e.at);
    }
    if let Some(e) = f.log_events.iter().find(|e| errors::is_clone_log_event(e)) {
        return Some(e.at);
    }
    for name in ["plugin_load_add", "plugin_load"] {
        if let Some(a) = f.settings.assignments(name).iter().find(|a| donor_list::loads_clone(&a.value)) {
            return Some(a.at);
        }
    }
    for name in ["clone", "clone_valid_donor_list"] {
        if let Some(a) = f.settings.assignments(name).first() {
            return Some(a.at);
        }
    }
    None
}

/// Drops evidence that repeats lines already shown (table-form rows put several fields on one line).
pub(crate) fn dedup_evidence(evidence: Vec<crate::report::Evidence>) -> Vec<crate::report::Evidence> {
    // A set of the places kept: one search per item made thousands of 3707 lines quadratic (issue 18).
    let mut seen = std::collections::HashSet::with_capacity(evidence.len());
    let mut out: Vec<crate::report::Evidence> = Vec::with_capacity(evidence.len());
    for e in evidence {
        if seen.insert((e.input, e.line_start, e.line_end)) {
            out.push(e);
        }
    }
    out
}

/// Rule ids of the restart family's error and warning findings already in `out` (the restart rules
/// run first; info findings such as `restart-on-crash` describe policy, not why the restart failed).
pub(crate) fn restart_findings(out: &[crate::report::Finding]) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for f in out {
        if f.rule.starts_with("restart-")
            && f.severity != crate::report::Severity::Info
            && !ids.contains(&f.rule)
        {
            ids.push(f.rule);
        }
    }
    ids
}

/// Joins rule ids for a sentence in `lang`.
pub(crate) fn join_ids(lang: crate::i18n::Lang, ids: &[&str]) -> String {
    match lang {
        crate::i18n::Lang::ZhCn => ids.join("、"),
        crate::i18n::Lang::En => ids.join(", "),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn registry_ids_are_unique_kebab_and_documented_in_both_languages() {
        let mut seen = std::collections::BTreeSet::new();
        for r in RULES {
            let id = r.id();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(id.starts_with("clone-"), "{id}");
            assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{id}");
            assert_eq!(r.family(), super::super::Family::Clone);
            for lang in Lang::ALL {
                assert!(
                    lang.has(crate::i18n::dynamic(format_args!("{id}.name"))),
                    "{id}.name missing in {lang:?}"
                );
                let docs = r.docs(lang);
                let sections: &[&str] = match lang {
                    Lang::En => &[
                        "## What it does",
                        "## Why is this bad?",
                        "## Example",
                        "Use instead:",
                        "## Fix safety",
                        "## Known problems",
                        "## References",
                    ],
                    Lang::ZhCn => &[
                        "## 功能说明",
                        "## 为什么有问题？",
                        "## 示例",
                        "推荐写法",
                        "## 修复安全性",
                        "## 已知问题",
                        "## 参考资料",
                    ],
                };
                let mut last = 0;
                for section in sections {
                    let at = docs.find(section).unwrap_or_else(|| panic!("{id} {lang:?} lacks {section}"));
                    assert!(at >= last, "{id} {lang:?}: {section} out of order");
                    last = at;
                }
                assert!(docs.contains("https://dev.mysql.com/"), "{id} {lang:?} has no dev.mysql.com link");
            }
        }
        assert!(seen.contains("clone-restart-failed"));
        assert!(seen.contains("clone-status-failed"));
        assert!(seen.contains("clone-unsupported"));
        assert!(seen.contains("clone-prerequisites"));
    }

    #[test]
    fn start_commands() {
        let s = StartHow::Systemd { unit: "mysqld.service".into(), user: false };
        assert_eq!(s.command().as_deref(), Some("sudo systemctl start mysqld.service"));
        let s = StartHow::Systemd { unit: "mysql.service".into(), user: true };
        assert_eq!(s.command().as_deref(), Some("systemctl --user start mysql.service"));
        assert_eq!(
            StartHow::Docker { name: "db".into(), compose: false }.command().as_deref(),
            Some("docker start db")
        );
        assert_eq!(StartHow::Unknown.command(), None);
    }
}
