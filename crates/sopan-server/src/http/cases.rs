//! Opening cases, applying events, reading them back, listing them per procedure.

use super::{answer, body, bytes, instant, words, App, RawBody};
use crate::engine::{self, Opening};
use crate::refusal::Refusal;
use crate::store::{Got, Listing, Saved, Store};
use crate::words::Words;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sopan::interp::Event;
use std::sync::Arc;
use std::time::Instant;

/// How often an event is tried again when another write to the same case came first.
const RETRIES: usize = 8;

/// The longest idempotency key.
const MAX_KEY_BYTES: usize = 256;

/// Query parameters the case routes take.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    lang: Option<String>,
    at: Option<String>,
    standard: Option<String>,
    procedure: Option<String>,
    list: Option<String>,
    limit: Option<usize>,
}

type Q = Result<Query<Params>, axum::extract::rejection::QueryRejection>;

fn params(q: Q) -> Params {
    q.map(|Query(p)| p).unwrap_or_default()
}

/// `POST /cases`: opens a case.
pub(crate) async fn open<S: Store>(
    State(app): State<Arc<App<S>>>,
    q: Q,
    headers: HeaderMap,
    raw: RawBody,
) -> Response {
    let p = params(q);
    let w = words(p.lang.as_deref(), &headers);
    let go = async {
        let req: Opening = body(&bytes(raw, w)?, ("pembukaan perkara", "a case opening"), w)?;
        let cat = app.catalog();
        let done = engine::open(&cat, &req, w)?;
        match app
            .store
            .create(&done.write)
            .await
            .map_err(|e| Refusal::store(&e, w))?
        {
            Saved::Done => {
                app.metrics.opened();
                app.metrics.actions(done.write.actions.len());
                Ok(answer(201, &done.answer))
            }
            Saved::Conflict => Err(Refusal::new(
                409,
                "case-exists",
                w.pick(
                    format!("perkara `{}` sudah ada", req.id),
                    format!("the case `{}` exists already", req.id),
                ),
            )),
        }
    };
    go.await.unwrap_or_else(IntoResponse::into_response)
}

/// `POST /cases/{id}/events`: applies an event. An `Idempotency-Key` header makes a repeated
/// request give the first answer without applying the event twice; `If-Match: <version>`
/// refuses the event when the case has changed since the host read it.
pub(crate) async fn event<S: Store>(
    State(app): State<Arc<App<S>>>,
    Path(id): Path<String>,
    q: Q,
    headers: HeaderMap,
    raw: RawBody,
) -> Response {
    let started = Instant::now();
    let p = params(q);
    let w = words(p.lang.as_deref(), &headers);
    let result = match bytes(raw, w) {
        Ok(b) => apply(&app, &id, &headers, &b, w).await,
        Err(refused) => Err(refused),
    };
    app.metrics.event(result.is_ok(), started.elapsed());
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn apply<S: Store>(
    app: &App<S>,
    id: &str,
    headers: &HeaderMap,
    bytes: &[u8],
    w: Words,
) -> Result<Response, Refusal> {
    let key = header(headers, "idempotency-key", w)?;
    if key.as_ref().is_some_and(|k| k.len() > MAX_KEY_BYTES) {
        return Err(Refusal::new(
            400,
            "bad-idempotency-key",
            w.pick(
                format!("`Idempotency-Key` lebih dari {MAX_KEY_BYTES} bita"),
                format!("`Idempotency-Key` is longer than {MAX_KEY_BYTES} bytes"),
            ),
        ));
    }
    let expected = match header(headers, "if-match", w)? {
        None => None,
        Some(v) => Some(v.trim_matches('"').parse::<i64>().map_err(|_| {
            Refusal::new(
                400,
                "bad-if-match",
                w.pick(
                    format!("`If-Match` harus versi perkara (angka), bukan `{v}`"),
                    format!("`If-Match` must be the case's version (a number), not `{v}`"),
                ),
            )
        })?),
    };
    let event: Event = body(bytes, ("kejadian", "an event"), w)?;
    for _ in 0..RETRIES {
        let got = find(app, id, key.as_deref(), w).await?;
        if let Some(first) = got.replay {
            let first: serde_json::Value = serde_json::from_str(&first).unwrap_or_default();
            let mut response = answer(200, &first);
            response.headers_mut().insert(
                "idempotent-replayed",
                axum::http::HeaderValue::from_static("true"),
            );
            return Ok(response);
        }
        if let Some(v) = expected.filter(|v| *v != got.row.version) {
            return Err(stale(id, v, got.row.version, w));
        }
        let cat = app.catalog();
        let done = engine::apply(&cat, &got.row, event.clone(), key.clone(), w)?;
        match app
            .store
            .save(&done.write)
            .await
            .map_err(|e| Refusal::store(&e, w))?
        {
            Saved::Done => {
                app.metrics.actions(done.write.actions.len());
                return Ok(answer(200, &done.answer));
            }
            Saved::Conflict => app.metrics.conflict(),
        }
    }
    Err(Refusal::new(
        503,
        "busy",
        w.pick(
            format!("perkara `{id}` sedang diubah terus-menerus; coba lagi"),
            format!("the case `{id}` keeps changing; try again"),
        ),
    ))
}

fn stale(id: &str, expected: i64, now: i64, w: Words) -> Refusal {
    Refusal::new(
        412,
        "stale-version",
        w.pick(
            format!("perkara `{id}` sudah berubah: versinya {now}, bukan {expected}; baca lagi lalu ulangi"),
            format!("the case `{id}` has changed: it is at version {now}, not {expected}; read it again and retry"),
        ),
    )
}

fn header(headers: &HeaderMap, name: &str, w: Words) -> Result<Option<String>, Refusal> {
    match headers.get(name) {
        None => Ok(None),
        Some(v) => v.to_str().map(|s| Some(s.to_string())).map_err(|_| {
            Refusal::new(
                400,
                "bad-header",
                w.pick(
                    format!("kepala `{name}` bukan teks ASCII"),
                    format!("the header `{name}` is not ASCII text"),
                ),
            )
        }),
    }
}

async fn find<S: Store>(
    app: &App<S>,
    id: &str,
    key: Option<&str>,
    w: Words,
) -> Result<Got, Refusal> {
    app.store
        .get(id, key)
        .await
        .map_err(|e| Refusal::store(&e, w))?
        .ok_or_else(|| {
            Refusal::new(
                404,
                "unknown-case",
                w.pick(
                    format!("tidak ada perkara `{id}`"),
                    format!("there is no case `{id}`"),
                ),
            )
        })
}

/// `GET /cases/{id}`: the stored case and its version.
pub(crate) async fn stored<S: Store>(
    State(app): State<Arc<App<S>>>,
    Path(id): Path<String>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    let w = words(params(q).lang.as_deref(), &headers);
    let go = async {
        let got = find(&app, &id, None, w).await?;
        let doc: serde_json::Value = serde_json::from_str(&got.row.doc).unwrap_or_default();
        Ok::<_, Refusal>(answer(
            200,
            &serde_json::json!({ "case": id, "version": got.row.version, "stored": doc }),
        ))
    };
    go.await.unwrap_or_else(IntoResponse::into_response)
}

/// `GET /cases/{id}/status?at=…`: position, clocks, control card.
pub(crate) async fn status<S: Store>(
    State(app): State<Arc<App<S>>>,
    Path(id): Path<String>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    read(app, id, params(q), headers, |v| v).await
}

/// `GET /cases/{id}/card`: the control card alone.
pub(crate) async fn card<S: Store>(
    State(app): State<Arc<App<S>>>,
    Path(id): Path<String>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    read(
        app,
        id,
        params(q),
        headers,
        |v| serde_json::json!({ "case": v["case"], "version": v["version"], "card": v["card"] }),
    )
    .await
}

async fn read<S: Store>(
    app: Arc<App<S>>,
    id: String,
    p: Params,
    headers: HeaderMap,
    shape: impl FnOnce(serde_json::Value) -> serde_json::Value,
) -> Response {
    let w = words(p.lang.as_deref(), &headers);
    let go = async {
        let at = p.at.as_deref().map(|a| instant(a, w)).transpose()?;
        let got = find(&app, &id, None, w).await?;
        let cat = app.catalog();
        let v = engine::status(&cat, &got.row, at, w)?;
        Ok::<_, Refusal>(answer(200, &shape(v)))
    };
    go.await.unwrap_or_else(IntoResponse::into_response)
}

/// `GET /cases/{id}/log`: everything that changed the case, in order.
pub(crate) async fn log<S: Store>(
    State(app): State<Arc<App<S>>>,
    Path(id): Path<String>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    let w = words(params(q).lang.as_deref(), &headers);
    let go = async {
        find(&app, &id, None, w).await?;
        let rows = app
            .store
            .log(&id)
            .await
            .map_err(|e| Refusal::store(&e, w))?;
        let rows: Vec<_> = rows
            .iter()
            .map(|r| serde_json::json!({ "version": r.seq, "kind": r.kind, "body": r.body, "key": r.key }))
            .collect();
        Ok::<_, Refusal>(answer(200, &serde_json::json!({ "case": id, "log": rows })))
    };
    go.await.unwrap_or_else(IntoResponse::into_response)
}

/// `GET /procedures/cases?standard=…&procedure=…&list=overdue|at_risk|due&at=…`: one
/// procedure's cases whose clock ran out, is at risk, or whose timers are due.
pub(crate) async fn list<S: Store>(
    State(app): State<Arc<App<S>>>,
    q: Q,
    headers: HeaderMap,
) -> Response {
    let p = params(q);
    let w = words(p.lang.as_deref(), &headers);
    let go = async {
        let need = |v: &Option<String>, name: &str| {
            v.clone().ok_or_else(|| {
                Refusal::new(
                    400,
                    "missing-parameter",
                    w.pick(
                        format!("parameter `{name}` diperlukan"),
                        format!("the parameter `{name}` is required"),
                    ),
                )
            })
        };
        let (standard, procedure) = (
            need(&p.standard, "standard")?,
            need(&p.procedure, "procedure")?,
        );
        let listing = match p.list.as_deref().unwrap_or("overdue") {
            "overdue" | "terlambat" => Listing::Overdue,
            "at_risk" | "berisiko" => Listing::AtRisk,
            "due" | "jatuh_tempo" => Listing::Due,
            other => {
                return Err(Refusal::new(
                    400,
                    "bad-list",
                    w.pick(
                        format!("`list` harus `overdue`, `at_risk` atau `due`, bukan `{other}`"),
                        format!("`list` must be `overdue`, `at_risk` or `due`, not `{other}`"),
                    ),
                ))
            }
        };
        let cat = app.catalog();
        let ctx = cat.open(&standard, &procedure).map_err(|_| {
            Refusal::new(
                404,
                "unknown-procedure",
                w.pick(
                    format!("tidak ada prosedur `{procedure}` pada standar `{standard}`"),
                    format!("there is no procedure `{procedure}` in the standard `{standard}`"),
                ),
            )
        })?;
        let zone = ctx.standard_ref().zone;
        let now = match p.at.as_deref() {
            Some(a) => instant(a, w)?,
            None => crate::timers::now(&app),
        };
        let limit = p.limit.unwrap_or(100).min(10_000);
        let rows = app
            .store
            .list(&standard, &procedure, listing, now.as_second(), limit)
            .await
            .map_err(|e| Refusal::store(&e, w))?;
        let show = |s: Option<i64>| {
            s.and_then(|s| jiff::Timestamp::from_second(s).ok())
                .map(|t| zone.rfc3339(t))
        };
        let cases: Vec<_> = rows
            .iter()
            .map(|r| serde_json::json!({ "case": r.id, "deadline": show(r.deadline_at), "next_due": show(r.due_at) }))
            .collect();
        Ok(answer(
            200,
            &serde_json::json!({ "standard": standard, "procedure": procedure, "now": zone.rfc3339(now), "cases": cases }),
        ))
    };
    go.await.unwrap_or_else(IntoResponse::into_response)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stale_version_says_both() {
        let r = super::stale("A", 3, 5, crate::words::Words::ID);
        assert_eq!(r.status, 412);
        assert!(r.message.contains("versinya 5, bukan 3"), "{}", r.message);
    }
}
