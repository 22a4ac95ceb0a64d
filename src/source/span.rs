//! Byte spans into a source file, and the ids of files in a [`SourceMap`](crate::source::SourceMap).

use serde::Serialize;

/// The id of one loaded source file inside a [`SourceMap`](crate::source::SourceMap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FileId(pub u32);

/// A half-open byte range `start..end` in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets; offsets past `u32::MAX` saturate (files are capped far below).
    pub fn new(start: usize, end: usize) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end.max(start)),
        }
    }

    /// The span moved `by` bytes to the right.
    pub fn shift(self, by: u32) -> Self {
        Span {
            start: self.start.saturating_add(by),
            end: self.end.saturating_add(by),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A place in the sources: a span in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Loc {
    /// The file.
    pub file: FileId,
    /// The bytes.
    pub span: Span,
}

/// 1-based line and column (in characters) of a byte offset in `text`. O(n): for many
/// lookups in one text, build a [`LineIndex`] once.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// Where the lines of a text start, so that line and column lookups cost O(log n) and never
/// rescan the text: a report of many diagnostics on one large file stays linear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// Characters before each block of [`BLOCK`] bytes, for columns on long lines.
    chars: Vec<usize>,
}

/// Bytes per block of the character count.
const BLOCK: usize = 1024;

impl LineIndex {
    /// The index of `text`, in one pass.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            chars.push(count);
            count += block.iter().filter(|b| is_char_start(**b)).count();
        }
        chars.push(count);
        LineIndex { starts, chars }
    }

    /// The number of lines (a text without a newline has one).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// The byte offset where 0-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize, text: &str) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }

    /// The byte offset where 0-based `line` ends, before its newline.
    pub fn line_end(&self, line: usize, text: &str) -> usize {
        self.starts
            .get(line + 1)
            .map_or(text.len(), |next| next.saturating_sub(1))
    }

    /// 1-based line and column (in characters) of a byte offset in `text`, the text this
    /// index was built from. An offset inside a character counts as that character's start.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut cut = offset.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let line = self.line_of(cut);
        let start = self.line_start(line, text);
        let column = self.chars_before(text, cut) - self.chars_before(text, start);
        (line + 1, column + 1)
    }

    /// Characters in `text[..offset]`, `offset` on a character boundary.
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let block = offset / BLOCK;
        let base = self.chars.get(block).copied().unwrap_or(0);
        let from = block * BLOCK;
        base + text.as_bytes()[from.min(offset)..offset]
            .iter()
            .filter(|b| is_char_start(**b))
            .count()
    }
}

/// Whether a UTF-8 byte starts a character (is not a continuation byte).
fn is_char_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious way, to compare against.
    fn slow(text: &str, offset: usize) -> (usize, usize) {
        let mut cut = offset.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = &text[..cut];
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn agrees_with_counting_from_the_start() {
        let long = "é".repeat(1500);
        let texts = [
            String::new(),
            "a".into(),
            "\n\n".into(),
            "peran a \"Ä\" internal\nx\n".into(),
            format!("x\n{long}y\nz{long}\n"),
        ];
        for text in &texts {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(index.line_col(text, offset), slow(text, offset), "{offset}");
            }
        }
    }
}
