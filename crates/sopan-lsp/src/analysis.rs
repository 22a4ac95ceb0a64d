//! One document checked the way `sopan check` checks it: its diagnostics in LSP form (with the
//! fix `check` computes kept for the quick fix), and the names it declares, for hover and go
//! to definition.

use crate::documents::{project_of, slash, Documents};
use crate::position::range;
use ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Range};
use sopan::diag::{Lang, Severity};
use sopan::project::{Entry, Project};
use sopan::source::loader::Loader;
use std::path::Path;

/// A declared name: what it is, in words for a hover, and where it is written.
#[derive(Debug, Clone)]
pub struct Name {
    /// The identifier.
    pub id: String,
    /// What it names: `role`, `procedure`, `step`, `stage`, `end`, `budget` or `calendar`.
    pub kind: &'static str,
    /// The procedure it belongs to (steps, stages, ends).
    pub parent: Option<String>,
    /// What a hover shows.
    pub hover: String,
    /// The file (`/`-separated) and the byte range of the name as stored.
    pub file: String,
    /// Byte range of the name in the stored text.
    pub span: (usize, usize),
}

/// A document after a check.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Diagnostics by file (`/`-separated path), in LSP form.
    pub diagnostics: Vec<(String, Vec<Diagnostic>)>,
    /// Every name the standard declares.
    pub names: Vec<Name>,
    /// The standard's `.sop` files (`/`-separated paths): where its names are written.
    pub files: Vec<String>,
    /// Whether the document is written with the English keywords.
    pub english: bool,
    /// Every file the check read (`.sop` and calendar files): a change to another file
    /// cannot change this analysis.
    pub read: Vec<String>,
}

/// The language of the words the server adds (quick-fix titles, refusals): `SOPAN_LANG`,
/// else Indonesian. Diagnostics follow [`sopan::project::message_lang`] per file.
pub fn lang() -> Lang {
    sopan::project::message_lang(
        None,
        std::env::var("SOPAN_LANG").ok().as_deref(),
        None,
        None,
    )
}

/// The text of `path` as the editor or the disk has it.
fn stored(docs: &Documents, path: &str) -> String {
    docs.get(path).map(str::to_string).unwrap_or_else(|| {
        docs.read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    })
}

/// Checks the standard whose root file is `path`, reusing what `cache` kept from its last
/// check (the files and calendars that did not change are not read, parsed or judged again).
pub fn analyse(docs: &Documents, path: &Path, cache: &mut sopan::project::Cache) -> Analysis {
    let file = slash(path);
    let (root, settings) = project_of(docs, path);
    let entry = Entry {
        path: file.clone(),
        root: slash(&root),
    };
    let options = match &settings.calendar {
        Some(name) => sopan::project::LoadOptions::with_default_calendar(name.clone()),
        None => sopan::project::LoadOptions::default(),
    };
    let Ok(project) = Project::load_cached(docs, &[entry], &options, cache) else {
        return Analysis::default();
    };
    // As `sopan check` decides it: SOPAN_LANG, else the project file's `bahasa`, else the
    // language the file is written in.
    let env = std::env::var("SOPAN_LANG").ok();
    let english = project
        .standards()
        .first()
        .map(|s| project.is_english(s.root()));
    let lang = sopan::project::message_lang(None, env.as_deref(), Some(&settings), english);
    let mut by_file: Vec<(String, Vec<Diagnostic>)> = vec![(file.clone(), Vec::new())];
    let mut texts: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for d in project.diagnostics() {
        let Some(loc) = d.loc else { continue };
        let Some(source) = project.sources().get(loc.file) else {
            continue;
        };
        let text = texts
            .entry(source.path.clone())
            .or_insert_with(|| stored(docs, &source.path));
        let diagnostic = to_lsp(d, source, text, lang);
        match by_file.iter_mut().find(|(f, _)| *f == source.path) {
            Some((_, list)) => list.push(diagnostic),
            None => by_file.push((source.path.clone(), vec![diagnostic])),
        }
    }
    let mut names = Vec::new();
    let mut files = Vec::new();
    let mut english = false;
    for standard in project.standards() {
        english |= project.is_english(standard.root());
        let model = standard.model();
        let mut name = |id: &str,
                        (kind, parent): (&'static str, Option<&str>),
                        hover: String,
                        loc: sopan::source::span::Loc| {
            if let Some(source) = project.sources().get(loc.file) {
                if !files.contains(&source.path) {
                    files.push(source.path.clone());
                }
                names.push(Name {
                    id: id.to_string(),
                    kind,
                    parent: parent.map(str::to_string),
                    hover,
                    file: source.path.clone(),
                    span: (
                        source.stored_offset(loc.span.start as usize),
                        source.stored_offset(loc.span.end as usize),
                    ),
                });
            }
        };
        for (index, r) in model.roles.iter().enumerate() {
            let kind = match (r.internal, lang) {
                (true, Lang::Id) => "peran internal",
                (false, Lang::Id) => "peran eksternal",
                (true, Lang::En) => "internal role",
                (false, Lang::En) => "external role",
            };
            let staffing = crate::hover::staffing(model, index, &r.id, lang);
            name(
                &r.id,
                ("role", None),
                format!("**{}** — {kind}{staffing}", r.title),
                r.loc,
            );
        }
        let calendars = standard.procedure_calendars();
        let mut named_calendars = std::collections::HashSet::new();
        for (k, p) in model.procedures.iter().enumerate() {
            let calendar = calendars.get(k).and_then(|c| c.as_deref());
            let word = lang.pick("prosedur", "procedure");
            name(
                &p.id,
                ("procedure", None),
                format!("**{}** — {word}", p.title),
                p.loc,
            );
            let parent = Some(p.id.as_str());
            for (i, s) in p.steps.iter().enumerate() {
                let hover = crate::hover::step(p, i, calendar, lang).unwrap_or_default();
                name(&s.id, ("step", parent), hover, s.loc);
            }
            for b in p
                .budgets
                .iter()
                .filter(|b| b.scope == sopan::model::Scope::Budget)
            {
                let hover = crate::hover::budget(model, p, b, calendar, lang);
                name(&b.id, ("budget", parent), hover, b.loc);
            }
            if let Some(c) = calendar {
                // A calendar is named where the agency or service writes it; its definition
                // is its file, when loaded.
                let file = format!("/{}.kalender.yaml", c.name());
                if let Some((id, _)) = project
                    .sources()
                    .iter()
                    .find(|(_, f)| f.path.ends_with(&file))
                {
                    let at = sopan::source::span::Loc {
                        file: id,
                        span: sopan::source::span::Span::new(0, 0),
                    };
                    if named_calendars.insert(c.name().to_string()) {
                        name(
                            c.name(),
                            ("calendar", None),
                            crate::hover::calendar(c, lang),
                            at,
                        );
                    }
                }
            }
            for e in &p.ends {
                let word = lang.pick("akhir", "end");
                name(
                    &e.id,
                    ("end", parent),
                    format!("**{}** — {word}", e.title),
                    e.loc,
                );
            }
            for st in &p.stages {
                let word = lang.pick("tahap", "stage");
                let time = match (st.duration, st.timing) {
                    (Some(d), _) => sopan::render::graph::duration_words(d, lang),
                    (None, sopan::model::Timing::Unknown) => lang
                        .pick("waktu tidak diketahui", "unknown time")
                        .to_string(),
                    _ => lang
                        .pick("tanpa waktu sendiri", "no time of its own")
                        .to_string(),
                };
                name(
                    &st.id,
                    ("stage", parent),
                    format!("**{}** — {word}, {time}", st.title),
                    st.loc,
                );
            }
        }
    }
    let read = project
        .sources()
        .iter()
        .map(|(_, f)| f.path.clone())
        .collect();
    Analysis {
        diagnostics: by_file,
        names,
        files,
        english,
        read,
    }
}

/// One diagnostic of `source` (whose text as stored is `text`) in LSP form; the fix `check`
/// computed, if any, kept in `data` as stored byte offsets for the quick fix.
fn to_lsp(
    d: &sopan::Diagnostic,
    source: &sopan::source::SourceFile,
    text: &str,
    lang: Lang,
) -> Diagnostic {
    let at = |offset: u32| source.stored_offset(offset as usize);
    let (start, end) = d.loc.map_or((0, 0), |l| (at(l.span.start), at(l.span.end)));
    Diagnostic {
        range: range(text, start, end),
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Advice => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code().to_string())),
        source: Some("sopan".into()),
        message: d.message(lang),
        data: d.fix.as_ref().map(|fix| {
            serde_json::json!({"start": at(fix.span.start), "end": at(fix.span.end), "text": fix.text})
        }),
        ..Diagnostic::default()
    }
}

/// A calendar file checked as `sopan check` checks it: its diagnostics.
pub fn analyse_calendar(docs: &Documents, path: &Path) -> Analysis {
    let file = slash(path);
    let (project, _) = Project::load_calendar(docs, &file, &slash(&project_of(docs, path).0));
    let text = stored(docs, &file);
    let lang = lang();
    let diagnostics = project
        .diagnostics()
        .iter()
        .filter_map(|d| {
            let loc = d.loc?;
            let source = project.sources().get(loc.file)?;
            (source.path == file).then(|| to_lsp(d, source, &text, lang))
        })
        .collect();
    let read = project
        .sources()
        .iter()
        .map(|(_, f)| f.path.clone())
        .collect();
    Analysis {
        diagnostics: vec![(file, diagnostics)],
        read,
        ..Analysis::default()
    }
}

/// The text of `path` as the editor or the disk has it (for a file the analysis names).
pub fn text_of(docs: &Documents, path: &str) -> String {
    stored(docs, path)
}

/// The identifier under byte `offset` of `text`, with its byte range.
pub fn word_at(text: &str, offset: usize) -> Option<(&str, usize, usize)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let offset = offset.min(text.len());
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then(|| (&text[start..end], start, end))
}

/// The declared name the word `word` at `start..end` of `text` refers to, as one name:
/// `procedure.step` is that procedure's step (and `procedure` there the procedure); a word
/// several names share is the one of the procedure whose block holds it, else the first.
pub fn pick<'a>(
    names: &'a [Name],
    text: &str,
    word: &str,
    start: usize,
    end: usize,
) -> Option<&'a Name> {
    let before = text.get(..start).unwrap_or_default().trim_end();
    let qualifier = before.strip_suffix('.').map(|b| {
        let b = b.trim_end();
        let from = b
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        &b[from..]
    });
    let qualifies = text
        .get(end..)
        .unwrap_or_default()
        .trim_start()
        .strip_prefix('.')
        .is_some_and(|r| {
            r.trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        });
    let mut same = names.iter().filter(|n| n.id == word);
    if let Some(q) = qualifier.filter(|q| !q.is_empty()) {
        return same.find(|n| n.parent.as_deref() == Some(q));
    }
    if qualifies {
        return same.find(|n| n.kind == "procedure");
    }
    let around = sopan::procedure_at(text, start);
    let all: Vec<&Name> = same.collect();
    all.iter()
        .find(|n| around.is_some() && n.parent.as_deref() == around)
        .or(all.first())
        .copied()
}

/// The range of `name` in its file's stored text.
pub fn name_range(docs: &Documents, name: &Name) -> Range {
    range(&stored(docs, &name.file), name.span.0, name.span.1)
}
