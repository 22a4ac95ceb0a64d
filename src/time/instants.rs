//! Instants of a log read row after row: the date of the row before is remembered, so a log
//! of thousands of rows a day reckons each day's number once.

/// Reads instants exactly as [`super::instant`] does, remembering the last day read.
#[derive(Debug, Default, Clone)]
pub struct InstantReader {
    /// The date and offset of the last plain instant read (`2026-03-02`, `+07:00`), and the
    /// second its local midnight falls at.
    last: Option<([u8; 10], [u8; 6], i64)>,
}

impl InstantReader {
    /// The instant `text` names, as [`super::instant`] reads it.
    pub fn read(&mut self, text: &str) -> Option<jiff::Timestamp> {
        let b = text.as_bytes();
        let day = b.get(..10).and_then(|d| <[u8; 10]>::try_from(d).ok());
        let offset = b.get(19..).and_then(|o| <[u8; 6]>::try_from(o).ok());
        let tod = time_of_day(b);
        if let (Some((d, o, midnight)), Some(day), Some(offset), Some(tod)) =
            (self.last, day, offset, tod)
        {
            if d == day && o == offset {
                return jiff::Timestamp::from_second(midnight + tod).ok();
            }
        }
        let at = super::instant(text)?;
        // Remembered only for the plain form with an offset that names itself (not `-00:00`,
        // which jiff reads): its midnight is the instant less its time of day.
        if let (Some(day), Some(offset), Some(tod)) = (day, offset, tod) {
            let signed = matches!(offset[0], b'+' | b'-') && offset[3] == b':';
            if signed && &offset != b"-00:00" {
                self.last = Some((day, offset, at.as_second() - tod));
            }
        }
        Some(at)
    }
}

/// The seconds since midnight of a plain instant's `Thh:mm:ss` (bytes 10 to 18), when the
/// whole text is 25 bytes long.
fn time_of_day(b: &[u8]) -> Option<i64> {
    let t: &[u8; 9] = b.get(10..19)?.try_into().ok()?;
    if b.len() != 25 {
        return None;
    }
    let [b'T', h1, h2, b':', m1, m2, b':', s1, s2] = *t else {
        return None;
    };
    let digit = |c: u8| -> Option<i64> {
        let d = c.wrapping_sub(b'0');
        (d < 10).then_some(i64::from(d))
    };
    let two = |hi: u8, lo: u8| Some(digit(hi)? * 10 + digit(lo)?);
    let (h, m, s) = (two(h1, h2)?, two(m1, m2)?, two(s1, s2)?);
    (h <= 23 && m <= 59 && s <= 59).then_some(h * 3600 + m * 60 + s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Row after row, the reader gives what `instant` gives, whatever came before: the same
    /// day with other times (good and bad), other offsets, other forms.
    #[test]
    fn reads_as_instant_does_after_any_row() {
        let texts = [
            "2026-03-02T08:00:00+07:00",
            "2026-03-02T23:59:59+07:00",
            "2026-03-02T00:00:00+07:00",
            "2026-03-02T24:00:00+07:00",
            "2026-03-02T08:60:00+07:00",
            "2026-03-02T08:00:60+07:00",
            "2026-03-02T8:00:00+07:00",
            "2026-03-02X08:00:00+07:00",
            "2026-03-02T08:00:00+08:00",
            "2026-03-02T08:00:00-00:00",
            "2026-03-02T08:00:00+00:00",
            "2026-03-02T08:00:00Z",
            "2026-03-02 08:00:00+07:00",
            "2026-03-03T08:00:00+07:00",
            "2026-02-29T08:00:00+07:00",
            "2024-02-29T08:00:00+07:00",
            "2026-03-02T08:00:00+07:00[Asia/Jakarta]",
            "2026-03-02T08:00:00.5+07:00",
            "",
            "2026-03-02",
            "2026-03-02T12:34:56+07:00",
        ];
        // Every ordered pair, so each text is read after each other one.
        for a in texts {
            for b in texts {
                let mut r = InstantReader::default();
                assert_eq!(r.read(a), super::super::instant(a), "{a}");
                assert_eq!(r.read(b), super::super::instant(b), "{b} after {a}");
                assert_eq!(r.read(a), super::super::instant(a), "{a} after {b}");
            }
        }
    }
}
