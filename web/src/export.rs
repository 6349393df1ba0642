//! Export of the report as Markdown (for a ticket) or JSON: the core's renderers, so the page and
//! `mysql-advisor check --format markdown|json` write the same text — including the file's line
//! numbers for a scanned log's excerpt, as the CLI prints them for a streamed log.

use crate::state::InputDoc;
use advisor::Report;
use std::borrow::Cow;

/// The report to export: a scanned log's excerpt described as the file, as the CLI describes a
/// streamed log — its evidence and documents at the file's lines and byte offsets, the input's
/// `lines` and `bytes` the file's, the excerpt's in `excerpt_lines` and `excerpt_bytes`
/// ([`advisor::logscan::ExcerptMap::remap_report`]); for a session saved before the map was kept,
/// the file's line numbers only ([`advisor::logscan::remap_excerpt_lines`]). Borrowed as is when
/// no input is such an excerpt.
pub fn for_export<'a>(report: &'a Report, inputs: &[InputDoc]) -> Cow<'a, Report> {
    let mut out = Cow::Borrowed(report);
    for (i, doc) in inputs.iter().enumerate() {
        match &doc.file_map {
            Some(map) => map.remap_report(out.to_mut(), i, &doc.text),
            None if !doc.file_lines.is_empty() => {
                advisor::logscan::remap_excerpt_lines(out.to_mut(), i, &doc.text, &doc.file_lines)
            }
            None => {}
        }
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

    #[test]
    fn an_excerpt_with_its_map_exports_the_file_as_the_cli_does() {
        let text = "2024-05-01T10:04:14.020518Z 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.\n";
        let report = advisor::analyze(&[advisor::Input::new("big.log (excerpt)", text)]);
        let len = text.len() as u64 - 1;
        let map = advisor::logscan::ExcerptMap {
            lines: vec![123_456],
            places: vec![[9_000_000, len, 1]],
            file_lines: 200_000,
            file_bytes: 30_000_000,
        };
        let doc = InputDoc {
            file_lines: map.lines.clone(),
            file_map: Some(map),
            ..InputDoc::new(0, "big.log (excerpt)".into(), text.into())
        };
        let json: serde_json::Value = serde_json::from_str(&json(&report, &[doc])).unwrap();
        let input = &json["inputs"][0];
        assert_eq!(input["lines"], 200_000);
        assert_eq!(input["bytes"], 30_000_000);
        assert_eq!(input["excerpt_lines"], 1);
        assert_eq!(input["excerpt_bytes"], text.len() as u64);
        let ranges: Vec<(u64, u64)> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["evidence"].as_array().unwrap())
            .map(|e| (e["range"]["start"].as_u64().unwrap(), e["range"]["end"].as_u64().unwrap()))
            .collect();
        assert!(!ranges.is_empty(), "{json}");
        assert!(
            ranges.iter().all(|&(a, b)| (9_000_000..=9_000_000 + len).contains(&a) && b <= 9_000_000 + len),
            "{ranges:?}"
        );
    }
}
