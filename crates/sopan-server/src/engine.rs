//! What the server does to a case, without I/O: open it, apply an event, let time pass, read
//! it — each from its stored row to the row to store, the log entry, the outbox's actions and
//! the answer. The store writes; the HTTP layer speaks.

use crate::catalog::{Catalog, Found, Missing};
use crate::refusal::Refusal;
use crate::store::{Claimed, Kind, Row, Write};
use crate::words::Words;
use jiff::Timestamp;
use serde_json::{json, Value};
use sopan::interp::{Action, Case, ClockState, Context, Event, ResumeError, AT_RISK_PERCENT};
use sopan::time::Measure;

/// How long a due case that cannot be resumed waits before the timer tries it again.
pub const RETRY_SECONDS: i64 = 3600;

/// A request to open a case.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// The standard's file, relative to the standards root.
    pub standard: String,
    /// The procedure.
    pub procedure: String,
    /// The host's case id.
    pub id: String,
    /// When it was opened.
    #[serde(deserialize_with = "sopan::time::de_instant")]
    pub at: Timestamp,
}

/// A change to store and the answer to give.
pub struct Changed {
    /// The write.
    pub write: Write,
    /// The answer (JSON), also kept in the log for a repeated request.
    pub answer: Value,
}

/// Opens a case on the current content of its standard.
pub fn open(cat: &Catalog, req: &Opening, w: Words) -> Result<Changed, Refusal> {
    let ctx = cat
        .open(&req.standard, &req.procedure)
        .map_err(|m| missing(&m, w))?;
    let (case, actions) =
        Case::open(&ctx, &req.id, req.at).map_err(|e| Refusal::event(&e, &ctx, w))?;
    let body = serde_json::to_string(&json!({
        "standard": req.standard, "procedure": req.procedure, "id": req.id, "at": req.at,
    }))
    .unwrap_or_default();
    Ok(changed(
        &ctx,
        &case,
        1,
        Kind::Open,
        body,
        None,
        &actions,
        req.at,
    ))
}

/// Applies an event to a stored case.
pub fn apply(
    cat: &Catalog,
    row: &Row,
    event: Event,
    key: Option<String>,
    w: Words,
) -> Result<Changed, Refusal> {
    let (ctx, mut case) = resume(cat, row, w)?;
    let at = event.at();
    let body = serde_json::to_string(&event).unwrap_or_default();
    let actions = case
        .apply(&ctx, event)
        .map_err(|e| Refusal::event(&e, &ctx, w))?;
    Ok(changed(
        &ctx,
        &case,
        row.version + 1,
        Kind::Event,
        body,
        key,
        &actions,
        at,
    ))
}

/// Lets time pass on a stored case up to `now`, for the timer loop. A case that cannot be
/// resumed (its standard changed, no migration declared) is set aside for an hour — a
/// migration declared and reloaded meanwhile lets it go on — and the reason is returned for
/// the server's log.
pub fn advance(cat: &Catalog, row: &Row, now: Timestamp) -> (Claimed, Option<Refusal>) {
    let (ctx, mut case) = match resume(cat, row, Words::ID) {
        Ok(found) => found,
        Err(why) => {
            return (
                Claimed::Due(Some(now.as_second() + RETRY_SECONDS)),
                Some(why),
            )
        }
    };
    if case.next_due().is_none_or(|due| due > now) {
        return (
            Claimed::Due(case.next_due().map(Timestamp::as_second)),
            None,
        );
    }
    let actions = case.advance(&ctx, now);
    let body = now.to_string();
    let done = changed(
        &ctx,
        &case,
        row.version + 1,
        Kind::Advance,
        body,
        None,
        &actions,
        now,
    );
    (Claimed::Write(Box::new(done.write)), None)
}

/// A stored case read at `at` (default: its latest event): state, clocks, control card.
pub fn status(cat: &Catalog, row: &Row, at: Option<Timestamp>, w: Words) -> Result<Value, Refusal> {
    let (ctx, case) = resume(cat, row, w)?;
    let now = at.unwrap_or_else(|| case.last());
    let state = case
        .status(&ctx, now)
        .map_err(|e| Refusal::event(&e, &ctx, w))?;
    let v = json!({
        "case": case.id(),
        "version": row.version,
        "standard": row.standard,
        "procedure": row.procedure,
        "now": now,
        "state": state,
        "card": case.card(&ctx),
        "next_due": case.next_due(),
    });
    Ok(sopan::render::zoned::to_value(&v, ctx.standard_ref().zone))
}

/// The stored case on the content it runs on.
fn resume<'c>(cat: &'c Catalog, row: &Row, w: Words) -> Result<(Context<'c>, Case), Refusal> {
    let found = cat
        .find(&row.standard, &row.procedure, &row.hash)
        .map_err(|m| missing(&m, w))?;
    let (ctx, case) = match found {
        Found::Same(ctx) => {
            let case = Case::resume(&ctx, &row.doc);
            (ctx, case)
        }
        Found::Migrate(ctx) => {
            let case = Case::migrate(&ctx, &row.doc);
            (ctx, case)
        }
    };
    let case = case.map_err(|e| resume_failed(&e, &row.id, w))?;
    Ok((ctx, case))
}

#[allow(clippy::too_many_arguments)]
fn changed(
    ctx: &Context<'_>,
    case: &Case,
    version: i64,
    kind: Kind,
    body: String,
    key: Option<String>,
    actions: &[Action],
    at: Timestamp,
) -> Changed {
    let zone = ctx.standard_ref().zone;
    let state = case.status(ctx, at).ok();
    let (deadline_at, risk_at) = state.as_ref().map_or((None, None), |s| watch(ctx, s, at));
    let finished = state.as_ref().is_some_and(|s| s.finished);
    let answer = sopan::render::zoned::to_value(
        &json!({
            "case": case.id(),
            "version": version,
            "actions": actions,
            "next_due": case.next_due(),
            "state": state,
        }),
        zone,
    );
    let doc = case.to_json(ctx);
    let write = Write {
        row: Row {
            id: case.id().to_string(),
            standard: ctx.standard_ref().file.clone(),
            procedure: ctx.standard_ref().procedure.clone(),
            hash: ctx.standard_ref().hash.clone(),
            doc,
            version,
        },
        due_at: case.next_due().map(Timestamp::as_second),
        deadline_at,
        risk_at,
        finished,
        kind,
        body,
        key,
        response: answer.to_string(),
        actions: actions
            .iter()
            .map(|a| sopan::render::zoned::to_value(a, zone).to_string())
            .collect(),
    };
    Changed { write, answer }
}

/// When the earliest running clock runs out, and when it reaches the at-risk share of its
/// budget (both unix seconds), read at `at`.
fn watch(
    ctx: &Context<'_>,
    state: &sopan::interp::Status,
    at: Timestamp,
) -> (Option<i64>, Option<i64>) {
    let mut deadline: Option<i64> = None;
    let mut risk: Option<i64> = None;
    let earliest = |slot: &mut Option<i64>, t: i64| *slot = Some(slot.map_or(t, |s| s.min(t)));
    for c in &state.clocks {
        let Some(due) = c.due else { continue };
        match c.status {
            ClockState::OnTrack => {
                earliest(&mut deadline, due.as_second());
                let (Some(budget), Some(left)) = (c.budget_minutes, c.remaining_minutes) else {
                    continue;
                };
                let until_risk = (left - budget * (100 - AT_RISK_PERCENT) / 100).max(0) * 60;
                let when = match c.measure {
                    Measure::Wall => Some(at.as_second() + until_risk),
                    Measure::Working => ctx.calendar().and_then(|cal| {
                        cal.add_working_time(at, u64::try_from(until_risk).unwrap_or(0))
                            .ok()
                            .map(|t| t.value.as_second())
                    }),
                };
                if let Some(t) = when {
                    earliest(&mut risk, t);
                }
            }
            ClockState::AtRisk | ClockState::Breached => {
                earliest(&mut deadline, due.as_second());
                earliest(&mut risk, at.as_second());
            }
            ClockState::Waiting | ClockState::Paused | ClockState::Finished => {}
        }
    }
    (deadline, risk)
}

fn missing(m: &Missing, w: Words) -> Refusal {
    match m {
        Missing::Standard(file) => Refusal::new(
            404,
            "unknown-standard",
            w.pick(
                format!("standar `{file}` tidak ada di folder standar server"),
                format!("the standard `{file}` is not in the server's standards root"),
            ),
        ),
        Missing::Procedure(file, p) => Refusal::new(
            404,
            "unknown-procedure",
            w.pick(
                format!("standar `{file}` tidak punya prosedur `{p}`"),
                format!("the standard `{file}` has no procedure `{p}`"),
            ),
        ),
        Missing::Changed { standard, was, now } => Refusal::new(
            409,
            "standard-changed",
            w.pick(
                format!("standar `{standard}` berubah sejak perkara dibuka (isi {was} → {now}); perkara tidak dihitung ulang diam-diam: nyatakan migrasi di `migrasi.yaml` bila perubahan ini disengaja"),
                format!("the standard `{standard}` changed since the case was opened (content {was} → {now}); cases are never silently recomputed: declare a migration in `migrasi.yaml` if the change is deliberate"),
            ),
        ),
    }
}

fn resume_failed(e: &ResumeError, id: &str, w: Words) -> Refusal {
    Refusal::new(
        409,
        "case-not-resumable",
        w.pick(
            format!("perkara `{id}` tersimpan tidak dapat dilanjutkan: {e}"),
            format!("the stored case `{id}` cannot be resumed: {e}"),
        ),
    )
}
