//! A deadline's extension (`perpanjangan 7 hari kerja "…"` on a complaint tier): `route` and
//! the case clock give the same extended due instant; an officer extends a running clock
//! once, before its deadline, saying why; a refused extension changes nothing; the stored
//! case keeps who and why and replays to the same clock.

mod common;

use jiff::Timestamp;
use sopan::interp::{Case, ClockState, Event, EventError, Impossible};
use sopan::project::{Project, Standard};
use std::collections::BTreeMap;

fn at(s: &str) -> Timestamp {
    s.parse().expect("an instant with an offset")
}

fn shipped() -> Project {
    sopan::load_dir("standards").expect("the shipped standards")
}

/// The DIY education office's complaint standard.
fn diy(project: &Project) -> &Standard {
    project
        .standards()
        .iter()
        .find(|s| s.model().agencies.iter().any(|a| a.id == "disdikpora_diy"))
        .expect("the DIY complaint standard")
}

fn extended(budget: Option<&str>, when: &str) -> Event {
    Event::Extended {
        budget: budget.map(str::to_string),
        reason: Some("Koordinasi belum selesai".into()),
        by: Some("pp-01".into()),
        at: at(when),
    }
}

/// A case classified `tier` at 09:30 on Monday 2 March 2026.
fn classified(ctx: &sopan::interp::Context<'_>, tier: &str) -> Case {
    let (mut case, _) = Case::open(ctx, "ADU-1", at("2026-03-02T09:00:00+07:00")).expect("opens");
    case.apply(ctx, Event::done("hadir", at("2026-03-02T09:10:00+07:00")))
        .expect("applies");
    case.apply(
        ctx,
        Event::done("formulir", at("2026-03-02T09:30:00+07:00"))
            .outcome(tier)
            .by("pp-01"),
    )
    .expect("applies");
    case
}

#[test]
fn route_and_the_extended_clock_agree_for_every_tier() {
    let project = shipped();
    let standard = diy(&project);
    let policy = &standard.model().complaints[0];
    let ctx = standard
        .context("penanganan")
        .expect("the complaint procedure");
    let arrived = at("2026-03-02T09:30:00+07:00");
    for tier in &policy.tiers {
        let routed = sopan::complaints::route::route(
            standard.model(),
            policy,
            "langsung",
            &tier.id,
            &BTreeMap::new(),
            Some(arrived),
            standard.calendar(),
        )
        .expect("routes");
        let extended_due = routed.due_extended.expect("the tier allows an extension");
        assert!(routed.due.is_some_and(|d| d < extended_due), "{}", tier.id);
        let mut case = classified(&ctx, &tier.id);
        let name = format!("jawaban.{}", tier.id);
        case.apply(&ctx, extended(Some(&name), "2026-03-03T10:00:00+07:00"))
            .expect("extends");
        let status = case
            .status(&ctx, at("2026-03-04T10:00:00+07:00"))
            .expect("in range");
        let clock = status
            .clocks
            .iter()
            .find(|c| c.budget == name)
            .expect("clock");
        assert!(clock.extended, "{}", tier.id);
        assert_eq!(clock.due, Some(extended_due), "{}", tier.id);
    }
}

#[test]
fn an_extension_is_made_once_before_the_deadline_and_a_refusal_changes_nothing() {
    let project = shipped();
    let standard = diy(&project);
    let ctx = standard
        .context("penanganan")
        .expect("the complaint procedure");

    // Before the tier is chosen no clock runs: nothing to extend.
    let (mut open, _) = Case::open(&ctx, "ADU-2", at("2026-03-02T09:00:00+07:00")).expect("opens");
    let before = open.to_json(&ctx);
    let refused = open.apply(&ctx, extended(None, "2026-03-02T09:05:00+07:00"));
    assert_eq!(
        refused,
        Err(EventError::NotPossible(Impossible::NoExtension(None)))
    );
    assert_eq!(open.to_json(&ctx), before, "a refusal changes nothing");

    // The one running clock is found without its name; a second extension is refused.
    let mut case = classified(&ctx, "tanpa_koordinasi");
    case.apply(&ctx, extended(None, "2026-03-03T10:00:00+07:00"))
        .expect("extends the one running clock");
    let once = case.to_json(&ctx);
    let again = case.apply(
        &ctx,
        extended(
            Some("jawaban.tanpa_koordinasi"),
            "2026-03-04T10:00:00+07:00",
        ),
    );
    assert_eq!(
        again,
        Err(EventError::NotPossible(Impossible::NotExtendable(
            "jawaban.tanpa_koordinasi".into()
        )))
    );
    assert_eq!(case.to_json(&ctx), once);

    // A clock that is not running cannot be extended.
    let waiting = case.apply(
        &ctx,
        extended(
            Some("jawaban.dengan_koordinasi"),
            "2026-03-04T10:00:00+07:00",
        ),
    );
    assert!(matches!(
        waiting,
        Err(EventError::NotPossible(Impossible::NoExtension(Some(_))))
    ));

    // Past its deadline (5 working days, Monday 9 March 16:00) it is too late.
    let mut late = classified(&ctx, "tanpa_koordinasi");
    let status = late
        .status(&ctx, at("2026-03-10T10:00:00+07:00"))
        .expect("in range");
    assert_eq!(status.clocks[0].status, ClockState::Breached);
    let stored = late.to_json(&ctx);
    assert!(late
        .apply(&ctx, extended(None, "2026-03-10T10:00:00+07:00"))
        .is_err());
    assert_eq!(late.to_json(&ctx), stored);

    // A reason with a control character is refused like any name.
    let mut bad = classified(&ctx, "tanpa_koordinasi");
    let refused = bad.apply(
        &ctx,
        Event::Extended {
            budget: None,
            reason: Some("alasan\u{1b}[2J".into()),
            by: None,
            at: at("2026-03-03T10:00:00+07:00"),
        },
    );
    assert_eq!(refused, Err(EventError::BadText { field: "reason" }));
}

#[test]
fn a_stored_extension_keeps_who_and_why_and_replays_to_the_same_clock() {
    let project = shipped();
    let standard = diy(&project);
    let ctx = standard
        .context("penanganan")
        .expect("the complaint procedure");
    let mut case = classified(&ctx, "dengan_koordinasi");
    case.apply(&ctx, extended(None, "2026-03-13T10:00:00+07:00"))
        .expect("extends");
    let stored = case.to_json(&ctx);
    assert!(
        stored.contains(
            r#"["extended","2026-03-13T03:00:00Z","jawaban.dengan_koordinasi","Koordinasi belum selesai","pp-01"]"#
        ),
        "{stored}"
    );
    let back = Case::resume(&ctx, &stored).expect("resumes");
    assert_eq!(back.to_json(&ctx), stored);
    let now = at("2026-03-17T10:00:00+07:00");
    assert_eq!(
        back.status(&ctx, now).expect("in range"),
        case.status(&ctx, now).expect("in range")
    );
    let events = back.events(&ctx);
    assert_eq!(
        events.last(),
        Some(&Event::Extended {
            budget: Some("jawaban.dengan_koordinasi".into()),
            reason: Some("Koordinasi belum selesai".into()),
            by: Some("pp-01".into()),
            at: at("2026-03-13T10:00:00+07:00"),
        })
    );
}

/// An extension published once for the whole policy holds for every tier without its own;
/// a tier's own wins. The DIY standard writes it once, as its source does.
#[test]
fn a_policy_extension_holds_for_every_tier_without_its_own() {
    let project = shipped();
    let policy = &diy(&project).model().complaints[0];
    for tier in &policy.tiers {
        let ext = tier.extension.as_ref().expect("from the policy");
        assert_eq!(
            (ext.duration.max, ext.duration.unit),
            (7, sopan::time::Unit::WorkingDay)
        );
        assert!(ext
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("7 (tujuh)")));
    }
    let text = r#"
instansi kantor "Kantor" { kalender nasional }
peran petugas "Petugas" internal
pengaduan aduan "Pengaduan" {
  saluran surat "Surat"
  balas surat -> surat
  perpanjangan 7 hari kerja "Untuk seluruh pengaduan"
  tingkat ringan "Ringan" { penangan petugas  tenggat 2 hari kerja }
  tingkat berat "Berat" {
    penangan petugas
    tenggat 14 hari kerja
    perpanjangan 3 hari kerja "Hanya tingkat berat"
  }
}
"#;
    let project = common::load_text(text);
    assert!(
        project.diagnostics().is_empty(),
        "{:?}",
        project.diagnostics()
    );
    let tiers = &project.standards()[0].model().complaints[0].tiers;
    let of = |i: usize| {
        let e = tiers[i].extension.as_ref().expect("an extension");
        (e.duration.max, e.reason.clone().unwrap_or_default())
    };
    assert_eq!(of(0), (7, "Untuk seluruh pengaduan".to_string()));
    assert_eq!(of(1), (3, "Hanya tingkat berat".to_string()));
}
