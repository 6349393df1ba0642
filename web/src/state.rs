//! The page state and how actions change it.

use advisor::Lang;
use std::rc::Rc;
use yew::Reducible;

/// One input box.
/// Saved in sessionStorage by [`crate::saved`], through these derives.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputDoc {
    /// Stable id (for keys), not shown.
    pub id: u32,
    /// The name the user gave it or its file's name; empty for an unnamed box, which is shown and
    /// analysed as "input N" by its position ([`InputDoc::shown_name`]), so that the box's label,
    /// the evidence and the exports always give the same number.
    pub name: String,
    pub text: String,
    /// For the excerpt of a scanned error log: the file's line number of each of its lines, so
    /// that evidence shows where the line is in the file. Empty for everything else (and dropped
    /// as soon as the text is edited).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub file_lines: Vec<u64>,
    /// For the same excerpt: where each line is in the file and the file's size, so that an
    /// export describes the file (its lines, bytes and offsets), as the CLI's JSON does for a
    /// streamed log. `None` for everything else, in sessions saved before it, and after an edit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_map: Option<advisor::logscan::ExcerptMap>,
}

impl InputDoc {
    /// An input without a line map.
    pub fn new(id: u32, name: String, text: String) -> InputDoc {
        InputDoc { id, name, text, file_lines: Vec::new(), file_map: None }
    }

    /// The name shown and analysed for the box at `index` (0-based): its own, else "input N".
    pub fn shown_name(&self, index: usize, lang: Lang) -> String {
        if self.name.trim().is_empty() {
            lang.fmt(advisor::i18n::k::UI_INPUT_DEFAULT_NAME, &[("n", &(index + 1).to_string())])
        } else {
            self.name.clone()
        }
    }

    /// The line number to show for line `n` (1-based) of this input: the file's for a scanned
    /// log's excerpt, else `n`.
    pub fn shown_line(&self, n: u32) -> u64 {
        n.checked_sub(1).and_then(|i| self.file_lines.get(i as usize)).copied().unwrap_or(u64::from(n))
    }
}

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_name(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Shared so that the analysis memo compares cheaply and the debouncer can hold a copy.
    pub inputs: Rc<Vec<InputDoc>>,
    pub next_id: u32,
    pub lang: Lang,
    pub theme: Theme,
    /// The example last loaded, for the menu.
    pub example: Option<&'static str>,
    /// What loading an example or Clear replaced, until the next edit: nothing the user typed is
    /// dropped without a way back (issue 15).
    pub undo: Option<Undo>,
}

/// The inputs before an example or Clear replaced them.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub kind: UndoKind,
    pub inputs: Rc<Vec<InputDoc>>,
    pub example: Option<&'static str>,
}

/// What replaced the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoKind {
    Example,
    Clear,
}

pub enum Action {
    SetText(usize, String),
    AddInput,
    RemoveInput(usize),
    /// The user renamed box `i` (an empty name makes it "input N" again).
    Rename(usize, String),
    /// Text read from a file (replaces an empty input box, else adds one); `file_lines` and
    /// `file_map` as in [`InputDoc`].
    AddFile {
        name: String,
        text: String,
        file_lines: Vec<u64>,
        file_map: Option<advisor::logscan::ExcerptMap>,
    },
    LoadExample(&'static str),
    Clear,
    /// Puts back what the last example or Clear replaced.
    Undo,
    SetLang(Lang),
    SetTheme(Theme),
}

impl State {
    pub fn new(inputs: Vec<InputDoc>, lang: Lang, theme: Theme) -> State {
        let mut inputs = if inputs.is_empty() { vec![blank(0)] } else { inputs };
        // Sessions saved before boxes were numbered by position named them "input <id + 1>".
        for doc in &mut inputs {
            if doc.name == format!("input {}", doc.id + 1) {
                doc.name.clear();
            }
        }
        let next_id = inputs.iter().map(|i| i.id + 1).max().unwrap_or(1);
        State { inputs: Rc::new(inputs), next_id, lang, theme, example: None, undo: None }
    }

    /// True when nothing was pasted.
    pub fn is_empty(&self) -> bool {
        self.inputs.iter().all(|i| i.text.trim().is_empty())
    }
}

fn blank(id: u32) -> InputDoc {
    InputDoc::new(id, String::new(), String::new())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        // Replacing typed text keeps it for Undo; any other change to the inputs ends the undo.
        let keep = |kind| {
            (!self.is_empty()).then(|| Undo { kind, inputs: self.inputs.clone(), example: self.example })
        };
        match &action {
            Action::LoadExample(_) => s.undo = keep(UndoKind::Example),
            Action::Clear => s.undo = keep(UndoKind::Clear),
            Action::SetLang(_) | Action::SetTheme(_) | Action::Rename(..) => {}
            Action::Undo => {
                let Some(u) = s.undo.take() else { return self };
                s.inputs = u.inputs;
                s.example = u.example;
                return Rc::new(s);
            }
            Action::SetText(i, text) if self.inputs.get(*i).is_some_and(|d| d.text == *text) => return self,
            _ => s.undo = None,
        }
        let inputs = Rc::make_mut(&mut s.inputs);
        match action {
            Action::SetText(i, text) => {
                if let Some(input) = inputs.get_mut(i) {
                    if input.text == text {
                        return self;
                    }
                    input.text = text;
                    input.file_lines.clear();
                    input.file_map = None;
                }
            }
            Action::AddInput => {
                inputs.push(blank(s.next_id));
                s.next_id += 1;
            }
            Action::Rename(i, name) => {
                if let Some(input) = inputs.get_mut(i) {
                    input.name = name.trim().to_owned();
                }
            }
            Action::RemoveInput(i) => {
                if i < inputs.len() {
                    inputs.remove(i);
                }
                if inputs.is_empty() {
                    inputs.push(blank(s.next_id));
                    s.next_id += 1;
                }
            }
            Action::AddFile { name, text, file_lines, file_map } => {
                if let Some(slot) = inputs.iter_mut().find(|i| i.text.trim().is_empty()) {
                    slot.name = name;
                    slot.text = text;
                    slot.file_lines = file_lines;
                    slot.file_map = file_map;
                } else {
                    inputs.push(InputDoc { id: s.next_id, name, text, file_lines, file_map });
                    s.next_id += 1;
                }
            }
            Action::LoadExample(id) => {
                let Some(ex) = crate::examples::find(id) else { return self };
                inputs.clear();
                for (name, text) in ex.inputs {
                    inputs.push(InputDoc::new(s.next_id, (*name).to_owned(), (*text).to_owned()));
                    s.next_id += 1;
                }
                s.example = Some(ex.id);
            }
            Action::Clear => {
                inputs.clear();
                inputs.push(blank(s.next_id));
                s.next_id += 1;
                s.example = None;
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::SetTheme(theme) => s.theme = theme,
            Action::Undo => {}
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<State> {
        Rc::new(State::new(Vec::new(), Lang::En, Theme::System))
    }

    #[test]
    fn actions_change_inputs() {
        let s = state().reduce(Action::SetText(0, "[Service]".into()));
        assert_eq!(s.inputs[0].text, "[Service]");
        let s = s.reduce(Action::AddFile {
            name: "my.cnf".into(),
            text: "[mysqld]".into(),
            file_lines: vec![],
            file_map: None,
        });
        assert_eq!(s.inputs.len(), 2);
        assert_eq!(s.inputs[1].name, "my.cnf");
        let s = s.reduce(Action::RemoveInput(0)).reduce(Action::RemoveInput(0));
        assert_eq!(s.inputs.len(), 1, "never zero input boxes");
        let s = s.reduce(Action::LoadExample("clone-3707"));
        assert!(s.inputs[0].text.contains("ERROR 3707"));
        assert_eq!(s.example, Some("clone-3707"));
        let s = s.reduce(Action::Clear);
        assert!(s.is_empty() && s.example.is_none());
        let ids: Vec<u32> = s.inputs.iter().map(|i| i.id).collect();
        assert!(ids.iter().all(|id| *id >= 2), "ids are never reused: {ids:?}");
    }

    #[test]
    fn an_example_or_clear_over_typed_text_can_be_undone() {
        let typed = state().reduce(Action::SetText(0, "my unit".into()));
        let s = typed.clone().reduce(Action::LoadExample("clone-3707"));
        assert_eq!(s.undo.as_ref().map(|u| u.kind), Some(UndoKind::Example));
        let back = s.reduce(Action::Undo);
        assert_eq!(back.inputs, typed.inputs);
        assert!(back.undo.is_none() && back.example.is_none());
        let s = back.reduce(Action::Clear);
        assert_eq!(s.undo.as_ref().map(|u| u.kind), Some(UndoKind::Clear));
        assert_eq!(s.reduce(Action::Undo).inputs, typed.inputs);
        // Nothing typed, nothing to undo; an edit after Clear ends the undo (it would drop the edit).
        assert!(state().reduce(Action::LoadExample("healthy")).undo.is_none());
        let s = typed.reduce(Action::Clear).reduce(Action::SetText(0, "new".into()));
        assert!(s.undo.is_none());
        assert_eq!(s.clone().reduce(Action::Undo).inputs, s.inputs, "Undo without an undo changes nothing");
    }

    /// Boxes are numbered by position: "input N" follows the box, a name given sticks, and a
    /// session saved with the old "input <id + 1>" names reads as unnamed.
    #[test]
    fn unnamed_boxes_are_numbered_by_position_and_can_be_renamed() {
        let s = state()
            .reduce(Action::LoadExample("clone-3707"))
            .reduce(Action::AddInput)
            .reduce(Action::AddInput);
        let names: Vec<String> =
            s.inputs.iter().enumerate().map(|(i, d)| d.shown_name(i, Lang::En)).collect();
        assert_eq!(names, ["input 1", "input 2", "input 3"]);
        assert_eq!(s.inputs[1].shown_name(1, Lang::ZhCn), "输入 2");
        let s = s.reduce(Action::Rename(2, "  /etc/my.cnf ".into())).reduce(Action::RemoveInput(0));
        assert_eq!(s.inputs[1].shown_name(1, Lang::En), "/etc/my.cnf");
        assert_eq!(s.inputs[0].shown_name(0, Lang::En), "input 1");
        let s = s.reduce(Action::Rename(1, " ".into()));
        assert_eq!(s.inputs[1].shown_name(1, Lang::En), "input 2");
        let old = vec![
            InputDoc::new(4, "input 5".into(), "x".into()),
            InputDoc::new(5, "input 1".into(), "y".into()),
        ];
        let s = State::new(old, Lang::En, Theme::System);
        assert_eq!((s.inputs[0].name.as_str(), s.inputs[1].name.as_str()), ("", "input 1"));
    }

    #[test]
    fn a_file_fills_an_empty_box_first() {
        let s = state().reduce(Action::AddFile {
            name: "a.cnf".into(),
            text: "x".into(),
            file_lines: vec![],
            file_map: None,
        });
        assert_eq!(s.inputs.len(), 1);
        assert_eq!(s.inputs[0].name, "a.cnf");
    }

    #[test]
    fn a_scanned_excerpt_shows_file_lines_until_edited() {
        let s = state().reduce(Action::AddFile {
            name: "big.log (excerpt)".into(),
            text: "a\nb\n".into(),
            file_lines: vec![1200, 98765],
            file_map: Some(advisor::logscan::ExcerptMap { lines: vec![1200, 98765], ..Default::default() }),
        });
        let doc = &s.inputs[0];
        assert_eq!((doc.shown_line(1), doc.shown_line(2), doc.shown_line(3)), (1200, 98765, 3));
        let s = s.reduce(Action::SetText(0, "a\nb\nc\n".into()));
        assert!(s.inputs[0].file_lines.is_empty() && s.inputs[0].file_map.is_none(), "an edit drops the map");
        assert_eq!(s.inputs[0].shown_line(2), 2);
        // The map survives the session round trip; inputs without one serialise as before.
        let map = advisor::logscan::ExcerptMap {
            lines: vec![7],
            places: vec![[90, 10, 1]],
            file_lines: 8,
            file_bytes: 100,
        };
        let json = crate::saved::to_json(&[InputDoc {
            file_lines: vec![7],
            file_map: Some(map.clone()),
            ..s.inputs[0].clone()
        }]);
        let back = crate::saved::from_json(&json).unwrap();
        assert_eq!(back[0].file_lines, [7]);
        assert_eq!(back[0].file_map, Some(map));
        let plain = crate::saved::to_json(&s.inputs[..1]);
        assert!(!plain.contains("file_lines") && !plain.contains("file_map"));
    }
}
