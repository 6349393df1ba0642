//! mysql-advisor's web page: Yew (CSR) over the core. Everything runs in the browser; no network.
//!
//! The wasm module also exports a small JS API:
//! - `analyze(inputs, options?) → report`: `inputs` is an array of `{ name, text }` (or of
//!   strings), `options` `{ lang: "en" | "zh-CN" }`; the report is the JSON contract as a JS object.
//! - `mount(element, options?)`: renders the page into `element`; `options`
//!   `{ lang, embed, example, inputs, remember }`.

mod components;
mod dom;
mod examples;
mod export;
mod hooks;
mod markdown;
mod panic;
mod state;
mod tr;

use advisor::{Input, Lang, Options};
use components::app::{App, AppProps};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// One input given through the JS API.
#[derive(Deserialize)]
#[serde(untagged)]
enum JsInput {
    Named { name: Option<String>, text: String },
    Text(String),
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    lang: Option<String>,
    embed: bool,
    example: Option<String>,
    inputs: Option<Vec<JsInput>>,
    /// Keep input in sessionStorage and settings in localStorage (default: true for the page).
    remember: Option<bool>,
}

fn to_inputs(list: Vec<JsInput>) -> Vec<Input> {
    list.into_iter()
        .enumerate()
        .map(|(i, inp)| match inp {
            JsInput::Named { name, text } => {
                Input::new(name.unwrap_or_else(|| format!("input {}", i + 1)), text)
            }
            JsInput::Text(text) => Input::new(format!("input {}", i + 1), text),
        })
        .collect()
}

fn options(value: JsValue) -> Result<JsOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(JsOptions::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// Analyses `inputs` (`[{ name, text }]` or `[text]`) and returns the report object.
#[wasm_bindgen]
pub fn analyze(inputs: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let list: Vec<JsInput> =
        serde_wasm_bindgen::from_value(inputs).map_err(|e| JsError::new(&format!("inputs: {e}")))?;
    let opts = options(options_value)?;
    let lang = opts.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let report = advisor::analyze_with(&to_inputs(list), &Options { lang });
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Renders the page into `element`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options_value: JsValue) -> Result<(), JsError> {
    let opts = options(options_value)?;
    let props = AppProps {
        embed: opts.embed,
        lang: opts.lang.as_deref().and_then(Lang::from_tag),
        example: opts.example,
        inputs: opts.inputs.map(|list| {
            to_inputs(list).into_iter().map(|i| (i.name().to_owned(), i.text().to_owned())).collect()
        }),
        remember: opts.remember.unwrap_or(false),
    };
    element.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(())
}

use serde::Serialize as _;

/// Entry point: installs the panic hook and renders the page into `#mysql-advisor`, configured
/// from the URL (`?lang=`, `?embed=1`, `?example=<id>`).
#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
    let Some(root) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("mysql-advisor"))
    else {
        return;
    };
    let flag = |name: &str| dom::query_param(name).is_some_and(|v| v != "0" && v != "false");
    let props = AppProps {
        embed: flag("embed"),
        lang: dom::query_param("lang").as_deref().and_then(Lang::from_tag),
        example: dom::query_param("example"),
        inputs: None,
        remember: true,
    };
    // Once per tab, so that the recovery (edit → reload → analysis) can be tested too.
    if flag("panic-test") && dom::get(dom::session(), "mysql-advisor.panic-tested").is_none() {
        dom::set(dom::session(), "mysql-advisor.panic-tested", "1");
        // Lets the browser tests check the error panel.
        gloo_timers::callback::Timeout::new(400, || {
            panic!("panic-test: deliberate panic requested by ?panic-test=1")
        })
        .forget();
    }
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
