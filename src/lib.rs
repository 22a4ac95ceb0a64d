//! **sopan** — Indonesian public-service standards (*Standar Pelayanan*) and SOPs as files a
//! machine can check and run.
//!
//! A `.sop` file declares a service's standard: roles, procedures with steps, durations and
//! decisions, time budgets in working days, service guarantees and the complaint policy.
//! The library reads it, reports every problem at once (in Indonesian or English), and
//! compiles each procedure into a state machine.
//!
//! # Layout
//!
//! The modules, lowest first. Each uses only modules above it in this list — an arrow never
//! points up the pipeline — and each stage lives in one module:
//!
//! | module | holds | uses |
//! |---|---|---|
//! | [`source`] | text in: the [`source::loader::Loader`] the core reads files through, loaded files and spans, the keyword table, CSV tables | — |
//! | [`diag`] | diagnostics: one table entry per kind (code, severity, data), words in Indonesian and English, rendering | `source` |
//! | `syntax` | the pest grammar's binding and the syntax trees (`sop::syntax`, `sop::too-deep`, …) | `source`, `diag` |
//! | [`time`] | calendars (YAML) and the one module every deadline and elapsed time comes from | `source`, `diag` |
//! | [`model`] | the resolved standard: roles, services, procedures, budgets, complaint policies | `source`, `time` |
//! | `resolve` | syntax trees of one standard → model (names, values, durations, dates) | below |
//! | [`machine`] | a procedure → its state machine (petgraph) | `model` |
//! | `check` | model and machines → diagnostics (flow, components, staffing, complaints, budgets on the calendar) | below |
//! | [`project`] | loading: entries, includes, calendars, one [`project::Standard`] per root file; the load cache and the [`project::Workspace`] that re-checks only what a change reaches | below |
//! | [`interp`] | cases on a standard's procedure: events, clocks, card, actions; scenarios | below |
//! | [`complaints`] | routing a complaint, the complaint book | `model`, `time`, `source` |
//! | [`survey`] | the satisfaction index (SKM) | `source`, `model` |
//! | [`audit`] | the evaluation of performance from a log of real cases, streamed | `project`, `interp`, below |
//! | [`render`] | output for people and hosts: the document (Markdown, HTML, Word) from one build, flowcharts (SVG laid out by sopan, Mermaid, DOT), export data, the audit report | below |
//!
//! The command-line tool (`src/cli/`, behind the `cli` feature) sits on top and does the I/O.
//! **Where new code goes:** into the module of the stage it belongs to, as a file named for
//! what it holds (under 400 lines); if it needs something from a module below, import it; if
//! it needs something from a module above, it is in the wrong place — move the shared piece
//! down. The core does no I/O and reads no clock: files come through a
//! [`source::loader::Loader`]; the same inputs give the same outputs, byte for byte.
//!
//! # Example
//!
//! ```
//! use sopan::source::loader::MemoryLoader;
//! use sopan::project::{Entry, Project};
//!
//! let mut files = MemoryLoader::new();
//! files.insert("std/a.sop", r#"
//! peran petugas "Petugas" internal
//! prosedur p "Prosedur" {
//!   langkah periksa "Periksa berkas" { oleh petugas  waktu 1 hari  lanjut akhir }
//!   selesai akhir "Selesai"
//! }
//! "#);
//! let entry = Entry { path: "std/a.sop".into(), root: "std".into() };
//! let project = Project::load(&files, &[entry]).expect("readable");
//! assert!(project.diagnostics().is_empty());
//! assert_eq!(project.standards()[0].model().procedures[0].steps[0].id, "periksa");
//! ```

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![deny(missing_docs)]

// The API most hosts need, at the top: load standards, read their problems, run cases.
pub use check::budget::{BudgetCondition, BudgetReport, Judged, NotJudged, Verdict};
pub use diag::{path_words, PathHop};
pub use diag::{Diagnostic, Lang, Severity};
pub use interp::{
    Action, CardLine, Case, ClockState, ClockStatus, Context as Procedure, Event, EventError,
    Position, ResumeError, Status,
};
pub use project::{Entry, LoadError, Project, Standard};
pub use source::loader::{FsLoader, Loader, MemoryLoader};
pub use time::{Calendar, Duration, Unit};

pub mod audit;
pub mod complaints;
pub mod diag;
pub mod interp;
pub mod model;
pub mod project;
pub mod render;
pub mod source;
pub mod survey;
pub mod time;

// The pipeline's inner stages. The parser, the syntax tree, the resolver and the checks are
// private to the crate; the compiled machine stays reachable (hidden from the docs) because
// flowcharts and `Standard::machines` hand it out.
pub(crate) mod check;
#[doc(hidden)]
pub mod machine;
pub(crate) mod resolve;
pub(crate) mod syntax;

/// The parser, syntax tree, resolver and keyword table, for this repository's benches, fuzz
/// targets and tests, which time and exercise each stage alone. Not an API: anything here may
/// change in any release; hosts load standards through [`Project`].
#[doc(hidden)]
pub mod internals {
    pub use crate::check::{budget, check};
    pub use crate::resolve::{resolve, Resolved, Usage};
    pub use crate::source::keywords::KEYWORDS;
    pub use crate::syntax::ast::File;
    pub use crate::syntax::parser::{parse, MAX_SYNTAX_ERRORS};
}

/// A `.sop` text in the one layout of `sopan fmt`: only the space between tokens changes
/// (indentation by brace, canonical spacing, aligned roles and decision arrows, blank lines),
/// so the standard means the same; texts, comments, keyword language, line ends and byte order
/// mark are kept. `None` when the parser finds an error in the text: a broken file is the
/// author's to fix first. Running it on its own output changes nothing.
///
/// ```
/// let text = "prosedur p \"P\" {\nmulai a\n}";
/// assert_eq!(sopan::format_source(text).as_deref(), Some("prosedur p \"P\" {\n  mulai a\n}\n"));
/// assert_eq!(sopan::format_source("prosedur {"), None);
/// ```
pub fn format_source(text: &str) -> Option<String> {
    let (_, diags) = syntax::parser::parse(&source::normalise(text), source::span::FileId(0));
    if diags.iter().any(|d| d.severity() == Severity::Error) {
        return None;
    }
    Some(syntax::format::format(text))
}

/// Where `name` is written as a name in a `.sop` text (outside quoted texts and comments): the
/// byte ranges an editor's "find references" and "rename" work on.
///
/// ```
/// let text = "peran petugas \"Petugas\" internal // petugas\nlangkah a \"A\" { oleh petugas }";
/// assert_eq!(sopan::name_occurrences(text, "petugas"), [6..13, 65..72]);
/// ```
pub fn name_occurrences(text: &str, name: &str) -> Vec<std::ops::Range<usize>> {
    syntax::format::words(text)
        .into_iter()
        .filter(|(a, b)| text.get(*a..*b) == Some(name))
        .map(|(a, b)| a..b)
        .collect()
}

/// Where `name` is written in a `.sop` text, as one name: with `procedure`, a step, stage or
/// end of that procedure — alone inside the procedure's block and as `procedure.name`
/// anywhere (the range of `name`); without, every place it is written except as the second
/// half of a qualified `procedure.name`.
///
/// ```
/// let text = "prosedur a \"A\" { mulai p  langkah p \"P\" { } }\nprosedur b \"B\" { mulai p }\n\
///             anggaran x \"X\" { mulai saat masuk a.p }";
/// assert_eq!(sopan::occurrences_in(text, Some("a"), "p").len(), 3);
/// assert_eq!(sopan::occurrences_in(text, Some("b"), "p").len(), 1);
/// ```
pub fn occurrences_in(
    text: &str,
    procedure: Option<&str>,
    name: &str,
) -> Vec<std::ops::Range<usize>> {
    syntax::names::occurrences(text, procedure, name)
}

/// The procedure whose block holds byte `offset` of a `.sop` text (the innermost), if any.
pub fn procedure_at(text: &str, offset: usize) -> Option<&str> {
    syntax::names::procedure_at(text, offset)
}

/// Every keyword of the language in one spelling: Indonesian, or with `english` the English
/// alias (as a file written in that language uses them), for an editor's completion.
pub fn keywords(english: bool) -> Vec<&'static str> {
    source::keywords::KEYWORDS
        .iter()
        .map(|(id, en)| if english { *en } else { *id })
        .collect()
}

/// Loads, checks and compiles every standard and calendar under a folder of the file system
/// (the folder is the standards root). Check [`Project::diagnostics`] before running cases.
///
/// ```no_run
/// let set = sopan::load_dir("standards")?;
/// let licence = set.service("izin_praktik_dokter").and_then(|s| s.context("penerbitan"));
/// # Ok::<(), sopan::LoadError>(())
/// ```
pub fn load_dir(dir: impl AsRef<std::path::Path>) -> Result<Project, LoadError> {
    let dir = dir.as_ref().to_string_lossy().replace('\\', "/");
    let entries = project::walk(&dir)?;
    Project::load(&FsLoader, &entries)
}
