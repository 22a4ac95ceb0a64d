//! Files around a standard: finding standards and calendars in a folder, whether a file is
//! an agency file another standard beside it includes, and the content identity cases carry.

use crate::source::loader::{self, Loader};
use std::path::{Path, PathBuf};

/// A file to check and the standards root its includes must stay inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `/`-separated path.
    pub path: String,
    /// Folder that includes may not leave.
    pub root: String,
}

/// A file named on the command line (or by a host) that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read `{path}`: {reason}")]
pub struct LoadError {
    /// The path.
    pub path: String,
    /// Why.
    pub reason: crate::source::loader::ReadError,
}

/// Every standard (`.sop`) and calendar file under a folder of the file system, sorted, each
/// with the folder as its standards root.
pub fn walk(dir: &str) -> Result<Vec<Entry>, LoadError> {
    let mut files = Vec::new();
    walk_files(std::path::Path::new(dir), &mut files).map_err(|e| LoadError {
        path: dir.to_string(),
        reason: crate::source::loader::ReadError::Other(e.to_string()),
    })?;
    files.sort();
    let root = dir.trim_end_matches('/').to_string();
    Ok(files
        .into_iter()
        .map(|path| Entry {
            path,
            root: root.clone(),
        })
        .collect())
}

/// Every standard and calendar file under `dir`, each once: folders are walked without
/// recursion, each real folder once (links to a folder already walked, or to one above, are
/// not walked again), at most [`MAX_WALK_DEPTH`](crate::source::limits::MAX_WALK_DEPTH)
/// deep. The files keep the paths they are reached by.
pub fn walk_files(dir: &std::path::Path, out: &mut Vec<String>) -> std::io::Result<()> {
    walk_files_inside(dir, None, out)
}

/// [`walk_files`], keeping only the files whose real place (links resolved) is inside the
/// folder `root` when one is given.
pub fn walk_files_inside(
    dir: &std::path::Path,
    root: Option<&std::path::Path>,
    out: &mut Vec<String>,
) -> std::io::Result<()> {
    let real_root = root.and_then(|r| std::fs::canonicalize(r).ok());
    let mut seen = std::collections::HashSet::new();
    // Folder by folder, one depth at a time, the folders of a depth read on every core
    // (reading a folder waits on the system). Each folder carries its real place when it is
    // known: a folder entry that is not a link is really where its parent really is, under
    // its own name, so only the start and the links need the system to resolve them.
    let mut level = vec![(dir.to_path_buf(), None)];
    let mut depth = 0;
    while !level.is_empty() && depth <= crate::source::limits::MAX_WALK_DEPTH {
        let mut todo = Vec::new();
        for (dir, known) in level {
            let real = match known {
                Some(real) => real,
                None => std::fs::canonicalize(&dir)?,
            };
            if seen.insert(real.clone()) {
                todo.push((dir, real));
            }
        }
        let read = crate::source::cores::in_chunks(todo, |chunk| {
            chunk
                .into_iter()
                .map(|(dir, real)| read_folder(&dir, &real, real_root.as_deref()))
                .collect()
        });
        level = Vec::new();
        for folder in read {
            let (files, folders) = folder?;
            out.extend(files);
            level.extend(folders);
        }
        depth += 1;
    }
    out.sort();
    out.dedup();
    Ok(())
}

/// A folder's standard and calendar files (those whose real place is inside `real_root`,
/// when given) and its folders, each with its real place when it is not a link.
type Folder = (Vec<String>, Vec<(PathBuf, Option<PathBuf>)>);

fn read_folder(dir: &Path, real: &Path, real_root: Option<&Path>) -> std::io::Result<Folder> {
    let (mut files, mut folders) = (Vec::new(), Vec::new());
    let dir_inside = real_root.is_none_or(|r| real.starts_with(r));
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // The entry's own type needs no further call; only a link is followed to see
        // what it points to.
        let kind = entry.file_type()?;
        let link = kind.is_symlink();
        let (is_dir, is_file) = if link {
            (path.is_dir(), path.is_file())
        } else {
            (kind.is_dir(), kind.is_file())
        };
        if is_dir {
            let known = (!link).then(|| real.join(entry.file_name()));
            folders.push((path, known));
            continue;
        }
        let text = path.to_string_lossy().replace('\\', "/");
        if is_file && (text.ends_with(".sop") || is_calendar_file(&text)) {
            let inside = match (real_root, link || !dir_inside) {
                (Some(r), true) => std::fs::canonicalize(&path).is_ok_and(|p| p.starts_with(r)),
                _ => true,
            };
            if inside {
                files.push(text);
            }
        }
    }
    Ok((files, folders))
}

/// Whether a path names a calendar file (`NAME.kalender.yaml` or `NAME.calendar.yaml`).
pub fn is_calendar_file(path: &str) -> bool {
    path.ends_with(".kalender.yaml") || path.ends_with(".calendar.yaml")
}

/// SHA-256 over the texts of the standard's files, each followed by a 0xff byte (which no
/// UTF-8 text holds): `sha256:` and 64 hex digits. Stable across runs and platforms.
pub(super) fn content_hash<'t>(parts: impl Iterator<Item = &'t str> + Clone) -> String {
    use sha2::Digest as _;
    let mut h = sha2::Sha256::new();
    for part in parts {
        h.update(part.as_bytes());
        h.update([0xff]);
    }
    let mut out = String::from("sha256:");
    for b in h.finalize() {
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!("{b:02x}"));
    }
    out
}

/// The identity cases persisted before SHA-256 carry: FNV-1a, 16 hex digits, over the same
/// bytes. Kept so those cases still resume on an unchanged standard.
pub(super) fn legacy_hash<'t>(parts: impl Iterator<Item = &'t str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Whether another `.sop` file in the same folder as `path` includes it (`sertakan "…"` /
/// `include "…"` naming its file). Read through the loader, so hosts decide what a folder is.
pub(super) fn included_beside(loader: &dyn Loader, path: &str) -> bool {
    let dir = loader::parent(path);
    let name = path.rsplit('/').next().unwrap_or(path);
    let quoted = format!("\"{name}\"");
    loader
        .list(dir)
        .into_iter()
        .filter(|f| f.ends_with(".sop") && f != name)
        .any(|f| {
            loader
                .read(&loader::join(dir, &f))
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .is_some_and(|text| {
                    text.lines().any(|l| {
                        let l = l.trim_start();
                        (l.starts_with("sertakan") || l.starts_with("include"))
                            && l.contains(&quoted)
                    })
                })
        })
}

/// A file of a name close to the missing `target` in its folder, written as `written` would
/// be (same folder part, the close name).
pub(super) fn close_file(loader: &dyn Loader, target: &str, written: &str) -> Option<String> {
    let dir = loader::parent(target);
    let name = target.rsplit('/').next().unwrap_or(target);
    let names = loader.list(dir);
    let close = crate::diag::did_you_mean(name, names.iter().map(String::as_str))?;
    Some(match written.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{close}"),
        None => close,
    })
}
