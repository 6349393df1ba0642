//! The report's JSON (`docs/report-schema.md`), written by hand.
//!
//! The output is byte for byte what `serde_json::to_string_pretty` gives for the report's
//! `Serialize` derive (two-space indent, `"key": value`, `[]`/`{}` when empty, serde_json's
//! string escapes) — a test compares the two on every fixture. Written by hand because serde's
//! serializer, monomorphised for every report type, is ~20 KB of the page's wasm; here each type
//! is one plain function over a small writer. Field order is the structs' declaration order,
//! and the `skip_serializing_if` fields are left out under the same conditions.

use crate::report::{
    Check, DocumentInfo, Evidence, Finding, Fix, InputInfo, Reference, Report, ServerSummary, VerdictNote,
};

/// A pretty JSON writer.
struct Json {
    out: String,
    depth: usize,
}

impl Json {
    /// Starts a member: a comma unless first in its object or array, a new line, the indent.
    fn next(&mut self) {
        if !self.out.ends_with(['{', '[']) {
            self.out.push(',');
        }
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn key(&mut self, key: &str) -> &mut Self {
        self.next();
        self.string(key);
        self.out.push_str(": ");
        self
    }

    /// `open`, what `body` writes (indented one level deeper), then `close` — on the same line
    /// when nothing was written (`{}`, `[]`).
    fn nest(&mut self, open: char, close: char, body: impl FnOnce(&mut Self)) {
        self.out.push(open);
        let mark = self.out.len();
        self.depth += 1;
        body(self);
        self.depth -= 1;
        if self.out.len() > mark {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
        self.out.push(close);
    }

    fn object(&mut self, body: impl FnOnce(&mut Self)) {
        self.nest('{', '}', body);
    }

    fn array<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.nest('[', ']', |j| {
            for item in items {
                j.next();
                each(j, item);
            }
        });
    }

    fn strings(&mut self, items: &[String]) {
        self.array(items, |j, s| j.string(s));
    }

    fn number(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }

    /// A JSON string with serde_json's escapes: `"`, `\`, the short forms `\b \f \n \r \t`,
    /// other control characters as `\u00xx`; everything else as is (UTF-8).
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut plain = 0;
        for (i, b) in s.bytes().enumerate() {
            let esc = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..0x20 => "",
                _ => continue,
            };
            self.out.push_str(&s[plain..i]);
            plain = i + 1;
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                self.out.push_str(esc);
            }
        }
        self.out.push_str(&s[plain..]);
        self.out.push('"');
    }
}

/// The report as pretty-printed JSON.
pub(crate) fn report(r: &Report) -> String {
    let mut j = Json { out: String::with_capacity(4096), depth: 0 };
    j.object(|j| {
        j.key("schema_version").number(u64::from(r.schema_version));
        j.key("lang").string(r.lang.tag());
        j.key("verdicts").object(|j| {
            j.key("clone_restart").string(r.verdicts.clone_restart.as_str());
            j.key("replica_crash_safe").string(r.verdicts.replica_crash_safe.as_str());
        });
        j.key("verdict_notes").object(|j| {
            j.key("clone_restart");
            verdict_note(j, &r.verdict_notes.clone_restart);
            j.key("replica_crash_safe");
            verdict_note(j, &r.verdict_notes.replica_crash_safe);
        });
        j.key("findings").array(&r.findings, finding);
        j.key("checks").array(&r.checks, check);
        j.key("documents").array(&r.documents, document);
        j.key("inputs").array(&r.inputs, input);
        j.key("server");
        server(j, &r.server);
        j.key("notes").strings(&r.notes);
    });
    j.out
}

fn verdict_note(j: &mut Json, n: &VerdictNote) {
    j.object(|j| {
        j.key("summary").string(&n.summary);
        j.key("reasons").strings(&n.reasons);
        j.key("missing").strings(&n.missing);
        j.key("assumptions").strings(&n.assumptions);
        j.key("evidence").array(&n.evidence, evidence);
        if n.evidence_omitted != 0 {
            j.key("evidence_omitted").number(u64::from(n.evidence_omitted));
        }
    });
}

fn finding(j: &mut Json, f: &Finding) {
    j.object(|j| {
        j.key("rule").string(f.rule);
        j.key("severity").string(f.severity.as_str());
        j.key("title").string(&f.title);
        j.key("message").string(&f.message);
        if let Some(c) = &f.channel {
            j.key("channel").string(c);
        }
        j.key("evidence").array(&f.evidence, evidence);
        if f.evidence_omitted != 0 {
            j.key("evidence_omitted").number(u64::from(f.evidence_omitted));
        }
        j.key("fixes").array(&f.fixes, fix);
        j.key("references").array(&f.references, reference);
    });
}

fn range(j: &mut Json, r: crate::text::TextRange) {
    j.object(|j| {
        j.key("start").number(u64::from(r.start));
        j.key("end").number(u64::from(r.end));
    });
}

fn evidence(j: &mut Json, e: &Evidence) {
    j.object(|j| {
        j.key("input").number(e.input as u64);
        j.key("input_name").string(&e.input_name);
        j.key("range");
        range(j, e.range);
        j.key("line_start").number(u64::from(e.line_start));
        j.key("line_end").number(u64::from(e.line_end));
        j.key("excerpt").string(&e.excerpt);
        j.key("label").string(&e.label);
    });
}

fn fix(j: &mut Json, f: &Fix) {
    j.object(|j| {
        j.key("target").string(f.target.as_str());
        j.key("title").string(&f.title);
        j.key("text").string(&f.text);
        j.key("applicability").string(f.applicability.as_str());
        if let Some(r) = &f.reason {
            j.key("reason").string(r);
        }
        if let Some(n) = &f.file_name {
            j.key("file_name").string(n);
        }
    });
}

fn reference(j: &mut Json, r: &Reference) {
    j.object(|j| {
        j.key("title").string(&r.title);
        j.key("url").string(&r.url);
    });
}

fn check(j: &mut Json, c: &Check) {
    j.object(|j| {
        j.key("rule").string(c.rule);
        j.key("status").string(c.status.as_str());
        j.key("title").string(&c.title);
        if !c.note.is_empty() {
            j.key("note").string(&c.note);
        }
    });
}

fn document(j: &mut Json, d: &DocumentInfo) {
    j.object(|j| {
        j.key("input").number(d.input as u64);
        j.key("kind").string(d.kind.as_str());
        j.key("label").string(&d.label);
        j.key("line_start").number(u64::from(d.line_start));
        j.key("line_end").number(u64::from(d.line_end));
        j.key("range");
        range(j, d.range);
        j.key("problems").strings(&d.problems);
    });
}

fn input(j: &mut Json, i: &InputInfo) {
    j.object(|j| {
        j.key("name").string(&i.name);
        j.key("lines").number(u64::from(i.lines));
        j.key("bytes").number(i.bytes);
        if let Some(n) = i.excerpt_lines {
            j.key("excerpt_lines").number(u64::from(n));
        }
        if let Some(n) = i.excerpt_bytes {
            j.key("excerpt_bytes").number(n);
        }
    });
}

fn server(j: &mut Json, s: &ServerSummary) {
    j.object(|j| {
        for (key, value) in [("flavor", &s.flavor), ("version", &s.version), ("unit", &s.unit)] {
            if let Some(v) = value {
                j.key(key).string(v);
            }
        }
        j.key("channels").strings(&s.channels);
        if s.channels_omitted != 0 {
            j.key("channels_omitted").number(u64::from(s.channels_omitted));
        }
    });
}

impl Report {
    /// Serialises the report as pretty JSON (the documented contract).
    pub fn to_json(&self) -> String {
        report(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_serde_json() {
        let s = "a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{1}i\u{1f}j\u{7f}k中😀";
        let mut j = Json { out: String::new(), depth: 0 };
        j.string(s);
        assert_eq!(j.out, serde_json::to_string(s).unwrap());
    }

    #[test]
    fn empty_and_nested_like_serde_json() {
        let mut j = Json { out: String::new(), depth: 0 };
        j.object(|j| {
            j.key("a").strings(&[]);
            j.key("b").object(|_| {});
            j.key("c").strings(&["x".into(), "y".into()]);
            j.key("d").array(&[1u64, 2], |j, n| j.object(|j| j.key("n").number(*n)));
        });
        let v = serde_json::json!({ "a": [], "b": {}, "c": ["x", "y"], "d": [{ "n": 1 }, { "n": 2 }] });
        assert_eq!(j.out, serde_json::to_string_pretty(&v).unwrap());
    }
}
