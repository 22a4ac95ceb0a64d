//! Procedures: steps, ends, flows, budgets and the points clocks hang on.

use super::{texts, Resolver};
use crate::diag::{Diagnostic, Kind, NameKind};
use crate::model::{self, Flow, Node, Owner, Pause};
use crate::source::span::{FileId, Loc};
use crate::syntax::ast::{self, Target};
use std::collections::HashMap;

impl Resolver<'_> {
    /// Resolves a procedure and returns its index in the model.
    pub fn procedure(&mut self, file: FileId, p: &ast::Procedure, owner: Owner) -> Option<usize> {
        let loc = Loc {
            file,
            span: p.name.span,
        };
        if let Some((_, first)) = self.procedures.get(&p.name.text) {
            let first = *first;
            self.duplicate(NameKind::Procedure, &p.name.text, loc, first);
            return None;
        }
        let index = self.model.procedures.len();
        self.procedures.insert(p.name.text.clone(), (index, loc));
        let nodes = self.declare_nodes(file, p);
        self.nodes.push(nodes);
        let ends: Vec<model::End> = p
            .terminals
            .iter()
            .map(|t| model::End {
                id: t.name.text.clone(),
                title: t.title.value.clone(),
                loc: Loc {
                    file,
                    span: t.name.span,
                },
            })
            .collect();
        let steps: Vec<model::Step> = p
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| self.step(file, index, i, p, s, &ends))
            .collect();
        let start = match &p.start {
            Some(name) => self.step_ref(file, index, name),
            None => (!p.steps.is_empty()).then_some(0),
        };
        let mut budgets: Vec<model::Budget> = p
            .budgets
            .iter()
            .filter_map(|b| self.budget(file, index, b, &ends))
            .collect();
        let stages: Vec<model::Stage> = p.stages.iter().map(|st| self.stage(file, st)).collect();
        // A stage with a time, and a step with escalation rules, get a clock of their own:
        // a budget over exactly their steps.
        for (k, (ast_stage, stage)) in p.stages.iter().zip(&stages).enumerate() {
            if let Some(duration) = stage.duration {
                let escalations = self.escalations(file, &ast_stage.escalations, &ends);
                budgets.push(model::Budget {
                    id: stage.id.clone(),
                    title: Some(stage.title.clone()),
                    duration,
                    start: None,
                    stop: None,
                    pauses: vec![Pause::Returned],
                    loc: stage.loc,
                    escalations,
                    scope: model::Scope::Stage(k),
                });
            } else if !ast_stage.escalations.is_empty() {
                let kind = Kind::EscalationWithoutTime {
                    name: stage.id.clone(),
                };
                self.report(Diagnostic::located(kind, stage.loc));
            }
        }
        for (i, (ast_step, step)) in p.steps.iter().zip(&steps).enumerate() {
            let step: &model::Step = step;
            if ast_step.escalations.is_empty() {
                continue;
            }
            match step.duration {
                Some(duration) => budgets.push(model::Budget {
                    id: step.id.clone(),
                    title: Some(step.title.clone()),
                    duration,
                    start: None,
                    stop: None,
                    pauses: Vec::new(),
                    loc: step.loc,
                    escalations: step.escalations.clone(),
                    scope: model::Scope::Step(i),
                }),
                None => {
                    let kind = Kind::EscalationWithoutTime {
                        name: step.id.clone(),
                    };
                    self.report(Diagnostic::located(kind, step.loc));
                }
            }
        }
        self.model.procedures.push(model::Procedure {
            id: p.name.text.clone(),
            title: p.title.value.clone(),
            owner,
            steps,
            ends,
            start,
            budgets,
            stages,
            loc,
        });
        Some(index)
    }

    fn stage(&mut self, file: FileId, st: &ast::Stage) -> model::Stage {
        let (duration, timing) = self.time(file, st.time.as_ref());
        model::Stage {
            id: st.name.text.clone(),
            title: st.title.value.clone(),
            duration,
            timing,
            steps: (!st.steps.is_empty()).then(|| (st.steps.start, st.steps.end - 1)),
            loc: Loc {
                file,
                span: st.name.span,
            },
        }
    }

    /// A time as written: its duration and whether it is known.
    fn time(
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

    fn wait(&mut self, file: FileId, t: Option<&ast::Time>) -> Option<model::Wait> {
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
    fn percent(&mut self, file: FileId, n: &ast::Int) -> Option<u32> {
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

    fn declare_nodes(&mut self, file: FileId, p: &ast::Procedure) -> HashMap<String, Node> {
        let mut nodes: HashMap<String, Node> = HashMap::new();
        let mut first: HashMap<String, Loc> = HashMap::new();
        let named = p
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.name, Node::Step(i), NameKind::Step))
            .chain(
                p.terminals
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (&t.name, Node::End(i), NameKind::End)),
            );
        for (name, node, kind) in named {
            let loc = Loc {
                file,
                span: name.span,
            };
            if let Some(prev) = first.get(&name.text) {
                let prev = *prev;
                self.duplicate(kind, &name.text, loc, prev);
                continue;
            }
            first.insert(name.text.clone(), loc);
            nodes.insert(name.text.clone(), node);
        }
        nodes
    }

    fn step(
        &mut self,
        file: FileId,
        proc: usize,
        i: usize,
        p: &ast::Procedure,
        s: &ast::Step,
        ends: &[model::End],
    ) -> model::Step {
        let roles = self.role_refs(file, &s.by);
        let at = Loc {
            file,
            span: s.name.span,
        };
        if s.by.is_empty() && !s.broken {
            let kind = Kind::MissingPerformer {
                step: s.name.text.clone(),
            };
            self.report(Diagnostic::located(kind, at));
        }
        for (k, name) in s.by.iter().enumerate() {
            if s.by[..k].iter().any(|n| n.text == name.text) {
                let kind = Kind::DuplicatePerformer {
                    step: s.name.text.clone(),
                    role: name.text.clone(),
                };
                self.report(Diagnostic::at(kind, file, name.span));
            }
        }
        let (duration, timing) = self.time(file, s.time.as_ref());
        let on_day = s.on_day.as_ref().and_then(|n| self.count(file, n, 1));
        let number = s
            .number
            .as_ref()
            .map(|n| model::StepNumber::parse(&n.value));
        let flow = match (&s.decision, &s.next) {
            (Some(d), next) => {
                if next.is_some() {
                    let kind = Kind::ConflictingFlow {
                        step: s.name.text.clone(),
                    };
                    self.report(Diagnostic::at(kind, file, s.name.span));
                }
                let outcomes = d
                    .outcomes
                    .iter()
                    .map(|o| model::Outcome {
                        name: o.name.text.clone(),
                        node: self.target(file, proc, i, &o.target),
                        wait: self.wait(file, o.wait.as_ref()),
                        output: texts(&o.output),
                        loc: Loc {
                            file,
                            span: o.name.span,
                        },
                    })
                    .collect();
                Flow::Decision {
                    question: d.question.value.clone(),
                    outcomes,
                    loc: Loc { file, span: d.span },
                }
            }
            (None, Some(t)) => Flow::Next(self.target(file, proc, i, t)),
            (None, None) if i + 1 < p.steps.len() => Flow::Next(Node::Step(i + 1)),
            (None, None) => Flow::Stop,
        };
        // A skipped conditional step goes where it says, else where it would have led
        // without a decision, else to the next step in the table.
        let skip = s.when.as_ref().map(|_| match &s.otherwise {
            Some(t) => self.target(file, proc, i, t),
            None => match &flow {
                Flow::Next(node) => *node,
                _ if i + 1 < p.steps.len() => Node::Step(i + 1),
                _ => Node::Unknown,
            },
        });
        let next_wait = self.wait(file, s.next_wait.as_ref());
        let escalations = self.escalations(file, &s.escalations, ends);
        model::Step {
            id: s.name.text.clone(),
            title: s.title.value.clone(),
            number,
            roles,
            inputs: texts(&s.inputs),
            duration,
            output: texts(&s.output),
            remarks: texts(&s.remarks),
            on_day,
            condition: s.when.as_ref().map(|t| t.value.clone()),
            skip,
            flow,
            timing,
            next_wait,
            escalations,
            broken: s.broken,
            loc: Loc {
                file,
                span: s.name.span,
            },
        }
    }

    fn target(&mut self, file: FileId, proc: usize, here: usize, t: &Target) -> Node {
        match t {
            Target::Go(name) => self.node_ref(file, proc, name).unwrap_or(Node::Unknown),
            Target::Return { role, resume, .. } => {
                let role = self.role_ref(file, role);
                let resume = match resume {
                    Some(name) => match self.step_ref(file, proc, name) {
                        Some(s) => s,
                        None => return Node::Unknown,
                    },
                    None => here,
                };
                Node::Return { role, resume }
            }
        }
    }

    /// Binds a step or end name of procedure `proc`.
    pub fn node_ref(&mut self, file: FileId, proc: usize, name: &ast::Name) -> Option<Node> {
        if let Some(node) = self.nodes.get(proc).and_then(|n| n.get(&name.text)) {
            return Some(*node);
        }
        let known: Vec<String> = self
            .nodes
            .get(proc)
            .map(|n| n.keys().cloned().collect())
            .unwrap_or_default();
        self.undefined(
            NameKind::StepOrEnd,
            name,
            file,
            known.iter().map(String::as_str),
        );
        None
    }

    /// Binds a step name (not an end) of procedure `proc`.
    pub fn step_ref(&mut self, file: FileId, proc: usize, name: &ast::Name) -> Option<usize> {
        let found = self
            .nodes
            .get(proc)
            .and_then(|n| n.get(&name.text))
            .copied();
        if let Some(Node::Step(i)) = found {
            return Some(i);
        }
        let known: Vec<String> = self
            .nodes
            .get(proc)
            .map(|n| {
                n.iter()
                    .filter(|(_, v)| matches!(v, Node::Step(_)))
                    .map(|(k, _)| k.clone())
                    .collect()
            })
            .unwrap_or_default();
        self.undefined(NameKind::Step, name, file, known.iter().map(String::as_str));
        None
    }

    fn budget(
        &mut self,
        file: FileId,
        proc: usize,
        b: &ast::Budget,
        ends: &[model::End],
    ) -> Option<model::Budget> {
        let duration = self.duration(file, &b.duration);
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
                ast::Pause::Step(name) => self.step_ref(file, proc, name).map(Pause::Step),
            })
            .collect();
        let escalations = self.escalations(file, &b.escalations, ends);
        Some(model::Budget {
            id: b.name.text.clone(),
            title: b.title.as_ref().map(|t| t.value.clone()),
            duration: duration?,
            start,
            stop,
            pauses,
            escalations,
            scope: model::Scope::Budget,
            loc: Loc {
                file,
                span: b.name.span,
            },
        })
    }

    /// A point inside procedure `proc` (a budget's own procedure).
    fn local_point(&mut self, file: FileId, proc: usize, p: &ast::Point) -> Option<model::Point> {
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
        let node = self.node_ref(file, proc, &p.target)?;
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
