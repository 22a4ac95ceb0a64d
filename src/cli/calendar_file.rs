//! Finding and building the calendar a `sopan calendar` command names: a file's path, or
//! `NAME` looked up under the standards root.

use super::{FAILED, USAGE};
use sopan::diag::Lang;
use sopan::project::Project;
use sopan::source::loader::FsLoader;
use sopan::time::Calendar;
use std::path::Path;
use std::sync::Arc;

/// Finds `NAME.kalender.yaml` (or `.calendar.yaml`) under `root` and builds it. Refused with
/// `USAGE` when there is no such file to read, with `FAILED` when the file is not a calendar
/// that can be used (the input was read and refused, as `check` refuses it).
pub fn open(name: &str, root: &str) -> Result<Arc<Calendar>, (u8, String)> {
    // A calendar file given by its path is read where it is, its folder the root.
    if Path::new(name).is_file() {
        let path = name.replace('\\', "/");
        let dir = sopan::source::loader::parent(&path).to_string();
        let named = [".kalender.yaml", ".calendar.yaml"]
            .iter()
            .any(|end| path.ends_with(end));
        if !named {
            return Err((
                FAILED,
                match super::words() {
                    Lang::Id => format!(
                        "`{path}` bukan berkas kalender: namanya harus `NAMA.kalender.yaml`"
                    ),
                    Lang::En => format!(
                        "`{path}` is not a calendar file: its name must be `NAME.kalender.yaml`"
                    ),
                },
            ));
        }
        return open_found(name, &dir, &path).map_err(|e| (FAILED, e));
    }
    open_found(name, root, &find_one(name, root).map_err(|e| (USAGE, e))?).map_err(|e| (FAILED, e))
}

/// The first calendar file named `name` under `root`.
fn find_one(name: &str, root: &str) -> Result<String, String> {
    let mut found = Vec::new();
    find(Path::new(root), name, &mut found)
        .map_err(|e| super::inputs::cannot_read(root, &e, super::words()))?;
    found.sort();
    let path = found.first().ok_or_else(|| match super::words() {
        Lang::Id => {
            format!("tidak ada kalender `{name}` di bawah `{root}` (berkas `{name}.kalender.yaml`)")
        }
        Lang::En => format!("no calendar `{name}` under `{root}` (a file `{name}.kalender.yaml`)"),
    })?;
    Ok(path.clone())
}

/// The calendar at `path`, built with the calendars it builds on.
fn open_found(name: &str, root: &str, path: &str) -> Result<Arc<Calendar>, String> {
    let (project, cal) = Project::load_calendar(&FsLoader, path, root);
    if !project.diagnostics().is_empty() {
        let text = super::render::human(&project, None);
        return Err(match super::words() {
            Lang::Id => format!("kalender `{name}` bermasalah:\n{text}"),
            Lang::En => format!("the calendar `{name}` has problems:\n{text}"),
        });
    }
    cal.ok_or_else(|| match super::words() {
        Lang::Id => format!("kalender `{name}` tidak menyebut rentang `berlaku`"),
        Lang::En => format!("the calendar `{name}` declares no range"),
    })
}

/// Every file named `NAME.kalender.yaml` or `NAME.calendar.yaml` under `dir`, each real
/// folder walked once (a link back up the tree does not loop).
fn find(dir: &Path, name: &str, out: &mut Vec<String>) -> std::io::Result<()> {
    let mut files = Vec::new();
    sopan::project::walk_files(dir, &mut files)?;
    let wanted = [
        format!("{name}.kalender.yaml"),
        format!("{name}.calendar.yaml"),
    ];
    out.extend(files.into_iter().filter(|f| {
        let file = f.rsplit('/').next().unwrap_or(f);
        wanted.iter().any(|w| w == file)
    }));
    Ok(())
}
