//! TODO(owner): this family's rules.

use super::Rule;

/// This family's rules, in report order.
pub(crate) const RULES: &[&dyn Rule] = &[];
