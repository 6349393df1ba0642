use super::SharedReport;
use crate::tr::t;
use advisor::i18n::k;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportNotesProps {
    pub report: SharedReport,
}

/// The report's notes about the input itself (`Report::notes`): invalid UTF-8 replaced, passwords
/// masked, option-file groups assumed for an unknown version, files that were not given, findings
/// or documents left out of a bounded report. The CLI prints them under "Notes"; the page shows
/// them under the same heading, before the findings they qualify. Nothing when there are none.
#[function_component(ReportNotes)]
pub fn report_notes(p: &ReportNotesProps) -> Html {
    let lang = p.report.lang;
    if p.report.notes.is_empty() {
        return html! {};
    }
    html! {
        <section id="report-notes" class="report-notes" aria-labelledby="report-notes-heading">
            <h2 id="report-notes-heading">{ t(lang, k::RENDER_NOTES) }</h2>
            <ul>
                { for p.report.notes.iter().map(|n| html! {
                    <li class="report-note">{ crate::markdown::message(n, lang) }</li>
                }) }
            </ul>
        </section>
    }
}
