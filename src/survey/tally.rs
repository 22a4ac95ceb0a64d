//! Survey answers read line by line into sums, and the index computed from them.

use super::{grade, grade_of_word, round2, FollowUp, Index, SkmError, ELEMENTS};

/// Survey answers read one line at a time into per-element sums, so a million
/// respondents cost the memory of one line. One row per respondent, nine scores U1…U9; a
/// blank cell is an unanswered question. With a header row naming `U1`…`U9` (a survey form's
/// export), those columns are read wherever they stand and other columns (a timestamp, a
/// name) are left alone, but no row may have more cells than the header; without one, each
/// row has exactly the nine scores. `,` or `;` between cells.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    lines: crate::source::table::Lines,
    /// Where U1…U9 stand, and how many columns the header has (none: no header).
    columns: Option<(Vec<usize>, Option<usize>)>,
    respondents: usize,
    sums: [u64; 9],
    answers: [u64; 9],
}

impl Tally {
    /// No answers yet.
    pub fn new() -> Self {
        Tally::default()
    }

    /// Reads line `number` (1-based).
    pub fn line(&mut self, number: usize, text: &str) -> Result<(), SkmError> {
        if let Some(scores) = self.scores(number, text)? {
            self.add(&scores);
        }
        Ok(())
    }

    /// The scores line `number` holds (`None` for the header and blank lines).
    fn scores(&mut self, number: usize, text: &str) -> Result<Option<[Option<u8>; 9]>, SkmError> {
        let Some(row) = self.lines.row(number, text).map_err(SkmError::Unreadable)? else {
            return Ok(None);
        };
        if self.columns.is_none() {
            let named = (1..=9)
                .map(|k| {
                    row.cells
                        .iter()
                        .position(|c| c.eq_ignore_ascii_case(&format!("U{k}")))
                })
                .collect::<Option<Vec<usize>>>();
            if let Some(cols) = named {
                self.columns = Some((cols, Some(row.cells.len())));
                return Ok(None);
            }
            self.columns = Some(((0..9).collect(), None));
        }
        let Some((columns, header)) = &self.columns else {
            return Ok(None);
        };
        let mut cells = row.cells;
        // Spreadsheets pad rows with empty cells past the last column.
        let width = header.unwrap_or(9);
        while cells.len() > width && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        let fits = match header {
            Some(n) => cells.len() <= *n && columns.iter().all(|c| *c < cells.len()),
            None => cells.len() == 9,
        };
        if !fits {
            return Err(SkmError::Columns {
                row: row.line,
                found: cells.len(),
            });
        }
        let mut scores = [None; 9];
        for (k, c) in columns.iter().enumerate() {
            let cell = cells[*c].as_str();
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<u8>() {
                Ok(v @ 1..=4) => scores[k] = Some(v),
                _ => {
                    return Err(SkmError::Score {
                        row: row.line,
                        column: k + 1,
                        text: cell.to_string(),
                    })
                }
            }
        }
        Ok(Some(scores))
    }

    fn add(&mut self, scores: &[Option<u8>; 9]) {
        self.respondents += 1;
        for (k, v) in scores.iter().enumerate() {
            if let Some(v) = v {
                self.sums[k] += u64::from(*v);
                self.answers[k] += 1;
            }
        }
    }

    /// The index of the answers read. `follow_up_when` is the grade word of the standard's
    /// rule, if any.
    pub fn index(&self, follow_up_when: Option<&str>) -> Result<Index, SkmError> {
        if self.respondents == 0 {
            return Err(SkmError::Empty);
        }
        let mut nrr = [0.0; 9];
        for (e, slot) in nrr.iter_mut().enumerate() {
            if self.answers[e] == 0 {
                return Err(SkmError::Unanswered(e + 1));
            }
            *slot = self.sums[e] as f64 / self.answers[e] as f64;
        }
        Ok(index_of(nrr, self.respondents, follow_up_when))
    }
}

/// Reads a whole CSV text (see [`Tally`]) into its rows of scores.
pub fn parse(text: &str) -> Result<Vec<[Option<u8>; 9]>, SkmError> {
    let mut tally = Tally::new();
    let mut rows = Vec::new();
    for (k, line) in text.split('\n').enumerate() {
        rows.extend(tally.scores(k + 1, line)?);
    }
    Ok(rows)
}

/// Computes the index of rows of scores. `follow_up_when` is the grade word of the
/// standard's rule, if any.
pub fn compute(rows: &[[Option<u8>; 9]], follow_up_when: Option<&str>) -> Result<Index, SkmError> {
    let mut tally = Tally::new();
    for r in rows {
        tally.add(r);
    }
    tally.index(follow_up_when)
}

fn index_of(nrr: [f64; 9], respondents: usize, follow_up_when: Option<&str>) -> Index {
    // Exact 1/9 weights: the mean of the nine NRRs (not 0.111 each, which caps at 99.9).
    let index = nrr.iter().sum::<f64>() / 9.0;
    let index_100 = round2(index * 25.0);
    let (grade_letter, label) = grade(index_100);
    let follow_up = follow_up_when.and_then(|w| {
        let threshold = grade_of_word(w)?;
        let elements = nrr
            .iter()
            .enumerate()
            .filter(|(_, v)| grade(round2(**v * 25.0)).0 >= threshold)
            .map(|(i, _)| ELEMENTS[i].0.to_string())
            .collect();
        Some(FollowUp {
            fires: grade_letter >= threshold,
            when: w.to_string(),
            elements,
        })
    });
    Index {
        respondents,
        nrr,
        index,
        index_100,
        grade: grade_letter,
        label,
        follow_up,
    }
}
