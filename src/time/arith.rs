//! Date- and instant-level arithmetic: array lookups and one binary search at most.

use super::days::civil;
use super::{Calendar, CalendarError, Computed, CLOSED};
use jiff::civil::Date;
use jiff::Timestamp;

const DAY: i64 = 86_400;

impl Calendar {
    /// The covered-day index of a day number, or the range error.
    pub(super) fn index(&self, day: i32) -> Result<usize, CalendarError> {
        if day < self.first || day > self.last {
            return Err(self.out_of_range(day));
        }
        Ok((day - self.first) as usize)
    }

    /// The range error for day `day`. Dates, not text: the budget judge meets and drops
    /// many of these, and only the ones shown are ever formatted.
    pub(super) fn out_of_range(&self, day: i32) -> CalendarError {
        CalendarError::OutOfRange {
            date: civil_date(day),
            first: civil_date(self.first),
            last: civil_date(self.last),
        }
    }

    pub(super) fn computed<T>(&self, value: T, touched_up_to: usize) -> Computed<T> {
        Computed {
            value,
            provisional: touched_up_to >= self.provisional_from,
        }
    }

    /// Whether an instant's local day lies in a year whose holidays are not yet decreed
    /// (provisional data): anything reckoned from it may change.
    pub fn is_provisional(&self, t: Timestamp) -> bool {
        self.index(self.local(t).0)
            .is_ok_and(|i| i >= self.provisional_from)
    }

    /// `Ok` when the instant's local day is covered, else the range error.
    pub fn covers(&self, t: Timestamp) -> Result<(), CalendarError> {
        self.index(self.local(t).0).map(|_| ())
    }

    /// Whether a date is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<Computed<bool>, CalendarError> {
        let i = self.index(day_number(date))?;
        Ok(self.computed(self.hours_of[i] != CLOSED, i))
    }

    /// Adds `n` working days to a date, as `numpy.busday_offset(date, n, roll="forward")`:
    /// a date that is not a working day first moves to the next working day, then `n`
    /// working days are counted (backwards when `n` is negative).
    pub fn add_working_days(&self, date: Date, n: i64) -> Result<Computed<Date>, CalendarError> {
        // The hot path of batch due-date work: table lookups only.
        let i = self.date_index(date)?;
        let ordinal = i64::from(self.work_before[i]).checked_add(n);
        match ordinal
            .and_then(|o| usize::try_from(o).ok())
            .and_then(|o| self.workdays.get(o))
        {
            Some(&j) => {
                let j = j as usize;
                let value = self
                    .dates
                    .get(j)
                    .copied()
                    .ok_or(CalendarError::Unrepresentable)?;
                Ok(self.computed(value, i.max(j)))
            }
            None if n < 0 => Err(self.out_of_range(self.first.saturating_sub(1))),
            None => Err(self.out_of_range(self.last.saturating_add(1))),
        }
    }

    /// The covered-day index of a date, through the month table.
    fn date_index(&self, date: Date) -> Result<usize, CalendarError> {
        let (fy, fm) = self.first_month;
        let k = (i32::from(date.year()) - fy) * 12 + i32::from(date.month()) - fm as i32;
        let start = usize::try_from(k)
            .ok()
            .and_then(|k| self.month_start.get(k));
        match start {
            Some(start) => self.index(start + i32::from(date.day()) - 1),
            None => Err(self.out_of_range(day_number(date))),
        }
    }

    /// [`Calendar::add_working_days`] on day numbers (days since 1970-01-01).
    pub fn add_working_days_to(&self, day: i32, n: i64) -> Result<Computed<i32>, CalendarError> {
        let i = self.index(day)?;
        let found = i64::from(self.work_before[i])
            .checked_add(n)
            .and_then(|o| usize::try_from(o).ok())
            .and_then(|o| self.workdays.get(o));
        match found {
            Some(&j) => {
                let j = j as usize;
                Ok(self.computed(self.first + j as i32, i.max(j)))
            }
            None if n < 0 => Err(self.out_of_range(self.first.saturating_sub(1))),
            None => Err(self.out_of_range(self.last.saturating_add(1))),
        }
    }

    /// Working days in `[a, b)` (negative when `b` is before `a`), as `numpy.busday_count`.
    pub fn working_days_between(&self, a: Date, b: Date) -> Result<Computed<i64>, CalendarError> {
        let (da, db) = (day_number(a), day_number(b));
        let i = self.index(da)?;
        // `b` itself is not counted, so the day after the range is still a valid bound.
        let j = if db == self.last + 1 {
            self.hours_of.len()
        } else {
            self.index(db)?
        };
        let count = i64::from(self.work_before[j]) - i64::from(self.work_before[i]);
        Ok(self.computed(count, i.max(j)))
    }

    /// Whether an instant falls inside working hours.
    pub fn is_working_instant(&self, t: Timestamp) -> Result<Computed<bool>, CalendarError> {
        let (day, sec) = self.local(t);
        let i = self.index(day)?;
        let inside = self
            .intervals(i)
            .iter()
            .any(|(a, b)| (*a..*b).contains(&sec));
        Ok(self.computed(inside, i))
    }

    /// Working time between two instants, in seconds (negative when `b` is before `a`).
    /// Only time inside working hours counts; breaks and closed days do not.
    pub fn working_time_between(
        &self,
        a: Timestamp,
        b: Timestamp,
    ) -> Result<Computed<i64>, CalendarError> {
        // Most spans a case measures lie within one day: one day looked up, not two.
        let ((da, xa), (db, xb)) = (self.local(a), self.local(b));
        if da == db {
            let i = self.index(da)?;
            let within = |sec: u32| -> i64 {
                self.intervals(i)
                    .iter()
                    .map(|(p, q)| i64::from(sec.clamp(*p, *q) - p))
                    .sum()
            };
            return Ok(self.computed(within(xb) - within(xa), i));
        }
        let (sa, ia) = self.seconds_before(a)?;
        let (sb, ib) = self.seconds_before(b)?;
        let diff = i64::try_from(sb).unwrap_or(i64::MAX) - i64::try_from(sa).unwrap_or(i64::MAX);
        Ok(self.computed(diff, ia.max(ib)))
    }

    /// Adds `seconds` of working time to an instant: the earliest instant by which that much
    /// working time has passed. Work that ends exactly at closing time ends then, not at the
    /// next opening.
    pub fn add_working_time(
        &self,
        t: Timestamp,
        seconds: u64,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        let (before, i) = self.seconds_before(t)?;
        if seconds == 0 {
            return Ok(self.computed(t, i));
        }
        let total = self.secs_before.last().copied().unwrap_or(0);
        let Some(target) = before.checked_add(seconds).filter(|t| *t <= total) else {
            return Err(self.out_of_range(self.last.saturating_add(1)));
        };
        // The day in which the running total reaches the target: galloping from the start
        // day, since most amounts end within days of it, then a binary search in the window.
        let ends = &self.secs_before[1..];
        // Most amounts end within a few weeks: a search of a fixed window, whose test almost
        // always passes, keeps the hot path free of unpredictable branches.
        let near = (i + 16).min(ends.len());
        let d = if ends[near - 1] >= target {
            i + ends[i..near].partition_point(|s| *s < target)
        } else {
            near + ends[near..].partition_point(|s| *s < target)
        };
        let mut rest = target - self.secs_before[d];
        for (a, b) in self.intervals(d) {
            let len = u64::from(b - a);
            if rest <= len {
                let local = i64::from(self.first + d as i32) * DAY + i64::from(*a) + rest as i64;
                return Ok(self.computed(self.timestamp(local)?, d));
            }
            rest -= len;
        }
        Err(self.out_of_range(self.first + d as i32))
    }

    /// Working seconds from the start of the covered range up to `t`, and the day index.
    pub(super) fn seconds_before(&self, t: Timestamp) -> Result<(u64, usize), CalendarError> {
        let (day, sec) = self.local(t);
        let i = self.index(day)?;
        let within: u64 = self
            .intervals(i)
            .iter()
            .map(|(a, b)| u64::from(sec.clamp(*a, *b) - a))
            .sum();
        Ok((self.secs_before[i] + within, i))
    }

    /// The working intervals of a covered day (empty when closed).
    pub(super) fn intervals(&self, i: usize) -> &[(u32, u32)] {
        match self.hours_of.get(i) {
            Some(&h) if h != CLOSED => &self.week[usize::from(h)],
            _ => &[],
        }
    }

    /// Local day number and second of the day of an instant.
    pub(super) fn local(&self, t: Timestamp) -> (i32, u32) {
        let local = t.as_second() + self.zone.offset_seconds();
        let day = i32::try_from(local.div_euclid(DAY)).unwrap_or(i32::MAX);
        (day, local.rem_euclid(DAY) as u32)
    }

    /// The instant of local seconds since 1970-01-01 00:00 in the calendar's zone.
    pub(super) fn timestamp(&self, local: i64) -> Result<Timestamp, CalendarError> {
        Timestamp::from_second(local - self.zone.offset_seconds())
            .map_err(|_| CalendarError::Unrepresentable)
    }
}

/// Day number of a date.
pub fn day_number(date: Date) -> i32 {
    civil::days(
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
}

/// The date of a day number, held to the dates `jiff` can write (±9999 years).
fn civil_date(day: i32) -> Date {
    let (y, m, d) = civil::date(day);
    match i16::try_from(y) {
        Ok(y) => Date::new(y, m as i8, d as i8).unwrap_or(Date::MAX),
        Err(_) if y < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// Date of a day number.
#[cfg(test)]
pub fn to_date(day: i32) -> Result<Date, CalendarError> {
    let (y, m, d) = civil::date(day);
    let y = i16::try_from(y).map_err(|_| CalendarError::Unrepresentable)?;
    Date::new(y, m as i8, d as i8).map_err(|_| CalendarError::Unrepresentable)
}
