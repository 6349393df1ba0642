#![no_main]
//! See `fuzz/Cargo.toml`; the invariants checked are listed in `advisor::fuzzing`.
//! One recogniser (`syntax::image`) alone over the input, with and without a prompt hint.
//! The prompt hint and the text come from the input (`advisor::fuzzing::fuzz_one`).

use advisor::fuzzing::{Parser, fuzz_one};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzz_one(Parser::Image, data));
