//! How each event moves a case: a step done (with its outcome), returned, resubmitted,
//! skipped, collected, withdrawn, or deemed approved. Everything that can refuse an event is
//! checked before the first change.

use super::card::CardEntry;
use super::case::{Action, Case, Position};
use super::event::{Event, EventError, Impossible};
use super::timers::{triggered, Signal};
use super::Context;
use crate::model::{Flow, Node, Wait};
use jiff::Timestamp;

impl Case {
    pub(super) fn take(
        &mut self,
        ctx: &Context<'_>,
        event: &Event,
    ) -> Result<Vec<Action>, EventError> {
        let at = event.at();
        if let Some(field) = event.bad_text() {
            return Err(EventError::BadText { field });
        }
        match event {
            Event::Done {
                step, outcome, by, ..
            } => {
                let i = step_index(ctx, step)?;
                self.finish(ctx, i, outcome.as_deref(), by, at, false)
            }
            Event::Skipped { step, by, .. } => {
                let i = step_index(ctx, step)?;
                if !ctx.procedure.steps[i].is_conditional() {
                    return Err(EventError::NotConditional(step.clone()));
                }
                self.finish(ctx, i, None, by, at, true)
            }
            Event::Returned { by, at } => {
                let (step, outcome) = self.returning(ctx)?;
                self.finish(ctx, step, Some(&outcome), by, *at, false)
            }
            Event::Collected { by, at } => self.collect(ctx, by, *at),
            Event::Resubmitted { by, .. } => self.resubmit(ctx, by, at),
            Event::Withdrawn { .. } => {
                if self.is_closed() {
                    return Err(EventError::Closed);
                }
                self.check_time(ctx, at)?;
                self.settle(ctx, at);
                self.position = Position::Withdrawn { at };
                for clock in &mut self.clocks {
                    if clock.is_on() {
                        clock.stopped = Some(at);
                    }
                }
                self.timers.clear();
                self.mark_clocks(ctx, at);
                self.last = at;
                Ok(Vec::new())
            }
            Event::Deemed { at } => self.deem(ctx, *at),
            Event::Arrived { step, at } => self.arrive(ctx, step, *at),
        }
    }

    /// What the case waited for on the way to the active step arrived (a recommendation
    /// from another office, a field visit held): the step's own time starts then.
    fn arrive(
        &mut self,
        ctx: &Context<'_>,
        name: &str,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let i = step_index(ctx, name)?;
        let since = match self.position {
            Position::Step {
                step,
                since,
                awaiting: true,
                ..
            } if step == i => since,
            Position::Step { step, .. } if step == i => {
                return Err(EventError::NotAwaited(name.to_string()))
            }
            Position::Ended { .. } | Position::Withdrawn { .. } => return Err(EventError::Closed),
            _ => {
                return Err(EventError::NotActive {
                    step: name.to_string(),
                    active: self.describe(ctx),
                })
            }
        };
        self.check_time(ctx, at)?;
        self.settle(ctx, at);
        self.position = Position::Step {
            step: i,
            since,
            ready: Some(at),
            awaiting: false,
        };
        self.last = at;
        Ok(Vec::new())
    }

    /// Step `i` done (or skipped) with `outcome` at `at`: the card, the clocks, the next
    /// position.
    fn finish(
        &mut self,
        ctx: &Context<'_>,
        i: usize,
        outcome: Option<&str>,
        by: &Option<String>,
        at: Timestamp,
        skipped: bool,
    ) -> Result<Vec<Action>, EventError> {
        let (current, since, ready) = match self.position {
            Position::Step {
                step, since, ready, ..
            } => (step, since, ready),
            Position::Ended { .. } | Position::Withdrawn { .. } => return Err(EventError::Closed),
            Position::Returned { .. } => (usize::MAX, at, None),
        };
        let step = &ctx.procedure.steps[i];
        if current != i {
            return Err(EventError::NotActive {
                step: step.id.clone(),
                active: self.describe(ctx),
            });
        }
        self.check_time(ctx, at)?;
        let (target, wait) = if skipped {
            (step.skip.unwrap_or(Node::Unknown), None)
        } else {
            target(ctx, i, outcome)?
        };
        if target == Node::Unknown {
            return Err(EventError::UnknownStep(step.id.clone()));
        }
        let finishing = Signal::Finish(i, outcome);
        let entering = Signal::Enter(target);
        let signals: &[&Signal<'_>] = if matches!(target, Node::Return { .. }) {
            &[&finishing]
        } else {
            &[&finishing, &entering]
        };
        let dues = triggered(ctx, signals, at)?;
        // When the time waited on the way to the next step ends: that step starts then.
        let next_ready = match wait {
            Some(Wait::Known(d)) => ctx.deadlines().due(at, d).ok().map(|d| d.value),
            _ => None,
        };
        // The step's working time; time waiting for the applicant (or for a step only
        // outsiders perform), or for the wait on the way here, is kept apart.
        let work_from = ready.map_or(since, |r| r.clamp(since, at));
        // Most steps are reached without a wait: nothing to count then.
        let waited = if work_from == since {
            0
        } else {
            ctx.working_seconds(since, work_from)
        };
        let worked = ctx.working_seconds(work_from, at);
        let (officer, waiting) = if ctx.waits_for_applicant(i) || ctx.outside_only(i) {
            (0, waited + worked)
        } else {
            (worked, waited)
        };
        self.settle(ctx, at);
        self.card.push(CardEntry {
            step: i,
            by: by.clone(),
            outcome: outcome.map(str::to_string),
            since,
            ready,
            at,
            seconds: if skipped { 0 } else { officer },
            waiting: if skipped { 0 } else { waiting },
            resubmitted: false,
            skipped,
        });
        let mut actions = self.signal(ctx, &finishing, at, &dues);
        self.position = match target {
            Node::Step(s) => Position::Step {
                step: s,
                since: at,
                ready: next_ready,
                awaiting: wait.is_some(),
            },
            Node::End(e) => Position::Ended { end: e, at },
            Node::Return { resume, .. } => Position::Returned {
                from: i,
                resume,
                since: at,
            },
            // Refused above; kept for completeness.
            Node::Unknown => Position::Step {
                step: i,
                since: at,
                ready: None,
                awaiting: false,
            },
        };
        if !matches!(target, Node::Return { .. }) {
            actions.extend(self.signal(ctx, &entering, at, &dues));
        }
        self.mark_clocks(ctx, at);
        self.last = at;
        Ok(actions)
    }

    fn resubmit(
        &mut self,
        ctx: &Context<'_>,
        by: &Option<String>,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let Position::Returned {
            from,
            resume,
            since,
        } = self.position
        else {
            return Err(if self.is_closed() {
                EventError::Closed
            } else {
                EventError::NotReturned
            });
        };
        self.check_time(ctx, at)?;
        let entering = Signal::Enter(Node::Step(resume));
        let dues = triggered(ctx, &[&entering], at)?;
        self.settle(ctx, at);
        self.card.push(CardEntry {
            step: from,
            by: by.clone(),
            outcome: None,
            since,
            ready: None,
            at,
            seconds: 0,
            waiting: ctx.working_seconds(since, at),
            resubmitted: true,
            skipped: false,
        });
        self.position = Position::Step {
            step: resume,
            since: at,
            ready: None,
            awaiting: false,
        };
        let actions = self.signal(ctx, &entering, at, &dues);
        self.mark_clocks(ctx, at);
        self.last = at;
        Ok(actions)
    }

    /// A deemed approval (fiktif positif) falls due at `at`: the case ends at the end its
    /// rule names, every clock stopping then.
    fn deem(&mut self, ctx: &Context<'_>, at: Timestamp) -> Result<Vec<Action>, EventError> {
        if self.is_closed() {
            return Err(EventError::Closed);
        }
        if at < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last,
            });
        }
        let Some((end, _)) = self.deem_target(ctx, at) else {
            return Err(EventError::NotPossible(Impossible::NoDeemedDue(at)));
        };
        let entering = Signal::Enter(Node::End(end));
        let dues = triggered(ctx, &[&entering], at)?;
        self.settle(ctx, at);
        self.position = Position::Ended { end, at };
        let actions = self.signal(ctx, &entering, at, &dues);
        self.mark_clocks(ctx, at);
        self.last = at;
        Ok(actions)
    }

    /// The step and outcome a `returned` event stands for: the active step's one outcome
    /// that leads back to the applicant.
    fn returning(&self, ctx: &Context<'_>) -> Result<(usize, String), EventError> {
        let Position::Step { step, .. } = self.position else {
            return Err(if self.is_closed() {
                EventError::Closed
            } else {
                EventError::NotPossible(Impossible::AlreadyReturned)
            });
        };
        let s = &ctx.procedure.steps[step];
        let back: Vec<&String> = match &s.flow {
            Flow::Decision { outcomes, .. } => outcomes
                .iter()
                .filter(|o| matches!(o.node, Node::Return { .. }))
                .map(|o| &o.name)
                .collect(),
            _ => Vec::new(),
        };
        match back.as_slice() {
            [one] => Ok((step, (*one).clone())),
            _ => Err(EventError::NotPossible(Impossible::NoWayBack(s.id.clone()))),
        }
    }

    /// The applicant came and took the product: the hand-over step and the steps after it,
    /// up to an end, are done now. Allowed only while the case waits for the applicant.
    fn collect(
        &mut self,
        ctx: &Context<'_>,
        by: &Option<String>,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let Position::Step { step, .. } = self.position else {
            return Err(if self.is_closed() {
                EventError::Closed
            } else {
                EventError::NotReturned
            });
        };
        if !ctx.waits_for_applicant(step) {
            return Err(EventError::NotPossible(Impossible::NoHandOver(
                ctx.procedure.steps[step].id.clone(),
            )));
        }
        // Several steps finish here; should one refuse after another moved the case, the
        // copy taken first is put back, so a refusal changes nothing whatever the model.
        let before = self.clone();
        let mut actions = Vec::new();
        let mut here = Some(step);
        let mut guard = ctx.procedure.steps.len() + 1;
        while let (Some(s), true) = (here, guard > 0) {
            guard -= 1;
            match self.finish(ctx, s, None, by, at, false) {
                Ok(more) => actions.extend(more),
                Err(e) => {
                    *self = before;
                    return Err(e);
                }
            }
            here = match self.position {
                Position::Step { step, .. } => Some(step),
                _ => None,
            };
        }
        if here.is_some() {
            *self = before;
            return Err(EventError::NotPossible(Impossible::NoEndAfterHandOver));
        }
        Ok(actions)
    }
}

fn step_index(ctx: &Context<'_>, step: &str) -> Result<usize, EventError> {
    ctx.procedure
        .steps
        .iter()
        .position(|s| s.id == step)
        .ok_or_else(|| EventError::UnknownStep(step.to_string()))
}

/// Where finishing step `i` with `outcome` leads, and the time waited on that way.
fn target(
    ctx: &Context<'_>,
    i: usize,
    outcome: Option<&str>,
) -> Result<(Node, Option<Wait>), EventError> {
    let step = &ctx.procedure.steps[i];
    match (&step.flow, outcome) {
        (Flow::Next(node), None) => Ok((*node, step.next_wait)),
        (Flow::Decision { outcomes, .. }, Some(o)) => outcomes
            .iter()
            .find(|out| out.name == o)
            .map(|out| (out.node, out.wait))
            .ok_or_else(|| offered(step, outcome)),
        _ => Err(offered(step, outcome)),
    }
}

fn offered(step: &crate::model::Step, given: Option<&str>) -> EventError {
    let offered = match &step.flow {
        Flow::Decision { outcomes, .. } => outcomes.iter().map(|o| o.name.clone()).collect(),
        _ => Vec::new(),
    };
    EventError::Outcome {
        step: step.id.clone(),
        given: given.map(str::to_string),
        offered,
    }
}
