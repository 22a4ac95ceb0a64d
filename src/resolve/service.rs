//! Services: references, the 14 components, staffing, obligations, evaluation.

use super::{texts, Resolver};
use crate::diag::{did_you_mean, Diagnostic, Kind, NameKind, Phrase, ValueKind};
use crate::model::{self, Count, Owner};
use crate::source::span::{FileId, Loc};
use crate::syntax::ast;

/// Survey frequencies in both languages.
pub const FREQUENCIES: &[&str] = &[
    "tahunan",
    "semesteran",
    "triwulanan",
    "bulanan",
    "yearly",
    "half_yearly",
    "quarterly",
    "monthly",
];

/// Grades, best first, in both languages and as letters.
pub const GRADES: &[&str] = &[
    "sangat_baik",
    "baik",
    "kurang_baik",
    "tidak_baik",
    "very_good",
    "good",
    "poor",
    "very_poor",
    "A",
    "B",
    "C",
    "D",
];

impl Resolver<'_> {
    /// Resolves a service with its procedures.
    pub fn service(&mut self, file: FileId, s: &ast::Service) {
        let index = self.model.services.len();
        let loc = s.name.as_ref().map(|n| Loc { file, span: n.span });
        if let (Some(name), Some(loc)) = (&s.name, loc) {
            if let Some(first) = self
                .model
                .services
                .iter()
                .find(|x| x.id == name.text)
                .and_then(|x| x.loc)
            {
                self.duplicate(NameKind::Service, &name.text, loc, first);
                return;
            }
        }
        if let Some(loc) = loc {
            self.required(s, loc);
        }
        let procedures: Vec<usize> = s
            .procedures
            .iter()
            .filter_map(|p| self.procedure(file, p, Owner::Service(index)))
            .collect();
        let agency = s.agency.as_ref().and_then(|a| self.agency_ref(file, a));
        let own = s
            .calendar
            .as_ref()
            .map(|c| (c.text.clone(), Loc { file, span: c.span }));
        let inherited = agency.and_then(|a| {
            let a = &self.model.agencies[a];
            a.calendar.clone().zip(a.calendar_loc)
        });
        let (calendar, calendar_loc) = own.or(inherited).unzip();
        let complaints = s.complaints.as_ref().and_then(|c| self.policy_ref(file, c));
        let mut svc = model::Service {
            id: s.name.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
            title: s
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            agency,
            version: s.version.as_ref().map(|v| v.value.clone()),
            effective: s.effective.as_ref().and_then(|d| self.date(file, d)),
            calendar,
            calendar_loc,
            sop: s.sop.as_ref().map(|id| self.sop_identity(file, id)),
            components: components(s),
            requirements: texts(&s.requirements),
            fee: s.fee.as_ref().map(|f| {
                // A fee is a whole number of rupiah, not negative, that fits: never dropped
                // silently.
                let amount = f.amount.as_ref().and_then(|a| match a.value {
                    Some(v) if v >= 0 => Some(v),
                    _ => {
                        let text = self.slice(file, a.span);
                        let kind = Kind::InvalidNumber { text };
                        self.report(Diagnostic::at(kind, file, a.span));
                        None
                    }
                });
                (amount, f.text.value.clone())
            }),
            product: texts(&s.product),
            complaints,
            legal_basis: texts(&s.legal_basis),
            facilities: texts(&s.facilities),
            supervision: texts(&s.supervision),
            security: texts(&s.security),
            procedures: procedures.clone(),
            loc,
            ..model::Service::default()
        };
        for c in &s.competencies {
            self.roles_or_group(file, &c.subject);
            let items = c.items.items.iter().map(|t| t.value.clone()).collect();
            svc.competencies.push((c.subject.text.clone(), items));
        }
        if let Some(st) = &s.staffing {
            svc.staffing = st
                .entries
                .iter()
                .filter_map(|e| self.staff_entry(file, e))
                .collect();
            svc.staffing_loc = Some(Loc {
                file,
                span: st.span,
            });
        }
        if let Some(g) = &s.guarantees {
            svc.guarantees = g.texts.iter().map(|t| t.value.clone()).collect();
            svc.obligations = g
                .obligations
                .iter()
                .map(|o| self.obligation(file, &procedures, o))
                .collect();
        }
        if let Some(e) = &s.evaluation {
            self.evaluation(file, e, &mut svc);
        }
        self.model.services.push(svc);
    }

    fn required(&mut self, s: &ast::Service, loc: Loc) {
        let items = [(s.agency.is_some(), Phrase::Keyword("instansi", "agency"))];
        self.require(&items, NameKind::Service, loc);
        // Reported on its own, so a standard published without one can allow just this.
        if s.version.is_none() {
            let kind = Kind::MissingVersion {
                service: s.name.as_ref().map_or_else(String::new, |n| n.text.clone()),
            };
            self.report(Diagnostic::located(kind, loc));
        }
    }

    /// Reports each item that is not present as missing from `within`.
    fn require(&mut self, items: &[(bool, Phrase)], within: NameKind, loc: Loc) {
        for (present, item) in items {
            if !present {
                let kind = Kind::MissingItem {
                    item: *item,
                    within,
                };
                self.report(Diagnostic::located(kind, loc));
            }
        }
    }

    fn agency_ref(&mut self, file: FileId, name: &ast::Name) -> Option<usize> {
        if let Some((i, _)) = self.agencies.get(&name.text) {
            return Some(*i);
        }
        let known: Vec<String> = self.agencies.keys().cloned().collect();
        self.undefined(
            NameKind::Agency,
            name,
            file,
            known.iter().map(String::as_str),
        );
        None
    }

    fn policy_ref(&mut self, file: FileId, name: &ast::Name) -> Option<usize> {
        if let Some((i, _)) = self.policies.get(&name.text) {
            return Some(*i);
        }
        let known: Vec<String> = self.policies.keys().cloned().collect();
        self.undefined(
            NameKind::Complaints,
            name,
            file,
            known.iter().map(String::as_str),
        );
        None
    }

    fn staff_entry(&mut self, file: FileId, e: &ast::StaffEntry) -> Option<model::StaffEntry> {
        let roles = self.roles_or_group(file, &e.subject)?;
        // An invalid count is reported here and then read as "as needed", so the staffing
        // check does not report the same entry a second time.
        let count = match &e.count {
            Some(n) => self
                .count(file, n, 0)
                .map_or(Count::AsNeeded, Count::People),
            None => Count::AsNeeded,
        };
        Some(model::StaffEntry {
            subject: e.subject.text.clone(),
            roles,
            count,
        })
    }

    fn obligation(
        &mut self,
        file: FileId,
        procs: &[usize],
        o: &ast::Obligation,
    ) -> model::Obligation {
        let loc = Loc {
            file,
            span: o.name.span,
        };
        let items = [
            (o.trigger.is_some(), Phrase::Keyword("pemicu", "trigger")),
            (o.send.is_some(), Phrase::Keyword("kirim", "send")),
        ];
        self.require(&items, NameKind::Obligation, loc);
        let (action, to) = match &o.send {
            Some((kind, to)) => (Some(kind.text.clone()), self.role_ref(file, to)),
            None => (None, None),
        };
        model::Obligation {
            id: o.name.text.clone(),
            title: o.title.value.clone(),
            trigger: o
                .trigger
                .as_ref()
                .and_then(|p| self.point_in(file, procs, p)),
            delay: o.delay.as_ref().and_then(|d| self.duration(file, d)),
            cancel: o
                .cancel
                .as_ref()
                .and_then(|p| self.point_in(file, procs, p)),
            action,
            to,
            by: self.role_refs(file, &o.by),
            loc,
        }
    }

    fn evaluation(&mut self, file: FileId, e: &ast::Evaluation, svc: &mut model::Service) {
        if let Some(f) = &e.survey {
            if self.one_of(file, f, ValueKind::SurveyFrequency, FREQUENCIES) {
                svc.survey = Some(f.text.clone());
            }
        }
        if let Some((grade, text)) = &e.follow_up {
            if self.one_of(file, grade, ValueKind::Grade, GRADES) {
                svc.follow_up = Some((grade.text.clone(), text.value.clone()));
            }
        }
        svc.evaluation = e.texts.iter().map(|t| t.value.clone()).collect();
    }

    fn one_of(
        &mut self,
        file: FileId,
        name: &ast::Name,
        kind: ValueKind,
        allowed: &[&str],
    ) -> bool {
        if allowed.contains(&name.text.as_str()) {
            return true;
        }
        let kind = Kind::UnknownValue {
            kind,
            value: name.text.clone(),
            suggestion: did_you_mean(&name.text, allowed.iter().copied()),
        };
        self.report(Diagnostic::at(kind, file, name.span));
        false
    }
}

/// Which of the 14 components the service writes.
fn components(s: &ast::Service) -> [bool; 14] {
    [
        s.requirements.is_some(),
        !s.procedures.is_empty(),
        // A time budget, or stages with their own time (how PP 28/2025 licences publish it).
        s.procedures.iter().any(|p| {
            !p.budgets.is_empty()
                || p.stages
                    .iter()
                    .any(|st| matches!(st.time, Some(ast::Time::Known(_))))
        }),
        s.fee.is_some(),
        s.product.is_some(),
        s.complaints.is_some(),
        s.legal_basis.is_some(),
        s.facilities.is_some(),
        !s.competencies.is_empty(),
        s.supervision.is_some(),
        s.staffing.is_some(),
        s.guarantees.is_some(),
        s.security.is_some(),
        s.evaluation.is_some(),
    ]
}
