//! UI strings: every text the page shows comes from `crates/advisor/locales/<lang>/ui.ftl`.

use advisor::Lang;
use advisor::i18n::Key;

/// The UI message `key` (`k::UI_…`).
pub fn t(lang: Lang, key: Key) -> String {
    lang.t(key)
}

/// The UI message `key` (`k::UI_…`) with `{name}` placeholders.
pub fn f(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    lang.fmt(key, args)
}

#[cfg(test)]
mod tests {
    use advisor::Lang;
    use advisor::i18n::Key;

    /// Every `ui.` key the page builds at run time (`advisor::i18n::dynamic`) exists in both
    /// catalogs. The other keys are `k::UI_…` constants: the compiler checks those.
    #[test]
    fn every_dynamic_ui_key_exists_in_both_languages() {
        let mut keys = Vec::new();
        for sev in ["error", "warning", "info"] {
            keys.push(format!("severity-{sev}"));
            keys.push(format!("badge-{sev}"));
        }
        for t in ["systemd-dropin", "my-cnf", "sql", "shell", "launcher-file"] {
            keys.push(format!("target-{t}"));
        }
        for a in ["safe", "needs-review", "display-only"] {
            keys.push(format!("applicability-{a}"));
        }
        for c in ["passed", "unknown", "not-applicable", "fired"] {
            keys.push(format!("check-{c}"));
        }
        for v in ["works", "fails", "stays-down", "unknown"] {
            keys.push(format!("verdict-clone-{v}"));
        }
        for v in ["yes", "no", "unknown"] {
            keys.push(format!("verdict-replica-{v}"));
        }
        for key in keys {
            let key = Key::lookup(&format!("ui.{key}")).unwrap_or_else(|| panic!("no catalog key ui.{key}"));
            for lang in Lang::ALL {
                assert!(lang.has(key), "{key:?} missing in {}", lang.tag());
            }
        }
    }
}
