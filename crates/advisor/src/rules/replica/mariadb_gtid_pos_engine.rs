//! `replica-mariadb-gtid-pos-engine`: MariaDB's GTID position table is not transactional
//! (MyISAM, Aria…), so the position is not committed with the transaction it records.

use super::model::{Replica, UseGtid};
use super::sql::{self, Threads};
use super::{Ctx, Item, Outcome, State};
use crate::facts::{Loc, Valued};
use crate::i18n::k;
use crate::report::{Finding, Fix, FixTarget, Severity};

declare_rule! {
    /// `mysql.gtid_slave_pos` (or a per-engine sibling) in a non-transactional engine: a crash
    /// can leave the recorded GTID position apart from what was applied.
    ReplicaMariadbGtidPosEngine { id: "replica-mariadb-gtid-pos-engine", family: Replica, docs: "mariadb_gtid_pos_engine" }
}

/// Engines whose tables take part in the applied transaction (InnoDB, and MyRocks / TokuDB,
/// which `gtid_pos_auto_engines` exists for).
fn transactional(engine: &str) -> bool {
    ["InnoDB", "RocksDB", "TokuDB"].iter().any(|e| engine.trim().eq_ignore_ascii_case(e))
}

/// True when some connection shown keeps its position by GTID (or none shows how).
fn uses_gtid(r: &Replica<'_>) -> bool {
    r.channels.is_empty() || r.channels.iter().any(|c| c.use_gtid().is_none_or(|u| u.value != UseGtid::No))
}

/// The tables shown with a non-transactional engine.
fn bad_tables<'r>(r: &'r Replica<'_>) -> Vec<&'r (String, Valued<String>)> {
    r.facts.gtid_pos_tables.iter().filter(|(_, e)| !transactional(&e.value)).collect()
}

/// Bad when a table is shown non-transactional; good when all shown are, or none is shown (the
/// packaged install's InnoDB, an assumption the verdict states); not applicable when every
/// connection replicates by file position (`replica-mariadb-position-file` reports that).
fn judge(r: &Replica<'_>) -> (State, Option<Loc>) {
    if !uses_gtid(r) {
        return (State::NotApplicable, None);
    }
    match bad_tables(r).first() {
        Some((_, e)) => (State::Bad, Some(e.at)),
        None => (State::Good, r.facts.gtid_pos_tables.first().map(|(_, e)| e.at)),
    }
}

/// True when the verdict rests on the assumed engine: GTID positions in use, no engine shown.
pub(super) fn engine_assumed(r: &Replica<'_>) -> bool {
    r.mariadb && r.facts.gtid_pos_tables.is_empty() && !r.channels.is_empty() && uses_gtid(r)
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    if !r.mariadb {
        return;
    }
    let (state, at) = judge(r);
    out(Item::new(ReplicaMariadbGtidPosEngine::ID, state, None, at));
}

impl ReplicaMariadbGtidPosEngine {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mariadb_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        match judge(r).0 {
            State::NotApplicable => {
                return Outcome::not_applicable(cx.t(k::REPLICA_MARIADB_GTID_POS_ENGINE_NA));
            }
            State::Good if r.facts.gtid_pos_tables.is_empty() => {
                return Outcome::passed(cx.fmt(
                    k::REPLICA_MARIADB_GTID_POS_ENGINE_PASSED_ASSUMED,
                    &[("query", &sql::gtid_pos_engine_query())],
                ));
            }
            State::Good => return Outcome::passed(cx.t(k::REPLICA_MARIADB_GTID_POS_ENGINE_PASSED)),
            _ => {}
        }
        let bad = bad_tables(r);
        let tables: Vec<String> = bad.iter().map(|(t, e)| format!("mysql.{t} ({})", e.value)).collect();
        let list = tables.join(", ");
        let args = [("tables", list.as_str())];
        let mut f = super::finding(
            cx,
            ReplicaMariadbGtidPosEngine::ID,
            Severity::Error,
            k::REPLICA_MARIADB_GTID_POS_ENGINE_MESSAGE,
            &args,
            None,
        );
        for (t, e) in &bad {
            f.evidence.push(cx.evidence(
                e.at,
                cx.fmt(k::REPLICA_EV_TABLE_ENGINE, &[("table", &format!("mysql.{t}")), ("engine", &e.value)]),
            ));
        }
        let mut text = format!("{}\nSET SESSION sql_log_bin = 0;\n", stop_all(r));
        for (t, _) in &bad {
            text.push_str(&format!("ALTER TABLE mysql.{t} ENGINE = InnoDB;\n"));
        }
        text.push_str("SET SESSION sql_log_bin = 1;\n");
        text.push_str(&start_all(r));
        text.push('\n');
        f.fixes.push(
            Fix::needs_review(FixTarget::Sql, cx.t(k::REPLICA_MARIADB_GTID_POS_ENGINE_FIX), text)
                .because(cx.t(k::REPLICA_MARIADB_GTID_POS_ENGINE_FIX_REASON)),
        );
        f.references.push(cx.reference(
            k::REPLICA_MARIADB_GTID_POS_ENGINE_REF,
            "https://mariadb.com/kb/en/mysqlgtid_slave_pos-table/",
        ));
        f.references.push(cx.reference(k::REPLICA_MARIADB_REF_GTID, super::mariadb_position::GTID_PAGE));
        out.push(f);
        Outcome::fired()
    }
}

/// `STOP ALL SLAVES;` — or, with one unnamed connection shown, `STOP SLAVE;`.
fn stop_all(r: &Replica<'_>) -> String {
    if r.channels.len() == 1 && r.channels[0].name.is_empty() {
        return sql::stop(r.version, "", Threads::Both);
    }
    "STOP ALL SLAVES;".to_owned()
}

fn start_all(r: &Replica<'_>) -> String {
    if r.channels.len() == 1 && r.channels[0].name.is_empty() {
        return sql::start(r.version, "", Threads::Both);
    }
    "START ALL SLAVES;".to_owned()
}
