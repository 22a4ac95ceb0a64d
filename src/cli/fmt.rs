//! `sopan fmt`: writes every `.sop` file under the paths in the one layout, or with `--check`
//! names those that would change. A file the parser cannot read is left as it is.

use super::{FAILED, OK, USAGE};
use sopan::diag::Lang;

/// Formats (or checks) the `.sop` files under `paths`.
pub fn run(paths: &[String], check: bool) -> u8 {
    let lang = super::words();
    let entries = match super::inputs::entries(paths, None) {
        Ok(e) => e,
        Err(message) => {
            eprintln!("sopan: {message}");
            return USAGE;
        }
    };
    let (mut changed, mut unreadable) = (Vec::new(), 0usize);
    for entry in entries.iter().filter(|e| e.path.ends_with(".sop")) {
        let path = &entry.path;
        let text = match super::inputs::read_text(path, sopan::source::limits::MAX_FILE_BYTES, lang)
        {
            Ok(t) => t,
            Err(message) => {
                eprintln!("sopan: {message}");
                unreadable += 1;
                continue;
            }
        };
        // Only a file the parser reads is laid out: a broken line is the author's to fix
        // first, as `sopan check` shows it.
        let Some(formatted) = sopan::format_source(&text) else {
            eprintln!(
                "{}",
                match lang {
                    Lang::Id => format!(
                        "sopan: `{path}` tidak dirapikan: ada kesalahan sintaks (lihat `sopan check {path}`)"
                    ),
                    Lang::En => format!(
                        "sopan: `{path}` not formatted: it has syntax errors (see `sopan check {path}`)"
                    ),
                }
            );
            unreadable += 1;
            continue;
        };
        if formatted == text {
            continue;
        }
        if !check {
            if let Err(e) = std::fs::write(path, &formatted) {
                eprintln!("sopan: {path}: {e}");
                unreadable += 1;
                continue;
            }
        }
        changed.push(path.clone());
    }
    for path in &changed {
        println!("{path}");
    }
    let verb = match (lang, check) {
        (Lang::Id, true) => "akan berubah",
        (Lang::Id, false) => "dirapikan",
        (Lang::En, true) => "would change",
        (Lang::En, false) => "formatted",
    };
    match lang {
        Lang::Id => eprintln!("{} berkas {verb}", changed.len()),
        Lang::En => eprintln!("{} files {verb}", changed.len()),
    }
    if unreadable > 0 || (check && !changed.is_empty()) {
        FAILED
    } else {
        OK
    }
}
