//! `cargo xtask <command>`: the project's build and test entry points.
//!
//! - `set-up`  installs what is missing (pinned; see `setup.rs`).
//! - `serve`   builds the page and serves it on a loopback port, printing the URL.
//! - `size`    raw and gzipped sizes of the wasm, the glue and the single file; fails above the
//!   single file's gzipped ceiling and reports the 300 KB goal.
//! - `dist`    release build (Trunk, `dist/`) plus the single self-contained
//!   `target/dist/mysql-advisor.html`.
//! - `test`    everything: fmt, clippy, the workspace tests, the web release build, `dist`, and the
//!   browser end-to-end tests; ends with `test result: ok. N passed, N failed`.

mod dist;
mod e2e;
mod fuzz;
mod server;
mod setup;
mod size;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <command> [options]

commands:
  test [--skip-browser] [--skip-web]   fmt, clippy, all tests, web build, dist, browser tests
  serve [--release] [--port N]         build and serve the page on 127.0.0.1 (prints the URL)
  dist                                 dist/ (Trunk release build) and target/dist/mysql-advisor.html
  size                                 raw and gzipped sizes of the page; fails above the ceiling
  set-up [--skip-browser]              install the pinned tools that are missing
  e2e                                  only the browser tests (expects a previous `dist`)
  fuzz --seconds N [--target T]        run the fuzz/ targets N seconds each (installs cargo-fuzz)";

/// Paths every command uses.
pub struct Ctx {
    pub root: PathBuf,
    pub target_dir: PathBuf,
}

impl Ctx {
    fn new() -> Ctx {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default();
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|p| if p.is_absolute() { p } else { root.join(p) })
            .unwrap_or_else(|| root.join("target"));
        Ctx { root, target_dir }
    }
    pub fn say(&self, msg: &str) {
        eprintln!("\x1b[1mxtask:\x1b[0m {msg}");
    }
    /// Trunk's output (`dist/` at the repository root).
    pub fn trunk_dist(&self) -> PathBuf {
        self.root.join("dist")
    }
    /// The single-file page.
    pub fn single_file(&self) -> PathBuf {
        self.target_dir.join("dist").join("mysql-advisor.html")
    }
}

/// Runs a command in the repository root with inherited output; an error names it.
pub fn run(ctx: &Ctx, cmd: &mut Command) -> Result<(), String> {
    cmd.current_dir(&ctx.root);
    ctx.say(&format!("$ {}", describe(cmd)));
    let status = cmd.status().map_err(|e| format!("{}: {e}", describe(cmd)))?;
    if status.success() { Ok(()) } else { Err(format!("`{}` failed ({status})", describe(cmd))) }
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Counts of test results across every suite run.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    lines: Vec<String>,
}

impl Tally {
    fn step(&mut self, name: &str, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => {
                self.passed += 1;
                self.lines.push(format!("  ok      {name}"));
                true
            }
            Err(e) => {
                self.failed += 1;
                self.lines.push(format!("  FAILED  {name}: {e}"));
                false
            }
        }
    }
}

/// Runs `cargo test …`, echoing its output and adding up its `test result:` lines.
fn cargo_test(ctx: &Ctx, tally: &mut Tally) {
    let mut cmd = Command::new("cargo");
    cmd.args(["test", "--workspace", "--color", "always"]).current_dir(&ctx.root).stdout(Stdio::piped());
    ctx.say(&format!("$ {}", describe(&cmd)));
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            tally.step("cargo test --workspace", Err(e.to_string()));
            return;
        }
    };
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            let plain = strip_ansi(&line);
            if let Some(rest) = plain.trim().strip_prefix("test result:") {
                passed += count_before(rest, " passed");
                failed += count_before(rest, " failed");
            }
        }
    }
    let ok = child.wait().is_ok_and(|s| s.success());
    if !ok && failed == 0 {
        failed = 1; // it did not build, or a test binary crashed
    }
    tally.passed += passed;
    tally.failed += failed;
    tally.lines.push(format!(
        "  {}  cargo test --workspace: {passed} passed, {failed} failed",
        if ok { "ok    " } else { "FAILED" }
    ));
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// In `"ok. 5 passed; 0 failed; …"`, the number right before `word`.
fn count_before(s: &str, word: &str) -> u64 {
    s.find(word)
        .and_then(|i| s[..i].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn trunk_build(ctx: &Ctx) -> Result<(), String> {
    run(ctx, Command::new("trunk").args(["build", "--release"]))?;
    let index = ctx.trunk_dist().join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, dist::harden_trunk_index(&html)).map_err(|e| e.to_string())
}

fn write_single_file(ctx: &Ctx) -> Result<(), String> {
    let d = dist::read_trunk_dist(&ctx.trunk_dist())?;
    let page = dist::single_file(&d, &dist::esbuild)?;
    let out = ctx.single_file();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(&out, &page).map_err(|e| format!("{}: {e}", out.display()))?;
    ctx.say(&format!(
        "wrote {} ({} KiB; wasm {} KiB, glue {} KiB from {})",
        out.display(),
        page.len() / 1024,
        d.wasm.len() / 1024,
        d.glue.len() / 1024,
        d.glue_name
    ));
    Ok(())
}

fn cmd_test(ctx: &Ctx, args: &[String]) -> ExitCode {
    let started = Instant::now();
    let skip_browser = args.iter().any(|a| a == "--skip-browser");
    let skip_web = args.iter().any(|a| a == "--skip-web");
    let mut tally = Tally::default();
    let want = setup::Want { web: !skip_web, browser: !skip_web && !skip_browser };
    let set_up = tally.step("set-up", setup::ensure(ctx, want));
    tally.step("cargo fmt --all --check", run(ctx, Command::new("cargo").args(["fmt", "--all", "--check"])));
    tally.step(
        "cargo clippy --workspace --all-targets -- -D warnings",
        run(
            ctx,
            Command::new("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]),
        ),
    );
    cargo_test(ctx, &mut tally);
    if set_up && !skip_web {
        let built = tally.step("trunk build --release", trunk_build(ctx));
        let single = built && tally.step("dist: target/dist/mysql-advisor.html", write_single_file(ctx));
        if single {
            let size = size::measure_all(ctx).and_then(|rows| {
                print!("{}", size::table(&rows));
                size::check_budget(&rows).map(|line| println!("{line}"))
            });
            tally.step("size: single file within its gzipped ceiling", size);
        }
        if single && !skip_browser {
            for (name, result) in e2e::run_all(ctx) {
                tally.step(&format!("browser: {name}"), result);
            }
        }
    }
    println!("\nxtask test summary ({:.0} s):", started.elapsed().as_secs_f64());
    for line in &tally.lines {
        println!("{line}");
    }
    let status = if tally.failed == 0 { "ok" } else { "FAILED" };
    println!("test result: {status}. {} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn cmd_serve(ctx: &Ctx, args: &[String]) -> Result<(), String> {
    let port = args
        .iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .map(|p| p.parse::<u16>().map_err(|_| format!("bad port {p}")))
        .transpose()?
        .unwrap_or(8080);
    setup::ensure(ctx, setup::Want { web: true, browser: false })?;
    if args.iter().any(|a| a == "--release") {
        trunk_build(ctx)?;
        write_single_file(ctx)?;
        let server = server::start(&ctx.trunk_dist(), port).map_err(|e| e.to_string())?;
        println!("serving {} at {}", ctx.trunk_dist().display(), server.url("/"));
        println!("single file: file://{}", ctx.single_file().display());
        println!("press Ctrl-C to stop");
        loop {
            std::thread::park();
        }
    }
    // The development build (a debug wasm of several MB) goes to its own directory, never into the
    // `dist/` that `dist`, `size` and the browser tests read as the hosting build.
    let dev_dist = ctx.target_dir.join("serve");
    println!("serving at http://127.0.0.1:{port}/ (Trunk, rebuilds on change; Ctrl-C to stop)");
    run(
        ctx,
        Command::new("trunk")
            .args(["serve", "--address", "127.0.0.1", "--port", &port.to_string(), "--dist"])
            .arg(&dev_dist),
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = Ctx::new();
    setup::set_path(&ctx);
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match command.as_str() {
        "test" => return cmd_test(&ctx, rest),
        "serve" => cmd_serve(&ctx, rest),
        "fuzz" => fuzz::cmd_fuzz(&ctx, rest),
        "size" => size::cmd_size(&ctx),
        "dist" => setup::ensure(&ctx, setup::Want { web: true, browser: false })
            .and_then(|()| trunk_build(&ctx))
            .and_then(|()| write_single_file(&ctx)),
        "set-up" | "setup" => setup::ensure(
            &ctx,
            setup::Want { web: true, browser: !rest.iter().any(|a| a == "--skip-browser") },
        ),
        "e2e" => {
            let results = e2e::run_all(&ctx);
            let failed = results.iter().filter(|(_, r)| r.is_err()).count();
            for (name, r) in &results {
                match r {
                    Ok(()) => println!("  ok      {name}"),
                    Err(e) => println!("  FAILED  {name}: {e}"),
                }
            }
            println!(
                "test result: {}. {} passed, {failed} failed",
                if failed == 0 { "ok" } else { "FAILED" },
                results.len() - failed
            );
            return if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_test_result_lines() {
        let line = " ok. 12 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count_before(line, " passed"), 12);
        assert_eq!(count_before(line, " failed"), 3);
        assert_eq!(strip_ansi("\x1b[32mtest result:\x1b[0m ok"), "test result: ok");
    }
}
