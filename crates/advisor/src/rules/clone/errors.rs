//! Clone-related error numbers (`mysql-facts.md` §3.1–§3.3) and readers for the parts of their
//! messages that matter (the donor's own error inside 3862, the two versions of 3864, the donor and
//! list of 3869, the two sizes of 3957).
//!
//! Every reader is total: it returns `None` (or a catch-all) on text it does not recognise.

use crate::text::{TrimWs, after_ci, find_ci};

use crate::facts::LogEvent;

pub(crate) const ER_SPECIFIC_ACCESS_DENIED: u32 = 1227;
pub(crate) const ER_QUERY_INTERRUPTED: u32 = 1317;
pub(crate) const ER_PLUGIN_IS_NOT_LOADED: u32 = 1524;
/// `ER_INTERNAL_ERROR` ("Internal error: %s"). The facts name the error, not its number; 1815 is
/// the number in MySQL's client libraries (see the rule's Known problems).
pub(crate) const ER_INTERNAL_ERROR: u32 = 1815;
#[allow(dead_code, reason = "kept with its neighbours so the error table is complete")]
pub(crate) const ER_CLONE_DDL_IN_PROGRESS: u32 = 3633;
#[allow(dead_code, reason = "kept with its neighbours so the error table is complete")]
pub(crate) const ER_CLONE_TOO_MANY_CONCURRENT_CLONES: u32 = 3634;
pub(crate) const ER_RESTART_SERVER_FAILED: u32 = 3707;
pub(crate) const ER_CLONE_DONOR: u32 = 3862;
pub(crate) const ER_CLONE_DONOR_VERSION: u32 = 3864;
pub(crate) const ER_CLONE_SYS_CONFIG: u32 = 3869;
#[allow(dead_code, reason = "kept with its neighbours so the error table is complete")]
pub(crate) const ER_CLONE_DISALLOWED: u32 = 3875;
pub(crate) const ER_CLONE_NETWORK_PACKET: u32 = 3957;

/// `MY-013462` `ER_CLONE_SHUTDOWN_TRACE`.
pub(crate) const LOG_CLONE_SHUTDOWN: &str = "MY-013462";
/// `MY-011034` `ER_CLONE_PLUGIN_NOT_LOADED_TRACE` ("Clone plugin cannot be loaded.").
pub(crate) const LOG_PLUGIN_NOT_LOADED: &str = "MY-011034";

/// The text of MY-013462, for logs whose id was cut off.
pub(crate) const CLONE_SHUTDOWN_TEXT: &str = "Clone shutting down server as RESTART failed";
/// The clone recovery failure message (§2.2), stored with `ER_INTERNAL_ERROR`.
pub(crate) const RECOVERY_FAILED_TEXT: &str = "Recovery failed. Please Retry Clone";

/// The symbolic name of a clone-related error number.
pub(crate) fn name(code: u32) -> Option<&'static str> {
    Some(match code {
        1227 => "ER_SPECIFIC_ACCESS_DENIED_ERROR",
        1317 => "ER_QUERY_INTERRUPTED",
        1524 => "ER_PLUGIN_IS_NOT_LOADED",
        1815 => "ER_INTERNAL_ERROR",
        3633 => "ER_CLONE_DDL_IN_PROGRESS",
        3634 => "ER_CLONE_TOO_MANY_CONCURRENT_CLONES",
        3707 => "ER_RESTART_SERVER_FAILED",
        3862 => "ER_CLONE_DONOR",
        3863 => "ER_CLONE_PROTOCOL",
        3864 => "ER_CLONE_DONOR_VERSION",
        3865 => "ER_CLONE_OS",
        3866 => "ER_CLONE_PLATFORM",
        3867 => "ER_CLONE_CHARSET",
        3868 => "ER_CLONE_CONFIG",
        3869 => "ER_CLONE_SYS_CONFIG",
        3870 => "ER_CLONE_PLUGIN_MATCH",
        3871 => "ER_CLONE_LOOPBACK",
        3872 => "ER_CLONE_ENCRYPTION",
        3873 => "ER_CLONE_DISK_SPACE",
        3874 => "ER_CLONE_IN_PROGRESS",
        3875 => "ER_CLONE_DISALLOWED",
        3957 => "ER_CLONE_NETWORK_PACKET",
        _ => return None,
    })
}

/// True for the error numbers only a clone raises (3633, 3634, 3862–3875, 3957).
pub(crate) fn is_clone_only(code: u32) -> bool {
    matches!(code, 3633 | 3634 | 3862..=3875 | 3957)
}

/// True when a client error belongs to a clone: a clone-only number, 1524 naming the `clone`
/// plugin, or 1227 asking for `CLONE_ADMIN` / `BACKUP_ADMIN`.
pub(crate) fn is_clone_client_error(code: u32, message: &str) -> bool {
    is_clone_only(code)
        || (code == ER_PLUGIN_IS_NOT_LOADED && names_clone_plugin(message))
        || (code == ER_SPECIFIC_ACCESS_DENIED && names_clone_privilege(message))
}

/// True for error-log lines written by a clone (MY-013462, MY-011034, the MY-0132xx traces,
/// `Clone …` InnoDB lines).
pub(crate) fn is_clone_log_event(e: &LogEvent) -> bool {
    if e.has_code(LOG_CLONE_SHUTDOWN) || e.has_code(LOG_PLUGIN_NOT_LOADED) {
        return true;
    }
    let m = e.message.trim_start_ws();
    ["MY-013270", "MY-013271", "MY-013272", "MY-013273", "MY-013457", "MY-013458", "MY-013460"]
        .iter()
        .any(|c| e.has_code(c))
        || m.starts_with("Clone ")
        || m.contains(CLONE_SHUTDOWN_TEXT)
}

/// True for MY-013462 (by id, or by its text when the id is missing).
pub(crate) fn is_clone_shutdown(e: &LogEvent) -> bool {
    e.has_code(LOG_CLONE_SHUTDOWN) || (e.code.is_none() && e.message.contains(CLONE_SHUTDOWN_TEXT))
}

/// `Plugin 'clone' is not loaded` (any case, any quotes).
pub(crate) fn names_clone_plugin(message: &str) -> bool {
    let l = message.to_ascii_lowercase();
    l.contains("plugin 'clone'") || l.contains("plugin \"clone\"") || l.contains("plugin `clone`")
}

fn names_clone_privilege(message: &str) -> bool {
    let u = message.to_ascii_uppercase();
    u.contains("CLONE_ADMIN") || u.contains("BACKUP_ADMIN")
}

/// True for the client errors that name a clone prerequisite, reported by `clone-prerequisites`:
/// 1524 for the clone plugin (not inside 3862, which is the donor's), 3864, 3869 and 3957.
pub(crate) fn is_prerequisite(code: u32, message: &str) -> bool {
    matches!(code, ER_CLONE_DONOR_VERSION | ER_CLONE_SYS_CONFIG | ER_CLONE_NETWORK_PACKET)
        || (code == ER_PLUGIN_IS_NOT_LOADED && names_clone_plugin(message))
}

/// True when `(code, message)` is the recovery failure recorded at the first start after a clone.
pub(crate) fn is_recovery_failed(code: u32, message: &str) -> bool {
    message.contains(RECOVERY_FAILED_TEXT) || (code == ER_INTERNAL_ERROR && message.contains("Clone"))
}

/// What the donor reported inside `Clone Donor Error: …` (3862, §3.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DonorError {
    /// `Connect failed: <errno> : <msg>`: the recipient could not connect to the donor.
    ConnectFailed { errno: Option<u32>, detail: String },
    /// `<errno> : <msg>`: the donor refused `COM_CLONE` (1524: no plugin there; 1227: privilege).
    Inner { errno: u32, detail: String },
    /// Anything else.
    Other(String),
}

/// Reads the donor's error out of a 3862 message.
pub(crate) fn donor_error(message: &str) -> DonorError {
    let body = after_ci(message, "Clone Donor Error:").unwrap_or(message).trim_ws();
    let body = body.strip_suffix('.').unwrap_or(body).trim_ws();
    if let Some(rest) = after_ci(body, "Connect failed:") {
        let (errno, detail) = leading_errno(rest.trim_ws());
        return DonorError::ConnectFailed { errno, detail: detail.to_owned() };
    }
    match leading_errno(body) {
        (Some(errno), detail) => DonorError::Inner { errno, detail: detail.to_owned() },
        (None, _) => DonorError::Other(body.to_owned()),
    }
}

/// `1524 : Plugin 'clone' is not loaded` → (1524, "Plugin 'clone' is not loaded").
fn leading_errno(s: &str) -> (Option<u32>, &str) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return (None, s);
    }
    let (num, rest) = s.split_at(digits);
    let rest = rest.trim_start_ws();
    let Some(rest) = rest.strip_prefix(':') else { return (None, s) };
    (num.parse().ok(), rest.trim_ws())
}

/// The donor and recipient versions of a 3864 message:
/// `Clone Donor MySQL version: 8.0.36 is different from Recipient MySQL version 8.0.35.`
pub(crate) fn version_mismatch(message: &str) -> Option<(String, String)> {
    let donor = after_ci(message, "Donor MySQL version:")?;
    let donor = donor.split_whitespace().next()?;
    let recipient = after_ci(message, "Recipient MySQL version")?;
    let recipient = recipient.trim_start_matches([':', ' ']).split_whitespace().next()?;
    let clean = |s: &str| s.trim_end_matches(['.', ',']).to_owned();
    Some((clean(donor), clean(recipient)))
}

/// What a 3869 message says about `clone_valid_donor_list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SysConfig {
    /// `h:p is not found in clone_valid_donor_list: <list>`.
    NotInList { donor: String, list: String },
    /// `Invalid Format. Please enter "<hostname1>:<port1>,..."' with no extra space`.
    InvalidFormat,
    /// Another system configuration problem.
    Other,
}

/// Reads a 3869 message.
pub(crate) fn sys_config(message: &str) -> SysConfig {
    if find_ci(message, "Invalid Format").is_some() {
        return SysConfig::InvalidFormat;
    }
    let marker = "is not found in clone_valid_donor_list";
    if let Some(at) = find_ci(message, marker) {
        let head = message[..at].trim_end_ws();
        let head = after_ci(head, "Clone system configuration:").unwrap_or(head);
        let donor = head.split_whitespace().last().unwrap_or("").to_owned();
        let tail = &message[at + marker.len()..];
        let list = tail.trim_start_matches([':', ' ']).trim_ws().trim_end_matches('.').trim_ws().to_owned();
        if !donor.is_empty() {
            return SysConfig::NotInList { donor, list };
        }
    }
    SysConfig::Other
}

/// The required and current sizes of a 3957 message:
/// `Clone needs max_allowed_packet value to be 2097152 or more. Current value is 1048576`.
pub(crate) fn packet_sizes(message: &str) -> Option<(u64, u64)> {
    let need = after_ci(message, "value to be")?;
    let need: String = need.trim_start_ws().chars().take_while(char::is_ascii_digit).collect();
    let cur = after_ci(message, "Current value is")?;
    let cur: String = cur.trim_start_ws().chars().take_while(char::is_ascii_digit).collect();
    Some((need.parse().ok()?, cur.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn donor_errors() {
        assert_eq!(
            donor_error("Clone Donor Error: 1524 : Plugin 'clone' is not loaded."),
            DonorError::Inner { errno: 1524, detail: "Plugin 'clone' is not loaded".into() }
        );
        assert_eq!(
            donor_error(
                "Clone Donor Error: Connect failed: 2003 : Can't connect to MySQL server on 'db1:3306' (111)."
            ),
            DonorError::ConnectFailed {
                errno: Some(2003),
                detail: "Can't connect to MySQL server on 'db1:3306' (111)".into()
            }
        );
        assert!(matches!(donor_error("Clone Donor Error: something odd."), DonorError::Other(_)));
        assert!(matches!(donor_error(""), DonorError::Other(_)));
    }

    #[test]
    fn versions_of_3864() {
        assert_eq!(
            version_mismatch(
                "Clone Donor MySQL version: 8.0.36 is different from Recipient MySQL version 8.0.35."
            ),
            Some(("8.0.36".into(), "8.0.35".into()))
        );
        assert_eq!(version_mismatch("Clone Donor MySQL version:"), None);
    }

    #[test]
    fn sys_config_messages() {
        assert_eq!(
            sys_config(
                "Clone system configuration: db1.example.com:3306 is not found in clone_valid_donor_list: db2:3306"
            ),
            SysConfig::NotInList { donor: "db1.example.com:3306".into(), list: "db2:3306".into() }
        );
        assert_eq!(
            sys_config("Clone system configuration: 10.0.0.5:3306 is not found in clone_valid_donor_list: "),
            SysConfig::NotInList { donor: "10.0.0.5:3306".into(), list: String::new() }
        );
        assert_eq!(
            sys_config(
                "Clone system configuration: Invalid Format. Please enter \"<hostname1>:<port1>,...\"' with no extra space"
            ),
            SysConfig::InvalidFormat
        );
        assert_eq!(sys_config("Clone system configuration: x"), SysConfig::Other);
    }

    #[test]
    fn packet_message() {
        assert_eq!(
            packet_sizes(
                "Clone needs max_allowed_packet value to be 2097152 or more. Current value is 1048576"
            ),
            Some((2097152, 1048576))
        );
        assert_eq!(packet_sizes("nothing"), None);
    }

    #[test]
    fn classification() {
        assert!(is_clone_client_error(3869, ""));
        assert!(is_clone_client_error(1524, "Plugin 'clone' is not loaded"));
        assert!(!is_clone_client_error(1524, "Plugin 'rpl_semi_sync_source' is not loaded"));
        assert!(is_clone_client_error(
            1227,
            "Access denied; you need (at least one of) the CLONE_ADMIN privilege(s) for this operation"
        ));
        assert!(!is_clone_client_error(
            1227,
            "Access denied; you need (at least one of) the SUPER privilege(s)"
        ));
        assert!(!is_clone_client_error(3707, ""));
        assert!(is_recovery_failed(
            1815,
            "Recovery failed. Please Retry Clone. For details, look into server error log."
        ));
        assert!(!is_recovery_failed(1815, "Internal error: something else"));
        assert_eq!(find_ci("abc", "ABCD"), None);
        assert_eq!(find_ci("xÄbc", "BC"), Some(3));
    }
}

#[cfg(test)]
mod props {
    use proptest::prelude::*;

    proptest! {
        /// Any text: the message readers never panic.
        #[test]
        fn readers_never_panic(text in "(Clone Donor Error:|Connect failed:|Donor MySQL version:|Recipient MySQL version|Invalid Format|value to be|Current value is|'u'@'h':|3306|;|\r\n|\n|é|[ -~]){0,60}") {
            let _ = super::donor_error(&text);
            let _ = super::sys_config(&text);
            let _ = super::version_mismatch(&text);
            let _ = super::packet_sizes(&text);
            let _ = crate::rules::clone::donor_list::parse(&text);
            let _ = crate::rules::clone::donor_list::repaired(&text);
        }
    }
}
