use crate::state::InputDoc;
use crate::tr::{f, t};
use advisor::i18n::k;
use advisor::{Evidence, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceViewProps {
    pub evidence: Evidence,
    pub inputs: Rc<Vec<InputDoc>>,
    pub lang: Lang,
}

const CONTEXT: u32 = 2;

/// "input, line N" / "input, lines N–M" for `e`, with the file's line numbers when `doc` is a
/// scanned log's excerpt.
pub fn place_label(lang: Lang, e: &Evidence, doc: Option<&InputDoc>) -> String {
    let shown = |n: u32| doc.map_or(u64::from(n), |d| d.shown_line(n)).to_string();
    if e.line_start == e.line_end {
        f(lang, k::UI_EVIDENCE_AT_LINE, &[("input", &e.input_name), ("n", &shown(e.line_start))])
    } else {
        f(
            lang,
            k::UI_EVIDENCE_AT_LINES,
            &[("input", &e.input_name), ("start", &shown(e.line_start)), ("end", &shown(e.line_end))],
        )
    }
}

/// The lines to show around evidence on lines `start..=end` of a `total`-line input: up to
/// [`CONTEXT`] before and after — but only lines that are the evidence's neighbours in the file
/// (`shown` gives a line's number in the file): in a scanned log's excerpt the next excerpt line
/// may be thousands of lines further down the file, and is not context.
fn context_range(start: u32, end: u32, total: u32, shown: impl Fn(u32) -> u64) -> (u32, u32) {
    let mut first = start.max(1);
    while first > 1
        && first - 1 <= total
        && start - (first - 1) <= CONTEXT
        && shown(first - 1) + 1 == shown(first)
    {
        first -= 1;
    }
    let mut last = end.max(first);
    while last < total && (last + 1) - end <= CONTEXT && shown(last) + 1 == shown(last + 1) {
        last += 1;
    }
    (first, last)
}

/// How many lines before the context the masker also reads: a secret's cue can be on an earlier
/// line (`IDENTIFIED BY` before a `-> 'password';` continuation, a YAML `>-` before its value).
const MASK_LOOKBACK: u32 = 50;

/// Lines `first..=last` (1-based) of `all`, with secrets masked as the core masks the evidence
/// itself (the same masker), reading from [`MASK_LOOKBACK`] lines earlier so that a secret whose
/// cue is on an earlier line is masked too. Should the masker change the number of lines, each
/// line is masked alone and a line the window masked differently is hidden.
fn masked_lines(all: &[&str], first: u32, last: u32) -> Vec<String> {
    let from = first.saturating_sub(MASK_LOOKBACK).max(1);
    let window: Vec<&str> =
        all.iter().skip((from - 1) as usize).take((last - from + 1) as usize).copied().collect();
    let joined = window.join("\n");
    let masked = advisor::mask_secrets(&joined);
    let lines: Vec<&str> = masked.split('\n').collect();
    let skip = (first - from) as usize;
    if lines.len() == window.len() {
        return lines[skip..].iter().map(|l| (*l).to_owned()).collect();
    }
    window[skip..].iter().map(|l| advisor::mask_secrets(l).into_owned()).collect()
}

/// The evidence lines, highlighted, with a little context; clicking jumps to them in the input.
#[function_component(EvidenceView)]
pub fn evidence_view(p: &EvidenceViewProps) -> Html {
    let e = &p.evidence;
    let lang = p.lang;
    let doc = p.inputs.get(e.input);
    let text = doc.map(|i| i.text.clone()).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    let excerpt: Vec<&str> = e.excerpt.lines().collect();
    let shown = |n: u32| doc.map_or(u64::from(n), |d| d.shown_line(n));
    let (first, last) = context_range(e.line_start, e.line_end, all.len() as u32, shown);
    let context = if last >= first && (last as usize) <= all.len() {
        masked_lines(&all, first, last)
    } else {
        Vec::new()
    };
    let rows: Vec<(u64, String, bool)> = (first..=last)
        .map(|n| {
            let hit = n >= e.line_start && n <= e.line_end;
            let line = if hit {
                excerpt.get((n - e.line_start) as usize).map(|s| (*s).to_owned()).unwrap_or_default()
            } else {
                context.get((n - first) as usize).cloned().unwrap_or_default()
            };
            (shown(n), line, hit)
        })
        .collect();
    let on_jump = {
        let (input, start, end, line) = (e.input, e.range.start, e.range.end, e.line_start);
        Callback::from(move |_| crate::dom::jump_to(input, &text, start, end, line))
    };
    let place = place_label(lang, e, doc);
    html! {
        <figure class="evidence">
            <figcaption>
                <button type="button" class="link-button jump" onclick={on_jump} title={t(lang, k::UI_JUMP_TITLE)}>{ place }</button>
                if !e.label.is_empty() {
                    <span class="evidence-label">{ e.label.clone() }</span>
                }
            </figcaption>
            <pre class="code lines">
                { for rows.into_iter().map(|(n, line, hit)| html! {
                    <span class={classes!("line", hit.then_some("hit"))}><span class="ln" aria-hidden="true">{ n }</span>{ line }{ "\n" }</span>
                }) }
            </pre>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn context_stays_with_the_files_neighbours() {
        use super::context_range;
        // A plain input: two lines each side, clipped at its ends.
        assert_eq!(context_range(5, 5, 20, u64::from), (3, 7));
        assert_eq!(context_range(1, 2, 3, u64::from), (1, 3));
        // A scanned log's excerpt: lines 1–5 are the file's 10, 11, 500, 501, 9000.
        let file = [10u64, 11, 500, 501, 9000];
        let shown = |n: u32| file[(n - 1) as usize];
        assert_eq!(context_range(3, 3, 5, shown), (3, 4), "501 follows 500; 11 and 9000 are far");
        assert_eq!(context_range(2, 2, 5, shown), (1, 2));
        assert_eq!(context_range(5, 5, 5, shown), (5, 5));
        // Evidence past the end of an edited input does not panic.
        assert_eq!(context_range(9, 9, 3, u64::from), (9, 9));
    }

    #[test]
    fn context_lines_hide_secrets_as_the_core_does() {
        let context_line = |l: &str| super::masked_lines(&[l], 1, 1).remove(0);
        assert_eq!(context_line("password = hunter2"), "password = ****");
        assert_eq!(context_line("mysql -uroot -pS3cret"), "mysql -uroot -p****");
        assert!(!context_line("mysql://app:S3cret@db1:3306/x").contains("S3cret"));
        assert!(!context_line("CHANGE REPLICATION SOURCE TO SOURCE_PASSWORD='S3cret'").contains("S3cret"));
        // Not secrets: left alone.
        assert_eq!(context_line("Restart=on-failure"), "Restart=on-failure");
        assert_eq!(
            context_line("ExecStart=/usr/sbin/mysqld --pid-file=/run/mysqld.pid"),
            "ExecStart=/usr/sbin/mysqld --pid-file=/run/mysqld.pid"
        );
    }
}

#[cfg(test)]
mod mask_tests {
    use super::masked_lines;

    /// A password on its own continuation line, its `IDENTIFIED BY` on the line before the
    /// context: masked (issue 15's secrets test found it shown).
    #[test]
    fn a_secret_whose_cue_is_on_an_earlier_line_is_masked() {
        let text = "mysql> CLONE INSTANCE FROM 'u'@'h':3306\n    -> IDENTIFIED BY\n    -> 'Qz7Wrap9Kx';\nERROR 3707 (HY000): x";
        let all: Vec<&str> = text.lines().collect();
        let lines = masked_lines(&all, 3, 4);
        assert_eq!(lines.len(), 2);
        assert!(!lines[0].contains("Qz7Wrap9Kx"), "{lines:?}");
        assert_eq!(lines[1], "ERROR 3707 (HY000): x");
        assert_eq!(masked_lines(&all, 1, 1)[0], "mysql> CLONE INSTANCE FROM 'u'@'h':3306");
    }
}
