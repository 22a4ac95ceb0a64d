//! Where cases live: one trait, two engines. Each case is a row (its stored form, schema 1,
//! and a version) plus an append-only log of everything that changed it — its opening, every
//! event, every `advance` (which records deemed approvals and fires timers) — and the actions
//! each asked for go to an outbox. A change is one transaction: the row is updated only if its
//! version is still the one read (optimistic), with its log entry and its outbox rows.
//!
//! [`sqlite::Sqlite`] is the embedded default (one file, nothing to install);
//! [`postgres::Postgres`] serves many servers on one database, which claim due cases with
//! `FOR UPDATE SKIP LOCKED`.

pub mod postgres;
pub mod sqlite;

use std::future::Future;

/// A case as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The host's case id.
    pub id: String,
    /// The standard's file, relative to the standards root.
    pub standard: String,
    /// The procedure's id.
    pub procedure: String,
    /// The content hash the case runs on.
    pub hash: String,
    /// The stored form (docs/case-schema.md).
    pub doc: String,
    /// Bumped by every change; 1 when opened.
    pub version: i64,
}

/// A case read back, with the answer already given to a request of the same idempotency key.
#[derive(Debug, Clone)]
pub struct Got {
    /// The case.
    pub row: Row,
    /// The stored answer, when the key was seen before.
    pub replay: Option<String>,
}

/// What changed a case, as its log keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Opened.
    Open,
    /// An event applied.
    Event,
    /// Time passed (`advance`).
    Advance,
}

impl Kind {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Open => "open",
            Kind::Event => "event",
            Kind::Advance => "advance",
        }
    }
}

/// One change of one case: its new row, its log entry, its actions.
#[derive(Debug, Clone)]
pub struct Write {
    /// The new row; `version` is the old one plus 1 (1 when opened).
    pub row: Row,
    /// When `advance` next has something to do (unix seconds).
    pub due_at: Option<i64>,
    /// When the earliest running clock runs out (unix seconds).
    pub deadline_at: Option<i64>,
    /// When the earliest running clock reaches 80 % of its budget (unix seconds).
    pub risk_at: Option<i64>,
    /// Whether the case ended.
    pub finished: bool,
    /// What changed it.
    pub kind: Kind,
    /// The event (JSON) or the instant `advance` was called with.
    pub body: String,
    /// The request's idempotency key.
    pub key: Option<String>,
    /// The answer given, kept for a repeated request of the same key.
    pub response: String,
    /// The actions it asked for, each as JSON, for the outbox.
    pub actions: Vec<String>,
}

/// Whether a write took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Written.
    Done,
    /// Another write came first: the case exists already (open) or its version moved on.
    Conflict,
}

/// One line of a case's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    /// The version it made.
    pub seq: i64,
    /// What it was.
    pub kind: String,
    /// The event or the instant.
    pub body: String,
    /// Its idempotency key.
    pub key: Option<String>,
}

/// An action waiting in the outbox (or handed out).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutboxRow {
    /// Its number, increasing.
    pub id: i64,
    /// The case.
    pub case: String,
    /// The log entry (version) that asked for it.
    pub seq: i64,
    /// The action (JSON).
    #[serde(serialize_with = "raw")]
    pub action: String,
}

fn raw<S: serde::Serializer>(text: &str, s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::Serialize as _;
    serde_json::from_str::<serde_json::Value>(text)
        .unwrap_or(serde_json::Value::Null)
        .serialize(s)
}

/// Which cases to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// A running clock has run out by the instant.
    Overdue,
    /// A running clock has used 80 % of its budget by the instant, and not run out.
    AtRisk,
    /// `advance` has something to do by the instant.
    Due,
}

/// A case in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The case.
    pub id: String,
    /// When its earliest running clock runs out (unix seconds).
    pub deadline_at: Option<i64>,
    /// When `advance` next has something to do (unix seconds).
    pub due_at: Option<i64>,
}

/// Totals for `/metrics`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Cases stored.
    pub cases: i64,
    /// Cases not ended.
    pub open: i64,
    /// Actions not yet taken from the outbox.
    pub outbox: i64,
}

/// A store failed (not a refusal: the database).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(pub String);

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(format!("SQLite: {e}"))
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        StoreError(format!("PostgreSQL: {e}"))
    }
}

/// The result of a store call.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What becomes of a claimed due case.
#[derive(Debug, Clone)]
pub enum Claimed {
    /// Time passed: store the change.
    Write(Box<Write>),
    /// Nothing to do by now (or the case cannot be resumed on any loaded standard): only
    /// its next due instant is set, so it is not claimed again before then.
    Due(Option<i64>),
}

/// Work done on each claimed due case, inside the claim's transaction.
pub type Work<'a> = &'a (dyn Fn(&Row) -> Claimed + Send + Sync);

/// What a server keeps its cases in.
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn engine(&self) -> &'static str;

    /// Stores a new case (its row, log entry 1 and its actions); `Conflict` when the id is
    /// taken.
    fn create(&self, w: &Write) -> impl Future<Output = Result<Saved>> + Send;

    /// A case, and the answer already given for `key` when there is one.
    fn get(&self, id: &str, key: Option<&str>) -> impl Future<Output = Result<Option<Got>>> + Send;

    /// Stores a change, if the case's version is still `w.row.version - 1`.
    fn save(&self, w: &Write) -> impl Future<Output = Result<Saved>> + Send;

    /// Claims at most `limit` cases whose `advance` is due by `now` (unix seconds), none
    /// claimed by another server at the same time, and stores what `work` makes of each.
    /// Returns how many were claimed.
    fn claim_due(
        &self,
        now: i64,
        limit: usize,
        work: Work<'_>,
    ) -> impl Future<Output = Result<usize>> + Send;

    /// Cases of one procedure in a listing at `now` (unix seconds), earliest first.
    fn list(
        &self,
        standard: &str,
        procedure: &str,
        listing: Listing,
        now: i64,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<Listed>>> + Send;

    /// Actions in the outbox not yet taken, oldest first (of one case, when given).
    fn outbox(
        &self,
        case: Option<&str>,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<OutboxRow>>> + Send;

    /// Takes at most `limit` actions from the outbox: each is handed to exactly one caller.
    fn take(&self, limit: usize) -> impl Future<Output = Result<Vec<OutboxRow>>> + Send;

    /// A case's log, in order.
    fn log(&self, id: &str) -> impl Future<Output = Result<Vec<LogRow>>> + Send;

    /// Every action ever written for a case, taken or not, in order.
    fn actions(&self, id: &str) -> impl Future<Output = Result<Vec<OutboxRow>>> + Send;

    /// Case ids after `after`, in order, at most `limit` (to walk every case).
    fn ids(&self, after: &str, limit: usize) -> impl Future<Output = Result<Vec<String>>> + Send;

    /// Totals.
    fn counts(&self) -> impl Future<Output = Result<Counts>> + Send;
}
