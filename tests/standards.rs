//! Every shipped standard checks with no errors; the Pekanbaru standard models the seed.

mod common;

use sopan::diag::Kind;
use sopan::project::{Entry, Project};
use sopan::render::export::export;
use sopan::source::loader::FsLoader;

fn all_standards() -> Project {
    let mut entries = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("standards")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("standards/ is readable") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "sop") {
                entries.push(Entry {
                    path: p.to_string_lossy().replace('\\', "/"),
                    root: "standards".into(),
                });
            }
        }
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    assert!(entries.len() >= 3, "the shipped standards are there");
    Project::load(&FsLoader, &entries).expect("readable")
}

#[test]
fn every_shipped_standard_checks_without_errors() {
    let project = all_standards();
    assert_eq!(
        common::errors(&project),
        0,
        "{}",
        common::render(&project, sopan::diag::Lang::En)
    );
}

/// The source's staffing count contradicts its own SOP table: sopan warns, and the shipped
/// standard allows that warning with its reason (so CI can deny warnings).
#[test]
fn the_staffing_inconsistency_of_the_source_is_a_warning_allowed_with_its_reason() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let staffing: Vec<(&Kind, &str)> = project
        .suppressed()
        .iter()
        .map(|s| (&s.diagnostic.kind, s.reason.as_str()))
        .filter(|(k, _)| matches!(k, Kind::StaffingMismatch { .. }))
        .collect();
    assert_eq!(
        staffing,
        [(
            &Kind::StaffingMismatch {
                acting: 6,
                declared: 5,
                uncovered: vec!["analis_muda".into(), "analis_madya".into()],
            },
            "dokumen sumber menyebut 5 pelaksana sedangkan tabel SOP-nya memakai 6 peran internal; ditulis sesuai sumber"
        )]
    );
    // Besides it, only advice, allowed too: the complaint answers' budgets cannot be judged,
    // since the source gives no time for the steps of a complaint.
    assert!(project.diagnostics().is_empty());
    let others: Vec<&str> = project
        .suppressed()
        .iter()
        .filter(|s| !matches!(s.diagnostic.kind, Kind::StaffingMismatch { .. }))
        .map(|s| s.diagnostic.code())
        .collect();
    assert_eq!(others, ["sop::budget-unknown"; 3]);
}

#[test]
fn the_licence_procedure_has_the_nine_steps_of_the_sop_table() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let data = export(project.standards()[0].model(), "x");
    let proc = data
        .procedures
        .iter()
        .find(|p| p.id == "penerbitan")
        .expect("the licence procedure");
    let numbers: Vec<Option<String>> = proc.steps.iter().map(|s| s.number.clone()).collect();
    assert_eq!(
        numbers,
        (1..=9).map(|n| Some(n.to_string())).collect::<Vec<_>>()
    );
    let roles: Vec<Vec<String>> = proc.steps.iter().map(|s| s.roles.clone()).collect();
    assert_eq!(roles[0], ["pemohon", "front_office"]);
    assert_eq!(roles[6], ["kepala_dinas"]);
    let minutes: Vec<u32> = proc
        .steps
        .iter()
        .filter_map(|s| s.duration)
        .map(|d| d.max)
        .collect();
    assert_eq!(minutes, [5, 20, 10, 10, 10, 10, 1, 3, 2]);
    let check = &proc.steps[1];
    assert_eq!(
        check.decision.as_deref(),
        Some("Lengkap dan memenuhi syarat?")
    );
    assert_eq!(
        check.outcomes.get("lengkap").map(String::as_str),
        Some("cek_simple")
    );
    assert_eq!(
        check.returns_to.get("tidak_lengkap").map(String::as_str),
        Some("pemohon")
    );
    let budget = proc.budget.as_ref().expect("the 2 working-day budget");
    assert_eq!(
        (budget.duration.max, budget.pauses.clone()),
        (2, vec!["returned".to_string()])
    );
}

#[test]
fn the_complaint_policy_routes_every_tier_and_channel() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let data = export(project.standards()[0].model(), "x");
    let policy = &data.complaints[0];
    let tiers: Vec<(&str, Vec<String>)> = policy
        .tiers
        .iter()
        .map(|t| (t.id.as_str(), t.handler.clone()))
        .collect();
    assert_eq!(tiers[0], ("ringan", vec!["petugas_pengaduan".to_string()]));
    assert_eq!(tiers[1].1, ["kepala_bidang", "kepala_dinas"]);
    assert_eq!(tiers[2].1, ["kepala_dinas", "walikota"]);
    assert_eq!(policy.channels.len(), 5);
    assert_eq!(
        policy.book_fields,
        ["tanggal", "identitas", "jenis", "bobot"]
    );
    assert_eq!(policy.report_procedure.as_deref(), Some("laporan_bulanan"));
}

#[test]
fn the_licence_budget_fits_on_the_pekanbaru_calendar() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let standard = &project.standards()[0];
    let calendar = standard.calendar().expect("the Pekanbaru calendar");
    assert_eq!(
        calendar.usual_day_minutes(),
        360,
        "08:00-12:00 and 13:00-15:00"
    );
    let licence = standard
        .model()
        .procedures
        .iter()
        .position(|p| p.id == "penerbitan")
        .expect("procedure");
    let reports = sopan::internals::budget::analyse(
        &standard.model().procedures[licence],
        &standard.machines()[licence],
        standard.procedure_calendars()[licence].as_deref(),
    );
    // Steps 1-7: 65 minutes and one working day, kept apart. The longest real path goes back
    // to the applicant once and checks the file again: 20 minutes more (the time with the
    // applicant is paused). Within 2 working days from any start the calendar covers.
    let path = |minutes| sopan::diag::Amount {
        minutes,
        working_days: 1,
        ..Default::default()
    };
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].shortest, Some(path(65)));
    assert_eq!(reports[0].longest, Some(path(85)));
    assert_eq!(reports[0].verdict, sopan::internals::budget::Verdict::Fits);
}

/// The agency file checked on its own: its roles serve the licence standard beside it that
/// includes it, so none is reported unused.
#[test]
fn an_agency_file_included_beside_reports_no_unused_roles() {
    let project = common::load("standards/pekanbaru/dpmptsp.sop", "standards");
    assert!(
        project
            .diagnostics()
            .iter()
            .all(|d| d.code() != "sop::unused-name"),
        "{}",
        common::render(&project, sopan::diag::Lang::En)
    );
}
