//! The inputs as saved in sessionStorage: a JSON array of `{"id", "name", "text", "file_lines"}`
//! objects (`file_lines` only when not empty), written and read by serde_json from
//! [`InputDoc`]'s derives. The format is the one every earlier build wrote (by serde, then by a
//! hand-written writer byte for byte the same), so a tab open across an upgrade keeps its inputs.
//! Anything else — a truncated value, a wrong type, an id beyond `u32` — reads as `None`; unknown
//! keys are skipped; serde_json's recursion limit keeps hostile nesting from exhausting the stack.

use crate::state::InputDoc;

/// `inputs` as JSON.
pub fn to_json(inputs: &[InputDoc]) -> String {
    // Strings and integers only: serialising cannot fail.
    serde_json::to_string(inputs).unwrap_or_default()
}

/// The inputs in `json`, or `None` when it is not the array this module writes.
pub fn from_json(json: &str) -> Option<Vec<InputDoc>> {
    serde_json::from_str(json).ok()
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

    /// `docs()` as the hand-written writer before serde saved it (copied from its output).
    const SAVED_BEFORE: &str = r#"[{"id":0,"name":"input 1","text":"[Service]\nExecStart=/usr/sbin/mysqld \"a\\b\"\t\u0001\r\n"},{"id":3,"name":"日志 😀.log","text":"","file_lines":[7,1000000000000]}]"#;

    #[test]
    fn an_old_saved_session_loads_and_is_written_the_same() {
        assert_eq!(from_json(SAVED_BEFORE), Some(docs()));
        assert_eq!(to_json(&docs()), SAVED_BEFORE);
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
