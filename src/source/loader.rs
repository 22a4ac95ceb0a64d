//! How the core reads files: through a [`Loader`], so hosts, tests and the CLI choose the I/O.

use std::collections::BTreeMap;

/// Reads the bytes of a file named by a `/`-separated path.
pub trait Loader {
    /// The bytes, or why they cannot be read (in plain words).
    fn read(&self, path: &str) -> Result<Vec<u8>, String>;

    /// The names of the files directly in a folder, for "did you mean" when a name is not
    /// found. A loader that cannot list folders returns none (the default).
    fn list(&self, dir: &str) -> Vec<String> {
        let _ = dir;
        Vec::new()
    }
}

/// Files held in memory, for hosts that keep standards in a database and for tests.
#[derive(Debug, Clone, Default)]
pub struct MemoryLoader {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemoryLoader {
    /// An empty loader.
    pub fn new() -> Self {
        MemoryLoader::default()
    }

    /// Adds a file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.files.insert(path.into(), bytes.into());
        self
    }
}

impl Loader for MemoryLoader {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| "no such file".to_string())
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{}/", dir.trim_end_matches('/'))
        };
        self.files
            .keys()
            .filter_map(|p| p.strip_prefix(&prefix))
            .filter(|rest| !rest.contains('/'))
            .map(str::to_string)
            .collect()
    }
}

/// Reads from the file system. The only I/O in the library; the core never calls it directly.
#[derive(Debug, Clone, Copy, Default)]
pub struct FsLoader;

impl Loader for FsLoader {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| e.to_string())
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let dir = if dir.is_empty() { "." } else { dir };
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.path().is_file())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The folder part of a `/`-separated path (`""` for a bare file name).
pub fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Joins `rel` to the folder `dir` and removes `.` and `..` segments lexically.
/// A `..` that climbs above the start is kept, so escapes stay visible.
pub fn join(dir: &str, rel: &str) -> String {
    let absolute = rel.starts_with('/') || (rel.is_empty() && dir.starts_with('/'));
    let base = if rel.starts_with('/') { "" } else { dir };
    let lead = base.starts_with('/') || absolute;
    let mut parts: Vec<&str> = Vec::new();
    for seg in base.split('/').chain(rel.split('/')) {
        match seg {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if lead => {}
                _ => parts.push(".."),
            },
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if lead {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Whether `path` lies inside the folder `root` (both normalised with [`join`]).
pub fn within(root: &str, path: &str) -> bool {
    let root = join(root, "");
    if root.is_empty() {
        return !path.starts_with("..") && !path.starts_with('/');
    }
    path.strip_prefix(&root)
        .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_normalises() {
        assert_eq!(
            join("standards/pekanbaru", "dpmptsp.sop"),
            "standards/pekanbaru/dpmptsp.sop"
        );
        assert_eq!(join("standards/pekanbaru", "../x.sop"), "standards/x.sop");
        assert_eq!(join("standards", "../../etc/passwd"), "../etc/passwd");
        assert_eq!(join("/a/b", "../c"), "/a/c");
        assert_eq!(join("/a", "../../../c"), "/c");
    }

    #[test]
    fn knows_what_is_inside_the_root() {
        assert!(within("standards", "standards/pekanbaru/a.sop"));
        assert!(!within("standards", "standards2/a.sop"));
        assert!(!within("standards/pekanbaru", "standards/x.sop"));
        assert!(within(".", "a.sop"));
        assert!(!within(".", "../a.sop"));
    }
}
