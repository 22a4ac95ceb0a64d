//! The binary's documents, drawings and audit: `doc --format html|docx`, `graph --format svg`
//! with `--out`, and `audit` in its three formats, from CSV and JSON Lines, with a bad header.

use std::process::{Command, Output};

const LICENCE: &str = "standards/pekanbaru/izin_praktik_dokter.sop";

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

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-out-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

#[test]
fn doc_writes_html_and_word_with_the_same_content() {
    let html = sopan(&["doc", LICENCE, "--format", "html"]);
    assert_eq!(html.status.code(), Some(0), "{}", text(&html.stderr));
    let page = text(&html.stdout);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "no script");
    // No address outside the file but the SVG namespace.
    assert_eq!(
        page.matches("http").count(),
        page.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(!page.contains("<link"), "nothing fetched");
    assert!(page.contains("<table class=\"sop\">"));
    assert!(page.contains("class=\"sopan-flowchart\""));
    assert!(page.contains("@page sop { size: A4 landscape;"));
    // The agency and version in the page margins, as CSS strings.
    assert!(page.contains("@top-left { content: \"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Pekanbaru\"; }"));

    let dir = scratch("doc");
    let path = dir.join("izin.docx");
    let path = path.to_string_lossy();
    let word = sopan(&["doc", LICENCE, "--format", "docx", "--out", &path]);
    assert_eq!(word.status.code(), Some(0), "{}", text(&word.stderr));
    let bytes = std::fs::read(&*path).expect("written");
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    // The package's document part, stored: the SOP table's step text is in it as a cell.
    let body = String::from_utf8_lossy(&bytes);
    assert!(body.contains("word/document.xml") && body.contains("<w:tbl>"));
    // The agency and the version at the top of every page, as in the HTML.
    assert!(body.contains("word/header1.xml") && body.contains(">Versi 2024.1</w:t>"));
    assert!(body.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"));
    assert!(body.contains("Petugas menerima dan memeriksa berkas permohonan izin dari pemohon"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A published SOP table that names no performer (Medan's incoming-letter SOP) has no
/// Pelaksana columns, and so no Pelaksana heading: the heading spanned no column (HTML
/// `colspan="0"`, Word `gridSpan` 0, which LibreOffice read as an extra cell) and pushed the
/// table's heading a column past its body.
#[test]
fn an_sop_table_without_performers_has_no_performers_heading() {
    const MEDAN: &str = "standards/contoh/medan_sei_putih_timur/surat_masuk.sop";
    let html = sopan(&["doc", MEDAN, "--format", "html"]);
    assert_eq!(html.status.code(), Some(0), "{}", text(&html.stderr));
    let page = text(&html.stdout);
    assert!(page.contains("<table class=\"sop\">"));
    assert!(!page.contains("colspan=\"0\""));
    let head = page
        .split("<table class=\"sop\">")
        .nth(1)
        .unwrap_or_default();
    let head = head.split("</thead>").next().unwrap_or_default();
    assert!(!head.contains("Pelaksana"), "{head}");
    // Six columns as the body has them: No, Kegiatan, the Mutu Baku three and Keterangan.
    assert_eq!(head.matches("<col ").count(), 6, "{head}");

    let dir = scratch("no-performers");
    let path = dir.join("surat.docx");
    let path = path.to_string_lossy();
    let word = sopan(&["doc", MEDAN, "--format", "docx", "--out", &path]);
    assert_eq!(word.status.code(), Some(0), "{}", text(&word.stderr));
    let body = text(&std::fs::read(&*path).expect("written"));
    assert!(!body.contains("<w:gridSpan w:val=\"0\"/>"));
    let sop = body.split("<w:tbl>").nth(2).unwrap_or_default();
    let grid = sop.split("</w:tblGrid>").next().unwrap_or_default();
    assert_eq!(grid.matches("<w:gridCol ").count(), 6, "{grid}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn graph_draws_svg_one_file_per_procedure_or_stacked() {
    let dir = scratch("graph");
    let out = dir.to_string_lossy();
    let run = sopan(&["graph", LICENCE, "--format", "svg", "--out", &out]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("listed")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "laporan_bulanan.svg",
            "penanganan_pengaduan.svg",
            "penerbitan.svg"
        ]
    );
    let one = std::fs::read_to_string(dir.join("penerbitan.svg")).expect("read");
    roxmltree::Document::parse(&one).expect("one valid SVG document");
    let stacked = sopan(&["graph", LICENCE, "--format", "svg"]);
    let stacked = text(&stacked.stdout);
    let doc = roxmltree::Document::parse(&stacked).expect("stacked is one valid document");
    let charts = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("sopan-flowchart"))
        .count();
    assert_eq!(charts, 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn audit_reads_csv_and_json_lines_and_refuses_a_header_it_cannot_read() {
    let dir = scratch("audit");
    let csv = dir.join("log.csv");
    std::fs::write(
        &csv,
        "case,event,step,outcome,by,at\n\
         A,done,informasi,,fo-01,2026-03-02T08:05:00+07:00\n\
         A,done,periksa,lengkap,fo-01,2026-03-02T08:30:00+07:00\n\
         B,done,informasi,,fo-01,2026-03-02T09:00:00+07:00\n\
         B,done,verifikasi,,fo-01,2026-03-02T09:10:00+07:00\n",
    )
    .expect("written");
    let csv = csv.to_string_lossy();
    let human = sopan(&["audit", LICENCE, "--log", &csv]);
    assert_eq!(human.status.code(), Some(0), "{}", text(&human.stderr));
    let report = text(&human.stdout);
    assert!(
        report.contains("Baris tidak diterima: 1 (1 kasus disisihkan)"),
        "{report}"
    );
    assert!(report.contains("baris 5 [B]:"), "{report}");

    let json = sopan(&["audit", LICENCE, "--log", &csv, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["cases"], 1);
    assert_eq!(value["events"], 2);
    assert_eq!(value["bad_rows"][0]["line"], 5);

    let jsonl = dir.join("log.jsonl");
    std::fs::write(
        &jsonl,
        "{\"case\":\"A\",\"event\":\"done\",\"step\":\"informasi\",\"by\":\"fo-01\",\"at\":\"2026-03-02T08:05:00+07:00\"}\n\
         {\"case\":\"A\",\"event\":\"done\",\"step\":\"periksa\",\"outcome\":\"lengkap\",\"at\":\"2026-03-02T08:30:00+07:00\"}\n\
         {\"kasus\":\"C\"}\n",
    )
    .expect("written");
    let jsonl = jsonl.to_string_lossy();
    let json = sopan(&["audit", LICENCE, "--log", &jsonl, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(
        (value["cases"].as_u64(), value["events"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(value["bad_rows"][0]["line"], 3);

    let html = sopan(&["audit", LICENCE, "--log", &csv, "--format", "html"]);
    let page = text(&html.stdout);
    assert!(page.starts_with("<!DOCTYPE html>") && page.matches("<svg").count() == 2);

    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "kasus,kejadian,waktu\nA,done,2026-03-02T08:05:00+07:00\n",
    )
    .expect("written");
    let refused = sopan(&["audit", LICENCE, "--log", &bad.to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("`kejadian`"),
        "{}",
        text(&refused.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
