//! Calendar files (YAML) → a validated [`Layer`], with diagnostics that point into the file.
//!
//! YAML readers give no positions for values, so each value is found again in the text,
//! in file order, to label it. Keys are Indonesian with English aliases.

use super::days::{civil, Zone};
use crate::diag::{did_you_mean, Diagnostic, Kind, ValueKind};
use crate::source::span::{FileId, Span};
use serde::Deserialize;

mod days;
mod hours;
pub use days::parse_date;

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Closure {
    /// Libur nasional.
    Holiday,
    /// Cuti bersama.
    CollectiveLeave,
    /// A closure of this agency (local holiday).
    Local,
}

/// One listed day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Day number (days since 1970-01-01).
    pub day: i32,
    /// Name as listed.
    pub name: String,
    /// The decree that set it.
    pub source: String,
    /// Kind of closure.
    pub kind: Closure,
    /// Whether the year's data is provisional.
    pub provisional: bool,
}

/// One calendar file, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// Calendar name.
    pub name: String,
    /// Where the name is written.
    pub name_at: Span,
    /// Title.
    pub title: String,
    /// The calendar it builds on, and where that is written.
    pub base: Option<(String, Span)>,
    /// Time zone.
    pub zone: Option<Zone>,
    /// Covered days (first, last) as day numbers.
    pub range: Option<(i32, i32)>,
    /// Working intervals per weekday (Monday first), minutes from midnight.
    pub hours: Option<[Vec<(u16, u16)>; 7]>,
    /// Non-working days listed.
    pub closed: Vec<Day>,
    /// Extra working days listed.
    pub extra: Vec<(i32, String)>,
    /// When the count of working days starts, if this file says.
    pub day_count: Option<DayCount>,
    /// Whether the office closes on cuti bersama, if this file says.
    pub leave_closed: Option<bool>,
    /// Where a deadline in plain days that falls on a day off goes, if this file says.
    pub plain_days: Option<PlainDays>,
}

/// Where a deadline counted in plain days (`hari`, `minggu`, `bulan`) goes when it falls on
/// a day the office does not work: the agency's rule, stated in its calendar file
/// (`hari_biasa_jatuh_libur`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlainDays {
    /// It stays where it falls (`tetap`). The default.
    #[default]
    Keep,
    /// It moves to the close of the next working day (`hari_kerja_berikutnya`).
    NextWorkingDay,
}

/// When the count of "N hari kerja" starts: the agency's rule (DESIGN §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// The day of receipt is not counted: the first working day after it is day 1, whatever
    /// the hour (the regulations' "sejak diterima" read literally). The default.
    #[default]
    NextDay,
    /// Received on a working day before the cut-off (seconds after local midnight), the day
    /// of receipt is day 0; past it, or on a day off, the next working day is day 0.
    CutOff(u32),
    /// As `CutOff`, with each day's closing time as the cut-off.
    CutOffAtClose,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(alias = "name")]
    nama: String,
    #[serde(alias = "title", default)]
    judul: Option<String>,
    #[serde(alias = "base", default)]
    dasar: Option<String>,
    #[serde(alias = "zone", default)]
    zona: Option<String>,
    #[serde(alias = "range", default)]
    berlaku: Option<Range>,
    #[serde(alias = "hours", default)]
    jam_kerja: Option<serde_yaml::Mapping>,
    #[serde(alias = "years", default)]
    tahun: Vec<Year>,
    #[serde(alias = "closures", default)]
    libur_tambahan: Vec<String>,
    #[serde(alias = "extra_working_days", default)]
    hari_kerja_tambahan: Vec<String>,
    #[serde(alias = "day_count", default)]
    hitungan_hari: Option<serde_yaml::Value>,
    #[serde(alias = "collective_leave_closed", default)]
    cuti_bersama_libur: Option<bool>,
    #[serde(alias = "plain_days_on_day_off", default)]
    hari_biasa_jatuh_libur: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    #[serde(alias = "from")]
    dari: String,
    #[serde(alias = "to")]
    sampai: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Decree {
    #[serde(alias = "number")]
    nomor: String,
    #[serde(alias = "date", default)]
    tanggal: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Year {
    #[serde(alias = "year")]
    tahun: i32,
    #[serde(alias = "provisional", default)]
    sementara: bool,
    #[serde(alias = "decree")]
    keputusan: Decree,
    #[serde(alias = "holidays", default)]
    libur: Vec<String>,
    #[serde(alias = "collective_leave", default)]
    cuti_bersama: Vec<String>,
    #[serde(alias = "amendments", default)]
    perubahan: Vec<Amendment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amendment {
    #[serde(alias = "decree")]
    keputusan: Decree,
    #[serde(alias = "holidays", default)]
    libur: Vec<String>,
    #[serde(alias = "collective_leave", default)]
    cuti_bersama: Vec<String>,
}

/// The most years one calendar covers: holidays are decreed a year at a time, and the
/// lookup tables cost about 20 bytes a day.
const MAX_RANGE_YEARS: i64 = 100;
const MAX_RANGE_DAYS: i64 = MAX_RANGE_YEARS * 366;

const WEEKDAYS: [[&str; 2]; 7] = [
    ["senin", "monday"],
    ["selasa", "tuesday"],
    ["rabu", "wednesday"],
    ["kamis", "thursday"],
    ["jumat", "friday"],
    ["sabtu", "saturday"],
    ["minggu", "sunday"],
];

const MAX_FLOW_DEPTH: usize = crate::source::limits::MAX_YAML_DEPTH;

fn too_deep(text: &str) -> Option<usize> {
    crate::source::limits::yaml_too_deep(text, MAX_FLOW_DEPTH)
}

/// Reads one calendar file. `None` when it cannot be read at all.
pub fn parse(text: &str, file: FileId) -> (Option<Layer>, Vec<Diagnostic>) {
    let mut r = Reader {
        text,
        file,
        cursor: 0,
        diags: Vec::new(),
        listed: Vec::new(),
        name_at: Span::new(0, 0),
    };
    if let Some((i, c)) = text
        .char_indices()
        .find(|(_, c)| crate::source::hidden_character(*c))
    {
        let kind = Kind::ControlCharacter {
            code_point: format!("U+{:04X}", u32::from(c)),
        };
        return (
            None,
            vec![Diagnostic::at(kind, file, Span::new(i, i + c.len_utf8()))],
        );
    }
    if let Some(offset) = too_deep(text) {
        let kind = Kind::TooDeep {
            limit: MAX_FLOW_DEPTH,
        };
        return (
            None,
            vec![Diagnostic::at(kind, file, Span::new(offset, offset + 1))],
        );
    }
    let data: File = match serde_yaml::from_str(text) {
        Ok(d) => d,
        Err(e) => {
            let offset = e.location().map_or(0, |l| l.index());
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            let kind = Kind::CalendarSyntax { message };
            return (
                None,
                vec![Diagnostic::at(kind, file, Span::new(offset, offset + 1))],
            );
        }
    };
    let layer = r.layer(data);
    (Some(layer), r.diags)
}

struct Reader<'t> {
    text: &'t str,
    file: FileId,
    cursor: usize,
    diags: Vec<Diagnostic>,
    /// Every date listed, with where: a repeated date is reported at its own listing.
    listed: Vec<(i32, Span)>,
    /// Where the calendar's name is written.
    name_at: Span,
}

impl Reader<'_> {
    /// Finds `needle` at or after the cursor and moves past it.
    fn locate(&mut self, needle: &str) -> Span {
        let found = self
            .text
            .get(self.cursor..)
            .and_then(|rest| rest.find(needle));
        match found {
            Some(i) => {
                let start = self.cursor + i;
                self.cursor = start + needle.len();
                Span::new(start, start + needle.len())
            }
            None => Span::new(self.cursor, self.cursor),
        }
    }

    fn report(&mut self, kind: Kind, span: Span) {
        self.diags.push(Diagnostic::at(kind, self.file, span));
    }

    fn layer(&mut self, data: File) -> Layer {
        let name_at = self.locate(&data.nama);
        self.name_at = name_at;
        let base = data.dasar.as_ref().map(|b| (b.clone(), self.locate(b)));
        let zone = data.zona.as_ref().and_then(|z| self.zone(z));
        let range = data.berlaku.as_ref().and_then(|r| self.range(r));
        let hours = data.jam_kerja.as_ref().map(|m| self.hours(m));
        // Hours written, and not one interval among them: no day could ever be worked.
        if hours.as_ref().is_some_and(|h| h.iter().all(Vec::is_empty)) {
            let at = self
                .text
                .find("jam_kerja")
                .or_else(|| self.text.find("hours"));
            let span = at.map_or(Span::new(0, 0), |i| {
                Span::new(i, i + "jam_kerja".len().min(self.text.len() - i))
            });
            self.report(Kind::NoWorkingHours, span);
        }
        let mut closed = Vec::new();
        for year in &data.tahun {
            self.year(year, range, &mut closed);
        }
        for line in &data.libur_tambahan {
            if let Some((day, name, _)) = self.day_line(line, range) {
                closed.push(Day {
                    day,
                    name,
                    source: data.judul.clone().unwrap_or_else(|| data.nama.clone()),
                    kind: Closure::Local,
                    provisional: false,
                });
            }
        }
        let mut extra = Vec::new();
        for line in &data.hari_kerja_tambahan {
            if let Some((day, name, _)) = self.day_line(line, range) {
                extra.push((day, name));
            }
        }
        self.duplicates(&closed, &extra);
        let day_count = data.hitungan_hari.as_ref().and_then(|v| self.day_count(v));
        let plain_days = data
            .hari_biasa_jatuh_libur
            .as_deref()
            .and_then(|v| self.plain_days(v));
        Layer {
            name: data.nama.clone(),
            name_at: self.name_at,
            title: data.judul.unwrap_or(data.nama),
            base,
            zone,
            range,
            hours,
            closed,
            extra,
            day_count,
            leave_closed: data.cuti_bersama_libur,
            plain_days,
        }
    }

    fn unknown(&mut self, kind: ValueKind, value: &str, span: Span, words: &[&str]) {
        let kind = Kind::UnknownValue {
            kind,
            value: value.to_string(),
            suggestion: did_you_mean(value, words.iter().copied()),
        };
        self.report(kind, span);
    }

    fn date(&mut self, text: &str, span: Span) -> Option<i32> {
        let day = parse_date(text);
        if day.is_none() {
            self.report(
                Kind::InvalidDate {
                    text: text.to_string(),
                },
                span,
            );
        }
        day
    }

    fn range(&mut self, r: &Range) -> Option<(i32, i32)> {
        let from_span = self.locate(&r.dari);
        let from = self.date(&r.dari, from_span);
        let to_span = self.locate(&r.sampai);
        let to = self.date(&r.sampai, to_span);
        match (from, to) {
            (Some(a), Some(b)) if i64::from(b) - i64::from(a) > MAX_RANGE_DAYS => {
                let kind = Kind::RangeTooWide {
                    years: (i64::from(b) - i64::from(a)) / 365,
                    limit: MAX_RANGE_YEARS,
                };
                self.report(
                    kind,
                    Span::new(from_span.start as usize, to_span.end as usize),
                );
                None
            }
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            (Some(_), Some(_)) => {
                let kind = Kind::OutsideRange {
                    date: r.sampai.clone(),
                    from: r.dari.clone(),
                    to: r.sampai.clone(),
                };
                self.report(kind, to_span);
                None
            }
            _ => None,
        }
    }
}
