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
    assert_eq!(common::errors(&p), 0, "{}", common::render(&p, sopan::diag::Lang::En));
    p
}

fn ctx(p: &Project) -> Context<'_> {
    p.standards[0].context("penerbitan").expect("the procedure")
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
    assert!(case.advance(&ctx, at("2026-05-11T10:00:00+07:00")).is_empty());
    let actions = case.advance(&ctx, at("2026-05-11T10:00:02+07:00"));
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0].due, at("2026-05-11T10:00:01+07:00"));
    assert_eq!(actions[0].budget.as_deref(), Some("notifikasi_tahap"));
    let status = case.status(&ctx, at("2026-05-12T09:00:00+07:00")).expect("status");
    assert!(status.finished);
    assert_eq!(status.terminal.as_deref(), Some("efektif_fiktif"));
    // Kept in the history: the case replays to the same end.
    assert_eq!(case.replayed(&ctx).expect("replays"), case);
    // Nothing more happens to a deemed case.
    assert_eq!(
        case.apply(&ctx, Event::done("notifikasi", at("2026-05-12T09:00:00+07:00"))),
        Err(EventError::Closed)
    );
}
