//! `replica-auto-position`: per channel, GTIDs are on but the channel still replicates by file
//! position.

use super::model::{ChannelView, Replica};
use super::{Ctx, Item, Missing, Outcome, State};
use crate::facts::Loc;
use crate::i18n::k;
use crate::report::Fix;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// A channel with `Auto_Position = 0`: after a halt it resumes from stored file positions.
    ReplicaAutoPosition { id: "replica-auto-position", family: Replica, docs: "auto_position" }
}

/// Per channel: `Auto_Position` is 1 (good), 0 (bad) or not shown.
fn judge(ch: Option<&ChannelView<'_>>) -> (State, Option<Loc>) {
    match ch.and_then(ChannelView::auto_position) {
        Some(v) if v.value => (State::Good, Some(v.at)),
        Some(v) => (State::Bad, Some(v.at)),
        None => (State::Unknown(Missing::Status), None),
    }
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    // With GTIDs off, the gtid-off item already counts (and its fix auto-positions the channels).
    if r.gtid_on() == Some(false) {
        return;
    }
    super::channel_items(r, ReplicaAutoPosition::ID, judge, out);
}

impl ReplicaAutoPosition {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        // With GTIDs off, `replica-gtid-off` reports (and its fix includes auto-positioning).
        if r.gtid_on() == Some(false) {
            return Outcome::not_applicable(cx.t(k::REPLICA_AUTO_POSITION_NA_GTID_OFF));
        }
        let mut unknown = None;
        let mut fired = false;
        for slot in r.channel_slots() {
            let (state, at) = judge(slot);
            match state {
                State::Unknown(m) => unknown = Some(m),
                State::Bad => {
                    let Some(ch) = slot else { continue };
                    let label = super::channel_label(cx, ch.name);
                    let args = [("channel", label.as_str())];
                    // Past the report's per-rule bound, counted instead of built (issue 18).
                    if !cx.room(ReplicaAutoPosition::ID, out) {
                        continue;
                    }
                    let mut f = super::finding(
                        cx,
                        ReplicaAutoPosition::ID,
                        Severity::Warning,
                        k::REPLICA_AUTO_POSITION_MESSAGE,
                        &args,
                        Some(ch.name),
                    );
                    if let Some(at) = at {
                        f.evidence.push(cx.evidence(at, cx.fmt(k::REPLICA_EV_AUTO_POSITION, &args)));
                    }
                    f.evidence.extend(super::val_evidence(cx, &r.val("gtid_mode")));
                    let v = r.version;
                    let text = super::channel_recipe_steps(r, Some(ch));
                    let reason = if super::recipe_adds_gtid_only(r, Some(ch)) {
                        k::REPLICA_AUTO_POSITION_FIX_REASON_GTID_ONLY
                    } else {
                        k::REPLICA_AUTO_POSITION_FIX_REASON
                    };
                    f.fixes.push(
                        Fix::needs_review(FixTarget::Sql, cx.fmt(k::REPLICA_AUTO_POSITION_FIX, &args), text)
                            .because(cx.t(reason)),
                    );
                    f.references.push(super::doc_halt(cx, r));
                    f.references.push(super::doc(
                        cx,
                        r,
                        k::REPLICA_REF_CHANGE_SOURCE,
                        if v.at_least(8, 0, 23) {
                            "change-replication-source-to.html"
                        } else {
                            "change-master-to.html"
                        },
                    ));
                    out.push(f);
                    fired = true;
                }
                _ => {}
            }
        }
        super::per_channel_outcome(cx, r, fired, unknown, k::REPLICA_AUTO_POSITION_PASSED)
    }
}
