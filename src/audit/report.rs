//! What an audit reports, and the counts it keeps while reading: exact quantiles from a count
//! of each distinct value (bounded by the range of values, not by the number of cases).

use serde::Serialize;
use std::collections::BTreeMap;

/// How many times each value was seen: median and 90th percentile exactly, in memory bounded
/// by the number of distinct values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    values: BTreeMap<i64, u64>,
    total: u64,
}

impl Counts {
    /// Counts `v` once.
    pub fn add(&mut self, v: i64) {
        *self.values.entry(v).or_insert(0) += 1;
        self.total += 1;
    }

    /// How many values were counted.
    pub fn len(&self) -> u64 {
        self.total
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The value at quantile `q` (0..=1): the smallest value with at least `q` of the values
    /// at or under it (the lower median for an even count).
    pub fn quantile(&self, q: f64) -> Option<i64> {
        if self.total == 0 {
            return None;
        }
        let rank = ((q * self.total as f64).ceil() as u64).clamp(1, self.total);
        let mut seen = 0;
        for (v, n) in &self.values {
            seen += n;
            if seen >= rank {
                return Some(*v);
            }
        }
        self.values.keys().next_back().copied()
    }
}

/// The cases of one month (by the month they were opened, in the calendar's zone).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    /// Cases opened.
    pub opened: u64,
    /// Closed within every time budget.
    pub closed_on_time: u64,
    /// Closed after a time budget ran out.
    pub closed_breached: u64,
    /// Still open at the end of the log, within every budget so far.
    pub open_on_time: u64,
    /// Still open, a budget already run out.
    pub open_breached: u64,
}

/// Working time of one step against its Mutu Baku.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepTime {
    /// The procedure.
    pub procedure: String,
    /// The step.
    pub step: String,
    /// Its title.
    pub title: String,
    /// The role that performs it.
    pub role: Option<String>,
    /// Its standard time in working minutes, as the case clock reckons it from when the step
    /// began (the largest seen: a working-day time spans more minutes over a weekend);
    /// `None` for a step with no time or a time in calendar days.
    pub standard_minutes: Option<i64>,
    /// Times done.
    pub done: u64,
    /// Median working minutes held.
    pub median_minutes: Option<i64>,
    /// 90th percentile.
    pub p90_minutes: Option<i64>,
    /// Times done after its standard time.
    pub late: u64,
    /// Minutes over the standard time, summed over the late times.
    pub minutes_over: i64,
}

/// Time lost at one role: the minutes over standard of the steps it performs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleTime {
    /// The role.
    pub role: String,
    /// Its title.
    pub title: String,
    /// Steps done late.
    pub late: u64,
    /// Minutes over standard.
    pub minutes_over: i64,
}

/// A row of the log that was not taken, and why; its case was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    /// The row's line in the log (1-based).
    pub line: usize,
    /// The case it names, when it names one.
    pub case: Option<String>,
    /// Why, in the report's language.
    pub reason: String,
}

/// The annual evaluation of performance, from a log of real cases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Rows read (blank lines and the header left out).
    pub rows: u64,
    /// Events applied.
    pub events: u64,
    /// Cases replayed to the end of the log (set-aside cases not counted).
    pub cases: u64,
    /// Cases closed (an end reached or withdrawn).
    pub closed: u64,
    /// Closed within every time budget.
    pub on_time: u64,
    /// Closed after a time budget ran out, or open with one already run out.
    pub breached: u64,
    /// By month.
    pub months: Vec<Month>,
    /// By step, in the procedure's order.
    pub steps: Vec<StepTime>,
    /// By role, most time lost first.
    pub roles: Vec<RoleTime>,
    /// Files returned to the applicant.
    pub returns: u64,
    /// Returned files brought back.
    pub resubmitted: u64,
    /// Median working minutes a returned file waited with the applicant.
    pub wait_median_minutes: Option<i64>,
    /// 90th percentile.
    pub wait_p90_minutes: Option<i64>,
    /// Escalations fired, by the budget, stage or step whose time they are about.
    pub escalations: BTreeMap<String, u64>,
    /// Obligations (notices to the applicant) fired, by obligation.
    pub obligations: BTreeMap<String, u64>,
    /// Deemed approvals (fiktif positif).
    pub deemed: u64,
    /// Withdrawn applications.
    pub withdrawn: u64,
    /// Rows not taken (the first [`MAX_BAD_ROWS`](super::MAX_BAD_ROWS)).
    pub bad_rows: Vec<BadRow>,
    /// Rows not taken in all.
    pub bad_rows_total: u64,
    /// Cases set aside for a bad row.
    pub set_aside: u64,
    /// Rows of set-aside cases skipped after the bad one.
    pub skipped_rows: u64,
    /// The last instant of the log: where open cases were read.
    pub until: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_the_values_at_their_rank() {
        let mut c = Counts::default();
        for v in [5, 1, 3, 2, 4, 10, 7, 6, 9, 8] {
            c.add(v);
        }
        assert_eq!(c.quantile(0.5), Some(5));
        assert_eq!(c.quantile(0.9), Some(9));
        assert_eq!(c.quantile(1.0), Some(10));
        assert_eq!(Counts::default().quantile(0.5), None);
    }
}
