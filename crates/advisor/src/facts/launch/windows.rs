//! The Windows case of the launch model (`mysql-facts.md` §1.1, from mysql-server 8.0.45
//! `sql/sql_restart_server.cc` `is_mysqld_managed()` and `sql/restart_monitor_win.cc`): on Windows
//! the variable is not compared; mysqld is managed unless it runs with `--no-monitor` or `--gdb`
//! (`opt_debugging`). The monitor process starts the server as its child and loops while it
//! exits with code 16 (`MYSQLD_RESTART_EXIT`). Inputs: a service command line as `sc qc` prints
//! it, or an option file whose paths are Windows paths.

use super::{CheckWhy, Exit16Why, Link, Model, Parent, Supervisor, Tri};
use crate::facts::{Facts, Loc};
use crate::syntax::shell::{Mode, values};

/// The Windows case, when the input shows one.
pub(super) fn windows(f: &Facts) -> Option<Model> {
    let svc = f.services.windows.first();
    let ini = windows_paths(f);
    if svc.is_none() && !ini {
        return None;
    }
    let mut m = Model::new(Supervisor::Windows { service: svc.and_then(|s| s.service.clone()) });
    m.parent = Parent::WindowsMonitor;
    let mut off: Option<Loc> = None;
    if let Some(s) = svc {
        // `"C:\…\mysqld.exe" --defaults-file="…" MySQL80`: backslashes are path separators here.
        let words = values(&s.binary.value.replace('\\', "/"), Mode::SystemdExec);
        if words.iter().skip(1).any(|w| w == "--no-monitor" || w == "--gdb" || w.starts_with("--gdb=")) {
            off = Some(s.binary.at);
        }
        m.chain.push(Link { name: "services.exe".into(), execs: false, at: None });
        m.chain.push(Link { name: "mysqld (monitor)".into(), execs: false, at: Some(s.binary.at) });
        m.chain.push(Link { name: "mysqld".into(), execs: false, at: Some(s.binary.at) });
        let l = super::command::analyze_words(&words);
        m.exec = Some((s.binary.clone(), l));
    }
    for name in ["no-monitor", "gdb"] {
        if let Some(set) = f.setting(name).filter(|s| s.origin != crate::facts::Origin::Default)
            && set.as_bool() != Some(false)
        {
            off = off.or(set.at);
        }
    }
    match off {
        Some(at) => {
            (m.check, m.check_why) = (Tri::No, CheckWhy::WindowsNoMonitor { at });
            (m.exit16, m.exit16_why) = (Tri::No, Exit16Why::WindowsMonitor);
        }
        None => {
            (m.check, m.check_why) = (Tri::Yes, CheckWhy::WindowsMonitor);
            (m.exit16, m.exit16_why) = (Tri::Yes, Exit16Why::WindowsMonitor);
        }
    }
    Some(m)
}

/// True when the option files place the server on Windows paths (`basedir=C:/…`, `datadir=C:\…`).
fn windows_paths(f: &Facts) -> bool {
    ["basedir", "datadir"].iter().any(|n| {
        f.setting(n).filter(|s| s.origin != crate::facts::Origin::Default).is_some_and(|s| {
            let b = s.value.trim_matches(['"', '\'']).as_bytes();
            b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/')
        })
    })
}
