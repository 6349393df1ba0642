//! `cargo xtask serve|test|dist`: TODO(xtask owner).
fn main() {}
