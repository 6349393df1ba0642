//! `mysql-advisor`: TODO(cli owner).
fn main() {}
