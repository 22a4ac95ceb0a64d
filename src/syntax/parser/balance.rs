//! Where a brace or a quote was left open, or one too many was closed — found from the
//! indentation people write, so the mistake is reported where it was made and not at the end
//! of the file where the parser notices it.
//!
//! Runs only when the file does not parse; one linear pass.

use crate::diag::{Diagnostic, Kind, Note};
use crate::source::span::{FileId, Loc, Span};

/// An open block: its indentation, and the words before its `{`.
struct Open {
    indent: usize,
    head: (usize, usize),
}

/// The one diagnostic for an unbalanced file, if the text shows where it went wrong.
pub fn find(text: &str, file: FileId) -> Option<Diagnostic> {
    if let Some(d) = open_quote(text, file) {
        return Some(d);
    }
    let (opens, closes) = count(text);
    if opens == closes {
        return None;
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let code = strip_comment(line);
        let trimmed = code.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        let indent = code.len() - trimmed.len();
        // More `{` than `}`: a line back at (or left of) an open block's own indentation,
        // other than its `}`, shows that block was not closed; so does a `}` left of it
        // (it closes a block further out).
        if opens > closes {
            if let Some(top) = stack.last() {
                let closing = trimmed.starts_with('}');
                if (!closing && indent <= top.indent) || (closing && indent < top.indent) {
                    return Some(unclosed(text, file, top, start));
                }
            }
        }
        for (i, c) in braces(code) {
            if c == '{' {
                // The block's keyword and name: the words before its title in quotes.
                let before = code[..i].split('"').next().unwrap_or_default().trim();
                let head_start = start + indent;
                stack.push(Open {
                    indent,
                    head: (head_start, head_start + before.len().max(1)),
                });
                continue;
            }
            // More `}` than `{`: one that closes at an indentation deeper than the block it
            // would close (or closes nothing) is the extra one.
            let extra = match stack.last() {
                None => true,
                Some(top) => closes > opens && trimmed.starts_with('}') && indent > top.indent,
            };
            if extra && closes > opens {
                let at = start + i;
                return Some(
                    missing_open(text, file, start, indent)
                        .unwrap_or_else(|| extra_brace(line, file, start, at)),
                );
            }
            stack.pop();
        }
    }
    // Still open at the end: the innermost block left open.
    if opens > closes {
        if let Some(top) = stack.last() {
            return Some(unclosed(text, file, top, text.len()));
        }
    }
    None
}

fn unclosed(text: &str, file: FileId, top: &Open, seen_at: usize) -> Diagnostic {
    let head = text
        .get(top.head.0..top.head.1)
        .unwrap_or_default()
        .trim()
        .to_string();
    let d = Diagnostic::at(
        Kind::UnclosedBlock { head },
        file,
        Span::new(top.head.0, top.head.1),
    );
    // The fix: a `}` under the block's first letter, on a line of its own just before the
    // line that showed the block was left open (or at the end of the file).
    let close = format!("{}}}\n", " ".repeat(top.indent));
    if seen_at < text.len() {
        let end = text[seen_at..]
            .find('\n')
            .map_or(text.len(), |i| seen_at + i);
        d.with_note(
            Loc {
                file,
                span: Span::new(seen_at, end),
            },
            Note::ShouldCloseBefore,
        )
        .with_fix(Span::new(seen_at, seen_at), close)
    } else {
        let close = if text.ends_with('\n') {
            close
        } else {
            format!("\n{close}")
        };
        d.with_fix(Span::new(text.len(), text.len()), close)
    }
}

/// The `}` at `at` (on the line starting at `start`) that closes nothing; the fix deletes it,
/// with its line when it stands alone.
fn extra_brace(line: &str, file: FileId, start: usize, at: usize) -> Diagnostic {
    let alone = strip_comment(line).trim() == "}";
    let delete = if alone {
        Span::new(start, start + line.len())
    } else {
        Span::new(at, at + 1)
    };
    Diagnostic::at(Kind::ExtraBrace, file, Span::new(at, at + 1)).with_fix(delete, "")
}

/// A `}` at indentation `indent` that closes nothing often closes a block whose `{` was
/// forgotten: the nearest line above at the same indentation, without `{`, whose next line is
/// indented deeper.
fn missing_open(text: &str, file: FileId, close_line: usize, indent: usize) -> Option<Diagnostic> {
    let above = text.get(..close_line)?;
    let lines: Vec<(usize, &str)> = above
        .split_inclusive('\n')
        .scan(0usize, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .collect();
    let indent_of = |line: &str| {
        let code = strip_comment(line);
        let trimmed = code.trim_start();
        (!trimmed.is_empty()).then_some(code.len() - trimmed.len())
    };
    for (k, (start, line)) in lines.iter().enumerate().rev() {
        match indent_of(line) {
            Some(i) if i == indent => {
                let code = strip_comment(line);
                if code.contains('{') || code.trim_start().starts_with('}') {
                    return None;
                }
                let deeper = lines[k + 1..]
                    .iter()
                    .find_map(|(_, l)| indent_of(l))
                    .is_some_and(|next| next > indent);
                if !deeper {
                    return None;
                }
                let head = code
                    .trim()
                    .split('"')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                let from = start + i;
                let end = start + code.trim_end().len();
                return Some(
                    Diagnostic::at(Kind::MissingOpenBrace { head }, file, Span::new(from, end))
                        .with_fix(Span::new(end, end), " {"),
                );
            }
            Some(i) if i < indent => return None,
            _ => {}
        }
    }
    None
}

/// A quote left open: the first text that runs over the end of its line (texts in standards
/// are one line long) when the quotes of the file do not pair up, or one left open at the end.
fn open_quote(text: &str, file: FileId) -> Option<Diagnostic> {
    let mut in_string: Option<usize> = None;
    let mut escaped = false;
    let mut first_multiline: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match in_string {
            Some(open) => match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = None,
                (false, b'\n') if first_multiline.is_none() => first_multiline = Some(open),
                _ => {}
            },
            None => match b {
                b'"' => in_string = Some(i),
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
    // Quotes that pair up are texts, even over several lines; an odd one out started at the
    // first text that ran over its line.
    let open = first_multiline
        .or(in_string)
        .filter(|_| in_string.is_some())?;
    let end = text[open..].find('\n').map_or(text.len(), |e| open + e);
    // The fix closes the text at the end of its line, before a block's `{` if the line
    // opens one.
    let line = text[open..end].trim_end();
    let line = line.strip_suffix('{').map_or(line, str::trim_end);
    // `peran x "Petugas internal`: the role's kind ends the line, after the text.
    let line = match line.rsplit_once(' ') {
        Some((before, "internal" | "eksternal" | "external")) => before.trim_end(),
        _ => line,
    };
    let close_at = open + line.len();
    Some(
        Diagnostic::at(Kind::UnclosedQuote, file, Span::new(open, end))
            .with_fix(Span::new(close_at, close_at), "\""),
    )
}

/// `{` and `}` outside strings and comments.
fn count(text: &str) -> (usize, usize) {
    let (mut opens, mut closes) = (0, 0);
    for line in text.split_inclusive('\n') {
        for (_, c) in braces(strip_comment(line)) {
            if c == '{' {
                opens += 1;
            } else {
                closes += 1;
            }
        }
    }
    (opens, closes)
}

/// The `{` and `}` of a line of code (comment already stripped) outside its strings, with
/// their byte offsets.
fn braces(code: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut in_string = false;
    let mut escaped = false;
    code.char_indices().filter(move |&(_, c)| {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            return false;
        }
        if c == '"' {
            in_string = true;
        }
        matches!(c, '{' | '}')
    })
}

/// The line without its `//` comment (outside strings) and line ending.
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            b'\n' | b'\r' => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Option<(Kind, usize)> {
        find(text, FileId(0)).map(|d| (d.kind, d.loc.map_or(0, |l| l.span.start as usize)))
    }

    #[test]
    fn a_missing_close_is_found_at_its_block() {
        let text = "prosedur p \"P\" {\n  langkah a \"A\" {\n    oleh x\n  langkah b \"B\" {\n    oleh x\n  }\n}\n";
        let (kind, at) = kinds(text).expect("found");
        assert_eq!(
            kind,
            Kind::UnclosedBlock {
                head: "langkah a".into()
            }
        );
        assert_eq!(at, text.find("langkah a").expect("a"));
    }

    #[test]
    fn an_extra_close_is_found_where_written() {
        let text = "prosedur p \"P\" {\n  langkah a \"A\" {\n    oleh x\n  }\n  }\n  langkah b \"B\" {\n  }\n}\n";
        let (kind, at) = kinds(text).expect("found");
        assert_eq!(kind, Kind::ExtraBrace);
        assert_eq!(at, text.find("  }\n  langkah b").expect("the extra") + 2);
    }

    #[test]
    fn a_missing_open_is_found_at_the_line_that_opens_nothing() {
        let text = "prosedur p \"P\" {\n  langkah a \"A\" {\n    oleh x\n  }\n  langkah b \"B\"\n    oleh x\n  }\n}\n";
        let (kind, at) = kinds(text).expect("found");
        assert_eq!(
            kind,
            Kind::MissingOpenBrace {
                head: "langkah b".into()
            }
        );
        assert_eq!(at, text.find("langkah b").expect("b"));
    }

    #[test]
    fn an_open_quote_is_found_at_its_line() {
        let text = "peran a \"A eksternal\nperan b \"B\" internal\n";
        let (kind, at) = kinds(text).expect("found");
        assert_eq!(kind, Kind::UnclosedQuote);
        assert_eq!(at, 8);
        assert_eq!(kinds("peran a \"A\" { \"}\" }\n"), None);
    }
}
