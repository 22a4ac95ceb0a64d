//! What a procedure's chart holds, row by row: the start, each step (followed by the files it
//! hands back), the ends; each row's text, Mutu Baku and lane; the connectors, stages and
//! the time budgets written under the chart.

use super::layout::{Kind, Plan, RowPlan};
use crate::diag::Lang;
use crate::machine::Machine;
use crate::model::{Flow, Model, Procedure, Scope, Timing};
use crate::render::graph::{duration_words, escalation_words, flowchart, Shape};
use std::fmt::Write as _;

/// What the chart of `proc` holds, in rows.
pub(super) fn plan(model: &Model, proc: &Procedure, machine: &Machine, lang: Lang) -> Plan {
    let chart = flowchart(model, proc, machine, lang);
    // Rows: the start, each step followed by the files it hands back, then the ends.
    let mut order: Vec<usize> = vec![0];
    let returns: Vec<usize> = (0..chart.symbols.len())
        .filter(|&i| chart.symbols[i].shape == Shape::Returned)
        .collect();
    for i in 0..chart.symbols.len() {
        if chart.symbols[i].step.is_some() {
            order.push(i);
            for &r in &returns {
                let first_from = chart.arrows.iter().find(|a| a.to == r).map(|a| a.from);
                if first_from == Some(i) {
                    order.push(r);
                }
            }
        }
    }
    for i in 1..chart.symbols.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    let row_of = |symbol: usize| order.iter().position(|&s| s == symbol);
    let rows = order
        .iter()
        .filter_map(|&i| chart.symbols.get(i))
        .map(|s| {
            let step = s.step.and_then(|k| proc.steps.get(k));
            let kind = match s.shape {
                Shape::Terminator => Kind::Terminator,
                Shape::Activity => Kind::Activity,
                Shape::Decision => Kind::Decision,
                Shape::Returned => Kind::Returned,
            };
            let text = match (s.step, step) {
                (Some(k), Some(st)) => box_text(model, proc, k, st, lang),
                _ => s.label.replace('\n', " "),
            };
            let cells = step.map_or_else(Default::default, |st| {
                let time = match (st.duration, st.timing) {
                    (Some(d), _) => duration_words(d, lang),
                    (None, Timing::Unknown) => lang.pick("tidak diketahui", "unknown").into(),
                    _ => String::new(),
                };
                [st.inputs.join("; "), time, st.output.join("; ")]
            });
            let question = step.and_then(|st| match &st.flow {
                Flow::Decision { question, .. } if !question.trim().is_empty() => {
                    Some(question.clone())
                }
                Flow::Decision { .. } => Some("?".to_string()),
                _ => None,
            });
            RowPlan {
                id: s.id.clone(),
                kind,
                lane: s.lane.unwrap_or(0),
                text,
                question,
                cells,
            }
        })
        .collect();
    let arrows = chart
        .arrows
        .iter()
        .filter_map(|a| Some((row_of(a.from)?, row_of(a.to)?, a.label.clone())))
        .collect();
    let stages = proc
        .stages
        .iter()
        .filter(|st| !st.bounded && st.elsewhere.is_none())
        .filter_map(|st| {
            let (a, b) = st.steps?;
            let row = |k: usize| {
                chart
                    .symbols
                    .iter()
                    .position(|s| s.step == Some(k))
                    .and_then(row_of)
            };
            let time = st
                .duration
                .map_or_else(String::new, |d| format!(" ({})", duration_words(d, lang)));
            Some((format!("{}{time}", st.title), row(a)?, row(b)?))
        })
        .collect();
    let mut notes = Vec::new();
    for b in proc.budgets.iter().filter(|b| b.scope == Scope::Budget) {
        notes.push(format!(
            "{}: {} ({})",
            lang.pick("Jangka waktu", "Time budget"),
            duration_words(b.duration, lang),
            b.title.as_deref().unwrap_or(&b.id)
        ));
        for e in &b.escalations {
            notes.push(format!("– {}", escalation_words(model, proc, e, lang)));
        }
    }
    // Stages that own no row: by their bounds (a time window across the steps) or done
    // elsewhere, written under the chart rather than drawn as a band.
    let step_name = |k: usize| {
        proc.steps
            .get(k)
            .map_or_else(String::new, |st| match &st.number {
                Some(n) => format!("{} {}", lang.pick("langkah", "step"), n.label),
                None => format!("“{}”", st.title),
            })
    };
    for st in &proc.stages {
        let time = st.duration.map_or_else(
            || lang.pick("tidak ditulis", "not written").to_string(),
            |d| duration_words(d, lang),
        );
        match (&st.elsewhere, st.bounded.then_some(st.steps).flatten()) {
            (Some(place), _) => notes.push(format!(
                "{} {} ({} {place}): {time}",
                lang.pick("Tahap", "Stage"),
                st.title,
                lang.pick("di luar prosedur ini, di", "outside this procedure, at"),
            )),
            (None, Some((a, c))) => notes.push(format!(
                "{} {} ({} {} {} {}): {time}",
                lang.pick("Tahap", "Stage"),
                st.title,
                lang.pick("dari", "from"),
                step_name(a),
                lang.pick("sampai", "until"),
                step_name(c)
            )),
            _ => {}
        }
    }
    Plan {
        title: proc.title.clone(),
        lanes: chart.lanes.iter().map(|l| l.title.clone()).collect(),
        headings: [
            lang.pick("Tahap", "Stage").into(),
            lang.pick("Kelengkapan", "Inputs").into(),
            lang.pick("Waktu", "Time").into(),
            "Output".into(),
        ],
        rows,
        arrows,
        stages,
        notes,
    }
}

/// A step's box: its number as published and title, the question of a decision, the other
/// roles that act, and its condition.
fn box_text(
    model: &Model,
    proc: &Procedure,
    k: usize,
    step: &crate::model::Step,
    lang: Lang,
) -> String {
    let mut text = match &step.number {
        Some(n) => format!("{} {}", n.label, step.title),
        None if proc.steps.iter().all(|s| s.number.is_none()) => {
            format!("{}. {}", k + 1, step.title)
        }
        None => step.title.clone(),
    };
    if let Some(by) = crate::render::graph::performers(model, step, lang) {
        let _ = write!(text, " ({by})");
    }
    if let Some(c) = &step.condition {
        let _ = write!(
            text,
            " [{}]",
            crate::render::graph::condition_words(c, lang)
        );
    }
    text
}
