//! The flow of one procedure: reachability, dead ends, closed loops, decisions, numbering.

use crate::diag::{Diagnostic, Kind, Note};
use crate::machine::{Machine, State};
use crate::model::{Flow, Node, Procedure, Timing};
use std::collections::HashMap;

/// Outcome names that come in pairs: one without the other is a decision half written.
const PAIRS: &[(&str, &str)] = &[
    ("ya", "tidak"),
    ("yes", "no"),
    ("lengkap", "tidak_lengkap"),
    ("complete", "incomplete"),
    ("setuju", "tolak"),
    ("approve", "reject"),
    ("sesuai", "tidak_sesuai"),
];

/// All flow checks of one procedure.
pub fn procedure(proc: &Procedure, machine: &Machine, out: &mut Vec<Diagnostic>) {
    reachability(proc, machine, out);
    decisions(proc, out);
    numbers(proc, out);
    steps(proc, out);
    waits_and_stages(proc, out);
}

/// Waits that nothing would wait (on the way to an end), stages with nothing to measure.
fn waits_and_stages(proc: &Procedure, out: &mut Vec<Diagnostic>) {
    let end = |e: usize| proc.ends.get(e).map_or(String::new(), |x| x.id.clone());
    for step in &proc.steps {
        let ways: Vec<(Node, bool, Option<crate::source::span::Loc>)> = match &step.flow {
            Flow::Next(n) => vec![(*n, step.next_wait.is_some(), step.next_loc)],
            Flow::Decision { outcomes, .. } => outcomes
                .iter()
                .map(|o| (o.node, o.wait.is_some(), Some(o.loc)))
                .collect(),
            Flow::Stop => Vec::new(),
        };
        for (node, waits, loc) in ways {
            if let (Node::End(e), true) = (node, waits) {
                let kind = Kind::WaitBeforeEnd {
                    step: step.id.clone(),
                    end: end(e),
                };
                out.push(Diagnostic::located(kind, loc.unwrap_or(step.loc)));
            }
        }
    }
    for stage in proc
        .stages
        .iter()
        .filter(|s| s.steps.is_none() && !s.bounded && s.elsewhere.is_none())
    {
        let kind = Kind::EmptyStage {
            stage: stage.id.clone(),
        };
        out.push(Diagnostic::located(kind, stage.loc));
    }
}

/// What a step needs whatever the flow: a time — unless its stage gives one for all its
/// steps. (Performers are checked as written, in the resolver.)
fn steps(proc: &Procedure, out: &mut Vec<Diagnostic>) {
    for (i, step) in proc.steps.iter().enumerate() {
        let staged = proc
            .stage_of(i)
            .and_then(|s| proc.stages.get(s))
            .is_some_and(|s| s.timing != Timing::Missing);
        if step.timing == Timing::Missing && !staged && !step.broken {
            let kind = Kind::MissingTime {
                step: step.id.clone(),
            };
            out.push(Diagnostic::located(kind, step.loc));
        }
    }
}

fn reachability(proc: &Procedure, machine: &Machine, out: &mut Vec<Diagnostic>) {
    let reachable = machine.reachable();
    let unresolved = machine.has_unresolved();
    for (i, step) in proc.steps.iter().enumerate() {
        let Some(state) = machine.step_state(i) else {
            continue;
        };
        // An unresolved target (already reported) may lead anywhere: do not guess.
        if !unresolved && !reachable.get(state.0 as usize).copied().unwrap_or(true) {
            let kind = Kind::UnreachableStep {
                step: step.id.clone(),
            };
            out.push(Diagnostic::located(kind, step.loc));
        }
        if step.flow == Flow::Stop {
            let kind = Kind::NoWayToEnd {
                step: step.id.clone(),
            };
            out.push(Diagnostic::located(kind, step.loc));
        }
    }
    for states in machine.closed_loops() {
        let steps: Vec<usize> = states
            .iter()
            .filter_map(|s| match machine.state(*s) {
                Some(State::Step { step }) => Some(step),
                _ => None,
            })
            .collect();
        let reached = states
            .iter()
            .any(|s| reachable.get(s.0 as usize).copied().unwrap_or(false));
        let Some(first) = steps.iter().min().and_then(|i| proc.steps.get(*i)) else {
            continue;
        };
        if !reached {
            continue;
        }
        let kind = Kind::LoopWithoutExit {
            steps: steps
                .iter()
                .filter_map(|i| proc.steps.get(*i))
                .map(|s| s.id.clone())
                .collect(),
        };
        let at = back_edge(proc, &steps).unwrap_or(first.loc);
        out.push(Diagnostic::located(kind, at));
    }
}

/// Where a closed loop turns back: the last arrow in the loop that leads to a step written
/// no later than its own. That is the line that made the loop (a `lanjut` to an earlier
/// step, an outcome sent back), so the loop is reported there.
fn back_edge(proc: &Procedure, steps: &[usize]) -> Option<crate::source::span::Loc> {
    let inside: std::collections::HashSet<usize> = steps.iter().copied().collect();
    let back =
        |to: &Node, from: usize| matches!(to, Node::Step(t) if *t <= from && inside.contains(t));
    steps.iter().rev().find_map(|&i| {
        let step = proc.steps.get(i)?;
        match &step.flow {
            Flow::Next(node) if back(node, i) => step.next_loc,
            Flow::Decision { outcomes, .. } => outcomes
                .iter()
                .rev()
                .find(|o| back(&o.node, i))
                .map(|o| o.loc),
            _ => None,
        }
    })
}

fn decisions(proc: &Procedure, out: &mut Vec<Diagnostic>) {
    for step in &proc.steps {
        let Flow::Decision { outcomes, loc, .. } = &step.flow else {
            continue;
        };
        let mut seen: HashMap<&str, crate::source::span::Loc> = HashMap::new();
        for o in outcomes {
            if let Some(first) = seen.get(o.name.as_str()) {
                let kind = Kind::DuplicateOutcome {
                    name: o.name.clone(),
                };
                out.push(Diagnostic::located(kind, o.loc).with_note(*first, Note::FirstHere));
            } else {
                seen.insert(&o.name, o.loc);
            }
        }
        // Published SOPs often draw only the way forward: one branch is advice, not an error;
        // a case that takes the other way is refused with a clear message.
        let repeated = seen.len() < outcomes.len();
        match seen.keys().next() {
            // Two outcomes with one name are one mistake, already reported.
            Some(only) if seen.len() == 1 && !repeated => {
                let kind = Kind::OneBranch {
                    outcome: (*only).to_string(),
                    missing: counterpart(only).map(str::to_string),
                };
                out.push(Diagnostic::located(kind, *loc));
            }
            None => out.push(Diagnostic::located(
                Kind::MissingOutcome { missing: None },
                *loc,
            )),
            _ => {}
        }
    }
}

fn counterpart(name: &str) -> Option<&'static str> {
    PAIRS.iter().find_map(|(a, b)| {
        if *a == name {
            Some(*b)
        } else if *b == name {
            Some(*a)
        } else {
            None
        }
    })
}

/// Published numbers are kept as published (gaps are normal); a repeat or a number smaller
/// than the one before it is worth a look.
fn numbers(proc: &Procedure, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&[u32], crate::source::span::Loc> = HashMap::new();
    let mut previous: Option<&crate::model::StepNumber> = None;
    for step in &proc.steps {
        let Some(n) = &step.number else { continue };
        if let Some(first) = seen.get(n.key.as_slice()) {
            let kind = Kind::DuplicateStepNumber {
                number: n.label.clone(),
            };
            out.push(Diagnostic::located(kind, step.loc).with_note(*first, Note::FirstHere));
        } else {
            seen.insert(&n.key, step.loc);
            if let Some(p) = previous.filter(|p| p.key > n.key) {
                let kind = Kind::StepNumberOrder {
                    number: n.label.clone(),
                    after: p.label.clone(),
                };
                out.push(Diagnostic::located(kind, step.loc));
            }
        }
        previous = Some(n);
    }
}
