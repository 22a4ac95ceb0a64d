//! Every input that once crashed, hung or corrupted sopan (`tests/regressions/`, with a README
//! of what each did) checks, loads or runs to a clear diagnostic or error: never a panic, an
//! abort or a hang. Each runs on its own thread with a generous limit, so a hang fails the
//! test instead of stalling the suite (speed itself is measured by `cargo bench --bench
//! hostile`, not here).

mod common;

use miette::{GraphicalReportHandler, GraphicalTheme};
use sopan::diag::{Kind, Lang, Rendered};
use sopan::interp::{Case, Context, Event, EventError};
use sopan::project::{Entry, Project};
use sopan::source::loader::MemoryLoader;
use sopan::time::Calendar;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

const DIR: &str = "tests/regressions/2026-12-fuzz";

/// Far above what any of these inputs needs (milliseconds); only a hang reaches it.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `f` on its own thread; fails if it panics or does not finish within [`LIMIT`].
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(what.to_string())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("a thread");
    match rx.recv_timeout(LIMIT) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {LIMIT:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// The files of a folder of the corpus whose names end with `suffix`, sorted.
fn inputs(folder: &str, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(DIR).join(folder))
        .expect("the regression folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {suffix} files in {folder}");
    files
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks a file's bytes as a standard and renders every diagnostic the way the CLI does
/// (miette's graphical handler at its default width) and as JSON positions.
fn check_bytes(bytes: Vec<u8>) -> (Project, String) {
    let mut files = MemoryLoader::new();
    files.insert("std/a.sop", bytes);
    files.insert(
        "std/nasional.kalender.yaml",
        std::fs::read("standards/nasional.kalender.yaml").expect("the national calendar"),
    );
    let entry = Entry {
        path: "std/a.sop".into(),
        root: "std".into(),
    };
    let project = Project::load(&files, &[entry]).expect("in memory");
    let handler =
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_links(false);
    let mut out = String::new();
    for lang in [Lang::Id, Lang::En] {
        for diag in project.diagnostics() {
            let rendered = Rendered::new(diag, project.sources(), lang);
            handler
                .render_report(&mut out, &rendered)
                .expect("a report renders");
            if let (Some(loc), Some(file)) = (
                diag.loc,
                diag.loc.and_then(|l| project.sources().get(l.file)),
            ) {
                let (line, column) = file.line_col(loc.span.start as usize);
                assert!(line >= 1 && column >= 1);
            }
        }
    }
    (project, out)
}

/// Checks every file of a folder; each must give at least one error.
fn check_all(folder: &str, suffix: &str) -> Vec<(String, Project, String)> {
    inputs(folder, suffix)
        .into_iter()
        .map(|path| {
            let label = name(&path);
            let bytes = std::fs::read(&path).expect("readable");
            let (project, out) = bounded(&label, move || check_bytes(bytes));
            assert!(
                project
                    .diagnostics()
                    .iter()
                    .any(|d| d.severity() == sopan::diag::Severity::Error),
                "{label}: no error reported"
            );
            (label, project, out)
        })
        .collect()
}

fn codes(project: &Project) -> Vec<&'static str> {
    project.diagnostics().iter().map(|d| d.code()).collect()
}

#[test]
fn f01_unclosed_braces_are_one_syntax_error_in_linear_time() {
    for (label, project, _) in check_all("F01-parser-exponential-unclosed-braces", ".sop") {
        let got = codes(&project);
        // The block left open is named at its opening (or, where the text shows no block,
        // the parser's own syntax error).
        assert!(
            got.contains(&"sop::unclosed-block") || got.contains(&"sop::syntax"),
            "{label}: {got:?}"
        );
    }
}

#[test]
fn f02_nesting_after_a_comment_marker_or_an_open_quote_does_not_overflow_the_stack() {
    for (label, project, _) in check_all("F02-parser-stack-overflow", ".sop") {
        let got = codes(&project);
        assert!(
            [
                "sop::too-deep",
                "sop::syntax",
                "sop::unclosed-quote",
                "sop::unclosed-block"
            ]
            .iter()
            .any(|c| got.contains(c)),
            "{label}: {got:?}"
        );
    }
}

#[test]
fn f03_a_diagnostic_far_along_a_line_renders_with_its_true_column() {
    for (label, _, out) in check_all("F03-render-panic-long-line", ".sop") {
        let column = if label.contains("66001") {
            66001
        } else {
            65001
        };
        assert!(
            out.contains(&format!("a.sop:2:{column}]")),
            "{label}: the report does not name line 2, column {column}"
        );
        // Only a window of the line is shown, not 65,000 blanks.
        assert!(out.lines().all(|l| l.chars().count() < 1000), "{label}");
    }
    let (_, _, out) = check_all("mutation", "-8acf2508.min.bin").remove(0);
    assert!(out.contains("sop::"));
}

/// Applies `event`; a refused event must leave the case byte-identical, an accepted one
/// must leave a case its own history reproduces.
fn apply_checked(case: &mut Case, ctx: &Context<'_>, event: Event) -> Result<(), EventError> {
    let before = case.clone();
    match case.apply(ctx, event) {
        Err(e) => {
            assert_eq!(*case, before, "refused ({e}) but changed");
            Err(e)
        }
        Ok(_) => {
            let again = case.replayed(ctx).expect("its own events replay");
            assert_eq!(again, *case);
            Ok(())
        }
    }
}

fn at(text: &str) -> jiff::Timestamp {
    text.parse().expect("an instant")
}

#[test]
fn f04_duplicate_step_ids_are_an_error_and_collected_never_half_applies() {
    let text = std::fs::read(format!(
        "{DIR}/F04-refused-collected-changes-case/dup_step_collect.sop"
    ))
    .expect("readable");
    // Its steps count working time: give it a calendar so that a case can run on it.
    let mut with_calendar = b"instansi k \"K\" { kalender nasional }\n".to_vec();
    with_calendar.extend(text);
    let (project, _) = check_bytes(with_calendar);
    assert!(codes(&project).contains(&"sop::duplicate-name"));
    let events: Vec<Event> = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{DIR}/F04-refused-collected-changes-case/events.json"
        ))
        .expect("readable"),
    )
    .expect("events");
    let ctx = project.standards()[0].context("t").expect("procedure t");
    let (mut case, _) = Case::open(&ctx, "CASE-1", at("2026-03-02T08:00:00+07:00")).expect("opens");
    for e in events {
        let _ = apply_checked(&mut case, &ctx, e);
    }

    let text = std::fs::read(format!(
        "{DIR}/mutation/sop-inconsistency_refused_event_changed_case-32196dd7.min.bin"
    ))
    .expect("readable");
    let (project, _) = check_bytes(text);
    // Rejected by the check: by the duplicate itself, or by the unreadable text it sits in
    // (later checks are then held back behind that error).
    assert!(
        codes(&project).contains(&"sop::duplicate-name")
            || project
                .diagnostics()
                .iter()
                .any(|d| d.holds_back() && d.held_back() > 0),
        "{:?}",
        codes(&project)
    );
    let ctx = project.standards()[0].context("r").expect("procedure r");
    let (mut case, _) = Case::open(&ctx, "CASE-1", at("2026-03-02T01:00:00Z")).expect("opens");
    let collected = Event::Collected {
        by: Some("fo-04".into()),
        at: at("2026-03-02T01:52:00Z"),
    };
    let _ = apply_checked(&mut case, &ctx, collected);
}

/// Loads a calendar file's bytes as `std/NAME.kalender.yaml`, beside the national calendar
/// (which several of them name as their base).
fn load_calendar(bytes: Vec<u8>) -> (Project, Option<std::sync::Arc<Calendar>>) {
    let mut files = MemoryLoader::new();
    files.insert(
        "std/nasional.kalender.yaml",
        std::fs::read("standards/nasional.kalender.yaml").expect("national calendar"),
    );
    files.insert("std/uji.kalender.yaml", bytes);
    Project::load_calendar(&files, "std/uji.kalender.yaml", "std")
}

/// Every kind of question, with extreme arguments, on a calendar: answers or range errors.
/// Adding working time and counting it back agree wherever both answer.
fn exercise(calendar: &Calendar) {
    use sopan::model::{Duration as D, Unit};
    let (first, last) = calendar.range();
    let days = [
        first.clone(),
        last.clone(),
        "2026-03-02".into(),
        "1970-01-01".into(),
    ];
    for day in &days {
        let Ok(date) = day.parse::<jiff::civil::Date>() else {
            continue;
        };
        for n in [i64::MIN, -1_000_000, -1, 0, 1, 1_000_000, i64::MAX] {
            let _ = calendar.add_working_days(date, n);
        }
        let _ = calendar.is_working_day(date);
        for hour in [0, 7, 8, 12, 15, 23] {
            let Ok(t) = jiff::tz::offset(7).to_timestamp(date.at(hour, 30, 0, 0)) else {
                continue;
            };
            for secs in [0, 1, 59, 3600, 86_400, 10_000_000, u64::MAX] {
                if let Ok(later) = calendar.add_working_time(t, secs) {
                    if let Ok(back) = calendar.working_time_between(t, later.value) {
                        assert_eq!(back.value, secs as i64, "{t} + {secs} s of working time");
                    }
                }
            }
            for unit in [
                Unit::Minute,
                Unit::Hour,
                Unit::WorkingDay,
                Unit::Day,
                Unit::Week,
                Unit::Month,
            ] {
                for max in [0, 1, 31, u32::MAX] {
                    let _ = calendar.due(t, D { min: 0, max, unit });
                }
            }
        }
    }
}

#[test]
fn f06_the_same_weekday_under_two_names_is_reported() {
    let bytes = std::fs::read(format!(
        "{DIR}/F06-calendar-alias-weekday-overlap/dup.kalender.yaml"
    ))
    .expect("readable");
    let (project, calendar) = bounded("F06", move || load_calendar(bytes));
    assert!(
        project
            .diagnostics()
            .iter()
            .any(|d| matches!(d.kind, Kind::DuplicateItem { .. })),
        "{:?}",
        codes(&project)
    );
    if let Some(c) = calendar {
        exercise(&c);
    }
}

#[test]
fn f07_extreme_years_and_hours_are_diagnostics_not_overflows() {
    for path in inputs("F07-calendar-overflow", ".kalender.yaml") {
        let label = name(&path);
        let bytes = std::fs::read(&path).expect("readable");
        let (project, calendar) = bounded(&label, move || load_calendar(bytes));
        let got = codes(&project);
        let want = if label.starts_with("hour") {
            "sop::invalid-hours"
        } else {
            "sop::outside-range"
        };
        assert!(got.contains(&want), "{label}: {got:?}");
        if let Some(c) = calendar {
            exercise(&c);
        }
    }
}

#[test]
fn f07_an_offset_of_i64_max_is_a_range_error() {
    let input = std::fs::read(format!("{DIR}/F07-calendar-overflow/offset_max.csv")).expect("csv");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sopan"))
        .args(["calendar", "offset"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(&input).expect("written");
    }
    let out = child.wait_with_output().expect("finishes");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("baris 1"), "{err}");
}

#[test]
fn f09_junk_lines_are_capped_and_deep_yaml_is_refused() {
    for (label, project, _) in check_all("F09-slow-inputs", ".sop") {
        let got = codes(&project);
        assert_eq!(
            got.iter().filter(|c| **c == "sop::syntax").count(),
            sopan::internals::MAX_SYNTAX_ERRORS,
            "{label}"
        );
        assert!(got.contains(&"sop::too-many-errors"), "{label}");
    }
    for path in inputs("F09-slow-inputs", ".kalender.yaml") {
        let label = name(&path);
        let bytes = std::fs::read(&path).expect("readable");
        let (project, calendar) = bounded(&label, move || load_calendar(bytes));
        let got = codes(&project);
        let want = if label.starts_with("widest") {
            "sop::range-too-wide"
        } else {
            "sop::too-deep"
        };
        assert!(got.contains(&want), "{label}: {got:?}");
        assert!(calendar.is_none(), "{label}");
    }
}

#[test]
fn mutated_calendars_never_overflow_and_count_time_back_exactly() {
    for path in inputs("mutation", ".min.bin") {
        let label = name(&path);
        if !label.starts_with("cal-") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        let (project, calendar) = bounded(&label, move || load_calendar(bytes));
        if let Some(c) = calendar {
            bounded(&label, move || exercise(&c));
        } else {
            assert!(!project.diagnostics().is_empty(), "{label}");
        }
    }
}

#[test]
fn mutated_standards_that_hung_or_crashed_check_promptly() {
    for suffix in [".bin", ".sop"] {
        for path in inputs("mutation", suffix) {
            let label = name(&path);
            if !label.starts_with("sop-") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            let (project, _) = bounded(&label, move || check_bytes(bytes));
            assert!(!project.diagnostics().is_empty(), "{label}");
        }
    }
}

/// The events of the case in the report, as the fuzzer applied them.
fn reported_case() -> (jiff::Timestamp, Vec<Event>) {
    let report = std::fs::read_to_string(format!(
        "{DIR}/mutation/interp-inconsistency_replay_differs_after_advance-4eacfc5b.txt"
    ))
    .expect("readable");
    let json = report
        .lines()
        .find_map(|l| l.split_once("original ").map(|(_, j)| j.to_string()))
        .expect("the original case");
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let opened = at(value["opened"].as_str().expect("opened"));
    let events = serde_json::from_value(value["events"].clone()).expect("events");
    (opened, events)
}

#[test]
fn replay_after_advancing_past_the_calendar_reproduces_the_case() {
    let project = common::load("standards/pekanbaru/izin_praktik_dokter.sop", "standards");
    let ctx = project.standards()[0]
        .context("penerbitan")
        .expect("the licence");
    let (opened, events) = reported_case();
    // Opened in 2023, before the calendar's first day: refused with the range error.
    assert!(matches!(
        Case::open(&ctx, "CASE-1", opened),
        Err(EventError::OutOfRange(_))
    ));
    // The same history moved into the covered years: every event either applies or is
    // refused without a change, and advancing to the end of time and replaying agree.
    let shift = jiff::SignedDuration::from_hours(24 * 7 * 110);
    let (mut case, _) = Case::open(&ctx, "CASE-1", opened + shift).expect("opens");
    let far = at("9999-12-30T22:00:00.999999999Z");
    for (i, e) in events.into_iter().enumerate() {
        let moved = match e {
            Event::Done {
                step,
                outcome,
                by,
                at,
            } => Event::Done {
                step,
                outcome,
                by,
                at: at + shift,
            },
            Event::Resubmitted { by, at } => Event::Resubmitted { by, at: at + shift },
            Event::Returned { by, at } => Event::Returned { by, at: at + shift },
            Event::Collected { by, at } => Event::Collected { by, at: at + shift },
            Event::Withdrawn { at } => Event::Withdrawn { at: at + shift },
            Event::Skipped { step, by, at } => Event::Skipped {
                step,
                by,
                at: at + shift,
            },
            Event::Arrived { step, at } => Event::Arrived {
                step,
                at: at + shift,
            },
            Event::Deemed { at } => Event::Deemed { at: at + shift },
            Event::Extended {
                budget,
                reason,
                by,
                at,
            } => Event::Extended {
                budget,
                reason,
                by,
                at: at + shift,
            },
        };
        let _ = apply_checked(&mut case, &ctx, moved);
        if i == 3 {
            case.advance(&ctx, far);
        }
    }
    case.advance(&ctx, far);
    let again = case.replayed(&ctx).expect("replays");
    assert_eq!(again, case);
}

#[path = "harness/mod.rs"]
mod harness;

/// The inputs fuzzing found since, one folder per fuzz target, and every file of the
/// repository that seeds the fuzz corpora, through the fuzz targets' own code.
#[test]
fn found_inputs_and_the_seed_corpus_pass_the_fuzz_targets() {
    type Target = (&'static str, fn(&[u8]));
    let targets: [Target; 6] = [
        ("check", harness::check),
        ("calendar", harness::calendar),
        ("case_file", harness::case_file),
        ("events", harness::events),
        ("resume", harness::resume),
        ("tables", harness::tables),
    ];
    for (target, run) in targets {
        let dir = Path::new("tests/regressions/found").join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("an entry").path();
            let bytes = std::fs::read(&path).expect("readable");
            bounded(&format!("{target}/{}", name(&path)), move || run(&bytes));
        }
    }
    let mut seeds = 0;
    for path in repository_files(Path::new(".")) {
        let label = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("readable");
        if label.ends_with(".sop") {
            bounded(&label, move || harness::check(&bytes));
        } else if label.ends_with(".kalender.yaml") || label.ends_with(".calendar.yaml") {
            bounded(&label, move || harness::calendar(&bytes));
        } else if label.ends_with(".case.yaml") {
            let (events, stored) = (bytes.clone(), bytes.clone());
            bounded(&label, move || harness::case_file(&bytes));
            bounded(&label, move || harness::events(&events));
            bounded(&label, move || harness::resume(&stored));
        } else if label.ends_with(".csv") && bytes.len() < 64 * 1024 {
            bounded(&label, move || harness::tables(&bytes));
        } else {
            continue;
        }
        seeds += 1;
    }
    assert!(seeds > 50, "only {seeds} seed files found");
}

/// Files under `standards/` and `tests/` (the corpus the fuzz seeds come from).
fn repository_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("standards"), root.join("tests")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The fuzzers' dictionary names every keyword in both spellings, so mutations reach them.
#[test]
fn the_fuzz_dictionary_lists_every_keyword() {
    let dict = std::fs::read_to_string("fuzz/sop.dict").expect("fuzz/sop.dict");
    for (id, en) in sopan::internals::KEYWORDS {
        for word in [id, en] {
            assert!(
                dict.lines().any(|l| l == format!("\"{word}\"")),
                "fuzz/sop.dict lacks `{word}`"
            );
        }
    }
}
