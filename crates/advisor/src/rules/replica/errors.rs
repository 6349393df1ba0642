//! Replication error numbers seen in `Last_IO_Errno` / `Last_SQL_Errno`, explained in plain words.
//!
//! Numbers and symbols: client/server error numbers as in MySQL's message files and connector
//! error-code tables (1236 `ER_SOURCE_FATAL_ERROR_READING_BINLOG`, 1871/1872 repository init
//! errors…); 13114 is the error-log id `ER_SERVER_SOURCE_FATAL_ERROR_READING_BINLOG` (MY-013114),
//! which 8.0 shows in `Last_IO_Errno` for the same fatal read error. The explanations are catalog
//! messages `replica.errno-<n>`.

use crate::i18n::{Key, k};
use crate::text::TrimWs;

/// A known error: its number, symbol, and whether it comes from the receiver (IO) side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KnownError {
    pub code: u32,
    pub symbol: &'static str,
}

/// The error table (sorted by number).
pub(crate) const TABLE: &[KnownError] = &[
    KnownError { code: 1007, symbol: "ER_DB_CREATE_EXISTS" },
    KnownError { code: 1008, symbol: "ER_DB_DROP_EXISTS" },
    KnownError { code: 1032, symbol: "ER_KEY_NOT_FOUND" },
    KnownError { code: 1045, symbol: "ER_ACCESS_DENIED_ERROR" },
    KnownError { code: 1050, symbol: "ER_TABLE_EXISTS_ERROR" },
    KnownError { code: 1062, symbol: "ER_DUP_ENTRY" },
    KnownError { code: 1130, symbol: "ER_HOST_NOT_PRIVILEGED" },
    KnownError { code: 1146, symbol: "ER_NO_SUCH_TABLE" },
    KnownError { code: 1205, symbol: "ER_LOCK_WAIT_TIMEOUT" },
    KnownError { code: 1213, symbol: "ER_LOCK_DEADLOCK" },
    KnownError { code: 1236, symbol: "ER_SOURCE_FATAL_ERROR_READING_BINLOG" },
    KnownError { code: 1593, symbol: "ER_SLAVE_FATAL_ERROR" },
    KnownError { code: 1594, symbol: "ER_SLAVE_RELAY_LOG_READ_FAILURE" },
    KnownError { code: 1595, symbol: "ER_SLAVE_RELAY_LOG_WRITE_FAILURE" },
    KnownError { code: 1871, symbol: "ER_SLAVE_MI_INIT_REPOSITORY" },
    KnownError { code: 1872, symbol: "ER_SLAVE_RLI_INIT_REPOSITORY" },
    KnownError { code: 2003, symbol: "CR_CONN_HOST_ERROR" },
    KnownError { code: 2005, symbol: "CR_UNKNOWN_HOST" },
    KnownError { code: 2013, symbol: "CR_SERVER_LOST" },
    KnownError { code: 2026, symbol: "CR_SSL_CONNECTION_ERROR" },
    KnownError { code: 2061, symbol: "CR_AUTH_PLUGIN_ERR" },
    KnownError { code: 13114, symbol: "ER_SERVER_SOURCE_FATAL_ERROR_READING_BINLOG" },
];

/// The entry for `code`, if known.
pub(crate) fn lookup(code: u32) -> Option<&'static KnownError> {
    TABLE.binary_search_by_key(&code, |e| e.code).ok().and_then(|i| TABLE.get(i))
}

/// The catalog key explaining `code`: `replica.errno-<n>`, or `replica.errno-unknown`.
pub(crate) fn key(code: u32) -> Key {
    match lookup(code) {
        Some(e) => crate::i18n::dynamic(format_args!("replica.errno-{}", e.code)),
        None => k::REPLICA_ERRNO_UNKNOWN,
    }
}

/// Parses an errno field (`0`, `1236`); `None` for empty or non-numeric text.
pub(crate) fn parse_errno(s: &str) -> Option<u32> {
    s.trim_ws().parse().ok()
}

/// True when an IO error says the source no longer has binary logs the replica needs
/// (`…source purged required binary logs…`, 5.7's `…master has purged binary logs containing GTIDs
/// that the slave requires…`, or file-position `Could not find first log file name in binary log
/// index file`).
pub(crate) fn says_purged(code: u32, text: &str) -> bool {
    if code != 1236 && code != 13114 {
        return false;
    }
    let t = text.to_ascii_lowercase();
    t.contains("purged") || t.contains("could not find first log file name")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_entry_has_both_languages() {
        assert!(TABLE.windows(2).all(|w| w[0].code < w[1].code));
        for e in TABLE {
            for lang in crate::i18n::Lang::ALL {
                assert!(lang.has(key(e.code)), "{} missing in {}", e.code, lang.tag());
            }
        }
        assert!(crate::i18n::Lang::ZhCn.has(k::REPLICA_ERRNO_UNKNOWN));
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup(1062).map(|e| e.symbol), Some("ER_DUP_ENTRY"));
        assert!(lookup(1).is_none());
        assert_eq!(key(99999), k::REPLICA_ERRNO_UNKNOWN);
        assert_eq!(parse_errno(" 13114 "), Some(13114));
        assert_eq!(parse_errno(""), None);
    }

    #[test]
    fn purged_texts() {
        assert!(says_purged(
            13114,
            "Got fatal error 1236 from source when reading data from binary log: 'Cannot replicate because the source purged required binary logs.'"
        ));
        assert!(says_purged(
            1236,
            "Got fatal error 1236 from master when reading data from binary log: 'The slave is connecting using CHANGE MASTER TO MASTER_AUTO_POSITION = 1, but the master has purged binary logs containing GTIDs that the slave requires.'"
        ));
        assert!(says_purged(1236, "Could not find first log file name in binary log index file"));
        assert!(!says_purged(1236, "log event entry exceeded max_allowed_packet"));
        assert!(!says_purged(1062, "purged"));
    }
}
