//! What can happen to a case, and why an event may be refused.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Something that happened to a case, reported by the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The active step is done (with the decision's outcome when it has one).
    Done {
        /// The step.
        step: String,
        /// The outcome, for a decision.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outcome: Option<String>,
        /// The officer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        at: Timestamp,
    },
    /// The applicant brought the returned file back.
    Resubmitted {
        /// Who received it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        at: Timestamp,
    },
    /// The active step returned the file to the applicant: the step is done with the one
    /// outcome of its decision that leads to a return.
    Returned {
        /// The officer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        at: Timestamp,
    },
    /// The applicant collected the product: the active step and every following step without
    /// a decision are done, up to an end.
    Collected {
        /// The officer who handed it over.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        at: Timestamp,
    },
    /// The applicant withdrew the application.
    Withdrawn {
        /// When.
        at: Timestamp,
    },
    /// The active conditional step does not apply: the case goes where a skip leads.
    Skipped {
        /// The step.
        step: String,
        /// The officer who decided it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
        /// When.
        at: Timestamp,
    },
    /// What the case waited for on the way to the active step arrived (`lanjut x tunggu …`):
    /// the step's own time starts now; the time before is kept apart as waiting.
    Arrived {
        /// The step that waited.
        step: String,
        /// When.
        at: Timestamp,
    },
    /// A deemed approval (fiktif positif) fell due: recorded by
    /// [`Case::advance`](super::Case::advance), not sent by hosts.
    Deemed {
        /// When.
        at: Timestamp,
    },
}

impl Event {
    /// A step done, to be completed with [`Event::outcome`], [`Event::by`].
    pub fn done(step: &str, at: Timestamp) -> Event {
        Event::Done {
            step: step.to_string(),
            outcome: None,
            by: None,
            at,
        }
    }

    /// Sets the outcome of a `Done`.
    pub fn outcome(mut self, name: &str) -> Event {
        if let Event::Done { outcome, .. } = &mut self {
            *outcome = Some(name.to_string());
        }
        self
    }

    /// Sets the officer (not for `Withdrawn`).
    pub fn by(mut self, officer: &str) -> Event {
        match &mut self {
            Event::Done { by, .. }
            | Event::Resubmitted { by, .. }
            | Event::Returned { by, .. }
            | Event::Collected { by, .. }
            | Event::Skipped { by, .. } => *by = Some(officer.to_string()),
            Event::Withdrawn { .. } | Event::Deemed { .. } | Event::Arrived { .. } => {}
        }
        self
    }

    /// When it happened.
    pub fn at(&self) -> Timestamp {
        match self {
            Event::Done { at, .. }
            | Event::Resubmitted { at, .. }
            | Event::Returned { at, .. }
            | Event::Collected { at, .. }
            | Event::Skipped { at, .. }
            | Event::Withdrawn { at }
            | Event::Arrived { at, .. }
            | Event::Deemed { at } => *at,
        }
    }
}

/// Why an event was refused. The case is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    /// The procedure has no such step.
    #[error("the procedure has no step `{0}`")]
    UnknownStep(String),
    /// The step exists but is not the active one.
    #[error("step `{step}` is not active (the case is at {active})")]
    NotActive {
        /// The step named.
        step: String,
        /// Where the case is.
        active: String,
    },
    /// A decision needs an outcome it offers.
    #[error("{}", outcome_words(step, given, offered))]
    Outcome {
        /// The step.
        step: String,
        /// What was given.
        given: Option<String>,
        /// What it offers.
        offered: Vec<String>,
    },
    /// An event earlier than one already applied.
    #[error("time went backwards: {at} is before {last}")]
    Backwards {
        /// The event's instant.
        at: Timestamp,
        /// The latest instant already applied.
        last: Timestamp,
    },
    /// The case is finished or withdrawn.
    #[error("the case is closed")]
    Closed,
    /// `returned` at a step with no (or more than one) way back to the applicant, or
    /// `collected` where the steps ahead need a decision.
    #[error("{0}")]
    NotPossible(String),
    /// A resubmission while the file is not with the applicant.
    #[error("the file is not returned to the applicant")]
    NotReturned,
    /// The instant lies outside the days the standard's calendar covers: working time
    /// cannot be counted there, and is never guessed.
    #[error("{0}")]
    OutOfRange(crate::time::CalendarError),
    /// The procedure has no start step, so no case can be opened on it.
    #[error("the procedure has no start step")]
    NoStart,
    /// `skipped` names a step that is not conditional.
    #[error("step `{0}` is not conditional (it has no `bila`) and cannot be skipped")]
    NotConditional(String),
    /// `arrived` names the active step, which was not reached over a wait (or its wait has
    /// already been reported over).
    #[error("step `{0}` is not waiting for anything: `arrived` follows a `tunggu` on the way to it, once")]
    NotAwaited(String),
    /// A deemed approval fell due before this event: `advance` records it first.
    #[error("the application was deemed approved (fiktif positif) at {at}, before this event; advance the case to that instant")]
    DeemedFirst {
        /// When it fell due.
        at: Timestamp,
    },
    /// The procedure counts working time, and its standard names no working-day calendar.
    #[error("the procedure counts working time, and no working-day calendar is named")]
    NoCalendar,
    /// An obligation the event triggers would fall due past the calendar's range: the event
    /// is refused rather than the obligation lost.
    #[error("obligation `{obligation}` would fall due past the calendar: {reason}")]
    ObligationOutOfRange {
        /// The obligation's id.
        obligation: String,
        /// Why its due instant is unknown.
        reason: crate::time::CalendarError,
    },
}

/// A refused outcome in words, without debug formatting.
fn outcome_words(step: &str, given: &Option<String>, offered: &[String]) -> String {
    let list = offered
        .iter()
        .map(|o| format!("`{o}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (given, offered) {
        (None, []) => format!("step `{step}` has no decision: send it without an outcome"),
        (None, _) => format!("step `{step}` asks for an outcome: {list}"),
        (Some(g), []) => format!("step `{step}` has no decision, so no outcome `{g}`"),
        (Some(g), [only]) => format!(
            "the standard writes only the outcome `{only}` for step `{step}`; `{g}` cannot be taken until that branch is written"
        ),
        (Some(g), _) => format!("step `{step}` offers {list}, not `{g}`"),
    }
}
