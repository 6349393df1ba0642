//! MySQL versions and flavours.

use crate::text::TrimWs;

use std::fmt;

/// A `major.minor.patch` version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Version {
    pub major: u16,
    pub minor: u16,
    pub patch: u16,
}

/// The version assumed when the input shows none (the newest 8.0 release described by the facts).
pub(crate) const ASSUMED: Version = Version { major: 8, minor: 0, patch: 45 };

impl Version {
    pub const fn new(major: u16, minor: u16, patch: u16) -> Version {
        Version { major, minor, patch }
    }

    /// Parses the leading `X.Y[.Z]` of strings such as `8.0.36`, `8.0.36-0ubuntu0.22.04.1`,
    /// `8.0.35-27`, `10.11.6-MariaDB-0+deb12u1`, `v8.4.0`. Returns `None` when there is none.
    pub fn parse(s: &str) -> Option<Version> {
        let s = s.trim_ws().trim_start_matches(['v', 'V']);
        let mut parts = [0u16; 3];
        let mut count = 0;
        for (k, piece) in s.splitn(3, '.').enumerate() {
            let digits: String = piece.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.is_empty() || digits.len() > 4 {
                break;
            }
            parts[k] = digits.parse().ok()?;
            count = k + 1;
            if digits.len() != piece.len() {
                break;
            }
        }
        if count < 2 {
            return None;
        }
        Some(Version { major: parts[0], minor: parts[1], patch: parts[2] })
    }

    /// `X.Y` as used in option-file groups such as `[mysqld-8.0]`.
    pub fn series(self) -> String {
        format!("{}.{}", self.major, self.minor)
    }

    /// True when at least `major.minor.patch`.
    pub fn at_least(self, major: u16, minor: u16, patch: u16) -> bool {
        self >= Version::new(major, minor, patch)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Which server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Flavor {
    MySql,
    Percona,
    MariaDb,
}

impl Flavor {
    pub fn as_str(self) -> &'static str {
        match self {
            Flavor::MySql => "mysql",
            Flavor::Percona => "percona",
            Flavor::MariaDb => "mariadb",
        }
    }
    /// Guesses the flavour from a version string or comment (`10.11.6-MariaDB`, `Percona Server`).
    pub fn from_text(s: &str) -> Option<Flavor> {
        let l = s.to_ascii_lowercase();
        if l.contains("mariadb") {
            Some(Flavor::MariaDb)
        } else if l.contains("percona") {
            Some(Flavor::Percona)
        } else if l.contains("mysql") {
            Some(Flavor::MySql)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_version_strings() {
        assert_eq!(Version::parse("8.0.36"), Some(Version::new(8, 0, 36)));
        assert_eq!(Version::parse("8.0.36-0ubuntu0.22.04.1"), Some(Version::new(8, 0, 36)));
        assert_eq!(Version::parse("8.0.35-27"), Some(Version::new(8, 0, 35)));
        assert_eq!(Version::parse("10.11.6-MariaDB-0+deb12u1"), Some(Version::new(10, 11, 6)));
        assert_eq!(Version::parse("8.4"), Some(Version::new(8, 4, 0)));
        assert_eq!(Version::parse("8"), None);
        assert_eq!(Version::parse("abc"), None);
        assert!(Version::new(8, 0, 27).at_least(8, 0, 23));
    }
}
