//! Large error logs: a dropped or chosen file above [`advisor::logscan::STREAM_THRESHOLD`] whose
//! head looks like an error log (or any file of [`ALWAYS_STREAM`] bytes or more) is read as a
//! stream (`Blob.stream()`) into one [`advisor::logscan::Scanner`] (memory bounded: one chunk
//! buffer plus the scanner's limits; the file is never held whole), giving the event loop a turn
//! every [`YIELD_EVERY_MS`], with a progress bar and a Cancel button. When done, the timeline is
//! shown and its excerpt becomes an input (with the file's line numbers), so the rules see the
//! events.

use crate::dom::now;
use crate::state::Action;
use crate::tr::{f, t};
use advisor::Lang;
use advisor::i18n::k;
use advisor::logscan::{Level, Scanner, Timeline, format_bytes};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, ReadableStreamDefaultReader};
use yew::prelude::*;

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
    Done {
        name: String,
        timeline: Rc<Timeline>,
        cancelled: bool,
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

/// Scans `file` chunk by chunk, updating the view; adds the excerpt as an input when done.
pub async fn scan_file(file: File, h: ScanHandle, lang: Lang, dispatch: Callback<Action>) {
    let name = file.name();
    let total = file.size();
    h.cancel.set(false);
    h.view.set(ScanView::Running { name: name.clone(), done: 0, total: total as u64 });
    let started = now();
    let mut scanner = Scanner::new();
    let mut buf = Vec::new();
    let mut at = 0.0;
    let mut cancelled = false;
    let mut feed_millis = 0.0;
    // Where the rest of the time goes (reported by the browser tests through
    // `window.mysqlAdvisorTiming`): waiting for the browser's reads, copying into the wasm
    // memory, and the turns given to the event loop.
    let (mut read_millis, mut copy_millis, mut yield_millis, mut chunks) = (0.0, 0.0, 0.0, 0u32);
    // The file is read as a stream (the browser reads ahead on its own; chunks of its choosing,
    // typically 64 KiB to 1 MiB). The loop gives the event loop a turn (paint, input, Cancel) once
    // [`YIELD_EVERY_MS`] have passed since the last turn, so a stall lasts at most that plus one
    // chunk's scan, and fast reads are not slowed down by timers.
    let reader: ReadableStreamDefaultReader = file.stream().get_reader().unchecked_into();
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
            // The file could not be read on (moved or changed meanwhile): shown as cut short.
            cancelled = true;
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
            h.view.set(ScanView::Running { name: name.clone(), done: at as u64, total: total as u64 });
            let turn = now();
            gloo_timers::future::TimeoutFuture::new(0).await;
            last_turn = now();
            yield_millis += last_turn - turn;
        }
    }
    drop(buf);
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
        });
    }
    h.view.set(ScanView::Done { name, timeline: Rc::new(timeline), cancelled, millis, feed_millis });
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
        ScanView::Done { name, timeline, cancelled, millis, feed_millis } => {
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
