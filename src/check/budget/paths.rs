//! The real paths a budget's clock runs over, from where it starts to where it stops: each a
//! sequence of stretches of time in the order a case takes them, never a sum of parts of
//! different paths.
//!
//! A path goes round each loop at most once: it enters every state at most twice (a file
//! returned once, a step redone once). Paths are walked set by set over the machine's
//! strongly connected sets in topological order; where paths from different ways meet, one
//! that another path outlasts at every start is dropped (for the shortest: one that another
//! finishes before), so the walk stays near linear. The proof of "outlasts": both share a
//! beginning, and after it the other's stretches contain this one's, in order, each at least
//! as long and in the same unit, with the clock running through all of them — each stretch
//! ends no earlier from a later instant, and an inserted stretch only delays what follows.

mod stretch;

use super::walk::{Clockwork, Cost, Hop};
use crate::diag::Amount;
use crate::machine::scc::{components, Adjacency};
use crate::time::Unit;
pub(super) use stretch::normalise;
use stretch::{add, seg};

/// Which paths are kept where paths meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// Each stretch at its longest; paths another outlasts are dropped.
    Longest,
    /// Each stretch at its shortest; paths another finishes before are dropped.
    Shortest,
}

/// One stretch of a path at one bound, in a unit that adds up: minutes (hours are sixty),
/// working days, days (weeks are seven) or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Seg {
    /// How many of the unit.
    pub n: u64,
    /// The unit.
    pub unit: Unit,
    /// Whether the clock counts it.
    pub running: bool,
}

/// A real path.
#[derive(Debug, Clone)]
pub(super) struct Path {
    /// Its stretches in order (zero ones dropped, neighbours that add up merged).
    pub segs: Vec<Seg>,
    /// What it does, in order, for people.
    pub hops: Vec<Hop>,
    /// The time the clock counts on it, per unit.
    pub amount: Amount,
    /// The steps on it whose time is not known.
    pub unknown: Vec<usize>,
    /// The step after which it leaves the published table (`terpotong`), if it does.
    pub cut_off: Vec<usize>,
}

/// The paths that matter for one bound.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// The paths no other path outlasts (or finishes before), in the order found.
    pub paths: Vec<Path>,
    /// Too many ways to walk to judge them all.
    pub overflow: bool,
}

/// Paths kept where paths meet, at most.
const MAX_ALIVE: usize = 64;
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
enum What {
    Start(Option<Cost>),
    Arrow { state: u32, arrow: u32, cut: bool },
}

#[derive(Debug, Clone, Copy)]
struct Label {
    parent: u32,
    depth: u32,
    what: What,
}

struct Walker<'a> {
    cw: &'a Clockwork,
    side: Side,
    /// Whether consecutive working days add up (the day of receipt is not counted).
    days_add: bool,
    /// Whether plain-day deadlines move off days off (`hari_kerja_berikutnya`): reckonings
    /// with plain days then neither add up nor grow with their stretches.
    moves: bool,
    arena: Vec<Label>,
    limit: usize,
}

/// Walks every path of a budget's clock at one bound.
pub(super) fn walk(cw: &Clockwork, side: Side, days_add: bool, moves: bool) -> Found {
    let n = cw.out.len();
    let mut next = Adjacency::with_capacity(n, cw.out.iter().map(Vec::len).sum());
    for a in &cw.out {
        next.push(a.iter().map(|x| x.to));
    }
    let comps = components(&next);
    let of = &comps.of;
    let mut w = Walker {
        cw,
        side,
        days_add,
        moves,
        arena: Vec::new(),
        limit: n.saturating_mul(64).saturating_add(20_000),
    };
    let mut pending: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut finished: Vec<u32> = Vec::new();
    for st in &cw.starts {
        let id = w.push(NONE, What::Start(st.wait));
        match (st.done, pending.get_mut(st.state)) {
            (false, Some(p)) => p.push(id),
            _ => finished.push(id),
        }
    }
    let mut counts = vec![0u8; n];
    let mut overflow = false;
    'sets: for set in comps.sets.iter() {
        for &entry in set {
            if pending[entry].is_empty() {
                continue;
            }
            let labels = w.prune(std::mem::take(&mut pending[entry]));
            if labels.len() > MAX_ALIVE {
                overflow = true;
                break 'sets;
            }
            for label in labels {
                if !w.inside(entry, label, of, &mut counts, &mut pending, &mut finished) {
                    overflow = true;
                    break 'sets;
                }
            }
        }
    }
    let finished = w.prune(finished);
    overflow |= finished.len() > MAX_ALIVE;
    Found {
        paths: finished.iter().map(|l| w.path(*l)).collect(),
        overflow,
    }
}

impl Walker<'_> {
    fn push(&mut self, parent: u32, what: What) -> u32 {
        let depth = match self.arena.get(parent as usize) {
            Some(p) => p.depth + 1,
            None => 0,
        };
        self.arena.push(Label {
            parent,
            depth,
            what,
        });
        u32::try_from(self.arena.len() - 1).unwrap_or(NONE)
    }

    /// Every way through the strongly connected set of `entry` from `label`, each state
    /// entered at most twice: labels leaving the set go to `pending`, stopped ones to
    /// `finished`. `false` when the walk grew past its limit.
    fn inside(
        &mut self,
        entry: usize,
        label: u32,
        of: &[usize],
        counts: &mut [u8],
        pending: &mut [Vec<u32>],
        finished: &mut Vec<u32>,
    ) -> bool {
        let cw = self.cw;
        let mut frames: Vec<(usize, u32, usize)> = vec![(entry, label, 0)];
        counts[entry] += 1;
        while let Some(top) = frames.last_mut() {
            let (s, lab, k) = *top;
            let Some(a) = cw.out[s].get(k) else {
                frames.pop();
                counts[s] -= 1;
                continue;
            };
            top.2 += 1;
            if self.arena.len() > self.limit {
                for (s, _, _) in frames {
                    counts[s] -= 1;
                }
                return false;
            }
            let arrow = |cut| What::Arrow {
                state: s as u32,
                arrow: k as u32,
                cut,
            };
            if a.stops {
                let id = self.push(lab, arrow(true));
                finished.push(id);
            } else if of[a.to] != of[s] {
                let id = self.push(lab, arrow(false));
                pending[a.to].push(id);
            } else if counts[a.to] < 2 {
                let id = self.push(lab, arrow(false));
                counts[a.to] += 1;
                frames.push((a.to, id, 0));
            }
        }
        true
    }

    /// The costs a label adds to its parent's, in order.
    fn costs(&self, l: u32) -> [Option<Cost>; 2] {
        match self.arena[l as usize].what {
            What::Start(wait) => [wait, None],
            What::Arrow { state, arrow, cut } => {
                let a = &self.cw.out[state as usize][arrow as usize];
                let after = a.beyond.map(Cost::Unpublished);
                [a.own, if cut { after } else { a.wait.or(after) }]
            }
        }
    }

    /// The stretches a label adds after `base` (an ancestor), in order, at this side's bound;
    /// `None` when one is unknown.
    fn stretches(&self, mut l: u32, base: u32) -> Option<Vec<Seg>> {
        let mut rev: Vec<Seg> = Vec::new();
        while l != base && l != NONE {
            for c in self.costs(l).iter().rev().flatten() {
                rev.push(self.seg(*c)?);
            }
            l = self.arena[l as usize].parent;
        }
        rev.reverse();
        Some(normalise(rev, self.days_add, self.moves))
    }

    fn seg(&self, c: Cost) -> Option<Seg> {
        match c {
            Cost::Known {
                lo,
                hi,
                unit,
                running,
            } => Some(seg(
                if self.side == Side::Longest { hi } else { lo },
                unit,
                running,
            )),
            Cost::Unknown(_) | Cost::Unpublished(_) => None,
        }
    }

    /// The closest label both `a` and `b` descend from (`NONE` for none).
    fn common(&self, mut a: u32, mut b: u32) -> u32 {
        let depth = |l: u32| self.arena.get(l as usize).map_or(0, |x| x.depth);
        let up = |l: u32| self.arena.get(l as usize).map_or(NONE, |x| x.parent);
        while a != b && a != NONE && b != NONE {
            if depth(a) >= depth(b) {
                a = up(a);
            } else {
                b = up(b);
            }
        }
        if a == b {
            a
        } else {
            NONE
        }
    }

    /// Whether `small` is outlasted by `big` at every start (both ending where they are).
    fn within(&self, small: u32, big: u32) -> bool {
        let base = self.common(small, big);
        let (Some(s), Some(b)) = (self.stretches(small, base), self.stretches(big, base)) else {
            return false;
        };
        if s.iter().chain(&b).any(|x| !x.running) {
            return false;
        }
        // A plain-day stretch moved off a day off can end after a longer one that is not
        // moved: no path with one is known to outlast another.
        if self.moves
            && s.iter()
                .chain(&b)
                .any(|x| x.unit.measure() == crate::time::Measure::Wall)
        {
            return false;
        }
        let mut rest = b.iter();
        s.iter()
            .all(|x| rest.any(|y| y.unit == x.unit && y.n >= x.n))
    }

    /// The labels no other outlasts (or, for the shortest, finishes before), in order.
    fn prune(&self, labels: Vec<u32>) -> Vec<u32> {
        let mut kept: Vec<u32> = Vec::new();
        for x in labels {
            let dropped = |a: u32, by: u32| match self.side {
                Side::Longest => self.within(a, by),
                Side::Shortest => self.within(by, a),
            };
            if kept.iter().any(|y| dropped(x, *y)) {
                continue;
            }
            kept.retain(|y| !dropped(*y, x));
            kept.push(x);
            if kept.len() > MAX_ALIVE {
                break;
            }
        }
        kept
    }

    /// The path a label ends.
    fn path(&self, l: u32) -> Path {
        let mut costs: Vec<Cost> = Vec::new();
        let mut hops: Vec<Hop> = Vec::new();
        let mut here = l;
        while here != NONE {
            for c in self.costs(here).iter().rev().flatten() {
                costs.push(*c);
            }
            if let What::Arrow { state, arrow, cut } = self.arena[here as usize].what {
                let a = &self.cw.out[state as usize][arrow as usize];
                if let (true, Some(end)) = (cut, a.end) {
                    hops.push(Hop::End(end));
                }
                hops.push(a.hop.clone());
            }
            here = self.arena[here as usize].parent;
        }
        costs.reverse();
        hops.reverse();
        let mut unknown: Vec<usize> = Vec::new();
        let mut cut_off: Vec<usize> = Vec::new();
        let mut segs = Vec::with_capacity(costs.len());
        let mut amount = Amount::default();
        for c in costs {
            match self.seg(c) {
                Some(s) => {
                    if s.running {
                        add(&mut amount, s);
                    }
                    segs.push(s);
                }
                None => match c {
                    Cost::Unknown(i) => unknown.push(i),
                    Cost::Unpublished(i) => cut_off.push(i),
                    Cost::Known { .. } => {}
                },
            }
        }
        unknown.sort_unstable();
        unknown.dedup();
        Path {
            segs: normalise(segs, self.days_add, self.moves),
            hops,
            amount,
            unknown,
            cut_off,
        }
    }
}
