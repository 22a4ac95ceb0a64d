//! What moves a case's clocks and timers: starting, stopping and pausing clocks as the case
//! enters and leaves steps, obligation timers, and the escalation timers each running clock
//! with escalation rules keeps at the instants it becomes at risk or is breached.

use super::case::{Action, Case, Position};
use super::event::{Event, EventError};
use super::Context;
use crate::model::{EscalationAction, Node, Pause, Point, Scope, Trigger};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What moved, for clocks and obligations.
pub(super) enum Signal<'s> {
    Enter(Node),
    Finish(usize, Option<&'s str>),
}

/// A pending timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Timer {
    /// What fires.
    #[serde(flatten)]
    pub kind: TimerKind,
    /// When.
    pub due: Timestamp,
}

/// What a timer fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub(super) enum TimerKind {
    /// A service's obligation.
    Obligation {
        /// Its index among the service's obligations.
        obligation: usize,
    },
    /// Escalation rule `rule` of the budget of clock `clock`.
    Escalation {
        /// Clock (budget) index.
        clock: usize,
        /// Rule index.
        rule: usize,
    },
}

impl Case {
    pub(super) fn settle(&mut self, ctx: &Context<'_>, at: Timestamp) {
        for (clock, budget) in self.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            clock.settle(ctx, budget.duration.unit.measure(), at);
        }
    }

    /// Starts and stops clocks, starts and cancels obligation timers. `dues` holds the due
    /// instant of every obligation the signal triggers, computed before any change.
    pub(super) fn signal(
        &mut self,
        ctx: &Context<'_>,
        signal: &Signal<'_>,
        at: Timestamp,
        dues: &[(usize, Timestamp)],
    ) -> Vec<Action> {
        let mut stopped = Vec::new();
        for (c, (clock, budget)) in self
            .clocks
            .iter_mut()
            .zip(&ctx.procedure.budgets)
            .enumerate()
        {
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
            if clock.started.is_none() && starts {
                clock.started = Some(at);
            }
            if clock.is_on() && stops {
                clock.settle(ctx, budget.duration.unit.measure(), at);
                clock.stopped = Some(at);
                clock.running_since = None;
                stopped.push(c);
            }
        }
        // A stopped clock escalates no more.
        if !stopped.is_empty() {
            self.timers.retain(|t| match t.kind {
                TimerKind::Escalation { clock, .. } => !stopped.contains(&clock),
                TimerKind::Obligation { .. } => true,
            });
        }
        let mut now = Vec::new();
        for (k, ob) in ctx.obligations() {
            if ob
                .cancel
                .as_ref()
                .is_some_and(|p| hits(p, ctx.index, signal))
            {
                self.timers
                    .retain(|t| t.kind != TimerKind::Obligation { obligation: k });
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
            if due <= at || self.advanced.is_some_and(|a| due <= a) {
                now.extend(obligation_action(ctx, k, due));
            } else {
                self.timers.push(Timer {
                    kind: TimerKind::Obligation { obligation: k },
                    due,
                });
            }
        }
        now
    }

    /// Sets which clocks run now — on, and not paused by where the case is — and the
    /// escalation timers of the running ones.
    pub(super) fn mark_clocks(&mut self, ctx: &Context<'_>, at: Timestamp) {
        let mut changed = false;
        for (clock, budget) in self.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            let paused = budget.pauses.iter().any(|p| match (p, &self.position) {
                (Pause::Returned, Position::Returned { .. }) => true,
                (Pause::Step(s), Position::Step { step, .. }) => s == step,
                _ => false,
            });
            let running = clock.is_on() && !paused;
            let was = clock.running_since.is_some();
            changed |= running != was;
            clock.running_since = running.then_some(at);
            if running != was {
                clock.due = due(ctx, clock, budget, at);
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
    /// reached if it keeps running. Thresholds already passed are not scheduled
    /// again; those reached before the watermark fire at the end of the `apply` that
    /// scheduled them.
    fn schedule(&mut self, ctx: &Context<'_>) {
        self.timers
            .retain(|t| matches!(t.kind, TimerKind::Obligation { .. }));
        let deadlines = ctx.deadlines();
        for (c, (clock, budget)) in self.clocks.iter().zip(&ctx.procedure.budgets).enumerate() {
            if budget.escalations.is_empty() {
                continue;
            }
            let (Some(since), Some(started)) = (clock.running_since, clock.started) else {
                continue;
            };
            let Ok(limit) = deadlines.limit(started, budget.duration) else {
                continue;
            };
            let measure = budget.duration.unit.measure();
            for (r, rule) in budget.escalations.iter().enumerate() {
                let left = rule.trigger.threshold(limit) - clock.used;
                if left <= 0 {
                    continue;
                }
                let Ok(due) = deadlines.after(since, left.unsigned_abs(), measure) else {
                    continue;
                };
                self.timers.push(Timer {
                    kind: TimerKind::Escalation { clock: c, rule: r },
                    due: due.value,
                });
            }
        }
    }

    /// The instant a pending deemed approval falls due, if one is scheduled.
    pub(super) fn deem_due(&self, ctx: &Context<'_>) -> Option<Timestamp> {
        self.timers
            .iter()
            .filter(|t| match t.kind {
                TimerKind::Escalation { clock, rule } => ctx
                    .procedure
                    .budgets
                    .get(clock)
                    .and_then(|b| b.escalations.get(rule))
                    .is_some_and(|r| matches!(r.action, EscalationAction::Deem(_))),
                TimerKind::Obligation { .. } => false,
            })
            .map(|t| t.due)
            .min()
    }

    /// Fires escalation rule `rule` of clock `clock` at `due`: the action, and for a deemed
    /// approval the end of the case (kept in its events).
    pub(super) fn escalate(
        &mut self,
        ctx: &Context<'_>,
        clock: usize,
        rule: usize,
        due: Timestamp,
    ) -> Vec<Action> {
        let Some(budget) = ctx.procedure.budgets.get(clock) else {
            return Vec::new();
        };
        let Some(r) = budget.escalations.get(rule) else {
            return Vec::new();
        };
        let role = |id: Option<crate::model::RoleId>| {
            id.and_then(|r| ctx.model.role(r)).map(|r| r.id.clone())
        };
        let name = budget.title.clone().unwrap_or_else(|| budget.id.clone());
        let when = match r.trigger {
            Trigger::AtRisk(p) => format!("{p}% waktu `{name}` terpakai"),
            Trigger::Breached => format!("waktu `{name}` terlampaui"),
        };
        let action = |kind: &str, to: Option<String>, text: String| Action {
            kind: kind.to_string(),
            due,
            to,
            text,
            obligation: None,
            budget: Some(budget.id.clone()),
        };
        match &r.action {
            EscalationAction::Escalate(to) => {
                vec![action("eskalasi", role(*to), format!("Eskalasi: {when}"))]
            }
            EscalationAction::Send { kind, to } => vec![action(kind, role(*to), when)],
            EscalationAction::Deem(end) => {
                let Some(end) = *end else {
                    return Vec::new();
                };
                let deemed = Event::Deemed { at: due };
                match self.take(ctx, &deemed) {
                    Ok(mut more) => {
                        self.events.push(deemed);
                        let title = ctx.procedure.ends.get(end).map_or("", |e| e.title.as_str());
                        let mut out = vec![action(
                            "fiktif_positif",
                            None,
                            format!("Permohonan dianggap disetujui (fiktif positif) karena {when}: {title}"),
                        )];
                        out.append(&mut more);
                        out
                    }
                    Err(_) => Vec::new(),
                }
            }
        }
    }

    /// The end a deemed approval due at `at` reaches, if a scheduled rule says so.
    pub(super) fn deem_target(&self, ctx: &Context<'_>, at: Timestamp) -> Option<(usize, usize)> {
        self.timers.iter().find_map(|t| match t.kind {
            TimerKind::Escalation { clock, rule } if t.due == at => {
                let r = ctx.procedure.budgets.get(clock)?.escalations.get(rule)?;
                match r.action {
                    EscalationAction::Deem(Some(end)) => Some((end, clock)),
                    _ => None,
                }
            }
            _ => None,
        })
    }
}

/// When a clock's budget runs out, as of `at`: once it has run out, the instant it did (kept);
/// while it runs, `at` plus what is left; while paused or stopped before running out, none.
fn due(
    ctx: &Context<'_>,
    clock: &super::Clock,
    budget: &crate::model::Budget,
    at: Timestamp,
) -> Option<Timestamp> {
    let d = ctx.deadlines();
    let limit = d.limit(clock.started?, budget.duration).ok()?;
    if clock.used >= limit {
        return clock.due;
    }
    let left = u64::try_from(limit - clock.used).ok()?;
    clock.running_since?;
    d.after(at, left, budget.duration.unit.measure())
        .ok()
        .map(|t| t.value)
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
