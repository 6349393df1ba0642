//! The fix for a systemd unit: one complete drop-in (`systemctl edit <unit>` → `override.conf`)
//! that makes the clone restart work, the unit's effective settings after it, and the script fix
//! for wrappers.
//!
//! The plan is a list of [`Op`]s so that it can be both rendered and *simulated* on the
//! [`UnitFacts`] (a test re-runs the model on the simulated unit and expects `works`).

use crate::text::TrimWs;

use crate::facts::launch::{self as model, CheckWhy, Exit16Why, Model, Parent, Tri};
use crate::facts::launch::{self as supervisor, Program};
use crate::facts::unit::{EnvVar, UnitFacts};
use crate::facts::{Loc, Valued};
use crate::i18n::{Lang, k};

/// One change the drop-in makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// `Environment=NAME=value`.
    SetEnv(String, String),
    /// `ExecStart=` (reset) then `ExecStart=<cmd>`.
    ReplaceExecStart(String),
    /// `User=<name>` (when a `sudo -u`/`runuser -u` wrapper is removed).
    User(String),
    /// `RestartPreventExitStatus=` (reset) then the remaining entries, if any.
    ResetPrevent(Vec<String>),
    /// `RestartForceExitStatus=16`.
    Force16,
    /// `NotifyAccess=all`.
    NotifyAll,
    /// `TimeoutStartSec=infinity`.
    NoStartTimeout,
}

impl Op {
    /// `RestartPreventExitStatus=` reset to its entries other than 16.
    pub(crate) fn prevent_without_16(u: &UnitFacts) -> Op {
        let p = &u.restart_prevent;
        let codes = p.codes.iter().filter(|c| c.value != 16).map(|c| c.value.to_string());
        Op::ResetPrevent(codes.chain(p.signals.iter().map(|s| s.value.clone())).collect())
    }
}

/// A planned drop-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DropIn {
    /// The unit name (`mysqld.service`).
    pub unit: String,
    /// True when the input did not name the unit and `mysqld.service` was assumed.
    pub unit_assumed: bool,
    /// A user unit (`systemctl --user`).
    pub user: bool,
    pub ops: Vec<Op>,
}

impl DropIn {
    /// Where `systemctl edit` writes it.
    pub fn path(&self) -> String {
        if self.user {
            format!("~/.config/systemd/user/{}.d/override.conf", self.unit)
        } else {
            format!("/etc/systemd/system/{}.d/override.conf", self.unit)
        }
    }

    /// `systemctl` or `systemctl --user`, with `sudo` for system units.
    fn systemctl(&self) -> &'static str {
        if self.user { "systemctl --user" } else { "sudo systemctl" }
    }

    /// The `[Service]` lines.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for op in &self.ops {
            match op {
                Op::SetEnv(n, v) => out.push(format!("Environment={n}={v}")),
                Op::ReplaceExecStart(c) => {
                    out.push("ExecStart=".to_owned());
                    out.push(format!("ExecStart={c}"));
                }
                Op::User(u) => out.push(format!("User={u}")),
                Op::ResetPrevent(rest) => {
                    out.push("RestartPreventExitStatus=".to_owned());
                    if !rest.is_empty() {
                        out.push(format!("RestartPreventExitStatus={}", rest.join(" ")));
                    }
                }
                Op::Force16 => out.push("RestartForceExitStatus=16".to_owned()),
                Op::NotifyAll => out.push("NotifyAccess=all".to_owned()),
                Op::NoStartTimeout => out.push("TimeoutStartSec=infinity".to_owned()),
            }
        }
        out
    }

    /// The file text: how-to comments (commands untranslated), `[Service]`, the lines.
    pub fn text(&self, lang: Lang) -> String {
        let edit = format!("{} edit {}", self.systemctl(), self.unit);
        let reload = format!("{} daemon-reload", self.systemctl());
        let restart = format!("{} restart {}", self.systemctl(), self.unit);
        let mut s = String::new();
        let mut howto = lang.fmt(k::RESTART_DROPIN_HOWTO, &[("edit", &edit), ("reload", &reload)]);
        let process_level =
            self.ops.iter().any(|o| matches!(o, Op::SetEnv(..) | Op::ReplaceExecStart(_) | Op::User(_)));
        if process_level {
            howto.push('\n');
            howto.push_str(&lang.fmt(k::RESTART_DROPIN_RESTART_NOTE, &[("restart", &restart)]));
        }
        for l in howto.lines() {
            s.push_str("# ");
            s.push_str(l);
            s.push('\n');
        }
        if self.unit_assumed {
            s.push_str("# ");
            s.push_str(&lang.fmt(k::RESTART_DROPIN_UNIT_ASSUMED, &[("unit", &self.unit)]));
            s.push('\n');
        }
        s.push_str("[Service]\n");
        for l in self.lines() {
            s.push_str(&l);
            s.push('\n');
        }
        s
    }

    /// Applies the drop-in to `u` the way systemd merges it.
    pub fn apply(&self, u: &UnitFacts) -> UnitFacts {
        let mut u = u.clone();
        let here = Loc::default();
        for op in &self.ops {
            match op {
                Op::SetEnv(n, v) => {
                    u.environment.retain(|e| &e.name != n);
                    u.environment.push(EnvVar { name: n.clone(), value: v.clone(), at: here });
                }
                Op::ReplaceExecStart(c) => u.exec_start = vec![Valued::new(c.clone(), here)],
                Op::User(n) => u.user = Some(Valued::new(n.clone(), here)),
                Op::ResetPrevent(rest) => {
                    u.restart_prevent.codes.clear();
                    u.restart_prevent.signals.clear();
                    for r in rest {
                        match r.parse::<u32>() {
                            Ok(c) => u.restart_prevent.codes.push(Valued::new(c, here)),
                            Err(_) => u.restart_prevent.signals.push(Valued::new(r.clone(), here)),
                        }
                    }
                }
                Op::Force16 => u.restart_force.codes.push(Valued::new(16, here)),
                Op::NotifyAll => u.notify_access = Some(Valued::new("all".into(), here)),
                Op::NoStartTimeout => u.timeout_start = Some(Valued::new("infinity".into(), here)),
            }
        }
        u
    }
}

/// The unit name from the input, or `mysqld.service` (assumed).
pub(crate) fn unit_name(u: &UnitFacts) -> (String, bool) {
    match u.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.contains('.') => (n.to_owned(), false),
        Some(n) => (format!("{n}.service"), false),
        None => ("mysqld.service".to_owned(), true),
    }
}

/// Plans the complete drop-in that makes the clone restart work, when a drop-in can do it.
/// `None` when nothing needs changing in the unit (or only a wrapper script / environment file
/// must change).
pub(crate) fn plan(m: &Model, u: &UnitFacts) -> Option<DropIn> {
    let (unit, unit_assumed) = unit_name(u);
    let user = m.is_user();
    let mut ops = Vec::new();
    let value_from_unit = m.value.as_ref().is_none_or(|v| v.origin == model::PidOrigin::Environment);
    let set_one = |ops: &mut Vec<Op>| ops.push(Op::SetEnv("MYSQLD_PARENT_PID".into(), "1".into()));
    let already_one = m
        .value
        .as_ref()
        .is_some_and(|v| matches!(&v.expr, supervisor::PidExpr::Literal(s) if supervisor::atoi(s) == 1));
    let exec_raw =
        m.exec.as_ref().map(|(e, _)| e.value.trim_start_matches(['@', '-', ':', '+', '!', '|']).to_owned());

    if m.check != Tri::Yes {
        match &m.parent {
            Parent::Manager | Parent::Reparented { .. } if user => {
                if let Some(cmd) = &exec_raw {
                    ops.push(Op::ReplaceExecStart(sh_exec(cmd, true)));
                }
            }
            Parent::Manager | Parent::Reparented { .. } if value_from_unit => {
                set_one(&mut ops);
            }
            Parent::Wrapper { shell: false, .. } => {
                if let Some((_, l)) = &m.exec
                    && !l.server_cmd.is_empty()
                {
                    ops.push(Op::ReplaceExecStart(join_words(&l.server_cmd)));
                    if let Some(user_name) = &l.run_as
                        && u.user.is_none()
                    {
                        ops.push(Op::User(user_name.clone()));
                    }
                }
                if value_from_unit {
                    set_one(&mut ops);
                }
            }
            Parent::ShellNotGuaranteed { .. } => {
                if let Some((_, l)) = &m.exec
                    && let Some(s) = &l.shell
                    && let Some(fixed) = exec_in_dash_c(exec_raw.as_deref().unwrap_or(""), s)
                {
                    ops.push(Op::ReplaceExecStart(fixed));
                }
                if value_from_unit && !already_one {
                    set_one(&mut ops);
                }
            }
            Parent::Wrapper { shell: true, .. } | Parent::UnknownScript { .. } => {
                // The script gets `exec` (see `script_fix`); after that mysqld's parent is PID 1.
                let script_sets = m.value.as_ref().is_some_and(|v| v.origin == model::PidOrigin::Script);
                if value_from_unit && !script_sets && !user && !already_one {
                    set_one(&mut ops);
                }
            }
            _ => {}
        }
    }

    if m.exit16 == Tri::No {
        if let Exit16Why::Prevented { .. } = m.exit16_why {
            ops.push(Op::prevent_without_16(u));
        }
        let after = DropIn { unit: unit.clone(), unit_assumed, user, ops: ops.clone() }.apply(u);
        if model::systemd_restarts(&after, 16).0 != Tri::Yes {
            ops.push(Op::Force16);
        }
    }

    let notify = u.service_type.as_ref().is_some_and(|t| t.value == "notify");
    let notify_all = u.notify_access.as_ref().is_some_and(|n| n.value == "all");
    let wrapper_stays = matches!(m.parent, Parent::MysqldSafe { .. })
        || (matches!(m.parent, Parent::Wrapper { shell: true, .. }) && m.check == Tri::Yes);
    if notify && !notify_all && wrapper_stays {
        ops.push(Op::NotifyAll);
    }

    if ops.is_empty() {
        return None;
    }
    Some(DropIn { unit, unit_assumed, user, ops })
}

fn join_words(ws: &[String]) -> String {
    ws.iter()
        .map(|w| if w.is_empty() || w.contains(char::is_whitespace) { format!("\"{w}\"") } else { w.clone() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `/bin/sh -c '…; exec <cmd>'` for an `ExecStart=` value (already systemd-escaped).
/// `user`: also export `MYSQLD_PARENT_PID=$PPID` (the user manager's PID, known only at run time).
pub(crate) fn sh_exec(cmd: &str, user: bool) -> String {
    let cmd = cmd.replace('\'', "'\\''");
    if user {
        format!("/bin/sh -c 'export MYSQLD_PARENT_PID=$$PPID; exec {cmd}'")
    } else {
        format!("/bin/sh -c 'exec {cmd}'")
    }
}

/// Inserts `exec ` before the server statement of a `sh -c` string in an `ExecStart=` value.
fn exec_in_dash_c(exec_raw: &str, s: &supervisor::Script) -> Option<String> {
    let l = s.launch.as_ref()?;
    // Re-find the -c body in the raw value: the longest quoted part.
    let (q0, q1) = quoted_span(exec_raw)?;
    let body_raw = exec_raw.get(q0 + 1..q1)?;
    // The analysed body had `$$` → `$`; offsets refer to that text.
    let body = body_raw.replace("$$", "$");
    let stmt = body.get(l.start..l.end)?;
    let lead = stmt.len() - stmt.trim_start_ws().len();
    let mut fixed = String::new();
    fixed.push_str(body.get(..l.start + lead)?);
    fixed.push_str("exec ");
    fixed.push_str(body.get(l.start + lead..)?);
    let fixed = fixed.replace('$', "$$");
    let q = exec_raw.as_bytes().get(q0).copied().map(char::from).unwrap_or('\'');
    Some(format!("{}{q}{fixed}{q}{}", exec_raw.get(..q0)?, exec_raw.get(q1 + 1..)?))
}

fn quoted_span(s: &str) -> Option<(usize, usize)> {
    let i = s.find(['\'', '"'])?;
    let q = s.as_bytes().get(i).copied()?;
    let j = s.rfind(char::from(q))?;
    if j > i { Some((i, j)) } else { None }
}

/// The fix for a pasted wrapper script: where the server statement is, and the lines that
/// replace it (`exec` added; `$$` → `$PPID` when the variable was set to the shell's own PID).
pub(crate) fn script_fix(m: &Model) -> Option<(Loc, String)> {
    let si = m.script.as_ref()?;
    let l = si.script.launch.as_ref()?;
    let stmt = si.text.get(l.start..l.end)?.trim_ws();
    let mut new = String::new();
    if matches!(m.check_why, CheckWhy::OwnPid) {
        new.push_str("export MYSQLD_PARENT_PID=$PPID\n");
    }
    if !l.exec && l.launch.program != Program::MysqldSafe {
        new.push_str("exec ");
        // `exec NAME=value cmd` is not sh (exec would run a program named `NAME=value`):
        // `exec env NAME=value cmd`.
        let first = stmt.split_whitespace().next().unwrap_or("");
        if crate::facts::launch::assignment(first).is_some() {
            new.push_str("env ");
        }
    }
    new.push_str(stmt.trim_end_matches('&').trim_end_ws());
    Some((si.loc(l.start, l.end), new))
}

/// One `Environment=` assignment as one word, the way systemd reads it back: quoted when the value
/// holds blanks, quotes or backslashes (`"MYSQL_PWD=a b"`), and never a secret in the clear (the
/// value of a secret name is `****`).
fn env_word(name: &str, value: &str) -> String {
    let quoted = value.bytes().any(|c| c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'\\'));
    let value =
        if crate::redact::is_secret_name(name) && !value.is_empty() { crate::redact::MASK } else { value };
    if quoted {
        let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{name}={escaped}\"")
    } else {
        format!("{name}={value}")
    }
}

/// The settings that decide the clone restart, as `systemctl show` would print them after the fix.
pub(crate) fn effective_text(u: &UnitFacts) -> String {
    let mut s = String::new();
    let mut kv = |k: &str, v: &str| {
        s.push_str(k);
        s.push('=');
        s.push_str(v);
        s.push('\n');
    };
    kv("Type", u.service_type.as_ref().map(|t| t.value.as_str()).unwrap_or("simple"));
    for e in &u.exec_start {
        kv("ExecStart", &e.value);
    }
    if let Some(us) = &u.user {
        kv("User", &us.value);
    }
    if !u.environment.is_empty() {
        let env: Vec<String> = u.environment.iter().map(|e| env_word(&e.name, &e.value)).collect();
        kv("Environment", &env.join(" "));
    }
    for f in &u.environment_files {
        kv("EnvironmentFile", &f.value);
    }
    kv("Restart", u.restart.as_ref().map(|r| r.value.as_str()).unwrap_or("no"));
    for (k, set) in [
        ("RestartPreventExitStatus", &u.restart_prevent),
        ("RestartForceExitStatus", &u.restart_force),
        ("SuccessExitStatus", &u.success_exit),
    ] {
        let mut items: Vec<String> = set.codes.iter().map(|c| c.value.to_string()).collect();
        items.extend(set.signals.iter().map(|s| s.value.clone()));
        if !items.is_empty() {
            kv(k, &items.join(" "));
        }
    }
    if let Some(n) = &u.notify_access {
        kv("NotifyAccess", &n.value);
    }
    if let Some(t) = &u.timeout_start {
        kv("TimeoutStartSec", &t.value);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Facts;
    use crate::facts::launch::tests::{codes, unit};
    use crate::facts::launch::{self as model, Tri};

    fn after(u: &UnitFacts) -> (Option<DropIn>, Tri, Tri) {
        let f = Facts { unit: Some(u.clone()), ..Facts::default() };
        let m = model::systemd(&f, u);
        let d = plan(&m, u);
        let fixed = d.as_ref().map(|d| d.apply(u)).unwrap_or_else(|| u.clone());
        let f2 = Facts { unit: Some(fixed.clone()), ..Facts::default() };
        let m2 = model::systemd(&f2, &fixed);
        (d, m2.check, m2.exit16)
    }

    #[test]
    fn seed_dropin_sets_the_variable() {
        let u = unit("/usr/sbin/mysqld", Some("on-failure"), None);
        let (d, check, e16) = after(&u);
        let d = d.expect("a drop-in");
        assert_eq!(d.lines(), ["Environment=MYSQLD_PARENT_PID=1"]);
        assert_eq!((check, e16), (Tri::Yes, Tri::Yes));
        assert_eq!(d.path(), "/etc/systemd/system/mysqld.service.d/override.conf");
        assert!(d.text(Lang::En).contains("[Service]\nEnvironment=MYSQLD_PARENT_PID=1\n"));
    }

    #[test]
    fn every_fixable_case_ends_up_working() {
        let mut cases = vec![
            unit("/usr/sbin/mysqld", None, None),
            unit("/usr/sbin/mysqld", Some("on-abnormal"), Some("1")),
            unit("/usr/sbin/mysqld", Some("on-failure"), Some("2")),
            unit("/usr/bin/sudo -u mysql /usr/sbin/mysqld --user=mysql", Some("on-failure"), Some("1")),
            unit("/usr/bin/timeout 30d /usr/sbin/mysqld", Some("always"), None),
            unit(
                "/bin/bash -c 'ulimit -n 100000; /usr/sbin/mysqld --user=mysql'",
                Some("on-failure"),
                Some("1"),
            ),
        ];
        let mut prevented = unit("/usr/sbin/mysqld", Some("on-failure"), Some("1"));
        prevented.restart_prevent = codes(&[1, 16]);
        cases.push(prevented);
        let mut success = unit("/usr/sbin/mysqld", Some("on-failure"), Some("1"));
        success.success_exit = codes(&[16]);
        cases.push(success);
        let mut user = unit("/usr/sbin/mysqld --datadir=/home/me/db", Some("on-failure"), Some("1"));
        user.user_unit = Some(true);
        cases.push(user);
        for u in cases {
            let (d, check, e16) = after(&u);
            assert_eq!(
                (check, e16),
                (Tri::Yes, Tri::Yes),
                "{:?} -> {:?}",
                u.exec_start,
                d.map(|d| d.lines())
            );
        }
    }

    #[test]
    fn prevent_keeps_other_codes() {
        let mut u = unit("/usr/sbin/mysqld", Some("on-failure"), Some("1"));
        u.restart_prevent = codes(&[1, 16]);
        let (d, _, _) = after(&u);
        assert_eq!(d.expect("drop-in").lines(), ["RestartPreventExitStatus=", "RestartPreventExitStatus=1"]);
    }

    #[test]
    fn dash_c_gets_exec() {
        let u = unit(
            "/bin/bash -c 'ulimit -n 100000; /usr/sbin/mysqld --user=mysql'",
            Some("on-failure"),
            Some("1"),
        );
        let (d, _, _) = after(&u);
        assert_eq!(
            d.expect("drop-in").lines(),
            ["ExecStart=", "ExecStart=/bin/bash -c 'ulimit -n 100000; exec /usr/sbin/mysqld --user=mysql'"]
        );
    }
}
