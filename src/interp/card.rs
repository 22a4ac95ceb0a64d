//! The control card (kartu kendali): every hand-over of the file, with the officers' time and
//! the time the file waited for the applicant kept apart.

use super::case::Case;
use super::record::{some, NONE};
use super::Context;
use crate::time::Unit;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// One hand-over on the control card, as a case keeps it: its times in seconds since the
/// case was opened, the officer as an offset in the case's name list and the outcome as an
/// index among the step's outcomes — 32 bytes a line, since the audit holds the card of
/// every case open at once (a log of a million cases keeps tens of thousands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CardEntry {
    /// Step index (for a resubmission: the step that returned the file).
    pub step: u32,
    /// The officer's offset in the case's name list (`NONE`: not said, or not kept).
    pub by: u32,
    /// When the step began (for a resubmission: when the file went to the applicant).
    pub since: u32,
    /// When the time waited on the way to the step ended (`NONE`: there was none).
    pub ready: u32,
    /// When it was done (or resubmitted).
    pub at: u32,
    /// Working seconds the officers held it.
    pub seconds: u32,
    /// Working seconds it waited for the applicant (to come and collect, to resubmit).
    pub waiting: u32,
    /// The outcome's index among the step's outcomes (`u16::MAX`: none, or not kept).
    pub outcome: u16,
    /// A line for a file the applicant brought back after it was returned.
    pub resubmitted: bool,
    /// A conditional step that did not apply and was skipped.
    pub skipped: bool,
}

/// A card being kept: its entries, and whether they name the officer and the outcome (the
/// audit sums times only, and spares the look-ups).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Card {
    pub entries: Vec<CardEntry>,
    pub nameless: bool,
    /// The case's events are not kept (the audit never replays or stores its cases).
    pub only: bool,
}

/// Working seconds as a card keeps them (a case spans at most `u32` seconds).
pub(super) fn seconds(s: i64) -> u32 {
    u32::try_from(s.max(0)).unwrap_or(u32::MAX)
}

/// One control-card line as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardLine {
    /// Step id.
    pub step: String,
    /// Performer roles (for a resubmission: the role the file was returned to).
    pub roles: Vec<String>,
    /// Officer.
    pub by: Option<String>,
    /// Outcome.
    pub outcome: Option<String>,
    /// When the step began.
    pub since: Timestamp,
    /// When it was done.
    pub at: Timestamp,
    /// Working minutes the officers held it.
    pub minutes: i64,
    /// Working minutes it waited for the applicant.
    pub waiting_minutes: i64,
    /// The step's standard time from when it began, in minutes of its unit's measure
    /// (working minutes, or wall minutes for `hari`, `minggu`, `bulan`).
    pub standard_minutes: Option<i64>,
    /// Whether the officers finished after the step's standard time ran out.
    pub late: bool,
    /// A line for a resubmission.
    pub resubmitted: bool,
    /// A skipped conditional step.
    pub skipped: bool,
}

/// The card of a case as people read it.
pub(super) fn lines(case: &Case, card: &[CardEntry], ctx: &Context<'_>) -> Vec<CardLine> {
    card.iter().map(|e| line(case, e, ctx)).collect()
}

fn line(case: &Case, e: &CardEntry, ctx: &Context<'_>) -> CardLine {
    let i = e.step as usize;
    let step = &ctx.procedure.steps[i];
    let names = |ids: &[crate::model::RoleId]| -> Vec<String> {
        ids.iter()
            .filter_map(|r| ctx.model.role(*r))
            .map(|r| r.id.clone())
            .collect()
    };
    let roles = if e.resubmitted {
        names(&returned_to(ctx, i))
    } else {
        names(&step.roles)
    };
    let (standard_minutes, late) = standard(case, e, ctx);
    CardLine {
        step: step.id.clone(),
        roles,
        by: some(e.by).map(|b| case.name(b).to_string()),
        outcome: super::names::outcome_name(ctx, e.step, e.outcome),
        since: case.at(e.since),
        at: case.at(e.at),
        minutes: i64::from(e.seconds / 60),
        waiting_minutes: i64::from(e.waiting / 60),
        standard_minutes,
        late,
        resubmitted: e.resubmitted,
        skipped: e.skipped,
    }
}

/// A card entry's standard time in minutes of its measure, from when the step could begin
/// (after any wait on the way), and whether the officers finished after it ran out.
pub(crate) fn standard(case: &Case, e: &CardEntry, ctx: &Context<'_>) -> (Option<i64>, bool) {
    let Some(step) = ctx.procedure.steps.get(e.step as usize) else {
        return (None, false);
    };
    // The step's own due instant: the same reckoning as every clock.
    let from = case.at(some(e.ready).map_or(e.since, |r| r.max(e.since)));
    let done = case.at(e.at);
    let standard = match (step.duration, e.resubmitted || e.skipped) {
        (Some(d), false) => ctx.deadlines().due(from, d).ok().and_then(|due| {
            // Minutes and hours are counted on the calendar: their due instant is exactly that
            // much working time away (the audit asks this of every line of every case).
            let fixed = match d.unit {
                Unit::Minute => Some(60),
                Unit::Hour => Some(3_600),
                _ => None,
            };
            match fixed.filter(|_| ctx.calendar.is_some()) {
                Some(unit) => Some((due.value, i64::from(d.max) * unit)),
                None => {
                    let size = ctx.deadlines().elapsed(from, due.value, d.unit.measure());
                    size.ok().map(|s| (due.value, s.value))
                }
            }
        }),
        _ => None,
    };
    let late =
        !ctx.waits_for_applicant(e.step as usize) && standard.is_some_and(|(due, _)| done > due);
    (standard.map(|(_, s)| s / 60), late)
}

/// The role a step's return goes to first.
fn returned_to(ctx: &Context<'_>, step: usize) -> Vec<crate::model::RoleId> {
    ctx.machine
        .states()
        .find_map(|s| match ctx.machine.state(s) {
            Some(crate::machine::State::Returned { from, role, .. }) if from == step => role,
            _ => None,
        })
        .into_iter()
        .collect()
}

impl super::Case {
    /// The card line of step `i` done at `times.2`, begun at `times.0` and ready at
    /// `times.1`: the step's working time, the time waiting for the applicant (or for a step
    /// only outsiders perform), or for the wait on the way here, kept apart.
    pub(super) fn record(
        &mut self,
        ctx: &Context<'_>,
        i: usize,
        outcome: Option<&str>,
        by: &Option<String>,
        (since, ready, at): (u32, u32, u32),
        skipped: bool,
    ) {
        let Some(nameless) = self.card.as_deref().map(|c| c.nameless) else {
            return;
        };
        let work_from = some(ready).map_or(since, |r| r.clamp(since, at));
        // Most steps had no wait on the way: nothing to measure there.
        let waited = if work_from == since {
            0
        } else {
            ctx.working_seconds(self.at(since), self.at(work_from))
        };
        let worked = ctx.working_seconds(self.at(work_from), self.at(at));
        let (officer, waiting) = if ctx.waits_for_applicant(i) || ctx.outside_only(i) {
            (0, waited + worked)
        } else {
            (worked, waited)
        };
        let (by, outcome) = if nameless {
            (NONE, u16::MAX)
        } else {
            let step = u32::try_from(i).unwrap_or(NONE);
            let outcome = outcome.and_then(|o| super::names::outcome_index(ctx, step, o));
            (self.officer(by.as_deref()), outcome.unwrap_or(u16::MAX))
        };
        let entry = CardEntry {
            step: u32::try_from(i).unwrap_or(NONE),
            by,
            since,
            ready,
            at,
            seconds: if skipped { 0 } else { seconds(officer) },
            waiting: if skipped { 0 } else { seconds(waiting) },
            outcome,
            resubmitted: false,
            skipped,
        };
        if let Some(card) = self.card.as_mut() {
            card.entries.push(entry);
        }
    }
}
