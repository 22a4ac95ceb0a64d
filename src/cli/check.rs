//! `sopan check`.

use super::{ci, inputs, render, CheckFormat, LangArg, FAILED, OK, USAGE};

/// Checks the paths and prints the report; returns the exit code.
pub fn run(
    paths: &[String],
    format: CheckFormat,
    lang: Option<LangArg>,
    deny_warnings: bool,
    root: Option<&str>,
) -> u8 {
    let project = match inputs::open_with(paths, root, true) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("sopan: {message}");
            return USAGE;
        }
    };
    let lang = inputs::lang(lang, paths);
    match format {
        CheckFormat::Json => println!("{}", render::json(&project, lang)),
        CheckFormat::Sarif => println!("{}", ci::sarif(&project, lang)),
        CheckFormat::Github => print!("{}", ci::github(&project, lang)),
        CheckFormat::Human => {
            eprint!("{}", render::human(&project, lang));
            let summary_lang = render::summary_lang(&project, lang);
            eprintln!("{}", render::summary(&project, summary_lang));
        }
    }
    let (errors, warnings) = render::counts(&project);
    // The process ends next: taking a large project apart piece by piece only to hand the
    // memory back to the system cost a tenth of checking a thousand files.
    std::mem::forget(project);
    if errors > 0 || (deny_warnings && warnings > 0) {
        FAILED
    } else {
        OK
    }
}
