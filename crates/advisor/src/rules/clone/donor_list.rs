//! `clone_valid_donor_list` (`mysql-facts.md` §3.2) and `plugin_load(_add)` values.
//!
//! The accepted format: `host:port[,host:port…]` with no whitespace anywhere, a `:` in every
//! entry, and a port of decimal digits. An empty (or `NULL`) list matches no donor, so every remote
//! clone needs the list set on the recipient.

use crate::text::TrimWs;

/// One `host:port` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub host: String,
    pub port: String,
}

/// Why a list cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListProblem {
    /// Empty, or `NULL`: no donor is allowed.
    Empty,
    /// Whitespace somewhere in the value (the server rejects it).
    Whitespace,
    /// An entry without `:port` (also an empty entry between commas).
    MissingPort { entry: String },
    /// A port that is not decimal digits.
    BadPort { entry: String },
    /// An entry with an empty host (`:3306`).
    MissingHost { entry: String },
}

/// True when a setting value means "no list" (`''`, `NULL`).
pub(crate) fn is_unset(value: &str) -> bool {
    let t = value.trim_ws().trim_matches(['\'', '"']).trim_ws();
    t.is_empty() || t.eq_ignore_ascii_case("NULL")
}

/// Parses a donor list. Quotes around the whole value (as pasted from an option file) are removed
/// first.
pub(crate) fn parse(value: &str) -> Result<Vec<Entry>, ListProblem> {
    if is_unset(value) {
        return Err(ListProblem::Empty);
    }
    let v = value.trim_ws();
    let v = v
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .or_else(|| v.strip_prefix('"').and_then(|s| s.strip_suffix('"')))
        .unwrap_or(v);
    if v.chars().any(char::is_whitespace) {
        return Err(ListProblem::Whitespace);
    }
    let mut out = Vec::new();
    for entry in v.split(',') {
        let Some((host, port)) = entry.rsplit_once(':') else {
            return Err(ListProblem::MissingPort { entry: entry.to_owned() });
        };
        if host.is_empty() {
            return Err(ListProblem::MissingHost { entry: entry.to_owned() });
        }
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ListProblem::BadPort { entry: entry.to_owned() });
        }
        out.push(Entry { host: host.to_owned(), port: port.to_owned() });
    }
    Ok(out)
}

/// Splits `host:port` (the last `:`); `None` without a numeric port.
pub(crate) fn split_donor(donor: &str) -> Option<(String, String)> {
    let (h, p) = donor.trim_ws().rsplit_once(':')?;
    let p = p.trim_ws();
    if h.is_empty() || p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((h.trim_matches(['\'', '"', '`']).to_owned(), p.to_owned()))
}

/// True when the list names `host:port` (host compared ASCII case-insensitively, port as a number).
pub(crate) fn contains(list: &[Entry], host: &str, port: &str) -> bool {
    let port_n: Option<u32> = port.parse().ok();
    list.iter().any(|e| e.host.eq_ignore_ascii_case(host) && e.port.parse::<u32>().ok() == port_n)
}

/// `entries,host:port`, or `host:port` when the list is empty or unusable.
pub(crate) fn with_donor(current: Option<&str>, host: &str, port: &str) -> String {
    let add = format!("{host}:{port}");
    match current.map(parse) {
        Some(Ok(list)) if !list.is_empty() => {
            let mut s: Vec<String> = list.iter().map(|e| format!("{}:{}", e.host, e.port)).collect();
            if !contains(&list, host, port) {
                s.push(add);
            }
            s.join(",")
        }
        _ => add,
    }
}

/// A cleaned-up version of a malformed list: whitespace removed, entries without a usable port
/// dropped. `None` when nothing usable remains.
pub(crate) fn repaired(value: &str) -> Option<String> {
    let v: String =
        value.trim_ws().trim_matches(['\'', '"']).chars().filter(|c| !c.is_whitespace()).collect();
    let kept: Vec<&str> = v.split(',').filter(|e| parse(e).is_ok()).collect();
    if kept.is_empty() { None } else { Some(kept.join(",")) }
}

/// True when a `plugin_load` / `plugin_load_add` value loads the clone plugin
/// (`mysql_clone.so`, `clone=mysql_clone.so`, `mysql_clone.dll`; `;`-separated lists).
pub(crate) fn loads_clone(value: &str) -> bool {
    value.split(';').any(|item| {
        let lib = item.rsplit_once('=').map(|(_, l)| l).unwrap_or(item);
        let lib = lib.trim_ws().trim_matches(['\'', '"']);
        let base = lib.rsplit(['/', '\\']).next().unwrap_or(lib);
        base.eq_ignore_ascii_case("mysql_clone.so") || base.eq_ignore_ascii_case("mysql_clone.dll")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_lists() {
        let l = parse("db1:3306,10.0.0.7:33060").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1], Entry { host: "10.0.0.7".into(), port: "33060".into() });
        assert!(contains(&l, "DB1", "3306"));
        assert!(!contains(&l, "db1", "3307"));
        assert!(parse("'db1:3306'").is_ok());
    }

    #[test]
    fn malformed_lists() {
        assert_eq!(parse(""), Err(ListProblem::Empty));
        assert_eq!(parse("NULL"), Err(ListProblem::Empty));
        assert_eq!(parse("db1:3306, db2:3306"), Err(ListProblem::Whitespace));
        assert_eq!(parse("db1"), Err(ListProblem::MissingPort { entry: "db1".into() }));
        assert_eq!(parse("db1:3306,"), Err(ListProblem::MissingPort { entry: String::new() }));
        assert_eq!(parse("db1:33o6"), Err(ListProblem::BadPort { entry: "db1:33o6".into() }));
        assert_eq!(parse("db1:"), Err(ListProblem::BadPort { entry: "db1:".into() }));
        assert_eq!(parse(":3306"), Err(ListProblem::MissingHost { entry: ":3306".into() }));
    }

    #[test]
    fn building_lists() {
        assert_eq!(with_donor(Some("db2:3306"), "db1", "3306"), "db2:3306,db1:3306");
        assert_eq!(with_donor(Some("db1:3306"), "db1", "3306"), "db1:3306");
        assert_eq!(with_donor(Some(""), "db1", "3306"), "db1:3306");
        assert_eq!(with_donor(None, "db1", "3306"), "db1:3306");
        assert_eq!(repaired("db1:3306, db2:3306").as_deref(), Some("db1:3306,db2:3306"));
        assert_eq!(repaired("db1, db2").as_deref(), None);
        assert_eq!(split_donor("db1:3306"), Some(("db1".into(), "3306".into())));
        assert_eq!(split_donor("db1"), None);
    }

    #[test]
    fn plugin_load_values() {
        assert!(loads_clone("mysql_clone.so"));
        assert!(loads_clone("rpl_semi_sync_source=semisync_source.so;clone=mysql_clone.so"));
        assert!(loads_clone("/usr/lib/mysql/plugin/mysql_clone.so"));
        assert!(!loads_clone("semisync_source.so"));
        assert!(!loads_clone(""));
    }
}
