//! Edits the server offers: the layout of `sopan fmt`, and the quick fixes `check` computed.

use crate::{analysis, position};
use ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit,
};
use std::collections::HashMap;

/// One edit replacing the whole document with its layout; none when it is in it already
/// or has a syntax error.
pub fn format(text: &str) -> serde_json::Value {
    let edits = match sopan::format_source(text) {
        Some(f) if f != text => vec![TextEdit {
            range: position::range(text, 0, text.len()),
            new_text: f,
        }],
        _ => Vec::new(),
    };
    serde_json::to_value(edits).unwrap_or_default()
}

/// A quick fix for each diagnostic in the range that carries the fix `check` computed.
pub fn code_actions(text: &str, p: &CodeActionParams) -> serde_json::Value {
    let mut actions: Vec<CodeActionOrCommand> = Vec::new();
    for d in &p.context.diagnostics {
        let Some(fix) = &d.data else { continue };
        let (Some(start), Some(end), Some(new_text)) = (
            fix["start"].as_u64(),
            fix["end"].as_u64(),
            fix["text"].as_str(),
        ) else {
            continue;
        };
        let edit = TextEdit {
            range: position::range(text, start as usize, end as usize),
            new_text: new_text.to_string(),
        };
        let title = if new_text.is_empty() {
            analysis::lang().pick("Hapus", "Remove").to_string()
        } else {
            format!(
                "{} `{new_text}`",
                analysis::lang().pick("Ganti dengan", "Replace with")
            )
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d.clone()]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(p.text_document.uri.clone(), vec![edit])])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(true),
            ..CodeAction::default()
        }));
    }
    serde_json::to_value(actions).unwrap_or_default()
}
