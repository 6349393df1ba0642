use crate::tr::t;
use advisor::{Lang, VerdictNote};
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
    // The summary often is the first reason: do not say it twice.
    let reasons: Vec<&str> =
        n.reasons.iter().map(|r| r.trim()).filter(|r| !r.is_empty() && !n.summary.contains(*r)).collect();
    html! {
        <article id={p.id.clone()} class={classes!("verdict", tone)} data-verdict={p.verdict.clone()}
            aria-labelledby={format!("{}-title", p.id)}>
            <h2 id={format!("{}-title", p.id)} class="verdict-question">{ p.title.clone() }</h2>
            <p class="verdict-answer"><span class="verdict-icon" aria-hidden="true">{ icon }</span>{ p.answer.clone() }</p>
            if !n.summary.is_empty() {
                <p class="verdict-summary">{ n.summary.clone() }</p>
            }
            if !reasons.is_empty() {
                <ul class="verdict-reasons">{ for reasons.iter().map(|r| html! { <li>{ *r }</li> }) }</ul>
            }
            if !n.missing.is_empty() {
                <div class="verdict-missing">
                    <h3>{ t(lang, "verdict-missing") }</h3>
                    <ul>{ for n.missing.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                </div>
            }
            if !n.assumptions.is_empty() {
                <div class="verdict-assumptions">
                    <h3>{ t(lang, "verdict-assumptions") }</h3>
                    <ul>{ for n.assumptions.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                </div>
            }
        </article>
    }
}
