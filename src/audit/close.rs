//! A case counted once it closes (or at the log's end): its month, whether it kept its
//! budget, its card's working time per step against the Mutu Baku, escalations and
//! obligations fired.

use super::report::Report;
use super::{Audit, Open, SPARE_CARDS};

impl Audit<'_> {
    /// Adds a case's card and clocks to the sums, and forgets it.
    pub(super) fn close(&mut self, mut open: Open, now: jiff::Timestamp, closed: bool) {
        let Some(ctx) = self.contexts.get(open.procedure).and_then(Option::as_ref) else {
            return;
        };
        let breached = open.case.budget_breached(ctx, now);
        self.report.cases += 1;
        self.report.events += open.events;
        self.report.returns += open.returns;
        count_actions(&mut self.report, &open.fired);
        let month = self.months.entry(open.month).or_default();
        month.opened += 1;
        match (closed, breached) {
            (true, false) => month.closed_on_time += 1,
            (true, true) => month.closed_breached += 1,
            (false, false) => month.open_on_time += 1,
            (false, true) => month.open_breached += 1,
        }
        if closed {
            self.report.closed += 1;
            if !breached {
                self.report.on_time += 1;
            }
            if matches!(
                open.case.position(),
                crate::interp::Position::Withdrawn { .. }
            ) {
                self.report.withdrawn += 1;
            }
            // A deemed approval ends the case with an action of its own kind.
            if open.fired.iter().any(|a| a.kind == "fiktif_positif") {
                self.report.deemed += 1;
            }
        }
        if breached {
            self.report.breached += 1;
        }
        let Some(sums) = self.steps.get_mut(open.procedure) else {
            return;
        };
        for e in open.case.kept_card().unwrap_or_default() {
            if e.resubmitted {
                self.report.resubmitted += 1;
                self.waits.add(i64::from(e.waiting / 60));
                continue;
            }
            if e.skipped {
                continue;
            }
            let Some(s) = sums.get_mut(e.step as usize) else {
                continue;
            };
            let minutes = i64::from(e.seconds / 60);
            let (standard, late) = crate::interp::card::standard(&open.case, e, ctx);
            s.minutes.add(minutes);
            s.standard = s.standard.max(standard);
            if late {
                s.late += 1;
                s.over += (minutes - standard.unwrap_or(minutes)).max(0);
            }
        }
        if self.spare_cards.len() < SPARE_CARDS {
            self.spare_cards.extend(open.case.card_room());
        }
    }
}

/// Counts escalations and obligations among `actions`.
fn count_actions(report: &mut Report, actions: &[crate::interp::Action]) {
    for a in actions {
        if let Some(b) = &a.budget {
            *report.escalations.entry(b.clone()).or_insert(0) += 1;
        } else if let Some(o) = &a.obligation {
            *report.obligations.entry(o.clone()).or_insert(0) += 1;
        }
    }
}
