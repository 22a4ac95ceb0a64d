//! Command-line parsing and dispatch. The only place with files, streams and exit codes.

mod budget;
mod calendar;
mod check;
mod ci;
mod complaints;
mod doc;
mod export;
mod graph;
mod inputs;
mod project_file;
mod render;
mod route;
mod run;
mod skm;
mod test;

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

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
    about = "Check and run Indonesian public-service standards (.sop files)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// miette's report, for people.
    Human,
    /// One JSON document, for CI and editors.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// GitHub Actions workflow commands: each problem shown on its line of the pull request.
    Github,
}

/// Output of `test`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TestFormat {
    /// Lines for people.
    Human,
    /// One JSON document.
    Json,
    /// JUnit XML, which most CI systems show as a test report.
    Junit,
}

/// Output of the other commands.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Text for people.
    Human,
    /// JSON.
    Json,
}

/// Output of `export`.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
}

/// Output of `graph`.
#[derive(Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    /// Mermaid `flowchart` (renders in GitHub, GitLab and many wikis).
    Mermaid,
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check standards: files or folders (recursive), default `standards/`.
    Check {
        /// Files or folders.
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        /// Language of messages (default: the language of each file's keywords).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Folder that includes may not leave (default: the folder given, or the nearest
        /// `standards` folder above a file).
        #[arg(long)]
        root: Option<String>,
    },
    /// Working-day arithmetic on a calendar: due dates, working time, batch offsets.
    Calendar {
        /// The job.
        #[command(subcommand)]
        job: calendar::Job,
        /// The calendar's name (`NAME.kalender.yaml` under the root).
        #[arg(long, global = true, default_value = "nasional")]
        calendar: String,
        /// Where calendars are looked for.
        #[arg(long, global = true, default_value = "standards")]
        root: String,
        /// Print JSON instead of text.
        #[arg(long, global = true)]
        json: bool,
    },
    /// Per procedure: shortest and longest path against each time budget.
    Budget {
        /// The standard's file.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Folder that includes may not leave.
        #[arg(long)]
        root: Option<String>,
    },
    /// Replay a case's events on a standard: control card, status, budget verdict, actions.
    Run {
        /// The standard's file.
        file: String,
        /// The case file (YAML).
        #[arg(long)]
        case: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Folder that includes may not leave (default: the project file's, or the nearest
        /// `standards` folder).
        #[arg(long)]
        root: Option<String>,
    },
    /// Check the standards, then run every scenario (`*.case.yaml`) found beside them.
    Test {
        /// Files or folders (default `standards/`).
        paths: Vec<String>,
        /// Fail on warnings too (suppressed ones do not count).
        #[arg(long)]
        deny_warnings: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: TestFormat,
        /// Folder that includes may not leave (default: the project file's, or the nearest
        /// `standards` folder).
        #[arg(long)]
        root: Option<String>,
        /// Language of messages (default: Indonesian, English when every standard is).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// The satisfaction index (SKM) of a survey, and the standard's follow-up rule.
    Skm {
        /// The standard's file.
        file: String,
        /// CSV, one row per respondent, U1…U9 scored 1–4 (blank: not answered).
        #[arg(long)]
        responses: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Where a complaint goes: handler, involved, escalation, reply channels, due, book record.
    Route {
        /// The standard's file.
        file: String,
        /// The channel it came by.
        #[arg(long)]
        channel: String,
        /// Its severity tier.
        #[arg(long)]
        severity: String,
        /// Facts, `name=value` (e.g. `ada_telepon=ya`, `identitas="…"`).
        #[arg(long = "fact")]
        facts: Vec<String>,
        /// When it arrived (for the due instant and the book's date).
        #[arg(long)]
        at: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// The complaint book and monthly report from a log of complaints (CSV).
    Complaints {
        /// The standard's file.
        file: String,
        /// The log: `diterima,saluran,bobot,identitas,jenis,ada_telepon,dijawab`.
        #[arg(long)]
        log: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: complaints::BookFormat,
    },
    /// Draw the flowchart of a standard's procedures (SOP AP symbols, a lane per role).
    Graph {
        /// The standard's file.
        file: String,
        /// Only this procedure (default: every procedure of the standard).
        #[arg(long)]
        procedure: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "mermaid")]
        format: GraphFormat,
        /// Language of the chart's words (default: the file's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Folder that includes may not leave.
        #[arg(long)]
        root: Option<String>,
    },
    /// Write the official document of a standard as Markdown: the 14 components, then each
    /// procedure as an SOP table with its flowchart.
    Doc {
        /// The standard's file.
        file: String,
        /// Language of the headings (default: the file's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Folder that includes may not leave.
        #[arg(long)]
        root: Option<String>,
    },
    /// Print the compiled model of one standard as data.
    Export {
        /// The standard's file.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Language of messages if the standard has errors.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Folder that includes may not leave.
        #[arg(long)]
        root: Option<String>,
    },
}

/// Runs the command line and returns the exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check {
            paths,
            format,
            lang,
            deny_warnings,
            root,
        } => check::run(&paths, format, lang, deny_warnings, root.as_deref()),
        Command::Export {
            file,
            format,
            lang,
            root,
        } => export::run(&file, format, lang, root.as_deref()),
        Command::Doc { file, lang, root } => doc::run(&file, lang, root.as_deref()),
        Command::Graph {
            file,
            procedure,
            format,
            lang,
            root,
        } => graph::run(&file, procedure.as_deref(), format, lang, root.as_deref()),
        Command::Run {
            file,
            case,
            format,
            root,
        } => run::run(&file, &case, format, root.as_deref()),
        Command::Test {
            paths,
            deny_warnings,
            format,
            lang,
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
        } => route::run(&file, &channel, &severity, &facts, at.as_deref(), format),
        Command::Skm {
            file,
            responses,
            format,
        } => skm::run(&file, &responses, format),
        Command::Budget { file, format, root } => budget::run(&file, format, root.as_deref()),
        Command::Calendar {
            job,
            calendar,
            root,
            json,
        } => calendar::run(job, &calendar, &root, json),
    };
    ExitCode::from(code)
}
