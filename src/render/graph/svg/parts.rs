//! The parts of a flowchart's drawing: what the chart holds before placing, and every box,
//! connector, cell and text once placed.

use super::geometry::Rect;

/// The symbol a placed box is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Start or end (rounded).
    Terminator,
    /// An activity.
    Activity,
    /// A decision (diamond).
    Decision,
    /// A file handed back (document shape).
    Returned,
    /// An off-page connector.
    OffPage,
}

/// What the chart holds, before placing.
#[derive(Clone)]
pub struct Plan {
    /// The procedure's title.
    pub title: String,
    /// Lane titles, in the order roles first act.
    pub lanes: Vec<String>,
    /// Headings of the stage column and of the three Mutu Baku columns.
    pub headings: [String; 4],
    /// One row per symbol.
    pub rows: Vec<RowPlan>,
    /// Connectors: from row, to row, label.
    pub arrows: Vec<(usize, usize, Option<String>)>,
    /// Stages: label and first and last row.
    pub stages: Vec<(String, usize, usize)>,
    /// Lines under the chart (time budgets and their rules).
    pub notes: Vec<String>,
}

/// One row's symbol.
#[derive(Clone)]
pub struct RowPlan {
    /// The symbol's identifier in the drawing.
    pub id: String,
    /// Its symbol.
    pub kind: Kind,
    /// Its lane.
    pub lane: usize,
    /// Its text (number and title, other roles, condition).
    pub text: String,
    /// A decision's question, drawn in the diamond under the activity's box.
    pub question: Option<String>,
    /// The Mutu Baku cells: inputs, time, output.
    pub cells: [String; 3],
}

/// A box placed.
#[derive(Debug, Clone)]
pub struct Placed {
    /// Identifier in the drawing.
    pub id: String,
    /// Its symbol.
    pub kind: Kind,
    /// Its bounds.
    pub rect: Rect,
    /// Its text, line by line.
    pub lines: Vec<String>,
    /// A decision: the height of the activity's box on top, and the question's lines in the
    /// diamond under it (the rest of `rect`).
    pub diamond: Option<(i32, Vec<String>)>,
}

/// A connector: a polyline from one placed box to another (indices into `placed`).
#[derive(Debug, Clone)]
pub struct Wire {
    /// From.
    pub from: usize,
    /// To.
    pub to: usize,
    /// The corners, first on `from`'s edge, last on `to`'s top.
    pub points: Vec<(i32, i32)>,
    /// Text written beside its start, and where (left end of the baseline).
    pub label: Option<(String, i32, i32)>,
}

/// A framed cell with text: a heading, a Mutu Baku cell, a stage's name.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Its bounds.
    pub rect: Rect,
    /// Its text, line by line.
    pub lines: Vec<String>,
    /// `head`, `mutu` or `stage`.
    pub class: &'static str,
}

/// The chart placed.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Total width.
    pub width: i32,
    /// Total height.
    pub height: i32,
    /// Every box, symbols and off-page connectors.
    pub placed: Vec<Placed>,
    /// Every connector.
    pub wires: Vec<Wire>,
    /// Headings and cells.
    pub cells: Vec<Cell>,
    /// Stage bands behind the rows.
    pub bands: Vec<Rect>,
    /// Page frames.
    pub pages: Vec<Rect>,
    /// Free text: x, baseline y, text, class (`title`, `note`).
    pub texts: Vec<(i32, i32, String, &'static str)>,
}

impl Plan {
    /// The plan with every row in a lane that exists and every connector between rows that
    /// exist: anything else is dropped rather than trusted (the plan as it is, when sound).
    pub fn sound(&self) -> std::borrow::Cow<'_, Plan> {
        let last_lane = self.lanes.len().saturating_sub(1);
        let rows = self.rows.len();
        let broken = self.rows.iter().any(|r| r.lane > last_lane)
            || self.arrows.iter().any(|(f, t, _)| *f >= rows || *t >= rows);
        if !broken {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut plan = self.clone();
        for r in &mut plan.rows {
            r.lane = r.lane.min(last_lane);
        }
        plan.arrows.retain(|(f, t, _)| *f < rows && *t < rows);
        std::borrow::Cow::Owned(plan)
    }
}
