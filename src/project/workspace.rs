//! A folder of standards kept checked while its files change — an editor's workspace, or a
//! host that edits standards in place. Each standard is loaded on its own with its own
//! [`Cache`]; a change re-checks only the standards whose load read the changed file (or
//! listed its folder), so one edited service file among a thousand costs one standard's
//! re-check, and the agency file and calendars it shares are not parsed or judged again.
//!
//! Which files are standards is decided as [`Project::load`] decides it: a file no other
//! loaded file includes is the root of a standard; files that only include each other are
//! checked once, from the first of them in path order. Calendar files are checked on their
//! own unless a standard reads them.

use super::{Cache, Entry, LoadError, LoadOptions, Project};
use crate::diag::Diagnostic;
use crate::source::loader::{self, Loader, ReadError};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The standards of a set of files, each checked, kept up to date by [`Workspace::changed`].
#[derive(Debug, Default)]
pub struct Workspace {
    options: LoadOptions,
    /// Every file given, by its normalised path.
    entries: BTreeMap<String, Entry>,
    /// One load per standard (or calendar checked alone), by the path of its root file.
    members: BTreeMap<String, Member>,
    /// For each path, the members whose load read it or listed its folder (`dir/`).
    readers: HashMap<String, BTreeSet<String>>,
    /// For each path, the members whose standards hold it (the root's own member included).
    holders: HashMap<String, BTreeSet<String>>,
}

#[derive(Debug, Default)]
struct Member {
    project: Project,
    cache: Cache,
    /// Every path the load asked for, found or not, and every folder it listed (`dir/`).
    read: BTreeSet<String>,
    /// The files the loaded project holds.
    held: BTreeSet<String>,
}

impl Workspace {
    /// Loads and checks every entry (`.sop` and calendar files, as [`super::walk`] lists
    /// them). Fails only when an entry itself cannot be read.
    pub fn open(
        loader: &dyn Loader,
        entries: &[Entry],
        options: LoadOptions,
    ) -> Result<Workspace, LoadError> {
        let mut w = Workspace {
            options,
            ..Workspace::default()
        };
        for e in entries {
            w.entries.insert(loader::join("", &e.path), e.clone());
        }
        let all: Vec<String> = w.entries.keys().cloned().collect();
        w.settle(loader, all)?;
        Ok(w)
    }

    /// Takes in that the files at `paths` changed, appeared (with `entry` for a new standard
    /// or calendar file the workspace should check) or disappeared, and re-checks the
    /// standards that read them. Returns the root paths of the standards checked again.
    pub fn changed(
        &mut self,
        loader: &dyn Loader,
        paths: &[&str],
        new_entries: &[Entry],
    ) -> Result<Vec<String>, LoadError> {
        for e in new_entries {
            self.entries.insert(loader::join("", &e.path), e.clone());
        }
        let mut again: BTreeSet<String> = BTreeSet::new();
        let mut touched = Vec::new();
        for path in paths {
            let path = loader::join("", path);
            let folder = format!("{}/", loader::parent(&path));
            for key in [&path, &folder] {
                if let Some(r) = self.readers.get(key) {
                    again.extend(r.iter().cloned());
                }
            }
            if self.entries.contains_key(&path)
                && matches!(loader.read(&path), Err(ReadError::NotFound))
            {
                // Gone: no longer a file to check.
                self.entries.remove(&path);
                self.drop_member(&path, &mut touched);
                again.remove(&path);
            }
            touched.push(path);
        }
        for root in &again {
            self.load_member(loader, root, &mut touched)?;
        }
        self.settle(loader, touched)?;
        Ok(again
            .into_iter()
            .filter(|r| self.members.contains_key(r))
            .collect())
    }

    /// The loads of the workspace, by the path of their root file: one per standard, and one
    /// per calendar file no standard reads.
    pub fn projects(&self) -> impl Iterator<Item = (&str, &Project)> {
        self.members.iter().map(|(k, m)| (k.as_str(), &m.project))
    }

    /// Every problem of the workspace, once each (a file shared by several standards is
    /// reported once), with the load that found it for its text.
    pub fn diagnostics(&self) -> Vec<(&Project, &Diagnostic)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for m in self.members.values() {
            for d in m.project.diagnostics() {
                let path = d
                    .loc
                    .and_then(|l| m.project.sources.get(l.file))
                    .map(|f| f.path.as_str());
                let span = d.loc.map(|l| (l.span.start, l.span.end));
                if seen.insert((path, span, d.code(), d.message(crate::diag::Lang::Id))) {
                    out.push((&m.project, d));
                }
            }
        }
        out
    }

    /// Loads the member rooted at `root` (an entry), keeping its cache if it had one.
    fn load_member(
        &mut self,
        loader: &dyn Loader,
        root: &str,
        touched: &mut Vec<String>,
    ) -> Result<(), LoadError> {
        let Some(entry) = self.entries.get(root).cloned() else {
            return Ok(());
        };
        let mut member = self.members.remove(root).unwrap_or_default();
        self.forget(root, &member, touched);
        let recording = Recording {
            inner: loader,
            read: RefCell::default(),
        };
        let project = Project::load_cached(&recording, &[entry], &self.options, &mut member.cache)?;
        member.read = recording.read.into_inner();
        member.held = project
            .sources
            .iter()
            .map(|(_, f)| f.path.clone())
            .collect();
        member.project = project;
        for p in &member.read {
            self.readers
                .entry(p.clone())
                .or_default()
                .insert(root.to_string());
        }
        for p in &member.held {
            self.holders
                .entry(p.clone())
                .or_default()
                .insert(root.to_string());
            touched.push(p.clone());
        }
        self.members.insert(root.to_string(), member);
        Ok(())
    }

    /// Removes the member rooted at `root`, if there is one.
    fn drop_member(&mut self, root: &str, touched: &mut Vec<String>) {
        if let Some(member) = self.members.remove(root) {
            self.forget(root, &member, touched);
        }
    }

    /// Takes `member`'s reads and holdings out of the indexes.
    fn forget(&mut self, root: &str, member: &Member, touched: &mut Vec<String>) {
        for p in &member.read {
            if let Some(set) = self.readers.get_mut(p) {
                set.remove(root);
                if set.is_empty() {
                    self.readers.remove(p);
                }
            }
        }
        for p in &member.held {
            if let Some(set) = self.holders.get_mut(p) {
                set.remove(root);
                if set.is_empty() {
                    self.holders.remove(p);
                }
            }
            touched.push(p.clone());
        }
    }

    /// Brings the members in line with the rule of roots for the paths whose holders
    /// changed: an entry no standard holds gets a load of its own; a member another
    /// standard holds is dropped (of files holding each other, the first in path order
    /// stays).
    fn settle(&mut self, loader: &dyn Loader, mut queue: Vec<String>) -> Result<(), LoadError> {
        while let Some(path) = queue.pop() {
            if !self.entries.contains_key(&path) {
                continue;
            }
            let holders = self.holders.get(&path);
            // Held by another standard, unless the two include each other and this one
            // comes first.
            let held_by_other = holders.is_some_and(|set| {
                set.iter().any(|h| {
                    h != &path
                        && !(path < *h
                            && self
                                .members
                                .get(h)
                                .is_some_and(|m| reaches(&m.project, &path, h)))
                })
            });
            let is_member = self.members.contains_key(&path);
            if is_member && held_by_other {
                self.drop_member(&path, &mut queue);
            } else if !is_member && !held_by_other {
                self.load_member(loader, &path, &mut queue)?;
            }
        }
        Ok(())
    }
}

/// Whether, in `project`, the file at `from` includes the file at `to`, directly or not.
fn reaches(project: &Project, from: &str, to: &str) -> bool {
    let id = |path: &str| {
        project
            .sources
            .iter()
            .find(|(_, f)| f.path == path)
            .map(|(id, _)| id)
    };
    let (Some(from), Some(to)) = (id(from), id(to)) else {
        return false;
    };
    let mut seen = vec![from];
    let mut stack = vec![from];
    while let Some(f) = stack.pop() {
        if f == to {
            return true;
        }
        for (target, _) in project.includes.get(f.0 as usize).into_iter().flatten() {
            if let Some(t) = target {
                if !seen.contains(t) {
                    seen.push(*t);
                    stack.push(*t);
                }
            }
        }
    }
    false
}

/// A loader that notes every path asked of it, so a change to any of them re-checks the
/// standard.
struct Recording<'a> {
    inner: &'a dyn Loader,
    read: RefCell<BTreeSet<String>>,
}

impl Loader for Recording<'_> {
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError> {
        self.read.borrow_mut().insert(loader::join("", path));
        self.inner.read(path)
    }

    fn real_path(&self, path: &str) -> Option<String> {
        self.read.borrow_mut().insert(loader::join("", path));
        self.inner.real_path(path)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        self.read
            .borrow_mut()
            .insert(format!("{}/", loader::join("", dir)));
        self.inner.list(dir)
    }
}
