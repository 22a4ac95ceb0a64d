//! Service-level compliance from the status updates an agency already sends to OSS-RBA, the
//! national licensing system: each update (application, status code, instant, officer)
//! becomes a sopan event through a mapping the agency writes once
//! (`examples/oss_rba/pemetaan.yaml`), and the cases say which licences were finished
//! within the service standard, which were late, and which are open and at risk.
//!
//! Updates arrive in any order across applications (the CSV is as exported); each
//! application's updates are applied in time order. An update the standard refuses, or a code
//! the mapping does not know, is reported with its line, not dropped silently.
//!
//! `cargo run --example oss_rba` (a host running `sopan-serve` posts the same events to
//! `POST /cases/{id}/events` instead).

use jiff::Timestamp;
use serde::Deserialize;
use sopan::{Case, ClockState, Event};
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Mapping {
    standard: String,
    procedure: String,
    status: BTreeMap<String, Meaning>,
}

#[derive(Deserialize)]
struct Meaning {
    #[serde(default)]
    langkah: Vec<String>,
    hasil: Option<String>,
    kejadian: Option<String>,
}

/// One status update, as exported.
struct Update {
    line: usize,
    application: String,
    status: String,
    at: Timestamp,
    officer: String,
}

/// What the updates say of the applications.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Finished within the time budget.
    pub on_time: Vec<String>,
    /// Finished, or still running, past it.
    pub late: Vec<String>,
    /// Running within it (at risk or not).
    pub open: Vec<String>,
    /// Updates that could not be applied: `line: why`.
    pub problems: Vec<String>,
}

/// Reads the mapping and the updates under `dir` and judges every application at `now`.
pub fn run(
    dir: &str,
    standards: &str,
    now: Timestamp,
) -> Result<Report, Box<dyn std::error::Error>> {
    let mapping: Mapping =
        serde_yaml::from_str(&std::fs::read_to_string(format!("{dir}/pemetaan.yaml"))?)?;
    let set = sopan::load_dir(standards)?;
    let standard = set
        .standards()
        .iter()
        .find(|s| s.file() == mapping.standard)
        .ok_or("the mapping's standard is not loaded")?;
    let procedure = standard
        .context(&mapping.procedure)
        .ok_or("no such procedure")?;

    let mut by_application: BTreeMap<String, Vec<Update>> = BTreeMap::new();
    let mut reader = csv::Reader::from_path(format!("{dir}/status.csv"))?;
    for (i, row) in reader.records().enumerate() {
        let row = row?;
        let field = |n: usize| row.get(n).unwrap_or_default().to_string();
        let at =
            sopan::time::instant(&field(2)).ok_or(format!("line {}: not an instant", i + 2))?;
        by_application.entry(field(0)).or_default().push(Update {
            line: i + 2,
            application: field(0),
            status: field(1),
            at,
            officer: field(3),
        });
    }

    let mut report = Report::default();
    for (application, mut updates) in by_application {
        updates.sort_by_key(|u| u.at);
        let Some(first) = updates.first() else {
            continue;
        };
        let (mut case, _) = Case::open(&procedure, &application, first.at)?;
        for u in &updates {
            let Some(meaning) = mapping.status.get(&u.status) else {
                report.problems.push(format!(
                    "line {}: {}: status `{}` is not in the mapping",
                    u.line, u.application, u.status
                ));
                continue;
            };
            for event in events(meaning, u) {
                if let Err(why) = case.apply(&procedure, event) {
                    report
                        .problems
                        .push(format!("line {}: {}: {why}", u.line, u.application));
                    break;
                }
            }
        }
        let status = case.status(&procedure, now.max(case.last()))?;
        let clock = status.clocks.first().map(|c| c.status);
        match clock {
            Some(ClockState::Breached) => report.late.push(application),
            Some(ClockState::Finished) => report.on_time.push(application),
            _ => report.open.push(application),
        }
    }
    Ok(report)
}

/// The events one update stands for.
fn events(meaning: &Meaning, u: &Update) -> Vec<Event> {
    if meaning.kejadian.as_deref() == Some("resubmitted") {
        return vec![Event::Resubmitted {
            at: u.at,
            by: Some(u.officer.clone()),
        }];
    }
    meaning
        .langkah
        .iter()
        .map(|step| {
            let mut e = Event::done(step, u.at).by(&u.officer);
            if let Some(outcome) = &meaning.hasil {
                e = e.outcome(outcome);
            }
            e
        })
        .collect()
}

#[allow(dead_code, reason = "run by cargo, not by the test suite")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let now = sopan::time::instant("2026-03-10T16:00:00+07:00").ok_or("instant")?;
    let r = run("examples/oss_rba", "standards", now)?;
    let total = r.on_time.len() + r.late.len();
    println!(
        "as of {}: {total} licences finished, {} within the service standard",
        sopan::time::Zone::Wib.rfc3339(now),
        r.on_time.len()
    );
    println!("  on time: {}", r.on_time.join(", "));
    println!("  late:    {}", r.late.join(", "));
    println!("  open:    {}", r.open.join(", "));
    for p in &r.problems {
        println!("  not applied: {p}");
    }
    Ok(())
}
