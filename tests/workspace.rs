//! A workspace kept checked through edits shows what a fresh load of every file shows: the
//! same standards and the same diagnostics, after an edit, a mistake, a new file, a removed
//! include and a deleted file — and re-checks only the standards that read the changed file.

mod common;

use common::{shipped, shown};
use sopan::project::{Entry, LoadOptions, Project, Workspace};
use sopan::source::loader::MemoryLoader;

/// What the workspace shows, in the form `common::shown` gives a project, sorted and once.
fn shown_all(w: &Workspace) -> Vec<String> {
    let mut out: Vec<String> = w.projects().flat_map(|(_, p)| shown(p)).collect();
    out.sort();
    out.dedup();
    out
}

/// What a fresh load of every entry shows, sorted and once.
fn fresh(files: &MemoryLoader, entries: &[Entry]) -> Vec<String> {
    let p = Project::load_with(files, entries, &LoadOptions::default()).expect("loads");
    let mut out = shown(&p);
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_workspace_shows_what_a_fresh_load_shows_through_edits() {
    let (mut files, mut entries) = shipped();
    let mut w = Workspace::open(&files, &entries, LoadOptions::default()).expect("opens");
    assert_eq!(shown_all(&w), fresh(&files, &entries));
    let roots: Vec<&str> = w.projects().map(|(r, _)| r).collect();
    assert!(roots.contains(&"standards/pekanbaru/izin_praktik_dokter.sop"));
    assert!(
        !roots.contains(&"standards/pekanbaru/dpmptsp.sop"),
        "the agency file is part of the licence standard, not a standard of its own"
    );

    let licence = "standards/pekanbaru/izin_praktik_dokter.sop";
    let original = String::from_utf8(std::fs::read(licence).expect("licence")).expect("utf-8");
    // An edit, then a mistake: only the licence standard is checked again.
    for text in [
        original.replacen("menerima dan memeriksa", "menerima lalu memeriksa", 1),
        original.replacen("oleh front_office", "oleh front_ofice", 1),
        original.clone(),
    ] {
        files.insert(licence, text);
        let again = w.changed(&files, &[licence], &[]).expect("re-checks");
        assert_eq!(again, vec![licence.to_string()]);
        assert_eq!(shown_all(&w), fresh(&files, &entries));
    }
    assert!(shown_all(&w).iter().any(|l| l.starts_with("sop::")));

    // The agency file changed: the standard that includes it is checked again.
    let agency = "standards/pekanbaru/dpmptsp.sop";
    let agency_text = String::from_utf8(std::fs::read(agency).expect("agency")).expect("utf-8");
    files.insert(agency, format!("{agency_text}\n// catatan\n"));
    let again = w.changed(&files, &[agency], &[]).expect("re-checks");
    assert!(again.contains(&licence.to_string()), "{again:?}");
    assert_eq!(shown_all(&w), fresh(&files, &entries));

    // A new standard that includes nothing, then one that includes the licence file: the
    // licence file stops being a standard of its own.
    let new = Entry {
        path: "standards/pekanbaru/baru.sop".into(),
        root: "standards".into(),
    };
    files.insert(&new.path, "sertakan \"izin_praktik_dokter.sop\"\n");
    entries.push(new.clone());
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    w.changed(&files, &[&new.path], std::slice::from_ref(&new))
        .expect("re-checks");
    assert_eq!(shown_all(&w), fresh(&files, &entries));
    assert!(!w.projects().any(|(r, _)| r == licence));

    // The include removed: the licence file is a standard again.
    files.insert(&new.path, "// kosong\n");
    w.changed(&files, &[&new.path], &[]).expect("re-checks");
    assert_eq!(shown_all(&w), fresh(&files, &entries));
    assert!(w.projects().any(|(r, _)| r == licence));

    // A calendar changed: every standard on it is checked again.
    let calendar = "standards/pekanbaru/pekanbaru.kalender.yaml";
    let cal = std::fs::read_to_string(calendar).expect("calendar");
    files.insert(calendar, cal.replacen("zona: WIB", "zona: WITA", 1));
    let again = w.changed(&files, &[calendar], &[]).expect("re-checks");
    assert!(again.contains(&licence.to_string()), "{again:?}");
    assert_eq!(shown_all(&w), fresh(&files, &entries));

    // The new file deleted.
    let mut without = MemoryLoader::new();
    for e in common::files_under("standards", "") {
        let name = e.to_string_lossy().replace('\\', "/");
        if !name.ends_with(".case.yaml") {
            without.insert(&name, std::fs::read(&e).expect("readable"));
        }
    }
    without.insert(calendar, cal.replacen("zona: WIB", "zona: WITA", 1));
    entries.retain(|e| e.path != new.path);
    w.changed(&without, &[&new.path], &[]).expect("re-checks");
    assert_eq!(shown_all(&w), fresh(&without, &entries));
    assert!(!w.projects().any(|(r, _)| r == new.path));
}

#[test]
fn files_that_include_each_other_are_checked_once_from_the_first() {
    let mut files = MemoryLoader::new();
    files.insert("s/a.sop", "sertakan \"b.sop\"\n");
    files.insert("s/b.sop", "sertakan \"a.sop\"\n");
    let entries: Vec<Entry> = ["s/a.sop", "s/b.sop"]
        .iter()
        .map(|p| Entry {
            path: p.to_string(),
            root: "s".into(),
        })
        .collect();
    let w = Workspace::open(&files, &entries, LoadOptions::default()).expect("opens");
    let roots: Vec<&str> = w.projects().map(|(r, _)| r).collect();
    assert_eq!(roots, vec!["s/a.sop"]);
    assert_eq!(shown_all(&w), fresh(&files, &entries));
}
