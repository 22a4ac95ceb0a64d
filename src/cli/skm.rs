//! `sopan skm`: the satisfaction index of a survey, and the standard's follow-up rule.

use super::{inputs, Format, FAILED, OK, USAGE};
use sopan::survey;

/// Computes the index of `responses` for the standard in `file`; returns the exit code.
pub fn run(file: &str, responses: &str, format: Format) -> u8 {
    let project = match inputs::load_clean(&[file.to_string()], None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rule = project
        .standards()
        .iter()
        .flat_map(|s| s.model.services.iter())
        .find_map(|s| s.follow_up.as_ref().map(|f| f.0.clone()));
    let text = match std::fs::read_to_string(responses) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sopan: cannot read `{responses}`: {e}");
            return USAGE;
        }
    };
    let result = survey::parse(&text).and_then(|rows| survey::compute(&rows, rule.as_deref()));
    let index = match result {
        Ok(i) => i,
        Err(e) => {
            eprintln!("sopan: `{responses}`: {e}");
            return FAILED;
        }
    };
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&index).unwrap_or_default()
        ),
        Format::Human => {
            println!("respondents: {}", index.respondents);
            for ((code, name), nrr) in survey::ELEMENTS.iter().zip(index.nrr) {
                println!("  {code}  {nrr:.3}  {:>6.2}  {name}", nrr * 25.0);
            }
            println!(
                "index: {:.4} (1–4), {:.2} (25–100), grade {} — {}",
                index.index, index.index_100, index.grade, index.label
            );
            if let Some(f) = &index.follow_up {
                let verdict = if f.fires { "fires" } else { "does not fire" };
                println!(
                    "follow-up (at or below {}): {verdict}; weak elements: {}",
                    f.when,
                    f.elements.join(", ")
                );
            }
        }
    }
    OK
}
