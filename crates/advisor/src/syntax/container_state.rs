//! Container state as the tools print it: `docker ps` / `podman ps` tables, `docker inspect` JSON,
//! `kubectl describe pod`, and `kubectl get pod -o yaml|json` (`runtime-and-launchers.md` §7).
//!
//! Accepted grammar (line-oriented, never fails, linear, no recursion on input depth):
//! - **docker ps**: a header line starting with `CONTAINER ID` that names `IMAGE`, `STATUS` and
//!   `NAMES`; one row per line up to a blank line or a prompt. Cells are runs of text separated by
//!   two or more spaces (values hold single spaces: `3 minutes ago`, `Exited (16) 3 minutes ago`);
//!   each cell belongs to the header column whose start is the last at or before the cell's start,
//!   counted in characters as Go's `tabwriter` pads them (`"docker-entrypoint.s…"` is 22
//!   characters but 24 bytes). STATUS (moby `(*State).String()`, §7.1): `Up …` (running, `(Paused)`
//!   paused), `Restarting (N) … ago`, `Exited (N) … ago`, `Created`, `Dead`, `Removal In Progress`.
//! - **docker inspect** (containers, not images): `[` then `{` with `"Id"` and `"State"`/`"Path"`
//!   in the first lines (also a single object `{`). Read by [`JsonFlat`], a byte scanner that keeps
//!   every scalar's path and span; the document ends where the top-level value closes, else at a
//!   blank line or a prompt (a truncated paste: a problem, and what was read before the cut is
//!   kept). Fields (§7.2): `Name`, `Path`, `Args`, `State.{Status,ExitCode,Restarting,StartedAt,
//!   FinishedAt}`, `RestartCount`, `HostConfig.{RestartPolicy.{Name,MaximumRetryCount},Init}`,
//!   `Config.{Env,Image,Entrypoint,Cmd}`.
//! - **kubectl describe pod** (`describe.go` `describePod` / `describeContainerState`, §7.3):
//!   `Name:` at column 0 with `Namespace:` right after, up to a blank line or a prompt. Under
//!   `Containers:` (and `Init Containers:`), each `  <name>:` block with `Image:`, `Command:` /
//!   `Args:` lists, `State:` / `Last State:` with `Reason:`, `Exit Code:`, `Ready:`,
//!   `Restart Count:`, `Environment:` (`NAME:  value`); `Controlled By:  Kind/name`.
//! - **kubectl get pod -o yaml**: an `apiVersion:` document (the Kubernetes spec reader of
//!   [`super::container`] reads its `spec`) that also holds `status:` … `containerStatuses:`; its
//!   lines are flattened by [`yaml_flat`] (indentation, `key: value`, `- item`; anchors, aliases
//!   and flow maps are kept as written, with a problem). **-o json**: `{` then `"apiVersion"` and
//!   `"kind": "Pod"`. Fields: `metadata.name`, `metadata.ownerReferences[].kind`,
//!   `spec.restartPolicy`, `spec.containers[].{name,image,command,args,env}`,
//!   `status.containerStatuses[].{name,image,restartCount,state,lastState}`.
//!
//! JSON is scanned by hand rather than by `serde_json` because evidence needs each value's byte
//! span and a truncated paste must still yield what it holds; `serde_json` checks the claimed text
//! and its error message names where a complete-looking document is malformed.

use crate::i18n::k;
use crate::text::TrimWs;

use crate::base::{Loc, Valued};
use crate::source::Source;
use crate::syntax::container::{ContainerDef, ContainerSource, empty_def};
use crate::syntax::document::{Claim, DocKind, Hint, Parsed, Problem};
use crate::text::TextRange;

/// Paths deeper than this are not recorded (the scan carries on).
const MAX_DEPTH: usize = 64;
/// Keys longer than this are recorded as `?` (keeps every path short).
const MAX_KEY: usize = 128;
/// At most this many scalars are kept per document (a `docker inspect` object has ~200), and at
/// most this many containers: past them the document is still claimed and scanned, not stored, so
/// a hostile paste costs bounded memory.
const MAX_LEAVES: usize = 100_000;
const MAX_CONTAINERS: usize = 10_000;

/// One container as a state view shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SeenContainer {
    pub name: Option<Valued<String>>,
    pub image: Option<Valued<String>>,
    /// Docker: `State.Status` (`running`, `exited`, `restarting`, `created`, `paused`, `dead`,
    /// `removing`; a `docker ps` STATUS is mapped to these). Kubernetes: the current state
    /// (`Running`, `Waiting`, `Terminated`).
    pub status: Option<Valued<String>>,
    /// The last exit code: `Exited (N)` / `Restarting (N)`, `State.ExitCode`, the current state's
    /// `Exit Code` when terminated, else the last state's.
    pub exit_code: Option<Valued<i32>>,
    pub restart_count: Option<Valued<u32>>,
    /// `HostConfig.RestartPolicy.Name` (`on-failure:N` when a maximum is set), `restartPolicy`.
    pub policy: Option<Valued<String>>,
    /// The current state's reason (`CrashLoopBackOff`, `Completed`, `Error`).
    pub reason: Option<Valued<String>>,
    /// The last state's reason (Kubernetes `Last State: Terminated`).
    pub last_reason: Option<Valued<String>>,
    /// The last state's exit code (Kubernetes), apart from `exit_code`.
    pub last_exit_code: Option<Valued<i32>>,
    /// The current state's exit code (Kubernetes `State: Terminated`), apart from `exit_code`.
    pub state_exit_code: Option<Valued<i32>>,
    /// `docker inspect` `State.Restarting`.
    pub restarting: bool,
    /// `docker inspect` `Config.Env`, in order.
    pub env: Vec<(String, Valued<String>)>,
    /// The row, object or block.
    pub at: Loc,
}

impl SeenContainer {
    fn new(at: Loc) -> SeenContainer {
        SeenContainer {
            name: None,
            image: None,
            status: None,
            exit_code: None,
            restart_count: None,
            policy: None,
            reason: None,
            last_reason: None,
            last_exit_code: None,
            state_exit_code: None,
            restarting: false,
            env: Vec::new(),
            at,
        }
    }
}

/// The parse of a state view.
#[derive(Clone, Debug, Default)]
pub(crate) struct StateDoc {
    /// One per row, object or container block.
    pub containers: Vec<SeenContainer>,
    /// The configuration the view shows (`docker inspect` `Config` / `HostConfig`, a pod's spec).
    pub defs: Vec<ContainerDef>,
}

/// Claims a document of this kind starting at line `i`, if one clearly starts there.
pub(crate) fn recognize(src: &Source<'_>, i: usize, _hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    let t = line.trim_ws();
    if t.starts_with("CONTAINER ID") {
        return docker_ps(src, i);
    }
    if t == "[" || t == "{" {
        return json_doc(src, i);
    }
    if line.starts_with("Name:") {
        return describe(src, i);
    }
    if line.starts_with("apiVersion:") {
        return pod_yaml(src, i);
    }
    None
}

fn loc(src: &Source<'_>, range: TextRange) -> Loc {
    Loc { input: src.index, range }
}

fn claim(kind: DocKind, end: usize, name: Option<String>, doc: StateDoc, problems: Vec<Problem>) -> Claim {
    Claim { kind, end, name, label: None, parsed: Parsed::ContainerState(doc), problems }
}

/// One past the last line of a block: up to a blank line or a prompt.
fn block_end(src: &Source<'_>, i: usize) -> usize {
    let mut end = i + 1;
    while end < src.lines.len() {
        let l = src.line(end);
        if l.trim_ws().is_empty() || crate::syntax::prompt::command(l).is_some() {
            break;
        }
        end += 1;
    }
    end
}

// ---------------------------------------------------------------------------------------------
// docker ps

/// Splits a line into cells separated by two or more spaces (or a tab): (char start, text).
fn cells(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, char)
    let mut spaces = 0usize;
    let mut last_end = 0usize;
    for (ci, (bi, c)) in line.char_indices().enumerate() {
        if c == ' ' || c == '\t' {
            spaces += if c == '\t' { 2 } else { 1 };
            if spaces >= 2
                && let Some((sb, sc)) = start.take()
            {
                out.push((sc, line[sb..last_end].trim_end_ws()));
            }
            continue;
        }
        spaces = 0;
        if start.is_none() {
            start = Some((bi, ci));
        }
        last_end = bi + c.len_utf8();
    }
    if let Some((sb, sc)) = start {
        out.push((sc, line[sb..last_end].trim_end_ws()));
    }
    out
}

/// Maps a `docker ps` STATUS to `State.Status` and the exit code it shows.
pub(crate) fn ps_status(s: &str) -> (Option<&'static str>, Option<i32>) {
    let code = || {
        let inner = s.split_once('(')?.1.split_once(')')?.0;
        inner.trim_ws().parse::<i32>().ok()
    };
    if s.starts_with("Up ") || s == "Up" {
        return (Some(if s.contains("(Paused)") { "paused" } else { "running" }), None);
    }
    if s.starts_with("Exited") {
        return (Some("exited"), code());
    }
    if s.starts_with("Restarting") {
        return (Some("restarting"), code());
    }
    if s.starts_with("Created") {
        return (Some("created"), None);
    }
    if s.starts_with("Dead") {
        return (Some("dead"), None);
    }
    if s.starts_with("Removal In Progress") {
        return (Some("removing"), None);
    }
    (None, None)
}

fn docker_ps(src: &Source<'_>, i: usize) -> Option<Claim> {
    let header = src.line(i);
    let cols = cells(header);
    let names: Vec<&str> = cols.iter().map(|c| c.1).collect();
    // docker prints 7 columns, podman up to 10 (`--size`, `--pod`).
    if !(cols.len() <= 16
        && names.first() == Some(&"CONTAINER ID")
        && names.contains(&"IMAGE")
        && names.contains(&"STATUS")
        && names.contains(&"NAMES"))
    {
        return None;
    }
    let end = block_end(src, i);
    let mut doc = StateDoc::default();
    let mut end = end;
    for idx in i + 1..end {
        let line = src.line(idx);
        let row = cells(line);
        // A row has an ID, an image, a command, a creation time, a status and names (ports may be
        // empty): anything shorter ends the table.
        if row.len() < 5 {
            end = idx;
            break;
        }
        if doc.containers.len() >= MAX_CONTAINERS {
            continue;
        }
        let lr = src.lines[idx].range;
        let mut c = SeenContainer::new(loc(src, lr));
        for (start, text) in row {
            let col = cols.iter().rev().find(|(cs, _)| *cs <= start + 1).map(|c| c.1).unwrap_or("");
            let at = loc(src, src.range_in_line(idx, text));
            match col {
                "IMAGE" => c.image = Some(Valued::new(text.to_owned(), at)),
                "NAMES" => c.name = Some(Valued::new(text.to_owned(), at)),
                "STATUS" => {
                    let (st, code) = ps_status(text);
                    if let Some(st) = st {
                        c.status = Some(Valued::new(st.to_owned(), at));
                        c.restarting = st == "restarting";
                    }
                    c.exit_code = code.map(|n| Valued::new(n, at));
                }
                _ => {}
            }
        }
        doc.containers.push(c);
    }
    let name = (doc.containers.len() == 1)
        .then(|| doc.containers[0].name.as_ref().map(|n| n.value.clone()))
        .flatten();
    Some(claim(DocKind::DockerPs, end, name, doc, Vec::new()))
}

// ---------------------------------------------------------------------------------------------
// JSON

/// A scalar read from JSON or YAML: its path (`[0].State.ExitCode`,
/// `status.containerStatuses[0].name`), its decoded value and the span of the value as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Leaf {
    pub path: String,
    pub value: String,
    pub range: TextRange,
}

#[derive(Debug)]
enum Frame {
    Obj { seg: Option<String>, key: Option<String>, expect_key: bool },
    Arr { seg: Option<String>, count: usize },
}

/// An incremental JSON scanner fed line by line: records every scalar with its path and span.
/// No recursion (an explicit stack), one pass, never fails: the first unexpected byte is kept as
/// an error offset and the rest of that line skipped.
#[derive(Debug, Default)]
pub(crate) struct JsonFlat {
    stack: Vec<Frame>,
    pub leaves: Vec<Leaf>,
    /// The top-level value closed.
    pub done: bool,
    pub started: bool,
    /// Offset of the first byte that is not JSON.
    pub error: Option<u32>,
    /// The top-level objects and those one level down (path, span): the docker inspect objects.
    pub objects: Vec<(String, TextRange)>,
    opened: Vec<u32>,
    /// Brackets open past [`MAX_DEPTH`]: counted, not stacked (their contents are skipped).
    overflow: usize,
}

impl JsonFlat {
    fn path_with(&self, last: Option<&str>) -> Option<String> {
        if self.stack.len() > MAX_DEPTH {
            return None;
        }
        let mut p = String::new();
        let segs = self.stack.iter().skip(1).filter_map(|f| match f {
            Frame::Obj { seg, .. } | Frame::Arr { seg, .. } => seg.as_deref(),
        });
        for s in segs.chain(last) {
            if !s.starts_with('[') && !p.is_empty() {
                p.push('.');
            }
            p.push_str(s);
        }
        Some(p)
    }

    /// The segment a value starting now takes (the pending key, or the array index).
    fn next_seg(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            Some(Frame::Obj { key, .. }) => Some(key.take().unwrap_or_default()),
            Some(Frame::Arr { count, .. }) => {
                *count += 1;
                Some(format!("[{}]", *count - 1))
            }
            None => None,
        }
    }

    fn value_allowed(&self) -> bool {
        match self.stack.last() {
            Some(Frame::Obj { expect_key, key, .. }) => !*expect_key && key.is_some(),
            Some(Frame::Arr { .. }) => true,
            None => !self.started,
        }
    }

    /// Feeds one line (`base`: its byte offset in the input).
    pub fn feed(&mut self, line: &str, base: u32) {
        let b = line.as_bytes();
        let mut k = 0usize;
        while k < b.len() {
            if self.done {
                if !b[k].is_ascii_whitespace() {
                    self.error.get_or_insert(base + k as u32);
                }
                return;
            }
            let c = b[k];
            if self.overflow > 0 {
                match c {
                    b'{' | b'[' => self.overflow += 1,
                    b'}' | b']' => self.overflow -= 1,
                    b'"' => {
                        let (_, next, _) = read_string(b, k);
                        k = next;
                        continue;
                    }
                    _ => {}
                }
                k += 1;
                continue;
            }
            match c {
                b' ' | b'\t' | b'\r' => k += 1,
                b'{' | b'[' => {
                    if !self.value_allowed() {
                        self.error.get_or_insert(base + k as u32);
                        return;
                    }
                    self.started = true;
                    let seg = self.next_seg();
                    if self.stack.len() >= MAX_DEPTH {
                        self.overflow = 1;
                        k += 1;
                        continue;
                    }
                    self.opened.push(base + k as u32);
                    self.stack.push(if c == b'{' {
                        Frame::Obj { seg, key: None, expect_key: true }
                    } else {
                        Frame::Arr { seg, count: 0 }
                    });
                    k += 1;
                }
                b'}' | b']' => {
                    let ok = matches!(
                        (c, self.stack.last()),
                        (b'}', Some(Frame::Obj { .. })) | (b']', Some(Frame::Arr { .. }))
                    );
                    if !ok {
                        self.error.get_or_insert(base + k as u32);
                        return;
                    }
                    let open = self.opened.pop().unwrap_or(base);
                    if c == b'}' && self.stack.len() <= 2 {
                        let p = self.path_with(None).unwrap_or_default();
                        self.objects.push((p, TextRange::new(open, base + k as u32 + 1)));
                    }
                    self.stack.pop();
                    if self.stack.is_empty() {
                        self.done = true;
                    }
                    k += 1;
                }
                b':' => {
                    match self.stack.last_mut() {
                        Some(Frame::Obj { expect_key, key, .. }) if !*expect_key && key.is_some() => {}
                        _ => {
                            self.error.get_or_insert(base + k as u32);
                            return;
                        }
                    }
                    k += 1;
                }
                b',' => {
                    if let Some(Frame::Obj { expect_key, key, .. }) = self.stack.last_mut() {
                        *expect_key = true;
                        *key = None;
                    }
                    k += 1;
                }
                b'"' => {
                    let (s, next, closed) = read_string(b, k);
                    let range = TextRange::new(base + k as u32, base + next as u32);
                    k = next;
                    if !closed {
                        self.error.get_or_insert(range.start);
                        return;
                    }
                    if let Some(Frame::Obj { expect_key, key, .. }) = self.stack.last_mut()
                        && *expect_key
                    {
                        *expect_key = false;
                        *key = Some(if s.len() > MAX_KEY { "?".to_owned() } else { s });
                        continue;
                    }
                    self.scalar(s, range);
                }
                b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                    let mut e = k;
                    while e < b.len() && (b[e].is_ascii_alphanumeric() || matches!(b[e], b'.' | b'+' | b'-'))
                    {
                        e += 1;
                    }
                    let s = line[k..e].to_owned();
                    let range = TextRange::new(base + k as u32, base + e as u32);
                    k = e;
                    self.scalar(s, range);
                }
                _ => {
                    self.error.get_or_insert(base + k as u32);
                    return;
                }
            }
        }
    }

    fn scalar(&mut self, value: String, range: TextRange) {
        if !self.value_allowed() {
            self.error.get_or_insert(range.start);
            return;
        }
        self.started = true;
        let seg = self.next_seg();
        if self.stack.is_empty() {
            self.done = true;
        }
        if self.leaves.len() < MAX_LEAVES
            && let Some(path) = self.path_with(seg.as_deref())
        {
            self.leaves.push(Leaf { path, value, range });
        }
    }
}

/// Reads a JSON string starting at the quote `b[k]`: (decoded value, index after it, closed).
fn read_string(b: &[u8], k: usize) -> (String, usize, bool) {
    let mut out: Vec<u8> = Vec::new();
    let mut j = k + 1;
    while j < b.len() {
        match b[j] {
            b'"' => return (String::from_utf8_lossy(&out).into_owned(), j + 1, true),
            b'\\' if j + 1 < b.len() => {
                let e = b[j + 1];
                match e {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    b'b' | b'f' => {}
                    b'u' => {
                        let hex = b.get(j + 2..j + 6).and_then(|h| std::str::from_utf8(h).ok());
                        let ch = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(ch.unwrap_or('\u{fffd}').encode_utf8(&mut buf).as_bytes());
                        j += 4;
                    }
                    other => out.push(other),
                }
                j += 2;
            }
            c => {
                out.push(c);
                j += 1;
            }
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), b.len(), false)
}

/// Whether a line (trimmed) starts with JSON key `key`.
fn json_key(line: &str, key: &str) -> bool {
    let t = line.trim_ws();
    t.strip_prefix('"').and_then(|r| r.strip_prefix(key)).is_some_and(|r| r.starts_with("\":"))
}

fn json_doc(src: &Source<'_>, i: usize) -> Option<Claim> {
    let n = src.lines.len();
    let look = |from: usize, to: usize, key: &str| (from..to.min(n)).any(|k| json_key(src.line(k), key));
    let array = src.line(i).trim_ws() == "[";
    let obj_line = if array { i + 1 } else { i };
    if obj_line >= n || src.line(obj_line).trim_ws() != "{" {
        return None;
    }
    let inspect = look(obj_line + 1, obj_line + 3, "Id") && look(obj_line + 1, obj_line + 14, "State");
    let pod = !array
        && look(i + 1, i + 3, "apiVersion")
        && (i + 1..(i + 4).min(n)).any(|k| {
            let t = src.line(k).trim_ws();
            json_key(t, "kind") && t.contains("\"Pod\"")
        });
    if !inspect && !pod {
        return None;
    }
    let mut flat = JsonFlat::default();
    let mut end = i;
    while end < n && !flat.done {
        let l = src.line(end);
        if flat.started && (l.trim_ws().is_empty() || crate::syntax::prompt::command(l).is_some()) {
            break;
        }
        flat.feed(l, src.lines[end].range.start);
        end += 1;
    }
    let range = src.lines_range(i, end);
    let mut problems = Vec::new();
    if !flat.done {
        problems.push(Problem {
            key: k::CSTATE_PROBLEM_TRUNCATED,
            args: vec![("line", src.lines[end - 1].number.to_string())],
            range: TextRange::empty(range.end),
        });
    } else if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(src.slice(range)) {
        let at = flat.error.map(TextRange::empty).unwrap_or(TextRange::empty(range.start));
        let line = src.index_map.line(at.start);
        problems.push(Problem {
            key: k::CSTATE_PROBLEM_JSON,
            args: vec![("line", line.to_string()), ("error", e.to_string())],
            range: at,
        });
    }
    let (kind, doc) = if inspect {
        (DocKind::DockerInspect, inspect_doc(src, &flat))
    } else {
        (DocKind::KubectlPod, pod_doc(src, &flat.leaves))
    };
    let pod_name = flat.leaves.iter().find(|l| l.path == "metadata.name").map(|l| l.value.clone());
    let name =
        pod_name.or_else(|| doc.containers.first().and_then(|c| c.name.as_ref()).map(|n| n.value.clone()));
    Some(claim(kind, end, name, doc, problems))
}

/// Splits `[3].State.ExitCode` into (3, `State.ExitCode`); a path without an index is object 0.
fn split_index(path: &str) -> (usize, &str) {
    if let Some(r) = path.strip_prefix('[')
        && let Some((n, rest)) = r.split_once(']')
        && let Ok(n) = n.parse::<usize>()
    {
        return (n, rest.strip_prefix('.').unwrap_or(rest));
    }
    (0, path)
}

fn inspect_doc(src: &Source<'_>, flat: &JsonFlat) -> StateDoc {
    let mut doc = StateDoc::default();
    // Group leaves by object, in order (indices only grow).
    let mut groups: Vec<(usize, Vec<(&str, &Leaf)>)> = Vec::new();
    for l in &flat.leaves {
        let (n, rest) = split_index(&l.path);
        match groups.last_mut() {
            Some((g, v)) if *g == n => v.push((rest, l)),
            _ => groups.push((n, vec![(rest, l)])),
        }
    }
    let in_array = flat.objects.iter().any(|(p, _)| p.starts_with('['));
    let objects: std::collections::HashMap<&str, TextRange> =
        flat.objects.iter().map(|(p, r)| (p.as_str(), *r)).collect();
    for (n, leaves) in groups.into_iter().take(MAX_CONTAINERS) {
        let want = if in_array { format!("[{n}]") } else { String::new() };
        let first = leaves.first().map(|(_, l)| l.range).unwrap_or_default();
        let last = leaves.last().map(|(_, l)| l.range).unwrap_or_default();
        let obj = objects.get(want.as_str()).copied().unwrap_or(first.cover(last));
        doc_from_inspect(src, &leaves, obj, &mut doc);
    }
    doc
}

fn doc_from_inspect(src: &Source<'_>, leaves: &[(&str, &Leaf)], obj: TextRange, doc: &mut StateDoc) {
    let get = |p: &str| leaves.iter().rev().find(|(q, _)| *q == p).map(|(_, l)| *l);
    let val = |l: &Leaf| Valued::new(l.value.clone(), loc(src, l.range));
    let list = |prefix: &str| -> Option<Valued<String>> {
        let items: Vec<&Leaf> = leaves
            .iter()
            .filter(|(q, _)| q.strip_prefix(prefix).is_some_and(|r| r.starts_with('[')))
            .map(|(_, l)| *l)
            .collect();
        let (f, l) = (items.first()?, items.last()?);
        let words: Vec<&str> = items.iter().map(|l| l.value.as_str()).collect();
        Some(Valued::new(words.join(" "), loc(src, f.range.cover(l.range))))
    };
    let mut c = SeenContainer::new(loc(src, obj));
    c.name = get("Name").map(|l| Valued::new(l.value.trim_start_matches('/').to_owned(), loc(src, l.range)));
    c.image = get("Config.Image").map(val);
    c.status = get("State.Status").map(val);
    c.exit_code = get("State.ExitCode")
        .and_then(|l| l.value.parse::<i32>().ok().map(|n| Valued::new(n, loc(src, l.range))));
    c.restarting = get("State.Restarting").is_some_and(|l| l.value == "true");
    c.restart_count = get("RestartCount")
        .and_then(|l| l.value.parse::<u32>().ok().map(|n| Valued::new(n, loc(src, l.range))));
    let max = get("HostConfig.RestartPolicy.MaximumRetryCount").and_then(|l| l.value.parse::<u32>().ok());
    c.policy = get("HostConfig.RestartPolicy.Name").map(|l| {
        let v = match max {
            Some(m) if m > 0 && l.value == "on-failure" => format!("on-failure:{m}"),
            _ => l.value.clone(),
        };
        Valued::new(v, loc(src, l.range))
    });
    for (q, l) in leaves {
        if q.strip_prefix("Config.Env").is_some_and(|r| r.starts_with('[')) {
            let (name, value) = l.value.split_once('=').unwrap_or((&l.value, ""));
            c.env.push((name.to_owned(), Valued::new(value.to_owned(), loc(src, l.range))));
        }
    }
    let def = ContainerDef {
        source: ContainerSource::DockerRun,
        name: c.name.as_ref().map(|n| n.value.clone()),
        at: c.at,
        image: c.image.clone(),
        // `""` is "no" (§7.2); keep it out so the model's default applies.
        restart: c.policy.clone().filter(|p| !p.value.is_empty()),
        env: c.env.clone(),
        env_files: Vec::new(),
        entrypoint: list("Config.Entrypoint"),
        command: list("Config.Cmd"),
        init: get("HostConfig.Init").and_then(|l| match l.value.as_str() {
            "true" => Some(Valued::new(true, loc(src, l.range))),
            "false" => Some(Valued::new(false, loc(src, l.range))),
            _ => None,
        }),
        kind: None,
        share_pid: None,
        source_text: None,
    };
    doc.defs.push(def);
    doc.containers.push(c);
}

// ---------------------------------------------------------------------------------------------
// Kubernetes pod (JSON and YAML share the paths)

/// `status.containerStatuses[2].name` with prefix `status.containerStatuses` → (2, `name`).
fn under<'a>(path: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let r = path.strip_prefix(prefix)?.strip_prefix('[')?;
    let (n, rest) = r.split_once(']')?;
    Some((n.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
}

fn pod_doc(src: &Source<'_>, leaves: &[Leaf]) -> StateDoc {
    let mut doc = StateDoc::default();
    let get = |p: &str| leaves.iter().rev().find(|l| l.path == p);
    let policy = get("spec.restartPolicy").map(|l| Valued::new(l.value.clone(), loc(src, l.range)));
    let owner = leaves
        .iter()
        .find(|l| under(&l.path, "metadata.ownerReferences").is_some_and(|(_, r)| r == "kind"))
        .map(|l| l.value.clone());
    // Spec containers → definitions (JSON only: the YAML spec is read by `container`).
    let mut defs: Vec<ContainerDef> = Vec::new();
    let mut env_name: Option<String> = None;
    for l in leaves {
        let Some((n, rest)) = under(&l.path, "spec.containers") else { continue };
        if n >= MAX_CONTAINERS {
            continue;
        }
        while defs.len() <= n {
            defs.push(ContainerDef {
                restart: policy.clone(),
                kind: Some(owner.clone().unwrap_or_else(|| "Pod".to_owned())),
                ..empty_def(ContainerSource::Kubernetes, loc(src, l.range))
            });
        }
        let d = &mut defs[n];
        d.at = Loc { input: src.index, range: d.at.range.cover(l.range) };
        let v = Valued::new(l.value.clone(), loc(src, l.range));
        match rest {
            "name" => d.name = Some(l.value.clone()),
            "image" => d.image = Some(v),
            _ if rest.starts_with("command[") || rest.starts_with("args[") => {
                let slot = if rest.starts_with("command[") { &mut d.entrypoint } else { &mut d.command };
                match slot {
                    Some(s) => {
                        s.value.push(' ');
                        s.value.push_str(&l.value);
                        s.at.range = s.at.range.cover(l.range);
                    }
                    None => *slot = Some(v),
                }
            }
            _ => {
                if let Some((_, k)) = under(rest, "env") {
                    if k == "name" {
                        env_name = Some(l.value.clone());
                    } else if k == "value"
                        && let Some(nm) = env_name.take()
                    {
                        d.env.push((nm, v));
                    } else if k.starts_with("valueFrom")
                        && let Some(nm) = env_name.take()
                    {
                        d.env.push((nm, Valued::new("$(valueFrom)".to_owned(), loc(src, l.range))));
                    }
                }
            }
        }
    }
    doc.defs = defs;
    // Status.
    for l in leaves {
        let Some((n, rest)) = under(&l.path, "status.containerStatuses") else { continue };
        if n >= MAX_CONTAINERS {
            continue;
        }
        while doc.containers.len() <= n {
            let mut c = SeenContainer::new(loc(src, l.range));
            c.policy = policy.clone();
            doc.containers.push(c);
        }
        let c = &mut doc.containers[n];
        c.at.range = c.at.range.cover(l.range);
        let at = loc(src, l.range);
        let v = Valued::new(l.value.clone(), at);
        let code = || l.value.parse::<i32>().ok().map(|x| Valued::new(x, at));
        match rest {
            "name" => c.name = Some(v),
            "image" => c.image = Some(v),
            "restartCount" => c.restart_count = l.value.parse().ok().map(|x| Valued::new(x, at)),
            "lastState.terminated.exitCode" => c.last_exit_code = code(),
            "lastState.terminated.reason" => c.last_reason = Some(v),
            _ => {
                if let Some(r) = rest.strip_prefix("state.") {
                    let (st, field) = r.split_once('.').unwrap_or((r, ""));
                    let shown = match st {
                        "running" => "Running",
                        "waiting" => "Waiting",
                        "terminated" => "Terminated",
                        _ => continue,
                    };
                    if c.status.is_none() {
                        c.status = Some(Valued::new(shown.to_owned(), at));
                    }
                    match field {
                        "reason" => c.reason = Some(v),
                        "exitCode" => c.state_exit_code = code(),
                        _ => {}
                    }
                }
            }
        }
    }
    for c in &mut doc.containers {
        c.exit_code = c.state_exit_code.clone().or_else(|| c.last_exit_code.clone());
    }
    doc
}

/// Flattens YAML lines `from..to` into leaves (see the module doc), with a problem for anchors,
/// aliases and flow maps.
pub(crate) fn yaml_flat(src: &Source<'_>, from: usize, to: usize, problems: &mut Vec<Problem>) -> Vec<Leaf> {
    struct F {
        indent: usize,
        seg: String,
        item: bool,
        count: usize,
    }
    let mut stack: Vec<F> = Vec::new();
    let mut out = Vec::new();
    let mut warned = false;
    let join = |stack: &[F], last: &str| {
        let mut p = String::new();
        for s in stack.iter().map(|f| f.seg.as_str()).chain(std::iter::once(last)) {
            if s.is_empty() {
                continue;
            }
            if !s.starts_with('[') && !p.is_empty() {
                p.push('.');
            }
            p.push_str(s);
        }
        p
    };
    for idx in from..to {
        let line = src.line(idx);
        let t = line.trim_start_ws();
        if t.is_empty() || t.starts_with('#') || t == "---" {
            continue;
        }
        let indent = line.len() - t.len();
        let (dash, body, body_indent) = match t.strip_prefix("- ").or(if t == "-" { Some("") } else { None })
        {
            Some(r) => {
                let r2 = r.trim_start_ws();
                (true, r2, indent + (t.len() - r2.len()))
            }
            None => (false, t, indent),
        };
        if dash {
            while stack.last().is_some_and(|f| f.indent > indent || (f.indent == indent && f.item)) {
                stack.pop();
            }
            let n = match stack.last_mut() {
                Some(f) => {
                    f.count += 1;
                    f.count - 1
                }
                None => 0,
            };
            if stack.len() < MAX_DEPTH {
                stack.push(F { indent, seg: format!("[{n}]"), item: true, count: 0 });
            }
        } else {
            while stack.last().is_some_and(|f| f.indent >= body_indent) {
                stack.pop();
            }
        }
        let (key, value) =
            match body.find(": ").or(if body.ends_with(':') { Some(body.len() - 1) } else { None }) {
                Some(p)
                    if p <= MAX_KEY
                        && !body[..p].contains(' ')
                        && !body.starts_with(['"', '\'', '{', '[']) =>
                {
                    (Some(&body[..p]), body[p + 1..].trim_ws())
                }
                _ => (None, body.trim_ws()),
            };
        let value = match value.find(" #") {
            Some(p) if !value.starts_with(['"', '\'']) => value[..p].trim_end_ws(),
            _ => value,
        };
        if !warned && (value.starts_with(['&', '*', '{']) || body.starts_with(['&', '*', '{'])) {
            warned = true;
            problems.push(Problem {
                key: k::CSTATE_PROBLEM_YAML,
                args: vec![("line", src.lines[idx].number.to_string())],
                range: src.lines[idx].range,
            });
        }
        let unq = |v: &str| -> String {
            let v = v.trim_ws();
            if v.len() >= 2
                && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\'')))
            {
                v[1..v.len() - 1].to_owned()
            } else {
                v.to_owned()
            }
        };
        if stack.len() >= MAX_DEPTH || out.len() >= MAX_LEAVES {
            continue;
        }
        match key {
            Some(k) => {
                if !value.is_empty() {
                    out.push(Leaf {
                        path: join(&stack, k),
                        value: unq(value),
                        range: src.range_in_line(idx, value),
                    });
                }
                stack.push(F {
                    indent: body_indent,
                    seg: k.trim_matches(['"', '\'']).to_owned(),
                    item: false,
                    count: 0,
                });
            }
            None if dash && !value.is_empty() => {
                out.push(Leaf {
                    path: join(&stack, ""),
                    value: unq(value),
                    range: src.range_in_line(idx, value),
                });
            }
            None => {}
        }
    }
    out
}

fn pod_yaml(src: &Source<'_>, i: usize) -> Option<Claim> {
    // The extent and the spec as the Kubernetes spec reader sees them.
    let spec = crate::syntax::container::kubernetes(src, i)?;
    let end = spec.end;
    let has_status = (i..end).any(|k| {
        let l = src.line(k);
        l.trim_ws().starts_with("containerStatuses:")
    });
    if !has_status {
        return None;
    }
    let mut problems = Vec::new();
    let leaves = yaml_flat(src, i, end, &mut problems);
    let mut doc = pod_doc(src, &leaves);
    // The spec part: the existing reader's definitions (same as before this reader claimed it).
    doc.defs = match spec.parsed {
        Parsed::Container(c) => c.defs,
        _ => Vec::new(),
    };
    let name = leaves.iter().find(|l| l.path == "metadata.name").map(|l| l.value.clone()).or(spec.name);
    Some(claim(DocKind::KubectlPod, end, name, doc, problems))
}

// ---------------------------------------------------------------------------------------------
// kubectl describe pod

/// `Key:   value` → (key, value); the key has no leading space and the `:` is followed by a space
/// or the end.
fn describe_kv(t: &str) -> Option<(&str, &str)> {
    let p = t.find(": ").or(if t.ends_with(':') { Some(t.len() - 1) } else { None })?;
    Some((&t[..p], t[p + 1..].trim_ws()))
}

fn describe(src: &Source<'_>, i: usize) -> Option<Claim> {
    let n = src.lines.len();
    if !(i + 1..(i + 3).min(n)).any(|k| src.line(k).starts_with("Namespace:")) {
        return None;
    }
    let end = block_end(src, i);
    if !(i..end).any(|k| src.line(k).starts_with("Containers:")) {
        return None;
    }
    let mut doc = StateDoc::default();
    let mut pod_name: Option<String> = None;
    let mut controller: Option<String> = None;
    let mut in_containers = false;
    let mut cur: Option<(SeenContainer, ContainerDef)> = None;
    let mut out: Vec<(SeenContainer, ContainerDef)> = Vec::new();
    // The current level-4 key (`State`, `Last State`, `Command`, `Args`, `Environment`).
    let mut field: String = String::new();
    for idx in i..end {
        let line = src.line(idx);
        let t = line.trim_start_ws();
        let indent = line.len() - t.len();
        let at = loc(src, src.lines[idx].range);
        if indent == 0 {
            in_containers = matches!(t.trim_end_ws(), "Containers:" | "Init Containers:");
            if let Some(c) = cur.take() {
                out.push(c);
            }
            if let Some((k, v)) = describe_kv(t) {
                match k {
                    "Name" => pod_name = Some(v.to_owned()),
                    "Controlled By" => controller = v.split('/').next().map(str::to_owned),
                    _ => {}
                }
            }
            continue;
        }
        if !in_containers {
            continue;
        }
        let Some((key, value)) = describe_kv(t.trim_end_ws()) else {
            // A list item (`Command:` / `Args:` entries).
            if let Some((_, d)) = cur.as_mut()
                && indent >= 6
            {
                let v = Valued::new(
                    t.trim_end_ws().to_owned(),
                    loc(src, src.range_in_line(idx, t.trim_end_ws())),
                );
                let slot = match field.as_str() {
                    "Command" => &mut d.entrypoint,
                    "Args" => &mut d.command,
                    _ => continue,
                };
                match slot {
                    Some(s) => {
                        s.value.push(' ');
                        s.value.push_str(&v.value);
                        s.at.range = s.at.range.cover(v.at.range);
                    }
                    None => *slot = Some(v),
                }
            }
            continue;
        };
        if indent == 2 && value.is_empty() {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            if out.len() >= MAX_CONTAINERS {
                continue;
            }
            let mut c = SeenContainer::new(at);
            c.name = Some(Valued::new(key.to_owned(), loc(src, src.range_in_line(idx, key))));
            let d = ContainerDef { name: Some(key.to_owned()), ..empty_def(ContainerSource::Kubernetes, at) };
            cur = Some((c, d));
            field.clear();
            continue;
        }
        let Some((c, d)) = cur.as_mut() else { continue };
        c.at.range = c.at.range.cover(at.range);
        d.at.range = d.at.range.cover(at.range);
        let vat = if value.is_empty() { at } else { loc(src, src.range_in_line(idx, value)) };
        let v = Valued::new(value.to_owned(), vat);
        let code = || value.parse::<i32>().ok().map(|x| Valued::new(x, vat));
        if indent <= 4 {
            field = key.to_owned();
            match key {
                "Image" => {
                    c.image = Some(v.clone());
                    d.image = Some(v);
                }
                "State" => c.status = Some(v),
                "Restart Count" => c.restart_count = value.parse().ok().map(|x| Valued::new(x, vat)),
                "Command" | "Args" if !value.is_empty() => {
                    if key == "Command" {
                        d.entrypoint = Some(v);
                    } else {
                        d.command = Some(v);
                    }
                }
                _ => {}
            }
            continue;
        }
        match (field.as_str(), key) {
            ("State", "Reason") => c.reason = Some(v),
            ("State", "Exit Code") => c.state_exit_code = code(),
            ("Last State", "Reason") => c.last_reason = Some(v),
            ("Last State", "Exit Code") => c.last_exit_code = code(),
            ("Environment", name) if !name.contains(' ') => d.env.push((name.to_owned(), v)),
            _ => {}
        }
    }
    if let Some(c) = cur.take() {
        out.push(c);
    }
    let kind = controller.unwrap_or_else(|| "Pod".to_owned());
    for (mut c, mut d) in out {
        c.exit_code = c.state_exit_code.clone().or_else(|| c.last_exit_code.clone());
        d.kind = Some(kind.clone());
        doc.containers.push(c);
        doc.defs.push(d);
    }
    Some(claim(DocKind::KubectlPod, end, pod_name, doc, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(DocKind, StateDoc, Vec<Problem>, usize)> {
        let src = Source::new(0, "t", text);
        let hint = Hint { command: None, at_input_start: true };
        let c = recognize(&src, 0, &hint)?;
        match c.parsed {
            Parsed::ContainerState(d) => Some((c.kind, d, c.problems, c.end)),
            _ => None,
        }
    }

    #[test]
    fn docker_ps_rows() {
        let text = "CONTAINER ID   IMAGE          COMMAND                  CREATED          STATUS                          PORTS                 NAMES\n\
4f1e9c7b2d0a   mysql:8.0.36   \"docker-entrypoint.s…\"   43 minutes ago   Exited (16) 3 minutes ago                             db1\n\
5a2e9c7b2d0b   mysql:8.0.36   \"docker-entrypoint.s…\"   2 hours ago      Up 2 hours (healthy)            3306/tcp, 33060/tcp   db2\n\
6b3e9c7b2d0c   mysql:8.4      \"docker-entrypoint.s…\"   5 minutes ago    Restarting (16) 2 seconds ago                         db3\n";
        let (kind, d, _, end) = parse(text).unwrap();
        assert_eq!(kind, DocKind::DockerPs);
        assert_eq!(end, 4);
        let c = &d.containers;
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].name.as_ref().unwrap().value, "db1");
        assert_eq!(c[0].status.as_ref().unwrap().value, "exited");
        assert_eq!(c[0].exit_code.as_ref().unwrap().value, 16);
        assert_eq!(c[1].status.as_ref().unwrap().value, "running");
        assert_eq!(c[1].name.as_ref().unwrap().value, "db2");
        assert!(c[1].exit_code.is_none());
        assert_eq!(c[2].status.as_ref().unwrap().value, "restarting");
        assert_eq!(c[2].image.as_ref().unwrap().value, "mysql:8.4");
    }

    #[test]
    fn image_inspect_is_not_container_inspect() {
        let image = "[\n    {\n        \"Id\": \"sha256:5f5f\",\n        \"RepoTags\": [\n            \"mysql:8.0.36\"\n        ],\n        \"Config\": {\n            \"Env\": [\n                \"MYSQL_MAJOR=8.0\"\n            ]\n        }\n    }\n]\n";
        assert!(parse(image).is_none());
        assert!(parse("[]\n").is_none());
    }

    #[test]
    fn docker_images_is_not_ps() {
        assert!(parse("REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nmysql        8.0       abc            2 weeks ago   577MB\n").is_none());
    }

    #[test]
    fn docker_inspect_fields_and_truncation() {
        let text = "[\n    {\n        \"Id\": \"4f1e\",\n        \"Path\": \"docker-entrypoint.sh\",\n        \"Args\": [\n            \"mysqld\"\n        ],\n        \"State\": {\n            \"Status\": \"exited\",\n            \"Restarting\": false,\n            \"ExitCode\": 0\n        },\n        \"Name\": \"/db1\",\n        \"RestartCount\": 0,\n        \"HostConfig\": {\n            \"RestartPolicy\": {\n                \"Name\": \"on-failure\",\n                \"MaximumRetryCount\": 5\n            },\n            \"Init\": null\n        },\n        \"Config\": {\n            \"Env\": [\n                \"MYSQL_ROOT_PASSWORD=s3cret\",\n                \"PATH=/usr/bin\"\n            ],\n            \"Cmd\": [\n                \"mysqld\"\n            ],\n            \"Image\": \"mysql:8.0.36\",\n            \"Entrypoint\": [\n                \"docker-entrypoint.sh\"\n            ]\n        }\n    }\n]\n";
        let (kind, d, problems, end) = parse(text).unwrap();
        assert_eq!(kind, DocKind::DockerInspect);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(end, 36);
        let c = &d.containers[0];
        assert_eq!(c.name.as_ref().unwrap().value, "db1");
        assert_eq!(c.status.as_ref().unwrap().value, "exited");
        assert_eq!(c.exit_code.as_ref().unwrap().value, 0);
        assert_eq!(c.policy.as_ref().unwrap().value, "on-failure:5");
        assert_eq!(c.env[0].0, "MYSQL_ROOT_PASSWORD");
        let def = &d.defs[0];
        assert_eq!(def.command.as_ref().unwrap().value, "mysqld");
        assert_eq!(def.entrypoint.as_ref().unwrap().value, "docker-entrypoint.sh");
        assert_eq!(def.image.as_ref().unwrap().value, "mysql:8.0.36");
        // Cut after the exit code.
        let cut: String = text.lines().take(11).map(|l| format!("{l}\n")).collect();
        let (_, d, problems, _) = parse(&cut).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(d.containers[0].exit_code.as_ref().unwrap().value, 0);
    }

    #[test]
    fn describe_pod_states() {
        let text = "Name:             mysql-0\nNamespace:        db\nControlled By:  StatefulSet/mysql\nContainers:\n  mysql:\n    Image:          mysql:8.0.36\n    Args:\n      --server-id=2\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    16\n    Ready:          False\n    Restart Count:  3\n    Environment:\n      MYSQL_ROOT_PASSWORD:  s3cret\nConditions:\n  Type   Status\n";
        let (kind, d, _, _) = parse(text).unwrap();
        assert_eq!(kind, DocKind::KubectlPod);
        let c = &d.containers[0];
        assert_eq!(c.name.as_ref().unwrap().value, "mysql");
        assert_eq!(c.status.as_ref().unwrap().value, "Waiting");
        assert_eq!(c.reason.as_ref().unwrap().value, "CrashLoopBackOff");
        assert_eq!(c.last_reason.as_ref().unwrap().value, "Error");
        assert_eq!(c.exit_code.as_ref().unwrap().value, 16);
        assert_eq!(c.restart_count.as_ref().unwrap().value, 3);
        assert_eq!(d.defs[0].kind.as_deref(), Some("StatefulSet"));
        assert_eq!(d.defs[0].command.as_ref().unwrap().value, "--server-id=2");
        assert_eq!(d.defs[0].env[0].0, "MYSQL_ROOT_PASSWORD");
    }

    #[test]
    fn pod_yaml_status() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: mysql-0\nspec:\n  containers:\n  - name: mysql\n    image: mysql:8.0.36\n  restartPolicy: Always\nstatus:\n  containerStatuses:\n  - image: mysql:8.0.36\n    lastState:\n      terminated:\n        exitCode: 0\n        reason: Completed\n    name: mysql\n    restartCount: 3\n    state:\n      running:\n        startedAt: \"2024-05-06T10:12:41Z\"\n  phase: Running\n";
        let (kind, d, problems, _) = parse(text).unwrap();
        assert_eq!(kind, DocKind::KubectlPod);
        assert!(problems.is_empty());
        let c = &d.containers[0];
        assert_eq!(c.name.as_ref().unwrap().value, "mysql");
        assert_eq!(c.status.as_ref().unwrap().value, "Running");
        assert_eq!(c.last_reason.as_ref().unwrap().value, "Completed");
        assert_eq!(c.exit_code.as_ref().unwrap().value, 0);
        assert_eq!(c.restart_count.as_ref().unwrap().value, 3);
        assert_eq!(c.policy.as_ref().unwrap().value, "Always");
        assert_eq!(d.defs.len(), 1);
        // A spec without status stays the container reader's.
        assert!(parse("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: mysql\n").is_none());
    }

    #[test]
    fn hostile_json_and_yaml_never_panic() {
        for t in [
            "[\n{\n\"Id\": \"x\",\n\"State\": {\"a\": [[[[[[",
            "{\n\"apiVersion\": \"v1\",\n\"kind\": \"Pod\",\n\"x\": \"\\u12\"",
            "[\n{\n\"Id\": 1}}}]]]\n\"State\"",
            "apiVersion: v1\nkind: Pod\nstatus:\n  containerStatuses:\n  - &a\n  - *a\n    - - - -\n",
        ] {
            let _ = parse(t);
        }
    }
}
