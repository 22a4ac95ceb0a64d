//! What moves a case's clocks and timers: starting, stopping and pausing clocks as the case
//! enters and leaves steps, obligation timers, and the escalation timers each running clock
//! with escalation rules keeps at the instants it becomes at risk or is breached.

use super::case::{Action, Case};
use super::event::EventError;
use super::record::{some, Mark, Pos, Timer, What, NONE};
use super::Context;
use crate::model::{Node, Pause, Point, Scope};
use jiff::Timestamp;

/// What moved, for clocks and obligations.
pub(super) enum Signal<'s> {
    Enter(Node),
    Finish(usize, Option<&'s str>),
}

impl Case {
    /// Adds to every running clock the time it ran up to `at` (seconds since opened).
    pub(super) fn settle(&mut self, ctx: &Context<'_>, at: u32) {
        for (c, budget) in ctx.procedure.budgets.iter().enumerate() {
            self.settle_clock(ctx, c, budget.duration.unit.measure(), at);
        }
    }

    /// Starts and stops clocks, starts and cancels obligation timers. `dues` holds the due
    /// instant of every obligation the signal triggers, computed before any change.
    pub(super) fn signal(
        &mut self,
        ctx: &Context<'_>,
        signal: &Signal<'_>,
        at: u32,
        dues: &[(usize, Timestamp)],
    ) -> Vec<Action> {
        let mut stopped: Vec<u16> = Vec::new();
        for (c, budget) in ctx.procedure.budgets.iter().enumerate() {
            let (starts, stops) = match scope(ctx, budget.scope) {
                // A stage's or step's clock runs from entering its steps to leaving them.
                Some((a, b)) => match signal {
                    Signal::Enter(Node::Step(s)) => {
                        let inside = (a..=b).contains(s);
                        (inside, !inside)
                    }
                    Signal::Enter(Node::End(_)) => (false, true),
                    _ => (false, false),
                },
                None => (
                    budget
                        .start
                        .as_ref()
                        .is_some_and(|p| hits(p, ctx.index, signal)),
                    // A case that ends stops every clock, wherever its own stop is.
                    matches!(signal, Signal::Enter(Node::End(_)))
                        || budget
                            .stop
                            .as_ref()
                            .is_some_and(|p| hits(p, ctx.index, signal)),
                ),
            };
            let Some(clock) = self.clocks.get(c).copied() else {
                continue;
            };
            if clock.started == NONE && starts {
                self.start_clock(ctx, c, at);
            }
            if self.clocks[c].is_on() && stops {
                self.settle_clock(ctx, c, budget.duration.unit.measure(), at);
                let m = &mut self.clocks[c];
                m.stopped = at;
                m.running_since = NONE;
                stopped.push(u16::try_from(c).unwrap_or(u16::MAX));
            }
        }
        // A stopped clock escalates no more.
        if !stopped.is_empty() {
            self.timers.retain(|t| match t.what {
                What::Escalation { clock, .. } => !stopped.contains(&clock),
                What::Obligation(_) => true,
            });
        }
        let mut now = Vec::new();
        for (k, ob) in ctx.obligations() {
            let k16 = u16::try_from(k).unwrap_or(u16::MAX);
            if ob
                .cancel
                .as_ref()
                .is_some_and(|p| hits(p, ctx.index, signal))
            {
                self.timers.retain(|t| t.what != What::Obligation(k16));
            }
            if !ob
                .trigger
                .as_ref()
                .is_some_and(|p| hits(p, ctx.index, signal))
            {
                continue;
            }
            let Some(&(_, due)) = dues.iter().find(|(o, _)| *o == k) else {
                continue;
            };
            let due_s = self.rel(due).unwrap_or(NONE);
            if due_s <= at || some(self.advanced).is_some_and(|a| due_s <= a) {
                now.extend(obligation_action(ctx, k, due));
            } else {
                self.push_timer(Timer {
                    what: What::Obligation(k16),
                    due: due_s,
                });
            }
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
    fn schedule(&mut self, ctx: &Context<'_>) {
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
    fn due(&self, ctx: &Context<'_>, clock: &Mark, budget: &crate::model::Budget, at: u32) -> u32 {
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

/// The step range a stage's or step's clock covers.
fn scope(ctx: &Context<'_>, scope: Scope) -> Option<(usize, usize)> {
    match scope {
        Scope::Budget => None,
        Scope::Stage(k) => ctx.procedure.stages.get(k).and_then(|s| s.steps),
        Scope::Step(i) => Some((i, i)),
    }
}

/// The due instant of every obligation the signals trigger at `at`; refuses, before any
/// change, when one falls past the calendar (it would otherwise be lost).
pub(super) fn triggered(
    ctx: &Context<'_>,
    signals: &[&Signal<'_>],
    at: Timestamp,
) -> Result<Vec<(usize, Timestamp)>, EventError> {
    let mut dues = Vec::new();
    for (k, ob) in ctx.obligations() {
        let fires = ob
            .trigger
            .as_ref()
            .is_some_and(|p| signals.iter().any(|s| hits(p, ctx.index, s)));
        if !fires {
            continue;
        }
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

/// Whether a point of procedure `proc` is hit by a signal.
pub(super) fn hits(p: &Point, proc: usize, signal: &Signal<'_>) -> bool {
    if p.procedure != proc {
        return false;
    }
    match (signal, p.node) {
        (Signal::Enter(node), target) if !p.after || matches!(target, Node::End(_)) => {
            *node == target
        }
        (Signal::Finish(i, outcome), Node::Step(s)) if p.after => {
            s == *i
                && p.outcome
                    .as_deref()
                    .is_none_or(|want| Some(want) == *outcome)
        }
        _ => false,
    }
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
