//! Reading a file through the core's [`Scanner`]: `Blob.stream()` — piped through the browser's
//! `DecompressionStream("gzip")` for a gzip file — chunk by chunk into one scanner (memory
//! bounded: one chunk buffer plus the scanner's limits; the file is never held whole).
//!
//! The same loop runs in the scan worker (`worker.rs`, the usual case) and on the page when no
//! worker could be started (`components/log_scan.rs`); only how often it gives its event loop a
//! turn differs ([`scan`]'s `turn_every`).

use crate::dom::now;
use advisor::logscan::{STREAM_THRESHOLD, Scanner, Timeline};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair};

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

/// Called by a `TransformStream` for each chunk.
type OnChunk = Closure<dyn FnMut(JsValue, web_sys::TransformStreamDefaultController)>;

/// The bytes a scan reads: the file's own, or decompressed from it.
pub struct Source {
    pub reader: ReadableStreamDefaultReader,
    /// For a decompressed stream: the file's bytes read so far (the progress bar counts those),
    /// and the transform that counts them (kept alive while the stream runs).
    raw: Option<(Rc<Cell<f64>>, OnChunk)>,
}

impl Source {
    /// `file.stream()`, decompressed when `gzip`; `None` when the browser lacks
    /// `DecompressionStream`.
    pub fn open(file: &File, gzip: bool) -> Option<Source> {
        if gzip {
            return gunzipped(file);
        }
        // The browser reads ahead on its own; chunks of its choosing (64 KiB to a few MiB).
        Some(Source { reader: file.stream().get_reader().unchecked_into(), raw: None })
    }

    /// Bytes of the file behind `fed` bytes of the stream.
    fn done(&self, fed: f64) -> f64 {
        self.raw.as_ref().map_or(fed, |(raw, _)| raw.get())
    }

    fn is_gzip(&self) -> bool {
        self.raw.is_some()
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
pub async fn next_chunk(reader: &ReadableStreamDefaultReader) -> Result<Option<js_sys::Uint8Array>, JsValue> {
    let result = JsFuture::from(reader.read()).await?;
    if js_sys::Reflect::get(&result, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
        return Ok(None);
    }
    Ok(Some(js_sys::Reflect::get(&result, &"value".into())?.unchecked_into()))
}

/// True when the browser has `DecompressionStream`.
pub fn can_gunzip() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"DecompressionStream".into()).is_ok_and(|d| d.is_function())
}

/// The first [`STREAM_THRESHOLD`] decompressed bytes of a gzip `source` (all of them when fewer),
/// and whether the stream failed before (a corrupt or cut-short stream).
pub async fn gunzip_head(source: &Source) -> (Vec<u8>, bool) {
    let threshold = usize::try_from(STREAM_THRESHOLD).unwrap_or(usize::MAX);
    let mut head = Vec::new();
    while head.len() < threshold {
        match next_chunk(&source.reader).await {
            Ok(Some(chunk)) => {
                let n = head.len();
                head.resize(n + chunk.length() as usize, 0);
                chunk.copy_to(&mut head[n..]);
            }
            Ok(None) => return (head, false),
            Err(_) => return (head, true),
        }
    }
    (head, false)
}

/// What a scan found, and where its time went.
pub struct Outcome {
    pub timeline: Timeline,
    /// Cancelled, or the file could not be read on (moved or changed meanwhile): cut short.
    pub cancelled: bool,
    /// A gzip stream that failed: the decompressed bytes scanned before (what came before is
    /// kept).
    pub corrupt_at: Option<u64>,
    /// In `Scanner::feed`.
    pub feed_ms: f64,
    /// Waiting for the browser's reads.
    pub read_ms: f64,
    /// Copying the chunks into the wasm memory.
    pub copy_ms: f64,
    /// The turns given to the event loop.
    pub yield_ms: f64,
    pub chunks: u32,
}

impl Outcome {
    /// A scan that ended before it read anything.
    pub fn cut_short() -> Outcome {
        Outcome {
            timeline: Timeline::default(),
            cancelled: true,
            corrupt_at: None,
            feed_ms: 0.0,
            read_ms: 0.0,
            copy_ms: 0.0,
            yield_ms: 0.0,
            chunks: 0,
        }
    }
}

/// Scans `source` to its end (or until `cancel` is set, checked between chunks). Once
/// `turn_every` ms have passed since the last turn, calls `progress` with the file's bytes read
/// so far and gives the event loop a turn (paint, input and Cancel on the page; the Cancel
/// message in the worker), so fast reads are not slowed down by timers.
pub async fn scan(
    source: Source,
    head: Vec<u8>,
    cancel: &Cell<bool>,
    turn_every: f64,
    progress: &mut dyn FnMut(u64),
) -> Outcome {
    let mut scanner = Scanner::new();
    // What `gunzip_head` read already.
    scanner.feed(&head);
    let mut at = head.len() as f64;
    drop(head);
    let mut buf = Vec::new();
    let mut o = Outcome { cancelled: false, ..Outcome::cut_short() };
    let reader = &source.reader;
    let mut last_turn = now();
    loop {
        if cancel.get() {
            o.cancelled = true;
            let _ = reader.cancel();
            break;
        }
        let asked = now();
        let read = next_chunk(reader).await;
        o.read_ms += now() - asked;
        let chunk = match read {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            // A corrupt or cut-short gzip stream: what came before is kept, with a note.
            Err(_) if source.is_gzip() => {
                o.corrupt_at = Some(scanner.bytes_fed());
                break;
            }
            // The file could not be read on (moved or changed meanwhile): shown as cut short.
            Err(_) => {
                o.cancelled = true;
                break;
            }
        };
        let copied = now();
        buf.resize(chunk.length() as usize, 0);
        chunk.copy_to(&mut buf);
        o.chunks += 1;
        let fed = now();
        o.copy_ms += fed - copied;
        scanner.feed(&buf);
        o.feed_ms += now() - fed;
        at += buf.len() as f64;
        if now() - last_turn >= turn_every {
            progress(source.done(at) as u64);
            let turn = now();
            gloo_timers::future::TimeoutFuture::new(0).await;
            last_turn = now();
            o.yield_ms += last_turn - turn;
        }
    }
    drop(buf);
    drop(source);
    o.timeline = scanner.finish();
    o
}
