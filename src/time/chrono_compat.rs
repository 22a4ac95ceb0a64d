//! Conversions for hosts that use chrono (feature `chrono`). sopan itself works on jiff.

use chrono::Datelike;

/// A chrono UTC instant as a jiff timestamp (`None` outside jiff's range).
pub fn timestamp_from_chrono(t: chrono::DateTime<chrono::Utc>) -> Option<jiff::Timestamp> {
    let nanos = i32::try_from(t.timestamp_subsec_nanos()).ok()?;
    jiff::Timestamp::new(t.timestamp(), nanos).ok()
}

/// A jiff timestamp as a chrono UTC instant (`None` outside chrono's range).
pub fn timestamp_to_chrono(t: jiff::Timestamp) -> Option<chrono::DateTime<chrono::Utc>> {
    let nanos = u32::try_from(t.subsec_nanosecond()).ok()?;
    chrono::DateTime::from_timestamp(t.as_second(), nanos)
}

/// A chrono date as a jiff date.
pub fn date_from_chrono(d: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(d.year()).ok()?;
    jiff::civil::Date::new(
        year,
        i8::try_from(d.month()).ok()?,
        i8::try_from(d.day()).ok()?,
    )
    .ok()
}

/// A jiff date as a chrono date.
pub fn date_to_chrono(d: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_instants_and_dates() {
        let t: jiff::Timestamp = "2026-03-17T03:00:00.5Z".parse().expect("instant");
        let c = timestamp_to_chrono(t).expect("in range");
        assert_eq!(c.to_rfc3339(), "2026-03-17T03:00:00.500+00:00");
        assert_eq!(timestamp_from_chrono(c), Some(t));
        let d: jiff::civil::Date = "2024-02-29".parse().expect("date");
        let n = date_to_chrono(d).expect("valid");
        assert_eq!(n.to_string(), "2024-02-29");
        assert_eq!(date_from_chrono(n), Some(d));
    }
}
