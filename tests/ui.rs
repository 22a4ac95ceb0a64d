//! The conformance corpus: every `.sop` file under `tests/ui/` is checked and its diagnostics,
//! rendered in Indonesian and in English, are compared with an insta snapshot.
//! Files named `ok_*` must check clean; every other file must produce a diagnostic.

mod common;

use sopan::diag::{Lang, CODES};
use sopan::project::{Entry, Project};
use sopan::source::loader::{FsLoader, Loader};
use std::collections::BTreeSet;

/// One snapshot per corpus file (insta's `glob!` reports every mismatch, not the first).
#[test]
fn corpus_matches_snapshots() {
    let seen_codes = std::sync::Mutex::new(BTreeSet::new());
    insta::with_settings!({
        snapshot_path => "ui/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("ui", "*/*.sop", |file| {
            let path = common::relative(file);
            let project = common::load(&path, "tests/ui");
            let ok = file
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("ok_"));
            if ok {
                assert!(project.diagnostics().is_empty(), "{path} should check clean");
            } else {
                assert!(
                    !project.diagnostics().is_empty(),
                    "{path} should produce a diagnostic"
                );
            }
            if let Ok(mut seen) = seen_codes.lock() {
                seen.extend(project.diagnostics().iter().map(|d| d.code()));
            }
            let text = format!(
                "--- id ---\n{}--- en ---\n{}",
                common::render(&project, Lang::Id),
                common::render(&project, Lang::En)
            );
            insta::assert_snapshot!("diagnostics", text);
        });
    });
    // The limits: inputs too big to keep as files, made here, each snapshot showing only
    // the limit's own diagnostic (the rest of such a file says nothing new).
    insta::with_settings!({
        snapshot_path => "ui/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        for (name, code, files) in limit_cases() {
            let entry = Entry {
                path: "std/a.sop".into(),
                root: "std".into(),
            };
            let project = Project::load(&files, &[entry]).expect("in memory");
            let found: Vec<&sopan::diag::Diagnostic> = project
                .diagnostics()
                .iter()
                .filter(|d| d.code() == code)
                .collect();
            assert_eq!(found.len(), 1, "{name}: one {code}, got {:?}", project.diagnostics().iter().map(|d| d.code()).collect::<Vec<_>>());
            if let Ok(mut seen) = seen_codes.lock() {
                seen.insert(code);
            }
            let text = format!(
                "--- id ---\n{}--- en ---\n{}",
                common::render_only(&project, Lang::Id, code),
                common::render_only(&project, Lang::En, code)
            );
            insta::assert_snapshot!(format!("limit__{name}"), text);
        }
    });
    let seen = seen_codes.into_inner().unwrap_or_default();
    let missing: Vec<&str> = CODES
        .iter()
        .copied()
        .filter(|c| !seen.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes with no failing case in tests/ui: {missing:?}"
    );
    assert!(seen.len() > 40, "the corpus was found");
}

/// Inputs one past each limit of a standard (README, "Limits"), as files in memory:
/// `(name, the limit's code, the files, the standard being `std/a.sop`)`.
fn limit_cases() -> Vec<(
    &'static str,
    &'static str,
    sopan::source::loader::MemoryLoader,
)> {
    use sopan::source::limits::{
        MAX_INCLUDES, MAX_INCLUDE_DEPTH, MAX_ROLES, MAX_STEPS, MAX_TEXT_BYTES,
    };
    let one = |text: String| {
        let mut files = sopan::source::loader::MemoryLoader::new();
        files.insert("std/a.sop", text);
        files
    };
    let role = "peran petugas \"Petugas\" internal\n";
    let mut steps = format!("{role}prosedur p \"P\" {{\n");
    for i in 0..=MAX_STEPS {
        steps.push_str(&format!(
            "  langkah s{i} \"S\" {{ oleh petugas  waktu 1 menit  lanjut s{} }}\n",
            i + 1
        ));
    }
    steps.push_str(&format!(
        "  langkah s{} \"S\" {{ oleh petugas  waktu 1 menit  lanjut t }}\n  selesai t \"T\"\n}}\n",
        MAX_STEPS + 1
    ));
    let roles: String = (0..=MAX_ROLES)
        .map(|i| format!("peran r{i} \"Peran {i}\" internal\n"))
        .collect();
    let mut deep = sopan::source::loader::MemoryLoader::new();
    deep.insert("std/a.sop", format!("sertakan \"f1.sop\"\n{role}"));
    for i in 1..=MAX_INCLUDE_DEPTH + 1 {
        deep.insert(
            format!("std/f{i}.sop"),
            format!("sertakan \"f{}.sop\"\nperan r{i} \"R\" internal\n", i + 1),
        );
    }
    deep.insert(
        format!("std/f{}.sop", MAX_INCLUDE_DEPTH + 2),
        "peran akhir \"Akhir\" internal\n",
    );
    let mut many = sopan::source::loader::MemoryLoader::new();
    let mut root = String::from(role);
    for i in 0..=MAX_INCLUDES {
        root.push_str(&format!("sertakan \"f{i}.sop\"\n"));
        many.insert(
            format!("std/f{i}.sop"),
            format!("peran r{i} \"R\" internal\n"),
        );
    }
    many.insert("std/a.sop", root);
    vec![
        (
            "text_too_long",
            "sop::text-too-long",
            one(format!(
                "peran petugas \"{}\" internal\n",
                "panjang ".repeat(MAX_TEXT_BYTES / 8 + 1)
            )),
        ),
        ("too_many_steps", "sop::too-many-steps", one(steps)),
        ("too_many_roles", "sop::too-many-roles", one(roles)),
        ("include_too_deep", "sop::include-too-deep", deep),
        ("too_many_includes", "sop::too-many-includes", many),
    ]
}

/// One file replaced in memory, every other read from disk: a mistake file with its fix
/// applied, still beside the files it includes.
struct Patched {
    path: String,
    text: String,
}

impl Loader for Patched {
    fn read(&self, path: &str) -> Result<Vec<u8>, sopan::source::loader::ReadError> {
        if path == self.path {
            Ok(self.text.clone().into_bytes())
        } else {
            FsLoader.read(path)
        }
    }

    fn list(&self, dir: &str) -> Vec<String> {
        FsLoader.list(dir)
    }
}

/// The newcomer's mistakes: each file under `tests/ui/mistakes/` is a clean standard with one
/// editing mistake, and names in its header the line where that mistake was made. The mistake
/// must cost one look: exactly one diagnostic, an error, on that line — no cascade, no report at
/// the end of the file. When the error offers a fix, the fix applied must give a file that
/// checks clean.
#[test]
fn each_mistake_gives_one_error_where_it_was_made() {
    let mut checked = 0;
    let mut fixed = 0;
    let mut wrong = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/ui/mistakes")
        .expect("the mistakes corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sop"))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("ok_") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let line: usize = text
            .lines()
            .find_map(|l| l.strip_prefix("// Dilaporkan pada baris "))
            .and_then(|n| n.trim_end_matches('.').parse().ok())
            .unwrap_or_else(|| panic!("{name}: header names the line of the mistake"));
        let path = path.to_string_lossy().to_string();
        let project = common::load(&path, "tests/ui");
        let found: Vec<(String, &str, usize)> = project
            .diagnostics()
            .iter()
            .map(|d| {
                let at = d.loc.map_or(0, |loc| {
                    project
                        .sources()
                        .get(loc.file)
                        .map_or(0, |f| f.line_col(loc.span.start as usize).0)
                });
                (format!("{:?}", d.severity()), d.code(), at)
            })
            .collect();
        let one_error_there = found.len() == 1 && found[0].0 == "Error" && found[0].2 == line;
        if !one_error_there {
            wrong.push(format!(
                "{name}: expected one error on line {line}, got {found:?}"
            ));
        }
        checked += 1;
        let Some(fix) = project.diagnostics().first().and_then(|d| d.fix.clone()) else {
            continue;
        };
        let (start, end) = (fix.span.start as usize, fix.span.end as usize);
        let patched = Patched {
            path: path.clone(),
            text: format!("{}{}{}", &text[..start], fix.text, &text[end..]),
        };
        let entry = Entry {
            path: path.clone(),
            root: "tests/ui".into(),
        };
        let after = Project::load(&patched, &[entry]).expect("readable");
        let left: Vec<&str> = after.diagnostics().iter().map(|d| d.code()).collect();
        if !left.is_empty() {
            wrong.push(format!("{name}: the fix {:?} leaves {left:?}", fix.text));
        }
        fixed += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 60, "the mistakes corpus was found ({checked})");
    assert!(fixed >= 60, "most mistakes offer a fix ({fixed})");
}
