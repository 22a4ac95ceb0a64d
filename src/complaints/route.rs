//! Complaint routing: from a complaint's channel, severity and facts to who handles it, who
//! is involved or escalated to, how it is answered, when the answer is due, and the
//! complaint-book record.

use crate::model::{ComplaintPolicy, Model, RoleId};
use crate::time::Calendar;
use jiff::Timestamp;
use serde::Serialize;

pub use super::route_error::RouteError;
use std::collections::BTreeMap;

/// Where a complaint goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// Channel it came by.
    pub channel: String,
    /// Severity tier (empty, and left out of JSON, for a policy without tiers).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub severity: String,
    /// Who handles it.
    pub handler: Vec<String>,
    /// Who is involved.
    pub involved: Vec<String>,
    /// Who it is escalated to.
    pub escalated_to: Vec<String>,
    /// Channels the answer goes back by.
    pub reply: Vec<String>,
    /// What the source does not state, so neither does the route: `handler` (the tier's
    /// `penangan tidak_disebutkan`) and `reply` (a reply rule `-> tidak_disebutkan`). Left out
    /// of JSON when everything is stated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_stated: Vec<&'static str>,
    /// When the answer is due (when the arrival instant and a deadline are known); for a
    /// ranged deadline (`2..5 hari kerja`), its upper end: unanswered past it, breached.
    pub due: Option<Timestamp>,
    /// For a ranged deadline, when its lower end falls: unanswered past it, the complaint is
    /// at risk. `None` (and left out of JSON) for an exact deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_lower: Option<Timestamp>,
    /// For a tier that allows an extension (`perpanjangan 7 hari kerja`): when the answer is
    /// due once an officer extends it — the extension reckoned from `due`, as the case clock
    /// reckons it. `None` (and left out of JSON) without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_extended: Option<Timestamp>,
    /// The tier's (or the policy's) deadlines with a name (`tenggat respon 3 hari "…"`), each
    /// with its instant from the arrival — the case clock `menurut tenggat respon` counts
    /// from its own start point, the same instant when it starts on arrival. Left out of JSON
    /// when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<RouteDeadline>,
    /// Whether the due instant rests on provisional holiday data.
    pub provisional: bool,
    /// The tier's escalation rules with the instant each fires if the complaint is not
    /// answered by then (instants when the arrival instant and a deadline are known).
    pub escalations: Vec<RouteEscalation>,
    /// The complaint-book record, field → value.
    pub record: BTreeMap<String, Option<String>>,
    /// Offset of the calendar's zone from UTC, for showing instants to people.
    #[serde(skip)]
    pub offset_seconds: i64,
}

/// A deadline with a name, and when it falls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteDeadline {
    /// Its name.
    pub name: String,
    /// What it is for, as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// When it falls, counted from the arrival (when the arrival instant is known).
    pub due: Option<Timestamp>,
}

/// One escalation rule of a complaint tier, and when it fires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteEscalation {
    /// `at_risk` or `breached`.
    pub when: &'static str,
    /// For `at_risk`: the share of the deadline used.
    pub percent: Option<u32>,
    /// `escalate`, `send`, or `deemed_approved`.
    pub action: &'static str,
    /// For `send`: the kind of message.
    pub kind: Option<String>,
    /// The recipient role.
    pub to: Option<String>,
    /// When it fires if the complaint is still unanswered (the same reckoning as a case's
    /// clock started on arrival).
    pub due: Option<Timestamp>,
}

/// Routes a complaint under a policy.
pub fn route(
    model: &Model,
    policy: &ComplaintPolicy,
    channel: &str,
    severity: &str,
    facts: &BTreeMap<String, String>,
    at: Option<Timestamp>,
    calendar: Option<&Calendar>,
) -> Result<Route, RouteError> {
    let intake = || {
        policy
            .channels
            .iter()
            .filter(|c| !c.reply_only)
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ch = policy
        .channels
        .iter()
        .position(|c| c.id == channel)
        .ok_or_else(|| RouteError::Channel {
            given: channel.to_string(),
            known: intake(),
        })?;
    if policy.channels[ch].reply_only {
        return Err(RouteError::ReplyOnly {
            given: channel.to_string(),
            known: intake(),
        });
    }
    let tiers = || {
        policy
            .tiers
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // A policy without tiers: its own deadlines, for every complaint.
    let own;
    let tier = if policy.tiers.is_empty() && severity.is_empty() {
        own = crate::model::Tier {
            id: String::new(),
            title: policy.title.clone(),
            handler: Vec::new(),
            handler_unstated: false,
            involved: Vec::new(),
            escalate: Vec::new(),
            deadline: policy.deadline,
            deadlines: Vec::new(),
            extension: policy.extension.clone(),
            remarks: Vec::new(),
            escalations: Vec::new(),
            loc: policy.loc,
        };
        &own
    } else if severity.is_empty() {
        return Err(RouteError::SeverityNeeded { known: tiers() });
    } else {
        policy
            .tiers
            .iter()
            .find(|t| t.id == severity)
            .ok_or_else(|| RouteError::Severity {
                given: severity.to_string(),
                known: tiers(),
            })?
    };
    for (name, value) in facts {
        if let Some(f) = policy.facts.iter().find(|f| &f.id == name) {
            if !f.values.contains(value) {
                return Err(RouteError::FactValue {
                    fact: name.clone(),
                    value: value.clone(),
                    known: f.values.join(", "),
                });
            }
        }
    }
    let rules: Vec<_> = policy.replies.iter().filter(|r| r.channel == ch).collect();
    let mut missing: Vec<String> = rules
        .iter()
        .flat_map(|r| r.conditions.iter())
        .map(|(f, _)| policy.facts[*f].id.clone())
        .filter(|f| !facts.contains_key(f))
        .collect();
    let record_fields: Vec<&(String, String)> =
        policy.book.iter().flat_map(|b| b.fields.iter()).collect();
    for (field, _) in &record_fields {
        if !is_automatic(field) && !facts.contains_key(field) {
            missing.push(field.clone());
        }
    }
    missing.sort();
    missing.dedup();
    if !missing.is_empty() {
        return Err(RouteError::MissingFacts(missing.join(", ")));
    }
    let matching = rules.iter().find(|r| {
        r.conditions
            .iter()
            .all(|(f, v)| facts.get(&policy.facts[*f].id) == Some(v))
    });
    let rule = matching.ok_or_else(|| RouteError::NoRule(channel.to_string()))?;
    let names = |ids: &[RoleId]| -> Vec<String> {
        ids.iter()
            .filter_map(|r| model.role(*r))
            .map(|r| r.id.clone())
            .collect()
    };
    // Every deadline of the tier, reckoned by the one time module from `from`.
    let reckon = |from: Timestamp, d: crate::time::Duration| {
        crate::time::Deadlines::new(calendar)
            .due(from, d)
            .map_err(|reason| RouteError::DuePastRange {
                severity: tier.id.clone(),
                reason: Box::new(reason),
            })
    };
    let (due, provisional) = match (at, tier.deadline) {
        (Some(t), Some(d)) => {
            let due = reckon(t, d)?;
            (Some(due.value), due.provisional)
        }
        _ => (None, false),
    };
    let due_lower = match (at, tier.deadline) {
        (Some(t), Some(d)) if d.min < d.max => {
            Some(reckon(t, crate::time::Duration { max: d.min, ..d })?.value)
        }
        _ => None,
    };
    let due_extended = match (due, &tier.extension) {
        (Some(due), Some(ext)) => Some(reckon(due, ext.duration)?.value),
        _ => None,
    };
    let named = if policy.tiers.is_empty() {
        policy.named_deadlines(None)
    } else {
        policy.named_deadlines(Some(tier))
    };
    let deadlines = named
        .into_iter()
        .map(|d| {
            Ok(RouteDeadline {
                name: d.id.clone(),
                remark: d.remark.clone(),
                due: at
                    .map(|t| reckon(t, d.duration))
                    .transpose()?
                    .map(|c| c.value),
            })
        })
        .collect::<Result<Vec<_>, RouteError>>()?;
    let escalations = tier
        .escalations
        .iter()
        .map(|e| escalation(model, e, at, tier.deadline, calendar))
        .collect::<Result<Vec<_>, _>>()?;
    let offset = calendar.map_or(7 * 3600, |c| c.zone().offset_seconds());
    let record = record_fields
        .iter()
        .map(|(field, _)| {
            let value = match field.as_str() {
                "tanggal" | "date" => at.map(|t| crate::time::local_date(t, offset)),
                "bobot" | "weight" | "severity" => Some(severity.to_string()),
                "saluran" | "channel" => Some(channel.to_string()),
                other => facts.get(other).cloned(),
            };
            (field.clone(), value)
        })
        .collect();
    let (handler, handler_unstated) = policy.handler_of(Some(tier));
    Ok(Route {
        channel: channel.to_string(),
        severity: severity.to_string(),
        handler: names(handler),
        involved: names(policy.involved_of(Some(tier))),
        escalated_to: names(policy.escalate_of(Some(tier))),
        reply: rule
            .via
            .iter()
            .map(|v| policy.channels[*v].id.clone())
            .collect(),
        not_stated: [
            (handler_unstated && handler.is_empty(), "handler"),
            (rule.unstated, "reply"),
        ]
        .into_iter()
        .filter_map(|(unstated, what)| unstated.then_some(what))
        .collect(),
        due,
        due_lower,
        due_extended,
        deadlines,
        provisional,
        escalations,
        record,
        offset_seconds: offset,
    })
}

/// A tier's escalation rule and its instant from the arrival `at`.
fn escalation(
    model: &Model,
    e: &crate::model::Escalation,
    at: Option<Timestamp>,
    deadline: Option<crate::model::Duration>,
    calendar: Option<&Calendar>,
) -> Result<RouteEscalation, RouteError> {
    use crate::model::{EscalationAction, Trigger};
    let role = |r: &Option<RoleId>| r.and_then(|r| model.role(r)).map(|r| r.id.clone());
    let (when, percent) = match e.trigger {
        Trigger::AtRisk(p) => ("at_risk", Some(p)),
        Trigger::Breached => ("breached", None),
    };
    let (action, kind, to) = match &e.action {
        EscalationAction::Escalate(to) => ("escalate", None, role(to)),
        EscalationAction::Send { kind, to } => ("send", Some(kind.clone()), role(to)),
        EscalationAction::Deem(_) => ("deemed_approved", None, None),
    };
    let due = match (at, deadline) {
        (Some(t), Some(d)) => {
            let deadlines = crate::time::Deadlines::new(calendar);
            let calendar_error = RouteError::Calendar;
            let limit = deadlines.limit(t, d).map_err(calendar_error)?;
            let used = e.trigger.threshold(limit).max(0).unsigned_abs();
            Some(
                deadlines
                    .after(t, used, d.unit.measure())
                    .map_err(calendar_error)?
                    .value,
            )
        }
        _ => None,
    };
    Ok(RouteEscalation {
        when,
        percent,
        action,
        kind,
        to,
        due,
    })
}

/// Book fields the router fills itself: the date, the weight, the channel.
fn is_automatic(field: &str) -> bool {
    matches!(
        field,
        "tanggal" | "date" | "bobot" | "weight" | "severity" | "saluran" | "channel"
    )
}
