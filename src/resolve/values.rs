//! Literal values: durations, dates, whole numbers.

use super::Resolver;
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::model::{Duration, Unit};
use crate::source::span::FileId;
use crate::syntax::ast;

/// Ten years in minutes: no standard means a step longer than that.
const MAX_MINUTES: u64 = 10 * 366 * 1_440;

impl Resolver<'_> {
    /// Reads a duration; reports and returns `None` when it makes no sense.
    pub fn duration(&mut self, file: FileId, d: &ast::Duration) -> Option<Duration> {
        let unit = match Unit::parse(&d.unit.text) {
            Some(u) => u,
            None => {
                let kind = Kind::UnknownUnit {
                    unit: d.unit.text.clone(),
                    suggestion: did_you_mean(&d.unit.text, Unit::WORDS.iter().copied()),
                };
                self.report(Diagnostic::at(kind, file, d.unit.span));
                return None;
            }
        };
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
            self.report(Diagnostic::at(kind, file, d.span));
            return None;
        }
        if u64::from(high) * unit.rough_minutes() > MAX_MINUTES {
            self.report(Diagnostic::at(Kind::DurationTooLarge, file, d.span));
            return None;
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

    /// Reads a date; reports and returns `None` when it does not exist.
    pub fn date(&mut self, file: FileId, d: &ast::DateLit) -> Option<jiff::civil::Date> {
        let mut parts = d.text.split('-').map(str::parse::<i64>);
        let parsed = match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(day))) => {
                match (i16::try_from(y), i8::try_from(m), i8::try_from(day)) {
                    (Ok(y), Ok(m), Ok(day)) => jiff::civil::Date::new(y, m, day).ok(),
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
