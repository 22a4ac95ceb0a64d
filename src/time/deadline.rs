//! The one place where time is reckoned: when an amount of time runs out from an instant, and
//! how much time passed between two instants in the measure of a unit. Complaint dues, case
//! clocks, a step's standard time, obligation timers, the complaint book, the static budget
//! and `sopan calendar due` all ask here, so no two of them can disagree about a due instant.
//!
//! One convention per unit (also in the language reference, §10):
//! - `menit`, `jam`: working time, counted from the instant itself and only inside working
//!   hours: received during a break or after closing, the count starts at the next opening.
//! - `hari kerja`: due at the close of the N-th counted working day. Which day is counted
//!   first is the calendar's rule ([`DayCount`]): by default the day of receipt is not
//!   counted and the first working day after it is day 1, whatever the hour; with a cut-off,
//!   a file received on a working day before the cut-off makes that day day 0, otherwise the
//!   next working day is day 0.
//! - `hari`, `minggu`: wall-clock days from the instant, at the same local time.
//! - `bulan`: calendar months from the instant's local date, at the same local time; a day
//!   the later month lacks becomes its last day (31 January + 1 bulan = 28 or 29 February).
//! - Zero of any unit is due at the instant itself.
//!
//! Every clock measures in its unit's [`Measure`]: working seconds for working units, wall
//! seconds for calendar units. A budget's size in that measure is fixed when its clock
//! starts ([`Deadlines::limit`]), so a clock that never pauses is exactly used up at
//! [`Deadlines::due`]; one that pauses owes the rest after it resumes.

#[cfg(test)]
use super::arith::{day_number, to_date};
use super::data::{DayCount, PlainDays};
use super::duration::{Duration, Measure, Unit};
use super::{Calendar, CalendarError, Computed, Zone, CLOSED};
use jiff::Timestamp;

const DAY: i64 = 86_400;

/// Wall-clock seconds from `a` to `b` (negative when `b` is earlier).
fn wall_elapsed(a: Timestamp, b: Timestamp) -> Computed<i64> {
    Computed::exact(b.as_second() - a.as_second())
}

/// The instant `seconds` of wall-clock time after `t`.
fn wall_after(t: Timestamp, seconds: u64) -> Result<Computed<Timestamp>, CalendarError> {
    i64::try_from(seconds)
        .ok()
        .and_then(|s| t.as_second().checked_add(s))
        .and_then(|s| Timestamp::from_second(s).ok())
        .map(Computed::exact)
        .ok_or(CalendarError::Unrepresentable)
}

impl Calendar {
    /// The instant `n` of `unit` run out, counted from `from` by the convention above.
    pub fn due_after(
        &self,
        from: Timestamp,
        n: u64,
        unit: Unit,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        if n == 0 {
            return Ok(Computed::exact(from));
        }
        match unit {
            Unit::Minute => self.add_working_time(from, n.saturating_mul(60)),
            Unit::Hour => self.add_working_time(from, n.saturating_mul(3600)),
            Unit::WorkingDay => self.due_working_days(from, n),
            Unit::Day | Unit::Week | Unit::Month => {
                let due = wall_due(from, n, unit, self.zone())?;
                match self.plain_days {
                    PlainDays::Keep => Ok(Computed::exact(due)),
                    PlainDays::NextWorkingDay => self.next_working_day_if_off(due),
                }
            }
        }
    }

    /// A plain-day deadline `due` under `hari_biasa_jatuh_libur: hari_kerja_berikutnya`: where
    /// it falls on a day off, the close of the next working day.
    fn next_working_day_if_off(
        &self,
        due: Timestamp,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        let (day, _) = self.local(due);
        let i = self.index(day)?;
        if self.hours_of[i] != CLOSED {
            return Ok(self.computed(due, i));
        }
        // Day `i` is off, so the working days before it and after it share an ordinal.
        let Some(&j) = self
            .work_before
            .get(i + 1)
            .and_then(|&k| self.workdays.get(k as usize))
        else {
            return Err(self.out_of_range(self.last.saturating_add(1)));
        };
        let j = j as usize;
        let local = i64::from(self.first + j as i32) * DAY + i64::from(self.close(j));
        Ok(self.computed(self.timestamp(local)?, j))
    }

    /// The instant a written duration runs out (at its upper bound), from `from`.
    pub fn due(
        &self,
        from: Timestamp,
        duration: Duration,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        self.due_after(from, u64::from(duration.max), duration.unit)
    }

    /// Time passed from `a` to `b` in a measure, in seconds (negative when `b` is earlier).
    pub fn elapsed(
        &self,
        a: Timestamp,
        b: Timestamp,
        measure: Measure,
    ) -> Result<Computed<i64>, CalendarError> {
        match measure {
            Measure::Working => self.working_time_between(a, b),
            Measure::Wall => Ok(wall_elapsed(a, b)),
        }
    }

    /// The instant `seconds` of a measure after `t` (working time: the earliest instant by
    /// which that much has passed).
    pub fn after(
        &self,
        t: Timestamp,
        seconds: u64,
        measure: Measure,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        match measure {
            Measure::Working => self.add_working_time(t, seconds),
            Measure::Wall => wall_after(t, seconds),
        }
    }

    fn due_working_days(
        &self,
        from: Timestamp,
        n: u64,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        let (day, sec) = self.local(from);
        let i = self.index(day)?;
        let received_today = |cutoff: u32| self.hours_of[i] != CLOSED && sec < cutoff;
        // Ordinal (among the working days) of the last day not counted: day 0.
        let zero = match self.day_count() {
            DayCount::NextDay => i64::from(self.work_before[i + 1]) - 1,
            DayCount::CutOff(at) if received_today(at) => i64::from(self.work_before[i]),
            DayCount::CutOffAtClose if received_today(self.close(i)) => {
                i64::from(self.work_before[i])
            }
            DayCount::CutOff(_) | DayCount::CutOffAtClose => i64::from(self.work_before[i + 1]),
        };
        let Some(&j) = i64::try_from(n)
            .ok()
            .and_then(|n| zero.checked_add(n))
            .and_then(|o| usize::try_from(o).ok())
            .and_then(|o| self.workdays.get(o))
        else {
            return Err(self.out_of_range(self.last.saturating_add(1)));
        };
        let j = j as usize;
        let local = i64::from(self.first + j as i32) * DAY + i64::from(self.close(j));
        Ok(self.computed(self.timestamp(local)?, j))
    }

    /// Closing time of covered day `i` (seconds after midnight; 0 when closed).
    fn close(&self, i: usize) -> u32 {
        self.intervals(i).last().map_or(0, |(_, c)| *c)
    }
}

/// The instant a calendar unit (`hari`, `minggu`, `bulan`) runs out, in a zone; any other
/// unit needs a calendar.
pub fn wall_due(
    from: Timestamp,
    n: u64,
    unit: Unit,
    zone: Zone,
) -> Result<Timestamp, CalendarError> {
    let shifted = |seconds: i64| {
        // Whole seconds, as every case and every judged start keeps them: the cheap way.
        let moved = if from.subsec_nanosecond() == 0 {
            from.as_second()
                .checked_add(seconds)
                .and_then(|s| Timestamp::from_second(s).ok())
        } else {
            from.checked_add(jiff::SignedDuration::from_secs(seconds))
                .ok()
        };
        moved.ok_or(CalendarError::Unrepresentable)
    };
    let days = |d: u64| {
        i64::try_from(d)
            .ok()
            .and_then(|d| d.checked_mul(DAY))
            .ok_or(CalendarError::Unrepresentable)
    };
    match unit {
        Unit::Day => shifted(days(n)?),
        Unit::Week => shifted(days(n.saturating_mul(7))?),
        Unit::Month => {
            let local = from.as_second() + zone.offset_seconds();
            let day =
                i32::try_from(local.div_euclid(DAY)).map_err(|_| CalendarError::Unrepresentable)?;
            let later = add_months(day, n).ok_or(CalendarError::Unrepresentable)?;
            shifted(i64::from(later - day) * DAY)
        }
        Unit::Minute | Unit::Hour | Unit::WorkingDay => Err(CalendarError::NoCalendar),
    }
}

/// The day `n` months after day number `day`: the same day of the month, or the month's
/// last day when it is shorter (31 January + 1 bulan = 28 or 29 February). Years stay within
/// what a date can be written with (±9999), as everywhere else.
fn add_months(day: i32, n: u64) -> Option<i32> {
    use super::days::civil;
    let (y, m, d) = civil::date(day);
    let months = i64::from(y) * 12 + i64::from(m) - 1 + i64::try_from(n).ok()?;
    let year = i32::try_from(months.div_euclid(12)).ok()?;
    if !(-9999..=9999).contains(&year) {
        return None;
    }
    let month = u32::try_from(months.rem_euclid(12)).ok()? + 1;
    Some(civil::days(
        year,
        month,
        d.min(civil::month_len(year, month)),
    ))
}

/// Deadlines on a standard's calendar, or on none: what every consumer calls. Without a
/// calendar only calendar units (`hari`, `minggu`, `bulan`) can be reckoned, in WIB; working
/// time is an error, never wall-clock time in disguise.
#[derive(Debug, Clone, Copy)]
pub struct Deadlines<'a> {
    calendar: Option<&'a Calendar>,
}

impl<'a> Deadlines<'a> {
    /// Deadlines on `calendar`.
    pub fn new(calendar: Option<&'a Calendar>) -> Self {
        Deadlines { calendar }
    }

    /// The calendar, if any.
    pub fn calendar(&self) -> Option<&'a Calendar> {
        self.calendar
    }

    /// The instant `n` of `unit` run out, from `from`.
    pub fn due_after(
        &self,
        from: Timestamp,
        n: u64,
        unit: Unit,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        match self.calendar {
            Some(c) => c.due_after(from, n, unit),
            None if n == 0 => Ok(Computed::exact(from)),
            None => wall_due(from, n, unit, Zone::Wib).map(Computed::exact),
        }
    }

    /// The instant a written duration runs out (its upper bound), from `from`.
    pub fn due(
        &self,
        from: Timestamp,
        duration: Duration,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        self.due_after(from, u64::from(duration.max), duration.unit)
    }

    /// Seconds of `measure` from `a` to `b`.
    pub fn elapsed(
        &self,
        a: Timestamp,
        b: Timestamp,
        measure: Measure,
    ) -> Result<Computed<i64>, CalendarError> {
        match (self.calendar, measure) {
            (Some(c), _) => c.elapsed(a, b, measure),
            (None, Measure::Wall) => Ok(wall_elapsed(a, b)),
            (None, Measure::Working) => Err(CalendarError::NoCalendar),
        }
    }

    /// The instant `seconds` of `measure` after `t`.
    pub fn after(
        &self,
        t: Timestamp,
        seconds: u64,
        measure: Measure,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        match (self.calendar, measure) {
            (Some(c), _) => c.after(t, seconds, measure),
            (None, Measure::Wall) => wall_after(t, seconds),
            (None, Measure::Working) => Err(CalendarError::NoCalendar),
        }
    }

    /// A duration's size, in seconds of its unit's measure, for a clock started at `start`:
    /// the time from `start` to its due instant.
    pub fn limit(&self, start: Timestamp, duration: Duration) -> Result<i64, CalendarError> {
        let due = self.due(start, duration)?.value;
        Ok(self.elapsed(start, due, duration.unit.measure())?.value)
    }
}

#[cfg(test)]
mod month_tests {
    use super::{add_months, day_number, to_date};

    /// Months added by day number agree with jiff's calendar arithmetic (which clamps to
    /// the month's end), over leap years, month ends and spans of years.
    #[test]
    fn months_as_jiff_adds_them() {
        let first = day_number(jiff::civil::date(2023, 1, 1));
        for day in first..first + 3 * 366 {
            for n in [0_u64, 1, 2, 3, 6, 11, 12, 13, 25, 120] {
                let span = jiff::Span::new().months(i64::try_from(n).unwrap_or(0));
                let want = to_date(day)
                    .ok()
                    .and_then(|d| d.checked_add(span).ok())
                    .map(day_number);
                assert_eq!(add_months(day, n), want, "day {day} + {n} months");
            }
        }
        assert_eq!(add_months(first, u64::MAX), None);
    }
}
