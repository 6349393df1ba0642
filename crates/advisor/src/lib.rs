//! mysql-advisor's core: pasted text in, a [`Report`] out.
//!
//! The core is sans-IO: it reads no files, knows nothing of wasm, the DOM or command-line parsing.
//! The CLI and the web app both call [`analyze`].
//!
//! # Example
//! ```
//! use advisor::{analyze, Input};
//! let unit = "[Service]\nExecStart=/usr/sbin/mysqld\nRestart=on-failure\n";
//! let report = analyze(&[Input::new("mysqld.service", unit)]);
//! assert!(!report.documents.is_empty());
//! println!("{}", report.verdicts.clone_restart.as_str());
//! ```

#![deny(missing_docs)]

use crate::i18n::k;
use crate::text::TrimWs;

/// Gives a fieldless enum its public names from one table: `as_str` (what the renderers, the page's
/// CSS classes and catalog keys use) and a `Serialize` impl writing the same string (the report's
/// JSON), so the two cannot drift apart. Defined before the modules so that all of them see it.
macro_rules! named_values {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// The public name: the report's JSON value, also used by the renderers and the page.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

mod base;
mod detect;
mod evidence;

mod facts;
#[cfg(test)]
mod ftl;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod logscan;
mod redact;
pub mod render;
mod report;
mod rules;
mod sort;
mod source;
mod syntax;
pub mod text;

pub use base::DocKind;
pub use i18n::Lang;
pub use report::*;
pub use rules::Family;
pub use source::Input;

use source::Source;
use syntax::document::Document;

/// `text` with every secret the report would mask (passwords in option files, SQL, command lines,
/// URLs, environment) replaced by `****`; borrowed unchanged when there is none. For front ends
/// that show input text beside the report's (already masked) evidence.
///
/// ```
/// assert_eq!(advisor::mask_secrets("password = hunter2"), "password = ****");
/// assert_eq!(advisor::mask_secrets("server_id = 1"), "server_id = 1");
/// ```
pub fn mask_secrets(text: &str) -> std::borrow::Cow<'_, str> {
    redact::mask(text)
}

/// Analysis options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The language of every text in the report.
    pub lang: Lang,
}

/// Analyses the inputs together (they describe one server) with default options (English).
pub fn analyze(inputs: &[Input]) -> Report {
    analyze_with(inputs, &Options::default())
}

/// Analyses the inputs together (they describe one server).
pub fn analyze_with(inputs: &[Input], options: &Options) -> Report {
    // A name may hold a secret too (`password=S3cret.cnf`): sources carry it masked.
    let names: Vec<std::borrow::Cow<'_, str>> = inputs.iter().map(|i| redact::mask(i.name())).collect();
    let sources: Vec<Source<'_>> = inputs
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, (inp, name))| Source::new(i, name, inp.text()))
        .collect();
    let docs: Vec<Document> = sources.iter().flat_map(detect::split).collect();
    report_of(inputs, &sources, &docs, options.lang)
}

/// Analyses inputs again and again as they are edited, keeping what the last run found of the
/// parts that did not change: the result is the [`Report`] [`analyze_with`] gives for the same
/// inputs, byte for byte.
///
/// Kept from one call to the next, per input (by position): its secrets, when its text is
/// unchanged; its documents, all of them when its text is unchanged, else those before the first
/// changed line that nothing read past it (the splitter records how far it had read before each
/// line: `detect::Resume`); each line's prompt, for the lines outside the changed region. The facts,
/// rules and report are built again each time.
///
/// ```
/// use advisor::{Analyzer, Input, Options, analyze_with};
/// let mut analyzer = Analyzer::default();
/// let mut text = String::from("[Service]\nExecStart=/usr/sbin/mysqld\n");
/// analyzer.analyze(&[Input::new("a.service", text.as_str())], &Options::default());
/// text.push_str("Restart=on-failure\n");
/// let inputs = [Input::new("a.service", text.as_str())];
/// let again = analyzer.analyze(&inputs, &Options::default());
/// assert_eq!(again.to_json(), analyze_with(&inputs, &Options::default()).to_json());
/// ```
#[derive(Debug, Default)]
pub struct Analyzer {
    kept: Vec<Kept>,
}

/// What an [`Analyzer`] keeps of one input.
#[derive(Debug)]
struct Kept {
    name: String,
    text: String,
    lines: Vec<text::Line>,
    secrets: Vec<std::ops::Range<usize>>,
    prompts: Option<Vec<Option<text::TextRange>>>,
    docs: Vec<Document>,
    marks: Vec<detect::Resume>,
}

impl Analyzer {
    /// Analyses the inputs together, like [`analyze_with`], reusing the last call's work on what
    /// did not change.
    pub fn analyze(&mut self, inputs: &[Input], options: &Options) -> Report {
        let names: Vec<std::borrow::Cow<'_, str>> = inputs.iter().map(|i| redact::mask(i.name())).collect();
        let mut kept = std::mem::take(&mut self.kept);
        kept.truncate(inputs.len());
        let mut kept = kept.into_iter();
        let mut sources = Vec::with_capacity(inputs.len());
        let mut docs = Vec::new();
        let mut marks = Vec::with_capacity(inputs.len());
        for (i, (inp, name)) in inputs.iter().zip(&names).enumerate() {
            let old = kept.next().filter(|k| k.name == **name);
            let (src, m) = prepare(i, name, inp.text(), old, &mut docs);
            sources.push(src);
            marks.push(m);
        }
        let report = report_of(inputs, &sources, &docs, options.lang);
        // Keep this run's work for the next.
        let mut docs = docs.into_iter().peekable();
        self.kept = sources
            .into_iter()
            .zip(marks)
            .map(|(src, marks)| Kept {
                name: src.name.to_owned(),
                text: src.text.to_owned(),
                docs: std::iter::from_fn(|| docs.next_if(|d| d.input == src.index)).collect(),
                prompts: src.prompts.into_inner(),
                lines: src.lines,
                secrets: src.secrets,
                marks,
            })
            .collect();
        report
    }
}

/// One input's source and documents (appended to `docs`), from what was kept of it (`old`, the
/// same name at the same position) where that still holds; and the splitter's marks.
fn prepare<'a>(
    index: usize,
    name: &'a str,
    text: &'a str,
    old: Option<Kept>,
    docs: &mut Vec<Document>,
) -> (Source<'a>, Vec<detect::Resume>) {
    let Some(mut old) = old else {
        let src = Source::new(index, name, text);
        let (mut mine, mut marks) = (Vec::new(), Vec::new());
        detect::split_from(&src, &detect::Resume::START, &mut mine, Some(&mut marks));
        docs.append(&mut mine);
        return (src, marks);
    };
    if old.text == text {
        let src = Source::with_secrets(index, name, text, old.secrets);
        if let Some(p) = old.prompts {
            let _ = src.prompts.set(p);
        }
        docs.append(&mut old.docs);
        return (src, old.marks);
    }
    let src = Source::new(index, name, text);
    // The first changed byte, and the first line that may have changed: the one holding the byte
    // before it (an edit right after a line's end may join it to the next, or give it one).
    let (o, n) = (old.text.as_bytes(), text.as_bytes());
    let p = common_prefix(o, n);
    let first = old.lines.partition_point(|l| (l.full.end as usize) < p);
    // The common tail: lines wholly in it (and after a line break in it) are the old lines, moved.
    let max_tail = o.len().min(n.len()) - p;
    let tail = common_suffix(&o[o.len() - max_tail..], &n[n.len() - max_tail..]);
    if let Some(old_prompts) = &old.prompts {
        let _ = src.prompts.set(carry_prompts(&src, old_prompts, &old.lines, p, tail, o.len()));
    }
    // The last mark before which nothing read the first changed line.
    let k = old.marks.partition_point(|m| m.reach < first && m.line <= first);
    let mut marks = old.marks;
    let from = match k {
        0 => detect::Resume::START,
        k => marks[k - 1],
    };
    marks.truncate(k.saturating_sub(1));
    old.docs.truncate(from.docs);
    detect::split_from(&src, &from, &mut old.docs, Some(&mut marks));
    docs.append(&mut old.docs);
    (src, marks)
}

/// How many bytes `a` and `b` share at their start (compared 64 at a time, then one by one).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 64 <= n && a[i..i + 64] == b[i..i + 64] {
        i += 64;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// How many bytes `a` and `b` share at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + 64 <= n && a[n - i - 64..n - i] == b[n - i - 64..n - i] {
        i += 64;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The prompt table of `src` (`syntax::prompt::at`) from the old text's: lines before the first
/// changed byte `p` and lines in the common tail (`tail` bytes) are taken from it, the others read.
fn carry_prompts(
    src: &Source<'_>,
    old: &[Option<text::TextRange>],
    old_lines: &[text::Line],
    p: usize,
    tail: usize,
    old_len: usize,
) -> Vec<Option<text::TextRange>> {
    let delta = src.text.len() as i64 - old_len as i64;
    let tail_start = src.text.len() - tail;
    src.lines
        .iter()
        .enumerate()
        .map(|(j, l)| {
            let (start, end) = (l.full.start as usize, l.full.end as usize);
            if end < p {
                // Before the change, terminator included: the same line as before.
                return old.get(j).copied().flatten();
            }
            if start > tail_start {
                // In the tail, with the line break before it.
                let at = (start as i64 - delta) as u32;
                let j = old_lines.partition_point(|o| o.full.start < at);
                return old.get(j).copied().flatten().map(|r| {
                    text::TextRange::new((r.start as i64 + delta) as u32, (r.end as i64 + delta) as u32)
                });
            }
            let line = src.slice(l.range);
            syntax::prompt::command(line).map(|c| text::subslice_range(line, c, l.range.start))
        })
        .collect()
}

/// The report on `sources` and their documents: facts, rules, verdicts.
fn report_of(inputs: &[Input], sources: &[Source<'_>], docs: &[Document], lang: Lang) -> Report {
    let facts = facts::Facts::build(sources, docs);
    let cx = rules::Ctx::new(lang, &facts, evidence::Excerpts::new(sources));

    let mut findings = Vec::new();
    let mut checks = Vec::new();
    for rule in rules::all() {
        let before = findings.len();
        let outcome = rule.check(&cx, &mut findings);
        let status = if findings.len() > before { CheckStatus::Fired } else { outcome.status };
        checks.push(Check {
            rule: rule.id(),
            status,
            // A passed check says what holds ("Exit code 16 is restarted"), not the problem's name.
            title: if status == CheckStatus::Passed {
                lang.t(crate::i18n::dynamic(format_args!("{}.passed-title", rule.id())))
            } else {
                lang.t(crate::i18n::dynamic(format_args!("{}.name", rule.id())))
            },
            note: outcome.note,
        });
    }
    sort::sort_by_key(&mut findings, |f| f.severity);

    let (clone_restart, mut cr_note) = rules::restart::verdict(&cx);
    let (replica_crash_safe, mut rs_note) = rules::replica::verdict(&cx, &findings);
    // The verdicts agree with their findings (issue 15): one rule for both questions.
    let clone_restart = rules::restart::agree(lang, clone_restart, &mut cr_note, &findings);
    let replica_crash_safe = rules::replica::agree(lang, replica_crash_safe, &mut rs_note, &findings);

    let mut notes = Vec::new();
    for inp in inputs.iter().filter(|i| i.was_lossy()) {
        notes.push(lang.fmt(k::CORE_NOTE_LOSSY, &[("input", inp.name())]));
    }
    // How settings were resolved: assumed option-file groups, missing !include files…
    for n in facts.settings.notes() {
        let args: Vec<(&str, &str)> = n.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        notes.push(lang.fmt(n.key, &args));
    }

    // Secrets are masked wherever the report quotes the input (`redact`); say so.
    for src in sources.iter().filter(|s| !s.secrets.is_empty()) {
        notes.push(lang.fmt(k::RENDER_NOTE_MASKED, &[("input", src.name)]));
    }
    // Every secret value found in any input, to mask wherever else it appears in the report.
    let values = redact::Values::new(sources.iter().flat_map(|s| redact::values_of(s.text, &s.secrets)));

    // The documents the report keeps ([`report::MAX_DOCUMENTS_PER_INPUT`] per input: `bound`
    // counts the others), each labelled in the report's language.
    let mut per_input: Vec<usize> = vec![0; sources.len()];
    let documents = docs
        .iter()
        .filter(|d| {
            per_input.get_mut(d.input).is_none_or(|n| {
                *n += 1;
                *n <= report::MAX_DOCUMENTS_PER_INPUT
            })
        })
        .map(|d| document_info(lang, d))
        .collect();
    let mut report = Report {
        schema_version: 1,
        lang,
        verdicts: Verdicts { clone_restart, replica_crash_safe },
        verdict_notes: VerdictNotes { clone_restart: cr_note, replica_crash_safe: rs_note },
        findings,
        checks,
        documents,
        inputs: sources
            .iter()
            .map(|s| InputInfo {
                name: s.name.to_owned(),
                lines: s.lines.len() as u32,
                bytes: s.text.len() as u64,
                excerpt_lines: None,
                excerpt_bytes: None,
            })
            .collect(),
        server: ServerSummary {
            // A MariaDB replica status names its flavour by its columns even without a version.
            flavor: facts
                .server
                .flavor
                .as_ref()
                .map(|f| f.value.as_str().to_owned())
                .or_else(|| rules::replica::is_mariadb(&cx).then(|| "mariadb".to_owned())),
            version: facts.server.version.as_ref().map(|v| v.value.to_string()),
            unit: facts.unit.as_ref().and_then(|u| u.name.clone()),
            channels: facts.channels.iter().take(report::MAX_CHANNELS).map(|c| c.name.clone()).collect(),
            channels_omitted: facts.channels.len().saturating_sub(report::MAX_CHANNELS) as u32,
        },
        notes,
    };
    bound(&mut report, cx.skipped(), &per_input);
    // Defence in depth: mask anything a rule may have quoted from the input without `cx.evidence`.
    report::scrub(&mut report, &values);
    report
}

/// Keeps the report bounded whatever the input repeats (issue 18): at most
/// [`report::MAX_EVIDENCE`] evidence items per finding and verdict, [`report::MAX_FINDINGS_PER_RULE`]
/// findings per rule (with those the rules did not build, `skipped`: see `Ctx::room`) and
/// [`report::MAX_DOCUMENTS_PER_INPUT`] documents per input (`documents`: how many each input
/// had; only the first are in the report); each cut is counted where the user
/// reads it (a field or a note). The replica verdict bounds its own reasons (`MAX_REASONS`).
fn bound(report: &mut Report, skipped: Vec<(&'static str, usize)>, documents: &[usize]) {
    use report::{MAX_DOCUMENTS_PER_INPUT, MAX_EVIDENCE, MAX_FINDINGS_PER_RULE};
    let lang = report.lang;
    let cut = |v: &mut Vec<Evidence>, omitted: &mut u32| {
        if v.len() > MAX_EVIDENCE {
            *omitted += (v.len() - MAX_EVIDENCE) as u32;
            v.truncate(MAX_EVIDENCE);
        }
    };
    // Findings per rule, in report order.
    let mut per_rule: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
    let mut dropped = skipped;
    report.findings.retain(|f| {
        let n = per_rule.entry(f.rule).or_insert(0);
        *n += 1;
        if *n <= MAX_FINDINGS_PER_RULE {
            return true;
        }
        match dropped.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, c)) => *c += 1,
            None => dropped.push((f.rule, 1)),
        }
        false
    });
    for f in &mut report.findings {
        cut(&mut f.evidence, &mut f.evidence_omitted);
    }
    for n in [&mut report.verdict_notes.clone_restart, &mut report.verdict_notes.replica_crash_safe] {
        cut(&mut n.evidence, &mut n.evidence_omitted);
    }
    let kept = MAX_FINDINGS_PER_RULE.to_string();
    for (rule, count) in dropped {
        let key = if count == 1 { k::CORE_NOTE_FINDINGS_OMITTED_ONE } else { k::CORE_NOTE_FINDINGS_OMITTED };
        report.notes.push(lang.fmt(key, &[("count", &count.to_string()), ("rule", rule), ("kept", &kept)]));
    }
    // Documents per input (cut when the report was built).
    let kept = MAX_DOCUMENTS_PER_INPUT.to_string();
    for (i, n) in documents.iter().enumerate() {
        if *n > MAX_DOCUMENTS_PER_INPUT {
            let more = (n - MAX_DOCUMENTS_PER_INPUT).to_string();
            let key = if *n == MAX_DOCUMENTS_PER_INPUT + 1 {
                k::CORE_NOTE_DOCUMENTS_OMITTED_ONE
            } else {
                k::CORE_NOTE_DOCUMENTS_OMITTED
            };
            report
                .notes
                .push(lang.fmt(key, &[("count", &more), ("input", &report.inputs[i].name), ("kept", &kept)]));
        }
    }
}

fn document_info(lang: Lang, d: &Document) -> DocumentInfo {
    let label = match &d.label {
        Some(l) => {
            let args: Vec<(&str, &str)> = l.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            lang.fmt(l.key, &args)
        }
        None => {
            let name = d.name.clone().unwrap_or_default();
            lang.fmt(d.kind.label_key(), &[("name", &name)])
        }
    };
    DocumentInfo {
        input: d.input,
        kind: d.kind,
        label: label.trim_ws().to_owned(),
        line_start: d.line_start,
        line_end: d.line_end,
        range: d.range,
        problems: d
            .problems
            .iter()
            .map(|p| {
                let args: Vec<(&str, &str)> = p.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                lang.fmt(p.key, &args)
            })
            .collect(),
    }
}

/// A rule, as `explain` and `rules` show it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RuleInfo {
    /// Stable id.
    pub id: &'static str,
    /// Family.
    pub family: Family,
    /// Short name in the requested language.
    pub name: String,
    /// Full docs (Markdown) in the requested language.
    pub docs: &'static str,
}

/// Every rule, in report order.
pub fn rules(lang: Lang) -> Vec<RuleInfo> {
    rules::all()
        .map(|r| RuleInfo {
            id: r.id(),
            family: r.family(),
            name: lang.t(crate::i18n::dynamic(format_args!("{}.name", r.id()))),
            docs: r.docs(lang),
        })
        .collect()
}

/// One rule by id.
pub fn rule(id: &str, lang: Lang) -> Option<RuleInfo> {
    rules(lang).into_iter().find(|r| r.id == id)
}

/// The rule catalog as Markdown (`docs/rules.md` is generated from this; a test keeps it current).
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Rule catalog\n\n<!-- Generated from the rules' docs by `UPDATE_DOCS=1 cargo test -p advisor --test it docs`. Do not edit. -->\n\n",
    );
    let all = rules(Lang::En);
    out.push_str("| id | family | name |\n|---|---|---|\n");
    for r in &all {
        let fam = serde_json::to_value(r.family)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push_str(&format!("| [`{}`](#{}) | {} | {} |\n", r.id, r.id, fam, r.name));
    }
    out.push('\n');
    out.push_str(include_str!("rules/restart/launch_model.en.md"));
    for r in &all {
        out.push_str(&format!("\n## {}\n\n**{}**\n\n", r.id, r.name));
        // Demote the docs' headings by one level so they nest under the rule.
        for line in r.docs.lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
