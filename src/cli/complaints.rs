//! `sopan complaints`: the complaint book and the monthly report from a log.

use super::{inputs, FAILED, OK, USAGE};
use clap::ValueEnum;

/// Output of `complaints`.
#[derive(Clone, Copy, ValueEnum)]
pub enum BookFormat {
    /// Laporan bulanan untuk dibaca orang.
    Human,
    /// Buku dan laporannya.
    Json,
    /// Buku sebagai CSV, dengan tenggat dan status.
    Csv,
}

/// Builds the book; returns the exit code.
pub fn run(file: &str, log: &str, format: BookFormat) -> u8 {
    let lang = super::words();
    let project = match inputs::load_clean(&[file.to_string()], None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some((standard, policy)) = inputs::complaint_policy(&project) else {
        eprintln!(
            "sopan: {}",
            match lang {
                sopan::diag::Lang::Id => format!("`{file}` tidak menyebut kebijakan pengaduan"),
                sopan::diag::Lang::En => format!("`{file}` names no complaint policy"),
            }
        );
        return USAGE;
    };
    let text = match std::fs::read_to_string(log) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sopan: {}", inputs::cannot_read(log, &e, lang));
            return USAGE;
        }
    };
    let book = match sopan::complaints::book::build(
        standard.model(),
        policy,
        standard.calendar(),
        &text,
    ) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("sopan: `{log}`: {}", e.message(lang));
            return FAILED;
        }
    };
    match format {
        BookFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&book).unwrap_or_default()
        ),
        BookFormat::Csv => {
            let head = [
                "baris", "diterima", "saluran", "bobot", "penangan", "balasan", "tenggat",
                "dijawab", "status",
            ];
            let mut rows = vec![head.iter().map(|h| (*h).to_string()).collect::<Vec<_>>()];
            for e in &book.entries {
                rows.push(vec![
                    e.row.to_string(),
                    e.received.to_string(),
                    e.channel.clone(),
                    e.severity.clone(),
                    e.handler.join(" "),
                    e.reply.join(" "),
                    e.due.map(|d| d.to_string()).unwrap_or_default(),
                    e.answered.map(|d| d.to_string()).unwrap_or_default(),
                    e.status.to_string(),
                ]);
            }
            print!("{}", sopan::source::table::write(&rows));
        }
        BookFormat::Human => print!("{}", sopan::complaints::book::report_text(&book, lang)),
    }
    OK
}
