//! Containers built from images: the fixes that rebuild the user's own file (the entrypoint
//! script, the Dockerfile, the `docker run` command, the Kubernetes manifest), the notes on where
//! a script's analysis stopped, and the verdict for MySQL operators' custom resources.
//!
//! Facts (`runtime-and-launchers.md` §7, §8; `mysql-facts.md` §1.1, §6):
//! - after `exec`, mysqld keeps the script's PID and parent: the variable must hold the script's
//!   parent, `$PPID` (0 when the script is PID 1 of a container, 1 under tini / dumb-init);
//!   without `exec` the shell stays mysqld's parent: `$$`;
//! - Oracle's MySQL Operator (`mysql/mysql-operator` @ `aec777a1`): Oracle's image, exit 16 and
//!   the kubelet's restart; no 3707 handling (§8.5);
//! - Percona's operator (`percona/percona-server-mysql-operator` @ `9adfefaa`): async mode maps
//!   ERROR 3707 to `ErrRestartAfterClone` and exits the container, which `restartPolicy: Always`
//!   restarts (`cmd/internal/db/db.go`, `cmd/bootstrap/async/async_replication.go:172`); group
//!   replication mode adds instances with MySQL Shell (§8.4);
//! - Percona XtraDB Cluster is Galera: members join by state transfer (SST/IST), not by the
//!   clone plugin [inference from the product; the operator's source was not read here].

use super::Ctx;
use crate::facts::Loc;
use crate::facts::container::{Insert, OperatorKind, SourceText};
use crate::facts::launch::{CheckWhy, Expected, Model, Parent, StopWhy, Supervisor, Tri};
use crate::i18n::k;
use crate::report::{CloneRestart, Fix, FixTarget, VerdictNote};

/// The sentence on where the script's analysis stopped, naming the line.
pub(crate) fn stopped_sentence(cx: &Ctx<'_>, m: &Model) -> String {
    let Parent::CannotTell { at, why } = &m.parent else { return String::new() };
    let place = at.map(|a| cx.place(a)).unwrap_or_default();
    match why {
        StopWhy::Branches => cx.fmt(k::IMAGES_STOPPED_BRANCHES, &[("place", &place)]),
        StopWhy::UndefinedFunction(name) => {
            cx.fmt(k::IMAGES_STOPPED_FUNCTION, &[("place", &place), ("function", name)])
        }
    }
}

/// Notes a container verdict adds: where a script's analysis stopped (and what would decide it),
/// a server path read from a variable, a Dockerfile alone (how it is run is unknown), a shared
/// PID namespace.
pub(crate) fn container_notes(cx: &Ctx<'_>, m: &Model, note: &mut VerdictNote) {
    if !matches!(m.supervisor, Supervisor::Container { .. }) {
        return;
    }
    if let Parent::CannotTell { at, why } = &m.parent {
        if let Some(a) = at {
            note.evidence.push(cx.evidence(*a, cx.t(k::IMAGES_LABEL_STOPPED)));
        }
        match why {
            StopWhy::UndefinedFunction(name) => {
                note.missing.push(cx.fmt(k::IMAGES_MISSING_FUNCTION, &[("function", name)]))
            }
            StopWhy::Branches => note.missing.push(cx.t(k::IMAGES_MISSING_BRANCH)),
        }
    }
    if let Some(si) = &m.script
        && let Some((name, value)) = &si.script.inferred
    {
        note.assumptions.push(cx.fmt(k::IMAGES_ASSUME_VARIABLE, &[("name", name), ("value", value)]));
    }
    let Some(c) = cx.facts.containers.server() else { return };
    if c.source == crate::facts::container::ContainerSource::Dockerfile {
        note.missing.push(cx.t(k::IMAGES_MISSING_RUN));
    } else if cx.facts.containers.dockerfile.is_some() {
        note.assumptions.push(cx.t(k::IMAGES_ASSUME_DOCKERFILE));
    }
    if c.share_pid.as_ref().is_some_and(|s| s.value) {
        note.assumptions.push(cx.t(k::IMAGES_ASSUME_SHARE_PID));
    }
}

/// The verdict for an operator's custom resource: what the operator does about the clone's
/// restart and ERROR 3707.
pub(crate) fn operator_verdict(
    cx: &Ctx<'_>,
    m: &Model,
    kind: OperatorKind,
    at: Loc,
) -> (CloneRestart, VerdictNote) {
    let mut note = VerdictNote::default();
    note.evidence.push(cx.evidence(at, cx.t(k::IMAGES_LABEL_OPERATOR)));
    let cluster_type = cx.facts.containers.operator.as_ref().and_then(|o| o.cluster_type.clone());
    if let Some(ct) = &cluster_type {
        note.evidence.push(cx.evidence(ct.at, cx.t(k::IMAGES_LABEL_CLUSTER_TYPE)));
    }
    let verdict = match kind {
        OperatorKind::InnoDbCluster if m.check == Tri::Yes => {
            note.summary = cx.t(k::IMAGES_VERDICT_INNODBCLUSTER);
            note.reasons.push(cx.t(k::IMAGES_OPERATOR_ORACLE_HOW));
            CloneRestart::Works
        }
        OperatorKind::InnoDbCluster => {
            note.summary = cx.t(k::IMAGES_VERDICT_INNODBCLUSTER_IMAGE);
            note.missing.push(cx.t(k::RESTART_MISSING_ENTRYPOINT));
            CloneRestart::Unknown
        }
        OperatorKind::PerconaServerMySql => {
            note.reasons.push(cx.t(k::IMAGES_OPERATOR_PERCONA_UNMANAGED));
            match cluster_type.as_ref().map(|c| c.value.as_str()) {
                Some("async") => {
                    note.summary = cx.t(k::IMAGES_VERDICT_PERCONA_ASYNC);
                    CloneRestart::Works
                }
                Some(other) => {
                    note.summary = cx.fmt(k::IMAGES_VERDICT_PERCONA_GR, &[("type", other)]);
                    CloneRestart::Unknown
                }
                None => {
                    note.summary = cx.t(k::IMAGES_VERDICT_PERCONA_NO_TYPE);
                    note.missing.push(cx.t(k::IMAGES_MISSING_CLUSTER_TYPE));
                    CloneRestart::Unknown
                }
            }
        }
        OperatorKind::PerconaXtraDbCluster => {
            note.summary = cx.t(k::IMAGES_VERDICT_PXC);
            CloneRestart::Unknown
        }
    };
    (verdict, note)
}

/// `$PPID` after `exec` (mysqld keeps the script's parent), `$$` when the script's shell stays
/// mysqld's parent.
fn script_value(m: &Model) -> Option<&'static str> {
    let l = m.script.as_ref()?.script.launch.as_ref()?;
    match (&m.parent, l.exec && !l.background) {
        (Parent::ContainerPid1 | Parent::ContainerInit { .. }, true) => Some("$PPID"),
        (Parent::Wrapper { shell: true, .. }, false) => Some("$$"),
        _ => None,
    }
}

/// The pasted entrypoint script with the variable set: the wrong assignment replaced, else an
/// `export` after the `#!` line (so every branch and every re-exec sees it).
fn script_text(m: &Model) -> Option<String> {
    let si = m.script.as_ref()?;
    let value = script_value(m)?;
    let line = format!("export MYSQLD_PARENT_PID={value}");
    let t = &si.text;
    if let Some((_, start, end)) = &si.script.parent_pid
        && si.script.launch.as_ref().is_some_and(|l| *end <= l.start)
        && t.is_char_boundary(*start)
        && t.is_char_boundary(*end)
    {
        let stmt = &t[*start..*end];
        let lead = stmt.len() - stmt.trim_start().len();
        let mut out = format!("{}{}{}{}", &t[..*start], &stmt[..lead], line, &t[*end..]);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        return Some(out);
    }
    let after = if t.starts_with("#!") { t.find('\n').map_or(t.len(), |k| k + 1) } else { 0 };
    let nl = if after == t.len() && !t.ends_with('\n') && !t.is_empty() { "\n" } else { "" };
    let mut out = format!("{}{nl}{line}\n{}", &t[..after], &t[after..]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// The definition's text with `MYSQLD_PARENT_PID` (and, for `docker run`, the restart policy)
/// added where it goes.
fn rebuilt(st: &SourceText, pid: &str, policy: bool) -> Option<String> {
    let t = &st.text;
    let mut at = st.insert.min(t.len());
    if !t.is_char_boundary(at) {
        return None;
    }
    // After the line's own newline, for a line-wise insertion.
    if st.how != Insert::RunOption {
        if t[at..].starts_with("\r\n") {
            at += 2;
        } else if t[at..].starts_with('\n') {
            at += 1;
        }
    }
    let (head, tail) = t.split_at(at);
    let add = match &st.how {
        Insert::RunOption => {
            let mut a = format!("-e MYSQLD_PARENT_PID={pid} ");
            if policy {
                a.push_str("--restart=unless-stopped ");
            }
            a
        }
        Insert::YamlEnvItem { indent, header } => {
            let nl = if head.ends_with('\n') || head.is_empty() { "" } else { "\n" };
            let pad = " ".repeat(*indent);
            let mut a = String::from(nl);
            if let Some(h) = header {
                a.push_str(&format!("{}env:\n", " ".repeat(*h)));
            }
            a.push_str(&format!("{pad}- name: MYSQLD_PARENT_PID\n{pad}  value: \"{pid}\"\n"));
            a
        }
        Insert::DockerfileEnv => {
            let nl = if head.ends_with('\n') || head.is_empty() { "" } else { "\n" };
            format!("{nl}ENV MYSQLD_PARENT_PID={pid}\n")
        }
    };
    let mut out = format!("{head}{add}{tail}");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// The paste-ready fixes for a container whose check fails: the user's own entrypoint script,
/// Dockerfile, `docker run` command or Kubernetes manifest, rebuilt. Empty when none applies (the
/// generic container fix is used then).
pub(crate) fn launcher_fixes(cx: &Ctx<'_>, m: &Model) -> Vec<Fix> {
    let mut out = Vec::new();
    if m.check != Tri::No || !matches!(m.supervisor, Supervisor::Container { .. }) {
        return out;
    }
    if let (Some(si), Some(text)) = (&m.script, script_text(m)) {
        out.push(
            Fix::needs_review(
                FixTarget::LauncherFile,
                cx.fmt(k::IMAGES_FIX_SCRIPT, &[("path", &si.path)]),
                text,
            )
            .because(cx.t(k::IMAGES_FIX_SCRIPT_REASON))
            .file(si.path.clone()),
        );
        return out;
    }
    // A literal only where mysqld's parent is fixed (PID 1 of the container, or its init), and
    // only where the variable is missing (a second `-e` / `env` item would not replace a wrong one).
    let pid = match m.expected {
        Some(Expected::Zero) => "0",
        Some(Expected::One) => "1",
        _ => return out,
    };
    let missing = m.check_why == CheckWhy::Missing;
    if !(missing || m.check_why == CheckWhy::Mismatch) || m.script.is_some() {
        return out;
    }
    let containers = &cx.facts.containers;
    let Some(c) = containers.server() else { return out };
    let policy = m.exit16 == Tri::No;
    if missing
        && let Some(st) = &c.source_text
        && let Some(text) = rebuilt(st, pid, policy)
    {
        match st.how {
            Insert::RunOption => out.push(
                Fix::needs_review(FixTarget::Shell, cx.t(k::IMAGES_FIX_DOCKER_RUN), text)
                    .because(cx.t(k::IMAGES_FIX_DOCKER_RUN_REASON)),
            ),
            Insert::YamlEnvItem { .. } => {
                let name = c.name.clone().unwrap_or_else(|| "mysql".into());
                out.push(
                    Fix::needs_review(
                        FixTarget::LauncherFile,
                        cx.fmt(k::IMAGES_FIX_MANIFEST, &[("name", &name), ("file", &st.input)]),
                        text,
                    )
                    .because(cx.t(k::IMAGES_FIX_MANIFEST_REASON))
                    .file(st.input.clone()),
                )
            }
            Insert::DockerfileEnv => {}
        }
    }
    // The Dockerfile: where the variable is missing, or where its own `ENV` holds the wrong value
    // (a later `ENV` line overrides it).
    let value_at = m.value.as_ref().and_then(|v| v.at);
    let inside = |st: &SourceText| {
        value_at.filter(|a| {
            a.input == st.at.input && st.at.range.start <= a.range.start && a.range.end <= st.at.range.end
        })
    };
    if let Some(df) = &containers.dockerfile
        && let Some(st) = &df.source_text
        && (missing || inside(st).is_some())
        && let Some(text) = rebuilt(
            &SourceText {
                insert: inside(st).map_or(st.insert, |a| (a.range.end - st.at.range.start) as usize),
                ..st.clone()
            },
            pid,
            false,
        )
    {
        let file = if st.whole { st.input.clone() } else { "Dockerfile".to_owned() };
        out.push(
            Fix::needs_review(
                FixTarget::LauncherFile,
                cx.fmt(k::IMAGES_FIX_DOCKERFILE, &[("file", &file)]),
                text,
            )
            .because(cx.t(k::IMAGES_FIX_DOCKERFILE_REASON))
            .file(file),
        );
    }
    out
}
