//! Throughput of the interpreter through the public API: N synthetic Pekanbaru cases, each
//! run from the counter to collection (nine transitions) with the control card and the budget
//! clock on. Prints one JSON line: `{"cases_per_s", "transitions_per_s", "bytes_per_live_case"}`.
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

/// Runs `n` cases and prints the figures.
pub fn run(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let set = sopan::load_dir("standards")?;
    let standard = set
        .service("izin_praktik_dokter")
        .ok_or("no such service")?;
    let licence = standard.context("penerbitan").ok_or("no such procedure")?;
    let steps = [
        ("informasi", None, 5),
        ("periksa", Some("lengkap"), 25),
        ("cek_simple", None, 35),
        ("verifikasi_muda", None, 45),
        ("verifikasi_madya", None, 55),
        ("verifikasi_sekretaris", None, 65),
        ("ttd", None, 1_440 + 60),
        ("serahkan", None, 2 * 1_440 + 120),
        ("terima", None, 2 * 1_440 + 122),
    ];
    let base: Timestamp = "2026-03-02T08:00:00+07:00".parse()?;
    let events: Vec<Event> = steps
        .iter()
        .map(|(step, outcome, minutes)| {
            let at =
                Timestamp::from_second(base.as_second() + minutes * 60).expect("a valid instant");
            let e = Event::done(step, at);
            match outcome {
                Some(o) => e.outcome(o),
                None => e,
            }
        })
        .collect();
    let start = std::time::Instant::now();
    let mut transitions = 0usize;
    let mut bytes = 0usize;
    for i in 0..n {
        let (mut case, _) = Case::open(&licence, &format!("REG-{i}"), base)?;
        for e in &events {
            case.apply(&licence, e.clone())?;
            transitions += 1;
        }
        if i == 0 {
            bytes = serde_json::to_string(&case)?.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let live = std::mem::size_of::<Case>();
    println!(
        "{{\"cases_per_s\": {:.0}, \"transitions_per_s\": {:.0}, \"bytes_per_live_case\": {live}, \"persisted_bytes\": {bytes}}}",
        n as f64 / secs,
        transitions as f64 / secs
    );
    Ok(())
}
