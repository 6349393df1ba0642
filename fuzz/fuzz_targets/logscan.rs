#![no_main]
//! The streaming error-log scanner: fed in chunks of a size picked by the first byte (splitting
//! lines and UTF-8 sequences anywhere); must agree with one-shot scanning, then analyse the excerpt.

use advisor::logscan::{Scanner, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let chunk = usize::from(first % 17) + 1;
    let mut sc = Scanner::new();
    for c in rest.chunks(chunk) {
        sc.feed(c);
    }
    assert_eq!(sc.bytes_fed(), rest.len() as u64);
    let streamed = sc.finish();
    let whole = scan(rest);
    assert_eq!(streamed.events.len(), whole.events.len(), "chunked and whole scans disagree");
    let _ = advisor::analyze(&[streamed.to_input("error.log")]);
});
