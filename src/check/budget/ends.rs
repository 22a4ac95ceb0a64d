//! Where a budget's clock is bound in the machine: the steps a stage's or step's clock
//! covers, and the state a start or stop point names.

use crate::machine::{Machine, StateId};
use crate::model::{Budget, Point, Procedure};

/// The step range a stage's or step's clock covers.
pub(super) fn scope_steps(proc: &Procedure, budget: &Budget) -> Option<(usize, usize)> {
    match budget.scope {
        crate::model::Scope::Budget => None,
        crate::model::Scope::Stage(k) => proc.stages.get(k).and_then(|s| s.steps),
        crate::model::Scope::Step(i) => Some((i, i)),
    }
}

/// The state a point names.
pub(super) fn node_state(machine: &Machine, p: &Point) -> Option<StateId> {
    match p.node {
        crate::model::Node::Step(i) => machine.step_state(i),
        crate::model::Node::End(i) => machine.end_state(i),
        _ => None,
    }
}
