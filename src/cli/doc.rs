//! `sopan doc`.

use super::{inputs, DocFormat, LangArg, FAILED, OK, USAGE};

/// Prints the official document of every service of one standard, and of every procedure
/// no service owns, as Markdown.
pub fn run(
    file: &str,
    format: DocFormat,
    out: Option<&str>,
    lang: Option<LangArg>,
    root: Option<&str>,
) -> u8 {
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
    let doc = sopan::render::doc::document(model, standard.machines(), lang);
    let bytes = match format {
        DocFormat::Md => doc.markdown().into_bytes(),
        DocFormat::Html => {
            sopan::render::doc::html(&doc, model, standard.machines(), lang).into_bytes()
        }
        DocFormat::Docx => sopan::render::doc::docx(&doc, model, standard.machines(), lang),
    };
    let written = match out {
        Some(path) => std::fs::write(path, &bytes),
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), &bytes),
    };
    match written {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("sopan: {}: {e}", out.unwrap_or("-"));
            FAILED
        }
    }
}
