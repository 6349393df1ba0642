//! Which servers can clone, and from which donors (`mysql-facts.md` §3.2, §7.5).
//!
//! `compare_server_version()` in the clone protocol: a different major or minor never clones; within
//! 8.0 the patch levels must be equal unless both are 8.0.37 or later (`CLONE_BACKPORT_VERSION`);
//! from 8.1 on the same major.minor is enough.

use crate::facts::Version;

/// The first release with the clone plugin.
pub(crate) const FIRST_CLONE: Version = crate::facts::launch::FIRST_CLONE;
/// `CLONE_BACKPORT_VERSION`: from this 8.0 patch on, different 8.0 patch levels may clone.
pub(crate) const BACKPORT_PATCH: u16 = 37;

/// Whether a donor and a recipient version pass the version check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Compat {
    /// Exactly the same version.
    Same,
    /// Both 8.0.37 or later: different 8.0 patch levels are allowed.
    BothBackport,
    /// 8.1 or later, same major.minor.
    SameSeries,
    /// Different major.minor (8.0 ↔ 8.4, 8.4 ↔ 9.x): never.
    SeriesDiffer,
    /// Both 8.0, different patch levels, at least one before 8.0.37.
    PatchBeforeBackport,
}

impl Compat {
    #[allow(dead_code, reason = "query helper for rules; covered by unit tests")]
    pub(crate) fn ok(self) -> bool {
        matches!(self, Compat::Same | Compat::BothBackport | Compat::SameSeries)
    }
}

/// The version check of the clone protocol.
pub(crate) fn compat(donor: Version, recipient: Version) -> Compat {
    if donor.major != recipient.major || donor.minor != recipient.minor {
        return Compat::SeriesDiffer;
    }
    if donor.patch == recipient.patch {
        return Compat::Same;
    }
    if donor.major == 8 && donor.minor == 0 {
        if donor.patch >= BACKPORT_PATCH && recipient.patch >= BACKPORT_PATCH {
            return Compat::BothBackport;
        }
        return Compat::PatchBeforeBackport;
    }
    Compat::SameSeries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: u16, b: u16, c: u16) -> Version {
        Version::new(a, b, c)
    }

    #[test]
    fn version_rule() {
        assert_eq!(compat(v(8, 0, 36), v(8, 0, 36)), Compat::Same);
        assert_eq!(compat(v(8, 0, 36), v(8, 0, 35)), Compat::PatchBeforeBackport);
        assert_eq!(compat(v(8, 0, 37), v(8, 0, 36)), Compat::PatchBeforeBackport);
        assert_eq!(compat(v(8, 0, 37), v(8, 0, 45)), Compat::BothBackport);
        assert_eq!(compat(v(8, 4, 0), v(8, 4, 11)), Compat::SameSeries);
        assert_eq!(compat(v(8, 0, 45), v(8, 4, 0)), Compat::SeriesDiffer);
        assert_eq!(compat(v(9, 1, 0), v(8, 4, 0)), Compat::SeriesDiffer);
        assert!(compat(v(8, 0, 40), v(8, 0, 38)).ok());
        assert!(!compat(v(8, 0, 20), v(8, 0, 19)).ok());
    }

    #[test]
    fn first_release() {
        assert!(crate::facts::launch::lacks_clone(v(8, 0, 16)));
        assert!(!crate::facts::launch::lacks_clone(v(8, 0, 17)));
        assert!(crate::facts::launch::lacks_clone(v(5, 7, 44)));
        assert!(!crate::facts::launch::lacks_clone(v(8, 0, 0)), "a series without a patch level");
        assert!(!crate::facts::launch::lacks_clone(v(8, 4, 0)));
    }
}
