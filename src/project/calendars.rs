//! The calendars of a standard: found by name from the file that names them, built once
//! per run, and given to each procedure (its service's calendar, else its agency's).

use super::Project;
use crate::diag::{did_you_mean, Diagnostic, Kind, NameKind};
use crate::model::{Model, Owner};
use crate::source::loader::{self, Loader};
use crate::source::span::Loc;
use crate::source::TextKey;
use crate::time::{self, data::Layer, Calendar, Measure};
use std::sync::Arc;

impl Project {
    /// The calendar `name` as seen from the file at `at`; a missing one is reported there.
    fn calendar_for(&mut self, loader: &dyn Loader, name: &str, at: Loc) -> Option<Arc<Calendar>> {
        let path = self.path(at.file);
        let root = self
            .roots
            .get(at.file.0 as usize)
            .cloned()
            .unwrap_or_default();
        let Some(top) = self.find_layer(loader, loader::parent(&path), &root, name) else {
            let known = self.known_calendars(loader, loader::parent(&path), &root);
            let kind = Kind::UndefinedName {
                kind: NameKind::Calendar,
                name: name.to_string(),
                suggestion: did_you_mean(name, known.iter().map(String::as_str)),
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

    pub(super) fn build_calendar(
        &mut self,
        loader: &dyn Loader,
        top: String,
        root: &str,
    ) -> Option<Arc<Calendar>> {
        if let Some(built) = self.calendars.get(&top) {
            return built.clone();
        }
        let mut chain: Vec<String> = vec![top.clone()];
        // Only the file and the base are needed here: a layer (its holidays) is not copied.
        while let Some((file, Some(base))) = chain
            .last()
            .and_then(|p| self.layers.get(p))
            .and_then(|l| l.as_ref())
            .and_then(|(file, layer)| layer.as_ref().map(|l| (*file, l.base.clone())))
        {
            let (base, span) = base;
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
        // The same layers, read from other files, build the same calendar.
        let texts: Vec<TextKey> = chain
            .iter()
            .rev()
            .filter_map(|p| self.layers.get(p).and_then(|l| l.as_ref()))
            .filter_map(|(id, _)| self.sources.get(*id).map(|f| f.key()))
            .collect();
        let built = match self.built_by_text.get(&texts) {
            Some(built) => built.clone(),
            None => {
                let built = time::build(&layers).map(Arc::new);
                self.built_by_text.insert(texts, built.clone());
                built
            }
        };
        self.calendars.insert(top, built.clone());
        built
    }

    /// The path of the nearest readable calendar file named `name`, read and cached.
    pub(super) fn find_layer(
        &mut self,
        loader: &dyn Loader,
        dir: &str,
        root: &str,
        name: &str,
    ) -> Option<String> {
        // Every standard in a folder looks its calendars up from there: walk the folders once.
        let asked = format!("{dir}\n{root}\n{name}");
        if let Some(found) = self.layer_found.get(&asked) {
            return found.clone();
        }
        let found = self.find_layer_anew(loader, dir, root, name);
        self.layer_found.insert(asked, found.clone());
        found
    }

    fn find_layer_anew(
        &mut self,
        loader: &dyn Loader,
        dir: &str,
        root: &str,
        name: &str,
    ) -> Option<String> {
        for path in time::load::candidates(dir, root, name) {
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
            self.trees.push(Arc::default());
            self.includes.push(Vec::new());
            self.roots.push(root.to_string());
            let key = self
                .sources
                .get(id)
                .map_or_else(|| TextKey::new(Arc::from("")), |f| f.key());
            let (layer, diags) = match self.layers_by_text.get(&key) {
                Some(layer) => (Some(layer.clone()), Vec::new()),
                None => {
                    let (layer, diags) = time::data::parse(key.text(), id);
                    if let (Some(l), true) = (&layer, diags.is_empty()) {
                        self.layers_by_text.insert(key, l.clone());
                    }
                    (layer, diags)
                }
            };
            self.diagnostics.extend(diags);
            // A calendar is found by its file's name: the name inside must be the same, or
            // two names would stand for one calendar.
            if let Some(l) = layer.as_ref().filter(|l| l.name != name) {
                let kind = Kind::CalendarName {
                    name: l.name.clone(),
                    file: path.rsplit('/').next().unwrap_or(&path).to_string(),
                };
                self.diagnostics.push(Diagnostic::at(kind, id, l.name_at));
            }
            self.layers.insert(path.clone(), Some((id, layer)));
            return Some(path);
        }
        None
    }
}

/// How a project is loaded.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct LoadOptions {
    /// The calendar (by name, `NAME.kalender.yaml` under the standards root) of procedures
    /// whose agency and service name none — a project file's `kalender`.
    pub default_calendar: Option<String>,
    /// Whether the standards are only checked, not kept to run cases on: their problems are
    /// reported as usual, but [`Project::standards`] is empty and each standard's model is
    /// let go once checked, so a run over thousands of files holds what one batch needs.
    pub checks_only: bool,
}

impl LoadOptions {
    /// Options with a default calendar.
    pub fn with_default_calendar(name: impl Into<String>) -> Self {
        LoadOptions {
            default_calendar: Some(name.into()),
            ..LoadOptions::default()
        }
    }

    /// These options, with the standards only checked (see [`LoadOptions::checks_only`]).
    pub fn checking_only(self) -> Self {
        LoadOptions {
            checks_only: true,
            ..self
        }
    }
}

impl Project {
    /// Resolves every calendar a standard names (its agencies' and its services'), reports
    /// unknown names with the calendars that exist, and gives each procedure its calendar:
    /// its service's (which inherits the service's agency's), else the agency's. A procedure
    /// that counts working time with no calendar at all is an error, added to `later` (the
    /// standard's checks so far) unless an agency name in them was not found: that error
    /// already explains the missing calendar.
    pub(super) fn calendars_of(
        &mut self,
        loader: &dyn Loader,
        model: &Model,
        later: &mut Vec<Diagnostic>,
    ) -> (Option<Arc<Calendar>>, Vec<Option<Arc<Calendar>>>) {
        let agency_missing = later.iter().any(|d| {
            matches!(
                d.kind,
                Kind::UndefinedName {
                    kind: NameKind::Agency,
                    ..
                }
            )
        });
        let mut resolved: Vec<(String, Loc, Option<Arc<Calendar>>)> = Vec::new();
        let references = model
            .agencies
            .iter()
            .filter_map(|a| a.calendar.clone().zip(a.calendar_loc))
            .chain(
                model
                    .services
                    .iter()
                    .filter_map(|s| s.calendar.clone().zip(s.calendar_loc)),
            );
        for (name, at) in references {
            if resolved.iter().any(|(n, l, _)| *n == name && *l == at) {
                continue;
            }
            let found = self.calendar_for(loader, &name, at);
            resolved.push((name, at, found));
        }
        let lookup = |name: &Option<String>, at: &Option<Loc>| -> Option<Arc<Calendar>> {
            let (name, at) = (name.as_ref()?, at.as_ref()?);
            resolved
                .iter()
                .find(|(n, l, _)| n == name && l == at)
                .and_then(|(_, _, c)| c.clone())
        };
        let agency_of_file = |file| {
            model
                .agencies
                .iter()
                .filter(|a| a.calendar.is_some())
                .find(|a| a.loc.file == file)
                .or_else(|| model.agencies.iter().find(|a| a.calendar.is_some()))
        };
        let mut per_procedure = Vec::with_capacity(model.procedures.len());
        for proc in &model.procedures {
            let (named, calendar) = match proc.owner {
                Owner::Service(i) => model.services.get(i).map_or((false, None), |s| {
                    (s.calendar.is_some(), lookup(&s.calendar, &s.calendar_loc))
                }),
                Owner::Agency | Owner::Complaints(_) => agency_of_file(proc.loc.file)
                    .map_or((false, None), |a| {
                        (true, lookup(&a.calendar, &a.calendar_loc))
                    }),
            };
            let calendar = match (&self.default_calendar, named, calendar) {
                (Some(name), false, None) => {
                    let name = name.clone();
                    self.calendar_for(loader, &name, proc.loc)
                }
                (_, _, calendar) => calendar,
            };
            // A name that was not found is reported where it is written; say nothing more.
            if !named && !agency_missing && calendar.is_none() && uses_working_time(model, proc) {
                let kind = Kind::NoCalendar {
                    procedure: proc.id.clone(),
                };
                later.push(Diagnostic::located(kind, proc.loc));
            }
            per_procedure.push(calendar);
        }
        let first = model
            .services
            .first()
            .and_then(|s| lookup(&s.calendar, &s.calendar_loc))
            .or_else(|| {
                model
                    .agencies
                    .iter()
                    .find_map(|a| lookup(&a.calendar, &a.calendar_loc))
            });
        (first, per_procedure)
    }

    /// The calendars that can be named from folder `dir` (those this run has read, and the
    /// calendar files in `dir` and the folders above it up to `root`), for "did you mean".
    fn known_calendars(&self, loader: &dyn Loader, dir: &str, root: &str) -> Vec<String> {
        let listed = time::load::folders(dir, root)
            .into_iter()
            .flat_map(|folder| loader.list(&folder));
        let read = self
            .layers
            .iter()
            .filter(|(_, found)| found.is_some())
            .filter_map(|(path, _)| path.rsplit('/').next().map(str::to_string));
        let mut names: Vec<String> = listed
            .chain(read)
            .filter(|file| crate::project::is_calendar_file(file))
            .filter_map(|file| file.split('.').next().map(str::to_string))
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// Whether a procedure counts working time: a budget, a step's time, an obligation's delay
/// triggered in it, or (for a complaint procedure) a tier's deadline in minutes, hours or
/// working days.
fn uses_working_time(model: &Model, proc: &crate::model::Procedure) -> bool {
    let working = |d: &crate::model::Duration| d.unit.measure() == Measure::Working;
    let index = model.procedures.iter().position(|p| std::ptr::eq(p, proc));
    proc.budgets.iter().any(|b| working(&b.duration))
        || proc
            .steps
            .iter()
            .filter_map(|s| s.duration.as_ref())
            .any(working)
        || model.services.iter().flat_map(|s| &s.obligations).any(|o| {
            o.delay.as_ref().is_some_and(working)
                && o.trigger.as_ref().map(|t| t.procedure) == index
        })
        || match proc.owner {
            Owner::Complaints(k) => model.complaints.get(k).is_some_and(|c| {
                c.tiers
                    .iter()
                    .filter_map(|t| t.deadline.as_ref())
                    .any(working)
            }),
            _ => false,
        }
}
