//! What loads keep between them, for a host that loads the same standards again and again —
//! an editor after each change: the trees of texts parsed clean, calendar files read and
//! calendars built, content identities, and budget verdicts. A load with a cache parses,
//! reads and judges only what changed; what it keeps afterwards is what the last load used,
//! so the cache never holds more than the standards loaded last.

use super::{LoadError, LoadOptions, Project};
use crate::check::budget::Verdicts;
use crate::project::Entry;
use crate::source::loader::Loader;
use crate::source::TextKey;
use crate::syntax::ast;
use crate::time::{data::Layer, Calendar};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Kept between loads (see [`Project::load_cached`]).
#[derive(Debug, Default)]
pub struct Cache {
    trees: HashMap<TextKey, Option<Arc<ast::File>>>,
    layers: HashMap<TextKey, Layer>,
    built: HashMap<Vec<TextKey>, Option<Arc<Calendar>>>,
    hashes: HashMap<Vec<TextKey>, (String, String)>,
    verdicts: Verdicts,
}

/// Budget judgements kept at most: beyond, the cache starts again (each is small; a
/// workspace of a thousand standards has a few thousand).
const MAX_VERDICTS: usize = 50_000;

impl Project {
    /// [`Project::load_with`], reusing what `cache` kept from earlier loads: an unchanged
    /// file is not parsed again, an unchanged calendar not read or built again, a budget whose
    /// paths and calendar did not change not judged again. The result is the same as
    /// without the cache.
    pub fn load_cached(
        loader: &dyn Loader,
        entries: &[Entry],
        options: &LoadOptions,
        cache: &mut Cache,
    ) -> Result<Project, LoadError> {
        let kept = Kept {
            trees: std::mem::take(&mut cache.trees),
            layers: std::mem::take(&mut cache.layers),
            built: std::mem::take(&mut cache.built),
            hashes: std::mem::take(&mut cache.hashes),
            verdicts: std::mem::take(&mut cache.verdicts),
            keep: true,
        };
        let (project, kept) = Project::load_kept(loader, entries, options, kept);
        let Kept {
            mut trees,
            mut layers,
            mut built,
            mut hashes,
            mut verdicts,
            ..
        } = kept;
        if let Ok(p) = &project {
            // Only what this load read stays: the texts it holds now.
            let live: HashSet<TextKey> = p.sources.iter().map(|(_, f)| f.key()).collect();
            trees.retain(|k, _| live.contains(k));
            layers.retain(|k, _| live.contains(k));
            built.retain(|k, _| k.iter().all(|t| live.contains(t)));
            hashes.retain(|k, _| k.iter().all(|t| live.contains(t)));
            if verdicts.len() > MAX_VERDICTS {
                verdicts = Verdicts::default();
            }
        }
        *cache = Cache {
            trees,
            layers,
            built,
            hashes,
            verdicts,
        };
        project
    }
}

/// The caches a load starts with and gives back.
#[derive(Default)]
pub(super) struct Kept {
    pub trees: HashMap<TextKey, Option<Arc<ast::File>>>,
    pub layers: HashMap<TextKey, Layer>,
    pub built: HashMap<Vec<TextKey>, Option<Arc<Calendar>>>,
    pub hashes: HashMap<Vec<TextKey>, (String, String)>,
    pub verdicts: Verdicts,
    /// Whether every clean parse is kept (for a cache), not only a text seen twice.
    pub keep: bool,
}
