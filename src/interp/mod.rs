//! The interpreter: cases move through a procedure by events, against a working-time clock.
//!
//! Sans-I/O: a [`Case`] is plain data; [`Case::apply`] and [`Case::advance`] take the
//! procedure ([`Context`]) and the instant as arguments and return the actions now due (send
//! an SMS, a letter, …) for the host to perform. A rejected event returns an
//! [`EventError`] and leaves the case exactly as it was.
//!
//! ```
//! use sopan::interp::{Case, ClockState, Event};
//! use sopan::source::loader::MemoryLoader;
//! use sopan::project::{Entry, Project};
//!
//! let mut files = MemoryLoader::new();
//! files.insert("std/nasional.kalender.yaml", include_str!("../../standards/nasional.kalender.yaml"));
//! files.insert("std/izin.sop", r#"
//! instansi kantor "Kantor" { kalender nasional }
//! peran pemohon "Pemohon" eksternal
//! peran petugas "Petugas" internal
//! prosedur izin "Izin" {
//!   anggaran total 1 jam { jeda selama dikembalikan }
//!   langkah periksa "Periksa berkas" {
//!     oleh petugas
//!     waktu 20 menit
//!     keputusan "Lengkap?" { ya -> terbit  tidak -> kembalikan ke pemohon }
//!   }
//!   langkah terbit "Terbitkan izin" { oleh petugas  waktu 10 menit  lanjut selesai_ok }
//!   selesai selesai_ok "Izin terbit"
//! }
//! "#);
//! let entry = Entry { path: "std/izin.sop".into(), root: "std".into() };
//! let project = Project::load(&files, &[entry])?;
//! let izin = project.standards()[0].context("izin").expect("the procedure");
//!
//! let t = |s: &str| s.parse::<jiff::Timestamp>().expect("an instant");
//! let (mut case, _actions) = Case::open(&izin, "A-1", t("2026-03-02T08:00:00+07:00"))?;
//! case.apply(&izin, Event::done("periksa", t("2026-03-02T08:30:00+07:00")).outcome("ya").by("fo-01"))?;
//!
//! // A refused event leaves the case as it was.
//! assert!(case.apply(&izin, Event::done("periksa", t("2026-03-02T08:40:00+07:00"))).is_err());
//!
//! let status = case.status(&izin, t("2026-03-02T08:50:00+07:00"))?;
//! assert_eq!(status.active, ["terbit"]);
//! assert_eq!(status.holders, ["petugas"]);
//! // 50 of the hour's 60 working minutes used (government hours open at 07:30).
//! assert_eq!(status.clocks[0].status, ClockState::AtRisk);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod card;
mod case;
mod checks;
mod clock;
mod escalation;
mod event;
mod extend;
mod moves;
mod names;
mod persist;
mod position;
mod record;
mod replay;
pub(crate) use replay::CardRoom;
pub mod scenario;
mod status;
mod steps;
mod timers;
mod whereabouts;

pub use card::CardLine;
pub use case::{Action, Case, Position};
pub use event::{Event, EventError, Impossible, Whereabouts};
pub use persist::{ResumeError, SCHEMA};
pub use status::{ClockScope, ClockState, ClockStatus, Status, AT_RISK_PERCENT};

use crate::machine::Machine;
use crate::model::{Model, Obligation, Procedure};
use crate::time::{Calendar, Deadlines, Measure};

/// What a case needs to know about its procedure. Cheap to build; borrows the standard.
/// Made only by [`crate::project::Standard::context`], so its parts always belong together.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The model the procedure belongs to (for role names).
    pub(crate) model: &'a Model,
    /// Index of the procedure in the model.
    pub(crate) index: usize,
    /// The procedure.
    pub(crate) procedure: &'a Procedure,
    /// Its machine.
    pub(crate) machine: &'a Machine,
    /// What each of its events moves.
    pub(crate) moves: &'a crate::machine::moves::Moves,
    /// The working-day calendar of the procedure (its service's, else its agency's). Without
    /// one, only calendar units (`hari`, `minggu`, `bulan`) can be reckoned.
    pub(crate) calendar: Option<&'a Calendar>,
    /// The standard's identity, carried by every case: service id, version, content hash.
    pub(crate) identity: Identity<'a>,
    /// What a stored case names of the standard (shared by every case on the procedure).
    pub(crate) on: &'a std::sync::Arc<crate::project::StandardRef>,
}

impl<'a> Context<'a> {
    /// The procedure as written: steps, ends, budgets, stages.
    pub fn procedure(&self) -> &'a Procedure {
        self.procedure
    }

    /// The model of the standard it belongs to (roles, services).
    pub fn model(&self) -> &'a Model {
        self.model
    }

    /// Its compiled state machine.
    pub fn machine(&self) -> &'a Machine {
        self.machine
    }

    /// Its working-day calendar, if the standard names one.
    pub fn calendar(&self) -> Option<&'a Calendar> {
        self.calendar
    }

    /// The identity its cases carry: service id, version, content hash.
    pub fn identity(&self) -> Identity<'a> {
        self.identity
    }
}

/// Which standard, in which version and exact content, a case runs on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Identity<'a> {
    /// The service's id.
    pub standard: &'a str,
    /// Its `versi`.
    pub version: &'a str,
    /// A hash of the text of every file of the standard (`sha256:…`).
    pub hash: &'a str,
    /// The older FNV-1a form of the same identity: a case persisted with it resumes on an
    /// unchanged standard and is carried forward to `hash`.
    pub legacy_hash: &'a str,
}

// The interpreter's view of a loaded standard lives here, not in `project`: loading does not
// know about cases.
impl crate::project::Standard {
    /// The interpreter's view of one procedure of this standard's first service.
    pub fn context(&self, procedure: &str) -> Option<Context<'_>> {
        let service = self.model.services.first();
        let identity = Identity {
            standard: service.map_or("", |s| s.id.as_str()),
            version: service.and_then(|s| s.version.as_deref()).unwrap_or(""),
            hash: &self.hash,
            legacy_hash: &self.legacy_hash,
        };
        let index = self
            .model
            .procedures
            .iter()
            .position(|p| p.id == procedure)?;
        let calendar = self
            .procedure_calendars
            .get(index)
            .and_then(|c| c.as_deref());
        let on = self.refs.get(index)?;
        Context::new(
            &self.model,
            (&self.machines, &self.moves),
            calendar,
            identity,
            on,
            procedure,
        )
    }
}

impl<'a> Context<'a> {
    /// The context of procedure `id` of a model, if it exists.
    fn new(
        model: &'a Model,
        (machines, moves): (&'a [Machine], &'a [crate::machine::moves::Moves]),
        calendar: Option<&'a Calendar>,
        identity: Identity<'a>,
        on: &'a std::sync::Arc<crate::project::StandardRef>,
        id: &str,
    ) -> Option<Self> {
        let index = model.procedures.iter().position(|p| p.id == id)?;
        Some(Context {
            model,
            index,
            procedure: model.procedures.get(index)?,
            machine: machines.get(index)?,
            moves: moves.get(index)?,
            calendar,
            identity,
            on,
        })
    }

    /// What a stored case names of this procedure's standard.
    pub fn standard_ref(&self) -> &'a crate::project::StandardRef {
        self.on
    }

    /// Every deadline and elapsed time of a case comes from here.
    pub fn deadlines(&self) -> Deadlines<'a> {
        Deadlines::new(self.calendar)
    }

    /// The obligations of the procedure's service whose triggers are in this procedure, with
    /// their index among the service's obligations.
    pub fn obligations(&self) -> impl Iterator<Item = (usize, &'a Obligation)> + 'a {
        crate::machine::moves::obligations(self.model, self.procedure, self.index)
    }

    /// Refuses an instant the calendar does not cover (any instant without a calendar is
    /// fine: only calendar units are reckoned then).
    pub fn covers(&self, at: jiff::Timestamp) -> Result<(), EventError> {
        match self.calendar {
            Some(c) => c.covers(at).map_err(EventError::OutOfRange),
            None => Ok(()),
        }
    }

    /// Working seconds between two covered instants (0 without a calendar, where no
    /// working time is kept).
    pub fn working_seconds(&self, a: jiff::Timestamp, b: jiff::Timestamp) -> i64 {
        self.deadlines()
            .elapsed(a, b, Measure::Working)
            .map_or(0, |w| w.value)
            .max(0)
    }

    /// Whether the procedure counts working time anywhere (a budget, a step's time, an
    /// obligation's delay in minutes, hours or working days), and so needs a calendar.
    pub fn needs_calendar(&self) -> bool {
        let working = |d: Option<crate::model::Duration>| {
            d.is_some_and(|d| d.unit.measure() == Measure::Working)
        };
        self.procedure
            .budgets
            .iter()
            .any(|b| working(Some(b.duration)))
            || self.procedure.steps.iter().any(|s| working(s.duration))
            || self.obligations().any(|(_, o)| working(o.delay))
    }

    /// Whether a role is the applicant's: an outside role the file is returned to, or one
    /// that takes part in the procedure's first step (the applicant submits). Another
    /// office or system outside the agency is not.
    pub fn is_applicant(&self, role: crate::model::RoleId) -> bool {
        crate::machine::hands::is_applicant(self.model, self.procedure, self.machine, role)
    }

    /// Whether only roles outside the agency perform step `i` (the applicant fulfilling a
    /// commitment, another system): its time is not the officers'.
    pub fn outside_only(&self, i: usize) -> bool {
        self.moves.outside_only(i).unwrap_or(false)
    }

    /// Whether step `i` waits for the applicant: a step only external roles perform on the
    /// decision-free way to an end (the applicant receives the licence), the step that hands
    /// over to it, or a last step done jointly with someone outside (the hand-over itself).
    /// Time there is the applicant's, not the officers'; `collected` is allowed only from
    /// such a step. Compiled once per procedure.
    pub fn waits_for_applicant(&self, i: usize) -> bool {
        self.moves.waits_for_applicant(i).unwrap_or(false)
    }
}
