//! A complaint log read one line at a time: each line becomes the book's entry as soon as it
//! is read, and only the monthly counts are kept, so a log of a million complaints is read in
//! the memory of one line and the months.

use super::book::{Entry, LogError, LogProblem, Month};
use crate::complaints::route::route;
use crate::model::{ComplaintPolicy, Model};
use crate::source::table::Lines;
use crate::time::Calendar;
use jiff::Timestamp;
use std::collections::BTreeMap;

/// The columns the book reads by name; the others are the facts.
struct Columns {
    headers: Vec<String>,
    received: usize,
    channel: usize,
    severity: usize,
    answered: Option<usize>,
}

/// A log being read.
pub struct Log<'a> {
    model: &'a Model,
    policy: &'a ComplaintPolicy,
    calendar: Option<&'a Calendar>,
    lines: Lines,
    columns: Option<Columns>,
    months: BTreeMap<String, Month>,
}

impl<'a> Log<'a> {
    /// A log of complaints under `policy`, dated on `calendar`.
    pub fn new(
        model: &'a Model,
        policy: &'a ComplaintPolicy,
        calendar: Option<&'a Calendar>,
    ) -> Self {
        Log {
            model,
            policy,
            calendar,
            lines: Lines::new(),
            columns: None,
            months: BTreeMap::new(),
        }
    }

    /// Reads line `number` (1-based): the header first, then one complaint per line. The
    /// entry of a complaint line; `None` for the header and blank lines.
    pub fn line(&mut self, number: usize, text: &str) -> Result<Option<Entry>, LogError> {
        let row = self.lines.row(number, text).map_err(|e| LogError {
            row: e.line,
            column: "*".into(),
            problem: LogProblem::Table(e),
        })?;
        let Some(row) = row else {
            return Ok(None);
        };
        let Some(columns) = &self.columns else {
            self.columns = Some(header(row.cells)?);
            return Ok(None);
        };
        let entry = self.entry(columns, row.line, row.cells)?;
        let offset = self
            .calendar
            .map_or(7 * 3600, |c| c.zone().offset_seconds());
        let month = crate::time::local_date(entry.received, offset)[..7].to_string();
        let m = self.months.entry(month.clone()).or_insert_with(|| Month {
            month,
            ..Month::default()
        });
        m.total += 1;
        *m.per_channel.entry(entry.channel.clone()).or_default() += 1;
        *m.per_severity.entry(entry.severity.clone()).or_default() += 1;
        match entry.status {
            "on_time" => m.on_time += 1,
            "late" => m.late += 1,
            _ => m.open += 1,
        }
        Ok(Some(entry))
    }

    /// The monthly reports of the lines read, in order.
    pub fn months(self) -> Vec<Month> {
        self.months.into_values().collect()
    }

    fn entry(&self, c: &Columns, row: usize, mut cells: Vec<String>) -> Result<Entry, LogError> {
        let headers = &c.headers;
        // Spreadsheets pad rows with empty cells past the last column; anything else past
        // the header's columns is a row that does not fit it.
        while cells.len() > headers.len() && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.len() > headers.len() {
            return Err(LogError {
                row,
                column: "*".into(),
                problem: LogProblem::Columns {
                    expected: headers.len(),
                    found: cells.len(),
                },
            });
        }
        cells.resize(headers.len(), String::new());
        let error = |col: usize, problem| LogError {
            row,
            column: headers[col].clone(),
            problem,
        };
        let instant = |col: usize| -> Result<Option<Timestamp>, LogError> {
            let text = cells[col].as_str();
            if text.is_empty() {
                return Ok(None);
            }
            let t: Timestamp = crate::time::instant(text)
                .ok_or_else(|| error(col, LogProblem::NotInstant(text.to_string())))?;
            if let Some(cal) = self.calendar {
                cal.covers(t)
                    .map_err(|e| error(col, LogProblem::OutOfRange(e)))?;
            }
            Ok(Some(t))
        };
        let received = instant(c.received)?.ok_or_else(|| error(c.received, LogProblem::Empty))?;
        let answered = match c.answered {
            Some(col) => instant(col)?,
            None => None,
        };
        if let (Some(a), Some(col)) = (answered, c.answered) {
            if a < received {
                return Err(error(
                    col,
                    LogProblem::AnsweredBefore {
                        answered: a,
                        received,
                    },
                ));
            }
        }
        let named = [
            Some(c.received),
            Some(c.channel),
            Some(c.severity),
            c.answered,
        ];
        let facts: BTreeMap<String, String> = headers
            .iter()
            .zip(&cells)
            .enumerate()
            .filter(|(k, (_, v))| !named.contains(&Some(*k)) && !v.is_empty())
            .map(|(_, (h, v))| (h.clone(), v.clone()))
            .collect();
        let r = route(
            self.model,
            self.policy,
            &cells[c.channel],
            &cells[c.severity],
            &facts,
            Some(received),
            self.calendar,
        )
        .map_err(|e| error(c.channel, LogProblem::Route(e)))?;
        let status = match (answered, r.due) {
            (None, _) => "open",
            (Some(a), Some(d)) if a > d => "late",
            _ => "on_time",
        };
        Ok(Entry {
            row,
            received,
            channel: r.channel,
            severity: r.severity,
            handler: r.handler,
            reply: r.reply,
            due: r.due,
            answered,
            status,
            record: r.record,
        })
    }
}

/// The header: the columns the book reads by name, each once.
fn header(cells: Vec<String>) -> Result<Columns, LogError> {
    let headers: Vec<String> = cells.into_iter().map(|h| h.to_ascii_lowercase()).collect();
    let find = |names: &[&str], label: &str, required: bool| -> Result<Option<usize>, LogError> {
        let found: Vec<usize> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| names.contains(&h.as_str()))
            .map(|(k, _)| k)
            .collect();
        let problem = match found.len() {
            0 if required => LogProblem::MissingColumn,
            0 | 1 => return Ok(found.first().copied()),
            _ => LogProblem::Repeated,
        };
        Err(LogError {
            row: 1,
            column: label.to_string(),
            problem,
        })
    };
    let required = |names: &[&str], label: &str| -> Result<usize, LogError> {
        find(names, label, true)?.ok_or_else(|| LogError {
            row: 1,
            column: label.to_string(),
            problem: LogProblem::MissingColumn,
        })
    };
    Ok(Columns {
        received: required(&["diterima", "received"], "diterima")?,
        channel: required(&["saluran", "channel"], "saluran")?,
        severity: required(&["bobot", "severity"], "bobot")?,
        answered: find(&["dijawab", "answered"], "dijawab", false)?,
        headers,
    })
}
