//! The compiled model as plain data: the contract hosts in other languages read
//! (`sopan export --format json|yaml`). Field names are stable; see the README.

mod complaints;
mod procedure;

pub use procedure::{Budget, Escalation, Event, Procedure, Stage, Step, Terminal, Wait};

use crate::model::{self, Count, Duration, Model};
use complaints::complaints;
pub use complaints::{Complaints, Reply, Tier};
use procedure::{escalations, event, procedure};
use serde::Serialize;
use std::collections::BTreeMap;

/// One exported standard.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    /// Root file.
    pub file: String,
    /// Agencies.
    pub agencies: Vec<Agency>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Services.
    pub services: Vec<Service>,
    /// Complaint policies.
    pub complaints: Vec<Complaints>,
    /// Every procedure.
    pub procedures: Vec<Procedure>,
}

/// An agency.
#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Address.
    pub address: Option<String>,
    /// Calendar name.
    pub calendar: Option<String>,
}

/// A role.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Whether it belongs to the agency.
    pub internal: bool,
}

/// A group.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Member role ids.
    pub members: Vec<String>,
}

/// A service.
#[derive(Debug, Clone, Serialize)]
pub struct Service {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Agency id.
    pub agency: Option<String>,
    /// Version.
    pub version: Option<String>,
    /// Effective date `YYYY-MM-DD`.
    pub effective: Option<String>,
    /// Calendar name.
    pub calendar: Option<String>,
    /// Requirements.
    pub requirements: Vec<String>,
    /// Fee: amount in rupiah when stated, and text.
    pub fee: Option<Fee>,
    /// Product.
    pub product: Vec<String>,
    /// Complaint policy id.
    pub complaints: Option<String>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
    /// Facilities.
    pub facilities: Vec<String>,
    /// Competencies by role or group.
    pub competencies: BTreeMap<String, Vec<String>>,
    /// Internal supervision.
    pub supervision: Vec<String>,
    /// Staffing: role or group → head count (`null` for "as needed").
    pub staffing: BTreeMap<String, Option<u32>>,
    /// Guarantee texts.
    pub guarantees: Vec<String>,
    /// Timed obligations.
    pub obligations: Vec<Obligation>,
    /// Security.
    pub security: Vec<String>,
    /// Evaluation.
    pub evaluation: Evaluation,
    /// Procedure ids.
    pub procedures: Vec<String>,
}

/// A fee.
#[derive(Debug, Clone, Serialize)]
pub struct Fee {
    /// Rupiah.
    pub amount: Option<i64>,
    /// Text.
    pub text: String,
}

/// Evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// Survey frequency.
    pub survey: Option<String>,
    /// Grade at or below which the follow-up fires.
    pub follow_up_when: Option<String>,
    /// Follow-up text.
    pub follow_up: Option<String>,
    /// Other texts.
    pub notes: Vec<String>,
}

/// A timed obligation.
#[derive(Debug, Clone, Serialize)]
pub struct Obligation {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// What starts its timer.
    pub trigger: Option<Event>,
    /// How long after.
    pub delay: Option<Duration>,
    /// What cancels it.
    pub cancel: Option<Event>,
    /// Action kind.
    pub action: Option<String>,
    /// Recipient role.
    pub to: Option<String>,
    /// Performer roles.
    pub by: Vec<String>,
}

/// Exports one standard.
pub fn export(model: &Model, file: &str) -> Export {
    let role = |r: &model::RoleId| model.role(*r).map(|r| r.id.clone()).unwrap_or_default();
    Export {
        file: file.to_string(),
        agencies: model
            .agencies
            .iter()
            .map(|a| Agency {
                id: a.id.clone(),
                title: a.title.clone(),
                address: a.address.clone(),
                calendar: a.calendar.clone(),
            })
            .collect(),
        roles: model
            .roles
            .iter()
            .map(|r| Role {
                id: r.id.clone(),
                title: r.title.clone(),
                internal: r.internal,
            })
            .collect(),
        groups: model
            .groups
            .iter()
            .map(|g| Group {
                id: g.id.clone(),
                title: g.title.clone(),
                members: g.members.iter().map(role).collect(),
            })
            .collect(),
        services: model.services.iter().map(|s| service(model, s)).collect(),
        complaints: model
            .complaints
            .iter()
            .map(|c| complaints(model, c))
            .collect(),
        procedures: model
            .procedures
            .iter()
            .map(|p| procedure(model, p))
            .collect(),
    }
}

pub(crate) fn role_ids(model: &Model, ids: &[model::RoleId]) -> Vec<String> {
    ids.iter()
        .filter_map(|r| model.role(*r))
        .map(|r| r.id.clone())
        .collect()
}

pub(crate) fn proc_ids(model: &Model, ids: &[usize]) -> Vec<String> {
    ids.iter()
        .filter_map(|i| model.procedures.get(*i))
        .map(|p| p.id.clone())
        .collect()
}

fn service(model: &Model, s: &model::Service) -> Service {
    Service {
        id: s.id.clone(),
        title: s.title.clone(),
        agency: s
            .agency
            .and_then(|a| model.agencies.get(a))
            .map(|a| a.id.clone()),
        version: s.version.clone(),
        effective: s.effective.map(|d| d.to_string()),
        calendar: s.calendar.clone(),
        requirements: s.requirements.clone(),
        fee: s.fee.as_ref().map(|(amount, text)| Fee {
            amount: *amount,
            text: text.clone(),
        }),
        product: s.product.clone(),
        complaints: s
            .complaints
            .and_then(|c| model.complaints.get(c))
            .map(|c| c.id.clone()),
        legal_basis: s.legal_basis.clone(),
        facilities: s.facilities.clone(),
        competencies: s.competencies.iter().cloned().collect(),
        supervision: s.supervision.clone(),
        staffing: s
            .staffing
            .iter()
            .map(|e| {
                let n = match e.count {
                    Count::People(n) => Some(n),
                    Count::AsNeeded => None,
                };
                (e.subject.clone(), n)
            })
            .collect(),
        guarantees: s.guarantees.clone(),
        obligations: s
            .obligations
            .iter()
            .map(|o| Obligation {
                id: o.id.clone(),
                title: o.title.clone(),
                trigger: o.trigger.as_ref().map(|p| event(model, p)),
                delay: o.delay,
                cancel: o.cancel.as_ref().map(|p| event(model, p)),
                action: o.action.clone(),
                to: o.to.and_then(|r| model.role(r)).map(|r| r.id.clone()),
                by: role_ids(model, &o.by),
            })
            .collect(),
        security: s.security.clone(),
        evaluation: Evaluation {
            survey: s.survey.clone(),
            follow_up_when: s.follow_up.as_ref().map(|f| f.0.clone()),
            follow_up: s.follow_up.as_ref().map(|f| f.1.clone()),
            notes: s.evaluation.clone(),
        },
        procedures: proc_ids(model, &s.procedures),
    }
}
