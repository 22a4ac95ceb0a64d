//! `sopan calendar`: working-day arithmetic for staff.

use super::{FAILED, OK};
use clap::Subcommand;
use jiff::civil::{Date, DateTime};
use jiff::Timestamp;
use sopan::diag::Lang;
use sopan::model::Duration;
use sopan::time::{Calendar, CalendarError, Closure, Computed};
use std::io::Write;

/// What to compute.
#[derive(Subcommand)]
pub enum Job {
    /// Kapan sebuah durasi habis, dihitung dari suatu saat.
    Due {
        /// Saat datang, misalnya `2026-03-17T10:00:00+07:00` (tanpa zona: zona kalender).
        #[arg(long)]
        from: String,
        /// Durasinya, misalnya `3 hari kerja`, `20 menit`.
        #[arg(long)]
        add: String,
    },
    /// Hari kerja (dan, untuk saat, waktu kerja) di antara dua tanggal atau saat.
    Between {
        /// Awal.
        a: String,
        /// Akhir.
        b: String,
    },
    /// Massal: baca CSV `start_date,offset_days` dari stdin, tulis `start_date,offset_days,date`.
    Offset,
    /// Hari tidak bekerja dalam setahun, dengan nama dan dasar penetapannya.
    Show {
        /// Tahunnya.
        year: i32,
    },
}

/// Runs a calendar job; returns the exit code.
pub fn run(job: Job, name: &str, root: &str, json: bool) -> u8 {
    let cal = match super::calendar_file::open(name, root) {
        Ok(c) => c,
        Err((code, message)) => {
            eprintln!("sopan: {message}");
            return code;
        }
    };
    let result = match job {
        Job::Due { from, add } => due(&cal, &from, &add, json),
        Job::Between { a, b } => between(&cal, &a, &b, json),
        Job::Offset => offset(&cal),
        Job::Show { year } => show(&cal, year, json),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sopan: {message}");
            FAILED
        }
    }
}

fn instant(cal: &Calendar, text: &str) -> Result<Timestamp, String> {
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(t);
    }
    let local: DateTime = text.parse().map_err(|_| match super::words() {
        Lang::Id => format!("`{text}` bukan saat seperti 2026-03-17T10:00:00+07:00"),
        Lang::En => format!("`{text}` is not an instant such as 2026-03-17T10:00:00+07:00"),
    })?;
    let offset = jiff::tz::Offset::from_seconds(cal.zone().offset_seconds() as i32)
        .map_err(|e| e.to_string())?;
    offset.to_timestamp(local).map_err(|e| e.to_string())
}

fn local(cal: &Calendar, t: Timestamp) -> String {
    let offset = jiff::tz::Offset::from_seconds(cal.zone().offset_seconds() as i32)
        .unwrap_or(jiff::tz::Offset::UTC);
    let dt = offset.to_datetime(t);
    let hours = cal.zone().offset_seconds() / 3600;
    format!("{}+{hours:02}:00", dt.strftime("%Y-%m-%dT%H:%M:%S"))
}

fn note<T>(c: &Computed<T>) {
    if c.provisional {
        eprintln!(
            "sopan: {}",
            super::words().pick(
                "peringatan: ini menyentuh data hari libur sementara (tahun yang belum ditetapkan)",
                "warning: this touches provisional holiday data (a year not yet decreed)"
            )
        );
    }
}

fn failed(e: CalendarError) -> String {
    e.message(super::words())
}

fn due(cal: &Calendar, from: &str, add: &str, json: bool) -> Result<u8, String> {
    let from = instant(cal, from)?;
    let duration = Duration::from_text(add).ok_or_else(|| match super::words() {
        Lang::Id => format!("`{add}` bukan durasi seperti `3 hari kerja`"),
        Lang::En => format!("`{add}` is not a duration such as `3 hari kerja`"),
    })?;
    let due = cal.due(from, duration).map_err(failed)?;
    note(&due);
    if json {
        let doc = serde_json::json!({
            "calendar": cal.name(),
            "from": local(cal, from),
            "add": add,
            "due": local(cal, due.value),
            "provisional": due.provisional,
        });
        println!("{doc}");
    } else {
        println!("{}", local(cal, due.value));
    }
    Ok(OK)
}

fn between(cal: &Calendar, a: &str, b: &str, json: bool) -> Result<u8, String> {
    let is_date = |s: &str| !s.contains('T') && !s.contains(' ');
    if let (true, true, Ok(da), Ok(db)) =
        (is_date(a), is_date(b), a.parse::<Date>(), b.parse::<Date>())
    {
        let n = cal.working_days_between(da, db).map_err(failed)?;
        note(&n);
        if json {
            println!(
                "{}",
                serde_json::json!({"working_days": n.value, "provisional": n.provisional})
            );
        } else {
            println!(
                "{}: {}",
                super::words().pick("hari kerja", "working days"),
                n.value
            );
        }
        return Ok(OK);
    }
    let (ta, tb) = (instant(cal, a)?, instant(cal, b)?);
    let secs = cal.working_time_between(ta, tb).map_err(failed)?;
    let day = |t: Timestamp| -> Result<Date, String> {
        let text = local(cal, t);
        text.get(..10).unwrap_or_default().parse().map_err(|_| {
            super::words()
                .pick("tanggal tidak sah", "bad date")
                .to_string()
        })
    };
    let days = cal
        .working_days_between(day(ta)?, day(tb)?)
        .map_err(failed)?;
    note(&secs);
    let minutes = secs.value / 60;
    if json {
        let doc = serde_json::json!({
            "working_days": days.value,
            "working_minutes": minutes,
            "provisional": secs.provisional || days.provisional,
        });
        println!("{doc}");
    } else {
        let (h, m) = (minutes / 60, minutes.rem_euclid(60));
        println!(
            "{}",
            match super::words() {
                Lang::Id => format!(
                    "hari kerja: {}, waktu kerja: {h} jam {m:02} menit",
                    days.value
                ),
                Lang::En => format!("working days: {}, working time: {h}h{m:02}m", days.value),
            }
        );
    }
    Ok(OK)
}

fn offset(cal: &Calendar) -> Result<u8, String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut provisional = false;
    let write = |out: &mut std::io::BufWriter<_>, s: &str| {
        out.write_all(s.as_bytes()).map_err(|e| e.to_string())
    };
    write(&mut out, "start_date,offset_days,date\n")?;
    // One line at a time, each answered as soon as it is read: a batch of any length holds
    // one line in memory.
    let mut lines = sopan::source::table::Lines::new();
    let mut input = stdin.lock();
    let mut line = Vec::new();
    let lang = super::words();
    for number in 1.. {
        line.clear();
        if std::io::BufRead::read_until(&mut input, b'\n', &mut line).map_err(|e| e.to_string())?
            == 0
        {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let Some(r) = lines.row(number, text).map_err(|e| e.message(lang))? else {
            continue;
        };
        let row = r.line;
        if row == 1 && r.cells.first().is_some_and(|c| c == "start_date") {
            continue;
        }
        let [start, n] = r.cells.as_slice() else {
            return Err(match lang {
                Lang::Id => format!(
                    "baris {row}: diharapkan dua kolom `start_date,offset_days`, ternyata `{}`",
                    r.cells.join(",")
                ),
                Lang::En => format!(
                    "row {row}: expected two columns `start_date,offset_days`, found `{}`",
                    r.cells.join(",")
                ),
            });
        };
        // A date alone: `2026-03-02`, not an instant that happens to start with one.
        let date: Date = start
            .trim()
            .parse()
            .ok()
            .filter(|_| start.trim().len() == 10)
            .ok_or_else(|| match lang {
                Lang::Id => format!("baris {row}: `{start}` bukan tanggal seperti 2026-03-02"),
                Lang::En => format!("row {row}: `{start}` is not a date such as 2026-03-02"),
            })?;
        let n: i64 = n.trim().parse().map_err(|_| match lang {
            Lang::Id => format!("baris {row}: `{n}` bukan bilangan bulat"),
            Lang::En => format!("row {row}: `{n}` is not a whole number"),
        })?;
        let got = cal.add_working_days(date, n).map_err(|e| match lang {
            Lang::Id => format!("baris {row}: {}", e.message(Lang::Id)),
            Lang::En => format!("row {row}: {e}"),
        })?;
        provisional |= got.provisional;
        write(&mut out, &format!("{},{},{}\n", start.trim(), n, got.value))?;
    }
    out.flush().map_err(|e| e.to_string())?;
    if provisional {
        eprintln!(
            "sopan: {}",
            super::words().pick(
                "peringatan: sebagian baris menyentuh data hari libur sementara (tahun yang belum ditetapkan)",
                "warning: some rows touch provisional holiday data (a year not yet decreed)"
            )
        );
    }
    Ok(OK)
}

fn show(cal: &Calendar, year: i32, json: bool) -> Result<u8, String> {
    let (first, last) = cal.range();
    let covered = first
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(0)
        ..=last
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            .unwrap_or(0);
    if !covered.contains(&year) {
        return Err(match super::words() {
            Lang::Id => format!("{year} di luar rentang kalender, {first} sampai {last}"),
            Lang::En => format!("{year} is outside the calendar's range {first} to {last}"),
        });
    }
    let days = cal.closed_days(year);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&days).map_err(|e| e.to_string())?
        );
        return Ok(OK);
    }
    // Only days that close the office on a day it would work: a holiday on a Sunday is
    // listed, but is not one more day closed.
    let closed = days.iter().filter(|d| !d.open && !d.weekly_day_off).count();
    let lang = super::words();
    println!(
        "{}",
        match lang {
            Lang::Id => format!(
                "{} ({}), {year}: {closed} hari tidak bekerja di luar hari libur mingguan",
                cal.title(),
                cal.zone().name()
            ),
            Lang::En => format!(
                "{} ({}), {year}: {closed} non-working days besides the weekly days off",
                cal.title(),
                cal.zone().name()
            ),
        }
    );
    for d in days {
        let kind = match (d.kind, lang) {
            (Closure::Holiday, Lang::Id) => "libur nasional",
            (Closure::Holiday, Lang::En) => "public holiday",
            (Closure::CollectiveLeave, Lang::Id) => "cuti bersama",
            (Closure::CollectiveLeave, Lang::En) => "collective leave",
            (Closure::Local, Lang::Id) => "libur instansi",
            (Closure::Local, Lang::En) => "agency closure",
        };
        let mut mark = String::new();
        if d.open {
            mark.push_str(lang.pick(" (kantor buka)", " (office open)"));
        }
        if d.weekly_day_off {
            mark.push_str(lang.pick(" (hari libur mingguan)", " (weekly day off)"));
        }
        if d.provisional {
            mark.push_str(lang.pick(" (sementara)", " (provisional)"));
        }
        println!("{}  {kind:<14}  {}{mark}  — {}", d.date, d.name, d.source);
    }
    Ok(OK)
}
