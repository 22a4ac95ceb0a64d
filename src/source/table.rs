//! The CSV files officers export from spreadsheets: cells in quotes (`"Budi, Jl. Sudirman"`),
//! `,` or `;` between cells (Indonesian-locale spreadsheets write `;`), a byte-order mark,
//! blank lines. Rows keep the line they start on, so errors name it.

use super::line_bytes::{BYTE_CLASS, COMMA, CONTROL, PLAIN, QUOTE, SEMICOLON, WIDE};

/// A CSV text read into rows of trimmed cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Every non-blank row, the header (if any) included.
    pub rows: Vec<Row>,
    /// The separator found: `,` or `;`.
    pub separator: char,
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line the row starts on (1-based).
    pub line: usize,
    /// Its cells, trimmed.
    pub cells: Vec<String>,
}

/// A line that is not a CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// Where (1-based).
    pub line: usize,
    /// Why.
    pub problem: TableProblem,
}

/// Why a line is not a CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableProblem {
    /// A quote opened and not closed on its line: a cell never spans lines here, so a stray
    /// `"` cannot swallow the rows after it.
    UnclosedQuote,
    /// Longer than [`MAX_CSV_ROW_BYTES`](super::limits::MAX_CSV_ROW_BYTES).
    TooLong,
    /// More cells than [`MAX_CSV_CELLS`](super::limits::MAX_CSV_CELLS).
    TooManyCells,
    /// A control or bidirectional character (`U+202E`), which could rewrite a terminal.
    ControlCharacter(u32),
    /// Anything else, as the CSV reader said it.
    Other(String),
}

impl TableError {
    /// Why, in words, in `lang`.
    pub fn message(&self, lang: super::Lang) -> String {
        use super::Lang::{En, Id};
        let line = self.line;
        match (&self.problem, lang) {
            (TableProblem::UnclosedQuote, Id) => {
                format!("baris {line}: tanda kutip `\"` dibuka dan tidak ditutup pada baris itu")
            }
            (TableProblem::UnclosedQuote, En) => {
                format!("line {line}: a quote `\"` is opened and not closed on that line")
            }
            (TableProblem::TooLong, Id) => format!(
                "baris {line}: lebih panjang dari {} KiB",
                super::limits::MAX_CSV_ROW_BYTES >> 10
            ),
            (TableProblem::TooLong, En) => format!(
                "line {line}: longer than {} KiB",
                super::limits::MAX_CSV_ROW_BYTES >> 10
            ),
            (TableProblem::TooManyCells, Id) => format!(
                "baris {line}: lebih dari {} sel",
                super::limits::MAX_CSV_CELLS
            ),
            (TableProblem::TooManyCells, En) => format!(
                "line {line}: more than {} cells",
                super::limits::MAX_CSV_CELLS
            ),
            (TableProblem::ControlCharacter(c), Id) => {
                format!("baris {line}: karakter kendali U+{c:04X} tidak boleh ada")
            }
            (TableProblem::ControlCharacter(c), En) => {
                format!("line {line}: the control character U+{c:04X} is not allowed")
            }
            (TableProblem::Other(why), Id) => format!("baris {line}: bukan CSV yang sah ({why})"),
            (TableProblem::Other(why), En) => format!("line {line}: not valid CSV ({why})"),
        }
    }
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(super::Lang::En))
    }
}

impl std::error::Error for TableError {}

/// Reads CSV one line at a time, so a log of a million rows is never held whole: each
/// physical line is one row (a cell never spans lines; a quote left open is an error at its
/// line). The separator is the one of `,` and `;` that the first non-blank line holds more
/// of outside quotes (`,` on a tie).
#[derive(Debug, Clone, Default)]
pub struct Lines {
    separator: Option<char>,
    /// Where the cells of a plain line are, kept between lines for its room.
    spans: Vec<(usize, usize)>,
}

impl Lines {
    /// A reader that has seen no line yet.
    pub fn new() -> Self {
        Lines::default()
    }

    /// The separator found so far.
    pub fn separator(&self) -> char {
        self.separator.unwrap_or(',')
    }

    /// The separator found on the first row, as a byte (`None` before a row is read).
    pub fn separator_byte(&self) -> Option<u8> {
        self.separator.map(|c| if c == ';' { b';' } else { b',' })
    }

    /// The row line `number` (1-based) holds: `None` for a blank line.
    pub fn row(&mut self, number: usize, line: &str) -> Result<Option<Row>, TableError> {
        let mut cells = Vec::new();
        if !self.split(number, line, &mut cells)? {
            return Ok(None);
        }
        Ok(Some(Row {
            line: number,
            cells: cells
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect(),
        }))
    }

    /// The cells of line `number` (1-based) into `out`, borrowed from the line where no
    /// quote has to be undone (for a reader of millions of rows: no copy of a plain cell);
    /// `false` for a blank line.
    pub fn split<'l>(
        &mut self,
        number: usize,
        line: &'l str,
        out: &mut Vec<std::borrow::Cow<'l, str>>,
    ) -> Result<bool, TableError> {
        out.clear();
        let err = |problem| TableError {
            line: number,
            problem,
        };
        let line = if number == 1 {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.len() > super::limits::MAX_CSV_ROW_BYTES {
            return Err(err(TableProblem::TooLong));
        }
        if super::line_bytes::is_blank(line) {
            return Ok(false);
        }
        // Found on the first line that is a row (kept below, once the line passes).
        let separator = self.separator.unwrap_or_else(|| separator(line));
        let sep = if separator == ';' { b';' } else { b',' };
        // One pass, a table look-up a byte (a log of millions of rows is read here): control
        // bytes, quotes, bytes beyond ASCII, and the cells of a line without quotes.
        if super::line_bytes::plain_cells(line, sep, &mut self.spans, out) {
            self.separator = Some(separator);
            return finish_row(out, number);
        }
        let sep_class = if separator == ';' { SEMICOLON } else { COMMA };
        let bytes = line.as_bytes();
        let (mut quotes, mut wide, mut control) = (0usize, false, None);
        let mut start = 0;
        for (i, b) in bytes.iter().enumerate() {
            let class = BYTE_CLASS[usize::from(*b)];
            if class == PLAIN {
                continue;
            }
            match class {
                QUOTE => quotes += 1,
                CONTROL => {
                    control.get_or_insert(*b);
                }
                WIDE => wide = true,
                c if c == sep_class && quotes == 0 => {
                    // Cut at an ASCII byte only, so every cell stays valid UTF-8.
                    let cell = line.get(start..i).unwrap_or_default();
                    out.push(std::borrow::Cow::Borrowed(cell.trim_ascii()));
                    start = i + 1;
                }
                _ => {}
            }
        }
        // Beyond ASCII, the first hidden character in the line's order (bidi marks too).
        let hidden = if wide {
            line.chars().find(|c| super::hidden_character(*c))
        } else {
            control.map(char::from)
        };
        if let Some(c) = hidden {
            out.clear();
            return Err(err(TableProblem::ControlCharacter(u32::from(c))));
        }
        if quotes % 2 == 1 {
            out.clear();
            return Err(err(TableProblem::UnclosedQuote));
        }
        self.separator = Some(separator);
        if quotes == 0 {
            let cell = line.get(start..).unwrap_or_default();
            out.push(std::borrow::Cow::Borrowed(cell.trim_ascii()));
        } else {
            out.clear();
            out.extend(cells(line, sep).into_iter().map(std::borrow::Cow::Owned));
        }
        finish_row(out, number)
    }
}

/// A row's cells read: refused past [`MAX_CSV_CELLS`](super::limits::MAX_CSV_CELLS),
/// `false` when every cell is blank.
fn finish_row(out: &[std::borrow::Cow<'_, str>], number: usize) -> Result<bool, TableError> {
    if out.len() > super::limits::MAX_CSV_CELLS {
        return Err(TableError {
            line: number,
            problem: TableProblem::TooManyCells,
        });
    }
    Ok(!out.iter().all(|c| c.is_empty()))
}

/// Reads a whole `text` line by line (see [`Lines`]).
pub fn read(text: &str) -> Result<Table, TableError> {
    let mut lines = Lines::new();
    let mut rows = Vec::new();
    for (k, line) in text.split('\n').enumerate() {
        rows.extend(lines.row(k + 1, line)?);
    }
    Ok(Table {
        rows,
        separator: lines.separator(),
    })
}

/// The cells of one line: split at `separator` outside quotes; a cell that begins with a
/// quote (after blanks) is unquoted, `""` standing for one quote, and what follows its
/// closing quote up to the separator kept; every cell trimmed of blanks. The line's quotes
/// are already known to pair up. By hand rather than through the `csv` crate: its reader,
/// built afresh for every line, cost a hundred times the line itself.
fn cells(line: &str, separator: u8) -> Vec<String> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        let mut cell: Vec<u8> = Vec::new();
        let mut j = i;
        if bytes.get(j) == Some(&b'"') {
            j += 1;
            while j < bytes.len() {
                if bytes[j] == b'"' {
                    if bytes.get(j + 1) == Some(&b'"') {
                        cell.push(b'"');
                        j += 2;
                        continue;
                    }
                    j += 1;
                    break;
                }
                cell.push(bytes[j]);
                j += 1;
            }
        }
        while j < bytes.len() && bytes[j] != separator {
            cell.push(bytes[j]);
            j += 1;
        }
        // Cut at ASCII bytes only, so the cell stays valid UTF-8.
        out.push(String::from_utf8_lossy(cell.trim_ascii()).into_owned());
        if j >= bytes.len() {
            break;
        }
        i = j + 1;
    }
    out
}

fn separator(first_line: &str) -> char {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for c in first_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        ';'
    } else {
        ','
    }
}

/// Writes rows as CSV with `,`, quoting the cells that need it.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = w.write_record(row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_semicolons_and_a_bom() {
        let t = read("\u{feff}nama;alamat\r\n\"Budi\";\"Jl. Sudirman; No. 1\"\n\n\"A, B\";x\n")
            .expect("csv");
        assert_eq!(t.separator, ';');
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1].cells, ["Budi", "Jl. Sudirman; No. 1"]);
        assert_eq!((t.rows[2].line, t.rows[2].cells[0].as_str()), (4, "A, B"));
        let t = read("a,b\n\"Budi, Jl. Sudirman\",2\n").expect("csv");
        assert_eq!(t.rows[1].cells, ["Budi, Jl. Sudirman", "2"]);
    }

    #[test]
    fn a_stray_quote_is_an_error_at_its_line_not_a_swallowed_row() {
        let e = read("a,b\n\"x,1\nc,2\n").expect_err("unclosed");
        assert_eq!((e.line, e.problem), (2, TableProblem::UnclosedQuote));
    }

    #[test]
    fn written_cells_are_quoted_when_they_need_it() {
        let out = write(&[vec!["a".into(), "Budi, Jl. Sudirman".into(), "x\"y".into()]]);
        assert_eq!(out, "a,\"Budi, Jl. Sudirman\",\"x\"\"y\"\n");
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod cells_tests;
