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
mod saved;
mod scan;
mod state;
mod tr;
mod worker;

use advisor::{Input, Lang, Options};
use components::app::{App, AppProps};
use wasm_bindgen::prelude::*;

/// One input given through the JS API: `{ name?, text }` or a string.
struct JsInput {
    name: Option<String>,
    text: String,
}

/// `mount`'s and `analyze`'s options.
#[derive(Default)]
struct JsOptions {
    lang: Option<String>,
    embed: bool,
    example: Option<String>,
    inputs: Option<Vec<JsInput>>,
    /// Keep input in sessionStorage and settings in localStorage (default: true for the page).
    remember: Option<bool>,
}

/// `obj[key]`, or `undefined`.
fn field(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` as a string; `Ok(None)` when absent (`undefined` or `null`).
fn string_field(obj: &JsValue, key: &str, what: &str) -> Result<Option<String>, JsError> {
    let v = field(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| JsError::new(&format!("{what}: `{key}` must be a string")))
}

/// `obj[key]` as a boolean; `Ok(None)` when absent.
fn bool_field(obj: &JsValue, key: &str, what: &str) -> Result<Option<bool>, JsError> {
    let v = field(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_bool().map(Some).ok_or_else(|| JsError::new(&format!("{what}: `{key}` must be a boolean")))
}

/// `[{ name?, text }]` or `[text]`.
fn parse_inputs(value: &JsValue) -> Result<Vec<JsInput>, JsError> {
    if !js_sys::Array::is_array(value) {
        return Err(JsError::new("inputs: expected an array of { name, text } objects or strings"));
    }
    let mut out = Vec::new();
    for (i, item) in js_sys::Array::from(value).iter().enumerate() {
        if let Some(text) = item.as_string() {
            out.push(JsInput { name: None, text });
        } else if item.is_object() {
            let what = format!("inputs[{i}]");
            let text = string_field(&item, "text", &what)?
                .ok_or_else(|| JsError::new(&format!("{what}: `text` is missing")))?;
            out.push(JsInput { name: string_field(&item, "name", &what)?, text });
        } else {
            return Err(JsError::new(&format!("inputs[{i}]: expected {{ name, text }} or a string")));
        }
    }
    Ok(out)
}

fn to_inputs(list: Vec<JsInput>) -> Vec<Input> {
    list.into_iter()
        .enumerate()
        .map(|(i, inp)| Input::new(inp.name.unwrap_or_else(|| format!("input {}", i + 1)), inp.text))
        .collect()
}

fn options(value: JsValue) -> Result<JsOptions, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(JsOptions::default());
    }
    if !value.is_object() {
        return Err(JsError::new("options: expected an object"));
    }
    let inputs = field(&value, "inputs");
    Ok(JsOptions {
        lang: string_field(&value, "lang", "options")?,
        embed: bool_field(&value, "embed", "options")?.unwrap_or(false),
        example: string_field(&value, "example", "options")?,
        inputs: if inputs.is_undefined() || inputs.is_null() { None } else { Some(parse_inputs(&inputs)?) },
        remember: bool_field(&value, "remember", "options")?,
    })
}

/// Analyses `inputs` (`[{ name, text }]` or `[text]`) and returns the report object (the JSON
/// contract of `docs/report-schema.md`, parsed).
#[wasm_bindgen]
pub fn analyze(inputs: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let list = parse_inputs(&inputs)?;
    let opts = options(options_value)?;
    let lang = opts.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let report = advisor::analyze_with(&to_inputs(list), &Options { lang });
    // The report's `Serialize` (the same derive `to_json` uses) straight into JS objects, without a
    // JSON string in between; `json_compatible` gives plain objects for maps and numbers for
    // integers, as `JSON.parse` of `to_json` did.
    use serde::Serialize as _;
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("the report could not be converted: {e}")))
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

/// Entry point: installs the panic hook and renders the page into `#mysql-advisor`, configured
/// from the URL (`?lang=`, `?embed=1`, `?example=<id>`). In the scan worker (no `window`), which
/// instantiates the same module, it renders nothing.
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
