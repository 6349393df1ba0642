use super::SharedReport;
use crate::state::InputDoc;
use crate::tr::t;
use advisor::i18n::k;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportToolbarProps {
    pub report: SharedReport,
    /// The texts the report was made from (a scanned log's excerpt exports the file's lines).
    pub inputs: Rc<Vec<InputDoc>>,
}

/// Export: copy as Markdown, download Markdown or JSON, print.
#[function_component(ReportToolbar)]
pub fn report_toolbar(p: &ReportToolbarProps) -> Html {
    let lang = p.report.lang;
    // `None` until a copy; then whether it worked (said on the button and in the live region).
    let copied = use_state(|| None::<bool>);
    let on_copy = {
        let (report, inputs) = (p.report.clone(), p.inputs.clone());
        let copied = copied.clone();
        Callback::from(move |_| {
            let text = crate::export::markdown(&report, &inputs);
            let copied = copied.clone();
            yew::platform::spawn_local(async move {
                let ok = crate::dom::copy_text(&text).await;
                crate::dom::announce(&t(lang, if ok { k::UI_COPIED } else { k::UI_COPY_FAILED_NOTE }));
                copied.set(Some(ok));
            });
        })
    };
    let on_download = {
        let (report, inputs) = (p.report.clone(), p.inputs.clone());
        Callback::from(move |_| {
            crate::dom::download(
                "mysql-advisor-report.md",
                "text/markdown",
                &crate::export::markdown(&report, &inputs),
            )
        })
    };
    let on_json = {
        let (report, inputs) = (p.report.clone(), p.inputs.clone());
        Callback::from(move |_| {
            crate::dom::download(
                "mysql-advisor-report.json",
                "application/json",
                &crate::export::json(&report, &inputs),
            )
        })
    };
    let on_print = Callback::from(|_| crate::dom::print());
    html! {
        <div class="toolbar no-print" role="toolbar" aria-label={t(lang, k::UI_EXPORT_LABEL)}>
            <button type="button" class="button" id="copy-markdown" onclick={on_copy}>
                { match *copied {
                    Some(true) => t(lang, k::UI_COPIED),
                    Some(false) => t(lang, k::UI_COPY_FAILED),
                    None => t(lang, k::UI_COPY_MARKDOWN),
                } }
            </button>
            <button type="button" class="button" id="download-markdown" onclick={on_download}>{ t(lang, k::UI_DOWNLOAD_MARKDOWN) }</button>
            <button type="button" class="button" id="download-json" onclick={on_json}>{ t(lang, k::UI_DOWNLOAD_JSON) }</button>
            <button type="button" class="button" id="print" onclick={on_print}>{ t(lang, k::UI_PRINT) }</button>
        </div>
    }
}
