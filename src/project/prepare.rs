//! The part of checking a standard that needs only its parsed files: resolving, compiling
//! its machines, the checks that need no calendar, and what each event moves. It reads the
//! project and changes nothing, so a folder of many standards prepares them on every core.

use super::Project;
use crate::check;
use crate::diag::Diagnostic;
use crate::machine::{moves::Moves, Machine};
use crate::resolve::{self, Resolved};
use crate::source::span::FileId;
use crate::syntax::ast;

/// A standard resolved and checked as far as it can be without its calendars.
pub(super) struct Prepared {
    pub root: FileId,
    pub files: Vec<FileId>,
    pub resolved: Resolved,
    pub machines: Vec<Machine>,
    pub moves: Vec<Moves>,
    /// The checks so far: resolution's, then the flow and model checks.
    pub later: Vec<Diagnostic>,
}

impl Project {
    /// Prepares each `(root, files)`, in the order of the list, on every core. Whether the
    /// roles are the standard's own is decided after (it needs the loader, see
    /// `unused_roles`).
    pub(super) fn prepare(&self, list: Vec<(FileId, Vec<FileId>)>) -> Vec<Prepared> {
        crate::source::cores::in_chunks(list, |chunk| {
            chunk
                .into_iter()
                .map(|(root, files)| self.prepare_one(root, files))
                .collect()
        })
    }

    fn prepare_one(&self, root: FileId, files: Vec<FileId>) -> Prepared {
        let trees: Vec<(FileId, &ast::File)> = files
            .iter()
            .filter_map(|f| self.trees.get(f.0 as usize).map(|t| (*f, &**t)))
            .collect();
        let mut resolved = resolve::resolve(&trees, &self.sources);
        let machines: Vec<Machine> = resolved
            .model
            .procedures
            .iter()
            .map(Machine::compile)
            .collect();
        let checks = check::check(&resolved.model, &resolved.usage, &machines, false);
        let mut later = std::mem::take(&mut resolved.diagnostics);
        later.extend(checks);
        let moves = (0..resolved.model.procedures.len())
            .zip(&machines)
            .map(|(i, machine)| Moves::compile(&resolved.model, i, machine))
            .collect();
        Prepared {
            root,
            files,
            resolved,
            machines,
            moves,
            later,
        }
    }
}
