//! A laid-out chart as text: Mermaid (for Markdown pages) and Graphviz DOT, from one walk over lanes, free symbols and arrows.

use super::*;

/// The chart as a Mermaid `flowchart`, lanes as subgraphs.
pub fn mermaid(chart: &Flowchart) -> String {
    // Mermaid's own entity codes: a label's text is never markup.
    let text = |s: &str| {
        s.replace('&', "#38;")
            .replace('<', "#60;")
            .replace('>', "#62;")
            .replace('"', "#quot;")
            .replace('\n', "<br/>")
            .replace('|', "#124;")
    };
    let symbol = |out: &mut String, s: &Symbol, indent: &str| {
        let label = text(&s.label);
        let _ = match s.shape {
            Shape::Terminator => writeln!(out, "{indent}{}([\"{label}\"])", s.id),
            Shape::Activity => writeln!(out, "{indent}{}[\"{label}\"]", s.id),
            Shape::Decision => writeln!(out, "{indent}{}{{\"{label}\"}}", s.id),
            Shape::Returned => writeln!(out, "{indent}{}[/\"{label}\"/]", s.id),
        };
    };
    let mut out = String::new();
    let _ = writeln!(out, "flowchart TB");
    if !chart.notes.is_empty() {
        // The budgets and their rules in a note of their own, not in a step's box.
        let lines: Vec<String> = chart.notes.iter().map(|n| text(n)).collect();
        let _ = writeln!(out, "  budgets[\"{}\"]", lines.join("<br/>"));
    }
    walk(
        chart,
        &mut out,
        |out, lane| {
            let _ = writeln!(
                out,
                "  subgraph lane_{}[\"{}\"]",
                lane.role,
                text(&lane.title)
            );
        },
        "  end",
        symbol,
        |out, from, to, label| {
            let _ = match label {
                Some(l) => writeln!(out, "  {} -->|\"{}\"| {}", from.id, text(l), to.id),
                None => writeln!(out, "  {} --> {}", from.id, to.id),
            };
        },
    );
    out
}

/// The chart as a Graphviz `digraph`, lanes as clusters side by side in the order the roles
/// first act: each lane has an invisible head node, the heads share one rank and are chained
/// by invisible edges, so Graphviz lays the lanes out as columns.
pub fn dot(chart: &Flowchart) -> String {
    let text = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    };
    let symbol = |out: &mut String, s: &Symbol, indent: &str| {
        let shape = match s.shape {
            Shape::Terminator => "shape=box, style=rounded",
            Shape::Activity => "shape=box",
            Shape::Decision => "shape=diamond",
            Shape::Returned => "shape=parallelogram",
        };
        let _ = writeln!(
            out,
            "{indent}{} [{shape}, label=\"{}\"];",
            s.id,
            text(&s.label)
        );
    };
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", text(&chart.id));
    // The budgets and their rules under the title, not in a step's box.
    let mut title = chart.title.clone();
    for n in &chart.notes {
        title.push('\n');
        title.push_str(n);
    }
    let _ = writeln!(out, "  label=\"{}\";", text(&title));
    let _ = writeln!(out, "  labelloc=t;");
    let _ = writeln!(out, "  fontname=\"Helvetica\";");
    let _ = writeln!(out, "  node [fontname=\"Helvetica\"];");
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\"];");
    let _ = writeln!(out, "  newrank=true;");
    let head = |lane: &Lane| format!("\"lane_{}\"", text(&lane.role));
    walk(
        chart,
        &mut out,
        |out, lane| {
            let _ = writeln!(out, "  subgraph \"cluster_{}\" {{", lane.role);
            let _ = writeln!(out, "    label=\"{}\";", text(&lane.title));
            let _ = writeln!(
                out,
                "    {} [shape=point, style=invis, width=0, height=0];",
                head(lane)
            );
        },
        "  }",
        symbol,
        |out, from, to, label| {
            let _ = match label {
                Some(l) => writeln!(out, "  {} -> {} [label=\"{}\"];", from.id, to.id, text(l)),
                None => writeln!(out, "  {} -> {};", from.id, to.id),
            };
        },
    );
    if chart.lanes.len() > 1 {
        let heads: Vec<String> = chart.lanes.iter().map(head).collect();
        let _ = writeln!(out, "  {{ rank=same; {}; }}", heads.join("; "));
        for pair in heads.windows(2) {
            let _ = writeln!(out, "  {} -> {} [style=invis];", pair[0], pair[1]);
        }
    }
    let _ = writeln!(out, "}}");
    out
}

/// Writes a chart in the order both formats share: each lane with its symbols, the symbols
/// outside any lane, then the arrows.
pub(super) fn walk(
    chart: &Flowchart,
    out: &mut String,
    open_lane: impl Fn(&mut String, &Lane),
    close_lane: &str,
    symbol: impl Fn(&mut String, &Symbol, &str),
    arrow: impl Fn(&mut String, &Symbol, &Symbol, Option<&str>),
) {
    for (i, lane) in chart.lanes.iter().enumerate() {
        open_lane(out, lane);
        for s in chart.symbols.iter().filter(|s| s.lane == Some(i)) {
            symbol(out, s, "    ");
        }
        let _ = writeln!(out, "{close_lane}");
    }
    for s in chart.symbols.iter().filter(|s| s.lane.is_none()) {
        symbol(out, s, "  ");
    }
    for a in &chart.arrows {
        if let (Some(from), Some(to)) = (chart.symbols.get(a.from), chart.symbols.get(a.to)) {
            arrow(out, from, to, a.label.as_deref());
        }
    }
}
