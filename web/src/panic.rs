//! A panic never blanks the page: the hook shows an error panel (built with plain DOM calls, as
//! Yew may be unusable after a panic) with the details and a "copy details" button. The input stays
//! on the page and in sessionStorage, so "Reload" brings it back and analyses it again; so does the
//! next edit (it saves the input and reloads).

use crate::tr::t;
use advisor::Lang;
use advisor::i18n::k;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the panel speaks.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn install() {
    // Through Yew, or its renderer replaces the hook with its own console-only one.
    yew::set_custom_panic_hook(Box::new(|info| {
        let details = format!(
            "mysql-advisor {} panicked: {info}\nuser agent: {}",
            env!("CARGO_PKG_VERSION"),
            web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default()
        );
        web_sys::console::error_1(&details.clone().into());
        let _ = show_panel(&details);
    }));
}

fn show_panel(details: &str) -> Option<()> {
    let lang = LANG.with(Cell::get);
    let doc = web_sys::window()?.document()?;
    if doc.get_element_by_id("panic-panel").is_some() {
        return Some(());
    }
    let panel = doc.create_element("section").ok()?;
    panel.set_id("panic-panel");
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let h = doc.create_element("h2").ok()?;
    h.set_text_content(Some(&t(lang, k::UI_PANIC_TITLE)));
    let p = doc.create_element("p").ok()?;
    p.set_text_content(Some(&t(lang, k::UI_PANIC_BODY)));
    let pre = doc.create_element("pre").ok()?;
    pre.set_text_content(Some(details));
    let copy = doc.create_element("button").ok()?;
    copy.set_text_content(Some(&t(lang, k::UI_PANIC_COPY)));
    let _ = copy.set_attribute("type", "button");
    let text = details.to_owned();
    let on_copy = Closure::<dyn Fn()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
    });
    copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref()).ok()?;
    on_copy.forget();
    let reload = doc.create_element("button").ok()?;
    reload.set_text_content(Some(&t(lang, k::UI_PANIC_RELOAD)));
    let _ = reload.set_attribute("type", "button");
    let on_reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    reload.add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref()).ok()?;
    on_reload.forget();
    // The next edit re-runs the analysis: Yew may be stuck after a panic, so save the input and
    // reload (only when the page keeps its input in sessionStorage).
    if crate::hooks::has_saved_inputs() {
        let on_edit = Closure::<dyn Fn()>::new(|| {
            crate::hooks::save_visible_inputs();
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        doc.add_event_listener_with_callback("input", on_edit.as_ref().unchecked_ref()).ok()?;
        on_edit.forget();
    }
    for child in [&h, &p, &pre, &copy, &reload] {
        panel.append_child(child).ok()?;
    }
    let body = doc.body()?;
    body.insert_before(&panel, body.first_child().as_ref()).ok()?;
    Some(())
}
