//! `sopan complaints`: the complaint book and the monthly report from a log.

use super::{inputs, render, FAILED, OK, USAGE};
use clap::ValueEnum;
use sopan::diag::Lang;

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
        BookFormat::Json => println!("{}", render::json_in(&book, standard.zone())),
        BookFormat::Csv => {
            let zone = standard.zone();
            let head = match lang {
                Lang::Id => [
                    "baris", "diterima", "saluran", "bobot", "penangan", "balasan", "tenggat",
                    "dijawab", "status",
                ],
                Lang::En => [
                    "row", "received", "channel", "severity", "handler", "reply", "due",
                    "answered", "status",
                ],
            };
            let status = |s: &str| match (s, lang) {
                ("on_time", Lang::Id) => "tepat waktu",
                ("on_time", Lang::En) => "on time",
                ("late", Lang::Id) => "terlambat",
                ("late", Lang::En) => "late",
                (_, Lang::Id) => "belum dijawab",
                (_, Lang::En) => "open",
            };
            let mut rows = vec![head.iter().map(|h| (*h).to_string()).collect::<Vec<_>>()];
            for e in &book.entries {
                rows.push(vec![
                    e.row.to_string(),
                    zone.show(e.received),
                    e.channel.clone(),
                    e.severity.clone(),
                    e.handler.join(" "),
                    e.reply.join(" "),
                    e.due.map(|d| zone.show(d)).unwrap_or_default(),
                    e.answered.map(|d| zone.show(d)).unwrap_or_default(),
                    status(e.status).to_string(),
                ]);
            }
            print!("{}", sopan::source::table::write(&rows));
        }
        BookFormat::Human => print!("{}", sopan::complaints::book::report_text(&book, lang)),
    }
    OK
}
