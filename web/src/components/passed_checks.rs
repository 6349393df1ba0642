use super::SharedReport;
use crate::tr::{f, t};
use advisor::CheckStatus;
use advisor::i18n::k;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PassedChecksProps {
    pub report: SharedReport,
}

/// Every rule that did not fire: passed, undecided or not applicable (collapsed).
#[function_component(PassedChecks)]
pub fn passed_checks(p: &PassedChecksProps) -> Html {
    let lang = p.report.lang;
    let checks: Vec<_> = p.report.checks.iter().filter(|c| c.status != CheckStatus::Fired).collect();
    if checks.is_empty() {
        return html! {};
    }
    let passed = checks.iter().filter(|c| c.status == CheckStatus::Passed).count();
    html! {
        <details class="checks" id="passed-checks">
            <summary>{ f(lang, k::UI_CHECKS_SUMMARY, &[("passed", &passed.to_string()), ("total", &checks.len().to_string())]) }</summary>
            <ul>
                { for checks.iter().map(|c| {
                    let (status, mark) = match c.status {
                        CheckStatus::Passed => ("passed", "✓"),
                        CheckStatus::Unknown => ("unknown", "?"),
                        CheckStatus::NotApplicable => ("not-applicable", "–"),
                        CheckStatus::Fired => ("fired", "✗"),
                    };
                    html! {
                        <li class={classes!("check", status)} data-rule={c.rule}>
                            <span class="check-mark" aria-hidden="true">{ mark }</span>
                            <span class="check-title">{ c.title.clone() }</span>
                            <code class="rule-id">{ c.rule }</code>
                            <span class="check-status">{ t(lang, advisor::i18n::dynamic(format_args!("ui.check-{status}"))) }</span>
                            if advisor::render::markup::has_code(&c.note) {
                                <div class="check-note">{ crate::markdown::message(&c.note, lang) }</div>
                            } else if !c.note.is_empty() {
                                <span class="check-note">{ crate::markdown::code_spans(&c.note) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
