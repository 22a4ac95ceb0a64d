//! Who holds the file at a step: whether a role is the applicant's, whether only outsiders
//! perform a step, and whether a step waits for the applicant. Asked of every event a case
//! records, so the answers are compiled once per procedure ([`super::moves::Moves`]).

use super::{Machine, State};
use crate::model::{Flow, Model, Node, Procedure, RoleId};

/// Whether a role is the applicant's: an outside role the file is returned to, or one that
/// takes part in the procedure's first step (the applicant submits). Another office or
/// system outside the agency is not.
pub fn is_applicant(model: &Model, proc: &Procedure, machine: &Machine, role: RoleId) -> bool {
    if model.role(role).is_none_or(|r| r.internal) {
        return false;
    }
    let returned_to = machine.states().any(
        |s| matches!(machine.state(s), Some(State::Returned { role: Some(r), .. }) if r == role),
    );
    let submits = proc
        .start
        .and_then(|i| proc.steps.get(i))
        .is_some_and(|s| s.roles.contains(&role));
    returned_to || submits
}

/// Whether only roles outside the agency perform step `i` (the applicant fulfilling a
/// commitment, another system): its time is not the officers'.
pub fn outside_only(model: &Model, proc: &Procedure, i: usize) -> bool {
    proc.steps.get(i).is_some_and(|s| {
        !s.roles.is_empty()
            && s.roles
                .iter()
                .all(|r| model.role(*r).is_some_and(|r| !r.internal))
    })
}

/// Whether step `i` waits for the applicant: a step only external roles perform on the
/// decision-free way to an end (the applicant receives the licence), the step that hands
/// over to it, or a last step done jointly with someone outside (the hand-over itself).
pub fn waits_for_applicant(model: &Model, proc: &Procedure, machine: &Machine, i: usize) -> bool {
    let steps = &proc.steps;
    let external_to_end = |start: usize| -> bool {
        let mut here = start;
        for _ in 0..=steps.len() {
            let Some(step) = steps.get(here) else {
                return false;
            };
            match step.flow {
                Flow::Next(Node::Step(next)) => here = next,
                Flow::Next(Node::End(_)) => return true,
                _ => return false,
            }
        }
        false
    };
    let external_only = |j: usize| outside_only(model, proc, j);
    if external_only(i) {
        return external_to_end(i);
    }
    // The last step, done jointly by an officer and the applicant (the officer hands the
    // product over), waits for the applicant to come.
    let joint_last = steps.get(i).is_some_and(|s| {
        matches!(s.flow, Flow::Next(Node::End(_)))
            && s.roles
                .iter()
                .any(|r| is_applicant(model, proc, machine, *r))
    });
    if joint_last {
        return true;
    }
    match steps.get(i).map(|s| &s.flow) {
        Some(Flow::Next(Node::Step(next))) => external_only(*next) && external_to_end(*next),
        _ => false,
    }
}
