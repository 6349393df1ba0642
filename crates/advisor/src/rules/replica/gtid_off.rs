//! `replica-gtid-off`: `gtid_mode` is not `ON`.

use super::model::{Replica, Val};
use super::sql;
use super::{Ctx, Item, Missing, Outcome, State};
use crate::i18n::k;
use crate::report::Fix;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// `gtid_mode` is not `ON`: after a halt the replica must find its place by file positions.
    ReplicaGtidOff { id: "replica-gtid-off", family: Replica, docs: "gtid_off" }
}

/// The judgement: the value of `gtid_mode` and whether it is `ON`.
pub(super) fn judge(r: &Replica<'_>) -> (State, Val) {
    let v = r.val("gtid_mode");
    let state = match v.upper() {
        Some(m) if m == "ON" => {
            if reverts(r).is_some() {
                State::Bad
            } else {
                State::Good
            }
        }
        Some(_) => State::Bad,
        None => State::Unknown(Missing::Settings),
    };
    (state, v)
}

fn is_on(v: &Val) -> Option<bool> {
    v.upper().map(|m| m == "ON")
}

/// ON now, but the startup configuration says otherwise: after a restart the channels with
/// auto-positioning cannot start (`MY-010530`).
fn reverts(r: &Replica<'_>) -> Option<crate::facts::Setting> {
    super::reverts(r, "gtid_mode", is_on)
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    let (state, v) = judge(r);
    out(Item::new(ReplicaGtidOff::ID, state, None, v.setting().and_then(|s| s.at)));
}

/// The online steps from the current mode to `ON` (`OFF` → `OFF_PERMISSIVE` → `ON_PERMISSIVE` →
/// `ON`, with `enforce_gtid_consistency` first), then auto-positioning per channel.
pub(super) fn online_steps(cx: &Ctx<'_>, r: &Replica<'_>, current: &str) -> String {
    let v = r.version;
    let mut s = String::new();
    s.push_str(&format!("-- {}\n", cx.t(k::REPLICA_GTID_OFF_STEP_EVERY_SERVER)));
    let enforce_on = r.val("enforce_gtid_consistency").upper().is_some_and(|e| e == "ON");
    if !enforce_on {
        s.push_str(&sql::set_persist(v, "enforce_gtid_consistency", "WARN"));
        s.push_str(&format!("\n-- {}\n", cx.t(k::REPLICA_GTID_OFF_STEP_WARN)));
        s.push_str(&sql::set_persist(v, "enforce_gtid_consistency", "ON"));
        s.push('\n');
    }
    let order = ["OFF", "OFF_PERMISSIVE", "ON_PERMISSIVE", "ON"];
    let from = order.iter().position(|m| *m == current).unwrap_or(0);
    for (k, mode) in order.iter().enumerate().skip(from + 1) {
        if *mode == "ON" {
            s.push_str(&format!("-- {}\n", cx.t(k::REPLICA_GTID_OFF_STEP_WAIT)));
            s.push_str("SHOW GLOBAL STATUS LIKE 'Ongoing_anonymous_transaction_count';\n");
        } else if k > 1 {
            s.push_str(&format!("-- {}\n", cx.t(k::REPLICA_GTID_OFF_STEP_ALL_SERVERS)));
        }
        s.push_str(&sql::set_persist(v, "gtid_mode", mode));
        s.push('\n');
    }
    for slot in r.channel_slots() {
        if slot.and_then(|c| c.auto_position()).is_some_and(|a| a.value) {
            continue;
        }
        s.push_str(&super::channel_recipe_steps(r, slot));
    }
    s
}

impl ReplicaGtidOff {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let (state, v) = judge(r);
        match state {
            State::Good => {
                return Outcome::passed(cx.fmt(
                    k::REPLICA_PASSED_SETTING,
                    &[("name", "gtid_mode"), ("how", &super::describe(cx, r, &v))],
                ));
            }
            State::Unknown(m) => return super::unknown(cx, r, m),
            State::NotApplicable => return Outcome::not_applicable(String::new()),
            State::Bad => {}
        }
        if let Some(next) = reverts(r) {
            let origin = super::origin_label(cx, next.origin);
            let args = [("value", next.value.as_str()), ("origin", origin.as_str())];
            let mut f = super::finding(
                cx,
                ReplicaGtidOff::ID,
                Severity::Error,
                k::REPLICA_GTID_OFF_MESSAGE_REVERTS,
                &args,
                None,
            );
            f.evidence = super::reverts_evidence(cx, &next, &v);
            let text = if sql::has_persist(r.version) {
                (FixTarget::Sql, format!("{}\n", sql::set_persist(r.version, "gtid_mode", "ON")))
            } else {
                (
                    FixTarget::MyCnf,
                    sql::cnf_block(r.version, &[("enforce_gtid_consistency", "ON"), ("gtid_mode", "ON")]),
                )
            };
            f.fixes.push(
                Fix::needs_review(text.0, cx.t(k::REPLICA_GTID_OFF_FIX_KEEP), text.1)
                    .because(cx.t(k::REPLICA_GTID_OFF_FIX_KEEP_REASON)),
            );
            f.references.push(super::doc_halt(cx, r));
            out.push(f);
            return Outcome::fired();
        }
        let current = v.upper().unwrap_or_else(|| "OFF".to_owned());
        let how = super::describe(cx, r, &v);
        let version = super::version_label(cx, r);
        let args = [("value", current.as_str()), ("how", how.as_str()), ("version", version.as_str())];
        // Before 5.7.6 there is no online path: the message says how GTIDs are turned on there.
        let key = if r.at_least(5, 7, 6) {
            k::REPLICA_GTID_OFF_MESSAGE
        } else {
            k::REPLICA_GTID_OFF_MESSAGE_RESTART
        };
        let mut f = super::finding(cx, ReplicaGtidOff::ID, Severity::Warning, key, &args, None);
        f.evidence = super::val_evidence(cx, &v);
        // The online path (OFF_PERMISSIVE, ON_PERMISSIVE, enforce_gtid_consistency = WARN) exists
        // from 5.7.6; on 5.6 gtid_mode is read-only and only a restart turns GTIDs on.
        if r.at_least(5, 7, 6) {
            f.fixes.push(
                Fix::needs_review(
                    FixTarget::Sql,
                    cx.t(k::REPLICA_GTID_OFF_FIX_ONLINE),
                    online_steps(cx, r, &current),
                )
                .because(cx.t(k::REPLICA_GTID_OFF_FIX_ONLINE_REASON)),
            );
        }
        // Before 5.7.5, gtid_mode = ON also needs the binary log and log_slave_updates.
        let mut lines = vec![("enforce_gtid_consistency", "ON"), ("gtid_mode", "ON")];
        if !r.at_least(5, 7, 5) {
            if r.binlog_on() != Some(true) {
                lines.push(("log_bin", "mysql-bin"));
            }
            if r.val("log_replica_updates").as_bool() != Some(true) {
                lines.push(("log_replica_updates", "ON"));
            }
        }
        f.fixes.push(
            Fix::needs_review(
                FixTarget::MyCnf,
                cx.t(k::REPLICA_GTID_OFF_FIX_CNF),
                sql::cnf_block(r.version, &lines),
            )
            .because(cx.t(k::REPLICA_GTID_OFF_FIX_CNF_REASON)),
        );
        f.references.push(super::doc_halt(cx, r));
        f.references.push(super::doc(
            cx,
            r,
            k::REPLICA_GTID_OFF_REF,
            "replication-mode-change-online-enable-gtids.html",
        ));
        out.push(f);
        Outcome::fired()
    }
}
