//! Flowcharts: every step, outcome and return of every shipped procedure is drawn, labels are
//! escaped, and the Pekanbaru licence and the English example are pinned by snapshots.

mod common;

use sopan::diag::Lang;
use sopan::machine::{Machine, State};
use sopan::model::Flow;
use sopan::project::Project;
use sopan::render::graph::{dot, flowchart, mermaid, Flowchart, Shape};

fn chart_of(project: &Project, service: &str, procedure: &str, lang: Lang) -> Flowchart {
    let standard = project.service(service).expect("the service");
    let procs = &standard.model().procedures;
    let i = procs
        .iter()
        .position(|p| p.id == procedure)
        .expect("the procedure");
    flowchart(standard.model(), &procs[i], &standard.machines()[i], lang)
}

#[test]
fn every_step_outcome_and_return_of_the_shipped_procedures_is_drawn() {
    let project = sopan::load_dir("standards").expect("the shipped standards load");
    let mut procedures = 0;
    for standard in project.standards() {
        for (proc, machine) in standard.model().procedures.iter().zip(standard.machines()) {
            procedures += 1;
            let chart = flowchart(standard.model(), proc, machine, Lang::Id);
            for step in &proc.steps {
                let id = format!("s_{}", step.id);
                let found: Vec<_> = chart.symbols.iter().filter(|s| s.id == id).collect();
                assert_eq!(found.len(), 1, "{}: step {} drawn once", proc.id, step.id);
                let want = if matches!(step.flow, Flow::Decision { .. }) {
                    Shape::Decision
                } else {
                    Shape::Activity
                };
                assert_eq!(found[0].shape, want, "{}: {}", proc.id, step.id);
                if let Flow::Decision { outcomes, .. } = &step.flow {
                    for o in outcomes {
                        let name = &o.name;
                        // The label is the outcome, with any time waited on the way after it.
                        assert!(
                            chart.arrows.iter().any(|a| chart.symbols[a.from].id == id
                                && a.label.as_deref().is_some_and(
                                    |l| l == name || l.starts_with(&format!("{name}, "))
                                )),
                            "{}: outcome {name} of {} has an arrow",
                            proc.id,
                            step.id
                        );
                    }
                }
            }
            for end in &proc.ends {
                let id = format!("e_{}", end.id);
                assert!(chart
                    .symbols
                    .iter()
                    .any(|s| s.id == id && s.shape == Shape::Terminator));
            }
            let returns = machine
                .states()
                .filter(|s| matches!(machine.state(*s), Some(State::Returned { .. })))
                .count();
            let drawn: Vec<usize> = (0..chart.symbols.len())
                .filter(|i| chart.symbols[*i].shape == Shape::Returned)
                .collect();
            assert_eq!(drawn.len(), returns, "{}: returns", proc.id);
            for r in drawn {
                assert!(
                    chart
                        .arrows
                        .iter()
                        .any(|a| a.from == r && a.label.is_some()),
                    "{}: a returned file has its way back",
                    proc.id
                );
            }
            // Exactly one arrow leaves the start; every arrow joins two drawn symbols.
            assert_eq!(chart.arrows.iter().filter(|a| a.from == 0).count(), 1);
            assert!(chart
                .arrows
                .iter()
                .all(|a| a.from < chart.symbols.len() && a.to < chart.symbols.len()));
            let arrows =
                mermaid(&chart).matches(" --> ").count() + mermaid(&chart).matches(" -->|").count();
            assert_eq!(arrows, chart.arrows.len(), "{}: every arrow drawn", proc.id);
            // Every arrow drawn, besides the invisible edges that set the lanes side by side.
            let d = dot(&chart);
            let lanes = chart.lanes.len().saturating_sub(1);
            assert_eq!(d.matches(" -> ").count(), chart.arrows.len() + lanes);
            assert_eq!(d.matches("[style=invis];").count(), lanes);
        }
    }
    assert!(procedures >= 4, "the shipped standards have procedures");
}

#[test]
fn the_licence_procedure_in_mermaid() {
    let project = sopan::load_dir("standards").expect("loads");
    let chart = chart_of(&project, "izin_praktik_dokter", "penerbitan", Lang::Id);
    // Lanes follow the SOP table's columns in the order the roles first act.
    let lanes: Vec<&str> = chart.lanes.iter().map(|l| l.role.as_str()).collect();
    assert_eq!(
        lanes,
        [
            "pemohon",
            "front_office",
            "back_office",
            "analis_muda",
            "analis_madya",
            "sekretaris",
            "kepala_dinas"
        ]
    );
    insta::assert_snapshot!(mermaid(&chart));
}

#[test]
fn the_english_example_in_dot() {
    let project = sopan::load_dir("standards").expect("loads");
    let chart = chart_of(&project, "billboard_permit", "issue", Lang::En);
    insta::assert_snapshot!(dot(&chart));
}

#[test]
fn quotes_bars_and_backslashes_in_titles_are_escaped() {
    let project = common::load_text(
        r#"
instansi kantor "Kantor" { kalender nasional }
peran petugas "Petugas \"loket\"" internal
prosedur p "Prosedur" {
  langkah periksa "Periksa \"berkas\" | cepat \\ teliti" { oleh petugas  waktu 20 menit  lanjut akhir }
  selesai akhir "Selesai"
}
"#,
    );
    assert!(
        project.diagnostics().is_empty(),
        "{:?}",
        project.diagnostics()
    );
    let standard = &project.standards()[0];
    let machine = Machine::compile(&standard.model().procedures[0]);
    let chart = flowchart(
        standard.model(),
        &standard.model().procedures[0],
        &machine,
        Lang::Id,
    );
    let m = mermaid(&chart);
    assert!(
        m.contains(r#"s_periksa["Periksa #quot;berkas#quot; #124; cepat \ teliti<br/>20 menit"]"#),
        "{m}"
    );
    assert!(
        m.contains(r#"subgraph lane_petugas["Petugas #quot;loket#quot;"]"#),
        "{m}"
    );
    let d = dot(&chart);
    assert!(
        d.contains(r#"label="Periksa \"berkas\" | cepat \\ teliti\n20 menit""#),
        "{d}"
    );
}

#[test]
fn long_titles_are_wrapped_and_english_charts_use_english_words() {
    let project = sopan::load_dir("standards").expect("loads");
    let chart = chart_of(&project, "izin_praktik_dokter", "penerbitan", Lang::En);
    assert_eq!(chart.symbols[0].label, "Start");
    for s in &chart.symbols {
        for line in s.label.lines() {
            // A single word longer than the width stays whole; nothing else overflows.
            assert!(
                line.chars().count() <= sopan::render::graph::LINE || !line.contains(' '),
                "{line:?}"
            );
        }
    }
    assert!(chart
        .symbols
        .iter()
        .any(|s| s.label == "Returned to Pemohon"));
    assert!(chart
        .arrows
        .iter()
        .any(|a| a.label.as_deref() == Some("resubmitted")));
}

#[test]
fn durations_read_as_written() {
    use sopan::model::{Duration, Unit};
    use sopan::render::graph::duration_words;
    let d = |min, max, unit| Duration { min, max, unit };
    assert_eq!(
        duration_words(d(20, 20, Unit::Minute), Lang::Id),
        "20 menit"
    );
    assert_eq!(
        duration_words(d(1, 1, Unit::WorkingDay), Lang::En),
        "1 working day"
    );
    assert_eq!(
        duration_words(d(3, 5, Unit::WorkingDay), Lang::Id),
        "3..5 hari kerja"
    );
    assert_eq!(
        duration_words(d(0, 30, Unit::Minute), Lang::En),
        "at most 30 minutes"
    );
    assert_eq!(duration_words(d(0, 0, Unit::Day), Lang::Id), "0 hari");
    assert_eq!(
        duration_words(d(0, 1, Unit::Month), Lang::Id),
        "paling lama 1 bulan"
    );
}
