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

mod bounds;

use super::days::Days;
use super::paths::Seg;
use crate::time::{CalendarError, Deadlines, Duration, Measure};
use bounds::{affine, halve, lower, upper};
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
    /// The local day each plain-day stretch falls on before any move off a day off (only
    /// where the calendar moves them).
    plain: Vec<i64>,
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
    /// The latest instant touched (seconds since 1970).
    end: i64,
}

/// Judges paths against one budget on one calendar.
pub(super) struct Judge<'a> {
    pub(super) d: Deadlines<'a>,
    budget: Duration,
    measure: Measure,
    /// Evaluations left.
    pub fuel: u64,
    /// Buffers of [`Judge::scan_monotone`], kept between calls: a month's scan calls it once
    /// a day.
    scratch: Scratch,
    /// The kind of every covered day (see [`Days`]) and the day number of the first.
    pub(super) kinds: (i64, Vec<u8>),
    /// Whether the reckoning being scanned may go back as the start moves on (a plain-day
    /// stretch moved off a day off lands after a later start's unmoved one): an interval
    /// whose ends' plain-day stretches fall on different days is then halved, never settled
    /// by bounds. Where they fall on the same days every stretch is either moved alike or
    /// not at all, so the reckoning is in order between the ends and the bounds hold.
    halve_only: bool,
}

/// The two ends reckoned and the intervals left to judge.
#[derive(Default)]
struct Scratch {
    sa: At,
    sb: At,
    stack: Vec<(i64, i64)>,
}

impl<'a> Judge<'a> {
    /// A judge of `budget` on `d`, allowed `fuel` evaluations.
    pub fn new(d: Deadlines<'a>, budget: Duration, fuel: u64) -> Self {
        Judge {
            d,
            budget,
            measure: budget.unit.measure(),
            fuel,
            scratch: Scratch::default(),
            halve_only: false,
            kinds: d
                .calendar()
                .map_or((0, Vec::new()), crate::time::Calendar::day_kinds),
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
        at.plain.clear();
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
            at.plain.extend(d.plain_landing(t, seg.n, seg.unit));
            t = d.due_keyed(t, seg.n, seg.unit, &mut at.key)?;
        }
        if let Some(b) = run {
            at.runs.push((b, d.position(t, m)?));
            at.key.push(d.class(t, m)?);
        }
        at.end = t.as_second();
        let budget = u64::from(self.budget.max);
        at.plain
            .extend(d.plain_landing(s, budget, self.budget.unit));
        let due = match d.due_keyed(s, budget, self.budget.unit, &mut at.key) {
            Ok(due) => Some(due),
            Err(CalendarError::OutOfRange { .. }) => None,
            Err(e) => return Err(e),
        };
        at.due = match due {
            Some(due) => {
                at.end = at.end.max(due.as_second());
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
    ///
    /// Without months, whole days are judged once per kind of stretch ([`Days`]): a day
    /// whose following days are of the same kinds as those of a day already judged is
    /// judged as that one was, shifted, so the cost follows the calendar's variety, not the
    /// length of its range.
    pub fn scan(
        &mut self,
        segs: &[Seg],
        lo: i64,
        hi: i64,
        visit: &mut dyn FnMut(i64, i64, Part) -> bool,
    ) -> Result<(), Stop> {
        use crate::time::Unit;
        let months = self.budget.unit == Unit::Month || segs.iter().any(|s| s.unit == Unit::Month);
        let offset = self
            .d
            .calendar()
            .map_or(7 * 3600, |c| c.zone().offset_seconds());
        let mut days = Days::default();
        let mut a = lo;
        while a <= hi {
            let day = (a + offset).div_euclid(DAY);
            let first = day * DAY - offset;
            let b = (first + DAY - 1).min(hi);
            if !months {
                let whole = a == first && b == first + DAY - 1;
                let known = if whole { days.known(self, day) } else { None };
                if let Some(parts) = known {
                    for &(x, y, p) in parts {
                        if !visit(first + x, first + y, p) {
                            return Ok(());
                        }
                    }
                    a = b + 1;
                    continue;
                }
                let window = if whole {
                    self.window(segs, day, b)?
                } else {
                    None
                };
                if whole && window.is_none() {
                    // A reach too long to be alike elsewhere, or past the calendar: the rest
                    // in one scan.
                    return self.scan_monotone(segs, a, hi, visit).map(|_| ());
                }
                let mut seen = Vec::new();
                let go_on = self.scan_monotone(segs, a, b, &mut |x, y, p| {
                    seen.push((x - first, y - first, p));
                    visit(x, y, p)
                })?;
                if !go_on || seen.iter().any(|(_, _, p)| *p == Part::Past) {
                    return Ok(());
                }
                if let Some(window) = window {
                    days.keep(self, day, window, seen);
                }
            } else if !self.scan_monotone(segs, a, b, visit)? {
                return Ok(());
            }
            a = b + 1;
        }
        Ok(())
    }

    /// How many days from local day `day` its starts reach (the day itself is 0), reckoned
    /// from its last second `last` (every reckoning is non-decreasing in its start); `None`
    /// past the calendar, or when they reach too far to be worth comparing.
    fn window(&mut self, segs: &[Seg], day: i64, last: i64) -> Result<Option<usize>, Stop> {
        let mut at = At::default();
        if !self.at(segs, last, &mut at)? || at.due.is_none() {
            return Ok(None);
        }
        let offset = last - (day * DAY + DAY - 1);
        let reach = (at.end - offset).div_euclid(DAY) - day;
        Ok(usize::try_from(reach).ok().filter(|r| *r <= MAX_WINDOW))
    }

    /// [`Judge::scan`] where every reckoning is non-decreasing in the start; `false` when
    /// `visit` asked to stop.
    pub(super) fn scan_monotone(
        &mut self,
        segs: &[Seg],
        lo: i64,
        hi: i64,
        visit: &mut dyn FnMut(i64, i64, Part) -> bool,
    ) -> Result<bool, Stop> {
        use crate::time::{PlainDays, Unit};
        let plain = |u: Unit| matches!(u, Unit::Day | Unit::Week | Unit::Month);
        self.halve_only = self
            .d
            .calendar()
            .is_some_and(|c| c.plain_days() == PlainDays::NextWorkingDay)
            && (plain(self.budget.unit) || segs.iter().any(|s| plain(s.unit)));
        let mut scratch = std::mem::take(&mut self.scratch);
        let done = self.scan_with(segs, lo, hi, visit, &mut scratch);
        self.scratch = scratch;
        done
    }

    fn scan_with(
        &mut self,
        segs: &[Seg],
        lo: i64,
        hi: i64,
        visit: &mut dyn FnMut(i64, i64, Part) -> bool,
        scratch: &mut Scratch,
    ) -> Result<bool, Stop> {
        let Scratch { sa, sb, stack } = scratch;
        stack.clear();
        stack.push((lo, hi));
        while let Some((a, b)) = stack.pop() {
            if !self.at(segs, a, sa)? {
                return Ok(visit(a, hi, Part::Past));
            }
            let part = |over: i64| if over > 0 { Part::Breach } else { Part::Ok };
            if a == b {
                if !visit(a, a, part(sa.over)) {
                    return Ok(false);
                }
                continue;
            }
            if !self.at(segs, b, sb)? {
                halve(stack, a, b);
                continue;
            }
            let go_on = if sa.key == sb.key {
                match affine(sa, sb, a, b) {
                    Some(parts) => parts.into_iter().flatten().all(|(x, y, p)| visit(x, y, p)),
                    None => {
                        halve(stack, a, b);
                        true
                    }
                }
            } else if self.halve_only && sa.plain != sb.plain {
                halve(stack, a, b);
                true
            } else if sa.due.is_none() || upper(sa, sb) <= 0 {
                visit(a, b, Part::Ok)
            } else if lower(sa, sb) > 0 {
                visit(a, b, Part::Breach)
            } else {
                halve(stack, a, b);
                true
            };
            if !go_on {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Seconds of a day.
pub(super) const DAY: i64 = 86_400;

/// The farthest a day's starts may reach, in days, for the day to be compared with others.
pub(super) const MAX_WINDOW: usize = 62;
