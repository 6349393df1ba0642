//! Which names hold secrets: option names, variables, environment variables, YAML/JSON keys.

/// Whether `key`, as written (`MYSQL_ROOT_PASSWORD`, `--loose-replication-password`,
/// `rootPassword`, `keyring_hashicorp_secret_id`, `"password"`), names a secret value.
pub(crate) fn is_secret_name(key: &str) -> bool {
    let segs = segments(key);
    let mut s: &[String] = &segs;
    // Option prefixes: `--loose-password`, `--skip-password=x` (the value is still what was typed).
    while s.len() > 1 && matches!(s[0].as_str(), "loose" | "skip" | "enable" | "disable" | "maximum") {
        s = &s[1..];
    }
    let Some(last) = s.last() else { return false };
    if is_setting(s) {
        return false;
    }
    let n = s.len();
    match last.as_str() {
        "password" | "password1" | "password2" | "password3" => true,
        // `MYSQL_PWD`, `REPLICATION_PASS`, but not `PWD` (the working directory) or `pass`.
        "passwd" | "pwd" | "pass" => n > 1,
        // `keyring_vault.conf`'s `token`, `VAULT_TOKEN`, `client_secret`.
        "secret" | "token" => true,
        // `…secret_id`, `…secret_key`, `aws_secret_access_key`.
        "id" | "key" => s[..n - 1].iter().rev().take(2).any(|w| w == "secret"),
        "string" => n > 1 && s[n - 2] == "authentication",
        _ => false,
    }
}

/// Lower-case words of a key: split at `_`, `-`, `.`, quotes and camelCase boundaries.
fn segments(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in key.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Names ending like a secret that name a setting instead.
fn is_setting(s: &[String]) -> bool {
    let joined = s.join("_");
    const EXACT: &[&str] = &[
        "mysql_native_password",
        "sha256_password",
        "caching_sha2_password",
        "mysql_clear_password",
        "authentication_windows_password",
    ];
    const SUFFIX: &[&str] = &[
        "empty_password",
        "random_root_password",
        "random_password",
        "onetime_password",
        "expired_password",
        "identified_by_password",
        "change_password",
        "require_password",
    ];
    EXACT.contains(&joined.as_str())
        || SUFFIX.iter().any(|x| joined.ends_with(x))
        || joined.starts_with("validate_password")
        || joined.starts_with("mysql_native_password")
}

#[cfg(test)]
mod tests {
    use super::is_secret_name;

    #[test]
    fn secret_names() {
        for k in [
            "password",
            "--password",
            "loose-password",
            "--skip-password",
            "password2",
            "MYSQL_ROOT_PASSWORD",
            "MYSQL_PWD",
            "replication_passwd",
            "MYSQL_PASS",
            "REPLICATION_PASS",
            "rootPassword",
            "replicationPassword",
            "keyring_hashicorp_secret_id",
            "aws_secret_access_key",
            "client_secret",
            "token",
            "VAULT_TOKEN",
            "authentication_string",
            "x.password",
            "\"password\"",
        ] {
            assert!(is_secret_name(k), "{k}");
        }
        for k in [
            "PWD",
            "OLDPWD",
            "pass",
            "bypass",
            "mysql_native_password",
            "default_authentication_plugin",
            "validate_password.policy",
            "validate_password_length",
            "MYSQL_ALLOW_EMPTY_PASSWORD",
            "MYSQL_RANDOM_ROOT_PASSWORD",
            "MYSQL_ROOT_PASSWORD_FILE",
            "MYSQL_ONETIME_PASSWORD",
            "password_history",
            "old_passwords",
            "disconnect_on_expired_password",
            "secretKeyRef",
            "secretName",
            "keyring_hashicorp_role_id",
            "passwd",
            "",
        ] {
            assert!(!is_secret_name(k), "{k}");
        }
    }
}
