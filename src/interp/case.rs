//! A case: where it is, its clocks and its pending timers, and the events that moved it —
//! a few hundred bytes while it lives (see `record`), its events the whole truth when stored.

use super::card::Card;
use super::event::{Event, EventError};
use super::names::line;
pub use super::position::{Action, Position};
use super::record::{some, Mark, Pos, Rec, Timer, NONE};
use super::timers::Signal;
use super::Context;
use crate::model::Node;
use crate::project::StandardRef;
use jiff::Timestamp;
use std::sync::Arc;

/// A case on a procedure. Changes only through [`Case::apply`] and [`Case::advance`], so
/// its events always replay to it; stored with [`Case::to_json`], read back with
/// [`Case::resume`]. Instants are kept to the second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The case id, then each officer named by an event, one per line: events refer to the
    /// officers by their offset here.
    pub(super) names: Box<str>,
    /// The standard it runs on (shared by every case on the procedure).
    pub(super) on: Arc<StandardRef>,
    /// When it was opened, in seconds since 1970; every other time counts from here.
    pub(super) opened: i64,
    pub(super) pos: Pos,
    pub(super) clocks: Box<[Mark]>,
    pub(super) timers: Vec<Timer>,
    /// The latest instant applied.
    pub(super) last: u32,
    /// The latest instant `advance` was called with (`NONE`: never).
    pub(super) advanced: u32,
    /// Every event applied, in order, deemed approvals included.
    pub(super) events: Vec<Rec>,
    /// The control card, kept only while rebuilding it ([`Case::card`]) or for the audit.
    /// Boxed: a live case pays 8 bytes for it.
    pub(super) card: Option<Box<Card>>,
}

impl Case {
    /// The host's case id.
    pub fn id(&self) -> &str {
        line(&self.names)
    }

    /// The standard (file, procedure, content identity, service, version) it runs on.
    pub fn standard(&self) -> &StandardRef {
        &self.on
    }

    /// The procedure's id.
    pub fn procedure(&self) -> &str {
        &self.on.procedure
    }

    /// When it was opened.
    pub fn opened(&self) -> Timestamp {
        self.at(0)
    }

    /// The latest instant an event was applied at.
    pub fn last(&self) -> Timestamp {
        self.at(self.last)
    }

    /// Where it is now.
    pub fn position(&self) -> Position {
        let t = |s: u32| self.at(s);
        match self.pos {
            Pos::Step {
                step,
                since,
                ready,
                awaiting,
            } => Position::Step {
                step: step as usize,
                since: t(since),
                ready: some(ready).map(t),
                awaiting,
            },
            Pos::Returned {
                from,
                resume,
                since,
            } => Position::Returned {
                from: from as usize,
                resume: resume as usize,
                since: t(since),
            },
            Pos::Ended { end, at } => Position::Ended {
                end: end as usize,
                at: t(at),
            },
            Pos::Withdrawn { at } => Position::Withdrawn { at: t(at) },
        }
    }

    /// Every event applied, in order, deemed approvals included: replaying them on a new
    /// case reproduces this one ([`Case::replayed`]).
    pub fn events(&self, ctx: &Context<'_>) -> Vec<Event> {
        self.events.iter().map(|r| self.event(ctx, r)).collect()
    }

    /// The earliest instant at which [`Case::advance`] has something to do (an obligation,
    /// an escalation, a deemed approval), if any: a host can sleep until then.
    pub fn next_due(&self) -> Option<Timestamp> {
        self.timers.iter().map(|t| t.due).min().map(|s| self.at(s))
    }

    /// An instant of this case: `s` seconds after it was opened.
    pub(super) fn at(&self, s: u32) -> Timestamp {
        let second = self.opened.saturating_add(i64::from(s));
        Timestamp::from_second(second).unwrap_or(Timestamp::MAX)
    }

    /// Seconds since the case was opened, to the second; refused before it was opened or
    /// past what a case can span.
    pub(super) fn rel(&self, t: Timestamp) -> Result<u32, EventError> {
        let s = t.as_second() - self.opened;
        if s < 0 {
            return Err(EventError::Backwards {
                at: t,
                last: self.last(),
            });
        }
        // Not `ok_or`: the error would be built, and dropped, on every event.
        match u32::try_from(s).ok().filter(|s| *s != NONE) {
            Some(s) => Ok(s),
            None => Err(EventError::OutOfRange(
                crate::time::CalendarError::Unrepresentable,
            )),
        }
    }
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
        if id.len() > 256
            || id
                .chars()
                .any(|c| c == '\n' || crate::source::hidden_character(c))
        {
            return Err(EventError::BadText { field: "case" });
        }
        if ctx.procedure.budgets.len() > usize::from(u16::MAX) {
            return Err(EventError::TooBig);
        }
        ctx.covers(at)?;
        let at = Timestamp::from_second(at.as_second()).unwrap_or(at);
        let entering = Signal::Enter(Node::Step(start));
        let dues = super::timers::triggered(ctx, &[&entering], at)?;
        let mut case = Case {
            names: id.into(),
            on: ctx.on.clone(),
            opened: at.as_second(),
            pos: Pos::Step {
                step: u32::try_from(start).map_err(|_| EventError::TooBig)?,
                since: 0,
                ready: NONE,
                awaiting: false,
            },
            clocks: vec![Mark::NEW; ctx.procedure.budgets.len()].into_boxed_slice(),
            timers: Vec::new(),
            last: 0,
            advanced: NONE,
            events: Vec::new(),
            card: None,
        };
        for (c, budget) in ctx.procedure.budgets.iter().enumerate() {
            if budget.start.is_none() && budget.scope == crate::model::Scope::Budget {
                case.start_clock(ctx, c, 0);
            }
        }
        let actions = case.signal(ctx, &entering, 0, &dues);
        case.mark_clocks(ctx, 0);
        Ok((case, actions))
    }

    /// Applies an event (given or lent: a host that keeps its events passes `&event`);
    /// returns the actions now due. A refused event changes nothing.
    pub fn apply(
        &mut self,
        ctx: &Context<'_>,
        event: impl std::borrow::Borrow<Event>,
    ) -> Result<Vec<Action>, EventError> {
        let event = event.borrow();
        // Cases keep instants to the second.
        let at = event.at();
        let at = Timestamp::from_second(at.as_second()).unwrap_or(at);
        // Every refusal happens before the first change, so no copy is needed.
        let (mut actions, step) = self.take(ctx, event, at)?;
        self.keep(ctx, event, at, step);
        // An event reported after `advance` went past it: what it set in motion and is
        // already due fires now, as if `advance` were called again.
        if let Some(watermark) = some(self.advanced) {
            actions.extend(self.fire_until(ctx, watermark));
        }
        Ok(actions)
    }

    /// Lets time pass to `now`: returns, in order, the obligations and escalations that fell
    /// due since the last call. A deemed approval (fiktif positif) that fell due ends the
    /// case at its instant and is kept in the case's events, so the history replays to it.
    pub fn advance(&mut self, ctx: &Context<'_>, now: Timestamp) -> Vec<Action> {
        // Past what a case can span (136 years), everything pending is due.
        let now = match self.rel(now) {
            Ok(s) => s,
            Err(_) if now > self.opened() => NONE - 1,
            Err(_) => return Vec::new(),
        };
        if some(self.advanced).is_some_and(|f| now <= f) {
            return Vec::new();
        }
        self.advanced = now;
        self.fire_until(ctx, now)
    }

    /// Checks an event's instant: not before the last one, covered by the calendar, and not
    /// after a deemed approval that has fallen due (`advance` first records it).
    pub(super) fn check_time(&self, ctx: &Context<'_>, at: Timestamp) -> Result<u32, EventError> {
        let s = self.rel(at)?;
        if s < self.last {
            return Err(EventError::Backwards {
                at,
                last: self.last(),
            });
        }
        ctx.covers(at)?;
        if let Some(due) = self.deem_due(ctx).filter(|d| *d <= s) {
            return Err(EventError::DeemedFirst { at: self.at(due) });
        }
        Ok(s)
    }

    /// Whether the file is back with the applicant.
    pub(crate) fn is_returned(&self) -> bool {
        matches!(self.pos, Pos::Returned { .. })
    }

    /// Whether it reached an end or was withdrawn.
    pub(crate) fn is_closed(&self) -> bool {
        matches!(self.pos, Pos::Ended { .. } | Pos::Withdrawn { .. })
    }

    pub(super) fn describe(&self, ctx: &Context<'_>) -> super::Whereabouts {
        use super::Whereabouts as W;
        let id = |list: Option<String>| list.unwrap_or_default();
        match self.pos {
            Pos::Step { step, .. } => W::Step(id(ctx
                .procedure
                .steps
                .get(step as usize)
                .map(|s| s.id.clone()))),
            Pos::Returned { .. } => W::Returned,
            Pos::Ended { end, .. } => W::Ended(id(ctx
                .procedure
                .ends
                .get(end as usize)
                .map(|e| e.id.clone()))),
            Pos::Withdrawn { .. } => W::Withdrawn,
        }
    }
}
