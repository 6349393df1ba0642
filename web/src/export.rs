//! Export of the report as Markdown (for a ticket) or JSON: the core's renderers, so the page and
//! `mysql-advisor check --format markdown|json` write the same text — including the file's line
//! numbers for a scanned log's excerpt, as the CLI prints them for a streamed log.

use crate::state::InputDoc;
use advisor::Report;
use std::borrow::Cow;

/// The report to export: evidence in a scanned log's excerpt renumbered to the file's lines
/// ([`advisor::logscan::remap_excerpt_lines`]); borrowed as is when no input is such an excerpt.
pub fn for_export<'a>(report: &'a Report, inputs: &[InputDoc]) -> Cow<'a, Report> {
    let mut out = Cow::Borrowed(report);
    for (i, doc) in inputs.iter().enumerate().filter(|(_, d)| !d.file_lines.is_empty()) {
        advisor::logscan::remap_excerpt_lines(out.to_mut(), i, &doc.text, &doc.file_lines);
    }
    out
}

/// The report as Markdown.
pub fn markdown(report: &Report, inputs: &[InputDoc]) -> String {
    advisor::render::markdown(&for_export(report, inputs))
}

/// The report as JSON (the contract of `docs/report-schema.md`).
pub fn json(report: &Report, inputs: &[InputDoc]) -> String {
    for_export(report, inputs).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_exports_the_files_line_numbers() {
        let text = "2024-05-01T10:04:14.020518Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n";
        let report = advisor::analyze(&[advisor::Input::new("big.log (excerpt)", text)]);
        let plain = InputDoc::new(0, "big.log (excerpt)".into(), text.into());
        let excerpt = InputDoc { file_lines: vec![123_456], ..plain.clone() };
        assert!(matches!(for_export(&report, std::slice::from_ref(&plain)), Cow::Borrowed(_)));
        let md = markdown(&report, std::slice::from_ref(&excerpt));
        assert!(md.contains("123456"), "{md}");
        let json: serde_json::Value = serde_json::from_str(&json(&report, &[excerpt])).unwrap();
        let lines: Vec<u64> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["evidence"].as_array().unwrap().iter().map(|e| e["line_start"].as_u64().unwrap()))
            .collect();
        assert!(!lines.is_empty() && lines.iter().all(|&l| l == 123_456), "{lines:?}");
    }
}
