//! `sopan budget`: per procedure, shortest and longest path against each budget.

use super::{inputs, CheckFormat, OK, USAGE};
use sopan::budget::{analyse, BudgetReport, DEFAULT_DAY_MINUTES};

/// Prints the budget analysis of one standard; returns the exit code.
pub fn run(file: &str, format: CheckFormat, root: Option<&str>) -> u8 {
    let project = match inputs::load_clean(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut reports: Vec<BudgetReport> = Vec::new();
    for standard in &project.standards {
        let day = standard
            .calendar
            .as_ref()
            .map_or(DEFAULT_DAY_MINUTES, |c| c.usual_day_minutes());
        for (proc, machine) in standard.model.procedures.iter().zip(&standard.machines) {
            reports.extend(analyse(proc, machine, day));
        }
    }
    match format {
        CheckFormat::Json => match serde_json::to_string_pretty(&reports) {
            Ok(t) => println!("{t}"),
            Err(e) => {
                eprintln!("sopan: {e}");
                return USAGE;
            }
        },
        CheckFormat::Human => {
            println!(
                "{:<16} {:<14} {:>10} {:>10} {:>10}  verdict",
                "procedure", "budget", "budget", "shortest", "longest"
            );
            let hm = |m: Option<u64>| {
                m.map_or("-".to_string(), |m| format!("{}h{:02}m", m / 60, m % 60))
            };
            for r in &reports {
                println!(
                    "{:<16} {:<14} {:>10} {:>10} {:>10}  {}",
                    r.procedure,
                    r.budget,
                    hm(Some(r.budget_minutes)),
                    hm(r.shortest_minutes),
                    hm(r.longest_minutes),
                    r.verdict
                );
            }
        }
    }
    OK
}
