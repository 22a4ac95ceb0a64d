//! Budget reckoning on the shapes real SOPs use: stages with their own time, unknown step
//! times, conditional steps, time waited on an arrow or while the file is back with the
//! applicant.

mod common;

use sopan::diag::Amount;
use sopan::internals::budget::{analyse, BudgetReport, Verdict};

/// The budget reports of the only procedure of a standard written in the test.
fn reports(text: &str) -> Vec<BudgetReport> {
    let project = common::load_text(text);
    assert_eq!(
        common::errors(&project),
        0,
        "{}",
        common::render(&project, sopan::diag::Lang::En)
    );
    let standard = &project.standards()[0];
    analyse(
        &standard.model().procedures[0],
        &standard.machines()[0],
        standard.procedure_calendars()[0].as_deref(),
    )
}

fn days(working_days: u64) -> Amount {
    Amount {
        working_days,
        ..Amount::default()
    }
}

const HEAD: &str = r#"
instansi kantor "Kantor" { kalender nasional }
peran pemohon "Pemohon" eksternal
peran petugas "Petugas" internal
"#;

#[test]
fn time_waited_while_returned_counts_only_when_the_clock_runs_then() {
    let body = |pause: &str| {
        format!(
            r#"{HEAD}
prosedur p "P" {{
  anggaran total "Total" 10 hari kerja {{ {pause} }}
  langkah periksa "Periksa" {{
    oleh petugas
    waktu 2 hari kerja
    keputusan "Lengkap?" {{
      ya        -> terbit
      perbaikan -> kembalikan ke pemohon tunggu paling lama 5 hari kerja
    }}
  }}
  langkah terbit "Terbit" {{ oleh petugas  waktu 1 hari kerja  lanjut ok }}
  selesai ok "Terbit"
}}
"#
        )
    };
    let paused = reports(&body("jeda selama dikembalikan"));
    // The longest real path checks twice: 2, the applicant's 5 days not counted, 2, then 1.
    assert_eq!(
        paused[0].longest,
        Some(days(5)),
        "the applicant's 5 days are not counted"
    );
    assert_eq!(paused[0].verdict, Verdict::Fits);
    let running = reports(&body(""));
    // Round the loop once: checking 2, at most 5 with the applicant, checking 2, issuing 1.
    assert_eq!(running[0].longest, Some(days(10)));
    assert_eq!(running[0].shortest, Some(days(3)));
    assert_eq!(running[0].verdict, Verdict::Fits, "10 of 10 working days");
}

#[test]
fn a_stage_time_stands_for_steps_whose_time_is_unknown() {
    let text = format!(
        r#"{HEAD}
prosedur p "P" {{
  anggaran total "Total" 8 hari kerja
  tahap periksa_tahap "Pemeriksaan" {{
    waktu 3..6 hari kerja
    langkah a daftar "Daftar" {{ oleh pemohon, petugas  waktu tidak_diketahui }}
    langkah b periksa "Periksa" {{ oleh petugas  waktu tidak_diketahui }}
  }}
  langkah c terbit "Terbit" {{ oleh petugas  waktu 1 hari kerja  lanjut ok }}
  selesai ok "Terbit"
}}
"#
    );
    let r = reports(&text);
    // The stage's range replaces its steps: 3 + 1 at the least, 6 + 1 at the most.
    let total = r
        .iter()
        .find(|r| r.budget.as_deref() == Some("total"))
        .expect("the budget");
    assert_eq!(total.shortest, Some(days(4)));
    assert_eq!(total.longest, Some(days(7)));
    assert_eq!(total.verdict, Verdict::Fits);
    assert!(total.unknown_steps.is_empty(), "{:?}", total.unknown_steps);
}

#[test]
fn unknown_step_time_gives_verdict_unknown_naming_the_steps() {
    let text = format!(
        r#"{HEAD}
prosedur p "P" {{
  anggaran total "Total" 3 hari kerja
  langkah a daftar "Daftar" {{ oleh pemohon, petugas  waktu 1 hari kerja }}
  langkah b survei "Survei lapangan" {{ oleh petugas  waktu tidak_diketahui }}
  langkah c terbit "Terbit" {{ oleh petugas  waktu 1 hari kerja  lanjut ok }}
  selesai ok "Terbit"
}}
"#
    );
    let r = reports(&text);
    assert_eq!(r[0].verdict, Verdict::Unknown);
    assert_eq!(r[0].unknown_steps, ["survei"]);
    assert_eq!(r[0].longest, Some(days(2)), "the sum of what is known");
}

#[test]
fn a_conditional_step_counts_both_ways() {
    let text = format!(
        r#"{HEAD}
prosedur p "P" {{
  anggaran total "Total" 5 hari kerja
  langkah a daftar "Daftar" {{ oleh pemohon, petugas  waktu 1 hari kerja }}
  langkah b survei "Survei lapangan" {{
    oleh petugas
    waktu 2 hari kerja
    bila "Bila lokasi belum pernah diperiksa"
  }}
  langkah c terbit "Terbit" {{ oleh petugas  waktu 1 hari kerja  lanjut ok }}
  selesai ok "Terbit"
}}
"#
    );
    let r = reports(&text);
    assert_eq!(r[0].shortest, Some(days(2)), "skipped");
    assert_eq!(r[0].longest, Some(days(4)), "done");
    assert_eq!(r[0].verdict, Verdict::Fits);
}

#[test]
fn time_waited_on_an_arrow_counts() {
    let text = format!(
        r#"{HEAD}
prosedur p "P" {{
  anggaran total "Total" 4 hari kerja
  langkah a daftar "Daftar" {{ oleh pemohon, petugas  waktu 1 hari kerja  lanjut terbit tunggu 2 hari kerja }}
  langkah c terbit "Terbit" {{ oleh petugas  waktu 1 hari kerja  lanjut ok }}
  selesai ok "Terbit"
}}
"#
    );
    let r = reports(&text);
    assert_eq!(r[0].shortest, Some(days(4)));
    assert_eq!(r[0].longest, Some(days(4)));
    assert_eq!(r[0].verdict, Verdict::Fits);
}

/// Issue 21 item 7: a verdict that could not be reached says so and why — never "fits".
#[test]
fn a_budget_that_cannot_be_judged_says_why() {
    // No calendar at all: a month's step against a budget in working days.
    let text = r#"
peran petugas "Petugas" internal
prosedur p "P" {
  anggaran total "Total" 2 hari kerja
  langkah a "A" { oleh petugas  waktu 1 bulan  lanjut ok }
  selesai ok "Selesai"
}
"#;
    let project = common::load_text(text);
    let standard = &project.standards()[0];
    let r = analyse(
        &standard.model().procedures[0],
        &standard.machines()[0],
        standard.procedure_calendars()[0].as_deref(),
    );
    assert_eq!(r[0].verdict, Verdict::NotJudged);
    assert_eq!(r[0].reason, Some(sopan::NotJudged::NoCalendar));
    // Every path runs past the calendar's last day, and a calendar with no working hours.
    for (dir, file, reason) in [
        (
            "tests/regressions/2026-12-redteam/budget-fits-wrongly",
            "anggaran.sop",
            sopan::NotJudged::PastRange,
        ),
        (
            "tests/regressions/2026-12-redteam/calendar-without-hours",
            "layanan.sop",
            sopan::NotJudged::NoWorkingHours,
        ),
    ] {
        // The folder's project file names the default calendar.
        let yaml = std::fs::read_to_string(format!("{dir}/sopan.yaml")).expect("project file");
        let calendar = yaml
            .lines()
            .find_map(|l| l.strip_prefix("kalender: "))
            .expect("a calendar");
        let entry = sopan::Entry {
            path: format!("{dir}/{file}"),
            root: dir.to_string(),
        };
        let options = sopan::project::LoadOptions::with_default_calendar(calendar.trim());
        let project =
            sopan::Project::load_with(&sopan::FsLoader, &[entry], &options).expect("readable");
        let standard = &project.standards()[0];
        let r = standard.budgets();
        assert_eq!(r[0].verdict, Verdict::NotJudged, "{dir}");
        assert_eq!(r[0].reason, Some(reason), "{dir}");
    }
}

/// A procedure that declares no budget still has its real paths summed by `budget`: the
/// shortest and the longest, each one path, and no verdict.
#[test]
fn a_procedure_without_a_budget_has_its_paths_summed() {
    let text = format!(
        "{HEAD}{}",
        r#"
prosedur izin "Izin" {
  langkah periksa "Periksa" {
    oleh petugas
    waktu 1 hari kerja
    keputusan "Lengkap?" { ya -> terbit  tidak -> tinjau }
  }
  langkah tinjau "Tinjau lapangan" { oleh petugas  waktu 3 hari kerja  lanjut terbit }
  langkah terbit "Terbit" { oleh petugas  waktu 30 menit  lanjut selesai_ok }
  selesai selesai_ok "Izin terbit"
}
"#
    );
    let project = common::load_text(&text);
    assert_eq!(common::errors(&project), 0);
    let reports = project.standards()[0].budgets();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let r = &reports[0];
    assert_eq!((r.budget.as_deref(), r.limit), (None, None));
    assert_eq!(r.verdict, Verdict::NotJudged);
    assert_eq!(r.reason, Some(sopan::NotJudged::NoBudget));
    let sum = |working_days, minutes| Amount {
        working_days,
        minutes,
        ..Amount::default()
    };
    assert_eq!(r.shortest, Some(sum(1, 30)), "periksa → terbit");
    assert_eq!(r.longest, Some(sum(4, 30)), "periksa → tinjau → terbit");
    assert!(r.unknown_steps.is_empty());
}

/// Where the published table stops (`terpotong`), the time after it is not published: a
/// budget whose clock still runs there is `unknown` and says where the table stops; one that
/// stops before it is judged as usual; a case that gets there ends there, marked as such.
#[test]
fn a_table_that_stops_leaves_later_budgets_unjudged() {
    let text = format!(
        "{HEAD}{}",
        r#"
prosedur terbit "Penerbitan" {
  anggaran total "Jangka waktu" 5 hari kerja
  anggaran awal "Pemeriksaan" 1 hari kerja { mulai saat daftar  berhenti setelah periksa }
  langkah daftar "Pemohon mendaftar" { oleh pemohon  waktu 10 menit }
  langkah periksa "Petugas memeriksa" {
    oleh petugas
    waktu 1 jam
    keputusan "Lengkap?" { lengkap -> proses  tidak_lengkap -> tolak }
  }
  langkah proses "Petugas memproses izin" {
    oleh petugas
    waktu 1 hari kerja
    terpotong "Sisa prosedur tidak diterbitkan"
  }
  langkah tolak "Petugas menolak" { oleh petugas  waktu 1 jam  lanjut ditolak }
  selesai ditolak "Ditolak"
}
"#
    );
    let r = reports(&text);
    assert_eq!(r[0].budget.as_deref(), Some("total"));
    assert_eq!(r[0].verdict, Verdict::Unknown);
    assert_eq!(r[0].cut_off_after, ["proses"]);
    assert!(r[0].unknown_steps.is_empty());
    assert_eq!(r[1].budget.as_deref(), Some("awal"));
    assert_eq!(r[1].verdict, Verdict::Fits);
    assert!(r[1].cut_off_after.is_empty());

    // The same without the cut: the whole procedure is judged (and fits).
    let whole = text
        .replace(
            "terpotong \"Sisa prosedur tidak diterbitkan\"",
            "lanjut terbit_",
        )
        .replace(
            "selesai ditolak \"Ditolak\"",
            "selesai ditolak \"Ditolak\"\n  selesai terbit_ \"Terbit\"",
        );
    assert_eq!(reports(&whole)[0].verdict, Verdict::Fits);

    // A case that gets there is finished where the table stops, and says so.
    let project = common::load_text(&text);
    let standard = &project.standards()[0];
    let ctx = standard.context("terbit").expect("procedure");
    let at = |s: &str| -> jiff::Timestamp { s.parse().expect("instant") };
    let (mut case, _) =
        sopan::Case::open(&ctx, "C-1", at("2026-03-02T08:00:00+07:00")).expect("opens");
    for (step, outcome, t) in [
        ("daftar", None, "2026-03-02T08:10:00+07:00"),
        ("periksa", Some("lengkap"), "2026-03-02T09:10:00+07:00"),
        ("proses", None, "2026-03-03T09:10:00+07:00"),
    ] {
        let mut e = sopan::Event::done(step, at(t));
        if let Some(o) = outcome {
            e = e.outcome(o);
        }
        case.apply(&ctx, e).expect("applies");
    }
    let status = case
        .status(&ctx, at("2026-03-04T09:00:00+07:00"))
        .expect("status");
    assert!(status.finished);
    assert!(status.cut_off);
    assert_eq!(status.terminal.as_deref(), Some("terpotong"));
    let json = serde_json::to_value(&status).expect("json");
    assert_eq!(json["cut_off"], serde_json::json!(true));
}
