//! `sopan budget`: per procedure, shortest and longest path against each budget.

use super::{inputs, render, Format, FAILED, OK, USAGE};
use sopan::check::budget::{analyse, BudgetReport, Verdict};
use sopan::diag::{amount_words, Lang};

/// Prints the budget analysis of one standard, whatever its verdicts; returns the exit code
/// (1 when the standard has errors, a budget that cannot fit among them).
pub fn run(file: &str, format: Format, root: Option<&str>) -> u8 {
    let project = match inputs::load_reported(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut reports: Vec<BudgetReport> = Vec::new();
    let mut offsets: Vec<i64> = Vec::new();
    for standard in project.standards() {
        let procedures = standard.model.procedures.iter().zip(&standard.machines);
        for ((proc, machine), calendar) in procedures.zip(&standard.procedure_calendars) {
            let found = analyse(proc, machine, calendar.as_deref());
            let offset = calendar
                .as_ref()
                .map_or(7 * 3600, |c| c.zone().offset_seconds());
            offsets.extend(found.iter().map(|_| offset));
            reports.extend(found);
        }
    }
    match format {
        Format::Json => match serde_json::to_string_pretty(&reports) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("sopan: {e}");
                return USAGE;
            }
        },
        Format::Human => {
            let lang = Lang::Id;
            for (r, offset) in reports.iter().zip(&offsets) {
                let or_dash = |a: Option<sopan::diag::Amount>| {
                    a.map_or("-".to_string(), |a| amount_words(&a, lang))
                };
                let verdict = match r.verdict {
                    Verdict::Fits => "fits".to_string(),
                    Verdict::CannotFit => "cannot_fit".to_string(),
                    Verdict::Unknown => {
                        format!("unknown (time of {} not known)", r.unknown_steps.join(", "))
                    }
                    Verdict::MayOverrun => format!(
                        "may_overrun (from {})",
                        r.fails_from
                            .map_or("-".to_string(), |t| render::local_time(*offset, t))
                    ),
                };
                println!(
                    "{} / {}: budget {}, shortest {}, longest {} — {verdict}",
                    r.procedure,
                    r.budget,
                    sopan::render::graph::duration_words(r.limit, lang),
                    or_dash(r.shortest),
                    or_dash(r.longest),
                );
            }
        }
    }
    if render::counts(&project).0 > 0 {
        FAILED
    } else {
        OK
    }
}
