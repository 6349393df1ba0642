//! The Examples menu: realistic scenarios; `?example=<id>` loads one.

use advisor::i18n::{Key, k};

/// One example: an id for `?example=`, a catalog key for its name, and the pasted text (its
/// inputs unnamed: the boxes show them as "input N" in the page's language).
pub struct Example {
    pub id: &'static str,
    pub name: Key,
    pub inputs: &'static [(&'static str, &'static str)],
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "clone-3707",
        name: k::UI_EXAMPLE_CLONE_3707,
        inputs: &[("", include_str!("../examples/clone-3707.txt"))],
    },
    Example {
        id: "docker-official",
        name: k::UI_EXAMPLE_DOCKER_OFFICIAL,
        inputs: &[("", include_str!("../examples/docker-official.txt"))],
    },
    Example {
        id: "supervisord-3707",
        name: k::UI_EXAMPLE_SUPERVISORD_3707,
        inputs: &[("", include_str!("../examples/supervisord-3707.txt"))],
    },
    Example {
        id: "cluster-timeout",
        name: k::UI_EXAMPLE_CLUSTER_TIMEOUT,
        inputs: &[("", include_str!("../examples/cluster-timeout.txt"))],
    },
    Example {
        id: "stays-down",
        name: k::UI_EXAMPLE_STAYS_DOWN,
        inputs: &[("", include_str!("../examples/stays-down.txt"))],
    },
    Example {
        id: "replica-crash-unsafe",
        name: k::UI_EXAMPLE_REPLICA_CRASH_UNSAFE,
        inputs: &[("", include_str!("../examples/replica-crash-unsafe.txt"))],
    },
    Example {
        id: "replica-crash-safe",
        name: k::UI_EXAMPLE_REPLICA_CRASH_SAFE,
        inputs: &[("", include_str!("../examples/replica-crash-safe.txt"))],
    },
    Example {
        id: "healthy",
        name: k::UI_EXAMPLE_HEALTHY,
        inputs: &[("", include_str!("../examples/healthy.txt"))],
    },
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use advisor::{Input, analyze};

    #[test]
    fn every_example_is_recognised() {
        for ex in EXAMPLES {
            let inputs: Vec<Input> = ex.inputs.iter().map(|(n, t)| Input::new(*n, *t)).collect();
            let report = analyze(&inputs);
            assert!(!report.documents.is_empty(), "{}: nothing recognised", ex.id);
            for lang in advisor::Lang::ALL {
                assert!(lang.has(ex.name), "{}: no name in {}", ex.id, lang.tag());
            }
        }
        assert!(find("clone-3707").is_some());
    }

    /// The menu's non-systemd launcher (issue 13): supervisord, diagnosed, with its own fix.
    #[test]
    fn the_supervisord_example_fails_with_a_launcher_fix() {
        let ex = find("supervisord-3707").expect("registered");
        let inputs: Vec<Input> = ex.inputs.iter().map(|(n, t)| Input::new(*n, *t)).collect();
        let report = analyze(&inputs);
        assert_eq!(report.verdicts.clone_restart, advisor::CloneRestart::Fails);
        assert!(
            report.verdict_notes.clone_restart.reasons.iter().any(|r| r.contains("supervisord → mysqld"))
        );
        let f = report.findings.iter().find(|f| f.rule == "restart-unsupervised").expect("fires");
        let fix =
            f.fixes.iter().find(|x| x.target == advisor::FixTarget::LauncherFile).expect("a launcher fix");
        assert_eq!(fix.file_name.as_deref(), Some("/etc/supervisor/conf.d/mysqld.conf"));
        assert!(
            fix.text
                .contains("MYSQLD_PARENT_PID=$PPID exec /usr/sbin/mysqld --defaults-file=/etc/mysql/my.cnf")
        );
        // Pasted over the section in the transcript, the fix clears the finding.
        let text = ex.inputs[0].1;
        let (start, end) = (text.find("[program:mysqld]").unwrap(), text.find("\n\n$ mysql").unwrap() + 1);
        let fixed = format!("{}{}{}", &text[..start], fix.text, &text[end..]);
        let again = analyze(&[Input::new("terminal", fixed)]);
        assert!(again.findings.iter().all(|f| f.rule != "restart-unsupervised"), "{:?}", again.findings);
    }

    #[test]
    fn the_crash_safe_replica_examples_are_crash_safe() {
        for id in ["replica-crash-safe", "healthy"] {
            let ex = find(id).expect("registered");
            let inputs: Vec<Input> = ex.inputs.iter().map(|(n, t)| Input::new(*n, *t)).collect();
            let report = analyze(&inputs);
            assert_eq!(report.verdicts.replica_crash_safe, advisor::CrashSafe::Yes, "{id}");
        }
        // The healthy set-up's name also promises a working clone restart.
        let ex = find("healthy").expect("registered");
        let inputs: Vec<Input> = ex.inputs.iter().map(|(n, t)| Input::new(*n, *t)).collect();
        assert_eq!(analyze(&inputs).verdicts.clone_restart, advisor::CloneRestart::Works);
    }
}
