//! A calendar file's zone, working hours per weekday and day-count rule.

use super::*;

impl Reader<'_> {
    /// `hitungan_hari: sejak_hari_berikutnya` or `hitungan_hari: { batas_pukul: "14:00" }`
    /// (`tutup` for each day's closing time); English `from_next_day`, `cutoff`, `close`.
    pub(super) fn day_count(&mut self, value: &serde_yaml::Value) -> Option<DayCount> {
        const WORDS: [&str; 6] = [
            "sejak_hari_berikutnya",
            "from_next_day",
            "batas_pukul",
            "cutoff",
            "tutup",
            "close",
        ];
        let (text, cutoff) = match value {
            serde_yaml::Value::String(s) => (s.clone(), false),
            serde_yaml::Value::Mapping(m) if m.len() == 1 => {
                let (key, v) = m.iter().next()?;
                let key = key.as_str().unwrap_or_default();
                if !matches!(key, "batas_pukul" | "cutoff") {
                    let span = self.locate(key);
                    self.unknown(ValueKind::DayCount, key, span, &WORDS);
                    return None;
                }
                (v.as_str().unwrap_or_default().to_string(), true)
            }
            _ => (String::new(), false),
        };
        let span = self.locate(&text);
        match (cutoff, text.as_str()) {
            (false, "sejak_hari_berikutnya" | "from_next_day") => Some(DayCount::NextDay),
            (true, "tutup" | "close") => Some(DayCount::CutOffAtClose),
            (true, clock) => match parse_clock(clock) {
                Some(minutes) => Some(DayCount::CutOff(u32::from(minutes) * 60)),
                None => {
                    let kind = Kind::InvalidHours {
                        text: clock.to_string(),
                        overlap: false,
                    };
                    self.report(kind, span);
                    None
                }
            },
            (false, other) => {
                self.unknown(ValueKind::DayCount, other, span, &WORDS);
                None
            }
        }
    }

    /// `hari_biasa_jatuh_libur: tetap` or `hari_kerja_berikutnya` (English `keep`,
    /// `next_working_day`).
    pub(super) fn plain_days(&mut self, value: &str) -> Option<PlainDays> {
        const WORDS: [&str; 4] = ["tetap", "keep", "hari_kerja_berikutnya", "next_working_day"];
        match value {
            "tetap" | "keep" => Some(PlainDays::Keep),
            "hari_kerja_berikutnya" | "next_working_day" => Some(PlainDays::NextWorkingDay),
            other => {
                // Found after its own key, wherever the file writes it.
                let saved = self.cursor;
                self.cursor = ["hari_biasa_jatuh_libur", "plain_days_on_day_off"]
                    .iter()
                    .find_map(|k| self.text.find(k))
                    .unwrap_or(saved);
                let span = self.locate(other);
                self.cursor = saved;
                self.unknown(ValueKind::PlainDays, other, span, &WORDS);
                None
            }
        }
    }

    pub(super) fn zone(&mut self, z: &str) -> Option<Zone> {
        let span = self.locate(z);
        let zone = Zone::parse(z);
        if zone.is_none() {
            let kind = Kind::UnknownValue {
                kind: ValueKind::Zone,
                value: z.to_string(),
                suggestion: did_you_mean(z, ["WIB", "WITA", "WIT"]),
            };
            self.report(kind, span);
        }
        zone
    }

    pub(super) fn hours(&mut self, map: &serde_yaml::Mapping) -> [Vec<(u16, u16)>; 7] {
        let mut week: [Vec<(u16, u16)>; 7] = Default::default();
        let mut seen = [false; 7];
        for (key, value) in map {
            let key = key.as_str().unwrap_or_default().to_string();
            let span = self.locate(&key);
            let index = WEEKDAYS
                .iter()
                .position(|names| names.contains(&key.as_str()));
            let Some(index) = index else {
                let kind = Kind::UnknownValue {
                    kind: ValueKind::Weekday,
                    value: key.clone(),
                    suggestion: did_you_mean(&key, WEEKDAYS.iter().flatten().copied()),
                };
                self.report(kind, span);
                continue;
            };
            // `jumat` and `friday` are one day: written twice, which hours would count?
            if std::mem::replace(&mut seen[index], true) {
                let [id, en] = WEEKDAYS[index];
                let kind = Kind::DuplicateItem {
                    item: crate::diag::Phrase::Keyword(id, en),
                };
                self.report(kind, span);
                continue;
            }
            let items: Vec<String> = value
                .as_sequence()
                .map(|s| {
                    s.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let mut last_end = 0u16;
            for item in items {
                let span = self.locate(&item);
                match parse_interval(&item) {
                    Some((a, b)) if a >= last_end || week[index].is_empty() => {
                        week[index].push((a, b));
                        last_end = b;
                    }
                    Some(_) => self.report(
                        Kind::InvalidHours {
                            text: item,
                            overlap: true,
                        },
                        span,
                    ),
                    None => self.report(
                        Kind::InvalidHours {
                            text: item,
                            overlap: false,
                        },
                        span,
                    ),
                }
            }
        }
        week
    }
}

/// `07:30-12:00` → minutes from midnight.
pub(super) fn parse_interval(text: &str) -> Option<(u16, u16)> {
    let (a, b) = text.split_once('-')?;
    let (a, b) = (parse_clock(a)?, parse_clock(b)?);
    (a < b).then_some((a, b))
}

pub(super) fn parse_clock(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    // `then`, not `then_some`: the sum must not be computed for an hour like 2026.
    (h <= 24 && m < 60 && h * 60 + m <= 1440).then(|| h * 60 + m)
}
