//! What sopan states must be true (issue 21, DESIGN §9): instants in the standard's zone,
//! clocks that remember when they were due, the same file however its path is written.

use std::process::{Command, Output};

fn sopan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOPAN_LANG")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-truth-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

#[test]
fn run_json_carries_the_zone_offset_and_a_breached_clock_its_due() {
    let out = sopan(&[
        "run",
        "standards/contoh/izin_reklame.sop",
        "--case",
        "standards/contoh/kasus/reklame_menjelang_lebaran.case.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json = text(&out.stdout);
    // The reklame standard runs on a WITA calendar: +08:00, never UTC.
    assert!(
        json.contains("\"due\": \"2026-03-27T09:00:00+08:00\""),
        "{json}"
    );
    assert!(!json.contains("Z\""), "an instant in UTC: {json}");
    let human = sopan(&[
        "run",
        "standards/contoh/izin_reklame.sop",
        "--case",
        "standards/contoh/kasus/reklame_menjelang_lebaran.case.yaml",
    ]);
    let human = text(&human.stdout);
    assert!(human.contains("tenggat 2026-03-27 09:00 WITA"), "{human}");
    assert!(human.contains("sisa -60"), "{human}");
}

#[test]
fn complaints_csv_shows_instants_in_the_zone_and_status_in_words() {
    let args = |lang: &'static str| {
        [
            "complaints",
            "standards/pekanbaru/dpmptsp.sop",
            "--log",
            "standards/pekanbaru/pengaduan/contoh_log.csv",
            "--format",
            "csv",
            "--lang",
            lang,
        ]
    };
    let out = sopan(&args("id"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.contains("2026-03-02 09:00 WIB"), "{csv}");
    assert!(csv.contains("tepat waktu"), "{csv}");
    assert!(
        !csv.contains("T02:00:00Z") && !csv.contains("on_time"),
        "{csv}"
    );
    let en = text(&sopan(&args("en")).stdout);
    assert!(en.starts_with("row,received"), "{en}");
    assert!(en.contains("on time"), "{en}");
}

#[test]
fn a_refused_event_names_its_instants_in_the_zone() {
    let dir = scratch("backwards");
    let case = dir.join("mundur.case.yaml");
    let standard = std::fs::canonicalize("standards/contoh/izin_reklame.sop").expect("file");
    std::fs::write(
        &case,
        format!(
            "standard: {}\nprocedure: penerbitan\ncase: X\nopened: 2026-03-13T09:00:00+08:00\nevents:\n  - {{ event: done, step: daftar, at: 2026-03-13T08:00:00+08:00 }}\n",
            standard.display()
        ),
    )
    .expect("case");
    let out = sopan(&[
        "run",
        "standards/contoh/izin_reklame.sop",
        "--case",
        case.to_str().expect("utf-8"),
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("2026-03-13 08:00 WITA") && err.contains("2026-03-13 09:00 WITA"),
        "{err}"
    );
    assert!(!err.contains("Z "), "{err}");
}

#[test]
fn run_accepts_the_same_file_written_another_way() {
    let full = std::fs::canonicalize("standards/contoh/izin_reklame.sop").expect("file");
    let out = sopan(&[
        "run",
        full.to_str().expect("utf-8"),
        "--case",
        "standards/contoh/kasus/reklame_menjelang_lebaran.case.yaml",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn calendar_show_counts_only_days_that_close_a_working_day() {
    let out = sopan(&["calendar", "show", "2026", "--root", "standards"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    let mut lines = listing.lines();
    let head = lines.next().expect("the summary");
    // Recount from the list: days on Monday to Friday (the national calendar works those).
    let weekdays = lines
        .filter_map(|l| l.get(..10))
        .filter_map(|d| d.parse::<jiff::civil::Date>().ok())
        .filter(|d| d.weekday().to_monday_one_offset() <= 5)
        .count();
    assert!(
        head.contains(&format!(": {weekdays} hari tidak bekerja")),
        "{head} (days on working weekdays: {weekdays})"
    );
    assert!(listing.contains("(hari libur mingguan)"), "{listing}");
}

/// A scratch standards root holding the reklame standard, its calendars and its scenario.
fn reklame_root(name: &str) -> std::path::PathBuf {
    let dir = scratch(name).join("standards");
    std::fs::create_dir_all(dir.join("kasus")).expect("scratch");
    for f in ["izin_reklame.sop", "contoh.kalender.yaml"] {
        std::fs::copy(format!("standards/contoh/{f}"), dir.join(f)).expect("copy");
    }
    std::fs::copy(
        "standards/nasional.kalender.yaml",
        dir.join("nasional.kalender.yaml"),
    )
    .expect("copy");
    let case =
        std::fs::read_to_string("standards/contoh/kasus/reklame_menjelang_lebaran.case.yaml")
            .expect("case");
    std::fs::write(dir.join("kasus/baik.case.yaml"), case).expect("case");
    dir
}

#[test]
fn test_is_not_green_on_nothing() {
    let out = sopan(&["test", "tests/ui/mistakes/ok_dasar.sop"]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("tidak ada skenario"), "{said}");
}

#[test]
fn test_of_a_standard_runs_the_scenarios_beside_it() {
    let out = sopan(&["test", "standards/pekanbaru/izin_praktik_dokter.sop"]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains("lolos standards/pekanbaru/kasus/tepat_waktu.case.yaml"),
        "{said}"
    );
    assert!(!said.contains("0 lolos"), "{said}");
}

#[test]
fn one_bad_scenario_fails_alone_and_the_others_run() {
    let dir = reklame_root("bad-standard");
    std::fs::write(
        dir.join("kasus/salah.case.yaml"),
        "standard: ../tidak_ada.sop\nprocedure: penerbitan\ncase: X\nopened: 2026-03-13T09:00:00+08:00\nevents: []\n",
    )
    .expect("case");
    std::fs::write(
        dir.join("kasus/luar.case.yaml"),
        "standard: ../../../../../../../../etc/passwd\nprocedure: p\ncase: X\nopened: 2026-03-13T09:00:00+08:00\nevents: []\n",
    )
    .expect("case");
    let kasus = dir.join("kasus");
    let out = sopan(&["test", kasus.to_str().expect("utf-8")]);
    let said = text(&out.stdout);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}{err}");
    assert!(
        said.contains("lolos") && said.contains("baik.case.yaml"),
        "{said}"
    );
    assert!(
        said.contains("salah.case.yaml") && said.contains("tidak ada"),
        "{said}"
    );
    assert!(said.contains("di luar folder standar"), "{said}");
    // The file outside the root is never read: none of its lines reach the log.
    assert!(
        !said.contains("root:") && !err.contains("root:"),
        "{said}{err}"
    );
    assert!(said.contains("1 lolos, 2 gagal"), "{said}");
}

#[test]
fn a_scenario_with_a_yaml_mistake_is_answered_with_the_mistake() {
    let dir = reklame_root("yaml-mistake");
    let bad = dir.join("kasus/rusak.case.yaml");
    std::fs::write(
        &bad,
        "standard: ../izin_reklame.sop\nprocedure: penerbitan\nevents: [\n",
    )
    .expect("case");
    let out = sopan(&["test", bad.to_str().expect("utf-8")]);
    let said = text(&out.stdout) + &text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(!said.contains("tidak ada standar"), "{said}");
    assert!(
        said.contains("rusak.case.yaml") && said.contains("baris"),
        "{said}"
    );
}

#[test]
fn a_root_that_does_not_exist_and_a_scenario_given_to_check_are_named_as_such() {
    let out = sopan(&["check", "standards/pekanbaru", "--root", "tidak-ada"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("folder standar `tidak-ada` (`--root`) tidak ada"),
        "{err}"
    );
    assert!(!err.contains("kalender"), "{err}");
    for command in ["check", "export"] {
        let out = sopan(&[command, "standards/pekanbaru/kasus/tepat_waktu.case.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = text(&out.stderr);
        assert!(
            err.contains("adalah skenario, bukan standar"),
            "{command}: {err}"
        );
    }
}

#[test]
fn a_route_due_past_the_calendar_says_the_due_is_the_problem() {
    let out = sopan(&[
        "route",
        "standards/pekanbaru/dpmptsp.sop",
        "--channel",
        "surat",
        "--severity",
        "berat",
        "--at",
        "2027-12-30T10:00:00+07:00",
        "--fact",
        "ada_telepon=ya",
        "--fact",
        "identitas=A",
        "--fact",
        "jenis=B",
    ]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("tenggat jawaban tingkat `berat` jatuh di luar kalender"),
        "{err}"
    );
}

#[test]
fn help_is_not_english_in_indonesian_output() {
    let out = sopan(&["check", "standards"]);
    let err = text(&out.stderr);
    assert!(err.contains("  saran: "), "{err}");
    assert!(!err.contains("help:"), "{err}");
    let en = text(&sopan(&["check", "standards", "--lang", "en"]).stderr);
    assert!(en.contains("  help: "), "{en}");
}
