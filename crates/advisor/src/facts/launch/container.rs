//! The container case of the launch model: `docker run`, compose and Kubernetes definitions, the
//! image's entrypoint, and only the entrypoint's log lines (`runtime-and-launchers.md` §7, §8;
//! `mysql-facts.md` §6).

use super::command::{self as supervisor, Mode, PidExpr, Program};
use super::{
    CheckWhy, Exit16Why, Expected, Model, Parent, PidOrigin, PidValue, ScriptInfo, Supervisor, Tri,
    apply_script_value, decide_check, is_mariadb, script_parent,
};
use crate::facts::container::{ContainerDef, ContainerSource, ImageFamily};
use crate::facts::{Facts, Valued};

fn container_family(c: &ContainerDef) -> Option<ImageFamily> {
    c.family().map(|f| f.value)
}

/// The container case (§6).
pub(crate) fn container(f: &Facts, c: &ContainerDef) -> Model {
    let mut family = container_family(c);
    if family.is_none_or(|x| x == ImageFamily::Other)
        && let Some(lf) = &f.containers.log_family
    {
        family = Some(lf.value);
    }
    let mut m = Model::new(Supervisor::Container { source: c.source, family });
    m.mariadb = family == Some(ImageFamily::MariaDb) || is_mariadb(f, None);
    let init_at = c.init.as_ref().filter(|i| i.value).map(|i| i.at);
    let pid1_parent = || match init_at {
        Some(at) => (Parent::ContainerInit { at: Some(at) }, Expected::One),
        None => (Parent::ContainerPid1, Expected::Zero),
    };
    let env_value = c.env("MYSQLD_PARENT_PID").map(|v| PidValue {
        expr: PidExpr::Literal(v.value.clone()),
        origin: PidOrigin::ContainerEnv,
        at: Some(v.at),
    });

    // A replaced entrypoint decides by itself.
    if let Some(ep) = &c.entrypoint {
        let cmdline = match &c.command {
            Some(cmd) => format!("{} {}", ep.value, cmd.value),
            None => ep.value.clone(),
        };
        let l = supervisor::analyze_command(&cmdline, Mode::Sh);
        let (parent, exp) = pid1_parent();
        let mut value = env_value.clone();
        match (&l.program, &l.forking) {
            (Program::Mysqld | Program::Mariadbd, None) if l.daemonize != Some(true) => {
                m.parent = parent;
                m.expected = Some(exp);
            }
            (Program::MysqldSafe, _) => m.parent = Parent::MysqldSafe { at: Some(ep.at) },
            (Program::Other(path), None) => match f.containers.script(path) {
                Some(file) => {
                    let s = file.script.clone();
                    let p = script_parent(&s, Some(file.at), false, path);
                    apply_script_value(&mut value, &s, Some(file.at));
                    m.parent = match p {
                        Parent::Manager => parent,
                        other => other,
                    };
                    m.expected = match &m.parent {
                        Parent::ContainerPid1 | Parent::ContainerInit { .. } => Some(exp),
                        Parent::Wrapper { shell: true, .. } => Some(Expected::ShellPid),
                        _ => None,
                    };
                    let exec = s.launch.as_ref().map(|x| x.exec);
                    m.script = Some(ScriptInfo {
                        path: path.clone(),
                        at: file.at,
                        text: file.text.clone(),
                        script: s,
                    });
                    m.value = value;
                    let (ck, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), exec);
                    m.check = ck;
                    m.check_why = why;
                    set_policy(&mut m, c);
                    return m;
                }
                None => m.parent = Parent::UnknownScript { path: path.clone(), at: Some(ep.at) },
            },
            (_, Some(w)) => {
                m.parent = Parent::Wrapper { name: w.clone(), at: Some(ep.at), shell: false };
                m.expected = Some(Expected::WrapperPid);
            }
            _ => m.parent = Parent::Unknown,
        }
        if let Parent::MysqldSafe { at } = m.parent {
            value = Some(PidValue { expr: PidExpr::ShellPid, origin: PidOrigin::MysqldSafe, at });
        }
        m.value = value;
        let (ck, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), None);
        m.check = ck;
        m.check_why = why;
        set_policy(&mut m, c);
        return m;
    }

    match family {
        Some(ImageFamily::Oracle) => {
            let (parent, exp) = pid1_parent();
            m.parent = parent;
            m.expected = Some(exp);
            m.value = Some(PidValue {
                expr: PidExpr::ShellParent,
                origin: PidOrigin::OracleEntrypoint,
                at: c.image.as_ref().map(|i| i.at),
            });
            m.check = Tri::Yes;
            m.check_why = CheckWhy::OracleImage;
        }
        Some(ImageFamily::DockerHub) => {
            let (parent, exp) = pid1_parent();
            m.parent = parent;
            m.expected = Some(exp);
            m.value = env_value;
            let (ck, why) = decide_check(&m.parent, m.expected, m.value.as_ref(), None);
            m.check = ck;
            m.check_why = why;
        }
        _ => {
            m.parent = Parent::Unknown;
            m.value = env_value;
            m.check = Tri::Unknown;
            m.check_why = CheckWhy::ParentUnknown;
        }
    }
    set_policy(&mut m, c);
    m
}

fn set_policy(m: &mut Model, c: &ContainerDef) {
    if let Parent::MysqldSafe { .. } = m.parent {
        m.exit16 = Tri::Yes;
        m.exit16_why = Exit16Why::MysqldSafe;
        return;
    }
    let (yes, default) = container_restarts(c);
    m.exit16 = if yes { Tri::Yes } else { Tri::No };
    m.exit16_why = Exit16Why::ContainerPolicy { policy: c.restart.clone(), default };
}

/// Whether the container is restarted after its main process exits with 16, and the default
/// policy name used when none is written.
pub(crate) fn container_restarts(c: &ContainerDef) -> (bool, &'static str) {
    match c.source {
        ContainerSource::Kubernetes => {
            let controller = c.kind.as_deref().is_some_and(|k| k != "Pod");
            let p = c.restart.as_ref().map(|r| r.value.as_str()).unwrap_or("Always");
            (controller || p == "Always" || p == "OnFailure", "Always")
        }
        _ => {
            let p = c
                .restart
                .as_ref()
                .map(|r| r.value.trim_matches(['"', '\'']).to_owned())
                .unwrap_or_else(|| "no".into());
            let yes = p == "always" || p == "unless-stopped" || p.starts_with("on-failure");
            (yes, "no")
        }
    }
}

pub(super) fn container_log(fam: &Valued<ImageFamily>) -> Model {
    let mut m = Model::new(Supervisor::ContainerLog { family: fam.value });
    match fam.value {
        ImageFamily::Oracle => {
            m.parent = Parent::ContainerPid1;
            m.expected = Some(Expected::Zero);
            m.value = Some(PidValue {
                expr: PidExpr::ShellParent,
                origin: PidOrigin::OracleEntrypoint,
                at: Some(fam.at),
            });
            m.check = Tri::Yes;
            m.check_why = CheckWhy::OracleImage;
        }
        ImageFamily::DockerHub => {
            m.parent = Parent::ContainerPid1;
            m.expected = Some(Expected::Zero);
            m.check = Tri::No;
            m.check_why = CheckWhy::Missing;
        }
        ImageFamily::MariaDb => m.mariadb = true,
        _ => {}
    }
    m
}
