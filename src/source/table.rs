//! The CSV files officers export from spreadsheets: cells in quotes (`"Budi, Jl. Sudirman"`),
//! `,` or `;` between cells (Indonesian-locale spreadsheets write `;`), a byte-order mark,
//! blank lines. Rows keep the line they start on, so errors name it.

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

/// A text that is not CSV (an unclosed quote, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// Where (1-based).
    pub line: usize,
    /// Why, as the CSV reader said it.
    pub reason: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for TableError {}

/// Reads `text`. The separator is the one of `,` and `;` that the first line holds more of
/// outside quotes (`,` on a tie).
pub fn read(text: &str) -> Result<Table, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = separator(text.lines().next().unwrap_or_default());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if separator == ';' { b';' } else { b',' })
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // The reader's own line count skips blank lines; count newlines up to each record's
    // first byte instead (records come in order, so this stays linear).
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut line_at = |byte: u64| -> usize {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        // The reader's position may sit before the blank lines it skipped.
        while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte > counted_to {
            line += text.as_bytes()[counted_to..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = byte;
        }
        line
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TableError {
            line: e.position().map_or(0, |p| line_at(p.byte())),
            reason: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push(Row { line, cells });
    }
    Ok(Table { rows, separator })
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
    fn written_cells_are_quoted_when_they_need_it() {
        let out = write(&[vec!["a".into(), "Budi, Jl. Sudirman".into(), "x\"y".into()]]);
        assert_eq!(out, "a,\"Budi, Jl. Sudirman\",\"x\"\"y\"\n");
    }
}
