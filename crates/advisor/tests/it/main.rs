//! Integration tests of the core: one binary, modules per area.

mod clone;
mod hostile;
mod journal;
mod json;
mod layers;
mod logscan;
mod mysql;
mod options;
mod props;
mod registry;
mod replica;
mod restart;
mod rule_fixtures;
mod scenarios;
mod support;
mod systemd;
