//! A log of many cases of the Pekanbaru licence, as a licensing system would export it: one
//! CSV row per event (`case,event,step,outcome,by,at`), every case's rows in the order they
//! happened and the whole log ordered by time, cases interleaved. Deterministic for a seed.
//! One case in ten is returned at `periksa` and brought back days later; the signature waits
//! one to three days, so some cases run past the 2-working-day budget.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::Write;

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) % n.max(1)
    }
}

/// Seconds of 2026-01-05 08:00 WIB (a Monday), where the log starts.
const START: i64 = 1_767_574_800;

/// A row to write: event, step, outcome, officer, and when (seconds).
type Row = (&'static str, &'static str, &'static str, &'static str, i64);

/// The rows of case `i` opened at `opened` (seconds).
fn case_rows(i: u64, opened: i64, rng: &mut Rng) -> Vec<Row> {
    let mut t = opened;
    let mut step = |rng: &mut Rng, lo: u64, hi: u64| {
        t += 60 * (lo + rng.below(hi - lo + 1)) as i64;
        t
    };
    let mut rows = vec![
        ("opened", "", "", "", opened),
        ("done", "informasi", "", "fo-01", step(rng, 3, 12)),
    ];
    if i % 10 == 0 {
        rows.push((
            "done",
            "periksa",
            "tidak_lengkap",
            "fo-01",
            step(rng, 10, 30),
        ));
        // The applicant brings the file back one to five days later.
        rows.push(("resubmitted", "", "", "fo-01", step(rng, 1_440, 5 * 1_440)));
    }
    rows.push(("done", "periksa", "lengkap", "fo-01", step(rng, 10, 40)));
    for (s, officer) in [
        ("cek_simple", "bo-01"),
        ("verifikasi_muda", "analis-01"),
        ("verifikasi_madya", "analis-02"),
        ("verifikasi_sekretaris", "sekdis"),
    ] {
        rows.push(("done", s, "", officer, step(rng, 5, 25)));
    }
    rows.push(("done", "ttd", "", "kadis", step(rng, 600, 3 * 1_440)));
    rows.push(("done", "serahkan", "", "fo-01", step(rng, 30, 1_440)));
    rows.push(("done", "terima", "", "", step(rng, 1, 5)));
    rows
}

/// `2026-03-02T08:05:00+07:00` for seconds `s` in WIB.
fn instant(s: i64) -> String {
    let local = s + 7 * 3_600;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+07:00",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

/// Writes a log of `cases` cases, opened over the working hours of 2026 (about 4,000 a
/// day for a million), to `out`. Returns the number of rows.
pub fn generate(cases: u64, seed: u64, out: &mut impl Write) -> std::io::Result<u64> {
    let mut rng = Rng::new(seed);
    writeln!(out, "case,event,step,outcome,by,at")?;
    // Cases open over 230 working days, Monday to Friday, 08:00–15:00.
    let per_day = cases.div_ceil(230).max(1);
    let mut heap: BinaryHeap<Reverse<(i64, u64, usize)>> = BinaryHeap::new();
    let mut pending: std::collections::HashMap<u64, Vec<Row>> = std::collections::HashMap::new();
    let mut rows = 0;
    let mut next = 0u64;
    loop {
        // Open the cases whose opening comes before the next pending row (one, to begin).
        while next < cases {
            let day = (next / per_day) as i64;
            let week = day / 5;
            let opened = START
                + week * 7 * 86_400
                + (day % 5) * 86_400
                + ((next % per_day) * 7 * 3_600 / per_day) as i64;
            if heap.peek().is_some_and(|Reverse((t, _, _))| opened > *t) {
                break;
            }
            let case_rows = case_rows(next, opened, &mut rng);
            heap.push(Reverse((opened, next, 0)));
            pending.insert(next, case_rows);
            next += 1;
        }
        let Some(Reverse((_, case, k))) = heap.pop() else {
            break;
        };
        let Some(list) = pending.get(&case) else {
            continue;
        };
        let (event, step, outcome, by, at) = list[k];
        writeln!(
            out,
            "REG-{case:07},{event},{step},{outcome},{by},{}",
            instant(at)
        )?;
        rows += 1;
        match list.get(k + 1) {
            Some(&(_, _, _, _, t)) => heap.push(Reverse((t, case, k + 1))),
            None => {
                pending.remove(&case);
            }
        }
    }
    Ok(rows)
}
