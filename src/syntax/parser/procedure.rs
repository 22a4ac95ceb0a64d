//! Procedures: budgets, steps, decisions and ends.

use super::block::{first, keyword_of, kids, P};
use super::convert::Converter;
use super::Rule;
use crate::syntax::ast::{self, Pause, Target};

impl Converter {
    /// `prosedur x "T" { … }`.
    pub fn procedure(&mut self, pair: P<'_>) -> ast::Procedure {
        let kids = kids(pair);
        let mut p = ast::Procedure {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            start: None,
            sop: None,
            budgets: Vec::new(),
            stages: Vec::new(),
            steps: Vec::new(),
            terminals: Vec::new(),
        };
        for item in kids.into_iter().skip(3) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            match item.as_rule() {
                Rule::start_step => {
                    let name = self.name_in(&super::block::kids(item));
                    self.once(&mut p.start, name, phrase, span);
                }
                Rule::sop_identity => {
                    let sop = Box::new(self.sop_identity(super::block::kids(item)));
                    self.once(&mut p.sop, sop, phrase, span);
                }
                Rule::budget => p.budgets.push(self.budget(item)),
                Rule::stage => {
                    let stage = self.stage(item, &mut p.steps);
                    p.stages.push(stage);
                }
                Rule::step => p.steps.push(self.step(item)),
                Rule::terminal => {
                    let k = super::block::kids(item);
                    p.terminals.push(ast::Terminal {
                        name: self.name_in(&k),
                        title: self.text_in(&k),
                    });
                }
                Rule::junk => self.junk(&item, Rule::procedure_line),
                _ => {}
            }
        }
        p
    }

    fn budget(&mut self, pair: P<'_>) -> ast::Budget {
        let span = self.span(&pair);
        let kids = kids(pair);
        let mut b = ast::Budget {
            name: self.name_in(&kids),
            title: first(&kids, Rule::string).map(|p| self.text(&p)),
            duration: self
                .duration_in(&kids)
                .unwrap_or_else(|| empty_duration(span)),
            by_tier: first(&kids, Rule::by_tier).map(|p| {
                let name = first(&super::block::kids(p.clone()), Rule::deadline_name)
                    .map(|n| self.name(&n));
                (self.span(&p), name)
            }),
            start: None,
            stop: None,
            pauses: Vec::new(),
            extension: None,
            escalations: Vec::new(),
        };
        for item in kids {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            let k = super::block::kids(item.clone());
            match rule {
                Rule::budget_start => {
                    if let Some(p) = self.point_in(&k) {
                        self.once(&mut b.start, p, phrase, span);
                    }
                }
                Rule::budget_stop => {
                    if let Some(p) = self.point_in(&k) {
                        self.once(&mut b.stop, p, phrase, span);
                    }
                }
                Rule::budget_pause => match first(&k, Rule::ident) {
                    Some(step) => b.pauses.push(Pause::Step(self.name(&step))),
                    None => b.pauses.push(Pause::Returned(span)),
                },
                Rule::extension => self.extension_item(&k, &mut b.extension, phrase, span),
                Rule::escalation => b.escalations.extend(self.escalation(&item)),
                Rule::junk => self.junk(&item, Rule::budget_line),
                _ => {}
            }
        }
        b
    }

    /// `tahap x "T" [dari a sampai c | di_luar "…"] { waktu …  langkah …  … }`: its steps go
    /// to `steps`, in order.
    fn stage(&mut self, pair: P<'_>, steps: &mut Vec<ast::Step>) -> ast::Stage {
        let span = self.span(&pair);
        let kids = kids(pair);
        let first_step = steps.len();
        let bounds = first(&kids, Rule::stage_bounds).and_then(|b| {
            let names = super::block::kids(b)
                .into_iter()
                .filter(|p| p.as_rule() == Rule::ident)
                .map(|p| self.name(&p))
                .collect::<Vec<_>>();
            let mut names = names.into_iter();
            Some((names.next()?, names.next()?))
        });
        let elsewhere = first(&kids, Rule::stage_elsewhere)
            .and_then(|e| first(&super::block::kids(e), Rule::string))
            .map(|s| self.text(&s));
        let mut st = ast::Stage {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            time: None,
            escalations: Vec::new(),
            steps: first_step..first_step,
            bounds,
            elsewhere,
            pauses: Vec::new(),
            span,
        };
        for item in kids.into_iter().skip(3) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            match item.as_rule() {
                Rule::step_time => {
                    let k = super::block::kids(item.clone());
                    if let Some(t) = self.time_in(&k) {
                        self.once(&mut st.time, t, phrase, span);
                    }
                }
                Rule::escalation => st.escalations.extend(self.escalation(&item)),
                Rule::budget_pause => {
                    let k = super::block::kids(item);
                    match first(&k, Rule::ident) {
                        Some(step) => st.pauses.push(Pause::Step(self.name(&step))),
                        None => st.pauses.push(Pause::Returned(span)),
                    }
                }
                Rule::step => steps.push(self.step(item)),
                Rule::junk => self.junk(&item, Rule::stage_line),
                _ => {}
            }
        }
        st.steps = first_step..steps.len();
        st
    }

    /// A time among `kids`: a duration, or `tidak_diketahui`.
    fn time_in(&self, kids: &[P<'_>]) -> Option<ast::Time> {
        if let Some(u) = first(kids, Rule::kw_unknown) {
            return Some(ast::Time::Unknown(self.span(&u)));
        }
        self.duration_in(kids).map(ast::Time::Known)
    }

    /// `bila berisiko 80% eskalasi ke x` and the like.
    pub fn escalation(&self, pair: &P<'_>) -> Option<ast::Escalation> {
        let span = self.span(pair);
        let kids = kids(pair.clone());
        let trigger = first(&kids, Rule::esc_trigger)?;
        let inner = trigger.into_inner().next()?;
        let trigger = match inner.as_rule() {
            Rule::esc_at_risk => {
                let k = super::block::kids(inner);
                ast::Trigger::AtRisk(first(&k, Rule::int).map(|n| self.int(&n)))
            }
            _ => ast::Trigger::Breached,
        };
        let action = kids.iter().find_map(|k| {
            let names = || {
                super::block::kids(k.clone())
                    .iter()
                    .filter(|p| p.as_rule() == Rule::ident)
                    .map(|p| self.name(p))
                    .collect::<Vec<_>>()
            };
            match k.as_rule() {
                Rule::esc_escalate => names()
                    .into_iter()
                    .next()
                    .map(ast::EscalationAction::Escalate),
                Rule::esc_send => {
                    let mut n = names().into_iter();
                    Some(ast::EscalationAction::Send {
                        kind: n.next()?,
                        to: n.next()?,
                    })
                }
                Rule::esc_deem => names().into_iter().next().map(ast::EscalationAction::Deem),
                _ => None,
            }
        })?;
        Some(ast::Escalation {
            trigger,
            action,
            span,
        })
    }

    fn step(&mut self, pair: P<'_>) -> ast::Step {
        let kids = kids(pair);
        let mut s = ast::Step {
            number: first(&kids, Rule::step_number).map(|p| self.text(&p)),
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            by: Vec::new(),
            inputs: None,
            time: None,
            output: None,
            remarks: None,
            on_day: None,
            when: None,
            otherwise: None,
            next: None,
            next_wait: None,
            decision: None,
            escalations: Vec::new(),
            cut_off: None,
            broken: false,
        };
        for item in kids {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::step_line);
                s.broken = true;
                continue;
            }
            let k = super::block::kids(item.clone());
            match rule {
                Rule::step_by => s.by.extend(self.names_in(&k)),
                Rule::step_inputs => self.once(&mut s.inputs, self.text_list_in(&k), phrase, span),
                Rule::step_time => {
                    if let Some(t) = self.time_in(&k) {
                        self.once(&mut s.time, t, phrase, span);
                    }
                }
                Rule::step_output => self.once(&mut s.output, self.text_list_in(&k), phrase, span),
                Rule::step_remarks => {
                    self.once(&mut s.remarks, self.text_list_in(&k), phrase, span)
                }
                Rule::step_on_day => {
                    if let Some(n) = first(&k, Rule::int) {
                        let n = self.int(&n);
                        self.once(&mut s.on_day, n, phrase, span);
                    }
                }
                Rule::step_when => {
                    if s.when.is_none() {
                        s.otherwise = first(&k, Rule::target).map(|t| self.target(&t));
                    }
                    self.once(&mut s.when, self.text_in(&k), phrase, span);
                }
                Rule::step_next => {
                    if let Some(t) = first(&k, Rule::target) {
                        if s.next.is_none() {
                            s.next_wait = first(&k, Rule::wait)
                                .and_then(|w| self.time_in(&super::block::kids(w)));
                        }
                        let t = self.target(&t);
                        self.once(&mut s.next, t, phrase, span);
                    }
                }
                Rule::escalation => s.escalations.extend(self.escalation(&item)),
                Rule::decision => {
                    let d = self.decision(item);
                    self.once(&mut s.decision, d, phrase, span);
                }
                Rule::step_cut_off => {
                    let cut = ast::CutOff {
                        remark: first(&k, Rule::string).map(|p| self.text(&p)),
                        english: first(&k, Rule::kw_cut_off)
                            .is_some_and(|p| p.as_str() == "cut_off"),
                        span,
                    };
                    self.once(&mut s.cut_off, cut, phrase, span);
                }
                _ => {}
            }
        }
        s
    }

    fn decision(&mut self, pair: P<'_>) -> ast::Decision {
        let kids = kids(pair);
        let span = kids.first().map(|k| self.span(k)).unwrap_or_default();
        let mut d = ast::Decision {
            question: self.text_in(&kids),
            outcomes: Vec::new(),
            span,
        };
        for item in kids {
            match item.as_rule() {
                Rule::outcome => {
                    let k = super::block::kids(item);
                    if let Some(t) = first(&k, Rule::target) {
                        d.outcomes.push(ast::Outcome {
                            name: self.name_in(&k),
                            target: self.target(&t),
                            wait: first(&k, Rule::wait)
                                .and_then(|w| self.time_in(&super::block::kids(w))),
                            output: first(&k, Rule::outcome_output)
                                .map(|o| self.text_list_in(&super::block::kids(o))),
                        });
                    }
                }
                Rule::junk => self.junk(&item, Rule::decision_line),
                _ => {}
            }
        }
        d
    }

    /// A `target`: a step or end, or a return to a role.
    pub fn target(&self, pair: &P<'_>) -> Target {
        let span = self.span(pair);
        let inner = pair.clone().into_inner().next();
        match inner {
            Some(r) if r.as_rule() == Rule::return_target => {
                let names: Vec<_> = r
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::ident)
                    .map(|p| self.name(&p))
                    .collect();
                let mut names = names.into_iter();
                let role = names.next().unwrap_or(ast::Name {
                    text: String::new(),
                    span,
                });
                Target::Return {
                    role,
                    resume: names.next(),
                    span,
                }
            }
            Some(ident) => Target::Go(self.name(&ident)),
            None => Target::Go(ast::Name {
                text: String::new(),
                span,
            }),
        }
    }
}

fn empty_duration(span: crate::source::span::Span) -> ast::Duration {
    ast::Duration {
        at_most: false,
        low: ast::Int {
            value: Some(0),
            span,
        },
        high: None,
        unit: ast::Name {
            text: String::new(),
            span,
        },
        decimal: None,
        full_days: false,
        span,
    }
}
