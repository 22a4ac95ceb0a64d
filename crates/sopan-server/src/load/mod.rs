//! The load generator the example (`examples/load.rs`) and the fault tests share: cases
//! driven through the Pekanbaru licence procedure over HTTP by a bounded number of workers,
//! each request carrying an idempotency key, so that a request whose answer was lost (a
//! server killed mid-run) is sent again without being applied twice.

pub mod client;
mod script;
pub mod servers;

pub use client::{Answer, Client};
pub use script::{script, Script, PROCEDURE, STANDARD, START};
pub use servers::Server;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What to drive.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Cases to open and drive to their end.
    pub cases: usize,
    /// Workers (each one connection at a time, so at most this many requests in flight).
    pub workers: usize,
    /// The servers, requests spread over them.
    pub servers: Vec<String>,
    /// The prefix of case ids (`REG-`), so runs do not collide.
    pub prefix: String,
    /// How long a request may keep failing (a server restarting) before the run gives up.
    pub patience: Duration,
    /// Let time pass on the servers (`POST /admin/advance`, manual clock) while cases run.
    pub advance: bool,
}

/// What a run measured.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Requests answered with success (openings and events).
    pub requests: u64,
    /// Requests sent again after a lost answer or an unavailable server.
    pub retries: u64,
    /// Requests answered from the first answer to their key.
    pub replayed: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Latency of each successful request answered at the first try, in microseconds.
    pub latencies_us: Vec<u32>,
}

impl Outcome {
    /// Successful requests per second.
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The latency below which `p` percent of first tries were answered, in milliseconds.
    pub fn percentile_ms(&self, p: f64) -> f64 {
        let mut l = self.latencies_us.clone();
        l.sort_unstable();
        if l.is_empty() {
            return 0.0;
        }
        let i = ((p / 100.0) * (l.len() - 1) as f64).round() as usize;
        f64::from(l[i.min(l.len() - 1)]) / 1000.0
    }
}

/// Progress, readable while a run goes on (the fault tests kill a server half-way).
#[derive(Debug, Default)]
pub struct Progress {
    /// Successful requests so far.
    pub done: AtomicU64,
    /// Set to stop the clock-advancing thread.
    pub stop: AtomicBool,
}

/// Drives every case of `plan` to its end.
pub fn run(plan: &Plan, progress: &Arc<Progress>) -> Result<Outcome, String> {
    let started = Instant::now();
    let next = Arc::new(AtomicU64::new(0));
    let ticker = plan.advance.then(|| {
        let (servers, progress, cases) = (plan.servers.clone(), Arc::clone(progress), plan.cases);
        std::thread::spawn(move || advance_while_running(&servers, &progress, cases))
    });
    let mut handles = Vec::new();
    for w in 0..plan.workers.max(1) {
        let (plan, next, progress) = (plan.clone(), Arc::clone(&next), Arc::clone(progress));
        handles.push(std::thread::spawn(move || {
            worker(&plan, w, &next, &progress)
        }));
    }
    let mut outcome = Outcome::default();
    let mut failure = None;
    for h in handles {
        match h.join() {
            Ok(Ok(o)) => {
                outcome.requests += o.requests;
                outcome.retries += o.retries;
                outcome.replayed += o.replayed;
                outcome.latencies_us.extend(o.latencies_us);
            }
            Ok(Err(e)) => failure = Some(e),
            Err(_) => failure = Some("a worker panicked".to_string()),
        }
    }
    progress.stop.store(true, Ordering::Relaxed);
    if let Some(t) = ticker {
        let _ = t.join();
    }
    outcome.elapsed = started.elapsed();
    failure.map_or(Ok(outcome), Err)
}

fn worker(plan: &Plan, w: usize, next: &AtomicU64, progress: &Progress) -> Result<Outcome, String> {
    let mut clients: Vec<Client> = plan.servers.iter().map(|s| Client::new(s)).collect();
    let mut out = Outcome::default();
    let mut turn = w;
    loop {
        let i = usize::try_from(next.fetch_add(1, Ordering::Relaxed)).unwrap_or(usize::MAX);
        if i >= plan.cases {
            return Ok(out);
        }
        let s = script(&plan.prefix, i);
        let mut requests = vec![(
            "/cases".to_string(),
            format!("{}-open", s.id),
            s.opening.clone(),
        )];
        let path = format!("/cases/{}/events", s.id);
        for (n, e) in s.events.iter().enumerate() {
            requests.push((path.clone(), format!("{}-{}", s.id, n + 1), e.clone()));
        }
        for (path, key, body) in &requests {
            turn += 1;
            let client = &mut clients[turn % plan.servers.len()];
            send(client, path, key, body, plan.patience, &mut out)?;
            progress.done.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Sends one request until it is answered: a lost connection or an unavailable server is
/// tried again with the same key, for at most `patience`.
fn send(
    client: &mut Client,
    path: &str,
    key: &str,
    body: &str,
    patience: Duration,
    out: &mut Outcome,
) -> Result<(), String> {
    let first = Instant::now();
    let mut tries = 0u32;
    loop {
        let sent = Instant::now();
        match client.send("POST", path, &[("Idempotency-Key", key)], body) {
            Ok(a) if a.status == 200 || a.status == 201 => {
                if tries == 0 {
                    let us = u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX);
                    out.latencies_us.push(us);
                }
                if a.replayed {
                    out.replayed += 1;
                }
                out.requests += 1;
                return Ok(());
            }
            // An opening whose answer was lost: the case is there.
            Ok(a) if a.status == 409 && path == "/cases" && tries > 0 => {
                out.requests += 1;
                return Ok(());
            }
            Ok(a) if a.status < 500 => {
                return Err(format!(
                    "{path} ({key}) on {}: {} {}",
                    client.addr(),
                    a.status,
                    a.body
                ));
            }
            Ok(_) | Err(_) => {
                if first.elapsed() > patience {
                    return Err(format!(
                        "{path} ({key}): no answer from {} in {patience:?}",
                        client.addr()
                    ));
                }
                tries += 1;
                out.retries += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

/// Moves the servers' manual clocks forward as cases progress, one server at a time, so
/// timers fire on every server while events arrive.
fn advance_while_running(servers: &[String], progress: &Progress, cases: usize) {
    let mut clients: Vec<Client> = servers.iter().map(|s| Client::new(s)).collect();
    let total = (cases as f64 * script::MEAN_REQUESTS).max(1.0);
    let mut turn = 0usize;
    while !progress.stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(250));
        let share = (progress.done.load(Ordering::Relaxed) as f64 / total).min(1.0);
        // The run's events span about five working days from the start.
        let at = START.as_second() + (share * 5.0 * 86_400.0) as i64;
        let Ok(at) = jiff::Timestamp::from_second(at) else {
            continue;
        };
        turn += 1;
        let client = &mut clients[turn % servers.len()];
        let _ = client.send(
            "POST",
            "/admin/advance",
            &[],
            &format!("{{\"at\":\"{at}\"}}"),
        );
    }
}

/// Checks what the servers hold against the scripts: every case's log has exactly its
/// script's events, in order, each once.
pub fn check(plan: &Plan) -> Result<(), String> {
    let mut client = Client::new(&plan.servers[0]);
    for i in 0..plan.cases {
        let s = script(&plan.prefix, i);
        let a = client
            .send("GET", &format!("/cases/{}/log", s.id), &[], "")
            .map_err(|e| e.to_string())?;
        if a.status != 200 {
            return Err(format!("{}: {} {}", s.id, a.status, a.body));
        }
        let log: serde_json::Value = serde_json::from_str(&a.body).map_err(|e| e.to_string())?;
        let events: Vec<serde_json::Value> = log["log"]
            .as_array()
            .map(|rows| {
                rows.iter()
                    .filter(|r| r["kind"] == "event")
                    .map(|r| {
                        serde_json::from_str(r["body"].as_str().unwrap_or_default())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let expected: Vec<serde_json::Value> = s
            .events
            .iter()
            .map(|e| {
                let event: sopan::interp::Event =
                    serde_json::from_str(e).unwrap_or(sopan::interp::Event::Withdrawn {
                        at: jiff::Timestamp::UNIX_EPOCH,
                    });
                serde_json::to_value(event).unwrap_or_default()
            })
            .collect();
        if events != expected {
            return Err(format!(
                "{}: {} events logged, {} sent",
                s.id,
                events.len(),
                expected.len()
            ));
        }
    }
    Ok(())
}
