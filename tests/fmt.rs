//! `sopan fmt` over every `.sop` file of the repository: the layout is stable (a second run
//! changes nothing), only space changes, and the compiled standards before and after are the
//! same — every export and every diagnostic but its place. The shipped standards are kept in
//! the layout.

mod common;

use sopan::project::{Entry, Project};
use sopan::source::loader::MemoryLoader;
use std::path::PathBuf;

fn files(dir: &str, suffix: &str) -> Vec<PathBuf> {
    common::files_under(dir, suffix)
}

/// The text without any space: what `fmt` must leave as it is.
fn ink(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_second_run_changes_nothing_and_only_space_changes() {
    let mut formatted = 0;
    for dir in ["standards", "tests", "examples", "fuzz/corpus"] {
        if !std::path::Path::new(dir).exists() {
            continue;
        }
        for path in files(dir, ".sop") {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Some(once) = sopan::format_source(&text) else {
                continue;
            };
            let name = path.display();
            assert_eq!(ink(&once), ink(&text), "{name}: only space changes");
            assert_eq!(
                sopan::format_source(&once).as_deref(),
                Some(once.as_str()),
                "{name}: a second run changes nothing"
            );
            formatted += 1;
        }
    }
    assert!(formatted > 100, "{formatted} files formatted");
}

/// The export of every standard and its diagnostics (code and message, not place), loaded
/// from `files`.
fn compiled(files: &MemoryLoader, roots: &[String], root: &str) -> Vec<String> {
    let entries: Vec<Entry> = roots
        .iter()
        .map(|p| Entry {
            path: p.clone(),
            root: root.to_string(),
        })
        .collect();
    let project = Project::load(files, &entries).expect("readable");
    let mut out: Vec<String> = project
        .standards()
        .iter()
        .map(|s| {
            serde_json::to_string(&sopan::render::export::export(s.model(), "x.sop")).expect("json")
        })
        .collect();
    out.extend(
        project
            .diagnostics()
            .iter()
            .map(|d| format!("{} {}", d.code(), d.message(sopan::Lang::Id))),
    );
    out
}

#[test]
fn the_compiled_standards_are_the_same_before_and_after() {
    // The shipped standards, with their includes and calendars.
    let (mut before, mut after) = (MemoryLoader::new(), MemoryLoader::new());
    let mut roots = Vec::new();
    for path in files("standards", "") {
        let name = path.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(&path).expect("readable");
        if name.ends_with(".sop") {
            let text = String::from_utf8(bytes.clone()).expect("utf-8");
            let formatted = sopan::format_source(&text).expect("a shipped standard parses");
            after.insert(&name, formatted);
            roots.push(name.clone());
        } else {
            after.insert(&name, bytes.clone());
        }
        before.insert(&name, bytes);
    }
    assert_eq!(
        compiled(&before, &roots, "standards"),
        compiled(&after, &roots, "standards")
    );

    // Every test file that parses, alone beside the national calendar.
    let national = std::fs::read("standards/nasional.kalender.yaml").expect("calendar");
    let mut compared = 0;
    for path in files("tests", ".sop") {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some(formatted) = sopan::format_source(&text) else {
            continue;
        };
        let load = |t: String| {
            let mut files = MemoryLoader::new();
            files.insert("std/a.sop", t);
            files.insert("std/nasional.kalender.yaml", national.clone());
            files.insert(
                "std/pekanbaru.kalender.yaml",
                std::fs::read("tests/ui/pekanbaru.kalender.yaml").unwrap_or_default(),
            );
            compiled(&files, &["std/a.sop".to_string()], "std")
        };
        assert_eq!(load(text), load(formatted), "{}", path.display());
        compared += 1;
    }
    assert!(compared > 100, "{compared} test files compared");
}

#[test]
fn the_shipped_standards_are_in_the_layout() {
    for path in files("standards", ".sop") {
        let text = std::fs::read_to_string(&path).expect("readable");
        assert_eq!(
            sopan::format_source(&text).as_deref(),
            Some(text.as_str()),
            "{}: run `sopan fmt standards`",
            path.display()
        );
    }
}

/// The command: `--check` names the file that would change, writes nothing and exits 1;
/// without it the file is written and a second check passes; a file with a syntax error is
/// left as it is, named, and the run exits 1.
#[test]
fn the_command_checks_writes_and_leaves_broken_files_alone() {
    let dir = std::env::temp_dir().join(format!("sopan-fmt-{}", std::process::id()));
    let std_dir = dir.join("standards");
    std::fs::create_dir_all(&std_dir).expect("scratch dir");
    std::fs::copy(
        "standards/nasional.kalender.yaml",
        std_dir.join("nasional.kalender.yaml"),
    )
    .expect("calendar");
    let messy = "peran a \"A\" internal\nprosedur p \"P\" {\nlangkah s \"S\" {   oleh a  waktu 1 hari  lanjut ok }\nselesai ok \"OK\"\n}\n";
    let file = std_dir.join("a.sop");
    std::fs::write(&file, messy).expect("write");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sopan"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs")
    };
    let path = std_dir.to_string_lossy().to_string();

    let check = run(&["fmt", "--check", &path]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("a.sop"));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        messy,
        "--check writes nothing"
    );

    let write = run(&["fmt", &path]);
    assert_eq!(write.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "peran a \"A\" internal\nprosedur p \"P\" {\n  langkah s \"S\" { oleh a  waktu 1 hari  lanjut ok }\n  selesai ok \"OK\"\n}\n"
    );
    assert_eq!(run(&["fmt", "--check", &path]).status.code(), Some(0));

    let broken = "prosedur p \"P\" {\n    langkah {\n";
    std::fs::write(&file, broken).expect("write");
    let refused = run(&["fmt", &path]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("sintaks"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), broken);
    let _ = std::fs::remove_dir_all(&dir);
}
