//! `sopan route`: where a complaint goes under a standard's complaint policy.

use super::names::Names;
use super::{inputs, Format, FAILED, OK, USAGE};
use sopan::diag::Lang;
use std::collections::BTreeMap;

/// Routes one complaint; returns the exit code.
pub fn run(
    file: &str,
    channel: &str,
    severity: &str,
    facts: &[String],
    at: Option<&str>,
    format: Format,
) -> u8 {
    let lang = super::words();
    let mut given = BTreeMap::new();
    for f in facts {
        let Some((k, v)) = f.split_once('=') else {
            eprintln!(
                "sopan: {}",
                match lang {
                    Lang::Id => format!("`--fact {f}` harus ditulis `nama=nilai`"),
                    Lang::En => format!("`--fact {f}` must be `name=value`"),
                }
            );
            return USAGE;
        };
        let (k, v) = (k.trim().to_string(), v.trim().to_string());
        if let Some(before) = given.get(&k).filter(|before| **before != v) {
            eprintln!(
                "sopan: {}",
                match lang {
                    Lang::Id => format!(
                        "fakta `{k}` diberikan dua kali dengan nilai berbeda: `{before}` dan `{v}`"
                    ),
                    Lang::En => format!(
                        "the fact `{k}` is given twice with different values: `{before}` and `{v}`"
                    ),
                }
            );
            return USAGE;
        }
        given.insert(k, v);
    }
    let at = match at.map(str::parse::<jiff::Timestamp>).transpose() {
        Ok(t) => t,
        Err(_) => {
            eprintln!(
                "sopan: {}",
                lang.pick(
                    "`--at` harus berupa saat seperti 2026-03-17T10:00:00+07:00",
                    "`--at` must be an instant such as 2026-03-17T10:00:00+07:00"
                )
            );
            return USAGE;
        }
    };
    let project = match inputs::load_clean(&[file.to_string()], None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some((standard, policy)) = inputs::complaint_policy(&project) else {
        eprintln!(
            "sopan: {}",
            match lang {
                Lang::Id => format!("`{file}` tidak menyebut kebijakan pengaduan"),
                Lang::En => format!("`{file}` names no complaint policy"),
            }
        );
        return USAGE;
    };
    // A fact the policy does not know is a typo, not something to leave out silently.
    let known: Vec<&str> = policy
        .facts
        .iter()
        .map(|f| f.id.as_str())
        .chain(
            policy
                .book
                .iter()
                .flat_map(|b| b.fields.iter())
                .map(|(f, _)| f.as_str()),
        )
        .collect();
    if let Some(unknown) = given.keys().find(|k| !known.contains(&k.as_str())) {
        eprintln!(
            "sopan: {}",
            match lang {
                Lang::Id => format!(
                    "fakta `{unknown}` tidak dikenal kebijakan pengaduan ini; yang dikenal: {}",
                    known.join(", ")
                ),
                Lang::En => format!(
                    "the complaint policy knows no fact `{unknown}`; it knows: {}",
                    known.join(", ")
                ),
            }
        );
        return USAGE;
    }
    let routed = sopan::complaints::route::route(
        standard.model(),
        policy,
        channel,
        severity,
        &given,
        at,
        standard.calendar(),
    );
    match routed {
        Ok(r) => {
            match format {
                Format::Json => {
                    println!(
                        "{}",
                        super::render::json_in(&r, super::render::zone(r.offset_seconds))
                    )
                }
                Format::Human => print!("{}", human(&r, standard.model(), lang)),
            }
            OK
        }
        Err(e) => {
            eprintln!("sopan: {}", e.message(lang));
            FAILED
        }
    }
}

fn human(r: &sopan::complaints::route::Route, model: &sopan::model::Model, lang: Lang) -> String {
    let names = Names::new(model, "");
    let titles = |ids: &[String]| {
        let t: Vec<String> = ids.iter().map(|i| names.role(i)).collect();
        if t.is_empty() {
            "-".to_string()
        } else {
            t.join(", ")
        }
    };
    let local = |t| super::render::local_time(r.offset_seconds, t);
    let mut out = String::new();
    let line = |out: &mut String, label: (&str, &str), value: String| {
        // At least one space after the label, however long it is.
        let label = format!("{}: ", lang.pick(label.0, label.1));
        out.push_str(&format!("{label:<18}{value}\n"));
    };
    let unstated = |what: &str, shown: String| {
        if r.not_stated.contains(&what) {
            lang.pick("tidak disebutkan sumber", "not stated by the source")
                .to_string()
        } else {
            shown
        }
    };
    line(
        &mut out,
        ("penangan", "handler"),
        unstated("handler", titles(&r.handler)),
    );
    line(&mut out, ("dilibatkan", "involved"), titles(&r.involved));
    line(
        &mut out,
        ("dieskalasi ke", "escalated to"),
        titles(&r.escalated_to),
    );
    line(
        &mut out,
        ("dijawab lewat", "reply by"),
        unstated("reply", r.reply.join(lang.pick(" atau ", " or "))),
    );
    if let Some(lower) = r.due_lower {
        line(&mut out, ("berisiko sejak", "at risk from"), local(lower));
    }
    if let Some(due) = r.due {
        let note = if r.provisional {
            lang.pick(" (hari libur belum ditetapkan)", " (provisional holidays)")
        } else {
            ""
        };
        line(
            &mut out,
            ("tenggat jawaban", "answer due"),
            format!("{}{note}", local(due)),
        );
    }
    for d in &r.deadlines {
        let (id, en) = (
            format!("tenggat {}", d.name),
            format!("deadline {}", d.name),
        );
        let when = d.due.map_or_else(|| "-".to_string(), local);
        let what = d
            .remark
            .as_deref()
            .map_or_else(String::new, |r| format!(" ({r})"));
        line(&mut out, (&id, &en), format!("{when}{what}"));
    }
    if let Some(extended) = r.due_extended {
        line(
            &mut out,
            ("bila diperpanjang", "if extended"),
            local(extended),
        );
    }
    for e in &r.escalations {
        let when = match (e.percent, lang) {
            (Some(p), Lang::Id) => format!("{p}% terpakai"),
            (Some(p), Lang::En) => format!("{p}% used"),
            (None, _) => lang.pick("terlampaui", "breached").to_string(),
        };
        let to = e.to.as_deref().map(|t| names.role(t));
        let what = match (&e.kind, to, lang) {
            (Some(kind), Some(to), Lang::Id) => format!("{} {kind} kepada {to}", e.action),
            (Some(kind), Some(to), Lang::En) => format!("{} {kind} to {to}", e.action),
            (None, Some(to), Lang::Id) => format!("{} kepada {to}", e.action),
            (None, Some(to), Lang::En) => format!("{} to {to}", e.action),
            _ => e.action.to_string(),
        };
        let due = e.due.map_or_else(String::new, |d| match lang {
            Lang::Id => format!(" pada {}", local(d)),
            Lang::En => format!(" at {}", local(d)),
        });
        line(
            &mut out,
            ("eskalasi", "escalation"),
            format!("{when}: {what}{due}"),
        );
    }
    for (field, value) in &r.record {
        out.push_str(&format!(
            "{} {field:<8} {}\n",
            lang.pick("buku", "book"),
            value.as_deref().unwrap_or("-")
        ));
    }
    out
}
