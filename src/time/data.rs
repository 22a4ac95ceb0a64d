//! Calendar files (YAML) → a validated [`Layer`], with diagnostics that point into the file.
//!
//! YAML readers give no positions for values, so each value is found again in the text,
//! in file order, to label it. Keys are Indonesian with English aliases.

use super::days::{civil, Zone};
use crate::diag::{did_you_mean, Diagnostic, Kind, ValueKind};
use crate::source::span::{FileId, Span};
use serde::Deserialize;

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
}

/// When the count of "N hari kerja" starts: the agency's rule (DESIGN §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
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

/// How deep `[` and `{` may nest in a calendar file; the format itself needs three levels.
const MAX_FLOW_DEPTH: usize = 16;

/// The offset of the first `[` or `{` nested deeper than [`MAX_FLOW_DEPTH`]. The YAML reader
/// keeps a list per open level that it walks for every token, so deep nesting costs it the
/// square of the file; this scan refuses such a file first. It ignores quotes and comments on
/// purpose: it may only ever over-count, and a real calendar is far below the limit anyway.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Reads one calendar file. `None` when it cannot be read at all.
pub fn parse(text: &str, file: FileId) -> (Option<Layer>, Vec<Diagnostic>) {
    let mut r = Reader {
        text,
        file,
        cursor: 0,
        diags: Vec::new(),
        listed: Vec::new(),
    };
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
        self.locate(&data.nama);
        let base = data.dasar.as_ref().map(|b| (b.clone(), self.locate(b)));
        let zone = data.zona.as_ref().and_then(|z| self.zone(z));
        let range = data.berlaku.as_ref().and_then(|r| self.range(r));
        let hours = data.jam_kerja.as_ref().map(|m| self.hours(m));
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
        Layer {
            name: data.nama.clone(),
            title: data.judul.unwrap_or(data.nama),
            base,
            zone,
            range,
            hours,
            closed,
            extra,
            day_count,
            leave_closed: data.cuti_bersama_libur,
        }
    }

    /// `hitungan_hari: sejak_hari_berikutnya` or `hitungan_hari: { batas_pukul: "14:00" }`
    /// (`tutup` for each day's closing time); English `from_next_day`, `cutoff`, `close`.
    fn day_count(&mut self, value: &serde_yaml::Value) -> Option<DayCount> {
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

    fn unknown(&mut self, kind: ValueKind, value: &str, span: Span, words: &[&str]) {
        let kind = Kind::UnknownValue {
            kind,
            value: value.to_string(),
            suggestion: did_you_mean(value, words.iter().copied()),
        };
        self.report(kind, span);
    }

    fn zone(&mut self, z: &str) -> Option<Zone> {
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

    fn hours(&mut self, map: &serde_yaml::Mapping) -> [Vec<(u16, u16)>; 7] {
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

    fn year(&mut self, y: &Year, range: Option<(i32, i32)>, out: &mut Vec<Day>) {
        if !(1..=9999).contains(&y.tahun) {
            let span = self.locate(&y.tahun.to_string());
            let (from, to) = range.map_or(("0001-01-01".into(), "9999-12-31".into()), |(a, b)| {
                (civil::format(a), civil::format(b))
            });
            let date = y.tahun.to_string();
            self.report(Kind::OutsideRange { date, from, to }, span);
            return;
        }
        // Days listed under a year must fall in that year (and in the declared range).
        let whole = (civil::days(y.tahun, 1, 1), civil::days(y.tahun, 12, 31));
        let range = Some(match range {
            Some((a, b)) => (a.max(whole.0), b.min(whole.1)),
            None => whole,
        });
        self.decree(
            &y.keputusan,
            &y.libur,
            &y.cuti_bersama,
            y.sementara,
            range,
            out,
        );
        for a in &y.perubahan {
            self.decree(
                &a.keputusan,
                &a.libur,
                &a.cuti_bersama,
                y.sementara,
                range,
                out,
            );
        }
    }

    /// The days one decree sets: its holidays and its collective-leave days.
    fn decree(
        &mut self,
        decree: &Decree,
        holidays: &[String],
        leave: &[String],
        provisional: bool,
        range: Option<(i32, i32)>,
        out: &mut Vec<Day>,
    ) {
        let source = decree_text(decree);
        self.locate(&decree.nomor);
        self.days(holidays, Closure::Holiday, &source, provisional, range, out);
        self.days(
            leave,
            Closure::CollectiveLeave,
            &source,
            provisional,
            range,
            out,
        );
    }

    fn days(
        &mut self,
        lines: &[String],
        kind: Closure,
        source: &str,
        provisional: bool,
        range: Option<(i32, i32)>,
        out: &mut Vec<Day>,
    ) {
        for line in lines {
            if let Some((day, name, _)) = self.day_line(line, range) {
                out.push(Day {
                    day,
                    name,
                    source: source.to_string(),
                    kind,
                    provisional,
                });
            }
        }
    }

    /// `2025-08-18 Name` → (day, name, span of the date).
    fn day_line(&mut self, line: &str, range: Option<(i32, i32)>) -> Option<(i32, String, Span)> {
        let span = self.locate(line);
        let (date, name) = line.split_once(' ').unwrap_or((line, ""));
        let date_span = Span::new(span.start as usize, span.start as usize + date.len());
        let day = self.date(date, date_span)?;
        if let Some((from, to)) = range {
            if day < from || day > to {
                let kind = Kind::OutsideRange {
                    date: date.to_string(),
                    from: civil::format(from),
                    to: civil::format(to),
                };
                self.report(kind, date_span);
                return None;
            }
        }
        self.listed.push((day, date_span));
        Some((day, name.trim().to_string(), date_span))
    }

    fn duplicates(&mut self, closed: &[Day], extra: &[(i32, String)]) {
        let mut seen = std::collections::HashSet::new();
        let days = closed
            .iter()
            .map(|d| d.day)
            .chain(extra.iter().map(|e| e.0));
        let mut dups = Vec::new();
        for day in days {
            if !seen.insert(day) {
                dups.push(day);
            }
        }
        // Each repeated date at its second listing (the one to remove), found in one pass.
        let mut listings: std::collections::HashMap<i32, Vec<Span>> =
            std::collections::HashMap::new();
        for (day, span) in &self.listed {
            listings.entry(*day).or_default().push(*span);
        }
        for day in dups {
            let span = listings
                .get(&day)
                .and_then(|spans| spans.get(1).or_else(|| spans.first()))
                .copied()
                .unwrap_or_else(|| Span::new(0, 0));
            self.report(
                Kind::DuplicateDate {
                    date: civil::format(day),
                },
                span,
            );
        }
    }
}

fn decree_text(d: &Decree) -> String {
    match &d.tanggal {
        Some(t) => format!("{} ({t})", d.nomor),
        None => d.nomor.clone(),
    }
}

/// `YYYY-MM-DD` → day number.
pub fn parse_date(text: &str) -> Option<i32> {
    let mut parts = text.trim().split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=9999).contains(&y) {
        return None;
    }
    civil::days_checked(y, m, d)
}

/// `07:30-12:00` → minutes from midnight.
fn parse_interval(text: &str) -> Option<(u16, u16)> {
    let (a, b) = text.split_once('-')?;
    let (a, b) = (parse_clock(a)?, parse_clock(b)?);
    (a < b).then_some((a, b))
}

fn parse_clock(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    // `then`, not `then_some`: the sum must not be computed for an hour like 2026.
    (h <= 24 && m < 60 && h * 60 + m <= 1440).then(|| h * 60 + m)
}
