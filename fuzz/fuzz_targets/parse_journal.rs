#![no_main]
//! See `fuzz/Cargo.toml`; the invariants checked are listed in `advisor::fuzzing`.
//! One recogniser (`syntax::journal`) alone over the input, with and without a prompt hint.

use advisor::fuzzing::{Parser, recognize_all};
use libfuzzer_sys::fuzz_target;

/// Prompt hints the recognisers look at; the first input byte picks one.
const COMMANDS: &[&str] = &[
    "SHOW REPLICA STATUS\\G",
    "SHOW GLOBAL VARIABLES LIKE '%relay%';",
    "SELECT * FROM performance_schema.replication_connection_configuration\\G",
    "systemctl cat mysqld",
    "systemctl show mysqld",
    "journalctl -u mysql --no-pager",
    "systemctl status mysql",
    "cat /etc/mysql/my.cnf",
    "my_print_defaults mysqld",
    "cat /var/lib/mysql/mysqld-auto.cnf",
    "mysql -B -e 'SHOW VARIABLES'",
    "docker run -d mysql:8.0",
    "",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let cmd = COMMANDS[usize::from(first) % COMMANDS.len()];
    recognize_all(Parser::Journal, &text, Some(cmd));
});
