//! The documented limits on every input (README, "Limits"): each is enforced where the input
//! is read, with a diagnostic or an error naming the limit, so no input can make a parse, a
//! load or a run grow without bound.

/// Bytes of a standard (`.sop`) or calendar file.
pub const MAX_FILE_BYTES: usize = 16 << 20;
/// Bytes of a case or scenario file (YAML or JSON).
pub const MAX_CASE_BYTES: usize = 4 << 20;
/// Bytes of a project file (`sopan.yaml`).
pub const MAX_PROJECT_FILE_BYTES: usize = 64 << 10;
/// How deep `[` and `{` may nest in any YAML file (a calendar needs three levels).
pub const MAX_YAML_DEPTH: usize = 16;
/// Bytes of one line of a CSV input (a complaint log, survey answers, a batch of dates).
pub const MAX_CSV_ROW_BYTES: usize = 64 << 10;
/// Cells in one row of a CSV input.
pub const MAX_CSV_CELLS: usize = 256;
/// Files one standard may include, directly or through others.
pub const MAX_INCLUDES: usize = 256;
/// How deep includes may chain (a file including a file including …).
pub const MAX_INCLUDE_DEPTH: usize = 16;
/// Bytes of one quoted text in a standard.
pub const MAX_TEXT_BYTES: usize = 64 << 10;
/// Steps of one procedure.
pub const MAX_STEPS: usize = 10_000;
/// Roles of one standard (its own and those of the files it includes).
pub const MAX_ROLES: usize = 1_000;
/// Folders deep a folder walk goes.
pub const MAX_WALK_DEPTH: usize = 64;
/// Diagnostics drawn one by one in the human report; the rest are counted.
pub const MAX_DIAGNOSTICS_SHOWN: usize = 500;

/// The offset of the first `[` or `{` nested deeper than `max`. YAML readers keep a list per
/// open level that they walk for every token, so deep nesting costs them the square of the
/// file; this scan refuses such a file first. It ignores quotes and comments on purpose: it
/// may only ever over-count, and real files are far below the limit anyway.
pub fn yaml_too_deep(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}
