//! Escalation rules firing: the action each asks for, and a deemed approval (fiktif
//! positif) ending the case.

use super::case::{Action, Case};
use super::event::Event;
use super::record::What;
use super::Context;
use crate::model::{EscalationAction, Trigger};
use jiff::Timestamp;

impl Case {
    /// The instant (seconds since opened) a pending deemed approval falls due, if one is
    /// scheduled.
    pub(super) fn deem_due(&self, ctx: &Context<'_>) -> Option<u32> {
        if self.timers.is_empty() {
            return None;
        }
        self.timers
            .iter()
            .filter(|t| match t.what {
                What::Escalation { clock, rule } => ctx
                    .procedure
                    .budgets
                    .get(usize::from(clock))
                    .and_then(|b| b.escalations.get(usize::from(rule)))
                    .is_some_and(|r| matches!(r.action, EscalationAction::Deem(_))),
                What::Obligation(_) => false,
            })
            .map(|t| t.due)
            .min()
    }

    /// Fires escalation rule `rule` of clock `clock` at `due`: the action, and for a deemed
    /// approval the end of the case (kept in its events).
    pub(super) fn escalate(
        &mut self,
        ctx: &Context<'_>,
        clock: usize,
        rule: usize,
        due: Timestamp,
    ) -> Vec<Action> {
        let Some(budget) = ctx.procedure.budgets.get(clock) else {
            return Vec::new();
        };
        let Some(r) = budget.escalations.get(rule) else {
            return Vec::new();
        };
        let role = |id: Option<crate::model::RoleId>| {
            id.and_then(|r| ctx.model.role(r)).map(|r| r.id.clone())
        };
        let name = budget.title.clone().unwrap_or_else(|| budget.id.clone());
        let when = match r.trigger {
            Trigger::AtRisk(p) => format!("{p}% waktu `{name}` terpakai"),
            Trigger::Breached => format!("waktu `{name}` terlampaui"),
        };
        let action = |kind: &str, to: Option<String>, text: String| Action {
            kind: kind.to_string(),
            due,
            to,
            text,
            obligation: None,
            budget: Some(budget.id.clone()),
        };
        match &r.action {
            EscalationAction::Escalate(to) => {
                vec![action("eskalasi", role(*to), format!("Eskalasi: {when}"))]
            }
            EscalationAction::Send { kind, to } => vec![action(kind, role(*to), when)],
            EscalationAction::Deem(end) => {
                let Some(end) = *end else {
                    return Vec::new();
                };
                let deemed = Event::Deemed { at: due };
                match self.take(ctx, &deemed, due) {
                    Ok((mut more, step)) => {
                        self.keep(ctx, &deemed, due, step);
                        let title = ctx.procedure.ends.get(end).map_or("", |e| e.title.as_str());
                        let mut out = vec![action(
                            "fiktif_positif",
                            None,
                            format!("Permohonan dianggap disetujui (fiktif positif) karena {when}: {title}"),
                        )];
                        out.append(&mut more);
                        out
                    }
                    Err(_) => Vec::new(),
                }
            }
        }
    }

    /// The end a deemed approval due at `at` (seconds since opened) reaches, if a scheduled
    /// rule says so.
    pub(super) fn deem_target(&self, ctx: &Context<'_>, at: u32) -> Option<(usize, usize)> {
        self.timers.iter().find_map(|t| match t.what {
            What::Escalation { clock, rule } if t.due == at => {
                let (clock, rule) = (usize::from(clock), usize::from(rule));
                let r = ctx.procedure.budgets.get(clock)?.escalations.get(rule)?;
                match r.action {
                    EscalationAction::Deem(Some(end)) => Some((end, clock)),
                    _ => None,
                }
            }
            _ => None,
        })
    }
}
