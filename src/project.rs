//! A run over many files: load them through a [`Loader`], follow includes, and turn every
//! file that no other file includes into a checked, compiled [`Standard`].

use crate::ast::{self, Item};
use crate::calendar::{self, data::Layer, Calendar};
use crate::check;
use crate::diag::{Diagnostic, Kind};
use crate::loader::{self, Loader};
use crate::machine::Machine;
use crate::model::Model;
use crate::parser;
use crate::resolve;
use crate::source::SourceMap;
use crate::span::{FileId, Loc, Span};
use std::collections::HashMap;
use std::sync::Arc;

/// A file to check and the standards root its includes must stay inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `/`-separated path.
    pub path: String,
    /// Folder that includes may not leave.
    pub root: String,
}

/// A file named on the command line (or by a host) that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read `{path}`: {reason}")]
pub struct LoadError {
    /// The path.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// Whether a path names a calendar file (`NAME.kalender.yaml` or `NAME.calendar.yaml`).
pub fn is_calendar_file(path: &str) -> bool {
    path.ends_with(".kalender.yaml") || path.ends_with(".calendar.yaml")
}

/// One standard: a root file, the files it includes, its model and machines.
#[derive(Debug, Clone)]
pub struct Standard {
    /// The root file.
    pub root: FileId,
    /// The root and every file it includes, root first.
    pub files: Vec<FileId>,
    /// The resolved model.
    pub model: Model,
    /// One machine per procedure of the model, same order.
    pub machines: Vec<Machine>,
    /// The working-day calendar the standard names, when it was found and is valid.
    pub calendar: Option<Arc<Calendar>>,
    /// A hash of the text of every file of the standard (hex), carried by its cases.
    pub hash: String,
}

impl Standard {
    /// The interpreter's view of one procedure of this standard's first service.
    pub fn context(&self, procedure: &str) -> Option<crate::interp::Context<'_>> {
        let service = self.model.services.first();
        let identity = crate::interp::Identity {
            standard: service.map_or("", |s| s.id.as_str()),
            version: service.and_then(|s| s.version.as_deref()).unwrap_or(""),
            hash: &self.hash,
        };
        crate::interp::Context::new(
            &self.model,
            &self.machines,
            self.calendar.as_deref(),
            identity,
            procedure,
        )
    }
}

/// FNV-1a over the files' paths and texts: stable across runs and platforms.
fn content_hash<'t>(parts: impl Iterator<Item = &'t str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Everything one run loaded and found.
#[derive(Debug, Clone, Default)]
pub struct Project {
    /// Every loaded file.
    pub sources: SourceMap,
    /// Syntax trees by file id.
    trees: Vec<ast::File>,
    /// Per file: its includes (target when loaded, and where written).
    includes: Vec<Vec<(Option<FileId>, Span)>>,
    /// Per file: the standards root it was loaded under.
    roots: Vec<String>,
    /// Calendar files looked for, by path: `None` when absent, else the file and its layer
    /// (`None` when the file could not be read as a calendar; already reported).
    layers: HashMap<String, Option<(FileId, Option<Layer>)>>,
    /// Calendars built, by the path of their top file.
    calendars: HashMap<String, Option<Arc<Calendar>>>,
    /// The standards, in the order of their root files.
    pub standards: Vec<Standard>,
    /// Every problem, sorted by file and place, without repeats.
    pub diagnostics: Vec<Diagnostic>,
}

impl Project {
    /// Loads, checks and compiles `entries`. Fails only when an entry itself cannot be read.
    pub fn load(loader: &dyn Loader, entries: &[Entry]) -> Result<Project, LoadError> {
        let mut p = Project::default();
        let mut by_path: HashMap<String, FileId> = HashMap::new();
        let mut given = Vec::new();
        for e in entries {
            let path = loader::join("", &e.path);
            if is_calendar_file(&path) {
                // Calendar files are checked whether or not a standard names them.
                let name = path
                    .rsplit('/')
                    .next()
                    .and_then(|f| f.split('.').next())
                    .unwrap_or_default();
                let name = name.to_string();
                loader.read(&e.path).map_err(|reason| LoadError {
                    path: e.path.clone(),
                    reason,
                })?;
                if let Some(top) = p.find_layer(loader, loader::parent(&path), &e.root, &name) {
                    p.build_calendar(loader, top, &e.root);
                }
                continue;
            }
            let bytes = loader.read(&e.path).map_err(|reason| LoadError {
                path: e.path.clone(),
                reason,
            })?;
            given.push(p.add(loader, &mut by_path, &path, &bytes, &e.root));
        }
        let included: Vec<bool> = {
            let mut inc = vec![false; p.trees.len()];
            for (target, _) in p.includes.iter().flatten() {
                if let Some(t) = target {
                    inc[t.0 as usize] = true;
                }
            }
            inc
        };
        let mut roots: Vec<FileId> = given
            .iter()
            .copied()
            .filter(|f| !included[f.0 as usize])
            .collect();
        roots.sort();
        roots.dedup();
        for root in roots {
            let standard = p.standard(loader, root);
            p.standards.push(standard);
        }
        // Files that only include each other have no root: check each such file on its own.
        for file in given {
            if !p.standards.iter().any(|s| s.files.contains(&file)) {
                let standard = p.standard(loader, file);
                p.standards.push(standard);
            }
        }
        p.diagnostics
            .sort_by(|a, b| (a.loc, a.code()).cmp(&(b.loc, b.code())));
        p.diagnostics.dedup();
        Ok(p)
    }

    /// The standard of service `id`.
    pub fn service(&self, id: &str) -> Option<&Standard> {
        self.standards
            .iter()
            .find(|s| s.model.services.iter().any(|svc| svc.id == id))
    }

    /// Whether a file's keywords are mostly English.
    pub fn is_english(&self, file: FileId) -> bool {
        self.trees.get(file.0 as usize).is_some_and(|t| t.english)
    }

    /// The syntax tree of a file.
    pub fn tree(&self, file: FileId) -> Option<&ast::File> {
        self.trees.get(file.0 as usize)
    }

    fn add(
        &mut self,
        loader: &dyn Loader,
        by_path: &mut HashMap<String, FileId>,
        path: &str,
        bytes: &[u8],
        root: &str,
    ) -> FileId {
        if let Some(id) = by_path.get(path) {
            return *id;
        }
        let (text, bad) = match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_string(), None),
            Err(e) => (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(e.valid_up_to()),
            ),
        };
        let id = self.sources.add(path.to_string(), &text);
        by_path.insert(path.to_string(), id);
        self.trees.push(ast::File::default());
        self.includes.push(Vec::new());
        self.roots.push(root.to_string());
        if let Some(offset) = bad {
            let span = Span::new(offset, offset + 1);
            self.diagnostics
                .push(Diagnostic::at(Kind::NotUtf8 { offset }, id, span));
            return id;
        }
        let normalised = self
            .sources
            .get(id)
            .map(|f| f.text.clone())
            .unwrap_or_default();
        let (tree, diags) = parser::parse(&normalised, id);
        self.diagnostics.extend(diags);
        let includes: Vec<ast::Text> = tree
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Include(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        self.trees[id.0 as usize] = tree;
        for inc in includes {
            let target = loader::join(loader::parent(path), &inc.value);
            let loaded = if !loader::within(root, &target) {
                let kind = Kind::IncludeEscapesRoot { path: target };
                self.diagnostics.push(Diagnostic::at(kind, id, inc.span));
                None
            } else if let Some(existing) = by_path.get(&target) {
                Some(*existing)
            } else {
                match loader.read(&target) {
                    Ok(bytes) => Some(self.add(loader, by_path, &target, &bytes, root)),
                    Err(reason) => {
                        let kind = Kind::IncludeNotFound {
                            path: target,
                            reason,
                        };
                        self.diagnostics.push(Diagnostic::at(kind, id, inc.span));
                        None
                    }
                }
            };
            self.includes[id.0 as usize].push((loaded, inc.span));
        }
        id
    }

    /// The root and its includes (depth first, each once); include cycles are reported.
    fn closure(&mut self, root: FileId) -> Vec<FileId> {
        let mut order = Vec::new();
        let mut stack: Vec<FileId> = Vec::new();
        self.visit(root, &mut order, &mut stack);
        order
    }

    fn visit(&mut self, file: FileId, order: &mut Vec<FileId>, stack: &mut Vec<FileId>) {
        if order.contains(&file) {
            return;
        }
        order.push(file);
        stack.push(file);
        let includes = self
            .includes
            .get(file.0 as usize)
            .cloned()
            .unwrap_or_default();
        for (target, span) in includes {
            let Some(target) = target else { continue };
            if let Some(pos) = stack.iter().position(|f| *f == target) {
                let mut chain: Vec<String> = stack[pos..].iter().map(|f| self.path(*f)).collect();
                chain.push(self.path(target));
                self.diagnostics
                    .push(Diagnostic::at(Kind::IncludeCycle { chain }, file, span));
                continue;
            }
            self.visit(target, order, stack);
        }
        stack.pop();
    }

    fn path(&self, file: FileId) -> String {
        self.sources
            .get(file)
            .map(|f| f.path.clone())
            .unwrap_or_default()
    }

    fn standard(&mut self, loader: &dyn Loader, root: FileId) -> Standard {
        let files = self.closure(root);
        let trees: Vec<(FileId, &ast::File)> = files
            .iter()
            .filter_map(|f| self.trees.get(f.0 as usize).map(|t| (*f, t)))
            .collect();
        let resolved = resolve::resolve(&trees, &self.sources);
        let machines: Vec<Machine> = resolved
            .model
            .procedures
            .iter()
            .map(Machine::compile)
            .collect();
        let checks = check::check(&resolved.model, &resolved.usage, &machines);
        self.diagnostics.extend(resolved.diagnostics);
        self.diagnostics.extend(checks);
        let mut calendar = None;
        let references: Vec<(String, Loc)> = resolved
            .model
            .services
            .iter()
            .filter_map(|s| s.calendar.clone().zip(s.calendar_loc))
            .collect();
        for (name, at) in references {
            let found = self.calendar_for(loader, &name, at);
            calendar = calendar.or(found);
        }
        let day_minutes = calendar
            .as_ref()
            .map_or(crate::budget::DEFAULT_DAY_MINUTES, |c| {
                c.usual_day_minutes()
            });
        for (proc, machine) in resolved.model.procedures.iter().zip(&machines) {
            crate::budget::check(proc, machine, day_minutes, &mut self.diagnostics);
        }
        let hash = content_hash(
            files
                .iter()
                .filter_map(|f| self.sources.get(*f))
                .map(|f| &*f.text),
        );
        Standard {
            root,
            files,
            model: resolved.model,
            machines,
            calendar,
            hash,
        }
    }

    /// The calendar `name` as seen from the file at `at`; a missing one is reported there.
    fn calendar_for(&mut self, loader: &dyn Loader, name: &str, at: Loc) -> Option<Arc<Calendar>> {
        let path = self.path(at.file);
        let root = self
            .roots
            .get(at.file.0 as usize)
            .cloned()
            .unwrap_or_default();
        let Some(top) = self.find_layer(loader, loader::parent(&path), &root, name) else {
            let kind = Kind::UndefinedName {
                kind: crate::diag::NameKind::Calendar,
                name: name.to_string(),
                suggestion: None,
            };
            self.diagnostics
                .push(Diagnostic::at(kind, at.file, at.span));
            return None;
        };
        self.build_calendar(loader, top, &root)
    }

    /// Reads the calendar file at `path` (and the calendars it builds on) on its own, for
    /// tools that work on calendars rather than standards. Problems are in `diagnostics`.
    pub fn load_calendar(
        loader: &dyn Loader,
        path: &str,
        root: &str,
    ) -> (Project, Option<Arc<Calendar>>) {
        let mut p = Project::default();
        let path = loader::join("", path);
        let dir = loader::parent(&path).to_string();
        let name = path.rsplit('/').next().unwrap_or_default();
        let name = name.split('.').next().unwrap_or_default().to_string();
        let built = match p.find_layer(loader, &dir, root, &name) {
            Some(top) => p.build_calendar(loader, top, root),
            None => None,
        };
        p.diagnostics
            .sort_by(|a, b| (a.loc, a.code()).cmp(&(b.loc, b.code())));
        p.diagnostics.dedup();
        (p, built)
    }

    fn build_calendar(
        &mut self,
        loader: &dyn Loader,
        top: String,
        root: &str,
    ) -> Option<Arc<Calendar>> {
        if let Some(built) = self.calendars.get(&top) {
            return built.clone();
        }
        let mut chain: Vec<String> = vec![top.clone()];
        while let Some((file, Some(layer))) = chain
            .last()
            .and_then(|p| self.layers.get(p))
            .cloned()
            .flatten()
        {
            let Some((base, span)) = layer.base.clone() else {
                break;
            };
            let here = self.path(file);
            match self.find_layer(loader, loader::parent(&here), root, &base) {
                Some(next) if !chain.contains(&next) && chain.len() < 8 => chain.push(next),
                Some(next) => {
                    let mut names = chain.clone();
                    names.push(next);
                    self.diagnostics.push(Diagnostic::at(
                        Kind::IncludeCycle { chain: names },
                        file,
                        span,
                    ));
                    break;
                }
                None => {
                    let kind = Kind::UndefinedName {
                        kind: crate::diag::NameKind::Calendar,
                        name: base,
                        suggestion: None,
                    };
                    self.diagnostics.push(Diagnostic::at(kind, file, span));
                    break;
                }
            }
        }
        let layers: Vec<&Layer> = chain
            .iter()
            .rev()
            .filter_map(|p| {
                self.layers
                    .get(p)
                    .and_then(|l| l.as_ref())
                    .and_then(|(_, l)| l.as_ref())
            })
            .collect();
        let built = calendar::build(&layers).map(Arc::new);
        self.calendars.insert(top, built.clone());
        built
    }

    /// The path of the nearest readable calendar file named `name`, read and cached.
    fn find_layer(
        &mut self,
        loader: &dyn Loader,
        dir: &str,
        root: &str,
        name: &str,
    ) -> Option<String> {
        for path in calendar::load::candidates(dir, root, name) {
            if let Some(entry) = self.layers.get(&path) {
                if entry.is_some() {
                    return Some(path);
                }
                continue;
            }
            let Ok(bytes) = loader.read(&path) else {
                self.layers.insert(path, None);
                continue;
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let id = self.sources.add(path.clone(), &text);
            self.trees.push(ast::File::default());
            self.includes.push(Vec::new());
            self.roots.push(root.to_string());
            let normalised = self
                .sources
                .get(id)
                .map(|f| f.text.clone())
                .unwrap_or_default();
            let (layer, diags) = calendar::data::parse(&normalised, id);
            self.diagnostics.extend(diags);
            self.layers.insert(path.clone(), Some((id, layer)));
            return Some(path);
        }
        None
    }
}
