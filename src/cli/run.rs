//! `sopan run` (one scenario) and `sopan test` (check, then every scenario).

use super::{inputs, render, CheckFormat, FAILED, OK, USAGE};
use sopan::interp::scenario::{self, RunReport};
use sopan::project::Project;
use sopan::source::loader;
use std::path::Path;

/// `sopan run FILE --case CASE.yaml`: the case file's `standard:` must name FILE (a case is
/// never silently run on another standard than the one it was written for).
pub fn run(file: &str, case: &str, format: CheckFormat) -> u8 {
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
    let project = match load(&[file.to_string()]) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(standard) = project.standards().first() else {
        eprintln!("sopan: `{file}` is not a standard");
        return USAGE;
    };
    match scenario::run(standard, &s, &stem(case)) {
        Ok(report) => {
            match format {
                CheckFormat::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                ),
                CheckFormat::Human => print!("{}", human(&report)),
            }
            OK
        }
        Err(e) => {
            eprintln!("sopan: `{case}`: {e}");
            FAILED
        }
    }
}

/// `sopan test [PATH…]`: check the standards, then run every scenario beside them.
pub fn test(paths: &[String], deny_warnings: bool) -> u8 {
    let project = match inputs::load_reported(paths, None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let (errors, warnings) = render::counts(&project);
    if errors > 0 {
        println!("scenarios not run: the check found {errors} error(s) (above)");
        return FAILED;
    }
    let mut cases = Vec::new();
    let defaults = [String::from("standards")];
    for p in if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    } {
        find_cases(Path::new(p), &mut cases);
    }
    cases.sort();
    let (mut passed, mut failed) = (0usize, 0usize);
    for case in &cases {
        match one(&project, case) {
            Ok(()) => {
                passed += 1;
                println!("ok    {case}");
            }
            Err(why) => {
                failed += 1;
                println!("FAIL  {case}\n{why}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if deny_warnings && warnings > 0 {
        println!("{warnings} warning(s) and --deny-warnings (above)");
    }
    if failed > 0 || (deny_warnings && warnings > 0) {
        FAILED
    } else {
        OK
    }
}

fn one(project: &Project, case: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(case).map_err(|e| format!("      cannot read: {e}"))?;
    let s = scenario::parse(&text).map_err(|e| format!("      {e}"))?;
    let wanted = loader::join(loader::parent(case), &s.standard);
    let is_wanted = |st: &&sopan::project::Standard| {
        project
            .sources()
            .get(st.root)
            .is_some_and(|f| f.path == wanted)
    };
    // A case may run on a file that others include (the agency's own procedures): that file
    // is then loaded as a standard of its own.
    let alone;
    let standard = match project.standards().iter().find(is_wanted) {
        Some(st) => st,
        None if project.sources().find(&wanted).is_some() => {
            alone = load_quiet(&wanted)?;
            alone
                .standards()
                .first()
                .ok_or_else(|| format!("      `{wanted}` is not a standard"))?
        }
        None => {
            return Err(format!(
                "      no standard `{wanted}` among the checked files"
            ))
        }
    };
    let report = scenario::run(standard, &s, &stem(case)).map_err(|e| format!("      {e}"))?;
    let Some(expect) = &s.expect else {
        return Ok(());
    };
    let actual = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    let diffs = scenario::differences(expect, &actual);
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs
            .iter()
            .map(|d| format!("      {d}"))
            .collect::<Vec<_>>()
            .join("\n"))
    }
}

fn load(paths: &[String]) -> Result<Project, u8> {
    inputs::load_clean(paths, None)
}

/// One file as a standard on its own, its problems already reported by the run's check.
fn load_quiet(path: &str) -> Result<Project, String> {
    let entries = inputs::entries(&[path.to_string()], None).map_err(|e| format!("      {e}"))?;
    Project::load(&sopan::source::loader::FsLoader, &entries).map_err(|e| format!("      {e}"))
}

fn slash(p: &str) -> String {
    p.replace('\\', "/")
}

fn find_cases(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            find_cases(&path, out);
        } else if path.to_string_lossy().ends_with(".case.yaml") {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".case.yaml").unwrap_or(name).to_string()
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
