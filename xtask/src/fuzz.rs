//! `cargo xtask fuzz --seconds N [--target T]`: runs the `fuzz/` targets (libFuzzer) one after
//! another for N seconds each.
//!
//! - Installs `cargo-fuzz` (pinned, from crates.io) when missing.
//! - Works on the stable toolchain: cargo-fuzz passes nightly-only flags, so the build runs with
//!   `RUSTC_BOOTSTRAP=1`, and with `--sanitizer none` (the core has no `unsafe`; debug assertions
//!   and overflow checks stay on, which is what catches its bugs). Pass `--sanitizer address` to use
//!   ASan anyway.
//! - Builds every target once (`cargo fuzz build`), then runs the built binaries directly: `cargo
//!   fuzz run` rebuilds before each target, which on a busy tree costs minutes per target.
//! - Seeds each target's corpus from `tests/fixtures/**`, copied at run time into
//!   `<target-dir>/fuzz-corpus/<target>/` (nothing big is committed); what the fuzzer adds stays
//!   there for the next run. Crashes go to `<target-dir>/fuzz-artifacts/<target>/`.
//! - One process per target (`-jobs` not used): the machine is shared.
//!
//! Reproduce a crash with `<target-dir>/fuzz/x86_64-unknown-linux-gnu/release/<target> <crash-file>`.

use crate::Ctx;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned cargo-fuzz.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Every target in `fuzz/fuzz_targets/`, in run order (the whole analysis first).
pub const TARGETS: &[&str] = &[
    "analyze",
    "analyze_multi",
    "split",
    "parse_mysql_output",
    "parse_option_file",
    "parse_misc",
    "parse_auto_cnf",
    "parse_systemd",
    "parse_systemctl_show",
    "parse_systemctl_status",
    "parse_journal",
    "parse_image",
    "parse_launcher",
    "parse_container",
    "parse_process",
    "parse_container_state",
    "parse_mysqlsh",
    "logscan",
];

const USAGE: &str = "usage: cargo xtask fuzz --seconds N [--target T] [--sanitizer none|address]";

struct Args {
    seconds: u64,
    targets: Vec<String>,
    sanitizer: String,
}

fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut seconds = None;
    let mut targets = Vec::new();
    let mut sanitizer = "none".to_owned();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value =
            |flag: &str| it.next().cloned().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match a.as_str() {
            "--seconds" => {
                let v = value("--seconds")?;
                seconds = Some(v.parse::<u64>().map_err(|_| format!("--seconds: not a number: {v}"))?);
            }
            "--target" => {
                let t = value("--target")?;
                if !TARGETS.contains(&t.as_str()) {
                    return Err(format!("unknown fuzz target `{t}`; targets: {}", TARGETS.join(", ")));
                }
                targets.push(t);
            }
            "--sanitizer" => sanitizer = value("--sanitizer")?,
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
    let seconds = seconds.ok_or_else(|| format!("--seconds is required\n{USAGE}"))?;
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    }
    Ok(Args { seconds, targets, sanitizer })
}

/// Entry point for `cargo xtask fuzz …`.
pub fn cmd_fuzz(ctx: &Ctx, rest: &[String]) -> Result<(), String> {
    let args = parse_args(rest)?;
    ensure_cargo_fuzz(ctx)?;
    let fuzz_dir = ctx.root.join("fuzz");
    let target_dir = ctx.target_dir.join("fuzz");
    let mut build = Command::new("cargo");
    build
        .args(["fuzz", "build", "--sanitizer", &args.sanitizer])
        // `cargo fuzz build` takes one target or none (= all).
        .args(if args.targets.len() == 1 { &args.targets[..] } else { &[] })
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", &target_dir)
        .current_dir(&fuzz_dir);
    ctx.say(&format!("building {} fuzz target(s)", args.targets.len()));
    let status = build.status().map_err(|e| format!("cargo fuzz build: {e}"))?;
    if !status.success() {
        return Err(format!("cargo fuzz build failed ({status})"));
    }
    let bin_dir = target_dir.join(host_triple()).join("release");
    let mut failed = Vec::new();
    for t in &args.targets {
        let corpus = ctx.target_dir.join("fuzz-corpus").join(t);
        let artifacts = ctx.target_dir.join("fuzz-artifacts").join(t);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        std::fs::create_dir_all(&artifacts).map_err(|e| format!("{}: {e}", artifacts.display()))?;
        let seeds = seed(&ctx.root.join("tests").join("fixtures"), &corpus)?;
        ctx.say(&format!("fuzzing {t} for {}s ({seeds} seed files)", args.seconds));
        let status = Command::new(bin_dir.join(t))
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .arg(format!("-max_total_time={}", args.seconds))
            .args(["-max_len=16384", "-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1"])
            .arg(&corpus)
            .status()
            .map_err(|e| format!("{t}: {e}"))?;
        if status.success() {
            ctx.say(&format!("{t}: no crash in {}s", args.seconds));
        } else {
            ctx.say(&format!("{t}: FAILED ({status}); see {}", artifacts.display()));
            failed.push(t.clone());
        }
    }
    if failed.is_empty() { Ok(()) } else { Err(format!("fuzz targets found crashes: {}", failed.join(", "))) }
}

/// Installs the pinned cargo-fuzz unless `cargo fuzz --version` already reports it.
fn ensure_cargo_fuzz(ctx: &Ctx) -> Result<(), String> {
    let have = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    if have.as_deref().is_some_and(|v| v.contains(CARGO_FUZZ_VERSION)) {
        return Ok(());
    }
    ctx.say(&format!("installing cargo-fuzz {CARGO_FUZZ_VERSION} (from crates.io; takes a few minutes)"));
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz", "--locked", "--version", CARGO_FUZZ_VERSION])
        .status()
        .map_err(|e| format!("cargo install cargo-fuzz: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("cargo install cargo-fuzz failed ({status})")) }
}

/// The host triple cargo-fuzz builds for (its output directory).
fn host_triple() -> String {
    Command::new("rustc")
        .arg("-vV")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        })
        .unwrap_or_else(|| "x86_64-unknown-linux-gnu".to_owned())
}

/// Copies every fixture (recursively, flattened, names prefixed with their folder) into `corpus`.
fn seed(fixtures: &Path, corpus: &Path) -> Result<usize, String> {
    let mut n = 0;
    let mut stack: Vec<PathBuf> = vec![fixtures.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let rd = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(fixtures).unwrap_or(&p).to_string_lossy().replace('/', "__");
            std::fs::copy(&p, corpus.join(format!("seed-{rel}")))
                .map_err(|e| format!("{}: {e}", p.display()))?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn args() {
        let a = parse_args(&s(&["--seconds", "30"])).unwrap();
        assert_eq!(a.seconds, 30);
        assert_eq!(a.targets.len(), TARGETS.len());
        assert_eq!(a.sanitizer, "none");
        let a = parse_args(&s(&["--seconds", "5", "--target", "split"])).unwrap();
        assert_eq!(a.targets, ["split"]);
        assert!(parse_args(&s(&["--target", "split"])).is_err());
        assert!(parse_args(&s(&["--seconds", "x"])).is_err());
        assert!(parse_args(&s(&["--seconds", "1", "--target", "nope"])).is_err());
    }

    #[test]
    fn every_fuzz_target_is_listed() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fuzz_targets");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter_map(|e| e.file_name().to_string_lossy().strip_suffix(".rs").map(str::to_owned))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = TARGETS.iter().map(|t| (*t).to_owned()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}
