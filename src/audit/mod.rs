//! The annual evaluation of performance (*evaluasi kinerja*) from what really happened: a log
//! of events of many cases, as a licensing system exports it, replayed on the standard — each
//! case opened, `advance`d to each event's instant before it (so deemed approvals and
//! escalations are recorded) and the event applied — and summed up: cases on time and
//! breached by month, working time per step against its Mutu Baku, where time is lost,
//! returns to the applicant and their waits, escalations and deemed approvals, and the rows
//! that could not be taken (their case set aside, nothing else lost).
//!
//! Rows are taken one at a time and a case is forgotten once it closes, so memory follows the
//! cases open at once, not the length of the log. Sans I/O: the host reads the log.

mod close;
mod log;
mod read;
pub mod report;

pub use log::{Columns, LogRow, OwnedRow};
pub use read::{HeaderError, LogReader};
pub use report::Report;

use crate::diag::Lang;
use crate::interp::{Case, Context};
use crate::project::Standard;
use report::{BadRow, Counts, Month, RoleTime, StepTime};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Bad rows listed one by one in a report; beyond, only counted.
pub const MAX_BAD_ROWS: usize = 1000;

/// A case being replayed.
struct Open {
    case: Case,
    procedure: usize,
    month: (i32, u32),
    /// Events applied, returns, and the escalations and obligations fired: added to the
    /// report when the case is counted, dropped if it is set aside.
    events: u64,
    returns: u64,
    fired: Vec<crate::interp::Action>,
}

/// Sums kept per step.
#[derive(Default)]
struct StepSums {
    minutes: Counts,
    late: u64,
    over: i64,
    standard: Option<i64>,
}

/// A log being replayed on one standard.
pub struct Audit<'a> {
    standard: &'a Standard,
    contexts: Vec<Option<Context<'a>>>,
    default_procedure: Option<usize>,
    lang: Lang,
    open: HashMap<String, Open>,
    set_aside: HashSet<String>,
    months: BTreeMap<(i32, u32), Month>,
    steps: Vec<Vec<StepSums>>,
    waits: Counts,
    report: Report,
    last: Option<jiff::Timestamp>,
    /// The event of the row being taken, its texts' room reused from row to row.
    event: crate::interp::Event,
    /// The cards of closed cases, their room for cases opened next.
    spare_cards: Vec<crate::interp::CardRoom>,
    /// Instants read, the day of the row before remembered (a log holds thousands a day).
    instants: crate::time::InstantReader,
}

/// Cards kept for reuse at most: enough for the cases that close between two openings.
const SPARE_CARDS: usize = 64;

impl<'a> Audit<'a> {
    /// An audit of cases of `standard`, on `procedure` when a row names none (default: the
    /// first procedure of its first service, else its first procedure). Messages in `lang`.
    pub fn new(standard: &'a Standard, procedure: Option<&str>, lang: Lang) -> Audit<'a> {
        let model = standard.model();
        let contexts: Vec<Option<Context<'a>>> = model
            .procedures
            .iter()
            .map(|p| standard.context(&p.id))
            .collect();
        let default_procedure = match procedure {
            Some(id) => model.procedures.iter().position(|p| p.id == id),
            None => model
                .services
                .first()
                .and_then(|s| s.procedures.first().copied())
                .or((!model.procedures.is_empty()).then_some(0)),
        };
        Audit {
            standard,
            steps: model
                .procedures
                .iter()
                .map(|p| p.steps.iter().map(|_| StepSums::default()).collect())
                .collect(),
            contexts,
            default_procedure,
            lang,
            open: HashMap::new(),
            set_aside: HashSet::new(),
            months: BTreeMap::new(),
            waits: Counts::default(),
            report: Report::default(),
            last: None,
            spare_cards: Vec::new(),
            instants: crate::time::InstantReader::default(),
            event: crate::interp::Event::Deemed {
                at: jiff::Timestamp::UNIX_EPOCH,
            },
        }
    }

    /// Takes one row of the log.
    pub fn row(&mut self, row: &LogRow<'_>) {
        self.report.rows += 1;
        if !self.set_aside.is_empty() && self.set_aside.contains(row.case) {
            self.report.skipped_rows += 1;
            return;
        }
        if let Err(reason) = self.take(row) {
            self.bad(row.line, Some(row.case), reason);
            self.open.remove(row.case);
            if !row.case.is_empty() {
                self.set_aside.insert(row.case.to_string());
                self.report.set_aside += 1;
            }
        }
    }

    /// Counts a row that could not be read at all (a broken line of the file).
    pub fn unreadable(&mut self, line: usize, reason: String) {
        self.report.rows += 1;
        self.bad(line, None, reason);
    }

    fn bad(&mut self, line: usize, case: Option<&str>, reason: String) {
        self.report.bad_rows_total += 1;
        if self.report.bad_rows.len() < MAX_BAD_ROWS {
            self.report.bad_rows.push(BadRow {
                line,
                case: case.filter(|c| !c.is_empty()).map(str::to_string),
                reason,
            });
        }
    }

    fn words(&self, id: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(id, en)
    }

    fn take(&mut self, row: &LogRow<'_>) -> Result<(), String> {
        if row.case.is_empty() {
            return Err(self.words("kasus tidak disebut", "no case named").into());
        }
        let at = self.instants.read(row.at).ok_or_else(|| {
            format!(
                "{} `{}`",
                self.words("waktu tidak terbaca:", "instant not readable:"),
                row.at
            )
        })?;
        let has_event = row.event_into(at, self.lang, &mut self.event)?;
        let procedure = match row.procedure {
            Some(id) => self
                .standard
                .model()
                .procedures
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| {
                    format!(
                        "{} `{id}`",
                        self.words("tidak ada prosedur", "no procedure")
                    )
                })?,
            None => self.default_procedure.ok_or_else(|| {
                self.words("standar tanpa prosedur", "the standard has no procedure")
                    .to_string()
            })?,
        };
        let Some(ctx) = self.contexts.get(procedure).and_then(Option::as_ref) else {
            return Err(self
                .words("prosedur tanpa mesin", "procedure not compiled")
                .into());
        };
        let zone = ctx.calendar().map_or(crate::time::Zone::Wib, |c| c.zone());
        let lang = self.lang;
        if self.last.is_none_or(|l| at > l) {
            self.last = Some(at);
        }
        // One look-up for a case already open; a new one is opened first.
        let open = match self.open.get_mut(row.case) {
            Some(open) => open,
            None => {
                let (mut case, actions) =
                    Case::open(ctx, row.case, at).map_err(|e| e.message(lang, zone))?;
                case.keep_card_only(ctx, self.spare_cards.pop());
                let local = (at.as_second() + zone.offset_seconds()).div_euclid(86_400);
                let (y, m, _) = crate::time::days::civil::date(i32::try_from(local).unwrap_or(0));
                self.open.entry(row.case.to_string()).or_insert(Open {
                    case,
                    procedure,
                    month: (y, m),
                    events: 0,
                    returns: 0,
                    fired: actions,
                })
            }
        };
        if !has_event {
            return Ok(());
        }
        if open.procedure != procedure {
            return Err(self
                .words(
                    "kasus ini dibuka pada prosedur lain",
                    "this case was opened on another procedure",
                )
                .into());
        }
        let fired = open.case.advance(ctx, at);
        if !fired.is_empty() {
            open.fired.extend(fired);
        }
        let actions = open
            .case
            .apply(ctx, &self.event)
            .map_err(|e| e.message(lang, zone))?;
        if !actions.is_empty() {
            open.fired.extend(actions);
        }
        open.events += 1;
        // A return by `returned` or by a decision's outcome that leads back to the applicant.
        if open.case.is_returned() {
            open.returns += 1;
        }
        if open.case.is_closed() {
            if let Some(open) = self.open.remove(row.case) {
                self.close(open, at, true);
            }
        }
        Ok(())
    }

    /// Reads every case still open at the log's last instant, and gives the report.
    pub fn finish(mut self) -> Report {
        if let Some(now) = self.last {
            let open: Vec<Open> = self.open.drain().map(|(_, o)| o).collect();
            let mut open = open;
            open.sort_by(|a, b| a.case.id().cmp(b.case.id()));
            for mut o in open {
                if let Some(ctx) = self.contexts.get(o.procedure).and_then(Option::as_ref) {
                    let fired = o.case.advance(ctx, now);
                    o.fired.extend(fired);
                }
                let closed = o.case.is_closed();
                self.close(o, now, closed);
            }
            let zone = self
                .contexts
                .iter()
                .flatten()
                .find_map(|c| c.calendar())
                .map_or(crate::time::Zone::Wib, |c| c.zone());
            self.report.until = Some(zone.rfc3339(now));
        }
        let model = self.standard.model();
        let mut roles: BTreeMap<String, RoleTime> = BTreeMap::new();
        for (p, sums) in self.steps.iter().enumerate() {
            let Some(proc) = model.procedures.get(p) else {
                continue;
            };
            for (i, s) in sums.iter().enumerate() {
                let Some(step) = proc.steps.get(i) else {
                    continue;
                };
                if s.minutes.is_empty() {
                    continue;
                }
                let role = step.roles.first().and_then(|r| model.role(*r));
                // Only a working-time standard compares with the working minutes held.
                let working = step
                    .duration
                    .is_some_and(|d| d.unit.measure() == crate::time::Measure::Working);
                let standard = s.standard.filter(|_| working);
                self.report.steps.push(StepTime {
                    procedure: proc.id.clone(),
                    step: step.id.clone(),
                    title: step.title.clone(),
                    role: role.map(|r| r.id.clone()),
                    standard_minutes: standard,
                    done: s.minutes.len(),
                    median_minutes: s.minutes.quantile(0.5),
                    p90_minutes: s.minutes.quantile(0.9),
                    late: s.late,
                    minutes_over: s.over,
                });
                if let Some(r) = role {
                    let entry = roles.entry(r.id.clone()).or_insert_with(|| RoleTime {
                        role: r.id.clone(),
                        title: r.title.clone(),
                        late: 0,
                        minutes_over: 0,
                    });
                    entry.late += s.late;
                    entry.minutes_over += s.over;
                }
            }
        }
        let mut roles: Vec<RoleTime> = roles.into_values().collect();
        roles.sort_by(|a, b| {
            b.minutes_over
                .cmp(&a.minutes_over)
                .then(a.role.cmp(&b.role))
        });
        self.report.roles = roles;
        self.report.months = self
            .months
            .into_iter()
            .map(|((y, m), mut month)| {
                month.month = format!("{y:04}-{m:02}");
                month
            })
            .collect();
        self.report.wait_median_minutes = self.waits.quantile(0.5);
        self.report.wait_p90_minutes = self.waits.quantile(0.9);
        self.report
    }
}
