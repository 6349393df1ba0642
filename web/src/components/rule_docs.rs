use crate::tr::t;
use advisor::Lang;
use advisor::i18n::k;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuleDocsProps {
    pub rule: &'static str,
    pub lang: Lang,
}

/// "Why?": the rule's documentation, collapsed.
#[function_component(RuleDocs)]
pub fn rule_docs(p: &RuleDocsProps) -> Html {
    let Some(info) = advisor::rule(p.rule, p.lang) else { return html! {} };
    if info.docs.trim().is_empty() {
        return html! {};
    }
    let (body, refs) = split_references(info.docs);
    html! {
        <details class="rule-docs">
            <summary>{ t(p.lang, k::UI_WHY) }</summary>
            <div class="docs">
                { crate::markdown::render(body, 4) }
                if !refs.is_empty() {
                    // Not printed: the printed report lists every reference once, at its end.
                    <div class="docs-references">{ crate::markdown::render(refs, 4) }</div>
                }
            </div>
        </details>
    }
}

/// The docs before their "References" section, and that section, when it is the last section
/// (as in every rule's docs; a test checks it). Otherwise the docs whole, and nothing.
fn split_references(docs: &str) -> (&str, &str) {
    let mut at = 0;
    for line in docs.split_inclusive('\n') {
        let heading = line.trim_end();
        if matches!(heading, "## References" | "## 参考资料" | "## 参考") {
            let rest = &docs[at..];
            let end = rest[line.len()..].find("\n## ").map_or(rest.len(), |i| line.len() + i + 1);
            if end == rest.len() {
                return (&docs[..at], rest);
            }
        }
        at += line.len();
    }
    (docs, "")
}

#[cfg(test)]
mod tests {
    use super::split_references;

    #[test]
    fn the_references_section_is_split_off_when_last() {
        let docs = "## What it does\nx\n## References\n- a\n- b\n";
        assert_eq!(split_references(docs), ("## What it does\nx\n", "## References\n- a\n- b\n"));
        assert_eq!(split_references("## 参考资料\n- a\n"), ("", "## 参考资料\n- a\n"));
        let middle = "## References\n- a\n## Example\ny\n";
        assert_eq!(split_references(middle), (middle, ""));
        assert_eq!(split_references("no sections"), ("no sections", ""));
        // Every rule's docs, in both languages, end with their references.
        for lang in advisor::Lang::ALL {
            for rule in advisor::rules(lang) {
                let Some(info) = advisor::rule(rule.id, lang) else { continue };
                let (_, refs) = split_references(info.docs);
                assert!(
                    info.docs.trim().is_empty() || !refs.is_empty(),
                    "{} ({}): no references section last",
                    rule.id,
                    lang.tag()
                );
            }
        }
    }
}
