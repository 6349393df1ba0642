use crate::state::InputDoc;
use crate::{dom, saved};
use std::rc::Rc;
use yew::prelude::*;

const KEY: &str = "mysql-advisor.inputs";

/// The inputs saved in this tab's sessionStorage (they survive a reload, not the tab).
pub fn load_inputs() -> Vec<InputDoc> {
    dom::get(dom::session(), KEY).and_then(|s| saved::from_json(&s)).unwrap_or_default()
}

/// True when this tab has saved inputs.
pub fn has_saved_inputs() -> bool {
    dom::get(dom::session(), KEY).is_some()
}

/// Saves what the input boxes (`#input-<i>`) show now, keeping the saved names; used after a
/// panic, when the page's state can no longer be trusted.
pub fn save_visible_inputs() {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let mut inputs = load_inputs();
    for i in 0.. {
        let Some(area) = doc
            .get_element_by_id(&format!("input-{i}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            break;
        };
        match inputs.get_mut(i) {
            Some(doc) => doc.text = area.value(),
            None => inputs.push(InputDoc::new(i as u32, format!("input {}", i + 1), area.value())),
        }
    }
    dom::set(dom::session(), KEY, &saved::to_json(&inputs));
}

/// Saves the inputs to sessionStorage whenever they change (pass the debounced value); an empty
/// page removes the entry, so Clear forgets everything.
#[hook]
pub fn use_session_inputs(inputs: Rc<Vec<InputDoc>>, enabled: bool) {
    use_effect_with(inputs, move |inputs| {
        if enabled {
            if inputs.iter().all(|i| i.text.is_empty()) {
                dom::remove(dom::session(), KEY);
            } else {
                dom::set(dom::session(), KEY, &saved::to_json(inputs));
            }
        }
    });
}
