#![no_main]
//! See `fuzz/Cargo.toml`; the invariants checked are listed in `advisor::fuzzing`.
//! The `syntax::launcher` recognisers (supervisord files and logs, service scripts, `sc qc`), one
//! chosen by the first byte, alone over the rest, with and without a prompt hint.

use advisor::fuzzing::{Parser, fuzz_one};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else { return };
    let parser = match first % 4 {
        0 => Parser::Supervisord,
        1 => Parser::ServiceScript,
        2 => Parser::SupervisordLog,
        _ => Parser::WindowsService,
    };
    fuzz_one(parser, rest)
});
