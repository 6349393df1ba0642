use super::SharedReport;
use crate::tr::t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportToolbarProps {
    pub report: SharedReport,
}

/// Export: copy as Markdown, download Markdown or JSON, print.
#[function_component(ReportToolbar)]
pub fn report_toolbar(p: &ReportToolbarProps) -> Html {
    let lang = p.report.lang;
    let copied = use_state(|| false);
    let on_copy = {
        let report = p.report.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            crate::dom::copy(&crate::export::markdown(&report));
            copied.set(true);
        })
    };
    let on_download = {
        let report = p.report.clone();
        Callback::from(move |_| {
            crate::dom::download(
                "mysql-advisor-report.md",
                "text/markdown",
                &crate::export::markdown(&report),
            )
        })
    };
    let on_json = {
        let report = p.report.clone();
        Callback::from(move |_| {
            crate::dom::download("mysql-advisor-report.json", "application/json", &report.to_json())
        })
    };
    let on_print = Callback::from(|_| crate::dom::print());
    html! {
        <div class="toolbar no-print" role="toolbar" aria-label={t(lang, "export-label")}>
            <button type="button" class="button" id="copy-markdown" onclick={on_copy}>
                { if *copied { t(lang, "copied") } else { t(lang, "copy-markdown") } }
            </button>
            <button type="button" class="button" id="download-markdown" onclick={on_download}>{ t(lang, "download-markdown") }</button>
            <button type="button" class="button" id="download-json" onclick={on_json}>{ t(lang, "download-json") }</button>
            <button type="button" class="button" id="print" onclick={on_print}>{ t(lang, "print") }</button>
        </div>
    }
}
