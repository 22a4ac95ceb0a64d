//! The connectors of a flowchart: each from its box down into the gutter under it, along
//! gutters and channels (the lane boundaries) on its own track, and into the top of its
//! target; across a page break through a pair of off-page connectors lettered alike.

use super::geometry::Rect;
use super::layout::LANE_W;
use super::parts::{Kind, Layout, Placed, Plan, Wire};

/// How a connector leaves its box.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Exit {
    /// From the bottom.
    Bottom,
    /// From the right corner of a decision's diamond.
    Right,
    /// From its left corner.
    Left,
}

/// A connector's tracks: in the gutter under its source, in the gutter above its target, in
/// its channel (boundary and track), and in the page strips when it crosses a page.
pub(super) struct Route {
    pub exit_track: i32,
    pub approach_track: i32,
    pub channel: (usize, i32),
    pub strip: i32,
    pub strip_out: i32,
    pub cross: bool,
}

/// Where the rows, gutters and page strips were placed.
pub(super) struct Grid<'g> {
    pub stage_w: i32,
    pub rows: usize,
    pub page_of: &'g [usize],
    pub gutter_y: &'g [i32],
    pub labelled: &'g [i32],
    pub strip_in_y: &'g [i32],
    pub strip_out_y: &'g [i32],
}

impl Grid<'_> {
    /// The left edge of lane `lane`.
    pub fn lane_x(&self, lane: usize) -> i32 {
        10 + self.stage_w + lane as i32 * LANE_W
    }

    /// The gutter under row `r`: above the next row, or the page's last.
    pub fn below(&self, r: usize) -> usize {
        if r + 1 < self.rows && self.page_of[r + 1] == self.page_of[r] {
            r + 1
        } else {
            self.rows + self.page_of[r]
        }
    }
}

/// Draws every connector of `plan` into `out`, whose boxes are placed.
pub(super) fn wires(
    plan: &Plan,
    grid: &Grid<'_>,
    routes: &[Option<Route>],
    exits: &[Exit],
    out: &mut Layout,
) {
    let track_y =
        |g: usize, t: i32| grid.gutter_y[g] + 10 + 10 * t + 12 * grid.labelled[g].min(t + 1);
    let channel_x = |(b, t): (usize, i32)| {
        let off = [0, 5, -5, 10, -10][(t % 5) as usize];
        grid.lane_x(b) + off
    };
    let mut letter = 0u32;
    // Off-page connectors already placed, by page and lane: under the page, above it.
    let mut under: std::collections::HashMap<(usize, usize), i32> = Default::default();
    let mut over: std::collections::HashMap<(usize, usize), i32> = Default::default();
    for (a, (&(from, to, ref label), route)) in plan.arrows.iter().zip(routes).enumerate() {
        let (s, t) = (out.placed[from].rect, out.placed[to].rect);
        // A file handed back leaves from the lowest point of its wavy edge.
        let foot = if out.placed[from].kind == Kind::Returned {
            s.x + s.w / 4
        } else {
            s.cx()
        };
        // A decision's sides are its diamond's left and right corners.
        let side_y = match &out.placed[from].diamond {
            Some((top, _)) => (s.y + top + 12 + s.bottom()) / 2,
            None => s.cy(),
        };
        let Some(route) = route else {
            let label = label
                .as_ref()
                .map(|l| (l.clone(), foot + 4, s.bottom() + 12));
            out.wires.push(Wire {
                from,
                to,
                points: vec![(foot, s.bottom()), (foot, t.y)],
                label,
            });
            continue;
        };
        let g = grid.below(from);
        let ye = track_y(g, route.exit_track);
        let mut points = match exits[a] {
            Exit::Bottom => vec![(foot, s.bottom()), (foot, ye)],
            Exit::Right => vec![
                (s.right(), side_y),
                (s.right() + 8, side_y),
                (s.right() + 8, ye),
            ],
            Exit::Left => vec![(s.x, side_y), (s.x - 8, side_y), (s.x - 8, ye)],
        };
        let drop = points.last().copied().unwrap_or_default();
        let label = label.as_ref().map(|l| (l.clone(), drop.0 + 3, ye - 3));
        let xc = channel_x(route.channel);
        if route.cross {
            // To an off-page connector under the page, then from its pair above the target.
            letter = letter.wrapping_add(1);
            let name = connector_name(letter);
            let (pf, pt) = (grid.page_of[from], grid.page_of[to]);
            let lane = plan.rows[from].lane;
            let k = *under.entry((pf, lane)).and_modify(|k| *k += 1).or_insert(0);
            let cx = grid.lane_x(lane) + 8 + 28 * (k % 6);
            let ys = grid.strip_out_y[pf] + 8 + 8 * (route.strip_out % 3);
            let below_box = Rect {
                x: cx,
                y: grid.strip_out_y[pf] + 8 + 8 * 3,
                w: 24,
                h: 22,
            };
            points.extend([
                (xc, ye),
                (xc, ys),
                (below_box.cx(), ys),
                (below_box.cx(), below_box.y),
            ]);
            let out_index = out.placed.len();
            out.placed.push(Placed {
                id: format!("keluar_{name}"),
                kind: Kind::OffPage,
                rect: below_box,
                lines: vec![name.clone()],
                diamond: None,
            });
            out.wires.push(Wire {
                from,
                to: out_index,
                points,
                label,
            });
            let k = route.strip;
            let lane = plan.rows[to].lane;
            let j = *over.entry((pt, lane)).and_modify(|k| *k += 1).or_insert(0);
            let above_box = Rect {
                x: grid.lane_x(lane) + 8 + 28 * (j % 6),
                y: grid.strip_in_y[pt] + 6,
                w: 24,
                h: 22,
            };
            let ys = above_box.bottom() + 8 + 8 * k;
            let xc2 = channel_x((plan.rows[to].lane, k + 1));
            let ya = track_y(to, route.approach_track);
            let in_index = out.placed.len();
            out.placed.push(Placed {
                id: format!("masuk_{name}"),
                kind: Kind::OffPage,
                rect: above_box,
                lines: vec![name],
                diamond: None,
            });
            out.wires.push(Wire {
                from: in_index,
                to,
                points: vec![
                    (above_box.cx(), above_box.bottom()),
                    (above_box.cx(), ys),
                    (xc2, ys),
                    (xc2, ya),
                    (t.cx(), ya),
                    (t.cx(), t.y),
                ],
                label: None,
            });
            continue;
        }
        if to == from + 1 {
            points.extend([(t.cx(), ye), (t.cx(), t.y)]);
        } else {
            let ya = track_y(to, route.approach_track);
            points.extend([(xc, ye), (xc, ya), (t.cx(), ya), (t.cx(), t.y)]);
        }
        out.wires.push(Wire {
            from,
            to,
            points,
            label,
        });
    }
}

/// `A`, `B`, … `Z`, `AA`, …: the letters a pair of off-page connectors share.
fn connector_name(n: u32) -> String {
    let n = n.max(1) - 1;
    let letter = |k: u32| char::from_u32('A' as u32 + k % 26).unwrap_or('A');
    if n < 26 {
        letter(n).to_string()
    } else {
        format!("{}{}", letter(n / 26 - 1), letter(n))
    }
}
