//! A case: where it is, its control card, its clocks and its pending obligations.

use super::clock::Clock;
use super::event::{Event, EventError};
use super::Context;
use crate::budget::minutes;
use crate::machine::State;
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

/// One hand-over on the control card (kartu kendali).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardEntry {
    /// Step index.
    pub step: usize,
    /// Officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Outcome, for a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// When it was done.
    pub at: Timestamp,
    /// Working seconds it took.
    pub seconds: i64,
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

/// The state of one clock at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockStatus {
    /// Budget id.
    pub budget: String,
    /// `waiting`, `on_track`, `at_risk` (80% or more used), `paused`, `breached`, `finished`.
    pub status: String,
    /// Working minutes used.
    pub elapsed_minutes: i64,
    /// The budget in working minutes.
    pub budget_minutes: i64,
    /// Working minutes left (negative when breached).
    pub remaining_minutes: i64,
    /// When the budget runs out if the clock keeps running.
    pub due: Option<Timestamp>,
}

/// Where a case stands at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// Active step ids.
    pub active: Vec<String>,
    /// Roles holding the case.
    pub holders: Vec<String>,
    /// Whether it reached an end or was withdrawn.
    pub finished: bool,
    /// The end reached (`withdrawn` when withdrawn).
    pub terminal: Option<String>,
    /// One per budget.
    pub clocks: Vec<ClockStatus>,
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

/// One control-card line as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardLine {
    /// Step id.
    pub step: String,
    /// Performer roles.
    pub roles: Vec<String>,
    /// Officer.
    pub by: Option<String>,
    /// Outcome.
    pub outcome: Option<String>,
    /// When it was done.
    pub at: Timestamp,
    /// Working minutes taken.
    pub minutes: i64,
    /// The step's standard time in working minutes.
    pub standard_minutes: Option<i64>,
    /// Whether it took longer than its standard time.
    pub late: bool,
}

/// What moved, for clocks and obligations.
enum Signal<'s> {
    Enter(Node),
    Finish(usize, Option<&'s str>),
}

/// Share of a budget after which a running clock is `at_risk`.
const AT_RISK_PERCENT: i64 = 80;

impl Case {
    /// Opens a case at `at` on the procedure's start; returns it with the actions due on
    /// entering the first step. Refused when the procedure has no start or `at` lies outside
    /// the calendar's range.
    pub fn open(
        ctx: &Context<'_>,
        id: &str,
        at: Timestamp,
    ) -> Result<(Case, Vec<Action>), EventError> {
        let start = ctx.procedure.start.ok_or(EventError::NoStart)?;
        ctx.covers(at)?;
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
        let actions = case.signal(ctx, &Signal::Enter(Node::Step(start)), at);
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
        // `take` refuses an event before it changes anything, so no copy is needed.
        let actions = self.take(ctx, &event)?;
        self.events.push(event);
        Ok(actions)
    }

    /// Lets time pass to `now`: returns the obligations that fell due since the last call.
    pub fn advance(&mut self, ctx: &Context<'_>, now: Timestamp) -> Vec<Action> {
        let from = self.advanced;
        if from.is_some_and(|f| now <= f) {
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

    fn take(&mut self, ctx: &Context<'_>, event: &Event) -> Result<Vec<Action>, EventError> {
        match event {
            Event::Returned { by, at } => return self.take(ctx, &self.returning(ctx, by, *at)?),
            Event::Collected { by, at } => return self.collect(ctx, by, *at),
            _ => {}
        }
        let at = event.at();
        if at < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last,
            });
        }
        ctx.covers(at)?;
        let mut actions = Vec::new();
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
                return self.finish(ctx, i, outcome.as_deref(), by, at);
            }
            Event::Resubmitted { .. } => {
                let Position::Returned { resume, .. } = self.position else {
                    return Err(if self.is_closed() {
                        EventError::Closed
                    } else {
                        EventError::NotReturned
                    });
                };
                self.settle(ctx, at);
                self.position = Position::Step {
                    step: resume,
                    since: at,
                };
                actions.extend(self.signal(ctx, &Signal::Enter(Node::Step(resume)), at));
            }
            // Turned into `done` events before this point.
            Event::Returned { .. } | Event::Collected { .. } => {}
            Event::Withdrawn { .. } => {
                if self.is_closed() {
                    return Err(EventError::Closed);
                }
                self.settle(ctx, at);
                self.position = Position::Withdrawn { at };
                for clock in &mut self.clocks {
                    if clock.is_on() {
                        clock.stopped = Some(at);
                    }
                }
                self.timers.clear();
            }
        }
        self.mark_clocks(ctx, at);
        self.last = at;
        Ok(actions)
    }

    /// Step `i` done with `outcome` at `at` (time already checked): the card, the clocks,
    /// the next position. Refuses, unchanged, a step that is not active or an outcome the
    /// step does not offer.
    fn finish(
        &mut self,
        ctx: &Context<'_>,
        i: usize,
        outcome: Option<&str>,
        by: &Option<String>,
        at: Timestamp,
    ) -> Result<Vec<Action>, EventError> {
        let mut actions = Vec::new();
        let step = &ctx.procedure.steps[i].id;
        {
            {
                let (current, since) = match self.position {
                    Position::Step { step, since } => (step, since),
                    Position::Ended { .. } | Position::Withdrawn { .. } => {
                        return Err(EventError::Closed)
                    }
                    Position::Returned { .. } => (usize::MAX, at),
                };
                if current != i {
                    return Err(EventError::NotActive {
                        step: step.clone(),
                        active: self.describe(ctx),
                    });
                }
                let target = target(ctx, i, outcome)?;
                if target == Node::Unknown {
                    return Err(EventError::UnknownStep(step.clone()));
                }
                // The step's working time; clocks running since the step began reuse it.
                let seconds = ctx.working_seconds(since, at);
                for clock in &mut self.clocks {
                    clock.settle_known(ctx, at, (since, seconds));
                }
                self.card.push(CardEntry {
                    step: i,
                    by: by.clone(),
                    outcome: outcome.map(str::to_string),
                    at,
                    seconds,
                });
                actions.extend(self.signal(ctx, &Signal::Finish(i, outcome), at));
                self.position = match target {
                    Node::Step(s) => Position::Step { step: s, since: at },
                    Node::End(e) => Position::Ended { end: e, at },
                    Node::Return { resume, .. } => Position::Returned {
                        from: i,
                        resume,
                        since: at,
                    },
                    // Refused before any change above; stays at the step for completeness.
                    Node::Unknown => Position::Step { step: i, since: at },
                };
                if !matches!(target, Node::Return { .. }) {
                    actions.extend(self.signal(ctx, &Signal::Enter(target), at));
                }
            }
        }
        self.mark_clocks(ctx, at);
        self.last = at;
        Ok(actions)
    }

    /// The `done` event a `returned` event stands for.
    fn returning(
        &self,
        ctx: &Context<'_>,
        by: &Option<String>,
        at: Timestamp,
    ) -> Result<Event, EventError> {
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
                .filter(|(_, node, _)| matches!(node, Node::Return { .. }))
                .map(|(name, _, _)| name)
                .collect(),
            _ => Vec::new(),
        };
        match back.as_slice() {
            [one] => Ok(Event::Done {
                step: s.id.clone(),
                outcome: Some((*one).clone()),
                by: by.clone(),
                at,
            }),
            _ => Err(EventError::NotPossible(format!(
                "step `{}` has no single way back to the applicant",
                s.id
            ))),
        }
    }

    /// Finishes the active step and the decision-free steps after it, up to an end.
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
        // Check the whole way first, so a refusal changes nothing.
        let mut chain = Vec::new();
        let mut here = step;
        loop {
            chain.push(here);
            match ctx.procedure.steps[here].flow {
                Flow::Next(Node::Step(next)) if !chain.contains(&next) => here = next,
                Flow::Next(Node::End(_)) => break,
                _ => {
                    let id = &ctx.procedure.steps[here].id;
                    return Err(EventError::NotPossible(format!(
                        "the way to an end from `{id}` needs a decision"
                    )));
                }
            }
        }
        if at < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last,
            });
        }
        ctx.covers(at)?;
        // Several steps finish here; should one refuse after another moved the case, the
        // copy taken first is put back, so a refusal changes nothing whatever the model.
        let before = self.clone();
        let mut actions = Vec::new();
        for s in chain {
            match self.finish(ctx, s, None, by, at) {
                Ok(more) => actions.extend(more),
                Err(e) => {
                    *self = before;
                    return Err(e);
                }
            }
        }
        Ok(actions)
    }

    fn is_closed(&self) -> bool {
        matches!(
            self.position,
            Position::Ended { .. } | Position::Withdrawn { .. }
        )
    }

    fn settle(&mut self, ctx: &Context<'_>, at: Timestamp) {
        for clock in &mut self.clocks {
            clock.settle(ctx, at);
        }
    }

    /// Starts and stops clocks, starts and cancels obligation timers.
    fn signal(&mut self, ctx: &Context<'_>, signal: &Signal<'_>, at: Timestamp) -> Vec<Action> {
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
                clock.settle(ctx, at);
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
            if ob
                .trigger
                .as_ref()
                .is_some_and(|p| hits(p, ctx.index, signal))
            {
                let due = match (ob.delay, ctx.calendar) {
                    (None, _) => Some(at),
                    (Some(d), Some(c)) => c.due(at, d).ok().map(|c| c.value),
                    (Some(d), None) => plain_due(at, d),
                };
                let Some(due) = due else { continue };
                if due <= at || self.advanced.is_some_and(|a| due <= a) {
                    now.extend(action(ctx, k, due));
                } else {
                    self.timers.push(Timer { obligation: k, due });
                }
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

    /// The control card with roles, standard times and lateness.
    pub fn card(&self, ctx: &Context<'_>) -> Vec<CardLine> {
        self.card
            .iter()
            .map(|e| {
                let step = &ctx.procedure.steps[e.step];
                let standard = ctx.standard_seconds(e.step);
                CardLine {
                    step: step.id.clone(),
                    roles: step
                        .roles
                        .iter()
                        .filter_map(|r| ctx.model.role(*r))
                        .map(|r| r.id.clone())
                        .collect(),
                    by: e.by.clone(),
                    outcome: e.outcome.clone(),
                    at: e.at,
                    minutes: e.seconds / 60,
                    standard_minutes: standard.map(|s| s / 60),
                    late: standard.is_some_and(|s| e.seconds > s),
                }
            })
            .collect()
    }

    /// Where the case stands at `now`.
    pub fn status(&self, ctx: &Context<'_>, now: Timestamp) -> Status {
        let names = |ids: &[crate::model::RoleId]| -> Vec<String> {
            ids.iter()
                .filter_map(|r| ctx.model.role(*r))
                .map(|r| r.id.clone())
                .collect()
        };
        let (active, holders, terminal) = match &self.position {
            Position::Step { step, .. } => {
                let s = &ctx.procedure.steps[*step];
                (vec![s.id.clone()], names(&s.roles), None)
            }
            Position::Returned { from, .. } => {
                let role = ctx
                    .machine
                    .states()
                    .find_map(|s| match ctx.machine.state(s) {
                        Some(State::Returned { from: f, role, .. }) if f == *from => role,
                        _ => None,
                    });
                (
                    Vec::new(),
                    names(&role.into_iter().collect::<Vec<_>>()),
                    None,
                )
            }
            Position::Ended { end, .. } => (
                Vec::new(),
                Vec::new(),
                Some(ctx.procedure.ends[*end].id.clone()),
            ),
            Position::Withdrawn { .. } => (Vec::new(), Vec::new(), Some("withdrawn".to_string())),
        };
        let clocks = self
            .clocks
            .iter()
            .zip(&ctx.procedure.budgets)
            .map(|(clock, budget)| {
                let used = clock.used_at(ctx, now);
                let limit = minutes(budget.duration, ctx.day_minutes()).1 as i64 * 60;
                let status = if clock.started.is_none() {
                    "waiting"
                } else if used > limit {
                    "breached"
                } else if clock.stopped.is_some() {
                    "finished"
                } else if clock.running_since.is_none() {
                    "paused"
                } else if used * 100 >= limit * AT_RISK_PERCENT {
                    "at_risk"
                } else {
                    "on_track"
                };
                let due = match (clock.running_since, ctx.calendar) {
                    (Some(_), Some(c)) if used < limit => c
                        .add_working_time(now, (limit - used) as u64)
                        .ok()
                        .map(|d| d.value),
                    (Some(_), None) if used < limit => {
                        Timestamp::from_second(now.as_second() + limit - used).ok()
                    }
                    _ => None,
                };
                ClockStatus {
                    budget: budget.id.clone(),
                    status: status.to_string(),
                    elapsed_minutes: used / 60,
                    budget_minutes: limit / 60,
                    remaining_minutes: (limit - used) / 60,
                    due,
                }
            })
            .collect();
        Status {
            active,
            holders,
            finished: self.is_closed(),
            terminal,
            clocks,
        }
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

/// Where finishing step `i` with `outcome` leads.
fn target(ctx: &Context<'_>, i: usize, outcome: Option<&str>) -> Result<Node, EventError> {
    let step = &ctx.procedure.steps[i];
    match (&step.flow, outcome) {
        (Flow::Next(node), None) => Ok(*node),
        (Flow::Decision { outcomes, .. }, Some(o)) => outcomes
            .iter()
            .find(|(name, _, _)| name == o)
            .map(|(_, node, _)| *node)
            .ok_or_else(|| offered(step, outcome)),
        _ => Err(offered(step, outcome)),
    }
}

fn offered(step: &crate::model::Step, given: Option<&str>) -> EventError {
    let offered = match &step.flow {
        Flow::Decision { outcomes, .. } => outcomes.iter().map(|(n, _, _)| n.clone()).collect(),
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

/// Calendar-free due instant (no working-day calendar): wall-clock time.
fn plain_due(at: Timestamp, d: crate::model::Duration) -> Option<Timestamp> {
    let secs = minutes(d, crate::budget::DEFAULT_DAY_MINUTES).1 as i64 * 60;
    Timestamp::from_second(at.as_second() + secs).ok()
}
