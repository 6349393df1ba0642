use crate::examples::EXAMPLES;
use crate::state::{Action, Theme};
use crate::tr::t;
use advisor::Lang;
use advisor::i18n::k;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub theme: Theme,
    pub example: Option<&'static str>,
    pub embed: bool,
    pub dispatch: Callback<Action>,
}

/// Title, Examples menu, language switch and theme toggle.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let lang = p.lang;
    let on_example = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(ex) = crate::examples::find(&value) {
                dispatch.emit(Action::LoadExample(ex.id));
            }
        })
    };
    let on_lang = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(l) = Lang::from_tag(&value) {
                dispatch.emit(Action::SetLang(l));
            }
        })
    };
    let dark_now = match p.theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => crate::dom::prefers_dark(),
    };
    let on_theme = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::SetTheme(if dark_now { Theme::Light } else { Theme::Dark }))
        })
    };
    let theme_label = t(lang, if dark_now { k::UI_THEME_TO_LIGHT } else { k::UI_THEME_TO_DARK });
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ t(lang, k::UI_TITLE) }</h1>
                if !p.embed {
                    <p class="tagline">{ t(lang, k::UI_TAGLINE) }</p>
                }
            </div>
            <div class="controls">
                <label class="control">
                    <span>{ t(lang, k::UI_EXAMPLES) }</span>
                    <select id="examples" onchange={on_example}>
                        <option value="" selected={p.example.is_none()}>{ t(lang, k::UI_EXAMPLES_CHOOSE) }</option>
                        { for EXAMPLES.iter().map(|ex| html! {
                            <option value={ex.id} selected={p.example == Some(ex.id)}>
                                { t(lang, ex.name) }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="control">
                    <span>{ t(lang, k::UI_LANGUAGE) }</span>
                    <select id="lang" onchange={on_lang}>
                        <option value="en" selected={lang == Lang::En}>{ "English" }</option>
                        <option value="zh-CN" selected={lang == Lang::ZhCn}>{ "简体中文" }</option>
                    </select>
                </label>
                <button type="button" id="theme" class="button" onclick={on_theme}
                    aria-label={theme_label.clone()} title={theme_label}>
                    { if dark_now { "☀" } else { "☾" } }
                </button>
            </div>
        </header>
    }
}
