use crate::state::InputDoc;
use crate::tr::{f, t};
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

/// A context line could hold a secret the core did not show: mask anything after `password`,
/// `secret` or `IDENTIFIED BY` (the evidence lines themselves come masked from the core).
fn mask_context(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    for key in ["password", "passwd", "secret", "identified by", "-p"] {
        if let Some(i) = lower.find(key) {
            if key == "-p" && !lower[i + 2..].starts_with(|c: char| !c.is_whitespace()) {
                continue;
            }
            let keep = i + key.len();
            return format!("{}****", &line[..keep.min(line.len())]);
        }
    }
    line.to_owned()
}

/// The evidence lines, highlighted, with a little context; clicking jumps to them in the input.
#[function_component(EvidenceView)]
pub fn evidence_view(p: &EvidenceViewProps) -> Html {
    let e = &p.evidence;
    let lang = p.lang;
    let text = p.inputs.get(e.input).map(|i| i.text.clone()).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    let excerpt: Vec<&str> = e.excerpt.lines().collect();
    let first = e.line_start.saturating_sub(CONTEXT).max(1);
    let last = (e.line_end + CONTEXT).min(all.len() as u32).max(e.line_end);
    let rows: Vec<(u32, String, bool)> = (first..=last)
        .map(|n| {
            let hit = n >= e.line_start && n <= e.line_end;
            let line = if hit {
                excerpt.get((n - e.line_start) as usize).map(|s| (*s).to_owned()).unwrap_or_default()
            } else {
                all.get((n - 1) as usize).map(|s| mask_context(s)).unwrap_or_default()
            };
            (n, line, hit)
        })
        .collect();
    let on_jump = {
        let (input, start, end, line) = (e.input, e.range.start, e.range.end, e.line_start);
        Callback::from(move |_| crate::dom::jump_to(input, &text, start, end, line))
    };
    let place = if e.line_start == e.line_end {
        f(lang, "evidence-at-line", &[("input", &e.input_name), ("n", &e.line_start.to_string())])
    } else {
        f(
            lang,
            "evidence-at-lines",
            &[
                ("input", &e.input_name),
                ("start", &e.line_start.to_string()),
                ("end", &e.line_end.to_string()),
            ],
        )
    };
    html! {
        <figure class="evidence">
            <figcaption>
                <button type="button" class="link-button jump" onclick={on_jump} title={t(lang, "jump-title")}>{ place }</button>
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
    fn context_lines_hide_secrets() {
        assert_eq!(super::mask_context("password = hunter2"), "password****");
        assert_eq!(super::mask_context("mysql -uroot -pS3cret"), "mysql -uroot -p****");
        assert_eq!(super::mask_context("Restart=on-failure"), "Restart=on-failure");
    }
}
