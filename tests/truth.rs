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
