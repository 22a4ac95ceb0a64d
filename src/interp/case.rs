//! A case: where it is, its control card, its clocks and its pending obligations, moved only
//! by events.

use super::card::{self, CardEntry, CardLine};
use super::clock::Clock;
use super::event::{Event, EventError};
use super::timers::{Signal, Timer, TimerKind};
use super::Context;
use crate::model::Node;
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
        /// When the time waited on the way to it ends (`lanjut x tunggu 3 hari`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ready: Option<Timestamp>,
        /// Reached over a wait whose end no `arrived` event has reported yet.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        awaiting: bool,
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
    /// The obligation's id, for an obligation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation: Option<String>,
    /// The budget, stage or step whose time it is about, for an escalation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<String>,
}

/// A case on a procedure. Plain data: serialise it, keep it anywhere, apply events later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    // Private: a case changes only through `apply` and `advance`, so its events always
    // replay to it. Read it through the accessors below. (Ids are boxed strings: a live case
    // stays within 256 bytes.)
    id: Box<str>,
    /// The standard it runs on (boxed: rarely read, and it keeps a live case small).
    #[serde(flatten)]
    pub(super) on: Box<OnStandard>,
    procedure: Box<str>,
    pub(super) opened: Timestamp,
    pub(super) position: Position,
    pub(super) card: Vec<CardEntry>,
    pub(super) clocks: Vec<Clock>,
    pub(super) timers: Vec<Timer>,
    /// The latest instant applied.
    pub(super) last: Timestamp,
    /// The latest instant `advance` was called with.
    pub(super) advanced: Option<Timestamp>,
    /// Every event applied, in order: replaying them reproduces the case.
    pub(super) events: Vec<Event>,
}

impl Case {
    /// The host's case id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The standard (service id, version, content identity) the case runs on.
    pub fn standard(&self) -> &OnStandard {
        &self.on
    }

    /// The procedure's id.
    pub fn procedure(&self) -> &str {
        &self.procedure
    }

    /// When it was opened.
    pub fn opened(&self) -> Timestamp {
        self.opened
    }

    /// Where it is now.
    pub fn position(&self) -> &Position {
        &self.position
    }

    /// The latest instant an event was applied at.
    pub fn last(&self) -> Timestamp {
        self.last
    }

    /// Every event applied, in order, deemed approvals included: replaying them on a new
    /// case reproduces this one ([`Case::replayed`]). Persist these.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
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
        let dues = super::timers::triggered(ctx, &[&entering], at)?;
        let mut case = Case {
            id: id.into(),
            on: Box::new(OnStandard {
                standard: ctx.identity.standard.to_string(),
                version: ctx.identity.version.to_string(),
                hash: ctx.identity.hash.to_string(),
            }),
            procedure: ctx.procedure.id.as_str().into(),
            opened: at,
            position: Position::Step {
                step: start,
                since: at,
                ready: None,
                awaiting: false,
            },
            // Room for one pass through the steps: most cases never grow these again.
            card: Vec::with_capacity(ctx.procedure.steps.len()),
            clocks: ctx
                .procedure
                .budgets
                .iter()
                .map(|b| Clock::new(&b.id))
                .collect(),
            timers: Vec::new(),
            last: at,
            advanced: None,
            events: Vec::with_capacity(ctx.procedure.steps.len()),
        };
        for (clock, budget) in case.clocks.iter_mut().zip(&ctx.procedure.budgets) {
            if budget.start.is_none() && budget.scope == crate::model::Scope::Budget {
                clock.started = Some(at);
            }
        }
        let actions = case.signal(ctx, &entering, at, &dues);
        case.mark_clocks(ctx, at);
        Ok((case, actions))
    }

    /// The case rebuilt from its own history: opened again, every event applied in order
    /// (deemed approvals included), then advanced to the latest instant `advance` was called
    /// with. Equal to `self` — the property that makes a persisted event list the truth
    /// about a case.
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
        let mut actions = self.take(ctx, &event)?;
        self.events.push(event);
        // An event reported after `advance` went past it: what it set in motion and is
        // already due fires now, as if `advance` were called again.
        if let Some(watermark) = self.advanced {
            actions.extend(self.fire_until(ctx, watermark));
        }
        Ok(actions)
    }

    /// Lets time pass to `now`: returns, in order, the obligations and escalations that fell
    /// due since the last call. A deemed approval (fiktif positif) that fell due ends the
    /// case at its instant and is kept in the case's events, so the history replays to it.
    pub fn advance(&mut self, ctx: &Context<'_>, now: Timestamp) -> Vec<Action> {
        if self.advanced.is_some_and(|f| now <= f) {
            return Vec::new();
        }
        self.advanced = Some(now);
        self.fire_until(ctx, now)
    }

    /// Fires, in order, every timer due at or before `now`.
    fn fire_until(&mut self, ctx: &Context<'_>, now: Timestamp) -> Vec<Action> {
        let mut actions = Vec::new();
        while let Some(k) = self
            .timers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.due <= now)
            .min_by_key(|(k, t)| (t.due, *k))
            .map(|(k, _)| k)
        {
            let timer = self.timers[k].clone();
            match timer.kind {
                TimerKind::Obligation { obligation: o } => {
                    self.timers.remove(k);
                    actions.extend(super::timers::obligation_action(ctx, o, timer.due));
                }
                TimerKind::Escalation { clock, rule } => {
                    // Still scheduled while it fires: a deemed approval finds its rule there.
                    actions.extend(self.escalate(ctx, clock, rule, timer.due));
                    if let Some(k) = self.timers.iter().position(|t| *t == timer) {
                        self.timers.remove(k);
                    }
                }
            }
        }
        actions
    }

    /// Checks an event's instant: not before the last one, covered by the calendar, and not
    /// after a deemed approval that has fallen due (`advance` first records it).
    pub(super) fn check_time(&self, ctx: &Context<'_>, at: Timestamp) -> Result<(), EventError> {
        if at < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last,
            });
        }
        ctx.covers(at)?;
        if let Some(due) = self.deem_due(ctx).filter(|d| *d <= at) {
            return Err(EventError::DeemedFirst { at: due });
        }
        Ok(())
    }

    pub(super) fn is_closed(&self) -> bool {
        matches!(
            self.position,
            Position::Ended { .. } | Position::Withdrawn { .. }
        )
    }

    /// Reads a persisted case, refusing one opened under another standard or content.
    pub fn resume(ctx: &Context<'_>, json: &str) -> Result<Case, ResumeError> {
        let mut case: Case =
            serde_json::from_str(json).map_err(|e| ResumeError::Format(e.to_string()))?;
        // Persisted before SHA-256: the same content under its FNV form carries forward.
        if !ctx.identity.legacy_hash.is_empty() && case.on.hash == ctx.identity.legacy_hash {
            case.on.hash = ctx.identity.hash.to_string();
        }
        let on = &case.on;
        if on.standard != ctx.identity.standard || *case.procedure != *ctx.procedure.id {
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

    pub(super) fn describe(&self, ctx: &Context<'_>) -> super::Whereabouts {
        use super::Whereabouts as W;
        let id = |list: Option<String>| list.unwrap_or_default();
        match &self.position {
            Position::Step { step, .. } => {
                W::Step(id(ctx.procedure.steps.get(*step).map(|s| s.id.clone())))
            }
            Position::Returned { .. } => W::Returned,
            Position::Ended { end, .. } => {
                W::Ended(id(ctx.procedure.ends.get(*end).map(|e| e.id.clone())))
            }
            Position::Withdrawn { .. } => W::Withdrawn,
        }
    }
}
