//! `sopan audit`: the evaluation of performance from a log of real cases.

use super::{inputs, AuditFormat, LangArg, FAILED, OK, USAGE};
use sopan::audit::{Audit, HeaderError, LogReader};
use std::io::{BufRead, Write};

/// Replays the log on the standard and prints the report; returns the exit code.
pub fn run(
    file: &str,
    log: &str,
    procedure: Option<&str>,
    format: AuditFormat,
    lang: Option<LangArg>,
) -> u8 {
    let words = super::words();
    let project = match inputs::load_clean(&[file.to_string()], None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let standard = match inputs::standard(&project, file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let lang = inputs::words_lang(&project, standard, lang);
    if let Some(id) = procedure {
        if !standard.model().procedures.iter().any(|p| p.id == id) {
            eprintln!(
                "sopan: `{file}`: {} `{id}`",
                words.pick("tidak ada prosedur", "no procedure")
            );
            return USAGE;
        }
    }
    let input = match std::fs::File::open(log) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => {
            eprintln!("sopan: {}", inputs::cannot_read(log, &e, words));
            return USAGE;
        }
    };
    let mut audit = Audit::new(standard, procedure, lang);
    // One line at a time: memory holds the cases open at once, not the log.
    let mut reader = LogReader::new();
    let mut line = Vec::new();
    let mut input = input;
    for number in 1.. {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("sopan: {}", inputs::cannot_read(log, &e, words));
                return USAGE;
            }
        }
        if let Err(HeaderError(what)) = reader.line(&mut audit, number, &line) {
            eprintln!(
                "sopan: `{log}`: {} {what}",
                words.pick(
                    "kepala kolom tidak sesuai (perlu case, event, at; dikenal: procedure, step, outcome, by, budget, reason):",
                    "the header does not fit (needs case, event, at; known: procedure, step, outcome, by, budget, reason):"
                )
            );
            return USAGE;
        }
    }
    let report = audit.finish();
    let title = standard
        .model()
        .services
        .first()
        .map_or_else(|| file.to_string(), |s| s.title.clone());
    let text = match format {
        AuditFormat::Human => sopan::render::audit::text(&report, lang),
        AuditFormat::Json => match serde_json::to_string_pretty(&report) {
            Ok(t) => t + "\n",
            Err(_) => return FAILED,
        },
        AuditFormat::Html => sopan::render::audit::html(&report, &title, lang),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(_) => FAILED,
    }
}
