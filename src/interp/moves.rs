//! How each event moves a case: a step done (with its outcome), returned, resubmitted,
//! skipped, collected, withdrawn, or deemed approved. Everything that can refuse an event is
//! checked before the first change.

use super::card::{seconds, CardEntry};
use super::case::{Action, Case};
use super::event::{Event, EventError, Impossible};
use super::record::{Pos, NONE};
use super::steps::{index, step_index, target};
use super::timers::{triggered, Signal};
use super::Context;
use crate::model::{Flow, Node, Wait};
use jiff::Timestamp;

impl Case {
    /// Moves the case by `event`; the actions now due, and the index of the step the event
    /// names (`NONE` for events that name none), which the event's record keeps.
    pub(super) fn take(
        &mut self,
        ctx: &Context<'_>,
        event: &Event,
        at: Timestamp,
    ) -> Result<(Vec<Action>, u32), EventError> {
        if let Some(field) = event.bad_text() {
            return Err(EventError::BadText { field });
        }
        let step = |i: usize| u32::try_from(i).unwrap_or(NONE);
        let actions = match event {
            Event::Done {
                step: name,
                outcome,
                by,
                ..
            } => {
                let i = self.step_of(ctx, name)?;
                let actions = self.finish(ctx, i, outcome.as_deref(), by, at, false)?;
                return Ok((actions, step(i)));
            }
            Event::Skipped { step: name, by, .. } => {
                let i = self.step_of(ctx, name)?;
                if !ctx.procedure.steps[i].is_conditional() {
                    return Err(EventError::NotConditional(name.clone()));
                }
                let actions = self.finish(ctx, i, None, by, at, true)?;
                return Ok((actions, step(i)));
            }
            Event::Returned { by, .. } => {
                let (step, outcome) = self.returning(ctx)?;
                self.finish(ctx, step, Some(&outcome), by, at, false)?
            }
            Event::Collected { by, .. } => self.collect(ctx, by, at)?,
            Event::Resubmitted { by, .. } => self.resubmit(ctx, by, at)?,
            Event::Withdrawn { .. } => {
                if self.is_closed() {
                    return Err(EventError::Closed);
                }
                let s = self.check_time(ctx, at)?;
                self.settle(ctx, s);
                self.pos = Pos::Withdrawn { at: s };
                for clock in self.clocks.iter_mut() {
                    if clock.is_on() {
                        clock.stopped = s;
                    }
                }
                self.timers.clear();
                self.mark_clocks(ctx, s);
                self.last = s;
                Vec::new()
            }
            Event::Deemed { .. } => self.deem(ctx, at)?,
            Event::Arrived { step: name, .. } => {
                let i = step_index(ctx, name)?;
                let actions = self.arrive(ctx, i, at)?;
                return Ok((actions, step(i)));
            }
            Event::Extended { budget, .. } => self.extend(ctx, budget.as_deref(), at)?,
        };
        Ok((actions, NONE))
    }

    /// What the case waited for on the way to the active step arrived (a recommendation
    /// from another office, a field visit held): the step's own time starts then.
    fn arrive(
        &mut self,
        ctx: &Context<'_>,
        i: usize,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let name = ctx.procedure.steps[i].id.as_str();
        let since = match self.pos {
            Pos::Step {
                step,
                since,
                awaiting: true,
                ..
            } if step as usize == i => since,
            Pos::Step { step, .. } if step as usize == i => {
                return Err(EventError::NotAwaited(name.to_string()))
            }
            Pos::Ended { .. } | Pos::Withdrawn { .. } => return Err(EventError::Closed),
            _ => {
                return Err(EventError::NotActive {
                    step: name.to_string(),
                    active: self.describe(ctx),
                })
            }
        };
        let s = self.check_time(ctx, at)?;
        self.settle(ctx, s);
        self.pos = Pos::Step {
            step: index(i),
            since,
            ready: s,
            awaiting: false,
        };
        self.last = s;
        Ok(Vec::new())
    }

    /// Step `i` done (or skipped) with `outcome` at `at`: the clocks, the next position,
    /// and the card line when the card is kept.
    fn finish(
        &mut self,
        ctx: &Context<'_>,
        i: usize,
        outcome: Option<&str>,
        by: &Option<String>,
        at: Timestamp,
        skipped: bool,
    ) -> Result<Vec<Action>, EventError> {
        let (current, since, ready) = match self.pos {
            Pos::Step {
                step, since, ready, ..
            } => (step as usize, since, ready),
            Pos::Ended { .. } | Pos::Withdrawn { .. } => return Err(EventError::Closed),
            Pos::Returned { .. } => (usize::MAX, NONE, NONE),
        };
        let step = &ctx.procedure.steps[i];
        if current != i {
            return Err(EventError::NotActive {
                step: step.id.clone(),
                active: self.describe(ctx),
            });
        }
        let s = self.check_time(ctx, at)?;
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
            Some(Wait::Known(d)) => ctx
                .deadlines()
                .due(at, d)
                .ok()
                .and_then(|d| self.rel(d.value).ok())
                .unwrap_or(NONE),
            _ => NONE,
        };
        if self.card.is_some() {
            self.record(ctx, i, outcome, by, (since, ready, s), skipped);
        }
        self.settle(ctx, s);
        let mut actions = self.signal(ctx, &finishing, s, &dues);
        self.pos = match target {
            Node::Step(n) => Pos::Step {
                step: index(n),
                since: s,
                ready: next_ready,
                awaiting: wait.is_some(),
            },
            Node::End(e) => Pos::Ended {
                end: index(e),
                at: s,
            },
            Node::Return { resume, .. } => Pos::Returned {
                from: index(i),
                resume: index(resume),
                since: s,
            },
            // Refused above; kept for completeness.
            Node::Unknown => Pos::Step {
                step: index(i),
                since: s,
                ready: NONE,
                awaiting: false,
            },
        };
        if !matches!(target, Node::Return { .. }) {
            actions.extend(self.signal(ctx, &entering, s, &dues));
        }
        self.mark_clocks(ctx, s);
        self.last = s;
        Ok(actions)
    }

    fn resubmit(
        &mut self,
        ctx: &Context<'_>,
        by: &Option<String>,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let Pos::Returned {
            from,
            resume,
            since,
        } = self.pos
        else {
            return Err(if self.is_closed() {
                EventError::Closed
            } else {
                EventError::NotReturned
            });
        };
        let s = self.check_time(ctx, at)?;
        let entering = Signal::Enter(Node::Step(resume as usize));
        let dues = triggered(ctx, &[&entering], at)?;
        self.settle(ctx, s);
        if let Some(nameless) = self.card.as_deref().map(|c| c.nameless) {
            let entry = CardEntry {
                step: from,
                by: if nameless {
                    NONE
                } else {
                    self.officer(by.as_deref())
                },
                since,
                ready: NONE,
                at: s,
                seconds: 0,
                waiting: seconds(ctx.working_seconds(self.at(since), at)),
                outcome: u16::MAX,
                resubmitted: true,
                skipped: false,
            };
            if let Some(card) = self.card.as_mut() {
                card.entries.push(entry);
            }
        }
        self.pos = Pos::Step {
            step: resume,
            since: s,
            ready: NONE,
            awaiting: false,
        };
        let actions = self.signal(ctx, &entering, s, &dues);
        self.mark_clocks(ctx, s);
        self.last = s;
        Ok(actions)
    }

    /// A deemed approval (fiktif positif) falls due at `at`: the case ends at the end its
    /// rule names, every clock stopping then.
    fn deem(&mut self, ctx: &Context<'_>, at: Timestamp) -> Result<Vec<Action>, EventError> {
        if self.is_closed() {
            return Err(EventError::Closed);
        }
        let s = self.rel(at)?;
        if s < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last(),
            });
        }
        let Some((end, _)) = self.deem_target(ctx, s) else {
            return Err(EventError::NotPossible(Impossible::NoDeemedDue(at)));
        };
        let entering = Signal::Enter(Node::End(end));
        let dues = triggered(ctx, &[&entering], at)?;
        self.settle(ctx, s);
        self.pos = Pos::Ended {
            end: index(end),
            at: s,
        };
        let actions = self.signal(ctx, &entering, s, &dues);
        self.mark_clocks(ctx, s);
        self.last = s;
        Ok(actions)
    }

    /// The step and outcome a `returned` event stands for: the active step's one outcome
    /// that leads back to the applicant.
    fn returning(&self, ctx: &Context<'_>) -> Result<(usize, String), EventError> {
        let Pos::Step { step, .. } = self.pos else {
            return Err(if self.is_closed() {
                EventError::Closed
            } else {
                EventError::NotPossible(Impossible::AlreadyReturned)
            });
        };
        let s = &ctx.procedure.steps[step as usize];
        let back: Vec<&String> = match &s.flow {
            Flow::Decision { outcomes, .. } => outcomes
                .iter()
                .filter(|o| matches!(o.node, Node::Return { .. }))
                .map(|o| &o.name)
                .collect(),
            _ => Vec::new(),
        };
        match back.as_slice() {
            [one] => Ok((step as usize, (*one).clone())),
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
        let Pos::Step { step, .. } = self.pos else {
            return Err(if self.is_closed() {
                EventError::Closed
            } else {
                EventError::NotReturned
            });
        };
        let step = step as usize;
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
            here = match self.pos {
                Pos::Step { step, .. } => Some(step as usize),
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
