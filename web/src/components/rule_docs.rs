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
    html! {
        <details class="rule-docs">
            <summary>{ t(p.lang, k::UI_WHY) }</summary>
            <div class="docs">{ crate::markdown::render(info.docs, 4) }</div>
        </details>
    }
}
