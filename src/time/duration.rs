//! Amounts of time as standards write them: a number (or a range) of one unit.

use serde::{Deserialize, Serialize};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// menit.
    Minute,
    /// jam.
    Hour,
    /// hari kerja: counted on the working-day calendar.
    WorkingDay,
    /// hari: calendar day.
    Day,
    /// minggu.
    Week,
    /// bulan: calendar month.
    Month,
}

impl Unit {
    /// Reads a unit word in either language.
    pub fn parse(word: &str) -> Option<Unit> {
        Some(match word {
            "menit" | "minute" | "minutes" => Unit::Minute,
            "jam" | "hour" | "hours" => Unit::Hour,
            "hari kerja" | "working day" | "working days" => Unit::WorkingDay,
            "hari" | "day" | "days" => Unit::Day,
            "minggu" | "week" | "weeks" => Unit::Week,
            "bulan" | "month" | "months" => Unit::Month,
            _ => return None,
        })
    }

    /// Every spelling, for "did you mean".
    pub const WORDS: &'static [&'static str] = &[
        "menit",
        "minutes",
        "jam",
        "hours",
        "hari kerja",
        "working days",
        "hari",
        "days",
        "minggu",
        "weeks",
        "bulan",
        "months",
    ];

    /// How the unit is measured: working time on the calendar, or time on the wall clock.
    pub fn measure(self) -> Measure {
        match self {
            Unit::Minute | Unit::Hour | Unit::WorkingDay => Measure::Working,
            Unit::Day | Unit::Week | Unit::Month => Measure::Wall,
        }
    }

    /// Roughly how many minutes one unit lasts, to catch absurd durations (a working day is
    /// counted as a whole day here, a month as 31 days).
    pub fn rough_minutes(self) -> u64 {
        match self {
            Unit::Minute => 1,
            Unit::Hour => 60,
            Unit::WorkingDay | Unit::Day => 1_440,
            Unit::Week => 10_080,
            Unit::Month => 44_640,
        }
    }
}

/// A duration or a range of durations in one unit. An exact duration has `min == max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Duration {
    /// Shortest.
    pub min: u32,
    /// Longest.
    pub max: u32,
    /// Unit.
    pub unit: Unit,
}

impl Duration {
    /// Reads a duration written on its own, as on the command line: `3 hari kerja`,
    /// `20 menit`, `3..5 working days`, `paling lama 2 jam`.
    pub fn from_text(text: &str) -> Option<Duration> {
        let text = text.trim();
        let (at_most, rest) = match text
            .strip_prefix("paling lama")
            .or_else(|| text.strip_prefix("at most"))
        {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text),
        };
        let (amount, unit) = rest.split_once(char::is_whitespace)?;
        let unit = Unit::parse(&unit.split_whitespace().collect::<Vec<_>>().join(" "))?;
        let (low, high) = match amount.split_once("..") {
            Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
            None => {
                let n = amount.parse().ok()?;
                (n, n)
            }
        };
        (low <= high).then_some(Duration {
            min: if at_most { 0 } else { low },
            max: high,
            unit,
        })
    }
}

/// What a clock counts: working time (only inside working hours, on working days) or wall
/// time (every second).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Working seconds on the calendar (menit, jam, hari kerja).
    Working,
    /// Wall-clock seconds (hari, minggu, bulan).
    Wall,
}
