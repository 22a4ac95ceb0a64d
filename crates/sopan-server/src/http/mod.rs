//! The HTTP API (docs/server.md): JSON in and out, messages in the request's language, every
//! refusal with a precise status and a body `{"error": code, "message": why}`.

mod admin;
mod cases;

use crate::catalog::Catalog;
use crate::metrics::Metrics;
use crate::refusal::Refusal;
use crate::store::Store;
use crate::words::Words;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::sync::{Arc, RwLock};

/// The largest request body: an event or an opening is a few hundred bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Where time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock: due timers fire every second.
    System,
    /// Time passes only when `POST /admin/advance` says so (tests, replays, dry runs).
    Manual,
}

/// A running server's state.
pub struct App<S: Store> {
    /// Where cases are kept.
    pub store: S,
    catalog: RwLock<Arc<Catalog>>,
    /// Counters for `/metrics`.
    pub metrics: Metrics,
    /// Where time comes from.
    pub clock: Clock,
    /// The manual clock's instant (unix seconds).
    pub(crate) manual_now: std::sync::atomic::AtomicI64,
}

impl<S: Store> App<S> {
    /// A server on `store` serving `catalog`.
    pub fn new(store: S, catalog: Catalog, clock: Clock) -> App<S> {
        App {
            store,
            catalog: RwLock::new(Arc::new(catalog)),
            metrics: Metrics::default(),
            clock,
            manual_now: std::sync::atomic::AtomicI64::new(0),
        }
    }

    /// The standards now served. A request keeps the catalog it started with, so a reload
    /// never changes the standard under a request half done.
    pub fn catalog(&self) -> Arc<Catalog> {
        let guard = self
            .catalog
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(&guard)
    }

    /// Serves `catalog` from now on.
    pub fn replace(&self, catalog: Catalog) {
        let mut guard = self
            .catalog
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard = Arc::new(catalog);
    }
}

/// The routes.
pub fn router<S: Store>(app: Arc<App<S>>) -> Router {
    Router::new()
        .route("/cases", post(cases::open::<S>))
        .route("/cases/{id}", get(cases::stored::<S>))
        .route("/cases/{id}/status", get(cases::status::<S>))
        .route("/cases/{id}/card", get(cases::card::<S>))
        .route("/cases/{id}/log", get(cases::log::<S>))
        .route("/cases/{id}/events", post(cases::event::<S>))
        .route("/procedures/cases", get(cases::list::<S>))
        .route("/outbox", get(admin::outbox::<S>))
        .route("/outbox/take", post(admin::take::<S>))
        .route("/admin/reload", post(admin::reload::<S>))
        .route("/admin/advance", post(admin::advance::<S>))
        .route("/health", get(admin::health::<S>))
        .route("/metrics", get(admin::metrics::<S>))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(app)
}

/// The language a request asks for.
pub(crate) fn words(query_lang: Option<&str>, headers: &HeaderMap) -> Words {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Words::of(query_lang, accept)
}

/// A JSON answer.
pub(crate) fn answer(status: u16, body: &serde_json::Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        answer(self.status, &self.body())
    }
}

async fn not_found(headers: HeaderMap) -> Refusal {
    let w = words(None, &headers);
    Refusal::new(
        404,
        "no-such-route",
        w.pick(
            "tidak ada alamat ini; lihat docs/server.md untuk daftar alamat".to_string(),
            "no such route; docs/server.md lists the routes".to_string(),
        ),
    )
}

/// Reads a JSON body, or says in the request's language why it is not what was expected.
pub(crate) fn body<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    what: (&str, &str),
    w: Words,
) -> Result<T, Refusal> {
    serde_json::from_slice(bytes).map_err(|e| {
        let reason = sopan::interp::scenario::explain(&e.to_string(), w.lang());
        Refusal::new(
            400,
            "bad-request",
            w.pick(
                format!("isi permintaan bukan {} (JSON): {reason}", what.0),
                format!("the request body is not {} (JSON): {e}", what.1),
            ),
        )
    })
}

/// A request body as read, or why it could not be (over [`MAX_BODY_BYTES`]: 413).
pub(crate) type RawBody = Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>;

/// The body's bytes, or a refusal in the request's language.
pub(crate) fn bytes(raw: RawBody, w: Words) -> Result<axum::body::Bytes, Refusal> {
    raw.map_err(|e| {
        let status = e.status().as_u16();
        Refusal::new(
            status,
            if status == 413 {
                "too-large"
            } else {
                "bad-request"
            },
            w.pick(
                format!(
                    "isi permintaan tidak terbaca (paling banyak {} KiB): {e}",
                    MAX_BODY_BYTES / 1024
                ),
                format!(
                    "the request body cannot be read (at most {} KiB): {e}",
                    MAX_BODY_BYTES / 1024
                ),
            ),
        )
    })
}

/// An instant given in a query.
pub(crate) fn instant(text: &str, w: Words) -> Result<jiff::Timestamp, Refusal> {
    sopan::time::instant(text).ok_or_else(|| {
        Refusal::new(
            400,
            "bad-instant",
            w.pick(
                format!("`{text}` bukan saat seperti 2026-03-02T08:00:00+07:00"),
                format!("`{text}` is not an instant such as 2026-03-02T08:00:00+07:00"),
            ),
        )
    })
}
