use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;
use yew::prelude::*;

/// The message an embedded page sends its host whenever its height changes (README, "Embedding").
pub const HEIGHT_MESSAGE: &str = "mysql-advisor:height";

/// In an iframe, tells the host page the app's height — `postMessage({ type:
/// "mysql-advisor:height", height: N }, "*")` — at first render and whenever it changes (a
/// `ResizeObserver` on the app's root), so the host can size the iframe. The message holds a number
/// only: nothing the user typed leaves the page.
#[hook]
pub fn use_embed_height(root: NodeRef) {
    use_effect_with((), move |()| {
        let observer = observe(&root);
        move || {
            if let Some((o, _keep)) = observer {
                o.disconnect();
            }
        }
    });
}

type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

fn observe(root: &NodeRef) -> Option<Observer> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    // Not in a frame: the parent is the window itself.
    if js_sys::Object::is(&parent, &window) {
        return None;
    }
    let el = root.cast::<web_sys::Element>()?;
    let last = std::cell::Cell::new(-1i32);
    let target = el.clone();
    let post = move || {
        let Some(w) = web_sys::window() else { return };
        let rect = target.get_bounding_client_rect();
        let height = (rect.bottom() + w.scroll_y().unwrap_or(0.0)).ceil() as i32;
        if height == last.replace(height) {
            return;
        }
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        if let Ok(Some(p)) = w.parent() {
            let _ = p.post_message(&msg, "*");
        }
    };
    post();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| post());
    let o = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    o.observe(&el);
    Some((o, cb))
}
