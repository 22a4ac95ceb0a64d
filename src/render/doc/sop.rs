//! One procedure as an SOP AP page: identity table, the table with a row per step (and per stage), time budgets with their escalation rules, the flowchart.

use super::*;

/// One procedure as an SOP AP table and its flowchart.
pub(super) fn sop(
    out: &mut String,
    model: &Model,
    identity: Option<&crate::model::SopIdentity>,
    proc: &Procedure,
    machine: &Machine,
    w: Words,
) {
    // An explicit anchor: renderers make heading ids differently; links need one that holds.
    let _ = writeln!(out, "\u{1}a id=\"{}\"\u{2}\u{1}/a\u{2}\n", slug(&proc.id));
    let _ = writeln!(out, "## SOP: {}\n", cell(&proc.title));
    if let Some(identity) = identity {
        identity_page(out, identity, w);
    }
    // One Pelaksana column per role, in the order the roles first act.
    let mut cols: Vec<RoleId> = Vec::new();
    for s in &proc.steps {
        for r in &s.roles {
            if !cols.contains(r) {
                cols.push(*r);
            }
        }
    }
    let mut head = format!("| No | {} |", w.pick("Kegiatan", "Activity"));
    let mut rule = String::from("|---|---|");
    for r in &cols {
        let title = model.role(*r).map_or("", |r| r.title.as_str());
        let _ = write!(head, " {} |", cell(title));
        rule.push_str(":-:|");
    }
    let _ = write!(
        head,
        " {} | {} | Output | {} |",
        w.pick("Kelengkapan", "Inputs"),
        w.pick("Waktu", "Time"),
        w.pick("Keterangan", "Remarks")
    );
    rule.push_str("---|---|---|---|");
    let _ = writeln!(out, "{head}\n{rule}");
    for (i, s) in proc.steps.iter().enumerate() {
        // A stage opens with a row of its own: its title and time across the table.
        if let Some(stage) = proc
            .stage_of(i)
            .and_then(|k| proc.stages.get(k))
            .filter(|st| st.steps.is_some_and(|(a, _)| a == i))
        {
            let time = match (stage.duration, stage.timing) {
                (Some(d), _) => duration_words(d, w.lang),
                (None, crate::model::Timing::Unknown) => {
                    w.pick("tidak diketahui", "unknown").to_string()
                }
                _ => String::new(),
            };
            let blanks = " |".repeat(cols.len());
            let _ = writeln!(
                out,
                "| | **{} {}** |{blanks} | {time} | | |",
                w.pick("Tahap", "Stage"),
                cell(&stage.title)
            );
        }
        let no = step_number(proc, i).unwrap_or_else(|| "–".into());
        let mut activity = cell(&s.title);
        if let Some(c) = &s.condition {
            let _ = write!(
                activity,
                " *({})*",
                cell(&crate::render::graph::condition_words(c, w.lang))
            );
        }
        let mut row = format!("| {no} | {activity} |");
        for r in &cols {
            row.push_str(if s.roles.contains(r) { " ✓ |" } else { " |" });
        }
        let mut remarks: Vec<String> = s.remarks.iter().map(|r| cell(r)).collect();
        if let Flow::Decision {
            question, outcomes, ..
        } = &s.flow
        {
            let ways: Vec<String> = outcomes
                .iter()
                .map(|o| {
                    let mut way = format!("{} → {}", o.name, node_words(model, proc, o.node, w));
                    if let Some(wait) = o.wait {
                        let _ = write!(
                            way,
                            " ({} {})",
                            w.pick("tunggu", "wait"),
                            wait_words(wait, w)
                        );
                    }
                    if !o.output.is_empty() {
                        let _ = write!(
                            way,
                            " ({}: {})",
                            w.pick("output", "output"),
                            cell(&o.output.join("; "))
                        );
                    }
                    way
                })
                .collect();
            remarks.push(format!("{} {}", cell(question), ways.join("; ")));
        }
        if let Some(cut) = &s.cut_off {
            let stops = w.pick(
                "Tabel prosedur sumber berhenti di sini",
                "The source's procedure table stops here",
            );
            remarks.push(match &cut.remark {
                Some(r) => format!("{stops}: {}", cell(r)),
                None => stops.to_string(),
            });
        }
        let _ = writeln!(
            row,
            " {} | {} | {} | {} |",
            cell(&s.inputs.join("; ")),
            match s.timing {
                crate::model::Timing::Known => s
                    .duration
                    .map_or_else(String::new, |d| duration_words(d, w.lang)),
                crate::model::Timing::Unknown => w.pick("tidak diketahui", "unknown").to_string(),
                crate::model::Timing::Missing => String::new(),
            },
            cell(&s.output.join("; ")),
            remarks.join("\u{1}br\u{2}")
        );
        out.push_str(&row);
    }
    // Stages done outside the procedure: published with their time, run by no clock here.
    for st in proc.stages.iter().filter(|st| st.elsewhere.is_some()) {
        let time = match (st.duration, st.timing) {
            (Some(d), _) => duration_words(d, w.lang),
            (None, crate::model::Timing::Unknown) => {
                w.pick("tidak diketahui", "unknown").to_string()
            }
            _ => w.pick("tidak ditulis", "not written").to_string(),
        };
        let _ = writeln!(
            out,
            "\n{}: **{}** ({}) — {}: {}",
            w.pick("Tahap di luar prosedur ini", "Stage outside this procedure"),
            time,
            cell(&st.title),
            w.pick("dikerjakan di", "done by"),
            cell(st.elsewhere.as_deref().unwrap_or_default())
        );
    }
    for b in &proc.budgets {
        let title = cell(b.title.as_deref().unwrap_or(&b.id));
        let label = match b.scope {
            crate::model::Scope::Budget => w.pick("Jangka waktu", "Time budget"),
            crate::model::Scope::Stage(_) => w.pick("Jangka waktu tahap", "Stage time"),
            crate::model::Scope::Step(_) => w.pick("Waktu langkah", "Step time"),
        };
        // A stage written by its bounds says where its time starts and stops.
        let bounds = match b.scope {
            crate::model::Scope::Stage(k) => proc
                .stages
                .get(k)
                .filter(|st| st.bounded)
                .and_then(|st| st.steps)
                .map(|(a, c)| {
                    format!(
                        ", {} {} {} {}",
                        w.pick("dari", "from"),
                        node_words(model, proc, Node::Step(a), w),
                        w.pick("sampai", "until"),
                        node_words(model, proc, Node::Step(c), w)
                    )
                }),
            _ => None,
        };
        let _ = writeln!(
            out,
            "\n{label}: **{}** ({}{})",
            duration_words(b.duration, w.lang),
            title,
            bounds.unwrap_or_default()
        );
        if let Some(ext) = &b.extension {
            let _ = write!(
                out,
                "- {} {}",
                w.pick("dapat diperpanjang sekali", "may be extended once by"),
                duration_words(ext.duration, w.lang)
            );
            match &ext.reason {
                Some(r) => {
                    let _ = writeln!(out, ": {}", cell(r));
                }
                None => out.push('\n'),
            }
        }
        for e in &b.escalations {
            let _ = writeln!(
                out,
                "- {}",
                cell(&crate::render::graph::escalation_words(
                    model, proc, e, w.lang
                ))
            );
        }
    }
    let chart = flowchart(model, proc, machine, w.lang);
    let _ = writeln!(out, "\n```mermaid\n{}```\n", mermaid(&chart));
}

/// The SOP AP identity page as a two-column table, in the order of PermenPAN-RB 35/2012.
pub(super) fn identity_page(out: &mut String, id: &crate::model::SopIdentity, w: Words) {
    let texts = |l: &[String]| {
        (!l.is_empty()).then(|| {
            l.iter()
                .map(|t| cell(t))
                .collect::<Vec<_>>()
                .join("\u{1}br\u{2}")
        })
    };
    let rows = [
        (
            w.pick("Nomor SOP", "SOP number"),
            id.number.as_deref().map(cell),
        ),
        (
            w.pick("Tanggal pembuatan", "Made"),
            id.made.as_deref().map(cell),
        ),
        (
            w.pick("Tanggal revisi", "Revised"),
            id.revised.as_deref().map(cell),
        ),
        (
            w.pick("Tanggal efektif", "In force"),
            id.in_force.as_deref().map(cell),
        ),
        (
            w.pick("Disahkan oleh", "Approved by"),
            id.approved.as_ref().map(|a| {
                let mut who = cell(&a.title);
                if let Some(n) = &a.name {
                    let _ = write!(who, "\u{1}br\u{2}{}", cell(n));
                }
                if let Some(nip) = &a.nip {
                    let _ = write!(who, "\u{1}br\u{2}NIP {}", cell(nip));
                }
                who
            }),
        ),
        (w.pick("Dasar hukum", "Legal basis"), texts(&id.legal_basis)),
        (
            w.pick("Kualifikasi pelaksana", "Qualifications"),
            texts(&id.qualifications),
        ),
        (w.pick("Keterkaitan", "Related SOPs"), texts(&id.related)),
        (
            w.pick("Peralatan/perlengkapan", "Equipment"),
            texts(&id.equipment),
        ),
        (w.pick("Peringatan", "Warnings"), texts(&id.warnings)),
        (
            w.pick("Pencatatan dan pendataan", "Recording"),
            texts(&id.recording),
        ),
    ];
    let _ = writeln!(out, "| | |\n|---|---|");
    for (k, v) in rows {
        if let Some(v) = v {
            let _ = writeln!(out, "| {k} | {v} |");
        }
    }
    out.push('\n');
}

pub(super) fn wait_words(wait: crate::model::Wait, w: Words) -> String {
    match wait {
        crate::model::Wait::Known(d) => duration_words(d, w.lang),
        crate::model::Wait::Unknown => w.pick("waktu tidak diketahui", "unknown time").to_string(),
    }
}

pub(super) fn node_words(model: &Model, proc: &Procedure, node: Node, w: Words) -> String {
    match node {
        // The number shown in the table's No column.
        Node::Step(i) => proc.steps.get(i).map_or_else(String::new, |s| {
            let n = step_number(proc, i).unwrap_or_else(|| {
                // An unnumbered step among published numbers: named by its first words.
                let words: Vec<&str> = s.title.split_whitespace().collect();
                let head = words.get(..6).unwrap_or(&words).join(" ");
                let more = if words.len() > 6 { "…" } else { "" };
                format!("“{}{more}”", cell(&head))
            });
            format!("{} {n}", w.pick("langkah", "step"))
        }),
        Node::End(i) => proc
            .ends
            .get(i)
            .map_or_else(String::new, |e| cell(&e.title)),
        Node::Return { role, .. } => format!(
            "{} {}",
            w.pick("dikembalikan ke", "returned to"),
            cell(
                role.and_then(|r| model.role(r))
                    .map_or("", |r| r.title.as_str())
            )
        ),
        Node::Unknown => String::new(),
    }
}

/// The number a step shows in the No column: as published, or its position when the
/// procedure numbers no step; `None` for an unnumbered step among published numbers.
pub(super) fn step_number(proc: &Procedure, i: usize) -> Option<String> {
    let step = proc.steps.get(i)?;
    match &step.number {
        Some(n) => Some(n.label.clone()),
        None if proc.steps.iter().all(|s| s.number.is_none()) => Some((i + 1).to_string()),
        None => None,
    }
}

pub(super) fn point_words(model: &Model, p: &Point, w: Words) -> String {
    let Some(proc) = model.procedures.get(p.procedure) else {
        return String::new();
    };
    let what = match p.node {
        Node::Step(i) => proc.steps.get(i).map_or("", |s| s.title.as_str()),
        Node::End(i) => proc.ends.get(i).map_or("", |e| e.title.as_str()),
        Node::Return { .. } | Node::Unknown => "",
    };
    let mut text = format!("\"{what}\"");
    if let Some(o) = &p.outcome {
        let _ = write!(text, " ({} {o})", w.pick("dengan", "with"));
    }
    text
}
