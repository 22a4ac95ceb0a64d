//! Writing diagnostics for people (miette) and for machines (JSON).

use super::LangArg;
use miette::{GraphicalReportHandler, GraphicalTheme};
use serde::Serialize;
use sopan::diag::{Diagnostic, Lang, Rendered, Severity};
use sopan::project::Project;
use std::io::IsTerminal;

/// The language a diagnostic is written in.
pub fn lang_of(project: &Project, diag: &Diagnostic, choice: Option<LangArg>) -> Lang {
    // `choice` holds `--lang`, `SOPAN_LANG` and the project file's `bahasa` already.
    let asked = choice.map(|c| match c {
        LangArg::Id => Lang::Id,
        LangArg::En => Lang::En,
    });
    let english = diag.loc.map(|loc| project.is_english(loc.file));
    sopan::project::message_lang(asked, None, None, english)
}

/// Renders every diagnostic for a terminal or a log.
pub fn human(project: &Project, choice: Option<LangArg>) -> String {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_links(false);
    let mut out = String::new();
    let all = project.diagnostics();
    let shown = sopan::source::limits::MAX_DIAGNOSTICS_SHOWN;
    for diag in all.iter().take(shown) {
        let lang = lang_of(project, diag, choice);
        let rendered = Rendered::new(diag, project.sources(), lang);
        let mut one = String::new();
        if handler.render_report(&mut one, &rendered).is_err() {
            one = rendered.to_string();
        }
        out.push_str(&sopan::diag::localise_help(&one, lang));
        out.push('\n');
    }
    if let Some(more) = all.len().checked_sub(shown).filter(|m| *m > 0) {
        let lang = match choice {
            Some(LangArg::En) => Lang::En,
            _ => Lang::Id,
        };
        out.push_str(&match lang {
            Lang::Id => format!(
                "… dan {more} masalah lain tidak ditampilkan satu per satu (batas {shown}); `--format json` memuat semuanya\n\n"
            ),
            Lang::En => format!(
                "… and {more} more problems not shown one by one (limit {shown}); `--format json` lists them all\n\n"
            ),
        });
    }
    out
}

/// Counts of errors and warnings.
pub fn counts(project: &Project) -> (usize, usize) {
    let errors = project
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    let warnings = project
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == Severity::Warning)
        .count();
    (errors, warnings)
}

#[derive(Serialize)]
struct JsonReport {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic>,
    suppressed: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
struct JsonDiagnostic {
    file: Option<String>,
    code: &'static str,
    severity: Severity,
    message: String,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    help: Option<String>,
    /// The correction, when one is clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix>,
    /// For a suppressed one: the reason written beside the suppression.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// A correction: replace from (line, column) to (end_line, end_column) — bytes `start..end`
/// of the file — with `text`.
#[derive(Serialize)]
struct JsonFix {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    text: String,
}

/// The JSON document of `check --format json`.
pub fn json(project: &Project, choice: Option<LangArg>) -> String {
    let (errors, warnings) = counts(project);
    let one = |d: &sopan::Diagnostic, reason: Option<String>| {
        let lang = lang_of(project, d, choice);
        let file = d.loc.and_then(|l| project.sources().get(l.file));
        let (start, end) = match (d.loc, file) {
            (Some(l), Some(f)) => (
                Some(f.line_col(l.span.start as usize)),
                Some(f.line_col(l.span.end as usize)),
            ),
            _ => (None, None),
        };
        JsonDiagnostic {
            file: file.map(|f| f.path.clone()),
            code: d.code(),
            severity: d.severity(),
            message: d.message(lang),
            line: start.map(|s| s.0),
            column: start.map(|s| s.1),
            end_line: end.map(|e| e.0),
            end_column: end.map(|e| e.1),
            help: d.help(lang),
            fix: d.fix.as_ref().zip(file).map(|(fix, f)| {
                let (start, end) = (fix.span.start as usize, fix.span.end as usize);
                let (line, column) = f.line_col(start);
                let (end_line, end_column) = f.line_col(end);
                JsonFix {
                    line,
                    column,
                    end_line,
                    end_column,
                    start: f.stored_offset(start),
                    end: f.stored_offset(end),
                    text: fix.text.clone(),
                }
            }),
            reason,
        }
    };
    let diagnostics = project.diagnostics().iter().map(|d| one(d, None)).collect();
    let suppressed = project
        .suppressed()
        .iter()
        .map(|s| one(&s.diagnostic, Some(s.reason.clone())))
        .collect();
    let report = JsonReport {
        files: project.sources().iter().count(),
        errors,
        warnings,
        diagnostics,
        suppressed,
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

/// The language of the lines a check or test run adds around the diagnostics: `--lang`
/// (already merged with `SOPAN_LANG` and the project file), else Indonesian unless every
/// standard checked is written in English.
pub fn summary_lang(project: &Project, choice: Option<LangArg>) -> Lang {
    match choice {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Id) => Lang::Id,
        None if !project.checked().is_empty()
            && project.checked().iter().all(|f| project.is_english(*f)) =>
        {
            Lang::En
        }
        None => Lang::Id,
    }
}

/// The one-line summary after a human report.
pub fn summary(project: &Project, lang: Lang) -> String {
    let (errors, warnings) = counts(project);
    let files = project.sources().iter().count();
    match lang {
        Lang::Id => {
            format!("{files} berkas diperiksa — kesalahan: {errors}, peringatan: {warnings}")
        }
        Lang::En => format!("{files} files checked — errors: {errors}, warnings: {warnings}"),
    }
}

/// An instant as people read it in the zone given as a UTC offset: `2026-03-02 08:05 WIB`
/// (`08:00:01` when the seconds are not zero).
pub fn local_time(offset_seconds: i64, t: jiff::Timestamp) -> String {
    zone(offset_seconds).show(t)
}

/// The Indonesian zone of a UTC offset (WIB for any other).
pub fn zone(offset_seconds: i64) -> sopan::time::Zone {
    sopan::time::Zone::from_offset(offset_seconds).unwrap_or(sopan::time::Zone::Wib)
}

/// A value as pretty JSON with every instant written in `zone`'s offset
/// (`2026-03-02T08:00:00+07:00`, not UTC), as DESIGN §9 asks of everything shown.
pub fn json_in(value: &impl serde::Serialize, zone: sopan::time::Zone) -> String {
    serde_json::to_string_pretty(&sopan::render::zoned::to_value(value, zone)).unwrap_or_default()
}
