//! Property tests: any input yields a report without a panic, and every span lies inside its input.

use advisor::{Input, Report, analyze};
use proptest::prelude::*;

fn assert_spans_inside(inputs: &[Input], report: &Report) {
    for d in &report.documents {
        let text = inputs[d.input].text();
        assert!(d.range.end as usize <= text.len(), "document range {:?} past end {}", d.range, text.len());
        assert!(d.range.start <= d.range.end);
        assert!(
            d.line_start >= 1 && d.line_start <= d.line_end,
            "bad lines {}..{}",
            d.line_start,
            d.line_end
        );
        assert!(text.get(d.range.start as usize..d.range.end as usize).is_some(), "not on char boundaries");
    }
    for f in &report.findings {
        for e in &f.evidence {
            let text = inputs[e.input].text();
            assert!(e.range.end as usize <= text.len(), "evidence past end in {}", f.rule);
            assert!(e.line_start <= e.line_end);
        }
    }
}

/// Lines that exercise every recogniser, to be shuffled and repeated.
const FRAGMENTS: &[&str] = &[
    "[Service]",
    "[Unit]",
    "[mysqld]",
    "[mysqld-8.0]",
    "# /etc/systemd/system/mysqld.service",
    "# /etc/systemd/system/mysqld.service.d/override.conf",
    "Environment=MYSQLD_PARENT_PID=1",
    "Environment=\"A=b c\" 'D=e",
    "ExecStart=/usr/sbin/mysqld $MYSQLD_OPTS \\",
    "Restart=on-failure",
    "RestartForceExitStatus=16 SIGTERM",
    "ExecStart={ path=/usr/sbin/mysqld ; argv[]=/usr/sbin/mysqld ; ignore_errors=no ; start_time=[n/a] }",
    "Id=mysqld.service",
    "sync_relay_log = 1",
    "loose-relay_log_recovery",
    "skip-log-bin",
    "!includedir /etc/mysql/conf.d/",
    "--sync-relay-log=1",
    "{ \"Version\" : 2 , \"mysql_server\" : { \"sync_relay_log\" : { \"Value\" : \"1\" ",
    "}}}",
    "+---------------+-------+",
    "| Variable_name | Value |",
    "| sync_relay_log | 1 |",
    "|",
    "*************************** 1. row ***************************",
    "             Replica_IO_Running: Yes",
    "                   Channel_Name: ",
    "           Executed_Gtid_Set: 3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5,",
    "2 rows in set (0.00 sec)",
    "Empty set (0.00 sec)",
    "mysql> SHOW REPLICA STATUS\\G",
    "$ systemctl cat mysqld",
    "    -> FOR CHANNEL 'x';",
    "ERROR 3707 (HY000): Restart server failed (mysqld is not managed by supervisor process).",
    "2024-05-01T10:00:00.123456Z 0 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed.",
    "/usr/sbin/mysqld  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)",
    "CHANGE REPLICATION SOURCE TO SOURCE_HOST='h', SOURCE_PASSWORD='secret', SOURCE_AUTO_POSITION=1",
    "services:",
    "  db:",
    "    image: mysql:8.0",
    "docker run -d --restart=always mysql:8.0",
    "\\",
    "\"",
    "'",
    "[",
    "=",
    "\t\t",
    "",
    "\u{FEFF}x",
    "日本語 中文 ✓",
];

fn fragment_text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..FRAGMENTS.len(), any::<bool>()), 0..80).prop_map(|picks| {
        let mut s = String::new();
        for (i, crlf) in picks {
            s.push_str(FRAGMENTS[i]);
            s.push_str(if crlf { "\r\n" } else { "\n" });
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let inputs = [Input::from_bytes("random", &bytes)];
        let report = analyze(&inputs);
        assert_spans_inside(&inputs, &report);
    }

    #[test]
    fn shuffled_fragments_never_panic(a in fragment_text(), b in fragment_text()) {
        let inputs = [Input::new("a", a), Input::new("b", b)];
        let report = analyze(&inputs);
        assert_spans_inside(&inputs, &report);
        // The JSON contract always serialises.
        assert!(report.to_json().starts_with('{'), "JSON must serialise");
    }

    #[test]
    fn one_long_line_never_panics(unit in 0..FRAGMENTS.len(), n in 1usize..2000) {
        let text = FRAGMENTS[unit].repeat(n);
        let inputs = [Input::new("long", text)];
        let report = analyze(&inputs);
        assert_spans_inside(&inputs, &report);
    }
}

#[test]
fn deep_repetition_is_handled() {
    for frag in
        ["[", "\\\n", "| a ", "{\"a\":", "*************************** 1. row ***************************\n"]
    {
        let text = frag.repeat(20_000);
        let inputs = [Input::new("deep", text)];
        let report = analyze(&inputs);
        assert_spans_inside(&inputs, &report);
    }
}
