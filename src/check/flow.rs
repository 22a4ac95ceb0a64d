//! The flow of one procedure: reachability, dead ends, closed loops, decisions, numbering.

use crate::diag::{Diagnostic, Kind, Note};
use crate::machine::{Machine, State};
use crate::model::{Flow, Procedure};
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
}

fn reachability(proc: &Procedure, machine: &Machine, out: &mut Vec<Diagnostic>) {
    let reachable = machine.reachable();
    for (i, step) in proc.steps.iter().enumerate() {
        let Some(state) = machine.step_state(i) else {
            continue;
        };
        // An unresolved target (already reported) may lead anywhere: do not guess.
        if !machine.has_unresolved() && !reachable.get(state.0 as usize).copied().unwrap_or(true) {
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
        out.push(Diagnostic::located(kind, first.loc));
    }
}

fn decisions(proc: &Procedure, out: &mut Vec<Diagnostic>) {
    for step in &proc.steps {
        let Flow::Decision { outcomes, loc, .. } = &step.flow else {
            continue;
        };
        let mut seen: HashMap<&str, crate::span::Loc> = HashMap::new();
        for (name, _, at) in outcomes {
            if let Some(first) = seen.get(name.as_str()) {
                let kind = Kind::DuplicateOutcome { name: name.clone() };
                out.push(Diagnostic::located(kind, *at).with_note(*first, Note::FirstHere));
            } else {
                seen.insert(name, *at);
            }
        }
        if seen.len() < 2 {
            let missing = seen
                .keys()
                .next()
                .and_then(|only| counterpart(only))
                .map(str::to_string);
            out.push(Diagnostic::located(Kind::MissingOutcome { missing }, *loc));
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

fn numbers(proc: &Procedure, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<u32, crate::span::Loc> = HashMap::new();
    for step in &proc.steps {
        let Some(n) = step.number else { continue };
        if let Some(first) = seen.get(&n) {
            let kind = Kind::DuplicateStepNumber {
                number: i64::from(n),
            };
            out.push(Diagnostic::located(kind, step.loc).with_note(*first, Note::FirstHere));
        } else {
            seen.insert(n, step.loc);
        }
    }
}
