//! Cases on the Pekanbaru licence procedure: events, the control card, clocks, obligations,
//! refused events, replay.

mod common;

use jiff::Timestamp;
use sopan::interp::{Case, ClockState, Context, Event, EventError};
use sopan::project::Project;

fn at(s: &str) -> Timestamp {
    s.parse().expect("an instant")
}

fn project() -> Project {
    common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards")
}

fn ctx(p: &Project) -> Context<'_> {
    p.standards()[0]
        .context("penerbitan")
        .expect("the licence procedure")
}

/// Steps 1-6 on Monday 2 March 2026 from 08:00, the completeness check passing.
fn through_secretary(ctx: &Context<'_>, case: &mut Case) {
    let steps = [
        ("informasi", None, "2026-03-02T08:05:00+07:00"),
        ("periksa", Some("lengkap"), "2026-03-02T08:25:00+07:00"),
        ("cek_simple", None, "2026-03-02T08:35:00+07:00"),
        ("verifikasi_muda", None, "2026-03-02T08:45:00+07:00"),
        ("verifikasi_madya", None, "2026-03-02T08:55:00+07:00"),
        ("verifikasi_sekretaris", None, "2026-03-02T09:05:00+07:00"),
    ];
    for (step, outcome, t) in steps {
        let mut e = Event::done(step, at(t)).by("officer");
        if let Some(o) = outcome {
            e = e.outcome(o);
        }
        assert_eq!(case.apply(ctx, e), Ok(vec![]), "{step}");
    }
}

#[test]
fn a_complete_file_finished_on_time_with_its_card_and_sms() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-2026-0042", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    through_secretary(&ctx, &mut case);
    let status = case
        .status(&ctx, at("2026-03-02T10:00:00+07:00"))
        .expect("status");
    assert_eq!(status.active, ["ttd"]);
    assert_eq!(status.holders, ["kepala_dinas"]);
    assert_eq!(status.clocks[0].status, ClockState::OnTrack);
    assert_eq!(status.clocks[0].elapsed_minutes, 120);
    // "2 hari kerja" from Monday 08:00: the day of receipt is not counted, so the budget runs
    // out at Wednesday's close — 18 working hours on the Pekanbaru calendar.
    assert_eq!(status.clocks[0].budget_minutes, Some(1080));
    assert_eq!(status.clocks[0].due, Some(at("2026-03-04T15:00:00+07:00")));
    // The signature next morning: the SMS is due at once, the letter is only a timer.
    let actions = case
        .apply(&ctx, Event::done("ttd", at("2026-03-03T09:00:00+07:00")))
        .expect("ok");
    assert_eq!(actions.len(), 1);
    assert_eq!(
        (actions[0].kind.as_str(), actions[0].to.as_deref()),
        ("sms", Some("pemohon"))
    );
    let status = case
        .status(&ctx, at("2026-03-03T10:00:00+07:00"))
        .expect("status");
    assert_eq!(status.clocks[0].status, ClockState::Finished);
    assert_eq!(
        status.clocks[0].elapsed_minutes,
        360 + 60,
        "Monday 08:00-15:00 less the break, then 1 h"
    );
    // Collected the same week: the letter is cancelled.
    case.apply(
        &ctx,
        Event::done("serahkan", at("2026-03-05T10:00:00+07:00")),
    )
    .expect("ok");
    case.apply(&ctx, Event::done("terima", at("2026-03-05T10:02:00+07:00")))
        .expect("ok");
    assert!(case
        .advance(&ctx, at("2026-06-01T08:00:00+07:00"))
        .is_empty());
    let status = case
        .status(&ctx, at("2026-06-01T08:00:00+07:00"))
        .expect("status");
    assert_eq!(
        (status.finished, status.terminal.as_deref()),
        (true, Some("diterima"))
    );
    let card = case.card(&ctx);
    let minutes: Vec<i64> = card.iter().map(|e| e.minutes).collect();
    let waiting: Vec<i64> = card.iter().map(|e| e.waiting_minutes).collect();
    // The signature took Monday 09:05 to Tuesday 09:00 (355 working minutes); from then the
    // licence waited for the applicant, who came on Thursday: that is not officers' time.
    assert_eq!(minutes, [5, 20, 10, 10, 10, 10, 355, 0, 0]);
    assert_eq!(waiting, [0, 0, 0, 0, 0, 0, 0, 780, 2]);
    assert!(case.card(&ctx).iter().all(|line| !line.late));
}

#[test]
fn a_returned_file_pauses_the_clock_until_resubmitted() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-2", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    case.apply(
        &ctx,
        Event::done("informasi", at("2026-03-02T08:05:00+07:00")),
    )
    .expect("ok");
    case.apply(
        &ctx,
        Event::done("periksa", at("2026-03-02T08:25:00+07:00")).outcome("tidak_lengkap"),
    )
    .expect("ok");
    let status = case
        .status(&ctx, at("2026-03-04T10:00:00+07:00"))
        .expect("status");
    assert_eq!(status.holders, ["pemohon"]);
    assert_eq!(status.clocks[0].status, ClockState::Paused);
    assert_eq!(status.clocks[0].elapsed_minutes, 25);
    case.apply(
        &ctx,
        Event::Resubmitted {
            by: None,
            at: at("2026-03-05T09:00:00+07:00"),
        },
    )
    .expect("ok");
    let status = case
        .status(&ctx, at("2026-03-05T09:30:00+07:00"))
        .expect("status");
    assert_eq!(status.active, ["periksa"]);
    assert_eq!(
        status.clocks[0].elapsed_minutes, 55,
        "25 before the return, 30 since"
    );
}

#[test]
fn a_late_signature_breaches_and_an_uncollected_licence_gets_a_letter() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-3", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    through_secretary(&ctx, &mut case);
    // Wednesday 11:00: 15 of the 18 working hours used.
    assert_eq!(
        case.status(&ctx, at("2026-03-04T11:00:00+07:00"))
            .expect("status")
            .clocks[0]
            .status,
        ClockState::AtRisk
    );
    case.apply(&ctx, Event::done("ttd", at("2026-03-05T11:00:00+07:00")))
        .expect("ok");
    let status = case
        .status(&ctx, at("2026-03-05T12:00:00+07:00"))
        .expect("status");
    assert_eq!(status.clocks[0].status, ClockState::Breached);
    assert!(case
        .advance(&ctx, at("2026-04-01T08:00:00+07:00"))
        .is_empty());
    let letters = case.advance(&ctx, at("2026-04-10T08:00:00+07:00"));
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].kind, "surat");
    assert_eq!(
        letters[0].due,
        at("2026-04-05T11:00:00+07:00"),
        "one calendar month after completion"
    );
    assert!(
        case.advance(&ctx, at("2026-05-01T08:00:00+07:00"))
            .is_empty(),
        "fired once"
    );
}

#[test]
fn refused_events_leave_the_case_unchanged() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-4", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    case.apply(
        &ctx,
        Event::done("informasi", at("2026-03-02T08:05:00+07:00")),
    )
    .expect("ok");
    let before = case.clone();
    let refused = [
        (
            Event::done("tidak_ada", at("2026-03-02T09:00:00+07:00")),
            "UnknownStep",
        ),
        (
            Event::done("ttd", at("2026-03-02T09:00:00+07:00")),
            "NotActive",
        ),
        (
            Event::done("periksa", at("2026-03-02T09:00:00+07:00")).outcome("mungkin"),
            "Outcome",
        ),
        (
            Event::done("periksa", at("2026-03-02T09:00:00+07:00")),
            "Outcome",
        ),
        (
            Event::done("periksa", at("2026-03-02T08:00:00+07:00")).outcome("lengkap"),
            "Backwards",
        ),
        (
            Event::Resubmitted {
                by: None,
                at: at("2026-03-02T09:00:00+07:00"),
            },
            "NotReturned",
        ),
    ];
    for (event, kind) in refused {
        let err = case.apply(&ctx, event).expect_err(kind);
        assert!(format!("{err:?}").starts_with(kind), "{err:?}");
        assert_eq!(case, before);
    }
    case.apply(
        &ctx,
        Event::Withdrawn {
            at: at("2026-03-02T10:00:00+07:00"),
        },
    )
    .expect("ok");
    let closed = case.apply(
        &ctx,
        Event::done("periksa", at("2026-03-02T11:00:00+07:00")).outcome("lengkap"),
    );
    assert_eq!(closed, Err(EventError::Closed));
    assert_eq!(
        case.status(&ctx, at("2026-03-02T11:00:00+07:00"))
            .expect("status")
            .terminal
            .as_deref(),
        Some("withdrawn")
    );
}

#[test]
fn replaying_the_events_reproduces_the_case_byte_for_byte() {
    let p = project();
    let ctx = ctx(&p);
    let opened = at("2026-03-02T08:00:00+07:00");
    let mut case = Case::open(&ctx, "REG-5", opened).expect("opens").0;
    through_secretary(&ctx, &mut case);
    case.apply(&ctx, Event::done("ttd", at("2026-03-03T09:00:00+07:00")))
        .expect("ok");
    let json = case.to_json(&ctx);
    let resumed = Case::resume(&ctx, &json).expect("resumes");
    assert_eq!(resumed, case);
    let mut replay = Case::open(&ctx, "REG-5", opened).expect("opens").0;
    for e in case.events(&ctx) {
        replay.apply(&ctx, e).expect("replays");
    }
    assert_eq!(replay, case);
    assert_eq!(replay.to_json(&ctx), json);
}

#[test]
fn the_card_shows_lateness_and_a_changed_standard_is_refused() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-6", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    case.apply(
        &ctx,
        Event::done("informasi", at("2026-03-02T08:05:00+07:00")).by("fo-01"),
    )
    .expect("ok");
    case.apply(
        &ctx,
        Event::done("periksa", at("2026-03-02T09:00:00+07:00")).outcome("lengkap"),
    )
    .expect("ok");
    let card = case.card(&ctx);
    assert_eq!(
        (card[0].late, card[1].late),
        (false, true),
        "periksa took 55 of its 20 minutes"
    );
    assert_eq!(card[1].roles, ["front_office"]);
    assert_eq!(card[0].by.as_deref(), Some("fo-01"));
    let json = case.to_json(&ctx);
    assert!(json.len() < 500, "{} bytes", json.len());
    assert_eq!(Case::resume(&ctx, &json), Ok(case.clone()));
    assert!(json.contains("\"hash\":\"sha256:"), "{json}");
    // Persisted before SHA-256, under the FNV form of the same content: it resumes and
    // carries the new identity forward.
    let legacy = json.replace(p.standards()[0].hash(), p.standards()[0].legacy_hash());
    assert_ne!(legacy, json);
    assert_eq!(Case::resume(&ctx, &legacy), Ok(case.clone()));
    let edited = std::fs::read_to_string("standards/pekanbaru/izin_praktik_dokter.sop")
        .expect("shipped")
        .replace("waktu 20 menit", "waktu 25 menit");
    let mut files = sopan::source::loader::MemoryLoader::new();
    for f in [
        "standards/pekanbaru/dpmptsp.sop",
        "standards/pekanbaru/pekanbaru.kalender.yaml",
        "standards/nasional.kalender.yaml",
    ] {
        files.insert(f, std::fs::read(f).expect("shipped"));
    }
    files.insert("standards/pekanbaru/izin_praktik_dokter.sop", edited);
    let entry = sopan::project::Entry {
        path: "standards/pekanbaru/izin_praktik_dokter.sop".into(),
        root: "standards".into(),
    };
    let changed = Project::load(&files, &[entry]).expect("loads");
    let changed_ctx = changed.standards()[0]
        .context("penerbitan")
        .expect("procedure");
    for persisted in [&json, &legacy] {
        let refused = Case::resume(&changed_ctx, persisted).expect_err("the standard changed");
        assert!(
            refused
                .to_string()
                .contains("changed since the case was opened"),
            "{refused}"
        );
    }
    // A change declared deliberate: the history replays on the new content, which the
    // case then carries; `periksa` took 55 of now 25 minutes, still late.
    let migrated = Case::migrate(&changed_ctx, &json).expect("replays on the new standard");
    let moved = migrated.to_json(&changed_ctx);
    assert!(moved.contains(changed.standards()[0].hash()), "{moved}");
    assert_eq!(Case::resume(&changed_ctx, &moved), Ok(migrated.clone()));
    assert_eq!(migrated.card(&changed_ctx)[1].standard_minutes, Some(25));
}

#[test]
fn returned_and_collected_events() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-7", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    // `collected` cannot jump over the completeness decision.
    let refused = case.apply(
        &ctx,
        Event::Collected {
            by: None,
            at: at("2026-03-02T08:01:00+07:00"),
        },
    );
    assert!(
        matches!(refused, Err(EventError::NotPossible(_))),
        "{refused:?}"
    );
    assert!(case.events(&ctx).is_empty());
    case.apply(
        &ctx,
        Event::done("informasi", at("2026-03-02T08:05:00+07:00")),
    )
    .expect("ok");
    case.apply(
        &ctx,
        Event::Returned {
            by: Some("fo-01".into()),
            at: at("2026-03-02T08:25:00+07:00"),
        },
    )
    .expect("ok");
    assert_eq!(case.card(&ctx)[1].outcome.as_deref(), Some("tidak_lengkap"));
    assert_eq!(
        case.status(&ctx, at("2026-03-02T09:00:00+07:00"))
            .expect("status")
            .holders,
        ["pemohon"]
    );
    case.apply(
        &ctx,
        Event::Resubmitted {
            by: None,
            at: at("2026-03-03T08:00:00+07:00"),
        },
    )
    .expect("ok");
    through_rest(&ctx, &mut case);
    case.apply(
        &ctx,
        Event::Collected {
            by: Some("fo-02".into()),
            at: at("2026-03-06T10:00:00+07:00"),
        },
    )
    .expect("ok");
    let status = case
        .status(&ctx, at("2026-03-06T10:00:00+07:00"))
        .expect("status");
    assert_eq!(status.terminal.as_deref(), Some("diterima"));
    let last: Vec<String> = case
        .card(&ctx)
        .iter()
        .rev()
        .take(2)
        .map(|c| c.step.clone())
        .collect();
    assert_eq!(last, ["terima", "serahkan"]);
}

/// From a resubmitted file at `periksa` to the signature.
fn through_rest(ctx: &Context<'_>, case: &mut Case) {
    let steps = [
        ("periksa", Some("lengkap"), "2026-03-03T08:20:00+07:00"),
        ("cek_simple", None, "2026-03-03T08:30:00+07:00"),
        ("verifikasi_muda", None, "2026-03-03T08:40:00+07:00"),
        ("verifikasi_madya", None, "2026-03-03T08:50:00+07:00"),
        ("verifikasi_sekretaris", None, "2026-03-03T09:00:00+07:00"),
        ("ttd", None, "2026-03-04T09:00:00+07:00"),
    ];
    for (step, outcome, t) in steps {
        let mut e = Event::done(step, at(t));
        if let Some(o) = outcome {
            e = e.outcome(o);
        }
        case.apply(ctx, e).expect(step);
    }
}

/// Issue 21 item 8: a breached clock keeps its due instant and a negative remainder, paused
/// or not, and a clock one second over has -1 minute left (not 0).
#[test]
fn a_breached_clock_remembers_when_it_was_due() {
    let p = project();
    let ctx = ctx(&p);
    let mut case = Case::open(&ctx, "REG-1", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    through_secretary(&ctx, &mut case);
    // Due at Wednesday 4 March's close (15:00 on the Pekanbaru calendar).
    let due = at("2026-03-04T15:00:00+07:00");
    let one_over = case
        .status(&ctx, at("2026-03-05T08:00:01+07:00"))
        .expect("status");
    assert_eq!(one_over.clocks[0].status, ClockState::Breached);
    assert_eq!(one_over.clocks[0].remaining_minutes, Some(-1));
    assert_eq!(one_over.clocks[0].due, Some(due));
    // Signed after the budget ran out: the clock stops, breached, and still says when it was due.
    case.apply(&ctx, Event::done("ttd", at("2026-03-05T10:00:00+07:00")))
        .expect("signed");
    let later = case
        .status(&ctx, at("2026-03-06T10:00:00+07:00"))
        .expect("status");
    assert_eq!(later.clocks[0].status, ClockState::Breached);
    assert_eq!(later.clocks[0].due, Some(due));
    assert_eq!(later.clocks[0].remaining_minutes, Some(-120));
}

/// Issue 21 item 10: a hand-over done jointly by an officer and the applicant waits for the
/// applicant — not late for the applicant's wait, and `collected` is taken there.
#[test]
fn a_joint_hand_over_waits_for_the_applicant() {
    let text = r#"
instansi kantor "Kantor" { kalender nasional }
peran pemohon "Pemohon" eksternal
peran petugas "Petugas" internal
prosedur izin "Izin" {
  anggaran total 1 hari kerja { berhenti setelah proses }
  langkah ajukan "Pemohon mengajukan berkas" { oleh pemohon, petugas  waktu 10 menit }
  langkah proses "Memproses izin" { oleh petugas  waktu 1 jam }
  langkah serah "Petugas menyerahkan izin kepada pemohon" { oleh petugas, pemohon  waktu 5 menit  lanjut selesai }
  selesai selesai "Izin diterima"
}
"#;
    let project = common::load_text(text);
    assert_eq!(
        common::errors(&project),
        0,
        "{}",
        common::render(&project, sopan::diag::Lang::En)
    );
    let ctx = project.standards()[0].context("izin").expect("procedure");
    let mut case = Case::open(&ctx, "X", at("2026-03-02T08:00:00+07:00"))
        .expect("opens")
        .0;
    case.apply(&ctx, Event::done("ajukan", at("2026-03-02T08:10:00+07:00")))
        .expect("submitted");
    case.apply(&ctx, Event::done("proses", at("2026-03-02T09:00:00+07:00")))
        .expect("processed");
    case.apply(
        &ctx,
        Event::Collected {
            by: Some("fo".into()),
            at: at("2026-03-02T11:30:00+07:00"),
        },
    )
    .expect("collected at the joint hand-over");
    let card = case.card(&ctx);
    let serah = card.iter().find(|l| l.step == "serah").expect("its line");
    assert!(!serah.late, "{serah:?}");
    assert_eq!(serah.minutes, 0, "the officers' time");
    assert_eq!(serah.waiting_minutes, 150, "the applicant's");
}
