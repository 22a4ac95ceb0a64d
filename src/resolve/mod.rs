//! Syntax trees of one standard → [`Model`]: names bound, values read, problems reported.
//!
//! Entry point: [`resolve`]. Definitions are collected first (so order in the file never
//! matters), then every reference is bound. An unresolved reference is reported once and
//! left out, so later checks do not repeat the same problem.

mod complaints;
mod procedure;
mod service;
mod tier_clock;
mod timing;
mod values;

use crate::diag::{did_you_mean, Diagnostic, Kind, NameKind, Note};
use crate::model::{self, Model, Node, RoleId};
use crate::source::span::{FileId, Loc, Span};
use crate::source::SourceMap;
use crate::syntax::ast::{self, Item};
use std::collections::HashMap;

/// What the checks need to know beyond the model: which definitions were used.
#[derive(Debug, Clone, Default)]
pub struct Usage {
    /// Per role, whether anything refers to it.
    pub roles: Vec<bool>,
    /// Per group, whether anything refers to it.
    pub groups: Vec<bool>,
}

/// The result of resolving one standard.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// The model.
    pub model: Model,
    /// Usage of definitions.
    pub usage: Usage,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolves the files of one standard (root first, then its includes).
pub fn resolve(files: &[(FileId, &ast::File)], sources: &SourceMap) -> Resolved {
    let mut r = Resolver {
        sources,
        diags: Vec::new(),
        model: Model::default(),
        usage: Usage::default(),
        roles: HashMap::new(),
        groups: HashMap::new(),
        agencies: HashMap::new(),
        policies: HashMap::new(),
        procedures: HashMap::new(),
        nodes: Vec::new(),
        tiers: None,
        policy_deadlines: None,
    };
    r.declare(files);
    for (file, tree) in files {
        for item in &tree.items {
            match item {
                Item::Agency(a) => r.agency(*file, a),
                Item::Complaints(c) => r.complaint_policy(*file, c),
                Item::Procedure(p) => {
                    r.procedure(*file, p, model::Owner::Agency);
                }
                _ => {}
            }
        }
    }
    for (file, tree) in files {
        for item in &tree.items {
            if let Item::Service(s) = item {
                r.service(*file, s);
            }
        }
    }
    Resolved {
        model: r.model,
        usage: r.usage,
        diagnostics: r.diags,
    }
}

/// The state of one resolution.
pub struct Resolver<'a> {
    sources: &'a SourceMap,
    diags: Vec<Diagnostic>,
    model: Model,
    usage: Usage,
    roles: HashMap<String, RoleId>,
    groups: HashMap<String, usize>,
    agencies: HashMap<String, (usize, Loc)>,
    policies: HashMap<String, (usize, Loc)>,
    procedures: HashMap<String, (usize, Loc)>,
    /// Per procedure: its steps and ends by name.
    nodes: Vec<HashMap<String, Node>>,
    /// The tiers of the complaint policy whose procedures are being resolved (for clocks
    /// written `menurut tingkat`); `None` outside one.
    tiers: Option<Vec<crate::model::Tier>>,
    /// The same policy's own deadlines as a tier of their own (its id the policy's): what a
    /// clock `menurut tenggat` counts when the policy has no tiers.
    policy_deadlines: Option<crate::model::Tier>,
}

impl Resolver<'_> {
    /// Records a problem.
    pub fn report(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    /// The text of a span.
    pub fn slice(&self, file: FileId, span: Span) -> String {
        self.sources
            .get(file)
            .and_then(|f| f.text.get(span.start as usize..span.end as usize))
            .unwrap_or_default()
            .to_string()
    }

    fn declare(&mut self, files: &[(FileId, &ast::File)]) {
        let mut group_defs = Vec::new();
        for (file, tree) in files {
            for item in &tree.items {
                match item {
                    Item::Role(role) => self.declare_role(*file, role),
                    Item::Group(g) => group_defs.push((*file, g)),
                    Item::Service(s) => {
                        for role in &s.roles {
                            self.declare_role(*file, role);
                        }
                        group_defs.extend(s.groups.iter().map(|g| (*file, g)));
                    }
                    _ => {}
                }
            }
        }
        for (file, g) in group_defs {
            self.declare_group(file, g);
        }
    }

    fn declare_role(&mut self, file: FileId, role: &ast::Role) {
        let loc = Loc {
            file,
            span: role.name.span,
        };
        if let Some(first) = self.roles.get(&role.name.text) {
            let first_loc = self.model.roles[first.0 as usize].loc;
            self.duplicate(NameKind::Role, &role.name.text, loc, first_loc);
            return;
        }
        let id = RoleId(u32::try_from(self.model.roles.len()).unwrap_or(u32::MAX));
        self.roles.insert(role.name.text.clone(), id);
        self.usage.roles.push(false);
        self.model.roles.push(model::Role {
            id: role.name.text.clone(),
            title: role.title.value.clone(),
            internal: role.kind == ast::RoleKind::Internal,
            loc,
        });
    }

    fn declare_group(&mut self, file: FileId, g: &ast::Group) {
        let loc = Loc {
            file,
            span: g.name.span,
        };
        let clash = self
            .roles
            .get(&g.name.text)
            .map(|r| self.model.roles[r.0 as usize].loc)
            .or_else(|| {
                self.groups
                    .get(&g.name.text)
                    .map(|i| self.model.groups[*i].loc)
            });
        if let Some(first) = clash {
            self.duplicate(NameKind::Group, &g.name.text, loc, first);
            return;
        }
        let members = g
            .members
            .iter()
            .filter_map(|m| self.role_ref(file, m))
            .collect();
        self.groups
            .insert(g.name.text.clone(), self.model.groups.len());
        self.usage.groups.push(false);
        self.model.groups.push(model::Group {
            id: g.name.text.clone(),
            title: g.title.value.clone(),
            members,
            loc,
        });
    }

    /// Reports a second definition of a name.
    pub fn duplicate(&mut self, kind: NameKind, name: &str, at: Loc, first: Loc) {
        let kind = Kind::DuplicateName {
            kind,
            name: name.to_string(),
        };
        let diag = Diagnostic::located(kind, at);
        self.report(diag.with_note(first, Note::FirstHere));
    }

    /// Reports a name that is not defined, suggesting a close one from `known`; returns the
    /// suggestion.
    pub fn undefined<'k, I>(
        &mut self,
        kind: NameKind,
        name: &ast::Name,
        file: FileId,
        known: I,
    ) -> Option<String>
    where
        I: IntoIterator<Item = &'k str>,
    {
        let suggestion = did_you_mean(&name.text, known);
        let kind = Kind::UndefinedName {
            kind,
            name: name.text.clone(),
            suggestion: suggestion.clone(),
        };
        self.report(Diagnostic::at(kind, file, name.span));
        suggestion
    }

    /// A misspelt reference most likely meant the role it is suggested for: that role counts
    /// as used, so one typo gives one error and not also "role never used".
    fn mark_meant(&mut self, suggestion: Option<String>) {
        if let Some(id) = suggestion.and_then(|s| self.roles.get(&s).copied()) {
            if let Some(used) = self.usage.roles.get_mut(id.0 as usize) {
                *used = true;
            }
        }
    }

    /// Binds a role name.
    pub fn role_ref(&mut self, file: FileId, name: &ast::Name) -> Option<RoleId> {
        if let Some(id) = self.roles.get(&name.text).copied() {
            if let Some(used) = self.usage.roles.get_mut(id.0 as usize) {
                *used = true;
            }
            return Some(id);
        }
        let known: Vec<String> = self.model.roles.iter().map(|r| r.id.clone()).collect();
        let meant = self.undefined(NameKind::Role, name, file, known.iter().map(String::as_str));
        self.mark_meant(meant);
        None
    }

    /// Binds a list of role names.
    pub fn role_refs(&mut self, file: FileId, names: &[ast::Name]) -> Vec<RoleId> {
        names
            .iter()
            .filter_map(|n| self.role_ref(file, n))
            .collect()
    }

    /// Binds a role or a group name to the roles it stands for.
    pub fn roles_or_group(&mut self, file: FileId, name: &ast::Name) -> Option<Vec<RoleId>> {
        if let Some(id) = self.roles.get(&name.text).copied() {
            self.usage.roles[id.0 as usize] = true;
            return Some(vec![id]);
        }
        if let Some(g) = self.groups.get(&name.text).copied() {
            self.usage.groups[g] = true;
            return Some(self.model.groups[g].members.clone());
        }
        let known: Vec<String> = self
            .model
            .roles
            .iter()
            .map(|r| r.id.clone())
            .chain(self.model.groups.iter().map(|g| g.id.clone()))
            .collect();
        let meant = self.undefined(
            NameKind::RoleOrGroup,
            name,
            file,
            known.iter().map(String::as_str),
        );
        self.mark_meant(meant);
        None
    }

    fn agency(&mut self, file: FileId, a: &ast::Agency) {
        let loc = Loc {
            file,
            span: a.name.span,
        };
        if let Some((_, first)) = self.agencies.get(&a.name.text) {
            let first = *first;
            self.duplicate(NameKind::Agency, &a.name.text, loc, first);
            return;
        }
        self.agencies
            .insert(a.name.text.clone(), (self.model.agencies.len(), loc));
        self.model.agencies.push(model::Agency {
            id: a.name.text.clone(),
            title: a.title.value.clone(),
            address: a.address.as_ref().map(|t| t.value.clone()),
            calendar: a.calendar.as_ref().map(|c| c.text.clone()),
            calendar_loc: a.calendar.as_ref().map(|c| Loc { file, span: c.span }),
            loc,
        });
    }
}

/// The values of a text list.
pub fn texts(list: &Option<ast::TextList>) -> Vec<String> {
    list.as_ref()
        .map(|l| l.items.iter().map(|t| t.value.clone()).collect())
        .unwrap_or_default()
}
