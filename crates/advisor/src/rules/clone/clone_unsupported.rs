//! `clone-unsupported`: the server cannot clone at all — MariaDB (no released clone plugin,
//! `mysql-facts.md` §7.5) or MySQL before 8.0.17 (no clone plugin) — while the input shows clone
//! being used or planned.

use super::compat::FIRST_CLONE;
use super::{clone_intent, reference, urls};
use crate::facts::launch::{self, NotApplicable};
use crate::facts::{Facts, Loc, Version};
use crate::i18n::k;
use crate::report::{Finding, Fix, FixTarget, Severity};
use crate::rules::{Ctx, Outcome};

declare_rule! {
    /// See the docs beside this file.
    CloneUnsupported { id: "clone-unsupported", family: Clone, docs: "clone_unsupported" }
}

/// Why this server cannot clone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Why {
    /// MariaDB: the version line, the unit's `mariadbd`, or a `mariadb` image.
    MariaDb { at: Loc },
    /// MySQL or Percona Server before 8.0.17.
    TooOld { version: Version, at: Loc },
}

/// The predicate (without the "is clone used" part): the launch model's answer to whether the
/// clone-restart question arises ([`launch::not_applicable`]), so this rule and the verdict agree.
pub(crate) fn detect(f: &Facts) -> Option<Why> {
    match launch::not_applicable(f)? {
        NotApplicable::MariaDb { at } => Some(Why::MariaDb { at }),
        NotApplicable::NoClone { version, at } => Some(Why::TooOld { version, at }),
    }
}

impl CloneUnsupported {
    fn check(&self, cx: &Ctx<'_>, out: &mut Vec<Finding>) -> Outcome {
        let Some(why) = detect(cx.facts) else {
            return match &cx.facts.server.version {
                Some(v) => Outcome::passed(
                    cx.fmt(k::CLONE_UNSUPPORTED_NOTE_OK, &[("version", &v.value.to_string())]),
                ),
                None => Outcome::unknown(cx.t(k::CLONE_UNSUPPORTED_NOTE_UNKNOWN)),
            };
        };
        let scan = &cx.facts.clone_scan;
        let Some(intent) = clone_intent(cx, scan) else {
            let key = match why {
                Why::MariaDb { .. } => k::CLONE_UNSUPPORTED_NOTE_MARIADB_UNUSED,
                Why::TooOld { .. } => k::CLONE_UNSUPPORTED_NOTE_OLD_UNUSED,
            };
            return Outcome::not_applicable(cx.t(key));
        };
        out.push(report(cx, &why, intent));
        Outcome::fired()
    }
}

fn report(cx: &Ctx<'_>, why: &Why, intent: Loc) -> Finding {
    let first = FIRST_CLONE.to_string();
    let (title, message, at, fixes, refs) = match why {
        Why::MariaDb { at } => (
            cx.t(k::CLONE_UNSUPPORTED_TITLE_MARIADB),
            cx.t(k::CLONE_UNSUPPORTED_MSG_MARIADB),
            *at,
            vec![
                Fix::display_only(
                    FixTarget::Shell,
                    cx.t(k::CLONE_UNSUPPORTED_FIX_MARIABACKUP_TITLE),
                    MARIABACKUP.to_owned(),
                )
                .because(cx.t(k::CLONE_UNSUPPORTED_FIX_MARIABACKUP_REASON)),
            ],
            vec![
                reference(cx, k::CLONE_REF_MARIABACKUP, urls::MARIABACKUP),
                reference(cx, k::CLONE_REF_MARIADB_PR, urls::MARIADB_PR),
                reference(cx, k::CLONE_REF_CLONE_PLUGIN, urls::CLONE_PLUGIN),
            ],
        ),
        Why::TooOld { version, at } => (
            cx.fmt(k::CLONE_UNSUPPORTED_TITLE_OLD, &[("version", &version.to_string())]),
            cx.fmt(k::CLONE_UNSUPPORTED_MSG_OLD, &[("version", &version.to_string()), ("first", &first)]),
            *at,
            Vec::new(),
            vec![
                reference(cx, k::CLONE_REF_CLONE_PLUGIN, urls::CLONE_PLUGIN),
                reference(cx, k::CLONE_REF_LIMITATIONS, urls::LIMITATIONS),
            ],
        ),
    };
    let mut evidence = vec![cx.evidence(at, cx.t(k::CLONE_UNSUPPORTED_EV_SERVER))];
    if intent != at {
        evidence.push(cx.evidence(intent, cx.t(k::CLONE_UNSUPPORTED_EV_INTENT)));
    }
    Finding {
        rule: CloneUnsupported::ID,
        severity: Severity::Error,
        title,
        message,
        channel: None,
        evidence,
        evidence_omitted: 0,
        fixes,
        references: refs,
    }
}

/// A physical copy with mariabackup, the MariaDB tool for what CLONE does on MySQL.
const MARIABACKUP: &str = "# on the source server\n\
sudo mariabackup --backup --target-dir=/var/backup/full\n\
sudo mariabackup --prepare --target-dir=/var/backup/full\n\
# copy /var/backup/full to the new server; there, with MariaDB stopped and an empty datadir:\n\
sudo mariabackup --copy-back --target-dir=/var/backup/full\n\
sudo chown -R mysql:mysql /var/lib/mysql";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Valued;
    use crate::text::TextRange;

    fn at(n: u32) -> Loc {
        Loc { input: 0, range: TextRange::new(n, n + 1) }
    }

    #[test]
    fn mariadb_and_old_mysql() {
        let mut f = Facts::default();
        assert_eq!(detect(&f), None);
        f.server.flavor = Some(Valued::new(crate::facts::Flavor::MariaDb, at(1)));
        f.server.version = Some(Valued::new(Version::new(10, 11, 6), at(1)));
        assert_eq!(detect(&f), Some(Why::MariaDb { at: at(1) }));

        f.server.flavor = Some(Valued::new(crate::facts::Flavor::MySql, at(2)));
        f.server.version = Some(Valued::new(Version::new(8, 0, 16), at(2)));
        assert!(matches!(detect(&f), Some(Why::TooOld { .. })));
        f.server.version = Some(Valued::new(Version::new(8, 0, 17), at(2)));
        assert_eq!(detect(&f), None);
        f.server.version = Some(Valued::new(Version::new(5, 7, 44), at(2)));
        assert!(matches!(detect(&f), Some(Why::TooOld { .. })));
    }

    #[test]
    fn mariadb_unit_without_version() {
        let mut f = Facts::default();
        let u = crate::facts::unit::UnitFacts {
            exec_start: vec![Valued::new("/usr/sbin/mariadbd $MYSQLD_OPTS".into(), at(7))],
            ..Default::default()
        };
        f.unit = Some(u);
        assert_eq!(detect(&f), Some(Why::MariaDb { at: at(7) }));
    }
}
