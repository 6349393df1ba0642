//! The streaming error-log scanner on a generated synthetic log, beside `grep -F -f` with the
//! scanner's own patterns on the same file, in the same run.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/tgt-perf cargo bench -p advisor --bench logscan
//! LOGSCAN_BENCH_MB=1024 cargo bench -p advisor --bench logscan   # size of the generated log
//! ```
//!
//! The log is built in memory from realistic line templates (MySQL 8.0 lines mostly, some 5.7,
//! MariaDB and journald-prefixed lines), mostly noise with the interesting events sprinkled in
//! (about one line in 500), then written to a temporary directory for grep. Nothing is committed.

use advisor::logscan::{Scanner, grep_patterns, scan};
use criterion::{Criterion, Throughput};
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOISE: &[&str] = &[
    "{T} 311 [Note] [MY-010914] [Server] Aborted connection 311 to db: 'app' user: 'app' host: '10.0.3.17' (Got an error reading communication packets).",
    "{T} 0 [Warning] [MY-010055] [Server] IP address '10.0.3.44' could not be resolved: Name or service not known",
    "{T} 12 [Note] [MY-010926] [Server] Access denied for user 'monitor'@'10.0.3.9' (using password: YES)",
    "{T} 0 [Note] [MY-012951] [InnoDB] Buffer pool(s) load completed at 240501 10:00:00",
    "{T} 0 [Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'",
    "{T} 27 [Note] [MY-010914] [Server] Got timeout reading communication packets",
    "{T} 0 [Note] [MY-011953] [InnoDB] Page cleaner took 4232ms to flush 1943 and evict 0 pages",
    "{T} 8 [Warning] [MY-010897] [Repl] Storing MySQL user name or password information in the connection metadata repository is not secure and is therefore not recommended.",
    "{T} 0 [Note] InnoDB: page_cleaner: 1000ms intended loop took 4563ms. The settings might not be optimal. (flushed=200 and evicted=0, during the time.)",
    "{T} 1183 [Note] Aborted connection 1183 to db: 'shop' user: 'shop' host: 'app-7' (Got timeout reading communication packets)",
];

const EVENTS: &[&str] = &[
    "{T} 8 [ERROR] [MY-013462] [Server] Clone shutting down server as RESTART failed. Please start server to complete clone operation.",
    "{T} 8 [Note] [MY-013458] [InnoDB] Clone Apply State FILE COPY: ",
    "{T} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 40121",
    "{T} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.36'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
    "{T} 9 [ERROR] [MY-013114] [Repl] Replica I/O for channel '': Got fatal error 1236 from source when reading data from binary log: 'Cannot replicate because the source purged required binary logs.', Error_code: MY-013114",
    "{T} 12 [ERROR] [MY-010584] [Repl] Replica SQL for channel '': Worker 1 failed executing transaction 'ANONYMOUS' at source log binlog.000042, end_log_pos 1234; Error_code: MY-001062",
    "{T} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.0.36).",
    "2024-05-02T04:11:09Z UTC - mysqld got signal 11 ;",
    "{T} 1 [Note] [MY-012552] [InnoDB] Starting crash recovery.",
    "May 01 11:02:10 db2 mysqld[40121]: {T} 11 [System] [MY-011086] [Server] Received RESTART from user root.  Restarting mysqld (Version: 8.0.36).",
];

/// A deterministic pseudo-random sequence (xorshift), so every run scans the same bytes.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// About `mb` MiB of log, and how many event lines were sprinkled in.
fn synthetic_log(mb: usize) -> (Vec<u8>, usize) {
    let target = mb << 20;
    let mut out = Vec::with_capacity(target + 4096);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut n = 0u64;
    let mut events = 0;
    while out.len() < target {
        n += 1;
        let secs = n / 40;
        let t = format!(
            "2024-05-{:02}T{:02}:{:02}:{:02}.{:06}Z",
            1 + (secs / 86_400) % 28,
            (secs / 3600) % 24,
            (secs / 60) % 60,
            secs % 60,
            (n * 7919) % 1_000_000
        );
        let r = rng.next();
        let tpl = if r.is_multiple_of(500) {
            events += 1;
            EVENTS[(r / 500) as usize % EVENTS.len()]
        } else {
            NOISE[(r >> 8) as usize % NOISE.len()]
        };
        out.extend_from_slice(tpl.replace("{T}", &t).as_bytes());
        out.push(b'\n');
    }
    (out, events)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn scan_chunked(log: &[u8], chunk: usize) -> advisor::logscan::Timeline {
    let mut s = Scanner::new();
    for c in log.chunks(chunk) {
        s.feed(c);
    }
    s.finish()
}

/// `grep -F -c -f patterns file` once; its wall time and its count of matching lines.
fn grep_once(patterns: &std::path::Path, file: &std::path::Path, c_locale: bool) -> Option<(Duration, u64)> {
    let mut cmd = Command::new("grep");
    cmd.arg("-F").arg("-c").arg("-f").arg(patterns).arg(file).stdout(Stdio::piped()).stderr(Stdio::null());
    if c_locale {
        cmd.env("LC_ALL", "C");
    } else {
        cmd.env("LC_ALL", "C.UTF-8");
    }
    let t = Instant::now();
    let out = cmd.output().ok()?;
    let el = t.elapsed();
    let n = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some((el, n))
}

fn main() {
    let mb: usize = std::env::var("LOGSCAN_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let runs: usize = std::env::var("LOGSCAN_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let t = Instant::now();
    let (log, sprinkled) = synthetic_log(mb);
    let lines = log.iter().filter(|&&b| b == b'\n').count();
    eprintln!("generated {} bytes, {lines} lines, {sprinkled} event lines in {:.1?}", log.len(), t.elapsed());

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    {
        let mut g = c.benchmark_group("logscan");
        g.throughput(Throughput::Bytes(log.len() as u64));
        g.bench_function(format!("scan-{mb}MiB-1MiB-chunks"), |b| {
            b.iter(|| black_box(scan_chunked(black_box(&log), 1 << 20)))
        });
        g.bench_function(format!("scan-{mb}MiB-64KiB-chunks"), |b| {
            b.iter(|| black_box(scan_chunked(black_box(&log), 64 << 10)))
        });
        g.finish();
    }
    c.final_summary();

    // Side by side, in this run: the scanner in-process vs grep as a subprocess on the same
    // bytes written to a temporary file (warm page cache: the file was just written).
    let dir = std::env::temp_dir().join(format!("mysql-advisor-logscan-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("synthetic-error.log");
    let pats = dir.join("patterns.txt");
    std::fs::File::create(&file).and_then(|mut f| f.write_all(&log)).expect("write the synthetic log");
    std::fs::write(&pats, grep_patterns().join("\n") + "\n").expect("write the patterns");

    let mut ours = Vec::new();
    let mut tl = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = scan_chunked(&log, 1 << 20);
        ours.push(t.elapsed());
        tl = Some(r);
    }
    let tl = tl.unwrap_or_else(|| scan(&log));
    let ours = median(ours);
    let mbs = |d: Duration| log.len() as f64 / (1024.0 * 1024.0) / d.as_secs_f64();

    println!();
    println!(
        "== scanner vs grep -F -f ({} patterns), {mb} MiB, {lines} lines, median of {runs} runs ==",
        grep_patterns().len()
    );
    println!(
        "scanner (1 MiB chunks)          {:>8.1} ms  {:>8.0} MiB/s  events seen {} kept {}",
        ours.as_secs_f64() * 1e3,
        mbs(ours),
        tl.seen(),
        tl.events.len()
    );
    for (label, c_locale) in
        [("grep -F -c -f (LC_ALL=C)      ", true), ("grep -F -c -f (LC_ALL=C.UTF-8)", false)]
    {
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..runs {
            match grep_once(&pats, &file, c_locale) {
                Some((d, n)) => {
                    times.push(d);
                    count = n;
                }
                None => break,
            }
        }
        if times.is_empty() {
            println!("{label}  (grep not available)");
            continue;
        }
        let g = median(times);
        println!(
            "{label}  {:>8.1} ms  {:>8.0} MiB/s  matching lines {count}   ratio ours/grep = {:.2}x",
            g.as_secs_f64() * 1e3,
            mbs(g),
            mbs(ours) / mbs(g)
        );
    }
    let limits = advisor::logscan::Limits::default();
    println!(
        "memory bound (default limits): {} (line buffer {} + {} kinds x {} events)",
        advisor::logscan::format_bytes(limits.memory_bound()),
        advisor::logscan::format_bytes(limits.max_line as u64),
        advisor::logscan::EventKind::ALL.len(),
        limits.keep_head + limits.keep_tail
    );
    let _ = std::fs::remove_dir_all(&dir);
}
