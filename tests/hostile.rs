//! Hostile input is normal input (issue 22): every reproduction of the December red-team
//! findings that crashed, hung, leaked or was accepted silently.

use std::io::Read;
use std::process::{Command, Stdio};

fn sopan() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sopan"));
    c.env("NO_COLOR", "1").env_remove("SOPAN_LANG");
    c
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

/// [`pekanbaru`] with the licence file's texts `from` written as `to`.
fn pekanbaru_with(name: &str, changes: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = pekanbaru(name);
    let file = dir.join("pekanbaru/izin_praktik_dokter.sop");
    let text = std::fs::read_to_string(&file).expect("read");
    let text = changes
        .iter()
        .fold(text, |text, (from, to)| text.replace(from, to));
    std::fs::write(&file, text).expect("write");
    dir
}

/// A procedure of `n` steps without a time: `n` warnings.
fn long_procedure(n: usize) -> String {
    let mut text = String::from("peran petugas \"Petugas\" internal\nprosedur p \"P\" {\n");
    for i in 0..n - 1 {
        text.push_str(&format!("  langkah s{i} \"L\" {{ oleh petugas }}\n"));
    }
    text.push_str(&format!(
        "  langkah s{} \"L\" {{ oleh petugas  lanjut ok }}\n",
        n - 1
    ));
    text.push_str("  selesai ok \"Selesai\"\n}\n");
    text
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = scratch("pipe");
    let file = dir.join("panjang.sop");
    std::fs::write(&file, long_procedure(3_000)).expect("write");
    let mut child = sopan()
        .args(["check", file.to_str().expect("utf-8"), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The reading end is dropped here: the rest of the JSON meets a closed pipe.
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101), "{err}");
}

#[test]
fn a_procedure_of_100000_steps_is_refused_by_its_limit_without_a_stack_overflow() {
    let dir = scratch("long");
    let file = dir.join("langkah.sop");
    std::fs::write(&file, long_procedure(100_000)).expect("write");
    let out = sopan()
        .args(["check", file.to_str().expect("utf-8"), "--format", "json"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("sop::too-many-steps"), "{json}");
    // One error, the limit's: the procedure was still compiled and checked whole.
    assert!(json.contains("\"errors\": 1,"), "{json}");
}

/// A scratch standards root: the Pekanbaru pair, its calendars and project file.
fn pekanbaru(name: &str) -> std::path::PathBuf {
    let dir = scratch(name).join("standards");
    std::fs::create_dir_all(dir.join("pekanbaru/kasus")).expect("scratch");
    for f in [
        "dpmptsp.sop",
        "izin_praktik_dokter.sop",
        "pekanbaru.kalender.yaml",
    ] {
        std::fs::copy(
            format!("standards/pekanbaru/{f}"),
            dir.join("pekanbaru").join(f),
        )
        .expect("copy");
    }
    for f in ["nasional.kalender.yaml", "sopan.yaml"] {
        std::fs::copy(format!("standards/{f}"), dir.join(f)).expect("copy");
    }
    dir
}

fn run(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let mut c = sopan();
    let out = c.args(args).current_dir(dir).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[cfg(unix)]
#[test]
fn links_in_the_standards_folder_neither_loop_nor_escape() {
    use std::os::unix::fs::symlink;
    let dir = pekanbaru("links");
    symlink(".", dir.join("diri")).expect("link");
    symlink("..", dir.join("pekanbaru/atas")).expect("link");
    let outside = scratch("links-outside");
    std::fs::write(
        outside.join("rahasia.sop"),
        "root:x:0:0:root:/root:/bin/bash\n",
    )
    .expect("w");
    symlink(outside.join("rahasia.sop"), dir.join("dalam.sop")).expect("link");
    symlink(&outside, dir.join("luar")).expect("link");
    std::fs::write(dir.join("pakai.sop"), "sertakan \"luar/rahasia.sop\"\n").expect("w");
    let (code, said) = run(&dir, &["check", "."]);
    // Each real file once; the link out of the root is neither walked nor included.
    assert!(!said.contains("root:x"), "{said}");
    assert!(said.contains("sop::include-escapes-root"), "{said}");
    assert_eq!(code, Some(1), "{said}");
    let files = said
        .lines()
        .find_map(|l| l.split_once(" berkas diperiksa"))
        .map(|(n, _)| n.trim().to_string())
        .expect("the summary");
    assert_eq!(files, "5", "{said}");
    // The calendar commands look a calendar up through the same links, each folder once.
    let (code, said) = run(
        &dir,
        &[
            "calendar",
            "--calendar",
            "pekanbaru",
            "--root",
            ".",
            "show",
            "2026",
        ],
    );
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("2026"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_not_read() {
    let dir = pekanbaru("fifo");
    let fifo = dir.join("pekanbaru/kasus/pipa.case.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let (code, said) = run(
        &dir,
        &[
            "run",
            "pekanbaru/izin_praktik_dokter.sop",
            "--case",
            "pekanbaru/kasus/pipa.case.yaml",
        ],
    );
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("bukan berkas biasa"), "{said}");
    let (code, said) = run(&dir, &["check", "/dev/zero"]);
    assert_eq!(code, Some(2), "{said}");
}

#[test]
fn deep_yaml_nesting_is_refused_at_once() {
    let dir = pekanbaru("yaml");
    let deep = format!(
        "standard: ../izin_praktik_dokter.sop\nprocedure: penerbitan\nopened: 2026-03-02T08:00:00+07:00\nevents: {}\n",
        "[".repeat(100_000)
    );
    std::fs::write(dir.join("pekanbaru/kasus/dalam.case.yaml"), deep).expect("w");
    let started = std::time::Instant::now();
    let (code, said) = run(
        &dir,
        &[
            "run",
            "pekanbaru/izin_praktik_dokter.sop",
            "--case",
            "pekanbaru/kasus/dalam.case.yaml",
        ],
    );
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("bersarang lebih dari 16 tingkat"), "{said}");
    // Refused before the YAML reader: well under the 20 s it took.
    assert!(started.elapsed().as_secs() < 10);
    std::fs::write(
        dir.join("sopan.yaml"),
        format!("kalender: {}\n", "[".repeat(40_000)),
    )
    .expect("w");
    let (code, said) = run(&dir, &["check", "."]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("bersarang"), "{said}");
}

#[test]
fn a_case_file_with_a_bom_or_an_unknown_event_key_is_read_as_written() {
    let dir = pekanbaru("case-keys");
    let kasus = dir.join("pekanbaru/kasus");
    std::fs::copy(
        "tests/regressions/2026-12-redteam/case-bom/bom.case.yaml",
        kasus.join("bom.case.yaml"),
    )
    .expect("copy");
    std::fs::copy(
        "tests/regressions/2026-12-redteam/case-event-unknown-fields/oleh.case.yaml",
        kasus.join("oleh.case.yaml"),
    )
    .expect("copy");
    let licence = "pekanbaru/izin_praktik_dokter.sop";
    let (code, said) = run(
        &dir,
        &["run", licence, "--case", "pekanbaru/kasus/bom.case.yaml"],
    );
    assert_eq!(code, Some(0), "{said}");
    let (code, said) = run(
        &dir,
        &["run", licence, "--case", "pekanbaru/kasus/oleh.case.yaml"],
    );
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("kolom `oleh` tidak dikenal"), "{said}");
}

fn complaints(dir: &std::path::Path, log: &str) -> (Option<i32>, String) {
    std::fs::write(dir.join("log.csv"), log).expect("write");
    run(
        dir,
        &[
            "complaints",
            "pekanbaru/dpmptsp.sop",
            "--log",
            "log.csv",
            "--format",
            "csv",
        ],
    )
}

#[test]
fn a_complaint_log_row_is_never_swallowed_ignored_or_accepted_past_the_calendar() {
    let dir = pekanbaru("log");
    let head = "diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab\n";
    // A stray quote: an error at its line, not the next complaint swallowed.
    let log =
        std::fs::read_to_string("tests/regressions/2026-12-redteam/csv-quote-swallows-row/log.csv")
            .expect("log");
    let (code, said) = complaints(&dir, &log);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("tanda kutip"), "{said}");
    // A second `diterima` column.
    let (code, said) = complaints(
        &dir,
        "diterima,saluran,bobot,identitas,jenis,ada_telepon,diterima\n2026-03-02T09:00:00+07:00,surat,sedang,A,B,ya,2026-03-03T09:00:00+07:00\n",
    );
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("ditulis dua kali"), "{said}");
    // An answer dated 9999.
    let (code, said) = complaints(
        &dir,
        &format!("{head}2026-03-02T09:00:00+07:00,surat,sedang,A,B,ya,9999-03-12T09:00:00+07:00\n"),
    );
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("di luar rentang kalender"), "{said}");
    // An offset that contradicts its zone name.
    let (code, said) = complaints(
        &dir,
        &format!("{head}2026-03-02T09:00:00+07:00[America/New_York],surat,sedang,A,B,ya,\n"),
    );
    assert_eq!(code, Some(1), "{said}");
}

#[test]
fn survey_answers_and_date_batches_keep_to_their_columns() {
    let dir = pekanbaru("skm");
    std::fs::write(
        dir.join("skm.csv"),
        "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,3,2,4,3,3,3,3,3,4\n",
    )
    .expect("write");
    let (code, said) = run(
        &dir,
        &[
            "skm",
            "pekanbaru/izin_praktik_dokter.sop",
            "--responses",
            "skm.csv",
        ],
    );
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("baris 2"), "{said}");
    for (input, wanted) in [
        ("2026-03-02,1,9\n", "dua kolom"),
        ("2026-03-02T08:00,1\n", "bukan tanggal"),
    ] {
        let mut child = sopan()
            .args(["calendar", "offset", "--root", "standards"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        use std::io::Write as _;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{input}");
        assert!(err.contains(wanted), "{input}: {err}");
    }
}

#[test]
fn markup_in_a_standard_is_shown_as_text_in_the_document() {
    let dir = pekanbaru_with(
        "doc",
        &[(
            "\"Izin Praktik Dokter\" {",
            "\"Izin Praktik Dokter <script>alert(1)</script> & <b>\" {",
        )],
    );
    let (code, said) = run(&dir, &["doc", "pekanbaru/izin_praktik_dokter.sop"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(!said.contains("<script>"), "{said}");
    assert!(
        said.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"),
        "{said}"
    );
    // The document's own line breaks are still tags.
    assert!(said.contains("<br>"), "{said}");
}

/// Markdown's marks in the text of a standard (`*`, backticks, brackets, a bar, a backslash)
/// are the text's own: escaped in the Markdown, shown as written in the HTML and the Word file
/// read from it, in a heading, in a table cell and in a role name.
/// The licence's document in `dir` as Markdown and as HTML (each command must succeed).
fn licence_documents(dir: &std::path::Path) -> (String, String) {
    let licence = "pekanbaru/izin_praktik_dokter.sop";
    let (code, md) = run(dir, &["doc", licence]);
    assert_eq!(code, Some(0), "{md}");
    let (code, html) = run(dir, &["doc", licence, "--format", "html"]);
    assert_eq!(code, Some(0), "{html}");
    (md, html)
}

#[test]
fn a_text_that_starts_like_a_markdown_block_is_a_paragraph() {
    // Texts written at the start of a line of the document: the complaint policy's title (a
    // paragraph) and a list item (a channel).
    let dir = pekanbaru("blocks");
    let agency = dir.join("pekanbaru/dpmptsp.sop");
    let text = std::fs::read_to_string(&agency).expect("read");
    let text = text
        .replacen(
            "\"Penanganan Pengaduan, Saran dan Masukan\"",
            "\"# Penanganan Pengaduan\"",
            1,
        )
        .replacen("\"Email\"", "\"1. Email\"", 1);
    std::fs::write(&agency, text).expect("write");
    let (md, html) = licence_documents(&dir);
    assert!(md.contains("\n\\# Penanganan Pengaduan\n"), "{md}");
    assert!(md.contains("- 1\\. Email → 1\\. Email\n"), "{md}");
    assert!(html.contains("<p># Penanganan Pengaduan</p>"), "{html}");
    assert!(html.contains("<li>1. Email → 1. Email</li>"), "{html}");
}

#[test]
fn markdown_marks_in_a_standard_are_shown_as_written() {
    let dir = pekanbaru_with(
        "marks",
        &[
            (
                "\"Izin Praktik Dokter\" {",
                "\"Izin *Praktik* `Dokter` [SIP] a|b \\\\ c\" {",
            ),
            (
                "\"Petugas menerima dan memeriksa berkas permohonan izin dari pemohon\"",
                "\"Petugas menerima berkas *asli* | [salinan]\"",
            ),
        ],
    );
    let title = "Izin *Praktik* `Dokter` [SIP] a|b \\ c";
    let (md, html) = licence_documents(&dir);
    assert!(
        md.contains("# Izin \\*Praktik\\* \\`Dokter\\` \\[SIP\\] a\\|b \\\\ c\n"),
        "{md}"
    );
    assert!(
        md.contains("| Petugas menerima berkas \\*asli\\* \\| \\[salinan\\] |"),
        "{md}"
    );
    assert!(html.contains(&format!("<h1>{title}</h1>")), "{html}");
    assert!(
        html.contains("<td>Petugas menerima berkas *asli* | [salinan]</td>"),
        "{html}"
    );
    assert!(!html.contains("<em>asli"), "{html}");
    let out = dir.join("izin.docx");
    let (code, said) = run(
        &dir,
        &[
            "doc",
            "pekanbaru/izin_praktik_dokter.sop",
            "--format",
            "docx",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert_eq!(code, Some(0), "{said}");
    let word = String::from_utf8_lossy(&std::fs::read(&out).expect("written")).into_owned();
    assert!(
        word.contains("Petugas menerima berkas *asli* | [salinan]"),
        "a cell as written"
    );
    assert!(word.contains(title), "the heading as written");
}

#[test]
fn an_officer_name_with_a_terminal_escape_is_refused() {
    let dir = pekanbaru("esc");
    std::fs::write(
        dir.join("pekanbaru/kasus/esc.case.yaml"),
        "standard: ../izin_praktik_dokter.sop\nprocedure: penerbitan\nopened: 2026-03-02T08:00:00+07:00\nevents:\n  - { event: done, step: informasi, by: \"fo\\e[31m\", at: 2026-03-02T08:05:00+07:00 }\n",
    )
    .expect("write");
    let (code, said) = run(
        &dir,
        &[
            "run",
            "pekanbaru/izin_praktik_dokter.sop",
            "--case",
            "pekanbaru/kasus/esc.case.yaml",
        ],
    );
    assert_eq!(code, Some(1), "{said}");
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(said.contains("`by` berisi karakter kendali"), "{said}");
}

#[test]
fn bad_values_are_refused_not_dropped() {
    let dir = pekanbaru("values");
    let file = dir.join("pekanbaru/izin_praktik_dokter.sop");
    let text = std::fs::read_to_string(&file).expect("read");
    for (from, to, wanted) in [
        (
            "biaya 0 \"Tidak dipungut biaya\"",
            "biaya 99999999999999999999 \"x\"",
            "sop::invalid-number",
        ),
        (
            "biaya 0 \"Tidak dipungut biaya\"",
            "biaya -5000 \"x\"",
            "sop::invalid-number",
        ),
        (
            "  versi \"2024.1\"",
            "  versi \"2024.1\"\n  berlaku 0000-01-01",
            "sop::invalid-date",
        ),
    ] {
        std::fs::write(&file, text.replace(from, to)).expect("write");
        let (code, said) = run(&dir, &["check", "pekanbaru/izin_praktik_dokter.sop"]);
        assert_eq!(code, Some(1), "{to}: {said}");
        assert!(said.contains(wanted), "{to}: {said}");
    }
    std::fs::write(&file, text).expect("write");
    // A calendar with no working hours, or named otherwise than its file.
    for (dir_name, wanted) in [
        (
            "tests/regressions/2026-12-redteam/calendar-without-hours",
            "sop::no-working-hours",
        ),
        ("tests/ui/calendar/calendar_name.sop", "sop::calendar-name"),
    ] {
        let out = sopan().args(["check", dir_name]).output().expect("runs");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{dir_name}: {said}");
        assert!(said.contains(wanted), "{dir_name}: {said}");
    }
    // Facts that are not the policy's, or given twice.
    let route = |facts: &[&str]| {
        let mut args = vec![
            "route",
            "pekanbaru/dpmptsp.sop",
            "--channel",
            "surat",
            "--severity",
            "berat",
        ];
        for f in facts {
            args.extend(["--fact", f]);
        }
        run(&dir, &args)
    };
    let (code, said) = route(&["ada_telpon=ya"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("tidak dikenal"), "{said}");
    let (code, said) = route(&["ada_telepon=ya", "ada_telepon=tidak"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("dua kali"), "{said}");
    // Nothing to check is not a pass.
    let empty = scratch("empty");
    let named = scratch("named.sop");
    for d in [&empty, &named] {
        let out = sopan().arg("check").arg(d).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{d:?}");
    }
}

/// A folder holding only a calendar file is checked like any folder: the calendar's errors
/// are reported (exit 1), not "no standard here" (exit 2). Every regression calendar, as the
/// pre-stop hook checks it: copied alone into a folder as `x.kalender.yaml`.
#[test]
fn a_folder_of_only_a_calendar_is_checked() {
    let mut seen = 0;
    let mut stack = vec![std::path::PathBuf::from("tests/regressions/2026-12-fuzz")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("regressions") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let head: Vec<u8> = std::fs::read(&path)
                .expect("read")
                .into_iter()
                .take(400)
                .collect();
            let head = String::from_utf8_lossy(&head);
            let name = path.to_string_lossy().to_string();
            if !(head.contains("zona:") || head.contains("berlaku:"))
                || name.ends_with(".txt")
                || name.ends_with(".md")
            {
                continue;
            }
            let folder = scratch(&format!("only-calendar-{seen}"));
            std::fs::copy(&path, folder.join("x.kalender.yaml")).expect("copy");
            let out = sopan()
                .arg("check")
                .arg(&folder)
                .args(["--format", "json"])
                .output()
                .expect("runs");
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{name}: {:?} {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            );
            seen += 1;
        }
    }
    assert!(seen >= 6, "only {seen} regression calendars found");
}

#[test]
fn a_case_or_complaint_in_a_year_not_yet_decreed_is_warned_about() {
    let dir = pekanbaru("provisional");
    std::fs::write(
        dir.join("pekanbaru/kasus/2027.case.yaml"),
        "standard: ../izin_praktik_dokter.sop\nprocedure: penerbitan\nopened: 2027-03-02T08:00:00+07:00\nevents:\n  - { event: done, step: informasi, by: fo, at: 2027-03-02T08:05:00+07:00 }\n",
    )
    .expect("write");
    let (code, said) = run(
        &dir,
        &[
            "run",
            "pekanbaru/izin_praktik_dokter.sop",
            "--case",
            "pekanbaru/kasus/2027.case.yaml",
        ],
    );
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("belum ditetapkan"), "{said}");
    let (code, said) = complaints(
        &dir,
        "diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab\n2027-03-02T09:00:00+07:00,surat,sedang,A,B,ya,\n",
    );
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("belum ditetapkan"), "{said}");
}

#[test]
fn a_report_draws_at_most_its_limit_of_diagnostics_and_counts_the_rest() {
    let dir = scratch("many");
    let file = dir.join("peran.sop");
    let roles = "peran a \"A\" internal\n".repeat(601);
    std::fs::write(&file, roles).expect("write");
    let out = sopan()
        .args(["check", file.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
    let limit = sopan::source::limits::MAX_DIAGNOSTICS_SHOWN;
    let drawn = text.lines().filter(|l| l.starts_with("sop::")).count();
    assert_eq!(drawn, limit);
    // 600 roles named again, and the role never used.
    assert!(
        text.contains(&format!(
            "dan {} masalah lain tidak ditampilkan",
            601 - limit
        )),
        "{}",
        &text[text.len().saturating_sub(600)..]
    );
    // Machines get them all.
    let json = sopan()
        .args(["check", file.to_str().expect("utf-8"), "--format", "json"])
        .output()
        .expect("runs");
    let json = String::from_utf8_lossy(&json.stdout);
    assert_eq!(json.matches("sop::duplicate-name").count(), 600);
}

#[test]
fn the_quick_hidden_character_scan_agrees_with_every_character() {
    use sopan::source::{has_hidden_character, hidden_character};
    // Every character alone, and between plain ASCII and a multi-byte neighbour, so that a
    // character is found wherever it starts.
    for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
        let alone = c.to_string();
        assert_eq!(has_hidden_character(&alone), hidden_character(c), "{c:?}");
        let inside = format!("ab — {c}é\n");
        assert_eq!(
            has_hidden_character(&inside),
            hidden_character(c),
            "{inside:?}"
        );
    }
    assert!(!has_hidden_character(""));
    assert!(!has_hidden_character(
        "langkah a \"Terima — berkas\" {\n\toleh fo\r\n}"
    ));
}
