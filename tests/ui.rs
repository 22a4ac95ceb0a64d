//! The conformance corpus: every `.sop` file under `tests/ui/` is checked and its diagnostics,
//! rendered in Indonesian and in English, are compared with an insta snapshot.
//! Files named `ok_*` must check clean; every other file must produce a diagnostic.

mod common;

use sopan::diag::{Lang, CODES};
use std::collections::BTreeSet;
use std::path::Path;

fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    for stage in std::fs::read_dir("tests/ui").expect("tests/ui exists") {
        let stage = stage.expect("a directory entry").path();
        if !stage.is_dir() || stage.ends_with("snapshots") {
            continue;
        }
        for f in std::fs::read_dir(&stage).expect("a stage directory") {
            let f = f.expect("a directory entry").path();
            if f.extension().is_some_and(|e| e == "sop") {
                files.push(f.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

fn snapshot_name(path: &str) -> String {
    let p = Path::new(path);
    let stage = p
        .parent()
        .and_then(|d| d.file_name())
        .map(|s| s.to_string_lossy().into_owned());
    let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
    format!(
        "{}__{}",
        stage.unwrap_or_default(),
        stem.unwrap_or_default()
    )
}

#[test]
fn corpus_matches_snapshots() {
    let mut seen_codes = BTreeSet::new();
    for path in corpus() {
        let project = common::load(&path, "tests/ui");
        let ok = Path::new(&path)
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("ok_"));
        if ok {
            assert!(project.diagnostics.is_empty(), "{path} should check clean");
        } else {
            assert!(
                !project.diagnostics.is_empty(),
                "{path} should produce a diagnostic"
            );
        }
        seen_codes.extend(project.diagnostics.iter().map(|d| d.code()));
        let text = format!(
            "--- id ---\n{}--- en ---\n{}",
            common::render(&project, Lang::Id),
            common::render(&project, Lang::En)
        );
        insta::with_settings!({
            snapshot_path => "ui/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(snapshot_name(&path), text);
        });
    }
    let missing: Vec<&str> = CODES
        .iter()
        .copied()
        .filter(|c| !seen_codes.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes with no failing case in tests/ui: {missing:?}"
    );
}
