//! Diagnostics as miette reports: the source attached once, labels, code, severity, help.
//! The library does not render; the caller picks a miette handler.

use super::{Diagnostic, Lang, Note, Severity};
use crate::source::{SourceFile, SourceMap};
use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
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
    source: Option<Excerpt>,
}

impl Rendered {
    /// Words in `lang`, source from `sources`.
    pub fn new(diag: &Diagnostic, sources: &SourceMap, lang: Lang) -> Self {
        let mut labels = Vec::new();
        let mut source = None;
        if let Some(loc) = diag.loc {
            if let Some(file) = sources.get(loc.file) {
                let mut spans = vec![(Some(diag.label(lang)), loc.span, true)];
                for (note_loc, note) in &diag.notes {
                    if note_loc.file == loc.file && !matches!(note, Note::HeldBack(_)) {
                        let text = note_text(*note, lang).to_string();
                        spans.push((Some(text), note_loc.span, false));
                    }
                }
                let excerpt = Excerpt::around(file, &spans);
                for (text, span, primary) in spans {
                    let Some(span) = excerpt.clip(span, primary) else {
                        continue;
                    };
                    labels.push(if primary {
                        LabeledSpan::new_primary_with_span(text, span)
                    } else {
                        LabeledSpan::new_with_span(text, span)
                    });
                }
                source = Some(excerpt);
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
            help: with_held_back(diag.help(lang), diag.held_back(), lang),
            labels,
            source,
        }
    }
}

/// The part of a file a report shows: the lines of its labels and one line around them.
/// miette finds a span's line by reading its source from the start, so a whole file would
/// make each report cost the size of the file; and it pads a label's line with the label's
/// column, which overflows past column 65,535. So a report carries only this window, and a
/// window that would be too wide (a very long line, a label over a huge block) is cut to a
/// stretch of the primary label's first line.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: Arc<str>,
    /// The window, in bytes of the file.
    lo: usize,
    hi: usize,
    /// 0-based line and character column of `lo`.
    line: usize,
    column: usize,
}

/// The widest window shown whole, in bytes.
const MAX_WINDOW: usize = 4096;
/// Bytes kept before and after the start of the primary label in a cut window.
const CUT_BEFORE: usize = 120;
const CUT_AFTER: usize = 240;

impl Excerpt {
    /// The window for labels `(text, span, primary)` in `file`.
    fn around(
        file: &SourceFile,
        spans: &[(Option<String>, crate::source::span::Span, bool)],
    ) -> Excerpt {
        let text = &file.text;
        let lines = file.lines();
        let first = spans.iter().map(|s| s.1.start as usize).min().unwrap_or(0);
        let last = spans.iter().map(|s| s.1.end as usize).max().unwrap_or(0);
        let top = lines.line_of(first.min(text.len())).saturating_sub(1);
        let bottom = lines.line_of(last.min(text.len())) + 1;
        let mut lo = lines.line_start(top, text);
        let mut hi = lines.line_start(bottom + 1, text);
        let mut line = top;
        if hi - lo > MAX_WINDOW {
            let primary = spans
                .iter()
                .find(|s| s.2)
                .map_or(first, |s| s.1.start as usize)
                .min(text.len());
            line = lines.line_of(primary);
            let start = lines.line_start(line, text);
            let end = lines.line_end(line, text);
            lo = floor_char(text, primary.saturating_sub(CUT_BEFORE).max(start));
            hi = floor_char(text, (primary + CUT_AFTER).min(end)).max(lo);
        }
        Excerpt {
            name: file.path.clone(),
            text: visible(&file.text),
            lo,
            hi,
            line,
            column: lines.chars_before(text, lo)
                - lines.chars_before(text, lines.line_start(line, text)),
        }
    }

    /// A label's span cut to the window; `None` for a secondary label outside it.
    fn clip(&self, span: crate::source::span::Span, primary: bool) -> Option<SourceSpan> {
        let (start, end) = (span.start as usize, span.end as usize);
        let inside = start >= self.lo && end <= self.hi;
        if !inside && !primary {
            return None;
        }
        let start = start.clamp(self.lo, self.hi);
        let end = end.clamp(start, self.hi);
        Some(SourceSpan::new(start.into(), end - start))
    }
}

/// The text with every control or bidirectional character shown as a placeholder of the
/// same length in bytes (`?` for one byte, `??` for two, `�` for three), so spans still fit
/// and no excerpt writes such a character to the terminal.
fn visible(text: &std::sync::Arc<str>) -> std::sync::Arc<str> {
    if !crate::source::has_hidden_character(text) {
        return text.clone();
    }
    let shown: String = text
        .chars()
        .map(
            |c| match (crate::source::hidden_character(c), c.len_utf8()) {
                (false, _) => c.to_string(),
                (true, 3) => '\u{fffd}'.to_string(),
                (true, n) => "?".repeat(n),
            },
        )
        .collect();
    std::sync::Arc::from(shown)
}

/// The nearest character boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let window: &'a str = self.text.get(self.lo..self.hi).unwrap_or_default();
        let start = span.offset().clamp(self.lo, self.hi) - self.lo;
        let end = (span.offset() + span.len()).clamp(self.lo + start, self.hi) - self.lo;
        let inner = window.read_span(&SourceSpan::new(start.into(), end - start), before, after)?;
        let column = if inner.line() == 0 {
            self.column + inner.column()
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + self.lo).into(), inner.span().len()),
            self.line + inner.line(),
            column,
            self.line + inner.line_count(),
        )))
    }
}

/// The help, followed by the number of problems held back behind this one.
fn with_held_back(help: Option<String>, held: u32, lang: Lang) -> Option<String> {
    if held == 0 {
        return help;
    }
    let more = match lang {
        Lang::Id => format!(
            "{held} masalah lain dalam standar ini ditunda: kemungkinan besar akibat kesalahan ini; \
             periksa lagi setelah memperbaikinya"
        ),
        Lang::En if held == 1 => "1 other problem in this standard was held back: most likely \
             it follows from this one; check again after fixing it"
            .to_string(),
        Lang::En => format!(
            "{held} other problems in this standard were held back: most likely they follow \
             from this one; check again after fixing it"
        ),
    };
    Some(match help {
        Some(h) => format!("{h}\n{more}"),
        None => more,
    })
}

fn note_text(note: Note, lang: Lang) -> &'static str {
    match note {
        Note::HeldBack(_) => "",
        Note::DecisionHere => lang.pick("keputusan langkah ini", "the step's decision"),
        Note::CutOffHere => lang.pick("tabel berhenti di sini", "the table stops here"),
        Note::FirstHere => lang.pick("pertama di sini", "first here"),
        Note::ShouldCloseBefore => lang.pick(
            "blok itu seharusnya sudah ditutup sebelum baris ini",
            "that block should be closed before this line",
        ),
    }
}

/// A report drawn by miette's graphical handler, with its `help:` label in `lang`: miette
/// writes the label in English whatever the message's language; in Indonesian it reads
/// `saran:`, its wrapped lines indented to match.
pub fn localise_help(drawn: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return drawn.to_string();
    }
    let mut out = String::with_capacity(drawn.len() + 16);
    let mut in_help = false;
    for line in drawn.split_inclusive('\n') {
        if let Some(at) = line.find("help: ").filter(|_| !in_help) {
            // The label, possibly inside colour codes: `  help: ` → `  saran: `.
            if line[..at]
                .trim_matches(|c: char| {
                    c == ' '
                        || c == '\u{1b}'
                        || c == '['
                        || c == 'm'
                        || c.is_ascii_digit()
                        || c == ';'
                })
                .is_empty()
            {
                out.push_str(&line[..at]);
                out.push_str("saran: ");
                out.push_str(&line[at + "help: ".len()..]);
                in_help = true;
                continue;
            }
        }
        if in_help && line.starts_with("        ") {
            out.push(' ');
        } else {
            in_help = false;
        }
        out.push_str(line);
    }
    out
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
