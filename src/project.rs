//! A run over many files: load them through a [`Loader`], follow includes, and turn every
//! file that no other file includes into a checked, compiled [`Standard`].

use crate::ast::{self, Item};
use crate::check;
use crate::diag::{Diagnostic, Kind};
use crate::loader::{self, Loader};
use crate::machine::Machine;
use crate::model::Model;
use crate::parser;
use crate::resolve;
use crate::source::SourceMap;
use crate::span::{FileId, Span};
use std::collections::HashMap;

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
            let standard = p.standard(root);
            p.standards.push(standard);
        }
        // Files that only include each other have no root: check each such file on its own.
        for file in given {
            if !p.standards.iter().any(|s| s.files.contains(&file)) {
                let standard = p.standard(file);
                p.standards.push(standard);
            }
        }
        p.diagnostics
            .sort_by(|a, b| (a.loc, a.code()).cmp(&(b.loc, b.code())));
        p.diagnostics.dedup();
        Ok(p)
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

    fn standard(&mut self, root: FileId) -> Standard {
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
        Standard {
            root,
            files,
            model: resolved.model,
            machines,
        }
    }
}
