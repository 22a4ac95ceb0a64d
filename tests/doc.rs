//! The official document: the 14 components in order, every step in its SOP table, gaps shown,
//! and the Pekanbaru document pinned by a snapshot.

mod common;

use sopan::diag::Lang;
use sopan::project::{Entry, Project};
use sopan::render::doc::markdown;

fn licence() -> Project {
    let entry = Entry {
        path: "standards/pekanbaru/izin_praktik_dokter.sop".into(),
        root: "standards".into(),
    };
    Project::load(&sopan::source::loader::FsLoader, &[entry]).expect("loads")
}

#[test]
fn the_pekanbaru_document() {
    let project = licence();
    let s = &project.standards()[0];
    insta::assert_snapshot!(markdown(s.model(), s.machines(), 0, Lang::Id));
}

#[test]
fn components_come_in_the_regulation_order_and_every_step_has_a_row() {
    let project = sopan::load_dir("standards").expect("loads");
    for s in project.standards() {
        for (i, svc) in s.model().services.iter().enumerate() {
            let lang = if project.is_english(s.root()) {
                Lang::En
            } else {
                Lang::Id
            };
            let page = markdown(s.model(), s.machines(), i, lang);
            let mut at = 0;
            for n in 1..=14 {
                let heading = format!("\n### {n}. ");
                let found = page[at..]
                    .find(&heading)
                    .unwrap_or_else(|| panic!("{}: component {n} after the one before", svc.id));
                at += found + heading.len();
            }
            for p in &svc.procedures {
                let proc = &s.model().procedures[*p];
                assert!(page.contains(&format!("<a id=\"sop-{}\"></a>", proc.id.replace('_', "-"))));
                for step in &proc.steps {
                    assert!(
                        page.lines()
                            .any(|l| l.starts_with("| ") && l.contains(&step.title)),
                        "{}: step {} has a table row",
                        svc.id,
                        step.id
                    );
                }
            }
            assert_eq!(
                page.matches("```mermaid\n").count(),
                page.matches("<a id=\"sop-").count(),
                "one flowchart per SOP"
            );
        }
    }
}

#[test]
fn a_component_not_written_is_shown_as_missing() {
    let project = common::load_text(
        r#"
peran petugas "Petugas | loket" internal
layanan contoh "Layanan contoh" {
  kalender nasional
  persyaratan "Surat permohonan"
  biaya 150000 "Sesuai perda"
  prosedur p "Prosedur" {
    langkah periksa "Periksa berkas" { oleh petugas  waktu 20 menit  lanjut akhir }
    selesai akhir "Selesai"
  }
}
"#,
    );
    let s = &project.standards()[0];
    let page = markdown(s.model(), s.machines(), 0, Lang::Id);
    assert!(
        page.contains("### 1. Persyaratan\n\n- Surat permohonan\n"),
        "{page}"
    );
    assert!(
        page.contains("### 4. Biaya/tarif\n\nRp 150.000 — Sesuai perda\n"),
        "{page}"
    );
    assert!(
        page.contains("### 7. Dasar hukum\n\n*Belum ditulis.*\n"),
        "{page}"
    );
    // A bar in a role title cannot break the table.
    assert!(
        page.contains("| No | Kegiatan | Petugas \\| loket |"),
        "{page}"
    );
    let en = markdown(s.model(), s.machines(), 0, Lang::En);
    assert!(
        en.contains("### 7. Legal basis\n\n*Not written.*\n"),
        "{en}"
    );
}

fn one(path: &str) -> Project {
    common::load(path, "standards")
}

/// An SOP published without a standard: its own page, with the agency, lettered numbers kept,
/// an unnumbered step shown as such and named in words where a branch leads to it.
#[test]
fn an_agency_sop_without_a_service_is_documented() {
    let project = one("standards/contoh/labuhanbatu/surat_izin_apotek.sop");
    let s = &project.standards()[0];
    assert!(s.model().services.is_empty());
    let standalone = sopan::render::doc::standalone_procedures(s.model());
    assert_eq!(standalone.len(), 1);
    let page =
        sopan::render::doc::procedure_markdown(s.model(), s.machines(), standalone[0], Lang::Id);
    assert!(page.contains("| c.3 | Anggota tim teknis memeriksa"));
    assert!(page.contains("| – | Anggota tim teknis melaksanakan pemeriksaan lapangan"));
    assert!(
        !page.contains("Bila Bila"),
        "a condition opening with `Bila` is not doubled"
    );
    insta::assert_snapshot!(page);
}

/// Stages with their own time open rows of their own; the stage times are component 3, and
/// the deemed approval is written under them.
#[test]
fn stages_and_their_escalations_are_documented() {
    let project = one("standards/contoh/pelalawan/izin_apotek.sop");
    let s = &project.standards()[0];
    let page = markdown(s.model(), s.machines(), 0, Lang::Id);
    assert!(page.contains("| | **Tahap Notifikasi pemenuhan komitmen** |"));
    let three = page.find("### 3. ").expect("component 3");
    let four = page.find("### 4. ").expect("component 4");
    assert!(page[three..four].contains("paling lama 6 hari"));
    assert!(page.contains("- bila waktunya terlampaui: permohonan dianggap disetujui"));
    assert_eq!(
        page.matches("*Belum ditulis.*").count(),
        8,
        "components 7-14"
    );
    insta::assert_snapshot!(page);
}

/// An agency's SOP carries its own identity page: written in the procedure, printed above its
/// table, with the legal basis the page names; a number left blank in the source stays out.
#[test]
fn an_agency_sop_has_its_own_identity_page() {
    let project = one("standards/contoh/medan_sei_putih_timur/surat_masuk.sop");
    let s = &project.standards()[0];
    assert!(s.model().services.is_empty());
    let proc = &s.model().procedures[0];
    let id = proc
        .sop
        .as_ref()
        .expect("the procedure's own identity page");
    assert_eq!(id.made.as_deref(), Some("2015-01-04"));
    assert_eq!(id.revised.as_deref(), Some("2015-12-04"));
    assert_eq!(id.in_force.as_deref(), Some("2016-01-04"));
    assert_eq!(id.number, None);
    let page = sopan::render::doc::procedure_markdown(s.model(), s.machines(), 0, Lang::Id);
    let identity = page
        .find("| Tanggal pembuatan | 2015-01-04 |")
        .expect("identity page");
    let table = page.find("| No | Kegiatan").expect("SOP table");
    assert!(identity < table, "the identity page comes before the table");
    assert!(page.contains(
        "| Dasar hukum | Peraturan Walikota Medan Nomor 39 Tahun 2013 tentang Tata Naskah Dinas |"
    ));
    assert!(page.contains("NIP 19781217 199803 1 001"));
    assert!(
        !page.contains("Nomor SOP"),
        "a blank number is not invented"
    );
}

/// In a service, a procedure with a page of its own shows that page; the others show the
/// service's.
#[test]
fn a_procedure_page_overrides_the_service_page_for_that_procedure() {
    let project = common::load_text(
        r#"
instansi kantor "Kantor" { kalender pekanbaru }
layanan l "L" {
  instansi kantor
  versi "1"
  sop { nomor "SOP/LAYANAN/1" }
  peran petugas "Petugas" internal
  prosedur utama "Utama" {
    langkah a "A" { oleh petugas  waktu 1 hari kerja  lanjut ok }
    selesai ok "Selesai"
  }
  prosedur arsip "Arsip" {
    sop { nomor "SOP/ARSIP/7"  dibuat 2026-01-05 }
    langkah b "B" { oleh petugas  waktu 1 hari kerja  lanjut ok }
    selesai ok "Selesai"
  }
}
"#,
    );
    let s = &project.standards()[0];
    let page = markdown(s.model(), s.machines(), 0, Lang::Id);
    let utama = page.find("## SOP: Utama").expect("utama");
    let arsip = page.find("## SOP: Arsip").expect("arsip");
    assert!(page[utama..arsip].contains("| Nomor SOP | SOP/LAYANAN/1 |"));
    assert!(page[arsip..].contains("| Nomor SOP | SOP/ARSIP/7 |"));
    assert!(page[arsip..].contains("| Tanggal pembuatan | 2026-01-05 |"));
    assert!(!page[arsip..].contains("SOP/LAYANAN/1"));
}

/// A stage written by its bounds owns no row of the table (the steps stay where they are) and
/// says where its time runs; a stage done outside the procedure is in component 3 and under
/// the table, with no clock of its own.
#[test]
fn stages_by_bounds_and_outside_the_procedure_are_documented() {
    let project = one("standards/contoh/lumajang_pbg/persetujuan_bangunan_gedung.sop");
    let s = &project.standards()[0];
    let proc = &s.model().procedures[0];
    let stage = &proc.stages[0];
    assert!(stage.bounded);
    assert_eq!(
        stage.steps,
        Some((5, 7)),
        "from tagih (6) to sahkan_pbg (8)"
    );
    assert_eq!(proc.stage_of(6), None, "a stage by its bounds owns no step");
    let page = sopan::render::doc::procedure_markdown(s.model(), s.machines(), 0, Lang::Id);
    assert!(
        !page.contains("**Tahap Penerbitan PBG**"),
        "no row of its own"
    );
    assert!(page.contains(
        "Jangka waktu tahap: **paling lama 2 hari kerja** (Penerbitan PBG, dari langkah 6 sampai langkah 8)"
    ));

    let project = one("standards/contoh/sidoarjo_balongbendo/perekaman_ktp.sop");
    let s = &project.standards()[0];
    let proc = &s.model().procedures[0];
    let pos = proc
        .stages
        .iter()
        .position(|st| st.elsewhere.is_some())
        .expect("the stage done by the post");
    assert_eq!(proc.stages[pos].steps, None);
    assert!(
        proc.budgets
            .iter()
            .all(|b| b.scope != sopan::model::Scope::Stage(pos)),
        "no clock runs a stage done elsewhere"
    );
    let page = markdown(s.model(), s.machines(), 0, Lang::Id);
    assert!(page.contains(
        "- KTP diantarkan via POS ke alamat pemohon (perkiraan): **2 hari kerja** (dikerjakan di luar prosedur: POS, ke alamat pemohon)"
    ));
    assert!(page.contains("Tahap di luar prosedur ini: **2 hari kerja**"));
}
