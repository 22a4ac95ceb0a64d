//! `sopan-lsp`: the language server for `.sop` files, over stdio (`sopan lsp` runs it).
//!
//! What it does: diagnostics as you type (the codes, places and language of `sopan check`,
//! published after every change), quick fixes from the fixes `check` computes, formatting
//! (`sopan fmt`'s layout), hover on a role, procedure, step, stage or end (its title, a step's
//! time), and go to its definition. Messages are Indonesian unless `SOPAN_LANG=en`.

mod analysis;
mod documents;
mod position;

use analysis::{analyse, name_range, word_at, Analysis};
use documents::{slash, Documents};
use ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DocumentFormattingParams, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeResult, Location, MarkupContent, MarkupKind, OneOf, PublishDiagnosticsParams,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit,
    Uri, WorkspaceEdit,
};
use lsp_server::{Connection, Message, Notification, Request, Response};
use std::collections::HashMap;
use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let (connection, io) = Connection::stdio();
    let result = serve(&connection);
    drop(connection);
    let joined = io.join();
    match (result, joined) {
        (Ok(()), Ok(())) => std::process::ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("sopan-lsp: {e}");
            std::process::ExitCode::FAILURE
        }
        (_, Err(e)) => {
            eprintln!("sopan-lsp: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The server's capabilities.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Initialises, then answers until `shutdown`.
fn serve(connection: &Connection) -> Result<(), Box<dyn std::error::Error>> {
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "sopan-lsp".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let (id, _params) = connection.initialize_start()?;
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut server = Server::default();
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(());
                }
                let response = server.request(req);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(n) => {
                for out in server.notification(n) {
                    connection.sender.send(Message::Notification(out))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The open documents and the last analysis of each.
#[derive(Default)]
struct Server {
    docs: Documents,
    analyses: HashMap<String, Analysis>,
    /// Files diagnostics were published for, per document: cleared when they have none.
    published: HashMap<String, Vec<String>>,
}

/// The file path of a `file:` URI.
fn path_of(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

fn uri_of(path: &str) -> Option<Uri> {
    Uri::from_file_path(path)
}

fn params<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Option<T> {
    serde_json::from_value(value).ok()
}

impl Server {
    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let changed =
            match n.method.as_str() {
                "textDocument/didOpen" => params::<DidOpenTextDocumentParams>(n.params)
                    .map(|p| (p.text_document.uri, Some(p.text_document.text))),
                "textDocument/didChange" => params::<DidChangeTextDocumentParams>(n.params)
                    .and_then(|mut p| {
                        let text = p.content_changes.pop()?.text;
                        Some((p.text_document.uri, Some(text)))
                    }),
                "textDocument/didClose" => params::<DidCloseTextDocumentParams>(n.params)
                    .map(|p| (p.text_document.uri, None)),
                _ => None,
            };
        let Some((uri, text)) = changed else {
            return Vec::new();
        };
        let Some(path) = path_of(&uri) else {
            return Vec::new();
        };
        let key = slash(&path);
        match text {
            Some(t) => self.docs.set(key.clone(), t),
            None => {
                self.docs.close(&key);
                self.analyses.remove(&key);
                return self.publish(&key, Vec::new());
            }
        }
        // Every open standard is checked again: one may include the one that changed.
        let open: Vec<String> = self.docs.paths().cloned().collect();
        let mut out = Vec::new();
        for doc in open.into_iter().filter(|d| d.ends_with(".sop")) {
            let analysis = analyse(&self.docs, std::path::Path::new(&doc));
            let lists = analysis.diagnostics.clone();
            self.analyses.insert(doc.clone(), analysis);
            out.extend(self.publish(&doc, lists));
        }
        out
    }

    /// The notifications that publish `lists` for `doc`, clearing files it published before.
    fn publish(
        &mut self,
        doc: &str,
        lists: Vec<(String, Vec<ls_types::Diagnostic>)>,
    ) -> Vec<Notification> {
        let before = self.published.remove(doc).unwrap_or_default();
        let mut out = Vec::new();
        let now: Vec<String> = lists.iter().map(|(f, _)| f.clone()).collect();
        let cleared = before
            .into_iter()
            .filter(|f| !now.contains(f))
            .map(|f| (f, Vec::new()));
        for (file, diagnostics) in lists.into_iter().chain(cleared) {
            let Some(uri) = uri_of(&file) else { continue };
            let p = PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            };
            out.push(Notification::new(
                "textDocument/publishDiagnostics".into(),
                p,
            ));
        }
        if !now.is_empty() {
            self.published.insert(doc.to_string(), now);
        }
        out
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/formatting" => {
                params::<DocumentFormattingParams>(req.params).map(|p| self.format(&p))
            }
            "textDocument/codeAction" => {
                params::<CodeActionParams>(req.params).map(|p| self.code_actions(&p))
            }
            "textDocument/hover" => params::<HoverParams>(req.params).map(|p| self.hover(&p)),
            "textDocument/definition" => {
                params::<GotoDefinitionParams>(req.params).map(|p| self.definition(&p))
            }
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("unknown method {}", req.method),
                )
            }
        };
        match result {
            Some(value) => Response::new_ok(id, value),
            None => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                "invalid params".into(),
            ),
        }
    }

    /// The text of a document the editor holds.
    fn text(&self, uri: &Uri) -> Option<(String, &str)> {
        let key = slash(&path_of(uri)?);
        let text = self.docs.get(&key)?;
        Some((key, text))
    }

    /// One edit replacing the whole document with its layout; none when it is in it already
    /// or has a syntax error.
    fn format(&self, p: &DocumentFormattingParams) -> serde_json::Value {
        let Some((_, text)) = self.text(&p.text_document.uri) else {
            return serde_json::Value::Null;
        };
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
    fn code_actions(&self, p: &CodeActionParams) -> serde_json::Value {
        let Some((_, text)) = self.text(&p.text_document.uri) else {
            return serde_json::Value::Null;
        };
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

    /// The declared name under the cursor, when the document's standard declares it.
    fn name_at(
        &self,
        uri: &Uri,
        pos: ls_types::Position,
    ) -> Option<(&analysis::Name, ls_types::Range)> {
        let (key, text) = self.text(uri)?;
        let (word, start, end) = word_at(text, position::offset(text, pos))?;
        let analysis = self.analyses.get(&key)?;
        let name = analysis.names.iter().find(|n| n.id == word)?;
        Some((name, position::range(text, start, end)))
    }

    fn hover(&self, p: &HoverParams) -> serde_json::Value {
        let at = &p.text_document_position_params;
        match self.name_at(&at.text_document.uri, at.position) {
            Some((name, range)) => serde_json::to_value(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: name.hover.clone(),
                }),
                range: Some(range),
            })
            .unwrap_or_default(),
            None => serde_json::Value::Null,
        }
    }

    fn definition(&self, p: &GotoDefinitionParams) -> serde_json::Value {
        let at = &p.text_document_position_params;
        let Some((name, _)) = self.name_at(&at.text_document.uri, at.position) else {
            return serde_json::Value::Null;
        };
        let Some(uri) = uri_of(&name.file) else {
            return serde_json::Value::Null;
        };
        let location = Location {
            uri,
            range: name_range(&self.docs, name),
        };
        serde_json::to_value(GotoDefinitionResponse::Scalar(location)).unwrap_or_default()
    }
}
