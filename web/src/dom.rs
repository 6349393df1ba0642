//! Small browser helpers: storage, clipboard, downloads, URL parameters, jumping to a line.
//! Nothing here talks to the network.

use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, Storage};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn session() -> Option<Storage> {
    window()?.session_storage().ok().flatten()
}

pub fn local() -> Option<Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn get(storage: Option<Storage>, key: &str) -> Option<String> {
    storage?.get_item(key).ok().flatten()
}

pub fn set(storage: Option<Storage>, key: &str, value: &str) {
    if let Some(s) = storage {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(storage: Option<Storage>, key: &str) {
    if let Some(s) = storage {
        let _ = s.remove_item(key);
    }
}

/// The value of `?name=` in the page URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The browser's preferred language tag.
pub fn browser_language() -> Option<String> {
    window()?.navigator().language()
}

/// True when the system prefers a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets an attribute on `<html>`.
pub fn set_root_attr(name: &str, value: Option<&str>) {
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }
}

/// Copies text to the clipboard: the async API, else (no `navigator.clipboard`, or it refused) a
/// hidden textarea and `execCommand("copy")`. True when one of them says it copied.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    // `navigator.clipboard` is missing outside secure contexts; web-sys would call it blindly.
    let has_api = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).is_ok_and(|c| c.is_object());
    if has_api {
        let promise = w.navigator().clipboard().write_text(text);
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    copy_with_textarea(text)
}

fn copy_with_textarea(text: &str) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else { return false };
    let Some(body) = doc.body() else { return false };
    let active = doc.active_element();
    let Ok(el) = doc.create_element("textarea") else { return false };
    let Ok(area) = el.dyn_into::<HtmlTextAreaElement>() else { return false };
    area.set_value(text);
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = body.append_child(&area);
    area.select();
    let copied = doc
        .clone()
        .dyn_into::<web_sys::HtmlDocument>()
        .is_ok_and(|d| d.exec_command("copy").unwrap_or(false));
    area.remove();
    // Give focus back to the button that asked (keyboard users stay where they were).
    if let Some(a) = active.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = a.focus();
    }
    copied
}

/// Says `message` in the page's one polite live region (`#announcer`, in the app), so screen
/// readers read it; cleared first, so the same message twice is said twice.
pub fn announce(message: &str) {
    let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("announcer")) else {
        return;
    };
    el.set_text_content(Some(""));
    let message = message.to_owned();
    yew::platform::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(50).await;
        el.set_text_content(Some(&message));
    });
}

/// Selects the text of `el` (so that a copy the browser refused can be done by hand).
pub fn select_contents(el: &web_sys::Element) {
    if let Some(sel) = window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.select_all_children(el);
    }
}

/// Focuses the element with this id.
pub fn focus_id(id: &str) {
    let el = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = doc.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(file_name);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// UTF-16 offset of byte offset `byte` in `text` (textarea selections count UTF-16 units).
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].encode_utf16().count() as u32
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Focuses the element with this id, if there is one.
pub fn focus(id: &str) {
    let el = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Focuses input `index`, selects the byte range and scrolls it into view.
pub fn jump_to(index: usize, text: &str, start: u32, end: u32, line: u32) {
    let Some(doc) = window().and_then(|w| w.document()) else { return };
    let Some(el) = doc.get_element_by_id(&format!("input-{index}")) else { return };
    let Ok(area) = el.dyn_into::<HtmlTextAreaElement>() else { return };
    let s = utf16_offset(text, start as usize);
    let e = utf16_offset(text, end as usize);
    let _ = area.focus();
    let _ = area.set_selection_range(s, e);
    let lines = text.lines().count().max(1) as f64;
    let per_line = f64::from(area.scroll_height()) / lines;
    let top = per_line * f64::from(line.saturating_sub(1)) - f64::from(area.client_height()) / 3.0;
    area.set_scroll_top(top.max(0.0) as i32);
    area.scroll_into_view_with_bool(false);
}

/// True when this page load is a reload (`performance.getEntriesByType("navigation")[0].type`).
pub fn is_reload() -> bool {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else { return false };
    let entries = p.get_entries_by_type("navigation");
    let first = entries.get(0);
    js_sys::Reflect::get(&first, &"type".into()).ok().and_then(|t| t.as_string()).as_deref() == Some("reload")
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `performance.now()`: the page's and the scan worker's own clock.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// `performance.now()` in ms, on the page and in the scan worker alike.
pub fn now() -> f64 {
    performance_now()
}

/// Sets `window.mysqlAdvisorTiming[key] = ms` (for the browser tests and the curious: the last
/// analysis time, the time of the first render after navigation start). Also counts analyses.
pub fn record_timing(key: &str, ms: f64) {
    let Some(w) = web_sys::window() else { return };
    let name = wasm_bindgen::JsValue::from_str("mysqlAdvisorTiming");
    let obj = match js_sys::Reflect::get(&w, &name) {
        Ok(v) if v.is_object() => v,
        _ => {
            let o: wasm_bindgen::JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&w, &name, &o);
            o
        }
    };
    let _ = js_sys::Reflect::set(&obj, &key.into(), &ms.into());
    let count_key = wasm_bindgen::JsValue::from_str(&format!("{key}Count"));
    let n = js_sys::Reflect::get(&obj, &count_key).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&obj, &count_key, &(n + 1.0).into());
}

#[cfg(test)]
mod tests {
    #[test]
    fn utf16_offsets() {
        assert_eq!(super::utf16_offset("a中b", 4), 2);
        assert_eq!(super::utf16_offset("a中b", 2), 1); // inside 中: rounds down
        assert_eq!(super::utf16_offset("ab", 99), 2);
    }
}
