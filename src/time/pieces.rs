//! Where reckonings move at a constant rate: the classes of instants over which a due
//! instant, or the time a clock has counted, moves one second per second or not at all.
//!
//! The static budget verdict must hold from every start the calendar covers, to the second.
//! It reckons a path from two starts `a < b`, with [`Deadlines::due_keyed`] and
//! [`Deadlines::class`] writing down the class of every instant they touch. Every reckoning
//! is non-decreasing in its start and affine on each class, and the classes are intervals;
//! so when `a` and `b` write the same classes, every start between them touches the same
//! classes too, and everything reckoned from it is affine between the two: the answer at
//! every start in `[a, b]` follows from the answers at `a` and `b`.

use super::deadline::Deadlines;
use super::duration::{Measure, Unit};
use super::{Calendar, CalendarError, DayCount, CLOSED};
use jiff::Timestamp;

impl Calendar {
    /// What each covered day is for every reckoning, first covered day first, with the day
    /// number of the first: its working hours, as the first weekday with the same hours
    /// (`CLOSED` when it is not worked). Two runs of days of the same kinds, in the same
    /// order, reckon alike: everything counted from a start in one is the same, shifted,
    /// from the same start in the other.
    pub(crate) fn day_kinds(&self) -> (i64, Vec<u8>) {
        let canonical: Vec<u8> = (0..self.week.len())
            .map(|h| {
                let first = self.week.iter().position(|w| *w == self.week[h]);
                first.and_then(|k| u8::try_from(k).ok()).unwrap_or(CLOSED)
            })
            .collect();
        let kinds = self
            .hours_of
            .iter()
            .map(|h| canonical.get(usize::from(*h)).copied().unwrap_or(CLOSED))
            .collect();
        (i64::from(self.first), kinds)
    }

    /// The class of an instant for working time: the covered day and which of its openings
    /// and closings lie at or before it. Working time counted up to the instant is constant
    /// (outside working hours) or moves with it (inside) over one class.
    fn working_class(&self, t: Timestamp) -> Result<u64, CalendarError> {
        let (day, sec) = self.local(t);
        let i = self.index(day)?;
        let within = self
            .intervals(i)
            .iter()
            .map(|(a, b)| u64::from(*a <= sec) + u64::from(*b <= sec))
            .sum::<u64>();
        Ok((i as u64) << 8 | within)
    }

    /// The working interval an instant reached by counting working time lies in, as
    /// `(opening, closing]`: counted from one class of starts into one such interval, the end
    /// moves with the start.
    fn landing_class(&self, t: Timestamp) -> Result<u64, CalendarError> {
        let (day, sec) = self.local(t);
        let i = self.index(day)?;
        let k = self
            .intervals(i)
            .iter()
            .position(|(a, b)| *a < sec && sec <= *b)
            .map_or(0xff, |k| k as u64);
        Ok((i as u64) << 8 | k)
    }

    /// The class of a start for "N hari kerja": its day, and on a working day with a
    /// cut-off, whether it came before the cut-off.
    fn day_count_class(&self, t: Timestamp) -> Result<u64, CalendarError> {
        let (day, sec) = self.local(t);
        let i = self.index(day)?;
        let cutoff = match self.day_count() {
            DayCount::NextDay => None,
            DayCount::CutOff(c) => Some(c),
            DayCount::CutOffAtClose => Some(self.intervals(i).last().map_or(0, |(_, c)| *c)),
        };
        let before = cutoff.is_some_and(|c| self.hours_of[i] != CLOSED && sec < c);
        Ok((i as u64) << 8 | u64::from(before))
    }
}

impl Deadlines<'_> {
    /// The position of an instant in a measure, in seconds: working seconds since the start
    /// of the calendar's range, or seconds since 1970. Time elapsed in the measure between
    /// two instants is the difference of their positions.
    pub fn position(&self, t: Timestamp, measure: Measure) -> Result<i64, CalendarError> {
        match (self.calendar(), measure) {
            (_, Measure::Wall) => Ok(t.as_second()),
            (Some(c), Measure::Working) => c
                .seconds_before(t)
                .map(|(s, _)| i64::try_from(s).unwrap_or(i64::MAX)),
            (None, Measure::Working) => Err(CalendarError::NoCalendar),
        }
    }

    /// The class of an instant for its position in a measure (see the module's words).
    pub fn class(&self, t: Timestamp, measure: Measure) -> Result<u64, CalendarError> {
        match (self.calendar(), measure) {
            (_, Measure::Wall) => Ok(0),
            (Some(c), Measure::Working) => c.working_class(t),
            (None, Measure::Working) => Err(CalendarError::NoCalendar),
        }
    }

    /// The local day a plain-day stretch (`hari`, `minggu`, `bulan`) from `from` falls on
    /// before any move off a day off (`hari_biasa_jatuh_libur: hari_kerja_berikutnya`);
    /// `None` for other units, on calendars that do not move such deadlines, or when it
    /// cannot be reckoned. Starts whose stretches all fall on the same days are reckoned
    /// alike, and in order.
    pub fn plain_landing(&self, from: Timestamp, n: u64, unit: Unit) -> Option<i64> {
        let c = self.calendar()?;
        let plain = matches!(unit, Unit::Day | Unit::Week | Unit::Month);
        if !plain || n == 0 || c.plain_days() != super::PlainDays::NextWorkingDay {
            return None;
        }
        let naive = super::deadline::wall_due(from, n, unit, c.zone()).ok()?;
        Some((naive.as_second() + c.zone().offset_seconds()).div_euclid(86_400))
    }

    /// [`Deadlines::due_after`], writing down in `key` the classes the answer depends on:
    /// for starts with the same key, the due instant moves with the start or stays put.
    pub fn due_keyed(
        &self,
        from: Timestamp,
        n: u64,
        unit: Unit,
        key: &mut Vec<u64>,
    ) -> Result<Timestamp, CalendarError> {
        let due = self.due_after(from, n, unit)?.value;
        if n == 0 {
            return Ok(due);
        }
        // A case cannot be followed past the calendar, whatever the unit.
        if let Some(c) = self.calendar() {
            c.covers(due)?;
        }
        let zone = self.calendar().map_or(super::Zone::Wib, Calendar::zone);
        match (unit, self.calendar()) {
            (Unit::Minute | Unit::Hour, Some(c)) => {
                key.push(c.working_class(from)?);
                key.push(c.landing_class(due)?);
            }
            (Unit::WorkingDay, Some(c)) => key.push(c.day_count_class(from)?),
            // A month is added to the local date: its length depends on the day.
            (Unit::Month, _) => {
                let local = from.as_second() + zone.offset_seconds();
                key.push(local.div_euclid(86_400) as u64);
            }
            // Under `hari_biasa_jatuh_libur: hari_kerja_berikutnya` a deadline moves off a day
            // off: starts whose deadline falls on the same local day move alike.
            (Unit::Day | Unit::Week, Some(c))
                if c.plain_days() == super::PlainDays::NextWorkingDay =>
            {
                let naive = super::deadline::wall_due(from, n, unit, zone)?;
                let local = naive.as_second() + zone.offset_seconds();
                key.push(local.div_euclid(86_400) as u64);
            }
            // Calendar days move with the start everywhere.
            _ => {}
        }
        Ok(due)
    }
}
