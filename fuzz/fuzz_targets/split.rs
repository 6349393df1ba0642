#![no_main]
//! The splitter: documents in order, whole lines, and documents + gaps == input (lossless).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    advisor::fuzzing::lines_checked(&text);
    advisor::fuzzing::split_checked(&text);
});
