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
use std::collections::HashMap;
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
        catalog(self).contains_key(key)
    }
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    catalog(lang).get(key).or_else(|| catalog(Lang::En).get(key)).map(|s| s.as_str())
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

/// The catalog files, per language. Add a new area here for both languages.
const EN: &[(&str, &str)] = &[
    ("core", include_str!("../locales/en/core.ftl")),
    ("systemd", include_str!("../locales/en/systemd.ftl")),
    ("options", include_str!("../locales/en/options.ftl")),
    ("mysql", include_str!("../locales/en/mysql.ftl")),
    ("restart", include_str!("../locales/en/restart.ftl")),
    ("clone", include_str!("../locales/en/clone.ftl")),
    ("replica", include_str!("../locales/en/replica.ftl")),
    ("ui", include_str!("../locales/en/ui.ftl")),
    ("render", include_str!("../locales/en/render.ftl")),
    ("logscan", include_str!("../locales/en/logscan.ftl")),
];
const ZH: &[(&str, &str)] = &[
    ("core", include_str!("../locales/zh-CN/core.ftl")),
    ("systemd", include_str!("../locales/zh-CN/systemd.ftl")),
    ("options", include_str!("../locales/zh-CN/options.ftl")),
    ("mysql", include_str!("../locales/zh-CN/mysql.ftl")),
    ("restart", include_str!("../locales/zh-CN/restart.ftl")),
    ("clone", include_str!("../locales/zh-CN/clone.ftl")),
    ("replica", include_str!("../locales/zh-CN/replica.ftl")),
    ("ui", include_str!("../locales/zh-CN/ui.ftl")),
    ("render", include_str!("../locales/zh-CN/render.ftl")),
    ("logscan", include_str!("../locales/zh-CN/logscan.ftl")),
];

fn catalog(lang: Lang) -> &'static HashMap<String, String> {
    static EN_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    static ZH_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    match lang {
        Lang::En => EN_MAP.get_or_init(|| load(EN)),
        Lang::ZhCn => ZH_MAP.get_or_init(|| load(ZH)),
    }
}

fn load(files: &[(&str, &str)]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for (_, text) in files {
        for (k, v) in parse_ftl(text) {
            map.insert(k, v);
        }
    }
    map
}

/// Parses the catalog subset described in the module docs. Never fails: a line it does not
/// understand is skipped (the catalog tests report such lines).
pub(crate) fn parse_ftl(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let flush = |cur: &mut Option<(String, Vec<String>)>, out: &mut Vec<(String, String)>| {
        if let Some((k, lines)) = cur.take() {
            let indent = lines
                .iter()
                .filter(|l| !l.trim_ws().is_empty())
                .map(|l| l.len() - l.trim_start_ws().len())
                .min()
                .unwrap_or(0);
            let body: Vec<&str> = lines
                .iter()
                .map(|l| if l.len() >= indent { &l[indent..] } else { l.trim_start_ws() })
                .collect();
            let mut v = body.join("\n");
            while v.ends_with('\n') {
                v.pop();
            }
            out.push((k, v));
        }
    };
    for line in text.lines() {
        let is_indented = line.starts_with(' ') || line.starts_with('\t');
        if is_indented {
            if let Some((_, lines)) = current.as_mut() {
                lines.push(line.to_owned());
            }
            continue;
        }
        if line.trim_ws().is_empty() {
            if let Some((_, lines)) = current.as_mut() {
                lines.push(String::new());
            }
            continue;
        }
        flush(&mut current, &mut out);
        if line.starts_with('#') {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            let k = k.trim_ws();
            let v = v.trim_ws();
            let mut lines = Vec::new();
            if !v.is_empty() {
                lines.push(v.to_owned());
            }
            current = Some((k.to_owned(), lines));
        }
    }
    flush(&mut current, &mut out);
    out
}

/// All keys of a language's catalog (for tests and tooling).
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = catalog(lang).keys().map(|s| s.as_str()).collect();
    crate::sort::sort(&mut k);
    k
}

/// The raw (uninterpolated) message, for tests and tooling.
pub fn raw(lang: Lang, key: &str) -> Option<&'static str> {
    catalog(lang).get(key).map(|s| s.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_multi_line() {
        let v = parse_ftl("# c\na = one {x}\nb =\n    line1\n      indented\n\n    line3\nc = z\n");
        assert_eq!(v[0], ("a".into(), "one {x}".into()));
        assert_eq!(v[1], ("b".into(), "line1\n  indented\n\nline3".into()));
        assert_eq!(v[2], ("c".into(), "z".into()));
    }

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
