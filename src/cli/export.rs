//! `sopan export`.

use super::{inputs, render, ExportFormat, LangArg, FAILED, OK, USAGE};

/// Prints the compiled model of one standard; a standard with errors prints its diagnostics.
pub fn run(file: &str, format: ExportFormat, lang: Option<LangArg>, root: Option<&str>) -> u8 {
    let project = match inputs::open(&[file.to_string()], root) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("sopan: {message}");
            return USAGE;
        }
    };
    let lang = inputs::lang(lang, &[file.to_string()]);
    let (errors, _) = render::counts(&project);
    if errors > 0 {
        eprint!("{}", render::human(&project, lang));
        return FAILED;
    }
    let standard = match inputs::standard(&project, file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let path = project
        .sources()
        .get(standard.root())
        .map(|f| f.path.clone())
        .unwrap_or_default();
    let data = sopan::render::export::export(standard.model(), &path);
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&data).map_err(|e| e.to_string()),
        ExportFormat::Yaml => serde_yaml::to_string(&data).map_err(|e| e.to_string()),
    };
    match text {
        Ok(t) => {
            println!("{}", t.trim_end());
            OK
        }
        Err(e) => {
            eprintln!("sopan: {e}");
            USAGE
        }
    }
}
