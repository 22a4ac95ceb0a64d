//! Static budget analysis: for each budget of a procedure, the shortest and the longest path
//! from where its clock starts to where it stops, in working minutes, compared with the
//! budget. Linear in the graph (plus a heap for the shortest path): loops are condensed and
//! counted once, ranges are taken at their bounds, paths are never enumerated.
//!
//! Durations become working minutes with the calendar's usual working day
//! (`Calendar::usual_day_minutes`, 7.5 hours when the standard names no calendar). Calendar
//! durations (`hari`, `minggu`, `bulan`) count 5 working days in 7. Time with the applicant
//! (a return) and paused steps count nothing: the clock does not run then.

use crate::diag::{Diagnostic, Kind};
use crate::machine::{Machine, State, StateId, Transition};
use crate::model::{Duration, Pause, Point, Procedure, Unit};
use petgraph::algo::{condensation, dijkstra, toposort};
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

/// Working minutes in a day when the standard names no calendar (Perpres 21/2023: 37.5 hours
/// over five days).
pub const DEFAULT_DAY_MINUTES: u32 = 450;

/// The analysis of one budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    /// Procedure id.
    pub procedure: String,
    /// Budget id.
    pub budget: String,
    /// The budget in working minutes.
    pub budget_minutes: u64,
    /// Shortest path in working minutes (`None` when the stop cannot be reached).
    pub shortest_minutes: Option<u64>,
    /// Longest path in working minutes, loops counted once.
    pub longest_minutes: Option<u64>,
    /// `fits`, `may_overrun` (the longest path does not fit) or `cannot_fit`.
    pub verdict: &'static str,
}

/// Working minutes of a duration at its lower and upper bound.
pub fn minutes(d: Duration, day_minutes: u32) -> (u64, u64) {
    let per = |n: u32| -> u64 {
        let n = u64::from(n);
        let day = u64::from(day_minutes);
        match d.unit {
            Unit::Minute => n,
            Unit::Hour => n * 60,
            Unit::WorkingDay => n * day,
            Unit::Day => n * day * 5 / 7,
            Unit::Week => n * day * 5,
            Unit::Month => n * day * 5 * 30 / 7,
        }
    };
    (per(d.min), per(d.max))
}

/// Analyses every budget of a procedure.
pub fn analyse(proc: &Procedure, machine: &Machine, day_minutes: u32) -> Vec<BudgetReport> {
    if machine.has_unresolved() {
        return Vec::new();
    }
    proc.budgets
        .iter()
        .map(|b| {
            let paused: Vec<usize> = b
                .pauses
                .iter()
                .filter_map(|p| match p {
                    Pause::Step(i) => Some(*i),
                    Pause::Returned => None,
                })
                .collect();
            let weight = |s: State| -> (u64, u64) {
                match s {
                    State::Step { step } if !paused.contains(&step) => {
                        let st = &proc.steps[step];
                        let (lo, hi) = st.duration.map_or((0, 0), |d| minutes(d, day_minutes));
                        (if st.condition.is_some() { 0 } else { lo }, hi)
                    }
                    _ => (0, 0),
                }
            };
            let starts = start_states(proc, machine, b.start.as_ref());
            let stops = stop_states(machine, b.stop.as_ref());
            let (min, max) = bounds(machine, &starts, &stops, &weight);
            let budget_minutes = minutes(b.duration, day_minutes).1;
            let verdict = match (min, max) {
                (Some(lo), _) if lo > budget_minutes => "cannot_fit",
                (_, Some(hi)) if hi > budget_minutes => "may_overrun",
                _ => "fits",
            };
            BudgetReport {
                procedure: proc.id.clone(),
                budget: b.id.clone(),
                budget_minutes,
                shortest_minutes: min,
                longest_minutes: max,
                verdict,
            }
        })
        .collect()
}

/// The states whose time the clock counts first: the state it starts at, or — when it starts
/// after a state — that state's successors (only through the named outcome, if any).
/// Default: the procedure's start.
fn start_states(proc: &Procedure, machine: &Machine, point: Option<&Point>) -> Vec<StateId> {
    if proc.steps.is_empty() {
        return Vec::new();
    }
    let Some(p) = point else {
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

/// Where the clock stops: a state, counted when stopping after it. Default: every end.
fn stop_states(machine: &Machine, point: Option<&Point>) -> Vec<(StateId, bool)> {
    match point {
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

fn node_state(machine: &Machine, p: &Point) -> Option<StateId> {
    match p.node {
        crate::model::Node::Step(i) => machine.step_state(i),
        crate::model::Node::End(i) => machine.end_state(i),
        _ => None,
    }
}

/// Shortest and longest working time from the starts to the stops.
fn bounds(
    machine: &Machine,
    starts: &[StateId],
    stops: &[(StateId, bool)],
    weight: &dyn Fn(State) -> (u64, u64),
) -> (Option<u64>, Option<u64>) {
    // One graph node per state, plus a source before the starts and a sink after the stops;
    // the weight of a node is paid when entering it.
    let n = machine.len();
    let mut g: DiGraph<(u64, u64), ()> = DiGraph::with_capacity(n + 2, n * 2);
    for s in machine.states() {
        g.add_node(machine.state(s).map_or((0, 0), weight));
    }
    let source = g.add_node((0, 0));
    let sink = g.add_node((0, 0));
    for s in machine.states() {
        for (_, t) in machine.successors(s) {
            g.add_edge(ix(s), ix(t), ());
        }
    }
    for s in starts {
        g.add_edge(source, ix(*s), ());
    }
    // A stop "at" a state must not pay that state's time: reach the sink from its
    // predecessors instead.
    for (s, counted) in stops {
        if *counted {
            g.add_edge(ix(*s), sink, ());
        } else {
            let preds: Vec<NodeIndex> = g
                .neighbors_directed(ix(*s), petgraph::Direction::Incoming)
                .collect();
            for p in preds {
                g.add_edge(p, sink, ());
            }
        }
    }
    let shortest = dijkstra(&g, source, Some(sink), |e| {
        g[petgraph::visit::EdgeRef::target(&e)].0
    });
    let min = shortest.get(&sink).copied();
    (min, longest(&g, source, sink))
}

/// Longest path on the graph of strongly connected sets, each set counted once.
fn longest(g: &DiGraph<(u64, u64), ()>, source: NodeIndex, sink: NodeIndex) -> Option<u64> {
    let mut of = vec![0usize; g.node_count()];
    let dag = condensation(g.map(|i, _| i, |_, _| ()), true);
    for c in dag.node_indices() {
        for member in &dag[c] {
            of[member.index()] = c.index();
        }
    }
    let order = toposort(&dag, None).ok()?;
    let weight = |c: NodeIndex| -> u64 { dag[c].iter().map(|m| g[*m].1).sum() };
    let mut best: Vec<Option<u64>> = vec![None; dag.node_count()];
    best[of[source.index()]] = Some(weight(NodeIndex::new(of[source.index()])));
    for c in order {
        let Some(here) = best[c.index()] else {
            continue;
        };
        for next in dag.neighbors(c) {
            let value = here + weight(next);
            if best[next.index()].is_none_or(|b| b < value) {
                best[next.index()] = Some(value);
            }
        }
    }
    best[of[sink.index()]]
}

fn ix(s: StateId) -> NodeIndex {
    NodeIndex::new(s.0 as usize)
}

/// Diagnostics for a procedure's budgets, and for working days overfilled by the steps
/// marked as falling on them.
pub fn check(proc: &Procedure, machine: &Machine, day_minutes: u32, out: &mut Vec<Diagnostic>) {
    for (report, b) in analyse(proc, machine, day_minutes)
        .into_iter()
        .zip(&proc.budgets)
    {
        let kind = match (
            report.verdict,
            report.shortest_minutes,
            report.longest_minutes,
        ) {
            ("cannot_fit", Some(min), _) => Kind::BudgetCannotFit {
                budget: report.budget,
                minutes: min,
                limit: report.budget_minutes,
            },
            ("may_overrun", _, Some(max)) => Kind::BudgetMayOverrun {
                budget: report.budget,
                minutes: max,
                limit: report.budget_minutes,
            },
            _ => continue,
        };
        out.push(Diagnostic::located(kind, b.loc));
    }
    let mut per_day: std::collections::BTreeMap<u32, (u64, crate::span::Loc)> = Default::default();
    for st in &proc.steps {
        let (Some(day), Some(d)) = (st.on_day, st.duration) else {
            continue;
        };
        let entry = per_day.entry(day).or_insert((0, st.loc));
        entry.0 += minutes(d, day_minutes).1;
    }
    for (day, (total, loc)) in per_day {
        if total > u64::from(day_minutes) {
            let kind = Kind::DayOverfull {
                day,
                minutes: total,
                limit: u64::from(day_minutes),
            };
            out.push(Diagnostic::located(kind, loc));
        }
    }
}
