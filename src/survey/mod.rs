//! The public-satisfaction index (SKM, PermenPAN-RB 14/2017): nine elements scored 1–4,
//! NRR per element, the index on the 1–4 and 25–100 scales with exact 1/9 weights, the grade,
//! and whether the standard's follow-up rule fires.

use serde::Serialize;

/// The nine elements (unsur), in order.
pub const ELEMENTS: [(&str, &str); 9] = [
    ("U1", "Persyaratan"),
    ("U2", "Sistem, mekanisme dan prosedur"),
    ("U3", "Waktu penyelesaian"),
    ("U4", "Biaya/tarif"),
    ("U5", "Produk spesifikasi jenis pelayanan"),
    ("U6", "Kompetensi pelaksana"),
    ("U7", "Perilaku pelaksana"),
    ("U8", "Sarana dan prasarana"),
    ("U9", "Penanganan pengaduan, saran dan masukan"),
];

/// A bad cell of the responses, named by row and column (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkmError {
    /// A row without nine answers.
    Columns {
        /// Row.
        row: usize,
        /// Columns found.
        found: usize,
    },
    /// A score outside 1–4 or not a number.
    Score {
        /// Row.
        row: usize,
        /// Column.
        column: usize,
        /// As written.
        text: String,
    },
    /// Not CSV (an unclosed quote, say).
    Unreadable(crate::source::table::TableError),
    /// An element nobody answered.
    Unanswered(usize),
    /// No respondent at all.
    Empty,
}

impl SkmError {
    /// Why, in words, in `lang`.
    pub fn message(&self, lang: crate::diag::Lang) -> String {
        use crate::diag::Lang::{En, Id};
        match (self, lang) {
            (SkmError::Columns { row, found }, Id) => {
                format!("baris {row}: diharapkan 9 kolom (U1…U9), ternyata {found}")
            }
            (SkmError::Columns { row, found }, En) => {
                format!("row {row}: expected 9 columns (U1…U9), found {found}")
            }
            (SkmError::Score { row, column, text }, Id) => {
                format!("baris {row}, kolom {column} (U{column}): `{text}` bukan nilai 1 sampai 4")
            }
            (SkmError::Score { row, column, text }, En) => format!(
                "row {row}, column {column} (U{column}): `{text}` is not a score from 1 to 4"
            ),
            (SkmError::Unreadable(e), _) => crate::diag::table_error(e, lang),
            (SkmError::Unanswered(u), Id) => format!("tidak ada responden yang menjawab U{u}"),
            (SkmError::Unanswered(u), En) => format!("no respondent answered U{u}"),
            (SkmError::Empty, Id) => "tidak ada jawaban responden".into(),
            (SkmError::Empty, En) => "no responses".into(),
        }
    }
}

impl std::fmt::Display for SkmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::diag::Lang::En))
    }
}

impl std::error::Error for SkmError {}

/// The follow-up verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    /// Whether the rule fires for the service as a whole.
    pub fires: bool,
    /// The grade at or below which it fires.
    pub when: String,
    /// The elements at or below that grade.
    pub elements: Vec<String>,
}

/// The survey's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Index {
    /// Respondents (rows).
    pub respondents: usize,
    /// NRR per element, U1…U9.
    pub nrr: [f64; 9],
    /// The index on the 1–4 scale.
    pub index: f64,
    /// The index on the 25–100 scale, rounded to 2 decimals.
    pub index_100: f64,
    /// `A`…`D`.
    pub grade: char,
    /// `Sangat Baik`, `Baik`, `Kurang Baik`, `Tidak Baik`.
    pub label: &'static str,
    /// The follow-up rule, when the standard has one.
    pub follow_up: Option<FollowUp>,
}

/// The grade of a value on the 25–100 scale, already rounded to 2 decimals.
pub fn grade(value_100: f64) -> (char, &'static str) {
    // Compare in hundredths so the published band edges are exact.
    let hundredths = (value_100 * 100.0).round() as i64;
    let letter = match hundredths {
        8831.. => 'A',
        7661.. => 'B',
        6500.. => 'C',
        _ => 'D',
    };
    (letter, grade_label(letter))
}

/// Rounds to 2 decimals (half away from zero), as the regulation prints the index.
pub fn round2(x: f64) -> f64 {
    (x * 100.0 + 1e-9).round() / 100.0
}

/// The name of a grade (PermenPAN-RB 14/2017): `C` is "Kurang Baik".
pub fn grade_label(letter: char) -> &'static str {
    match letter {
        'A' => "Sangat Baik",
        'B' => "Baik",
        'C' => "Kurang Baik",
        _ => "Tidak Baik",
    }
}

/// The grade letter a follow-up rule names (`kurang_baik`, `poor`, `C`, …).
pub fn grade_of_word(word: &str) -> Option<char> {
    Some(match word {
        "sangat_baik" | "very_good" | "A" => 'A',
        "baik" | "good" | "B" => 'B',
        "kurang_baik" | "poor" | "C" => 'C',
        "tidak_baik" | "very_poor" | "D" => 'D',
        _ => return None,
    })
}

mod tally;
pub use tally::{compute, parse, Tally};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_are_exact() {
        assert_eq!(grade(64.99).0, 'D');
        assert_eq!(grade(65.00).0, 'C');
        assert_eq!(grade(76.60).0, 'C');
        assert_eq!(grade(76.61).0, 'B');
        assert_eq!(grade(88.30).0, 'B');
        assert_eq!(grade(88.31).0, 'A');
        assert_eq!(grade(100.0), ('A', "Sangat Baik"));
        assert_eq!(grade(25.0), ('D', "Tidak Baik"));
    }

    #[test]
    fn a_hand_computed_survey() {
        // Four respondents. Element sums / answers: U1 13/4, U2 12/4, U3 8/4, U4 16/4,
        // U5 12/4, U6 12/4, U7 12/4, U8 12/4, U9 9/3 (one blank).
        // NRR: 3.25 3 2 4 3 3 3 3 3 → sum 27.25 → index 27.25/9 = 3.02777…
        // ×25 = 75.694… → 75.69 → C (Kurang Baik); U3 (NRR 2 → 50.00, D) is at or below C,
        // and U1 (81.25, B) is not.
        let csv = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,3,2,4,3,3,3,3,3\n3,3,2,4,3,3,3,3,3\n3,3,2,4,3,3,3,3,\n3,3,2,4,3,3,3,3,3\n";
        let rows = parse(csv).expect("valid");
        let r = compute(&rows, Some("kurang_baik")).expect("computes");
        assert_eq!(r.respondents, 4);
        assert_eq!(r.nrr, [3.25, 3.0, 2.0, 4.0, 3.0, 3.0, 3.0, 3.0, 3.0]);
        assert!((r.index - 27.25 / 9.0).abs() < 1e-12);
        assert_eq!(r.index_100, 75.69);
        assert_eq!((r.grade, r.label), ('C', "Kurang Baik"));
        let f = r.follow_up.expect("the rule");
        assert!(f.fires);
        assert_eq!(f.elements, ["U2", "U3", "U5", "U6", "U7", "U8", "U9"]);
    }

    #[test]
    fn all_fours_reach_one_hundred() {
        let rows = vec![[Some(4); 9]; 3];
        let r = compute(&rows, None).expect("computes");
        assert_eq!((r.index, r.index_100, r.grade), (4.0, 100.0, 'A'));
    }

    #[test]
    fn bad_cells_are_named() {
        assert_eq!(
            parse("4,3,2,4,3,3,3,3,3\n4,3,5,4,3,3,3,3,3\n"),
            Err(SkmError::Score {
                row: 2,
                column: 3,
                text: "5".into()
            })
        );
        assert!(matches!(
            parse("4,3,0,4,3,3,3,3,3\n"),
            Err(SkmError::Score { column: 3, .. })
        ));
        assert!(matches!(
            parse("4,3,baik,4,3,3,3,3,3\n"),
            Err(SkmError::Score { .. })
        ));
        assert_eq!(
            parse("4,3,2\n"),
            Err(SkmError::Columns { row: 1, found: 3 })
        );
    }

    #[test]
    fn the_index_stays_within_its_scale() {
        let mut seed = 0x1234_5678_9abc_def0u64;
        for _ in 0..2_000 {
            let n = 1 + (seed % 30) as usize;
            let rows: Vec<[Option<u8>; 9]> = (0..n)
                .map(|_| {
                    let mut r = [None; 9];
                    for cell in &mut r {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        *cell = Some(1 + (seed % 4) as u8);
                    }
                    r
                })
                .collect();
            let r = compute(&rows, None).expect("computes");
            assert!((1.0..=4.0).contains(&r.index), "{}", r.index);
            assert!((25.0..=100.0).contains(&r.index_100), "{}", r.index_100);
        }
    }

    #[test]
    fn a_survey_form_export_with_other_columns_and_semicolons() {
        let csv = "Waktu;Nama;U1;U2;U3;U4;U5;U6;U7;U8;U9\n\
            2026-03-02 10:00;\"Budi; Jl. Sudirman\";4;3;2;4;3;3;3;3;3\n\
            2026-03-02 11:00;Ani;3;3;2;4;3;3;3;3;\n";
        let rows = parse(csv).expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], Some(4));
        assert_eq!(rows[1][8], None);
        let bad = "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,3,2,4,3,3,3,3,3\n\n4,3,7,4,3,3,3,3,3\n";
        assert_eq!(
            parse(bad),
            Err(SkmError::Score {
                row: 4,
                column: 3,
                text: "7".into()
            })
        );
    }
}
