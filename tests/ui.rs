//! The conformance corpus: every `.sop` file under `tests/ui/` is checked and its diagnostics,
//! rendered in Indonesian and in English, are compared with an insta snapshot.
//! Files named `ok_*` must check clean; every other file must produce a diagnostic.

mod common;

use sopan::diag::{Lang, CODES};
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
