//! The scan worker: a dropped error log is scanned off the page's main thread, by the same wasm
//! module in a dedicated worker, so the page never stalls on it.
//!
//! The worker is made from a `blob:` URL (the page's CSP allows `worker-src blob:`), whose source
//! is the wasm-bindgen glue and a one-line bootstrap ([`BOOTSTRAP`]). The glue comes from where
//! the page got it: the single file's loader keeps it in one function,
//! `globalThis.mysqlAdvisorGlue`, whose source text a classic worker evaluates again (from
//! `file://`, Chromium starts no module worker from a `blob:` URL); the hosted build's worker is
//! a module worker that imports the glue's URL (`import.meta.url`; its CSP adds `'self'` to
//! `worker-src`, which a module worker's imports are checked against). The page posts its own compiled `WebAssembly.Module`
//! (`wasm_bindgen::module()`): nothing is fetched or compiled twice.
//!
//! Messages (a contract: `docs/ARCHITECTURE.md`, "The scan worker"):
//!
//! | from | message | when |
//! |---|---|---|
//! | page | `{ module, file, gzip }` | once, to start: the `WebAssembly.Module`, the `File`, whether to gunzip it |
//! | page | `{ cancel: true }` | Cancel: the worker stops between chunks and answers `done` |
//! | worker | `{ ready: true }` | the module is instantiated; errors after this are not a failed start |
//! | worker | `{ progress: n }` | about every [`PROGRESS_EVERY_MS`]: bytes of the file read |
//! | worker | `{ done: { timeline, cancelled, corruptAt, feedMs, readMs, copyMs, yieldMs, chunks } }` | at the end; `timeline` is the core's `Timeline` as JSON, `corruptAt` (decompressed bytes before a corrupt gzip stream) is absent otherwise |
//! | worker | `{ whole, corruptAt }` | instead of a scan: a gzip file that decompressed to less than the threshold (`whole`, a transferred `Uint8Array`), to be read whole; `corruptAt` as above |

use crate::scan::{Outcome, Source, gunzip_head, scan};
use advisor::logscan::STREAM_THRESHOLD;
use futures::StreamExt as _;
use futures::channel::mpsc;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent, Worker};

/// The worker posts its progress (and gives its event loop a turn, for Cancel) this often (ms).
pub const PROGRESS_EVERY_MS: f64 = 100.0;

/// After the glue: instantiate the posted module (which runs `start`, a no-op without a
/// `window`), then hand the message to [`scan_worker`].
const BOOTSTRAP: &str = "\nself.onmessage = (e) => { self.onmessage = null; \
    initSync({ module: e.data.module }); __scanWorker(e.data); };\n";

#[wasm_bindgen]
extern "C" {
    /// The glue's own URL (the hosted build's `web.js`; the page's URL in the single file).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// The worker's entry point, called by [`BOOTSTRAP`] with the page's first message.
#[wasm_bindgen(js_name = __scanWorker)]
pub fn scan_worker(msg: JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let cancel = Rc::new(Cell::new(false));
    let on_cancel = {
        let cancel = Rc::clone(&cancel);
        Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| cancel.set(true))
    };
    scope.set_onmessage(Some(on_cancel.as_ref().unchecked_ref()));
    // The worker serves one scan and is terminated after it.
    on_cancel.forget();
    let _ = scope.post_message(&object(&[("ready", true.into())]));
    let file: File = get(&msg, "file").unchecked_into();
    let gzip = get(&msg, "gzip").as_bool().unwrap_or(false);
    wasm_bindgen_futures::spawn_local(async move {
        // The page checked `DecompressionStream` before sending a gzip file; a worker without it
        // (never seen) ends the scan at once, cut short.
        let Some(source) = Source::open(&file, gzip) else {
            post_done(&scope, &Outcome::cut_short());
            return;
        };
        let head = if gzip {
            // Small once decompressed (or corrupt before the threshold): held whole on the page.
            let (head, failed) = gunzip_head(&source).await;
            if failed || head.len() < STREAM_THRESHOLD as usize {
                let bytes = js_sys::Uint8Array::from(&head[..]);
                let corrupt = if failed { (head.len() as f64).into() } else { JsValue::UNDEFINED };
                let msg = object(&[("whole", bytes.clone().into()), ("corruptAt", corrupt)]);
                let _ = scope.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()));
                return;
            }
            head
        } else {
            Vec::new()
        };
        let mut progress = |done: u64| {
            let _ = scope.post_message(&object(&[("progress", (done as f64).into())]));
        };
        let o = scan(source, head, &cancel, PROGRESS_EVERY_MS, &mut progress).await;
        post_done(&scope, &o);
    });
}

/// Posts `{ done: … }` for `o`.
fn post_done(scope: &DedicatedWorkerGlobalScope, o: &Outcome) {
    let timeline = serde_json::to_string(&o.timeline).unwrap_or_default();
    let done = object(&[
        ("timeline", timeline.into()),
        ("cancelled", o.cancelled.into()),
        ("corruptAt", o.corrupt_at.map_or(JsValue::UNDEFINED, |n| (n as f64).into())),
        ("feedMs", o.feed_ms.into()),
        ("readMs", o.read_ms.into()),
        ("copyMs", o.copy_ms.into()),
        ("yieldMs", o.yield_ms.into()),
        ("chunks", o.chunks.into()),
    ]);
    let _ = scope.post_message(&object(&[("done", done)]));
}

/// The `done` message back into an [`Outcome`]; `None` when it is not one.
fn outcome(done: &JsValue) -> Option<Outcome> {
    let timeline = serde_json::from_str(&get(done, "timeline").as_string()?).ok()?;
    let ms = |key| get(done, key).as_f64().unwrap_or(0.0);
    Some(Outcome {
        timeline,
        cancelled: get(done, "cancelled").as_bool().unwrap_or(false),
        corrupt_at: get(done, "corruptAt").as_f64().map(|n| n as u64),
        feed_ms: ms("feedMs"),
        read_ms: ms("readMs"),
        copy_ms: ms("copyMs"),
        yield_ms: ms("yieldMs"),
        chunks: ms("chunks") as u32,
    })
}

/// The worker's source (the glue, then [`BOOTSTRAP`]) and its type.
fn source() -> (String, web_sys::WorkerType) {
    let glue = get(&js_sys::global(), "mysqlAdvisorGlue");
    match glue.dyn_ref::<js_sys::Function>() {
        // The single file: the glue is the body of this function (its source text, evaluated
        // again in the worker; it returns the glue's exports). A classic worker: from `file://`,
        // Chromium starts no module worker from a `blob:` URL; the glue has no `import.meta`
        // there (dist.rs).
        Some(f) => (
            format!("const {{ initSync, __scanWorker }} = ({})();{BOOTSTRAP}", String::from(f.to_string())),
            web_sys::WorkerType::Classic,
        ),
        // The hosted build: the glue is a module of its own, imported by a module worker.
        None => (
            format!(
                "import {{ initSync, __scanWorker }} from {};{BOOTSTRAP}",
                serde_json::to_string(&GLUE_URL.with(String::clone)).unwrap_or_default()
            ),
            web_sys::WorkerType::Module,
        ),
    }
}

/// What the page hears from its worker.
pub enum Heard {
    Ready,
    Progress(u64),
    Done(Box<Outcome>),
    /// A gzip file small once decompressed: its bytes, to be held whole, and whether the stream
    /// failed after them.
    Whole(Vec<u8>, bool),
    /// The worker failed (an error event, or a message that could not be read).
    Failed,
}

/// A running scan worker; terminated (and its `blob:` URL revoked) when dropped.
pub struct ScanWorker {
    worker: Worker,
    url: String,
    heard: mpsc::UnboundedReceiver<Heard>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl ScanWorker {
    /// Starts a worker scanning `file` (gunzipped when `gzip`). `Err` when the browser (or the
    /// CSP of a page embedding this one) will not start one.
    pub fn start(file: &File, gzip: bool) -> Result<ScanWorker, JsValue> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let (source, kind) = source();
        let parts = js_sys::Array::of1(&source.into());
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let worker_options = web_sys::WorkerOptions::new();
        worker_options.set_type(kind);
        let worker = match Worker::new_with_options(&url, &worker_options) {
            Ok(w) => w,
            Err(e) => {
                let _ = web_sys::Url::revoke_object_url(&url);
                return Err(e);
            }
        };
        let (tx, heard) = mpsc::unbounded();
        let on_message = {
            let tx = tx.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                let msg = if get(&data, "ready").is_truthy() {
                    Heard::Ready
                } else if let Some(n) = get(&data, "progress").as_f64() {
                    Heard::Progress(n as u64)
                } else if let Some(bytes) = get(&data, "whole").dyn_ref::<js_sys::Uint8Array>() {
                    Heard::Whole(bytes.to_vec(), !get(&data, "corruptAt").is_undefined())
                } else {
                    outcome(&get(&data, "done")).map_or(Heard::Failed, |o| Heard::Done(Box::new(o)))
                };
                let _ = tx.unbounded_send(msg);
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            let _ = tx.unbounded_send(Heard::Failed);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        let start =
            object(&[("module", wasm_bindgen::module()), ("file", file.into()), ("gzip", gzip.into())]);
        if let Err(e) = worker.post_message(&start) {
            worker.terminate();
            let _ = web_sys::Url::revoke_object_url(&url);
            return Err(e);
        }
        Ok(ScanWorker { worker, url, heard, _on_message: on_message, _on_error: on_error })
    }

    /// The next message; `Failed` when the worker went away.
    pub async fn next(&mut self) -> Heard {
        self.heard.next().await.unwrap_or(Heard::Failed)
    }

    /// The worker, to send it `{ cancel: true }`.
    pub fn worker(&self) -> &Worker {
        &self.worker
    }
}

impl Drop for ScanWorker {
    fn drop(&mut self) {
        // No call reaches the closures once they are gone.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
        let _ = web_sys::Url::revoke_object_url(&self.url);
    }
}

/// Asks `worker` to stop between chunks (it answers with its `done`).
pub fn cancel(worker: &Worker) {
    let _ = worker.post_message(&object(&[("cancel", true.into())]));
}
