//! Working-day arithmetic against numpy's oracle, the conventions for instants, the bugs
//! other engines shipped, and invariants over many random inputs.

use jiff::civil::Date;
use jiff::Timestamp;
use sopan::model::{Duration, Unit};
use sopan::project::Project;
use sopan::source::loader::FsLoader;
use sopan::time::{Calendar, CalendarError};
use std::sync::Arc;

fn calendar(path: &str) -> Arc<Calendar> {
    let (project, cal) = Project::load_calendar(&FsLoader, path, "standards");
    assert!(
        project.diagnostics().is_empty(),
        "{:?}",
        project.diagnostics()
    );
    cal.expect("the calendar builds")
}

/// Built once per test binary: the properties below ask thousands of questions of each.
fn national() -> Arc<Calendar> {
    static ONCE: std::sync::OnceLock<Arc<Calendar>> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| calendar("standards/nasional.kalender.yaml"))
        .clone()
}

fn pekanbaru() -> Arc<Calendar> {
    static ONCE: std::sync::OnceLock<Arc<Calendar>> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| calendar("standards/pekanbaru/pekanbaru.kalender.yaml"))
        .clone()
}

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn at(s: &str) -> Timestamp {
    s.parse().expect("an instant with an offset")
}

fn days(n: u32) -> Duration {
    Duration {
        min: n,
        max: n,
        unit: Unit::WorkingDay,
    }
}

#[test]
fn every_row_of_the_numpy_oracle() {
    let cal = national();
    let text = std::fs::read_to_string("tests/oracles/busday_offset_id_2024_2026.csv")
        .expect("the oracle");
    let mut rows = 0;
    for line in text.lines().skip(1) {
        let mut cols = line.split(',');
        let (start, n, expected) = (cols.next(), cols.next(), cols.next());
        let (Some(start), Some(n), Some(expected)) = (start, n, expected) else {
            continue;
        };
        let got = cal
            .add_working_days(date(start), n.parse().expect("offset"))
            .expect("in range");
        assert_eq!(got.value, date(expected), "{line}");
        rows += 1;
    }
    assert_eq!(rows, 10_000);
}

#[test]
fn every_decreed_day_of_the_oracle_is_closed() {
    let cal = national();
    let text =
        std::fs::read_to_string("tests/oracles/libur_cuti_id_2024_2026.csv").expect("oracle");
    for line in text.lines().skip(1) {
        let day = line.split(',').next().expect("a date");
        assert!(
            !cal.is_working_day(date(day)).expect("in range").value,
            "{line}"
        );
    }
    let listed: usize = (2024..=2026).map(|y| cal.closed_days(y).len()).sum();
    assert_eq!(listed, text.lines().count() - 1);
}

#[test]
fn the_mid_year_amendment_is_a_holiday() {
    let cal = national();
    assert!(
        !cal.is_working_day(date("2025-08-18"))
            .expect("in range")
            .value
    );
    let shown = cal.closed_days(2025);
    let amended = shown
        .iter()
        .find(|d| d.date == "2025-08-18")
        .expect("listed");
    assert!(
        amended.source.contains("933 Tahun 2025"),
        "{}",
        amended.source
    );
}

#[test]
fn three_working_days_from_tuesday_morning_before_idul_fitri() {
    let due = pekanbaru()
        .due(at("2026-03-17T10:00:00+07:00"), days(3))
        .expect("in range");
    assert_eq!(due.value, at("2026-03-27T15:00:00+07:00"));
    assert!(!due.provisional);
}

// The day-count conventions (arrivals after closing, on weekends, on cuti bersama) are in
// tests/time.rs, for both of them on the same dates.

#[test]
fn working_time_skips_breaks_nights_and_holidays() {
    let cal = pekanbaru();
    let minutes = |a: &str, b: &str| {
        cal.working_time_between(at(a), at(b))
            .expect("in range")
            .value
            / 60
    };
    // The long Friday break: 11:00–11:30 and 13:00–13:30.
    assert_eq!(
        minutes("2026-03-06T11:00:00+07:00", "2026-03-06T13:30:00+07:00"),
        60
    );
    // Before opening and after closing count nothing.
    assert_eq!(
        minutes("2026-03-09T06:00:00+07:00", "2026-03-09T08:30:00+07:00"),
        30
    );
    assert_eq!(
        minutes("2026-03-09T14:30:00+07:00", "2026-03-09T20:00:00+07:00"),
        30
    );
    // Friday 14:30 to Monday 08:30 over a weekend: 30 + 30 minutes.
    assert_eq!(
        minutes("2026-03-06T14:30:00+07:00", "2026-03-09T08:30:00+07:00"),
        60
    );
    // Over the Idul Fitri closure (18–24 March 2026): Tuesday 14:00 to Wednesday 25th 09:00.
    assert_eq!(
        minutes("2026-03-17T14:00:00+07:00", "2026-03-25T09:00:00+07:00"),
        120
    );
    // 20 working minutes from Friday 11:20 end at 13:10.
    let end = cal
        .add_working_time(at("2026-03-06T11:20:00+07:00"), 20 * 60)
        .expect("in range");
    assert_eq!(end.value, at("2026-03-06T13:10:00+07:00"));
    // Work that ends exactly at closing time ends then.
    let end = cal
        .add_working_time(at("2026-03-09T14:00:00+07:00"), 3600)
        .expect("in range");
    assert_eq!(end.value, at("2026-03-09T15:00:00+07:00"));
}

#[test]
fn a_year_boundary_is_crossed_exactly() {
    let cal = national();
    // 24 Dec 2025 (Wednesday) + 1: 25 and 26 Dec closed, weekend, 29 Dec.
    assert_eq!(
        cal.add_working_days(date("2025-12-24"), 1)
            .expect("ok")
            .value,
        date("2025-12-29")
    );
    // 31 Dec 2025 + 1: 1 Jan closed → 2 Jan 2026.
    assert_eq!(
        cal.add_working_days(date("2025-12-31"), 1)
            .expect("ok")
            .value,
        date("2026-01-02")
    );
    assert_eq!(
        cal.working_days_between(date("2025-12-22"), date("2026-01-05"))
            .expect("ok")
            .value,
        7
    );
}

#[test]
fn the_end_of_coverage_is_an_error_naming_the_range() {
    let cal = national();
    let err = cal
        .add_working_days(date("2030-01-02"), 1)
        .expect_err("2030 is not covered");
    assert_eq!(
        err,
        CalendarError::OutOfRange {
            date: date("2030-01-02"),
            first: date("2024-01-01"),
            last: date("2027-12-31")
        }
    );
    assert!(err.to_string().contains("2024-01-01 to 2027-12-31"));
    assert!(cal.add_working_days(date("2027-12-30"), 5).is_err());
}

#[test]
fn provisional_days_carry_a_warning() {
    let cal = national();
    assert!(
        !cal.add_working_days(date("2026-06-01"), 5)
            .expect("ok")
            .provisional
    );
    assert!(
        cal.add_working_days(date("2026-12-28"), 5)
            .expect("ok")
            .provisional
    );
    assert!(
        cal.is_working_day(date("2027-03-10"))
            .expect("ok")
            .provisional
    );
    assert!(
        !cal.is_working_day(date("2027-03-10")).expect("ok").value,
        "estimated Idul Fitri"
    );
}

#[test]
fn wita_wit_and_saturday_work() {
    let cal = calendar("standards/contoh/contoh.kalender.yaml");
    assert_eq!(cal.zone().name(), "WITA");
    // 08:30 WITA is 07:30 WIB: inside hours in Makassar.
    assert!(
        cal.is_working_instant(at("2026-03-02T07:30:00+07:00"))
            .expect("ok")
            .value
    );
    assert!(
        !cal.is_working_instant(at("2026-03-02T07:30:00+08:00"))
            .expect("ok")
            .value
    );
    // Saturday mornings are worked; the local holiday is not; the extra Sunday is.
    assert!(cal.is_working_day(date("2026-03-07")).expect("ok").value);
    assert!(!cal.is_working_day(date("2026-06-23")).expect("ok").value);
    assert!(cal.is_working_day(date("2026-12-27")).expect("ok").value);
    assert_eq!(
        cal.add_working_days(date("2026-03-06"), 1)
            .expect("ok")
            .value,
        date("2026-03-07")
    );
    // A WIT calendar in memory: 08:00 WIT is 06:00 WIB.
    let mut files = sopan::source::loader::MemoryLoader::new();
    files.insert(
        "s/timur.kalender.yaml",
        "nama: timur\nzona: WIT\nberlaku: { dari: 2026-01-01, sampai: 2026-12-31 }\njam_kerja:\n  senin: [\"08:00-16:00\"]\n",
    );
    let (p, timur) = Project::load_calendar(&files, "s/timur.kalender.yaml", "s");
    assert!(p.diagnostics().is_empty());
    let timur = timur.expect("builds");
    assert!(
        timur
            .is_working_instant(at("2026-03-02T06:00:00+07:00"))
            .expect("ok")
            .value
    );
    assert!(
        !timur
            .is_working_instant(at("2026-03-02T05:59:00+07:00"))
            .expect("ok")
            .value
    );
}

/// Seconds from 2024-01-01T00:00:00+07:00 to somewhere before 2026-12-01.
const SPAN_2024_2026: i64 = 1_060 * 86_400;

fn instant_from(offset: i64) -> Timestamp {
    let start = at("2024-01-01T00:00:00+07:00").as_second();
    Timestamp::from_second(start + offset).expect("valid")
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

    #[test]
    fn adding_then_counting_back_and_monotonicity(day in 0i64..1_000, n in 0i64..30) {
        let cal = national();
        let d = date("2024-01-01")
            .checked_add(jiff::Span::new().days(day))
            .expect("valid");
        let a = cal.add_working_days(d, n).expect("in range").value;
        let b = cal.add_working_days(d, n + 1).expect("in range").value;
        proptest::prop_assert!(a < b, "monotonic at {} + {}", d, n);
        let rolled = cal.add_working_days(d, 0).expect("in range").value;
        proptest::prop_assert_eq!(
            cal.working_days_between(rolled, a).expect("in range").value,
            n
        );
        proptest::prop_assert!(cal.is_working_day(a).expect("ok").value);
    }

    #[test]
    fn working_time_is_additive_and_inverts_adding(
        mut offsets in proptest::array::uniform3(0i64..SPAN_2024_2026),
        secs in 0u64..40 * 3600,
    ) {
        let cal = pekanbaru();
        offsets.sort_unstable();
        let t = offsets.map(instant_from);
        let wt =
            |a: Timestamp, b: Timestamp| cal.working_time_between(a, b).expect("in range").value;
        proptest::prop_assert_eq!(wt(t[0], t[2]), wt(t[0], t[1]) + wt(t[1], t[2]));
        proptest::prop_assert_eq!(wt(t[2], t[0]), -wt(t[0], t[2]));
        let end = cal.add_working_time(t[0], secs).expect("in range").value;
        proptest::prop_assert_eq!(wt(t[0], end), secs as i64);
        if secs > 0 {
            // Nothing earlier would do: one second less of the span is not enough.
            let before = Timestamp::from_second(end.as_second() - 1).expect("valid");
            proptest::prop_assert!(wt(t[0], before) < secs as i64);
        }
    }
}
