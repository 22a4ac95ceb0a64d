//! The project file, `sopan.yaml`, at the top of a standards tree: it marks the standards
//! root (the folder includes may not leave and calendars are found in), and may name the
//! default calendar and the language of messages. Every command finds it by walking up from
//! the paths it is given, so it works from any subfolder or on a single file.
//!
//! The file's keys and their meaning are the library's (`sopan::project::Settings`); this
//! module finds the file from the paths a command is given and makes its root a path.

use super::LangArg;
use std::path::{Path, PathBuf};

/// The file's name.
pub const NAME: &str = "sopan.yaml";

/// The parts of a project file this module turns into paths.
struct Raw {
    folder: Option<String>,
    kalender: Option<String>,
}

/// A project file found above a path.
#[derive(Debug, Clone)]
pub struct ProjectFile {
    /// The standards root.
    pub root: String,
    /// The default calendar's name.
    pub calendar: Option<String>,
    /// The default language of messages.
    pub lang: Option<LangArg>,
}

/// The nearest project file at or above `start` (a file or a folder); an error message when
/// one is found but cannot be read.
pub fn find(start: &Path) -> Result<Option<ProjectFile>, String> {
    let absolute = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir: Option<&Path> = if absolute.is_dir() {
        Some(&absolute)
    } else {
        absolute.parent()
    };
    // The walk is over the absolute path; the root is given back relative to where it was
    // asked from, as the paths of files are.
    let relative_base = if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let mut up = 0usize;
    while let Some(d) = dir {
        let candidate = d.join(NAME);
        if candidate.is_file() {
            let mut base: PathBuf = relative_base.clone();
            for _ in 0..up {
                base.push("..");
            }
            return read(&candidate, &base).map(Some);
        }
        dir = d.parent();
        up += 1;
    }
    Ok(None)
}

fn read(path: &Path, base: &Path) -> Result<ProjectFile, String> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let limit = sopan::source::limits::MAX_PROJECT_FILE_BYTES;
    let text = super::inputs::read_text(&shown, limit, sopan::diag::Lang::Id)
        .map_err(|e| format!("berkas proyek: {e}"))?;
    // What the file says is the library's to read (`sopan::project::Settings`), so the
    // language server and hosts read it the same way.
    let settings = sopan::project::Settings::parse(&text, &shown)?;
    let lang = settings.lang.map(|l| match l {
        sopan::diag::Lang::Id => LangArg::Id,
        sopan::diag::Lang::En => LangArg::En,
    });
    let raw = Raw {
        folder: settings.folder,
        kalender: settings.calendar,
    };
    let mut root = base.to_path_buf();
    if let Some(folder) = &raw.folder {
        root.push(folder);
    }
    Ok(ProjectFile {
        root: tidy(&root),
        calendar: raw.kalender,
        lang,
    })
}

/// A relative path with `.` and `x/..` folded, `/` separators, `.` when empty.
fn tidy(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if parts.last().is_some_and(|p| p != "..") => {
                parts.pop();
            }
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/").replace("//", "/")
    }
}
