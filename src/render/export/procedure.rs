//! Procedures as plain data: steps, flows, budgets, stages and escalation rules.

use super::role_ids;
use crate::model::{self, Duration, EscalationAction, Flow, Model, Node, Owner, Pause, Point};
use serde::Serialize;
use std::collections::BTreeMap;

/// A procedure.
#[derive(Debug, Clone, Serialize)]
pub struct Procedure {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// `agency`, `complaints:<id>` or `service:<id>`.
    pub owner: String,
    /// Start step id.
    pub start: Option<String>,
    /// Ends.
    pub terminals: Vec<Terminal>,
    /// The first budget.
    pub budget: Option<Budget>,
    /// Every budget: the written ones, then the clocks of stages and of steps with
    /// escalation rules.
    pub budgets: Vec<Budget>,
    /// Stages.
    pub stages: Vec<Stage>,
    /// Steps in source order.
    pub steps: Vec<Step>,
}

/// An end.
#[derive(Debug, Clone, Serialize)]
pub struct Terminal {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where the published table stops (`terpotong`), not an end the source names; left out
    /// when not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_off: bool,
}

/// An event: entering (`at`) or finishing (`after`) a step, or reaching an end.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// Procedure id.
    pub procedure: String,
    /// `"at"` or `"after"`.
    pub when: &'static str,
    /// Step or end id.
    pub node: String,
    /// Outcome required, if any.
    pub outcome: Option<String>,
}

/// A budget.
#[derive(Debug, Clone, Serialize)]
pub struct Budget {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Allowed time.
    pub duration: Duration,
    /// `budget` (written), `stage` or `step` (the clock of a stage's or a step's own time).
    pub scope: &'static str,
    /// Clock start (`null`: when the case opens, or the stage or step begins).
    pub start: Option<Event>,
    /// Clock stop (`null`: any end, or leaving the stage or step).
    pub stop: Option<Event>,
    /// `"returned"` or step ids during which the clock pauses.
    pub pauses: Vec<String>,
    /// Escalation rules.
    pub escalations: Vec<Escalation>,
    /// How much an officer may extend the clock, once (`perpanjangan`); left out when it
    /// allows none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<Duration>,
    /// The extension's condition or reason, as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_reason: Option<String>,
}

/// An escalation rule.
#[derive(Debug, Clone, Serialize)]
pub struct Escalation {
    /// `at_risk` or `breached`.
    pub when: &'static str,
    /// For `at_risk`: the share of the time used, in percent.
    pub percent: Option<u32>,
    /// `escalate`, `send` or `deemed_approved`.
    pub action: &'static str,
    /// For `send`: the kind of message.
    pub kind: Option<String>,
    /// The role escalated or sent to, or the end a deemed approval reaches.
    pub to: Option<String>,
}

/// A stage.
#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Its own time, when known.
    pub duration: Option<Duration>,
    /// `known`, `unknown` (written `tidak_diketahui`) or `missing`.
    pub time: &'static str,
    /// Its step ids, in order (for a stage written by its bounds: the steps from its first
    /// bound to its last).
    pub steps: Vec<String>,
    /// Written `dari a sampai c`: it runs from the start of its first step to the end of its
    /// last, owning none of them.
    pub bounded: bool,
    /// Written `di_luar "…"`: done outside the procedure, by what the text names; no clock.
    pub elsewhere: Option<String>,
}

/// Time waited on a way between two steps: a duration, or `"unknown"`.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Wait {
    /// As written.
    Known(Duration),
    /// `"unknown"`.
    Unknown(&'static str),
}

/// A step.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// Identifier.
    pub id: String,
    /// Published number, as published (`3`, `2.1`, `b`, `c.4`).
    pub number: Option<String>,
    /// Title.
    pub title: String,
    /// Performer role ids.
    pub roles: Vec<String>,
    /// Standard time.
    pub duration: Option<Duration>,
    /// `known`, `unknown` (written `tidak_diketahui`) or `missing`.
    pub time: &'static str,
    /// Inputs.
    pub inputs: Vec<String>,
    /// Output.
    pub output: Vec<String>,
    /// Remarks.
    pub remarks: Vec<String>,
    /// Working day it falls on.
    pub on_day: Option<u32>,
    /// Condition of a conditional step.
    pub condition: Option<String>,
    /// Where a case goes when it skips this conditional step.
    pub skip_to: Option<String>,
    /// Decision question.
    pub decision: Option<String>,
    /// Next step or end when there is no decision.
    pub next: Option<String>,
    /// Outcome → the step or end it leads to (for a return: the step taken on resubmission).
    pub outcomes: BTreeMap<String, String>,
    /// Outcome (or `"next"`) → the role the file is returned to before that.
    pub returns_to: BTreeMap<String, String>,
    /// Outcome (or `"next"`) → time waited on that way.
    pub waits: BTreeMap<String, Wait>,
    /// Outcome → output produced only on it.
    pub outcome_outputs: BTreeMap<String, Vec<String>>,
    /// Escalation rules on the step's own time.
    pub escalations: Vec<Escalation>,
    /// The published table stops after this step (`terpotong`): what the source says of the
    /// rest (`""` when it says nothing). Left out for every other step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_off: Option<String>,
}

/// A point as an event.
pub fn event(model: &Model, point: &Point) -> Event {
    let p = model.procedures.get(point.procedure);
    Event {
        procedure: p.map(|p| p.id.clone()).unwrap_or_default(),
        when: if point.after { "after" } else { "at" },
        node: p.and_then(|p| node_id(p, point.node)).unwrap_or_default(),
        outcome: point.outcome.clone(),
    }
}

/// Escalation rules; `p` names the ends a deemed approval reaches.
pub fn escalations(
    model: &Model,
    p: Option<&model::Procedure>,
    rules: &[model::Escalation],
) -> Vec<Escalation> {
    rules
        .iter()
        .map(|r| {
            let (when, percent) = match r.trigger {
                model::Trigger::AtRisk(n) => ("at_risk", Some(n)),
                model::Trigger::Breached => ("breached", None),
            };
            let role =
                |id: &Option<model::RoleId>| id.and_then(|r| model.role(r)).map(|r| r.id.clone());
            let (action, kind, to) = match &r.action {
                EscalationAction::Escalate(to) => ("escalate", None, role(to)),
                EscalationAction::Send { kind, to } => ("send", Some(kind.clone()), role(to)),
                EscalationAction::Deem(end) => (
                    "deemed_approved",
                    None,
                    end.and_then(|e| p.and_then(|p| p.ends.get(e)))
                        .map(|e| e.id.clone()),
                ),
            };
            Escalation {
                when,
                percent,
                action,
                kind,
                to,
            }
        })
        .collect()
}

fn node_id(p: &model::Procedure, node: Node) -> Option<String> {
    match node {
        Node::Step(i) | Node::Return { resume: i, .. } => p.steps.get(i).map(|s| s.id.clone()),
        Node::End(i) => p.ends.get(i).map(|e| e.id.clone()),
        Node::Unknown => None,
    }
}

fn timing(t: model::Timing) -> &'static str {
    match t {
        model::Timing::Known => "known",
        model::Timing::Unknown => "unknown",
        model::Timing::Missing => "missing",
    }
}

fn wait(w: model::Wait) -> Wait {
    match w {
        model::Wait::Known(d) => Wait::Known(d),
        model::Wait::Unknown => Wait::Unknown("unknown"),
    }
}

/// A procedure as plain data.
pub fn procedure(model: &Model, p: &model::Procedure) -> Procedure {
    let budgets: Vec<Budget> = p
        .budgets
        .iter()
        .map(|b| Budget {
            id: b.id.clone(),
            title: b.title.clone(),
            duration: b.duration,
            scope: match b.scope {
                model::Scope::Budget => "budget",
                model::Scope::Stage(_) => "stage",
                model::Scope::Step(_) => "step",
            },
            start: b.start.as_ref().map(|e| event(model, e)),
            stop: b.stop.as_ref().map(|e| event(model, e)),
            pauses: b
                .pauses
                .iter()
                .map(|pause| match pause {
                    Pause::Returned => "returned".to_string(),
                    Pause::Step(i) => p.steps.get(*i).map(|s| s.id.clone()).unwrap_or_default(),
                })
                .collect(),
            escalations: escalations(model, Some(p), &b.escalations),
            extension: b.extension.as_ref().map(|e| e.duration),
            extension_reason: b.extension.as_ref().and_then(|e| e.reason.clone()),
        })
        .collect();
    Procedure {
        id: p.id.clone(),
        title: p.title.clone(),
        owner: match p.owner {
            Owner::Agency => "agency".to_string(),
            Owner::Complaints(i) => format!(
                "complaints:{}",
                model.complaints.get(i).map_or("", |c| c.id.as_str())
            ),
            Owner::Service(i) => format!(
                "service:{}",
                model.services.get(i).map_or("", |s| s.id.as_str())
            ),
        },
        start: p.start.and_then(|s| p.steps.get(s)).map(|s| s.id.clone()),
        terminals: p
            .ends
            .iter()
            .map(|e| Terminal {
                id: e.id.clone(),
                title: e.title.clone(),
                cut_off: e.cut_off,
            })
            .collect(),
        budget: budgets.first().cloned(),
        budgets,
        stages: p
            .stages
            .iter()
            .map(|st| Stage {
                id: st.id.clone(),
                title: st.title.clone(),
                duration: st.duration,
                time: timing(st.timing),
                steps: st
                    .steps
                    .map(|(a, b)| {
                        (a..=b)
                            .filter_map(|i| p.steps.get(i))
                            .map(|s| s.id.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
                bounded: st.bounded,
                elsewhere: st.elsewhere.clone(),
            })
            .collect(),
        steps: p.steps.iter().map(|s| step(model, p, s)).collect(),
    }
}

fn step(model: &Model, p: &model::Procedure, s: &model::Step) -> Step {
    let mut outcomes = BTreeMap::new();
    let mut returns_to = BTreeMap::new();
    let mut waits = BTreeMap::new();
    let mut outcome_outputs = BTreeMap::new();
    let mut note_return = |key: &str, node: Node| {
        if let Node::Return { role: Some(r), .. } = node {
            if let Some(r) = model.role(r) {
                returns_to.insert(key.to_string(), r.id.clone());
            }
        }
    };
    let (decision, next) = match &s.flow {
        Flow::Stop => (None, None),
        Flow::Next(node) => {
            note_return("next", *node);
            if let Some(w) = s.next_wait {
                waits.insert("next".to_string(), wait(w));
            }
            (None, node_id(p, *node))
        }
        Flow::Decision {
            question,
            outcomes: list,
            ..
        } => {
            for o in list {
                note_return(&o.name, o.node);
                if let Some(target) = node_id(p, o.node) {
                    outcomes.insert(o.name.clone(), target);
                }
                if let Some(w) = o.wait {
                    waits.insert(o.name.clone(), wait(w));
                }
                if !o.output.is_empty() {
                    outcome_outputs.insert(o.name.clone(), o.output.clone());
                }
            }
            (Some(question.clone()), None)
        }
    };
    Step {
        id: s.id.clone(),
        number: s.number.as_ref().map(|n| n.label.clone()),
        title: s.title.clone(),
        roles: role_ids(model, &s.roles),
        duration: s.duration,
        time: timing(s.timing),
        inputs: s.inputs.clone(),
        output: s.output.clone(),
        remarks: s.remarks.clone(),
        on_day: s.on_day,
        condition: s.condition.clone(),
        skip_to: s.skip.and_then(|n| node_id(p, n)),
        decision,
        next,
        outcomes,
        returns_to,
        waits,
        outcome_outputs,
        escalations: escalations(model, Some(p), &s.escalations),
        cut_off: s
            .cut_off
            .as_ref()
            .map(|c| c.remark.clone().unwrap_or_default()),
    }
}
