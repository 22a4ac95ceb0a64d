//! When a duration written in a standard runs out, counted from an instant.
//!
//! The convention (also in the language reference):
//! - `N hari kerja`: the day of receipt is day 0 when the file arrives on a working day
//!   before closing time (during a break counts); otherwise day 0 is the next working day.
//!   The file is due at closing time of the N-th working day after day 0. So a file that
//!   arrives at 15:55 on a Friday (before a 16:30 close) with 1 hari kerja is due at
//!   Monday's close; one that arrives on a Saturday or a cuti bersama day is treated as
//!   received on the next working day and is due at the close of the working day after it.
//! - `menit`, `jam`: working time, counted only inside working hours from the arrival.
//! - `hari`, `minggu`: calendar days from the arrival, same local time.
//! - `bulan`: calendar months from the arrival (the day clamped to the month's end).

use super::arith::{day_number, to_date};
use super::{Calendar, CalendarError, Computed, CLOSED};
use crate::model::{Duration, Unit};
use jiff::Timestamp;

const DAY: i64 = 86_400;

impl Calendar {
    /// The instant a duration (at its upper bound) runs out, counted from `from`.
    pub fn due(
        &self,
        from: Timestamp,
        duration: Duration,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        let n = i64::from(duration.max);
        match duration.unit {
            Unit::Minute => self.add_working_time(from, n as u64 * 60),
            Unit::Hour => self.add_working_time(from, n as u64 * 3600),
            Unit::WorkingDay => self.due_working_days(from, n),
            Unit::Day => self.plain(from, n * DAY),
            Unit::Week => self.plain(from, n * 7 * DAY),
            Unit::Month => self.months(from, n),
        }
    }

    fn due_working_days(
        &self,
        from: Timestamp,
        n: i64,
    ) -> Result<Computed<Timestamp>, CalendarError> {
        let (day, sec) = self.local(from);
        let i = self.index(day)?;
        let open_today = self.hours_of[i] != CLOSED
            && self
                .intervals(i)
                .last()
                .is_some_and(|(_, close)| sec < *close);
        // Ordinal of day 0 among the working days.
        let zero = if open_today {
            i64::from(self.work_before[i])
        } else {
            i64::from(self.work_before[i + 1])
        };
        let ordinal = zero + n;
        let Some(&j) = usize::try_from(ordinal)
            .ok()
            .and_then(|o| self.workdays.get(o))
        else {
            return Err(self.out_of_range(self.last + 1));
        };
        let j = j as usize;
        let close = self.intervals(j).last().map_or(0, |(_, c)| *c);
        let local = i64::from(self.first + j as i32) * DAY + i64::from(close);
        Ok(self.computed(self.timestamp(local)?, j))
    }

    fn plain(&self, from: Timestamp, seconds: i64) -> Result<Computed<Timestamp>, CalendarError> {
        let t = Timestamp::from_second(from.as_second() + seconds)
            .map_err(|_| CalendarError::Unrepresentable)?;
        Ok(Computed {
            value: t,
            provisional: false,
        })
    }

    fn months(&self, from: Timestamp, n: i64) -> Result<Computed<Timestamp>, CalendarError> {
        let (day, sec) = self.local(from);
        let date = to_date(day)?;
        let span = jiff::Span::new()
            .try_months(n)
            .map_err(|_| CalendarError::Unrepresentable)?;
        let later = date
            .checked_add(span)
            .map_err(|_| CalendarError::Unrepresentable)?;
        let local = i64::from(day_number(later)) * DAY + i64::from(sec);
        Ok(Computed {
            value: self.timestamp(local)?,
            provisional: false,
        })
    }
}
