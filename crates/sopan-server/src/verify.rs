//! The store checked against itself: every case's log, replayed from its opening, must give
//! its stored form, and the actions each entry asked for must be the ones in the outbox, each
//! once. What the crash test runs after `kill -9`, and `sopan-serve verify` on demand.

use crate::catalog::{Catalog, Found};
use crate::store::{LogRow, OutboxRow, Row, Store, StoreError};
use jiff::Timestamp;
use serde_json::Value;
use sopan::interp::{Action, Case, Context, Event};

/// What the walk found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Cases checked.
    pub cases: usize,
    /// Log entries replayed.
    pub entries: usize,
    /// Actions compared.
    pub actions: usize,
    /// Every disagreement, `case: what`.
    pub problems: Vec<String>,
}

/// Checks every case in the store.
pub async fn all<S: Store>(store: &S, cat: &Catalog) -> Result<Report, StoreError> {
    let mut report = Report::default();
    let mut after = String::new();
    loop {
        let ids = store.ids(&after, 1000).await?;
        let Some(last) = ids.last().cloned() else {
            break;
        };
        for id in ids {
            let Some(got) = store.get(&id, None).await? else {
                continue;
            };
            let log = store.log(&id).await?;
            let actions = store.actions(&id).await?;
            report.cases += 1;
            report.entries += log.len();
            report.actions += actions.len();
            if let Err(why) = one(cat, &got.row, &log, &actions) {
                report.problems.push(format!("{id}: {why}"));
            }
        }
        after = last;
    }
    Ok(report)
}

/// Checks one case: its log replays to its stored form and its actions.
pub fn one(cat: &Catalog, row: &Row, log: &[LogRow], outbox: &[OutboxRow]) -> Result<(), String> {
    let ctx = match cat.find(&row.standard, &row.procedure, &row.hash) {
        Ok(Found::Same(ctx) | Found::Migrate(ctx)) => ctx,
        Err(m) => return Err(format!("its standard cannot be had: {m:?}")),
    };
    let seqs: Vec<i64> = log.iter().map(|l| l.seq).collect();
    if seqs != (1..=row.version).collect::<Vec<_>>() {
        return Err(format!("log entries {seqs:?} for version {}", row.version));
    }
    let mut case: Option<Case> = None;
    let mut expected: Vec<(i64, Value)> = Vec::new();
    for entry in log {
        let actions = replay(&ctx, &mut case, entry)?;
        let zone = ctx.standard_ref().zone;
        expected.extend(
            actions
                .iter()
                .map(|a| (entry.seq, sopan::render::zoned::to_value(a, zone))),
        );
    }
    let case = case.ok_or("no opening in the log")?;
    if case.to_json(&ctx) != row.doc {
        return Err("the log does not replay to the stored form".into());
    }
    let found: Vec<(i64, Value)> = outbox
        .iter()
        .map(|o| {
            (
                o.seq,
                serde_json::from_str(&o.action).unwrap_or(Value::Null),
            )
        })
        .collect();
    if found != expected {
        return Err(format!(
            "{} actions in the outbox, {} from the log{}",
            found.len(),
            expected.len(),
            first_difference(&found, &expected)
        ));
    }
    Ok(())
}

fn first_difference(found: &[(i64, Value)], expected: &[(i64, Value)]) -> String {
    found
        .iter()
        .zip(expected)
        .find(|(a, b)| a != b)
        .map(|(a, b)| format!("; first difference: {a:?} against {b:?}"))
        .unwrap_or_default()
}

fn replay(
    ctx: &Context<'_>,
    case: &mut Option<Case>,
    entry: &LogRow,
) -> Result<Vec<Action>, String> {
    let bad = |what: &str| format!("log entry {} ({}): {what}", entry.seq, entry.kind);
    match (entry.kind.as_str(), case.as_mut()) {
        ("open", None) => {
            let v: Value = serde_json::from_str(&entry.body).map_err(|e| bad(&e.to_string()))?;
            let id = v["id"].as_str().ok_or_else(|| bad("no id"))?;
            let at = v["at"]
                .as_str()
                .and_then(sopan::time::instant)
                .ok_or_else(|| bad("no instant"))?;
            let (opened, actions) = Case::open(ctx, id, at).map_err(|e| bad(&e.to_string()))?;
            *case = Some(opened);
            Ok(actions)
        }
        ("event", Some(c)) => {
            let event: Event =
                serde_json::from_str(&entry.body).map_err(|e| bad(&e.to_string()))?;
            c.apply(ctx, event).map_err(|e| bad(&e.to_string()))
        }
        ("advance", Some(c)) => {
            let now: Timestamp = entry.body.parse().map_err(|_| bad("not an instant"))?;
            Ok(c.advance(ctx, now))
        }
        _ => Err(bad("out of place")),
    }
}
