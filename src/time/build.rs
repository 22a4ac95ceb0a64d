//! Calendar files (base first) → the lookup arrays of a [`Calendar`].

use super::data::Layer;
use super::days::{civil, Zone};
use super::{Calendar, ClosedDay, CLOSED};

/// Builds a calendar from its layers, base first. `None` when no layer gives a range.
/// Later layers override the zone and hours; closures add up; the covered range is the
/// days every layer that declares a range covers.
pub fn build(layers: &[&Layer]) -> Option<Calendar> {
    let top = layers.last()?;
    let (first, last) = layers
        .iter()
        .filter_map(|l| l.range)
        .reduce(|(a1, b1), (a2, b2)| (a1.max(a2), b1.min(b2)))?;
    if first > last {
        return None;
    }
    let zone = layers
        .iter()
        .rev()
        .find_map(|l| l.zone)
        .unwrap_or(Zone::Wib);
    let day_count = layers
        .iter()
        .rev()
        .find_map(|l| l.day_count)
        .unwrap_or_default();
    let leave_closed = layers
        .iter()
        .rev()
        .find_map(|l| l.leave_closed)
        .unwrap_or(true);
    let plain_days = layers
        .iter()
        .rev()
        .find_map(|l| l.plain_days)
        .unwrap_or_default();
    let minutes = layers
        .iter()
        .rev()
        .find_map(|l| l.hours.clone())
        .unwrap_or_default();
    let week: [Vec<(u32, u32)>; 7] = minutes.map(|day| {
        merged(
            day.into_iter()
                .map(|(a, b)| (u32::from(a) * 60, u32::from(b) * 60))
                .collect(),
        )
    });
    // An extra working day on a day with no regular hours works Monday's hours.
    let usual = (0..7).find(|d| !week[*d].is_empty()).unwrap_or(0);
    let n = usize::try_from(last - first + 1).ok()?;
    let mut hours_of = vec![CLOSED; n];
    for (i, slot) in hours_of.iter_mut().enumerate() {
        let wd = civil::weekday(first + i as i32);
        if !week[wd].is_empty() {
            *slot = wd as u8;
        }
    }
    let mut closed: Vec<ClosedDay> = Vec::new();
    let mut provisional_from = n;
    for layer in layers {
        for d in &layer.closed {
            let Some(i) = index(first, last, d.day) else {
                continue;
            };
            // An office that serves on cuti bersama keeps those days as working days; they
            // are still listed (`calendar show`), marked open.
            let open = d.kind == super::Closure::CollectiveLeave && !leave_closed;
            if !open {
                hours_of[i] = CLOSED;
            }
            if d.provisional {
                let (y, _, _) = civil::date(d.day);
                let year_start = civil::days(y, 1, 1).max(first);
                provisional_from = provisional_from.min((year_start - first) as usize);
            }
            closed.push(ClosedDay {
                date: civil::format(d.day),
                name: d.name.clone(),
                kind: d.kind,
                source: d.source.clone(),
                provisional: d.provisional,
                open,
                weekly_day_off: week[civil::weekday(d.day)].is_empty(),
            });
        }
    }
    for layer in layers {
        for (day, _) in &layer.extra {
            if let Some(i) = index(first, last, *day) {
                let wd = civil::weekday(*day);
                hours_of[i] = if week[wd].is_empty() {
                    usual as u8
                } else {
                    wd as u8
                };
                closed.retain(|c| c.date != civil::format(*day));
            }
        }
    }
    closed.sort_by(|a, b| a.date.cmp(&b.date));
    let day_secs = |h: u8| -> u64 {
        week.get(usize::from(h))
            .map_or(0, |iv| iv.iter().map(|(a, b)| u64::from(b - a)).sum())
    };
    let mut work_before = Vec::with_capacity(n + 1);
    let mut secs_before = Vec::with_capacity(n + 1);
    let mut workdays = Vec::new();
    let (mut count, mut secs) = (0u32, 0u64);
    for (i, h) in hours_of.iter().enumerate() {
        work_before.push(count);
        secs_before.push(secs);
        if *h != CLOSED {
            count += 1;
            secs += day_secs(*h);
            workdays.push(i as u32);
        }
    }
    work_before.push(count);
    secs_before.push(secs);
    let (fy, fm, _) = civil::date(first);
    let (ly, lm, _) = civil::date(last);
    let months = ((ly - fy) * 12 + lm as i32 - fm as i32 + 2).max(1) as usize;
    let month_start = (0..months)
        .map(|k| {
            let total = fm as usize - 1 + k;
            civil::days(fy + (total / 12) as i32, (total % 12) as u32 + 1, 1)
        })
        .collect();
    let dates = (first..=last)
        .map(|z| {
            let (y, m, d) = civil::date(z);
            jiff::civil::Date::new(i16::try_from(y).unwrap_or(i16::MAX), m as i8, d as i8).ok()
        })
        .collect::<Option<Vec<_>>>()?;
    let fingerprint = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            zone.offset_seconds(),
            day_count,
            plain_days,
            first,
            last,
            &week,
            &hours_of,
        )
            .hash(&mut h);
        provisional_from.hash(&mut h);
        h.finish()
    };
    Some(Calendar {
        fingerprint,
        name: top.name.clone(),
        title: top.title.clone(),
        zone,
        day_count,
        leave_closed,
        plain_days,
        first,
        last,
        week,
        hours_of,
        work_before,
        workdays,
        secs_before,
        closed,
        provisional_from,
        first_month: (fy, fm),
        month_start,
        dates,
    })
}

/// Intervals sorted, with overlapping or touching ones joined. The reader already refuses
/// overlaps, but every sum over a day relies on it, so it holds here by construction.
fn merged(mut intervals: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    intervals.retain(|(a, b)| a < b);
    intervals.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

fn index(first: i32, last: i32, day: i32) -> Option<usize> {
    (first..=last)
        .contains(&day)
        .then(|| (day - first) as usize)
}
