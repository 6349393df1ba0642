#![no_main]
//! `analyze` over raw bytes (`Input::from_bytes`: BOM, invalid UTF-8), then every renderer.

use advisor::{Input, Lang, Options, analyze_with, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = Input::from_bytes("fuzz", data);
    let lang = if data.first().is_some_and(|b| b & 1 == 1) { Lang::ZhCn } else { Lang::En };
    let report = analyze_with(std::slice::from_ref(&input), &Options { lang });
    let text = input.text();
    for d in &report.documents {
        assert!(
            text.get(d.range.start as usize..d.range.end as usize).is_some(),
            "document range outside the input"
        );
    }
    for f in &report.findings {
        for e in &f.evidence {
            assert!(
                e.input == 0 && e.range.end as usize <= text.len(),
                "evidence outside the input in {}",
                f.rule
            );
        }
    }
    let json = report.to_json();
    assert!(json.starts_with('{'));
    let _ = render::text(&report, &render::TextOptions { color: true });
    let _ = render::markdown(&report);
});
