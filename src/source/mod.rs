//! Text in: the loader through which the core reads files, loaded files and positions in
//! them, the language's keyword table, and the CSV tables officers export.

pub(crate) mod cores;
pub(crate) mod keywords;
pub mod limits;
pub(crate) mod line_bytes;
pub mod loader;
pub mod span;
pub mod table;
mod text_key;
pub use text_key::TextKey;
pub(crate) mod yaml_words;

use crate::source::span::{FileId, LineIndex};
use serde::Serialize;

/// The language messages are written in (diagnostics, errors, reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Picks the Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

use std::sync::{Arc, OnceLock};

/// One loaded file: its display path and its text (BOM removed, CRLF read as LF).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to users, with `/` separators.
    pub path: String,
    /// The normalised text (one shared copy for every file with this text).
    pub text: Arc<str>,
    /// The text's hash, made once (see [`SourceFile::key`]).
    hash: u64,
    /// Where its lines start, built the first time a diagnostic needs it.
    lines: OnceLock<LineIndex>,
    /// Bytes of the byte-order mark dropped from the front (0 or 3).
    bom: u32,
    /// Offsets, in the normalised text, of each line end whose CR was dropped.
    crs: Arc<[u32]>,
}

impl SourceFile {
    /// The byte offset in the file as stored (its byte-order mark and CRs counted) of an
    /// offset in the normalised text: where a fix applies to the bytes on disk, as JSON,
    /// SARIF and the language server give it.
    pub fn stored_offset(&self, offset: usize) -> usize {
        let at = u32::try_from(offset).unwrap_or(u32::MAX);
        self.bom as usize + offset + self.crs.partition_point(|p| *p < at)
    }

    /// The text as a cache key: files with the same text have equal keys.
    pub fn key(&self) -> TextKey {
        TextKey::with_hash(self.hash, self.text.clone())
    }

    /// The line index of the text.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines().line_col(&self.text, offset)
    }
}

/// Every file loaded in one run, by id.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// Each distinct text once, by its hash, so files with the same text share it.
    texts: std::collections::HashMap<u64, Vec<Arc<str>>>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        SourceMap::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: String, text: &str) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let body = &text[bom as usize..];
        // Where the dropped CRs were, in the normalised text: each `\r\n` became the `\n`
        // at its position less the CRs before it. (Most files have none: one fast scan.)
        let crs: Vec<u32> = if body.as_bytes().contains(&b'\r') {
            body.match_indices("\r\n")
                .enumerate()
                .map(|(k, (i, _))| u32::try_from(i - k).unwrap_or(u32::MAX))
                .collect()
        } else {
            Vec::new()
        };
        let normal: std::borrow::Cow<'_, str> = if crs.is_empty() {
            body.into()
        } else {
            body.replace("\r\n", "\n").into()
        };
        // One shared copy of each distinct text.
        let hash = TextKey::hash_of(&normal);
        let same = self.texts.entry(hash).or_default();
        let text = match same.iter().find(|t| ***t == *normal) {
            Some(known) => known.clone(),
            None => {
                let text: Arc<str> = Arc::from(&*normal);
                same.push(text.clone());
                text
            }
        };
        self.files.push(SourceFile {
            path,
            text,
            hash,
            lines: OnceLock::new(),
            bom,
            crs: Arc::from(crs),
        });
        id
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// The id of a loaded path.
    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .and_then(|i| u32::try_from(i).ok())
            .map(FileId)
    }

    /// All files in load order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), f))
    }
}

/// Drops a byte-order mark and turns CRLF into LF, so both read as if absent.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

/// Whether a character may not appear in text sopan reads (standards, calendars, cases, CSV
/// cells): C0 and C1 controls (tab and line ends aside), and the bidirectional controls that
/// reorder how text is shown. They can hide text from a reviewer or rewrite a terminal.
pub fn hidden_character(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Whether `text` holds a character [`hidden_character`] refuses: the same answer as testing
/// every character, found a byte at a time over ASCII (nearly all of a standard) and decoding
/// only the characters beyond it.
pub fn has_hidden_character(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(k) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|b| !PLAIN_BYTE[usize::from(*b)]))
    {
        let at = i + k;
        match text.get(at..).and_then(|rest| rest.chars().next()) {
            Some(c) if hidden_character(c) => return true,
            Some(c) => i = at + c.len_utf8(),
            None => i = at + 1,
        }
    }
    false
}

/// The ASCII bytes that are never part of a hidden character: printable, tab and line ends.
static PLAIN_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = true;
        b += 1;
    }
    table[b'\t' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};
