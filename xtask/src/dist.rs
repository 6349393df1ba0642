//! `cargo xtask dist`: turns Trunk's release build into one self-contained HTML file.
//!
//! Recipe (see TOOLCHAIN.md): take the wasm-bindgen glue (`--target web`) and the optimised wasm from
//! `dist/`; drop the glue's final `export { … }` statement; remove Trunk's module loader and preload
//! links from `index.html`; put a CSP meta tag right after `<meta charset>`; insert one inline
//! `<script type="module">` holding the glue, the wasm LZMA-compressed as base64, unpacked by a small
//! decoder of our own (`unlzma.js`), and `initSync({ module: bytes })`.
//! The CSP allows exactly that script and the inlined stylesheet by their sha256 hashes: no
//! `'unsafe-inline'`, and `connect-src 'none'` so the page cannot talk to anything.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// The artefacts of a Trunk build.
pub struct TrunkDist {
    pub html: String,
    pub glue: String,
    pub wasm: Vec<u8>,
    pub glue_name: String,
}

/// Reads `dist/` (index.html, the one `.js` glue and its `_bg.wasm`).
pub fn read_trunk_dist(dir: &Path) -> Result<TrunkDist, String> {
    let html = fs::read_to_string(dir.join("index.html"))
        .map_err(|e| format!("{}: {e}", dir.join("index.html").display()))?;
    let mut glue = None;
    let mut wasm = None;
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if name.ends_with("_bg.wasm") {
            wasm = Some(path);
        } else if name.ends_with(".js") && !name.ends_with(".min.js") {
            glue = Some((name, path));
        }
    }
    let (glue_name, glue_path) = glue.ok_or("no .js glue in dist/")?;
    let wasm_path: PathBuf = wasm.ok_or("no _bg.wasm in dist/")?;
    Ok(TrunkDist {
        html,
        glue: fs::read_to_string(&glue_path).map_err(|e| format!("{}: {e}", glue_path.display()))?,
        wasm: fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?,
        glue_name,
    })
}

/// `'sha256-…'` of a script or style element's exact text.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// Removes the glue's final `export { a, b as c };` statement and returns the glue without it and
/// the exported names (`(local, exported)`).
pub fn strip_exports(glue: &str) -> Result<(String, Vec<(String, String)>), String> {
    let start = glue.rfind("\nexport {").map(|i| i + 1).or_else(|| glue.starts_with("export {").then_some(0));
    let start = start.ok_or("the glue has no `export { … }` statement")?;
    let end = glue[start..].find('}').map(|i| start + i + 1).ok_or("unterminated export")?;
    let mut end_stmt = end;
    if glue[end..].starts_with(';') {
        end_stmt += 1;
    }
    let list = &glue[start + "export {".len()..end - 1];
    let names = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| match item.split_once(" as ") {
            Some((local, exported)) => (local.trim().to_owned(), exported.trim().to_owned()),
            None => (item.to_owned(), item.to_owned()),
        })
        .collect();
    let mut out = String::with_capacity(glue.len());
    out.push_str(&glue[..start]);
    out.push_str(&glue[end_stmt..]);
    Ok((out, names))
}

/// Removes every `<link …>` whose `rel` is `preload`/`modulepreload` and every `<script>` element
/// that loads the wasm (Trunk's loader).
pub fn strip_trunk_loader(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next_link = rest.find("<link");
        let next_script = rest.find("<script");
        let (pos, is_link) = match (next_link, next_script) {
            (None, None) => break,
            (Some(l), None) => (l, true),
            (None, Some(s)) => (s, false),
            (Some(l), Some(s)) => {
                if l < s {
                    (l, true)
                } else {
                    (s, false)
                }
            }
        };
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if is_link {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            let drop = tag.contains("rel=\"preload\"")
                || tag.contains("rel=\"modulepreload\"")
                || tag.contains("rel=preload")
                || tag.contains("rel=modulepreload");
            if !drop {
                out.push_str(tag);
            }
            rest = &rest[end..];
        } else {
            let end = rest.find("</script>").map_or(rest.len(), |i| i + "</script>".len());
            let element = &rest[..end];
            if !(element.contains("import init") || element.contains("wasm")) {
                out.push_str(element);
            }
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

/// Removes `<meta http-equiv="Content-Security-Policy" …>` tags (a new one is computed).
pub fn strip_csp_meta(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<meta http-equiv=\"Content-Security-Policy\"") {
        out.push_str(rest[..i].trim_end_matches([' ', '\t']));
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        rest = &rest[end..];
        if let Some(stripped) = rest.strip_prefix('\n') {
            rest = stripped;
        }
    }
    out.push_str(rest);
    out
}

/// `html` with the body of each `<tag …>…</tag>` element replaced by what `f` makes of it.
fn map_bodies(
    html: &str,
    tag: &str,
    f: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let (open, close_tag) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let Some(open_end) = rest[i..].find('>') else { break };
        let body_start = i + open_end + 1;
        let Some(close) = rest[body_start..].find(&close_tag) else { break };
        out.push_str(&rest[..body_start]);
        out.push_str(&f(&rest[body_start..body_start + close])?);
        rest = &rest[body_start + close..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The CSP hash of the body of every `<tag>` element of `html` (blank ones too, unless
/// `skip_blank`), in order.
fn body_hashes(html: &str, tag: &str, skip_blank: bool) -> Vec<String> {
    let mut hashes = Vec::new();
    let _ = map_bodies(html, tag, &mut |body| {
        if !(skip_blank && body.trim().is_empty()) {
            hashes.push(csp_hash(body));
        }
        Ok(body.to_owned())
    });
    hashes
}

/// Inserts `tag` right after the `<meta charset…>` tag (or after `<head>` when there is none).
pub fn insert_after_charset(html: &str, tag: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let at = lower
        .find("<meta charset")
        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1))
        .or_else(|| lower.find("<head>").map(|i| i + "<head>".len()))
        .unwrap_or(0);
    format!("{}\n    {}{}", &html[..at], tag, &html[at..])
}

/// The CSP of the single file.
pub fn single_file_csp(script_hash: &str, style_hashes: &[String]) -> String {
    let styles = if style_hashes.is_empty() { "'none'".to_owned() } else { style_hashes.join(" ") };
    format!(
        "default-src 'none'; script-src {script_hash} 'wasm-unsafe-eval'; style-src {styles}; \
         img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// Shown instead of the page by a browser that cannot compile the module (no WebAssembly SIMD:
/// before Chrome 91, Firefox 89, Safari 16.4). It is in the page shell, before the wasm (and so the
/// catalog) exists: both languages at once.
const OLD_BROWSER: &str = "This browser is too old for mysql-advisor: use a current Chrome, Edge, \
Firefox or Safari. 此浏览器版本过旧，无法运行 mysql-advisor：请使用新版 Chrome、Edge、Firefox 或 Safari。";

/// The page's LZMA decoder (`const unlzma = (src, size) => Uint8Array`).
const UNLZMA_JS: &str = include_str!("unlzma.js");

/// The page's inverse of [`crate::wasmsplit::split`] (`const unsplit = (src) => Uint8Array`).
const UNSPLIT_JS: &str = include_str!("unsplit.js");

/// Runs `script` with Node.js in a new temporary directory holding `files`, which the script
/// reads by name (it runs there); the directory is removed afterwards.
fn run_node(files: &[(&str, &[u8])], script: &str) -> Result<std::process::Output, String> {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("xtask-node-{}-{n}", std::process::id()));
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let written = files
        .iter()
        .try_for_each(|(name, bytes)| fs::write(dir.join(name), bytes))
        .and_then(|()| fs::write(dir.join("script.js"), script));
    let out =
        written.and_then(|()| std::process::Command::new("node").arg("script.js").current_dir(&dir).output());
    let _ = fs::remove_dir_all(&dir);
    out.map_err(|e| format!("node: {e} (`cargo xtask set-up` installs Node.js)"))
}

/// Runs `unsplit.js` in Node.js on `packed` and fails unless it gives back `wasm` byte for byte:
/// every single file is checked before it is written.
pub fn check_unsplit(packed: &[u8], wasm: &[u8]) -> Result<(), String> {
    let script = format!(
        "{UNSPLIT_JS}\nconst fs = require('fs');\n\
         const got = unsplit(new Uint8Array(fs.readFileSync('packed')));\n\
         const want = fs.readFileSync('wasm');\n\
         process.stdout.write(Buffer.compare(Buffer.from(got), want) === 0 ? 'same' : 'DIFFERENT');\n"
    );
    let out = run_node(&[("packed", packed), ("wasm", wasm)], &script)
        .map_err(|e| format!("unsplit check: {e}"))?;
    match &out.stdout[..] {
        b"same" => Ok(()),
        _ => Err(format!(
            "unsplit.js does not rebuild the module: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )),
    }
}

/// `bytes` gzip-compressed at level 9 (what `cargo xtask size` measures).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// `bytes` as an "lzma-alone" stream (13-byte header, then LZMA1 data), preset 9 extreme, with
/// `lc=4 lp=0 pb=0`: on this wasm module 373 KB against gzip -9's 478 KB (measured 2026-12-02;
/// the default `lc=3 pb=2` gives 374 KB). The header's size field says "unknown" and the stream
/// ends with an end marker; the page passes the real size to the decoder.
pub fn lzma(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    // 9 | LZMA_PRESET_EXTREME (1 << 31; xz2 does not re-export the constant).
    let mut opts =
        xz2::stream::LzmaOptions::new_preset(9 | (1 << 31)).map_err(|e| format!("lzma options: {e}"))?;
    opts.literal_context_bits(4).literal_position_bits(0).position_bits(0);
    let stream = xz2::stream::Stream::new_lzma_encoder(&opts).map_err(|e| format!("lzma encoder: {e}"))?;
    let mut enc = xz2::write::XzEncoder::new_stream(Vec::new(), stream);
    enc.write_all(bytes).map_err(|e| format!("lzma: {e}"))?;
    enc.finish().map_err(|e| format!("lzma: {e}"))
}

/// The placeholder for the packed wasm's base64 while the script is minified (a global name, which
/// a minifier keeps), replaced by the string literal afterwards.
const B64_PLACEHOLDER: &str = "__MYSQL_ADVISOR_WASM_B64__";

/// A minifier: `(source, "js" | "css") -> minified source`.
pub type Minify<'a> = &'a dyn Fn(&str, &str) -> Result<String, String>;

/// Builds the single self-contained page from Trunk's output; `minify` gets the script (the glue,
/// the decoders and the loader, without the packed wasm) and each inline style sheet.
pub fn single_file(d: &TrunkDist, minify: Minify<'_>) -> Result<String, String> {
    let (glue, exports) = strip_exports(&d.glue)?;
    if !exports.iter().any(|(_, e)| e == "initSync") {
        return Err("the glue exports no initSync (was it built with --target web?)".into());
    }
    let mut api: Vec<String> = exports
        .iter()
        .filter(|(_, e)| e != "initSync" && e != "default")
        .map(|(l, e)| format!("{e}: {l}"))
        .collect();
    // wasm-bindgen also exports functions inline (`export function analyze(…)`); `start` runs itself.
    for line in glue.lines() {
        if let Some(rest) =
            line.strip_prefix("export function ").or_else(|| line.strip_prefix("export class "))
        {
            let name: String =
                rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
            if !name.is_empty() && name != "start" {
                api.push(name);
            }
        }
    }
    // Short import names in the module and the glue (`imports.rs`: −4.6 KB gzipped). The wasm
    // then travels LZMA-compressed (base64 of raw wasm would not compress well in the file itself,
    // and LZMA beats the gzip the browser could inflate by ~22 %): `unlzma` unpacks it (~60 ms for
    // 1 MB in V8, cold), then it is compiled.
    // Before LZMA, the code section is split into streams of like values (`wasmsplit.rs`: −22 KB
    // packed); `unsplit` interleaves them back.
    let (wasm, glue) = crate::imports::shorten(&d.wasm, &glue)?;
    let split = crate::wasmsplit::split(&wasm)?;
    check_unsplit(&split, &wasm)?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(lzma(&split)?);
    let size = split.len();
    let script = format!(
        "\n{glue}\n;{UNLZMA_JS}\n{UNSPLIT_JS}\nawait (async () => {{\nconst b64 = {B64_PLACEHOLDER};\n\
         const t0 = performance.now();\n\
         const packed = typeof Uint8Array.fromBase64 === \"function\"\n  ? Uint8Array.fromBase64(b64)\n  \
         : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n\
         const tooOld = (why) => {{\n  \
         const root = document.getElementById(\"mysql-advisor\");\n  \
         if (root) root.textContent = \"{OLD_BROWSER}\" + (why ? \" (\" + why + \")\" : \"\");\n}};\n\
         const t1 = performance.now();\n\
         const streams = unlzma(packed, {size});\n\
         const t2 = performance.now();\n\
         const bytes = unsplit(streams);\n\
         window.mysqlAdvisorTiming = {{ unpackB64Ms: t1 - t0, unlzmaMs: t2 - t1, unsplitMs: performance.now() - t2 }};\n\
         try {{ initSync({{ module: bytes }}); }} catch (e) {{\n  \
         if (e instanceof WebAssembly.CompileError) {{ tooOld(String(e)); return; }}\n  throw e;\n}}\n\
         window.mysqlAdvisor = {{ {} }};\n}})();\n",
        api.join(", ")
    );
    let script = minify(&script, "js")?;
    if script.matches(B64_PLACEHOLDER).count() != 1 {
        return Err("the minified script lost the wasm's placeholder".into());
    }
    let script = script.replace(B64_PLACEHOLDER, &format!("\"{b64}\"")).replace("</script", "<\\/script");
    let mut styles = Vec::new();
    let html = map_bodies(&strip_csp_meta(&strip_trunk_loader(&d.html)), "style", &mut |css| {
        let css = minify(css, "css")?;
        styles.push(csp_hash(&css));
        Ok(css)
    })?;
    let csp = single_file_csp(&csp_hash(&script), &styles);
    let html = insert_after_charset(
        &html,
        &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"),
    );
    let close = html.rfind("</body>").ok_or("index.html has no </body>")?;
    Ok(format!("{}<script type=\"module\">{script}</script>\n{}", &html[..close], &html[close..]))
}

/// `source` (`loader`: `js`, an ES module, or `css`) minified by esbuild (`cargo xtask set-up`
/// installs it, pinned, in `target/tools`), UTF-8 kept as is. On the single file's script,
/// 7.9 → 6.4 KB gzipped (measured 2026-12-02, against 7.3 KB with comments and indentation stripped
/// line by line).
pub fn esbuild(source: &str, loader: &str) -> Result<String, String> {
    use std::io::Write as _;
    let mut child = std::process::Command::new("esbuild")
        .args(["--minify", "--charset=utf8", "--log-level=warning", &format!("--loader={loader}")])
        .args((loader == "js").then_some("--format=esm"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("esbuild: {e} (`cargo xtask set-up` installs it)"))?;
    let mut stdin = child.stdin.take().ok_or("esbuild: no stdin")?;
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| format!("esbuild: {e}"))?;
    writer.join().map_err(|_| "esbuild: writer panicked")?.map_err(|e| format!("esbuild: {e}"))?;
    if !out.status.success() {
        return Err(format!("esbuild failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("esbuild: {e}"))
}

/// Adds a CSP to Trunk's own `dist/index.html` (hosted as separate files): its loader script and
/// styles by hash, the glue and wasm from the same origin, and no other connection.
pub fn harden_trunk_index(html: &str) -> String {
    if html.contains("Content-Security-Policy") {
        return html.to_owned();
    }
    // Scripts with a `src` have an empty body: nothing to hash.
    let script_hashes = body_hashes(html, "script", true);
    let styles = body_hashes(html, "style", false);
    let csp = format!(
        "default-src 'none'; script-src 'self' {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         connect-src 'self'; base-uri 'none'; form-action 'none'",
        script_hashes.join(" "),
        if styles.is_empty() { "'none'".to_owned() } else { styles.join(" ") }
    );
    insert_after_charset(html, &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_final_export_statement() {
        let glue = "function a(){}\nfunction initSync(){}\nexport { a as analyze, initSync, __wbg_init as default };\n";
        let (out, names) = strip_exports(glue).unwrap();
        assert!(!out.contains("export"));
        assert!(out.contains("function initSync"));
        assert_eq!(names[0], ("a".to_owned(), "analyze".to_owned()));
        assert_eq!(names[2], ("__wbg_init".to_owned(), "default".to_owned()));
    }

    #[test]
    fn removes_trunk_loader_and_preloads_only() {
        let html = "<head><meta charset=\"utf-8\"><link rel=\"modulepreload\" href=\"/web.js\">\
            <link rel=\"preload\" href=\"/web_bg.wasm\" as=\"fetch\"><link rel=\"icon\" href=\"data:,\">\
            <style>body{}</style></head><body><script type=\"module\">import init, * as bindings from '/web.js';\
            await init({ module_or_path: '/web_bg.wasm' });</script><script>keep()</script></body>";
        let out = strip_trunk_loader(html);
        assert!(!out.contains("modulepreload") && !out.contains("preload\"") && !out.contains("import init"));
        assert!(out.contains("rel=\"icon\"") && out.contains("keep()") && out.contains("<style>"));
    }

    #[test]
    fn csp_goes_right_after_charset_and_hashes_match() {
        let d = TrunkDist {
            html: "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title><style>b{}</style></head><body></body></html>".into(),
            glue: "export function mount(e) {}\nexport function start() {}\nfunction initSync(m){}\nexport { initSync, x as analyze };\n".into(),
            wasm: crate::wasmsplit::tests::module(&[crate::wasmsplit::tests::every_kind()]),
            glue_name: "web.js".into(),
        };
        // The minifier sees the script and the style sheet; the CSP hashes what it returns.
        let page = single_file(&d, &|src, loader| {
            Ok(if loader == "css" { src.replace("b{}", "i{}") } else { format!("/*{loader}*/{src}") })
        })
        .unwrap();
        assert!(page.contains("<style>i{}</style>") && page.contains("<script type=\"module\">/*js*/"));
        let meta = page.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
        assert!(meta > page.find("<meta charset").unwrap() && meta < page.find("<title>").unwrap());
        assert!(page.contains("connect-src 'none'") && !page.contains("unsafe-inline"));
        let start = page.find("<script type=\"module\">").unwrap() + "<script type=\"module\">".len();
        let end = page[start..].find("</script>").unwrap() + start;
        assert!(page.contains(&csp_hash(&page[start..end])));
        assert!(page.contains(&csp_hash("i{}")));
        assert!(page.contains("{ analyze: x, mount }"));
        // The wasm, split into streams and LZMA-compressed, as base64; unpacked by unlzma and
        // unsplit before initSync.
        let b64 = page.split("const b64 = \"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        let packed = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
        let mut wasm = Vec::new();
        let mut dec = xz2::read::XzDecoder::new_stream(
            &packed[..],
            xz2::stream::Stream::new_lzma_decoder(u64::MAX).unwrap(),
        );
        std::io::Read::read_to_end(&mut dec, &mut wasm).unwrap();
        assert_eq!(wasm, crate::wasmsplit::split(&d.wasm).unwrap());
        assert!(
            page.contains(&format!("const streams = unlzma(packed, {});", wasm.len()))
                && page.contains("const bytes = unsplit(streams);")
                && page.contains("initSync({ module: bytes })")
        );
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        let again =
            single_file(&TrunkDist { html: harden_trunk_index(&d.html), ..d }, &|src, _| Ok(src.to_owned()))
                .unwrap();
        assert_eq!(again.matches("Content-Security-Policy").count(), 1, "the hosted CSP is replaced");
    }

    /// `unsplit.js` in Node.js: the split of a module with every kind of immediate comes back byte
    /// for byte; a different module, truncated streams and garbage are errors, never a hang.
    #[test]
    fn the_page_unsplits_what_wasmsplit_splits() {
        use crate::wasmsplit::{split, tests};
        let m = tests::module(&[tests::every_kind(), vec![0, 0x0b], tests::every_kind()]);
        let packed = split(&m).unwrap();
        check_unsplit(&packed, &m).unwrap();
        let other = tests::module(&[vec![0, 0x01, 0x0b]]);
        assert!(check_unsplit(&packed, &other).unwrap_err().contains("does not rebuild"));
        let truncated = &packed[..packed.len() - 40];
        assert!(check_unsplit(truncated, &m).is_err());
        let mut garbage = packed.clone();
        garbage[60..].fill(0xff);
        assert!(check_unsplit(&garbage, &m).is_err());
        assert!(check_unsplit(&packed[..20], &m).is_err());
    }

    /// The page's decoder against liblzma's encoder, run by Node.js (`cargo xtask set-up` makes sure
    /// it is there): text, a wasm-like mix of repeats and random bytes with long-distance matches,
    /// one byte, and a corrupt stream.
    #[test]
    fn the_page_decoder_unpacks_what_liblzma_packs() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut rnd = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let text = include_str!("dist.rs").as_bytes().to_vec();
        let mut mix = Vec::new();
        for i in 0..40_000u32 {
            match rnd() % 5 {
                0 => mix.extend_from_slice(&(rnd() as u32).to_le_bytes()),
                1 => mix.extend_from_slice(&text[(i as usize * 7) % 4000..][..(rnd() % 60) as usize]),
                2 => mix.extend(std::iter::repeat_n(rnd() as u8, (rnd() % 300) as usize)),
                3 if mix.len() > 300_000 => {
                    // a match far back (distance slots ≥ 14: direct bits + align bits)
                    let from = (rnd() as usize) % (mix.len() - 200_000);
                    let piece = mix[from..from + 64].to_vec();
                    mix.extend_from_slice(&piece);
                }
                _ => mix.push(b"abc\n"[(rnd() % 4) as usize]),
            }
        }
        let cases: Vec<(&str, Vec<u8>)> = vec![("text", text), ("mix", mix), ("tiny", b"a".to_vec())];
        let mut script = format!("{UNLZMA_JS}\nconst fs = require('fs');\n");
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for (name, data) in &cases {
            files.push((format!("{name}.lzma"), lzma(data).unwrap()));
            files.push((format!("{name}.raw"), data.clone()));
            script += &format!(
                "{{ const want = fs.readFileSync('{name}.raw'); \
                 const got = unlzma(new Uint8Array(fs.readFileSync('{name}.lzma')), want.length); \
                 console.log('{name}', Buffer.compare(Buffer.from(got), want) === 0 ? 'same' : 'DIFFERENT'); }}\n"
            );
        }
        // A corrupt stream is an error, never a hang.
        script += "try { unlzma(new Uint8Array([93, 0, 0, 1, 0, 255, 255, 255, 255, 255, 255, 255, 255, 1, 2]), 100); \
                   console.log('corrupt accepted'); } catch (e) { console.log('corrupt rejected'); }\n";
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
        let out = run_node(&files, &script).unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(stdout, "text same\nmix same\ntiny same\ncorrupt rejected\n");
    }
}
