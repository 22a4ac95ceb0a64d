//! `sopan route`: where a complaint goes under a standard's complaint policy.

use super::{inputs, Format, FAILED, OK, USAGE};
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
    let mut given = BTreeMap::new();
    for f in facts {
        let Some((k, v)) = f.split_once('=') else {
            eprintln!("sopan: `--fact {f}` must be `name=value`");
            return USAGE;
        };
        given.insert(k.trim().to_string(), v.trim().to_string());
    }
    let at = match at.map(str::parse::<jiff::Timestamp>).transpose() {
        Ok(t) => t,
        Err(_) => {
            eprintln!("sopan: `--at` must be an instant such as 2026-03-17T10:00:00+07:00");
            return USAGE;
        }
    };
    let project = match inputs::load_clean(&[file.to_string()], None) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some((standard, policy)) = inputs::complaint_policy(&project) else {
        eprintln!("sopan: `{file}` names no complaint policy");
        return USAGE;
    };
    let routed = sopan::complaints::route::route(
        &standard.model,
        policy,
        channel,
        severity,
        &given,
        at,
        standard.calendar.as_deref(),
    );
    match routed {
        Ok(r) => {
            match format {
                Format::Json => {
                    println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default())
                }
                Format::Human => {
                    println!("handler:      {}", r.handler.join(", "));
                    println!("involved:     {}", r.involved.join(", "));
                    println!("escalated to: {}", r.escalated_to.join(", "));
                    println!("reply by:     {}", r.reply.join(" or "));
                    if let Some(due) = r.due {
                        let local = super::render::local_time(r.offset_seconds, due);
                        let note = if r.provisional {
                            " (provisional holidays)"
                        } else {
                            ""
                        };
                        println!("answer due:   {local}{note}");
                    }
                    for e in &r.escalations {
                        let when = match e.percent {
                            Some(p) => format!("{p}% used"),
                            None => "breached".to_string(),
                        };
                        let what = match (&e.kind, &e.to) {
                            (Some(kind), Some(to)) => format!("{} {kind} to {to}", e.action),
                            (None, Some(to)) => format!("{} to {to}", e.action),
                            _ => e.action.to_string(),
                        };
                        let due = e.due.map_or_else(String::new, |d| {
                            format!(" at {}", super::render::local_time(r.offset_seconds, d))
                        });
                        println!("escalation:   {when}: {what}{due}");
                    }
                    for (field, value) in &r.record {
                        println!("book {field:<8} {}", value.as_deref().unwrap_or("-"));
                    }
                }
            }
            OK
        }
        Err(e) => {
            eprintln!("sopan: {e}");
            FAILED
        }
    }
}
