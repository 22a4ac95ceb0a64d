//! What the fuzz targets (`fuzz/fuzz_targets/`) run on each input, shared with the test suite
//! so that every input ever found (`tests/regressions/found/`) and every file of the
//! repository goes through exactly the same code under `cargo test`.
//!
//! Each function panics when a property breaks: no panic inside sopan, a refused event leaves
//! the case byte-identical, persist → resume → persist is identical, and a case's own history
//! replays to the same case.

#![allow(dead_code, reason = "each fuzz target uses one of these")]

use miette::{GraphicalReportHandler, GraphicalTheme};
use sopan::diag::{Lang, Rendered};
use sopan::interp::{Case, Context, Event};
use sopan::model::{Duration, Unit};
use sopan::project::{Entry, Project};
use sopan::source::loader::MemoryLoader;
use sopan::time::Calendar;
use std::sync::OnceLock;

/// The repository's `standards` folder, from the test suite or from `fuzz/`.
fn standards_dir() -> &'static str {
    if std::path::Path::new("standards/nasional.kalender.yaml").exists() {
        "standards"
    } else {
        "../standards"
    }
}

/// The shipped standards, loaded once.
pub fn shipped() -> &'static Project {
    static SHIPPED: OnceLock<Project> = OnceLock::new();
    SHIPPED.get_or_init(|| sopan::load_dir(standards_dir()).expect("the shipped standards"))
}

/// Text → load, check, compile; every diagnostic rendered for people in both languages and
/// located for JSON.
pub fn check(data: &[u8]) {
    format(data);
    let mut files = MemoryLoader::new();
    files.insert("std/a.sop", data.to_vec());
    // Includes of the input reach these (and nothing outside `std`).
    files.insert("std/b.sop", data.to_vec());
    files.insert(
        "std/nasional.kalender.yaml",
        include_str!("../../standards/nasional.kalender.yaml"),
    );
    let entry = Entry {
        path: "std/a.sop".into(),
        root: "std".into(),
    };
    let Ok(project) = Project::load(&files, &[entry]) else {
        return;
    };
    let handler =
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_links(false);
    for lang in [Lang::Id, Lang::En] {
        let mut out = String::new();
        for diag in project.diagnostics() {
            let rendered = Rendered::new(diag, project.sources(), lang);
            let _ = handler.render_report(&mut out, &rendered);
            if let Some(loc) = diag.loc {
                if let Some(file) = project.sources().get(loc.file) {
                    let _ = file.line_col(loc.span.end as usize);
                }
            }
        }
    }
    for standard in project.standards() {
        let model = &standard.model();
        let _ = serde_json::to_string(&sopan::render::export::export(model, "std/a.sop"));
        for (i, _) in model.services.iter().enumerate() {
            let _ = sopan::render::doc::markdown(model, standard.machines(), i, Lang::Id);
        }
        // The document written three ways from one build.
        let doc = sopan::render::doc::document(model, standard.machines(), Lang::Id);
        let _ = doc.markdown();
        let _ = sopan::render::doc::html(&doc, model, standard.machines(), Lang::En);
        let _ = sopan::render::doc::docx(&doc, model, standard.machines(), Lang::Id);
        let procedures = model.procedures.iter().zip(standard.machines());
        for ((procedure, machine), calendar) in procedures.zip(standard.procedure_calendars()) {
            let chart = sopan::render::graph::flowchart(model, procedure, machine, Lang::En);
            let _ = (
                sopan::render::graph::mermaid(&chart),
                sopan::render::graph::dot(&chart),
                sopan::render::graph::svg(model, procedure, machine, Lang::Id),
            );
            // Whatever the standard, sopan's own drawing keeps its promises.
            let faults = sopan::render::graph::svg_faults(model, procedure, machine, Lang::En);
            assert!(faults.is_empty(), "{faults:?}");
            let _ = sopan::internals::budget::analyse(procedure, machine, calendar.as_deref());
            if let Some(ctx) = standard.context(&procedure.id) {
                let at = "2026-03-02T08:00:00+07:00".parse().expect("an instant");
                if let Ok((case, _)) = Case::open(&ctx, "F", at) {
                    let _ = case.status(&ctx, at);
                }
            }
        }
    }
}

/// `sopan fmt` on the input, when it is text the parser reads: only space changes, and a
/// second run changes nothing.
pub fn format(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(once) = sopan::format_source(text) else {
        return;
    };
    let ink = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(ink(&once), ink(text), "only space changes");
    assert_eq!(
        sopan::format_source(&once).as_deref(),
        Some(once.as_str()),
        "stable"
    );
}

/// A calendar file → load it (beside the national calendar, which it may name as its base),
/// then ask it everything with arguments drawn from the input's bytes.
pub fn calendar(data: &[u8]) {
    let mut files = MemoryLoader::new();
    files.insert(
        "std/nasional.kalender.yaml",
        include_str!("../../standards/nasional.kalender.yaml"),
    );
    files.insert("std/uji.kalender.yaml", data.to_vec());
    let (_, calendar) = Project::load_calendar(&files, "std/uji.kalender.yaml", "std");
    if let Some(c) = calendar {
        ask(&c, data);
    }
}

/// Arithmetic on a calendar with arguments from `seed`: answers or range errors, and adding
/// working time then counting it back gives the same amount.
pub fn ask(c: &Calendar, seed: &[u8]) {
    let mut bytes = Bytes::new(seed);
    for _ in 0..8 {
        let t = bytes.instant();
        let secs = u64::from(bytes.u32()) >> (bytes.u8() % 32);
        if let Ok(later) = c.add_working_time(t, secs) {
            assert!(later.value >= t, "{t} + {secs}s went backwards");
            if let Ok(back) = c.working_time_between(t, later.value) {
                assert_eq!(back.value, secs as i64, "{t} + {secs}s counted back");
            }
        }
        let n = i64::from(bytes.u32() as i32) >> (bytes.u8() % 32);
        let date = jiff::tz::offset(7).to_datetime(t).date();
        if let Ok(d) = c.add_working_days(date, n) {
            if n >= 0 {
                assert!(d.value >= date);
            }
        }
        let unit = [
            Unit::Minute,
            Unit::Hour,
            Unit::WorkingDay,
            Unit::Day,
            Unit::Week,
            Unit::Month,
        ][usize::from(bytes.u8()) % 6];
        let max = bytes.u32() >> (bytes.u8() % 32);
        if let Ok(due) = c.due(t, Duration { min: 0, max, unit }) {
            assert!(due.value >= t, "{t} + {max} {unit:?} went backwards");
        }
        let _ = c.is_working_instant(t);
        let _ = c.working_days_between(date, bytes.date());
    }
}

/// A case file (YAML) → run it on each shipped standard and compare its expectations.
pub fn case_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scenario) = sopan::interp::scenario::parse(text, sopan::Lang::Id) else {
        return;
    };
    for standard in shipped().standards() {
        if let Ok(report) = sopan::interp::scenario::run(standard, &scenario, "CASE") {
            let actual = serde_json::to_value(&report).expect("a report is JSON");
            if let Some(expect) = &scenario.expect {
                let _ = sopan::interp::scenario::differences(expect, &actual, sopan::Lang::Id);
            }
        }
    }
}

/// Every procedure of the shipped standards, ready to run cases on.
fn contexts() -> Vec<Context<'static>> {
    shipped()
        .standards()
        .iter()
        .flat_map(|s| {
            s.model()
                .procedures
                .iter()
                .filter_map(move |p| s.context(&p.id))
        })
        .collect()
}

/// Random events on a shipped procedure, each checked: a refused event leaves the case
/// byte-identical; persisting and resuming is the identity; the history replays exactly.
pub fn events(data: &[u8]) {
    let mut bytes = Bytes::new(data);
    let contexts = contexts();
    let Some(ctx) = contexts.get(usize::from(bytes.u8()) % contexts.len().max(1)) else {
        return;
    };
    let mut now = bytes.instant();
    let Ok((mut case, _)) = Case::open(ctx, "FUZZ-1", now) else {
        return;
    };
    let steps = &ctx.procedure().steps;
    while !bytes.is_empty() {
        let op = bytes.u8();
        let pick = usize::from(bytes.u8());
        // Mostly forward, sometimes backwards, by up to ~45 days in minutes.
        let minutes = i64::from(bytes.u16());
        let back = op & 0x80 != 0 && pick % 4 == 0;
        now = if back {
            now.checked_sub(jiff::SignedDuration::from_mins(minutes % 600))
        } else {
            now.checked_add(jiff::SignedDuration::from_mins(minutes))
        }
        .unwrap_or(now);
        let by = (pick % 3 != 0).then(|| format!("fo-{}", pick % 5));
        let op = op % 13;
        // The active step mostly; any step sometimes, to exercise refusals.
        let status = case.status(ctx, now).ok();
        let active = match status.as_ref().and_then(|s| s.active.first()) {
            Some(id) if op != 3 => id.clone(),
            _ => steps
                .get(pick % steps.len().max(1))
                .map(|s| s.id.clone())
                .unwrap_or_default(),
        };
        let event = match op {
            0..=3 => {
                let outcome = steps
                    .iter()
                    .find(|s| s.id == active)
                    .and_then(|s| match &s.flow {
                        sopan::model::Flow::Decision { outcomes, .. } => outcomes
                            .get(pick % outcomes.len().max(1))
                            .map(|o| o.name.clone()),
                        _ => None,
                    });
                Event::Done {
                    step: active,
                    outcome,
                    by,
                    at: now,
                }
            }
            10 => Event::Skipped {
                step: active,
                by,
                at: now,
            },
            11 => Event::Arrived {
                step: active,
                at: now,
            },
            12 => Event::Extended {
                // A clock by name sometimes, none (the one running clock) otherwise.
                budget: if pick % 2 == 0 {
                    let budgets = &ctx.procedure().budgets;
                    budgets.get(pick / 2 % 4).map(|b| b.id.clone())
                } else {
                    None
                },
                reason: (pick % 3 != 0).then(|| format!("alasan {pick}")),
                by,
                at: now,
            },
            4 => Event::Resubmitted { by, at: now },
            5 => Event::Returned { by, at: now },
            6 => Event::Collected { by, at: now },
            7 => Event::Withdrawn { at: now },
            8 => {
                let _ = case.advance(ctx, now);
                continue;
            }
            _ => {
                persisted_is_resumed(&case, ctx);
                let _ = case.status(ctx, now);
                let _ = case.card(ctx);
                continue;
            }
        };
        let before = case.clone();
        if let Err(e) = case.apply(ctx, event) {
            assert_eq!(before, case, "refused ({e}) but changed");
        }
    }
    persisted_is_resumed(&case, ctx);
    let again = case.replayed(ctx).expect("a case's own history replays");
    assert_eq!(again, case, "replaying the history gives another case");
}

fn persisted_is_resumed(case: &Case, ctx: &Context<'_>) {
    let json = case.to_json(ctx);
    let resumed = Case::resume(ctx, &json).expect("its own JSON resumes");
    assert_eq!(&resumed, case, "store → resume gives another case");
    assert_eq!(
        resumed.to_json(ctx),
        json,
        "store → resume → store changed the JSON"
    );
}

/// Reads the input as a stream of small numbers; past its end, zeros.
struct Bytes<'a> {
    data: &'a [u8],
}

impl<'a> Bytes<'a> {
    fn new(data: &'a [u8]) -> Self {
        Bytes { data }
    }

    fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }

    /// An instant from 2023 to 2028 (around every shipped calendar's range), to the second.
    fn instant(&mut self) -> jiff::Timestamp {
        let start = 1_672_531_200; // 2023-01-01T00:00:00Z
        let span = 6 * 366 * 86_400;
        jiff::Timestamp::from_second(start + i64::from(self.u32()) % span)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    fn date(&mut self) -> jiff::civil::Date {
        jiff::tz::offset(7).to_datetime(self.instant()).date()
    }
}

/// A stored case (JSON) → resume it on every shipped procedure: a refusal or a case that
/// stores back to a form which resumes to itself. Input that is not JSON is spliced into a
/// real stored case instead, so the fuzzer reaches the replay and not only the JSON reader.
pub fn resume(data: &[u8]) {
    let contexts = contexts();
    let text = String::from_utf8_lossy(data);
    for ctx in &contexts {
        let json = if text.trim_start().starts_with('{') {
            text.to_string()
        } else {
            spliced(ctx, data)
        };
        if let Ok(case) = Case::resume(ctx, &json) {
            persisted_is_resumed(&case, ctx);
        }
        if let Ok(case) = Case::migrate(ctx, &json) {
            persisted_is_resumed(&case, ctx);
        }
    }
}

/// A real stored case with the input's bytes written over its events.
fn spliced(ctx: &Context<'_>, data: &[u8]) -> String {
    let opened = "2026-03-02T01:00:00Z".parse().expect("an instant");
    let Ok((case, _)) = Case::open(ctx, "FUZZ", opened) else {
        return String::new();
    };
    let stored = case.to_json(ctx);
    let at = stored.find("\"events\":[").map_or(0, |i| i + 10);
    let mut bytes = stored.into_bytes();
    let tail = bytes.split_off(at);
    bytes.extend_from_slice(data);
    bytes.extend_from_slice(&tail);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// CSV → the complaint book, the satisfaction survey and the table reader, line by line:
/// every row an answer or an error naming it, never a panic.
pub fn tables(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for standard in shipped().standards() {
        let model = standard.model();
        for policy in &model.complaints {
            let mut log = sopan::complaints::log::Log::new(model, policy, standard.calendar());
            for (i, line) in text.lines().enumerate() {
                if log.line(i + 1, line).is_err() {
                    break;
                }
            }
            let _ = log.months();
        }
    }
    let mut tally = sopan::survey::Tally::new();
    for (i, line) in text.lines().enumerate() {
        if tally.line(i + 1, line).is_err() {
            break;
        }
    }
    let _ = tally.index(Some("C"));
    let _ = sopan::source::table::read(&text);
    audit(&text);
}

/// The text as an event log for `audit` on the Pekanbaru licence: read as CSV under the
/// usual header (and under its own first line as the header), and as JSON Lines.
fn audit(text: &str) {
    let Some(standard) = shipped().service("izin_praktik_dokter") else {
        return;
    };
    let header = "case,event,step,outcome,by,at\n".to_string() + text;
    for log in [header.as_str(), text] {
        let mut audit = sopan::audit::Audit::new(standard, None, Lang::En);
        let mut reader = sopan::audit::LogReader::new();
        let mut fits = true;
        for (i, line) in log.split_inclusive('\n').enumerate() {
            if reader.line(&mut audit, i + 1, line.as_bytes()).is_err() {
                fits = false;
                break;
            }
        }
        let report = audit.finish();
        assert!(report.cases <= report.rows, "a case comes from a row");
        // Fed in pieces (the command's way, with its plain-row path), the log reads the same.
        let mut audit = sopan::audit::Audit::new(standard, None, Lang::En);
        let mut reader = sopan::audit::LogReader::new();
        let piece = 1 + log.len() % 97;
        let fed = log
            .as_bytes()
            .chunks(piece)
            .try_for_each(|bytes| reader.feed(&mut audit, bytes))
            .and_then(|()| reader.end(&mut audit));
        assert_eq!(fed.is_ok(), fits, "the header fits either way or neither");
        if fits {
            assert_eq!(audit.finish(), report, "read in pieces of {piece}");
        }
    }
    let mut audit = sopan::audit::Audit::new(standard, None, Lang::Id);
    for (i, line) in text.lines().enumerate() {
        match serde_json::from_str::<sopan::audit::OwnedRow>(line) {
            Ok(row) => audit.row(&row.borrow(i + 1)),
            Err(e) => audit.unreadable(i + 1, e.to_string()),
        }
    }
    let _ = sopan::render::audit::text(&audit.finish(), Lang::Id);
}
