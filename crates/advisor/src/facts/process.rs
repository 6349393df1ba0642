//! Process observations from process views (`ps`, `pstree`, `/proc/<pid>/status|stat|environ`):
//! every process with its parent (`Observed::processes`), `NSpid:` lists (`Observed::nspids`) and
//! every environment with the location of each value (`Observed::environs`), in input order.
//!
//! `runtime-and-launchers.md` §3: a PPID of 0 is a parent outside the PID namespace (a container's
//! PID 1); the environment is the one mysqld was started with, so it shows the
//! `MYSQLD_PARENT_PID` mysqld tests.

use super::observed::{Environ, NsPids, Process};
use super::{Facts, Loc, Valued};
use crate::source::Source;
use crate::syntax::document::{Document, Parsed};
use crate::syntax::process::View;

/// `grep mysqld` lists itself: its own process is not one the user asked about.
fn is_grep(command: &str) -> bool {
    let first = command.split_whitespace().next().unwrap_or("");
    let base = first.rsplit('/').next().unwrap_or(first);
    matches!(base, "grep" | "egrep" | "fgrep" | "rg" | "pgrep" | "ag")
}

/// Fills `f.observed.processes`, `nspids` and `environs` from the process views.
pub(crate) fn collect(f: &mut Facts, _sources: &[Source<'_>], docs: &[Document]) {
    for d in docs {
        let Parsed::Process(doc) = &d.parsed else { continue };
        let input = d.input;
        if doc.view == View::Environ {
            let vars = doc
                .vars
                .iter()
                .map(|v| (v.name.clone(), Valued::new(v.value.clone(), Loc { input, range: v.value_range })))
                .collect();
            f.observed.environs.push(Environ { pid: doc.pid, vars, at: Loc { input, range: d.range } });
            continue;
        }
        for p in doc.procs.iter().filter(|p| !is_grep(&p.command)) {
            let at = Loc { input, range: p.range };
            f.observed.processes.push(Process { pid: p.pid, ppid: p.ppid, command: p.command.clone(), at });
            if !p.nspid.is_empty() {
                f.observed.nspids.push(NsPids { pid: p.pid, pids: p.nspid.clone(), at });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;

    fn facts(text: &str) -> Facts {
        let src = Source::new(0, "input 1", text);
        let docs = detect::split(&src);
        Facts::build(std::slice::from_ref(&src), &docs)
    }

    #[test]
    fn ps_grep_and_environ_give_parent_and_variable() {
        let f = facts(
            "$ ps -ef | grep mysqld\n\
             mysql      840       1  2 10:02 ?        00:00:05 /usr/sbin/mysqld\n\
             root      2412    2390  0 10:05 pts/0    00:00:00 grep --color=auto mysqld\n\
             $ tr '\\0' '\\n' < /proc/840/environ\n\
             LANG=C.UTF-8\nPATH=/usr/bin\nMYSQLD_PARENT_PID=1\nHOME=/var/lib/mysql\n",
        );
        let o = &f.observed;
        assert_eq!(o.processes.len(), 1, "{:?}", o.processes);
        let p = o.server_process().expect("mysqld");
        assert_eq!((p.pid, p.ppid), (840, Some(1)));
        let e = o.server_environ().expect("environ");
        assert_eq!(e.pid, Some(840));
        assert_eq!(e.var("MYSQLD_PARENT_PID").map(|v| v.value.as_str()), Some("1"));
        let m = o.managed().expect("decidable");
        assert!(m.managed);
        assert_eq!(m.ppid, 1);
    }

    #[test]
    fn container_pid_1_status_keeps_nspid() {
        let f = facts(
            "Name:\tmysqld\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t48213\nNgid:\t0\nPid:\t48213\nPPid:\t0\nTracerPid:\t0\nNSpid:\t48213\t1\n",
        );
        let o = &f.observed;
        let p = o.server_process().expect("mysqld");
        assert_eq!((p.pid, p.ppid), (48213, Some(0)));
        assert_eq!(o.nspids[0].pids, [48213, 1]);
    }

    #[test]
    fn pstree_gives_parents() {
        let f = facts(
            "$ pstree -p\nsystemd(1)───sh(830)───mysqld(840)─┬─{mysqld}(845)\n                                    └─{mysqld}(846)\n",
        );
        let o = &f.observed;
        let got: Vec<(u32, Option<u32>)> = o.processes.iter().map(|p| (p.pid, p.ppid)).collect();
        assert_eq!(got, [(1, None), (830, Some(1)), (840, Some(830))]);
    }

    #[test]
    fn fixtures_wrapper_and_systemd() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/process/");
        let read = |n: &str| std::fs::read_to_string(format!("{root}{n}")).expect("fixture");
        // A wrapper shell is the parent, the environment says 1: not managed.
        let f = facts(&read("ps-ef-grep-wrapper.txt"));
        let m = f.observed.managed().expect("decidable");
        assert_eq!((m.managed, m.pid, m.ppid), (false, 2240, 2231));
        // systemd is the parent and the unit set 1: managed.
        let text = read("ps-ef-grep-systemd.txt") + &read("environ-tr-systemd.txt");
        let m = facts(&text).observed.managed().expect("decidable");
        assert_eq!((m.managed, m.ppid), (true, 1));
        // A container's PID 1 (`PPid: 0`) whose environment does not set the variable.
        let text = read("proc-status-container-pid1.txt")
            + "$ cat /proc/1/environ\nPATH=/bin\0HOME=/var/lib/mysql\0\n";
        let m = facts(&text).observed.managed().expect("decidable");
        assert_eq!((m.managed, m.ppid), (false, 0));
        assert!(m.parent_pid_var.is_none());
        // The variable lost in a run-on paste is still found.
        let text = read("ps-ef-grep-systemd.txt") + &read("environ-run-on.txt");
        assert_eq!(facts(&text).observed.managed().map(|m| m.managed), Some(true));
        // `pstree -ap`: mysqld_safe is mysqld's parent.
        let f = facts(&read("pstree-ap.txt"));
        let p = f.observed.server_process().expect("mysqld");
        assert_eq!((p.pid, p.ppid), (990, Some(820)));
    }
}
