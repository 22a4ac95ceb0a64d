//! The sums of a procedure's real paths when it declares no budget.

use super::*;

/// The real paths of a procedure that declares no budget, from the case's opening to any end:
/// the shortest and longest sums, with the steps of unknown time they leave out, and no
/// verdict (`not_judged`, [`NotJudged::NoBudget`]). `None` when its flow did not resolve.
pub fn paths_only(
    proc: &Procedure,
    machine: &Machine,
    calendar: Option<&Calendar>,
) -> Option<BudgetReport> {
    if machine.has_unresolved() {
        return None;
    }
    // A clock from the opening to any end, never paused: the whole case.
    let whole = crate::model::Budget {
        id: String::new(),
        title: None,
        duration: Duration {
            min: 0,
            max: 0,
            unit: Unit::Minute,
        },
        start: None,
        stop: None,
        pauses: Vec::new(),
        loc: proc.loc,
        escalations: Vec::new(),
        scope: crate::model::Scope::Budget,
        extension: None,
    };
    let (long, short, unknown, cut_off) = walked(proc, machine, &whole, calendar);
    let order = |a: &Amount| (a.months, a.days, a.working_days, a.minutes);
    let longest = long.paths.iter().max_by_key(|p| order(&p.amount));
    let shortest = short.paths.iter().min_by_key(|p| order(&p.amount));
    Some(BudgetReport {
        procedure: proc.id.clone(),
        budget: None,
        limit: None,
        applies_when: None,
        shortest: shortest.map(|p| p.amount),
        shortest_path: shortest.map(|p| hops(proc, p)).unwrap_or_default(),
        longest: longest.map(|p| p.amount),
        longest_path: longest.map(|p| hops(proc, p)).unwrap_or_default(),
        verdict: Verdict::NotJudged,
        reason: Some(if long.overflow || short.overflow {
            NotJudged::TooManyPaths
        } else {
            NotJudged::NoBudget
        }),
        unknown_steps: ids(proc, unknown),
        cut_off_after: ids(proc, cut_off),
        fails_from: None,
        judged: None,
    })
}
