//! The inputs as saved in sessionStorage: a JSON array of `{"id", "name", "text", "file_lines"}`
//! objects (`file_lines` only when not empty) — the format earlier builds wrote with serde, so a
//! tab open across an upgrade keeps its inputs.
//!
//! Written by hand rather than with `serde_json::from_str`: the deserializer (with its number
//! parsing) is ~36 KB of wasm for this one small shape (docs/PERFORMANCE.md). The reader accepts
//! any valid JSON, skips keys it does not know and gives `None` for anything else; it never
//! panics (a test feeds it every prefix of a valid document and garbage).

use crate::state::InputDoc;

/// `inputs` as JSON.
pub fn to_json(inputs: &[InputDoc]) -> String {
    let mut out = String::with_capacity(inputs.iter().map(|d| d.text.len() + d.name.len() + 48).sum());
    out.push('[');
    for (i, d) in inputs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        out.push_str(&d.id.to_string());
        out.push_str(",\"name\":");
        string(&mut out, &d.name);
        out.push_str(",\"text\":");
        string(&mut out, &d.text);
        if !d.file_lines.is_empty() {
            out.push_str(",\"file_lines\":[");
            for (j, n) in d.file_lines.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push_str(&n.to_string());
            }
            out.push(']');
        }
        out.push('}');
    }
    out.push(']');
    out
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The inputs in `json`, or `None` when it is not the array this module writes.
pub fn from_json(json: &str) -> Option<Vec<InputDoc>> {
    let mut p = Parser { s: json.as_bytes(), i: 0 };
    let mut docs = Vec::new();
    p.expect(b'[')?;
    p.items(b']', |p| {
        docs.push(p.doc()?);
        Some(())
    })?;
    p.ws();
    (p.i == p.s.len()).then_some(docs)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let hit = self.s.get(self.i) == Some(&b);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }

    /// The items of an array or object whose opening bracket was read, up to `close`:
    /// `item` reads one, the commas between them are checked here.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if self.eat(close) {
            return Some(());
        }
        loop {
            item(self)?;
            if self.eat(close) {
                return Some(());
            }
            self.expect(b',')?;
        }
    }

    fn doc(&mut self) -> Option<InputDoc> {
        let (mut id, mut name, mut text, mut file_lines) = (None, None, None, Vec::new());
        self.expect(b'{')?;
        self.items(b'}', |p| {
            let key = p.string()?;
            p.expect(b':')?;
            match key.as_str() {
                "id" => id = Some(u32::try_from(p.number()?).ok()?),
                "name" => name = Some(p.string()?),
                "text" => text = Some(p.string()?),
                "file_lines" => {
                    p.expect(b'[')?;
                    p.items(b']', |p| {
                        file_lines.push(p.number()?);
                        Some(())
                    })?;
                }
                _ => p.skip(0)?,
            }
            Some(())
        })?;
        Some(InputDoc { id: id?, name: name?, text: text?, file_lines })
    }

    /// A non-negative integer.
    fn number(&mut self) -> Option<u64> {
        self.ws();
        let start = self.i;
        let mut n: u64 = 0;
        while let Some(d) = self.s.get(self.i).filter(|b| b.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.i += 1;
        }
        (self.i > start).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let b = *self.s.get(self.i)?;
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.s.get(self.i)?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            if (0xD800..0xDC00).contains(&hi) {
                                // A surrogate pair: `\uD83D\uDE00`.
                                if self.s.get(self.i..self.i + 2)? != b"\\u" {
                                    return None;
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                            } else {
                                char::from_u32(hi)?
                            }
                        }
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..0x20 => return None,
                _ => out.push(b),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        self.i += 4;
        digits.iter().try_fold(0u32, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
    }

    /// Skips one value of any kind (nesting limited, so hostile input cannot exhaust the stack).
    fn skip(&mut self, depth: u32) -> Option<()> {
        if depth > 64 {
            return None;
        }
        self.ws();
        match *self.s.get(self.i)? {
            b'"' => self.string().map(drop),
            b'[' | b'{' => {
                let close = if self.s[self.i] == b'[' { b']' } else { b'}' };
                self.i += 1;
                self.items(close, |p| {
                    if close == b'}' {
                        p.string()?;
                        p.expect(b':')?;
                    }
                    p.skip(depth + 1)
                })
            }
            _ => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
                {
                    self.i += 1;
                }
                (self.i > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<InputDoc> {
        vec![
            InputDoc::new(
                0,
                "input 1".into(),
                "[Service]\nExecStart=/usr/sbin/mysqld \"a\\b\"\t\u{1}\r\n".into(),
            ),
            InputDoc {
                file_lines: vec![7, 1_000_000_000_000],
                ..InputDoc::new(3, "日志 😀.log".into(), String::new())
            },
        ]
    }

    #[test]
    fn round_trips_and_matches_what_serde_wrote() {
        let json = to_json(&docs());
        assert_eq!(from_json(&json), Some(docs()));
        // Earlier builds saved the same shape with serde_json: it still loads, and we write it
        // byte for byte the same.
        assert_eq!(json, serde_json::to_string(&docs()).unwrap());
        assert_eq!(from_json("[]"), Some(vec![]));
        assert!(!to_json(&docs()[..1]).contains("file_lines"));
    }

    #[test]
    fn reads_escapes_and_unknown_keys() {
        let json = r#" [ {"extra": {"a": [1, -2.5e3, true, null, "x"]}, "id": 5, "name": "\u0041\ud83d\ude00\/",
            "text": "", "file_lines": [ ] } ] "#;
        let d = from_json(json).unwrap();
        assert_eq!((d[0].id, d[0].name.as_str()), (5, "A😀/"));
    }

    #[test]
    fn rejects_everything_else_without_panicking() {
        let json = to_json(&docs());
        for end in 0..json.len() {
            if json.is_char_boundary(end) {
                assert_eq!(from_json(&json[..end]), None, "prefix of {end} bytes");
            }
        }
        for bad in [
            "",
            "{}",
            "[1]",
            "[{}]",
            r#"[{"id":-1,"name":"","text":""}]"#,
            r#"[{"id":1,"name":"\ud800","text":""}]"#,
            r#"[{"id":99999999999,"name":"","text":""}]"#,
            "[] x",
            &"[".repeat(10_000),
            &format!("[{{\"x\":{}}}]", "[".repeat(10_000)),
        ] {
            assert_eq!(from_json(bad), None, "{bad:.40}");
        }
    }
}
