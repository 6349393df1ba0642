//! `replica-innodb-flush`: `innodb_flush_log_at_trx_commit` ≠ 1.

use super::model::{Replica, Val};
use super::{Ctx, GlobalSpec, Item, Outcome, Rule};
use crate::i18n::Lang;
use crate::report::{Finding, Severity};

const ID: &str = "replica-innodb-flush";

/// `innodb_flush_log_at_trx_commit` is not 1: committed transactions (and the replica's applied
/// position stored with them) may be lost in a crash.
pub(crate) struct ReplicaInnodbFlush;

const SPEC: GlobalSpec = GlobalSpec {
    rule: ID,
    var: "innodb_flush_log_at_trx_commit",
    good_value: "1",
    severity: Severity::Warning,
    good: is_good,
    ref_page: "innodb-parameters.html#sysvar_innodb_flush_log_at_trx_commit",
};

fn is_good(v: &Val) -> Option<bool> {
    v.as_u64().map(|n| n == 1)
}

pub(super) fn items(r: &Replica<'_>) -> Vec<Item> {
    let (state, v, _) = super::global_state(r, &SPEC);
    vec![Item::new(ID, state, None, v.setting().and_then(|s| s.at))]
}

impl Rule for ReplicaInnodbFlush {
    fn id(&self) -> &'static str {
        ID
    }
    fn family(&self) -> super::super::Family {
        super::super::Family::Replica
    }
    fn docs(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => include_str!("innodb_flush.en.md"),
            Lang::ZhCn => include_str!("innodb_flush.zh-CN.md"),
        }
    }
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        super::global_check(cx, &r, out, &SPEC, "replica-innodb-flush.message", &[])
    }
}
