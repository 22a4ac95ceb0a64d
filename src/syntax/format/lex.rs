//! The pieces of a `.sop` text as the parser reads them: code, quoted texts, comments, runs of
//! space and line ends. Quotes and comments are read as the depth pre-scan reads them.

/// One piece of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// A run of code without space, or one brace.
    Code(&'a str),
    /// A quoted text with its quotes, as written (it may run over several lines).
    Text(&'a str),
    /// A comment from `//` to the end of its line.
    Comment(&'a str),
    /// A run of spaces (its length in characters).
    Space(usize),
    /// A line end.
    Newline,
}

const CURLY: [char; 3] = ['\u{201C}', '\u{201D}', '\u{201E}'];

/// The pieces of `text` (line ends already `\n`), in order; linear in the text.
pub(super) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        let len = if c == '\n' {
            out.push(Piece::Newline);
            1
        } else if is_space(c) {
            let n = rest.chars().take_while(|c| is_space(*c)).count();
            out.push(Piece::Space(n));
            rest.chars().take(n).map(char::len_utf8).sum()
        } else if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            out.push(Piece::Comment(&rest[..end]));
            end
        } else if c == '"' {
            let mut end = quoted_end(bytes, i) - i;
            // A quote never closed runs to the end; its trailing line ends stay line ends,
            // so that a second run adds none.
            if !rest[..end].ends_with('"') || end == 1 {
                end = rest[..end].trim_end().len().max(1);
            }
            out.push(Piece::Text(&rest[..end]));
            end
        } else if let Some(end) = curly_end(rest) {
            out.push(Piece::Text(&rest[..end]));
            end
        } else if c == '{' || c == '}' {
            out.push(Piece::Code(&rest[..1]));
            1
        } else {
            let end = code_end(rest);
            out.push(Piece::Code(&rest[..end]));
            end
        };
        i += len.max(1);
    }
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{b}' | '\u{c}' | '\r')
}

/// One past the closing quote of the text opened at `start`, or the end of the text when it
/// is never closed; a backslash keeps the next character in the text.
fn quoted_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The length of a text in word-processor quotes at the start of `rest`, closed on its line.
fn curly_end(rest: &str) -> Option<usize> {
    let first = rest.chars().next().filter(|c| CURLY.contains(c))?;
    let body = &rest[first.len_utf8()..];
    let line = &body[..body.find('\n').unwrap_or(body.len())];
    let close = line.find(|c| CURLY.contains(&c))?;
    let closing = line[close..].chars().next()?;
    Some(first.len_utf8() + close + closing.len_utf8())
}

/// The length of the run of code at the start of `rest`: up to a space, a line end, a
/// brace, a quote or a comment.
fn code_end(rest: &str) -> usize {
    let mut end = 0;
    for (k, c) in rest.char_indices() {
        let stops = c == '\n'
            || is_space(c)
            || c == '{'
            || c == '}'
            || c == '"'
            || CURLY.contains(&c)
            || rest[k..].starts_with("//");
        if stops && k > 0 {
            return k;
        }
        end = k + c.len_utf8();
    }
    end
}
