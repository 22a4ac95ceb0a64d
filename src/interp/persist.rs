//! A case stored and read back. The stored form is the case's whole history and nothing
//! else — what it runs on, when it was opened, every event — so reading it back replays the
//! events on the standard: a damaged or edited store can only give a refusal that names the
//! event, never a case that is not what its events make it.
//!
//! Schema 1 (`docs/case-schema.md` documents it):
//!
//! ```json
//! {"schema":1,"case":"REG-1","standard":"pekanbaru/izin_praktik_dokter.sop",
//!  "procedure":"penerbitan","hash":"sha256:…","opened":"2026-03-02T01:00:00Z",
//!  "events":[["done","2026-03-02T01:05:00Z","informasi",null,"fo-01"],
//!            ["done","2026-03-02T01:25:00Z","periksa","lengkap","fo-01"]],
//!  "advanced":"2026-03-02T02:00:00Z"}
//! ```
//!
//! Each event is `[kind, at, step, outcome, by]`, trailing empty fields left out. Instants
//! are RFC 3339 in UTC, to the second.

use super::case::Case;
use super::event::{Event, EventError};
use super::record::some;
use super::Context;
use jiff::Timestamp;
use serde_json::{json, Value};

/// The stored form's version.
pub const SCHEMA: u64 = 1;

/// Why a stored case cannot be resumed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResumeError {
    /// Not a stored case (not JSON, a field missing or of the wrong kind).
    #[error("not a stored case: {0}")]
    Format(String),
    /// A schema this version does not know.
    #[error("stored case schema {0} is not known (this sopan reads schema 1)")]
    Schema(u64),
    /// The case runs on another procedure.
    #[error("the case runs on `{found}`, not `{expected}`")]
    OtherStandard {
        /// The case's standard and procedure.
        found: String,
        /// The one given.
        expected: String,
    },
    /// The standard changed since the case was opened; it is never silently recomputed.
    #[error("standard `{standard}` changed since the case was opened (content {was_hash} → {now_hash}); replay its events on the new standard deliberately, or resume it on the old one")]
    Changed {
        /// The standard's file.
        standard: String,
        /// Hash then.
        was_hash: String,
        /// Hash now.
        now_hash: String,
    },
    /// An event of the stored history is refused by the standard: the store is damaged, or
    /// the history was edited.
    #[error("stored event {index} is refused: {reason}")]
    Replay {
        /// 1-based; 0 for the opening itself.
        index: usize,
        /// Why.
        reason: EventError,
    },
}

impl Case {
    /// The case as stored: its history (schema 1, see the module's words).
    pub fn to_json(&self, ctx: &Context<'_>) -> String {
        let utc = |t: Timestamp| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let events: Vec<Value> = self
            .events(ctx)
            .iter()
            .map(|e| {
                let (kind, step, outcome, by) = parts(e);
                let mut row = vec![json!(kind), json!(utc(e.at()))];
                for v in [step, outcome, by] {
                    row.push(v.map_or(Value::Null, |s| json!(s)));
                }
                while row.last().is_some_and(Value::is_null) {
                    row.pop();
                }
                Value::Array(row)
            })
            .collect();
        let mut doc = json!({
            "schema": SCHEMA,
            "case": self.id(),
            "standard": self.on.file,
            "procedure": self.on.procedure,
            "hash": self.on.hash,
            "opened": utc(self.opened()),
            "events": events,
        });
        if let Some(s) = some(self.advanced) {
            doc["advanced"] = json!(utc(self.at(s)));
        }
        doc.to_string()
    }

    /// Reads a stored case back on the procedure it runs on: refused when it runs on
    /// another procedure or on other content, or when its history does not replay. Also
    /// reads the form stored before schema 1 (the whole case, with its events).
    pub fn resume(ctx: &Context<'_>, json: &str) -> Result<Case, ResumeError> {
        Case::read(ctx, json, false)
    }

    /// Reads a stored case back on the procedure's current content even when the standard
    /// changed since it was opened: its events are replayed on the new standard, and it is
    /// refused (naming the event) where they no longer fit. For a host that declared the
    /// change deliberate (`sopan serve`'s `migrasi.yaml`); the case then runs on, and is
    /// stored with, the new content.
    pub fn migrate(ctx: &Context<'_>, json: &str) -> Result<Case, ResumeError> {
        Case::read(ctx, json, true)
    }

    fn read(ctx: &Context<'_>, json: &str, any_content: bool) -> Result<Case, ResumeError> {
        if json.len() > crate::source::limits::MAX_CASE_BYTES {
            return Err(ResumeError::Format("larger than 4 MiB".into()));
        }
        let doc: Value =
            serde_json::from_str(json).map_err(|e| ResumeError::Format(e.to_string()))?;
        let field = |k: &str| -> Result<&Value, ResumeError> {
            doc.get(k)
                .ok_or_else(|| ResumeError::Format(format!("missing field `{k}`")))
        };
        let text = |k: &str| -> Result<&str, ResumeError> {
            field(k)?
                .as_str()
                .ok_or_else(|| ResumeError::Format(format!("`{k}` is not text")))
        };
        let instant = |v: &Value| -> Result<Timestamp, ResumeError> {
            v.as_str()
                .and_then(crate::time::instant)
                .ok_or_else(|| ResumeError::Format(format!("`{v}` is not an instant")))
        };
        let legacy = doc.get("schema").is_none();
        if !legacy {
            match field("schema")?.as_u64() {
                Some(SCHEMA) => {}
                Some(other) => return Err(ResumeError::Schema(other)),
                None => return Err(ResumeError::Format("`schema` is not a number".into())),
            }
        }
        let procedure = text("procedure")?;
        if procedure != ctx.procedure.id {
            let standard = text("standard")?;
            return Err(ResumeError::OtherStandard {
                found: format!("{standard}/{procedure}"),
                expected: format!("{}/{}", ctx.on.file, ctx.procedure.id),
            });
        }
        let hash = text("hash")?;
        if !any_content && hash != ctx.on.hash && hash != ctx.on.legacy_hash {
            return Err(ResumeError::Changed {
                standard: ctx.on.file.clone(),
                was_hash: hash.to_string(),
                now_hash: ctx.on.hash.clone(),
            });
        }
        let id = if legacy { text("id")? } else { text("case")? };
        let opened = instant(field("opened")?)?;
        let stored = field("events")?
            .as_array()
            .ok_or_else(|| ResumeError::Format("`events` is not a list".into()))?;
        let events = stored
            .iter()
            .map(|e| {
                if legacy {
                    legacy_event(e)
                } else {
                    event(e, &instant)
                }
            })
            .collect::<Result<Vec<Event>, ResumeError>>()?;
        let advanced = match doc.get("advanced") {
            None | Some(Value::Null) => None,
            Some(v) => Some(instant(v)?),
        };
        Case::rebuild(ctx, id, opened, &events, advanced, false)
            .map_err(|(index, reason)| ResumeError::Replay { index, reason })
    }
}

/// An event's kind and names, as stored.
fn parts(e: &Event) -> (&'static str, Option<&str>, Option<&str>, Option<&str>) {
    match e {
        Event::Done {
            step, outcome, by, ..
        } => (
            "done",
            Some(step.as_str()),
            outcome.as_deref(),
            by.as_deref(),
        ),
        Event::Resubmitted { by, .. } => ("resubmitted", None, None, by.as_deref()),
        Event::Returned { by, .. } => ("returned", None, None, by.as_deref()),
        Event::Collected { by, .. } => ("collected", None, None, by.as_deref()),
        Event::Withdrawn { .. } => ("withdrawn", None, None, None),
        Event::Skipped { step, by, .. } => ("skipped", Some(step.as_str()), None, by.as_deref()),
        Event::Arrived { step, .. } => ("arrived", Some(step.as_str()), None, None),
        Event::Deemed { .. } => ("deemed", None, None, None),
        Event::Extended {
            budget, reason, by, ..
        } => (
            "extended",
            budget.as_deref(),
            reason.as_deref(),
            by.as_deref(),
        ),
    }
}

/// A stored event `[kind, at, step, outcome, by]`.
fn event(
    v: &Value,
    instant: &dyn Fn(&Value) -> Result<Timestamp, ResumeError>,
) -> Result<Event, ResumeError> {
    let bad = || ResumeError::Format(format!("`{v}` is not a stored event"));
    let row = v
        .as_array()
        .filter(|r| (2..=5).contains(&r.len()))
        .ok_or_else(bad)?;
    let name = |k: usize| -> Result<Option<String>, ResumeError> {
        match row.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(bad()),
        }
    };
    let at = instant(&row[1])?;
    let (step, outcome, by) = (name(2)?, name(3)?, name(4)?);
    let step_name = step.clone();
    let step = || step.clone().ok_or_else(bad);
    Ok(match row[0].as_str().ok_or_else(bad)? {
        "done" => Event::Done {
            step: step()?,
            outcome,
            by,
            at,
        },
        "resubmitted" => Event::Resubmitted { by, at },
        "returned" => Event::Returned { by, at },
        "collected" => Event::Collected { by, at },
        "withdrawn" => Event::Withdrawn { at },
        "skipped" => Event::Skipped {
            step: step()?,
            by,
            at,
        },
        "arrived" => Event::Arrived { step: step()?, at },
        "deemed" => Event::Deemed { at },
        "extended" => Event::Extended {
            budget: step_name,
            reason: outcome,
            by,
            at,
        },
        _ => return Err(bad()),
    })
}

/// An event as stored before schema 1: the event's own JSON object.
fn legacy_event(v: &Value) -> Result<Event, ResumeError> {
    serde_json::from_value(v.clone()).map_err(|e| ResumeError::Format(e.to_string()))
}

impl From<(usize, EventError)> for ResumeError {
    fn from((index, reason): (usize, EventError)) -> Self {
        ResumeError::Replay { index, reason }
    }
}
