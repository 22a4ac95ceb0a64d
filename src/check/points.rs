//! Events clocks and obligations hang on: they must be able to happen.

use crate::diag::{did_you_mean, Diagnostic, Kind, NameKind};
use crate::machine::Machine;
use crate::model::{Flow, Model, Node, Point};

/// Checks every budget point and every obligation.
pub fn check(model: &Model, machines: &[Machine], out: &mut Vec<Diagnostic>) {
    let reachable: Vec<Vec<bool>> = machines.iter().map(Machine::reachable).collect();
    let check_point =
        |p: &Point, out: &mut Vec<Diagnostic>| point(model, machines, &reachable, p, out);
    for proc in &model.procedures {
        for b in &proc.budgets {
            for p in [&b.start, &b.stop].into_iter().flatten() {
                check_point(p, out);
            }
        }
    }
    for svc in &model.services {
        for ob in &svc.obligations {
            for p in [&ob.trigger, &ob.cancel].into_iter().flatten() {
                check_point(p, out);
            }
        }
    }
}

fn point(
    model: &Model,
    machines: &[Machine],
    reachable: &[Vec<bool>],
    p: &Point,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(proc), Some(machine), Some(seen)) = (
        model.procedures.get(p.procedure),
        machines.get(p.procedure),
        reachable.get(p.procedure),
    ) else {
        return;
    };
    let (state, name) = match p.node {
        Node::Step(i) => (
            machine.step_state(i),
            proc.steps.get(i).map(|s| s.id.clone()),
        ),
        Node::End(i) => (machine.end_state(i), proc.ends.get(i).map(|e| e.id.clone())),
        Node::Return { .. } | Node::Unknown => return,
    };
    let (Some(state), Some(name)) = (state, name) else {
        return;
    };
    if machine.has_unresolved() {
        // An unresolved target (already reported) may lead anywhere: do not guess.
        return;
    }
    if !seen.get(state.0 as usize).copied().unwrap_or(true) {
        out.push(Diagnostic::located(
            Kind::NeverHappens { point: name },
            p.loc,
        ));
        return;
    }
    let Some(outcome) = &p.outcome else { return };
    let offered: Vec<&str> = match p.node {
        Node::Step(i) => match proc.steps.get(i).map(|s| &s.flow) {
            Some(Flow::Decision { outcomes, .. }) => {
                outcomes.iter().map(|o| o.name.as_str()).collect()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if !offered.contains(&outcome.as_str()) {
        let kind = Kind::UndefinedName {
            kind: NameKind::Outcome,
            name: outcome.clone(),
            suggestion: did_you_mean(outcome, offered.iter().copied()),
        };
        out.push(Diagnostic::located(kind, p.loc));
    }
}
