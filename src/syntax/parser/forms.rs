//! The forms officers write where the language wants another: `2 hari kalender`, `1x24 jam`,
//! `2 (dua) hari`, `maksimal 3 hari`, `sesudah`, `dasar hukum`, `keluaran`, `biaya gratis`,
//! `02-01-2024`, `syarat`, a comma after a list item, `dikembalikan ke pemohon`, an outcome
//! name of two words. Each is said in words, with a fix only when the fix means exactly what
//! was written (DESIGN §9): `1x24 jam` is one day of elapsed time and is read as written;
//! `1x8 jam` is not one working day on every calendar, so no fix.

use super::syntax::LocalFix;
use crate::diag::{Form, Hint, Phrase};

/// Words officers use for a keyword: (written, keyword). Offered where the written word
/// stands; the fix test of the mistakes corpus checks each gives a clean file.
const SYNONYMS: &[(&str, &str)] = &[
    ("sesudah", "setelah"),
    ("kepada", "ke"),
    ("keluaran", "output"),
    ("hasil_keluaran", "output"),
    ("syarat", "persyaratan"),
    ("persyaratannya", "persyaratan"),
    ("prasyarat", "persyaratan"),
];

/// The line around the word: what stands before it, and the rest of the line from it
/// (trailing blanks dropped).
pub struct Line<'a> {
    /// The text of the line before the word, as written.
    pub raw_before: &'a str,
    /// The same, trimmed.
    pub before: &'a str,
    /// The word and the rest of its line.
    pub rest: &'a str,
    /// The word's offset in the text parsed.
    pub here: isize,
    /// What the parser expected there.
    pub expected: &'a [Phrase],
}

/// The form `word` is written in, if it is one of them, with its fix when one keeps the
/// meaning.
pub fn officer_form(word: &str, line: &Line<'_>) -> Option<(Hint, Option<LocalFix>)> {
    let here = line.here;
    let before = line.before;
    let rest = line.rest;
    let back = |n: usize| here - isize::try_from(n).unwrap_or(0);
    // `2 hari kalender`: `hari` already counts calendar days.
    if word == "kalender" && ends_with_word(before, "hari") {
        let gap = blanks_before(line);
        return Some((
            Hint::Form(Form::CalendarDays),
            Some((back(gap), gap + word.len(), String::new())),
        ));
    }
    // `1x8 jam`: only `N x 24 jam` (whole days, read by the grammar) has a meaning.
    if let Some((ahead, len, n, hours)) = times(line.raw_before, rest) {
        let fix = (hours == 24).then(|| (back(ahead), len, format!("{n} hari")));
        return Some((Hint::Form(Form::FullDays), fix));
    }
    // `2 (dua) hari`: the number in words in brackets.
    if word.starts_with('(')
        && word.ends_with(')')
        && before.ends_with(|c: char| c.is_ascii_digit())
    {
        let end = rest[word.len()..].len() - rest[word.len()..].trim_start().len();
        return Some((
            Hint::Form(Form::NumberInWords),
            Some((here, word.len() + end, String::new())),
        ));
    }
    // `maksimal 3 hari`, `paling lambat 3 hari`, `selambat-lambatnya 3 hari`: at most.
    let at_most = [
        "maksimal",
        "maksimum",
        "maks.",
        "selambat-lambatnya",
        "paling-lama",
    ];
    if at_most.contains(&word.to_lowercase().as_str()) {
        return Some((
            Hint::Form(Form::AtMost),
            Some((here, word.len(), "paling lama".into())),
        ));
    }
    if word == "paling" && rest.starts_with("paling lambat") {
        let len = "paling lambat".len();
        return Some((
            Hint::Form(Form::AtMost),
            Some((here, len, "paling lama".into())),
        ));
    }
    // `dasar hukum`: one word.
    if word == "dasar" && rest.starts_with("dasar hukum") {
        let len = "dasar hukum".len();
        return Some((
            Hint::Keyword("dasar_hukum"),
            Some((here, len, "dasar_hukum".into())),
        ));
    }
    if let Some((_, k)) = SYNONYMS.iter().find(|(w, _)| *w == word) {
        return Some((Hint::Keyword(k), Some((here, word.len(), (*k).to_string()))));
    }
    // `biaya gratis`, `biaya tidak dipungut biaya`: no fee.
    if ends_with_word(before, "biaya") {
        let lower = rest.to_lowercase();
        let free = [
            "gratis",
            "tidak dipungut biaya",
            "tidak dipungut",
            "nihil",
            "rp 0",
            "rp. 0",
        ];
        if let Some(f) = free.iter().find(|f| lower.starts_with(*f)) {
            let said = &rest[..f.len()];
            let title = if said.eq_ignore_ascii_case("gratis") {
                "Gratis".to_string()
            } else {
                "Tidak dipungut biaya".to_string()
            };
            return Some((
                Hint::Form(Form::Free),
                Some((here, f.len(), format!("0 \"{title}\""))),
            ));
        }
    }
    // `02-01-2024`, `2/1/2024`: day first, as Indonesians write; the language wants ISO.
    if line.expected.contains(&Phrase::Date) {
        if let Some(iso) = day_first(word) {
            return Some((Hint::Form(Form::DateOrder), Some((here, word.len(), iso))));
        }
    }
    // `"Surat permohonan",`: list items stand on their own, without commas.
    if word.starts_with(',') && before.ends_with('"') {
        return Some((Hint::Form(Form::StrayComma), Some((here, 1, String::new()))));
    }
    if line.expected == [Phrase::Arrow] {
        // `tidak_lengkap -> dikembalikan ke pemohon`: the return is `kembalikan ke`.
        let words: Vec<&str> = before.split_whitespace().collect();
        if let [.., "->", back_word, to] = words.as_slice() {
            if back_word.to_lowercase().contains("kembali") && matches!(*to, "ke" | "kepada") {
                let from = line.raw_before.rfind(back_word).unwrap_or(0);
                let span = line.raw_before.len() - from;
                return Some((
                    Hint::Form(Form::ReturnTo),
                    Some((back(span), span, "kembalikan ke ".into())),
                ));
            }
        }
        // `tidak lengkap -> …`: an outcome's name is one word.
        let is_name = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '_');
        if words.len() == 1 && is_name(words[0]) && is_name(word) && rest.contains("->") {
            let gap = blanks_before(line);
            return Some((
                Hint::Form(Form::OneWord),
                Some((back(gap), gap, "_".into())),
            ));
        }
    }
    None
}

fn ends_with_word(before: &str, word: &str) -> bool {
    before
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// The blanks between the text before the word and the word.
fn blanks_before(line: &Line<'_>) -> usize {
    line.raw_before.len() - line.raw_before.trim_end().len()
}

/// `N x M jam` around the word (the parser stops somewhere inside it): how many bytes before
/// the word it starts, how many after the start of `raw_before` it ends, and N and M.
fn times(raw_before: &str, rest: &str) -> Option<(usize, usize, u32, u32)> {
    let line = format!("{raw_before}{rest}");
    let word_at = raw_before.len();
    let bytes = line.as_bytes();
    let digits = |mut i: usize| {
        let from = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i > from).then_some(i)
    };
    let blanks = |mut i: usize| {
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    };
    for start in 0..=word_at {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            continue;
        }
        let Some(n_end) = digits(start) else { continue };
        let mut i = blanks(n_end);
        let Some(times) = line[i..]
            .chars()
            .next()
            .filter(|c| matches!(c, 'x' | 'X' | '×'))
        else {
            continue;
        };
        i = blanks(i + times.len_utf8());
        let Some(m_end) = digits(i) else { continue };
        let m_start = i;
        i = blanks(m_end);
        if !line[i..].starts_with("jam") {
            continue;
        }
        let end = i + "jam".len();
        if end <= word_at {
            continue;
        }
        let n = line[start..n_end].parse().ok()?;
        let m = line[m_start..m_end].parse().ok()?;
        return Some((word_at - start, end - start, n, m));
    }
    None
}

/// `DD-MM-YYYY` or `DD/MM/YYYY` as `YYYY-MM-DD`, when it is a real date.
fn day_first(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let last = *days.get(usize::try_from(m).ok()?.checked_sub(1)?)?;
    (1..=last)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}
