//! Helpers shared by the integration tests.

#![allow(
    dead_code,
    reason = "each test crate uses a different part of these helpers"
)]

use miette::{GraphicalReportHandler, GraphicalTheme};
use sopan::diag::{Lang, Rendered, Severity};
use sopan::project::{Entry, Project};
use sopan::source::loader::FsLoader;

/// Loads one file with `root` as the standards root.
pub fn load(path: &str, root: &str) -> Project {
    let entry = Entry {
        path: path.to_string(),
        root: root.to_string(),
    };
    Project::load(&FsLoader, &[entry]).expect("the test file is readable")
}

/// Loads one standard written in the test itself, as `std/a.sop` under the root `std`, beside
/// the shipped national calendar (`kalender nasional`).
pub fn load_text(text: &str) -> Project {
    let mut files = sopan::source::loader::MemoryLoader::new();
    files.insert("std/a.sop", text.to_string());
    files.insert(
        "std/nasional.kalender.yaml",
        std::fs::read("standards/nasional.kalender.yaml").expect("the national calendar"),
    );
    let entry = Entry {
        path: "std/a.sop".into(),
        root: "std".into(),
    };
    Project::load(&files, &[entry]).expect("readable")
}

/// Renders every diagnostic the way the CLI does, without colour, at a fixed width.
pub fn render(project: &Project, lang: Lang) -> String {
    let out = render_where(project, lang, |_| true);
    if out.is_empty() {
        return "(no diagnostics)\n".to_string();
    }
    out
}

/// [`render`], of the diagnostics with one code only.
pub fn render_only(project: &Project, lang: Lang, code: &str) -> String {
    render_where(project, lang, |d| d.code() == code)
}

/// The diagnostics `keep` keeps, drawn as a terminal shows them.
fn render_where(
    project: &Project,
    lang: Lang,
    keep: impl Fn(&sopan::diag::Diagnostic) -> bool,
) -> String {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    for diag in project.diagnostics().iter().filter(|d| keep(d)) {
        let rendered = Rendered::new(diag, project.sources(), lang);
        let mut one = String::new();
        handler
            .render_report(&mut one, &rendered)
            .expect("rendering to a string");
        out.push_str(&sopan::diag::localise_help(&one, lang));
        out.push('\n');
    }
    out
}

/// Number of errors.
pub fn errors(project: &Project) -> usize {
    project
        .diagnostics()
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count()
}

/// A path under the crate as the diagnostics and the CLI name it (`standards/x.sop`), from
/// the absolute path insta's `glob!` gives.
pub fn relative(file: &std::path::Path) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    file.strip_prefix(root)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every file under `dir` whose name ends with `suffix` (`""`: every file), sorted.
pub fn files_under(dir: &str, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("a folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.to_string_lossy().ends_with(suffix) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every file under `standards/`, as a loader, and the `.sop` files as entries.
pub fn shipped() -> (sopan::source::loader::MemoryLoader, Vec<Entry>) {
    let mut files = sopan::source::loader::MemoryLoader::new();
    let mut entries = Vec::new();
    for p in files_under("standards", "") {
        let name = p.to_string_lossy().replace('\\', "/");
        if name.ends_with(".case.yaml") {
            continue;
        }
        files.insert(&name, std::fs::read(&p).expect("readable"));
        if name.ends_with(".sop") || name.ends_with(".kalender.yaml") {
            entries.push(Entry {
                path: name,
                root: "standards".into(),
            });
        }
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    (files, entries)
}

/// What a load shows: each standard's export, then each diagnostic with its place.
pub fn shown(p: &Project) -> Vec<String> {
    let mut out: Vec<String> = p
        .standards()
        .iter()
        .map(|s| {
            serde_json::to_string(&sopan::render::export::export(s.model(), "x")).expect("json")
        })
        .collect();
    out.extend(p.diagnostics().iter().map(|d| {
        let place = d
            .loc
            .and_then(|l| Some((p.sources().get(l.file)?.path.clone(), l.span)));
        format!("{} {} {place:?}", d.code(), d.message(sopan::Lang::En))
    }));
    out
}
