use crate::tr::t;
use advisor::Lang;
use advisor::i18n::{Key, k};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What the button copies.
    pub text: AttrValue,
    pub lang: Lang,
    /// Its accessible name (`k::UI_COPY_COMMAND`, `k::UI_COPY_FIX`): starts with the visible word.
    pub label: Key,
    #[prop_or_default]
    pub class: Classes,
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

/// A Copy button for a code block or a fix. It says what happened on itself ("Copied", "Not
/// copied") and in the page's one polite live region, so screen readers hear it too. When the
/// browser refuses (no clipboard from `file://` in some browsers, permission denied), the text of
/// the code block around it is selected, for Ctrl+C.
#[function_component(CopyButton)]
pub fn copy_button(p: &CopyButtonProps) -> Html {
    let lang = p.lang;
    let state = use_state(|| Copied::Not);
    let onclick = {
        let state = state.clone();
        let text = p.text.clone();
        Callback::from(move |e: MouseEvent| {
            let block = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|b| b.closest(".code-block, .fix").ok().flatten())
                .and_then(|b| b.query_selector("pre").ok().flatten());
            let state = state.clone();
            let text = text.clone();
            yew::platform::spawn_local(async move {
                let copied = crate::dom::copy_text(&text).await;
                if copied {
                    crate::dom::announce(&t(lang, k::UI_COPIED));
                    state.set(Copied::Yes);
                } else {
                    if let Some(pre) = &block {
                        crate::dom::select_contents(pre);
                    }
                    crate::dom::announce(&t(lang, k::UI_COPY_FAILED_NOTE));
                    state.set(Copied::Failed);
                }
                gloo_timers::future::TimeoutFuture::new(if copied { 2500 } else { 8000 }).await;
                state.set(Copied::Not);
            });
        })
    };
    let shown = match *state {
        Copied::Not => t(lang, k::UI_COPY),
        Copied::Yes => t(lang, k::UI_COPIED),
        Copied::Failed => t(lang, k::UI_COPY_FAILED),
    };
    let label = match *state {
        Copied::Not => t(lang, p.label),
        _ => shown.clone(),
    };
    html! {
        <>
            <button type="button" class={classes!("button", "small", "copy", p.class.clone())} aria-label={label}
                data-copied={match *state { Copied::Not => "", Copied::Yes => "yes", Copied::Failed => "no" }} {onclick}>
                { shown }
            </button>
            if *state == Copied::Failed {
                <span class="copy-note">{ t(lang, k::UI_COPY_FAILED_NOTE) }</span>
            }
        </>
    }
}
