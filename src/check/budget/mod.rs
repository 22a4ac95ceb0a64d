//! Static budget analysis: for each budget of a procedure, the real paths its clock runs
//! over from where it starts to where it stops, and whether they keep the budget from every
//! start the calendar covers.
//!
//! A path is a sequence of stretches of time in the order a case takes them — steps' own
//! times and the waits between them, each in its own unit — never a sum of parts of different
//! paths (`paths`). Each is judged by the clock's own reading of time, exactly, from every
//! start second (`judge`), and the verdict is a promise about runs (`verdict`). The
//! shortest and longest shown are real paths, named by their steps.

mod days;
mod ends;
mod judge;
mod paths;
mod sums;
mod verdict;
mod verdicts;
mod walk;

use crate::diag::{Amount, Diagnostic, Kind, PathHop};
use crate::machine::Machine;
use crate::model::Procedure;
use crate::time::{Calendar, DayCount, Deadlines, Duration, PlainDays, Unit};
use paths::{Path, Side};
use serde::Serialize;

pub use sums::paths_only;

pub use verdict::{NotJudged, Verdict};
pub use verdicts::Verdicts;

/// Working minutes of a day where a standard names no calendar (Perpres 21/2023: 37.5 hours
/// over five days), used only to judge `hari_ke` days.
pub const DEFAULT_DAY_MINUTES: u32 = 450;

/// The analysis of one budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    /// Procedure id.
    pub procedure: String,
    /// Budget id (`None`: the procedure declares no budget, and only its paths are summed).
    pub budget: Option<String>,
    /// The budget as written (`None` without a budget).
    pub limit: Option<Duration>,
    /// When the budget applies only to some cases: its clock starts after this step ends
    /// with this outcome (`mulai setelah periksa dengan lengkap`), and cases whose step ends
    /// otherwise never start it — a total with a condition, one budget per condition. Left
    /// out of JSON when the budget applies to every case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<BudgetCondition>,
    /// The time the clock counts on the shortest path, per unit (`None` when the clock's
    /// stop cannot be reached).
    pub shortest: Option<Amount>,
    /// The shortest path itself, hop by hop.
    pub shortest_path: Vec<PathHop>,
    /// The time the clock counts on the longest path (each loop gone round at most once).
    pub longest: Option<Amount>,
    /// The longest path itself, hop by hop.
    pub longest_path: Vec<PathHop>,
    /// `fits`, `may_overrun`, `cannot_fit`, `unknown` when a step on the paths has no known
    /// time, or `not_judged` (see `reason`).
    pub verdict: Verdict,
    /// Why the paths could not be judged, for `not_judged`.
    pub reason: Option<NotJudged>,
    /// The steps of unknown time on the paths (for `unknown`), by id.
    pub unknown_steps: Vec<String>,
    /// The steps after which a path leaves the published table (`terpotong`), by id: what
    /// follows is not published, so the verdict is `unknown`. Left out of JSON when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cut_off_after: Vec<String>,
    /// For `may_overrun`: the earliest start from which a path breaches the budget (`None`:
    /// some path breaches from every start).
    pub fails_from: Option<jiff::Timestamp>,
    /// The starts judged, first and last: every second of the calendar's covered days, up to
    /// the last start from which every path ends within them.
    pub judged: Option<Judged>,
}

/// The condition a budget applies under: a step's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetCondition {
    /// The step, by id.
    pub step: String,
    /// The outcome it ends with.
    pub outcome: String,
}

/// The condition `budget` applies under, when its start names an outcome.
fn condition(proc: &Procedure, budget: &crate::model::Budget) -> Option<BudgetCondition> {
    let start = budget.start.as_ref()?;
    let outcome = start.outcome.clone()?;
    let crate::model::Node::Step(i) = start.node else {
        return None;
    };
    Some(BudgetCondition {
        step: proc.steps.get(i)?.id.clone(),
        outcome,
    })
}

/// The starts a verdict covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Judged {
    /// The first start judged.
    pub from: jiff::Timestamp,
    /// The last start judged.
    pub to: jiff::Timestamp,
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

/// Analyses every budget of a procedure on its calendar (`None`: only calendar units).
pub fn analyse(
    proc: &Procedure,
    machine: &Machine,
    calendar: Option<&Calendar>,
) -> Vec<BudgetReport> {
    analyse_with(proc, machine, calendar, &mut Verdicts::default())
}

/// [`analyse`], reusing and keeping the judgements of a run.
pub fn analyse_with(
    proc: &Procedure,
    machine: &Machine,
    calendar: Option<&Calendar>,
    known: &mut Verdicts,
) -> Vec<BudgetReport> {
    if machine.has_unresolved() {
        return Vec::new();
    }
    let deadlines = Deadlines::new(calendar);
    proc.budgets
        .iter()
        .map(|b| {
            let (long, short, unknown, cut_off) = walked(proc, machine, b, calendar);
            let j = if !unknown.is_empty() || !cut_off.is_empty() {
                unknown_judgement(&long.paths, &short.paths)
            } else if long.overflow || short.overflow {
                verdict::Judgement::not(NotJudged::TooManyPaths)
            } else if long.paths.is_empty() || short.paths.is_empty() {
                verdict::Judgement::not(NotJudged::NoPath)
            } else {
                let key = (
                    calendar.map_or(0, Calendar::fingerprint),
                    b.duration,
                    long.paths.iter().map(|p| p.segs.clone()).collect(),
                    short.paths.iter().map(|p| p.segs.clone()).collect(),
                );
                known.get_or_judge(key, || {
                    verdict::judge(deadlines, b.duration, &long.paths, &short.paths)
                })
            };
            let shown = |paths: &[Path], k: usize| paths.get(k).or(paths.first()).cloned();
            let (longest, shortest) = (
                shown(&long.paths, j.longest),
                shown(&short.paths, j.shortest),
            );
            BudgetReport {
                procedure: proc.id.clone(),
                budget: Some(b.id.clone()),
                limit: Some(b.duration),
                applies_when: condition(proc, b),
                shortest: shortest.as_ref().map(|p| p.amount),
                shortest_path: shortest.map(|p| hops(proc, &p)).unwrap_or_default(),
                longest: longest.as_ref().map(|p| p.amount),
                longest_path: longest.map(|p| hops(proc, &p)).unwrap_or_default(),
                verdict: j.verdict,
                reason: j.reason,
                unknown_steps: ids(proc, unknown),
                cut_off_after: ids(proc, cut_off),
                fails_from: j.fails_from.and_then(verdict::instant),
                judged: j.judged.and_then(|(a, z)| {
                    Some(Judged {
                        from: verdict::instant(a)?,
                        to: verdict::instant(z)?,
                    })
                }),
            }
        })
        .collect()
}

/// The ids of steps `i`.
fn ids(proc: &Procedure, steps: Vec<usize>) -> Vec<String> {
    steps
        .into_iter()
        .filter_map(|i| proc.steps.get(i))
        .map(|s| s.id.clone())
        .collect()
}

/// The paths a budget's clock runs over, at the longest and the shortest bound, the steps
/// of unknown time on any of them, and the steps after which any of them leaves the
/// published table.
fn walked(
    proc: &Procedure,
    machine: &Machine,
    budget: &crate::model::Budget,
    calendar: Option<&Calendar>,
) -> (paths::Found, paths::Found, Vec<usize>, Vec<usize>) {
    let days_add = calendar.is_none_or(|c| c.day_count() == DayCount::NextDay);
    let moves = calendar.is_some_and(|c| c.plain_days() == PlainDays::NextWorkingDay);
    let clock = walk::Clockwork::new(proc, machine, budget);
    let long = paths::walk(&clock, Side::Longest, days_add, moves);
    let short = paths::walk(&clock, Side::Shortest, days_add, moves);
    let on_paths = |of: fn(&Path) -> &Vec<usize>| {
        let mut steps: Vec<usize> = long
            .paths
            .iter()
            .chain(&short.paths)
            .flat_map(|p| of(p).iter().copied())
            .collect();
        steps.sort_unstable();
        steps.dedup();
        steps
    };
    let unknown = on_paths(|p| &p.unknown);
    let cut_off = on_paths(|p| &p.cut_off);
    (long, short, unknown, cut_off)
}

/// For paths with steps of unknown time: no verdict, and the paths with the most and the
/// least of what is known shown.
fn unknown_judgement(long: &[Path], short: &[Path]) -> verdict::Judgement {
    let order = |a: &Amount| (a.months, a.days, a.working_days, a.minutes);
    let most = (0..long.len()).max_by_key(|k| order(&long[*k].amount));
    let least = (0..short.len()).min_by_key(|k| order(&short[*k].amount));
    verdict::Judgement {
        verdict: Verdict::Unknown,
        reason: None,
        fails_from: None,
        judged: None,
        longest: most.unwrap_or(0),
        shortest: least.unwrap_or(0),
    }
}

/// A path's hops with names.
fn hops(proc: &Procedure, p: &Path) -> Vec<PathHop> {
    let step = |i: usize| proc.steps.get(i).map_or(String::new(), |s| s.id.clone());
    p.hops
        .iter()
        .map(|h| match h {
            walk::Hop::Step(i, outcome) => PathHop::Step {
                step: step(*i),
                outcome: outcome.clone(),
            },
            walk::Hop::Skipped(i) => PathHop::Skipped { step: step(*i) },
            walk::Hop::Returned => PathHop::Returned,
            walk::Hop::End(e) => PathHop::End {
                end: proc.ends.get(*e).map_or(String::new(), |x| x.id.clone()),
            },
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
    for st in &proc.steps {
        let Some(cut) = &st.cut_off else { continue };
        let budgets = reports
            .iter()
            .filter(|r| r.cut_off_after.contains(&st.id))
            .filter_map(|r| r.budget.clone())
            .collect();
        let kind = Kind::CutOff {
            step: st.id.clone(),
            budgets,
        };
        out.push(Diagnostic::located(kind, cut.loc));
    }
    // A flow with a name that did not resolve or a loop with no way out is already an error;
    // its paths say nothing about the budget.
    if machine.has_unresolved() || !machine.closed_loops().is_empty() {
        return;
    }
    for (report, b) in reports.into_iter().zip(&proc.budgets) {
        let limit = amount_of(u64::from(b.duration.max), b.duration.unit);
        let kind = match (report.verdict, report.shortest, report.longest) {
            (Verdict::CannotFit, Some(shortest), _) => Kind::BudgetCannotFit {
                path: report.shortest_path.clone(),
                budget: b.id.clone(),
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
            // Paths that leave the published table: `sop::cut-off` names the budget.
            (Verdict::Unknown, _, _) if report.unknown_steps.is_empty() => continue,
            (Verdict::Unknown, _, _) => Kind::BudgetUnknown {
                budget: b.id.clone(),
                steps: report.unknown_steps,
            },
            (Verdict::MayOverrun, _, Some(longest)) => Kind::BudgetMayOverrun {
                path: report.longest_path.clone(),
                budget: b.id.clone(),
                longest,
                limit,
                from: report.fails_from.map(|t| local_minute(t, calendar)),
            },
            (Verdict::NotJudged, _, _) => match report.reason {
                Some(NotJudged::PastRange) => Kind::BudgetNotJudged {
                    budget: b.id.clone(),
                    last_day: calendar.map(|c| c.range().1),
                },
                Some(NotJudged::TooManyPaths) => Kind::BudgetNotJudged {
                    budget: b.id.clone(),
                    last_day: None,
                },
                // Said elsewhere: no calendar, no working hours, a stop never reached.
                _ => continue,
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

/// An instant as people read it in the calendar's zone: `2026-03-17 14:59 WIB`.
fn local_minute(t: jiff::Timestamp, calendar: Option<&Calendar>) -> String {
    calendar
        .map_or(crate::time::Zone::Wib, Calendar::zone)
        .show(t)
}
