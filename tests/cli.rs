//! The real binary: exit codes, output streams, the JSON document, export.

use std::path::PathBuf;
use std::process::{Command, Output};

fn sopan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch copy of the Pekanbaru standards with `edit` applied to the licence file.
fn broken_copy(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-cli-{}-{name}", std::process::id()));
    let pk = dir.join("standards/pekanbaru");
    std::fs::create_dir_all(&pk).expect("scratch dir");
    for f in [
        "dpmptsp.sop",
        "izin_praktik_dokter.sop",
        "pekanbaru.kalender.yaml",
    ] {
        let src =
            std::fs::read_to_string(format!("standards/pekanbaru/{f}")).expect("shipped file");
        let out = if f == "izin_praktik_dokter.sop" {
            edit(src)
        } else {
            src
        };
        std::fs::write(pk.join(f), out).expect("scratch file");
    }
    let national = dir.join("standards/nasional.kalender.yaml");
    std::fs::copy("standards/nasional.kalender.yaml", national).expect("national calendar");
    dir.join("standards")
}

#[test]
fn check_of_the_shipped_standards_exits_0_and_warns_on_stderr() {
    let out = sopan(&["check", "standards"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "human output goes to stderr");
    let err = text(&out.stderr);
    // The staffing warning of the source is allowed with its reason; advice remains.
    assert!(!err.contains("sop::staffing-mismatch"), "{err}");
    assert!(err.contains("sop::budget-unknown"), "{err}");
    assert!(err.contains("peringatan: 0"), "{err}");
}

#[test]
fn deny_warnings_turns_a_warning_into_exit_1_and_allowed_ones_do_not_count() {
    let shipped = sopan(&["check", "--deny-warnings", "standards"]);
    assert_eq!(shipped.status.code(), Some(0), "{}", text(&shipped.stderr));
    let dir = broken_copy("deny", |s| {
        s.replace(
            "// izinkan sop::staffing-mismatch",
            "// catatan: sop::staffing-mismatch",
        )
    });
    let out = sopan(&[
        "check",
        "--deny-warnings",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("6 peran internal"));
}

#[test]
fn json_lists_every_error_with_lines_that_point_at_the_broken_text() {
    let dir = broken_copy("json", |s| {
        s.replace("oleh back_office", "oleh back_ofice")
            .replace("waktu 20 menit", "waktu 20 mnt")
            .replace("lengkap       -> cek_simple", "lengkap       -> cek_simpel")
    });
    let out = sopan(&[
        "check",
        "--format",
        "json",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "json mode writes only stdout: {}",
        text(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["files"], 4, "two .sop files and two calendar files");
    assert_eq!(doc["errors"], 3);
    assert_eq!(doc["warnings"], 0, "the staffing warning is allowed");
    let suppressed = doc["suppressed"].as_array().expect("an array");
    // The staffing warning, and the complaint answers whose step times the source omits.
    assert_eq!(suppressed.len(), 4);
    let staffing = suppressed
        .iter()
        .find(|d| d["code"] == "sop::staffing-mismatch")
        .expect("the staffing warning is listed");
    assert!(staffing["reason"]
        .as_str()
        .is_some_and(|r| r.contains("ditulis sesuai sumber")));
    let source =
        std::fs::read_to_string(dir.join("pekanbaru/izin_praktik_dokter.sop")).expect("copy");
    let lines: Vec<&str> = source.lines().collect();
    let diags = doc["diagnostics"].as_array().expect("an array");
    for (code, needle) in [
        ("sop::undefined-name", "back_ofice"),
        ("sop::unknown-unit", "mnt"),
        ("sop::undefined-name", "cek_simpel"),
    ] {
        let hit = diags.iter().find(|d| {
            let line = d["line"].as_u64().unwrap_or(0) as usize;
            d["code"] == code
                && lines
                    .get(line.wrapping_sub(1))
                    .is_some_and(|l| l.contains(needle))
        });
        assert!(
            hit.is_some(),
            "no {code} pointing at `{needle}`: {diags:#?}"
        );
    }
    for d in diags {
        for key in [
            "file",
            "code",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(["error", "warning", "advice"].contains(&d["severity"].as_str().unwrap_or("")));
    }
}

#[test]
fn messages_follow_the_lang_flag() {
    let dir = broken_copy("lang", |s| s.replace("oleh back_office", "oleh back_ofice"));
    let path = dir.to_str().expect("utf-8 path");
    let id = text(&sopan(&["check", path]).stderr);
    let en = text(&sopan(&["check", "--lang", "en", path]).stderr);
    assert!(
        id.contains("peran `back_ofice` tidak didefinisikan"),
        "{id}"
    );
    assert!(en.contains("role `back_ofice` is not defined"), "{en}");
}

#[test]
fn usage_and_io_problems_exit_2() {
    assert_eq!(sopan(&["check", "no/such/folder"]).status.code(), Some(2));
    assert_eq!(
        sopan(&["check", "--format", "xml", "standards"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(sopan(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn export_prints_the_licence_procedure_as_json_and_yaml() {
    let out = sopan(&[
        "export",
        "standards/pekanbaru/izin_praktik_dokter.sop",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let procs = doc["procedures"].as_array().expect("procedures");
    let licence = procs
        .iter()
        .find(|p| p["id"] == "penerbitan")
        .expect("penerbitan");
    assert_eq!(licence["start"], "informasi");
    assert_eq!(licence["steps"].as_array().map(Vec::len), Some(9));
    assert_eq!(licence["steps"][1]["outcomes"]["lengkap"], "cek_simple");
    assert_eq!(licence["steps"][6]["duration"]["unit"], "working_day");
    assert_eq!(licence["budget"]["duration"]["max"], 2);
    let yaml = sopan(&[
        "export",
        "standards/pekanbaru/izin_praktik_dokter.sop",
        "--format",
        "yaml",
    ]);
    assert_eq!(yaml.status.code(), Some(0));
    let value: serde_json::Value = serde_yaml::from_slice(&yaml.stdout).expect("YAML");
    assert_eq!(value["procedures"], doc["procedures"]);
}

#[test]
fn export_of_a_broken_standard_prints_diagnostics_and_exits_1() {
    let dir = broken_copy("export", |s| {
        s.replace("oleh back_office", "oleh back_ofice")
    });
    let file = dir.join("pekanbaru/izin_praktik_dokter.sop");
    let out = sopan(&["export", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("sop::undefined-name"));
}

fn sopan_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Feed stdin from another thread: the child's output must be read while it is written.
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().expect("finishes");
    let _ = feeder.join();
    out
}

#[test]
fn calendar_due_on_the_pekanbaru_calendar() {
    let out = sopan(&[
        "calendar",
        "--calendar",
        "pekanbaru",
        "due",
        "--from",
        "2026-03-17T10:00:00+07:00",
        "--add",
        "3 hari kerja",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "2026-03-27T15:00:00+07:00");
    let national = sopan(&[
        "calendar",
        "due",
        "--from",
        "2026-03-17T10:00:00+07:00",
        "--add",
        "3 hari kerja",
    ]);
    assert!(text(&national.stdout).starts_with("2026-03-27"));
}

#[test]
fn calendar_past_its_range_is_a_clear_error() {
    let out = sopan(&[
        "calendar",
        "due",
        "--from",
        "2030-01-02T10:00:00+07:00",
        "--add",
        "3 hari kerja",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("di luar rentang kalender, 2024-01-01 sampai 2027-12-31"));
    let out = sopan(&[
        "calendar",
        "due",
        "--from",
        "2027-03-01T10:00:00+07:00",
        "--add",
        "3 hari kerja",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("sementara"));
    assert_eq!(
        sopan(&["calendar", "--calendar", "atlantis", "show", "2026"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn calendar_offset_reproduces_the_oracle() {
    let oracle =
        std::fs::read_to_string("tests/oracles/busday_offset_id_2024_2026.csv").expect("oracle");
    let input: String = oracle
        .lines()
        .map(|l| l.rsplit_once(',').map_or(l, |(head, _)| head).to_string() + "\n")
        .collect();
    let out = sopan_with_stdin(&["calendar", "offset"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got: Vec<String> = text(&out.stdout)
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = oracle
        .lines()
        .skip(1)
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(got.len(), 10_000);
    assert_eq!(got, expected);
    let bad = sopan_with_stdin(
        &["calendar", "offset"],
        b"start_date,offset_days\n2026-01-05,3\n2026-13-01,1\n",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("baris 3"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn calendar_show_lists_days_with_their_decrees() {
    let out = sopan(&["calendar", "show", "2026", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let days: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let days = days.as_array().expect("an array");
    assert_eq!(days.len(), 25, "17 holidays and 8 cuti bersama");
    assert!(days.iter().all(|d| d["source"]
        .as_str()
        .unwrap_or("")
        .contains("1497 Tahun 2025")));
}

/// The scenario files under a folder.
fn case_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .map(|p| {
                    if p.is_dir() {
                        case_files(&p)
                    } else {
                        usize::from(p.to_string_lossy().ends_with(".case.yaml"))
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn test_runs_the_shipped_scenarios_and_reports_a_failed_expectation() {
    let out = sopan(&["test", "standards"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let shipped = case_files(std::path::Path::new("standards"));
    assert!(shipped >= 8);
    assert!(
        text(&out.stdout).contains(&format!("{shipped} lolos, 0 gagal")),
        "{}",
        text(&out.stdout)
    );
    let dir = broken_copy("scenario", |s| s);
    let cases = dir.join("pekanbaru/kasus");
    std::fs::create_dir_all(&cases).expect("cases dir");
    let original = std::fs::read_to_string("standards/pekanbaru/kasus/ttd_terlambat.case.yaml")
        .expect("shipped");
    std::fs::write(
        cases.join("ttd_terlambat.case.yaml"),
        original.replace("status: breached", "status: on_track"),
    )
    .expect("scenario");
    let out = sopan(&["test", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("clock.status: diharapkan \"on_track\", ternyata \"breached\""),
        "{stdout}"
    );
    assert!(stdout.contains("0 lolos, 1 gagal"), "{stdout}");
}

#[test]
fn run_prints_the_card_and_verdict_in_both_formats() {
    let args = [
        "run",
        "standards/pekanbaru/izin_praktik_dokter.sop",
        "--case",
        "standards/pekanbaru/kasus/tidak_diambil.case.yaml",
    ];
    let human = sopan(&args);
    assert_eq!(human.status.code(), Some(0));
    let text_out = text(&human.stdout);
    assert!(
        text_out.contains("kartu kendali:")
            && text_out.contains("jangka waktu \"Jangka waktu penyelesaian\": selesai"),
        "{text_out}"
    );
    assert!(
        text_out.contains("tindakan: surat kepada Pemohon pada 2026-04-03 09:00"),
        "{text_out}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json = sopan(&json_args);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    for key in [
        "case",
        "standard",
        "version",
        "procedure",
        "state",
        "clock",
        "clocks",
        "card",
        "actions",
    ] {
        assert!(doc.get(key).is_some(), "{key} missing");
    }
    assert_eq!(doc["state"]["holders"][0], "front_office");
    assert_eq!(doc["card"][6]["step"], "ttd");
}

#[test]
fn skm_computes_the_index_and_names_bad_cells() {
    let out = sopan(&[
        "skm",
        "standards/pekanbaru/izin_praktik_dokter.sop",
        "--responses",
        "standards/pekanbaru/survei/contoh_skm.csv",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for key in [
        "respondents",
        "nrr",
        "index",
        "index_100",
        "grade",
        "label",
        "follow_up",
    ] {
        assert!(doc.get(key).is_some(), "{key} missing");
    }
    assert_eq!(doc["index_100"], 75.69);
    assert_eq!(doc["grade"], "C");
    assert_eq!(doc["follow_up"]["fires"], true);
    let dir = std::env::temp_dir().join(format!("sopan-skm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "4,3,2,4,3,3,3,3,3\n4,3,2,4,0,3,3,3,3\n").expect("csv");
    let out = sopan(&[
        "skm",
        "standards/pekanbaru/izin_praktik_dokter.sop",
        "--responses",
        bad.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("baris 2, kolom 5"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn graph_draws_one_procedure_or_all_and_names_the_procedures_when_one_is_unknown() {
    let licence = "standards/pekanbaru/izin_praktik_dokter.sop";
    let one = sopan(&[
        "graph",
        licence,
        "--procedure",
        "penerbitan",
        "--format",
        "dot",
    ]);
    assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
    assert!(text(&one.stdout).starts_with("digraph \"penerbitan\" {"));
    assert!(text(&one.stdout).contains("s_periksa -> r1 [label=\"tidak_lengkap\"];"));
    // Advice goes to stderr and does not stop the chart.
    let advised = sopan(&["graph", "standards/contoh/kolaka/izin_praktik_bidan.sop"]);
    assert_eq!(advised.status.code(), Some(0));
    assert!(text(&advised.stderr).contains("sop::budget-unknown"));
    assert!(text(&advised.stdout).contains("flowchart"));

    let all = sopan(&["graph", licence]);
    assert_eq!(all.status.code(), Some(0));
    let page = text(&all.stdout);
    assert_eq!(
        page.matches("```mermaid\nflowchart TB\n").count(),
        3,
        "{page}"
    );
    assert!(page.contains("## Penerbitan Izin Praktik Dokter (`penerbitan`)"));

    let unknown = sopan(&["graph", licence, "--procedure", "penerbitn"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stdout).is_empty());
    assert!(text(&unknown.stderr).contains(
        "tidak ada prosedur `penerbitn`; prosedurnya: penanganan_pengaduan, laporan_bulanan, penerbitan"
    ));
}

#[test]
fn doc_writes_the_official_document_to_stdout() {
    let out = sopan(&["doc", "standards/pekanbaru/izin_praktik_dokter.sop"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.starts_with("# Izin Praktik Dokter\n"), "{page}");
    assert!(page.contains("### 14. Evaluasi kinerja pelaksana"));
    assert!(page.contains("## SOP: Penerbitan Izin Praktik Dokter"));
    let en = sopan(&["doc", "standards/contoh/billboard_permit.sop"]);
    assert_eq!(en.status.code(), Some(0), "{}", text(&en.stderr));
    assert!(text(&en.stdout).contains("## A. Service delivery components"));
    // The agency file alone declares no service: its procedures are documented as SOPs.
    let agency = sopan(&["doc", "standards/pekanbaru/dpmptsp.sop"]);
    assert_eq!(agency.status.code(), Some(0), "{}", text(&agency.stderr));
    let page = text(&agency.stdout);
    assert!(
        page.starts_with("# Penanganan pengaduan masyarakat\n"),
        "{page}"
    );
    assert!(
        page.contains("## SOP: Laporan Pengaduan Pelayanan Publik bulanan"),
        "{page}"
    );
    assert!(!page.contains("### 1. "), "no service components: {page}");
    // A calendar is no standard: nothing to document.
    let nothing = sopan(&["doc", "standards/nasional.kalender.yaml"]);
    assert_eq!(nothing.status.code(), Some(2));
}

#[test]
fn run_refuses_a_case_written_for_another_standard() {
    let out = sopan(&[
        "run",
        "standards/pekanbaru/dpmptsp.sop",
        "--case",
        "standards/pekanbaru/kasus/pengaduan_sedang_terlambat.case.yaml",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("standards/pekanbaru/izin_praktik_dokter.sop"),
        "{}",
        text(&out.stderr)
    );
    // The agency's own case runs on the agency file, on the agency's calendar.
    let out = sopan(&[
        "run",
        "standards/pekanbaru/dpmptsp.sop",
        "--case",
        "standards/pekanbaru/kasus/pengaduan_ringan_dinas.case.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["clocks"][0]["budget_minutes"], 735);
}

#[test]
fn budget_prints_every_verdict_even_cannot_fit() {
    let dir = broken_copy("budget", |s| {
        s.replace("waktu 1 hari kerja", "waktu 3 hari kerja")
    });
    let file = dir.join("pekanbaru/izin_praktik_dokter.sop");
    let out = sopan(&[
        "budget",
        file.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a budget that cannot fit is an error"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let licence = budget_where(&doc, "procedure", "penerbitan");
    assert_eq!(licence["verdict"], "cannot_fit");
    assert_eq!(licence["shortest"]["working_days"], 3);
    assert_eq!(licence["shortest"]["minutes"], 65);
    // The longest is a real path: back to the applicant once, the file checked again.
    assert_eq!(licence["longest"]["minutes"], 85);
    let hops = licence["longest_path"].as_array().expect("the path");
    assert!(hops.iter().any(|h| h["kind"] == "returned"), "{hops:?}");
}

#[test]
fn run_refuses_a_status_before_the_last_event_or_past_the_calendar() {
    let dir = std::env::temp_dir().join(format!("sopan-now-{}", std::process::id()));
    let cases = dir.join("standards/pekanbaru/kasus");
    std::fs::create_dir_all(&cases).expect("scratch");
    for f in [
        "dpmptsp.sop",
        "izin_praktik_dokter.sop",
        "pekanbaru.kalender.yaml",
    ] {
        std::fs::copy(
            format!("standards/pekanbaru/{f}"),
            dir.join("standards/pekanbaru").join(f),
        )
        .expect("copy");
    }
    std::fs::copy(
        "standards/nasional.kalender.yaml",
        dir.join("standards/nasional.kalender.yaml"),
    )
    .expect("copy");
    let file = dir.join("standards/pekanbaru/izin_praktik_dokter.sop");
    for (name, opened, now, says) in [
        (
            "before",
            "2026-03-02T08:00:00+07:00",
            "2026-03-01T08:00:00+07:00",
            "`now`",
        ),
        (
            "past",
            "2027-12-30T08:00:00+07:00",
            "2028-01-10T08:00:00+07:00",
            "2027-12-31",
        ),
    ] {
        let case = cases.join(format!("{name}.case.yaml"));
        std::fs::write(
            &case,
            format!("standard: ../izin_praktik_dokter.sop\nprocedure: penerbitan\nopened: {opened}\nnow: {now}\n"),
        )
        .expect("case");
        let out = sopan(&[
            "run",
            file.to_str().expect("utf-8"),
            "--case",
            case.to_str().expect("utf-8"),
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stdout));
        assert!(
            text(&out.stderr).contains(says),
            "{name}: {}",
            text(&out.stderr)
        );
    }
}

/// A calendar that is read and refused exits 1, like `check` of it; only a calendar that is
/// not there to read is a usage problem (exit 2). The fuzzing regressions F06, F07 and F09.
#[test]
fn a_refused_calendar_exits_1_and_a_missing_one_2() {
    let base = "tests/regressions/2026-12-fuzz";
    for (dir, name) in [
        ("F06-calendar-alias-weekday-overlap", "dup"),
        ("F07-calendar-overflow", "year_max"),
        ("F07-calendar-overflow", "year_min"),
        ("F07-calendar-overflow", "hour_2026"),
        ("F09-slow-inputs", "widest_range"),
    ] {
        let dir = format!("{base}/{dir}");
        let out = sopan(&[
            "calendar",
            "--calendar",
            name,
            "--root",
            &dir,
            "show",
            "2026",
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
    }
    // Given by its path, each of them is read and refused the same way; so is a file that
    // is not named as a calendar.
    for path in [
        "F06-calendar-alias-weekday-overlap/dup.kalender.yaml",
        "F07-calendar-overflow/year_max.kalender.yaml",
        "F07-calendar-overflow/year_min.kalender.yaml",
        "F07-calendar-overflow/hour_2026.kalender.yaml",
        "F09-slow-inputs/widest_range.kalender.yaml",
        "mutation/cal-panic_fuzz_src_src_calendar_arith_rs_145_22-de314b5c.min.bin",
    ] {
        let path = format!("{base}/{path}");
        let out = sopan(&["calendar", "--calendar", &path, "show", "2026"]);
        assert_eq!(out.status.code(), Some(1), "{path}: {}", text(&out.stderr));
    }
    let out = sopan(&[
        "calendar",
        "--calendar",
        "tidak_ada",
        "--root",
        "standards",
        "show",
        "2026",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// Every command is described in English under `--lang en`: no line of the command list is
/// the same in both languages.
#[test]
fn every_command_has_an_english_description() {
    let lines = |lang: &str| -> Vec<String> {
        let out = sopan(&["--lang", lang, "--help"]);
        text(&out.stdout)
            .lines()
            .filter(|l| l.starts_with("  ") && !l.trim_start().starts_with('-'))
            .map(|l| l.trim().to_string())
            .collect()
    };
    let (id, en) = (lines("id"), lines("en"));
    assert!(id.len() >= 15, "{id:?}");
    let same: Vec<&String> = en.iter().filter(|l| id.contains(l)).collect();
    assert!(same.is_empty(), "not translated: {same:?}");
}

/// A total with a condition (Bangkalan: one total per building class): `budget` names the
/// outcome each budget applies under, in words and in JSON, and a sum that leaves out steps
/// of unknown time is shown as a lower bound, never as the path's time.
#[test]
fn budget_says_which_condition_a_total_applies_under() {
    let file = "standards/contoh/bangkalan_imb/rekomendasi_imb.sop";
    let out = sopan(&["budget", file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let human = text(&out.stdout);
    let line = human
        .lines()
        .find(|l| l.contains("sederhana 2 lantai"))
        .expect("the two-floor budget");
    assert!(
        line.contains(
            "anggaran 3 hari kerja, berlaku bila `periksa` selesai dengan `sederhana_2_lantai`"
        ),
        "{line}"
    );
    assert!(line.contains("jalur tercepat sedikitnya 0 menit"), "{line}");
    assert!(!line.contains("tercepat 0 menit"), "{line}");

    let out = sopan(&["budget", file, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let budgets = doc.as_array().expect("a list");
    assert_eq!(budgets.len(), 5);
    for (budget, outcome) in [
        ("satu_lantai", "sederhana_1_lantai"),
        ("umum_di_atas_8", "umum_atau_khusus_di_atas_8_lantai"),
    ] {
        let r = budget_where(&doc, "budget", budget);
        assert_eq!(r["applies_when"]["step"], "periksa", "{r}");
        assert_eq!(r["applies_when"]["outcome"], outcome, "{r}");
    }
    // A budget for every case carries no condition.
    let out = sopan(&[
        "budget",
        "standards/pekanbaru/izin_praktik_dokter.sop",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let licence = budget_where(&doc, "procedure", "penerbitan");
    assert!(licence.get("applies_when").is_none(), "{licence}");
    // A complaint tier's clock applies when the classification picks that tier.
    let tier = budget_where(&doc, "budget", "jawaban.ringan");
    assert_eq!(tier["applies_when"]["outcome"], "ringan", "{tier}");
}

/// The element of `budget --format json` whose `key` is `value`.
fn budget_where<'a>(doc: &'a serde_json::Value, key: &str, value: &str) -> &'a serde_json::Value {
    doc.as_array()
        .expect("a list")
        .iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no budget with {key} {value}"))
}
