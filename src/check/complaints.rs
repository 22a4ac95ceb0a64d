//! Complaint policies: every channel has a reply rule, every tier someone to handle it.

use crate::diag::{Diagnostic, Kind};
use crate::model::Model;

/// Checks every complaint policy.
pub fn check(model: &Model, out: &mut Vec<Diagnostic>) {
    for policy in &model.complaints {
        for (i, ch) in policy.channels.iter().enumerate() {
            if !policy.replies.iter().any(|r| r.channel == i) {
                let kind = Kind::ChannelWithoutReply {
                    channel: ch.id.clone(),
                };
                out.push(Diagnostic::located(kind, ch.loc));
            }
        }
        for tier in &policy.tiers {
            if tier.handler.is_empty() {
                let kind = Kind::TierWithoutRoute {
                    tier: tier.id.clone(),
                };
                out.push(Diagnostic::located(kind, tier.loc));
            }
        }
    }
}
