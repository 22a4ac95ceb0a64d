//! Suppressions: a comment that silences one named diagnostic code where it stands, with the
//! reason written beside it.
//!
//! ```text
//! // izinkan sop::staffing-mismatch karena sumber menyebut 5 orang untuk 6 peran
//! jumlah_pelaksana { … }
//! ```
//!
//! (English: `// allow sop::… because …`; in a calendar file `# izinkan … karena …`.) A
//! comment on a line of its own covers the next line of text, and the whole block when that
//! line opens one; written after text on a line, it covers that line (and its block). The
//! `sop::` prefix may be left out. A suppression without a reason, or naming no known code,
//! is an error and silences nothing; one that silences nothing is a warning.

use crate::diag::{Diagnostic, Kind, CODES};
use crate::source::span::{FileId, Span};
use crate::source::{SourceMap, TextKey};
use std::collections::HashMap;

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The file it is written in.
    pub file: FileId,
    /// The comment.
    pub span: Span,
    /// The code it silences, `sop::…`.
    pub code: String,
    /// Why, as written.
    pub reason: String,
    /// The bytes it covers.
    covers: (usize, usize),
}

/// A diagnostic a suppression silenced, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// The suppression's reason.
    pub reason: String,
}

/// More suppressions than this in one file are not read (a hostile file stays linear).
const MAX_PER_FILE: usize = 1_000;

/// Reads the suppressions of every file; reports malformed ones. A text read before (a
/// folder of copies) is not scanned again.
pub(super) fn find(sources: &SourceMap) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let mut known: HashMap<(TextKey, bool), Vec<Suppression>> = HashMap::new();
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for (file, source) in sources.iter() {
        let yaml = source.path.ends_with(".yaml") || source.path.ends_with(".yml");
        let key = (source.key(), yaml);
        if let Some(seen) = known.get(&key) {
            found.extend(seen.iter().cloned().map(|s| Suppression { file, ..s }));
            continue;
        }
        let (from, before) = (found.len(), problems.len());
        in_text(&source.text, file, yaml, &mut found, &mut problems);
        // Diagnostics name their file: only a text without a malformed one is kept.
        if problems.len() == before {
            known.insert(key, found[from..].to_vec());
        }
    }
    (found, problems)
}

fn in_text(
    text: &str,
    file: FileId,
    yaml: bool,
    found: &mut Vec<Suppression>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut offset = 0;
    let mut count = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(at) = comment_start(line, yaml) else {
            continue;
        };
        let marker = if yaml { 1 } else { 2 };
        let body = line[at + marker..].trim();
        let Some((code, reason)) = parse(body) else {
            continue;
        };
        count += 1;
        if count > MAX_PER_FILE {
            break;
        }
        let span = Span::new(start + at, start + line.trim_end().len());
        let known = CODES.iter().find(|c| **c == code).copied();
        match (known, reason) {
            (Some(code), Some(reason)) => {
                let alone = line[..at].trim().is_empty();
                let from = if alone {
                    next_text_line(text, offset, yaml)
                } else {
                    start
                };
                found.push(Suppression {
                    file,
                    span,
                    code: code.to_string(),
                    reason,
                    covers: (from, block_end(text, from, yaml)),
                });
            }
            (known, reason) => problems.push(Diagnostic::at(
                Kind::InvalidSuppression {
                    code: code.clone(),
                    unknown_code: known.is_none(),
                    no_reason: reason.is_none(),
                },
                file,
                span,
            )),
        }
    }
}

/// `izinkan sop::x karena …` / `allow sop::x because …` → the code (with `sop::`) and the
/// reason, if given; `None` when the comment is no suppression.
fn parse(body: &str) -> Option<(String, Option<String>)> {
    let rest = body
        .strip_prefix("izinkan ")
        .or_else(|| body.strip_prefix("allow "))?
        .trim_start();
    let (code, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if code.is_empty() {
        return None;
    }
    let code = if code.starts_with("sop::") {
        code.to_string()
    } else {
        format!("sop::{code}")
    };
    let after = after.trim_start();
    let reason = after
        .strip_prefix("karena ")
        .or_else(|| after.strip_prefix("because "))
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    Some((code, reason))
}

/// Where a comment starts on a line, outside quotes.
fn comment_start(line: &str, yaml: bool) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && !yaml {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None if b == b'"' || (yaml && b == b'\'') => quote = Some(b),
            None if !yaml && b == b'/' && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            None if yaml && b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) => {
                return Some(i)
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// The start of the first line from `from` that holds text other than a comment.
fn next_text_line(text: &str, from: usize, yaml: bool) -> usize {
    let mut offset = from;
    for line in text.get(from..).unwrap_or_default().split_inclusive('\n') {
        let trimmed = line.trim_start();
        let comment = if yaml {
            trimmed.starts_with('#')
        } else {
            trimmed.starts_with("//")
        };
        if !trimmed.is_empty() && !comment {
            return offset;
        }
        offset += line.len();
    }
    offset
}

/// The end of the line starting at `from`, or of the block it opens (its matching `}`).
fn block_end(text: &str, from: usize, yaml: bool) -> usize {
    let rest = text.get(from..).unwrap_or_default();
    let line_end = rest.find('\n').map_or(text.len(), |i| from + i);
    if yaml {
        return line_end;
    }
    let mut depth = 0usize;
    let mut opened = false;
    let mut in_string = false;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '/' if !in_string && chars.peek().is_some_and(|(_, n)| *n == '/') => {
                // A comment runs to the end of its line.
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                if !opened {
                    return line_end;
                }
            }
            '\n' if !opened => return line_end,
            '{' if !in_string => {
                depth += 1;
                opened = true;
            }
            '}' if !in_string && opened => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return from + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// Splits diagnostics into those that stand and those suppressed; a suppression that
/// silenced nothing becomes a warning, except in a file that could not be read (`unreadable`):
/// what it would silence was never looked for.
pub fn apply(
    diagnostics: Vec<Diagnostic>,
    suppressions: &[Suppression],
    unreadable: &[FileId],
) -> (Vec<Diagnostic>, Vec<Suppressed>) {
    let mut used = vec![false; suppressions.len()];
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut suppressed = Vec::new();
    // Each diagnostic is matched against the suppressions of its own file only.
    let mut by_file: HashMap<FileId, Vec<usize>> = HashMap::new();
    for (k, s) in suppressions.iter().enumerate() {
        by_file.entry(s.file).or_default().push(k);
    }
    for d in diagnostics {
        let hit = d.loc.and_then(|loc| {
            by_file.get(&loc.file)?.iter().copied().find(|&k| {
                let s = &suppressions[k];
                s.code == d.code()
                    && (s.covers.0..s.covers.1.max(s.covers.0 + 1))
                        .contains(&(loc.span.start as usize))
            })
        });
        match hit {
            Some(k) => {
                used[k] = true;
                suppressed.push(Suppressed {
                    diagnostic: d,
                    reason: suppressions[k].reason.clone(),
                });
            }
            None => kept.push(d),
        }
    }
    let unreadable: std::collections::HashSet<&FileId> = unreadable.iter().collect();
    for (s, used) in suppressions.iter().zip(used) {
        if !used && !unreadable.contains(&s.file) {
            kept.push(Diagnostic::at(
                Kind::UnusedSuppression {
                    code: s.code.clone(),
                },
                s.file,
                s.span,
            ));
        }
    }
    (kept, suppressed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_code_and_the_reason_in_both_languages() {
        assert_eq!(
            parse("izinkan staffing-mismatch karena sumber menyebut 5 orang"),
            Some((
                "sop::staffing-mismatch".into(),
                Some("sumber menyebut 5 orang".into())
            ))
        );
        assert_eq!(
            parse("allow sop::one-branch because the source shows one"),
            Some((
                "sop::one-branch".into(),
                Some("the source shows one".into())
            ))
        );
        assert_eq!(
            parse("izinkan sop::one-branch"),
            Some(("sop::one-branch".into(), None))
        );
        assert_eq!(parse("Tambahan: izinkan"), None);
    }

    #[test]
    fn a_comment_marker_inside_quotes_is_text() {
        assert_eq!(comment_start(r#"x "https://a.b" // c"#, false), Some(16));
        assert_eq!(comment_start(r#"x "a // b""#, false), None);
        assert_eq!(comment_start("a: 'x # y' # z", true), Some(11));
    }

    #[test]
    fn a_block_is_covered_to_its_closing_brace() {
        let text = "a {\n  b \"}\" { c }\n  // }\n}\nd\n";
        assert_eq!(block_end(text, 0, false), text.find("\nd").expect("d"));
        assert_eq!(block_end("x y\nz", 0, false), 3);
    }
}
