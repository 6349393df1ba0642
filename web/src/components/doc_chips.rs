use super::SharedReport;
use crate::tr::{f, t};
use advisor::i18n::k;
use advisor::{DocKind, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocChipsProps {
    pub index: usize,
    pub report: SharedReport,
    pub lang: Lang,
    pub empty: bool,
}

/// What was recognised in input `index` ("systemd unit mysqld.service + 1 drop-in, lines 3–41")
/// and what was not.
#[function_component(DocChips)]
pub fn doc_chips(p: &DocChipsProps) -> Html {
    let lang = p.lang;
    let docs: Vec<_> = p.report.documents.iter().filter(|d| d.input == p.index).collect();
    let id = format!("chips-{}", p.index);
    if p.empty {
        return html! { <ul {id} class="chips" aria-label={t(lang, k::UI_CHIPS_LABEL)}></ul> };
    }
    html! {
        <ul {id} class="chips" aria-label={t(lang, k::UI_CHIPS_LABEL)}>
            if docs.is_empty() {
                <li class="chip chip-none">{ t(lang, k::UI_CHIPS_NOTHING) }</li>
            }
            { for docs.iter().map(|d| {
                let unknown = d.kind == DocKind::Unrecognized;
                let lines = if d.line_start == d.line_end {
                    f(lang, k::UI_LINE, &[("n", &d.line_start.to_string())])
                } else {
                    f(lang, k::UI_LINES, &[("start", &d.line_start.to_string()), ("end", &d.line_end.to_string())])
                };
                let title = d.problems.join("\n");
                let kind = d.kind.as_str();
                html! {
                    <li class={classes!("chip", unknown.then_some("chip-unknown"), (!d.problems.is_empty()).then_some("chip-problems"))}
                        data-kind={kind} title={title}>
                        <span class="chip-label">{ if unknown { t(lang, k::UI_CHIP_UNRECOGNISED) } else { d.label.clone() } }</span>
                        <span class="chip-lines">{ lines }</span>
                        if !d.problems.is_empty() {
                            <span class="chip-problem-count">{ f(lang, k::UI_CHIP_PROBLEMS, &[("n", &d.problems.len().to_string())]) }</span>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
