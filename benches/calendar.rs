//! Calendar benchmark: `cargo bench --bench calendar`.
//!
//! 1. Add working days over the numpy oracle's 10,000 (start, offset) pairs, one thread.
//!    Target: ≥ 54 million per second (numpy.busday_offset: 17.9 million on this machine).
//! 2. Working time between two instants on the Pekanbaru calendar, one thread.
//!    Target: ≥ 10 million per second.
//! 3. Adding working time to an instant (the case clocks' due), one thread.
//!    Target: ≥ 40 million per second.
//! 4. The due instant of "N hari kerja" from an instant (the day-count rule), one thread.
//!
//! Prints one JSON line with the figures.

use jiff::civil::Date;
use jiff::Timestamp;
use sopan::project::Project;
use sopan::source::loader::FsLoader;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this once as a smoke test.
    let full = std::env::args().any(|a| a == "--bench");
    let (_, national) =
        Project::load_calendar(&FsLoader, "standards/nasional.kalender.yaml", "standards");
    let (_, pekanbaru) = Project::load_calendar(
        &FsLoader,
        "standards/pekanbaru/pekanbaru.kalender.yaml",
        "standards",
    );
    let (national, pekanbaru) = (
        national.expect("national calendar"),
        pekanbaru.expect("pekanbaru calendar"),
    );

    let oracle =
        std::fs::read_to_string("tests/oracles/busday_offset_id_2024_2026.csv").expect("oracle");
    let pairs: Vec<(Date, i64, Date)> = oracle
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.trim_end().split(',');
            Some((
                c.next()?.parse().ok()?,
                c.next()?.parse().ok()?,
                c.next()?.parse().ok()?,
            ))
        })
        .collect();
    let rounds = if full { 2_000 } else { 1 };
    let start = Instant::now();
    let mut checksum = 0i64;
    for _ in 0..rounds {
        for (d, n, _) in &pairs {
            if let Ok(r) = national.add_working_days(black_box(*d), black_box(*n)) {
                checksum += i64::from(r.value.day());
            }
        }
    }
    let add_per_s = (rounds * pairs.len()) as f64 / start.elapsed().as_secs_f64();
    for (d, n, expected) in &pairs {
        assert_eq!(
            national.add_working_days(*d, *n).map(|r| r.value).ok(),
            Some(*expected)
        );
    }

    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let base = "2024-01-01T00:00:00+07:00"
        .parse::<Timestamp>()
        .expect("instant")
        .as_second();
    let instants: Vec<(Timestamp, Timestamp)> = (0..10_000)
        .map(|_| {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                Timestamp::from_second(base + (seed % (1_000 * 86_400)) as i64).expect("instant")
            };
            (next(), next())
        })
        .collect();
    let start = Instant::now();
    for _ in 0..rounds {
        for (a, b) in &instants {
            if let Ok(r) = pekanbaru.working_time_between(black_box(*a), black_box(*b)) {
                checksum += r.value;
            }
        }
    }
    let between_per_s = (rounds * instants.len()) as f64 / start.elapsed().as_secs_f64();
    // Amounts of working time up to 40 hours, drawn before timing.
    let amounts: Vec<(Timestamp, u64)> = instants
        .iter()
        .map(|(a, b)| {
            (
                *a,
                (b.as_second() - a.as_second()).unsigned_abs() % (40 * 3600),
            )
        })
        .collect();
    let start = Instant::now();
    for _ in 0..rounds {
        for (a, seconds) in &amounts {
            if let Ok(r) = pekanbaru.add_working_time(black_box(*a), black_box(*seconds)) {
                checksum += r.value.as_second();
            }
        }
    }
    let add_time_per_s = (rounds * instants.len()) as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    for _ in 0..rounds {
        for (i, (a, _)) in instants.iter().enumerate() {
            let n = (i % 15) as u64;
            if let Ok(r) = pekanbaru.due_after(black_box(*a), n, sopan::time::Unit::WorkingDay) {
                checksum += r.value.as_second();
            }
        }
    }
    let due_days_per_s = (rounds * instants.len()) as f64 / start.elapsed().as_secs_f64();
    black_box(checksum);
    println!(
        "{{\"add_working_days_per_s\": {add_per_s:.0}, \"working_time_between_per_s\": {between_per_s:.0}, \"add_working_time_per_s\": {add_time_per_s:.0}, \"due_working_days_per_s\": {due_days_per_s:.0}, \"add_target\": 150000000, \"between_target\": 10000000, \"add_time_target\": 40000000}}"
    );
}
