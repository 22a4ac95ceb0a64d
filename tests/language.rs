//! Indonesian everywhere by default: every command, given input that fails, answers without
//! a common English word — and in English with `--lang en`.

use std::path::PathBuf;
use std::process::{Command, Output};

fn sopan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(args)
        .env_remove("SOPAN_LANG")
        .output()
        .expect("sopan runs")
}

/// Common English words that have no place in Indonesian output.
const ENGLISH: &[&str] = &[
    "the",
    "cannot",
    "error",
    "errors",
    "warning",
    "warnings",
    "expected",
    "found",
    "not",
    "missing",
    "unknown",
    "invalid",
    "passed",
    "failed",
    "budget",
    "step",
    "due",
    "used",
    "left",
    "working",
    "minutes",
    "file",
    "files",
    "checked",
    "with",
    "is",
    "are",
    "of",
    "to",
    "and",
    "or",
    "at",
    "must",
    "such",
    "outside",
    "range",
    "respondents",
    "grade",
    "handler",
    "reply",
    "escalation",
    "action",
    "control",
    "card",
    "held",
    "by",
    "ended",
    "usage",
    "for",
    "more",
    "information",
    "try",
    "argument",
    "required",
    "provided",
    "value",
    "refused",
    "event",
    "case",
    "standard",
    "no",
    "does",
    "exist",
    "row",
    "column",
    "header",
];

/// sopan's commands.
const COMMANDS: &[&str] = &[
    "check",
    "calendar",
    "budget",
    "run",
    "test",
    "skm",
    "route",
    "complaints",
    "graph",
    "doc",
    "export",
    "case",
];

/// The jobs of `calendar` and `case`, `serve` (which runs another program, whose help is its
/// own), and `help`: names too, not prose.
const OTHER_NAMES: &[&str] = &[
    "help", "due", "between", "offset", "show", "open", "apply", "advance", "status", "serve",
];

/// The words of `text` outside code: backticked spans, paths, ids and codes are the user's or
/// the language's own, not prose.
fn prose_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            continue;
        }
        for token in part.split_whitespace() {
            if token.contains(['/', '.', '_', ':', '=', '@', '\\']) && token.len() > 3 {
                continue;
            }
            // Options, value names and the commands themselves are the tool's words.
            if token.starts_with(['-', '<', '['])
                || COMMANDS.contains(&token)
                || OTHER_NAMES.contains(&token)
            {
                continue;
            }
            for w in token.split(|c: char| !c.is_alphabetic()) {
                if !w.is_empty() {
                    out.push(w.to_lowercase());
                }
            }
        }
    }
    out
}

fn english_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = prose_words(text)
        .into_iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect();
    found.sort();
    found.dedup();
    found
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopan-lang-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

const LICENCE: &str = "standards/pekanbaru/izin_praktik_dokter.sop";
const MISTAKE: &str = "tests/ui/mistakes/pekanbaru_kurung_tutup_langkah_5.sop";

fn failing_inputs() -> Vec<Vec<String>> {
    let dir = scratch("inputs");
    let licence = std::fs::canonicalize(LICENCE).expect("licence");
    let refused = dir.join("ditolak.case.yaml");
    std::fs::write(
        &refused,
        format!(
            "standard: {}\nprocedure: penerbitan\nopened: 2026-03-02T08:00:00+07:00\nevents:\n  - done: {{ step: tidak_ada, at: 2026-03-02T08:05:00+07:00 }}\n",
            licence.display()
        ),
    )
    .expect("case");
    let bad_yaml = dir.join("rusak.case.yaml");
    std::fs::write(&bad_yaml, "standard: x.sop\nprocedure: p\n").expect("case");
    let log = dir.join("log.csv");
    std::fs::write(&log, "tanggal,saluran\n2026-03-02,surat\n").expect("log");
    let responses = dir.join("skm.csv");
    std::fs::write(&responses, "4,4,4,4,4,4,4,4,9\n").expect("responses");
    let p = |x: &PathBuf| x.to_string_lossy().into_owned();
    let (refused, bad_yaml, log, responses) = (p(&refused), p(&bad_yaml), p(&log), p(&responses));
    let cmds: Vec<Vec<&str>> = vec![
        vec!["check", MISTAKE],
        vec!["check", "tidak/ada"],
        vec!["test", MISTAKE],
        vec!["test", &refused],
        vec!["test", &bad_yaml],
        vec!["run", LICENCE, "--case", "tidak_ada.case.yaml"],
        vec!["run", LICENCE, "--case", &refused],
        vec![
            "run",
            LICENCE,
            "--case",
            "standards/contoh/kolaka/kasus/tepat_waktu.case.yaml",
        ],
        vec!["budget", MISTAKE],
        vec![
            "route",
            LICENCE,
            "--channel",
            "merpati",
            "--severity",
            "sedang",
        ],
        vec![
            "route",
            LICENCE,
            "--channel",
            "surat",
            "--severity",
            "sedang",
        ],
        vec![
            "route",
            LICENCE,
            "--channel",
            "surat",
            "--severity",
            "sedang",
            "--at",
            "besok",
        ],
        // A channel that only carries answers.
        vec![
            "route",
            "standards/contoh/diy_disdikpora/pengaduan.sop",
            "--channel",
            "email",
            "--severity",
            "tanpa_koordinasi",
        ],
        vec!["complaints", LICENCE, "--log", &log],
        vec!["skm", LICENCE, "--responses", &responses],
        vec![
            "calendar",
            "due",
            "--from",
            "2026-03-02T08:00:00+07:00",
            "--add",
            "3 hari kerj",
        ],
        vec![
            "calendar",
            "due",
            "--from",
            "2031-03-02T08:00:00+07:00",
            "--add",
            "3 hari kerja",
        ],
        vec!["calendar", "between", "2026-03-02", "2031-01-01"],
        vec!["calendar", "show", "1990"],
        vec!["calendar", "--calendar", "tidak_ada", "show", "2026"],
        vec!["export", MISTAKE],
        vec!["doc", MISTAKE],
        vec!["graph", LICENCE, "--procedure", "tidak_ada"],
        vec!["check", "--tidak-ada"],
        vec!["route", LICENCE],
        vec!["bukan-perintah"],
    ];
    cmds.into_iter()
        .map(|c| c.into_iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn every_command_fails_in_indonesian_by_default() {
    let mut english = Vec::new();
    for args in failing_inputs() {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sopan(&argv);
        assert_ne!(out.status.code(), Some(0), "{args:?} should fail");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let found = english_in(&text);
        if !found.is_empty() {
            english.push(format!("{args:?}: {found:?}\n{text}"));
        }
    }
    assert!(
        english.is_empty(),
        "English words:\n{}",
        english.join("\n---\n")
    );
}

#[test]
fn english_on_request() {
    let out = sopan(&["--lang", "en", "calendar", "show", "1990"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("outside the calendar's range"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args([
            "route",
            LICENCE,
            "--channel",
            "merpati",
            "--severity",
            "sedang",
        ])
        .env("SOPAN_LANG", "en")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("unknown channel"), "{text}");
}

/// What the source does not state is said so, in the reader's language, and the rest of the
/// route is still given.
#[test]
fn route_says_what_the_source_does_not_state() {
    let args = [
        "route",
        "standards/contoh/kediri_satpolpp/pengaduan.sop",
        "--channel",
        "kotak",
        "--severity",
        "ringan",
    ];
    let out = sopan(&args);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("penangan:         tidak disebutkan sumber"),
        "{text}"
    );
    assert!(
        text.contains("dijawab lewat:    tidak disebutkan sumber"),
        "{text}"
    );
    assert!(english_in(&text).is_empty(), "{text}");
    let mut en = vec!["--lang", "en"];
    en.extend(args);
    let text = String::from_utf8_lossy(&sopan(&en).stdout).into_owned();
    assert!(
        text.contains("handler:          not stated by the source"),
        "{text}"
    );
}

#[test]
fn the_checker_finds_english() {
    assert_eq!(
        english_in("cannot read `x.sop`: the file is missing"),
        ["cannot", "file", "is", "missing", "the"]
    );
    assert!(english_in("berkas `standards/a.sop` tidak dapat dibaca").is_empty());
}

#[test]
fn help_is_indonesian_and_english_on_request() {
    let mut english = Vec::new();
    for c in std::iter::once(None).chain(COMMANDS.iter().map(Some)) {
        let mut args: Vec<&str> = c.into_iter().copied().collect();
        args.push("--help");
        let out = sopan(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // Value names of options (`human`, `json`) are the language's own keywords.
        let found = english_in(&text);
        if !found.is_empty() {
            english.push(format!("{args:?}: {found:?}\n{text}"));
        }
    }
    assert!(
        english.is_empty(),
        "English words:\n{}",
        english.join("\n---\n")
    );
    let out = sopan(&["--lang", "en", "route", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Where a complaint goes") && text.contains("Usage:"),
        "{text}"
    );
}
