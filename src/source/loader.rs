//! How the core reads files: through a [`Loader`], so hosts, tests and the CLI choose the I/O.

use std::collections::BTreeMap;

/// Reads the bytes of a file named by a `/`-separated path.
pub trait Loader {
    /// The bytes, or why they cannot be read.
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError>;

    /// Where a path really leads, links resolved, when the loader knows (a file system does;
    /// a map of texts does not, and its paths are what they say). Includes and scenarios must
    /// stay inside the standards root after this resolution.
    fn real_path(&self, path: &str) -> Option<String> {
        let _ = path;
        None
    }

    /// The names of the files directly in a folder, for "did you mean" when a name is not
    /// found. A loader that cannot list folders returns none (the default).
    fn list(&self, dir: &str) -> Vec<String> {
        let _ = dir;
        Vec::new()
    }

    /// The bytes of each of `paths`, in order: [`Loader::read`] of each by default. A loader
    /// whose reads wait on a system (a file system) may read several at once.
    fn read_many(&self, paths: &[&str]) -> Vec<Result<Vec<u8>, ReadError>> {
        paths.iter().map(|p| self.read(p)).collect()
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
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError> {
        let bytes = self.files.get(path).ok_or(ReadError::NotFound)?;
        if bytes.len() > super::limits::MAX_FILE_BYTES {
            return Err(ReadError::TooLarge {
                limit: super::limits::MAX_FILE_BYTES,
            });
        }
        Ok(bytes.clone())
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
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError> {
        read_file(path, super::limits::MAX_FILE_BYTES)
    }

    fn real_path(&self, path: &str) -> Option<String> {
        let real = std::fs::canonicalize(if path.is_empty() { "." } else { path }).ok()?;
        Some(real.to_string_lossy().replace('\\', "/"))
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let dir = if dir.is_empty() { "." } else { dir };
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    // The entry's own type needs no further call; only a link is followed.
                    .filter(|e| match e.file_type() {
                        Ok(kind) if kind.is_symlink() => e.path().is_file(),
                        Ok(kind) => kind.is_file(),
                        Err(_) => false,
                    })
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn read_many(&self, paths: &[&str]) -> Vec<Result<Vec<u8>, ReadError>> {
        // Each read waits on the system more than it computes: two at once nearly halve
        // the time a folder of thousands of files takes.
        super::cores::in_chunks(paths.to_vec(), |chunk| {
            chunk.into_iter().map(|p| self.read(p)).collect()
        })
    }
}

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing at that path.
    NotFound,
    /// A folder, a pipe, a device: not a regular file (reading a FIFO would wait forever,
    /// `/dev/zero` never end).
    NotAFile,
    /// Larger than the limit for its kind of file, in bytes.
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// The permissions do not allow reading it.
    Denied,
    /// Anything else, as the system said it.
    Other(String),
}

impl ReadError {
    /// Why, in words, in `lang`.
    pub fn message(&self, lang: super::Lang) -> String {
        use super::Lang::{En, Id};
        match (self, lang) {
            (ReadError::NotFound, Id) => "tidak ada".into(),
            (ReadError::NotFound, En) => "not found".into(),
            (ReadError::NotAFile, Id) => "bukan berkas biasa (folder, pipa atau perangkat)".into(),
            (ReadError::NotAFile, En) => "not a regular file (a folder, a pipe or a device)".into(),
            (ReadError::TooLarge { limit }, Id) => {
                format!("lebih besar dari batasnya, {} MiB", limit >> 20)
            }
            (ReadError::TooLarge { limit }, En) => {
                format!("larger than its limit of {} MiB", limit >> 20)
            }
            (ReadError::Denied, Id) => "tidak diizinkan dibaca".into(),
            (ReadError::Denied, En) => "permission denied".into(),
            (ReadError::Other(why), _) => why.clone(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(super::Lang::En))
    }
}

impl std::error::Error for ReadError {}

/// Reads a regular file of at most `limit` bytes; never waits on a pipe, never reads past
/// the limit.
pub fn read_file(path: &str, limit: usize) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path).map_err(|e| io_error(&e))?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit as u64 {
        return Err(ReadError::TooLarge { limit });
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

fn io_error(e: &std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadError::Denied,
        std::io::ErrorKind::IsADirectory => ReadError::NotAFile,
        _ => ReadError::Other(e.to_string()),
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
