//! `sopan budget`: per procedure, shortest and longest path against each budget.

use super::names::Names;
use super::{inputs, render, Format, FAILED, OK, USAGE};
use sopan::diag::{amount_words, Lang};
use sopan::{path_words, BudgetReport, Verdict};

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
        for report in standard.budgets() {
            // Instants are shown in the zone of the procedure's own calendar.
            let calendar = standard
                .model()
                .procedures
                .iter()
                .position(|p| p.id == report.procedure)
                .and_then(|i| standard.procedure_calendars().get(i))
                .and_then(|c| c.as_deref());
            offsets.push(calendar.map_or(7 * 3600, |c| c.zone().offset_seconds()));
            reports.push(report);
        }
    }
    match format {
        Format::Json => {
            // Each report's instants in the zone of its own procedure's calendar.
            let zoned: Vec<serde_json::Value> = reports
                .iter()
                .zip(&offsets)
                .map(|(r, o)| {
                    serde_json::from_str(&render::json_in(r, render::zone(*o))).unwrap_or_default()
                })
                .collect();
            match serde_json::to_string_pretty(&zoned) {
                Ok(t) => println!("{t}"),
                Err(e) => {
                    eprintln!("sopan: {e}");
                    return USAGE;
                }
            }
        }
        Format::Human => {
            let lang = super::words();
            for (r, offset) in reports.iter().zip(&offsets) {
                // A sum that leaves out steps of unknown time, or the unpublished rest of a
                // table, is only a lower bound: said so, never shown as the path's time.
                let partial = !r.unknown_steps.is_empty() || !r.cut_off_after.is_empty();
                let at_least = match (partial, lang) {
                    (false, _) => "",
                    (true, Lang::Id) => "sedikitnya ",
                    (true, Lang::En) => "at least ",
                };
                let or_dash = |a: Option<sopan::diag::Amount>, path: &[sopan::PathHop]| match a {
                    Some(a) if path.is_empty() => format!("{at_least}{}", amount_words(&a, lang)),
                    Some(a) => format!(
                        "{at_least}{} ({})",
                        amount_words(&a, lang),
                        path_words(path, lang)
                    ),
                    None => "-".to_string(),
                };
                let model = project
                    .standards()
                    .iter()
                    .map(|s| s.model())
                    .find(|m| m.procedures.iter().any(|p| p.id == r.procedure));
                let no_budget = match lang {
                    Lang::Id => "tanpa anggaran".to_string(),
                    Lang::En => "no budget".to_string(),
                };
                let (procedure, budget) = match (model, r.budget.as_deref()) {
                    (Some(m), budget) => {
                        let names = Names::new(m, &r.procedure);
                        let budget = budget.map_or(no_budget, |b| names.clock(b));
                        (names.procedure(&r.procedure), budget)
                    }
                    (None, budget) => (
                        r.procedure.clone(),
                        budget.map_or(no_budget, str::to_string),
                    ),
                };
                let ticks = |ids: &[String]| {
                    ids.iter()
                        .map(|s| format!("`{s}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let steps = || ticks(&r.unknown_steps);
                // Why a verdict is unknown: times not known, the published table stopping
                // on the way, or both.
                let unknown_why = |lang: Lang| {
                    let mut why = Vec::new();
                    if !r.unknown_steps.is_empty() {
                        why.push(match lang {
                            Lang::Id => format!("waktu {} tidak diketahui", steps()),
                            Lang::En => format!("time of {} not known", steps()),
                        });
                    }
                    if !r.cut_off_after.is_empty() {
                        why.push(match lang {
                            Lang::Id => {
                                format!("tabel sumber berhenti setelah {}", ticks(&r.cut_off_after))
                            }
                            Lang::En => format!(
                                "the source's table stops after {}",
                                ticks(&r.cut_off_after)
                            ),
                        });
                    }
                    why.join("; ")
                };
                let from = || {
                    r.fails_from
                        .map_or("-".to_string(), |t| render::local_time(*offset, t))
                };
                let verdict = match (r.verdict, lang) {
                    (Verdict::Fits, Lang::Id) => "cukup".to_string(),
                    (Verdict::Fits, Lang::En) => "fits".to_string(),
                    (Verdict::CannotFit, Lang::Id) => "tidak mungkin cukup".to_string(),
                    (Verdict::CannotFit, Lang::En) => "cannot fit".to_string(),
                    (Verdict::Unknown, Lang::Id) => {
                        format!("tidak dapat dinilai ({})", unknown_why(lang))
                    }
                    (Verdict::Unknown, Lang::En) => format!("unknown ({})", unknown_why(lang)),
                    (Verdict::MayOverrun, Lang::Id) if r.fails_from.is_none() => {
                        "mungkin terlampaui (dari setiap awal)".to_string()
                    }
                    (Verdict::MayOverrun, Lang::Id) => {
                        format!("mungkin terlampaui (mulai {})", from())
                    }
                    (Verdict::MayOverrun, Lang::En) if r.fails_from.is_none() => {
                        "may overrun (from every start)".to_string()
                    }
                    (Verdict::MayOverrun, Lang::En) => format!("may overrun (from {})", from()),
                    (Verdict::NotJudged, Lang::Id) => format!(
                        "tidak dapat dinilai: {}",
                        r.reason.map_or("", |w| w.words(lang))
                    ),
                    (Verdict::NotJudged, Lang::En) => {
                        format!("not judged: {}", r.reason.map_or("", |w| w.words(lang)))
                    }
                };
                // Summed without a budget, a step of unknown time is left out of the sums.
                let summed_without = r.budget.is_none()
                    && (!r.unknown_steps.is_empty() || !r.cut_off_after.is_empty());
                let verdict = if summed_without {
                    format!("{verdict} ({})", unknown_why(lang))
                } else {
                    verdict
                };
                let limit = r.limit.map(|l| {
                    let words = sopan::render::graph::duration_words(l, lang);
                    match lang {
                        Lang::Id => format!("anggaran {words}, "),
                        Lang::En => format!("budget {words}, "),
                    }
                });
                let limit = limit.unwrap_or_default();
                let applies = r
                    .applies_when
                    .as_ref()
                    .map_or(String::new(), |c| match lang {
                        Lang::Id => {
                            format!("berlaku bila `{}` selesai dengan `{}`, ", c.step, c.outcome)
                        }
                        Lang::En => {
                            format!("applies when `{}` ends with `{}`, ", c.step, c.outcome)
                        }
                    });
                println!(
                    "{}",
                    match lang {
                        Lang::Id => format!(
                            "{procedure} / {budget}: {limit}{applies}jalur tercepat {}, terpanjang {} — {verdict}",
                            or_dash(r.shortest, &r.shortest_path),
                            or_dash(r.longest, &r.longest_path),
                        ),
                        Lang::En => format!(
                            "{procedure} / {budget}: {limit}{applies}shortest {}, longest {} — {verdict}",
                            or_dash(r.shortest, &r.shortest_path),
                            or_dash(r.longest, &r.longest_path),
                        ),
                    }
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
