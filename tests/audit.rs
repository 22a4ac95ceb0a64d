//! `sopan audit` against a brute-force recount: the generated log read by the streaming audit
//! gives the same totals as replaying every case whole through the public `Case` API and
//! counting by hand; a log with bad rows reports each bad row and keeps every good case.

#[path = "../examples/audit_log/generate.rs"]
#[allow(
    dead_code,
    reason = "the test uses the generator, not its RNG on its own"
)]
mod generate;

use sopan::audit::{Audit, Columns, LogReader, Report};
use sopan::diag::Lang;
use sopan::interp::{ClockScope, ClockState};
use sopan::{Case, Event};
use std::collections::{BTreeMap, HashMap};

const LICENCE: &str = "standards/pekanbaru/izin_praktik_dokter.sop";

fn log(cases: u64) -> String {
    let mut out = Vec::new();
    generate::generate(cases, 7, &mut out).expect("generated");
    String::from_utf8(out).expect("utf-8")
}

/// The audit of `text` as the CLI runs it: through a `LogReader`, fed `piece` bytes at a time.
fn audit_in_pieces(standard: &sopan::Standard, text: &str, piece: usize) -> Report {
    let mut audit = Audit::new(standard, None, Lang::En);
    let mut reader = LogReader::new();
    for bytes in text.as_bytes().chunks(piece) {
        reader.feed(&mut audit, bytes).expect("header");
    }
    reader.end(&mut audit).expect("header");
    audit.finish()
}

/// The audit of `text`, fed 4 KiB at a time.
fn audit(standard: &sopan::Standard, text: &str) -> Report {
    audit_in_pieces(standard, text, 4096)
}

/// The audit of `text` read by the general CSV reader, one line at a time.
fn audit_by_lines(standard: &sopan::Standard, text: &str) -> Report {
    let mut audit = Audit::new(standard, None, Lang::En);
    let mut csv = sopan::source::table::Lines::new();
    let mut columns: Option<Columns> = None;
    for (k, line) in text.split('\n').enumerate() {
        match csv.row(k + 1, line) {
            Ok(Some(row)) => match &columns {
                Some(c) => audit.row(&c.row(k + 1, &row.cells)),
                None => columns = Some(Columns::from_header(&row.cells).expect("header")),
            },
            Ok(None) => {}
            Err(e) => audit.unreadable(k + 1, e.message(Lang::En)),
        }
    }
    audit.finish()
}

/// What the recount finds.
#[derive(Default, Debug, PartialEq)]
struct Recount {
    cases: u64,
    closed: u64,
    on_time: u64,
    breached: u64,
    returns: u64,
    months: BTreeMap<String, u64>,
    step_minutes: BTreeMap<String, Vec<i64>>,
}

/// Every case replayed whole, in memory, with the public API, and counted by hand.
fn recount(standard: &sopan::Standard, text: &str, skip: &[&str]) -> Recount {
    let ctx = standard.context("penerbitan").expect("procedure");
    let mut by_case: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    let mut order = Vec::new();
    let mut last = None;
    for line in text.lines().skip(1) {
        let cells: Vec<String> = line.split(',').map(str::to_string).collect();
        if cells.len() != 6 || skip.contains(&cells[0].as_str()) {
            continue;
        }
        let Some(at) = sopan::time::instant(&cells[5]) else {
            continue;
        };
        last = Some(last.map_or(at, |l: jiff::Timestamp| l.max(at)));
        if !by_case.contains_key(&cells[0]) {
            order.push(cells[0].clone());
        }
        by_case.entry(cells[0].clone()).or_default().push(cells);
    }
    let now = last.expect("rows");
    let mut r = Recount::default();
    for id in order {
        let rows = &by_case[&id];
        let opened = sopan::time::instant(&rows[0][5]).expect("instant");
        let (mut case, _) = Case::open(&ctx, &id, opened).expect("opens");
        for row in rows.iter().filter(|r| r[1] != "opened") {
            let at = sopan::time::instant(&row[5]).expect("instant");
            case.advance(&ctx, at);
            let by = (!row[4].is_empty()).then(|| row[4].clone());
            let event = match row[1].as_str() {
                "done" => Event::Done {
                    step: row[2].clone(),
                    outcome: (!row[3].is_empty()).then(|| row[3].clone()),
                    by,
                    at,
                },
                "resubmitted" => Event::Resubmitted { by, at },
                other => panic!("the generator writes no `{other}`"),
            };
            case.apply(&ctx, event).expect("applies");
            if row[1] == "done" && row[3] == "tidak_lengkap" {
                r.returns += 1;
            }
        }
        let closed = matches!(case.position(), sopan::interp::Position::Ended { .. });
        let read_at = if closed { case.last() } else { now };
        if !closed {
            case.advance(&ctx, now);
        }
        let status = case.status(&ctx, read_at).expect("status");
        let breached = status
            .clocks
            .iter()
            .any(|c| c.scope == ClockScope::Budget && c.status == ClockState::Breached);
        r.cases += 1;
        *r.months.entry(rows[0][5][..7].to_string()).or_default() += 1;
        if closed {
            r.closed += 1;
            if !breached {
                r.on_time += 1;
            }
        }
        if breached {
            r.breached += 1;
        }
        for line in case.card(&ctx) {
            if !line.resubmitted && !line.skipped {
                r.step_minutes
                    .entry(line.step)
                    .or_default()
                    .push(line.minutes);
            }
        }
    }
    r
}

fn check(report: &Report, r: &Recount) {
    assert_eq!(report.cases, r.cases, "cases");
    assert_eq!(report.closed, r.closed, "closed");
    assert_eq!(report.on_time, r.on_time, "on time");
    assert_eq!(report.breached, r.breached, "breached");
    assert_eq!(report.returns, r.returns, "returns");
    let months: BTreeMap<String, u64> = report
        .months
        .iter()
        .map(|m| (m.month.clone(), m.opened))
        .collect();
    assert_eq!(months, r.months, "cases opened by month");
    for s in &report.steps {
        let mut list = r.step_minutes[&s.step].clone();
        list.sort_unstable();
        let at = |q: f64| list[((q * list.len() as f64).ceil() as usize).clamp(1, list.len()) - 1];
        assert_eq!(s.done, list.len() as u64, "{} done", s.step);
        assert_eq!(s.median_minutes, Some(at(0.5)), "{} median", s.step);
        assert_eq!(s.p90_minutes, Some(at(0.9)), "{} p90", s.step);
    }
    assert_eq!(report.steps.len(), r.step_minutes.len());
}

#[test]
fn the_report_equals_a_recount_of_every_case() {
    let project = sopan::load_dir("standards").expect("loads");
    let standard = project.service("izin_praktik_dokter").expect("licence");
    let text = log(1_500);
    let report = audit(standard, &text);
    assert_eq!(report.bad_rows_total, 0, "{:?}", report.bad_rows);
    let r = recount(standard, &text, &[]);
    check(&report, &r);
    assert!(r.breached > 0 && r.on_time > 0 && r.returns > 100, "{r:?}");
    assert!(!report.escalations.is_empty(), "the budget's rules fired");
    let _ = LICENCE;
}

#[test]
fn bad_rows_are_each_reported_and_every_good_case_kept() {
    let project = sopan::load_dir("standards").expect("loads");
    let standard = project.service("izin_praktik_dokter").expect("licence");
    let text = log(300);
    // Four cases spoilt, each in a different way, in the middle of their rows.
    let mut spoilt = Vec::new();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut bad_lines = Vec::new();
    for (case, how) in [
        ("REG-0000011", "step"),
        ("REG-0000042", "instant"),
        ("REG-0000100", "event"),
        ("REG-0000201", "quote"),
    ] {
        let k = lines
            .iter()
            .position(|l| l.starts_with(case) && l.contains("cek_simple"))
            .expect("the case's row");
        lines[k] = match how {
            "step" => lines[k].replace("cek_simple", "cek_simpel"),
            "instant" => lines[k].replace("+07:00", "+07:99"),
            "event" => lines[k].replace(",done,", ",dibereskan,"),
            _ => lines[k].replace(",done,", ",\"done,"),
        };
        bad_lines.push(k + 1);
        spoilt.push(case);
    }
    // The case whose row is broken loses that event: its next row is refused and it is set
    // aside there.
    let quoted = bad_lines[3];
    let next = lines
        .iter()
        .enumerate()
        .skip(quoted)
        .find(|(_, l)| l.starts_with("REG-0000201"))
        .map(|(k, _)| k + 1)
        .expect("a later row");
    bad_lines.push(next);
    let text = lines.join("\n");
    let report = audit(standard, &text);
    let listed: Vec<usize> = report.bad_rows.iter().map(|b| b.line).collect();
    assert_eq!(listed, bad_lines, "{:?}", report.bad_rows);
    assert_eq!(report.bad_rows_total, 5);
    assert_eq!(report.set_aside, 4);
    assert!(
        report.bad_rows[0].reason.contains("cek_simpel"),
        "{:?}",
        report.bad_rows[0]
    );
    assert!(
        report.bad_rows[1].reason.contains("+07:99"),
        "{:?}",
        report.bad_rows[1]
    );
    assert!(
        report.bad_rows[2].reason.contains("dibereskan"),
        "{:?}",
        report.bad_rows[2]
    );
    // Every other case is counted exactly as a recount without the four finds it.
    let r = recount(standard, &text, &spoilt);
    assert_eq!(report.cases, 300 - 4);
    check(&report, &r);
}

#[test]
fn a_log_read_in_pieces_of_any_size_is_read_as_the_general_reader_reads_it() {
    let project = sopan::load_dir("standards").expect("loads");
    let standard = project.service("izin_praktik_dokter").expect("licence");
    let text = log(40);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Lines the plain reader leaves to the general one: quoted, spaced, beyond ASCII, blank,
    // a row of empty cells, and a line ending in CR.
    lines[3] = lines[3].replacen(",done,", ",\"done\",", 1);
    lines[5] = lines[5].replacen(",done,", " , done , ", 1);
    lines[7] = lines[7].replacen("fo-01", "fö-01", 1);
    lines.insert(9, String::new());
    lines.insert(10, ",,,,,,,,,".into());
    lines[12].push('\r');
    let text = lines.join("\n");
    let json = |r: &Report| serde_json::to_string(r).expect("json");
    let expected = json(&audit_by_lines(standard, &text));
    assert!(expected.contains("\"bad_rows_total\":"), "{expected}");
    for piece in [1, 2, 7, 8, 9, 63, 64, 4096, text.len()] {
        assert_eq!(
            json(&audit_in_pieces(standard, &text, piece)),
            expected,
            "pieces of {piece}"
        );
        let ended = text.clone() + "\n";
        assert_eq!(
            json(&audit_in_pieces(standard, &ended, piece)),
            expected,
            "pieces of {piece}, with a line end at the end"
        );
    }
}

#[test]
fn a_line_longer_than_a_row_is_a_bad_row_and_is_not_held() {
    let project = sopan::load_dir("standards").expect("loads");
    let standard = project.service("izin_praktik_dokter").expect("licence");
    let text = log(20);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.insert(4, "x".repeat(1 << 20));
    let text = lines.join("\n");
    let whole = audit(standard, &text);
    assert_eq!(whole.bad_rows_total, 1, "{:?}", whole.bad_rows);
    assert_eq!(whole.bad_rows[0].line, 5);
    let without = audit(standard, &text.replacen(&"x".repeat(1 << 20), "", 1));
    assert_eq!(whole.cases, without.cases);
    assert_eq!(whole.events, without.events);
    // Fed a byte at a time, the reader holds no more of the line than a row may have.
    let mut audit = Audit::new(standard, None, Lang::En);
    let mut reader = LogReader::new();
    for b in text.as_bytes().chunks(1) {
        reader.feed(&mut audit, b).expect("header");
        assert!(reader.held() <= sopan::source::limits::MAX_CSV_ROW_BYTES + 2);
    }
    reader.end(&mut audit).expect("header");
    assert_eq!(audit.finish().bad_rows_total, 1);
}
