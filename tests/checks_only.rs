//! A run that only checks (`LoadOptions::checking_only`, what `sopan check` asks for) reports
//! exactly what a full load reports, over enough standards to be prepared in several batches
//! and on both cores; and standards checked together, their budgets judged on both cores
//! with the verdicts shared, report what each reports checked alone.

mod common;

use common::{shipped, shown};
use sopan::project::{Entry, LoadOptions, Project};
use sopan::source::loader::MemoryLoader;

/// The shipped standards, and `copies` more copies of the folder (the Pekanbaru licence with
/// a step performed by an unknown role in every third copy, so that copies differ).
fn copies(copies: usize) -> (MemoryLoader, Vec<Entry>) {
    let (mut files, mut entries) = shipped();
    let originals = entries.clone();
    for k in 0..copies {
        for e in &originals {
            let path = e
                .path
                .replacen("standards/", &format!("standards/salinan{k}/"), 1);
            let mut text = std::fs::read_to_string(&e.path).expect("shipped file");
            if k % 3 == 0 && e.path.ends_with("izin_praktik_dokter.sop") {
                text = text.replacen("oleh front_office", "oleh front_ofice", 1);
            }
            files.insert(&path, text);
            entries.push(Entry {
                path,
                root: e.root.clone(),
            });
        }
    }
    (files, entries)
}

#[test]
fn checking_only_reports_what_a_full_load_reports() {
    // 20 copies of 15 standards: two batches of preparation, each on both cores.
    let (files, entries) = copies(20);
    let full = Project::load_with(&files, &entries, &LoadOptions::default()).expect("loads");
    let only = Project::load_with(&files, &entries, &LoadOptions::default().checking_only())
        .expect("loads");
    assert!(full.standards().len() > 256, "{}", full.standards().len());
    assert!(only.standards().is_empty());
    let roots: Vec<_> = full.standards().iter().map(|s| s.root()).collect();
    assert_eq!(only.checked(), &roots[..]);
    assert_eq!(full.checked(), &roots[..]);
    let diagnostics = |p: &Project| shown(p)[p.standards().len()..].to_vec();
    assert_eq!(diagnostics(&only), diagnostics(&full));
    assert!(diagnostics(&full).iter().any(|d| d.contains("front_ofice")));
}

#[test]
fn standards_checked_together_report_what_each_reports_alone() {
    // Three copies: 45 standards, more than are ever checked on one thread.
    let (files, entries) = copies(2);
    let together = Project::load(&files, &entries).expect("loads");
    assert!(
        together.checked().len() >= 32,
        "{}",
        together.checked().len()
    );
    let mut alone = Vec::new();
    for root in together.checked() {
        let path = &together.sources().get(*root).expect("root").path;
        let entry = entries.iter().find(|e| &e.path == path).expect("entry");
        let one = Project::load(&files, std::slice::from_ref(entry)).expect("loads");
        alone.extend(shown(&one));
    }
    let mut both = shown(&together);
    // Calendar files are checked as entries of their own when loaded together.
    both.sort();
    both.dedup();
    alone.sort();
    alone.dedup();
    assert_eq!(both, alone);
}
