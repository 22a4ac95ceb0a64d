//! Day numbers and time zones: the small, exact arithmetic everything else stands on.

use serde::Serialize;

/// Indonesian time zones (no daylight saving).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7.
    #[serde(rename = "WIB")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    #[serde(rename = "WITA")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    #[serde(rename = "WIT")]
    Wit,
}

impl Zone {
    /// Reads `WIB`, `WITA` or `WIT` (any case).
    pub fn parse(text: &str) -> Option<Zone> {
        match text.trim().to_ascii_uppercase().as_str() {
            "WIB" => Some(Zone::Wib),
            "WITA" => Some(Zone::Wita),
            "WIT" => Some(Zone::Wit),
            _ => None,
        }
    }

    /// Offset from UTC in seconds.
    pub fn offset_seconds(self) -> i64 {
        match self {
            Zone::Wib => 7 * 3600,
            Zone::Wita => 8 * 3600,
            Zone::Wit => 9 * 3600,
        }
    }

    /// The zone whose offset from UTC is `seconds`, if it is one of the three.
    pub fn from_offset(seconds: i64) -> Option<Zone> {
        [Zone::Wib, Zone::Wita, Zone::Wit]
            .into_iter()
            .find(|z| z.offset_seconds() == seconds)
    }

    /// An instant as people read it in this zone: `2026-03-02 08:00 WIB`, with seconds when
    /// it has any (a breach falls on the first second past a limit). Every instant shown to a
    /// person goes through here.
    pub fn show(self, t: jiff::Timestamp) -> String {
        let local = t.as_second() + self.offset_seconds();
        let (day, sec) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let date = i32::try_from(day).map_or_else(|_| "?".to_string(), civil::format);
        let (h, m, s) = (sec / 3600, sec / 60 % 60, sec % 60);
        if s == 0 {
            format!("{date} {h:02}:{m:02} {}", self.name())
        } else {
            format!("{date} {h:02}:{m:02}:{s:02} {}", self.name())
        }
    }

    /// An instant in RFC 3339 with this zone's offset, `2026-03-02T08:00:00+07:00`: how
    /// JSON for people and hosts carries instants.
    pub fn rfc3339(self, t: jiff::Timestamp) -> String {
        let local = t.as_second() + self.offset_seconds();
        let (day, sec) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let date = i32::try_from(day).map_or_else(|_| "?".to_string(), civil::format);
        let hours = self.offset_seconds() / 3600;
        format!(
            "{date}T{:02}:{:02}:{:02}+{hours:02}:00",
            sec / 3600,
            sec / 60 % 60,
            sec % 60
        )
    }

    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }
}

/// Civil dates ↔ day numbers (days since 1970-01-01), after Howard Hinnant's algorithms:
/// O(1), no tables, exact over the proleptic Gregorian calendar.
pub mod civil {
    /// Day number of a date; `None` if the date does not exist.
    pub fn days_checked(y: i32, m: u32, d: u32) -> Option<i32> {
        if !(1..=12).contains(&m) || d == 0 || d > month_len(y, m) {
            return None;
        }
        Some(days(y, m, d))
    }

    /// Day number of a valid date. Computed in 64 bits, so any `i32` year is safe; a day
    /// number past the `i32` range saturates (no calendar reaches it).
    pub fn days(y: i32, m: u32, d: u32) -> i32 {
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(m.min(12));
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.min(31)) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let z = era * 146_097 + doe - 719_468;
        i32::try_from(z).unwrap_or(if z < 0 { i32::MIN } else { i32::MAX })
    }

    /// The date of a day number.
    pub fn date(z: i32) -> (i32, u32, u32) {
        // Shifted in 64 bits: `z + 719_468` overflows `i32` near its top.
        date64(i64::from(z) + 719_468)
    }

    fn date64(z: i64) -> (i32, u32, u32) {
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = if m <= 2 { y + 1 } else { y };
        // Day numbers are `i32`, so the year of one always fits.
        (i32::try_from(y).unwrap_or(i32::MAX), m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(z: i32) -> usize {
        // 1970-01-01 was a Thursday.
        (z + 3).rem_euclid(7) as usize
    }

    /// The local date (`YYYY-MM-DD`) of an instant at a UTC offset in seconds.
    pub fn local_date(t: jiff::Timestamp, offset_seconds: i64) -> String {
        format((t.as_second() + offset_seconds).div_euclid(86_400) as i32)
    }

    /// `YYYY-MM-DD`.
    pub fn format(z: i32) -> String {
        let (y, m, d) = date(z);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Days in month `m` of year `y` (proleptic Gregorian).
    pub fn month_len(y: i32, m: u32) -> u32 {
        match m {
            4 | 6 | 9 | 11 => 30,
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            _ => 31,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn round_trips_and_weekdays() {
            assert_eq!(days(1970, 1, 1), 0);
            assert_eq!(weekday(days(2026, 3, 17)), 1, "17 March 2026 is a Tuesday");
            for z in (-800_000..800_000)
                .chain(i32::MAX - 1000..=i32::MAX)
                .chain(i32::MIN..i32::MIN + 1000)
            {
                let (y, m, d) = date(z);
                assert_eq!(days_checked(y, m, d), Some(z));
            }
            // Years at the ends of `i32` neither panic nor wrap.
            assert_eq!(days(i32::MAX, 12, 31), i32::MAX);
            assert_eq!(days(i32::MIN, 1, 1), i32::MIN);
            assert_eq!(days_checked(2026, 2, 29), None);
            assert_eq!(
                days_checked(2024, 2, 29).map(format),
                Some("2024-02-29".into())
            );
        }
    }
}
