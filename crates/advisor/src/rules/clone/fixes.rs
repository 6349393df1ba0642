//! Paste-ready fixes shared by the clone rules. Texts are SQL, option-file lines or shell commands
//! (never translated); titles and reasons come from the catalog.

use crate::i18n::k;
use crate::report::{Applicability, Fix, FixTarget};
use crate::rules::Ctx;

/// `CLONE_MIN_NET_BLOCK`: the smallest `max_allowed_packet` a clone accepts (2 MiB, §3.2).
pub(crate) const MIN_PACKET: u64 = 2 * 1024 * 1024;
/// The value suggested: MySQL 8.0's default, 64 MiB.
pub(crate) const SUGGESTED_PACKET: u64 = 64 * 1024 * 1024;

/// `INSTALL PLUGIN clone SONAME 'mysql_clone.so';` on this server or on the donor.
pub(crate) fn install_plugin(cx: &Ctx<'_>, on_donor: bool) -> Fix {
    let title = if on_donor { k::CLONE_FIX_INSTALL_DONOR_TITLE } else { k::CLONE_FIX_INSTALL_TITLE };
    Fix::safe(FixTarget::Sql, cx.t(title), "INSTALL PLUGIN clone SONAME 'mysql_clone.so';".to_owned())
}

/// `[mysqld] plugin-load-add=mysql_clone.so` (loads the plugin at every start).
pub(crate) fn plugin_load_add(cx: &Ctx<'_>) -> Fix {
    Fix::needs_review(
        FixTarget::MyCnf,
        cx.t(k::CLONE_FIX_PLUGIN_LOAD_TITLE),
        "[mysqld]\nplugin-load-add=mysql_clone.so".to_owned(),
    )
    .because(cx.t(k::CLONE_FIX_PLUGIN_LOAD_REASON))
}

/// `SET PERSIST clone_valid_donor_list = '…';`.
pub(crate) fn donor_list(cx: &Ctx<'_>, value: &str, placeholder: bool) -> Fix {
    let applicability = if placeholder { Applicability::DisplayOnly } else { Applicability::NeedsReview };
    let reason =
        if placeholder { k::CLONE_FIX_DONOR_LIST_REASON_PLACEHOLDER } else { k::CLONE_FIX_DONOR_LIST_REASON };
    Fix::new(
        applicability,
        FixTarget::Sql,
        cx.t(k::CLONE_FIX_DONOR_LIST_TITLE),
        format!("SET PERSIST clone_valid_donor_list = '{value}';"),
    )
    .because(cx.t(reason))
}

/// `SET PERSIST max_allowed_packet = 67108864;` (donor and recipient).
pub(crate) fn max_packet(cx: &Ctx<'_>) -> Fix {
    Fix::needs_review(
        FixTarget::Sql,
        cx.t(k::CLONE_FIX_PACKET_TITLE),
        format!("SET PERSIST max_allowed_packet = {SUGGESTED_PACKET};"),
    )
    .because(cx.t(k::CLONE_FIX_PACKET_REASON))
}

/// `[mysqld] max_allowed_packet=64M`.
pub(crate) fn max_packet_cnf(cx: &Ctx<'_>) -> Fix {
    Fix::needs_review(
        FixTarget::MyCnf,
        cx.t(k::CLONE_FIX_PACKET_CNF_TITLE),
        "[mysqld]\nmax_allowed_packet=64M".to_owned(),
    )
    .because(cx.t(k::CLONE_FIX_PACKET_CNF_REASON))
}

/// `GRANT <privilege> ON *.* TO '<user>'@'<host>';` with a placeholder account.
pub(crate) fn grant(cx: &Ctx<'_>, privilege: &str, on_donor: bool) -> Fix {
    let title = if on_donor { k::CLONE_FIX_GRANT_DONOR_TITLE } else { k::CLONE_FIX_GRANT_TITLE };
    Fix::display_only(
        FixTarget::Sql,
        cx.fmt(title, &[("privilege", privilege)]),
        format!("GRANT {privilege} ON *.* TO 'clone_user'@'%';"),
    )
    .because(cx.t(k::CLONE_FIX_GRANT_REASON))
}

/// The clone statement to run again.
pub(crate) fn retry_clone(cx: &Ctx<'_>, donor: Option<&str>) -> Fix {
    let donor = donor.and_then(super::donor_list::split_donor);
    let (host, port) = donor.unwrap_or_else(|| ("donor.example.com".to_owned(), "3306".to_owned()));
    Fix::display_only(
        FixTarget::Sql,
        cx.t(k::CLONE_FIX_RETRY_TITLE),
        format!("CLONE INSTANCE FROM 'clone_user'@'{host}':{port}\n  IDENTIFIED BY '<password>';"),
    )
    .because(cx.t(k::CLONE_FIX_RETRY_REASON))
}
