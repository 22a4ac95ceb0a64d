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
