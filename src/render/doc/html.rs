//! The document as one self-contained HTML file: inline CSS and SVG, no script, no link out.
//! Laid out like the regulations' own tables; printed on A4 with the agency's name and the
//! standard's version in the page margins, each SOP on pages of its own turned landscape,
//! and each flowchart page on a page of its own.

use super::blocks::{Block, Span, Table};
use super::document::Document;
use crate::diag::Lang;
use crate::machine::Machine;
use crate::model::Model;
use crate::render::graph::svg::geometry::escape;
use std::fmt::Write as _;

const CSS: &str = include_str!("document.css");

/// `doc` as HTML; `model` and `machines` draw the flowcharts.
pub fn html(doc: &Document, model: &Model, machines: &[Machine], lang: Lang) -> String {
    let first = doc.pages.first();
    let title = first.map_or("", |p| p.title.as_str());
    let agency = first.and_then(|p| p.agency.as_deref()).unwrap_or_default();
    let version = first
        .and_then(|p| p.version.as_deref())
        .map(|v| format!("{} {v}", lang.pick("Versi", "Version")))
        .unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}@page {{ @top-left {{ content: \"{}\"; }} @top-right {{ content: \"{}\"; }} }}\n</style>\n</head>\n<body>",
        lang.pick("id", "en"),
        escape(title),
        css_string(agency),
        css_string(&version)
    );
    let _ = writeln!(
        out,
        "<header class=\"running\"><span>{}</span><span>{}</span></header>",
        escape(agency),
        escape(&version)
    );
    for (k, page) in doc.pages.iter().enumerate() {
        let class = if k == 0 { "standard" } else { "standard next" };
        let _ = writeln!(out, "<article class=\"{class}\">");
        let mut in_sop = false;
        for block in &page.blocks {
            match block {
                Block::Anchor(id) => {
                    if in_sop {
                        out.push_str("</section>\n");
                    }
                    let _ = writeln!(out, "<section class=\"sop\" id=\"{}\">", escape(id));
                    in_sop = true;
                }
                Block::Heading(level, spans) => {
                    let _ = writeln!(out, "<h{level}>{}</h{level}>", inline(spans));
                }
                Block::Para(spans) => {
                    let _ = writeln!(out, "<p>{}</p>", inline(spans));
                }
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        let _ = writeln!(out, "<li>{}</li>", inline(item));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(t) => table(&mut out, t, lang),
                Block::Flowchart(n) => {
                    let Some(&p) = page.procedures.get(*n) else {
                        continue;
                    };
                    let (Some(proc), Some(machine)) = (model.procedures.get(p), machines.get(p))
                    else {
                        continue;
                    };
                    let caption = lang.pick("Bagan alir", "Flowchart");
                    for (i, svg) in crate::render::graph::svg_pages(model, proc, machine, lang)
                        .iter()
                        .enumerate()
                    {
                        let _ = writeln!(
                            out,
                            "<figure class=\"flowchart\"><figcaption>{caption}: {} ({})</figcaption>\n{svg}</figure>",
                            escape(&proc.title),
                            i + 1
                        );
                    }
                }
            }
        }
        if in_sop {
            out.push_str("</section>\n");
        }
        out.push_str("</article>\n");
    }
    let _ = writeln!(
        out,
        "<footer class=\"running\"><span>{}</span><span>{}</span></footer>\n</body>\n</html>",
        escape(agency),
        escape(&version)
    );
    out
}

/// A table: a table of facts (no heading) or a table with its heading row; the SOP table
/// (headed `No`) gets its column widths and upright role names.
fn table(out: &mut String, t: &Table, lang: Lang) {
    let facts = t.is_facts();
    let sop = t.is_sop();
    let class = match (facts, sop) {
        (true, _) => "facts",
        (_, true) => "sop",
        _ => "plain",
    };
    let _ = writeln!(out, "<table class=\"{class}\">");
    if sop {
        // No, Kegiatan, a Pelaksana column per role, then the Mutu Baku and Keterangan.
        // A table whose source names no performer gives Kegiatan their room.
        let roles = t.roles();
        let share = 30.0 / roles.max(1) as f32;
        let activity = if roles == 0 { 50 } else { 20 };
        let _ = write!(
            out,
            "<colgroup><col style=\"width:4%\"><col style=\"width:{activity}%\">"
        );
        for _ in 0..roles {
            let _ = write!(out, "<col style=\"width:{share:.2}%\">");
        }
        out.push_str("<col style=\"width:12%\"><col style=\"width:8%\"><col style=\"width:12%\"><col style=\"width:14%\"></colgroup>\n");
    }
    if sop && t.head.len() >= 6 {
        // As PermenPAN-RB 35/2012 heads it: Pelaksana over the roles, Mutu Baku over
        // Kelengkapan, Waktu and Output; No, Kegiatan and Keterangan over both rows.
        let n = t.head.len();
        let roles = n - 6;
        let cell = |i: usize| t.head.get(i).map_or_else(String::new, |c| inline(c));
        // No Pelaksana heading over no columns (a source that names no performer).
        let performers = if roles == 0 {
            String::new()
        } else {
            format!(
                "<th colspan=\"{roles}\">{}</th>",
                lang.pick("Pelaksana", "Performers")
            )
        };
        let _ = write!(
            out,
            "<thead><tr><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th>{performers}<th colspan=\"3\">{}</th><th rowspan=\"2\">{}</th></tr>\n<tr>",
            cell(0),
            cell(1),
            lang.pick("Mutu Baku", "Quality standards"),
            cell(n - 1)
        );
        for i in 2..n - 1 {
            let class = if i < 2 + roles { " class=\"role\"" } else { "" };
            let _ = write!(out, "<th{class}>{}</th>", cell(i));
        }
        out.push_str("</tr></thead>\n");
    } else if !facts {
        out.push_str("<thead><tr>");
        for cell in &t.head {
            let _ = write!(out, "<th>{}</th>", inline(cell));
        }
        out.push_str("</tr></thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in &t.rows {
        // A stage's row: its name in bold in the Kegiatan column and no number.
        let stage = sop
            && row.first().is_some_and(Vec::is_empty)
            && row
                .get(1)
                .is_some_and(|c| c.first().is_some_and(|s| s.bold));
        out.push_str(if stage {
            "<tr class=\"stage\">"
        } else {
            "<tr>"
        });
        for (i, cell) in row.iter().enumerate() {
            let class = if t.centred.get(i).copied().unwrap_or(false) {
                " class=\"c\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", inline(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// Spans as HTML.
fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        if s.br {
            out.push_str("<br>");
            continue;
        }
        let mut text = escape(&s.text);
        if s.code {
            text = format!("<code>{text}</code>");
        }
        if s.italic {
            text = format!("<em>{text}</em>");
        }
        if s.bold {
            text = format!("<strong>{text}</strong>");
        }
        if let Some(link) = &s.link {
            text = format!("<a href=\"#{}\">{text}</a>", escape(link));
        }
        out.push_str(&text);
    }
    out
}

/// Text as a CSS string's content: quotes and backslashes escaped, and `<` written as its
/// code so no text can close the style element.
fn css_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3C "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
