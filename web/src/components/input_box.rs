use super::SharedReport;
use super::doc_chips::DocChips;
use crate::state::{Action, InputDoc};
use crate::tr::{f, t};
use advisor::Lang;
use advisor::i18n::k;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputBoxProps {
    pub index: usize,
    pub doc: InputDoc,
    pub report: SharedReport,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    pub removable: bool,
}

/// One "paste anything" box with the chips of what was recognised in it.
#[function_component(InputBox)]
pub fn input_box(p: &InputBoxProps) -> Html {
    let lang = p.lang;
    let index = p.index;
    let oninput = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::SetText(index, area.value()));
        })
    };
    let on_remove = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::RemoveInput(index)))
    };
    let on_rename = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let field: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Rename(index, field.value()));
        })
    };
    let id = format!("input-{index}");
    let n = (index + 1).to_string();
    // One box: "Paste anything"; several: "Input N", numbered by position like the evidence.
    let label = if index == 0 && !p.removable {
        t(lang, k::UI_PASTE_LABEL)
    } else {
        f(lang, k::UI_INPUT_LABEL, &[("n", &n)])
    };
    html! {
        <div class="input-box" data-input={n.clone()}>
            <div class="input-head">
                <label for={id.clone()}>{ label }</label>
                <input type="text" class="input-name" id={format!("input-name-{index}")} value={p.doc.name.clone()}
                    placeholder={p.doc.shown_name(index, lang)} aria-label={f(lang, k::UI_INPUT_NAME_LABEL, &[("n", &n)])}
                    spellcheck="false" autocomplete="off" onchange={on_rename} />
                if p.removable {
                    <button type="button" class="link-button" onclick={on_remove}
                        aria-label={f(lang, k::UI_REMOVE_INPUT, &[("n", &n)])}>
                        { t(lang, k::UI_REMOVE) }
                    </button>
                }
            </div>
            <textarea {id} class="paste" spellcheck="false" autocomplete="off" autocapitalize="off"
                placeholder={t(lang, k::UI_PASTE_PLACEHOLDER)} value={p.doc.text.clone()} {oninput}
                aria-describedby={format!("chips-{index}")} rows="14" />
            <DocChips {index} report={p.report.clone()} {lang} empty={p.doc.text.trim().is_empty()} />
        </div>
    }
}
