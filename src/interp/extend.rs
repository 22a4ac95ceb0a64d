//! An extension: an officer extends a running clock once, by what its deadline allows (a
//! complaint tier's `perpanjangan 7 hari kerja`). The extension is reckoned from where the
//! budget runs out, as `route` reckons it, so both give the same extended due instant.

use super::case::{Action, Case};
use super::event::{EventError, Impossible};
use super::record::{some, NONE};
use super::Context;
use jiff::Timestamp;

impl Case {
    /// The clock an `extended` event names, or the one running clock that allows an
    /// extension when it names none.
    pub(super) fn extendable(
        &self,
        ctx: &Context<'_>,
        budget: Option<&str>,
    ) -> Result<usize, EventError> {
        let allows = |c: usize| {
            ctx.procedure
                .budgets
                .get(c)
                .is_some_and(|b| b.extension.is_some())
                && self.clocks.get(c).is_some_and(|m| m.is_on())
        };
        let refuse = |name: Option<&str>| {
            EventError::NotPossible(Impossible::NoExtension(name.map(str::to_string)))
        };
        match budget {
            Some(name) => ctx
                .procedure
                .budgets
                .iter()
                .position(|b| b.id == name)
                .filter(|c| allows(*c))
                .ok_or_else(|| refuse(Some(name))),
            None => {
                let mut running = (0..ctx.procedure.budgets.len()).filter(|c| allows(*c));
                match (running.next(), running.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(refuse(None)),
                }
            }
        }
    }

    /// Extends the clock an `extended` event names; refuses, before any change, a clock that
    /// was extended already or is past its deadline.
    pub(super) fn extend(
        &mut self,
        ctx: &Context<'_>,
        budget: Option<&str>,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        if self.is_closed() {
            return Err(EventError::Closed);
        }
        let s = self.check_time(ctx, at)?;
        let c = self.extendable(ctx, budget)?;
        let (Some(b), Some(mark)) = (ctx.procedure.budgets.get(c), self.clocks.get(c).copied())
        else {
            return Err(EventError::NotPossible(Impossible::NoExtension(None)));
        };
        let not_now = || EventError::NotPossible(Impossible::NotExtendable(b.id.clone()));
        let (Some(ext), Some(started)) = (&b.extension, some(mark.started)) else {
            return Err(not_now());
        };
        let measure = b.duration.unit.measure();
        let limit = self.limit(ctx, &mark, b, started).ok_or_else(not_now)?;
        let used = i64::from(self.used_at(ctx, &mark, measure, s));
        if mark.extra != 0 || used > limit {
            return Err(not_now());
        }
        // How much the extension adds, in the clock's measure: from the instant the budget
        // runs out to that instant extended.
        let d = ctx.deadlines();
        let due = d
            .due(self.at(started), b.duration)
            .map_err(EventError::OutOfRange)?
            .value;
        let extended = d
            .due(due, ext.duration)
            .map_err(EventError::OutOfRange)?
            .value;
        let extra = d
            .elapsed(due, extended, measure)
            .map_err(EventError::OutOfRange)?
            .value;
        let extra = u32::try_from(extra.max(1)).map_err(|_| EventError::TooBig)?;
        self.settle(ctx, s);
        if let Some(m) = self.clocks.get_mut(c) {
            m.extra = extra;
            m.limit = u32::try_from(limit + i64::from(extra))
                .ok()
                .filter(|l| *l != NONE)
                .unwrap_or(NONE);
        }
        // The clock runs on towards its new due instant; its escalations move with it.
        if let Some(m) = self.clocks.get(c).copied() {
            let due = self.due(ctx, &m, b, s);
            if let Some(m) = self.clocks.get_mut(c) {
                m.due = due;
            }
        }
        self.schedule(ctx);
        self.last = s;
        Ok(Vec::new())
    }
}
