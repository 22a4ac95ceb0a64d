//! Complaint policies: every channel complaints come in by has a reply rule (a reply-only
//! channel has none, and is used by one), every tier someone to handle it or a source that
//! names nobody, and for every combination of the declared fact values exactly one reply rule
//! applies (as DMN checkers demand of decision tables).

use crate::diag::{Diagnostic, Kind};
use crate::model::Model;

/// Checks every complaint policy.
pub fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    for policy in &model.complaints {
        // Per channel: whether a rule answers complaints by it, and whether one answers by it
        // (counted once over the rules, so a policy of many channels stays linear).
        let n = policy.channels.len();
        let (mut has_rule, mut answers_by) = (vec![false; n], vec![false; n]);
        for r in &policy.replies {
            if let Some(x) = has_rule.get_mut(r.channel) {
                *x = true;
            }
            for v in &r.via {
                if let Some(x) = answers_by.get_mut(*v) {
                    *x = true;
                }
            }
        }
        for r in &policy.replies {
            if let Some(ch) = policy.channels.get(r.channel).filter(|c| c.reply_only) {
                let kind = Kind::ReplyOnlyIntake {
                    channel: ch.id.clone(),
                };
                out.push(Diagnostic::located(kind, r.loc));
            }
        }
        for (i, ch) in policy.channels.iter().enumerate() {
            let channel = ch.id.clone();
            if ch.reply_only {
                if !answers_by[i] {
                    out.push(Diagnostic::located(
                        Kind::ReplyOnlyUnused { channel },
                        ch.loc,
                    ));
                }
            } else if !has_rule[i] {
                out.push(Diagnostic::located(
                    Kind::ChannelWithoutReply { channel },
                    ch.loc,
                ));
            }
        }
        for r in policy.replies.iter().filter(|r| r.unstated) {
            if let Some(ch) = policy.channels.get(r.channel) {
                let kind = Kind::ReplyNotStated {
                    channel: ch.id.clone(),
                };
                out.push(Diagnostic::located(kind, r.loc));
            }
        }
        replies_cover_exactly_once(policy, out);
        for tier in &policy.tiers {
            let (handler, handler_unstated) = policy.handler_of(Some(tier));
            if handler_unstated && handler.is_empty() {
                let kind = Kind::HandlerNotStated {
                    tier: tier.id.clone(),
                };
                out.push(Diagnostic::located(kind, tier.loc));
            } else if handler.is_empty() {
                let kind = Kind::TierWithoutRoute {
                    tier: tier.id.clone(),
                };
                out.push(Diagnostic::located(kind, tier.loc));
            }
        }
    }
}

/// Most combinations of fact values checked per channel.
const MAX_CASES: usize = 4_096;

fn replies_cover_exactly_once(policy: &crate::model::ComplaintPolicy, out: &mut Vec<Diagnostic>) {
    // The rules of each channel, gathered once: a policy of many channels stays linear.
    let mut by_channel: Vec<Vec<&crate::model::ReplyRule>> =
        vec![Vec::new(); policy.channels.len()];
    for r in &policy.replies {
        if let Some(rules) = by_channel.get_mut(r.channel) {
            rules.push(r);
        }
    }
    for (channel, rules) in policy.channels.iter().zip(by_channel) {
        if rules.is_empty() {
            continue;
        }
        let mut facts: Vec<usize> = rules
            .iter()
            .flat_map(|r| r.conditions.iter().map(|(f, _)| *f))
            .collect();
        facts.sort_unstable();
        facts.dedup();
        let sizes: Vec<usize> = facts
            .iter()
            .map(|f| policy.facts[*f].values.len().max(1))
            .collect();
        let total = sizes
            .iter()
            .try_fold(1usize, |acc, n| acc.checked_mul(*n))
            .unwrap_or(usize::MAX);
        let (mut gap, mut overlap) = (None, None);
        for k in 0..total.min(MAX_CASES) {
            // The k-th combination of values, as (fact, value) pairs.
            let mut rest = k;
            let case: Vec<(usize, &str)> = facts
                .iter()
                .zip(&sizes)
                .map(|(f, n)| {
                    let v = rest % n;
                    rest /= n;
                    (
                        *f,
                        policy.facts[*f].values.get(v).map_or("", String::as_str),
                    )
                })
                .collect();
            let matching: Vec<_> = rules
                .iter()
                .filter(|r| {
                    r.conditions
                        .iter()
                        .all(|(f, v)| case.iter().any(|(cf, cv)| cf == f && cv == v))
                })
                .collect();
            let words = || {
                case.iter()
                    .map(|(f, v)| format!("`{} = {v}`", policy.facts[*f].id))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            match matching.as_slice() {
                [] if gap.is_none() => gap = Some(words()),
                [_, second, ..] if overlap.is_none() => overlap = Some((words(), second.loc)),
                _ => {}
            }
        }
        if let Some(case) = gap {
            let kind = Kind::ReplyGap {
                channel: channel.id.clone(),
                case,
            };
            out.push(Diagnostic::located(kind, channel.loc));
        }
        if let Some((case, loc)) = overlap {
            let kind = Kind::ReplyOverlap {
                channel: channel.id.clone(),
                case,
            };
            out.push(Diagnostic::located(kind, loc));
        }
    }
}
