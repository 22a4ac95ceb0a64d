//! Whether a budget's paths keep it from every start the calendar covers: the verdict is a
//! promise about runs (DESIGN §9). `fits`: no path, from any start judged, ends with its
//! clock breached. `cannot_fit`: from every start judged even the fastest path breaches.
//! `may_overrun`: from `fails_from` on some path breaches, and from no earlier start; with no
//! `fails_from`, some path breaches from every start. When it cannot be judged, it says why.

use super::judge::{Judge, Part, Stop};
use super::paths::Path;
use crate::time::{Calendar, Deadlines, Duration};
use jiff::Timestamp;
use serde::Serialize;

/// How a budget's paths compare with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No path breaches the budget from any start judged.
    Fits,
    /// From some start some path breaches it (`fails_from` says from when).
    MayOverrun,
    /// From every start judged even the fastest path breaches it.
    CannotFit,
    /// Some step on the paths has no known time: the sum of what is known is shown, and the
    /// steps are named.
    Unknown,
    /// The paths could not be judged; the report's `reason` says why.
    NotJudged,
}

/// Why a budget could not be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotJudged {
    /// From every start, a path runs past the calendar's last day.
    PastRange,
    /// Working time is counted and the standard names no working-day calendar.
    NoCalendar,
    /// The calendar has no working hours.
    NoWorkingHours,
    /// The clock never stops on any path (its stop cannot be reached from its start).
    NoPath,
    /// More ways through the procedure, or more work, than a check allows.
    TooManyPaths,
    /// The procedure declares no budget: its paths are summed, not judged.
    NoBudget,
}

impl NotJudged {
    /// Why, in words, in `lang`.
    pub fn words(self, lang: crate::diag::Lang) -> &'static str {
        use crate::diag::Lang::{En, Id};
        match (self, lang) {
            (NotJudged::NoBudget, Id) => {
                "prosedur ini tidak menulis anggaran; jumlahnya adalah waktu jalurnya sendiri"
            }
            (NotJudged::NoBudget, En) => {
                "the procedure declares no budget; the sums are its paths' own time"
            }
            (NotJudged::PastRange, Id) => {
                "dari setiap awal, suatu jalur berakhir sesudah hari terakhir kalender"
            }
            (NotJudged::PastRange, En) => {
                "from every start, some path ends after the calendar's last day"
            }
            (NotJudged::NoCalendar, Id) => {
                "waktu kerja dihitung, tetapi standar tidak menyebut kalender kerja"
            }
            (NotJudged::NoCalendar, En) => {
                "working time is counted and the standard names no working-day calendar"
            }
            (NotJudged::NoWorkingHours, Id) => "kalendernya tidak punya jam kerja",
            (NotJudged::NoWorkingHours, En) => "its calendar has no working hours",
            (NotJudged::NoPath, Id) => {
                "jamnya tidak pernah berhenti: titik berhentinya tidak tercapai dari titik mulainya"
            }
            (NotJudged::NoPath, En) => {
                "its clock never stops: the stop cannot be reached from the start"
            }
            (NotJudged::TooManyPaths, Id) => "jalurnya terlalu banyak untuk dinilai satu per satu",
            (NotJudged::TooManyPaths, En) => "it has too many paths to judge one by one",
        }
    }
}

/// The outcome of judging a budget's paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Judgement {
    pub verdict: Verdict,
    pub reason: Option<NotJudged>,
    /// The earliest start from which a path breaches.
    pub fails_from: Option<i64>,
    /// The starts judged (seconds), first and last.
    pub judged: Option<(i64, i64)>,
    /// Which longest and which shortest path to show.
    pub longest: usize,
    pub shortest: usize,
}

/// Evaluations allowed to judge one budget: a few hundred per covered day is the usual cost.
pub(super) const FUEL: u64 = 4_000_000;

impl Judgement {
    /// No verdict, for `reason`.
    pub(super) fn not(reason: NotJudged) -> Judgement {
        Judgement {
            verdict: Verdict::NotJudged,
            reason: Some(reason),
            fails_from: None,
            judged: None,
            longest: 0,
            shortest: 0,
        }
    }
}

/// Judges the paths kept at the longest bound and at the shortest against `budget`.
pub(super) fn judge(
    d: Deadlines<'_>,
    budget: Duration,
    longest: &[Path],
    shortest: &[Path],
) -> Judgement {
    let Some((lo, hi)) = range(d.calendar()) else {
        return Judgement::not(NotJudged::NoWorkingHours);
    };
    let mut j = Judge::new(d, budget, FUEL);
    match run(&mut j, lo, hi, longest, shortest) {
        Ok(judgement) => judgement,
        Err(Stop::NoCalendar) => Judgement::not(NotJudged::NoCalendar),
        Err(Stop::TooMuch) => Judgement::not(NotJudged::TooManyPaths),
    }
}

fn run(
    j: &mut Judge<'_>,
    lo: i64,
    hi: i64,
    longest: &[Path],
    shortest: &[Path],
) -> Result<Judgement, Stop> {
    // Each longest path: where it first breaches, where it runs past the calendar, and the
    // starts it keeps the budget from.
    let mut first_breach: Option<i64> = None;
    let mut past_from = hi + 1;
    let mut kept: Vec<Vec<(i64, i64)>> = Vec::with_capacity(longest.len());
    for p in longest {
        let mut ok: Vec<(i64, i64)> = Vec::new();
        j.scan(&p.segs, lo, hi, &mut |a, b, part| {
            match part {
                Part::Ok => push_run(&mut ok, a, b),
                Part::Breach => {
                    first_breach = Some(first_breach.map_or(a, |f| f.min(a)));
                }
                Part::Past => past_from = past_from.min(a),
            }
            // Past the calendar the rest is not judged.
            part != Part::Past
        })?;
        kept.push(ok);
    }
    let last = past_from - 1;
    if last < lo {
        return Ok(Judgement::not(NotJudged::PastRange));
    }
    let (longest_shown, shortest_shown) = shown(j, longest, shortest, first_breach.unwrap_or(lo))?;
    let judgement = |verdict, fails_from| Judgement {
        verdict,
        reason: None,
        fails_from,
        judged: Some((lo, last)),
        longest: longest_shown,
        shortest: shortest_shown,
    };
    let Some(first) = first_breach else {
        return Ok(judgement(Verdict::Fits, None));
    };
    // Even the fastest path breaches from every start judged?
    let mut some_fits = false;
    for p in shortest {
        // A fastest path that is also a longest one (no step's time is a range on it) was
        // judged above from every start: its runs kept say whether one fits.
        let judged = longest.iter().position(|l| l.segs == p.segs);
        match judged.and_then(|k| kept.get(k)) {
            Some(ok) => some_fits |= ok.iter().any(|&(a, _)| a <= last),
            None => j.scan(&p.segs, lo, last, &mut |_, _, part| {
                some_fits |= part == Part::Ok;
                !some_fits
            })?,
        }
        if some_fits {
            break;
        }
    }
    if !some_fits {
        return Ok(judgement(Verdict::CannotFit, None));
    }
    // A start that every longest path keeps: then some start does not overrun.
    let mut common = vec![(lo, last)];
    for ok in &kept {
        common = intersect(&common, ok);
    }
    let fails_from = (!common.is_empty()).then_some(first);
    Ok(judgement(Verdict::MayOverrun, fails_from))
}

/// The paths to show: of the longest, the one that comes closest to breaching (or breaches
/// most) from `at`; of the shortest, the one that stays furthest below.
fn shown(
    j: &mut Judge<'_>,
    longest: &[Path],
    shortest: &[Path],
    at: i64,
) -> Result<(usize, usize), Stop> {
    let mut pick = |paths: &[Path], most: bool| -> Result<usize, Stop> {
        let mut best: Option<(i64, usize)> = None;
        for (k, p) in paths.iter().enumerate() {
            let Some(over) = j.over_at(&p.segs, at)? else {
                continue;
            };
            let better = best.is_none_or(|(b, _)| if most { over > b } else { over < b });
            if better {
                best = Some((over, k));
            }
        }
        Ok(best.map_or(0, |(_, k)| k))
    };
    Ok((pick(longest, true)?, pick(shortest, false)?))
}

fn push_run(runs: &mut Vec<(i64, i64)>, a: i64, b: i64) {
    match runs.last_mut() {
        Some(last) if last.1 + 1 == a => last.1 = b,
        _ => runs.push((a, b)),
    }
}

/// The starts in both lists of runs.
fn intersect(xs: &[(i64, i64)], ys: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let (mut i, mut k) = (0, 0);
    let mut out = Vec::new();
    while i < xs.len() && k < ys.len() {
        let (a, b) = (xs[i].0.max(ys[k].0), xs[i].1.min(ys[k].1));
        if a <= b {
            out.push((a, b));
        }
        if xs[i].1 < ys[k].1 {
            i += 1;
        } else {
            k += 1;
        }
    }
    out
}

/// The starts judged: every second of the calendar's covered days; without a calendar (only
/// calendar units), four years from 2024 in WIB, which hold every pattern of month lengths.
/// `None` when the calendar has no working hours.
fn range(c: Option<&Calendar>) -> Option<(i64, i64)> {
    let Some(c) = c else {
        let first = jiff::civil::date(2024, 1, 1).at(0, 0, 0, 0);
        let last = jiff::civil::date(2027, 12, 31).at(23, 59, 59, 0);
        let wib = jiff::tz::offset(7);
        let lo = wib.to_timestamp(first).ok()?.as_second();
        let hi = wib.to_timestamp(last).ok()?.as_second();
        return Some((lo, hi));
    };
    if c.shortest_day_seconds() == 0 {
        return None;
    }
    let (first, last) = c.covered_instants();
    Some((first.as_second(), last.as_second()))
}

/// An instant as a timestamp (for reports).
pub(super) fn instant(s: i64) -> Option<Timestamp> {
    Timestamp::from_second(s).ok()
}
