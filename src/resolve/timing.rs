//! A procedure's time: stages with their own time, step and wait times, time budgets with
//! their start, stop and pause points, and escalation rules.

use super::Resolver;
use crate::diag::{Diagnostic, Kind, NameKind};
use crate::model::{self, Node, Pause};
use crate::source::span::{FileId, Loc};
use crate::syntax::ast;

impl Resolver<'_> {
    /// The step of `jeda selama <step>`; a name close to `dikembalikan` (the time a file is
    /// back with the applicant) is reported as that word misspelt.
    fn pause_step(&mut self, file: FileId, proc: usize, name: &ast::Name) -> Option<Pause> {
        let is_step = self
            .nodes
            .get(proc)
            .is_some_and(|n| matches!(n.get(&name.text), Some(Node::Step(_))));
        let returned = crate::diag::did_you_mean(&name.text, ["dikembalikan", "returned"]);
        match returned {
            Some(word) if !is_step => {
                let kind = Kind::UndefinedName {
                    kind: NameKind::Step,
                    name: name.text.clone(),
                    suggestion: Some(word),
                };
                self.report(Diagnostic::at(kind, file, name.span));
                None
            }
            _ => self.step_ref(file, proc, name).map(Pause::Step),
        }
    }

    /// A stage: over its own steps, between two steps (`dari a sampai c`), or outside the
    /// procedure (`di_luar`).
    pub(super) fn stage(&mut self, file: FileId, proc: usize, st: &ast::Stage) -> model::Stage {
        let (duration, timing) = self.time(file, st.time.as_ref());
        let loc = Loc {
            file,
            span: st.name.span,
        };
        let own = (!st.steps.is_empty()).then(|| (st.steps.start, st.steps.end - 1));
        if own.is_some() && (st.bounds.is_some() || st.elsewhere.is_some()) {
            let kind = Kind::StageOwnSteps {
                stage: st.name.text.clone(),
            };
            self.report(Diagnostic::at(kind, file, st.span));
        }
        if st.elsewhere.is_some() && (!st.escalations.is_empty() || !st.pauses.is_empty()) {
            let kind = Kind::ElsewhereClock {
                stage: st.name.text.clone(),
            };
            self.report(Diagnostic::located(kind, loc));
        }
        let steps = match &st.bounds {
            Some((from, until)) => {
                let a = self.step_ref(file, proc, from);
                let c = self.step_ref(file, proc, until);
                match (a, c) {
                    (Some(a), Some(c)) if a <= c => Some((a, c)),
                    (Some(_), Some(_)) => {
                        let kind = Kind::StageBoundsReversed {
                            stage: st.name.text.clone(),
                            from: from.text.clone(),
                            until: until.text.clone(),
                        };
                        self.report(Diagnostic::at(kind, file, from.span));
                        None
                    }
                    _ => None,
                }
            }
            None if st.elsewhere.is_some() => None,
            None => own,
        };
        model::Stage {
            id: st.name.text.clone(),
            title: st.title.value.clone(),
            duration,
            timing,
            steps,
            bounded: st.bounds.is_some(),
            elsewhere: st.elsewhere.as_ref().map(|t| t.value.clone()),
            loc,
        }
    }

    /// The pauses of a stage's clock: while the file is back with the applicant, and during
    /// the steps written `jeda selama`.
    pub(super) fn stage_pauses(
        &mut self,
        file: FileId,
        proc: usize,
        st: &ast::Stage,
    ) -> Vec<Pause> {
        let mut pauses = vec![Pause::Returned];
        for p in &st.pauses {
            if let ast::Pause::Step(name) = p {
                if let Some(p) = self.pause_step(file, proc, name) {
                    pauses.push(p);
                }
            }
        }
        pauses
    }

    /// A time as written: its duration and whether it is known.
    pub(super) fn time(
        &mut self,
        file: FileId,
        t: Option<&ast::Time>,
    ) -> (Option<model::Duration>, model::Timing) {
        match t {
            Some(ast::Time::Known(d)) => (self.duration(file, d), model::Timing::Known),
            Some(ast::Time::Unknown(_)) => (None, model::Timing::Unknown),
            None => (None, model::Timing::Missing),
        }
    }

    pub(super) fn wait(&mut self, file: FileId, t: Option<&ast::Time>) -> Option<model::Wait> {
        match t? {
            ast::Time::Known(d) => self.duration(file, d).map(model::Wait::Known),
            ast::Time::Unknown(_) => Some(model::Wait::Unknown),
        }
    }

    /// Escalation rules: roles bound, the end of a deemed approval bound among `ends`.
    pub fn escalations(
        &mut self,
        file: FileId,
        rules: &[ast::Escalation],
        ends: &[model::End],
    ) -> Vec<model::Escalation> {
        rules
            .iter()
            .filter_map(|r| {
                let trigger = match &r.trigger {
                    ast::Trigger::Breached => model::Trigger::Breached,
                    ast::Trigger::AtRisk(None) => model::Trigger::AtRisk(80),
                    ast::Trigger::AtRisk(Some(n)) => model::Trigger::AtRisk(self.percent(file, n)?),
                };
                let action = match &r.action {
                    ast::EscalationAction::Escalate(role) => {
                        model::EscalationAction::Escalate(self.role_ref(file, role))
                    }
                    ast::EscalationAction::Send { kind, to } => model::EscalationAction::Send {
                        kind: kind.text.clone(),
                        to: self.role_ref(file, to),
                    },
                    ast::EscalationAction::Deem(end) => {
                        let found = ends.iter().position(|e| e.id == end.text);
                        if found.is_none() {
                            self.undefined(
                                NameKind::End,
                                end,
                                file,
                                ends.iter().map(|e| e.id.as_str()),
                            );
                        }
                        model::EscalationAction::Deem(found)
                    }
                };
                Some(model::Escalation {
                    trigger,
                    action,
                    loc: Loc { file, span: r.span },
                })
            })
            .collect()
    }

    /// A share in percent, 1 to 99.
    pub(super) fn percent(&mut self, file: FileId, n: &ast::Int) -> Option<u32> {
        let value = self.count(file, n, 1)?;
        if value >= 100 {
            let kind = Kind::InvalidNumber {
                text: value.to_string(),
            };
            self.report(Diagnostic::at(kind, file, n.span));
            return None;
        }
        Some(value)
    }

    /// A budget's clock; for one written `menurut tingkat`, a clock per tier (see
    /// [`Resolver::tier_clocks`]).
    pub(super) fn budget(
        &mut self,
        file: FileId,
        proc: usize,
        b: &ast::Budget,
        ends: &[model::End],
        steps: &[model::Step],
    ) -> Vec<model::Budget> {
        let duration = match b.by_tier {
            // Each tier's own deadline, set below.
            Some(_) => Some(model::Duration {
                min: 0,
                max: 0,
                unit: model::Unit::WorkingDay,
            }),
            None => self.duration(file, &b.duration),
        };
        let start = b
            .start
            .as_ref()
            .and_then(|p| self.local_point(file, proc, p));
        let stop = b
            .stop
            .as_ref()
            .and_then(|p| self.local_point(file, proc, p));
        let pauses = b
            .pauses
            .iter()
            .filter_map(|p| match p {
                ast::Pause::Returned(_) => Some(Pause::Returned),
                ast::Pause::Step(name) => self.pause_step(file, proc, name),
            })
            .collect();
        let escalations = self.escalations(file, &b.escalations, ends);
        let extension = b.extension.as_ref().and_then(|(d, reason)| {
            Some(model::Extension {
                duration: self.duration(file, d)?,
                reason: reason.as_ref().map(|r| r.value.clone()),
            })
        });
        let Some(duration) = duration else {
            return Vec::new();
        };
        let budget = model::Budget {
            id: b.name.text.clone(),
            title: b.title.as_ref().map(|t| t.value.clone()),
            duration,
            start,
            stop,
            pauses,
            escalations,
            scope: model::Scope::Budget,
            extension,
            loc: Loc {
                file,
                span: b.name.span,
            },
        };
        match b.by_tier {
            Some((_, ref name)) => {
                let name = name.as_ref().map(|n| n.text.as_str());
                self.tier_clocks(budget, b.start.is_some(), steps, name)
            }
            None => vec![budget],
        }
    }

    /// A point inside procedure `proc` (a budget's own procedure).
    pub(super) fn local_point(
        &mut self,
        file: FileId,
        proc: usize,
        p: &ast::Point,
    ) -> Option<model::Point> {
        if let Some(q) = &p.procedure {
            let own = self.model.procedures.get(proc).map(|x| x.id.as_str());
            let own = own.or_else(|| {
                self.procedures
                    .iter()
                    .find(|(_, v)| v.0 == proc)
                    .map(|(k, _)| k.as_str())
            });
            if own != Some(q.text.as_str()) {
                let known: Vec<String> = own.map(str::to_string).into_iter().collect();
                self.undefined(
                    NameKind::Procedure,
                    q,
                    file,
                    known.iter().map(String::as_str),
                );
                return None;
            }
        }
        let node = self.node_ref(file, proc, &p.target, None)?;
        Some(model::Point {
            procedure: proc,
            node,
            after: p.after,
            outcome: p.outcome.as_ref().map(|o| o.text.clone()),
            loc: Loc { file, span: p.span },
        })
    }

    /// A point in one of `procs` (a service's procedures): qualified, or unique by step name.
    pub fn point_in(
        &mut self,
        file: FileId,
        procs: &[usize],
        p: &ast::Point,
    ) -> Option<model::Point> {
        let proc = match &p.procedure {
            Some(q) => match procs
                .iter()
                .find(|i| self.model.procedures[**i].id == q.text)
            {
                Some(i) => *i,
                None => {
                    let known: Vec<String> = procs
                        .iter()
                        .map(|i| self.model.procedures[*i].id.clone())
                        .collect();
                    self.undefined(
                        NameKind::Procedure,
                        q,
                        file,
                        known.iter().map(String::as_str),
                    );
                    return None;
                }
            },
            None => {
                let having: Vec<usize> = procs
                    .iter()
                    .copied()
                    .filter(|i| {
                        self.nodes
                            .get(*i)
                            .is_some_and(|n| n.contains_key(&p.target.text))
                    })
                    .collect();
                match having.as_slice() {
                    [one] => *one,
                    [] => {
                        let known: Vec<String> = procs
                            .iter()
                            .filter_map(|i| self.nodes.get(*i))
                            .flat_map(|n| n.keys().cloned())
                            .collect();
                        self.undefined(
                            NameKind::StepOrEnd,
                            &p.target,
                            file,
                            known.iter().map(String::as_str),
                        );
                        return None;
                    }
                    many => {
                        let kind = Kind::AmbiguousName {
                            name: p.target.text.clone(),
                            procedures: many
                                .iter()
                                .map(|i| self.model.procedures[*i].id.clone())
                                .collect(),
                        };
                        self.report(Diagnostic::at(kind, file, p.target.span));
                        return None;
                    }
                }
            }
        };
        let local = ast::Point {
            procedure: None,
            ..p.clone()
        };
        self.local_point(file, proc, &local)
    }
}
