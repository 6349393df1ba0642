//! The Examples menu: realistic scenarios; `?example=<id>` loads one.

/// One example: an id for `?example=`, a catalog key for its name, and the pasted text.
pub struct Example {
    pub id: &'static str,
    pub inputs: &'static [(&'static str, &'static str)],
}

pub const EXAMPLES: &[Example] = &[
    Example { id: "clone-3707", inputs: &[("terminal", include_str!("../examples/clone-3707.txt"))] },
    Example {
        id: "docker-official",
        inputs: &[("terminal", include_str!("../examples/docker-official.txt"))],
    },
    Example { id: "stays-down", inputs: &[("terminal", include_str!("../examples/stays-down.txt"))] },
    Example {
        id: "replica-crash-unsafe",
        inputs: &[("terminal", include_str!("../examples/replica-crash-unsafe.txt"))],
    },
    Example { id: "healthy", inputs: &[("terminal", include_str!("../examples/healthy.txt"))] },
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use advisor::{Input, analyze};

    #[test]
    fn every_example_is_recognised() {
        for ex in EXAMPLES {
            let inputs: Vec<Input> = ex.inputs.iter().map(|(n, t)| Input::new(*n, *t)).collect();
            let report = analyze(&inputs);
            assert!(!report.documents.is_empty(), "{}: nothing recognised", ex.id);
            assert!(
                advisor::Lang::En.has(advisor::i18n::dynamic(format_args!("ui.example-{}", ex.id))),
                "{}: no name",
                ex.id
            );
        }
        assert!(find("clone-3707").is_some());
    }
}
