//! The interpreter: cases move through a procedure by events, against a working-time clock.
//!
//! Sans-I/O: a [`Case`] is plain data; [`Case::apply`] and [`Case::advance`] take the
//! procedure ([`Context`]) and the instant as arguments and return the actions now due (send
//! an SMS, a letter, …) for the host to perform. A rejected event returns an
//! [`EventError`] and leaves the case exactly as it was.
//!
//! ```
//! use sopan::interp::{Case, Event};
//! use sopan::loader::MemoryLoader;
//! use sopan::project::{Entry, Project};
//!
//! let mut files = MemoryLoader::new();
//! files.insert("std/izin.sop", r#"
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
//! let izin = project.standards[0].context("izin").expect("the procedure");
//!
//! let t = |s: &str| s.parse::<jiff::Timestamp>().expect("an instant");
//! let (mut case, _actions) = Case::open(&izin, "A-1", t("2026-03-02T08:00:00+07:00"))?;
//! case.apply(&izin, Event::done("periksa", t("2026-03-02T08:30:00+07:00")).outcome("ya").by("fo-01"))?;
//!
//! // A refused event leaves the case as it was.
//! assert!(case.apply(&izin, Event::done("periksa", t("2026-03-02T08:40:00+07:00"))).is_err());
//!
//! let status = case.status(&izin, t("2026-03-02T08:50:00+07:00"));
//! assert_eq!(status.active, ["terbit"]);
//! assert_eq!(status.holders, ["petugas"]);
//! assert_eq!(status.clocks[0].status, "at_risk"); // 50 of 60 minutes used (no calendar: wall time)
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod case;
mod clock;
mod event;

pub use case::{
    Action, CardEntry, CardLine, Case, ClockStatus, OnStandard, Position, ResumeError, Status,
};
pub use clock::Clock;
pub use event::{Event, EventError};

use crate::budget::{minutes, DEFAULT_DAY_MINUTES};
use crate::calendar::Calendar;
use crate::machine::Machine;
use crate::model::{Model, Obligation, Procedure};

/// What a case needs to know about its procedure. Cheap to build; borrows the standard.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The model the procedure belongs to (for role names).
    pub model: &'a Model,
    /// Index of the procedure in the model.
    pub index: usize,
    /// The procedure.
    pub procedure: &'a Procedure,
    /// Its machine.
    pub machine: &'a Machine,
    /// The working-day calendar; without one, time is counted as wall-clock time.
    pub calendar: Option<&'a Calendar>,
    /// The standard's identity, carried by every case: service id, version, content hash.
    pub identity: Identity<'a>,
}

/// Which standard, in which version and exact content, a case runs on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Identity<'a> {
    /// The service's id.
    pub standard: &'a str,
    /// Its `versi`.
    pub version: &'a str,
    /// A hash of the text of every file of the standard.
    pub hash: &'a str,
}

impl<'a> Context<'a> {
    /// The context of procedure `id` of a model, if it exists.
    pub fn new(
        model: &'a Model,
        machines: &'a [Machine],
        calendar: Option<&'a Calendar>,
        identity: Identity<'a>,
        id: &str,
    ) -> Option<Self> {
        let index = model.procedures.iter().position(|p| p.id == id)?;
        Some(Context {
            model,
            index,
            procedure: model.procedures.get(index)?,
            machine: machines.get(index)?,
            calendar,
            identity,
        })
    }

    /// Working minutes in a usual day.
    pub fn day_minutes(&self) -> u32 {
        self.calendar
            .map_or(DEFAULT_DAY_MINUTES, Calendar::usual_day_minutes)
    }

    /// The obligations of the procedure's service whose triggers are in this procedure, with
    /// their index among the service's obligations.
    pub fn obligations(&self) -> impl Iterator<Item = (usize, &'a Obligation)> + 'a {
        // Only the service that owns the procedure can name its steps in an obligation.
        let index = self.index;
        let own: &'a [Obligation] = match self.procedure.owner {
            crate::model::Owner::Service(i) => self
                .model
                .services
                .get(i)
                .map_or(&[], |s| s.obligations.as_slice()),
            _ => &[],
        };
        own.iter()
            .enumerate()
            .filter(move |(_, o)| o.trigger.as_ref().is_some_and(|p| p.procedure == index))
    }

    /// The standard time of step `i` in working seconds (its upper bound).
    pub fn standard_seconds(&self, i: usize) -> Option<i64> {
        let d = self.procedure.steps.get(i)?.duration?;
        Some(minutes(d, self.day_minutes()).1 as i64 * 60)
    }

    /// Refuses an instant the calendar does not cover (any instant without a calendar is
    /// fine: time is then wall-clock time).
    pub fn covers(&self, at: jiff::Timestamp) -> Result<(), EventError> {
        match self.calendar {
            Some(c) => c.covers(at).map_err(EventError::OutOfRange),
            None => Ok(()),
        }
    }

    /// Working seconds between two instants (wall-clock seconds without a calendar).
    pub fn working_seconds(&self, a: jiff::Timestamp, b: jiff::Timestamp) -> i64 {
        match self.calendar {
            Some(c) => c
                .working_time_between(a, b)
                .map_or(b.as_second() - a.as_second(), |w| w.value),
            None => b.as_second() - a.as_second(),
        }
    }
}
