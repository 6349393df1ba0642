//! Container state observations (`docker ps`, `docker inspect`, `kubectl describe pod`,
//! `kubectl get pod -o yaml|json`): fills `Facts.observed` (containers, exits, restarts, the
//! environment `docker inspect` shows) and adds the configuration these views show to the
//! container definitions, so the restart model predicts from it too.
//!
//! Facts followed (`runtime-and-launchers.md` §7): `Exited (N)` / `Restarting (N)` and
//! `State.ExitCode` are the main process's exit code, so mysqld's; `Restarting` means the restart
//! policy restarted it (§7.1, §7.2); a Kubernetes `Restart Count` above 0 or a `CrashLoopBackOff`
//! means the kubelet restarted it (§7.3); `Last State: Terminated` carries the last exit code.

use super::Facts;
use super::observed::{ContainerState, Ending, Environ, Exit, Observer, Supervised, SupervisorEvent};
use crate::base::DocKind;
use crate::syntax::container_state::SeenContainer;
use crate::syntax::document::{Document, Parsed};

/// True when the container looks like a MySQL-family server (image or container name).
fn looks_mysql(c: &SeenContainer) -> bool {
    let img = c.image.as_ref().map(|i| i.value.to_ascii_lowercase()).unwrap_or_default();
    let name = c.name.as_ref().map(|n| n.value.to_ascii_lowercase()).unwrap_or_default();
    ["mysql", "percona", "mariadb"].iter().any(|k| img.contains(k) || name.contains(k))
}

/// Fills `f.observed` and extends `f.containers.defs` from the state documents, in input order.
pub(crate) fn collect(f: &mut Facts, docs: &[Document]) {
    for d in docs {
        let Parsed::ContainerState(doc) = &d.parsed else { continue };
        let by = if d.kind == DocKind::KubectlPod { Observer::Kubernetes } else { Observer::Docker };
        f.containers.defs.extend(doc.defs.iter().cloned());
        for c in &doc.containers {
            let owner = c.name.as_ref().map(|n| n.value.clone());
            let mysql = looks_mysql(c);
            f.observed.containers.push(ContainerState {
                name: owner.clone(),
                status: c.status.clone(),
                exit_code: c.exit_code.clone(),
                restart_count: c.restart_count.clone(),
                policy: c.policy.clone(),
                reason: c.reason.clone(),
                image: c.image.clone(),
                last_reason: c.last_reason.clone(),
                at: c.at,
                by: Some(by),
            });
            if !c.env.is_empty() {
                f.observed.environs.push(Environ { pid: None, vars: c.env.clone(), at: c.at });
            }
            if !mysql {
                continue;
            }
            let exit = |code: &crate::base::Valued<i32>| Exit {
                ending: Ending::Exited(code.value),
                owner: owner.clone(),
                at: code.at,
                by,
            };
            let status = c.status.as_ref().map(|s| s.value.as_str());
            match by {
                Observer::Docker => {
                    // An exit code is only an exit when the container stopped or is restarting
                    // (`State.ExitCode` of a running container is 0 and means nothing).
                    if matches!(status, Some("exited" | "restarting"))
                        && let Some(code) = &c.exit_code
                    {
                        f.observed.exits.push(exit(code));
                    }
                    let count = c.restart_count.as_ref().map(|n| n.value);
                    if c.restarting || status == Some("restarting") || count.is_some_and(|n| n > 0) {
                        let at = c.status.as_ref().map(|s| s.at).unwrap_or(c.at);
                        f.observed.supervisor.push(Supervised {
                            event: SupervisorEvent::RestartScheduled { counter: count },
                            owner: owner.clone(),
                            at,
                            by,
                        });
                    }
                }
                _ => {
                    for code in [&c.last_exit_code, &c.state_exit_code].into_iter().flatten() {
                        f.observed.exits.push(exit(code));
                    }
                    let count = c.restart_count.as_ref().map(|n| n.value);
                    let backoff = c.reason.as_ref().is_some_and(|r| r.value == "CrashLoopBackOff");
                    if backoff || count.is_some_and(|n| n > 0) {
                        let at = c.restart_count.as_ref().map(|n| n.at).unwrap_or(c.at);
                        f.observed.supervisor.push(Supervised {
                            event: SupervisorEvent::RestartScheduled { counter: count },
                            owner: owner.clone(),
                            at,
                            by,
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect;
    use crate::facts::container::{ContainerSource, ImageFamily};
    use crate::source::Source;

    const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/container-state/");

    fn built(name: &str) -> Facts {
        let text = std::fs::read_to_string(format!("{DIR}{name}")).unwrap_or_default();
        assert!(!text.is_empty(), "{name}");
        let text: &'static str = Box::leak(text.into_boxed_str());
        let sources = vec![Source::new(0, name, text)];
        let docs: Vec<Document> = sources.iter().flat_map(detect::split).collect();
        Facts::build(&sources, &docs)
    }

    fn codes(f: &Facts) -> Vec<(Option<i32>, Option<&str>, Observer)> {
        f.observed.exits.iter().map(|e| (e.ending.code(), e.owner.as_deref(), e.by)).collect()
    }

    fn restarts(f: &Facts) -> Vec<Option<u32>> {
        f.observed
            .supervisor
            .iter()
            .filter_map(|s| match s.event {
                SupervisorEvent::RestartScheduled { counter } => Some(counter),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn docker_ps_rows() {
        let f = built("docker-ps-exited-16.txt");
        assert_eq!(f.observed.containers.len(), 2);
        let c = &f.observed.containers[0];
        assert_eq!(c.name.as_deref(), Some("mysql-replica"));
        assert_eq!(c.status.as_ref().map(|s| s.value.as_str()), Some("exited"));
        assert_eq!(c.exit_code.as_ref().map(|s| s.value), Some(16));
        assert_eq!(c.by, Some(Observer::Docker));
        // Only the MySQL container's exit; nginx is up.
        assert_eq!(codes(&f), vec![(Some(16), Some("mysql-replica"), Observer::Docker)]);
        assert!(restarts(&f).is_empty());

        let f = built("docker-ps-exited-0.txt");
        assert_eq!(codes(&f), vec![(Some(0), Some("mysql-stage"), Observer::Docker)]);

        let f = built("docker-ps-restarting.txt");
        assert_eq!(codes(&f), vec![(Some(16), Some("db-restarting"), Observer::Docker)]);
        assert_eq!(restarts(&f), vec![None]);

        let f = built("docker-ps-healthy.txt");
        assert!(codes(&f).is_empty());
        assert_eq!(f.observed.containers[0].status.as_ref().map(|s| s.value.as_str()), Some("running"));
    }

    #[test]
    fn docker_inspect_state_config_and_environment() {
        let f = built("docker-inspect-on-failure-exit-0.txt");
        let c = &f.observed.containers[0];
        assert_eq!(c.policy.as_ref().map(|p| p.value.as_str()), Some("on-failure"));
        assert_eq!(c.restart_count.as_ref().map(|n| n.value), Some(0));
        assert_eq!(codes(&f), vec![(Some(0), Some("mysql-stage"), Observer::Docker)]);
        assert!(restarts(&f).is_empty());
        // Config.Env → an environment (no PID) and the definition's env.
        let env = &f.observed.environs[0];
        assert_eq!(env.pid, None);
        assert!(env.var("MYSQL_ROOT_PASSWORD").is_some());
        assert!(env.var("MYSQLD_PARENT_PID").is_none());
        // The configuration reaches the container definitions (the restart model reads them).
        let d = f.containers.server().expect("a definition");
        assert_eq!(d.source, ContainerSource::DockerRun);
        assert_eq!(d.name.as_deref(), Some("mysql-stage"));
        assert_eq!(d.restart.as_ref().map(|r| r.value.as_str()), Some("on-failure"));
        assert_eq!(d.command.as_ref().map(|r| r.value.as_str()), Some("mysqld"));
        assert_eq!(d.family().map(|fm| fm.value), Some(ImageFamily::DockerHub));

        let f = built("docker-inspect-always.txt");
        let c = &f.observed.containers[0];
        assert_eq!(c.status.as_ref().map(|s| s.value.as_str()), Some("running"));
        assert!(codes(&f).is_empty(), "a running container's ExitCode is no exit");
        assert_eq!(restarts(&f), vec![Some(1)]);

        // Truncated before Config: the state is still read.
        let f = built("docker-inspect-truncated.txt");
        assert_eq!(codes(&f), vec![(Some(0), Some("mysql-stage"), Observer::Docker)]);
        assert!(f.observed.environs.is_empty());
    }

    #[test]
    fn kubernetes_describe_and_get() {
        let f = built("kubectl-describe-completed-0.txt");
        let c = &f.observed.containers[0];
        assert_eq!(c.by, Some(Observer::Kubernetes));
        assert_eq!(c.status.as_ref().map(|s| s.value.as_str()), Some("Running"));
        assert_eq!(c.last_reason.as_ref().map(|s| s.value.as_str()), Some("Completed"));
        assert_eq!(codes(&f), vec![(Some(0), Some("mysql"), Observer::Kubernetes)]);
        assert_eq!(restarts(&f), vec![Some(3)]);
        let d = f.containers.server().expect("a definition");
        assert_eq!(d.kind.as_deref(), Some("StatefulSet"));
        assert_eq!(d.command.as_ref().map(|r| r.value.as_str()), Some("--server-id=2 --gtid-mode=ON"));

        let f = built("kubectl-describe-error-16.txt");
        assert_eq!(codes(&f), vec![(Some(16), Some("mysql"), Observer::Kubernetes)]);
        assert_eq!(f.observed.containers[0].last_reason.as_ref().map(|s| s.value.as_str()), Some("Error"));

        let f = built("kubectl-describe-crashloop.txt");
        let c = &f.observed.containers[0];
        assert_eq!(c.reason.as_ref().map(|s| s.value.as_str()), Some("CrashLoopBackOff"));
        assert_eq!(c.status.as_ref().map(|s| s.value.as_str()), Some("Waiting"));
        assert_eq!(codes(&f), vec![(Some(1), Some("mysql"), Observer::Kubernetes)]);
        assert_eq!(restarts(&f), vec![Some(5)]);

        let f = built("kubectl-get-pod.yaml.txt");
        let c = &f.observed.containers[0];
        assert_eq!(c.policy.as_ref().map(|s| s.value.as_str()), Some("Always"));
        assert_eq!(c.restart_count.as_ref().map(|n| n.value), Some(3));
        assert_eq!(codes(&f), vec![(Some(0), Some("mysql"), Observer::Kubernetes)]);
        // The spec, as the Kubernetes spec reader reads it.
        let d = f.containers.server().expect("a definition");
        assert_eq!(d.source, ContainerSource::Kubernetes);
        assert_eq!(d.restart.as_ref().map(|r| r.value.as_str()), Some("Always"));
        assert!(d.env("MYSQL_ROOT_PASSWORD").is_some());

        let f = built("kubectl-get-pod.json.txt");
        let c = &f.observed.containers[0];
        assert_eq!(c.last_reason.as_ref().map(|s| s.value.as_str()), Some("Error"));
        assert_eq!(codes(&f), vec![(Some(16), Some("mysql"), Observer::Kubernetes)]);
        let d = f.containers.server().expect("a definition");
        assert_eq!(d.kind.as_deref(), Some("StatefulSet"));
        assert_eq!(d.family().map(|fm| fm.value), Some(ImageFamily::Oracle));
        assert_eq!(d.env("MYSQL_PASSWORD").map(|v| v.value.as_str()), Some("$(valueFrom)"));
    }

    #[test]
    fn docker_logs_reach_the_log_and_entrypoint_facts() {
        let f = built("docker-logs.txt");
        assert_eq!(f.containers.log_family.as_ref().map(|v| v.value), Some(ImageFamily::DockerHub));
        assert!(!f.log_events.is_empty());
        assert!(f.observed.containers.is_empty());
    }
}
