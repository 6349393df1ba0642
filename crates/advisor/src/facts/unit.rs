//! The merged systemd unit: main file plus drop-ins in order, with resets (or `systemctl show`).

use super::Facts;
use crate::document::Document;
use crate::source::Source;

/// The effective `[Service]` settings of the mysqld unit and where each came from.
#[derive(Clone, Debug, Default)]
pub(crate) struct UnitFacts {
    /// The unit name (`mysqld.service`, `mysql@replica.service`), when known.
    pub name: Option<String>,
}

/// Builds `f.unit` from unit files, `systemctl cat` and `systemctl show` documents.
pub(crate) fn collect(_f: &mut Facts, _sources: &[Source<'_>], _docs: &[Document]) {
    // TODO(systemd owner).
}
