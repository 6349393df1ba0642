//! The container case of the launch model: `docker run`, compose and Kubernetes definitions, the
//! image's entrypoint, and only the entrypoint's log lines (`runtime-and-launchers.md` §7, §8;
//! `mysql-facts.md` §6).

use super::command::{self as supervisor, Mode, PidExpr, Program};
use super::{
    CheckWhy, Exit16Why, Expected, Link, Model, Parent, PidOrigin, PidValue, ScriptInfo, Supervisor, Tri,
    apply_script_value, command_links, decide_check, is_mariadb, script_parent,
};
use crate::facts::container::{ContainerDef, ContainerSource, ImageFamily, OperatorKind};
use crate::facts::{Facts, Loc, Valued};

fn container_family(c: &ContainerDef) -> Option<ImageFamily> {
    c.family().map(|f| f.value)
}

/// The container case (§6): the entrypoint (the container's `--entrypoint` / `entrypoint:` /
/// `command:`, else the pasted Dockerfile's `ENTRYPOINT`) and command are followed through an init
/// (`tini`, `dumb-init`: they fork and stay PID 1), a pasted entrypoint script (`exec "$@"`, `env
/// MYSQLD_PARENT_PID=$$ "$@"`, `exec gosu mysql "$@"`…) to mysqld. mysqld as PID 1 has parent 0
/// (its parent is outside the PID namespace, `getppid()` is 0); under an init, the init's PID 1.
/// Kubernetes `shareProcessNamespace: true` makes the pause container PID 1, but the container's
/// first process is still started from outside the namespace by the runtime, so its parent is 0
/// too (Kubernetes "Share Process Namespace between Containers in a Pod" shows `/pause` as PID 1;
/// the parent 0 of the container process is inferred from pid_namespaces(7), not observed).
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
    let env_value = c.env("MYSQLD_PARENT_PID").map(|v| PidValue {
        expr: PidExpr::parse(&v.value),
        origin: PidOrigin::ContainerEnv,
        at: Some(v.at),
    });
    if init_at.is_some() {
        m.chain.push(Link { name: "docker-init".into(), execs: false, at: init_at });
    }

    // A replaced entrypoint decides by itself.
    if let Some(ep) = &c.entrypoint {
        let cmdline = match &c.command {
            Some(cmd) => format!("{} {}", ep.value, cmd.value),
            None => ep.value.clone(),
        };
        let l = supervisor::analyze_command(&cmdline, Mode::Sh);
        // An init in the entrypoint is PID 1 (the entrypoint is the container's first process).
        let init = init_at.or(l.init.as_ref().map(|_| ep.at));
        let pid1 = |init: Option<Loc>| match init {
            Some(at) => (Parent::ContainerInit { at: Some(at) }, Expected::One),
            None => (Parent::ContainerPid1, Expected::Zero),
        };
        let (parent, exp) = pid1(init);
        let mut value = env_value.clone();
        let cmd_launch = c.command.as_ref().map(|cmd| supervisor::analyze_command(&cmd.value, Mode::Sh));
        match (&l.program, &l.forking) {
            (Program::Mysqld | Program::Mariadbd, None) if l.daemonize != Some(true) => {
                m.parent = parent;
                m.expected = Some(exp);
                m.chain.extend(command_links(&l, Some(ep.at), None));
            }
            (Program::MysqldSafe, _) => {
                m.parent = Parent::MysqldSafe { at: Some(ep.at) };
                m.chain.extend(command_links(&l, Some(ep.at), None));
            }
            (Program::Other(path), None) => match f.containers.script(path) {
                Some(file) => {
                    let s = file.script.clone();
                    let p = script_parent(&s, Some(file.at), false, path);
                    apply_script_value(&mut value, &s, Some(file.at));
                    // Point at the assignment itself, not the whole script.
                    if let (Some(v), Some((_, a, b))) = (value.as_mut(), &s.parent_pid)
                        && v.origin == PidOrigin::Script
                    {
                        v.at = Some(Loc {
                            input: file.at.input,
                            range: crate::text::TextRange::new(
                                file.at.range.start + *a as u32,
                                file.at.range.start + *b as u32,
                            ),
                        });
                    }
                    // `exec tini -- mysqld` inside the script: the init takes the script's PID 1.
                    let inner_init = s.launch.as_ref().is_some_and(|x| x.exec && x.launch.init.is_some());
                    let (parent, exp) = if inner_init && init.is_none() {
                        pid1(s.launch.as_ref().map(|x| Loc {
                            input: file.at.input,
                            range: crate::text::TextRange::new(
                                file.at.range.start + x.start as u32,
                                file.at.range.start + x.end as u32,
                            ),
                        }))
                    } else {
                        (parent, exp)
                    };
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
                    let script_ref = (path.as_str(), &s, file.at);
                    m.chain.extend(command_links(&l, Some(ep.at), Some(script_ref)));
                    let runs_args = s.launch.as_ref().is_some_and(|x| x.launch.program == Program::Args);
                    if s.stopped.is_none()
                        && (s.exec_args || runs_args)
                        && let Some(cl) = &cmd_launch
                    {
                        m.chain.extend(command_links(cl, c.command.as_ref().map(|x| x.at), None));
                    }
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
                None => {
                    m.chain.extend(command_links(&l, Some(ep.at), None));
                    // Docker Hub's and Oracle's own entrypoints, not pasted: their known behaviour.
                    let own = matches!(family, Some(ImageFamily::DockerHub | ImageFamily::Oracle))
                        && supervisor::basename(path).ends_with("entrypoint.sh");
                    if own {
                        return image_default(m, family, (parent, exp), env_value, c);
                    }
                    m.parent = Parent::UnknownScript { path: path.clone(), at: Some(ep.at) }
                }
            },
            (_, Some(w)) => {
                m.parent = Parent::Wrapper { name: w.clone(), at: Some(ep.at), shell: false };
                m.expected = Some(Expected::WrapperPid);
                m.chain.extend(command_links(&l, Some(ep.at), None));
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
    let pid1 = match init_at {
        Some(at) => (Parent::ContainerInit { at: Some(at) }, Expected::One),
        None => (Parent::ContainerPid1, Expected::Zero),
    };
    image_default(m, family, pid1, env_value, c)
}

/// The image's own entrypoint (not replaced, or named but not pasted): Oracle's sets the variable
/// from `/proc/$$/stat`, Docker Hub's never does; others are not known.
fn image_default(
    mut m: Model,
    family: Option<ImageFamily>,
    (parent, exp): (Parent, Expected),
    env_value: Option<PidValue>,
    c: &ContainerDef,
) -> Model {
    match family {
        Some(ImageFamily::Oracle) => {
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

/// A MySQL operator's custom resource (`runtime-and-launchers.md` §8.4, §8.5): the operator's
/// StatefulSet runs mysqld under the kubelet (`restartPolicy: Always`). Oracle's operator uses
/// Oracle's image (the variable set from `/proc/$$/stat`) and relies on exit 16 and the kubelet;
/// Percona's runs its own entrypoint (no variable), and in async mode its bootstrap takes ERROR
/// 3707 for a finished clone and restarts the container itself; Percona XtraDB Cluster is Galera
/// (state transfers, no clone).
pub(super) fn operator(f: &Facts, op: &crate::facts::container::Operator) -> Model {
    let mut m = Model::new(Supervisor::Operator { kind: op.kind, at: op.at });
    m.mariadb = is_mariadb(f, None);
    m.exit16 = Tri::Yes;
    m.exit16_why = Exit16Why::ContainerPolicy { policy: None, default: "Always" };
    m.parent = Parent::ContainerPid1;
    m.expected = Some(Expected::Zero);
    match op.kind {
        OperatorKind::InnoDbCluster => {
            let fam =
                op.image.as_ref().map(|i| ImageFamily::of_image(&i.value)).unwrap_or(ImageFamily::Oracle);
            if fam == ImageFamily::Oracle {
                m.value = Some(PidValue {
                    expr: PidExpr::ShellParent,
                    origin: PidOrigin::OracleEntrypoint,
                    at: Some(op.image.as_ref().map(|i| i.at).unwrap_or(op.at)),
                });
                m.check = Tri::Yes;
                m.check_why = CheckWhy::OracleImage;
            } else {
                m.check = Tri::Unknown;
                m.check_why = CheckWhy::ParentUnknown;
            }
        }
        OperatorKind::PerconaServerMySql => {
            // mysqld's own check fails (no variable), but the operator handles ERROR 3707 in async
            // mode: the verdict decides, no finding says "fails".
            m.check = Tri::Unknown;
            m.check_why = CheckWhy::NoInput;
        }
        OperatorKind::PerconaXtraDbCluster => {
            m.check = Tri::Unknown;
            m.check_why = CheckWhy::NoInput;
        }
    }
    m
}

fn set_policy(m: &mut Model, c: &ContainerDef) {
    if let Parent::MysqldSafe { .. } = m.parent {
        m.exit16 = Tri::Yes;
        m.exit16_why = Exit16Why::MysqldSafe;
        return;
    }
    if c.source == ContainerSource::Dockerfile {
        // A Dockerfile says nothing of how its containers are run.
        m.exit16 = Tri::Unknown;
        m.exit16_why = Exit16Why::Unknown;
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
