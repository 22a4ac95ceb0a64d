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
    /// Where the cells of a plain line are, kept between lines for its room.
    spans: Vec<(usize, usize)>,
    /// The lines [`LogReader::feed`] has taken.
    lines: usize,
    /// The start of a line whose end has not been fed yet.
    partial: Vec<u8>,
    /// Whether the partial line is past the longest row a log may hold (the rest of it is
    /// passed over, and the line counted as a bad row at its end).
    overlong: bool,
}

/// The most cells of a plain row read without the general CSV reader.
const PLAIN_CELLS: usize = 16;

/// A CSV header that does not fit: the names missing, or the one not known or given twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError(pub String);

impl LogReader {
    /// A reader that has seen no line yet.
    pub fn new() -> LogReader {
        LogReader::default()
    }

    /// Takes the next bytes of a log, in the order of the log, however it is cut into
    /// pieces (a file read 64 KiB at a time); [`LogReader::end`] takes a last line with no
    /// line end. Lines are numbered from 1 as they come. Memory holds one line at most: the
    /// rest of a line longer than a row may be is passed over and the line reported bad.
    pub fn feed(&mut self, audit: &mut Audit<'_>, mut bytes: &[u8]) -> Result<(), HeaderError> {
        while let Some(end) = crate::source::line_bytes::line_end(bytes) {
            let (line, rest) = bytes.split_at(end + 1);
            bytes = rest;
            self.lines += 1;
            if self.partial.is_empty() && !self.overlong {
                if !self.plain_row(audit, line) {
                    self.line(audit, self.lines, line)?;
                }
                continue;
            }
            let mut whole = std::mem::take(&mut self.partial);
            if !std::mem::take(&mut self.overlong) {
                whole.extend_from_slice(line);
            }
            self.line(audit, self.lines, &whole)?;
            whole.clear();
            self.partial = whole;
        }
        self.keep_partial(bytes);
        Ok(())
    }

    /// How many bytes of a line whose end has not come yet are held.
    pub fn held(&self) -> usize {
        self.partial.len()
    }

    /// Takes the last line, if the log does not end with a line end.
    pub fn end(&mut self, audit: &mut Audit<'_>) -> Result<(), HeaderError> {
        if self.partial.is_empty() && !self.overlong {
            return Ok(());
        }
        self.lines += 1;
        let whole = std::mem::take(&mut self.partial);
        self.overlong = false;
        self.line(audit, self.lines, &whole)
    }

    /// Keeps the start of a line until its end comes, up to just past the longest row.
    fn keep_partial(&mut self, bytes: &[u8]) {
        let limit = crate::source::limits::MAX_CSV_ROW_BYTES + 2;
        if self.overlong {
            return;
        }
        let room = limit.saturating_sub(self.partial.len());
        if bytes.len() > room {
            // Enough of it is kept for the reader to say the line is too long.
            self.partial
                .extend_from_slice(bytes.get(..room).unwrap_or_default());
            self.overlong = true;
        } else {
            self.partial.extend_from_slice(bytes);
        }
    }

    /// A plain CSV row (ASCII without quotes or control bytes, most rows of a log) taken
    /// without the general reader; `false` for any other line, which the general reader
    /// takes.
    fn plain_row(&mut self, audit: &mut Audit<'_>, line: &[u8]) -> bool {
        let (Some(columns), Some(sep)) = (&self.columns, self.csv.separator_byte()) else {
            return false;
        };
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // A blank line, or one too long, is the general reader's to pass over or report.
        if line.len() > crate::source::limits::MAX_CSV_ROW_BYTES
            || line.first().is_none_or(u8::is_ascii_whitespace)
            || !crate::source::line_bytes::plain_spans(line, sep, &mut self.spans)
            || self.spans.len() > PLAIN_CELLS
        {
            return false;
        }
        let Ok(text) = std::str::from_utf8(line) else {
            return false;
        };
        let mut cells = [""; PLAIN_CELLS];
        for (cell, (a, b)) in cells.iter_mut().zip(&self.spans) {
            *cell = text.get(*a..*b).unwrap_or_default();
        }
        let cells = cells.get(..self.spans.len()).unwrap_or_default();
        if !cells.iter().all(|c| c.is_empty()) {
            audit.row(&columns.row(self.lines, cells));
        }
        true
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
