use super::SharedReport;
use crate::tr::t;
use advisor::i18n::k;
use advisor::{Applicability, Fix, FixTarget};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixTabsProps {
    pub report: SharedReport,
    pub index: usize,
}

fn default_file_name(target: FixTarget) -> &'static str {
    match target {
        FixTarget::SystemdDropin => "override.conf",
        FixTarget::MyCnf => "mysql-advisor.cnf",
        FixTarget::Sql => "fix.sql",
        FixTarget::Shell => "fix.sh",
        FixTarget::LauncherFile => "launcher.txt",
    }
}

/// The fixes of a finding, one tab per target, each with copy and download.
#[function_component(FixTabs)]
pub fn fix_tabs(p: &FixTabsProps) -> Html {
    let lang = p.report.lang;
    let selected = use_state(|| 0usize);
    let Some(finding) = p.report.findings.get(p.index) else { return html! {} };
    let mut targets: Vec<FixTarget> = Vec::new();
    for fix in &finding.fixes {
        if !targets.contains(&fix.target) {
            targets.push(fix.target);
        }
    }
    let current = targets.get(*selected).copied().or_else(|| targets.first().copied());
    let base = format!("fix-{}-{}", finding.rule, p.index);
    let on_key = {
        let selected = selected.clone();
        let n = targets.len();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (*selected + 1) % n,
                "ArrowLeft" => (*selected + n - 1) % n,
                _ => return,
            };
            e.prevent_default();
            selected.set(next);
        })
    };
    html! {
        <div class="fixes">
            <div class="tabs" role="tablist" aria-label={t(lang, k::UI_FIXES)} onkeydown={on_key}>
                { for targets.iter().enumerate().map(|(i, target)| {
                    let active = Some(*target) == current;
                    let onclick = { let selected = selected.clone(); Callback::from(move |_| selected.set(i)) };
                    html! {
                        <button type="button" role="tab" class={classes!("tab", active.then_some("active"))}
                            id={format!("{base}-tab-{i}")} aria-selected={active.to_string()}
                            aria-controls={format!("{base}-panel")} tabindex={if active { "0" } else { "-1" }}
                            data-target={target.as_str()} {onclick}>
                            { t(lang, advisor::i18n::dynamic(format_args!("ui.target-{}", target.as_str()))) }
                        </button>
                    }
                }) }
            </div>
            <div class="tab-panel" role="tabpanel" id={format!("{base}-panel")}
                aria-labelledby={format!("{base}-tab-{}", *selected)}>
                { for finding.fixes.iter().filter(|fx| Some(fx.target) == current).map(|fx| fix_view(lang, fx)) }
            </div>
        </div>
    }
}

fn fix_view(lang: advisor::Lang, fx: &Fix) -> Html {
    let applicability = match fx.applicability {
        Applicability::Safe => "safe",
        Applicability::NeedsReview => "needs-review",
        Applicability::DisplayOnly => "display-only",
    };
    let text = fx.text.clone();
    let on_copy = {
        let text = text.clone();
        Callback::from(move |_| crate::dom::copy(&text))
    };
    // A ready file (a drop-in, an option file) is offered for download; display-only text is not.
    let downloadable = fx.file_name.is_some() || fx.applicability != Applicability::DisplayOnly;
    let file_name = fx.file_name.clone().unwrap_or_else(|| default_file_name(fx.target).to_owned());
    let short_name = file_name.rsplit('/').next().unwrap_or(&file_name).to_owned();
    let on_download = {
        let text = text.clone();
        let short_name = short_name.clone();
        Callback::from(move |_| crate::dom::download(&short_name, "text/plain", &text))
    };
    html! {
        <div class="fix" data-target={fx.target.as_str()}>
            <div class="fix-head">
                <span class="fix-title">{ fx.title.clone() }</span>
                <span class={classes!("applicability", applicability)}>{ t(lang, advisor::i18n::dynamic(format_args!("ui.applicability-{applicability}"))) }</span>
            </div>
            if let Some(reason) = &fx.reason {
                <p class="fix-reason">{ crate::markdown::code_spans(reason) }</p>
            }
            if fx.file_name.is_some() {
                <p class="fix-file"><code>{ file_name.clone() }</code></p>
            }
            <pre class="code fix-text"><code>{ text }</code></pre>
            <div class="fix-actions no-print">
                <button type="button" class="button small copy-fix" onclick={on_copy}>{ t(lang, k::UI_COPY) }</button>
                if downloadable {
                    <button type="button" class="button small download-fix" onclick={on_download}>
                        { crate::tr::f(lang, k::UI_DOWNLOAD_FILE, &[("name", &short_name)]) }
                    </button>
                }
            </div>
        </div>
    }
}
