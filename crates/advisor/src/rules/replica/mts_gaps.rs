//! `replica-mts-gaps`: a multi-threaded applier, file-position replication and commit order not
//! preserved — after a halt the applied transactions can have gaps.

use super::model::{ChannelView, Replica};
use super::sql::{self, Threads};
use super::{Ctx, Item, Missing, Outcome, State};
use crate::i18n::k;
use crate::report::Fix;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// Gaps after a halt of a multi-threaded replica without GTID auto-positioning.
    ReplicaMtsGaps { id: "replica-mts-gaps", family: Replica, docs: "mts_gaps" }
}

/// Per channel: `Some(workers)` when gaps are possible.
fn judge(r: &Replica<'_>, ch: Option<&ChannelView<'_>>) -> Result<Option<u64>, Missing> {
    let workers = r.workers().ok_or(Missing::Settings)?;
    if workers <= 1 {
        return Ok(None);
    }
    if r.commit_order_preserved().ok_or(Missing::Settings)? {
        return Ok(None);
    }
    let file_position = match r.gtid_on() {
        Some(false) => true,
        _ => match ch.and_then(ChannelView::auto_position) {
            Some(a) => !a.value,
            None => return Err(Missing::Status),
        },
    };
    Ok(file_position.then_some(workers))
}

/// Gaps are filled at the next start when `relay_log_recovery` is ON there.
fn recovery_on(r: &Replica<'_>) -> bool {
    r.next_start("relay_log_recovery").as_bool() == Some(true)
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    r.channel_slots()
        .into_iter()
        .map(|c| {
            let state = match judge(r, c) {
                Err(m) => State::Unknown(m),
                Ok(None) => State::Good,
                Ok(Some(_)) if recovery_on(r) => State::Good,
                Ok(Some(_)) => State::Bad,
            };
            Item::new(ReplicaMtsGaps::ID, state, c.map(|c| c.name), c.and_then(ChannelView::anchor))
        })
        .for_each(out);
}

impl ReplicaMtsGaps {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let mut unknown = None;
        let mut fired = false;
        let v = r.version;
        for slot in r.channel_slots() {
            let workers = match judge(r, slot) {
                Err(m) => {
                    unknown = Some(m);
                    continue;
                }
                Ok(None) => continue,
                Ok(Some(w)) => w,
            };
            let name = slot.map(|c| c.name).unwrap_or("");
            let label = super::channel_label(cx, name);
            let workers_s = workers.to_string();
            let recovery = recovery_on(r);
            let key =
                if recovery { k::REPLICA_MTS_GAPS_MESSAGE_RECOVERY_ON } else { k::REPLICA_MTS_GAPS_MESSAGE };
            let until = sql::start_until_gaps(v, "");
            let until = until.trim_end_matches(';');
            let args = [("channel", label.as_str()), ("workers", workers_s.as_str()), ("until", until)];
            let severity = if recovery { Severity::Info } else { Severity::Warning };
            // Past the report's per-rule bound, counted instead of built (issue 18).
            if !cx.room(ReplicaMtsGaps::ID, out) {
                continue;
            }
            let mut f = super::finding(cx, ReplicaMtsGaps::ID, severity, key, &args, slot.map(|c| c.name));
            for var in ["replica_parallel_workers", "replica_preserve_commit_order", "replica_parallel_type"]
            {
                f.evidence.extend(super::val_evidence(cx, &r.val(var)));
            }
            if let Some(a) = slot.and_then(ChannelView::auto_position) {
                f.evidence
                    .push(cx.evidence(a.at, cx.fmt(k::REPLICA_EV_AUTO_POSITION, &[("channel", &label)])));
            }
            // Preserve commit order: all applier threads must be stopped to change it. It exists
            // from 5.7.5 (LOGICAL_CLOCK from 5.7.2); 5.6's applier cannot keep commit order.
            if v.at_least(5, 7, 5) {
                let mut text = format!("{}\n", sql::stop(v, "", Threads::Sql));
                if r.val("replica_parallel_type").upper().is_some_and(|t| t != "LOGICAL_CLOCK") {
                    text.push_str(&sql::set_persist(v, "replica_parallel_type", "'LOGICAL_CLOCK'"));
                    text.push('\n');
                }
                text.push_str(&sql::set_persist(v, "replica_preserve_commit_order", "ON"));
                text.push('\n');
                text.push_str(&sql::start(v, "", Threads::Sql));
                text.push('\n');
                f.fixes.push(
                    Fix::needs_review(FixTarget::Sql, cx.t(k::REPLICA_MTS_GAPS_FIX_ORDER), text).because(
                        cx.t(if v.at_least(8, 0, 19) {
                            k::REPLICA_MTS_GAPS_FIX_ORDER_REASON
                        } else {
                            k::REPLICA_MTS_GAPS_FIX_ORDER_REASON_OLD
                        }),
                    ),
                );
            }
            f.fixes.push(
                Fix::display_only(
                    FixTarget::Sql,
                    cx.t(k::REPLICA_MTS_GAPS_FIX_UNTIL),
                    format!("{}\n{}\n", sql::start_until_gaps(v, name), sql::start(v, name, Threads::Both)),
                )
                .because(cx.t(k::REPLICA_MTS_GAPS_FIX_UNTIL_REASON)),
            );
            f.references.push(super::doc_halt(cx, r));
            f.references.push(super::doc(
                cx,
                r,
                k::REPLICA_MTS_GAPS_REF,
                "replication-features-transaction-inconsistencies.html",
            ));
            out.push(f);
            fired = true;
        }
        super::per_channel_outcome(cx, r, fired, unknown, k::REPLICA_MTS_GAPS_PASSED)
    }
}
