//! Image build files and the scripts they run: Dockerfiles, and a shell script printed inside a
//! terminal transcript (`$ cat docker-entrypoint.sh`).
//!
//! Accepted grammar (Dockerfile reference, <https://docs.docker.com/reference/dockerfile/>;
//! line-oriented, never fails):
//! - a document starts at a `FROM` line at column 0 (or a `# syntax=` / `# escape=` parser
//!   directive or an `ARG` line followed by `FROM`), when the input is named `*Dockerfile*` /
//!   `*Containerfile*`, starts with it, follows `cat …Dockerfile`, or another instruction follows;
//!   it runs over instruction lines, comments, blank lines and `\` continuations;
//! - instructions are case-insensitive; `FROM image [AS name]` starts a stage (the last stage is
//!   the image; `FROM <earlier stage>` inherits that stage's `ENV`, `ENTRYPOINT`, `CMD`);
//!   `ENV k=v …` and the legacy `ENV k v`; `ENTRYPOINT` / `CMD` in exec form (a JSON array) or
//!   shell form (run as `/bin/sh -c "…"`; a shell-form `ENTRYPOINT` ignores `CMD`). Setting
//!   `ENTRYPOINT` resets a `CMD` inherited from the base stage.
//! - a script in a transcript: after a prompt `cat PATH` (`PATH` ending in `.sh`, or the first
//!   line a `#!`), every line up to the next prompt.

use crate::text::TrimWs;

use crate::base::{Loc, Valued};
use crate::source::Source;
use crate::syntax::container::{ContainerDef, ContainerSource, Insert, SourceText, empty_def};
use crate::syntax::document::{Claim, DocKind, Hint, Parsed};
use crate::text::TextRange;

/// A Dockerfile's last stage, as a container definition (`source` [`ContainerSource::Dockerfile`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct DockerfileDoc {
    pub def: Option<ContainerDef>,
}

/// A shell script printed in a transcript: the path `cat` named.
#[derive(Clone, Debug, Default)]
pub(crate) struct ScriptDoc {
    pub path: String,
    pub range: TextRange,
}

const INSTRUCTIONS: &[&str] = &[
    "FROM",
    "RUN",
    "CMD",
    "LABEL",
    "MAINTAINER",
    "EXPOSE",
    "ENV",
    "ADD",
    "COPY",
    "ENTRYPOINT",
    "VOLUME",
    "USER",
    "WORKDIR",
    "ARG",
    "ONBUILD",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
];

/// The instruction keyword a line starts with (upper-cased), if any.
fn instruction(line: &str) -> Option<&'static str> {
    let w = line.split_whitespace().next()?;
    INSTRUCTIONS.iter().copied().find(|k| w.eq_ignore_ascii_case(k))
}

fn is_from(line: &str) -> bool {
    instruction(line) == Some("FROM") && !line.starts_with([' ', '\t'])
}

/// Claims a Dockerfile or a script shown by `cat`.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    if let Some(c) = script(src, i, hint) {
        return Some(c);
    }
    dockerfile(src, i, hint)
}

fn script(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    // A whole input that is a script: `#!…sh` first, or a `.sh` name.
    if i == 0 && hint.at_input_start {
        let first = src.line(0);
        let sh = first.starts_with("#!") && first.contains("sh");
        if sh || src.name.ends_with(".sh") && first.starts_with('#') {
            let end = src.lines.len();
            let range = src.lines_range(0, end);
            return Some(Claim {
                kind: DocKind::ShellScript,
                end,
                name: Some(src.name.to_owned()),
                label: None,
                parsed: Parsed::Script(ScriptDoc { path: src.name.to_owned(), range }),
                problems: Vec::new(),
            });
        }
    }
    let cmd = hint.command?;
    let mut w = cmd.split_whitespace();
    if w.next()? != "cat" {
        return None;
    }
    let path = w.find(|a| !a.starts_with('-'))?;
    if w.next().is_some() || path.contains(['|', '>', '<', ';']) {
        return None;
    }
    let shebang = src.line(i).starts_with("#!");
    if !(path.ends_with(".sh") || shebang)
        || (i > 0 && crate::syntax::prompt::command(src.line(i - 1)).is_none())
    {
        return None;
    }
    let n = src.lines.len();
    let mut end = i + 1;
    while end < n && crate::syntax::prompt::command(src.line(end)).is_none() {
        end += 1;
    }
    while end > i + 1 && src.line(end - 1).trim_ws().is_empty() {
        end -= 1;
    }
    let range = src.lines_range(i, end);
    Some(Claim {
        kind: DocKind::ShellScript,
        end,
        name: Some(path.to_owned()),
        label: None,
        parsed: Parsed::Script(ScriptDoc { path: path.to_owned(), range }),
        problems: Vec::new(),
    })
}

fn named_dockerfile(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    base.contains("dockerfile") || base.contains("containerfile")
}

fn dockerfile(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    let directive = {
        let t = line.trim_start_matches('#').trim_ws().to_ascii_lowercase();
        line.starts_with('#')
            && (t.starts_with("syntax=") || t.starts_with("escape=") || t.starts_with("check="))
    };
    let arg = instruction(line) == Some("ARG") && !line.starts_with([' ', '\t']);
    if !(is_from(line) || directive || arg) {
        return None;
    }
    let n = src.lines.len();
    let by_name = named_dockerfile(src.name)
        || hint.command.is_some_and(|c| c.starts_with("cat") && named_dockerfile(c));
    // Decide from a bounded window first (linear over a text of rejected `FROM` lines): the next
    // few instruction lines must include a `FROM` and, unless the name says Dockerfile, another
    // instruction.
    if !by_name {
        let mut others = 0usize;
        let mut froms = 0usize;
        for k in i..n.min(i + 16) {
            let t = src.line(k).trim_ws();
            match instruction(t) {
                Some("FROM") => froms += 1,
                Some(_) => others += 1,
                None if t.is_empty() || t.starts_with('#') || t.ends_with('\\') => {}
                None => break,
            }
        }
        if froms == 0 || !(hint.at_input_start && others > 0 || others >= 2) {
            return None;
        }
    }
    // The document: instructions, comments, blanks and continuations.
    let mut end = i;
    let mut cont = false;
    let mut froms = 0usize;
    let mut others = 0usize;
    while end < n {
        let l = src.line(end);
        let t = l.trim_ws();
        if cont || t.is_empty() || t.starts_with('#') {
            cont = !t.starts_with('#') && t.ends_with('\\')
                || (cont && t.is_empty())
                || (cont && t.starts_with('#'));
            end += 1;
            continue;
        }
        match instruction(t) {
            Some("FROM") => froms += 1,
            Some(_) => others += 1,
            None => break,
        }
        if crate::syntax::prompt::command(l).is_some() && instruction(t).is_none() {
            break;
        }
        cont = t.ends_with('\\');
        end += 1;
    }
    while end > i + 1 && src.line(end - 1).trim_ws().is_empty() {
        end -= 1;
    }
    if froms == 0 || !(by_name || hint.at_input_start && others > 0 || others >= 2) {
        return None;
    }
    let def = parse(src, i, end);
    Some(Claim {
        kind: DocKind::Dockerfile,
        end,
        name: def.as_ref().and_then(|d| d.image.as_ref().map(|i| i.value.clone())),
        label: None,
        parsed: Parsed::Dockerfile(Box::new(DockerfileDoc { def })),
        problems: Vec::new(),
    })
}

/// One stage while reading.
#[derive(Clone)]
struct Stage {
    name: Option<String>,
    def: ContainerDef,
    /// The `CMD` came from the base stage (an `ENTRYPOINT` resets it).
    cmd_inherited: bool,
}

/// Reads lines `start..end` (joined over continuations) into the last stage's definition.
fn parse(src: &Source<'_>, start: usize, end: usize) -> Option<ContainerDef> {
    let mut stages: Vec<Stage> = Vec::new();
    let doc = src.lines_range(start, end);
    // End of the last stage's `FROM` line, relative to the document.
    let mut from_end = 0usize;
    let mut k = start;
    // Bounded: each step consumes at least one line.
    while k < end {
        let first = k;
        let mut text = String::new();
        loop {
            let l = src.line(k);
            let t = l.trim_ws();
            k += 1;
            if t.starts_with('#') && first != k - 1 {
                // A comment inside a continuation is removed.
                if k >= end {
                    break;
                }
                continue;
            }
            match t.strip_suffix('\\') {
                Some(body) if k < end => {
                    text.push_str(body);
                    text.push(' ');
                }
                _ => {
                    text.push_str(t);
                    break;
                }
            }
        }
        let range = src.lines_range(first, k);
        let at = Loc { input: src.index, range };
        let t = text.trim_ws();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some(ins) = instruction(t) else { continue };
        let rest = t[ins.len()..].trim_ws();
        if ins == "FROM" {
            let mut w = rest.split_whitespace().filter(|w| !w.starts_with("--"));
            let image = w.next().unwrap_or("").to_owned();
            let name = match (w.next(), w.next()) {
                (Some(a), Some(n)) if a.eq_ignore_ascii_case("as") => Some(n.to_owned()),
                _ => None,
            };
            // Bounded look-up (linear over thousands of stages): the last 64 named stages.
            let base = stages
                .iter()
                .rev()
                .filter(|s| s.name.is_some())
                .take(64)
                .find(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&image)));
            let stage = match base {
                Some(b) => {
                    let mut def = b.def.clone();
                    def.at = at;
                    Stage { name, def, cmd_inherited: true }
                }
                None => {
                    let mut def = empty_def(ContainerSource::Dockerfile, at);
                    def.image = Some(Valued::new(image, at));
                    Stage { name, def, cmd_inherited: false }
                }
            };
            // Only named stages can be inherited from; the last stage is the image.
            if stages.last().is_some_and(|s| s.name.is_none()) {
                stages.pop();
            }
            stages.push(stage);
            from_end = (range.end - doc.start) as usize;
            continue;
        }
        let Some(st) = stages.last_mut() else { continue };
        st.def.at = Loc { input: st.def.at.input, range: st.def.at.range.cover(at.range) };
        match ins {
            "ENV" => {
                for (n, v) in env_pairs(rest) {
                    // One entry per name (the last wins), so inheriting stages copy a bounded list.
                    st.def.env.retain(|(x, _)| *x != n);
                    if st.def.env.len() >= 256 {
                        st.def.env.remove(0);
                    }
                    st.def.env.push((n, Valued::new(v, at)));
                }
            }
            "ENTRYPOINT" => {
                st.def.entrypoint = Some(Valued::new(command_text(rest), at));
                if st.cmd_inherited {
                    st.def.command = None;
                }
            }
            "CMD" => {
                st.def.command = Some(Valued::new(command_text(rest), at));
                st.cmd_inherited = false;
            }
            _ => {}
        }
    }
    let last = stages.pop()?;
    let mut def = last.def;
    let text = src.slice(doc).to_owned();
    def.source_text = Some(SourceText {
        input: src.name.to_owned(),
        whole: start == 0 && end >= src.lines.len(),
        insert: from_end.min(text.len()),
        text,
        at: Loc { input: src.index, range: doc },
        how: Insert::DockerfileEnv,
    });
    // A shell-form ENTRYPOINT ignores CMD.
    if def.entrypoint.as_ref().is_some_and(|e| e.value.starts_with("/bin/sh -c ")) {
        def.command = None;
    }
    Some(def)
}

/// Exec form (`["a", "b c"]`) → sh words, each quoted when needed; shell form → `/bin/sh -c '…'`.
fn command_text(v: &str) -> String {
    match json_array(v) {
        Some(words) => words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" "),
        None => format!("/bin/sh -c {}", quote(v)),
    }
}

/// A word as sh reads it back.
pub(crate) fn quote(w: &str) -> String {
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b)) {
        w.to_owned()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

/// A JSON array of strings (`["a", "b"]`), or `None` when the text is not one (the shell form).
fn json_array(v: &str) -> Option<Vec<String>> {
    let inner = v.trim_ws().strip_prefix('[')?.strip_suffix(']')?;
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        match chars.next() {
            None => break,
            Some('"') => {
                let mut s = String::new();
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            c => s.push(c),
                        },
                        c => s.push(c),
                    }
                }
                out.push(s);
            }
            Some(_) => return None,
        }
    }
    Some(out)
}

/// `ENV k=v k2="v 2"` or the legacy `ENV k v w`.
fn env_pairs(rest: &str) -> Vec<(String, String)> {
    let first = rest.split_whitespace().next().unwrap_or("");
    if !first.contains('=') {
        let (n, v) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        return vec![(n.to_owned(), v.trim_ws().to_owned())];
    }
    crate::syntax::shell::words(rest, crate::syntax::shell::Mode::Sh)
        .filter_map(|w| w.value.split_once('=').map(|(n, v)| (n.to_owned(), v.to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(text: &str) -> Option<ContainerDef> {
        def_named("Dockerfile", text)
    }

    fn def_named(name: &str, text: &str) -> Option<ContainerDef> {
        let src = Source::new(0, name, text);
        let hint = Hint { command: None, at_input_start: true };
        match recognize(&src, 0, &hint).map(|c| c.parsed) {
            Some(Parsed::Dockerfile(d)) => d.def,
            _ => None,
        }
    }

    #[test]
    fn last_stage_counts() {
        let d = def(
            "# syntax=docker/dockerfile:1\nFROM golang:1.22 AS build\nRUN go build\n\nFROM mysql:8.0.36\nENV MYSQLD_PARENT_PID=0 \\\n    TZ=UTC\nENTRYPOINT [\"tini\", \"--\", \"docker-entrypoint.sh\"]\nCMD [\"mysqld\"]\n",
        )
        .expect("parsed");
        assert_eq!(d.image.as_ref().map(|i| i.value.as_str()), Some("mysql:8.0.36"));
        assert_eq!(d.env("MYSQLD_PARENT_PID").map(|v| v.value.as_str()), Some("0"));
        assert_eq!(d.env("TZ").map(|v| v.value.as_str()), Some("UTC"));
        assert_eq!(d.entrypoint.map(|e| e.value).as_deref(), Some("tini -- docker-entrypoint.sh"));
        assert_eq!(d.command.map(|e| e.value).as_deref(), Some("mysqld"));
    }

    #[test]
    fn shell_form_and_inheritance() {
        let d = def("FROM mysql:8.4 AS base\nCMD [\"mysqld\"]\nFROM base\nENTRYPOINT /start.sh --x\n")
            .expect("parsed");
        assert_eq!(d.entrypoint.map(|e| e.value).as_deref(), Some("/bin/sh -c '/start.sh --x'"));
        assert!(d.command.is_none());
        // Prose that starts with "From" is no Dockerfile unless the input is named one.
        assert!(def_named("notes.txt", "FROM here we go\nthe prose goes on\n").is_none());
        assert!(def_named("notes.txt", "FROM mysql:8.0\nENV A=1\nCMD [\"mysqld\"]\n").is_some());
        for t in ["FROM", "FROM \\", "ENV", "FROM a\nENV \\\n", "FROM a\nCMD [\"x", "FROM a\nCMD [\"\\"] {
            let _ = def(t);
        }
    }
}
