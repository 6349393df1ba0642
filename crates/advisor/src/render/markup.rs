//! The report's message markup (`docs/report-schema.md`, "Message markup"): text with `code` spans
//! and fenced code blocks (a line of ```` ``` ````, optionally with an info string, opens a block and
//! the next such line closes it). One reader for the text and Markdown renderers and the page, so a
//! command or query in a message is shown as code everywhere (issue 15).

/// A piece of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    /// Running text (its lines, blank lines included; may hold `code` spans).
    Text(Vec<&'a str>),
    /// A command or query to run as it is; `info` is the fence's info string (`sql`, `sh`, or empty).
    Code {
        /// The fence's info string.
        info: &'a str,
        /// The lines between the fences, without the last line break.
        code: String,
    },
}

/// The info string when `line` is a fence (```` ``` ```` and optional letters), else `None`.
fn fence(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("```")?;
    rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-').then_some(rest)
}

/// Splits a message into text and code blocks. A fence left open runs to the end of the text.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut plain: Vec<&str> = Vec::new();
    let mut code: Option<(&str, Vec<&str>)> = None;
    for line in text.split('\n') {
        match (&mut code, fence(line)) {
            (Some((info, lines)), Some(_)) => {
                out.push(Block::Code { info, code: lines.join("\n") });
                code = None;
            }
            (Some((_, lines)), None) => lines.push(line),
            (None, Some(info)) => {
                if !plain.is_empty() {
                    out.push(Block::Text(std::mem::take(&mut plain)));
                }
                code = Some((info, Vec::new()));
            }
            (None, None) => plain.push(line),
        }
    }
    if let Some((info, lines)) = code {
        out.push(Block::Code { info, code: lines.join("\n") });
    }
    if plain.iter().any(|l| !l.trim().is_empty()) {
        out.push(Block::Text(plain));
    }
    out
}

/// True when the text holds a code block.
pub fn has_code(text: &str) -> bool {
    text.split('\n').any(|l| fence(l).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_text_and_code() {
        let b = blocks("Check:\n```sql\nSELECT 1;\nSELECT 2;\n```\nIt must read 1.");
        assert_eq!(
            b,
            [
                Block::Text(vec!["Check:"]),
                Block::Code { info: "sql", code: "SELECT 1;\nSELECT 2;".into() },
                Block::Text(vec!["It must read 1."]),
            ]
        );
        assert_eq!(blocks("a `b` c"), [Block::Text(vec!["a `b` c"])]);
        // An unclosed fence runs to the end; a line with text after ``` is not a fence.
        assert_eq!(blocks("x\n```\ny"), [Block::Text(vec!["x"]), Block::Code { info: "", code: "y".into() }]);
        assert_eq!(blocks("```not a fence```"), [Block::Text(vec!["```not a fence```"])]);
        assert!(has_code("a\n```\nb\n```") && !has_code("a `b`"));
    }
}
