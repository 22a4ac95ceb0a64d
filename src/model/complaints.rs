//! Complaint handling as resolved: channels, facts, reply rules, tiers with their deadlines
//! and extensions, the book and the report, and the policy that holds them.

use super::{Duration, Escalation, RoleId};
use crate::source::span::Loc;

/// A complaint channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Answers go out by it; complaints do not come in by it (`hanya_balasan`).
    pub reply_only: bool,
    /// Where it is defined.
    pub loc: Loc,
}

/// A fact a reply rule can test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Possible values.
    pub values: Vec<String>,
    /// Where it is defined.
    pub loc: Loc,
}

/// A reply rule: complaints by `channel` (when `conditions` hold) are answered via `via`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyRule {
    /// Channel index.
    pub channel: usize,
    /// (fact index, value).
    pub conditions: Vec<(usize, String)>,
    /// Reply channel indexes.
    pub via: Vec<usize>,
    /// The source does not say how the answer goes back (`-> tidak_disebutkan`).
    pub unstated: bool,
    /// Where it is written.
    pub loc: Loc,
}

/// A severity tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Who handles.
    pub handler: Vec<RoleId>,
    /// The source names nobody to handle it (`penangan tidak_disebutkan`).
    pub handler_unstated: bool,
    /// Who is involved.
    pub involved: Vec<RoleId>,
    /// Who it is escalated to.
    pub escalate: Vec<RoleId>,
    /// Response deadline.
    pub deadline: Option<Duration>,
    /// Its own deadlines with a name (`tenggat respon 3 hari "…"`); a name it does not
    /// write is the policy's ([`ComplaintPolicy::named_deadlines`]).
    pub deadlines: Vec<NamedDeadline>,
    /// How much the deadline may be extended, once, by an officer.
    pub extension: Option<Extension>,
    /// Remarks.
    pub remarks: Vec<String>,
    /// What happens when the deadline is at risk or breached.
    pub escalations: Vec<Escalation>,
    /// Where its name is written.
    pub loc: Loc,
}

/// A deadline with a name: a second deadline for one complaint, as published
/// (`tenggat respon 3 hari "Respon setelah cleaning data"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedDeadline {
    /// Its name.
    pub id: String,
    /// How long.
    pub duration: Duration,
    /// What it is for, as published.
    pub remark: Option<String>,
}

/// An extension of a deadline or budget a procedure allows (`perpanjangan 7 hari kerja "…"`):
/// an officer may extend a running clock once by this much, saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    /// By how much.
    pub duration: Duration,
    /// The condition or reason, as published.
    pub reason: Option<String>,
}

/// The complaint book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    /// Title.
    pub title: String,
    /// Who keeps it.
    pub by: Vec<RoleId>,
    /// (field id, title).
    pub fields: Vec<(String, String)>,
}

/// The periodic complaint report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Title.
    pub title: String,
    /// Period word.
    pub period: Option<String>,
    /// The review procedure.
    pub procedure: Option<usize>,
}

/// A complaint policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintPolicy {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Channels.
    pub channels: Vec<Channel>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Reply rules.
    pub replies: Vec<ReplyRule>,
    /// Tiers.
    pub tiers: Vec<Tier>,
    /// The deadline written for the whole policy (every tier without its own has it too).
    pub deadline: Option<Duration>,
    /// Named deadlines written for the whole policy.
    pub deadlines: Vec<NamedDeadline>,
    /// The extension written for the whole policy.
    pub extension: Option<Extension>,
    /// Who handles, written for the whole policy: every tier's that names nobody (see
    /// [`ComplaintPolicy::handler_of`]), and every complaint's when it has no tiers.
    pub handler: Vec<RoleId>,
    /// `penangan tidak_disebutkan` written for the whole policy.
    pub handler_unstated: bool,
    /// Who is involved, written for the whole policy.
    pub involved: Vec<RoleId>,
    /// Who complaints are escalated to, written for the whole policy.
    pub escalate: Vec<RoleId>,
    /// Book.
    pub book: Option<Book>,
    /// Report.
    pub report: Option<Report>,
    /// Its procedures (indexes in [`Model::procedures`](super::Model::procedures)).
    pub procedures: Vec<usize>,
    /// Where its name is written.
    pub loc: Loc,
}

impl ComplaintPolicy {
    /// Who handles complaints of `tier` (`None`: the policy itself), and whether the source
    /// says it names nobody: the tier's own, else the policy's. Looked up, not copied into
    /// every tier, so a large policy stays linear.
    pub fn handler_of<'a>(&'a self, tier: Option<&'a Tier>) -> (&'a [RoleId], bool) {
        match tier {
            Some(t) if !t.handler.is_empty() || t.handler_unstated => {
                (&t.handler, t.handler_unstated)
            }
            _ => (&self.handler, self.handler_unstated),
        }
    }

    /// Who is involved in complaints of `tier`: its own, else the policy's.
    pub fn involved_of<'a>(&'a self, tier: Option<&'a Tier>) -> &'a [RoleId] {
        match tier {
            Some(t) if !t.involved.is_empty() => &t.involved,
            _ => &self.involved,
        }
    }

    /// Who complaints of `tier` are escalated to: its own, else the policy's.
    pub fn escalate_of<'a>(&'a self, tier: Option<&'a Tier>) -> &'a [RoleId] {
        match tier {
            Some(t) if !t.escalate.is_empty() => &t.escalate,
            _ => &self.escalate,
        }
    }

    /// Every named deadline `tier` has (`None`: the policy itself): its own, then the
    /// policy's it does not write.
    pub fn named_deadlines<'a>(&'a self, tier: Option<&'a Tier>) -> Vec<&'a NamedDeadline> {
        let own: Vec<&NamedDeadline> = tier
            .map(|t| t.deadlines.iter().collect())
            .unwrap_or_default();
        let written: std::collections::HashSet<&str> = own.iter().map(|d| d.id.as_str()).collect();
        let mut all = own;
        all.extend(
            self.deadlines
                .iter()
                .filter(|d| !written.contains(d.id.as_str())),
        );
        all
    }
}
