//! One standard of a project: its files, model, machines, calendars and content identity.

use crate::machine::Machine;
use crate::model::Model;
use crate::source::span::FileId;
use crate::time::Calendar;
use std::sync::Arc;

/// One standard: a root file, the files it includes, its model and machines.
#[derive(Debug, Clone)]
pub struct Standard {
    /// The root file.
    pub(crate) root: FileId,
    /// The root and every file it includes, root first.
    pub(crate) files: Vec<FileId>,
    /// The resolved model.
    pub(crate) model: Model,
    /// One machine per procedure of the model, same order.
    pub(crate) machines: Vec<Machine>,
    /// The working-day calendar of the standard: its first service's, else its agency's
    /// (complaint routing and the complaint book use it).
    pub(crate) calendar: Option<Arc<Calendar>>,
    /// The calendar of each procedure, in the model's order: its service's calendar, else
    /// its agency's.
    pub(crate) procedure_calendars: Vec<Option<Arc<Calendar>>>,
    /// A hash of the text of every file of the standard (`sha256:` and hex), carried by its
    /// cases.
    pub(crate) hash: String,
    /// The FNV-1a form of the same identity, which cases persisted before SHA-256 carry.
    pub(crate) legacy_hash: String,
}

impl Standard {
    /// The root file.
    pub fn root(&self) -> FileId {
        self.root
    }

    /// The root and every file it includes, root first.
    pub fn files(&self) -> &[FileId] {
        &self.files
    }

    /// The resolved model: services, roles, procedures, policies, as written.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// One compiled state machine per procedure, in the model's order.
    pub fn machines(&self) -> &[Machine] {
        &self.machines
    }

    /// The working-day calendar of the standard: its first service's, else its agency's.
    pub fn calendar(&self) -> Option<&Calendar> {
        self.calendar.as_deref()
    }

    /// The time zone instants of this standard are shown in: its calendar's, else WIB.
    pub fn zone(&self) -> crate::time::Zone {
        self.calendar()
            .map_or(crate::time::Zone::Wib, Calendar::zone)
    }

    /// The calendar of each procedure, in the model's order.
    pub fn procedure_calendars(&self) -> &[Option<Arc<Calendar>>] {
        &self.procedure_calendars
    }

    /// The content identity cases carry (`sha256:` and hex of every file's text).
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Every time budget of every procedure against its calendar: the shortest and longest
    /// path and the verdict (`sopan budget`), in the model's order.
    pub fn budgets(&self) -> Vec<crate::check::budget::BudgetReport> {
        self.model
            .procedures
            .iter()
            .zip(&self.machines)
            .zip(&self.procedure_calendars)
            .flat_map(|((p, m), c)| crate::check::budget::analyse(p, m, c.as_deref()))
            .collect()
    }

    /// The FNV-1a form of the same identity, which cases persisted before SHA-256 carry
    /// (they still resume).
    pub fn legacy_hash(&self) -> &str {
        &self.legacy_hash
    }
}
