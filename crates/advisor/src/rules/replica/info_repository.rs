//! `replica-info-repository`: `relay_log_info_repository` / `master_info_repository` = `FILE`,
//! set at all on 8.0.23+ (deprecated), or set on a release that no longer has them (§8, §8.2).

use crate::i18n::k;
use crate::report::Fix;
use crate::text::TrimWs;

use super::model::{Replica, Val};
use super::sql;
use super::{Ctx, Item, Missing, Outcome, State};
use crate::facts::{Assignment, Origin};
use crate::report::{Finding, FixTarget, Severity};

const VARS: [&str; 2] = ["relay_log_info_repository", "master_info_repository"];

declare_rule! {
    /// The applier/connection metadata repositories are not crash-safe, deprecated, or gone.
    ReplicaInfoRepository { id: "replica-info-repository", family: Replica, docs: "info_repository" }
}

/// What is wrong with one variable.
#[derive(Clone, Debug)]
enum Judge {
    /// TABLE (or the variable does not exist and is not set).
    Good,
    /// FILE: positions are not updated atomically with the transactions.
    File(Box<Val>),
    /// Set in the startup configuration on 8.0.23–8.2 (deprecated; TABLE is the default).
    Deprecated(Vec<Assignment>),
    /// Set without `loose-` on a release without the variable: mysqld refuses to start.
    Removed(Vec<Assignment>),
    Unknown,
}

/// Assignments in the startup configuration (not runtime values).
fn startup(r: &Replica<'_>, var: &str) -> Vec<Assignment> {
    r.facts.settings.assignments(var).iter().filter(|a| a.origin != Origin::Runtime).cloned().collect()
}

fn is_loose(a: &Assignment) -> bool {
    let n = a.raw_name.trim_ws().to_ascii_lowercase();
    n.starts_with("loose-") || n.starts_with("loose_") || n.starts_with("--loose")
}

fn judge(r: &Replica<'_>, var: &str) -> Judge {
    if r.at_least(8, 3, 0) {
        let fatal: Vec<Assignment> = startup(r, var)
            .into_iter()
            .filter(|a| matches!(a.origin, Origin::OptionFile | Origin::CommandLine) && !is_loose(a))
            .collect();
        return if fatal.is_empty() { Judge::Good } else { Judge::Removed(fatal) };
    }
    let v = r.val(var);
    match v.upper() {
        None => Judge::Unknown,
        Some(f) if f == "FILE" => Judge::File(Box::new(v)),
        Some(_) => {
            let set = startup(r, var);
            if r.at_least(8, 0, 23) && !set.is_empty() { Judge::Deprecated(set) } else { Judge::Good }
        }
    }
}

fn state(j: &Judge) -> State {
    match j {
        Judge::Good | Judge::Deprecated(_) => State::Good,
        Judge::File(_) | Judge::Removed(_) => State::Bad,
        Judge::Unknown => State::Unknown(Missing::Settings),
    }
}

pub(super) fn items<'a>(r: &Replica<'a>, out: &mut dyn FnMut(Item<'a>)) {
    VARS.iter()
        .map(|var| {
            let j = judge(r, var);
            let at = match &j {
                Judge::File(v) => v.setting().and_then(|s| s.at),
                Judge::Deprecated(a) | Judge::Removed(a) => a.first().map(|a| a.at),
                _ => None,
            };
            Item { subject: Some(var), ..Item::new(ReplicaInfoRepository::ID, state(&j), None, at) }
        })
        .for_each(out);
}

/// A diff-style removal: `-line` for each line to delete from the option file.
fn removal_text(cx: &Ctx<'_>, assignments: &[Assignment]) -> String {
    let mut s = format!("# {}\n", cx.t(k::REPLICA_INFO_REPOSITORY_FIX_REMOVE_HEADER));
    for a in assignments {
        let ev = cx.evidence(a.at, String::new());
        for line in ev.excerpt.lines() {
            s.push('-');
            s.push_str(line.trim_end_ws());
            s.push('\n');
        }
    }
    s
}

impl ReplicaInfoRepository {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::mysql_replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let version = super::version_label(cx, r);
        let mut fired = false;
        let mut unknown = false;
        for var in VARS {
            let j = judge(r, var);
            let (severity, key, assignments, val) = match &j {
                Judge::Good => continue,
                Judge::Unknown => {
                    unknown = true;
                    continue;
                }
                Judge::File(v) => {
                    (Severity::Warning, k::REPLICA_INFO_REPOSITORY_MESSAGE_FILE, startup(r, var), Some(v))
                }
                Judge::Deprecated(a) => {
                    (Severity::Info, k::REPLICA_INFO_REPOSITORY_MESSAGE_DEPRECATED, a.clone(), None)
                }
                Judge::Removed(a) => {
                    (Severity::Error, k::REPLICA_INFO_REPOSITORY_MESSAGE_REMOVED, a.clone(), None)
                }
            };
            let how = val.map(|v| super::describe(cx, r, v)).unwrap_or_default();
            let args = [("name", var), ("version", version.as_str()), ("how", how.as_str())];
            let mut f = super::finding(cx, ReplicaInfoRepository::ID, severity, key, &args, None);
            match val {
                Some(v) => f.evidence = super::val_evidence(cx, v),
                None => {
                    for a in &assignments {
                        f.evidence.push(cx.evidence(
                            a.at,
                            cx.fmt(k::REPLICA_EV_SET_HERE, &[("name", &a.raw_name), ("value", &a.value)]),
                        ));
                    }
                }
            }
            let in_files: Vec<Assignment> =
                assignments.iter().filter(|a| a.origin == Origin::OptionFile).cloned().collect();
            let needs_table = matches!(j, Judge::File(_));
            if needs_table && !r.at_least(8, 0, 23) {
                // Before 8.0.23: say TABLE explicitly.
                f.fixes.push(
                    Fix::needs_review(
                        FixTarget::MyCnf,
                        cx.fmt(k::REPLICA_INFO_REPOSITORY_FIX_TABLE, &[("name", var)]),
                        sql::cnf_block(r.version, &[(var, "TABLE")]),
                    )
                    .because(cx.t(k::REPLICA_INFO_REPOSITORY_FIX_TABLE_REASON)),
                );
            } else if !in_files.is_empty() {
                f.fixes.push(
                    Fix::needs_review(
                        FixTarget::MyCnf,
                        cx.fmt(k::REPLICA_INFO_REPOSITORY_FIX_REMOVE, &[("name", var)]),
                        removal_text(cx, &in_files),
                    )
                    .because(cx.t(k::REPLICA_INFO_REPOSITORY_FIX_REMOVE_REASON)),
                );
            } else {
                f.fixes.push(
                    Fix::display_only(
                        FixTarget::MyCnf,
                        cx.fmt(k::REPLICA_INFO_REPOSITORY_FIX_REMOVE, &[("name", var)]),
                        format!("# {}\n", cx.fmt(k::REPLICA_INFO_REPOSITORY_FIX_FIND, &[("name", var)])),
                    )
                    .because(cx.t(k::REPLICA_INFO_REPOSITORY_FIX_REMOVE_REASON)),
                );
            }
            f.references.push(super::doc_halt(cx, r));
            f.references.push(super::doc(cx, r, k::REPLICA_INFO_REPOSITORY_REF, "replica-logs-status.html"));
            out.push(f);
            fired = true;
        }
        if fired {
            Outcome::fired()
        } else if unknown {
            super::unknown(cx, r, Missing::Settings)
        } else if r.at_least(8, 3, 0) {
            Outcome::passed(cx.t(k::REPLICA_INFO_REPOSITORY_PASSED_REMOVED))
        } else {
            Outcome::passed(cx.t(k::REPLICA_INFO_REPOSITORY_PASSED))
        }
    }
}
