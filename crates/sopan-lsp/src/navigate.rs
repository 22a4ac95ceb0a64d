//! Finding one's way in a standard: where a name is used, renaming it everywhere, completion
//! of keywords and names, and the outline of a file.

use crate::analysis::{name_range, text_of, Analysis, Name};
use crate::documents::Documents;
use crate::position::range;
use ls_types::{
    CompletionItem, CompletionItemKind, DocumentSymbol, Location, SymbolKind, TextEdit, Uri,
    WorkspaceEdit,
};
use std::collections::HashMap;

/// Every place the standard writes `name.id` as a name, in each of its files.
pub fn references(docs: &Documents, analysis: &Analysis, name: &Name) -> Vec<Location> {
    let mut out = Vec::new();
    for file in &analysis.files {
        let Some(uri) = Uri::from_file_path(file) else {
            continue;
        };
        let text = text_of(docs, file);
        for r in places(&text, analysis, name) {
            out.push(Location {
                uri: uri.clone(),
                range: range(&text, r.start, r.end),
            });
        }
    }
    out
}

/// Whether `name` is a procedure's own (a step, stage or end).
fn scoped(name: &Name) -> bool {
    matches!(name.kind, "step" | "stage" | "end") && name.parent.is_some()
}

/// Where `name` is written in `text`, as one name: a step whose id another name shares is
/// found in its procedure's block and as `procedure.step`; any other name wherever it is
/// written (a unique step's unqualified references outside its block included).
fn places(text: &str, analysis: &Analysis, name: &Name) -> Vec<std::ops::Range<usize>> {
    let shared = analysis.names.iter().filter(|n| n.id == name.id).count() > 1;
    if scoped(name) && shared {
        sopan::occurrences_in(text, name.parent.as_deref(), &name.id)
    } else if scoped(name) {
        sopan::name_occurrences(text, &name.id)
    } else {
        sopan::occurrences_in(text, None, &name.id)
    }
}

/// Why a rename is refused, in words; `None` when it may go ahead.
pub fn refuse_rename(analysis: &Analysis, name: &Name, new: &str) -> Option<String> {
    let lang = crate::analysis::lang();
    let is_ident = new
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && new.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_ident {
        return Some(format!(
            "`{new}` {}",
            lang.pick(
                "bukan nama: huruf, angka dan `_`, diawali huruf",
                "is not a name: letters, digits and `_`, starting with a letter"
            )
        ));
    }
    if analysis.names.iter().any(|n| n.id == new) {
        return Some(format!(
            "`{new}` {}",
            lang.pick("sudah dipakai", "is already used")
        ));
    }
    // The same word naming two things (a step and a role) cannot be told apart in the text;
    // steps of the same name in two procedures can (by their blocks and `procedure.step`).
    let apart = |n: &Name| scoped(n) && scoped(name) && n.parent != name.parent;
    if analysis
        .names
        .iter()
        .any(|n| n.id == name.id && !std::ptr::eq(n, name) && !apart(n))
    {
        return Some(format!(
            "`{}` {}",
            name.id,
            lang.pick(
                "menamai lebih dari satu hal; ganti satu per satu",
                "names more than one thing; rename them one by one"
            )
        ));
    }
    None
}

/// The edits renaming `name` to `new` in every file of the standard.
pub fn rename(docs: &Documents, analysis: &Analysis, name: &Name, new: &str) -> WorkspaceEdit {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for place in references(docs, analysis, name) {
        changes.entry(place.uri).or_default().push(TextEdit {
            range: place.range,
            new_text: new.to_string(),
        });
    }
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

/// The keywords in the document's language, then the names it declares.
pub fn completion(analysis: &Analysis) -> Vec<CompletionItem> {
    let mut items: Vec<CompletionItem> = sopan::keywords(analysis.english)
        .into_iter()
        .map(|k| CompletionItem {
            label: k.to_string(),
            kind: Some(CompletionItemKind::KEYWORD),
            ..CompletionItem::default()
        })
        .collect();
    items.dedup_by(|a, b| a.label == b.label);
    let mut seen = std::collections::HashSet::new();
    for n in &analysis.names {
        if seen.insert(n.id.as_str()) {
            items.push(CompletionItem {
                label: n.id.clone(),
                kind: Some(match n.kind {
                    "role" => CompletionItemKind::CLASS,
                    "procedure" => CompletionItemKind::MODULE,
                    _ => CompletionItemKind::VALUE,
                }),
                detail: Some(n.hover.replace("**", "")),
                ..CompletionItem::default()
            });
        }
    }
    items
}

/// The outline of file `path`: roles, then procedures with their steps, stages and ends.
#[allow(
    deprecated,
    reason = "DocumentSymbol's `deprecated` field has no replacement to set"
)]
pub fn symbols(docs: &Documents, analysis: &Analysis, path: &str) -> Vec<DocumentSymbol> {
    let symbol = |n: &Name, children: Option<Vec<DocumentSymbol>>| {
        let r = name_range(docs, n);
        DocumentSymbol {
            name: n.id.clone(),
            detail: Some(n.hover.replace("**", "")),
            kind: match n.kind {
                "role" => SymbolKind::CLASS,
                "procedure" => SymbolKind::MODULE,
                "stage" => SymbolKind::NAMESPACE,
                "end" => SymbolKind::EVENT,
                "budget" => SymbolKind::CONSTANT,
                "calendar" => SymbolKind::OBJECT,
                _ => SymbolKind::FUNCTION,
            },
            tags: None,
            deprecated: None,
            range: r,
            selection_range: r,
            children,
        }
    };
    let here = |n: &&Name| n.file == path;
    let mut out = Vec::new();
    for n in analysis.names.iter().filter(here) {
        match n.kind {
            "role" => out.push(symbol(n, None)),
            "procedure" => {
                let children = analysis
                    .names
                    .iter()
                    .filter(here)
                    .filter(|c| c.parent.as_deref() == Some(n.id.as_str()))
                    .map(|c| symbol(c, None))
                    .collect();
                out.push(symbol(n, Some(children)));
            }
            _ => {}
        }
    }
    out
}

/// The file an include line names, when `offset` of `text` is on its quoted path: the path as
/// written, resolved against the folder of `path` (the including file).
pub fn include_at(text: &str, offset: usize, path: &str) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[start..end];
    let body = line.trim_start();
    let rest = body
        .strip_prefix("sertakan")
        .or_else(|| body.strip_prefix("include"))?;
    let open = start + (line.len() - body.len()) + (body.len() - rest.len()) + rest.find('"')?;
    let close = open + 1 + text[open + 1..end].find('"')?;
    if offset < open || offset > close {
        return None;
    }
    let written = &text[open + 1..close];
    let dir = sopan::source::loader::parent(path);
    Some(sopan::source::loader::join(dir, written))
}
