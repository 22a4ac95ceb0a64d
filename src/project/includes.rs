//! Reading a standard's files: each file once (a file seen before is not read again, a text
//! parsed clean before is not parsed again), its includes followed inside the root, within
//! the limits of depth and count, include cycles reported.

use super::files::close_file;
use super::Project;
use crate::diag::{Diagnostic, Kind};
use crate::source::limits::{MAX_INCLUDES, MAX_INCLUDE_DEPTH};
use crate::source::loader::{self, Loader};
use crate::source::span::{FileId, Span};
use crate::syntax::ast::{self, Item};
use crate::syntax::parser;
use std::collections::HashMap;

impl Project {
    pub(super) fn add(
        &mut self,
        loader: &dyn Loader,
        by_path: &mut HashMap<String, FileId>,
        path: &str,
        bytes: &[u8],
        root: &str,
        depth: usize,
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
        self.trees.push(std::sync::Arc::default());
        self.includes.push(Vec::new());
        self.roots.push(root.to_string());
        if let Some(offset) = bad {
            let span = Span::new(offset, offset + 1);
            self.diagnostics
                .push(Diagnostic::at(Kind::NotUtf8 { offset }, id, span));
            return id;
        }
        let Some(key) = self.sources.get(id).map(|f| f.key()) else {
            return id;
        };
        let (tree, diags) = match self.trees_by_text.get(&key) {
            Some(Some(tree)) => (tree.clone(), Vec::new()),
            seen => {
                let again = seen.is_some();
                let (tree, diags) = parser::parse(key.text(), id);
                let tree = std::sync::Arc::new(tree);
                // Diagnostics name their file: only a clean parse can serve another file.
                if diags.is_empty() {
                    let keep = (again || self.keep_trees).then(|| tree.clone());
                    self.trees_by_text.insert(key, keep);
                }
                (tree, diags)
            }
        };
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
            // Inside the root as written, and once links are resolved.
            let real_root = match self.real_roots.get(root) {
                Some(known) => known.clone(),
                None => {
                    let real = loader.real_path(root);
                    self.real_roots.insert(root.to_string(), real.clone());
                    real
                }
            };
            let escapes = !loader::within(root, &target)
                || match (real_root, loader.real_path(&target)) {
                    (Some(r), Some(t)) => !loader::within(&r, &t),
                    _ => false,
                };
            let loaded = if depth >= MAX_INCLUDE_DEPTH {
                let kind = Kind::IncludeTooDeep {
                    limit: MAX_INCLUDE_DEPTH,
                };
                self.diagnostics.push(Diagnostic::at(kind, id, inc.span));
                None
            } else if escapes {
                let kind = Kind::IncludeEscapesRoot {
                    path: target,
                    root: root.to_string(),
                };
                self.diagnostics.push(Diagnostic::at(kind, id, inc.span));
                None
            } else if let Some(existing) = by_path.get(&target) {
                Some(*existing)
            } else {
                match loader.read(&target) {
                    Ok(bytes) => Some(self.add(loader, by_path, &target, &bytes, root, depth + 1)),
                    Err(reason) => {
                        let suggestion = close_file(loader, &target, &inc.value);
                        let kind = Kind::IncludeNotFound {
                            path: target,
                            reason,
                            suggestion: suggestion.clone(),
                        };
                        let mut diag = Diagnostic::at(kind, id, inc.span);
                        if let Some(s) = suggestion {
                            diag = diag.with_fix(inc.span, format!("\"{s}\""));
                        }
                        self.diagnostics.push(diag);
                        None
                    }
                }
            };
            self.includes[id.0 as usize].push((loaded, inc.span));
        }
        id
    }

    /// The root and its includes (depth first, each once); include cycles are reported.
    pub(super) fn closure(&mut self, root: FileId) -> Vec<FileId> {
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
            if order.len() > MAX_INCLUDES && !order.contains(&target) {
                let kind = Kind::TooManyIncludes {
                    limit: MAX_INCLUDES,
                };
                self.diagnostics.push(Diagnostic::at(kind, file, span));
                break;
            }
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
}
