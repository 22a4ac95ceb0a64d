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

mod complaints;
mod procedure;

pub use complaints::*;
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
