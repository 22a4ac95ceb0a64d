//! Events kept as records: their names (steps, outcomes, officers) as numbers against the
//! procedure and the case's name list, and turned back into events.

use super::case::Case;
use super::event::Event;
use super::record::{Kind, Rec, NONE};
use super::Context;
use crate::model::Flow;
use jiff::Timestamp;

impl Case {
    /// The event a record stands for.
    pub(super) fn event(&self, ctx: &Context<'_>, r: &Rec) -> Event {
        let at = self.at(r.at);
        let step = || {
            ctx.procedure
                .steps
                .get(r.step as usize)
                .map_or(String::new(), |s| s.id.clone())
        };
        let by = (r.by != NONE).then(|| self.name(r.by).to_string());
        match r.kind {
            Kind::Done => Event::Done {
                step: step(),
                outcome: outcome_name(ctx, r.step, r.outcome),
                by,
                at,
            },
            Kind::Resubmitted => Event::Resubmitted { by, at },
            Kind::Returned => Event::Returned { by, at },
            Kind::Collected => Event::Collected { by, at },
            Kind::Withdrawn => Event::Withdrawn { at },
            Kind::Skipped => Event::Skipped {
                step: step(),
                by,
                at,
            },
            Kind::Arrived => Event::Arrived { step: step(), at },
            Kind::Deemed => Event::Deemed { at },
            Kind::Extended => {
                // The officer's line and the reason's after it (see `keep`).
                let officer = self.name(r.by);
                let reason = self.name(r.by.saturating_add(officer.len() as u32 + 1));
                let some = |t: &str| (!t.is_empty()).then(|| t.to_string());
                Event::Extended {
                    budget: ctx
                        .procedure
                        .budgets
                        .get(r.step as usize)
                        .map(|b| b.id.clone()),
                    reason: some(reason),
                    by: some(officer),
                    at,
                }
            }
        }
    }

    /// The officer name at offset `at` of the name list.
    pub(super) fn name(&self, at: u32) -> &str {
        line(self.names.get(at as usize..).unwrap_or_default())
    }

    /// The offset of `name` in the name list, added when new.
    pub(super) fn officer(&mut self, name: Option<&str>) -> u32 {
        let Some(name) = name else {
            return NONE;
        };
        // Most events are by the officer of the event before.
        if let Some(last) = self.events.iter().rev().map(|r| r.by).find(|b| *b != NONE) {
            if self.name(last) == name {
                return last;
            }
        }
        // Bytes, not `split`: a handful of short names, searched on most events.
        let bytes = self.names.as_bytes();
        let mut at = self.id().len() + 1;
        while let Some(rest) = bytes.get(at..) {
            let len = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            if rest.get(..len) == Some(name.as_bytes()) {
                return u32::try_from(at).unwrap_or(NONE);
            }
            at += len + 1;
        }
        self.append_names(&[name])
    }

    /// Adds `lines` to the end of the name list; the offset of the first.
    fn append_names(&mut self, lines: &[&str]) -> u32 {
        let at = self.names.len() + 1;
        let added: usize = lines.iter().map(|l| l.len() + 1).sum();
        let mut grown = String::with_capacity(self.names.len() + added);
        grown.push_str(&self.names);
        for line in lines {
            grown.push('\n');
            grown.push_str(line);
        }
        self.names = grown.into_boxed_str();
        u32::try_from(at).unwrap_or(NONE)
    }

    /// Keeps an applied event: its names as numbers against the procedure and the case;
    /// `found` is the index of the step it names, as `take` found it.
    pub(super) fn keep(&mut self, ctx: &Context<'_>, event: &Event, at: Timestamp, found: u32) {
        if self.card.as_deref().is_some_and(|c| c.only) {
            return;
        }
        if let Event::Extended {
            budget, reason, by, ..
        } = event
        {
            // The clock as `extend` found it; the officer and the reason kept as two lines
            // of the name list, always added (an extension happens once per clock).
            let clock = self
                .extendable(ctx, budget.as_deref())
                .map_or(NONE, |c| u32::try_from(c).unwrap_or(NONE));
            let at_name =
                self.append_names(&[by.as_deref().unwrap_or(""), reason.as_deref().unwrap_or("")]);
            let at = self.rel(at).unwrap_or(self.last);
            self.events.push(Rec {
                at,
                by: at_name,
                step: clock,
                outcome: u16::MAX,
                kind: Kind::Extended,
            });
            return;
        }
        let (kind, step, outcome, by) = match event {
            Event::Done {
                step, outcome, by, ..
            } => (Kind::Done, Some(step), outcome.as_deref(), by.as_deref()),
            Event::Resubmitted { by, .. } => (Kind::Resubmitted, None, None, by.as_deref()),
            Event::Returned { by, .. } => (Kind::Returned, None, None, by.as_deref()),
            Event::Collected { by, .. } => (Kind::Collected, None, None, by.as_deref()),
            Event::Withdrawn { .. } => (Kind::Withdrawn, None, None, None),
            Event::Skipped { step, by, .. } => (Kind::Skipped, Some(step), None, by.as_deref()),
            Event::Arrived { step, .. } => (Kind::Arrived, Some(step), None, None),
            Event::Deemed { .. } => (Kind::Deemed, None, None, None),
            Event::Extended { .. } => return,
        };
        // The step `take` found for the event (`NONE` when it names none).
        let step = if step.is_some() { found } else { NONE };
        let outcome = outcome
            .and_then(|o| outcome_index(ctx, step, o))
            .unwrap_or(u16::MAX);
        let by = self.officer(by);
        let at = self.rel(at).unwrap_or(self.last);
        self.events.push(Rec {
            at,
            by,
            step,
            outcome,
            kind,
        });
    }
}

/// The text up to the first line end.
pub(super) fn line(text: &str) -> &str {
    let end = text.bytes().position(|b| b == b'\n').unwrap_or(text.len());
    text.get(..end).unwrap_or_default()
}

/// The index of outcome `name` of step `step`'s decision.
pub(super) fn outcome_index(ctx: &Context<'_>, step: u32, name: &str) -> Option<u16> {
    match &ctx.procedure.steps.get(step as usize)?.flow {
        Flow::Decision { outcomes, .. } => outcomes
            .iter()
            .position(|o| o.name == name)
            .and_then(|i| u16::try_from(i).ok()),
        _ => None,
    }
}

/// The name of outcome `outcome` of step `step`'s decision.
pub(super) fn outcome_name(ctx: &Context<'_>, step: u32, outcome: u16) -> Option<String> {
    match &ctx.procedure.steps.get(step as usize)?.flow {
        Flow::Decision { outcomes, .. } => {
            outcomes.get(usize::from(outcome)).map(|o| o.name.clone())
        }
        _ => None,
    }
}
