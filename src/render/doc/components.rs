//! The 14 components of a service's document, one section each, and its complaint policy.

use super::*;

pub(super) fn component(
    model: &Model,
    svc: &Service,
    procs: &[usize],
    number: u8,
    w: Words,
) -> String {
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
                    cell(&p.title),
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
                    let title = cell(b.title.as_deref().unwrap_or(&p.title));
                    let _ = writeln!(out, "- {title}: **{}**", duration_words(b.duration, w.lang));
                }
                // A stage done outside the procedure is part of the published time, though no
                // clock here runs it.
                for st in p.stages.iter().filter(|st| st.elsewhere.is_some()) {
                    if let Some(d) = st.duration {
                        let _ = writeln!(
                            out,
                            "- {}: **{}** ({} {})",
                            cell(&st.title),
                            duration_words(d, w.lang),
                            w.pick(
                                "dikerjakan di luar prosedur:",
                                "done outside the procedure:"
                            ),
                            cell(st.elsewhere.as_deref().unwrap_or_default())
                        );
                    }
                }
            }
        }
        4 => {
            if let Some((amount, text)) = &svc.fee {
                match amount {
                    Some(n) => {
                        let _ = writeln!(out, "Rp {} — {}", thousands(*n), cell(text));
                    }
                    None => {
                        let _ = writeln!(out, "{}", cell(text));
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
                let _ = writeln!(out, "**{}**\n", cell(title));
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
                let mut line = format!("- {}", cell(&o.title));
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
                        ": {} {} {} {}",
                        w.pick("kirim", "send"),
                        cell(action),
                        w.pick("kepada", "to"),
                        cell(&to.title)
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
                    "- {}: {}",
                    w.pick("Survei kepuasan masyarakat", "Public satisfaction survey"),
                    cell(s)
                );
            }
            if let Some((grade, text)) = &svc.follow_up {
                let _ = writeln!(
                    out,
                    "- {} `{grade}`: {}",
                    w.pick("Tindak lanjut bila nilai", "Follow-up when the grade is"),
                    cell(text)
                );
            }
            list(&mut out, &svc.evaluation);
        }
        _ => {}
    }
    out
}

pub(super) fn complaints(
    out: &mut String,
    model: &Model,
    svc: &Service,
    procs: &[usize],
    w: Words,
) {
    let Some(policy) = svc.complaints.and_then(|c| model.complaints.get(c)) else {
        return;
    };
    let _ = writeln!(out, "{}\n", cell(&policy.title));
    let _ = writeln!(
        out,
        "**{}**\n",
        w.pick("Saluran dan balasan", "Channels and replies")
    );
    let unstated = w.pick("tidak disebutkan sumber", "not stated by the source");
    for (i, ch) in policy.channels.iter().enumerate() {
        if ch.reply_only {
            let only = w.pick("hanya untuk balasan", "replies only");
            let _ = writeln!(out, "- {} ({only})", cell(&ch.title));
            continue;
        }
        let mut rules = Vec::new();
        for r in policy.replies.iter().filter(|r| r.channel == i) {
            let via: Vec<String> = r
                .via
                .iter()
                .filter_map(|v| policy.channels.get(*v))
                .map(|c| cell(&c.title))
                .collect();
            let mut rule = if r.unstated {
                unstated.to_string()
            } else {
                via.join(w.pick(" atau ", " or "))
            };
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
        let _ = writeln!(out, "- {} → {}", cell(&ch.title), rules.join("; "));
    }
    if policy.tiers.is_empty() && (policy.deadline.is_some() || !policy.deadlines.is_empty()) {
        let _ = writeln!(
            out,
            "\n{}: {}",
            w.pick("Tenggat", "Deadline"),
            deadline_words(policy.deadline, &policy.deadlines, w)
        );
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
            let (handler, handler_unstated) = policy.handler_of(Some(t));
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&t.title),
                if handler_unstated && handler.is_empty() {
                    unstated.to_string()
                } else {
                    roles(model, handler)
                },
                roles(model, policy.involved_of(Some(t))),
                roles(model, policy.escalate_of(Some(t))),
                deadline_words(t.deadline, &t.deadlines, w)
            );
        }
    }
    if let Some(book) = &policy.book {
        let fields: Vec<String> = book.fields.iter().map(|(_, t)| cell(t)).collect();
        let _ = writeln!(
            out,
            "\n**{}** ({}): {}",
            cell(&book.title),
            roles(model, &book.by),
            fields.join(", ")
        );
    }
    if let Some(report) = &policy.report {
        let _ = write!(out, "\n**{}**", cell(&report.title));
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

/// A deadline and the named ones beside it: `14 hari kerja; respon: 3 hari`.
fn deadline_words(
    main: Option<crate::model::Duration>,
    named: &[crate::model::NamedDeadline],
    w: Words,
) -> String {
    let mut parts: Vec<String> = main
        .map(|d| duration_words(d, w.lang))
        .into_iter()
        .collect();
    for d in named {
        parts.push(format!("{}: {}", d.id, duration_words(d.duration, w.lang)));
    }
    if parts.is_empty() {
        "—".to_string()
    } else {
        parts.join("; ")
    }
}
