//! The project file, `sopan.yaml`, at the top of a standards tree: it marks the standards
//! root (the folder includes may not leave and calendars are found in), and may name the
//! default calendar and the language of messages. Every command finds it by walking up from
//! the paths it is given, so it works from any subfolder or on a single file.
//!
//! ```yaml
//! # sopan.yaml
//! kalender: nasional   # calendar: … — for procedures whose agency and service name none
//! bahasa: id           # language: id | en
//! folder: .            # the standards root, relative to this file (default: its folder)
//! ```

use super::LangArg;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file's name.
pub const NAME: &str = "sopan.yaml";

/// What a project file says.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(alias = "root")]
    folder: Option<String>,
    #[serde(alias = "calendar")]
    kalender: Option<String>,
    #[serde(alias = "language")]
    bahasa: Option<String>,
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    if sopan::source::limits::yaml_too_deep(&text, sopan::source::limits::MAX_YAML_DEPTH).is_some()
    {
        return Err(format!(
            "berkas proyek `{shown}`: `[` atau `{{` bersarang lebih dari {} tingkat",
            sopan::source::limits::MAX_YAML_DEPTH
        ));
    }
    let raw: Raw = if text.trim().is_empty() {
        Raw::default()
    } else {
        serde_yaml::from_str(&text).map_err(|e| {
            format!(
                "berkas proyek `{shown}` tidak sah: {e} (kunci yang dikenal: folder, kalender, bahasa)"
            )
        })?
    };
    let lang = match raw.bahasa.as_deref() {
        None => None,
        Some("id") => Some(LangArg::Id),
        Some("en") => Some(LangArg::En),
        Some(other) => {
            return Err(format!(
                "berkas proyek `{shown}`: bahasa `{other}` tidak dikenal; tulis `id` atau `en`"
            ))
        }
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
