//! One path against a budget, from every start second the calendar covers, exactly, by the
//! clock's own reading: the clock starts at the start, runs over the path's stretches (each
//! taking its time as the one time module reckons it) except where it is paused, and is
//! breached when it has counted more than the budget's size from that start.
//!
//! Starts are judged in intervals, left to right. An interval whose two ends touch the same
//! classes of instants ([`Deadlines::due_keyed`]) is affine: the overrun (time counted minus
//! the budget) moves at a constant whole rate over it, so where it turns positive is solved
//! exactly. Otherwise bounds from the two ends (every reckoning is non-decreasing in its
//! start) may settle it whole; failing that, it is halved. Each evaluation costs one fuel.

use super::paths::Seg;
use crate::time::{CalendarError, Deadlines, Duration, Measure};
use jiff::Timestamp;

/// How a run of starts fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// The clock is not breached.
    Ok,
    /// The clock is breached.
    Breach,
    /// The path runs past the calendar's last day (so does every later start).
    Past,
}

/// Why a judgement stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// Working time without a calendar.
    NoCalendar,
    /// Its fuel ran out.
    TooMuch,
}

/// A path's reckoning from one start.
#[derive(Debug, Clone, Default)]
struct At {
    /// The classes every instant touched lies in.
    key: Vec<u64>,
    /// Time counted minus the budget's size, in seconds (`i64::MIN` when the budget runs out
    /// past the calendar: never breached).
    over: i64,
    /// The start's position in the budget's measure.
    start: i64,
    /// Positions where each run of the clock begins and ends.
    runs: Vec<(i64, i64)>,
    /// Whether the first run begins at the start.
    first_at_start: bool,
    /// The position of the budget's due instant (`None`: past the calendar).
    due: Option<i64>,
}

/// Judges paths against one budget on one calendar.
pub(super) struct Judge<'a> {
    d: Deadlines<'a>,
    budget: Duration,
    measure: Measure,
    /// Evaluations left.
    pub fuel: u64,
}

impl<'a> Judge<'a> {
    /// A judge of `budget` on `d`, allowed `fuel` evaluations.
    pub fn new(d: Deadlines<'a>, budget: Duration, fuel: u64) -> Self {
        Judge {
            d,
            budget,
            measure: budget.unit.measure(),
            fuel,
        }
    }

    /// Time counted minus the budget at start `s` (second), `None` when the path runs past
    /// the calendar.
    pub fn over_at(&mut self, segs: &[Seg], s: i64) -> Result<Option<i64>, Stop> {
        let mut at = At::default();
        Ok(self.at(segs, s, &mut at)?.then_some(at.over))
    }

    /// Reckons the path from start `s` into `at` (its buffers reused); `false` when the path
    /// runs past the calendar.
    fn at(&mut self, segs: &[Seg], s: i64, at: &mut At) -> Result<bool, Stop> {
        if self.fuel == 0 {
            return Err(Stop::TooMuch);
        }
        self.fuel -= 1;
        match self.reckon(segs, s, at) {
            Ok(()) => Ok(true),
            Err(CalendarError::NoCalendar) => Err(Stop::NoCalendar),
            Err(_) => Ok(false),
        }
    }

    fn reckon(&self, segs: &[Seg], s: i64, at: &mut At) -> Result<(), CalendarError> {
        let m = self.measure;
        let d = &self.d;
        let s = Timestamp::from_second(s).map_err(|_| CalendarError::Unrepresentable)?;
        at.key.clear();
        at.runs.clear();
        at.start = d.position(s, m)?;
        at.first_at_start = segs.first().is_some_and(|x| x.running);
        at.key.push(d.class(s, m)?);
        let mut t = s;
        let mut run: Option<i64> = None;
        for seg in segs {
            if seg.running && run.is_none() {
                run = Some(d.position(t, m)?);
                at.key.push(d.class(t, m)?);
            } else if !seg.running {
                if let Some(b) = run.take() {
                    at.runs.push((b, d.position(t, m)?));
                    at.key.push(d.class(t, m)?);
                }
            }
            t = d.due_keyed(t, seg.n, seg.unit, &mut at.key)?;
        }
        if let Some(b) = run {
            at.runs.push((b, d.position(t, m)?));
            at.key.push(d.class(t, m)?);
        }
        let due = match d.due_keyed(s, u64::from(self.budget.max), self.budget.unit, &mut at.key) {
            Ok(due) => Some(due),
            Err(CalendarError::OutOfRange { .. }) => None,
            Err(e) => return Err(e),
        };
        at.due = match due {
            Some(due) => {
                at.key.push(d.class(due, m)?);
                Some(d.position(due, m)?)
            }
            None => {
                at.key.push(u64::MAX);
                None
            }
        };
        let used: i64 = at.runs.iter().map(|(b, e)| e - b).sum();
        at.over = at.due.map_or(i64::MIN, |due| used - (due - at.start));
        Ok(())
    }

    /// Visits the starts `lo..=hi` (seconds) left to right in runs of one [`Part`]; stops
    /// early when `visit` returns `false`. Once a start runs past the calendar every later
    /// one does, and the scan ends there — except with months, whose ends are not monotone
    /// across days (31 and 30 January both + 1 bulan = 28 February, the later one earlier in
    /// the day): then each local day, over which every reckoning is monotone, is scanned on
    /// its own.
    pub fn scan(
        &mut self,
        segs: &[Seg],
        lo: i64,
        hi: i64,
        visit: &mut dyn FnMut(i64, i64, Part) -> bool,
    ) -> Result<(), Stop> {
        let months = self.budget.unit == crate::time::Unit::Month
            || segs.iter().any(|s| s.unit == crate::time::Unit::Month);
        if !months {
            return self.scan_monotone(segs, lo, hi, visit).map(|_| ());
        }
        let offset = self
            .d
            .calendar()
            .map_or(7 * 3600, |c| c.zone().offset_seconds());
        let mut a = lo;
        while a <= hi {
            let b = ((a + offset).div_euclid(86_400) * 86_400 + 86_399 - offset).min(hi);
            if !self.scan_monotone(segs, a, b, visit)? {
                return Ok(());
            }
            a = b + 1;
        }
        Ok(())
    }

    /// [`Judge::scan`] where every reckoning is non-decreasing in the start; `false` when
    /// `visit` asked to stop.
    fn scan_monotone(
        &mut self,
        segs: &[Seg],
        lo: i64,
        hi: i64,
        visit: &mut dyn FnMut(i64, i64, Part) -> bool,
    ) -> Result<bool, Stop> {
        let mut stack = vec![(lo, hi)];
        let (mut sa, mut sb) = (At::default(), At::default());
        while let Some((a, b)) = stack.pop() {
            if !self.at(segs, a, &mut sa)? {
                return Ok(visit(a, hi, Part::Past));
            }
            let part = |over: i64| if over > 0 { Part::Breach } else { Part::Ok };
            if a == b {
                if !visit(a, a, part(sa.over)) {
                    return Ok(false);
                }
                continue;
            }
            if !self.at(segs, b, &mut sb)? {
                halve(&mut stack, a, b);
                continue;
            }
            let go_on = if sa.key == sb.key {
                match affine(&sa, &sb, a, b) {
                    Some(parts) => parts.into_iter().flatten().all(|(x, y, p)| visit(x, y, p)),
                    None => {
                        halve(&mut stack, a, b);
                        true
                    }
                }
            } else if sa.due.is_none() || upper(&sa, &sb) <= 0 {
                visit(a, b, Part::Ok)
            } else if lower(&sa, &sb) > 0 {
                visit(a, b, Part::Breach)
            } else {
                halve(&mut stack, a, b);
                true
            };
            if !go_on {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

fn halve(stack: &mut Vec<(i64, i64)>, a: i64, b: i64) {
    let m = a + (b - a) / 2;
    stack.push((m + 1, b));
    stack.push((a, m));
}

/// On an interval where the overrun is affine: the run of starts not breached and the run
/// breached, in order. `None` when the two ends disagree with a whole rate.
#[allow(clippy::type_complexity)]
fn affine(sa: &At, sb: &At, a: i64, b: i64) -> Option<[Option<(i64, i64, Part)>; 2]> {
    let (fa, fb) = (sa.over, sb.over);
    if fa == i64::MIN || fb == i64::MIN {
        return (fa == fb).then_some([Some((a, b, Part::Ok)), None]);
    }
    let (rise, width) = (fb - fa, b - a);
    if rise % width != 0 {
        return None;
    }
    let m = rise / width;
    let split = |first: Part, second: Part, at: i64| {
        // `at` is the first start of the second run.
        let at = at.clamp(a, b + 1);
        [
            (at > a).then_some((a, at - 1, first)),
            (at <= b).then_some((at, b, second)),
        ]
    };
    Some(match m.signum() {
        0 if fa > 0 => [Some((a, b, Part::Breach)), None],
        0 => [Some((a, b, Part::Ok)), None],
        // Breached from the first s with fa + m (s - a) > 0.
        1 => split(Part::Ok, Part::Breach, a + (-fa).div_euclid(m) + 1),
        // Breached while fa + m (s - a) > 0: up to the last such s.
        _ => {
            let k = -m;
            let last = if fa > 0 { (fa + k - 1) / k - 1 } else { -1 };
            split(Part::Breach, Part::Ok, a + last + 1)
        }
    })
}

/// The sum of the runs' lengths with each begin taken from `from` and each end from `to`;
/// the first run's begin cancels against the start when it begins there.
fn runs(from: &At, to: &At) -> i64 {
    from.runs
        .iter()
        .zip(&to.runs)
        .enumerate()
        .map(|(k, ((b, _), (_, e)))| {
            if k == 0 && from.first_at_start {
                *e
            } else {
                e - b
            }
        })
        .sum()
}

/// The largest overrun any start between `sa` and `sb` can have.
fn upper(sa: &At, sb: &At) -> i64 {
    let Some(due) = sa.due else {
        return i64::MIN;
    };
    let start = if sa.first_at_start { 0 } else { sb.start };
    runs(sa, sb) - due + start
}

/// The smallest overrun any start between `sa` and `sb` can have.
fn lower(sa: &At, sb: &At) -> i64 {
    let Some(due) = sb.due else {
        return i64::MIN;
    };
    let start = if sa.first_at_start { 0 } else { sa.start };
    runs(sb, sa) - due + start
}
