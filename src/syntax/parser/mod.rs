//! Text → [`ast::File`]. The only module that knows pest.
//!
//! A file is read in one pass. Lines a block cannot read are collected as junk and re-read
//! alone, so that one run reports every broken line with what was expected there, in words.

mod balance;
mod block;
mod complaints;
mod convert;
mod depth;
mod expected;
mod forms;
mod procedure;
mod syntax;

use crate::diag::{Diagnostic, Kind};
use crate::source::span::{FileId, Span};
use crate::syntax::ast;
use pest::Parser as _;

/// The generated parser; its `Rule` type never leaves this module.
mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "grammar/sop.pest"]
    pub struct SopParser;
}

use crate::source::limits::MAX_TEXT_BYTES;
use grammar::{Rule, SopParser};

/// How deep braces may nest; the language itself needs five levels.
pub const MAX_DEPTH: usize = 32;

/// Unreadable lines reported one by one per file; the rest are counted in one diagnostic,
/// so a file that is not a standard at all costs little to check and to read about.
pub const MAX_SYNTAX_ERRORS: usize = 100;

/// One error per line holding such characters, at the first of them (at most
/// [`MAX_SYNTAX_ERRORS`] lines).
fn hidden_characters(text: &str, file: FileId) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut last_line = usize::MAX;
    for (i, c) in text
        .char_indices()
        .filter(|(_, c)| crate::source::hidden_character(*c))
    {
        let line = text[..i].matches('\n').count();
        if line == last_line {
            continue;
        }
        last_line = line;
        let kind = Kind::ControlCharacter {
            code_point: format!("U+{:04X}", u32::from(c)),
        };
        out.push(Diagnostic::at(kind, file, Span::new(i, i + c.len_utf8())));
        if out.len() >= MAX_SYNTAX_ERRORS {
            break;
        }
    }
    out
}

/// Parses one file. Always returns a tree (empty when nothing could be read) and the
/// syntax problems found.
pub fn parse(text: &str, file: FileId) -> (ast::File, Vec<Diagnostic>) {
    if text.trim().is_empty() || depth::only_comments(text) {
        return (
            ast::File::default(),
            vec![Diagnostic::at(Kind::EmptyFile, file, Span::new(0, 0))],
        );
    }
    // Terminal control and bidirectional characters can hide text from a reviewer or
    // rewrite a terminal: none belongs in a standard, in a string or a comment.
    if crate::source::has_hidden_character(text) {
        return (ast::File::default(), hidden_characters(text, file));
    }
    // Nesting deeper than the limit needs more braces than the limit, and a text longer than
    // its limit a longer file: most files need neither scan.
    let braces = text.bytes().filter(|b| *b == b'{').count();
    if let Some(offset) = (braces > MAX_DEPTH)
        .then(|| depth::too_deep(text, MAX_DEPTH))
        .flatten()
    {
        let kind = Kind::TooDeep { limit: MAX_DEPTH };
        return (
            ast::File::default(),
            vec![Diagnostic::at(kind, file, Span::new(offset, offset + 1))],
        );
    }
    let long = (text.len() > MAX_TEXT_BYTES)
        .then(|| depth::long_text(text, MAX_TEXT_BYTES))
        .flatten()
        .map(|(a, b)| {
            let kind = Kind::TextTooLong {
                limit: MAX_TEXT_BYTES,
            };
            Diagnostic::at(kind, file, Span::new(a, b))
        });
    let (tree, mut diags) = parse_checked(text, file);
    diags.extend(long);
    (tree, diags)
}

/// [`parse`] once the file is known to be readable and not too deep.
fn parse_checked(text: &str, file: FileId) -> (ast::File, Vec<Diagnostic>) {
    match SopParser::parse(Rule::file, text) {
        Ok(mut pairs) => {
            let mut conv = convert::Converter::new(file);
            let tree = match pairs.next() {
                Some(root) => conv.file(root),
                None => ast::File::default(),
            };
            let mut diags = conv.diags;
            // Unreadable lines caused by a brace or quote left open are one mistake: say
            // where it was made, instead of every line it threw off.
            if diags.iter().any(|d| matches!(d.kind, Kind::Syntax { .. })) {
                if let Some(d) = balance::find(text, file) {
                    diags.retain(|d| {
                        !matches!(d.kind, Kind::Syntax { .. } | Kind::TooManyErrors { .. })
                    });
                    diags.push(d);
                }
            }
            (tree, diags)
        }
        Err(error) => (
            ast::File::default(),
            vec![balance::find(text, file)
                .unwrap_or_else(|| syntax::from_pest(&error, text, 0, file))],
        ),
    }
}
