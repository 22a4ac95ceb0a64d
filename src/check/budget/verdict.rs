//! Whether a budget's paths end by its due instant for every start the calendar covers.
//!
//! Every ending is a non-decreasing function of the start (a later start never ends
//! earlier), and so is the budget's due instant. So the longest path fits everywhere when it
//! fits at the last instant of every stretch over which the due instant stays the same (for a
//! budget in working days: a day, or from one cut-off to the next), and the shortest path
//! fails everywhere when it fails at the first instant of every such stretch: for budgets in
//! working days the verdict is exact, and stretches whose coming working days look alike are
//! judged once. A budget whose due moves with the start (minutes, hours, days, weeks, months)
//! is judged at every instant where the calendar changes (openings, closings, breaks,
//! cut-offs, midnights) and every five minutes of working hours in between; a failure is
//! then narrowed to the second.

use super::paths::Paths;
use crate::diag::Amount;
use crate::time::{Calendar, DayCount, Deadlines, Duration, Unit};
use jiff::Timestamp;
use serde::Serialize;
use std::collections::HashMap;

/// How a budget's paths compare with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The longest path ends by the budget's due instant from every start.
    Fits,
    /// From some start the longest path ends after the budget's due instant.
    MayOverrun,
    /// From every start even the shortest path ends after it.
    CannotFit,
    /// Some step on the paths has no known time: the sum of what is known is shown, and the
    /// steps are named.
    Unknown,
}

/// The verdict, and for `MayOverrun` the earliest start whose longest path overruns (`None`
/// when it overruns from every start).
pub fn judge(
    d: &Deadlines<'_>,
    paths: &Paths,
    amounts: (Amount, Amount),
    budget: Duration,
) -> (Verdict, Option<Timestamp>) {
    if let Some(verdict) = exact(d, paths, amounts, budget) {
        return (verdict, None);
    }
    let latest = |s: Timestamp| -> Option<bool> {
        let due = d.due(s, budget).ok()?.value;
        Some(paths.latest_end(d, s)? <= due)
    };
    let earliest = |s: Timestamp| -> Option<bool> {
        let due = d.due(s, budget).ok()?.value;
        Some(paths.earliest_end(d, s)? <= due)
    };
    let (rights, lefts) = stretches(d, budget);
    let stepwise = budget.unit == Unit::WorkingDay;
    let key = |s: &Timestamp| signature(d.calendar(), *s, paths, budget);
    let Some(right) = first_where(&rights, &key, |s| latest(s) == Some(false)) else {
        return (Verdict::Fits, None);
    };
    if first_where(&lefts, &key, |s| earliest(s) == Some(true)).is_none() {
        return (Verdict::CannotFit, None);
    }
    if first_where(&rights, &key, |s| latest(s) == Some(true)).is_none() {
        return (Verdict::MayOverrun, None);
    }
    // The earliest failing start lies in the stretch ending at `right` (the failing starts of
    // a stretch are its later ones), or between the sample before it and `right`.
    let left = if stepwise {
        lefts.iter().rev().find(|l| **l <= right).copied()
    } else {
        rights.iter().rev().find(|l| **l < right).copied()
    }
    .unwrap_or(right);
    let (mut ok, mut bad) = (left.as_second() - 1, right.as_second());
    if latest(left) == Some(false) {
        bad = left.as_second();
    }
    while bad - ok > 1 {
        let mid = ok + (bad - ok) / 2;
        match Timestamp::from_second(mid).ok().and_then(latest) {
            Some(false) => bad = mid,
            _ => ok = mid,
        }
    }
    (Verdict::MayOverrun, Timestamp::from_second(bad).ok())
}

/// A verdict that needs no calendar sweep: paths whose every step is in the budget's own
/// additive unit (minutes and hours; working days when the day of receipt is not counted;
/// days and weeks) end exactly their sum after the start.
fn exact(
    d: &Deadlines<'_>,
    paths: &Paths,
    (lo, hi): (Amount, Amount),
    budget: Duration,
) -> Option<Verdict> {
    let limit = super::amount_of(u64::from(budget.max), budget.unit);
    let class: &[Unit] = match budget.unit {
        Unit::Minute | Unit::Hour => &[Unit::Minute, Unit::Hour],
        Unit::WorkingDay => match d.calendar().map(Calendar::day_count) {
            Some(DayCount::NextDay) => &[Unit::WorkingDay],
            _ => return None,
        },
        Unit::Day | Unit::Week => &[Unit::Day, Unit::Week],
        Unit::Month => return None,
    };
    if !paths.only_units(class) {
        return None;
    }
    let total = |a: &Amount| a.minutes + a.working_days + a.days + a.months;
    Some(if total(&lo) > total(&limit) {
        Verdict::CannotFit
    } else if total(&hi) > total(&limit) {
        Verdict::MayOverrun
    } else {
        Verdict::Fits
    })
}

/// The first start (in time order) satisfying `test`, judging starts with equal keys once.
fn first_where(
    starts: &[Timestamp],
    key: &dyn Fn(&Timestamp) -> Option<Vec<u8>>,
    mut test: impl FnMut(Timestamp) -> bool,
) -> Option<Timestamp> {
    let mut seen: HashMap<Vec<u8>, bool> = HashMap::new();
    for s in starts {
        let hit = match key(s) {
            Some(k) => *seen.entry(k).or_insert_with(|| test(*s)),
            None => test(*s),
        };
        if hit {
            return Some(*s);
        }
    }
    None
}

/// The last and the first instants of the stretches over which the budget's due instant is
/// the same, in time order. For a budget that moves with its start, every instant where a
/// step's ending can jump serves as both.
fn stretches(d: &Deadlines<'_>, budget: Duration) -> (Vec<Timestamp>, Vec<Timestamp>) {
    let Some(c) = d.calendar() else {
        // Only calendar units without a calendar: month lengths are what varies.
        let first = jiff::civil::date(2024, 1, 1);
        let days: Vec<Timestamp> = (0..1461)
            .filter_map(|n| first.checked_add(jiff::Span::new().days(n)).ok())
            .filter_map(|day| jiff::tz::offset(7).to_timestamp(day.at(0, 0, 0, 0)).ok())
            .collect();
        return (days.clone(), days);
    };
    if budget.unit == Unit::WorkingDay {
        let starts = c.day_count_starts();
        let rights = starts
            .iter()
            .skip(1)
            .filter_map(|t| t.checked_sub(jiff::SignedDuration::from_secs(1)).ok())
            .collect();
        return (rights, starts);
    }
    let all = c.sample_starts(300);
    (all.clone(), all)
}

/// What a start's verdict depends on, when it can be said briefly: for a budget in working
/// days whose steps count working time only, the working hours of the coming working days
/// (holidays drop out: they are simply not among them) and the start's time of day. Starts
/// with the same signature get the same verdict.
fn signature(
    c: Option<&Calendar>,
    s: Timestamp,
    paths: &Paths,
    budget: Duration,
) -> Option<Vec<u8>> {
    let c = c?;
    if budget.unit != Unit::WorkingDay
        || !paths.only_units(&[Unit::Minute, Unit::Hour, Unit::WorkingDay])
    {
        return None;
    }
    // Enough working days to hold the budget and every path that could still fit it.
    let days = usize::try_from(budget.max)
        .ok()?
        .saturating_mul(2)
        .saturating_add(8);
    c.coming_days(s, days)
}
