//! The resolved model: every name bound, every duration read, places kept for diagnostics.
//!
//! Built by [`resolve`](crate::resolve) from the syntax trees of one standard and its includes.
//! Ids are indexes into the vectors of [`Model`], assigned in source order.

use crate::span::Loc;
use serde::Serialize;

/// Index of a role in [`Model::roles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RoleId(pub u32);

pub use crate::calendar::{Duration, Unit};

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

/// Where a procedure is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// At the top of a file: agency-wide.
    Agency,
    /// Inside a complaint policy.
    Complaints(usize),
    /// Inside a service.
    Service(usize),
}

/// A node a flow can lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A step by index.
    Step(usize),
    /// An end by index.
    End(usize),
    /// Back to a role (usually the applicant); on resubmission the flow resumes at a step.
    Return {
        /// Who gets the file back.
        role: Option<RoleId>,
        /// The step taken on resubmission.
        resume: usize,
    },
    /// A name that did not resolve (already reported); treated as leading anywhere.
    Unknown,
}

/// Where a step leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// Nowhere: a dead end (reported by the checks).
    Stop,
    /// One next node.
    Next(Node),
    /// A decision.
    Decision {
        /// The question.
        question: String,
        /// Outcomes in source order with where they lead and where they are written.
        outcomes: Vec<(String, Node, Loc)>,
        /// The decision keyword.
        loc: Loc,
    },
}

/// A step of a procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Published number.
    pub number: Option<u32>,
    /// Performer roles.
    pub roles: Vec<RoleId>,
    /// Inputs (kelengkapan).
    pub inputs: Vec<String>,
    /// Standard time.
    pub duration: Option<Duration>,
    /// Output.
    pub output: Vec<String>,
    /// Remarks.
    pub remarks: Vec<String>,
    /// The working day it falls on.
    pub on_day: Option<u32>,
    /// Condition of a conditional step (may be skipped).
    pub condition: Option<String>,
    /// Where it leads.
    pub flow: Flow,
    /// Where its name is written.
    pub loc: Loc,
}

/// An end of a procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where its name is written.
    pub loc: Loc,
}

/// An event of a procedure a clock or obligation hangs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The procedure (index in [`Model::procedures`]).
    pub procedure: usize,
    /// The step or end.
    pub node: Node,
    /// After finishing (rather than on entering).
    pub after: bool,
    /// Only with this outcome.
    pub outcome: Option<String>,
    /// Where it is written.
    pub loc: Loc,
}

/// What pauses a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pause {
    /// While the file is back with the applicant.
    Returned,
    /// While a step is active.
    Step(usize),
}

/// A time budget and its clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Allowed time.
    pub duration: Duration,
    /// Clock start (default: when the case opens).
    pub start: Option<Point>,
    /// Clock stop (default: any end).
    pub stop: Option<Point>,
    /// Pauses.
    pub pauses: Vec<Pause>,
    /// Where its name is written.
    pub loc: Loc,
}

/// A procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where it is declared.
    pub owner: Owner,
    /// Steps in source order.
    pub steps: Vec<Step>,
    /// Ends in source order.
    pub ends: Vec<End>,
    /// The start step (index), when there is a step.
    pub start: Option<usize>,
    /// Budgets.
    pub budgets: Vec<Budget>,
    /// Where its name is written.
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
    /// Who is involved.
    pub involved: Vec<RoleId>,
    /// Who it is escalated to.
    pub escalate: Vec<RoleId>,
    /// Response deadline.
    pub deadline: Option<Duration>,
    /// Remarks.
    pub remarks: Vec<String>,
    /// Where its name is written.
    pub loc: Loc,
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
    /// Book.
    pub book: Option<Book>,
    /// Report.
    pub report: Option<Report>,
    /// Its procedures (indexes in [`Model::procedures`]).
    pub procedures: Vec<usize>,
    /// Where its name is written.
    pub loc: Loc,
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
    pub sop: Option<crate::ast::SopIdentity>,
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
