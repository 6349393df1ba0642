//! Integration tests of the core: one binary, modules per area.

mod clone;
mod comparison;
mod container_state;
mod hostile;
mod images;
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
mod fixes_apply;
mod verdict_agreement;
mod support;
mod systemd;
