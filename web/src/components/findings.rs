use super::SharedReport;
use super::finding_item::FindingItem;
use crate::state::InputDoc;
use crate::tr::{f, t};
use advisor::Severity;
use advisor::i18n::k;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub report: SharedReport,
    /// The texts the report was made from (for context lines and jumps).
    pub inputs: Rc<Vec<InputDoc>>,
}

/// Findings grouped by severity, most severe first.
#[function_component(Findings)]
pub fn findings(p: &FindingsProps) -> Html {
    let lang = p.report.lang;
    if p.report.findings.is_empty() && p.report.nothing_recognised() {
        // Not "no problems found": nothing was checked (issue 15). What can be pasted instead.
        const PASTE: &[&str] = &[
            "systemctl cat mysqld",
            "journalctl -u mysqld --since today",
            "docker inspect <container>",
            "kubectl get pod <pod> -o yaml",
            "cat /etc/supervisor/conf.d/mysqld.conf",
            "SHOW REPLICA STATUS\\G",
            "SHOW GLOBAL VARIABLES;",
            "tail -n 200 /var/log/mysql/error.log",
        ];
        return html! {
            <div class="findings-none nothing-recognised" id="findings">
                <p>{ t(lang, k::UI_FINDINGS_NOTHING_RECOGNISED) }</p>
                <ul class="paste-list">
                    { for PASTE.iter().map(|c| html! { <li><code>{ *c }</code></li> }) }
                </ul>
            </div>
        };
    }
    if p.report.findings.is_empty() {
        return html! { <p class="findings-none" id="findings">{ t(lang, k::UI_FINDINGS_NONE) }</p> };
    }
    html! {
        <div class="findings" id="findings">
            { for [Severity::Error, Severity::Warning, Severity::Info].into_iter().map(|sev| {
                let items: Vec<usize> = p.report.findings.iter().enumerate()
                    .filter(|(_, x)| x.severity == sev).map(|(i, _)| i).collect();
                if items.is_empty() {
                    return html! {};
                }
                html! {
                    <section class={classes!("severity-group", sev.as_str())} data-severity={sev.as_str()}>
                        <h2>{ f(lang, advisor::i18n::dynamic(format_args!("ui.severity-{}", sev.as_str())), &[("n", &items.len().to_string())]) }</h2>
                        { for items.into_iter().map(|i| html! {
                            <FindingItem report={p.report.clone()} index={i} inputs={p.inputs.clone()} open={sev == Severity::Error} />
                        }) }
                    </section>
                }
            }) }
            <PrintedReferences report={p.report.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PrintedReferencesProps {
    report: SharedReport,
}

/// For print only: every finding's references once, with their addresses (paper has no links);
/// the findings' own lists and the rules' docs' references are not printed.
#[function_component(PrintedReferences)]
fn printed_references(p: &PrintedReferencesProps) -> Html {
    let mut seen: Vec<&str> = Vec::new();
    let refs: Vec<_> = p
        .report
        .findings
        .iter()
        .flat_map(|f| f.references.iter())
        .filter(|r| {
            let new = !seen.contains(&r.url.as_str());
            if new {
                seen.push(&r.url);
            }
            new
        })
        .collect();
    if refs.is_empty() {
        return html! {};
    }
    html! {
        <section class="print-references print-only">
            <h2>{ t(p.report.lang, k::UI_REFERENCES) }</h2>
            <ul>{ for refs.iter().map(|r| html! { <li>{ format!("{} — {}", r.title, r.url) }</li> }) }</ul>
        </section>
    }
}
