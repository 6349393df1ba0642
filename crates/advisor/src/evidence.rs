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
        Evidence {
            input: loc.input,
            input_name: src.name.to_owned(),
            range: loc.range,
            line_start,
            line_end,
            // Excerpts are shown line by line: CRLF inputs must not leak `\r` into them.
            excerpt: crate::redact::apply_within(src.text, a..b, &src.secrets).replace("\r\n", "\n"),
            label,
        }
    }
}
