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
    /// What each event moves, per procedure of the model, same order.
    pub(crate) moves: Vec<crate::machine::moves::Moves>,
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
    /// What a case on each procedure names of this standard, shared by all its cases.
    pub(crate) refs: Vec<Arc<StandardRef>>,
}

/// What a persisted case names of the standard it runs on, so a host can load it again:
/// the standard's file relative to the standards root, the procedure, the content hash, and
/// for people the service and its version. One per procedure, shared by every case on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardRef {
    /// The standard's file, relative to the standards root (`pekanbaru/izin.sop`).
    pub file: String,
    /// The procedure's id.
    pub procedure: String,
    /// The service's id (empty for an agency's procedure or an SOP-only file).
    pub standard: String,
    /// The service's `versi` (empty when none).
    pub version: String,
    /// The content hash of the standard's files (`sha256:…`).
    pub hash: String,
    /// The older FNV-1a form of the same identity.
    pub legacy_hash: String,
    /// The zone instants of its cases are shown in.
    pub zone: crate::time::Zone,
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
            .flat_map(|((p, m), c)| {
                // A procedure without a budget still has its paths summed.
                if p.budgets.is_empty() {
                    crate::check::budget::paths_only(p, m, c.as_deref())
                        .into_iter()
                        .collect()
                } else {
                    crate::check::budget::analyse(p, m, c.as_deref())
                }
            })
            .collect()
    }

    /// The root file's path relative to its standards root, as persisted cases name it.
    pub fn file(&self) -> &str {
        self.refs.first().map_or("", |r| r.file.as_str())
    }

    /// The FNV-1a form of the same identity, which cases persisted before SHA-256 carry
    /// (they still resume).
    pub fn legacy_hash(&self) -> &str {
        &self.legacy_hash
    }
}
