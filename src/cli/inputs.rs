//! Turning command-line paths into the files to check (standards and calendars) and their
//! standards roots.

use sopan::project::Entry;
use std::path::{Path, PathBuf};

/// Every `.sop` and calendar file under the given paths (folders walked recursively, sorted), each with
/// its standards root: `--root`, else the project file's (`sopan.yaml`, found by walking up),
/// else the nearest folder named `standards` at or above the path, else the folder given (or
/// the file's folder). An unreadable path is an error message.
pub fn entries(paths: &[String], root: Option<&str>) -> Result<Vec<Entry>, String> {
    let defaults = default_paths();
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    let lang = super::words();
    if let Some(r) = root.filter(|r| !Path::new(r).is_dir()) {
        return Err(match lang {
            sopan::diag::Lang::Id => format!("folder standar `{r}` (`--root`) tidak ada"),
            sopan::diag::Lang::En => format!("the standards root `{r}` (`--root`) does not exist"),
        });
    }
    for p in paths {
        let path = Path::new(p);
        if p.ends_with(".case.yaml") {
            return Err(match lang {
                sopan::diag::Lang::Id => {
                    format!("`{p}` adalah skenario, bukan standar: jalankan `sopan test {p}`")
                }
                sopan::diag::Lang::En => {
                    format!("`{p}` is a scenario, not a standard: run `sopan test {p}`")
                }
            });
        }
        let meta = std::fs::metadata(path).map_err(|e| cannot_read(p, &e, lang))?;
        let this_root = root_of(p, meta.is_dir(), root)?;
        // A root above the working folder (`..`) cannot be compared with the paths as
        // written: both are made absolute.
        let (path, this_root) = if this_root.starts_with("..") {
            let absolute = |q: &Path| std::fs::canonicalize(q).unwrap_or_else(|_| q.to_path_buf());
            (absolute(path), slash(&absolute(Path::new(&this_root))))
        } else {
            (path.to_path_buf(), this_root)
        };
        let path = path.as_path();
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &this_root, &mut files).map_err(|e| cannot_read(p, &e, super::words()))?;
            files.sort();
            // A folder with nothing to check says so: "0 files checked, no errors" would
            // read as a pass. (A calendar file alone is something to check.)
            if files.is_empty() {
                return Err(match lang {
                    sopan::diag::Lang::Id => format!(
                        "folder `{p}` tidak berisi standar atau kalender (berkas .sop atau NAMA.kalender.yaml)"
                    ),
                    sopan::diag::Lang::En => format!(
                        "the folder `{p}` holds no standard or calendar (.sop or NAME.kalender.yaml file)"
                    ),
                });
            }
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

/// The standards root of a path (see [`entries`]): `--root`, the project file's, the nearest
/// `standards` folder above, else the folder given or the file's folder.
pub fn root_of(p: &str, is_dir: bool, root: Option<&str>) -> Result<String, String> {
    let path = Path::new(p);
    Ok(match root {
        Some(r) => r.to_string(),
        None => match super::project_file::find(path)? {
            Some(project) => project.root,
            None if is_dir => {
                standards_above(path).unwrap_or_else(|| p.trim_end_matches('/').to_string())
            }
            None => default_root(path),
        },
    })
}

/// Whether `file` lies inside the folder `root` once links and `..` are resolved.
pub fn inside(file: &str, root: &str) -> bool {
    match (std::fs::canonicalize(file), std::fs::canonicalize(root)) {
        (Ok(f), Ok(r)) => f.starts_with(r),
        _ => false,
    }
}

/// Loads the standards at `paths` (see [`entries`]), with the project file's default
/// calendar; an error message when a path cannot be read.
pub fn open(paths: &[String], root: Option<&str>) -> Result<sopan::project::Project, String> {
    open_with(paths, root, false)
}

/// [`open`], keeping the standards to run cases on unless `checks_only`.
pub fn open_with(
    paths: &[String],
    root: Option<&str>,
    checks_only: bool,
) -> Result<sopan::project::Project, String> {
    let entries = entries(paths, root)?;
    let mut options = match project_file(paths)?.and_then(|p| p.calendar) {
        Some(name) => sopan::project::LoadOptions::with_default_calendar(name),
        None => sopan::project::LoadOptions::default(),
    };
    if checks_only {
        options = options.checking_only();
    }
    sopan::project::Project::load_with(&sopan::source::loader::FsLoader, &entries, &options)
        .map_err(|e| match super::words() {
            sopan::diag::Lang::Id => format!(
                "`{}` tidak dapat dibaca: {}",
                e.path,
                e.reason.message(sopan::diag::Lang::Id)
            ),
            sopan::diag::Lang::En => format!("cannot read `{}`: {}", e.path, e.reason),
        })
}

/// The language asked for: `--lang`, else `SOPAN_LANG` (`id` or `en`), else the project
/// file's `bahasa`; `None` leaves it to each file's keywords.
pub fn lang(choice: Option<super::LangArg>, paths: &[String]) -> Option<super::LangArg> {
    choice
        .or_else(|| match std::env::var("SOPAN_LANG").ok()?.as_str() {
            "id" => Some(super::LangArg::Id),
            "en" => Some(super::LangArg::En),
            _ => None,
        })
        .or_else(|| project_file(paths).ok().flatten().and_then(|p| p.lang))
}

/// The project file above the first path given (or the working folder), if any.
pub fn project_file(paths: &[String]) -> Result<Option<super::project_file::ProjectFile>, String> {
    let first = paths.first().map_or(".", String::as_str);
    super::project_file::find(Path::new(first))
}

/// What a command works on when given no path: the standards root of the project file above
/// the working folder, else `standards/`.
pub fn default_paths() -> Vec<String> {
    match super::project_file::find(Path::new(".")) {
        Ok(Some(project)) => vec![project.root],
        _ => vec![String::from("standards")],
    }
}

/// A path that cannot be read, in words.
pub fn cannot_read(path: &str, e: &std::io::Error, lang: sopan::diag::Lang) -> String {
    use sopan::diag::Lang;
    let why = match (e.kind(), lang) {
        (std::io::ErrorKind::NotFound, Lang::Id) => "tidak ada".to_string(),
        (std::io::ErrorKind::NotFound, Lang::En) => "it does not exist".to_string(),
        (std::io::ErrorKind::PermissionDenied, Lang::Id) => "tidak ada izin membacanya".to_string(),
        (std::io::ErrorKind::PermissionDenied, Lang::En) => "permission denied".to_string(),
        (std::io::ErrorKind::IsADirectory, Lang::Id) => "itu folder, bukan berkas".to_string(),
        (std::io::ErrorKind::IsADirectory, Lang::En) => "it is a folder, not a file".to_string(),
        (_, Lang::Id) => format!("kesalahan sistem: {e}"),
        (_, Lang::En) => e.to_string(),
    };
    match lang {
        Lang::Id => format!("`{path}` tidak dapat dibaca: {why}"),
        Lang::En => format!("cannot read `{path}`: {why}"),
    }
}

/// A text file of at most `limit` bytes (a case, a scenario, a project file): never waits on
/// a pipe, never reads past the limit; the reason in `lang` when it cannot be read.
pub fn read_text(path: &str, limit: usize, lang: sopan::diag::Lang) -> Result<String, String> {
    use sopan::diag::Lang;
    let bytes = sopan::source::loader::read_file(path, limit).map_err(|e| match lang {
        Lang::Id => format!("`{path}` tidak dapat dibaca: {}", e.message(lang)),
        Lang::En => format!("cannot read `{path}`: {}", e.message(lang)),
    })?;
    String::from_utf8(bytes).map_err(|e| match lang {
        Lang::Id => format!(
            "`{path}` bukan teks UTF-8 (bita ke-{})",
            e.utf8_error().valid_up_to()
        ),
        Lang::En => format!(
            "`{path}` is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// The nearest folder named `standards` at or above a folder.
fn standards_above(dir: &Path) -> Option<String> {
    let mut d = Some(dir);
    while let Some(here) = d {
        if here.file_name().is_some_and(|n| n == "standards") {
            return Some(slash(here));
        }
        d = here.parent();
    }
    None
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

/// Every standard and calendar file under `dir` (each real folder once, links followed only
/// while they stay inside the standards root `root`).
fn walk(dir: &Path, root: &str, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut files = Vec::new();
    sopan::project::walk_files_inside(dir, Some(Path::new(root)), &mut files)?;
    out.extend(files.into_iter().map(PathBuf::from));
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
    let project = open(paths, root).map_err(|m| {
        eprintln!("sopan: {m}");
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
            .model()
            .services
            .iter()
            .find_map(|svc| svc.complaints)
            .unwrap_or(0);
        Some((s, s.model().complaints.get(policy)?))
    })
}

/// The standard `file` roots; a file only included by others is a usage error (exit 2).
pub fn standard<'p>(
    project: &'p sopan::project::Project,
    file: &str,
) -> Result<&'p sopan::project::Standard, u8> {
    project.standards().first().ok_or_else(|| {
        eprintln!(
            "sopan: `{file}` {}",
            super::words().pick(
                "disertakan oleh berkas lain dan bukan standar tersendiri",
                "is included by another file and is not a standard on its own"
            )
        );
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
        None if project.is_english(standard.root()) => sopan::diag::Lang::En,
        None => sopan::diag::Lang::Id,
    }
}
