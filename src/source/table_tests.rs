//! The CSV line reader against the rules written plainly, and against the `csv` crate.

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
/// `line` read after a first line `first` (which sets the separator), against the rules
/// written plainly: blank, the first hidden character refused, else the cells between
/// separators, trimmed. `false` for a line with a quote (compared with the `csv` crate above).
fn split_as_the_rules_say(first: &str, line: &str) -> bool {
    let mut lines = super::Lines::new();
    let mut cells = Vec::new();
    assert_eq!(lines.split(1, first, &mut cells), Ok(true));
    let sep = lines.separator();
    let got = lines.split(2, line, &mut cells);
    let plain: Vec<&str> = line
        .split(sep)
        .map(|c| c.trim_matches(|c: char| c.is_ascii_whitespace()))
        .collect();
    let want = if line.trim().is_empty() {
        Ok(false)
    } else if let Some(c) = line.chars().find(|c| super::super::hidden_character(*c)) {
        Err(super::TableProblem::ControlCharacter(u32::from(c)))
    } else if line.contains('"') {
        return false;
    } else {
        Ok(plain.iter().any(|c| !c.is_empty()))
    };
    assert_eq!(got.map_err(|e| e.problem), want, "{line:?}");
    if want.is_ok() && !line.trim().is_empty() {
        assert_eq!(cells, plain, "{line:?}");
    }
    true
}

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
                compared += usize::from(split_as_the_rules_say(first, &line));
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
        'a', ' ', ',', ';', '-', ':', '0', 'Z', '\t', '\u{1}', '\u{7f}', 'é', '"',
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
        let first = if round % 2 == 0 { "a,b" } else { "a;b" };
        compared += usize::from(split_as_the_rules_say(first, &line));
    }
    assert!(compared > 80_000, "{compared}");
}

#[test]
fn blank_is_what_trim_leaves_empty() {
    let pieces = [
        "", " ", "\t", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{3000}", "a", "\u{1c}", "é", "\u{85}",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let line = format!("{a}{b}{c}");
                assert_eq!(
                    crate::source::line_bytes::is_blank(&line),
                    line.trim().is_empty(),
                    "{line:?}"
                );
            }
        }
    }
}
