//! `sopan run`: one scenario.

use super::{inputs, render, Format, FAILED, OK, USAGE};
use sopan::interp::scenario::{self, RunReport};
use sopan::source::loader;

/// `sopan run FILE --case CASE.yaml`: the case file's `standard:` must name FILE (a case is
/// never silently run on another standard than the one it was written for).
pub fn run(file: &str, case: &str, format: Format, root: Option<&str>) -> u8 {
    let text = match std::fs::read_to_string(case) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sopan: cannot read `{case}`: {e}");
            return USAGE;
        }
    };
    let s = match scenario::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sopan: `{case}`: {e}");
            return FAILED;
        }
    };
    let named = loader::join(loader::parent(&slash(case)), &s.standard);
    if named != loader::join("", &slash(file)) {
        eprintln!(
            "sopan: `{case}` is written for `{named}` (its `standard:`), not `{file}`; run it on that file, or change `standard:`"
        );
        return USAGE;
    }
    let project = match inputs::load_clean(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(standard) = project.standards().first() else {
        eprintln!("sopan: `{file}` is not a standard");
        return USAGE;
    };
    match scenario::run(standard, &s, &super::test::stem(case)) {
        Ok(report) => {
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                ),
                Format::Human => print!("{}", human(&report)),
            }
            OK
        }
        Err(e) => {
            eprintln!("sopan: `{case}`: {e}");
            FAILED
        }
    }
}

fn slash(p: &str) -> String {
    p.replace('\\', "/")
}

/// An instant in the calendar's zone, `2026-03-02 08:05`.
fn local(r: &RunReport, t: jiff::Timestamp) -> String {
    render::local_time(r.offset_seconds, t)
}

fn human(r: &RunReport) -> String {
    let mut out = format!(
        "case {} · {} {} · {}\n",
        r.case, r.standard, r.version, r.procedure
    );
    out.push_str("control card:\n");
    for c in &r.card {
        let waiting = if c.waiting_minutes > 0 {
            format!("  (waiting for the applicant {} min)", c.waiting_minutes)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {:<24} {:<14} {:<14} {}  {:>5} min / {:>5}{}{waiting}\n",
            if c.resubmitted {
                "(resubmitted)"
            } else {
                &c.step
            },
            c.by.as_deref().unwrap_or("-"),
            c.outcome.as_deref().unwrap_or("-"),
            local(r, c.at),
            c.minutes,
            c.standard_minutes.map_or("-".into(), |m| m.to_string()),
            if c.late { "  LATE" } else { "" }
        ));
    }
    let where_ = match (&r.state.terminal, r.state.active.first()) {
        (Some(t), _) => format!("ended: {t}"),
        (None, Some(a)) => format!("at {a}, held by {}", r.state.holders.join(", ")),
        (None, None) => format!("with {}", r.state.holders.join(", ")),
    };
    out.push_str(&format!("status at {}: {where_}\n", local(r, r.now)));
    for c in &r.clocks {
        let status = serde_json::to_value(c.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let kind = match c.measure {
            sopan::time::Measure::Working => "working minutes",
            sopan::time::Measure::Wall => "minutes",
        };
        let or_dash = |m: Option<i64>| m.map_or("-".to_string(), |m| m.to_string());
        out.push_str(&format!(
            "budget {}: {status} — {} of {} {kind} used, {} left{}\n",
            c.budget,
            c.elapsed_minutes,
            or_dash(c.budget_minutes),
            or_dash(c.remaining_minutes),
            c.due
                .map_or(String::new(), |d| format!(", due {}", local(r, d)))
        ));
    }
    for a in &r.actions {
        out.push_str(&format!(
            "action: {} to {} at {} — {}\n",
            a.kind,
            a.to.as_deref().unwrap_or("-"),
            local(r, a.due),
            a.text
        ));
    }
    out
}
