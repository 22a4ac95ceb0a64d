//! Turning command-line paths into the files to check (standards and calendars) and their
//! standards roots.

use sopan::project::Entry;
use std::path::{Path, PathBuf};

/// Every `.sop` and calendar file under the given paths (folders walked recursively, sorted), each with
/// its standards root. An unreadable path is an error message.
pub fn entries(paths: &[String], root: Option<&str>) -> Result<Vec<Entry>, String> {
    let defaults = [String::from("standards")];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read `{p}`: {e}"))?;
        let this_root = match root {
            Some(r) => r.to_string(),
            None if meta.is_dir() => p.trim_end_matches('/').to_string(),
            None => default_root(path),
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).map_err(|e| format!("cannot read `{p}`: {e}"))?;
            files.sort();
            out.extend(files.into_iter().map(|f| Entry {
                path: slash(&f),
                root: this_root.clone(),
            }));
        } else {
            out.push(Entry {
                path: slash(path),
                root: this_root,
            });
        }
    }
    Ok(out)
}

/// The nearest folder named `standards` above a file, else the file's own folder.
fn default_root(file: &Path) -> String {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d.file_name().is_some_and(|n| n == "standards") {
            return slash(d);
        }
        dir = d.parent();
    }
    file.parent().map(slash).unwrap_or_default()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "sop")
            || sopan::project::is_calendar_file(&path.to_string_lossy())
        {
            out.push(path);
        }
    }
    Ok(())
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Loads the standards at `paths` for a command that needs them clean: diagnostics go to
/// stderr; an unreadable path gives exit code 2, errors in the standards exit code 1.
pub fn load_clean(paths: &[String], root: Option<&str>) -> Result<sopan::project::Project, u8> {
    let project = load_reported(paths, root)?;
    if super::render::counts(&project).0 > 0 {
        return Err(super::FAILED);
    }
    Ok(project)
}

/// Loads the standards at `paths`, diagnostics to stderr, whatever they say; an unreadable
/// path gives exit code 2.
pub fn load_reported(paths: &[String], root: Option<&str>) -> Result<sopan::project::Project, u8> {
    let entries = entries(paths, root).map_err(|m| {
        eprintln!("sopan: {m}");
        super::USAGE
    })?;
    let project = sopan::project::Project::load(&sopan::source::loader::FsLoader, &entries)
        .map_err(|e| {
            eprintln!("sopan: {e}");
            super::USAGE
        })?;
    if !project.diagnostics().is_empty() {
        eprint!("{}", super::render::human(&project, None));
    }
    Ok(project)
}

/// The first standard with a complaint policy — the one a service names, else the agency's
/// own (a policy stands without a service) — with that policy.
pub fn complaint_policy(
    project: &sopan::project::Project,
) -> Option<(&sopan::project::Standard, &sopan::model::ComplaintPolicy)> {
    project.standards().iter().find_map(|s| {
        let policy = s
            .model
            .services
            .iter()
            .find_map(|svc| svc.complaints)
            .unwrap_or(0);
        Some((s, s.model.complaints.get(policy)?))
    })
}

/// The standard `file` roots; a file only included by others is a usage error (exit 2).
pub fn standard<'p>(
    project: &'p sopan::project::Project,
    file: &str,
) -> Result<&'p sopan::project::Standard, u8> {
    project.standards().first().ok_or_else(|| {
        eprintln!("sopan: `{file}` is included by another file and is not a standard on its own");
        super::USAGE
    })
}

/// The language of the words an output adds: `--lang`, else the keywords of the standard's file.
pub fn words_lang(
    project: &sopan::project::Project,
    standard: &sopan::project::Standard,
    choice: Option<super::LangArg>,
) -> sopan::diag::Lang {
    match choice {
        Some(super::LangArg::En) => sopan::diag::Lang::En,
        Some(super::LangArg::Id) => sopan::diag::Lang::Id,
        None if project.is_english(standard.root) => sopan::diag::Lang::En,
        None => sopan::diag::Lang::Id,
    }
}
