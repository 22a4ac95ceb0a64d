//! What a hover says of a step, a stage, a budget and a calendar: their time, a step's time
//! in working minutes and its share of each budget of its procedure, a calendar's zone and
//! the dates it covers.

use sopan::diag::Lang;
use sopan::model::{Duration, Procedure, Scope, Unit};
use sopan::render::graph::duration_words;
use sopan::Calendar;

/// Working minutes of `d` at its longest, on `calendar`'s usual working day; `None` for
/// wall-clock units, which no calendar turns into working time.
fn working_minutes(d: Duration, calendar: Option<&Calendar>) -> Option<u64> {
    let n = u64::from(d.max);
    match d.unit {
        Unit::Minute => Some(n),
        Unit::Hour => Some(n * 60),
        Unit::WorkingDay => calendar.map(|c| n * u64::from(c.usual_day_minutes())),
        _ => None,
    }
}

/// A step's hover: its title, its time as written and in working minutes, and its share of
/// each written budget of its procedure and of its stage's time.
pub fn step(proc: &Procedure, i: usize, calendar: Option<&Calendar>, lang: Lang) -> Option<String> {
    let s = proc.steps.get(i)?;
    let word = lang.pick("langkah", "step");
    let Some(d) = s.duration else {
        let unknown = lang.pick("waktu tidak diketahui", "unknown time");
        return Some(format!("**{}** — {word}, {unknown}", s.title));
    };
    let mut out = format!("**{}** — {word}, {}", s.title, duration_words(d, lang));
    let own = working_minutes(d, calendar);
    if let (Some(m), Unit::WorkingDay) = (own, d.unit) {
        out.push_str(&format!(
            " ({m} {})",
            lang.pick("menit kerja", "working minutes")
        ));
    }
    for b in &proc.budgets {
        let covers = match b.scope {
            Scope::Budget => true,
            Scope::Stage(k) => proc.stage_of(i) == Some(k),
            Scope::Step(_) => false,
        };
        let (Some(part), Some(whole)) = (own, working_minutes(b.duration, calendar)) else {
            continue;
        };
        if !covers || whole == 0 {
            continue;
        }
        let title = b.title.as_deref().unwrap_or(&b.id);
        let percent = part * 100 / whole;
        out.push_str(&format!(
            "\n\n{percent} % {} {title} ({})",
            lang.pick("dari", "of"),
            duration_words(b.duration, lang)
        ));
    }
    Some(out)
}

/// A calendar's hover: its name and title, zone and the dates it covers.
pub fn calendar(c: &Calendar, lang: Lang) -> String {
    let (from, to) = c.range();
    format!(
        "**{}** — {} `{}`, {} {}, {} {from} {} {to}",
        c.title(),
        lang.pick("kalender kerja", "working calendar"),
        c.name(),
        lang.pick("zona", "zone"),
        c.zone().name(),
        lang.pick("berlaku", "covers"),
        lang.pick("sampai", "to"),
    )
}
