//! `replica-threads-stopped`: the receiver (IO) or applier (SQL) thread of a channel is not
//! running; `Last_IO_Errno` / `Last_SQL_Errno` explained (see [`super::errors`]).

use crate::i18n::k;
use crate::report::Fix;
use crate::text::TrimWs;

use super::errors;
use super::model::{ChannelView, Replica};
use super::sql::{self, Threads};
use super::{Ctx, Outcome};
use crate::facts::Valued;
use crate::report::{Finding, FixTarget, Severity};

declare_rule! {
    /// A replication thread that should run does not.
    ReplicaThreadsStopped { id: "replica-threads-stopped", family: Replica, docs: "threads_stopped" }
}

/// One thread's state.
struct Thread<'a> {
    running: Valued<&'a str>,
    errno: Option<(u32, Valued<&'a str>)>,
    error: Option<Valued<&'a str>>,
}

/// The thread is down: not `Yes`; `Connecting` counts only with an error.
fn down(t: &Thread<'_>) -> bool {
    let v = t.running.value.trim_ws();
    if v.eq_ignore_ascii_case("yes") {
        return false;
    }
    if v.eq_ignore_ascii_case("connecting") {
        return t.errno.is_some();
    }
    true
}

fn thread<'a>(ch: &ChannelView<'a>, running: &str, errno: &str, error: &str) -> Option<Thread<'a>> {
    let running = ch.status(running)?;
    let errno =
        ch.status(errno).and_then(|v| errors::parse_errno(v.value).map(|n| (n, v))).filter(|(n, _)| *n != 0);
    let error = ch.status(error).filter(|v| !v.value.trim_ws().is_empty());
    Some(Thread { running, errno, error })
}

fn io<'a>(ch: &ChannelView<'a>) -> Option<Thread<'a>> {
    thread(ch, "Replica_IO_Running", "Last_IO_Errno", "Last_IO_Error")
}

fn sql_thread<'a>(ch: &ChannelView<'a>) -> Option<Thread<'a>> {
    thread(ch, "Replica_SQL_Running", "Last_SQL_Errno", "Last_SQL_Error")
}

/// Channels with a thread down, and which (`IO`, `SQL`, `IO, SQL`), for the verdict's reasons.
pub(super) fn stopped_channels<'a>(r: &Replica<'a>) -> Vec<(&'a str, String)> {
    let mut out = Vec::new();
    for ch in &r.channels {
        let mut which = Vec::new();
        if io(ch).is_some_and(|t| down(&t)) {
            which.push("IO");
        }
        if sql_thread(ch).is_some_and(|t| down(&t)) {
            which.push("SQL");
        }
        if !which.is_empty() {
            out.push((ch.name, which.join(", ")));
        }
    }
    out
}

/// "Last_IO_Errno 2003 (CR_CONN_HOST_ERROR): explanation"
fn explain(cx: &Ctx<'_>, field: &str, code: u32) -> String {
    let symbol = errors::lookup(code).map(|e| e.symbol).unwrap_or("?");
    cx.fmt(
        k::REPLICA_THREADS_STOPPED_ERRNO,
        &[
            ("field", field),
            ("code", &code.to_string()),
            ("symbol", symbol),
            ("explanation", &cx.fmt(errors::key(code), &[("code", &code.to_string())])),
        ],
    )
}

impl ReplicaThreadsStopped {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let r = match super::replica(cx) {
            Ok(r) => r,
            Err(o) => return o,
        };
        if !r.channels.iter().any(ChannelView::has_status) {
            return Outcome::unknown(
                cx.fmt(k::REPLICA_MISSING_STATUS, &[("query", &sql::status_query(r.version))]),
            );
        }
        let mut fired = false;
        for ch in r.channels.iter().filter(|c| c.has_status()) {
            let io_t = io(ch).filter(|t| down(t));
            let sql_t = sql_thread(ch).filter(|t| down(t));
            if io_t.is_none() && sql_t.is_none() {
                continue;
            }
            let label = super::channel_label(cx, ch.name);
            let which = match (&io_t, &sql_t) {
                (Some(_), Some(_)) => cx.t(k::REPLICA_THREADS_STOPPED_BOTH),
                (Some(_), None) => cx.t(k::REPLICA_THREADS_STOPPED_IO),
                _ => cx.t(k::REPLICA_THREADS_STOPPED_SQL),
            };
            let mut details = Vec::new();
            let mut has_error = false;
            for (t, field) in [(&io_t, "Last_IO_Errno"), (&sql_t, "Last_SQL_Errno")] {
                if let Some(t) = t
                    && let Some((code, _)) = t.errno
                {
                    has_error = true;
                    details.push(explain(cx, field, code));
                }
            }
            if !has_error {
                details.push(cx.t(k::REPLICA_THREADS_STOPPED_NO_ERROR));
            }
            let details = details.join("\n");
            let args =
                [("channel", label.as_str()), ("threads", which.as_str()), ("details", details.as_str())];
            let severity = if has_error { Severity::Error } else { Severity::Warning };
            // Past the report's per-rule bound, counted instead of built (issue 18).
            if !cx.room(ReplicaThreadsStopped::ID, out) {
                continue;
            }
            let mut f = super::finding(
                cx,
                ReplicaThreadsStopped::ID,
                severity,
                k::REPLICA_THREADS_STOPPED_MESSAGE,
                &args,
                Some(ch.name),
            );
            for t in [&io_t, &sql_t].into_iter().flatten() {
                f.evidence.push(
                    cx.evidence(t.running.at, cx.fmt(k::REPLICA_EV_RUNNING, &[("value", t.running.value)])),
                );
                if let Some((code, v)) = &t.errno {
                    f.evidence
                        .push(cx.evidence(v.at, cx.fmt(k::REPLICA_EV_ERRNO, &[("code", &code.to_string())])));
                }
                if let Some(e) = &t.error {
                    f.evidence.push(cx.evidence(e.at, cx.t(k::REPLICA_EV_ERROR_TEXT)));
                }
            }
            let v = r.version;
            f.fixes.push(
                Fix::display_only(
                    FixTarget::Sql,
                    cx.t(k::REPLICA_THREADS_STOPPED_FIX),
                    format!(
                        "{}\n-- {}\n{}\n",
                        sql::status_query_for(v, ch.name),
                        cx.t(k::REPLICA_THREADS_STOPPED_FIX_COMMENT),
                        sql::start(v, ch.name, Threads::Both)
                    ),
                )
                .because(cx.t(k::REPLICA_THREADS_STOPPED_FIX_REASON)),
            );
            if r.mariadb {
                f.references
                    .push(cx.reference(k::REPLICA_MARIADB_REF_SHOW_SLAVE_STATUS, super::MARIADB_SHOW_STATUS));
            } else {
                f.references.push(super::doc(
                    cx,
                    r,
                    k::REPLICA_THREADS_STOPPED_REF,
                    if v.at_least(8, 0, 22) { "show-replica-status.html" } else { "show-slave-status.html" },
                ));
            }
            out.push(f);
            fired = true;
        }
        if fired {
            Outcome::fired()
        } else {
            Outcome::passed(cx.t(if super::is_mariadb(cx) {
                k::REPLICA_THREADS_STOPPED_PASSED_CONNECTIONS
            } else {
                k::REPLICA_THREADS_STOPPED_PASSED
            }))
        }
    }
}
