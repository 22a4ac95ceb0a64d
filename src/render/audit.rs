//! An audit report for people: as text for a terminal, and as one self-contained HTML page
//! with its charts drawn as SVG (a bar per step against its Mutu Baku, a bar per month of
//! cases on time and breached).

use crate::audit::Report;
use crate::diag::Lang;
use crate::render::graph::svg::geometry::escape;
use std::fmt::Write as _;

/// Working minutes in words: `45 menit`, `3 jam 10 menit`, `2 hari kerja 1 jam` (a working day
/// of 8 hours, as the Pekanbaru calendar has).
fn minutes(m: Option<i64>, lang: Lang) -> String {
    let Some(m) = m else {
        return "–".into();
    };
    let (d, h, min) = (m / 480, (m % 480) / 60, m % 60);
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} {}", lang.pick("hari kerja", "working days")));
    }
    if h > 0 {
        parts.push(format!("{h} {}", lang.pick("jam", "h")));
    }
    if min > 0 || parts.is_empty() {
        parts.push(format!("{min} {}", lang.pick("menit", "min")));
    }
    parts.join(" ")
}

/// The report as text.
pub fn text(r: &Report, lang: Lang) -> String {
    let w = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}; {} {}, {} {}, {} {}",
        w("Evaluasi kinerja", "Performance evaluation"),
        r.rows,
        w("baris", "rows"),
        r.events,
        w("peristiwa", "events"),
        r.cases,
        w("kasus", "cases"),
        r.on_time,
        w("selesai tepat waktu", "closed on time"),
        r.breached,
        w("melewati jangka waktu", "past their time budget"),
    );
    if let Some(until) = &r.until {
        let _ = writeln!(out, "{}: {until}", w("Sampai", "Until"));
    }
    let _ = writeln!(
        out,
        "\n{}",
        w("Per bulan (bulan dibuka)", "By month (opened)")
    );
    for m in &r.months {
        let _ = writeln!(
            out,
            "  {}  {} {:>6}  {} {:>6}  {} {:>6}  {} {:>6}",
            m.month,
            w("dibuka", "opened"),
            m.opened,
            w("tepat", "on time"),
            m.closed_on_time,
            w("terlambat", "late"),
            m.closed_breached,
            w("masih berjalan", "still open"),
            m.open_on_time + m.open_breached
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        w(
            "Waktu per langkah (median / persentil 90 / Mutu Baku)",
            "Time per step (median / 90th percentile / Mutu Baku)"
        )
    );
    for s in &r.steps {
        let _ = writeln!(
            out,
            "  {:<24} {:>7}x  {} / {} / {}  {} {}",
            s.step,
            s.done,
            minutes(s.median_minutes, lang),
            minutes(s.p90_minutes, lang),
            minutes(s.standard_minutes, lang),
            w("terlambat", "late"),
            s.late
        );
    }
    if !r.roles.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            w("Waktu hilang per peran", "Time lost by role")
        );
        for role in &r.roles {
            let _ = writeln!(
                out,
                "  {:<40} {} {}  {}",
                role.title,
                role.late,
                w("kali terlambat", "times late"),
                minutes(Some(role.minutes_over), lang)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {}, {} {}; {} {} / {}",
        w("Dikembalikan ke pemohon", "Returned to the applicant"),
        r.returns,
        r.resubmitted,
        w("diajukan kembali", "brought back"),
        w(
            "menunggu (median / persentil 90)",
            "waited (median / 90th percentile)"
        ),
        minutes(r.wait_median_minutes, lang),
        minutes(r.wait_p90_minutes, lang)
    );
    let escalations: u64 = r.escalations.values().sum();
    let _ = writeln!(
        out,
        "{}: {escalations}; {}: {}; {}: {}",
        w("Eskalasi", "Escalations"),
        w("dianggap disetujui", "deemed approved"),
        r.deemed,
        w("dicabut", "withdrawn"),
        r.withdrawn
    );
    if r.bad_rows_total > 0 {
        let _ = writeln!(
            out,
            "\n{}: {} ({} {})",
            w("Baris tidak diterima", "Rows not taken"),
            r.bad_rows_total,
            r.set_aside,
            w("kasus disisihkan", "cases set aside")
        );
        for b in &r.bad_rows {
            let case = b
                .case
                .as_deref()
                .map(|c| format!(" [{c}]"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {}{case}: {}",
                w("baris", "line"),
                b.line,
                b.reason
            );
        }
    }
    out
}

/// The report as one HTML page with SVG charts.
pub fn html(r: &Report, title: &str, lang: Lang) -> String {
    let w = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>",
        lang.pick("id", "en"),
        w("Evaluasi kinerja", "Performance evaluation"),
        escape(title),
        include_str!("doc/document.css")
    );
    let _ = writeln!(
        out,
        "<h1>{} — {}</h1>",
        w("Evaluasi kinerja", "Performance evaluation"),
        escape(title)
    );
    let _ = writeln!(
        out,
        "<pre class=\"summary\">{}</pre>",
        escape(&text(r, lang))
    );
    let _ = writeln!(out, "<h2>{}</h2>", w("Kasus per bulan", "Cases by month"));
    out.push_str(&months_chart(r, lang));
    let _ = writeln!(out, "<h2>{}</h2>", w("Waktu per langkah", "Time per step"));
    out.push_str(&steps_chart(r, lang));
    out.push_str("</body>\n</html>\n");
    out
}

/// A bar per month: cases closed on time, late, and still open, stacked.
fn months_chart(r: &Report, lang: Lang) -> String {
    let n = r.months.len().max(1) as i64;
    let top = r
        .months
        .iter()
        .map(|m| m.closed_on_time + m.closed_breached + m.open_on_time + m.open_breached)
        .max()
        .unwrap_or(1)
        .max(1);
    let (bw, h) = (40i64, 200i64);
    let width = 60 + n * (bw + 10);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"10\">",
        h + 50,
        h + 50
    );
    for (i, m) in r.months.iter().enumerate() {
        let x = 50 + i as i64 * (bw + 10);
        let mut y = h + 10;
        for (value, colour) in [
            (m.closed_on_time, "#3a7d44"),
            (m.closed_breached, "#c0392b"),
            (m.open_on_time + m.open_breached, "#999"),
        ] {
            let bar = i64::try_from(value).unwrap_or(0) * h / i64::try_from(top).unwrap_or(1);
            y -= bar;
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{bw}\" height=\"{bar}\" fill=\"{colour}\"><title>{value}</title></rect>"
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + bw / 2,
            h + 25,
            escape(&m.month)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"50\" y=\"{}\">■ {} ■ {} ■ {}</text></svg>",
        h + 45,
        lang.pick("tepat waktu", "on time"),
        lang.pick("terlambat", "late"),
        lang.pick("masih berjalan", "open")
    );
    out
}

/// A bar per step: its median working time, with its Mutu Baku marked.
fn steps_chart(r: &Report, lang: Lang) -> String {
    let top = r
        .steps
        .iter()
        .flat_map(|s| [s.median_minutes, s.standard_minutes])
        .flatten()
        .max()
        .unwrap_or(1)
        .max(1);
    let (row, bar_w) = (22i64, 500i64);
    let height = 20 + r.steps.len() as i64 * row;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"10\">",
        bar_w + 260,
        bar_w + 260
    );
    for (i, s) in r.steps.iter().enumerate() {
        let y = 10 + i as i64 * row;
        let median = s.median_minutes.unwrap_or(0);
        let len = median * bar_w / top;
        let late = s.standard_minutes.is_some_and(|st| median > st);
        let colour = if late { "#c0392b" } else { "#3a7d44" };
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"180\" y=\"{y}\" width=\"{len}\" height=\"14\" fill=\"{colour}\"><title>{}</title></rect>",
            y + 11,
            escape(&s.step),
            escape(&minutes(s.median_minutes, lang))
        );
        if let Some(st) = s.standard_minutes {
            let x = 180 + st * bar_w / top;
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"2\"/>",
                y - 2,
                y + 16
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
