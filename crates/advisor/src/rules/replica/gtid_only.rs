//! `replica-gtid-only`: 8.0.27+, GTIDs and auto-positioning on, but the channel still persists
//! file positions (`GTID_ONLY = 0`).

use super::model::{ChannelView, Replica};
use super::sql::{self, ChangeOpt, Threads};
use super::{Ctx, Item, Missing, Outcome, State};
use crate::facts::Loc;
use crate::i18n::k;
use crate::report::Fix;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// A channel without `GTID_ONLY = 1` on a release that has it.
    ReplicaGtidOnly { id: "replica-gtid-only", family: Replica, docs: "gtid_only" }
}

/// True when the server has `GTID_ONLY` (8.0.27+, or the column is shown).
fn supported(r: &Replica<'_>, ch: Option<&ChannelView<'_>>) -> bool {
    ch.is_some_and(ChannelView::shows_gtid_only_column) || r.at_least(8, 0, 27)
}

/// Per channel. Applies only with GTIDs and auto-positioning on (the other rules cover the rest).
fn judge(r: &Replica<'_>, ch: Option<&ChannelView<'_>>) -> (State, Option<Loc>) {
    if !supported(r, ch) {
        return (State::NotApplicable, None);
    }
    // When something else is unknown too, ask for the channel configuration first when it is
    // missing (gtid_mode and Auto_Position are asked for by their own rules).
    let shown = ch.and_then(ChannelView::gtid_only);
    let missing = |m| if shown.is_none() { Missing::ChannelConfig } else { m };
    match r.gtid_on() {
        Some(false) => return (State::NotApplicable, None),
        None => return (State::Unknown(missing(Missing::Settings)), None),
        Some(true) => {}
    }
    match ch.and_then(ChannelView::auto_position) {
        Some(a) if !a.value => return (State::NotApplicable, None),
        None => return (State::Unknown(missing(Missing::Status)), None),
        Some(_) => {}
    }
    match ch.and_then(ChannelView::gtid_only) {
        Some(v) if v.value => (State::Good, Some(v.at)),
        Some(v) => (State::Bad, Some(v.at)),
        None => (State::Unknown(Missing::ChannelConfig), None),
    }
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    super::channel_items(r, ReplicaGtidOnly::ID, |c| judge(r, c), out);
}

impl ReplicaGtidOnly {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let mut unknown = None;
        let mut fired = false;
        let mut any_applicable = false;
        for slot in r.channel_slots() {
            let (state, at) = judge(r, slot);
            match state {
                State::NotApplicable => {}
                State::Good => any_applicable = true,
                State::Unknown(m) => {
                    any_applicable = true;
                    unknown = Some(m);
                }
                State::Bad => {
                    any_applicable = true;
                    let Some(ch) = slot else { continue };
                    let label = super::channel_label(cx, ch.name);
                    let rrf = ch.require_row_format();
                    let rrf_on = rrf.as_ref().is_some_and(|v| v.value);
                    let key =
                        if rrf_on { k::REPLICA_GTID_ONLY_MESSAGE } else { k::REPLICA_GTID_ONLY_MESSAGE_RRF };
                    let args = [("channel", label.as_str())];
                    // Past the report's per-rule bound, counted instead of built (issue 18).
                    if !cx.room(ReplicaGtidOnly::ID, out) {
                        continue;
                    }
                    let mut f =
                        super::finding(cx, ReplicaGtidOnly::ID, Severity::Warning, key, &args, Some(ch.name));
                    if let Some(at) = at {
                        f.evidence.push(cx.evidence(at, cx.fmt(k::REPLICA_EV_GTID_ONLY, &args)));
                    }
                    if let Some(v) = rrf.filter(|v| !v.value) {
                        f.evidence.push(cx.evidence(v.at, cx.fmt(k::REPLICA_EV_REQUIRE_ROW_FORMAT, &args)));
                    }
                    let v = r.version;
                    let mut opts = Vec::new();
                    if !rrf_on {
                        opts.push((ChangeOpt::RequireRowFormat, "1"));
                    }
                    opts.push((ChangeOpt::GtidOnly, "1"));
                    let text = format!(
                        "{}\n{}\n{}\n",
                        sql::stop(v, ch.name, Threads::Both),
                        sql::change(v, ch.name, &opts),
                        sql::start(v, ch.name, Threads::Both)
                    );
                    f.fixes.push(
                        Fix::needs_review(FixTarget::Sql, cx.fmt(k::REPLICA_GTID_ONLY_FIX, &args), text)
                            .because(cx.t(if rrf_on {
                                k::REPLICA_GTID_ONLY_FIX_REASON
                            } else {
                                k::REPLICA_GTID_ONLY_FIX_REASON_RRF
                            })),
                    );
                    f.references.push(super::doc_halt(cx, r));
                    f.references.push(super::doc(
                        cx,
                        r,
                        k::REPLICA_REF_CHANGE_SOURCE,
                        "change-replication-source-to.html",
                    ));
                    out.push(f);
                    fired = true;
                }
            }
        }
        if fired {
            Outcome::fired()
        } else if let Some(m) = unknown {
            super::unknown(cx, r, m)
        } else if !any_applicable {
            Outcome::not_applicable(cx.t(k::REPLICA_GTID_ONLY_NA))
        } else {
            Outcome::passed(cx.t(k::REPLICA_GTID_ONLY_PASSED))
        }
    }
}
