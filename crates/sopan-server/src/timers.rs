//! Timers: cases whose `advance` is due are claimed and advanced, their actions written to
//! the outbox. With the system clock, every second; with a manual clock, when told.

use crate::engine;
use crate::http::{App, Clock};
use crate::store::{Claimed, Row, Store, StoreError};
use jiff::Timestamp;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Cases claimed per transaction.
const BATCH: usize = 256;

/// The server's current instant: the system clock, or the manual clock's last setting.
pub fn now<S: Store>(app: &App<S>) -> Timestamp {
    match app.clock {
        Clock::System => Timestamp::now(),
        Clock::Manual => Timestamp::from_second(app.manual_now.load(Ordering::Relaxed))
            .unwrap_or(Timestamp::UNIX_EPOCH),
    }
}

/// Sets the manual clock (it never goes back).
pub fn set_manual<S: Store>(app: &App<S>, at: Timestamp) {
    app.manual_now.fetch_max(at.as_second(), Ordering::Relaxed);
}

/// Advances every case due by `now`; returns how many were claimed.
pub async fn fire<S: Store>(app: &App<S>, now: Timestamp) -> Result<usize, StoreError> {
    let cat = app.catalog();
    let work = |row: &Row| -> Claimed {
        let (claimed, why) = engine::advance(&cat, row, now);
        if let Some(why) = why {
            eprintln!("sopan-serve: {} ({}): {}", row.id, why.code, why.message);
        }
        claimed
    };
    let mut total = 0;
    loop {
        let n = app.store.claim_due(now.as_second(), BATCH, &work).await?;
        total += n;
        if n < BATCH {
            break;
        }
    }
    app.metrics.advanced(total);
    Ok(total)
}

/// With the system clock: fires due timers every second, for as long as the server runs.
pub async fn run<S: Store>(app: Arc<App<S>>) {
    if app.clock != Clock::System {
        return;
    }
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = fire(&app, Timestamp::now()).await {
            eprintln!("sopan-serve: timers: {e}");
        }
    }
}
