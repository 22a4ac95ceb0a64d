//! What each event of a procedure moves, compiled once: for entering each step or end and for
//! finishing each step (with each outcome), the clocks it starts and stops and the
//! obligations it cancels and triggers. A case matched every budget's and obligation's
//! points against every event; it now looks the event up.

use crate::model::{Model, Node, Obligation, Owner, Point, Procedure, Scope};

/// What moved, for clocks and obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal<'s> {
    /// A step or end entered.
    Enter(Node),
    /// Step `i` finished, with an outcome or without.
    Finish(usize, Option<&'s str>),
}

/// One thing a signal moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Starts the clock of budget `c` (if it has not started).
    Start(u16),
    /// Stops the clock of budget `c` (if it runs).
    Stop(u16),
    /// Cancels obligation `k`'s timer (`k` among the service's obligations).
    Cancel(u16),
    /// Triggers obligation `k`.
    Trigger(u16),
}

/// The effects of every signal of one procedure, in the order a case applies them: clocks
/// by budget (a clock's start before its stop), then obligations (a cancel before a
/// trigger).
#[derive(Debug, Clone, Default)]
pub struct Moves {
    /// Per step, then per end: what entering it moves.
    enter: Vec<Vec<Effect>>,
    /// Per step: what finishing it moves, each effect with the outcome it needs (`None`:
    /// any outcome, or none).
    finish: Vec<Vec<(Option<String>, Effect)>>,
    /// Per step: whether it waits for the applicant, and whether only outsiders perform it
    /// (see [`super::hands`]).
    waits: Vec<bool>,
    outside: Vec<bool>,
}

impl Moves {
    /// Compiles procedure `index` of `model`, whose machine is `machine`.
    pub fn compile(model: &Model, index: usize, machine: &super::Machine) -> Moves {
        let Some(proc) = model.procedures.get(index) else {
            return Moves::default();
        };
        let waits = (0..proc.steps.len())
            .map(|i| super::hands::waits_for_applicant(model, proc, machine, i))
            .collect();
        let outside = (0..proc.steps.len())
            .map(|i| super::hands::outside_only(model, proc, i))
            .collect();
        let obligations: Vec<_> = obligations(model, proc, index).collect();
        let nodes = (0..proc.steps.len())
            .map(Node::Step)
            .chain((0..proc.ends.len()).map(Node::End));
        let enter = nodes
            .map(|node| {
                effects(proc, index, &obligations, &Signal::Enter(node))
                    .into_iter()
                    .map(|(_, e)| e)
                    .collect()
            })
            .collect();
        let finish = (0..proc.steps.len())
            .map(|i| effects(proc, index, &obligations, &Signal::Finish(i, None)))
            .collect();
        Moves {
            enter,
            finish,
            waits,
            outside,
        }
    }

    /// Whether step `i` waits for the applicant (`None`: no such step).
    pub fn waits_for_applicant(&self, i: usize) -> Option<bool> {
        self.waits.get(i).copied()
    }

    /// Whether only roles outside the agency perform step `i` (`None`: no such step).
    pub fn outside_only(&self, i: usize) -> Option<bool> {
        self.outside.get(i).copied()
    }

    /// The effects listed for `signal`, whatever the outcome: the entering list and the
    /// finishing list.
    fn lists(&self, signal: &Signal<'_>) -> (&[Effect], &[(Option<String>, Effect)]) {
        match *signal {
            Signal::Enter(Node::Step(s)) => (slice(&self.enter, s), &[]),
            Signal::Enter(Node::End(e)) => (slice(&self.enter, self.finish.len() + e), &[]),
            Signal::Enter(_) => (&[], &[]),
            Signal::Finish(i, _) => (&[], slice(&self.finish, i)),
        }
    }

    /// Whether `signal` moves nothing at all (most signals: a case spends most events going
    /// from one step to the next).
    pub fn is_quiet(&self, signal: &Signal<'_>) -> bool {
        let (enter, finish) = self.lists(signal);
        enter.is_empty() && finish.is_empty()
    }

    /// Whether `signal` may trigger an obligation (with some outcome).
    pub fn may_trigger(&self, signal: &Signal<'_>) -> bool {
        let (enter, finish) = self.lists(signal);
        enter.iter().any(|e| matches!(e, Effect::Trigger(_)))
            || finish.iter().any(|(_, e)| matches!(e, Effect::Trigger(_)))
    }

    /// What `signal` moves, in order.
    pub fn of<'m>(&'m self, signal: &Signal<'m>) -> impl Iterator<Item = Effect> + 'm {
        let (enter, finish) = self.lists(signal);
        let outcome = match *signal {
            Signal::Finish(_, outcome) => outcome,
            Signal::Enter(_) => None,
        };
        enter.iter().copied().chain(
            finish
                .iter()
                .filter(move |(want, _)| want.as_deref().is_none_or(|w| Some(w) == outcome))
                .map(|(_, e)| *e),
        )
    }
}

fn slice<T>(list: &[Vec<T>], k: usize) -> &[T] {
    list.get(k).map_or(&[], Vec::as_slice)
}

/// The obligations of the procedure's service whose triggers are in this procedure, with
/// their index among the service's obligations (only the service that owns the procedure
/// can name its steps in an obligation).
pub fn obligations<'m>(
    model: &'m Model,
    proc: &Procedure,
    index: usize,
) -> impl Iterator<Item = (usize, &'m Obligation)> + 'm {
    let own: &'m [Obligation] = match proc.owner {
        Owner::Service(i) => model
            .services
            .get(i)
            .map_or(&[], |s| s.obligations.as_slice()),
        _ => &[],
    };
    own.iter()
        .enumerate()
        .filter(move |(_, o)| o.trigger.as_ref().is_some_and(|p| p.procedure == index))
}

/// The effects of one signal. For `Finish(i, None)` every effect of finishing step `i` is
/// listed, each with the outcome its point names.
fn effects(
    proc: &Procedure,
    index: usize,
    obligations: &[(usize, &Obligation)],
    signal: &Signal<'_>,
) -> Vec<(Option<String>, Effect)> {
    // A point on finishing a step is listed with the outcome it needs; on entering, it
    // needs none.
    let hit = |p: &Option<Point>| -> Option<Option<String>> {
        let p = p.as_ref()?;
        match signal {
            Signal::Finish(i, _) => finishes(p, index, *i).then(|| p.outcome.clone()),
            Signal::Enter(_) => hits(p, index, signal).then_some(None),
        }
    };
    let mut out = Vec::new();
    for (c, budget) in proc.budgets.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        let range = match budget.scope {
            Scope::Budget => None,
            Scope::Stage(k) => proc.stages.get(k).and_then(|s| s.steps),
            Scope::Step(i) => Some((i, i)),
        };
        match range {
            // A stage's or step's clock runs from entering its steps to leaving them.
            Some((a, b)) => match signal {
                Signal::Enter(Node::Step(s)) if (a..=b).contains(s) => {
                    out.push((None, Effect::Start(c)));
                }
                Signal::Enter(Node::Step(_) | Node::End(_)) => out.push((None, Effect::Stop(c))),
                _ => {}
            },
            None => {
                if let Some(want) = hit(&budget.start) {
                    out.push((want, Effect::Start(c)));
                }
                // A case that ends stops every clock, wherever its own stop is.
                if matches!(signal, Signal::Enter(Node::End(_))) {
                    out.push((None, Effect::Stop(c)));
                } else if let Some(want) = hit(&budget.stop) {
                    out.push((want, Effect::Stop(c)));
                }
            }
        }
    }
    for (k, ob) in obligations {
        let k = u16::try_from(*k).unwrap_or(u16::MAX);
        if let Some(want) = hit(&ob.cancel) {
            out.push((want, Effect::Cancel(k)));
        }
        if let Some(want) = hit(&ob.trigger) {
            out.push((want, Effect::Trigger(k)));
        }
    }
    out
}

/// Whether `p` is a point on finishing step `i` (with whatever outcome it names).
fn finishes(p: &Point, proc: usize, i: usize) -> bool {
    p.procedure == proc && p.after && p.node == Node::Step(i)
}

/// Whether a point of procedure `proc` is hit by a signal.
pub fn hits(p: &Point, proc: usize, signal: &Signal<'_>) -> bool {
    if p.procedure != proc {
        return false;
    }
    match (signal, p.node) {
        (Signal::Enter(node), target) if !p.after || matches!(target, Node::End(_)) => {
            *node == target
        }
        (Signal::Finish(i, outcome), Node::Step(s)) if p.after => {
            s == *i
                && p.outcome
                    .as_deref()
                    .is_none_or(|want| Some(want) == *outcome)
        }
        _ => false,
    }
}
