//! One budget's clock: when it started, whether it runs now, how much working time it used.

use super::Context;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The clock of one budget of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// The budget's id.
    pub budget: String,
    /// When the clock started.
    pub started: Option<Timestamp>,
    /// When it stopped.
    pub stopped: Option<Timestamp>,
    /// Working seconds used up to `running_since` (or in all, when not running).
    pub used: i64,
    /// Since when it has been running unpaused.
    pub running_since: Option<Timestamp>,
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
        }
    }

    /// Whether the clock has started and not stopped.
    pub fn is_on(&self) -> bool {
        self.started.is_some() && self.stopped.is_none()
    }

    /// Adds the time run since the last mark, up to `at`.
    pub fn settle(&mut self, ctx: &Context<'_>, at: Timestamp) {
        if let Some(since) = self.running_since {
            self.used += ctx.working_seconds(since, at).max(0);
            self.running_since = Some(at);
        }
    }

    /// As [`Clock::settle`], reusing the working seconds of an interval already measured.
    pub fn settle_known(&mut self, ctx: &Context<'_>, at: Timestamp, known: (Timestamp, i64)) {
        if let Some(since) = self.running_since {
            self.used += if since == known.0 {
                known.1
            } else {
                ctx.working_seconds(since, at)
            }
            .max(0);
            self.running_since = Some(at);
        }
    }

    /// Working seconds used by `now`.
    pub fn used_at(&self, ctx: &Context<'_>, now: Timestamp) -> i64 {
        self.used
            + self
                .running_since
                .map_or(0, |s| ctx.working_seconds(s, now).max(0))
    }
}
