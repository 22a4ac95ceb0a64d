//! Linear time on hostile input: `cargo bench --bench hostile`.
//!
//! For each family of generated input (unclosed braces, nesting at the limit, open quotes,
//! comments full of braces, junk lines, one very long line, deep YAML, budgets in months, one
//! long procedure, and a valid standard for comparison) the time to check it — load, parse,
//! resolve, check, compile, and the line/column of every diagnostic — and for survey answers
//! the time to stream them, at 1×, 10× and 100× a base size. The property: time grows
//! at most about tenfold per tenfold input (the bench fails above 20×, which leaves room for
//! the machine's noise), and no hostile family costs more than a small factor of valid input
//! of the same size. Prints one JSON line per family; exits 1 when a bound is broken.
//!
//! Under `cargo test --all-targets` it runs once at a tiny size, as a smoke test.

use sopan::project::{Entry, Project};
use sopan::source::loader::MemoryLoader;
use std::time::Instant;

/// A family: its name, the file name it is checked under, and text for `n` units.
type Family = (&'static str, &'static str, fn(usize) -> String);

const FAMILIES: &[Family] = &[
    ("valid", "a.sop", valid),
    ("unclosed_braces", "a.sop", |n| {
        lines(n, "x {{{{{{{{{{{{{{{{{{{{{{{{{{{{")
    }),
    ("nesting_at_limit", "a.sop", |n| {
        let block = format!("layanan x \"X\" {}{}\n", "{".repeat(31), "}".repeat(31));
        block.repeat(n)
    }),
    ("open_quotes", "a.sop", |n| {
        lines(n, "peran a \"A internal {{{{")
    }),
    ("comment_braces", "a.sop", |n| {
        lines(n, "x // {{{{{{{{{{{{{{{{{{{{{{{{{\"")
    }),
    ("junk_lines", "a.sop", |n| {
        lines(n, "x y z tidak dapat dibaca = { } 42")
    }),
    ("long_line", "a.sop", |n| {
        format!("peran a \"A\" internal\n{}\n", "x ".repeat(n * 20))
    }),
    ("duplicate_roles", "a.sop", |n| {
        lines(n, "peran a \"A\" internal")
    }),
    ("month_budgets", "a.sop", month_budgets),
    ("complaint_policy", "a.sop", complaint_policy),
    ("long_procedure", "a.sop", |n| {
        let mut text = String::from("peran petugas \"Petugas\" internal\nprosedur p \"P\" {\n");
        for i in 0..n {
            text.push_str(&format!(
                "  langkah s{i} \"S\" {{ oleh petugas  waktu 5 menit  lanjut s{} }}\n",
                i + 1
            ));
        }
        text.push_str(&format!(
            "  langkah s{} \"S\" {{ oleh petugas  lanjut t }}\n  selesai t \"T\"\n}}\n",
            n
        ));
        text
    }),
    ("yaml_flow", "uji.kalender.yaml", |n| {
        format!("nama: uji\njam_kerja: {}\n", "{".repeat(n * 30))
    }),
    ("yaml_holidays", "uji.kalender.yaml", |n| {
        let mut text = String::from(
            "nama: uji\nzona: WIB\nberlaku: { dari: 2026-01-01, sampai: 2026-12-31 }\nlibur_tambahan:\n",
        );
        for i in 0..n * 2 {
            text.push_str(&format!(
                "  - 2026-{:02}-{:02} Libur {i}\n",
                i % 12 + 1,
                i % 28 + 1
            ));
        }
        text
    }),
];

/// One complaint policy with `n` of each of its lists: channels with their reply rules,
/// reply-only channels all named by one rule, facts, tiers, and named deadlines (each was
/// once checked against every other of its kind).
fn complaint_policy(n: usize) -> String {
    // A unit writes six lines: a quarter keeps the largest file under the 16 MiB limit.
    let n = n.div_ceil(4);
    let mut text = String::from("peran p \"P\" internal\npengaduan a \"A\" {\n");
    for i in 0..n {
        text.push_str(&format!(
            "  saluran c{i} \"C\"\n  balas c{i} -> c{i}, r{i}\n  saluran r{i} \"R\" hanya_balasan\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "  fakta f{i} \"F\" {{ ya, tidak }}\n  tenggat d{i} 1 hari\n  tingkat t{i} \"T\" {{ penangan p  tenggat 1 hari }}\n"
        ));
    }
    text.push_str("}\n");
    text
}

/// One procedure per 10 units, each with a budget in months on the national calendar and
/// steps in months, working days and calendar days, of sizes that vary from one to the next.
fn month_budgets(n: usize) -> String {
    let mut text = String::from(
        "instansi kantor \"Kantor\" { kalender nasional }\nperan petugas \"Petugas\" internal\n",
    );
    for i in 0..n.div_ceil(10) {
        text.push_str(&format!(
            "prosedur p{i} \"P{i}\" {{\n  anggaran total {} bulan\n  langkah a \"A\" {{ oleh petugas  waktu {} bulan  lanjut b }}\n  langkah b \"B\" {{ oleh petugas  waktu {} hari kerja  lanjut c }}\n  langkah c \"C\" {{ oleh petugas  waktu {} hari  lanjut s }}\n  selesai s \"S\"\n}}\n",
            i % 6 + 1,
            i % 5 + 1,
            i % 7 + 1,
            i % 3 + 1
        ));
    }
    text
}

fn lines(n: usize, line: &str) -> String {
    let mut text = String::from("peran a \"A\" internal\n");
    for _ in 0..n {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// A valid standard with one procedure per 10 units.
fn valid(n: usize) -> String {
    let mut text = String::from("peran petugas \"Petugas\" internal\n");
    for i in 0..n.div_ceil(10) {
        text.push_str(&format!(
            "prosedur p{i} \"Prosedur {i}\" {{\n  anggaran total 2 hari kerja\n  langkah 1 a \"Periksa\" {{\n    oleh petugas\n    waktu 20 menit\n    keputusan \"Lengkap?\" {{ ya -> b  tidak -> kembalikan ke petugas }}\n  }}\n  langkah 2 b \"Terbit\" {{ oleh petugas  waktu 1 hari kerja  lanjut selesai_ok }}\n  selesai selesai_ok \"Selesai\"\n}}\n"
        ));
    }
    text
}

/// Seconds to check `text` as `std/NAME`, best of `rounds`.
fn time(name: &str, text: &str, rounds: usize) -> f64 {
    let path = format!("std/{name}");
    let mut files = MemoryLoader::new();
    files.insert(&path, text.to_string());
    files.insert(
        "std/nasional.kalender.yaml",
        include_str!("../standards/nasional.kalender.yaml"),
    );
    let entry = Entry {
        path,
        root: "std".into(),
    };
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        let project = Project::load(&files, std::slice::from_ref(&entry)).expect("in memory");
        for d in project.diagnostics() {
            if let Some(loc) = d.loc {
                if let Some(file) = project.sources().get(loc.file) {
                    std::hint::black_box(file.line_col(loc.span.end as usize));
                }
            }
            std::hint::black_box(d.message(sopan::diag::Lang::Id));
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    best
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (base, rounds) = if full { (1_000, 3) } else { (10, 1) };
    let scales: &[usize] = if full { &[1, 10, 100] } else { &[1, 10] };
    let mut valid_at_top = None;
    let mut broken = Vec::new();
    for (family, name, make) in FAMILIES {
        let mut times = Vec::new();
        let mut bytes = Vec::new();
        for scale in scales {
            let text = make(base * scale);
            bytes.push(text.len());
            times.push(time(name, &text, rounds));
        }
        let growth: Vec<f64> = times.windows(2).map(|w| w[1] / w[0].max(1e-9)).collect();
        let top = times.last().copied().unwrap_or(0.0);
        let top_bytes = bytes.last().copied().unwrap_or(0);
        let per_mb = top / (top_bytes as f64 / 1e6).max(1e-9);
        if *family == "valid" {
            valid_at_top = Some(per_mb);
        }
        let vs_valid = valid_at_top.map(|v| per_mb / v.max(1e-12));
        println!(
            "{{\"family\": \"{family}\", \"bytes\": {bytes:?}, \"seconds\": [{}], \"growth_per_10x\": [{}], \"s_per_mb\": {per_mb:.4}, \"vs_valid\": {}}}",
            times.iter().map(|t| format!("{t:.5}")).collect::<Vec<_>>().join(", "),
            growth.iter().map(|g| format!("{g:.1}")).collect::<Vec<_>>().join(", "),
            vs_valid.map_or("null".into(), |v| format!("{v:.2}")),
        );
        // Below a millisecond the clock's noise swamps growth; judge the larger sizes.
        if full
            && growth
                .iter()
                .zip(&times[1..])
                .any(|(g, t)| *g > 20.0 && *t > 1e-3)
        {
            broken.push(format!("{family}: grows {growth:?} per tenfold input"));
        }
        if full && vs_valid.is_some_and(|v| v > 10.0) {
            broken.push(format!(
                "{family}: {vs_valid:?} times the cost of valid input"
            ));
        }
    }
    // Survey answers read as a stream (`skm --responses`): time per row stays flat.
    let mut times = Vec::new();
    for scale in scales {
        let rows = base * 100 * scale;
        let start = Instant::now();
        let mut tally = sopan::survey::Tally::new();
        let _ = tally.line(1, "U1,U2,U3,U4,U5,U6,U7,U8,U9");
        for i in 0..rows {
            let a = i % 4 + 1;
            let line = format!("{a},{a},3,4,\"2\",{a},3,3,4");
            let _ = tally.line(i + 2, &line);
        }
        std::hint::black_box(tally.index(None).ok());
        times.push(start.elapsed().as_secs_f64());
    }
    let growth: Vec<f64> = times.windows(2).map(|w| w[1] / w[0].max(1e-9)).collect();
    println!(
        "{{\"family\": \"csv_rows\", \"rows\": {:?}, \"seconds\": [{}], \"growth_per_10x\": [{}]}}",
        scales.iter().map(|s| base * 100 * s).collect::<Vec<_>>(),
        times
            .iter()
            .map(|t| format!("{t:.4}"))
            .collect::<Vec<_>>()
            .join(", "),
        growth
            .iter()
            .map(|g| format!("{g:.1}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    if full
        && growth
            .iter()
            .zip(&times[1..])
            .any(|(g, t)| *g > 20.0 && *t > 1e-3)
    {
        broken.push(format!("csv_rows: grows {growth:?} per tenfold input"));
    }
    // Issue 22's bound: 100 procedures with month budgets (about 17 kB) check in 50 ms.
    let text = month_budgets(1_000);
    let seconds = time("a.sop", &text, if full { 5 } else { 1 });
    println!(
        "{{\"family\": \"month_budgets_100\", \"bytes\": {}, \"seconds\": {seconds:.4}}}",
        text.len()
    );
    if full && seconds > 0.05 {
        broken.push(format!(
            "100 month-budget procedures took {seconds:.3} s (bound: 0.05 s)"
        ));
    }
    // Issue 13's bound: 10 MB of junk lines (10,000 lines of 1,000 characters) checks in
    // under a second on one core, with the errors capped ("and N more").
    let junk_line = format!("{} tidak dapat dibaca = {{ }} 42", "kata ".repeat(194));
    let lines_n = if full { 10_000 } else { 100 };
    let text = lines(lines_n, &junk_line);
    let start = Instant::now();
    let files = {
        let mut f = MemoryLoader::new();
        f.insert("std/a.sop", text.clone());
        f
    };
    let entry = Entry {
        path: "std/a.sop".into(),
        root: "std".into(),
    };
    let project = Project::load(&files, std::slice::from_ref(&entry)).expect("in memory");
    let reported = project.diagnostics().len();
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"family\": \"junk_10mb\", \"bytes\": {}, \"seconds\": {seconds:.3}, \"diagnostics\": {reported}}}",
        text.len()
    );
    if full && seconds > 1.0 {
        broken.push(format!("10 MB of junk took {seconds:.2} s (bound: 1 s)"));
    }
    if reported > 101 {
        broken.push(format!("{reported} diagnostics for junk: not capped"));
    }
    if !broken.is_empty() {
        eprintln!("hostile input bounds broken:\n  {}", broken.join("\n  "));
        std::process::exit(1);
    }
}
