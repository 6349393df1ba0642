//! Command-line parsing with [`lexopt`] (ripgrep's parser): a command, positionals and a few
//! options.
//!
//! Grammar (options may come before or after the command and between files):
//! ```text
//! mysql-advisor [OPTIONS] COMMAND [ARG…]
//! OPTIONS: -f/--format F, -l/--lang L, --fail-on S, --color C, -h/--help, -V/--version,
//!          each as `--opt value`, `--opt=value`, `-f value` or `-fvalue`; `--` ends the options;
//!          `-` alone is a positional (standard input).
//! ```
//! Errors are messages in the user's language, ready to print after `mysql-advisor: error: `.
//! Whatever they quote from the command line goes through [`shown`] first: a mistaken
//! `--password=S3cret` or `-pS3cret` never reaches the terminal in the clear.

use advisor::i18n::k;
use advisor::{Lang, Severity};
use lexopt::Arg::{Long, Short, Value};

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

/// An option the parser knows, by its canonical long name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Format,
    Lang,
    FailOn,
    Color,
    Help,
    Version,
}

impl Opt {
    /// The option `name` names, if any (`-f`, `--format`; `--colour` is `--color`).
    fn of(name: &Name) -> Option<Opt> {
        Some(match name {
            Name::Short('f') => Opt::Format,
            Name::Long(l) if l == "format" => Opt::Format,
            Name::Short('l') => Opt::Lang,
            Name::Long(l) if l == "lang" => Opt::Lang,
            Name::Long(l) if l == "fail-on" => Opt::FailOn,
            Name::Long(l) if l == "color" || l == "colour" => Opt::Color,
            Name::Short('h') => Opt::Help,
            Name::Long(l) if l == "help" => Opt::Help,
            Name::Short('V') => Opt::Version,
            Name::Long(l) if l == "version" => Opt::Version,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Opt::Format => "--format",
            Opt::Lang => "--lang",
            Opt::FailOn => "--fail-on",
            Opt::Color => "--color",
            Opt::Help => "--help",
            Opt::Version => "--version",
        }
    }

    /// Whether it takes a value (`--help` and `--version` do not).
    fn takes_value(self) -> bool {
        !matches!(self, Opt::Help | Opt::Version)
    }
}

/// An option's name as lexopt gave it (owned, so that the parser can be asked for its value).
enum Name {
    Short(char),
    Long(String),
}

impl Name {
    /// The option as typed, without a value: `-x`, `--name`.
    fn typed(&self) -> String {
        match self {
            Name::Short(c) => format!("-{c}"),
            Name::Long(l) => format!("--{l}"),
        }
    }
}

/// One item of the command line.
enum Item {
    Option(Name),
    Positional(String),
}

/// The next item, or `None` at the end. lexopt fails only on a value attached to an option that
/// was not asked for it, which [`parse`] never lets happen.
fn next(p: &mut lexopt::Parser) -> Result<Option<Item>, lexopt::Error> {
    Ok(p.next()?.map(|arg| match arg {
        Short(c) => Item::Option(Name::Short(c)),
        Long(l) => Item::Option(Name::Long(l.to_owned())),
        Value(v) => Item::Positional(v.to_string_lossy().into_owned()),
    }))
}

/// A parser over `args` (without the program name). `-f=json` is `-f` with the value `=json`,
/// as it always was: only long options split at `=`.
fn parser(args: &[String]) -> lexopt::Parser {
    let mut p = lexopt::Parser::from_args(args);
    p.set_short_equals(false);
    p
}

/// The option as the user typed it, for an error message: `--name`, `--name=value`, `-x` or
/// `-xrest` (what followed the letter in the same argument; consumed, as parsing stops there).
fn as_typed(p: &mut lexopt::Parser, name: &Name) -> String {
    let mut s = name.typed();
    if let Some(rest) = p.optional_value() {
        if let Name::Long(_) = name {
            s.push('=');
        }
        s.push_str(&rest.to_string_lossy());
    }
    s
}

/// Finds `--lang` before full parsing, so that even usage errors speak the user's language: the
/// first valid `--lang`/`-l` value. Errors are skipped; [`parse`] reports them.
pub fn early_lang(args: &[String]) -> Option<Lang> {
    let mut p = parser(args);
    loop {
        let name = match next(&mut p) {
            Ok(Some(Item::Option(name))) => name,
            Ok(Some(Item::Positional(_))) | Err(_) => continue,
            Ok(None) => return None,
        };
        match Opt::of(&name) {
            Some(Opt::Lang) => {
                let lang = p.value().ok().and_then(|v| v.into_string().ok()).and_then(|v| Lang::from_tag(&v));
                if lang.is_some() {
                    return lang;
                }
            }
            Some(o) if o.takes_value() => {
                let _ = p.value();
            }
            _ => {}
        }
    }
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
    let unknown = |typed: &str| lang.fmt(k::RENDER_CLI_UNKNOWN_OPTION, &[("option", &shown(typed))]);
    let mut p = parser(args);
    // `next` fails only on an attached value nobody asked for; every option below takes its own.
    let failed = |e: lexopt::Error| match e {
        lexopt::Error::UnexpectedValue { option, .. } => unknown(&option),
        e => unknown(&e.to_string()),
    };
    while let Some(item) = next(&mut p).map_err(failed)? {
        let name = match item {
            Item::Positional(v) if out.command.is_none() => {
                out.command = Some(v);
                continue;
            }
            Item::Positional(v) => {
                out.positionals.push(v);
                continue;
            }
            Item::Option(name) => name,
        };
        let Some(opt) = Opt::of(&name) else {
            let mut msg = unknown(&as_typed(&mut p, &name));
            if let Some(s) = suggest(&name.typed(), LONG.iter().copied()) {
                msg.push_str(&lang.fmt(k::RENDER_CLI_DID_YOU_MEAN, &[("suggestion", s)]));
            }
            return Err(msg);
        };
        if !opt.takes_value() {
            let typed = as_typed(&mut p, &name);
            // `--help=x` and `-hx` are not `--help`.
            if typed != name.typed() {
                return Err(unknown(&typed));
            }
            if opt == Opt::Help {
                out.help = true;
            } else {
                out.version = true;
            }
            continue;
        }
        let Ok(value) = p.value() else {
            return Err(lang.fmt(k::RENDER_CLI_MISSING_VALUE, &[("option", opt.name())]));
        };
        let value = value.to_string_lossy().into_owned();
        let bad = |expected: &str| {
            lang.fmt(
                k::RENDER_CLI_BAD_VALUE,
                &[("value", &shown(&value)), ("option", opt.name()), ("expected", expected)],
            )
        };
        let v = value.to_ascii_lowercase();
        match opt {
            Opt::Format => {
                out.format = Some(match v.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    _ => return Err(bad("text, json, markdown")),
                })
            }
            Opt::Lang => out.lang = Some(Lang::from_tag(&value).ok_or_else(|| bad("en, zh-CN"))?),
            Opt::FailOn => {
                out.fail_on = match v.as_str() {
                    "never" => FailOn::Never,
                    v => {
                        FailOn::At(Severity::from_name(v).ok_or_else(|| bad("error, warning, info, never"))?)
                    }
                }
            }
            Opt::Color => {
                out.color = match v.as_str() {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    "never" => Color::Never,
                    _ => return Err(bad("auto, always, never")),
                }
            }
            Opt::Help | Opt::Version => unreachable!("flags are handled above"),
        }
    }
    Ok(out)
}

/// `arg` (an argument, a file name, a rule id…) as it may be echoed on the terminal: secrets
/// masked. An option that looks like a password's (`--password=S3cret`, `--pass=…`, `--pwd=…`,
/// `--secret=…`, `--token=…`, in any case) keeps its name and loses its value; so does `-p`
/// glued to a value as the mysql client takes it (`-pS3cret`, also in a bundle: `-vpS3cret`).
/// Then [`advisor::mask_secrets`] masks what it recognises anywhere else
/// (`password=S3cret.cnf`, a URL's password…).
pub fn shown(arg: &str) -> String {
    const MASK: &str = "****";
    let masked = if let Some(long) = arg.strip_prefix("--") {
        match long.split_once('=') {
            Some((name, value)) if !value.is_empty() && secret_option(name) => format!("--{name}={MASK}"),
            _ => arg.to_owned(),
        }
    } else if let Some(short) = arg.strip_prefix('-') {
        // Everything after the first `p` of a bundle of letters is its value.
        match short.find('p') {
            Some(i) if i + 1 < short.len() && short[..i].chars().all(|c| c.is_ascii_alphabetic()) => {
                format!("-{}{MASK}", &short[..=i])
            }
            _ => arg.to_owned(),
        }
    } else {
        arg.to_owned()
    };
    advisor::mask_secrets(&masked).into_owned()
}

/// A long option's name that says it holds a secret.
fn secret_option(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["pass", "pwd", "secret", "token"].iter().any(|w| n.contains(w))
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
    fn spellings_kept_from_the_hand_written_parser() {
        // Short options take `=` as part of the value; only long ones split there.
        assert_eq!(
            p(&["check", "-f=json"]).unwrap_err(),
            "invalid value '=json' for '--format' (expected one of: text, json, markdown)"
        );
        assert_eq!(p(&["check", "-hx"]).unwrap_err(), "unknown option '-hx'");
        assert_eq!(p(&["--help="]).unwrap_err(), "unknown option '--help='");
        assert_eq!(p(&["check", "-xyz"]).unwrap_err(), "unknown option '-xyz'");
        // A value may look like an option; `--` is a value after an option that takes one.
        assert_eq!(
            p(&["check", "--format", "--"]).unwrap_err(),
            "invalid value '--' for '--format' (expected one of: text, json, markdown)"
        );
        let a = p(&["-V", "--colour", "always", "-", "--", "--help"]).unwrap();
        assert!(a.version && !a.help);
        assert_eq!(a.color, Color::Always);
        assert_eq!(a.command.as_deref(), Some("-"));
        assert_eq!(a.positionals, ["--help"]);
        assert_eq!(p(&["-l"]).unwrap_err(), "option '--lang' needs a value");
        assert_eq!(
            p(&["--format="]).unwrap_err(),
            "invalid value '' for '--format' (expected one of: text, json, markdown)"
        );
    }

    #[test]
    fn secrets_in_mistaken_arguments_are_masked() {
        for (args, want) in [
            (&["check", "--password=S3cret"][..], "unknown option '--password=****'"),
            (&["check", "--PASS=S3cret"], "unknown option '--PASS=****'"),
            (&["check", "--db-pwd=S3cret"], "unknown option '--db-pwd=****'"),
            (&["check", "-pS3cret"], "unknown option '-p****'"),
            (&["check", "-vpS3cret"], "unknown option '-vp****'"),
            (&["check", "--format", "-pS3cret"], "invalid value '-p****' for '--format'"),
            (&["check", "--color=--password=S3cret"], "invalid value '--password=****' for '--color'"),
        ] {
            let err = p(args).unwrap_err();
            assert!(err.starts_with(want), "{args:?}: {err}");
            assert!(!err.contains("S3cret"), "{args:?}: {err}");
        }
        // Nothing to mask.
        assert_eq!(shown("--frmat=json"), "--frmat=json");
        assert_eq!(shown("-p"), "-p");
        assert_eq!(shown("-"), "-");
        assert_eq!(shown("my-path/x.cnf"), "my-path/x.cnf");
        assert_eq!(shown("--password="), "--password=");
    }

    #[test]
    fn language_from_flag_and_environment() {
        let v: Vec<String> = ["check", "-l", "zh"].iter().map(|s| s.to_string()).collect();
        assert_eq!(early_lang(&v), Some(Lang::ZhCn));
        let v: Vec<String> = ["--lang=en", "x"].iter().map(|s| s.to_string()).collect();
        assert_eq!(early_lang(&v), Some(Lang::En));
        // The first valid one, past errors; a value of another option is not a flag.
        let v: Vec<String> = ["--frmat=x", "--lang", "fr", "-f", "-l", "--lang=zh-CN", "--lang", "en"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(early_lang(&v), Some(Lang::ZhCn));
        let v: Vec<String> = ["check", "--", "--lang=zh-CN"].iter().map(|s| s.to_string()).collect();
        assert_eq!(early_lang(&v), None);
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
