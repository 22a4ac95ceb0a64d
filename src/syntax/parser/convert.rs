//! The file, its top-level items and the service block.

use super::block::{all, first, keyword_of, kids, P};
use super::Rule;
use crate::diag::Diagnostic;
use crate::source::span::FileId;
use crate::syntax::ast::{self, Item, RoleKind, Service};

/// Walks the pest tree of one file and builds the AST.
pub struct Converter {
    /// The file being read.
    pub file: FileId,
    /// Problems found while converting (junk lines, repeated items).
    pub diags: Vec<Diagnostic>,
    /// Junk lines reported so far.
    pub junk_lines: usize,
    /// Where the first unreported junk line starts, and how many were not reported.
    pub unreported: Option<(usize, usize)>,
}

impl Converter {
    /// A converter for `file`.
    pub fn new(file: FileId) -> Self {
        Converter {
            file,
            diags: Vec::new(),
            junk_lines: 0,
            unreported: None,
        }
    }

    /// The whole file.
    pub fn file(&mut self, root: P<'_>) -> ast::File {
        let english = is_english(&root);
        let mut items = Vec::new();
        for pair in root.into_inner() {
            match pair.as_rule() {
                Rule::include => items.push(Item::Include(self.text_in(&kids(pair)))),
                Rule::agency => items.push(Item::Agency(self.agency(pair))),
                Rule::role => items.push(Item::Role(self.role(pair))),
                Rule::group => items.push(Item::Group(self.group(pair))),
                Rule::complaints => items.push(Item::Complaints(Box::new(self.complaints(pair)))),
                Rule::procedure => items.push(Item::Procedure(self.procedure(pair))),
                Rule::service => items.push(Item::Service(Box::new(self.service(pair)))),
                Rule::junk => self.junk(&pair, Rule::top_line),
                _ => {}
            }
        }
        if let Some((at, more)) = self.unreported {
            let span = crate::source::span::Span::new(at, at);
            let kind = crate::diag::Kind::TooManyErrors { more };
            self.diags.push(Diagnostic::at(kind, self.file, span));
        }
        ast::File { items, english }
    }

    /// `peran x "T" internal`.
    pub fn role(&self, pair: P<'_>) -> ast::Role {
        let kids = kids(pair);
        let external = first(&kids, Rule::role_kind)
            .and_then(|k| k.into_inner().next())
            .is_some_and(|k| k.as_rule() == Rule::kw_external);
        ast::Role {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            kind: if external {
                RoleKind::External
            } else {
                RoleKind::Internal
            },
        }
    }

    /// `kelompok x "T" { a, b }`.
    pub fn group(&self, pair: P<'_>) -> ast::Group {
        let kids = kids(pair);
        ast::Group {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            members: self.names_in(&kids),
        }
    }

    fn agency(&mut self, pair: P<'_>) -> ast::Agency {
        let kids = kids(pair);
        let mut agency = ast::Agency {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            address: None,
            calendar: None,
        };
        for item in kids.into_iter().skip(3) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            match item.as_rule() {
                Rule::address => {
                    let value = self.text_in(&super::block::kids(item));
                    self.once(&mut agency.address, value, phrase, span);
                }
                Rule::calendar_ref => {
                    let value = self.name_in(&super::block::kids(item));
                    self.once(&mut agency.calendar, value, phrase, span);
                }
                Rule::junk => self.junk(&item, Rule::agency_line),
                _ => {}
            }
        }
        agency
    }

    fn service(&mut self, pair: P<'_>) -> Service {
        let kids = kids(pair);
        let mut s = Service {
            name: first(&kids, Rule::ident).map(|p| self.name(&p)),
            title: first(&kids, Rule::string).map(|p| self.text(&p)),
            ..Service::default()
        };
        if let (Some(k), Some(n)) = (kids.first(), kids.get(1)) {
            s.head = crate::source::span::Span::new(k.as_span().start(), n.as_span().end());
        }
        for item in kids.into_iter().skip(3) {
            self.service_item(&mut s, item);
        }
        s
    }

    fn service_item(&mut self, s: &mut Service, item: P<'_>) {
        let span = self.span(&item);
        let phrase = keyword_of(&item);
        let rule = item.as_rule();
        if rule == Rule::junk {
            self.junk(&item, Rule::service_line);
            return;
        }
        let k = kids(item.clone());
        match rule {
            Rule::agency_ref => self.once(&mut s.agency, self.name_in(&k), phrase, span),
            Rule::version => self.once(&mut s.version, self.text_in(&k), phrase, span),
            Rule::effective => {
                if let Some(d) = self.date_in(&k) {
                    self.once(&mut s.effective, d, phrase, span);
                }
            }
            Rule::calendar_ref => self.once(&mut s.calendar, self.name_in(&k), phrase, span),
            Rule::sop_identity => {
                let sop = self.sop_identity(k);
                self.once(&mut s.sop, sop, phrase, span);
            }
            Rule::requirements => {
                self.once(&mut s.requirements, self.text_list_in(&k), phrase, span)
            }
            Rule::fee => {
                let fee = ast::Fee {
                    amount: first(&k, Rule::money).map(|p| self.money(&p)),
                    text: self.text_in(&k),
                };
                self.once(&mut s.fee, fee, phrase, span);
            }
            Rule::product => self.once(&mut s.product, self.text_list_in(&k), phrase, span),
            Rule::complaints_ref => self.once(&mut s.complaints, self.name_in(&k), phrase, span),
            Rule::legal_basis => self.once(&mut s.legal_basis, self.text_list_in(&k), phrase, span),
            Rule::facilities => self.once(&mut s.facilities, self.text_list_in(&k), phrase, span),
            Rule::competency => s.competencies.push(ast::Competency {
                subject: self.name_in(&k),
                items: self.text_list_in(&k),
            }),
            Rule::supervision => self.once(&mut s.supervision, self.text_list_in(&k), phrase, span),
            Rule::staffing => {
                let staffing = self.staffing(k, span);
                self.once(&mut s.staffing, staffing, phrase, span);
            }
            Rule::guarantees => {
                let g = self.guarantees(k);
                self.once(&mut s.guarantees, g, phrase, span);
            }
            Rule::security => self.once(&mut s.security, self.text_list_in(&k), phrase, span),
            Rule::evaluation => {
                let e = self.evaluation(k);
                self.once(&mut s.evaluation, e, phrase, span);
            }
            Rule::role => s.roles.push(self.role(item)),
            Rule::group => s.groups.push(self.group(item)),
            Rule::procedure => s.procedures.push(self.procedure(item)),
            _ => {}
        }
    }

    pub(super) fn sop_identity(&mut self, kids: Vec<P<'_>>) -> ast::SopIdentity {
        let mut id = ast::SopIdentity::default();
        for item in kids {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::sop_line);
                continue;
            }
            let k = super::block::kids(item);
            match rule {
                Rule::sop_number => self.once(&mut id.number, self.text_in(&k), phrase, span),
                Rule::sop_made | Rule::sop_revised | Rule::sop_in_force => {
                    let Some(d) = self.date_in(&k) else { continue };
                    let slot = match rule {
                        Rule::sop_made => &mut id.made,
                        Rule::sop_revised => &mut id.revised,
                        _ => &mut id.in_force,
                    };
                    self.once(slot, d, phrase, span);
                }
                Rule::sop_approved => {
                    let texts = all(&k, Rule::string);
                    let approval = ast::Approval {
                        title: self.text_in(&k),
                        name: texts.get(1).map(|p| self.text(p)),
                        nip: texts.get(2).map(|p| self.text(p)),
                    };
                    self.once(&mut id.approved, approval, phrase, span);
                }
                Rule::sop_legal => {
                    self.once(&mut id.legal_basis, self.text_list_in(&k), phrase, span)
                }
                Rule::sop_related => {
                    self.once(&mut id.related, self.text_list_in(&k), phrase, span)
                }
                Rule::sop_equipment => {
                    self.once(&mut id.equipment, self.text_list_in(&k), phrase, span)
                }
                Rule::sop_warnings => {
                    self.once(&mut id.warnings, self.text_list_in(&k), phrase, span)
                }
                Rule::sop_recording => {
                    self.once(&mut id.recording, self.text_list_in(&k), phrase, span)
                }
                Rule::sop_qualification => {
                    self.once(&mut id.qualifications, self.text_list_in(&k), phrase, span);
                }
                _ => {}
            }
        }
        id
    }

    fn staffing(&mut self, kids: Vec<P<'_>>, span: crate::source::span::Span) -> ast::Staffing {
        let mut entries = Vec::new();
        for item in kids {
            match item.as_rule() {
                Rule::staff_entry => {
                    let k = super::block::kids(item);
                    entries.push(ast::StaffEntry {
                        subject: self.name_in(&k),
                        count: first(&k, Rule::int).map(|p| self.int(&p)),
                    });
                }
                Rule::junk => self.junk(&item, Rule::staffing_line),
                _ => {}
            }
        }
        ast::Staffing { entries, span }
    }

    fn guarantees(&mut self, kids: Vec<P<'_>>) -> ast::Guarantees {
        let mut g = ast::Guarantees {
            texts: Vec::new(),
            obligations: Vec::new(),
        };
        for item in kids {
            match item.as_rule() {
                Rule::string => g.texts.push(self.text(&item)),
                Rule::obligation => g.obligations.push(self.obligation(item)),
                Rule::junk => self.junk(&item, Rule::guarantees_line),
                _ => {}
            }
        }
        g
    }

    fn obligation(&mut self, pair: P<'_>) -> ast::Obligation {
        let kids = kids(pair);
        let mut ob = ast::Obligation {
            name: self.name_in(&kids),
            title: self.text_in(&kids),
            trigger: None,
            delay: None,
            cancel: None,
            send: None,
            by: Vec::new(),
        };
        for item in kids.into_iter().skip(3) {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            let rule = item.as_rule();
            if rule == Rule::junk {
                self.junk(&item, Rule::obligation_line);
                continue;
            }
            let k = super::block::kids(item);
            match rule {
                Rule::ob_trigger => {
                    if let Some(p) = self.point_in(&k) {
                        self.once(&mut ob.trigger, p, phrase, span);
                    }
                }
                Rule::ob_cancel => {
                    if let Some(p) = self.point_in(&k) {
                        self.once(&mut ob.cancel, p, phrase, span);
                    }
                }
                Rule::ob_delay => {
                    if let Some(d) = self.duration_in(&k) {
                        self.once(&mut ob.delay, d, phrase, span);
                    }
                }
                Rule::ob_send => {
                    let names = all(&k, Rule::ident);
                    if let (Some(kind), Some(to)) = (names.first(), names.get(1)) {
                        let value = (self.name(kind), self.name(to));
                        self.once(&mut ob.send, value, phrase, span);
                    }
                }
                Rule::ob_by => ob.by.extend(self.names_in(&k)),
                _ => {}
            }
        }
        ob
    }

    fn evaluation(&mut self, kids: Vec<P<'_>>) -> ast::Evaluation {
        let mut e = ast::Evaluation {
            survey: None,
            follow_up: None,
            texts: Vec::new(),
        };
        for item in kids {
            let span = self.span(&item);
            let phrase = keyword_of(&item);
            match item.as_rule() {
                Rule::string => e.texts.push(self.text(&item)),
                Rule::survey => {
                    let name = self.name_in(&super::block::kids(item));
                    self.once(&mut e.survey, name, phrase, span);
                }
                Rule::follow_up => {
                    let k = super::block::kids(item);
                    let value = (self.name_in(&k), self.text_in(&k));
                    self.once(&mut e.follow_up, value, phrase, span);
                }
                Rule::junk => self.junk(&item, Rule::evaluation_line),
                _ => {}
            }
        }
        e
    }
}

/// Whether most keywords of the file are written in English.
fn is_english(root: &P<'_>) -> bool {
    let (mut id, mut en) = (0usize, 0usize);
    for pair in root.clone().into_inner().flatten() {
        let Some((id_word, en_word)) = super::expected::keyword(pair.as_rule()) else {
            continue;
        };
        if id_word == en_word {
            continue;
        }
        if pair.as_str() == en_word {
            en += 1;
        } else {
            id += 1;
        }
    }
    en > id
}
