//! Browser end-to-end tests: headless Chromium through chromedriver (fantoccini), against the
//! single file from `file://` and against Trunk's build over http from a loopback server.
//!
//! Each test returns `Result`; the whole suite runs in a spawned task so that even a panic cannot
//! skip closing the session (otherwise Chromium is left running). Screenshots go to
//! `<target>/e2e/`.

use crate::{Ctx, server};
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type Outcome = Vec<(String, Result<(), String>)>;

const CLONE_3707: &str = include_str!("../../web/examples/clone-3707.txt");
/// The 3707 example with secrets in forms issue 18 found leaking, on lines the report cites: the
/// `CLONE` statement wrapped with `->` prompts, a quoted `Environment=` value with blanks and `,`
/// (the effective settings rebuilt it unquoted), and a YAML block scalar.
fn with_secrets() -> String {
    let t = CLONE_3707
        .replace("IDENTIFIED BY 'S3cret!pass';", "\n    -> IDENTIFIED BY\n    -> 'Qz7Wrap9Kx';")
        .replace("LimitNOFILE=65535\n", "LimitNOFILE=65535\nEnvironment=\"MYSQL_PWD=Jq4 Pq8,Lm9\"\n");
    format!("{t}\nservices:\n  db:\n    environment:\n      MYSQL_PASSWORD: >-\n        Vb3Block7Zt\n")
}
const SECRET_PIECES: [&str; 5] = ["Qz7Wrap9Kx", "Jq4", "Pq8", "Lm9", "Vb3Block7Zt"];
/// An error log whose clone restart failed (MY-013462), gzipped by the `.gz` test.
const ERROR_LOG_3707: &str = include_str!("../../tests/fixtures/mysql/error-log-clone-3707.txt");
/// The other examples, for a long mixed transcript.
const EXAMPLES: [&str; 5] = [
    CLONE_3707,
    include_str!("../../web/examples/docker-official.txt"),
    include_str!("../../web/examples/healthy.txt"),
    include_str!("../../web/examples/replica-crash-unsafe.txt"),
    include_str!("../../web/examples/stays-down.txt"),
];
/// The clone's end in an error log: MY-013462 (the restart failed), the manual start, recovery.
const CLONE_LOG: &str = include_str!("../../tests/fixtures/mysql/error-log-clone-3707.txt");
/// Size of the synthetic log dropped in the big-log test (200 MiB).
const BIG_LOG_MIB: usize = 200;

/// A transcript of `lines` lines: the examples after `$ cat` prompts, repeated, cut at `lines`
/// (`advisor::fuzzing::long_transcript` builds the same text for the core's keystroke example and
/// incremental test; xtask does not link the core).
fn long_transcript(lines: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    'outer: for i in 0.. {
        for ex in EXAMPLES {
            for l in std::iter::once(format!("$ cat part-{i}.txt")).chain(ex.lines().map(str::to_owned)) {
                out.push_str(&l);
                out.push('\n');
                n += 1;
                if n == lines {
                    break 'outer;
                }
            }
        }
    }
    out
}

/// Median of `v` (sorted in place); NaN when empty.
fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() { f64::NAN } else { v[v.len() / 2] }
}

/// Prints a measured figure and appends it to `<target>/e2e/perf.txt`.
fn report_figure(shots: &Path, line: &str) {
    println!("perf: {line}");
    let path = shots.join("perf.txt");
    let mut old = std::fs::read_to_string(&path).unwrap_or_default();
    old.push_str(line);
    old.push('\n');
    let _ = std::fs::write(path, old);
}

/// Runs every browser test; one result per test.
pub fn run_all(ctx: &Ctx) -> Outcome {
    let single = ctx.single_file();
    let dist = ctx.trunk_dist();
    if !single.is_file() || !dist.join("index.html").is_file() {
        return vec![("browser set-up".into(), Err("run `cargo xtask dist` first".into()))];
    }
    let shots = ctx.target_dir.join("e2e");
    let _ = std::fs::create_dir_all(&shots);
    let _ = std::fs::remove_file(shots.join("perf.txt"));
    let mut driver = match Driver::start() {
        Ok(d) => d,
        Err(e) => return vec![("chromedriver".into(), Err(e))],
    };
    let http = match server::start(&dist, 0) {
        Ok(s) => s,
        Err(e) => return vec![("loopback server".into(), Err(e.to_string()))],
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => return vec![("tokio".into(), Err(e.to_string()))],
    };
    let webdriver = format!("http://127.0.0.1:{}", driver.port);
    let file_url = format!("file://{}", single.display());
    let http_url = http.url("/");
    let results = runtime.block_on(async move {
        let mut results: Outcome = Vec::new();
        for (suite, url) in [("file", file_url), ("http", http_url)] {
            let client = match connect(&webdriver).await {
                Ok(c) => c,
                Err(e) => {
                    results.push((format!("{suite}: new session"), Err(e)));
                    continue;
                }
            };
            let task_client = client.clone();
            let shots = shots.clone();
            let suite_task = tokio::spawn(async move { run_suite(&task_client, suite, &url, &shots).await });
            match suite_task.await {
                Ok(r) => results.extend(r),
                Err(e) => results.push((format!("{suite}: suite"), Err(format!("panicked: {e}")))),
            }
            let _ = client.close().await;
        }
        results
    });
    driver.stop();
    results
}

struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    fn start() -> Result<Driver, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("chromedriver: {e}"))?;
        let profile = std::env::temp_dir().join(format!("mysql-advisor-e2e-{}", std::process::id()));
        let mut d = Driver { child, port, profile };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                d.stop();
                return Err("chromedriver did not start listening".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(d)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

async fn connect(webdriver: &str) -> Result<Client, String> {
    let profile = std::env::temp_dir().join(format!(
        "mysql-advisor-e2e-{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
    ));
    let mut options = json!({
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,1000", "--lang=en-US",
            format!("--user-data-dir={}", profile.display()),
        ]
    });
    if Path::new("/usr/bin/chromium").is_file() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), options);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector).capabilities(caps).connect(webdriver).await.map_err(|e| e.to_string())
}

async fn js(c: &Client, script: &str, args: Vec<Value>) -> Result<Value, String> {
    c.execute(script, args).await.map_err(|e| format!("script failed: {e}"))
}

/// Polls `script` (which returns a boolean) until true or `secs` pass.
async fn wait_until(c: &Client, what: &str, script: &str, secs: u64) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if js(c, script, vec![]).await?.as_bool() == Some(true) {
            return Ok(());
        }
        if Instant::now() > deadline {
            let state = js(
                c,
                "const v = [...document.querySelectorAll('[data-verdict]')].map(e => e.id + '=' + e.dataset.verdict); \
                 return v.join(', ');",
                vec![],
            )
            .await
            .unwrap_or_default();
            return Err(format!("timed out waiting for {what} (verdicts: {state})"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn goto(c: &Client, url: &str) -> Result<(), String> {
    c.goto(url).await.map_err(|e| format!("goto {url}: {e}"))?;
    wait_until(c, "the page to render", "return !!document.querySelector('#verdict-clone');", 20).await
}

/// Puts `text` into input `i` as a paste would (value + input event).
async fn paste(c: &Client, i: usize, text: &str) -> Result<(), String> {
    js(
        c,
        "const el = document.getElementById('input-' + arguments[0]); el.focus(); el.value = arguments[1]; \
         el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
        vec![json!(i), json!(text)],
    )
    .await
    .map(|_| ())
}

/// A fresh page in `lang` (no saved session) with `text` pasted into its first box.
async fn paste_fresh(c: &Client, url: &str, lang: &str, text: &str) -> Result<(), String> {
    js(c, "sessionStorage.clear(); return true;", vec![]).await?;
    goto(c, &with_query(url, &format!("lang={lang}"))).await?;
    paste(c, 0, text).await
}

/// Waits (10 s at most) for the clone verdict `fails`; `what` names the wait in a timeout.
async fn wait_clone_fails(c: &Client, what: &str) -> Result<(), String> {
    wait_until(c, what, "return document.getElementById('verdict-clone').dataset.verdict === 'fails';", 10)
        .await
}

/// Opens `?example=clone-3707` and waits for its failing clone verdict.
async fn open_clone_example(c: &Client, url: &str) -> Result<(), String> {
    goto(c, &with_query(url, "example=clone-3707")).await?;
    wait_clone_fails(c, "the example's verdict").await
}

async fn verdict(c: &Client, id: &str) -> Result<String, String> {
    let v = js(
        c,
        "const e = document.getElementById(arguments[0]); return e ? e.dataset.verdict : null;",
        vec![json!(id)],
    )
    .await?;
    v.as_str().map(str::to_owned).ok_or_else(|| format!("no #{id}[data-verdict]"))
}

async fn screenshot(c: &Client, dir: &Path, name: &str) -> Result<(), String> {
    let png = c.screenshot().await.map_err(|e| e.to_string())?;
    std::fs::write(dir.join(name), png).map_err(|e| e.to_string())
}

fn check(cond: bool, msg: impl FnOnce() -> String) -> Result<(), String> {
    if cond { Ok(()) } else { Err(msg()) }
}

fn with_query(url: &str, query: &str) -> String {
    format!("{url}?{query}")
}

async fn run_suite(c: &Client, suite: &str, url: &str, shots: &Path) -> Outcome {
    let mut out: Outcome = Vec::new();
    // `E2E_ONLY=<text>` runs only the tests whose name contains it (while working on one; CI
    // runs them all). The first test always runs: it opens the page.
    let only = std::env::var("E2E_ONLY").ok().filter(|s| !s.is_empty());
    macro_rules! test {
        ($name:expr, $body:expr) => {{
            if out.is_empty() || only.as_deref().is_none_or(|o| $name.contains(o)) {
                let r: Result<(), String> = $body.await;
                out.push((format!("{suite}: {}", $name), r));
            }
        }};
    }
    // Start from a clean tab state.
    test!("page loads and renders both verdict cards", async {
        goto(c, url).await?;
        js(c, "sessionStorage.clear(); localStorage.clear(); return true;", vec![]).await?;
        goto(c, url).await?;
        verdict(c, "verdict-clone").await?;
        verdict(c, "verdict-replica").await?;
        Ok(())
    });
    test!("CSP forbids connections and external scripts", async {
        let csp = js(
            c,
            "const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m ? m.content : '';",
            vec![],
        )
        .await?;
        let csp = csp.as_str().unwrap_or_default().to_owned();
        check(csp.starts_with("default-src 'none'"), || format!("CSP: {csp:?}"))?;
        check(!csp.contains("unsafe-inline") && csp.contains("'sha256-"), || {
            format!("CSP uses no hashes: {csp}")
        })?;
        if suite == "file" {
            check(csp.contains("connect-src 'none'"), || format!("CSP allows connections: {csp}"))?;
            // The scan worker: blob: workers, and nothing wider.
            check(csp.contains("; worker-src blob:;") && csp.matches("blob:").count() == 1, || {
                format!("CSP: {csp}")
            })?;
            check(!csp.contains("'self'"), || format!("CSP allows files: {csp}"))?;
        } else {
            check(csp.contains("connect-src 'self'") && csp.contains("; worker-src 'self' blob:;"), || {
                format!("CSP: {csp}")
            })?;
        }
        Ok(())
    });
    let loaded_entries = js(c, "return performance.getEntriesByType('resource').length;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    test!("paste the 3707 case: clone restart fails, fix sets MYSQLD_PARENT_PID", async {
        paste(c, 0, CLONE_3707).await?;
        wait_clone_fails(c, "a verdict on the 3707 case").await?;
        wait_until(
            c,
            "a fix containing MYSQLD_PARENT_PID",
            "return [...document.querySelectorAll('.fix-text')].some(e => e.textContent.includes('MYSQLD_PARENT_PID'));",
            5,
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-3707-en.png")).await
    });
    test!("exports never show a secret: copy, Markdown and JSON downloads, the report", async {
        let text = with_secrets();
        check(text.contains("Qz7Wrap9Kx") && text.contains("Jq4 Pq8"), || "the example changed".into())?;
        paste(c, 0, &text).await?;
        wait_clone_fails(c, "a verdict on the 3707 case with secrets").await?;
        js(
            c,
            "window.__exports = []; const o = URL.createObjectURL; \
             URL.createObjectURL = b => { window.__exports.push(b); return o.call(URL, b); }; \
             try { Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
               { writeText: t => { window.__exports.push(new Blob([t])); return Promise.resolve(); } } }); } catch (e) {} \
             for (const id of ['copy-markdown', 'download-markdown', 'download-json']) document.getElementById(id).click(); \
             return true;",
            vec![],
        )
        .await?;
        wait_until(c, "three exports", "return window.__exports.length >= 3;", 5).await?;
        let texts = js(
            c,
            "const shown = document.getElementById('results').innerText; \
             return Promise.all(window.__exports.map(b => b.text())).then(a => a.concat([shown]));",
            vec![],
        )
        .await?;
        let texts: Vec<String> = texts
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| t.as_str().unwrap_or_default().to_owned())
            .collect();
        check(texts.len() >= 4 && texts.iter().all(|t| !t.is_empty()), || format!("exports: {texts:?}"))?;
        check(texts[..3].iter().all(|t| t.contains("****")), || {
            "the exports do not say what they masked".into()
        })?;
        for piece in SECRET_PIECES {
            check(texts.iter().all(|t| !t.contains(piece)), || format!("{piece:?} is shown in {texts:?}"))?;
        }
        Ok(())
    });
    test!("typing updates the analysis live", async {
        js(c, "document.getElementById('input-0').value = ''; document.getElementById('input-0').dispatchEvent(new Event('input', {bubbles: true})); return true;", vec![]).await?;
        wait_until(
            c,
            "the chips to empty",
            "return document.querySelectorAll('#chips-0 .chip').length === 0;",
            5,
        )
        .await?;
        let area = c.find(fantoccini::Locator::Id("input-0")).await.map_err(|e| e.to_string())?;
        area.send_keys("mysql> SELECT VERSION();\n+-----------+\n| VERSION() |\n+-----------+\n| 8.0.36    |\n+-----------+\n")
            .await
            .map_err(|e| e.to_string())?;
        wait_until(
            c,
            "a chip for the typed result",
            "return document.querySelectorAll('#chips-0 .chip').length > 0;",
            5,
        )
        .await?;
        paste(c, 0, CLONE_3707).await
    });
    test!("switch to 简体中文: verdicts in Chinese", async {
        js(
            c,
            "const s = document.getElementById('lang'); s.value = 'zh-CN'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;",
            vec![],
        )
        .await?;
        wait_until(
            c,
            "Chinese verdict text",
            "return document.documentElement.lang === 'zh-CN' && /[\\u4e00-\\u9fff]/.test(document.querySelector('#verdict-clone .verdict-answer').textContent);",
            5,
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-3707-zh-CN.png")).await?;
        let v = verdict(c, "verdict-clone").await?;
        check(v == "fails", || format!("verdict changed with the language: {v}"))
    });
    test!("reload keeps the input (and the language)", async {
        c.refresh().await.map_err(|e| e.to_string())?;
        wait_until(c, "the page after reload", "return !!document.getElementById('input-0');", 20).await?;
        let kept = js(c, "return document.getElementById('input-0').value;", vec![]).await?;
        check(kept.as_str() == Some(CLONE_3707), || "the input was not restored after reload".into())?;
        let lang = js(c, "return document.documentElement.lang;", vec![]).await?;
        check(lang.as_str() == Some("zh-CN"), || format!("language after reload: {lang}"))?;
        js(
            c,
            "const s = document.getElementById('lang'); s.value = 'en'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;",
            vec![],
        )
        .await
        .map(|_| ())
    });
    test!("the evidence jumps to the input", async {
        let n = js(c, "const b = document.querySelector('.evidence .jump'); if (!b) return false; b.click(); return true;", vec![]).await?;
        check(n.as_bool() == Some(true), || "no evidence to click".into())?;
        wait_until(
            c,
            "the textarea selection",
            "const a = document.getElementById('input-0'); return document.activeElement === a && a.selectionEnd > a.selectionStart;",
            5,
        )
        .await
    });
    test!("no request leaves the page after load", async {
        let entries =
            js(c, "return performance.getEntriesByType('resource').map(e => e.name);", vec![]).await?;
        let list: Vec<String> = entries
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        if suite == "file" {
            check(list.is_empty(), || format!("the single file fetched: {list:?}"))
        } else {
            check(
                list.len() as u64 <= loaded_entries
                    && list.iter().all(|u| u.starts_with("http://127.0.0.1:")),
                || format!("requests after load (had {loaded_entries} at load): {list:?}"),
            )
        }
    });
    test!("?example=clone-3707 loads the example", async {
        goto(c, &with_query(url, "example=clone-3707")).await?;
        let text = js(c, "return document.getElementById('input-0').value;", vec![]).await?;
        check(text.as_str().is_some_and(|t| t.contains("ERROR 3707")), || "example text not loaded".into())?;
        let sel = js(c, "return document.getElementById('examples').value;", vec![]).await?;
        check(sel.as_str() == Some("clone-3707"), || format!("examples menu shows {sel}"))?;
        wait_clone_fails(c, "the failing verdict").await
    });
    test!("?embed=1 compact layout", async {
        goto(c, &with_query(url, "embed=1&example=healthy")).await?;
        let r = js(
            c,
            "return !!document.querySelector('.app.embed') && !document.querySelector('.footer') && !document.querySelector('.tagline');",
            vec![],
        )
        .await?;
        check(r.as_bool() == Some(true), || "not the compact layout".into())?;
        screenshot(c, shots, &format!("{suite}-embed.png")).await
    });
    test!("usable at 360 px: no horizontal scrolling", async {
        c.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
        goto(c, &with_query(url, "example=clone-3707")).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let w = js(
            c,
            "const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1) \
               .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1) \
               .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)); \
             return [document.documentElement.scrollWidth, window.innerWidth, wide.join('; ')];",
            vec![],
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-360px.png")).await?;
        c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())?;
        let (sw, iw) = (w[0].as_u64().unwrap_or(0), w[1].as_u64().unwrap_or(1));
        check(sw <= iw, || format!("page is {sw}px wide in a {iw}px window; too wide: {}", w[2]))
    });
    test!("one column: a decided verdict comes before the input box, an undecided one after", async {
        c.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
        let r = async {
            goto(c, &with_query(url, "example=replica-crash-unsafe")).await?;
            wait_until(c, "the replica verdict", "return document.getElementById('verdict-replica').dataset.verdict === 'no';", 10).await?;
            let r = js(
                c,
                "const top = (s) => Math.round(document.querySelector(s).getBoundingClientRect().top + window.scrollY); \
                 return [top('#verdict-replica'), top('.inputs'), top('#verdict-clone'), window.innerHeight, \
                         document.getElementById('verdict-clone').dataset.verdict];",
                vec![],
            )
            .await?;
            let n = |i: usize| r[i].as_i64().unwrap_or(-1);
            check(n(0) < n(1) && n(0) < n(3) / 2, || format!("the failing replica verdict is not first: {r}"))?;
            check(r[4] != "unknown" || n(2) > n(1), || format!("the undecided clone card comes before the input: {r}"))?;
            // Embedded in a 700 px (and a 420 px) high frame: the decided verdict's answer shows.
            for h in [700, 420] {
                c.set_window_size(800, h).await.map_err(|e| e.to_string())?;
                goto(c, &with_query(url, "embed=1&example=clone-3707")).await?;
                wait_clone_fails(c, "the embedded verdict").await?;
                let b = js(
                    c,
                    "const a = document.querySelector('#verdict-clone .verdict-answer').getBoundingClientRect(); \
                     return [Math.round(a.bottom), window.innerHeight];",
                    vec![],
                )
                .await?;
                check(b[0].as_i64() <= b[1].as_i64(), || format!("embedded at {h} px, the answer is below the fold: {b}"))?;
            }
            Ok::<(), String>(())
        }
        .await;
        c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())?;
        r
    });
    // The file suite cannot host the page in a frame (its CSP has no frame-src, and Chrome does not
    // frame file:// from another page); the message is the same code in both builds.
    if suite == "http" {
        test!("in an iframe, the page posts its height to the host on every change", async {
            // The host: any page of the same server (a 404 page does; Chrome does not let
            // about:blank frame a local-network address).
            c.goto(&format!("{url}embed-host")).await.map_err(|e| e.to_string())?;
            js(
                c,
                "window.__heights = []; window.addEventListener('message', (e) => { \
                   if (e.data && e.data.type === 'mysql-advisor:height') window.__heights.push(e.data.height); }); \
                 const f = document.createElement('iframe'); f.id = 'embedded'; f.style.width = '800px'; f.style.height = '700px'; \
                 f.src = arguments[0]; document.body.appendChild(f); return true;",
                vec![json!(with_query(url, "embed=1"))],
            )
            .await?;
            let got = wait_until(
                c,
                "a height message",
                "return window.__heights.length > 0 && window.__heights[0] > 100;",
                20,
            )
            .await;
            if let Err(e) = got {
                let frame = c.find(fantoccini::Locator::Css("#embedded")).await.map_err(|e| e.to_string())?;
                frame.enter_frame().await.map_err(|e| e.to_string())?;
                let s = js(c, "return [location.href, !!document.querySelector('.app'), window.parent !== window, document.body.innerText.slice(0, 200)];", vec![]).await;
                return Err(format!("{e}; inside: {s:?}"));
            }
            // Loading an example makes the page taller: a new, larger height follows.
            let first = js(c, "return window.__heights[window.__heights.length - 1];", vec![]).await?;
            let frame = c.find(fantoccini::Locator::Css("#embedded")).await.map_err(|e| e.to_string())?;
            frame.enter_frame().await.map_err(|e| e.to_string())?;
            js(c, "const s = document.getElementById('examples'); s.value = 'clone-3707'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;", vec![]).await?;
            c.enter_parent_frame().await.map_err(|e| e.to_string())?;
            wait_until(
                c,
                "a larger height after the example",
                &format!("return window.__heights.some(h => h > {});", first.as_i64().unwrap_or(0)),
                20,
            )
            .await?;
            // Back to the page itself for the tests that follow.
            goto(c, url).await
        });
    }
    test!("JS API: analyze(inputs) returns the report", async {
        let r = js(
            c,
            "const api = window.mysqlAdvisor || window.wasmBindings; \
             const r = api.analyze([{ name: 'u', text: arguments[0] }], { lang: 'zh-CN' }); \
             const e = r.findings[0].evidence[0]; \
             return [typeof r.verdicts.clone_restart, r.lang, Array.isArray(r.findings), r.inputs[0].name, \
                     typeof e.line_start, typeof e.range, Object.getPrototypeOf(r) === Object.prototype];",
            vec![json!(CLONE_3707)],
        )
        .await?;
        // Plain objects and numbers, as `JSON.parse` gave before serde-wasm-bindgen (issue 17).
        check(r == json!(["string", "zh-CN", true, "u", "number", "object", true]), || {
            format!("analyze returned {r}")
        })
    });
    test!("JS API: mount(element, options) renders a second page", async {
        let r = js(
            c,
            "const api = window.mysqlAdvisor || window.wasmBindings; const d = document.createElement('div'); \
             d.id = 'mounted'; document.body.appendChild(d); \
             api.mount(d, { embed: true, lang: 'zh-CN', example: 'clone-3707' }); return true;",
            vec![],
        )
        .await?;
        check(r.as_bool() == Some(true), || "mount failed".into())?;
        wait_until(
            c,
            "the mounted page's failing verdict",
            "const v = document.querySelector('#mounted .embed [data-verdict]'); return !!v && v.dataset.verdict === 'fails';",
            10,
        )
        .await
    });
    test!("theme toggle switches light and dark", async {
        goto(c, url).await?;
        let before = js(c, "return getComputedStyle(document.body).backgroundColor;", vec![]).await?;
        js(c, "document.getElementById('theme').click(); return true;", vec![]).await?;
        wait_until(c, "data-theme on <html>", "return !!document.documentElement.dataset.theme;", 5).await?;
        let after = js(c, "return getComputedStyle(document.body).backgroundColor;", vec![]).await?;
        check(before != after, || format!("background stayed {before}"))?;
        if js(c, "return document.documentElement.dataset.theme;", vec![]).await?.as_str() == Some("dark") {
            screenshot(c, shots, &format!("{suite}-dark.png")).await?;
        }
        js(c, "localStorage.removeItem('mysql-advisor.theme'); return true;", vec![]).await.map(|_| ())
    });
    test!("speed: cold start to the first verdict, re-analysis after a keystroke", async {
        // Cold start: navigation start to the first render with a report (`firstRenderMs`,
        // performance.now() in the app's first effect), median of 5 loads.
        // The single file also says how long loading its wasm took (`unpackB64Ms`, `inflateMs` by
        // DecompressionStream, `compileMs`, set by its loader before the module is instantiated).
        let mut cold = Vec::new();
        let mut unpack: [Vec<f64>; 3] = Default::default();
        for _ in 0..5 {
            open_clone_example(c, url).await?;
            let timing = js(c, "return window.mysqlAdvisorTiming || {};", vec![]).await?;
            let ms = &timing["firstRenderMs"];
            cold.push(ms.as_f64().ok_or_else(|| format!("no firstRenderMs: {ms}"))?);
            for (i, key) in ["unpackB64Ms", "inflateMs", "compileMs"].iter().enumerate() {
                if let Some(v) = timing[key].as_f64() {
                    unpack[i].push(v);
                }
            }
        }
        check(cold.iter().all(|m| m.is_finite() && *m > 0.0), || format!("cold start samples {cold:?}"))?;
        let unpacked = if suite == "file" {
            check(unpack.iter().all(|v| v.len() == 5), || {
                format!("the single file's unpack timings: {unpack:?}")
            })?;
            let [mut b, mut l, mut s] = unpack;
            format!(
                "; of which loading the wasm (medians): base64 {:.0} ms, inflate {:.0} ms, compile {:.0} ms",
                median(&mut b),
                median(&mut l),
                median(&mut s)
            )
        } else {
            String::new()
        };
        report_figure(
            shots,
            &format!(
                "{suite}: cold start to first verdict (?example=clone-3707), median of 5: {:.0} ms {cold:.0?}{unpacked}",
                median(&mut cold)
            ),
        );
        // A keystroke in the example (30 lines), then in a 5,000-line transcript, at its end and
        // in its middle: the analysis that the keystroke triggers (`analyzeMs`: from the new text
        // to the new report, the page's `Analyzer` included), median of 11 (single samples swing
        // by 2–4× on a shared 2-core machine). The pasted text's own analysis is waited for first,
        // so that no sample is the paste's.
        let long = long_transcript(5000);
        for (what, text, middle) in [
            ("30-line example", CLONE_3707.to_owned(), false),
            ("5,000-line transcript", long.clone(), false),
            ("5,000-line transcript, in the middle", long, true),
        ] {
            let count = "return (window.mysqlAdvisorTiming || {}).analyzeMsCount || 0;";
            let before = js(c, count, vec![]).await?.as_f64().unwrap_or(0.0);
            let shown =
                "const a = document.getElementById('input-0'); return !!a && a.value === arguments[0];";
            let unchanged = js(c, shown, vec![json!(text)]).await?.as_bool() == Some(true);
            paste(c, 0, &text).await?;
            // (The same text again is no change: nothing to wait for.)
            if !unchanged {
                wait_until(
                    c,
                    "the pasted text's analysis",
                    &format!("return ((window.mysqlAdvisorTiming || {{}}).analyzeMsCount || 0) > {before};"),
                    10,
                )
                .await?;
            }
            if middle {
                // The caret in the middle of the text (the textarea has focus: typing keeps it).
                js(
                    c,
                    "const a = document.getElementById('input-0'); a.focus(); \
                     const m = Math.floor(a.value.length / 2); a.setSelectionRange(m, m); return true;",
                    vec![],
                )
                .await?;
            }
            let mut samples = Vec::new();
            for k in 0..11 {
                let before =
                    js(c, "return (window.mysqlAdvisorTiming || {}).analyzeMsCount || 0;", vec![]).await?;
                let before = before.as_f64().unwrap_or(0.0);
                let area = c.find(fantoccini::Locator::Id("input-0")).await.map_err(|e| e.to_string())?;
                area.send_keys(&format!("{k}")).await.map_err(|e| e.to_string())?;
                wait_until(
                    c,
                    "the analysis after a keystroke",
                    &format!("return ((window.mysqlAdvisorTiming || {{}}).analyzeMsCount || 0) > {before};"),
                    10,
                )
                .await?;
                let ms = js(c, "return window.mysqlAdvisorTiming.analyzeMs;", vec![]).await?;
                samples.push(ms.as_f64().ok_or("no analyzeMs")?);
            }
            if middle {
                // The digits went where the caret was, not to the end.
                let typed = js(
                    c,
                    "const v = document.getElementById('input-0').value; \
                     return v.indexOf('012345678910') > 0 && !v.endsWith('012345678910');",
                    vec![],
                )
                .await?;
                check(typed.as_bool() == Some(true), || {
                    "the keystrokes did not land in the middle".to_owned()
                })?;
            }
            report_figure(
                shots,
                &format!(
                    "{suite}: re-analysis after a keystroke, {what}, median of 11: {:.1} ms {samples:.1?}",
                    median(&mut samples)
                ),
            );
        }
        js(c, "sessionStorage.clear(); return true;", vec![]).await.map(|_| ())
    });
    test!(
        "a dropped 200 MiB error log: scanned in a worker, progress, the right timeline and verdict, no stall over 50 ms",
        async { big_log_in_worker(c, url, shots, suite).await }
    );
    test!("a dropped .gz error log streams through DecompressionStream in the worker", async {
        big_gz_log_in_worker(c, url, shots, suite).await
    });
    test!("a dropped error log without a worker: scanned on the page, which says so (en, zh-CN)", async {
        big_log_on_page(c, url, shots, suite).await
    });
    test!("Cancel stops a running scan of a dropped log", async { big_log_cancel(c, url).await });
    if suite == "file" {
        test!("a saved copy of the rendered page (Save page as) works", async {
            open_clone_example(c, url).await?;
            let html =
                js(c, "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;", vec![]).await?;
            let saved = shots.join("saved-page.html");
            std::fs::write(&saved, html.as_str().unwrap_or_default()).map_err(|e| e.to_string())?;
            goto(c, &format!("file://{}", saved.display())).await?;
            let r = js(
                c,
                "return [document.querySelectorAll('.app').length, document.querySelectorAll('#verdict-clone').length];",
                vec![],
            )
            .await?;
            check(r == json!([1, 1]), || format!("the saved page rendered {r} (apps, verdict cards)"))?;
            let entries = js(c, "return performance.getEntriesByType('resource').length;", vec![]).await?;
            check(entries.as_u64() == Some(0), || format!("the saved page fetched {entries} resources"))
        });
    }
    test!("notes about the input are shown, with their commands as code (en, zh-CN)", async {
        // The report's notes (masked passwords, option groups assumed for an unknown version) were
        // printed by the CLI but not shown on the page.
        let text = "$ cat /etc/my.cnf\n[client]\npassword=S3cret\n\n[mysqld-8.0]\nsync_binlog=0\n";
        for (lang, masked, assumed) in
            [("en", "contains passwords or credentials", "assumed"), ("zh-CN", "含有密码或凭据", "假定")]
        {
            paste_fresh(c, url, lang, text).await?;
            wait_until(
                c,
                "the notes",
                "return document.querySelectorAll('#report-notes li').length >= 2;",
                10,
            )
            .await?;
            let r = js(
                c,
                "const s = document.getElementById('report-notes'); \
                 return [s.querySelector('h2').textContent, s.innerText, \
                         [...s.querySelectorAll('code')].map(e => e.textContent)];",
                vec![],
            )
            .await?;
            let heading = r[0].as_str().unwrap_or_default();
            let body = r[1].as_str().unwrap_or_default();
            check(heading == if lang == "en" { "Notes" } else { "说明" }, || {
                format!("{lang}: heading {heading:?}")
            })?;
            check(body.contains(masked) && body.contains(assumed), || format!("{lang}: notes {body:?}"))?;
            check(!body.contains("S3cret"), || format!("{lang}: a password in the notes"))?;
            js(c, "document.getElementById('report-notes').scrollIntoView(); return true;", vec![]).await?;
            screenshot(c, shots, &format!("{suite}-notes-{lang}.png")).await?;
            check(r[2].as_array().is_some_and(|a| a.contains(&json!("mysqld --version"))), || {
                format!("{lang}: the command is not code: {}", r[2])
            })?;
        }
        js(c, "sessionStorage.clear(); return true;", vec![]).await.map(|_| ())
    });
    test!("Clear empties the input and forgets it", async {
        goto(c, url).await?;
        paste(c, 0, "[mysqld]\nserver_id=1\n").await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await?;
        c.refresh().await.map_err(|e| e.to_string())?;
        wait_until(c, "the page after reload", "return !!document.getElementById('input-0');", 20).await?;
        let v = js(c, "return document.getElementById('input-0').value;", vec![]).await?;
        check(v.as_str() == Some(""), || format!("input after Clear and reload: {v}"))
    });
    test!("nothing typed is lost: Undo after an example or Clear, the session wins over ?example=", async {
        goto(c, url).await?;
        let typed = "[Service]\nExecStart=/usr/sbin/mysqld --user=mysql\n";
        paste(c, 0, typed).await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let value = "return document.getElementById('input-0').value;";
        js(c, "const s = document.getElementById('examples'); s.value = 'healthy'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;", vec![]).await?;
        wait_until(c, "the example and its Undo", "return document.getElementById('input-0').value !== arguments[0] && !!document.getElementById('undo');".replace("arguments[0]", &json!(typed).to_string()).as_str(), 10).await?;
        let note = js(c, "return document.querySelector('.undo-note').getAttribute('role');", vec![]).await?;
        check(note == "status", || format!("the Undo note is not announced: {note}"))?;
        js(c, "document.getElementById('undo').click(); return true;", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        check(js(c, value, vec![]).await? == typed, || {
            "Undo did not bring the typed text back after an example".into()
        })?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        check(js(c, value, vec![]).await? == "", || "Clear did not clear".into())?;
        js(c, "document.getElementById('undo').click(); return true;", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        check(js(c, value, vec![]).await? == typed, || {
            "Undo did not bring the text back after Clear".into()
        })?;
        // An edited example survives a reload of its `?example=` address.
        goto(c, &with_query(url, "example=clone-3707")).await?;
        paste(c, 0, typed).await?;
        tokio::time::sleep(Duration::from_millis(600)).await;
        c.refresh().await.map_err(|e| e.to_string())?;
        wait_until(c, "the page after reload", "return !!document.getElementById('input-0');", 20).await?;
        let kept = js(c, value, vec![]).await?;
        check(kept == typed, || format!("?example= replaced the saved input after a reload: {kept}"))
    });
    test!(
        "verdict cards agree with their findings: works, but / unless, the line cited (en, zh-CN)",
        async { verdict_caveats(c, url, shots, suite).await }
    );
    test!(
        "fixes paste as they are: the page shows the core's fix text, the user's own docker run, #! first (en, zh-CN)",
        async { fixes_as_core(c, url).await }
    );
    test!("text nothing recognises is not reassured; passed checks say what holds", async {
        goto(c, url).await?;
        paste(c, 0, "hello\nnothing a DBA would paste\n").await?;
        wait_until(
            c,
            "the nothing-recognised note",
            "return !!document.querySelector('#findings.nothing-recognised');",
            10,
        )
        .await?;
        let r = js(
            c,
            "const f = document.getElementById('findings'); \
             return [f.innerText.includes('No problems found'), f.querySelectorAll('li code').length];",
            vec![],
        )
        .await?;
        check(r[0] == false && r[1].as_u64() >= Some(5), || format!("garbage got {r}"))?;
        goto(c, &with_query(url, "example=healthy&lang=en")).await?;
        let t = js(
            c,
            "const li = document.querySelector('#passed-checks li[data-rule=\"restart-exit16-ignored\"] .check-title'); \
             return li ? li.textContent : null;",
            vec![],
        )
        .await?;
        check(t == "Exit code 16 is restarted", || format!("the passed check's title: {t}"))
    });
    test!(
        "inputs: numbered by position, renamed, focused when added, reachable, chips grouped, binary files refused",
        async {
            // Point 8 (and 10's focus, binary files and storage note) of issue 15, in both languages.
            for (lang, label, name) in [("en", "Input", "input"), ("zh-CN", "输入", "输入")] {
                js(c, "sessionStorage.clear(); return true;", vec![]).await?;
                goto(c, &with_query(url, &format!("example=clone-3707&lang={lang}"))).await?;
                wait_clone_fails(c, "the example's verdict").await?;
                for _ in 0..2 {
                    let add =
                        c.find(fantoccini::Locator::Id("add-input")).await.map_err(|e| e.to_string())?;
                    add.click().await.map_err(|e| e.to_string())?;
                }
                wait_until(
                    c,
                    "the new box focused",
                    "return document.activeElement && document.activeElement.id === 'input-2';",
                    5,
                )
                .await?;
                let labels = js(
                c,
                "return [...document.querySelectorAll('.input-box .input-head label')].map(l => l.textContent);",
                vec![],
            )
            .await?;
                let want: Vec<String> = (1..=3).map(|n| format!("{label} {n}")).collect();
                check(labels == json!(want), || format!("{lang}: box labels {labels}"))?;
                let places = js(
                    c,
                    "return [...document.querySelectorAll('.evidence .jump')].map(b => b.textContent);",
                    vec![],
                )
                .await?;
                let places: Vec<String> = places
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                check(
                    !places.is_empty() && places.iter().all(|p| p.starts_with(&format!("{name} 1"))),
                    || format!("{lang}: evidence places {places:?}"),
                )?;
                let note = js(
                    c,
                    "const n = document.getElementById('storage-note'); return n ? n.textContent : '';",
                    vec![],
                )
                .await?;
                check(note.as_str().is_some_and(|n| n.contains("sessionStorage")), || {
                    format!("{lang}: storage note {note}")
                })?;
            }
            // A name given shows in the evidence.
            js(
                c,
                "const f = document.getElementById('input-name-0'); f.value = '/root/status.txt'; \
             f.dispatchEvent(new Event('change', { bubbles: true })); return true;",
                vec![],
            )
            .await?;
            wait_until(
            c,
            "the evidence named after the renamed box",
            "return [...document.querySelectorAll('.evidence .jump')].some(b => b.textContent.startsWith('/root/status.txt'));",
            10,
        )
        .await?;
            // Six boxes: the column stays within the window and its buttons in view.
            for _ in 0..3 {
                js(c, "document.getElementById('add-input').click(); return true;", vec![]).await?;
            }
            wait_until(c, "six boxes", "return document.querySelectorAll('.input-box').length === 6;", 5)
                .await?;
            let fit = js(
            c,
            "const col = document.querySelector('.inputs').getBoundingClientRect(); \
             const add = document.getElementById('add-input').getBoundingClientRect(); \
             const clear = document.getElementById('clear').getBoundingClientRect(); \
             return [col.height <= innerHeight, add.bottom <= innerHeight && add.top >= 0, clear.bottom <= innerHeight];",
            vec![],
        )
        .await?;
            check(fit == json!([true, true, true]), || {
                format!("column taller than the window or buttons out of view: {fit}")
            })?;
            // A 5,000-line paste: chips grouped by kind, each group opening to its chips.
            paste(c, 0, &long_transcript(5000)).await?;
            wait_until(
                c,
                "grouped chips",
                "return document.querySelectorAll('#chips-0 > .chip-group').length > 0;",
                20,
            )
            .await?;
            let chips = js(
            c,
            "return [document.querySelectorAll('#chips-0 > li').length, document.querySelectorAll('#chips-0 .chip-group .chip').length];",
            vec![],
        )
        .await?;
            check(chips[0].as_u64() <= Some(20) && chips[1].as_u64() >= Some(100), || {
                format!("[top-level chips, chips inside groups] = {chips}")
            })?;
            screenshot(c, shots, &format!("{suite}-inputs-grouped.png")).await?;
            // A binary file is refused with a note (the page is in Chinese now), not added as garbage.
            let file = shots.join("ibdata1");
            std::fs::write(&file, b"\0\0\x01\x02binary\0page\xff\xfe").map_err(|e| e.to_string())?;
            let before = js(c, "return document.querySelectorAll('.input-box').length;", vec![]).await?;
            let chooser =
                c.find(fantoccini::Locator::Css("input[type=file]")).await.map_err(|e| e.to_string())?;
            chooser.send_keys(&file.display().to_string()).await.map_err(|e| e.to_string())?;
            wait_until(
            c,
            "the binary file's note",
            "const n = document.getElementById('scan-notice'); return !!n && n.textContent.includes('ibdata1') && n.textContent.includes('不是文本');",
            10,
        )
        .await?;
            let after = js(c, "return document.querySelectorAll('.input-box').length;", vec![]).await?;
            check(before == after, || format!("a binary file was added: {before} → {after} boxes"))?;
            js(c, "sessionStorage.clear(); return true;", vec![]).await.map(|_| ())
        }
    );
    test!(
        "no internal words: the default channel by name, the title in the page's language (en, zh-CN)",
        async {
            // Point 9 of issue 15: `channel ""` and an English <title> on the Chinese page.
            let status = include_str!("../../tests/fixtures/replica/purged-8.0.36.txt");
            for (lang, channel, title) in [
                ("en", "the default channel", "clone restart and replica crash-safety check"),
                ("zh-CN", "默认通道", "从库崩溃安全检查"),
            ] {
                paste_fresh(c, url, lang, status).await?;
                wait_until(
                c,
                "a channel's finding",
                "return !!document.querySelector('.finding[data-rule=\"replica-threads-stopped\"] .channel');",
                10,
            )
            .await?;
                let shown = js(
                    c,
                    "return [...document.querySelectorAll('.finding .channel')].map(e => e.textContent);",
                    vec![],
                )
                .await?;
                let shown: Vec<String> = shown
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect();
                check(!shown.is_empty() && shown.iter().all(|s| s == channel), || {
                    format!("{lang}: channels {shown:?}")
                })?;
                let t = js(c, "return document.title;", vec![]).await?;
                check(t.as_str().is_some_and(|t| t.contains(title)), || format!("{lang}: <title> {t}"))?;
                if lang == "zh-CN" {
                    // The glossary: 克隆 and 崩溃安全, never the English words in Chinese prose.
                    let cards =
                        js(c, "return document.querySelector('.verdicts').innerText;", vec![]).await?;
                    let cards = cards.as_str().unwrap_or_default();
                    check(
                        cards.contains("克隆之后的自动重启能成功吗")
                            && cards.contains("崩溃安全")
                            && !cards.contains("crash-safe"),
                        || format!("zh-CN verdict cards off the glossary: {cards}"),
                    )?;
                }
            }
            js(c, "sessionStorage.clear(); return true;", vec![]).await.map(|_| ())
        }
    );
    test!("print: every verdict's lines, each reference once, no empty heading (en, zh-CN)", async {
        // Point 10 of issue 15: the PDF (WebDriver's Print Page, read back by pdftotext).
        for lang in ["en", "zh-CN"] {
            js(c, "sessionStorage.clear(); return true;", vec![]).await?;
            goto(c, &with_query(url, &format!("example=clone-3707&lang={lang}"))).await?;
            wait_clone_fails(c, "the example's verdict").await?;
            let pdf = c
                .print(fantoccini::wd::PrintConfiguration::default())
                .await
                .map_err(|e| format!("print: {e}"))?;
            let path = shots.join(format!("{suite}-print-{lang}.pdf"));
            std::fs::write(&path, &pdf).map_err(|e| e.to_string())?;
            let out = std::process::Command::new("pdftotext")
                .args(["-layout", "-enc", "UTF-8"])
                .arg(&path)
                .arg("-")
                .output()
                .map_err(|e| format!("pdftotext: {e} (`cargo xtask set-up` installs poppler-utils)"))?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let (based_on, line) = if lang == "en" { ("Based on:", "line") } else { ("依据：", "行") };
            let cited =
                text.lines().skip_while(|l| !l.contains(based_on)).take(2).collect::<Vec<_>>().join(" ");
            check(cited.contains(line), || {
                format!("{lang}: the verdict's lines are not printed: {cited:?}")
            })?;
            // Each reference's address once in the whole PDF.
            let refs = js(
                c,
                "return [...new Set([...document.querySelectorAll('.references a')].map(a => a.textContent))];",
                vec![],
            )
            .await?;
            for r in refs.as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
                let n = text.matches(r).count();
                check(n <= 1, || format!("{lang}: reference {r:?} printed {n} times"))?;
            }
            // No heading without content: the page has no empty section to print.
            let empty = js(
                c,
                "return [...document.querySelectorAll('#results h2, #results h3')].filter(h => { \
                   let n = h.nextElementSibling; return !n || /^H[23]$/.test(n.tagName) || !n.textContent.trim(); \
                 }).map(h => h.textContent);",
                vec![],
            )
            .await?;
            check(empty.as_array().is_some_and(|a| a.is_empty()), || {
                format!("{lang}: empty headings {empty}")
            })?;
        }
        Ok(())
    });
    if suite == "file" {
        test!("the README's screenshots: 1280 and 360 px, English and Chinese", async {
            // Issue 15: the README shows the page at both widths in both languages. The test takes
            // them (target/e2e/readme-*.png; copied into docs/screenshots/ when the page changes)
            // and checks that the README shows each one and that each file is there.
            let readme = include_str!("../../README.md");
            let mut missing = Vec::new();
            for (w, h) in [(1280, 900), (360, 780)] {
                for lang in ["en", "zh-CN"] {
                    c.set_window_size(w, h).await.map_err(|e| e.to_string())?;
                    js(c, "sessionStorage.clear(); return true;", vec![]).await?;
                    goto(c, &with_query(url, &format!("example=clone-3707&lang={lang}"))).await?;
                    wait_clone_fails(c, "the example's verdict").await?;
                    let name = format!("readme-{w}-{lang}.png");
                    screenshot(c, shots, &name).await?;
                    let doc = format!("docs/screenshots/{w}-{lang}.png");
                    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(&doc);
                    if !readme.contains(&format!("]({doc})")) {
                        missing.push(format!("the README does not show {doc}"));
                    } else if !here.is_file() {
                        missing.push(format!("{doc} is missing (copy target/e2e/{name})"));
                    }
                }
            }
            c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())?;
            check(missing.is_empty(), || missing.join("; "))
        });
    }
    test!(
        "commands are code blocks; Copy says Copied / 已复制, or that it failed (issue 15, point 4)",
        async {
            for lang in ["en", "zh-CN"] {
                copy_buttons(c, url, lang, shots, suite).await.map_err(|e| format!("{lang}: {e}"))?;
            }
            Ok(())
        }
    );
    test!(
        "after a failed clone the two fixes are numbered steps, both shown and printed (issue 15, point 5)",
        async {
            for lang in ["en", "zh-CN"] {
                clone_steps(c, url, lang, shots, suite).await.map_err(|e| format!("{lang}: {e}"))?;
            }
            Ok(())
        }
    );
    test!(
        "alternative fixes are tabs: arrow keys, Home, End move focus with the selection (issue 15, point 5)",
        async { alternative_tabs(c, url, shots, suite).await }
    );
    test!("choose a file: read locally into an input", async {
        let file = shots.join("my.cnf");
        let text = "[mysqld]\nserver_id = 3\nrelay_log_recovery = OFF\n";
        std::fs::write(&file, text).map_err(|e| e.to_string())?;
        goto(c, url).await?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await?;
        js(c, "document.getElementById('add-input').click(); return true;", vec![]).await?;
        let chooser = c
            .find(fantoccini::Locator::Css("input[type=file]"))
            .await
            .map_err(|e| format!("no file input: {e}"))?;
        chooser
            .send_keys(&file.display().to_string())
            .await
            .map_err(|e| format!("choosing the file: {e}"))?;
        wait_until(
            c,
            "the file's text in an input",
            "return document.getElementById('input-0').value.includes('relay_log_recovery');",
            5,
        )
        .await?;
        wait_until(
            c,
            "a chip for the option file",
            "return document.querySelectorAll('#chips-0 .chip').length > 0;",
            5,
        )
        .await?;
        // The box keeps the file's name (in its name field; the label numbers the box).
        let label = js(c, "return document.getElementById('input-name-0').value;", vec![]).await?;
        check(label.as_str().is_some_and(|l| l.contains("my.cnf")), || format!("input name: {label}"))?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await.map(|_| ())
    });
    test!("choose a .gz error log: decompressed locally, its MY-013462 finding shown", async {
        use std::io::Write as _;
        // Named like a rotated log; the page goes by the magic bytes.
        let file = shots.join("mysqld.log-20240312.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(ERROR_LOG_3707.as_bytes()).map_err(|e| e.to_string())?;
        std::fs::write(&file, gz.finish().map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
        goto(c, url).await?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await?;
        let chooser = c
            .find(fantoccini::Locator::Css("input[type=file]"))
            .await
            .map_err(|e| format!("no file input: {e}"))?;
        chooser
            .send_keys(&file.display().to_string())
            .await
            .map_err(|e| format!("choosing the file: {e}"))?;
        wait_until(
            c,
            "the decompressed log in an input",
            "return [...document.querySelectorAll('textarea')].some(t => t.value.includes('[MY-013462]'));",
            10,
        )
        .await?;
        wait_until(
            c,
            "the clone-restart-failed finding",
            "return !!document.querySelector('.finding[data-rule=\"clone-restart-failed\"]');",
            10,
        )
        .await?;
        let v = verdict(c, "verdict-clone").await?;
        check(v == "fails", || format!("clone verdict: {v}"))?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await.map(|_| ())
    });
    test!("choose a cut-short .gz: what came before is analysed, with the gzip note", async {
        use std::io::Write as _;
        let file = shots.join("cut-short.log.gz");
        let mut text = ERROR_LOG_3707.to_owned();
        for i in 0..20_000 {
            text.push_str(&format!(
                "2024-05-02T10:00:{:02}.000000Z 0 [Warning] [MY-010055] [Server] IP address '10.0.3.{}' could not be resolved: Name or service not known\n",
                i % 60,
                i % 250
            ));
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        let gz = gz.finish().map_err(|e| e.to_string())?;
        std::fs::write(&file, &gz[..gz.len() / 2]).map_err(|e| e.to_string())?;
        goto(c, url).await?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await?;
        let chooser = c
            .find(fantoccini::Locator::Css("input[type=file]"))
            .await
            .map_err(|e| format!("no file input: {e}"))?;
        chooser
            .send_keys(&file.display().to_string())
            .await
            .map_err(|e| format!("choosing the file: {e}"))?;
        wait_until(
            c,
            "the gzip note",
            "const n = document.getElementById('scan-notice'); return !!n && n.textContent.includes('gzip');",
            10,
        )
        .await?;
        wait_until(
            c,
            "the clone-restart-failed finding from the part before the cut",
            "return !!document.querySelector('.finding[data-rule=\"clone-restart-failed\"]');",
            10,
        )
        .await?;
        js(c, "document.getElementById('clear').click(); return true;", vec![]).await.map(|_| ())
    });
    test!("a panic shows the error panel, keeps the input; the next edit re-runs analysis", async {
        goto(c, url).await?;
        paste(c, 0, "[mysqld]\nserver_id=7\n").await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        goto(c, &with_query(url, "panic-test=1")).await?;
        wait_until(c, "the error panel", "return !!document.getElementById('panic-panel');", 5).await?;
        let r = js(
            c,
            "return [document.getElementById('input-0').value, document.querySelector('#panic-panel pre').textContent];",
            vec![],
        )
        .await?;
        check(r[0].as_str() == Some("[mysqld]\nserver_id=7\n"), || format!("input after a panic: {}", r[0]))?;
        check(r[1].as_str().is_some_and(|s| s.contains("panic-test")), || "no panic details".into())?;
        // The next edit re-runs the analysis (through a reload that keeps the input).
        paste(c, 0, CLONE_3707).await?;
        wait_until(
            c,
            "the analysis after the edit",
            "return !document.getElementById('panic-panel') && !!document.getElementById('verdict-clone') \
             && document.getElementById('verdict-clone').dataset.verdict === 'fails';",
            20,
        )
        .await?;
        js(c, "sessionStorage.clear(); return true;", vec![]).await.map(|_| ())
    });
    // Issue 14: the replica verdict from MariaDB's own recipe, each version's spelling, settings
    // from a ConfigMap, and durability named for a server that may not replicate — both languages.
    test!("replica: MariaDB gets its own recipe, never MySQL's items (en, zh-CN)", async {
        let text = include_str!("../../tests/fixtures/replica/mariadb-10.6.19-2conn-file-position.txt");
        // MariaDB's word for a channel is "connection" (复制连接): the page never says "channel".
        let never = [
            "GTID_ONLY",
            "relay_log_info_repository",
            "SOURCE_AUTO_POSITION",
            "SET PERSIST",
            "gtid_mode",
            "channel",
            "通道",
        ];
        replica_case(
            c,
            url,
            "en",
            text,
            "no",
            &[
                "MariaDB's crash-safe recipe",
                "CHANGE MASTER 'db-west' TO MASTER_USE_GTID = slave_pos;",
                "STOP SLAVE 'db-west';",
                "connection 'db-west'",
                "2 connections",
            ],
            &never,
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-replica-mariadb.png")).await?;
        replica_case(
            c,
            url,
            "zh-CN",
            text,
            "no",
            &["MariaDB 崩溃安全方案", "MASTER_USE_GTID = slave_pos", "复制连接 'db-west'"],
            &never,
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-replica-mariadb-zh-CN.png")).await?;
        c.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
        let narrow = js(c, "document.getElementById('findings').scrollIntoView(); return [document.documentElement.scrollWidth, window.innerWidth];", vec![]).await;
        screenshot(c, shots, &format!("{suite}-replica-mariadb-zh-CN-360px.png")).await?;
        c.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
        let w = narrow?;
        check(w[0].as_u64() <= w[1].as_u64(), || format!("MariaDB findings too wide at 360 px: {w}"))?;
        let safe = include_str!("../../tests/fixtures/replica/mariadb-10.6.19-safe.txt");
        replica_case(c, url, "en", safe, "yes", &["Crash-safe on MariaDB 10.6.19"], &never).await
    });
    test!("replica: each version boundary gets its own statement names (en, zh-CN)", async {
        let t22 = include_str!("../../tests/fixtures/replica/unsafe-8.0.22-2ch.txt");
        replica_case(
            c,
            url,
            "en",
            t22,
            "no",
            &["CHANGE MASTER TO MASTER_AUTO_POSITION = 1 FOR CHANNEL 'west';", "slave_preserve_commit_order"],
            &["CHANGE REPLICATION SOURCE", "GTID_ONLY", "replica_preserve_commit_order"],
        )
        .await?;
        let t56 = include_str!("../../tests/fixtures/replica/unsafe-5.6.51-slave-status.txt");
        replica_case(
            c,
            url,
            "zh-CN",
            t56,
            "no",
            &["START SLAVE UNTIL SQL_AFTER_MTS_GAPS;"],
            &[
                "OFF_PERMISSIVE",
                "slave_preserve_commit_order",
                "SET PERSIST",
                "STOP REPLICA",
                "START REPLICA",
            ],
        )
        .await
    });
    test!("replica: a 5.7 StatefulSet's args and ConfigMap my.cnf give no, items cited (en, zh-CN)", async {
        let sts = include_str!("../../tests/fixtures/replica/sources/statefulset-5.7.44-args-configmap.txt");
        replica_case(
            c,
            url,
            "en",
            sts,
            "no",
            &["ConfigMap mysql-conf, key replica.cnf", "relay_log_info_repository = FILE"],
            &["SET PERSIST"],
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-replica-statefulset.png")).await?;
        replica_case(
            c,
            url,
            "zh-CN",
            sts,
            "no",
            &["ConfigMap mysql-conf, key replica.cnf", "不是崩溃安全的"],
            &[],
        )
        .await
    });
    test!("replica: durability without a replica status is named for the server (en, zh-CN)", async {
        let vars = include_str!("../../tests/fixtures/comparison/source-8.0.36.tsv");
        replica_case(
            c,
            url,
            "en",
            vars,
            "unknown",
            &["Binary log not synced", "more disk I/O on this server"],
            &["Replica's binary log not synced"],
        )
        .await?;
        replica_case(
            c,
            url,
            "zh-CN",
            vars,
            "unknown",
            &["二进制日志未同步落盘", "这台服务器的磁盘 I/O"],
            &["从库 binlog 未同步落盘"],
        )
        .await
    });
    out
}

/// Opens the page in `lang`, pastes `text`, waits for the replica verdict `want`, and checks that
/// the page's text holds every string of `must` and none of `never`.
async fn replica_case(
    c: &Client,
    url: &str,
    lang: &str,
    text: &str,
    want: &str,
    must: &[&str],
    never: &[&str],
) -> Result<(), String> {
    goto(c, &with_query(url, &format!("lang={lang}"))).await?;
    // The tab keeps the last input across a reload: empty it first, so the verdict waited for
    // below is the one of `text`, not of the previous case.
    paste(c, 0, "").await?;
    wait_until(
        c,
        "the empty input's replica verdict",
        "return document.getElementById('verdict-replica').dataset.verdict === 'unknown';",
        15,
    )
    .await?;
    paste(c, 0, text).await?;
    // What the report says about the replica: its verdict card, the recognised documents, and
    // each finding's title, message, evidence and fixes (not the rules' docs, which quote other
    // versions on purpose).
    let said_js = "const parts = ['#verdict-replica', '.chips', '#findings .finding-title', '#findings .channel', '#findings .message', \
                        '#findings .evidence', '#findings .fix-title', '#findings .fix-reason', '#findings .fix-text']; \
         const said = parts.map((s) => Array.from(document.querySelectorAll(s)).map((e) => e.textContent).join('\\n')).join('\\n');";
    let must_json = serde_json::to_string(must).map_err(|e| e.to_string())?;
    let script = format!(
        "{said_js} return document.getElementById('verdict-replica').dataset.verdict === '{want}' \
         && {must_json}.every((m) => said.includes(m));"
    );
    // Waits for the verdict and every expected string (the report of `text`, not a stale one);
    // on a timeout, the check below names what is missing.
    let _ = wait_until(c, &format!("the replica verdict {want} ({lang})"), &script, 15).await;
    let v = verdict(c, "verdict-replica").await?;
    check(v == want, || format!("{lang}: replica verdict {v}, expected {want}"))?;
    let said = js(c, &format!("{said_js} return said;"), vec![]).await?;
    let page = said.as_str().unwrap_or_default();
    for m in must {
        check(page.contains(m), || {
            let snippet: String = page.chars().take(3000).collect();
            format!("{lang}: the page does not show {m:?}; it shows: {snippet}")
        })?;
    }
    let said = said.as_str().unwrap_or_default();
    for n in never {
        check(!said.contains(n), || {
            let i = said.find(n).unwrap_or(0);
            let ctx: String =
                said[said.floor_char_boundary(i.saturating_sub(200))..].chars().take(300).collect();
            format!("{lang}: the replica verdict or a finding shows {n:?}: …{ctx}…")
        })?;
    }
    Ok(())
}

const REPLICA_TWO_WARNINGS: &str =
    include_str!("../../tests/fixtures/verdicts/replica-two-warnings-8.0.36.txt");
const WORKS_BUT_TIMEOUT: &str = include_str!("../../tests/fixtures/verdicts/works-but-start-timeout.txt");
const ENVFILE_MAY_SET_PID: &str = include_str!("../../tests/fixtures/verdicts/envfile-may-set-pid.txt");

/// Issue 15, point 1: the three cases whose cards contradicted their findings, in both languages.
async fn verdict_caveats(c: &Client, url: &str, shots: &Path, suite: &str) -> Result<(), String> {
    let env_line =
        ENVFILE_MAY_SET_PID.lines().position(|l| l.starts_with("EnvironmentFile=")).map_or(0, |i| i + 1);
    for (lang, works_but, safe_but) in
        [("en", "Works, but:", "Crash-safe, but:"), ("zh-CN", "能成功，但是：", "是崩溃安全的，但是：")]
    {
        goto(c, &with_query(url, &format!("lang={lang}"))).await?;
        js(c, "sessionStorage.clear(); localStorage.clear(); return true;", vec![]).await?;
        goto(c, &with_query(url, &format!("lang={lang}"))).await?;
        // A replica with only warnings: not a red "No", a "yes" with both warnings as caveats.
        paste(c, 0, REPLICA_TWO_WARNINGS).await?;
        wait_until(
            c,
            "the replica verdict yes",
            "return document.getElementById('verdict-replica').dataset.verdict === 'yes';",
            10,
        )
        .await?;
        let r = js(
            c,
            "const v = document.getElementById('verdict-replica'); const b = v.querySelector('.verdict-caveats.but'); \
             return [v.classList.contains('good'), b ? b.querySelector('.verdict-caveats-title').textContent : null, \
                     b ? b.querySelectorAll('li').length : 0, b ? b.textContent : ''];",
            vec![],
        )
        .await?;
        check(
            r[0] == true
                && r[1] == safe_but
                && r[2] == 2
                && r[3].as_str().is_some_and(|t| {
                    t.contains("sync_relay_log") && t.contains("innodb_flush_log_at_trx_commit")
                }),
            || format!("{lang}: the replica card with two warnings: {r}"),
        )?;
        screenshot(c, shots, &format!("{suite}-verdict-replica-but-{lang}.png")).await?;
        // A unit whose start after a clone can be killed by TimeoutStartSec: "works, but …".
        paste(c, 0, WORKS_BUT_TIMEOUT).await?;
        wait_until(
            c,
            "the clone verdict works",
            "return document.getElementById('verdict-clone').dataset.verdict === 'works';",
            10,
        )
        .await?;
        let r = js(
            c,
            "const v = document.getElementById('verdict-clone'); const b = v.querySelector('.verdict-caveats.but'); \
             return [b ? b.querySelector('.verdict-caveats-title').textContent : null, b ? b.textContent : ''];",
            vec![],
        )
        .await?;
        check(r[0] == works_but && r[1].as_str().is_some_and(|t| t.contains("TimeoutStartSec")), || {
            format!("{lang}: the works card with a timeout warning: {r}")
        })?;
        // An EnvironmentFile= not shown: "fails", but tentative, with the file's line cited.
        paste(c, 0, ENVFILE_MAY_SET_PID).await?;
        wait_until(
            c,
            "the clone verdict fails",
            "return document.getElementById('verdict-clone').dataset.verdict === 'fails';",
            10,
        )
        .await?;
        let r = js(
            c,
            "const v = document.getElementById('verdict-clone'); const u = v.querySelector('.verdict-caveats.unless'); \
             const lines = [...v.querySelectorAll('.verdict-evidence button')].map(b => b.textContent); \
             return [v.classList.contains('tentative'), u ? u.textContent : '', lines];",
            vec![],
        )
        .await?;
        let cited = r[2].as_array().is_some_and(|a| {
            a.iter().any(|t| {
                t.as_str().is_some_and(|t| {
                    t.split(|ch: char| !ch.is_ascii_digit()).any(|n| n == env_line.to_string())
                })
            })
        });
        check(
            r[0] == true && r[1].as_str().is_some_and(|t| t.contains("EnvironmentFile=")) && cited,
            || format!("{lang}: the EnvironmentFile= card (line {env_line}): {r}"),
        )?;
        screenshot(c, shots, &format!("{suite}-verdict-unless-{lang}.png")).await?;
        // At 360 px, the card with its caveat.
        c.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
        js(c, "document.getElementById('verdict-clone').scrollIntoView(); return true;", vec![]).await?;
        screenshot(c, shots, &format!("{suite}-verdict-unless-{lang}-360px.png")).await?;
        c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())?;
    }
    Ok(())
}

const DOCKERHUB_RUN: &str =
    include_str!("../../tests/fixtures/rules/restart-unsupervised/fires-dockerhub-run.txt");

/// Issue 15, point 3: the fixes shown for a `docker run` of the Docker Hub image are the core's
/// (the JS API's report) word for word; none has a literal `…`; the entrypoint script starts with
/// `#!`; the command is the user's own, rebuilt.
async fn fixes_as_core(c: &Client, url: &str) -> Result<(), String> {
    for lang in ["en", "zh-CN"] {
        goto(c, &with_query(url, &format!("lang={lang}"))).await?;
        js(c, "sessionStorage.clear(); localStorage.clear(); return true;", vec![]).await?;
        goto(c, &with_query(url, &format!("lang={lang}"))).await?;
        paste(c, 0, DOCKERHUB_RUN).await?;
        wait_clone_fails(c, "the docker run verdict").await?;
        wait_until(
            c,
            "the restart-unsupervised finding",
            "return !!document.querySelector('.finding[data-rule=\"restart-unsupervised\"] .fix-text');",
            10,
        )
        .await?;
        let r = js(
            c,
            "const api = window.mysqlAdvisor || window.wasmBindings; \
             const rep = api.analyze([{ name: 'input 1', text: arguments[0] }], { lang: arguments[1] }); \
             const core = rep.findings.filter(f => f.rule === 'restart-unsupervised').flatMap(f => f.fixes.map(x => x.text)); \
             const page = [...document.querySelectorAll('.finding[data-rule=\"restart-unsupervised\"] .fix-text')].map(e => e.textContent); \
             return [core, page];",
            vec![json!(DOCKERHUB_RUN), json!(lang)],
        )
        .await?;
        let texts = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
                .unwrap_or_default()
        };
        let (core, page) = (texts(&r[0]), texts(&r[1]));
        check(!page.is_empty() && page.iter().all(|p| core.contains(p)), || {
            format!("{lang}: the page's fixes are not the core's:\npage: {page:#?}\ncore: {core:#?}")
        })?;
        check(page.iter().all(|p| !p.contains('…')), || {
            format!("{lang}: a fix with a literal …: {page:#?}")
        })?;
        check(page.iter().any(|p| p.starts_with("#!/bin/sh\n")), || {
            format!("{lang}: no script starting with #!: {page:#?}")
        })?;
        check(page.iter().filter(|p| p.contains("#!")).all(|p| p.starts_with("#!")), || {
            format!("{lang}: a line before #!: {page:#?}")
        })?;
        check(
            page.iter().any(|p| {
                p.contains("docker run -d --name db2 --restart=unless-stopped")
                    && p.contains("MYSQLD_PARENT_PID=0")
            }),
            || format!("{lang}: the user's own docker run is not rebuilt: {page:#?}"),
        )?;
    }
    Ok(())
}

/// Whether the elements `arguments[0]` (a CSS selector) matches have a box on screen, and under
/// the print stylesheet: the page's `@media print` rules are applied as a constructed screen
/// stylesheet for the check (headless Chromium has no print emulation over WebDriver; the CSP
/// forbids a `<style>` element, not the CSSOM), then removed. Returns `[[screen, print]…, sane]`,
/// `sane` saying the emulation took effect (a `.no-print` element that shows on screen is hidden).
const SHOWN_ON_SCREEN_AND_IN_PRINT: &str = "\
    const els = [...document.querySelectorAll(arguments[0])]; \
    const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; \
    const probe = [...document.querySelectorAll('.no-print')].find(shown); \
    const screen = els.map(shown); \
    const rules = []; \
    const walk = (list, print) => { for (const r of list) { \
        if (r.media && r.cssRules) walk(r.cssRules, print || [...r.media].some(m => m.includes('print'))); \
        else if (print && r.cssText) rules.push(r.cssText); } }; \
    for (const s of document.styleSheets) { try { walk(s.cssRules, false); } catch (e) {} } \
    const sheet = new CSSStyleSheet(); sheet.replaceSync(rules.join('\\n')); \
    const before = [...document.adoptedStyleSheets]; document.adoptedStyleSheets = [...before, sheet]; \
    const print = els.map(shown); const sane = !!probe && rules.length > 0 && !shown(probe); \
    document.adoptedStyleSheets = before; \
    return els.map((e, i) => [screen[i], print[i]]).concat([sane]);";

/// Issue 15, point 4: the commands and queries in messages and in "To decide, paste" are code
/// blocks with a Copy button; a Copy says what happened on the button and in the one polite live
/// region, also when the clipboard is refused or missing (the code is then selected).
async fn copy_buttons(c: &Client, url: &str, lang: &str, shots: &Path, suite: &str) -> Result<(), String> {
    goto(c, &with_query(url, &format!("example=clone-3707&lang={lang}"))).await?;
    wait_clone_fails(c, "the example's verdict").await?;
    let blocks = js(
        c,
        "const t = sel => [...document.querySelectorAll(sel)].map(e => e.textContent); \
         return [t('#verdict-replica .verdict-missing .code-block pre'), \
                 t('[data-rule=\"clone-restart-failed\"] .message .code-block pre'), \
                 document.querySelectorAll('#announcer[aria-live=polite]').length];",
        vec![],
    )
    .await?;
    let missing: Vec<&str> = blocks[0].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let message: Vec<&str> = blocks[1].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    check(missing.iter().any(|b| b.starts_with("SHOW GLOBAL VARIABLES WHERE Variable_name IN (")), || {
        format!("the settings query is not a code block: {missing:?}")
    })?;
    check(
        missing.iter().any(|b| b.contains("JOIN performance_schema.replication_applier_configuration")),
        || format!("the channel query is not a code block: {missing:?}"),
    )?;
    check(message.contains(&"sudo systemctl start mysqld.service"), || {
        format!("the start command: {message:?}")
    })?;
    check(message.contains(&"SELECT STATE, ERROR_NO FROM performance_schema.clone_status;"), || {
        format!("the clone_status query: {message:?}")
    })?;
    check(blocks[2] == 1, || format!("live regions for the announcement: {}", blocks[2]))?;
    let (copied, failed) = if lang == "en" {
        ("Copied", "did not allow copying")
    } else {
        ("已复制", "浏览器不允许复制")
    };
    let labels = js(
        c,
        "return [...document.querySelectorAll('.code-block button.copy')].map(b => [b.tabIndex, b.getAttribute('aria-label') || '']);",
        vec![],
    )
    .await?;
    let labels = labels.as_array().cloned().unwrap_or_default();
    check(labels.len() >= 5, || format!("Copy buttons: {labels:?}"))?;
    for l in &labels {
        let name = l[1].as_str().unwrap_or_default();
        let ok = l[0].as_i64() == Some(0)
            && if lang == "en" { name.starts_with("Copy ") } else { name.starts_with("复制") };
        check(ok, || format!("a Copy button is not reachable or not labelled in {lang}: {l}"))?;
    }
    let sql = "[data-rule=\"clone-restart-failed\"] .message .code-block[data-lang=\"sql\"] button.copy";
    let sh = "[data-rule=\"clone-restart-failed\"] .message .code-block[data-lang=\"sh\"] button.copy";
    let click = |sel: &'static str| async move {
        let b = c.find(fantoccini::Locator::Css(sel)).await.map_err(|e| format!("{sel}: {e}"))?;
        b.click().await.map_err(|e| format!("click {sel}: {e}"))
    };
    let announced = |text: &str| {
        format!("return document.getElementById('announcer').textContent.includes({});", json!(text))
    };
    // 1. The clipboard takes it.
    js(
        c,
        "document.getElementById('announcer').textContent = ''; window.__copied = null; \
         Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
           { writeText: t => { window.__copied = t; return Promise.resolve(); } } }); return true;",
        vec![],
    )
    .await?;
    click(sql).await?;
    wait_until(c, "the Copied announcement", &announced(copied), 5).await?;
    let r = js(
        c,
        "return [window.__copied, document.querySelector(arguments[0]).textContent];",
        vec![json!(sql)],
    )
    .await?;
    check(r == json!(["SELECT STATE, ERROR_NO FROM performance_schema.clone_status;", copied]), || {
        format!("copied and the button's text: {r}")
    })?;
    c.set_window_size(1280, 900).await.map_err(|e| e.to_string())?;
    js(c, "document.querySelector('[data-rule=\"clone-restart-failed\"] .message').scrollIntoView(); return true;", vec![]).await?;
    screenshot(c, shots, &format!("{suite}-code-blocks-{lang}-1280.png")).await?;
    // 2. Refused (a denied permission), and the old way refused too: the failure is said and
    // the command is selected for Ctrl+C.
    js(
        c,
        "document.getElementById('announcer').textContent = ''; \
         Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
           { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } }); \
         document.execCommand = () => false; return true;",
        vec![],
    )
    .await?;
    click(sh).await?;
    wait_until(c, "the refused-copy announcement", &announced(failed), 5).await?;
    let sel = js(c, "return String(window.getSelection());", vec![]).await?;
    check(sel.as_str().is_some_and(|s| s.contains("sudo systemctl start mysqld.service")), || {
        format!("after a refused copy the selection is {sel}")
    })?;
    // 3. No clipboard at all (an insecure context, some browsers from file://).
    js(
        c,
        "document.getElementById('announcer').textContent = ''; \
         Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined }); return true;",
        vec![],
    )
    .await?;
    let first_missing = "#verdict-replica .verdict-missing .code-block button.copy";
    click(first_missing).await?;
    wait_until(c, "the no-clipboard announcement", &announced(failed), 5).await?;
    let note = js(c, "return document.querySelector('#verdict-replica .copy-note') ? 1 : 0;", vec![]).await?;
    check(note == 1, || "the failure is not shown beside the button".into())?;
    c.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
    js(c, "document.querySelector('[data-rule=\"clone-restart-failed\"] .message').scrollIntoView(); return true;", vec![]).await?;
    screenshot(c, shots, &format!("{suite}-code-blocks-{lang}-360.png")).await?;
    js(
        c,
        "document.querySelector('#verdict-replica .verdict-missing').scrollIntoView(); return true;",
        vec![],
    )
    .await?;
    screenshot(c, shots, &format!("{suite}-missing-{lang}-360.png")).await?;
    c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())?;
    Ok(())
}

/// Issue 15, point 5: "start the server" then "check that the clone completed" are an ordered
/// list, both visible, on screen and in print; no tabs hide one behind the other.
async fn clone_steps(c: &Client, url: &str, lang: &str, shots: &Path, suite: &str) -> Result<(), String> {
    goto(c, &with_query(url, &format!("example=clone-3707&lang={lang}"))).await?;
    wait_clone_fails(c, "the example's verdict").await?;
    let f = "[data-rule=\"clone-restart-failed\"]";
    let r = js(
        c,
        "const f = document.querySelector(arguments[0]); f.open = true; \
         const li = [...f.querySelectorAll('ol.fix-steps > li')]; \
         return [li.map(l => l.querySelector('.fix-text').textContent), f.querySelectorAll('[role=tablist]').length, \
                 f.querySelector('.fix-group-label') ? f.querySelector('.fix-group-label').textContent : ''];",
        vec![json!(f)],
    )
    .await?;
    let steps: Vec<&str> = r[0].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    check(steps.len() == 2, || format!("steps: {steps:?}"))?;
    check(
        steps[0].contains("systemctl start mysqld.service")
            && steps[1].contains("performance_schema.clone_status"),
        || format!("the steps' order: {steps:?}"),
    )?;
    check(r[1] == 0, || format!("the steps are still tabs: {}", r[1]))?;
    let label = if lang == "en" { "Steps, in this order" } else { "按顺序执行的步骤" };
    check(r[2] == label, || format!("the steps' label: {}", r[2]))?;
    let shown =
        js(c, SHOWN_ON_SCREEN_AND_IN_PRINT, vec![json!(format!("{f} ol.fix-steps > li .fix-text"))]).await?;
    check(shown == json!([[true, true], [true, true], true]), || {
        format!("[on screen, in print] per step, and whether print was emulated: {shown}")
    })?;
    for width in [1280, 360] {
        c.set_window_size(width, 900).await.map_err(|e| e.to_string())?;
        js(
            c,
            "document.querySelector(arguments[0]).scrollIntoView();",
            vec![json!(format!("{f} .fix-group-label"))],
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-clone-steps-{lang}-{width}.png")).await?;
    }
    c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())
}

/// Issue 15, point 5: real alternatives (the option file or SET PERSIST) stay tabs, with a
/// roving tabindex; arrow keys, Home and End move focus and selection together; every panel prints.
async fn alternative_tabs(c: &Client, url: &str, shots: &Path, suite: &str) -> Result<(), String> {
    goto(c, &with_query(url, "example=replica-crash-unsafe&lang=en")).await?;
    let f = "[data-rule=\"replica-relay-log-recovery\"]";
    wait_until(
        c,
        "the relay_log_recovery finding",
        &format!("return !!document.querySelector({});", json!(f)),
        10,
    )
    .await?;
    js(c, "document.querySelector(arguments[0]).open = true; return true;", vec![json!(f)]).await?;
    let state = format!(
        "const tabs = [...document.querySelectorAll({sel})]; \
         return [tabs.indexOf(document.activeElement), tabs.findIndex(t => t.getAttribute('aria-selected') === 'true'), \
                 tabs.filter(t => t.tabIndex === 0).length, tabs.length, \
                 tabs.map(t => document.getElementById(t.getAttribute('aria-controls'))).findIndex(p => p && !p.hidden)];",
        sel = json!(format!("{f} [role=tablist] [role=tab]"))
    );
    let first = c
        .find(fantoccini::Locator::Css(&format!("{f} [role=tab]")))
        .await
        .map_err(|e| format!("no tab in {f}: {e}"))?;
    first.click().await.map_err(|e| e.to_string())?;
    let s = js(c, &state, vec![]).await?;
    let n = s[3].as_i64().unwrap_or(0);
    check(n >= 2 && s == json!([0, 0, 1, n, 0]), || {
        format!("[focused, selected, in tab order, tabs, shown panel]: {s}")
    })?;
    let state = state.as_str();
    let press = |key: fantoccini::key::Key| async move {
        let el = c.active_element().await.map_err(|e| e.to_string())?;
        el.send_keys(&key.to_string()).await.map_err(|e| e.to_string())?;
        tokio::time::sleep(Duration::from_millis(150)).await;
        js(c, state, vec![]).await
    };
    use fantoccini::key::Key;
    for (key, want) in
        [(Key::Right, 1), (Key::Left, 0), (Key::Left, n - 1), (Key::Home, 0), (Key::End, n - 1)]
    {
        let s = press(key).await?;
        check(s == json!([want, want, 1, n, want]), || {
            format!("after {key:?}: [focused, selected, in tab order, tabs, shown panel] = {s}, want {want}")
        })?;
    }
    let shown =
        js(c, SHOWN_ON_SCREEN_AND_IN_PRINT, vec![json!(format!("{f} [role=tabpanel] .fix-text"))]).await?;
    let all = shown.as_array().cloned().unwrap_or_default();
    let (sane, panels) = all.split_last().ok_or("no panels")?;
    let on_screen = panels.iter().filter(|v| v[0] == true).count();
    check(*sane == true && panels.len() as i64 >= n && on_screen >= 1 && on_screen < panels.len(), || {
        format!("[on screen, in print] per panel's fix, and whether print was emulated: {shown}")
    })?;
    check(panels.iter().all(|v| v[1] == true), || format!("a panel is missing from print: {shown}"))?;
    c.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    js(
        c,
        "document.querySelector(arguments[0]).scrollIntoView();",
        vec![json!(format!("{f} [role=tablist]"))],
    )
    .await?;
    screenshot(c, shots, &format!("{suite}-alternative-tabs-360.png")).await?;
    c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())
}

/// The longest the page's main thread may stall while a dropped log is scanned (issue 17): from
/// the drop until 100 ms after the timeline shows. The gaps after that — the app's (debounced)
/// analysis of the excerpt and the report's render, which a paste pays too — are reported apart.
const MAX_GAP_MS: f64 = 50.0;
/// Drops of the same log until one stays under [`MAX_GAP_MS`]: a loaded machine (2 cores shared
/// with builds) may deschedule the main thread now and then, while a page that scans on its main
/// thread stalls longer in every drop (56–82 ms before the worker).
const GAP_ATTEMPTS: usize = 3;

/// How the synthetic error log of [`start_big_log_drop`] is made and dropped.
#[derive(Clone, Copy)]
struct BigLog {
    /// MiB of noise (the clone's end goes in the middle).
    mib: usize,
    /// Gzipped in the page (`CompressionStream`) and named `.gz`.
    gzip: bool,
    /// Click Cancel as soon as the scan shows it is running.
    cancel: bool,
    /// `Worker` throws, as under a CSP that forbids blob: workers: the page must scan itself.
    no_worker: bool,
}

const BIG_LOG: BigLog = BigLog { mib: BIG_LOG_MIB, gzip: false, cancel: false, no_worker: false };

/// Builds a synthetic error log in the page (a `File` from repeated parts: noise, with the clone's
/// end in the middle), then times a bare read of it (`Blob.stream()`, every chunk, nothing else)
/// and drops it on the inputs, as a drag and drop would. Returns the log's size (decompressed),
/// the MY-013462 line's number and the bare read's milliseconds (of the file as dropped).
async fn start_big_log_drop(c: &Client, url: &str, log: BigLog) -> Result<(u64, u64, f64), String> {
    goto(c, url).await?;
    js(c, "document.getElementById('clear').click(); sessionStorage.clear(); return true;", vec![]).await?;
    let setup = r#"
      const [mib, clone, log] = arguments;
      return (async () => {
        const noise = [
          "[Warning] [MY-010055] [Server] IP address '10.0.3.17' could not be resolved: Name or service not known",
          "[Note] [MY-010914] [Server] Aborted connection 48213 to db: 'app' user: 'app' host: '10.0.3.17' (Got an error reading communication packets).",
          "[Note] [MY-011953] [InnoDB] Page cleaner took 4312ms to flush 2000 and evict 0 pages",
        ];
        let part = '', lines = 0;
        while (part.length < (1 << 20)) {
          part += '2024-05-01T09:' + String(lines % 60).padStart(2, '0') + ':00.000000Z 12 ' + noise[lines % 3] + '\n';
          lines++;
        }
        const parts = [], half = Math.floor(mib / 2);
        let cloneLine = 0, total = 0;
        for (let i = 0; i < mib; i++) {
          if (i === half) {
            const cl = clone.split('\n');
            const at = cl.findIndex(l => l.includes('[MY-013462]'));
            cloneLine = i * lines + at + 1;
            parts.push(clone.endsWith('\n') ? clone : clone + '\n');
            total += parts[parts.length - 1].length;
          }
          parts.push(part);
          total += part.length;
        }
        let file = new File(parts, 'big-error.log', { type: 'text/plain' });
        const size = file.size;
        if (log.gzip) {
          const gz = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
          file = new File([gz], 'big-error.log.gz');
        }
        const RealWorker = window.Worker;
        if (log.no_worker) {
          window.Worker = function () { throw new DOMException("Refused by the CSP's worker-src", 'SecurityError'); };
        }
        const w = window.__bigLog = { file, RealWorker, cloneLine, size, maxGap: 0, states: [], progress: [] };
        let last = performance.now();
        // The longest gap until 100 ms after the timeline is shown (the scan), and the longest
        // after that (the excerpt's analysis and the report's render, debounced by the app).
        w.timer = setInterval(() => {
          const n = performance.now();
          if (w.doneAt && n - w.doneAt > 100) {
            w.maxGapAfter = Math.max(w.maxGapAfter || 0, n - last);
          } else if (n - last > w.maxGap) {
            w.maxGap = n - last;
            const s = document.getElementById('log-scan');
            w.maxGapWhen = s ? s.dataset.state : 'before the scan';
          }
          last = n;
        }, 5);
        const seen = () => {
          const s = document.getElementById('log-scan');
          if (!s) return;
          const st = s.dataset.state;
          if (w.states[w.states.length - 1] !== st) w.states.push(st);
          if (st === 'done' && !w.doneAt) w.doneAt = performance.now();
          const p = document.getElementById('scan-progress');
          if (p) w.progress.push(Number(p.value));
          const b = document.getElementById('scan-cancel');
          if (log.cancel && b && !w.cancelClicked) { w.cancelClicked = true; b.click(); }
        };
        w.observer = new MutationObserver(seen);
        w.observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        return [size, cloneLine];
      })();
    "#;
    let spec = json!({ "gzip": log.gzip, "cancel": log.cancel, "no_worker": log.no_worker });
    let r = js(c, setup, vec![json!(log.mib), json!(CLONE_LOG), spec]).await?;
    let size = r[0].as_u64().ok_or_else(|| format!("setup returned {r}"))?;
    let clone_line = r[1].as_u64().ok_or_else(|| format!("setup returned {r}"))?;
    let bare = bare_read(c).await?;
    // The longest gap counts from the drop on.
    js(
        c,
        "const w = window.__bigLog; w.maxGap = 0; w.maxGapAfter = 0; w.doneAt = 0; w.maxGapWhen = 'before the scan'; \
         const dt = new DataTransfer(); dt.items.add(w.file); \
         document.querySelector('section.inputs').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); \
         return true;",
        vec![],
    )
    .await?;
    Ok((size, clone_line, bare))
}

/// A bare read of the big log's file: `Blob.stream()`, every chunk, nothing else — the browser's
/// own reading speed, to compare the scan with. In a worker of its own, like the scan (its
/// garbage, 200 MiB of chunks, then stays out of the page's heap and cannot stall the page
/// during the scan that follows). Milliseconds.
async fn bare_read(c: &Client) -> Result<f64, String> {
    let ms = js(
        c,
        "return new Promise((resolve, reject) => { \
           const src = 'self.onmessage = async (e) => { const f = e.data; const r = f.stream().getReader(); \
             const t0 = performance.now(); let n = 0; \
             for (;;) { const { done, value } = await r.read(); if (done) break; n += value.length; } \
             self.postMessage([performance.now() - t0, n]); };'; \
           const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' })); \
           const w = new window.__bigLog.RealWorker(url); \
           w.onerror = (e) => reject(new Error('bare read worker: ' + e.message)); \
           w.onmessage = (e) => { w.terminate(); URL.revokeObjectURL(url); \
             const [ms, n] = e.data; \
             if (n !== window.__bigLog.file.size) reject(new Error('bare read: ' + n + ' bytes')); else resolve(ms); }; \
           w.postMessage(window.__bigLog.file); });",
        vec![],
    )
    .await?;
    ms.as_f64().ok_or_else(|| format!("bare read returned {ms}"))
}

/// Waits (120 s at most) for the dropped log's scan panel to say `done`.
async fn wait_scan_done(c: &Client, what: &str) -> Result<(), String> {
    wait_until(
        c,
        what,
        "const s = document.getElementById('log-scan'); return !!s && s.dataset.state === 'done';",
        120,
    )
    .await
}

/// Cancel stops a running scan: the panel says so, not every byte was read, the page goes on.
async fn big_log_cancel(c: &Client, url: &str) -> Result<(), String> {
    let (size, _, _) = start_big_log_drop(c, url, BigLog { cancel: true, ..BIG_LOG }).await?;
    wait_scan_done(c, "the cancelled scan to end").await?;
    let m = js(
        c,
        "const w = window.__bigLog; clearInterval(w.timer); w.observer.disconnect(); \
         const s = document.getElementById('log-scan'); \
         return { clicked: !!w.cancelClicked, cancelled: s.dataset.cancelled, bytes: Number(s.dataset.bytes), where: s.dataset.scannedIn };",
        vec![],
    )
    .await?;
    check(m["clicked"].as_bool() == Some(true), || "Cancel was never shown while running".into())?;
    check(m["where"].as_str() == Some("worker"), || format!("the scan ran on the {}", m["where"]))?;
    check(m["cancelled"].as_str() == Some("true"), || format!("the scan does not say cancelled: {m}"))?;
    check(m["bytes"].as_u64().is_some_and(|b| b < size), || format!("read {} of {size} bytes", m["bytes"]))?;
    paste(c, 0, CLONE_3707).await?;
    wait_clone_fails(c, "the page to go on analysing").await?;
    js(c, "document.getElementById('clear').click(); sessionStorage.clear(); return true;", vec![])
        .await
        .map(|_| ())
}

/// Drops a synthetic error log (see [`start_big_log_drop`]) and checks: the scan reads every
/// byte, the timeline holds the MY-013462 line at its real line number, the clone verdict becomes
/// `fails` with the file's line, and where the scan ran (the worker, or the page when `Worker`
/// was made to fail). Returns what it measured (`m`), the log's size, the bare read's ms and the
/// wall time from the drop to done.
async fn big_log_drop(c: &Client, url: &str, log: BigLog) -> Result<(Value, u64, f64, f64), String> {
    let (size, clone_line, bare) = start_big_log_drop(c, url, log).await?;
    let started = Instant::now();
    wait_scan_done(c, "the scan to finish").await?;
    let wall = started.elapsed().as_secs_f64();
    // Let the excerpt's analysis land, then stop the timer.
    wait_clone_fails(c, "the clone verdict from the log's excerpt").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let m = js(
        c,
        "return (async () => { const w = window.__bigLog; clearInterval(w.timer); w.observer.disconnect(); \
         const s = document.getElementById('log-scan'); \
         const row = document.querySelector('#scan-timeline tr[data-code=\"MY-013462\"]'); \
         return { maxGap: w.maxGap, maxGapWhen: w.maxGapWhen, maxGapAfter: w.maxGapAfter, states: w.states, progress: w.progress.filter(p => p > 0).length, \
                  bytes: Number(s.dataset.bytes), millis: Number(s.dataset.millis), feed: Number(s.dataset.feedMillis), cancelled: s.dataset.cancelled, \
                  where: s.dataset.scannedIn, fileSize: w.file.size, \
                  line: row ? Number(row.dataset.line) : null, \
                  based: [...document.querySelectorAll('#verdict-clone .verdict-evidence .jump')].map(b => b.textContent), \
                  heap: performance.memory ? performance.memory.usedJSHeapSize : null, \
                  timing: window.mysqlAdvisorTiming || {} }; })();",
        vec![],
    )
    .await?;
    let states: Vec<&str> = m["states"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    check(states.contains(&"running") && states.last() == Some(&"done"), || {
        format!("scan states seen: {states:?}")
    })?;
    check(m["bytes"].as_u64() == Some(size), || format!("scanned {} of {size} bytes", m["bytes"]))?;
    check(m["cancelled"].as_str() == Some("false"), || "the scan says cancelled".into())?;
    check(m["line"].as_u64() == Some(clone_line), || {
        format!("MY-013462 shown at line {} (expected {clone_line})", m["line"])
    })?;
    // The verdict's evidence names the file's line, not the excerpt's.
    let based: Vec<&str> = m["based"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    check(based.iter().any(|b| b.contains(&format!("line {clone_line}"))), || {
        format!("the verdict's evidence does not name line {clone_line}: {based:?}")
    })?;
    let want = if log.no_worker { "page" } else { "worker" };
    check(
        m["where"].as_str() == Some(want)
            && m["timing"]["scanInWorker"].as_f64() == Some(f64::from(!log.no_worker)),
        || {
            format!(
                "the scan ran on the {} (scanInWorker {}), expected the {want}",
                m["where"], m["timing"]["scanInWorker"]
            )
        },
    )?;
    Ok((m, size, bare, wall))
}

/// Reports a big log's scan (see [`big_log_drop`]) beside the bare reads of the same file (the
/// faster counts) to perf.txt; returns the longest main-thread gap.
fn report_scan(shots: &Path, what: &str, m: &Value, size: u64, bare: [f64; 2], wall: f64) -> f64 {
    let millis = m["millis"].as_f64().unwrap_or(f64::NAN);
    let max_gap = m["maxGap"].as_f64().unwrap_or(f64::NAN);
    let mib = size as f64 / f64::from(1 << 20);
    let speed = mib / (millis / 1000.0);
    let best = bare[0].min(bare[1]);
    let bare_speed = mib / (best / 1000.0);
    let feed = m["feed"].as_f64().unwrap_or(f64::NAN);
    report_figure(
        shots,
        &format!(
            "{what}: scan {millis:.0} ms = {speed:.0} MiB/s; bare Blob.stream() read {best:.0} ms = {bare_speed:.0} MiB/s \
             (before {:.0} ms, after {:.0} ms); scan / bare read {:.0} %; longest main-thread gap {max_gap:.0} ms (scan {}), after the scan {:.0} ms (the report); \
             {wall:.1} s wall from the drop to done{}; in the scanner {feed:.0} ms = {:.0} MiB/s, \
             waiting for reads {:.0} ms, copying {:.0} ms, turns for the event loop {:.0} ms, {} chunks; JS heap after {} MB; \
             the excerpt's analysis {:.0} ms",
            bare[0],
            bare[1],
            100.0 * speed / bare_speed,
            m["maxGapWhen"].as_str().unwrap_or("?"),
            m["maxGapAfter"].as_f64().unwrap_or(f64::NAN),
            // On the page (no worker) there is no worker start to report.
            m["timing"]["scanWorkerStartMs"]
                .as_f64()
                .map_or(String::new(), |ms| format!("; worker start {ms:.0} ms")),
            mib / (feed / 1000.0),
            m["timing"]["scanReadMs"].as_f64().unwrap_or(f64::NAN),
            m["timing"]["scanCopyMs"].as_f64().unwrap_or(f64::NAN),
            m["timing"]["scanYieldMs"].as_f64().unwrap_or(f64::NAN),
            m["timing"]["scanChunks"],
            m["heap"].as_f64().map_or("?".to_owned(), |h| format!("{:.0}", h / 1e6)),
            m["timing"]["analyzeMs"].as_f64().unwrap_or(f64::NAN),
        ),
    );
    max_gap
}

/// The 200 MiB drop: besides [`big_log_drop`]'s checks, the progress bar moves, the page's main
/// thread never stalls over 50 ms (a 5 ms interval timer records the longest gap between its
/// ticks), and the scan's speed is reported beside a bare `Blob.stream()` read of the same file
/// in the same run (before and after the scan; the faster counts).
async fn big_log_in_worker(c: &Client, url: &str, shots: &Path, suite: &str) -> Result<(), String> {
    let mut gaps = Vec::new();
    for attempt in 1..=GAP_ATTEMPTS {
        let (m, size, bare_before, wall) = big_log_drop(c, url, BIG_LOG).await?;
        screenshot(c, shots, &format!("{suite}-big-log.png")).await?;
        let bare_after = bare_read(c).await?;
        check(m["progress"].as_u64().unwrap_or(0) >= 2, || {
            format!("the progress bar moved {} times", m["progress"])
        })?;
        let what = format!("{suite}: dropped 200 MiB log, in the worker (drop {attempt})");
        gaps.push(report_scan(shots, &what, &m, size, [bare_before, bare_after], wall));
        js(c, "document.getElementById('clear').click(); sessionStorage.clear(); return true;", vec![])
            .await?;
        if gaps.last().is_some_and(|g| *g <= MAX_GAP_MS) {
            break;
        }
    }
    // Responsiveness: the scan runs in the worker, so the page's main thread only renders the
    // progress and, at the end, the timeline and the excerpt's analysis.
    check(gaps.iter().any(|g| *g <= MAX_GAP_MS), || {
        format!("the main thread stalled for {gaps:.0?} ms in {GAP_ATTEMPTS} drops (goal: {MAX_GAP_MS} ms)")
    })
}

/// A dropped `.gz` log too large to hold once decompressed (24 MiB, gzipped in the page by
/// `CompressionStream`) streams through `DecompressionStream` in the worker: every decompressed
/// byte scanned there, the file's line numbers, the verdict, no stall.
async fn big_gz_log_in_worker(c: &Client, url: &str, shots: &Path, suite: &str) -> Result<(), String> {
    let mut gaps = Vec::new();
    for attempt in 1..=GAP_ATTEMPTS {
        let (m, size, _, wall) = big_log_drop(c, url, BigLog { mib: 24, gzip: true, ..BIG_LOG }).await?;
        let file_size = m["fileSize"].as_u64().unwrap_or(0);
        check(file_size > 0 && file_size < size / 10, || {
            format!("the .gz file is {file_size} bytes for {size}")
        })?;
        let max_gap = m["maxGap"].as_f64().unwrap_or(f64::NAN);
        report_figure(
            shots,
            &format!(
                "{suite}: dropped .gz log ({:.1} MiB, {:.0} MiB decompressed), in the worker (drop {attempt}): scan {:.0} ms, \
                 longest main-thread gap {max_gap:.0} ms (scan {}), after the scan {:.0} ms (the report), {wall:.1} s wall \
                 from the drop to done; the excerpt's analysis {:.0} ms",
                file_size as f64 / f64::from(1 << 20),
                size as f64 / f64::from(1 << 20),
                m["millis"].as_f64().unwrap_or(f64::NAN),
                m["maxGapWhen"].as_str().unwrap_or("?"),
                m["maxGapAfter"].as_f64().unwrap_or(f64::NAN),
                m["timing"]["analyzeMs"].as_f64().unwrap_or(f64::NAN),
            ),
        );
        gaps.push(max_gap);
        js(c, "document.getElementById('clear').click(); sessionStorage.clear(); return true;", vec![])
            .await?;
        if max_gap <= MAX_GAP_MS {
            break;
        }
    }
    check(gaps.iter().any(|g| *g <= MAX_GAP_MS), || {
        format!("the main thread stalled for {gaps:.0?} ms in {GAP_ATTEMPTS} drops (goal: {MAX_GAP_MS} ms)")
    })
}

/// When no worker can be started (here `Worker` throws, as under a CSP without `worker-src
/// blob:`), the page scans the log itself and says so, in English and in Chinese.
async fn big_log_on_page(c: &Client, url: &str, shots: &Path, suite: &str) -> Result<(), String> {
    // The same 200 MiB as in the worker's test: the figures compare the two in one run (this is
    // how every scan ran before the worker).
    let (m, size, bare_before, wall) = big_log_drop(c, url, BigLog { no_worker: true, ..BIG_LOG }).await?;
    let bare_after = bare_read(c).await?;
    report_scan(
        shots,
        &format!("{suite}: dropped 200 MiB log, on the page (no worker)"),
        &m,
        size,
        [bare_before, bare_after],
        wall,
    );
    let note = "const n = document.getElementById('scan-on-page'); return n ? n.textContent : '';";
    let en = js(c, note, vec![]).await?;
    check(en.as_str().is_some_and(|t| t.contains("background thread")), || {
        format!("the note in English: {en}")
    })?;
    js(
        c,
        "const s = document.getElementById('lang'); s.value = 'zh-CN'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;",
        vec![],
    )
    .await?;
    wait_until(
        c,
        "the note in Chinese",
        "const n = document.getElementById('scan-on-page'); return !!n && n.textContent.includes('后台线程');",
        5,
    )
    .await?;
    for width in [1280, 360] {
        c.set_window_size(width, 900).await.map_err(|e| e.to_string())?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        js(c, "document.getElementById('scan-on-page').scrollIntoView(); return true;", vec![]).await?;
        screenshot(c, shots, &format!("{suite}-big-log-on-page-zh-CN-{width}.png")).await?;
    }
    c.set_window_size(1400, 1000).await.map_err(|e| e.to_string())?;
    js(
        c,
        "const s = document.getElementById('lang'); s.value = 'en'; s.dispatchEvent(new Event('change', { bubbles: true })); \
         document.getElementById('clear').click(); sessionStorage.clear(); return true;",
        vec![],
    )
    .await
    .map(|_| ())
}
