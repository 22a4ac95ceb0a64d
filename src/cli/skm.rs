//! `sopan skm`: the satisfaction index of a survey, and the standard's follow-up rule.

use super::{inputs, Format, FAILED, OK, USAGE};
use sopan::diag::Lang;
use sopan::survey;

/// Computes the index of `responses` for the standard in `file`; returns the exit code.
pub fn run(file: &str, responses: &str, format: Format) -> u8 {
    let lang = super::words();
    let project = match inputs::load_clean(&[file.to_string()], None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rule = project
        .standards()
        .iter()
        .flat_map(|s| s.model().services.iter())
        .find_map(|s| s.follow_up.as_ref().map(|f| f.0.clone()));
    // One line at a time: memory holds a line and nine sums, whatever the survey's size.
    let mut input = match std::fs::File::open(responses) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => {
            eprintln!("sopan: {}", inputs::cannot_read(responses, &e, lang));
            return USAGE;
        }
    };
    let mut tally = survey::Tally::new();
    let mut line = Vec::new();
    let mut read = Ok(());
    for number in 1.. {
        line.clear();
        match std::io::BufRead::read_until(&mut input, b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("sopan: {}", inputs::cannot_read(responses, &e, lang));
                return USAGE;
            }
        }
        let text = String::from_utf8_lossy(&line);
        read = tally.line(number, text.strip_suffix('\n').unwrap_or(&text));
        if read.is_err() {
            break;
        }
    }
    let result = read.and_then(|()| tally.index(rule.as_deref()));
    let index = match result {
        Ok(i) => i,
        Err(e) => {
            eprintln!("sopan: `{responses}`: {}", e.message(lang));
            return FAILED;
        }
    };
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&index).unwrap_or_default()
        ),
        Format::Human => {
            println!(
                "{}: {}",
                lang.pick("responden", "respondents"),
                index.respondents
            );
            for ((code, name), nrr) in survey::ELEMENTS.iter().zip(index.nrr) {
                println!("  {code}  {nrr:.3}  {:>6.2}  {name}", nrr * 25.0);
            }
            println!(
                "{}",
                match lang {
                    Lang::Id => format!(
                        "indeks: {:.4} (1–4), {:.2} (25–100), mutu {} — {}",
                        index.index, index.index_100, index.grade, index.label
                    ),
                    Lang::En => format!(
                        "index: {:.4} (1–4), {:.2} (25–100), grade {} — {}",
                        index.index, index.index_100, index.grade, index.label
                    ),
                }
            );
            if let Some(f) = &index.follow_up {
                let elements = f.elements.join(", ");
                // The rule's grade as people read it: `C (Kurang Baik)`, not `kurang_baik`.
                let when = match survey::grade_of_word(&f.when) {
                    Some(letter) => format!("{letter} ({})", survey::grade_label(letter)),
                    None => f.when.clone(),
                };
                println!(
                    "{}",
                    match (lang, f.fires) {
                        (Lang::Id, true) => format!("tindak lanjut (mutu {when} atau lebih rendah): berlaku; unsur lemah: {elements}"),
                        (Lang::Id, false) => format!("tindak lanjut (mutu {when} atau lebih rendah): tidak berlaku; unsur lemah: {elements}"),
                        (Lang::En, true) => format!("follow-up (at or below {when}): fires; weak elements: {elements}"),
                        (Lang::En, false) => format!("follow-up (at or below {when}): does not fire; weak elements: {elements}"),
                    }
                );
            }
        }
    }
    OK
}
