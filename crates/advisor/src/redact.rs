//! Secret masking: passwords never appear in evidence, exports, JSON or Markdown.

use std::borrow::Cow;

/// Masks secrets in `text` (one or more lines). Returns the input unchanged (borrowed) when there
/// is nothing to mask.
pub(crate) fn mask(text: &str) -> Cow<'_, str> {
    // TODO(render owner): option-file `password=`, IDENTIFIED BY '…', SOURCE_PASSWORD/MASTER_PASSWORD,
    // `-p…`/`--password=…` on command lines, URLs with credentials.
    Cow::Borrowed(text)
}
