use crate::dom;
use crate::state::InputDoc;
use std::rc::Rc;
use yew::prelude::*;

const KEY: &str = "mysql-advisor.inputs";

/// The inputs saved in this tab's sessionStorage (they survive a reload, not the tab).
pub fn load_inputs() -> Vec<InputDoc> {
    dom::get(dom::session(), KEY).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
}

/// Saves the inputs to sessionStorage whenever they change (pass the debounced value); an empty
/// page removes the entry, so Clear forgets everything.
#[hook]
pub fn use_session_inputs(inputs: Rc<Vec<InputDoc>>, enabled: bool) {
    use_effect_with(inputs, move |inputs| {
        if enabled {
            if inputs.iter().all(|i| i.text.is_empty()) {
                dom::remove(dom::session(), KEY);
            } else if let Ok(json) = serde_json::to_string(&**inputs) {
                dom::set(dom::session(), KEY, &json);
            }
        }
    });
}
