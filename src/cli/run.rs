//! `sopan run`: one scenario.

use super::names::Names;
use super::{inputs, render, Format, LangArg, FAILED, OK, USAGE};
use sopan::diag::Lang;
use sopan::interp::scenario::{self, RunReport};
use sopan::interp::ClockState;
use sopan::source::loader;

/// `sopan run FILE --case CASE.yaml`: the case file's `standard:` must name FILE (a case is
/// never silently run on another standard than the one it was written for).
pub fn run(
    file: &str,
    case: &str,
    format: Format,
    root: Option<&str>,
    lang: Option<LangArg>,
) -> u8 {
    let words = match inputs::lang(lang, &[file.to_string()]) {
        Some(LangArg::En) => Lang::En,
        _ => Lang::Id,
    };
    let text = match inputs::read_text(case, sopan::source::limits::MAX_CASE_BYTES, words) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sopan: {e}");
            return USAGE;
        }
    };
    let s = match scenario::parse(&text, words) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sopan: `{case}`: {e}");
            return FAILED;
        }
    };
    let named = loader::join(loader::parent(&slash(case)), &s.standard);
    // The same file however it is written (relative, absolute, through `..`).
    let same = |a: &str, b: &str| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    };
    if !same(&named, &loader::join("", &slash(file))) {
        eprintln!(
            "sopan: {}",
            match words {
                Lang::Id => format!("`{case}` ditulis untuk `{named}` (lihat `standard:`-nya), bukan `{file}`; jalankan pada berkas itu, atau ubah `standard:`"),
                Lang::En => format!("`{case}` is written for `{named}` (its `standard:`), not `{file}`; run it on that file, or change `standard:`"),
            }
        );
        return USAGE;
    }
    let project = match inputs::load_clean(&[file.to_string()], root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(standard) = project.standards().first() else {
        eprintln!(
            "sopan: {}",
            match words {
                Lang::Id => format!("`{file}` bukan standar"),
                Lang::En => format!("`{file}` is not a standard"),
            }
        );
        return USAGE;
    };
    // Instants in a year whose holidays are not yet decreed: the answers may change.
    if let Some(cal) = standard.calendar() {
        let instants = std::iter::once(s.opened)
            .chain(s.events.iter().map(sopan::Event::at))
            .chain(s.now);
        if let Some(t) = instants.into_iter().find(|t| cal.is_provisional(*t)) {
            eprintln!(
                "sopan: {}",
                match words {
                    Lang::Id => format!("peringatan: {} jatuh pada tahun yang hari liburnya belum ditetapkan; tenggat dan jam perkara ini dapat berubah", standard.zone().show(t)),
                    Lang::En => format!("warning: {} falls in a year whose holidays are not yet decreed; this case's deadlines and clocks may change", standard.zone().show(t)),
                }
            );
        }
    }
    match scenario::run(standard, &s, &super::test::stem(case)) {
        Ok(report) => {
            match format {
                Format::Json => println!("{}", render::json_in(&report, standard.zone())),
                Format::Human => {
                    let names = Names::new(standard.model(), &report.procedure);
                    print!("{}", human(&report, &names, words));
                }
            }
            OK
        }
        Err(e) => {
            eprintln!("sopan: `{case}`: {}", e.message(words, standard.zone()));
            FAILED
        }
    }
}

fn slash(p: &str) -> String {
    p.replace('\\', "/")
}

/// An instant in the calendar's zone, `2026-03-02 08:05`.
fn local(r: &RunReport, t: jiff::Timestamp) -> String {
    render::local_time(r.offset_seconds, t)
}

/// A clock's state in words.
fn state_words(state: ClockState, lang: Lang) -> &'static str {
    match state {
        ClockState::Waiting => lang.pick("belum mulai", "waiting"),
        ClockState::OnTrack => lang.pick("sesuai waktu", "on track"),
        ClockState::AtRisk => lang.pick("berisiko terlambat", "at risk"),
        ClockState::Paused => lang.pick("dihentikan sementara", "paused"),
        ClockState::Breached => lang.pick("terlampaui", "breached"),
        ClockState::Finished => lang.pick("selesai", "finished"),
    }
}

fn human(r: &RunReport, names: &Names<'_>, lang: Lang) -> String {
    let mut out = format!(
        "{} {} · {} {} · {}\n",
        lang.pick("perkara", "case"),
        r.case,
        r.standard,
        r.version,
        names.procedure(&r.procedure)
    );
    out.push_str(lang.pick("kartu kendali:\n", "control card:\n"));
    out.push_str(&format!(
        "  {:<46} {:<12} {:<14} {:<16}  {}\n",
        lang.pick("langkah", "step"),
        lang.pick("petugas", "officer"),
        lang.pick("hasil", "outcome"),
        lang.pick("selesai", "done"),
        lang.pick("menit / standar", "minutes / standard"),
    ));
    for c in &r.card {
        let waiting = if c.waiting_minutes > 0 {
            match lang {
                Lang::Id => format!("  (menunggu pemohon {} menit)", c.waiting_minutes),
                Lang::En => format!("  (waiting for the applicant {} min)", c.waiting_minutes),
            }
        } else {
            String::new()
        };
        let step = if c.resubmitted {
            lang.pick("(diajukan kembali)", "(resubmitted)").to_string()
        } else {
            names.step(&c.step)
        };
        let line = format!(
            "  {:<46} {:<12} {:<14} {:<16}  {:>5} / {:<5}{}{waiting}",
            step,
            c.by.as_deref().unwrap_or("-"),
            c.outcome.as_deref().unwrap_or("-"),
            local(r, c.at),
            c.minutes,
            c.standard_minutes.map_or("-".into(), |m| m.to_string()),
            if c.late {
                lang.pick("  TERLAMBAT", "  LATE")
            } else {
                ""
            }
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let holders: Vec<String> = r.state.holders.iter().map(|h| names.role(h)).collect();
    let where_ = match (&r.state.terminal, r.state.active.first(), lang) {
        (Some(t), _, Lang::Id) => format!("selesai: {}", names.step(t)),
        (Some(t), _, Lang::En) => format!("ended: {}", names.step(t)),
        (None, Some(a), Lang::Id) => format!(
            "di langkah {}, dipegang {}",
            names.step(a),
            holders.join(", ")
        ),
        (None, Some(a), Lang::En) => {
            format!("at {}, held by {}", names.step(a), holders.join(", "))
        }
        (None, None, Lang::Id) => format!("pada {}", holders.join(", ")),
        (None, None, Lang::En) => format!("with {}", holders.join(", ")),
    };
    out.push_str(&match lang {
        Lang::Id => format!("status pada {}: {where_}\n", local(r, r.now)),
        Lang::En => format!("status at {}: {where_}\n", local(r, r.now)),
    });
    for c in &r.clocks {
        let kind = match (c.measure, lang) {
            (sopan::time::Measure::Working, Lang::Id) => "menit kerja",
            (sopan::time::Measure::Working, Lang::En) => "working minutes",
            (sopan::time::Measure::Wall, Lang::Id) => "menit",
            (sopan::time::Measure::Wall, Lang::En) => "minutes",
        };
        let or_dash = |m: Option<i64>| m.map_or("-".to_string(), |m| m.to_string());
        let due = c.due.map_or(String::new(), |d| match (lang, c.extended) {
            (Lang::Id, false) => format!(", tenggat {}", local(r, d)),
            (Lang::Id, true) => format!(", tenggat {} (diperpanjang)", local(r, d)),
            (Lang::En, false) => format!(", due {}", local(r, d)),
            (Lang::En, true) => format!(", due {} (extended)", local(r, d)),
        });
        out.push_str(&match lang {
            Lang::Id => format!(
                "jangka waktu \"{}\": {} — {} dari {} {kind} terpakai, sisa {}{due}\n",
                names.clock(&c.budget),
                state_words(c.status, lang),
                c.elapsed_minutes,
                or_dash(c.budget_minutes),
                or_dash(c.remaining_minutes),
            ),
            Lang::En => format!(
                "budget \"{}\": {} — {} of {} {kind} used, {} left{due}\n",
                names.clock(&c.budget),
                state_words(c.status, lang),
                c.elapsed_minutes,
                or_dash(c.budget_minutes),
                or_dash(c.remaining_minutes),
            ),
        });
    }
    for a in &r.actions {
        let to = a.to.as_deref().map_or("-".to_string(), |t| names.role(t));
        out.push_str(&match lang {
            Lang::Id => format!(
                "tindakan: {} kepada {to} pada {} — {}\n",
                a.kind,
                local(r, a.due),
                a.text
            ),
            Lang::En => format!(
                "action: {} to {to} at {} — {}\n",
                a.kind,
                local(r, a.due),
                a.text
            ),
        });
    }
    out
}
