//! pest errors → our syntax diagnostic, with expected things said in words.

use super::{expected, Rule};
use crate::diag::{did_you_mean, Diagnostic, Kind, Phrase};
use crate::source::span::{FileId, Span};
use pest::error::{ErrorVariant, InputLocation};

/// More expected keywords than this are summed up as "an item of this block".
const MAX_LISTED: usize = 14;

/// Converts a pest error on `text` (which starts at byte `base` of the file) to a diagnostic.
pub fn from_pest(
    error: &pest::error::Error<Rule>,
    text: &str,
    base: usize,
    file: FileId,
) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let rules = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    at(pos, &rules, text, base, file)
}

/// A syntax diagnostic at `pos` of `text`, expecting `rules`.
fn at(pos: usize, rules: &[Rule], text: &str, base: usize, file: FileId) -> Diagnostic {
    let mut expected: Vec<Phrase> = Vec::new();
    let expanded: Vec<Rule> = rules
        .iter()
        .flat_map(|r| expected::block_items(*r).map_or_else(|| vec![*r], <[Rule]>::to_vec))
        .collect();
    for rule in &expanded {
        if let Some(p) = expected::phrase(*rule) {
            if !expected.contains(&p) {
                expected.push(p);
            }
        }
    }
    if expected
        .iter()
        .filter(|p| matches!(p, Phrase::Keyword(..)))
        .count()
        > MAX_LISTED
    {
        expected.retain(|p| !matches!(p, Phrase::Keyword(..)));
        expected.insert(0, Phrase::AnyItem);
    }
    let word = word_at(text, pos);
    let suggestion = word.and_then(|w| suggest_keyword(w, &expected));
    let len = word.map_or(0, str::len);
    let span = Span::new(base + pos, base + pos + len);
    let kind = Kind::Syntax {
        found: word.map(str::to_string),
        expected,
        suggestion,
    };
    Diagnostic::at(kind, file, span)
}

/// The word at `pos`: up to the next blank, at most 40 characters; `None` at the end.
fn word_at(text: &str, pos: usize) -> Option<&str> {
    let rest = text.get(pos..)?;
    let rest = rest.trim_end();
    if rest.is_empty() {
        return None;
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    let end = rest.char_indices().nth(40).map_or(end, |(i, _)| end.min(i));
    Some(&rest[..end.max(rest.chars().next().map_or(1, char::len_utf8))])
}

fn suggest_keyword(word: &str, expected: &[Phrase]) -> Option<Phrase> {
    let keywords: Vec<(&'static str, &'static str)> = expected
        .iter()
        .filter_map(|p| match p {
            Phrase::Keyword(id, en) => Some((*id, *en)),
            _ => None,
        })
        .collect();
    let pool: Vec<(&'static str, &'static str)> = if keywords.is_empty() {
        crate::source::keywords::KEYWORDS.to_vec()
    } else {
        keywords
    };
    let spellings = pool.iter().flat_map(|(id, en)| [*id, *en]);
    let best = did_you_mean(word, spellings)?;
    // Suggest the spelling closest to what was typed, whatever the message language.
    pool.iter()
        .flat_map(|(id, en)| [*id, *en])
        .find(|s| *s == best)
        .map(|s| Phrase::Keyword(s, s))
}

/// A junk line of a block: re-read it alone with the block's item rule to find what went wrong.
pub fn junk(line_rule: Rule, text: &str, base: usize, file: FileId) -> Diagnostic {
    use pest::Parser as _;
    match super::SopParser::parse(line_rule, text) {
        Err(error) => from_pest(&error, text, base, file),
        Ok(pairs) => {
            let end = pairs.last().map_or(0, |p| p.as_span().end());
            at(end, &[], text, base, file)
        }
    }
}
