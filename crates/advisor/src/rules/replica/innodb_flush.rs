//! `replica-innodb-flush`: `innodb_flush_log_at_trx_commit` ≠ 1.

use super::model::{Replica, Val};
use super::{Ctx, GlobalSpec, Item, Outcome};
use crate::i18n::k;
use crate::report::{Finding, Severity};

declare_rule! {
    /// `innodb_flush_log_at_trx_commit` is not 1: committed transactions (and the replica's applied
    /// position stored with them) may be lost in a crash.
    ReplicaInnodbFlush { id: "replica-innodb-flush", family: Replica, docs: "innodb_flush" }
}

const SPEC: GlobalSpec = GlobalSpec {
    rule: ReplicaInnodbFlush::ID,
    var: "innodb_flush_log_at_trx_commit",
    good_value: "1",
    severity: Severity::Warning,
    good: is_good,
    fix_reason: k::REPLICA_INNODB_FLUSH_FIX_REASON,
    ref_title: k::REPLICA_INNODB_FLUSH_REF,
    ref_page: "innodb-parameters.html#sysvar_innodb_flush_log_at_trx_commit",
};

fn is_good(v: &Val) -> Option<bool> {
    v.as_u64().map(|n| n == 1)
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    let (state, v, _) = super::global_state(r, &SPEC);
    out(Item::new(ReplicaInnodbFlush::ID, state, None, v.setting().and_then(|s| s.at)));
}

impl ReplicaInnodbFlush {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::server(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let key = if r.conditional {
            k::REPLICA_INNODB_FLUSH_MESSAGE_SERVER
        } else {
            k::REPLICA_INNODB_FLUSH_MESSAGE
        };
        super::global_check(cx, r, out, &SPEC, key, &[])
    }
}
