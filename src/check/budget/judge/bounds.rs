//! What the two ends of an interval of starts say of the starts between them: the overrun
//! solved exactly where it is affine, bounds from the ends where every reckoning is in order.

use super::{At, Part};

pub(super) fn halve(stack: &mut Vec<(i64, i64)>, a: i64, b: i64) {
    let m = a + (b - a) / 2;
    stack.push((m + 1, b));
    stack.push((a, m));
}

/// On an interval where the overrun is affine: the run of starts not breached and the run
/// breached, in order. `None` when the two ends disagree with a whole rate.
#[allow(clippy::type_complexity)]
pub(super) fn affine(sa: &At, sb: &At, a: i64, b: i64) -> Option<[Option<(i64, i64, Part)>; 2]> {
    let (fa, fb) = (sa.over, sb.over);
    if fa == i64::MIN || fb == i64::MIN {
        return (fa == fb).then_some([Some((a, b, Part::Ok)), None]);
    }
    let (rise, width) = (fb - fa, b - a);
    if rise % width != 0 {
        return None;
    }
    let m = rise / width;
    let split = |first: Part, second: Part, at: i64| {
        // `at` is the first start of the second run.
        let at = at.clamp(a, b + 1);
        [
            (at > a).then_some((a, at - 1, first)),
            (at <= b).then_some((at, b, second)),
        ]
    };
    Some(match m.signum() {
        0 if fa > 0 => [Some((a, b, Part::Breach)), None],
        0 => [Some((a, b, Part::Ok)), None],
        // Breached from the first s with fa + m (s - a) > 0.
        1 => split(Part::Ok, Part::Breach, a + (-fa).div_euclid(m) + 1),
        // Breached while fa + m (s - a) > 0: up to the last such s.
        _ => {
            let k = -m;
            let last = if fa > 0 { (fa + k - 1) / k - 1 } else { -1 };
            split(Part::Breach, Part::Ok, a + last + 1)
        }
    })
}

/// The sum of the runs' lengths with each begin taken from `from` and each end from `to`;
/// the first run's begin cancels against the start when it begins there.
fn runs(from: &At, to: &At) -> i64 {
    from.runs
        .iter()
        .zip(&to.runs)
        .enumerate()
        .map(|(k, ((b, _), (_, e)))| {
            if k == 0 && from.first_at_start {
                *e
            } else {
                e - b
            }
        })
        .sum()
}

/// The largest overrun any start between `sa` and `sb` can have.
pub(super) fn upper(sa: &At, sb: &At) -> i64 {
    let Some(due) = sa.due else {
        return i64::MIN;
    };
    let start = if sa.first_at_start { 0 } else { sb.start };
    runs(sa, sb) - due + start
}

/// The smallest overrun any start between `sa` and `sb` can have.
pub(super) fn lower(sa: &At, sb: &At) -> i64 {
    let Some(due) = sb.due else {
        return i64::MIN;
    };
    let start = if sa.first_at_start { 0 } else { sa.start };
    runs(sb, sa) - due + start
}
