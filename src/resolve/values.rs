//! Literal values: durations, dates, whole numbers.

use super::Resolver;
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::model::{Duration, Unit};
use crate::source::span::FileId;
use crate::syntax::ast;

/// Ten years in minutes: no standard means a step longer than that.
const MAX_MINUTES: u64 = 10 * 366 * 1_440;

/// Abbreviations people write in tables, and their units.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("mnt", "menit"),
    ("mnt.", "menit"),
    ("men", "menit"),
    ("jm", "jam"),
    ("hr", "hari"),
    ("hk", "hari kerja"),
    ("hrk", "hari kerja"),
    ("mg", "minggu"),
    ("mgg", "minggu"),
    ("bln", "bulan"),
    ("min", "minutes"),
    ("mins", "minutes"),
    ("hrs", "hours"),
    ("wd", "working days"),
];

/// The unit meant by an unknown one: an abbreviation, else a close spelling.
fn unit_suggestion(written: &str) -> Option<String> {
    let lower = written.to_lowercase();
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == lower)
        .map(|(_, u)| (*u).to_string())
        .or_else(|| did_you_mean(written, Unit::WORDS.iter().copied()))
}

/// A decimal amount of `unit` in the next smaller unit of the same measure, when that comes
/// out whole: `1,5 jam` is `90 menit` (both working time), `1,5 minggu` is not whole days.
/// Calendar days have no smaller calendar unit (`jam` is working time: `1,5 hari` is not
/// `36 jam`), working days and months no fixed size in a smaller one, minutes none.
fn smaller(decimal: &str, unit: &str) -> Option<String> {
    let (factor, word) = match unit {
        "jam" => (60, "menit"),
        "hours" | "hour" => (60, "minutes"),
        "minggu" => (7, "hari"),
        "weeks" | "week" => (7, "days"),
        _ => return None,
    };
    let (whole, fraction) = decimal.split_once([',', '.'])?;
    if whole.len() > 9 || fraction.len() > 6 {
        return None;
    }
    let scale = 10u64.pow(u32::try_from(fraction.len()).ok()?);
    let total = (whole.parse::<u64>().ok()? * scale + fraction.parse::<u64>().ok()?) * factor;
    (total % scale == 0).then(|| format!("{} {word}", total / scale))
}

impl Resolver<'_> {
    /// Reads a duration; reports and returns `None` when it makes no sense.
    pub fn duration(&mut self, file: FileId, d: &ast::Duration) -> Option<Duration> {
        let unit = match Unit::parse(&d.unit.text) {
            // `1 x 24 jam`: whole days of elapsed time, as published.
            Some(Unit::Hour) if d.full_days => Unit::Day,
            Some(_) if d.full_days => {
                let kind = Kind::FullDaysNotHours {
                    unit: d.unit.text.clone(),
                };
                self.report(Diagnostic::at(kind, file, d.unit.span));
                return None;
            }
            Some(u) => u,
            None => {
                let kind = Kind::UnknownUnit {
                    unit: d.unit.text.clone(),
                    suggestion: unit_suggestion(&d.unit.text),
                };
                self.report(Diagnostic::at(kind, file, d.unit.span));
                return None;
            }
        };
        if let Some(decimal) = &d.decimal {
            let instead = smaller(&decimal.text, &d.unit.text);
            let kind = Kind::DecimalDuration {
                written: format!("{} {}", decimal.text, d.unit.text),
                instead: instead.clone(),
            };
            let whole = crate::source::span::Span::new(
                decimal.span.start as usize,
                d.unit.span.end as usize,
            );
            let mut diag = Diagnostic::at(kind, file, whole);
            if let Some(i) = instead {
                diag = diag.with_fix(whole, i);
            }
            self.report(diag);
            return None;
        }
        let low = self.amount(file, &d.low, d.span)?;
        let high = match &d.high {
            Some(h) => self.amount(file, h, d.span)?,
            None => low,
        };
        if high < low {
            let kind = Kind::ReversedRange {
                low: i64::from(low),
                high: i64::from(high),
            };
            let mut diag = Diagnostic::at(kind, file, d.span);
            if let Some(h) = &d.high {
                let range =
                    crate::source::span::Span::new(d.low.span.start as usize, h.span.end as usize);
                diag = diag.with_fix(range, format!("{high}..{low}"));
            }
            self.report(diag);
            return None;
        }
        if u64::from(high) * unit.rough_minutes() > MAX_MINUTES {
            self.report(Diagnostic::at(Kind::DurationTooLarge, file, d.span));
            return None;
        }
        // `24 jam` counts working hours — three working days and more — where a whole day
        // is often meant.
        if unit == Unit::Hour && high >= 24 && high % 24 == 0 {
            let kind = Kind::HoursAsDays {
                hours: high,
                days: high / 24,
            };
            self.report(Diagnostic::at(kind, file, d.span));
        }
        let min = if d.at_most { 0 } else { low };
        Some(Duration {
            min,
            max: high,
            unit,
        })
    }

    fn amount(
        &mut self,
        file: FileId,
        n: &ast::Int,
        whole: crate::source::span::Span,
    ) -> Option<u32> {
        match n.value {
            Some(v) if v < 0 => {
                self.report(Diagnostic::at(Kind::NegativeDuration, file, whole));
                None
            }
            Some(v) => match u32::try_from(v) {
                Ok(v) => Some(v),
                Err(_) => {
                    self.report(Diagnostic::at(Kind::DurationTooLarge, file, whole));
                    None
                }
            },
            None => {
                self.report(Diagnostic::at(Kind::DurationTooLarge, file, whole));
                None
            }
        }
    }

    /// The identity page as the model keeps it: the texts, without their places; its dates
    /// checked.
    pub(super) fn sop_identity(
        &mut self,
        file: FileId,
        id: &ast::SopIdentity,
    ) -> crate::model::SopIdentity {
        for d in [&id.made, &id.revised, &id.in_force].into_iter().flatten() {
            self.date(file, d);
        }
        let text = |t: &Option<ast::Text>| t.as_ref().map(|t| t.value.clone());
        let date = |d: &Option<ast::DateLit>| d.as_ref().map(|d| d.text.clone());
        let list = |l: &Option<ast::TextList>| {
            l.as_ref()
                .map(|l| l.items.iter().map(|t| t.value.clone()).collect())
                .unwrap_or_default()
        };
        crate::model::SopIdentity {
            number: text(&id.number),
            made: date(&id.made),
            revised: date(&id.revised),
            in_force: date(&id.in_force),
            approved: id.approved.as_ref().map(|a| crate::model::Approval {
                title: a.title.value.clone(),
                name: text(&a.name),
                nip: text(&a.nip),
            }),
            legal_basis: list(&id.legal_basis),
            related: list(&id.related),
            equipment: list(&id.equipment),
            warnings: list(&id.warnings),
            recording: list(&id.recording),
            qualifications: list(&id.qualifications),
        }
    }

    /// Reads a date; reports and returns `None` when it does not exist.
    pub fn date(&mut self, file: FileId, d: &ast::DateLit) -> Option<jiff::civil::Date> {
        let mut parts = d.text.split('-').map(str::parse::<i64>);
        let parsed = match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(day))) => {
                // Standards are dated within the years a calendar can cover.
                match (i16::try_from(y), i8::try_from(m), i8::try_from(day)) {
                    (Ok(y @ 1900..=2200), Ok(m), Ok(day)) => jiff::civil::Date::new(y, m, day).ok(),
                    _ => None,
                }
            }
            _ => None,
        };
        if parsed.is_none() {
            let kind = Kind::InvalidDate {
                text: d.text.clone(),
            };
            self.report(Diagnostic::at(kind, file, d.span));
        }
        parsed
    }

    /// Reads a whole number that must be at least `min`.
    pub fn count(&mut self, file: FileId, n: &ast::Int, min: i64) -> Option<u32> {
        let ok = n
            .value
            .filter(|v| *v >= min)
            .and_then(|v| u32::try_from(v).ok());
        if ok.is_none() {
            let text = self.slice(file, n.span);
            self.report(Diagnostic::at(Kind::InvalidNumber { text }, file, n.span));
        }
        ok
    }
}
