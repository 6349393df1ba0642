//! TODO(owner): this family's rules.

use super::Rule;

/// This family's rules, in report order.
pub(crate) const RULES: &[&dyn Rule] = &[];

/// The verdict this family decides, with its explanation.
pub(crate) fn verdict(_cx: &super::Ctx<'_>) -> (crate::report::CrashSafe, crate::report::VerdictNote) {
    (crate::report::CrashSafe::Unknown, crate::report::VerdictNote::default())
}
