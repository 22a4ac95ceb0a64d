//! What moves a case's clocks and timers: starting, stopping and pausing clocks as the case
//! enters and leaves steps, obligation timers, and the escalation timers each running clock
//! with escalation rules keeps at the instants it becomes at risk or is breached.

use super::case::{Action, Case};
use super::event::EventError;
use super::record::{some, Mark, Pos, Timer, What, NONE};
use super::Context;
use crate::model::Pause;
use jiff::Timestamp;

use crate::machine::moves::Effect;
pub(super) use crate::machine::moves::Signal;

impl Case {
    /// Adds to every running clock the time it ran up to `at` (seconds since opened).
    pub(super) fn settle(&mut self, ctx: &Context<'_>, at: u32) {
        for (c, budget) in ctx.procedure.budgets.iter().enumerate() {
            self.settle_clock(ctx, c, budget.duration.unit.measure(), at);
        }
    }

    /// Starts and stops clocks, starts and cancels obligation timers: what the procedure's
    /// compiled [`Moves`](crate::machine::moves::Moves) list for the signal. `dues` holds the
    /// due instant of every obligation the signal triggers, computed before any change.
    pub(super) fn signal(
        &mut self,
        ctx: &Context<'_>,
        signal: &Signal<'_>,
        at: u32,
        dues: &[(usize, Timestamp)],
    ) -> Vec<Action> {
        if ctx.moves.is_quiet(signal) {
            return Vec::new();
        }
        let mut stopped: Vec<u16> = Vec::new();
        let mut now = Vec::new();
        for effect in ctx.moves.of(signal) {
            match effect {
                Effect::Start(c) => {
                    let c = usize::from(c);
                    if self.clocks.get(c).is_some_and(|m| m.started == NONE) {
                        self.start_clock(ctx, c, at);
                    }
                }
                Effect::Stop(c) => {
                    let (k, Some(budget)) =
                        (usize::from(c), ctx.procedure.budgets.get(usize::from(c)))
                    else {
                        continue;
                    };
                    if self.clocks.get(k).is_some_and(|m| m.is_on()) {
                        self.settle_clock(ctx, k, budget.duration.unit.measure(), at);
                        let m = &mut self.clocks[k];
                        m.stopped = at;
                        m.running_since = NONE;
                        stopped.push(c);
                    }
                }
                Effect::Cancel(k) => self.timers.retain(|t| t.what != What::Obligation(k)),
                Effect::Trigger(k) => {
                    let Some(&(_, due)) = dues.iter().find(|(o, _)| *o == usize::from(k)) else {
                        continue;
                    };
                    let due_s = self.rel(due).unwrap_or(NONE);
                    if due_s <= at || some(self.advanced).is_some_and(|a| due_s <= a) {
                        now.extend(obligation_action(ctx, usize::from(k), due));
                    } else {
                        self.push_timer(Timer {
                            what: What::Obligation(k),
                            due: due_s,
                        });
                    }
                }
            }
        }
        // A stopped clock escalates no more.
        if !stopped.is_empty() {
            self.timers.retain(|t| match t.what {
                What::Escalation { clock, .. } => !stopped.contains(&clock),
                What::Obligation(_) => true,
            });
        }
        now
    }

    /// Adds a timer.
    fn push_timer(&mut self, timer: Timer) {
        self.timers.push(timer);
    }

    /// Sets which clocks run now — on, and not paused by where the case is — and the
    /// escalation timers of the running ones.
    pub(super) fn mark_clocks(&mut self, ctx: &Context<'_>, at: u32) {
        let mut changed = false;
        let pos = self.pos;
        for (c, budget) in ctx.procedure.budgets.iter().enumerate() {
            let paused = budget.pauses.iter().any(|p| match (p, pos) {
                (Pause::Returned, Pos::Returned { .. }) => true,
                (Pause::Step(s), Pos::Step { step, .. }) => *s == step as usize,
                _ => false,
            });
            let Some(clock) = self.clocks.get(c).copied() else {
                continue;
            };
            let running = clock.is_on() && !paused;
            let was = clock.running_since != NONE;
            changed |= running != was;
            self.clocks[c].running_since = if running { at } else { NONE };
            if running != was {
                let d = self.due(ctx, &self.clocks[c], budget, at);
                self.clocks[c].due = d;
            }
        }
        // A clock that ran before and runs on reaches its thresholds at the instants already
        // scheduled (elapsed time is additive): only a clock that started, stopped or paused
        // changes them.
        if changed {
            self.schedule(ctx);
        }
    }

    /// The escalation timers: for each running clock, the instants its rules' thresholds are
    /// reached if it keeps running. Thresholds already passed are not scheduled again; those
    /// reached before the watermark fire at the end of the `apply` that scheduled them.
    pub(super) fn schedule(&mut self, ctx: &Context<'_>) {
        self.timers
            .retain(|t| matches!(t.what, What::Obligation(_)));
        let deadlines = ctx.deadlines();
        for (c, budget) in ctx.procedure.budgets.iter().enumerate() {
            if budget.escalations.is_empty() {
                continue;
            }
            let Some(clock) = self.clocks.get(c).copied() else {
                continue;
            };
            let (Some(since), Some(started)) = (some(clock.running_since), some(clock.started))
            else {
                continue;
            };
            let Some(limit) = self.limit(ctx, &clock, budget, started) else {
                continue;
            };
            let measure = budget.duration.unit.measure();
            for (r, rule) in budget.escalations.iter().enumerate() {
                let left = rule.trigger.threshold(limit) - i64::from(clock.used);
                if left <= 0 {
                    continue;
                }
                let Ok(due) = deadlines.after(self.at(since), left.unsigned_abs(), measure) else {
                    continue;
                };
                let Ok(due) = self.rel(due.value) else {
                    continue;
                };
                self.push_timer(Timer {
                    what: What::Escalation {
                        clock: u16::try_from(c).unwrap_or(u16::MAX),
                        rule: u16::try_from(r).unwrap_or(u16::MAX),
                    },
                    due,
                });
            }
        }
    }

    /// Fires, in order, every timer due at or before `now` (seconds since opened).
    pub(super) fn fire_until(&mut self, ctx: &Context<'_>, now: u32) -> Vec<Action> {
        let mut actions = Vec::new();
        while let Some(k) = self
            .timers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.due <= now)
            .min_by_key(|(k, t)| (t.due, *k))
            .map(|(k, _)| k)
        {
            let timer = self.timers[k];
            match timer.what {
                What::Obligation(o) => {
                    self.timers.remove(k);
                    actions.extend(obligation_action(ctx, usize::from(o), self.at(timer.due)));
                }
                What::Escalation { clock, rule } => {
                    // Still scheduled while it fires: a deemed approval finds its rule there.
                    let due = self.at(timer.due);
                    actions.extend(self.escalate(ctx, usize::from(clock), usize::from(rule), due));
                    if let Some(k) = self.timers.iter().position(|t| *t == timer) {
                        self.timers.remove(k);
                    }
                }
            }
        }
        actions
    }

    /// When a clock's budget runs out, as of `at`: once it has run out, the instant it did
    /// (kept); while it runs, `at` plus what is left; while paused or stopped before running
    /// out, none.
    pub(super) fn due(
        &self,
        ctx: &Context<'_>,
        clock: &Mark,
        budget: &crate::model::Budget,
        at: u32,
    ) -> u32 {
        let d = ctx.deadlines();
        let Some(started) = some(clock.started) else {
            return NONE;
        };
        let Some(limit) = self.limit(ctx, clock, budget, started) else {
            return NONE;
        };
        if i64::from(clock.used) >= limit {
            return clock.due;
        }
        if clock.running_since == NONE {
            return NONE;
        }
        let left = (limit - i64::from(clock.used)).unsigned_abs();
        d.after(self.at(at), left, budget.duration.unit.measure())
            .ok()
            .and_then(|t| self.rel(t.value).ok())
            .unwrap_or(NONE)
    }
}

/// The due instant of every obligation the signals trigger at `at`; refuses, before any
/// change, when one falls past the calendar (it would otherwise be lost).
pub(super) fn triggered(
    ctx: &Context<'_>,
    signals: &[&Signal<'_>],
    at: Timestamp,
) -> Result<Vec<(usize, Timestamp)>, EventError> {
    if !signals.iter().any(|s| ctx.moves.may_trigger(s)) {
        return Ok(Vec::new());
    }
    let mut fired: Vec<usize> = signals
        .iter()
        .flat_map(|s| ctx.moves.of(s))
        .filter_map(|e| match e {
            Effect::Trigger(k) => Some(usize::from(k)),
            _ => None,
        })
        .collect();
    if fired.is_empty() {
        return Ok(Vec::new());
    }
    fired.sort_unstable();
    fired.dedup();
    let mut dues = Vec::with_capacity(fired.len());
    for (k, ob) in ctx.obligations().filter(|(k, _)| fired.contains(k)) {
        let due = match ob.delay {
            None => at,
            Some(d) => {
                ctx.deadlines()
                    .due(at, d)
                    .map_err(|e| EventError::ObligationOutOfRange {
                        obligation: ob.id.clone(),
                        reason: e,
                    })?
                    .value
            }
        };
        dues.push((k, due));
    }
    Ok(dues)
}

/// The action of obligation `k` due at `due`.
pub(super) fn obligation_action(ctx: &Context<'_>, k: usize, due: Timestamp) -> Option<Action> {
    let (_, ob) = ctx.obligations().find(|(i, _)| *i == k)?;
    Some(Action {
        kind: ob.action.clone().unwrap_or_default(),
        due,
        to: ob.to.and_then(|r| ctx.model.role(r)).map(|r| r.id.clone()),
        text: ob.title.clone(),
        obligation: Some(ob.id.clone()),
        budget: None,
    })
}
