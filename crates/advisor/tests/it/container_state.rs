//! Container state (`docker ps`, `docker inspect`, `kubectl describe pod`, `kubectl get pod -o
//! yaml|json`): the documents recognised in real-shaped output, near-misses that stay what they
//! were, and secrets masked in every output.

use crate::support::recognised;
use advisor::{DocKind, Input, Lang, Options, analyze_with, render};

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../../tests/fixtures/container-state/", $name)))
    };
}

const FIXTURES: &[(&str, &str)] = &[
    fixture!("docker-ps-exited-16.txt"),
    fixture!("docker-ps-exited-0.txt"),
    fixture!("docker-ps-restarting.txt"),
    fixture!("docker-ps-healthy.txt"),
    fixture!("docker-inspect-on-failure-exit-0.txt"),
    fixture!("docker-inspect-always.txt"),
    fixture!("docker-inspect-truncated.txt"),
    fixture!("docker-logs.txt"),
    fixture!("kubectl-describe-completed-0.txt"),
    fixture!("kubectl-describe-error-16.txt"),
    fixture!("kubectl-describe-crashloop.txt"),
    fixture!("kubectl-get-pod.yaml.txt"),
    fixture!("kubectl-get-pod.json.txt"),
    fixture!("docker-images.txt"),
    fixture!("kubectl-get-pods.txt"),
    fixture!("compose.yml"),
];

fn kinds(name: &str, text: &str) -> Vec<DocKind> {
    let r = analyze_with(&[Input::new(name, text)], &Options::default());
    r.documents.iter().map(|d| d.kind).collect()
}

#[test]
fn each_fixture_is_recognised_as_its_kind() {
    use DocKind::*;
    let want: &[(&str, &[DocKind])] = &[
        ("docker-ps-exited-16.txt", &[DockerPs]),
        ("docker-ps-exited-0.txt", &[DockerPs]),
        ("docker-ps-restarting.txt", &[DockerPs]),
        ("docker-ps-healthy.txt", &[DockerPs]),
        ("docker-inspect-on-failure-exit-0.txt", &[DockerInspect]),
        ("docker-inspect-always.txt", &[DockerInspect]),
        ("docker-inspect-truncated.txt", &[DockerInspect]),
        // The entrypoint's lines reach the container facts, mysqld's the error log.
        ("docker-logs.txt", &[Container, ErrorLog]),
        ("kubectl-describe-completed-0.txt", &[KubectlPod]),
        ("kubectl-describe-error-16.txt", &[KubectlPod]),
        ("kubectl-describe-crashloop.txt", &[KubectlPod]),
        ("kubectl-get-pod.yaml.txt", &[KubectlPod]),
        ("kubectl-get-pod.json.txt", &[KubectlPod]),
        // Near-misses.
        ("docker-images.txt", &[Unrecognized]),
        ("kubectl-get-pods.txt", &[Unrecognized]),
        ("compose.yml", &[Container]),
    ];
    for (name, kinds_wanted) in want {
        let text = FIXTURES.iter().find(|(n, _)| n == name).map(|(_, t)| *t).unwrap_or_default();
        assert_eq!(&kinds(name, text), kinds_wanted, "{name}");
    }
}

#[test]
fn labels_and_problems() {
    let shown: String = FIXTURES
        .iter()
        .map(|(n, t)| {
            let r = analyze_with(&[Input::new(*n, *t)], &Options::default());
            recognised(&r, |k| matches!(k, DocKind::DockerPs | DocKind::DockerInspect | DocKind::KubectlPod))
        })
        .collect();
    assert!(shown.contains("docker-inspect | docker inspect mysql-stage"), "{shown}");
    assert!(shown.contains("kubectl-pod | kubectl pod mysql-2"), "{shown}");
    assert!(shown.contains("kubectl-pod | kubectl pod mysql-3"), "{shown}");
    assert!(shown.contains("The JSON stops before it is complete"), "{shown}");
    // Only the truncated paste has a problem.
    assert_eq!(shown.matches("    ! ").count(), 1, "{shown}");
}

#[test]
fn the_state_kinds_sit_among_other_output() {
    let text = "$ docker ps -a\nCONTAINER ID   IMAGE          COMMAND                  CREATED          STATUS                     PORTS     NAMES\n4f1e9c7b2d0a   mysql:8.0.36   \"docker-entrypoint.s…\"   43 minutes ago   Exited (0) 2 minutes ago             mysql-stage\n$ docker logs mysql-stage 2>&1 | tail -n 1\n2024-03-12T10:44:51.330071Z 9 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n";
    assert_eq!(kinds("input 1", text), vec![DocKind::DockerPs, DocKind::ErrorLog]);
}

#[test]
fn secrets_are_masked_in_every_output() {
    for (name, text) in FIXTURES {
        for lang in Lang::ALL {
            let r = analyze_with(&[Input::new(*name, *text)], &Options { lang });
            let outputs =
                [r.to_json(), render::markdown(&r), render::text(&r, &render::TextOptions { color: false })];
            for out in outputs {
                assert!(!out.contains("Sup3rS3cret"), "{name} ({lang:?}): password leaked");
            }
        }
    }
}
