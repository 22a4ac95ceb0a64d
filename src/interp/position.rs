//! What hosts read of a case: where it is, and the actions it asks for.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a case is, as hosts read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Position {
    /// At a step.
    Step {
        /// Step index.
        step: usize,
        /// Since when.
        since: Timestamp,
        /// When the time waited on the way to it ends (`lanjut x tunggu 3 hari`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ready: Option<Timestamp>,
        /// Reached over a wait whose end no `arrived` event has reported yet.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        awaiting: bool,
    },
    /// Back with a role (the applicant) until resubmitted.
    Returned {
        /// The step that returned it.
        from: usize,
        /// The step taken on resubmission.
        resume: usize,
        /// Since when.
        since: Timestamp,
    },
    /// At an end.
    Ended {
        /// End index.
        end: usize,
        /// When.
        at: Timestamp,
    },
    /// Withdrawn by the applicant.
    Withdrawn {
        /// When.
        at: Timestamp,
    },
}

/// Something the host must do, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// `sms`, `surat`, … as the standard names it.
    pub kind: String,
    /// When it is due.
    pub due: Timestamp,
    /// Recipient role.
    pub to: Option<String>,
    /// What the standard says.
    pub text: String,
    /// The obligation's id, for an obligation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation: Option<String>,
    /// The budget, stage or step whose time it is about, for an escalation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<String>,
}
