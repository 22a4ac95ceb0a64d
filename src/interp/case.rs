//! A case: where it is, its control card, its clocks and its pending obligations, moved only
//! by events.

use super::card::{self, CardEntry, CardLine};
use super::clock::Clock;
use super::event::{Event, EventError};
use super::Context;
use crate::model::{Flow, Node, Pause, Point};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a case is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Position {
    /// At a step.
    Step {
        /// Step index.
        step: usize,
        /// Since when.
        since: Timestamp,
    },
    /// Back with a role (the applicant) until resubmitted.
    Returned {
        /// The step that returned it.
        from: usize,
        /// The step taken on resubmission.
        resume: usize,
        /// Since when.
        since: Timestamp,
    },
    /// At an end.
    Ended {
        /// End index.
        end: usize,
        /// When.
        at: Timestamp,
    },
    /// Withdrawn by the applicant.
    Withdrawn {
        /// When.
        at: Timestamp,
    },
}

/// Something the host must do, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// `sms`, `surat`, … as the standard names it.
    pub kind: String,
    /// When it is due.
    pub due: Timestamp,
    /// Recipient role.
    pub to: Option<String>,
    /// What the standard says.
    pub text: String,
    /// The obligation's id.
    pub obligation: String,
}

/// A pending timed obligation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Timer {
    /// Index among the service's obligations.
    obligation: usize,
    /// When it is due.
    due: Timestamp,
}

/// A case on a procedure. Plain data: serialise it, keep it anywhere, apply events later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// The host's case id.
    pub id: String,
    /// The standard it runs on (boxed: rarely read, and it keeps a live case small).
    #[serde(flatten)]
    pub on: Box<OnStandard>,
    /// The procedure's id.
    pub procedure: String,
    /// When it was opened.
    pub opened: Timestamp,
    /// Where it is.
    pub position: Position,
    /// The control card.
    pub card: Vec<CardEntry>,
    /// One clock per budget of the procedure.
    pub clocks: Vec<Clock>,
    timers: Vec<Timer>,
    /// The latest instant applied.
    pub last: Timestamp,
    /// The latest instant `advance` was called with.
    advanced: Option<Timestamp>,
    /// Every event applied, in order: replaying them reproduces the case.
    pub events: Vec<Event>,
}

/// Which standard a case runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnStandard {
    /// The standard (service) id.
    pub standard: String,
    /// Its version.
    pub version: String,
    /// The hash of its text when the case was opened.
    pub hash: String,
}

/// Why a persisted case cannot be resumed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResumeError {
    /// Not a case document.
    #[error("not a case: {0}")]
    Format(String),
    /// The case belongs to another standard or procedure.
    #[error("the case runs on `{found}`, not `{expected}`")]
    OtherStandard {
        /// The case's standard and procedure.
        found: String,
        /// The one given.
        expected: String,
    },
    /// The standard changed since the case was opened; it is never silently recomputed.
    #[error("standard `{standard}` changed since the case was opened (version {was} → {now}, content {was_hash} → {now_hash}); replay its events on the new standard deliberately, or resume it on the old one")]
    Changed {
        /// Standard id.
        standard: String,
        /// Version then.
        was: String,
        /// Version now.
        now: String,
        /// Hash then.
        was_hash: String,
        /// Hash now.
        now_hash: String,
    },
}

/// What moved, for clocks and obligations.
enum Signal<'s> {
    Enter(Node),
    Finish(usize, Option<&'s str>),
}

impl Case {
    /// Opens a case at `at` on the procedure's start; returns it with the actions due on
    /// entering the first step. Refused when the procedure has no start, counts working
    /// time without a calendar, or `at` lies outside the calendar's range.
    pub fn open(
        ctx: &Context<'_>,
        id: &str,
        at: Timestamp,
    ) -> Result<(Case, Vec<Action>), EventError> {
        let start = ctx.procedure.start.ok_or(EventError::NoStart)?;
        if ctx.calendar.is_none() && ctx.needs_calendar() {
            return Err(EventError::NoCalendar);
        }
        ctx.covers(at)?;
        let entering = Signal::Enter(Node::Step(start));
        let dues = triggered(ctx, &[&entering], at)?;
        let mut case = Case {
            id: id.to_string(),
            on: Box::new(OnStandard {
                standard: ctx.identity.standard.to_string(),
                version: ctx.identity.version.to_string(),
                hash: ctx.identity.hash.to_string(),
            }),
            procedure: ctx.procedure.id.clone(),
            opened: at,
            position: Position::Step {
                step: start,
                since: at,
            },
            card: Vec::new(),
            clocks: ctx
                .procedure
                .budgets
                .iter()
                .map(|b| Clock::new(&b.id))
                .collect(),
            timers: Vec::new(),
            last: at,
            advanced: None,
            events: Vec::new(),
        };
        for (clock, budget) in case.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            if budget.start.is_none() {
                clock.started = Some(at);
            }
        }
        let actions = case.signal(ctx, &entering, at, &dues);
        case.mark_clocks(ctx, at);
        Ok((case, actions))
    }

    /// The case rebuilt from its own history: opened again, every event applied in order,
    /// then advanced to the latest instant `advance` was called with. Equal to `self` — the
    /// property that makes a persisted event list the truth about a case.
    pub fn replayed(&self, ctx: &Context<'_>) -> Result<Case, EventError> {
        let (mut case, _) = Case::open(ctx, &self.id, self.opened)?;
        for event in &self.events {
            case.apply(ctx, event.clone())?;
        }
        if let Some(at) = self.advanced {
            case.advance(ctx, at);
        }
        Ok(case)
    }

    /// Applies an event; returns the actions now due. A refused event changes nothing.
    pub fn apply(&mut self, ctx: &Context<'_>, event: Event) -> Result<Vec<Action>, EventError> {
        // Every refusal happens before the first change, so no copy is needed.
        let actions = self.take(ctx, &event)?;
        self.events.push(event);
        Ok(actions)
    }

    /// Lets time pass to `now`: returns the obligations that fell due since the last call.
    pub fn advance(&mut self, ctx: &Context<'_>, now: Timestamp) -> Vec<Action> {
        if self.advanced.is_some_and(|f| now <= f) {
            return Vec::new();
        }
        self.advanced = Some(now);
        let mut due: Vec<&Timer> = self.timers.iter().filter(|t| t.due <= now).collect();
        due.sort_by_key(|t| t.due);
        let actions = due
            .into_iter()
            .filter_map(|t| action(ctx, t.obligation, t.due))
            .collect();
        // A timer that fell due is gone whatever the calls that got here, and one triggered
        // later with a due at or before `now` fires at once (`signal`): so the case after
        // its events and the last `advance` is the same however often `advance` was called.
        self.timers.retain(|t| t.due > now);
        actions
    }

    /// Checks an event's instant: not before the last one, covered by the calendar.
    fn check_time(&self, ctx: &Context<'_>, at: Timestamp) -> Result<(), EventError> {
        if at < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last,
            });
        }
        ctx.covers(at)
    }

    fn take(&mut self, ctx: &Context<'_>, event: &Event) -> Result<Vec<Action>, EventError> {
        let at = event.at();
        match event {
            Event::Done {
                step, outcome, by, ..
            } => {
                let i = ctx
                    .procedure
                    .steps
                    .iter()
                    .position(|s| &s.id == step)
                    .ok_or_else(|| EventError::UnknownStep(step.clone()))?;
                self.finish(ctx, i, outcome.as_deref(), by, at)
            }
            Event::Returned { by, at } => {
                let (step, outcome) = self.returning(ctx)?;
                self.finish(ctx, step, Some(&outcome), by, *at)
            }
            Event::Collected { by, at } => self.collect(ctx, by, *at),
            Event::Resubmitted { by, .. } => {
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
                    at,
                    seconds: 0,
                    waiting: ctx.working_seconds(since, at),
                    resubmitted: true,
                });
                self.position = Position::Step {
                    step: resume,
                    since: at,
                };
                let actions = self.signal(ctx, &entering, at, &dues);
                self.mark_clocks(ctx, at);
                self.last = at;
                Ok(actions)
            }
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
        }
    }

    /// Step `i` done with `outcome` at `at`: the card, the clocks, the next position.
    /// Everything that can refuse is checked before the first change.
    fn finish(
        &mut self,
        ctx: &Context<'_>,
        i: usize,
        outcome: Option<&str>,
        by: &Option<String>,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let (current, since) = match self.position {
            Position::Step { step, since } => (step, since),
            Position::Ended { .. } | Position::Withdrawn { .. } => return Err(EventError::Closed),
            Position::Returned { .. } => (usize::MAX, at),
        };
        let step = &ctx.procedure.steps[i].id;
        if current != i {
            return Err(EventError::NotActive {
                step: step.clone(),
                active: self.describe(ctx),
            });
        }
        self.check_time(ctx, at)?;
        let target = target(ctx, i, outcome)?;
        if target == Node::Unknown {
            return Err(EventError::UnknownStep(step.clone()));
        }
        let finishing = Signal::Finish(i, outcome);
        let entering = Signal::Enter(target);
        let signals: &[&Signal<'_>] = if matches!(target, Node::Return { .. }) {
            &[&finishing]
        } else {
            &[&finishing, &entering]
        };
        let dues = triggered(ctx, signals, at)?;
        // The step's working time; time waiting for the applicant is kept apart.
        let seconds = ctx.working_seconds(since, at);
        let (officer, waiting) = if ctx.waits_for_applicant(i) {
            (0, seconds)
        } else {
            (seconds, 0)
        };
        self.settle(ctx, at);
        self.card.push(CardEntry {
            step: i,
            by: by.clone(),
            outcome: outcome.map(str::to_string),
            since,
            at,
            seconds: officer,
            waiting,
            resubmitted: false,
        });
        let mut actions = self.signal(ctx, &finishing, at, &dues);
        self.position = match target {
            Node::Step(s) => Position::Step { step: s, since: at },
            Node::End(e) => Position::Ended { end: e, at },
            Node::Return { resume, .. } => Position::Returned {
                from: i,
                resume,
                since: at,
            },
            // Refused above; kept for completeness.
            Node::Unknown => Position::Step { step: i, since: at },
        };
        if !matches!(target, Node::Return { .. }) {
            actions.extend(self.signal(ctx, &entering, at, &dues));
        }
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
                EventError::NotPossible("the file is already with the applicant".into())
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
            _ => Err(EventError::NotPossible(format!(
                "step `{}` has no single way back to the applicant",
                s.id
            ))),
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
            return Err(EventError::NotPossible(format!(
                "step `{}` does not hand the product over to the applicant",
                ctx.procedure.steps[step].id
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
            match self.finish(ctx, s, None, by, at) {
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
            return Err(EventError::NotPossible(
                "the steps after the hand-over never reach an end".into(),
            ));
        }
        Ok(actions)
    }

    pub(super) fn is_closed(&self) -> bool {
        matches!(
            self.position,
            Position::Ended { .. } | Position::Withdrawn { .. }
        )
    }

    fn settle(&mut self, ctx: &Context<'_>, at: Timestamp) {
        for (clock, budget) in self.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            clock.settle(ctx, budget.duration.unit.measure(), at);
        }
    }

    /// Starts and stops clocks, starts and cancels obligation timers. `dues` holds the due
    /// instant of every obligation the signal triggers, computed before any change.
    fn signal(
        &mut self,
        ctx: &Context<'_>,
        signal: &Signal<'_>,
        at: Timestamp,
        dues: &[(usize, Timestamp)],
    ) -> Vec<Action> {
        for (clock, budget) in self.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            if clock.started.is_none()
                && budget
                    .start
                    .as_ref()
                    .is_some_and(|p| hits(p, ctx.index, signal))
            {
                clock.started = Some(at);
            }
            let stops = match &budget.stop {
                Some(p) => hits(p, ctx.index, signal),
                None => matches!(signal, Signal::Enter(Node::End(_))),
            };
            if clock.is_on() && stops {
                clock.settle(ctx, budget.duration.unit.measure(), at);
                clock.stopped = Some(at);
                clock.running_since = None;
            }
        }
        let mut now = Vec::new();
        for (k, ob) in ctx.obligations() {
            if ob
                .cancel
                .as_ref()
                .is_some_and(|p| hits(p, ctx.index, signal))
            {
                self.timers.retain(|t| t.obligation != k);
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
                now.extend(action(ctx, k, due));
            } else {
                self.timers.push(Timer { obligation: k, due });
            }
        }
        now
    }

    /// Sets which clocks run now: on, and not paused by where the case is.
    fn mark_clocks(&mut self, ctx: &Context<'_>, at: Timestamp) {
        for (clock, budget) in self.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            let paused = budget.pauses.iter().any(|p| match (p, &self.position) {
                (Pause::Returned, Position::Returned { .. }) => true,
                (Pause::Step(s), Position::Step { step, .. }) => s == step,
                _ => false,
            });
            clock.running_since = (clock.is_on() && !paused).then_some(at);
        }
    }

    /// Reads a persisted case, refusing one opened under another standard or content.
    pub fn resume(ctx: &Context<'_>, json: &str) -> Result<Case, ResumeError> {
        let case: Case =
            serde_json::from_str(json).map_err(|e| ResumeError::Format(e.to_string()))?;
        let on = &case.on;
        if on.standard != ctx.identity.standard || case.procedure != ctx.procedure.id {
            return Err(ResumeError::OtherStandard {
                found: format!("{}/{}", on.standard, case.procedure),
                expected: format!("{}/{}", ctx.identity.standard, ctx.procedure.id),
            });
        }
        if on.hash != ctx.identity.hash || on.version != ctx.identity.version {
            return Err(ResumeError::Changed {
                standard: on.standard.clone(),
                was: on.version.clone(),
                now: ctx.identity.version.to_string(),
                was_hash: on.hash.clone(),
                now_hash: ctx.identity.hash.to_string(),
            });
        }
        Ok(case)
    }

    /// The control card with roles, standard times, the applicant's waiting and lateness.
    pub fn card(&self, ctx: &Context<'_>) -> Vec<CardLine> {
        card::lines(&self.card, ctx)
    }

    fn describe(&self, ctx: &Context<'_>) -> String {
        match &self.position {
            Position::Step { step, .. } => format!("step `{}`", ctx.procedure.steps[*step].id),
            Position::Returned { .. } => "the applicant (returned)".to_string(),
            Position::Ended { end, .. } => format!("end `{}`", ctx.procedure.ends[*end].id),
            Position::Withdrawn { .. } => "withdrawn".to_string(),
        }
    }
}

/// The due instant of every obligation the signals trigger at `at`; refuses, before any
/// change, when one falls past the calendar (it would otherwise be lost).
fn triggered(
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

/// Where finishing step `i` with `outcome` leads.
fn target(ctx: &Context<'_>, i: usize, outcome: Option<&str>) -> Result<Node, EventError> {
    let step = &ctx.procedure.steps[i];
    match (&step.flow, outcome) {
        (Flow::Next(node), None) => Ok(*node),
        (Flow::Decision { outcomes, .. }, Some(o)) => outcomes
            .iter()
            .find(|out| out.name == o)
            .map(|out| out.node)
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

/// Whether a point of procedure `proc` is hit by a signal.
fn hits(p: &Point, proc: usize, signal: &Signal<'_>) -> bool {
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

fn action(ctx: &Context<'_>, k: usize, due: Timestamp) -> Option<Action> {
    let (_, ob) = ctx.obligations().find(|(i, _)| *i == k)?;
    Some(Action {
        kind: ob.action.clone().unwrap_or_default(),
        due,
        to: ob.to.and_then(|r| ctx.model.role(r)).map(|r| r.id.clone()),
        text: ob.title.clone(),
        obligation: ob.id.clone(),
    })
}
