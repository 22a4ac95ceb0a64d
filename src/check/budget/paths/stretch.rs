//! Stretches of a path: a duration as a stretch in a unit that adds up, neighbours merged
//! where their sum is reckoned as one, and the time a clock counts per unit.

use super::{Amount, Seg};
use crate::time::Unit;

/// A duration as a stretch in a unit that adds up.
pub(super) fn seg(n: u32, unit: Unit, running: bool) -> Seg {
    let n = u64::from(n);
    let (n, unit) = match unit {
        Unit::Hour => (n * 60, Unit::Minute),
        Unit::Week => (n * 7, Unit::Day),
        u => (n, u),
    };
    Seg { n, unit, running }
}

/// Drops zero stretches and merges neighbours whose sum is reckoned the same as one after
/// the other: working minutes, days, and working days where the day of receipt is not
/// counted (with a cut-off, a count that ends at closing starts the next one a day later).
pub(in crate::check::budget) fn normalise(segs: Vec<Seg>, days_add: bool, moves: bool) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for s in segs.into_iter().filter(|s| s.n > 0) {
        let adds = match s.unit {
            Unit::Minute => true,
            // 3 hari then 2 hari is 5 hari unless the 3 may move off a day off first.
            Unit::Day => !moves,
            Unit::WorkingDay => days_add,
            _ => false,
        };
        match out.last_mut() {
            Some(last) if adds && last.unit == s.unit && last.running == s.running => {
                last.n = last.n.saturating_add(s.n);
            }
            _ => out.push(s),
        }
    }
    out
}

pub(super) fn add(a: &mut Amount, s: Seg) {
    let slot = match s.unit {
        Unit::Minute | Unit::Hour => &mut a.minutes,
        Unit::WorkingDay => &mut a.working_days,
        Unit::Day | Unit::Week => &mut a.days,
        Unit::Month => &mut a.months,
    };
    *slot = slot.saturating_add(s.n);
}
