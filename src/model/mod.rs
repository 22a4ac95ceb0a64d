//! The resolved model: every name bound, every duration read, places kept for diagnostics.
//!
//! Built by the `resolve` stage from the syntax trees of one standard and its includes.
//! Ids are indexes into the vectors of [`Model`], assigned in source order.

use crate::source::span::Loc;
use serde::Serialize;

/// Index of a role in [`Model::roles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RoleId(pub u32);

pub use crate::time::{Duration, Unit};

mod procedure;

pub use procedure::*;

/// A role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Whether it belongs to the agency.
    pub internal: bool,
    /// Where it is defined.
    pub loc: Loc,
}

/// A group of roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Members.
    pub members: Vec<RoleId>,
    /// Where it is defined.
    pub loc: Loc,
}

/// A timed obligation (service guarantee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obligation {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// What starts its timer.
    pub trigger: Option<Point>,
    /// How long after.
    pub delay: Option<Duration>,
    /// What cancels it.
    pub cancel: Option<Point>,
    /// Action kind (`sms`, `surat`, …).
    pub action: Option<String>,
    /// Recipient.
    pub to: Option<RoleId>,
    /// Who performs it.
    pub by: Vec<RoleId>,
    /// Where its name is written.
    pub loc: Loc,
}

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
    /// Its procedures (indexes in [`Model::procedures`]).
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

/// The agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Address.
    pub address: Option<String>,
    /// Calendar name.
    pub calendar: Option<String>,
    /// Where the calendar name is written.
    pub calendar_loc: Option<Loc>,
    /// Where its name is written.
    pub loc: Loc,
}

/// Head count of a staffing entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// A number of people.
    People(u32),
    /// As needed (sesuai kebutuhan).
    AsNeeded,
}

/// One staffing entry: the roles it covers and how many people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffEntry {
    /// The role or group written.
    pub subject: String,
    /// Roles covered.
    pub roles: Vec<RoleId>,
    /// How many.
    pub count: Count,
}

/// A service standard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Service {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Agency index.
    pub agency: Option<usize>,
    /// Version.
    pub version: Option<String>,
    /// Effective date.
    pub effective: Option<jiff::civil::Date>,
    /// Calendar name (own or the agency's).
    pub calendar: Option<String>,
    /// Where that calendar name is written.
    pub calendar_loc: Option<Loc>,
    /// The SOP AP identity page, as written.
    pub sop: Option<SopIdentity>,
    /// Components present, by number 1..=14.
    pub components: [bool; 14],
    /// Requirements.
    pub requirements: Vec<String>,
    /// Fee text and amount.
    pub fee: Option<(Option<i64>, String)>,
    /// Product.
    pub product: Vec<String>,
    /// Complaint policy index.
    pub complaints: Option<usize>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
    /// Facilities.
    pub facilities: Vec<String>,
    /// Competencies: (role or group, items).
    pub competencies: Vec<(String, Vec<String>)>,
    /// Internal supervision.
    pub supervision: Vec<String>,
    /// Staffing entries.
    pub staffing: Vec<StaffEntry>,
    /// Where staffing is written.
    pub staffing_loc: Option<Loc>,
    /// Guarantee texts.
    pub guarantees: Vec<String>,
    /// Timed obligations.
    pub obligations: Vec<Obligation>,
    /// Security.
    pub security: Vec<String>,
    /// Survey frequency.
    pub survey: Option<String>,
    /// Follow-up: (grade at or below which it fires, text).
    pub follow_up: Option<(String, String)>,
    /// Evaluation texts.
    pub evaluation: Vec<String>,
    /// Its procedures (indexes in [`Model::procedures`]).
    pub procedures: Vec<usize>,
    /// Where its name is written.
    pub loc: Option<Loc>,
}

/// One standard (a root file and its includes), resolved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Model {
    /// Roles.
    pub roles: Vec<Role>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Agencies.
    pub agencies: Vec<Agency>,
    /// Complaint policies.
    pub complaints: Vec<ComplaintPolicy>,
    /// Every procedure.
    pub procedures: Vec<Procedure>,
    /// Services.
    pub services: Vec<Service>,
}

impl Model {
    /// The role with this id.
    pub fn role(&self, id: RoleId) -> Option<&Role> {
        self.roles.get(id.0 as usize)
    }
}

/// `sop { … }`: the SOP AP identity page (PermenPAN-RB 35/2012), as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SopIdentity {
    /// `nomor`.
    pub number: Option<String>,
    /// `dibuat`, as written.
    pub made: Option<String>,
    /// `direvisi`, as written.
    pub revised: Option<String>,
    /// `efektif`, as written.
    pub in_force: Option<String>,
    /// `disahkan "jabatan" "nama" nip "…"`.
    pub approved: Option<Approval>,
    /// `dasar_hukum`.
    pub legal_basis: Vec<String>,
    /// `keterkaitan`.
    pub related: Vec<String>,
    /// `peralatan`.
    pub equipment: Vec<String>,
    /// `peringatan`.
    pub warnings: Vec<String>,
    /// `pencatatan`.
    pub recording: Vec<String>,
    /// `kualifikasi`.
    pub qualifications: Vec<String>,
}

/// Who approved the SOP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// Position.
    pub title: String,
    /// Person.
    pub name: Option<String>,
    /// Civil-servant number.
    pub nip: Option<String>,
}
