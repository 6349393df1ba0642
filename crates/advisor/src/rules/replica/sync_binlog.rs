//! `replica-sync-binlog`: a replica that writes a binary log with `sync_binlog` ≠ 1.

use super::model::{Replica, Val};
use super::{Ctx, GlobalSpec, Item, Missing, Outcome, State};
use crate::i18n::k;
use crate::report::{Finding, Severity};

declare_rule! {
    /// The replica logs what it applies (`log_bin` + `log_replica_updates`) but does not sync the
    /// binary log at each commit.
    ReplicaSyncBinlog { id: "replica-sync-binlog", family: Replica, docs: "sync_binlog" }
}

const SPEC: GlobalSpec = GlobalSpec {
    rule: ReplicaSyncBinlog::ID,
    var: "sync_binlog",
    good_value: "1",
    severity: Severity::Warning,
    good: is_good,
    fix_reason: k::REPLICA_SYNC_BINLOG_FIX_REASON,
    ref_title: k::REPLICA_SYNC_BINLOG_REF,
    ref_page: "replication-options-binary-log.html#sysvar_sync_binlog",
};

fn is_good(v: &Val) -> Option<bool> {
    v.as_u64().map(|n| n == 1)
}

/// Good when `sync_binlog = 1` or the replica writes no binary log.
fn judge(r: &Replica<'_>) -> (State, Val) {
    let (state, v, _) = super::global_state(r, &SPEC);
    if state != State::Bad {
        return (state, v);
    }
    // Nothing shows a replica: the server's own transactions go to its binary log when log_bin
    // is on, whatever log_replica_updates says.
    let writes = if r.conditional { r.binlog_on() } else { r.writes_binlog() };
    match writes {
        Some(true) => (State::Bad, v),
        Some(false) => (State::NotApplicable, v),
        None => (State::Unknown(Missing::Settings), v),
    }
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    let (state, v) = judge(r);
    out(Item::new(ReplicaSyncBinlog::ID, state, None, v.setting().and_then(|s| s.at)));
}

fn raw_name(s: &crate::facts::Setting) -> &str {
    s.assignment.as_ref().map(|a| &*a.raw_name).unwrap_or(&s.name)
}

impl ReplicaSyncBinlog {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::server(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        match judge(r).0 {
            State::NotApplicable => Outcome::not_applicable(cx.t(if r.conditional {
                k::REPLICA_SYNC_BINLOG_NA_NO_BINLOG_SERVER
            } else {
                k::REPLICA_SYNC_BINLOG_NA_NO_BINLOG
            })),
            State::Unknown(m) => super::unknown(cx, r, m),
            _ => {
                let before = out.len();
                let updates = super::sql::var(r.version, "log_replica_updates");
                let key = if r.conditional {
                    k::REPLICA_SYNC_BINLOG_MESSAGE_SERVER
                } else {
                    k::REPLICA_SYNC_BINLOG_MESSAGE
                };
                let o = super::global_check(cx, r, out, &SPEC, key, &[("updates", &updates)]);
                if r.conditional
                    && let Some(f) = out.get_mut(before)
                {
                    let value = r.val("sync_binlog").value().unwrap_or_default().to_owned();
                    f.title = cx.fmt(k::REPLICA_SYNC_BINLOG_TITLE_SERVER, &[("value", &value)]);
                    // Nothing shows a replica: the reason speaks of this server, not of a replica.
                    for fix in &mut f.fixes {
                        if fix.reason.as_deref() == Some(&*cx.t(k::REPLICA_SYNC_BINLOG_FIX_REASON)) {
                            fix.reason = Some(cx.t(k::REPLICA_SYNC_BINLOG_FIX_REASON_SERVER));
                        }
                    }
                }
                // Point at log_bin / log_replica_updates too.
                if let Some(f) = out.get_mut(before) {
                    for name in ["log_bin", "log_replica_updates"] {
                        if let Some(s) = r.val(name).setting()
                            && let Some(at) = s.at
                        {
                            f.evidence.push(cx.evidence(
                                at,
                                cx.fmt(k::REPLICA_EV_SET_HERE, &[("name", raw_name(s)), ("value", &s.value)]),
                            ));
                        }
                    }
                }
                o
            }
        }
    }
}
