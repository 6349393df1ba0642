//! `replica-mariadb-position-file`: a MariaDB replication connection that keeps its position as
//! the source's file and position (`Using_Gtid: No`) instead of a GTID in `mysql.gtid_slave_pos`.

use super::model::{ChannelView, Replica, UseGtid};
use super::sql::{self, Threads};
use super::{Ctx, Item, Missing, Outcome, State};
use crate::facts::Loc;
use crate::i18n::k;
use crate::report::{Finding, Fix, FixTarget, Severity};

declare_rule! {
    /// A MariaDB connection with `Using_Gtid: No`: its position lives in `relay-log.info`, written
    /// apart from the transactions it applies.
    ReplicaMariadbPositionFile { id: "replica-mariadb-position-file", family: Replica, docs: "mariadb_position" }
}

/// MariaDB's Global Transaction ID page: `MASTER_USE_GTID`, `gtid_slave_pos`, crash safety.
pub(super) const GTID_PAGE: &str = "https://mariadb.com/kb/en/gtid/";

/// Per connection: `Slave_Pos` / `Current_Pos` (good), `No` (bad) or not shown.
fn judge(ch: Option<&ChannelView<'_>>) -> (State, Option<Loc>) {
    match ch.and_then(ChannelView::use_gtid) {
        Some(v) if v.value == UseGtid::No => (State::Bad, Some(v.at)),
        Some(v) => (State::Good, Some(v.at)),
        None => (State::Unknown(Missing::Status), None),
    }
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    if !r.mariadb {
        return;
    }
    super::channel_items(r, ReplicaMariadbPositionFile::ID, judge, out);
}

/// `STOP SLAVE ['x']; CHANGE MASTER ['x'] TO MASTER_USE_GTID = slave_pos; START SLAVE ['x'];`
pub(super) fn use_gtid_steps(r: &Replica<'_>, name: &str) -> String {
    format!(
        "{}\n{}\n{}\n",
        sql::stop(r.version, name, Threads::Both),
        sql::change_use_gtid(name),
        sql::start(r.version, name, Threads::Both)
    )
}

impl ReplicaMariadbPositionFile {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mariadb_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let mut unknown = None;
        let mut fired = false;
        for slot in r.channel_slots() {
            let (state, at) = judge(slot);
            match state {
                State::Unknown(m) => unknown = Some(m),
                State::Bad => {
                    let Some(ch) = slot else { continue };
                    if !cx.room(ReplicaMariadbPositionFile::ID, out) {
                        continue;
                    }
                    let label = super::channel_label(cx, ch.name);
                    let args = [("channel", label.as_str())];
                    let mut f = super::finding(
                        cx,
                        ReplicaMariadbPositionFile::ID,
                        Severity::Error,
                        k::REPLICA_MARIADB_POSITION_FILE_MESSAGE,
                        &args,
                        Some(ch.name),
                    );
                    if let Some(at) = at {
                        f.evidence.push(cx.evidence(at, cx.fmt(k::REPLICA_EV_USING_GTID, &args)));
                    }
                    f.fixes.push(
                        Fix::needs_review(
                            FixTarget::Sql,
                            cx.fmt(k::REPLICA_MARIADB_POSITION_FILE_FIX, &args),
                            use_gtid_steps(r, ch.name),
                        )
                        .because(cx.t(k::REPLICA_MARIADB_POSITION_FILE_FIX_REASON)),
                    );
                    f.references.push(cx.reference(k::REPLICA_MARIADB_REF_GTID, GTID_PAGE));
                    f.references.push(cx.reference(
                        k::REPLICA_MARIADB_REF_CHANGE_MASTER,
                        "https://mariadb.com/kb/en/change-master-to/",
                    ));
                    out.push(f);
                    fired = true;
                }
                _ => {}
            }
        }
        super::per_channel_outcome(cx, r, fired, unknown, k::REPLICA_MARIADB_POSITION_FILE_PASSED)
    }
}
