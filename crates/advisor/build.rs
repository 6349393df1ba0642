//! Compiles the message catalogs (`locales/<lang>/*.ftl`) into `$OUT_DIR/catalog.rs` for
//! `src/i18n.rs`: the sorted keys once, each language's messages in key order, and a constant per
//! key (`k::RESTART_UNSUPERVISED_TITLE` for `restart-unsupervised.title`: its index in the sorted
//! keys) so that a key that does not exist fails to compile. A line the format does not allow, a
//! key defined twice, or two keys with the same constant name fail the build.

#[path = "src/ftl.rs"]
mod ftl;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The languages, in the order of `i18n::Lang`'s variants.
const LANGS: [&str; 2] = ["en", "zh-CN"];

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=src/ftl.rs");
    let mut langs: Vec<BTreeMap<String, String>> = Vec::new();
    for lang in LANGS {
        let dir = Path::new("locales").join(lang);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a readable locales directory").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut map = BTreeMap::new();
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let (messages, bad) = ftl::parse_ftl(&text);
            if let Some(line) = bad.first() {
                panic!("{}:{line}: not a message, a comment or an indented continuation", file.display());
            }
            for (k, v) in messages {
                if v.contains(['\0', '\u{1}']) {
                    panic!("{}: message {k} contains a NUL or U+0001", file.display());
                }
                if map.insert(k.clone(), v).is_some() {
                    panic!("{}: key {k} is defined twice in {lang}", file.display());
                }
            }
        }
        langs.push(map);
    }
    let mut keys: Vec<&String> = langs.iter().flat_map(|m| m.keys()).collect();
    keys.sort();
    keys.dedup();
    let join = |m: &BTreeMap<String, String>| {
        keys.iter().map(|k| m.get(*k).map_or("\u{1}", String::as_str)).collect::<Vec<_>>().join("\0")
    };
    let keys_joined = keys.iter().map(|k| k.as_str()).collect::<Vec<_>>().join("\0");
    let values: Vec<String> = langs.iter().map(|m| format!("{:?}", join(m))).collect();
    let mut code = format!(
        "#[allow(clippy::octal_escapes)]\nconst KEYS: &str = {keys_joined:?};\n\
         #[allow(clippy::octal_escapes)]\nconst VALUES: [&str; {}] = [{}];\n",
        values.len(),
        values.join(", ")
    );
    code.push_str(&key_constants(&keys, &langs[0]));
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// `pub mod k`: one `Key` constant per key, named by [`const_name`], documented with the key and
/// its English message (shown on hover in an editor).
fn key_constants(keys: &[&String], en: &BTreeMap<String, String>) -> String {
    assert!(keys.len() < usize::from(u16::MAX), "more keys than a u16 indexes");
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    let mut out = String::from(
        "/// Every catalog key as a constant: `k::RESTART_UNSUPERVISED_TITLE` is\n\
         /// `restart-unsupervised.title` (ASCII upper case, `-` and `.` as `_`).\n\
         pub mod k {\n    use super::Key;\n",
    );
    for (i, key) in keys.iter().enumerate() {
        let name = const_name(key);
        if let Some(other) = names.insert(name.clone(), key) {
            panic!("keys {other} and {key} both become the constant k::{name}: rename one");
        }
        let doc = match en.get(*key) {
            Some(m) => format!("`{key}`:\n\n```text\n{}\n```", m.replace("```", "'''")),
            None => format!("`{key}` (not in English)"),
        };
        out.push_str(&format!("    #[doc = {doc:?}]\n    pub const {name}: Key = Key({i});\n"));
    }
    out.push_str("}\n");
    out
}

/// The constant's name for `key`: ASCII upper case, `-` and `.` as `_`. A key with any other
/// character, or that does not start with a letter, fails the build.
fn const_name(key: &str) -> String {
    let ok = key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
    assert!(ok, "key {key:?}: a key is ASCII letters, digits, `-`, `_` and `.`, and starts with a letter");
    key.chars().map(|c| if matches!(c, '-' | '.') { '_' } else { c.to_ascii_uppercase() }).collect()
}
