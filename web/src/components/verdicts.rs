use super::SharedReport;
use super::verdict_card::VerdictCard;
use crate::state::InputDoc;
use crate::tr::t;
use advisor::i18n::k;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictsProps {
    pub report: SharedReport,
    pub inputs: Rc<Vec<InputDoc>>,
}

/// The two answers first, and a live region that announces them when they change.
#[function_component(Verdicts)]
pub fn verdicts(p: &VerdictsProps) -> Html {
    let r = &p.report;
    let lang = r.lang;
    let clone = r.verdicts.clone_restart.as_str();
    let replica = r.verdicts.replica_crash_safe.as_str();
    let clone_answer = t(lang, advisor::i18n::dynamic(format_args!("ui.verdict-clone-{clone}")));
    let replica_answer = t(lang, advisor::i18n::dynamic(format_args!("ui.verdict-replica-{replica}")));
    let announcement = format!(
        "{} {} {} {}",
        t(lang, k::UI_VERDICT_CLONE_TITLE),
        clone_answer,
        t(lang, k::UI_VERDICT_REPLICA_TITLE),
        replica_answer
    );
    html! {
        <div class="verdicts">
            <VerdictCard id="verdict-clone" verdict={clone} good={clone == "works"} bad={matches!(clone, "fails" | "stays-down")}
                title={t(lang, k::UI_VERDICT_CLONE_TITLE)} answer={clone_answer}
                note={r.verdict_notes.clone_restart.clone()} {lang} inputs={p.inputs.clone()} />
            <VerdictCard id="verdict-replica" verdict={replica} good={replica == "yes"} bad={replica == "no"}
                title={t(lang, k::UI_VERDICT_REPLICA_TITLE)} answer={replica_answer}
                note={r.verdict_notes.replica_crash_safe.clone()} {lang} inputs={p.inputs.clone()} />
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}
