//! `sopan doc`.

use super::{inputs, LangArg, OK, USAGE};

/// Prints the official document of every service of one standard, as Markdown.
pub fn run(file: &str, lang: Option<LangArg>, root: Option<&str>) -> u8 {
    let project = match inputs::load_clean(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let standard = match inputs::standard(&project, file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if standard.model.services.is_empty() {
        eprintln!("sopan: `{file}` declares no service (layanan); nothing to document");
        return USAGE;
    }
    let lang = inputs::words_lang(&project, standard, lang);
    let pages: Vec<String> = (0..standard.model.services.len())
        .map(|i| sopan::doc::markdown(&standard.model, &standard.machines, i, lang))
        .collect();
    print!("{}", pages.join("\n---\n\n"));
    OK
}
