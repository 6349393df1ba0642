use crate::markdown::{code_spans, message};
use crate::state::InputDoc;
use crate::tr::{f, t};
use advisor::i18n::k;
use advisor::{Lang, VerdictNote};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct VerdictCardProps {
    pub id: AttrValue,
    /// The JSON verdict value (`works`, `fails`, …), also in `data-verdict`.
    pub verdict: AttrValue,
    pub good: bool,
    pub bad: bool,
    pub title: AttrValue,
    pub answer: AttrValue,
    pub note: VerdictNote,
    pub lang: Lang,
    /// The texts the report was made from (for jumps to the evidence).
    pub inputs: Rc<Vec<InputDoc>>,
}

impl PartialEq for VerdictCardProps {
    fn eq(&self, o: &Self) -> bool {
        self.verdict == o.verdict
            && self.answer == o.answer
            && self.lang == o.lang
            && self.note.summary == o.note.summary
            && self.note.reasons == o.note.reasons
            && self.note.missing == o.note.missing
            && self.note.assumptions == o.note.assumptions
            && self.note.evidence == o.note.evidence
            && self.note.caveats == o.note.caveats
            && self.note.tentative == o.note.tentative
            && Rc::ptr_eq(&self.inputs, &o.inputs)
    }
}

/// One verdict: the question, the answer, why, and what to paste to decide.
#[function_component(VerdictCard)]
pub fn verdict_card(p: &VerdictCardProps) -> Html {
    let lang = p.lang;
    let tone = if p.good {
        "good"
    } else if p.bad {
        "bad"
    } else {
        "unknown"
    };
    let icon = match tone {
        "good" => "✓",
        "bad" => "✗",
        _ => "?",
    };
    let n = &p.note;
    // An answer a note says may not hold is the likely one, and says so (issue 15).
    let answer = if n.tentative {
        f(lang, k::UI_VERDICT_TENTATIVE, &[("answer", &p.answer)])
    } else {
        p.answer.to_string()
    };
    let but: Vec<&str> = n.caveats.iter().filter(|c| !c.may_not_hold).map(|c| c.text.as_str()).collect();
    let unless: Vec<&str> = n.caveats.iter().filter(|c| c.may_not_hold).map(|c| c.text.as_str()).collect();
    let but_title =
        if p.id.as_str() == "verdict-replica" { k::UI_VERDICT_REPLICA_BUT } else { k::UI_VERDICT_CLONE_BUT };
    // The summary often is the first reason: do not say it twice.
    let reasons: Vec<&str> =
        n.reasons.iter().map(|r| r.trim()).filter(|r| !r.is_empty() && !n.summary.contains(*r)).collect();
    html! {
        <article id={p.id.clone()} class={classes!("verdict", tone, n.tentative.then_some("tentative"))} data-verdict={p.verdict.clone()}
            aria-labelledby={format!("{}-title", p.id)}>
            <h2 id={format!("{}-title", p.id)} class="verdict-question">{ p.title.clone() }</h2>
            <p class="verdict-answer"><span class="verdict-icon" aria-hidden="true">{ icon }</span>{ answer }</p>
            if !n.summary.is_empty() {
                <p class="verdict-summary">{ code_spans(&n.summary) }</p>
            }
            if !unless.is_empty() {
                <div class="verdict-caveats unless">
                    <p class="verdict-caveats-title">{ t(lang, k::UI_VERDICT_UNLESS) }</p>
                    <ul>{ for unless.iter().map(|c| html! { <li>{ code_spans(c) }</li> }) }</ul>
                </div>
            }
            if !but.is_empty() {
                <div class="verdict-caveats but">
                    <p class="verdict-caveats-title">{ t(lang, but_title) }</p>
                    <ul>{ for but.iter().map(|c| html! { <li>{ code_spans(c) }</li> }) }</ul>
                </div>
            }
            if !n.evidence.is_empty() {
                <p class="verdict-evidence">
                    <span>{ t(lang, k::UI_VERDICT_BASED_ON) }</span>
                    { for n.evidence.iter().map(|e| {
                        let doc = p.inputs.get(e.input);
                        let text = doc.map(|i| i.text.clone()).unwrap_or_default();
                        let (input, start, end, line) = (e.input, e.range.start, e.range.end, e.line_start);
                        let onclick = Callback::from(move |_| crate::dom::jump_to(input, &text, start, end, line));
                        let place = super::evidence_view::place_label(lang, e, doc);
                        html! {
                            <button type="button" class="link-button jump" {onclick} title={e.label.clone()}>{ place }</button>
                        }
                    }) }
                </p>
            }
            if !reasons.is_empty() {
                <details class="verdict-reasons">
                    <summary>{ f(lang, k::UI_VERDICT_REASONS, &[("n", &reasons.len().to_string())]) }</summary>
                    <ul>{ for reasons.iter().map(|r| html! { <li>{ message(r, lang) }</li> }) }</ul>
                </details>
            }
            if !n.missing.is_empty() {
                <details class="verdict-missing" open={p.verdict == "unknown"}>
                    <summary>{ t(lang, k::UI_VERDICT_MISSING) }</summary>
                    <ul>{ for n.missing.iter().map(|m| html! { <li>{ message(m, lang) }</li> }) }</ul>
                </details>
            }
            if !n.assumptions.is_empty() {
                <details class="verdict-assumptions">
                    <summary>{ t(lang, k::UI_VERDICT_ASSUMPTIONS) }</summary>
                    <ul>{ for n.assumptions.iter().map(|m| html! { <li>{ code_spans(m) }</li> }) }</ul>
                </details>
            }
        </article>
    }
}
