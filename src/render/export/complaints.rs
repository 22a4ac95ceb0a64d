//! A complaint policy as plain data: channels, facts, reply rules, tiers with their
//! deadlines and escalation rules, the book and the report.

use super::*;

/// A complaint policy.
#[derive(Debug, Clone, Serialize)]
pub struct Complaints {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Channel id → title.
    pub channels: BTreeMap<String, String>,
    /// The channels that only carry answers (`hanya_balasan`); left out when none does.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reply_only: Vec<String>,
    /// Fact id → possible values.
    pub facts: BTreeMap<String, Vec<String>>,
    /// Reply rules in order.
    pub replies: Vec<Reply>,
    /// Tiers in order.
    pub tiers: Vec<Tier>,
    /// The deadline written for the whole policy; left out when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Duration>,
    /// The named deadlines written for the whole policy; left out when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<NamedDeadline>,
    /// Who handles, written for the whole policy (tiers naming nobody have it); left out
    /// when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub handler: Vec<String>,
    /// Who is involved, written for the whole policy; left out when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub involved: Vec<String>,
    /// Who complaints go to, written for the whole policy; left out when none is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub escalated_to: Vec<String>,
    /// Book fields in order.
    pub book_fields: Vec<String>,
    /// Roles keeping the book.
    pub book_by: Vec<String>,
    /// Report period.
    pub report_period: Option<String>,
    /// Report procedure.
    pub report_procedure: Option<String>,
    /// Procedure ids.
    pub procedures: Vec<String>,
}

/// A reply rule.
#[derive(Debug, Clone, Serialize)]
pub struct Reply {
    /// Channel the complaint came by.
    pub channel: String,
    /// Fact → value, all of which must hold.
    pub when: BTreeMap<String, String>,
    /// Reply channels.
    pub via: Vec<String>,
    /// The source does not say how the answer goes back (`-> tidak_disebutkan`); left out
    /// when it does.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub via_not_stated: bool,
}

/// A deadline with a name (`tenggat respon 3 hari "…"`).
#[derive(Debug, Clone, Serialize)]
pub struct NamedDeadline {
    /// Its name.
    pub name: String,
    /// How long.
    pub duration: Duration,
    /// What it is for, as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

fn named(deadlines: &[model::NamedDeadline]) -> Vec<NamedDeadline> {
    deadlines
        .iter()
        .map(|d| NamedDeadline {
            name: d.id.clone(),
            duration: d.duration,
            remark: d.remark.clone(),
        })
        .collect()
}

/// A severity tier.
#[derive(Debug, Clone, Serialize)]
pub struct Tier {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Handler roles.
    pub handler: Vec<String>,
    /// The source names no handler (`penangan tidak_disebutkan`); left out when it does.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub handler_not_stated: bool,
    /// Involved roles.
    pub involved: Vec<String>,
    /// Escalation roles.
    pub escalated_to: Vec<String>,
    /// Response deadline.
    pub deadline: Option<Duration>,
    /// Its deadlines with a name (its own and the policy's); left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<NamedDeadline>,
    /// How much an officer may extend the deadline, once (`perpanjangan`); left out when
    /// the tier allows none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<Duration>,
    /// The extension's condition or reason, as published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_reason: Option<String>,
    /// Escalation rules on the deadline.
    pub escalations: Vec<Escalation>,
}

pub(super) fn complaints(model: &Model, c: &model::ComplaintPolicy) -> Complaints {
    let channel = |i: &usize| {
        c.channels
            .get(*i)
            .map(|ch| ch.id.clone())
            .unwrap_or_default()
    };
    Complaints {
        id: c.id.clone(),
        title: c.title.clone(),
        channels: c
            .channels
            .iter()
            .map(|ch| (ch.id.clone(), ch.title.clone()))
            .collect(),
        reply_only: c
            .channels
            .iter()
            .filter(|ch| ch.reply_only)
            .map(|ch| ch.id.clone())
            .collect(),
        facts: c
            .facts
            .iter()
            .map(|f| (f.id.clone(), f.values.clone()))
            .collect(),
        replies: c
            .replies
            .iter()
            .map(|r| Reply {
                channel: channel(&r.channel),
                when: r
                    .conditions
                    .iter()
                    .map(|(f, v)| {
                        (
                            c.facts.get(*f).map(|f| f.id.clone()).unwrap_or_default(),
                            v.clone(),
                        )
                    })
                    .collect(),
                via: r.via.iter().map(channel).collect(),
                via_not_stated: r.unstated,
            })
            .collect(),
        tiers: c
            .tiers
            .iter()
            .map(|t| Tier {
                id: t.id.clone(),
                title: t.title.clone(),
                handler: role_ids(model, c.handler_of(Some(t)).0),
                handler_not_stated: c.handler_of(Some(t)).1 && c.handler_of(Some(t)).0.is_empty(),
                involved: role_ids(model, c.involved_of(Some(t))),
                escalated_to: role_ids(model, c.escalate_of(Some(t))),
                deadline: t.deadline,
                deadlines: named(&t.deadlines),
                extension: t.extension.as_ref().map(|e| e.duration),
                extension_reason: t.extension.as_ref().and_then(|e| e.reason.clone()),
                escalations: escalations(model, None, &t.escalations),
            })
            .collect(),
        deadline: c.deadline,
        deadlines: named(&c.deadlines),
        handler: role_ids(model, &c.handler),
        involved: role_ids(model, &c.involved),
        escalated_to: role_ids(model, &c.escalate),
        book_fields: c
            .book
            .iter()
            .flat_map(|b| b.fields.iter().map(|f| f.0.clone()))
            .collect(),
        book_by: c
            .book
            .as_ref()
            .map(|b| role_ids(model, &b.by))
            .unwrap_or_default(),
        report_period: c.report.as_ref().and_then(|r| r.period.clone()),
        report_procedure: c
            .report
            .as_ref()
            .and_then(|r| r.procedure)
            .and_then(|p| model.procedures.get(p))
            .map(|p| p.id.clone()),
        procedures: proc_ids(model, &c.procedures),
    }
}
