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
        if line.trim().is_empty() {
            return Ok(false);
        }
        // Found on the first line that is a row (kept below, once the line passes).
        let separator = self.separator.unwrap_or_else(|| separator(line));
        let sep = if separator == ';' { b';' } else { b',' };
        // One pass, a table look-up a byte (a log of millions of rows is read here): control
        // bytes, quotes, bytes beyond ASCII, and the cells of a line without quotes.
        if plain_cells(line, sep, out) {
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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` that is zero, exactly (no carry from one byte to the next).
fn zero_bytes(v: u64) -> u64 {
    !(((v & !HIGH) + !HIGH) | v) & HIGH
}

/// Eight bytes of `bytes` from `at` as one little-endian word.
fn word(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at.saturating_add(8))
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
        .map_or(0, u64::from_le_bytes)
}

/// The cells of a plain line — ASCII with no quote, tab or other control byte, nearly every
/// line of a log — cut at `sep`, eight bytes at a time; `false`, with nothing added, for any
/// other line (the byte-by-byte reader takes it).
fn plain_cells<'l>(line: &'l str, sep: u8, out: &mut Vec<std::borrow::Cow<'l, str>>) -> bool {
    let bytes = line.as_bytes();
    let len = bytes.len();
    if len < 8 || !line.is_ascii() {
        return false;
    }
    let (quote, delete, seps) = (ONES * 0x22, ONES * 0x7f, ONES * u64::from(sep));
    let mut start = 0;
    let mut at = 0;
    while at < len {
        // The last word is read from the line's last eight bytes and shifted into place.
        let rest = len - at;
        let (w, live) = if rest >= 8 {
            (word(bytes, at), HIGH)
        } else {
            let gone = 8 * (8 - rest) as u32;
            (word(bytes, len - 8) >> gone, HIGH >> gone)
        };
        // Below 0x20 an ASCII byte has neither bit 5 nor bit 6.
        let special =
            zero_bytes(w ^ quote) | zero_bytes(w ^ delete) | zero_bytes(w & (ONES * 0x60));
        if special & live != 0 {
            out.clear();
            return false;
        }
        let mut found = zero_bytes(w ^ seps) & live;
        while found != 0 {
            let k = at + (found.trailing_zeros() / 8) as usize;
            let cell = line.get(start..k).unwrap_or_default();
            out.push(std::borrow::Cow::Borrowed(cell.trim_ascii()));
            start = k + 1;
            found &= found - 1;
        }
        at += 8;
    }
    let cell = line.get(start..).unwrap_or_default();
    out.push(std::borrow::Cow::Borrowed(cell.trim_ascii()));
    true
}

/// What a byte is to the line reader.
const PLAIN: u8 = 0;
const QUOTE: u8 = 1;
const CONTROL: u8 = 2;
const WIDE: u8 = 3;
const COMMA: u8 = 4;
const SEMICOLON: u8 = 5;

/// The class of every byte (a tab is plain: cells may hold one).
static BYTE_CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b {
            0x09 => PLAIN,
            0x00..=0x1f | 0x7f => CONTROL,
            0x22 => QUOTE,
            0x2c => COMMA,
            0x3b => SEMICOLON,
            0x80.. => WIDE,
            _ => PLAIN,
        };
        b += 1;
    }
    table
};

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
mod cells_tests {
    /// Cells as the `csv` crate reads one line (flexible, trimmed), for every line of up to
    /// six characters drawn from letters, blanks, separators and quotes whose quotes pair up.
    #[test]
    fn cells_as_the_csv_crate_reads_them() {
        let alphabet = [b'a', b' ', b',', b'"', b';'];
        let mut compared = 0;
        for len in 0..=6u32 {
            for mut k in 0..alphabet.len().pow(len) {
                let mut line = Vec::new();
                for _ in 0..len {
                    line.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                if line.iter().filter(|b| **b == b'"').count() % 2 == 1 {
                    continue;
                }
                let text = String::from_utf8(line).unwrap_or_default();
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .trim(csv::Trim::All)
                    .from_reader(text.as_bytes());
                let want: Vec<String> = match reader.records().next() {
                    Some(Ok(r)) => r.iter().map(str::to_string).collect(),
                    _ => continue,
                };
                assert_eq!(super::cells(&text, b','), want, "{text:?}");
                compared += 1;
            }
        }
        assert!(compared > 5_000, "{compared}");
    }

    /// The one-pass reader against the rules written plainly (the first hidden character in
    /// the line's order refused; otherwise the cells between separators, trimmed), for every
    /// line of up to five characters drawn from letters, blanks, both separators, a tab, a
    /// control byte, a letter beyond ASCII and a bidi mark, under either separator.
    #[test]
    fn plain_lines_split_as_the_rules_say() {
        let alphabet = ['a', ' ', ',', ';', '\t', '\u{1}', 'é', '\u{202e}', '"'];
        let mut compared = 0;
        for first in ["a,b", "a;b"] {
            for len in 0..=5u32 {
                for mut k in 0..alphabet.len().pow(len) {
                    let mut line = String::new();
                    for _ in 0..len {
                        line.push(alphabet[k % alphabet.len()]);
                        k /= alphabet.len();
                    }
                    let mut lines = super::Lines::new();
                    let mut cells = Vec::new();
                    assert_eq!(lines.split(1, first, &mut cells), Ok(true));
                    let sep = lines.separator();
                    let got = lines.split(2, &line, &mut cells);
                    let plain: Vec<&str> = line
                        .split(sep)
                        .map(|c| c.trim_matches(|c: char| c.is_ascii_whitespace()))
                        .collect();
                    let want = if line.trim().is_empty() {
                        Ok(false)
                    } else if let Some(c) =
                        line.chars().find(|c| super::super::hidden_character(*c))
                    {
                        Err(super::TableProblem::ControlCharacter(u32::from(c)))
                    } else if line.contains('"') {
                        continue;
                    } else {
                        Ok(plain.iter().any(|c| !c.is_empty()))
                    };
                    assert_eq!(got.map_err(|e| e.problem), want, "{line:?}");
                    if want.is_ok() && !line.trim().is_empty() {
                        assert_eq!(cells, plain, "{line:?}");
                    }
                    compared += 1;
                }
            }
        }
        assert!(compared > 20_000, "{compared}");
    }

    /// The same for long lines (the plain reader takes eight bytes at a time): 100,000 lines
    /// of up to 40 characters drawn from the same letters, mostly plain.
    #[test]
    fn long_lines_split_as_the_rules_say() {
        let alphabet = [
            'a', ' ', ',', ';', '-', '\u{2d}', '0', 'Z', '\t', '\u{1}', '\u{7f}', 'é', '"',
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        let mut compared = 0;
        for round in 0..100_000 {
            let len = next(41);
            // Most lines plain: the rare letters only now and then.
            let rare = round % 4 == 0;
            let line: String = (0..len)
                .map(|_| alphabet[next(if rare { alphabet.len() } else { 8 })])
                .collect();
            let mut lines = super::Lines::new();
            let mut cells = Vec::new();
            let first = if round % 2 == 0 { "a,b" } else { "a;b" };
            assert_eq!(lines.split(1, first, &mut cells), Ok(true));
            let sep = lines.separator();
            let got = lines.split(2, &line, &mut cells);
            let plain: Vec<&str> = line
                .split(sep)
                .map(|c| c.trim_matches(|c: char| c.is_ascii_whitespace()))
                .collect();
            let want = if line.trim().is_empty() {
                Ok(false)
            } else if let Some(c) = line.chars().find(|c| super::super::hidden_character(*c)) {
                Err(super::TableProblem::ControlCharacter(u32::from(c)))
            } else if line.contains('"') {
                continue;
            } else {
                Ok(plain.iter().any(|c| !c.is_empty()))
            };
            assert_eq!(got.map_err(|e| e.problem), want, "{line:?}");
            if want.is_ok() && !line.trim().is_empty() {
                assert_eq!(cells, plain, "{line:?}");
            }
            compared += 1;
        }
        assert!(compared > 80_000, "{compared}");
    }
}
