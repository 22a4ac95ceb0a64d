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

/// Fewer standards than this are prepared on one thread (starting threads costs more).
const PARALLEL_FROM: usize = 32;

impl Project {
    /// Prepares each `(root, files)`, in the order of the list. Whether the roles are the
    /// standard's own is decided after (it needs the loader, see `unused_roles`).
    pub(super) fn prepare(&self, list: Vec<(FileId, Vec<FileId>)>) -> Vec<Prepared> {
        let one = |(root, files): (FileId, Vec<FileId>)| self.prepare_one(root, files);
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if threads < 2 || list.len() < PARALLEL_FROM {
            return list.into_iter().map(one).collect();
        }
        let size = list.len().div_ceil(threads);
        let mut chunks: Vec<Vec<(FileId, Vec<FileId>)>> = Vec::new();
        let mut rest = list.into_iter();
        loop {
            let chunk: Vec<_> = rest.by_ref().take(size).collect();
            if chunk.is_empty() {
                break;
            }
            chunks.push(chunk);
        }
        std::thread::scope(|scope| {
            let mut handles = Vec::new();
            let mut done = Vec::new();
            for chunk in chunks {
                // Where threads cannot be started (some hosts), the work is done here.
                let work = chunk.clone();
                match std::thread::Builder::new()
                    .spawn_scoped(scope, move || work.into_iter().map(one).collect::<Vec<_>>())
                {
                    Ok(h) => handles.push(Ok(h)),
                    Err(_) => handles.push(Err(chunk)),
                }
            }
            for h in handles {
                match h {
                    Ok(h) => match h.join() {
                        Ok(part) => done.extend(part),
                        Err(panic) => std::panic::resume_unwind(panic),
                    },
                    Err(chunk) => done.extend(chunk.into_iter().map(one)),
                }
            }
            done
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
