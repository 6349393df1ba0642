//! The core's layers, enforced (rust-analyzer's "tidy" tests do the same): every `crate::…` path in
//! the core's non-test code names a module its own top-level module may import, as written in the
//! table of docs/ARCHITECTURE.md ("Layers"). Items and modules under `#[cfg(test)]` are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// The allowed edges: `module → modules it may import`, read from ARCHITECTURE.md.
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ARCHITECTURE.md");
    let text = fs::read_to_string(&doc).expect("docs/ARCHITECTURE.md");
    let start = text.find("<!-- layers: begin -->").expect("a layers table in ARCHITECTURE.md");
    let end = text.find("<!-- layers: end -->").expect("the end of the layers table");
    let mut map = BTreeMap::new();
    for row in text[start..end].lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').collect();
        let names =
            |cell: &str| -> Vec<String> { cell.split('`').skip(1).step_by(2).map(str::to_owned).collect() };
        let module = names(cells[1]).pop().expect("a module name");
        map.insert(module, names(cells[2]).into_iter().collect());
    }
    assert!(map.len() > 5, "the layers table has too few rows: {map:?}");
    map
}

/// The first segment after `crate::` of every path in non-test code.
#[derive(Default)]
struct Imports {
    found: Vec<(String, usize)>,
    /// `#[cfg(test)] mod name;` declarations: files to leave out.
    test_mods: Vec<String>,
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && a.meta.require_list().is_ok_and(|l| l.tokens.to_string() == "test")
    })
}

impl<'ast> Visit<'ast> for Imports {
    fn visit_item(&mut self, i: &'ast syn::Item) {
        let attrs = match i {
            syn::Item::Mod(m) => {
                if is_cfg_test(&m.attrs) && m.content.is_none() {
                    self.test_mods.push(m.ident.to_string());
                }
                &m.attrs
            }
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Impl(x) => &x.attrs,
            syn::Item::Struct(x) => &x.attrs,
            syn::Item::Enum(x) => &x.attrs,
            syn::Item::Const(x) => &x.attrs,
            syn::Item::Static(x) => &x.attrs,
            _ => return syn::visit::visit_item(self, i),
        };
        if !is_cfg_test(attrs) {
            syn::visit::visit_item(self, i);
        }
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_cfg_test(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    fn visit_use_tree(&mut self, t: &'ast syn::UseTree) {
        if let syn::UseTree::Path(p) = t
            && p.ident == "crate"
        {
            for name in use_heads(&p.tree) {
                self.found.push((name, p.ident.span().start().line));
            }
            return;
        }
        syn::visit::visit_use_tree(self, t);
    }
    fn visit_path(&mut self, p: &'ast syn::Path) {
        let mut segs = p.segments.iter();
        if let (Some(first), Some(second)) = (segs.next(), segs.next())
            && first.ident == "crate"
        {
            self.found.push((second.ident.to_string(), first.ident.span().start().line));
        }
        syn::visit::visit_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // Paths inside macro calls (`format!`, `assert!`…) are tokens: look for `crate :: name`.
        let tokens: Vec<String> = m.tokens.clone().into_iter().map(|t| t.to_string()).collect();
        for w in tokens.windows(4) {
            if w[0] == "crate" && w[1] == ":" && w[2] == ":" {
                self.found.push((w[3].clone(), m.path.segments[0].ident.span().start().line));
            }
        }
        syn::visit::visit_macro(self, m);
    }
}

fn use_heads(t: &syn::UseTree) -> Vec<String> {
    match t {
        syn::UseTree::Path(p) => vec![p.ident.to_string()],
        syn::UseTree::Name(n) => vec![n.ident.to_string()],
        syn::UseTree::Rename(r) => vec![r.ident.to_string()],
        syn::UseTree::Group(g) => g.items.iter().flat_map(use_heads).collect(),
        syn::UseTree::Glob(_) => vec!["*".to_owned()],
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).expect("a readable src directory") {
        let p = e.expect("a directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn imports_follow_the_layers() {
    let allowed = allowed();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut parsed = Vec::new();
    let mut test_files = BTreeSet::new();
    for path in &files {
        let text = fs::read_to_string(path).expect("a readable source file");
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut v = Imports::default();
        v.visit_file(&ast);
        // A module's children live beside `mod.rs` / `lib.rs`, or in `<name>/` for `<name>.rs`.
        let parent = path.parent().expect("a parent directory");
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let dir = if matches!(stem, "mod" | "lib") { parent.to_path_buf() } else { parent.join(stem) };
        for m in &v.test_mods {
            test_files.insert(dir.join(format!("{m}.rs")));
            test_files.insert(dir.join(m).join("mod.rs"));
        }
        parsed.push((path.clone(), v.found));
    }
    let mut bad = Vec::new();
    let mut seen_modules = BTreeSet::new();
    for (path, found) in parsed {
        if test_files.contains(&path) {
            continue;
        }
        let rel = path.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a path").as_os_str().to_string_lossy();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" {
            continue; // the crate root wires every stage together
        }
        seen_modules.insert(module.clone());
        let Some(ok) = allowed.get(&module) else {
            bad.push(format!(
                "{}: module `{module}` is not in ARCHITECTURE.md's layers table",
                rel.display()
            ));
            continue;
        };
        for (target, line) in found {
            if target == module || ok.contains(&target) {
                continue;
            }
            bad.push(format!("{}:{line}: `{module}` imports `crate::{target}`", rel.display()));
        }
    }
    assert!(bad.is_empty(), "imports against the layers (docs/ARCHITECTURE.md):\n{}", bad.join("\n"));
    for m in allowed.keys() {
        assert!(seen_modules.contains(m), "ARCHITECTURE.md lists `{m}`, which is not a module of the core");
    }
}
