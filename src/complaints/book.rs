//! The complaint book (Buku Pengaduan) and its monthly report, from a log of complaints.
//!
//! The log is CSV with a header naming its columns: `diterima` (instant), `saluran`, `bobot`
//! (tier), and the book's and reply rules' facts (`identitas`, `jenis`, `ada_telepon`, …);
//! `dijawab` (instant, blank while open) is optional. English headers `received`, `channel`,
//! `severity`, `answered` are read too.

use crate::complaints::route::route;
use crate::model::{ComplaintPolicy, Model};
use crate::time::Calendar;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::BTreeMap;

/// One complaint as the book records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Row in the log (1-based, the header is row 1).
    pub row: usize,
    /// When it arrived.
    pub received: Timestamp,
    /// Channel.
    pub channel: String,
    /// Severity tier.
    pub severity: String,
    /// Handler roles.
    pub handler: Vec<String>,
    /// Reply channels.
    pub reply: Vec<String>,
    /// When the answer is due.
    pub due: Option<Timestamp>,
    /// When it was answered.
    pub answered: Option<Timestamp>,
    /// `on_time`, `late` or `open`.
    pub status: &'static str,
    /// The book's fields.
    pub record: BTreeMap<String, Option<String>>,
}

/// Counts for one month, as the secretary reviews them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Month {
    /// `YYYY-MM` of receipt.
    pub month: String,
    /// Complaints received.
    pub total: usize,
    /// By channel.
    pub per_channel: BTreeMap<String, usize>,
    /// By severity.
    pub per_severity: BTreeMap<String, usize>,
    /// Answered by the due instant.
    pub on_time: usize,
    /// Answered after it.
    pub late: usize,
    /// Not answered yet.
    pub open: usize,
}

/// The book and the monthly reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Book {
    /// Every complaint, in log order.
    pub entries: Vec<Entry>,
    /// One report per month of receipt, in order.
    pub months: Vec<Month>,
}

/// A log cell that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogError {
    /// Row (1-based, header included).
    pub row: usize,
    /// Column name.
    pub column: String,
    /// Why.
    pub problem: LogProblem,
}

/// What is wrong with a log cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogProblem {
    /// The column is not in the header.
    MissingColumn,
    /// A row with another number of cells than the header.
    Columns {
        /// Cells in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// Not an instant.
    NotInstant(String),
    /// A required cell left empty.
    Empty,
    /// Answered before it was received.
    AnsweredBefore {
        /// When answered.
        answered: jiff::Timestamp,
        /// When received.
        received: jiff::Timestamp,
    },
    /// The complaint cannot be routed (unknown channel, severity or fact).
    Route(super::route::RouteError),
    /// The file is not CSV.
    Table(crate::source::table::TableError),
}

impl LogError {
    /// Why, in words, in `lang`.
    pub fn message(&self, lang: crate::diag::Lang) -> String {
        use crate::diag::Lang::{En, Id};
        let why = match (&self.problem, lang) {
            (LogProblem::MissingColumn, Id) => "tidak ada di baris judul".to_string(),
            (LogProblem::MissingColumn, En) => "missing from the header".to_string(),
            (LogProblem::Columns { expected, found }, Id) => {
                format!("diharapkan {expected} kolom, ternyata {found}")
            }
            (LogProblem::Columns { expected, found }, En) => {
                format!("expected {expected} columns, found {found}")
            }
            (LogProblem::NotInstant(t), Id) => {
                format!("`{t}` bukan saat seperti 2026-03-02T09:00:00+07:00")
            }
            (LogProblem::NotInstant(t), En) => {
                format!("`{t}` is not an instant such as 2026-03-02T09:00:00+07:00")
            }
            (LogProblem::Empty, Id) => "kosong".to_string(),
            (LogProblem::Empty, En) => "empty".to_string(),
            (LogProblem::AnsweredBefore { answered, received }, Id) => {
                format!("dijawab {answered}, sebelum diterima ({received})")
            }
            (LogProblem::AnsweredBefore { answered, received }, En) => {
                format!("answered at {answered}, before it was received ({received})")
            }
            (LogProblem::Route(e), _) => e.message(lang),
            (LogProblem::Table(e), _) => crate::diag::table_error(e, lang),
        };
        match lang {
            Id => format!("baris {}, kolom `{}`: {why}", self.row, self.column),
            En => format!("row {}, column `{}`: {why}", self.row, self.column),
        }
    }
}

impl std::fmt::Display for LogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::diag::Lang::En))
    }
}

impl std::error::Error for LogError {}

fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| names.contains(&h.as_str()))
}

/// Reads the log and builds the book.
pub fn build(
    model: &Model,
    policy: &ComplaintPolicy,
    calendar: Option<&Calendar>,
    log: &str,
) -> Result<Book, LogError> {
    let table = crate::source::table::read(log).map_err(|e| LogError {
        row: e.line,
        column: "*".into(),
        problem: LogProblem::Table(e),
    })?;
    let mut rows = table.rows.into_iter();
    let headers: Vec<String> = rows
        .next()
        .map(|r| r.cells)
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    let need = |names: &[&str], label: &str| {
        column(&headers, names).ok_or_else(|| LogError {
            row: 1,
            column: label.to_string(),
            problem: LogProblem::MissingColumn,
        })
    };
    let c_received = need(&["diterima", "received"], "diterima")?;
    let c_channel = need(&["saluran", "channel"], "saluran")?;
    let c_severity = need(&["bobot", "severity"], "bobot")?;
    let c_answered = column(&headers, &["dijawab", "answered"]);
    let offset = calendar.map_or(7 * 3600, |c| c.zone().offset_seconds());
    let mut entries = Vec::new();
    for r in rows {
        let row = r.line;
        let mut cells = r.cells;
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
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let instant = |c: usize| -> Result<Option<Timestamp>, LogError> {
            let text = cells[c];
            if text.is_empty() {
                return Ok(None);
            }
            text.parse().map(Some).map_err(|_| LogError {
                row,
                column: headers[c].clone(),
                problem: LogProblem::NotInstant(text.to_string()),
            })
        };
        let received = instant(c_received)?.ok_or_else(|| LogError {
            row,
            column: headers[c_received].clone(),
            problem: LogProblem::Empty,
        })?;
        let answered = match c_answered {
            Some(c) => instant(c)?,
            None => None,
        };
        if let (Some(a), Some(c)) = (answered, c_answered) {
            if a < received {
                return Err(LogError {
                    row,
                    column: headers[c].clone(),
                    problem: LogProblem::AnsweredBefore {
                        answered: a,
                        received,
                    },
                });
            }
        }
        let facts: BTreeMap<String, String> = headers
            .iter()
            .zip(&cells)
            .enumerate()
            .filter(|(c, (_, v))| {
                ![c_received, c_channel, c_severity].contains(c)
                    && Some(*c) != c_answered
                    && !v.is_empty()
            })
            .map(|(_, (h, v))| (h.clone(), (*v).to_string()))
            .collect();
        let r = route(
            model,
            policy,
            cells[c_channel],
            cells[c_severity],
            &facts,
            Some(received),
            calendar,
        )
        .map_err(|e| LogError {
            row,
            column: headers[c_channel].clone(),
            problem: LogProblem::Route(e),
        })?;
        let status = match (answered, r.due) {
            (None, _) => "open",
            (Some(a), Some(d)) if a > d => "late",
            _ => "on_time",
        };
        entries.push(Entry {
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
        });
    }
    let mut months: BTreeMap<String, Month> = BTreeMap::new();
    for e in &entries {
        let month = crate::time::local_date(e.received, offset)[..7].to_string();
        let m = months.entry(month.clone()).or_insert_with(|| Month {
            month,
            ..Month::default()
        });
        m.total += 1;
        *m.per_channel.entry(e.channel.clone()).or_default() += 1;
        *m.per_severity.entry(e.severity.clone()).or_default() += 1;
        match e.status {
            "on_time" => m.on_time += 1,
            "late" => m.late += 1,
            _ => m.open += 1,
        }
    }
    Ok(Book {
        entries,
        months: months.into_values().collect(),
    })
}

/// The monthly report as the secretary reads it.
pub fn report_text(book: &Book, lang: crate::diag::Lang) -> String {
    let mut out = String::new();
    for m in &book.months {
        out.push_str(&format!(
            "{} {}\n",
            lang.pick(
                "Laporan Pengaduan Pelayanan Publik",
                "Public Service Complaints Report"
            ),
            m.month
        ));
        out.push_str(&match lang {
            crate::diag::Lang::Id => format!(
                "  jumlah: {}  tepat waktu: {}  terlambat: {}  belum dijawab: {}\n",
                m.total, m.on_time, m.late, m.open
            ),
            crate::diag::Lang::En => format!(
                "  total: {}  on time: {}  late: {}  unanswered: {}\n",
                m.total, m.on_time, m.late, m.open
            ),
        });
        let list = |map: &BTreeMap<String, usize>| -> String {
            map.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "  {} {}\n",
            lang.pick("per saluran:", "by channel: "),
            list(&m.per_channel)
        ));
        out.push_str(&format!(
            "  {} {}\n",
            lang.pick("per bobot:  ", "by severity:"),
            list(&m.per_severity)
        ));
    }
    out
}
