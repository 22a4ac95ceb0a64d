//! Procedure → the SOP AP flowchart as SVG, laid out by sopan itself: a lane per performer
//! role in the order roles first act, the SOP AP symbols, step numbers as published, the
//! Mutu Baku (inputs, time, output) beside each activity, stages as bands, connectors that
//! never cross a box, off-page connectors where a procedure runs past a page. One SVG
//! document per procedure, or several stacked in one; the same procedure gives the same
//! text byte for byte. Self-contained: no script, no link, no font to fetch.

mod check;
pub mod geometry;
pub mod layout;
mod parts;
mod plan;
mod wires;

use crate::diag::Lang;
use crate::machine::Machine;
use crate::model::{Model, Procedure};
use geometry::escape;
use layout::{layout, Kind, Layout, LINE_H};
use plan::plan;
use std::fmt::Write as _;

/// The flowchart of `proc` as one SVG document.
pub fn svg(model: &Model, proc: &Procedure, machine: &Machine, lang: Lang) -> String {
    let placed = layout(&plan(model, proc, machine, lang));
    let mut out = String::new();
    write_svg(&mut out, &placed, &proc.id, 0, None);
    out
}

/// The flowchart of `proc` as one SVG document per page, for a document that prints it: each
/// page shows its part of the drawing, joined to the next by the off-page connectors.
pub fn svg_pages(model: &Model, proc: &Procedure, machine: &Machine, lang: Lang) -> Vec<String> {
    let placed = layout(&plan(model, proc, machine, lang));
    let last = placed.pages.len().saturating_sub(1);
    placed
        .pages
        .iter()
        .enumerate()
        .map(|(k, page)| {
            // The notes under the chart belong to the last page.
            let bottom = if k == last {
                placed.height
            } else {
                page.bottom() + 6
            };
            let view = geometry::Rect {
                x: 0,
                y: (page.y - 6).max(0),
                w: placed.width,
                h: bottom - (page.y - 6).max(0),
            };
            let mut out = String::new();
            write_svg(
                &mut out,
                &placed,
                &format!("{}-{}", proc.id, k + 1),
                0,
                Some(view),
            );
            out
        })
        .collect()
}

/// What is wrong with the drawing of `proc`, in words: boxes that overlap, connectors that
/// do not start and end on their boxes or pass through one. Empty for every chart sopan
/// draws; a test holds every shipped standard to it.
pub fn svg_faults(model: &Model, proc: &Procedure, machine: &Machine, lang: Lang) -> Vec<String> {
    check::faults(&layout(&plan(model, proc, machine, lang)))
}

/// Several flowcharts stacked in one SVG document, each a nested `<svg>` under the last.
pub fn svg_stacked(model: &Model, procs: &[(&Procedure, &Machine)], lang: Lang) -> String {
    let placed: Vec<(Layout, &str)> = procs
        .iter()
        .map(|(p, m)| (layout(&plan(model, p, m, lang)), p.id.as_str()))
        .collect();
    let width = placed.iter().map(|(l, _)| l.width).max().unwrap_or(0);
    let height: i32 = placed.iter().map(|(l, _)| l.height).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    let mut y = 0;
    for (l, id) in &placed {
        write_svg(&mut out, l, id, y, None);
        y += l.height;
    }
    out.push_str("</svg>\n");
    out
}

/// Writes `l` as an `<svg>` element at height `y` of its parent (0 for a document of its
/// own), showing the part `view` of the drawing (all of it by default).
fn write_svg(out: &mut String, l: &Layout, id: &str, y: i32, view: Option<geometry::Rect>) {
    let (w, h) = (l.width, l.height);
    let v = view.unwrap_or(geometry::Rect { x: 0, y: 0, w, h });
    let marker = format!("pa-{}", escape(id));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sopan-flowchart\" data-procedure=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" viewBox=\"{} {} {} {}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"11\">",
        escape(id),
        v.w,
        v.h,
        v.x,
        v.y,
        v.w,
        v.h
    );
    let _ = writeln!(
        out,
        "<defs><marker id=\"{marker}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>"
    );
    let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>");
    for p in &l.pages {
        let _ = writeln!(
            out,
            "<rect class=\"page\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>",
            p.x, p.y, p.w, p.h
        );
    }
    for b in &l.bands {
        let _ = writeln!(
            out,
            "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f1f5fb\"/>",
            b.x, b.y, b.w, b.h
        );
    }
    for c in &l.cells {
        let r = c.rect;
        let fill = if c.class == "head" { "#e8e8e8" } else { "none" };
        let _ = write!(
            out,
            "<g class=\"cell {}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#999\"/>",
            c.class, r.x, r.y, r.w, r.h
        );
        lines(out, &c.lines, r.x + 5, r.y + 4, c.class == "head");
        out.push_str("</g>\n");
    }
    for p in &l.placed {
        let r = p.rect;
        let kind = match p.kind {
            Kind::Terminator => "terminator",
            Kind::Activity => "activity",
            Kind::Decision => "decision",
            Kind::Returned => "returned",
            Kind::OffPage => "offpage",
        };
        let _ = write!(
            out,
            "<g class=\"sym {kind}\" data-id=\"{}\">",
            escape(&p.id)
        );
        let style = "fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.3\"";
        let (x, y, w, h, r2) = (r.x, r.y, r.w, r.h, r.right());
        let _ = match p.kind {
            Kind::Terminator => write!(
                out,
                "<rect class=\"shape\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{}\" {style}/>",
                h.min(30) / 2
            ),
            Kind::Activity => write!(
                out,
                "<rect class=\"shape\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" {style}/>"
            ),
            Kind::Decision => {
                // The activity's box, a stem, and the diamond with the question under it.
                let top = p.diamond.as_ref().map_or(0, |d| d.0);
                let d = y + top + 12;
                let mid = (d + r.bottom()) / 2;
                write!(
                    out,
                    "<path class=\"shape\" d=\"M{x},{y} L{r2},{y} L{r2},{} L{x},{} z M{},{} L{},{d} M{},{d} L{r2},{mid} L{},{} L{x},{mid} z\" {style}/>",
                    y + top,
                    y + top,
                    r.cx(),
                    y + top,
                    r.cx(),
                    r.cx(),
                    r.cx(),
                    r.bottom()
                )
            }
            // The wave's lowest point, a quarter in from the left, is the box's bottom.
            Kind::Returned => write!(
                out,
                "<path class=\"shape\" d=\"M{x},{y} L{r2},{y} L{r2},{} Q{},{} {},{} Q{},{} {x},{} z\" {style}/>",
                r.bottom() - 6,
                x + w * 3 / 4,
                r.bottom() - 18,
                r.cx(),
                r.bottom() - 6,
                x + w / 4,
                r.bottom() + 6,
                r.bottom() - 6
            ),
            Kind::OffPage => write!(
                out,
                "<path class=\"shape\" d=\"M{x},{y} L{r2},{y} L{r2},{} L{},{} L{x},{} z\" {style}/>",
                y + h * 2 / 3,
                r.cx(),
                r.bottom(),
                y + h * 2 / 3
            ),
        };
        let text_h = p.lines.len() as i32 * LINE_H;
        let top = match (p.kind, &p.diamond) {
            (Kind::Returned, _) => y + (h - 8 - text_h) / 2,
            (Kind::OffPage, _) => y + 1,
            (Kind::Decision, Some((box_h, question))) => {
                let d = y + box_h + 12;
                let q_h = question.len() as i32 * LINE_H;
                centred(out, question, r.cx(), (d + r.bottom() - q_h) / 2);
                y + (box_h - text_h) / 2
            }
            _ => y + (h - text_h) / 2,
        };
        centred(out, &p.lines, r.cx(), top);
        out.push_str("</g>\n");
    }
    for wire in &l.wires {
        let points: Vec<String> = wire
            .points
            .iter()
            .map(|(x, y)| format!("{x},{y}"))
            .collect();
        let name = |i: usize| l.placed.get(i).map_or("", |p| p.id.as_str());
        let _ = writeln!(
            out,
            "<polyline class=\"wire\" data-from=\"{}\" data-to=\"{}\" points=\"{}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\" marker-end=\"url(#{marker})\"/>",
            escape(name(wire.from)),
            escape(name(wire.to)),
            points.join(" ")
        );
        if let Some((text, x, y)) = &wire.label {
            let _ = writeln!(
                out,
                "<text class=\"wire-label\" x=\"{x}\" y=\"{y}\" font-size=\"10\" fill=\"#114\">{}</text>",
                escape(text)
            );
        }
    }
    for (x, y, text, class) in &l.texts {
        let size = if *class == "title" { 15 } else { 11 };
        let weight = if *class == "title" {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<text class=\"{class}\" x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{weight}>{}</text>",
            escape(text)
        );
    }
    out.push_str("</svg>\n");
}

/// Lines of text from `top`, left-aligned at `x`.
fn lines(out: &mut String, text: &[String], x: i32, top: i32, bold: bool) {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let _ = write!(out, "<text{weight}>");
    for (i, line) in text.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{x}\" y=\"{}\">{}</tspan>",
            top + 11 + i as i32 * LINE_H,
            escape(line)
        );
    }
    out.push_str("</text>");
}

/// Lines of text from `top`, centred on `cx`.
fn centred(out: &mut String, text: &[String], cx: i32, top: i32) {
    out.push_str("<text text-anchor=\"middle\">");
    for (i, line) in text.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{cx}\" y=\"{}\">{}</tspan>",
            top + 11 + i as i32 * LINE_H,
            escape(line)
        );
    }
    out.push_str("</text>");
}
