//! `sopan doc`.

use super::{inputs, LangArg, OK, USAGE};

/// Prints the official document of every service of one standard, and of every procedure
/// no service owns, as Markdown.
pub fn run(file: &str, lang: Option<LangArg>, root: Option<&str>) -> u8 {
    let project = match inputs::load_clean(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let standard = match inputs::standard(&project, file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let model = &standard.model();
    let standalone = sopan::render::doc::standalone_procedures(model);
    if model.services.is_empty() && standalone.is_empty() {
        eprintln!(
            "sopan: `{file}` {}",
            super::words().pick(
                "tidak memuat layanan maupun prosedur; tidak ada yang dapat didokumentasikan",
                "declares no service (layanan) and no procedure; nothing to document"
            )
        );
        return USAGE;
    }
    let lang = inputs::words_lang(&project, standard, lang);
    // Every service's document, then each procedure no service documents.
    let pages: Vec<String> =
        (0..model.services.len())
            .map(|i| sopan::render::doc::markdown(model, standard.machines(), i, lang))
            .chain(standalone.into_iter().map(|p| {
                sopan::render::doc::procedure_markdown(model, standard.machines(), p, lang)
            }))
            .collect();
    print!("{}", pages.join("\n---\n\n"));
    OK
}
