//! The standards a server runs cases on: every standard under a standards root, loaded and
//! checked at start and on reload. A reload never disturbs a running case: the content each
//! case was opened on stays loaded for as long as the server runs, so a case keeps its
//! standard's hash. After a restart, a case whose standard has since changed is refused with
//! the reason, unless the change is declared deliberate in `migrasi.yaml` at the root:
//!
//! ```yaml
//! # migrasi.yaml: cases opened on this content replay their events on the current one
//! - standard: pekanbaru/izin_praktik_dokter.sop
//!   dari: sha256:6eb0d5c3…   # or from:
//! ```

use crate::words::Words;
use serde::Deserialize;
use sopan::diag::Severity;
use sopan::interp::Context;
use sopan::project::{Entry, LoadOptions, Project};
use std::path::Path;
use std::sync::Arc;

/// The declared-migrations file at the standards root.
pub const MIGRATIONS: &str = "migrasi.yaml";

/// A change of content declared deliberate.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// The standard's file, relative to the root.
    pub standard: String,
    /// The content hash cases were opened on.
    #[serde(alias = "from")]
    pub dari: String,
}

/// The loaded standards: the current content and every earlier content still running cases.
pub struct Catalog {
    root: String,
    /// Newest first; the first is what new cases open on.
    generations: Vec<Arc<Project>>,
    migrations: Vec<Migration>,
}

/// How a stored case's standard is found.
pub enum Found<'p> {
    /// On the content it was opened on.
    Same(Context<'p>),
    /// The content changed, and the change is declared: replay on the current one.
    Migrate(Context<'p>),
}

/// Why a stored case's standard cannot be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No standard of that file is loaded.
    Standard(String),
    /// The standard has no such procedure.
    Procedure(String, String),
    /// The standard changed since the case was opened and no migration is declared.
    Changed {
        /// The file.
        standard: String,
        /// The case's content.
        was: String,
        /// The current content.
        now: String,
    },
}

impl Catalog {
    /// Loads every standard under `root`. Refused, with every error, when one does not check
    /// clean: a server never runs cases on a standard with errors.
    pub fn load(root: &str, words: Words) -> Result<Catalog, String> {
        let project = load_root(root, words)?;
        Ok(Catalog {
            root: root.to_string(),
            generations: vec![Arc::new(project)],
            migrations: migrations(root, words)?,
        })
    }

    /// Loads the root again; the content running cases were opened on stays. Returns the new
    /// catalog and the files whose content changed.
    pub fn reload(&self, words: Words) -> Result<(Catalog, Vec<String>), String> {
        let project = load_root(&self.root, words)?;
        let migrations = migrations(&self.root, words)?;
        let changed: Vec<String> = project
            .standards()
            .iter()
            .filter(|s| !self.has(s.file(), s.hash()))
            .map(|s| s.file().to_string())
            .collect();
        let mut generations = vec![Arc::new(project)];
        // An older generation stays only while it holds content the new one does not.
        for old in &self.generations {
            let still_needed = old.standards().iter().any(|s| {
                !generations
                    .iter()
                    .any(|g| g.standards().iter().any(|n| n.hash() == s.hash()))
            });
            if still_needed {
                generations.push(Arc::clone(old));
            }
        }
        let catalog = Catalog {
            root: self.root.clone(),
            generations,
            migrations,
        };
        Ok((catalog, changed))
    }

    /// The standards root.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The current content, which new cases open on.
    pub fn current(&self) -> &Project {
        &self.generations[0]
    }

    /// How many contents are loaded (the current one and older ones still running cases).
    pub fn generations(&self) -> usize {
        self.generations.len()
    }

    fn has(&self, file: &str, hash: &str) -> bool {
        self.generations.iter().any(|g| {
            g.standards()
                .iter()
                .any(|s| s.file() == file && s.hash() == hash)
        })
    }

    /// The current content of `file`'s `procedure`, to open a case on.
    pub fn open(&self, file: &str, procedure: &str) -> Result<Context<'_>, Missing> {
        let standard = self
            .current()
            .standards()
            .iter()
            .find(|s| s.file() == file)
            .ok_or_else(|| Missing::Standard(file.to_string()))?;
        standard
            .context(procedure)
            .ok_or_else(|| Missing::Procedure(file.to_string(), procedure.to_string()))
    }

    /// The content a stored case runs on: the one it was opened on while loaded, else the
    /// current one when a migration from its content is declared.
    pub fn find(&self, file: &str, procedure: &str, hash: &str) -> Result<Found<'_>, Missing> {
        for g in &self.generations {
            if let Some(s) = g
                .standards()
                .iter()
                .find(|s| s.file() == file && (s.hash() == hash || s.legacy_hash() == hash))
            {
                return s
                    .context(procedure)
                    .map(Found::Same)
                    .ok_or_else(|| Missing::Procedure(file.to_string(), procedure.to_string()));
            }
        }
        let ctx = self.open(file, procedure)?;
        if self
            .migrations
            .iter()
            .any(|m| m.standard == file && m.dari == hash)
        {
            return Ok(Found::Migrate(ctx));
        }
        Err(Missing::Changed {
            standard: file.to_string(),
            was: hash.to_string(),
            now: ctx.standard_ref().hash.clone(),
        })
    }
}

/// Every standard and calendar under `root`, with the project file's default calendar.
fn load_root(root: &str, words: Words) -> Result<Project, String> {
    let dir = Path::new(root);
    if !dir.is_dir() {
        return Err(words.pick(
            format!("folder standar `{root}` tidak ada"),
            format!("the standards root `{root}` does not exist"),
        ));
    }
    let mut files = Vec::new();
    sopan::project::walk_files(dir, &mut files).map_err(|e| {
        words.pick(
            format!("folder standar `{root}` tidak dapat dibaca: {e}"),
            format!("cannot read the standards root `{root}`: {e}"),
        )
    })?;
    files.sort();
    let entries: Vec<Entry> = files
        .into_iter()
        .map(|path| Entry {
            path,
            root: root.to_string(),
        })
        .collect();
    let options = match project_calendar(root, words)? {
        Some(name) => LoadOptions::with_default_calendar(name),
        None => LoadOptions::default(),
    };
    let project = Project::load_with(&sopan::source::loader::FsLoader, &entries, &options)
        .map_err(|e| {
            words.pick(
                format!(
                    "`{}` tidak dapat dibaca: {}",
                    e.path,
                    e.reason.message(words.lang())
                ),
                format!("cannot read `{}`: {}", e.path, e.reason),
            )
        })?;
    let errors: Vec<String> = project
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| {
            let place = d
                .loc
                .and_then(|l| {
                    let file = project.sources().get(l.file)?;
                    let (line, _) = file.line_col(l.span.start as usize);
                    Some(format!("{}:{line}: ", file.path))
                })
                .unwrap_or_default();
            format!("{place}{}: {}", d.code(), d.message(words.lang()))
        })
        .collect();
    if errors.is_empty() {
        Ok(project)
    } else {
        Err(words.pick(
            format!(
                "standar punya kesalahan (jalankan `sopan check {root}`):\n{}",
                errors.join("\n")
            ),
            format!(
                "the standards have errors (run `sopan check {root}`):\n{}",
                errors.join("\n")
            ),
        ))
    }
}

/// The project file's `kalender`, when it has one.
fn project_calendar(root: &str, words: Words) -> Result<Option<String>, String> {
    #[derive(Deserialize)]
    struct Raw {
        #[serde(alias = "calendar")]
        kalender: Option<String>,
    }
    let path = Path::new(root).join("sopan.yaml");
    let Some(text) = read_small(&path, words)? else {
        return Ok(None);
    };
    let raw: Raw = serde_yaml::from_str(&text).map_err(|e| {
        words.pick(
            format!("`{}` tidak terbaca: {e}", path.display()),
            format!("cannot read `{}`: {e}", path.display()),
        )
    })?;
    Ok(raw.kalender)
}

fn migrations(root: &str, words: Words) -> Result<Vec<Migration>, String> {
    let path = Path::new(root).join(MIGRATIONS);
    let Some(text) = read_small(&path, words)? else {
        return Ok(Vec::new());
    };
    let list: Option<Vec<Migration>> = serde_yaml::from_str(&text).map_err(|e| {
        words.pick(
            format!(
                "`{}` bukan daftar migrasi (`- standard: …` dan `dari: sha256:…`): {e}",
                path.display()
            ),
            format!(
                "`{}` is not a list of migrations (`- standard: …` and `from: sha256:…`): {e}",
                path.display()
            ),
        )
    })?;
    Ok(list.unwrap_or_default())
}

/// A small configuration file, `None` when absent.
fn read_small(path: &Path, words: Words) -> Result<Option<String>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let shown = path.display().to_string();
    let bytes =
        sopan::source::loader::read_file(&shown, sopan::source::limits::MAX_PROJECT_FILE_BYTES)
            .map_err(|e| {
                words.pick(
                    format!(
                        "`{}` tidak dapat dibaca: {}",
                        path.display(),
                        e.message(words.lang())
                    ),
                    format!("cannot read `{}`: {e}", path.display()),
                )
            })?;
    String::from_utf8(bytes).map(Some).map_err(|_| {
        words.pick(
            format!("`{}` bukan teks UTF-8", path.display()),
            format!("`{}` is not UTF-8 text", path.display()),
        )
    })
}
