//! Installs what the build and the browser tests need, pinned, from the package registries only,
//! and only when missing (each step first checks the version that is there).

use crate::{Ctx, run};
use std::path::PathBuf;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const BINARYEN_VERSION: &str = "132.0.0";
pub const ESBUILD_VERSION: &str = "0.25.0";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// `program args…` output (stdout + stderr), or `None` when it cannot run or fails.
fn probe(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    Some(s)
}

fn is_root() -> bool {
    probe("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

fn apt_install(ctx: &Ctx, packages: &[&str]) -> Result<(), String> {
    if !is_root() {
        return Err(format!(
            "missing {}: run as root, or install them: apt-get update && apt-get install -y {}",
            packages.join(", "),
            packages.join(" ")
        ));
    }
    let mut update = Command::new("apt-get");
    update.arg("update");
    run(ctx, &mut update)?;
    let mut install = Command::new("apt-get");
    install.args(["install", "-y", "--no-install-recommends"]).args(packages);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(ctx, &mut install)
}

/// The directory holding npm-installed tools (`<target>/tools`).
pub fn tools_dir(ctx: &Ctx) -> PathBuf {
    ctx.target_dir.join("tools")
}

/// Puts `<tools>/node_modules/.bin` and `$CARGO_HOME/bin` first in PATH for every child process.
pub fn set_path(ctx: &Ctx) {
    let mut dirs = vec![tools_dir(ctx).join("node_modules").join(".bin")];
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = cargo_home {
        dirs.push(home.join("bin"));
    }
    if let Some(old) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&old));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        // SAFETY: called once at start-up, before any thread is spawned.
        unsafe { std::env::set_var("PATH", joined) };
    }
}

/// What to set up.
#[derive(Clone, Copy)]
pub struct Want {
    pub web: bool,
    pub browser: bool,
}

pub fn ensure(ctx: &Ctx, want: Want) -> Result<(), String> {
    // Node.js: npm installs binaryen and esbuild.
    ensure_node(ctx)?;
    if want.web {
        ensure_wasm_target(ctx)?;
        ensure_trunk(ctx)?;
        ensure_wasm_bindgen(ctx)?;
        ensure_wasm_opt(ctx)?;
        ensure_esbuild(ctx)?;
    }
    if want.browser {
        ensure_browser(ctx)?;
    }
    Ok(())
}

fn ensure_node(ctx: &Ctx) -> Result<(), String> {
    if probe("node", &["--version"]).is_some() && probe("npm", &["--version"]).is_some() {
        ctx.say("set-up: Node.js and npm present");
        return Ok(());
    }
    apt_install(ctx, &["nodejs", "npm"])
}

fn ensure_wasm_target(ctx: &Ctx) -> Result<(), String> {
    let installed = probe("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        ctx.say(&format!("set-up: {WASM_TARGET} target present"));
        return Ok(());
    }
    run(ctx, Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_trunk(ctx: &Ctx) -> Result<(), String> {
    let found = probe("trunk", &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|w| w == TRUNK_VERSION) {
        ctx.say(&format!("set-up: trunk {TRUNK_VERSION} present"));
        return Ok(());
    }
    // 0.22.x needs a newer rustc; `--locked` keeps its dependency set buildable.
    run(ctx, Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))
}

fn ensure_wasm_bindgen(ctx: &Ctx) -> Result<(), String> {
    let found = probe("wasm-bindgen", &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|w| w == WASM_BINDGEN_VERSION) {
        ctx.say(&format!("set-up: wasm-bindgen {WASM_BINDGEN_VERSION} present"));
        return Ok(());
    }
    // No `--locked`: its lockfile wants a crate version the registry no longer has.
    run(ctx, Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION]))
}

fn ensure_wasm_opt(ctx: &Ctx) -> Result<(), String> {
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    let bin = tools_dir(ctx).join("node_modules").join(".bin").join("wasm-opt");
    let found = probe(&bin.to_string_lossy(), &["--version"]).unwrap_or_default();
    if found.contains(&format!("version {major}")) {
        ctx.say(&format!("set-up: wasm-opt version {major} present"));
        return Ok(());
    }
    // Debian's binaryen and the crates.io wasm-opt are too old for Rust 1.95's output.
    npm_install(ctx, &format!("binaryen@{BINARYEN_VERSION}"))
}

/// `npm install` of one exact `package@version` into [`tools_dir`].
fn npm_install(ctx: &Ctx, package: &str) -> Result<(), String> {
    let dir = tools_dir(ctx);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    run(
        ctx,
        Command::new("npm").args([
            "install",
            "--no-audit",
            "--no-fund",
            "--save-exact",
            "--prefix",
            &dir.to_string_lossy(),
            package,
        ]),
    )
}

/// esbuild minifies the single file's script (`dist::esbuild`): −1.5 KB gzipped against
/// comment and indentation stripping (measured 2026-12-02).
fn ensure_esbuild(ctx: &Ctx) -> Result<(), String> {
    let bin = tools_dir(ctx).join("node_modules").join(".bin").join("esbuild");
    let found = probe(&bin.to_string_lossy(), &["--version"]).unwrap_or_default();
    if found.trim() == ESBUILD_VERSION {
        ctx.say(&format!("set-up: esbuild {ESBUILD_VERSION} present"));
        return Ok(());
    }
    npm_install(ctx, &format!("esbuild@{ESBUILD_VERSION}"))
}

fn ensure_browser(ctx: &Ctx) -> Result<(), String> {
    let chromium = probe("chromium", &["--version"]);
    let driver = probe("chromedriver", &["--version"]);
    if let (Some(c), Some(d)) = (&chromium, &driver) {
        ctx.say(&format!("set-up: {} / {}", c.trim(), d.lines().next().unwrap_or_default().trim()));
    } else {
        apt_install(ctx, &["chromium", "chromium-driver"])?;
    }
    // pdftotext (Debian's poppler-utils): the print test reads the text of the page's PDF.
    if probe("pdftotext", &["-v"]).is_none() {
        apt_install(ctx, &["poppler-utils"])?;
    }
    // A CJK font, so that the Chinese screenshots are legible (the tests do not depend on it).
    let has_cjk = probe("fc-list", &[":lang=zh"]).is_some_and(|s| !s.trim().is_empty());
    if !has_cjk && let Err(e) = apt_install(ctx, &["fonts-wqy-microhei"]) {
        ctx.say(&format!("set-up: no CJK font ({e}); Chinese screenshots will show boxes"));
    }
    Ok(())
}
