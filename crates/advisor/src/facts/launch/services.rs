//! The launchers other than systemd and containers, as pasted: supervisord `[program:…]`
//! sections, service scripts (runit / daemontools / s6 `run` files, OpenRC and SysV init scripts)
//! and Windows services (`sc qc`). Collected once from the documents; the launch model reads them.

use super::command::{Script, analyze_script};
use crate::facts::{Facts, Loc, Valued};
use crate::source::Source;
use crate::syntax::document::{Document, Parsed};
use crate::syntax::launcher::{ScriptKind, environment_pairs};
use crate::text::{TextRange, TrimWs};

/// A supervisord `[program:NAME]` section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SupervisordProgram {
    /// The input's name (the file the fix replaces the section in).
    pub file: String,
    pub name: String,
    /// The whole section (header through its last entry).
    pub section: Loc,
    /// The section's text as written.
    pub text: String,
    /// Its entries (key lower-cased), each with its line(s).
    pub entries: Vec<(String, Valued<String>)>,
    /// `nodaemon=` of a `[supervisord]` section in the same input.
    pub nodaemon: Option<Valued<String>>,
}

impl SupervisordProgram {
    /// The last entry `key`.
    pub fn get(&self, key: &str) -> Option<&Valued<String>> {
        self.entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    /// `environment=`'s assignment of `name`, with the entry's location.
    pub fn env(&self, name: &str) -> Option<Valued<String>> {
        let e = self.get("environment")?;
        environment_pairs(&e.value)
            .into_iter()
            .rev()
            .find(|(n, _, _)| n == name)
            .map(|(_, v, _)| Valued::new(v, e.at))
    }
}

/// A whole input that is a service script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ServiceFile {
    pub kind: ScriptKind,
    /// An execline script (`#!/command/execlineb`): each line chain-loads the next.
    pub execline: bool,
    /// The input's name (its path when the user gave one).
    pub name: String,
    pub at: Loc,
    pub text: String,
    /// The analysis (for execline: of the equivalent command line).
    pub script: Script,
}

/// A Windows service (`sc qc`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WinService {
    pub service: Option<String>,
    /// `BINARY_PATH_NAME`.
    pub binary: Valued<String>,
}

/// Everything this module collects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Services {
    pub programs: Vec<SupervisordProgram>,
    pub files: Vec<ServiceFile>,
    pub windows: Vec<WinService>,
}

impl Services {
    /// The `[program:…]` that runs the server: the first whose name or command mentions MySQL.
    pub fn server_program(&self) -> Option<&SupervisordProgram> {
        self.programs.iter().find(|p| {
            let cmd = p.get("command").map(|c| c.value.to_ascii_lowercase()).unwrap_or_default();
            let name = p.name.to_ascii_lowercase();
            ["mysql", "maria", "percona"].iter().any(|k| cmd.contains(k) || name.contains(k))
        })
    }
}

/// An execline script as the command line it chain-loads: each non-comment line's words in order,
/// `export NAME VALUE` as `NAME=VALUE` (execline's `export` sets a variable for the rest).
pub(crate) fn execline_command(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().skip(1) {
        let t = line.trim_ws();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let words = crate::syntax::shell::values(t, crate::syntax::shell::Mode::SystemdExec);
        if words.first().is_some_and(|w| w == "export") && words.len() >= 3 {
            out.push(format!("{}={}", words[1], words[2..].join(" ")));
            continue;
        }
        out.extend(words.into_iter().filter(|w| w != "fdmove" && w != "-c"));
    }
    let quoted: Vec<String> =
        out.iter().map(|w| if w.contains([' ', '\'']) { format!("\"{w}\"") } else { w.clone() }).collect();
    format!("exec {}", quoted.join(" "))
}

/// Fills `f.services` from the documents.
pub(crate) fn collect(f: &mut Facts, sources: &[Source<'_>], docs: &[Document]) {
    let mut s = Services::default();
    for d in docs {
        let Some(src) = sources.iter().find(|x| x.index == d.input) else { continue };
        match &d.parsed {
            Parsed::Supervisord(conf) => {
                let nodaemon = conf.sections.iter().find(|x| x.name == "supervisord").and_then(|x| {
                    x.get("nodaemon")
                        .map(|e| Valued::new(e.value.clone(), Loc { input: d.input, range: e.range }))
                });
                for sec in &conf.sections {
                    let Some(name) = sec.program() else { continue };
                    let loc = |r: TextRange| Loc { input: d.input, range: r };
                    s.programs.push(SupervisordProgram {
                        file: conf.path.clone().unwrap_or_else(|| src.name.to_owned()),
                        name: name.to_owned(),
                        section: loc(sec.range),
                        text: src.slice(sec.range).to_owned(),
                        entries: sec
                            .entries
                            .iter()
                            .map(|e| (e.key.clone(), Valued::new(e.value.clone(), loc(e.range))))
                            .collect(),
                        nodaemon: nodaemon.clone(),
                    });
                }
            }
            Parsed::ServiceScript(k) => {
                let text = src.text.to_owned();
                let script =
                    if k.execline { analyze_script(&execline_command(&text)) } else { analyze_script(&text) };
                s.files.push(ServiceFile {
                    kind: k.kind,
                    execline: k.execline,
                    name: src.name.to_owned(),
                    at: Loc { input: d.input, range: d.range },
                    text,
                    script,
                });
            }
            Parsed::SupervisordLog(log) => {
                use crate::facts::observed::{Ending, Exit, Observer, Supervised, SupervisorEvent};
                use crate::syntax::launcher::SupervisordEvent as E;
                for (ev, name, r) in &log.events {
                    let at = Loc { input: d.input, range: *r };
                    let owner = Some(name.clone());
                    let by = Observer::Supervisord;
                    let exit = |ending| Exit { ending, owner: owner.clone(), at, by };
                    match ev {
                        E::Exited { code } => f.observed.exits.push(exit(Ending::Exited(*code))),
                        E::Killed { signal, stopped } => {
                            if *stopped {
                                let event = SupervisorEvent::Stopped;
                                f.observed.supervisor.push(Supervised {
                                    event,
                                    owner: owner.clone(),
                                    at,
                                    by,
                                });
                            }
                            f.observed.exits.push(exit(Ending::Killed(signal.clone())));
                        }
                        E::Spawned => f.observed.supervisor.push(Supervised {
                            event: SupervisorEvent::Started,
                            owner,
                            at,
                            by,
                        }),
                        E::GaveUp => f.observed.supervisor.push(Supervised {
                            event: SupervisorEvent::Failed { result: "FATAL".into() },
                            owner,
                            at,
                            by,
                        }),
                    }
                }
            }
            Parsed::WindowsService(sc) => {
                if let Some((b, r)) = &sc.binary_path {
                    s.windows.push(WinService {
                        service: sc.service.as_ref().map(|x| x.0.clone()),
                        binary: Valued::new(b.clone(), Loc { input: d.input, range: *r }),
                    });
                }
            }
            _ => {}
        }
    }
    f.services = s;
}

/// The words of a shell command line: each as written (quotes included) and decoded (for fixes
/// that keep the user's words as they wrote them).
pub(crate) fn sh_words(text: &str) -> Vec<(String, String)> {
    crate::syntax::shell::words(text, crate::syntax::shell::Mode::Sh)
        .map(|w| (text.get(w.raw.start as usize..w.raw.end as usize).unwrap_or("").to_owned(), w.value))
        .collect()
}
