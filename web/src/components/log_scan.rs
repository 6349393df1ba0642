//! Large error logs: a dropped or chosen file above [`advisor::logscan::STREAM_THRESHOLD`] whose
//! head looks like an error log (or any file of [`ALWAYS_STREAM`] bytes or more) is scanned as a
//! stream by the scan worker (`worker.rs`: the same wasm in a dedicated worker, so the page's main
//! thread stays free), with a progress bar and a Cancel button. When no worker can be started (a
//! browser that refuses it, or the CSP of a page embedding this one), the same loop
//! (`scan.rs`) runs on the page, giving the event loop a turn every [`PAGE_TURN_EVERY_MS`], and
//! the panel says so. When done, the timeline is shown and its excerpt becomes an input (with the
//! file's line numbers), so the rules see the events.
//!
//! A file that starts with the gzip magic bytes (`1f 8b`, whatever its name) is piped through the
//! browser's `DecompressionStream("gzip")` ([`read_gzip`]) in the worker too: sent back whole
//! when it decompresses to less than the threshold, scanned otherwise (its decompressed size is
//! never trusted, so a gzip bomb streams, whatever its head). A corrupt or cut-short stream keeps
//! what came before, with the catalog's note in the panel; a browser without
//! `DecompressionStream` gets a note too.

use crate::dom::now;
use crate::scan::{Outcome, Source, gunzip_head, scan};
use crate::state::Action;
use crate::tr::{f, t};
use crate::worker::{Heard, ScanWorker};
use advisor::Lang;
use advisor::i18n::k;
use advisor::logscan::{Level, STREAM_THRESHOLD, Timeline, format_bytes};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;
use yew::prelude::*;

/// The first two bytes of every gzip member (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A scan on the page (no worker) gives the event loop a turn at least this often (ms).
const PAGE_TURN_EVERY_MS: f64 = 25.0;
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
        /// A corrupt or cut-short gzip stream: the decompressed bytes scanned before it failed
        /// (what came before is kept).
        corrupt_at: Option<u64>,
        /// Scanned on the page, as no worker could be started.
        on_page: bool,
        /// From the start to the end of the scan (the worker's start-up included).
        millis: f64,
        /// Of those, in `Scanner::feed` (the rest is the browser reading the file, and yielding).
        feed_millis: f64,
    },
}

/// The running scan's controls, shared between the panel and the scan.
#[derive(Default)]
pub struct ScanControl {
    /// Set by Cancel; a scan on the page checks it between chunks.
    cancelled: Cell<bool>,
    /// The worker of the running scan, told by Cancel.
    worker: RefCell<Option<web_sys::Worker>>,
}

impl ScanControl {
    /// Stops the running scan between two chunks; its timeline then covers what was read.
    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(w) = self.worker.borrow().as_ref() {
            crate::worker::cancel(w);
        }
    }
}

/// Shared between the panel and the running scan.
#[derive(Clone)]
pub struct ScanHandle {
    pub view: UseStateHandle<ScanView>,
    pub control: Rc<ScanControl>,
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

/// Reads a gzip file through the browser's `DecompressionStream` — in the scan worker, so the
/// page never inflates it: whole when it decompresses to less than [`STREAM_THRESHOLD`], scanned
/// otherwise. A corrupt stream keeps what came before, with a note. While a scan runs, a second
/// gzip file is read on the page, and only when small.
pub async fn read_gzip(file: File, h: ScanHandle, lang: Lang, dispatch: Callback<Action>) {
    if !crate::scan::can_gunzip() {
        let name = file.name();
        let note = f(lang, k::GZIP_UNSUPPORTED, &[("name", &name)]);
        h.view.set(ScanView::Notice { name, note });
        return;
    }
    if matches!(*h.view, ScanView::Running { .. }) {
        let Some(source) = Source::open(&file, true) else { return };
        let (head, failed) = gunzip_head(&source).await;
        let _ = source.reader.cancel();
        if failed || head.len() < STREAM_THRESHOLD as usize {
            add_gunzipped(&file.name(), &head, failed, &h, lang, &dispatch);
        }
        return;
    }
    run_scan(file, true, h, lang, dispatch).await;
}

/// A gzip file small once decompressed: `bytes` become an input; a stream that `failed` after
/// them gets the note.
fn add_gunzipped(
    name: &str,
    bytes: &[u8],
    failed: bool,
    h: &ScanHandle,
    lang: Lang,
    dispatch: &Callback<Action>,
) {
    if failed {
        let note = corrupt_note(name, bytes.len() as u64, lang);
        h.view.set(ScanView::Notice { name: name.to_owned(), note });
    }
    if !bytes.is_empty() {
        add_whole(name.to_owned(), bytes, dispatch);
    }
}

/// Scans `file` (a log too large to hold), updating the view; adds the excerpt as an input when
/// done.
pub async fn scan_file(file: File, h: ScanHandle, lang: Lang, dispatch: Callback<Action>) {
    run_scan(file, false, h, lang, dispatch).await;
}

/// How a worker's or the page's reading ended.
enum Finished {
    Scanned(Outcome),
    /// A gzip file small once decompressed, and whether its stream failed after these bytes.
    Whole(Vec<u8>, bool),
}

/// Scans `file` (gunzipped when `gzip`) in the scan worker, or on the page when none can be
/// started; shows the progress, then the timeline, and adds the excerpt as an input. A gzip file
/// that decompresses to less than [`STREAM_THRESHOLD`] is added whole instead.
async fn run_scan(file: File, gzip: bool, h: ScanHandle, lang: Lang, dispatch: Callback<Action>) {
    let name = file.name();
    let total = file.size() as u64;
    let before = (*h.view).clone();
    h.control.cancelled.set(false);
    h.view.set(ScanView::Running { name: name.clone(), done: 0, total });
    let started = now();
    let show = |done: u64| h.view.set(ScanView::Running { name: name.clone(), done, total });
    let mut finished = None;
    if let Ok(mut worker) = ScanWorker::start(&file, gzip) {
        *h.control.worker.borrow_mut() = Some(worker.worker().clone());
        let mut ready = false;
        loop {
            match worker.next().await {
                Heard::Ready => {
                    ready = true;
                    crate::dom::record_timing("scanWorkerStartMs", now() - started);
                }
                Heard::Progress(done) => show(done),
                Heard::Done(o) => {
                    finished = Some(Finished::Scanned(*o));
                    break;
                }
                Heard::Whole(bytes, failed) => {
                    finished = Some(Finished::Whole(bytes, failed));
                    break;
                }
                // Failed before it began: scanned on the page instead. After (never seen: the
                // scan loop does not throw), the scan is shown as cut short.
                Heard::Failed if !ready => break,
                Heard::Failed => {
                    finished = Some(Finished::Scanned(Outcome::cut_short()));
                    break;
                }
            }
        }
        h.control.worker.borrow_mut().take();
        // Terminated here.
        drop(worker);
    }
    let on_page = finished.is_none();
    let finished = match finished {
        Some(done) => done,
        None => {
            let Some(source) = Source::open(&file, gzip) else { return };
            let head = if gzip {
                let (head, failed) = gunzip_head(&source).await;
                if failed || head.len() < STREAM_THRESHOLD as usize {
                    let _ = source.reader.cancel();
                    h.view.set(before.clone());
                    add_gunzipped(&name, &head, failed, &h, lang, &dispatch);
                    return;
                }
                head
            } else {
                Vec::new()
            };
            Finished::Scanned(
                scan(source, head, &h.control.cancelled, PAGE_TURN_EVERY_MS, &mut |done| show(done)).await,
            )
        }
    };
    let outcome = match finished {
        Finished::Scanned(o) => o,
        Finished::Whole(bytes, failed) => {
            h.view.set(before);
            add_gunzipped(&name, &bytes, failed, &h, lang, &dispatch);
            return;
        }
    };
    let millis = now() - started;
    for (key, ms) in [
        ("scanReadMs", outcome.read_ms),
        ("scanCopyMs", outcome.copy_ms),
        ("scanYieldMs", outcome.yield_ms),
        ("scanChunks", f64::from(outcome.chunks)),
        ("scanInWorker", if on_page { 0.0 } else { 1.0 }),
    ] {
        crate::dom::record_timing(key, ms);
    }
    let Outcome { timeline, cancelled, corrupt_at, feed_ms, .. } = outcome;
    let timeline = Rc::new(timeline);
    h.view.set(ScanView::Done {
        name: name.clone(),
        timeline: Rc::clone(&timeline),
        cancelled,
        corrupt_at,
        on_page,
        millis,
        feed_millis: feed_ms,
    });
    if timeline.events.is_empty() {
        return;
    }
    // The timeline is rendered in one task, the excerpt analysed in the next: two short stalls
    // of the main thread rather than one long one.
    gloo_timers::future::TimeoutFuture::new(0).await;
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
        ScanView::Done { name, timeline, cancelled, corrupt_at, on_page, millis, feed_millis } => {
            // Integers from here on: the page carries no float formatting code.
            let ms = millis.max(0.0).round() as u64;
            let speed = advisor::logscan::decimal(timeline.bytes.saturating_mul(1000), ms.max(1) << 20, 0);
            html! {
                <section class="log-scan" id="log-scan" data-state="done" data-bytes={timeline.bytes.to_string()}
                    data-millis={ms.to_string()} data-feed-millis={(feed_millis.max(0.0).round() as u64).to_string()} data-cancelled={cancelled.to_string()}
                    data-scanned-in={if *on_page { "page" } else { "worker" }}>
                    <h2>{ f(lang, k::UI_SCAN_TITLE, &[("name", name)]) }</h2>
                    if *cancelled {
                        <p class="scan-status">{ lang.fmt(k::LOGSCAN_CANCELLED, &[("done", &format_bytes(timeline.bytes))]) }</p>
                    }
                    <p class="scan-status">{ timeline.summary(lang) }{ " " }
                        { f(lang, k::UI_SCAN_SPEED, &[("secs", &advisor::logscan::decimal(ms, 1000, 1)), ("speed", &speed)]) }</p>
                    if let Some(at) = corrupt_at {
                        <p class="scan-note" id="scan-notice">{ corrupt_note(name, *at, lang) }</p>
                    }
                    if *on_page {
                        <p class="scan-note" id="scan-on-page">{ t(lang, k::UI_SCAN_ON_PAGE) }</p>
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
