//! An answer that is not a success: its HTTP status, a stable code hosts can match on, and
//! the reason in the request's language.

use crate::words::Words;
use sopan::interp::{Context, EventError};

/// A refused request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status.
    pub status: u16,
    /// A stable code (`event-refused`, `unknown-case`, `stale-version`, …).
    pub code: &'static str,
    /// Why, in the request's language.
    pub message: String,
}

impl Refusal {
    /// A refusal.
    pub fn new(status: u16, code: &'static str, message: String) -> Refusal {
        Refusal {
            status,
            code,
            message,
        }
    }

    /// An event the standard refuses (422): the case is left as it was.
    pub fn event(e: &EventError, ctx: &Context<'_>, w: Words) -> Refusal {
        Refusal::new(
            422,
            "event-refused",
            e.message(w.lang(), ctx.standard_ref().zone),
        )
    }

    /// The store failed (503): nothing was changed that the answer does not say.
    pub fn store(e: &crate::store::StoreError, w: Words) -> Refusal {
        Refusal::new(
            503,
            "store-unavailable",
            w.pick(
                format!("penyimpanan perkara tidak dapat dipakai: {e}"),
                format!("the case store is unavailable: {e}"),
            ),
        )
    }

    /// The answer's body.
    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({ "error": self.code, "message": self.message })
    }
}
