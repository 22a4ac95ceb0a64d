//! A complaint procedure's reply clock by tier (`anggaran jawaban menurut tingkat`): the tier
//! chosen where the clock starts gives its time, so `route` and the case clock read the one
//! deadline the policy writes, never a second copy of it.

use super::Resolver;
use crate::diag::{Diagnostic, Kind};
use crate::model::{self, Flow, Node};

impl Resolver<'_> {
    /// The clocks of `budget`, written `menurut tingkat`: one per outcome of the step it
    /// starts after, named `budget.tier`, timed by that tier's deadline and escalated by its
    /// rules as well as the budget's. `started` says whether a start was written at all.
    pub(super) fn tier_clocks(
        &mut self,
        budget: model::Budget,
        started: bool,
        steps: &[model::Step],
        name: Option<&str>,
    ) -> Vec<model::Budget> {
        let Some(tiers) = self.tiers.clone() else {
            let kind = Kind::TierClockOutsideComplaints {
                budget: budget.id.clone(),
            };
            self.report(Diagnostic::located(kind, budget.loc));
            return Vec::new();
        };
        let policy = self.policy_deadlines.clone();
        // A tier's own named deadline, else the policy's of that name (found once).
        let from_policy = name.and_then(|n| {
            policy
                .iter()
                .flat_map(|p| p.deadlines.iter())
                .find(|d| d.id == n)
                .map(|d| d.duration)
        });
        let deadline_of = |t: &model::Tier| match name {
            None => t.deadline,
            Some(n) => t
                .deadlines
                .iter()
                .find(|d| d.id == n)
                .map(|d| d.duration)
                .or(from_policy),
        };
        let missing = |budget: &model::Budget, tier: &model::Tier| Kind::TierClockWithoutDeadline {
            budget: budget.id.clone(),
            tier: tier.id.clone(),
            deadline: name.map(str::to_string),
        };
        // A policy without tiers: its own deadline, one clock, started where written.
        if tiers.is_empty() {
            let Some(own) = policy.clone() else {
                return Vec::new();
            };
            let Some(deadline) = deadline_of(&own) else {
                let kind = missing(&budget, &own);
                self.report(Diagnostic::located(kind, budget.loc));
                return Vec::new();
            };
            let mut clock = budget;
            clock.duration = deadline;
            clock.extension = clock.extension.or(own.extension);
            return vec![clock];
        }
        // Where a tier is chosen: after a step whose decision's outcomes are the tiers.
        let outcomes = match &budget.start {
            Some(model::Point {
                node: Node::Step(i),
                after: true,
                outcome: None,
                ..
            }) => match steps.get(*i).map(|s| &s.flow) {
                Some(Flow::Decision { outcomes, .. }) => Some(outcomes),
                _ => None,
            },
            _ => None,
        };
        let Some(outcomes) = outcomes else {
            // A start that did not resolve was reported where it is written.
            if !started || budget.start.is_some() {
                let kind = Kind::TierClockStart {
                    budget: budget.id.clone(),
                };
                self.report(Diagnostic::located(kind, budget.loc));
            }
            return Vec::new();
        };
        let mut clocks = Vec::new();
        for outcome in outcomes {
            let Some(tier) = tiers.iter().find(|t| t.id == outcome.name) else {
                let kind = Kind::TierClockOutcome {
                    budget: budget.id.clone(),
                    outcome: outcome.name.clone(),
                    tiers: tiers.iter().map(|t| t.id.clone()).collect(),
                };
                self.report(Diagnostic::located(kind, outcome.loc));
                continue;
            };
            let Some(deadline) = deadline_of(tier) else {
                let kind = missing(&budget, tier);
                self.report(Diagnostic::located(kind, tier.loc));
                continue;
            };
            let mut clock = budget.clone();
            clock.id = format!("{}.{}", budget.id, tier.id);
            clock.title = Some(match &budget.title {
                Some(t) => format!("{t} — {}", tier.title),
                None => tier.title.clone(),
            });
            clock.duration = deadline;
            // The tier's own extension, else the one written on the budget.
            clock.extension = tier.extension.clone().or(clock.extension);
            if let Some(start) = clock.start.as_mut() {
                start.outcome = Some(tier.id.clone());
            }
            clock.escalations.extend(tier.escalations.iter().cloned());
            clocks.push(clock);
        }
        clocks
    }
}
