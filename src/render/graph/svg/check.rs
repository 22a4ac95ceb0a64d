//! The drawing's own promises, checked on the placed chart: no two boxes overlap, no box
//! overlaps a cell, every connector starts on the edge of its box and ends on the top of its
//! target, and no connector passes through a box.

use super::layout::Layout;

/// Every broken promise of `l`, in words (none for a sound chart).
pub fn faults(l: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    for (i, a) in l.placed.iter().enumerate() {
        for b in &l.placed[i + 1..] {
            if a.rect.overlaps(&b.rect) {
                out.push(format!("boxes `{}` and `{}` overlap", a.id, b.id));
            }
        }
        for c in &l.cells {
            if a.rect.overlaps(&c.rect) {
                out.push(format!("box `{}` overlaps a {} cell", a.id, c.class));
            }
        }
    }
    for w in &l.wires {
        let (Some(from), Some(to)) = (l.placed.get(w.from), l.placed.get(w.to)) else {
            out.push("a connector names no box".into());
            continue;
        };
        let name = format!("`{}` → `{}`", from.id, to.id);
        match (w.points.first(), w.points.last()) {
            (Some(&a), Some(&b)) => {
                if !from.rect.on_edge(a) {
                    out.push(format!("{name} does not start on its box"));
                }
                if !(to.rect.on_edge(b) && b.1 == to.rect.y) {
                    out.push(format!("{name} does not end on the top of its target"));
                }
            }
            _ => out.push(format!("{name} has no points")),
        }
        for pair in w.points.windows(2) {
            if pair[0].0 != pair[1].0 && pair[0].1 != pair[1].1 {
                out.push(format!("{name} has a slanted segment"));
            }
            for p in &l.placed {
                if p.rect.crossed_by(pair[0], pair[1]) {
                    out.push(format!("{name} crosses box `{}`", p.id));
                }
            }
        }
    }
    out
}
