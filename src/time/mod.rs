//! Working-day calendars: holidays, cuti bersama, hours and time zones as data; exact,
//! O(1) or O(log n) arithmetic on them.
//!
//! A [`Calendar`] is built from one or more calendar files ([`data::Layer`]): a national
//! layer with the decreed holidays and an agency layer with its hours, zone and closures.
//! Every question about a day turns into array lookups over the covered days: a working-day
//! prefix count, the list of working days, and a prefix sum of working seconds. Nothing
//! walks day by day over a span, nothing reads a clock.
//!
//! Results come wrapped in [`Computed`], which says whether provisional data (a year whose
//! holidays are not yet decreed) was touched. A question past the covered range is an
//! error naming the range, never a guess.
//!
//! ```
//! use sopan::source::loader::MemoryLoader;
//! use sopan::model::{Duration, Unit};
//! use sopan::project::Project;
//!
//! let mut files = MemoryLoader::new();
//! files.insert("std/kantor.kalender.yaml", r#"
//! nama: kantor
//! zona: WIB
//! berlaku: { dari: 2026-01-01, sampai: 2026-12-31 }
//! jam_kerja:
//!   senin:  ["08:00-12:00", "13:00-15:00"]
//!   selasa: ["08:00-12:00", "13:00-15:00"]
//!   rabu:   ["08:00-12:00", "13:00-15:00"]
//!   kamis:  ["08:00-12:00", "13:00-15:00"]
//!   jumat:  ["08:00-11:30", "13:00-15:00"]
//! libur_tambahan:
//!   - 2026-03-19 Hari Suci Nyepi
//! "#);
//! let (project, calendar) = Project::load_calendar(&files, "std/kantor.kalender.yaml", "std");
//! assert!(project.diagnostics().is_empty());
//! let calendar = calendar.expect("a valid calendar");
//!
//! // Wednesday 18 March 2026 + 1 working day skips Nyepi (Thursday): Friday.
//! let date: jiff::civil::Date = "2026-03-18".parse()?;
//! assert_eq!(calendar.add_working_days(date, 1)?.value.to_string(), "2026-03-20");
//!
//! // A file that arrives Wednesday 10:00 with "2 hari kerja" is due at Monday's close.
//! let from: jiff::Timestamp = "2026-03-18T10:00:00+07:00".parse()?;
//! let due = calendar.due(from, Duration { min: 2, max: 2, unit: Unit::WorkingDay })?;
//! assert_eq!(due.value, "2026-03-23T15:00:00+07:00".parse::<jiff::Timestamp>()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod arith;
mod build;
#[cfg(feature = "chrono")]
pub mod chrono_compat;
pub mod data;
pub mod days;
mod deadline;
mod duration;
mod instants;
pub mod load;
mod pieces;
mod scan;

/// The local date (`YYYY-MM-DD`) of an instant at a UTC offset in seconds (the calendar's
/// zone): the complaint book's date column, a month's report.
pub fn local_date(t: jiff::Timestamp, offset_seconds: i64) -> String {
    days::civil::local_date(t, offset_seconds)
}

/// Reads an instant as hosts and officers write it: RFC 3339 with an offset
/// (`2026-03-02T08:00:00+07:00`, or `Z`). A zone name in brackets is refused: with an offset
/// beside it the two can contradict (`+07:00[America/New_York]`), and the offset alone
/// already says the instant.
pub fn instant(text: &str) -> Option<jiff::Timestamp> {
    if let Some(t) = plain_instant(text.as_bytes()) {
        return Some(t);
    }
    if text.contains('[') {
        return None;
    }
    text.trim().parse().ok()
}

/// The one form logs and cases nearly always hold, `2026-03-02T08:00:00+07:00` (or `Z`),
/// read digit by digit: a log of ten million rows spent more on jiff's general parser than
/// on the rest of the row. Anything else (`None`) goes to jiff, which agrees on every string
/// this accepts (a test compares them).
fn plain_instant(b: &[u8]) -> Option<jiff::Timestamp> {
    // The date and time part, `2026-03-02T08:00:00`, then `Z` or `+07:00`.
    let head: &[u8; 19] = b.get(..19)?.try_into().ok()?;
    let digit = |c: u8| -> Option<u32> {
        let d = c.wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let two = |hi: u8, lo: u8| Some(digit(hi)? * 10 + digit(lo)?);
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, b'T', h1, h2, b':', i1, i2, b':', s1, s2] =
        *head
    else {
        return None;
    };
    let y = two(y1, y2)? * 100 + two(y3, y4)?;
    let (m, d) = (two(m1, m2)?, two(d1, d2)?);
    let (h, mi, s) = (two(h1, h2)?, two(i1, i2)?, two(s1, s2)?);
    if !(1900..=2999).contains(&y) || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    let offset = match *b.get(19..)? {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), oh1, oh2, b':', om1, om2] => {
            let (oh, om) = (two(oh1, oh2)?, two(om1, om2)?);
            let seconds = i64::from(oh * 3600 + om * 60);
            // `-00:00` (an unknown offset in RFC 3339) is left to jiff.
            if oh > 23 || om > 59 || (sign == b'-' && seconds == 0) {
                return None;
            }
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let day = days::civil::days_checked(i32::try_from(y).ok()?, m, d)?;
    let local = i64::from(day) * 86_400 + i64::from(h * 3600 + mi * 60 + s);
    jiff::Timestamp::from_second(local - offset).ok()
}

/// [`instant`] for serde: `#[serde(deserialize_with = "crate::time::de_instant")]`.
pub fn de_instant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<jiff::Timestamp, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    instant(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "invalid value: `{text}`, expected an instant such as 2026-03-02T08:00:00+07:00"
        ))
    })
}

/// [`de_instant`] for an optional instant.
pub fn de_instant_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<jiff::Timestamp>, D::Error> {
    let text = <Option<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(d)?;
    text.map(|t| {
        instant(&t).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid value: `{t}`, expected an instant such as 2026-03-02T08:00:00+07:00"
            ))
        })
    })
    .transpose()
}

pub use build::build;
pub use data::{Closure, DayCount, PlainDays};
pub use days::Zone;
pub use deadline::Deadlines;
pub use duration::{Duration, Measure, Unit};
pub use instants::InstantReader;

use serde::Serialize;

/// A value computed on a calendar, and whether it rests on provisional holiday data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Computed<T> {
    /// The value.
    pub value: T,
    /// Whether a provisional (not yet decreed) day was involved.
    pub provisional: bool,
}

impl<T> Computed<T> {
    /// A value that rests on no holiday data at all (wall-clock time, a zero duration).
    pub fn exact(value: T) -> Self {
        Computed {
            value,
            provisional: false,
        }
    }
}

/// Why a calendar question has no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// The question reaches past the days the calendar covers.
    OutOfRange {
        /// The day asked about (or reached).
        date: jiff::civil::Date,
        /// First covered day.
        first: jiff::civil::Date,
        /// Last covered day.
        last: jiff::civil::Date,
    },
    /// A date or instant that cannot be represented.
    Unrepresentable,
    /// Working time asked of a standard that names no working-day calendar.
    NoCalendar,
}

impl CalendarError {
    /// The reason in words, in `lang`.
    pub fn message(&self, lang: crate::diag::Lang) -> String {
        use crate::diag::Lang::{En, Id};
        match (self, lang) {
            (CalendarError::OutOfRange { date, first, last }, Id) => {
                format!("{date} di luar rentang kalender, {first} sampai {last}")
            }
            (CalendarError::OutOfRange { date, first, last }, En) => {
                format!("{date} is outside the calendar's range {first} to {last}")
            }
            (CalendarError::Unrepresentable, Id) => "tanggal itu tidak dapat dihitung".into(),
            (CalendarError::Unrepresentable, En) => "the date cannot be represented".into(),
            (CalendarError::NoCalendar, Id) => {
                "waktu kerja memerlukan kalender kerja, dan tidak ada yang disebut".into()
            }
            (CalendarError::NoCalendar, En) => {
                "working time needs a working-day calendar, and none is named".into()
            }
        }
    }
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::diag::Lang::En))
    }
}

impl std::error::Error for CalendarError {}

/// A non-working day listed in the calendar, for `sopan calendar show`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClosedDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Name.
    pub name: String,
    /// Holiday, collective leave or local closure.
    pub kind: Closure,
    /// The decree that set it.
    pub source: String,
    /// Whether the year's data is provisional.
    pub provisional: bool,
    /// A cuti bersama day the office keeps open (the calendar's `cuti_bersama_libur: false`).
    pub open: bool,
    /// A day the office does not work anyway (a weekend): listed, but closing nothing more.
    pub weekly_day_off: bool,
}

/// A working-day calendar, ready for arithmetic. Immutable, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// What every answer depends on, hashed: calendars with the same fingerprint answer
    /// alike, so analyses of one can be kept for the other.
    fingerprint: u64,
    name: String,
    title: String,
    zone: Zone,
    /// When the count of working days starts.
    day_count: DayCount,
    /// Whether cuti bersama days are closed.
    leave_closed: bool,
    /// Where a deadline in plain days that falls on a day off goes.
    plain_days: PlainDays,
    /// First covered day number.
    first: i32,
    /// Last covered day number.
    last: i32,
    /// Working intervals per weekday (Monday first), seconds from midnight.
    week: [Vec<(u32, u32)>; 7],
    /// Per covered day: index into `week` of its hours, or `CLOSED`.
    hours_of: Vec<u8>,
    /// `work_before[i]`: working days among the covered days before day `i` (length n + 1).
    work_before: Vec<u32>,
    /// Covered-day indexes of the working days, in order.
    workdays: Vec<u32>,
    /// `secs_before[i]`: working seconds in the covered days before day `i` (length n + 1).
    secs_before: Vec<u64>,
    /// Listed non-working days, by date.
    closed: Vec<ClosedDay>,
    /// First covered-day index that is provisional (`n` when none is).
    provisional_from: usize,
    /// Year and month of the first covered day.
    first_month: (i32, u32),
    /// Day number of the 1st of each month from `first_month` to one past the last day.
    month_start: Vec<i32>,
    /// The date of each covered day, so answers need no conversion.
    dates: Vec<jiff::civil::Date>,
}

/// `hours_of` value of a day that is not worked.
const CLOSED: u8 = u8::MAX;

impl Calendar {
    /// The calendar's name (`pekanbaru`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A hash of everything the calendar's answers depend on (zone, day count, range, hours,
    /// days off): two calendars with the same fingerprint give the same answers.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The calendar's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The time zone.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// When the count of "N hari kerja" starts on this calendar.
    pub fn day_count(&self) -> DayCount {
        self.day_count
    }

    /// Where a deadline in plain days that falls on a day off goes.
    pub fn plain_days(&self) -> PlainDays {
        self.plain_days
    }

    /// Whether the office closes on cuti bersama.
    pub fn closes_on_collective_leave(&self) -> bool {
        self.leave_closed
    }

    /// First and last covered dates, `YYYY-MM-DD`.
    pub fn range(&self) -> (String, String) {
        (
            days::civil::format(self.first),
            days::civil::format(self.last),
        )
    }

    /// The first and the last second of the covered days, in the calendar's zone.
    pub fn covered_instants(&self) -> (jiff::Timestamp, jiff::Timestamp) {
        let at = |day: i32, sec: i64| {
            let local = i64::from(day) * 86_400 + sec - self.zone.offset_seconds();
            jiff::Timestamp::from_second(local).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        };
        (at(self.first, 0), at(self.last, 86_399))
    }

    /// Working minutes of a usual working day: the hours of the first weekday that has any
    /// (Monday for every shipped calendar). Used where a duration in working days has to be
    /// compared with one in minutes without a date, as in the static budget analysis.
    pub fn usual_day_minutes(&self) -> u32 {
        self.week
            .iter()
            .find(|d| !d.is_empty())
            .map_or(0, |d| d.iter().map(|(a, b)| (b - a) / 60).sum())
    }

    /// Working seconds of the shortest working day of the week (Friday, often).
    pub fn shortest_day_seconds(&self) -> u32 {
        self.week
            .iter()
            .filter(|d| !d.is_empty())
            .map(|d| d.iter().map(|(a, b)| b - a).sum::<u32>())
            .min()
            .unwrap_or(0)
    }

    /// The listed non-working days of a year, in date order.
    pub fn closed_days(&self, year: i32) -> Vec<ClosedDay> {
        let prefix = format!("{year:04}-");
        self.closed
            .iter()
            .filter(|d| d.date.starts_with(&prefix))
            .cloned()
            .collect()
    }
}
