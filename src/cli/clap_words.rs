//! clap's own words (usage, headings, errors) in the officer's language, and the English help
//! for `--lang en`. The help texts written in `mod.rs` are Indonesian; the English ones are
//! laid over them here, by command and argument.

use clap::Command;
use sopan::diag::Lang;

/// clap's fixed English phrases and their Indonesian, applied in order to a rendered help
/// page or error.
const PHRASES: &[(&str, &str)] = &[
    (
        "the following required arguments were not provided:",
        "argumen wajib berikut belum diberikan:",
    ),
    ("unrecognized subcommand ", "perintah tidak dikenal: "),
    ("unexpected argument ", "argumen tidak dikenal: "),
    ("' found", "'"),
    ("tip: to pass ", "saran: untuk memberikan "),
    (" as a value, use ", " sebagai nilai, tulis "),
    (
        "tip: a similar argument exists: ",
        "saran: ada argumen yang mirip: ",
    ),
    (
        "tip: a similar subcommand exists: ",
        "saran: ada perintah yang mirip: ",
    ),
    (
        "tip: some similar subcommands exist: ",
        "saran: ada perintah yang mirip: ",
    ),
    (
        "tip: some similar arguments exist: ",
        "saran: ada argumen yang mirip: ",
    ),
    ("invalid value ", "nilai tidak sah "),
    ("a value is required for ", "nilai diperlukan untuk "),
    (" but none was supplied", ", tetapi tidak diberi"),
    ("unexpected value ", "nilai tak terduga "),
    (
        "; no more were expected",
        "; tidak ada nilai lain yang diharapkan",
    ),
    (
        "cannot be used multiple times",
        "tidak boleh dipakai lebih dari sekali",
    ),
    ("invalid digit found in string", "bukan bilangan"),
    (
        "requires a subcommand but one was not provided",
        "memerlukan perintah, tetapi tidak diberi",
    ),
    ("[subcommands: ", "[perintah: "),
    ("[possible values: ", "[pilihan: "),
    ("[default: ", "[bawaan: "),
    (
        "For more information, try ",
        "Untuk keterangan lebih lanjut, coba ",
    ),
    (
        "Print this message or the help of the given subcommand(s)",
        "Tampilkan bantuan ini atau bantuan perintah yang disebut",
    ),
    (
        "Print help (see a summary with '-h')",
        "Tampilkan bantuan (ringkasannya dengan '-h')",
    ),
    (
        "Print help (see more with '--help')",
        "Tampilkan bantuan (lengkapnya dengan '--help')",
    ),
    ("Print help", "Tampilkan bantuan"),
    ("Print version", "Tampilkan versi"),
    ("Possible values:", "Nilai yang mungkin:"),
    ("Usage:", "Pemakaian:"),
    ("Commands:", "Perintah:"),
    ("Options:", "Pilihan:"),
    ("Arguments:", "Argumen:"),
    ("error: ", "kesalahan: "),
    (" for '", " untuk '"),
    ("[OPTIONS]", "[PILIHAN]"),
    ("<COMMAND>", "<PERINTAH>"),
    ("[PATHS]", "[JALUR]"),
    ("<FILE>", "<BERKAS>"),
    ("<CHANNEL>", "<SALURAN>"),
    ("<SEVERITY>", "<BOBOT>"),
    ("<CASE>", "<KASUS>"),
    ("<LOG>", "<CATATAN>"),
    ("<RESPONSES>", "<JAWABAN>"),
    ("<FORMAT>", "<BENTUK>"),
    ("<ROOT>", "<FOLDER>"),
    ("<LANG>", "<BAHASA>"),
    ("<AT>", "<SAAT>"),
    ("<FACTS>", "<FAKTA>"),
    ("<PROCEDURE>", "<PROSEDUR>"),
    ("<CALENDAR>", "<KALENDER>"),
    ("<YEAR>", "<TAHUN>"),
    ("<FROM>", "<DARI>"),
    ("<ADD>", "<DURASI>"),
    ("the argument ", "argumen "),
];

/// A rendered clap page in `lang`.
pub fn translate(rendered: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return rendered.to_string();
    }
    PHRASES
        .iter()
        .fold(rendered.to_string(), |text, (en, id)| text.replace(en, id))
}

/// The English help: (command, argument or "" for the command itself, text).
const ENGLISH: &[(&str, &str, &str)] = &[
    ("", "", "Check and run Indonesian public-service standards (.sop files)"),
    ("", "lang", "Language of every message: id (the default) or en. Also `SOPAN_LANG`, or `bahasa` in the project file `sopan.yaml`"),
    ("fmt", "", "Lay out .sop files in the one layout (only space changes; see grammar/README.md)"),
    ("fmt", "paths", "Files or folders (default: the project's standards folder, or `standards/`)"),
    ("fmt", "check", "Write nothing: name the files that would change, exit 1 when there is one"),
    ("lsp", "", "The language server (LSP) for editors, over stdin/stdout (runs `sopan-lsp`)"),
    ("case", "", "A live case for other systems: open, apply an event, let time pass, status (JSON)"),
    ("case open", "", "Open a case on a standard's procedure; print the stored case and its actions"),
    ("case apply", "", "Apply one event (JSON) to a stored case; print the new case and its actions"),
    ("case advance", "", "Let time pass up to an instant; print the new case and the actions due"),
    ("case status", "", "Where a case stands at an instant: position, clocks, control card"),
    ("case due", "", "When the case next needs `advance` (its nearest timer), or `null`"),
    ("calendar due", "", "When a duration runs out, counted from an instant"),
    ("calendar between", "", "Working days (and, for instants, working time) between two dates or instants"),
    ("calendar offset", "", "Batch: read CSV `start_date,offset_days` from stdin, write `start_date,offset_days,date`"),
    ("calendar show", "", "The non-working days of a year, with their names and decrees"),
    ("serve", "", "The HTTP service for live cases (runs `sopan-serve`, docs/server.md)"),
    ("serve", "args", "Arguments for `sopan-serve` (`--db`, `--addr`, `--root`, `--clock`)"),
    ("check", "", "Parse and check standards: files or folders (recursive)"),
    ("check", "paths", "Files or folders (default: the project's standards folder, or `standards/`)"),
    ("check", "format", "Output format"),
    ("check", "deny_warnings", "Exit 1 on warnings too"),
    ("check", "root", "The standards root: what includes may not leave, where calendars are found (default: from `sopan.yaml`, or the nearest `standards` folder)"),
    ("calendar", "", "Working-day arithmetic on a calendar: due dates, working time, batch offsets"),
    ("calendar", "calendar", "The calendar's name (`NAME.kalender.yaml` under the root)"),
    ("calendar", "root", "Where calendars are looked for (default: the standards root of `sopan.yaml`, or `standards`)"),
    ("calendar", "json", "Print JSON instead of text"),
    ("budget", "", "Per procedure: shortest and longest path against each time budget"),
    ("run", "", "Replay a case's events on a standard: control card, status, budget, actions"),
    ("run", "case", "The case file (YAML)"),
    ("test", "", "Check the standards, then run every scenario (`*.case.yaml`) beside them"),
    ("test", "paths", "Files or folders; also scenario files or folders of scenarios"),
    ("test", "deny_warnings", "Fail on warnings too (allowed ones do not count)"),
    ("skm", "", "The satisfaction index (SKM) of a survey, and the standard's follow-up rule"),
    ("skm", "responses", "CSV, one row per respondent, U1…U9 scored 1–4 (blank: not answered)"),
    ("route", "", "Where a complaint goes: handler, involved, escalation, reply, due, book record"),
    ("route", "channel", "The channel it came by"),
    ("route", "severity", "Its severity tier (left out when the policy has no tiers)"),
    ("route", "facts", "Facts, `name=value` (e.g. `ada_telepon=ya`, `identitas=\"…\"`)"),
    ("route", "at", "When it arrived (for the due instant and the book's date)"),
    ("complaints", "", "The complaint book and monthly report from a log of complaints (CSV)"),
    ("complaints", "log", "The log: `diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab`"),
    ("audit", "", "The performance evaluation from real cases: a log of many cases' events (CSV or JSON Lines) replayed on the standard"),
    ("audit", "log", "The event log: CSV headed `case,event,step,outcome,by,at`, or JSON Lines"),
    ("audit", "procedure", "The procedure of rows that name none (default: the service's first procedure)"),
    ("graph", "", "Draw the flowchart of a standard's procedures (SOP AP symbols, a lane per role)"),
    ("graph", "procedure", "Only this procedure (default: every procedure of the standard)"),
    ("graph", "out", "Write one file per procedure into this folder (`PROCEDURE.svg`, `.dot`, `.mmd`)"),
    ("doc", "", "Write the official document of a standard as Markdown: the 14 components, then each procedure as an SOP table with its flowchart"),
    ("export", "", "Print the compiled model of one standard as data"),
];

/// Arguments every command shares, in English.
const SHARED: &[(&str, &str)] = &[
    ("file", "The standard's file"),
    ("format", "Output format"),
    ("root", "The standards root (what includes may not leave)"),
];

/// `command` with its help in English.
pub fn english(command: Command) -> Command {
    let mut command = command;
    for (sub, arg, text) in ENGLISH {
        command = match (*sub, *arg) {
            ("", "") => command.about(*text),
            ("", arg) => command.mut_arg(arg, |a| a.help(*text)),
            // `case open`: a command of a command.
            (sub, "") if sub.contains(' ') => {
                let (outer, inner) = sub.split_once(' ').unwrap_or((sub, ""));
                command.mut_subcommand(outer, |c| c.mut_subcommand(inner, |i| i.about(*text)))
            }
            (sub, "") => command.mut_subcommand(sub, |c| c.about(*text)),
            (sub, arg) => command.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(*text))),
        };
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |mut c| {
            for (arg, text) in SHARED {
                let has = c.get_arguments().any(|a| a.get_id() == *arg);
                let written = ENGLISH.iter().any(|(s, a, _)| *s == name && a == arg);
                if has && !written {
                    c = c.mut_arg(*arg, |a| a.help(*text));
                }
            }
            c
        });
    }
    command
}

/// The language asked for on the command line or in `SOPAN_LANG`, read before clap parses
/// (its help and errors must already be in it).
pub fn asked() -> Option<Lang> {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args.iter().enumerate().find_map(|(i, a)| {
        let value = a.strip_prefix("--lang=").or_else(|| {
            (a == "--lang")
                .then(|| args.get(i + 1).map(String::as_str))
                .flatten()
        })?;
        match value {
            "en" => Some(Lang::En),
            "id" => Some(Lang::Id),
            _ => None,
        }
    });
    from_args.or_else(|| match std::env::var("SOPAN_LANG").ok()?.as_str() {
        "en" => Some(Lang::En),
        "id" => Some(Lang::Id),
        _ => None,
    })
}
