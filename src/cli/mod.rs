//! Command-line parsing and dispatch. The only place with files, streams and exit codes.

mod audit;
mod budget;
mod calendar;
mod calendar_file;
mod case;
mod check;
mod ci;
mod clap_words;
mod command;
mod complaints;
mod doc;
mod export;
mod fmt;
mod formats;
mod graph;
mod inputs;
mod names;
mod project_file;
mod render;
mod route;
mod run;
mod serve;
mod skm;
mod test;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};
use command::Command;
use std::process::ExitCode;

pub use formats::{AuditFormat, DocFormat, ExportFormat, Format, GraphFormat, TestFormat};

/// Exit code: no errors.
pub const OK: u8 = 0;
/// Exit code: the standards have errors (or warnings under `--deny-warnings`).
pub const FAILED: u8 = 1;
/// Exit code: bad usage or a file that cannot be read.
pub const USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "sopan",
    version,
    about = "Memeriksa dan menjalankan standar pelayanan publik (berkas .sop)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Bahasa semua pesan: id (bawaan) atau en. Juga `SOPAN_LANG`, atau `bahasa` di berkas
    /// proyek `sopan.yaml`.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
}

/// Language of diagnostics.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

/// Output of `check`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// Laporan untuk dibaca orang.
    Human,
    /// Satu dokumen JSON, untuk CI dan penyunting.
    Json,
    /// SARIF 2.1.0, untuk dasbor pemindaian kode (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// Perintah alur kerja GitHub Actions: setiap masalah tampil pada barisnya.
    Github,
}

/// The language of the words the commands add (not the diagnostics, which may follow each
/// file): `--lang`, `SOPAN_LANG`, the project file's `bahasa`, else Indonesian.
static WORDS: std::sync::OnceLock<sopan::diag::Lang> = std::sync::OnceLock::new();

/// The language of the commands' own words.
pub fn words() -> sopan::diag::Lang {
    WORDS.get().copied().unwrap_or_default()
}

/// Output cut short by a closed pipe (`sopan check --format json | head`) ends the program
/// quietly, as `cat` and `grep` do: Rust ignores SIGPIPE and then panics on the write.
#[cfg(unix)]
fn quiet_on_closed_pipe() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: restores the default action of one signal before any thread starts; the C
    // function takes an int and a handler pointer (SIG_DFL is 0) on every Unix this builds on.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(unix))]
fn quiet_on_closed_pipe() {}

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    quiet_on_closed_pipe();
    let early = clap_words::asked().unwrap_or_default();
    let command = match early {
        sopan::diag::Lang::En => clap_words::english(Cli::command()),
        sopan::diag::Lang::Id => Cli::command(),
    };
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = clap_words::translate(&e.render().to_string(), early);
            if e.use_stderr() {
                eprint!("{text}");
                return ExitCode::from(USAGE);
            }
            print!("{text}");
            return ExitCode::from(OK);
        }
    };
    let lang = cli.lang;
    let first = match &cli.command {
        Command::Check { paths, .. } | Command::Test { paths, .. } | Command::Fmt { paths, .. } => {
            paths.first().cloned()
        }
        Command::Export { file, .. }
        | Command::Doc { file, .. }
        | Command::Graph { file, .. }
        | Command::Run { file, .. }
        | Command::Complaints { file, .. }
        | Command::Route { file, .. }
        | Command::Skm { file, .. }
        | Command::Audit { file, .. }
        | Command::Budget { file, .. } => Some(file.clone()),
        Command::Calendar { root, .. } => root.clone(),
        Command::Case { job, .. } => Some(job.file().to_string()),
        Command::Serve { .. } | Command::Lsp => None,
    };
    let _ = WORDS.set(
        match inputs::lang(lang, &first.into_iter().collect::<Vec<_>>()) {
            Some(LangArg::En) => sopan::diag::Lang::En,
            _ => sopan::diag::Lang::Id,
        },
    );
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
            root,
        } => check::run(&paths, format, lang, deny_warnings, root.as_deref()),
        Command::Fmt { paths, check } => fmt::run(&paths, check),
        Command::Lsp => serve::lsp(),
        Command::Export { file, format, root } => export::run(&file, format, lang, root.as_deref()),
        Command::Audit {
            file,
            log,
            procedure,
            format,
        } => audit::run(&file, &log, procedure.as_deref(), format, lang),
        Command::Doc {
            file,
            format,
            out,
            root,
        } => doc::run(&file, format, out.as_deref(), lang, root.as_deref()),
        Command::Graph {
            file,
            procedure,
            format,
            out,
            root,
        } => graph::run(
            &file,
            procedure.as_deref(),
            format,
            out.as_deref(),
            lang,
            root.as_deref(),
        ),
        Command::Run {
            file,
            case,
            format,
            root,
        } => run::run(&file, &case, format, root.as_deref(), lang),
        Command::Test {
            paths,
            deny_warnings,
            format,
            root,
        } => test::run(&paths, root.as_deref(), deny_warnings, format, lang),
        Command::Complaints { file, log, format } => complaints::run(&file, &log, format),
        Command::Route {
            file,
            channel,
            severity,
            facts,
            at,
            format,
        } => route::run(
            &file,
            &channel,
            severity.as_deref().unwrap_or_default(),
            &facts,
            at.as_deref(),
            format,
        ),
        Command::Skm {
            file,
            responses,
            format,
        } => skm::run(&file, &responses, format),
        Command::Budget { file, format, root } => budget::run(&file, format, root.as_deref()),
        Command::Case { job, root } => case::run(job, root.as_deref()),
        Command::Serve { args } => serve::run(&args),
        Command::Calendar {
            job,
            calendar,
            root,
            json,
        } => {
            let root = root.unwrap_or_else(|| inputs::default_paths().remove(0));
            calendar::run(job, &calendar, &root, json)
        }
    };
    ExitCode::from(code)
}
