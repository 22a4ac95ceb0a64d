//! Five minutes to embed sopan in a licensing system.
//!
//! 1. Load the standards once, at start-up, and refuse to serve if any has an error.
//! 2. Take the procedure a counter runs (a `Procedure`: one procedure of one standard).
//! 3. Open a case when a file arrives; perform the actions it returns.
//! 4. Report what officers do as events; a refused event changes nothing and says why.
//! 5. Keep the case as JSON between requests; resume it (refused if the standard changed).
//! 6. Call `advance` from a scheduler: it returns the obligations and escalations that fell
//!    due — SMS to the applicant, a message to a supervisor, a deemed approval.
//! 7. Read the status and the control card for screens and reports.
//!
//! Nothing here reads the clock or the network: the host passes every instant in and
//! performs every action itself. `cargo run --example embed`

use jiff::Timestamp;
use sopan::{Case, ClockState, Event, Lang, Severity};

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    // 1. Once, at start-up.
    let set = sopan::load_dir("standards")?;
    for d in set.diagnostics() {
        if d.severity() == Severity::Error {
            return Err(format!("{}: {}", d.code(), d.message(Lang::Id)).into());
        }
    }

    // 2. The procedure the counter runs.
    let standard = set
        .service("izin_praktik_dokter")
        .ok_or("no such service")?;
    let licence = standard.context("penerbitan").ok_or("no such procedure")?;

    // 3. A file arrives at the counter.
    let at = |s: &str| s.parse::<Timestamp>();
    let (mut case, due_now) =
        Case::open(&licence, "REG-2026-0042", at("2026-03-02T08:00:00+07:00")?)?;
    assert!(
        due_now.is_empty(),
        "nothing is due when this procedure starts"
    );

    // 4. Officers work; each event is checked against the standard.
    case.apply(
        &licence,
        Event::done("informasi", at("2026-03-02T08:05:00+07:00")?).by("fo-01"),
    )?;
    let wrong = Event::done("ttd", at("2026-03-02T08:10:00+07:00")?);
    if let Err(why) = case.apply(&licence, wrong) {
        // Shown to the officer; the case is exactly as before.
        println!("refused: {why}");
    }
    case.apply(
        &licence,
        Event::done("periksa", at("2026-03-02T08:25:00+07:00")?)
            .outcome("lengkap")
            .by("fo-01"),
    )?;

    // 5. Between requests the host keeps the case as JSON: what it runs on and its events,
    //    a few hundred bytes. Reading it back replays the events on the standard.
    let stored = case.to_json(&licence);
    let mut case = Case::resume(&licence, &stored)?;
    for (step, when) in [
        ("cek_simple", "2026-03-02T08:35:00+07:00"),
        ("verifikasi_muda", "2026-03-02T08:45:00+07:00"),
        ("verifikasi_madya", "2026-03-02T08:55:00+07:00"),
        ("verifikasi_sekretaris", "2026-03-02T09:05:00+07:00"),
        ("ttd", "2026-03-03T09:00:00+07:00"),
    ] {
        for action in case.apply(&licence, Event::done(step, at(when)?))? {
            println!(
                "perform now: {} to {:?} — {}",
                action.kind, action.to, action.text
            );
        }
    }

    // 6. A scheduler calls `advance` when the case's next timer is due (or now and then); it
    //    returns what fell due, in order.
    if let Some(next) = case.next_due() {
        println!("next timer: {next}");
    }
    for action in case.advance(&licence, at("2026-04-06T08:00:00+07:00")?) {
        println!(
            "perform: {} to {:?} due {} — {}",
            action.kind, action.to, action.due, action.text
        );
    }

    // 7. Screens and reports.
    let status = case.status(&licence, at("2026-04-06T08:00:00+07:00")?)?;
    println!(
        "held by {:?}; budget {:?}",
        status.holders, status.clocks[0].status
    );
    assert_eq!(status.clocks[0].status, ClockState::Finished);
    for line in case.card(&licence) {
        println!(
            "{:<24} {:>5} min (standard {:?}){}",
            line.step,
            line.minutes,
            line.standard_minutes,
            if line.late { " LATE" } else { "" }
        );
    }
    Ok(())
}
