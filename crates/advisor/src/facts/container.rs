//! Container facts (`docker run`, compose services, Kubernetes containers, entrypoint log lines) and
//! other files the supervisor model needs when pasted: wrapper scripts and `EnvironmentFile=` files.
//!
//! Image families (`mysql-facts.md` §6): Docker Hub's official `mysql` image never sets
//! `MYSQLD_PARENT_PID` (mysqld is PID 1 after `exec "$@"`); Oracle's `mysql/mysql-server` /
//! `container-registry.oracle.com/mysql/community-server` sets it from `/proc/$$/stat` field 4.
//!
//! A pasted Dockerfile (its last stage) is merged into the server's definition: its `ENV` comes
//! before the container's own environment (which overrides it), its `ENTRYPOINT` / `CMD` apply
//! where the container sets none (Dockerfile reference: `docker run --entrypoint` and a command
//! replace them). Scripts come from whole inputs (`#!` first line, `.sh` name) and from `$ cat
//! PATH` sections of a transcript. The version an image tag shows is the least authoritative
//! version source: used only when nothing else in the input shows one (so it never overrides
//! `SELECT VERSION()` or `mysqld --version`), and a moving `8.0` tag gives none (its releases
//! straddle 8.0.17, the first with the clone plugin).
//!
//! Bitnami (`bitnami/containers`, `bitnami/mysql/…/run.sh`): `EXEC="${DB_SBIN_DIR}/mysqld"`, then
//! `exec_as_user "$DB_DAEMON_USER" "$EXEC" …` as root or `exec "$EXEC" …`, no `MYSQLD_PARENT_PID`
//! (`runtime-and-launchers.md` §8.3); `exec_as_user` lives in `libos.sh`, not read here, so the
//! analysis stops at that line and says so (unmanaged either way: no branch sets the variable).

use crate::text::TrimWs;

use super::launch::{Script, analyze_script};
use super::{Facts, Loc, Valued};
use crate::source::Source;
use crate::syntax::document::{Document, Parsed};

pub(crate) use crate::syntax::container::{
    ContainerDef, ContainerSource, ImageFamily, Insert, Operator, OperatorKind, SourceText, entrypoint_family,
};

/// A pasted file that is neither a unit nor an option file but matters to the supervisor model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PastedFile {
    /// The input name (a path when the user gave one).
    pub name: String,
    pub at: Loc,
    pub text: String,
    /// A script: what it does with mysqld (empty for an environment file).
    pub script: Script,
    /// An environment file: its assignments, in order, each with the line it was read from
    /// (empty for a script).
    pub env: Vec<(String, Valued<String>)>,
}

/// Everything container-related, plus pasted scripts and environment files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Containers {
    pub defs: Vec<ContainerDef>,
    /// The image family as shown by entrypoint log lines (`[Entrypoint] MySQL Docker Image …` for
    /// Oracle, `[Note] [Entrypoint]: Entrypoint script for MySQL Server … started.` for Docker Hub).
    pub log_family: Option<Valued<ImageFamily>>,
    /// Inputs that are shell scripts (`#!` first line, or a `.sh` name).
    pub scripts: Vec<PastedFile>,
    /// Inputs that look like `EnvironmentFile=` files (`/etc/sysconfig/*`, `/etc/default/*`, or only
    /// `NAME=value` lines).
    pub env_files: Vec<PastedFile>,
    /// A pasted Dockerfile (its last stage) that was merged into the server's definition: the
    /// file a fix adds `ENV` to.
    pub dockerfile: Option<ContainerDef>,
    /// A MySQL operator's custom resource.
    pub operator: Option<Operator>,
    /// The version an image tag shows (`mysql:8.0.36`), with the flavour its repository names.
    pub image_version: Option<(Valued<crate::base::Version>, Option<crate::base::Flavor>)>,
}

impl Containers {
    /// The container that runs the server: by image (a known server image family), then by name
    /// (`mysql`, `mysqld`, `mariadb`, `db`) or a `mysqld` command, then any MySQL-looking
    /// definition (not `mysqld-exporter`, a router or a proxy), else the first; the first of the
    /// best.
    pub fn server(&self) -> Option<&ContainerDef> {
        let score = |d: &ContainerDef| -> u8 {
            let img = d.image.as_ref().map(|i| i.value.to_ascii_lowercase()).unwrap_or_default();
            if ["exporter", "router", "proxysql", "orchestrator", "haproxy"].iter().any(|k| img.contains(k)) {
                return 0;
            }
            let family = d.family().map(|f| f.value);
            if matches!(
                family,
                Some(
                    ImageFamily::DockerHub
                        | ImageFamily::Oracle
                        | ImageFamily::Percona
                        | ImageFamily::MariaDb
                )
            ) {
                return 4;
            }
            let name = d.name.as_deref().unwrap_or("");
            let cmd = d.command.as_ref().map(|c| c.value.as_str()).unwrap_or("");
            if matches!(name, "mysql" | "mysqld" | "mariadb" | "db" | "database") || cmd.starts_with("mysqld")
            {
                return 3;
            }
            u8::from(d.is_mysql()) * 2
        };
        let best = self.defs.iter().map(score).max()?;
        self.defs.iter().find(|d| score(d) == best)
    }
    /// A pasted script whose input name is `path` or ends with its base name.
    pub fn script(&self, path: &str) -> Option<&PastedFile> {
        find_file(&self.scripts, path)
            .or_else(|| if self.scripts.len() == 1 { self.scripts.first() } else { None })
    }
    /// A pasted environment file for `EnvironmentFile=path` (a leading `-` ignored).
    pub fn env_file(&self, path: &str) -> Option<&PastedFile> {
        find_file(&self.env_files, path.trim_start_matches('-'))
    }
}

fn find_file<'a>(files: &'a [PastedFile], path: &str) -> Option<&'a PastedFile> {
    let base = path.rsplit('/').next().unwrap_or(path);
    files.iter().find(|f| f.name == path).or_else(|| {
        files.iter().find(|f| !base.is_empty() && f.name.rsplit('/').next().unwrap_or(&f.name) == base)
    })
}

/// Parses an environment file (`systemd.exec(5)`: newline-separated `NAME=value`; empty lines,
/// lines without `=`, and lines starting with `#` or `;` are ignored; quotes removed). Returns each
/// assignment with its byte range relative to `text`.
pub(crate) fn parse_env_file(text: &str) -> Vec<(String, String, usize, usize)> {
    let mut out = Vec::new();
    let mut off = 0usize;
    for line in text.split_inclusive('\n') {
        let start = off;
        off += line.len();
        let t = line.trim_ws();
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        let t = t.strip_prefix("export ").unwrap_or(t);
        let Some((n, v)) = t.split_once('=') else { continue };
        let n = n.trim_ws();
        if n.is_empty() || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let v = v.trim_ws();
        let v = if v.len() >= 2
            && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\'')))
        {
            &v[1..v.len() - 1]
        } else {
            v
        };
        out.push((n.to_owned(), v.to_owned(), start, start + line.trim_end_ws().len()));
    }
    out
}

/// [`parse_env_file`] of input `input`'s whole text, each value located at its line.
pub(crate) fn env_assignments(text: &str, input: usize) -> Vec<(String, Valued<String>)> {
    parse_env_file(text)
        .into_iter()
        .map(|(n, v, s, e)| {
            let range = crate::text::TextRange::new(s as u32, e as u32);
            (n, Valued::new(v, Loc { input, range }))
        })
        .collect()
}

fn looks_like_env_file(name: &str, text: &str) -> bool {
    if name.starts_with("/etc/sysconfig/") || name.starts_with("/etc/default/") || name.ends_with(".env") {
        return true;
    }
    let mut any = false;
    for line in text.lines() {
        let t = line.trim_ws();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((n, _)) = t.split_once('=') else { return false };
        if n.is_empty() || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return false;
        }
        any = true;
    }
    any
}

/// Fills `f.containers` from container documents, entrypoint log lines anywhere in the input,
/// and whole inputs that are scripts or environment files.
pub(crate) fn collect(f: &mut Facts, sources: &[Source<'_>], docs: &[Document]) {
    let mut c = Containers::default();
    let mut dockerfiles: Vec<ContainerDef> = Vec::new();
    for d in docs {
        match &d.parsed {
            Parsed::Container(doc) => {
                c.defs.extend(doc.defs.iter().cloned());
                if c.operator.is_none() {
                    c.operator = doc.operator.clone();
                }
            }
            Parsed::Dockerfile(doc) => dockerfiles.extend(doc.def.iter().cloned()),
            Parsed::Script(sd) => {
                let Some(src) = sources.iter().find(|s| s.index == d.input) else { continue };
                // A whole input is read below, as every script input is.
                if sd.range.start == 0 && sd.range.end as usize >= src.text.trim_end().len() {
                    continue;
                }
                let text = src.slice(sd.range);
                c.scripts.push(PastedFile {
                    name: sd.path.clone(),
                    at: Loc { input: d.input, range: sd.range },
                    text: text.to_owned(),
                    script: analyze_script(text),
                    env: Vec::new(),
                });
            }
            _ => {}
        }
    }
    for src in sources {
        for i in 0..src.lines.len() {
            let is_run = crate::syntax::prompt::at(src, i).is_some_and(|c| {
                let mut w = c.split_whitespace().skip_while(|w| *w == "sudo");
                matches!(w.next(), Some("docker" | "podman" | "nerdctl"))
            });
            if is_run && let Some(defs) = crate::syntax::container::docker_run_defs(src, i) {
                c.defs.extend(defs);
            }
        }
        // One search of the whole text spares one per line (issue 17, item 4).
        let entrypoint = memchr::memmem::find(src.text.as_bytes(), b"[Entrypoint]").is_some();
        for (i, l) in src.lines.iter().enumerate().filter(|_| entrypoint) {
            if c.log_family.is_some() {
                break;
            }
            if let Some(fam) = entrypoint_family(src.line(i)) {
                c.log_family = Some(Valued::new(fam, Loc { input: src.index, range: l.range }));
            }
        }
        let whole = Loc { input: src.index, range: src.lines_range(0, src.lines.len()) };
        let first = src.lines.iter().enumerate().map(|(i, _)| src.line(i)).find(|l| !l.trim_ws().is_empty());
        let name = src.name.to_owned();
        let file = |script, env| PastedFile {
            name: name.clone(),
            at: whole,
            text: src.text.to_owned(),
            script,
            env,
        };
        if first.is_some_and(|l| l.starts_with("#!")) || name.ends_with(".sh") {
            c.scripts.push(file(analyze_script(src.text), Vec::new()));
        } else if looks_like_env_file(&name, src.text) {
            c.env_files.push(file(Script::default(), env_assignments(src.text, src.index)));
        }
    }
    merge_dockerfile(&mut c, dockerfiles);
    c.image_version = image_version(&c);
    if f.server.version.is_none()
        && let Some((v, flavor)) = &c.image_version
    {
        // The least authoritative source: only when nothing else showed the version.
        f.server.version = Some(v.clone());
        if f.server.flavor.is_none() {
            let fl = flavor.unwrap_or(crate::base::Flavor::MySql);
            f.server.flavor = Some(Valued::new(fl, v.at));
        }
    }
    f.containers = c;
}

/// A pasted Dockerfile describes the image of the server's container: its `ENV`, `ENTRYPOINT` and
/// `CMD` apply where the container does not set its own (`docker run -e` and compose / Kubernetes
/// `environment` / `env` override `ENV`; `--entrypoint` / `command:` replace `ENTRYPOINT`). With
/// no container definition, the Dockerfile's last stage is the definition (how it is run is then
/// unknown). With several Dockerfiles, the last one is taken.
fn merge_dockerfile(c: &mut Containers, mut files: Vec<ContainerDef>) {
    let Some(file) = files.pop() else { return };
    let target = c.defs.iter().position(|d| d.is_mysql()).or(if c.defs.is_empty() { None } else { Some(0) });
    match target {
        Some(k) => {
            let d = &mut c.defs[k];
            let mut env = file.env.clone();
            env.append(&mut d.env);
            d.env = env;
            if d.entrypoint.is_none() {
                d.entrypoint = file.entrypoint.clone();
                if d.command.is_none() {
                    d.command = file.command.clone();
                }
            }
            if d.family().is_none_or(|f| f.value == ImageFamily::Other) {
                d.image = file.image.clone().or(d.image.take());
            }
            c.dockerfile = Some(file);
        }
        None => {
            c.defs.push(file.clone());
            c.dockerfile = Some(file);
        }
    }
}

/// The version an image tag shows: `mysql:8.0.36`, `percona/percona-server:8.0.36-28`,
/// `mariadb:10.11`, `bitnami/mysql:8.0`. A moving tag (`8.0`) names only its series: it is kept
/// only when the series alone decides (any 5.x, 8.1 and later, MariaDB), never for `8.0`, whose
/// releases before and after 8.0.17 differ. From the server's container, else the Dockerfile.
fn image_version(c: &Containers) -> Option<(Valued<crate::base::Version>, Option<crate::base::Flavor>)> {
    use crate::base::{Flavor, Version};
    let img = c
        .server()
        .and_then(|d| d.image.clone())
        .or_else(|| c.dockerfile.as_ref().and_then(|d| d.image.clone()))?;
    let family = ImageFamily::of_image(&img.value);
    let lower = img.value.to_ascii_lowercase();
    let repo_named = |k: &str| lower.rsplit('/').next().is_some_and(|r| r.starts_with(k));
    let flavor = match family {
        ImageFamily::MariaDb => Some(Flavor::MariaDb),
        ImageFamily::Percona => Some(Flavor::Percona),
        ImageFamily::DockerHub | ImageFamily::Oracle => Some(Flavor::MySql),
        ImageFamily::Other if repo_named("mariadb") => Some(Flavor::MariaDb),
        ImageFamily::Other if repo_named("percona") => Some(Flavor::Percona),
        ImageFamily::Other if repo_named("mysql") => Some(Flavor::MySql),
        ImageFamily::Other => None,
    };
    flavor?;
    let no_digest = img.value.split('@').next().unwrap_or("");
    let tag = match no_digest.rfind(':') {
        Some(k) if !no_digest[k..].contains('/') => &no_digest[k + 1..],
        _ => return None,
    };
    let v = Version::parse(tag)?;
    let parts = tag.split(['-', '_']).next().unwrap_or("").split('.').filter(|p| !p.is_empty()).count();
    let decides = parts >= 3 || flavor == Some(Flavor::MariaDb) || !(v.major == 8 && v.minor == 0);
    if parts < 2 || !decides {
        return None;
    }
    Some((Valued::new(v, img.at), flavor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_families() {
        assert_eq!(ImageFamily::of_image("mysql:8.0.36"), ImageFamily::DockerHub);
        assert_eq!(ImageFamily::of_image("docker.io/library/mysql:8.4"), ImageFamily::DockerHub);
        assert_eq!(ImageFamily::of_image("mysql"), ImageFamily::DockerHub);
        assert_eq!(ImageFamily::of_image("mysql/mysql-server:8.0"), ImageFamily::Oracle);
        assert_eq!(
            ImageFamily::of_image("container-registry.oracle.com/mysql/community-server:8.4"),
            ImageFamily::Oracle
        );
        assert_eq!(ImageFamily::of_image("percona/percona-server:8.0"), ImageFamily::Percona);
        assert_eq!(ImageFamily::of_image("bitnami/mysql:8.0"), ImageFamily::Other);
        assert_eq!(ImageFamily::of_image("localhost:5000/mysql:8"), ImageFamily::Other);
    }

    #[test]
    fn env_files() {
        let v = parse_env_file("# c\nMYSQLD_OPTS=\"--foo\"\n\n;x\nMYSQLD_PARENT_PID=1\nbad line\n");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].1, "--foo");
        assert_eq!(v[1].0, "MYSQLD_PARENT_PID");
        assert!(looks_like_env_file("input 1", "A=1\n# c\nB=2\n"));
        assert!(!looks_like_env_file("input 1", "[Service]\nA=1\n"));
    }

    #[test]
    fn entrypoint_lines() {
        assert_eq!(
            entrypoint_family(
                "2024-05-01 10:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.36-1.el8 started."
            ),
            Some(ImageFamily::DockerHub)
        );
        assert_eq!(
            entrypoint_family("[Entrypoint] MySQL Docker Image 8.0.32-1.2.11-server"),
            Some(ImageFamily::Oracle)
        );
    }
}
