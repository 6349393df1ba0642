use super::SharedReport;
use super::evidence_view::EvidenceView;
use super::fix_tabs::FixTabs;
use super::rule_docs::RuleDocs;
use crate::state::InputDoc;
use crate::tr::t;
use advisor::i18n::k;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingItemProps {
    pub report: SharedReport,
    pub index: usize,
    pub inputs: Rc<Vec<InputDoc>>,
    pub open: bool,
}

/// One finding: message, evidence, fixes, why (the rule's docs) and references.
#[function_component(FindingItem)]
pub fn finding_item(p: &FindingItemProps) -> Html {
    let lang = p.report.lang;
    let Some(finding) = p.report.findings.get(p.index) else { return html! {} };
    let sev = finding.severity.as_str();
    html! {
        <details class={classes!("finding", sev)} open={p.open} data-rule={finding.rule}>
            <summary>
                <span class={classes!("badge", sev)}>{ t(lang, advisor::i18n::dynamic(format_args!("ui.badge-{sev}"))) }</span>
                <span class="finding-title">{ crate::markdown::code_spans(&finding.title) }</span>
                if let Some(channel) = &finding.channel {
                    <span class="channel">{ advisor::render::channel_label(&p.report, channel) }</span>
                }
                <code class="rule-id">{ finding.rule }</code>
            </summary>
            <div class="finding-body">
                <div class="message">{ crate::markdown::message(&finding.message, lang) }</div>
                if !finding.evidence.is_empty() {
                    <h3>{ t(lang, k::UI_EVIDENCE) }</h3>
                    { for finding.evidence.iter().map(|e| html! {
                        <EvidenceView evidence={e.clone()} inputs={p.inputs.clone()} {lang} />
                    }) }
                }
                if !finding.fixes.is_empty() {
                    <h3>{ t(lang, k::UI_FIXES) }</h3>
                    <FixTabs report={p.report.clone()} index={p.index} />
                }
                <RuleDocs rule={finding.rule} {lang} />
                if !finding.references.is_empty() {
                    <h3 class="references-head">{ t(lang, k::UI_REFERENCES) }</h3>
                    <ul class="references">
                        { for finding.references.iter().map(|r| html! {
                            <li><a href={r.url.clone()} target="_blank" rel="noopener noreferrer">{ r.title.clone() }</a></li>
                        }) }
                    </ul>
                }
            </div>
        </details>
    }
}
