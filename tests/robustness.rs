//! Unusual and hostile input: never a panic, a hang or a stack overflow; always a clear
//! diagnostic. (Speed is measured by the benchmark, not here.)

use sopan::diag::Kind;
use sopan::project::{Entry, Project};
use sopan::source::loader::MemoryLoader;

const AGENCY: &str = "standards/pekanbaru/dpmptsp.sop";
const LICENCE: &str = "standards/pekanbaru/izin_praktik_dokter.sop";

fn shipped(path: &str) -> String {
    std::fs::read_to_string(path).expect("shipped file")
}

fn load(files: &[(&str, Vec<u8>)], entry: &str) -> Project {
    let mut loader = MemoryLoader::new();
    for (p, bytes) in files {
        loader.insert(*p, bytes.clone());
    }
    let entry = Entry {
        path: entry.to_string(),
        root: "standards".into(),
    };
    Project::load(&loader, &[entry]).expect("in memory")
}

fn codes(p: &Project) -> Vec<(&'static str, Option<u32>)> {
    p.diagnostics()
        .iter()
        .map(|d| (d.code(), d.loc.map(|l| l.span.start)))
        .collect()
}

#[test]
fn bom_and_crlf_read_as_if_absent() {
    let plain = load(
        &[
            (AGENCY, shipped(AGENCY).into()),
            (LICENCE, shipped(LICENCE).into()),
        ],
        LICENCE,
    );
    let windows = |s: String| {
        let mut out = b"\xef\xbb\xbf".to_vec();
        out.extend(s.replace('\n', "\r\n").into_bytes());
        out
    };
    let odd = load(
        &[
            (AGENCY, windows(shipped(AGENCY))),
            (LICENCE, windows(shipped(LICENCE))),
        ],
        LICENCE,
    );
    assert_eq!(codes(&plain), codes(&odd));
    assert_eq!(plain.standards()[0].model(), odd.standards()[0].model());
}

#[test]
fn an_empty_file_says_so() {
    let p = load(&[("standards/a.sop", Vec::new())], "standards/a.sop");
    assert!(matches!(p.diagnostics()[0].kind, Kind::EmptyFile));
}

#[test]
fn non_utf8_bytes_name_the_offset() {
    let p = load(
        &[("standards/a.sop", b"peran a \"\xff\" internal".to_vec())],
        "standards/a.sop",
    );
    assert_eq!(p.diagnostics()[0].kind, Kind::NotUtf8 { offset: 9 });
}

#[test]
fn ten_thousand_nested_blocks_do_not_overflow_the_stack() {
    let text = format!(
        "layanan x \"X\" {}{}",
        "{".repeat(10_000),
        "}".repeat(10_000)
    );
    let p = load(&[("standards/a.sop", text.into())], "standards/a.sop");
    assert!(matches!(p.diagnostics()[0].kind, Kind::TooDeep { .. }));
    let open = format!("prosedur p \"P\" {}", "{".repeat(10_000));
    let p = load(&[("standards/a.sop", open.into())], "standards/a.sop");
    assert!(!p.diagnostics().is_empty());
}

#[test]
fn a_file_cut_off_anywhere_gives_a_diagnostic_never_a_panic() {
    let agency = shipped(AGENCY);
    let licence = shipped(LICENCE);
    let mut cuts = 0;
    for (at, _) in licence.char_indices().step_by(3) {
        let cut = &licence[..at];
        let p = load(
            &[(AGENCY, agency.clone().into()), (LICENCE, cut.into())],
            LICENCE,
        );
        let opens = cut.matches('{').count();
        let closes = cut.matches('}').count();
        if opens != closes {
            assert!(
                p.diagnostics().iter().any(|d| d.is_unreadable()),
                "a cut at byte {at} leaves a block open but gives no syntax error"
            );
        }
        cuts += 1;
    }
    assert!(cuts > 1000);
}

#[test]
fn junk_lines_are_reported_up_to_the_cap_and_the_rest_counted() {
    let mut text = String::from("peran a \"A\" internal\n");
    for i in 0..500 {
        text.push_str(&format!("rubbish{i} = {{ x }} 42\n"));
    }
    let p = load(&[("standards/a.sop", text.into())], "standards/a.sop");
    let syntax = p
        .diagnostics()
        .iter()
        .filter(|d| d.code() == "sop::syntax")
        .count();
    assert_eq!(syntax, sopan::internals::MAX_SYNTAX_ERRORS);
    let more: Vec<&Kind> = p
        .diagnostics()
        .iter()
        .map(|d| &d.kind)
        .filter(|k| matches!(k, Kind::TooManyErrors { .. }))
        .collect();
    assert_eq!(
        more,
        [&Kind::TooManyErrors {
            more: 500 - sopan::internals::MAX_SYNTAX_ERRORS
        }]
    );
}

#[test]
fn hostile_includes_stay_inside_the_root() {
    for path in ["/etc/passwd", "../../../../etc/passwd", "../outside.sop"] {
        let text = format!("sertakan \"{path}\"\nperan a \"A\" internal\n");
        let p = load(&[("standards/a.sop", text.into())], "standards/a.sop");
        assert!(
            matches!(p.diagnostics()[0].kind, Kind::IncludeEscapesRoot { .. }),
            "{path}: {:?}",
            p.diagnostics()
        );
    }
}

#[test]
fn absurd_numbers_are_diagnostics() {
    let text = "peran a \"A\" internal\nprosedur p \"P\" {\n  langkah 99999999999999999999 s \"S\" { oleh a  waktu 99999999999999999999999 menit  hari_ke -3  lanjut e }\n  selesai e \"E\"\n}\n";
    let p = load(&[("standards/a.sop", text.into())], "standards/a.sop");
    let got: Vec<&str> = p.diagnostics().iter().map(|d| d.code()).collect();
    assert!(got.contains(&"sop::duration-too-large"), "{got:?}");
    assert!(got.contains(&"sop::invalid-number"), "{got:?}");
}

/// A file of about 10 MB: many procedures. Checked fully; the benchmark times it.
fn big_file(target_bytes: usize) -> String {
    let mut text = String::from(
        "instansi kantor \"Kantor\" { kalender nasional }\nperan petugas \"Petugas\" internal\n",
    );
    let mut i = 0;
    while text.len() < target_bytes {
        text.push_str(&format!(
            "prosedur p{i} \"Prosedur {i}\" {{\n  anggaran total 2 hari kerja\n  langkah 1 a \"Periksa\" {{\n    oleh petugas\n    waktu 20 menit\n    keputusan \"Lengkap?\" {{ ya -> b  tidak -> kembalikan ke petugas }}\n  }}\n  langkah 2 b \"Terbit\" {{ oleh petugas  waktu 1 hari kerja  lanjut selesai_ok }}\n  selesai selesai_ok \"Selesai\"\n}}\n"
        ));
        i += 1;
    }
    text
}

#[test]
fn a_ten_megabyte_file_is_checked() {
    let text = big_file(10 * 1024 * 1024);
    let national = shipped("standards/nasional.kalender.yaml");
    let p = load(
        &[
            ("standards/big.sop", text.into()),
            ("standards/nasional.kalender.yaml", national.into()),
        ],
        "standards/big.sop",
    );
    assert!(
        p.diagnostics().is_empty(),
        "{:?}",
        &p.diagnostics()[..p.diagnostics().len().min(3)]
    );
    assert!(p.standards()[0].model().procedures.len() > 30_000);
}

/// Copies are parsed, read and hashed once (by their text) but reported each as itself:
/// every diagnostic of a copy names that copy, and each copy is a standard of its own.
#[test]
fn copies_of_a_standard_are_each_reported_as_themselves() {
    use sopan::project::{Entry, Project};
    use sopan::source::loader::MemoryLoader;
    let text = "peran petugas \"Petugas\" internal\nperan lain \"Tidak dipakai\" internal\nprosedur p \"P\" {\n  langkah a \"A\" { oleh petugas  waktu 5 menit  lanjut s }\n  selesai s \"S\"\n}\n";
    let mut files = MemoryLoader::new();
    let paths = ["std/a/x.sop", "std/b/x.sop", "std/c/x.sop"];
    for p in paths {
        files.insert(p, text);
    }
    let entries: Vec<Entry> = paths
        .iter()
        .map(|p| Entry {
            path: (*p).into(),
            root: "std".into(),
        })
        .collect();
    let project = Project::load(&files, &entries).expect("in memory");
    assert_eq!(project.standards().len(), 3);
    let named: Vec<String> = project
        .diagnostics()
        .iter()
        .filter(|d| d.code() == "sop::unused-name")
        .filter_map(|d| d.loc)
        .filter_map(|loc| project.sources().get(loc.file).map(|f| f.path.clone()))
        .collect();
    assert_eq!(named, paths);
    let hashes: Vec<&str> = project.standards().iter().map(|s| s.hash()).collect();
    assert!(hashes
        .iter()
        .all(|h| *h == hashes[0] && h.starts_with("sha256:")));
}
