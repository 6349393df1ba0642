//! Compiles the message catalogs (`locales/<lang>/*.ftl`) into `$OUT_DIR/catalog.rs` for
//! `src/i18n.rs`: the sorted keys once, and each language's messages in key order. A line the
//! format does not allow, or a key defined twice, fails the build with its file and line.

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
    let code = format!(
        "#[allow(clippy::octal_escapes)]\nconst KEYS: &str = {keys_joined:?};\n\
         #[allow(clippy::octal_escapes)]\nconst VALUES: [&str; {}] = [{}];\n",
        values.len(),
        values.join(", ")
    );
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    fs::write(&out, code).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
