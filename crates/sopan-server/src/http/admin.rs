//! The outbox, reloading standards, passing time by hand, health and metrics.

use super::{answer, body, bytes, words, App, Clock, RawBody};
use crate::refusal::Refusal;
use crate::store::Store;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;

/// Query parameters of these routes.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    lang: Option<String>,
    case: Option<String>,
    limit: Option<usize>,
}

type Q = Result<Query<Params>, axum::extract::rejection::QueryRejection>;

fn params(q: Q) -> Params {
    q.map(|Query(p)| p).unwrap_or_default()
}

/// The most actions one outbox call returns.
const MAX_OUTBOX: usize = 1000;

/// `GET /outbox?case=…`: actions waiting, oldest first (not taken).
pub(crate) async fn outbox<S: Store>(
    State(app): State<Arc<App<S>>>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    let p = params(q);
    let w = words(p.lang.as_deref(), &headers);
    let limit = p.limit.unwrap_or(100).min(MAX_OUTBOX);
    match app.store.outbox(p.case.as_deref(), limit).await {
        Ok(rows) => answer(200, &serde_json::json!({ "actions": rows })),
        Err(e) => Refusal::store(&e, w).into_response(),
    }
}

/// `POST /outbox/take?limit=…`: takes actions from the outbox; each is handed out once,
/// to one caller, whatever number of servers or senders drain it.
pub(crate) async fn take<S: Store>(
    State(app): State<Arc<App<S>>>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    let p = params(q);
    let w = words(p.lang.as_deref(), &headers);
    let limit = p.limit.unwrap_or(100).min(MAX_OUTBOX);
    match app.store.take(limit).await {
        Ok(rows) => answer(200, &serde_json::json!({ "actions": rows })),
        Err(e) => Refusal::store(&e, w).into_response(),
    }
}

/// `POST /admin/reload`: loads the standards root again. Refused, keeping what runs, when a
/// standard has errors. Cases keep the content they were opened on.
pub(crate) async fn reload<S: Store>(
    State(app): State<Arc<App<S>>>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    let w = words(params(q).lang.as_deref(), &headers);
    let cat = app.catalog();
    match cat.reload(w) {
        Ok((fresh, changed)) => {
            let generations = fresh.generations();
            let standards = fresh.current().standards().len();
            app.replace(fresh);
            answer(
                200,
                &serde_json::json!({ "standards": standards, "changed": changed, "generations": generations }),
            )
        }
        Err(why) => Refusal::new(422, "standards-have-errors", why).into_response(),
    }
}

/// The body of `POST /admin/advance`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    at: String,
}

/// `POST /admin/advance {"at": …}`: with `--clock manual`, lets time pass to `at`: every
/// case with a timer due by then is advanced and its actions go to the outbox.
pub(crate) async fn advance<S: Store>(
    State(app): State<Arc<App<S>>>,
    q: Q,
    headers: HeaderMap,
    raw: RawBody,
) -> Response {
    let w = words(params(q).lang.as_deref(), &headers);
    let go = async {
        if app.clock != Clock::Manual {
            return Err(Refusal::new(
                409,
                "system-clock",
                w.pick(
                    "server berjalan dengan jam sistem; waktu hanya dapat dimajukan dengan `--clock manual`".to_string(),
                    "the server runs on the system clock; time can be moved only with `--clock manual`".to_string(),
                ),
            ));
        }
        let req: Advance = body(
            &bytes(raw, w)?,
            ("`{\"at\": saat}`", "`{\"at\": instant}`"),
            w,
        )?;
        let at = super::instant(&req.at, w)?;
        crate::timers::set_manual(&app, at);
        let advanced = crate::timers::fire(&app, at)
            .await
            .map_err(|e| Refusal::store(&e, w))?;
        // The instant as the host wrote it, offset and all.
        Ok(answer(
            200,
            &serde_json::json!({ "at": req.at, "advanced": advanced }),
        ))
    };
    go.await.unwrap_or_else(IntoResponse::into_response)
}

/// `GET /health`: the store answers and standards are loaded.
pub(crate) async fn health<S: Store>(State(app): State<Arc<App<S>>>) -> Response {
    let cat = app.catalog();
    match app.store.counts().await {
        Ok(c) => answer(
            200,
            &serde_json::json!({
                "status": "ok",
                "store": app.store.engine(),
                "standards": cat.current().standards().len(),
                "cases": c.cases,
            }),
        ),
        Err(e) => answer(
            503,
            &serde_json::json!({ "status": "unavailable", "store": app.store.engine(), "message": e.to_string() }),
        ),
    }
}

/// `GET /metrics`: Prometheus text format.
pub(crate) async fn metrics<S: Store>(State(app): State<Arc<App<S>>>) -> Response {
    let counts = app.store.counts().await.ok();
    let cat = app.catalog();
    let text = app
        .metrics
        .render(counts, cat.current().standards().len(), cat.generations());
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        text,
    )
        .into_response()
}
