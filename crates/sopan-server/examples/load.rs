//! The load test: `sopan-serve` processes on one database, cases driven through the
//! Pekanbaru licence procedure over HTTP (one in ten returned at the completeness check),
//! timers firing while events arrive; then every case checked against what was sent, every
//! log replayed against its stored form and outbox, and an idle server's memory read.
//!
//! ```text
//! cargo build --release -p sopan-server
//! cargo run --release -p sopan-server --example load -- --cases 100000             # SQLite, 1 server
//! cargo run --release -p sopan-server --example load -- --cases 100000 --servers 4 \
//!     --db postgres://postgres@127.0.0.1:5432/sopan_load                            # PostgreSQL
//! ```
//!
//! The database is emptied first: give it one of its own.

use sopan_server::load::{self, Client, Plan, Progress, Server};
use std::sync::Arc;
use std::time::Duration;

struct Args {
    db: String,
    servers: usize,
    cases: usize,
    workers: usize,
    root: String,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        db: std::env::temp_dir()
            .join("sopan-load.db")
            .display()
            .to_string(),
        servers: 1,
        cases: 10_000,
        workers: 16,
        root: format!("{}/../../standards", env!("CARGO_MANIFEST_DIR")),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--db" => a.db = value.clone(),
            "--servers" => a.servers = number()?,
            "--cases" => a.cases = number()?,
            "--workers" => a.workers = number()?,
            "--root" => a.root = value.clone(),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(a)
}

fn main() -> Result<(), String> {
    let a = args()?;
    let program = sibling("sopan-serve")?;
    let postgres = a.db.starts_with("postgres");
    empty(&a.db, postgres)?;
    let mut servers = Vec::new();
    for _ in 0..a.servers.max(1) {
        servers.push(Server::start(
            &program,
            &["--db", &a.db, "--root", &a.root, "--clock", "manual"],
        )?);
    }
    let plan = Plan {
        cases: a.cases,
        workers: a.workers,
        servers: servers.iter().map(|s| s.addr.clone()).collect(),
        prefix: "REG-".into(),
        patience: Duration::from_secs(30),
        advance: true,
    };
    let engine = if postgres { "PostgreSQL" } else { "SQLite" };
    eprintln!(
        "{} cases, {} workers, {} server(s) on {engine}…",
        a.cases,
        a.workers,
        servers.len()
    );
    let outcome = load::run(&plan, &Arc::new(Progress::default()))?;
    println!(
        "{engine}, {} server(s), {} workers: {} cases, {} requests in {:.1} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms",
        servers.len(),
        a.workers,
        a.cases,
        outcome.requests,
        outcome.elapsed.as_secs_f64(),
        outcome.per_second(),
        outcome.percentile_ms(50.0),
        outcome.percentile_ms(99.0),
    );
    let cpu: f64 = servers.iter().filter_map(Server::cpu_seconds).sum();
    println!(
        "events (openings aside): {:.0}/s; server processor time {cpu:.1} s for {} requests ({:.0} µs each)",
        (outcome.requests as f64 - a.cases as f64) / outcome.elapsed.as_secs_f64(),
        outcome.requests,
        cpu * 1e6 / outcome.requests.max(1) as f64,
    );
    // Every timer: letters for licences never collected, escalations of late signatures.
    let mut client = Client::new(&servers[0].addr);
    let last = client
        .send(
            "POST",
            "/admin/advance",
            &[],
            r#"{"at":"2026-06-30T08:00:00+07:00"}"#,
        )
        .map_err(|e| e.to_string())?;
    println!("timers fired to 30 June: {}", last.body);
    load::check(&plan)?;
    println!("every case holds exactly the events sent, each once");
    std::thread::sleep(Duration::from_secs(2));
    if let Some(rss) = servers[0].rss_bytes() {
        println!(
            "idle server with {} cases stored: {:.1} MB resident",
            a.cases,
            rss as f64 / 1e6
        );
    }
    drop(servers);
    let verify = std::process::Command::new(&program)
        .args(["--db", &a.db, "--root", &a.root, "verify"])
        .output()
        .map_err(|e| e.to_string())?;
    print!("verify: {}", String::from_utf8_lossy(&verify.stdout));
    if !verify.status.success() {
        return Err("verify found problems".into());
    }
    Ok(())
}

/// A program built beside this example (`target/release/sopan-serve`).
fn sibling(name: &str) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = exe
        .parent()
        .and_then(|p| p.parent())
        .ok_or("no target folder")?;
    let path = dir.join(name);
    if path.is_file() {
        Ok(path.display().to_string())
    } else {
        Err(format!(
            "{} is not built: run `cargo build --release -p sopan-server` first",
            path.display()
        ))
    }
}

/// Starts from an empty database.
fn empty(db: &str, postgres: bool) -> Result<(), String> {
    if postgres {
        let status = std::process::Command::new("psql")
            .args([
                db,
                "-q",
                "-c",
                "DROP TABLE IF EXISTS cases, log, outbox, sopan_migrations",
            ])
            .status()
            .map_err(|e| format!("psql: {e}"))?;
        if !status.success() {
            return Err("psql could not empty the database".into());
        }
    } else {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{db}{suffix}"));
        }
    }
    Ok(())
}
