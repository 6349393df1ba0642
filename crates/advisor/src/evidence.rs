//! Evidence: excerpts of the input for the lines a fact was read from. The one place after facts
//! that sees the inputs' text, so rules can cite lines without reading them.

use crate::base::Loc;
use crate::report::Evidence;
use crate::source::Source;

/// Builds evidence from the analysis' sources.
#[derive(Clone, Copy)]
pub(crate) struct Excerpts<'a> {
    sources: &'a [Source<'a>],
}

impl<'a> Excerpts<'a> {
    /// Excerpts of `sources`.
    pub fn new(sources: &'a [Source<'a>]) -> Excerpts<'a> {
        Excerpts { sources }
    }

    /// `input:line` of a location, for messages (empty for an unknown input).
    pub fn place(&self, at: Loc) -> String {
        match self.sources.get(at.input) {
            Some(s) => format!("{}:{}", s.name, s.index_map.line(at.range.start)),
            None => String::new(),
        }
    }

    /// Evidence for `loc`: the whole lines it covers, secrets masked, labelled with `label`.
    pub fn evidence(&self, loc: Loc, label: String) -> Evidence {
        let Some(src) = self.sources.get(loc.input) else {
            return Evidence {
                input: loc.input,
                input_name: String::new(),
                range: loc.range,
                line_start: 0,
                line_end: 0,
                excerpt: String::new(),
                label,
            };
        };
        let line_start = src.index_map.line(loc.range.start);
        let end_off = if loc.range.end > loc.range.start { loc.range.end - 1 } else { loc.range.start };
        let line_end = src.index_map.line(end_off).max(line_start);
        let a = src.lines.get((line_start - 1) as usize).map(|l| l.range.start).unwrap_or(0);
        let b = src.lines.get((line_end - 1) as usize).map(|l| l.range.end).unwrap_or(a);
        let (a, b) = (a as usize, b as usize);
        // Excerpts are shown line by line: CRLF inputs must not leak `\r` into them.
        let masked = crate::redact::apply_within(src.text, a..b, &src.secrets).replace("\r\n", "\n");
        Evidence {
            input: loc.input,
            input_name: src.name.to_owned(),
            range: loc.range,
            line_start,
            line_end,
            excerpt: window(masked, (loc.range.start as usize).saturating_sub(a)),
            label,
        }
    }
}

/// Longest excerpt kept, in bytes: a 16 MB line is cited by a window around the place, not whole,
/// so a report quoting it a few times stays bounded (issue 18).
pub(crate) const MAX_EXCERPT: usize = 4096;

/// `text` cut to at most [`MAX_EXCERPT`] bytes (plus the `…` that mark each cut), from a little
/// before byte `at`. The text is masked before it is cut, so a cut never reveals part of a secret.
fn window(text: String, at: usize) -> String {
    if text.len() <= MAX_EXCERPT {
        return text;
    }
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at.saturating_sub(MAX_EXCERPT / 4).min(text.len().saturating_sub(MAX_EXCERPT)));
    let end = floor(start + MAX_EXCERPT);
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_excerpts_are_cut_around_the_place() {
        assert_eq!(window("abc".into(), 1), "abc");
        let long = format!("{}X{}", "é".repeat(5000), "b".repeat(9000));
        let w = window(long.clone(), 10_000);
        assert!(w.starts_with('…') && w.ends_with('…'), "{}", &w[..10]);
        assert!(w.contains('X'));
        assert!(w.len() <= MAX_EXCERPT + 2 * '…'.len_utf8());
        let head = window(long.clone(), 0);
        assert!(head.starts_with('é') && head.ends_with('…'));
        let tail = window(long, usize::MAX);
        assert!(tail.starts_with('…') && tail.ends_with('b'));
    }
}
