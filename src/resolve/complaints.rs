//! Complaint policies: channels, facts, reply rules, tiers, the book and the report.

use super::{texts, Resolver};
use crate::diag::{did_you_mean, Diagnostic, Kind, NameKind, ValueKind};
use crate::model::{self, Owner};
use crate::source::span::{FileId, Loc};
use crate::syntax::ast;
use std::collections::HashMap;

/// Report periods in both languages.
pub const PERIODS: &[&str] = &[
    "harian",
    "mingguan",
    "bulanan",
    "triwulanan",
    "semesteran",
    "tahunan",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "half_yearly",
    "yearly",
];

impl Resolver<'_> {
    /// Resolves a complaint policy with its procedures.
    pub fn complaint_policy(&mut self, file: FileId, c: &ast::ComplaintPolicy) {
        let loc = Loc {
            file,
            span: c.name.span,
        };
        if let Some((_, first)) = self.policies.get(&c.name.text) {
            let first = *first;
            self.duplicate(NameKind::Complaints, &c.name.text, loc, first);
            return;
        }
        let index = self.model.complaints.len();
        self.policies.insert(c.name.text.clone(), (index, loc));
        let channels = self.channels(file, &c.channels);
        let channel_ids: HashMap<String, usize> = channels
            .iter()
            .enumerate()
            .map(|(i, ch)| (ch.id.clone(), i))
            .collect();
        let facts = self.facts(file, &c.facts);
        let replies = c
            .replies
            .iter()
            .filter_map(|r| self.reply(file, r, &channel_ids, &facts))
            .collect();
        let extension = c.extension.as_ref().and_then(|(d, reason)| {
            Some(model::Extension {
                duration: self.duration(file, d)?,
                reason: reason.as_ref().map(|r| r.value.clone()),
            })
        });
        let deadline = c.deadline.as_ref().and_then(|d| self.duration(file, d));
        let deadlines = self.named_deadlines(file, &c.deadlines);
        let own = model::Tier {
            id: c.name.text.clone(),
            title: c.title.value.clone(),
            handler: Vec::new(),
            handler_unstated: false,
            involved: Vec::new(),
            escalate: Vec::new(),
            deadline,
            deadlines: deadlines.clone(),
            extension: extension.clone(),
            remarks: Vec::new(),
            escalations: Vec::new(),
            loc,
        };
        let tiers = self.tiers(file, &c.tiers, &own);
        let handler = self.role_refs(file, &c.handler);
        let involved = self.role_refs(file, &c.involved);
        let escalate = self.role_refs(file, &c.escalate);
        let book = c.book.as_ref().map(|b| model::Book {
            title: b.title.value.clone(),
            by: self.role_refs(file, &b.by),
            fields: b
                .fields
                .iter()
                .map(|(n, t)| (n.text.clone(), t.value.clone()))
                .collect(),
        });
        self.tiers = Some(tiers.clone());
        self.policy_deadlines = Some(own);
        let procedures: Vec<usize> = c
            .procedures
            .iter()
            .filter_map(|p| self.procedure(file, p, Owner::Complaints(index)))
            .collect();
        self.tiers = None;
        self.policy_deadlines = None;
        let report = c
            .report
            .as_ref()
            .map(|r| self.report_of(file, r, &procedures));
        self.model.complaints.push(model::ComplaintPolicy {
            id: c.name.text.clone(),
            title: c.title.value.clone(),
            channels,
            facts,
            replies,
            tiers,
            deadline,
            deadlines,
            extension,
            handler,
            handler_unstated: c.handler_unstated,
            involved,
            escalate,
            book,
            report,
            procedures,
            loc,
        });
    }

    /// The place of `name` when it is the first of its kind in `seen`; a later one is
    /// reported as a duplicate of the first, and `None`.
    fn first_of<'n>(
        &mut self,
        seen: &mut HashMap<&'n str, Loc>,
        kind: NameKind,
        name: &'n ast::Name,
        file: FileId,
    ) -> Option<Loc> {
        let loc = Loc {
            file,
            span: name.span,
        };
        if let Some(first) = seen.get(name.text.as_str()) {
            self.duplicate(kind, &name.text, loc, *first);
            return None;
        }
        seen.insert(&name.text, loc);
        Some(loc)
    }

    /// Named deadlines, each name once.
    fn named_deadlines(
        &mut self,
        file: FileId,
        written: &[ast::NamedDeadline],
    ) -> Vec<model::NamedDeadline> {
        let mut out: Vec<model::NamedDeadline> = Vec::new();
        let mut seen: HashMap<&str, Loc> = HashMap::new();
        for d in written {
            if self
                .first_of(&mut seen, NameKind::Deadline, &d.name, file)
                .is_none()
            {
                continue;
            }
            let Some(duration) = self.duration(file, &d.duration) else {
                continue;
            };
            out.push(model::NamedDeadline {
                id: d.name.text.clone(),
                duration,
                remark: d.remark.as_ref().map(|r| r.value.clone()),
            });
        }
        out
    }

    fn channels(&mut self, file: FileId, channels: &[ast::Channel]) -> Vec<model::Channel> {
        let mut out: Vec<model::Channel> = Vec::new();
        let mut seen: HashMap<&str, Loc> = HashMap::new();
        for ast::Channel {
            name,
            title,
            reply_only,
        } in channels
        {
            let Some(loc) = self.first_of(&mut seen, NameKind::Channel, name, file) else {
                continue;
            };
            out.push(model::Channel {
                id: name.text.clone(),
                title: title.value.clone(),
                reply_only: *reply_only,
                loc,
            });
        }
        out
    }

    fn facts(&mut self, file: FileId, facts: &[ast::Fact]) -> Vec<model::Fact> {
        let mut out: Vec<model::Fact> = Vec::new();
        let mut seen: HashMap<&str, Loc> = HashMap::new();
        for f in facts {
            let Some(loc) = self.first_of(&mut seen, NameKind::Fact, &f.name, file) else {
                continue;
            };
            out.push(model::Fact {
                id: f.name.text.clone(),
                title: f.title.value.clone(),
                values: f.values.iter().map(|v| v.text.clone()).collect(),
                loc,
            });
        }
        out
    }

    fn reply(
        &mut self,
        file: FileId,
        r: &ast::Reply,
        channels: &HashMap<String, usize>,
        facts: &[model::Fact],
    ) -> Option<model::ReplyRule> {
        let channel = self.channel_ref(file, &r.channel, channels);
        let via: Vec<usize> = r
            .via
            .iter()
            .filter_map(|v| self.channel_ref(file, v, channels))
            .collect();
        let mut conditions = Vec::new();
        for (fact, value) in &r.conditions {
            let Some(fi) = facts.iter().position(|f| f.id == fact.text) else {
                self.undefined(
                    NameKind::Fact,
                    fact,
                    file,
                    facts.iter().map(|f| f.id.as_str()),
                );
                continue;
            };
            if !facts[fi].values.contains(&value.text) {
                let kind = Kind::UnknownValue {
                    kind: ValueKind::FactValue,
                    value: value.text.clone(),
                    suggestion: did_you_mean(
                        &value.text,
                        facts[fi].values.iter().map(String::as_str),
                    ),
                };
                self.report(Diagnostic::at(kind, file, value.span));
                continue;
            }
            conditions.push((fi, value.text.clone()));
        }
        Some(model::ReplyRule {
            channel: channel?,
            conditions,
            via,
            unstated: r.unstated,
            loc: Loc { file, span: r.span },
        })
    }

    fn channel_ref(
        &mut self,
        file: FileId,
        name: &ast::Name,
        channels: &HashMap<String, usize>,
    ) -> Option<usize> {
        if let Some(i) = channels.get(&name.text) {
            return Some(*i);
        }
        let mut known: Vec<&str> = channels.keys().map(String::as_str).collect();
        known.sort_unstable();
        self.undefined(NameKind::Channel, name, file, known);
        None
    }

    /// The tiers; what a tier does not write of the deadlines and extension, the policy's
    /// (`policy`) gives.
    fn tiers(
        &mut self,
        file: FileId,
        tiers: &[ast::Tier],
        policy: &model::Tier,
    ) -> Vec<model::Tier> {
        let mut out: Vec<model::Tier> = Vec::new();
        let mut seen: HashMap<&str, Loc> = HashMap::new();
        for t in tiers {
            let Some(loc) = self.first_of(&mut seen, NameKind::Tier, &t.name, file) else {
                continue;
            };
            let tier = model::Tier {
                id: t.name.text.clone(),
                title: t.title.value.clone(),
                handler: self.role_refs(file, &t.handler),
                handler_unstated: t.handler_unstated,
                involved: self.role_refs(file, &t.involved),
                escalate: self.role_refs(file, &t.escalate),
                deadline: match &t.deadline {
                    Some(d) => self.duration(file, d),
                    None => policy.deadline,
                },
                // Its own; the policy's, which it also has, are looked up there (copying
                // them into every tier would grow with tiers × deadlines).
                deadlines: self.named_deadlines(file, &t.deadlines),
                extension: match &t.extension {
                    Some((d, reason)) => self.duration(file, d).map(|duration| model::Extension {
                        duration,
                        reason: reason.as_ref().map(|r| r.value.clone()),
                    }),
                    None => policy.extension.clone(),
                },
                remarks: texts(&t.remarks),
                escalations: self.escalations(file, &t.escalations, &[]),
                loc,
            };
            out.push(tier);
        }
        out
    }

    fn report_of(&mut self, file: FileId, r: &ast::Report, procedures: &[usize]) -> model::Report {
        if let Some(period) = &r.period {
            if !PERIODS.contains(&period.text.as_str()) {
                let kind = Kind::UnknownValue {
                    kind: ValueKind::ReportPeriod,
                    value: period.text.clone(),
                    suggestion: did_you_mean(&period.text, PERIODS.iter().copied()),
                };
                self.report(Diagnostic::at(kind, file, period.span));
            }
        }
        let procedure = r.procedure.as_ref().and_then(|name| {
            let found = procedures
                .iter()
                .copied()
                .find(|i| self.model.procedures[*i].id == name.text);
            if found.is_none() {
                let known: Vec<String> = procedures
                    .iter()
                    .map(|i| self.model.procedures[*i].id.clone())
                    .collect();
                self.undefined(
                    NameKind::Procedure,
                    name,
                    file,
                    known.iter().map(String::as_str),
                );
            }
            found
        });
        model::Report {
            title: r.title.value.clone(),
            period: r.period.as_ref().map(|p| p.text.clone()),
            procedure,
        }
    }
}
