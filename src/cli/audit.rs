//! `sopan audit`: the evaluation of performance from a log of real cases.

use super::{inputs, AuditFormat, LangArg, FAILED, OK, USAGE};
use sopan::audit::{Audit, HeaderError, LogReader};
use std::io::Write;

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
    let mut input = match std::fs::File::open(log) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("sopan: {}", inputs::cannot_read(log, &e, words));
            return USAGE;
        }
    };
    let mut audit = Audit::new(standard, procedure, lang);
    // A piece at a time: memory holds the cases open at once, not the log.
    let mut reader = LogReader::new();
    let mut piece = vec![0u8; 64 << 10];
    let header = loop {
        let n = match std::io::Read::read(&mut input, &mut piece) {
            Ok(0) => break reader.end(&mut audit),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("sopan: {}", inputs::cannot_read(log, &e, words));
                return USAGE;
            }
        };
        if let Err(e) = reader.feed(&mut audit, piece.get(..n).unwrap_or_default()) {
            break Err(e);
        }
    };
    if let Err(HeaderError(what)) = header {
        eprintln!(
            "sopan: `{log}`: {} {what}",
            words.pick(
                "kepala kolom tidak sesuai (perlu case, event, at; dikenal: procedure, step, outcome, by, budget, reason):",
                "the header does not fit (needs case, event, at; known: procedure, step, outcome, by, budget, reason):"
            )
        );
        return USAGE;
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
