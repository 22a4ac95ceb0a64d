//! Model → the official document as Markdown: the 14 components of PermenPAN-RB 15/2014 in
//! their order, then each procedure as an SOP AP table (PermenPAN-RB 35/2012: No, Kegiatan, a
//! Pelaksana column per role, Mutu Baku, Keterangan) with its flowchart.
//!
//! A component the file does not write is shown as missing rather than left out, so a reader
//! sees the gap the checker reports.

use crate::diag::{Lang, COMPONENTS};
use crate::machine::Machine;
use crate::model::{Count, Flow, Model, Node, Point, Procedure, RoleId, Service};
use crate::render::graph::{duration_words, flowchart, mermaid};
use std::fmt::Write as _;

pub mod blocks;
mod components;
mod document;
mod docx;
mod html;
mod sop;
mod words;
mod zip;

pub use document::{document, Document, Page};
pub use docx::docx;
pub use html::html;

use components::component;
use sop::{point_words, sop};
use words::{anchor, capitalise, cell, list, roles, slug, subject_title, thousands};

/// The document of service `service` (index into `model.services`), with every procedure it
/// owns or whose complaint policy it names. `machines` are the compiled procedures, in order.
pub fn markdown(model: &Model, machines: &[Machine], service: usize, lang: Lang) -> String {
    words::finish(&service_text(model, machines, service, lang))
}

/// The text of [`markdown`] before its final escaping (the document's own tags between the
/// control characters 1 and 2).
fn service_text(model: &Model, machines: &[Machine], service: usize, lang: Lang) -> String {
    let Some(svc) = model.services.get(service) else {
        return String::new();
    };
    let w = Words { lang };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&svc.title));
    if let Some(a) = svc.agency.and_then(|a| model.agencies.get(a)) {
        let _ = writeln!(out, "**{}**", cell(&a.title));
        if let Some(address) = &a.address {
            let _ = writeln!(out, "\u{1}br\u{2}{}", cell(address));
        }
        out.push('\n');
    }
    let mut facts = Vec::new();
    if let Some(v) = &svc.version {
        facts.push((w.pick("Versi", "Version"), cell(v)));
    }
    if let Some(d) = svc.effective {
        facts.push((w.pick("Berlaku sejak", "In force since"), d.to_string()));
    }
    if let Some(c) = &svc.calendar {
        facts.push((
            w.pick("Kalender kerja", "Working calendar"),
            format!("`{c}`"),
        ));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "| | |\n|---|---|");
        for (k, v) in facts {
            let _ = writeln!(out, "| {k} | {v} |");
        }
        out.push('\n');
    }
    let procs = procedures_of(model, svc);
    let _ = writeln!(
        out,
        "## {}\n",
        w.pick(
            "A. Komponen penyampaian pelayanan",
            "A. Service delivery components"
        )
    );
    for number in 1..=14u8 {
        if number == 7 {
            let _ = writeln!(
                out,
                "## {}\n",
                w.pick(
                    "B. Komponen pengelolaan pelayanan",
                    "B. Service management components"
                )
            );
        }
        let (id, en, _) = COMPONENTS[usize::from(number - 1)];
        let _ = writeln!(out, "### {number}. {}\n", capitalise(w.pick(id, en)));
        let written = svc.components[usize::from(number - 1)];
        let body = component(model, svc, &procs, number, w);
        if !written && body.is_empty() {
            let _ = writeln!(out, "*{}*\n", w.pick("Belum ditulis.", "Not written."));
        } else {
            let _ = writeln!(out, "{body}");
        }
    }
    for &p in &procs {
        if let (Some(proc), Some(machine)) = (model.procedures.get(p), machines.get(p)) {
            sop(
                &mut out,
                model,
                proc.sop.as_ref().or(svc.sop.as_ref()),
                proc,
                machine,
                w,
            );
        }
    }
    out
}

/// The procedures no service documents: an agency's SOP published without a full standard,
/// or a complaint procedure of a policy no service names. Indexes into `model.procedures`.
pub fn standalone_procedures(model: &Model) -> Vec<usize> {
    let documented: Vec<usize> = model
        .services
        .iter()
        .flat_map(|svc| procedures_of(model, svc))
        .collect();
    (0..model.procedures.len())
        .filter(|p| !documented.contains(p))
        .collect()
}

/// The document of a procedure no service owns (see [`standalone_procedures`]): the agency,
/// then the SOP table and flowchart, as for a service's procedure.
pub fn procedure_markdown(
    model: &Model,
    machines: &[Machine],
    procedure: usize,
    lang: Lang,
) -> String {
    words::finish(&procedure_text(model, machines, procedure, lang))
}

/// The text of [`procedure_markdown`] before its final escaping.
fn procedure_text(model: &Model, machines: &[Machine], procedure: usize, lang: Lang) -> String {
    let (Some(proc), Some(machine)) = (model.procedures.get(procedure), machines.get(procedure))
    else {
        return String::new();
    };
    let w = Words { lang };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&proc.title));
    // A file of one agency names it; with several, the procedure's own is not recorded.
    if let [agency] = model.agencies.as_slice() {
        let _ = writeln!(out, "**{}**", cell(&agency.title));
        if let Some(address) = &agency.address {
            let _ = writeln!(out, "\u{1}br\u{2}{}", cell(address));
        }
        if let Some(c) = &agency.calendar {
            let _ = writeln!(
                out,
                "\u{1}br\u{2}{}: `{c}`",
                w.pick("Kalender kerja", "Working calendar")
            );
        }
        out.push('\n');
    }
    match model
        .complaints
        .iter()
        .find(|c| c.procedures.contains(&procedure))
    {
        Some(policy) => {
            let _ = writeln!(
                out,
                "*{}: {}*\n",
                w.pick(
                    "Prosedur kebijakan pengaduan",
                    "Procedure of the complaint policy"
                ),
                cell(&policy.title)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "*{}*\n",
                w.pick(
                    "SOP tanpa standar pelayanan: komponen standar pelayanan belum ditulis.",
                    "SOP without a service standard: the standard's components are not written."
                )
            );
        }
    }
    sop(&mut out, model, proc.sop.as_ref(), proc, machine, w);
    out
}

#[derive(Clone, Copy)]
struct Words {
    lang: Lang,
}

impl Words {
    fn pick(self, id: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(id, en)
    }
}

/// The service's own procedures, then those of its complaint policy.
fn procedures_of(model: &Model, svc: &Service) -> Vec<usize> {
    let mut procs = svc.procedures.clone();
    if let Some(policy) = svc.complaints.and_then(|c| model.complaints.get(c)) {
        for p in &policy.procedures {
            if !procs.contains(p) {
                procs.push(*p);
            }
        }
    }
    procs
}
