//! Large error logs: a dropped or chosen file above [`advisor::logscan::STREAM_THRESHOLD`] whose
//! head looks like an error log (or any file of [`ALWAYS_STREAM`] bytes or more) is read as a
//! stream (`Blob.stream()`) into one [`advisor::logscan::Scanner`] (memory bounded: one chunk
//! buffer plus the scanner's limits; the file is never held whole), giving the event loop a turn
//! every [`YIELD_EVERY_MS`], with a progress bar and a Cancel button. When done, the timeline is
//! shown and its excerpt becomes an input (with the file's line numbers), so the rules see the
//! events.
//!
//! A file that starts with the gzip magic bytes (`1f 8b`, whatever its name) is piped through the
//! browser's `DecompressionStream("gzip")` first ([`read_gzip`]): read whole when it decompresses
//! to less than the threshold, scanned otherwise (its decompressed size is never trusted, so a
//! gzip bomb streams, whatever its head). A corrupt or cut-short stream keeps what came before,
//! with the catalog's note in the panel; a browser without `DecompressionStream` gets a note too.

use crate::dom::now;
use crate::state::Action;
use crate::tr::{f, t};
use advisor::Lang;
use advisor::i18n::k;
use advisor::logscan::{Level, STREAM_THRESHOLD, Scanner, Timeline, format_bytes};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair};
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream`. web-sys 0.3.107 has it only behind
    /// `--cfg=web_sys_unstable_apis` (a flag for the whole build); this is the one constructor
    /// the page needs. It is a readable/writable pair, so it goes straight to `pipeThrough`.
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// The first two bytes of every gzip member (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The scan gives the event loop a turn at least this often (ms).
const YIELD_EVERY_MS: f64 = 25.0;
/// Bytes sniffed with `looks_like_error_log`.
const HEAD: f64 = (64 << 10) as f64;

/// What the scan panel shows.
#[derive(Clone, PartialEq)]
pub enum ScanView {
    Idle,
    Running {
        name: String,
        done: u64,
        total: u64,
    },
    /// A file that could not be read (or only in part, before a scan or a whole read): one note.
    Notice {
        name: String,
        note: String,
    },
    Done {
        name: String,
        timeline: Rc<Timeline>,
        cancelled: bool,
        /// A corrupt or cut-short gzip stream: the scan covers what came before.
        note: Option<String>,
        /// From the start to the end of the scan.
        millis: f64,
        /// Of those, in `Scanner::feed` (the rest is the browser reading the file, and yielding).
        feed_millis: f64,
    },
}

/// Shared between the panel and the running scan.
#[derive(Clone)]
pub struct ScanHandle {
    pub view: UseStateHandle<ScanView>,
    /// Set by Cancel; the scan checks it between chunks.
    pub cancel: Rc<Cell<bool>>,
}

/// Reads bytes `start..end` of `file` into `buf` (resized to fit).
async fn read_slice(file: &File, start: f64, end: f64, buf: &mut Vec<u8>) -> Option<()> {
    let blob = file.slice_with_f64_and_f64(start, end).ok()?;
    let ab = JsFuture::from(blob.array_buffer()).await.ok()?;
    let arr = js_sys::Uint8Array::new(&ab);
    buf.resize(arr.length() as usize, 0);
    arr.copy_to(buf);
    Some(())
}

/// Files at least this large are always streamed (never read whole into the page), whatever
/// their head looks like: memory stays bounded even for a huge file that is not an error log.
const ALWAYS_STREAM: f64 = (64 << 20) as f64;

/// True when `file` should be streamed: large, and its head looks like an error log (or too large
/// to hold at all).
pub async fn should_stream(file: &File) -> bool {
    if file.size() < advisor::logscan::STREAM_THRESHOLD as f64 {
        return false;
    }
    if file.size() >= ALWAYS_STREAM {
        return true;
    }
    let mut head = Vec::new();
    read_slice(file, 0.0, HEAD.min(file.size()), &mut head).await.is_some()
        && advisor::logscan::looks_like_error_log(&head)
}

/// True when `file` starts with the gzip magic bytes.
pub async fn is_gzip(file: &File) -> bool {
    let mut head = Vec::new();
    file.size() >= 2.0 && read_slice(file, 0.0, 2.0, &mut head).await.is_some() && head == GZIP_MAGIC
}

/// Called by a `TransformStream` for each chunk.
type OnChunk = Closure<dyn FnMut(JsValue, web_sys::TransformStreamDefaultController)>;

/// The bytes a scan reads: the file's own, or decompressed from it.
struct Source {
    reader: ReadableStreamDefaultReader,
    /// For a decompressed stream: the file's bytes read so far (the progress bar counts those),
    /// and the transform that counts them (kept alive while the stream runs).
    raw: Option<(Rc<Cell<f64>>, OnChunk)>,
}

impl Source {
    /// Bytes of the file behind `fed` bytes of the stream.
    fn done(&self, fed: f64) -> f64 {
        self.raw.as_ref().map_or(fed, |(raw, _)| raw.get())
    }
}

/// `file.stream()` counted, then piped through `DecompressionStream("gzip")`; `None` when the
/// browser lacks it.
fn gunzipped(file: &File) -> Option<Source> {
    let ds = DecompressionStream::new("gzip").ok()?;
    let raw = Rc::new(Cell::new(0.0));
    let count = {
        let raw = Rc::clone(&raw);
        OnChunk::new(move |chunk: JsValue, ctl: web_sys::TransformStreamDefaultController| {
            raw.set(raw.get() + f64::from(chunk.unchecked_ref::<js_sys::Uint8Array>().length()));
            let _ = ctl.enqueue_with_chunk(&chunk);
        })
    };
    let transformer = web_sys::Transformer::new();
    transformer.set_transform(count.as_ref().unchecked_ref());
    let counter = web_sys::TransformStream::new_with_transformer(&transformer).ok()?;
    let counted: ReadableStream = file.stream().pipe_through(counter.unchecked_ref::<ReadableWritablePair>());
    let out = counted.pipe_through(ds.unchecked_ref::<ReadableWritablePair>());
    Some(Source { reader: out.get_reader().unchecked_into(), raw: Some((raw, count)) })
}

/// The next chunk of `reader`: `Ok(None)` at the end, `Err` when the stream failed (a file
/// moved meanwhile; a corrupt gzip stream).
async fn next_chunk(reader: &ReadableStreamDefaultReader) -> Result<Option<js_sys::Uint8Array>, JsValue> {
    let result = JsFuture::from(reader.read()).await?;
    if js_sys::Reflect::get(&result, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
        return Ok(None);
    }
    Ok(Some(js_sys::Reflect::get(&result, &"value".into())?.unchecked_into()))
}

/// The note for a gzip stream that failed after `decompressed` bytes.
fn corrupt_note(name: &str, decompressed: u64, lang: Lang) -> String {
    if decompressed == 0 {
        return format!("{name}: {}", t(lang, k::GZIP_NOT_GZIP));
    }
    f(lang, k::GZIP_CORRUPT, &[("name", name), ("size", &format_bytes(decompressed))])
}

/// Adds a file read whole as an input.
pub fn add_whole(name: String, bytes: &[u8], dispatch: &Callback<Action>) {
    let input = advisor::Input::from_bytes(name, bytes);
    dispatch.emit(Action::AddFile {
        name: input.name().to_owned(),
        text: input.text().to_owned(),
        file_lines: Vec::new(),
        file_map: None,
    });
}

/// Reads a gzip file through the browser's `DecompressionStream`: whole when it decompresses to
/// less than [`STREAM_THRESHOLD`], scanned otherwise (unless a scan is already running). A
/// corrupt stream keeps what came before, with a note.
pub async fn read_gzip(file: File, h: ScanHandle, lang: Lang, dispatch: Callback<Action>) {
    let name = file.name();
    let Some(source) = gunzipped(&file) else {
        let note = f(lang, k::GZIP_UNSUPPORTED, &[("name", &name)]);
        h.view.set(ScanView::Notice { name, note });
        return;
    };
    let threshold = usize::try_from(STREAM_THRESHOLD).unwrap_or(usize::MAX);
    let mut head = Vec::new();
    let mut failed = false;
    while head.len() < threshold {
        match next_chunk(&source.reader).await {
            Ok(Some(chunk)) => {
                let n = head.len();
                head.resize(n + chunk.length() as usize, 0);
                chunk.copy_to(&mut head[n..]);
            }
            Ok(None) => break,
            Err(_) => {
                failed = true;
                break;
            }
        }
    }
    if head.len() < threshold {
        if failed {
            let note = corrupt_note(&name, head.len() as u64, lang);
            h.view.set(ScanView::Notice { name: name.clone(), note });
        }
        if !head.is_empty() {
            add_whole(name, &head, &dispatch);
        }
        return;
    }
    if matches!(*h.view, ScanView::Running { .. }) {
        let _ = source.reader.cancel();
        return;
    }
    scan(&file, source, head, h, lang, dispatch).await;
}

/// Scans `file` chunk by chunk, updating the view; adds the excerpt as an input when done.
pub async fn scan_file(file: File, h: ScanHandle, lang: Lang, dispatch: Callback<Action>) {
    // The file is read as a stream (the browser reads ahead on its own; chunks of its choosing,
    // typically 64 KiB to 1 MiB).
    let source = Source { reader: file.stream().get_reader().unchecked_into(), raw: None };
    scan(&file, source, Vec::new(), h, lang, dispatch).await;
}

/// Scans `head`, then the rest of `source`, updating the view; adds the excerpt as an input
/// when done.
async fn scan(
    file: &File,
    source: Source,
    head: Vec<u8>,
    h: ScanHandle,
    lang: Lang,
    dispatch: Callback<Action>,
) {
    let name = file.name();
    let total = file.size();
    let gzip = source.raw.is_some();
    h.cancel.set(false);
    h.view.set(ScanView::Running { name: name.clone(), done: source.done(0.0) as u64, total: total as u64 });
    let started = now();
    let mut scanner = Scanner::new();
    scanner.feed(&head);
    let mut at = head.len() as f64;
    drop(head);
    let mut buf = Vec::new();
    let mut cancelled = false;
    let mut note = None;
    let mut feed_millis = 0.0;
    // Where the rest of the time goes (reported by the browser tests through
    // `window.mysqlAdvisorTiming`): waiting for the browser's reads, copying into the wasm
    // memory, and the turns given to the event loop.
    let (mut read_millis, mut copy_millis, mut yield_millis, mut chunks) = (0.0, 0.0, 0.0, 0u32);
    // The loop gives the event loop a turn (paint, input, Cancel) once [`YIELD_EVERY_MS`] have
    // passed since the last turn, so a stall lasts at most that plus one chunk's scan, and fast
    // reads are not slowed down by timers.
    let reader = &source.reader;
    let mut last_turn = now();
    loop {
        if h.cancel.get() {
            cancelled = true;
            let _ = reader.cancel();
            break;
        }
        let asked = now();
        let read = JsFuture::from(reader.read()).await;
        read_millis += now() - asked;
        let Ok(result) = read else {
            if gzip {
                // A corrupt or cut-short gzip stream: what came before is kept, with the note.
                note = Some(corrupt_note(&name, scanner.bytes_fed(), lang));
            } else {
                // The file could not be read on (moved or changed meanwhile): shown as cut short.
                cancelled = true;
            }
            break;
        };
        if js_sys::Reflect::get(&result, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let Ok(value) = js_sys::Reflect::get(&result, &"value".into()) else { break };
        let chunk: js_sys::Uint8Array = value.unchecked_into();
        let copied = now();
        buf.resize(chunk.length() as usize, 0);
        chunk.copy_to(&mut buf);
        chunks += 1;
        let fed = now();
        copy_millis += fed - copied;
        scanner.feed(&buf);
        feed_millis += now() - fed;
        at += buf.len() as f64;
        if now() - last_turn >= YIELD_EVERY_MS {
            let done = source.done(at) as u64;
            h.view.set(ScanView::Running { name: name.clone(), done, total: total as u64 });
            let turn = now();
            gloo_timers::future::TimeoutFuture::new(0).await;
            last_turn = now();
            yield_millis += last_turn - turn;
        }
    }
    drop(buf);
    drop(source);
    let timeline = scanner.finish();
    let millis = now() - started;
    for (key, ms) in [
        ("scanReadMs", read_millis),
        ("scanCopyMs", copy_millis),
        ("scanYieldMs", yield_millis),
        ("scanChunks", f64::from(chunks)),
    ] {
        crate::dom::record_timing(key, ms);
    }
    if !timeline.events.is_empty() {
        let excerpt = timeline.to_input(timeline.excerpt_name(&name, lang));
        // Evidence in this excerpt then shows the file's line numbers.
        let file_lines = timeline.events.iter().map(|e| e.line).collect();
        dispatch.emit(Action::AddFile {
            name: excerpt.name().to_owned(),
            text: excerpt.text().to_owned(),
            file_lines,
            file_map: Some(timeline.excerpt_map()),
        });
    }
    h.view.set(ScanView::Done { name, timeline: Rc::new(timeline), cancelled, note, millis, feed_millis });
}

fn level_str(l: Option<Level>) -> &'static str {
    match l {
        Some(Level::Error) => "ERROR",
        Some(Level::Warning) => "Warning",
        Some(Level::Note) => "Note",
        Some(Level::System) => "System",
        None => "",
    }
}

#[derive(Properties, PartialEq)]
pub struct LogScanProps {
    pub view: ScanView,
    pub lang: Lang,
    pub on_cancel: Callback<()>,
}

/// The progress bar while scanning, the timeline afterwards.
#[function_component(LogScan)]
pub fn log_scan(p: &LogScanProps) -> Html {
    let lang = p.lang;
    match &p.view {
        ScanView::Idle => html! {},
        ScanView::Running { name, done, total } => {
            let percent = if *total == 0 { 100 } else { done * 100 / total };
            let on_cancel = {
                let cb = p.on_cancel.clone();
                Callback::from(move |_| cb.emit(()))
            };
            html! {
                <section class="log-scan" id="log-scan" data-state="running" aria-live="polite">
                    <h2>{ f(lang, k::UI_SCAN_TITLE, &[("name", name)]) }</h2>
                    <progress id="scan-progress" max={total.to_string()} value={done.to_string()}
                        aria-label={t(lang, k::UI_SCAN_PROGRESS_LABEL)} />
                    <p class="scan-status">{ lang.fmt(k::LOGSCAN_PROGRESS, &[
                        ("done", &format_bytes(*done)), ("total", &format_bytes(*total)),
                        ("percent", &percent.to_string())]) }</p>
                    <button type="button" class="button" id="scan-cancel" onclick={on_cancel}>{ t(lang, k::UI_SCAN_CANCEL) }</button>
                </section>
            }
        }
        ScanView::Notice { name, note } => html! {
            <section class="log-scan" id="log-scan" data-state="notice" role="status">
                <h2>{ f(lang, k::UI_SCAN_TITLE, &[("name", name)]) }</h2>
                <p class="scan-note" id="scan-notice">{ note }</p>
            </section>
        },
        ScanView::Done { name, timeline, cancelled, note, millis, feed_millis } => {
            // Integers from here on: the page carries no float formatting code.
            let ms = millis.max(0.0).round() as u64;
            let speed = advisor::logscan::decimal(timeline.bytes.saturating_mul(1000), ms.max(1) << 20, 0);
            html! {
                <section class="log-scan" id="log-scan" data-state="done" data-bytes={timeline.bytes.to_string()}
                    data-millis={ms.to_string()} data-feed-millis={(feed_millis.max(0.0).round() as u64).to_string()} data-cancelled={cancelled.to_string()}>
                    <h2>{ f(lang, k::UI_SCAN_TITLE, &[("name", name)]) }</h2>
                    if *cancelled {
                        <p class="scan-status">{ lang.fmt(k::LOGSCAN_CANCELLED, &[("done", &format_bytes(timeline.bytes))]) }</p>
                    }
                    <p class="scan-status">{ timeline.summary(lang) }{ " " }
                        { f(lang, k::UI_SCAN_SPEED, &[("secs", &advisor::logscan::decimal(ms, 1000, 1)), ("speed", &speed)]) }</p>
                    if let Some(note) = note {
                        <p class="scan-note" id="scan-notice">{ note }</p>
                    }
                    { for timeline.notes(lang).into_iter().map(|n| html! { <p class="scan-note">{ n }</p> }) }
                    if !timeline.events.is_empty() {
                        <div class="scan-table-wrap">
                        <table class="scan-timeline" id="scan-timeline">
                            <thead><tr>
                                <th scope="col">{ t(lang, k::UI_SCAN_COL_KIND) }</th>
                                <th scope="col">{ t(lang, k::UI_SCAN_COL_TIME) }</th>
                                <th scope="col">{ t(lang, k::UI_SCAN_COL_LEVEL) }</th>
                                <th scope="col">{ t(lang, k::UI_SCAN_COL_CODE) }</th>
                                <th scope="col">{ t(lang, k::UI_SCAN_COL_MESSAGE) }</th>
                                <th scope="col">{ t(lang, k::UI_SCAN_COL_LINE) }</th>
                            </tr></thead>
                            <tbody>
                            { for timeline.events.iter().map(|e| html! {
                                <tr data-kind={e.kind.as_str()} data-line={e.line.to_string()}
                                    data-code={e.code_str().unwrap_or_default()}>
                                    <td>{ e.kind.label(lang) }</td>
                                    <td class="mono">{ e.time.clone().unwrap_or_default() }</td>
                                    <td>{ level_str(e.level) }</td>
                                    <td class="mono">{ e.code_str().unwrap_or_default() }</td>
                                    <td class="mono" title={e.text.clone()}>{ e.message() }</td>
                                    <td class="mono">{ e.line }</td>
                                </tr>
                            }) }
                            </tbody>
                        </table>
                        </div>
                    }
                </section>
            }
        }
    }
}
