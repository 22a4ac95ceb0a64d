//! A run over many files: load them through a [`Loader`], follow includes, and turn every
//! file that no other file includes into a checked, compiled [`Standard`].

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

use files::{content_hash, included_beside, legacy_hash};
pub use files::{is_calendar_file, walk, walk_files, walk_files_inside, Entry, LoadError};

use crate::check;
use crate::diag::Diagnostic;
use crate::source::loader::{self, Loader};
use crate::source::span::{FileId, Span};
use crate::source::{SourceMap, TextKey};
use crate::syntax::ast;
use crate::time::{data::Layer, Calendar};
use std::collections::HashMap;
use std::sync::Arc;

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
                if let Err(reason) = loader.read(&e.path) {
                    let path = e.path.clone();
                    return (Err(LoadError { path, reason }), give_back(&mut p));
                }
                if let Some(top) = p.find_layer(loader, loader::parent(&path), &e.root, &name) {
                    p.build_calendar(loader, top, &e.root);
                }
                continue;
            }
            let bytes = match loader.read(&e.path) {
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
        for prepared in p.prepare(list) {
            let standard = p.standard(loader, prepared);
            p.standards.push(standard);
        }
        // Files that only include each other have no root: check each such file on its own.
        // (Which files a standard covers is marked once per standard, not searched per file.)
        let mut covered = vec![false; p.trees.len()];
        let mut marked = 0;
        for file in given {
            for f in p.standards[marked..].iter().flat_map(|s| &s.files) {
                if let Some(c) = covered.get_mut(f.0 as usize) {
                    *c = true;
                }
            }
            marked = p.standards.len();
            if !covered.get(file.0 as usize).copied().unwrap_or(false) {
                let files = p.closure(file);
                for prepared in p.prepare(vec![(file, files)]) {
                    let standard = p.standard(loader, prepared);
                    p.standards.push(standard);
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

    fn path(&self, file: FileId) -> String {
        self.sources
            .get(file)
            .map(|f| f.path.clone())
            .unwrap_or_default()
    }

    fn standard(&mut self, loader: &dyn Loader, prepared: prepare::Prepared) -> Standard {
        let prepare::Prepared {
            root,
            files,
            resolved,
            machines,
            moves,
            mut later,
        } = prepared;
        // Roles of a file without a service are checked for use unless a standard beside it
        // includes it: then they serve that standard (an agency file).
        let shared =
            resolved.model.services.is_empty() && included_beside(loader, &self.path(root));
        if !shared {
            check::unused_roles(&resolved.model, &resolved.usage, &mut later);
        }
        let (calendar, procedure_calendars) =
            self.calendars_of(loader, &resolved.model, &mut later);
        for ((proc, machine), cal) in resolved
            .model
            .procedures
            .iter()
            .zip(&machines)
            .zip(&procedure_calendars)
        {
            crate::check::budget::check(
                proc,
                machine,
                cal.as_deref(),
                &mut self.verdicts,
                &mut later,
            );
        }
        self.hold_back_behind(&files, later);
        let texts: Vec<TextKey> = files
            .iter()
            .filter_map(|f| self.sources.get(*f))
            .map(|f| f.key())
            .collect();
        let (hash, legacy_hash) = match self.hashes_by_text.get(&texts) {
            Some(known) => known.clone(),
            None => {
                let parts = texts.iter().map(|t| &**t.text());
                let known = (content_hash(parts.clone()), legacy_hash(parts));
                self.hashes_by_text.insert(texts, known.clone());
                known
            }
        };
        let path = self.path(root);
        // File paths are kept normalised (`a/../b` is `b`); the root is compared the same way.
        let standards_root = self
            .roots
            .get(root.0 as usize)
            .map(|r| crate::source::loader::join("", r))
            .unwrap_or_default();
        let file = path
            .strip_prefix(&format!("{}/", standards_root.trim_end_matches('/')))
            .filter(|_| !standards_root.is_empty())
            .unwrap_or(&path)
            .to_string();
        let service = resolved.model.services.first();
        let refs = resolved
            .model
            .procedures
            .iter()
            .zip(&procedure_calendars)
            .map(|(p, cal)| {
                std::sync::Arc::new(StandardRef {
                    file: file.clone(),
                    procedure: p.id.clone(),
                    standard: service.map_or(String::new(), |s| s.id.clone()),
                    version: service.and_then(|s| s.version.clone()).unwrap_or_default(),
                    hash: hash.clone(),
                    legacy_hash: legacy_hash.clone(),
                    zone: cal
                        .as_deref()
                        .or(calendar.as_deref())
                        .map_or(crate::time::Zone::Wib, crate::time::Calendar::zone),
                })
            })
            .collect();
        Standard {
            refs,
            root,
            files,
            model: resolved.model,
            machines,
            moves,
            calendar,
            procedure_calendars,
            hash,
            legacy_hash,
        }
    }
}
