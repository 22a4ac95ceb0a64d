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

/// A budget's hover: its title and time, and each escalation rule with the instant it fires
/// for a case whose clock starts at a sample instant (Monday 2 March 2026, 08.00 on its
/// calendar), reckoned as the case clock reckons it.
pub fn budget(
    model: &sopan::model::Model,
    proc: &Procedure,
    b: &sopan::model::Budget,
    calendar: Option<&Calendar>,
    lang: Lang,
) -> String {
    let word = lang.pick("anggaran waktu", "time budget");
    let title = b.title.as_deref().unwrap_or(&b.id);
    let mut out = format!("**{title}** — {word}, {}", duration_words(b.duration, lang));
    let offset = calendar.map_or(7 * 3600, |c| c.zone().offset_seconds());
    let zone = calendar.map_or("WIB", |c| c.zone().name());
    let Some(start) = jiff::Timestamp::from_second(1_772_413_200 - offset + 7 * 3600).ok() else {
        return out;
    };
    let deadlines = sopan::time::Deadlines::new(calendar);
    let shown = |t: jiff::Timestamp| {
        jiff::Timestamp::from_second(t.as_second() + offset)
            .map(|l| l.strftime("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default()
    };
    if !b.escalations.is_empty() {
        out.push_str(&format!(
            "\n\n{} {} {zone}:",
            lang.pick("Bila jamnya mulai", "When its clock starts"),
            shown(start)
        ));
    }
    for e in &b.escalations {
        let when = match e.trigger {
            sopan::model::Trigger::Breached => {
                deadlines.due(start, b.duration).ok().map(|c| c.value)
            }
            sopan::model::Trigger::AtRisk(p) => {
                deadlines.limit(start, b.duration).ok().and_then(|l| {
                    let part = u64::try_from(l).ok()? * u64::from(p) / 100;
                    deadlines
                        .after(start, part, b.duration.unit.measure())
                        .ok()
                        .map(|c| c.value)
                })
            }
        };
        let words = sopan::render::graph::escalation_words(model, proc, e, lang);
        match when {
            Some(t) => out.push_str(&format!("\n- {words}: {} {zone}", shown(t))),
            None => out.push_str(&format!("\n- {words}")),
        }
    }
    out
}

/// A role's staffing as the services of `model` write it (`jumlah_pelaksana`): each entry that
/// covers the role, with its head count — or nothing when no service counts it.
pub fn staffing(model: &sopan::model::Model, index: usize, role: &str, lang: Lang) -> String {
    let id = u32::try_from(index).map(sopan::model::RoleId).ok();
    let mut out = String::new();
    for service in &model.services {
        for entry in service
            .staffing
            .iter()
            .filter(|e| e.roles.iter().any(|r| Some(*r) == id))
        {
            let count = match entry.count {
                sopan::model::Count::People(n) => {
                    format!(
                        "{n} {}",
                        lang.pick("orang", if n == 1 { "person" } else { "people" })
                    )
                }
                sopan::model::Count::AsNeeded => {
                    lang.pick("sesuai kebutuhan", "as needed").to_string()
                }
            };
            let shared = if entry.subject == role {
                String::new()
            } else {
                format!(" (`{}`)", entry.subject)
            };
            out.push_str(&format!(
                "\n\n{}: {count}{shared}",
                lang.pick("Jumlah pelaksana", "Staffing")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use sopan::project::{Entry, Project};
    use sopan::source::loader::MemoryLoader;

    #[test]
    fn a_budget_hover_gives_each_rule_its_instant() {
        let mut files = MemoryLoader::new();
        files.insert(
            "std/nasional.kalender.yaml",
            std::fs::read("../../standards/nasional.kalender.yaml").expect("calendar"),
        );
        files.insert(
            "std/a.sop",
            "instansi k \"K\" { kalender nasional }\nperan kepala \"Kepala\" internal\nprosedur p \"P\" {\n  anggaran total \"Penyelesaian\" 5 hari kerja {\n    bila berisiko eskalasi ke kepala\n    bila terlambat eskalasi ke kepala\n  }\n  langkah a \"A\" { oleh kepala  waktu 1 hari kerja  lanjut ok }\n  selesai ok \"OK\"\n}\n",
        );
        let entry = Entry {
            path: "std/a.sop".into(),
            root: "std".into(),
        };
        let project = Project::load(&files, &[entry]).expect("loads");
        let s = &project.standards()[0];
        let (model, proc) = (s.model(), &s.model().procedures[0]);
        let calendar = s.procedure_calendars()[0].as_deref();
        let text = super::budget(model, proc, &proc.budgets[0], calendar, sopan::Lang::Id);
        // 80 % of 2,670 working minutes from Monday 08.00 is Friday 15.06; 5 working days
        // after Monday run out on the next Monday at 16.00.
        assert!(text.contains("2026-03-06 15:06 WIB"), "{text}");
        assert!(text.contains("2026-03-09 16:00 WIB"), "{text}");
        assert!(
            text.starts_with("**Penyelesaian** — anggaran waktu, 5 hari kerja"),
            "{text}"
        );
    }
}
