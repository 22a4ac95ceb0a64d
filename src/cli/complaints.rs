//! `sopan complaints`: the complaint book and the monthly report from a log.

use super::{inputs, render, FAILED, OK, USAGE};
use clap::ValueEnum;
use sopan::diag::Lang;
use std::io::{BufRead, Write};

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
    let zone = standard.zone();
    let input = match std::fs::File::open(log) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => {
            eprintln!("sopan: {}", inputs::cannot_read(log, &e, lang));
            return USAGE;
        }
    };
    let mut reader =
        sopan::complaints::log::Log::new(standard.model(), policy, standard.calendar());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // The log is read one line at a time and each entry written as it is read: memory holds
    // one line and the monthly counts, whatever the log's length.
    let status = |s: &str| match (s, lang) {
        ("on_time", Lang::Id) => "tepat waktu",
        ("on_time", Lang::En) => "on time",
        ("late", Lang::Id) => "terlambat",
        ("late", Lang::En) => "late",
        (_, Lang::Id) => "belum dijawab",
        (_, Lang::En) => "open",
    };
    let head = match lang {
        Lang::Id => [
            "baris", "diterima", "saluran", "bobot", "penangan", "balasan", "tenggat", "dijawab",
            "status",
        ],
        Lang::En => [
            "row", "received", "channel", "severity", "handler", "reply", "due", "answered",
            "status",
        ],
    };
    let written = match format {
        BookFormat::Csv => {
            let row: Vec<String> = head.iter().map(|h| (*h).to_string()).collect();
            write!(out, "{}", sopan::source::table::write(&[row]))
        }
        BookFormat::Json => write!(out, "{{\n  \"entries\": ["),
        BookFormat::Human => Ok(()),
    };
    if written.is_err() {
        return FAILED;
    }
    let mut first = true;
    let mut provisional: Option<usize> = None;
    let mut line = Vec::new();
    let mut input = input;
    for number in 1.. {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("sopan: {}", inputs::cannot_read(log, &e, lang));
                return USAGE;
            }
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let entry = match reader.line(number, text) {
            Ok(Some(e)) => e,
            Ok(None) => continue,
            Err(e) => {
                let _ = out.flush();
                eprintln!("sopan: `{log}`: {}", e.message(lang, zone));
                return FAILED;
            }
        };
        if provisional.is_none()
            && standard
                .calendar()
                .is_some_and(|c| c.is_provisional(entry.received))
        {
            provisional = Some(entry.row);
        }
        let written = match format {
            BookFormat::Csv => {
                let row = vec![
                    entry.row.to_string(),
                    zone.show(entry.received),
                    entry.channel.clone(),
                    entry.severity.clone(),
                    entry.handler.join(" "),
                    entry.reply.join(" "),
                    entry.due.map(|d| zone.show(d)).unwrap_or_default(),
                    entry.answered.map(|d| zone.show(d)).unwrap_or_default(),
                    status(entry.status).to_string(),
                ];
                write!(out, "{}", sopan::source::table::write(&[row]))
            }
            BookFormat::Json => {
                let sep = if first { "\n" } else { ",\n" };
                write!(out, "{sep}{}", render::json_in(&entry, zone))
            }
            BookFormat::Human => Ok(()),
        };
        first = false;
        if written.is_err() {
            return FAILED;
        }
    }
    let months = reader.months();
    let written = match format {
        BookFormat::Json => write!(
            out,
            "\n  ],\n  \"months\": {}\n}}\n",
            render::json_in(&months, zone)
        ),
        BookFormat::Csv => Ok(()),
        BookFormat::Human => write!(
            out,
            "{}",
            sopan::complaints::book::report_text(&months, lang)
        ),
    };
    if written.is_err() || out.flush().is_err() {
        return FAILED;
    }
    if let Some(row) = provisional {
        eprintln!(
            "sopan: {}",
            match lang {
                Lang::Id => format!("peringatan: sejak baris {row}, pengaduan diterima pada tahun yang hari liburnya belum ditetapkan; tenggatnya dapat berubah"),
                Lang::En => format!("warning: from row {row}, complaints were received in a year whose holidays are not yet decreed; their deadlines may change"),
            }
        );
    }
    OK
}
