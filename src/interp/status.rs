//! Where a case stands at an instant: active steps, who holds it, every budget's clock.

use super::case::Case;
use super::record::{some, Pos, NONE};
use super::{Context, EventError};
use crate::time::Measure;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The state of a budget's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Not started yet.
    Waiting,
    /// Running, under 80 % of the budget used.
    OnTrack,
    /// Running, 80 % or more used.
    AtRisk,
    /// Started, not running now (the file is with the applicant).
    Paused,
    /// More than the budget used.
    Breached,
    /// Stopped within the budget.
    Finished,
}

/// What a clock measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockScope {
    /// A written `anggaran`.
    Budget,
    /// A stage's own time.
    Stage,
    /// A step's own time (a step with escalation rules).
    Step,
}

/// The state of one clock at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockStatus {
    /// Budget id (for a stage's or a step's own time: its id).
    pub budget: String,
    /// What the clock measures.
    pub scope: ClockScope,
    /// Its state.
    pub status: ClockState,
    /// What the clock counts: `working` time or `wall` time.
    pub measure: Measure,
    /// Minutes used.
    pub elapsed_minutes: i64,
    /// The budget in minutes, from when the clock started (`None` before it starts, or when
    /// the budget runs out past the calendar's last day).
    pub budget_minutes: Option<i64>,
    /// Minutes left, rounded down (negative when breached: -1 for a clock one second over).
    pub remaining_minutes: Option<i64>,
    /// When the budget runs out if the clock keeps running; for a breached clock, when it
    /// ran out. `None` while paused or finished within the budget. For a budget written as a
    /// range (`2..5 hari kerja`), its upper end.
    pub due: Option<Timestamp>,
    /// For a budget written as a range: when its lower end falls if the clock keeps running,
    /// after which the clock is at risk (instead of at 80 % used). `None` for an exact
    /// budget, once the lower end has passed, or while paused or finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_lower: Option<Timestamp>,
    /// Whether an officer extended the clock (`extended` event): its size and `due` include
    /// the extension. Left out of JSON when not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extended: bool,
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
    /// The end reached is where the published procedure table stops (`terpotong`): what
    /// happens to the case next is not published. Left out of JSON when not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cut_off: bool,
    /// One per budget.
    pub clocks: Vec<ClockStatus>,
}

/// Share of a budget after which a running clock is at risk.
pub const AT_RISK_PERCENT: i64 = 80;

impl Case {
    /// Whether a written time budget (`anggaran`) has run out at `now`: what [`Case::status`]
    /// reports as a breached budget clock, without the rest (for a reader of many cases).
    pub(crate) fn budget_breached(&self, ctx: &Context<'_>, now: Timestamp) -> bool {
        let Ok(now_s) = self.rel(now) else {
            return false;
        };
        let now_s = now_s.max(self.last);
        self.clocks
            .iter()
            .zip(&ctx.procedure.budgets)
            .filter(|(_, b)| b.scope == crate::model::Scope::Budget)
            .any(|(clock, budget)| {
                some(clock.started).is_some_and(|s| {
                    let measure = budget.duration.unit.measure();
                    let used = i64::from(self.used_at(ctx, clock, measure, now_s));
                    self.limit(ctx, clock, budget, s)
                        .is_some_and(|limit| used > limit)
                })
            })
    }

    /// Where the case stands at `now`. Refused when `now` is before the latest event (the
    /// case would be read at a moment it had not reached) or outside the calendar's range.
    pub fn status(&self, ctx: &Context<'_>, now: Timestamp) -> Result<Status, EventError> {
        let now_s = self.rel(now)?;
        if now_s < self.last {
            return Err(EventError::Backwards {
                at: now,
                last: self.last(),
            });
        }
        ctx.covers(now)?;
        let names = |ids: &[crate::model::RoleId]| -> Vec<String> {
            ids.iter()
                .filter_map(|r| ctx.model.role(*r))
                .map(|r| r.id.clone())
                .collect()
        };
        let (active, holders, terminal) = match self.pos {
            Pos::Step { step, .. } => {
                let s = &ctx.procedure.steps[step as usize];
                (vec![s.id.clone()], names(&s.roles), None)
            }
            Pos::Returned { from, .. } => {
                let role = ctx
                    .machine
                    .states()
                    .find_map(|s| match ctx.machine.state(s) {
                        Some(crate::machine::State::Returned { from: f, role, .. })
                            if f == from as usize =>
                        {
                            role
                        }
                        _ => None,
                    });
                (
                    Vec::new(),
                    names(&role.into_iter().collect::<Vec<_>>()),
                    None,
                )
            }
            Pos::Ended { end, .. } => (
                Vec::new(),
                Vec::new(),
                Some(ctx.procedure.ends[end as usize].id.clone()),
            ),
            Pos::Withdrawn { .. } => (Vec::new(), Vec::new(), Some("withdrawn".to_string())),
        };
        let clocks = self
            .clocks
            .iter()
            .zip(&ctx.procedure.budgets)
            .map(|(clock, budget)| {
                let measure = budget.duration.unit.measure();
                let used = i64::from(self.used_at(ctx, clock, measure, now_s));
                // The budget's size from when its clock started; unknown when it runs out
                // past the calendar (it cannot have run out by `now`, which is covered).
                let limit = some(clock.started).and_then(|s| self.limit(ctx, clock, budget, s));
                // A range's lower end, in the same measure, from the same start.
                let ranged = budget.duration.min < budget.duration.max;
                let lower = some(clock.started).filter(|_| ranged).and_then(|s| {
                    let low = crate::time::Duration {
                        max: budget.duration.min,
                        ..budget.duration
                    };
                    ctx.deadlines().limit(self.at(s), low).ok()
                });
                let at_risk = |limit: i64| match lower {
                    Some(low) => used > low,
                    None => used * 100 >= limit * AT_RISK_PERCENT,
                };
                let status = match (some(clock.started), limit) {
                    (None, _) => ClockState::Waiting,
                    (_, Some(limit)) if used > limit => ClockState::Breached,
                    _ if clock.stopped != NONE => ClockState::Finished,
                    _ if clock.running_since == NONE => ClockState::Paused,
                    (_, Some(limit)) if at_risk(limit) => ClockState::AtRisk,
                    _ => ClockState::OnTrack,
                };
                let due_lower = match (clock.running_since != NONE, lower) {
                    (true, Some(low)) if used < low => ctx
                        .deadlines()
                        .after(now, (low - used).unsigned_abs(), measure)
                        .ok()
                        .map(|d| d.value),
                    _ => None,
                };
                // Running: when what is left runs out. Run out: when it did, which the
                // clock keeps (or, never paused, the budget's due from its start).
                let due = match (clock.running_since != NONE, limit) {
                    (true, Some(limit)) if used < limit => ctx
                        .deadlines()
                        .after(now, (limit - used).unsigned_abs(), measure)
                        .ok()
                        .map(|d| d.value),
                    (_, Some(limit)) if used > limit => {
                        some(clock.due).map(|d| self.at(d)).or_else(|| {
                            let start = some(clock.started)?;
                            ctx.deadlines()
                                .due(self.at(start), budget.duration)
                                .ok()
                                .map(|d| d.value)
                        })
                    }
                    _ => None,
                };
                ClockStatus {
                    budget: budget.id.clone(),
                    scope: match budget.scope {
                        crate::model::Scope::Budget => ClockScope::Budget,
                        crate::model::Scope::Stage(_) => ClockScope::Stage,
                        crate::model::Scope::Step(_) => ClockScope::Step,
                    },
                    status,
                    measure,
                    // Whole minutes, rounded down: a clock one second over has -1 left.
                    elapsed_minutes: used.div_euclid(60),
                    budget_minutes: limit.map(|l| l.div_euclid(60)),
                    remaining_minutes: limit.map(|l| (l - used).div_euclid(60)),
                    due,
                    due_lower,
                    extended: clock.extra != 0,
                }
            })
            .collect();
        let cut_off = match self.pos {
            Pos::Ended { end, .. } => ctx
                .procedure
                .ends
                .get(end as usize)
                .is_some_and(|e| e.cut_off),
            _ => false,
        };
        Ok(Status {
            active,
            holders,
            finished: self.is_closed(),
            terminal,
            cut_off,
            clocks,
        })
    }
}
