//! Integration tests of the core: one binary, modules per area.

mod clone;
mod comparison;
mod container_state;
mod fixes_apply;
mod hostile;
mod images;
mod incremental;
mod journal;
mod launchers;
mod layers;
mod logscan;
mod mysql;
mod options;
mod process;
mod props;
mod registry;
mod replica;
mod restart;
mod rule_fixtures;
mod scenarios;
mod secrets;
mod shell;
mod support;
mod systemd;
mod verdict_agreement;
