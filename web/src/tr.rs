//! UI strings: every text the page shows comes from `crates/advisor/locales/<lang>/ui.ftl`.

use advisor::Lang;

/// The UI message `ui.<key>`.
pub fn t(lang: Lang, key: &str) -> String {
    lang.t(&format!("ui.{key}"))
}

/// The UI message `ui.<key>` with `{name}` placeholders.
pub fn f(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    lang.fmt(&format!("ui.{key}"), args)
}

#[cfg(test)]
mod tests {
    use advisor::Lang;

    /// Every `t(lang, "key")` / `f(lang, "key", …)` in the page's sources exists in both catalogs.
    #[test]
    fn every_ui_key_exists_in_both_languages() {
        let mut keys = vec![
            "theme-to-dark".to_owned(),
            "theme-to-light".to_owned(),
            "evidence-at-lines".to_owned(),
            "verdict-reasons".to_owned(),
            "verdict-clone-works".to_owned(),
            "verdict-clone-fails".to_owned(),
            "verdict-clone-stays-down".to_owned(),
            "verdict-clone-unknown".to_owned(),
            "verdict-replica-yes".to_owned(),
            "verdict-replica-no".to_owned(),
            "verdict-replica-unknown".to_owned(),
        ];
        for sev in ["error", "warning", "info"] {
            keys.push(format!("severity-{sev}"));
            keys.push(format!("badge-{sev}"));
        }
        for t in ["systemd-dropin", "my-cnf", "sql", "shell"] {
            keys.push(format!("target-{t}"));
        }
        for a in ["safe", "needs-review", "display-only"] {
            keys.push(format!("applicability-{a}"));
        }
        for c in ["passed", "unknown", "not-applicable", "fired"] {
            keys.push(format!("check-{c}"));
        }
        for ex in crate::examples::EXAMPLES {
            keys.push(format!("example-{}", ex.id));
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(p) = stack.pop() {
            for entry in std::fs::read_dir(&p).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tr.rs") {
                    let src = std::fs::read_to_string(&path).unwrap();
                    for pat in ["t(lang, \"", "f(lang, \"", "t(p.lang, \""] {
                        for (i, _) in src.match_indices(pat) {
                            let rest = &src[i + pat.len()..];
                            keys.push(rest[..rest.find('"').unwrap()].to_owned());
                        }
                    }
                }
            }
        }
        assert!(keys.len() > 60, "the scan found too few keys: {}", keys.len());
        for key in keys {
            for lang in Lang::ALL {
                assert!(lang.has(&format!("ui.{key}")), "ui.{key} missing in {}", lang.tag());
            }
        }
    }
}
