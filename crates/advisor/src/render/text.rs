//! The text renderer: what `mysql-advisor check` prints for people.
//!
//! Layout: the two verdicts with their notes; the findings, most severe first, each with its
//! evidence under a line-number gutter (like rustc and ruff), fixes and references; the counts; what
//! was recognised and what was not; notes; the checks that passed or could not decide.

use super::markup::{self, Block};
use super::{Tone, VerdictRow, clean};
use crate::base::DocKind;
use crate::i18n::{Lang, k};
use crate::report::{CheckStatus, Evidence, Finding, Report, Severity};
use std::fmt::Write as _;

/// Options for [`text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Colour with ANSI escape codes (only for a terminal).
    pub color: bool,
}

/// ANSI styles.
#[derive(Clone, Copy)]
enum St {
    Bold,
    Dim,
    Red,
    Yellow,
    Cyan,
    Green,
    Blue,
}

impl St {
    fn code(self) -> &'static str {
        match self {
            St::Bold => "1",
            St::Dim => "2",
            St::Red => "1;31",
            St::Yellow => "1;33",
            St::Cyan => "1;36",
            St::Green => "1;32",
            St::Blue => "1;34",
        }
    }
}

struct Out {
    buf: String,
    color: bool,
    lang: Lang,
}

impl Out {
    /// `s` in style `st` (control characters from the input made visible).
    fn paint(&self, st: St, s: &str) -> String {
        let s = clean(s);
        if self.color && !s.is_empty() { format!("\x1b[{}m{s}\x1b[0m", st.code()) } else { s.into_owned() }
    }
    /// Appends plain text (cleaned).
    fn push(&mut self, s: &str) {
        self.buf.push_str(&clean(s));
    }
    /// Appends already painted/cleaned text.
    fn raw(&mut self, s: &str) {
        self.buf.push_str(s);
    }
    fn nl(&mut self) {
        self.buf.push('\n');
    }
    /// Each line of `s` indented by `indent`; a code block in it (message markup) four more,
    /// without its fences.
    fn block(&mut self, indent: &str, s: &str) {
        self.lines(indent, indent, s);
    }
    /// The lines of `s` (message markup): the first after `first`, the others after `pad`; code
    /// blocks four columns further in, in the fixes' colour, without their fences.
    fn lines(&mut self, first: &str, pad: &str, s: &str) {
        let mut lead = first;
        for b in markup::blocks(s.trim_end_matches('\n')) {
            match b {
                Block::Text(lines) => {
                    for line in lines {
                        if line.is_empty() {
                            self.nl();
                        } else {
                            self.raw(lead);
                            self.push(line);
                            self.nl();
                        }
                        lead = pad;
                    }
                }
                Block::Code { code, .. } => {
                    for line in code.lines() {
                        let s = self.paint(St::Green, line);
                        let _ = writeln!(self.buf, "{lead}    {s}");
                        lead = pad;
                    }
                }
            }
        }
    }
}

/// `s` on one line: each line break and the indentation after it become one space; a code block
/// becomes a code span.
pub(super) fn one_line(s: &str) -> String {
    let words = |s: &str| s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    let parts: Vec<String> = markup::blocks(s)
        .into_iter()
        .map(|b| match b {
            Block::Text(lines) => words(&lines.join("\n")),
            Block::Code { code, .. } => format!("`{}`", words(&code)),
        })
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::new();
    for p in parts {
        // No space next to full-width punctuation (Chinese).
        if !out.is_empty()
            && !out.ends_with(['：', '，', '（'])
            && !p.starts_with(['（', '，', '。', '；', '）'])
        {
            out.push(' ');
        }
        out.push_str(&p);
    }
    out
}

/// `label:` (a full-width colon in Chinese).
pub(super) fn heading(lang: Lang, label: &str) -> String {
    match lang {
        Lang::ZhCn => format!("{label}："),
        _ => format!("{label}:"),
    }
}

fn severity_style(s: Severity) -> St {
    match s {
        Severity::Error => St::Red,
        Severity::Warning => St::Yellow,
        Severity::Info => St::Cyan,
    }
}

/// Renders the report for a terminal or a text file.
pub fn text(report: &Report, opts: &TextOptions) -> String {
    let mut o = Out { buf: String::new(), color: opts.color, lang: report.lang };
    verdicts(&mut o, report);
    findings(&mut o, report);
    documents(&mut o, report);
    notes(&mut o, report);
    checks(&mut o, report);
    // The counts close the output (like ruff's "Found 3 errors."); "no problems" was said up front.
    if let Some(worst) = report.max_severity() {
        let painted = o.paint(severity_style(worst), &super::counts(report));
        o.raw(&painted);
        o.nl();
    }
    while o.buf.ends_with("\n\n") {
        o.buf.pop();
    }
    o.buf
}

fn verdicts(o: &mut Out, report: &Report) {
    for row in super::verdict_rows(report) {
        verdict(o, &row);
    }
}

fn verdict(o: &mut Out, row: &VerdictRow<'_>) {
    let lang = o.lang;
    let (st, answer) = match row.tone {
        Tone::Good => (St::Green, format!("✔ {}", row.answer)),
        Tone::Bad => (St::Red, format!("✘ {}", row.answer)),
        Tone::Unknown => (St::Yellow, row.answer.clone()),
    };
    let q = o.paint(St::Bold, &row.question);
    let a = o.paint(st, &answer);
    let _ = writeln!(o.buf, "{q} {a}");
    let n = row.note;
    if !n.summary.is_empty() {
        o.block("  ", &n.summary);
    }
    for r in super::extra_reasons(n) {
        bullet(o, "  - ", &r);
    }
    for (unless, key) in [(true, k::RENDER_CAVEATS_UNLESS), (false, k::RENDER_CAVEATS_BUT)] {
        let mut them = n.caveats.iter().filter(|c| c.may_not_hold == unless).peekable();
        if them.peek().is_none() {
            continue;
        }
        let h = o.paint(St::Yellow, &lang.t(key));
        let _ = writeln!(o.buf, "  {h}");
        for c in them {
            bullet(o, "    - ", &c.text);
        }
    }
    if !n.assumptions.is_empty() {
        let h = o.paint(St::Dim, &lang.t(k::RENDER_ASSUMPTIONS));
        let _ = writeln!(o.buf, "  {h}");
        for a in &n.assumptions {
            bullet(o, "    - ", a);
        }
    }
    if !n.missing.is_empty() {
        let h = o.paint(St::Bold, &lang.t(k::RENDER_MISSING));
        let _ = writeln!(o.buf, "  {h}");
        for m in &n.missing {
            bullet(o, "    - ", m);
        }
    }
    if !n.evidence.is_empty() {
        let h = o.paint(St::Dim, &lang.t(k::RENDER_BASED_ON));
        let _ = writeln!(o.buf, "  {h}");
        for e in &n.evidence {
            let loc = format!("{}:{}", e.input_name, super::line_span(e.line_start, e.line_end));
            let loc = o.paint(St::Blue, &loc);
            let label = if e.label.is_empty() { String::new() } else { format!("  {}", clean(&e.label)) };
            let _ = writeln!(o.buf, "    {loc}{label}");
        }
        if n.evidence_omitted > 0 {
            let more = lang.fmt(k::RENDER_EVIDENCE_OMITTED, &[("count", &n.evidence_omitted.to_string())]);
            let more = o.paint(St::Dim, &more);
            let _ = writeln!(o.buf, "    {more}");
        }
    }
    o.nl();
}

/// A bullet whose continuation lines line up under the text (a code block four columns further).
fn bullet(o: &mut Out, lead: &str, s: &str) {
    let pad = " ".repeat(lead.chars().count());
    o.lines(lead, &pad, s);
}

fn findings(o: &mut Out, report: &Report) {
    let lang = o.lang;
    if report.findings.is_empty() && report.nothing_recognised() {
        let s = o.paint(St::Yellow, &lang.t(k::RENDER_NOTHING_CHECKED));
        o.raw(&s);
        o.nl();
        o.nl();
        return;
    }
    if report.findings.is_empty() {
        let s = o.paint(St::Green, &lang.t(k::RENDER_NO_FINDINGS));
        o.raw(&s);
        o.nl();
        o.nl();
        return;
    }
    let mut sorted: Vec<&Finding> = report.findings.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |f| f.severity);
    for f in sorted {
        finding(o, report, f);
    }
}

fn finding(o: &mut Out, report: &Report, f: &Finding) {
    let lang = o.lang;
    let st = severity_style(f.severity);
    let head = o.paint(st, &format!("{}[{}]", super::severity_label(lang, f.severity), f.rule));
    let title = o.paint(St::Bold, &f.title);
    let _ = write!(o.buf, "{head}: {title}");
    if let Some(ch) = &f.channel {
        let c = o.paint(St::Dim, &format!(" ({})", super::channel_label(report, ch)));
        o.raw(&c);
    }
    o.nl();
    o.block("  ", &f.message);
    for e in &f.evidence {
        evidence(o, e);
    }
    if f.evidence_omitted > 0 {
        let more = lang.fmt(k::RENDER_EVIDENCE_OMITTED, &[("count", &f.evidence_omitted.to_string())]);
        let more = o.paint(St::Dim, &more);
        let _ = writeln!(o.buf, "  {more}");
    }
    for fix in &f.fixes {
        let eq = o.paint(St::Blue, "=");
        let fix_word = match fix.step {
            Some(n) => lang.fmt(k::RENDER_STEP, &[("n", &n.to_string())]),
            None => lang.t(k::RENDER_FIX),
        };
        let fix_word = o.paint(St::Bold, &fix_word);
        let meta = o.paint(St::Dim, &super::fix_meta(lang, fix));
        let (sep, colon) = if lang == Lang::ZhCn { ("", "：") } else { (" ", ": ") };
        let _ = writeln!(o.buf, "  {eq} {fix_word}{sep}{meta}{colon}{}", clean(&fix.title));
        if let Some(r) = &fix.reason {
            bullet(o, "      ", r);
        }
        if let Some(file) = &fix.file_name {
            let s = o.paint(St::Dim, &lang.fmt(k::RENDER_FILE, &[("file", file)]));
            let _ = writeln!(o.buf, "      {s}");
        }
        o.nl();
        for line in fix.text.lines() {
            if line.is_empty() {
                o.nl();
            } else {
                let s = o.paint(St::Green, line);
                let _ = writeln!(o.buf, "        {s}");
            }
        }
        o.nl();
    }
    if !f.references.is_empty() {
        let eq = o.paint(St::Blue, "=");
        let h = o.paint(St::Bold, &heading(lang, &lang.t(k::RENDER_REFERENCES)));
        let _ = writeln!(o.buf, "  {eq} {h}");
        for r in &f.references {
            let _ = writeln!(o.buf, "      {}: {}", clean(&r.title), clean(&r.url));
        }
    }
    o.nl();
}

/// `  --> name:7-9  label` then the lines under a gutter.
fn evidence(o: &mut Out, e: &Evidence) {
    let lines = super::numbered_lines(e);
    let width = super::gutter_width(&lines);
    let pad = " ".repeat(width);
    let arrow = o.paint(St::Blue, &format!("{pad}-->"));
    let loc = format!("{}:{}", e.input_name, super::line_span(e.line_start, e.line_end));
    let _ = write!(o.buf, "  {arrow} {}", clean(&loc));
    if !e.label.is_empty() {
        let l = o.paint(St::Dim, &format!("  {}", e.label));
        o.raw(&l);
    }
    o.nl();
    if lines.is_empty() {
        return;
    }
    let bar = o.paint(St::Blue, &format!("{pad} |"));
    let _ = writeln!(o.buf, "  {bar}");
    for (n, line) in lines {
        let n = n.map(|n| n.to_string()).unwrap_or_else(|| "…".into());
        let g = o.paint(St::Blue, &format!("{n:>width$} |"));
        if line.is_empty() {
            let _ = writeln!(o.buf, "  {g}");
        } else {
            let _ = writeln!(o.buf, "  {g} {}", clean(&line));
        }
    }
    let _ = writeln!(o.buf, "  {bar}");
}

fn documents(o: &mut Out, report: &Report) {
    let lang = o.lang;
    let (known, unknown): (Vec<_>, Vec<_>) =
        report.documents.iter().partition(|d| d.kind != DocKind::Unrecognized);
    if report.inputs.is_empty() {
        let s = o.paint(St::Dim, &lang.t(k::RENDER_NOTHING_GIVEN));
        let _ = writeln!(o.buf, "{s}\n");
        return;
    }
    if known.is_empty() {
        let s = o.paint(St::Yellow, &lang.t(k::RENDER_NOTHING_RECOGNISED));
        o.raw(&s);
        o.nl();
    } else {
        let h = o.paint(St::Bold, &heading(lang, &lang.t(k::RENDER_RECOGNISED)));
        let _ = writeln!(o.buf, "{h}");
        let locs: Vec<String> = known
            .iter()
            .map(|d| {
                format!(
                    "{}:{}",
                    super::input_name(report, d.input),
                    super::line_span(d.line_start, d.line_end)
                )
            })
            .collect();
        let w = locs.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let kw = known.iter().map(|d| d.kind.as_str().len()).max().unwrap_or(0);
        for (d, loc) in known.iter().zip(&locs) {
            let padded = format!("{loc:<w$}");
            let p = o.paint(St::Blue, &padded);
            let kind = o.paint(St::Dim, &format!("{:<kw$}", d.kind.as_str()));
            let _ = writeln!(o.buf, "  {p}  {kind}  {}", clean(&d.label));
            for p in &d.problems {
                let s = o.paint(St::Yellow, &lang.fmt(k::RENDER_PROBLEM, &[("problem", p)]));
                let _ = writeln!(o.buf, "  {:pad$}  {s}", "", pad = w + 2 + kw);
            }
        }
    }
    if !unknown.is_empty() {
        let h = o.paint(St::Bold, &heading(lang, &lang.t(k::RENDER_NOT_RECOGNISED)));
        let list: Vec<String> = unknown
            .iter()
            .map(|d| {
                format!(
                    "{}:{}",
                    super::input_name(report, d.input),
                    super::line_span(d.line_start, d.line_end)
                )
            })
            .collect();
        let sep = if lang == Lang::ZhCn { "" } else { " " };
        let _ = writeln!(o.buf, "{h}{sep}{}", clean(&list.join(", ")));
    }
    if let Some(s) = super::server_line(report) {
        let h = o.paint(St::Bold, &heading(lang, &lang.t(k::RENDER_SERVER)));
        let sep = if lang == Lang::ZhCn { "" } else { " " };
        let _ = writeln!(o.buf, "{h}{sep}{}", clean(&s));
    }
    o.nl();
}

fn notes(o: &mut Out, report: &Report) {
    if report.notes.is_empty() {
        return;
    }
    let h = o.paint(St::Bold, &heading(o.lang, &o.lang.t(k::RENDER_NOTES)));
    let _ = writeln!(o.buf, "{h}");
    for n in &report.notes {
        bullet(o, "  - ", n);
    }
    o.nl();
}

fn checks(o: &mut Out, report: &Report) {
    let lang = o.lang;
    let of = |s: CheckStatus| report.checks.iter().filter(move |c| c.status == s);
    let passed: Vec<_> = of(CheckStatus::Passed).collect();
    let unknown: Vec<_> = of(CheckStatus::Unknown).collect();
    let na = of(CheckStatus::NotApplicable).count();
    if passed.is_empty() && unknown.is_empty() && na == 0 {
        return;
    }
    let w = passed.iter().chain(&unknown).map(|c| c.rule.len()).max().unwrap_or(0);
    if !passed.is_empty() {
        let h = o.paint(
            St::Bold,
            &heading(lang, &lang.fmt(k::RENDER_CHECKS_PASSED, &[("n", &passed.len().to_string())])),
        );
        let _ = writeln!(o.buf, "{h}");
        for c in passed {
            let mark = o.paint(St::Green, "✔");
            let id = format!("{:<w$}", c.rule);
            let _ = writeln!(o.buf, "  {mark} {id}  {}", clean(&c.title));
        }
    }
    if !unknown.is_empty() {
        let h = o.paint(
            St::Bold,
            &heading(lang, &lang.fmt(k::RENDER_CHECKS_UNKNOWN, &[("n", &unknown.len().to_string())])),
        );
        let _ = writeln!(o.buf, "{h}");
        for c in unknown {
            let mark = o.paint(St::Yellow, "?");
            let id = format!("{:<w$}", c.rule);
            let _ = write!(o.buf, "  {mark} {id}  {}", clean(&c.title));
            if !c.note.is_empty() {
                let note = o.paint(St::Dim, &format!(" — {}", one_line(&c.note)));
                o.raw(&note);
            }
            o.nl();
        }
    }
    if na > 0 {
        let s = o.paint(St::Dim, &lang.fmt(k::RENDER_CHECKS_NOT_APPLICABLE, &[("n", &na.to_string())]));
        let _ = writeln!(o.buf, "{s}");
    }
    o.nl();
}
