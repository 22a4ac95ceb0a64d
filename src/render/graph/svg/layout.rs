//! Where every part of an SOP AP flowchart sits. Columns: the stages (when the procedure has
//! any), one lane per performer role, then the Mutu Baku columns. Rows: one symbol each, in
//! the document's order. Boxes sit inside their lane with a margin on each side, so the lane
//! boundaries (channels) and the space between rows (gutters) hold no box: every connector
//! runs from its box into a gutter, along gutters and channels only, and into the top of its
//! target — it never crosses a box. Each connector has its own track in a gutter or channel.
//! A procedure taller than a page continues on the next one, through a pair of off-page
//! connectors lettered alike.

use super::geometry::{wrap, Rect};
pub use super::parts::{Cell, Kind, Layout, Placed, Plan, RowPlan};
use super::wires::{gutter_below, Exit, Grid, Route, Strip};

/// A lane's width.
pub const LANE_W: i32 = 190;
/// Between a box and its lane's edges (half a channel).
pub(super) const MARGIN: i32 = 17;
/// A line of text.
pub const LINE_H: i32 = 14;
/// The stage column's width.
pub(super) const STAGE_W: i32 = 120;
/// The Mutu Baku columns' widths: inputs, time, output.
const CELL_W: [i32; 3] = [140, 110, 140];
/// Space between the lanes and the columns beside them (wider than any channel track).
pub(super) const SIDE_GAP: i32 = 16;
/// The shortest page: a narrow chart still gets a page a few steps tall.
const PAGE_MIN_H: i32 = 900;

/// Places `plan`.
pub fn layout(plan: &Plan) -> Layout {
    let lanes = plan.lanes.len().max(1) as i32;
    let kept = plan.sound();
    let plan = kept.as_ref();
    let stage_w = if plan.stages.is_empty() {
        0
    } else {
        STAGE_W + SIDE_GAP
    };
    let lane_x = |lane: usize| 10 + stage_w + lane as i32 * LANE_W;
    let cells_x = lane_x(0) + lanes * LANE_W + SIDE_GAP;
    let width = cells_x + CELL_W.iter().sum::<i32>() + 10;

    // Each row's box and cells, sized; placed vertically later.
    type Sized = (
        Kind,
        i32,
        Vec<String>,
        Option<(i32, Vec<String>)>,
        [Vec<String>; 3],
    );
    let sized: Vec<Sized> = plan
        .rows
        .iter()
        .map(|r| {
            let (lines, mut h) = size(r.kind, &r.text);
            let diamond = r
                .question
                .as_ref()
                .filter(|_| r.kind == Kind::Decision)
                .map(|q| {
                    // The question's block fits the diamond when its width is 3/5 of the
                    // diamond's and its height 2/5 of the diamond's.
                    let lines = wrap(q, (LANE_W - 2 * MARGIN) * 3 / 5);
                    let th = lines.len() as i32 * LINE_H + 6;
                    let top = h;
                    h += 12 + th * 5 / 2 + 10;
                    (top, lines)
                });
            let cells = [0, 1, 2].map(|k| wrap(&r.cells[k], CELL_W[k] - 10));
            (r.kind, h, lines, diamond, cells)
        })
        .collect();
    let row_h: Vec<i32> = sized
        .iter()
        .map(|(_, h, _, _, cells)| {
            let text = cells.iter().map(Vec::len).max().unwrap_or(0) as i32 * LINE_H + 10;
            (*h).max(text) + 16
        })
        .collect();
    // The way each connector leaves: a decision's second and third outcomes by its sides.
    let mut exits = Vec::with_capacity(plan.arrows.len());
    let mut count = vec![0usize; plan.rows.len()];
    for &(from, _, _) in &plan.arrows {
        let k = count.get(from).copied().unwrap_or(0);
        if let Some(c) = count.get_mut(from) {
            *c += 1;
        }
        let decision = plan
            .rows
            .get(from)
            .is_some_and(|r| r.kind == Kind::Decision);
        exits.push(match (decision, k) {
            (true, 1) => Exit::Right,
            (true, 2) => Exit::Left,
            _ => Exit::Bottom,
        });
    }
    let straight = |a: usize| {
        let (from, to, _) = &plan.arrows[a];
        exits[a] == Exit::Bottom
            && *to == from + 1
            && plan.rows.get(*from).map(|r| r.lane) == plan.rows.get(*to).map(|r| r.lane)
    };

    // Pages: rows packed greedily, a gutter's share estimated from the connectors at it.
    let head_lines = plan
        .lanes
        .iter()
        .map(|t| wrap(t, (LANE_W - 10) * 9 / 10).len())
        .chain(plan.headings.iter().map(|t| wrap(t, 117).len()))
        .max()
        .unwrap_or(1) as i32;
    let head_h = head_lines * LINE_H + 12;
    // The title is bold and 15 px: wider per character than the 11 px the widths are for.
    let title = wrap(&plan.title, (width - 20) * 11 * 9 / (15 * 10));
    let title_h = title.len() as i32 * 18 + 12;
    // An A4 page on its side at the drawing's width, as the document prints it.
    let page_h = (width * 210 / 297).max(PAGE_MIN_H);
    let mut page_of = vec![0usize; plan.rows.len()];
    let mut used = title_h + head_h + 80;
    let mut page = 0;
    for (r, h) in row_h.iter().enumerate() {
        let at = plan
            .arrows
            .iter()
            .filter(|(f, t, _)| *f + 1 == r || *t == r)
            .count() as i32;
        let cost = h + 20 + 12 * at;
        if r > 0 && used + cost > page_h {
            page += 1;
            used = title_h + head_h + 80;
        }
        used += cost;
        page_of[r] = page;
    }
    let pages = page + 1;

    // Tracks: each connector's place in the gutters, channels and strips it runs through.
    // Gutter `r` is above row `r`; gutter `rows + p` is below the last row of page `p`.
    let rows = plan.rows.len();
    let mut gutter_tracks = vec![0i32; rows + pages];
    let mut labelled = vec![0i32; rows + pages];
    // One channel at each lane boundary (a chart without roles still has one lane).
    let mut channel_tracks = vec![0i32; lanes as usize + 1];
    let mut strips_in: Vec<Strip> = (0..pages).map(|_| Strip::default()).collect();
    let mut strips_out: Vec<Strip> = (0..pages).map(|_| Strip::default()).collect();
    let below = |r: usize| gutter_below(r, &page_of);
    let mut routes = Vec::with_capacity(plan.arrows.len());
    for (a, &(from, to, ref label)) in plan.arrows.iter().enumerate() {
        let cross = page_of.get(from) != page_of.get(to);
        if straight(a) && !cross {
            if label.is_some() {
                labelled[to] += 1;
            }
            routes.push(None);
            continue;
        }
        let g = below(from);
        let exit_track = gutter_tracks[g];
        gutter_tracks[g] += 1;
        if label.is_some() {
            labelled[g] += 1;
        }
        let (lf, lt) = (plan.rows[from].lane, plan.rows[to].lane);
        let boundary = match exits[a] {
            Exit::Right => lf + 1,
            Exit::Left => lf,
            Exit::Bottom if lt < lf => lf,
            Exit::Bottom => lf + 1,
        };
        let channel = (boundary, channel_tracks[boundary]);
        channel_tracks[boundary] += 1;
        let adjacent = !cross && to == from + 1;
        let approach_track = if adjacent {
            exit_track
        } else {
            let t = gutter_tracks[to];
            gutter_tracks[to] += 1;
            t
        };
        // A connector to another page: a slot under this page and one above the target's.
        let slots = cross.then(|| {
            let lanes = lanes as usize;
            (
                strips_out[page_of[from]].place(lf, lanes),
                strips_in[page_of[to]].place(lt, lanes),
            )
        });
        routes.push(Some(Route {
            exit_track,
            approach_track,
            channel,
            slots,
        }));
    }
    let gutter_h = |g: usize| 14 + 10 * gutter_tracks[g] + 12 * labelled[g];

    // Vertical places.
    let mut out = Layout {
        width,
        ..Layout::default()
    };
    let mut row_y = vec![0i32; rows];
    let mut gutter_y = vec![0i32; rows + pages];
    let mut strip_in_y = vec![0i32; pages];
    let mut strip_out_y = vec![0i32; pages];
    let mut y = 10;
    let mut r = 0;
    for p in 0..pages {
        let top = y;
        for (i, line) in title.iter().enumerate() {
            out.texts
                .push((20, y + 20 + i as i32 * 18, line.clone(), "title"));
        }
        y += title_h;
        headings(&mut out, plan, y, head_h, stage_w, &lane_x, cells_x);
        y += head_h;
        strip_in_y[p] = y;
        y += strips_in[p].height();
        let first = r;
        while r < rows && page_of[r] == p {
            gutter_y[r] = y;
            y += gutter_h(r);
            row_y[r] = y;
            y += row_h[r];
            r += 1;
        }
        gutter_y[rows + p] = y;
        y += gutter_h(rows + p);
        strip_out_y[p] = y;
        y += strips_out[p].height();
        // Stage bands and names on this page.
        for (label, a, b) in &plan.stages {
            let (a, b) = ((*a).max(first), (*b).min(r.saturating_sub(1)));
            if a > b || b >= r || a < first {
                continue;
            }
            let band = Rect {
                x: 10,
                y: gutter_y[a],
                w: width - 20,
                h: row_y[b] + row_h[b] - gutter_y[a],
            };
            out.bands.push(band);
            out.cells.push(Cell {
                rect: Rect {
                    x: 10,
                    w: STAGE_W,
                    ..band
                },
                lines: wrap(label, STAGE_W - 10),
                class: "stage",
            });
        }
        out.pages.push(Rect {
            x: 4,
            y: top - 6,
            w: width - 8,
            h: y - top + 12,
        });
        y += 24;
    }
    out.height = y;

    // Boxes and cells.
    for (i, row) in plan.rows.iter().enumerate() {
        let (kind, h, lines, diamond, cells) = &sized[i];
        let rect = Rect {
            x: lane_x(row.lane) + MARGIN,
            y: row_y[i] + 8,
            w: LANE_W - 2 * MARGIN,
            h: *h,
        };
        out.placed.push(Placed {
            id: row.id.clone(),
            kind: *kind,
            rect,
            lines: lines.clone(),
            diamond: diamond.clone(),
        });
        let mut x = cells_x;
        for (k, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                out.cells.push(Cell {
                    rect: Rect {
                        x,
                        y: row_y[i] + 4,
                        w: CELL_W[k],
                        h: row_h[i] - 8,
                    },
                    lines: text.clone(),
                    class: "mutu",
                });
            }
            x += CELL_W[k];
        }
    }

    // Connectors.
    let grid = Grid {
        stage_w,
        page_of: &page_of,
        gutter_y: &gutter_y,
        labelled: &labelled,
        strip_in_y: &strip_in_y,
        strip_out_y: &strip_out_y,
        strips_in: &strips_in,
        strips_out: &strips_out,
    };
    super::wires::wires(plan, &grid, &routes, &exits, &mut out);
    for w in &mut out.wires {
        w.points.dedup();
    }
    let mut y = out.height;
    for note in &plan.notes {
        for line in wrap(note, width - 30) {
            out.texts.push((20, y, line, "note"));
            y += LINE_H + 2;
        }
    }
    out.height = y + 10;
    out
}

/// The text of a box wrapped to fit its symbol, and the box's height.
fn size(kind: Kind, text: &str) -> (Vec<String>, i32) {
    let w = LANE_W - 2 * MARGIN;
    match kind {
        Kind::Returned => {
            let lines = wrap(text, w - 16);
            let h = lines.len() as i32 * LINE_H + 24;
            (lines, h)
        }
        _ => {
            let lines = wrap(text, w - 16);
            let h = lines.len() as i32 * LINE_H + 14;
            (lines, h.max(30))
        }
    }
}

/// The heading row of a page.
fn headings(
    out: &mut Layout,
    plan: &Plan,
    y: i32,
    h: i32,
    stage_w: i32,
    lane_x: &dyn Fn(usize) -> i32,
    cells_x: i32,
) {
    let mut push = |x: i32, w: i32, text: &str| {
        out.cells.push(Cell {
            rect: Rect { x, y, w, h },
            // Headings are bold: a tenth wider.
            lines: wrap(text, (w - 10) * 9 / 10),
            class: "head",
        });
    };
    if stage_w > 0 {
        push(10, STAGE_W, &plan.headings[0]);
    }
    for (i, lane) in plan.lanes.iter().enumerate() {
        push(lane_x(i), LANE_W, lane);
    }
    let mut x = cells_x;
    for (k, w) in CELL_W.iter().enumerate() {
        push(x, *w, &plan.headings[k + 1]);
        x += w;
    }
}
