//! `sopan graph`.

use super::{inputs, GraphFormat, LangArg, OK, USAGE};
use sopan::render::graph::{dot, flowchart, mermaid, svg, svg_stacked};

/// Prints the flowchart of one procedure, or of every procedure of the standard.
pub fn run(
    file: &str,
    procedure: Option<&str>,
    format: GraphFormat,
    out_dir: Option<&str>,
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
    let lang = inputs::words_lang(&project, standard, lang);
    let procs = &standard.model().procedures;
    let chosen: Vec<usize> = match procedure {
        Some(id) => match procs.iter().position(|p| p.id == id) {
            Some(i) => vec![i],
            None => {
                let known: Vec<&str> = procs.iter().map(|p| p.id.as_str()).collect();
                let known = known.join(", ");
                eprintln!(
                    "sopan: `{file}`: {}",
                    match super::words() {
                        sopan::diag::Lang::Id => {
                            format!("tidak ada prosedur `{id}`; prosedurnya: {known}")
                        }
                        sopan::diag::Lang::En => format!("no procedure `{id}`; it has: {known}"),
                    }
                );
                return USAGE;
            }
        },
        None => (0..procs.len()).collect(),
    };
    let one = procedure.is_some();
    let model = standard.model();
    let pairs: Vec<_> = chosen
        .iter()
        .filter_map(|&i| Some((procs.get(i)?, standard.machines().get(i)?)))
        .collect();
    if let Some(dir) = out_dir {
        // One document per procedure, named by the procedure.
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("sopan: `{dir}`: {e}");
            return super::FAILED;
        }
        for (proc, machine) in &pairs {
            let (text, ext) = match format {
                GraphFormat::Svg => (svg(model, proc, machine, lang), "svg"),
                GraphFormat::Dot => (dot(&flowchart(model, proc, machine, lang)), "dot"),
                GraphFormat::Mermaid => (mermaid(&flowchart(model, proc, machine, lang)), "mmd"),
            };
            let path = std::path::Path::new(dir).join(format!("{}.{ext}", proc.id));
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("sopan: `{}`: {e}", path.display());
                return super::FAILED;
            }
            println!("{}", path.display());
        }
        return OK;
    }
    let mut out = String::new();
    if matches!(format, GraphFormat::Svg) {
        out = match pairs.as_slice() {
            [(proc, machine)] => svg(model, proc, machine, lang),
            _ => svg_stacked(model, &pairs, lang),
        };
    }
    for (proc, machine) in &pairs {
        let chart = flowchart(model, proc, machine, lang);
        match format {
            GraphFormat::Svg => {}
            GraphFormat::Dot => out.push_str(&dot(&chart)),
            GraphFormat::Mermaid if one => out.push_str(&mermaid(&chart)),
            // Several diagrams: a Markdown page with one fenced diagram per procedure.
            GraphFormat::Mermaid => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!(
                    "## {} (`{}`)\n\n```mermaid\n{}```\n",
                    proc.title,
                    proc.id,
                    mermaid(&chart)
                ));
            }
        }
    }
    print!("{out}");
    OK
}
