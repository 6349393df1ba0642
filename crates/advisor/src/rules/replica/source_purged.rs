//! `replica-source-purged`: the source purged binary logs the replica still needs; the replica
//! must be re-provisioned (usually with a clone, which ends with the automatic restart the
//! `restart-unsupervised` / `clone-restart-failed` checks are about).

use crate::i18n::k;
use crate::report::Fix;
use crate::text::TrimWs;

use super::errors;
use super::model::{ChannelView, Replica};
use super::{Ctx, Item, Outcome, State};
use crate::facts::Loc;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// The source no longer has the binary logs this replica needs.
    ReplicaSourcePurged { id: "replica-source-purged", family: Replica, docs: "source_purged" }
}

/// Where the input shows it, per channel (`None` = from the error log, channel unknown).
fn hits<'b, 'a>(r: &'b Replica<'a>) -> Vec<(Option<&'b ChannelView<'a>>, Loc)> {
    let mut out = Vec::new();
    for ch in &r.channels {
        let Some(errno) = ch.status("Last_IO_Errno") else { continue };
        let Some(code) = errors::parse_errno(errno.value) else { continue };
        let text = ch.status("Last_IO_Error").map(|v| v.value).unwrap_or("");
        if errors::says_purged(code, text) {
            out.push((Some(ch), ch.status("Last_IO_Error").map(|v| v.at).unwrap_or(errno.at)));
        }
    }
    if out.is_empty() {
        for e in &r.facts.log_events {
            let code = e.code.as_deref().and_then(|c| c.strip_prefix("MY-")).and_then(errors::parse_errno);
            let code = code.unwrap_or(1236);
            if (code == 13114 || code == 1236) && errors::says_purged(code, &e.message) {
                let ch = channel_in(&e.message).and_then(|n| r.channels.iter().find(|c| c.name == n));
                out.push((ch, e.at));
            }
        }
        for e in &r.facts.client_errors {
            if errors::says_purged(e.code, &e.message) {
                out.push((None, e.at));
            }
        }
    }
    out
}

/// The channel an error-log line names: `… for channel 'x': …` (`''` is the default channel).
fn channel_in(message: &str) -> Option<&str> {
    let i = message.find("for channel '")? + "for channel '".len();
    let rest = message.get(i..)?;
    rest.find('\'').and_then(|j| rest.get(..j))
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    hits(r)
        .into_iter()
        .map(|(c, at)| Item::new(ReplicaSourcePurged::ID, State::Bad, c.map(|c| c.name), Some(at)))
        .for_each(out);
}

/// The clone statements, with the donor from the status row when known.
fn clone_text(cx: &Ctx<'_>, r: &Replica<'_>, ch: Option<&ChannelView<'_>>) -> String {
    let host = ch.and_then(|c| c.status("Source_Host")).map(|v| v.value.trim_ws().to_owned());
    let port = ch.and_then(|c| c.status("Source_Port")).map(|v| v.value.trim_ws().to_owned());
    let host = host.filter(|h| !h.is_empty()).unwrap_or_else(|| "source.example".to_owned());
    let port = port.filter(|p| !p.is_empty()).unwrap_or_else(|| "3306".to_owned());
    let name = ch.map(|c| c.name).unwrap_or("");
    let v = r.version;
    let mut s = String::new();
    s.push_str(&format!("-- {}\n", cx.t(k::REPLICA_SOURCE_PURGED_STEP_PLUGIN)));
    s.push_str("INSTALL PLUGIN clone SONAME 'mysql_clone.so';\n");
    s.push_str(&format!("SET GLOBAL clone_valid_donor_list = '{host}:{port}';\n"));
    s.push_str(&format!("-- {}\n", cx.t(k::REPLICA_SOURCE_PURGED_STEP_CLONE)));
    s.push_str(&format!("CLONE INSTANCE FROM 'clone_user'@'{host}':{port} IDENTIFIED BY '<password>';\n"));
    s.push_str(&format!("-- {}\n", cx.t(k::REPLICA_SOURCE_PURGED_STEP_AFTER)));
    s.push_str(&super::sql::start(v, name, super::sql::Threads::Both));
    s.push('\n');
    s
}

impl ReplicaSourcePurged {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let found = hits(r);
        if found.is_empty() {
            return Outcome::passed(cx.t(if super::is_mariadb(cx) {
                k::REPLICA_SOURCE_PURGED_PASSED_CONNECTIONS
            } else {
                k::REPLICA_SOURCE_PURGED_PASSED
            }));
        }
        for (ch, at) in found {
            let label = match ch {
                Some(c) => super::channel_label(cx, c.name),
                None => cx.t(k::REPLICA_CHANNEL_UNKNOWN),
            };
            let args = [("channel", label.as_str())];
            // Past the report's per-rule bound, counted instead of built (issue 18).
            if !cx.room(ReplicaSourcePurged::ID, out) {
                continue;
            }
            let mut f = super::finding(
                cx,
                ReplicaSourcePurged::ID,
                Severity::Error,
                k::REPLICA_SOURCE_PURGED_MESSAGE,
                &args,
                ch.map(|c| c.name),
            );
            f.evidence.push(cx.evidence(at, cx.t(k::REPLICA_EV_ERROR_TEXT)));
            if r.at_least(8, 0, 17) {
                f.fixes.push(
                    Fix::display_only(
                        FixTarget::Sql,
                        cx.t(k::REPLICA_SOURCE_PURGED_FIX_CLONE),
                        clone_text(cx, r, ch),
                    )
                    .because(cx.t(k::REPLICA_SOURCE_PURGED_FIX_CLONE_REASON)),
                );
            } else {
                f.fixes.push(
                    Fix::display_only(
                        FixTarget::Shell,
                        cx.t(k::REPLICA_SOURCE_PURGED_FIX_BACKUP),
                        format!("# {}\n", cx.t(k::REPLICA_SOURCE_PURGED_FIX_BACKUP_TEXT)),
                    )
                    .because(cx.t(k::REPLICA_SOURCE_PURGED_FIX_CLONE_REASON)),
                );
            }
            f.references.push(super::doc(
                cx,
                r,
                k::REPLICA_SOURCE_PURGED_REF,
                "clone-plugin-replication.html",
            ));
            out.push(f);
        }
        Outcome::fired()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn channel_names_in_log_lines() {
        let m = "Replica I/O for channel 'east': Got fatal error 1236 from source";
        assert_eq!(super::channel_in(m), Some("east"));
        assert_eq!(super::channel_in("Slave I/O for channel '': Got fatal error"), Some(""));
        assert_eq!(super::channel_in("no channel here"), None);
        assert_eq!(super::channel_in("for channel 'unterminated"), None);
    }
}
