//! pest errors → our syntax diagnostic, with expected things said in words.

use super::{expected, Rule};
use crate::diag::{did_you_mean, Diagnostic, Hint, Kind, Phrase};
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
    let (pos, rules) = parts(error);
    at(pos, &rules, text, "", base, file)
}

/// Where a pest error is, and the rules it expected there.
fn parts(error: &pest::error::Error<Rule>) -> (usize, Vec<Rule>) {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let rules = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    (pos, rules)
}

/// A syntax diagnostic at `pos` of `text`, expecting `rules`.
/// `lead` is what stands before `text` on its first line (a junk piece may start mid-line).
fn at(pos: usize, rules: &[Rule], text: &str, lead: &str, base: usize, file: FileId) -> Diagnostic {
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
    let len = word.map_or(0, str::len);
    let span = Span::new(base + pos, base + pos + len);
    let (hint, fix) = match word {
        Some(w) => hint(text, lead, pos, w, &expected),
        None => (None, None),
    };
    let kind = Kind::Syntax {
        found: word.map(str::to_string),
        expected,
        hint,
    };
    let diag = Diagnostic::at(kind, file, span);
    match fix {
        Some((at, replaced, with)) => {
            let start = base.saturating_add_signed(at);
            diag.with_fix(Span::new(start, start + replaced), with)
        }
        None => diag,
    }
}

/// A correction as (offset from the start of `text`, which is before it when negative — in
/// the lead —, bytes replaced, replacement).
pub(super) type LocalFix = (isize, usize, String);

/// What the word `word` at `pos` most likely needed, and the edit that gives it.
fn hint(
    text: &str,
    lead: &str,
    pos: usize,
    word: &str,
    expected: &[Phrase],
) -> (Option<Hint>, Option<LocalFix>) {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let before = if line_start == 0 {
        format!("{lead}{}", &text[..pos])
    } else {
        text[line_start..pos].to_string()
    };
    let before = before.trim();
    let rest_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let rest = text[pos..rest_end].trim_end();
    let here = isize::try_from(pos).unwrap_or(isize::MAX);
    let raw_before = if line_start == 0 {
        format!("{lead}{}", &text[..pos])
    } else {
        text[line_start..pos].to_string()
    };
    let line = super::forms::Line {
        raw_before: &raw_before,
        before,
        rest,
        here,
        expected,
    };
    if let Some((hint, fix)) = super::forms::officer_form(word, &line) {
        return (Some(hint), fix);
    }
    if word.starts_with('#') {
        return (Some(Hint::Slashes), Some((here, 1, "//".into())));
    }
    // `oleh pemohon front_office`: a second name where the list ended.
    let list_head = before.split_whitespace().next().unwrap_or_default();
    let is_name = |w: &str| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if is_name(word) && matches!(list_head, "oleh" | "by" | "penangan" | "handler") {
        // After the last name before this one: in this text, or in its lead.
        let end_of_list = match text[..pos].trim_end().len() {
            0 => lead.trim_end().len() as isize - lead.len() as isize,
            n => isize::try_from(n).unwrap_or(isize::MAX),
        };
        return (Some(Hint::Comma), Some((end_of_list, 0, ",".into())));
    }
    // `lengkap cek_simple`, `lengkap => cek_simple`: the arrow of an outcome.
    if expected == [Phrase::Arrow] {
        let token = rest.split_whitespace().next().unwrap_or_default();
        return if is_name(token) {
            (Some(Hint::Arrow), Some((here, 0, "-> ".into())))
        } else {
            (Some(Hint::Arrow), Some((here, token.len(), "->".into())))
        };
    }
    let wants_text = expected.contains(&Phrase::Text)
        && !expected.iter().any(|p| matches!(p, Phrase::Keyword(..)));
    if wants_text && !word.starts_with('"') && !rest.contains('"') {
        // The text runs to the end of the line, or to the `{` of the block it titles.
        let text_part = rest.strip_suffix('{').map_or(rest, str::trim_end);
        let quoted = format!("\"{text_part}\"");
        return (Some(Hint::Quote), Some((here, text_part.len(), quoted)));
    }
    if let Some(k) = suggest_keyword(word, expected) {
        return (
            Some(Hint::Keyword(k)),
            Some((here, word.len(), k.to_string())),
        );
    }
    // A sentence written in a step, as in the published table: a remark, in quotes.
    let remark = expected.contains(&Phrase::Keyword("keterangan", "remarks"));
    let prose = word.chars().next().is_some_and(char::is_uppercase) && rest.contains(' ');
    if remark && prose && before.is_empty() && !rest.contains('"') {
        let fixed = format!("keterangan \"{rest}\"");
        return (Some(Hint::Remark), Some((here, rest.len(), fixed)));
    }
    (None, None)
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

fn suggest_keyword(word: &str, expected: &[Phrase]) -> Option<&'static str> {
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
}

/// A junk line of a block: re-read it alone with the block's item rule to find what went wrong.
/// `lead` is what stands before it on its line.
pub fn junk(line_rule: Rule, text: &str, lead: &str, base: usize, file: FileId) -> Diagnostic {
    use pest::Parser as _;
    match super::SopParser::parse(line_rule, text) {
        Err(error) => {
            let (pos, rules) = parts(&error);
            at(pos, &rules, text, lead, base, file)
        }
        Ok(pairs) => {
            let end = pairs.last().map_or(0, |p| p.as_span().end());
            at(end, &[], text, lead, base, file)
        }
    }
}
