//! The open documents over the file system: what the editor holds is read instead of the
//! disk, everything else (includes, calendars) from the disk; and where a document's
//! standards root is.

use sopan::source::loader::{FsLoader, Loader, ReadError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The texts the editor holds, by `/`-separated absolute path.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<String, String>,
}

impl Documents {
    /// Keeps (or replaces) the text of `path`.
    pub fn set(&mut self, path: String, text: String) {
        self.open.insert(path, text);
    }

    /// Forgets `path`: the disk is read again.
    pub fn close(&mut self, path: &str) {
        self.open.remove(path);
    }

    /// The editor's text of `path`, when open.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.open.get(path).map(String::as_str)
    }

    /// The paths the editor holds.
    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.open.keys()
    }
}

impl Loader for Documents {
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError> {
        match self.open.get(path) {
            Some(text) => Ok(text.as_bytes().to_vec()),
            None => FsLoader.read(path),
        }
    }

    fn real_path(&self, path: &str) -> Option<String> {
        FsLoader.real_path(path)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        FsLoader.list(dir)
    }
}

/// The project of a file, as `sopan check` finds it: the standards root — the one the nearest
/// project file (`sopan.yaml`) above sets, else the nearest folder named `standards`, else
/// the file's own folder — and what the project file says (read by the library, so both
/// decide alike; a project file that cannot be read is taken as empty).
pub fn project_of(docs: &Documents, file: &Path) -> (PathBuf, sopan::project::Settings) {
    let dir = file.parent().unwrap_or(Path::new("/"));
    if let Some((at, settings)) = sopan::project::Settings::find(docs, &slash(dir)) {
        let settings = settings.unwrap_or_default();
        return (PathBuf::from(settings.root(&at)), settings);
    }
    let root = dir
        .ancestors()
        .find(|d| d.file_name().is_some_and(|n| n == "standards"))
        .unwrap_or(dir)
        .to_path_buf();
    (root, sopan::project::Settings::default())
}

/// A path as the loader names it: `/`-separated.
pub fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
