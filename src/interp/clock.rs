//! One budget's clock: when it started, whether it runs now, how much of its measure it used.

use super::Context;
use crate::time::Measure;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The clock of one budget of a case. Time is kept in seconds of the budget unit's measure
/// (working seconds for `menit`, `jam`, `hari kerja`; wall seconds for `hari`, `minggu`,
/// `bulan`); the budget's own size in that measure follows from when the clock started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// The budget's id.
    pub budget: String,
    /// When the clock started.
    pub started: Option<Timestamp>,
    /// When it stopped.
    pub stopped: Option<Timestamp>,
    /// Seconds used up to `running_since` (or in all, when not running).
    pub used: i64,
    /// Since when it has been running unpaused.
    pub running_since: Option<Timestamp>,
    /// When the budget runs out: fixed while the clock runs, kept once it ran out (a
    /// breached clock remembers when it was due), unknown while paused before running out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
}

impl Clock {
    /// A clock that has not started.
    pub fn new(budget: &str) -> Clock {
        Clock {
            budget: budget.to_string(),
            started: None,
            stopped: None,
            used: 0,
            running_since: None,
            due: None,
        }
    }

    /// Whether the clock has started and not stopped.
    pub fn is_on(&self) -> bool {
        self.started.is_some() && self.stopped.is_none()
    }

    /// Adds the time run since the last mark, up to `at` (an instant already checked to be
    /// covered by the calendar).
    pub fn settle(&mut self, ctx: &Context<'_>, measure: Measure, at: Timestamp) {
        if let Some(since) = self.running_since {
            self.used += elapsed(ctx, measure, since, at);
            self.running_since = Some(at);
        }
    }

    /// Seconds used by `now` (covered by the calendar).
    pub fn used_at(&self, ctx: &Context<'_>, measure: Measure, now: Timestamp) -> i64 {
        self.used
            + self
                .running_since
                .map_or(0, |s| elapsed(ctx, measure, s, now))
    }
}

fn elapsed(ctx: &Context<'_>, measure: Measure, a: Timestamp, b: Timestamp) -> i64 {
    ctx.deadlines()
        .elapsed(a, b, measure)
        .map_or(0, |e| e.value)
        .max(0)
}
