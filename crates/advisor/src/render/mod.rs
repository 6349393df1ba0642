//! Renderers for people: plain/coloured text and Markdown. (JSON is `Report::to_json`.)

/// TODO(render owner): text and Markdown renderers.
pub fn placeholder() {}
