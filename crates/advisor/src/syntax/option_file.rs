//! TODO(owner): parser for this input kind. See `crate::detect` for the recogniser contract.

use crate::detect::{Claim, Hint};
use crate::source::Source;

/// The parse of one document of this kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct OptionFile {}

/// Claims a document of this kind starting at line `i`, if one clearly starts there.
pub(crate) fn recognize(_src: &Source<'_>, _i: usize, _hint: &Hint<'_>) -> Option<Claim> {
    None
}
