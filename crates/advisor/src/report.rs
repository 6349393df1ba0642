//! The report: verdicts, findings with evidence and fixes, and what was recognised.
//!
//! The JSON form of [`Report`] is a stable contract, documented in `docs/report-schema.md`.
//! Field names never change; new fields may be added.

use crate::base::DocKind;
use crate::i18n::Lang;
use crate::text::TextRange;
use serde::Serialize;

/// Everything `analyze` concluded.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Schema version of this JSON (bumped only on incompatible changes).
    pub schema_version: u32,
    /// Language the texts are in.
    pub lang: Lang,
    /// The two answers the tool exists for.
    pub verdicts: Verdicts,
    /// Why each verdict is what it is, and what input would change an `unknown`.
    pub verdict_notes: VerdictNotes,
    /// Problems found, most severe first.
    pub findings: Vec<Finding>,
    /// Every rule that ran and what it concluded (for "passed checks").
    pub checks: Vec<Check>,
    /// What was recognised in each input, and what was not.
    pub documents: Vec<DocumentInfo>,
    /// The inputs, by index (findings' evidence refers to them).
    pub inputs: Vec<InputInfo>,
    /// What the server looks like, as far as the input tells.
    pub server: ServerSummary,
    /// Notes about the input itself (lossy decoding, masked secrets, skipped parts).
    pub notes: Vec<String>,
}

/// `clone_restart` and `replica_crash_safe`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Verdicts {
    /// Will the automatic restart at the end of `CLONE INSTANCE` work?
    pub clone_restart: CloneRestart,
    /// Can the replica recover by itself after an unexpected halt?
    pub replica_crash_safe: CrashSafe,
}

/// Verdict on a clone's automatic restart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CloneRestart {
    /// The supervisor check passes and exit code 16 is restarted.
    Works,
    /// The check fails: the clone ends with ERROR 3707 and the server shuts down.
    Fails,
    /// The check passes but nothing restarts the server after exit code 16.
    StaysDown,
    /// The input cannot decide.
    #[default]
    Unknown,
    /// The question does not arise: the server has no clone plugin (MySQL before 8.0.17) or is
    /// MariaDB (no RESTART statement, no clone plugin).
    NotApplicable,
}

named_values! {
    CloneRestart {
        Works => "works",
        Fails => "fails",
        StaysDown => "stays-down",
        Unknown => "unknown",
        NotApplicable => "not-applicable",
    }
}

/// Verdict on replica crash safety.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CrashSafe {
    /// Every item of the recipe is known good.
    Yes,
    /// At least one item is known bad.
    No,
    /// The input cannot decide.
    #[default]
    Unknown,
}

named_values! {
    CrashSafe {
        Yes => "yes",
        No => "no",
        Unknown => "unknown",
    }
}

/// Explanations of the verdicts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VerdictNotes {
    /// For `clone_restart`.
    pub clone_restart: VerdictNote,
    /// For `replica_crash_safe`.
    pub replica_crash_safe: VerdictNote,
}

/// One verdict's explanation.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VerdictNote {
    /// One sentence: the answer and the main reason.
    pub summary: String,
    /// Further reasons, one sentence each.
    pub reasons: Vec<String>,
    /// What to paste to decide an `unknown` (or to be more sure).
    pub missing: Vec<String>,
    /// Assumptions made (e.g. the MySQL version assumed).
    pub assumptions: Vec<String>,
    /// Evidence the verdict rests on (at most [`MAX_EVIDENCE`] items).
    pub evidence: Vec<Evidence>,
    /// How many more pieces of evidence were left out of `evidence`; not written when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub evidence_omitted: u32,
    /// What qualifies the answer ("works, but …", "fails, unless …"): one per warning of the
    /// verdict's question under a positive answer, and one per note that says the answer may not
    /// hold; not written when empty (issue 15).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
    /// The rule ids of the findings the verdict rests on: the errors behind a negative answer,
    /// the warnings behind its caveats, the notes that make it less certain; their primary
    /// evidence is in `evidence`. Not written when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rests_on: Vec<&'static str>,
    /// True when a note says the answer may not hold (a caveat with `may_not_hold`): the answer
    /// is the likely one, not a certain one. Not written when false.
    #[serde(skip_serializing_if = "is_false")]
    pub tentative: bool,
}

/// One thing that qualifies a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Caveat {
    /// The rule whose finding it is.
    pub rule: &'static str,
    /// The finding's title, as the card and the renderers show it after "but" / "unless".
    pub text: String,
    /// True when it says the answer may not hold ("unless …"); false when it qualifies an answer
    /// that holds ("but …").
    pub may_not_hold: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where a verdict leans, for [`agree`]: the families' verdict values map onto these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// `works`, `yes`.
    Positive,
    /// `fails`, `stays-down`, `no`.
    Negative,
    /// `unknown`, `not-applicable`.
    Open,
}

/// The consistency rule between a verdict and the findings of its question (issue 15): the
/// verdict is never more certain than its findings, and it cites every finding it rests on.
///
/// - A negative verdict rests on the question's errors: each is cited (its rule in `rests_on`,
///   its primary evidence in `evidence`). With no error at all it would be more certain than its
///   findings: it becomes [`Lean::Open`] and says so (`summary` replaced, the old one kept as the
///   first reason). Its warnings are cited too.
/// - A positive verdict's warnings become caveats ("works, but …"), cited.
/// - A finding for which `doubts` is true (a note that the answer may not hold, e.g. an
///   `EnvironmentFile=` not shown that may set `MYSQLD_PARENT_PID`) makes a decided verdict
///   tentative: a caveat with `may_not_hold`, cited.
/// - An open verdict cites the errors and warnings shown beside it.
///
/// `findings` are the question's findings in report order. Returns the lean after the rule.
pub(crate) fn agree<'f>(
    lang: Lang,
    lean: Lean,
    note: &mut VerdictNote,
    findings: impl Iterator<Item = &'f Finding>,
    doubts: impl Fn(&str) -> bool,
) -> Lean {
    let findings: Vec<&Finding> = findings.collect();
    let mut lean = lean;
    if lean == Lean::Negative && !findings.iter().any(|f| f.severity == Severity::Error && !doubts(f.rule)) {
        lean = Lean::Open;
        let old = std::mem::replace(&mut note.summary, lang.t(crate::i18n::k::CORE_VERDICT_WARNINGS_ONLY));
        if !old.is_empty() {
            note.reasons.insert(0, old);
        }
    }
    for f in findings {
        let doubt = doubts(f.rule);
        let cite = match (lean, f.severity) {
            _ if doubt => lean != Lean::Open,
            (Lean::Positive, Severity::Warning) => true,
            (Lean::Positive, _) => false,
            (_, Severity::Error | Severity::Warning) => true,
            (_, Severity::Info) => false,
        };
        if !cite {
            continue;
        }
        if doubt || lean == Lean::Positive {
            let c = Caveat { rule: f.rule, text: f.title.clone(), may_not_hold: doubt };
            if !note.caveats.contains(&c) {
                note.caveats.push(c);
            }
            note.tentative |= doubt;
        }
        if !note.rests_on.contains(&f.rule) {
            note.rests_on.push(f.rule);
        }
        if let Some(e) = f.evidence.first()
            && !note.evidence.iter().any(|n| n.input == e.input && n.range == e.range)
        {
            note.evidence.push(e.clone());
        }
    }
    lean
}

/// Most evidence items a finding or a verdict keeps: thousands of repeated lines (an error
/// pasted 100,000 times) give the first ones and a count, so the report stays bounded (issue 18).
pub const MAX_EVIDENCE: usize = 20;

/// Most findings one rule keeps (one per replication channel at most so many); the rest are
/// counted in a note.
pub const MAX_FINDINGS_PER_RULE: usize = 20;

/// Most reasons a verdict keeps; the rest are counted in one last reason.
pub const MAX_REASONS: usize = 20;

/// Most documents the report lists per input; the rest are counted in a note.
pub const MAX_DOCUMENTS_PER_INPUT: usize = 200;

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Will fail or lose data.
    Error,
    /// Likely a problem; look at it.
    Warning,
    /// Worth knowing.
    Info,
}

named_values! {
    Severity {
        Error => "error",
        Warning => "warning",
        Info => "info",
    }
}

impl Severity {
    /// Parses `error`, `warning`, `info`.
    pub fn from_name(s: &str) -> Option<Severity> {
        [Severity::Error, Severity::Warning, Severity::Info].into_iter().find(|v| v.as_str() == s)
    }
}

/// One problem, with where it was seen and how to fix it.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Stable kebab-case rule id, e.g. `restart-unsupervised`.
    pub rule: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// Short title.
    pub title: String,
    /// Matter-of-fact explanation of this instance.
    pub message: String,
    /// The replication channel this is about, when per channel (`""` is the default channel).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Where it was seen; the first item is the primary evidence. At most
    /// [`MAX_EVIDENCE`] items: the rest are counted in `evidence_omitted`.
    pub evidence: Vec<Evidence>,
    /// How many more pieces of evidence were left out of `evidence` (repeated lines beyond
    /// [`MAX_EVIDENCE`]); not written when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub evidence_omitted: u32,
    /// Ways to fix it.
    pub fixes: Vec<Fix>,
    /// Documentation to read.
    pub references: Vec<Reference>,
}

/// A piece of input that a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// Index into [`Report::inputs`].
    pub input: usize,
    /// The input's name, for display.
    pub input_name: String,
    /// Byte range in the input's text.
    pub range: TextRange,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based, inclusive).
    pub line_end: u32,
    /// The lines themselves (secrets masked).
    pub excerpt: String,
    /// What this piece shows ("set here", "overridden here").
    pub label: String,
}

/// Where a fix goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FixTarget {
    /// A systemd drop-in file.
    SystemdDropin,
    /// A MySQL option file.
    MyCnf,
    /// SQL statements.
    Sql,
    /// Shell commands (wrappers, containers).
    Shell,
    /// A launcher's own file, whole, to replace or add (`file_name` says which): a supervisord
    /// `[program:…]` section, a runit or s6 `run` script, an OpenRC service script, an entrypoint
    /// script, a Dockerfile, a Kubernetes manifest.
    LauncherFile,
}

named_values! {
    FixTarget {
        SystemdDropin => "systemd-dropin",
        MyCnf => "my-cnf",
        Sql => "sql",
        Shell => "shell",
        LauncherFile => "launcher-file",
    }
}

/// Whether a fix can be applied as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// Paste it; nothing else changes.
    Safe,
    /// Correct, but read it first (restart needed, semantics change…).
    NeedsReview,
    /// Shown for understanding; adapt before use.
    DisplayOnly,
}

named_values! {
    Applicability {
        Safe => "safe",
        NeedsReview => "needs-review",
        DisplayOnly => "display-only",
    }
}

/// A paste-ready fix.
#[derive(Clone, Debug, Serialize)]
pub struct Fix {
    /// Where it goes.
    pub target: FixTarget,
    /// What the fix does, in a few words.
    pub title: String,
    /// The text to paste.
    pub text: String,
    /// Whether it can be applied blindly.
    pub applicability: Applicability,
    /// Why it needs review (restart, semantics…), when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Suggested file name for downloads (e.g. the drop-in path).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// When set, this fix is step `n` (1-based) of an ordered procedure: every fix of the finding
    /// that has a step is to be done, in that order. Fixes without one are alternatives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
}

impl Fix {
    /// A fix whose applicability is decided at run time.
    pub(crate) fn new(applicability: Applicability, target: FixTarget, title: String, text: String) -> Fix {
        Fix { target, title, text, applicability, reason: None, file_name: None, step: None }
    }
    /// A fix that can be applied as printed.
    pub(crate) fn safe(target: FixTarget, title: String, text: String) -> Fix {
        Fix::new(Applicability::Safe, target, title, text)
    }
    /// A fix to read before applying (give the reason with [`Fix::because`]).
    pub(crate) fn needs_review(target: FixTarget, title: String, text: String) -> Fix {
        Fix::new(Applicability::NeedsReview, target, title, text)
    }
    /// Text to read, not to apply as is (give the reason with [`Fix::because`]).
    pub(crate) fn display_only(target: FixTarget, title: String, text: String) -> Fix {
        Fix::new(Applicability::DisplayOnly, target, title, text)
    }
    /// Why it needs review (a restart, changed semantics…).
    pub(crate) fn because(self, reason: String) -> Fix {
        Fix { reason: Some(reason), ..self }
    }
    /// The file name a download gets (e.g. the drop-in path).
    pub(crate) fn file(self, name: String) -> Fix {
        Fix { file_name: Some(name), ..self }
    }
    /// Makes it step `n` (1-based) of an ordered procedure (all steps are done, in order).
    pub(crate) fn step(self, n: u32) -> Fix {
        Fix { step: Some(n), ..self }
    }
}

/// A link to documentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Link text.
    pub title: String,
    /// URL.
    pub url: String,
}

/// What a rule concluded.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    /// The rule id.
    pub rule: &'static str,
    /// The outcome.
    pub status: CheckStatus,
    /// The rule's title, for display.
    pub title: String,
    /// Why it passed or could not decide.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A rule's outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStatus {
    /// It found a problem (see findings).
    Fired,
    /// It looked and found nothing wrong.
    Passed,
    /// The input lacks what it needs to decide.
    Unknown,
    /// It does not apply to this input.
    NotApplicable,
}

named_values! {
    CheckStatus {
        Fired => "fired",
        Passed => "passed",
        Unknown => "unknown",
        NotApplicable => "not-applicable",
    }
}

/// A recognised (or unrecognised) part of an input.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    /// Index into [`Report::inputs`].
    pub input: usize,
    /// What it is.
    pub kind: DocKind,
    /// Human label ("systemd unit mysqld.service + 1 drop-in").
    pub label: String,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based, inclusive).
    pub line_end: u32,
    /// Byte range.
    pub range: TextRange,
    /// Problems found while parsing (the parser carried on).
    pub problems: Vec<String>,
}

/// An input, as the report refers to it.
#[derive(Clone, Debug, Serialize)]
pub struct InputInfo {
    /// The name given (file name, "input 1"…).
    pub name: String,
    /// Number of lines (of the whole file for a streamed log, capped at `u32::MAX`).
    pub lines: u32,
    /// Number of bytes (of the whole file for a streamed log).
    pub bytes: u64,
    /// For a log streamed through [`crate::logscan`]: the lines of the excerpt that was analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt_lines: Option<u32>,
    /// For a log streamed through [`crate::logscan`]: the bytes of the excerpt that was analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt_bytes: Option<u64>,
}

/// The server as far as the input tells.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ServerSummary {
    /// `mysql`, `percona`, `mariadb` or absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flavor: Option<String>,
    /// e.g. `8.0.36`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The unit name, when a systemd unit was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Replication channel names (`""` is the default channel), at most [`MAX_CHANNELS`].
    pub channels: Vec<String>,
    /// How many more channel names were left out of `channels`; not written when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub channels_omitted: u32,
}

/// Most channel names the server summary lists; the rest are counted in `channels_omitted`.
pub const MAX_CHANNELS: usize = 100;

impl Report {
    /// Serialises the report as pretty JSON (the documented contract, `docs/report-schema.md`):
    /// `serde_json::to_string_pretty` of the `Serialize` derives above, the one source of truth.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serialises: string keys, no maps or floats")
    }

    /// True when the input holds text but nothing in it was recognised: then "no problems found"
    /// would reassure about nothing (issue 15).
    pub fn nothing_recognised(&self) -> bool {
        self.inputs.iter().any(|i| i.bytes > 0)
            && self.documents.iter().all(|d| d.kind == DocKind::Unrecognized)
    }

    /// The most severe finding's severity, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).min()
    }
}

/// Masks, in place, every text of a report that may quote the input: evidence excerpts and labels,
/// messages, fix texts, notes, document labels and problems, input names, the unit and channel
/// names. Each text is masked by the forms of [`crate::redact`] (a defence in depth: evidence is
/// already masked by its source's secret places) and by `values`, the secret values found in any
/// input (an echo of one in an error message, a file name, a label).
pub(crate) fn scrub(report: &mut Report, values: &crate::redact::Values) {
    // Values first: a value with blanks (`correct horse battery`) is found whole before a form
    // masks only its first word.
    let m = |s: &mut String| {
        if let std::borrow::Cow::Owned(o) = values.mask(s) {
            *s = o;
        }
        if let std::borrow::Cow::Owned(o) = crate::redact::mask(s) {
            *s = o;
        }
    };
    let ev = |e: &mut Evidence| {
        m(&mut e.excerpt);
        m(&mut e.label);
        m(&mut e.input_name);
    };
    for f in &mut report.findings {
        m(&mut f.title);
        m(&mut f.message);
        f.evidence.iter_mut().for_each(ev);
        for fix in &mut f.fixes {
            m(&mut fix.title);
            m(&mut fix.text);
            fix.reason.iter_mut().for_each(m);
            fix.file_name.iter_mut().for_each(m);
        }
    }
    for note in [&mut report.verdict_notes.clone_restart, &mut report.verdict_notes.replica_crash_safe] {
        m(&mut note.summary);
        note.reasons.iter_mut().for_each(m);
        note.missing.iter_mut().for_each(m);
        note.assumptions.iter_mut().for_each(m);
        note.caveats.iter_mut().for_each(|c| m(&mut c.text));
        note.evidence.iter_mut().for_each(ev);
    }
    for c in &mut report.checks {
        m(&mut c.note);
    }
    for d in &mut report.documents {
        m(&mut d.label);
        d.problems.iter_mut().for_each(m);
    }
    for i in &mut report.inputs {
        m(&mut i.name);
    }
    report.server.unit.iter_mut().for_each(m);
    report.server.channels.iter_mut().for_each(m);
    report.notes.iter_mut().for_each(m);
}
