//! Fixes that are safe by construction (issue 21, DESIGN §9): every machine-applicable fix in
//! the mistakes corpus, offered by `check --format json` on the file saved with LF, with CRLF
//! and with a byte-order mark, applied to the bytes as stored at the offsets the JSON gives,
//! must leave a file that checks clean *and* means what the author meant: the same compiled
//! model as the clean standard the mistake was made in (locations aside).

mod common;

use sopan::project::{Entry, Project};
use sopan::source::loader::FsLoader;
use std::path::{Path, PathBuf};
use std::process::Command;

fn sopan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOPAN_LANG")
        .output()
        .expect("the binary runs")
}

/// A copy of the corpus folder: its project file, calendar and agency file.
fn root() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-fixes-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("mistakes/pekanbaru")).expect("scratch");
    for f in ["sopan.yaml", "pekanbaru.kalender.yaml"] {
        std::fs::copy(Path::new("tests/ui").join(f), dir.join(f)).expect("copy");
    }
    std::fs::copy(
        "tests/ui/mistakes/pekanbaru/dpmptsp.sop",
        dir.join("mistakes/pekanbaru/dpmptsp.sop"),
    )
    .expect("copy");
    dir
}

/// The model of a file, without where anything is written: what it means.
fn meaning(path: &Path, root: &Path) -> (String, usize) {
    let entry = Entry {
        path: path.to_string_lossy().into_owned(),
        root: root.to_string_lossy().into_owned(),
    };
    let project = Project::load(&FsLoader, &[entry]).expect("readable");
    let problems = project.diagnostics().len();
    let Some(standard) = project.standards().first() else {
        return (String::new(), problems);
    };
    let text = format!("{:?}", standard.model());
    (strip_locations(&text), problems)
}

/// Removes `Loc { … }` and `Span { … }` (one level of braces inside) from a Debug text.
fn strip_locations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = ["Loc {", "Span {"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
    {
        out.push_str(&rest[..at]);
        let mut depth = 0;
        let mut end = rest.len();
        for (i, c) in rest[at..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push('@');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[derive(Clone, Copy, Debug)]
enum Saved {
    Lf,
    Crlf,
    Bom,
}

fn saved(text: &str, how: Saved) -> Vec<u8> {
    match how {
        Saved::Lf => text.as_bytes().to_vec(),
        Saved::Crlf => text.replace('\n', "\r\n").into_bytes(),
        Saved::Bom => {
            let mut b = "\u{feff}".as_bytes().to_vec();
            b.extend_from_slice(text.as_bytes());
            b
        }
    }
}

#[test]
fn every_fix_in_the_corpus_keeps_the_meaning_in_lf_crlf_and_bom_files() {
    let dir = root();
    let mistakes = dir.join("mistakes");
    // The clean standards the mistakes were made in.
    let base_small = std::fs::read_to_string("tests/ui/mistakes/ok_dasar.sop").expect("base");
    let base_licence = std::fs::read_to_string("standards/pekanbaru/izin_praktik_dokter.sop")
        .expect("licence")
        .replace(
            "sertakan \"dpmptsp.sop\"",
            "sertakan \"pekanbaru/dpmptsp.sop\"",
        );
    std::fs::write(mistakes.join("dasar_bersih.sop"), &base_small).expect("base");
    std::fs::write(mistakes.join("izin_bersih.sop"), &base_licence).expect("base");
    let (small, p1) = meaning(&mistakes.join("dasar_bersih.sop"), &dir);
    let (licence, p2) = meaning(&mistakes.join("izin_bersih.sop"), &dir);
    assert_eq!((p1, p2), (0, 0), "the clean standards check clean");
    std::fs::remove_file(mistakes.join("dasar_bersih.sop")).expect("tidy");
    std::fs::remove_file(mistakes.join("izin_bersih.sop")).expect("tidy");

    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/ui/mistakes")
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sop"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("ok_"))
        })
        .collect();
    paths.sort();
    let mut wrong = Vec::new();
    let mut applied = 0;
    for path in &paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(path).expect("readable");
        // What the author meant: the clean standard, or — where the mistake also chose a
        // value (a reversed range, a decimal) — the line its trailer names, as meant.
        let meant = text.lines().find_map(|l| {
            let rest = l.strip_prefix("// Dimaksud pada baris ")?;
            let (n, line) = rest.split_once(": ")?;
            Some((n.parse::<usize>().ok()?, line.to_string()))
        });
        let own;
        let intended = match meant {
            Some((n, line)) => {
                let fixed: Vec<String> = text
                    .lines()
                    .enumerate()
                    .map(|(k, l)| {
                        if k + 1 == n {
                            line.clone()
                        } else {
                            l.to_string()
                        }
                    })
                    .collect();
                let file = mistakes.join("dimaksud.sop");
                std::fs::write(&file, fixed.join("\n") + "\n").expect("write");
                let (model, problems) = meaning(&file, &dir);
                std::fs::remove_file(&file).expect("tidy");
                assert_eq!(problems, 0, "{name}: what it means checks clean");
                own = model;
                &own
            }
            None if name.starts_with("pekanbaru_") => &licence,
            None => &small,
        };
        for how in [Saved::Lf, Saved::Crlf, Saved::Bom] {
            let file = mistakes.join(&name);
            let bytes = saved(&text, how);
            std::fs::write(&file, &bytes).expect("write");
            let out = sopan(&["check", file.to_str().expect("utf-8"), "--format", "json"]);
            let doc: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("JSON on stdout");
            let fix = &doc["diagnostics"][0]["fix"];
            if fix.is_null() {
                continue;
            }
            let (start, end) = (
                fix["start"].as_u64().expect("start") as usize,
                fix["end"].as_u64().expect("end") as usize,
            );
            let mut patched = bytes[..start].to_vec();
            patched.extend_from_slice(fix["text"].as_str().expect("text").as_bytes());
            patched.extend_from_slice(&bytes[end..]);
            std::fs::write(&file, &patched).expect("write");
            let (after, problems) = meaning(&file, &dir);
            applied += 1;
            if problems > 0 {
                wrong.push(format!(
                    "{name} ({how:?}): the fix {fix} leaves {problems} problem(s)"
                ));
            } else if &after != intended {
                wrong.push(format!(
                    "{name} ({how:?}): the fix {fix} changes what the standard means"
                ));
            }
            std::fs::remove_file(&file).expect("tidy");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(applied >= 150, "fixes applied: {applied}");
}

#[test]
fn the_location_stripper_keeps_everything_else() {
    let text =
        "Step { id: \"a\", loc: Loc { file: FileId(0), span: Span { start: 1, end: 2 } }, x: 1 }";
    assert_eq!(strip_locations(text), "Step { id: \"a\", loc: @, x: 1 }");
}
