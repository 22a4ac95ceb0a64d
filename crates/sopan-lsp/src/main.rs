//! `sopan-lsp`: the language server for `.sop` files, over stdio (`sopan lsp` runs it).
//!
//! What it does: diagnostics as you type (the codes, places and language of `sopan check`,
//! published after every change), quick fixes from the fixes `check` computes, formatting
//! (`sopan fmt`'s layout), hover on a role, procedure, step, stage or end (its title, a step's
//! time), go to its definition, find its references, rename it across the standard's files,
//! completion of keywords (in the file's language) and declared names, the outline, and
//! diagnostics for calendar files. Messages are Indonesian unless `SOPAN_LANG=en`.

mod analysis;
mod documents;
mod edits;
mod hover;
mod navigate;
mod position;

use analysis::{analyse, analyse_calendar, name_range, word_at, Analysis};
use documents::{slash, Documents};
use ls_types::{
    CodeActionParams, CodeActionProviderCapability, CompletionParams, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DocumentFormattingParams,
    DocumentSymbolParams, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents,
    HoverParams, HoverProviderCapability, InitializeResult, Location, MarkupContent, MarkupKind,
    OneOf, PublishDiagnosticsParams, ReferenceParams, RenameParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
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
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        completion_provider: Some(ls_types::CompletionOptions::default()),
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
    /// What each document's last check keeps for the next (see `sopan::project::Cache`).
    caches: HashMap<String, sopan::project::Cache>,
    /// Files with diagnostics at the last publication: cleared when they have none.
    published: Vec<String>,
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
        // An edit reaches only the checks that read the file; opening or closing one may
        // change which files exist as the editor sees them, so every check runs again.
        let edit = n.method == "textDocument/didChange";
        match text {
            Some(t) => self.docs.set(key.clone(), t),
            None => {
                self.docs.close(&key);
                self.analyses.remove(&key);
                self.caches.remove(&key);
            }
        }
        // Every open file whose check read the changed one is checked again (it may be
        // included by a standard or be its calendar), then each file's diagnostics published
        // once.
        let open: Vec<String> = self
            .docs
            .paths()
            .filter(|doc| {
                !edit
                    || **doc == key
                    || self
                        .analyses
                        .get(*doc)
                        .is_none_or(|a| a.read.contains(&key))
            })
            .cloned()
            .collect();
        for doc in open {
            let path = std::path::Path::new(&doc);
            let analysis = if doc.ends_with(".sop") {
                analyse(
                    &self.docs,
                    path,
                    self.caches.entry(doc.clone()).or_default(),
                )
            } else if doc.ends_with(".kalender.yaml") || doc.ends_with(".calendar.yaml") {
                analyse_calendar(&self.docs, path)
            } else {
                continue;
            };
            self.analyses.insert(doc, analysis);
        }
        self.publish()
    }

    /// The diagnostics of every file the open documents' checks reach, one notification per
    /// file (the same diagnostic found from two documents once), and an empty one for each
    /// file that had some before and has none now.
    fn publish(&mut self) -> Vec<Notification> {
        let mut files: std::collections::BTreeMap<String, Vec<ls_types::Diagnostic>> =
            std::collections::BTreeMap::new();
        for analysis in self.analyses.values() {
            for (file, list) in &analysis.diagnostics {
                let all = files.entry(file.clone()).or_default();
                for d in list {
                    if !all.contains(d) {
                        all.push(d.clone());
                    }
                }
            }
        }
        let before = std::mem::take(&mut self.published);
        for file in before {
            files.entry(file).or_default();
        }
        let mut out = Vec::new();
        for (file, diagnostics) in files {
            if !diagnostics.is_empty() {
                self.published.push(file.clone());
            }
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
        out
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/formatting" => params::<DocumentFormattingParams>(req.params).map(|p| {
                self.text(&p.text_document.uri)
                    .map_or(serde_json::Value::Null, |(_, t)| edits::format(t))
            }),
            "textDocument/codeAction" => params::<CodeActionParams>(req.params).map(|p| {
                self.text(&p.text_document.uri)
                    .map_or(serde_json::Value::Null, |(_, t)| edits::code_actions(t, &p))
            }),
            "textDocument/hover" => params::<HoverParams>(req.params).map(|p| self.hover(&p)),
            "textDocument/definition" => {
                params::<GotoDefinitionParams>(req.params).map(|p| self.definition(&p))
            }
            "textDocument/references" => {
                params::<ReferenceParams>(req.params).map(|p| self.references(&p))
            }
            "textDocument/rename" => match params::<RenameParams>(req.params)
                .map(|p| self.rename(&p))
            {
                Some(Ok(edit)) => Some(edit),
                Some(Err(why)) => {
                    return Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, why)
                }
                None => None,
            },
            "textDocument/completion" => {
                params::<CompletionParams>(req.params).map(|p| self.completion(&p))
            }
            "textDocument/documentSymbol" => {
                params::<DocumentSymbolParams>(req.params).map(|p| self.symbols(&p))
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

    /// The declared name under the cursor, when the document's standard declares it.
    fn name_at(
        &self,
        uri: &Uri,
        pos: ls_types::Position,
    ) -> Option<(&analysis::Name, ls_types::Range)> {
        let (key, text) = self.text(uri)?;
        let (word, start, end) = word_at(text, position::offset(text, pos))?;
        let analysis = self.analyses.get(&key)?;
        let name = analysis::pick(&analysis.names, text, word, start, end)?;
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

    fn references(&self, p: &ReferenceParams) -> serde_json::Value {
        let at = &p.text_document_position;
        let (Some((name, _)), Some(analysis)) = (
            self.name_at(&at.text_document.uri, at.position),
            self.analysis_of(&at.text_document.uri),
        ) else {
            return serde_json::Value::Null;
        };
        serde_json::to_value(navigate::references(&self.docs, analysis, name)).unwrap_or_default()
    }

    fn rename(&self, p: &RenameParams) -> Result<serde_json::Value, String> {
        let at = &p.text_document_position;
        let (Some((name, _)), Some(analysis)) = (
            self.name_at(&at.text_document.uri, at.position),
            self.analysis_of(&at.text_document.uri),
        ) else {
            return Ok(serde_json::Value::Null);
        };
        if let Some(why) = navigate::refuse_rename(analysis, name, &p.new_name) {
            return Err(why);
        }
        let edit = navigate::rename(&self.docs, analysis, name, &p.new_name);
        Ok(serde_json::to_value(edit).unwrap_or_default())
    }

    fn completion(&self, p: &CompletionParams) -> serde_json::Value {
        match self.analysis_of(&p.text_document_position.text_document.uri) {
            Some(a) => serde_json::to_value(navigate::completion(a)).unwrap_or_default(),
            None => serde_json::Value::Null,
        }
    }

    fn symbols(&self, p: &DocumentSymbolParams) -> serde_json::Value {
        let Some((key, _)) = self.text(&p.text_document.uri) else {
            return serde_json::Value::Null;
        };
        match self.analyses.get(&key) {
            Some(a) => {
                serde_json::to_value(navigate::symbols(&self.docs, a, &key)).unwrap_or_default()
            }
            None => serde_json::Value::Null,
        }
    }

    /// The last analysis of a document the editor holds.
    fn analysis_of(&self, uri: &Uri) -> Option<&Analysis> {
        let (key, _) = self.text(uri)?;
        self.analyses.get(&key)
    }

    fn definition(&self, p: &GotoDefinitionParams) -> serde_json::Value {
        let at = &p.text_document_position_params;
        // On an include's path: the included file.
        if let Some((key, text)) = self.text(&at.text_document.uri) {
            let offset = position::offset(text, at.position);
            if let Some(file) = navigate::include_at(text, offset, &key) {
                let Some(uri) = uri_of(&file) else {
                    return serde_json::Value::Null;
                };
                let start = ls_types::Position::new(0, 0);
                let location = Location {
                    uri,
                    range: ls_types::Range::new(start, start),
                };
                return serde_json::to_value(GotoDefinitionResponse::Scalar(location))
                    .unwrap_or_default();
            }
        }
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
