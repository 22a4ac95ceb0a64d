//! Load benchmark: `cargo bench --bench load`.
//!
//! 1. Load (parse + resolve + check + compile) of the Izin Praktik Dokter standard with its
//!    agency file and its two calendar files, from memory, on one thread.
//!    Target: ≥ 9,000 per second.
//! 2. 1,000 standard files (copies of the licence standard sharing the agency file) checked
//!    in one run, split over two threads. Target: under 1 second.
//!
//! Prints one JSON line with the figures.

use sopan::loader::MemoryLoader;
use sopan::project::{Entry, Project};
use std::time::Instant;

const AGENCY: &str = "standards/pekanbaru/dpmptsp.sop";
const LICENCE: &str = "standards/pekanbaru/izin_praktik_dokter.sop";
const NATIONAL: &str = "standards/nasional.kalender.yaml";
const LOCAL: &str = "standards/pekanbaru/pekanbaru.kalender.yaml";

fn entry(path: &str) -> Entry {
    Entry {
        path: path.to_string(),
        root: "standards".into(),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this once as a smoke test.
    let full = std::env::args().any(|a| a == "--bench");
    let agency = std::fs::read_to_string(AGENCY).expect("agency file");
    let licence = std::fs::read_to_string(LICENCE).expect("licence file");
    let national = std::fs::read_to_string(NATIONAL).expect("national calendar");
    let local = std::fs::read_to_string(LOCAL).expect("Pekanbaru calendar");
    let mut loader = MemoryLoader::new();
    loader
        .insert(AGENCY, agency.clone())
        .insert(LICENCE, licence.clone());
    loader
        .insert(NATIONAL, national.clone())
        .insert(LOCAL, local.clone());

    // 1. One standard, one thread.
    let entries = [entry(LICENCE)];
    for _ in 0..if full { 200 } else { 1 } {
        std::hint::black_box(Project::load(&loader, &entries).expect("loads"));
    }
    let rounds = if full { 20_000 } else { 2 };
    let start = Instant::now();
    for _ in 0..rounds {
        let p = Project::load(&loader, &entries).expect("loads");
        assert_eq!(p.diagnostics.len(), 1);
        std::hint::black_box(p);
    }
    let per_second = f64::from(rounds) / start.elapsed().as_secs_f64();

    // 2. A thousand standard files, two threads.
    let mut many = MemoryLoader::new();
    many.insert(AGENCY, agency)
        .insert(NATIONAL, national)
        .insert(LOCAL, local);
    let mut all = Vec::new();
    let files = if full { 1000 } else { 10 };
    for i in 0..files {
        let path = format!("standards/pekanbaru/layanan_{i:04}.sop");
        let text = licence.replace(
            "layanan izin_praktik_dokter",
            &format!("layanan layanan_{i:04}"),
        );
        many.insert(path.clone(), text);
        all.push(entry(&path));
    }
    let start = Instant::now();
    let (left, right) = all.split_at(all.len() / 2);
    let checked: usize = std::thread::scope(|s| {
        let a = s.spawn(|| Project::load(&many, left).expect("loads").standards.len());
        let b = s.spawn(|| Project::load(&many, right).expect("loads").standards.len());
        a.join().expect("thread") + b.join().expect("thread")
    });
    let thousand = start.elapsed().as_secs_f64();
    assert_eq!(checked, files);

    println!(
        "{{\"loads_per_s\": {per_second:.0}, \"thousand_files_s\": {thousand:.3}, \"loads_target\": 9000, \"thousand_target_s\": 1.0}}"
    );
}
