//! The SVG flowchart of every procedure of every shipped standard: well-formed XML, one
//! `<svg>` per procedure, every step drawn in its lane's column, and the layout's promises
//! kept (no overlapping boxes, connectors from box to box that never pass through one).

mod common;

use sopan::diag::Lang;
use sopan::render::graph::{svg, svg_faults, svg_stacked};

#[test]
fn every_shipped_procedure_draws_clean_and_well_formed() {
    let project = sopan::load_dir("standards").expect("loads");
    let mut drawn = 0;
    for standard in project.standards() {
        let model = standard.model();
        let pairs: Vec<_> = model.procedures.iter().zip(standard.machines()).collect();
        for &(proc, machine) in &pairs {
            for lang in [Lang::Id, Lang::En] {
                let faults = svg_faults(model, proc, machine, lang);
                assert!(faults.is_empty(), "{}: {faults:?}", proc.id);
            }
            let text = svg(model, proc, machine, Lang::Id);
            let doc = roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{}: not XML: {e}", proc.id));
            let syms = doc
                .descendants()
                .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("sym ")))
                .count();
            assert!(syms >= proc.steps.len() + 2, "{}: {syms} symbols", proc.id);
            assert_eq!(text, svg(model, proc, machine, Lang::Id), "deterministic");
            drawn += 1;
        }
        if pairs.len() > 1 {
            let stacked = svg_stacked(model, &pairs, Lang::Id);
            let doc = roxmltree::Document::parse(&stacked).expect("stacked is XML");
            let inner = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("sopan-flowchart"))
                .count();
            assert_eq!(inner, pairs.len());
        }
    }
    assert!(drawn >= 15, "{drawn} procedures drawn");
}

#[test]
fn a_long_procedure_continues_on_the_next_page_through_connectors() {
    let mut text = String::from(
        "instansi k \"K\" { kalender nasional }\nperan a \"Petugas A\" internal\nperan b \"Petugas B\" internal\nprosedur p \"Panjang\" {\n",
    );
    for i in 0..40 {
        let role = if i % 3 == 0 { "b" } else { "a" };
        text.push_str(&format!(
            "  langkah s{i} \"Langkah nomor {i} yang judulnya cukup panjang untuk dua baris\" {{ oleh {role}  waktu 10 menit  lanjut s{} }}\n",
            i + 1
        ));
    }
    text.push_str("  langkah s40 \"Periksa\" { oleh a  waktu 5 menit  keputusan \"Lengkap?\" { ya -> selesai  tidak -> s3 } }\n  selesai selesai \"Selesai\"\n}\n");
    let project = common::load_text(&text);
    let standard = &project.standards()[0];
    let (proc, machine) = (&standard.model().procedures[0], &standard.machines()[0]);
    let faults = svg_faults(standard.model(), proc, machine, Lang::Id);
    assert!(faults.is_empty(), "{faults:?}");
    let out = svg(standard.model(), proc, machine, Lang::Id);
    assert!(
        out.matches("class=\"page\"").count() >= 2,
        "two pages at least"
    );
    assert!(out.contains("data-id=\"keluar_A\"") && out.contains("data-id=\"masuk_A\""));
    roxmltree::Document::parse(&out).expect("XML");
}

#[test]
fn the_english_example_in_svg() {
    let project = sopan::load_dir("standards").expect("loads");
    let standard = project
        .service("billboard_permit")
        .expect("the English example");
    let model = standard.model();
    let i = model
        .procedures
        .iter()
        .position(|p| p.id == "issue")
        .expect("its procedure");
    let text = svg(
        model,
        &model.procedures[i],
        &standard.machines()[i],
        Lang::En,
    );
    insta::assert_snapshot!(text);
}

#[test]
fn stages_that_own_no_row_are_written_under_the_chart() {
    let project = sopan::load_dir("standards").expect("loads");
    // The standard holding procedure `id`.
    let find = |id: &str| {
        let standard = project
            .standards()
            .iter()
            .find(|s| s.model().procedures.iter().any(|p| p.id == id))
            .expect("shipped");
        let model = standard.model();
        model
            .procedures
            .iter()
            .zip(standard.machines())
            .map(|(p, m)| svg(model, p, m, Lang::Id))
            .collect::<String>()
    };
    let lumajang = find("pbg");
    assert!(
        lumajang.contains(
            "Tahap Penerbitan PBG (dari langkah 6 sampai langkah 8): paling lama 2 hari kerja"
        ),
        "the bounded stage"
    );
    let sidoarjo = find("perekaman");
    assert!(sidoarjo.contains("(di luar prosedur ini, di POS, ke alamat pemohon): 2 hari kerja"));
}
