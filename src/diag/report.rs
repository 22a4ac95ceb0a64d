//! Diagnostics as miette reports: the source attached once, labels, code, severity, help.
//! The library does not render; the caller picks a miette handler.

use super::{Diagnostic, Lang, Note, Severity};
use crate::source::SourceMap;
use miette::{LabeledSpan, NamedSource, SourceSpan};
use std::fmt;
use std::sync::Arc;

/// One diagnostic with its words chosen and its file attached, ready for a miette handler.
#[derive(Debug)]
pub struct Rendered {
    message: String,
    code: &'static str,
    severity: miette::Severity,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: Option<NamedSource<Arc<str>>>,
}

impl Rendered {
    /// Words in `lang`, source from `sources`.
    pub fn new(diag: &Diagnostic, sources: &SourceMap, lang: Lang) -> Self {
        let mut labels = Vec::new();
        let mut source = None;
        if let Some(loc) = diag.loc {
            if let Some(file) = sources.get(loc.file) {
                source = Some(NamedSource::new(&file.path, file.text.clone()));
                labels.push(LabeledSpan::new_primary_with_span(
                    Some(diag.label(lang)),
                    to_source_span(loc.span),
                ));
                for (note_loc, note) in &diag.notes {
                    if note_loc.file == loc.file {
                        labels.push(LabeledSpan::new_with_span(
                            Some(note_text(*note, lang).to_string()),
                            to_source_span(note_loc.span),
                        ));
                    }
                }
            }
        }
        Rendered {
            message: diag.message(lang),
            code: diag.code(),
            severity: match diag.severity() {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Advice => miette::Severity::Advice,
            },
            help: diag.help(lang),
            labels,
            source,
        }
    }
}

fn to_source_span(span: crate::span::Span) -> SourceSpan {
    SourceSpan::new((span.start as usize).into(), span.len())
}

fn note_text(note: Note, lang: Lang) -> &'static str {
    match note {
        Note::FirstHere => lang.pick("pertama di sini", "first here"),
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
}
