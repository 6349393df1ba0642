//! `replica-relay-log-recovery`: `relay_log_recovery` will be OFF at the next start.

use super::model::{Replica, Val};
use super::sql;
use super::{Ctx, Item, Missing, Outcome, State};
use crate::i18n::k;
use crate::report::Fix;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// Without `relay_log_recovery`, a replica restarted after a halt trusts relay logs that may be
    /// incomplete or corrupt.
    ReplicaRelayLogRecovery { id: "replica-relay-log-recovery", family: Replica, docs: "relay_log_recovery" }
}

/// `relay_log_recovery` is read only at startup, so what counts is the value of the next start.
fn judge(r: &Replica<'_>) -> (State, Val) {
    let v = r.next_start("relay_log_recovery");
    let state = match v.as_bool() {
        Some(true) => State::Good,
        Some(false) => State::Bad,
        None => State::Unknown(Missing::Settings),
    };
    (state, v)
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    let (state, v) = judge(r);
    out(Item::new(ReplicaRelayLogRecovery::ID, state, None, v.setting().and_then(|s| s.at)));
}

impl ReplicaRelayLogRecovery {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let (state, v) = judge(r);
        let pending = r.pending_restart("relay_log_recovery");
        match state {
            State::Good => {
                return Outcome::passed(match &pending {
                    Some(now) => {
                        cx.fmt(k::REPLICA_RELAY_LOG_RECOVERY_PASSED_PENDING, &[("value", &now.value)])
                    }
                    None => cx.fmt(
                        k::REPLICA_PASSED_SETTING,
                        &[("name", "relay_log_recovery"), ("how", &super::describe(cx, r, &v))],
                    ),
                });
            }
            State::Unknown(m) => return super::unknown(cx, r, m),
            State::NotApplicable => return Outcome::not_applicable(String::new()),
            State::Bad => {}
        }
        let how = super::describe(cx, r, &v);
        let version = super::version_label(cx, r);
        let key = if pending.is_some() {
            k::REPLICA_RELAY_LOG_RECOVERY_MESSAGE_PENDING
        } else {
            k::REPLICA_RELAY_LOG_RECOVERY_MESSAGE
        };
        let args = [("how", how.as_str()), ("version", version.as_str())];
        let mut f = super::finding(cx, ReplicaRelayLogRecovery::ID, Severity::Error, key, &args, None);
        f.evidence = super::val_evidence(cx, &v);
        if let Some(now) = &pending
            && let Some(at) = now.at
        {
            f.evidence.push(cx.evidence(at, cx.fmt(k::REPLICA_EV_RUNTIME, &[("value", &now.value)])));
        }
        f.fixes.push(
            Fix::needs_review(
                FixTarget::MyCnf,
                cx.t(k::REPLICA_RELAY_LOG_RECOVERY_FIX),
                sql::cnf_block(r.version, &[("relay_log_recovery", "ON")]),
            )
            .because(cx.t(k::REPLICA_RELAY_LOG_RECOVERY_FIX_REASON)),
        );
        if sql::has_persist(r.version) {
            f.fixes.push(
                Fix::needs_review(
                    FixTarget::Sql,
                    cx.t(k::REPLICA_RELAY_LOG_RECOVERY_FIX_PERSIST_ONLY),
                    "SET PERSIST_ONLY relay_log_recovery = ON;\n".to_owned(),
                )
                .because(cx.t(k::REPLICA_RELAY_LOG_RECOVERY_FIX_REASON)),
            );
        }
        f.references.push(super::doc_halt(cx, r));
        f.references.push(super::doc(
            cx,
            r,
            k::REPLICA_RELAY_LOG_RECOVERY_REF,
            "replication-options-replica.html#sysvar_relay_log_recovery",
        ));
        out.push(f);
        Outcome::fired()
    }
}
