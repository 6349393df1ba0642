use super::SharedReport;
use super::findings::Findings;
use super::header::Header;
use super::input_panel::InputPanel;
use super::passed_checks::PassedChecks;
use super::report_notes::ReportNotes;
use super::report_toolbar::ReportToolbar;
use super::verdicts::Verdicts;
use crate::dom;
use crate::hooks::{load_inputs, use_debounced, use_document_settings, use_embed_height, use_session_inputs};
use crate::state::{Action, InputDoc, State, Theme};
use crate::tr::t;
use advisor::i18n::k;
use advisor::{Analyzer, Input, Lang, Options};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Compact layout for iframes and docs.
    pub embed: bool,
    /// Language; else the remembered one, else the browser's.
    pub lang: Option<Lang>,
    /// An example to load (`?example=<id>`).
    pub example: Option<String>,
    /// Inputs to start with (JS `mount`).
    pub inputs: Option<Vec<(String, String)>>,
    /// Keep input in sessionStorage and settings in localStorage.
    pub remember: bool,
}

fn initial_state(props: &AppProps) -> State {
    let remembered = |key: &str| if props.remember { dom::get(dom::local(), key) } else { None };
    let lang = props
        .lang
        .or_else(|| remembered("mysql-advisor.lang").as_deref().and_then(Lang::from_tag))
        .or_else(|| dom::browser_language().as_deref().and_then(Lang::from_tag))
        .unwrap_or_default();
    let theme = remembered("mysql-advisor.theme").map_or(Theme::System, |s| Theme::from_name(&s));
    let inputs = match &props.inputs {
        Some(list) => list
            .iter()
            .enumerate()
            .map(|(i, (name, text))| InputDoc::new(i as u32, name.clone(), text.clone()))
            .collect(),
        None if props.remember => load_inputs(),
        None => Vec::new(),
    };
    let state = Rc::new(State::new(inputs, lang, theme));
    // A saved session wins over `?example=` after a reload: the example would replace what the
    // user typed (issue 15). Followed from a link, the example loads, and what it replaced stays
    // for Undo.
    let state = match props.example.as_deref().and_then(crate::examples::find) {
        Some(ex) if state.is_empty() || !dom::is_reload() => {
            yew::Reducible::reduce(state, Action::LoadExample(ex.id))
        }
        _ => state,
    };
    (*state).clone()
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer({
        let props = props.clone();
        move || initial_state(&props)
    });
    let lang = state.lang;
    let settled = use_debounced(state.inputs.clone(), 180);
    // Keeps the last analysis's work on what did not change (issue 17): the report is the one
    // `analyze_with` gives, whatever changed (an edit, the language, Clear, Undo, an example).
    let analyzer = use_mut_ref(Analyzer::default);
    let report = use_memo((settled.clone(), lang), move |(inputs, lang)| {
        // `analyzeMs`: from the new texts to the new report, all of the analyser's work.
        let started = dom::now();
        let inputs: Vec<Input> = inputs
            .iter()
            .enumerate()
            .map(|(n, i)| Input::new(i.shown_name(n, *lang), i.text.clone()))
            .collect();
        let report = analyzer.borrow_mut().analyze(&inputs, &Options { lang: *lang });
        let report = SharedReport(Rc::new(report));
        dom::record_timing("analyzeMs", dom::now() - started);
        report
    });
    use_effect_with((), |()| dom::record_timing("firstRenderMs", dom::now()));
    let report = (*report).clone();
    use_session_inputs(settled.clone(), props.remember);
    use_document_settings(lang, state.theme, props.remember, props.embed);
    let root = use_node_ref();
    use_embed_height(root.clone());

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let busy = settled != state.inputs;
    let empty = state.is_empty();
    let class = classes!("app", props.embed.then_some("embed"), busy.then_some("busy"));

    html! {
        <div {class} ref={root}>
            // The one polite live region for short announcements (a Copy's outcome): `dom::announce`.
            <div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
            <a class="skip-link" href="#results">{ t(lang, k::UI_SKIP_TO_RESULTS) }</a>
            <Header {lang} theme={state.theme} example={state.example} embed={props.embed} dispatch={dispatch.clone()} />
            <main class="layout">
                <InputPanel inputs={state.inputs.clone()} report={report.clone()} {lang} dispatch={dispatch.clone()} remember={props.remember}
                    undo={state.undo.as_ref().map(|u| u.kind)} />
                <section id="results" class="results" aria-label={t(lang, k::UI_RESULTS_LABEL)} aria-busy={busy.to_string()}>
                    <Verdicts report={report.clone()} inputs={settled.clone()} />
                    if empty {
                        <p class="hint">{ t(lang, k::UI_EMPTY_HINT) }</p>
                    } else {
                        <ReportToolbar report={report.clone()} inputs={settled.clone()} />
                        <ReportNotes report={report.clone()} />
                        <Findings report={report.clone()} inputs={settled.clone()} />
                        <PassedChecks report={report.clone()} />
                    }
                </section>
            </main>
            if !props.embed {
                <footer class="footer">
                    <p>{ t(lang, k::UI_FOOTER_PRIVACY) }</p>
                </footer>
            }
        </div>
    }
}
