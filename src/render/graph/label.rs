//! The words inside the chart's symbols: a step's number, title, performers, condition, time and escalation rules, wrapped to the chart's line width; durations and rules in words (the document uses them too).

use super::*;

/// The procedure's time budgets with their escalation rules, a line each, for under the
/// chart's title (not inside the box of the step their clock starts at).
pub(super) fn budget_notes(model: &Model, proc: &Procedure, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    for b in proc
        .budgets
        .iter()
        .filter(|b| b.scope == crate::model::Scope::Budget)
    {
        notes.push(wrap(&format!(
            "⏱ {}: {}",
            b.title.as_deref().unwrap_or(&b.id),
            duration_words(b.duration, lang)
        )));
        for e in &b.escalations {
            notes.push(wrap(&format!(
                "⚠ {}",
                escalation_words(model, proc, e, lang)
            )));
        }
    }
    notes
}

pub(super) fn step_label(model: &Model, proc: &Procedure, i: usize, lang: Lang) -> String {
    let Some(step) = proc.steps.get(i) else {
        return String::new();
    };
    let mut label = String::new();
    // The first step of a stage carries the stage's name and time.
    if let Some(stage) = proc
        .stage_of(i)
        .and_then(|k| proc.stages.get(k))
        .filter(|st| st.steps.is_some_and(|(a, _)| a == i))
    {
        let time = stage
            .duration
            .map_or_else(String::new, |d| format!(", {}", duration_words(d, lang)));
        let _ = writeln!(
            label,
            "[{} {}{time}]",
            lang.pick("Tahap", "Stage"),
            stage.title
        );
        for e in proc
            .budgets
            .iter()
            .filter(|b| {
                b.scope == crate::model::Scope::Stage(proc.stage_of(i).unwrap_or(usize::MAX))
            })
            .flat_map(|b| &b.escalations)
        {
            let _ = writeln!(
                label,
                "{}",
                wrap(&format!("⚠ {}", escalation_words(model, proc, e, lang)))
            );
        }
    }
    label.push_str(&match &step.number {
        Some(n) => wrap(&format!("{n}. {}", step.title)),
        None => wrap(&step.title),
    });
    if let Flow::Decision { question, .. } = &step.flow {
        if !question.is_empty() {
            let _ = write!(label, "\n{}", wrap(question));
        }
    }
    if let Some(by) = performers(model, step, lang) {
        let _ = write!(label, "\n{by}");
    }
    if let Some(when) = &step.condition {
        if opens_with_condition_word(when) {
            let _ = write!(label, "\n{}", when.trim_start());
        } else {
            let _ = write!(label, "\n{}: {when}", lang.pick("bila", "when"));
        }
    }
    match (step.duration, step.timing) {
        (Some(d), _) => {
            let _ = write!(label, "\n{}", duration_words(d, lang));
        }
        (None, crate::model::Timing::Unknown) => {
            let _ = write!(
                label,
                "\n{}",
                lang.pick("waktu tidak diketahui", "time unknown")
            );
        }
        _ => {}
    }
    for e in &step.escalations {
        let _ = write!(
            label,
            "\n{}",
            wrap(&format!("⚠ {}", escalation_words(model, proc, e, lang)))
        );
    }
    label
}

/// `oleh: A, B` for a step several roles perform (the chart's lane shows only the first).
pub(super) fn performers(model: &Model, step: &crate::model::Step, lang: Lang) -> Option<String> {
    (step.roles.len() > 1).then(|| {
        let names: Vec<&str> = step
            .roles
            .iter()
            .filter_map(|r| model.role(*r))
            .map(|r| r.title.as_str())
            .collect();
        format!("{}: {}", lang.pick("oleh", "by"), names.join(", "))
    })
}

/// An escalation rule in words: `terlambat: eskalasi ke Kepala Dinas`.
pub fn escalation_words(
    model: &Model,
    proc: &Procedure,
    e: &crate::model::Escalation,
    lang: Lang,
) -> String {
    use crate::model::{EscalationAction, Trigger};
    let when = match e.trigger {
        Trigger::AtRisk(p) => match lang {
            Lang::Id => format!("bila {p}% waktu terpakai"),
            Lang::En => format!("at {p}% of the time"),
        },
        Trigger::Breached => lang
            .pick("bila waktunya terlampaui", "when the time is exceeded")
            .to_string(),
    };
    let role = |r: &Option<RoleId>| {
        r.and_then(|r| model.role(r))
            .map_or_else(String::new, |r| r.title.clone())
    };
    let what = match &e.action {
        EscalationAction::Escalate(to) => {
            format!("{} {}", lang.pick("eskalasi ke", "escalate to"), role(to))
        }
        EscalationAction::Send { kind, to } => {
            format!(
                "{} {kind} {} {}",
                lang.pick("kirim", "send"),
                lang.pick("ke", "to"),
                role(to)
            )
        }
        EscalationAction::Deem(end) => format!(
            "{}: {}",
            lang.pick(
                "permohonan dianggap disetujui",
                "the application is deemed approved"
            ),
            end.and_then(|e| proc.ends.get(e))
                .map_or_else(String::new, |e| e.title.clone())
        ),
    };
    format!("{when}: {what}")
}

/// Whether a condition's text already opens with `bila`, `jika`, `if`, `when` ….
pub(super) fn opens_with_condition_word(condition: &str) -> bool {
    let lower = condition.trim_start().to_lowercase();
    [
        "bila ", "jika ", "apabila ", "kalau ", "if ", "when ", "unless ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// A conditional step's condition as a phrase: `bila …` unless the text already opens so
/// (`bila "Bila lokasi belum diperiksa"` reads once).
pub fn condition_words(condition: &str, lang: Lang) -> String {
    if opens_with_condition_word(condition) {
        condition.trim_start().to_string()
    } else {
        format!("{} {condition}", lang.pick("bila", "when"))
    }
}

/// Breaks a title into lines of about [`LINE`] characters at spaces, so boxes stay narrow.
pub(super) fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > LINE {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

/// A duration as written in the language: `20 menit`, `3..5 working days`.
pub fn duration_words(d: Duration, lang: Lang) -> String {
    let one = d.max == 1;
    let unit = match (d.unit, one) {
        (Unit::Minute, false) => lang.pick("menit", "minutes"),
        (Unit::Minute, true) => lang.pick("menit", "minute"),
        (Unit::Hour, false) => lang.pick("jam", "hours"),
        (Unit::Hour, true) => lang.pick("jam", "hour"),
        (Unit::WorkingDay, false) => lang.pick("hari kerja", "working days"),
        (Unit::WorkingDay, true) => lang.pick("hari kerja", "working day"),
        (Unit::Day, false) => lang.pick("hari", "days"),
        (Unit::Day, true) => lang.pick("hari", "day"),
        (Unit::Week, false) => lang.pick("minggu", "weeks"),
        (Unit::Week, true) => lang.pick("minggu", "week"),
        (Unit::Month, false) => lang.pick("bulan", "months"),
        (Unit::Month, true) => lang.pick("bulan", "month"),
    };
    match (d.min, d.max) {
        (0, max) if max > 0 => format!("{} {max} {unit}", lang.pick("paling lama", "at most")),
        (min, max) if min == max => format!("{min} {unit}"),
        (min, max) => format!("{min}..{max} {unit}"),
    }
}
