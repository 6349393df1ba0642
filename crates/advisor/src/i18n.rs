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
//! Keys are kebab-case, dotted by area (`restart-unsupervised.title`). A message is looked up with
//! [`Lang::t`] (no arguments) or [`Lang::fmt`] (with `{name}` placeholders). A key missing from a
//! language falls back to English; a key missing everywhere renders as the key itself, and a test
//! keeps both catalogs complete.

use crate::text::TrimWs;

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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
    pub fn t(self, key: &str) -> String {
        self.fmt(key, &[])
    }

    /// The message for `key` with `{name}` placeholders replaced by `args`.
    /// `{{` and `}}` produce literal braces.
    pub fn fmt(self, key: &str, args: &[(&str, &str)]) -> String {
        let raw = lookup(self, key).unwrap_or(key);
        interpolate(raw, args)
    }

    /// True when `key` exists in this language's catalog (no fallback).
    pub fn has(self, key: &str) -> bool {
        message(self, key).is_some()
    }
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
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
fn message(lang: Lang, key: &str) -> Option<&'static str> {
    let c = catalog();
    let i = c.keys.binary_search(&key).ok()?;
    c.values[lang as usize].get(i).copied().filter(|v| *v != MISSING)
}

/// All keys of a language's catalog (for tests and tooling).
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let c = catalog();
    c.keys.iter().zip(&c.values[lang as usize]).filter(|(_, v)| **v != MISSING).map(|(k, _)| *k).collect()
}

/// The raw (uninterpolated) message, for tests and tooling.
pub fn raw(lang: Lang, key: &str) -> Option<&'static str> {
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
    fn both_catalogs_have_the_same_keys_and_placeholders() {
        let en = keys(Lang::En);
        let zh = keys(Lang::ZhCn);
        let missing_zh: Vec<_> = en.iter().filter(|k| !Lang::ZhCn.has(k)).collect();
        let missing_en: Vec<_> = zh.iter().filter(|k| !Lang::En.has(k)).collect();
        assert!(missing_zh.is_empty(), "keys missing in zh-CN: {missing_zh:?}");
        assert!(missing_en.is_empty(), "keys missing in en: {missing_en:?}");
        for k in en {
            let a = placeholders(raw(Lang::En, k).unwrap());
            let b = placeholders(raw(Lang::ZhCn, k).unwrap());
            assert_eq!(a, b, "placeholders differ for {k}");
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
