//! What an event must be before a case looks at it: plain names.

use super::event::Event;

impl Event {
    /// The first of the event's names that is not plain text (a control or bidirectional
    /// character, or over 256 bytes), by field.
    pub fn bad_text(&self) -> Option<&'static str> {
        let bad = |t: &str| {
            t.len() > 256
                || if t.is_ascii() {
                    t.bytes().any(|b| b < 0x20 || b == 0x7f)
                } else {
                    t.chars().any(crate::source::hidden_character)
                }
        };
        let (step, outcome, by) = match self {
            Event::Done {
                step, outcome, by, ..
            } => (Some(step), outcome.as_ref(), by.as_ref()),
            Event::Skipped { step, by, .. } => (Some(step), None, by.as_ref()),
            Event::Arrived { step, .. } => (Some(step), None, None),
            Event::Resubmitted { by, .. }
            | Event::Returned { by, .. }
            | Event::Collected { by, .. } => (None, None, by.as_ref()),
            Event::Withdrawn { .. } | Event::Deemed { .. } => (None, None, None),
            Event::Extended {
                budget, reason, by, ..
            } => (budget.as_ref(), reason.as_ref(), by.as_ref()),
        };
        let (step_field, outcome_field) = match self {
            Event::Extended { .. } => ("budget", "reason"),
            _ => ("step", "outcome"),
        };
        [(step_field, step), (outcome_field, outcome), ("by", by)]
            .into_iter()
            .find(|(_, t)| t.is_some_and(|t| bad(t)))
            .map(|(f, _)| f)
    }
}
