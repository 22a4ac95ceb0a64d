//! The paths a budget's clock runs over, from where it starts to where it stops: their time
//! per unit, and when they end from a start instant, step after step, by the one time module.

use super::amount_of;
use super::ends::{start_states, stop_states, wait_on};
use crate::diag::Amount;
use crate::machine::{Machine, State, StateId};
use crate::model::{Budget, Procedure};
use crate::time::{Deadlines, Duration};
use jiff::Timestamp;
use petgraph::algo::{condensation, dijkstra, toposort};
use petgraph::graph::{DiGraph, NodeIndex};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The time a state takes when the path enters it: its step's duration, as written.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Weight {
    /// At its upper bound.
    pub(super) hi: Option<Duration>,
    /// At its lower bound (none for a conditional step, which a case may skip).
    pub(super) lo: Option<Duration>,
    /// The step whose time the source does not give (no time is counted for it).
    pub(super) unknown: Option<usize>,
}

/// One budget's paths, ready to be measured.
pub struct Paths {
    graph: DiGraph<Weight, ()>,
    source: NodeIndex,
    sink: NodeIndex,
    /// Strongly connected sets in topological order (a loop is one set, counted once), with
    /// the sets each is entered from.
    sets: Vec<(Vec<NodeIndex>, Vec<usize>)>,
    /// The set holding the sink.
    sink_set: Option<usize>,
}

impl Paths {
    /// The paths of `budget` in `proc`, paused steps counting nothing.
    pub fn new(proc: &Procedure, machine: &Machine, budget: &Budget, paused: &[usize]) -> Paths {
        let weight = |s: State| -> Weight {
            let State::Step { step } = s else {
                return Weight::default();
            };
            if paused.contains(&step) {
                return Weight::default();
            }
            let st = &proc.steps[step];
            // A stage with its own time stands for steps whose time is not all known: its
            // time counts once, on entering its first step.
            if let Some(stage) = proc.stage_of(step).and_then(|k| proc.stages.get(k)) {
                let (first, last) = stage.steps.unwrap_or((step, step));
                let all_known = (first..=last).all(|i| proc.steps[i].duration.is_some());
                if let (Some(d), false) = (stage.duration, all_known) {
                    if step != first {
                        return Weight::default();
                    }
                    return Weight {
                        hi: Some(d),
                        lo: Some(Duration { max: d.min, ..d }),
                        unknown: None,
                    };
                }
            }
            Weight {
                hi: st.duration,
                lo: st
                    .duration
                    .filter(|_| st.condition.is_none())
                    .map(|d| Duration { max: d.min, ..d }),
                unknown: (st.timing != crate::model::Timing::Known).then_some(step),
            }
        };
        let returned_paused = budget.pauses.contains(&crate::model::Pause::Returned);
        let starts = start_states(proc, machine, budget, proc.start);
        let stops = stop_states(proc, machine, budget);
        // One graph node per state, plus a source before the starts and a sink after the
        // stops; the weight of a node is paid when entering it.
        let n = machine.len();
        let mut graph: DiGraph<Weight, ()> = DiGraph::with_capacity(n + 2, n * 2);
        for s in machine.states() {
            graph.add_node(machine.state(s).map_or_else(Weight::default, weight));
        }
        let source = graph.add_node(Weight::default());
        let sink = graph.add_node(Weight::default());
        for s in machine.states() {
            for (why, t) in machine.successors(s) {
                // Time waited on the way is a node of its own on the arrow; waited while
                // the file is back with the applicant, it counts only if the clock runs then.
                let with_applicant = matches!(machine.state(t), Some(State::Returned { .. }));
                let wait =
                    wait_on(proc, machine, s, why).filter(|_| !(with_applicant && returned_paused));
                match wait {
                    Some(w) => {
                        let node = graph.add_node(w);
                        graph.add_edge(ix(s), node, ());
                        graph.add_edge(node, ix(t), ());
                    }
                    None => {
                        graph.add_edge(ix(s), ix(t), ());
                    }
                }
            }
        }
        for s in &starts {
            graph.add_edge(source, ix(*s), ());
        }
        // A stop "at" a state must not pay that state's time: reach the sink from its
        // predecessors instead.
        for (s, counted) in &stops {
            if *counted {
                graph.add_edge(ix(*s), sink, ());
            } else {
                let preds: Vec<NodeIndex> = graph
                    .neighbors_directed(ix(*s), petgraph::Direction::Incoming)
                    .collect();
                for p in preds {
                    graph.add_edge(p, sink, ());
                }
            }
        }
        let mut of = vec![0usize; graph.node_count()];
        let dag = condensation(graph.map(|i, _| i, |_, _| ()), true);
        let order = toposort(&dag, None).unwrap_or_default();
        let mut position = vec![0usize; dag.node_count()];
        for (k, c) in order.iter().enumerate() {
            position[c.index()] = k;
            for member in &dag[*c] {
                of[member.index()] = k;
            }
        }
        let sets = order
            .iter()
            .map(|c| {
                let preds = dag
                    .neighbors_directed(*c, petgraph::Direction::Incoming)
                    .map(|p| position[p.index()])
                    .collect();
                (dag[*c].clone(), preds)
            })
            .collect();
        Paths {
            graph,
            source,
            sink,
            sets,
            sink_set: (!order.is_empty()).then(|| of[sink.index()]),
        }
    }

    /// Shortest and longest time per unit (each unit's own extreme over the paths, so bounds).
    pub fn amounts(&self) -> (Option<Amount>, Option<Amount>) {
        let lo = |w: &Weight| {
            w.lo.map_or(Amount::default(), |d| amount_of(u64::from(d.max), d.unit))
        };
        let hi = |w: &Weight| {
            w.hi.map_or(Amount::default(), |d| amount_of(u64::from(d.max), d.unit))
        };
        let mut min = Some(Amount::default());
        let mut max = Some(Amount::default());
        for (part, get) in PARTS.iter().enumerate() {
            let shortest = dijkstra(&self.graph, self.source, Some(self.sink), |e| {
                get(&lo(&self.graph[petgraph::visit::EdgeRef::target(&e)]))
            });
            match (shortest.get(&self.sink), min.as_mut()) {
                (Some(v), Some(a)) => set(a, part, *v),
                _ => min = None,
            }
            let longest = self.longest_sum(|w| get(&hi(w)));
            match (longest, max.as_mut()) {
                (Some(v), Some(a)) => set(a, part, v),
                _ => max = None,
            }
        }
        (min, max)
    }

    /// Longest sum of a node weight over the sets in order, each set counted once.
    fn longest_sum(&self, weight: impl Fn(&Weight) -> u64) -> Option<u64> {
        let mut best: Vec<Option<u64>> = vec![None; self.sets.len()];
        for (k, (members, preds)) in self.sets.iter().enumerate() {
            let here = members
                .iter()
                .map(|m| weight(&self.graph[*m]))
                .fold(0u64, u64::saturating_add);
            let entered = if members.contains(&self.source) {
                Some(0)
            } else {
                preds.iter().filter_map(|p| best[*p]).max()
            };
            best[k] = entered.map(|e| e.saturating_add(here));
        }
        best[self.sink_set?]
    }

    /// When the longest path ends from `start`, each step taking its upper bound from when
    /// the one before it ended, each loop once. `None` when the calendar cannot tell.
    pub fn latest_end(&self, d: &Deadlines<'_>, start: Timestamp) -> Option<Timestamp> {
        let mut end: Vec<Option<Timestamp>> = vec![None; self.sets.len()];
        for (k, (members, preds)) in self.sets.iter().enumerate() {
            let entered = if members.contains(&self.source) {
                Some(start)
            } else {
                preds.iter().filter_map(|p| end[*p]).max()
            };
            let Some(mut t) = entered else {
                continue;
            };
            for m in members {
                if let Some(dur) = self.graph[*m].hi {
                    t = d.due(t, dur).ok()?.value;
                }
            }
            end[k] = Some(t);
        }
        end[self.sink_set?]
    }

    /// When the shortest path ends from `start`, each step taking its lower bound (skipped
    /// when conditional): earliest arrival over the graph, which is exact because a later
    /// start never ends earlier.
    pub fn earliest_end(&self, d: &Deadlines<'_>, start: Timestamp) -> Option<Timestamp> {
        let mut best: Vec<Option<Timestamp>> = vec![None; self.graph.node_count()];
        let mut queue = BinaryHeap::new();
        best[self.source.index()] = Some(start);
        queue.push(Reverse((start, self.source.index())));
        while let Some(Reverse((t, n))) = queue.pop() {
            if best[n].is_some_and(|b| b < t) {
                continue;
            }
            if n == self.sink.index() {
                return Some(t);
            }
            for next in self.graph.neighbors(NodeIndex::new(n)) {
                let arrive = match self.graph[next].lo {
                    Some(dur) => d.due(t, dur).ok()?.value,
                    None => t,
                };
                if best[next.index()].is_none_or(|b| arrive < b) {
                    best[next.index()] = Some(arrive);
                    queue.push(Reverse((arrive, next.index())));
                }
            }
        }
        None
    }

    /// Everything the verdict depends on besides the calendar and the budget: the sets in
    /// order with their steps' times and the sets they are entered from. Procedures with the
    /// same shape get the same verdict, so it is computed once per run.
    pub fn shape(&self) -> String {
        let mut out = String::new();
        for (members, preds) in &self.sets {
            out.push('[');
            for m in members {
                if *m == self.source {
                    out.push('S');
                } else if *m == self.sink {
                    out.push('E');
                }
                let w = &self.graph[*m];
                out.push_str(&format!("{:?}/{:?};", w.hi, w.lo));
            }
            out.push_str(&format!("]{preds:?}"));
        }
        out
    }

    /// The steps of unknown time on some path from the start to the stop, in order.
    pub fn unknown_steps(&self) -> Vec<usize> {
        use petgraph::visit::{Bfs, Reversed};
        let mut from_start = vec![false; self.graph.node_count()];
        let mut bfs = Bfs::new(&self.graph, self.source);
        while let Some(n) = bfs.next(&self.graph) {
            from_start[n.index()] = true;
        }
        let reversed = Reversed(&self.graph);
        let mut bfs = Bfs::new(reversed, self.sink);
        let mut steps: Vec<usize> = Vec::new();
        while let Some(n) = bfs.next(reversed) {
            if from_start[n.index()] {
                steps.extend(self.graph[n].unknown);
            }
        }
        steps.sort_unstable();
        steps.dedup();
        steps
    }

    /// Whether every step's time on the paths is in `units` (and the paths exist).
    pub fn only_units(&self, units: &[crate::time::Unit]) -> bool {
        self.graph
            .node_weights()
            .filter_map(|w| w.hi)
            .all(|d| units.contains(&d.unit))
    }
}

/// The four parts of an amount, to run the scalar path algorithms once per unit.
const PARTS: [fn(&Amount) -> u64; 4] =
    [|a| a.minutes, |a| a.working_days, |a| a.days, |a| a.months];

fn set(a: &mut Amount, part: usize, value: u64) {
    match part {
        0 => a.minutes = value,
        1 => a.working_days = value,
        2 => a.days = value,
        _ => a.months = value,
    }
}

fn ix(s: StateId) -> NodeIndex {
    NodeIndex::new(s.0 as usize)
}
