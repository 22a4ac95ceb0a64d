//! `budget` against the case clock on 10,000 generated procedures (DESIGN §9: "`budget` and
//! the case clock agree"). Each procedure is written as a `.sop` text — decisions, loops back
//! to earlier steps, returns to the applicant, waits on arrows and on returns, conditional
//! steps, ranges, every unit, pauses, start and stop points, three calendars with different
//! day-count rules and zones — and every path (each state entered at most twice) is walked by
//! brute force as a real case: `Case::apply` with each step done exactly at its declared time
//! (as the one time module reckons it), from several starts, at both bounds. The verdict, the
//! judged range, `fails_from` and the shortest and longest sums must agree with what the
//! case clocks say.

mod generate;

use generate::{Rng, CALENDARS};
use sopan::interp::{Case, ClockState, Event, Position};
use sopan::model::{Flow, Node, Pause, Scope, Wait};
use sopan::project::{Entry, Project};
use sopan::source::loader::MemoryLoader;
use sopan::{Duration, Procedure, Unit, Verdict};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Bound {
    Lo,
    Hi,
}

/// What one walked path did to one clock.
#[derive(Clone, Debug, Default)]
struct Walked {
    /// Per budget: `Some(breached)` once its clock started.
    breached: Vec<Option<bool>>,
    /// The path ran past the calendar.
    past: bool,
    /// The time the first budget's clock counted, per unit (months, days, working days,
    /// minutes), for default budgets.
    amount: [u64; 4],
    /// The hops, for messages.
    route: Vec<String>,
}

struct Oracle<'a> {
    ctx: Procedure<'a>,
    bound: Bound,
    out: Vec<Walked>,
}

fn at_bound(d: Duration, b: Bound) -> (u64, Unit) {
    let n = if b == Bound::Lo { d.min } else { d.max };
    (u64::from(n), d.unit)
}

impl Oracle<'_> {
    fn due(&self, t: jiff::Timestamp, d: Duration) -> Option<jiff::Timestamp> {
        let (n, unit) = at_bound(d, self.bound);
        self.ctx
            .deadlines()
            .due_after(t, n, unit)
            .ok()
            .map(|c| c.value)
    }

    /// Adds a stretch to the first budget's counted amount when its clock runs then.
    fn count(&self, w: &mut Walked, d: Duration, running: bool) {
        if !running {
            return;
        }
        let (n, unit) = at_bound(d, self.bound);
        match unit {
            Unit::Month => w.amount[0] += n,
            Unit::Day => w.amount[1] += n,
            Unit::Week => w.amount[1] += 7 * n,
            Unit::WorkingDay => w.amount[2] += n,
            Unit::Minute => w.amount[3] += n,
            Unit::Hour => w.amount[3] += 60 * n,
        }
    }

    fn paused(&self, p: Pause) -> bool {
        self.ctx
            .procedure()
            .budgets
            .first()
            .is_some_and(|b| b.pauses.contains(&p))
    }

    /// Walks every way on from `case`, entering each state at most twice. `wait`: the time
    /// still to wait before the active step's own time begins.
    fn walk(&mut self, case: Case, counts: HashMap<usize, u8>, wait: Option<Wait>, mut w: Walked) {
        let proc = self.ctx.procedure();
        match case.position().clone() {
            Position::Ended { at, .. } => {
                let status = case.status(&self.ctx, at).expect("status at the end");
                w.breached = status
                    .clocks
                    .iter()
                    .map(|c| match c.status {
                        ClockState::Waiting => None,
                        s => Some(s == ClockState::Breached),
                    })
                    .collect();
                self.out.push(w);
            }
            Position::Withdrawn { .. } => unreachable!("no path withdraws"),
            Position::Returned {
                from,
                since,
                resume,
            } => {
                if !room(&counts, Node::Step(resume), from) {
                    return;
                }
                let back = match &proc.steps[from].flow {
                    Flow::Decision { outcomes, .. } => outcomes
                        .iter()
                        .find(|o| matches!(o.node, Node::Return { .. }))
                        .and_then(|o| o.wait),
                    _ => None,
                };
                let at = match back {
                    Some(Wait::Known(d)) => {
                        self.count(&mut w, d, !self.paused(Pause::Returned));
                        self.due(since, d)
                    }
                    _ => Some(since),
                };
                let mut case = case;
                let ends = can_end(proc, &counts, Node::Step(resume), from);
                let Some(at) = at else {
                    return self.past(w, ends);
                };
                if self.apply(&mut case, Event::Resubmitted { by: None, at }, &mut w, ends) {
                    w.route.push("↩".into());
                    self.enter(case, counts, None, w);
                }
            }
            Position::Step { step, since, .. } => {
                let s = &proc.steps[step];
                let paused = self.paused(Pause::Step(step));
                let choices: Vec<(Option<String>, Option<Wait>, Node)> = match &s.flow {
                    Flow::Next(node) => vec![(None, s.next_wait, *node)],
                    Flow::Decision { outcomes, .. } => outcomes
                        .iter()
                        .map(|o| {
                            let returning = matches!(o.node, Node::Return { .. });
                            let wait = if returning { None } else { o.wait };
                            (Some(o.name.clone()), wait, o.node)
                        })
                        .collect(),
                    Flow::Stop => Vec::new(),
                };
                // A path that cannot go on (every way leads to a state entered twice) ends
                // nowhere: it is no path, wherever its time would run.
                let choices: Vec<_> = choices
                    .into_iter()
                    .filter(|(_, _, node)| room(&counts, *node, step))
                    .collect();
                let can_skip = s.is_conditional() && room(&counts, s.skip.expect("a skip"), step);
                if choices.is_empty() && !can_skip {
                    return;
                }
                let mut case = case;
                let mut w = w;
                let ends = choices
                    .iter()
                    .any(|(_, _, node)| can_end(proc, &counts, *node, step))
                    || (can_skip && can_end(proc, &counts, s.skip.expect("a skip"), step));
                let ready = match wait {
                    Some(Wait::Known(d)) => {
                        self.count(&mut w, d, !paused);
                        let Some(at) = self.due(since, d) else {
                            return self.past(w, ends);
                        };
                        let arrived = Event::Arrived {
                            step: s.id.clone(),
                            at,
                        };
                        if !self.apply(&mut case, arrived, &mut w, ends) {
                            return;
                        }
                        at
                    }
                    _ => since,
                };
                if can_skip {
                    let mut c = case.clone();
                    let mut w2 = w.clone();
                    let skipped = Event::Skipped {
                        step: s.id.clone(),
                        by: None,
                        at: ready,
                    };
                    let skip_ends = can_end(proc, &counts, s.skip.expect("a skip"), step);
                    if self.apply(&mut c, skipped, &mut w2, skip_ends) {
                        w2.route.push(format!("{} (lewat)", s.id));
                        self.enter(c, counts.clone(), None, w2);
                    }
                }
                let d = declared(proc, step);
                self.count(&mut w, d, !paused);
                let Some(done) = self.due(ready, d) else {
                    let ends = choices
                        .iter()
                        .any(|(_, _, node)| can_end(proc, &counts, *node, step));
                    return self.past(w, ends);
                };
                for (outcome, next_wait, node) in choices {
                    let ends = can_end(proc, &counts, node, step);
                    let mut c = case.clone();
                    let mut w2 = w.clone();
                    let event = Event::Done {
                        step: s.id.clone(),
                        outcome: outcome.clone(),
                        by: None,
                        at: done,
                    };
                    if self.apply(&mut c, event, &mut w2, ends) {
                        w2.route.push(match &outcome {
                            Some(o) => format!("{}[{o}]", s.id),
                            None => s.id.clone(),
                        });
                        self.enter(c, counts.clone(), next_wait, w2);
                    }
                }
            }
        }
    }

    /// Counts the state the case just entered; walks on when it was entered at most twice.
    fn enter(&mut self, case: Case, mut counts: HashMap<usize, u8>, wait: Option<Wait>, w: Walked) {
        let key = match case.position() {
            Position::Step { step, .. } => Some(step),
            Position::Returned { from, .. } => Some(1000 + from),
            _ => None,
        };
        if let Some(k) = key {
            *counts.entry(k).or_insert(0) += 1;
        }
        self.walk(case, counts, wait, w);
    }

    /// Applies an event; a refusal past the calendar counts as a path run past it when
    /// the path could still reach an end (`ends`).
    fn apply(&mut self, case: &mut Case, event: Event, w: &mut Walked, ends: bool) -> bool {
        match case.apply(&self.ctx, event.clone()) {
            Ok(_) => true,
            Err(sopan::EventError::OutOfRange(_)) => {
                self.past(w.clone(), ends);
                false
            }
            Err(e) => panic!("the case refused {event:?}: {e}"),
        }
    }

    /// A path that ran past the calendar: a path only if it could still reach an end.
    fn past(&mut self, mut w: Walked, ends: bool) {
        if ends {
            w.past = true;
            self.out.push(w);
        }
    }
}

/// Whether a path entering `node` (from step `from`) can still reach an end, each state
/// entered at most twice.
fn can_end(
    proc: &sopan::model::Procedure,
    counts: &HashMap<usize, u8>,
    node: Node,
    from: usize,
) -> bool {
    if !room(counts, node, from) {
        return false;
    }
    let mut counts = counts.clone();
    match node {
        Node::End(_) => true,
        Node::Unknown => false,
        Node::Return { resume, .. } => {
            *counts.entry(1000 + from).or_insert(0) += 1;
            can_end(proc, &counts, Node::Step(resume), from)
        }
        Node::Step(i) => {
            *counts.entry(i).or_insert(0) += 1;
            let s = &proc.steps[i];
            let mut next: Vec<Node> = match &s.flow {
                Flow::Next(n) => vec![*n],
                Flow::Decision { outcomes, .. } => outcomes.iter().map(|o| o.node).collect(),
                Flow::Stop => Vec::new(),
            };
            next.extend(s.skip);
            next.into_iter().any(|n| can_end(proc, &counts, n, i))
        }
    }
}

/// Whether a path may enter `node` (from step `from`) again: each state at most twice.
fn room(counts: &HashMap<usize, u8>, node: Node, from: usize) -> bool {
    let key = match node {
        Node::Step(i) => i,
        Node::Return { .. } => 1000 + from,
        _ => return true,
    };
    counts.get(&key).copied().unwrap_or(0) < 2
}

/// A step's declared time. A stage with its own time stands for steps whose time is not all
/// known: its time on its first step, none on the others. A step of unknown time elsewhere
/// lies outside every clock (else the verdict is `unknown` and the procedure is not walked).
fn declared(proc: &sopan::model::Procedure, i: usize) -> Duration {
    let none = Duration {
        min: 0,
        max: 0,
        unit: Unit::Minute,
    };
    if let Some(stage) = proc.stage_of(i).map(|k| &proc.stages[k]) {
        let (a, b) = stage.steps.expect("a stage with steps");
        if let (Some(d), false) = (
            stage.duration,
            (a..=b).all(|k| proc.steps[k].duration.is_some()),
        ) {
            return if i == a { d } else { none };
        }
    }
    proc.steps[i].duration.unwrap_or(none)
}

/// Every path from a start at one bound.
fn walk_all(ctx: Procedure<'_>, start: jiff::Timestamp, bound: Bound) -> Vec<Walked> {
    let mut o = Oracle {
        ctx,
        bound,
        out: Vec::new(),
    };
    match Case::open(&ctx, "x", start) {
        Ok((case, _)) => {
            let mut counts = HashMap::new();
            if let Position::Step { step, .. } = case.position() {
                counts.insert(step, 1);
            }
            o.walk(case, counts, None, Walked::default());
        }
        Err(_) => o.past(Walked::default(), true),
    }
    o.out
}

fn amount(a: &sopan::diag::Amount) -> [u64; 4] {
    [a.months, a.days, a.working_days, a.minutes]
}

/// Checks one procedure (with `more` files beside it and `opened` among its starts);
/// `Ok(false)` when the generated text is not a valid standard, else a description of the
/// first disagreement.
fn agree(
    text: &str,
    more: &[(&str, String)],
    opened: &[jiff::Timestamp],
    rng: &mut Rng,
) -> Result<Option<Vec<Verdict>>, String> {
    let mut files = MemoryLoader::new();
    files.insert("std/p.sop", text.to_string());
    for (name, yaml) in CALENDARS {
        files.insert(format!("std/{name}.kalender.yaml"), yaml.to_string());
    }
    for (name, content) in more {
        files.insert(format!("std/{name}"), content.clone());
    }
    let entry = Entry {
        path: "std/p.sop".into(),
        root: "std".into(),
    };
    let project = Project::load(&files, &[entry]).map_err(|e| e.to_string())?;
    let errors: Vec<_> = project
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == sopan::Severity::Error)
        .filter(|d| d.code() != "sop::budget-cannot-fit")
        .map(|d| d.code())
        .collect();
    if !errors.is_empty() {
        return Ok(None);
    }
    let standard = &project.standards()[0];
    let ctx = standard.context("p").ok_or("no procedure")?;
    let reports = standard.budgets();
    let verdicts: Vec<Verdict> = reports.iter().map(|r| r.verdict).collect();
    if verdicts.contains(&Verdict::Unknown) || std::env::var("SOPAN_NO_ORACLE").is_ok() {
        return Ok(Some(verdicts));
    }
    let c = ctx.calendar().ok_or("no calendar")?;
    let (first, last) = c.covered_instants();
    for (k, report) in reports.iter().enumerate() {
        let budget = &ctx.procedure().budgets[k];
        let default =
            budget.start.is_none() && budget.stop.is_none() && budget.scope == Scope::Budget;
        let judged_to = report.judged.map(|j| j.to);
        let mut starts: Vec<jiff::Timestamp> = opened.to_vec();
        let span = judged_to.unwrap_or(last).as_second() - first.as_second();
        let margin = if default { 0 } else { 90 * 86_400 };
        for _ in 0..3 {
            let s = first.as_second() + rng.below((span - margin).max(1) as u64) as i64;
            starts.extend(jiff::Timestamp::from_second(s).ok());
        }
        if let (Some(t), true) = (report.fails_from, default) {
            starts.push(t);
            starts.extend(
                t.checked_sub(jiff::SignedDuration::from_secs(1))
                    .ok()
                    .filter(|b| *b >= first),
            );
        }
        if let (Some(t), true) = (judged_to, default) {
            starts.push(t);
        }
        for s in starts {
            let hi = walk_all(ctx, s, Bound::Hi);
            let within = judged_to.is_some_and(|t| s <= t);
            let breach = |w: &[Walked]| {
                w.iter()
                    .any(|x| x.breached.get(k).copied().flatten() == Some(true))
            };
            let said = |what: &str| {
                format!(
                    "{what} at {s} for budget {k}: {report:?}\npaths: {:#?}",
                    hi.iter()
                        .filter(|w| w.past || w.breached.get(k).copied().flatten() == Some(true))
                        .take(4)
                        .map(|w| (w.route.join(" → "), w.past, &w.breached))
                        .collect::<Vec<_>>()
                )
            };
            if default && within && hi.iter().any(|w| w.past) {
                return Err(said("a path runs past the calendar from a judged start"));
            }
            match (report.verdict, report.fails_from) {
                (Verdict::Fits, _) if within && breach(&hi) => {
                    return Err(said("fits, yet breached"))
                }
                (Verdict::MayOverrun, Some(t)) if default && s < t && breach(&hi) => {
                    return Err(said("breached before fails_from"))
                }
                (Verdict::MayOverrun, Some(t)) if default && s == t && !breach(&hi) => {
                    return Err(said("not breached at fails_from"))
                }
                (Verdict::MayOverrun, None) if default && within && !breach(&hi) => {
                    return Err(said("overruns from every start, yet on time"))
                }
                (Verdict::CannotFit, _) if within => {
                    let lo = walk_all(ctx, s, Bound::Lo);
                    let on_time = lo
                        .iter()
                        .any(|w| !w.past && w.breached.get(k).copied().flatten() == Some(false));
                    if on_time {
                        return Err(said("cannot fit, yet a path at its shortest is on time"));
                    }
                }
                (Verdict::NotJudged, _)
                    if default
                        && report.reason == Some(sopan::NotJudged::PastRange)
                        && !hi.iter().any(|w| w.past) =>
                {
                    return Err(said("past the calendar, yet every path ends within it"))
                }
                _ => {}
            }
        }
        // The sums shown are sums of real paths, at their bounds.
        if default && report.judged.is_some() {
            let s = report.fails_from.unwrap_or(first);
            let hi = walk_all(ctx, s, Bound::Hi);
            let lo = walk_all(ctx, s, Bound::Lo);
            let sums = |w: &[Walked]| {
                w.iter()
                    .filter(|x| !x.past)
                    .map(|x| x.amount)
                    .collect::<Vec<_>>()
            };
            if let Some(l) = &report.longest {
                if !sums(&hi).contains(&amount(l)) {
                    return Err(format!(
                        "longest {l:?} is no path's sum: {:?}\n{report:?}",
                        sums(&hi)
                    ));
                }
            }
            if let Some(l) = &report.shortest {
                if !sums(&lo).contains(&amount(l)) {
                    return Err(format!(
                        "shortest {l:?} is no path's sum: {:?}\n{report:?}",
                        sums(&lo)
                    ));
                }
            }
        }
    }
    Ok(Some(verdicts))
}

fn run(count: usize, seed: u64) -> (usize, HashMap<String, usize>) {
    let mut rng = Rng(seed);
    let mut verdicts: HashMap<String, usize> = HashMap::new();
    let mut checked = 0;
    let mut i = 0;
    let from: usize = std::env::var("SOPAN_GENERATED_FROM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while checked < count {
        i += 1;
        assert!(
            i < count * 2,
            "too many generated texts are not valid standards"
        );
        let (text, _) = generate::procedure(&mut rng);
        // Starts from a generator of their own, so that one procedure can be run alone
        // (SOPAN_GENERATED_FROM=i skips the checks of those before it).
        if i < from {
            checked += 1;
            continue;
        }
        let mut starts = Rng(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        match agree(&text, &[], &[], &mut starts) {
            Ok(Some(found)) => {
                checked += 1;
                for v in found {
                    *verdicts.entry(format!("{v:?}")).or_default() += 1;
                }
            }
            Ok(None) => continue,
            Err(e) => panic!("procedure {i} (seed {seed}):\n{text}\n{e}"),
        }
    }
    (checked, verdicts)
}

#[test]
fn budget_agrees_with_the_case_clock_on_10000_generated_procedures() {
    let (checked, verdicts) = run(10_000, 20_261_206);
    assert_eq!(checked, 10_000);
    for v in ["Fits", "MayOverrun", "CannotFit", "Unknown"] {
        assert!(
            verdicts.get(v).copied().unwrap_or(0) >= 50,
            "{v} too rare: {verdicts:?}"
        );
    }
    eprintln!("verdicts: {verdicts:?}");
}

#[test]
fn budget_agrees_with_the_case_clock_in_the_regression_folders() {
    // shared/regressions/2026-12-budget-vs-clock, copied: procedures where the two disagreed.
    let root = std::path::Path::new("tests/regressions/2026-12-budget-vs-clock");
    let national = std::fs::read_to_string("standards/nasional.kalender.yaml").expect("calendar");
    let mut seen = 0;
    for dir in std::fs::read_dir(root).expect("the folders") {
        let dir = dir.expect("a folder").path();
        if !dir.is_dir() {
            continue;
        }
        let text = std::fs::read_to_string(dir.join("p.sop")).expect("p.sop");
        let case = std::fs::read_to_string(dir.join("kasus/kasus.case.yaml")).unwrap_or_default();
        let opened: Vec<jiff::Timestamp> = case
            .lines()
            .filter_map(|l| l.strip_prefix("opened: "))
            .filter_map(|t| t.trim().parse().ok())
            .collect();
        let mut rng = Rng(7);
        let more = [("nasional.kalender.yaml", national.clone())];
        match agree(&text, &more, &opened, &mut rng) {
            Ok(Some(_)) => {}
            Ok(None) => panic!("{}: not a valid standard", dir.display()),
            Err(e) => panic!("{}: {e}", dir.display()),
        }
        seen += 1;
    }
    assert!(seen >= 16, "{seen} folders");
}
