//! Reading a log one line at a time into an [`Audit`]: CSV with its header, or JSON Lines,
//! told apart by the first line that is not blank. The command and the benchmark read
//! through this, so the figure measured is the command's.

use super::{Audit, Columns, OwnedRow};
use crate::source::table::Lines;
use std::borrow::Cow;

/// A log being read: what its first lines said (CSV or JSON, the separator, the columns).
#[derive(Debug, Default)]
pub struct LogReader {
    csv: Lines,
    columns: Option<Columns>,
    json: Option<bool>,
    /// The cells of a row, kept between rows for its room only (always empty here).
    room: Vec<Cow<'static, str>>,
}

/// A CSV header that does not fit: the names missing, or the one not known or given twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError(pub String);

impl LogReader {
    /// A reader that has seen no line yet.
    pub fn new() -> LogReader {
        LogReader::default()
    }

    /// Takes line `number` (1-based; its bytes, line end or not) into `audit`. A line that
    /// is not a row is counted as a bad row; only a header that does not fit stops the log.
    pub fn line(
        &mut self,
        audit: &mut Audit<'_>,
        number: usize,
        bytes: &[u8],
    ) -> Result<(), HeaderError> {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        if crate::source::line_bytes::is_blank(text) {
            return Ok(());
        }
        let is_json = *self
            .json
            .get_or_insert_with(|| text.trim_start_matches('\u{feff}').starts_with('{'));
        if is_json {
            match serde_json::from_str::<OwnedRow>(text.trim_start_matches('\u{feff}')) {
                Ok(row) => audit.row(&row.borrow(number)),
                Err(e) => audit.unreadable(number, e.to_string()),
            }
            return Ok(());
        }
        let mut cells = recycle(std::mem::take(&mut self.room));
        let result = match self.csv.split(number, text, &mut cells) {
            Ok(true) => match &self.columns {
                Some(c) => {
                    audit.row(&c.row(number, &cells));
                    Ok(())
                }
                None => {
                    let head: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                    Columns::from_header(&head)
                        .map(|c| self.columns = Some(c))
                        .map_err(HeaderError)
                }
            },
            Ok(false) => Ok(()),
            Err(e) => {
                audit.unreadable(number, e.message(audit.lang));
                Ok(())
            }
        };
        self.room = recycle(cells);
        result
    }
}

/// An empty list of cells with the room of `cells`, for cells of another line: one list
/// for the whole log instead of one a row (the standard library reuses the allocation when
/// collecting into a list of a type of the same size).
fn recycle<'a, 'b>(mut cells: Vec<Cow<'a, str>>) -> Vec<Cow<'b, str>> {
    cells.clear();
    // Nothing is left to map: the list is empty.
    cells
        .into_iter()
        .map(|c| Cow::Owned(c.into_owned()))
        .collect()
}
