//! Procedure → flowchart, drawn as Mermaid or Graphviz DOT.
//!
//! The chart follows the SOP AP symbols (PermenPAN-RB 35/2012): a terminator where the
//! procedure starts and where it ends, a box per activity, a diamond per decision, and one lane
//! per performer role, in the order the roles first act. A step done by several roles sits in
//! the lane of the first and names the others. A file returned to a role is drawn in that role's
//! lane, with the way back on resubmission. Built from the compiled machine in source order, so
//! the same standard gives the same text byte for byte.

use crate::diag::Lang;
use crate::machine::{Machine, State, StateId, Transition};
use crate::model::{Duration, Flow, Model, Procedure, RoleId, Unit};
use std::fmt::Write as _;

mod draw;
mod label;
pub(crate) mod svg;

pub use svg::{svg, svg_faults, svg_pages, svg_stacked};

pub use draw::{dot, mermaid};
pub use label::{condition_words, duration_words, escalation_words};
use label::{performers, step_label, wrap};

/// The symbol a box is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Start or end of the procedure (rounded).
    Terminator,
    /// An activity (rectangle).
    Activity,
    /// A decision (diamond).
    Decision,
    /// The file waiting with a role (parallelogram).
    Returned,
}

/// One symbol of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Identifier in the drawing: `start`, `s_<step>`, `e_<end>`, `r<n>`.
    pub id: String,
    /// The text shown; lines separated by `\n`.
    pub label: String,
    /// The symbol.
    pub shape: Shape,
    /// The lane (index into [`Flowchart::lanes`]), if any role holds it.
    pub lane: Option<usize>,
    /// The step it draws (index into the procedure's steps), for a step's symbol.
    pub step: Option<usize>,
}

/// An arrow between two symbols (indices into [`Flowchart::symbols`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrow {
    /// From.
    pub from: usize,
    /// To.
    pub to: usize,
    /// The outcome or event written on it.
    pub label: Option<String>,
}

/// A lane: one performer role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// The role's identifier.
    pub role: String,
    /// The role's title.
    pub title: String,
}

/// The flowchart of one procedure, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flowchart {
    /// The procedure's identifier.
    pub id: String,
    /// The procedure's title.
    pub title: String,
    /// Lanes in the order their roles first act.
    pub lanes: Vec<Lane>,
    /// Symbols: the start, then the machine's states in order.
    pub symbols: Vec<Symbol>,
    /// Arrows in the order written.
    pub arrows: Vec<Arrow>,
    /// The time budgets and their escalation rules, a line each (lines within `\n`).
    pub notes: Vec<String>,
}

/// Lays out procedure `proc` of `model` from its compiled `machine`.
pub fn flowchart(model: &Model, proc: &Procedure, machine: &Machine, lang: Lang) -> Flowchart {
    let mut chart = Flowchart {
        id: proc.id.clone(),
        title: proc.title.clone(),
        lanes: Vec::new(),
        symbols: Vec::new(),
        arrows: Vec::new(),
        notes: label::budget_notes(model, proc, lang),
    };
    let mut lane_of_role: Vec<(RoleId, usize)> = Vec::new();
    let mut lane = |chart: &mut Flowchart, role: RoleId| -> Option<usize> {
        if let Some((_, i)) = lane_of_role.iter().find(|(r, _)| *r == role) {
            return Some(*i);
        }
        let r = model.role(role)?;
        chart.lanes.push(Lane {
            role: r.id.clone(),
            title: r.title.clone(),
        });
        lane_of_role.push((role, chart.lanes.len() - 1));
        Some(chart.lanes.len() - 1)
    };
    // Lanes follow the steps as written, so the chart reads in the document's order.
    for step in &proc.steps {
        if let Some(first) = step.roles.first() {
            lane(&mut chart, *first);
        }
    }
    let start_lane = proc
        .start
        .and_then(|s| proc.steps.get(s))
        .and_then(|s| s.roles.first())
        .and_then(|r| lane(&mut chart, *r));
    chart.symbols.push(Symbol {
        id: "start".into(),
        label: lang.pick("Mulai", "Start").into(),
        shape: Shape::Terminator,
        lane: start_lane,
        step: None,
    });
    // Symbol index of each machine state; `None` for states not drawn (unresolved targets).
    let mut symbol_of: Vec<Option<usize>> = Vec::with_capacity(machine.len());
    let mut returns = 0;
    for state in machine.states() {
        let symbol = match machine.state(state) {
            Some(State::Step { step }) => proc.steps.get(step).map(|s| Symbol {
                id: format!("s_{}", s.id),
                label: step_label(model, proc, step, lang),
                shape: if matches!(s.flow, Flow::Decision { .. }) {
                    Shape::Decision
                } else {
                    Shape::Activity
                },
                lane: s.roles.first().and_then(|r| lane(&mut chart, *r)),
                step: Some(step),
            }),
            Some(State::End { end }) => proc.ends.get(end).map(|e| Symbol {
                id: format!("e_{}", e.id),
                label: wrap(&e.title),
                shape: Shape::Terminator,
                lane: None,
                step: None,
            }),
            Some(State::Returned { role, .. }) => {
                returns += 1;
                let who = role
                    .and_then(|r| model.role(r))
                    .map_or_else(String::new, |r| r.title.clone());
                Some(Symbol {
                    id: format!("r{returns}"),
                    label: format!("{} {who}", lang.pick("Dikembalikan ke", "Returned to")),
                    shape: Shape::Returned,
                    lane: role.and_then(|r| lane(&mut chart, r)),
                    step: None,
                })
            }
            Some(State::Unresolved) | None => None,
        };
        symbol_of.push(symbol.map(|s| {
            chart.symbols.push(s);
            chart.symbols.len() - 1
        }));
    }
    let at = |s: StateId| symbol_of.get(s.0 as usize).copied().flatten();
    if let Some(first) = machine.start().and_then(at) {
        chart.arrows.push(Arrow {
            from: 0,
            to: first,
            label: None,
        });
    }
    for state in machine.states() {
        let Some(from) = at(state) else { continue };
        for (why, target) in machine.successors(state) {
            let Some(to) = at(target) else { continue };
            let step = match machine.state(state) {
                Some(State::Step { step }) => proc.steps.get(step),
                _ => None,
            };
            let mut label = match why {
                Transition::Next => None,
                Transition::Outcome { name } => Some(name.clone()),
                Transition::Resubmit => {
                    Some(lang.pick("diajukan kembali", "resubmitted").to_string())
                }
                Transition::Skip => Some(lang.pick("dilewati", "skipped").to_string()),
            };
            // Time waited on the way shows on the arrow.
            let wait = step.and_then(|s| match (&why, &s.flow) {
                (Transition::Next, _) => s.next_wait,
                (Transition::Outcome { name }, Flow::Decision { outcomes, .. }) => outcomes
                    .iter()
                    .find(|o| &o.name == name)
                    .and_then(|o| o.wait),
                _ => None,
            });
            if let Some(w) = wait {
                let words = match w {
                    crate::model::Wait::Known(d) => duration_words(d, lang),
                    crate::model::Wait::Unknown => lang.pick("?", "?").to_string(),
                };
                let text = format!("{} {words}", lang.pick("tunggu", "wait"));
                label = Some(match label {
                    Some(l) => format!("{l}, {text}"),
                    None => text,
                });
            }
            chart.arrows.push(Arrow { from, to, label });
        }
    }
    // An end sits in the lane of the first activity that leads to it.
    for i in 0..chart.symbols.len() {
        if chart.symbols[i].shape == Shape::Terminator && i > 0 {
            let lane = chart
                .arrows
                .iter()
                .find(|a| a.to == i)
                .and_then(|a| chart.symbols.get(a.from))
                .and_then(|s| s.lane);
            chart.symbols[i].lane = lane;
        }
    }
    chart
}

/// The width a label line is wrapped at.
pub const LINE: usize = 40;
