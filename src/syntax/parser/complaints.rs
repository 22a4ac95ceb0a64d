//! The complaint policy block.

use super::block::{all, first, keyword_of, kids, P};
use super::convert::Converter;
use super::Rule;
use crate::diag::Phrase;
use crate::source::span::Span;
use crate::syntax::ast;

impl Converter {
    /// `pengaduan x "T" { … }`.
    pub fn complaints(&mut self, pair: P<'_>) -> ast::ComplaintPolicy {
        let kids = kids(pair);
        let mut c = ast::ComplaintPolicy {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            channels: Vec::new(),
            facts: Vec::new(),
            replies: Vec::new(),
            tiers: Vec::new(),
            deadline: None,
            deadlines: Vec::new(),
            extension: None,
            handler: Vec::new(),
            handler_unstated: false,
            involved: Vec::new(),
            escalate: Vec::new(),
            book: None,
            report: None,
            procedures: Vec::new(),
        };
        for item in kids.into_iter().skip(3) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::complaints_line);
                continue;
            }
            if rule == Rule::procedure {
                c.procedures.push(self.procedure(item));
                continue;
            }
            let k = super::block::kids(item.clone());
            match rule {
                Rule::channel => c.channels.push(ast::Channel {
                    name: self.name_in(&k),
                    title: self.text_in(&k),
                    reply_only: first(&k, Rule::kw_reply_only).is_some(),
                }),
                Rule::fact => c.facts.push(ast::Fact {
                    name: self.name_in(&k),
                    title: self.text_in(&k),
                    values: self.names_in(&k),
                }),
                Rule::reply => c.replies.push(self.reply(&k, span)),
                Rule::tier => c.tiers.push(self.tier(k)),
                Rule::tier_deadline => {
                    self.deadline_item(&k, (&mut c.deadline, &mut c.deadlines), phrase, span)
                }
                Rule::extension => self.extension_item(&k, &mut c.extension, phrase, span),
                Rule::tier_handler => {
                    c.handler_unstated |= first(&k, Rule::kw_unstated).is_some();
                    c.handler.extend(self.names_in(&k));
                }
                Rule::tier_involved => c.involved.extend(self.names_in(&k)),
                Rule::tier_escalate => c.escalate.extend(self.names_in(&k)),
                Rule::book => {
                    let book = self.book(k);
                    self.once(&mut c.book, book, phrase, span);
                }
                Rule::report => {
                    let report = self.report(k);
                    self.once(&mut c.report, report, phrase, span);
                }
                _ => {}
            }
        }
        c
    }

    fn reply(&self, k: &[P<'_>], span: crate::source::span::Span) -> ast::Reply {
        let conditions = all(k, Rule::condition)
            .into_iter()
            .filter_map(|c| {
                let mut names = c.into_inner().filter(|p| p.as_rule() == Rule::ident);
                Some((self.name(&names.next()?), self.name(&names.next()?)))
            })
            .collect();
        ast::Reply {
            channel: self.name_in(k),
            conditions,
            via: self.names_in(k),
            unstated: first(k, Rule::kw_unstated).is_some(),
            span,
        }
    }

    fn tier(&mut self, kids: Vec<P<'_>>) -> ast::Tier {
        let mut t = ast::Tier {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            handler: Vec::new(),
            handler_unstated: false,
            involved: Vec::new(),
            escalate: Vec::new(),
            deadline: None,
            deadlines: Vec::new(),
            extension: None,
            remarks: None,
            escalations: Vec::new(),
        };
        for item in kids.into_iter().skip(3) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::tier_line);
                continue;
            }
            if rule == Rule::escalation {
                t.escalations.extend(self.escalation(&item));
                continue;
            }
            let k = super::block::kids(item);
            match rule {
                Rule::tier_handler => {
                    t.handler_unstated |= first(&k, Rule::kw_unstated).is_some();
                    t.handler.extend(self.names_in(&k));
                }
                Rule::tier_involved => t.involved.extend(self.names_in(&k)),
                Rule::tier_escalate => t.escalate.extend(self.names_in(&k)),
                Rule::tier_deadline => {
                    self.deadline_item(&k, (&mut t.deadline, &mut t.deadlines), phrase, span)
                }
                Rule::extension => self.extension_item(&k, &mut t.extension, phrase, span),
                Rule::step_remarks => {
                    self.once(&mut t.remarks, self.text_list_in(&k), phrase, span)
                }
                _ => {}
            }
        }
        t
    }

    /// `tenggat …` on a policy or a tier: the unnamed deadline once, named ones in order.
    fn deadline_item(
        &mut self,
        k: &[P<'_>],
        (deadline, named): (&mut Option<ast::Duration>, &mut Vec<ast::NamedDeadline>),
        phrase: Phrase,
        span: Span,
    ) {
        match self.named_deadline(k) {
            Some(d) => named.push(d),
            None => {
                if let Some(d) = self.duration_in(k) {
                    self.once(deadline, d, phrase, span);
                }
            }
        }
    }

    /// `perpanjangan 7 hari kerja "…"` on a policy, a tier or a budget, once.
    pub(super) fn extension_item(
        &mut self,
        k: &[P<'_>],
        extension: &mut Option<(ast::Duration, Option<ast::Text>)>,
        phrase: Phrase,
        span: Span,
    ) {
        if let Some(d) = self.duration_in(k) {
            let reason = first(k, Rule::string).map(|s| self.text(&s));
            self.once(extension, (d, reason), phrase, span);
        }
    }

    /// `tenggat respon 3 hari "…"`: a deadline with a name; `None` for the unnamed one.
    fn named_deadline(&self, k: &[P<'_>]) -> Option<ast::NamedDeadline> {
        let name = first(k, Rule::ident)?;
        Some(ast::NamedDeadline {
            name: self.name(&name),
            duration: self.duration_in(k)?,
            remark: first(k, Rule::string).map(|s| self.text(&s)),
        })
    }

    fn book(&mut self, kids: Vec<P<'_>>) -> ast::Book {
        let mut b = ast::Book {
            title: self.text_in(&kids),
            by: Vec::new(),
            fields: Vec::new(),
        };
        for item in kids.into_iter().skip(2) {
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::book_line);
                continue;
            }
            let k = super::block::kids(item);
            match rule {
                Rule::step_by => b.by.extend(self.names_in(&k)),
                Rule::book_field => b.fields.push((self.name_in(&k), self.text_in(&k))),
                _ => {}
            }
        }
        b
    }

    fn report(&mut self, kids: Vec<P<'_>>) -> ast::Report {
        let mut r = ast::Report {
            title: self.text_in(&kids),
            period: None,
            procedure: None,
        };
        for item in kids.into_iter().skip(2) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::report_line);
                continue;
            }
            let name = first(&super::block::kids(item), Rule::ident).map(|p| self.name(&p));
            let Some(name) = name else { continue };
            match rule {
                Rule::report_period => self.once(&mut r.period, name, phrase, span),
                Rule::report_procedure => self.once(&mut r.procedure, name, phrase, span),
                _ => {}
            }
        }
        r
    }
}
