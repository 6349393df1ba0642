//! Integration tests of the core: one binary, modules per area.

mod props;
mod registry;
mod rule_fixtures;
mod support;
