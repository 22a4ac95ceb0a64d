//! How a host (a licensing system) embeds sopan: load the standards once, open a case, feed
//! it events as officers work, perform the actions it returns, persist it as JSON between
//! requests, and resume it later.
//!
//! `cargo run --example embed`

use jiff::Timestamp;
use sopan::interp::{Case, ClockState, Event};

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Once, at start-up.
    let set = sopan::load_dir("standards")?;
    let errors = set
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == sopan::diag::Severity::Error)
        .count();
    assert_eq!(errors, 0, "the shipped standards check clean");
    let standard = set
        .service("izin_praktik_dokter")
        .ok_or("no such service")?;
    let licence = standard.context("penerbitan").ok_or("no such procedure")?;

    // A file arrives at the counter.
    let opened: Timestamp = "2026-03-02T08:00:00+07:00".parse()?;
    let mut case = Case::open(&licence, "REG-2026-0042", opened)?.0;
    case.apply(
        &licence,
        Event::done("informasi", "2026-03-02T08:05:00+07:00".parse()?).by("fo-01"),
    )?;
    case.apply(
        &licence,
        Event::done("periksa", "2026-03-02T08:25:00+07:00".parse()?)
            .outcome("lengkap")
            .by("fo-01"),
    )?;

    // Between requests the host keeps the case as JSON.
    let stored = serde_json::to_string(&case)?;

    // Later: resume it (refused if the standard changed in the meantime) and go on.
    let mut case = Case::resume(&licence, &stored)?;
    for (step, at) in [
        ("cek_simple", "2026-03-02T08:35:00+07:00"),
        ("verifikasi_muda", "2026-03-02T08:45:00+07:00"),
        ("verifikasi_madya", "2026-03-02T08:55:00+07:00"),
        ("verifikasi_sekretaris", "2026-03-02T09:05:00+07:00"),
        ("ttd", "2026-03-03T09:00:00+07:00"),
    ] {
        for action in case.apply(&licence, Event::done(step, at.parse()?))? {
            println!(
                "perform now: {} to {:?} — {}",
                action.kind, action.to, action.text
            );
        }
    }

    // A scheduler calls `advance` now and then; it returns what fell due.
    for action in case.advance(&licence, "2026-04-06T08:00:00+07:00".parse()?) {
        println!(
            "perform: {} to {:?} due {} — {}",
            action.kind, action.to, action.due, action.text
        );
    }
    let status = case.status(&licence, "2026-04-06T08:00:00+07:00".parse()?)?;
    println!(
        "held by {:?}; budget {:?}",
        status.holders, status.clocks[0].status
    );
    assert_eq!(status.clocks[0].status, ClockState::Finished);
    Ok(())
}
