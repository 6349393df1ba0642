//! Rules: one per file, grouped by family. Each is a unit struct implementing [`Rule`], with its
//! docs beside it (`<rule>.en.md`, `<rule>.zh-CN.md`) — the text `explain` and the UI show.
//!
//! A rule reads [`Facts`] only, splits "is this a problem?" (a small pure predicate) from
//! "report it", pushes [`Finding`]s and returns an [`Outcome`] so passed checks can be listed too.

pub(crate) mod clone;
pub(crate) mod replica;
pub(crate) mod restart;

use crate::evidence::Excerpts;
use crate::facts::{Facts, Loc};
use crate::i18n::Lang;
use crate::report::{CheckStatus, Evidence, Finding, Reference};

/// Which question a rule helps answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// Supervisor / automatic restart (RESTART, clone).
    Restart,
    /// Clone plugin use and outcome.
    Clone,
    /// Replica crash safety.
    Replica,
}

/// A rule's outcome.
#[derive(Clone, Debug)]
pub(crate) struct Outcome {
    pub status: CheckStatus,
    /// Why it passed / could not decide / does not apply (rendered text; may be empty).
    pub note: String,
}

impl Outcome {
    pub fn fired() -> Outcome {
        Outcome { status: CheckStatus::Fired, note: String::new() }
    }
    pub fn passed(note: impl Into<String>) -> Outcome {
        Outcome { status: CheckStatus::Passed, note: note.into() }
    }
    pub fn unknown(note: impl Into<String>) -> Outcome {
        Outcome { status: CheckStatus::Unknown, note: note.into() }
    }
    pub fn not_applicable(note: impl Into<String>) -> Outcome {
        Outcome { status: CheckStatus::NotApplicable, note: note.into() }
    }
}

/// A check over the facts.
pub(crate) trait Rule: Sync {
    /// Stable kebab-case id naming the problem.
    fn id(&self) -> &'static str;
    /// The family.
    fn family(&self) -> Family;
    /// The docs (Markdown: What it does / Why is this bad? / Example / Fix safety / Known problems /
    /// References) in `lang`.
    fn docs(&self, lang: Lang) -> &'static str;
    /// Runs the check. Findings go into `out`; the return value says what was concluded.
    /// When findings were pushed, the status must be `Fired`.
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome;
}

/// Every rule, in report order.
pub(crate) fn all() -> impl Iterator<Item = &'static dyn Rule> {
    restart::RULES.iter().chain(clone::RULES.iter()).chain(replica::RULES.iter()).copied()
}

/// What a rule sees: the facts, and excerpts of the input for evidence (never the raw text).
pub(crate) struct Ctx<'a> {
    pub lang: Lang,
    pub facts: &'a Facts,
    excerpts: Excerpts<'a>,
}

impl<'a> Ctx<'a> {
    /// A context over the analysis' facts, with `excerpts` for evidence.
    pub fn new(lang: Lang, facts: &'a Facts, excerpts: Excerpts<'a>) -> Ctx<'a> {
        Ctx { lang, facts, excerpts }
    }
}

impl Ctx<'_> {
    /// A catalog message.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
    /// A catalog message with arguments.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.lang.fmt(key, args)
    }
    /// Evidence for `loc`: the whole lines it covers, secrets masked, labelled with `label`.
    pub fn evidence(&self, loc: Loc, label: impl Into<String>) -> Evidence {
        self.excerpts.evidence(loc, label.into())
    }
    /// `input:line` of a location, for messages.
    pub fn place(&self, at: Loc) -> String {
        self.excerpts.place(at)
    }
    /// A reference link; `title_key` is a catalog key.
    pub fn reference(&self, title_key: &str, url: &str) -> Reference {
        Reference { title: self.t(title_key), url: url.to_owned() }
    }
}
