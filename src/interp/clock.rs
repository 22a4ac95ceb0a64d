//! One budget's clock: when it started, whether it runs now, how much of its measure it used.
//! Time is kept in seconds of the budget unit's measure (working seconds for `menit`, `jam`,
//! `hari kerja`; wall seconds for `hari`, `minggu`, `bulan`); the budget's own size in that
//! measure follows from when the clock started.

use super::case::Case;
use super::record::{some, Mark, NONE};
use super::Context;
use crate::time::Measure;

impl Case {
    /// Starts clock `c` at `at` (seconds since opened), its budget's size fixed then.
    pub(super) fn start_clock(&mut self, ctx: &Context<'_>, c: usize, at: u32) {
        let limit = ctx.procedure.budgets.get(c).and_then(|b| {
            let limit = ctx.deadlines().limit(self.at(at), b.duration).ok()?;
            u32::try_from(limit).ok().filter(|l| *l != NONE)
        });
        if let Some(m) = self.clocks.get_mut(c) {
            m.started = at;
            m.limit = limit.unwrap_or(NONE);
        }
    }

    /// The size of a clock's budget in seconds of its measure, from its start `started`:
    /// kept when it started, else reckoned (`None` past the calendar).
    pub(super) fn limit(
        &self,
        ctx: &Context<'_>,
        mark: &Mark,
        budget: &crate::model::Budget,
        started: u32,
    ) -> Option<i64> {
        match some(mark.limit) {
            Some(l) => Some(i64::from(l)),
            None => ctx
                .deadlines()
                .limit(self.at(started), budget.duration)
                .ok()
                .map(|l| l + i64::from(mark.extra)),
        }
    }

    /// Adds to clock `c` the time it ran since its last mark, up to `at` (seconds since
    /// opened, an instant already checked to be covered by the calendar).
    pub(super) fn settle_clock(&mut self, ctx: &Context<'_>, c: usize, measure: Measure, at: u32) {
        let Some(mark) = self.clocks.get(c).copied() else {
            return;
        };
        if let Some(since) = some(mark.running_since) {
            let add = self.elapsed(ctx, measure, since, at);
            if let Some(m) = self.clocks.get_mut(c) {
                m.used = m.used.saturating_add(add);
                m.running_since = at;
            }
        }
    }

    /// Seconds clock `mark` used by `now` (seconds since opened, covered by the calendar).
    pub(super) fn used_at(
        &self,
        ctx: &Context<'_>,
        mark: &Mark,
        measure: Measure,
        now: u32,
    ) -> u32 {
        let running = some(mark.running_since).map_or(0, |s| self.elapsed(ctx, measure, s, now));
        mark.used.saturating_add(running)
    }

    /// Seconds of `measure` from `a` to `b` (seconds since opened), never negative.
    fn elapsed(&self, ctx: &Context<'_>, measure: Measure, a: u32, b: u32) -> u32 {
        if a == NONE || b == NONE || b <= a {
            return 0;
        }
        let e = ctx
            .deadlines()
            .elapsed(self.at(a), self.at(b), measure)
            .map_or(0, |e| e.value)
            .max(0);
        u32::try_from(e).unwrap_or(NONE - 1)
    }
}
