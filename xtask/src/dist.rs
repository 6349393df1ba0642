//! `cargo xtask dist`: turns Trunk's release build into one self-contained HTML file.
//!
//! Recipe (see TOOLCHAIN.md): take the wasm-bindgen glue (`--target web`) and the optimised wasm from
//! `dist/`; drop the glue's final `export { … }` statement; remove Trunk's module loader and preload
//! links from `index.html`; put a CSP meta tag right after `<meta charset>`; insert one inline
//! `<script type="module">` holding the glue, the wasm gzipped (by zopfli) in base64, inflated by
//! the browser's own `DecompressionStream("gzip")`, compiled by `WebAssembly.compile`, and
//! `initSync({ module })`.
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

/// Removes the `export` keyword of the glue's inline exports (`export function analyze(…)`,
/// `export class …`, `export const …` at the start of a line) and returns the glue without them and
/// the names so exported.
pub fn strip_inline_exports(glue: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(glue.len());
    let mut names = Vec::new();
    for line in glue.split_inclusive('\n') {
        let Some(rest) = line.strip_prefix("export ") else {
            out.push_str(line);
            continue;
        };
        let decl = ["async function ", "function ", "class ", "const ", "let ", "var "]
            .iter()
            .find_map(|kw| rest.strip_prefix(kw));
        if let Some(decl) = decl {
            let name: String =
                decl.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
            if !name.is_empty() {
                names.push(name);
            }
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
    }
    (out, names)
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
         img-src data:; connect-src 'none'; worker-src blob:; base-uri 'none'; form-action 'none'"
    )
}

/// Shown instead of the page by a browser that cannot compile the module (no WebAssembly SIMD:
/// before Chrome 91, Firefox 89, Safari 16.4) or inflate it (no `DecompressionStream`: before
/// Firefox 113). It is in the page shell, before the wasm (and so the
/// catalog) exists: both languages at once.
const OLD_BROWSER: &str = "This browser is too old for mysql-advisor: use a current Chrome, Edge, \
Firefox or Safari. 此浏览器版本过旧，无法运行 mysql-advisor：请使用新版 Chrome、Edge、Firefox 或 Safari。";

/// `bytes` gzip-compressed at level 9 (what `cargo xtask size` measures).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// `bytes` as a gzip member (RFC 1952, what `DecompressionStream("gzip")` inflates in every browser
/// that has it: Chrome 80, Firefox 113, Safari 16.4; "deflate-raw" came later in Chrome), made by
/// zopfli: on this project's module 4–5 % smaller than zlib's level 9 (measured in PERFORMANCE.md),
/// and still a standard stream any inflater reads.
pub fn gzip_zopfli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    // Compressing into a Vec cannot fail.
    let _ = zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, bytes, &mut out);
    out
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
    // wasm-bindgen also exports functions inline (`export function analyze(…)`): the keyword goes,
    // as the glue becomes the body of one function (below), and the name joins the exports.
    let (glue, inline) = strip_inline_exports(&glue);
    let exported: Vec<(String, String)> = exports
        .into_iter()
        .filter(|(_, e)| e != "default")
        .chain(inline.into_iter().map(|n| (n.clone(), n)))
        .collect();
    let returned: Vec<String> =
        exported.iter().map(|(l, e)| if l == e { e.clone() } else { format!("{e}: {l}") }).collect();
    // The page's JS API: not the loader's `initSync`, not `start` (it runs itself), not the
    // internal entry points (`__scanWorker`, the scan worker's).
    let api: Vec<String> = exported
        .iter()
        .map(|(_, e)| e)
        .filter(|e| *e != "initSync" && *e != "start" && !e.starts_with("__"))
        .map(|e| format!("{e}: g.{e}"))
        .collect();
    // The wasm travels gzipped in base64; the browser inflates it (`DecompressionStream`,
    // native, a few ms for 1.5 MB) and compiles it off the main thread (`WebAssembly.compile`).
    // The loader records how long each step took (`window.mysqlAdvisorTiming`), for the cold-start
    // figures of the browser tests.
    let b64 = base64::engine::general_purpose::STANDARD.encode(gzip_zopfli(&d.wasm));
    // The glue is the body of one function, `globalThis.mysqlAdvisorGlue`: the page calls it once;
    // the scan worker (web/src/worker.rs) evaluates its source text again, so the glue is in the
    // file once and the worker needs no file of its own.
    let script = format!(
        "\nconst glue = () => {{\n{glue}\nreturn {{ {} }};\n}};\nglobalThis.mysqlAdvisorGlue = glue;\n\
         await (async () => {{\nconst b64 = {B64_PLACEHOLDER};\n\
         const tooOld = (why) => {{\n  \
         const root = document.getElementById(\"mysql-advisor\");\n  \
         if (root) root.textContent = \"{OLD_BROWSER}\" + (why ? \" (\" + why + \")\" : \"\");\n}};\n\
         if (typeof DecompressionStream !== \"function\") {{ tooOld(\"DecompressionStream\"); return; }}\n\
         const t0 = performance.now();\n\
         const packed = typeof Uint8Array.fromBase64 === \"function\"\n  ? Uint8Array.fromBase64(b64)\n  \
         : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n\
         const t1 = performance.now();\n\
         let bytes;\n\
         try {{\n  \
         const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n  \
         bytes = await new Response(inflated).arrayBuffer();\n\
         }} catch (e) {{ tooOld(String(e)); return; }}\n\
         const t2 = performance.now();\n\
         let module;\n\
         try {{ module = await WebAssembly.compile(bytes); }} catch (e) {{\n  \
         if (e instanceof WebAssembly.CompileError) {{ tooOld(String(e)); return; }}\n  throw e;\n}}\n\
         window.mysqlAdvisorTiming = {{ unpackB64Ms: t1 - t0, inflateMs: t2 - t1, compileMs: performance.now() - t2 }};\n\
         const g = glue();\n\
         g.initSync({{ module }});\n\
         window.mysqlAdvisor = {{ {} }};\n}})();\n",
        returned.join(", "),
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
/// installs it, pinned, in `target/tools`), UTF-8 kept as is. In the script, esbuild's `--define`
/// makes the glue's `import.meta.url` `location.href` (the same URL for an inline module script):
/// the scan worker evaluates the glue's source as a classic script, where `import.meta` does not
/// parse — and from `file://` Chromium starts no module worker from a `blob:` URL. On the single file's script,
/// 7.9 → 6.4 KB gzipped (measured 2026-12-02, against 7.3 KB with comments and indentation stripped
/// line by line).
pub fn esbuild(source: &str, loader: &str) -> Result<String, String> {
    use std::io::Write as _;
    let mut child = std::process::Command::new("esbuild")
        .args(["--minify", "--charset=utf8", "--log-level=warning", &format!("--loader={loader}")])
        .args(if loader == "js" {
            &["--format=esm", "--define:import.meta.url=location.href"][..]
        } else {
            &[]
        })
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
/// styles by hash, the glue and wasm from the same origin, and no other connection. The scan
/// worker is a module worker from a `blob:` URL that imports the glue: a module worker's imports
/// are checked against `worker-src` (they share its destination), hence `'self'` there too.
pub fn harden_trunk_index(html: &str) -> String {
    if html.contains("Content-Security-Policy") {
        return html.to_owned();
    }
    // Scripts with a `src` have an empty body: nothing to hash.
    let script_hashes = body_hashes(html, "script", true);
    let styles = body_hashes(html, "style", false);
    let csp = format!(
        "default-src 'none'; script-src 'self' {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'",
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
            glue: "export function mount(e) {}\nexport function start() {}\nexport function __scanWorker(m) {}\nfunction initSync(m){}\nexport { initSync, x as analyze };\n".into(),
            wasm: b"\0asm\x01\0\0\0 a module's bytes, any bytes".repeat(50),
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
        // The glue is one function's body (its inline exports without `export`), returning every
        // export; the page's API leaves out initSync, start and the scan worker's entry point.
        assert!(page.contains(
            "const glue = () => {\nfunction mount(e) {}\nfunction start() {}\nfunction __scanWorker(m) {}"
        ));
        assert!(page.contains("return { initSync, analyze: x, mount, start, __scanWorker };\n};\nglobalThis.mysqlAdvisorGlue = glue;"));
        assert!(page.contains("window.mysqlAdvisor = { analyze: g.analyze, mount: g.mount }"));
        assert!(!page.contains("export "), "an export is left in the page's script");
        // The scan worker is a blob: module worker, and nothing else may be one.
        assert!(page.contains("; worker-src blob:;") && page.matches("blob:").count() == 1);
        // The wasm, gzipped in base64, inflated by the browser's DecompressionStream and
        // compiled before initSync.
        let b64 = page.split("const b64 = \"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        let packed = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&packed[..]), &mut wasm).unwrap();
        assert_eq!(wasm, d.wasm);
        assert!(packed.len() < d.wasm.len() / 5, "{} bytes packed", packed.len());
        assert!(
            page.contains("new DecompressionStream(\"gzip\")")
                && page.contains("WebAssembly.compile(bytes)")
                && page.contains("g.initSync({ module })")
        );
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        let again =
            single_file(&TrunkDist { html: harden_trunk_index(&d.html), ..d }, &|src, _| Ok(src.to_owned()))
                .unwrap();
        assert_eq!(again.matches("Content-Security-Policy").count(), 1, "the hosted CSP is replaced");
    }
}
