//! Integration tests of the `mysql-advisor` binary: exit codes, input handling, languages, colour,
//! secrets, the JSON contract against `docs/report-schema.md`, and snapshots of what people read.

mod biglog;
mod cli;
mod gzip;
mod schema;
mod snapshots;
mod support;
