//! Rules: one per file, grouped by family. Each is a unit struct implementing [`Rule`], with its
//! docs beside it (`<rule>.en.md`, `<rule>.zh-CN.md`) — the text `explain` and the UI show.
//!
//! A rule reads [`Facts`] only, splits "is this a problem?" (a small pure predicate) from
//! "report it", pushes [`Finding`]s and returns an [`Outcome`] so passed checks can be listed too.

/// Declares a rule once: its struct, id, family and docs (`<stem>.en.md` and `<stem>.zh-CN.md`
/// beside the rule's file), and its [`Rule`] impl, which calls the struct's inherent
/// `fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome`.
macro_rules! declare_rule {
    ($(#[$attr:meta])* $name:ident { id: $id:literal, family: $family:ident, docs: $stem:literal $(,)? }) => {
        $(#[$attr])*
        pub(crate) struct $name;

        impl $name {
            /// The rule's stable id.
            pub(crate) const ID: &'static str = $id;
        }

        impl crate::rules::Rule for $name {
            fn meta(&self) -> &'static crate::rules::Meta {
                static META: crate::rules::Meta = crate::rules::Meta {
                    id: $id,
                    family: crate::rules::Family::$family,
                    docs: [include_str!(concat!($stem, ".en.md")), include_str!(concat!($stem, ".zh-CN.md"))],
                };
                &META
            }
            fn check(
                &self,
                cx: &crate::rules::Ctx<'_>,
                out: &mut Vec<crate::report::Finding>,
            ) -> crate::rules::Outcome {
                // Where the clone-restart question does not arise (MariaDB, MySQL before 8.0.17),
                // no restart rule applies: none may assert what the verdict says does not arise.
                // The same for the clone family's checks of a clone that cannot happen; only
                // `clone-unsupported` says so.
                let family = crate::rules::Family::$family;
                if (family == crate::rules::Family::Restart
                    || (family == crate::rules::Family::Clone && $id != "clone-unsupported"))
                    && let Some(na) = crate::rules::restart::not_applicable(cx)
                {
                    return na;
                }
                $name::check(self, cx, out)
            }
        }
    };
}

pub(crate) mod clone;
pub(crate) mod replica;
pub(crate) mod restart;

use crate::evidence::Excerpts;
use crate::facts::{Facts, Loc};
use crate::i18n::{Key, Lang};
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

/// A rule's identity, declared once by `declare_rule!`.
pub(crate) struct Meta {
    /// Stable kebab-case id naming the problem.
    pub id: &'static str,
    pub family: Family,
    /// The docs in English and Simplified Chinese, in [`Lang::ALL`] order.
    pub docs: [&'static str; 2],
}

/// A check over the facts. Implemented by `declare_rule!`.
pub(crate) trait Rule: Sync {
    /// The rule's id, family and docs.
    fn meta(&self) -> &'static Meta;
    /// Runs the check. Findings go into `out`; the return value says what was concluded.
    /// When findings were pushed, the status must be `Fired`.
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome;

    /// Stable kebab-case id naming the problem.
    fn id(&self) -> &'static str {
        self.meta().id
    }
    /// The family.
    fn family(&self) -> Family {
        self.meta().family
    }
    /// The docs (Markdown: What it does / Why is this bad? / Example / Fix safety / Known problems /
    /// References) in `lang`.
    fn docs(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.meta().docs[0],
            Lang::ZhCn => self.meta().docs[1],
        }
    }
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
    /// Each family's model, built once per analysis on first use and shared by its rules.
    restart: std::cell::OnceCell<crate::facts::launch::Model>,
    restart_seen: std::cell::OnceCell<crate::facts::launch::seen::Seen>,
    replica: std::cell::OnceCell<replica::model::Scope<'a>>,
    /// Findings per rule left out past [`crate::report::MAX_FINDINGS_PER_RULE`] (see [`Ctx::room`]).
    skipped: std::cell::RefCell<Vec<(&'static str, usize)>>,
}

impl<'a> Ctx<'a> {
    /// A context over the analysis' facts, with `excerpts` for evidence.
    pub fn new(lang: Lang, facts: &'a Facts, excerpts: Excerpts<'a>) -> Ctx<'a> {
        Ctx {
            lang,
            facts,
            excerpts,
            restart: Default::default(),
            restart_seen: Default::default(),
            replica: Default::default(),
            skipped: Default::default(),
        }
    }
    /// True while `out` holds fewer than [`crate::report::MAX_FINDINGS_PER_RULE`] findings of
    /// `rule`; otherwise counts one more left out and returns false, so that a rule with one
    /// finding per channel builds a bounded number whatever the input repeats (issue 18).
    pub fn room(&self, rule: &'static str, out: &[Finding]) -> bool {
        if out.iter().filter(|f| f.rule == rule).count() < crate::report::MAX_FINDINGS_PER_RULE {
            return true;
        }
        let mut s = self.skipped.borrow_mut();
        match s.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n += 1,
            None => s.push((rule, 1)),
        }
        false
    }
    /// The findings left out per rule by [`Ctx::room`].
    pub fn skipped(&self) -> Vec<(&'static str, usize)> {
        self.skipped.borrow().clone()
    }
    /// The restart family's supervisor model.
    pub fn restart_model(&self) -> &crate::facts::launch::Model {
        self.restart.get_or_init(|| crate::facts::launch::build(self.facts))
    }
    /// What the input shows happened (exits, restarts, the running process).
    pub fn restart_seen(&self) -> &crate::facts::launch::seen::Seen {
        self.restart_seen.get_or_init(|| crate::facts::launch::seen::of(self.facts))
    }
    /// The replica family's scope (the replica, or why there is none).
    pub fn replica_scope(&self) -> &replica::model::Scope<'a> {
        self.replica.get_or_init(|| replica::model::scope(self.facts))
    }
}

impl Ctx<'_> {
    /// A catalog message.
    pub fn t(&self, key: Key) -> String {
        self.lang.t(key)
    }
    /// A catalog message with arguments.
    pub fn fmt(&self, key: Key, args: &[(&str, &str)]) -> String {
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
    pub fn reference(&self, title_key: Key, url: &str) -> Reference {
        Reference { title: self.t(title_key), url: url.to_owned() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys built from rule ids at run time (`i18n::dynamic`): every rule's `.name` (the
    /// checks, `explain`, the replica verdict's reasons) and, in the families whose findings take
    /// their title from the rule id, its `.title`, in both languages.
    #[test]
    fn every_rule_has_the_keys_built_from_its_id() {
        for r in all() {
            let mut suffixes = vec![".name"];
            if matches!(r.family(), Family::Restart | Family::Replica) {
                suffixes.push(".title");
            }
            for suffix in suffixes {
                let name = format!("{}{suffix}", r.id());
                let key = Key::lookup(&name).unwrap_or_else(|| panic!("no catalog key {name}"));
                for lang in Lang::ALL {
                    assert!(lang.has(key), "{name} missing in {}", lang.tag());
                }
            }
        }
    }
}
