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
}

/// Lays out procedure `proc` of `model` from its compiled `machine`.
pub fn flowchart(model: &Model, proc: &Procedure, machine: &Machine, lang: Lang) -> Flowchart {
    let mut chart = Flowchart {
        id: proc.id.clone(),
        title: proc.title.clone(),
        lanes: Vec::new(),
        symbols: Vec::new(),
        arrows: Vec::new(),
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
            }),
            Some(State::End { end }) => proc.ends.get(end).map(|e| Symbol {
                id: format!("e_{}", e.id),
                label: wrap(&e.title),
                shape: Shape::Terminator,
                lane: None,
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

fn step_label(model: &Model, proc: &Procedure, i: usize, lang: Lang) -> String {
    let Some(step) = proc.steps.get(i) else {
        return String::new();
    };
    let mut label = String::new();
    // The first step of a stage carries the stage's name and time.
    if let Some(stage) = proc
        .stage_of(i)
        .and_then(|k| proc.stages.get(k))
        .filter(|st| st.steps.is_some_and(|(a, _)| a == i))
    {
        let time = stage
            .duration
            .map_or_else(String::new, |d| format!(", {}", duration_words(d, lang)));
        let _ = writeln!(
            label,
            "[{} {}{time}]",
            lang.pick("Tahap", "Stage"),
            stage.title
        );
        for e in proc
            .budgets
            .iter()
            .filter(|b| {
                b.scope == crate::model::Scope::Stage(proc.stage_of(i).unwrap_or(usize::MAX))
            })
            .flat_map(|b| &b.escalations)
        {
            let _ = writeln!(
                label,
                "{}",
                wrap(&format!("⚠ {}", escalation_words(model, proc, e, lang)))
            );
        }
    }
    // A written budget's rules sit on the step its clock starts at.
    for b in proc.budgets.iter().filter(|b| {
        b.scope == crate::model::Scope::Budget
            && !b.escalations.is_empty()
            && match &b.start {
                Some(p) => p.node == crate::model::Node::Step(i),
                None => proc.start == Some(i),
            }
    }) {
        let _ = writeln!(
            label,
            "{}",
            wrap(&format!(
                "⏱ {}: {}",
                b.title.as_deref().unwrap_or(&b.id),
                duration_words(b.duration, lang)
            ))
        );
        for e in &b.escalations {
            let _ = writeln!(
                label,
                "{}",
                wrap(&format!("⚠ {}", escalation_words(model, proc, e, lang)))
            );
        }
    }
    label.push_str(&match &step.number {
        Some(n) => wrap(&format!("{n}. {}", step.title)),
        None => wrap(&step.title),
    });
    if let Flow::Decision { question, .. } = &step.flow {
        if !question.is_empty() {
            let _ = write!(label, "\n{}", wrap(question));
        }
    }
    if step.roles.len() > 1 {
        let names: Vec<&str> = step
            .roles
            .iter()
            .filter_map(|r| model.role(*r))
            .map(|r| r.title.as_str())
            .collect();
        let _ = write!(label, "\n{}: {}", lang.pick("oleh", "by"), names.join(", "));
    }
    if let Some(when) = &step.condition {
        if opens_with_condition_word(when) {
            let _ = write!(label, "\n{}", when.trim_start());
        } else {
            let _ = write!(label, "\n{}: {when}", lang.pick("bila", "when"));
        }
    }
    match (step.duration, step.timing) {
        (Some(d), _) => {
            let _ = write!(label, "\n{}", duration_words(d, lang));
        }
        (None, crate::model::Timing::Unknown) => {
            let _ = write!(
                label,
                "\n{}",
                lang.pick("waktu tidak diketahui", "time unknown")
            );
        }
        _ => {}
    }
    for e in &step.escalations {
        let _ = write!(
            label,
            "\n{}",
            wrap(&format!("⚠ {}", escalation_words(model, proc, e, lang)))
        );
    }
    label
}

/// An escalation rule in words: `terlambat: eskalasi ke Kepala Dinas`.
pub fn escalation_words(
    model: &Model,
    proc: &Procedure,
    e: &crate::model::Escalation,
    lang: Lang,
) -> String {
    use crate::model::{EscalationAction, Trigger};
    let when = match e.trigger {
        Trigger::AtRisk(p) => match lang {
            Lang::Id => format!("bila {p}% waktu terpakai"),
            Lang::En => format!("at {p}% of the time"),
        },
        Trigger::Breached => lang
            .pick("bila waktunya terlampaui", "when the time is exceeded")
            .to_string(),
    };
    let role = |r: &Option<RoleId>| {
        r.and_then(|r| model.role(r))
            .map_or_else(String::new, |r| r.title.clone())
    };
    let what = match &e.action {
        EscalationAction::Escalate(to) => {
            format!("{} {}", lang.pick("eskalasi ke", "escalate to"), role(to))
        }
        EscalationAction::Send { kind, to } => {
            format!(
                "{} {kind} {} {}",
                lang.pick("kirim", "send"),
                lang.pick("ke", "to"),
                role(to)
            )
        }
        EscalationAction::Deem(end) => format!(
            "{}: {}",
            lang.pick(
                "permohonan dianggap disetujui",
                "the application is deemed approved"
            ),
            end.and_then(|e| proc.ends.get(e))
                .map_or_else(String::new, |e| e.title.clone())
        ),
    };
    format!("{when}: {what}")
}

/// Whether a condition's text already opens with `bila`, `jika`, `if`, `when` ….
fn opens_with_condition_word(condition: &str) -> bool {
    let lower = condition.trim_start().to_lowercase();
    [
        "bila ", "jika ", "apabila ", "kalau ", "if ", "when ", "unless ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// A conditional step's condition as a phrase: `bila …` unless the text already opens so
/// (`bila "Bila lokasi belum diperiksa"` reads once).
pub fn condition_words(condition: &str, lang: Lang) -> String {
    if opens_with_condition_word(condition) {
        condition.trim_start().to_string()
    } else {
        format!("{} {condition}", lang.pick("bila", "when"))
    }
}

/// Breaks a title into lines of about [`LINE`] characters at spaces, so boxes stay narrow.
fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > LINE {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

/// The width a label line is wrapped at.
pub const LINE: usize = 40;

/// A duration as written in the language: `20 menit`, `3..5 working days`.
pub fn duration_words(d: Duration, lang: Lang) -> String {
    let one = d.max == 1;
    let unit = match (d.unit, one) {
        (Unit::Minute, false) => lang.pick("menit", "minutes"),
        (Unit::Minute, true) => lang.pick("menit", "minute"),
        (Unit::Hour, false) => lang.pick("jam", "hours"),
        (Unit::Hour, true) => lang.pick("jam", "hour"),
        (Unit::WorkingDay, false) => lang.pick("hari kerja", "working days"),
        (Unit::WorkingDay, true) => lang.pick("hari kerja", "working day"),
        (Unit::Day, false) => lang.pick("hari", "days"),
        (Unit::Day, true) => lang.pick("hari", "day"),
        (Unit::Week, false) => lang.pick("minggu", "weeks"),
        (Unit::Week, true) => lang.pick("minggu", "week"),
        (Unit::Month, false) => lang.pick("bulan", "months"),
        (Unit::Month, true) => lang.pick("bulan", "month"),
    };
    match (d.min, d.max) {
        (0, max) if max > 0 => format!("{} {max} {unit}", lang.pick("paling lama", "at most")),
        (min, max) if min == max => format!("{min} {unit}"),
        (min, max) => format!("{min}..{max} {unit}"),
    }
}

/// The chart as a Mermaid `flowchart`, lanes as subgraphs.
pub fn mermaid(chart: &Flowchart) -> String {
    let text = |s: &str| {
        s.replace('"', "#quot;")
            .replace('\n', "<br/>")
            .replace('|', "#124;")
    };
    let symbol = |out: &mut String, s: &Symbol, indent: &str| {
        let label = text(&s.label);
        let _ = match s.shape {
            Shape::Terminator => writeln!(out, "{indent}{}([\"{label}\"])", s.id),
            Shape::Activity => writeln!(out, "{indent}{}[\"{label}\"]", s.id),
            Shape::Decision => writeln!(out, "{indent}{}{{\"{label}\"}}", s.id),
            Shape::Returned => writeln!(out, "{indent}{}[/\"{label}\"/]", s.id),
        };
    };
    let mut out = String::new();
    let _ = writeln!(out, "flowchart TB");
    walk(
        chart,
        &mut out,
        |out, lane| {
            let _ = writeln!(
                out,
                "  subgraph lane_{}[\"{}\"]",
                lane.role,
                text(&lane.title)
            );
        },
        "  end",
        symbol,
        |out, from, to, label| {
            let _ = match label {
                Some(l) => writeln!(out, "  {} -->|\"{}\"| {}", from.id, text(l), to.id),
                None => writeln!(out, "  {} --> {}", from.id, to.id),
            };
        },
    );
    out
}

/// The chart as a Graphviz `digraph`, lanes as clusters.
pub fn dot(chart: &Flowchart) -> String {
    let text = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    };
    let symbol = |out: &mut String, s: &Symbol, indent: &str| {
        let shape = match s.shape {
            Shape::Terminator => "shape=box, style=rounded",
            Shape::Activity => "shape=box",
            Shape::Decision => "shape=diamond",
            Shape::Returned => "shape=parallelogram",
        };
        let _ = writeln!(
            out,
            "{indent}{} [{shape}, label=\"{}\"];",
            s.id,
            text(&s.label)
        );
    };
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", text(&chart.id));
    let _ = writeln!(out, "  label=\"{}\";", text(&chart.title));
    let _ = writeln!(out, "  labelloc=t;");
    let _ = writeln!(out, "  fontname=\"Helvetica\";");
    let _ = writeln!(out, "  node [fontname=\"Helvetica\"];");
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\"];");
    walk(
        chart,
        &mut out,
        |out, lane| {
            let _ = writeln!(out, "  subgraph \"cluster_{}\" {{", lane.role);
            let _ = writeln!(out, "    label=\"{}\";", text(&lane.title));
        },
        "  }",
        symbol,
        |out, from, to, label| {
            let _ = match label {
                Some(l) => writeln!(out, "  {} -> {} [label=\"{}\"];", from.id, to.id, text(l)),
                None => writeln!(out, "  {} -> {};", from.id, to.id),
            };
        },
    );
    let _ = writeln!(out, "}}");
    out
}

/// Writes a chart in the order both formats share: each lane with its symbols, the symbols
/// outside any lane, then the arrows.
fn walk(
    chart: &Flowchart,
    out: &mut String,
    open_lane: impl Fn(&mut String, &Lane),
    close_lane: &str,
    symbol: impl Fn(&mut String, &Symbol, &str),
    arrow: impl Fn(&mut String, &Symbol, &Symbol, Option<&str>),
) {
    for (i, lane) in chart.lanes.iter().enumerate() {
        open_lane(out, lane);
        for s in chart.symbols.iter().filter(|s| s.lane == Some(i)) {
            symbol(out, s, "    ");
        }
        let _ = writeln!(out, "{close_lane}");
    }
    for s in chart.symbols.iter().filter(|s| s.lane.is_none()) {
        symbol(out, s, "  ");
    }
    for a in &chart.arrows {
        if let (Some(from), Some(to)) = (chart.symbols.get(a.from), chart.symbols.get(a.to)) {
            arrow(out, from, to, a.label.as_deref());
        }
    }
}
