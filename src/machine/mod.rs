//! One procedure → one state machine (a petgraph graph behind our own ids).
//!
//! States are the steps, the ends, one "returned to a role" state per return written in the
//! standard, and one sink for flows whose target did not resolve. Built in source order, so
//! ids and every output derived from them are the same run to run. Immutable and
//! `Send + Sync` once built.

use crate::model::{Flow, Node, Procedure, RoleId};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

pub mod hands;
pub mod moves;
pub mod scc;

/// The id of a state in a [`Machine`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct StateId(pub u32);

/// A state of the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum State {
    /// A step (index into the procedure's steps).
    Step {
        /// Step index.
        step: usize,
    },
    /// An end (index into the procedure's ends).
    End {
        /// End index.
        end: usize,
    },
    /// The file is back with a role until it is resubmitted.
    Returned {
        /// The role holding it.
        role: Option<RoleId>,
        /// The step that returned it.
        from: usize,
        /// The step taken on resubmission.
        resume: usize,
    },
    /// A target that did not resolve (already reported).
    Unresolved,
}

/// Why the machine moves from one state to another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Transition {
    /// The step is done and the flow goes on.
    Next,
    /// The step is done with this decision outcome.
    Outcome {
        /// Outcome name.
        name: String,
    },
    /// The file comes back from the role it was returned to.
    Resubmit,
    /// A conditional step that does not apply is skipped.
    Skip,
}

/// The compiled state machine of one procedure.
#[derive(Debug, Clone)]
pub struct Machine {
    graph: DiGraph<State, Transition, u32>,
    /// Whether some flow leads to a target that did not resolve.
    unresolved: bool,
    start: Option<StateId>,
    steps: Vec<StateId>,
    ends: Vec<StateId>,
}

impl Machine {
    /// Compiles a resolved procedure.
    pub fn compile(proc: &Procedure) -> Machine {
        let mut graph = DiGraph::default();
        let steps: Vec<StateId> = (0..proc.steps.len())
            .map(|step| id(graph.add_node(State::Step { step })))
            .collect();
        let ends: Vec<StateId> = (0..proc.ends.len())
            .map(|end| id(graph.add_node(State::End { end })))
            .collect();
        let mut machine = Machine {
            graph,
            unresolved: false,
            start: proc.start.and_then(|s| steps.get(s).copied()),
            steps,
            ends,
        };
        let mut unresolved = None;
        for (i, step) in proc.steps.iter().enumerate() {
            match &step.flow {
                Flow::Stop => {}
                Flow::Next(node) => machine.link(i, *node, Transition::Next, &mut unresolved),
                Flow::Decision { outcomes, .. } => {
                    for o in outcomes {
                        let t = Transition::Outcome {
                            name: o.name.clone(),
                        };
                        machine.link(i, o.node, t, &mut unresolved);
                    }
                }
            }
            if let Some(skip) = step.skip {
                machine.link(i, skip, Transition::Skip, &mut unresolved);
            }
        }
        machine.unresolved = unresolved.is_some();
        machine
    }

    fn link(&mut self, from: usize, to: Node, why: Transition, unresolved: &mut Option<StateId>) {
        let Some(src) = self.steps.get(from).copied() else {
            return;
        };
        let dst = match to {
            Node::Step(s) => self.steps.get(s).copied(),
            Node::End(e) => self.ends.get(e).copied(),
            Node::Return { role, resume } => {
                let state = id(self.graph.add_node(State::Returned { role, from, resume }));
                if let Some(back) = self.steps.get(resume).copied() {
                    self.graph
                        .add_edge(ix(state), ix(back), Transition::Resubmit);
                }
                Some(state)
            }
            Node::Unknown => {
                Some(*unresolved.get_or_insert_with(|| id(self.graph.add_node(State::Unresolved))))
            }
        };
        if let Some(dst) = dst {
            self.graph.add_edge(ix(src), ix(dst), why);
        }
    }

    /// Whether some flow leads to a target that did not resolve.
    pub fn has_unresolved(&self) -> bool {
        self.unresolved
    }

    /// The start state.
    pub fn start(&self) -> Option<StateId> {
        self.start
    }

    /// The state of step `i`.
    pub fn step_state(&self, i: usize) -> Option<StateId> {
        self.steps.get(i).copied()
    }

    /// The state of end `i`.
    pub fn end_state(&self, i: usize) -> Option<StateId> {
        self.ends.get(i).copied()
    }

    /// Every state id in order.
    pub fn states(&self) -> impl Iterator<Item = StateId> + '_ {
        self.graph.node_indices().map(id)
    }

    /// The state behind an id.
    pub fn state(&self, s: StateId) -> Option<State> {
        self.graph.node_weight(ix(s)).copied()
    }

    /// Number of states.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// Whether the machine has no state.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// Transitions out of a state, in the order written.
    pub fn successors(&self, s: StateId) -> Vec<(&Transition, StateId)> {
        let mut out: Vec<_> = self
            .graph
            .edges_directed(ix(s), Direction::Outgoing)
            .map(|e| (e.id(), e.weight(), id(e.target())))
            .collect();
        out.sort_by_key(|(e, _, _)| *e);
        out.into_iter().map(|(_, w, t)| (w, t)).collect()
    }

    /// The states reachable from the start (the start included).
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        if let Some(start) = self.start {
            self.walk(&[start], Direction::Outgoing, &mut seen);
        }
        seen
    }

    /// The states from which an end (or an unresolved target) can be reached.
    pub fn can_finish(&self) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let finals: Vec<StateId> = self
            .states()
            .filter(|s| matches!(self.state(*s), Some(State::End { .. } | State::Unresolved)))
            .collect();
        self.walk(&finals, Direction::Incoming, &mut seen);
        seen
    }

    fn walk(&self, from: &[StateId], dir: Direction, seen: &mut [bool]) {
        let mut stack: Vec<NodeIndex<u32>> = from.iter().map(|s| ix(*s)).collect();
        while let Some(n) = stack.pop() {
            let Some(flag) = seen.get_mut(n.index()) else {
                continue;
            };
            if *flag {
                continue;
            }
            *flag = true;
            stack.extend(self.graph.neighbors_directed(n, dir));
        }
    }

    /// For each state, the states its transitions lead to (in the order written).
    pub fn next_states(&self) -> scc::Adjacency {
        let mut next = scc::Adjacency::with_capacity(self.len(), self.graph.edge_count());
        let mut out: Vec<(EdgeIndex<u32>, usize)> = Vec::new();
        for s in self.states() {
            // In the order the flows are written, as `successors` gives them.
            out.clear();
            out.extend(
                self.graph
                    .edges_directed(ix(s), Direction::Outgoing)
                    .map(|e| (e.id(), e.target().index())),
            );
            out.sort_by_key(|(e, _)| *e);
            next.push(out.iter().map(|(_, t)| *t));
        }
        next
    }

    /// Loops that never lead out: strongly connected sets of states (more than one state, or
    /// one with an edge to itself) with no edge leaving them. Each set sorted by id; sets in
    /// order of their first state.
    pub fn closed_loops(&self) -> Vec<Vec<StateId>> {
        let next = self.next_states();
        let c = scc::components(&next);
        let mut loops: Vec<Vec<StateId>> = c
            .sets
            .iter()
            .enumerate()
            .filter(|(k, set)| {
                let looping = set.len() > 1 || set.iter().any(|n| next.get(*n).contains(n));
                looping
                    && set
                        .iter()
                        .all(|n| next.get(*n).iter().all(|m| c.of.get(*m) == Some(k)))
            })
            .map(|(_, set)| {
                set.iter()
                    .map(|n| StateId(u32::try_from(*n).unwrap_or(u32::MAX)))
                    .collect()
            })
            .collect();
        loops.sort();
        loops
    }
}

fn id(n: NodeIndex<u32>) -> StateId {
    StateId(u32::try_from(n.index()).unwrap_or(u32::MAX))
}

fn ix(s: StateId) -> NodeIndex<u32> {
    NodeIndex::new(s.0 as usize)
}
