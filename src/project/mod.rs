//! A run over many files: load them through a [`Loader`], follow includes, and turn every
//! file that no other file includes into a checked, compiled [`Standard`].

mod build;
mod cache;
mod workspace;
pub use cache::Cache;
pub use workspace::Workspace;
mod calendars;
pub use calendars::LoadOptions;
mod settings;
pub use settings::{message_lang, Settings, PROJECT_FILE};
mod files;
mod hold;
mod includes;
mod prepare;
mod standard;
pub use standard::{Standard, StandardRef};
pub mod suppress;

pub use files::{is_calendar_file, walk, walk_files, walk_files_inside, Entry, LoadError};

use crate::diag::Diagnostic;
use crate::source::loader::{self, Loader};
use crate::source::span::{FileId, Span};
use crate::source::{SourceMap, TextKey};
use crate::syntax::ast;
use crate::time::{data::Layer, Calendar};
use std::collections::HashMap;
use std::sync::Arc;

/// Standards prepared together: enough to keep both cores busy, few enough that a run which
/// only checks holds little at a time.
const BATCH: usize = 256;

/// Everything one run loaded and found.
#[derive(Debug, Clone, Default)]
pub struct Project {
    /// Every loaded file.
    pub(crate) sources: SourceMap,
    /// Syntax trees by file id (shared by files with the same text).
    trees: Vec<Arc<ast::File>>,
    /// Per file: its includes (target when loaded, and where written).
    includes: Vec<Vec<(Option<FileId>, Span)>>,
    /// Per file: the standards root it was loaded under.
    roots: Vec<String>,
    /// The real place of each standards root (links resolved), found once per run.
    real_roots: HashMap<String, Option<String>>,
    /// Calendar files looked for, by path: `None` when absent, else the file and its layer
    /// (`None` when the file could not be read as a calendar; already reported).
    layers: HashMap<String, Option<(FileId, Option<Layer>)>>,
    /// The calendar file found for a name looked up from a folder (`dir`, root and name on
    /// three lines).
    layer_found: HashMap<String, Option<String>>,
    /// Calendars built, by the path of their top file.
    calendars: HashMap<String, Option<Arc<Calendar>>>,
    /// Standard files parsed clean, by their text, once a text is seen a second time: a
    /// folder of copies parses each twice, not once a copy (and a folder of distinct files
    /// keeps no second tree).
    trees_by_text: HashMap<TextKey, Option<Arc<ast::File>>>,
    /// Content identities (SHA-256 and the legacy one) of standards, by their files' texts.
    hashes_by_text: HashMap<Vec<TextKey>, (String, String)>,
    /// Calendar files read clean, by their text: a folder of copies reads each once.
    layers_by_text: HashMap<TextKey, Layer>,
    /// Calendars built, by the texts of their layers in order.
    built_by_text: HashMap<Vec<TextKey>, Option<Arc<Calendar>>>,
    /// Budget verdicts computed in this run, shared by procedures of the same shape.
    verdicts: crate::check::budget::Verdicts,
    /// Whether every clean parse is kept for later loads (a [`Cache`]), not only a text
    /// seen twice.
    keep_trees: bool,
    /// The standards, in the order of their root files.
    pub(crate) standards: Vec<Standard>,
    /// The root file of every standard checked, kept or not.
    checked: Vec<FileId>,
    /// By file: whether a standard checked so far covers it.
    covered: Vec<bool>,
    /// Every problem, sorted by file and place, without repeats.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Problems silenced by a suppression comment, with its reason.
    suppressed: Vec<suppress::Suppressed>,
    /// The calendar of procedures whose agency and service name none.
    default_calendar: Option<String>,
    /// Files of standards whose later checks were held back (see `Note::HeldBack`): their
    /// suppressions are not judged unused.
    held_back: Vec<FileId>,
    /// The first diagnostic that holds a file's checks back, by file, over the first
    /// `.1` diagnostics.
    blockers: (HashMap<FileId, usize>, usize),
}

impl Project {
    /// Every loaded file (to render diagnostics with their text).
    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }

    /// The standards, in the order of their root files: one per file no other loaded file
    /// includes.
    pub fn standards(&self) -> &[Standard] {
        &self.standards
    }

    /// Every problem found, sorted by file and place, without repeats. Check for errors
    /// before running cases. Problems a suppression comment silenced are not here but in
    /// [`Project::suppressed`].
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The problems a suppression comment (`// izinkan sop::… karena …`) silenced, with the
    /// reason written there.
    pub fn suppressed(&self) -> &[suppress::Suppressed] {
        &self.suppressed
    }

    /// Loads, checks and compiles `entries`. Fails only when an entry itself cannot be read.
    pub fn load(loader: &dyn Loader, entries: &[Entry]) -> Result<Project, LoadError> {
        Project::load_with(loader, entries, &LoadOptions::default())
    }

    /// [`Project::load`] with options (a default calendar).
    pub fn load_with(
        loader: &dyn Loader,
        entries: &[Entry],
        options: &LoadOptions,
    ) -> Result<Project, LoadError> {
        Project::load_kept(loader, entries, options, cache::Kept::default()).0
    }

    /// The load, starting from `kept` caches and giving them back (with the project or the
    /// error).
    fn load_kept(
        loader: &dyn Loader,
        entries: &[Entry],
        options: &LoadOptions,
        kept: cache::Kept,
    ) -> (Result<Project, LoadError>, cache::Kept) {
        let mut p = Project {
            default_calendar: options.default_calendar.clone(),
            trees_by_text: kept.trees,
            layers_by_text: kept.layers,
            built_by_text: kept.built,
            hashes_by_text: kept.hashes,
            verdicts: kept.verdicts,
            keep_trees: kept.keep,
            ..Project::default()
        };
        let give_back = |p: &mut Project| cache::Kept {
            trees: std::mem::take(&mut p.trees_by_text),
            layers: std::mem::take(&mut p.layers_by_text),
            built: std::mem::take(&mut p.built_by_text),
            hashes: std::mem::take(&mut p.hashes_by_text),
            verdicts: std::mem::take(&mut p.verdicts),
            keep: p.keep_trees,
        };
        let mut by_path: HashMap<String, FileId> = HashMap::new();
        let mut given = Vec::new();
        // Standard files are read a batch at a time, the batch at once (see `read_many`).
        let mut read: std::collections::VecDeque<(&str, Result<Vec<u8>, loader::ReadError>)> =
            Default::default();
        let mut ahead = entries.iter().filter(|e| !is_calendar_file(&e.path));
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
                let top = p.find_layer(loader, loader::parent(&path), &e.root, &name);
                // Found under its own path, the file was read; any other way, reading it
                // tells why it cannot be.
                if !matches!(p.layers.get(&path), Some(Some(_))) {
                    if let Err(reason) = loader.read(&e.path) {
                        let path = e.path.clone();
                        return (Err(LoadError { path, reason }), give_back(&mut p));
                    }
                }
                if let Some(top) = top {
                    p.build_calendar(loader, top, &e.root);
                }
                continue;
            }
            if read.is_empty() {
                let batch: Vec<&str> = ahead.by_ref().take(BATCH).map(|e| &*e.path).collect();
                read.extend(batch.iter().copied().zip(loader.read_many(&batch)));
            }
            // Read ahead for this entry, else (should the two ever part) read now.
            let ready = read.pop_front().filter(|(at, _)| *at == e.path);
            let bytes = match ready.map_or_else(|| loader.read(&e.path), |(_, r)| r) {
                Ok(b) => b,
                Err(reason) => {
                    let path = e.path.clone();
                    return (Err(LoadError { path, reason }), give_back(&mut p));
                }
            };
            given.push(p.add(loader, &mut by_path, &path, &bytes, &e.root, 0));
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
        let list: Vec<(FileId, Vec<FileId>)> = roots
            .into_iter()
            .map(|root| (root, p.closure(root)))
            .collect();
        // In batches, so that a run which only checks holds one batch of models at a time.
        let mut list = list.into_iter();
        loop {
            let batch: Vec<_> = list.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let prepared = p.prepare(batch);
            for standard in p.build(loader, prepared) {
                p.keep(standard, options.checks_only);
            }
        }
        // Files that only include each other have no root: check each such file on its own.
        // (Which files a standard covers is marked as each is checked, not searched per file.)
        for file in given {
            if !p.covered.get(file.0 as usize).copied().unwrap_or(false) {
                let files = p.closure(file);
                let prepared = p.prepare(vec![(file, files)]);
                for standard in p.build(loader, prepared) {
                    p.keep(standard, options.checks_only);
                }
            }
        }
        let (suppressions, mut malformed) = suppress::find(&p.sources);
        p.diagnostics.append(&mut malformed);
        p.diagnostics
            .sort_by(|a, b| (a.loc, a.code()).cmp(&(b.loc, b.code())));
        p.diagnostics.dedup();
        let (kept, suppressed) = suppress::apply(
            std::mem::take(&mut p.diagnostics),
            &suppressions,
            &p.held_back,
        );
        p.diagnostics = kept;
        p.diagnostics
            .sort_by(|a, b| (a.loc, a.code()).cmp(&(b.loc, b.code())));
        p.suppressed = suppressed;
        let kept = give_back(&mut p);
        (Ok(p), kept)
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

    /// The root file of every standard checked, in order, whether or not it is kept
    /// ([`LoadOptions::checks_only`]).
    pub fn checked(&self) -> &[FileId] {
        &self.checked
    }

    /// Records a standard checked, and keeps it unless the run only checks.
    fn keep(&mut self, standard: Standard, checks_only: bool) {
        self.checked.push(standard.root);
        for f in &standard.files {
            let i = f.0 as usize;
            if self.covered.len() <= i {
                self.covered.resize(i + 1, false);
            }
            self.covered[i] = true;
        }
        if !checks_only {
            self.standards.push(standard);
        }
    }

    fn path(&self, file: FileId) -> String {
        self.sources
            .get(file)
            .map(|f| f.path.clone())
            .unwrap_or_default()
    }
}
