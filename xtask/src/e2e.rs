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

/// Runs every browser test; one result per test.
pub fn run_all(ctx: &Ctx) -> Outcome {
    let single = ctx.single_file();
    let dist = ctx.trunk_dist();
    if !single.is_file() || !dist.join("index.html").is_file() {
        return vec![("browser set-up".into(), Err("run `cargo xtask dist` first".into()))];
    }
    let shots = ctx.target_dir.join("e2e");
    let _ = std::fs::create_dir_all(&shots);
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
    macro_rules! test {
        ($name:expr, $body:expr) => {{
            let r: Result<(), String> = $body.await;
            out.push((format!("{suite}: {}", $name), r));
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
            check(!csp.contains("'self'"), || format!("CSP allows files: {csp}"))?;
        } else {
            check(csp.contains("connect-src 'self'"), || format!("CSP: {csp}"))?;
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
        wait_until(
            c,
            "a verdict on the 3707 case",
            "return document.getElementById('verdict-clone').dataset.verdict === 'fails';",
            10,
        )
        .await?;
        wait_until(
            c,
            "a fix containing MYSQLD_PARENT_PID",
            "return [...document.querySelectorAll('.fix-text')].some(e => e.textContent.includes('MYSQLD_PARENT_PID'));",
            5,
        )
        .await?;
        screenshot(c, shots, &format!("{suite}-3707-en.png")).await
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
        wait_until(
            c,
            "the failing verdict",
            "return document.getElementById('verdict-clone').dataset.verdict === 'fails';",
            10,
        )
        .await
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
    test!("JS API: analyze(inputs) returns the report", async {
        let r = js(
            c,
            "const api = window.mysqlAdvisor || window.wasmBindings; \
             const r = api.analyze([{ name: 'u', text: arguments[0] }], { lang: 'zh-CN' }); \
             return [typeof r.verdicts.clone_restart, r.lang, Array.isArray(r.findings), r.inputs[0].name];",
            vec![json!(CLONE_3707)],
        )
        .await?;
        check(r == json!(["string", "zh-CN", true, "u"]), || format!("analyze returned {r}"))
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
    if suite == "file" {
        test!("a saved copy of the rendered page (Save page as) works", async {
            goto(c, &with_query(url, "example=clone-3707")).await?;
            wait_until(
                c,
                "the example's verdict",
                "return document.getElementById('verdict-clone').dataset.verdict === 'fails';",
                10,
            )
            .await?;
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
        let label = js(c, "return document.querySelector('label[for=input-0]').textContent;", vec![]).await?;
        check(label.as_str().is_some_and(|l| l.contains("my.cnf")), || format!("input label: {label}"))?;
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
    out
}
