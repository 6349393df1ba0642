//! The message catalog: every string a user reads, in English and Simplified Chinese.
//!
//! Messages live in `locales/<lang>/<area>.ftl`, one file per area so that areas can be edited
//! independently. The format is a small subset of Fluent:
//!
//! ```text
//! # a comment
//! key = a one-line message with a {placeholder}
//! other-key =
//!     a message over several lines;
//!     the common indentation is removed and the lines are joined with `\n`.
//! ```
//!
//! Keys are kebab-case, dotted by area (`restart-unsupervised.title`), and `build.rs` makes each a
//! constant of [`k`] (`k::RESTART_UNSUPERVISED_TITLE`), so a key that does not exist does not
//! compile. A message is looked up with [`Lang::t`] (no arguments) or [`Lang::fmt`] (with `{name}`
//! placeholders):
//!
//! ```
//! use advisor::Lang;
//! use advisor::i18n::k;
//!
//! assert!(Lang::En.fmt(k::CORE_NOTE_LOSSY, &[("input", "my.cnf")]).contains("my.cnf"));
//! ```
//!
//! The few keys built at run time — a rule's `.name` from its id, an error number's explanation —
//! go through [`dynamic`], the one way from a string to a key; tests check that every name built
//! exists in both languages. A key missing from a language falls back to English, and a test keeps
//! both catalogs complete.

use crate::text::TrimWs;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// A message's key: an index into the catalog's sorted keys, named by a constant of [`k`]. Lookup
/// is an index, and key names are compared only to build a key at run time ([`dynamic`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(u16);

impl Key {
    /// What [`dynamic`] gives for a name the catalog lacks: no message, an empty name.
    const MISSING: Key = Key(u16::MAX);

    /// The key's name (`restart-unsupervised.title`).
    pub fn name(self) -> &'static str {
        catalog().keys.get(usize::from(self.0)).copied().unwrap_or("")
    }

    /// The key named `name`, if the catalog has it (for tests and tooling; code that builds a key
    /// at run time uses [`dynamic`]).
    pub fn lookup(name: &str) -> Option<Key> {
        let i = catalog().keys.binary_search(&name).ok()?;
        u16::try_from(i).ok().map(Key)
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.name())
    }
}

/// The key named `name`, for a key built at run time: `dynamic(format_args!("{id}.name"))`. The
/// one way from a string to a key in the crates' code; every caller has a test that each name it
/// can build exists in both languages. A name that does not exist is a bug: debug builds panic,
/// release builds render an empty message.
pub fn dynamic(name: fmt::Arguments<'_>) -> Key {
    let key = match name.as_str() {
        Some(s) => Key::lookup(s),
        None => Key::lookup(&name.to_string()),
    };
    debug_assert!(key.is_some(), "no catalog key {name}");
    key.unwrap_or(Key::MISSING)
}

/// A user interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese (简体中文).
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    /// All supported languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `en` or `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Parses a tag (`en`, `en-US`, `zh`, `zh-CN`, `zh-Hans`, case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim_ws().to_ascii_lowercase();
        if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Some(Lang::En)
        } else if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::ZhCn)
        } else {
            None
        }
    }

    /// The message for `key`, without arguments.
    pub fn t(self, key: Key) -> String {
        self.fmt(key, &[])
    }

    /// The message for `key` with `{name}` placeholders replaced by `args`.
    /// `{{` and `}}` produce literal braces.
    pub fn fmt(self, key: Key, args: &[(&str, &str)]) -> String {
        interpolate(lookup(self, key).unwrap_or(key.name()), args)
    }

    /// True when `key` exists in this language's catalog (no fallback).
    pub fn has(self, key: Key) -> bool {
        message(self, key).is_some()
    }
}

/// The message for `key` in `lang`, else in English.
fn lookup(lang: Lang, key: Key) -> Option<&'static str> {
    message(lang, key).or_else(|| message(Lang::En, key))
}

fn interpolate(raw: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    let mut rest = raw;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(close) = tail.find('}')
        {
            let name = &tail[1..close];
            if let Some((_, v)) = args.iter().find(|(k, _)| *k == name) {
                out.push_str(v);
            } else {
                out.push_str(&tail[..=close]);
            }
            rest = &tail[close + 1..];
            continue;
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

// The catalogs, compiled by `build.rs` from `locales/`: `KEYS`, every key of either language,
// sorted and `\0`-separated; `VALUES`, per language, the messages in the same order (`\u{1}`
// where the language lacks the key). One copy of the keys instead of one per language, no
// comments or indentation, and no parsing at run time.
include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// A message missing from a language.
const MISSING: &str = "\u{1}";

struct Catalog {
    keys: Vec<&'static str>,
    values: [Vec<&'static str>; 2],
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog {
        keys: KEYS.split('\0').collect(),
        values: VALUES.map(|v| v.split('\0').collect()),
    })
}

/// The message for `key` in `lang` itself (no fallback).
fn message(lang: Lang, key: Key) -> Option<&'static str> {
    catalog().values[lang as usize].get(usize::from(key.0)).copied().filter(|v| *v != MISSING)
}

/// All keys of a language's catalog (for tests and tooling).
pub fn keys(lang: Lang) -> Vec<Key> {
    let values = &catalog().values[lang as usize];
    (0..values.len())
        .filter_map(|i| u16::try_from(i).ok())
        .map(Key)
        .filter(|k| message(lang, *k).is_some())
        .collect()
}

/// The raw (uninterpolated) message, for tests and tooling.
pub fn raw(lang: Lang, key: Key) -> Option<&'static str> {
    message(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_and_escapes() {
        assert_eq!(interpolate("a {x} {{y}} {z}", &[("x", "1")]), "a 1 {y} {z}");
    }

    #[test]
    fn keys_are_indexes_into_the_sorted_names() {
        assert_eq!(k::RESTART_UNSUPERVISED_TITLE.name(), "restart-unsupervised.title");
        assert_eq!(Key::lookup("restart-unsupervised.title"), Some(k::RESTART_UNSUPERVISED_TITLE));
        let id = "restart-unsupervised";
        assert_eq!(dynamic(format_args!("{id}.title")), k::RESTART_UNSUPERVISED_TITLE);
        assert_eq!(Key::lookup("restart-unsupervised.no-such-key"), None);
        assert_eq!(Key::lookup(""), None);
        let names = &catalog().keys;
        assert!(names.windows(2).all(|w| w[0] < w[1]), "the names are sorted and unique");
        for (i, name) in names.iter().enumerate() {
            assert_eq!(Key::lookup(name).map(|k| usize::from(k.0)), Some(i), "{name}");
        }
        assert_eq!(Lang::En.t(Key::MISSING), "");
    }

    #[test]
    fn both_catalogs_have_the_same_keys_and_placeholders() {
        let en = keys(Lang::En);
        let zh = keys(Lang::ZhCn);
        let missing_zh: Vec<_> = en.iter().filter(|k| !Lang::ZhCn.has(**k)).collect();
        let missing_en: Vec<_> = zh.iter().filter(|k| !Lang::En.has(**k)).collect();
        assert!(missing_zh.is_empty(), "keys missing in zh-CN: {missing_zh:?}");
        assert!(missing_en.is_empty(), "keys missing in en: {missing_en:?}");
        for k in en {
            let a = placeholders(raw(Lang::En, k).unwrap());
            let b = placeholders(raw(Lang::ZhCn, k).unwrap());
            assert_eq!(a, b, "placeholders differ for {k:?}");
        }
    }

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        let mut rest = s.replace("{{", "").replace("}}", "");
        while let Some(i) = rest.find('{') {
            let Some(j) = rest[i..].find('}') else { break };
            v.push(rest[i + 1..i + j].to_owned());
            rest = rest[i + j + 1..].to_owned();
        }
        v.sort();
        v.dedup();
        v
    }
}
