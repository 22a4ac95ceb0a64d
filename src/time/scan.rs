//! The instants of a calendar where a deadline's answer can change, for checks that must
//! hold from every start (the static budget verdict).

use super::{Calendar, DayCount};
use jiff::Timestamp;

const DAY: i64 = 86_400;

impl Calendar {
    /// Every instant of the covered range at which a deadline counted from it can jump, in
    /// time order: each day's midnight and last second, each opening and closing of its
    /// working hours and the second before, and the day count's cut-off and the second before.
    pub fn breakpoints(&self) -> Vec<Timestamp> {
        self.instants(None)
    }

    /// [`Calendar::breakpoints`] and, inside working hours, an instant every `step` seconds:
    /// where a deadline counted from a start can also jump between breakpoints (a step's
    /// working time running into a closing), a sweep at this resolution finds it.
    pub fn sample_starts(&self, step: u32) -> Vec<Timestamp> {
        self.instants(Some(step.max(60)))
    }

    /// The breakpoints, with an instant every `step` seconds of working hours when given.
    fn instants(&self, step: Option<u32>) -> Vec<Timestamp> {
        let sampled = step.map_or(0, |_| self.workdays.len() * 100);
        let mut out = Vec::with_capacity(self.hours_of.len() * 8 + sampled);
        let mut secs: Vec<u32> = Vec::with_capacity(128);
        for i in 0..self.hours_of.len() {
            secs.clear();
            secs.extend([0, 86_399]);
            for (a, b) in self.intervals(i) {
                secs.extend([a.saturating_sub(1), *a, b.saturating_sub(1), *b]);
                if let Some(step) = step {
                    secs.extend((*a..*b).step_by(step as usize));
                }
            }
            if let DayCount::CutOff(c) = self.day_count {
                secs.extend([c.saturating_sub(1), c]);
            }
            secs.sort_unstable();
            secs.dedup();
            out.extend(secs.iter().filter_map(|s| self.at(i, *s)));
        }
        out
    }

    /// The first instant of each stretch over which "N hari kerja" counted from any instant
    /// in it falls due at the same instant, in time order: the start of the range, then for
    /// each working day its midnight (the day of receipt is not counted) or its cut-off.
    pub fn day_count_starts(&self) -> Vec<Timestamp> {
        let mut out = Vec::with_capacity(self.workdays.len() + 1);
        out.extend(self.at(0, 0));
        for &j in &self.workdays {
            let j = j as usize;
            let second = match self.day_count {
                DayCount::NextDay => 0,
                DayCount::CutOff(c) => c,
                DayCount::CutOffAtClose => self.intervals(j).last().map_or(0, |(_, c)| *c),
            };
            if let Some(t) = self.at(j, second) {
                if out.last().is_none_or(|last| *last < t) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// What the reckoning of working time from `t` depends on over the next `days` working
    /// days: `t`'s second of the day, its day's hours, and the hours of each of the coming
    /// working days (days off drop out). `None` when they run past the covered range.
    pub fn coming_days(&self, t: Timestamp, days: usize) -> Option<Vec<u8>> {
        let (day, sec) = self.local(t);
        let i = self.index(day).ok()?;
        let from = usize::try_from(self.work_before[i + 1]).ok()?;
        let coming = self.workdays.get(from..from.checked_add(days)?)?;
        let mut key = Vec::with_capacity(days + 5);
        key.extend_from_slice(&sec.to_le_bytes());
        key.push(self.hours_of[i]);
        key.extend(coming.iter().map(|j| self.hours_of[*j as usize]));
        Some(key)
    }

    /// The instant `second` seconds after the local midnight of covered day `i`.
    fn at(&self, i: usize, second: u32) -> Option<Timestamp> {
        let midnight = i64::from(self.first) + i64::try_from(i).ok()?;
        self.timestamp(midnight * DAY + i64::from(second)).ok()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn closed_marker_is_not_an_hours_index() {
        // `coming_days` writes hours indexes (0..7) and the closed marker as bytes.
        assert!(usize::from(super::super::CLOSED) >= 7);
    }
}
