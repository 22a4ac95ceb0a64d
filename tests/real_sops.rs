//! Cases on the standards written from other agencies' published SOPs: stage clocks,
//! escalations at their instants, deemed approval (fiktif positif), waits reported as
//! arrived, skipped conditional steps, and decisions published with one branch.

mod common;

use jiff::Timestamp;
use sopan::interp::{Case, Context, Event, EventError};
use sopan::project::Project;

fn at(s: &str) -> Timestamp {
    s.parse().expect("an instant")
}

fn load(path: &str) -> Project {
    let p = common::load(path, "standards");
    assert_eq!(
        common::errors(&p),
        0,
        "{}",
        common::render(&p, sopan::diag::Lang::En)
    );
    p
}

fn ctx(p: &Project) -> Context<'_> {
    p.standards()[0]
        .context("penerbitan")
        .expect("the procedure")
}

fn apply(case: &mut Case, ctx: &Context<'_>, steps: &[(&str, Option<&str>, &str)]) {
    for (step, outcome, t) in steps {
        let mut e = Event::done(step, at(t));
        if let Some(o) = outcome {
            e = e.outcome(o);
        }
        case.apply(ctx, e).unwrap_or_else(|e| panic!("{step}: {e}"));
    }
}

/// Pelalawan pharmacy licence up to the field check passing on Friday 8 May 2026, 10:00 WIB.
fn apotek_checked(ctx: &Context<'_>) -> Case {
    let (mut case, _) = Case::open(ctx, "APT-1", at("2026-04-06T09:00:00+07:00")).expect("opens");
    apply(
        &mut case,
        ctx,
        &[
            ("ajukan", None, "2026-04-06T09:30:00+07:00"),
            ("izin_komitmen", None, "2026-04-06T09:31:00+07:00"),
            ("penuhi", None, "2026-05-04T10:00:00+07:00"),
            ("periksa", Some("memenuhi"), "2026-05-08T10:00:00+07:00"),
        ],
    );
    case
}

#[test]
fn a_notification_stage_past_its_time_is_deemed_approved_at_the_first_second_past_it() {
    let p = load("standards/contoh/pelalawan/izin_apotek.sop");
    let ctx = ctx(&p);
    let mut case = apotek_checked(&ctx);
    // Three calendar days from entering the stage: Monday 11 May 10:00; deemed one second on.
    assert!(case
        .advance(&ctx, at("2026-05-11T10:00:00+07:00"))
        .is_empty());
    let actions = case.advance(&ctx, at("2026-05-11T10:00:02+07:00"));
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0].due, at("2026-05-11T10:00:01+07:00"));
    assert_eq!(actions[0].budget.as_deref(), Some("notifikasi_tahap"));
    let status = case
        .status(&ctx, at("2026-05-12T09:00:00+07:00"))
        .expect("status");
    assert!(status.finished);
    assert_eq!(status.terminal.as_deref(), Some("efektif_fiktif"));
    // Kept in the history: the case replays to the same end.
    assert_eq!(case.replayed(&ctx).expect("replays"), case);
    // Nothing more happens to a deemed case.
    assert_eq!(
        case.apply(
            &ctx,
            Event::done("notifikasi", at("2026-05-12T09:00:00+07:00"))
        ),
        Err(EventError::Closed)
    );
}

#[test]
fn a_deemed_approval_due_refuses_later_events_until_advance_records_it() {
    let p = load("standards/contoh/pelalawan/izin_apotek.sop");
    let ctx = ctx(&p);
    let mut case = apotek_checked(&ctx);
    let late = Event::done("notifikasi", at("2026-05-12T09:00:00+07:00"));
    assert_eq!(
        case.apply(&ctx, late.clone()),
        Err(EventError::DeemedFirst {
            at: at("2026-05-11T10:00:01+07:00")
        })
    );
    // Reported in time, the notification ends the case normally and nothing fires after.
    let mut on_time = apotek_checked(&ctx);
    let done = Event::done("notifikasi", at("2026-05-11T10:00:00+07:00"));
    assert_eq!(on_time.apply(&ctx, done), Ok(vec![]));
    assert!(on_time
        .advance(&ctx, at("2026-06-01T00:00:00+07:00"))
        .is_empty());
    let status = on_time
        .status(&ctx, at("2026-06-01T00:00:00+07:00"))
        .expect("status");
    assert_eq!(status.terminal.as_deref(), Some("efektif"));
}

#[test]
fn a_stage_clock_pauses_while_the_file_is_back_with_the_applicant() {
    let p = load("standards/contoh/pelalawan/izin_apotek.sop");
    let ctx = ctx(&p);
    let (mut case, _) = Case::open(&ctx, "APT-2", at("2026-04-06T09:00:00+07:00")).expect("opens");
    apply(
        &mut case,
        &ctx,
        &[
            ("ajukan", None, "2026-04-06T09:30:00+07:00"),
            ("izin_komitmen", None, "2026-04-06T09:31:00+07:00"),
            ("penuhi", None, "2026-05-04T10:00:00+07:00"),
            (
                "periksa",
                Some("perlu_perbaikan"),
                "2026-05-06T10:00:00+07:00",
            ),
        ],
    );
    let stage = |case: &Case, t: &str| {
        let status = case.status(&ctx, at(t)).expect("status");
        let c = status
            .clocks
            .iter()
            .find(|c| c.budget == "pemeriksaan")
            .expect("the field-check stage clock")
            .clone();
        c.elapsed_minutes
    };
    // Two days used when returned; still two days a week later, the file with the applicant.
    assert_eq!(stage(&case, "2026-05-06T10:00:00+07:00"), 2 * 24 * 60);
    assert_eq!(stage(&case, "2026-05-13T10:00:00+07:00"), 2 * 24 * 60);
    case.apply(
        &ctx,
        Event::Resubmitted {
            by: None,
            at: at("2026-05-20T10:00:00+07:00"),
        },
    )
    .expect("resubmitted");
    assert_eq!(stage(&case, "2026-05-21T10:00:00+07:00"), 3 * 24 * 60);
}

/// Kolaka midwife licence up to the file being sent to the health office.
fn bidan_sent(ctx: &Context<'_>) -> Case {
    let (mut case, _) = Case::open(ctx, "SIPB-1", at("2026-05-04T09:00:00+08:00")).expect("opens");
    apply(
        &mut case,
        ctx,
        &[
            ("ajukan", None, "2026-05-04T09:10:00+08:00"),
            ("teliti", Some("lengkap"), "2026-05-04T09:30:00+08:00"),
            ("entri", None, "2026-05-04T09:45:00+08:00"),
            ("verifikasi", None, "2026-05-05T10:00:00+08:00"),
            ("teruskan", None, "2026-05-05T11:00:00+08:00"),
        ],
    );
    case
}

#[test]
fn escalations_fire_from_advance_at_their_exact_instants() {
    let p = load("standards/contoh/kolaka/izin_praktik_bidan.sop");
    let ctx = ctx(&p);
    let mut case = bidan_sent(&ctx);
    // 75% of 12 calendar days from Monday 09:00 WITA: 9 days on, Wednesday 13 May 09:00.
    assert!(case
        .advance(&ctx, at("2026-05-13T08:59:59+08:00"))
        .is_empty());
    let at_risk = case.advance(&ctx, at("2026-05-13T09:00:00+08:00"));
    assert_eq!(at_risk.len(), 1);
    assert_eq!(
        (at_risk[0].kind.as_str(), at_risk[0].to.as_deref()),
        ("pesan", Some("kabid_perizinan"))
    );
    // Breached one second past the 12 days; once, however often advance is called.
    assert!(case
        .advance(&ctx, at("2026-05-16T09:00:00+08:00"))
        .is_empty());
    let breach = case.advance(&ctx, at("2026-05-20T00:00:00+08:00"));
    assert_eq!(breach.len(), 1);
    assert_eq!(breach[0].kind, "eskalasi");
    assert_eq!(breach[0].due, at("2026-05-16T09:00:01+08:00"));
    assert!(case
        .advance(&ctx, at("2026-05-21T00:00:00+08:00"))
        .is_empty());
    // The history replays to the same case.
    assert_eq!(case.replayed(&ctx).expect("replays"), case);
}

#[test]
fn a_finished_case_fires_no_escalation() {
    let p = load("standards/contoh/kolaka/izin_praktik_bidan.sop");
    let ctx = ctx(&p);
    let mut case = bidan_sent(&ctx);
    apply(
        &mut case,
        &ctx,
        &[
            ("validasi", None, "2026-05-06T10:00:00+08:00"),
            ("sahkan", None, "2026-05-07T10:00:00+08:00"),
            ("cetak", None, "2026-05-07T11:00:00+08:00"),
            ("serahkan", None, "2026-05-08T09:00:00+08:00"),
        ],
    );
    assert!(case
        .advance(&ctx, at("2026-06-30T00:00:00+08:00"))
        .is_empty());
}

#[test]
fn an_arrived_wait_is_kept_apart_on_the_card() {
    let p = load("standards/contoh/kolaka/izin_praktik_bidan.sop");
    let ctx = ctx(&p);
    let mut case = bidan_sent(&ctx);
    // Only the step reached over a wait takes `arrived`, and only once.
    assert_eq!(
        case.apply(
            &ctx,
            Event::Arrived {
                step: "sahkan".into(),
                at: at("2026-05-06T08:00:00+08:00")
            }
        ),
        Err(EventError::NotActive {
            step: "sahkan".into(),
            active: sopan::interp::Whereabouts::Step("validasi".into())
        })
    );
    case.apply(
        &ctx,
        Event::Arrived {
            step: "validasi".into(),
            at: at("2026-05-06T09:00:00+08:00"),
        },
    )
    .expect("the recommendation arrived");
    assert_eq!(
        case.apply(
            &ctx,
            Event::Arrived {
                step: "validasi".into(),
                at: at("2026-05-06T09:30:00+08:00")
            }
        ),
        Err(EventError::NotAwaited("validasi".into()))
    );
    apply(
        &mut case,
        &ctx,
        &[("validasi", None, "2026-05-06T10:00:00+08:00")],
    );
    let card = case.card(&ctx);
    let line = card
        .iter()
        .find(|l| l.step == "validasi")
        .expect("validasi");
    // Tuesday 11:00-16:00 less the 12:00-13:00 break, Wednesday 07:30-09:00: waited.
    assert_eq!((line.waiting_minutes, line.minutes), (240 + 90, 60));
    assert_eq!(case.replayed(&ctx).expect("replays"), case);
}

#[test]
fn a_decision_published_with_one_branch_refuses_the_other_in_plain_words() {
    let p = load("standards/contoh/kolaka/izin_praktik_bidan.sop");
    let ctx = ctx(&p);
    let (mut case, _) = Case::open(&ctx, "SIPB-2", at("2026-05-04T09:00:00+08:00")).expect("opens");
    apply(
        &mut case,
        &ctx,
        &[("ajukan", None, "2026-05-04T09:10:00+08:00")],
    );
    let refused = case
        .apply(
            &ctx,
            Event::done("teliti", at("2026-05-04T09:30:00+08:00")).outcome("tidak_lengkap"),
        )
        .expect_err("the branch is not written");
    assert_eq!(
        refused.to_string(),
        "the standard writes only the outcome `lengkap` for step `teliti`; `tidak_lengkap` cannot be taken until that branch is written"
    );
}

#[test]
fn a_conditional_step_is_skipped_and_shown_so() {
    let p = load("standards/contoh/labuhanbatu/surat_izin_apotek.sop");
    let ctx = ctx(&p);
    let (mut case, _) = Case::open(&ctx, "SIA-1", at("2026-07-06T08:00:00+07:00")).expect("opens");
    apply(
        &mut case,
        &ctx,
        &[
            ("unggah", None, "2026-07-06T08:00:00+07:00"),
            (
                "verifikasi_umum",
                Some("lengkap"),
                "2026-07-06T10:00:00+07:00",
            ),
            ("teruskan_kasi", None, "2026-07-06T10:30:00+07:00"),
            ("spt", None, "2026-07-07T09:00:00+07:00"),
        ],
    );
    // Only a conditional step can be skipped.
    assert_eq!(
        case.apply(
            &ctx,
            Event::Skipped {
                step: "periksa_detail".into(),
                by: None,
                at: at("2026-07-08T14:00:00+07:00")
            }
        ),
        Err(EventError::NotConditional("periksa_detail".into()))
    );
    apply(
        &mut case,
        &ctx,
        &[("periksa_detail", None, "2026-07-08T14:00:00+07:00")],
    );
    case.apply(
        &ctx,
        Event::Skipped {
            step: "periksa_lapangan".into(),
            by: Some("tt-3".into()),
            at: at("2026-07-08T14:05:00+07:00"),
        },
    )
    .expect("skipped");
    let status = case
        .status(&ctx, at("2026-07-08T14:05:00+07:00"))
        .expect("status");
    assert_eq!(status.active, ["berita_acara"]);
    let card = case.card(&ctx);
    let line = card
        .iter()
        .find(|l| l.step == "periksa_lapangan")
        .expect("the skipped step");
    assert!(line.skipped);
    assert_eq!((line.minutes, line.by.as_deref()), (0, Some("tt-3")));
    assert_eq!(case.replayed(&ctx).expect("replays"), case);
}
