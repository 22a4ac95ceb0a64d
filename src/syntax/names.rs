//! Names as an editor finds them in a `.sop` text: a step, stage or end of a procedure is
//! written alone inside its procedure's block and as `procedure.name` anywhere, so "the
//! references of step `periksa` of `penerbitan`" are those, and not a step of the same name
//! in another procedure.

use super::format::{tokens, Tok};
use std::ops::Range;

/// The words that open a procedure, in both keyword languages.
const PROCEDURE: [&str; 2] = ["prosedur", "procedure"];

/// Each procedure's block in `text`: its name and the byte range from `{` to `}`.
fn blocks(text: &str) -> Vec<(&str, Range<usize>)> {
    let toks = tokens(text);
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.0 == Tok::Word)
            .and_then(|t| text.get(t.1..t.2))
    };
    let mut out = Vec::new();
    // Open procedure blocks: (name, start, depth at which it opened).
    let mut open: Vec<(&str, usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut pending: Option<&str> = None;
    for (i, &(tok, start, end)) in toks.iter().enumerate() {
        match tok {
            Tok::Word if word(i).is_some_and(|w| PROCEDURE.contains(&w)) => {
                pending = word(i + 1);
            }
            Tok::Open => {
                if let Some(name) = pending.take() {
                    open.push((name, start, depth));
                }
                depth += 1;
            }
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if open.last().is_some_and(|o| o.2 == depth) {
                    if let Some((name, from, _)) = open.pop() {
                        out.push((name, from..end));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The procedure whose block holds byte `offset` of `text` (the innermost), if any.
pub fn procedure_at(text: &str, offset: usize) -> Option<&str> {
    blocks(text)
        .into_iter()
        .filter(|(_, r)| r.contains(&offset))
        .min_by_key(|(_, r)| r.len())
        .map(|(name, _)| name)
}

/// Where `name` is written in `text`. With `procedure`, `name` is one of that procedure's
/// steps, stages or ends: written alone inside its block (not as another procedure's
/// `other.name`), and as `procedure.name` anywhere (the range of `name`). Without, every
/// place the word is written that is not the second half of `procedure.name`.
pub fn occurrences(text: &str, procedure: Option<&str>, name: &str) -> Vec<Range<usize>> {
    let toks = tokens(text);
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.0 == Tok::Word)
            .and_then(|t| text.get(t.1..t.2))
    };
    // The procedure that qualifies the word at `i`, when it is written `x.word`.
    let qualifier = |i: usize| {
        let dot = i.checked_sub(1).and_then(|d| toks.get(d))?;
        (dot.0 == Tok::Dot).then(|| word(i - 2)).flatten()
    };
    let own = procedure.map(|p| {
        blocks(text)
            .into_iter()
            .filter(|(n, _)| *n == p)
            .map(|(_, r)| r)
            .collect::<Vec<_>>()
    });
    let mut out = Vec::new();
    for (i, &(tok, start, end)) in toks.iter().enumerate() {
        if tok != Tok::Word || text.get(start..end) != Some(name) {
            continue;
        }
        let keep = match (procedure, &own, qualifier(i)) {
            (Some(p), _, Some(q)) => q == p,
            (Some(_), Some(blocks), None) => blocks.iter().any(|r| r.contains(&start)),
            (None, _, q) => q.is_none(),
            (Some(_), None, None) => false,
        };
        if keep {
            out.push(start..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "prosedur a \"A\" {\n  mulai periksa\n  langkah periksa \"P\" { }\n}\n\
        prosedur b \"B\" {\n  mulai periksa\n  langkah periksa \"P\" { }\n}\n\
        anggaran x \"X\" { mulai saat masuk a.periksa  berhenti saat keluar b.periksa }\n";

    fn words(ranges: &[Range<usize>]) -> Vec<&str> {
        ranges.iter().map(|r| &TEXT[r.clone()]).collect()
    }

    #[test]
    fn a_step_is_found_in_its_procedure_and_where_qualified() {
        let a = occurrences(TEXT, Some("a"), "periksa");
        assert_eq!(a.len(), 3, "two in a's block, one as a.periksa");
        assert!(a
            .iter()
            .all(|r| r.start < TEXT.find("prosedur b").unwrap_or(0)
                || r.start == TEXT.find("a.periksa").unwrap_or(0) + 2));
        let b = occurrences(TEXT, Some("b"), "periksa");
        assert_eq!(b.len(), 3);
        assert!(a.iter().all(|r| !b.contains(r)));
        assert_eq!(words(&a), ["periksa"; 3]);
        // Unqualified: a procedure's name is found, not a step's second half.
        assert_eq!(occurrences(TEXT, None, "a").len(), 2);
    }

    #[test]
    fn the_procedure_around_a_place() {
        let at = TEXT.find("mulai periksa").unwrap_or(0);
        assert_eq!(procedure_at(TEXT, at), Some("a"));
        let at = TEXT.rfind("mulai periksa").unwrap_or(0);
        assert_eq!(procedure_at(TEXT, at), Some("b"));
        assert_eq!(procedure_at(TEXT, TEXT.len() - 3), None);
    }
}
