//! Audit benchmark: `cargo bench --bench audit`.
//!
//! A log of 1,000,000 cases of the Pekanbaru licence (about 10.2 million events, written by
//! the `audit_log` example's generator to `target/audit-bench.csv` the first time) read one
//! line at a time through `sopan::audit::LogReader` and replayed by `sopan::audit::Audit` on
//! one core, as `sopan audit` does.
//! Target: ≥ 1 million events per second; memory bounded by the cases open at once (the
//! peak RSS is printed). `cargo test --all-targets` runs it on 2,000 cases as a smoke test.
//! Prints one JSON line.

#[path = "../examples/audit_log/generate.rs"]
#[allow(dead_code, reason = "only the generator is used")]
mod generate;

use sopan::audit::{Audit, LogReader};
use std::time::Instant;

fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let cases: u64 = if full { 1_000_000 } else { 2_000 };
    let path = std::path::PathBuf::from(if full {
        "target/audit-bench.csv"
    } else {
        "target/audit-smoke.csv"
    });
    let wanted = format!("{cases} cases, seed 1");
    let stamp = path.with_extension("txt");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        let file = std::fs::File::create(&path).expect("a log file");
        let mut out = std::io::BufWriter::new(file);
        generate::generate(cases, 1, &mut out).expect("generated");
        drop(out);
        std::fs::write(&stamp, &wanted).expect("stamp");
    }
    let project = sopan::load_dir("standards").expect("loads");
    let standard = project.service("izin_praktik_dokter").expect("licence");
    let rss_before = peak_rss().unwrap_or(0);
    let start = Instant::now();
    let mut audit = Audit::new(standard, None, sopan::diag::Lang::Id);
    let mut reader = LogReader::new();
    // As the command reads it: 64 KiB at a time.
    let mut input = std::fs::File::open(&path).expect("the log");
    let mut piece = vec![0u8; 64 << 10];
    loop {
        let n = std::io::Read::read(&mut input, &mut piece).expect("readable");
        if n == 0 {
            break;
        }
        reader
            .feed(&mut audit, &piece[..n])
            .expect("a header that fits");
    }
    reader.end(&mut audit).expect("a header that fits");
    let report = audit.finish();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(report.bad_rows_total, 0);
    assert_eq!(report.cases, cases);
    println!(
        "{{\"cases\": {}, \"events\": {}, \"rows\": {}, \"seconds\": {seconds:.2}, \"events_per_s\": {:.0}, \"peak_rss_bytes\": {}, \"rss_before_bytes\": {rss_before}, \"events_target_per_s\": 1000000}}",
        report.cases,
        report.events,
        report.rows,
        report.events as f64 / seconds,
        peak_rss().unwrap_or(0)
    );
}
