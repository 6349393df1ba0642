//! Command-line parsing, by hand: a command, positionals and a few options.
//!
//! Grammar (options may come before or after the command and between files):
//! ```text
//! mysql-advisor [OPTIONS] COMMAND [ARG…]
//! OPTIONS: -f/--format F, -l/--lang L, --fail-on S, --color C, -h/--help, -V/--version,
//!          each as `--opt value`, `--opt=value`, `-f value` or `-fvalue`; `--` ends the options;
//!          `-` alone is a positional (standard input).
//! ```
//! Errors are messages in the user's language, ready to print after `mysql-advisor: error: `.

use advisor::i18n::k;
use advisor::{Lang, Severity};

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    At(Severity),
    Never,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub command: Option<String>,
    pub positionals: Vec<String>,
    pub format: Option<Format>,
    pub lang: Option<Lang>,
    pub fail_on: FailOn,
    pub color: Color,
    pub help: bool,
    pub version: bool,
}

/// Every long option, for suggestions.
const LONG: &[&str] = &["--format", "--lang", "--fail-on", "--color", "--help", "--version"];

/// Finds `--lang` before full parsing, so that even usage errors speak the user's language.
/// Invalid or missing values are left for [`parse`] to report.
pub fn early_lang(args: &[String]) -> Option<Lang> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let v = if a == "--lang" || a == "-l" {
            it.next().map(String::as_str)
        } else if let Some(v) = a.strip_prefix("--lang=") {
            Some(v)
        } else {
            a.strip_prefix("-l").filter(|v| !v.is_empty() && !a.starts_with("--"))
        };
        if let Some(l) = v.and_then(Lang::from_tag) {
            return Some(l);
        }
    }
    None
}

/// Parses the arguments (without the program name).
pub fn parse(args: &[String], lang: Lang) -> Result<Args, String> {
    let mut out = Args {
        command: None,
        positionals: Vec::new(),
        format: None,
        lang: None,
        fail_on: FailOn::At(Severity::Error),
        color: Color::Auto,
        help: false,
        version: false,
    };
    let mut i = 0;
    let mut options_done = false;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        let is_option = !options_done && a.starts_with('-') && a != "-";
        if !is_option {
            if out.command.is_none() {
                out.command = Some(a.clone());
            } else {
                out.positionals.push(a.clone());
            }
            continue;
        }
        if a == "--" {
            options_done = true;
            continue;
        }
        // Split into the option's name and an attached value.
        let (name, attached): (String, Option<String>) = if let Some(long) = a.strip_prefix("--") {
            match long.split_once('=') {
                Some((n, v)) => (format!("--{n}"), Some(v.to_owned())),
                None => (a.clone(), None),
            }
        } else {
            let mut chars = a.chars();
            chars.next(); // '-'
            let flag = chars.next().map(|c| format!("-{c}")).unwrap_or_default();
            let rest: String = chars.collect();
            (flag, if rest.is_empty() { None } else { Some(rest) })
        };
        let canonical = match name.as_str() {
            "-f" | "--format" => "--format",
            "-l" | "--lang" => "--lang",
            "--fail-on" => "--fail-on",
            "--color" | "--colour" => "--color",
            "-h" | "--help" => "--help",
            "-V" | "--version" => "--version",
            _ => {
                let mut msg = lang.fmt(k::RENDER_CLI_UNKNOWN_OPTION, &[("option", a)]);
                if let Some(s) = suggest(&name, LONG.iter().copied()) {
                    msg.push_str(&lang.fmt(k::RENDER_CLI_DID_YOU_MEAN, &[("suggestion", s)]));
                }
                return Err(msg);
            }
        };
        if canonical == "--help" || canonical == "--version" {
            if attached.is_some() {
                return Err(lang.fmt(k::RENDER_CLI_UNKNOWN_OPTION, &[("option", a)]));
            }
            if canonical == "--help" {
                out.help = true;
            } else {
                out.version = true;
            }
            continue;
        }
        let value = match attached {
            Some(v) => v,
            None => match args.get(i) {
                Some(v) => {
                    i += 1;
                    v.clone()
                }
                None => return Err(lang.fmt(k::RENDER_CLI_MISSING_VALUE, &[("option", canonical)])),
            },
        };
        let bad = |expected: &str| {
            lang.fmt(
                k::RENDER_CLI_BAD_VALUE,
                &[("value", &value), ("option", canonical), ("expected", expected)],
            )
        };
        match canonical {
            "--format" => {
                out.format = Some(match value.to_ascii_lowercase().as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    _ => return Err(bad("text, json, markdown")),
                })
            }
            "--lang" => out.lang = Some(Lang::from_tag(&value).ok_or_else(|| bad("en, zh-CN"))?),
            "--fail-on" => {
                out.fail_on = match value.to_ascii_lowercase().as_str() {
                    "never" => FailOn::Never,
                    v => {
                        FailOn::At(Severity::from_name(v).ok_or_else(|| bad("error, warning, info, never"))?)
                    }
                }
            }
            "--color" => {
                out.color = match value.to_ascii_lowercase().as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    _ => return Err(bad("auto, always, never")),
                }
            }
            _ => unreachable!("every canonical option is handled above"),
        }
    }
    Ok(out)
}

/// The language from the environment: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the first that is
/// set and not empty); `zh*` is Simplified Chinese, anything else English.
pub fn env_lang(get: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| get(k))
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_tag(&v))
        .unwrap_or(Lang::En)
}

/// The closest candidate to `word`, when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = word.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = if c.contains(w.as_str()) && w.len() >= 4 { 1 } else { distance(&w, c) };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = (c.chars().count() / 3).max(2);
    (d <= limit).then_some(c)
}

/// Levenshtein distance (characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Args, String> {
        let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&v, Lang::En)
    }

    #[test]
    fn parses_command_files_and_options_in_any_order() {
        let a =
            p(&["--lang", "zh-CN", "check", "a.cnf", "-f", "json", "-", "--fail-on=warning", "b"]).unwrap();
        assert_eq!(a.command.as_deref(), Some("check"));
        assert_eq!(a.positionals, ["a.cnf", "-", "b"]);
        assert_eq!(a.format, Some(Format::Json));
        assert_eq!(a.lang, Some(Lang::ZhCn));
        assert_eq!(a.fail_on, FailOn::At(Severity::Warning));
        let a = p(&["check", "-fmarkdown", "--color=never", "--fail-on", "never", "--", "-weird"]).unwrap();
        assert_eq!(a.format, Some(Format::Markdown));
        assert_eq!(a.color, Color::Never);
        assert_eq!(a.fail_on, FailOn::Never);
        assert_eq!(a.positionals, ["-weird"]);
    }

    #[test]
    fn rejects_bad_input_with_a_helpful_message() {
        assert_eq!(
            p(&["check", "--frmat", "json"]).unwrap_err(),
            "unknown option '--frmat'; did you mean '--format'?"
        );
        assert_eq!(p(&["check", "-x"]).unwrap_err(), "unknown option '-x'");
        assert_eq!(p(&["check", "--format"]).unwrap_err(), "option '--format' needs a value");
        assert_eq!(
            p(&["check", "--fail-on", "fatal"]).unwrap_err(),
            "invalid value 'fatal' for '--fail-on' (expected one of: error, warning, info, never)"
        );
        assert!(p(&["--lang", "fr"]).unwrap_err().contains("'fr'"));
        assert!(p(&["--help=x"]).is_err());
    }

    #[test]
    fn language_from_flag_and_environment() {
        let v: Vec<String> = ["check", "-l", "zh"].iter().map(|s| s.to_string()).collect();
        assert_eq!(early_lang(&v), Some(Lang::ZhCn));
        let v: Vec<String> = ["--lang=en", "x"].iter().map(|s| s.to_string()).collect();
        assert_eq!(early_lang(&v), Some(Lang::En));
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(env_lang(env(&[("LANG", "zh_CN.UTF-8")])), Lang::ZhCn);
        assert_eq!(env_lang(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C.UTF-8")])), Lang::En);
        assert_eq!(env_lang(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "")])), Lang::En);
        assert_eq!(env_lang(env(&[("LC_MESSAGES", "zh_TW"), ("LANG", "en_US")])), Lang::ZhCn);
        assert_eq!(env_lang(env(&[])), Lang::En);
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let ids = ["restart-unsupervised", "replica-sync-relay-log", "clone-restart-failed"];
        assert_eq!(suggest("restart-unsupervized", ids), Some("restart-unsupervised"));
        assert_eq!(suggest("unsupervised", ids), Some("restart-unsupervised"));
        assert_eq!(suggest("zzz", ids), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
