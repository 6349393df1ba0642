//! Tests that loop over the rule registry and the catalog.

use advisor::{Lang, rules};
use std::collections::HashSet;

#[test]
fn rule_ids_are_unique_kebab_case() {
    let mut seen = HashSet::new();
    for r in rules(Lang::En) {
        assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
        assert!(
            r.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "rule id {} is not kebab-case",
            r.id
        );
        let family_prefix = ["restart-", "clone-", "replica-"];
        assert!(family_prefix.iter().any(|p| r.id.starts_with(p)), "rule id {} has no family prefix", r.id);
    }
}

#[test]
fn every_rule_has_docs_and_a_name_in_every_language() {
    const SECTIONS: [&str; 6] = [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Fix safety",
        "## Known problems",
        "## References",
    ];
    for lang in Lang::ALL {
        for r in rules(lang) {
            assert!(
                lang.has(advisor::i18n::dynamic(format_args!("{}.name", r.id))),
                "{} has no name in {}",
                r.id,
                lang.tag()
            );
            assert!(!r.docs.trim().is_empty(), "{} has no docs in {}", r.id, lang.tag());
            assert!(
                lang.has(advisor::i18n::dynamic(format_args!("{}.passed-title", r.id))),
                "{} has no passed-check title in {}",
                r.id,
                lang.tag()
            );
            if lang == Lang::En {
                for s in SECTIONS {
                    assert!(r.docs.contains(s), "{} docs (en) lack section {s:?}", r.id);
                }
            } else {
                // Same structure: as many level-2 headings as the English docs.
                let en = advisor::rule(r.id, Lang::En).expect("same registry");
                let count = |d: &str| d.lines().filter(|l| l.starts_with("## ")).count();
                assert_eq!(
                    count(r.docs),
                    count(en.docs),
                    "{} docs differ in structure ({})",
                    r.id,
                    lang.tag()
                );
                assert_ne!(r.docs, en.docs, "{} zh-CN docs are the English text", r.id);
            }
        }
    }
}

#[test]
fn docs_rules_md_is_current() {
    let generated = advisor::rules_markdown();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).expect("write docs/rules.md");
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test -p advisor --test it registry`"
    );
}

/// A passed check says what holds, not the problem's name (issue 15): "✓ Exit code 16 is
/// restarted", never "✓ Exit code 16 is not restarted". Text that nothing recognises is not
/// "no problems found": the report says nothing was checked.
#[test]
fn passed_checks_say_what_holds_and_garbage_is_not_reassuring() {
    let healthy = include_str!("../../../../web/examples/healthy.txt");
    for lang in Lang::ALL {
        let r =
            advisor::analyze_with(&[advisor::Input::new("terminal", healthy)], &advisor::Options { lang });
        let passed: Vec<&advisor::Check> =
            r.checks.iter().filter(|c| c.status == advisor::CheckStatus::Passed).collect();
        assert!(passed.len() >= 10, "{}", passed.len());
        for c in &passed {
            let name = lang.t(advisor::i18n::dynamic(format_args!("{}.name", c.rule)));
            assert_ne!(c.title, name, "{} passed under its problem's name ({})", c.rule, lang.tag());
        }
        assert!(!r.nothing_recognised());
    }
    let garbage = advisor::analyze(&[advisor::Input::new("x", "hello\nnothing to see here\n")]);
    assert!(garbage.nothing_recognised());
    let text = advisor::render::text(&garbage, &Default::default());
    assert!(text.contains("Nothing was checked") && !text.contains("No problems found"), "{text}");
    assert!(!advisor::analyze(&[advisor::Input::new("x", "")]).nothing_recognised(), "empty is not garbage");
}

/// Issue 15, point 9: one term per concept in the zh-CN catalog (the glossary in the header of
/// `locales/zh-CN/core.ftl`): 克隆 for the clone operation, 崩溃安全 for crash-safe, 从库 for
/// replica, systemd's "unit" untranslated. Code spans, placeholders and quoted names are skipped;
/// so is an ASCII gloss in full-width parentheses ("克隆插件（clone）").
#[test]
fn the_zh_cn_catalog_keeps_to_its_glossary() {
    use advisor::i18n::{keys, raw};
    fn prose(s: &str) -> String {
        let mut out = String::new();
        let mut skip_until: Option<char> = None;
        for c in s.chars() {
            match skip_until {
                Some(end) if c == end => skip_until = None,
                Some(_) => {}
                None => match c {
                    '`' => skip_until = Some('`'),
                    '{' => skip_until = Some('}'),
                    '\'' => skip_until = Some('\''),
                    '"' => skip_until = Some('"'),
                    _ => out.push(c),
                },
            }
        }
        // "（clone）": an ASCII gloss.
        let mut cleaned = String::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find('（') {
            let after = &rest[i + '（'.len_utf8()..];
            match after.find('）') {
                Some(j) if after[..j].is_ascii() => {
                    cleaned.push_str(&rest[..i]);
                    rest = &after[j + '）'.len_utf8()..];
                }
                _ => {
                    cleaned.push_str(&rest[..i + '（'.len_utf8()]);
                    rest = after;
                }
            }
        }
        cleaned.push_str(rest);
        cleaned
    }
    fn word_at(text: &str, word: &str) -> bool {
        text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            let ident =
                |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || "_-./@=%*".contains(c));
            !ident(before) && !ident(after)
        })
    }
    let mut bad = Vec::new();
    for key in keys(Lang::ZhCn) {
        let Some(text) = raw(Lang::ZhCn, key) else { continue };
        let p = prose(text);
        let words = [
            ("clone", word_at(&p, "clone") || word_at(&p, "Clone")),
            ("crash-safe", p.contains("crash-safe") || p.contains("crash safe")),
            ("副本", p.contains("副本")),
            ("单元", p.replace("单元格", "").contains("单元")),
        ];
        for (w, found) in words {
            if found {
                bad.push(format!("{} uses {w:?}: {text}", key.name()));
            }
        }
    }
    assert!(bad.is_empty(), "off the glossary:\n{}", bad.join("\n"));
}
