//! `sopan doc`.

use super::{inputs, LangArg, OK, USAGE};
use sopan::diag::Lang;

/// Prints the official document of every service of one standard, as Markdown.
pub fn run(file: &str, lang: Option<LangArg>, root: Option<&str>) -> u8 {
    let project = match inputs::load_clean(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(standard) = project.standards.first() else {
        eprintln!("sopan: `{file}` is included by another file and is not a standard on its own");
        return USAGE;
    };
    if standard.model.services.is_empty() {
        eprintln!("sopan: `{file}` declares no service (layanan); nothing to document");
        return USAGE;
    }
    let lang = match lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Id) => Lang::Id,
        None if project.is_english(standard.root) => Lang::En,
        None => Lang::Id,
    };
    let pages: Vec<String> = (0..standard.model.services.len())
        .map(|i| sopan::doc::markdown(&standard.model, &standard.machines, i, lang))
        .collect();
    print!("{}", pages.join("\n---\n\n"));
    OK
}
