//! Renderers for people: plain/coloured text and Markdown. (JSON is [`Report::to_json`].)
//!
//! Both read only the [`Report`] — never the input — so what they show is exactly what the JSON
//! contract holds (secrets already masked). Every label comes from the catalog (`render.*` keys) in
//! the report's language.
//!
//! # Example
//! ```
//! use advisor::{analyze, render, Input};
//! let report = analyze(&[Input::new("my.cnf", "[mysqld]\nrelay_log_recovery=ON\n")]);
//! let plain = render::text(&report, &render::TextOptions::default());
//! assert!(!plain.contains('\x1b'));
//! let md = render::markdown(&report);
//! assert!(md.starts_with("# "));
//! ```

use crate::text::TrimWs;

mod markdown;
pub mod markup;
mod text;

pub use markdown::markdown;
pub use text::{TextOptions, text};

use crate::i18n::{Lang, k};
use crate::report::{
    Applicability, CloneRestart, CrashSafe, Evidence, FixTarget, Report, Severity, VerdictNote,
};
use std::borrow::Cow;

/// `s` safe for a terminal, whichever renderer wrote it: control characters (C0 but tab and line
/// feed, DEL, C1) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that
/// input could use to drive the terminal or reorder what is shown are replaced by visible
/// stand-ins — a C0 character by its Control Picture (`␛` for ESC), the others by U+FFFD.
/// Borrowed unchanged when there is none (the usual case).
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                c if is_unsafe(c) && (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// A character [`clean`] replaces.
fn is_unsafe(c: char) -> bool {
    (c != '\t' && c != '\n' && c.is_control())
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// How good a verdict is, for colouring and icons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Good,
    Bad,
    Unknown,
}

/// One verdict, ready to show.
struct VerdictRow<'a> {
    question: String,
    /// The JSON value (`works`, `no`…).
    value: &'static str,
    /// The human answer.
    answer: String,
    tone: Tone,
    note: &'a VerdictNote,
}

fn verdict_rows(report: &Report) -> [VerdictRow<'_>; 2] {
    let lang = report.lang;
    let cr = report.verdicts.clone_restart;
    let cs = report.verdicts.replica_crash_safe;
    // An answer a note says may not hold, or one with caveats, says so next to it.
    let qualify = |answer: String, n: &crate::report::VerdictNote| {
        if n.tentative {
            lang.fmt(k::RENDER_ANSWER_TENTATIVE, &[("answer", &answer)])
        } else if !n.caveats.is_empty() {
            lang.fmt(k::RENDER_ANSWER_BUT, &[("answer", &answer)])
        } else {
            answer
        }
    };
    [
        VerdictRow {
            question: lang.t(k::RENDER_VERDICT_CLONE_RESTART),
            value: cr.as_str(),
            answer: qualify(
                lang.t(match cr {
                    CloneRestart::Works => k::RENDER_CLONE_RESTART_WORKS,
                    CloneRestart::Fails => k::RENDER_CLONE_RESTART_FAILS,
                    CloneRestart::StaysDown => k::RENDER_CLONE_RESTART_STAYS_DOWN,
                    CloneRestart::Unknown => k::RENDER_CLONE_RESTART_UNKNOWN,
                    CloneRestart::NotApplicable => k::RENDER_CLONE_RESTART_NOT_APPLICABLE,
                }),
                &report.verdict_notes.clone_restart,
            ),
            tone: match cr {
                CloneRestart::Works => Tone::Good,
                CloneRestart::Fails | CloneRestart::StaysDown => Tone::Bad,
                CloneRestart::Unknown | CloneRestart::NotApplicable => Tone::Unknown,
            },
            note: &report.verdict_notes.clone_restart,
        },
        VerdictRow {
            question: lang.t(k::RENDER_VERDICT_REPLICA_CRASH_SAFE),
            value: cs.as_str(),
            answer: qualify(
                lang.t(match cs {
                    CrashSafe::Yes => k::RENDER_CRASH_SAFE_YES,
                    CrashSafe::No => k::RENDER_CRASH_SAFE_NO,
                    CrashSafe::Unknown => k::RENDER_CRASH_SAFE_UNKNOWN,
                }),
                &report.verdict_notes.replica_crash_safe,
            ),
            tone: match cs {
                CrashSafe::Yes => Tone::Good,
                CrashSafe::No => Tone::Bad,
                CrashSafe::Unknown => Tone::Unknown,
            },
            note: &report.verdict_notes.replica_crash_safe,
        },
    ]
}

/// The note's reasons, without those the summary already says word for word.
fn extra_reasons(note: &VerdictNote) -> Vec<String> {
    note.reasons.iter().filter(|r| !note.summary.contains(r.trim_ws())).cloned().collect()
}

fn severity_label(lang: Lang, s: Severity) -> String {
    lang.t(match s {
        Severity::Error => k::RENDER_SEVERITY_ERROR,
        Severity::Warning => k::RENDER_SEVERITY_WARNING,
        Severity::Info => k::RENDER_SEVERITY_INFO,
    })
}

fn target_label(lang: Lang, t: FixTarget) -> String {
    lang.t(match t {
        FixTarget::SystemdDropin => k::RENDER_TARGET_SYSTEMD_DROPIN,
        FixTarget::MyCnf => k::RENDER_TARGET_MY_CNF,
        FixTarget::Sql => k::RENDER_TARGET_SQL,
        FixTarget::Shell => k::RENDER_TARGET_SHELL,
        FixTarget::LauncherFile => k::RENDER_TARGET_LAUNCHER_FILE,
    })
}

fn applicability_label(lang: Lang, a: Applicability) -> String {
    let key = match a {
        Applicability::Safe => k::RENDER_APPLICABILITY_SAFE,
        Applicability::NeedsReview => k::RENDER_APPLICABILITY_NEEDS_REVIEW,
        Applicability::DisplayOnly => k::RENDER_APPLICABILITY_DISPLAY_ONLY,
    };
    lang.t(key)
}

/// "(systemd drop-in, review first)".
fn fix_meta(lang: Lang, fix: &crate::report::Fix) -> String {
    lang.fmt(
        k::RENDER_FIX_META,
        &[
            ("target", &target_label(lang, fix.target)),
            ("applicability", &applicability_label(lang, fix.applicability)),
        ],
    )
}

/// "channel 'x'", or "the default channel" for the unnamed one (never `""`); on MariaDB, whose
/// word is "connection" (multi-source replication), "connection 'x'" and "the default connection".
pub fn channel_label(report: &Report, channel: &str) -> String {
    let lang = report.lang;
    match (channel.is_empty(), is_mariadb(report)) {
        (true, false) => lang.t(k::RENDER_DEFAULT_CHANNEL),
        (false, false) => lang.fmt(k::RENDER_CHANNEL, &[("channel", channel)]),
        (true, true) => lang.t(k::RENDER_DEFAULT_CONNECTION),
        (false, true) => lang.fmt(k::RENDER_CONNECTION, &[("channel", channel)]),
    }
}

/// Whether the report is about a MariaDB server.
fn is_mariadb(report: &Report) -> bool {
    report.server.flavor.as_deref() == Some("mariadb")
}

/// `7` or `7-9`.
fn line_span(start: u32, end: u32) -> String {
    if end > start { format!("{start}-{end}") } else { start.to_string() }
}

/// "line 7" / "lines 7–9" in the report's language.
fn lines_label(lang: Lang, start: u32, end: u32) -> String {
    if end > start {
        lang.fmt(k::RENDER_LINES, &[("start", &start.to_string()), ("end", &end.to_string())])
    } else {
        lang.fmt(k::RENDER_LINE, &[("line", &start.to_string())])
    }
}

/// Lines of an excerpt shown in full before the middle is elided.
const HEAD_LINES: usize = 24;
/// Lines shown at the end of an elided excerpt.
const TAIL_LINES: usize = 4;
/// Characters of one excerpt line shown before it is cut with `…`.
const MAX_LINE_CHARS: usize = 400;

/// The excerpt's lines, numbered from `line_start` (a trailing `\r` removed), for display: very long
/// lines are cut and the middle of a very long excerpt is replaced by one `None` row. (The JSON keeps
/// the whole excerpt.)
fn numbered_lines(e: &Evidence) -> Vec<(Option<u32>, Cow<'_, str>)> {
    if e.excerpt.is_empty() {
        return Vec::new();
    }
    let all: Vec<&str> = e.excerpt.split('\n').collect();
    let number = |i: usize| Some(e.line_start.saturating_add(i as u32));
    if all.len() <= HEAD_LINES + TAIL_LINES + 1 {
        return all.iter().enumerate().map(|(i, l)| (number(i), clip(l))).collect();
    }
    let mut out: Vec<_> = all[..HEAD_LINES].iter().enumerate().map(|(i, l)| (number(i), clip(l))).collect();
    out.push((None, Cow::Borrowed("…")));
    let tail = all.len() - TAIL_LINES;
    out.extend(all[tail..].iter().enumerate().map(|(i, l)| (number(tail + i), clip(l))));
    out
}

/// `l` without a trailing `\r`, cut after [`MAX_LINE_CHARS`] characters.
fn clip(l: &str) -> Cow<'_, str> {
    let l = l.strip_suffix('\r').unwrap_or(l);
    match l.char_indices().nth(MAX_LINE_CHARS) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &l[..cut])),
        None => Cow::Borrowed(l),
    }
}

/// The gutter width for `lines` (the widest line number).
fn gutter_width(lines: &[(Option<u32>, Cow<'_, str>)]) -> usize {
    lines.iter().filter_map(|(n, _)| *n).max().map(|n| n.to_string().len()).unwrap_or(1)
}

/// "1 error, 2 warnings" (only the non-zero counts), or the no-findings text.
fn counts(report: &Report) -> String {
    let lang = report.lang;
    let mut parts = Vec::new();
    for (sev, one, other) in [
        (Severity::Error, k::RENDER_ERRORS_ONE, k::RENDER_ERRORS_OTHER),
        (Severity::Warning, k::RENDER_WARNINGS_ONE, k::RENDER_WARNINGS_OTHER),
        (Severity::Info, k::RENDER_INFOS_ONE, k::RENDER_INFOS_OTHER),
    ] {
        let n = report.findings.iter().filter(|f| f.severity == sev).count();
        match n {
            0 => {}
            1 => parts.push(lang.t(one)),
            _ => parts.push(lang.fmt(other, &[("n", &n.to_string())])),
        }
    }
    if parts.is_empty() {
        lang.t(k::RENDER_SUMMARY_NONE)
    } else {
        parts.join(if lang == Lang::ZhCn { "，" } else { ", " })
    }
}

/// "mysql 8.0.36 · unit mysqld.service · channels: '', 'ch2'", or `None` when nothing is known.
fn server_line(report: &Report) -> Option<String> {
    let lang = report.lang;
    let s = &report.server;
    let mut parts = Vec::new();
    match (&s.flavor, &s.version) {
        (Some(f), Some(v)) => parts.push(format!("{f} {v}")),
        (Some(x), None) | (None, Some(x)) => parts.push(x.clone()),
        (None, None) => {}
    }
    if let Some(u) = &s.unit {
        parts.push(lang.fmt(k::RENDER_UNIT, &[("unit", u)]));
    }
    if !s.channels.is_empty() {
        let default =
            if is_mariadb(report) { k::RENDER_DEFAULT_CONNECTION } else { k::RENDER_DEFAULT_CHANNEL };
        let mut names: Vec<String> = s
            .channels
            .iter()
            .map(|c| if c.is_empty() { lang.t(default) } else { format!("'{c}'") })
            .collect();
        if s.channels_omitted > 0 {
            names.push(lang.fmt(k::RENDER_CHANNELS_OMITTED, &[("count", &s.channels_omitted.to_string())]));
        }
        let key = if is_mariadb(report) { k::RENDER_CONNECTIONS } else { k::RENDER_CHANNELS };
        parts.push(lang.fmt(key, &[("channels", &names.join(", "))]));
    }
    if parts.is_empty() { None } else { Some(parts.join(" · ")) }
}

/// The input's name for display (the index when the report has no name for it).
fn input_name(report: &Report, input: usize) -> String {
    report.inputs.get(input).map(|i| i.name.clone()).unwrap_or_else(|| format!("#{input}"))
}

#[cfg(test)]
mod tests;
