//! Static budget analysis: for each budget of a procedure, the shortest and the longest path
//! from where its clock starts to where it stops, and whether the longest path ends before
//! the budget's due instant for every start the calendar covers.
//!
//! Path times are summed per unit and never converted between units ([`Amount`]): months stay
//! months, working days stay working days. A path's end is reckoned from a start instant by
//! the same rules as every clock ([`Deadlines`]); a path that mixes units is reckoned in every
//! order of its units, the latest end for the longest path and the earliest for the shortest,
//! so the verdict never depends on an order the analysis cannot know. Loops count once,
//! ranges at their bounds, conditional steps at zero for the shortest path; paths are never
//! enumerated (linear in the graph).

mod ends;
mod paths;
mod verdict;

use crate::diag::{Amount, Diagnostic, Kind};
use crate::machine::Machine;
use crate::model::{Pause, Procedure};
use crate::time::{Calendar, Deadlines, Duration, Unit};
use serde::Serialize;

pub use verdict::Verdict;

/// Working minutes of a day where a standard names no calendar (Perpres 21/2023: 37.5 hours
/// over five days), used only to judge `hari_ke` days.
pub const DEFAULT_DAY_MINUTES: u32 = 450;

/// The analysis of one budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    /// Procedure id.
    pub procedure: String,
    /// Budget id.
    pub budget: String,
    /// The budget as written.
    pub limit: Duration,
    /// The shortest path's time per unit (`None` when the stop cannot be reached).
    pub shortest: Option<Amount>,
    /// The longest path's time per unit, loops counted once.
    pub longest: Option<Amount>,
    /// `fits`, `may_overrun`, `cannot_fit`, or `unknown` when a step on the paths has no
    /// known time.
    pub verdict: Verdict,
    /// The steps of unknown time on the paths (for `unknown`), by id.
    pub unknown_steps: Vec<String>,
    /// For `may_overrun`: the earliest start instant whose longest path ends after the
    /// budget's due instant (for example just before a long holiday).
    pub fails_from: Option<jiff::Timestamp>,
}

/// An amount of one unit, `n` times.
pub fn amount_of(n: u64, unit: Unit) -> Amount {
    let mut a = Amount::default();
    match unit {
        Unit::Minute => a.minutes = n,
        Unit::Hour => a.minutes = n.saturating_mul(60),
        Unit::WorkingDay => a.working_days = n,
        Unit::Day => a.days = n,
        Unit::Week => a.days = n.saturating_mul(7),
        Unit::Month => a.months = n,
    }
    a
}

/// Verdicts already computed in a run, by calendar and the shape of the paths: an agency's
/// services often share an SOP's shape, and a verdict sweeps the whole calendar.
#[derive(Debug, Clone, Default)]
pub struct Verdicts {
    known: std::collections::HashMap<(usize, String), (Verdict, Option<jiff::Timestamp>)>,
}

/// Analyses every budget of a procedure on its calendar (`None`: only calendar units).
pub fn analyse(
    proc: &Procedure,
    machine: &Machine,
    calendar: Option<&Calendar>,
) -> Vec<BudgetReport> {
    analyse_with(proc, machine, calendar, &mut Verdicts::default())
}

/// [`analyse`], reusing and keeping the verdicts of a run.
pub fn analyse_with(
    proc: &Procedure,
    machine: &Machine,
    calendar: Option<&Calendar>,
    known: &mut Verdicts,
) -> Vec<BudgetReport> {
    if machine.has_unresolved() {
        return Vec::new();
    }
    // A calendar is identified by where it lives: one run builds each calendar once.
    let calendar_id = calendar.map_or(0, |c| std::ptr::from_ref(c) as usize);
    let deadlines = Deadlines::new(calendar);
    proc.budgets
        .iter()
        .map(|b| {
            let paused: Vec<usize> = b
                .pauses
                .iter()
                .filter_map(|p| match p {
                    Pause::Step(i) => Some(*i),
                    Pause::Returned => None,
                })
                .collect();
            let paths = paths::Paths::new(proc, machine, b, &paused);
            let (shortest, longest) = paths.amounts();
            let unknown: Vec<String> = paths
                .unknown_steps()
                .into_iter()
                .filter_map(|i| proc.steps.get(i))
                .map(|s| s.id.clone())
                .collect();
            let (verdict, fails_from) = match (shortest, longest) {
                _ if !unknown.is_empty() => (Verdict::Unknown, None),
                (Some(lo), Some(hi)) => {
                    let key = (calendar_id, format!("{:?}{}", b.duration, paths.shape()));
                    *known
                        .known
                        .entry(key)
                        .or_insert_with(|| verdict::judge(&deadlines, &paths, (lo, hi), b.duration))
                }
                _ => (Verdict::Fits, None),
            };
            BudgetReport {
                procedure: proc.id.clone(),
                budget: b.id.clone(),
                limit: b.duration,
                shortest,
                longest,
                verdict,
                unknown_steps: unknown,
                fails_from,
            }
        })
        .collect()
}

/// Diagnostics for a procedure's budgets, and for working days overfilled by the steps
/// marked as falling on them.
pub fn check(
    proc: &Procedure,
    machine: &Machine,
    calendar: Option<&Calendar>,
    known: &mut Verdicts,
    out: &mut Vec<Diagnostic>,
) {
    let reports = analyse_with(proc, machine, calendar, known);
    // A flow with a name that did not resolve or a loop with no way out is already an error;
    // its paths say nothing about the budget.
    if machine.has_unresolved() || !machine.closed_loops().is_empty() {
        return;
    }
    for (report, b) in reports.into_iter().zip(&proc.budgets) {
        let limit = amount_of(u64::from(b.duration.max), b.duration.unit);
        let kind = match (report.verdict, report.shortest, report.longest) {
            (Verdict::CannotFit, Some(shortest), _) => Kind::BudgetCannotFit {
                budget: report.budget,
                shortest,
                limit,
            },
            // A step that could not be read is reported once, as a syntax error.
            (Verdict::Unknown, _, _)
                if report
                    .unknown_steps
                    .iter()
                    .any(|id| proc.steps.iter().any(|s| &s.id == id && s.broken)) =>
            {
                continue
            }
            (Verdict::Unknown, _, _) => Kind::BudgetUnknown {
                budget: report.budget,
                steps: report.unknown_steps,
            },
            (Verdict::MayOverrun, _, Some(longest)) => Kind::BudgetMayOverrun {
                budget: report.budget,
                longest,
                limit,
                from: report.fails_from.map(|t| local_minute(t, calendar)),
            },
            _ => continue,
        };
        out.push(Diagnostic::located(kind, b.loc));
    }
    let day_minutes = calendar.map_or(DEFAULT_DAY_MINUTES, Calendar::usual_day_minutes);
    let mut per_day: std::collections::BTreeMap<u32, (u64, crate::source::span::Loc)> =
        Default::default();
    for st in &proc.steps {
        let (Some(day), Some(d)) = (st.on_day, st.duration) else {
            continue;
        };
        let minutes = match d.unit {
            Unit::Minute => u64::from(d.max),
            Unit::Hour => u64::from(d.max) * 60,
            _ => u64::from(d.max).saturating_mul(u64::from(day_minutes)),
        };
        let entry = per_day.entry(day).or_insert((0, st.loc));
        entry.0 = entry.0.saturating_add(minutes);
    }
    for (day, (total, loc)) in per_day {
        if total > u64::from(day_minutes) {
            let kind = Kind::DayOverfull {
                day,
                minutes: total,
                limit: u64::from(day_minutes),
            };
            out.push(Diagnostic::located(kind, loc));
        }
    }
}

/// An instant as people read it in the calendar's zone: `2026-03-17 14:59` (with seconds
/// when it has any).
fn local_minute(t: jiff::Timestamp, calendar: Option<&Calendar>) -> String {
    let offset = calendar.map_or(7 * 3600, |c| c.zone().offset_seconds());
    let offset = i32::try_from(offset)
        .ok()
        .and_then(|s| jiff::tz::Offset::from_seconds(s).ok())
        .unwrap_or(jiff::tz::Offset::UTC);
    let local = offset.to_datetime(t);
    let format = if local.second() == 0 {
        "%Y-%m-%d %H:%M"
    } else {
        "%Y-%m-%d %H:%M:%S"
    };
    local.strftime(format).to_string()
}
