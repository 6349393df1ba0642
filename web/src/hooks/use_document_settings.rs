use crate::dom;
use crate::state::Theme;
use advisor::Lang;
use yew::prelude::*;

/// Reflects the language and theme on `<html>` (`lang`, `data-theme`) and remembers them; the
/// page's own `<title>` follows the language (not when embedded: the host's title is its own).
#[hook]
pub fn use_document_settings(lang: Lang, theme: Theme, remember: bool, embed: bool) {
    use_effect_with((lang, theme), move |(lang, theme)| {
        if !embed {
            dom::set_title(&lang.t(advisor::i18n::k::UI_PAGE_TITLE));
        }
        dom::set_root_attr("lang", Some(lang.tag()));
        dom::set_root_attr("data-theme", (*theme != Theme::System).then_some(theme.as_str()));
        crate::panic::set_lang(*lang);
        if remember {
            dom::set(dom::local(), "mysql-advisor.lang", lang.tag());
            dom::set(dom::local(), "mysql-advisor.theme", theme.as_str());
        }
    });
}
