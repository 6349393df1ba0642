//! A pasted shell script that runs mysqld in a loop itself (`while true; do mysqld …; [ $? -eq 16 ]
//! || break; done`): the shell stays mysqld's parent, so `MYSQLD_PARENT_PID=$$` matches, and the
//! loop's own test decides what follows exit 16 (`command::Loop16`). A loop that ends after 16
//! (`[ $? -eq 16 ] && break`) is not credited; a test the scan cannot follow is "cannot tell".

use super::command::Loop16;
use super::{CheckWhy, Exit16Why, Model, Supervisor, Tri};
use crate::facts::container::PastedFile;
use crate::facts::{Facts, Loc};

/// The shell-loop case: the first pasted script whose server start sits in a loop.
pub(super) fn shell_loop(f: &Facts) -> Option<Model> {
    let file = f.containers.scripts.iter().find(|s| s.script.loop16 != Loop16::NoLoop)?;
    let sf = super::services::ServiceFile {
        kind: crate::syntax::launcher::ScriptKind::SysV,
        execline: false,
        name: file.name.clone(),
        at: file.at,
        text: file.text.clone(),
        script: file.script.clone(),
    };
    let mut m = Model::new(Supervisor::ShellLoop { path: file.name.clone() });
    super::runit::script_model(f, &mut m, &sf, &file.name);
    let (e16, why) = match file.script.loop16 {
        Loop16::Restarts { .. } => (Tri::Yes, Exit16Why::ScriptLoop),
        Loop16::Stops { start, end } => (Tri::No, Exit16Why::LoopStops { at: loc(file, start, end) }),
        Loop16::CannotTell { start, end } => {
            (Tri::Unknown, Exit16Why::LoopCannotTell { at: loc(file, start, end) })
        }
        Loop16::NoLoop => (Tri::Unknown, Exit16Why::Unknown),
    };
    (m.exit16, m.exit16_why) = (e16, why);
    if matches!(m.check_why, CheckWhy::CannotTell { .. }) {
        m.exit16 = Tri::Unknown;
    }
    Some(m)
}

fn loc(file: &PastedFile, a: usize, b: usize) -> Loc {
    let base = file.at.range.start;
    Loc { input: file.at.input, range: crate::text::TextRange::new(base + a as u32, base + b as u32) }
}
