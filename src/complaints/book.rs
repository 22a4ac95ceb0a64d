//! The complaint book (Buku Pengaduan) and its monthly report, from a log of complaints.
//!
//! The log is CSV with a header naming its columns: `diterima` (instant), `saluran`, `bobot`
//! (tier), and the book's and reply rules' facts (`identitas`, `jenis`, `ada_telepon`, …);
//! `dijawab` (instant, blank while open) is optional. English headers `received`, `channel`,
//! `severity`, `answered` are read too.

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
    /// A column the header names twice.
    Repeated,
    /// An instant outside the calendar's range (a typo such as 9999).
    OutOfRange(crate::time::CalendarError),
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
    /// Why, in words, in `lang`, with instants in `zone` (the standard's calendar's).
    pub fn message(&self, lang: crate::diag::Lang, zone: crate::time::Zone) -> String {
        use crate::diag::Lang::{En, Id};
        if let LogProblem::Table(e) = &self.problem {
            return e.message(lang);
        }
        let why = match (&self.problem, lang) {
            (LogProblem::MissingColumn, Id) => "tidak ada di baris judul".to_string(),
            (LogProblem::MissingColumn, En) => "missing from the header".to_string(),
            (LogProblem::Repeated, Id) => "ditulis dua kali di baris judul".to_string(),
            (LogProblem::Repeated, En) => "written twice in the header".to_string(),
            (LogProblem::OutOfRange(e), _) => e.message(lang),
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
            (LogProblem::AnsweredBefore { answered, received }, Id) => format!(
                "dijawab {}, sebelum diterima ({})",
                zone.show(*answered),
                zone.show(*received)
            ),
            (LogProblem::AnsweredBefore { answered, received }, En) => format!(
                "answered at {}, before it was received ({})",
                zone.show(*answered),
                zone.show(*received)
            ),
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
        f.write_str(&self.message(crate::diag::Lang::En, crate::time::Zone::Wib))
    }
}

impl std::error::Error for LogError {}

/// Reads a whole log and builds the book (every entry kept: for a stream, use
/// [`super::log::Log`]).
pub fn build(
    model: &Model,
    policy: &ComplaintPolicy,
    calendar: Option<&Calendar>,
    log: &str,
) -> Result<Book, LogError> {
    let mut reader = super::log::Log::new(model, policy, calendar);
    let mut entries = Vec::new();
    for (k, line) in log.split('\n').enumerate() {
        entries.extend(reader.line(k + 1, line)?);
    }
    Ok(Book {
        entries,
        months: reader.months(),
    })
}

/// The monthly report as the secretary reads it.
pub fn report_text(months: &[Month], lang: crate::diag::Lang) -> String {
    let mut out = String::new();
    for m in months {
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
