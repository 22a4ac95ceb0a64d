//! Days judged once per kind of stretch: a day whose starts reach only days of the same
//! kinds, in the same order, as a day already judged is judged as that one was, shifted. A
//! budget in working days then costs the calendar's variety, not the length of its range.

use super::judge::{Judge, Part, MAX_WINDOW};
use std::collections::HashMap;

/// Days already judged, by the kinds of the days their starts reach: judged once, their
/// runs kept relative to the day's first second.
#[derive(Default)]
pub(super) struct Days {
    /// By window (days reached past the day itself), each tried for a new day: the runs of
    /// days judged, by the kinds of days `day ..= day + window + 1`.
    known: Vec<(usize, ByKinds)>,
}

/// Runs of parts of one day, relative to its first second.
type Runs = Vec<(i64, i64, Part)>;

/// The runs of days judged, by the kinds of the days they reach.
type ByKinds = HashMap<Vec<u8>, Runs, Quick>;

/// A fast hash for the short runs of day kinds (a few bytes each, from the calendar, not
/// from anyone who could choose them to collide).
type Quick = std::hash::BuildHasherDefault<QuickHasher>;

#[derive(Default)]
struct QuickHasher(u64);

impl QuickHasher {
    fn mix(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight kinds at a time: a day's memo is looked up once per day of the calendar.
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut word = [0u8; 8];
            word.copy_from_slice(w);
            self.mix(u64::from_le_bytes(word));
        }
        for b in words.remainder() {
            self.mix(u64::from(*b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Runs of kinds of days with no calendar: every day alike.
const NO_CALENDAR: [u8; MAX_WINDOW + 2] = [0; MAX_WINDOW + 2];

impl Days {
    /// The kinds of days `day ..= day + window + 1` (one more than reached, so that where a
    /// month or a run of working days ends is seen too); `None` past the calendar.
    fn kinds<'j>(judge: &'j Judge<'_>, day: i64, window: usize) -> Option<&'j [u8]> {
        if judge.d.calendar().is_none() {
            return NO_CALENDAR.get(..window + 2);
        }
        let (first, kinds) = &judge.kinds;
        let at = usize::try_from(day - first).ok()?;
        kinds.get(at..at + window + 2)
    }

    /// The runs of a day whose reach is of the same kinds as one judged before.
    pub(super) fn known(&self, judge: &Judge<'_>, day: i64) -> Option<&[(i64, i64, Part)]> {
        self.known.iter().find_map(|(w, runs)| {
            let key = Days::kinds(judge, day, *w)?;
            runs.get(key).map(Vec::as_slice)
        })
    }

    pub(super) fn keep(
        &mut self,
        judge: &Judge<'_>,
        day: i64,
        window: usize,
        runs: Vec<(i64, i64, Part)>,
    ) {
        let Some(key) = Days::kinds(judge, day, window) else {
            return;
        };
        let at = match self.known.iter().position(|(w, _)| *w == window) {
            Some(at) => at,
            None => {
                self.known.push((window, HashMap::default()));
                self.known.len() - 1
            }
        };
        if let Some((_, known)) = self.known.get_mut(at) {
            known.insert(key.to_vec(), runs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::judge::{Judge, Part, DAY};
    use super::super::paths::Seg;
    use crate::source::span::FileId;
    use crate::time::{Deadlines, Duration, Unit};

    /// A shipped calendar on the national one, read and built as a project does.
    fn calendar(text: &str) -> crate::time::Calendar {
        let layer = |text: &str| {
            let (layer, diags) = crate::time::data::parse(text, FileId(0));
            assert!(diags.is_empty(), "{diags:?}");
            layer.expect("a shipped calendar reads")
        };
        let national = layer(include_str!("../../../standards/nasional.kalender.yaml"));
        let own = layer(text);
        crate::time::build(&[&national, &own]).expect("a shipped calendar builds")
    }

    /// Runs of one part, merged, up to the first start past the calendar.
    fn runs(
        j: &mut Judge<'_>,
        segs: &[Seg],
        lo: i64,
        hi: i64,
        memo: bool,
    ) -> Vec<(i64, i64, Part)> {
        let mut out: Vec<(i64, i64, Part)> = Vec::new();
        let mut visit = |a: i64, b: i64, p: Part| {
            match out.last_mut() {
                Some(last) if last.2 == p && last.1 + 1 == a => last.1 = b,
                _ => out.push((a, b, p)),
            }
            p != Part::Past
        };
        let done = if memo {
            j.scan(segs, lo, hi, &mut visit)
        } else {
            j.scan_monotone(segs, lo, hi, &mut visit).map(|_| ())
        };
        assert!(done.is_ok());
        if let Some(last) = out.last_mut() {
            if last.2 == Part::Past {
                last.1 = last.0;
            }
        }
        out
    }

    /// Days judged once per kind of stretch give, start by start, the answer of judging
    /// every start: over two real calendars, paths of every unit but months and budgets of
    /// every size.
    #[test]
    fn days_alike_are_judged_alike() {
        let pekanbaru = include_str!("../../../standards/pekanbaru/pekanbaru.kalender.yaml");
        let cals = [
            calendar(pekanbaru),
            calendar(include_str!(
                "../../../standards/contoh/contoh.kalender.yaml"
            )),
            // Plain-day deadlines moved off days off: reckonings that go back within a day.
            calendar(&format!(
                "{pekanbaru}\nhari_biasa_jatuh_libur: hari_kerja_berikutnya\n"
            )),
        ];
        let units = [
            Unit::Minute,
            Unit::Hour,
            Unit::WorkingDay,
            Unit::Day,
            Unit::Week,
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let (mut compared, mut mixed) = (0, 0);
        for c in &cals {
            let (first, last) = c.covered_instants();
            // A year of starts, and the calendar's end within reach of the longest paths.
            let (lo, hi) = (last.as_second() - 400 * DAY, last.as_second());
            assert!(first.as_second() < lo);
            for _ in 0..64 {
                let segs: Vec<Seg> = (0..1 + next(3))
                    .map(|_| {
                        let unit = units[next(units.len() as u64) as usize];
                        let n = match unit {
                            Unit::Minute => 1 + next(600),
                            Unit::Hour => 1 + next(20),
                            _ => 1 + next(6),
                        };
                        Seg {
                            n,
                            unit,
                            running: next(4) != 0,
                        }
                    })
                    .collect();
                let budget = Duration {
                    min: 0,
                    max: 1 + next(3) as u32,
                    unit: [Unit::Hour, Unit::WorkingDay, Unit::Day][next(3) as usize],
                };
                let d = Deadlines::new(Some(c));
                let plain = runs(&mut Judge::new(d, budget, u64::MAX), &segs, lo, hi, false);
                let memo = runs(&mut Judge::new(d, budget, u64::MAX), &segs, lo, hi, true);
                assert_eq!(plain, memo, "{segs:?} against {budget:?}");
                compared += 1;
                mixed += usize::from(
                    plain.iter().any(|r| r.2 == Part::Ok)
                        && plain.iter().any(|r| r.2 == Part::Breach),
                );
            }
        }
        assert_eq!(compared, 192);
        // Paths that breach from some starts and not from others, where days differ.
        assert!(mixed >= 8, "{mixed} mixed of {compared}");
    }
}
