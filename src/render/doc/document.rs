//! The whole document of a standard, built once: a page per service, then a page per
//! procedure no service documents; each page's text and its blocks. Markdown, HTML and Word
//! are written from it.

use super::blocks::{self, Block};
use super::{procedure_text, procedures_of, service_text, standalone_procedures, words};
use crate::diag::Lang;
use crate::machine::Machine;
use crate::model::Model;

/// One page: a service's standard, or a procedure of its own.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its title.
    pub title: String,
    /// The agency's name, when the page names one.
    pub agency: Option<String>,
    /// The standard's version, for a service.
    pub version: Option<String>,
    /// The procedures its SOP pages show, in order (indices into the model's procedures): the
    /// `n`-th [`Block::Flowchart`] is the `n`-th of them.
    pub procedures: Vec<usize>,
    /// The content.
    pub blocks: Vec<Block>,
    text: String,
}

/// The document of one standard.
#[derive(Debug, Clone)]
pub struct Document {
    /// The pages, services first.
    pub pages: Vec<Page>,
}

impl Document {
    /// The document as Markdown, pages separated by a rule.
    pub fn markdown(&self) -> String {
        let pages: Vec<String> = self.pages.iter().map(|p| words::finish(&p.text)).collect();
        pages.join("\n---\n\n")
    }
}

/// Builds the document of `model`.
pub fn document(model: &Model, machines: &[Machine], lang: Lang) -> Document {
    let mut pages = Vec::new();
    for (i, svc) in model.services.iter().enumerate() {
        let text = service_text(model, machines, i, lang);
        pages.push(Page {
            title: svc.title.clone(),
            agency: svc
                .agency
                .and_then(|a| model.agencies.get(a))
                .map(|a| a.title.clone()),
            version: svc.version.clone(),
            procedures: procedures_of(model, svc),
            blocks: blocks::parse(&text),
            text,
        });
    }
    for p in standalone_procedures(model) {
        let text = procedure_text(model, machines, p, lang);
        pages.push(Page {
            title: model
                .procedures
                .get(p)
                .map_or_else(String::new, |p| p.title.clone()),
            agency: match model.agencies.as_slice() {
                [a] => Some(a.title.clone()),
                _ => None,
            },
            version: None,
            procedures: vec![p],
            blocks: blocks::parse(&text),
            text,
        });
    }
    Document { pages }
}
