//! Procedures: steps, ends, flows, budgets and the points clocks hang on.

use super::{texts, Resolver};
use crate::ast::{self, Target};
use crate::diag::{Diagnostic, Kind, NameKind};
use crate::model::{self, Flow, Node, Owner, Pause};
use crate::span::{FileId, Loc};
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
        let steps = p
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| self.step(file, index, i, p, s))
            .collect();
        let ends = p
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
        let start = match &p.start {
            Some(name) => self.step_ref(file, index, name),
            None => (!p.steps.is_empty()).then_some(0),
        };
        let budgets = p
            .budgets
            .iter()
            .filter_map(|b| self.budget(file, index, b))
            .collect();
        self.model.procedures.push(model::Procedure {
            id: p.name.text.clone(),
            title: p.title.value.clone(),
            owner,
            steps,
            ends,
            start,
            budgets,
            loc,
        });
        Some(index)
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
    ) -> model::Step {
        let roles = self.role_refs(file, &s.by);
        let duration = s.time.as_ref().and_then(|d| self.duration(file, d));
        let on_day = s.on_day.as_ref().and_then(|n| self.count(file, n, 1));
        let number = s.number.as_ref().and_then(|n| self.count(file, n, 0));
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
                    .map(|o| {
                        let node = self.target(file, proc, i, &o.target);
                        let loc = Loc {
                            file,
                            span: o.name.span,
                        };
                        (o.name.text.clone(), node, loc)
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
            flow,
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

    fn budget(&mut self, file: FileId, proc: usize, b: &ast::Budget) -> Option<model::Budget> {
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
        Some(model::Budget {
            id: b.name.text.clone(),
            title: b.title.as_ref().map(|t| t.value.clone()),
            duration: duration?,
            start,
            stop,
            pauses,
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
