//! `mysql-advisor`: the command line over the same core as the web page.
//!
//! ```text
//! mysql-advisor check [FILE…|-] [--format text|json|markdown] [--lang en|zh-CN]
//!                     [--fail-on error|warning|info|never] [--color auto|always|never]
//! mysql-advisor explain RULE
//! mysql-advisor rules [--format text|json|markdown]
//! ```
//!
//! Exit codes: 0 when no finding reaches `--fail-on` (default `error`), 1 when one does, 2 on a usage
//! error, an unknown rule or an unreadable input — a closed standard input too (one line on stderr:
//! `mysql-advisor: error: cannot read 'x.cnf': No such file or directory`). A closed pipe
//! (`mysql-advisor check x | head`) is success. A gzip input (`1f 8b`, whatever its name) is
//! decompressed; one cut short or corrupt after some bytes is analysed as far as it goes, with a
//! note in the report; one from which nothing decompresses is unreadable (exit 2).

mod args;
mod stream;

use advisor::i18n::k;
use advisor::{Input, Lang, Options, Report, render};
use anyhow::{Context as _, anyhow};
use args::{Args, Color, FailOn, Format};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// What went wrong, and how to exit.
enum Failure {
    /// Usage errors, unknown rules, unreadable inputs: exit 2.
    Usage(anyhow::Error),
    /// Anything else (writing the output): exit 2 unless the pipe was closed.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::Other(e)
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = match std::env::args_os().skip(1).map(|a| a.into_string()).collect() {
        Ok(v) => v,
        Err(bad) => {
            let lang = args::env_lang(|k| std::env::var(k).ok());
            let msg =
                lang.fmt(k::RENDER_CLI_UNKNOWN_OPTION, &[("option", &args::shown(&bad.to_string_lossy()))]);
            eprintln!("mysql-advisor: {}: {msg}", lang.t(k::RENDER_CLI_ERROR));
            return ExitCode::from(2);
        }
    };
    let lang = args::early_lang(&argv).unwrap_or_else(|| args::env_lang(|k| std::env::var(k).ok()));
    match run(&argv, lang) {
        Ok(code) => code,
        Err(Failure::Other(e)) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(Failure::Usage(e) | Failure::Other(e)) => {
            eprintln!("mysql-advisor: {}: {e:#}", lang.t(k::RENDER_CLI_ERROR));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

fn run(argv: &[String], lang: Lang) -> Result<ExitCode, Failure> {
    let usage = |msg: String| Failure::Usage(anyhow!("{msg} {}", lang.t(k::RENDER_CLI_TRY_HELP)));
    let args = args::parse(argv, lang).map_err(usage)?;
    // The last `--lang` wins (the early look-up only found the first, for error messages).
    let lang = args.lang.unwrap_or(lang);
    if args.help {
        write_out(&help(lang), lang)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.version {
        write_out(&format!("mysql-advisor {}\n", env!("CARGO_PKG_VERSION")), lang)?;
        return Ok(ExitCode::SUCCESS);
    }
    match args.command.as_deref() {
        Some("check") => check(&args, lang),
        Some("explain") => explain(&args, lang),
        Some("rules") => rules(&args, lang),
        Some("help") => {
            write_out(&help(lang), lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => {
            let mut msg = lang.fmt(k::RENDER_CLI_UNKNOWN_COMMAND, &[("command", &args::shown(other))]);
            if let Some(s) = args::suggest(other, ["check", "explain", "rules"]) {
                msg.push_str(&lang.fmt(k::RENDER_CLI_DID_YOU_MEAN, &[("suggestion", s)]));
            }
            Err(usage(msg))
        }
        None => {
            // No command: the help, on stderr, as a usage error.
            eprint!("{}", help(lang));
            Ok(ExitCode::from(2))
        }
    }
}

fn help(lang: Lang) -> String {
    let mut h = lang.fmt(k::RENDER_CLI_HELP, &[("version", env!("CARGO_PKG_VERSION"))]);
    h.push('\n');
    h
}

/// `check`: read every input, analyse them together, print, and exit by `--fail-on`.
fn check(args: &Args, lang: Lang) -> Result<ExitCode, Failure> {
    let Inputs { inputs, streamed, mut notes } = read_inputs(&args.positionals, lang)?;
    let mut report = advisor::analyze_with(&inputs, &Options { lang });
    stream::apply(&mut report, &streamed);
    // How the inputs were read (a corrupt gzip stream) goes first.
    notes.append(&mut report.notes);
    report.notes = notes;
    let out = match args.format.unwrap_or(Format::Text) {
        Format::Json => report.to_json() + "\n",
        Format::Markdown => render::markdown(&report) + "\n",
        Format::Text => render::text(&report, &render::TextOptions { color: use_color(args.color) }),
    };
    write_out(&out, lang)?;
    Ok(exit_code(&report, args.fail_on))
}

/// 1 when a finding is at least as severe as `fail_on`, else 0.
fn exit_code(report: &Report, fail_on: FailOn) -> ExitCode {
    match (fail_on, report.max_severity()) {
        (FailOn::At(threshold), Some(worst)) if worst <= threshold => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// Colour on a terminal only, never with `NO_COLOR` (set and not empty) or `TERM=dumb`.
fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            !no_color && !dumb && io::stdout().is_terminal()
        }
    }
}

/// What [`read_inputs`] read.
struct Inputs {
    inputs: Vec<Input>,
    streamed: Vec<stream::Streamed>,
    notes: Vec<String>,
}

/// Files (as bytes, decoded by the core) and standard input (`-`, or nothing given and stdin is
/// not a terminal). A large error log (file or pipe) is streamed through the scanner instead
/// (see [`stream`]); its excerpt stands in for it, and the bookkeeping to map lines back is
/// returned beside, with the notes on how inputs were read (a gzip input cut short: what was
/// decompressed before the error is analysed).
fn read_inputs(paths: &[String], lang: Lang) -> Result<Inputs, Failure> {
    let read_err = |name: &str, e: io::Error| {
        Failure::Usage(anyhow!(
            "{}",
            lang.fmt(k::RENDER_CLI_CANNOT_READ, &[("file", &args::shown(name)), ("reason", &io_reason(&e))])
        ))
    };
    if paths.is_empty() && io::stdin().is_terminal() {
        return Err(Failure::Usage(anyhow!(
            "{} {}",
            lang.t(k::RENDER_CLI_STDIN_TERMINAL),
            lang.t(k::RENDER_CLI_TRY_HELP)
        )));
    }
    let stdin_only = ["-".to_owned()];
    let paths = if paths.is_empty() { &stdin_only[..] } else { paths };
    let mut inputs = Vec::with_capacity(paths.len());
    let mut streamed = Vec::new();
    let mut notes = Vec::new();
    for p in paths {
        let name = if p == "-" { "<stdin>" } else { p.as_str() };
        let loaded = if p == "-" {
            if stdin_closed() {
                return Err(Failure::Usage(anyhow!(
                    "{}",
                    lang.fmt(
                        k::RENDER_CLI_CANNOT_READ,
                        &[("file", p), ("reason", &lang.t(k::RENDER_CLI_STDIN_CLOSED))]
                    )
                )));
            }
            stream::read(io::stdin().lock(), name, None, lang).map_err(|e| read_err(p, e))?
        } else {
            let file = std::fs::File::open(p).map_err(|e| read_err(p, e))?;
            let size = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            stream::read(file, name, size, lang).map_err(|e| read_err(p, e))?
        };
        notes.extend(loaded.note);
        match loaded.content {
            stream::Content::Whole(bytes) => inputs.push(Input::from_bytes(name, &bytes)),
            stream::Content::Streamed(tl) => {
                let (input, s) = stream::Streamed::new(inputs.len(), tl, name, lang);
                inputs.push(input);
                streamed.push(s);
            }
        }
    }
    Ok(Inputs { inputs, streamed, notes })
}

/// Whether standard input was closed when the program started (`mysql-advisor check - <&-`).
/// Rust's runtime reopens a closed standard stream on `/dev/null` before `main` (so that no file
/// opened later takes its number), read-write; reading it then gives nothing, like an empty
/// pipe, and the report would silently be empty. A shell's `< /dev/null` opens it read-only,
/// and stays what it says: an empty input.
#[cfg(unix)]
fn stdin_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else { return true };
    let (Ok(ours), Ok(null)) = (std::fs::File::from(fd).metadata(), std::fs::metadata("/dev/null")) else {
        return false;
    };
    if !ours.file_type().is_char_device() || ours.rdev() != null.rdev() {
        return false;
    }
    // SAFETY: `fcntl(F_GETFL)` only reads the flags of descriptor 0, open as checked above.
    let flags = unsafe { libc::fcntl(0, libc::F_GETFL) };
    flags >= 0 && flags & libc::O_ACCMODE == libc::O_RDWR
}

#[cfg(not(unix))]
fn stdin_closed() -> bool {
    false
}

/// The OS message without Rust's " (os error N)" suffix.
fn io_reason(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// `explain RULE`: the rule's docs.
fn explain(args: &Args, lang: Lang) -> Result<ExitCode, Failure> {
    let usage = |msg: String| Failure::Usage(anyhow!("{msg}"));
    let [id] = args.positionals.as_slice() else {
        return Err(match args.positionals.get(1) {
            Some(extra) => usage(format!(
                "{} {}",
                lang.fmt(k::RENDER_CLI_UNEXPECTED_ARGUMENT, &[("argument", &args::shown(extra))]),
                lang.t(k::RENDER_CLI_TRY_HELP)
            )),
            None => usage(lang.t(k::RENDER_CLI_MISSING_RULE)),
        });
    };
    let Some(rule) = advisor::rule(id, lang) else {
        let all = advisor::rules(lang);
        let mut msg = lang.fmt(k::RENDER_CLI_UNKNOWN_RULE, &[("rule", &args::shown(id))]);
        if let Some(s) = args::suggest(id, all.iter().map(|r| r.id)) {
            msg.push_str(&lang.fmt(k::RENDER_CLI_DID_YOU_MEAN, &[("suggestion", s)]));
        }
        return Err(usage(msg));
    };
    let mut out = format!("{} ({}): {}\n\n", rule.id, family(&rule), rule.name);
    out.push_str(rule.docs.trim_end());
    out.push('\n');
    write_out(&out, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn family(rule: &advisor::RuleInfo) -> String {
    serde_json::to_value(rule.family)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{:?}", rule.family).to_lowercase())
}

/// `rules`: every rule, in report order.
fn rules(args: &Args, lang: Lang) -> Result<ExitCode, Failure> {
    if let Some(extra) = args.positionals.first() {
        return Err(Failure::Usage(anyhow!(
            "{} {}",
            lang.fmt(k::RENDER_CLI_UNEXPECTED_ARGUMENT, &[("argument", &args::shown(extra))]),
            lang.t(k::RENDER_CLI_TRY_HELP)
        )));
    }
    let all = advisor::rules(lang);
    let out = match args.format.unwrap_or(Format::Text) {
        Format::Json => {
            let list: Vec<serde_json::Value> = all
                .iter()
                .map(|r| serde_json::json!({ "id": r.id, "family": family(r), "name": r.name }))
                .collect();
            serde_json::to_string_pretty(&list).context("json")? + "\n"
        }
        Format::Markdown => {
            let mut s = format!(
                "| {} | {} | {} |\n| --- | --- | --- |\n",
                lang.t(k::RENDER_CLI_RULES_ID),
                lang.t(k::RENDER_CLI_RULES_FAMILY),
                lang.t(k::RENDER_CLI_RULES_NAME)
            );
            for r in &all {
                s.push_str(&format!("| `{}` | {} | {} |\n", r.id, family(r), r.name.replace('|', "\\|")));
            }
            s
        }
        Format::Text => {
            let w = all.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let fw = all.iter().map(|r| family(r).len()).max().unwrap_or(0);
            let mut s = String::new();
            for r in &all {
                s.push_str(&format!("{:<w$}  {:<fw$}  {}\n", r.id, family(r), r.name));
            }
            s
        }
    };
    write_out(&out, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout; a closed pipe surfaces as an `io::Error` of kind `BrokenPipe`.
fn write_out(s: &str, lang: Lang) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Other(anyhow::Error::new(e).context(lang.t(k::RENDER_CLI_CANNOT_WRITE))))
}
