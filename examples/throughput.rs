//! Throughput and size of live cases, through the public API. The workload: N cases on the
//! Pekanbaru licence procedure, each run from the counter to collection with the control card
//! and the budget clock on; one case in ten is returned to the applicant at the check (step
//! 2) and resubmitted. Prints one JSON object:
//!
//! - `transitions_per_s_median`: applied events per second on one core, the median of five
//!   runs (and each run's figure in `transitions_per_s_runs`);
//! - `rss_bytes_per_live_case_step5`: resident memory added per case while 100,000 cases are
//!   held at step 5, read from `/proc/self/status` (Linux);
//! - `size_of_case`: `std::mem::size_of::<Case>()`, the part of a case that is not on the heap;
//! - `persisted_bytes_step5`: `Case::to_json` of a case at step 5 (its whole history).
//!
//! `cargo run --release --example throughput [N]`

use jiff::Timestamp;
use sopan::{Case, Event};

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    run(n)
}

/// The events of case `i`: every tenth is returned at the check and resubmitted.
fn events(base: Timestamp, i: usize) -> Vec<Event> {
    let at = |minutes: i64| Timestamp::from_second(base.as_second() + minutes * 60).unwrap_or(base);
    let mut out = vec![Event::done("informasi", at(5)).by("fo-01")];
    let mut t = 25;
    if i % 10 == 0 {
        out.push(
            Event::done("periksa", at(25))
                .outcome("tidak_lengkap")
                .by("fo-01"),
        );
        out.push(Event::Resubmitted {
            by: Some("fo-01".into()),
            at: at(40),
        });
        t = 60;
    }
    out.push(Event::done("periksa", at(t)).outcome("lengkap").by("fo-01"));
    for (k, step) in [
        "cek_simple",
        "verifikasi_muda",
        "verifikasi_madya",
        "verifikasi_sekretaris",
    ]
    .iter()
    .enumerate()
    {
        let officer = if k < 1 { "bo-01" } else { "analis-01" };
        out.push(Event::done(step, at(t + 10 * (k as i64 + 1))).by(officer));
    }
    out.push(Event::done("ttd", at(1_440 + 60)).by("kadis"));
    out.push(Event::done("serahkan", at(2 * 1_440 + 120)).by("fo-01"));
    out.push(Event::done("terima", at(2 * 1_440 + 122)));
    out
}

/// Resident memory of this process in bytes (`VmRSS`), when the system says.
fn rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: usize = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// Runs the workload and prints the figures.
pub fn run(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let set = sopan::load_dir("standards")?;
    let standard = set
        .service("izin_praktik_dokter")
        .ok_or("no such service")?;
    let licence = standard.context("penerbitan").ok_or("no such procedure")?;
    let base: Timestamp = "2026-03-02T08:00:00+07:00".parse()?;
    let all: Vec<Vec<Event>> = (0..10).map(|i| events(base, i)).collect();
    let ids: Vec<String> = (0..n).map(|i| format!("REG-2026-{i:06}")).collect();

    // Five runs of the whole workload; the median is the figure.
    let mut runs = Vec::new();
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let mut transitions = 0usize;
        for (i, id) in ids.iter().enumerate() {
            let (mut case, _) = Case::open(&licence, id, base)?;
            for e in &all[i % 10] {
                case.apply(&licence, e)?;
                transitions += 1;
            }
        }
        runs.push(transitions as f64 / start.elapsed().as_secs_f64());
    }
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];

    // Cases held at step 5 (four steps done; one in ten through the return first).
    let step5 = |i: usize| -> Result<Case, Box<dyn std::error::Error>> {
        let (mut case, _) = Case::open(&licence, &ids[i], base)?;
        let evs = &all[i % 10];
        let take = if i % 10 == 0 { 6 } else { 4 };
        for e in &evs[..take] {
            case.apply(&licence, e)?;
        }
        Ok(case)
    };
    let before = rss();
    let mut live: Vec<Case> = Vec::with_capacity(n);
    for i in 0..n {
        live.push(step5(i)?);
    }
    let after = rss();
    let per_case = match (before, after) {
        (Some(b), Some(a)) if n > 0 => Some(a.saturating_sub(b) / n),
        _ => None,
    };
    let persisted = step5(1)?.to_json(&licence).len();
    println!(
        "{{\"rss_bytes_per_live_case_step5\": {}, \"size_of_case\": {}, \"persisted_bytes_step5\": {persisted}, \"transitions_per_s_median\": {median:.0}, \"transitions_per_s_runs\": [{}], \"live_cases\": {}}}",
        per_case.map_or("null".to_string(), |b| b.to_string()),
        std::mem::size_of::<Case>(),
        runs.iter().map(|r| format!("{r:.0}")).collect::<Vec<_>>().join(", "),
        live.len()
    );
    Ok(())
}
