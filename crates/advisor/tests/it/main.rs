//! Integration tests of the core: one binary, modules per area.

mod support;
