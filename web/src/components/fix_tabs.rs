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

/// The fixes of a finding. Steps (fixes with a `step`) are a numbered list, all shown and printed,
/// in order; the other fixes are alternatives, one tab per target (the WAI-ARIA tabs pattern:
/// arrow keys, Home and End move focus with the selection, one tab in the tab order). Every
/// alternative's panel is printed.
#[function_component(FixTabs)]
pub fn fix_tabs(p: &FixTabsProps) -> Html {
    let lang = p.report.lang;
    let selected = use_state(|| 0usize);
    let Some(finding) = p.report.findings.get(p.index) else { return html! {} };
    let mut steps: Vec<&Fix> = finding.fixes.iter().filter(|f| f.step.is_some()).collect();
    steps.sort_by_key(|f| f.step);
    let alternatives: Vec<&Fix> = finding.fixes.iter().filter(|f| f.step.is_none()).collect();
    let mut targets: Vec<FixTarget> = Vec::new();
    for fix in &alternatives {
        if !targets.contains(&fix.target) {
            targets.push(fix.target);
        }
    }
    let n = targets.len();
    let current = (*selected).min(n.saturating_sub(1));
    let base = format!("fix-{}-{}", finding.rule, p.index);
    let on_key = {
        let selected = selected.clone();
        let base = base.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (current + 1) % n,
                "ArrowLeft" => (current + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            selected.set(next);
            // The tab is already in the page: focus moves with the selection.
            crate::dom::focus_id(&format!("{base}-tab-{next}"));
        })
    };
    let target_name =
        |target: FixTarget| t(lang, advisor::i18n::dynamic(format_args!("ui.target-{}", target.as_str())));
    html! {
        <div class="fixes">
            if !steps.is_empty() {
                <p class="fix-group-label" id={format!("{base}-steps")}>{ t(lang, k::UI_FIX_STEPS) }</p>
                <ol class="fix-steps" aria-labelledby={format!("{base}-steps")}>
                    { for steps.iter().map(|fx| html! {
                        <li class="fix-step" data-step={fx.step.unwrap_or(0).to_string()}>{ fix_view(lang, fx) }</li>
                    }) }
                </ol>
            }
            if n > 1 {
                <div class="tabs" role="tablist" aria-label={t(lang, k::UI_FIX_ALTERNATIVES)} onkeydown={on_key}>
                    { for targets.iter().enumerate().map(|(i, target)| {
                        let active = i == current;
                        let onclick = { let selected = selected.clone(); Callback::from(move |_| selected.set(i)) };
                        html! {
                            <button type="button" role="tab" class={classes!("tab", active.then_some("active"))}
                                id={format!("{base}-tab-{i}")} aria-selected={active.to_string()}
                                aria-controls={format!("{base}-panel-{i}")} tabindex={if active { "0" } else { "-1" }}
                                data-target={target.as_str()} {onclick}>
                                { target_name(*target) }
                            </button>
                        }
                    }) }
                </div>
                { for targets.iter().enumerate().map(|(i, target)| html! {
                    <div class="tab-panel" role="tabpanel" id={format!("{base}-panel-{i}")} tabindex="0"
                        aria-labelledby={format!("{base}-tab-{i}")} hidden={i != current}>
                        <p class="print-only tab-panel-name">{ target_name(*target) }</p>
                        { for alternatives.iter().filter(|fx| fx.target == *target).map(|fx| fix_view(lang, fx)) }
                    </div>
                }) }
            } else {
                { for alternatives.iter().map(|fx| fix_view(lang, fx)) }
            }
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
            <pre class="code fix-text"><code>{ text.clone() }</code></pre>
            <div class="fix-actions no-print">
                <super::CopyButton text={text.clone()} {lang} label={k::UI_COPY_FIX} class="copy-fix" />
                if downloadable {
                    <button type="button" class="button small download-fix" onclick={on_download}>
                        { crate::tr::f(lang, k::UI_DOWNLOAD_FILE, &[("name", &short_name)]) }
                    </button>
                }
            </div>
        </div>
    }
}
