//! `replica-sync-relay-log`: `sync_relay_log` ≠ 1.

use super::model::{Replica, Val};
use super::{Ctx, GlobalSpec, Item, Outcome};
use crate::i18n::k;
use crate::report::{Finding, Severity};

declare_rule! {
    /// `sync_relay_log` is not 1: a halt can lose relay-log events the receiver already acknowledged.
    ReplicaSyncRelayLog { id: "replica-sync-relay-log", family: Replica, docs: "sync_relay_log" }
}

const SPEC: GlobalSpec = GlobalSpec {
    rule: ReplicaSyncRelayLog::ID,
    var: "sync_relay_log",
    good_value: "1",
    severity: Severity::Warning,
    good: is_good,
    fix_reason: k::REPLICA_SYNC_RELAY_LOG_FIX_REASON,
    ref_title: k::REPLICA_SYNC_RELAY_LOG_REF,
    ref_page: "replication-options-replica.html#sysvar_sync_relay_log",
};

/// `sync_relay_log = 1` syncs the relay log after every event; 0 leaves it to the OS, N syncs
/// after every N events.
fn is_good(v: &Val) -> Option<bool> {
    v.as_u64().map(|n| n == 1)
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    let (state, v, _) = super::global_state(r, &SPEC);
    out(Item::new(ReplicaSyncRelayLog::ID, state, None, v.setting().and_then(|s| s.at)));
}

impl ReplicaSyncRelayLog {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        match r.workers() {
            Some(w) if w > 1 => {
                let workers = w.to_string();
                super::global_check(
                    cx,
                    r,
                    out,
                    &SPEC,
                    k::REPLICA_SYNC_RELAY_LOG_MESSAGE_MTA,
                    &[("workers", &workers)],
                )
            }
            _ => super::global_check(cx, r, out, &SPEC, k::REPLICA_SYNC_RELAY_LOG_MESSAGE, &[]),
        }
    }
}
