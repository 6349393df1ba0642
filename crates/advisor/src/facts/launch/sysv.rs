//! The SysV init case of the launch model: `/etc/init.d/mysql`, `mysql.server`
//! (`mysql-facts.md` §5, from `scripts/mysqld_safe.sh` and `support-files/mysql.server.sh` of
//! mysql-server 8.0.45). `mysql.server` starts `mysqld_safe … &`; mysqld_safe runs mysqld as
//! `env MYSQLD_PARENT_PID=$$ …` and loops: exit 16 always starts it again, another code only
//! while the pid file still exists (a crash), and never once `$pid_file.shutdown` exists. A script
//! that starts mysqld itself in the background leaves it without a supervisor: nothing restarts it.

use super::command::Program;
use super::services::ServiceFile;
use super::{CheckWhy, Exit16Why, Link, Model, Parent, PidExpr, PidOrigin, PidValue, Supervisor, Tri};
use crate::facts::Facts;

/// The SysV case.
pub(super) fn sysv(f: &Facts, sf: &ServiceFile) -> Model {
    let mut m = Model::new(Supervisor::SysV { path: sf.name.clone() });
    m.chain.push(Link { name: "init".into(), execs: false, at: None });
    super::runit::script_model(f, &mut m, sf, "init");
    let safe = sf.script.launch.as_ref().is_some_and(|l| l.launch.program == Program::MysqldSafe);
    if safe && !matches!(m.check_why, CheckWhy::CannotTell { .. }) {
        let at = m.exec.as_ref().map(|e| e.0.at);
        m.parent = Parent::MysqldSafe { at };
        m.value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at });
        (m.check, m.check_why) = (Tri::Yes, CheckWhy::MysqldSafe);
        (m.exit16, m.exit16_why) = (Tri::Yes, Exit16Why::MysqldSafe);
        return m;
    }
    // mysqld started by the script itself: reparented to init once the script exits, and nothing
    // starts it again.
    if let Parent::Wrapper { shell: true, at, .. } = m.parent.clone()
        && sf.script.launch.as_ref().is_some_and(|l| l.background)
    {
        m.parent = Parent::Reparented { at };
        m.expected = Some(super::Expected::One);
        (m.check, m.check_why) = super::decide_check(&m.parent, m.expected, m.value.as_ref(), None);
    }
    if matches!(m.check_why, CheckWhy::CannotTell { .. }) || sf.script.launch.is_none() {
        return m;
    }
    (m.exit16, m.exit16_why) = (Tri::No, Exit16Why::Unsupervised);
    m
}
