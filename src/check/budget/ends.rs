//! Where a budget's paths begin and end in the machine (its start and stop points, or a
//! stage's or step's own steps), and the time waited on an arrow.

use super::paths::Weight;
use crate::machine::{Machine, State, StateId, Transition};
use crate::model::{Budget, Point, Procedure};
use crate::time::Duration;

/// The time waited on an arrow out of state `s`, as a weight.
pub(super) fn wait_on(
    proc: &Procedure,
    machine: &Machine,
    s: StateId,
    why: &Transition,
) -> Option<Weight> {
    let Some(State::Step { step }) = machine.state(s) else {
        return None;
    };
    let st = proc.steps.get(step)?;
    let wait = match (why, &st.flow) {
        (Transition::Next, _) => st.next_wait,
        (Transition::Outcome { name }, crate::model::Flow::Decision { outcomes, .. }) => outcomes
            .iter()
            .find(|o| &o.name == name)
            .and_then(|o| o.wait),
        _ => None,
    }?;
    Some(match wait {
        crate::model::Wait::Known(d) => Weight {
            hi: Some(d),
            lo: Some(Duration { max: d.min, ..d }),
            unknown: None,
        },
        crate::model::Wait::Unknown => Weight {
            hi: None,
            lo: None,
            unknown: Some(step),
        },
    })
}

/// The step range a stage's or step's clock covers.
pub(super) fn scope_steps(proc: &Procedure, budget: &Budget) -> Option<(usize, usize)> {
    match budget.scope {
        crate::model::Scope::Budget => None,
        crate::model::Scope::Stage(k) => proc.stages.get(k).and_then(|s| s.steps),
        crate::model::Scope::Step(i) => Some((i, i)),
    }
}

/// The states whose time the clock counts first: the state it starts at, or — when it starts
/// after a state — that state's successors (only through the named outcome, if any).
/// Default: the procedure's start; for a stage or step clock, its first step.
pub(super) fn start_states(
    proc: &Procedure,
    machine: &Machine,
    budget: &Budget,
    start: Option<usize>,
) -> Vec<StateId> {
    if proc.steps.is_empty() {
        return Vec::new();
    }
    if let Some((first, _)) = scope_steps(proc, budget) {
        return machine.step_state(first).into_iter().collect();
    }
    let _ = start;
    let Some(p) = budget.start.as_ref() else {
        return machine.start().into_iter().collect();
    };
    let Some(state) = node_state(machine, p) else {
        return Vec::new();
    };
    if !p.after {
        return vec![state];
    }
    machine
        .successors(state)
        .into_iter()
        .filter(|(why, _)| match (&p.outcome, why) {
            (Some(want), Transition::Outcome { name }) => name == want,
            (Some(_), _) => false,
            (None, _) => true,
        })
        .map(|(_, to)| to)
        .collect()
}

/// Where the clock stops: a state, counted when stopping after it. Default: every end; for a
/// stage or step clock, every state its steps lead to outside them.
pub(super) fn stop_states(
    proc: &Procedure,
    machine: &Machine,
    budget: &Budget,
) -> Vec<(StateId, bool)> {
    if let Some((first, last)) = scope_steps(proc, budget) {
        let inside = |s: StateId| matches!(machine.state(s), Some(State::Step { step }) if (first..=last).contains(&step));
        // The clock stops after any of its steps that leads out of them.
        return (first..=last)
            .filter_map(|i| machine.step_state(i))
            .filter(|s| machine.successors(*s).iter().any(|(_, t)| !inside(*t)))
            .map(|s| (s, true))
            .collect();
    }
    match budget.stop.as_ref() {
        None => machine
            .states()
            .filter(|s| matches!(machine.state(*s), Some(State::End { .. })))
            .map(|s| (s, false))
            .collect(),
        Some(p) => node_state(machine, p)
            .map(|s| (s, p.after))
            .into_iter()
            .collect(),
    }
}

pub(super) fn node_state(machine: &Machine, p: &Point) -> Option<StateId> {
    match p.node {
        crate::model::Node::Step(i) => machine.step_state(i),
        crate::model::Node::End(i) => machine.end_state(i),
        _ => None,
    }
}
