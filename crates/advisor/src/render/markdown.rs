//! The Markdown renderer: the report for a ticket or a chat (CommonMark + GitHub tables).
//! The web page's "copy as Markdown" and `mysql-advisor check --format markdown` both use it.
//! Control characters and bidi overrides from the input are replaced as in the text renderer
//! (`render::clean`, one implementation for both).

use crate::base::DocKind;
use crate::i18n::k;
use crate::report::{CheckStatus, Evidence, Finding, FixTarget, Report};
use std::fmt::Write as _;

/// Renders the report as Markdown.
pub fn markdown(report: &Report) -> String {
    let lang = report.lang;
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", lang.t(k::RENDER_TITLE));

    // The two answers, as a table, then their explanations.
    let rows = super::verdict_rows(report);
    let _ = writeln!(md, "| {} | {} |", lang.t(k::RENDER_QUESTION), lang.t(k::RENDER_ANSWER));
    md.push_str("| --- | --- |\n");
    for r in &rows {
        let _ = writeln!(md, "| {} | **{}** (`{}`) |", cell(&r.question), cell(&r.answer), r.value);
    }
    md.push('\n');
    for r in &rows {
        let n = r.note;
        let _ = writeln!(md, "## {} — {}\n", r.question, r.answer);
        if !n.summary.is_empty() {
            let _ = writeln!(md, "{}\n", n.summary);
        }
        list(&mut md, &super::extra_reasons(n));
        for (unless, key) in [(true, k::RENDER_CAVEATS_UNLESS), (false, k::RENDER_CAVEATS_BUT)] {
            let them: Vec<String> =
                n.caveats.iter().filter(|c| c.may_not_hold == unless).map(|c| c.text.clone()).collect();
            if !them.is_empty() {
                let _ = writeln!(md, "**{}**\n", lang.t(key));
                list(&mut md, &them);
            }
        }
        if !n.assumptions.is_empty() {
            let _ = writeln!(md, "*{}*\n", lang.t(k::RENDER_ASSUMPTIONS));
            list(&mut md, &n.assumptions);
        }
        if !n.missing.is_empty() {
            let _ = writeln!(md, "**{}**\n", lang.t(k::RENDER_MISSING));
            list(&mut md, &n.missing);
        }
        if !n.evidence.is_empty() {
            let _ = writeln!(md, "*{}*\n", lang.t(k::RENDER_BASED_ON));
            for e in &n.evidence {
                evidence(&mut md, report, e);
            }
            if n.evidence_omitted > 0 {
                let count = n.evidence_omitted.to_string();
                let _ = writeln!(md, "*{}*\n", lang.fmt(k::RENDER_EVIDENCE_OMITTED, &[("count", &count)]));
            }
        }
    }

    if report.findings.is_empty() {
        let none =
            if report.nothing_recognised() { k::RENDER_NOTHING_CHECKED } else { k::RENDER_NO_FINDINGS };
        let _ = writeln!(md, "## {}\n\n{}\n", lang.t(k::RENDER_FINDINGS), lang.t(none));
    } else {
        let _ = writeln!(md, "## {} — {}\n", lang.t(k::RENDER_FINDINGS), super::counts(report));
    }
    let mut sorted: Vec<&Finding> = report.findings.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |f| f.severity);
    for f in sorted {
        finding(&mut md, report, f);
    }

    documents(&mut md, report);

    if !report.notes.is_empty() {
        let _ = writeln!(md, "## {}\n", lang.t(k::RENDER_NOTES));
        list(&mut md, &report.notes);
    }

    checks(&mut md, report);
    while md.ends_with("\n\n") {
        md.pop();
    }
    // Input text (excerpts, names, labels) cannot drive the terminal it is pasted into or shown in.
    match super::clean(&md) {
        std::borrow::Cow::Borrowed(_) => md,
        std::borrow::Cow::Owned(clean) => clean,
    }
}

fn list(md: &mut String, items: &[String]) {
    if items.is_empty() {
        return;
    }
    for i in items {
        let _ = writeln!(md, "- {}", i.replace('\n', "\n  "));
    }
    md.push('\n');
}

fn finding(md: &mut String, report: &Report, f: &Finding) {
    let lang = report.lang;
    let colon = if lang == crate::i18n::Lang::ZhCn { "：" } else { ": " };
    let _ = write!(md, "### {} `{}`{colon}{}", super::severity_label(lang, f.severity), f.rule, f.title);
    if let Some(ch) = &f.channel {
        let _ = write!(md, " ({})", super::channel_label(report, ch));
    }
    md.push_str("\n\n");
    if !f.message.is_empty() {
        let _ = writeln!(md, "{}\n", f.message);
    }
    if !f.evidence.is_empty() {
        let _ = writeln!(md, "**{}**\n", lang.t(k::RENDER_EVIDENCE));
        for e in &f.evidence {
            evidence(md, report, e);
        }
        if f.evidence_omitted > 0 {
            let count = f.evidence_omitted.to_string();
            let _ = writeln!(md, "*{}*\n", lang.fmt(k::RENDER_EVIDENCE_OMITTED, &[("count", &count)]));
        }
    }
    for fix in &f.fixes {
        let _ = write!(
            md,
            "**{}** {} *{}*",
            super::text::heading(
                lang,
                &match fix.step {
                    Some(n) => lang.fmt(k::RENDER_STEP, &[("n", &n.to_string())]),
                    None => lang.t(k::RENDER_FIX),
                }
            ),
            fix.title,
            super::fix_meta(lang, fix)
        );
        if let Some(r) = &fix.reason {
            let _ = write!(md, " — {r}");
        }
        md.push_str("\n\n");
        if let Some(file) = &fix.file_name {
            let _ = writeln!(md, "{}\n", lang.fmt(k::RENDER_FILE, &[("file", &code(file))]));
        }
        let info = match fix.target {
            FixTarget::SystemdDropin | FixTarget::MyCnf => "ini",
            FixTarget::Sql => "sql",
            FixTarget::Shell => "sh",
            FixTarget::LauncherFile => launcher_info(fix.file_name.as_deref().unwrap_or("")),
        };
        fenced(md, info, fix.text.trim_end_matches('\n'));
    }
    if !f.references.is_empty() {
        let links: Vec<String> =
            f.references.iter().map(|r| format!("[{}]({})", r.title.replace(']', "\\]"), r.url)).collect();
        let _ = writeln!(
            md,
            "{} {}\n",
            super::text::heading(lang, &lang.t(k::RENDER_REFERENCES)),
            links.join(" · ")
        );
    }
}

/// `` `name` line 7 — label `` and the lines in a fenced block with a gutter.
fn evidence(md: &mut String, report: &Report, e: &Evidence) {
    let lang = report.lang;
    let _ = write!(md, "{} {}", code(&e.input_name), super::lines_label(lang, e.line_start, e.line_end));
    if !e.label.is_empty() {
        let _ = write!(md, " — {}", e.label);
    }
    md.push_str("\n\n");
    let lines = super::numbered_lines(e);
    if lines.is_empty() {
        return;
    }
    let width = super::gutter_width(&lines);
    let mut body = String::new();
    for (n, l) in lines {
        let n = n.map(|n| n.to_string()).unwrap_or_else(|| "…".into());
        let _ = writeln!(body, "{n:>width$} | {l}");
    }
    fenced(md, "text", body.trim_end_matches('\n'));
}

fn documents(md: &mut String, report: &Report) {
    let lang = report.lang;
    let _ = writeln!(md, "## {}\n", lang.t(k::RENDER_RECOGNISED));
    if report.inputs.is_empty() {
        let _ = writeln!(md, "{}\n", lang.t(k::RENDER_NOTHING_GIVEN));
        return;
    }
    let (known, unknown): (Vec<_>, Vec<_>) =
        report.documents.iter().partition(|d| d.kind != DocKind::Unrecognized);
    if known.is_empty() {
        let _ = writeln!(md, "{}\n", lang.t(k::RENDER_NOTHING_RECOGNISED).replace('\n', " "));
    } else {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |\n| --- | --- | --- | --- |",
            lang.t(k::RENDER_INPUT),
            lang.t(k::RENDER_LINES_HEADER),
            lang.t(k::RENDER_KIND),
            lang.t(k::RENDER_WHAT)
        );
        for d in &known {
            let mut what = cell(&d.label);
            for p in &d.problems {
                let _ = write!(what, "<br>⚠ {}", cell(&lang.fmt(k::RENDER_PROBLEM, &[("problem", p)])));
            }
            let _ = writeln!(
                md,
                "| {} | {} | `{}` | {} |",
                cell(&code(&super::input_name(report, d.input))),
                super::line_span(d.line_start, d.line_end).replace('-', "–"),
                d.kind.as_str(),
                what
            );
        }
        md.push('\n');
    }
    if !unknown.is_empty() {
        let list: Vec<String> = unknown
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    code(&super::input_name(report, d.input)),
                    super::lines_label(lang, d.line_start, d.line_end)
                )
            })
            .collect();
        let _ = writeln!(
            md,
            "**{}** {}\n",
            super::text::heading(lang, &lang.t(k::RENDER_NOT_RECOGNISED)),
            list.join(", ")
        );
    }
    if let Some(s) = super::server_line(report) {
        let _ = writeln!(md, "**{}** {}\n", super::text::heading(lang, &lang.t(k::RENDER_SERVER)), s);
    }
}

fn checks(md: &mut String, report: &Report) {
    let lang = report.lang;
    let of = |s: CheckStatus| report.checks.iter().filter(move |c| c.status == s);
    let passed: Vec<_> = of(CheckStatus::Passed).collect();
    let unknown: Vec<_> = of(CheckStatus::Unknown).collect();
    let na = of(CheckStatus::NotApplicable).count();
    if passed.is_empty() && unknown.is_empty() && na == 0 {
        return;
    }
    let _ = writeln!(md, "## {}\n", lang.t(k::RENDER_CHECKS));
    if !passed.is_empty() {
        let _ =
            writeln!(md, "**{}**\n", lang.fmt(k::RENDER_CHECKS_PASSED, &[("n", &passed.len().to_string())]));
        for c in passed {
            let _ = writeln!(md, "- ✔ `{}` {}", c.rule, c.title);
        }
        md.push('\n');
    }
    if !unknown.is_empty() {
        let _ = writeln!(
            md,
            "**{}**\n",
            lang.fmt(k::RENDER_CHECKS_UNKNOWN, &[("n", &unknown.len().to_string())])
        );
        for c in unknown {
            let _ = write!(md, "- ? `{}` {}", c.rule, c.title);
            if !c.note.is_empty() {
                let _ = write!(md, " — {}", super::text::one_line(&c.note));
            }
            md.push('\n');
        }
        md.push('\n');
    }
    if na > 0 {
        let _ = writeln!(md, "{}\n", lang.fmt(k::RENDER_CHECKS_NOT_APPLICABLE, &[("n", &na.to_string())]));
    }
}

/// A fenced code block whose fence is longer than any backtick run in `body`.
fn fenced(md: &mut String, info: &str, body: &str) {
    let longest = longest_run(body, '`');
    let fence = "`".repeat(longest.max(2) + 1);
    let _ = writeln!(md, "{fence}{info}\n{body}\n{fence}\n");
}

/// Inline code that survives backticks in `s`.
fn code(s: &str) -> String {
    let n = longest_run(s, '`');
    let ticks = "`".repeat(n + 1);
    if n == 0 { format!("{ticks}{s}{ticks}") } else { format!("{ticks} {s} {ticks}") }
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for ch in s.chars() {
        if ch == c {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// Text for a table cell: one line, `|` escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The code-fence info string for a launcher's file, from its name.
fn launcher_info(file: &str) -> &'static str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    if base.ends_with(".yaml") || base.ends_with(".yml") {
        "yaml"
    } else if base.ends_with(".json") {
        "json"
    } else if base.starts_with("Dockerfile") || base.ends_with(".dockerfile") {
        "dockerfile"
    } else if base.ends_with(".conf") || base.ends_with(".ini") {
        "ini"
    } else {
        "sh"
    }
}
