//! Scenarios: a case file (YAML) with events and expectations, replayed on a standard.
//!
//! The expectations are a partial copy of the run's JSON ([`RunReport`]): every key written
//! must match; keys left out are not checked; a list must match element by element.

use crate::diag::Lang;
use crate::interp::{Action, CardLine, Case, ClockStatus, Event, EventError, Status};
use crate::project::Standard;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A case file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The standard's file, relative to the case file.
    pub standard: String,
    /// The procedure's id.
    pub procedure: String,
    /// The case id (default: the file name).
    #[serde(default)]
    pub case: Option<String>,
    /// When the case was opened.
    #[serde(deserialize_with = "crate::time::de_instant")]
    pub opened: Timestamp,
    /// The events, in order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The instant the status is read at (default: the last event).
    #[serde(default, deserialize_with = "crate::time::de_instant_opt")]
    pub now: Option<Timestamp>,
    /// What the run must show.
    #[serde(default)]
    pub expect: Option<serde_json::Value>,
}

/// The outcome of a run, as `sopan run --format json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    /// Case id.
    pub case: String,
    /// Standard (service) id.
    pub standard: String,
    /// Its version.
    pub version: String,
    /// Procedure id.
    pub procedure: String,
    /// The instant the status is read at.
    pub now: Timestamp,
    /// Where the case stands.
    pub state: State,
    /// The clock that matters now: the first one running within its budget (on track or at
    /// risk), else the first breached, else the first started, else the first.
    pub clock: Option<ClockStatus>,
    /// Every clock, by budget.
    pub clocks: Vec<ClockStatus>,
    /// The control card.
    pub card: Vec<CardLine>,
    /// Every action due up to `now`, in order.
    pub actions: Vec<Action>,
    /// Offset of the calendar's zone from UTC, for showing instants to people.
    #[serde(skip)]
    pub offset_seconds: i64,
}

/// Where the case stands.
#[derive(Debug, Clone, Serialize)]
pub struct State {
    /// Active steps.
    pub active: Vec<String>,
    /// Roles holding the case.
    pub holders: Vec<String>,
    /// Whether it is closed.
    pub finished: bool,
    /// The end reached.
    pub terminal: Option<String>,
    /// The end reached is where the published table stops (`terpotong`); left out when not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut_off: bool,
}

/// Why a scenario could not run. `Display` gives the English words; [`ScenarioError::message`]
/// either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// The procedure is not in the standard.
    NoProcedure(String),
    /// The case could not be opened.
    Open(EventError),
    /// The status cannot be read at `now`.
    Now(EventError),
    /// An event was refused.
    Refused {
        /// 1-based event number.
        index: usize,
        /// Why.
        reason: EventError,
    },
}

impl ScenarioError {
    /// Why, in words, in `lang`, with instants in `zone` (the standard's calendar's).
    pub fn message(&self, lang: Lang, zone: crate::time::Zone) -> String {
        match (self, lang) {
            (ScenarioError::NoProcedure(p), Lang::Id) => {
                format!("standar tidak punya prosedur `{p}`")
            }
            (ScenarioError::NoProcedure(p), Lang::En) => {
                format!("the standard has no procedure `{p}`")
            }
            (ScenarioError::Open(e), Lang::Id) => {
                format!(
                    "perkara tidak dapat dibuka (`opened`): {}",
                    e.message(lang, zone)
                )
            }
            (ScenarioError::Open(e), Lang::En) => {
                format!(
                    "the case cannot be opened (`opened`): {}",
                    e.message(lang, zone)
                )
            }
            (ScenarioError::Now(e), Lang::Id) => {
                format!(
                    "status tidak dapat dibaca pada `now`: {}",
                    e.message(lang, zone)
                )
            }
            (ScenarioError::Now(e), Lang::En) => {
                format!(
                    "the status cannot be read at `now`: {}",
                    e.message(lang, zone)
                )
            }
            (ScenarioError::Refused { index, reason }, Lang::Id) => {
                format!(
                    "kejadian ke-{index} ditolak: {}",
                    reason.message(lang, zone)
                )
            }
            (ScenarioError::Refused { index, reason }, Lang::En) => {
                format!("event {index} refused: {}", reason.message(lang, zone))
            }
        }
    }
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En, crate::time::Zone::Wib))
    }
}

impl std::error::Error for ScenarioError {}

/// Reads a case file; the reason it cannot be read is in `lang`. A byte-order mark is
/// dropped; deep `[`/`{` nesting and files over the limit are refused before the YAML reader
/// sees them (its time grows with the square of the nesting).
pub fn parse(text: &str, lang: Lang) -> Result<Scenario, String> {
    use crate::source::limits::{yaml_too_deep, MAX_CASE_BYTES, MAX_YAML_DEPTH};
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_CASE_BYTES {
        return Err(lang
            .pick(
                "berkas kasus lebih besar dari 4 MiB",
                "the case file is larger than 4 MiB",
            )
            .to_string());
    }
    if let Some(at) = yaml_too_deep(text, MAX_YAML_DEPTH) {
        let line = text[..at].matches('\n').count() + 1;
        return Err(match lang {
            Lang::Id => format!(
                "`[` atau `{{` bersarang lebih dari {MAX_YAML_DEPTH} tingkat (baris {line})"
            ),
            Lang::En => {
                format!("`[` or `{{` nested deeper than {MAX_YAML_DEPTH} levels (line {line})")
            }
        });
    }
    serde_yaml::from_str(text).map_err(|e| crate::source::yaml_words::explain(&e.to_string(), lang))
}

/// A reason serde gave for a case, scenario or event it could not read (`missing field`,
/// `unknown field`, …), in `lang`.
pub fn explain(reason: &str, lang: Lang) -> String {
    crate::source::yaml_words::explain(reason, lang)
}

/// Replays a scenario on a standard.
pub fn run(
    standard: &Standard,
    s: &Scenario,
    default_id: &str,
) -> Result<RunReport, ScenarioError> {
    let ctx = standard
        .context(&s.procedure)
        .ok_or_else(|| ScenarioError::NoProcedure(s.procedure.clone()))?;
    let id = s.case.clone().unwrap_or_else(|| default_id.to_string());
    let (mut case, mut actions) = Case::open(&ctx, &id, s.opened).map_err(ScenarioError::Open)?;
    for (i, e) in s.events.iter().enumerate() {
        // Obligations that fell due before this event come first.
        actions.extend(case.advance(&ctx, e.at()));
        let more = case
            .apply(&ctx, e.clone())
            .map_err(|err| ScenarioError::Refused {
                index: i + 1,
                reason: err,
            })?;
        actions.extend(more);
    }
    let now = s.now.unwrap_or(case.last());
    // Time passes to `now` first: a deemed approval due by then ends the case.
    actions.extend(case.advance(&ctx, now));
    let Status {
        active,
        holders,
        finished,
        terminal,
        cut_off,
        clocks,
    } = case.status(&ctx, now).map_err(ScenarioError::Now)?;
    Ok(RunReport {
        case: id,
        standard: ctx.identity.standard.to_string(),
        version: ctx.identity.version.to_string(),
        procedure: s.procedure.clone(),
        now,
        state: State {
            active,
            holders,
            finished,
            terminal,
            cut_off,
        },
        clock: headline(&clocks).cloned(),
        clocks,
        card: case.card(&ctx),
        actions,
        offset_seconds: ctx.calendar.map_or(7 * 3600, |c| c.zone().offset_seconds()),
    })
}

/// The differences between what was expected and what the run shows, one line each
/// (`path: diharapkan X, ternyata Y`). Empty when every expectation holds.
pub fn differences(
    expected: &serde_json::Value,
    actual: &serde_json::Value,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    compare("", expected, actual, lang, &mut out);
    out
}

fn compare(
    path: &str,
    expected: &serde_json::Value,
    actual: &serde_json::Value,
    lang: Lang,
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match a.get(k) {
                    Some(found) => compare(&p, v, found, lang, out),
                    None => out.push(match lang {
                        Lang::Id => format!("{p}: diharapkan {v}, ternyata tidak ada"),
                        Lang::En => format!("{p}: expected {v}, found nothing"),
                    }),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                compare(&format!("{path}[{i}]"), ev, av, lang, out);
            }
        }
        (Value::String(e), Value::String(a)) if same_instant(e, a) => {}
        (e, a) if e == a => {}
        (e, a) => out.push(match lang {
            Lang::Id => format!("{path}: diharapkan {e}, ternyata {a}"),
            Lang::En => format!("{path}: expected {e}, found {a}"),
        }),
    }
}

/// Instants written with another offset (or `Z`) still match.
fn same_instant(a: &str, b: &str) -> bool {
    a == b || matches!((a.parse::<Timestamp>(), b.parse::<Timestamp>()), (Ok(x), Ok(y)) if x == y)
}

/// The clock that matters now (see [`RunReport::clock`]).
fn headline(clocks: &[ClockStatus]) -> Option<&ClockStatus> {
    use super::ClockState::{AtRisk, Breached, OnTrack, Waiting};
    clocks
        .iter()
        .find(|c| matches!(c.status, OnTrack | AtRisk))
        .or_else(|| clocks.iter().find(|c| c.status == Breached))
        .or_else(|| clocks.iter().find(|c| c.status != Waiting))
        .or_else(|| clocks.first())
}
