//! Model → the official document as Markdown: the 14 components of PermenPAN-RB 15/2014 in
//! their order, then each procedure as an SOP AP table (PermenPAN-RB 35/2012: No, Kegiatan, a
//! Pelaksana column per role, Mutu Baku, Keterangan) with its flowchart.
//!
//! A component the file does not write is shown as missing rather than left out, so a reader
//! sees the gap the checker reports.

use crate::diag::{Lang, COMPONENTS};
use crate::machine::Machine;
use crate::model::{Count, Flow, Model, Node, Point, Procedure, RoleId, Service};
use crate::render::graph::{duration_words, flowchart, mermaid};
use std::fmt::Write as _;

/// The document of service `service` (index into `model.services`), with every procedure it
/// owns or whose complaint policy it names. `machines` are the compiled procedures, in order.
pub fn markdown(model: &Model, machines: &[Machine], service: usize, lang: Lang) -> String {
    let Some(svc) = model.services.get(service) else {
        return String::new();
    };
    let w = Words { lang };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", svc.title);
    if let Some(a) = svc.agency.and_then(|a| model.agencies.get(a)) {
        let _ = writeln!(out, "**{}**", a.title);
        if let Some(address) = &a.address {
            let _ = writeln!(out, "<br>{address}");
        }
        out.push('\n');
    }
    let mut facts = Vec::new();
    if let Some(v) = &svc.version {
        facts.push((w.pick("Versi", "Version"), v.clone()));
    }
    if let Some(d) = svc.effective {
        facts.push((w.pick("Berlaku sejak", "In force since"), d.to_string()));
    }
    if let Some(c) = &svc.calendar {
        facts.push((
            w.pick("Kalender kerja", "Working calendar"),
            format!("`{c}`"),
        ));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "| | |\n|---|---|");
        for (k, v) in facts {
            let _ = writeln!(out, "| {k} | {} |", cell(&v));
        }
        out.push('\n');
    }
    let procs = procedures_of(model, svc);
    let _ = writeln!(
        out,
        "## {}\n",
        w.pick(
            "A. Komponen penyampaian pelayanan",
            "A. Service delivery components"
        )
    );
    for number in 1..=14u8 {
        if number == 7 {
            let _ = writeln!(
                out,
                "## {}\n",
                w.pick(
                    "B. Komponen pengelolaan pelayanan",
                    "B. Service management components"
                )
            );
        }
        let (id, en, _) = COMPONENTS[usize::from(number - 1)];
        let _ = writeln!(out, "### {number}. {}\n", capitalise(w.pick(id, en)));
        let written = svc.components[usize::from(number - 1)];
        let body = component(model, svc, &procs, number, w);
        if !written && body.is_empty() {
            let _ = writeln!(out, "*{}*\n", w.pick("Belum ditulis.", "Not written."));
        } else {
            let _ = writeln!(out, "{body}");
        }
    }
    for &p in &procs {
        if let (Some(proc), Some(machine)) = (model.procedures.get(p), machines.get(p)) {
            sop(&mut out, model, svc.sop.as_ref(), proc, machine, w);
        }
    }
    out
}

/// The procedures no service documents: an agency's SOP published without a full standard,
/// or a complaint procedure of a policy no service names. Indexes into `model.procedures`.
pub fn standalone_procedures(model: &Model) -> Vec<usize> {
    let documented: Vec<usize> = model
        .services
        .iter()
        .flat_map(|svc| procedures_of(model, svc))
        .collect();
    (0..model.procedures.len())
        .filter(|p| !documented.contains(p))
        .collect()
}

/// The document of a procedure no service owns (see [`standalone_procedures`]): the agency,
/// then the SOP table and flowchart, as for a service's procedure.
pub fn procedure_markdown(
    model: &Model,
    machines: &[Machine],
    procedure: usize,
    lang: Lang,
) -> String {
    let (Some(proc), Some(machine)) = (model.procedures.get(procedure), machines.get(procedure))
    else {
        return String::new();
    };
    let w = Words { lang };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", proc.title);
    // A file of one agency names it; with several, the procedure's own is not recorded.
    if let [agency] = model.agencies.as_slice() {
        let _ = writeln!(out, "**{}**", agency.title);
        if let Some(address) = &agency.address {
            let _ = writeln!(out, "<br>{address}");
        }
        if let Some(c) = &agency.calendar {
            let _ = writeln!(
                out,
                "<br>{}: `{c}`",
                w.pick("Kalender kerja", "Working calendar")
            );
        }
        out.push('\n');
    }
    match model
        .complaints
        .iter()
        .find(|c| c.procedures.contains(&procedure))
    {
        Some(policy) => {
            let _ = writeln!(
                out,
                "*{}: {}*\n",
                w.pick(
                    "Prosedur kebijakan pengaduan",
                    "Procedure of the complaint policy"
                ),
                policy.title
            );
        }
        None => {
            let _ = writeln!(
                out,
                "*{}*\n",
                w.pick(
                    "SOP tanpa standar pelayanan: komponen standar pelayanan belum ditulis.",
                    "SOP without a service standard: the standard's components are not written."
                )
            );
        }
    }
    sop(&mut out, model, None, proc, machine, w);
    out
}

#[derive(Clone, Copy)]
struct Words {
    lang: Lang,
}

impl Words {
    fn pick(self, id: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(id, en)
    }
}

/// The service's own procedures, then those of its complaint policy.
fn procedures_of(model: &Model, svc: &Service) -> Vec<usize> {
    let mut procs = svc.procedures.clone();
    if let Some(policy) = svc.complaints.and_then(|c| model.complaints.get(c)) {
        for p in &policy.procedures {
            if !procs.contains(p) {
                procs.push(*p);
            }
        }
    }
    procs
}

fn component(model: &Model, svc: &Service, procs: &[usize], number: u8, w: Words) -> String {
    let mut out = String::new();
    match number {
        1 => list(&mut out, &svc.requirements),
        2 => {
            for p in svc
                .procedures
                .iter()
                .filter_map(|p| model.procedures.get(*p))
            {
                let _ = writeln!(
                    out,
                    "- {} — {} {}",
                    p.title,
                    w.pick("lihat SOP", "see SOP"),
                    anchor(&p.id)
                );
            }
        }
        3 => {
            for p in svc
                .procedures
                .iter()
                .filter_map(|p| model.procedures.get(*p))
            {
                for b in &p.budgets {
                    let title = b.title.as_deref().unwrap_or(&p.title);
                    let _ = writeln!(out, "- {title}: **{}**", duration_words(b.duration, w.lang));
                }
            }
        }
        4 => {
            if let Some((amount, text)) = &svc.fee {
                match amount {
                    Some(n) => {
                        let _ = writeln!(out, "Rp {} — {text}", thousands(*n));
                    }
                    None => {
                        let _ = writeln!(out, "{text}");
                    }
                }
            }
        }
        5 => list(&mut out, &svc.product),
        6 => complaints(&mut out, model, svc, procs, w),
        7 => list(&mut out, &svc.legal_basis),
        8 => list(&mut out, &svc.facilities),
        9 => {
            for (who, items) in &svc.competencies {
                let title = model
                    .roles
                    .iter()
                    .find(|r| &r.id == who)
                    .map(|r| r.title.as_str())
                    .or_else(|| {
                        model
                            .groups
                            .iter()
                            .find(|g| &g.id == who)
                            .map(|g| g.title.as_str())
                    })
                    .unwrap_or(who);
                let _ = writeln!(out, "**{title}**\n");
                list(&mut out, items);
                out.push('\n');
            }
        }
        10 => list(&mut out, &svc.supervision),
        11 => {
            for e in &svc.staffing {
                let count = match e.count {
                    Count::People(n) => format!("{n} {}", w.pick("orang", "people")),
                    Count::AsNeeded => w.pick("sesuai kebutuhan", "as needed").to_string(),
                };
                let _ = writeln!(out, "- {}: {count}", subject_title(model, &e.subject));
            }
        }
        12 => {
            list(&mut out, &svc.guarantees);
            for o in &svc.obligations {
                let mut line = format!("- {}", o.title);
                if let Some(d) = o.delay {
                    let _ = write!(line, " — {} ", duration_words(d, w.lang));
                    line.push_str(w.pick("setelah", "after"));
                } else if o.trigger.as_ref().is_some_and(|p| p.after) {
                    line.push_str(" — ");
                    line.push_str(w.pick("setelah", "after"));
                } else {
                    line.push_str(" — ");
                    line.push_str(w.pick("saat", "when"));
                }
                if let Some(p) = &o.trigger {
                    let _ = write!(line, " {}", point_words(model, p, w));
                }
                if let (Some(action), Some(to)) = (&o.action, o.to.and_then(|r| model.role(r))) {
                    let _ = write!(
                        line,
                        ": {} {action} {} {}",
                        w.pick("kirim", "send"),
                        w.pick("kepada", "to"),
                        to.title
                    );
                }
                if let Some(p) = &o.cancel {
                    let _ = write!(
                        line,
                        " ({} {})",
                        w.pick("batal bila", "cancelled when"),
                        point_words(model, p, w)
                    );
                }
                let _ = writeln!(out, "{line}");
            }
        }
        13 => list(&mut out, &svc.security),
        14 => {
            if let Some(s) = &svc.survey {
                let _ = writeln!(
                    out,
                    "- {}: {s}",
                    w.pick("Survei kepuasan masyarakat", "Public satisfaction survey")
                );
            }
            if let Some((grade, text)) = &svc.follow_up {
                let _ = writeln!(
                    out,
                    "- {} `{grade}`: {text}",
                    w.pick("Tindak lanjut bila nilai", "Follow-up when the grade is")
                );
            }
            list(&mut out, &svc.evaluation);
        }
        _ => {}
    }
    out
}

fn complaints(out: &mut String, model: &Model, svc: &Service, procs: &[usize], w: Words) {
    let Some(policy) = svc.complaints.and_then(|c| model.complaints.get(c)) else {
        return;
    };
    let _ = writeln!(out, "{}\n", policy.title);
    let _ = writeln!(
        out,
        "**{}**\n",
        w.pick("Saluran dan balasan", "Channels and replies")
    );
    for (i, ch) in policy.channels.iter().enumerate() {
        let mut rules = Vec::new();
        for r in policy.replies.iter().filter(|r| r.channel == i) {
            let via: Vec<&str> = r
                .via
                .iter()
                .filter_map(|v| policy.channels.get(*v))
                .map(|c| c.title.as_str())
                .collect();
            let mut rule = via.join(w.pick(" atau ", " or "));
            if !r.conditions.is_empty() {
                let when: Vec<String> = r
                    .conditions
                    .iter()
                    .filter_map(|(f, v)| policy.facts.get(*f).map(|f| format!("{} = {v}", f.id)))
                    .collect();
                let _ = write!(rule, " ({} {})", w.pick("bila", "when"), when.join(", "));
            }
            rules.push(rule);
        }
        let _ = writeln!(out, "- {} → {}", ch.title, rules.join("; "));
    }
    if !policy.tiers.is_empty() {
        let _ = writeln!(
            out,
            "\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            w.pick("Tingkat", "Tier"),
            w.pick("Penangan", "Handler"),
            w.pick("Terlibat", "Involved"),
            w.pick("Eskalasi", "Escalated to"),
            w.pick("Tenggat", "Deadline")
        );
        for t in &policy.tiers {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&t.title),
                roles(model, &t.handler),
                roles(model, &t.involved),
                roles(model, &t.escalate),
                t.deadline
                    .map_or_else(|| "—".to_string(), |d| duration_words(d, w.lang))
            );
        }
    }
    if let Some(book) = &policy.book {
        let fields: Vec<&str> = book.fields.iter().map(|(_, t)| t.as_str()).collect();
        let _ = writeln!(
            out,
            "\n**{}** ({}): {}",
            book.title,
            roles(model, &book.by),
            fields.join(", ")
        );
    }
    if let Some(report) = &policy.report {
        let _ = write!(out, "\n**{}**", report.title);
        if let Some(p) = report.procedure.and_then(|p| model.procedures.get(p)) {
            let _ = write!(
                out,
                " — {} {}",
                w.pick("lihat SOP", "see SOP"),
                anchor(&p.id)
            );
        }
        out.push('\n');
    }
    for p in policy
        .procedures
        .iter()
        .filter(|p| {
            procs.contains(p) && policy.report.as_ref().and_then(|r| r.procedure) != Some(**p)
        })
        .filter_map(|p| model.procedures.get(*p))
    {
        let _ = writeln!(
            out,
            "\n{} {}",
            w.pick("Prosedur: lihat SOP", "Procedure: see SOP"),
            anchor(&p.id)
        );
    }
}

/// One procedure as an SOP AP table and its flowchart.
fn sop(
    out: &mut String,
    model: &Model,
    identity: Option<&crate::model::SopIdentity>,
    proc: &Procedure,
    machine: &Machine,
    w: Words,
) {
    // An explicit anchor: renderers make heading ids differently; links need one that holds.
    let _ = writeln!(out, "<a id=\"{}\"></a>\n", slug(&proc.id));
    let _ = writeln!(out, "## SOP: {}\n", proc.title);
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
            remarks.join("<br>")
        );
        out.push_str(&row);
    }
    for b in &proc.budgets {
        let title = b.title.as_deref().unwrap_or(&b.id);
        let label = match b.scope {
            crate::model::Scope::Budget => w.pick("Jangka waktu", "Time budget"),
            crate::model::Scope::Stage(_) => w.pick("Jangka waktu tahap", "Stage time"),
            crate::model::Scope::Step(_) => w.pick("Waktu langkah", "Step time"),
        };
        let _ = writeln!(
            out,
            "\n{label}: **{}** ({})",
            duration_words(b.duration, w.lang),
            title
        );
        for e in &b.escalations {
            let _ = writeln!(
                out,
                "- {}",
                crate::render::graph::escalation_words(model, proc, e, w.lang)
            );
        }
    }
    let chart = flowchart(model, proc, machine, w.lang);
    let _ = writeln!(out, "\n```mermaid\n{}```\n", mermaid(&chart));
}

/// The SOP AP identity page as a two-column table, in the order of PermenPAN-RB 35/2012.
fn identity_page(out: &mut String, id: &crate::model::SopIdentity, w: Words) {
    let texts = |l: &[String]| {
        (!l.is_empty()).then(|| l.iter().map(|t| cell(t)).collect::<Vec<_>>().join("<br>"))
    };
    let rows = [
        (
            w.pick("Nomor SOP", "SOP number"),
            id.number.as_deref().map(cell),
        ),
        (w.pick("Tanggal pembuatan", "Made"), id.made.clone()),
        (w.pick("Tanggal revisi", "Revised"), id.revised.clone()),
        (w.pick("Tanggal efektif", "In force"), id.in_force.clone()),
        (
            w.pick("Disahkan oleh", "Approved by"),
            id.approved.as_ref().map(|a| {
                let mut who = cell(&a.title);
                if let Some(n) = &a.name {
                    let _ = write!(who, "<br>{}", cell(n));
                }
                if let Some(nip) = &a.nip {
                    let _ = write!(who, "<br>NIP {}", cell(nip));
                }
                who
            }),
        ),
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

fn wait_words(wait: crate::model::Wait, w: Words) -> String {
    match wait {
        crate::model::Wait::Known(d) => duration_words(d, w.lang),
        crate::model::Wait::Unknown => w.pick("waktu tidak diketahui", "unknown time").to_string(),
    }
}

fn node_words(model: &Model, proc: &Procedure, node: Node, w: Words) -> String {
    match node {
        // The number shown in the table's No column.
        Node::Step(i) => proc.steps.get(i).map_or_else(String::new, |s| {
            let n = step_number(proc, i).unwrap_or_else(|| {
                // An unnumbered step among published numbers: named by its first words.
                let words: Vec<&str> = s.title.split_whitespace().collect();
                let head = words.get(..6).unwrap_or(&words).join(" ");
                let more = if words.len() > 6 { "…" } else { "" };
                format!("“{head}{more}”")
            });
            format!("{} {n}", w.pick("langkah", "step"))
        }),
        Node::End(i) => proc
            .ends
            .get(i)
            .map_or_else(String::new, |e| e.title.clone()),
        Node::Return { role, .. } => format!(
            "{} {}",
            w.pick("dikembalikan ke", "returned to"),
            role.and_then(|r| model.role(r))
                .map_or("", |r| r.title.as_str())
        ),
        Node::Unknown => String::new(),
    }
}

/// The number a step shows in the No column: as published, or its position when the
/// procedure numbers no step; `None` for an unnumbered step among published numbers.
fn step_number(proc: &Procedure, i: usize) -> Option<String> {
    let step = proc.steps.get(i)?;
    match &step.number {
        Some(n) => Some(n.label.clone()),
        None if proc.steps.iter().all(|s| s.number.is_none()) => Some((i + 1).to_string()),
        None => None,
    }
}

fn point_words(model: &Model, p: &Point, w: Words) -> String {
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

fn roles(model: &Model, ids: &[RoleId]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|r| model.role(*r))
        .map(|r| r.title.as_str())
        .collect();
    if names.is_empty() {
        "—".into()
    } else {
        cell(&names.join(", "))
    }
}

fn subject_title(model: &Model, subject: &str) -> String {
    model
        .roles
        .iter()
        .find(|r| r.id == subject)
        .map(|r| r.title.clone())
        .or_else(|| {
            model
                .groups
                .iter()
                .find(|g| g.id == subject)
                .map(|g| g.title.clone())
        })
        .unwrap_or_else(|| subject.to_string())
}

fn list(out: &mut String, items: &[String]) {
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

fn anchor(id: &str) -> String {
    format!("[`{id}`](#{})", slug(id))
}

fn slug(id: &str) -> String {
    format!("sop-{}", id.replace('_', "-"))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// `150000` → `150.000`, the Indonesian way of writing rupiah.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}
