//! Procedures: steps, ends, flows, budgets and the points clocks hang on.

use super::{texts, Resolver};
use crate::diag::{Diagnostic, Kind, NameKind, Note};
use crate::model::{self, Flow, Node, Owner};
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
        let mut ends: Vec<model::End> = p
            .terminals
            .iter()
            .map(|t| model::End {
                id: t.name.text.clone(),
                title: t.title.value.clone(),
                cut_off: false,
                loc: Loc {
                    file,
                    span: t.name.span,
                },
            })
            .collect();
        // Steps where the published table stops lead to one end of their own, named after
        // the keyword as the first of them writes it.
        if let Some(cut) = p.steps.iter().find_map(|s| s.cut_off.as_ref()) {
            let (id, title) = if cut.english {
                ("cut_off", "The published procedure table ends here")
            } else {
                (
                    "terpotong",
                    "Tabel prosedur yang diterbitkan berakhir di sini",
                )
            };
            ends.push(model::End {
                id: id.to_string(),
                title: title.to_string(),
                cut_off: true,
                loc: Loc {
                    file,
                    span: cut.span,
                },
            });
        }
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
            .flat_map(|b| self.budget(file, index, b, &ends, &steps))
            .collect();
        let stages: Vec<model::Stage> = p
            .stages
            .iter()
            .map(|st| self.stage(file, index, st))
            .collect();
        // A stage with a time, and a step with escalation rules, get a clock of their own:
        // a budget over exactly their steps.
        for (k, (ast_stage, stage)) in p.stages.iter().zip(&stages).enumerate() {
            // Done outside the procedure: no case clock runs there (its rules are still bound,
            // so that a role they name is not reported unused as well).
            if stage.elsewhere.is_some() {
                self.escalations(file, &ast_stage.escalations, &ends);
                continue;
            }
            if let Some(duration) = stage.duration {
                let escalations = self.escalations(file, &ast_stage.escalations, &ends);
                let pauses = self.stage_pauses(file, index, ast_stage);
                budgets.push(model::Budget {
                    id: stage.id.clone(),
                    title: Some(stage.title.clone()),
                    duration,
                    start: None,
                    stop: None,
                    pauses,
                    loc: stage.loc,
                    escalations,
                    scope: model::Scope::Stage(k),
                    extension: None,
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
                    extension: None,
                }),
                None => {
                    let kind = Kind::EscalationWithoutTime {
                        name: step.id.clone(),
                    };
                    self.report(Diagnostic::located(kind, step.loc));
                }
            }
        }
        let sop = p.sop.as_ref().map(|id| self.sop_identity(file, id));
        self.model.procedures.push(model::Procedure {
            id: p.name.text.clone(),
            title: p.title.value.clone(),
            owner,
            steps,
            ends,
            start,
            budgets,
            stages,
            sop,
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
        if let Some(cut) = &s.cut_off {
            // A step where the table stops leads nowhere the source names.
            let flows = s.decision.as_ref().map(|d| d.span);
            if let Some(span) = flows.or_else(|| s.next.as_ref().map(Target::span)) {
                let kind = Kind::CutOffWithFlow {
                    step: s.name.text.clone(),
                };
                let cut = Loc {
                    file,
                    span: cut.span,
                };
                self.report(Diagnostic::at(kind, file, span).with_note(cut, Note::CutOffHere));
            }
        }
        let cut_end = ends.iter().position(|e| e.cut_off);
        let flow = match (&s.decision, &s.next) {
            _ if s.cut_off.is_some() => Flow::Next(cut_end.map_or(Node::Unknown, Node::End)),
            (Some(d), next) => {
                // The `lanjut` is the line added to a step that already decides: report it
                // there, with the decision beside it.
                if let Some(next) = next {
                    let kind = Kind::ConflictingFlow {
                        step: s.name.text.clone(),
                    };
                    let decision = Loc { file, span: d.span };
                    self.report(
                        Diagnostic::at(kind, file, next.span())
                            .with_note(decision, Note::DecisionHere),
                    );
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
            next_loc: s.next.as_ref().map(|t| Loc {
                file,
                span: t.span(),
            }),
            escalations,
            broken: s.broken,
            cut_off: s.cut_off.as_ref().map(|c| model::CutOff {
                remark: c.remark.as_ref().map(|r| r.value.clone()),
                loc: Loc { file, span: c.span },
            }),
            loc: Loc {
                file,
                span: s.name.span,
            },
        }
    }

    fn target(&mut self, file: FileId, proc: usize, here: usize, t: &Target) -> Node {
        match t {
            Target::Go(name) => self
                .node_ref(file, proc, name, Some(here))
                .unwrap_or(Node::Unknown),
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

    /// Binds a step or end name of procedure `proc`, written in step `from` if any (which is
    /// then not suggested for a misspelt name: a step rarely leads to itself, and the
    /// suggestion would make a loop).
    pub fn node_ref(
        &mut self,
        file: FileId,
        proc: usize,
        name: &ast::Name,
        from: Option<usize>,
    ) -> Option<Node> {
        if let Some(node) = self.nodes.get(proc).and_then(|n| n.get(&name.text)) {
            return Some(*node);
        }
        let known: Vec<String> = self
            .nodes
            .get(proc)
            .map(|n| {
                n.iter()
                    .filter(|(_, v)| from.is_none_or(|f| **v != Node::Step(f)))
                    .map(|(k, _)| k.clone())
                    .collect()
            })
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
}
