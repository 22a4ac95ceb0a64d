//! What hosts and readers depend on, pinned by snapshots for every shipped standard: the
//! `export` data, the compiled machine of each procedure, and the full run of each scenario
//! (card, clocks, actions). A change to any of them shows as a snapshot diff to review.

mod common;

use sopan::machine::{Machine, State};
use sopan::model::Procedure;
use std::fmt::Write as _;

#[test]
fn export_of_every_shipped_standard() {
    insta::glob!("../standards", "**/*.sop", |file| {
        let path = common::relative(file);
        let project = common::load(&path, "standards");
        assert_eq!(common::errors(&project), 0, "{path}");
        let data = sopan::render::export::export(project.standards()[0].model(), &path);
        insta::assert_json_snapshot!("export", data);
    });
}

/// Every state and every transition, in the machine's order.
fn machine_text(proc: &Procedure, machine: &Machine) -> String {
    let name = |s: Option<State>| match s {
        Some(State::Step { step }) => proc
            .steps
            .get(step)
            .map_or_else(|| "?".into(), |s| s.id.clone()),
        Some(State::End { end }) => proc
            .ends
            .get(end)
            .map_or_else(|| "?".into(), |e| format!("end:{}", e.id)),
        Some(State::Returned { role, from, .. }) => format!(
            "returned(from {}, role {})",
            proc.steps.get(from).map_or("?", |s| s.id.as_str()),
            role.map_or(-1, |r| i64::from(r.0))
        ),
        Some(State::Unresolved) => "unresolved".into(),
        None => "none".into(),
    };
    let mut out = format!("procedure {}\n", proc.id);
    for s in machine.states() {
        let _ = writeln!(out, "  {}", name(machine.state(s)));
        for (why, t) in machine.successors(s) {
            let _ = writeln!(out, "    --{why:?}--> {}", name(machine.state(t)));
        }
    }
    out
}

#[test]
fn compiled_machines_of_every_shipped_standard() {
    insta::glob!("../standards", "**/*.sop", |file| {
        let path = common::relative(file);
        let project = common::load(&path, "standards");
        let standard = &project.standards()[0];
        let text: String = standard
            .model()
            .procedures
            .iter()
            .zip(standard.machines())
            .map(|(p, m)| machine_text(p, m))
            .collect();
        insta::assert_snapshot!("machines", text);
    });
}

#[test]
fn trace_of_every_shipped_scenario() {
    insta::glob!("../standards", "**/*.case.yaml", |file| {
        let path = common::relative(file);
        let text = std::fs::read_to_string(file).expect("readable");
        let scenario = sopan::interp::scenario::parse(&text, sopan::Lang::Id).expect("a scenario");
        let dir = std::path::Path::new(&path).parent().expect("a folder");
        let standard_path = sopan::source::loader::join(&dir.to_string_lossy(), &scenario.standard);
        let project = common::load(&standard_path, "standards");
        let stem = path
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".case.yaml"))
            .unwrap_or_default()
            .to_string();
        let report = sopan::interp::scenario::run(&project.standards()[0], &scenario, &stem)
            .expect("it runs");
        insta::assert_json_snapshot!("trace", report);
    });
}
