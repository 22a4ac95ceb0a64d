//! Why a complaint cannot be routed, in words.

/// Why a complaint cannot be routed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteError {
    /// No such channel.
    Channel {
        /// As given.
        given: String,
        /// The policy's channels.
        known: String,
    },
    /// A channel that only carries answers (`hanya_balasan`): complaints do not come in by it.
    ReplyOnly {
        /// As given.
        given: String,
        /// The channels complaints come in by.
        known: String,
    },
    /// The policy has tiers, and none was given.
    SeverityNeeded {
        /// The policy's tiers.
        known: String,
    },
    /// No such tier.
    Severity {
        /// As given.
        given: String,
        /// The policy's tiers.
        known: String,
    },
    /// Facts the reply rules or the book need.
    MissingFacts(String),
    /// A fact value the policy does not declare.
    FactValue {
        /// Fact.
        fact: String,
        /// As given.
        value: String,
        /// Declared values.
        known: String,
    },
    /// No reply rule applies (a gap the checks report too).
    NoRule(String),
    /// The due instant is outside the calendar.
    Calendar(crate::time::CalendarError),
    /// The tier's reply deadline falls past the calendar's last day.
    DuePastRange {
        /// The tier.
        severity: String,
        /// Why its due cannot be reckoned.
        reason: Box<crate::time::CalendarError>,
    },
}

impl RouteError {
    /// Why, in words, in `lang`.
    pub fn message(&self, lang: crate::diag::Lang) -> String {
        use crate::diag::Lang::{En, Id};
        match (self, lang) {
            (RouteError::Channel { given, known }, Id) => {
                format!("saluran `{given}` tidak dikenal; saluran: {known}")
            }
            (RouteError::Channel { given, known }, En) => {
                format!("unknown channel `{given}`; channels: {known}")
            }
            (RouteError::ReplyOnly { given, known }, Id) => format!(
                "saluran `{given}` hanya untuk balasan, pengaduan tidak masuk lewat saluran itu; saluran pengaduan: {known}"
            ),
            (RouteError::ReplyOnly { given, known }, En) => format!(
                "channel `{given}` only carries answers, complaints do not come in by it; complaint channels: {known}"
            ),
            (RouteError::SeverityNeeded { known }, Id) => {
                format!("sebutkan tingkatnya (`--severity`); tingkat: {known}")
            }
            (RouteError::SeverityNeeded { known }, En) => {
                format!("give the tier (`--severity`); tiers: {known}")
            }
            (RouteError::Severity { given, known }, Id) => {
                format!("tingkat `{given}` tidak dikenal; tingkat: {known}")
            }
            (RouteError::Severity { given, known }, En) => {
                format!("unknown severity `{given}`; tiers: {known}")
            }
            (RouteError::MissingFacts(f), Id) => {
                format!("fakta belum diberikan (`--fact nama=nilai`): {f}")
            }
            (RouteError::MissingFacts(f), En) => {
                format!("missing facts (`--fact name=value`): {f}")
            }
            (RouteError::FactValue { fact, value, known }, Id) => {
                format!("fakta `{fact}` tidak dapat bernilai `{value}`; nilai: {known}")
            }
            (RouteError::FactValue { fact, value, known }, En) => {
                format!("fact `{fact}` cannot be `{value}`; values: {known}")
            }
            (RouteError::NoRule(c), Id) => {
                format!("tidak ada aturan balasan untuk `{c}` dengan fakta ini")
            }
            (RouteError::NoRule(c), En) => {
                format!("no reply rule applies to `{c}` with these facts")
            }
            (RouteError::Calendar(e), _) => e.message(lang),
            (RouteError::DuePastRange { severity, reason }, Id) => format!(
                "tenggat jawaban tingkat `{severity}` jatuh di luar kalender ({}): perpanjang `berlaku` kalendernya",
                reason.message(lang)
            ),
            (RouteError::DuePastRange { severity, reason }, En) => format!(
                "the reply deadline of tier `{severity}` falls outside the calendar ({}): extend the calendar's `range`",
                reason.message(lang)
            ),
        }
    }
}

impl std::fmt::Display for RouteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::diag::Lang::En))
    }
}

impl std::error::Error for RouteError {}
