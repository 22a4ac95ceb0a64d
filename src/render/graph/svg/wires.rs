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
    /// For a connector to another page: its off-page connectors' slots, under its page and
    /// above the target's.
    pub slots: Option<(Slot, Slot)>,
}

/// Off-page connectors in a lane's band, before the rest go to bands of their own.
const PER_LANE: i32 = 6;
/// A band's connector row: a connector and the space around it.
const ROW_H: i32 = 30;

/// Where an off-page connector sits in a page's strip: its band (0 first), its lane and place
/// in that lane, and its wire's track in the band.
#[derive(Clone, Copy)]
pub(super) struct Slot {
    band: usize,
    lane: usize,
    place: i32,
    track: i32,
}

/// The off-page connectors above or under a page, in bands: the first holds up to six per
/// lane in the lane of their step; more go to further bands, in any lane. Connectors sit
/// inside lanes, clear of the channels, so a connector's wire runs down a channel past the
/// bands above or below without touching a connector, and each band has its own tracks.
#[derive(Default)]
pub(super) struct Strip {
    per_lane: Vec<i32>,
    overflow: i32,
    tracks: Vec<i32>,
}

impl Strip {
    /// A slot for a connector of a step in `lane`, of `lanes`.
    pub fn place(&mut self, lane: usize, lanes: usize) -> Slot {
        if self.per_lane.len() < lanes.max(1) {
            self.per_lane.resize(lanes.max(1), 0);
        }
        let own = self.per_lane.get(lane).copied().unwrap_or(PER_LANE);
        let (band, lane, place) = if own < PER_LANE {
            if let Some(n) = self.per_lane.get_mut(lane) {
                *n += 1;
            }
            (0, lane, own)
        } else {
            let per_band = PER_LANE as usize * lanes.max(1);
            let o = self.overflow as usize;
            self.overflow += 1;
            let slot = o % per_band;
            (
                1 + o / per_band,
                slot / PER_LANE as usize,
                (slot % PER_LANE as usize) as i32,
            )
        };
        if self.tracks.len() <= band {
            self.tracks.resize(band + 1, 0);
        }
        let track = self.tracks[band];
        self.tracks[band] += 1;
        Slot {
            band,
            lane,
            place,
            track,
        }
    }

    fn band_h(&self, band: usize) -> i32 {
        ROW_H + 8 + 8 * self.tracks.get(band).copied().unwrap_or(0)
    }

    /// Its height (none without a connector).
    pub fn height(&self) -> i32 {
        (0..self.tracks.len()).map(|b| self.band_h(b)).sum()
    }

    /// Where band `band` begins, from the strip's top.
    fn band_top(&self, band: usize) -> i32 {
        (0..band).map(|b| self.band_h(b)).sum()
    }
}

/// Where the rows, gutters and page strips were placed.
pub(super) struct Grid<'g> {
    pub stage_w: i32,
    pub page_of: &'g [usize],
    pub gutter_y: &'g [i32],
    pub labelled: &'g [i32],
    pub strip_in_y: &'g [i32],
    pub strip_out_y: &'g [i32],
    pub strips_in: &'g [Strip],
    pub strips_out: &'g [Strip],
}

impl Grid<'_> {
    /// The left edge of lane `lane`.
    pub fn lane_x(&self, lane: usize) -> i32 {
        10 + self.stage_w + lane as i32 * LANE_W
    }

    /// The box of an off-page connector in `slot` of a strip at `top`: above the page, its
    /// band's connectors come first and their tracks under them; under the page, the
    /// tracks first.
    fn connector(&self, strip: &Strip, top: i32, slot: Slot, above: bool) -> (Rect, i32) {
        let band = top + strip.band_top(slot.band);
        let x = self.lane_x(slot.lane) + 16 + 26 * slot.place;
        let tracks = 8 * strip.tracks.get(slot.band).copied().unwrap_or(0);
        let (y, track) = if above {
            (band + 4, band + ROW_H + 8 + 8 * slot.track)
        } else {
            (band + 8 + tracks + 4, band + 8 + 8 * slot.track)
        };
        (Rect { x, y, w: 24, h: 22 }, track)
    }

    /// The gutter under row `r` (see [`gutter_below`]).
    pub fn below(&self, r: usize) -> usize {
        gutter_below(r, self.page_of)
    }
}

/// The gutter under row `r` of rows on pages `page_of`: the one above the next row, or, for
/// the last row of a page, that page's own (gutter `rows + page`).
pub(super) fn gutter_below(r: usize, page_of: &[usize]) -> usize {
    let rows = page_of.len();
    match (page_of.get(r), page_of.get(r + 1)) {
        (Some(p), Some(q)) if p == q => r + 1,
        (Some(p), _) => rows + p,
        _ => rows,
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
        if let Some((under, over)) = route.slots {
            // To an off-page connector under the page, then from its pair above the target.
            letter = letter.wrapping_add(1);
            let name = connector_name(letter);
            let (pf, pt) = (grid.page_of[from], grid.page_of[to]);
            let (Some(strip_out), Some(strip_in)) =
                (grid.strips_out.get(pf), grid.strips_in.get(pt))
            else {
                continue;
            };
            let (below_box, ys) = grid.connector(strip_out, grid.strip_out_y[pf], under, false);
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
            let (above_box, ys) = grid.connector(strip_in, grid.strip_in_y[pt], over, true);
            // Down the left channel of the target's lane, on a track of its own.
            let xc2 = channel_x((plan.rows[to].lane, over.track + 1));
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
