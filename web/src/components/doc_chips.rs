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

/// Above this many documents in one input, the chips are grouped by kind (a 5,000-line paste
/// would otherwise show hundreds).
const GROUP_ABOVE: usize = 12;

/// "line 3" or "lines 3–41".
fn lines(lang: Lang, start: u32, end: u32) -> String {
    if start == end {
        f(lang, k::UI_LINE, &[("n", &start.to_string())])
    } else {
        f(lang, k::UI_LINES, &[("start", &start.to_string()), ("end", &end.to_string())])
    }
}

/// A kind's name without a document's name ("systemd unit"), from the catalog's `doc.<kind>`.
fn kind_name(lang: Lang, kind: DocKind) -> String {
    match advisor::i18n::Key::lookup(&format!("doc.{}", kind.as_str())) {
        Some(key) => lang.fmt(key, &[("name", "")]).trim().to_owned(),
        None => kind.as_str().to_owned(),
    }
}

fn chip(lang: Lang, d: &advisor::DocumentInfo) -> Html {
    let unknown = d.kind == DocKind::Unrecognized;
    let title = d.problems.join("\n");
    let kind = d.kind.as_str();
    html! {
        <li class={classes!("chip", unknown.then_some("chip-unknown"), (!d.problems.is_empty()).then_some("chip-problems"))}
            data-kind={kind} title={title}>
            <span class="chip-label">{ if unknown { t(lang, k::UI_CHIP_UNRECOGNISED) } else { d.label.clone() } }</span>
            <span class="chip-lines">{ lines(lang, d.line_start, d.line_end) }</span>
            if !d.problems.is_empty() {
                <span class="chip-problem-count">{ f(lang, k::UI_CHIP_PROBLEMS, &[("n", &d.problems.len().to_string())]) }</span>
            }
        </li>
    }
}

/// What was recognised in input `index` ("systemd unit mysqld.service + 1 drop-in, lines 3–41")
/// and what was not; many documents are grouped by kind, each group opening to its chips.
#[function_component(DocChips)]
pub fn doc_chips(p: &DocChipsProps) -> Html {
    let lang = p.lang;
    let docs: Vec<_> = p.report.documents.iter().filter(|d| d.input == p.index).collect();
    let id = format!("chips-{}", p.index);
    if p.empty {
        return html! { <ul {id} class="chips" aria-label={t(lang, k::UI_CHIPS_LABEL)}></ul> };
    }
    if docs.len() > GROUP_ABOVE {
        let mut groups: Vec<(DocKind, Vec<&advisor::DocumentInfo>)> = Vec::new();
        for d in &docs {
            match groups.iter_mut().find(|(kind, _)| *kind == d.kind) {
                Some((_, list)) => list.push(d),
                None => groups.push((d.kind, vec![d])),
            }
        }
        let label = f(lang, k::UI_CHIPS_GROUPED, &[("n", &docs.len().to_string())]);
        return html! {
            <ul {id} class="chips chips-grouped" aria-label={label}>
                { for groups.iter().map(|(kind, list)| {
                    let name = if *kind == DocKind::Unrecognized { t(lang, k::UI_CHIP_UNRECOGNISED) } else { kind_name(lang, *kind) };
                    let (first, last) = (list[0].line_start, list[list.len() - 1].line_end);
                    html! {
                        <li class="chip-group" data-kind={kind.as_str()}>
                            <details>
                                <summary class="chip">
                                    <span class="chip-label">{ f(lang, k::UI_CHIPS_GROUP, &[("kind", &name), ("n", &list.len().to_string())]) }</span>
                                    <span class="chip-lines">{ lines(lang, first, last) }</span>
                                </summary>
                                <ul class="chips">{ for list.iter().map(|d| chip(lang, d)) }</ul>
                            </details>
                        </li>
                    }
                }) }
            </ul>
        };
    }
    html! {
        <ul {id} class="chips" aria-label={t(lang, k::UI_CHIPS_LABEL)}>
            if docs.is_empty() {
                <li class="chip chip-none">{ t(lang, k::UI_CHIPS_NOTHING) }</li>
            }
            { for docs.iter().map(|d| chip(lang, d)) }
        </ul>
    }
}
