//! `sopan fmt`: one layout for every `.sop` file, changing only the space between tokens.
//!
//! The text is read as tokens, quoted texts and comments — exactly as the parser reads them —
//! and written back with:
//!
//! - two spaces of indentation per open brace (a line that starts with `}` one level less);
//! - between two tokens on a line, one space where there was one, two where there were more
//!   (authors separate the items of a one-line block with two: `{ oleh petugas  waktu 1 hari
//!   kerja }`) — but one after `{` and before `}` — never a space where there was none, so no
//!   token is split or joined;
//! - the texts of consecutive `peran`/`saluran` lines, and the arrows of consecutive
//!   decision outcomes (`lengkap -> verifikasi`), aligned in one column;
//! - at most one blank line in a row, none after an opening brace or before a closing one,
//!   none at the start, and one line end at the end of the file;
//! - quoted texts exactly as written (one that runs over several lines too), comments as
//!   written up to their last visible character, each `// izinkan …` where it was;
//! - the file's own keyword language (nothing is translated), its line ends (CRLF stays CRLF
//!   when the first line ends so) and its byte order mark, if it has one.
//!
//! Only spaces change, so the file means the same after as before; a second run changes
//! nothing.

mod lex;

use lex::{pieces, Piece};

/// Keywords whose consecutive lines have their third item aligned (`peran pemohon   "…"`).
const ALIGNED: &[&str] = &["peran", "role", "saluran", "channel"];

/// A token of code an editor's navigation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// An identifier-like word.
    Word,
    /// `.`, which joins a procedure's name to one of its steps.
    Dot,
    /// `{`.
    Open,
    /// `}`.
    Close,
}

/// The words, dots and braces of `text` outside quoted texts and comments, in order, with
/// their byte ranges.
pub fn tokens(text: &str) -> Vec<(Tok, usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0usize;
    for p in pieces(text) {
        match p {
            Piece::Code(t) => {
                let mut start = None;
                for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                    let word = c.is_ascii_alphanumeric() || c == '_';
                    match (word, start) {
                        (true, None) => start = Some(i),
                        (false, Some(s)) => {
                            out.push((Tok::Word, at + s, at + i));
                            start = None;
                        }
                        _ => {}
                    }
                    let mark = match c {
                        '.' => Some(Tok::Dot),
                        '{' => Some(Tok::Open),
                        '}' => Some(Tok::Close),
                        _ => None,
                    };
                    if let (Some(m), true) = (mark, i < t.len()) {
                        out.push((m, at + i, at + i + 1));
                    }
                }
                at += t.len();
            }
            Piece::Text(t) | Piece::Comment(t) => at += t.len(),
            Piece::Space(n) => at += n,
            Piece::Newline => at += 1,
        }
    }
    out
}

/// The byte ranges of every identifier-like word of `text` outside quoted texts and comments
/// (where a name can be written), in order: what an editor renames and finds references in.
pub fn words(text: &str) -> Vec<(usize, usize)> {
    tokens(text)
        .into_iter()
        .filter(|(t, _, _)| *t == Tok::Word)
        .map(|(_, a, b)| (a, b))
        .collect()
}

/// The file in the one layout.
pub fn format(text: &str) -> String {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let crlf = body
        .find('\n')
        .is_some_and(|i| i > 0 && body.as_bytes()[i - 1] == b'\r');
    let lf = body.replace("\r\n", "\n");
    let mut lines = layout(&pieces(&lf));
    align(&mut lines);
    let mut out = String::with_capacity(lf.len() + 64);
    if bom {
        out.push('\u{feff}');
    }
    let newline = if crlf { "\r\n" } else { "\n" };
    for line in blank_lines(&lines) {
        out.push_str(&line.text(crlf));
        out.push_str(newline);
    }
    out
}

/// One line as laid out: its indentation and its pieces with the space before each.
#[derive(Debug, Clone, Default)]
struct Line {
    depth: usize,
    /// `(spaces before, text)`; the first has none.
    parts: Vec<(usize, String)>,
    /// Opens a block (its last code piece is `{`).
    opens: bool,
    /// Closes a block (its first piece is `}`).
    closes: bool,
    /// Only a comment.
    comment: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.parts.is_empty()
    }

    /// The line's text; a quoted text over several lines keeps its line ends as `crlf` says.
    fn text(&self, crlf: bool) -> String {
        if self.is_blank() {
            return String::new();
        }
        let mut s = "  ".repeat(self.depth);
        for (space, part) in &self.parts {
            s.extend(std::iter::repeat_n(' ', *space));
            if crlf {
                s.push_str(&part.replace('\n', "\r\n"));
            } else {
                s.push_str(part);
            }
        }
        s
    }

    /// The text of code piece `k`, when it is one.
    fn word(&self, k: usize) -> Option<&str> {
        self.parts.get(k).map(|(_, t)| t.as_str())
    }
}

/// The pieces as lines, indented by depth, with their spaces made canonical.
fn layout(pieces: &[Piece<'_>]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut depth = 0usize;
    let mut line = Line::default();
    let mut space = 0usize;
    for p in pieces {
        match p {
            Piece::Newline => {
                finish(&mut lines, &mut line, &mut depth);
                space = 0;
            }
            Piece::Space(n) => space = *n,
            Piece::Code(t) | Piece::Text(t) | Piece::Comment(t) => {
                // Inside the braces of a one-line block, one space; elsewhere one or two.
                let brace = *t == "}" || line.parts.last().is_some_and(|(_, p)| p == "{");
                let gap = match (line.parts.is_empty(), space) {
                    (true, _) | (false, 0) => 0,
                    (false, 1) => 1,
                    (false, _) if brace => 1,
                    (false, _) => 2,
                };
                let text = match p {
                    Piece::Comment(t) => t.trim_end(),
                    _ => t,
                };
                if line.parts.is_empty() {
                    line.closes = *t == "}";
                    line.comment = matches!(p, Piece::Comment(_));
                }
                line.parts.push((gap, text.to_string()));
                space = 0;
            }
        }
    }
    finish(&mut lines, &mut line, &mut depth);
    lines
}

/// Ends `line`: its depth from the braces before it, then the depth after it.
fn finish(lines: &mut Vec<Line>, line: &mut Line, depth: &mut usize) {
    let mut done = std::mem::take(line);
    done.depth = if done.closes {
        depth.saturating_sub(1)
    } else {
        *depth
    };
    for (_, part) in &done.parts {
        match part.as_str() {
            "{" => *depth += 1,
            "}" => *depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    done.opens = done
        .parts
        .iter()
        .rev()
        .find(|(_, t)| !t.starts_with("//"))
        .is_some_and(|(_, t)| t == "{");
    lines.push(done);
}

/// Aligns runs of consecutive lines of one shape at one depth: the third item of `peran`
/// and `saluran` lines, the arrow of decision outcomes.
fn align(lines: &mut [Line]) {
    let shape = |l: &Line| -> Option<(usize, usize)> {
        if l.comment || l.parts.len() < 3 {
            return None;
        }
        let first = l.word(0)?;
        if ALIGNED.contains(&first) {
            return Some((0, 2));
        }
        (l.word(1) == Some("->")).then_some((1, 1))
    };
    let mut i = 0;
    while i < lines.len() {
        let Some((kind, at)) = shape(&lines[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < lines.len()
            && lines[j].depth == lines[i].depth
            && shape(&lines[j]).is_some_and(|(k, _)| k == kind)
            && (kind == 1 || lines[j].word(0) == lines[i].word(0))
        {
            j += 1;
        }
        let width = |l: &Line| -> usize {
            l.parts[..at]
                .iter()
                .map(|(s, t)| s + t.chars().count())
                .sum()
        };
        let column = lines[i..j].iter().map(width).max().unwrap_or(0) + 1;
        for l in &mut lines[i..j] {
            let w = width(l);
            if let Some(part) = l.parts.get_mut(at) {
                part.0 = column - w;
            }
        }
        i = j;
    }
}

/// The lines without blank runs, blanks after an opening or before a closing brace, and
/// blanks at the start or the end.
fn blank_lines(lines: &[Line]) -> Vec<&Line> {
    let mut out: Vec<&Line> = Vec::with_capacity(lines.len());
    for (k, l) in lines.iter().enumerate() {
        if l.is_blank() {
            let after_open = out.last().is_none_or(|p| p.opens || p.is_blank());
            let before_close = lines[k + 1..]
                .iter()
                .find(|n| !n.is_blank())
                .is_none_or(|n| n.closes);
            if after_open || before_close {
                continue;
            }
        }
        out.push(l);
    }
    out
}

#[cfg(test)]
mod tests;
