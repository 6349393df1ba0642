//! TODO(owner): version lines, error-log lines, client errors, CHANGE REPLICATION SOURCE statements.

use crate::detect::{Claim, Hint};
use crate::source::Source;

/// Error-log lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct ErrorLog {}
/// A client error.
#[derive(Clone, Debug, Default)]
pub(crate) struct ClientError {}
/// A version line.
#[derive(Clone, Debug, Default)]
pub(crate) struct VersionLine {}
/// A CHANGE REPLICATION SOURCE / CHANGE MASTER statement.
#[derive(Clone, Debug, Default)]
pub(crate) struct ChangeSource {}

/// Claims one of this module's kinds starting at line `i`.
pub(crate) fn recognize(_src: &Source<'_>, _i: usize, _hint: &Hint<'_>) -> Option<Claim> {
    None
}
