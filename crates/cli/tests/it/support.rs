//! Running the binary from the workspace root with a clean environment.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The workspace root (fixtures are named relative to it, so snapshots are stable).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// The binary, run in the workspace root, with no locale or colour variables set.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mysql-advisor"));
    c.current_dir(root());
    for k in ["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "TERM", "CLICOLOR_FORCE"] {
        c.env_remove(k);
    }
    c.stdin(Stdio::null());
    c
}

/// Runs `cmd` with `args`, feeding `stdin` when given.
pub fn run_with(mut cmd: Command, args: &[&str], stdin: Option<&[u8]>) -> Output {
    cmd.args(args);
    match stdin {
        None => cmd.output().expect("run mysql-advisor"),
        Some(data) => {
            cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
            let mut child = cmd.spawn().expect("spawn mysql-advisor");
            let mut input = child.stdin.take().expect("stdin");
            let data = data.to_vec();
            let writer = std::thread::spawn(move || {
                let _ = input.write_all(&data);
            });
            let out = child.wait_with_output().expect("wait");
            writer.join().expect("stdin writer");
            out
        }
    }
}

/// Runs the binary with `args`.
pub fn run(args: &[&str]) -> Output {
    run_with(bin(), args, None)
}

/// stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// The exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// `check --format json` of `files`, parsed.
pub fn json(files: &[&str]) -> serde_json::Value {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend_from_slice(files);
    let o = run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// A fixture path relative to the workspace root.
pub const T3707: &str = "tests/fixtures/cli/3707-transcript.txt";
pub const SECRETS_CNF: &str = "tests/fixtures/cli/client-secrets.cnf";
pub const SECRETS_UNIT: &str = "tests/fixtures/cli/ExecStartPost-password.service";
pub const NOT_MYSQL: &str = "tests/fixtures/cli/not-mysql.txt";
pub const LATIN1: &str = "tests/fixtures/cli/latin1.cnf";
pub const REPLICA_CNF: &str = "tests/fixtures/options/replica-crash-safe.cnf";
pub const REPLICA_STATUS: &str = "tests/fixtures/mysql/replica-status-8.0.36.txt";
pub const ORACLE_RPM: &str = "tests/fixtures/restart/oracle-rpm-mysqld.txt";
pub const ERROR_LOG_3707: &str = "tests/fixtures/mysql/error-log-clone-3707.txt";
pub const CLONE_SESSION: &str = "tests/fixtures/mysql/clone-session.txt";
