//! Parsers, one module per input kind. Every parser is lossless and line-oriented, keeps byte
//! spans, never fails and never panics: malformed lines become problems and parsing carries on.

pub(crate) mod auto_cnf;
pub(crate) mod container;
pub(crate) mod container_state;
pub(crate) mod document;
pub(crate) mod image;
pub(crate) mod journal;
pub(crate) mod launcher;
pub(crate) mod misc;
pub(crate) mod mysql_output;
pub(crate) mod mysqlsh;
pub(crate) mod option_file;
pub(crate) mod process;
pub(crate) mod prompt;
pub(crate) mod shell;
pub(crate) mod systemctl_show;
pub(crate) mod systemctl_status;
pub(crate) mod systemd;
