//! Paste-ready fixes shared by the clone rules. Texts are SQL, option-file lines or shell commands
//! (never translated); titles and reasons come from the catalog.

use crate::report::{Applicability, Fix, FixTarget};
use crate::rules::Ctx;

/// `CLONE_MIN_NET_BLOCK`: the smallest `max_allowed_packet` a clone accepts (2 MiB, §3.2).
pub(crate) const MIN_PACKET: u64 = 2 * 1024 * 1024;
/// The value suggested: MySQL 8.0's default, 64 MiB.
pub(crate) const SUGGESTED_PACKET: u64 = 64 * 1024 * 1024;

/// `INSTALL PLUGIN clone SONAME 'mysql_clone.so';` on this server or on the donor.
pub(crate) fn install_plugin(cx: &Ctx<'_>, on_donor: bool) -> Fix {
    let title = if on_donor { "clone.fix-install-donor.title" } else { "clone.fix-install.title" };
    Fix::safe(FixTarget::Sql, cx.t(title), "INSTALL PLUGIN clone SONAME 'mysql_clone.so';".to_owned())
}

/// `[mysqld] plugin-load-add=mysql_clone.so` (loads the plugin at every start).
pub(crate) fn plugin_load_add(cx: &Ctx<'_>) -> Fix {
    Fix::needs_review(
        FixTarget::MyCnf,
        cx.t("clone.fix-plugin-load.title"),
        "[mysqld]\nplugin-load-add=mysql_clone.so".to_owned(),
    )
    .because(cx.t("clone.fix-plugin-load.reason"))
}

/// `SET PERSIST clone_valid_donor_list = '…';`.
pub(crate) fn donor_list(cx: &Ctx<'_>, value: &str, placeholder: bool) -> Fix {
    let applicability = if placeholder { Applicability::DisplayOnly } else { Applicability::NeedsReview };
    let reason =
        if placeholder { "clone.fix-donor-list.reason-placeholder" } else { "clone.fix-donor-list.reason" };
    Fix::new(
        applicability,
        FixTarget::Sql,
        cx.t("clone.fix-donor-list.title"),
        format!("SET PERSIST clone_valid_donor_list = '{value}';"),
    )
    .because(cx.t(reason))
}

/// `SET PERSIST max_allowed_packet = 67108864;` (donor and recipient).
pub(crate) fn max_packet(cx: &Ctx<'_>) -> Fix {
    Fix::needs_review(
        FixTarget::Sql,
        cx.t("clone.fix-packet.title"),
        format!("SET PERSIST max_allowed_packet = {SUGGESTED_PACKET};"),
    )
    .because(cx.t("clone.fix-packet.reason"))
}

/// `[mysqld] max_allowed_packet=64M`.
pub(crate) fn max_packet_cnf(cx: &Ctx<'_>) -> Fix {
    Fix::needs_review(
        FixTarget::MyCnf,
        cx.t("clone.fix-packet-cnf.title"),
        "[mysqld]\nmax_allowed_packet=64M".to_owned(),
    )
    .because(cx.t("clone.fix-packet-cnf.reason"))
}

/// `GRANT <privilege> ON *.* TO '<user>'@'<host>';` with a placeholder account.
pub(crate) fn grant(cx: &Ctx<'_>, privilege: &str, on_donor: bool) -> Fix {
    let title = if on_donor { "clone.fix-grant-donor.title" } else { "clone.fix-grant.title" };
    Fix::display_only(
        FixTarget::Sql,
        cx.fmt(title, &[("privilege", privilege)]),
        format!("GRANT {privilege} ON *.* TO 'clone_user'@'%';"),
    )
    .because(cx.t("clone.fix-grant.reason"))
}

/// The clone statement to run again.
pub(crate) fn retry_clone(cx: &Ctx<'_>, donor: Option<&str>) -> Fix {
    let donor = donor.and_then(super::donor_list::split_donor);
    let (host, port) = donor.unwrap_or_else(|| ("donor.example.com".to_owned(), "3306".to_owned()));
    Fix::display_only(
        FixTarget::Sql,
        cx.t("clone.fix-retry.title"),
        format!("CLONE INSTANCE FROM 'clone_user'@'{host}':{port}\n  IDENTIFIED BY '<password>';"),
    )
    .because(cx.t("clone.fix-retry.reason"))
}
