//! Counters for `/metrics`, in Prometheus' text format. Lock-free: one atomic per number.

use crate::store::Counts;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

/// Upper bounds of the event latency buckets, in microseconds.
const BUCKETS_US: [u64; 10] = [
    500, 1_000, 2_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000,
];

/// The server's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    opened: AtomicU64,
    applied: AtomicU64,
    refused: AtomicU64,
    conflicts: AtomicU64,
    actions: AtomicU64,
    advanced: AtomicU64,
    buckets: [AtomicU64; BUCKETS_US.len()],
    latency_count: AtomicU64,
    latency_sum_us: AtomicU64,
}

impl Metrics {
    /// A case was opened.
    pub fn opened(&self) {
        self.opened.fetch_add(1, Relaxed);
    }

    /// An event request was answered (applied or refused) after `took`.
    pub fn event(&self, applied: bool, took: Duration) {
        if applied {
            self.applied.fetch_add(1, Relaxed);
        } else {
            self.refused.fetch_add(1, Relaxed);
        }
        let us = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        for (bound, count) in BUCKETS_US.iter().zip(&self.buckets) {
            if us <= *bound {
                count.fetch_add(1, Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Relaxed);
        self.latency_sum_us.fetch_add(us, Relaxed);
    }

    /// Another write to the same case came first; the event was tried again.
    pub fn conflict(&self) {
        self.conflicts.fetch_add(1, Relaxed);
    }

    /// Actions written to the outbox.
    pub fn actions(&self, n: usize) {
        self.actions
            .fetch_add(u64::try_from(n).unwrap_or(0), Relaxed);
    }

    /// Cases advanced by the timer.
    pub fn advanced(&self, n: usize) {
        self.advanced
            .fetch_add(u64::try_from(n).unwrap_or(0), Relaxed);
    }

    /// The text of `/metrics`.
    pub fn render(&self, counts: Option<Counts>, standards: usize, generations: usize) -> String {
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, v: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}"
            );
        };
        counter(
            "sopan_cases_opened_total",
            "Cases opened by this server.",
            self.opened.load(Relaxed),
        );
        counter(
            "sopan_events_applied_total",
            "Events applied.",
            self.applied.load(Relaxed),
        );
        counter(
            "sopan_events_refused_total",
            "Event requests refused (by the standard or as malformed).",
            self.refused.load(Relaxed),
        );
        counter(
            "sopan_write_conflicts_total",
            "Writes retried because another write to the case came first.",
            self.conflicts.load(Relaxed),
        );
        counter(
            "sopan_actions_total",
            "Actions written to the outbox.",
            self.actions.load(Relaxed),
        );
        counter(
            "sopan_timer_claims_total",
            "Due cases claimed by the timer.",
            self.advanced.load(Relaxed),
        );
        let _ = writeln!(out, "# HELP sopan_event_seconds Time to answer an event request.\n# TYPE sopan_event_seconds histogram");
        for (bound, count) in BUCKETS_US.iter().zip(&self.buckets) {
            let _ = writeln!(
                out,
                "sopan_event_seconds_bucket{{le=\"{}\"}} {}",
                *bound as f64 / 1e6,
                count.load(Relaxed)
            );
        }
        let n = self.latency_count.load(Relaxed);
        let _ = writeln!(out, "sopan_event_seconds_bucket{{le=\"+Inf\"}} {n}");
        let _ = writeln!(
            out,
            "sopan_event_seconds_sum {}",
            self.latency_sum_us.load(Relaxed) as f64 / 1e6
        );
        let _ = writeln!(out, "sopan_event_seconds_count {n}");
        let mut gauge = |name: &str, help: &str, v: i64| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        };
        gauge(
            "sopan_standards",
            "Standards loaded.",
            i64::try_from(standards).unwrap_or(0),
        );
        gauge(
            "sopan_standard_generations",
            "Contents loaded (current and older ones still running cases).",
            i64::try_from(generations).unwrap_or(0),
        );
        if let Some(c) = counts {
            gauge("sopan_cases", "Cases stored.", c.cases);
            gauge("sopan_cases_open", "Cases not ended.", c.open);
            gauge(
                "sopan_outbox_waiting",
                "Actions not yet taken from the outbox.",
                c.outbox,
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative() {
        let m = Metrics::default();
        m.event(true, Duration::from_micros(700));
        m.event(false, Duration::from_millis(30));
        let text = m.render(None, 2, 1);
        assert!(
            text.contains("sopan_event_seconds_bucket{le=\"0.001\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("sopan_event_seconds_bucket{le=\"0.05\"} 2"),
            "{text}"
        );
        assert!(text.contains("sopan_event_seconds_count 2"), "{text}");
        assert!(text.contains("sopan_events_refused_total 1"), "{text}");
    }
}
