//! Container definitions: `docker run` / `podman run` command lines, compose files, Kubernetes
//! Pod / Deployment / StatefulSet specs, and the image entrypoints' log lines.
//!
//! Accepted grammar (line-oriented, never fails):
//! - **docker run**: a line starting with `docker run`, `docker container run`, `podman run` or
//!   `nerdctl run` (after optional `sudo`), continued by a trailing `\`. Options before the image
//!   (`--restart[=]X`, `-e/--env[=]K=V`, `--env-file[=]F`, `--entrypoint[=]X`, `--init`, `--name[=]N`;
//!   other options are skipped, with known value-taking ones consuming their value), the image,
//!   then the command.
//! - **compose**: from a `services:` line at column 0 (optionally preceded by `version:`/`name:`),
//!   to the first line at column 0 that is not a compose top-level key or a comment. Per service:
//!   `image:`, `restart:`, `entrypoint:`, `command:`, `init:`, `container_name:`, `env_file:`,
//!   `environment:` as a list (`- K=V`) or a map (`K: V`).
//! - **Kubernetes**: from an `apiVersion:` line at column 0 to `---` or the first line at column 0
//!   that is not `key:`; `kind:`, `restartPolicy:`, and under `containers:` each `- name:` with
//!   `image:`, `command:`, `args:`, `env:` (`- name: K` / `value: V`), `envFrom:`.
//! - **entrypoint log lines**: consecutive lines containing `[Entrypoint]`.
//!
//! YAML is read as a simple indentation tree of `key: value` and `- item` lines; flow values
//! (`[a, b]`) are kept as written. Anything else is skipped.

use crate::text::TrimWs;

use crate::base::{Loc, Valued};
use crate::source::Source;
use crate::syntax::document::{Claim, Hint};
use crate::syntax::document::{DocKind, Parsed};
use crate::syntax::shell::{Lexer, Mode, Op, Token};
use crate::text::TextRange;

/// Where a container definition came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ContainerSource {
    /// `docker run` / `podman run`, or the configuration `docker inspect` shows (same restart
    /// policies, same `docker` commands to change them).
    DockerRun,
    /// A compose file service.
    Compose,
    /// A Kubernetes Pod / Deployment / StatefulSet container.
    Kubernetes,
    /// A Dockerfile's last stage alone: the image, not how a container of it is run.
    Dockerfile,
}

/// Which image (entrypoint) family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ImageFamily {
    /// Docker Hub "official image" `mysql` (`docker-library/mysql`).
    DockerHub,
    /// Oracle's `mysql/mysql-server`, `container-registry.oracle.com/mysql/*-server`.
    Oracle,
    /// `percona/percona-server`, `percona` (entrypoint not in the facts).
    Percona,
    /// `mariadb` (no RESTART, no clone).
    MariaDb,
    /// Anything else.
    Other,
}

impl ImageFamily {
    /// Classifies an image reference (`mysql:8.0`, `docker.io/library/mysql`, `mysql/mysql-server:8.0`).
    pub fn of_image(image: &str) -> ImageFamily {
        let i = image.trim_ws().trim_matches(['"', '\'']).to_ascii_lowercase();
        let no_tag = i.split('@').next().unwrap_or("");
        // Strip the tag (a ':' after the last '/').
        let repo = match no_tag.rfind(':') {
            Some(k) if !no_tag[k..].contains('/') => &no_tag[..k],
            _ => no_tag,
        };
        let repo = repo
            .strip_prefix("docker.io/")
            .or_else(|| repo.strip_prefix("index.docker.io/"))
            .or_else(|| repo.strip_prefix("registry-1.docker.io/"))
            .unwrap_or(repo);
        match repo {
            "mysql" | "library/mysql" => ImageFamily::DockerHub,
            "mysql/mysql-server" | "mysql/enterprise-server" => ImageFamily::Oracle,
            r if r.starts_with("container-registry.oracle.com/mysql/") => ImageFamily::Oracle,
            "percona" | "library/percona" | "percona/percona-server" => ImageFamily::Percona,
            "mariadb" | "library/mariadb" | "mariadb/server" => ImageFamily::MariaDb,
            _ => ImageFamily::Other,
        }
    }
}

/// One container definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ContainerDef {
    pub source: ContainerSource,
    /// Container / service name.
    pub name: Option<String>,
    /// The whole definition.
    pub at: Loc,
    pub image: Option<Valued<String>>,
    /// Docker/compose `restart` as written (`no`, `always`, `unless-stopped`, `on-failure[:N]`) or the
    /// Kubernetes `restartPolicy` (`Always`, `OnFailure`, `Never`).
    pub restart: Option<Valued<String>>,
    /// Environment variables (`-e`, `environment:`, `env:`), in order.
    pub env: Vec<(String, Valued<String>)>,
    /// `--env-file` / `env_file:` / `envFrom:` (contents unknown).
    pub env_files: Vec<Valued<String>>,
    /// `--entrypoint` / `entrypoint:` / Kubernetes `command:` (which replaces the entrypoint).
    pub entrypoint: Option<Valued<String>>,
    /// The command (arguments after the image; compose `command:`; Kubernetes `args:`).
    pub command: Option<Valued<String>>,
    /// `--init` / `init: true` (tini becomes PID 1, mysqld's parent).
    pub init: Option<Valued<bool>>,
    /// Kubernetes object kind (`Pod`, `StatefulSet`…).
    pub kind: Option<String>,
    /// Kubernetes `shareProcessNamespace: true` (the pod's pause container is PID 1).
    pub share_pid: Option<Valued<bool>>,
    /// The definition as written (the `docker run` command from `docker` on, the Kubernetes
    /// document, the Dockerfile) and where to add an environment variable to it: the text a fix
    /// rebuilds.
    pub source_text: Option<SourceText>,
}

/// A definition's own text and the place a `MYSQLD_PARENT_PID` setting goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SourceText {
    /// The input's name (a fix names the file it rebuilds by it).
    pub input: String,
    /// True when the text is the whole input (a file), false for a section of a transcript.
    pub whole: bool,
    /// The text (whole lines), and where it is.
    pub text: String,
    pub at: Loc,
    /// Byte offset in `text` where the setting is inserted.
    pub insert: usize,
    /// What is inserted there.
    pub how: Insert,
}

/// How a setting is added to a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Insert {
    /// ` -e NAME=VALUE` before the image of a `docker run` command (later options win).
    RunOption,
    /// A Kubernetes `env` item (`- name: … / value: …`) at this indentation; `header`: the
    /// `env:` line to write first (at its own indentation) when the container has none.
    YamlEnvItem { indent: usize, header: Option<usize> },
    /// `ENV NAME=VALUE` after the last stage's `FROM` line.
    DockerfileEnv,
}

impl ContainerDef {
    /// The image family, from the image reference.
    pub fn family(&self) -> Option<Valued<ImageFamily>> {
        self.image.as_ref().map(|i| Valued::new(ImageFamily::of_image(&i.value), i.at))
    }
    /// The last value of environment variable `name`.
    pub fn env(&self, name: &str) -> Option<&Valued<String>> {
        self.env.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }
    /// True when this looks like a MySQL-family server container.
    pub fn is_mysql(&self) -> bool {
        let img = self.image.as_ref().map(|i| i.value.to_ascii_lowercase()).unwrap_or_default();
        let cmd = self.command.as_ref().map(|c| c.value.as_str()).unwrap_or("");
        let ep = self.entrypoint.as_ref().map(|c| c.value.as_str()).unwrap_or("");
        ["mysql", "percona", "mariadb"].iter().any(|k| img.contains(k))
            || cmd.contains("mysqld")
            || ep.contains("mysqld")
    }
}

/// Entrypoint log markers (§6).
pub(crate) fn entrypoint_family(line: &str) -> Option<ImageFamily> {
    // Runs on every line: one search rejects nearly all of them.
    if !line.contains("[Entrypoint]") {
        return None;
    }
    if line.contains("[Entrypoint]: Entrypoint script for MySQL Server") {
        return Some(ImageFamily::DockerHub);
    }
    if line.contains("[Entrypoint]: Entrypoint script for MariaDB Server") {
        return Some(ImageFamily::MariaDb);
    }
    if line.contains("[Entrypoint] MySQL Docker Image") {
        return Some(ImageFamily::Oracle);
    }
    None
}

/// The parse of one document of this kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct ContainerDoc {
    /// The container definitions found (empty for entrypoint log lines).
    pub defs: Vec<ContainerDef>,
    /// A MySQL operator's custom resource (`InnoDBCluster`, `PerconaServerMySQL`,
    /// `PerconaXtraDBCluster`).
    pub operator: Option<Operator>,
}

/// Which operator's custom resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OperatorKind {
    /// Oracle MySQL Operator `InnoDBCluster` (`mysql.oracle.com/v2`).
    InnoDbCluster,
    /// Percona Operator for MySQL `PerconaServerMySQL` (`ps.percona.com/v1alpha1`).
    PerconaServerMySql,
    /// Percona Operator for MySQL based on Percona XtraDB Cluster (`pxc.percona.com/v1`).
    PerconaXtraDbCluster,
}

/// A MySQL operator's custom resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Operator {
    pub kind: OperatorKind,
    /// The `kind:` line.
    pub at: Loc,
    /// `spec.image` / `spec.mysql.image`, when written.
    pub image: Option<Valued<String>>,
    /// Percona's `spec.mysql.clusterType` (`async`, `group-replication`), when written.
    pub cluster_type: Option<Valued<String>>,
}

/// Claims a document of this kind starting at line `i`, if one clearly starts there.
pub(crate) fn recognize(src: &Source<'_>, i: usize, hint: &Hint<'_>) -> Option<Claim> {
    let line = src.line(i);
    if let Some(c) = docker_run(src, i) {
        return Some(c);
    }
    // `$ docker run -d …` followed by the container id it printed: the id line is the document
    // (the definition itself is read from the prompt line by `facts::container`).
    let after_run = hint.command.is_some_and(|c| {
        let mut w = c.split_whitespace().skip_while(|w| *w == "sudo");
        matches!(w.next(), Some("docker" | "podman" | "nerdctl")) && c.contains(" run ")
    });
    let t = line.trim_ws();
    // The continuation lines of a prompt's `docker run … \` (the definition is read from the
    // prompt line on): claim them, and the container id printed after them, so they are not left
    // "not recognised".
    if after_run && i > 0 && src.line(i - 1).trim_end_ws().ends_with('\\') {
        let mut end = i + 1;
        while src.line(end - 1).trim_end_ws().ends_with('\\') && end < src.lines.len() {
            end += 1;
        }
        let id = src.lines.get(end).map(|_| src.line(end).trim_ws()).unwrap_or("");
        if (12..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit()) {
            end += 1;
        }
        return Some(claim(end, Some("docker run".to_owned()), Vec::new()));
    }
    if after_run && (12..=64).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        // Named without its arguments: they may hold passwords (`-e MYSQL_ROOT_PASSWORD=…`).
        return Some(claim(i + 1, Some("docker run".to_owned()), Vec::new()));
    }
    if !line.starts_with(' ') && !line.starts_with('\t') {
        let t = line.trim_end_ws();
        if t == "services:"
            || ((t.starts_with("version:") || t.starts_with("name:")) && compose_follows(src, i))
        {
            return Some(compose(src, i));
        }
        if t.starts_with("apiVersion:") {
            return kubernetes(src, i);
        }
    }
    if entrypoint_family(line).is_some() || line.contains("[Entrypoint]") {
        let mut end = i + 1;
        while end < src.lines.len() && src.line(end).contains("[Entrypoint]") {
            end += 1;
        }
        return Some(claim(end, None, Vec::new()));
    }
    None
}

/// True when line `idx` is a YAML key with a literal block (`name: |`, `|-`, `|+`) whose first
/// non-blank line is an option-file group header (`[mysqld]`).
pub(crate) fn cnf_block_follows(src: &Source<'_>, idx: usize) -> bool {
    let t = src.line(idx).trim_end_ws();
    if !(t.ends_with(": |") || t.ends_with(": |-") || t.ends_with(": |+")) {
        return false;
    }
    let key_indent = t.len() - t.trim_start_ws().len();
    let next = (idx + 1..src.lines.len().min(idx + 50)).find(|&j| !src.line(j).trim_ws().is_empty());
    next.is_some_and(|j| {
        let l = src.line(j);
        let indent = l.len() - l.trim_start_ws().len();
        indent > key_indent && l.trim_ws().starts_with('[') && l.trim_end_ws().ends_with(']')
    })
}

fn claim(end: usize, name: Option<String>, defs: Vec<ContainerDef>) -> Claim {
    Claim {
        kind: DocKind::Container,
        end,
        name,
        label: None,
        parsed: Parsed::Container(ContainerDoc { defs, operator: None }),
        problems: Vec::new(),
    }
}

fn loc(src: &Source<'_>, range: TextRange) -> Loc {
    Loc { input: src.index, range }
}

/// A definition with nothing read yet but where it starts.
pub(crate) fn empty_def(source: ContainerSource, at: Loc) -> ContainerDef {
    ContainerDef {
        source,
        name: None,
        at,
        image: None,
        restart: None,
        env: Vec::new(),
        env_files: Vec::new(),
        entrypoint: None,
        command: None,
        init: None,
        kind: None,
        share_pid: None,
        source_text: None,
    }
}

const VALUE_OPTS: &[&str] = &[
    "-v",
    "--volume",
    "-p",
    "--publish",
    "--network",
    "--net",
    "-u",
    "--user",
    "-w",
    "--workdir",
    "-m",
    "--memory",
    "--cpus",
    "-h",
    "--hostname",
    "-l",
    "--label",
    "--mount",
    "--ulimit",
    "--log-driver",
    "--log-opt",
    "--health-cmd",
    "--health-interval",
    "--add-host",
    "--dns",
    "--device",
    "--cap-add",
    "--cap-drop",
    "--security-opt",
    "--tmpfs",
    "--shm-size",
    "--stop-timeout",
    "--stop-signal",
    "--pid",
    "--ipc",
    "--platform",
    "--pull",
    "--cidfile",
    "--expose",
    "--link",
    "--userns",
    "--runtime",
    "--cgroupns",
    "--gpus",
    "--cpuset-cpus",
    "--memory-swap",
    "--sysctl",
    "--label-file",
    "--network-alias",
    "--ip",
    "--mac-address",
    "--pod",
];

/// The words of a `docker run` command (POSIX sh, [`Mode::Sh`]) with their input ranges (`base`:
/// where `text` starts): up to the first control operator (`;`, `&&`, `|`, `&`…), without
/// comments or redirections (`> out.log`, `2>&1`), and without the shell's secondary prompt (`> `)
/// at the start of a pasted continuation line.
fn command_words(text: &str, base: u32) -> Vec<(String, TextRange)> {
    let mut out = Vec::new();
    let mut skip_target = false;
    for t in Lexer::at(text, base, Mode::Sh) {
        match t {
            Token::Word(w) => {
                if !std::mem::take(&mut skip_target) {
                    out.push((w.value, w.raw));
                }
            }
            Token::Op(Op::Redirect, r) => {
                let s = (r.start - base) as usize;
                let before = text.get(..s).unwrap_or("");
                let ps2 = text.get(s..(r.end - base) as usize) == Some(">")
                    && before.contains('\n')
                    && before.rsplit('\n').next().is_some_and(|l| l.trim_ws().is_empty());
                skip_target = !ps2;
            }
            Token::Op(Op::Newline, _) | Token::Comment(_) => {}
            Token::Op(..) => break,
        }
    }
    out
}

/// The container defined by a `docker run` line at `i` — also after a shell prompt
/// (`$ docker run …`), which the splitter hands to no recogniser.
pub(crate) fn docker_run_defs(src: &Source<'_>, i: usize) -> Option<Vec<ContainerDef>> {
    match docker_run(src, i)?.parsed {
        Parsed::Container(d) => Some(d.defs),
        _ => None,
    }
}

fn docker_run(src: &Source<'_>, i: usize) -> Option<Claim> {
    let line = src.line(i);
    let first = crate::syntax::prompt::command(line).unwrap_or(line).trim_start_ws();
    let mut w = first.split_whitespace();
    let mut a = w.next()?;
    if a == "sudo" {
        a = w.next()?;
    }
    if !matches!(a, "docker" | "podman" | "nerdctl") {
        return None;
    }
    let b = w.next()?;
    let ok = b == "run" || (b == "container" && w.next() == Some("run"));
    if !ok {
        return None;
    }
    // Continuation lines.
    let mut end = i + 1;
    let mut cur = i;
    while src.line(cur).trim_end_ws().ends_with('\\') && end < src.lines.len() {
        cur = end;
        end += 1;
    }
    let range = src.lines_range(i, end);
    let text = src.slice(range);
    let at = loc(src, range);
    let mut def = empty_def(ContainerSource::DockerRun, at);
    // Lexed from the command on: a prompt before it (`# `, `user@host:~$ `) is not shell text.
    let cmd_start = crate::text::subslice_range(line, first, 0).start as usize;
    let words = command_words(text.get(cmd_start..).unwrap_or(""), range.start + cmd_start as u32);
    let wl = |k: usize| -> Loc { loc(src, words[k].1) };
    // Skip to after `run`.
    let mut k = words.iter().position(|(t, _)| t == "run").map(|p| p + 1).unwrap_or(words.len());
    let mut image_at: Option<usize> = None;
    while k < words.len() {
        let t = words[k].0.as_str();
        let (opt, inline) = match t.split_once('=') {
            Some((o, v)) if o.starts_with('-') => (o, Some(v.to_owned())),
            _ => (t, None),
        };
        if !opt.starts_with('-') || opt == "-" {
            image_at = Some(k);
            break;
        }
        let takes = matches!(opt, "--restart" | "-e" | "--env" | "--env-file" | "--entrypoint" | "--name")
            || VALUE_OPTS.contains(&opt);
        let (value, vat, next) = match (&inline, takes) {
            (Some(v), _) => (Some(v.clone()), wl(k), k + 1),
            (None, true) => match words.get(k + 1) {
                Some((v, _)) => (Some(v.clone()), wl(k).cover_loc(wl(k + 1)), k + 2),
                None => (None, wl(k), k + 1),
            },
            (None, false) => (None, wl(k), k + 1),
        };
        match (opt, value) {
            ("--restart", Some(v)) => def.restart = Some(Valued::new(v, vat)),
            ("-e" | "--env", Some(v)) => {
                let (n, val) = v
                    .split_once('=')
                    .map(|(n, v)| (n.to_owned(), v.to_owned()))
                    .unwrap_or((v, String::new()));
                def.env.push((n, Valued::new(val, vat)));
            }
            ("--env-file", Some(v)) => def.env_files.push(Valued::new(v, vat)),
            ("--entrypoint", Some(v)) => def.entrypoint = Some(Valued::new(v, vat)),
            ("--name", Some(v)) => def.name = Some(v),
            ("--init", None) => def.init = Some(Valued::new(true, vat)),
            _ => {}
        }
        k = next;
    }
    if let Some(ik) = image_at {
        def.image = Some(Valued::new(words[ik].0.clone(), wl(ik)));
        let base = range.start + cmd_start as u32;
        let text = text.get(cmd_start..).unwrap_or("").trim_end_ws().to_owned();
        let insert = (words[ik].1.start.saturating_sub(base) as usize).min(text.len());
        if text.is_char_boundary(insert) {
            let at = Loc { input: src.index, range: TextRange::new(base, base + text.len() as u32) };
            let input = src.name.to_owned();
            def.source_text =
                Some(SourceText { input, whole: false, text, at, insert, how: Insert::RunOption });
        }
        if ik + 1 < words.len() {
            let cmd: Vec<&str> = words[ik + 1..].iter().map(|(t, _)| t.as_str()).collect();
            let cat = wl(ik + 1).cover_loc(wl(words.len() - 1));
            def.command = Some(Valued::new(cmd.join(" "), cat));
        }
    }
    let name = def.name.clone().or_else(|| def.image.as_ref().map(|i| i.value.clone()));
    Some(claim(end, name, vec![def]))
}

trait CoverLoc {
    fn cover_loc(self, other: Loc) -> Loc;
}
impl CoverLoc for Loc {
    fn cover_loc(self, other: Loc) -> Loc {
        Loc { input: self.input, range: self.range.cover(other.range) }
    }
}

/// One YAML-ish line: indentation, list marker, key, value.
struct YLine<'a> {
    idx: usize,
    indent: usize,
    dash: bool,
    key: Option<&'a str>,
    value: &'a str,
    range: TextRange,
    value_range: TextRange,
}

fn yline<'a>(src: &Source<'a>, idx: usize) -> Option<YLine<'a>> {
    let line = src.line(idx);
    let t = line.trim_start_ws();
    if t.is_empty() || t.starts_with('#') {
        return None;
    }
    let mut indent = line.len() - t.len();
    let mut body = t;
    let mut dash = false;
    if let Some(r) = body.strip_prefix("- ").or_else(|| if body == "-" { Some("") } else { None }) {
        dash = true;
        let r2 = r.trim_start_ws();
        indent += body.len() - r2.len();
        body = r2;
    }
    let (key, value) =
        match body.find(": ").or_else(|| if body.ends_with(':') { Some(body.len() - 1) } else { None }) {
            Some(p) if !body[..p].contains(' ') || body[..p].starts_with(['"', '\'']) => {
                (Some(body[..p].trim_matches(['"', '\''])), body[p + 1..].trim_ws())
            }
            _ => (None, body.trim_ws()),
        };
    let lr = src.lines.get(idx)?.range;
    let value = strip_comment(value);
    let value_range = src.range_in_line(idx, value);
    Some(YLine { idx, indent, dash, key, value: unquote(value), range: lr, value_range })
}

fn strip_comment(v: &str) -> &str {
    if v.starts_with(['"', '\'']) {
        return v;
    }
    match v.find(" #") {
        Some(p) => v[..p].trim_end_ws(),
        None => v,
    }
}

fn unquote(v: &str) -> &str {
    let v = v.trim_ws();
    if v.len() >= 2
        && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\'')))
    {
        &v[1..v.len() - 1]
    } else {
        v
    }
}

const COMPOSE_TOP: &[&str] =
    &["version", "name", "services", "volumes", "networks", "configs", "secrets", "include"];

fn compose_follows(src: &Source<'_>, i: usize) -> bool {
    (i + 1..(i + 4).min(src.lines.len())).any(|k| src.line(k).trim_end_ws() == "services:")
}

fn compose(src: &Source<'_>, i: usize) -> Claim {
    let n = src.lines.len();
    let mut end = i + 1;
    while end < n {
        let l = src.line(end);
        let top = !l.is_empty() && !l.starts_with([' ', '\t', '#']);
        if top {
            let key = l.split(':').next().unwrap_or("").trim_ws();
            if !(COMPOSE_TOP.contains(&key) || key.starts_with("x-")) || !l.contains(':') {
                break;
            }
        }
        end += 1;
    }
    // Trim trailing blank lines.
    while end > i + 1 && src.line(end - 1).trim_ws().is_empty() {
        end -= 1;
    }
    let mut defs: Vec<ContainerDef> = Vec::new();
    let mut in_services = false;
    let mut svc_indent: Option<usize> = None;
    let mut list_key: Option<(&str, usize)> = None;
    for idx in i..end {
        let Some(y) = yline(src, idx) else { continue };
        if y.indent == 0 {
            in_services = y.key == Some("services");
            svc_indent = None;
            continue;
        }
        if !in_services {
            continue;
        }
        let si = *svc_indent.get_or_insert(y.indent);
        if y.indent == si && !y.dash {
            let mut d = empty_def(ContainerSource::Compose, loc(src, y.range));
            d.name = y.key.map(str::to_owned);
            defs.push(d);
            list_key = None;
            continue;
        }
        let Some(d) = defs.last_mut() else { continue };
        d.at = d.at.cover_loc(loc(src, y.range));
        let vat = loc(src, y.range);
        if let Some((lk, li)) = list_key {
            if y.indent > li {
                if lk == "environment" {
                    if y.dash {
                        let (k, v) = y.value.split_once('=').unwrap_or((y.value, ""));
                        d.env.push((k.to_owned(), Valued::new(unquote(v).to_owned(), vat)));
                    } else if let Some(k) = y.key {
                        d.env.push((k.to_owned(), Valued::new(y.value.to_owned(), vat)));
                    }
                } else if lk == "env_file" && y.dash {
                    d.env_files.push(Valued::new(y.value.to_owned(), vat));
                } else if (lk == "entrypoint" || lk == "command") && y.dash {
                    let slot = if lk == "entrypoint" { &mut d.entrypoint } else { &mut d.command };
                    match slot {
                        Some(v) => {
                            v.value.push(' ');
                            v.value.push_str(y.value);
                            v.at = v.at.cover_loc(vat);
                        }
                        None => *slot = Some(Valued::new(y.value.to_owned(), vat)),
                    }
                }
                continue;
            }
            list_key = None;
        }
        let Some(key) = y.key else { continue };
        let v = y.value.to_owned();
        match key {
            "image" => d.image = Some(Valued::new(v, vat)),
            "restart" => d.restart = Some(Valued::new(v, vat)),
            "container_name" => d.name = Some(v),
            "init" => d.init = crate::base::parse_bool(&v).map(|b| Valued::new(b, vat)),
            "environment" | "env_file" | "entrypoint" | "command" => {
                if v.is_empty() {
                    list_key = Some((key, y.indent));
                } else if key == "env_file" {
                    d.env_files.push(Valued::new(v, vat));
                } else if key == "entrypoint" {
                    d.entrypoint = Some(Valued::new(flow(&v), vat));
                } else if key == "command" {
                    d.command = Some(Valued::new(flow(&v), vat));
                }
            }
            _ => {}
        }
        let _ = y.idx;
        let _ = y.value_range;
    }
    let name = defs.iter().find(|d| d.is_mysql()).and_then(|d| d.name.clone());
    claim(end.max(i + 1), name, defs)
}

/// Where a Kubernetes container's parts are: the indentation of its keys, its `image:` line, its
/// `env:` line and that line's indentation (block form), and whether `env:` is in flow style.
type Shape = (usize, Option<usize>, Option<(usize, usize)>, bool);

/// The operator custom resource a Kubernetes document is, from its `apiVersion:` group and `kind:`
/// (`mysql/mysql-operator`, `percona/percona-server-mysql-operator`,
/// `percona/percona-xtradb-cluster-operator`).
fn operator_of(src: &Source<'_>, i: usize, end: usize, kind: &str) -> Option<Operator> {
    let mut api = "";
    let mut kind_at = None;
    let mut image = None;
    let mut cluster_type = None;
    // The key at indentation 2 the current line is under (`spec.mysql`, `spec.router`…).
    let mut section = "";
    for idx in i..end {
        let Some(y) = yline(src, idx) else { continue };
        let at = loc(src, y.range);
        if y.indent == 2 && !y.dash {
            section = y.key.unwrap_or("");
        }
        // The server's image: `spec.image` (InnoDBCluster), `spec.mysql.image`, `spec.pxc.image`;
        // not a router's, an orchestrator's or a proxy's.
        let server_image = (y.indent == 2) || (y.indent == 4 && matches!(section, "mysql" | "pxc"));
        match (y.indent, y.key) {
            (0, Some("apiVersion")) => api = y.value,
            (0, Some("kind")) => kind_at = Some(at),
            (_, Some("image")) if server_image && image.is_none() => {
                image = Some(Valued::new(y.value.to_owned(), at));
            }
            (_, Some("clusterType")) => cluster_type = Some(Valued::new(y.value.to_owned(), at)),
            _ => {}
        }
    }
    let group = api.split('/').next().unwrap_or("");
    let kind = match (group, kind) {
        ("mysql.oracle.com", "InnoDBCluster") => OperatorKind::InnoDbCluster,
        ("ps.percona.com", "PerconaServerMySQL") => OperatorKind::PerconaServerMySql,
        ("pxc.percona.com", "PerconaXtraDBCluster") => OperatorKind::PerconaXtraDbCluster,
        _ => return None,
    };
    Some(Operator { kind, at: kind_at?, image, cluster_type })
}

/// `["a", "b"]` → `a b`; other values unchanged.
fn flow(v: &str) -> String {
    let t = v.trim_ws();
    if let Some(inner) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        inner.split(',').map(|p| unquote(p.trim_ws())).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
    } else {
        t.to_owned()
    }
}

pub(crate) fn kubernetes(src: &Source<'_>, i: usize) -> Option<Claim> {
    let n = src.lines.len();
    let mut end = i + 1;
    let mut config_map = false;
    while end < n {
        let l = src.line(end);
        if l.trim_end_ws() == "---" {
            break;
        }
        let top = !l.is_empty() && !l.starts_with([' ', '\t', '#', '-']);
        if top && !l.contains(':') {
            break;
        }
        if top && l.trim_end_ws() == "kind: ConfigMap" {
            config_map = true;
        }
        end += 1;
        // A ConfigMap key holding a my.cnf (`replica.cnf: |` then `[mysqld]`): the resource ends
        // at the key, and the block is left to the option-file recogniser, which ends it where
        // the indentation drops (`option_file::configmap_key` names it).
        if config_map && cnf_block_follows(src, end - 1) {
            break;
        }
    }
    while end > i + 1 && src.line(end - 1).trim_ws().is_empty() {
        end -= 1;
    }
    let mut kind: Option<String> = None;
    let mut restart: Option<Valued<String>> = None;
    let mut defs: Vec<ContainerDef> = Vec::new();
    let mut containers_indent: Option<usize> = None;
    let mut item_indent: Option<usize> = None;
    let mut list_key: Option<(&str, usize)> = None;
    let mut pending_env: Option<String> = None;
    let mut share_pid: Option<Valued<bool>> = None;
    // Per definition: the indentation of its keys, its `image:` line, its `env:` line (block
    // form) and whether `env:` is written in flow style.
    let mut shapes: Vec<Shape> = Vec::new();
    for idx in i..end {
        let Some(y) = yline(src, idx) else { continue };
        let vat = loc(src, y.range);
        if y.indent == 0 && y.key == Some("kind") {
            kind = Some(y.value.to_owned());
        }
        if y.key == Some("shareProcessNamespace") {
            share_pid = crate::base::parse_bool(y.value).map(|b| Valued::new(b, vat));
        }
        if y.key == Some("restartPolicy") {
            restart = Some(Valued::new(y.value.to_owned(), vat));
        }
        if y.key == Some("containers") && !y.dash {
            containers_indent = Some(y.indent);
            item_indent = None;
            continue;
        }
        let Some(ci) = containers_indent else { continue };
        let raw_indent = src.line(idx).len() - src.line(idx).trim_start_ws().len();
        if raw_indent <= ci && !(y.dash && raw_indent == ci) {
            containers_indent = None;
            continue;
        }
        if y.dash
            && item_indent.is_none_or(|ii| y.indent == ii)
            && list_key.is_none_or(|(_, li)| y.indent <= li)
        {
            item_indent = Some(y.indent);
            let mut d = empty_def(ContainerSource::Kubernetes, vat);
            if y.key == Some("name") {
                d.name = Some(y.value.to_owned());
            }
            if y.key == Some("image") {
                d.image = Some(Valued::new(y.value.to_owned(), vat));
            }
            defs.push(d);
            shapes.push((y.indent, Some(idx), None, false));
            list_key = None;
            continue;
        }
        let Some(d) = defs.last_mut() else { continue };
        d.at = d.at.cover_loc(vat);
        if let Some((lk, li)) = list_key {
            if y.indent > li {
                match lk {
                    "env" => {
                        if y.key == Some("name") {
                            pending_env = Some(y.value.to_owned());
                        } else if y.key == Some("value") {
                            if let Some(nm) = pending_env.take() {
                                d.env.push((nm, Valued::new(y.value.to_owned(), vat)));
                            }
                        } else if y.key == Some("valueFrom")
                            && let Some(nm) = pending_env.take()
                        {
                            d.env.push((nm, Valued::new("$(valueFrom)".to_owned(), vat)));
                        }
                    }
                    "envFrom" => d.env_files.push(Valued::new(y.value.to_owned(), vat)),
                    "command" | "args" if y.dash => {
                        let slot = if lk == "command" { &mut d.entrypoint } else { &mut d.command };
                        match slot {
                            Some(v) => {
                                v.value.push(' ');
                                v.value.push_str(y.value);
                                v.at = v.at.cover_loc(vat);
                            }
                            None => *slot = Some(Valued::new(y.value.to_owned(), vat)),
                        }
                    }
                    _ => {}
                }
                continue;
            }
            list_key = None;
        }
        if let Some(sh) = shapes.last_mut() {
            match y.key {
                Some("image") => sh.1 = Some(idx),
                Some("env") if y.value.is_empty() => sh.2 = Some((idx, y.indent)),
                Some("env") => sh.3 = true,
                _ => {}
            }
        }
        match y.key {
            Some("image") => d.image = Some(Valued::new(y.value.to_owned(), vat)),
            Some("env") if y.value.starts_with('[') => {
                // Flow style: `env: [{name: A, value: "1"}]`.
                for item in y.value.split('}') {
                    let field = |f: &str| {
                        item.split([',', '{']).find_map(|p| {
                            let (k, v) = p.split_once(':')?;
                            (k.trim_ws() == f).then(|| unquote(v.trim_ws()).to_owned())
                        })
                    };
                    if let Some(n) = field("name") {
                        let v = field("value").unwrap_or_else(|| "$(valueFrom)".to_owned());
                        d.env.push((n, Valued::new(v, vat)));
                    }
                }
            }
            Some(k @ ("env" | "envFrom" | "command" | "args")) => {
                if y.value.is_empty() {
                    list_key = Some((k, y.indent));
                } else if k == "command" {
                    d.entrypoint = Some(Valued::new(flow(y.value), vat));
                } else if k == "args" {
                    d.command = Some(Valued::new(flow(y.value), vat));
                }
            }
            _ => {}
        }
    }
    let k = kind.clone()?;
    let operator = operator_of(src, i, end, &k);
    let doc_range = src.lines_range(i, end.max(i + 1));
    let doc_text = src.slice(doc_range);
    for (d, sh) in defs.iter_mut().zip(&shapes) {
        d.kind = Some(k.clone());
        d.restart = restart.clone();
        d.share_pid = share_pid.clone();
        let (key_indent, image_line, env, flow) = *sh;
        let line_end = |idx: usize| -> usize {
            let r = src.lines_range(idx, idx + 1);
            (r.end - doc_range.start) as usize
        };
        let edit = match (env, image_line, flow) {
            (_, _, true) => None,
            (Some((el, ei)), _, _) => {
                // Items at the indentation of the first one written, else two more than `env:`.
                let first_item = (el + 1..end).map(|x| src.line(x)).find(|l| !l.trim_ws().is_empty());
                let indent = first_item
                    .filter(|l| l.trim_start_ws().starts_with('-'))
                    .map(|l| l.len() - l.trim_start_ws().len())
                    .unwrap_or(ei + 2);
                Some((line_end(el), Insert::YamlEnvItem { indent, header: None }))
            }
            (None, Some(il), _) => {
                Some((line_end(il), Insert::YamlEnvItem { indent: key_indent + 2, header: Some(key_indent) }))
            }
            _ => None,
        };
        if let Some((insert, how)) = edit {
            d.source_text = Some(SourceText {
                input: src.name.to_owned(),
                whole: i == 0 && end >= src.lines.len(),
                text: doc_text.to_owned(),
                at: Loc { input: src.index, range: doc_range },
                insert: insert.min(doc_text.len()),
                how,
            });
        }
    }
    let name = defs.first().and_then(|d| d.name.clone()).or(kind);
    let mut c = claim(end.max(i + 1), name, defs);
    if let Parsed::Container(doc) = &mut c.parsed {
        doc.operator = operator;
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::document::Hint;

    fn parse(text: &str) -> Vec<ContainerDef> {
        let src = Source::new(0, "t", text);
        let hint = Hint { command: None, at_input_start: true };
        match recognize(&src, 0, &hint).map(|c| c.parsed) {
            Some(Parsed::Container(d)) => d.defs,
            _ => Vec::new(),
        }
    }

    #[test]
    fn docker_run_line() {
        let d = parse(
            "docker run -d --name db1 --restart=unless-stopped \\\n  -e MYSQL_ROOT_PASSWORD=x -e MYSQLD_PARENT_PID=0 \\\n  -v /data:/var/lib/mysql mysql:8.0.36 --server-id=2\n",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].image.as_ref().map(|i| i.value.as_str()), Some("mysql:8.0.36"));
        assert_eq!(d[0].restart.as_ref().map(|i| i.value.as_str()), Some("unless-stopped"));
        assert_eq!(d[0].env("MYSQLD_PARENT_PID").map(|v| v.value.as_str()), Some("0"));
        assert_eq!(d[0].command.as_ref().map(|i| i.value.as_str()), Some("--server-id=2"));
        assert_eq!(d[0].name.as_deref(), Some("db1"));
        let d = parse("podman run --init --restart on-failure mysql/mysql-server:8.0");
        assert!(d[0].init.is_some());
        assert_eq!(d[0].restart.as_ref().map(|i| i.value.as_str()), Some("on-failure"));
        // The command ends at a control operator; redirections and comments are not arguments;
        // `\"` escapes inside double quotes.
        let d = parse(
            "docker run -e \"A=x \\\"y\\\"\" mysql:8.0 --server-id=2 >run.log 2>&1 && docker logs -f db # go\n",
        );
        assert_eq!(d[0].env("A").map(|v| v.value.as_str()), Some("x \"y\""));
        assert_eq!(d[0].command.as_ref().map(|i| i.value.as_str()), Some("--server-id=2"));
    }

    #[test]
    fn docker_run_pasted_with_secondary_prompts() {
        // Regression: `> ` (PS2) at the start of continuation lines was read as the image.
        let d = parse(
            "docker run -d --name t --restart=unless-stopped \\\n>   -e MYSQL_ROOT_HOST='%' \\\n>   container-registry.oracle.com/mysql/community-server:8.0.36\n",
        );
        assert_eq!(
            d[0].image.as_ref().map(|i| i.value.as_str()),
            Some("container-registry.oracle.com/mysql/community-server:8.0.36")
        );
        assert_eq!(d[0].env("MYSQL_ROOT_HOST").map(|v| v.value.as_str()), Some("%"));
    }

    #[test]
    fn continuation_lines_after_a_prompt_are_claimed() {
        // Regression: after `$ docker run … \` the continuation lines were left "not recognised".
        let text = "$ docker run -d --name t \\\n  --restart on-failure \\\n  mysql:8.0.36\n4f1e9c7b2d0a6e3f8c5b\nnext\n";
        let src = Source::new(0, "t", text);
        let hint = Hint { command: crate::syntax::prompt::command(src.line(0)), at_input_start: false };
        let c = recognize(&src, 1, &hint).expect("claimed");
        assert_eq!(c.kind, DocKind::Container);
        assert_eq!(c.end, 4);
        // Without the prompt's continuation, a line is not claimed.
        let src = Source::new(0, "t", "$ docker run -d mysql:8.0.36\n  --restart on-failure\n");
        let hint = Hint { command: crate::syntax::prompt::command(src.line(0)), at_input_start: false };
        assert!(recognize(&src, 1, &hint).is_none());
    }

    #[test]
    fn compose_file() {
        let d = parse(
            "services:\n  db:\n    image: mysql:8.4\n    restart: always\n    environment:\n      MYSQL_ROOT_PASSWORD: x\n      MYSQLD_PARENT_PID: \"0\"\n    command: [\"mysqld\", \"--server-id=3\"]\n  app:\n    image: nginx\nvolumes:\n  data: {}\n",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].name.as_deref(), Some("db"));
        assert_eq!(d[0].restart.as_ref().map(|i| i.value.as_str()), Some("always"));
        assert_eq!(d[0].env("MYSQLD_PARENT_PID").map(|v| v.value.as_str()), Some("0"));
        assert_eq!(d[0].command.as_ref().map(|i| i.value.as_str()), Some("mysqld --server-id=3"));
        let d = parse("services:\n  db:\n    image: mysql\n    environment:\n      - MYSQLD_PARENT_PID=1\n");
        assert_eq!(d[0].env("MYSQLD_PARENT_PID").map(|v| v.value.as_str()), Some("1"));
    }

    #[test]
    fn kubernetes_pod() {
        let d = parse(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  restartPolicy: Never\n  containers:\n  - name: mysql\n    image: mysql:8.0\n    env:\n    - name: MYSQL_ROOT_PASSWORD\n      value: x\n    - name: MYSQLD_PARENT_PID\n      value: \"0\"\n    args: [\"--server-id=4\"]\n",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].name.as_deref(), Some("mysql"));
        assert_eq!(d[0].restart.as_ref().map(|i| i.value.as_str()), Some("Never"));
        assert_eq!(d[0].env("MYSQLD_PARENT_PID").map(|v| v.value.as_str()), Some("0"));
        assert_eq!(d[0].kind.as_deref(), Some("Pod"));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_yaml_and_commands_never_panic(
            body in "[ -~\\n\\t'\"\\\\:#é-]{0,300}",
            head in proptest::sample::select(vec!["services:\n", "apiVersion: v1\nkind: Pod\n", "docker run ", "$ docker run ", ""]),
        ) {
            let text = format!("{head}{body}");
            let src = Source::new(0, "t", &text);
            let hint = Hint { command: Some("docker run -d mysql"), at_input_start: true };
            for i in 0..src.lines.len() {
                if let Some(c) = recognize(&src, i, &hint) {
                    proptest::prop_assert!(c.end > i && c.end <= src.lines.len());
                }
            }
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "docker run",
            "docker run -e",
            "services:\n  - x\n   y: \"",
            "apiVersion: v1\n  containers:\n- :",
            "docker run --restart=\\",
        ] {
            let _ = parse(t);
        }
    }
}
