//! Finding the step an event names and where finishing it leads.

use super::case::Case;
use super::event::EventError;
use super::record::{Pos, NONE};
use super::Context;
use crate::model::{Flow, Node, Wait};

/// An index as a case keeps it (procedures are limited far below `u32::MAX` states).
pub(super) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

pub(super) fn step_index(ctx: &Context<'_>, step: &str) -> Result<usize, EventError> {
    ctx.procedure
        .steps
        .iter()
        .position(|s| s.id == step)
        .ok_or_else(|| EventError::UnknownStep(step.to_string()))
}

impl Case {
    /// The index of step `name`, trying the active step first (events are mostly about it).
    pub(super) fn step_of(&self, ctx: &Context<'_>, name: &str) -> Result<usize, EventError> {
        if let Pos::Step { step, .. } = self.pos {
            if ctx
                .procedure
                .steps
                .get(step as usize)
                .is_some_and(|s| s.id == name)
            {
                return Ok(step as usize);
            }
        }
        step_index(ctx, name)
    }
}

/// Where finishing step `i` with `outcome` leads, and the time waited on that way.
pub(super) fn target(
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
