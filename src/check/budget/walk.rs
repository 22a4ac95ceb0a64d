//! A budget's clock along the machine, by the interpreter's rules (`interp/timers.rs`): what
//! a case pays for each arrow it takes — the time of the state it leaves, then the time
//! waited on the way — whether the clock runs meanwhile, and where the clock starts and
//! stops. Read once per budget; the paths are walked over it.

use super::ends::{node_state, scope_steps};
use crate::machine::{Machine, State, StateId, Transition};
use crate::model::{Budget, Flow, Node, Pause, Procedure, Timing, Wait};
use crate::time::{Duration, Unit};

/// A stretch of time on a path, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Cost {
    /// Its bounds, and whether the clock runs meanwhile.
    Known {
        /// Shortest.
        lo: u32,
        /// Longest.
        hi: u32,
        /// Unit.
        unit: Unit,
        /// Whether the clock counts it.
        running: bool,
    },
    /// The source does not say how long (the step whose time or wait it is).
    Unknown(usize),
    /// What follows the step after which the published table stops (`terpotong`): not
    /// published, so not known.
    Unpublished(usize),
}

/// What a hop of a path is, for naming the path to people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Hop {
    /// A step done (with the outcome taken, for a decision).
    Step(usize, Option<String>),
    /// A conditional step skipped.
    Skipped(usize),
    /// The file back with the applicant until resubmitted.
    Returned,
    /// An end reached.
    End(usize),
}

/// An arrow of the machine as the clock sees it.
#[derive(Debug, Clone)]
pub(super) struct Arrow {
    /// Where it leads.
    pub to: usize,
    /// The time of the state it leaves.
    pub own: Option<Cost>,
    /// Whether the clock stops when it is taken (after `own`, before `wait`).
    pub stops: bool,
    /// The time waited on the way to `to`.
    pub wait: Option<Cost>,
    /// What taking it means.
    pub hop: Hop,
    /// The end it leads to, when it ends the case.
    pub end: Option<usize>,
    /// For an arrow into the end where the published table stops: the step it leaves, whose
    /// sequel is not published (counted even though the case ends there).
    pub beyond: Option<usize>,
}

/// The clock of one budget over a machine.
#[derive(Debug, Clone)]
pub(super) struct Clockwork {
    /// The arrows out of each state, in the order written.
    pub out: Vec<Vec<Arrow>>,
    /// Where the clock starts: the state the case is at, and the time still to wait before
    /// that state's own time begins.
    pub starts: Vec<Start>,
}

/// One way the clock starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Start {
    /// The state the case is at when it starts.
    pub state: usize,
    /// The time still to wait before that state's own time begins.
    pub wait: Option<Cost>,
    /// Whether the clock stops at the same moment (the case ends as it starts).
    pub done: bool,
}

impl Clockwork {
    /// The clock of `budget` over `proc`'s machine.
    pub fn new(proc: &Procedure, machine: &Machine, budget: &Budget) -> Clockwork {
        let paused = |p: Pause| budget.pauses.contains(&p);
        let scope = scope_steps(proc, budget);
        let inside = |s: usize| scope.is_some_and(|(a, b)| (a..=b).contains(&s));
        // The wait written on the way back to the applicant is the applicant's time, spent in
        // the state the file is returned to (each such state has one way in).
        let mut returned_wait: Vec<Option<Wait>> = vec![None; machine.len()];
        for s in machine.states() {
            if let Some(State::Step { step }) = machine.state(s) {
                for (why, t) in machine.successors(s) {
                    if matches!(machine.state(t), Some(State::Returned { .. })) {
                        returned_wait[t.0 as usize] = arrow_wait(proc, step, why);
                    }
                }
            }
        }
        let mut out: Vec<Vec<Arrow>> = Vec::with_capacity(machine.len());
        for s in machine.states() {
            let state = machine.state(s);
            let mut arrows = Vec::new();
            for (why, t) in machine.successors(s) {
                let target = machine.state(t);
                let skip = matches!(why, Transition::Skip);
                let (own, hop) = match state {
                    Some(State::Step { step }) if skip => (None, Hop::Skipped(step)),
                    Some(State::Step { step }) => (
                        step_cost(proc, step, !paused(Pause::Step(step))),
                        Hop::Step(
                            step,
                            match why {
                                Transition::Outcome { name } => Some(name.clone()),
                                _ => None,
                            },
                        ),
                    ),
                    // The applicant's time: the wait written on the way back, if any.
                    Some(State::Returned { from, .. }) => (
                        returned_wait[s.0 as usize]
                            .map(|w| cost(w, from, !paused(Pause::Returned))),
                        Hop::Returned,
                    ),
                    _ => (None, Hop::Returned),
                };
                let stops = match target {
                    // A case that ends stops every clock.
                    Some(State::End { .. }) => true,
                    _ if scope.is_some() => {
                        matches!(target, Some(State::Step { step }) if !inside(step))
                    }
                    _ => match &budget.stop {
                        None => false,
                        Some(p) if p.after => match (state, p.node) {
                            (Some(State::Step { step }), Node::Step(x)) if step == x => {
                                match (&p.outcome, why) {
                                    (None, _) => true,
                                    (Some(want), Transition::Outcome { name }) => want == name,
                                    (Some(_), _) => false,
                                }
                            }
                            _ => false,
                        },
                        Some(p) => node_state(machine, p) == Some(t),
                    },
                };
                // A wait on the way to an end is not waited: the case ends when the step
                // before it is done (`sop::wait-before-end` says so to the author).
                let wait = match (state, target) {
                    (Some(State::Step { step }), Some(State::Step { step: to })) if !skip => {
                        arrow_wait(proc, step, why).map(|w| cost(w, step, !paused(Pause::Step(to))))
                    }
                    _ => None,
                };
                arrows.push(Arrow {
                    to: t.0 as usize,
                    own,
                    stops,
                    wait,
                    hop,
                    end: match target {
                        Some(State::End { end }) => Some(end),
                        _ => None,
                    },
                    beyond: match (state, target) {
                        (Some(State::Step { step }), Some(State::End { end }))
                            if proc.ends.get(end).is_some_and(|e| e.cut_off) =>
                        {
                            Some(step)
                        }
                        _ => None,
                    },
                });
            }
            out.push(arrows);
        }
        let starts = starts(proc, machine, budget, &out);
        Clockwork { out, starts }
    }
}

/// Where the clock starts: at the case's opening, or the first time the case reaches its
/// start point (an arrow into it that can be taken before the point was ever reached).
fn starts(proc: &Procedure, machine: &Machine, budget: &Budget, out: &[Vec<Arrow>]) -> Vec<Start> {
    let Some(open) = machine.start().map(|s| s.0 as usize) else {
        return Vec::new();
    };
    // A stage with no step has nothing its clock could run over.
    if let crate::model::Scope::Stage(k) = budget.scope {
        if proc.stages.get(k).is_none_or(|s| s.steps.is_none()) {
            return Vec::new();
        }
    }
    let at_open = Start {
        state: open,
        wait: None,
        done: false,
    };
    // The states that start the clock when entered, or `after`: the state whose finishing
    // (with the outcome, if one is named) starts it.
    let scope = scope_steps(proc, budget);
    let entering: Vec<usize> = match (scope, &budget.start) {
        (Some((a, b)), _) => (a..=b)
            .filter_map(|i| machine.step_state(i))
            .map(|s| s.0 as usize)
            .collect(),
        (None, None) => return vec![at_open],
        (None, Some(p)) if !p.after => node_state(machine, p)
            .map(|s| vec![s.0 as usize])
            .unwrap_or_default(),
        (None, Some(_)) => Vec::new(),
    };
    // States the case can be at before the clock starts.
    let mut before = vec![false; out.len()];
    let mut stack = vec![open];
    let mut found = Vec::new();
    if entering.contains(&open) {
        found.push(at_open);
        stack.clear();
    }
    let after = budget.start.as_ref().filter(|p| p.after && scope.is_none());
    while let Some(s) = stack.pop() {
        if std::mem::replace(&mut before[s], true) {
            continue;
        }
        for a in &out[s] {
            let finishes = after.is_some_and(|p| {
                let here = matches!(machine.state(StateId(s as u32)), Some(State::Step { step })
                    if p.node == Node::Step(step));
                let outcome = match (&a.hop, &p.outcome) {
                    (_, None) => true,
                    (Hop::Step(_, Some(o)), Some(want)) => o == want,
                    _ => false,
                };
                here && outcome
            });
            if finishes || entering.contains(&a.to) {
                found.push(Start {
                    state: a.to,
                    wait: if a.stops { None } else { a.wait },
                    done: a.stops,
                });
            } else {
                stack.push(a.to);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|s| seen.insert(*s));
    found
}

/// The time of step `i` when done, by the stage rule: a stage with its own time stands for
/// steps whose time is not all known, its time counting once, on its first step.
fn step_cost(proc: &Procedure, i: usize, running: bool) -> Option<Cost> {
    let st = proc.steps.get(i)?;
    if let Some(stage) = proc.stage_of(i).and_then(|k| proc.stages.get(k)) {
        let (first, last) = stage.steps.unwrap_or((i, i));
        let all_known = (first..=last).all(|k| proc.steps[k].duration.is_some());
        if let (Some(d), false) = (stage.duration, all_known) {
            return (i == first).then_some(known(d, running));
        }
    }
    match (st.duration, st.timing) {
        (Some(d), _) => Some(known(d, running)),
        (None, Timing::Known) => None,
        (None, _) => Some(Cost::Unknown(i)),
    }
}

fn known(d: Duration, running: bool) -> Cost {
    Cost::Known {
        lo: d.min,
        hi: d.max,
        unit: d.unit,
        running,
    }
}

fn cost(w: Wait, step: usize, running: bool) -> Cost {
    match w {
        Wait::Known(d) => known(d, running),
        Wait::Unknown => Cost::Unknown(step),
    }
}

/// The wait written on an arrow out of step `i`.
fn arrow_wait(proc: &Procedure, i: usize, why: &Transition) -> Option<Wait> {
    let st = proc.steps.get(i)?;
    match (why, &st.flow) {
        (Transition::Next, _) => st.next_wait,
        (Transition::Outcome { name }, Flow::Decision { outcomes, .. }) => outcomes
            .iter()
            .find(|o| &o.name == name)
            .and_then(|o| o.wait),
        _ => None,
    }
}
